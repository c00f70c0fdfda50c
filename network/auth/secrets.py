"""The instance secret, encryption of stored secrets, and hashing of issued ones.

Keys come from the instance's root secret (`network.instance_secret`).
"""

import base64
import hashlib
import hmac
import secrets

from cryptography.fernet import Fernet, InvalidToken

from network.instance_secret import derive
from network.settings import Settings

__all__ = ["decrypt", "derive", "encrypt", "hash_secret", "new_secret", "secret_matches"]


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
