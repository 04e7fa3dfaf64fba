from contextlib import contextmanager
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models.signals import post_save
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task

from home import demo_translations
from home.demo import DEMO_PASSWORD


@contextmanager
def reference_index_once():
    """Wagtail renews an object's reference index on each of its saves (about 650 times in
    one demo load, mostly the same pages again): here once per saved object, at the end.
    Deletions keep Wagtail's own handler."""
    touched: dict[type, set] = {}

    def collect(sender, instance, raw=False, **kwargs):
        if not raw:
            touched.setdefault(sender, set()).add(instance.pk)

    models = ReferenceIndex.tracked_models
    for model in models:
        post_save.disconnect(update_reference_index_on_save, sender=model)
        post_save.connect(collect, sender=model, weak=False)
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(collect, sender=model)
            post_save.connect(update_reference_index_on_save, sender=model)
        for model, pks in touched.items():
            # Only what still exists (a deletion already removed its references).
            for pk in model._default_manager.filter(pk__in=pks).values_list("pk", flat=True):
                meta = model._meta
                update_reference_index_task.enqueue(meta.app_label, meta.model_name, str(pk))


# Apps contribute demo content through a `demo.load(stdout)` function, loaded in this order.
DEMO_APPS = ["home", "protocols", "toolkit", "workflows", "reporting", "accounts"]


class Command(BaseCommand):
    help = "Laadt de democontent en demo-accounts. Nogmaals uitvoeren verandert niets."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "Democontent is in deze omgeving uitgeschakeld (productie-instellingen)."
            )
        with reference_index_once():
            accounts = self.load_apps()
        self.stdout.write(
            self.style.SUCCESS(f"\nDemo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        )
        width = max(len(name) for name, _ in accounts)
        for name, description in accounts:
            self.stdout.write(f"  {name.ljust(width)}  {description}")

    def load_apps(self) -> list[tuple[str, str]]:
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
        return accounts
