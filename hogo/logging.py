"""Logging helpers (not an app): IP addresses are personally referable, so logs keep networks.

`TruncateIPFilter` rewrites every IPv4 address in a record to its /24 network address and every
IPv6 address to its /48, in the message and in its arguments, before any handler formats it.
"""

import ipaddress
import logging
import re
from collections.abc import Mapping

IPV4_PREFIX = 24
IPV6_PREFIX = 48

_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
# Candidates only: anything hex-and-colons with at least two colons; `ipaddress` decides.
_IPV6 = re.compile(r"(?<![\w:.])(?=[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:)[0-9A-Fa-f:.]+(?![\w:])")


def truncate_ip(address: str) -> str:
    """The network address of `address` (IPv4 /24, IPv6 /48); unchanged if it is not an IP."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    prefix = IPV4_PREFIX if ip.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def truncate_ips_in(text: str) -> str:
    """`text` with every IP address in it truncated."""
    text = _IPV4.sub(lambda m: truncate_ip(m.group()), text)
    return _IPV6.sub(_truncate_ipv6_candidate, text)


def _truncate_ipv6_candidate(match: re.Match[str]) -> str:
    candidate = match.group()
    # A sentence may end right after an address ("from 2001:db8::1.").
    stripped = candidate.rstrip(".")
    return truncate_ip(stripped) + candidate[len(stripped) :]


def _scrub(value: object) -> object:
    if isinstance(value, str):
        return truncate_ips_in(value)
    if value is None or isinstance(value, int | float):
        return value  # keeps %d and %f working
    # An object (an exception, a request) may show an address when formatted with %s.
    text = str(value)
    scrubbed = truncate_ips_in(text)
    return value if scrubbed == text else scrubbed


class TruncateIPFilter(logging.Filter):
    """Truncates IP addresses in a record's message and string arguments; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _scrub(record.msg)
        if isinstance(record.args, Mapping):
            record.args = {key: _scrub(value) for key, value in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(_scrub(value) for value in record.args)
        return True
