"""PDF files as Markdown drafts: the text of each page, pages apart by a blank line.

Refused before any page is read: protected files, even those that open without a
password (their owner restricted them; an unprotected copy is the publisher's to make),
and files with more than MAX_PAGES pages. Extraction stops as soon as the text passes
MAX_TEXT_CHARS, and pypdf's own limits on decompression and parsing are tightened for
the duration. Pages without text (scans) give nothing, and a file that is all scans is
refused: there is no text recognition. Lines are kept as extracted (without indentation,
which Markdown would read as code), like a .txt file's. Document properties (author,
producer) are not read; the title property is, when it looks like a title.

pypdf raises many kinds of exception on malformed files, by design (it reads what it
can); every one raised while reading the file means "not a readable PDF" to the
publisher, so the calls into pypdf are wrapped as a whole.
"""

import io
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pypdf
from pypdf.errors import LimitReachedError

from network.documents.extracted import ExtractedDocument
from network.documents.limits import MAX_PAGES, MAX_TEXT_CHARS, refused, title_or_none, too_long
from network.errors import InvalidInput

# pypdf's defaults (75 MB per stream, 2 million tokens per content stream) let one page
# cost tens of seconds: measured, 2 MB of `(x) Tj` (285,000 operators) takes 9 s to
# extract, 20 MB of blanks 4 s. A page of text needs tens of kB and a few thousand
# tokens, a dense drawing a few MB; with these bounds the worst page measured 2 s.
_CONFIGURATION = pypdf.Configuration(
    zlib_maximum_output_length=10_000_000,
    lzw_maximum_output_length=10_000_000,
    run_length_maximum_output_length=10_000_000,
    array_based_stream_maximum_output_length=10_000_000,
    maximum_declared_stream_length=10_000_000,
    stream_decoding_work_maximum_length=40_000_000,
    stream_parsing_work_maximum_count=200_000,
    jbig2dec_binary=None,  # never start an external program
)
# Pages are read until this much time has passed: many pages near the bounds above
# must not add up to minutes. A 30-page policy takes well under a second.
MAX_SECONDS = 20.0
# Controls other than tab and newline, and DEL: PDF text carries them from odd fonts,
# and PostgreSQL cannot store NUL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_HYPHENATED = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
_FILE_NAME = re.compile(r"\.(?:docx?|pdf|rtf|odt|txt)$", re.IGNORECASE)


def read_pdf(data: bytes) -> ExtractedDocument:
    """A PDF file as Markdown; raises InvalidInput when it cannot or may not be read."""
    started = time.monotonic()
    with pypdf.apply_configuration(_CONFIGURATION), _unreadable_as_refusal():
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise refused(
                "The PDF is protected (encrypted, even if it opens without a password): save "
                "a copy without a password or other protection and import that copy."
            )
        pages = len(reader.pages)
        if pages > MAX_PAGES:
            raise refused(
                f"The PDF has {pages:,} pages; at most {MAX_PAGES} can be imported at once: "
                "split it into parts."
            )
        texts = list(_page_texts(reader, pages, started))
        title = _title(reader)
    text = "\n\n".join(t for t in texts if t)
    if not any(c.isalnum() for c in text):
        raise refused(
            "The PDF holds no text, only images (a scan?): text recognition (OCR) is not "
            "supported. Import the original document, or a PDF saved from it."
        )
    return ExtractedDocument(format="pdf", title=title, text=text, pages=pages)


def _page_texts(reader: pypdf.PdfReader, pages: int, started: float) -> Iterator[str]:
    size = 0
    for index in range(pages):
        text = _clean(reader.pages[index].extract_text())
        size += len(text) + 2
        if size > MAX_TEXT_CHARS:
            raise too_long()
        if time.monotonic() - started > MAX_SECONDS:
            raise _too_complex()
        yield text


def _too_complex() -> InvalidInput:
    return refused(
        "The PDF's pages are too complex to read in reasonable time (large drawings or "
        "generated content): import the original document, or a simpler PDF saved from it."
    )


def _clean(text: str) -> str:
    """Page text as plain Markdown lines: no control characters, no indentation (it
    would read as code), words hyphenated across lines joined again."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    text = _HYPHENATED.sub("", text)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _title(reader: pypdf.PdfReader) -> str | None:
    try:
        metadata = reader.metadata
        title = metadata.title if metadata is not None else None
    except Exception:  # a damaged information dictionary costs the title only
        return None
    if not isinstance(title, str) or _FILE_NAME.search(title.strip()):
        return None  # "Microsoft Word - policy.docx" names a file, not the document
    return title_or_none(title)


@contextmanager
def _unreadable_as_refusal() -> Iterator[None]:
    try:
        yield
    except InvalidInput:
        raise
    except LimitReachedError:
        raise _too_complex() from None
    except Exception:
        raise refused(
            "The file could not be read as a PDF: it is damaged or not a PDF. Save it "
            "again as PDF and import it again."
        ) from None
