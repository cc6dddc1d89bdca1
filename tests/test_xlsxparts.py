"""The workbook's parts written in bulk (dti/write/xlsxparts.py): the XML XlsxWriter writes, byte for byte."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import xlsxwriter

from dti.write.xlsxparts import Workbook

# texts XlsxWriter escapes or marks: XML's characters, a quote and a line break (kept), an escape-like
# text, control characters, non-characters, leading or trailing blanks (a no-break space too)
ODD = [
    "Xã Tân Phú",
    "A & B <b> > c",
    'Sở "Y tế"',
    "dòng 1\ndòng 2",
    "_x0041_ và _x00e9_",
    "tab\tbell\x07 nul\x00 esc\x1b",
    "cuối\ufffe \uffff",
    " đầu",
    "cuối ",
    "\xa0Huyện",
    "=SUM(A1)",
    "",
    "12",
]


# texts none of which is escaped: written as they are, marked when a blank (of any kind) starts or ends one
PLAIN = [
    "Xã Tân Phú",
    " đầu",
    "cuối ",
    "\xa0Huyện",
    "Phường\u3000",
    "giữa\tcột",
    "\u2028dòng",
    "tab\t",
    "",
    "x",
]


def _parts(workbook_class: Any, texts: list[str] = ODD) -> dict[str, bytes]:
    buffer = io.BytesIO()
    book = workbook_class(buffer, {"in_memory": True, "strings_to_numbers": False})
    sheet = book.add_worksheet("Dữ liệu")
    for row, text in enumerate(texts):
        sheet.write_string(row, 0, text)
        sheet.write_string(row, 2, text.upper())
        sheet.write_number(row, 1, row / 7 if row % 4 else row * 1e-6)
    sheet.write_string(3, 1, "không phải số")  # a text among a series' numbers: cached as 0
    sheet.write_blank(5, 1, None, book.add_format({"bold": True}))  # an empty formatted cell: 0
    sheet.write_string(20, 1, "")  # past the data, and a row without any cell (None) between
    if texts is ODD:
        bold = book.add_format({"bold": True})
        sheet.write_rich_string(25, 0, "đậm ", bold, "và", " thường")  # a rich shared string
    for kind in ("column", "line", "bar"):
        chart = book.add_chart({"type": kind})
        chart.add_series(
            {
                "name": "='Dữ liệu'!$C$1",
                "categories": "='Dữ liệu'!$A$1:$A$22",
                "values": "='Dữ liệu'!$B$1:$B$22",
            }
        )
        chart.add_series({"categories": "='Dữ liệu'!$B$1:$B$13", "values": "='Dữ liệu'!$B$2:$B$13"})
        chart.set_title({"name": "='Dữ liệu'!$A$2"})
        sheet.insert_chart(f"E{len(texts) * 2}", chart)
    book.close()
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist() if not name.endswith("core.xml")}


def test_shared_strings_and_chart_caches_are_xlsxwriters_byte_for_byte() -> None:
    ours, theirs = _parts(Workbook), _parts(xlsxwriter.Workbook)
    assert ours.keys() == theirs.keys()
    for name in theirs:
        assert ours[name] == theirs[name], name
    strings = theirs["xl/sharedStrings.xml"].decode()
    # the cases are there: escaped, marked, a rich string, a text cached as 0
    assert "A &amp; B &lt;b&gt; &gt; c" in strings and "_x005F_x0041_" in strings and "_x0007_" in strings
    assert '<t xml:space="preserve">cuối </t>' in strings and "<si><r>" in strings
    chart = theirs["xl/charts/chart1.xml"].decode()
    assert '<c:pt idx="3"><c:v>0</c:v></c:pt>' in chart and '<c:ptCount val="22"/>' in chart
    assert '<c:v>Sở "Y tế"</c:v>' in chart and "_xFFFE_" in chart


def test_plain_shared_strings_are_xlsxwriters_byte_for_byte() -> None:
    ours, theirs = _parts(Workbook, PLAIN), _parts(xlsxwriter.Workbook, PLAIN)
    assert ours == theirs
    strings = theirs["xl/sharedStrings.xml"].decode()
    assert '<t xml:space="preserve">\xa0Huyện</t>' in strings and "<t>giữa\tcột</t>" in strings
    # none to mark (the usual table of names): written in one join, the same
    unmarked = [t for t in PLAIN if not t[:1].isspace() and not t[-1:].isspace()]
    assert _parts(Workbook, unmarked) == _parts(xlsxwriter.Workbook, unmarked)
    assert _parts(Workbook, ["x"]) == _parts(xlsxwriter.Workbook, ["x"])


def test_the_bulk_writers_are_the_ones_xlsxwriter_calls(monkeypatch: Any) -> None:
    # The byte-for-byte tests pass with stock XlsxWriter too: if a hook were renamed in XlsxWriter, ours
    # would no longer run and only the speed would go (a reviewer's finding). Each must be called.
    import dti.write.xlsxparts as parts

    called: list[str] = []
    for name in ("_shared", "_num_cache", "_str_cache"):
        real = getattr(parts, name)
        monkeypatch.setattr(parts, name, lambda *a, _n=name, _r=real: called.append(_n) or _r(*a))
    real_bytes = parts.Part.write_bytes
    monkeypatch.setattr(
        parts.Part, "write_bytes", lambda self, data: called.append("rows") or real_bytes(self, data)
    )
    _parts(Workbook)
    assert {"_shared", "_num_cache", "_str_cache"} <= set(called)
    # a report's bulk rows go to the zip as the bytes pyarrow made (XlsxWriter's fh: a StringIO)
    from dti.views import Column, View
    from dti.write.xlsx import views_workbook

    views_workbook([View(None, [Column("dti", "DTI", "value", 4)], [{"dti": k / 7} for k in range(50)])])
    assert "rows" in called
