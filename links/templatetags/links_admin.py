"""The links that need attention, where editors look first: the admin's home page and
the dashboard "Translations and checking"."""

from django import template
from django.db.models import Count, Max, Q

from content.admin.roles import can_edit_dutch
from links.admin import pages
from links.checking import FAILING, Result
from links.models import LinkCheck

register = template.Library()


@register.inclusion_tag("admin/links/summary.html")
def link_summary():
    """One line: how many links do not work or moved, as of the last check."""
    return LinkCheck.objects.aggregate(
        last_check=Max("checked_at"),
        failing=Count("pk", filter=Q(result__in=FAILING)),
        redirected=Count("pk", filter=Q(result=Result.REDIRECTED)),
    )


@register.inclusion_tag("admin/links/attention.html", takes_context=True)
def links_needing_attention(context):
    """Every link that is broken, unreachable or redirected, with the pages and
    languages it is on."""
    links = LinkCheck.objects.needing_attention().with_places()
    return {
        "last_check": LinkCheck.objects.aggregate(last=Max("checked_at"))["last"],
        "links": [(link, pages(link)) for link in links],
        "may_accept": can_edit_dutch(context["request"].user),
    }
