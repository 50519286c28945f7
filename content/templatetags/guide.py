"""Template helpers for showing content in the reader's language, honestly."""

import functools
import re
from urllib.parse import urlsplit

import segno
from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from content.fallbacks import pick_description, pick_translation
from content.models import Topic
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


@register.simple_tag
def translation_notice(shown, like=None):
    """A line for each thing the reader should know about a text; nothing otherwise.

    ``shown`` is what ``in_reader_language`` or ``description`` returned. Pass the
    page's own text as ``like`` to stay silent where a block is in the same state as
    the page around it, which already said so once.
    """
    is_fallback = bool(shown) and shown.language_code != get_language()
    if not shown or (like and like.notice_key == shown.notice_key):
        return ""
    if not (is_fallback or shown.outdated or shown.machine_translated):
        return ""
    context = {
        "shown": shown,
        "shown_language": gettext(BY_CODE[shown.language_code].name),
        "is_fallback": is_fallback,
    }
    return render_to_string("includes/translation_notice.html", context)


@register.simple_tag(takes_context=True)
def nav_link(context, view_name, label):
    """A link to a page of the site, marked as the current page where it is."""
    match = context["request"].resolver_match
    if match and match.view_name == view_name:
        return format_html('<a href="{}" aria-current="page">{}</a>', reverse(view_name), label)
    return format_html('<a href="{}">{}</a>', reverse(view_name), label)


@register.simple_tag
def topic_icon(topic):
    """The topic's inline SVG icon (decorative: hidden from screen readers)."""
    name = topic.icon if topic.icon in Topic.Icon.values else Topic.Icon.INFO
    return render_to_string(f"includes/icons/{name}.svg")


@register.simple_tag(takes_context=True)
def qr_code(context):
    """This page's address as an inline SVG QR code, for printed handouts."""
    return mark_safe(qr_svg(context["request"].build_absolute_uri(context["request"].path)))


@functools.lru_cache(maxsize=4096)
def qr_svg(url):
    # Drawing a code takes milliseconds; a page's address always gives the same one.
    # segno writes only its own elements and path data: safe to mark safe.
    return segno.make(url, error="m").svg_inline(scale=3, border=2)


@register.filter
def domain(url):
    """``https://www.example.org/a/b`` → ``example.org``: where a link goes, in short."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


@register.filter
def tel(phone):
    """A phone number as a ``tel:`` URL wants it: digits and a leading plus."""
    return re.sub(r"[^\d+]", "", phone)
