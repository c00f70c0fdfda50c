"""A deliberately misbehaving OpenID provider, served over real HTTP by uvicorn.

The real provider in provider.mjs only issues correct tokens; the relying party's
refusals (wrong nonce, expired, wrong audience, alg none, unknown key, another
issuer) need a provider that issues wrong ones on purpose. It skips the login page:
/authorize redirects straight back with a code.
"""

import base64
import json
import socket
import threading
import time
import uuid
from typing import Any
from urllib.parse import urlencode

import uvicorn
from joserfc import jwt
from joserfc.jwk import RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

MODES = ("ok", "wrong_nonce", "expired", "wrong_aud", "alg_none", "unknown_kid", "other_issuer")


class HostileProvider:
    def __init__(self, client_id: str) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.client_id = client_id
        self.mode = "ok"
        self.subject = "hostile-user"
        self.email = "user@hostile.test"
        self.jwks_hits = 0
        self.discovery_hits = 0
        self.key = RSAKey.generate_key(
            2048, parameters={"kid": "published", "alg": "RS256"}, private=True
        )
        self.stray = RSAKey.generate_key(2048, parameters={"kid": "never-published"}, private=True)
        self._nonces: dict[str, str] = {}
        app = Starlette(
            routes=[
                Route("/.well-known/openid-configuration", self.discovery),
                Route("/authorize", self.authorize),
                Route("/token", self.token, methods=["POST"]),
                Route("/jwks", self.jwks),
            ]
        )
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "HostileProvider":
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("hostile provider did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    async def discovery(self, request: Request) -> Response:
        self.discovery_hits += 1
        return JSONResponse(
            {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        )

    async def authorize(self, request: Request) -> Response:
        params = request.query_params
        code = uuid.uuid4().hex
        self._nonces[code] = params.get("nonce", "")
        query = urlencode({"code": code, "state": params.get("state", "")})
        return RedirectResponse(f"{params['redirect_uri']}?{query}", status_code=302)

    async def jwks(self, request: Request) -> Response:
        self.jwks_hits += 1
        return JSONResponse({"keys": [self.key.as_dict(private=False)]})

    async def token(self, request: Request) -> Response:
        form = await request.form()
        nonce = self._nonces.pop(str(form.get("code")), "")
        return JSONResponse(
            {
                "access_token": "opaque",
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": self.id_token(nonce),
            }
        )

    def id_token(self, nonce: str) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": self.subject,
            "aud": self.client_id,
            "exp": now + 300,
            "iat": now,
            "nonce": nonce,
            "email": self.email,
            "email_verified": True,
        }
        header = {"alg": "RS256", "kid": "published"}
        key = self.key
        if self.mode == "wrong_nonce":
            claims["nonce"] = "not-the-nonce"
        elif self.mode == "expired":
            claims["exp"], claims["iat"] = now - 3600, now - 7200
        elif self.mode == "wrong_aud":
            claims["aud"] = "some-other-client"
        elif self.mode == "other_issuer":
            claims["iss"] = "http://127.0.0.1:1"
        elif self.mode == "unknown_kid":
            header["kid"], key = "never-published", self.stray
        if self.mode == "alg_none":

            def part(value: dict[str, Any]) -> str:
                return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

            return f"{part({'alg': 'none'})}.{part(claims)}."
        return jwt.encode(header, claims, key)
