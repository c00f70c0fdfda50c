"""Uploaded files (.docx, .pdf, .md, .txt) into Markdown drafts.

Files come from publishers and attackers alike. Rules, in the order they are checked:

1. An empty file, or one over MAX_FILE_BYTES, is refused before anything else.
2. The extension must be one of SUPPORTED.
3. The format is read from the content (`formats.identify`: `%PDF-`, a zip holding
   `[Content_Types].xml` and `word/document.xml`, or text) and must be the one the
   extension names; a declared content type, unless generic, must name it too.
4. The reader for the format bounds its own work (zip sizes, page count, text length)
   and keeps only the visible text: no document properties, comments or tracked-change
   metadata (see `word` and `pdf`).
5. A result without text, or longer than MAX_TEXT_CHARS, is refused, never truncated.

Every refusal is an `InvalidInput` on the field `file` whose message tells the publisher
what to do. Everything happens in memory: the original file is never written anywhere
and is gone when the caller drops it.
"""

import re

from network.documents.extracted import ExtractedDocument
from network.documents.formats import identify
from network.documents.limits import MAX_FILE_BYTES, MAX_PAGES, MAX_TEXT_CHARS, refused, too_long

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PAGES",
    "MAX_TEXT_CHARS",
    "SUPPORTED",
    "ExtractedDocument",
    "extract",
]

SUPPORTED = ("docx", "pdf", "md", "txt")
_KIND = {"docx": "docx", "pdf": "pdf", "md": "text", "txt": "text"}
_NAMED = {"docx": "a Word document", "pdf": "a PDF document", "md": "text", "txt": "text"}
_CONTENT_TYPES = {
    # A .docx is a zip, and some clients say no more than that.
    "docx": {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/zip",
        "application/x-zip-compressed",
    },
    "pdf": {"application/pdf", "application/x-pdf"},
    "md": {"text/markdown", "text/x-markdown", "text/plain"},
    "txt": {"text/plain"},
}
# Types that say nothing about the content: the content decides.
_GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream", "application/unknown"}


def extract(filename: str, data: bytes, *, content_type: str | None = None) -> ExtractedDocument:
    """The file's text as Markdown, with its title when it names one.

    Raises InvalidInput (field "file") for every file that is not imported.
    """
    name = _shown_name(filename)
    if not data:
        raise refused(f"{name} is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise refused(
            f"{name} is {len(data) / 1024 / 1024:.1f} MiB; files up to "
            f"{MAX_FILE_BYTES // 1024 // 1024} MiB can be imported."
        )
    extension = _extension(filename)
    if extension not in SUPPORTED:
        raise refused(
            f"{name} cannot be imported: import a "
            + ", ".join(f".{e}" for e in SUPPORTED[:-1])
            + f" or .{SUPPORTED[-1]} file."
        )
    content = identify(data)
    if content.kind != _KIND[extension]:
        raise refused(
            f"{name} is named .{extension} but holds {content.description}, not "
            f"{_NAMED[extension]}: import it in the format its name says."
        )
    declared = (content_type or "").split(";", 1)[0].strip().lower()
    if declared not in _GENERIC_TYPES and declared not in _CONTENT_TYPES[extension]:
        raise refused(
            f"{name} was sent as {declared[:80]}, which is not what a .{extension} file is."
        )
    document = _read(data, extension)
    if not document.text.strip():
        raise refused(f"{name} holds no text.")
    if len(document.text) > MAX_TEXT_CHARS:
        raise too_long()
    return document


def _read(data: bytes, extension: str) -> ExtractedDocument:
    # The readers import python-docx and pypdf, which the rest of the app never needs.
    if extension == "docx":
        from network.documents.word import read_word

        return read_word(data)
    if extension == "pdf":
        from network.documents.pdf import read_pdf

        return read_pdf(data)
    from network.documents.text import read_text

    return read_text(data, extension)


def _extension(filename: str) -> str:
    base = re.split(r"[/\\]", filename)[-1]
    return base.rsplit(".", 1)[1].lower() if "." in base else ""


def _shown_name(filename: str) -> str:
    """The file's own name, quoted for a message: no path, no control characters."""
    base = re.split(r"[/\\]", filename)[-1]
    base = "".join(c for c in base if c.isprintable()).strip()
    if not base:
        return "The file"
    return f'"{base[:77]}…"' if len(base) > 80 else f'"{base}"'
