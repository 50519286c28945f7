"""An editor's morning in the admin, in a real browser: edit Dutch, see, publish."""

import pytest
from django.contrib.auth.models import Group, User
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from content.models import Status
from tests.factories import make_section, make_topic

PASSWORD = "Long-enough-9"


@pytest.fixture
def editor_page(page, site):
    user = User.objects.create_user("redacteur", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    page.set_viewport_size({"width": 1280, "height": 900})
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    page.goto(site + "/admin/")
    page.fill("#id_username", "redacteur")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.fill("#id_code", f"{TOTP(device.bin_key).token():06d}")  # the second step
    page.click("input[type=submit]")
    page.wait_for_url(site + "/admin/")
    yield page
    assert violations == []


def test_an_editor_changes_dutch_sees_outdated_translations_and_publishes(editor_page, site):
    page = editor_page
    page.get_by_role("link", name="Onderwerpen").first.click()
    page.get_by_role("link", name="Wonen").click()
    body = page.locator("textarea[name$='-body']").first
    body.fill("Nee. Een sociale huurwoning is er niet voor ongedocumenteerden.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_selector(".messagelist .success")

    page.goto(site + "/admin/")
    page.locator("#guide-dashboard-link a").first.click()
    row = page.locator("table.matrix tr", has_text="Wonen").first
    english = row.locator("td").nth(1)
    assert english.get_attribute("class") == "state-outdated"

    draft = make_topic("Nieuw onderwerp", status=Status.DRAFT, slug="nieuw-onderwerp")
    make_section(draft, heading="Een vraag?", body="Een antwoord.")
    page.goto(site + f"/admin/content/topic/{draft.pk}/change/?language=nl")
    page.select_option("select[name=status]", Status.PUBLISHED)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_selector(".messagelist .success")
    page.goto(site + "/nl/topics/nieuw-onderwerp/")
    assert page.locator("h1").inner_text() == "Nieuw onderwerp"


def test_organisations_are_edited_with_a_tab_per_language(editor_page, site):
    page = editor_page
    page.goto(site + "/admin/content/organisation/")
    page.get_by_role("link", name="Kruispost", exact=True).click()
    page.wait_for_selector(".ui-tabs")
    assert page.locator(".ui-tabs-nav li").count() >= 8
