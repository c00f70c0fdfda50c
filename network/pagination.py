"""Opaque cursors and page-size checks shared by every list.

A cursor holds a position (a row id for keyset pages, an offset otherwise). Row ids
are sequential, so a readable cursor would tell anyone how many items exist that
they cannot see: positions are sealed with AES-SIV (RFC 5297), deterministic
authenticated encryption, under a key derived from the instance secret, with the
list's kind as associated data. The same page always gets the same cursor (so
responses stay cacheable), a cursor of one list is refused by another, and a forged
or mangled cursor is a clear INVALID_INPUT, never a 500.
"""

import base64
import binascii
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from tortoise.expressions import Q

from network.errors import InvalidInput

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 20


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    cursors: list[str]
    has_next_page: bool
    has_previous_page: bool


def check_page_size(first: int | None, maximum: int) -> int:
    if first is None:
        return min(DEFAULT_PAGE_SIZE, maximum)
    if first < 1 or first > maximum:
        raise InvalidInput(f"`first` must be between 1 and {maximum}, got {first}.", field="first")
    return first


_VERSION = b"v2"
# 8 bytes of position, sealed: 24 bytes, 32 characters of base64url.
_CURSOR_LENGTH = 32
_sealer: AESSIV | None = None


def configure_cursors(key: bytes) -> None:
    """Set the 32-byte key cursors are sealed with (the app does at start-up; every
    process of an instance must use the same key)."""
    global _sealer
    _sealer = AESSIV(key)


def _cipher() -> AESSIV:
    if _sealer is None:
        raise RuntimeError("cursor key not configured: call configure_cursors() at start-up")
    return _sealer


def encode_cursor(kind: str, value: int) -> str:
    sealed = _cipher().encrypt(value.to_bytes(8, "big"), [_VERSION, kind.encode()])
    return base64.urlsafe_b64encode(sealed).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str | None) -> int | None:
    """The position a cursor points at, or None for the start of the list."""
    if cursor is None:
        return None
    refused = InvalidInput("`after` is not a cursor this list issued.", field="after")
    if len(cursor) != _CURSOR_LENGTH or not cursor.isascii():
        raise refused
    try:
        sealed = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        plain = _cipher().decrypt(sealed, [_VERSION, kind.encode()])
    except (ValueError, binascii.Error, InvalidTag):
        raise refused from None
    return int.from_bytes(plain, "big")


async def newest_first(
    queryset: Any, *, kind: str, first: int | None, after: str | None, max_page_size: int
) -> Page[Any]:
    """One page of a queryset, newest first, keyset-paginated on the id: stable while
    rows are added, and as cheap on page 100 as on page 1."""
    size = check_page_size(first, max_page_size)
    position = decode_cursor(kind, after)
    if position is not None:
        queryset = queryset.filter(id__lt=position)
    rows = await queryset.order_by("-id").limit(size + 1)
    return _page(kind, rows, size, position is not None)


async def by_field(
    queryset: Any,
    field: str,
    *,
    kind: str,
    first: int | None,
    after: str | None,
    max_page_size: int,
) -> Page[Any]:
    """One page of a queryset ordered by `field`, then id, keyset-paginated on that
    pair. The cursor seals only the last row's id; its `field` value is read back
    by primary key (one indexed lookup), so cursors stay short and opaque."""
    size = check_page_size(first, max_page_size)
    position = decode_cursor(kind, after)
    if position is not None:
        model = queryset.model
        values = await model.filter(id=position).values_list(field, flat=True)
        if not values:
            raise InvalidInput("`after` points at an item that no longer exists.", field="after")
        value = values[0]
        queryset = queryset.filter(
            Q(**{f"{field}__gt": value}) | Q(**{field: value, "id__gt": position})
        )
    rows = await queryset.order_by(field, "id").limit(size + 1)
    return _page(kind, rows, size, position is not None)


def offset_page(kind: str, rows: list[T], size: int, start: int) -> Page[T]:
    """A page of rows fetched from `start` with LIMIT size + 1, for orders no keyset
    can follow (search relevance); the cursor seals the position."""
    items = rows[:size]
    return Page(
        items=items,
        cursors=[encode_cursor(kind, start + i) for i in range(len(items))],
        has_next_page=len(rows) > size,
        has_previous_page=start > 0,
    )


def _page(kind: str, rows: list[Any], size: int, after_cursor: bool) -> Page[Any]:
    items = rows[:size]
    return Page(
        items=items,
        cursors=[encode_cursor(kind, row.id) for row in items],
        has_next_page=len(rows) > size,
        has_previous_page=after_cursor,
    )
