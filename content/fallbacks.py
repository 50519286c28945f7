"""Choosing which language to show a piece of content in.

Content missing in the reader's language is shown in the first fallback that has it
(``guide.languages.fallback_chain``: requested → English → Dutch). The caller gets the
language actually used, so the page can mark the block with its own ``lang``/``dir``
and tell the reader.
"""

from dataclasses import dataclass

from modeltranslation.utils import build_localized_fieldname as localized

from guide.languages import fallback_chain


def pick_translation(obj, language_code):
    """The parler translation row to show for ``language_code``, or ``None``.

    Reads ``obj.translations.all()``, so a queryset that prefetched translations
    costs no further queries.
    """
    rows = {row.language_code: row for row in obj.translations.all()}
    for code in fallback_chain(language_code):
        if code in rows:
            return rows[code]
    return None


@dataclass(frozen=True)
class OrganisationText:
    """An organisation's description in the language it is shown in."""

    language_code: str
    description: str
    machine_translated: bool


def pick_description(organisation, language_code):
    for code in fallback_chain(language_code):
        description = getattr(organisation, localized("description", code), "")
        if description:
            return OrganisationText(
                code, description, getattr(organisation, localized("machine_translated", code))
            )
    return OrganisationText(language_code, "", False)
