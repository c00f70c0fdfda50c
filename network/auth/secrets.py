"""The instance secret, encryption of stored secrets, and hashing of issued ones.

NETWORK_SECRET_KEY (any long random string) is the root secret. Without it, a random
key is created once in the data directory (mode 0600) so a laptop instance works;
production sets the variable so that every app process shares it.
"""

import base64
import hashlib
import hmac
import os
import secrets
from functools import cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

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
    """A 32-byte key for one purpose, so no two uses share key material."""
    root = _root_key(settings.secret_key, str(settings.data_dir))
    return hmac.new(root, purpose.encode(), hashlib.sha256).digest()


def _fernet(settings: Settings) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(derive(settings, "encryption")))


def encrypt(settings: Settings, plaintext: str) -> str:
    return _fernet(settings).encrypt(plaintext.encode()).decode()


def decrypt(settings: Settings, token: str) -> str:
    try:
        return _fernet(settings).decrypt(token.encode()).decode()
    except InvalidToken:
        raise ValueError(
            "a stored secret cannot be decrypted: NETWORK_SECRET_KEY differs from the "
            "one it was stored with"
        ) from None


def new_secret() -> str:
    """A 256-bit random secret for a client, shown once to its creator."""
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    """SHA-256 of an issued secret.

    Issued secrets are 256-bit random values, so they cannot be guessed or brute
    forced from the hash; a deliberately slow KDF (needed for human passwords) would
    only make the token endpoint slow.
    """
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return bool(stored_hash) and hmac.compare_digest(hash_secret(secret), stored_hash)
