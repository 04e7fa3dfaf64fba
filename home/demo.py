"""Demo content for the platform foundation: national home (nl + en), three organisations,
one account per role and organisation, and a national editor. Idempotent."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from . import demo_huisstijl
from .localize import translate_page
from .models import ContactRole, ContactSettings, OrganisationContact, OrganisationPage
from .provisioning import NATIONAL_EDITORS_GROUP, provision_organisation
from .setup import ensure_platform

DEMO_PASSWORD = "demo"  # noqa: S105 - demo only; load_demo refuses production  # nosec B105

HOME_INTRO = (
    "Politieke ambtsdragers moeten hun werk kunnen doen zonder intimidatie of geweld. "
    "Hier vindt u het agressieprotocol van uw organisatie, de Toolkit Veilig Bestuur en de "
    "plek om een incident te melden."
)
HOME_INTRO_EN = (
    "Political office holders must be able to do their work free from intimidation and "
    "violence. Here you find your organisation's aggression protocol, the Safe Governance "
    "toolkit and the place to report an incident."
)
HOME_BODY = (
    "Agressie en intimidatie horen nooit bij het ambt. Meld elk incident bij uw eigen "
    "organisatie, ook als het klein lijkt: zo ontstaat een beeld en kan er worden ingegrepen."
)
HOME_BODY_EN = (
    "Aggression and intimidation are never part of the job. Report every incident to your own "
    "organisation, however small it seems: that builds a picture and makes action possible."
)

ORGANISATIONS = [
    {
        "slug": "voorbeeldstad",
        "title": "Gemeente Voorbeeldstad",
        "kind": "gemeente",
        "code": "GM9999",
        "term_start": datetime.date(2026, 3, 18),  # gemeenteraadsverkiezingen
        "intro": "Informatie voor de burgemeester, wethouders, raads- en commissieleden van "
        "Voorbeeldstad over veilig besturen.",
        "contacts": {
            ContactRole.VEILIGHEIDSCOORDINATOR: ("Sanne de Vries", "06 1234 5601"),
            ContactRole.VERTROUWENSPERSOON: ("Ahmed El Amrani", "06 1234 5602"),
            ContactRole.COMMUNICATIE: ("Team Communicatie", "0800 123 4503"),
        },
    },
    {
        "slug": "voorbeeldland",
        "title": "Provincie Voorbeeldland",
        "kind": "provincie",
        "code": "PV99",
        "term_start": datetime.date(2023, 3, 15),  # Provinciale Statenverkiezingen
        "intro": "Informatie voor de Commissaris van de Koning, gedeputeerden en Statenleden van "
        "Voorbeeldland over veilig besturen.",
        "contacts": {
            ContactRole.VEILIGHEIDSCOORDINATOR: ("Pieter Bakker", "06 1234 5611"),
            ContactRole.VERTROUWENSPERSOON: ("Marieke Jansen", "06 1234 5612"),
            ContactRole.COMMUNICATIE: ("Woordvoering provincie", "0800 123 4513"),
        },
    },
    {
        "slug": "voorbeeldwaarden",
        "title": "Waterschap Voorbeeldwaarden",
        "kind": "waterschap",
        "code": "WS9999",
        "term_start": datetime.date(2023, 3, 15),  # waterschapsverkiezingen
        "intro": "Informatie voor de dijkgraaf en de leden van het algemeen en dagelijks bestuur "
        "van Voorbeeldwaarden over veilig besturen.",
        "contacts": {
            ContactRole.VEILIGHEIDSCOORDINATOR: ("Kees Visser", "06 1234 5621"),
            ContactRole.VERTROUWENSPERSOON: ("Fatma Yilmaz", "06 1234 5622"),
            ContactRole.COMMUNICATIE: ("Communicatie waterschap", "0800 123 4523"),
        },
    },
]

ROLE_ACCOUNTS = [
    ("redacteur", "editors_group", "Redacteur (communicatieadviseur)"),
    ("publiceerder", "publishers_group", "Publiceerder"),
    ("coordinator", "coordinators_group", "Veiligheidscoördinator"),
]


def demo_account(username: str, *, first_name: str, last_name: str, groups=(), superuser=False):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@demo.veiligbestuur.example",
            "first_name": first_name,
            "last_name": last_name,
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(*groups)
    return user


def _home(home):
    if not home.intro:
        home.intro = f"<p>{HOME_INTRO}</p>"
        home.body = f"<p>{HOME_BODY}</p>"
        home.save_revision().publish()
    if home.get_translations().filter(locale__language_code="en").exists():
        return
    translate_page(
        home,
        "en",
        {"Veilig Bestuur": "Safe Governance", HOME_INTRO: HOME_INTRO_EN, HOME_BODY: HOME_BODY_EN},
    )


def _contact_settings():
    contact = ContactSettings.load()
    # Also replaces the made-up number of earlier demo versions.
    if contact.vertrouwenslijn_phone in ("", "0800 000 0000"):
        # The number the Vertrouwenslijn publishes (devertrouwenslijn.nl, checked November 2026).
        contact.vertrouwenslijn_phone = "0800 2800 200"
        contact.vertrouwenslijn_url = "https://www.devertrouwenslijn.nl"
        contact.vertrouwenslijn_hours = ""
        contact.checked_on = datetime.date(2026, 11, 1)
        contact.save()


def _organisation(spec) -> OrganisationPage:
    org = provision_organisation(
        title=spec["title"], kind=spec["kind"], official_code=spec["code"]
    ).organisation
    changed = False
    if org.term_start is None:  # the checklist's per-term items and the protocol review use it
        org.term_start = spec["term_start"]
        changed = True
    if not org.intro:
        org.intro = f"<p>{spec['intro']}</p>"
        for role, (name, phone) in spec["contacts"].items():
            org.contacts.add(
                OrganisationContact(
                    role=role,
                    name=name,
                    phone=phone,
                    email=f"{role}@{spec['slug']}.example",
                )
            )
        changed = True
    changed = demo_huisstijl.apply(org, spec["slug"]) or changed
    if changed:
        org.save_revision().publish()
    return org


def load(stdout) -> list[tuple[str, str]]:
    """Load the foundation demo; returns (username, description) for the accounts table."""
    home = ensure_platform()
    _home(home)
    _contact_settings()
    accounts = []
    demo_account("beheerder", first_name="Demo", last_name="Beheerder", superuser=True)
    accounts.append(("beheerder", "Beheerder (alle rechten)"))
    demo_account(
        "redactie",
        first_name="Demo",
        last_name="Landelijke redactie",
        groups=[Group.objects.get(name=NATIONAL_EDITORS_GROUP)],
    )
    accounts.append(("redactie", "Landelijke redactie"))
    for spec in ORGANISATIONS:
        org = _organisation(spec)
        for role, attr, label in ROLE_ACCOUNTS:
            username = f"{spec['slug']}-{role}"
            demo_account(
                username,
                first_name=label.split(" ")[0],
                last_name=spec["title"],
                groups=[getattr(org, attr)],
            )
            accounts.append((username, f"{label}, {spec['title']}"))
    stdout.write(f"Startpagina, Engelse vertaling en {len(ORGANISATIONS)} organisaties geladen.")
    return accounts
