"""Seed the ladder of measures against a perpetrator (meldingen.ladder)."""

from django.db import migrations


def seed(apps, schema_editor):
    from meldingen.ladder import ensure_ladder

    ensure_ladder(apps.get_model("meldingen", "MeasureStep"))


class Migration(migrations.Migration):
    dependencies = [("meldingen", "0002_casework")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
