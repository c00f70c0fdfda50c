"""Plain text and Markdown files: UTF-8 only, no control characters, newlines normalised.

The encoding is never guessed: a wrong guess turns names into mojibake the analysis
cannot recognise, so anything that is not UTF-8 is refused with the line to look at.
A .txt file is kept as written: plain paragraphs are already Markdown, and whatever
Markdown syntax it happens to hold is rendered by the sanitizing renderer, never as
HTML. A .md file's first heading, when it opens the file, is its title.
"""

import re

from markdown_it import MarkdownIt

from network.documents.extracted import ExtractedDocument
from network.documents.limits import MAX_TEXT_CHARS, refused, title_or_none, too_long

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_OR_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
# C0 controls other than tab and newline (CR and form feed are converted first), DEL and
# the C1 controls: invisible, never meant in a policy, and the sign of a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The title is looked for in the opening of the file only.
_TITLE_WINDOW = 4_000
_HEADINGS = MarkdownIt("commonmark", {"html": False})


def read_text(data: bytes, extension: str) -> ExtractedDocument:
    """A .txt or .md file as Markdown; raises InvalidInput when it is not UTF-8 text."""
    text = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").strip("\n")
    if len(text) > MAX_TEXT_CHARS:
        raise too_long()
    _check_characters(text)
    title = _markdown_title(text) if extension == "md" else None
    return ExtractedDocument(format=extension, title=title, text=text, pages=None)


def _decode(data: bytes) -> str:
    if data.startswith(_UTF16_OR_32_BOMS):
        raise refused(
            "The file is saved as UTF-16 text; save it with UTF-8 encoding and import it again."
        )
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise refused(
            f"The file is not UTF-8 text (the first character that is not is on line {line}): "
            "save it with UTF-8 encoding and import it again."
        ) from None


def _check_characters(text: str) -> None:
    if "\x00" in text:
        raise refused("The file holds NUL characters, which text never does: it is not text.")
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise refused(
            f"The file holds a control character on line {line} "
            f"(U+{ord(found.group()):04X}), which text does not: remove it or save the "
            "document as plain UTF-8 text."
        )


def _markdown_title(text: str) -> str | None:
    """The text of a level-1 heading that opens the file, without its markup."""
    tokens = _HEADINGS.parse(text[:_TITLE_WINDOW])
    if len(tokens) < 2 or tokens[0].type != "heading_open" or tokens[0].tag != "h1":
        return None
    inline = tokens[1].children or []
    words = [
        " " if child.type in ("softbreak", "hardbreak") else child.content
        for child in inline
        if child.type in ("text", "code_inline", "softbreak", "hardbreak")
    ]
    return title_or_none("".join(words))
