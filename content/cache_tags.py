"""The names of what pages show, for the page cache (``guide/page_cache.py``).

Views say which of these a page depends on; ``content/signals.py`` says which an edit
moves on. Both use these names, so that they cannot drift apart.
"""

from content.models import Topic

#: Every list of topic titles: the home page, the organisations' filter and pages, the sitemap.
TOPICS = "topics"
#: The background page (``/<lang>/about/``), whichever topic is it.
ABOUT = "about"
#: The organisation list and the sitemap.
ORGANISATIONS = "organisations"


def topic(slug):
    """A topic's page, with the cards of its organisations."""
    return f"topic:{slug}"


def organisation(slug):
    """An organisation's page."""
    return f"organisation:{slug}"


def of_topic(slug, kind, *, listed):
    """The tags of the pages that show a topic with this slug and kind; with ``listed``,
    the lists of topics too (its title, summary, status or order changed)."""
    tags = {topic(slug)}
    if kind == Topic.Kind.ABOUT:
        tags.add(ABOUT)
    if listed:
        tags.add(TOPICS)
    return tags
