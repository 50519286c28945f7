"""Small factory functions for content the tests make up themselves."""

from itertools import count

from content.models import Organisation, Section, Status, Topic

_numbers = count(1)


def make_topic(title="Test topic", *, status=Status.PUBLISHED, language="nl", **fields):
    slug = fields.pop("slug", f"test-topic-{next(_numbers)}")
    topic = Topic(slug=slug, status=status, position=fields.pop("position", 100), **fields)
    topic.set_current_language(language)
    topic.title = title
    topic.summary = f"Summary of {title}."
    topic.save()
    return topic


def add_translation(obj, language, **fields):
    obj.set_current_language(language)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def make_section(topic, heading="A question?", body="The answer.", *, language="nl", **fields):
    anchor = fields.pop("anchor", f"question-{next(_numbers)}")
    section = Section(topic=topic, anchor=anchor, **fields)
    section.set_current_language(language)
    section.heading = heading
    section.body = body
    section.save()
    return section


def make_organisation(name="Test organisation", *, topics=(), **fields):
    slug = fields.pop("slug", f"test-organisation-{next(_numbers)}")
    organisation = Organisation.objects.create(
        slug=slug,
        name=name,
        description_nl=fields.pop("description_nl", f"{name} helpt."),
        **fields,
    )
    organisation.topics.set(topics)
    return organisation
