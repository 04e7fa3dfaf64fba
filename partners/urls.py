"""Public-side URLs of the workflows app (partner inbox)."""

from django.urls import path

from partners import views as partner

urlpatterns = [
    path("", partner.inbox, name="partner_inbox"),
    path("berichten/<int:pk>/", partner.notice_detail, name="partner_notice"),
    path(
        "berichten/<int:pk>/ontvangst/",
        partner.notice_acknowledge,
        name="partner_acknowledge",
    ),
    path(
        "berichten/<int:pk>/bijlagen/<int:attachment_pk>/",
        partner.notice_attachment,
        name="partner_attachment",
    ),
    path(
        "berichten/<int:pk>/terugkoppeling/",
        partner.notice_feedback,
        name="partner_feedback",
    ),
]
