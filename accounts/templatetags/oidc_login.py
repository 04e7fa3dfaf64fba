from django import template

from accounts.models import IdentityProvider

register = template.Library()


@register.simple_tag
def identity_providers() -> list[IdentityProvider]:
    """The active providers, for the buttons on the admin login page."""
    return list(IdentityProvider.objects.filter(active=True).order_by("name"))
