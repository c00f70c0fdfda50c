"""URLs of this instance: where a process listens, and whether two URLs are one origin."""

from urllib.parse import urlsplit

_WILDCARDS = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}  # noqa: S104


def listening_url(host: str, port: int) -> str:
    """The http URL a process bound to `host`:`port` answers on (a wildcard bind is
    reachable on loopback at least; IPv6 literals in brackets, RFC 3986 section 3.2.2)."""
    name = _WILDCARDS.get(host, host)
    if ":" in name:
        name = f"[{name}]"
    return f"http://{name}:{port}"


def same_origin(a: str, b: str) -> bool:
    """Scheme, host and port equal (RFC 6454 section 4), default ports filled in."""

    def origin(url: str) -> tuple[str, str, int | None]:
        parts = urlsplit(url.strip())
        default = {"http": 80, "https": 443}.get(parts.scheme)
        try:
            port = parts.port or default
        except ValueError:
            port = None
        return parts.scheme, (parts.hostname or "").lower(), port

    return origin(a) == origin(b)
