"""The sign-in flow's own minimal pages (office picker, sign-in errors, sign-out).
Self-contained: no scripts, no fonts, nothing loaded from elsewhere. They live with
sign-in, not in `network.web` (the top layer, which nothing may import), until the
web interface renders them from templates."""

from html import escape

from starlette.responses import HTMLResponse

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
