"""The bench's URLs: the product's, plus the stock page through Wagtail's own serve view
(not home.routing's), at /wagtail-standaard/."""

from django.urls import path
from veiligbestuur.urls import urlpatterns as product_urlpatterns
from wagtail import views as wagtail_views

SLUG = "wagtail-standaard"

urlpatterns = [
    path(f"{SLUG}/", wagtail_views.serve, {"path": f"{SLUG}/"}, name="bench_stock_page"),
    *product_urlpatterns,
]
