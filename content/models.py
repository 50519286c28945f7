"""The guide's content: topics with their questions, and the organisations that help.

Topics and sections are long, translated prose: django-parler keeps one translation
row per language. Organisations are short structured records: django-modeltranslation
adds a column per language to the same table (see ``translation.py``).
"""

import datetime

import reversion
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname as localized
from parler.fields import TranslationsForeignKey
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFieldsModel

from content import checking
from content.freshness import parler_texts
from content.markdown import render_markdown
from content.validators import (
    published_address_unchanged,
    validate_anchor,
    validate_email_address,
    validate_markdown_headings,
    validate_phone,
    validate_web_address,
)
from content.versioning import (
    VersionedDutchText,
    changed_on_field,
    is_source,
    source_version_field,
)
from guide.addresses import address
from guide.languages import SOURCE_LANGUAGE

#: The date of the City's document this guide was written from.
SEED_DATE = datetime.date(2021, 9, 21)

#: What readers see of the two dates (``content/checking.py``), for topics and organisations.
SOURCE_DATE_HELP = _(
    "The date of the information this page was written from, such as the City's document "
    "of 21 September 2021. Readers see it."
)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def normalise_newlines(text):
    """Browsers send textarea contents with CRLF; files and comparisons use LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: What readers may see, for the ORM and for plain SQL (``content/reading.py``) alike.
PUBLISHED = {"status": Status.PUBLISHED}


class TopicQuerySet(TranslatableQuerySet):
    def published(self):
        return self.filter(**PUBLISHED)

    def overdue(self):
        return self.filter(checking.overdue())

    def listed(self):
        return self.filter(**LISTED)

    def with_translations(self):
        return self.prefetch_related("translations")


@reversion.register(follow=["translations", "sections"])
class Topic(TranslatableModel):
    class Kind(models.TextChoices):
        TOPIC = "topic", _("Topic")
        ABOUT = "about", _("Background page")

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_(
            "The last part of the page's web address, as in /nl/topics/health-care/. The same in every language. "
            "NGO workers share links to it, so do not change it once published."
        ),
    )
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.TOPIC,
        help_text=_(
            "A topic is listed on the home page. The background page is shown at /nl/about/."
        ),
    )

    class Icon(models.TextChoices):
        HEALTH = "health", _("Heart (health care)")
        EDUCATION = "education", _("Book (education)")
        POLICE = "police", _("Shield (safety, police)")
        HOUSING = "housing", _("House (housing)")
        PERMIT = "permit", _("Document (papers, permits)")
        RETURN = "return", _("Suitcase (travel, return)")
        COMMUNITY = "community", _("People (neighbourhood, community)")
        SHELTER = "shelter", _("Bed (shelter)")
        INFO = "info", _("Information")

    icon = models.CharField(
        _("icon"),
        max_length=20,
        choices=Icon.choices,
        default=Icon.INFO,
        help_text=_("The picture next to the topic in the list, to help readers find it."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers are listed first.")
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Readers only see published topics."),
    )
    source_date = checking.source_date_field(SOURCE_DATE_HELP)
    last_checked = checking.last_checked_field(
        _(
            "The date a person last checked this page against current sources. Empty until "
            "someone has; readers are then told that things may have changed."
        )
    )
    source_url = models.URLField(
        _("official source"),
        blank=True,
        validators=[validate_web_address],
        help_text=_(
            "A page of the City or the government this topic is based on, if there is one."
        ),
    )
    updated_at = models.DateTimeField(
        _("updated at"), auto_now=True, help_text=_("Set by itself whenever this is saved.")
    )

    objects = TranslatableManager.from_queryset(TopicQuerySet)()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        permissions = [
            ("publish_topic", _("Can publish and unpublish topics")),
            ("edit_dutch", _("Can change Dutch texts and the structure of the guide")),
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def clean(self):
        published_address_unchanged(
            self,
            "slug",
            lambda topic: Topic.objects.filter(pk=topic.pk, status=Status.PUBLISHED).exists(),
            _(
                "This topic has been published, and NGO workers share links to it. "
                "Its slug can no longer change."
            ),
        )

    def mark_checked(self, language):
        """A person checked this topic in ``language`` — title, summary and every
        question — against the current Dutch text."""
        for obj in [self, *self.sections.all()]:
            rows = parler_texts(obj)
            if language in rows and SOURCE_LANGUAGE in rows:
                rows[language].mark_checked(rows[SOURCE_LANGUAGE])
                rows[language].save()

    def get_absolute_url(self):
        if self.kind == Topic.Kind.ABOUT:
            return address("content:about")
        return address("content:topic", slug=self.slug)


#: Topics shown in the topic list (the background page has its own place).
LISTED = {"kind": Topic.Kind.TOPIC}


class TranslationFields(VersionedDutchText, models.Model):
    """What every translation row records about itself (see ``versioning.py``)."""

    machine_translated = models.BooleanField(
        _("machine-assisted"),
        default=False,
        help_text=_(
            "Made with the help of a computer and not yet checked by a person. "
            "Readers see a notice while this is ticked."
        ),
    )
    source_version = source_version_field()
    changed_on = changed_on_field()

    #: The fields that make up the text, in the order they are compared.
    text_fields = ()

    class Meta:
        abstract = True

    def dutch_fields(self):
        return self.text_fields if is_source(self.language_code) else ()

    def mark_checked(self, source):
        """A person checked this translation against the current Dutch ``source`` row."""
        self.machine_translated = False
        self.source_version = source.source_version


@reversion.register(follow=["master"])
class TopicTranslation(TranslatedFieldsModel, TranslationFields):
    master = TranslationsForeignKey(
        Topic, related_name="translations", null=True, on_delete=models.CASCADE
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One plain sentence with the answer: what the reader is entitled to or can do."
        ),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        validators=[validate_markdown_headings],
        help_text=_(
            "Optional text above the questions. Markdown: *emphasis*, [link](https://…), lists."
        ),
    )
    intro_html = models.TextField(
        _("introduction as HTML"),
        editable=False,
        blank=True,
        help_text=_("Made from the introduction when it is saved: what readers get."),
    )

    text_fields = ("title", "summary", "intro")

    class Meta:
        unique_together = [("language_code", "master")]
        verbose_name = _("topic translation")

    def save(self, *args, **kwargs):
        self.intro = normalise_newlines(self.intro)
        self.intro_html = render_markdown(self.intro)
        self.raise_version_if_changed()
        super().save(*args, **kwargs)


class SectionQuerySet(TranslatableQuerySet):
    def with_translations(self):
        return self.prefetch_related("translations")


@reversion.register(follow=["translations"])
class Section(TranslatableModel):
    """One question on a topic page, with its answer."""

    topic = models.ForeignKey(
        Topic, related_name="sections", on_delete=models.CASCADE, verbose_name=_("topic")
    )
    anchor = models.SlugField(
        _("anchor"),
        max_length=80,
        validators=[validate_anchor],
        help_text=_(
            "Links to this question end in # and the anchor, as in #costs. The same in every language; "
            "do not change it once published."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first on the page.")
    )

    objects = TranslatableManager.from_queryset(SectionQuerySet)()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "anchor"], name="unique_anchor_per_topic")
        ]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.safe_translation_getter("heading", any_language=True) or self.anchor

    def clean(self):
        published_address_unchanged(
            self,
            "anchor",
            lambda section: section.topic.status == Status.PUBLISHED,
            _(
                "This question has been published, and links point to it. Its anchor can no longer change."
            ),
        )

    def get_absolute_url(self):
        return f"{self.topic.get_absolute_url()}#{self.anchor}"


@reversion.register(follow=["master"])
class SectionTranslation(TranslatedFieldsModel, TranslationFields):
    master = TranslationsForeignKey(
        Section, related_name="translations", null=True, on_delete=models.CASCADE
    )
    heading = models.CharField(
        _("question"), max_length=200, help_text=_("The question, as a reader would ask it.")
    )
    body = models.TextField(
        _("answer"),
        validators=[validate_markdown_headings],
        help_text=_(
            "The answer first, in short sentences. Markdown: *emphasis*, [link](https://…), "
            "lists, ### subheadings."
        ),
    )
    body_html = models.TextField(
        _("answer as HTML"),
        editable=False,
        blank=True,
        help_text=_("Made from the answer when it is saved: what readers get."),
    )

    text_fields = ("heading", "body")

    class Meta:
        unique_together = [("language_code", "master")]
        verbose_name = _("question translation")

    def save(self, *args, **kwargs):
        self.body = normalise_newlines(self.body)
        self.body_html = render_markdown(self.body)
        self.raise_version_if_changed()
        super().save(*args, **kwargs)


#: An organisation's own details, the same in every language (its description is not).
ORGANISATION_DETAILS = (
    "slug", "name", "website", "phone", "email", "address", "topics", "source_date",
    "last_checked",
)  # fmt: skip


class OrganisationQuerySet(models.QuerySet):
    def for_topic(self, topic):
        return self.filter(topics=topic)

    def overdue(self):
        return self.filter(checking.overdue())


@reversion.register()
class Organisation(VersionedDutchText, models.Model):
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_(
            "The last part of the web address of the organisation's page, as in /nl/organisations/kruispost/."
        ),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The organisation's own name, the same in every language."),
    )
    description = models.TextField(
        _("description"),
        help_text=_("What the organisation does for undocumented people, in one or two sentences."),
    )
    machine_translated = models.BooleanField(
        _("description machine-assisted"),
        default=False,
        help_text=_(
            "The description in this language was made with the help of a computer and "
            "not yet checked by a person."
        ),
    )
    # Translated by modeltranslation like the description: source_version_nl is the
    # Dutch description's version, source_version_<xx> the one a translation matches.
    source_version = source_version_field()
    changed_on = changed_on_field()
    website = models.URLField(
        _("website"),
        blank=True,
        validators=[validate_web_address],
        help_text=_("The organisation's page for undocumented people, if it has one."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        validators=[validate_phone],
        help_text=_("Only a number from a reliable source."),
    )
    email = models.EmailField(
        _("email"),
        blank=True,
        validators=[validate_email_address],
        help_text=_("Only an address the organisation publishes itself."),
    )
    address = models.TextField(
        _("address"),
        blank=True,
        help_text=_(
            "Only an address the organisation publishes itself. Readers see it as written."
        ),
    )
    topics = models.ManyToManyField(
        Topic,
        related_name="organisations",
        blank=True,
        verbose_name=_("topics"),
        help_text=_("The organisation is listed on these topic pages."),
    )
    source_date = checking.source_date_field(SOURCE_DATE_HELP)
    last_checked = checking.last_checked_field(
        _(
            "The date a person last checked these details against current sources. Empty "
            "until someone has; readers are then told that things may have changed."
        )
    )
    updated_at = models.DateTimeField(
        _("updated at"), auto_now=True, help_text=_("Set by itself whenever this is saved.")
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.raise_version_if_changed()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return address("content:organisation", slug=self.slug)

    def clean(self):
        published_address_unchanged(
            self,
            "slug",
            lambda organisation: True,  # every organisation is public
            _(
                "NGO workers share links to this organisation's page. Its slug can no longer change."
            ),
        )

    version_attribute = localized("source_version", SOURCE_LANGUAGE)

    def dutch_fields(self):
        return (localized("description", SOURCE_LANGUAGE),)

    def mark_checked(self, language):
        """A person checked the description in ``language`` against the current Dutch."""
        setattr(self, localized("machine_translated", language), False)
        setattr(
            self,
            localized("source_version", language),
            getattr(self, localized("source_version", SOURCE_LANGUAGE)),
        )


class LoadRecord(models.Model):
    """What ``load_content`` last wrote for one unit of content.

    A unit is a topic in one language, or an organisation in one language. When the
    database no longer matches the digest, an editor has changed the unit since, and
    the loader leaves it alone.
    """

    key = models.CharField(
        _("content unit"),
        max_length=200,
        unique=True,
        help_text=_("The content file (and the organisation in it) that was loaded."),
    )
    digest = models.CharField(
        _("digest"),
        max_length=64,
        help_text=_("A fingerprint of what was loaded, to notice later edits."),
    )
    loaded_at = models.DateTimeField(
        _("loaded at"), auto_now=True, help_text=_("When it was loaded.")
    )

    class Meta:
        verbose_name = _("loaded content record")
        verbose_name_plural = _("loaded content records")

    def __str__(self):
        return self.key


class SearchEntry(models.Model):
    """One text readers can find, in one language: a topic, a question or an
    organisation (``content/search.py`` keeps these in step with every save).

    ``terms`` holds the text's words as the search compares them (folded and stemmed
    for the language); each database indexes it with its own full-text search.
    """

    class Kind(models.TextChoices):
        TOPIC = "topic", _("Topic")
        QUESTION = "question", _("Question")
        ORGANISATION = "organisation", _("Organisation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10, db_index=True)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE)
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE)
    title = models.TextField(_("title"), help_text=_("What the result is called."))
    context = models.TextField(
        _("context"), blank=True, help_text=_("For a question: the title of its topic.")
    )
    text = models.TextField(_("text"), help_text=_("The text results quote from."))
    title_terms = models.TextField(_("words of the title"))
    terms = models.TextField(_("words"))
    folded = models.TextField(_("folded text"), help_text=_("For finding parts of words."))

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return f"{self.language}: {self.title}"
