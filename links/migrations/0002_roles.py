"""Editors and translators both read the results of the link checks. Nobody changes
them by hand: ``check_links`` writes them, and accepting a redirect needs the
editors' ``content.edit_dutch``, not a permission of this app."""

from django.db import migrations

READERS = ["Editor", "Translator"]


def let_roles_read(apps, schema_editor):
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="links", model="linkcheck"
    )
    view, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="view_linkcheck", defaults={"name": "Can view link"}
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=READERS):
        group.permissions.add(view)


def stop_roles_reading(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=READERS):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="links", codename="view_linkcheck")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("links", "0001_link_checks"),
        ("content", "0002_roles"),
        ("contenttypes", "__latest__"),
        ("auth", "__latest__"),
    ]

    operations = [migrations.RunPython(let_roles_read, stop_roles_reading)]
