import datetime

import pytest

from content.files import (
    ContentFileError,
    dump_organisations,
    dump_topic,
    parse_organisations,
    parse_topic,
)

DUTCH = """---
title: Zorg
summary: Je hebt recht op zorg.
position: 1
status: published
source_date: 2021-09-21
last_checked: 2026-11-30
version: 3
sections:
  costs:
    machine_translated: true
---

Inleiding.

## Heb ik recht op zorg? {#right-to-care}

Ja.

### Voorwaarden

- een
- twee

## Wie betaalt? {#costs}

Het CAK.
"""


def test_a_topic_file_reads_into_its_parts():
    topic = parse_topic(DUTCH, "health-care", "nl", "x.md")
    assert topic.meta["title"] == "Zorg"
    assert topic.meta["source_date"] == datetime.date(2021, 9, 21)
    assert topic.meta["last_checked"] == datetime.date(2026, 11, 30)
    assert topic.meta["version"] == 3
    assert topic.intro == "Inleiding."
    assert [s.anchor for s in topic.sections] == ["right-to-care", "costs"]
    assert topic.sections[0].body == "Ja.\n\n### Voorwaarden\n\n- een\n- twee"
    assert topic.sections[1].meta == {"machine_translated": True}


def test_writing_a_parsed_file_gives_back_the_same_bytes():
    assert dump_topic(parse_topic(DUTCH, "health-care", "nl", "x.md")) == DUTCH


def test_organisation_files_round_trip():
    dutch = "- slug: cak\n  name: CAK\n  topics:\n  - health-care\n  source_date: 2021-09-21\n  description: Betaalt.\n  version: 1\n"
    english = "cak:\n  description: Pays.\n  machine_translated: true\n  based_on: 1\n"
    assert dump_organisations(parse_organisations(dutch, "nl", "nl.yaml"), "nl") == dutch
    assert dump_organisations(parse_organisations(english, "en", "en.yaml"), "en") == english


def test_a_file_that_leaves_out_its_version_is_written_with_it():
    """Written by hand, a file may leave the versions out: they are 1, and the export
    states them, so a reviewer sees which Dutch text a translation is based on."""
    english = "---\ntitle: Care\nsummary: x\nmachine_translated: true\n---\n"
    assert dump_topic(parse_topic(english, "health-care", "en", "x.md")) == (
        "---\ntitle: Care\nsummary: x\nmachine_translated: true\nbased_on: 1\n---\n"
    )
    organisations = "cak:\n  description: Pays.\n"
    assert dump_organisations(parse_organisations(organisations, "en", "en.yaml"), "en") == (
        "cak:\n  description: Pays.\n  based_on: 1\n"
    )


def test_yaml_aliases_are_refused():
    """An alias of aliases of a few hundred bytes expands into gigabytes."""
    text = "---\ntitle: &a Zorg\nsummary: *a\n---\n"
    with pytest.raises(ContentFileError, match="anchors and aliases"):
        parse_topic(text, "health-care", "nl", "x.md")
    laughs = "- slug: &a cak\n  name: [*a, *a, *a]\n"
    with pytest.raises(ContentFileError, match="anchors and aliases"):
        parse_organisations(laughs, "nl", "nl.yaml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: Zorg\n", "must start with a front matter block"),
        ("---\ntitle: Zorg\nsummary: x\n", "not closed"),
        ("---\ntitle: [unclosed\n---\n", "not valid YAML"),
        ("---\ntitle: Zorg\n---\n", "“summary” is missing"),
        ("---\ntitle: Zorg\nsummary: x\ncolour: red\n---\n", "unknown field(s) colour"),
        ("---\ntitle: Zorg\nsummary: x\n---\n\n## Vraag zonder anker\n", "needs an anchor"),
        ("---\ntitle: Zorg\nsummary: x\n---\n\n## A {#a}\n\nx\n\n## B {#a}\n", "used twice"),
        ("---\ntitle: Zorg\nsummary: x\nsections:\n  nope: {}\n---\n", "not in the file: nope"),
    ],
)
def test_a_malformed_topic_file_says_what_to_fix(text, message):
    with pytest.raises(ContentFileError, match=r"x\.md") as error:
        parse_topic(text, "health-care", "nl", "x.md")
    assert message in str(error.value)


def test_the_line_of_a_bad_heading_is_reported():
    text = "---\ntitle: Zorg\nsummary: x\n---\n\nIntro\n\n## Geen anker\n"
    with pytest.raises(ContentFileError, match="line 8"):
        parse_topic(text, "health-care", "nl", "x.md")


def test_only_the_dutch_file_sets_the_topics_own_fields():
    text = "---\ntitle: Care\nsummary: x\nstatus: draft\n---\n"
    with pytest.raises(ContentFileError, match="unknown field"):
        parse_topic(text, "health-care", "en", "x.md")


def test_a_duplicate_organisation_is_refused():
    dutch = "- slug: cak\n  name: CAK\n- slug: cak\n  name: CAK\n"
    with pytest.raises(ContentFileError, match="used twice"):
        parse_organisations(dutch, "nl", "nl.yaml")
