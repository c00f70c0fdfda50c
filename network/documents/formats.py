"""What a file's bytes are, read from its content rather than from its name.

The name and the declared content type are chosen by whoever sends the file; the
content decides which reader runs, and a name that disagrees with it is refused by the
caller. Only the leading bytes (and, for a zip, its central directory) are read here.
"""

import io
import zipfile
from dataclasses import dataclass

# Bytes looked at to tell text from binary data: a NUL among them means binary.
SAMPLE_BYTES = 8192

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Formats recognised only to say what a file is when it is refused.
_BINARY_MAGIC = (
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"\xcf\xfa\xed\xfe", "a program"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"II*\x00", "an image"),
    (b"MM\x00*", "an image"),
    (b"\x1f\x8b", "a compressed archive"),
    (b"7z\xbc\xaf", "a compressed archive"),
    (b"Rar!", "a compressed archive"),
)
_ZIP_KINDS = (
    ("xl/workbook.xml", "an Excel workbook"),
    ("ppt/presentation.xml", "a PowerPoint presentation"),
    ("mimetype", "an OpenDocument file"),
)


@dataclass(frozen=True)
class Content:
    """`kind` is "pdf", "docx", "text" or "other"; `description` names it for a person."""

    kind: str
    description: str


def identify(data: bytes) -> Content:
    """The kind of `data`, judged by magic bytes (PDF, zip) or the absence of NUL (text)."""
    if data.startswith(b"%PDF-"):
        return Content("pdf", "a PDF document")
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_content(data)
    if data.startswith(_OLE):
        # Word saves password-protected .docx files in this container too.
        return Content("other", "an old-style Office file (.doc) or a password-protected one")
    if data.startswith(b"{\\rtf"):
        return Content("other", "an RTF document")
    if data.startswith(_UTF16_BOMS):
        # Text, but not UTF-8: the text reader says so precisely.
        return Content("text", "UTF-16 text")
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        for magic, description in _BINARY_MAGIC:
            if data.startswith(magic):
                return Content("other", description)
        return Content("other", "binary data")
    return Content("text", "text")


def _zip_content(data: bytes) -> Content:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        return Content("other", "a damaged zip archive")
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return Content("docx", "a Word document")
    for member, description in _ZIP_KINDS:
        if member in names:
            return Content("other", description)
    return Content("other", "a zip archive")
