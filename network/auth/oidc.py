"""Per-office OpenID Connect clients (Authlib's Starlette client), kept fresh.

One client per office, rebuilt when the office changes its provider settings.
Discovery metadata is dropped after `METADATA_SECONDS` so a provider's rotated
endpoints or keys are picked up (Authlib alone would keep the first copy forever);
an unknown signing key also triggers a JWKS refetch inside Authlib.
"""

import hashlib
import time
import warnings
from dataclasses import dataclass

from authlib.deprecate import AuthlibDeprecationWarning

# Authlib 1.9 announces, once at import, that it will move to the httpx2 package; httpx
# 0.28 works. Only that announcement is silenced, and only for this import, so every
# process (serve, worker, each command) starts without it; other warnings still show.
with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore", message="The httpx module is deprecated", category=AuthlibDeprecationWarning
    )
    from authlib.integrations.starlette_client import OAuth, StarletteOAuth2App

from network.auth.models import IdentityProvider
from network.auth.secrets import decrypt
from network.settings import Settings

METADATA_SECONDS = 900.0
HTTP_TIMEOUT_SECONDS = 5.0
SCOPE = "openid email profile"


@dataclass
class _Entry:
    app: StarletteOAuth2App
    fingerprint: str


class ProviderClients:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.oauth = OAuth()
        self._entries: dict[int, _Entry] = {}

    def client_for(self, provider: IdentityProvider) -> StarletteOAuth2App:
        fingerprint = hashlib.sha256(
            f"{provider.issuer}|{provider.client_id}|{provider.client_secret_encrypted}".encode()
        ).hexdigest()
        office_id: int = provider.office_id  # type: ignore[attr-defined]
        entry = self._entries.get(office_id)
        if entry is None or entry.fingerprint != fingerprint:
            # Authlib's registry returns the first client ever made under a name, so a
            # changed configuration gets a new name.
            app = self.oauth.register(
                name=f"office-{office_id}-{fingerprint[:16]}",
                client_id=provider.client_id,
                client_secret=decrypt(self.settings, provider.client_secret_encrypted),
                server_metadata_url=provider.issuer.rstrip("/")
                + "/.well-known/openid-configuration",
                client_kwargs={
                    "scope": SCOPE,
                    "code_challenge_method": "S256",
                    "timeout": HTTP_TIMEOUT_SECONDS,
                },
            )
            entry = self._entries[office_id] = _Entry(app, fingerprint)
        loaded_at = entry.app.server_metadata.get("_loaded_at")
        if loaded_at is not None and time.time() - loaded_at > METADATA_SECONDS:
            entry.app.server_metadata.clear()
        return entry.app
