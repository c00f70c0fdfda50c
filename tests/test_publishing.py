"""Publishing through GraphQL: draft, analysis, review, publish, revise, retract, and
every refusal on the way (nothing half-saved)."""

import re
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest
from strawberry.relay import from_base64

from network.access.principal import Principal, PrincipalKind, member_principal
from network.app import create_app
from network.audit.models import AuditEvent
from network.offices.models import Member, Office, OfficeRole
from network.publications.models import Finding, Publication, Revision, WorkingCopy
from network.settings import Settings
from tests.conftest import as_principal

HOME = "wabash-valley-prosecutor"
THIRD = "prairie-county-pa"

MEMO = (
    "Defendant John Whitaker (DOB 03/14/1991) was booked under BK-2024-019283 after a "
    "stop on Route 9. Mr. Whitaker asked for the diversion program on his own. Call "
    "Ms. Delgado at 555-201-3344 for the file."
)

CREATE = """
mutation($input: CreateDraftInput!) {
  createDraft(input: $input) {
    publication { id status title }
    draft { state blockingFindings findings { id part start end type text score decision blocking } }
    errors { code field message }
  }
}"""
STEP = """
mutation($id: ID!) {
  %s(id: $id) { draft { state reviewNote } errors { code field message } }
}"""
PUBLISH = """
mutation($id: ID!) {
  publish(id: $id) { publication { id status revisionCount attributedTo } errors { code field message } }
}"""
RESOLVE = """
mutation($input: ResolveFindingInput!) {
  resolveFinding(input: $input) {
    finding { id decision blocking } draft { state blockingFindings } errors { code field }
  }
}"""
READ = """
query($id: ID!) {
  node(id: $id) {
    ... on Publication {
      title summary status revisionCount
      retraction { at reason }
      latestRevision { number body bodyHtml changeSummary }
      revisions { number }
      draft { state body findings { type text decision } }
    }
  }
}"""


async def _member(slug: str, role: OfficeRole, skip: int = 0) -> Principal:
    office = await Office.get(slug=slug)
    rows = await Member.filter(office_id=office.id, office_role=role).order_by("id")
    assert len(rows) > skip, f"the demo needs {skip + 1} {role} member(s) in {slug}"
    return member_principal(office_id=office.id, member_id=rows[skip].id, role=role)


async def _call(
    app_client: httpx.AsyncClient, principal: Principal, query: str, **variables: Any
) -> dict[str, Any]:
    async with as_principal(app_client, principal) as client:
        response = await client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def _fields(**overrides: Any) -> dict[str, Any]:
    return {
        "title": "Pre-charge diversion for first retail theft",
        "summary": "Who is offered diversion before charging, and how it is tracked.",
        "body": "## Practice\n\n" + MEMO,
        "topics": ["cash-bail"],
        "visibility": "NETWORK",
        "attribution": "PSEUDONYMOUS",
        **overrides,
    }


async def _draft(app_client: httpx.AsyncClient, author: Principal, **overrides: Any) -> dict:
    data = await _call(
        app_client,
        author,
        CREATE,
        input={"kind": "POLICY", "fields": _fields(**overrides)},
    )
    payload = data["createDraft"]
    assert payload["errors"] == [], payload
    return payload


async def _resolve_all(app_client: httpx.AsyncClient, author: Principal, findings: list) -> None:
    for finding in findings:
        decision = "ACCEPTED" if finding["blocking"] else "REJECTED"
        data = await _call(
            app_client,
            author,
            RESOLVE,
            input={"findingId": finding["id"], "decision": decision},
        )
        assert data["resolveFinding"]["errors"] == []


async def _publish_new(app_client: httpx.AsyncClient, **overrides: Any) -> str:
    author = await _member(HOME, OfficeRole.PUBLISHER)
    reviewer = await _member(HOME, OfficeRole.OFFICE_ADMIN)
    payload = await _draft(app_client, author, **overrides)
    pid = payload["publication"]["id"]
    await _resolve_all(app_client, author, payload["draft"]["findings"])
    for who, step in ((author, "submitForReview"), (reviewer, "approve")):
        assert (await _call(app_client, who, STEP % step, id=pid))[step]["errors"] == []
    published = (await _call(app_client, author, PUBLISH, id=pid))["publish"]
    assert published["errors"] == [], published
    return pid


async def test_the_whole_path_from_draft_to_redacted_publication(
    app_client: httpx.AsyncClient,
) -> None:
    author = await _member(HOME, OfficeRole.PUBLISHER)
    reviewer = await _member(HOME, OfficeRole.OFFICE_ADMIN)
    events_before = await AuditEvent.filter(action__startswith="publication.").count()

    payload = await _draft(app_client, author)
    pid = payload["publication"]["id"]
    assert payload["publication"]["status"] == "DRAFT"
    findings = payload["draft"]["findings"]
    body = "## Practice\n\n" + MEMO
    for finding in findings:
        part = {"body": body}.get(finding["part"])
        if part is not None:
            assert part[finding["start"] : finding["end"]] == finding["text"]
    types = {f["type"] for f in findings}
    assert {"PERSON", "DATE_OF_BIRTH", "BOOKING_NUMBER", "PHONE"} <= types, findings
    assert payload["draft"]["blockingFindings"] >= 4

    # Review waits until every confident finding is resolved.
    refused = (await _call(app_client, author, STEP % "submitForReview", id=pid))["submitForReview"]
    assert refused["errors"][0]["code"] == "CONFLICT"
    assert refused["errors"][0]["field"] == "findings"

    await _resolve_all(app_client, author, findings)
    submitted = await _call(app_client, author, STEP % "submitForReview", id=pid)
    assert submitted["submitForReview"]["draft"]["state"] == "IN_REVIEW"

    # The author may not approve their own draft; another admin may.
    own = (await _call(app_client, author, STEP % "approve", id=pid))["approve"]
    assert own["errors"][0]["code"] == "PERMISSION_DENIED"
    approved = (await _call(app_client, reviewer, STEP % "approve", id=pid))["approve"]
    assert approved["draft"]["state"] == "APPROVED", approved

    published = (await _call(app_client, author, PUBLISH, id=pid))["publish"]
    assert published["errors"] == []
    assert published["publication"]["status"] == "PUBLISHED"
    assert published["publication"]["attributedTo"].startswith("Office ")

    # A reader of another office sees only redacted text, placeholders consistent.
    reader = await _member(THIRD, OfficeRole.VIEWER)
    seen = (await _call(app_client, reader, READ, id=pid))["node"]
    text = seen["latestRevision"]["body"]
    for secret in ("Whitaker", "03/14/1991", "BK-2024-019283", "555-201-3344", "Delgado"):
        assert secret not in text and secret not in seen["latestRevision"]["bodyHtml"]
    persons = re.findall(r"\[PERSON-\d+\]", text)
    assert persons[0] == persons[1] == "[PERSON-1]", text  # John Whitaker, Mr. Whitaker
    assert "[PERSON-2]" in text  # Ms. Delgado is someone else
    assert seen["draft"] is None

    # The unredacted text is gone; every step is in the audit log.
    row = await Publication.get(origin_id=pid_origin(pid))
    assert not await WorkingCopy.filter(publication_id=row.id).exists()
    assert not await Finding.filter(working_copy__publication_id=row.id).exists()
    actions = [e.action for e in await AuditEvent.filter(target_id=row.origin_id).order_by("id")]
    for step in ("create", "resolve_finding", "submit", "approve", "publish"):
        assert f"publication.{step}" in actions, actions
    assert await AuditEvent.filter(action__startswith="publication.").count() > events_before
    revision = await Revision.get(id=row.head_revision_id)
    assert "Whitaker" not in revision.body and "Whitaker" not in revision.title


def pid_origin(global_id: str) -> str:
    return from_base64(global_id)[1].split("@")[0]


async def test_revise_adds_a_revision_and_keeps_the_first(app_client: httpx.AsyncClient) -> None:
    pid = await _publish_new(app_client, title="Written plea offers in every felony case")
    author = await _member(HOME, OfficeRole.PUBLISHER)
    reviewer = await _member(HOME, OfficeRole.OFFICE_ADMIN)
    opened = (await _call(app_client, author, STEP % "revise", id=pid))["revise"]
    assert opened["draft"]["state"] == "EDITING", opened
    again = (await _call(app_client, author, STEP % "revise", id=pid))["revise"]
    assert again["errors"][0]["code"] == "CONFLICT"

    update = """
    mutation($input: UpdateDraftInput!) {
      updateDraft(input: $input) { draft { state body } errors { code field } }
    }"""
    new_body = "## Practice\n\nOffers are written and shared with the defense within ten days."
    data = await _call(app_client, author, update, input={"id": pid, "fields": {"body": new_body}})
    assert data["updateDraft"]["errors"] == []
    # A revision says what changed before review.
    refused = (await _call(app_client, author, STEP % "submitForReview", id=pid))["submitForReview"]
    assert refused["errors"][0]["field"] == "changeSummary"
    await _call(
        app_client,
        author,
        update,
        input={"id": pid, "fields": {"changeSummary": "Ten-day deadline."}},
    )
    for who, step in ((author, "submitForReview"), (reviewer, "approve")):
        assert (await _call(app_client, who, STEP % step, id=pid))[step]["errors"] == []
    published = (await _call(app_client, author, PUBLISH, id=pid))["publish"]
    assert published["publication"]["revisionCount"] == 2
    seen = (await _call(app_client, reviewer, READ, id=pid))["node"]
    assert [r["number"] for r in seen["revisions"]] == [1, 2]
    assert seen["latestRevision"]["changeSummary"] == "Ten-day deadline."
    assert "ten days" in seen["latestRevision"]["body"]


async def test_retraction_leaves_a_tombstone(app_client: httpx.AsyncClient) -> None:
    pid = await _publish_new(app_client, title="Electronic monitoring only on a finding")
    author = await _member(HOME, OfficeRole.PUBLISHER)
    retract = """
    mutation($id: ID!, $reason: String!) {
      retract(id: $id, reason: $reason) {
        publication { status retraction { reason } } errors { code field }
      }
    }"""
    blank = (await _call(app_client, author, retract, id=pid, reason="  "))["retract"]
    assert blank["errors"][0]["field"] == "reason"
    done = (await _call(app_client, author, retract, id=pid, reason="Superseded by statute."))[
        "retract"
    ]
    assert done["publication"]["status"] == "RETRACTED"

    reader = await _member(THIRD, OfficeRole.VIEWER)
    tombstone = (await _call(app_client, reader, READ, id=pid))["node"]
    assert tombstone["status"] == "RETRACTED"
    assert tombstone["retraction"]["reason"] == "Superseded by statute."
    assert tombstone["summary"] == "" and tombstone["latestRevision"] is None
    assert tombstone["revisions"] == []
    # Lists leave it out unless asked.
    listing = """
    query($f: PublicationFilterInput) { policies(first: 100, filter: $f) { edges { node { id } } } }
    """
    plain = await _call(app_client, reader, listing, f={"topics": ["cash-bail"]})
    asked = await _call(
        app_client, reader, listing, f={"topics": ["cash-bail"], "includeRetracted": True}
    )
    assert pid not in {e["node"]["id"] for e in plain["policies"]["edges"]}
    assert pid in {e["node"]["id"] for e in asked["policies"]["edges"]}
    # Its own office still reads the text; it cannot be revised.
    own = (await _call(app_client, author, READ, id=pid))["node"]
    assert own["latestRevision"] is not None
    revise = (await _call(app_client, author, STEP % "revise", id=pid))["revise"]
    assert revise["errors"][0]["code"] == "CONFLICT"


async def test_request_changes_returns_the_draft_with_a_note(
    app_client: httpx.AsyncClient,
) -> None:
    author = await _member(HOME, OfficeRole.PUBLISHER)
    reviewer = await _member(HOME, OfficeRole.OFFICE_ADMIN)
    payload = await _draft(app_client, author, title="Juvenile transfer review panel")
    pid = payload["publication"]["id"]
    await _resolve_all(app_client, author, payload["draft"]["findings"])
    await _call(app_client, author, STEP % "submitForReview", id=pid)
    ask = """
    mutation($id: ID!, $note: String!) {
      requestChanges(id: $id, note: $note) { draft { state reviewNote } errors { code } }
    }"""
    data = await _call(app_client, reviewer, ask, id=pid, note="Name the program, not the judge.")
    assert data["requestChanges"]["draft"] == {
        "state": "EDITING",
        "reviewNote": "Name the program, not the judge.",
    }
    early = (await _call(app_client, author, PUBLISH, id=pid))["publish"]
    assert early["errors"][0]["code"] == "CONFLICT"


async def test_decisions_survive_an_edit(app_client: httpx.AsyncClient) -> None:
    author = await _member(HOME, OfficeRole.PUBLISHER)
    payload = await _draft(app_client, author, title="Court reminder texts")
    pid = payload["publication"]["id"]
    await _resolve_all(app_client, author, payload["draft"]["findings"])
    update = """
    mutation($input: UpdateDraftInput!) {
      updateDraft(input: $input) { draft { blockingFindings findings { text decision } } errors { code } }
    }"""
    edited = "## Practice\n\nAs noted: " + MEMO
    data = await _call(app_client, author, update, input={"id": pid, "fields": {"body": edited}})
    draft = data["updateDraft"]["draft"]
    assert draft["blockingFindings"] == 0, draft
    assert all(f["decision"] != "OPEN" for f in draft["findings"] if "Whitaker" in f["text"])


async def test_self_approval_only_where_the_office_allows_it(
    app_client: httpx.AsyncClient,
) -> None:
    author = await _member(HOME, OfficeRole.PUBLISHER)
    office = await Office.get(slug=HOME)
    payload = await _draft(app_client, author, title="Restitution payment plans")
    pid = payload["publication"]["id"]
    await _resolve_all(app_client, author, payload["draft"]["findings"])
    await _call(app_client, author, STEP % "submitForReview", id=pid)
    office.allow_self_approval = True
    await office.save(update_fields=["allow_self_approval"])
    try:
        data = await _call(app_client, author, STEP % "approve", id=pid)
        assert data["approve"]["draft"]["state"] == "APPROVED", data
    finally:
        office.allow_self_approval = False
        await office.save(update_fields=["allow_self_approval"])


@pytest.mark.parametrize(
    ("who", "fields", "code", "field"),
    [
        ("viewer", {}, "PERMISSION_DENIED", None),
        ("client_read", {}, "PERMISSION_DENIED", None),
        ("publisher", {"body": "x" * 200_001}, "INVALID_INPUT", "body"),
        ("publisher", {"title": "  "}, "INVALID_INPUT", "title"),
        ("publisher", {"topics": []}, "INVALID_INPUT", "topics"),
        ("publisher", {"attribution": "GENERALIZED"}, "INVALID_INPUT", "attribution"),
        ("publisher", {"sections": {"problem": "p"}}, "INVALID_INPUT", "sections"),
        (
            "publisher",
            {"effectiveDate": "2025-01-01", "sunsetDate": "2024-01-01"},
            "INVALID_INPUT",
            "sunsetDate",
        ),
        (
            "publisher",
            {"sourceReference": "Memo on People v. John Whitaker, 2023-CF-004512"},
            "INVALID_INPUT",
            "sourceReference",
        ),
    ],
)
async def test_bad_drafts_are_refused_and_leave_nothing(
    app_client: httpx.AsyncClient, who: str, fields: dict, code: str, field: str | None
) -> None:
    if who == "client_read":
        home = await Office.get(slug=HOME)
        caller = Principal(
            kind=PrincipalKind.CLIENT, office_id=home.id, scopes=frozenset({"read"}), label="c"
        )
    else:
        caller = await _member(HOME, OfficeRole.VIEWER if who == "viewer" else OfficeRole.PUBLISHER)
    before = await Publication.all().count(), await WorkingCopy.all().count()
    data = await _call(
        app_client,
        caller,
        CREATE,
        input={"kind": "POLICY", "fields": _fields(**{"title": "Refused draft", **fields})},
    )
    error = data["createDraft"]["errors"][0]
    assert (error["code"], error["field"]) == (code, field), error
    assert data["createDraft"]["publication"] is None
    assert (await Publication.all().count(), await WorkingCopy.all().count()) == before


async def test_another_offices_draft_is_not_found(app_client: httpx.AsyncClient) -> None:
    author = await _member(HOME, OfficeRole.PUBLISHER)
    payload = await _draft(app_client, author, title="Open-file discovery")
    pid = payload["publication"]["id"]
    stranger = await _member(THIRD, OfficeRole.PUBLISHER)
    for step in ("submitForReview", "approve", "revise"):
        data = await _call(app_client, stranger, STEP % step, id=pid)
        assert data[step]["errors"][0]["code"] == "NOT_FOUND", data
    seen = (await _call(app_client, stranger, READ, id=pid))["node"]
    assert seen is None


async def test_markdown_is_rendered_safely(app_client: httpx.AsyncClient) -> None:
    body = (
        "## Steps\n\n<script>alert(1)</script>\n\n[click](javascript:alert(2))\n\n"
        '<img src="http://198.51.100.7/x.png" onerror="alert(3)">\n\n**Bold** step.'
    )
    pid = await _publish_new(app_client, title="Safe rendering", body=body)
    reader = await _member(THIRD, OfficeRole.VIEWER)
    html = (await _call(app_client, reader, READ, id=pid))["node"]["latestRevision"]["bodyHtml"]
    tags = _tags(html)
    assert {name for name, _ in tags} <= {"h3", "p", "a", "strong"}, tags
    for _, attributes in tags:
        assert not any(key.startswith("on") for key, _ in attributes)
        assert all(not (value or "").lower().startswith("javascript") for _, value in attributes)
    assert "<strong>Bold</strong>" in html


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every element and its attributes, as a browser would parse them."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collector().feed(html)
    return found


async def test_drafts_never_reach_search_and_names_never_reach_the_index(
    app_client: httpx.AsyncClient,
) -> None:
    search = """
    query($q: String!) { search(query: $q, first: 10) { totalCount edges { node { snippet } } } }
    """
    author = await _member(HOME, OfficeRole.PUBLISHER)
    reader = await _member(THIRD, OfficeRole.VIEWER)
    payload = await _draft(
        app_client, author, title="Quillfeather intake screening", body="## Practice\n\n" + MEMO
    )
    for who in (author, reader):
        found = await _call(app_client, who, search, q="Quillfeather")
        assert found["search"]["totalCount"] == 0, found
    pid = payload["publication"]["id"]
    reviewer = await _member(HOME, OfficeRole.OFFICE_ADMIN)
    await _resolve_all(app_client, author, payload["draft"]["findings"])
    for who, step in ((author, "submitForReview"), (reviewer, "approve")):
        await _call(app_client, who, STEP % step, id=pid)
    await _call(app_client, author, PUBLISH, id=pid)
    found = await _call(app_client, reader, search, q="Quillfeather")
    assert found["search"]["totalCount"] == 1
    assert (await _call(app_client, reader, search, q="Whitaker"))["search"]["totalCount"] == 0


async def test_an_offices_deny_list_is_always_flagged(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    admin = await _member(HOME, OfficeRole.OFFICE_ADMIN)
    author = await _member(HOME, OfficeRole.PUBLISHER)
    set_rules = """
    mutation($terms: [String!]) {
      setPublishingRules(input: {denyTerms: $terms}) {
        rules { denyTerms } errors { code field }
      }
    }"""
    read = "{ publishingRules { denyTerms } }"
    # Reads go through an app with the response cache on: a changed rule must show.
    cached = httpx.AsyncClient(
        transport=httpx.ASGITransport(
            app=create_app(replace(settings, response_cache_enabled=True))
        ),
        base_url="http://127.0.0.1",
    )
    before = await _call(cached, author, read)
    assert "Harbor House" not in before["publishingRules"]["denyTerms"]
    refused = await _call(app_client, author, set_rules, terms=["Harbor House"])
    assert refused["setPublishingRules"]["errors"][0]["code"] == "PERMISSION_DENIED"
    done = await _call(app_client, admin, set_rules, terms=["Harbor House", " harbor  house "])
    assert done["setPublishingRules"]["rules"]["denyTerms"] == ["Harbor House"]
    after = await _call(cached, author, read)
    await cached.aclose()
    assert after["publishingRules"]["denyTerms"] == ["Harbor House"]
    try:
        payload = await _draft(
            app_client,
            author,
            title="Shelter referrals",
            body="## Practice\n\nReferrals go to Harbor House within a day.",
        )
        found = [f for f in payload["draft"]["findings"] if f["text"] == "Harbor House"]
        assert found and found[0]["blocking"], payload["draft"]["findings"]
    finally:
        await _call(app_client, admin, set_rules, terms=[])


async def test_a_published_text_is_never_edited_in_place(app_client: httpx.AsyncClient) -> None:
    pid = await _publish_new(app_client, title="Second-look resentencing review")
    author = await _member(HOME, OfficeRole.PUBLISHER)
    update = """
    mutation($input: UpdateDraftInput!) {
      updateDraft(input: $input) { draft { state } errors { code field } }
    }"""
    data = await _call(app_client, author, update, input={"id": pid, "fields": {"body": "new"}})
    assert data["updateDraft"]["errors"][0]["code"] == "NOT_FOUND"
    row = await Publication.get(origin_id=pid_origin(pid))
    revision = await Revision.get(id=row.head_revision_id)
    assert revision.body != "new" and row.revision_count == 1
