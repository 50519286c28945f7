"""Finding what the reader looked for, with each database's own full-text search, and
ordering it (see ``content/search/__init__.py``)."""

from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape
from markupsafe import Markup

from content.fallbacks import LANG_ATTRS
from content.models import PUBLISHED, Organisation, SearchEntry, Section, Topic
from content.search.words import WORD, fold, term
from guide.addresses import address
from guide.languages import fallback_chain

#: The most words of a query that are looked for.
MAX_WORDS = 8
#: A part of a word is looked for from this many letters on.
PART_LENGTH = 3
CANDIDATES = 200
RESULTS = 20
KIND_ORDER = [SearchEntry.Kind.TOPIC, SearchEntry.Kind.QUESTION, SearchEntry.Kind.ORGANISATION]


COLUMNS = """
    e.id, e.kind, e.language, e.title, e.context, e.text, e.title_terms, e.terms, e.folded,
    e.topic_id, e.section_id, e.organisation_id, t.slug AS topic_slug, t.kind AS topic_kind,
    s.anchor, o.slug AS organisation_slug
"""
JOINS = """
    LEFT JOIN {topics} t ON t.id = e.topic_id
    LEFT JOIN {sections} s ON s.id = e.section_id
    LEFT JOIN {organisations} o ON o.id = e.organisation_id
"""
#: Only what readers may see: an organisation, or a published topic and its questions.
VISIBLE = "(e.organisation_id IS NOT NULL OR t.status = %s)"

SQLITE_WORDS = """
    SELECT {columns} FROM {entries} e JOIN content_searchwords w ON w.rowid = e.id {joins}
    WHERE content_searchwords MATCH %s AND e.language IN ({languages}) AND {visible}
    ORDER BY bm25(content_searchwords) LIMIT {limit}
"""
SQLITE_PARTS = """
    SELECT {columns} FROM {entries} e JOIN content_searchparts p ON p.rowid = e.id {joins}
    WHERE content_searchparts MATCH %s AND e.language IN ({languages}) AND {visible}
    LIMIT {limit}
"""
POSTGRESQL_WORDS = """
    SELECT {columns} FROM {entries} e {joins}
    WHERE e.vector @@ to_tsquery('simple', %s) AND e.language IN ({languages}) AND {visible}
    ORDER BY ts_rank(e.vector, to_tsquery('simple', %s)) DESC LIMIT {limit}
"""
POSTGRESQL_PARTS = """
    SELECT {columns} FROM {entries} e {joins}
    WHERE ({likes}) AND e.language IN ({languages}) AND {visible}
    LIMIT {limit}
"""


def placeholders(values):
    return ", ".join(["%s"] * len(values))


def fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def sql(template, chain, **parts):
    return template.format(
        columns=COLUMNS,
        entries=SearchEntry._meta.db_table,
        joins=JOINS.format(
            topics=Topic._meta.db_table,
            sections=Section._meta.db_table,
            organisations=Organisation._meta.db_table,
        ),
        languages=placeholders(chain),
        visible=VISIBLE,
        limit=CANDIDATES,
        **parts,
    )


def by_words(stems, chain):
    """Entries with a word, or a word's beginning, among ``stems``."""
    if connection.vendor == "postgresql":
        query = " | ".join(f"'{stem}':*" for stem in stems)
        return fetch(sql(POSTGRESQL_WORDS, chain), [query, *chain, PUBLISHED["status"], query])
    query = " OR ".join(f'"{stem}"*' for stem in stems)
    return fetch(sql(SQLITE_WORDS, chain), [query, *chain, PUBLISHED["status"]])


def by_parts(parts, chain):
    """Entries with one of ``parts`` anywhere in a word."""
    if connection.vendor == "postgresql":
        likes = " OR ".join(["e.folded LIKE %s"] * len(parts))
        patterns = [f"%{part}%" for part in parts]  # \\w only: nothing to escape
        return fetch(
            sql(POSTGRESQL_PARTS, chain, likes=likes), [*patterns, *chain, PUBLISHED["status"]]
        )
    query = " OR ".join(f'"{part}"' for part in parts)
    return fetch(sql(SQLITE_PARTS, chain), [query, *chain, PUBLISHED["status"]])


@dataclass(frozen=True)
class Match:
    """How well one entry matches the query: for each word looked for, 3 when the entry
    has it whole, 2 a word beginning with it, 1 a word with it inside, 0 not at all;
    and how many of them are in its title."""

    scores: tuple
    in_title: int

    @property
    def coverage(self):
        return sum(1 for score in self.scores if score)

    @property
    def quality(self):
        return sum(self.scores)


def match(row, words):
    language = row["language"]
    found, title = set(row["terms"].split()), set(row["title_terms"].split())
    scores, in_title = [], 0
    for word in words:
        wanted = term(word, language)
        if wanted in found:
            score = 3
        elif any(candidate.startswith(wanted) for candidate in found):
            score = 2
        elif len(folded := fold(word)) >= PART_LENGTH and folded in row["folded"]:
            score = 1
        else:
            score = 0
        scores.append(score)
        in_title += bool(score) and any(candidate.startswith(wanted) for candidate in title)
    return Match(tuple(scores), in_title)


def matches_word(token, words, language):
    """Whether a word of a text is one the reader looked for (to mark it)."""
    token_term, token_folded = term(token, language), fold(token)
    for word in words:
        wanted = term(word, language)
        if token_term == wanted or token_term.startswith(wanted):
            return True
        if len(folded := fold(word)) >= PART_LENGTH and folded in token_folded:
            return True
    return False


def snippet(text, words, language, length=180):
    """A piece of ``text`` around the first word looked for, those words in ``<mark>``."""
    tokens = list(WORD.finditer(text))
    hits = [m for m in tokens if matches_word(m.group(), words, language)]
    start = 0
    if hits and hits[0].start() > length // 3:
        start = next(m.start() for m in tokens if m.end() > hits[0].start() - length // 3)
    end = len(text)
    if end - start > length:
        end = next((m.end() for m in tokens if m.end() >= start + length), end)
    pieces, position = [], start
    for hit in (m for m in hits if start <= m.start() and m.end() <= end):
        pieces += [escape(text[position : hit.start()]), f"<mark>{escape(hit.group())}</mark>"]
        position = hit.end()
    pieces.append(escape(text[position:end]))
    return Markup(
        ("… " if start > 0 else "") + "".join(pieces).strip() + (" …" if end < len(text) else "")
    )


@dataclass(frozen=True)
class Result:
    kind: str
    title: str
    context: str
    snippet: Markup
    url: str
    language: str
    is_fallback: bool

    @property
    def lang_attrs(self):
        return LANG_ATTRS[self.language] if self.is_fallback else ""


def url_of(row):
    """The result's address in the reader's language (the active one)."""
    if row["organisation_slug"]:
        return address("content:organisation", slug=row["organisation_slug"])
    if row["topic_kind"] == Topic.Kind.ABOUT:
        page = address("content:about")
    else:
        page = address("content:topic", slug=row["topic_slug"])
    return f"{page}#{row['anchor']}" if row["anchor"] else page


def item_of(row):
    """What a result is about: one result each, in the best language found."""
    return (row["kind"], row["section_id"] or row["topic_id"] or row["organisation_id"])


def search(query, language):
    """The results for ``query`` (from ``clean_query``) for a reader of ``language``."""
    words = list(dict.fromkeys(word.casefold() for word in WORD.findall(query)))[:MAX_WORDS]
    if not words:
        return []
    chain = fallback_chain(language)
    stems = sorted({stem for word in words for code in chain if (stem := term(word, code))})
    rows = {row["id"]: row for row in by_words(stems, chain)} if stems else {}
    scored = {id_: match(row, words) for id_, row in rows.items()}
    # Words that no entry has whole or as a beginning: look for them inside words.
    found = {i for m in scored.values() for i, score in enumerate(m.scores) if score >= 2}
    parts = sorted(
        {fold(word) for i, word in enumerate(words) if i not in found}
        - {part for part in map(fold, words) if len(part) < PART_LENGTH}
    )
    for row in by_parts(parts, chain) if parts else []:
        if row["id"] not in rows:
            rows[row["id"]] = row
            scored[row["id"]] = match(row, words)
    ordered = sorted(
        (row for row in rows.values() if scored[row["id"]].coverage),
        key=lambda row: (
            -scored[row["id"]].coverage,
            chain.index(row["language"]),
            -scored[row["id"]].quality,
            -scored[row["id"]].in_title,
            KIND_ORDER.index(row["kind"]),
            # The same order on every database, whatever order its search returned.
            row["title"].casefold(),
            url_of(row),
        ),
    )
    results, seen = [], set()
    for row in ordered:
        if item_of(row) in seen:
            continue
        seen.add(item_of(row))
        results.append(
            Result(
                kind=row["kind"],
                title=row["title"],
                context=row["context"],
                snippet=snippet(row["text"], words, row["language"]),
                url=url_of(row),
                language=row["language"],
                is_fallback=row["language"] != language,
            )
        )
        if len(results) == RESULTS:
            break
    return results
