"""The intake form in short steps: which fields each step asks, grouped in fieldsets, and how
a step is checked. Validation stays MeldingForm's (the same as the API); a step only shows the
errors of its own fields. The melding is stored at the last step only (meldingen.intake)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from meldingen.forms import MeldingForm

EXTRA = "__extra__"  # stands for the organisation's own questions


@dataclass(frozen=True)
class Group:
    legend: str
    fields: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Step:
    title: str
    groups: tuple[Group, ...]

    def group_names(self, group: Group, extra: list[tuple[str, str]]) -> list[str]:
        """The fields of group, the organisation's own questions (extra: MeldingForm's
        extra_fields) where EXTRA stands."""
        names: list[str] = []
        for name in group.fields:
            if name == EXTRA:
                names.extend(extra_name for extra_name, _label in extra)
            else:
                names.append(name)
        return names

    def field_names(self, form: MeldingForm) -> list[str]:
        return self.names(form.extra_fields)

    def names(self, extra: list[tuple[str, str]]) -> list[str]:
        return [name for group in self.groups for name in self.group_names(group, extra)]


# Six steps, each at most three phone screens (tests/browser/test_melding_steps.py): the
# long checkbox lists of domain.md's report fields do not fit in fewer.
STEPS: tuple[Step, ...] = (
    Step(
        _("Wat is er gebeurd"),
        (
            Group(_("Het incident"), ("acute_danger", "kinds", "occurred_at")),
            Group(_("Tegen wie"), ("targets", "related_to_office")),
        ),
    ),
    Step(
        _("Waar en door wie"),
        (
            Group(_("Waar en hoe"), ("place", "channel", "description")),
            Group(
                _("De dader"),
                (
                    "perpetrator_known",
                    "perpetrator_type",
                    "perpetrator_description",
                    "repeated",
                    "witnesses",
                ),
            ),
        ),
    ),
    Step(
        _("Online en politie"),
        (
            Group(
                _("Als het online gebeurde"),
                ("online_platform", "online_links", "online_accounts"),
                _(
                    "Alleen invullen als het online gebeurde, of via sociale media, een "
                    "berichtenapp of e-mail binnenkwam."
                ),
            ),
            Group(
                _("Politie en aangifte"), ("police_involved", "aangifte_made", "police_reference")
            ),
            Group(_("Aanvullende vragen"), (EXTRA,)),
        ),
    ),
    Step(
        _("Gevolgen en wat u wilt"),
        (
            Group(_("Gevolgen"), ("impact", "worried_about_home", "avoidance")),
            Group(_("Wat wilt u?"), ("wishes", "support")),
        ),
    ),
    Step(
        _("Toestemming en uw gegevens"),
        (
            Group(_("Delen met ketenpartners"), ("consent_kinds",)),
            Group(_("Over u"), ("reporter_role", "on_behalf_of", "name", "email", "phone")),
        ),
    ),
    Step(
        _("Controleren en versturen"),
        (Group("", ("attachments",)),),  # one field: no fieldset of its own
    ),
)
REVIEW = len(STEPS)  # the number of the last step: the summary, attachments and submit


def as_querydict(data: dict[str, list[str]]) -> QueryDict:
    query = QueryDict(mutable=True)
    for name, values in data.items():
        query.setlist(name, values)
    return query


def step_values(step: Step, form: MeldingForm, post: QueryDict) -> dict[str, list[str]]:
    """What the reporter typed in step, as lists (an unticked box is an empty list)."""
    return {name: post.getlist(name) for name in step.field_names(form) if name != "attachments"}


def first_invalid_step(form: MeldingForm, before: int = REVIEW) -> int | None:
    """The first step (1-based) before `before` whose fields have errors in the bound form."""
    for number, step in enumerate(STEPS[: before - 1], start=1):
        if any(name in form.errors for name in step.field_names(form)):
            return number
    return None
