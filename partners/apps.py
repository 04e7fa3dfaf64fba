from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Ketenpartners: kinds, partners, routing rules and decisions, notices, the inbox."""

    name = "partners"
    verbose_name = _("Ketenpartners")
