"""Count failed logins for the lock-out; a successful login clears the user's counter and
starts the session's absolute lifetime."""

import time

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from . import lockout

SESSION_STARTED_KEY = "accounts_session_started"


@receiver(user_login_failed)
def count_failed_login(sender, credentials, request=None, **kwargs):
    lockout.register_failure(request, str(credentials.get("username", "")))


@receiver(user_logged_in)
def clear_failures(sender, request, user, **kwargs):
    lockout.reset_user(user.get_username())
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STARTED_KEY] = int(time.time())
