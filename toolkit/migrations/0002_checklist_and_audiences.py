from django.db import migrations


def load(apps, schema_editor):
    # The checklist itself is loaded by 0004, once items have their current shape.
    from toolkit.checklist import load_audiences

    load_audiences(apps.get_model("toolkit", "Audience"))


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
