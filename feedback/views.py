"""``/<lang>/topics/<slug>/report/`` and ``/<lang>/organisations/<slug>/report/``: a
reader tells the editors what is wrong or missing on that page.

The form is at the end of the page itself (``includes/report_form.html``); this
address receives it and shows it again when something needs fixing, with what the
reader wrote kept. It works without JavaScript and sets no cookie: a signed token
(``feedback.tokens``) replaces the CSRF cookie, which a form that changes nothing of
the reader's and carries no credentials does not need. Only the page, the language,
the text and the day are kept (``feedback.models.Report``).
"""

from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from content.models import LISTED, PUBLISHED, Organisation, Topic
from content.views import PublicView
from feedback import throttle
from feedback.forms import ReportForm
from feedback.models import Report

#: What can be reported on: how to find it by its slug, and its page's view.
SUBJECTS = {
    "topic": (lambda slug: Topic.objects.filter(**PUBLISHED, **LISTED, slug=slug).first()),
    "organisation": (lambda slug: Organisation.objects.filter(slug=slug).first()),
}


class SubjectMixin:
    """The topic or organisation the report is about, or a 404 page."""

    kind = None

    @cached_property
    def subject(self):
        found = SUBJECTS[self.kind](self.kwargs["slug"])
        if found is None:
            raise Http404
        return found

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, kind=self.kind, **kwargs)


@method_decorator(never_cache, name="dispatch")
class ReportView(SubjectMixin, PublicView, TemplateView):
    """The form on a page of its own; what a reader sent, received."""

    template_name = "feedback/report.html"
    http_method_names = [*PublicView.http_method_names, "post"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**{"too_many": False, **kwargs})

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, *args, **kwargs):
        subject = self.subject
        form = self.form(request.POST)
        if form.is_from_a_bot:
            return self.thanks()  # as if received: nothing tells the bot it was caught
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if not throttle.allows(request):
            context = self.get_context_data(form=form, too_many=True)
            return self.render_to_response(context, status=429)
        Report.objects.past_retention().delete()
        Report.objects.create(
            page=subject.get_absolute_url(),
            language=get_language(),
            text=form.cleaned_data["text"],
            **{self.kind: subject},
        )
        return self.thanks()

    def form(self, data=None):
        return ReportForm(data, page=self.subject.get_absolute_url())

    def thanks(self):
        # 303: a reload of the thank-you page does not send the report again.
        response = HttpResponseRedirect(reverse(f"feedback:{self.kind}-thanks", kwargs=self.kwargs))
        response.status_code = 303
        return response


class ThanksView(SubjectMixin, PublicView, TemplateView):
    """What happens next, and what was (not) recorded."""

    template_name = "feedback/thanks.html"
