"""The address a request comes from: the direct peer, or what trusted proxies say.

Rules:
- `X-Forwarded-For` is read only when the direct peer is one of the configured
  proxies (`NETWORK_TRUSTED_PROXIES`, empty by default, loopback included): from
  anyone else it is a claim the client makes about itself, and honouring it would
  let a client reset its per-address limits and write any address into the audit log.
- Each proxy appends the address it received the request from, so hops are read from
  the right and the first one that is not a trusted proxy is the client; when every
  hop is trusted, the leftmost is. This is the rule of uvicorn's ProxyHeadersMiddleware,
  so under `network serve` (which hands uvicorn the same list) applying it to the
  address uvicorn already resolved changes nothing, and in-process use behaves alike.
- Every address is parsed with `ipaddress` and normalized (no zone id; IPv4-mapped
  IPv6 as IPv4); a client hop that is not an address yields "" (unknown), never the
  raw text.
"""

import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Longest text worth parsing as one hop (a zone id has no set length; a DNS name's
# 253 characters is generous for "[v6%zone]:port").
_MAX_HOP = 253


def parse_address(text: str) -> IPAddress | None:
    """An address as a hop or peer may write it ("a.b.c.d", "a.b.c.d:port", "v6",
    "[v6]:port", with a zone id or not), normalized; None if it is not one."""
    text = text.strip()
    if not text or len(text) > _MAX_HOP:
        return None
    if text.startswith("["):
        host, bracket, _ = text[1:].partition("]")
        if not bracket:
            return None
    elif text.count(":") == 1:
        host = text.split(":", 1)[0]
    else:
        host = text
    # A zone id names an interface of the machine that saw the address; it means
    # nothing here and has no length limit.
    host = host.split("%", 1)[0]
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


@dataclass(frozen=True)
class TrustedProxies:
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str]) -> "TrustedProxies":
        """Addresses or CIDR ranges; raises ValueError naming the bad entry."""
        networks = []
        for entry in entries:
            try:
                networks.append(ipaddress.ip_network(entry.strip(), strict=False))
            except ValueError:
                raise ValueError(
                    f"NETWORK_TRUSTED_PROXIES: {entry.strip()!r} is not an IP address or CIDR range"
                ) from None
        return cls(tuple(networks))

    def __bool__(self) -> bool:
        return bool(self.networks)

    def __contains__(self, address: object) -> bool:
        return isinstance(address, IPAddress) and any(
            address in network for network in self.networks
        )

    def as_strings(self) -> list[str]:
        """The list in CIDR form, as uvicorn's `forwarded_allow_ips` takes it."""
        return [str(network) for network in self.networks]


def client_address(scope: Mapping[str, Any], trusted: TrustedProxies) -> str:
    """The client's address as normalized text, or "" when it is not known."""
    client = scope.get("client")
    peer = parse_address(str(client[0])) if client else None
    if peer is None or peer not in trusted:
        return str(peer) if peer is not None else ""
    values = [value for name, value in scope.get("headers", ()) if name == b"x-forwarded-for"]
    if not values:
        return str(peer)
    address: IPAddress | None = peer
    for hop in reversed(b",".join(values).decode("latin-1").split(",")):
        address = parse_address(hop)
        if address is None:
            return ""
        if address not in trusted:
            break
    return str(address)


def rate_limit_key(address: str) -> str:
    """The key per-address limits count under. An IPv6 host usually holds a whole /64,
    so one /64 counts as one address."""
    parsed = parse_address(address)
    if parsed is None:
        return "unknown"
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)
