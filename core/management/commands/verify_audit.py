from django.core.management.base import BaseCommand, CommandError

from core.audit import verify
from core.models import AuditEvent


class Command(BaseCommand):
    help = "Controleert of de audittrail ongeschonden is (hashketen)."

    def handle(self, *args, **options):
        problems = verify()
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"Audittrail is niet intact: {len(problems)} probleem/problemen.")
        self.stdout.write(
            self.style.SUCCESS(f"Audittrail intact ({AuditEvent.objects.count()} regels).")
        )
