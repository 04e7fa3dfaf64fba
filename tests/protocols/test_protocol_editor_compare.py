"""The comparison with the template keeps paragraphs, names a section new in the template
instead of diffing it against nothing ("None"), and the editor's notice is readable."""

import re

import pytest
from django.urls import reverse

from protocols.template_notice import NOTICE_TEMPLATE, template_notice
from tests.protocol_factories import (
    derive,
    fresh,
    make_template,
    publish_template_change,
    text_section,
)

pytestmark = pytest.mark.django_db

TWO_PARAGRAPHS = (
    "<p>Na een incident belt {bestuursvoorzitter} u binnen twee dagen.</p>"
    "<p>Een week later volgt een tweede gesprek.</p>"
)


@pytest.fixture
def protocol(org_a, home_page, redacteur_a):
    """A published protocol; then the template changes a section into two paragraphs and gets
    a new section."""
    template = make_template(home_page)
    protocol = derive(org_a, user=redacteur_a)
    protocol.save_revision(user=redacteur_a).publish()
    publish_template_change(template, "nazorg", text=TWO_PARAGRAPHS)
    template = fresh(template)
    raw = list(template.body.raw_data)
    raw.append(text_section("evaluatie", "aanpasbaar", "Evaluatie", "<p>Jaarlijks evalueren.</p>"))
    template.body = raw
    template.save_revision().publish()
    return fresh(protocol)


def section_html(html: str, key: str) -> str:
    start = html.index(f'id="s-{key}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_comparison_keeps_paragraphs_and_names_new_sections(protocol, redacteur_a, login):
    response = login(redacteur_a).get(reverse("protocols_compare", args=[protocol.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "None" not in html

    aftercare = section_html(html, "nazorg")
    diff = re.search(r'<div class="protocol-diff-text"[^>]*>(.*?)</div>', aftercare, re.S).group(1)
    # The old single paragraph and the new second one stay separate paragraphs.
    assert "white-space: pre-line" in aftercare
    assert ".\n\nEen week later" in diff, diff

    new = section_html(html, "evaluatie")
    assert "Nieuw in het sjabloon" in new
    assert "Jaarlijks evalueren." in new
    assert "deletion" not in new  # shown whole, not as a diff against an empty section


def test_editor_notice_lists_the_changes_with_a_readable_button(protocol, redacteur_a, login):
    response = login(redacteur_a).get(reverse("wagtailadmin_pages:edit", args=[protocol.pk]))
    html = response.content.decode()
    assert "Het landelijke sjabloon is gewijzigd: 2 secties wijken af van je basisversie." in html
    assert "Evaluatie: nieuw in het sjabloon" in html
    # The button is not inside the help block (whose links are dark underlined text).
    compare_url = reverse("protocols_compare", args=[protocol.pk])
    button = re.search(f'<a class="button button-small" href="{compare_url}"', html)
    assert button
    help_block_end = html.index("</div>", html.index("help-block", html.index("protocol-template")))
    assert button.start() > help_block_end


def test_template_notice_for_the_dashboard(protocol):
    from django.template.loader import render_to_string

    notice = template_notice(protocol)
    assert [s.key for s in notice.behind] == ["nazorg", "evaluatie"]
    assert notice.compare_url == reverse("protocols_compare", args=[protocol.pk])
    html = render_to_string(NOTICE_TEMPLATE, {"notice": notice})
    assert "2 secties wijken af" in html
    assert render_to_string(NOTICE_TEMPLATE, {"notice": None}).strip() == ""


def test_no_notice_for_a_protocol_that_follows_the_template(org_a, home_page):
    make_template(home_page)
    assert template_notice(derive(org_a)) is None
