from dataclasses import dataclass

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

    Path words and slugs are the same in every language, so only the prefix changes.
    A page that was not found links to each language's home page instead.
    """
    current = get_language()
    prefix = f"/{current}/"
    path = request.get_full_path()
    found = request.resolver_match is not None and path.startswith(prefix)
    return [
        LanguageLink(
            language,
            f"/{language.code}/{path.removeprefix(prefix)}" if found else f"/{language.code}/",
            language.code == current,
        )
        for language in languages.LANGUAGES
    ]


def languages_context(request):
    code = get_language()
    return {
        "current_language": languages.BY_CODE.get(
            code, languages.BY_CODE[languages.SOURCE_LANGUAGE]
        ),
        "language_links": SimpleLazyObject(lambda: language_links(request)),
    }
