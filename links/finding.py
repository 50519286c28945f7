"""Where the guide links to other sites: every web address a reader can follow.

Links are read as readers get them: from the Markdown texts as the guide's own
Markdown set-up parses them (``content/markdown.py``: ``[text](address)``, reference
links and ``<address>`` alike; an address merely written in a sentence is no link),
and from the address fields (a topic's official source, an organisation's website).
Only http(s) links count: ``mailto:`` and ``tel:`` open an app, not a page.
"""

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db.models import Prefetch
from modeltranslation.utils import build_localized_fieldname as localized

from content.markdown import markdown_tokens
from content.models import Organisation, Section, Topic
from guide.languages import CODES

WEB_SCHEMES = {"http", "https"}
#: Longer addresses are not stored (nor checked): no real page has one.
MAX_URL_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class Place:
    """A field that holds a link: of a topic, a question (with its topic) or an
    organisation, in one language, or in none for a field that every language shares."""

    field: str
    language: str = ""
    topic_id: int | None = None
    section_id: int | None = None
    organisation_id: int | None = None


@dataclass(frozen=True, slots=True)
class Text:
    """One field that may hold links, on the object that saves it."""

    obj: object
    attribute: str
    markdown: bool
    place: Place

    @property
    def value(self):
        return getattr(self.obj, self.attribute) or ""

    def links(self):
        if self.markdown:
            return web_links(self.value)
        return [self.value] if is_web_address(self.value) else []


def is_web_address(url):
    return urlsplit(url).scheme.lower() in WEB_SCHEMES and len(url) <= MAX_URL_LENGTH


def _hrefs(tokens):
    for token in tokens:
        if token.type == "link_open":
            yield token.attrGet("href") or ""
        if token.children:
            yield from _hrefs(token.children)


def web_links(markdown):
    """The web addresses ``markdown`` links to, in order, each once."""
    return [
        href for href in dict.fromkeys(_hrefs(markdown_tokens(markdown))) if is_web_address(href)
    ]


def texts(*, published_only=True):
    """Every field that may hold a link: of published topics (or of all topics) with
    their questions, in every language they have, and of every organisation (all of
    them are public)."""
    topics = Topic.objects.published() if published_only else Topic.objects.all()
    topics = topics.prefetch_related(
        "translations", Prefetch("sections", queryset=Section.objects.with_translations())
    )
    for topic in topics:
        yield Text(topic, "source_url", False, Place("source_url", topic_id=topic.pk))
        for row in topic.translations.all():
            place = Place("intro", row.language_code, topic_id=topic.pk)
            yield Text(row, "intro", True, place)
        for section in topic.sections.all():
            for row in section.translations.all():
                place = Place("body", row.language_code, topic_id=topic.pk, section_id=section.pk)
                yield Text(row, "body", True, place)
    for organisation in Organisation.objects.all():
        place = Place("website", organisation_id=organisation.pk)
        yield Text(organisation, "website", False, place)
        for code in CODES:
            place = Place("description", code, organisation_id=organisation.pk)
            yield Text(organisation, localized("description", code), True, place)


def links_found(found_in):
    """``{address: [Place, …]}`` for the links in the ``Text``s ``found_in``."""
    places = defaultdict(list)
    for text in found_in:
        for url in text.links():
            places[url].append(text.place)
    return dict(places)
