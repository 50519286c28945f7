"""XLIFF 1.2 documents, read and written with translate-toolkit.

Texts travel as Markdown in plain text (``datatype="plaintext"``): a translator's tool
shows ``[text](https://…)`` and ``### heading`` as they are, with no inline markup to
break. Each unit's note says which Dutch version its source is (``Dutch version 3``);
the import reads it back. A target's ``state`` says whether a person translated or
checked it: ``translated``, ``signed-off`` and ``final`` (or ``approved="yes"``) do,
the ``needs-…`` states and a target without a state do not.

Files come from outside. Before anything else parses one, defusedxml does, and refuses
a document type declaration, entities and external references: no entity expansion
(billion laughs), no reading the server's files (XXE).
"""

import io
import re
import xml.etree.ElementTree
from dataclasses import dataclass

import defusedxml.ElementTree
from defusedxml import DefusedXmlException
from django.utils.translation import gettext_lazy as _
from translate.storage import xliff

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
#: Any XLIFF 1.x: tools that write 1.1 are read as well.
NAMESPACE_1 = "urn:oasis:names:tc:xliff:document:1."
NOTE_FROM = "guide"
NOTE = "Dutch version {version}"
NOTE_READ = re.compile(r"Dutch version (\d+)")


class Unit12(xliff.xliffunit):
    namespace = NAMESPACE


class Document12(xliff.xlifffile):
    """translate-toolkit's XLIFF store, writing version 1.2 rather than its default 1.1."""

    UnitClass = Unit12
    namespace = NAMESPACE
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version="1.2" xmlns="{NAMESPACE}">
<file original="NoName" source-language="en" datatype="plaintext">
<body>
</body>
</file>
</xliff>"""


#: XLIFF states in which a person translated or checked the target.
PERSON = Unit12.statemap["translated"]
NOT_CHECKED = Unit12.statemap["needs-review-translation"]


@dataclass(frozen=True)
class Entry:
    """One unit: its id, the Dutch and its translation (``""``: none), the Dutch
    version it is based on (``None`` when the file does not say) and whether a person
    translated or checked it."""

    id: str
    source: str
    target: str
    version: int | None
    by_person: bool


@dataclass(frozen=True)
class Document:
    name: str
    source_language: str
    target_language: str
    entries: list


class DocumentError(ValueError):
    """A file that cannot be read; the message says why, for the person who sent it."""


def write(original, source_language, target_language, entries):
    """The XLIFF 1.2 document of ``entries``, as bytes (UTF-8)."""
    store = Document12(sourcelanguage=source_language, targetlanguage=target_language)
    store.switchfile(original, createifmissing=True)
    store.settargetlanguage(target_language)
    for entry in entries:
        unit = store.addsourceunit(entry.source, original)
        unit.setid(entry.id)
        if entry.target:
            unit.settarget(entry.target, lang=target_language)
            unit.set_state_n(PERSON if entry.by_person else NOT_CHECKED)
        unit.addnote(NOTE.format(version=entry.version), origin=NOTE_FROM)
    out = io.BytesIO()
    store.serialize(out)
    return out.getvalue()


def _refuse_unsafe(data):
    """The document's root element, once defusedxml found nothing unsafe in it."""
    try:
        return defusedxml.ElementTree.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException:
        raise DocumentError(
            _(
                "It declares a document type or entities, which the guide never accepts. "
                "Export the file again."
            )
        ) from None
    except xml.etree.ElementTree.ParseError as error:
        raise DocumentError(
            _("It is not a well-formed XML file (%(error)s).") % {"error": error}
        ) from None


def _version(unit):
    for line in unit.getnotes(origin=NOTE_FROM).splitlines():
        if match := NOTE_READ.fullmatch(line.strip()):
            return int(match[1])
    return None


def read(name, data):
    """The ``Document`` in ``data`` (bytes), or ``DocumentError``."""
    root = _refuse_unsafe(data)
    namespace, _brace, tag = root.tag.lstrip("{").rpartition("}")
    if tag != "xliff" or not namespace.startswith(NAMESPACE_1):
        raise DocumentError(_("It is not an XLIFF 1.2 file."))
    try:
        store = xliff.xlifffile.parsestring(data)
    except (ValueError, SyntaxError):  # lxml's errors are SyntaxErrors
        raise DocumentError(_("It is not an XLIFF 1.2 file.")) from None
    if len(store.getfilenames()) != 1:
        raise DocumentError(
            _("It holds more than one <file> element; the guide's exports hold one.")
        )
    entries = [
        Entry(
            id=unit.getid().rpartition(xliff.ID_SEPARATOR)[2],
            source=unit.source or "",
            target=unit.target or "",
            version=_version(unit),
            by_person=unit.get_state_n() >= PERSON,
        )
        for unit in store.getunits()
    ]
    return Document(name, store.getsourcelanguage() or "", store.gettargetlanguage() or "", entries)
