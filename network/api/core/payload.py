"""Payload errors: how a mutation reports what the caller can fix.

Expected failures (`DomainError`: invalid input, not found, not allowed, conflict)
are data in the payload, with a code and the input field they concern, as Saleor
does; anything else is a bug and goes through the masked `errors` list instead.
"""

from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry

from network.errors import DomainError

T = TypeVar("T")


@strawberry.type
class UserError:
    code: str
    field: str | None
    message: str

    @classmethod
    def from_error(cls, error: DomainError) -> "UserError":
        return cls(code=error.code, field=error.field, message=error.message)


async def attempt(work: Callable[[], Awaitable[T]]) -> tuple[T | None, list[UserError]]:
    """Run a mutation's service call; expected errors become payload errors."""
    try:
        return await work(), []
    except DomainError as error:
        return None, [UserError.from_error(error)]
