"""What readers' pages show of topics, questions and organisations, read in plain SQL.

Readers' pages only read, and a topic page is the one readers open most. Building
the ORM's queries for its texts, questions and organisations, and parler and
modeltranslation instances from the rows, took longer than everything else the page
does; it matters whenever a page is not in the page cache, right after an edit most
of all (issue 7). So the topic page, the home page and the organisation list read
with SQL written out here, which SQLite and PostgreSQL both run as it stands, and get
plain values back: dates and booleans as Python values from either database. Every
query takes its values as parameters. Editors' screens and commands keep working with the ORM.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.db import connection

from content.fallbacks import pick
from content.freshness import DESCRIPTION_NAMES
from content.models import (
    LISTED,
    PUBLISHED,
    Organisation,
    Section,
    SectionTranslation,
    Topic,
    TopicTranslation,
)
from guide.addresses import addresses
from guide.languages import fallback_chain

#: An organisation's details, the same in every language.
LISTING_DETAILS = ("slug", "name", "website", "phone", "email", "changed_on")

#: The tables, as the models name them.
TABLES = {
    "topics": Topic._meta.db_table,
    "topic_texts": TopicTranslation._meta.db_table,
    "questions": Section._meta.db_table,
    "answers": SectionTranslation._meta.db_table,
    "organisations": Organisation._meta.db_table,
    "links": Organisation.topics.through._meta.db_table,
}
#: The topic's own columns: the only names ``topic(**conditions)`` accepts.
TOPIC_COLUMNS = {field.column for field in Topic._meta.concrete_fields}
#: The topic's columns come with a prefix, so that none can collide with its texts'.
TOPIC_PREFIX = "topic_"

TOPIC = """
    SELECT {topic_columns}, text.language_code, text.title, text.summary, text.intro_html,
           text.machine_translated, text.source_version, text.changed_on
    FROM {topics} topic
    JOIN {topic_texts} text ON text.master_id = topic.id
    WHERE {conditions}
    ORDER BY topic.position, topic.slug
"""

TOPIC_SUMMARIES = """
    SELECT topic.id, topic.slug, topic.icon, text.language_code, text.title, text.summary,
           text.machine_translated, text.source_version, text.changed_on
    FROM {topics} topic
    JOIN {topic_texts} text ON text.master_id = topic.id
    WHERE {conditions} AND text.language_code IN ({languages})
    ORDER BY topic.position, topic.slug
"""

ANSWERS = """
    SELECT question.anchor, answer.language_code, answer.heading, answer.body_html,
           answer.machine_translated, answer.source_version, answer.changed_on
    FROM {questions} question
    JOIN {answers} answer ON answer.master_id = question.id
    WHERE question.topic_id = %s AND answer.language_code IN ({languages})
    ORDER BY question.position, question.id
"""

TOPIC_ORGANISATIONS = """
    SELECT {columns}
    FROM {organisations} organisation
    JOIN {links} link ON link.organisation_id = organisation.id
    WHERE link.topic_id = %s
    ORDER BY organisation.name, organisation.id
"""


def fetch(sql, params, make=SimpleNamespace):
    """The rows of ``sql``, each as ``make(column=value, …)``, of Python values: both
    databases' drivers give dates and booleans (Django has SQLite convert columns by
    their declared type)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
    return [make(**dict(zip(names, row, strict=True))) for row in rows]


def placeholders(values):
    return ", ".join(["%s"] * len(values))


def where(conditions):
    """``topic.<column> = %s AND …`` and its parameters. A name is written into the SQL,
    so only the topic's own columns are accepted, never a name from elsewhere."""
    unknown = set(conditions) - TOPIC_COLUMNS
    if unknown:
        raise ValueError(f"Not a column of the topics: {', '.join(sorted(unknown))}")
    sql = " AND ".join(f"topic.{column} = %s" for column in conditions) or "1 = 1"
    return sql, [str(value) for value in conditions.values()]


def grouped_by_language(rows, key):
    """``{key: {language: row}}``, in the order of the rows."""
    grouped = {}
    for row in rows:
        grouped.setdefault(getattr(row, key), {})[row.language_code] = row
    return grouped


def topic(**conditions):
    """``(topic, {language: text})``: the topic that meets ``conditions`` (column=value,
    as ``slug="health-care", status="published"``), with its title, summary and
    introduction in every language it has them in; ``(None, {})`` when there is none.
    Of several, the first in the topics' order."""
    fields = Topic._meta.concrete_fields
    conditions_sql, params = where(conditions)
    sql = TOPIC.format(
        topic_columns=", ".join(
            f"topic.{field.column} AS {TOPIC_PREFIX}{field.column}" for field in fields
        ),
        conditions=conditions_sql,
        **TABLES,
    )
    rows = fetch(sql, params)
    if not rows:
        return None, {}
    first = vars(rows[0])
    found = Topic.from_db(
        connection.alias,
        [field.attname for field in fields],
        [first[TOPIC_PREFIX + field.column] for field in fields],
    )
    return found, grouped_by_language(rows, TOPIC_PREFIX + "id")[found.pk]


class TopicSummary(SimpleNamespace):
    """A topic as the list of topics shows it: ``slug``, ``kind``, ``icon``, ``url`` in
    the reader's language, and ``shown``, its title and summary as the reader gets them."""

    get_absolute_url = Topic.get_absolute_url  # in the active language


def topic_summaries(language_code):
    """The published topics in their order, as ``TopicSummary`` objects, in one query."""
    chain = fallback_chain(language_code)
    conditions_sql, params = where(PUBLISHED | LISTED)
    sql = TOPIC_SUMMARIES.format(conditions=conditions_sql, languages=placeholders(chain), **TABLES)
    texts = grouped_by_language(fetch(sql, [*params, *chain]), "slug")
    urls = addresses(("content:topic", {"slug": slug}) for slug in texts)
    summaries = []
    for by_language, url in zip(texts.values(), urls, strict=True):
        first = next(iter(by_language.values()))
        summary = TopicSummary(
            pk=first.id, slug=first.slug, kind=Topic.Kind.TOPIC, icon=first.icon, url=url
        )
        summary.shown = pick(by_language, language_code, summary)
        summaries.append(summary)
    return summaries


@dataclass(frozen=True)
class Question:
    """Where a question is: on its topic's page, at its anchor."""

    topic: object
    anchor: str

    get_absolute_url = Section.get_absolute_url


def answers(topic, language_code):
    """``[(Question, Shown)]``: a topic's questions in order, each in the first language
    of the reader's fallback chain that has it."""
    chain = fallback_chain(language_code)
    sql = ANSWERS.format(languages=placeholders(chain), **TABLES)
    texts = grouped_by_language(fetch(sql, [topic.pk, *chain]), "anchor")
    shown_answers = []
    for anchor, by_language in texts.items():
        question = Question(topic, anchor)
        shown = pick(by_language, language_code, question)
        if shown:
            shown_answers.append((question, shown))
    return shown_answers


class Listing(SimpleNamespace):
    """An organisation as a list of them shows it: its details, its ``url`` in the
    reader's language, and its description in the languages the reader may be shown,
    named as on the model (``pick_description`` reads either)."""

    get_absolute_url = Organisation.get_absolute_url  # in the active language


def listing_columns(language_code):
    descriptions = (DESCRIPTION_NAMES[code] for code in fallback_chain(language_code))
    return [*LISTING_DETAILS, *(name for names in descriptions for name in names)]


def as_listings(rows):
    urls = addresses(("content:organisation", {"slug": row["slug"]}) for row in rows)
    return [Listing(**row, url=url) for row, url in zip(rows, urls, strict=True)]


def listings(organisations, language_code):
    """The organisations of a queryset as ``Listing`` objects, in one query."""
    return as_listings(list(organisations.values(*listing_columns(language_code))))


def topic_listings(topic, language_code):
    """The organisations listed on a topic's page, by name, as ``Listing`` objects."""
    columns = ", ".join(f"organisation.{name}" for name in listing_columns(language_code))
    sql = TOPIC_ORGANISATIONS.format(columns=columns, **TABLES)
    return as_listings(fetch(sql, [topic.pk], make=dict))
