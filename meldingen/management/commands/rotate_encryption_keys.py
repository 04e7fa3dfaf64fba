from cryptography.fernet import InvalidToken
from django.core.management.base import BaseCommand
from django.db import transaction

from core import crypto
from core.fields import encrypted_fields
from meldingen.models import Attachment


class Command(BaseCommand):
    help = (
        "Versleutelt alle versleutelde velden (persoonsgegevens, vrije teksten) en bijlagen "
        "opnieuw met de eerste sleutel in FIELD_ENCRYPTION_KEYS. Werkwijze: zet een nieuwe "
        "sleutel vooraan, draai dit commando, haal daarna de oude sleutel weg."
    )

    def handle(self, *args, **options):
        rows = 0
        with transaction.atomic():
            # Reading decrypts with any configured key; saving encrypts with the first. Rows
            # whose encrypted fields are all empty hold nothing to rotate.
            for model, fields in encrypted_fields():
                queryset = model.objects.exclude(**{name: "" for name in fields})
                for row in queryset.select_for_update().iterator():
                    row.save(update_fields=fields)
                    rows += 1
        files = 0
        for attachment in Attachment.objects.iterator():
            storage, name = attachment.file.storage, attachment.file.name
            with storage.open(name, "rb") as handle:
                data = handle.read()
            try:
                rotated = crypto.rotate_bytes(data)
            except InvalidToken:
                rotated = crypto.encrypt_bytes(data)  # stored before encryption existed
            with storage.open(name, "wb") as handle:
                handle.write(rotated)
            files += 1
        self.stdout.write(
            self.style.SUCCESS(f"{rows} records en {files} bijlagen opnieuw versleuteld.")
        )
