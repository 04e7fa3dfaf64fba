from wagtail import hooks
from wagtail.permissions import register_permission_policy

from accounts.models import IdentityProvider
from accounts.oidc.admin import IdentityProviderViewSet, NationalEditorsPolicy

register_permission_policy(IdentityProvider, NationalEditorsPolicy(IdentityProvider))


@hooks.register("register_admin_viewset")
def register_identity_providers():
    return IdentityProviderViewSet("identiteitsproviders")
