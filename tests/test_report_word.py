"""`dti report -o bao_cao.docx|.pdf`: the Word draft in the Decree 30 layout, opened as Word opens it
(python-docx), its figures against the HTML report's, and its PDF (LibreOffice)."""

from __future__ import annotations

import html as htmllib
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from docx import Document as OpenDocx
from docx.shared import Mm
from typer.testing import CliRunner

from dti.cli import app

DATA = Path(__file__).resolve().parents[1] / "sample_data"
SIDES = [
    "--previous",
    str(DATA / "2023.csv"),
    "--targets",
    str(DATA / "targets_2025.csv"),
    "--owners",
    str(DATA / "owners.csv"),
    "--received",
    str(DATA / "received_2026.csv"),
    "--tasks",
    str(DATA / "tasks_2026.csv"),
    "--today",
    "06/12/2026",
    "--draws",
    "200",
]


def report(out: Path, *more: str) -> Any:
    result = CliRunner().invoke(
        app, ["report", str(DATA / "2024.csv"), "--unit", "48", *SIDES, *more, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return result


@cache
def made(folder: str, lang: str = "vi") -> tuple[Any, str]:
    """The draft and the HTML report of Đà Nẵng 2024 with every side file (made once per language)."""
    base = Path(folder)
    report(base / f"bao_cao_{lang}.docx", "--lang", lang)
    report(base / f"report_{lang}.html", "--lang", lang)
    page = (base / f"report_{lang}.html").read_text(encoding="utf-8")
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", " ", page, flags=re.S)))
    return OpenDocx(str(base / f"bao_cao_{lang}.docx")), re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("word"))


def body(document: Any) -> list[str]:
    """The paragraphs before the first appendix (the sentences and their section titles)."""
    lines = [p.text for p in document.paragraphs]
    end = next(i for i, t in enumerate(lines) if t.startswith(("Phụ lục", "Appendix")))
    return lines[:end]


def ending_at(document: Any) -> int:
    """Where the recipients and signature block is among the tables."""
    return next(
        i
        for i, t in enumerate(document.tables)
        if t.rows[0].cells[0].text.startswith(("Nơi nhận", "Recipients"))
    )


def ending(document: Any) -> Any:
    return document.tables[ending_at(document)]


def tables(document: Any) -> list[Any]:
    """The appendices' tables: after the recipients and signature block."""
    return document.tables[ending_at(document) + 1 :]


def texts(table: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_page_and_fonts_follow_decree_30(folder: str) -> None:
    document, _ = made(folder)
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    near = Mm(0.1)  # Word stores margins in twentieths of a point: 15 mm reads back as 14.99 mm

    def within(value: int, low: float, high: float) -> bool:
        return Mm(low) - near <= value <= Mm(high) + near

    assert within(section.top_margin, 20, 25) and within(section.bottom_margin, 20, 25)
    assert within(section.left_margin, 30, 35) and within(section.right_margin, 15, 20)
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    fonts = {r.font.name for p in document.paragraphs for r in p.runs if r.text.strip()}
    assert fonts == {"Times New Roman"}
    # the page number centred in the top margin, none on the first page
    header = section.header._element.xml
    assert "PAGE" in "".join(re.findall(r"<w:instrText[^>]*>([^<]*)<", header))
    assert section.different_first_page_header_footer
    assert "PAGE" not in section.first_page_header._element.xml


def test_header_block_title_and_ending(folder: str) -> None:
    document, _ = made(folder)
    head = [c.text for row in document.tables[0].rows for c in row.cells]
    assert head[0].splitlines()[:2] == ["BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "ĐÀ NẴNG"]
    assert head[1].splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert head[2] == "Số: ……/BC-……"
    assert head[3] == "……, ngày …… tháng …… năm ……"
    lines = [p.text for p in document.paragraphs]
    at = lines.index("BÁO CÁO")
    assert lines[at + 1] == "Kết quả Chỉ số chuyển đổi số năm 2024 của Đà Nẵng"
    ending_cells = [c.text for c in ending(document).rows[0].cells]
    assert ending_cells[0].startswith("Nơi nhận:") and "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ" in ending_cells[1]
    # the block stays on one page (a new user found the signer's name alone on the next)
    assert ending(document).rows[0]._tr.trPr.xpath("./w:cantSplit")
    # a sentence right before a table's title stays on the table's page (the robustness section's
    # captions were left at the foot of the page before it): the title is kept with its table
    paragraphs = document.paragraphs
    titles = [i for i, p in enumerate(paragraphs) if p.text.startswith("Độ vững")]
    assert titles and all(paragraphs[i].paragraph_format.keep_with_next for i in titles)
    before = [
        paragraphs[i - 1] for i in titles if paragraphs[i - 1].text and not paragraphs[i - 1].runs[0].bold
    ]
    assert before and all(p.paragraph_format.keep_with_next for p in before)


def test_number_place_and_date_fill_the_header(tmp_path: Path) -> None:
    out = tmp_path / "bao_cao.docx"
    report(out, "--draws", "0", "--number", "04/BC-BCĐ", "--place", "Đà Nẵng", "--date", "7/8/2024")
    document = OpenDocx(str(out))
    head = [c.text for row in document.tables[0].rows for c in row.cells]
    assert head[2] == "Số: 04/BC-BCĐ"
    assert head[3] == "Đà Nẵng, ngày 07 tháng 8 năm 2024"  # as the seeds write it: month 8 without a zero
    lines = [p.text for p in document.paragraphs]
    assert "(Kèm theo Báo cáo số 04/BC-BCĐ ngày 7/8/2024 của Ban Chỉ đạo chuyển đổi số Đà Nẵng)" in lines
    report(out, "--draws", "0", "--date", "5/2/2025", "--issuer", "UBND THÀNH PHỐ")
    head = [c.text for row in OpenDocx(str(out)).tables[0].rows for c in row.cells]
    assert head[3] == "……, ngày 05 tháng 02 năm 2025"  # months 1 and 2 with a zero
    assert head[0].splitlines()[:2] == ["UBND THÀNH PHỐ", "ĐÀ NẴNG"]


def test_recipients_without_an_addressee_are_left_blank(folder: str) -> None:
    document, _ = made(folder)
    recipients = ending(document).rows[0].cells[0].text.splitlines()
    assert recipients == ["Nơi nhận:", "- ……;", "- ……;", "- Lưu: VT, ……."]  # no "Như trên": nobody above


def test_sections_carry_the_figures(folder: str) -> None:
    document, _ = made(folder)
    lines = body(document)
    titles = [t for t in lines if re.match(r"^[IVX]+\. ", t)]
    assert titles == [
        "I. KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ",
        "II. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU",
        "III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        "IV. ĐIỂM BỊ MẤT THEO ĐƠN VỊ CHỦ TRÌ",
        "V. TÌNH HÌNH GỬI SỐ LIỆU BÁO CÁO",
        "VI. CHẤT LƯỢNG DỮ LIỆU",
    ]
    text = "\n".join(lines)
    # the targets file by hand: 20 targets; Sở Nội vụ has 9 (87,44 % of 85 %: met), 10 (6,5 days for
    # at most 5: not met) and 19 (1.850 of at least 2.000: not met); Công an tỉnh 15 (31,2 % of 40 %: not
    # met), 16 (82,3 % of 80 %) and 20 (3,1 % under 5 %)
    assert (
        "- Sở Nội vụ: 1/3 chỉ tiêu đạt và vượt kế hoạch; 2/3 chưa đạt; 0/3 chưa có số liệu đánh giá." in text
    )
    assert "- Công an tỉnh: 2/3 chỉ tiêu đạt và vượt kế hoạch; 1/3 chưa đạt; 0/3 chưa có số liệu" in text
    assert "- Hạ tầng số: 3/4 chỉ tiêu đạt và vượt kế hoạch; 1/4 chưa đạt;" in text  # 2: 98,2 % of 100 %
    # the groups in the list's order (targets 1-4, 5-10, 11-14, 15-18, 19-20), not alphabetically
    groups = [t.split(":")[0] for t in lines[lines.index("Theo nhóm mục tiêu:") + 1 :][:5]]
    assert groups == ["- Hạ tầng số", "- Chính quyền số", "- Kinh tế số", "- Xã hội số", "- Nhân lực số"]
    # points lost and points at stake for missing data apart, each a share of its own total: Sở GD&ĐT
    # loses 18,1 of the 685,49 points lost on reported data (2,64 %) and the 8 points at stake, all of them
    assert (
        "- Sở Giáo dục và Đào tạo: mất 18,1 điểm trên số liệu đã báo cáo (2,64 % tổng số điểm bị mất); "
        "8 điểm do thiếu số liệu (100 % tổng số điểm do thiếu số liệu)." in text
    )
    assert "3,76" not in text
    assert (
        "Đà Nẵng mất 685,49/1.000 điểm trên số liệu đã báo cáo" in text
    )  # as '1.000 lượt' is written  # (18,1 + 8)/693,49: the table's share of both, not said of either
    # each section is followed by room for the team's narrative
    assert text.count("[Nhận xét, đánh giá, nguyên nhân và giải pháp của đơn vị]") == len(titles)


def test_every_figure_in_the_sentences_is_the_html_reports(folder: str) -> None:
    document, page = made(folder)
    lines = body(document)
    numbers = re.compile(r"\d+(?:[.,]\d+)*(?:/\d+)?")
    derived = re.compile(r"^- .*: \d+/\d+ (chỉ tiêu|nhiệm vụ)")  # per department: counted from the list
    checked = 0
    for line in lines[lines.index("I. KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ") :]:
        if derived.match(line) or line.startswith("[Nhận xét") or re.match(r"^[IVX]+\. ", line):
            continue
        # a count of main indices below the mean is counted here (its values are the table's)
        line = re.sub(r"^\d+/\d+ (chỉ số chính)", "", line)
        # a department's share of the points lost, and of those at stake, is worked out here (by hand in
        # test_sections_carry_the_figures); its points are the table's
        line = re.sub(r"\([\d,]+ % tổng số điểm [^)]*\)", "", line)
        for figure in numbers.findall(line):
            assert figure in page, f"{figure!r} of {line!r} is not in the HTML report"
            checked += 1
    assert checked > 60
    assert "Năm 2024, Đà Nẵng đạt DTI 0,3065, xếp thứ 61/63, giảm 2 bậc so với 2023 (+1,1 %)." in lines
    # Đà Nẵng's 8 main indices, 0,2124 to 0,4910, are all below the national means (0,55 to 0,62)
    assert any(
        line.startswith("8/8 chỉ số chính thấp hơn trung bình cả nước (63 đơn vị): NTS") for line in lines
    )


def test_appendix_tables(folder: str) -> None:
    document, _ = made(folder)
    found = tables(document)
    targets, ranking = found[0], found[1]
    # 20 targets in 5 groups: a header, 5 section rows and 20 target rows
    assert len(targets.rows) == 1 + 5 + 20
    head = [c.text for c in targets.rows[0].cells]
    assert head == ["STT", "Mục tiêu", "Đơn vị thực hiện", "Mục tiêu năm", "KQTH", "Ghi chú"]
    rows = [[c.text for c in r.cells] for r in targets.rows[1:]]
    assert rows[0][:2] == ["I", "Hạ tầng số"] and rows[5][:2] == ["II", "Chính quyền số"]
    assert [r[0] for r in rows[6:12]] == ["1", "2", "3", "4", "5", "6"]  # STT restarts per section
    assert rows[2][5] == "Chưa đạt (còn thiếu 1,8 điểm %)"  # 98,2 % of 100 %
    assert all(run.bold for run in targets.rows[1].cells[1].paragraphs[0].runs)
    assert not any(run.bold for run in targets.rows[2].cells[1].paragraphs[0].runs)
    # the ranking: 63 provinces, Đà Nẵng's row (61st) in bold
    assert len(ranking.rows) == 64
    mine = next(r for r in ranking.rows if r.cells[2].text == "Đà Nẵng")
    assert mine.cells[0].text == "61" and all(run.bold for run in mine.cells[2].paragraphs[0].runs)
    # headers as offices write them, columns as wide as their header's words and short texts: STT and
    # 'Hạng 2023' do not break inside a word (12 pt bold: 'STT' is about 10 mm, with the cell's margins)
    head = [c.text for c in ranking.rows[0].cells]
    assert head[:4] == ["STT", "Đơn vị", "Tên", "DTI 2023"] and head[4] == "Hạng 2023"
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', ranking._tbl.xml)]
    twip = Mm(1) / 635  # a mm in twentieths of a point
    assert grid[0] >= 13 * twip and grid[4] >= 13 * twip  # STT; 'Hạng' (and '2023' below it)
    # every appendix table repeats its header row on each page
    for table in found:
        assert "<w:tblHeader" in table.rows[0]._tr.xml
    tasks = found[-1]
    assert len(tasks.rows) == 1 + 5 + 21  # 5 groups, 20 tasks of which one has two sub-rows
    images = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert len(images) == 6  # the HTML report's 6 charts


def test_english(folder: str) -> None:
    document, page = made(folder, "en")
    head = [c.text for row in document.tables[0].rows for c in row.cells]
    assert head[1].startswith("SOCIALIST REPUBLIC OF VIETNAM")
    text = "\n".join(body(document))
    assert "I. THE DIGITAL TRANSFORMATION INDEX" in text and "0.3065" in text and "0,3065" not in text
    assert "REPORT" in [p.text for p in document.paragraphs]
    # one way to say a rank: `dti score` ranks Đà Nẵng's DTI 61st and each of its pillars 60th
    assert "Đà Nẵng scored DTI 0.3065, rank 61 of 63" in text
    assert "Digital government: 0.3209, rank 60 of 63;" in text and "ranked" not in text
    # one thousands style: 1,000 points as the draws line writes 1,000 draws
    assert "685.49 of 1,000 points" in text


def test_pdf_without_libreoffice_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    out = tmp_path / "bao_cao.pdf"
    result = CliRunner().invoke(
        app, ["report", str(DATA / "2024.csv"), "--draws", "0", "-o", str(out), "--lang", "en"]
    )
    assert result.exit_code == 2
    assert "libreoffice-writer-nogui" in result.stderr and str(tmp_path / "bao_cao.docx") in result.stderr
    assert not out.exists() and "Traceback" not in result.output


@pytest.mark.slow
def test_pdf_pages_and_text(folder: str, tmp_path: Path) -> None:
    """The draft as LibreOffice saves it to PDF, and `-o bao_cao.pdf` itself: A4 pages holding the figures."""
    from tests.conftest import soffice_convert

    made(folder)
    converted = soffice_convert(Path(folder) / "bao_cao_vi.docx", "pdf", tmp_path / "converted")
    direct = tmp_path / "bao_cao.pdf"
    report(direct)
    assert direct.read_bytes().startswith(b"%PDF")
    for pdf in (converted, direct):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
        assert pages >= 8 and "A4" in info
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        text = re.sub(r"\s+", " ", text)
        for figure in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "xếp thứ 61/63", "0,3065", "11/20 chỉ tiêu"):
            assert figure in text
        assert "ST T" not in text and "STT" in text  # the column wide enough for its header (was "ST T")


def test_the_overview(tmp_path: Path) -> None:
    """Without --unit: the overview's headline figures as sentences, every unit in the ranking."""
    out = tmp_path / "bao_cao.docx"
    result = CliRunner().invoke(app, ["report", str(DATA / "2024.csv"), "--draws", "0", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = OpenDocx(str(out))
    lines = body(document)
    assert "Kết quả Chỉ số chuyển đổi số năm 2024 của 63 đơn vị" in lines
    assert "Cao nhất: 0,8436 (Hà Tĩnh)." in lines  # the highest DTI of 2024, as `dti score` ranks it first
    head = [c.text for row in document.tables[0].rows for c in row.cells]
    assert head[0].splitlines()[1] == ""  # no unit's name under the issuing body
    ranking = tables(document)[0]
    assert len(ranking.rows) == 1 + 63
    assert not any(
        run.bold for row in ranking.rows[1:] for c in row.cells for p in c.paragraphs for run in p.runs
    )


def test_many_units_rank_as_the_page_shows_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """More units than the appendix lists (10,000 communes): the HTML page's part and its note."""
    import dti.views.report_word_appendix

    monkeypatch.setattr(dti.views.report_word_appendix, "WHOLE", 62)  # 63 provinces count as many here
    out = tmp_path / "bao_cao.docx"
    result = CliRunner().invoke(app, ["report", str(DATA / "2024.csv"), "--draws", "0", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = OpenDocx(str(out))
    ranking = tables(document)[0]
    assert len(ranking.rows) == 1 + 63  # the page shows 63 units whole (10 of 10,000)
    assert ranking.rows[0].cells[0].text != "STT"  # the page's table as it is


def test_the_ranking_appendix_lists_the_report_year_s_units(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit only the previous year holds is not in the year's ranking (a new user's finding: 300 communes
    and 5 of the year before, 305 > 300, gave the page's 10 rows 'of 305'). Here: 62 of 2024 and Hà Nội (01)
    only in 2023, with the appendix's limit at 62: all 62 listed."""
    import dti.views.report_word_appendix

    monkeypatch.setattr(dti.views.report_word_appendix, "WHOLE", 62)
    lines = (DATA / "2024.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    year = tmp_path / "2024.csv"
    year.write_text("".join(line for line in lines if not line.startswith("01,")), encoding="utf-8")
    out = tmp_path / "bao_cao.docx"
    args = ["report", str(year), "--previous", str(DATA / "2023.csv"), "--draws", "0", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    ranking = tables(OpenDocx(str(out)))[0]
    assert len(ranking.rows) == 1 + 62 and ranking.rows[0].cells[0].text == "STT"
    assert "Hà Nội" not in {row.cells[2].text for row in ranking.rows}


def test_a_target_of_two_departments_counts_for_each(tmp_path: Path) -> None:
    """As `dti targets --by responsible` counts: 'Sở Nội vụ; UBND các quận, huyện' is two departments."""
    targets = tmp_path / "chi_tieu.csv"
    targets.write_text(
        "STT,Nhóm,Chỉ tiêu,Đơn vị chủ trì,Mục tiêu,Kết quả\n"
        "1,Nhân lực số,Số cán bộ được tập huấn kỹ năng số,"
        '"Sở Nội vụ; UBND các quận, huyện",ít nhất 2.000,1.850\n'
        "2,Chính quyền số,Tỷ lệ hồ sơ trực tuyến toàn trình,Sở Nội vụ,trên 60%,65%\n",
        encoding="utf-8",
    )
    out = tmp_path / "bao_cao.docx"
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(DATA / "2024.csv"),
            "--unit",
            "48",
            "--targets",
            str(targets),
            "--draws",
            "0",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    text = "\n".join(body(OpenDocx(str(out))))
    assert "- Sở Nội vụ: 1/2 chỉ tiêu đạt và vượt kế hoạch; 1/2 chưa đạt;" in text
    assert "- UBND các quận, huyện: 0/1 chỉ tiêu đạt và vượt kế hoạch; 1/1 chưa đạt;" in text
    assert "Sở Nội vụ; UBND" not in text


def test_the_draft_names_files_without_folders_and_gives_no_hints(tmp_path: Path) -> None:
    """A published results table: its name alone; the spec note without '--spec'."""
    out = tmp_path / "bao_cao.docx"
    result = CliRunner().invoke(
        app, ["report", str(DATA / "published_2023.csv"), "--unit", "48", "--draws", "0", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    lines = [p.text for p in OpenDocx(str(out)).paragraphs]
    assert any(t.startswith("published_2023.csv là bảng kết quả đã công bố") for t in lines)
    assert not any(str(DATA) in t or "--" in t for t in lines)
    report(tmp_path / "bao_cao_2.docx", "--draws", "0")
    lines = [p.text for p in OpenDocx(str(tmp_path / "bao_cao_2.docx")).paragraphs]
    assert any(t.startswith("- Số liệu năm 2024 theo Quyết định 405/QĐ-BKHCN") for t in lines)
    assert not any("--spec" in t or str(DATA) in t for t in lines)


def test_rank_certainty_table_in_section_one(folder: str) -> None:
    """The HTML report's table of rank intervals under the line that names its units (Đà Nẵng, 61st,
    and the five ranks above it: 56 to 63)."""
    document, _ = made(folder)
    body_tables = document.tables[1 : ending_at(document)]
    robust = next(t for t in body_tables if "P(±2)" in texts(t)[0])
    head = texts(robust)[0]
    assert {"Trung vị", "p05", "p95", "P(±2)"} <= set(head)
    assert [r[head.index("Hạng")] for r in texts(robust)[1:]] == [str(n) for n in range(56, 64)]
    assert any(r[head.index("Tên")] == "Đà Nẵng" for r in texts(robust)[1:])


def test_the_overview_shows_the_largest_moves(tmp_path: Path) -> None:
    """As the HTML overview: the five largest rises (▲) and falls (▼) in places since 2023."""
    out = tmp_path / "bao_cao.docx"
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(DATA / "2024.csv"),
            "--previous",
            str(DATA / "2023.csv"),
            "--draws",
            "0",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    document = OpenDocx(str(out))
    moves = [texts(t) for t in document.tables[1 : ending_at(document)]]
    # ▲ 19, 14, 13, 11 and 9 three times (Hà Tĩnh, Quảng Trị, Kiên Giang: tied with the fifth); ▼ five
    assert [len(t) for t in moves] == [1 + 7, 1 + 5]
    assert moves[0][1][-1].startswith("▲") and moves[1][1][-1].startswith("▼")


def test_a_lowest_main_index_without_data_says_so(tmp_path: Path) -> None:
    """Đà Nẵng without any HTS row: its HTS is 0,0000, the lowest, judged on missing data alone."""
    source = (DATA / "2024.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in source if not line.startswith("48,Đà Nẵng,HTS.")]
    assert len(kept) < len(source)
    data = tmp_path / "2024.csv"
    data.write_text("\n".join(kept) + "\n", encoding="utf-8")
    out = tmp_path / "bao_cao.docx"
    result = CliRunner().invoke(app, ["report", str(data), "--unit", "48", "--draws", "0", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    lines = body(OpenDocx(str(out)))
    at = next(
        i for i, t in enumerate(lines) if t.startswith("Chỉ số chính thấp nhất: HTS Hạ tầng số (0,0000")
    )
    assert lines[at + 1].startswith(
        "HTS chưa có số liệu: toàn bộ điểm của chỉ số này là điểm do thiếu số liệu"
    )


def test_a_chart_s_title_stays_on_its_picture_s_page(folder: str) -> None:
    # A new user's finding: 'DTI 2024' ended page 6 of the PDF, its bar chart began page 7
    document, _ = made(folder)
    titles = [p for p in document.paragraphs if p.text == "DTI 2024"]
    assert titles and all(p.paragraph_format.keep_with_next for p in titles)
