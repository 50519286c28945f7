"""Reading without a connection, in a real Chromium with its service worker."""

import re
import time

from content.models import Section, Topic

#: Whether the service worker keeps an answer for an address, in the page's origin.
KEPT = "async (path) => !!(await caches.match(path, { ignoreVary: true }))"


def wait_until(page, script, arg=None, seconds=20):
    """Until ``script`` (which may be async) gives a true value in the page.

    (``page.wait_for_function`` does not wait for a promise: a promise is true.)
    """
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"not true within {seconds} s: {script} {arg}"
        time.sleep(0.1)


def wait_until_kept(page, path):
    wait_until(page, KEPT, path)


def kept(page):
    """The paths the service worker keeps."""
    return page.evaluate(
        """async () => {
            const paths = [];
            for (const name of await caches.keys()) {
                for (const request of await (await caches.open(name)).keys()) {
                    paths.push(new URL(request.url).pathname + new URL(request.url).search);
                }
            }
            return paths;
        }"""
    )


def test_a_page_read_once_opens_again_without_a_connection(page, site):
    page.goto(site + "/en/topics/housing/")
    wait_until_kept(page, "/en/topics/housing/")
    wait_until_kept(page, page.locator("link[rel=stylesheet]").get_attribute("href"))
    page.context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == "Housing"
    header = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header == "rgb(11, 61, 107)"  # with its stylesheet


def test_an_unread_page_gives_the_offline_page_in_the_readers_language(page, site):
    page.goto(site + "/ar/")
    wait_until_kept(page, "/ar/offline/")
    page.context.set_offline(True)
    page.goto(site + "/ar/topics/education/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.locator("link[rel=canonical]").count() == 0  # the offline page, not the topic
    assert page.locator("a[href='tel:112']").count() == 1
    saved = page.locator(".offline-saved")
    saved.wait_for()
    assert saved.locator("a[href='/ar/']").count() == 1  # what this phone has


def test_saving_arabic_for_offline_opens_every_arabic_topic_without_a_connection(page, site):
    page.goto(site + "/ar/")
    section = page.locator(".offline-save")
    section.wait_for()  # shown: this browser has service workers
    section.locator("[data-offline-action=measure]").click()
    size = section.locator("[data-offline-size]")
    size.wait_for()
    assert int(size.inner_text()) > 10  # kilobytes, measured before anything is saved
    section.locator("[data-offline-action=save]").click()
    section.locator("[data-offline-state=saved]").wait_for()
    paths = kept(page)
    assert not [path for path in paths if re.match(r"/(nl|en|es|fr|pt|id|tl)/", path)]
    page.context.set_offline(True)
    for slug in Topic.objects.published().listed().values_list("slug", flat=True):
        page.goto(site + f"/ar/topics/{slug}/")
        assert page.evaluate("document.documentElement.lang") == "ar", slug
        assert page.locator("h2#who-can-help, section.question").count() > 0, slug
    page.goto(site + "/ar/organisations/kruispost/")
    assert page.locator("h1").inner_text() == "Kruispost"


def test_an_editors_correction_reaches_a_kept_page_on_the_next_visit(page, site):
    page.goto(site + "/nl/topics/housing/")
    wait_until_kept(page, "/nl/topics/housing/")
    answer = Section.objects.get(topic__slug="housing", anchor="social-housing")
    dutch = answer.translations.get(language_code="nl")
    dutch.body = "Nee. Gecorrigeerd door de redactie."
    dutch.save()
    page.goto(site + "/nl/topics/housing/")  # the kept page answers, and is refreshed
    wait_until(
        page,
        """async () => {
            const kept = await caches.match("/nl/topics/housing/", { ignoreVary: true });
            return kept && (await kept.text()).includes("Gecorrigeerd door de redactie");
        }""",
    )
    page.goto(site + "/nl/topics/housing/")
    assert (
        "Gecorrigeerd door de redactie"
        in page.locator("#social-housing").locator("..").inner_text()
    )


def test_search_results_previews_and_the_admin_are_never_kept(page, site):
    page.goto(site + "/nl/search/?q=huisarts")
    wait_until_kept(page, "/nl/offline/")
    page.goto(site + "/admin/login/")
    page.goto(site + "/nl/")
    wait_until_kept(page, "/nl/")
    assert not [path for path in kept(page) if "/search/" in path or path.startswith("/admin/")]


def test_removing_the_saved_pages_empties_this_phone(page, site):
    page.goto(site + "/en/")
    wait_until_kept(page, "/en/offline/")
    section = page.locator(".offline-save")
    section.locator("[data-offline-action=remove]").click()
    section.locator("[data-offline-state=removed]").wait_for()
    assert kept(page) == []


def test_without_javascript_nothing_changes(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/en/")
    assert page.locator(".offline-save").is_hidden()
    assert page.locator("h1").inner_text()
    context.close()
