"""The zip container of a .docx, checked before anything in it is unpacked.

A zip states each member's compressed and uncompressed size in its central directory;
these declared sizes are what is checked. They cannot be used to understate a member:
Python's zipfile stops inflating a member at its declared size and then fails its CRC
check, so a lying header makes the file unreadable, never larger. Encrypted members and
compression methods Word does not use are refused outright.
"""

import io
import zipfile

from network.documents.limits import refused

# Far above a real document (a 300-page report with images unpacks to a few MiB of XML
# plus its media), far below what would strain a worker.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 1_000
# No part may unpack to more than the largest file accepted. Media hardly compress, so
# only XML comes near this, and python-docx holds all of its XML as lxml trees, some
# ten times the size of the text: measured, 45 MiB of empty paragraphs took 520 MiB.
MAX_PART_BYTES = 10 * 1024 * 1024
# Word's XML deflates 5 to 30 times; a zip bomb's members over 1,000 times.
MAX_RATIO = 100
# A member this small is harmless whatever its ratio (a blank styles part may exceed it).
RATIO_FLOOR_BYTES = 1024 * 1024
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


def check_archive(data: bytes) -> None:
    """Raise InvalidInput unless `data` is a zip that may safely be unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        raise refused("The .docx file is damaged and could not be opened.") from None
    if len(members) > MAX_MEMBERS:
        raise refused(
            f"The .docx file holds {len(members):,} parts, more than a document has "
            f"(at most {MAX_MEMBERS:,}): it is refused."
        )
    unpacked = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise refused(
                "The .docx file is encrypted: save it without a password and import it again."
            )
        if member.compress_type not in _METHODS:
            raise refused(
                "The .docx file uses a compression method Word does not: save it again "
                "from Word and import it again."
            )
        if member.file_size > MAX_PART_BYTES:
            raise refused(
                f"The .docx file holds a part of {member.file_size / 1024 / 1024:,.0f} MiB, "
                f"more than the {MAX_PART_BYTES // 1024 // 1024} MiB a part may have: "
                "split the document."
            )
        if member.file_size > RATIO_FLOOR_BYTES and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise refused(
                "The .docx file holds a part compressed more than 100 to 1, which documents "
                "never are: it is refused."
            )
        unpacked += member.file_size
    if unpacked > MAX_UNPACKED_BYTES:
        raise refused(
            f"The .docx file unpacks to {unpacked / 1024 / 1024:,.0f} MiB, more than the "
            f"{MAX_UNPACKED_BYTES // 1024 // 1024} MiB a document may: it is refused."
        )
