"""What a topic page shows, read in three plain SQL queries; organisation listings.

Readers' pages only read, and a topic page is the one readers open most. Building
the ORM's queries for its texts, questions and organisations, and parler and
modeltranslation instances from the rows, took longer than everything else the page
does; it matters whenever a page is not in the page cache, right after an edit most
of all (issue 7). So the topic page reads its texts with SQL written out here, which
both SQLite and PostgreSQL run as it stands, and gets plain values back, converted as
the model fields convert them. Every query takes its values as parameters. Editors'
screens, commands and the other pages keep working with the ORM.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.db import connection
from modeltranslation.utils import build_localized_fieldname as localized

from content.fallbacks import pick
from content.models import Organisation, Section, SectionTranslation, TopicTranslation
from guide.languages import fallback_chain

#: An organisation's details, the same in every language.
LISTING_DETAILS = ("slug", "name", "website", "phone", "email", "changed_on")
#: An organisation's description in one language, with what freshness compares.
DESCRIPTION_FIELDS = ("description", "machine_translated", "source_version")

TOPIC_TEXTS = """
    SELECT language_code, title, summary, intro_html,
           machine_translated, source_version, changed_on
    FROM content_topictranslation
    WHERE master_id = %s
"""

ANSWERS = """
    SELECT question.anchor, answer.language_code, answer.heading, answer.body_html,
           answer.machine_translated, answer.source_version, answer.changed_on
    FROM content_section question
    JOIN content_sectiontranslation answer ON answer.master_id = question.id
    WHERE question.topic_id = %s AND answer.language_code IN ({languages})
    ORDER BY question.position, question.id
"""

TOPIC_ORGANISATIONS = """
    SELECT {columns}
    FROM content_organisation organisation
    JOIN content_organisation_topics link ON link.organisation_id = organisation.id
    WHERE link.topic_id = %s
    ORDER BY organisation.name, organisation.id
"""


def fetch(sql, params, *models):
    """The rows of ``sql`` as namespaces, each value converted by the field of
    ``models`` its column belongs to (SQLite returns dates as text and booleans as
    numbers)."""
    fields = {field.column: field for model in models for field in model._meta.concrete_fields}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        convert = [fields[name].to_python for name in names]
        return [
            SimpleNamespace(
                **{
                    name: to_python(value)
                    for name, to_python, value in zip(names, convert, row, strict=True)
                }
            )
            for row in cursor.fetchall()
        ]


def topic_texts(topic):
    """``{language: text}``: the topic's title, summary and introduction in every
    language it has them in."""
    return {row.language_code: row for row in fetch(TOPIC_TEXTS, [topic.pk], TopicTranslation)}


@dataclass(frozen=True)
class Question:
    """Where a question is: on its topic's page, at its anchor."""

    topic: object
    anchor: str

    def get_absolute_url(self):
        return f"{self.topic.get_absolute_url()}#{self.anchor}"


def answers(topic, language_code):
    """``[(Question, Shown)]``: a topic's questions in order, each in the first language
    of the reader's fallback chain that has it."""
    chain = fallback_chain(language_code)
    sql = ANSWERS.format(languages=", ".join(["%s"] * len(chain)))
    texts = {}  # anchor → {language: text}, in the order of the page
    for row in fetch(sql, [topic.pk, *chain], Section, SectionTranslation):
        texts.setdefault(row.anchor, {})[row.language_code] = row
    shown_answers = []
    for anchor, by_language in texts.items():
        question = Question(topic, anchor)
        shown = pick(by_language, language_code, question)
        if shown:
            shown_answers.append((question, shown))
    return shown_answers


class Listing(SimpleNamespace):
    """An organisation as a list of them shows it: its details, and its description in
    the languages the reader may be shown, named as on the model (``pick_description``
    reads either)."""

    get_absolute_url = Organisation.get_absolute_url


def listing_columns(language_code):
    return [
        *LISTING_DETAILS,
        *(
            localized(name, code)
            for code in fallback_chain(language_code)
            for name in DESCRIPTION_FIELDS
        ),
    ]


def listings(organisations, language_code):
    """The organisations of a queryset as ``Listing`` objects, in one query."""
    return [Listing(**row) for row in organisations.values(*listing_columns(language_code))]


def topic_listings(topic, language_code):
    """The organisations listed on a topic's page, by name, as ``Listing`` objects."""
    columns = ", ".join(f"organisation.{name}" for name in listing_columns(language_code))
    sql = TOPIC_ORGANISATIONS.format(columns=columns)
    return [Listing(**vars(row)) for row in fetch(sql, [topic.pk], Organisation)]
