from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.forms import PublicLoginForm
from core.favicon import FaviconView
from core.health import alive, ready
from core.metrics import metrics
from home import admin_reports
from home.huisstijl_views import huisstijl_css
from home.routing import serve as serve_page
from home.sitemap import TranslatedSitemap, robots_txt, sitemap_page
from meldingen.api.main import api
from meldingen.views.chooser import melden_chooser
from meldingen.views.mine import answer_checkin, melding_detail, my_meldingen
from toolkit.views.search import search

urlpatterns = [
    # Tenant-scoped replacements of admin reports, ahead of Wagtail's admin URLs, which
    # precede every register_admin_urls hook (home.admin_reports).
    path("admin/", include((admin_reports.urlpatterns, "home_admin_reports"))),
    path("admin/", include(wagtailadmin_urls)),
    path("account/tweestaps/", include("accounts.urls")),
    path("account/organisatie/", include("accounts.oidc.urls")),
    path("partner/", include("partners.urls")),
    path("api/", api.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
    path("gezond/", alive, name="health_alive"),
    path("gereed/", ready, name="health_ready"),
    path("metrics", metrics, name="metrics"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    re_path(
        r"^huisstijl/(?P<key>landelijk|\d+)\.(?P<version>[0-9a-f]{12})\.css$",
        huisstijl_css,
        name="huisstijl_css",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Dutch pages at /, translations at /en/ and /fy/.
urlpatterns += i18n_patterns(
    path("zoeken/", search, name="toolkit_search"),
    path("sitemap/", sitemap_page, name="sitemap_page"),
    path("melden/", melden_chooser, name="melden_chooser"),
    # A reporter signs in and follows their reports in the language they chose.
    path(
        "account/inloggen/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", authentication_form=PublicLoginForm
        ),
        name="login",
    ),
    path("account/uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("mijn-meldingen/", my_meldingen, name="my_meldingen"),
    path("mijn-meldingen/<str:reference>/", melding_detail, name="my_melding"),
    path(
        "mijn-meldingen/<str:reference>/nazorg/<int:pk>/",
        answer_checkin,
        name="my_melding_checkin",
    ),
    # Wagtail's serve with known routes from the shared cache (home.routing).
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
