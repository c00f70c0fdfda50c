"""Markdown to HTML that is safe to put in a page, and loads nothing from anywhere.

Bodies are Markdown written by offices or extracted from their files, and are shown to
readers of other offices: they are untrusted. Two layers, so a bug in one is not enough:

1. markdown-it-py, CommonMark with tables and strikethrough, raw HTML off (`<script>`
   stays text). Links are links only to http, https and mailto addresses; any other
   destination (`javascript:`, `data:`, relative) leaves the Markdown as literal text.
   Images are replaced by their alt text: an `<img>` would make the reader's browser
   fetch from another host, which a closed network must never do. Headings move down
   one level, since the page's title is the only `h1`. Link reference definitions are
   off, and `[PERSON-1]`-style placeholders left by redaction are always literal text,
   never the label of a link.
2. nh3 (ammonia) against an explicit allow-list of tags and attributes, no relative
   URLs, and rel="noopener noreferrer nofollow" on every link.
"""

import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_TAGS = {
    *("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "code", "pre"),
    *("blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "del"),
}
_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_ALIGN = {"align": {"left", "center", "right"}}
_SCHEMES = ("http://", "https://", "mailto:")
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9_]*-\d+\]")
_ALIGNMENT = re.compile(r"text-align:(left|center|right)")

_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    tag_attribute_values={"th": _ALIGN, "td": _ALIGN},
    url_schemes={"http", "https", "mailto"},
    url_relative="deny",
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


def _placeholder(state: StateInline, silent: bool) -> bool:
    """`[PERSON-1]` is text: matched before the link rule can take it for a label."""
    found = _PLACEHOLDER.match(state.src, state.pos, state.posMax)
    if not found:
        return False
    if not silent:
        token = state.push("text", "", 0)
        token.content = found.group()
    state.pos = found.end()
    return True


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.disable("reference")
    md.inline.ruler.before("link", "placeholder", _placeholder)
    md.validateLink = lambda url: url.lower().startswith(_SCHEMES)  # type: ignore[method-assign]
    return md


_MARKDOWN = _markdown()


def markdown_to_html(text: str) -> str:
    """Sanitized HTML for a Markdown text (empty for a blank text)."""
    if not text.strip():
        return ""
    env: dict[str, object] = {}
    tokens = _MARKDOWN.parse(text, env)
    for token in tokens:
        _adjust(token)
        if token.children:
            token.children = [_inline(child) for child in token.children]
    html = _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, env)
    return _CLEANER.clean(html)


def _adjust(token: Token) -> None:
    if token.type in ("heading_open", "heading_close"):
        token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"
    elif token.type in ("th_open", "td_open"):
        # markdown-it aligns cells with a style attribute; styles are not allowed.
        style = token.attrs.pop("style", None)
        found = _ALIGNMENT.fullmatch(str(style)) if style else None
        if found:
            token.attrs["align"] = found.group(1)


def _inline(token: Token) -> Token:
    if token.type == "image":
        alt = Token("text", "", 0)
        alt.content = _text_of(token.children or [])
        return alt
    if token.type in ("s_open", "s_close"):
        token.tag = "del"
    return token


def _text_of(tokens: list[Token]) -> str:
    """An image's alt text without its markup, as CommonMark renders `alt`."""
    parts = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(_text_of(token.children or []))
    return "".join(parts)
