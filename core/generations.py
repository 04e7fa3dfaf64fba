"""Generation numbers in the database: a number every web process reads to know whether what it
keeps in its own memory is still current (home.caching without a shared cache). A change that
makes kept data stale raises the number in its own transaction, so every process sees the new
number exactly when it sees the change."""

from __future__ import annotations

import time

from django.db import models
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _


class CacheGeneration(models.Model):
    name = models.CharField(max_length=50, primary_key=True)
    value = models.BigIntegerField()

    class Meta:
        verbose_name = _("cachegeneratie")

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"

    @classmethod
    def current(cls, name: str) -> int:
        """The number (one query); created on first use."""
        found = next(iter(cls.objects.filter(name=name).values_list("value", flat=True)), None)
        if found is None:
            cls.objects.bulk_create([cls(name=name, value=time.time_ns())], ignore_conflicts=True)
            found = cls.objects.filter(name=name).values_list("value", flat=True).get()
        return found

    @classmethod
    def bump(cls, name: str) -> None:
        """A new number, never one used before (also after a restore of an older backup: time
        only goes forward)."""
        now = time.time_ns()
        if not cls.objects.filter(name=name).update(value=Greatest(models.F("value") + 1, now)):
            cls.objects.bulk_create([cls(name=name, value=now)], ignore_conflicts=True)
