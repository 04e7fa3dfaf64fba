"""Fixed sections follow the template on the organisation's next publish."""

from __future__ import annotations

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import ProtocolPage


@receiver(page_published, sender=ProtocolPage)
def sync_fixed_sections_on_publish(sender, instance: ProtocolPage, revision, **kwargs) -> None:
    """Publish a follow-up revision when fixed sections lag behind the live template.

    The published revision stays as approved; the follow-up revision (same user) is recorded in
    the page history, so the audit trail shows the automatic update separately.
    """
    from .sections import ProtocolError, follows_template, sync_fixed_sections

    if not follows_template(instance) or not revision.is_latest_revision():
        return  # an older revision went live (e.g. scheduled); sync on the next publish
    try:
        changed = sync_fixed_sections(instance)
    except ProtocolError:
        return
    if changed:
        follow_up = instance.save_revision(user=revision.user, log_action=True)
        follow_up.publish(user=revision.user, skip_permission_checks=True)
