"""The workbook's own parts written faster than XlsxWriter writes them, byte for byte the same XML.

A 10,000-unit report holds 25,000 shared strings and a ranking chart of 10,000 points, each point's cached
value written by XlsxWriter through six calls (0.15 s), each shared string through five (0.13 s): here one
formatted text each, escaped only when it holds a character XML or Excel escapes. Its 50 MB of XML are
deflated by ISA-L (isal) instead of zlib.
"""

from __future__ import annotations

import io
import re
import threading
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import xlsxwriter
import xlsxwriter.workbook
from isal import isal_zlib
from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings
from xlsxwriter.utility import _preserve_whitespace

# The workbook's parts deflated by ISA-L (isal) at its level 1, not by zlib at its default 6: a 10,000-unit
# report's 50 MB of XML in 0.055 s of CPU instead of 0.65 s (zlib's level 2, used before: 0.23 s), and its
# .xlsx 8.1 MB (zlib 6: 7.1 MB, zlib 2: 8.7 MB). The same raw deflate stream any zip reader inflates.
# XlsxWriter has no option for it: its ZipFile is swapped, while one book is saved, for one whose writers
# compress with isal (zipfile's `_open_to_write` gives the writer, its `_compressor` deflates).
DEFLATE_LEVEL = 1


class _FastZip(zipfile.ZipFile):
    """A ZipFile whose deflated members are compressed by isal at DEFLATE_LEVEL, and that takes a Part's
    pieces one after another (not joined into one copy first)."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if not isinstance(data, Pieces):
            super().writestr(zinfo_or_arcname, data, *args, **kwargs)
            return
        with self.open(zinfo_or_arcname, "w") as member:
            for piece in data:
                member.write(piece)

    def _open_to_write(self, zinfo: zipfile.ZipInfo, force_zip64: bool = False) -> Any:
        writer = super()._open_to_write(zinfo, force_zip64)  # type: ignore[misc]  # private in typeshed
        if zinfo.compress_type == zipfile.ZIP_DEFLATED:
            writer._compressor = isal_zlib.compressobj(DEFLATE_LEVEL, isal_zlib.DEFLATED, -15)
        return writer


_SAVING = threading.Lock()


@contextmanager
def deflated_fast() -> Iterator[None]:
    """XlsxWriter's zip parts deflated by isal while the block runs (one book at a time), their CRC-32
    summed by isal's (the same sums, 5× faster: zipfile's writer calls its module's crc32)."""
    with _SAVING:
        xlsxwriter.workbook.ZipFile = _FastZip
        zipfile.crc32 = isal_zlib.crc32  # type: ignore[attr-defined]  # zipfile's import of zlib's
        try:
            yield
        finally:
            xlsxwriter.workbook.ZipFile = zipfile.ZipFile
            zipfile.crc32 = zlib.crc32  # type: ignore[attr-defined]


# A text XlsxWriter changes in a data element: XML's &, <, > (and \n, '"' it looks for first, but keeps),
# an escape-like '_x0041_', a control character, U+FFFE/U+FFFF. Any other text is written as it is.
_ESCAPED = re.compile('["&<>\n]|_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f]|\ufffe|\uffff')


# A text that starts or ends with a blank, among texts joined by NUL (none holds one: _ESCAPED finds it)
_BLANK_END = re.compile(r"(?:^|\x00)\s|\s(?:\x00|$)")


class Workbook(xlsxwriter.Workbook):  # type: ignore[misc]  # XlsxWriter has no type stubs for subclassing
    """XlsxWriter's workbook, its shared strings and its charts' cached points written in bulk."""

    def add_chart(self, options: dict[str, Any]) -> Any:
        chart = super().add_chart(options)
        if chart is not None:  # each method XlsxWriter calls on the chart, replaced on this chart only
            chart._write_num_cache = lambda data: _num_cache(chart, data)
            chart._write_str_cache = lambda data: _str_cache(chart, data)
        return chart

    def _get_packager(self) -> Packager:  # XlsxWriter's hook for its packager
        return _Packager()


class Part(io.StringIO):
    """A part's XML as XlsxWriter writes it (text), where a bulk sheet also writes UTF-8 bytes (its rows,
    made by pyarrow): kept as they are, not decoded to be encoded again, and zipped piece by piece."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces = Pieces()

    def write_bytes(self, data: memoryview) -> None:
        self.pieces += [super().getvalue().encode(), data]
        self.seek(0)
        self.truncate()

    def getvalue(self) -> str:
        if not self.pieces:
            return super().getvalue()
        return _Encoded(Pieces([*self.pieces, super().getvalue().encode()]))


class Pieces(list[bytes | memoryview]):
    """A part's UTF-8 bytes in pieces, as _FastZip writes them."""


class _Encoded(str):
    """The part as XlsxWriter's _store_workbook takes it (`getvalue().encode("utf-8")`): its pieces."""

    pieces: Pieces

    def __new__(cls, pieces: Pieces) -> _Encoded:
        found = super().__new__(cls)
        found.pieces = pieces
        return found

    def encode(self, encoding: str = "utf-8", errors: str = "strict") -> Any:
        return self.pieces


class _Packager(Packager):  # type: ignore[misc]
    def _filename(self, xml_filename: str) -> Any:
        """Each part written in memory to a Part (XlsxWriter's own: a StringIO)."""
        if not self.in_memory:
            return super()._filename(xml_filename)
        part = Part()
        self.filenames.append((part, xml_filename, False))
        return part

    def _write_shared_strings_file(self) -> None:
        """sharedStrings.xml as XlsxWriter's SharedStrings writes it, its strings in one text."""
        table = self.workbook.str_table
        if not table.count:
            return
        sst = SharedStrings()
        sst.string_table = table
        sst._write_sst_strings = lambda: sst.fh.write(_shared(sst, table.string_array))
        sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
        sst._assemble_xml_file()


def _shared(sst: Any, strings: list[str]) -> str:
    """The <si> elements of the strings (SharedStrings._write_si's, in one text): when none holds a
    character to escape (one scan of them all), each is written as it is, marked when it starts or ends
    with a blank (str.isspace is the \\s of _preserve_whitespace)."""
    joined = "\t".join(strings)  # a tab is not escaped, nor part of an escape
    if not _ESCAPED.search(joined):
        if not _BLANK_END.search("\x00".join(strings)):  # none to mark: one join
            return "<si><t>" + "</t></si><si><t>".join(strings) + "</t></si>" if strings else ""
        plain, kept = "<si><t>{}</t></si>", '<si><t xml:space="preserve">{}</t></si>'
        return "".join((kept if s[:1].isspace() or s[-1:].isspace() else plain).format(s) for s in strings)
    out = []
    for string in strings:
        if _ESCAPED.search(string):
            string = sst._escape_control_characters(string)
        if string.startswith("<r>") and string.endswith("</r>"):  # a rich string, written as it is
            out.append(f"<si>{string}</si>")
            continue
        space = ' xml:space="preserve"' if _preserve_whitespace(string) else ""
        out.append(f"<si><t{space}>{sst._escape_data(string)}</t></si>")
    return "".join(out)


def _value(chart: Any, token: Any) -> str:
    """A cached point's <c:v> text as XlsxWriter's _xml_data_element writes it."""
    if isinstance(token, str) and _ESCAPED.search(token):
        return str(chart._escape_control_characters(chart._escape_data(token)))
    return f"{token}"


def _num_cache(chart: Any, data: list[Any] | None) -> None:
    """<c:numCache> as XlsxWriter's Chart._write_num_cache writes it: a point per given value, a text
    that is not a number as 0."""
    data = data or []
    points = []
    for i, token in enumerate(data):
        if token is None:
            continue
        try:
            float(token)
        except ValueError:
            token = 0
        points.append(f'<c:pt idx="{i}"><c:v>{_value(chart, token)}</c:v></c:pt>')
    head = f'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{len(data)}"/>'
    chart.fh.write(f"{head}{''.join(points)}</c:numCache>")


def _str_cache(chart: Any, data: list[Any]) -> None:
    """<c:strCache> as XlsxWriter's Chart._write_str_cache writes it."""
    points = "".join(
        f'<c:pt idx="{i}"><c:v>{_value(chart, token)}</c:v></c:pt>'
        for i, token in enumerate(data)
        if token is not None
    )
    chart.fh.write(f'<c:strCache><c:ptCount val="{len(data)}"/>{points}</c:strCache>')
