"""Which network a request comes from, truncated (IPv4 /24, IPv6 /48) so it is never stored raw
(policy 6.4(e)). Shared by the login throttle, the forms, the privacy center and the consent log."""

import ipaddress

from django.http import HttpRequest

from hogo.logging import truncate_ip

# Where a reverse proxy in front of hogo connects from: the same host or a private network.
# Spelled out because `ipaddress.is_private` also counts the documentation ranges.
PROXY_NETWORKS = [
    ipaddress.ip_network(net)
    for net in (
        "127.0.0.0/8",
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",
        "::1/128",
        "fc00::/7",
    )
]


def client_network(request: HttpRequest) -> str | None:
    """The client's truncated network address, or None when it cannot be told.

    Behind the reverse proxy that production requires (README, "Production"), REMOTE_ADDR is
    the proxy's own loopback or private address and the client is the last X-Forwarded-For
    entry, the one the proxy appended. A client reaching hogo directly from a public address
    cannot claim another address that way.
    """
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return None
    if any(remote in net for net in PROXY_NETWORKS):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if (proxied := _parse(forwarded)) is not None:
            remote = proxied
    return truncate_ip(str(remote))


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None
