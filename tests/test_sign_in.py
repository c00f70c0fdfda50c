"""Browser sign-in through each office's own OpenID provider: two real, independent
providers (oidc-provider on node) for two offices, and a hostile one for the refusals
a well-behaved provider never provokes."""

import re
from dataclasses import replace
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest

from network.access.principal import SYSTEM
from network.app import create_app
from network.audit.models import AuditEvent
from network.auth import oidc
from network.auth import service as identity
from network.auth.models import WebSession
from network.offices.models import Member, Office, OfficeRole
from tests.oidc.harness import OidcProvider, complete_login_async
from tests.oidc.hostile import HostileProvider

BASE = "http://app.test"
VIEWER = "{ viewer { signedIn kind officeSlug officeRole csrfToken } }"
OFFICE_A, OFFICE_B = "harlow-county-da", "cascade-county-pao"
ACCOUNTS = {
    "ana@harlow.test": {"name": "Ana", "groups": ["pn-publishers"], "email_verified": True},
    "bob@cascade.test": {"name": "Bob", "groups": ["pn-admins", "staff"], "email_verified": True},
    "eve@elsewhere.test": {"name": "Eve", "groups": [], "email_verified": True},
    "dan@harlow.test": {"name": "Dan", "groups": [], "email_verified": True},
}


def _client(office: str) -> dict:
    return {
        "client_id": f"{office}-rp",
        "client_secret": f"{office}-secret",
        "redirect_uris": [f"{BASE}/auth/callback/{office}"],
    }


async def _connect(
    settings, office_slug: str, issuer: str, *, client: dict, domains=(), mapping=None
) -> None:
    office = await Office.get(slug=office_slug)
    await identity.configure_identity_provider(
        SYSTEM,
        settings,
        office.id,
        identity.IdentityProviderInput(
            issuer=issuer,
            client_id=client["client_id"],
            client_secret=client["client_secret"],
            allowed_email_domains=tuple(domains),
            role_mapping=mapping or {"pn-publishers": "PUBLISHER", "pn-admins": "OFFICE_ADMIN"},
        ),
    )


@pytest.fixture(scope="module")
async def providers(settings):
    async with (
        OidcProvider(clients=[_client(OFFICE_A)], accounts=ACCOUNTS) as op_a,
        OidcProvider(clients=[_client(OFFICE_B)], accounts=ACCOUNTS) as op_b,
    ):
        await _connect(
            settings, OFFICE_A, op_a.issuer, client=_client(OFFICE_A), domains=("harlow.test",)
        )
        await _connect(settings, OFFICE_B, op_b.issuer, client=_client(OFFICE_B))
        yield op_a, op_b


@pytest.fixture(scope="module")
def app(settings):
    return create_app(
        replace(settings, base_url=BASE, response_cache_enabled=False, sign_in_per_minute=10_000)
    )


def _browser(app, *providers) -> httpx.AsyncClient:
    mounts = {f"http://127.0.0.1:{p.port}": httpx.AsyncHTTPTransport() for p in providers}
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE, mounts=mounts, trust_env=False
    )


async def _sign_in(browser: httpx.AsyncClient, office: str, login: str) -> httpx.Response:
    start = await browser.get(f"/login?office={office}")
    assert start.status_code == 302, start.text
    callback = await complete_login_async(browser, start.headers["location"], login)
    return await browser.get(callback)


async def _viewer(browser: httpx.AsyncClient) -> dict:
    return (await browser.post("/graphql", json={"query": VIEWER})).json()["data"]["viewer"]


async def test_two_offices_sign_in_with_their_own_providers(app, providers) -> None:
    op_a, op_b = providers
    async with _browser(app, op_a, op_b) as browser:
        start = await browser.get(f"/login?office={OFFICE_A}")
        query = parse_qs(urlsplit(start.headers["location"]).query)
        assert start.headers["location"].startswith(op_a.issuer)
        assert query["code_challenge_method"] == ["S256"] and query["nonce"] and query["state"]
        callback = await complete_login_async(browser, start.headers["location"], "ana@harlow.test")
        done = await browser.get(callback)
        assert done.status_code == 303 and done.headers["location"] == "/"
        cookie = done.headers["set-cookie"]
        assert "pn_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
        assert "secure" not in cookie.lower()  # plain http: the flag would lose the cookie
        viewer = await _viewer(browser)
        assert viewer["signedIn"] and viewer["kind"] == "member"
        assert (viewer["officeSlug"], viewer["officeRole"]) == (OFFICE_A, "PUBLISHER") and viewer[
            "csrfToken"
        ]
    async with _browser(app, op_a, op_b) as browser:
        assert (await _sign_in(browser, OFFICE_B, "bob@cascade.test")).status_code == 303
        viewer = await _viewer(browser)
        assert (viewer["officeSlug"], viewer["officeRole"]) == (OFFICE_B, "OFFICE_ADMIN")
    ana = await Member.get(email="ana@harlow.test")
    assert ana.issuer == op_a.issuer and ana.subject == "ana@harlow.test"
    assert await AuditEvent.filter(
        action="sign_in", outcome="success", target_id=str(ana.id)
    ).exists()


async def test_logout_ends_the_session(app, providers) -> None:
    async with _browser(app, *providers) as browser:
        await _sign_in(browser, OFFICE_B, "bob@cascade.test")
        token = browser.cookies.get("pn_session")
        assert token and (await _viewer(browser))["signedIn"]
        sessions_before = await WebSession.all().count()
        # Signing out takes the session's CSRF token, as a header or a form field.
        assert (await browser.post("/logout")).status_code == 403
        assert await WebSession.all().count() == sessions_before
        csrf = (await _viewer(browser))["csrfToken"]
        response = await browser.post("/logout", data={"csrf_token": csrf})
        assert response.status_code == 303
        assert await WebSession.all().count() == sessions_before - 1
        browser.cookies.set("pn_session", token, domain="app.test")
        assert (await _viewer(browser))["signedIn"] is False


async def test_cookie_mutations_need_the_csrf_token(app, providers) -> None:
    mutation = (
        'mutation { createApiClient(input: {officeSlug: "' + OFFICE_B + '", '
        'name: "nightly export", scopes: ["read"]}) { clientSecret errors { code } } }'
    )
    async with _browser(app, *providers) as browser:
        await _sign_in(browser, OFFICE_B, "bob@cascade.test")
        refused = await browser.post("/graphql", json={"query": mutation})
        assert (
            refused.status_code == 403 and "X-CSRF-Token" in refused.json()["errors"][0]["message"]
        )
        csrf = (await _viewer(browser))["csrfToken"]
        wrong = await browser.post(
            "/graphql", json={"query": mutation}, headers={"x-csrf-token": csrf + "x"}
        )
        assert wrong.status_code == 403
        done = await browser.post(
            "/graphql", json={"query": mutation}, headers={"x-csrf-token": csrf}
        )
        payload = done.json()["data"]["createApiClient"]
        assert payload["errors"] == [] and len(payload["clientSecret"]) >= 40


async def test_tampered_state_is_refused_and_audited(app, providers) -> None:
    async with _browser(app, *providers) as browser:
        start = await browser.get(f"/login?office={OFFICE_A}")
        callback = await complete_login_async(browser, start.headers["location"], "ana@harlow.test")
        parts = urlsplit(callback)
        query = parse_qs(parts.query)
        query["state"] = [query["state"][0][:-2] + "xx"]
        tampered = urlunsplit(parts._replace(query=urlencode({k: v[0] for k, v in query.items()})))
        before = await AuditEvent.filter(action="sign_in", outcome="failure").count()
        response = await browser.get(tampered)
        assert response.status_code == 401 and "could not be verified" in response.text
        assert "Traceback" not in response.text
        assert await AuditEvent.filter(action="sign_in", outcome="failure").count() == before + 1


async def test_response_of_another_office_provider_is_refused(app, providers) -> None:
    async with _browser(app, *providers) as browser:
        start = await browser.get(f"/login?office={OFFICE_B}")
        callback = await complete_login_async(
            browser, start.headers["location"], "bob@cascade.test"
        )
        crossed = callback.replace(f"/auth/callback/{OFFICE_B}", f"/auth/callback/{OFFICE_A}")
        response = await browser.get(crossed)
        assert response.status_code == 401
        assert (await _viewer(browser))["signedIn"] is False


async def test_email_domain_outside_the_office_is_refused(app, providers) -> None:
    async with _browser(app, *providers) as browser:
        response = await _sign_in(browser, OFFICE_A, "eve@elsewhere.test")
        assert response.status_code == 403 and "harlow.test" in response.text
        assert not await Member.filter(email="eve@elsewhere.test").exists()
    event = await AuditEvent.filter(action="sign_in", outcome="failure").order_by("-id").first()
    assert event is not None and event.detail["reason"] == "email_domain"


async def test_disabled_member_is_refused(app, providers) -> None:
    async with _browser(app, *providers) as browser:
        assert (await _sign_in(browser, OFFICE_A, "dan@harlow.test")).status_code == 303
    dan = await Member.get(email="dan@harlow.test")
    assert dan.office_role == OfficeRole.VIEWER
    await identity.set_member_role(SYSTEM, dan.id, is_active=False)
    async with _browser(app, *providers) as browser:
        response = await _sign_in(browser, OFFICE_A, "dan@harlow.test")
        assert response.status_code == 403 and "disabled" in response.text


async def test_issuer_that_does_not_match_discovery_is_refused(app, providers, settings) -> None:
    op_a, _ = providers
    client = _client(OFFICE_A)
    await _connect(settings, "kettering-county-da", op_a.issuer + "/", client=client)
    async with _browser(app, *providers) as browser:
        response = await browser.get("/login?office=kettering-county-da")
        assert response.status_code == 502 and "different issuer" in response.text


async def test_provider_down_or_slow(app, providers, settings, monkeypatch) -> None:
    closed = HostileProvider("x").port  # a port nobody listens on
    await _connect(
        settings, "millbrook-county-prosecutor", f"http://127.0.0.1:{closed}", client=_client("m")
    )
    async with _browser(app, *providers) as browser:
        response = await browser.get("/login?office=millbrook-county-prosecutor")
        assert response.status_code == 502 and "did not answer" in response.text
    monkeypatch.setattr(oidc, "HTTP_TIMEOUT_SECONDS", 0.5)
    async with OidcProvider(
        clients=[_client("ashford-judicial-district")], accounts=ACCOUNTS, slow_ms=1500
    ) as slow:
        await _connect(
            settings,
            "ashford-judicial-district",
            slow.issuer,
            client=_client("ashford-judicial-district"),
        )
        async with _browser(app, slow) as browser:
            response = await browser.get("/login?office=ashford-judicial-district")
            assert response.status_code == 502 and "did not answer" in response.text


async def test_picker_and_email_routing(app, providers) -> None:
    async with _browser(app, *providers) as browser:
        picker = await browser.get("/login")
        assert picker.status_code == 200 and f"/login?office={OFFICE_A}" in picker.text
        assert "script" not in picker.text.lower()
        routed = await browser.get("/login?email=someone@harlow.test")
        assert routed.status_code == 302 and routed.headers["location"].startswith(
            providers[0].issuer
        )
        unknown = await browser.get("/login?email=someone@nowhere.test")
        assert unknown.status_code == 404


@pytest.mark.parametrize(
    "mode", ["wrong_nonce", "expired", "wrong_aud", "alg_none", "unknown_kid", "other_issuer"]
)
async def test_bad_id_tokens_are_refused(app, settings, mode) -> None:
    office = "north-fork-county-attorney"
    with HostileProvider(client_id=f"{office}-rp") as hostile:
        await _connect(
            settings,
            office,
            hostile.issuer,
            client={**_client(office), "client_id": f"{office}-rp"},
        )
        hostile.mode = mode
        hostile.subject = f"hostile-{mode}"
        office_row = await Office.get(slug=office)
        failures = AuditEvent.filter(action="sign_in", outcome="failure", office_id=office_row.id)
        before = await failures.count()
        async with _browser(app, hostile) as browser:
            start = await browser.get(f"/login?office={office}")
            assert start.status_code == 302, start.text
            callback = (await browser.get(start.headers["location"])).headers["location"]
            response = await browser.get(callback)
            assert response.status_code == 401, (mode, response.text)
            assert re.search(r"refused|could not be verified", response.text)
        assert not await Member.filter(subject=f"hostile-{mode}").exists()
        assert await failures.count() == before + 1
        if mode == "unknown_kid":
            assert hostile.jwks_hits == 2  # one refetch on an unknown kid, then refusal
        hostile.mode = "ok"
        hostile.subject = "hostile-ok"
        async with _browser(app, hostile) as browser:
            start = await browser.get(f"/login?office={office}")
            callback = (await browser.get(start.headers["location"])).headers["location"]
            assert (await browser.get(callback)).status_code == 303


async def test_sign_in_rate_limit(settings) -> None:
    fresh = create_app(replace(settings, base_url=BASE, sign_in_per_minute=5))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=fresh), base_url=BASE
    ) as browser:
        statuses = [(await browser.get("/login")).status_code for _ in range(8)]
        limited = await browser.get("/login")
    assert statuses[:5] == [200] * 5 and statuses[5:] == [429] * 3
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert "Too many sign-in attempts" in limited.text


async def test_discovery_metadata_is_refreshed(app, settings, monkeypatch) -> None:
    office = "three-rivers-county-prosecutor"
    with HostileProvider(client_id=f"{office}-rp") as hostile:
        await _connect(
            settings,
            office,
            hostile.issuer,
            client={**_client(office), "client_id": f"{office}-rp"},
        )
        async with _browser(app, hostile) as browser:
            await browser.get(f"/login?office={office}")
            await browser.get(f"/login?office={office}")
            assert hostile.discovery_hits == 1  # cached between sign-ins
            monkeypatch.setattr(oidc, "METADATA_SECONDS", -1.0)
            await browser.get(f"/login?office={office}")
            assert hostile.discovery_hits == 2  # stale metadata is fetched again


async def test_session_cookie_is_secure_behind_tls(settings) -> None:
    office = "salt-flats-county-attorney"
    https_base = "https://app.test"
    secure_app = create_app(replace(settings, base_url=https_base, response_cache_enabled=False))
    with HostileProvider(client_id=f"{office}-rp") as hostile:
        client = {"client_id": f"{office}-rp", "client_secret": "s", "redirect_uris": []}
        await _connect(settings, office, hostile.issuer, client=client)
        mounts = {hostile.issuer: httpx.AsyncHTTPTransport()}
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=secure_app),
            base_url=https_base,
            mounts=mounts,
            trust_env=False,
        ) as browser:
            start = await browser.get(f"/login?office={office}")
            assert "secure" in start.headers["set-cookie"].lower()  # the sign-in state cookie
            callback = (await browser.get(start.headers["location"])).headers["location"]
            assert callback.startswith(f"{https_base}/auth/callback/{office}")
            done = await browser.get(callback)
            assert done.status_code == 303
            assert (
                "pn_session=" in done.headers["set-cookie"]
                and "Secure" in done.headers["set-cookie"]
            )


async def test_disabling_a_member_ends_their_open_sessions(app, providers) -> None:
    async with _browser(app, *providers) as browser:
        assert (await _sign_in(browser, OFFICE_B, "carol@cascade.test")).status_code == 303
        assert (await _viewer(browser))["signedIn"]
        carol = await Member.get(email="carol@cascade.test")
        await identity.set_member_role(SYSTEM, carol.id, is_active=False)
        assert (await _viewer(browser))["signedIn"] is False
