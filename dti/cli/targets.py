"""dti targets: the half-year and annual review of the steering committee's targets."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.exits import ExitCode
from dti.cli.options import (
    TABLE_OR_YAML,
    WRITER,
    Count,
    CountByOption,
    Format,
    FormatOption,
    SheetOption,
    Writer,
)
from dti.words import note


class FailOn(StrEnum):
    not_met = "not-met"


@common.command()
def targets(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help=f"Target list: {TABLE_OR_YAML}, or a report's appendix as written (title rows, "
            "section rows I, II…, headings with '- ' sub-rows, verdicts in 'Ghi chú').",
        ),
    ],
    by: CountByOption = None,
    fmt: FormatOption = Format.table,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="not-met: exit 1 if a target is not met.")
    ] = None,
    sheet: SheetOption = None,
    writer: Writer = WRITER,
) -> None:
    """Review targets (chỉ tiêu): met and by how much, not met and by how much, without data.

    A target is '85%', 'trên 90%' (strictly above), '>= 70%', 'tối thiểu 7%', 'ít nhất 1', 'dưới 5%',
    '≤ 2'; a bare number means 'at least'; anything else is qualitative and needs a hand-given status.
    '>= 2 triệu', '2.000 người' and '75 trạm' are read (nghìn, triệu, tỷ; a trailing unit).
    A verdict (Đạt / Chưa đạt (…) / Đạt và vượt 2,44% / Chưa có số liệu, or met / not met / no data) in
    the status column, else in the notes, wins; a verdict the numbers contradict is shown with them.

    Headers (any case, with or without diacritics; '…': any words may follow):
    name: Tên, Tên chỉ tiêu, Mục tiêu, Chỉ tiêu, Nội dung, Nội dung chỉ tiêu;
    target: Mục tiêu năm …, Mục tiêu đến năm …, Kế hoạch …, KH năm …, Chỉ tiêu năm …, Chỉ tiêu kế hoạch …;
    result: KQTH …, Kết quả …, Kết quả thực hiện …, Thực hiện …, Ước thực hiện …;
    responsible: Đơn vị thực hiện, Đơn vị chủ trì, Cơ quan chủ trì, Cơ quan thực hiện, Đơn vị;
    id: STT, TT, Số TT, Mã, Mã chỉ tiêu; group: Nhóm, Nhóm chỉ tiêu, Lĩnh vực;
    status: Đánh giá …, Tình trạng, Mức độ hoàn thành; note: Ghi chú;
    same_period: Cùng kỳ …, KQTH cùng kỳ …, Kết quả cùng kỳ …, Thực hiện cùng kỳ …, So với cùng kỳ …;
    national: Trung bình cả nước …, Bình quân cả nước …, TB cả nước …, Trung bình toàn quốc …,
    Bình quân toàn quốc …; regional: Trung bình vùng …, Bình quân vùng …, TB vùng …, Trung bình khu vực ….

    Several result columns: each has its period from its header (6 tháng, 9 tháng, cả năm, the year);
    the targets are judged against the latest period of the latest year ('KQTH 6 tháng đầu năm 2024');
    a result column of the same months a year earlier, or 'Cùng kỳ (năm 2023)', gives each target's
    change (improved or worse; lower is better under 'không quá', 'dưới', 'tối đa'), and an average
    column the position against it (above or below, by how much).
    Section rows (I, II… in the STT column) become the group; a numbered row with no target, result or
    note over '- ' or unnumbered sub-rows is a heading that leads their names. Several responsible units
    ('Sở TT&TT; các doanh nghiệp viễn thông') each count in --by responsible.

    --by counts per group (the table's default) or per responsible unit. --lang words the labels: vi
    (Đạt, Chưa đạt (còn thiếu 8,8 %)...) or en (met, not met (short by 8.8 %)), also in json and csv.

    Example: dti targets sample_data/targets_2025.csv --by responsible

    Exit 0 whatever the statuses; 1 if the list has an error (then no table is shown, and the json
    says "valid": false), or with --fail-on not-met when a target is not met.
    """
    common.check_output(writer.output, [file])
    common.check_sheet(sheet, [file])
    common.check_format(fmt.value, writer.output, writer.bom)
    from dti import views
    from dti.issues import Report
    from dti.tracking.targets import read_targets
    from dti.views import review as review_views

    review = read_targets(file, sheet)
    report = Report(review.issues)
    lang, table = writer.code, fmt in (Format.table, Format.xlsx)
    common.notes(review.notes if table else [], lang)
    # a table with errors would pass for valid; json says "valid": false, json and csv exit 1
    stop = note("cli.targets-errors", file=str(file)) if table else None
    common.side_issues(report, lang, stop)
    count = (by or Count.group).value

    def data() -> dict[str, object]:
        found = {**views.targets_data(review, lang), "valid": report.valid}
        return found if by is None else {**found, "counts": review_views.target_counts(review, count)}

    common.emit(
        fmt,
        writer,
        [file],
        table=lambda: views.targets(review, count, lang, common.decimal_mark(writer.lang, writer.decimal)),
        json=data,
        csv=lambda: (
            views.targets_frame(review, lang)
            if by is None
            else review_views.target_counts_frame(review, count)
        ),
    )
    if not report.valid or (fail_on is FailOn.not_met and review.summary()["not_met"]):
        raise typer.Exit(int(ExitCode.INVALID_DATA))
