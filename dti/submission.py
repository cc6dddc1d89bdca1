"""Read submitted CSV/XLSX files into one tidy frame that remembers where every value came from."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from dti.numbers import fold, map_unique, nfc, parse_tokens
from dti.report import Issue, IssueCode, Severity
from dti.spec import Spec

DATA_DIR = Path(__file__).parent / "data"
PROVINCES = DATA_DIR / "provinces_2024.csv"

Layout = Literal["long", "wide"]

# Header names we understand, folded; Vietnamese headers are accepted too.
ALIASES = {
    "unit": "unit",
    "đơn vị": "unit",
    "code": "unit",
    "mã": "unit",
    "ma": "unit",
    "indicator": "indicator",
    "chỉ số": "indicator",
    "chỉ tiêu": "indicator",
    "value": "value",
    "giá trị": "value",
    "stage": "stage",
    "giai đoạn": "stage",
    "note": "note",
    "ghi chú": "note",
    "year": "year",
    "năm": "year",
    "name": "name",
    "tên": "name",
    "tên đơn vị": "name",
    "region": "region",
    "vùng": "region",
}
META = frozenset({"unit", "name", "year", "stage", "note", "region"})
STAGES = {
    "": "",
    "self": "self",
    "tự đánh giá": "self",
    "tu danh gia": "self",
    "tự chấm": "self",
    "verified": "verified",
    "thẩm định": "verified",
    "tham dinh": "verified",
}
RANK_COLUMN = re.compile(r"^rank(?:_(.+))?$", re.IGNORECASE)
NAME_PREFIXES = re.compile(r"^(tp\.?|thành phố|tỉnh|t\.)\s*", re.IGNORECASE)

FRAME_COLUMNS = [
    "unit",
    "unit_raw",
    "name",
    "indicator",
    "stage",
    "raw",
    "value",
    "percent",
    "status",
    "file",
    "sheet",
    "row",
    "column",
    "col",  # 0-based column index: cell references are made only for the rows an issue names
    "unit_col",
]


class InputError(Exception):
    """An input that cannot be read at all (not a file, unreadable register...)."""


@dataclass
class UnitRegister:
    """The units a file may name: code → name and region, with names matched after NFC folding."""

    names: dict[str, str]
    regions: dict[str, str]
    strict: bool = True  # False: any identifier is accepted (local indices without a register)

    @classmethod
    def read(cls, path: Path) -> UnitRegister:
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
            raise InputError(f"{path}: cannot read the unit register: {exc}") from None
        frame.columns = [ALIASES.get(fold(c), fold(c)) for c in frame.columns]
        if "unit" not in frame or "name" not in frame:
            raise InputError(f"{path}: a unit register needs the columns code,name[,region]")
        codes = frame["unit"].map(nfc)
        regions = frame["region"].map(nfc) if "region" in frame else pd.Series("", index=frame.index)
        return cls(
            dict(zip(codes, frame["name"].map(nfc), strict=True)), dict(zip(codes, regions, strict=True))
        )

    @classmethod
    def provinces(cls) -> UnitRegister:
        return cls.read(PROVINCES)

    @classmethod
    def free(cls) -> UnitRegister:
        return cls({}, {}, strict=False)

    def _by_name(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for code, name in self.names.items():
            out[fold(name)] = code
            out[NAME_PREFIXES.sub("", fold(name))] = code
        return out

    def resolve(self, tokens: pd.Series) -> pd.DataFrame:
        """Resolve unit tokens to codes: columns code (NaN if unknown) and repaired (leading zero lost)."""
        positions, uniques = pd.factorize(tokens, sort=False)
        found: list[tuple[str | None, bool]]
        if not self.strict:
            found = [(str(u), False) for u in uniques]
        else:
            by_name = self._by_name()
            width = max((len(c) for c in self.names), default=0)
            found = [self._resolve_one(str(u), by_name, width) for u in uniques]
        codes = pd.Categorical([c for c, _ in found]).take(positions, allow_fill=True)
        repaired = np.array([r for _, r in found] + [False], dtype=bool)
        return pd.DataFrame({"code": codes, "repaired": repaired[positions]}, index=tokens.index)

    def _resolve_one(self, token: str, by_name: dict[str, str], width: int) -> tuple[str | None, bool]:
        if token in self.names:
            return token, False
        if token.isdigit() and token.zfill(width) in self.names:
            return token.zfill(width), True
        key = fold(token)
        return by_name.get(key) or by_name.get(NAME_PREFIXES.sub("", key)), False


@dataclass
class Submission:
    """One or more submitted files as a tidy frame (columns FRAME_COLUMNS) plus what reading found."""

    frame: pd.DataFrame
    issues: list[Issue] = field(default_factory=list)
    year: int | None = None
    published_ranks: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["unit", "indicator", "rank"])
    )
    register_names: dict[str, str] = field(default_factory=dict)

    def gives_leaves(self, spec: Spec) -> bool:
        leaf = pd.Series(spec.graph.is_leaf, index=list(spec.graph.codes))
        return bool(self.frame["indicator"].astype(object).map(leaf).eq(True).any())

    def is_results_table(self, spec: Spec) -> bool:
        """A results table gives no component, and some node beside one of its descendants."""
        graph = spec.graph
        given = self.frame[self.frame["indicator"].isin(graph.index) & self.frame["unit"].notna()]
        if given.empty or self.gives_leaves(spec):
            return False
        by_unit = given.groupby("unit", observed=True)["indicator"].agg(lambda s: set(s.astype(object)))
        return any(any(set(graph.descendants(c)) & codes for c in codes) for codes in by_unit)

    def drop_missing_inner(self, spec: Spec) -> None:
        """In a results table an empty value is unknown, not zero: drop it so nothing is invented."""
        is_leaf = pd.Series(spec.graph.is_leaf, index=list(spec.graph.codes))
        inner = self.frame["indicator"].astype(object).map(is_leaf).eq(False)
        self.frame = self.frame[~(inner & self.frame["status"].eq("missing"))]

    @property
    def names(self) -> dict[str, str]:
        """Unit names: the register's, overridden by a name column in the file."""
        named = self.frame[self.frame["name"].ne("") & self.frame["unit"].notna()]
        pairs = named[["unit", "name"]].drop_duplicates("unit").astype(object)
        return {**self.register_names, **dict(zip(pairs["unit"], pairs["name"], strict=True))}


# --- reading a file into a grid of cell texts --------------------------------------------------------


@dataclass
class Grid:
    path: Path
    header: list[str]
    cells: pd.DataFrame  # str cells, columns 0..n-1
    rows: np.ndarray  # spreadsheet row number of each cells row
    native: pd.DataFrame | None  # Excel numbers (NaN where the cell was not a number)
    percent_cells: pd.DataFrame | None  # Excel cells formatted as percent
    sheet: str | None

    @property
    def year(self) -> int | None:
        """The data year: a year column's first number, else a 20xx in the file name."""
        for i, raw in enumerate(self.header):
            if ALIASES.get(fold(raw)) == "year" and i in self.cells:
                years = pd.to_numeric(self.cells[i], errors="coerce").dropna().unique()
                if len(years):
                    return int(years[0])
        match = re.search(r"(?<!\d)(20\d{2})(?!\d)", self.path.stem)
        return int(match.group(1)) if match else None


def cell_ref(col: int, row: int) -> str:
    return f"{col_letter(col)}{row}"


def col_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _decode(data: bytes, name: str, issues: list[Issue]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        issues.append(
            Issue(
                IssueCode.ENCODING_FALLBACK,
                Severity.WARNING,
                f"not UTF-8 (byte {exc.start}): read as Windows-1258; check the Vietnamese text, "
                "or save the file as 'CSV UTF-8'",
                file=name,
            )
        )
        return data.decode("cp1258", errors="replace")


def _read_csv(path: Path, data: bytes, name: str, issues: list[Issue]) -> Grid:
    text = unicodedata.normalize("NFC", _decode(data, name, issues))
    # The header names no numbers, so the separator it uses most is the file's (Excel writes ';' in
    # locales whose decimal separator is a comma).
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(f"not a readable CSV file: {exc}") from None
    if not records:
        return Grid(path, [], pd.DataFrame(), np.array([], dtype=int), None, None, None)
    header = [nfc(h) for h in records[0]]
    body = records[1:]
    width = max([len(header), *map(len, body)]) if body else len(header)
    cells = pd.DataFrame([r + [""] * (width - len(r)) for r in body], columns=range(width), dtype=object)
    if cells.empty:
        cells = pd.DataFrame(columns=range(width), dtype=object)
    lengths = np.fromiter(map(len, body), dtype=int, count=len(body))
    _ragged(cells, lengths, len(header), name, None, issues)
    return Grid(path, header, cells, np.arange(2, len(body) + 2), None, None, None)


def _ragged(
    cells: pd.DataFrame, lengths: np.ndarray, width: int, name: str, sheet: str | None, issues: list[Issue]
) -> None:
    """Flag rows with fewer cells than the header, or with values beyond its last column."""
    extra = cells.iloc[:, width:].ne("").any(axis=1).to_numpy() if cells.shape[1] > width else False
    nonblank = cells.ne("").any(axis=1).to_numpy()
    short = (lengths < width) & (lengths > 0) & nonblank
    for i in np.flatnonzero(extra):
        issues.append(
            Issue(
                IssueCode.RAGGED_ROW,
                Severity.ERROR,
                f"row has {lengths[i]} cells but the header has {width}: a separator is extra, or a value "
                "contains the separator and needs quotes",
                file=name,
                sheet=sheet,
                row=int(i) + 2,
            )
        )
    for i in np.flatnonzero(short & ~extra):
        issues.append(
            Issue(
                IssueCode.RAGGED_ROW,
                Severity.WARNING,
                f"row has {lengths[i]} cells but the header has {width}: the missing cells are read as empty",
                file=name,
                sheet=sheet,
                row=int(i) + 2,
            )
        )


def _read_xlsx(path: Path, name: str, sheet: str | None) -> Grid:
    import openpyxl  # heavy: imported only when an Excel file is read

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a corrupt file
        raise InputError(f"not a readable Excel file: {type(exc).__name__}: {exc}") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InputError(f"no sheet '{sheet}' (sheets: {', '.join(book.sheetnames)})")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        texts: list[list[str]] = []
        numbers: list[list[float]] = []
        pct: list[list[bool]] = []
        for row in ws.iter_rows():
            t, n, p = [], [], []
            for cell in row:
                v = cell.value
                if isinstance(v, bool):
                    t.append("1" if v else "0")
                    n.append(float(v))
                    p.append(False)
                elif isinstance(v, int | float):
                    t.append(str(int(v)) if float(v).is_integer() else repr(v))
                    n.append(float(v))
                    p.append("%" in str(cell.number_format or ""))
                else:
                    t.append("" if v is None else nfc(str(v)))
                    n.append(np.nan)
                    p.append(False)
            texts.append(t)
            numbers.append(n)
            pct.append(p)
        title = ws.title
    finally:
        book.close()
    while texts and not any(texts[-1]):
        texts.pop()
        numbers.pop()
        pct.pop()
    if not texts:
        return Grid(path, [], pd.DataFrame(), np.array([], dtype=int), None, None, title)
    header = list(texts[0])
    while header and header[-1] == "":
        header.pop()
    width = max(len(r) for r in texts)
    pad = lambda rows, fill: [r + [fill] * (width - len(r)) for r in rows[1:]]  # noqa: E731
    cells = pd.DataFrame(pad(texts, ""), columns=range(width), dtype=object)
    native = pd.DataFrame(pad(numbers, np.nan), columns=range(width), dtype=float)
    percent = pd.DataFrame(pad(pct, False), columns=range(width), dtype=bool)
    return Grid(path, header, cells, np.arange(2, len(texts) + 1), native, percent, title)


def read_grid(path: Path, sheet: str | None, issues: list[Issue]) -> Grid | None:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".txt", ".tsv", ".xlsx", ".xlsm"}:
        issues.append(
            Issue(
                IssueCode.UNSUPPORTED_FORMAT,
                Severity.ERROR,
                f"'{suffix or path.name}' files are not supported: save it as .csv (UTF-8) or .xlsx",
                file=name,
            )
        )
        return None
    try:
        if suffix in {".xlsx", ".xlsm"}:
            return _read_xlsx(path, name, sheet)
        return _read_csv(path, path.read_bytes(), name, issues)
    except (OSError, InputError) as exc:
        issues.append(
            Issue(IssueCode.UNREADABLE_FILE, Severity.ERROR, f"cannot read the file: {exc}", file=name)
        )
        return None


# --- from grid to tidy frame -------------------------------------------------------------------------


def _columns(grid: Grid, name: str, issues: list[Issue]) -> dict[str, int]:
    """Map each understood header (canonical name or node code) to its column index."""
    found: dict[str, int] = {}
    for i, raw in enumerate(grid.header):
        if not raw:
            continue
        key = ALIASES.get(fold(raw), raw)
        if key in found:
            issues.append(
                Issue(
                    IssueCode.DUPLICATE_HEADER,
                    Severity.ERROR,
                    f"column '{raw}' appears twice (first in column {col_letter(found[key])}): "
                    "rename or delete one; this column is ignored",
                    file=name,
                    sheet=grid.sheet,
                    row=1,
                    column=raw,
                    cell=f"{col_letter(i)}1",
                )
            )
            continue
        found[key] = i
    return found


def _detect_layout(columns: dict[str, int]) -> Layout:
    return "long" if "indicator" in columns or "value" in columns else "wide"


def _year_from(columns: dict[str, int], grid: Grid, path: Path) -> int | None:
    if "year" in columns:
        years = pd.to_numeric(grid.cells[columns["year"]], errors="coerce").dropna().unique()
        if len(years):
            return int(years[0])
    match = re.search(r"(?<!\d)(20\d{2})(?!\d)", path.stem)
    return int(match.group(1)) if match else None


def _tidy(
    grid: Grid, path: Path, layout: Layout | None, spec_codes: set[str], issues: list[Issue]
) -> tuple[pd.DataFrame, pd.DataFrame, int | None]:
    name = str(path)
    columns = _columns(grid, name, issues)
    chosen = layout or _detect_layout(columns)
    required = ["unit", "indicator", "value"] if chosen == "long" else ["unit"]
    absent = [c for c in required if c not in columns]
    if absent:
        issues.append(
            Issue(
                IssueCode.MISSING_COLUMN,
                Severity.ERROR,
                f"no '{', '.join(absent)}' column in the {chosen} layout (header: {', '.join(grid.header)}); "
                "a long file has unit,indicator,value[,stage]; a wide file has unit then one column per code",
                file=name,
                sheet=grid.sheet,
                row=1,
            )
        )
        return _empty(), _empty_ranks(), None
    cells = grid.cells
    blank = ~cells.ne("").any(axis=1).to_numpy()
    for i in np.flatnonzero(blank):
        issues.append(
            Issue(
                IssueCode.BLANK_ROW,
                Severity.WARNING,
                "blank row: skipped",
                file=name,
                sheet=grid.sheet,
                row=int(grid.rows[i]),
            )
        )
    keep = ~blank
    rows = grid.rows[keep]
    cells = cells[keep].reset_index(drop=True)
    native = grid.native[keep].reset_index(drop=True) if grid.native is not None else None
    percent_cells = (
        grid.percent_cells[keep].reset_index(drop=True) if grid.percent_cells is not None else None
    )

    def meta(key: str) -> pd.Series:
        if key not in columns:
            return pd.Series("", index=cells.index)
        return cells[columns[key]].astype(str).str.strip()  # the text is NFC already

    rank_columns = {k: v for k, v in columns.items() if RANK_COLUMN.match(k)}
    if chosen == "long":
        value_col = pd.Series(columns["value"], index=cells.index)
        indicators = meta("indicator")
        long = pd.DataFrame(
            {
                "unit_raw": meta("unit"),
                "name": meta("name"),
                "indicator": indicators,
                "stage": meta("stage"),
                "src": np.arange(len(cells)),
                "col": value_col,
            }
        )
    else:
        code_cols = {k: v for k, v in columns.items() if k not in META and k not in rank_columns}
        for code, position in code_cols.items():
            if code not in spec_codes:
                issues.append(
                    Issue(
                        IssueCode.UNKNOWN_INDICATOR,
                        Severity.ERROR,
                        f"column '{code}' is not a code of the spec: rename it to a node code "
                        "(see `dti spec show`) or delete it",
                        file=name,
                        sheet=grid.sheet,
                        row=1,
                        column=code,
                        cell=f"{col_letter(position)}1",
                        indicator=code,
                    )
                )
        code_cols = {k: v for k, v in code_cols.items() if k in spec_codes}
        n, k = len(cells), len(code_cols)

        def tiled(values: pd.Series) -> pd.Categorical:
            # Per-row texts repeated once per code column: categorical keeps one copy of each.
            codes, uniques = pd.factorize(values, sort=False)
            return pd.Categorical.from_codes(np.tile(codes, k), categories=pd.Index(uniques, dtype=object))

        long = pd.DataFrame(
            {
                "unit_raw": tiled(meta("unit")),
                "name": tiled(meta("name")),
                "indicator": pd.Categorical.from_codes(
                    np.repeat(np.arange(k), n), categories=list(code_cols)
                ),
                "stage": tiled(meta("stage")),
                "src": np.tile(np.arange(n), k),
                "col": np.repeat(list(code_cols.values()), n),
            }
        )
    src, col = long["src"].to_numpy(), long["col"].to_numpy().astype(int)
    grid_values = cells.to_numpy(dtype=object)
    raw_codes, raw_uniques = pd.factorize(grid_values[src, col] if len(long) else np.array([], dtype=object))
    long["raw"] = pd.Categorical.from_codes(raw_codes, categories=pd.Index(raw_uniques, dtype=object))
    long["row"] = rows[src] if len(long) else []
    header = np.array(grid.header + [""] * (cells.shape[1] - len(grid.header)), dtype=object)
    long["column"] = pd.Categorical(header[col]) if len(long) else []
    long["unit_col"] = columns["unit"]
    long["file"] = pd.Categorical.from_codes(np.zeros(len(long), dtype=int), categories=[name])
    long["sheet"] = grid.sheet
    parsed, style = parse_tokens(long["raw"])
    long["value"] = parsed["value"]
    long["percent"] = parsed["percent"].astype(bool)
    long["status"] = parsed["status"]
    if native is not None and len(long):
        excel_number = native.to_numpy()[src, col]
        is_number = ~np.isnan(excel_number)
        excel_pct = percent_cells.to_numpy()[src, col] & is_number  # type: ignore[union-attr]
        long.loc[is_number, "value"] = np.where(excel_pct, excel_number * 100, excel_number)[is_number]
        long.loc[is_number, "percent"] = excel_pct[is_number]
        long.loc[is_number, "status"] = "number"
    long.attrs["decimal_style"] = style
    ranks = _ranks(cells, rows, columns, rank_columns, meta("unit"), name, grid.sheet, issues)
    return long.drop(columns=["src"]), ranks, _year_from(columns, grid, path)


def _ranks(
    cells: pd.DataFrame,
    rows: np.ndarray,
    columns: dict[str, int],
    rank_columns: dict[str, int],
    units: pd.Series,
    name: str,
    sheet: str | None,
    issues: list[Issue],
) -> pd.DataFrame:
    """Collect published ranks from `rank` (the total) and `rank_<CODE>` columns."""
    frames = []
    for key, i in rank_columns.items():
        code = RANK_COLUMN.match(key).group(1) or ""  # type: ignore[union-attr]
        raw = cells[i].astype(str).str.strip()
        rank = pd.to_numeric(raw, errors="coerce")
        bad = raw.ne("") & (rank.isna() | (rank < 1) | (rank % 1 != 0))
        for j in np.flatnonzero(bad.to_numpy()):
            issues.append(
                Issue(
                    IssueCode.NON_NUMERIC,
                    Severity.ERROR,
                    f"rank '{raw.iloc[j]}' is not a whole number ≥ 1",
                    file=name,
                    sheet=sheet,
                    row=int(rows[j]),
                    column=key,
                    cell=f"{col_letter(i)}{rows[j]}",
                    value=raw.iloc[j],
                )
            )
        ok = rank.notna() & ~bad
        frames.append(pd.DataFrame({"unit_raw": units[ok], "indicator": code, "rank": rank[ok].astype(int)}))
    if not frames:
        return _empty_ranks()
    return pd.concat(frames, ignore_index=True)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in FRAME_COLUMNS})


def _empty_ranks() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit_raw": pd.Series(dtype=object),
            "indicator": pd.Series(dtype=object),
            "rank": pd.Series(dtype=int),
        }
    )


def read_grids(paths: list[Path], sheet: str | None = None) -> tuple[list[Grid], list[Issue]]:
    """Read each file once into a grid of cell texts; unreadable and empty files become issues."""
    issues: list[Issue] = []
    grids = []
    for path in paths:
        grid = read_grid(path, sheet, issues)
        if grid is None:
            continue
        if not grid.header:
            issues.append(
                Issue(
                    IssueCode.NO_DATA,
                    Severity.ERROR,
                    "the file is empty: no header, no rows",
                    file=str(path),
                    sheet=grid.sheet,
                )
            )
            continue
        grids.append(grid)
    return grids, issues


def submission_from_grids(
    grids: list[Grid],
    issues: list[Issue],
    spec: Spec,
    register: UnitRegister,
    *,
    layout: Layout | None = None,
    year: int | None = None,
) -> Submission:
    """Turn read grids into a Submission over the spec's nodes; problems become issues."""
    issues = list(issues)
    spec_codes = set(spec.graph.codes)
    frames, rank_frames, years = [], [], []
    for grid in grids:
        frame, ranks, file_year = _tidy(grid, grid.path, layout, spec_codes, issues)
        frames.append(frame)
        rank_frames.append(ranks)
        years.append(file_year)
    frame = pd.concat(frames, ignore_index=True) if frames else _empty()
    frame = _resolve_units(frame, register, issues)
    ranks = pd.concat(rank_frames, ignore_index=True) if rank_frames else _empty_ranks()
    if len(ranks):
        codes = register.resolve(ranks["unit_raw"])["code"].astype(object)
        ranks["unit"] = codes.where(codes.notna(), ranks["unit_raw"])
    found_years = [y for y in years if y is not None]
    return Submission(
        frame,
        issues,
        year if year is not None else (found_years[0] if found_years else None),
        ranks,
        register_names=register.names,
    )


def read_submission(
    paths: list[Path] | Path,
    spec: Spec,
    register: UnitRegister,
    *,
    layout: Layout | None = None,
    sheet: str | None = None,
    year: int | None = None,
) -> Submission:
    """Read files into one Submission. Problems with the files become issues; nothing is raised."""
    grids, issues = read_grids([paths] if isinstance(paths, Path) else paths, sheet)
    return submission_from_grids(grids, issues, spec, register, layout=layout, year=year)


def _resolve_units(frame: pd.DataFrame, register: UnitRegister, issues: list[Issue]) -> pd.DataFrame:
    if frame.empty:
        frame["unit"] = pd.Series(dtype=object)
        return frame[FRAME_COLUMNS]
    resolved = register.resolve(frame["unit_raw"])
    frame["unit"] = resolved["code"]  # NaN where unknown: reported below, never scored
    known = resolved["code"].notna()
    frame["stage"] = map_unique(frame["stage"], lambda s: STAGES.get(fold(s), f"?{s}"))
    first = ~frame.duplicated(["file", "row"])
    for rec in (
        frame[first & ~known & frame["unit_raw"].ne("")].drop_duplicates(["file", "unit_raw"]).itertuples()
    ):
        issues.append(
            Issue(
                IssueCode.UNKNOWN_UNIT,
                Severity.ERROR,
                f"unit '{rec.unit_raw}' is not in the unit register: use its code or exact name "
                "(or pass --units FILE with your own register)",
                file=rec.file,
                sheet=rec.sheet,
                row=rec.row,
                column="unit",
                cell=cell_ref(rec.unit_col, rec.row),
                value=rec.unit_raw,
            )
        )
    for rec in frame[first & frame["unit_raw"].eq("")].itertuples():
        issues.append(
            Issue(
                IssueCode.UNKNOWN_UNIT,
                Severity.ERROR,
                "the unit cell is empty: fill in the unit code",
                file=rec.file,
                sheet=rec.sheet,
                row=rec.row,
                column="unit",
                cell=cell_ref(rec.unit_col, rec.row),
            )
        )
    repaired = frame[first & resolved["repaired"].astype(bool)].drop_duplicates(["file", "unit_raw"])
    for rec in repaired.itertuples():
        issues.append(
            Issue(
                IssueCode.LEADING_ZERO_LOST,
                Severity.WARNING,
                f"unit '{rec.unit_raw}' read as '{rec.unit}': the spreadsheet dropped its leading zero "
                "(format the column as text)",
                file=rec.file,
                sheet=rec.sheet,
                row=rec.row,
                column="unit",
                cell=cell_ref(rec.unit_col, rec.row),
                unit=rec.unit,
                value=rec.unit_raw,
            )
        )
    bad_stage = frame["stage"].str.startswith("?")
    for rec in frame[bad_stage].itertuples():
        issues.append(
            Issue(
                IssueCode.UNKNOWN_STAGE,
                Severity.ERROR,
                f"stage '{rec.stage[1:]}' is unknown: use 'self' (tự đánh giá) or 'verified' (thẩm định)",
                file=rec.file,
                sheet=rec.sheet,
                row=rec.row,
                column="stage",
                unit=rec.unit,
                value=rec.stage[1:],
            )
        )
    return frame[FRAME_COLUMNS]
