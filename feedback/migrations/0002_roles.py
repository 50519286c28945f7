"""Both roles read readers' reports and mark them handled; editors may also delete one
(say, a report in which a reader wrote about themselves)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Editor": ["view_report", "change_report", "delete_report"],
    "Translator": ["view_report", "change_report"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLES.items():
        group = apps.get_model("auth", "Group").objects.get(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="feedback", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        group = apps.get_model("auth", "Group").objects.get(name=role)
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="feedback"))


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_reports"), ("content", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
