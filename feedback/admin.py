"""The editors' inbox of readers' reports: newest unhandled first, marked handled when
dealt with, deleted after ``FEEDBACK_RETENTION_DAYS``. What a reader wrote cannot be
changed, and nobody adds a report here."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from feedback.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["received_on", "excerpt", "about", "language", "handled"]
    list_filter = ["handled", "language"]
    search_fields = ["text", "page"]
    fields = ["received_on", "about", "language", "text", "handled"]
    readonly_fields = ["received_on", "about", "language", "text"]
    actions = ["mark_handled", "mark_unhandled"]
    date_hierarchy = "received_on"

    def has_add_permission(self, request):
        return False

    def changelist_view(self, request, extra_context=None):
        Report.objects.past_retention().delete()
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("page"))
    def about(self, report):
        """The page as readers see it; and, while it exists, where to change it."""
        subject = report.subject
        public = format_html('<a href="{}">{}</a>', report.page, report.page)
        if subject is None:
            return public
        meta = subject._meta
        change = reverse(
            f"{self.admin_site.name}:{meta.app_label}_{meta.model_name}_change", args=[subject.pk]
        )
        label = _("change “%(subject)s”") % {"subject": subject}
        return format_html('{} · <a href="{}">{}</a>', public, change, label)

    @admin.display(description=_("message"))
    def excerpt(self, report):
        return Truncator(report.text).chars(120)

    @admin.action(description=_("Mark as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        self.mark(request, queryset, handled=True)

    @admin.action(description=_("Mark as not handled"), permissions=["change"])
    def mark_unhandled(self, request, queryset):
        self.mark(request, queryset, handled=False)

    def mark(self, request, queryset, handled):
        count = queryset.update(handled=handled)
        message = ngettext("%(count)d report changed.", "%(count)d reports changed.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
