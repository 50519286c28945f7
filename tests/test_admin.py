"""Editors in the admin: editing, minor edits, marking translations checked."""

import pytest
from django.urls import reverse

from content.freshness import State, organisation_state, topic_state
from content.models import Organisation, Section, Topic
from tests.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(admin_client):
    return admin_client


def topic_url(topic, language):
    return reverse("admin:content_topic_change", args=[topic.pk]) + f"?language={language}"


def section_prefix(response, anchor):
    formset = response.context["inline_admin_formsets"][0].formset
    index = next(i for i, form in enumerate(formset.forms) if form.instance.anchor == anchor)
    return f"{formset.prefix}-{index}"


def save_topic(editor, topic, language, **changes):
    url = topic_url(topic, language)
    page = editor.get(url)
    assert page.status_code == 200
    prefixed = {}
    for name, value in changes.items():
        if name.startswith("section:"):
            _, anchor, field = name.split(":")
            prefixed[f"{section_prefix(page, anchor)}-{field}"] = value
        else:
            prefixed[name] = value
    response = editor.post(url, change_form_data(page, **prefixed))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_the_topic_change_form_has_a_tab_per_language(editor):
    topic = Topic.objects.get(slug="housing")
    html = editor.get(topic_url(topic, "nl")).content.decode()
    for code in ["nl", "en", "ar", "tl"]:
        assert f"?language={code}" in html


def test_a_normal_dutch_edit_in_the_admin_makes_translations_outdated(editor):
    topic = Topic.objects.get(slug="housing")
    save_topic(editor, topic, "nl", **{"section:social-housing:body": "Nee, dat kan niet."})
    assert topic_state(Topic.objects.get(slug="housing"), "en") == State.OUTDATED
    section = Section.objects.get(topic=topic, anchor="social-housing")
    assert section.translations.get(language_code="nl").body == "Nee, dat kan niet."


def test_a_minor_dutch_edit_in_the_admin_keeps_translations_current(editor):
    topic = Topic.objects.get(slug="housing")
    save_topic(
        editor,
        topic,
        "nl",
        minor_edit="on",
        title="Wonen.",
        **{
            "section:social-housing:body": "Nee. Ongedocumenteerden hebben geen recht op een sociale huurwoning!"
        },
    )
    assert topic_state(Topic.objects.get(slug="housing"), "en") == State.MACHINE


def test_a_translator_marks_a_translation_checked(editor):
    topic = Topic.objects.get(slug="housing")
    save_topic(editor, topic, "nl", **{"section:social-housing:body": "Nee, dat kan niet."})
    save_topic(editor, topic, "en", mark_checked="on")
    topic = Topic.objects.get(slug="housing")
    assert topic_state(topic, "en") == State.UP_TO_DATE
    assert topic_state(topic, "fr") == State.OUTDATED


def test_the_dutch_tab_offers_minor_edit_and_the_others_checked(editor):
    topic = Topic.objects.get(slug="housing")
    dutch = editor.get(topic_url(topic, "nl")).content.decode()
    english = editor.get(topic_url(topic, "en")).content.decode()
    assert 'name="minor_edit"' in dutch and 'name="mark_checked"' not in dutch
    assert 'name="mark_checked"' in english and 'name="minor_edit"' not in english


def test_an_organisation_description_edit_and_check(editor):
    cak = Organisation.objects.get(slug="cak")
    url = reverse("admin:content_organisation_change", args=[cak.pk])
    page = editor.get(url)
    response = editor.post(url, change_form_data(page, description_nl="Het CAK betaalt."))
    assert response.status_code == 302
    cak.refresh_from_db()
    assert organisation_state(cak, "en") == State.OUTDATED

    page = editor.get(url)
    editor.post(url, change_form_data(page, checked_languages=["en"]))
    cak.refresh_from_db()
    assert organisation_state(cak, "en") == State.UP_TO_DATE
    assert organisation_state(cak, "es") == State.OUTDATED
