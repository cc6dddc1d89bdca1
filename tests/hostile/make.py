"""The hostile corpus (#13): files other people could send dti, each with what dti must do with it.

`python tests/hostile/make.py` writes the small inputs to tests/hostile/corpus/ (a few KB, committed, so
each can be tried by hand: `dti validate tests/hostile/corpus/number-1e400/2024.csv`). The big ones
(a zip bomb, a 1 MB line, a 20,000-node spec…) and the ones git cannot hold (a FIFO, a symlink) are
built at test time by `build(case, directory)`; tests/test_hostile_corpus.py runs every case through
the CLI, tests/hostile/measure.py times each one as a process.

Everything here is deterministic: the corpus test rebuilds the small inputs and compares the bytes.
"""

from __future__ import annotations

import os
import stat
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

try:
    from tests.hostile import office
except ImportError:  # run as a script: `python tests/hostile/make.py`
    import office  # type: ignore[no-redef]

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
SPEC = ("--spec", "dti-province-2022")
FORMULA = '=HYPERLINK("http://evil.example","click")'


@dataclass(frozen=True)
class Case:
    """One hostile input: how to build it, the command to run on it, and what must come out.

    `args` may hold `{dir}`, the directory the case is built in. `codes`: issue codes that must be
    reported (in the JSON or CSV output, else on stderr); `says`: text that must appear in the output;
    `runtime`: built at test time (big, or not a regular file); `process`: run as a subprocess with
    `stdout` as given ("full": /dev/full, "closed": a closed pipe, "file": a file already holding a line,
    None: a pipe) and `env`. `kind` says what a wrong outcome would be, for the README's figures.
    """

    name: str
    issue: str  # what the issue (or this corpus) says about it
    build: Callable[[Path], None]
    args: tuple[str, ...]
    exit: int
    codes: tuple[str, ...] = ()
    says: tuple[str, ...] = ()
    runtime: bool = False
    process: bool = False
    stdout: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    kind: str = "crash"  # what a wrong outcome would be: "unsafe", "wrong" (silently), "crash" (or a hang)


# --- builders -------------------------------------------------------------------------------------


def text(name: str, content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return raw(name, content.encode(encoding))


def raw(name: str, content: bytes) -> Callable[[Path], None]:
    def build(directory: Path) -> None:
        (directory / name).write_bytes(content)

    return build


def windows_1258(content: str) -> bytes:
    """Vietnamese as legacy Windows software wrote it: a letter (ă, ơ, đ) + a combining tone mark."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for char in content:
        letter = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(m for m in letter if m not in tones))
        out += (base + "".join(m for m in letter if m in tones)).encode("cp1258")
    return out


def both(*builders: Callable[[Path], None]) -> Callable[[Path], None]:
    def build(directory: Path) -> None:
        for builder in builders:
            builder(directory)

    return build


SMALL = "unit,indicator,value\n01,HTS.01,50%\n48,HTS.01,40%\n"
small = text("2024.csv", SMALL)


def long_rows(*rows: str) -> Callable[[Path], None]:
    return text("2024.csv", "unit,indicator,value\n" + "".join(f"{r}\n" for r in rows))


def zip_parts(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive with fixed timestamps, so the same parts make the same bytes."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            archive.writestr(info, data)
    return buffer.getvalue()


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def xlsx_parts(sheet_xml: bytes) -> dict[str, bytes]:
    """The parts of a one-sheet workbook, as Excel lays them out, around the given sheet XML."""
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{TYPES}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPES}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{TYPES}.styles+xml"/>'
            "</Types>"
        ).encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{OFFICE}">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{OFFICE}/styles" Target="styles.xml"/>'
            "</Relationships>"
        ).encode(),
        "xl/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
            '<fonts count="1"><font/></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="1"><xf/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell(ref: str, value: str | float) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


ROWS = (
    f'<row r="1">{cell("A1", "unit")}{cell("B1", "indicator")}{cell("C1", "value")}</row>'
    f'<row r="2">{cell("A2", "01")}{cell("B2", "NTS.02")}{cell("C2", 0.5)}</row>'
    f'<row r="3">{cell("A3", "48")}{cell("B3", "NTS.02")}{cell("C3", 0.4)}</row>'
)


def sheet(rows: str, dimension: str = "A1:C3", prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{MAIN}">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    ).encode()


def xlsx(name: str, sheet_xml: bytes) -> Callable[[Path], None]:
    return raw(name, zip_parts(xlsx_parts(sheet_xml)))


def zip_bomb(directory: Path) -> None:
    """A ~300 KB xlsx whose sheet unpacks to 300 MB (over the 256 MiB cap).

    Written through zipfile, so the directory's sizes and CRC are true: a bomb, not a corrupt zip.
    """
    head, tail = sheet(ROWS).split(b"</sheetData>")
    parts = xlsx_parts(b"")
    del parts["xl/worksheets/sheet1.xml"]
    path = directory / "2024.xlsx"
    path.write_bytes(zip_parts(parts))
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(head)
            for _ in range(300):
                member.write(chunk)
            member.write(b"</sheetData>" + tail)


def entity_bomb() -> bytes:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    rows = f'<row r="1">{cell("A1", "unit")}{cell("B1", "&a9;")}</row>'
    return sheet(rows, prolog=f"<!DOCTYPE worksheet [{entities}]>")


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)
BILLION_LAUGHS += "targets:\n- {id: 1, name: *i, target: '80%', result: '85%'}\n"


def spec_yaml(nodes: list[str], spec_id: str = "hostile") -> str:
    return f"id: {spec_id}\ntitle: Hostile\nnodes:\n" + "".join(nodes)


def node(code: str, kind: str, children: list[str] = (), points: float | str | None = None) -> str:  # type: ignore[assignment]
    lines = f"- code: {code}\n  name_vi: {code}\n  kind: {kind}\n"
    if points is not None:
        lines += f"  max_points: {points}\n"
    if children:
        lines += f"  children: [{', '.join(children)}]\n"
    else:
        lines += "  rule: {kind: points}\n"
    return lines


def spec_wide(directory: Path) -> None:
    """20,000 nodes: a total over 100 groups of 199 components (was 43 s and 6.8 GB, an n×n matrix)."""
    groups = [f"G{g}" for g in range(100)]
    nodes = [node("T", "total", groups, 19_900)]
    for g in groups:
        leaves = [f"{g}.{c}" for c in range(199)]
        nodes.append(node(g, "group", leaves))
        nodes += [node(leaf, "component", points=1) for leaf in leaves]
    (directory / "spec.yaml").write_text(spec_yaml(nodes), encoding="utf-8")


def spec_deep(directory: Path) -> None:
    """A chain 3,000 levels deep (1,000 was a RecursionError)."""
    depth = 3_000
    nodes = [node("T", "total", ["G1"], 1)]
    nodes += [node(f"G{i}", "group", [f"G{i + 1}"]) for i in range(1, depth)]
    nodes.append(node(f"G{depth}", "component", points=1))
    (directory / "spec.yaml").write_text(spec_yaml(nodes), encoding="utf-8")


def criteria_docx(directory: Path) -> None:
    """A decision's criteria table of 20,000 rows as a Word document (~115 KB; was ~10 s to import)."""
    word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def row(*cells: str) -> str:
        return (
            "<w:tr>"
            + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in cells)
            + "</w:tr>"
        )

    rows = [row("STT", "Chỉ số / Tiêu chí", "Điểm tối đa", "Cách xác định và tính điểm")]
    rows += [row(str(k), f"Tiêu chí {k}", "1", "Có: 1 điểm; Không: 0 điểm") for k in range(1, 20_001)]
    body = (
        f'<w:document xmlns:w="{word}"><w:body><w:p><w:r><w:t>BỘ CHỈ SỐ CẤP XÃ</w:t></w:r></w:p>'
        f"<w:tbl>{''.join(rows)}</w:tbl></w:body></w:document>"
    )
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
    )
    rels = (
        f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{OFFICE}/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    parts = {"[Content_Types].xml": types, "_rels/.rels": rels, "word/document.xml": body}
    (directory / "criteria.docx").write_bytes(zip_parts({k: v.encode() for k, v in parts.items()}))


CYCLE = spec_yaml(
    [
        node("T", "total", ["A"], 10),
        node("A", "group", ["B"]),
        node("B", "group", ["C"]),
        node("C", "group", ["A"]),
    ]
)
OWNERS_TWICE = "owners:\n  HTS: Sở Khoa học và Công nghệ\n  HTS: Sở Công Thương\n"
RULES_9999 = (
    "rules:\n  - id: dot-xuat\n    name: Báo cáo đột xuất về chuyển đổi số\n    who: all\n    every: once\n"
    "    date: 9999-12-31\n    title: Báo cáo đột xuất\n"
)
INF_POINTS = spec_yaml([node("T", "total", ["A"], ".inf"), node("A", "component", points=".inf")])


def fifo(name: str) -> Callable[[Path], None]:
    def build(directory: Path) -> None:
        os.mkfifo(directory / name)

    return build


def null_device(directory: Path) -> None:
    """A device at {dir}/null: a twin of /dev/null when root may make one (against a writer that
    replaced devices, the real /dev/null would be the victim), else a link to /dev/null, which only root
    can replace."""
    device = directory / "null"
    if os.geteuid() == 0:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.stat(os.devnull).st_rdev)
    else:
        device.symlink_to(os.devnull)


def symlink(directory: Path) -> None:
    (directory / "real.json").write_text("old\n", encoding="utf-8")
    (directory / "out.json").symlink_to("real.json")


def subdirectory(name: str) -> Callable[[Path], None]:
    def build(directory: Path) -> None:
        (directory / name).mkdir()

    return build


def one_megabyte_line(directory: Path) -> None:
    (directory / "2024.csv").write_text("unit,indicator,value," + "x" * (1 << 20) + "\n", encoding="utf-8")


def many_columns(directory: Path) -> None:
    header = ",".join(["unit", *(f"extra{i}" for i in range(4_999))])
    row = ",".join(["01", *(str(i % 7) for i in range(4_999))])
    (directory / "2024.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")


def hidden_first_sheet(directory: Path) -> None:
    """Last year's figures on a hidden first sheet, left in the workbook; this year's on the visible one."""
    parts = xlsx_parts(sheet(ROWS))
    stale = f'<row r="1">{cell("A1", "unit")}{cell("B1", "indicator")}{cell("C1", "value")}</row>' + "".join(
        f'<row r="{r}">{cell(f"A{r}", "01")}{cell(f"B{r}", "NTS.02")}{cell(f"C{r}", "số liệu cũ")}</row>'
        for r in (2,)
    )
    parts["xl/worksheets/sheet2.xml"] = sheet(stale, "A1:C2")
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>'
        '<sheet name="Năm trước" sheetId="2" state="hidden" r:id="rId3"/>'
        '<sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ).encode()
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rId3" Type="{OFFICE}/worksheet" Target="worksheets/sheet2.xml"/>'
        "</Relationships>".encode(),
    )
    (directory / "2024.xlsx").write_bytes(zip_parts(parts))


def csv_300000_columns(directory: Path) -> None:
    """1.2 MB: a header of 300,000 columns (was 13.7 s and 3 GB)."""
    (directory / "2024.csv").write_text("unit," + ",c" * 299_999 + "\n01," + ",1" * 299_999 + "\n")


def device(name: str, target: str) -> Callable[[Path], None]:
    """A character device given as an input, through a link made in the case's own folder."""

    def build(directory: Path) -> None:
        (directory / name).symlink_to(target)

    return build


UNCLOSED = 'unit,indicator,value\n01,HTS.01,"50%\n' + "".join(
    f"{u},HTS.01,40%\n" for u in ("02", "04", "06", "08", "10", "11", "12", "14")
)


TARGETS = "id,group,name,responsible,target,result\n"
LONG_NAME = "o" * 245 + ".json"  # 250 characters: the temporary name beside it must still fit in 255

# --- the corpus -----------------------------------------------------------------------------------

V = ("validate", "{dir}/2024.csv", *SPEC, "--format", "json")
_CASES: list[Case] = [
    # formula injection into what dti writes
    Case(
        "units-formula-names",
        "a --units name or code that is a formula is written escaped into the CSV",
        both(
            text(
                "units.csv", f'code,name\nA1,"{FORMULA.replace(chr(34), chr(34) * 2)}"\n+B2,@evil\n-C3,-1+2\n'
            ),
            long_rows("A1,HTS.01,50%", "+B2,HTS.01,40%", "-C3,HTS.01,30%"),
        ),
        ("score", "{dir}/2024.csv", *SPEC, "--units", "{dir}/units.csv", "--format", "csv"),
        0,
    ),
    Case(
        "targets-formula-texts",
        "a target's name, group or responsible unit that is a formula is written escaped",
        text(
            "targets.csv",
            TARGETS + f'1,@SUM(A1),"{FORMULA.replace(chr(34), chr(34) * 2)}",+cmd|x,>= 80%,85%\n',
        ),
        ("targets", "{dir}/targets.csv", "--format", "csv"),
        0,
    ),
    Case(
        "value-formula",
        "a raw value that is a formula is an error, and written escaped in the issue list",
        long_rows("01,NTS.02,=1+1", "48,NTS.02,@SUM(1)", "79,NTS.02,-2+3"),
        ("validate", "{dir}/2024.csv", *SPEC, "--format", "csv"),
        1,
        codes=("non-numeric",),
    ),
    Case(
        "name-column-mismatch",
        "a name column that disagrees with the register is a warning; the register's name is used",
        text("2024.csv", "unit,name,indicator,value\n48,Hà Nội,HTS.01,50%\n"),
        V,
        0,
        codes=("name-mismatch",),
    ),
    # -o replaces only what it should
    Case(
        "output-device",
        "-o onto a device (a twin of /dev/null) is refused",
        both(small, null_device),
        (*V, "-o", "{dir}/null"),
        2,
        says=("là một thiết bị",),  # the refusal in the default language
        runtime=True,
    ),
    Case("output-dev-stdout", "-o /dev/stdout is refused", small, (*V, "-o", "/dev/stdout"), 2),
    Case(
        "output-dev-stdout-to-a-file",
        "-o /dev/stdout with stdout sent to a file is refused, not renamed over that file",
        small,
        (*V, "-o", "/dev/stdout"),
        2,
        says=("stdout",),
        process=True,
        stdout="file",
    ),
    Case("output-directory", "-o DIRECTORY is refused", small, (*V, "-o", "{dir}"), 2),
    Case(
        "output-fifo",
        "-o FIFO is refused",
        both(small, fifo("pipe")),
        (*V, "-o", "{dir}/pipe"),
        2,
        runtime=True,
    ),
    Case(
        "output-input-file",
        "-o onto an input is refused",
        small,
        (*V, "-o", "{dir}/2024.csv"),
        2,
    ),
    Case(
        "output-symlink",
        "-o SYMLINK writes its target and keeps the link",
        both(small, symlink),
        (*V, "-o", "{dir}/out.json"),
        0,
        runtime=True,
    ),
    Case(
        "output-long-name", "a valid 250-character -o name works", small, (*V, "-o", "{dir}/" + LONG_NAME), 0
    ),
    Case(
        "stdout-full",
        "stdout on a full disk: one line, exit 2",
        small,
        V,
        2,
        says=("No space left on device",),
        process=True,
        stdout="full",
    ),
    Case(
        "stdout-closed", "stdout closed (| head): exit 2, quietly", small, V, 2, process=True, stdout="closed"
    ),
    Case(
        "stdout-cp1252",
        "stdout that is not UTF-8 (PYTHONIOENCODING=cp1252) gets UTF-8",
        text("2024.csv", "unit,name,indicator,value\n42,Hà Tĩnh,HTS.01,50%\n"),
        ("score", "{dir}/2024.csv", *SPEC, "--format", "json"),
        0,
        says=("Hà Tĩnh",),
        process=True,
        env={"PYTHONIOENCODING": "cp1252"},
    ),
    # small files, huge memory
    Case(
        "xlsx-dimension-XFD6289",
        "a sheet whose <dimension> claims A1:XFD6289 is read as the 3 columns it holds",
        xlsx("2024.xlsx", sheet(ROWS, dimension="A1:XFD6289")),
        ("validate", "{dir}/2024.xlsx", *SPEC, "--format", "json"),
        0,
    ),
    Case(
        "xlsx-cell-XFD1048576",
        "one cell at XFD1048576 is over the cell limit, not a 17-billion-cell grid",
        xlsx("2024.xlsx", sheet(ROWS + f'<row r="1048576">{cell("XFD1048576", 1)}</row>', "A1:XFD1048576")),
        ("validate", "{dir}/2024.xlsx", *SPEC, "--format", "json"),
        2,
        codes=("unreadable-file",),
    ),
    Case(
        "xlsx-zip-bomb",
        "a small zip that unpacks to 300 MB is refused before it is unpacked",
        zip_bomb,
        ("validate", "{dir}/2024.xlsx", *SPEC, "--format", "json"),
        2,
        codes=("unreadable-file",),
        runtime=True,
    ),
    Case(
        "yaml-billion-laughs-targets",
        "a YAML target list of nested aliases (10^9 values) is refused",
        text("targets.yaml", BILLION_LAUGHS),
        ("targets", "{dir}/targets.yaml", "--format", "json"),
        2,
        codes=("unreadable-file",),
    ),
    Case(
        "yaml-billion-laughs-spec",
        "a spec of nested aliases is refused (exit 3)",
        text("spec.yaml", BILLION_LAUGHS.replace("targets:", "nodes:")),
        ("spec", "check", "{dir}/spec.yaml"),
        3,
    ),
    Case(
        "spec-20000-nodes",
        "a spec of 20,000 nodes is checked without an n×n matrix",
        spec_wide,
        ("spec", "check", "{dir}/spec.yaml"),
        0,
        says=("20.001 nút",),  # spec check speaks Vietnamese by default, thousands grouped
        runtime=True,
    ),
    Case(
        "spec-chain-3000-deep",
        "a chain 3,000 levels deep is checked without recursion",
        spec_deep,
        ("spec", "check", "{dir}/spec.yaml"),
        0,
        says=("3.001 nút",),
        runtime=True,
    ),
    Case(
        "spec-cycle",
        "a cycle is a spec error with its key path",
        text("spec.yaml", CYCLE),
        ("spec", "check", "{dir}/spec.yaml"),
        3,
        says=("tạo thành vòng lặp",),  # Vietnamese by default
    ),
    # crashes that are really bad input
    Case(
        "xlsx-truncated-sheet",
        "a truncated sheet XML is an unreadable file",
        xlsx("2024.xlsx", sheet(ROWS)[:-40]),
        ("validate", "{dir}/2024.xlsx", *SPEC, "--format", "json"),
        2,
        codes=("unreadable-file",),
    ),
    Case(
        "xlsx-malformed-sheet",
        "a malformed sheet XML is an unreadable file",
        xlsx("2024.xlsx", sheet(ROWS.replace("</row>", "</rw>", 1))),
        ("validate", "{dir}/2024.xlsx", *SPEC, "--format", "json"),
        2,
        codes=("unreadable-file",),
    ),
    Case(
        "xlsx-entity-bomb",
        "an XML entity bomb inside an xlsx is refused",
        xlsx("2024.xlsx", entity_bomb()),
        ("validate", "{dir}/2024.xlsx", *SPEC, "--format", "json"),
        2,
        codes=("unreadable-file",),
    ),
    # silently wrong, once
    Case(
        "number-1e400",
        "1e400 is an error, never infinity",
        long_rows("01,NTS.02,1e400"),
        V,
        1,
        ("non-numeric",),
    ),
    Case(
        "number-400-nines",
        "400 nines do not fit a number",
        long_rows("01,NTS.02," + "9" * 400),
        V,
        1,
        ("non-numeric",),
    ),
    Case(
        "number-12-15", "'12 15' is an error, not 1215", long_rows("01,NTS.02,12 15"), V, 1, ("non-numeric",)
    ),
    Case(
        "spec-max-points-inf",
        "max_points: .inf is a spec error",
        text("spec.yaml", INF_POINTS),
        ("spec", "check", "{dir}/spec.yaml"),
        3,
        says=("'.inf'",),  # refused by the YAML loader at its line (#23), before the spec's key paths
    ),
    Case(
        "units-duplicate-code",
        "a code given twice in --units is refused",
        both(text("units.csv", "code,name\nA1,Xã Một\nA1,Xã Hai\n"), long_rows("A1,HTS.01,50%")),
        (*V, "--units", "{dir}/units.csv"),
        2,
        says=("A1",),
    ),
    Case(
        "units-duplicate-name",
        "a name two units bear in --units is read; a row naming a unit by it is refused with both codes",
        both(
            text("units.csv", "code,name\nA1,Xã Một\nA2,Xã Một\n"),
            long_rows("Xã Một,HTS.01,50%", "A1,HTS.01,50%"),
        ),
        (*V, "--units", "{dir}/units.csv"),
        1,
        ("unknown-unit",),
        says=("A1 Xã Một, A2 Xã Một",),
    ),
    Case(
        "csv-value-under-blank-header",
        "a value under a blank CSV header is reported, not dropped",
        text("2024.csv", "unit,indicator,value,\n01,HTS.01,50%,77\n"),
        V,
        1,
        ("unnamed-column",),
    ),
    Case(
        "xlsx-value-beyond-header",
        "a value right of an xlsx header is reported, not dropped",
        xlsx("2024.xlsx", sheet(ROWS.replace(cell("C2", 0.5), cell("C2", 0.5) + cell("D2", 77)), "A1:D3")),
        ("validate", "{dir}/2024.xlsx", *SPEC, "--format", "json"),
        1,
        ("unnamed-column",),
    ),
    Case(
        "targets-result-1e400",
        "a target result of 1e400 is an error and the JSON holds no Infinity",
        text("targets.csv", TARGETS + "1,Hạ tầng số,Cáp quang,Sở KH&CN,>= 80%,1e400\n"),
        ("targets", "{dir}/targets.csv", "--format", "json"),
        1,
        ("non-numeric",),
    ),
    Case(
        "targets-result-negative",
        "-3% against >= 80% is a negative-value warning",
        text("targets.csv", TARGETS + "1,Hạ tầng số,Cáp quang,Sở KH&CN,>= 80%,-3%\n"),
        ("targets", "{dir}/targets.csv", "--format", "json"),
        0,
        ("negative-value",),
    ),
    # forged GitHub annotations
    Case(
        "github-cr-in-quoted-cell",
        "a CR inside a quoted cell cannot start a workflow command",
        long_rows('01,NTS.02,"x\r::error file=evil.py::forged"'),
        ("validate", "{dir}/2024.csv", *SPEC, "--format", "github"),
        1,
        ("non-numeric",),
    ),
    Case(
        "github-file-name-comma-colon",
        "a ',' or ':' in a file name cannot forge an annotation property",
        text("a,line=9,title=x:y.csv", "unit,indicator,value\n01,NTS.02,abc\n"),
        ("validate", "{dir}/a,line=9,title=x:y.csv", *SPEC, "--year", "2024", "--format", "github"),
        1,
        ("non-numeric",),
        runtime=True,  # a ':' in a file name cannot be checked out on Windows
    ),
    # this corpus's own
    Case("empty-file", "an empty file", raw("2024.csv", b""), V, 1, ("no-data",)),
    Case("bom-only", "a file holding only a BOM", raw("2024.csv", b"\xef\xbb\xbf"), V, 1, ("no-data",)),
    Case(
        "header-only", "a header and no rows", text("2024.csv", "unit,indicator,value\n"), V, 1, ("no-data",)
    ),
    Case(
        "nul-bytes",
        "NUL bytes in a CSV",
        raw("2024.csv", b"unit,indicator,value\n01,NTS.02,5\x000%\n\x00\x00\x00\n"),
        V,
        1,
        ("non-numeric", "ragged-row"),
    ),
    Case(
        "utf16-bom-broken",
        "a UTF-16 byte-order mark over text that is not UTF-16 (found by the fuzz test: was exit 4)",
        raw("2024.csv", b"\xfe\xffunit,indicator,value\n01,NTS.02,5\n"),
        V,
        2,
        ("unreadable-file",),
    ),
    Case(
        "headerless-long-last-row",
        "no header, and a longer row read as a repeated header (found by the fuzz test: was exit 4)",
        text("2024.csv", "01,Hà Nội,NTS.02,5,\n01,Hà Nội,NTS.03,5,x,y,z\n"),
        V,
        1,
        ("missing-column",),
    ),
    Case("single-line-1mb", "one 1 MB line", one_megabyte_line, V, 2, ("unreadable-file",), runtime=True),
    Case(
        "deeply-quoted-csv",
        "a cell of 5,000 doubled quotes and a quote that never closes",
        text("2024.csv", 'unit,indicator,value\n01,NTS.02,"' + '""' * 5_000 + '"\n48,HTS.01,"50%\n'),
        V,
        2,  # #23: the quote that never closes is an error naming its row (was exit 1, the row dropped)
        ("unreadable-file",),
    ),
    Case(
        "csv-5000-columns",
        "a CSV of 5,000 columns: over the column cap (#23: refused as a workbook is, was read)",
        many_columns,
        V,
        2,
        ("unreadable-file",),
        runtime=True,
    ),
    Case(
        "mixed-encodings",
        "UTF-8 and Windows-1258 rows in one file",
        raw(
            "2024.csv",
            "unit,name,indicator,value\n42,Hà Tĩnh,HTS.01,50%\n".encode()
            + windows_1258("48,Đà Nẵng,HTS.01,40%\n"),
        ),
        V,
        0,
        ("encoding-fallback",),
    ),
    Case(
        "zip-renamed-xlsx",
        "a zip that is not a workbook, renamed .xlsx",
        raw("2024.xlsx", zip_parts({"readme.txt": b"not a workbook\n"})),
        ("validate", "{dir}/2024.xlsx", *SPEC, "--format", "json"),
        2,
        ("unsupported-format",),  # #22: named by its content, "a .zip archive saved with a .xlsx name"
    ),
    Case(
        "directory-as-file",
        "an empty directory passed as FILE",
        subdirectory("2024"),
        ("validate", "{dir}/2024", *SPEC, "--format", "json"),
        2,
        runtime=True,
    ),
    Case(
        "directory-as-targets",
        "a directory passed to dti targets",
        subdirectory("targets.csv"),
        ("targets", "{dir}/targets.csv", "--format", "json"),
        2,
        ("unreadable-file",),
        runtime=True,
    ),
    Case("missing-file", "a file that does not exist", lambda d: None, V, 2, ("unreadable-file",)),
    Case(
        "targets-yaml-scalar",
        "a YAML target list that is a scalar",
        text("targets.yaml", "just a sentence\n"),
        ("targets", "{dir}/targets.yaml", "--format", "json"),
        2,
        ("unreadable-file",),
    ),
    # --- round 2 (#23): files and readers ---
    Case(
        "xlsx-hidden-first-sheet",
        "a workbook's hidden first sheet (stale data) is skipped and said; the visible sheet is scored",
        hidden_first_sheet,
        ("validate", "{dir}/2024.xlsx", *SPEC, "--format", "json"),
        0,
        says=("Năm trước",),
    ),
    Case(
        "csv-unclosed-quote",
        "an unclosed quote swallowing the 8 rows after it is an error naming the row where it opened",
        text("2024.csv", UNCLOSED),
        V,
        2,
        ("unreadable-file",),
        says=("quote opened in row 2",),
    ),
    Case(
        "csv-300000-columns",
        "a 1.2 MB CSV of 300,000 columns is refused from its header (the column cap, named)",
        csv_300000_columns,
        V,
        2,
        ("unreadable-file",),
        says=("DTI_CSV_MAX_COLUMNS",),
        runtime=True,
    ),
    Case(
        "input-character-device",
        "a character device given as the input file is refused before it is read",
        device("2024.csv", "/dev/zero"),
        V,
        2,
        ("unreadable-file",),
        runtime=True,
    ),
    Case(
        "input-fifo-no-writer",
        "a FIFO with no writer given as the input file is refused, never waited on",
        fifo("2024.csv"),
        V,
        2,
        ("unreadable-file",),
        runtime=True,
    ),
    Case(
        "xlsx-named-csv",
        "an Excel workbook saved with a .csv name is read as the workbook it is, and said",
        raw("2024.csv", zip_parts(xlsx_parts(sheet(ROWS)))),
        V,
        0,
        says=(".xlsx",),
    ),
    Case(
        "pdf-named-csv",
        "a PDF saved with a .csv name is named as a PDF",
        raw("2024.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n"),
        V,
        2,
        ("unsupported-format",),
        says=("PDF",),
    ),
    # (end of files and readers)
    #
    #
    # --- round 2 (#23): output, options and the CLI ---
    Case(
        "output-previous-input",
        "-o names the --previous file (was replaced: the guard looked at FILE arguments only)",
        both(small, text("2023.csv", SMALL)),
        ("score", "{dir}/2024.csv", *SPEC, "--previous", "{dir}/2023.csv", "-o", "{dir}/2023.csv"),
        2,
    ),
    Case(
        "output-units-input",
        "-o names the --units register (was replaced)",
        both(small, text("units.csv", "code,name\n48,Đà Nẵng\n")),
        ("rank", "{dir}/2024.csv", *SPEC, "--units", "{dir}/units.csv", "-o", "{dir}/units.csv"),
        2,
    ),
    Case(
        "output-spec-input",
        "-o names the --spec file (was replaced)",
        both(small, text("spec.yaml", spec_yaml([node("DTI", "total")]))),
        ("score", "{dir}/2024.csv", "--spec", "{dir}/spec.yaml", "-o", "{dir}/spec.yaml"),
        2,
    ),
    Case(
        "output-spec-show-input",
        "`spec show FILE -o FILE` (was replaced)",
        text("spec.yaml", spec_yaml([node("DTI", "total")])),
        ("spec", "show", "{dir}/spec.yaml", "-o", "{dir}/spec.yaml"),
        2,
    ),
    Case(
        "output-previous-through-dotdot",
        "-o sub/../2023.csv names the --previous file by another path",
        both(small, text("2023.csv", SMALL), subdirectory("sub")),
        ("score", "{dir}/2024.csv", *SPEC, "--previous", "{dir}/2023.csv", "-o", "{dir}/sub/../2023.csv"),
        2,
        runtime=True,  # git keeps no empty folder
    ),
    Case(
        "output-trailing-slash",
        "-o out.json/ names a folder (was written as a file out.json)",
        small,
        (*V, "-o", "{dir}/out.json/"),
        2,
    ),
    Case(
        "output-read-only",
        "-o onto a read-only file, which the shell's `>` refuses (was replaced by a rename)",
        both(small, text("kept.json", "{}\n"), lambda d: (d / "kept.json").chmod(0o444)),
        (*V, "-o", "{dir}/kept.json"),
        2,
        runtime=True,  # git keeps no read-only mode
    ),
    Case(
        "github-undecodable-file-name",
        "a file name with a byte that is not UTF-8 (os.fsdecode(b'\\xff.csv')), in annotations (was exit 4)",
        raw(os.fsdecode(b"\xff.csv"), b"unit,indicator,value\n01,NTS.02,abc\n"),
        ("validate", "{dir}/" + os.fsdecode(b"\xff.csv"), *SPEC, "--year", "2024", "--format", "github"),
        1,
        ("non-numeric",),
        says=("/\\xff.csv,line=2",),
        runtime=True,  # git cannot hold the name on every system
    ),
    Case(
        "csv-undecodable-file-name",
        "the same file name in validate's CSV (was exit 4: a pandas frame cannot hold it)",
        raw(os.fsdecode(b"\xff.csv"), b"unit,indicator,value\n01,NTS.02,abc\n"),
        ("validate", "{dir}/" + os.fsdecode(b"\xff.csv"), *SPEC, "--year", "2024", "--format", "csv"),
        1,
        ("non-numeric",),
        runtime=True,
    ),
    Case(
        "csv-cr-formula-targets",
        "a CR in a target name, then a formula: a spreadsheet began a row at =1+1 (CSV unquoted, unescaped)",
        text(
            "targets.csv",
            'id,group,name,responsible,target,result\n1,Hạ tầng số,"Tỷ lệ hộ có cáp quang\r=1+1",'
            'Sở KH&CN,>= 80%,"84,5%"\n',
        ),
        ("targets", "{dir}/targets.csv", "--format", "csv"),
        0,
    ),
    Case(
        "csv-cr-formula-validate",
        "a CR then a formula in a raw value that validate quotes in its CSV",
        text("2024.csv", 'unit,indicator,value\n48,NTS.02,"5\r=1+1"\n'),
        ("validate", "{dir}/2024.csv", *SPEC, "--year", "2024", "--format", "csv"),
        1,
        ("non-numeric",),
    ),
    Case(
        "ics-control-characters",
        "a VT and a NEL (U+0085) in an owner's name, copied into the ICS SUMMARY (each now a space)",
        text("owners.csv", "STT,Chỉ số,Đơn vị chủ trì\n1,NTS,Sở Khoa học\vvà Công\x85nghệ\n"),
        ("calendar", "--owners", "{dir}/owners.csv", *SPEC, "--today", "25/11/2026", "--format", "ics"),
        0,
        says=("SUMMARY:Hạn gửi số liệu quý I/2026: Sở Khoa học và Công ngh",),
    ),
    Case(
        "report-draws-billion",
        "report --draws 1000000000: robust bounds --draws, report did not (tried to allocate 67 GiB)",
        small,
        ("report", "{dir}/2024.csv", *SPEC, "--year", "2024", "--draws", "1000000000", "-o", "{dir}/r.html"),
        2,
        says=("--draws",),
    ),
    Case(
        "calendar-year-20-digits",
        "calendar --year of 20 digits (and -1, 10000: exit 4 once)",
        text("owners.csv", "STT,Chỉ số,Đơn vị chủ trì\n1,NTS,Sở Khoa học và Công nghệ\n"),
        ("calendar", "--owners", "{dir}/owners.csv", *SPEC, "--year", "9" * 20),
        2,
        says=("--year",),
    ),
    Case(
        "year-zero",
        "--year 0 was taken as 'no year'",
        small,
        (*V, "--year", "0"),
        2,
        says=("--year",),
    ),
    # (end of output, options and the CLI)
    #
    #
    # --- round 2 (#23): YAML, specs, analysis and dates ---
    Case(
        "yaml-int-5000-digits",
        "a YAML integer of 5,000 digits (Python's int-string limit) is a YAML error at its line",
        text("spec.yaml", spec_yaml([node("T", "total", ["A"]), node("A", "component", points="9" * 5000)])),
        ("spec", "check", "{dir}/spec.yaml"),
        3,
        says=("dòng 11:",),
    ),
    Case(
        "yaml-int-5000-digits-owners",
        "a YAML integer of 5,000 digits in an owners file",
        text("owners.yaml", "owners:\n  HTS: " + "9" * 5000 + "\n"),
        ("calendar", "--owners", "{dir}/owners.yaml", *SPEC, "--year", "2026"),
        2,
        says=("dòng 2:",),
    ),
    Case(
        "spec-max-points-twice",
        "a spec node with max_points twice (the last won)",
        text(
            "spec.yaml",
            spec_yaml([node("T", "total", ["A"]), node("A", "component", points="10\n  max_points: 5")]),
        ),
        ("spec", "check", "{dir}/spec.yaml"),
        3,
        says=("dòng 11 và dòng 12",),
    ),
    Case(
        "owners-component-twice",
        "an owners YAML with a component twice (the second lead replaced the first)",
        text("owners.yaml", OWNERS_TWICE),
        ("calendar", "--owners", "{dir}/owners.yaml", *SPEC, "--year", "2026"),
        2,
        says=("dòng 2 và dòng 3",),
    ),
    Case(
        "spec-max-points-1e308",
        "max_points: 1.0e308 passed and the total overflowed to infinity",
        text(
            "spec.yaml",
            spec_yaml(
                [node("T", "total", ["A", "B"]), *(node(c, "component", points="1.0e308") for c in "AB")]
            ),
        ),
        ("spec", "check", "{dir}/spec.yaml"),
        3,
        says=("nodes[1].max_points", "nodes[2].max_points"),
    ),
    Case(
        "spec-total-zero",
        "an index worth 0 points was accepted with every value shown as — and no reason",
        text("spec.yaml", spec_yaml([node("T", "total", ["A"]), node("A", "component", points=0)])),
        ("spec", "check", "{dir}/spec.yaml"),
        3,
        says=("0 điểm",),
    ),
    Case(
        "spec-show-missing",
        "spec show of a file that does not exist is unreadable input (exit 2), not a bad spec",
        lambda d: None,
        ("spec", "show", "{dir}/nosuch.yaml"),
        2,
    ),
    Case(
        "rules-date-9999",
        "a rules file whose deadline is 31/12/9999 with --format ics (DTEND overflowed)",
        text("rules.yaml", RULES_9999),
        (
            "calendar",
            "--owners",
            "sample_data/owners.csv",
            *SPEC,
            "--rules",
            "{dir}/rules.yaml",
            "--today",
            "30/12/9999",
            "--format",
            "ics",
        ),
        2,
        says=("30/12/9999",),  # --today beyond 2100 is not a date; the rules file alone: rules[0].date
    ),
    Case(
        "spec-import-20000-criteria",
        "spec import of a 115 KB docx with 20,000 criteria took ~10 s (python-docx cells, PyYAML emitter)",
        criteria_docx,
        ("spec", "import", "{dir}/criteria.docx", "-o", "{dir}/spec.yaml"),
        0,
        says=("quy tắc suy ra: 20000 yesno",),
        runtime=True,
    ),
    Case(
        "robust-draws-million",
        "robust --draws 1000000 (the documented maximum) peaked at 1.16 GB: now in chunks, ~120 MB",
        lambda d: None,
        ("robust", "sample_data/2024.csv", "--draws", "1000000", "--format", "json"),
        0,
        says=('"draws": 1000000',),
    ),
    Case(
        "tasks-deadline-year-0",
        "a task due 'Năm 0000' (a period with no first day: ValueError, exit 4) is a warning on its cell",
        text(
            "tasks.csv",
            "STT,Nhiệm vụ,Đơn vị chủ trì,Thời hạn,Trạng thái / kết quả\n"
            "1,Triển khai nền tảng họp trực tuyến,Sở Khoa học và Công nghệ,Năm 0000,Đang thực hiện\n"
            "2,Số hóa hồ sơ thủ tục hành chính,Sở Nội vụ,31/12/9999,Đang thực hiện\n",
        ),
        ("tasks", "{dir}/tasks.csv", "--today", "01/04/2026", "--format", "json"),
        0,
        ("invalid-option",),
        says=("Năm 0000", "31/12/9999"),
    ),
    # (end of YAML, specs, analysis and dates)
    #
    # --- round 2 (#23): answers as written ---
    Case(
        "count-95-percent",
        "'95%' in a count component (number of meetings) scored full points without an issue",
        long_rows("01,NTS.02,95%"),
        V,
        1,
        ("percent-in-count",),
    ),
    Case(
        "count-fraction",
        "'2,5' meetings in a count component passed silently",
        long_rows('01,NTS.02,"2,5"'),
        V,
        0,
        ("fraction-in-count",),
    ),
    Case(
        "yes-no-negated",
        "negated yes/no answers scored yes ('Đã có dự thảo, chưa ban hành', 'Có (dự thảo)')",
        long_rows('01,HTS.04,"Đã có dự thảo, chưa ban hành"', "48,HTS.04,Có (dự thảo)"),
        V,
        0,
        ("unclear-answer",),
    ),
    # (end of answers as written)
    # --- round 3 (#27): .xls, .ods and Word tables ---
    Case(
        "xls-absurd-record-size",
        "a BIFF record claiming 65,535 bytes at the end of its stream is an unreadable .xls, not a crash",
        office.xls("2024.xls", office.biff(cells_extra=office.record(0x0204, b"\0" * 8, length=0xFFFF))),
        ("validate", "{dir}/2024.xls", *SPEC, "--format", "json"),
        2,
        codes=("unreadable-file",),
    ),
    Case(
        "xls-dimensions-4-billion-rows",
        "an .xls whose DIMENSIONS record claims 4 billion rows × 65,535 columns is read as the 3 it holds",
        office.xls("2024.xls", office.biff(dimensions=(0xFFFFFFFF, 0xFFFF))),
        ("validate", "{dir}/2024.xls", *SPEC, "--format", "json"),
        0,
    ),
    Case(
        "xls-cell-IV65536",
        "one .xls cell at IV65536 is over the cell limit, not a 16-million-cell grid",
        office.xls("2024.xls", office.biff(cells_extra=office.number(65535, 255, 1.0))),
        ("validate", "{dir}/2024.xls", *SPEC, "--format", "json"),
        2,
        codes=("unreadable-file",),
    ),
    Case(
        "xls-encrypted",
        "an .xls with a password (a FILEPASS record) is said to be encrypted",
        office.xls("2024.xls", office.biff(globals_extra=office.record(0x002F, b"\0\0\x34\x12\x78\x56"))),
        ("validate", "{dir}/2024.xls", *SPEC, "--format", "json", "--lang", "en"),
        2,
        codes=("unreadable-file",),
        says=("password",),
    ),
    Case(
        "xlsx-encrypted",
        "an .xlsx with a password (an OLE file holding an EncryptedPackage) is said to be encrypted",
        office.encrypted_xlsx,
        ("validate", "{dir}/2024.xlsx", *SPEC, "--format", "json", "--lang", "en"),
        2,
        codes=("unreadable-file",),
        says=("password",),
    ),
    Case(
        "ods-zip-bomb",
        "a small .ods whose content.xml unpacks to 300 MB is refused before it is unpacked",
        office.ods_zip_bomb,
        ("validate", "{dir}/2024.ods", *SPEC, "--format", "json"),
        2,
        codes=("unreadable-file",),
        runtime=True,
    ),
    Case(
        "ods-million-row-repeat",
        "an .ods row of values repeated 1,000,000 times is refused before it is expanded",
        raw(
            "2024.ods",
            zip_parts(office.ods_parts(office.ods_content(office.ods_rows(repeat_last=1_000_000)))),
        ),
        ("validate", "{dir}/2024.ods", *SPEC, "--format", "json"),
        2,
        codes=("unreadable-file",),
    ),
    Case(
        "ods-trailing-repeats",
        "LibreOffice's trailing repeats of empty cells (to column 1,048,576) and empty rows cost nothing",
        raw("2024.ods", zip_parts(office.ods_parts(office.ods_content(office.ods_rows(trailing=True))))),
        ("validate", "{dir}/2024.ods", *SPEC, "--format", "json"),
        0,
    ),
    Case(
        "docx-billion-laughs",
        "a Word document declaring nested entities (10^9 'lol's) is refused, no entity expanded",
        raw("2024.docx", zip_parts(office.docx_parts(office.docx_billion_laughs()))),
        ("validate", "{dir}/2024.docx", *SPEC, "--format", "json"),
        2,
        codes=("unreadable-file",),
    ),
    # (end of office formats)
]

# What a wrong outcome of each case would have been, as the issue counts them; the rest would be a crash
# (exit 4) or a hang, as would any case of this corpus's own.
KINDS = {
    # round 2 (#23): each part adds its cases' names to these tuples under its own comment
    "unsafe": (
        "csv-300000-columns",
        "input-character-device",
        "units-formula-names",
        "targets-formula-texts",
        "value-formula",
        "output-device",
        "output-dev-stdout",
        "output-dev-stdout-to-a-file",
        "output-directory",
        "output-fifo",
        "output-input-file",
        "output-symlink",
        "output-long-name",
        "github-cr-in-quoted-cell",
        "github-file-name-comma-colon",
        # round 2 (#23): output, options and the CLI
        "output-previous-input",
        "output-units-input",
        "output-spec-input",
        "output-spec-show-input",
        "output-previous-through-dotdot",
        "output-trailing-slash",
        "output-read-only",
        "csv-cr-formula-targets",
        "csv-cr-formula-validate",
        # round 2 (#23): YAML, specs, analysis and dates
        "robust-draws-million",
        # round 3 (#27): .xls, .ods and Word tables
    ),
    "wrong": (
        "year-zero",  # round 2 (#23): output, options and the CLI
        "xlsx-hidden-first-sheet",
        "csv-unclosed-quote",
        "xlsx-named-csv",
        "name-column-mismatch",
        "number-1e400",
        "number-400-nines",
        "number-12-15",
        "spec-max-points-inf",
        "units-duplicate-code",
        "units-duplicate-name",
        "csv-value-under-blank-header",
        "xlsx-value-beyond-header",
        "targets-result-1e400",
        "targets-result-negative",
        "mixed-encodings",
        # round 2 (#23): YAML, specs, analysis and dates
        "spec-max-points-twice",
        "owners-component-twice",
        "spec-max-points-1e308",
        "spec-total-zero",
        # round 2 (#23): answers as written
        "count-95-percent",
        "count-fraction",
        "yes-no-negated",
        # round 3 (#27): .xls, .ods and Word tables
        "xls-dimensions-4-billion-rows",  # read as what it declares: millions of empty rows, or refused
    ),
}
CASES = [
    replace(case, kind=next((k for k, names in KINDS.items() if case.name in names), "crash"))
    for case in _CASES
]
BY_NAME = {case.name: case for case in CASES}


def build(case: Case, directory: Path) -> Path:
    """Build the case's inputs in `directory` (created); return it."""
    directory.mkdir(parents=True, exist_ok=True)
    case.build(directory)
    return directory


def args(case: Case, directory: Path) -> list[str]:
    return [a.replace("{dir}", str(directory)) for a in case.args]


def main() -> None:
    """Write the small cases' inputs to tests/hostile/corpus/NAME/."""
    import shutil

    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    for case in CASES:
        if not case.runtime:
            build(case, CORPUS / case.name)
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    print(f"{CORPUS}: {sum(not c.runtime for c in CASES)} cases, {total:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
