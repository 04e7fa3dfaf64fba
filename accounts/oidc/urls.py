from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/", views.AuthenticationRequestView.as_view(), name="accounts_oidc_start"),
    path("terug/", views.AuthenticationCallbackView.as_view(), name="accounts_oidc_callback"),
]
