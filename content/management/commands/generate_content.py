"""Made-up content at scale, for benchmarks and query-budget tests.

Never for a real site: every generated title says it is generated, and the command
refuses to add to a database that holds the guide's real content unless told to.
"""

import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from content import search
from content.markdown import render_markdown
from content.models import (
    Organisation,
    Section,
    SectionTranslation,
    Status,
    Topic,
    TopicTranslation,
)
from guide.languages import CODES

PREFIX = "generated-"
WORDS = [
    "right",
    "care",
    "doctor",
    "school",
    "police",
    "house",
    "permit",
    "return",
    "shelter",
    "help",
    "city",
    "organisation",
    "question",
    "answer",
    "address",
    "website",
    "free",
    "support",
    "family",
    "children",
    "work",
    "language",
]


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


class Command(BaseCommand):
    help = "Add made-up topics and organisations (in every language) to measure speed at scale."

    def add_arguments(self, parser):
        parser.add_argument("--topics", type=int, default=100)
        parser.add_argument("--sections", type=int, default=5, help="Questions per topic.")
        parser.add_argument("--organisations", type=int, default=1000)
        parser.add_argument(
            "--alongside-real-content",
            action="store_true",
            help="Add to a database that holds the guide's real content (tests only).",
        )

    @transaction.atomic
    def handle(self, *args, topics, sections, organisations, alongside_real_content, **options):
        if not alongside_real_content and Topic.objects.exclude(slug__startswith=PREFIX).exists():
            raise CommandError(
                "This database holds the guide's real content. Generate into a separate "
                "database (DATABASE_URL), or pass --alongside-real-content."
            )
        rng = random.Random(7)
        start = Topic.objects.filter(slug__startswith=PREFIX).count()
        new_topics = Topic.objects.bulk_create(
            Topic(slug=f"{PREFIX}{start + n}", position=1000 + n, status=Status.PUBLISHED)
            for n in range(topics)
        )
        TopicTranslation.objects.bulk_create(
            TopicTranslation(
                master=topic,
                language_code=code,
                title=f"Generated topic {topic.slug} ({code})",
                summary=sentence(rng),
                machine_translated=code != "nl",
            )
            for topic in new_topics
            for code in CODES
        )
        new_sections = Section.objects.bulk_create(
            Section(topic=topic, anchor=f"question-{n}", position=n)
            for topic in new_topics
            for n in range(sections)
        )
        answers = []
        for section in new_sections:
            for code in CODES:
                body = "\n\n".join(sentence(rng, 25) for _ in range(3))
                answers.append(
                    SectionTranslation(
                        master=section,
                        language_code=code,
                        heading=sentence(rng, 5),
                        body=body,
                        body_html=render_markdown(body),
                    )
                )
        SectionTranslation.objects.bulk_create(answers)
        start = Organisation.objects.filter(slug__startswith=PREFIX).count()
        new_organisations = Organisation.objects.bulk_create(
            Organisation(
                slug=f"{PREFIX}{start + n}",
                name=f"Generated organisation {start + n}",
                website=f"https://example.org/{n}",
                **{
                    f"description_{'ind' if code == 'id' else code}": sentence(rng)
                    for code in CODES
                },
            )
            for n in range(organisations)
        )
        everything = list(Topic.objects.filter(kind=Topic.Kind.TOPIC))
        links = Organisation.topics.through.objects.bulk_create(
            Organisation.topics.through(organisation=organisation, topic=rng.choice(everything))
            for organisation in new_organisations
        )
        search.rebuild()  # bulk_create sends no signals
        self.stdout.write(
            f"Generated {len(new_topics)} topics, {len(new_sections)} questions and "
            f"{len(new_organisations)} organisations ({len(links)} links) in {len(CODES)} languages."
        )
