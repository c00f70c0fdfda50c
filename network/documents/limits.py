"""Bounds on the work an uploaded file may cause, and the refusal every check raises.

Each bound is checked before the work it protects: the upload's size before it is read,
a .docx's declared sizes before anything is unpacked, a PDF's page count before any page
is read, and the text's length while it grows.
"""

from network.errors import InvalidInput

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_PAGES = 100
# The longest body a publication may have (publications.drafts.MAX_BODY).
MAX_TEXT_CHARS = 200_000
# A title longer than this is a sentence, not a title: the caller falls back to the file name.
MAX_TITLE_CHARS = 200


def refused(message: str) -> InvalidInput:
    """The error for a file that is not imported: always on the `file` field."""
    return InvalidInput(message, field="file")


def too_long() -> InvalidInput:
    return refused(
        f"The document holds more than {MAX_TEXT_CHARS:,} characters of text, the most a "
        "draft may hold: split it into several documents."
    )


def title_or_none(text: str | None) -> str | None:
    """`text` as a one-line title, or None when it is empty or too long to be one."""
    title = " ".join((text or "").split())
    return title if title and len(title) <= MAX_TITLE_CHARS else None
