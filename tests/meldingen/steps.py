"""Filling in the stepped intake form through its real URLs, as a browser without JavaScript."""

from __future__ import annotations

from meldingen.steps import REVIEW
from meldingen.views.intake import step_url


def post_melding(client, page, data: dict, *, follow: bool = False):
    """Posts each step of page's form in turn; every step reads only its own fields from data,
    the attachments go with the last step. Returns the first response that does not lead to
    the next step (an error, a sign-in redirect), else the answer to the final submit."""
    files = data.get("attachments", [])
    fields = {name: value for name, value in data.items() if name != "attachments"}
    response = None
    for number in range(1, REVIEW + 1):
        if number < REVIEW:
            response = client.post(step_url(page, number), {**fields, "actie": "volgende"})
            if response.status_code != 302 or response["Location"] != step_url(page, number + 1):
                return response
        else:
            response = client.post(
                step_url(page, number), {"attachments": files, "actie": "versturen"}
            )
    if follow and response.status_code == 302:
        return client.get(response["Location"], follow=True)
    return response


def step_pages(client, page, data: dict) -> str:
    """The HTML of every step of page's form, one after the other, as a reporter sees them who
    fills in data on the way."""
    fields = {name: value for name, value in data.items() if name != "attachments"}
    bodies = []
    for number in range(1, REVIEW + 1):
        response = client.get(step_url(page, number))
        assert response.status_code == 200, (number, response)
        bodies.append(response.content.decode())
        if number < REVIEW:
            response = client.post(step_url(page, number), {**fields, "actie": "volgende"})
            assert response.status_code == 302, response.content.decode()
    return "\n".join(bodies)
