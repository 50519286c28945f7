"""The texts a translator gets: one unit per translated field, by a stable id.

A unit's id names its text by slug and anchor, never by a database key, so a file made
today still fits after the content was loaded into another database:

- ``health-care.title``, ``health-care.summary``, ``health-care.intro``: a topic;
- ``health-care#right-to-care.heading``, ``….body``: one of its questions;
- ``kruispost.description``: an organisation's description.

The field names tell the three apart, so an id means the same in whichever file it
stands. A *row* is what records one Dutch version for its translation (a topic's
title, summary and introduction together; a question; a description): its units are
exported, checked and saved together.
"""

import re
from dataclasses import dataclass

from content.freshness import DESCRIPTION_NAMES, organisation_text, parler_texts, state
from content.models import Organisation, SectionTranslation, TopicTranslation
from content.sync import topic_queryset
from guide.languages import SOURCE_LANGUAGE

TOPIC_FIELDS = ("title", "summary", "intro")
QUESTION_FIELDS = ("heading", "body")
ORGANISATION_FIELDS = ("description",)

ID = re.compile(r"(?P<row>[-\w]+(?:#[-\w]+)?)\.(?P<field>\w+)")


def unit_id(row_key, field_name):
    return f"{row_key}.{field_name}"


def split_id(text):
    """``("health-care#costs", "body")`` for ``health-care#costs.body``, else None."""
    match = ID.fullmatch(text)
    return (match["row"], match["field"]) if match else None


@dataclass
class Row:
    """One translated text in ``language``, beside its Dutch.

    ``fields`` are the fields a file carries: all of them, but for a topic's
    introduction when the Dutch has none. ``translation`` is ``None`` while there is
    no translation yet. ``target`` is the object an import changes and saves, and
    ``owner`` the topic or organisation whose history records it.
    """

    key: str
    language: str
    known_fields: tuple
    fields: tuple
    dutch: dict
    version: int
    state: str
    translation: dict | None
    machine_translated: bool
    based_on: int | None
    target: object
    owner: object

    def unit_ids(self):
        return [unit_id(self.key, name) for name in self.fields]

    def assign(self, texts, *, machine_translated, based_on):
        """Put an imported translation on ``target``, unsaved."""
        for name, text in texts.items():
            setattr(self.target, name, text)
        self.target.machine_translated = machine_translated
        self.target.source_version = based_on

    def validate(self):
        """The model's own rules (``full_clean``), as the admin and ``load_content`` apply them."""
        self.target.full_clean()

    def field_of(self, name):
        """The unit field a validation message about model field ``name`` is about."""
        return name if name in self.known_fields else None


class OrganisationRow(Row):
    """An organisation's description: columns of the organisation (modeltranslation)."""

    def assign(self, texts, *, machine_translated, based_on):
        description, machine, version = DESCRIPTION_NAMES[self.language]
        setattr(self.target, description, texts["description"])
        setattr(self.target, machine, machine_translated)
        setattr(self.target, version, based_on)

    def validate(self):
        # Only this language's columns: the rest of the organisation is not the import's.
        own = DESCRIPTION_NAMES[self.language]
        others = [field.name for field in Organisation._meta.fields if field.name not in own]
        self.target.clean_fields(exclude=others)

    def field_of(self, name):
        return "description" if name == DESCRIPTION_NAMES[self.language][0] else None


def _parler_row(key, language, known_fields, texts, new_translation, owner):
    """A row of a parler model from ``texts`` (``{language: translation row}``)."""
    dutch, own = texts[SOURCE_LANGUAGE], texts.get(language)
    return Row(
        key=key,
        language=language,
        known_fields=known_fields,
        fields=tuple(name for name in known_fields if getattr(dutch, name)),
        dutch={name: getattr(dutch, name) for name in known_fields},
        version=dutch.source_version,
        state=state(own, dutch),
        translation=None if own is None else {name: getattr(own, name) for name in known_fields},
        machine_translated=own is not None and own.machine_translated,
        based_on=None if own is None else own.source_version,
        target=own or new_translation,
        owner=owner,
    )


def topic_rows(topic, language):
    """The topic's row and its questions' rows (``topic`` from ``topic_queryset``)."""
    texts = parler_texts(topic)
    if SOURCE_LANGUAGE not in texts:
        return []
    new = TopicTranslation(master=topic, language_code=language)
    rows = [_parler_row(topic.slug, language, TOPIC_FIELDS, texts, new, topic)]
    for section in topic.sections.all():
        answers = parler_texts(section)
        if SOURCE_LANGUAGE in answers:
            key = f"{topic.slug}#{section.anchor}"
            new = SectionTranslation(master=section, language_code=language)
            rows.append(_parler_row(key, language, QUESTION_FIELDS, answers, new, topic))
    return rows


def organisation_rows(language):
    rows = []
    for organisation in Organisation.objects.order_by("slug"):
        dutch = organisation_text(organisation, SOURCE_LANGUAGE)
        own = organisation_text(organisation, language)
        if dutch is None:
            continue
        rows.append(
            OrganisationRow(
                key=organisation.slug,
                language=language,
                known_fields=ORGANISATION_FIELDS,
                fields=ORGANISATION_FIELDS,
                dutch={"description": dutch.description},
                version=dutch.source_version,
                state=state(own, dutch),
                translation=None if own is None else {"description": own.description},
                machine_translated=own is not None and own.machine_translated,
                based_on=None if own is None else own.source_version,
                target=organisation,
                owner=organisation,
            )
        )
    return rows


def topics_with_texts(topics=None):
    """``topics`` (a queryset; every topic when None) with the texts rows read."""
    queryset = topic_queryset()
    return queryset if topics is None else queryset.filter(pk__in=topics.values("pk"))


def rows_by_unit_id(language):
    """``{unit id: (row, field)}`` for every text there is to translate into ``language``."""
    rows = [row for topic in topics_with_texts() for row in topic_rows(topic, language)]
    rows += organisation_rows(language)
    return {unit_id(row.key, name): (row, name) for row in rows for name in row.known_fields}
