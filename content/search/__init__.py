"""Search in the reader's own language.

**What is found.** Every published topic, each of its questions, and every
organisation, in each language it is written in (``SearchEntry``), kept in step with
every save by ``content/signals.py`` — in the same transaction, so an edit is found at
once by every worker and instance. ``manage.py rebuild_search_index`` builds it anew.

**How words are compared.** A word is lowercased, stemmed for its language (Snowball,
through PyStemmer: nl, en, es, fr, pt, ar, id; Tagalog has no stemmer and is only
folded), then folded: accents and other marks go, and Arabic loses its tashkeel and
writes alef, hamza, ta marbuta and alef maqsura one way. So ``ecole`` finds "école",
``huisartsen`` finds "huisarts" and ``محام`` finds "محامٍ". The query is stemmed for
each language of the reader's fallback chain, so that a Tagalog reader's English word
finds English text.

**How the database finds them.** Each database's own full-text search (migration
0005): SQLite's FTS5, PostgreSQL's ``tsvector``, over the words, matching whole words
and their beginnings. A word that finds nothing is looked for as part of words in a
second pass (SQLite's trigram FTS5 table; ``LIKE`` in PostgreSQL), so that ``arts``
still finds "huisarts".

**How results are ordered.** Most query words found first; then the reader's own
language before its fallbacks; then whole words before beginnings before parts, and
words in the title; then topics, questions, organisations. One result per topic,
question or organisation.

Nothing about a search is kept: the query is not logged, stored or sent anywhere, and
the results page is never cached (``content/views.py``).
"""

from content.search.finding import Result, search, snippet
from content.search.index import (
    index_organisation,
    index_question,
    index_topic,
    is_published,
    rebuild,
)
from content.search.words import clean_query, fold, term, terms

__all__ = [
    "Result",
    "clean_query",
    "fold",
    "index_organisation",
    "index_question",
    "index_topic",
    "is_published",
    "rebuild",
    "search",
    "snippet",
    "term",
    "terms",
]
