"""Word documents (.docx) as Markdown drafts: the visible text of the body only.

Headings (Heading 1-6 and Title styles) become `#` headings, numbered and bulleted
paragraphs list items, bold and italic runs `**`/`*`, tables Markdown tables, and web
links Markdown links. The title is the document's opening heading, else the title in
its properties.

Left out on purpose, because they so often hold names: comments, tracked-change
metadata and deleted text (inserted text is kept: it is what the document now says),
hidden text, field codes, headers and footers, footnotes, and document properties such
as author or company. Text boxes and drawings are left out too: Word stores them twice.

The zip is checked first (`archive.check_archive`); the XML is parsed by python-docx
with entity resolution and network access off, and walked here directly so that what
is kept is decided in one place.
"""

import io
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from network.documents.archive import check_archive
from network.documents.escape import escape_cell, escape_heading, escape_inline, escape_line_start
from network.documents.extracted import ExtractedDocument
from network.documents.limits import MAX_TEXT_CHARS, refused, title_or_none, too_long
from network.documents.wordstyles import Numbering, Styles, children, number, on, w
from network.errors import InvalidInput

_BREAK = "\n"
# Paragraphs and table rows read at most. A 100-page policy has some 3,000; the bound
# keeps a file of a million empty paragraphs (a few MiB zipped) from costing seconds.
MAX_BLOCKS = 50_000
_LINK_SCHEMES = ("http://", "https://", "mailto:")
# Inline containers whose content is part of the text as it now reads.
_TRANSPARENT = {w(t) for t in ("ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo")}
_RELATIONSHIP_ID = qn("r:id")
_CELL_CONTAINERS = {w(t) for t in ("tbl", "tr", "tc", "sdt", "sdtContent")}

# (text, bold, italic, link); text is _BREAK for a line break.
Segment = tuple[str, bool, bool, str | None]


def read_word(data: bytes) -> ExtractedDocument:
    """A .docx file as Markdown; raises InvalidInput when it cannot or may not be read."""
    check_archive(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:
        # python-docx assumes a well-formed package: a malformed one fails with whatever
        # the first missing piece raises (KeyError, AttributeError, lxml's XMLSyntaxError,
        # zipfile's BadZipFile on a CRC mismatch...). Each means the same to a publisher.
        raise _unreadable() from None
    converter = _Converter(document)
    text = converter.convert(document.element.body)
    title = converter.opening_title or _core_title(document)
    return ExtractedDocument(format="docx", title=title, text=text, pages=None)


def _unreadable() -> InvalidInput:
    return refused(
        "The file could not be read as a Word document: open it in Word, save it as a "
        ".docx document and import it again."
    )


def _core_title(document: Any) -> str | None:
    """The title in the document's properties; a missing properties part is not created
    (python-docx would invent one)."""
    package = document.part.package
    if not any(rel.reltype == RT.CORE_PROPERTIES for rel in package.rels.values()):
        return None
    title = _element_or_none(lambda: document.core_properties.title)
    return title_or_none(title) if isinstance(title, str) else None


class _Converter:
    """Walks the body once, writing Markdown blocks and counting their size.

    Blocks are apart by a blank line, except the items of one list (and items nested
    in them), which a blank line would make into separate or loose lists."""

    def __init__(self, document: Any) -> None:
        self.part = document.part
        self.styles = Styles(_element_or_none(lambda: document.styles.element))
        self.numbering = Numbering(
            _element_or_none(lambda: self.part.part_related_by(RT.NUMBERING).element)
        )
        self.opening_title: str | None = None
        self.parts: list[str] = []
        self.size = 0
        self.seen = 0
        # Open list items: (numbering level, column where the item's text starts), and
        # the list they belong to.
        self.open_items: list[tuple[int, int]] = []
        self.list_key: tuple[int, str] | None = None
        self.counters: dict[tuple[int, int], int] = {}

    def convert(self, body: Any) -> str:
        self._blocks(body)
        return "".join(self.parts)

    def _add(self, text: str, *, same_list: bool = False) -> None:
        if not same_list:
            self.open_items = []
            self.list_key = None
        if self.parts:
            self.parts.append("\n" if same_list else "\n\n")
        self.parts.append(text)
        self.size += len(text) + 2
        if self.size > MAX_TEXT_CHARS:
            raise too_long()

    def _count(self) -> None:
        self.seen += 1
        if self.seen > MAX_BLOCKS:
            raise refused(
                f"The document has more than {MAX_BLOCKS:,} paragraphs and table rows, more "
                "than can be imported at once: split it into several documents."
            )

    def _blocks(self, container: Any) -> None:
        for child in container.iterchildren():
            if child.tag == w("p"):
                self._paragraph(child)
            elif child.tag == w("tbl"):
                self._table(child)
            elif child.tag == w("sdt"):
                for content in children(child, w("sdtContent")):
                    self._blocks(content)
            elif child.tag == w("customXml"):
                self._blocks(child)

    def _paragraph(self, paragraph: Any) -> None:
        self._count()
        p_pr = paragraph.find(w("pPr"))
        style_id = _val(p_pr.find(w("pStyle"))) if p_pr is not None else None
        segments = _merge(self._segments(paragraph, False, False, None))
        if not any(text.strip() for text, *_ in segments if text != _BREAK):
            return
        level = self.styles.heading_level(style_id)
        if level is not None:
            heading = escape_heading(_plain(segments))
            if not self.parts and level == 1:
                self.opening_title = title_or_none(_plain(segments))
            self._add("#" * level + " " + heading)
            return
        numbering = self._numbering(p_pr, style_id)
        if numbering is not None:
            self._item(numbering, segments)
            return
        lines = [escape_line_start(line) for line in _lines(segments)]
        self._add("\\\n".join(line for line in lines if line))

    def _numbering(self, p_pr: Any, style_id: str | None) -> tuple[int, int, str] | None:
        """(numId, level, "bullet" or "ordered") of a list paragraph, else None. The
        paragraph's own numbering overrides its style's; numId 0 removes it."""
        numbering = self.styles.numbering(style_id)
        num_pr = p_pr.find(w("numPr")) if p_pr is not None else None
        if num_pr is not None:
            num_id = number(_val(num_pr.find(w("numId"))), default=-1)
            ilvl = _val(num_pr.find(w("ilvl")))
            if num_id >= 0:
                numbering = (num_id, number(ilvl))
            elif numbering is not None and ilvl is not None:
                numbering = (numbering[0], number(ilvl))
        if numbering is None:
            return None
        num_id, level = numbering[0], min(max(numbering[1], 0), 8)
        kind = self.numbering.kind(num_id, level)
        return None if kind is None else (num_id, level, kind)

    def _item(self, numbering: tuple[int, int, str], segments: list[Segment]) -> None:
        num_id, ilvl, kind = numbering
        while self.open_items and self.open_items[-1][0] >= ilvl:
            self.open_items.pop()
        indent = self.open_items[-1][1] if self.open_items else 0
        if kind == "ordered":
            value = self.counters.get((num_id, ilvl), self.numbering.start(num_id, ilvl))
            self.counters[(num_id, ilvl)] = value + 1
            for deeper in range(ilvl + 1, 9):  # a new item restarts its sub-lists
                self.counters.pop((num_id, deeper), None)
            marker = f"{value}. "
        else:
            marker = "- "
        column = indent + len(marker)
        lines = [escape_line_start(line) for line in _lines(segments)]
        lines = [line for line in lines if line]
        text = " " * indent + marker + ("\\\n" + " " * column).join(lines)
        same_list = bool(self.open_items) or self.list_key == (num_id, kind)
        self._add(text, same_list=same_list)
        self.open_items.append((ilvl, column))
        self.list_key = (num_id, kind)

    def _table(self, table: Any) -> None:
        rows: list[list[str]] = []
        for row in _rows(table):
            self._count()
            cells: list[str] = []
            for cell in _cells(row):
                t_pr = cell.find(w("tcPr"))
                span = number(_val(_find(t_pr, "gridSpan")), default=1)
                merge = _find(t_pr, "vMerge")
                continued = merge is not None and merge.get(w("val")) != "restart"
                text = "" if continued else escape_cell(self._cell_text(cell))
                cells.append(text)
                cells.extend("" for _ in range(min(max(span, 1), 64) - 1))
            rows.append(cells)
        if not any(any(cells) for cells in rows):
            return
        width = max(len(cells) for cells in rows)
        lines = []
        for index, cells in enumerate(rows):
            cells = cells + [""] * (width - len(cells))
            lines.append("| " + " | ".join(cells) + " |")
            if index == 0:
                lines.append("|" + " --- |" * width)
        self._add("\n".join(lines))

    def _cell_text(self, cell: Any) -> str:
        """A cell's paragraphs (nested tables included) on one line."""
        words: list[str] = []
        for paragraph in _paragraphs(cell):
            self._count()
            text = _plain(_merge(self._segments(paragraph, False, False, None)))
            if text:
                words.append(text)
        return " ".join(words)

    def _segments(self, element: Any, bold: bool, italic: bool, link: str | None) -> list[Segment]:
        segments: list[Segment] = []
        for child in element.iterchildren():
            tag = child.tag
            if tag == w("r"):
                segments.extend(self._run(child, bold, italic, link))
            elif tag == w("hyperlink"):
                segments.extend(self._segments(child, bold, italic, self._target(child)))
            elif tag == w("sdt"):
                for content in children(child, w("sdtContent")):
                    segments.extend(self._segments(content, bold, italic, link))
            elif tag in _TRANSPARENT:
                segments.extend(self._segments(child, bold, italic, link))
            # Anything else is left out: deletions (w:del, w:moveFrom), comment and
            # bookmark marks, properties, equations.
        return segments

    def _run(self, run: Any, bold: bool, italic: bool, link: str | None) -> list[Segment]:
        r_pr = run.find(w("rPr"))
        if r_pr is not None:
            if on(r_pr.find(w("vanish"))):  # hidden text
                return []
            style_bold, style_italic = self.styles.emphasis(_val(r_pr.find(w("rStyle"))))
            bold = bold or style_bold or on(r_pr.find(w("b")))
            italic = italic or style_italic or on(r_pr.find(w("i")))
        segments: list[Segment] = []
        for child in run.iterchildren():
            tag = child.tag
            if tag == w("t"):
                # Text only: an unexpanded entity or a comment inside w:t is left out,
                # the text around it kept.
                text = (child.text or "") + "".join(node.tail or "" for node in child)
                segments.append((text, bold, italic, link))
            elif tag == w("tab"):
                segments.append((" ", bold, italic, link))
            elif tag in (w("br"), w("cr")):
                if child.get(w("type")) in (None, "textWrapping"):
                    segments.append((_BREAK, False, False, None))
            elif tag == w("noBreakHyphen"):
                segments.append(("-", bold, italic, link))
            # Left out: field codes (w:instrText), deleted text (w:delText), comment and
            # note references, drawings and embedded objects.
        return segments

    def _target(self, hyperlink: Any) -> str | None:
        """The address of a link to the web or an e-mail address; internal anchors and
        other schemes (file:, javascript:) give no link, only the text."""
        rel_id = hyperlink.get(_RELATIONSHIP_ID)
        rel = self.part.rels.get(rel_id) if rel_id else None
        if rel is None or not rel.is_external:
            return None
        target = str(rel.target_ref).strip()
        if not target.lower().startswith(_LINK_SCHEMES) or any(c in target for c in "<>\n "):
            return None
        return target


def _element_or_none(get: Any) -> Any | None:
    try:
        return get()
    except (KeyError, ValueError, SyntaxError, AttributeError):
        return None


def _val(element: Any | None) -> str | None:
    return element.get(w("val")) if element is not None else None


def _find(parent: Any | None, name: str) -> Any | None:
    return parent.find(w(name)) if parent is not None else None


def _rows(table: Any) -> list[Any]:
    rows = []
    for child in table.iterchildren():
        if child.tag == w("tr"):
            rows.append(child)
        elif child.tag == w("sdt"):
            for content in children(child, w("sdtContent")):
                rows.extend(children(content, w("tr")))
    return rows


def _cells(row: Any) -> list[Any]:
    cells = []
    for child in row.iterchildren():
        if child.tag == w("tc"):
            cells.append(child)
        elif child.tag == w("sdt"):
            for content in children(child, w("sdtContent")):
                cells.extend(children(content, w("tc")))
    return cells


def _paragraphs(container: Any) -> list[Any]:
    """The paragraphs of a cell in order, those of nested tables included."""
    found = []
    for child in container.iterchildren():
        if child.tag == w("p"):
            found.append(child)
        elif child.tag in _CELL_CONTAINERS:
            found.extend(_paragraphs(child))
    return found


def _merge(segments: list[Segment]) -> list[Segment]:
    """Adjacent segments with the same formatting as one: Word splits runs freely."""
    merged: list[Segment] = []
    for segment in segments:
        if (
            merged
            and segment[0] != _BREAK
            and merged[-1][0] != _BREAK
            and merged[-1][1:] == segment[1:]
        ):
            merged[-1] = (merged[-1][0] + segment[0], *segment[1:])
        else:
            merged.append(segment)
    return merged


def _plain(segments: list[Segment]) -> str:
    """The text alone, on one line (headings, cells, titles)."""
    return " ".join("".join(" " if t == _BREAK else t for t, *_ in segments).split())


def _lines(segments: list[Segment]) -> list[str]:
    """Markdown for each line of a paragraph (split at line breaks)."""
    lines: list[str] = []
    current: list[str] = []
    index = 0
    while index <= len(segments):
        if index == len(segments) or segments[index][0] == _BREAK:
            lines.append("".join(current).strip())
            current = []
            index += 1
            continue
        link = segments[index][3]
        end = index
        while end < len(segments) and segments[end][0] != _BREAK and segments[end][3] == link:
            end += 1
        inner = "".join(
            _emphasis(text, bold, italic) for text, bold, italic, _ in segments[index:end]
        )
        if link and inner.strip():
            label = inner.strip().replace("[", "\\[").replace("]", "\\]")
            current.append(f"[{label}](<{link}>)")
        else:
            current.append(inner)
        index = end
    return lines


def _emphasis(text: str, bold: bool, italic: bool) -> str:
    core = text.strip()
    if not core or not (bold or italic):
        return escape_inline(text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    marker = "***" if bold and italic else "**" if bold else "*"
    return f"{lead}{marker}{escape_inline(core)}{marker}{trail}"
