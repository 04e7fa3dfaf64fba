import time

from django.core.management.base import BaseCommand

from meldingen.reminders import send_reminders
from partners.delivery import check_deadlines, sweep_notices
from workflows.engine import sweep_moderation


class Command(BaseCommand):
    help = (
        "Zet de periodieke taken in de wachtrij: berichten die te lang wachten opnieuw "
        "aanbieden, meldingen zonder moderatie alsnog klaarzetten en verlopen "
        "reactietermijnen en herinneringen bij meldingen melden. Draai elke minuut (cron of "
        "--loop)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", type=int, default=0, help="Herhaal elke N seconden (0: één keer)."
        )

    def handle(self, *args, loop, **options):
        while True:
            sweep_notices.enqueue()
            sweep_moderation.enqueue()
            check_deadlines.enqueue()
            send_reminders.enqueue()
            if not loop:
                return
            time.sleep(loop)
