"""Public intake: the melding form on an organisation's Melden page, in short steps, and its
confirmation. Works without JavaScript: every step is a plain form POST. What was typed is kept
in the session (meldingen.drafts) until the last step stores the melding through
meldingen.intake, the same door as the API."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache

from meldingen import drafts
from meldingen.form_widgets import decorate
from meldingen.forms import MeldingForm, extra_fields
from meldingen.intake import RATE_LIMITED_MESSAGE, run_intake
from meldingen.models import Melding
from meldingen.steps import REVIEW, STEPS, as_querydict, first_invalid_step, step_values
from meldingen.summary import summary

SESSION_KEY = "melding_confirmation"
# The buttons of a step (name="actie").
NEXT, PREVIOUS, SEND, STOP = "volgende", "vorige", "versturen", "wissen"


def step_url(page, number: int, base: str | None = None) -> str:
    """The address of step number; base is the page's own address when already known."""
    url = base or page.url
    if number <= 1:
        return url
    return url + page.reverse_subpage("step_view", kwargs={"number": number})


def _initial(draft: dict[str, list[str]], user) -> dict:
    initial: dict = {}
    if user.is_authenticated:
        initial = {"name": user.get_full_name(), "email": user.email}
    for name, values in draft.items():
        field = MeldingForm.base_fields.get(name)
        multiple = isinstance(field, forms.MultipleChoiceField)
        initial[name] = values if multiple else (values[0] if values else "")
    return initial


def _render(request, page, form, number: int, status: int = 200, initial=None, **extra):
    """Step number of form. form may be None for an empty step (nothing typed, no errors; only
    `initial`): the form is then made only if its fields are rendered, which they are not while
    they are a kept fragment (copying a form's 30 fields was a sixth of a step's time)."""
    step = STEPS[number - 1]
    if form is None:
        questions = page.extra_questions
        initial = initial or {}
        names = step.names(extra_fields(questions))
        form = SimpleLazyObject(lambda: MeldingForm(initial=initial, extra_questions=questions))
        show_errors, seconds = False, _fields_seconds(request, False, initial, names)
    else:
        names = step.field_names(form)
        show_errors = form.is_bound
        seconds = _fields_seconds(request, form.is_bound, form.initial, names)
    errors = [form[name] for name in names if show_errors and form[name].errors]

    def groups():
        decorate(form, names, show_errors)
        extra_names = form.extra_fields
        return [
            (group, [form[name] for name in step.group_names(group, extra_names)])
            for group in step.groups
        ]

    base = page.get_url(request)  # the request knows the site's root paths
    steps = [
        {"number": n, "title": s.title, "url": step_url(page, n, base=base)}
        for n, s in enumerate(STEPS, start=1)
    ]
    context = page.get_context(request) | {
        "form": form,
        "step": step,
        "number": number,
        "total": len(STEPS),
        "steps": steps,
        "groups": groups,  # called by the template inside the fields' fragment
        "error_fields": errors,
        "show_errors": show_errors,
        "previous_url": step_url(page, number - 1, base=base) if number > 1 else None,
        "is_review": number == REVIEW,
        "action_url": step_url(page, number, base=base),
        "compact_footer": True,
        "fields_seconds": seconds,
        **extra,
    }
    return TemplateResponse(request, "meldingen/melden_page.html", context, status=status)


def _fields_seconds(request, bound: bool, initial: dict, names: list[str]) -> int:
    """How long the rendered fields of a step may be kept: only while they are the same for
    everyone (nothing typed or filled in, no errors) and follow the page alone (the choice of
    ketenpartners follows the organisation's partners, which a publish does not mark)."""
    if bound or "consent_kinds" in names or getattr(request, "is_preview", False):
        return 0
    if any(initial.get(name) not in (None, "", []) for name in names):
        return 0
    return settings.FRAGMENT_CACHE_SECONDS


@never_cache
def intake(request, page, number: int = 1):
    if not page.accept_without_account and not request.user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(page.url)
        return _render_login(request, page)
    if not 1 <= number <= REVIEW:
        return redirect(page.url)
    questions = page.extra_questions
    draft = drafts.load(request, page)
    if request.method != "POST":
        return _show(request, page, number, draft)

    action = request.POST.get("actie", NEXT)
    if action == STOP:
        drafts.clear(request)
        return redirect(page.url + "?gewist=1")
    if number < REVIEW:
        form = MeldingForm(extra_questions=questions)
        draft.update(step_values(STEPS[number - 1], form, request.POST))
        drafts.save(request, page, draft)
        if action == PREVIOUS:
            return redirect(step_url(page, number - 1))
        bound = MeldingForm(as_querydict(draft), extra_questions=questions)
        invalid = first_invalid_step(bound, before=number + 1)
        if invalid is not None:
            from_review = bool(request.POST.get("controle"))
            return _render(request, page, bound, invalid, status=400, from_review=from_review)
        if request.POST.get("controle") and first_invalid_step(bound) is None:
            return redirect(step_url(page, REVIEW))
        return redirect(step_url(page, number + 1))

    if action == PREVIOUS:
        return redirect(step_url(page, REVIEW - 1))
    if not draft:  # sent already, stopped, or expired: start again
        return redirect(page.url)
    result = run_intake(request, page, as_querydict(draft), request.FILES)
    if result.rate_limited:
        return _render_review(
            request, page, result.form, status=429, rate_limited=RATE_LIMITED_MESSAGE
        )
    if result.melding is None:
        invalid = first_invalid_step(result.form)
        if invalid is not None:
            return _render(request, page, result.form, invalid, status=400)
        return _render_review(request, page, result.form, status=400)
    # The transaction has committed here: only now is the confirmation shown.
    drafts.clear(request)
    request.session[SESSION_KEY] = result.melding.reference
    return redirect(page.url + page.reverse_subpage("confirmation_view"))


def _show(request, page, number: int, draft: dict[str, list[str]]):
    """A step as the reporter left it; a later step only after the earlier ones are done."""
    questions = page.extra_questions
    if number > 1:
        if not draft:
            return redirect(page.url)
        bound = MeldingForm(as_querydict(draft), extra_questions=questions)
        invalid = first_invalid_step(bound, before=number)
        if invalid is not None:
            return redirect(step_url(page, invalid))
        if number == REVIEW:
            return _render_review(request, page, bound)
    return _render(
        request,
        page,
        None,
        number,
        initial=_initial(draft, request.user),
        from_review=request.GET.get("controle") == "1",
        cleared=request.GET.get("gewist") == "1" and number == 1,
    )


def _render_review(request, page, bound: MeldingForm, status: int = 200, **extra):
    """The last step: everything typed, with links to change it, attachments and submit. The
    bound form's errors of earlier steps are absent here (they were checked before)."""
    bound.is_valid()
    rows = summary(bound, STEPS[: REVIEW - 1], lambda n: step_url(page, n) + "?controle=1")
    if status == 200:
        # Attachments come with the submit; nothing to show as an error yet.
        bound = MeldingForm(extra_questions=page.extra_questions)
    empty = [part for part in rows if not part["rows"]]
    return _render(request, page, bound, REVIEW, status, summary=rows, empty_parts=empty, **extra)


def _render_login(request, page):
    context = page.get_context(request) | {"login_required": True}
    return TemplateResponse(request, "meldingen/melden_page.html", context)


@never_cache
def confirmation(request, page):
    reference = request.session.get(SESSION_KEY)
    melding = Melding.objects.filter(reference=reference, organisation=page.organisation).first()
    if melding is None:
        return redirect(page.url)
    context = page.get_context(request) | {"melding": melding}
    return TemplateResponse(request, "meldingen/melding_confirmation.html", context)
