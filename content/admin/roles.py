"""What the two roles may do. Groups and their permissions come from a migration.

Editors change everything in the guide. Translators change translations and mark them
checked; they cannot publish, delete, or change Dutch text or the guide's structure.
"""

EDITOR = "Editor"
TRANSLATOR = "Translator"


def can_edit_dutch(user):
    return user.has_perm("content.edit_dutch")


def can_publish(user):
    return user.has_perm("content.publish_topic")


class EditorPermission:
    """``has_edit_dutch_permission``, for admin actions only editors may run
    (``@admin.action(permissions=["edit_dutch"])``)."""

    def has_edit_dutch_permission(self, request):
        return can_edit_dutch(request.user)


def without_fields(form_class, names):
    """``form_class`` without the fields ``names``: what is not on a form cannot be
    posted, whatever a crafted request sends. (A read-only widget is not enough:
    translated fields are declared on parler's forms, and Django's ``exclude`` leaves
    declared fields in place.)"""
    names = set(names)
    if not names:
        return form_class

    class Restricted(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name in names & set(self.fields):
                del self.fields[name]

    Restricted.__name__ = form_class.__name__
    return Restricted
