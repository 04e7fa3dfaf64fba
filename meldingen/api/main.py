"""The meldapp API (django-ninja): JSON errors in Dutch, never cached, schema at
/api/openapi.json and interactive docs at /api/docs."""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from meldingen.api.auth import AUTH
from meldingen.api.routes import router, shape_problem


class MeldAPI(NinjaAPI):
    def create_response(self, request, data, *args, **kwargs):
        response = super().create_response(request, data, *args, **kwargs)
        add_never_cache_headers(response)  # per-user data: never in a shared cache
        return response

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        _multipart_melding_is_json(schema)
        return schema


def _multipart_melding_is_json(schema: dict) -> None:
    """The multipart variant's part `melding` is a MeldingIn as JSON (the view reads it as text
    and validates it as MeldingIn): say so, so that a generated client sends a typed melding."""
    for operations in schema["paths"].values():
        for operation in operations.values():
            if operation.get("operationId") != "melding_doen_multipart":
                continue
            body = operation["requestBody"]["content"]["multipart/form-data"]
            body["schema"]["properties"]["melding"] = {
                "$ref": "#/components/schemas/MeldingIn",
                "description": "De melding, als JSON (Content-Type application/json).",
            }
            body["encoding"] = {"melding": {"contentType": "application/json"}}


api = MeldAPI(
    title="Veilig Bestuur meldapp-API",
    version="1",
    description=(
        "Meldingen doen en volgen vanuit de meldapp. Inloggen met een API-sleutel "
        "(Authorization: Bearer <sleutel>) of, op dezelfde site, met de sessie plus CSRF-token. "
        "Fouten zijn JSON: {detail, errors}; 400 ongeldige invoer, 401 niet ingelogd, "
        "403 geen toegang, 404 niet gevonden, 413 te groot, 415 geen JSON, 429 te veel "
        "verzoeken."
    ),
    urls_namespace="api",
    auth=AUTH,
)
api.add_router("/", router)


def problem(request, status: int, detail: str, errors: dict | None = None):
    return api.create_response(request, {"detail": detail, "errors": errors or {}}, status=status)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    response = problem(request, 401, _("Log in met een geldige API-sleutel of via de website."))
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(HttpError)
def http_error(request, exc):
    return problem(request, exc.status_code, str(exc.message), getattr(exc, "errors", None))


@api.exception_handler(Http404)
def not_found(request, exc):
    return problem(request, 404, _("Niet gevonden."))


@api.exception_handler(RequestDataTooBig)
def too_big(request, exc):
    return problem(
        request,
        413,
        _("Het verzoek is te groot. Stuur minder of kleinere bijlagen mee."),
    )


@api.exception_handler(ValidationError)
def invalid_shape(request, exc):
    return http_error(request, shape_problem(exc.errors))
