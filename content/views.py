import sys

from django.contrib.sitemaps import views as sitemaps_views
from django.db import InterfaceError, OperationalError
from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, ngettext
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView, View

from content import cache_tags, outage, reading, search
from content.fallbacks import page_notice, pick, pick_description, topic_page_notice
from content.forms import OrganisationFilterForm
from content.freshness import organisation_text
from content.models import LISTED, PUBLISHED, Organisation, Topic
from guide import languages
from guide.languages import FALLBACK_LANGUAGES, SOURCE_LANGUAGE
from guide.page_cache import depends_on


def without_unknown_parameters(request, known):
    """A redirect to the same page without the query parameters it does not use
    (``?utm_source=…``, ``?fbclid=…``), or ``None`` when there are none.

    One address per page: links keep working, trackers' identifiers leave the address
    bar, and a made-up query never becomes another copy in the page cache.
    """
    if all(name in known for name in request.GET):
        return None
    kept = request.GET.copy()
    for name in list(kept):
        if name not in known:
            del kept[name]
    query = kept.urlencode()
    return HttpResponsePermanentRedirect(request.path + (f"?{query}" if query else ""))


@method_decorator(csrf_exempt, name="dispatch")
class PublicView(View):
    """A page for readers: read only, so nothing is ever posted to it and no CSRF
    cookie is needed. Other methods get a 405 page (``ReadableErrorPagesMiddleware``).
    A query parameter the page does not use (``query_parameters``) is dropped by a
    redirect to its clean address."""

    http_method_names = ["get", "head", "options"]
    query_parameters = ()

    def dispatch(self, request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            clean = without_unknown_parameters(request, self.query_parameters)
            if clean:
                return clean
        return super().dispatch(request, *args, **kwargs)


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
        depends_on(self.request, cache_tags.TOPICS)
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
    conditions = PUBLISHED | LISTED

    def get_object(self, queryset=None):
        # The topic's tag covers its organisations' cards too (``content.signals``).
        depends_on(self.request, cache_tags.topic(self.kwargs["slug"]))
        return self.read(slug=self.kwargs["slug"], **self.conditions)

    def read(self, **conditions):
        topic, self.texts = reading.topic(**conditions)
        if topic is None:
            raise Http404
        return topic

    def get_context_data(self, **kwargs):
        topic, language = self.object, get_language()
        cards = organisation_cards(reading.topic_listings(topic, language), language)
        shown, answers = pick(self.texts, language, topic), reading.answers(topic, language)
        return super().get_context_data(
            shown=shown,
            page_notice=topic_page_notice(shown, [answer for _question, answer in answers]),
            cards_notice=page_notice([text for _card, text in cards], language),
            answers=answers,
            cards=cards,
            available_languages=list(self.texts),
            # A published topic has a view beside the other language (ShowTopicView).
            show_beside=None
            if self.preview or topic.kind != Topic.Kind.TOPIC
            else beside(language),
            **kwargs,
        )


def beside(language):
    """The language a topic is shown beside: Dutch, or for a Dutch reader, English."""
    return SOURCE_LANGUAGE if language != SOURCE_LANGUAGE else FALLBACK_LANGUAGES[0]


class ShowTopicView(TopicDetailView):
    """A topic to show someone who reads Dutch — a receptionist, a teacher, a police
    officer: each answer in the reader's language beside the Dutch (for a Dutch reader,
    beside the English), in large type, with its source, its date and a QR code to
    this page. Each block carries its own ``lang`` and ``dir``. Not for search engines."""

    template_name = "content/topic_show.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topic, other = self.object, beside(get_language())
        in_other = {question.anchor: text for question, text in reading.answers(topic, other)}
        return {
            **context,
            "other_language": languages.BY_CODE[other],
            "other": pick(self.texts, other, topic),
            "pairs": [
                (question, answer, in_other.get(question.anchor))
                for question, answer in context["answers"]
            ],
        }


class AboutView(TopicDetailView):
    """The background page: the published topic of kind "about"."""

    template_name = "content/about.html"

    def get_object(self, queryset=None):
        depends_on(self.request, cache_tags.ABOUT)
        return self.read(**PUBLISHED, kind=Topic.Kind.ABOUT)


@method_decorator(csrf_exempt, name="dispatch")
class PreviewTopicView(TopicDetailView):
    """A topic exactly as readers will see it, drafts included: for staff only.

    Never cached and never indexed; to anyone else the page does not exist.
    """

    preview = True
    conditions = {}

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_staff and request.user.is_verified()):
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
    query_parameters = ("topic", "page")

    def get(self, request, *args, **kwargs):
        depends_on(request, cache_tags.ORGANISATIONS, cache_tags.TOPICS)
        topics = reading.topic_summaries(get_language())
        self.form = OrganisationFilterForm(request.GET or None, topics)
        self.topic = self.form.cleaned_data["topic"] if self.form.is_valid() else None
        response = super().get(request, *args, **kwargs)
        if self.form.errors:
            # Still a useful page (the whole list), but not a page to cache or index.
            response.status_code = 400
        elif self.query() != request.META.get("QUERY_STRING", ""):
            # ?page=1, ?page=02, the parameters in another order: one address per page.
            query = self.query()
            return HttpResponsePermanentRedirect(request.path + (f"?{query}" if query else ""))
        return response

    def query(self):
        """The query of this page's one address, as its own links write it."""
        parameters = {"topic": self.topic.slug if self.topic else None}
        parameters["page"] = self.page_number if self.page_number > 1 else None
        return "&".join(f"{name}={value}" for name, value in parameters.items() if value)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, objects, is_paginated = super().paginate_queryset(queryset, page_size)
        self.page_number = page.number
        return paginator, page, objects, is_paginated

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
        depends_on(self.request, cache_tags.organisation(self.kwargs["slug"]), cache_tags.TOPICS)
        topics = Topic.objects.published().listed().with_translations()
        return Organisation.objects.prefetch_related(Prefetch("topics", queryset=topics))

    def get_context_data(self, **kwargs):
        described_in = [code for code in languages.CODES if organisation_text(self.object, code)]
        return super().get_context_data(available_languages=described_in, **kwargs)


@method_decorator(never_cache, name="dispatch")
class SearchView(PublicView, TemplateView):
    """``/<lang>/search/?q=…``: what the guide says about the reader's words.

    Nothing about a search is kept: never cached (the page cache, the browser or a
    CDN would each keep one copy per query) and never indexed; the query string is
    in no log (``gunicorn.conf.py``, ``guide/log_filters.py``).
    """

    template_name = "content/search.html"
    query_parameters = ("q",)
    #: In a static copy of the guide (``content/mirror.py``) there is no server to search.
    static_copy = False

    def get_context_data(self, **kwargs):
        query = search.clean_query(self.request.GET.get("q", ""))
        results = search.search(query, get_language()) if query else []
        topics = [] if results else reading.topic_summaries(get_language())
        count_text = ngettext("%(counter)s result", "%(counter)s results", len(results)) % {
            "counter": len(results)
        }
        return super().get_context_data(
            query=query, results=results, topics=topics, count_text=count_text, **kwargs
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response


class PageView(PublicView, TemplateView):
    """A page whose text is part of the interface (privacy, accessibility)."""


def csrf_failure(request, reason=""):
    """An editor's form that could not be checked (expired, or sent from elsewhere)."""
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    """The 500 page; but a database that cannot be reached is an outage, not our
    mistake: the reader gets the 503 page (``content/outage.py``), wherever it failed."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return outage.unavailable(request)
    return defaults.server_error(request)


@require_safe
def sitemap(request, sitemaps):
    clean = without_unknown_parameters(request, ())
    if clean:
        return clean
    depends_on(request, cache_tags.TOPICS, cache_tags.ORGANISATIONS)
    return sitemaps_views.sitemap(request, sitemaps)
