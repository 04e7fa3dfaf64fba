from django.db import migrations


def load(apps, schema_editor):
    from toolkit.checklist import load_audiences, load_checklist

    load_checklist(apps.get_model("toolkit", "ChecklistHeading"), apps.get_model("toolkit", "ChecklistItem"))
    load_audiences(apps.get_model("toolkit", "Audience"))


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
