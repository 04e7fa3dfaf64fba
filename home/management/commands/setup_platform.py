from django.core.management.base import BaseCommand

from home.setup import ensure_platform


class Command(BaseCommand):
    help = (
        "Maakt de vaste structuur aan (talen, landelijke startpagina, overzicht organisaties, "
        "groep Landelijke redactie). Nogmaals uitvoeren verandert niets."
    )

    def handle(self, *args, **options):
        home = ensure_platform()
        self.stdout.write(self.style.SUCCESS(f"Platformstructuur in orde (startpagina: {home})."))
