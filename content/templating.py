"""The Jinja2 environment for the readers' pages (templates in ``templates/readers/``).

Readers' pages are rendered by Jinja2, which compiles templates to Python: a topic
page renders several times faster than with Django's template engine, and that is
what a reader waits for whenever a page is not in the page cache (issue 7). The
admin keeps Django's templates.

Interface text is written ``{{ _("…") }}``, which ``makemessages`` reads in
Jinja2 templates as it does in Django's. Text with values in it is formatted
after translating: ``{{ _("Page %(number)s of %(total)s")|format(number=n, total=t) }}``
(``|safe`` before ``|format`` for a translation that holds a link: the values are
still escaped). Plural forms are chosen in Python, with ``ngettext``.
"""

import functools
import re
from urllib.parse import urlsplit

import segno
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, gettext_lazy
from jinja2 import Environment, pass_context, pass_environment
from markupsafe import Markup

from content.fallbacks import pick_description, pick_translation
from content.models import Topic
from guide.languages import BY_CODE

#: The links at the foot of every page.
FOOTER_LINKS = [
    ("content:home", gettext_lazy("All topics")),
    ("content:organisations", gettext_lazy("Organisations")),
    ("content:about", gettext_lazy("About undocumented Amsterdammers")),
    ("content:privacy", gettext_lazy("Privacy")),
    ("content:accessibility", gettext_lazy("Accessibility")),
]


def environment(**options):
    env = Environment(**options)
    env.globals.update(
        _=gettext,
        static=static,
        url=url,
        FOOTER_LINKS=FOOTER_LINKS,
        get_language=get_language,
        language_name=language_name,
        language_direction=language_direction,
        lang_attrs=lang_attrs,
        nav_link=nav_link,
        topic_icon=topic_icon,
        qr_code=qr_code,
    )
    env.filters.update(
        date=date,
        domain=domain,
        tel=tel,
        linebreaksbr=linebreaksbr,
        in_reader_language=in_reader_language,
        description=description,
    )
    return env


def url(view_name, *args):
    return reverse(view_name, args=args)


def language_name(code):
    """A language's English name, translated into the reader's language."""
    return gettext(BY_CODE[code].name)


def language_direction(code):
    language = BY_CODE.get(code)
    return language.direction if language else "ltr"


def in_reader_language(obj):
    """The translation of a topic or question to show: the reader's, or a fallback."""
    return pick_translation(obj, get_language())


def description(organisation):
    return pick_description(organisation, get_language())


def lang_attrs(language_code):
    """``lang``/``dir`` attributes for a block shown in another language than the page."""
    if language_code == get_language() or language_code not in BY_CODE:
        return ""
    return format_html(' lang="{}" dir="{}"', language_code, BY_CODE[language_code].direction)


@pass_context
def nav_link(context, view_name, label):
    """A link to a page of the site, marked as the current page where it is."""
    match = context["request"].resolver_match
    if match and match.view_name == view_name:
        return format_html('<a href="{}" aria-current="page">{}</a>', reverse(view_name), label)
    return format_html('<a href="{}">{}</a>', reverse(view_name), label)


@pass_environment
def topic_icon(env, topic):
    """The topic's inline SVG icon (decorative: hidden from screen readers)."""
    name = topic.icon if topic.icon in Topic.Icon.values else Topic.Icon.INFO
    return Markup(env.get_template(f"includes/icons/{name}.svg").render())


@pass_context
def qr_code(context):
    """This page's address as an inline SVG QR code, for printed handouts."""
    request = context["request"]
    return Markup(qr_svg(request.build_absolute_uri(request.path)))


@functools.lru_cache(maxsize=4096)
def qr_svg(url):
    # Drawing a code takes milliseconds; a page's address always gives the same one.
    # segno writes only its own elements and path data: safe to mark safe.
    return segno.make(url, error="m").svg_inline(scale=3, border=2)


def date(value, format_name="DATE_FORMAT"):
    """A date in the reader's language (a format name), or in a fixed format."""
    return formats.date_format(value, format_name) if value else ""


def domain(url):
    """``https://www.example.org/a/b`` → ``example.org``: where a link goes, in short."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def tel(phone):
    """A phone number as a ``tel:`` URL wants it: digits and a leading plus."""
    return re.sub(r"[^\d+]", "", phone)


def linebreaksbr(text):
    """Lines of plain text (an address) as they were written, escaped."""
    return Markup("<br>").join(text.splitlines())
