"""Demo content for meldingen: a Melden page per demo organisation and an office holder each."""

from __future__ import annotations

from home.demo import ORGANISATIONS, demo_account
from home.models import OrganisationPage

from .models import MeldenPage

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


def _melden_page(org: OrganisationPage, accept_without_account: bool) -> MeldenPage:
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


def load(stdout) -> list[tuple[str, str]]:
    accounts = []
    for spec in ORGANISATIONS:
        org = OrganisationPage.objects.get(official_code=spec["code"], locale__language_code="nl")
        _melden_page(org, accept_without_account=spec["slug"] == "voorbeeldwaarden")
        suffix, label = REPORTERS[spec["slug"]]
        username = f"{spec['slug']}-{suffix}"
        demo_account(username, first_name=label, last_name=spec["title"].split(" ", 1)[1])
        accounts.append((username, f"{label} (melder), {spec['title']}"))
    stdout.write("Meldformulieren en melders geladen.")
    return accounts
