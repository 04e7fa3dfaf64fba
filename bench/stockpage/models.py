from django.db import models
from wagtail.fields import RichTextField
from wagtail.models import Page


class StockPage(Page):
    """As in Wagtail's own tutorial: an intro and a rich text body."""

    intro = models.CharField(max_length=250, blank=True)
    body = RichTextField(blank=True)
