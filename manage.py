#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # "veiligbestuur" is the site/ folder, installed under that name (see pyproject.toml).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "veiligbestuur.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
