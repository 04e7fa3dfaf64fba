"""The yearly evaluation's PDF record: tagged PDF/UA-1 in the organisation's huisstijl (font,
logo), with its title, version, page numbers and every character the coordinator typed
(issue 19, item 6)."""

from __future__ import annotations

import io
import subprocess

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from home.models import OrganisationPage
from reporting.models import EvaluationReport
from tests.pdf_helpers import pdf_fonts, pdf_info, pdf_pages_text, pdf_text
from tests.registration_helpers import at, melding

pytestmark = pytest.mark.django_db

CONCLUSIONS = "Schade € 1.200 bij Łukasz; ĳzeren afspraken, ’s avonds extra toezicht."


@pytest.fixture
def styled_org_a(org_a):
    """Organisation A with a huisstijl of its own: Fira Sans and a logo."""
    png = io.BytesIO()
    PILImage.new("RGB", (120, 60), "#8a1538").save(png, format="PNG")
    logo = get_image_model()(
        title="Logo A", collection=org_a.collection, file=ImageFile(png, name="logo-a.png")
    )
    logo.save()
    OrganisationPage.objects.filter(pk=org_a.pk).update(
        huisstijl_primary="#8a1538", huisstijl_font="fira-sans", huisstijl_logo=logo
    )
    return OrganisationPage.objects.get(pk=org_a.pk)


def test_coordinator_downloads_the_evaluation_as_an_accessible_pdf(
    styled_org_a, login, coordinator_a, tmp_path
):
    melding(styled_org_a, at(2025, 3, 1, 10), kinds=["verbaal"])
    client = login(coordinator_a)
    url = reverse("reporting_evaluation")
    response = client.post(f"{url}?jaar=2025", {"conclusions": CONCLUSIONS, "actions": "Training"})
    assert response.status_code == 302
    report = EvaluationReport.objects.get(organisation=styled_org_a, year=2025)

    download = client.get(reverse("reporting_evaluation_pdf", args=[report.pk]))
    assert download.status_code == 200
    pdf = b"".join(download.streaming_content)
    (tmp_path / "evaluatie.pdf").write_bytes(pdf)

    info = pdf_info(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "Jaarevaluatie Gemeente Aadorp 2025"

    fonts = pdf_fonts(pdf)
    assert fonts and all(font["emb"] == "yes" for font in fonts), fonts
    names = [font["name"].split("+")[-1] for font in fonts]
    assert all(name.startswith("Fira-Sans") for name in names), names  # the huisstijl font

    text = pdf_text(pdf)
    assert CONCLUSIONS in text
    for character in ("€", "Ł", "ĳ", "’"):
        assert character in text
    pages = pdf_pages_text(pdf)
    for number, page in enumerate(pages, start=1):
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        assert lines[0] == "Jaarevaluatie Gemeente Aadorp 2025"
        assert lines[-1].endswith(f"Pagina {number} van {len(pages)}"), lines[-1]
        assert lines[-1].startswith("Versie 1, ")
    assert "1 meldingen, waarvan 0 afgehandeld en 1 open." in text

    pdf_path = tmp_path / "evaluatie.pdf"
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf_path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert images, "the huisstijl logo is not in the PDF"
