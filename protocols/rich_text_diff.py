"""Rich text in comparisons (the template comparison and the page history): compared paragraph
by paragraph, so a diff keeps the text's paragraphs, list items and line breaks. Wagtail's own
comparison joins them into one run of text. No protocols imports: protocols.blocks uses it.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.admin.compare import RichTextBlockComparison, diff_text

_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
_BLANK_LINES = re.compile(r"\n{3,}")


def paragraphs_text(html: str) -> str:
    """The text of rich text with its paragraphs, list items and line breaks kept as newlines
    (Wagtail's own comparison joins them into one run of text)."""
    soup = BeautifulSoup(str(html or ""), "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for element in soup.find_all(_BLOCK_TAGS):
        if element.name == "li":
            element.insert(0, "• ")
        element.append("\n\n" if element.name != "li" else "\n")
    return _BLANK_LINES.sub("\n\n", soup.get_text()).strip()


def _pre_line(html: str) -> SafeString:
    return format_html(
        '<div class="protocol-diff-text" style="white-space: pre-line">{}</div>', html
    )


class ParagraphRichTextComparison(RichTextBlockComparison):
    """Rich text compared paragraph by paragraph: the diff keeps the text's paragraphs."""

    def htmlvalue(self, val) -> SafeString:
        return _pre_line(paragraphs_text(self._html(val)))

    def htmldiff(self) -> SafeString:
        text_a = paragraphs_text(self._html(self.val_a))
        text_b = paragraphs_text(self._html(self.val_b))
        return _pre_line(diff_text(text_a, text_b).to_html())

    def _html(self, val) -> str:
        return "" if val is None else self.block.render_basic(val)
