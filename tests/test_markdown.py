from html.parser import HTMLParser

import pytest

from content.markdown import ALLOWED_TAGS, render_markdown


def elements(html):
    """Every (tag, attributes) a browser would build from ``html``."""
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collector().feed(html)
    return found


def test_markdown_becomes_paragraphs_lists_emphasis_and_links():
    html = render_markdown(
        "Je hebt *recht* op **zorg**.\n\n- één\n- twee\n\n[CAK](https://www.hetcak.nl/)"
    )
    assert "<em>recht</em>" in html
    assert "<strong>zorg</strong>" in html
    assert "<ul>\n<li>één</li>" in html
    assert '<a href="https://www.hetcak.nl/" rel="noreferrer">CAK</a>' in html


def test_phone_and_email_links_are_kept():
    html = render_markdown("[Bel](tel:+31201234567) of [mail](mailto:info@example.org)")
    assert 'href="tel:+31201234567"' in html
    assert 'href="mailto:info@example.org"' in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="https://example.org" onclick="alert(1)">x</a>',
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        '<iframe src="https://evil.example"></iframe>',
        '<p style="background:url(javascript:alert(1))">x</p>',
    ],
)
def test_editor_input_cannot_inject_script(hostile):
    for tag, attributes in elements(render_markdown(hostile)):
        assert tag in ALLOWED_TAGS
        assert not any(name.startswith("on") or name == "style" for name in attributes)
        assert not attributes.get("href", "").lower().startswith(("javascript:", "data:"))


def test_raw_html_is_shown_as_text_not_markup():
    assert render_markdown("<b onclick=x>hi</b>") == "<p>&lt;b onclick=x&gt;hi&lt;/b&gt;</p>"


def test_editors_headings_start_below_the_questions():
    html = render_markdown("### Voorwaarden\n\nTekst")
    assert "<h3>Voorwaarden</h3>" in html
    assert "<h1>" not in render_markdown("# Titel")
    assert "<h2>" not in render_markdown("## Vraag")
