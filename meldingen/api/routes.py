"""Endpoints of the meldapp API. Validation, limits and storage are the web form's
(meldingen.intake and meldingen.reporter); this module only translates JSON. Operation ids
and tags name the functions of a generated client (tests/meldingen/test_api_client.py)."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

import pydantic
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import get_object_or_404
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import File, Form, Path, Router, Status, UploadedFile
from ninja.errors import HttpError
from wagtail.log_actions import log
from wagtail.models import APIToken, Locale

from home.routing import with_known_facts
from meldingen.api import schemas
from meldingen.intake import RATE_LIMITED_MESSAGE, run_intake
from meldingen.models import Melding
from meldingen.pages import MeldenPage
from meldingen.reporter import ADDITION_RATE_LIMITED_MESSAGE, own_meldingen, run_addition
from meldingen.services import stored_as_prefetched
from meldingen.timeline import timeline

router = Router()

# Melding references look like VB-7K3M-Q9TX; anything else (such as NUL) never reaches a query.
Reference = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,40}$")]


class Problem(HttpError):
    """An error response with per-field messages."""

    def __init__(self, status: int, message: str, errors: dict | None = None):
        super().__init__(status, message)
        self.errors = errors or {}


LOCATION_PARTS = {"body", "payload", "form", "file", "query", "path"}


def shape_problem(errors: list[dict]) -> Problem:
    """A 400 for JSON of the wrong shape or type, or without a required field (the rules
    themselves are the forms')."""
    fields: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in LOCATION_PARTS]
        missing = error.get("type") == "missing"
        message = _("Dit veld is verplicht.") if missing else _("Ongeldige waarde.")
        messages = fields.setdefault(loc[0] if loc else "__all__", [])
        if message not in messages:
            messages.append(message)
    return Problem(400, _("Controleer de gegevens."), fields)


def _organisation(org) -> dict:
    return {"id": org.pk, "title": org.title, "kind": org.kind}


def _questions(page: MeldenPage) -> list[dict]:
    return [
        {
            "field": f"extra_{block.id}",
            "label": block.value["label"],
            "help_text": block.value.get("help_text") or "",
            "answer_type": block.value.get("answer_type") or "text",
            "options": [o.strip() for o in (block.value.get("options") or "").splitlines() if o],
            "required": bool(block.value.get("required")),
        }
        for block in page.extra_questions
    ]


def _accepts(page: MeldenPage, request) -> bool:
    """Whether the page's privacy settings (Wagtail view restrictions) let this user in."""
    return all(r.accept_request(request) for r in page.get_view_restrictions())


def _melding(melding: Melding) -> dict:
    return {
        "reference": melding.reference,
        "status": melding.status,
        "status_label": str(melding.get_status_display()),
        "organisation": _organisation(melding.organisation),
        "created_at": melding.created_at,
        "occurred_at": melding.occurred_at,
        "kinds": melding.kinds,
        "acute_danger": melding.acute_danger,
        "consent_kinds": melding.consent_kinds,
        "timeline": [vars(entry) for entry in timeline(melding)],
    }


def _uploads(attachments: list[schemas.AttachmentIn]) -> MultiValueDict:
    uploads, errors = [], []
    for item in attachments:
        try:
            content = base64.b64decode(item.content_base64, validate=True)
        except (binascii.Error, ValueError):
            errors.append(_("'%(name)s' is geen geldige base64-inhoud.") % {"name": item.name})
            continue
        uploads.append(SimpleUploadedFile(item.name, content))
    if errors:
        raise Problem(400, _("Controleer de bijlagen."), {"attachments": errors})
    return MultiValueDict({"attachments": uploads})


def _check_stored(result, stored, rate_limited_message) -> None:
    """429 when rate-limited, 400 with the form's Dutch messages per field when invalid."""
    if result.rate_limited:
        raise HttpError(429, str(rate_limited_message))
    if stored is None:
        errors = {f: [str(m) for m in messages] for f, messages in result.form.errors.items()}
        raise Problem(400, _("Controleer de gegevens."), errors)


def errors(*codes: int) -> dict:
    """Error answers an operation can give (all {detail, errors}, see meldingen.api.main),
    declared so generated clients can read them."""
    return {code: schemas.Problem for code in codes}


# Every operation needs a user (401); writes may be invalid (400), refused (403: the page's
# privacy settings, or CSRF with a session), too large (413), not JSON (415) or rate-limited (429).
WRITE_ERRORS = errors(400, 401, 403, 404, 413, 415, 429)


def _live_page(page_id: int, request) -> MeldenPage:
    return with_known_facts(get_object_or_404(MeldenPage.objects.live(), pk=page_id), request)


@router.get(
    "/meldpunten",
    response={200: list[schemas.MeldpuntOut], **errors(401)},
    summary="Meldpunten waar u kunt melden",
    operation_id="meldpunten",
    tags=["meldingen"],
)
def meldpunten(request):
    """The live Melden pages (Dutch originals) this user may report to, with their questions."""
    pages = MeldenPage.objects.live().filter(locale=Locale.get_default()).order_by("title", "path")
    result = []
    for page in pages:
        if not _accepts(with_known_facts(page, request), request):
            continue
        org = page.organisation
        result.append(
            {
                "id": page.pk,
                "title": page.title,
                "url": request.build_absolute_uri(page.get_url(request)),
                "organisation": _organisation(org),
                "questions": _questions(page),
            }
        )
    result.sort(key=lambda item: item["organisation"]["title"])
    return result


def _submit(request, page_id: int, payload: schemas.MeldingIn, files=()) -> Status:
    """Same validation, limits, confirmation e-mail and history as the web form."""
    page = _live_page(page_id, request)
    if not _accepts(page, request):
        raise HttpError(403, _("U kunt bij dit meldpunt niet melden."))
    data = payload.model_dump(exclude={"attachments", "extra_answers"}, exclude_none=True)
    data.setdefault("name", request.user.get_full_name() or request.user.get_username())
    data.setdefault("email", request.user.email)
    data.update({k: v for k, v in payload.extra_answers.items() if k.startswith("extra_")})
    uploads = _uploads(payload.attachments)
    uploads.setlistdefault("attachments").extend(files)
    result = run_intake(request, page, data, uploads)
    _check_stored(result, result.melding, RATE_LIMITED_MESSAGE)
    # The user's own, just stored: the answer shows what was stored, nothing read back.
    return Status(201, _melding(stored_as_prefetched(result.melding)))


@router.post(
    "/meldpunten/{page_id}/meldingen",
    response={201: schemas.MeldingOut, **WRITE_ERRORS},
    summary="Een melding doen (JSON)",
    operation_id="melding_doen",
    tags=["meldingen"],
)
def submit(request, page_id: int, payload: schemas.MeldingIn):
    """A melding as JSON; small attachments base64-encoded in `attachments`."""
    return _submit(request, page_id, payload)


@router.post(
    "/meldpunten/{page_id}/meldingen/multipart",
    response={201: schemas.MeldingOut, **WRITE_ERRORS},
    summary="Een melding doen met grote bijlagen (multipart)",
    operation_id="melding_doen_multipart",
    tags=["meldingen"],
)
def submit_multipart(
    request,
    page_id: int,
    melding: Form[str],
    attachments: File[list[UploadedFile]] = None,
):
    """multipart/form-data: part `melding` holds the JSON of a melding (as for the JSON
    endpoint; the schema says so, see meldingen.api.main), parts `attachments` the files. For
    evidence too large to send as base64."""
    try:
        payload = schemas.MeldingIn.model_validate_json(melding)
    except pydantic.ValidationError as exc:
        raise shape_problem(exc.errors()) from None
    return _submit(request, page_id, payload, attachments or [])


@router.get(
    "/meldingen",
    response={200: list[schemas.MeldingOut], **errors(401)},
    summary="Mijn meldingen",
    operation_id="mijn_meldingen",
    tags=["meldingen"],
)
def my_meldingen(request):
    """Only the meldingen of the logged-in user, newest first, with their timeline."""
    return [_melding(m) for m in own_meldingen(request.user)]


@router.get(
    "/meldingen/{reference}",
    response={200: schemas.MeldingOut, **errors(400, 401, 404)},
    summary="Eén eigen melding",
    operation_id="mijn_melding",
    tags=["meldingen"],
)
def my_melding(request, reference: Reference):
    return _melding(get_object_or_404(own_meldingen(request.user), reference=reference))


@router.post(
    "/meldingen/{reference}/aanvullingen",
    response={201: schemas.AdditionOut, **WRITE_ERRORS},
    summary="Informatie toevoegen aan een eigen melding",
    operation_id="aanvulling_toevoegen",
    tags=["meldingen"],
)
def add(request, reference: Reference, payload: schemas.AdditionIn):
    melding = get_object_or_404(own_meldingen(request.user), reference=reference)
    data = {"text": payload.text} if payload.text is not None else {}
    result = run_addition(request, melding, data, _uploads(payload.attachments))
    _check_stored(result, result.addition, ADDITION_RATE_LIMITED_MESSAGE)
    addition = result.addition
    return Status(
        201,
        {
            "id": addition.pk,
            "created_at": addition.created_at,
            "attachments": addition.attachments.count(),
        },
    )


def _own_tokens(request):
    return APIToken.objects.filter(user=request.user, revoked_at__isnull=True).order_by("-created")


@router.get(
    "/sleutels",
    response={200: list[schemas.TokenOut], **errors(401)},
    summary="Mijn API-sleutels",
    operation_id="sleutels",
    tags=["sleutels"],
)
def tokens(request):
    return list(_own_tokens(request))


@router.post(
    "/sleutels",
    response={201: schemas.NewTokenOut, **errors(400, 401, 403, 413, 415)},
    summary="API-sleutel aanmaken",
    operation_id="sleutel_aanmaken",
    tags=["sleutels"],
)
def create_token(request, payload: schemas.TokenIn):
    """Create a key for the meldapp; the key itself is in this response only."""
    instance, plaintext = APIToken.create_token(user=request.user, name=payload.name)
    log(instance, "wagtail.apitoken.create", user=request.user, data={"source": "meldapp-api"})
    fields = {f: getattr(instance, f) for f in schemas.TokenOut.model_fields}
    return Status(201, {**fields, "token": plaintext})


@router.delete(
    "/sleutels/{token_id}",
    response={204: None, **errors(400, 401, 403, 404)},
    summary="API-sleutel intrekken",
    operation_id="sleutel_intrekken",
    tags=["sleutels"],
)
def revoke_token(request, token_id: int):
    token = get_object_or_404(_own_tokens(request), pk=token_id)
    token.revoke()
    log(token, "wagtail.apitoken.revoke", user=request.user, data={"source": "meldapp-api"})
    return Status(204, None)
