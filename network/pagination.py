"""Opaque cursors and page-size checks shared by every list.

Cursors are versioned so their encoding can change without breaking clients that
hold old ones: an unknown or mangled cursor is a clear INVALID_INPUT, never a 500.
"""

import base64
import binascii
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

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


def encode_cursor(kind: str, value: int) -> str:
    raw = f"v1:{kind}:{value}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str | None) -> int | None:
    """The position a cursor points at, or None for the start of the list."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        version, cursor_kind, value = base64.urlsafe_b64decode(padded).decode().split(":")
        number = int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput("`after` is not a cursor this list issued.", field="after") from None
    if version != "v1" or cursor_kind != kind or number < 0:
        raise InvalidInput("`after` is not a cursor this list issued.", field="after")
    return number


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
    items = rows[:size]
    return Page(
        items=items,
        cursors=[encode_cursor(kind, row.id) for row in items],
        has_next_page=len(rows) > size,
        has_previous_page=position is not None,
    )
