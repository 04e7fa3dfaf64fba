"""Public-side URLs of the workflows app (partner inbox)."""

from django.urls import path

from .views import partner

urlpatterns = [
    path("", partner.inbox, name="workflows_partner_inbox"),
    path("berichten/<int:pk>/", partner.notice_detail, name="workflows_partner_notice"),
    path(
        "berichten/<int:pk>/ontvangst/",
        partner.notice_acknowledge,
        name="workflows_partner_acknowledge",
    ),
    path(
        "berichten/<int:pk>/terugkoppeling/",
        partner.notice_feedback,
        name="workflows_partner_feedback",
    ),
]
