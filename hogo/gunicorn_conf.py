"""The gunicorn configuration hogo ships: `gunicorn -c python:hogo.gunicorn_conf hogo.wsgi`.

Its access log holds no client address, no query string, no referrer and no token: a line is
the time, the method, the path with long opaque segments masked, the status, the size and the
duration. It refuses to start where hogo could not tell one client from another: on a unix
socket that HOGO_TRUSTED_PROXIES does not name, or on loopback in production with no trusted
proxy (every client would then look like the proxy, and share its limits).
"""

import gc
import ipaddress
import re
from typing import Any

from gunicorn.glogging import Logger

from hogo.settings import envbool, trusted_proxies

# Activation, reset, unsubscribe and download links carry signed tokens in their path.
OPAQUE = re.compile(r"[^/]{20,}")

accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)ss'
logger_class = "hogo.gunicorn_conf.PrivateLogger"
forwarded_allow_ips = "*"  # hogo itself decides whom to believe (hogo/network.py)


class PrivateLogger(Logger):  # type: ignore[misc]
    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> Any:
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = OPAQUE.sub("…", atoms.get("U") or "")
        for key in ("h", "q", "f", "r"):
            atoms[key] = "-"
        return atoms


def bind_problem(bind: str, trusted: list[str], *, debug: bool) -> str | None:
    """Why hogo could not tell clients apart when bound to `bind`, or None."""
    if bind.startswith("unix:"):
        if "unix" not in trusted:
            return f"{bind} is a unix socket: add unix to HOGO_TRUSTED_PROXIES"
        return None
    host = bind.rsplit(":", 1)[0].strip("[]") if ":" in bind else bind
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if loopback and not trusted and not debug:
        return f"{bind} is a loopback address, but HOGO_TRUSTED_PROXIES names no proxy"
    return None


def on_starting(server: Any) -> None:
    trusted = trusted_proxies("HOGO_TRUSTED_PROXIES", "127.0.0.1,::1,unix")
    debug = envbool("HOGO_DEBUG", "false")
    problems = [p for b in server.cfg.bind if (p := bind_problem(b, trusted, debug=debug))]
    if problems:
        raise SystemExit(
            "hogo: configuration error: cannot tell clients apart for the limits on forms, codes "
            "and logins: " + "; ".join(problems)
        )


# Requests after which a worker has loaded what it loads lazily (templates, the URL map, the
# detector at the first form post): what is alive then is frozen too.
FREEZE_AFTER = (1, 10, 100)


def post_worker_init(worker: Any) -> None:
    """Keep what the worker loaded (Django, the policy) out of the garbage collector's full
    passes: each pass over all of it took 60–120 ms of a worker's time, in which the requests
    waiting on that worker queued (the longest waits of form posts at 50/s). Requests still
    have their own garbage collected as before."""
    _freeze()


def post_request(worker: Any, req: Any, environ: Any, resp: Any) -> None:
    if worker.nr in FREEZE_AFTER:
        _freeze()


def _freeze() -> None:
    gc.collect()  # what is garbage now is not frozen with the rest
    gc.freeze()
