"""The report as a Word draft in the administrative layout of Decree 30/2020/NĐ-CP, and as PDF.

A4, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman 14 pt (tables 12 pt); the
header block as a borderless two-column table; the page number centred in the top margin from the second
page on (a PAGE field); appendix tables with their header row repeated on each page; charts as PNG
images at 200 dpi drawn by dti/write/png.py. The PDF is the Word draft converted by LibreOffice headless
(`soffice`), with a profile of its own in a temporary folder, so what the committee reads on paper is
the draft the team edits.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from docx import Document as NewDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from dti.views.base import Column, View
from dti.views.cells import cell
from dti.views.report_word import Appendix, WordReport, roman
from dti.words import note
from dti.write.files import OutputError
from dti.write.png import png

FONT = "Times New Roman"
BODY = 14  # pt
TABLE = 12
WIDTH = Mm(210 - 30 - 15)  # the text width between the margins
DPI = 200
# a table's column widths in mm per character of Times New Roman 12 pt (bold capitals wider), and the
# cell's margins; a column under SHORT mm keeps its texts on one line
CHAR, HEAD_CHAR, PAD, SHORT = 2.2, 2.6, 3.8, 30.0
WIDE = frozenset("▲▼→")  # symbols about twice a letter's width
PDF_TIMEOUT = 300  # seconds for LibreOffice to convert a draft


def docx(report: WordReport) -> bytes:
    """The Word draft (.docx) as bytes."""
    document: Any = NewDocument()
    _page(document)
    _styles(document)
    _header(document, report)
    for number, part in enumerate(report.parts, 1):
        title = _paragraph(document, f"{roman(number)}. {part.title}", bold=True, before=6)
        title.paragraph_format.keep_with_next = True
        for k, sentence in enumerate(part.sentences):
            if isinstance(sentence, View):
                title = _paragraph(document, sentence.title or "", bold=True, size=TABLE, before=6)
                title.paragraph_format.keep_with_next = True
                _table(document, sentence, report)
                continue
            said = _paragraph(document, sentence, indent=True)
            if isinstance(part.sentences[k + 1] if k + 1 < len(part.sentences) else None, View):
                said.paragraph_format.keep_with_next = True  # it says what the table holds: on its page
        for lead, lines in part.bullets:
            _paragraph(document, lead, indent=True, italic=True)
            for line in lines:
                _paragraph(document, f"- {line}", indent=True)
        _paragraph(document, part.narrative, indent=True, italic=True, grey=True)
    if report.notes:
        _paragraph(document, report.notes_title, bold=True, before=6, size=12)
        for text in report.notes:
            _paragraph(document, f"- {text}", size=12)
    _ending(document, report)
    for appendix in report.appendices:
        _appendix(document, appendix, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- the page -----------------------------------------------------------------------------------------


def _page(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True  # no number on the first page
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(number, "PAGE")


def _field(paragraph: Any, code: str) -> None:
    """A field Word and LibreOffice fill in (PAGE: the page number)."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)
    _font(run, TABLE)


def _styles(document: Any) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    spacing = normal.paragraph_format
    spacing.space_before, spacing.space_after, spacing.line_spacing = Pt(0), Pt(6), 1.1


def _font(run: Any, size: float = BODY) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _paragraph(
    where: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    grey: bool = False,
    size: float = BODY,
    indent: bool = False,
    align: Any = None,
    before: float = 0,
    after: float | None = None,
) -> Any:
    paragraph = where.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if grey:
        run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    _font(run, size)
    fmt = paragraph.paragraph_format
    if indent:
        fmt.first_line_indent = Mm(10)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if align is not None:
        paragraph.alignment = align
    fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    return paragraph


def _header(document: Any, report: WordReport) -> None:
    """Issuing body over the unit's name at left, the national motto at right; number and date below;
    then the title and its subject line."""
    head = report.header
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # the issuing body's name and the nation's each on one line: 5 mm into each margin, as offices do
    widths = (Mm(72), WIDTH + Mm(10) - Mm(72))
    center = WD_ALIGN_PARAGRAPH.CENTER
    cells = [[table.cell(r, c) for c in range(2)] for r in range(2)]
    for i, width in enumerate(widths):
        table.columns[i].width = width
        for box in table.columns[i].cells:
            box.width = width
    left, right = cells[0]
    _cell_text(
        left, [(head.issuer, False, False, 12), (head.unit or "", True, False, 13), ("———", False, False, 13)]
    )
    motto = [(head.nation, True, False, 12.0), (head.motto, True, False, 14), ("———————", False, False, 13)]
    _cell_text(right, motto)
    _cell_text(cells[1][0], [(head.number, False, False, 13)])
    _cell_text(cells[1][1], [(head.place_date, False, True, 14)])
    for row in cells:
        for column in row:
            for paragraph in column.paragraphs:
                paragraph.alignment = center
    _paragraph(document, head.title, bold=True, align=center, before=18, after=0)
    _paragraph(document, head.subject, bold=True, align=center, after=12)
    _paragraph(document, report.intro, indent=True)


def _cell_text(where: Any, lines: list[tuple[str, bool, bool, float]]) -> None:
    first = where.paragraphs[0]
    for i, (text, bold, italic, size) in enumerate(lines):
        paragraph = first if i == 0 else where.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        _font(run, size)


def _ending(document: Any, report: WordReport) -> None:
    """'Nơi nhận:' with its lines at left, the signature block at right, left blank to sign."""
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.width, right.width = Mm(80), WIDTH - Mm(80)
    _cell_text(
        left, [(report.recipients_title, True, True, 12), *((r, False, False, 11) for r in report.recipients)]
    )
    signer = report.signer
    _cell_text(right, [(signer[0], True, False, 13), *((line, False, True, 13) for line in signer[1:])])
    for paragraph in right.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # the block on one page: its row never split by a page break (the signer's name was left alone on one)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


# --- the appendices -----------------------------------------------------------------------------------


def _appendix(document: Any, appendix: Appendix, report: WordReport) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    breaker = document.add_paragraph()
    breaker.add_run().add_break(WD_BREAK.PAGE)
    for i, line in enumerate(appendix.title.split("\n")):
        _paragraph(document, line, bold=True, align=center, after=0 if i == 0 else 0)
    _paragraph(document, appendix.caption, italic=True, align=center, after=12)
    for view in appendix.tables:
        if view.title:  # kept with its table's first row
            _paragraph(
                document, view.title, bold=True, size=TABLE, before=6
            ).paragraph_format.keep_with_next = True
        _table(document, view, report)
        for line in view.notes:
            _paragraph(document, line, italic=True, size=TABLE, before=3)
    for chart in appendix.charts:  # a title kept on its picture's page
        _paragraph(
            document, chart.title, bold=True, size=TABLE, before=6
        ).paragraph_format.keep_with_next = True
        picture = document.add_paragraph()
        picture.alignment = center
        picture.add_run().add_picture(io.BytesIO(png(chart, report.decimal, DPI)), width=WIDTH)


def _table(document: Any, view: View, report: WordReport) -> None:
    """A table with its header row repeated on each page; rows the view marks strong in bold."""
    columns = view.columns
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # the widths below as they are (an office suite's autofit squeezes STT)
    head = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    head._tr.get_or_add_trPr().append(repeat)
    for column, box in zip(columns, head.cells, strict=True):
        _cell_text(box, [(_label(column), True, False, TABLE)])
        box.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    # a missing value as the HTML report writes it ('—'): a blank cell reads as one left to fill
    texts = [[cell(c, r.get(c.key), report.decimal) for c in columns] for r in view.rows]
    widths = _widths(columns, texts)
    for row, row_texts in zip(view.rows, texts, strict=True):
        strong = bool(view.strong and row.get(view.strong))
        boxes = table.add_row().cells
        for column, box, text in zip(columns, boxes, row_texts, strict=True):
            _cell_text(box, [(text, strong, False, TABLE)])
            if column.align == "right":
                box.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for i, width in enumerate(widths):
        table.columns[i].width = width
        for box in table.columns[i].cells:
            box.width = width


def _label(column: Column) -> str:
    """A header as offices write it: its first letter capital ('Đơn vị', 'Hạng 2023'; 'p05' stays)."""
    label = column.label
    return label if label[1:2].isdigit() else label[:1].upper() + label[1:]


def _span(text: str) -> float:
    """A text's width in letters (a wide symbol counts two, a capital a third more)."""
    return len(text) + sum(c in WIDE for c in text) + 0.35 * sum(c.isupper() for c in text)


def _widths(columns: list[Column], texts: list[list[str]]) -> list[int]:
    """Column widths (EMU) from their content: a column of short texts (a number, a rank, STT) as wide as
    its longest text and its header's longest word, so neither breaks inside a word; the room left to the
    columns of long texts (a name wraps between words), in proportion to their longest text."""
    sample = texts[:500]
    natural, least = [], []
    for i, column in enumerate(columns):
        cells = [row[i] for row in sample]
        words = [_span(w) for t in cells for w in t.split()] + [1.0]
        head = max(_span(w) for w in _label(column).split() or [""]) * HEAD_CHAR
        natural.append(max([head, *(min(_span(t), 60) * CHAR for t in cells)]) + PAD)
        least.append(max(head, max(words) * CHAR) + PAD)
    room = WIDTH / Mm(1)
    if sum(natural) <= room:  # everything on one line: the spare room shared in proportion
        out = [n * room / sum(natural) for n in natural]
    else:  # the short columns as they are, the long ones share what is left (at least their longest word)
        short = [n <= SHORT for n in natural]
        left = room - sum(n for n, s in zip(natural, short, strict=True) if s)
        wide = sum(n for n, s in zip(natural, short, strict=True) if not s)
        out = [n if s else max(m, n * left / wide) for n, m, s in zip(natural, least, short, strict=True)]
        if sum(out) > room:  # still too wide: every column in proportion (a long word may break)
            out = [w * room / sum(out) for w in out]
    return [int(Mm(w)) for w in out]


# --- PDF ----------------------------------------------------------------------------------------------


def pdf(report: WordReport, path: Path) -> bytes:
    """The Word draft converted to PDF by LibreOffice headless; OutputError naming what to install when
    soffice is missing, or why the conversion failed. `path` is the PDF asked for (for the messages)."""
    docx_name = str(path.with_suffix(".docx"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise OutputError(note("report_word.no-soffice", path=str(path), docx=docx_name))
    with tempfile.TemporaryDirectory(prefix="dti-pdf-") as folder:
        work = Path(folder)
        source = work / "report.docx"
        source.write_bytes(docx(report))
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=PDF_TIMEOUT, check=False, env=_env(work)
            )
        except subprocess.TimeoutExpired:
            why = f"timeout {PDF_TIMEOUT} s"
            raise OutputError(
                note("report_word.pdf-failed", path=str(path), why=why, docx=docx_name)
            ) from None
        target = work / "report.pdf"
        if done.returncode != 0 or not target.exists():
            said = (done.stderr or done.stdout).strip().splitlines()
            why = said[-1] if said else f"exit {done.returncode}"
            raise OutputError(note("report_word.pdf-failed", path=str(path), why=why, docx=docx_name))
        return target.read_bytes()


def _env(work: Path) -> dict[str, str]:
    """LibreOffice's environment: its own home, so nothing of the user's profile is read or written."""
    return {**os.environ, "HOME": str(work)}
