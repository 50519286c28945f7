"""What a phone, a keyboard, large text, Arabic and a printer do to the pages."""

import re

import pytest

from guide.languages import CODES
from tests.pages import page_types

NARROWEST = {"width": 320, "height": 640}

FOCUS_VISIBLE = """el => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const drawn = style.boxShadow !== 'none' || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2);
    return drawn && box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight;
}"""


def focused(page):
    return page.evaluate_handle("document.activeElement")


def test_tab_reaches_the_skip_link_then_the_language_switcher(page, site):
    page.goto(site + "/en/topics/health-care/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate(FOCUS_VISIBLE, focused(page))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    assert (
        page.evaluate("document.activeElement.closest('details').className") == "language-switcher"
    )


def test_the_skip_link_moves_to_the_main_content(page, site):
    page.goto(site + "/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_every_tab_stop_shows_where_the_focus_is(page, site):
    page.goto(site + "/en/")
    seen = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        element = focused(page)
        label = page.evaluate("el => el.outerHTML.slice(0, 80)", element)
        if label in seen or page.evaluate("el => el === document.body", element):
            break
        seen.add(label)
        assert page.evaluate(FOCUS_VISIBLE, element), label
    assert len(seen) > 12, sorted(seen)


def test_enter_on_a_topic_link_opens_the_topic(page, site):
    page.goto(site + "/en/")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.topic-list') !== null"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/topics/health-care/")
    assert page.locator("h1").inner_text() == "Health care"


def test_the_language_switcher_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(site + "/en/topics/housing/")
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="Português").click()
    page.wait_for_url("**/pt/topics/housing/")
    assert page.evaluate("document.documentElement.lang") == "pt"
    context.close()


@pytest.mark.parametrize("language", CODES)
def test_no_page_scrolls_sideways_at_320_pixels(page, site, language):
    page.set_viewport_size(NARROWEST)
    for path in page_types(language):
        page.goto(site + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROWEST["width"], path


# WCAG 1.4.12's text spacing, added through the CSSOM (the page's CSP allows no <style>).
TEXT_SPACING = """() => {
    const sheet = document.styleSheets[0];
    sheet.insertRule('* { line-height: 1.5 !important; letter-spacing: 0.12em !important;'
        + ' word-spacing: 0.16em !important; }', sheet.cssRules.length);
    sheet.insertRule('p { margin-block-end: 2em !important; }', sheet.cssRules.length);
}"""


@pytest.mark.parametrize("path", ["/ar/topics/health-care/", "/tl/organisations/", "/fr/"])
def test_wider_text_spacing_and_200_percent_zoom_lose_nothing(page, site, path):
    # 200% zoom of a 1280 px window lays the page out 640 px wide.
    page.set_viewport_size({"width": 640, "height": 400})
    page.goto(site + path)
    page.evaluate(TEXT_SPACING)
    assert page.evaluate("document.documentElement.scrollWidth") <= 640
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('main *')].filter(el =>
            getComputedStyle(el).overflow === 'hidden' && el.scrollWidth > el.clientWidth + 1
            && !el.classList.contains('visually-hidden')).length"""
    )
    assert clipped == 0


def test_an_arabic_topic_reads_from_right_to_left(page, site):
    page.goto(site + "/ar/topics/health-care/")
    paragraph = page.locator(".question .prose p").first
    assert paragraph.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # The first letter of the paragraph sits at its right-hand edge.
    first_letter_right, block_right = paragraph.evaluate(
        """el => {
            const range = document.createRange();
            range.setStart(el.firstChild, 0);
            range.setEnd(el.firstChild, 1);
            return [range.getBoundingClientRect().right, el.getBoundingClientRect().right];
        }"""
    )
    assert abs(block_right - first_letter_right) < 4


def test_the_forward_arrow_points_left_in_arabic(page, site):
    page.goto(site + "/ar/")
    transform = page.locator(".icon-forward").first.evaluate("el => getComputedStyle(el).transform")
    assert transform.startswith("matrix(-1")
    page.goto(site + "/en/")
    assert (
        page.locator(".icon-forward").first.evaluate("el => getComputedStyle(el).transform")
        == "none"
    )


def test_a_printed_topic_is_a_handout(page, site):
    page.goto(site + "/pt/topics/health-care/")
    page.emulate_media(media="print")
    assert page.locator(".site-header").evaluate("el => getComputedStyle(el).display") == "none"
    assert page.locator(".site-footer").evaluate("el => getComputedStyle(el).display") == "none"
    handout = page.locator(".handout-link")
    assert handout.evaluate("el => getComputedStyle(el).display") != "none"
    assert handout.locator("svg").count() == 1
    assert "/pt/topics/health-care/" in handout.inner_text()
    link = page.locator(".prose a[href^='http']").first
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert link.get_attribute("href") in after


@pytest.mark.parametrize("language", CODES)
def test_the_longest_topic_prints_on_two_pages_at_most(page, site, language):
    page.goto(site + f"/{language}/topics/health-care/")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2


@pytest.mark.parametrize("language", ["ar", "nl", "tl"])
def test_shown_beside_dutch_a_topic_prints_within_two_pages_per_question(page, site, language):
    page.goto(site + f"/{language}/topics/health-care/show/")
    questions = page.locator(".show-question").count()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2 * questions


def test_shown_beside_dutch_the_two_languages_stand_side_by_side_on_a_wide_screen(page, site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site + "/ar/topics/health-care/show/")
    arabic, dutch = page.locator("#costs .show-text").all()
    assert arabic.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert dutch.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert arabic.bounding_box()["y"] == dutch.bounding_box()["y"]  # beside, not below


def test_reduced_motion_is_respected(page, site):
    page.emulate_media(reduced_motion="reduce")
    page.goto(site + "/en/")
    assert page.evaluate("getComputedStyle(document.body).scrollBehavior") == "auto"
