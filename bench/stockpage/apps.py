from django.apps import AppConfig


class StockPageConfig(AppConfig):
    name = "bench.stockpage"
    label = "stockpage"
    default_auto_field = "django.db.models.BigAutoField"
