"""Accepting a redirect: the address a link now leads to goes into the texts.

The old address is replaced by the new one wherever it is a link: in every language
of every topic and question (drafts too) and organisation, and in the address fields.
It is a *minor edit* (``content/versioning.py``): a link's new address does not make
seven translations "outdated". Everything is saved through the models, so the page
cache and the search index follow (``content/signals.py``), in one revision of the
history with a comment that says what changed. Only someone who may change the Dutch
text may do it: the Dutch text changes too.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from content.models import Topic
from content.validators import validate_web_address
from links.checking import Result
from links.finding import MAX_URL_LENGTH, texts, web_links
from links.models import LinkCheck, LinkOccurrence

#: Characters that would end a Markdown link's address early, percent-encoded (which
#: means the same to a web server).
MARKDOWN_UNSAFE = {ord(character): f"%{ord(character):02X}" for character in " ()<>\\"}


@dataclass
class Accepted:
    """What accepting some redirects did."""

    changed: list = field(default_factory=list)  # (old, new, number of texts)
    left: list = field(default_factory=list)  # (old, Place) where it could not be replaced
    refused: list = field(default_factory=list)  # (old, new) not taken as an address
    gone: list = field(default_factory=list)  # old addresses no text links to any more


def written(url):
    return url.translate(MARKDOWN_UNSAFE)


def replaced_in_markdown(text, old, new):
    """``text`` with its links to ``old`` now linking to ``new``, or ``None`` when that
    cannot be done safely: the result is parsed again and must link to ``new`` and no
    longer to ``old``.

    An address ends a Markdown link where its destination ends: at ``)``, ``>``, a
    space before a title, or the end of a reference definition's line.
    """
    for spelling in dict.fromkeys([old, unquote(old)]):
        pattern = re.compile(rf"(?<=[(<\s]){re.escape(spelling)}(?=[)>\s]|$)", re.MULTILINE)
        candidate = pattern.sub(lambda match: new, text)
        links = web_links(candidate)
        if candidate != text and old not in links and new in links:
            return candidate
    return None


def accept(links, user):
    """Put each redirected link's final address in place of the old one."""
    links = [link for link in links if link.result == Result.REDIRECTED and link.final_url]
    accepted = Accepted()
    if not links:
        return accepted
    where = defaultdict(list)  # address: the texts that link to it
    for text in texts(published_only=False):
        for url in text.links():
            where[url].append(text)
    with transaction.atomic(), reversion.create_revision():
        changed_objects, topic_ids = {}, set()
        for link in links:
            new = written(link.final_url)
            try:
                validate_web_address(new)
                if len(new) > MAX_URL_LENGTH:
                    raise ValidationError("too long")
            except ValidationError:
                accepted.refused.append((link.url, link.final_url))
                continue
            if link.url not in where:  # taken out of the texts since it was checked
                accepted.gone.append(link.url)
                link.delete()
                continue
            places = []
            for text in where[link.url]:
                value = replaced_in_markdown(text.value, link.url, new) if text.markdown else new
                if value is None:
                    accepted.left.append((link.url, text.place))
                    continue
                setattr(text.obj, text.attribute, value)
                changed_objects[id(text.obj)] = text.obj
                places.append(text.place)
                if text.place.topic_id:
                    topic_ids.add(text.place.topic_id)
            if places:
                move_places(link, new, places)
                accepted.changed.append((link.url, new, len(places)))
        for obj in changed_objects.values():
            obj.minor_edit = True  # the translations stay as current as they were
            obj.save()
        # A question's text is saved with its question; its topic's history shows it too.
        for topic in Topic.objects.filter(pk__in=topic_ids):
            reversion.add_to_revision(topic)
        reversion.set_user(user)
        reversion.set_comment(
            "; ".join(
                _("Link changed to where it redirects: %(old)s → %(new)s")
                % {"old": old, "new": new}
                for old, new, _count in accepted.changed
            )
        )
    return accepted


def move_places(link, new, places):
    """The places where ``link``'s address was replaced now link to ``new``, which
    answered when ``link`` was checked; ``link`` goes when no place is left."""
    target, _created = LinkCheck.objects.get_or_create(
        url=new,
        defaults={"result": Result.OK, "status": link.status, "checked_at": link.checked_at},
    )
    for place in places:
        at_place = {
            "topic_id": place.topic_id,
            "section_id": place.section_id,
            "organisation_id": place.organisation_id,
            "field": place.field,
            "language": place.language,
        }
        moving = LinkOccurrence.objects.filter(link=link, **at_place)
        if LinkOccurrence.objects.filter(link=target, **at_place).exists():
            moving.delete()  # the text linked to both: now twice to the new one
        else:
            moving.update(link=target)
    if not LinkOccurrence.objects.filter(link=link).exists():
        link.delete()
