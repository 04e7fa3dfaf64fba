from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from accounts.demo import demo_totp_key


class Command(BaseCommand):
    help = "Toont de huidige tweestapscode van de demo-accounts (alleen in de demo)."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("Democontent is in deze omgeving uitgeschakeld.")
        self.stdout.write(f"{TOTP(bytes.fromhex(demo_totp_key())).token():06d}")
