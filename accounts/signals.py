"""A successful login clears the account's failed attempts (django-axes counts them, see
lockout) and starts the session's absolute lifetime."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import lockout

SESSION_STARTED_KEY = "accounts_session_started"


@receiver(user_logged_in)
def clear_failures(sender, request, user, **kwargs):
    lockout.reset_user(user.get_username())
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STARTED_KEY] = int(time.time())
