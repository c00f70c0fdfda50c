"""Who this instance is, as the instance document tells peers."""

from typing import Any

from network.settings import Settings

PROTOCOL_VERSION = 1


def instance_document(settings: Settings) -> dict[str, Any]:
    base = settings.base_url.rstrip("/")
    return {
        "id": settings.instance_id,
        "name": settings.instance_name,
        "baseUrl": base,
        "protocolVersion": PROTOCOL_VERSION,
        "jwksUri": f"{base}/federation/jwks.json",
        "feedEndpoint": f"{base}/federation/feed",
        "hintEndpoint": f"{base}/federation/hint",
        "tokenEndpoint": f"{base}/oauth/token",
    }
