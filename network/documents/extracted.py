"""What an import yields: the document's text as Markdown, ready to become a draft."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractedDocument:
    """`format` is one of `SUPPORTED`; `title` is None when the file names none (the
    caller falls back to the file name); `pages` is known for PDFs only."""

    format: str
    title: str | None
    text: str  # Markdown
    pages: int | None
