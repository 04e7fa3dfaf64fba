"""Logging: one line per event, as text or JSON lines (settings LOG_FORMAT), each with the id of
the request it belongs to and never personal data.

- RequestIdMiddleware takes the load balancer's X-Request-ID when it is a plain token (else makes
  one), keeps it for the request's log records and returns it in the response header, so a
  user's "foutcode" leads to the log lines.
- RedactFilter replaces e-mail addresses and phone numbers in every message: our own messages
  name records by id only, but exception texts from libraries (a database constraint, a mail
  server's refusal) can quote a value.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid

REQUEST_ID_HEADER = "X-Request-ID"
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_ACCEPTED_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch and international numbers (06-12345678, 020 123 4567, 0800 2800 200, +31 6 1234 5678),
# not dates or melding references (01-12-2026, 2026-11-28, VB-2026-000123).
_PHONE = re.compile(
    r"(?<![\w-])(?:(?:\+|00)\d{1,3}[ ()-]*\d(?:[ ()-]?\d){7,11}|0\d(?:[ ()-]?\d){8,9})(?![\w])"
)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        value = offered if _ACCEPTED_ID.fullmatch(offered) else uuid.uuid4().hex
        request.request_id = value
        token = _request_id.set(value)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[REQUEST_ID_HEADER] = value
        return response


class RequestIdFilter(logging.Filter):
    """Adds request_id. Django logs a request's 404/500 after the middleware has returned, with
    the request attached to the record: its id is taken from there. The request itself is
    dropped from the record: its text shows the query string, which may hold what someone
    typed."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = record.__dict__.pop("request", None)
        record.request_id = getattr(request, "request_id", None) or _request_id.get()
        return True


def redact(text: str) -> str:
    return _PHONE.sub("[telefoonnummer]", _EMAIL.sub("[e-mailadres]", text))


class RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            # The formatted traceback ends with the exception's text: keep the trace, drop values.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


def logging_config(fmt: str = "text", level: str = "INFO") -> dict:
    """LOGGING for settings: fmt "json" writes JSON lines, "text" one readable line."""
    formatters = {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601 in UTC
        },
    }
    if fmt not in formatters:
        raise ValueError(f"LOG_FORMAT must be one of {sorted(formatters)}, not {fmt!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": RequestIdFilter},
            "redact": {"()": RedactFilter},
        },
        "formatters": {fmt: formatters[fmt]},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": fmt,
                "filters": ["request_id", "redact"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # WeasyPrint logs each rendering step and every CSS rule it does not lay out (also
            # while importing its own stylesheets); only its errors are worth a line.
            "weasyprint": {"level": "ERROR"},
            "fontTools": {"level": "WARNING"},
        },
    }
