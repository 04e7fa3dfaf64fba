import datetime

from django.core.management.base import BaseCommand

from toolkit.tasks import process_due_items


class Command(BaseCommand):
    help = (
        "Zet terugkerende checklistpunten die weer aan de beurt zijn terug en stuurt eigenaren "
        "een herinnering. Dagelijks uitvoeren (cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--datum", type=datetime.date.fromisoformat, help="Doen alsof het deze dag is."
        )

    def handle(self, *args, **options):
        result = process_due_items(options["datum"])
        self.stdout.write(
            f"{result['reopened']} punt(en) teruggezet, {result['reminded']} herinnering(en)."
        )
