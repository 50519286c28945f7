"""Choosing which language to show a piece of content in, and saying so.

Content missing in the reader's language is shown in the first fallback that has it
(``guide.languages.fallback_chain``: requested → English → Dutch). What the page gets
back, ``Shown``, knows the language actually used — so the block can carry its own
``lang``/``dir`` — and whether that text is machine-assisted or outdated, so the page
can tell the reader.
"""

from dataclasses import dataclass, replace

from django.utils.html import format_html
from django.utils.translation import override

from content.freshness import State, organisation_text, parler_texts, state
from guide.languages import BY_CODE, SOURCE_LANGUAGE, fallback_chain

LANG_ATTRS = {
    code: format_html(' lang="{}" dir="{}"', code, language.direction)
    for code, language in BY_CODE.items()
}


@dataclass(slots=True)
class Shown:
    """A text as the reader gets it. Its fields (``title``, ``body`` …) read through."""

    row: object  # the translation row, or an organisation's ``Text``
    language_code: str
    machine_translated: bool
    outdated: bool
    dutch_changed_on: object  # a date, or None when unknown
    shown_on: object  # the topic, question or organisation whose text this is
    is_fallback: bool = False  # shown in another language than the reader's

    def __getattr__(self, name):
        return getattr(self.row, name)

    # What pages read most, without ``__getattr__``'s detour through a failed lookup.
    title = property(lambda self: self.row.title)
    summary = property(lambda self: self.row.summary)
    intro_html = property(lambda self: self.row.intro_html)
    heading = property(lambda self: self.row.heading)
    body_html = property(lambda self: self.row.body_html)
    description = property(lambda self: self.row.description)

    @property
    def lang_attrs(self):
        """``lang``/``dir`` attributes for the block, when it is in another language
        than the page around it."""
        return LANG_ATTRS.get(self.language_code, "") if self.is_fallback else ""

    @property
    def dutch_url(self):
        """Where the reader finds the Dutch text (only needed when it is outdated)."""
        with override(SOURCE_LANGUAGE):
            return self.shown_on.get_absolute_url()


def _shown(text, source, shown_on, requested):
    return Shown(
        row=text,
        language_code=text.language_code,
        machine_translated=text.machine_translated,
        outdated=state(text, source) == State.OUTDATED,
        dutch_changed_on=getattr(source, "changed_on", None),
        shown_on=shown_on,
        is_fallback=text.language_code != requested,
    )


def pick(texts, language_code, shown_on):
    """Of ``{language: text}``, the text to show for ``language_code``, or ``None``.

    A text is anything with ``language_code``, ``machine_translated``,
    ``source_version`` and ``changed_on``: a parler translation row, or plain values
    (``content.reading``). ``shown_on`` is the topic or question the texts belong to.
    """
    for code in fallback_chain(language_code):
        if code in texts:
            return _shown(texts[code], texts.get(SOURCE_LANGUAGE), shown_on, language_code)
    return None


def pick_translation(obj, language_code):
    """The translation of a topic or question to show for ``language_code``.

    Reads ``obj.translations.all()``, so a queryset that prefetched translations
    costs no further queries.
    """
    return pick(parler_texts(obj), language_code, obj)


def pick_description(organisation, language_code):
    source = organisation_text(organisation, SOURCE_LANGUAGE)
    for code in fallback_chain(language_code):
        text = source if code == SOURCE_LANGUAGE else organisation_text(organisation, code)
        if text:
            return _shown(text, source, organisation, language_code)
    return None


def page_notice(shown_texts, language_code):
    """One notice for a list of texts: machine-assisted if any in the reader's language is."""
    machine = any(
        text.machine_translated
        for text in shown_texts
        if text and text.language_code == language_code
    )
    return Shown(None, language_code, machine, False, None, None)


def topic_page_notice(shown, answers):
    """What a topic page says once, at its top: its title's notices, and that it was
    machine-assisted if its title or any of its questions was, so that no question
    repeats that."""
    machine = shown.machine_translated or any(answer.machine_translated for answer in answers)
    return replace(shown, machine_translated=machine)


def notices(shown, said=()):
    """Which notices a block needs, as ``(fallback, outdated, machine)``: what it is,
    less what the notices in ``said`` (shown around it on the page) already say."""
    return (
        shown.is_fallback
        and not any(n.is_fallback and n.language_code == shown.language_code for n in said),
        shown.outdated and not any(n.outdated for n in said),
        shown.machine_translated and not any(n.machine_translated for n in said),
    )
