"""Our task types on Wagtail's workflow engine. Reviewers are not fixed groups: they are the
veiligheidscoördinatoren of the melding's own organisation. Each action leads to our own screen
(triage, routing), which does the work and then approves the task state in one transaction."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState


class OrganisationReviewTask(Task):
    action_name = ""
    action_label = ""
    url_name = ""

    class Meta:
        abstract = True

    @staticmethod
    def _is_reviewer(obj, user) -> bool:
        from meldingen.permissions import is_coordinator

        return is_coordinator(user, obj.organisation)

    def user_can_access_editor(self, obj, user):
        return self._is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        return not self._is_reviewer(obj, user)

    def get_actions(self, obj, user):
        if self._is_reviewer(obj, user):
            return [(self.action_name, self.action_label, False)]
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == self.action_name:
            return reverse(self.url_name, args=[task_state.workflow_state.object_id])
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # Wagtail's own "awaiting your review" panel treats every non-page object as a snippet;
        # meldingen have their own dashboard panel (workflows.panels.waiting_meldingen).
        return TaskState.objects.none()


class TriageTask(OrganisationReviewTask):
    action_name = "triage"
    action_label = _("Triage uitvoeren")
    url_name = "melding_triage"

    class Meta:
        verbose_name = _("triage door veiligheidscoördinator")
        verbose_name_plural = _("triagetaken")

    @classmethod
    def get_description(cls):
        return _("De veiligheidscoördinatoren van de organisatie beoordelen de melding.")


class RoutingTask(OrganisationReviewTask):
    action_name = "route"
    action_label = _("Routering bevestigen")
    url_name = "melding_routing"

    class Meta:
        verbose_name = _("routering naar ketenpartners")
        verbose_name_plural = _("routeringstaken")

    @classmethod
    def get_description(cls):
        return _("De veiligheidscoördinatoren bevestigen naar welke ketenpartners het gaat.")


class ExtraStepTask(OrganisationReviewTask):
    """A step some organisations add to the national meldingen workflow (a model has one
    workflow); for meldingen of other organisations it is skipped automatically."""

    organisations = models.ManyToManyField(
        "home.OrganisationPage",
        verbose_name=_("organisaties"),
        help_text=_(
            "Alleen meldingen van deze organisaties doorlopen deze stap; voor andere wordt hij "
            "overgeslagen."
        ),
        related_name="+",
    )
    instructions = models.TextField(
        _("instructie"),
        blank=True,
        help_text=_(
            "Wat de veiligheidscoördinator in deze stap doet; staat boven het formulier van de "
            "stap."
        ),
    )
    action_name = "extra_step"
    action_label = _("Stap afronden")
    url_name = "melding_step"

    admin_form_fields = [*Task.admin_form_fields, "organisations", "instructions"]

    class Meta:
        verbose_name = _("extra stap voor organisaties")
        verbose_name_plural = _("extra stappen voor organisaties")

    @classmethod
    def get_description(cls):
        return _("Een eigen stap van één of meer organisaties, bijvoorbeeld een overleg.")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        melding = workflow_state.content_object
        if not self.organisations.filter(pk=melding.organisation_id).exists():
            task_state.status = TaskState.STATUS_SKIPPED
            task_state.finished_at = timezone.now()
            task_state.save(update_fields=["status", "finished_at"])
        return task_state
