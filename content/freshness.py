"""How current and how checked each translation is.

Every translated text — a topic's title and summary, a question, an organisation's
description — is compared with its Dutch source. The same four states are used by
readers' notices, ``manage.py translation_status`` and the editors' dashboard.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname as localized

from guide.languages import CODES, SOURCE_LANGUAGE


class State(models.TextChoices):
    # In order of urgency: the first one that applies is a text's state.
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")
    MACHINE = "machine", _("machine-assisted")
    UP_TO_DATE = "up-to-date", _("up to date")


URGENCY = list(State)

#: One word per state, for tables with a column per language.
SHORT_LABELS = {
    State.MISSING: _("missing"),
    State.OUTDATED: _("outdated"),
    State.MACHINE: _("machine"),
    State.UP_TO_DATE: _("ok"),
}


@dataclass(frozen=True, slots=True)
class Text:
    """One text in one language, with what the freshness rules need to know."""

    language_code: str
    machine_translated: bool
    source_version: int
    description: str = ""
    changed_on: object = None  # a date, for Dutch texts changed since they were loaded


def state(text, source):
    """The state of ``text`` (or ``None``: missing) against its Dutch ``source``."""
    if text is None:
        return State.MISSING
    if (
        text.language_code != SOURCE_LANGUAGE
        and source
        and text.source_version < source.source_version
    ):
        return State.OUTDATED
    if text.machine_translated:
        return State.MACHINE
    return State.UP_TO_DATE


def most_urgent(states):
    return min(states, key=URGENCY.index, default=State.MISSING)


def parler_texts(obj):
    """``{language: translation row}`` from an object's (prefetched) translations."""
    return {row.language_code: row for row in obj.translations.all()}


def topic_state(topic, language):
    """A topic page in one language: the most urgent state of its title and questions."""
    rows = parler_texts(topic)
    states = [state(rows.get(language), rows.get(SOURCE_LANGUAGE))]
    for section in topic.sections.all():
        answers = parler_texts(section)
        states.append(state(answers.get(language), answers.get(SOURCE_LANGUAGE)))
    return most_urgent(states)


#: Per language, the names of an organisation's description, its machine flag and version.
DESCRIPTION_NAMES = {
    code: tuple(
        localized(name, code) for name in ("description", "machine_translated", "source_version")
    )
    for code in CODES
}


def organisation_text(organisation, language):
    """The organisation's description in ``language`` as a ``Text``, or ``None``."""
    description, machine_translated, source_version = DESCRIPTION_NAMES[language]
    text = getattr(organisation, description)
    if not text:
        return None
    return Text(
        language,
        bool(getattr(organisation, machine_translated)),
        getattr(organisation, source_version) or 1,
        text,
        organisation.changed_on if language == SOURCE_LANGUAGE else None,
    )


def organisation_state(organisation, language):
    source = organisation_text(organisation, SOURCE_LANGUAGE)
    return state(organisation_text(organisation, language), source)


def matrix(objects, state_of):
    """``[(object, {language: state})]`` for a table of objects × languages."""
    return [(obj, {language: state_of(obj, language) for language in CODES}) for obj in objects]
