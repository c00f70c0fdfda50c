"""Uploaded files become Markdown drafts: only the visible text, every bound checked
before the work it protects, every refusal an InvalidInput on `file` that says why.

All files are built here, in memory (tests/documents_files.py)."""

import builtins
import io
import tempfile
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from network.documents import archive, pdf, text, word
from network.documents.extract import (
    MAX_FILE_BYTES,
    MAX_PAGES,
    MAX_TEXT_CHARS,
    SUPPORTED,
    ExtractedDocument,
    extract,
)
from network.documents.render import markdown_to_html
from network.errors import InvalidInput
from tests.documents_files import (
    add_hyperlink,
    append_xml,
    blank_pdf,
    docx_bytes,
    pdf_document,
    sentences,
    set_list_level,
    with_encryption_flag,
    with_understated_size,
    with_zero_members,
    word_document,
    zip_bytes,
)

MEMO = "# Diversion referral memo\n\nVictim *Maria Quintero* asked to be told.\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(64)


def _refusal(filename: str, data: bytes, **kwargs: str) -> str:
    """The message of the refusal `extract` must raise, checked to be on `file`."""
    with pytest.raises(InvalidInput) as raised:
        extract(filename, data, **kwargs)
    assert raised.value.field == "file"
    assert raised.value.code == "INVALID_INPUT"
    return raised.value.message


def _count_page_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time pypdf extracts a page's text."""
    read: list[int] = []
    original = pypdf.PageObject.extract_text

    def counted(page: pypdf.PageObject, *args: object, **kwargs: object) -> str:
        read.append(1)
        return original(page)

    monkeypatch.setattr(pypdf.PageObject, "extract_text", counted)
    return read


# --- text and Markdown ---------------------------------------------------------------


def test_a_markdown_file_is_kept_as_written_with_its_opening_heading_as_title() -> None:
    document = extract("memo.md", ("\ufeff" + MEMO).encode().replace(b"\n", b"\r\n"))
    assert document == ExtractedDocument(
        format="md", title="Diversion referral memo", text=MEMO.strip(), pages=None
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Intro paragraph.\n\n# Later heading\n", None),
        ("## Second level\n\nText.\n", None),
        ("Policy on *bail*\n================\n\nText.\n", "Policy on bail"),
        ("# " + "long " * 60 + "\n\nText.\n", None),
    ],
)
def test_a_markdown_title_is_only_an_opening_level_one_heading(text: str, title: str) -> None:
    assert extract("policy.md", text.encode()).title == title


def test_a_text_file_is_kept_as_written_and_has_no_title() -> None:
    text = "# Not a title in a .txt\r\rLine <script>alert(1)</script> [PERSON-1]\r\n"
    document = extract("notes.txt", text.encode(), content_type="text/plain; charset=utf-8")
    assert document == ExtractedDocument(
        format="txt",
        title=None,
        text="# Not a title in a .txt\n\nLine <script>alert(1)</script> [PERSON-1]",
        pages=None,
    )


def test_text_that_is_not_utf8_is_refused_with_the_line_to_look_at() -> None:
    data = "Line one\nLine two\nCaf\xe9 on line three\n".encode("latin-1")
    message = _refusal("notes.txt", data)
    assert "UTF-8" in message and "line 3" in message


def test_utf16_text_is_refused_as_such() -> None:
    message = _refusal("notes.txt", "Policy text".encode("utf-16"))
    assert "UTF-16" in message and "UTF-8" in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"Policy\x00text", "binary data", id="nul-at-start"),
        pytest.param(b"a" * 10_000 + b"\x00", "NUL", id="nul-after-the-sample"),
        pytest.param(b"line one\nline two \x1b[31m red", "line 2", id="escape-code"),
        pytest.param("line \u0085 one".encode(), "U+0085", id="c1-control"),
    ],
)
def test_text_with_control_characters_is_refused(data: bytes, expected: str) -> None:
    assert expected in _refusal("notes.md", data)


def test_the_text_limit_is_exact_and_refuses_rather_than_truncates() -> None:
    assert len(extract("long.txt", b"x" * MAX_TEXT_CHARS).text) == MAX_TEXT_CHARS
    message = _refusal("long.txt", b"x" * (MAX_TEXT_CHARS + 1))
    assert f"{MAX_TEXT_CHARS:,}" in message


# --- what every file goes through ----------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"", "is empty", id="empty"),
        pytest.param(b" \n\t\n", "holds no text", id="blank"),
        pytest.param(b"x" * (MAX_FILE_BYTES + 1), "10 MiB", id="oversize"),
    ],
)
def test_empty_blank_and_oversize_files_are_refused(data: bytes, expected: str) -> None:
    assert expected in _refusal("memo.md", data)


@pytest.mark.parametrize("filename", ["policy.exe", "policy.doc", "policy", "memo.md.exe", ".."])
def test_unknown_extensions_are_refused_naming_the_supported_ones(filename: str) -> None:
    message = _refusal(filename, MEMO.encode())
    assert all(f".{extension}" in message for extension in SUPPORTED), message


def test_the_name_may_carry_a_path_and_capitals() -> None:
    assert extract("C:\\fakepath\\Memo.MD", MEMO.encode()).format == "md"


@pytest.mark.parametrize(
    ("filename", "data", "holds"),
    [
        pytest.param("policy.pdf", MEMO.encode(), "text", id="text-named-pdf"),
        pytest.param("policy.pdf", word_document(["x"]), "a Word document", id="docx-named-pdf"),
        pytest.param("policy.docx", pdf_document([["x"]]), "a PDF", id="pdf-named-docx"),
        pytest.param("policy.docx", MEMO.encode(), "text", id="text-named-docx"),
        pytest.param("policy.txt", word_document(["x"]), "a Word document", id="docx-named-txt"),
        pytest.param("policy.txt", EXE, "a Windows program", id="exe-named-txt"),
        pytest.param("policy.md", b"\x89PNG\r\n\x1a\n\x00\x00", "an image", id="png-named-md"),
        pytest.param("policy.txt", b"{\\rtf1\\ansi Policy}", "RTF", id="rtf-named-txt"),
        pytest.param("policy.docx", zip_bytes({"a.txt": b"x"}), "a zip", id="zip-named-docx"),
        pytest.param(
            "policy.docx",
            zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}),
            "an Excel workbook",
            id="xlsx-named-docx",
        ),
        pytest.param(
            "policy.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
            "password-protected",
            id="ole-named-docx",
        ),
        pytest.param("policy.docx", b"PK\x03\x04junk", "damaged", id="damaged-zip"),
    ],
)
def test_content_that_disagrees_with_the_name_is_refused(
    filename: str, data: bytes, holds: str
) -> None:
    message = _refusal(filename, data)
    assert f"named .{filename.rsplit('.', 1)[1]}" in message and holds in message, message


@pytest.mark.parametrize(
    ("filename", "content_type", "accepted"),
    [
        ("memo.md", "application/octet-stream", True),
        ("memo.md", "text/markdown; charset=utf-8", True),
        ("memo.md", "text/html", False),
        ("memo.txt", "application/pdf", False),
        ("memo.txt", "", True),
    ],
)
def test_a_declared_content_type_must_agree_unless_generic(
    filename: str, content_type: str, accepted: bool
) -> None:
    if accepted:
        assert extract(filename, MEMO.encode(), content_type=content_type).text
    else:
        assert content_type in _refusal(filename, MEMO.encode(), content_type=content_type)


def test_the_text_limit_holds_whatever_a_reader_returns(monkeypatch: pytest.MonkeyPatch) -> None:
    long = ExtractedDocument(format="md", title=None, text="x" * (MAX_TEXT_CHARS + 1), pages=None)
    monkeypatch.setattr(text, "read_text", lambda data, extension: long)
    assert f"{MAX_TEXT_CHARS:,}" in _refusal("memo.md", MEMO.encode())


def test_no_file_is_written_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "memo.md": MEMO.encode(),
        "policy.docx": word_document(["Some policy text."]),
        "policy.pdf": pdf_document([["Some policy text."]]),
    }
    extract("warm.docx", files["policy.docx"])  # imports done before files are forbidden
    extract("warm.pdf", files["policy.pdf"])

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a file was opened: {args!r}")

    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile"):
        monkeypatch.setattr(tempfile, name, forbidden)
    monkeypatch.setattr(builtins, "open", forbidden)
    monkeypatch.setattr(io, "open", forbidden)
    for filename, data in files.items():
        assert extract(filename, data).text


# --- Word documents ------------------------------------------------------------------


def test_a_word_document_becomes_markdown() -> None:
    document = docx.Document()
    document.add_heading("Pretrial Diversion", 1)
    intro = document.add_paragraph("Eligible cases are ")
    intro.add_run("screened").bold = True
    intro.add_run(" before ")
    intro.add_run("charging ").italic = True
    intro.add_run("by the unit.")
    document.add_heading("Steps", 2)
    document.add_paragraph("Screen the file", style="List Bullet")
    set_list_level(document.add_paragraph("Check priors", style="List Bullet"), 1)
    document.add_paragraph("Refer", style="List Bullet")
    document.add_paragraph("Offer", style="List Number")
    document.add_paragraph("Accept", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for index, value in enumerate(["Charge", "Route", "Theft | retail", "Diversion"]):
        table.cell(index // 2, index % 2).text = value
    document.add_paragraph("Questions go to the unit.")

    result = extract("policy.docx", docx_bytes(document))

    assert result.format == "docx" and result.pages is None
    assert result.title == "Pretrial Diversion"
    assert result.text == (
        "# Pretrial Diversion\n\n"
        "Eligible cases are **screened** before *charging* by the unit.\n\n"
        "## Steps\n\n"
        "- Screen the file\n"
        "  - Check priors\n"
        "- Refer\n\n"
        "1. Offer\n"
        "2. Accept\n\n"
        "| Charge | Route |\n"
        "| --- | --- |\n"
        "| Theft \\| retail | Diversion |\n\n"
        "Questions go to the unit."
    )
    html = markdown_to_html(result.text)
    assert "<ul>\n<li>Screen the file\n<ul>\n<li>Check priors</li>" in html
    assert "<td>Theft | retail</td>" in html


def test_word_numbering_continues_across_paragraphs_like_word_shows_it() -> None:
    document = docx.Document()
    document.add_paragraph("One", style="List Number")
    document.add_paragraph("Two", style="List Number")
    document.add_paragraph("A note between items.")
    document.add_paragraph("Three", style="List Number")
    text = extract("steps.docx", docx_bytes(document)).text
    assert text == "1. One\n2. Two\n\nA note between items.\n\n3. Three"
    assert '<ol start="3">' in markdown_to_html(text)


def test_names_outside_the_visible_text_are_not_carried() -> None:
    document = docx.Document()
    document.core_properties.author = "Avery Author"
    document.core_properties.last_modified_by = "Morgan Modifier"
    document.core_properties.comments = "Reviewed for Casey Property"
    document.sections[0].header.paragraphs[0].text = "Prepared by Harper Header"
    document.sections[0].footer.paragraphs[0].text = "Footer Fallon"
    body = document.add_paragraph("The victim, ")
    append_xml(
        body,
        '<w:del w:id="1" w:author="Riley Reviewer" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:delText>Dana Deleted</w:delText></w:r></w:del>"
        '<w:ins w:id="2" w:author="Riley Reviewer"><w:r><w:t>the complainant</w:t></w:r></w:ins>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden Hollis</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://intranet/Fielding" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><w:t>, was told.</w:t></w:r>",
    )
    document.add_comment(body.runs, text="Ask Cameron Commenter", author="Quinn Commenter")

    result = extract("memo.docx", docx_bytes(document))

    assert result.text == "The victim, the complainant, was told."
    assert result.title is None


def test_the_title_falls_back_to_the_document_properties() -> None:
    document = docx.Document()
    document.core_properties.title = "Charging Standards"
    document.add_paragraph("Body text.")
    assert extract("policy.docx", docx_bytes(document)).title == "Charging Standards"


def test_markup_characters_in_word_text_stay_literal() -> None:
    typed = ["*starred* and _under_ and `tick`", "# not a heading", "1. typed number", "- dash"]
    text = extract("policy.docx", word_document(typed)).text
    html = markdown_to_html(text)
    for line in typed:
        assert f"<p>{line}</p>" in html, html


def test_line_breaks_and_links_in_word_text() -> None:
    document = docx.Document()
    lines = document.add_paragraph("First line")
    lines.add_run().add_break()
    lines.add_run("second line")
    links = document.add_paragraph("See ")
    add_hyperlink(links, "https://example.org/policy", "the statute")
    add_hyperlink(links, "javascript:alert(1)", " and this")
    text = extract("policy.docx", docx_bytes(document)).text
    assert (
        text
        == "First line\\\nsecond line\n\nSee [the statute](<https://example.org/policy>) and this"
    )


@pytest.mark.parametrize("paragraphs", [[], ["", "   "]])
def test_a_word_document_without_text_is_refused(paragraphs: list[str]) -> None:
    assert "holds no text" in _refusal("empty.docx", word_document(paragraphs))


def test_entities_in_a_word_document_are_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Contents of a file on the server")
    doctype = (
        f'<!DOCTYPE w:document [<!ENTITY file SYSTEM "{secret.as_uri()}">'
        '<!ENTITY word "Expanded"><!ENTITY lol "&word;&word;&word;&word;&word;">]>'
    )
    source = zipfile.ZipFile(io.BytesIO(word_document(["Before MARK after."])))
    xml = source.read("word/document.xml").decode()
    start = xml.index("<w:document")
    xml = xml[:start] + doctype + xml[start:].replace("MARK", "&file;&lol;")
    data = zip_bytes(
        {
            info.filename: xml.encode()
            if info.filename == "word/document.xml"
            else source.read(info)
            for info in source.infolist()
        }
    )
    assert extract("policy.docx", data).text == "Before  after."


def test_a_word_document_over_the_text_limit_is_refused() -> None:
    paragraphs = sentences(3_000)
    assert sum(len(p) for p in paragraphs) > MAX_TEXT_CHARS
    assert f"{MAX_TEXT_CHARS:,}" in _refusal("long.docx", word_document(paragraphs))


def test_paragraphs_are_counted_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word, "MAX_BLOCKS", 10)
    assert extract("short.docx", word_document(["x"] * 10)).text
    assert "paragraphs" in _refusal("many.docx", word_document([""] * 11))


# --- the zip inside a .docx ----------------------------------------------------------


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    bomb = with_zero_members(
        zip_bytes({"[Content_Types].xml": b"<Types/>"}), {"word/document.xml": 110 * 1024 * 1024}
    )
    assert len(bomb) < 1024 * 1024
    assert "110 MiB" in _refusal("bomb.docx", bomb)


def test_a_highly_compressed_part_is_refused() -> None:
    data = with_zero_members(word_document(["x"]), {"word/media/image1.bin": 5 * 1024 * 1024})
    assert "100 to 1" in _refusal("policy.docx", data)


def test_the_unpacked_total_is_bounded() -> None:
    # Each part is under the ratio floor; with the document's own 1 MiB, 61 MiB in all.
    parts = {f"word/media/part{n}.bin": archive.RATIO_FLOOR_BYTES for n in range(60)}
    message = _refusal("policy.docx", with_zero_members(word_document(["x"]), parts))
    assert "unpacks to 61 MiB" in message and "50 MiB" in message


def test_too_many_parts_are_refused() -> None:
    parts = {f"word/media/p{n}.xml": 1 for n in range(archive.MAX_MEMBERS)}
    assert "parts" in _refusal("policy.docx", with_zero_members(word_document(["x"]), parts))


def test_an_encrypted_zip_is_refused() -> None:
    message = _refusal("policy.docx", with_encryption_flag(word_document(["x"])))
    assert "encrypted" in message and "password" in message


def test_a_compression_method_word_does_not_use_is_refused() -> None:
    source = zipfile.ZipFile(io.BytesIO(word_document(["x"])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    assert "compression" in _refusal("policy.docx", buffer.getvalue())


def test_a_part_whose_header_understates_its_size_is_not_inflated() -> None:
    data = word_document(sentences(200))
    assert "could not be read" in _refusal(
        "policy.docx", with_understated_size(data, "word/document.xml", 100)
    )


def test_a_docx_shaped_zip_that_is_not_a_document_is_refused() -> None:
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<not xml"})
    assert "could not be read as a Word document" in _refusal("policy.docx", data)


# --- PDF -----------------------------------------------------------------------------


def test_a_pdf_becomes_text_page_by_page() -> None:
    data = pdf_document(
        [
            ["Charging standards (2024)", "Prosecutors re-", "view every file."],
            ["Second page."],
        ],
        info={"Title": "Charging Standards", "Author": "Avery Author"},
    )
    assert extract("policy.pdf", data, content_type="application/pdf") == ExtractedDocument(
        format="pdf",
        title="Charging Standards",
        text="Charging standards (2024)\nProsecutors review every file.\n\nSecond page.",
        pages=2,
    )


def test_a_pdf_title_that_names_a_file_is_not_a_title() -> None:
    data = pdf_document([["Text."]], info={"Title": "Microsoft Word - policy.docx"})
    assert extract("policy.pdf", data).title is None


def test_control_characters_in_pdf_text_are_dropped() -> None:
    data = pdf_document([["Case"]]).replace(b"(Case) Tj", b"(Ca\\000s\\033e) Tj")
    assert extract("policy.pdf", data).text == "Case"


def test_the_page_limit_is_checked_before_any_page_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert extract("ok.pdf", pdf_document([["Page."]] * MAX_PAGES)).pages == MAX_PAGES
    read = _count_page_reads(monkeypatch)
    assert "200 pages" in _refusal("long.pdf", blank_pdf(200))
    assert read == []


def test_reading_stops_once_the_text_is_too_long(monkeypatch: pytest.MonkeyPatch) -> None:
    page = [line[:90] for line in sentences(45)]
    pages = [page] * 60
    assert sum(len(line) for line in page) * 60 > MAX_TEXT_CHARS
    read = _count_page_reads(monkeypatch)
    assert f"{MAX_TEXT_CHARS:,}" in _refusal("long.pdf", pdf_document(pages))
    assert 0 < len(read) < 60


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_a_protected_pdf_is_refused_even_without_a_password(algorithm: str) -> None:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_document([["Secret text."]])))
    writer.encrypt("", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    message = _refusal("protected.pdf", buffer.getvalue())
    assert "protected" in message and "without a password" in message


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(pdf_document([[]] * 3, image_only=True), id="scanned"),
        pytest.param(blank_pdf(2), id="blank"),
    ],
)
def test_a_pdf_without_text_is_refused_as_needing_ocr(data: bytes) -> None:
    assert "OCR" in _refusal("scan.pdf", data)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(pdf_document([["Hello"]])[:300], id="truncated"),
        pytest.param(b"%PDF-1.7\n" + bytes(range(256)) * 4, id="garbage"),
        pytest.param(pdf_document([["Hello"]]).replace(b"xref", b"xxxx"), id="no-xref"),
    ],
)
def test_a_malformed_pdf_is_refused(data: bytes) -> None:
    assert "could not be read as a PDF" in _refusal("broken.pdf", data)


def test_a_page_that_inflates_beyond_the_bound_is_refused() -> None:
    data = pdf_document([["Hello"]], padding=30_000_000)
    assert len(data) < 100_000
    assert "too complex" in _refusal("bomb.pdf", data)


def test_reading_pages_is_bounded_in_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "MAX_SECONDS", 0.0)
    assert "too complex" in _refusal("slow.pdf", pdf_document([["One."], ["Two."]]))
