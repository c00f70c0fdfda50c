"""The one byte form of a feed entry's content: RFC 8785 canonical JSON.

Two instances must produce and check the same bytes for the same content, whatever
their JSON library, so a signature covers meaning rather than formatting. RFC 8785
serialises numbers as IEEE doubles (section 3.2.2.3); to stay exact everywhere a body
holds no floats at all and no integer beyond 2^53 - 1 (counts are integers, rates go
as decimal strings). Bodies are also bounded in depth and size: they come from peers.
"""

from typing import Any

import orjson
import rfc8785

MAX_SAFE_INTEGER = 2**53 - 1
MAX_DEPTH = 16
MAX_BYTES = 2 * 1024 * 1024


class NotCanonical(ValueError):
    """Content that cannot go into an envelope, or bytes that are not the canonical
    form of what they hold."""


def check(value: Any, depth: int = 0) -> bool:
    """Refuse what a body may not hold (see the module). Returns whether every
    object key in it is ASCII."""
    if depth > MAX_DEPTH:
        raise NotCanonical(f"nested deeper than {MAX_DEPTH} levels")
    if value is None or isinstance(value, bool | str):
        return True
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise NotCanonical(f"integer {value} is beyond 2^53 - 1")
        return True
    if isinstance(value, float):
        raise NotCanonical("floats are not allowed: send integers or decimal strings")
    if isinstance(value, list):
        ascii_keys = True
        for item in value:
            ascii_keys = check(item, depth + 1) and ascii_keys
        return ascii_keys
    if isinstance(value, dict):
        ascii_keys = True
        for key, item in value.items():
            if not isinstance(key, str):
                raise NotCanonical("object keys must be strings")
            ascii_keys = check(item, depth + 1) and key.isascii() and ascii_keys
        return ascii_keys
    raise NotCanonical(f"{type(value).__name__} is not a JSON value")


def encode(value: Any) -> bytes:
    """The canonical bytes of `value` (checked first).

    Without floats, RFC 8785 output is compact JSON with keys sorted by UTF-16 code
    units and ECMAScript's string escaping; orjson writes exactly that (tested
    against the reference implementation) when every key is ASCII, where code point
    and UTF-16 order agree, and is fifty times faster on a policy's text. Other keys
    go through the reference implementation."""
    ascii_keys = check(value)
    try:
        if ascii_keys:
            data = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        else:
            data = rfc8785.dumps(value)
    except (orjson.JSONEncodeError, rfc8785.CanonicalizationError, UnicodeError) as error:
        raise NotCanonical(f"not encodable as JSON ({error})") from None
    if len(data) > MAX_BYTES:
        raise NotCanonical(f"{len(data):,} bytes; at most {MAX_BYTES:,}")
    return data


def is_canonical(data: bytes, value: Any) -> bool:
    """Whether `data` is exactly the canonical form of `value` (what it parsed to)."""
    try:
        return encode(value) == data
    except NotCanonical:
        return False
