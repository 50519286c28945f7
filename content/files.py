"""The guide's content as reviewable text files, and back.

One Markdown file per topic per language, ``topics/<slug>/<language>.md``::

    ---
    title: Zorg
    summary: Je hebt recht op medisch noodzakelijke zorg.
    position: 1                # only in the Dutch file, like every field of the
    status: published          # topic itself (kind, source_url …)
    source_date: 2021-09-21    # the date of the information it was written from
    last_checked: 2027-03-01   # only once a person has checked the page
    machine_translated: true   # only when true
    version: 2                 # Dutch: the text's version, always written; other
    changed_on: 2027-03-01     #   languages always say "based_on: 2", the Dutch
                               #   version they match
    sections:                  # only for questions whose values differ from the topic's
      corona-vaccination: {version: 3}
    ---

    Optional introduction.

    ## Heb ik recht op zorg? {#right-to-care}

    The answer, in Markdown (### for subheadings).

and one YAML file per language for the organisations, ``organisations/<language>.yaml``:
the Dutch file lists every organisation with all its fields; the others map an
organisation's slug to its description in that language. Values equal to their default
(``machine_translated: false`` …) are not written, except the versions: a reviewer sees
which Dutch version each text is, or is based on.

Parsing and dumping are exact inverses on canonical files: ``dump(parse(text)) == text``.
This module reads and writes text only; ``content/sync.py`` moves it to and from the database.
"""

import re
from dataclasses import dataclass, field

import yaml

from content.models import ORGANISATION_DETAILS
from guide.languages import SOURCE_LANGUAGE

TOPIC_SOURCE_KEYS = (
    "kind", "icon", "position", "status", "source_date", "last_checked", "source_url",
)  # fmt: skip


def bookkeeping_keys(language):
    """A translation's own facts, as written in files, with the value left unwritten.

    The Dutch text states its ``version`` (and when it ``changed_on``); a translation
    states the Dutch version it is ``based_on``. See ``content/versioning.py``.
    """
    if language == SOURCE_LANGUAGE:
        return {"machine_translated": False, "version": 1, "changed_on": None}
    return {"machine_translated": False, "based_on": 1}


#: Written even at their default: which Dutch version a text is, or is based on.
ALWAYS_WRITTEN = ("version", "based_on")


def without_defaults(values, defaults):
    return {key: value for key, value in values.items() if value != defaults[key]}


def canonical(fields, keys, language):
    """``fields`` in the order files write them, with the versions a file may leave
    out filled in: loading such a file twice changes nothing, and exporting it writes
    them out."""
    versions = {key: 1 for key in ALWAYS_WRITTEN if key in bookkeeping_keys(language)}
    fields = versions | fields
    return {key: fields[key] for key in keys if key in fields}


def bookkeeping_to_write(values, defaults):
    """A text's bookkeeping as its file states it: the versions always, the rest when
    it differs from the default."""
    return {
        key: value
        for key, value in values.items()
        if key in ALWAYS_WRITTEN or value != defaults[key]
    }


HEADING = re.compile(r"^## (?P<heading>.+?) \{#(?P<anchor>[^}\s]+)\}$")
BARE_HEADING = re.compile(r"^#{1,2} ")


class ContentFileError(ValueError):
    """A content file a person has to fix; the message says what and where."""


@dataclass
class SectionText:
    anchor: str
    heading: str
    body: str
    meta: dict = field(default_factory=dict)


@dataclass
class TopicText:
    slug: str
    language: str
    meta: dict  # front matter: title, summary, flags, and the topic's own fields in Dutch
    intro: str = ""
    sections: list = field(default_factory=list)


# --- YAML, written the same way every time -------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data):
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=float("inf"))


def load_yaml(text, where):
    """Plain YAML: no anchors or aliases. Content files have no use for them, and an
    alias of aliases expands a few hundred bytes into gigabytes ("billion laughs")."""
    try:
        if any(isinstance(token, yaml.AnchorToken | yaml.AliasToken) for token in yaml.scan(text)):
            raise ContentFileError(f"{where}: YAML anchors and aliases (& and *) are not allowed.")
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ContentFileError(f"{where}: not valid YAML: {error}") from None


def _check_keys(data, allowed, where):
    if not isinstance(data, dict):
        raise ContentFileError(
            f"{where}: expected “key: value” lines, found {type(data).__name__}."
        )
    unknown = set(data) - set(allowed)
    if unknown:
        raise ContentFileError(
            f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}; "
            f"allowed here: {', '.join(allowed)}."
        )


# --- Topics --------------------------------------------------------------------------


def topic_keys(language):
    source = TOPIC_SOURCE_KEYS if language == SOURCE_LANGUAGE else ()
    return ("title", "summary", *source, *bookkeeping_keys(language), "sections")


def parse_topic(text, slug, language, where):
    if not text.startswith("---\n"):
        raise ContentFileError(f"{where}: must start with a front matter block (a line “---”).")
    try:
        front, body = text[4:].split("\n---\n", 1)
    except ValueError:
        raise ContentFileError(f"{where}: the front matter block is not closed by “---”.") from None
    meta = load_yaml(front, where) or {}
    _check_keys(meta, topic_keys(language), where)
    meta = canonical(meta, topic_keys(language), language)
    for required in ("title", "summary"):
        if not meta.get(required):
            raise ContentFileError(f"{where}: “{required}” is missing.")
    section_meta = meta.pop("sections", None) or {}
    if not isinstance(section_meta, dict):
        raise ContentFileError(f"{where}: “sections” must map anchors to their fields.")

    intro_lines, sections = [], []
    for number, line in enumerate(body.split("\n"), start=front.count("\n") + 4):
        heading = HEADING.match(line)
        if heading:
            anchor = heading["anchor"]
            if any(section.anchor == anchor for section in sections):
                raise ContentFileError(
                    f"{where}, line {number}: the anchor #{anchor} is used twice."
                )
            extra = section_meta.pop(anchor, {})
            _check_keys(extra, tuple(bookkeeping_keys(language)), f"{where}, sections.{anchor}")
            sections.append(SectionText(anchor, heading["heading"], [], extra))
        elif BARE_HEADING.match(line):
            raise ContentFileError(
                f"{where}, line {number}: a question needs an anchor, like "
                "“## The question? {#the-anchor}”; use ### for a heading inside an answer."
            )
        else:
            (sections[-1].body if sections else intro_lines).append(line)
    if section_meta:
        raise ContentFileError(
            f"{where}: “sections” names questions that are not in the file: "
            f"{', '.join(sorted(section_meta))}."
        )
    for section in sections:
        section.body = "\n".join(section.body).strip()
    return TopicText(slug, language, meta, "\n".join(intro_lines).strip(), sections)


def dump_topic(topic):
    meta = dict(topic.meta)
    overrides = {section.anchor: section.meta for section in topic.sections if section.meta}
    if overrides:
        meta["sections"] = overrides
    parts = ["---\n", dump_yaml(meta), "---\n"]
    if topic.intro:
        parts.append(f"\n{topic.intro}\n")
    for section in topic.sections:
        parts.append(f"\n## {section.heading} {{#{section.anchor}}}\n\n{section.body}\n")
    return "".join(parts)


# --- Organisations -------------------------------------------------------------------


def parse_organisations(text, language, where):
    """Return ``{slug: entry}``; a Dutch entry has every field, others only the text."""
    data = load_yaml(text, where)
    if language == SOURCE_LANGUAGE:
        if not isinstance(data, list):
            raise ContentFileError(
                f"{where}: expected a list of organisations (lines “- slug: …”)."
            )
        entries = {}
        for position, entry in enumerate(data, start=1):
            here = f"{where}, organisation {position}"
            allowed = (*ORGANISATION_DETAILS, "description", *bookkeeping_keys(language))
            _check_keys(entry, allowed, here)
            if not entry.get("slug"):
                raise ContentFileError(f"{here}: “slug” is missing.")
            if entry["slug"] in entries:
                raise ContentFileError(f"{here}: the slug “{entry['slug']}” is used twice.")
            entries[entry["slug"]] = canonical(entry, allowed, language)
        return entries
    if not isinstance(data, dict):
        raise ContentFileError(f"{where}: expected “<slug>:” followed by its description.")
    keys = ("description", *bookkeeping_keys(language))
    for slug, entry in data.items():
        _check_keys(entry, keys, f"{where}, {slug}")
    return {slug: canonical(entry, keys, language) for slug, entry in data.items()}


def dump_organisations(entries, language):
    """``entries`` is ``{slug: entry}``, as ``parse_organisations`` returns it."""
    if not entries:
        return ""
    if language == SOURCE_LANGUAGE:
        return dump_yaml(list(entries.values()))
    return dump_yaml(entries)
