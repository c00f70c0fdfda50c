"""Markdown renders to HTML that runs nothing, loads nothing and keeps redaction
placeholders as text.

Outputs are checked as a browser would parse them (html.parser), not by searching
strings, so an attribute cannot hide behind different quoting or case."""

from html.parser import HTMLParser

import pytest

from network.documents.render import markdown_to_html

ALLOWED_TAGS = {
    *("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "code", "pre"),
    *("blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "del"),
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
REL = "noopener noreferrer nofollow"


class Page(HTMLParser):
    """Every element with its attributes, and the text a reader sees."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text_parts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)

    @property
    def tags(self) -> set[str]:
        return {tag for tag, _ in self.elements}

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def links(self) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == "a"]


def _assert_safe(html: str) -> Page:
    page = Page(html)
    assert page.tags <= ALLOWED_TAGS, html
    for tag, attrs in page.elements:
        assert set(attrs) <= ALLOWED_ATTRIBUTES.get(tag, set()), (tag, attrs)
    for link in page.links():
        href = link.get("href") or ""
        assert href.startswith(("http://", "https://", "mailto:")), link
        assert link.get("rel") == REL, link
    return page


HOSTILE = [
    pytest.param("<script>alert(1)</script>", "<script>alert(1)</script>", id="script"),
    pytest.param("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>", id="img-onerror"),
    pytest.param("[x](javascript:alert(1))", "[x](javascript:alert(1))", id="js-link"),
    pytest.param("[x](JaVaScRiPt:alert(1))", "[x](JaVaScRiPt:alert(1))", id="js-link-case"),
    pytest.param("[x](&#106;avascript:alert(1))", "[x](javascript:alert(1))", id="js-entity"),
    pytest.param("[x](<javascript:alert(1)>)", "[x](<javascript:alert(1)>)", id="js-bracketed"),
    pytest.param("<javascript:alert(1)>", "<javascript:alert(1)>", id="js-autolink"),
    pytest.param("[x](vbscript:msgbox(1))", "[x](vbscript:msgbox(1))", id="vbscript"),
    pytest.param("[x](file:///etc/passwd)", "[x](file:///etc/passwd)", id="file-link"),
    pytest.param(
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        id="data",
    ),
    pytest.param('<iframe src="http://198.51.100.7/"></iframe>', "<iframe", id="iframe"),
    pytest.param('<div style="background:url(http://x)">x</div>', "<div style=", id="style"),
    pytest.param('<a href="http://x" onclick="alert(1)">x</a>', "onclick", id="raw-anchor"),
    pytest.param("<svg onload=alert(1)>", "<svg onload=alert(1)>", id="svg"),
    pytest.param("<style>p{color:red}</style>", "<style>", id="style-tag"),
    pytest.param("<!-- hidden -->visible", "<!-- hidden -->", id="comment"),
    pytest.param("<div>\n\n*hi*\n\n</div>", "<div>", id="html-block"),
    pytest.param('[x](http://a.example "t" onmouseover=alert(1))', "onmouseover", id="title-attr"),
    pytest.param("```html\n<script>alert(1)</script>\n```", "<script>", id="fenced-code"),
    pytest.param("`<b onmouseover=alert(1)>`", "<b onmouseover", id="code-span"),
    pytest.param('<http://a.example/"onmouseover="alert(1)>', "a.example", id="autolink-quote"),
]


@pytest.mark.parametrize(("markdown", "shown"), HOSTILE)
def test_hostile_markdown_renders_as_inert_text(markdown: str, shown: str) -> None:
    page = _assert_safe(markdown_to_html(markdown))
    assert shown in page.text
    assert not any(attr.startswith("on") for _, attrs in page.elements for attr in attrs)


def test_links_are_kept_for_web_and_mail_addresses_only() -> None:
    markdown = (
        '[a](http://a.example) [b](https://b.example/x?y=1 "B") <https://c.example> '
        "<office@d.example> [e](mailto:e@e.example) [rel](/admin) [proto](//f.example) "
        "[frag](#top)"
    )
    page = _assert_safe(markdown_to_html(markdown))
    assert [link["href"] for link in page.links()] == [
        "http://a.example",
        "https://b.example/x?y=1",
        "https://c.example",
        "mailto:office@d.example",
        "mailto:e@e.example",
    ]
    assert "[rel](/admin) [proto](//f.example) [frag](#top)" in page.text


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("![Organisation chart](http://198.51.100.7/chart.png)", "Organisation chart"),
        ("![chart *v2*](https://198.51.100.7/c.png 'title')", "chart v2"),
        ("[![logo](http://198.51.100.7/l.png)](https://a.example)", "logo"),
    ],
)
def test_images_are_dropped_for_their_alt_text(markdown: str, shown: str) -> None:
    html = markdown_to_html(markdown)
    page = _assert_safe(html)
    assert page.text.strip() == shown
    assert "198.51.100.7" not in html and "src" not in html


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Witness [PERSON-1] saw [PERSON-2].", "<p>Witness [PERSON-1] saw [PERSON-2].</p>"),
        ("[PERSON-1](victim) was heard.", "<p>[PERSON-1](victim) was heard.</p>"),
        ("[PERSON-1](http://a.example)", "<p>[PERSON-1](http://a.example)</p>"),
        ("[PERSON-1][CASE_NUMBER-2]", "<p>[PERSON-1][CASE_NUMBER-2]</p>"),
        (
            "[PERSON-1]: No.\n\nAsked, [PERSON-1] said no.",
            "<p>[PERSON-1]: No.</p>\n<p>Asked, [PERSON-1] said no.</p>",
        ),
        (
            "[PERSON-1]: https://a.example\n\nAsked, [PERSON-1] said no.",
            "<p>[PERSON-1]: https://a.example</p>\n<p>Asked, [PERSON-1] said no.</p>",
        ),
        (
            "**[PERSON-1]** and `[PERSON-1]`",
            "<p><strong>[PERSON-1]</strong> and <code>[PERSON-1]</code></p>",
        ),
        ("| who |\n| --- |\n| [PERSON-1] |", "<td>[PERSON-1]</td>"),
    ],
)
def test_redaction_placeholders_stay_literal_text(markdown: str, expected: str) -> None:
    html = markdown_to_html(markdown)
    assert expected in html
    assert "<a" not in html


def test_headings_move_down_one_level_so_a_body_has_no_h1() -> None:
    html = markdown_to_html("# One\n\n## Two\n\n##### Five\n\n###### Six\n\nSetext\n======")
    assert [tag for tag, _ in Page(html).elements] == ["h2", "h3", "h6", "h6", "h2"]


def test_tables_keep_their_alignment_without_styles() -> None:
    html = markdown_to_html("| Charge | Cases |\n|:--|--:|\n| Theft | 12 |")
    assert html == (
        '<table>\n<thead>\n<tr>\n<th align="left">Charge</th>\n<th align="right">Cases</th>\n'
        '</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">Theft</td>\n'
        '<td align="right">12</td>\n</tr>\n</tbody>\n</table>\n'
    )


def test_a_policy_renders_as_expected() -> None:
    markdown = (
        "# Diversion\n\nEligible cases are **screened** before *charging*; ~~old rule~~.\n\n"
        "- Screen\n- Refer\n\n3. Offer\n4. Accept\n\n> Quoted guidance\n\n---\n\n"
        "Line one\\\nline two\n\n    indented code"
    )
    assert markdown_to_html(markdown) == (
        "<h2>Diversion</h2>\n"
        "<p>Eligible cases are <strong>screened</strong> before <em>charging</em>; "
        "<del>old rule</del>.</p>\n"
        "<ul>\n<li>Screen</li>\n<li>Refer</li>\n</ul>\n"
        '<ol start="3">\n<li>Offer</li>\n<li>Accept</li>\n</ol>\n'
        "<blockquote>\n<p>Quoted guidance</p>\n</blockquote>\n<hr>\n"
        "<p>Line one<br>\nline two</p>\n"
        "<pre><code>indented code\n</code></pre>\n"
    )


@pytest.mark.parametrize("markdown", ["", "  \n\n\t"])
def test_a_blank_text_renders_as_nothing(markdown: str) -> None:
    assert markdown_to_html(markdown) == ""


def test_nul_and_odd_characters_do_not_break_rendering() -> None:
    html = markdown_to_html("Before\x00after \u202e reversed \ufeff")
    assert "\x00" not in html and "Before" in html
    _assert_safe(html)
