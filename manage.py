#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guide.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    # Django would quietly carry on without settings (and e.g. `check` would pass);
    # a missing SECRET_KEY must stop every command instead.
    settings.INSTALLED_APPS  # noqa: B018
    execute_from_command_line(sys.argv)
