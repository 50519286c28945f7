from django.contrib.sitemaps import views as sitemaps_views
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView, View

from content import reading
from content.fallbacks import page_notice, pick, pick_description
from content.forms import OrganisationFilterForm
from content.freshness import organisation_text
from content.models import Organisation, Status, Topic
from guide import languages
from guide.page_cache import depends_on


@method_decorator(csrf_exempt, name="dispatch")
class PublicView(View):
    """A page for readers: read only, so nothing is ever posted to it and no CSRF
    cookie is needed. Other methods get a 405 page (``ReadableErrorPagesMiddleware``)."""

    http_method_names = ["get", "head", "options"]


class LanguageChoiceView(PublicView, TemplateView):
    """``/``: every language by its own name, the browser's preferred ones first.

    Nothing is remembered: the choice is the address the reader goes to.
    """

    template_name = "content/language_choice.html"

    def get_context_data(self, **kwargs):
        preferred = languages.by_preference(self.request.headers.get("Accept-Language", ""))
        return super().get_context_data(choices=preferred, **kwargs)


class HomeView(PublicView, TemplateView):
    template_name = "content/home.html"

    def get_context_data(self, **kwargs):
        depends_on(self.request, "topics")
        topics = reading.topic_summaries(get_language())
        return super().get_context_data(topics=topics, **kwargs)


def organisation_cards(listings, language):
    """Each organisation (a ``reading.Listing``) with its description as the reader gets it."""
    return [(listing, pick_description(listing, language)) for listing in listings]


class TopicDetailView(PublicView, DetailView):
    """A topic's page. Its texts are read with the topic (``content.reading``)."""

    template_name = "content/topic_detail.html"
    context_object_name = "topic"
    preview = False
    #: Which topics this view shows.
    conditions = {"status": Status.PUBLISHED, "kind": Topic.Kind.TOPIC}

    def get_object(self, queryset=None):
        # The topic's tag covers its organisations' cards too (``content.signals``).
        depends_on(self.request, f"topic:{self.kwargs['slug']}")
        return self.read(slug=self.kwargs["slug"], **self.conditions)

    def read(self, **conditions):
        topic, self.texts = reading.topic(**conditions)
        if topic is None:
            raise Http404
        return topic

    def get_context_data(self, **kwargs):
        topic, language = self.object, get_language()
        cards = organisation_cards(reading.topic_listings(topic, language), language)
        return super().get_context_data(
            shown=pick(self.texts, language, topic),
            answers=reading.answers(topic, language),
            cards=cards,
            available_languages=list(self.texts),
            **kwargs,
        )


class AboutView(TopicDetailView):
    """The background page: the published topic of kind "about"."""

    template_name = "content/about.html"

    def get_object(self, queryset=None):
        depends_on(self.request, "about")
        return self.read(status=Status.PUBLISHED, kind=Topic.Kind.ABOUT)


class PreviewTopicView(TopicDetailView):
    """A topic exactly as readers will see it, drafts included: for staff only.

    Never cached and never indexed; to anyone else the page does not exist.
    """

    preview = True
    conditions = {}

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff:
            raise Http404
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_template_names(self):
        about = self.object.kind == Topic.Kind.ABOUT
        return [AboutView.template_name if about else self.template_name]


class OrganisationListView(PublicView, ListView):
    template_name = "content/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = 25

    def get(self, request, *args, **kwargs):
        depends_on(request, "organisations", "topics")
        topics = reading.topic_summaries(get_language())
        self.form = OrganisationFilterForm(request.GET or None, topics)
        self.topic = self.form.cleaned_data["topic"] if self.form.is_valid() else None
        response = super().get(request, *args, **kwargs)
        if self.form.errors:
            # Still a useful page (the whole list), but not a page to cache or index.
            response.status_code = 400
        return response

    def get_queryset(self):
        organisations = Organisation.objects.all()
        if self.topic:
            organisations = organisations.for_topic(self.topic.pk)
        return organisations

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, selected_topic=self.topic, **kwargs)
        language = get_language()
        count = context["paginator"].count
        context["count_text"] = ngettext(
            "%(counter)s organisation", "%(counter)s organisations", count
        ) % {"counter": count}
        listings = reading.listings(context["organisations"], language)
        context["cards"] = organisation_cards(listings, language)
        # Say once for the whole list that its descriptions were machine-assisted.
        context["page_text"] = page_notice([text for _o, text in context["cards"]], language)
        return context


class OrganisationDetailView(PublicView, DetailView):
    template_name = "content/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        depends_on(self.request, f"organisation:{self.kwargs['slug']}", "topics")
        topics = Topic.objects.published().listed().with_translations()
        return Organisation.objects.prefetch_related(Prefetch("topics", queryset=topics))

    def get_context_data(self, **kwargs):
        described_in = [code for code in languages.CODES if organisation_text(self.object, code)]
        return super().get_context_data(available_languages=described_in, **kwargs)


class PageView(PublicView, TemplateView):
    """A page whose text is part of the interface (privacy, accessibility)."""


def csrf_failure(request, reason=""):
    """An editor's form that could not be checked (expired, or sent from elsewhere)."""
    return render(request, "403_csrf.html", status=403)


@require_safe
def sitemap(request, sitemaps):
    depends_on(request, "topics", "organisations")
    return sitemaps_views.sitemap(request, sitemaps)
