"""Template helpers for showing content in the reader's language, honestly."""

import re
from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from content.fallbacks import pick_description, pick_translation
from guide.languages import BY_CODE

register = template.Library()


@register.filter
def in_reader_language(obj):
    """The translation of a topic or question to show: the reader's, or a fallback."""
    return pick_translation(obj, get_language())


@register.filter
def description(organisation):
    return pick_description(organisation, get_language())


@register.simple_tag
def lang_attrs(language_code):
    """``lang``/``dir`` attributes for a block shown in another language than the page."""
    if language_code == get_language() or language_code not in BY_CODE:
        return ""
    return format_html(' lang="{}" dir="{}"', language_code, BY_CODE[language_code].direction)


@register.inclusion_tag("includes/translation_notice.html")
def translation_notice(shown, like=None):
    """One line saying a text is a fallback or was machine-assisted; nothing otherwise.

    ``shown`` is what ``in_reader_language`` or ``description`` returned. Pass the
    page's own text as ``like`` to stay silent where a block is in the same state as
    the page around it, which already said so once.
    """
    if not shown or (
        like
        and like.language_code == shown.language_code
        and like.machine_translated == shown.machine_translated
    ):
        return {}
    return {
        "shown_language": gettext(BY_CODE[shown.language_code].name),
        "is_fallback": shown.language_code != get_language(),
        "machine_translated": shown.machine_translated,
    }


@register.filter
def domain(url):
    """``https://www.example.org/a/b`` → ``example.org``: where a link goes, in short."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


@register.filter
def tel(phone):
    """A phone number as a ``tel:`` URL wants it: digits and a leading plus."""
    return re.sub(r"[^\d+]", "", phone)
