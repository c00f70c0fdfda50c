"""Expected errors of the domain: each has a stable code the API passes on as data.

Unexpected exceptions are never of these types; the API masks them and logs them
with a request id.
"""


class DomainError(Exception):
    """Base of every expected error; `code` is stable and machine-readable."""

    code = "INVALID"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    """Also used for objects that exist but the principal may not see: the two
    answers must be indistinguishable."""

    code = "NOT_FOUND"


class InvalidInput(DomainError):
    code = "INVALID_INPUT"


class PermissionDenied(DomainError):
    code = "PERMISSION_DENIED"


class ReadOnlyCopy(PermissionDenied):
    """A write to a copy of what a peer instance published: it changes at its origin."""

    code = "READ_ONLY_COPY"


class Conflict(DomainError):
    code = "CONFLICT"
