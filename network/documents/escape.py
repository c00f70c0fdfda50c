"""Text from a Word document written as Markdown that reads back as the same text.

Converted documents carry Markdown the converter adds (headings, emphasis, lists), so
characters of the document's own text that Markdown would read as markup are escaped:
a literal `*` must not open emphasis, nor a typed `# ` make a heading. Only what would
change the rendering is escaped, so the draft stays readable and the analysis sees the
words as they were. Square brackets are left alone: the renderer keeps `[...]` as text.
"""

import re

_INLINE = re.compile(r"([\\`*_])|(~~)")
# A line start that Markdown would read as a block: heading, quote, list item, thematic
# break or setext underline, code fence.
_BLOCK_START = re.compile(
    r"(?P<mark>#{1,6}|>|[-+](?=[ \t]|$))"
    r"|(?P<number>\d{1,9})(?P<delimiter>[.)])(?=[ \t]|$)"
    r"|(?P<rule>[-=])(?=[-= \t]*$)"
)


def escape_inline(text: str) -> str:
    """`text` with the characters that open emphasis, code or escapes made literal."""
    return _INLINE.sub(lambda m: "\\~\\~" if m.group(2) else "\\" + m.group(1), text)


def escape_line_start(line: str) -> str:
    """`line` without leading blanks (which would indent it into code), and with a
    leading block marker made literal."""
    line = line.lstrip(" \t")
    found = _BLOCK_START.match(line)
    if not found:
        return line
    if found.group("number"):
        end = found.end("number")
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def escape_heading(text: str) -> str:
    """Heading text: a trailing `#` would otherwise be read as a closing sequence."""
    text = escape_inline(text)
    return text[:-1] + "\\#" if text.endswith("#") else text


def escape_cell(text: str) -> str:
    """Table cell text: inline escapes, and `|` which would end the cell."""
    return escape_inline(text).replace("|", "\\|")
