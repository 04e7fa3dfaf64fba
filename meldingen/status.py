"""The status transitions of a melding, as data validated in one place."""

from django.utils.translation import gettext_lazy as _

from meldingen.models.choices import Status

TRANSITIONS: dict[str, set[str]] = {
    Status.RECEIVED: {Status.IN_TRIAGE, Status.CLOSED},
    Status.IN_TRIAGE: {Status.ROUTED, Status.CLOSED},
    Status.ROUTED: {Status.IN_TRIAGE, Status.CLOSED},
    # Reopening goes back to where the case was: routed, or triage when it never was.
    Status.CLOSED: {Status.IN_TRIAGE, Status.ROUTED, Status.EVALUATED},
    Status.EVALUATED: {Status.IN_TRIAGE, Status.ROUTED},
}
INITIAL = Status.RECEIVED
CLOSED_STATUSES = (Status.CLOSED, Status.EVALUATED)


class TransitionError(ValueError):
    pass


def check_transition(current: str, new: str) -> None:
    """Raise TransitionError unless current -> new is allowed."""
    if new not in TRANSITIONS.get(current, set()):
        raise TransitionError(
            _("Een melding met status '%(from)s' kan niet naar '%(to)s'.")
            % {"from": Status(current).label, "to": Status(new).label}
        )
