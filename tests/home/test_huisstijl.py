"""Huisstijl per organisation (issue 19): editors set logo, colours and font in the admin;
colours below WCAG 2.1 AA are refused with the ratio; every page of the organisation links its
own token stylesheet, which is served with a long cache lifetime and no inline style."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.huisstijl import NATIONAL_DEFAULTS, contrast_ratio, huisstijl_for
from home.models import HomePage, OrganisationPage
from tests.factories import melden_page
from tests.protocol_factories import derive, make_template
from tests.toolkit_helpers import resource, toolkit_index

pytestmark = pytest.mark.django_db

STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/huisstijl/[^"]+\.css)">')


def edit_data(org: OrganisationPage, **huisstijl) -> dict:
    """POST data for the organisation page's edit form, with huisstijl values."""
    data = nested_form_data(
        {
            "title": org.title,
            "slug": org.slug,
            "kind": org.kind,
            "official_code": org.official_code,
            "intro": rich_text(org.intro or ""),
            "contacts": inline_formset(
                [
                    {"id": c.pk, "role": c.role, "name": c.name, "email": c.email, "phone": c.phone}
                    for c in org.contacts.all()
                ]
            ),
            "comments": inline_formset([]),
            "huisstijl_primary": "",
            "huisstijl_secondary": "",
            "huisstijl_font": "",
            "huisstijl_logo": "",
        }
    )
    data.update(huisstijl)
    return data


def stylesheet_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    found = STYLESHEET.findall(response.content.decode())
    assert len(found) == 1, url
    return found[0]


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_editor_colour_with_too_little_contrast_is_refused_with_the_ratio(
    org_a, redacteur_a, client
):
    client.force_login(redacteur_a)
    url = reverse("wagtailadmin_pages:edit", args=[org_a.pk])
    revisions = org_a.revisions.count()

    response = client.post(url, edit_data(org_a, huisstijl_primary="#f0a500"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze kleur geeft te weinig contrast: 1,84:1 op de lichtgrijze achtergrond" in html
    assert "WCAG 2.1 AA minstens 4,5:1" in html
    assert org_a.revisions.count() == revisions  # nothing saved

    response = client.post(url, edit_data(org_a, huisstijl_secondary="#808080"))
    assert "Op deze kleur is tekst slecht leesbaar" in response.content.decode()

    response = client.post(url, edit_data(org_a, huisstijl_primary="rood"))
    assert "Geef de kleur als # met zes tekens" in response.content.decode()


def test_editor_sets_huisstijl_and_every_page_of_the_organisation_carries_it(
    org_a, org_b, home_page, redacteur_a, publiceerder_a, client
):
    make_template(home_page)
    derive(org_a).save_revision().publish()
    resource(toolkit_index(org_a), "Hulp bij bedreiging")
    melden_page(org_a)
    logo = get_image_model()(
        title="Logo A", collection=org_a.collection, file=ImageFile(png(), name="logo-a.png")
    )
    logo.save()
    client.force_login(redacteur_a)
    edit = reverse("wagtailadmin_pages:edit", args=[org_a.pk])
    values = {
        "huisstijl_primary": "#8A1538",
        "huisstijl_secondary": "#f6e7ec",
        "huisstijl_font": "fira-sans",
        "huisstijl_logo": str(logo.pk),
    }
    assert client.post(edit, edit_data(org_a, **values)).status_code == 302  # draft saved
    client.force_login(publiceerder_a)
    response = client.post(edit, edit_data(org_a, **values, **{"action-publish": "1"}))
    assert response.status_code == 302
    client.logout()

    org = OrganisationPage.objects.get(pk=org_a.pk)
    assert org.huisstijl_primary == "#8a1538"
    pages = [org, *org.get_descendants().live().public()]
    assert {type(p.specific).__name__ for p in pages} >= {
        "OrganisationPage",
        "ProtocolPage",
        "ToolkitIndexPage",
        "ToolkitResourcePage",
        "MeldenPage",
    }
    sheets = {stylesheet_of(client, page.url) for page in pages}
    assert len(sheets) == 1  # one stylesheet for all of the organisation's pages
    sheet = sheets.pop()
    assert sheet.startswith(f"/huisstijl/{org.pk}.")

    css = client.get(sheet)
    assert css["Content-Type"].startswith("text/css")
    assert "max-age=31536000" in css["Cache-Control"]
    body = css.content.decode()
    assert "--vb-color-primary: #8a1538;" in body
    assert "--utrecht-link-color: #8a1538;" in body
    assert "--vb-color-text-on-secondary: #1a1a1a;" in body
    assert '@font-face { font-family: "Fira Sans"' in body
    assert "/static/vendor/fonts/fira-sans/fira-sans-latin-ext-400-normal.woff2" in body

    home = client.get(org.url).content.decode()
    assert 'class="brand-logo"' in home and "logo-a" in home
    assert "<style" not in home and ' style="' not in home  # CSP: style-src 'self' only

    # The other organisation and the national pages keep their own style.
    other = stylesheet_of(client, org_b.url)
    assert other != sheet
    assert "--vb-color-primary: #8a1538;" not in client.get(other).content.decode()
    national = stylesheet_of(client, "/")
    assert national.startswith("/huisstijl/landelijk.")
    assert (
        f"--vb-color-primary: {NATIONAL_DEFAULTS.primary};" in client.get(national).content.decode()
    )


def test_changed_huisstijl_changes_the_stylesheet_address(org_a, client):
    before = stylesheet_of(client, org_a.url)
    org_a.huisstijl_primary = "#005a9c"
    org_a.save_revision().publish()
    after = stylesheet_of(client, OrganisationPage.objects.get(pk=org_a.pk).url)
    assert after != before
    # An old address still answers (a cached page), briefly cached, with the current style.
    old = client.get(before)
    assert "--vb-color-primary: #005a9c;" in old.content.decode()
    assert "max-age=300" in old["Cache-Control"]


def test_organisation_without_own_values_inherits_the_national_style(org_a, home_page):
    home_page.huisstijl_primary = "#00594f"
    home_page.huisstijl_font = "noto-sans"
    home_page.save_revision().publish()
    style = huisstijl_for(org_a)
    assert (style.primary, style.font_key) == ("#00594f", "noto-sans")
    org_a.huisstijl_font = "open-sans"
    assert huisstijl_for(org_a).font_key == "open-sans"


def test_svg_logo_is_refused(org_a, redacteur_a, client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10"/></svg>'
    logo = get_image_model()(
        title="SVG", collection=org_a.collection, file=ImageFile(io.BytesIO(svg), name="logo.svg")
    )
    logo.width, logo.height = 10, 10
    logo.save()
    client.force_login(redacteur_a)
    url = reverse("wagtailadmin_pages:edit", args=[org_a.pk])
    response = client.post(url, edit_data(org_a, huisstijl_logo=str(logo.pk)))
    assert response.status_code == 200
    assert "Een SVG-logo kan scripts bevatten" in response.content.decode()


def png() -> io.BytesIO:
    out = io.BytesIO()
    PILImage.new("RGB", (120, 60), "#8a1538").save(out, format="PNG")
    out.seek(0)
    return out


def test_national_editor_sets_the_national_style_on_the_home_page(
    home_page, national_editor, client
):
    client.force_login(national_editor)
    url = reverse("wagtailadmin_pages:edit", args=[home_page.pk])
    data = nested_form_data(
        {
            "title": home_page.title,
            "slug": home_page.slug,
            "intro": rich_text(home_page.intro or ""),
            "body": rich_text(home_page.body or ""),
            "comments": inline_formset([]),
            "huisstijl_primary": "#9aa5b1",
            "huisstijl_secondary": "",
            "huisstijl_font": "noto-sans",
            "huisstijl_logo": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Deze kleur geeft te weinig contrast" in response.content.decode()

    data["huisstijl_primary"] = "#3d2b56"
    assert client.post(url, data).status_code == 302
    saved = HomePage.objects.get(pk=home_page.pk).get_latest_revision_as_object()
    assert (saved.huisstijl_primary, saved.huisstijl_font) == ("#3d2b56", "noto-sans")
