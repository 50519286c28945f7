"""XLIFF with translators: export_xliff, a translator's tool, import_xliff, the page."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Revision, Version
from translate.storage import xliff

from content.freshness import State, organisation_state, topic_state
from content.models import Organisation, Section, SectionTranslation, Topic
from tests.factories import add_translation, make_section, make_topic

pytestmark = pytest.mark.django_db

NEW_ANSWER = "Sí, claro. Mira el sitio web de [Stichting LOS](https://www.stichtinglos.nl/content/huren-van-een-woning-kamer)."


def housing():
    return Topic.objects.get(slug="housing")


def answer(topic_slug, anchor, language="es"):
    return SectionTranslation.objects.get(
        master__topic__slug=topic_slug, master__anchor=anchor, language_code=language
    )


def export(tmp_path, *options, language="es"):
    call_command("export_xliff", "--language", language, *options, str(tmp_path), stdout=StringIO())
    return tmp_path


def import_files(*paths, options=()):
    out = StringIO()
    call_command("import_xliff", *map(str, paths), *options, stdout=out, stderr=out)
    return out.getvalue()


def refused(*paths, options=()):
    """The messages of an import that must fail."""
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_xliff", *map(str, paths), *options, stdout=StringIO(), stderr=err)
    return f"{err.getvalue()}\n{error.value}"


def store_of(path):
    return xliff.xlifffile.parsestring(path.read_bytes())


def local_id(unit):
    return unit.getid().rpartition(xliff.ID_SEPARATOR)[2]


def units(path):
    return {local_id(unit): unit for unit in store_of(path).units}


def edit(path, targets=(), *, state="translated", change=None):
    """Save ``path`` as a translator's tool would: new ``targets`` by unit id, every
    unit in ``state`` (None: states as they were), and ``change(store)`` for the rest."""
    store = store_of(path)
    targets = dict(targets)
    for unit in store.units:
        if local_id(unit) in targets:
            unit.settarget(targets[local_id(unit)], lang="es")
        if state:
            unit.set_state_n(unit.statemap[state])
    if change:
        change(store)
    path.write_bytes(bytes(store))
    return path


def spanish_texts():
    """Every Spanish text in the database, to show that nothing changed."""
    rows = SectionTranslation.objects.filter(language_code="es").order_by("pk")
    sections = list(rows.values_list("body", "machine_translated", "source_version"))
    organisations = list(Organisation.objects.order_by("pk").values_list("description_es"))
    return sections, organisations


# --- Export ----------------------------------------------------------------------------


def test_each_topic_and_the_organisations_get_a_file_with_the_dutch_and_the_translation(tmp_path):
    files = export(tmp_path)
    names = sorted(path.name for path in files.iterdir())
    assert "topic-housing.es.xlf" in names and "organisations.es.xlf" in names
    assert len(names) == Topic.objects.count() + 1

    store = store_of(files / "topic-housing.es.xlf")
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("nl", "es")
    assert b'version="1.2"' in (files / "topic-housing.es.xlf").read_bytes()
    found = units(files / "topic-housing.es.xlf")
    renting = found["housing#renting-or-buying.body"]
    # Markdown as the editors wrote it, links and all; no HTML.
    assert renting.source == answer("housing", "renting-or-buying", "nl").body
    assert "](https://www.stichtinglos.nl/" in renting.source and "<a " not in renting.source
    assert renting.target == answer("housing", "renting-or-buying").body
    assert renting.getnotes(origin="guide") == "Dutch version 2"
    assert {"housing.title", "housing.summary", "housing#social-housing.heading"} <= set(found)

    descriptions = units(files / "organisations.es.xlf")
    kruispost = Organisation.objects.get(slug="kruispost")
    assert descriptions["kruispost.description"].source == kruispost.description_nl
    assert descriptions["kruispost.description"].target == kruispost.description_es


def test_ids_stay_the_same_from_one_export_to_the_next(tmp_path):
    first = export(tmp_path / "first")
    second = export(tmp_path / "second")
    assert set(units(first / "topic-health-care.es.xlf")) == set(
        units(second / "topic-health-care.es.xlf")
    )


def only_filter_topic():
    """A topic with, in Spanish, one question of each state."""
    topic = make_topic("Filters", slug="filters")
    add_translation(topic, "es", title="Filtros", summary="Un resumen.", machine_translated=False)
    checked = make_section(topic, "Gecontroleerd?", "Ja.", anchor="checked")
    add_translation(checked, "es", heading="¿Revisado?", body="Sí.", machine_translated=False)
    machine = make_section(topic, "Machine?", "Ja.", anchor="machine")
    add_translation(machine, "es", heading="¿Máquina?", body="Sí.", machine_translated=True)
    outdated = make_section(topic, "Verouderd?", "Ja.", anchor="outdated")
    add_translation(outdated, "es", heading="¿Viejo?", body="Sí.", machine_translated=False)
    add_translation(outdated, "nl", body="Ja, en meer.")  # the Dutch moves on
    make_section(topic, "Ontbreekt?", "Ja.", anchor="missing")
    return topic


@pytest.mark.parametrize(
    ("only", "anchors"),
    [
        (None, {"checked", "machine", "outdated", "missing"}),
        ("missing", {"missing"}),
        ("outdated", {"outdated"}),
        ("machine", {"machine"}),
    ],
)
def test_only_exports_the_texts_in_that_state(tmp_path, only, anchors):
    only_filter_topic()
    files = export(tmp_path, *(["--only", only] if only else []))
    found = units(files / "topic-filters.es.xlf")
    assert {unit_id.split("#")[1].split(".")[0] for unit_id in found if "#" in unit_id} == anchors
    assert ("filters.title" in found) == (only is None)
    if only == "missing":
        assert not found["filters#missing.body"].target
    if only is None:  # a target that needs looking at says so; a checked one does not
        assert found["filters#checked.body"].get_state_n() >= 100
        assert found["filters#outdated.body"].get_state_n() < 100


def test_the_organisations_file_holds_only_what_is_asked_for(tmp_path):
    Organisation.objects.filter(slug="kruispost").update(description_es="")
    files = export(tmp_path, "--only", "missing")
    assert set(units(files / "organisations.es.xlf")) == {"kruispost.description"}


# --- The round trip --------------------------------------------------------------------


def test_a_translators_file_comes_back_to_the_spanish_page_no_longer_machine_made(client, tmp_path):
    page = client.get("/es/topics/housing/").content.decode()
    assert "notice-machine" in page and NEW_ANSWER not in page

    files = export(tmp_path)
    # The translator checks the whole page: the topic, and the organisations on it.
    edit(files / "topic-housing.es.xlf", {"housing#renting-or-buying.body": NEW_ANSWER})
    edit(files / "organisations.es.xlf")
    out = import_files(files / "topic-housing.es.xlf", files / "organisations.es.xlf")
    assert "Imported" in out

    page = client.get("/es/topics/housing/").content.decode()
    assert "Sí, claro." in page and "notice-machine" not in page
    assert topic_state(housing(), "es") == State.UP_TO_DATE
    renting = answer("housing", "renting-or-buying")
    assert not renting.machine_translated
    dutch = renting.master.translations.get(language_code="nl")
    assert renting.source_version == dutch.source_version


def test_an_untouched_file_changes_nothing(tmp_path):
    files = export(tmp_path)
    before = spanish_texts()
    out = import_files(*sorted(files.iterdir()))
    assert "Imported 0 text(s)" in out
    assert spanish_texts() == before


# --- Refused files ---------------------------------------------------------------------


def drop_unit(unit_id):
    def change(store):
        unit = next(unit for unit in store.units if local_id(unit) == unit_id)
        unit.xmlelement.getparent().remove(unit.xmlelement)

    return change


def rename_unit(old, new):
    def change(store):
        next(unit for unit in store.units if local_id(unit) == old).setid(new)

    return change


@pytest.mark.parametrize(
    ("targets", "change", "message"),
    [
        ({}, rename_unit("housing.title", "housing.titel"), "The guide has no text with this id"),
        ({}, rename_unit("housing.title", "nowhere.title"), "The guide has no text with this id"),
        ({}, drop_unit("housing.summary"), "lacks housing.summary"),
        ({"housing.title": "   "}, None, "The translation is empty"),
        (
            {
                "housing#renting-or-buying.body": "Lee [más](https://www.stichtinglos.nl/content/huren-van-een-woning-kamer ."
            },
            None,
            "links missing: https://www.stichtinglos.nl/content/huren-van-een-woning-kamer",
        ),
        (
            {"housing#social-housing.body": "No. [Pregunta aquí](https://evil.example/)."},
            None,
            "links not in the Dutch: https://evil.example/",
        ),
        (
            {"housing#social-housing.body": "No. [Pregunta](ftp://evil.example/)."},
            None,
            "links not in the Dutch: (an address that is not allowed)",
        ),
        ({"housing#social-housing.body": "## Título\n\nNo."}, None, "Use ### for a heading"),
        ({}, lambda store: store.settargetlanguage("nl"), "is not one the guide is translated"),
        ({}, lambda store: store.setsourcelanguage("en"), "source language is not Dutch"),
    ],
)
def test_a_tampered_file_is_refused_and_nothing_changes(tmp_path, targets, change, message):
    files = export(tmp_path)
    path = edit(files / "topic-housing.es.xlf", targets, change=change)
    before, revisions = spanish_texts(), Revision.objects.count()
    assert message in refused(path)
    assert spanish_texts() == before and Revision.objects.count() == revisions


def test_a_whole_import_is_refused_for_one_bad_file(tmp_path):
    files = export(tmp_path)
    good = edit(files / "topic-housing.es.xlf", {"housing.title": "Casa"})
    bad = edit(files / "topic-education.es.xlf", {"education.title": ""})
    assert "topic-education.es.xlf, education.title: The translation is empty" in refused(good, bad)
    assert housing().translations.get(language_code="es").title == "Vivienda"


def test_a_file_in_another_language_is_refused(tmp_path):
    files = export(tmp_path, language="fr")
    path = edit(files / "topic-housing.fr.xlf", {"housing.title": "Logement!"})
    assert "It is in fr, not in es" in refused(path, options=["--language", "es"])
    spanish = export(tmp_path / "es")
    assert "It is in es, not in fr" in refused(path, spanish / "topic-housing.es.xlf")
    assert housing().translations.get(language_code="fr").title == "Logement"


def test_the_version_note_cannot_be_left_out_or_made_up(tmp_path):
    files = export(tmp_path)

    def notes(text):
        def change(store):
            for unit in store.units:
                unit.removenotes()
                if text:
                    unit.addnote(text, origin="guide")

        return change

    path = edit(files / "topic-housing.es.xlf", change=notes(None))
    assert "note that says which Dutch version" in refused(path)
    path = edit(files / "topic-housing.es.xlf", change=notes("Dutch version 99"))
    assert "only at version" in refused(path)


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="topic/housing" source-language="nl" target-language="es" datatype="plaintext"><body>
<trans-unit id="housing.title"><source>Wonen</source><target state="final">&secret;</target>
<note from="guide">Dutch version 2</note></trans-unit></body></file></xliff>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="topic/housing" source-language="nl" target-language="es" datatype="plaintext"><body>
<trans-unit id="housing.title"><source>Wonen</source><target state="final">&lol9;</target>
<note from="guide">Dutch version 2</note></trans-unit></body></file></xliff>"""


@pytest.mark.parametrize("content", [XXE, BILLION_LAUGHS], ids=["xxe", "billion-laughs"])
def test_xml_with_entities_is_refused_before_it_is_read(tmp_path, content):
    path = tmp_path / "evil.es.xlf"
    path.write_bytes(content)
    before, revisions = spanish_texts(), Revision.objects.count()
    message = refused(path)
    assert "declares a document type or entities" in message and "root:" not in message
    assert housing().translations.get(language_code="es").title == "Vivienda"
    assert spanish_texts() == before and Revision.objects.count() == revisions


@pytest.mark.parametrize("content", [b"not xml", b"<html><body/></html>"])
def test_a_file_that_is_not_xliff_is_refused(tmp_path, content):
    path = tmp_path / "page.xlf"
    path.write_bytes(content)
    assert "page.xlf" in refused(path)


# --- The Dutch changed while the file was out ------------------------------------------


def test_a_file_exported_before_the_dutch_changed_is_refused_unless_forced(client, tmp_path):
    files = export(tmp_path)
    path = edit(files / "topic-housing.es.xlf", {"housing#renting-or-buying.body": NEW_ANSWER})
    add_translation(Section.objects.get(anchor="renting-or-buying"), "nl", body="Nieuw antwoord.")
    before = spanish_texts()

    message = refused(path)
    assert (
        "housing#renting-or-buying.body: The Dutch text changed after this file was exported"
        in message
    )
    assert "--force" in message
    assert spanish_texts() == before

    import_files(path, options=["--force"])
    renting = answer("housing", "renting-or-buying")
    assert renting.body == NEW_ANSWER
    # Based on the Dutch before the change, it stays outdated: readers are told.
    assert (
        renting.source_version < renting.master.translations.get(language_code="nl").source_version
    )
    assert topic_state(housing(), "es") == State.OUTDATED
    assert "notice-outdated" in client.get("/es/topics/housing/").content.decode()


def test_a_minor_dutch_edit_since_the_export_is_reported_too(tmp_path):
    files = export(tmp_path)
    path = edit(files / "topic-housing.es.xlf", {"housing.title": "Casa"})
    dutch = housing()
    dutch.set_current_language("nl")
    dutch.get_translation("nl").minor_edit = True
    dutch.title = "Wonen en huren"
    dutch.save()
    assert "Its Dutch text is not the current Dutch text" in refused(path)
    import_files(path, options=["--force"])
    assert topic_state(housing(), "es") == State.UP_TO_DATE  # same version: still current


# --- Who translated it -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "options", "machine_translated"),
    [
        ("translated", [], False),
        ("final", [], False),
        ("signed-off", [], False),
        ("needs-review-translation", [], True),
        ("needs-translation", [], True),
        ("needs-review-translation", ["--reviewed"], False),
    ],
)
def test_a_text_is_checked_by_a_person_only_when_the_file_or_the_importer_says_so(
    tmp_path, state, options, machine_translated
):
    files = export(tmp_path)
    path = edit(
        files / "topic-housing.es.xlf", {"housing#renting-or-buying.body": NEW_ANSWER}, state=state
    )
    import_files(path, options=options)
    renting = answer("housing", "renting-or-buying")
    assert renting.body == NEW_ANSWER
    assert renting.machine_translated is machine_translated


def test_a_question_missing_in_spanish_is_created(client, tmp_path):
    only_filter_topic()
    files = export(tmp_path, "--only", "missing")
    path = edit(
        files / "topic-filters.es.xlf",
        {"filters#missing.heading": "¿Falta?", "filters#missing.body": "Ya no."},
    )
    import_files(path)
    created = answer("filters", "missing")
    assert (created.heading, created.body, created.machine_translated) == (
        "¿Falta?",
        "Ya no.",
        False,
    )
    assert created.source_version == answer("filters", "missing", "nl").source_version
    assert "Ya no." in client.get("/es/topics/filters/").content.decode()


def test_a_missing_question_left_empty_is_refused(tmp_path):
    only_filter_topic()
    files = export(tmp_path, "--only", "missing")
    path = edit(files / "topic-filters.es.xlf", {"filters#missing.heading": "¿Falta?"})
    assert "filters#missing.body: The translation is empty" in refused(path)
    assert not SectionTranslation.objects.filter(
        master__anchor="missing", language_code="es"
    ).exists()


def test_an_organisations_description_comes_back_checked(client, tmp_path):
    files = export(tmp_path)
    path = edit(files / "organisations.es.xlf", {"kruispost.description": "Médicos voluntarios."})
    import_files(path)
    kruispost = Organisation.objects.get(slug="kruispost")
    assert kruispost.description_es == "Médicos voluntarios."
    assert not kruispost.machine_translated_es
    assert kruispost.source_version_es == kruispost.source_version_nl
    assert organisation_state(kruispost, "es") == State.UP_TO_DATE
    assert "Médicos voluntarios." in client.get("/es/organisations/kruispost/").content.decode()


def test_an_import_never_changes_the_dutch(tmp_path):
    files = export(tmp_path)
    path = edit(files / "topic-housing.es.xlf", {"housing.title": "Casa"})
    dutch = list(
        SectionTranslation.objects.filter(language_code="nl").values_list("body", "source_version")
    )
    import_files(path)
    assert (
        list(
            SectionTranslation.objects.filter(language_code="nl").values_list(
                "body", "source_version"
            )
        )
        == dutch
    )
    assert housing().translations.get(language_code="nl").title == "Wonen"


# --- History ---------------------------------------------------------------------------


def test_an_import_is_one_revision_that_can_be_undone_and_restored(tmp_path):
    before = Version.objects.get_for_object(housing()).first()  # versions: newest first
    files = export(tmp_path)
    path = edit(files / "topic-housing.es.xlf", {"housing#renting-or-buying.body": NEW_ANSWER})
    revisions = Revision.objects.count()
    import_files(path)
    assert Revision.objects.count() == revisions + 1

    imported = Version.objects.get_for_object(housing()).first()
    assert "topic-housing.es.xlf" in imported.revision.get_comment()
    assert "manage.py import_xliff" in imported.revision.get_comment()

    before.revision.revert()
    assert answer("housing", "renting-or-buying").body != NEW_ANSWER
    assert answer("housing", "renting-or-buying").machine_translated
    imported.revision.revert()
    assert answer("housing", "renting-or-buying").body == NEW_ANSWER


def test_a_dry_run_saves_nothing(tmp_path):
    files = export(tmp_path)
    path = edit(files / "topic-housing.es.xlf", {"housing.title": "Casa"})
    assert "Dry run" in import_files(path, options=["--dry-run"])
    assert housing().translations.get(language_code="es").title == "Vivienda"
