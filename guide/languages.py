"""The one registry of the guide's languages.

Django's ``LANGUAGES``/``LANGUAGES_BIDI``, django-parler's and django-modeltranslation's
settings, the language switcher and the content fallbacks are all derived from here, so
adding a language is a change to this file (plus its catalogue and content files).
"""

import functools
from dataclasses import dataclass

import django.conf.locale
from django.utils.translation import get_language, gettext_noop
from django.utils.translation.trans_real import parse_accept_lang_header


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in English; translated with gettext where readers see it
    name_local: str  # in the language itself, for readers
    bidi: bool = False

    @property
    def direction(self):
        return "rtl" if self.bidi else "ltr"


LANGUAGES = (
    Language("nl", gettext_noop("Dutch"), "Nederlands"),
    Language("en", gettext_noop("English"), "English"),
    Language("es", gettext_noop("Spanish"), "Español"),
    Language("fr", gettext_noop("French"), "Français"),
    Language("pt", gettext_noop("Portuguese"), "Português"),
    Language("ar", gettext_noop("Arabic"), "العربية", bidi=True),
    Language("id", gettext_noop("Indonesian"), "Bahasa Indonesia"),
    Language("tl", gettext_noop("Tagalog"), "Tagalog"),
)

BY_CODE = {language.code: language for language in LANGUAGES}
CODES = tuple(BY_CODE)

#: Editors write in Dutch; every other language is a translation of it.
SOURCE_LANGUAGE = "nl"

#: Content missing in the requested language is shown in these, in this order.
FALLBACK_LANGUAGES = ("en", "nl")


def active():
    """The language a page is being rendered in: Django's active one, or else the one
    Django's interface falls back to (``LANGUAGE_CODE``, the first fallback)."""
    return BY_CODE.get(get_language(), BY_CODE[FALLBACK_LANGUAGES[0]])


@functools.lru_cache(maxsize=64)
def fallback_chain(code):
    """The languages to try for content requested in ``code``, best first."""
    return tuple(dict.fromkeys((code, *FALLBACK_LANGUAGES)))


def register_with_django():
    """Make every language known to ``django.utils.translation.get_language_info``.

    Django ships no entry for Tagalog; without one, ``get_language_info("tl")`` raises
    ``KeyError``. Our own names replace Django's for the others, so that readers see
    one spelling everywhere.
    """
    for language in LANGUAGES:
        django.conf.locale.LANG_INFO[language.code] = {
            "bidi": language.bidi,
            "code": language.code,
            "name": language.name,
            "name_local": language.name_local,
        }


def django_languages():
    return [(language.code, language.name) for language in LANGUAGES]


def bidi_codes():
    return [language.code for language in LANGUAGES if language.bidi]


def parler_languages(site_id):
    return {
        site_id: tuple({"code": code} for code in CODES),
        "default": {
            "fallbacks": list(FALLBACK_LANGUAGES),
            "hide_untranslated": False,
        },
    }


def modeltranslation_fallbacks():
    # Requested language first (modeltranslation does that itself), then en, then nl.
    return {"default": FALLBACK_LANGUAGES}


def path_in_language(path, code):
    """The same page in another language: path words and slugs are the same in every
    language, so only the prefix changes. A path without one (the language choice)
    leads to that language's home page."""
    prefix, _slash, rest = path.lstrip("/").partition("/")
    return f"/{code}/{rest}" if prefix in BY_CODE else f"/{code}/"


#: Browser language tags that mean one of ours although the code differs.
ALIASES = {"fil": "tl"}
#: How many of the browser's languages are moved to the top of the language choice. A
#: browser seldom names more; and the page cache stores one copy per order (at most
#: 1 + 8 + 8·7 + 8·7·6 = 401 of them, not 8! = 40,320).
PREFERRED_FIRST = 3


def by_preference(accept_language):
    """All languages, up to three the browser prefers (``Accept-Language``) first, in
    its order."""
    preferred = []
    for tag, _quality in parse_accept_lang_header(accept_language):
        base = tag.lower().split("-")[0]
        code = ALIASES.get(base, base)
        if code in BY_CODE and BY_CODE[code] not in preferred:
            preferred.append(BY_CODE[code])
        if len(preferred) == PREFERRED_FIRST:
            break
    return preferred + [language for language in LANGUAGES if language not in preferred]
