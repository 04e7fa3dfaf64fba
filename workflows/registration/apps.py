from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "workflows.registration"
    label = "registration"
    verbose_name = _("Registratie en evaluatie")
