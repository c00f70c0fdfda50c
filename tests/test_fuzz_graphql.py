"""Generated GraphQL input never makes the server fail: schemathesis fuzzes every root
field of a live demo instance (bounded, seeded), then the server's log must hold no
traceback and no masked unexpected error (every 500 this app answers logs one).

schemathesis counts every `errors` entry as a failure (an INVALID_INPUT for a random
cursor included), so its verdict is not used; the server's own record is.
"""

import re
import subprocess
import sys
from pathlib import Path

from network.settings import Settings
from tests.test_serve_process import served

EXAMPLES_PER_FIELD = 15


def test_fuzzed_queries_cause_no_server_error(settings: Settings, tmp_path: Path) -> None:
    log_path = tmp_path / "server.log"
    with served(settings, log_path, NETWORK_SIGN_IN_PER_MINUTE="100000") as base:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "schemathesis.cli",
                "run",
                f"{base}/graphql",
                "--max-examples",
                str(EXAMPLES_PER_FIELD),
                "--workers",
                "1",
                "--seed",
                "20261203",
                "--checks",
                "not_a_server_error",
                "--request-timeout",
                "20",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=tmp_path,
            check=False,
        )
    output = run.stdout + run.stderr
    tested = re.search(r"Tested: (\d+)", output)
    assert tested and int(tested.group(1)) >= 15, output[-3000:]
    generated = re.search(r"(\d+) generated", output)
    assert generated and int(generated.group(1)) >= 200, output[-3000:]
    log = log_path.read_text()
    assert "Traceback" not in log, log[-5000:]
    assert "unexpected error" not in log, log[-5000:]
    assert "Exception in ASGI application" not in log, log[-5000:]
