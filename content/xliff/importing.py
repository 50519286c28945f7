"""Importing translators' XLIFF files: every unit checked before anything is saved.

A file is refused whole, with a message per problem, when it is not for one of the
guide's languages (or is Dutch: an import never changes the Dutch), names a text the
guide does not have, leaves a translation empty, loses or adds a link, lacks part of
a text it holds, or breaks a rule of the model (the same ``full_clean`` the admin
runs). When the Dutch changed after the file was exported, the file is refused too,
but may be imported anyway (``force``): the texts then record the older Dutch version
they are based on, and stay *outdated* until a translator catches up.

A text becomes checked by a person (``machine_translated`` off) only when the file
says so (``documents.py``), or when whoever imports it says they reviewed it. A unit
whose translation is the one the guide already has, and that nobody says was checked,
is left as it is. Everything is saved through the models (``content/signals.py``
refreshes pages and search) as one revision of the history.
"""

from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from content.models import normalise_newlines
from content.xliff.checks import broken_links
from content.xliff.units import rows_by_unit_id, unit_id
from guide.languages import ALIASES, BY_CODE, SOURCE_LANGUAGE


@dataclass(frozen=True)
class Problem:
    where: str
    message: str
    stale: bool = False  # the Dutch changed since the export: importable with ``force``

    def __str__(self):
        return f"{self.where}: {self.message}"


@dataclass
class Checked:
    """What importing some files would do, and what stands in its way."""

    files: list
    language: str | None = None
    problems: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # rows, with the imported texts assigned
    imported: int = 0  # texts (units) in them
    unchanged: int = 0

    @property
    def errors(self):
        return [problem for problem in self.problems if not problem.stale]

    @property
    def stale(self):
        return [problem for problem in self.problems if problem.stale]

    def can_import(self, force=False):
        return not self.errors and (force or not self.stale)

    def add(self, where, message, stale=False):
        self.problems.append(Problem(where, message, stale))


def language_code(tag):
    """The guide's code for an XLIFF language tag (``es-ES`` → ``es``), or None."""
    base = (tag or "").replace("_", "-").split("-")[0].lower()
    code = ALIASES.get(base, base)
    return code if code in BY_CODE else None


def _check_languages(documents, wanted, result):
    for document in documents:
        if language_code(document.source_language) != SOURCE_LANGUAGE:
            result.add(document.name, _("Its source language is not Dutch (nl)."))
        target = language_code(document.target_language)
        if target in (None, SOURCE_LANGUAGE):
            result.add(
                document.name,
                _("Its target language (%(language)s) is not one the guide is translated into.")
                % {"language": document.target_language or "?"},
            )
            continue
        expected = wanted or result.language or target
        if target != expected:
            result.add(
                document.name,
                _("It is in %(found)s, not in %(wanted)s.") % {"found": target, "wanted": expected},
            )
        else:
            result.language = target


def _check_unit(entry, row, name, where, result):
    """Whether ``entry`` may be imported, given the database's ``row``: problems are
    added to ``result``."""
    if not entry.target.strip():
        result.add(where, _("The translation is empty."))
    if entry.version is None:
        result.add(
            where,
            _(
                "The note that says which Dutch version it is based on is missing. Export the file again."
            ),
        )
    elif entry.version > row.version:
        result.add(
            where,
            _("It says Dutch version %(file)d, but the Dutch text is only at version %(now)d.")
            % {"file": entry.version, "now": row.version},
        )
    elif entry.version < row.version:
        result.add(
            where,
            _(
                "The Dutch text changed after this file was exported (version %(file)d in the file, %(now)d now)."
            )
            % {"file": entry.version, "now": row.version},
            stale=True,
        )
    elif normalise_newlines(entry.source).strip() != row.dutch[name].strip():
        result.add(where, _("Its Dutch text is not the current Dutch text."), stale=True)
    if entry.target.strip() and (message := broken_links(entry.source, entry.target)):
        result.add(where, message)


@dataclass
class _Texts:
    """The units of one row in the files."""

    row: object
    where: str
    entries: dict = field(default_factory=dict)
    refused: bool = False


def _plan(texts, reviewed, result):
    """Put the imported texts on the row if they change anything; check them as the
    model does."""
    row, entries = texts.row, texts.entries
    if missing := [name for name in row.fields if name not in entries]:
        ids = ", ".join(unit_id(row.key, name) for name in missing)
        result.add(
            texts.where, _("The file lacks %(ids)s: export the whole text again.") % {"ids": ids}
        )
        return
    if texts.refused:  # its problems are said; the model's rules would repeat them
        return
    new = {name: normalise_newlines(entry.target).strip() for name, entry in entries.items()}
    by_person = reviewed or all(entry.by_person for entry in entries.values())
    based_on = min(entry.version for entry in entries.values())
    same_text = row.translation is not None and all(
        row.translation[name] == text for name, text in new.items()
    )
    if same_text and (not by_person or (not row.machine_translated and row.based_on == based_on)):
        result.unchanged += len(entries)
        return
    row.assign(new, machine_translated=not by_person, based_on=based_on)
    try:
        row.validate()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            text_field = row.field_of(name)
            where = f"{texts.where}.{text_field}" if text_field else texts.where
            result.add(where, " ".join(messages))
        return
    result.changes.append(row)
    result.imported += len(entries)


def check(documents, *, language=None, reviewed=False):
    """What importing ``documents`` (``documents.Document``) would change, or why not.

    ``language``: the language the files must be in. ``reviewed``: a person checked
    every text in them, whatever the files say.
    """
    result = Checked(files=[document.name for document in documents])
    _check_languages(documents, language, result)
    if result.problems:
        return result
    rows = rows_by_unit_id(result.language)
    by_row = {}
    for document in documents:
        for entry in document.entries:
            where = f"{document.name}, {entry.id}"
            if entry.id not in rows:
                result.add(where, _("The guide has no text with this id."))
                continue
            row, name = rows[entry.id]
            texts = by_row.setdefault(id(row), _Texts(row, f"{document.name}, {row.key}"))
            if name in texts.entries:
                result.add(where, _("This text is in the files twice."))
                texts.refused = True
                continue
            errors = len(result.errors)
            _check_unit(entry, row, name, where, result)
            texts.entries[name] = entry
            texts.refused = texts.refused or len(result.errors) > errors
    for texts in by_row.values():
        _plan(texts, reviewed, result)
    return result


def apply(result, *, force=False, who, user=None):
    """Save what ``check`` found, as one revision of the history."""
    if not result.can_import(force):
        raise ValueError("These files have problems; nothing may be imported.")
    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment(
            _("Imported from XLIFF (%(language)s): %(files)s, by %(who)s.")
            % {"language": result.language, "files": ", ".join(result.files), "who": who}
        )
        if user is not None:
            reversion.set_user(user)
        for row in result.changes:
            row.target.save()
        # The topic's history shows the import, with everything a restore needs (read
        # again: the rows read before the import do not know the translations it added).
        for model, pk in {(type(row.owner), row.owner.pk) for row in result.changes}:
            reversion.add_to_revision(model.objects.get(pk=pk))
    return result.imported
