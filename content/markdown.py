"""Editors' Markdown to safe HTML.

Rendered once, when a text is saved, and stored next to it. Whatever an editor
types or pastes (raw HTML from Word included) passes through the allow-list below;
templates only ever mark this output safe.
"""

import nh3
from markdown_it import MarkdownIt

# h1 is the page title and h2 the questions: an editor's own headings start at h3.
ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "em", "strong", "a", "h3", "h4", "h5", "h6"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_markdown = MarkdownIt("commonmark", {"html": False, "typographer": False})


def render_markdown(text):
    """Return sanitised HTML for ``text``; links get ``rel="noreferrer"``."""
    html = _markdown.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noreferrer",
        strip_comments=True,
    ).strip()


def markdown_tokens(text):
    """The tokens ``render_markdown`` renders ``text`` from (``links/finding.py`` reads
    the links readers get from them)."""
    return _markdown.parse(text or "")
