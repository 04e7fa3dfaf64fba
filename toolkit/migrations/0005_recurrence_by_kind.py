"""Data of 0004's new item shape, in a migration of its own: PostgreSQL runs no schema change
in the transaction of data changes (pending trigger events)."""

from django.db import migrations

# Months-based recurrences of 0003 and their names now.
OLD_RECURRENCE = {"0": "eenmalig", "3": "kwartaal", "12": "jaarlijks", "48": "termijn"}


def recurrence_by_kind(apps, schema_editor):
    """Rename the stored recurrences, load the checklist (new databases), set the national
    items' recurrence to the current content (operational risk analyses per event, handling
    and evaluating incidents per incident) and drop the due dates, unsent reminders included,
    of progress on items that no longer have a calendar."""
    from toolkit.checklist import load_checklist, national_recurrences

    Item = apps.get_model("toolkit", "ChecklistItem")
    Progress = apps.get_model("toolkit", "ChecklistProgress")
    for old, new in OLD_RECURRENCE.items():
        Item.objects.filter(recurrence=old).update(recurrence=new)
    load_checklist(apps.get_model("toolkit", "ChecklistHeading"), Item)
    for text, recurrence in national_recurrences().items():
        Item.objects.filter(organisation__isnull=True, text=text).update(recurrence=recurrence)
    Progress.objects.filter(
        item__recurrence__in=["per_evenement", "per_incident"], status__in=["niet_gestart", "bezig"]
    ).update(due_date=None, reminded_on=None)


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0004_recurrence_and_own_items")]

    operations = [migrations.RunPython(recurrence_by_kind, migrations.RunPython.noop)]
