"""Admin action: provision (or repair) an organisation from a form, then show its next steps."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import OrganisationKind, validate_official_code
from .provisioning import provision_organisation
from .tenancy import originals

PROVISION_PERMISSION = "home.provision_organisation"


class ProvisionForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Naam"),
        max_length=200,
        help_text=gettext_lazy("Bijvoorbeeld: Gemeente Voorbeeldstad."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Soort"), choices=OrganisationKind.choices)
    official_code = forms.CharField(
        label=gettext_lazy("Officiële code"),
        max_length=6,
        help_text=gettext_lazy("Code van CBS/Rijksoverheid, bijvoorbeeld GM0363, PV27 of WS0155."),
    )

    def clean(self):
        data = super().clean()
        if "kind" in data and "official_code" in data:
            data["official_code"] = data["official_code"].strip().upper()
            try:
                validate_official_code(data["kind"], data["official_code"])
            except ValidationError as exc:
                for name, errors in exc.message_dict.items():
                    self.add_error(name if name in self.fields else None, errors)
        return data


@dataclass(frozen=True)
class NextStep:
    title: str
    text: str
    done: bool = False
    links: tuple[tuple[str, str], ...] = ()  # (label, url)


def _url(name: str, *args) -> str | None:
    """An admin URL of another app (home does not import them), None if it is not installed."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _links(*pairs) -> tuple[tuple[str, str], ...]:
    return tuple((label, url) for label, url in pairs if url)


def next_steps(org) -> list[NextStep]:
    """What a national editor does after provisioning, with links to the admin screens;
    each step says whether it is done, read from the organisation as it is now."""
    groups = [org.editors_group, org.publishers_group, org.coordinators_group]
    members = [group.user_set.count() if group else 0 for group in groups]
    has_protocol = org.get_children().filter(content_type__model="protocolpage").exists()
    edit_page = reverse("wagtailadmin_pages:edit", args=(org.pk,))
    return [
        NextStep(
            _("Accounts aanmaken"),
            _(
                "Maak accounts voor de redacteuren, publiceerders en veiligheidscoördinatoren "
                "en zet ieder in de groep van zijn rol. Nu: %(editors)d redacteuren, "
                "%(publishers)d publiceerders, %(coordinators)d veiligheidscoördinatoren."
            )
            % dict(zip(["editors", "publishers", "coordinators"], members, strict=True)),
            done=all(members),
            links=_links(
                (_("Account toevoegen"), _url("wagtailusers_users:add")),
                *[
                    (group.name, _url("wagtailusers_groups:edit", group.pk))
                    for group in groups
                    if group
                ],
            ),
        ),
        NextStep(
            _("Contactgegevens invullen"),
            _(
                "Vul op de startpagina de introductie en de contactpersonen in "
                "(veiligheidscoördinator, vertrouwenspersoon, communicatie)."
            ),
            done=org.contacts.exists(),
            links=_links((_("Startpagina bewerken"), edit_page)),
        ),
        NextStep(
            _("Huisstijl"),
            _(
                "Een eigen logo en eigen kleuren komen later; tot dan gebruiken de pagina's "
                "van de organisatie de landelijke huisstijl. Je hoeft nu niets te doen."
            ),
            done=True,
        ),
        NextStep(
            _("Agressieprotocol afleiden"),
            _(
                "Leid het agressieprotocol af van het landelijke sjabloon; de redacteuren "
                "passen daarna de aanpasbare secties aan."
            ),
            done=has_protocol,
            links=()
            if has_protocol
            else _links((_("Protocol afleiden"), _url("protocols_derive", org.pk))),
        ),
        NextStep(
            _("Startpagina publiceren"),
            _(
                "De startpagina is een concept: bezoekers zien hem pas als je hem publiceert. "
                "Publiceer als de contactgegevens kloppen."
            )
            if not org.live
            else _("De startpagina is gepubliceerd."),
            done=org.live,
            links=() if org.live else _links((_("Startpagina bewerken en publiceren"), edit_page)),
        ),
    ]


def provision_view(request):
    if not request.user.has_perm(PROVISION_PERMISSION):
        raise PermissionDenied
    form = ProvisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = provision_organisation(
                title=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                official_code=form.cleaned_data["official_code"],
                publish=False,
            )
        except (LookupError, ValueError) as exc:
            form.add_error(None, str(exc))
        else:
            org = result.organisation
            if result.changed:
                messages.success(request, _("%(name)s is ingericht.") % {"name": org.title})
            else:
                messages.info(
                    request, _("%(name)s was al volledig ingericht.") % {"name": org.title}
                )
            return redirect(f"{reverse('home_provision_organisation')}?ingericht={org.pk}")
    provisioned = None
    if request.method == "GET" and request.GET.get("ingericht", "").isdigit():
        provisioned = originals().filter(pk=request.GET["ingericht"]).first()
    if provisioned is not None:
        return TemplateResponse(
            request,
            "home/admin/provision.html",
            {
                "organisation": provisioned,
                "steps": next_steps(provisioned),
                "page_title": _("Volgende stappen voor %(name)s") % {"name": provisioned.title},
            },
        )
    organisations = originals().order_by("title")
    return TemplateResponse(
        request,
        "home/admin/provision.html",
        {"form": form, "organisations": organisations, "page_title": _("Organisatie inrichten")},
    )
