"""Demo content for meldingen: a Melden page per demo organisation and an office holder each."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from home.demo import ORGANISATIONS, demo_account
from home.models import OrganisationPage
from meldingen.attachments import check_uploads
from meldingen.casework import (
    add_nazorg_contact,
    answer_nazorg,
    close,
    evaluate,
    record_aangifte,
    record_measure,
    record_nazorg,
    record_objection,
)
from meldingen.ladder import ensure_ladder
from meldingen.models import (
    AangifteFiler,
    AangifteStatus,
    CloseOutcome,
    DeciderRole,
    Domicile,
    MeasureStep,
    Melding,
    NazorgOutcome,
    Objection,
)
from meldingen.pages import MeldenPage
from meldingen.services import add_information, submit_melding
from partners.demo_content import MELDPUNT_KINDS
from partners.models import Notice, Partner
from partners.rules import propose
from partners.services import acknowledge, add_feedback
from partners.setup import ensure_national_routing
from workflows.engine import begin_moderation, ensure_meldingen_workflow
from workflows.moderation import route, triage

# Partner kinds with a concrete partner in every demo organisation, and their demo account.
DEMO_PARTNERS = {
    "veiligheidscoordinator": "Meldpunt {name}",
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
        "persoon",
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
    (
        ["online", "bedreiging"],
        "online",
        "sociale_media",
        "Een account stuurde mij drie berichten dat ik 'wel zou zien wat er gebeurt' na de "
        "stemming over het windpark.",
        ["aangifte"],
        True,
        False,
        "answered",
    ),
    (
        ["stalking", "huisbezoek"],
        "thuis",
        "persoon",
        "Dezelfde man wacht al weken na raadsvergaderingen bij de uitgang en stond nu bij mijn "
        "huis.",
        ["aangifte", "steun"],
        True,
        False,
        "casework",
    ),
    (
        ["verbaal", "verstoring"],
        "vergadering",
        "persoon",
        "Een bezoeker op de publieke tribune bleef schreeuwen en schold mij uit toen ik sprak.",
        ["registratie"],
        True,
        False,
        "closed",
    ),
    (
        ["intimidatie"],
        "gemeentehuis",
        "persoon",
        "Na het spreekuur bleef een inwoner dreigend voor mijn kamer staan tot de bode kwam.",
        ["steun"],
        True,
        False,
        "evaluated",
    ),
]
# How far each demo melding gets; every later stage includes the earlier ones.
STAGES = [
    "ontvangen",
    "triage",
    "routed",
    "acknowledged",
    "answered",
    "casework",
    "closed",
    "evaluated",
]

REPORTERS = {
    "voorbeeldstad": ("raadslid", "Raadslid"),
    "voorbeeldland": ("statenlid", "Statenlid"),
    "voorbeeldwaarden": ("bestuurslid", "Bestuurslid"),
}
INTRO = (
    "<p>Bent u als ambtsdrager of als naaste uitgescholden, bedreigd, geïntimideerd of "
    "aangevallen? Meld het hier, ook als het klein lijkt. Uw melding komt bij het meldpunt van "
    "uw eigen organisatie. Met welke ketenpartners, zoals de politie, zij gedeeld mag worden, "
    "kiest u zelf in het formulier.</p>"
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
    # The meldpunt partners that provisioning created get a demo address instead of the
    # placeholder the organisation must fill in.
    for partner in Partner.objects.filter(
        organisation=org, kind__code__in=MELDPUNT_KINDS, notification_email__endswith=".invalid"
    ).select_related("kind"):
        partner.notification_email = f"{partner.kind.code}@{slug}.partner.example"
        partner.checked_on = timezone.localdate()
        partner.save(update_fields=["notification_email", "checked_on"])
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
                "perpetrator_known": "ja" if stage in STAGES[4:] else "deels",
                "perpetrator_type": "persoon",
                "support": ["gesprek"] if "steun" in wishes else [],
                "wishes": wishes,
                "consent_kinds": ["politie", "om", "slachtofferhulp"] if consent else [],
                "acute_danger": acute,
                "reporter_role": "raadslid" if org.kind == "gemeente" else "anders",
                "name": reporter.get_full_name(),
                "email": reporter.email,
            },
        )
        begin_moderation.call(melding.pk)  # as the worker would (a no-op if it already ran)
        for step in CASE_STEPS[: STAGES.index(stage)]:
            step(melding, coordinator, reporter)


def _triage(melding, coordinator, reporter) -> None:
    triage(
        melding,
        actor=coordinator,
        severity=melding.severity,
        urgent=melding.acute_danger,
        kinds=melding.kinds,
    )


def _route(melding, coordinator, reporter) -> None:
    route(melding, actor=coordinator, proposals=propose(melding), note="Demo-routering")


def _partner_notices(melding):
    return Notice.objects.filter(melding=melding, partner__users__isnull=False).distinct()


def _acknowledge(melding, coordinator, reporter) -> None:
    for notice in _partner_notices(melding):
        user = notice.partner.users.first()
        acknowledge(notice, actor=user)
        add_feedback(notice, actor=user, kind="in_behandeling", text="Wij nemen contact op.")


def _answer(melding, coordinator, reporter) -> None:
    """The police answer the reporter; the reporter adds a follow-up with a photo."""
    for notice in _partner_notices(melding).filter(partner__kind__code="politie"):
        add_feedback(
            notice,
            actor=notice.partner.users.first(),
            kind="zaaknummer",
            text="Uw aangifte is opgenomen onder nummer 2026-118734. Onze contactfunctionaris "
            "belt u deze week.",
            for_reporter=True,
        )
    photo = SimpleUploadedFile("deur.png", DEMO_PNG, content_type="image/png")
    add_information(
        melding,
        author=reporter,
        text="Vanavond stond dezelfde man weer voor mijn deur.",
        attachments=check_uploads([photo]),
    )


def _casework(melding, coordinator, reporter) -> None:
    today = timezone.localdate()
    record_aangifte(
        melding,
        actor=coordinator,
        filer=AangifteFiler.ORGANISATION,
        domicile=Domicile.WORK_ADDRESS,
        status=AangifteStatus.FILED,
        vpt_requested=True,
        police_number="2026-118734",
        filed_on=today,
    )
    ladder = {step.code: step for step in MeasureStep.objects.all()}
    record_measure(
        melding,
        actor=coordinator,
        step=ladder["ordegesprek"],
        decided_by_role=DeciderRole.MAYOR,
        decided_by_name=f"{HEADS[melding.organisation.kind]} van {melding.organisation.title}",
        decided_on=today,
        justification="Herhaald wachten bij de uitgang na waarschuwing; gesprek over gedrag.",
        told_on=today,
    )
    restriction = record_measure(
        melding,
        actor=coordinator,
        step=ladder["toegangsverbod"],
        decided_by_role=DeciderRole.MAYOR,
        decided_by_name=f"{HEADS[melding.organisation.kind]} van {melding.organisation.title}",
        decided_on=today,
        justification="Bezoek aan huis na het ordegesprek: toegang tot het gemeentehuis en de "
        "vergaderingen ontzegd voor drie maanden.",
        ends_on=today + timezone.timedelta(days=91),
        told_on=today,
    )
    record_objection(restriction, actor=coordinator, objection=Objection.LODGED)
    first, *later = melding.nazorg.all()
    record_nazorg(
        first,
        actor=coordinator,
        done_on=today,
        outcome=NazorgOutcome.VICTIM_SUPPORT,
        note="Gebeld; wil contact met Slachtofferhulp.",
    )
    due = add_nazorg_contact(melding, actor=coordinator, due_on=today)
    answer_nazorg(due, reporter=reporter, text="Het gaat beter, maar 's avonds ben ik onrustig.")


def _close(melding, coordinator, reporter) -> None:
    close(
        melding,
        actor=coordinator,
        outcome=CloseOutcome.MEASURE,
        note="Maatregel genomen, melder tevreden over de opvolging.",
    )


def _evaluate(melding, coordinator, reporter) -> None:
    evaluate(
        melding,
        actor=coordinator,
        held_on=timezone.localdate(),
        lessons="De bode kwam snel; een alarmknop in de spreekkamer ontbreekt.",
    )


CASE_STEPS = [_triage, _route, _acknowledge, _answer, _casework, _close, _evaluate]
# A 1x1 transparent PNG, as evidence in the demo.
DEMO_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5f0000000049454e44ae426082"
)


def load(stdout) -> list[tuple[str, str]]:
    ensure_ladder()  # seeded by a migration; again here for a database emptied since
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
