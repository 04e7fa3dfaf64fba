"""Demo content for meldingen: a Melden page per demo organisation and an office holder each."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.demo import ORGANISATIONS, demo_account
from home.models import OrganisationPage
from meldingen.models import Melding
from meldingen.pages import MeldenPage
from meldingen.services import submit_melding
from partners.models import Notice, Partner
from partners.rules import propose
from partners.services import acknowledge, add_feedback
from partners.setup import ensure_national_routing
from workflows.engine import begin_moderation, ensure_meldingen_workflow
from workflows.moderation import route, triage

# Partner kinds with a concrete partner in every demo organisation, and their demo account.
DEMO_PARTNERS = {
    "veiligheidscoordinator": "Meldpunt {name}",
    "burgemeester": "Kabinet {head}",
    "vertrouwenspersoon": "Vertrouwenspersoon {name}",
    "politie": "Politie basisteam {name}",
    "om": "Openbaar Ministerie, parket {name}",
    "vertrouwenslijn": "Vertrouwenslijn",
}
HEADS = {
    "gemeente": "burgemeester",
    "provincie": "Commissaris van de Koning",
    "waterschap": "dijkgraaf",
}
EXTERNAL_ACCOUNTS = {
    "politie": "Politie (contactfunctionaris VPT)",
    "om": "Openbaar Ministerie (ELA-contactofficier)",
    "vertrouwenslijn": "Vertrouwenslijn",
}
# kinds, place, channel, description, wishes, consent, acute, how far it got
DEMO_MELDINGEN = [
    (
        ["verbaal"],
        "vergadering",
        "persoon",
        "Tijdens de inspraak werd ik herhaaldelijk uitgescholden door een insprekende bewoner.",
        ["registratie"],
        True,
        False,
        "ontvangen",
    ),
    (
        ["online", "bedreiging"],
        "online",
        "sociale_media",
        "Onder mijn bericht over het asielbesluit verscheen een reactie dat men wist waar ik woon.",
        ["aangifte", "steun"],
        True,
        False,
        "triage",
    ),
    (
        ["bedreiging_naasten", "huisbezoek"],
        "thuis",
        "thuis",
        "Een onbekende man stond 's avonds bij ons huis en sprak mijn partner aan over mijn werk.",
        ["aangifte"],
        True,
        True,
        "routed",
    ),
    (
        ["intimidatie"],
        "buiten",
        "persoon",
        "Na een werkbezoek werd ik tot aan mijn auto gevolgd door twee mensen die foto's maakten.",
        ["steun"],
        True,
        False,
        "acknowledged",
    ),
]

REPORTERS = {
    "voorbeeldstad": ("raadslid", "Raadslid"),
    "voorbeeldland": ("statenlid", "Statenlid"),
    "voorbeeldwaarden": ("bestuurslid", "Bestuurslid"),
}
INTRO = (
    "<p>Bent u als ambtsdrager of als naaste uitgescholden, bedreigd, geïntimideerd of "
    "aangevallen? Meld het hier, ook als het klein lijkt. Uw melding komt alleen bij de "
    "veiligheidscoördinator van uw eigen organisatie terecht.</p>"
)


def melden_page(org: OrganisationPage, accept_without_account: bool) -> MeldenPage:
    page = MeldenPage.objects.child_of(org).first()
    if page is None:
        page = MeldenPage(
            title="Melden",
            slug="melden",
            intro=INTRO,
            show_in_menus=True,
            accept_without_account=accept_without_account,
            extra_questions=[
                (
                    "question",
                    {
                        "label": "Was dit tijdens een openbare vergadering?",
                        "help_text": "",
                        "answer_type": "yes_no",
                        "options": "",
                        "required": False,
                    },
                )
            ],
        )
        org.add_child(instance=page)
        page.save_revision().publish()
    return page


def _partners(org: OrganisationPage, kinds, slug: str) -> None:
    place = org.title.split(" ", 1)[1]
    for code, template in DEMO_PARTNERS.items():
        name = template.format(name=place, head=HEADS[org.kind])
        partner, created = Partner.objects.get_or_create(
            organisation=org,
            name=name,
            defaults={
                "kind": kinds[code],
                "notification_email": f"{code}@{slug}.partner.example",
                "checked_on": timezone.localdate(),
            },
        )
        if code in EXTERNAL_ACCOUNTS:
            account = demo_account(
                f"partner-{code}", first_name="Partner", last_name=EXTERNAL_ACCOUNTS[code]
            )
            partner.users.add(account)
        if code == "veiligheidscoordinator":
            partner.users.add(get_user_model().objects.get(username=f"{slug}-coordinator"))


def _meldingen(org: OrganisationPage, page: MeldenPage, reporter, coordinator) -> None:
    if Melding.objects.filter(organisation=org).exists():
        return
    now = timezone.now()
    for days, (kinds, place, channel, text, wishes, consent, acute, stage) in enumerate(
        DEMO_MELDINGEN
    ):
        melding = submit_melding(
            organisation=org,
            reporter=reporter,
            data={
                "kinds": kinds,
                "occurred_at": now - timezone.timedelta(days=3 * days + 1, hours=2),
                "place": place,
                "channel": channel,
                "description": text,
                "related_to_office": "ja",
                "perpetrator_known": "deels",
                "wishes": wishes,
                "consent_to_share": consent,
                "acute_danger": acute,
                "reporter_role": "raadslid" if org.kind == "gemeente" else "anders",
                "name": reporter.get_full_name(),
                "email": reporter.email,
            },
        )
        begin_moderation.call(melding.pk)  # as the worker would (a no-op if it already ran)
        if stage == "ontvangen":
            continue
        triage(melding, actor=coordinator, severity=melding.severity, urgent=acute, kinds=kinds)
        if stage == "triage":
            continue
        route(melding, actor=coordinator, proposals=propose(melding), note="Demo-routering")
        if stage == "acknowledged":
            for notice in Notice.objects.filter(melding=melding, partner__users__isnull=False):
                user = notice.partner.users.first()
                acknowledge(notice, actor=user)
                add_feedback(
                    notice, actor=user, kind="in_behandeling", text="Wij nemen contact op."
                )


def load(stdout) -> list[tuple[str, str]]:
    kinds = ensure_national_routing()
    ensure_meldingen_workflow()
    accounts = []
    for spec in ORGANISATIONS:
        org = OrganisationPage.objects.get(official_code=spec["code"], locale__language_code="nl")
        page = melden_page(org, accept_without_account=spec["slug"] == "voorbeeldwaarden")
        suffix, label = REPORTERS[spec["slug"]]
        username = f"{spec['slug']}-{suffix}"
        reporter = demo_account(
            username, first_name=label, last_name=spec["title"].split(" ", 1)[1]
        )
        accounts.append((username, f"{label} (melder), {spec['title']}"))
        _partners(org, kinds, spec["slug"])
        coordinator = get_user_model().objects.get(username=f"{spec['slug']}-coordinator")
        _meldingen(org, page, reporter, coordinator)
    for code, label in EXTERNAL_ACCOUNTS.items():
        accounts.append((f"partner-{code}", f"{label} (partnerinbox, alle demo-organisaties)"))
    stdout.write("Meldformulieren, ketenpartners, routeringsregels en meldingen geladen.")
    return accounts
