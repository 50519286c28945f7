"""The editors' admin: topics, organisations, the translation dashboard, history."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from content.admin import organisations, topics  # noqa: F401  (registers the admins)

admin.site.site_header = _("Guide for undocumented Amsterdammers: editors")
admin.site.site_title = _("Guide editors")
admin.site.index_title = _("Content of the guide")
