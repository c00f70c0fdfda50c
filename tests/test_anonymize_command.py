"""`network anonymize`, run as a real process: findings as JSON lines, --redact, --jsonl,
standard input, and bad input reported in one line with exit status 2."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

NETWORK = Path(sys.executable).with_name("network")
TEXT = (
    "Officer Daniel Ruiz stopped Marcus Albright (DOB 03/14/1991) near 4127 Oakmont Avenue.\n"
    "Albright's phone is 614-555-0187. The diversion policy took effect January 1, 2024.\n"
)


def network(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(NETWORK), "anonymize", *args], input=stdin, capture_output=True, timeout=60
    )


def findings(output: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.decode().splitlines()]


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "memo.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_prints_one_json_finding_per_line_with_offsets_into_the_input(document: Path) -> None:
    result = network(str(document))
    assert result.returncode == 0, result.stderr
    found = findings(result.stdout)
    assert {(f["type"], f["text"]) for f in found} >= {
        ("PERSON", "Daniel Ruiz"),
        ("PERSON", "Marcus Albright"),
        ("PERSON", "Albright"),
        ("DATE_OF_BIRTH", "03/14/1991"),
        ("ADDRESS", "4127 Oakmont Avenue"),
        ("PHONE", "614-555-0187"),
    }
    for finding in found:
        assert set(finding) == {"type", "start", "end", "text", "score"}
        assert TEXT[finding["start"] : finding["end"]] == finding["text"]  # type: ignore[misc]
    assert "January 1, 2024" not in {f["text"] for f in found}


def test_reads_standard_input_with_a_dash_or_no_argument(document: Path) -> None:
    from_file = network(str(document)).stdout
    assert network("-", stdin=TEXT.encode()).stdout == from_file
    assert network(stdin=TEXT.encode()).stdout == from_file


def test_redact_prints_the_text_with_consistent_placeholders(document: Path) -> None:
    result = network("--redact", str(document))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == (
        "Officer [PERSON-1] stopped [PERSON-2] (DOB [DATE_OF_BIRTH-1]) near [ADDRESS-1].\n"
        "[PERSON-2]'s phone is [PHONE-1]. The diversion policy took effect January 1, 2024.\n"
    )


def test_jsonl_findings_carry_their_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 1, "text": "Call Officer Ruiz at 614-555-0187."}),
        "",
        json.dumps({"id": 2, "text": "No names here."}),
        json.dumps({"text": "Mr. Haskins, DOB 01/02/1980."}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = network("--jsonl", str(path))
    assert result.returncode == 0, result.stderr
    found = findings(result.stdout)
    assert [(f["line"], f["type"], f["text"]) for f in found] == [
        (0, "PERSON", "Ruiz"),
        (0, "PHONE", "614-555-0187"),
        (3, "PERSON", "Haskins"),
        (3, "DATE_OF_BIRTH", "01/02/1980"),
    ]
    texts = {0: "Call Officer Ruiz at 614-555-0187.", 3: "Mr. Haskins, DOB 01/02/1980."}
    for finding in found:
        text = texts[finding["line"]]  # type: ignore[index]
        assert text[finding["start"] : finding["end"]] == finding["text"]  # type: ignore[misc]


def test_jsonl_redact_prints_each_object_with_its_text_redacted() -> None:
    lines = [
        {"id": "a", "text": "Officer Ruiz met Ana Lee. Lee left."},
        {"id": "b", "text": "Ana Lee again."},
    ]
    stdin = "".join(json.dumps(line) + "\n" for line in lines).encode()
    result = network("--jsonl", "--redact", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert findings(result.stdout) == [
        {"id": "a", "text": "Officer [PERSON-1] met [PERSON-2]. [PERSON-2] left."},
        {"id": "b", "text": "[PERSON-1] again."},
    ]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["/no/such/file.txt"], None, "no such file: /no/such/file.txt"),
        (["/"], None, "is a directory"),
        (["-"], b"caf\xe9 au lait", "not UTF-8 text (byte 0xe9 at offset 3)"),
        (["--jsonl"], b'{"text": "ok"}\n{"text": \n', "line 1: invalid JSON"),
        (["--jsonl"], b'{"text": "ok"}\n{"body": "no text"}\n', "line 1: expected a JSON object"),
        (["--jsonl"], b'["text"]\n', "line 0: expected a JSON object"),
        (["--jsonl", "--redact"], b'{"text": 5}\n', "line 0: expected a JSON object"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(
    args: list[str], stdin: bytes | None, message: str
) -> None:
    result = network(*args, stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == b""
    error = result.stderr.decode()
    assert message in error
    assert error.count("\n") == 1
    assert "Traceback" not in error


def test_the_network_command_lists_and_runs_anonymize_through_its_parser(document: Path) -> None:
    # `-c` is not the `network` entry point, so this goes through build_parser/HANDLERS.
    code = "import sys; from network.cli import main; raise SystemExit(main(sys.argv[1:]))"
    run = [sys.executable, "-c", code]
    listed = subprocess.run([*run, "--help"], capture_output=True, text=True, timeout=60)
    assert "anonymize" in listed.stdout
    direct = subprocess.run(
        [*run, "anonymize", "--redact", str(document)], capture_output=True, timeout=60
    )
    assert direct.returncode == 0, direct.stderr
    assert direct.stdout == network("--redact", str(document)).stdout


@pytest.mark.parametrize("entry", ["script", "module"])
def test_anonymize_skips_the_server_stack_and_spacy(entry: str, document: Path) -> None:
    command = (
        [str(NETWORK), "anonymize", str(document)]
        if entry == "script"
        else [sys.executable, "-m", "network", "anonymize", str(document)]
    )
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "network.anonymize.analyzer" in imported
    for heavy in ("tortoise", "strawberry", "starlette", "spacy", "presidio_analyzer.nlp_engine"):
        assert heavy not in imported
    assert result.stdout.encode() == network(str(document)).stdout
