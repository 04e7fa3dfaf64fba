"""Demo huisstijl: each demo organisation gets its own colours, font and a generated raster
logo (Pillow), so the three look visibly different. Idempotent: an organisation whose editors
already set a primary colour is left alone."""

from __future__ import annotations

import io
import math

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from .models import OrganisationPage

# slug -> (primary, secondary, font, logo shape)
DEMO_STYLES = {
    "voorbeeldstad": ("#8a1538", "#f6e7ec", "fira-sans", "shield"),
    "voorbeeldland": ("#00594f", "#1f3b36", "noto-sans", "sun"),
    "voorbeeldwaarden": ("#005a9c", "#e0f0fa", "open-sans", "waves"),
}

SIZE = (240, 240)


def _logo_png(shape: str, primary: str, secondary: str) -> bytes:
    """A simple emblem without text (the organisation's name stands next to it)."""
    image = PILImage.new("RGBA", SIZE, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    w, h = SIZE
    if shape == "shield":
        outline = [(20, 20), (w - 20, 20), (w - 20, 120), (w // 2, h - 12), (20, 120)]
        draw.polygon(outline, fill=primary)
        draw.polygon(
            [(48, 48), (w - 48, 48), (w - 48, 118), (w // 2, h - 52), (48, 118)], fill=secondary
        )
        draw.rectangle([(w // 2 - 14, 60), (w // 2 + 14, 170)], fill=primary)
        draw.rectangle([(70, 96), (w - 70, 124)], fill=primary)
    elif shape == "sun":
        draw.ellipse([(10, 10), (w - 10, h - 10)], fill=primary)
        cx, cy = w // 2, h // 2
        for i in range(12):
            angle = i * math.pi / 6
            x, y = cx + 92 * math.cos(angle), cy + 92 * math.sin(angle)
            draw.line([(cx, cy), (x, y)], fill="#ffffff", width=8)
        draw.ellipse([(cx - 46, cy - 46), (cx + 46, cy + 46)], fill="#f2c200")
    else:  # waves
        draw.rounded_rectangle([(10, 10), (w - 10, h - 10)], radius=36, fill=primary)
        for row in range(3):
            y0 = 70 + row * 45
            points = [(x, y0 + 14 * math.sin(x / 18)) for x in range(30, w - 29, 4)]
            draw.line(points, fill=secondary, width=12)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def apply(org: OrganisationPage, slug: str) -> bool:
    """Give org its demo huisstijl unless it has one; True when it changed (unpublished)."""
    style = DEMO_STYLES.get(slug)
    if style is None or org.huisstijl_primary:
        return False
    primary, secondary, font, shape = style
    image = get_image_model()(
        title=f"Logo {org.title}",
        collection=org.collection,
        file=ImageFile(io.BytesIO(_logo_png(shape, primary, secondary)), name=f"logo-{slug}.png"),
    )
    image.save()
    org.huisstijl_primary, org.huisstijl_secondary, org.huisstijl_font = primary, secondary, font
    org.huisstijl_logo = image
    return True
