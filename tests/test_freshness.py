"""Translations know when the Dutch text moved on, and readers are told."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.formats import date_format

from content.freshness import State, organisation_state, state, topic_state
from content.models import Organisation, Section, Topic

pytestmark = pytest.mark.django_db


def dutch_answer(topic_slug, anchor):
    section = Section.objects.get(topic__slug=topic_slug, anchor=anchor)
    return section.translations.get(language_code="nl")


def answer_state(topic_slug, anchor, language):
    section = Section.objects.get(topic__slug=topic_slug, anchor=anchor)
    rows = {row.language_code: row for row in section.translations.all()}
    return state(rows.get(language), rows["nl"])


def edit_dutch(topic_slug, anchor, body, *, minor=False):
    answer = dutch_answer(topic_slug, anchor)
    answer.body = body
    answer.minor_edit = minor
    answer.save()
    return answer


def test_the_translations_of_the_seed_are_machine_assisted():
    assert answer_state("health-care", "costs", "en") == State.MACHINE
    assert answer_state("health-care", "costs", "nl") == State.UP_TO_DATE


def test_a_dutch_edit_makes_exactly_that_texts_translations_outdated():
    before = dutch_answer("health-care", "costs").source_version
    answer = edit_dutch("health-care", "costs", "De kosten worden anders betaald.")
    assert answer.source_version == before + 1
    assert answer.changed_on == datetime.date.today()
    for language in ["en", "es", "fr", "pt", "ar", "id", "tl"]:
        assert answer_state("health-care", "costs", language) == State.OUTDATED
    assert answer_state("health-care", "right-to-care", "en") == State.MACHINE
    assert answer_state("education", "internships", "en") == State.MACHINE


def test_a_minor_dutch_edit_leaves_the_translations_as_they_were():
    before = dutch_answer("health-care", "costs")
    answer = edit_dutch("health-care", "costs", before.body + " ", minor=True)
    assert answer.source_version == before.source_version
    assert answer_state("health-care", "costs", "en") == State.MACHINE


def test_saving_the_dutch_text_unchanged_is_not_an_edit():
    answer = dutch_answer("health-care", "costs")
    before = answer.source_version
    answer.save()
    assert answer.source_version == before


def test_editing_a_translation_does_not_raise_the_dutch_version():
    section = Section.objects.get(topic__slug="housing", anchor="social-housing")
    english = section.translations.get(language_code="en")
    dutch_version, english_version = (
        section.translations.get(language_code="nl").source_version,
        english.source_version,
    )
    english.body = "No."
    english.save()
    assert english.source_version == english_version
    assert dutch_answer("housing", "social-housing").source_version == dutch_version


def test_a_topic_page_is_as_urgent_as_its_most_urgent_text():
    topic = Topic.objects.get(slug="health-care")
    assert topic_state(topic, "en") == State.MACHINE
    edit_dutch("health-care", "costs", "Nieuw.")
    assert topic_state(topic, "en") == State.OUTDATED
    Section.objects.get(topic=topic, anchor="costs").delete_translation("en")
    assert topic_state(topic, "en") == State.MISSING


def test_marking_a_topic_checked_makes_it_up_to_date_in_that_language_only():
    edit_dutch("health-care", "costs", "Nieuw.")
    topic = Topic.objects.get(slug="health-care")
    topic.mark_checked("en")
    assert topic_state(topic, "en") == State.UP_TO_DATE
    assert topic_state(topic, "es") == State.OUTDATED


def test_an_organisations_description_is_versioned_too():
    cak = Organisation.objects.get(slug="cak")
    assert organisation_state(cak, "en") == State.MACHINE
    before = cak.source_version_nl
    cak.description_nl = "Het CAK betaalt zorgverleners."
    cak.save()
    assert cak.source_version_nl == before + 1
    assert organisation_state(cak, "en") == State.OUTDATED
    cak.mark_checked("en")
    cak.save()
    assert organisation_state(cak, "en") == State.UP_TO_DATE
    assert organisation_state(cak, "tl") == State.OUTDATED


def test_a_minor_edit_of_a_description_keeps_its_translations_current():
    cak = Organisation.objects.get(slug="cak")
    cak.description_nl = cak.description_nl.replace("CAK", "CAK ")
    cak.minor_edit = True
    cak.save()
    assert organisation_state(cak, "en") == State.MACHINE


# --- What readers see ------------------------------------------------------------------


def test_readers_of_an_outdated_translation_are_told_and_sent_to_the_dutch(client):
    edit_dutch("health-care", "costs", "Nieuw.")
    html = client.get("/en/topics/health-care/").content.decode()
    costs = html.split('id="costs"')[1].split("</section>")[0]
    assert "notice-outdated" in costs
    assert 'href="/nl/topics/health-care/#costs" hreflang="nl"' in costs
    right_to_care = html.split('id="right-to-care"')[1].split("</section>")[0]
    assert "notice-outdated" not in right_to_care


def test_the_outdated_notice_gives_the_date_of_the_dutch_change(client):
    answer = edit_dutch("health-care", "costs", "Nieuw.")
    answer.changed_on = datetime.date(2027, 3, 1)
    answer.minor_edit = True
    answer.save()
    html = client.get("/en/topics/health-care/").content.decode()
    assert "The Dutch text changed on March 1, 2027" in html


def test_notices_disappear_once_a_person_checked_the_translation(client):
    edit_dutch("health-care", "costs", "Nieuw.")
    Topic.objects.get(slug="health-care").mark_checked("en")
    html = client.get("/en/topics/health-care/").content.decode()
    topic_text = html.split('id="who-can-help"')[0]
    assert "notice-outdated" not in topic_text
    assert "notice-machine" not in topic_text


def test_the_machine_notice_is_said_once_per_page_not_per_block(client):
    html = client.get("/es/topics/health-care/").content.decode()
    assert html.count("notice-machine") == 1


# --- translation_status --------------------------------------------------------------


def test_translation_status_prints_the_matrix(capsys):
    call_command("translation_status")
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["nl", "en", "es", "fr", "pt", "ar", "id", "tl"]
    assert "topic health-care" in out
    assert "organisation kruispost" in out


def test_translation_status_strict_passes_when_nothing_is_missing_or_outdated():
    call_command("translation_status", "--strict")


def test_translation_status_strict_fails_on_a_missing_translation():
    Topic.objects.get(slug="housing").delete_translation("tl")
    with pytest.raises(CommandError, match="1 translation"):
        call_command("translation_status", "--strict")


def test_translation_status_strict_fails_on_an_outdated_translation():
    edit_dutch("housing", "social-housing", "Nee, nooit.")
    with pytest.raises(CommandError, match="missing or outdated"):
        call_command("translation_status", "--strict")


def test_readers_of_an_outdated_description_are_told_when_the_dutch_changed(client):
    cak = Organisation.objects.get(slug="cak")
    cak.description_nl = "Het CAK betaalt zorgverleners."
    cak.save()
    html = client.get("/en/organisations/cak/").content.decode()
    with translation.override("en"):
        today = date_format(datetime.date.today(), "DATE_FORMAT")
    assert f"The Dutch text changed on {today}." in html
    assert 'href="/nl/organisations/cak/" hreflang="nl"' in html


def test_an_outdated_description_in_a_list_sends_readers_to_its_dutch_page(client):
    cak = Organisation.objects.get(slug="cak")
    cak.description_nl = "Het CAK betaalt zorgverleners."
    cak.save()
    for path in ["/en/topics/health-care/", "/en/organisations/?topic=health-care"]:
        html = client.get(path).content.decode()
        card = html.split('<a href="/en/organisations/cak/">')[1].split("</li>")[0]
        assert "notice-outdated" in card, path
        assert 'href="/nl/organisations/cak/" hreflang="nl"' in card, path


def test_translation_status_on_an_empty_database_says_what_to_do(capsys):
    Topic.objects.all().delete()
    Organisation.objects.all().delete()
    call_command("translation_status")
    assert "load_content" in capsys.readouterr().out


def test_after_a_dutch_edit_the_machine_notice_is_still_said_once(client):
    topic = Topic.objects.get(slug="health-care")
    topic.set_current_language("nl")
    topic.title = "Zorg en kosten"
    topic.save()  # the title's translations are now outdated too
    html = client.get("/es/topics/health-care/").content.decode()
    above_the_cards = html.split('id="who-can-help"')[0]
    assert above_the_cards.count("notice-machine") == 1
    assert above_the_cards.count("notice-outdated") == 1
