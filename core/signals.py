"""Logins and failed logins go into the audit trail."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from core.audit import record
from core.models import AuditAction


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs):
    record(user, AuditAction.LOGIN)


@receiver(user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs):
    # Only the attempted user name, never the password.
    record(None, AuditAction.LOGIN_FAILED, detail=str(credentials.get("username", ""))[:150])
