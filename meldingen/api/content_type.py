"""The API reads JSON, or multipart for the variant with files. A browser may send text/plain or
a form across sites without a preflight: such a body is refused with 415, never read."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from meldingen.api.main import problem

ACCEPTED_BODIES = ("application/json", "multipart/form-data")


class JSONOnlyMiddleware:
    """415 with a Dutch JSON body for a write to the API whose body is of another type."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        self.prefix = self.prefix or reverse("api:api-root")
        content_type = request.content_type or ""
        if (
            request.path.startswith(self.prefix)
            and request.method in ("POST", "PUT", "PATCH")
            and request.META.get("CONTENT_LENGTH") not in (None, "", "0")
            and content_type not in ACCEPTED_BODIES
            and not content_type.endswith("+json")
        ):
            return problem(
                request, 415, _("Stuur de gegevens als JSON (Content-Type: application/json).")
            )
        return self.get_response(request)
