"""Write a text PDF with reportlab from a plain-text document, the way an office exports one.

A4 pages in the STSong-Light CID font: the first line is the centred title; every other
non-empty line is a paragraph whose first line is indented by two characters and whose
text wraps at the right margin (so a sentence, a number or a unit may be split across
lines); blank lines add space; each page carries a ``- n -`` page number at the bottom.
"""

from __future__ import annotations

from pathlib import Path

_FONT, _SIZE, _LEADING = "STSong-Light", 12, 20
_WIDTH, _HEIGHT = 595.27, 841.89  # A4 in points
_LEFT, _RIGHT, _TOP, _BOTTOM = 72, 72, 780, 90


def _wrap(text: str, first_indent: float, width: float, measure) -> list[tuple[float, str]]:
    """(x offset, text) for each printed line of one paragraph."""
    lines, current, indent = [], "", first_indent
    for char in text:
        if current and measure(current + char) > width - indent:
            lines.append((indent, current))
            current, indent = "", 0.0
        current += char
    lines.append((indent, current))
    return lines


def write_pdf(source: Path, target: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))

    def measure(text: str) -> float:
        return pdfmetrics.stringWidth(text, _FONT, _SIZE)

    pdf = canvas.Canvas(str(target), pagesize=(_WIDTH, _HEIGHT))
    page, y = 1, _TOP
    width = _WIDTH - _LEFT - _RIGHT

    def new_page() -> None:
        nonlocal page, y
        pdf.setFont(_FONT, 10)
        pdf.drawCentredString(_WIDTH / 2, 50, f"- {page} -")
        pdf.showPage()
        page, y = page + 1, _TOP

    lines = source.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        text = line.strip()
        if not text:
            y -= _LEADING // 2
            continue
        if number == 0:
            pdf.setFont(_FONT, 16)
            pdf.drawCentredString(_WIDTH / 2, y, text)
            y -= _LEADING * 2
            continue
        for indent, part in _wrap(text, 2 * _SIZE, width, measure):
            if y < _BOTTOM:
                new_page()
            pdf.setFont(_FONT, _SIZE)
            pdf.drawString(_LEFT + indent, y, part)
            y -= _LEADING
    new_page()
    pdf.save()
    return target
