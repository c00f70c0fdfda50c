"""private_key_jwt client assertions (RFC 7523), checked before Authlib trusts them.

- The assertion's subject is the client; a `client_id` sent beside it must be the
  same (RFC 7523 section 3, RFC 7521 section 4.2).
- Only a client registered for private_key_jwt has keys to verify with; any other is
  refused as a client, not with a KeyError inside Authlib.
- An assertion is a one-time proof, not a credential to keep: it may live at most
  `MAX_ASSERTION_SECONDS` and expire at most that far ahead (RFC 7523 section 3,
  item 4 lets the server refuse an exp unreasonably far in the future). exp and iat
  must be finite numbers, and the jti must fit the column that remembers it.
"""

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from authlib.oauth2.rfc6749 import InvalidClientError
from authlib.oauth2.rfc7523 import JWTBearerClientAssertion
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from network.auth.bearer import finite_number
from network.auth.models import ClientAuthMethod

if TYPE_CHECKING:
    from network.auth.tokens import ClientRecord

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
MAX_ASSERTION_SECONDS = 300
MAX_JTI_LENGTH = 255  # the column that remembers seen assertions
LEEWAY_SECONDS = 30


class PrivateKeyJWT(JWTBearerClientAssertion):
    """Client authentication by a signed assertion (RFC 7523 section 2.2), refusing
    what Authlib alone would let through or crash on."""

    CLIENT_AUTH_METHOD = "private_key_jwt"

    def __init__(self, audiences: list[str], remember_jti: Callable[[str, str, int], None]) -> None:
        super().__init__(validate_jti=True, leeway=LEEWAY_SECONDS)
        self.audiences = audiences
        self.remember_jti = remember_jti

    def __call__(self, query_client: Any, request: Any) -> Any:
        form = request.form
        claimed = form.get("client_id")
        assertion = form.get("client_assertion")
        if (
            claimed is not None
            and assertion
            and form.get("client_assertion_type") == ASSERTION_TYPE
        ):
            # RFC 7523 section 3 (and RFC 7521 section 4.2): the subject is the client;
            # a client_id beside the assertion must name the same one.
            _, claims = self.extract_assertion(assertion)
            if claims.get("sub") != claimed:
                raise InvalidClientError(
                    description="client_id differs from the assertion's subject (sub)."
                )
        return super().__call__(query_client, request)

    def get_audiences(self) -> list[str]:
        return self.audiences

    def resolve_client_public_key(self, client: "ClientRecord") -> KeySet:
        # Authlib asks for the key before it checks the client's method: a client
        # registered with a secret has no keys and must be refused here.
        if client.model.auth_method != ClientAuthMethod.PRIVATE_KEY_JWT:
            raise InvalidClientError(
                description="This client authenticates with a secret, not with private_key_jwt."
            )
        try:
            return KeySet.import_key_set(client.model.jwks)  # type: ignore[arg-type]
        except (JoseError, ValueError, TypeError, KeyError):
            raise InvalidClientError(
                description="The client's registered keys cannot be used."
            ) from None

    def verify_claims(self, claims: Any) -> None:
        _check_assertion_lifetime(claims)
        jti = claims.get("jti")
        if jti is not None and not (
            isinstance(jti, str) and 0 < len(jti) <= MAX_JTI_LENGTH and jti.isprintable()
        ):
            raise InvalidClientError(
                description=f"jti must be a string of at most {MAX_JTI_LENGTH} characters."
            )
        super().verify_claims(claims)

    def validate_jti(self, claims: Any, jti: str) -> bool:
        # Recorded now, stored after the core returns: a unique constraint turns a
        # second use of the same assertion into a refusal.
        self.remember_jti(str(claims["sub"]), str(jti), int(claims["exp"]))
        return True


def _check_assertion_lifetime(claims: Any) -> None:
    exp, iat = claims.get("exp"), claims.get("iat")
    if exp is None:
        return  # Authlib refuses the missing claim
    if not finite_number(exp) or (iat is not None and not finite_number(iat)):
        raise InvalidClientError(description="exp and iat must be numbers.")
    if exp - time.time() > MAX_ASSERTION_SECONDS + LEEWAY_SECONDS or (
        iat is not None and exp - iat > MAX_ASSERTION_SECONDS
    ):
        raise InvalidClientError(
            description=f"Assertions may live at most {MAX_ASSERTION_SECONDS} seconds."
        )
