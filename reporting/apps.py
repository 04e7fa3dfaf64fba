from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Figures, dashboards, exports, yearly evaluation, retention and erasure."""

    name = "reporting"
    verbose_name = _("Registratie en evaluatie")
