"""Which partner kinds a reporter can consent to share with (Melding.consent_kinds holds their
codes). Partner kinds live in partners, above meldingen; that app registers the provider at
start-up (partners.apps), so the intake form and API offer the kinds without importing it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.choices import BaseChoiceIterator

Provider = Callable[[], Iterable[tuple[str, str]]]
_providers: list[Provider] = []


def register(provider: Provider) -> None:
    """provider() returns (code, name) of every external partner kind, in display order."""
    if provider not in _providers:
        _providers.append(provider)


def choices() -> list[tuple[str, str]]:
    return [choice for provider in _providers for choice in provider()]


class LazyChoices(BaseChoiceIterator):
    """choices(), read when a form first looks at them (most steps never do), then kept for
    that form."""

    def __init__(self):
        self._choices: list[tuple[str, str]] | None = None

    def __iter__(self):
        if self._choices is None:
            self._choices = choices()
        return iter(self._choices)

    def __len__(self) -> int:
        return len(list(iter(self)))


def codes() -> list[str]:
    return [code for code, _name in choices()]
