"""load_content and export_content: files in, files out, editors' work kept."""

import filecmp
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from content.models import Organisation, Section, Topic
from content.sync import DEFAULT_DATA_DIR

pytestmark = pytest.mark.django_db

SAMPLE_NL = """---
title: Proefonderwerp
summary: Een onderwerp om mee te testen.
position: 50
status: published
last_checked: 2021-09-21
---

## Eerste vraag? {#first}

Eerste antwoord.

## Tweede vraag? {#second}

Tweede antwoord.
"""

SAMPLE_EN = """---
title: Sample topic
summary: A topic to test with.
machine_translated: true
---

## First question? {#first}

First answer.
"""

SAMPLE_ORGANISATIONS = """- slug: sample-organisation
  name: Proeforganisatie
  website: https://example.org/
  topics:
  - sample-topic
  last_checked: 2021-09-21
  description: Helpt bij testen.
"""


@pytest.fixture
def data_dir(tmp_path):
    topic = tmp_path / "topics" / "sample-topic"
    topic.mkdir(parents=True)
    (topic / "nl.md").write_text(SAMPLE_NL, encoding="utf-8")
    (topic / "en.md").write_text(SAMPLE_EN, encoding="utf-8")
    (tmp_path / "organisations").mkdir()
    (tmp_path / "organisations" / "nl.yaml").write_text(SAMPLE_ORGANISATIONS, encoding="utf-8")
    return tmp_path


def load_content(data_dir, *args):
    out = StringIO()
    call_command("load_content", "--data-dir", str(data_dir), *args, stdout=out)
    return out.getvalue()


def title(slug, language):
    return Topic.objects.get(slug=slug).translations.get(language_code=language).title


def test_loading_creates_topics_questions_and_organisations(data_dir):
    output = load_content(data_dir)
    assert "created 3, updated 0, replaced 0, unchanged 0, skipped 0." in output
    topic = Topic.objects.get(slug="sample-topic")
    assert title("sample-topic", "en") == "Sample topic"
    assert [section.anchor for section in topic.sections.all()] == ["first", "second"]
    organisation = Organisation.objects.get(slug="sample-organisation")
    assert list(organisation.topics.all()) == [topic]
    assert organisation.description_nl == "Helpt bij testen."


def test_loading_twice_changes_nothing(data_dir):
    load_content(data_dir)
    before = Topic.objects.get(slug="sample-topic").updated_at
    output = load_content(data_dir)
    assert "created 0, updated 0, replaced 0, unchanged 3, skipped 0." in output
    assert Topic.objects.get(slug="sample-topic").updated_at == before


def test_loading_the_real_content_again_changes_nothing():
    output = load_content(DEFAULT_DATA_DIR)
    assert "created 0, updated 0, replaced 0, unchanged" in output
    assert "skipped 0." in output


def test_a_dry_run_reports_but_saves_nothing(data_dir):
    output = load_content(data_dir, "--dry-run")
    assert "Dry run, nothing saved: would have created 3," in output
    assert not Topic.objects.filter(slug="sample-topic").exists()


def test_a_changed_file_updates_the_database(data_dir):
    load_content(data_dir)
    path = data_dir / "topics" / "sample-topic" / "nl.md"
    path.write_text(SAMPLE_NL.replace("Eerste antwoord.", "Nieuw antwoord."), encoding="utf-8")
    assert "updated 1," in load_content(data_dir)
    section = Section.objects.get(topic__slug="sample-topic", anchor="first")
    assert section.translations.get(language_code="nl").body == "Nieuw antwoord."


def test_a_question_removed_from_the_dutch_file_is_removed(data_dir):
    load_content(data_dir)
    path = data_dir / "topics" / "sample-topic" / "nl.md"
    path.write_text(SAMPLE_NL.split("\n## Tweede")[0], encoding="utf-8")
    load_content(data_dir)
    assert list(
        Section.objects.filter(topic__slug="sample-topic").values_list("anchor", flat=True)
    ) == ["first"]


def edit_in_admin(slug, language, new_title):
    topic = Topic.objects.get(slug=slug)
    topic.set_current_language(language)
    topic.title = new_title
    topic.save()


def test_an_editors_change_is_never_overwritten(data_dir):
    load_content(data_dir)
    edit_in_admin("sample-topic", "nl", "Door redacteur verbeterd")
    path = data_dir / "topics" / "sample-topic" / "nl.md"
    path.write_text(SAMPLE_NL.replace("Proefonderwerp", "Uit het bestand"), encoding="utf-8")

    output = load_content(data_dir)

    assert (
        "Skipped topics/sample-topic/nl.md: changed in the database since it was last loaded"
        in output
    )
    assert "skipped 1." in output
    assert title("sample-topic", "nl") == "Door redacteur verbeterd"


def test_an_editors_change_is_kept_even_when_the_file_did_not_change(data_dir):
    load_content(data_dir)
    edit_in_admin("sample-topic", "en", "Improved by an editor")
    assert "skipped 1." in load_content(data_dir)
    assert title("sample-topic", "en") == "Improved by an editor"


def test_a_translation_an_editor_deleted_is_not_brought_back(data_dir):
    load_content(data_dir)
    Topic.objects.get(slug="sample-topic").delete_translation("en")
    assert "Skipped topics/sample-topic/en.md" in load_content(data_dir)
    assert not Topic.objects.get(slug="sample-topic").has_translation("en")


def test_force_overwrites_an_editors_change_and_says_so(data_dir):
    load_content(data_dir)
    edit_in_admin("sample-topic", "nl", "Door redacteur verbeterd")
    output = load_content(data_dir, "--force")
    assert "Replaced topics/sample-topic/nl.md: an editor's change was overwritten." in output
    assert title("sample-topic", "nl") == "Proefonderwerp"
    assert "unchanged 3," in load_content(data_dir)


def test_a_malformed_file_loads_nothing_and_says_which_file(data_dir):
    (data_dir / "topics" / "sample-topic" / "en.md").write_text("---\ntitle: x\n", encoding="utf-8")
    with pytest.raises(
        CommandError, match=r"Nothing was loaded\. Fix this file first: topics/sample-topic/en\.md"
    ):
        load_content(data_dir)
    assert not Topic.objects.filter(slug="sample-topic").exists()


def test_invalid_field_values_are_refused_like_the_admin_would(data_dir):
    path = data_dir / "topics" / "sample-topic" / "nl.md"
    path.write_text(SAMPLE_NL.replace("status: published", "status: sometimes"), encoding="utf-8")
    with pytest.raises(CommandError, match=r"status: .*sometimes"):
        load_content(data_dir)


def test_a_translation_needs_its_questions_in_dutch(data_dir):
    path = data_dir / "topics" / "sample-topic" / "en.md"
    path.write_text(SAMPLE_EN + "\n## Extra? {#extra}\n\nx\n", encoding="utf-8")
    with pytest.raises(CommandError, match="not in the Dutch file: extra"):
        load_content(data_dir)


def test_an_organisation_needs_known_topics(data_dir):
    path = data_dir / "organisations" / "nl.yaml"
    path.write_text(
        SAMPLE_ORGANISATIONS.replace("- sample-topic", "- no-such-topic"), encoding="utf-8"
    )
    with pytest.raises(CommandError, match="unknown topic"):
        load_content(data_dir)


def test_export_reproduces_the_content_files_byte_for_byte(tmp_path):
    call_command("export_content", "--data-dir", str(tmp_path), stdout=StringIO())
    source = Path(DEFAULT_DATA_DIR)
    exported = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file())
    assert exported == committed
    for relative in committed:
        assert filecmp.cmp(tmp_path / relative, source / relative, shallow=False), relative


def test_export_removes_files_of_deleted_content(data_dir):
    load_content(data_dir)
    Topic.objects.filter(slug="sample-topic").delete()
    stale = data_dir / "topics" / "sample-topic" / "nl.md"
    call_command("export_content", "--data-dir", str(data_dir), stdout=StringIO())
    assert not stale.exists()
