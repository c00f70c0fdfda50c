"""GraphQL over HTTP: media types, status codes and refusals of malformed requests."""

import httpx

from network.api.persisted import document_hash
from network.app import OPERATIONS_DIR

GRAPHQL_RESPONSE = "application/graphql-response+json"
SIMPLE = "{ instance { id name } }"


async def test_post_json_with_graphql_response_type(app_client: httpx.AsyncClient) -> None:
    response = await app_client.post(
        "/graphql", json={"query": SIMPLE}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert response.json()["data"]["instance"]["id"] == "test.instance"
    assert response.headers["x-request-id"]


async def test_missing_or_wildcard_accept_answers_json(app_client: httpx.AsyncClient) -> None:
    for accept in (None, "*/*", "application/json"):
        headers = {"accept": accept} if accept else {}
        response = await app_client.post("/graphql", json={"query": SIMPLE}, headers=headers)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")


async def test_accept_preference_is_respected(app_client: httpx.AsyncClient) -> None:
    response = await app_client.post(
        "/graphql",
        json={"query": SIMPLE},
        headers={"accept": f"application/json;q=0.9, {GRAPHQL_RESPONSE}"},
    )
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)


async def test_unacceptable_media_type_is_406(app_client: httpx.AsyncClient) -> None:
    response = await app_client.post(
        "/graphql", json={"query": SIMPLE}, headers={"accept": "text/html"}
    )
    assert response.status_code == 406
    assert "Accept" in response.json()["errors"][0]["message"]


async def test_get_runs_queries(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get(
        "/graphql", params={"query": SIMPLE}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 200
    assert response.json()["data"]["instance"]["name"]


async def test_get_with_variables(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get(
        "/graphql",
        params={
            "query": "query($n: Int) { offices(first: $n) { edges { node { slug } } } }",
            "variables": '{"n": 2}',
        },
    )
    assert len(response.json()["data"]["offices"]["edges"]) == 2


async def test_get_refuses_mutations_with_405(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get("/graphql", params={"query": "mutation { x }"})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


async def test_parse_error_is_400_without_data(app_client: httpx.AsyncClient) -> None:
    response = await app_client.post(
        "/graphql", json={"query": "{ instance { "}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 400
    body = response.json()
    assert "data" not in body
    assert "Syntax Error" in body["errors"][0]["message"]


async def test_validation_error_is_400_without_data(app_client: httpx.AsyncClient) -> None:
    response = await app_client.post(
        "/graphql", json={"query": "{ noSuchField }"}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 400
    body = response.json()
    assert "data" not in body
    assert "noSuchField" in body["errors"][0]["message"]
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_validation_error_under_plain_json_is_200(app_client: httpx.AsyncClient) -> None:
    response = await app_client.post(
        "/graphql", json={"query": "{ noSuchField }"}, headers={"accept": "application/json"}
    )
    assert response.status_code == 200
    assert "data" not in response.json()


async def test_malformed_requests_are_clear_4xx(app_client: httpx.AsyncClient) -> None:
    cases = [
        (
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
            "not valid JSON",
        ),
        ({"content": b"", "headers": {"content-type": "application/json"}}, 400, "empty"),
        (
            {"content": b"[1, 2]", "headers": {"content-type": "application/json"}},
            400,
            "JSON object",
        ),
        ({"json": {"query": 42}}, 400, "must be a string"),
        ({"json": {"query": SIMPLE, "variables": [1]}}, 400, "`variables` must be an object"),
        ({"json": {"query": SIMPLE, "operationName": 3}}, 400, "`operationName` must be a string"),
        ({"json": {"variables": {}}}, 400, "Missing `query`"),
        (
            {"content": SIMPLE.encode(), "headers": {"content-type": "text/plain"}},
            415,
            "application/json",
        ),
        ({"content": SIMPLE.encode()}, 415, "application/json"),
    ]
    for kwargs, status, text in cases:
        response = await app_client.post("/graphql", **kwargs)
        assert response.status_code == status, (kwargs, response.text)
        assert text in response.json()["errors"][0]["message"], response.text


async def test_oversize_body_is_413(app_client: httpx.AsyncClient) -> None:
    padding = " " * (300 * 1024)
    response = await app_client.post("/graphql", json={"query": SIMPLE + padding})
    assert response.status_code == 413
    assert "limited" in response.json()["errors"][0]["message"]


async def test_other_methods_are_refused(app_client: httpx.AsyncClient) -> None:
    response = await app_client.put("/graphql", json={"query": SIMPLE})
    assert response.status_code == 405


async def test_depth_limit_is_readable(app_client: httpx.AsyncClient) -> None:
    deep = "{ topics { topic { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { slug } } } } } } } } } } } } } }"
    response = await app_client.post(
        "/graphql", json={"query": deep}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 400
    assert "exceeds maximum operation depth" in response.json()["errors"][0]["message"]


async def test_alias_limit_is_readable(app_client: httpx.AsyncClient) -> None:
    aliases = " ".join(f"a{i}: instance {{ id }}" for i in range(40))
    response = await app_client.post(
        "/graphql", json={"query": "{ " + aliases + " }"}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 400
    assert "aliases" in response.json()["errors"][0]["message"]


async def test_token_limit_is_readable(app_client: httpx.AsyncClient) -> None:
    fields = " ".join("__typename" for _ in range(5000))
    response = await app_client.post(
        "/graphql", json={"query": "{ " + fields + " }"}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 400
    assert "token" in response.json()["errors"][0]["message"].lower()


async def test_persisted_operation_by_document_id(app_client: httpx.AsyncClient) -> None:
    text = (OPERATIONS_DIR / "Topics.graphql").read_text()
    response = await app_client.post(
        "/graphql", json={"documentId": document_hash(text)}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 200
    assert len(response.json()["data"]["topics"]) >= 16


async def test_unknown_document_id_is_400(app_client: httpx.AsyncClient) -> None:
    response = await app_client.post("/graphql", json={"documentId": "sha256:" + "0" * 64})
    assert response.status_code == 400
    assert "Unknown `documentId`" in response.json()["errors"][0]["message"]
