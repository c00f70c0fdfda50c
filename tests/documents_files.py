"""Files for the document import tests and benchmark, built in memory when needed.

Nothing binary is checked in: Word documents come from python-docx, PDFs from a small
writer here (one Type1 Helvetica font, one text line per `Tj`) or from pypdf, and zip
oddities from zipfile plus a few patched header bytes.
"""

import io
import random
import struct
import zipfile
import zlib

import docx
import pypdf
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

WORDS = (  # noqa: SIM905 (prose reads better than a list of strings)
    "the office offers diversion before charging to every first retail theft case under "
    "felony threshold and tracks completion monthly prosecutors review eligibility with "
    "victims consent restitution treatment program supervisor approval bail release "
    "conditions pretrial services report sentencing recommendation policy applies county "
    "court misdemeanor referral dismissal record sealing community service"
).split()


def sentences(count: int, seed: int = 7) -> list[str]:
    """`count` varied sentences of 8 to 20 words: text that compresses like prose."""
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."
        for _ in range(count)
    ]


def docx_bytes(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def word_document(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return docx_bytes(document)


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def pdf_document(
    pages: list[list[str]],
    *,
    info: dict[str, str] | None = None,
    image_only: bool = False,
    padding: int = 0,
) -> bytes:
    """A minimal valid PDF: each page shows its lines in Helvetica 11 (or, with
    `image_only`, only a grey 2x2 image, like a scan); `info` is the document
    information dictionary (Title, Author...); `padding` blanks are added to each page's
    content stream, which is then deflated (a stream that inflates far)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x90\xa0\xb0\nendstream"
    )
    kids = []
    for lines in pages:
        if image_only:
            content = b"q 540 0 0 720 36 36 cm /Im1 Do Q"
        else:
            shown = b" T* ".join(_pdf_string(line) + b" Tj" for line in lines)
            content = b"BT /F1 11 Tf 14 TL 72 740 Td " + shown + b" ET"
        extra = b""
        if padding:
            content = zlib.compress(content + b" " * padding)
            extra = b" /Filter /FlateDecode"
        stream = add(
            b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"
        )
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (tree, stream, font, image)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    entries = b" ".join(b"/" + k.encode() + b" " + _pdf_string(v) for k, v in (info or {}).items())
    info_object = add(b"<< " + entries + b" >>") if info else None

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info_object:
        trailer += b" /Info %d 0 R" % info_object
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def blank_pdf(pages: int) -> bytes:
    """A PDF of blank pages, written by pypdf."""
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def with_zero_members(base: bytes, sizes: dict[str, int]) -> bytes:
    """`base` (a zip) plus members of zero bytes of the given sizes, written in 1 MiB
    chunks so that neither the test nor the zip writer holds a member at once."""
    chunk = bytes(1024 * 1024)
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        for name, size in sizes.items():
            with archive.open(name, "w") as member:
                for _ in range(size // len(chunk)):
                    member.write(chunk)
                member.write(bytes(size % len(chunk)))
    return buffer.getvalue()


def _central_entries(data: bytes) -> list[int]:
    """Offsets of the central directory entries of a zip."""
    offsets = []
    position = data.find(b"PK\x01\x02")
    while position != -1:
        offsets.append(position)
        position = data.find(b"PK\x01\x02", position + 4)
    return offsets


def with_encryption_flag(data: bytes) -> bytes:
    """The zip with the "encrypted" bit set on every member, as an encrypting tool would."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            local = info.header_offset
            patched[local + 6] |= 0x1
    for central in _central_entries(data):
        patched[central + 8] |= 0x1
    return bytes(patched)


def with_understated_size(data: bytes, name: str, size: int) -> bytes:
    """The zip with `name`'s declared uncompressed size set to `size` in both headers."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(name).header_offset
    struct.pack_into("<I", patched, local + 22, size)
    for central in _central_entries(data):
        length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + length] == name.encode():
            struct.pack_into("<I", patched, central + 24, size)
    return bytes(patched)


def append_xml(paragraph: object, xml: str) -> None:
    """Append raw WordprocessingML (w: and r: prefixes) to a python-docx paragraph: what
    python-docx cannot write itself (tracked changes, fields, hidden text)."""
    element = parse_xml(f"<w:wrap {nsdecls('w', 'r')}>{xml}</w:wrap>")
    for child in list(element):
        paragraph._p.append(child)  # type: ignore[attr-defined]


def add_hyperlink(paragraph: object, url: str, text: str) -> None:
    rel_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)  # type: ignore[attr-defined]
    append_xml(
        paragraph, f'<w:hyperlink r:id="{rel_id}"><w:r><w:t>{text}</w:t></w:r></w:hyperlink>'
    )


def set_list_level(paragraph: object, level: int) -> None:
    """Nest a list paragraph (its style gives the list) at `level`."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # type: ignore[attr-defined]
    num_pr.get_or_add_ilvl().val = level
