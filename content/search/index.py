"""What readers can find: one ``SearchEntry`` per topic, question and organisation in
each language it is written in, made again whenever one is saved (``content/signals.py``)."""

from content.freshness import organisation_text, parler_texts
from content.models import PUBLISHED, Organisation, SearchEntry, Topic
from content.search.words import fold, plain, terms
from guide.languages import CODES, fallback_chain


def entry(kind, language, title, text, *, context="", **target):
    return SearchEntry(
        kind=kind,
        language=language,
        title=title,
        context=context,
        text=text,
        title_terms=" ".join(terms(title, language)),
        terms=" ".join(terms(f"{title} {context} {text}", language)),
        folded=fold(f"{title} {context} {text}"),
        **target,
    )


def topic_entries(topic, languages):
    texts = parler_texts(topic)
    entries = []
    for language in languages:
        text = texts.get(language)
        if text is not None:
            body = " ".join([text.summary, plain(text.intro_html)])
            entries.append(entry(SearchEntry.Kind.TOPIC, language, text.title, body, topic=topic))
    for section in topic.sections.all():
        entries += question_entries(section, topic, languages)
    return entries


def question_entries(section, topic, languages):
    titles, answers = parler_texts(topic), parler_texts(section)
    return [
        entry(
            SearchEntry.Kind.QUESTION,
            language,
            answers[language].heading,
            plain(answers[language].body_html),
            context=topic_title(titles, language),
            topic=topic,
            section=section,
        )
        for language in languages
        if language in answers
    ]


def topic_title(titles, language):
    for code in fallback_chain(language):
        if code in titles:
            return titles[code].title
    return ""


def is_published(topic):
    return all(getattr(topic, name) == value for name, value in PUBLISHED.items())


def index_topic(topic, languages=CODES):
    """The topic and its questions in ``languages``, as they are saved now."""
    SearchEntry.objects.filter(topic=topic, language__in=languages).delete()
    if is_published(topic):
        topic = (
            Topic.objects.with_translations()
            .prefetch_related("sections__translations")
            .get(pk=topic.pk)
        )
        SearchEntry.objects.bulk_create(topic_entries(topic, languages))


def index_question(section, language):
    SearchEntry.objects.filter(section=section, language=language).delete()
    topic = section.topic
    if is_published(topic):
        SearchEntry.objects.bulk_create(question_entries(section, topic, [language]))


def index_organisation(organisation):
    SearchEntry.objects.filter(organisation=organisation).delete()
    SearchEntry.objects.bulk_create(
        entry(
            SearchEntry.Kind.ORGANISATION,
            language,
            organisation.name,
            text.description,
            organisation=organisation,
        )
        for language in CODES
        if (text := organisation_text(organisation, language))
    )


def rebuild():
    """Every entry anew, from what the database holds."""
    SearchEntry.objects.all().delete()
    topics = Topic.objects.filter(**PUBLISHED).with_translations()
    for topic in topics.prefetch_related("sections__translations"):
        SearchEntry.objects.bulk_create(topic_entries(topic, CODES))
    for organisation in Organisation.objects.all():
        index_organisation(organisation)
