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
from dataclasses import dataclass
from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.templatetags.static import static
from django.utils import formats
from django.utils.translation import get_language, gettext, gettext_noop, trans_real
from jinja2 import Environment, pass_context, pass_environment
from markupsafe import Markup

from content.checking import is_overdue
from content.fallbacks import notices, pick_description, pick_translation
from content.models import Topic
from feedback import tokens
from feedback.models import MAX_LENGTH
from guide import languages
from guide.addresses import address, addresses
from guide.languages import BY_CODE

#: The links at the foot of every page: view and label.
FOOTER_LINKS = [
    ("content:home", gettext_noop("All topics")),
    ("content:organisations", gettext_noop("Organisations")),
    ("content:about", gettext_noop("About undocumented Amsterdammers")),
    ("content:privacy", gettext_noop("Privacy")),
    ("content:accessibility", gettext_noop("Accessibility")),
]


@dataclass(frozen=True)
class NavLink:
    url: str
    label: str
    current: bool


def environment(**options):
    env = Environment(**options)
    env.globals.update(
        _=gettext,
        static=static_url,
        url=address,
        active_language=languages.active,
        language_name=language_name,
        translation_notice=translation_notice,
        needs_checking=is_overdue,
        topic_icon=topic_icon,
        qr_code=qr_code,
        absolute_url=absolute_url,
        report_token=tokens.token_for,
        report_max_length=MAX_LENGTH,
        report_retention_days=lambda: settings.FEEDBACK_RETENTION_DAYS,
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


def language_name(code):
    """A language's English name, translated into the reader's language."""
    return gettext(BY_CODE[code].name)


def in_reader_language(obj):
    """The translation of a topic or question to show: the reader's, or a fallback."""
    return pick_translation(obj, get_language())


def description(organisation):
    return pick_description(organisation, get_language())


def reader_language(request):
    """A context processor: the page's catalogue, looked up once, and its footer.

    Django's ``gettext`` and ``get_language`` look the active language up anew on
    every call, and a topic page calls them a hundred times.
    """
    gettext = trans_real.translation(languages.active().code).gettext
    return {
        "_": gettext,
        "footer_links": footer_links(request, gettext),
    }


def footer_links(request, gettext):
    """The links at the foot of the page, the current page's marked."""
    match = request.resolver_match
    current = match.view_name if match else None
    urls = addresses((view_name, {}) for view_name, _label in FOOTER_LINKS)
    return [
        NavLink(url, gettext(label), view_name == current)
        for (view_name, label), url in zip(FOOTER_LINKS, urls, strict=True)
    ]


@pass_context
def translation_notice(context, shown, said=()):
    """A line for each thing the reader should know about a text; nothing otherwise.

    ``shown`` is what ``in_reader_language`` or ``description`` gave. Pass the notices
    shown around the block (the page's, its section's) as ``said``, so that the block
    says only what they did not: each notice once per page.
    """
    if not shown:
        return ""
    fallback, outdated, machine = notices(shown, said)
    if not (fallback or outdated or machine):
        return ""
    notice = context.environment.get_template("includes/translation_notice.html")
    flags = {"fallback": fallback, "outdated": outdated, "machine": machine}
    return Markup(notice.render(context.get_all(), shown=shown, **flags))


@pass_environment
def topic_icon(env, topic):
    """The topic's inline SVG icon (decorative: hidden from screen readers)."""
    return icon(env, topic.icon if topic.icon in Topic.Icon.values else Topic.Icon.INFO)


@functools.cache
def icon(env, name):
    return Markup(env.get_template(f"includes/icons/{name}.svg").render())


def absolute_url(path):
    """An address on the guide, from its configured origin (``SITE_URL``): never from
    the ``Host`` a request claims, which anyone can set and the page cache would keep."""
    return settings.SITE_URL + path


@pass_context
def qr_code(context):
    """This page's address as an inline SVG QR code, for printed handouts."""
    return Markup(qr_svg(absolute_url(context["request"].path)))


@functools.lru_cache(maxsize=256)
def static_url(path):
    """A static file's address (with its hash in production): fixed while the process runs."""
    return static(path)


@functools.lru_cache(maxsize=4096)
def qr_svg(url):
    # Drawing a code takes milliseconds; a page's address always gives the same one.
    # segno writes only its own elements and path data: safe to mark safe.
    return segno.make(url, error="m").svg_inline(scale=3, border=2)


def date(value):
    """A date as the reader's language writes it."""
    return date_in(value, get_language()) if value else ""


@functools.lru_cache(maxsize=4096)
def date_in(value, language):
    # Django looks the language's format up anew each time; a date's text never changes.
    return formats.date_format(value)


@functools.lru_cache(maxsize=4096)
def domain(url):
    """``https://www.example.org/a/b`` → ``example.org``: where a link goes, in short.

    Read as browsers read it, where a backslash ends the host as a slash does.
    """
    host = urlsplit(url.replace("\\", "/")).hostname or ""
    return host.removeprefix("www.")


def tel(phone):
    """A phone number as a ``tel:`` URL wants it: digits and a leading plus."""
    return re.sub(r"[^\d+]", "", phone)


def linebreaksbr(text):
    """Lines of plain text (an address) as they were written, escaped."""
    return Markup("<br>").join(text.splitlines())
