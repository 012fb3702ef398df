"""The client's network as collection records keep it: truncated (IPv4 /24, IPv6 /48), per
policy 6.4(e). The same rule as the console's login throttle: behind the reverse proxy that
production requires, the client is the last X-Forwarded-For entry the proxy appended."""

import ipaddress

from django.http import HttpRequest

from hogo.logging import truncate_ip

_PROXY_NETWORKS = [
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


def request_network(request: HttpRequest) -> str:
    """The truncated client network, or "" when it cannot be told."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return ""
    if any(remote in net for net in _PROXY_NETWORKS):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1]
        if (proxied := _parse(forwarded)) is not None:
            remote = proxied
    return truncate_ip(str(remote))


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None
