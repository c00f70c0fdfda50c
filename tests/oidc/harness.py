"""A real OpenID provider for tests: `oidc-provider` 8.8.1 (npm) run as its own node process.

    from tests.oidc.harness import OidcProvider, complete_login, pkce_pair

    client = {"client_id": "rp", "client_secret": "s3cret", "redirect_uris": [callback]}
    accounts = {"ana@office.example": {"name": "Ana", "groups": ["editors"], "email_verified": True}}
    with OidcProvider(clients=[client], accounts=accounts) as op:   # or `async with`
        op.issuer            # "http://127.0.0.1:<port>"; op.metadata is the discovery document
        callback_url = complete_login(http_client, authorize_url, "ana@office.example")

`OidcProvider` starts `node provider.mjs CONFIG.json` (see the top of provider.mjs for what the
provider does), waits until its discovery document answers and stops the process on exit. The
provider accepts any login (password ignored); the ID token's `sub` is the login string, its
`email`, `email_verified`, `name` and `groups` come from `accounts` (unknown logins: email = login,
no groups). PKCE S256 is required; scopes are `openid email profile`.

`complete_login` (sync, `httpx.Client`) and `complete_login_async` (`httpx.AsyncClient`) play the
browser: starting from an authorization URL they follow the provider's redirects, submit its login
and consent forms (cookies stay in the client's jar) and return the first redirect that leaves the
provider's origin, i.e. the relying party's callback URL with `code` and `state` (or `error`), without
requesting it. The client must be able to reach the provider over the network: with an
ASGI-transport client for the app, mount a real transport for the provider's origin, e.g.
`httpx.AsyncClient(transport=ASGITransport(app), mounts={op.issuer: httpx.AsyncHTTPTransport()})`.

Nothing here talks to anything but 127.0.0.1 (and `npm install` the first time, see
`ensure_installed`).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self
from urllib.parse import urljoin, urlsplit

import httpx

HERE = Path(__file__).resolve().parent
PROVIDER_SCRIPT = HERE / "provider.mjs"
READY_TIMEOUT = 20.0
MAX_LOGIN_STEPS = 20


class OidcHarnessError(RuntimeError):
    """The test provider could not be installed or started."""


class LoginFlowError(RuntimeError):
    """The provider's interaction pages did not lead back to the relying party."""


# --- installation ---------------------------------------------------------------------------


def _pinned_version() -> str:
    package = json.loads((HERE / "package.json").read_text(encoding="utf-8"))
    return str(package["dependencies"]["oidc-provider"])


def _installed_version() -> str | None:
    manifest = HERE / "node_modules" / "oidc-provider" / "package.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None


@contextlib.contextmanager
def _install_lock() -> Iterator[None]:
    # Serializes concurrent installs (e.g. parallel pytest workers); the lock lives outside the repo.
    path = Path(tempfile.gettempdir()) / f"practice-network-oidc-npm-{os.getuid()}.lock"
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_installed() -> None:
    """Run `npm install` in tests/oidc unless oidc-provider (the pinned version) is present."""
    if _installed_version() == _pinned_version():
        return
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        raise OidcHarnessError(
            "the OIDC test provider needs Node.js (>= 18) and npm on PATH "
            f"(node: {node or 'missing'}, npm: {npm or 'missing'})"
        )
    with _install_lock():
        if _installed_version() == _pinned_version():
            return
        result = subprocess.run(
            [npm, "install", "--no-package-lock", "--no-audit", "--no-fund"],
            cwd=HERE,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if result.returncode != 0 or _installed_version() != _pinned_version():
            raise OidcHarnessError(
                f"`npm install` in {HERE} failed (exit {result.returncode}):\n"
                f"{result.stdout}\n{result.stderr}"
            )


# --- the provider process -------------------------------------------------------------------


class OidcProvider:
    """One oidc-provider process on 127.0.0.1; a (sync or async) context manager.

    clients:  [{"client_id", "client_secret", "redirect_uris": [...]}, ...] (other client
              metadata, e.g. post_logout_redirect_uris, is passed through).
    accounts: {login: {"name", "groups": [...], "email_verified", optional "email"}}.
    slow_ms:  delay every response by this many milliseconds.
    port:     0 (default) lets the OS pick a free port inside the node process (no race).
    """

    def __init__(
        self,
        clients: Sequence[Mapping[str, Any]],
        accounts: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        slow_ms: int = 0,
        port: int = 0,
        ready_timeout: float = READY_TIMEOUT,
    ) -> None:
        self.clients = [dict(client) for client in clients]
        self.accounts = {login: dict(claims) for login, claims in (accounts or {}).items()}
        self.slow_ms = slow_ms
        self.ready_timeout = ready_timeout
        self._requested_port = port
        self._issuer: str | None = None
        self._metadata: dict[str, Any] | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._log_handle: IO[bytes] | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._last_log = ""

    # public attributes

    @property
    def issuer(self) -> str:
        if self._issuer is None:
            raise OidcHarnessError("the provider is not running")
        return self._issuer

    @property
    def port(self) -> int:
        port = urlsplit(self.issuer).port
        assert port is not None
        return port

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    @property
    def metadata(self) -> dict[str, Any]:
        """The discovery document, as fetched when the provider became ready."""
        if self._metadata is None:
            raise OidcHarnessError("the provider is not running")
        return self._metadata

    def log(self) -> str:
        """What the node process has written to stdout/stderr so far (or before it stopped)."""
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                self._last_log = (Path(self._tmp.name) / "provider.log").read_text(
                    encoding="utf-8", errors="replace"
                )
        return self._last_log

    # lifecycle

    def start(self) -> Self:
        if self._proc is not None:
            raise OidcHarnessError("the provider is already running")
        ensure_installed()
        node = shutil.which("node")
        if node is None:
            raise OidcHarnessError("the OIDC test provider needs Node.js on PATH")
        try:
            self._tmp = tempfile.TemporaryDirectory(prefix="oidc-provider-")
            workdir = Path(self._tmp.name)
            config = {
                "port": self._requested_port,
                "clients": self.clients,
                "accounts": self.accounts,
                "slow_ms": self.slow_ms,
                "exit_with_parent": True,
            }
            config_path = workdir / "config.json"
            config_path.write_text(json.dumps(config), encoding="utf-8")
            self._log_handle = (workdir / "provider.log").open("wb")
            # stdin is a pipe we never write: node exits when it closes, even if we die.
            self._proc = subprocess.Popen(
                [node, str(PROVIDER_SCRIPT), str(config_path)],
                cwd=HERE,
                stdin=subprocess.PIPE,
                stdout=self._log_handle,
                stderr=subprocess.STDOUT,
            )
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        assert self._proc is not None
        deadline = time.monotonic() + self.ready_timeout
        while self._issuer is None:
            for line in self.log().splitlines(keepends=True):
                if line.startswith("READY ") and line.endswith("\n"):
                    self._issuer = line.removeprefix("READY ").strip()
                    break
            else:
                if self._proc.poll() is not None:
                    raise self._failure(f"exited with code {self._proc.returncode}")
                if time.monotonic() > deadline:
                    raise self._failure(f"did not print READY within {self.ready_timeout:.0f} s")
                time.sleep(0.02)
        timeout = max(deadline - time.monotonic(), 0.1) + self.slow_ms / 1000
        try:
            with httpx.Client(trust_env=False, timeout=timeout) as http:
                response = http.get(self.discovery_url)
                response.raise_for_status()
                metadata = response.json()
        except httpx.HTTPError as exc:
            raise self._failure(f"discovery document did not answer: {exc!r}") from exc
        if metadata.get("issuer") != self._issuer:
            raise self._failure(f"discovery issuer {metadata.get('issuer')!r} != {self._issuer!r}")
        self._metadata = metadata

    def _failure(self, what: str) -> OidcHarnessError:
        return OidcHarnessError(f"oidc-provider {what}; its log:\n{self.log()}")

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.stdin is not None:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        if self._log_handle is not None:
            self._log_handle.close()
            self._log_handle = None
        self.log()  # keep the final log readable after the temp dir is gone
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        self._issuer = None
        self._metadata = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def __aenter__(self) -> Self:
        return await asyncio.to_thread(self.start)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await asyncio.to_thread(self.stop)


# --- PKCE -----------------------------------------------------------------------------------


def pkce_pair() -> tuple[str, str]:
    """A fresh (code_verifier, S256 code_challenge) pair."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


# --- the browser login flow -----------------------------------------------------------------


@dataclass
class _Form:
    action: str
    method: str
    inputs: list[tuple[str, str, str]] = field(default_factory=list)  # (name, type, value)


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[_Form] = []
        self._current: _Form | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._current = _Form(
                action=attributes.get("action", ""),
                method=attributes.get("method", "get").lower(),
            )
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None and attributes.get("name"):
            self._current.inputs.append(
                (
                    attributes["name"],
                    attributes.get("type", "text").lower(),
                    attributes.get("value", ""),
                )
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None


@dataclass(frozen=True)
class _Request:
    method: str
    url: str
    data: dict[str, str] | None = None


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or ""), port


def _fill_form(page: httpx.Response, login: str, password: str) -> _Request:
    parser = _FormParser()
    parser.feed(page.text)
    parser.close()
    forms = [form for form in parser.forms if form.method == "post"]
    if not forms:
        raise LoginFlowError(
            f"{page.request.method} {page.url} answered {page.status_code} without a form:\n"
            f"{page.text[:2000]}"
        )
    form = forms[0]
    data: dict[str, str] = {}
    for name, kind, value in form.inputs:
        if kind in {"submit", "button", "image", "reset", "checkbox", "radio", "file"}:
            continue
        if name == "login":
            data[name] = login
        elif kind == "password":
            data[name] = password
        else:
            data[name] = value
    return _Request("POST", urljoin(str(page.url), form.action or str(page.url)), data)


def _login_steps(
    authorize_url: str, login: str, password: str
) -> Generator[_Request, httpx.Response, str]:
    """The flow without I/O: yields requests, receives their (unfollowed) responses."""
    provider = _origin(authorize_url)
    request = _Request("GET", authorize_url)
    for _ in range(MAX_LOGIN_STEPS):
        response = yield request
        if response.is_redirect:
            location = urljoin(str(response.url), response.headers["location"])
            if _origin(location) != provider:
                return location
            request = _Request("GET", location)
        elif response.status_code == 200:
            request = _fill_form(response, login, password)
            if _origin(request.url) != provider:
                raise LoginFlowError(
                    f"the provider posts a form to {request.url} (response_mode=form_post?); "
                    "only redirects back to the relying party are supported"
                )
        else:
            raise LoginFlowError(
                f"{response.request.method} {response.url} answered {response.status_code}:\n"
                f"{response.text[:2000]}"
            )
    raise LoginFlowError(f"no redirect out of the provider after {MAX_LOGIN_STEPS} requests")


def complete_login(
    client: httpx.Client, authorize_url: str, login: str, *, password: str = "password"
) -> str:
    """Log `login` in at the provider and consent; return the relying party's callback URL.

    If the client already holds a session cookie of this provider, the provider skips the login
    form (single sign-on) and `login` is ignored: use a fresh client or add `prompt=login` to the
    authorization URL to sign in as someone else. An `error` redirect is returned, not raised.
    """
    if not isinstance(client, httpx.Client):
        raise TypeError("complete_login needs an httpx.Client; use complete_login_async")
    steps = _login_steps(authorize_url, login, password)
    request = next(steps)
    while True:
        response = client.request(
            request.method, request.url, data=request.data, follow_redirects=False
        )
        try:
            request = steps.send(response)
        except StopIteration as done:
            return str(done.value)


async def complete_login_async(
    client: httpx.AsyncClient, authorize_url: str, login: str, *, password: str = "password"
) -> str:
    """`complete_login` for an `httpx.AsyncClient`."""
    if not isinstance(client, httpx.AsyncClient):
        raise TypeError("complete_login_async needs an httpx.AsyncClient; use complete_login")
    steps = _login_steps(authorize_url, login, password)
    request = next(steps)
    while True:
        response = await client.request(
            request.method, request.url, data=request.data, follow_redirects=False
        )
        try:
            request = steps.send(response)
        except StopIteration as done:
            return str(done.value)
