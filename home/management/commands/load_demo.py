from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home import demo_translations
from home.demo import DEMO_PASSWORD

# Apps contribute demo content through a `demo.load(stdout)` function, loaded in this order.
DEMO_APPS = ["home", "protocols", "toolkit", "workflows", "reporting", "accounts"]


class Command(BaseCommand):
    help = "Laadt de democontent en demo-accounts. Nogmaals uitvoeren verandert niets."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "Democontent is in deze omgeving uitgeschakeld (productie-instellingen)."
            )
        accounts: list[tuple[str, str]] = []
        for label in DEMO_APPS:
            if not apps.is_installed(label):
                continue
            try:
                module = import_module(f"{label}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{label}.demo":
                    raise
                continue
            accounts += module.load(self.stdout) or []
        # English and Frisian versions of the national pages, once every app's pages exist.
        demo_translations.load(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"\nDemo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        )
        width = max(len(name) for name, _ in accounts)
        for name, description in accounts:
            self.stdout.write(f"  {name.ljust(width)}  {description}")
