from dataclasses import dataclass

from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from guide import languages


@dataclass(frozen=True)
class LanguageLink:
    language: languages.Language
    url: str
    current: bool


def language_links(request):
    """This page in every language: the same path under another prefix.

    Pages that are not found (404) have no path to translate and link to each
    language's home page instead.
    """
    current = get_language()
    path = request.get_full_path()
    links = []
    for language in languages.LANGUAGES:
        url = translate_url(path, language.code)
        if url == path and language.code != current:
            url = f"/{language.code}/"
        links.append(LanguageLink(language, url, language.code == current))
    return links


def languages_context(request):
    code = get_language()
    return {
        "current_language": languages.BY_CODE.get(
            code, languages.BY_CODE[languages.SOURCE_LANGUAGE]
        ),
        "language_links": SimpleLazyObject(lambda: language_links(request)),
    }
