"""Every shell example in README.md that talks to the server runs, as written, against
a live demo instance (only the address is pointed at the test server)."""

import json
import re
import subprocess
from pathlib import Path

from network.settings import Settings
from tests.test_serve_process import served

README = Path(__file__).resolve().parent.parent / "README.md"
ADDRESS = "http://127.0.0.1:8000"


def server_examples() -> list[str]:
    """Commands in ```sh blocks that name the server's address, continuations joined."""
    commands: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for command in re.sub(r"\\\n\s*", " ", block).splitlines():
            command = command.split("  #")[0].strip()
            if ADDRESS in command:
                commands.append(command)
    return commands


def test_readme_has_server_examples() -> None:
    examples = server_examples()
    assert len(examples) >= 2
    assert all(e.startswith("curl ") for e in examples), examples


def test_readme_examples_run_against_a_live_instance(settings: Settings, tmp_path: Path) -> None:
    with served(settings, tmp_path / "server.log") as base:
        for command in server_examples():
            result = subprocess.run(
                ["bash", "-c", command.replace(ADDRESS, base)],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            assert result.returncode == 0, (command, result.stderr)
            body = json.loads(result.stdout)
            assert "errors" not in body, (command, body)
            assert body["data"], (command, body)
