"""Admin action: provision (or repair) an organisation from a form."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
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
            )
        except (LookupError, ValueError) as exc:
            form.add_error(None, str(exc))
        else:
            org = result.organisation
            if result.changed:
                messages.success(
                    request,
                    _("%(name)s is ingericht (%(count)d onderdelen aangemaakt of hersteld).")
                    % {"name": org.title, "count": len(result.changes)},
                )
            else:
                messages.info(
                    request, _("%(name)s was al volledig ingericht.") % {"name": org.title}
                )
            return redirect("home_provision_organisation")
    organisations = originals().order_by("title")
    return TemplateResponse(
        request,
        "home/admin/provision.html",
        {"form": form, "organisations": organisations, "page_title": _("Organisatie inrichten")},
    )
