"""The sign-in flow's own minimal pages (office picker, sign-in errors, sign-out).
Self-contained: no scripts, no fonts, nothing loaded from elsewhere. They live with
sign-in, not in `network.web` (the top layer, which nothing may import), until the
web interface renders them from templates."""

from html import escape

from starlette.responses import HTMLResponse

from network.access.principal import Principal

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;"
    "color:#1b1b1b}a{color:#0b4f8a}li{margin:.4rem 0}.note{color:#555}"
)


def page(title: str, body_html: str, status: int = 200) -> HTMLResponse:
    html = (
        "<!doctype html><html lang=en><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width,initial-scale=1'>"
        f"<title>{escape(title)} · Practice Network</title><style>{_STYLE}</style>"
        f"<h1>{escape(title)}</h1>{body_html}</html>"
    )
    return HTMLResponse(
        html,
        status_code=status,
        headers={
            "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
            "x-frame-options": "DENY",
            "cache-control": "no-store",
        },
    )


def office_picker(offices: list[tuple[str, str]]) -> HTMLResponse:
    if not offices:
        return page(
            "Sign in",
            "<p>No office has connected its identity provider yet. An office admin or "
            "network admin connects one first.</p>",
        )
    items = "".join(
        f"<li><a href='/login?office={escape(slug, quote=True)}'>{escape(name)}</a></li>"
        for slug, name in offices
    )
    return page(
        "Sign in",
        "<p>Choose your office. You will sign in with your office's own account.</p>"
        f"<ul>{items}</ul>",
    )


def sign_in_error(message: str, status: int, *, retry: bool = True) -> HTMLResponse:
    again = "<p><a href='/login'>Start signing in again</a></p>" if retry else ""
    return page("Sign-in did not complete", f"<p>{escape(message)}</p>{again}", status)


def welcome() -> HTMLResponse:
    """`/` for someone not signed in (until the web interface has its home page)."""
    return page(
        "Practice Network",
        "<p>Prosecutor offices share anonymized policies, practice briefs and comparable "
        "metrics here.</p><p><a href='/login'>Sign in with your office's account</a></p>"
        "<p class=note>Programs use the GraphQL API at <code>/graphql</code> (see the "
        "README for examples and API clients).</p>",
    )


def signed_in(
    *,
    name: str,
    office: str,
    role: str,
    network_roles: list[str],
    abilities: list[str],
    csrf_token: str,
) -> HTMLResponse:
    """`/` for a signed-in member: who they are, what they may do, and how to leave."""
    roles = ", ".join([role, *network_roles])
    can = "".join(f"<li>{escape(item)}</li>" for item in abilities)
    return page(
        "Signed in",
        f"<p>You are signed in as <strong>{escape(name)}</strong> of "
        f"<strong>{escape(office)}</strong> ({escape(roles)}).</p>"
        f"<p>You can:</p><ul>{can}</ul>"
        "<p class=note>The pages for reading and publishing are on their way; until then "
        "the GraphQL API at <code>/graphql</code> answers for you with this session "
        "(mutations need the <code>X-CSRF-Token</code> header from "
        "<code>viewer { csrfToken }</code>).</p>"
        "<form method=post action='/logout'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf_token, quote=True)}'>"
        "<button type=submit>Sign out</button></form>",
    )


def abilities(principal: Principal) -> list[str]:
    """What a member may do, in words, read off the same predicates the services use."""
    items = ["read what the network shares, and your office's own publications"]
    if principal.can_edit_drafts:
        items.append("draft, revise, publish and retract your office's publications")
    if principal.is_admin_of(principal.office_id):
        items.append(
            "connect your office's identity provider, set members' roles, manage API "
            "clients and read your office's audit log"
        )
    if principal.is_convener:
        items.append("compare metrics across offices")
    if principal.is_network_admin:
        items.append("administer the network: every office's settings and the audit log")
    return items
