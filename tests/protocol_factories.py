"""Build a small national template and derived protocols for the protocol tests."""

from __future__ import annotations

import factory
import wagtail_factories
from wagtail.models import Page

from home.models import HomePage, OrganisationPage
from protocols.models import ProtocolPage, ProtocolTemplatePage
from protocols.sections import derive_protocol

NORM_TEXT = "<p>Emotie mag, agressie niet. Dit geldt binnen {organisatie}.</p>"
REPORT_TEXT = (
    "<p>Meld elk incident bij {veiligheidscoordinator}, "
    "telefoon {veiligheidscoordinator_telefoon}.</p>"
)
AFTERCARE_TEXT = "<p>Na een incident neemt {bestuursvoorzitter} binnen enkele dagen contact op.</p>"
MEDIA_TEXT = "<p>De organisatie beslist met u of een incident openbaar wordt gemaakt.</p>"

# The template's fixed sections as an edit form sends them back unchanged: (id, heading, text).
UNCHANGED_SECTIONS = [
    ("norm", "Uitgangspunten", NORM_TEXT),
    ("melden", "Melden en registreren", REPORT_TEXT),
    ("nazorg", "Nazorg", AFTERCARE_TEXT),
    ("media", "Communicatie", MEDIA_TEXT),
]


def text_section(key: str, mode: str, heading: str, text: str) -> dict:
    return {"type": "text", "id": key, "value": {"mode": mode, "heading": heading, "text": text}}


DEFAULT_SECTIONS = [
    text_section("norm", "vast", "Uitgangspunten", NORM_TEXT),
    text_section("melden", "aanpasbaar", "Melden en registreren", REPORT_TEXT),
    text_section("nazorg", "aanpasbaar", "Nazorg", AFTERCARE_TEXT),
    text_section("media", "optioneel", "Communicatie", MEDIA_TEXT),
]


class ProtocolTemplatePageFactory(wagtail_factories.PageFactory):
    """The national template page, published (as the national editors leave it)."""

    class Meta:
        model = ProtocolTemplatePage
        # Publishing saves the page itself; a save afterwards would write a stale instance.
        skip_postgeneration_save = True

    title = "Landelijk sjabloon agressieprotocol"
    slug = "sjabloon-agressieprotocol"
    body = factory.LazyFunction(lambda: list(DEFAULT_SECTIONS))

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if create:
            self.save_revision().publish()


def make_template(home: HomePage, sections: list[dict] | None = None) -> ProtocolTemplatePage:
    body = {} if sections is None else {"body": sections}
    template = ProtocolTemplatePageFactory(parent=home, **body)
    return ProtocolTemplatePage.objects.get(pk=template.pk)


def publish_template_change(template: ProtocolTemplatePage, key: str, **value) -> None:
    """Publish a new template revision with the section key's value fields replaced."""
    template = ProtocolTemplatePage.objects.get(pk=template.pk)
    raw = list(template.body.raw_data)
    for item in raw:
        if item["id"] == key:
            item["value"] = {**item["value"], **value}
    template.body = raw
    template.save_revision().publish()


def derive(organisation: OrganisationPage, user=None) -> ProtocolPage:
    return derive_protocol(organisation, user=user)


def fresh(page: Page) -> Page:
    return Page.objects.get(pk=page.pk).specific


def section_value(protocol: ProtocolPage, key: str) -> dict | None:
    return next((dict(i["value"]) for i in protocol.body.raw_data if i["id"] == key), None)


def edit_form_data(protocol: ProtocolPage, sections: list[tuple[str, str, str]], **extra) -> dict:
    """POST data for the page edit view: sections as (block id, heading, html) text sections."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    body = {
        str(index): {
            "type": "text",
            "id": key,
            "deleted": "",
            "order": str(index),
            "value": {"heading": heading, "text": rich_text(html)},
        }
        for index, (key, heading, html) in enumerate(sections)
    }
    body["count"] = str(len(sections))
    data = nested_form_data(
        {
            "title": protocol.title,
            "slug": protocol.slug,
            "intro": rich_text(protocol.intro or ""),
            "body": body,
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data
