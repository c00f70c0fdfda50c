"""The audit log through GraphQL: filters, office scoping, paging, no secrets."""

import httpx

from network.access.principal import SYSTEM, member_principal
from network.app import OPERATIONS_DIR
from network.audit import service as audit
from network.offices.models import Member, Office, OfficeRole
from tests.conftest import as_principal, gql

AUDIT = (OPERATIONS_DIR / "AuditEvents.graphql").read_text()


async def _admin(slug: str, **flags: bool):
    office = await Office.get(slug=slug)
    member = await Member.filter(office_id=office.id, office_role=OfficeRole.OFFICE_ADMIN).first()
    assert member is not None
    return office, member_principal(
        office_id=office.id, member_id=member.id, role=OfficeRole.OFFICE_ADMIN, **flags
    )


async def test_office_admins_read_their_office_only(app_client: httpx.AsyncClient) -> None:
    home, admin = await _admin("bayou-parish-da")
    other = await Office.get(slug="piedmont-circuit-da")
    await audit.record(SYSTEM, "test.home_event", office_id=home.id, target_type="x", target_id="1")
    await audit.record(
        SYSTEM, "test.other_event", office_id=other.id, target_type="x", target_id="2"
    )
    async with as_principal(app_client, admin) as client:
        body = await gql(
            client,
            AUDIT,
            {"first": 100, "filter": {"actions": ["test.home_event", "test.other_event"]}},
        )
        actions = {e["node"]["action"] for e in body["data"]["auditEvents"]["edges"]}
        assert actions == {"test.home_event"}
        denied = await gql(client, AUDIT, {"filter": {"officeSlug": "piedmont-circuit-da"}})
        assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_network_admins_filter_and_page(app_client: httpx.AsyncClient) -> None:
    _, admin = await _admin("gulf-coast-state-attorney", is_network_admin=True)
    for n in range(5):
        await audit.record(
            SYSTEM,
            "test.paged",
            target_type="x",
            target_id=str(n),
            outcome="failure" if n % 2 else "success",
        )
    async with as_principal(app_client, admin) as client:
        first = (await gql(client, AUDIT, {"first": 3, "filter": {"actions": ["test.paged"]}}))[
            "data"
        ]["auditEvents"]
        second = (
            await gql(
                client,
                AUDIT,
                {
                    "first": 3,
                    "after": first["pageInfo"]["endCursor"],
                    "filter": {"actions": ["test.paged"]},
                },
            )
        )["data"]["auditEvents"]
        ids = [e["node"]["targetId"] for e in first["edges"] + second["edges"]]
        assert ids == ["4", "3", "2", "1", "0"] and not second["pageInfo"]["hasNextPage"]
        assert first["totalCount"] == 5
        failures = (
            await gql(client, AUDIT, {"filter": {"actions": ["test.paged"], "outcome": "failure"}})
        )["data"]["auditEvents"]
        assert {e["node"]["targetId"] for e in failures["edges"]} == {"1", "3"}
        assert failures["totalCount"] == 2


async def test_viewers_cannot_read_the_audit_log(app_client: httpx.AsyncClient) -> None:
    office = await Office.get(slug="bayou-parish-da")
    viewer = member_principal(office_id=office.id, member_id=None, role=OfficeRole.VIEWER)  # type: ignore[arg-type]
    async with as_principal(app_client, viewer) as client:
        body = await gql(client, AUDIT, {})
    assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
