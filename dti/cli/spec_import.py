"""dti spec import: a decision's criteria table → a spec YAML, with a review of what to check."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.options import TABLE_FILES, LangOption, SheetOption
from dti.cli.options import Lang as LangChoice
from dti.cli.spec import spec_app


class UnitKind(StrEnum):
    commune = "commune"
    district = "district"
    department = "department"
    province = "province"


class ReviewFormat(StrEnum):
    table = "table"
    json = "json"


@common.command(spec_app, name="import")
def spec_import(
    table: Annotated[
        Path,
        typer.Argument(
            metavar="TABLE",
            help=f"The decision's criteria table: {TABLE_FILES} (STT | Chỉ số / Tiêu chí | Điểm tối đa "
            "| Cách xác định và tính điểm | Tài liệu kiểm chứng | Nguồn dữ liệu | Đơn vị phối hợp).",
        ),
    ],
    spec_id: Annotated[
        str | None, typer.Option("--id", help="The spec's id (default: from the file name).")
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="The index's name (default: the table's title row).")
    ] = None,
    unit_kind: Annotated[
        UnitKind | None,
        typer.Option("--unit-kind", help="What the index scores (default: from the title, else any)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the spec YAML here instead of stdout."),
    ] = None,
    review: Annotated[
        ReviewFormat, typer.Option("--format", help="The review: table (on stderr) or json (on stdout).")
    ] = ReviewFormat.table,
    lang: LangOption = LangChoice.vi,
    sheet: SheetOption = None,
) -> None:
    """Turn a decision's criteria table into a spec: structure from the numbering (I, 1, 1.1, a), -),
    points from 'Điểm tối đa', rules from the method text where it is unambiguous.

    The method column may also be headed 'Phương pháp đánh giá', 'Phương pháp tính điểm', 'Cách tính
    điểm', 'Cách chấm điểm', 'Hướng dẫn chấm điểm' or 'Phương pháp chấm điểm' (docs/input-criteria.md
    lists every header read).

    Codes: I → G1, 1.2 → C1_2, a) under 1.2 → C1_2a, the k-th '-' under 1.2 → C1_2-k, section rows →
    S1…, the total → TOTAL (a 'Mã' column wins). Rules: 'Có: 10 điểm; Không: 0 điểm' → yesno; 'Tỷ lệ …
    × điểm tối đa', 'a = …; b = …; Điểm = (a/b) × điểm tối đa' → ratio; '4 cuộc trở lên: 20 điểm; 3
    cuộc: 15 điểm…' → thresholds; 'Chủ tịch UBND xã làm trưởng ban: 10 điểm; Phó Chủ tịch: 5 điểm; còn
    lại: 0' → choice (options 'chủ tịch ubnd xã', 'phó chủ tịch', 'còn lại'); anything else →
    self-assessed points, provisional, the method text kept in the node's source. The classification
    under the table ('Xếp loại: - Loại Tốt: từ 80 điểm trở lên; …') becomes the spec's bands.

    The review (nodes, rules inferred by kind, provisional nodes, sums that disagree, rows not placed)
    goes to stderr, or to stdout as JSON with --format json (then -o is needed for the spec).

    Example: dti spec import sample_data/commune_criteria.csv -o my-index.yaml
    """
    common.check_output(output, [table])
    if spec_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9_.\-]*", spec_id):
        raise common.bad_value("--id", "cli.spec-id", id=spec_id)
    if review is ReviewFormat.json and output is None:
        raise common.bad_value("--format", "cli.review-stdout")
    from dti.spec.importer import import_table
    from dti.views.spec_import import import_review, import_summary
    from dti.words import note
    from dti.write import json as json_writer
    from dti.write import stderr, text

    imported = import_table(
        table, spec_id=spec_id, title=title, unit_kind=unit_kind.value if unit_kind else None, sheet=sheet
    )
    common.write(imported.yaml(lang.code), output, [table])
    found = imported.review
    if review is ReviewFormat.json:
        data = {"spec": imported.spec.id, "output": str(output), **found.to_dict()}
        common.write(json_writer.dumps(data), None)
        return
    written = output or note("spec.review.stdout")
    summary = import_summary(found, lang.code)
    stderr.note(note("spec.review.written", table=table, output=written, summary=summary), lang.code)
    view = import_review(found, lang.code)
    if view.rows or view.notes:
        text.show(view, stderr=True)
