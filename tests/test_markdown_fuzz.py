"""Property-based: whatever an editor types, the rendered HTML carries no active content."""

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content.markdown import ALLOWED_TAGS, ALLOWED_URL_SCHEMES, render_markdown
from tests.test_markdown import elements

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js>",
    "</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<iframe src=//evil>",
    "<object data=x>",
    "<embed src=x>",
    "<style>*{}</style>",
    '<a href="javascript:alert(1)">',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">',
    "<a href=x onclick=alert(1)>",
    '<p style="x:y">',
    "<marquee>",
    "<blink>",
    "<form action=//evil>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mi xlink:href=javascript:x>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&lt;script&gt;",
    "&#106;avascript:",
    "&#x6A;avascript:",
    "java\tscript:",
    "java\nscript:",
    "JaVaScRiPt:",
    " javascript:",
    "vbscript:",
    "data:",
    "file:///etc/passwd",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](data:text/html,<script>)",
    "[x]( javascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "![img](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[ok](https://example.org)",
    "[ok](mailto:a@example.org)",
    "[ok](tel:+31200000000)",
    "# Title",
    "## Question",
    "### Sub",
    "- item",
    "1. item",
    "*em*",
    "**strong**",
    "`code`",
    "```\ncode\n```",
    "> quote",
    "\n\n",
    " ",
    "\u202e",
    "\x00",
    '"',
    "'",
    "<",
    ">",
    "&",
    "=",
    "(",
    ")",
    "[",
    "]",
]

markdown_inputs = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)), max_size=25
).map("".join)


def href_scheme(href):
    """The scheme a browser would see, after undoing entities and dropping whitespace."""
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(href)).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else None


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_inputs)
def test_no_hostile_markup_survives_rendering(text):
    rendered = render_markdown(text)
    for tag, attributes in elements(rendered):
        assert tag in ALLOWED_TAGS, rendered
        for name, value in attributes.items():
            assert not name.startswith("on"), rendered
            assert name != "style", rendered
            if name == "href":
                scheme = href_scheme(value or "")
                assert scheme is None or scheme in ALLOWED_URL_SCHEMES, rendered
    assert "<script" not in rendered.lower()
