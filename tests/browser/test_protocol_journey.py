"""The organisation's protocol in a real browser: the communicatieadviseur derives it from the
national template in the Wagtail admin, rewrites an adaptable section and submits it; the
publiceerder approves; the public page shows the new text."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from home.models import OrganisationPage
from protocols.models import ProtocolPage
from tests.browser.conftest import login, screenshot

NEW_TEXT = "Meld elk incident binnen een uur bij de griffie van Voorbeeldstad, ook in het weekend."


@pytest.fixture
def organisation(demo) -> OrganisationPage:
    """Gemeente Voorbeeldstad before it had a protocol (the demo derives one for it)."""
    organisation = OrganisationPage.objects.get(official_code="GM9999", locale__language_code="nl")
    ProtocolPage.objects.child_of(organisation).get().delete()
    return organisation


def test_protocol_derived_rewritten_submitted_approved_and_public(new_page, organisation):
    editor = new_page()
    login(editor, "voorbeeldstad-redacteur", url="/admin/login/")
    editor.goto(f"/admin/pages/{organisation.pk}/")
    editor.get_by_role("button", name=re.compile("Acties|Actions")).first.click()
    with editor.expect_navigation():
        editor.get_by_role("link", name="Agressieprotocol afleiden").click()
    with editor.expect_navigation():
        editor.get_by_role("button", name="Agressieprotocol afleiden").click()
    assert "afgeleid van het landelijke sjabloon" in editor.inner_text("body")
    protocol = ProtocolPage.objects.child_of(organisation).get()
    assert not protocol.live

    # Rewrite the adaptable section on reporting in its rich text editor, then submit.
    editor.wait_for_load_state("networkidle")
    section = editor.locator(".public-DraftEditor-content", has_text="Meld daarna elk incident")
    section.click()
    expect(section).to_be_focused()
    editor.keyboard.press("Control+A")
    editor.keyboard.type(NEW_TEXT)
    rewritten = editor.locator(".public-DraftEditor-content", has_text=NEW_TEXT)
    expect(rewritten).to_have_text(NEW_TEXT)  # the whole section, nothing of the old text
    # Draftail copies its state into the form's hidden input after a short interval.
    editor.wait_for_function(
        "text => [...document.querySelectorAll('input[type=hidden]')]"
        ".some(input => input.value.includes(text))",
        arg=NEW_TEXT,
    )
    screenshot(editor, "protocol-bewerken")
    editor.locator("footer .w-dropdown__toggle").click()
    with editor.expect_navigation():
        editor.locator("footer").get_by_role("button", name=re.compile("^Stuur door naar")).click()
    protocol.refresh_from_db()
    assert protocol.workflow_in_progress and not protocol.live
    assert NEW_TEXT in str(protocol.get_latest_revision_as_object().body.raw_data)
    # The redacteur is done: an editor left open keeps autosaving, and a revision saved while
    # the publiceerder approves makes Wagtail refuse the approval as a conflict (issue 20).
    editor.close()

    # The publiceerder finds it on the admin dashboard and approves it.
    publisher = new_page()
    login(publisher, "voorbeeldstad-publiceerder", url="/admin/login/")
    assert "In afwachting van jouw beoordeling" in publisher.inner_text("main")
    with publisher.expect_navigation():
        # The link in the review list (the protocol panel links to the same page too).
        publisher.locator('main a[title="Wijzig"]', has_text="Agressieprotocol").first.click()
    assert publisher.url.endswith(f"/admin/pages/{protocol.pk}/edit/")
    publisher.locator("footer .w-dropdown__toggle").click()
    with publisher.expect_navigation():
        publisher.locator("footer").get_by_role("button", name="Goedkeuren en publiceren").click()
    protocol.refresh_from_db()
    assert protocol.live and not protocol.workflow_in_progress

    # A visitor reads the new text on the public protocol page.
    visitor = new_page()
    visitor.goto(protocol.get_url())
    assert visitor.get_by_role("heading", level=1).inner_text().startswith("Agressieprotocol")
    section = visitor.locator("section, article", has_text="Melden en registreren").last
    assert NEW_TEXT in section.inner_text()
    assert "Meld daarna elk incident" not in visitor.inner_text("main")
    screenshot(visitor, "protocol-publiek")
