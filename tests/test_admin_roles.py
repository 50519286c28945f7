"""What each role may do is enforced by the server, on every path: a translator's
crafted requests change nothing that only editors may change."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from content.models import Organisation, Section, Status, Topic
from tests.admin_forms import change_form_data
from tests.editors import log_in
from tests.test_admin import housing, member_of, save_topic, section_prefix, title, topic_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_and_translator(client, django_user_model):
    """Two browsers: an editor's and a translator's."""
    from django.test import Client

    editor, translator = Client(), Client()
    log_in(editor, member_of("Editor", "redacteur"))
    log_in(translator, member_of("Translator", "vertaler"))
    return editor, translator


def dutch_answer(anchor):
    section = Section.objects.get(topic=housing(), anchor=anchor)
    return section.translations.get(language_code="nl")


# --- Restoring earlier versions ----------------------------------------------------------


def test_a_translator_cannot_restore_an_earlier_version_of_a_topic(editor_and_translator):
    editor, translator = editor_and_translator
    save_topic(editor, housing(), "nl", title="Wonen (oud)")
    old = Version.objects.get_for_object(housing()).order_by("pk").last()
    save_topic(editor, housing(), "nl", title="Wonen (nieuw)", status=Status.DRAFT)
    url = reverse("admin:content_topic_revision", args=[housing().pk, old.pk])
    assert translator.get(url).status_code == 403
    assert translator.post(url, {"title": "x"}).status_code == 403
    assert title(housing(), "nl") == "Wonen (nieuw)" and housing().status == Status.DRAFT


def test_a_translator_cannot_restore_an_organisations_old_details(editor_and_translator):
    editor, translator = editor_and_translator
    cak = Organisation.objects.get(slug="cak")
    url = reverse("admin:content_organisation_change", args=[cak.pk])
    editor.post(url, change_form_data(editor.get(url), website="https://old.example/"))
    old = Version.objects.get_for_object(cak).order_by("pk").last()
    editor.post(url, change_form_data(editor.get(url), website="https://corrected.example/"))
    revision = reverse("admin:content_organisation_revision", args=[cak.pk, old.pk])
    assert translator.post(revision, {}).status_code == 403
    cak.refresh_from_db()
    assert cak.website == "https://corrected.example/"


def test_a_translator_cannot_recover_a_deleted_topic(editor_and_translator):
    editor, translator = editor_and_translator
    save_topic(editor, housing(), "nl", title="Wonen")
    pk = housing().pk
    editor.post(reverse("admin:content_topic_delete", args=[pk]), {"post": "yes"})
    version = Version.objects.get_deleted(Topic).get(object_id=str(pk))
    assert translator.get(reverse("admin:content_topic_recoverlist")).status_code == 403
    assert (
        translator.post(reverse("admin:content_topic_recover", args=[version.pk])).status_code
        == 403
    )
    assert not Topic.objects.filter(pk=pk).exists()


def test_a_translator_reads_the_history_without_restore_links(editor_and_translator):
    editor, translator = editor_and_translator
    save_topic(editor, housing(), "nl", title="Wonen (versie 2)")
    history = reverse("admin:content_topic_history", args=[housing().pk])
    revision_links = reverse("admin:content_topic_changelist") + f"{housing().pk}/history/"
    as_translator = translator.get(history).content.decode()
    assert "Alleen redacteuren kunnen" in as_translator
    assert f'href="{revision_links}' not in as_translator
    assert f'href="{revision_links}' in editor.get(history).content.decode()


# --- Dutch text, posted anyway ----------------------------------------------------------


def test_a_translator_cannot_post_dutch_questions_minor_edits_or_machine_flags(
    editor_and_translator,
):
    _editor, translator = editor_and_translator
    before = dutch_answer("social-housing")
    page = translator.get(topic_url(housing(), "nl"))
    prefix = section_prefix(page, "social-housing")
    data = change_form_data(page)
    data |= {
        f"{prefix}-heading": "Vraag (vertaler)",
        f"{prefix}-body": "Tekst van de VERTALER",
        f"{prefix}-machine_translated": "on",
        "minor_edit": "on",
        "machine_translated": "on",
        "title": "Titel van de vertaler",
        "status": Status.DRAFT,
    }
    translator.post(topic_url(housing(), "nl"), data)
    after = dutch_answer("social-housing")
    assert (after.heading, after.body, after.machine_translated) == (
        before.heading,
        before.body,
        before.machine_translated,
    )
    dutch_title = housing().translations.get(language_code="nl")
    assert dutch_title.title == "Wonen" and not dutch_title.machine_translated
    assert housing().status == Status.PUBLISHED


def test_a_translator_cannot_mark_the_dutch_description_machine_made(editor_and_translator):
    _editor, translator = editor_and_translator
    cak = Organisation.objects.get(slug="cak")
    url = reverse("admin:content_organisation_change", args=[cak.pk])
    data = change_form_data(translator.get(url), machine_translated_nl="on", minor_edit="on")
    translator.post(url, data)
    cak.refresh_from_db()
    assert not cak.machine_translated_nl


def test_a_translator_still_translates(editor_and_translator):
    _editor, translator = editor_and_translator
    save_topic(translator, housing(), "es", title="Vivienda (revisado)")
    assert title(housing(), "es") == "Vivienda (revisado)"


# --- "Checked today" ----------------------------------------------------------------------


def test_only_editors_can_mark_a_page_checked(editor_and_translator):
    editor, translator = editor_and_translator
    url = reverse("admin:content_topic_changelist")
    action = {"action": "checked_today", "_selected_action": [housing().pk]}
    translator.post(url, action)
    assert housing().last_checked is None
    assert "checked_today" not in translator.get(url).content.decode()
    editor.post(url, action)
    assert housing().last_checked == timezone.localdate()


def test_checked_today_replaces_the_readers_notice_with_the_date(editor_and_translator, client):
    editor, _translator = editor_and_translator
    assert "notice-unchecked" in client.get("/en/topics/housing/").content.decode()
    editor.post(
        reverse("admin:content_topic_changelist"),
        {"action": "checked_today", "_selected_action": [housing().pk]},
    )
    html = client.get("/en/topics/housing/").content.decode()
    assert "notice-unchecked" not in html
    assert f'<time datetime="{timezone.localdate().isoformat()}">' in html


def test_the_dashboard_lists_never_checked_pages_as_overdue(editor_and_translator):
    editor, _translator = editor_and_translator
    Topic.objects.exclude(slug="housing").update(last_checked=timezone.localdate())
    response = editor.get(reverse("admin:content_translation_dashboard"))
    assert list(response.context["overdue_topics"]) == [housing()]
    assert "nooit gecontroleerd" in response.content.decode()
    Topic.objects.filter(slug="housing").update(last_checked=datetime.date(2020, 1, 1))
    assert list(Topic.objects.overdue()) == [housing()]


# --- A staff member's mistake in an address -------------------------------------------------


def test_an_unknown_language_in_the_admin_gets_a_bad_request(editor_and_translator):
    editor, _translator = editor_and_translator
    url = reverse("admin:content_topic_change", args=[housing().pk]) + "?language=xx"
    assert editor.get(url).status_code == 400
