"""The instance's root secret and the keys derived from it, one per purpose.

NETWORK_SECRET_KEY (any long random string) is the root secret. Without it, a random
key is created once in the data directory (mode 0600) so a laptop instance works;
production sets the variable so that every app process shares it. Nothing derived
here ever leaves the instance: pseudonyms, cursors and stored-secret encryption all
rest on it.
"""

import hashlib
import hmac
import os
import secrets
from functools import cache
from pathlib import Path

from network.settings import Settings


@cache
def _root_key(secret_key: str, data_dir: str) -> bytes:
    if secret_key:
        return hashlib.sha256(secret_key.encode()).digest()
    path = Path(data_dir) / "secret.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return hashlib.sha256(path.read_text().strip().encode()).digest()


def derive(settings: Settings, purpose: str) -> bytes:
    """A 32-byte key for one purpose (HMAC-SHA256 of the root key), so no two uses
    share key material."""
    root = _root_key(settings.secret_key, str(settings.data_dir))
    return hmac.new(root, purpose.encode(), hashlib.sha256).digest()
