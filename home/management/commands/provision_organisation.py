from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from home.models import OrganisationKind
from home.provisioning import provision_organisation


class Command(BaseCommand):
    help = (
        "Richt een organisatie in (startpagina als concept, groepen, rechten, documentcollectie, "
        "workflow). Nogmaals uitvoeren verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Bijv. 'Gemeente Voorbeeldstad'.")
        parser.add_argument("--kind", required=True, choices=OrganisationKind.values)
        parser.add_argument("--code", required=True, help="Officiële code, bijv. GM0363.")
        parser.add_argument(
            "--publiceer",
            action="store_true",
            help="Publiceer een nieuwe startpagina meteen (anders blijft hij een concept).",
        )

    def handle(self, *args, name, kind, code, publiceer=False, **options):
        try:
            result = provision_organisation(
                title=name, kind=kind, official_code=code, publish=publiceer
            )
        except ValidationError as exc:
            messages = [m for msgs in exc.message_dict.values() for m in msgs]
            raise CommandError("; ".join(messages)) from exc
        except (LookupError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        org = result.organisation
        if result.changed:
            self.stdout.write(self.style.SUCCESS(f"{org.title} ({org.official_code}) ingericht:"))
            for change in result.changes:
                self.stdout.write(f"  + {change}")
        else:
            self.stdout.write(f"{org.title} ({org.official_code}) was al volledig ingericht.")
        if not org.live:
            self.stdout.write("De startpagina is een concept tot een redacteur hem publiceert.")
        steps = f"{reverse('home_provision_organisation')}?ingericht={org.pk}"
        self.stdout.write(
            f"Volgende stappen (accounts, contactgegevens, protocol): open {steps} in het beheer."
        )
