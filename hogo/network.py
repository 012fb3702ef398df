"""Which network a request comes from, truncated (IPv4 /24, IPv6 /48) so it is never stored raw
(policy 6.4(e)). Shared by the login throttle, the forms, the privacy center and the consent log."""

import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpRequest

from hogo.logging import truncate_ip

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@cache
def _proxies(
    trusted: tuple[str, ...],
) -> tuple[bool, tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]]:
    networks = tuple(ipaddress.ip_network(item, strict=False) for item in trusted if item != "unix")
    return "unix" in trusted, networks


def client_network(request: HttpRequest) -> str | None:
    """The client's truncated network address, or None when it cannot be told.

    Behind a reverse proxy listed in HOGO_TRUSTED_PROXIES (README, "Production"), REMOTE_ADDR
    is the proxy's address, or empty on a unix socket, and the client is the last
    X-Forwarded-For entry, the one the proxy appended. Anyone else cannot claim another address
    that way.
    """
    unix, networks = _proxies(tuple(settings.TRUSTED_PROXIES))
    raw = request.META.get("REMOTE_ADDR") or ""
    remote = _parse(raw)
    # A unix socket has no peer address: REMOTE_ADDR is empty.
    via_unix = remote is None and unix and not raw
    if via_unix or (remote is not None and any(remote in net for net in networks)):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        remote = _parse(forwarded) or remote
    return truncate_ip(str(remote)) if remote is not None else None


def _parse(value: str) -> Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None
