"""What a Word document's styles and numbering say about a paragraph: heading level,
list kind, emphasis.

Read from the raw XML of the styles and numbering parts, so a damaged or unusual
definition degrades to "plain paragraph" instead of failing the import. Built-in style
names are stored in English whatever the language of Word ("heading 1"), which is what
is matched; custom styles based on a heading are headings too.
"""

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

_HEADING = re.compile(r"heading ([1-9])")
# basedOn chains are followed this deep at most: a cycle must not loop.
_MAX_DEPTH = 10


@functools.cache
def w(name: str) -> str:
    """The qualified name of a WordprocessingML element or attribute: w("p")."""
    return qn("w:" + name)


def on(element: Any | None) -> bool:
    """Whether a toggle property such as <w:b/> is present and not switched off."""
    return element is not None and element.get(w("val")) not in ("0", "false", "off")


def on_value(value: str | None) -> bool:
    """Whether an on/off attribute such as w:default="1" is on."""
    return value in ("1", "true", "on")


def number(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def children(element: Any, tag: str) -> Iterator[Any]:
    return (child for child in element.iterchildren() if child.tag == tag)


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: int | None
    ilvl: int | None
    bold: bool
    italic: bool


class Styles:
    """Paragraph and character styles by id, resolved through their basedOn chain."""

    def __init__(self, styles_element: Any | None) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        if styles_element is None:
            return
        for style in children(styles_element, w("style")):
            style_id = style.get(w("styleId"))
            if not style_id:
                continue
            if style.get(w("type")) == "paragraph" and on_value(style.get(w("default"))):
                self.default_paragraph = style_id
            self._styles[style_id] = _read_style(style)

    def _chain(self, style_id: str | None) -> Iterator[_Style]:
        for _ in range(_MAX_DEPTH):
            style = self._styles.get(style_id or "")
            if style is None:
                return
            yield style
            style_id = style.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        """1 to 6 for a heading (or the Title style), else None."""
        for style in self._chain(style_id or self.default_paragraph):
            if style.name == "title":
                return 1
            found = _HEADING.fullmatch(style.name)
            if found:
                return min(int(found.group(1)), 6)
        return None

    def numbering(self, style_id: str | None) -> tuple[int, int] | None:
        """(numId, level) a paragraph style gives its paragraphs, if any."""
        for style in self._chain(style_id or self.default_paragraph):
            if style.num_id is not None:
                return style.num_id, style.ilvl or 0
        return None

    def emphasis(self, style_id: str | None) -> tuple[bool, bool]:
        """(bold, italic) of a character style, e.g. Strong or Emphasis."""
        for style in self._chain(style_id):
            if style.bold or style.italic:
                return style.bold, style.italic
        return False, False


def _read_style(style: Any) -> _Style:
    name_element = style.find(w("name"))
    name = (name_element.get(w("val"), "") if name_element is not None else "").lower()
    based = style.find(w("basedOn"))
    num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
    num_id = ilvl = None
    if num_pr is not None:
        num_id = number(_val(num_pr.find(w("numId"))), default=-1)
        ilvl = number(_val(num_pr.find(w("ilvl"))))
        num_id = num_id if num_id >= 0 else None
    r_pr = style.find(w("rPr"))
    return _Style(
        name=name,
        based_on=_val(based),
        num_id=num_id,
        ilvl=ilvl,
        bold=r_pr is not None and on(r_pr.find(w("b"))),
        italic=r_pr is not None and on(r_pr.find(w("i"))),
    )


def _val(element: Any | None) -> str | None:
    return element.get(w("val")) if element is not None else None


class Numbering:
    """List formats by (numId, level): "bullet", "ordered" or None (not a list), and
    the number an ordered level starts from."""

    def __init__(self, numbering_element: Any | None) -> None:
        self._abstract: dict[str, dict[int, tuple[str, int]]] = {}
        self._nums: dict[int, str] = {}
        if numbering_element is None:
            return
        for abstract in children(numbering_element, w("abstractNum")):
            levels = {}
            for level in children(abstract, w("lvl")):
                fmt = _val(level.find(w("numFmt"))) or "decimal"
                start = number(_val(level.find(w("start"))), default=1)
                levels[number(level.get(w("ilvl")))] = (fmt, start)
            self._abstract[abstract.get(w("abstractNumId"), "")] = levels
        for num in children(numbering_element, w("num")):
            abstract_id = _val(num.find(w("abstractNumId")))
            if abstract_id is not None:
                self._nums[number(num.get(w("numId")), default=-1)] = abstract_id

    def kind(self, num_id: int, ilvl: int) -> str | None:
        if num_id <= 0:  # numId 0 removes the numbering a style would give
            return None
        fmt, _ = self._level(num_id, ilvl)
        if fmt == "none":
            return None
        return "bullet" if fmt == "bullet" else "ordered"

    def start(self, num_id: int, ilvl: int) -> int:
        return max(self._level(num_id, ilvl)[1], 0)

    def _level(self, num_id: int, ilvl: int) -> tuple[str, int]:
        levels = self._abstract.get(self._nums.get(num_id, ""), {})
        # An unknown definition is shown as a bulleted list: the items stay items.
        return levels.get(ilvl, ("bullet", 1))
