# The constraints of 0004's new item shape, after the data of 0005 (see there).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0005_recurrence_by_kind")]

    operations = [
        migrations.AddConstraint(
            model_name="checklistitem",
            constraint=models.UniqueConstraint(
                condition=models.Q(("organisation__isnull", True)),
                fields=("heading", "text"),
                name="toolkit_item_unique",
            ),
        ),
        migrations.AddConstraint(
            model_name="checklistitem",
            constraint=models.UniqueConstraint(
                condition=models.Q(("organisation__isnull", False)),
                fields=("heading", "organisation", "text"),
                name="toolkit_own_item_unique",
            ),
        ),
        migrations.AddConstraint(
            model_name="checklistitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "recurrence__in",
                        [
                            "eenmalig",
                            "per_evenement",
                            "per_incident",
                            "kwartaal",
                            "jaarlijks",
                            "termijn",
                        ],
                    )
                ),
                name="toolkit_item_recurrence",
            ),
        ),
    ]
