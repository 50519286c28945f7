"""Moving content between the text files (``content/files.py``) and the database.

``load`` never overwrites what an editor changed in the admin: for every unit of
content (a topic in one language, an organisation in one language) it remembers a
digest of what it wrote (``LoadRecord``). If the database no longer matches, the unit
is skipped unless ``force`` is given.
"""

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from modeltranslation.utils import build_localized_fieldname as localized

from content.files import (
    ALWAYS_WRITTEN,
    ContentFileError,
    SectionText,
    TopicText,
    bookkeeping_keys,
    bookkeeping_to_write,
    dump_organisations,
    dump_topic,
    dump_yaml,
    parse_organisations,
    parse_topic,
    without_defaults,
)
from content.freshness import parler_texts
from content.models import (
    SEED_DATE,
    LoadRecord,
    Organisation,
    Section,
    SectionTranslation,
    Topic,
    TopicTranslation,
)
from guide.languages import CODES, SOURCE_LANGUAGE

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"


class SkipUnit(Exception):
    """This unit cannot be loaded now, for a reason the summary reports."""


def _validate(instance, where):
    try:
        instance.full_clean()
    except ValidationError as error:
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        raise ContentFileError(f"{where}: {problems}") from None


# --- Topics --------------------------------------------------------------------------


def topic_queryset():
    return Topic.objects.prefetch_related(
        "translations", Prefetch("sections", queryset=Section.objects.with_translations())
    )


#: Files say "version" (Dutch) or "based_on" (translations); rows say source_version.
ROW_ATTRIBUTES = {"version": "source_version", "based_on": "source_version"}


def _row_bookkeeping(row, language):
    """A translation row's bookkeeping under the names files use for it."""
    return {key: getattr(row, ROW_ATTRIBUTES.get(key, key)) for key in bookkeeping_keys(language)}


def _set_row_bookkeeping(row, values):
    for key, value in values.items():
        setattr(row, ROW_ATTRIBUTES.get(key, key), value)
    row.minor_edit = True  # the file states the version; loading it is not an edit


def dates_to_write(item):
    """A page's dates as its file states them: only those it has (``content/checking.py``)."""
    dates = {"source_date": item.source_date, "last_checked": item.last_checked}
    return {key: value for key, value in dates.items() if value is not None}


def topic_text_from_db(topic, language):
    """The topic in ``language`` as it would be written to its file, or ``None``."""
    row = parler_texts(topic).get(language)
    if row is None:
        return None
    meta = {"title": row.title, "summary": row.summary}
    if language == SOURCE_LANGUAGE:
        if topic.kind != Topic.Kind.TOPIC:
            meta["kind"] = topic.kind
        if topic.icon != Topic.Icon.INFO:
            meta["icon"] = topic.icon
        meta |= {"position": topic.position, "status": topic.status}
        meta |= dates_to_write(topic)
        if topic.source_url:
            meta["source_url"] = topic.source_url
    defaults = bookkeeping_keys(language)
    topic_values = _row_bookkeeping(row, language)
    meta |= bookkeeping_to_write(topic_values, defaults)
    sections = []
    for section in topic.sections.all():
        answer = parler_texts(section).get(language)
        if answer is None:
            continue
        extra = without_defaults(_row_bookkeeping(answer, language), topic_values)
        sections.append(SectionText(section.anchor, answer.heading, answer.body, extra))
    return TopicText(topic.slug, language, meta, row.intro, sections)


def apply_topic_text(text, where):
    meta = text.meta
    if text.language == SOURCE_LANGUAGE:
        topic = Topic.objects.filter(slug=text.slug).first() or Topic(slug=text.slug)
        topic.kind = meta.get("kind", Topic.Kind.TOPIC)
        topic.icon = meta.get("icon", Topic.Icon.INFO)
        topic.position = meta.get("position", 0)
        topic.status = meta.get("status", topic.status)
        topic.source_date = meta.get("source_date")
        topic.last_checked = meta.get("last_checked")
        topic.source_url = meta.get("source_url", "")
        _validate(topic, where)
        topic.save()
    else:
        topic = Topic.objects.get(slug=text.slug)

    topic_values = {
        key: meta.get(key, default) for key, default in bookkeeping_keys(text.language).items()
    }
    row = TopicTranslation.objects.filter(master=topic, language_code=text.language).first()
    row = row or TopicTranslation(master=topic, language_code=text.language)
    row.title, row.summary, row.intro = meta["title"], meta["summary"], text.intro
    _set_row_bookkeeping(row, topic_values)
    _validate(row, where)
    row.save()

    sections = {section.anchor: section for section in topic.sections.all()}
    for position, item in enumerate(text.sections, start=1):
        here = f"{where}, #{item.anchor}"
        section = sections.get(item.anchor)
        if text.language == SOURCE_LANGUAGE:
            section = section or Section(topic=topic, anchor=item.anchor)
            section.position = position
            _validate(section, here)
            section.save()
        elif section is None:
            raise SkipUnit(f"the question #{item.anchor} is not in the database in Dutch yet")
        answer = SectionTranslation.objects.filter(
            master=section, language_code=text.language
        ).first()
        answer = answer or SectionTranslation(master=section, language_code=text.language)
        answer.heading, answer.body = item.heading, item.body
        _set_row_bookkeeping(answer, topic_values | item.meta)
        _validate(answer, here)
        answer.save()

    anchors = [item.anchor for item in text.sections]
    if text.language == SOURCE_LANGUAGE:
        topic.sections.exclude(anchor__in=anchors).delete()
    else:
        SectionTranslation.objects.filter(master__topic=topic, language_code=text.language).exclude(
            master__anchor__in=anchors
        ).delete()


# --- Organisations -------------------------------------------------------------------

OPTIONAL_ORGANISATION_FIELDS = ("website", "phone", "email", "address")


def _organisation_attributes(language):
    """File key → attribute holding the organisation's bookkeeping in ``language``."""
    return {
        "machine_translated": localized("machine_translated", language),
        "version": localized("source_version", language),
        "based_on": localized("source_version", language),
        "changed_on": "changed_on",
    }


def organisation_entry_from_db(organisation, language):
    description = getattr(organisation, localized("description", language)) or ""
    if language != SOURCE_LANGUAGE and not description:
        return None
    entry = {}
    if language == SOURCE_LANGUAGE:
        entry = {"slug": organisation.slug, "name": organisation.name}
        for name in OPTIONAL_ORGANISATION_FIELDS:
            if getattr(organisation, name):
                entry[name] = getattr(organisation, name)
        entry["topics"] = [topic.slug for topic in organisation.topics.all()]
        entry |= dates_to_write(organisation)
    entry["description"] = description
    attributes = _organisation_attributes(language)
    defaults = bookkeeping_keys(language)
    values = {key: getattr(organisation, attributes[key]) for key in defaults}
    return entry | bookkeeping_to_write(values, defaults)


def apply_organisation_entry(slug, entry, language, where):
    if language == SOURCE_LANGUAGE:
        organisation = Organisation.objects.filter(slug=slug).first() or Organisation(slug=slug)
        organisation.name = entry.get("name", "")
        for name in OPTIONAL_ORGANISATION_FIELDS:
            setattr(organisation, name, entry.get(name, ""))
        organisation.source_date = entry.get("source_date")
        organisation.last_checked = entry.get("last_checked")
    else:
        organisation = Organisation.objects.get(slug=slug)
    setattr(organisation, localized("description", language), entry.get("description", ""))
    attributes = _organisation_attributes(language)
    for key, default in bookkeeping_keys(language).items():
        setattr(organisation, attributes[key], entry.get(key, default))
    organisation.minor_edit = True  # the file states the version
    _validate(organisation, where)
    organisation.save()
    if language == SOURCE_LANGUAGE:
        topics = list(Topic.objects.filter(slug__in=entry.get("topics", [])))
        missing = set(entry.get("topics", [])) - {topic.slug for topic in topics}
        if missing:
            raise ContentFileError(f"{where}: unknown topic(s) {', '.join(sorted(missing))}.")
        organisation.topics.set(topics)


# --- Units: what the loader compares and writes --------------------------------------


@dataclass
class Unit:
    key: str
    text: str  # canonical text of the unit in the file
    current: object  # () -> ``InDatabase`` for the unit, or None
    apply: object  # () -> None


@dataclass
class InDatabase:
    """A unit as the database holds it: its canonical text, and the text an earlier
    release would have written for it (to recognise what that release loaded)."""

    text: str
    earlier: str


def earlier_format(fields):
    """A unit's fields as releases before December 2026 wrote them: versions at 1 left
    out, and the source's date standing as the page's "last checked" (see
    ``content/checking.py`` and migration 0003). Without this, the first load after
    that change would take every unit for an editor's work and skip it. Remove once
    every deployment has loaded its content with a later release."""
    earlier = {}
    for key, value in fields.items():
        if key in ALWAYS_WRITTEN and value == 1:
            continue
        if key == "source_date":
            if "last_checked" not in fields:
                earlier["last_checked"] = SEED_DATE
            continue
        earlier[key] = value
    return earlier


def _topic_unit(text, key):
    def current():
        topic = topic_queryset().filter(slug=text.slug).first()
        in_db = topic and topic_text_from_db(topic, text.language)
        if not in_db:
            return None
        earlier = replace(in_db, meta=earlier_format(in_db.meta))
        return InDatabase(dump_topic(in_db), dump_topic(earlier))

    return Unit(key, dump_topic(text), current, lambda: apply_topic_text(text, key))


def _organisation_unit(slug, entry, language, key):
    def current():
        organisation = Organisation.objects.prefetch_related("topics").filter(slug=slug).first()
        in_db = organisation and organisation_entry_from_db(organisation, language)
        if not in_db:
            return None
        return InDatabase(dump_yaml(in_db), dump_yaml(earlier_format(in_db)))

    return Unit(
        key, dump_yaml(entry), current, lambda: apply_organisation_entry(slug, entry, language, key)
    )


def _language_order(path):
    """Dutch first: translations need the topic and its questions to exist."""
    return (path.stem != SOURCE_LANGUAGE, str(path))


def read_units(data_dir):
    """Parse and cross-check every file before anything is written."""
    data_dir = Path(data_dir)
    units, anchors = [], {}
    topic_files = sorted((data_dir / "topics").glob("*/*.md"), key=_language_order)
    for path in topic_files:
        key = str(path.relative_to(data_dir))
        slug, language = path.parent.name, path.stem
        if language not in CODES:
            raise ContentFileError(f"{key}: “{language}” is not one of the site's languages.")
        text = parse_topic(path.read_text(encoding="utf-8"), slug, language, key)
        if language == SOURCE_LANGUAGE:
            anchors[slug] = {section.anchor for section in text.sections}
        elif slug not in anchors:
            raise ContentFileError(f"{key}: there is no Dutch file for this topic ({slug}/nl.md).")
        else:
            unknown = {section.anchor for section in text.sections} - anchors[slug]
            if unknown:
                raise ContentFileError(
                    f"{key}: question(s) not in the Dutch file: {', '.join(sorted(unknown))}."
                )
        units.append(_topic_unit(text, key))

    slugs = set()
    for path in sorted((data_dir / "organisations").glob("*.yaml"), key=_language_order):
        name, language = str(path.relative_to(data_dir)), path.stem
        if language not in CODES:
            raise ContentFileError(f"{name}: “{language}” is not one of the site's languages.")
        entries = parse_organisations(path.read_text(encoding="utf-8"), language, name)
        if language == SOURCE_LANGUAGE:
            slugs = set(entries)
        elif set(entries) - slugs:
            raise ContentFileError(
                f"{name}: organisation(s) not in {SOURCE_LANGUAGE}.yaml: "
                f"{', '.join(sorted(set(entries) - slugs))}."
            )
        for slug, entry in entries.items():
            units.append(_organisation_unit(slug, entry, language, f"{name}#{slug}"))
    return units


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (key, reason)
    replaced: list = field(default_factory=list)  # updated with --force over an editor's change


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _outcome(current, record, text, force):
    """What loading a unit means, given the database and what was loaded last time."""
    if current is not None and current.text == text:
        return "unchanged"
    if record is None and current is None:
        return "created"
    loaded = {digest(current.text), digest(current.earlier)} if current else set()
    if record is not None and record.digest in loaded:
        return "updated"
    # The database differs from what was loaded last: an editor changed or deleted it.
    return "replaced" if force else "skipped"


def load(data_dir=DEFAULT_DATA_DIR, *, force=False, dry_run=False):
    units = read_units(data_dir)
    report = Report()
    with transaction.atomic(), reversion.create_revision():
        # One entry in the editors' history per load.
        reversion.set_comment("Loaded from the content files.")
        for unit in units:
            record = LoadRecord.objects.filter(key=unit.key).first()
            outcome = _outcome(unit.current(), record, unit.text, force)
            if outcome == "skipped":
                report.skipped.append(
                    (unit.key, "changed in the database since it was last loaded")
                )
                continue
            if outcome != "unchanged":
                try:
                    with transaction.atomic():
                        unit.apply()
                except SkipUnit as reason:
                    report.skipped.append((unit.key, str(reason)))
                    continue
            getattr(report, outcome).append(unit.key)
            if record is None or record.digest != digest(unit.text):
                LoadRecord.objects.update_or_create(
                    key=unit.key, defaults={"digest": digest(unit.text)}
                )
        if dry_run:
            transaction.set_rollback(True)
    return report


def export(data_dir=DEFAULT_DATA_DIR):
    """Write every topic and organisation to files; return the paths written and removed."""
    data_dir = Path(data_dir)
    files = {}
    for topic in topic_queryset():
        for language in CODES:
            text = topic_text_from_db(topic, language)
            if text:
                files[Path("topics", topic.slug, f"{language}.md")] = dump_topic(text)
    organisations = Organisation.objects.prefetch_related("topics").order_by("slug")
    for language in CODES:
        entries = {}
        for organisation in organisations:
            entry = organisation_entry_from_db(organisation, language)
            if entry:
                entries[organisation.slug] = entry
        if entries:
            files[Path("organisations", f"{language}.yaml")] = dump_organisations(entries, language)

    for relative, text in files.items():
        path = data_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    stale = [
        path
        for pattern in ("topics/*/*.md", "organisations/*.yaml")
        for path in data_dir.glob(pattern)
        if path.relative_to(data_dir) not in files
    ]
    for path in stale:
        path.unlink()
    return sorted(files), sorted(path.relative_to(data_dir) for path in stale)
