"""Exporting texts for translators: one XLIFF file per topic, one for the organisations.

Each unit holds the current Dutch as source and the current translation (if any) as
target. A target a person translated or checked against the current Dutch is
``translated``; a machine-assisted or outdated one ``needs-review-translation``, so
that a translator's tool shows what to look at. ``only`` keeps the texts in one
state of ``content/freshness.py``: missing, outdated or machine-assisted.
"""

import io
import zipfile

from content.freshness import State
from content.xliff import documents
from content.xliff.units import organisation_rows, topic_rows, topics_with_texts, unit_id
from guide.languages import SOURCE_LANGUAGE

#: What ``--only`` (and the admin's choice) may name.
ONLY = (State.MISSING, State.OUTDATED, State.MACHINE)
ORGANISATIONS = "organisations"


def _entries(rows):
    for row in rows:
        for name in row.fields:
            yield documents.Entry(
                id=unit_id(row.key, name),
                source=row.dutch[name],
                target=(row.translation or {}).get(name) or "",
                version=row.version,
                by_person=row.state == State.UP_TO_DATE,
            )


def file_name(original, language):
    return f"{original.replace('/', '-')}.{language}.xlf"


def export(language, *, only=None, topics=None, organisations=True):
    """``{file name: XLIFF bytes}`` for ``topics`` (a queryset; every topic when None)
    and the organisations' descriptions; a file with nothing to translate is left out."""
    groups = [
        (f"topic/{topic.slug}", topic_rows(topic, language)) for topic in topics_with_texts(topics)
    ]
    if organisations:
        groups.append((ORGANISATIONS, organisation_rows(language)))
    files = {}
    for original, rows in groups:
        entries = list(_entries(row for row in rows if only is None or row.state == only))
        if entries:
            files[file_name(original, language)] = documents.write(
                original, SOURCE_LANGUAGE, language, entries
            )
    return files


def zipped(files):
    """``files`` (``{name: bytes}``) in one zip archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
