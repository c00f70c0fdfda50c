"""The standard full introspection query (what GraphiQL, code generators and client
libraries send) succeeds, so tools can load the schema."""

import httpx
from graphql import build_client_schema, get_introspection_query

from tests.conftest import gql


async def test_full_introspection_query_succeeds(app_client: httpx.AsyncClient) -> None:
    query = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
    )
    body = await gql(app_client, query)
    assert "errors" not in body, body.get("errors")
    schema = build_client_schema(body["data"])
    assert "Policy" in schema.type_map
    types = {t["name"]: t for t in body["data"]["__schema"]["types"]}
    inputs = {f["name"]: f for f in types["IdentityProviderInput"]["inputFields"]}
    assert inputs["roleMapping"]["defaultValue"] == "null"
