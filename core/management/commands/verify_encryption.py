from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from core.fields import encrypted_fields


class Command(BaseCommand):
    help = (
        "Controleert of de versleutelde gegevens met FIELD_ENCRYPTION_KEYS te lezen zijn: per "
        "model de oudste en de nieuwste rijen (na een herstel, of voordat een oude sleutel weg "
        "mag)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=50, help="Rijen per model, per kant.")

    def handle(self, *args, rows, **options):
        checked = 0
        for model, fields in encrypted_fields():
            queryset = model._base_manager.exclude(**{name: "" for name in fields})
            try:
                for order in ("pk", "-pk"):
                    for row in queryset.order_by(order).only(*fields)[:rows]:
                        for name in fields:
                            getattr(row, name)  # decrypted on load; a wrong key raises
                        checked += 1
            except ImproperlyConfigured as exc:
                raise CommandError(
                    f"{model._meta.label}: gegevens niet te ontsleutelen met de ingestelde "
                    "sleutels (FIELD_ENCRYPTION_KEYS). Is de sleutel van deze back-up erbij?"
                ) from exc
        self.stdout.write(self.style.SUCCESS(f"Versleutelde gegevens leesbaar ({checked} rijen)."))
