from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = _("Toolkit Veilig Bestuur")

    def ready(self):
        from . import signals

        signals.connect()
