"""The scopes an API client can hold: the one list the token endpoint, client
management and the checks share."""

READ = "read"
PUBLICATIONS_WRITE = "publications:write"
METRICS_WRITE = "metrics:write"

SCOPES: tuple[str, ...] = (READ, PUBLICATIONS_WRITE, METRICS_WRITE)

# Held only by the clients that peering registers for other instances: never offered
# to the API clients an office creates (it is not in SCOPES).
FEDERATION = "federation"
