"""axe-core in a real Chromium: every kind of page, every language, phone and desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from guide.languages import CODES
from tests.browser.conftest import DESKTOP, PHONE
from tests.pages import page_types

AXE = Axe()


def assert_no_violations(page, url):
    page.goto(url)
    results = AXE.run(page)
    assert results.violations_count == 0, f"{url}\n{results.generate_report()}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", CODES)
def test_every_kind_of_page_passes_axe(page, site, language, viewport):
    page.set_viewport_size(viewport)
    for path in page_types(language):
        assert_no_violations(page, site + path)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_language_choice_passes_axe(page, site, viewport):
    page.set_viewport_size(viewport)
    assert_no_violations(page, site + "/")
