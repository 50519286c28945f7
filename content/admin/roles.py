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
