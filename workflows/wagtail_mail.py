"""Wagtail's workflow e-mails kept away from meldingen: the one place that relies on Wagtail's
private signal wiring (its handlers' dispatch_uids in wagtail.admin.signal_handlers).
tests/workflows/test_wagtail_contracts.py fails loudly when an upgrade changes that wiring."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.models import WorkflowState

from meldingen.models import Melding

# Wagtail's own dispatch_uids for its workflow e-mail handlers, per signal name.
WAGTAIL_MAIL_UIDS = {
    "submitted": "workflow_state_submitted_email_notification",
    "approved": "workflow_state_approved_email_notification",
    "rejected": "workflow_state_rejected_email_notification",
}


def _unless_melding(notifier):
    def handler(sender, instance=None, **kwargs):
        if instance is not None and instance.base_content_type_id == _melding_type_id():
            return None
        return notifier(sender=sender, instance=instance, **kwargs)

    return handler


def _melding_type_id() -> int:
    return ContentType.objects.get_for_model(Melding).pk  # cached by Django


def silence_wagtail_mail_for_meldingen() -> None:
    """Wagtail e-mails the requester and every superuser when a workflow is submitted,
    approved or rejected, synchronously. For a melding that would mail the reporter and the
    national admins from inside the intake, with admin links: meldingen have their own
    messages (confirmation, notices), so Wagtail's are off for them; pages keep theirs.
    Called from WorkflowsConfig.ready."""
    from wagtail.admin import signal_handlers
    from wagtail.signals import workflow_approved, workflow_rejected, workflow_submitted

    wired = [
        (workflow_submitted, signal_handlers.workflow_submission_email_notifier, "submitted"),
        (workflow_approved, signal_handlers.workflow_approval_email_notifier, "approved"),
        (workflow_rejected, signal_handlers.workflow_rejection_email_notifier, "rejected"),
    ]
    for signal, notifier, name in wired:
        uid = WAGTAIL_MAIL_UIDS[name]
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(
            _unless_melding(notifier), sender=WorkflowState, dispatch_uid=uid, weak=False
        )
