"""Blocks of an Agressieprotocol: the national template and the organisation's derived protocol
share the section types; only template sections carry a mode (vast / aanpasbaar / optioneel).

Sections of a derived protocol are matched to template sections by their StreamField block id,
which derivation copies from the template.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul"]


class SectionMode(models.TextChoices):
    FIXED = "vast", _("Vast: de organisatie kan de tekst niet wijzigen")
    ADAPTABLE = "aanpasbaar", _("Aanpasbaar: de organisatie mag de tekst herschrijven")
    OPTIONAL = "optioneel", _("Optioneel: de organisatie mag de sectie weglaten of aanpassen")


class BehaviourKind(models.TextChoices):
    VERBAL = "verbaal", _("Verbale agressie")
    INTIMIDATION = "intimidatie", _("Intimidatie")
    THREAT = "bedreiging", _("Bedreiging")
    DISCRIMINATION = "discriminatie", _("Discriminatie")
    ONLINE = "online", _("Online haat en bedreiging, doxing")
    STALKING = "stalking", _("Stalking en belaging")
    DAMAGE = "vernieling", _("Vernieling of beschadiging van eigendommen")
    PHYSICAL = "fysiek", _("Fysiek geweld")
    HOME_VISIT = "huisbezoek", _("Ongewenst bezoek aan huis")
    DISRUPTION = "verstoring", _("Verstoring van een vergadering")


def _paragraph_comparison() -> type:
    # Imported on use: the admin's comparison module is not needed to load the models.
    from .rich_text_diff import ParagraphRichTextComparison

    return ParagraphRichTextComparison


def rich_text(label: str, help_text: str = "", required: bool = True) -> blocks.RichTextBlock:
    block = blocks.RichTextBlock(
        label=label, help_text=help_text, required=required, features=RICH_TEXT_FEATURES
    )
    # Wagtail's comparisons (ours and the page history's) ask the block for its comparison
    # class; this one keeps paragraphs. An attribute, not a subclass: the block's deconstructed
    # form (and so the migrations) stays the same.
    block.get_comparison_class = _paragraph_comparison
    return block


class SectionBlock(blocks.StructBlock):
    """Common part of every section: the mode (template only) and a heading."""

    mode = blocks.ChoiceBlock(
        choices=SectionMode.choices,
        default=SectionMode.ADAPTABLE,
        label=_("Status in het sjabloon"),
        help_text=_("Bepaalt wat een organisatie met deze sectie mag doen."),
    )
    heading = blocks.CharBlock(
        label=_("Kop"),
        max_length=150,
        help_text=_("Gebruik plaatshouders zoals {organisatie}; zie de uitleg boven de inhoud."),
    )


class TextSectionBlock(SectionBlock):
    text = rich_text(_("Tekst"))

    class Meta:
        icon = "doc-full"
        label = _("Tekstsectie")
        template = "protocols/blocks/text_section.html"


class TermBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Begrip"), max_length=100)
    kind = blocks.ChoiceBlock(
        choices=BehaviourKind.choices,
        required=False,
        label=_("Soort gedrag"),
        help_text=_("Koppelt het begrip aan de soorten gedrag in de maatregelenladder."),
    )
    description = rich_text(_("Omschrijving"))


class DefinitionsSectionBlock(SectionBlock):
    intro = rich_text(_("Inleiding"), required=False)
    terms = blocks.ListBlock(TermBlock(), label=_("Begrippen"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Begrippen")
        template = "protocols/blocks/definitions_section.html"


class LadderStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Maatregel"), max_length=150)
    description = rich_text(_("Toelichting"))
    kinds = blocks.MultipleChoiceBlock(
        choices=BehaviourKind.choices,
        required=False,
        label=_("Bij welk gedrag"),
        help_text=_("Laat leeg als de maatregel bij elk soort gedrag kan."),
    )
    decided_by = blocks.CharBlock(
        label=_("Wie besluit"),
        max_length=150,
        required=False,
        help_text=_("Bijvoorbeeld: {bestuursvoorzitter}."),
    )


class LadderSectionBlock(SectionBlock):
    intro = rich_text(_("Inleiding"), required=False)
    steps = blocks.ListBlock(
        LadderStepBlock(),
        label=_("Stappen, van licht naar zwaar"),
        min_num=1,
    )

    class Meta:
        icon = "order"
        label = _("Maatregelenladder")
        template = "protocols/blocks/ladder_section.html"


class RoleBlock(blocks.StructBlock):
    role = blocks.CharBlock(label=_("Rol"), max_length=150)
    tasks = rich_text(_("Taken en verantwoordelijkheden"))


class RolesSectionBlock(SectionBlock):
    intro = rich_text(_("Inleiding"), required=False)
    roles = blocks.ListBlock(RoleBlock(), label=_("Rollen"), min_num=1)

    class Meta:
        icon = "group"
        label = _("Rollen en verantwoordelijkheden")
        template = "protocols/blocks/roles_section.html"


class ContactsSectionBlock(SectionBlock):
    intro = rich_text(_("Inleiding"), required=False)

    class Meta:
        icon = "mail"
        label = _("Contactgegevens")
        help_text = _(
            "Toont 112, de contactpersonen van de organisatie en de Vertrouwenslijn automatisch."
        )
        template = "protocols/blocks/contacts_section.html"


def _without_mode(block_class: type[SectionBlock]) -> type[SectionBlock]:
    # Field shadowing: a sub-block set to None is left out (as in Django forms).
    return type(
        f"Protocol{block_class.__name__}", (block_class,), {"mode": None, "__module__": __name__}
    )


# Module-level names, so migrations can import them.
ProtocolTextSectionBlock = _without_mode(TextSectionBlock)
ProtocolDefinitionsSectionBlock = _without_mode(DefinitionsSectionBlock)
ProtocolLadderSectionBlock = _without_mode(LadderSectionBlock)
ProtocolRolesSectionBlock = _without_mode(RolesSectionBlock)
ProtocolContactsSectionBlock = _without_mode(ContactsSectionBlock)


class TemplateSectionsBlock(blocks.StreamBlock):
    """Sections of the national template; each carries its mode."""

    text = TextSectionBlock()
    definitions = DefinitionsSectionBlock()
    ladder = LadderSectionBlock()
    roles = RolesSectionBlock()
    contacts = ContactsSectionBlock()


class ProtocolSectionsBlock(blocks.StreamBlock):
    """Sections of an organisation's protocol; the modes come from the template.

    Blocks without a matching template section are the organisation's own sections.
    """

    text = ProtocolTextSectionBlock()
    definitions = ProtocolDefinitionsSectionBlock()
    ladder = ProtocolLadderSectionBlock()
    roles = ProtocolRolesSectionBlock()
    contacts = ProtocolContactsSectionBlock()
