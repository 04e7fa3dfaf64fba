from django.urls import path

from . import views

urlpatterns = [
    path("instellen/", views.setup, name="accounts_otp_setup"),
    path("controle/", views.verify, name="accounts_otp_verify"),
    path("herstelcodes/", views.recovery_codes, name="accounts_recovery_codes"),
]
