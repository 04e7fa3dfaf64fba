"""Staff sign in with their organisation's own OpenID Connect provider (on
mozilla-django-oidc): the provider is chosen on the admin login page and kept in the session,
so every setting comes from that provider's record (accounts.models.IdentityProvider), never
from global settings."""
