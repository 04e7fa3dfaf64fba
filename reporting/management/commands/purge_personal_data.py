from django.core.management.base import BaseCommand

from reporting.retention import purge


class Command(BaseCommand):
    help = (
        "Verwijdert persoonsgegevens van afgehandelde meldingen waarvan de bewaartermijn van de "
        "organisatie is verstreken. Anonieme cijfers blijven bewaard."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen tonen wat verwijderd zou worden."
        )
        parser.add_argument(
            "--enqueue", action="store_true", help="Als achtergrondtaak in de wachtrij zetten."
        )

    def handle(self, *args, dry_run=False, enqueue=False, **options):
        if enqueue:
            from reporting.tasks import purge_personal_data

            result = purge_personal_data.enqueue()
            self.stdout.write(f"Taak {result.id} in de wachtrij gezet.")
            return
        purged = purge(dry_run=dry_run)
        verb = "Zou verwijderen" if dry_run else "Verwijderd"
        self.stdout.write(f"{verb}: persoonsgegevens van {len(purged)} meldingen.")
        for melding in purged:
            self.stdout.write(f"  {melding.reference}")
