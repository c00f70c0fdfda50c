"""The base URL follows where `network serve` listens unless NETWORK_BASE_URL says
otherwise, and a mismatch is reported at start-up."""

from pathlib import Path

import httpx
import pytest

from network.http.addresses import listening_url, same_origin
from network.settings import Settings
from tests.test_serve_process import served


def _without_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NETWORK_BASE_URL", raising=False)


def test_issuer_and_sign_in_redirect_follow_the_port(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_base_url(monkeypatch)
    with served(settings, tmp_path / "server.log") as base:
        metadata = httpx.get(f"{base}/.well-known/oauth-authorization-server").json()
        assert metadata["issuer"] == base
        assert metadata["token_endpoint"] == f"{base}/oauth/token"
    log = (tmp_path / "server.log").read_text()
    assert f"base URL {base}" in log
    assert "NETWORK_BASE_URL is" not in log


def test_a_configured_base_url_elsewhere_is_reported(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_base_url(monkeypatch)
    public = "https://network.example.org"
    with served(settings, tmp_path / "server.log", NETWORK_BASE_URL=public) as base:
        metadata = httpx.get(f"{base}/.well-known/oauth-authorization-server").json()
        assert metadata["issuer"] == public
    log = (tmp_path / "server.log").read_text()
    assert f"NETWORK_BASE_URL is {public} but this process listens on {base}" in log


@pytest.mark.parametrize(
    ("host", "port", "url"),
    [
        ("127.0.0.1", 18300, "http://127.0.0.1:18300"),
        ("0.0.0.0", 80, "http://127.0.0.1:80"),
        ("::", 8000, "http://[::1]:8000"),
        ("fe80::1", 8000, "http://[fe80::1]:8000"),
        ("localhost", 8000, "http://localhost:8000"),
    ],
)
def test_listening_url(host: str, port: int, url: str) -> None:
    assert listening_url(host, port) == url


def test_same_origin_fills_default_ports() -> None:
    assert same_origin("http://127.0.0.1:80", "http://127.0.0.1/")
    assert same_origin("https://Network.example", "https://network.example:443")
    assert not same_origin("http://127.0.0.1:8000", "http://127.0.0.1:18300")
    assert not same_origin("http://host:8000", "https://host:8000")
    assert not same_origin("http://host:notaport", "http://host:8000")


def test_commands_start_without_warnings(settings: Settings) -> None:
    """No library announcement greets a user (every warning category shown)."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-W", "default", "-m", "network.cli", "schema"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "type Query" in result.stdout
    assert "Warning" not in result.stderr, result.stderr
