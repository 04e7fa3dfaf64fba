"""CSV and XLSX exports of the filtered listing. Personal fields only when the caller has
established that the user is entitled to them and asked for the purpose; such a file carries a
watermark line above the header and its own file name. The caller records the export in the
audit trail (core.audit)."""

from __future__ import annotations

import csv
import io
import unicodedata

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from meldingen.models import Melding, MeldingPersonalData
from meldingen.services import PERSONAL_FIELDS

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _columns(personal: bool) -> list[tuple[str, str]]:
    columns = [
        ("reference", _("Kenmerk")),
        ("organisation", _("Organisatie")),
        ("status", _("Status")),
        ("occurred_at", _("Tijdstip incident")),
        ("created_at", _("Ontvangen op")),
        ("kinds", _("Soorten gedrag")),
        ("severity", _("Ernst")),
        ("urgent", _("Spoed")),
        ("channel", _("Kanaal")),
        ("place", _("Plaats")),
        ("reporter_role", _("Rol melder")),
    ]
    if personal:
        columns += [
            (
                f"personal.{name}",
                str(capfirst(MeldingPersonalData._meta.get_field(name).verbose_name)),
            )
            for name in PERSONAL_FIELDS
        ]
    return columns


def _value(melding: Melding, key: str) -> str:
    if key.startswith("personal."):
        personal = getattr(melding, "personal", None)
        return getattr(personal, key.split(".", 1)[1], "") if personal else ""
    if key == "organisation":
        return melding.organisation.title
    if key == "kinds":
        return ", ".join(b.get_kind_display() for b in melding.behaviours.all())
    if key in ("occurred_at", "created_at"):
        return timezone.localtime(getattr(melding, key)).strftime("%Y-%m-%d %H:%M")
    if key == "urgent":
        return _("ja") if melding.urgent else _("nee")
    display = getattr(melding, f"get_{key}_display", None)
    return display() if display else str(getattr(melding, key))


def rows(meldingen: QuerySet[Melding], personal: bool) -> tuple[list[str], list[list[str]]]:
    """Header and rows; a fixed number of queries."""
    columns = _columns(personal)
    queryset = meldingen.select_related("organisation").prefetch_related("behaviours")
    if personal:
        queryset = queryset.select_related("personal")
    body = [[_value(m, key) for key, _label in columns] for m in queryset.order_by("occurred_at")]
    return [label for _key, label in columns], body


FORMULA_START = set("=+-@\t\r") | {"\u2212"}  # U+2212 minus sign


def _safe(value: str) -> str:
    """Spreadsheet formula injection: a cell may not start with a formula character, also not in
    a full-width or small form (＝ ＋ － ＠ ﹦ ...: NFKC folds them) or after spaces."""
    first = unicodedata.normalize("NFKC", value.lstrip(" ")[:1])
    return f"'{value}" if first[:1] and first[0] in FORMULA_START else value


def watermark(user, purpose: str, moment=None) -> str:
    """The line above the header of a file with personal data: who, when and what for."""
    moment = timezone.localtime(moment)
    return _(
        "Vertrouwelijk: persoonsgegevens. Geëxporteerd door %(name)s op %(date)s om %(time)s "
        "voor: %(purpose)s."
    ) % {
        "name": user.get_full_name() or user.get_username(),
        "date": date_format(moment, "j F Y"),
        "time": date_format(moment, "H:i"),
        "purpose": purpose,
    }


def filename(fmt: str, *, personal: bool, organisation=None, moment=None) -> str:
    """meldingen-<stamp>.<fmt>; with personal data meldingen-persoonsgegevens-<organisation>-
    <stamp>.<fmt> (the organisation when the file holds one), so the two never mix up."""
    stamp = timezone.localtime(moment).strftime("%Y%m%d-%H%M")
    if not personal:
        return f"meldingen-{stamp}.{fmt}"
    parts = ["meldingen-persoonsgegevens", organisation.slug if organisation else ""]
    return "-".join(p for p in [*parts, stamp] if p) + f".{fmt}"


def _print_header(mark: str) -> str:
    """mark as a page header: "&" starts a control code there, and Excel takes 255 characters."""
    text = mark.replace("&", "&&")[:255]
    return text[:-1] if (len(text) - len(text.rstrip("&"))) % 2 else text


def render(fmt: str, header: list[str], body: list[list[str]], mark: str = "") -> bytes:
    """The file; mark (see watermark()) becomes its first line, the header directly below."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        if mark:
            writer.writerow([_safe(mark)])
        writer.writerow(header)
        writer.writerows([[_safe(v) for v in row] for row in body])
        return ("\ufeff" + out.getvalue()).encode()  # BOM: Excel opens it as UTF-8
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Meldingen")
    if mark:
        sheet.append([_safe(mark)])
        sheet["A1"].font = Font(bold=True, color="B00020")
        sheet.oddHeader.center.text = _print_header(mark)  # also on every printed page
    sheet.append(header)
    for row in body:
        sheet.append([_safe(v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
