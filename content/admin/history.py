"""History for everyone who edits; restoring it only for those who may change it all.

django-reversion restores every field of a version — the Dutch text, whether a topic
is published, an organisation's website and phone number — and deletes what was
added since. A translator may change none of that, so restoring and recovering need
the editor's permissions; translators see the history read-only.
"""

from django.core.exceptions import PermissionDenied

from content.admin.roles import can_edit_dutch


class RestoredByEditors:
    """For a ``VersionAdmin``: who may restore is who may change everything it holds."""

    object_history_template = "admin/content/object_history.html"

    def may_restore(self, request):
        return can_edit_dutch(request.user)

    def revision_view(self, request, *args, **kwargs):
        if not self.may_restore(request):
            raise PermissionDenied
        return super().revision_view(request, *args, **kwargs)

    def recover_view(self, request, *args, **kwargs):
        if not self.may_restore(request):
            raise PermissionDenied
        return super().recover_view(request, *args, **kwargs)

    def recoverlist_view(self, request, *args, **kwargs):
        if not self.may_restore(request):
            raise PermissionDenied
        return super().recoverlist_view(request, *args, **kwargs)

    def history_view(self, request, object_id, extra_context=None):
        context = {**(extra_context or {}), "may_restore": self.may_restore(request)}
        return super().history_view(request, object_id, context)
