"""Builders of the hostile corpus's .xls, .ods and .docx cases (round 3, #27): a compound (OLE) file and
BIFF8 records written by hand, so each case is exactly the bytes it claims to be, with no office suite."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

FREE, END_OF_CHAIN, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
ROWS: list[list[str | float]] = [["unit", "indicator", "value"], ["01", "NTS.02", 0.5], ["48", "NTS.02", 0.4]]


def record(kind: int, body: bytes, length: int | None = None) -> bytes:
    """A BIFF record; `length` other than the body's is the lie a hostile file tells."""
    return struct.pack("<HH", kind, len(body) if length is None else length) + body


def _bof(kind: int) -> bytes:
    return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x06))


def label(row: int, column: int, text: str) -> bytes:
    return record(0x0204, struct.pack("<HHHHB", row, column, 0, len(text), 1) + text.encode("utf-16-le"))


def number(row: int, column: int, value: float) -> bytes:
    return record(0x0203, struct.pack("<HHHd", row, column, 0, value))


EOF_RECORD = record(0x000A, b"")


def biff(
    rows: list[list[str | float]] = ROWS,
    dimensions: tuple[int, int] | None = None,
    globals_extra: bytes = b"",
    cells_extra: bytes = b"",
) -> bytes:
    """A BIFF8 Workbook stream of one sheet: the globals (BOF, BOUNDSHEET, EOF), then the sheet's
    BOF, DIMENSIONS (as given: a file's declared size is a claim), its cells and EOF."""
    height, width = dimensions or (len(rows), max(len(r) for r in rows))
    records = [_bof(0x10), record(0x0200, struct.pack("<IIHHH", 0, height, 0, width, 0))]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            records.append(label(r, c, value) if isinstance(value, str) else number(r, c, value))
    sheet = b"".join([*records, cells_extra, EOF_RECORD])
    name = "Sheet1".encode("utf-16-le")

    def book(offset: int) -> bytes:
        bound = record(0x0085, struct.pack("<IBBBB", offset, 0, 0, 6, 1) + name)
        return _bof(0x05) + globals_extra + bound + EOF_RECORD

    return book(len(book(0))) + sheet


def _entry(name: str, kind: int, start: int, size: int, child: int = FREE, right: int = FREE) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    head = raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, FREE, right, child)
    return (head + b"\0" * 36 + struct.pack("<II", start, size)).ljust(128, b"\0")


def ole(streams: dict[str, bytes]) -> bytes:
    """A compound file (512-byte sectors; up to 109 FAT sectors, ~6.8 MB, listed in the header), each
    stream padded to 4,096 bytes so none lives in a mini stream."""
    parts, entries, sector = [], [], 0
    for name, body in streams.items():
        body = body.ljust(4096, b"\0")
        body += b"\0" * (-len(body) % 512)
        entries.append((name, sector, len(body)))
        parts.append(body)
        sector += len(body) // 512
    data = b"".join(parts)
    directory = sector
    fat_count = (directory + 1 + 127) // 128
    while (directory + 1 + fat_count + 127) // 128 > fat_count:
        fat_count += 1
    assert fat_count <= 109, "too big for a header-only FAT"
    fat: list[int] = []
    for _, start, size in entries:
        fat += [start + i + 1 for i in range(size // 512 - 1)] + [END_OF_CHAIN]
    fat += [END_OF_CHAIN] + [FAT_SECTOR] * fat_count
    fat += [FREE] * (128 * fat_count - len(fat))
    entries_bytes = _entry("Root Entry", 5, END_OF_CHAIN, 0, child=1)
    for i, (name, start, size) in enumerate(entries):
        entries_bytes += _entry(name, 2, start, size, right=i + 2 if i + 1 < len(entries) else FREE)
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header += b"\0" * 6
    header += struct.pack("<9I", 0, fat_count, directory, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
    difat = [directory + 1 + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header += struct.pack("<109I", *difat)
    return header + data + entries_bytes.ljust(512, b"\0") + struct.pack(f"<{128 * fat_count}I", *fat)


def big_xls(directory: Path, rows: int = 24_000, columns: int = 14) -> None:
    """The largest .xls this builder makes (~6.5 MB): 24,000 units × 12 components as numbers."""
    codes = ["NTS.02", "NTS.05", "TCS.01", "HTS.01", "HTS.02", "HTS.03"] * 2
    table: list[list[str | float]] = [["unit", "year", *codes[: columns - 2]]]
    table += [
        [f"{i:05d}", 2024.0, *[(i * 7 + j) % 100 / 100 for j in range(columns - 2)]] for i in range(rows)
    ]
    (directory / "2024.xls").write_bytes(ole({"Workbook": biff(table)}))


def xls(name: str, workbook: bytes) -> Callable[[Path], None]:
    def build(directory: Path) -> None:
        (directory / name).write_bytes(ole({"Workbook": workbook}))

    return build


def encrypted_xlsx(directory: Path) -> None:
    """What Excel saves for an .xlsx with a password: an OLE file holding the encrypted package."""
    streams = {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": b"\x10" * 64}
    (directory / "2024.xlsx").write_bytes(ole(streams))


# --- OpenDocument ----------------------------------------------------------------------------------

ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods_cell(value: str | float) -> str:
    if isinstance(value, str):
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    number = f'office:value-type="float" office:value="{value}"'
    return f"<table:table-cell {number}><text:p>{value}</text:p></table:table-cell>"


def ods_content(rows: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS}><office:body>'
        f'<office:spreadsheet><table:table table:name="Sheet1">{rows}</table:table></office:spreadsheet>'
        "</office:body></office:document-content>"
    ).encode()


def ods_rows(rows: list[list[str | float]] = ROWS, repeat_last: int = 1, trailing: bool = False) -> str:
    """The rows as table rows; the last repeated; LibreOffice's trailing repeats of empty cells and rows."""
    out = []
    tail = '<table:table-cell table:number-columns-repeated="16381"/>' if trailing else ""
    for i, row in enumerate(rows):
        repeat = (
            f' table:number-rows-repeated="{repeat_last}"' if i == len(rows) - 1 and repeat_last > 1 else ""
        )
        out.append(f"<table:table-row{repeat}>{''.join(ods_cell(v) for v in row)}{tail}</table:table-row>")
    if trailing:
        out.append(
            '<table:table-row table:number-rows-repeated="1048573">'
            '<table:table-cell table:number-columns-repeated="1048576"/></table:table-row>'
        )
    return "".join(out)


def ods_parts(content: bytes) -> dict[str, bytes]:
    return {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": content}


def ods_zip_bomb(directory: Path) -> None:
    """A small .ods whose content.xml unpacks to 300 MB (over the 100 MiB cap), its sizes true."""
    path = directory / "2024.ods"
    head, tail = ods_content(ods_rows()).split(b"</table:table>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", ods_parts(b"")["mimetype"])
        info = zipfile.ZipInfo("content.xml", date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(head)
            for _ in range(300):
                member.write(b" " * (1 << 20))
            member.write(b"</table:table>" + tail)


# --- Word ------------------------------------------------------------------------------------------

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def docx_parts(document: str) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Override PartName="/word/document.xml" ContentType="{WORD_MAIN}"/></Types>'
        ).encode(),
        "word/document.xml": document.encode(),
    }


def docx_billion_laughs() -> str:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    cells = "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in ("unit", "&a9;"))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [{entities}]>'
        f"<w:document {w}><w:body><w:tbl><w:tr>{cells}</w:tr></w:tbl></w:body></w:document>"
    )
