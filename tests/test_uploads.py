"""Document import over GraphQL multipart requests and the command line: the file
becomes an analysed draft, bad files and bad requests are refused, nothing is kept."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from network.access.principal import ANONYMOUS, Principal, member_principal
from network.http.uploads import UploadedFile, UploadRejected, graphql_upload_request
from network.offices.models import Member, Office, OfficeRole
from network.publications.models import Publication, WorkingCopy
from network.settings import Settings
from tests.conftest import as_principal

HOME = "wabash-valley-prosecutor"
IMPORT = """
mutation($input: ImportDocumentInput!) {
  importDocument(input: $input) {
    publication { id title status }
    draft { sourceName body findings { type text } }
    errors { code field message }
  }
}"""
MEMO = (
    "# Diversion referral memo\n\nVictim Maria Quintero asked to be told of the outcome; "
    "the defendant, Tomas Reyes, was cited under 2023-CF-004512.\n"
)


def _multipart(filename: str, data: bytes, content_type: str = "text/markdown") -> dict:
    operations = {
        "query": IMPORT,
        "variables": {
            "input": {"kind": "POLICY", "file": None, "fields": {"topics": ["cash-bail"]}}
        },
    }
    return {
        "data": {
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
        "files": {"0": (filename, data, content_type)},
    }


async def _publisher() -> Principal:
    office = await Office.get(slug=HOME)
    member = await Member.filter(office_id=office.id, office_role=OfficeRole.PUBLISHER).first()
    assert member is not None
    return member_principal(office_id=office.id, member_id=member.id, role=OfficeRole.PUBLISHER)


async def _post(
    app_client: httpx.AsyncClient, principal: Principal, **parts: Any
) -> httpx.Response:
    async with as_principal(app_client, principal) as client:
        return await client.post("/graphql", **parts)


async def test_a_markdown_file_becomes_an_analysed_draft(app_client: httpx.AsyncClient) -> None:
    response = await _post(app_client, await _publisher(), **_multipart("memo.md", MEMO.encode()))
    assert response.status_code == 200, response.text
    payload = response.json()["data"]["importDocument"]
    assert payload["errors"] == [], payload
    assert payload["publication"]["title"] == "Diversion referral memo"
    assert payload["draft"]["sourceName"] == "memo.md"
    found = {(f["type"], f["text"]) for f in payload["draft"]["findings"]}
    assert ("PERSON", "Maria Quintero") in found and ("PERSON", "Tomas Reyes") in found
    assert ("CASE_NUMBER", "2023-CF-004512") in found


@pytest.mark.parametrize(
    ("filename", "data", "content_type"),
    [
        pytest.param("policy.pdf", MEMO.encode(), "application/pdf", id="text-named-pdf"),
        pytest.param("policy.docx", b"PK\x03\x04junk", "application/octet-stream", id="bad-zip"),
        pytest.param("policy.exe", b"MZ\x90\x00", "application/octet-stream", id="unknown-type"),
        pytest.param("policy.txt", "caf\xe9".encode("latin-1"), "text/plain", id="not-utf8"),
        pytest.param("policy.txt", b"", "text/plain", id="empty"),
    ],
)
async def test_bad_files_are_refused_and_leave_nothing(
    app_client: httpx.AsyncClient, filename: str, data: bytes, content_type: str
) -> None:
    before = await Publication.all().count(), await WorkingCopy.all().count()
    response = await _post(
        app_client, await _publisher(), **_multipart(filename, data, content_type)
    )
    assert response.status_code == 200, response.text
    payload = response.json()["data"]["importDocument"]
    assert payload["publication"] is None
    assert payload["errors"][0]["code"] == "INVALID_INPUT"
    assert payload["errors"][0]["field"] == "file"
    assert (await Publication.all().count(), await WorkingCopy.all().count()) == before


async def test_uploads_are_refused_before_reading_for_non_publishers(
    app_client: httpx.AsyncClient,
) -> None:
    response = await _post(app_client, ANONYMOUS, **_multipart("memo.md", MEMO.encode()))
    assert response.status_code == 403


async def test_an_oversized_upload_is_a_413(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    data = b"a" * (settings.max_upload_bytes + 1)
    response = await _post(app_client, await _publisher(), **_multipart("big.txt", data))
    assert response.status_code == 413


async def test_a_json_string_is_not_a_file(app_client: httpx.AsyncClient) -> None:
    async with as_principal(app_client, await _publisher()) as client:
        response = await client.post(
            "/graphql",
            json={
                "query": IMPORT,
                "variables": {"input": {"kind": "POLICY", "file": "memo.md"}},
            },
        )
    payload = response.json()["data"]["importDocument"]
    assert payload["errors"][0]["field"] == "file"


BOUNDARY = "x-boundary"


def _body(*parts: tuple[str, str | None, bytes]) -> bytes:
    chunks = []
    for name, filename, data in parts:
        disposition = f'form-data; name="{name}"'
        if filename:
            disposition += f'; filename="{filename}"'
        chunks.append(
            f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + data + b"\r\n"
        )
    return b"".join(chunks) + f"--{BOUNDARY}--\r\n".encode()


OPERATIONS = json.dumps({"query": "q", "variables": {"input": {"file": None}}}).encode()
CONTENT_TYPE = f"multipart/form-data; boundary={BOUNDARY}"


def test_the_parser_places_the_file() -> None:
    body = _body(
        ("operations", None, OPERATIONS),
        ("map", None, b'{"0": ["variables.input.file"]}'),
        ("0", "a.md", b"# Title\n"),
    )
    request = graphql_upload_request(CONTENT_TYPE, body)
    upload = request["variables"]["input"]["file"]
    assert upload == UploadedFile(filename="a.md", content_type=None, data=b"# Title\n")


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ([("operations", None, OPERATIONS)], "needs `operations` and `map`"),
        (
            [("operations", None, b"{"), ("map", None, b"{}")],
            "must be JSON",
        ),
        (
            [("operations", None, OPERATIONS), ("map", None, b'{"0": ["variables.input.file"]}')],
            "does not carry",
        ),
        (
            [
                ("operations", None, OPERATIONS),
                ("map", None, b'{"0": ["query"]}'),
                ("0", "a.md", b"x"),
            ],
            "not a path into `variables`",
        ),
        (
            [
                ("operations", None, OPERATIONS),
                ("map", None, b'{"0": ["variables.input.other"]}'),
                ("0", "a.md", b"x"),
            ],
            "null variable slot",
        ),
        (
            [
                ("operations", None, OPERATIONS),
                ("map", None, b'{"0": ["variables.input.file"], "1": ["variables.input.file"]}'),
                ("0", "a.md", b"x"),
                ("1", "b.md", b"y"),
            ],
            "(?i)at most",
        ),
        ([("operations", None, b"x" * 300_000), ("map", None, b"{}")], "KiB"),
    ],
)
def test_the_parser_refuses_bad_requests(parts: list, message: str) -> None:
    with pytest.raises(UploadRejected, match=message):
        graphql_upload_request(CONTENT_TYPE, _body(*parts))


def test_a_body_without_boundary_is_refused() -> None:
    with pytest.raises(UploadRejected, match="boundary"):
        graphql_upload_request("multipart/form-data", b"--x--")


def _network(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": settings.database_url}
    return subprocess.run(
        [sys.executable, "-m", "network.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def test_the_import_command(settings: Settings, tmp_path: Path) -> None:
    memo = tmp_path / "referral.md"
    memo.write_text(MEMO)
    before = await WorkingCopy.all().count()
    done = _network(
        settings, "publications", "import", str(memo), "--office", HOME, "--topic", "cash-bail"
    )
    assert done.returncode == 0, done.stderr
    assert "finding(s)" in done.stdout
    assert await WorkingCopy.all().count() == before + 1

    fake = tmp_path / "scan.pdf"
    fake.write_bytes(b"not a pdf")
    refused = _network(
        settings, "publications", "import", str(fake), "--office", HOME, "--topic", "cash-bail"
    )
    assert refused.returncode == 2
    assert "error:" in refused.stderr and "Traceback" not in refused.stderr
    assert await WorkingCopy.all().count() == before + 1
