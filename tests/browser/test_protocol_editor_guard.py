"""The protocol editor in a real browser: a fixed section shows no delete, duplicate or move
control while a free section does, and the template notice passes the contrast check."""

from __future__ import annotations

import pytest

from home.models import OrganisationPage
from protocols.blocks import SectionMode
from protocols.comparison import compare
from protocols.models import ProtocolPage, ProtocolTemplatePage
from tests.browser.conftest import PHONE, login, screenshot
from tests.protocol_factories import publish_template_change

CONTROLS = ("DELETE", "DUPLICATE", "MOVE_UP", "MOVE_DOWN", "DRAG")

# The actions a section's own header offers (not those of lists inside it), visible ones only.
HEADER_ACTIONS = """key => {
  const child = document.querySelector(
    `[data-contentpath="body"] [data-streamfield-child][data-contentpath="${key}"]`);
  const header = child.querySelector('[data-panel-controls]');
  return [...header.querySelectorAll('[data-streamfield-action]')]
    .filter(button => button.closest('[data-streamfield-child]') === child)
    .filter(button => button.getClientRects().length > 0)
    .map(button => button.dataset.streamfieldAction);
}"""


@pytest.fixture
def protocol(demo) -> ProtocolPage:
    """Gemeente Voorbeeldstad's protocol after the national editors changed a free section in
    the template, so the editor shows the template notice as well."""
    organisation = OrganisationPage.objects.get(official_code="GM9999", locale__language_code="nl")
    protocol = ProtocolPage.objects.child_of(organisation).get()
    template = ProtocolTemplatePage.objects.get(pk=protocol.template_page_id)
    free = next(s for s in compare(protocol).sections if s.mode == SectionMode.ADAPTABLE)
    publish_template_change(template, free.key, heading=f"{free.heading} (herzien)")
    return protocol


def test_fixed_section_has_no_delete_duplicate_or_move_control(new_page, protocol, axe_source):
    sections = compare(protocol).sections
    fixed = next(s for s in sections if s.mode == SectionMode.FIXED and s.present)
    free = next(s for s in sections if s.mode == SectionMode.ADAPTABLE and s.present)

    editor = new_page(inject_tools=True)
    # One login (a second one within the same 30 s would reuse the spent second-factor code).
    login(editor, "voorbeeldstad-redacteur", url="/admin/login/")
    for width, viewport in ((1280, {"width": 1280, "height": 900}), (375, PHONE)):
        editor.set_viewport_size(viewport)
        editor.goto(f"/admin/pages/{protocol.pk}/edit/")
        editor.wait_for_selector(f'[data-streamfield-child][data-contentpath="{fixed.key}"]')

        assert editor.evaluate(HEADER_ACTIONS, fixed.key) == []
        assert set(CONTROLS) <= set(editor.evaluate(HEADER_ACTIONS, free.key))
        assert editor.locator(
            f'[data-contentpath="{fixed.key}"] [data-block-content][inert], '
            f'[data-contentpath="{fixed.key}"] .w-panel__content[inert]'
        ).count()

        # The notice that the template changed, with its button, passes the contrast check.
        notice = editor.locator(".protocol-template-notice")
        assert "Het landelijke sjabloon is gewijzigd" in notice.inner_text()
        if not editor.evaluate("typeof window.axe !== 'undefined'"):
            editor.add_script_tag(content=axe_source)
        result = editor.evaluate(
            "() => axe.run(document.querySelector('.protocol-template-notice'),"
            " {runOnly: {type: 'rule', values: ['color-contrast', 'link-in-text-block']}})"
        )
        assert result["violations"] == [], result["violations"]

        editor.evaluate("() => window.scrollTo(0, 0)")
        screenshot(editor, f"admin-protocol-editor-{width}", full_page=False)
        # A free section's header (with its controls) below the end of a fixed one.
        free_controls = f'[data-contentpath="{free.key}"] [data-panel-controls]'
        editor.locator(free_controls).first.scroll_into_view_if_needed()
        editor.evaluate("() => window.scrollBy(0, -250)")
        screenshot(editor, f"admin-protocol-editor-sections-{width}", full_page=False)
