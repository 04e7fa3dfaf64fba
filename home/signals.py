"""Keep tenant permissions complete when a page gets a translation (its own tree per locale)."""

from django.dispatch import receiver
from wagtail.signals import copy_for_translation_done

from .models import HomePage, OrganisationPage
from .provisioning import provision_national_editors, provision_organisation


@receiver(copy_for_translation_done)
def grant_permissions_on_translation(sender, source_obj, target_obj, **kwargs):
    source = getattr(source_obj, "specific", source_obj)
    if isinstance(source, HomePage):
        provision_national_editors()
    elif isinstance(source, OrganisationPage):
        provision_organisation(
            title=source.title, kind=source.kind, official_code=source.official_code
        )
