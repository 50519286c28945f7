"""Readers' reports not yet handled, on the admin's home page."""

from django import template

from feedback.models import Report

register = template.Library()


@register.inclusion_tag("admin/feedback/summary.html", takes_context=True)
def report_summary(context):
    """One line for those who may read reports: how many wait to be handled."""
    user = context["request"].user
    if not user.has_perm("feedback.view_report"):
        return {"shown": False}
    return {"shown": True, "waiting": Report.objects.waiting().count()}
