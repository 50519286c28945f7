"""The two roles of the admin, as groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = ["topic", "section", "organisation"]
EDITOR_EXTRA = ["publish_topic", "edit_dutch"]
TRANSLATOR = [f"{action}_{model}" for model in EDITOR_MODELS for action in ("view", "change")]


def create_roles(apps, schema_editor):
    """Editor: everything in the guide. Translator: view and change translations only.

    Neither may manage accounts: that stays with superusers.
    """
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = Permission.objects.filter(content_type__app_label="content")
    editor_codenames = [
        f"{action}_{model}" for model in EDITOR_MODELS for action in ("view", "add", "change", "delete")
    ] + EDITOR_EXTRA
    editor, _ = Group.objects.get_or_create(name="Editor")
    editor.permissions.set(content.filter(codename__in=editor_codenames))
    translator, _ = Group.objects.get_or_create(name="Translator")
    translator.permissions.set(content.filter(codename__in=TRANSLATOR))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editor", "Translator"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
