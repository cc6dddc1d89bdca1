"""dti calendar: due days from the rules, the weekend rule, leap years, received on time or late, --today
before and after a deadline, the received log as written, the ics output parsed back.

Every date below is checked by hand with a paper calendar: 1 January 2026 is a Thursday, so 5 December
2026 is a Saturday and 25 October 2026 a Sunday; 2028 is a leap year (29 February exists), 2026 is not.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar as ICalendar
from typer.testing import CliRunner

from dti.cli import app
from dti.io.grid import InputError
from dti.spec import load_spec
from dti.tracking.deadlines import Rule, Rules, build, due_dates, is_local, load_rules
from dti.tracking.received import read_received
from dti.views.calendar import calendar_section, summary_line

SAMPLES = Path(__file__).parent.parent / "sample_data"
OWNERS = str(SAMPLES / "owners.csv")
RECEIVED = str(SAMPLES / "received_2026.csv")
SAMPLE_ARGS = ["calendar", "--owners", OWNERS, "--spec", "dti-province-2022", "--received", RECEIVED]
runner = CliRunner()
D = dt.date


def dues(rule: Rule, year: int, weekend: str = "keep") -> list[tuple[str, D]]:
    return [(p.key, d) for p, d in due_dates(rule, year, weekend)]


def rule_of(rules: Rules, rule_id: str) -> Rule:
    return next(r for r in rules.rules if r.id == rule_id)


def test_default_rules_quarter_ends_and_years() -> None:
    rules = load_rules()
    assert dues(rule_of(rules, "lead-quarterly"), 2026) == [
        ("Q1 2026", D(2026, 3, 25)),
        ("Q2 2026", D(2026, 6, 25)),
        ("Q3 2026", D(2026, 9, 25)),
        ("Q4 2026", D(2026, 12, 25)),
    ]
    assert dues(rule_of(rules, "lead-yearly"), 2026) == [("2026", D(2026, 12, 5))]
    assert dues(rule_of(rules, "local-quarterly"), 2026)[0] == ("Q1 2026", D(2026, 3, 30))
    assert dues(rule_of(rules, "local-yearly"), 2026) == [("2026", D(2026, 12, 25))]
    assert rules.weekend == "keep" and rules.soon_days == 14


def test_weekend_rule() -> None:
    yearly = rule_of(load_rules(), "lead-yearly")
    # 5 December 2026 is a Saturday: kept by default, the Friday before (4 December) with weekend: friday
    assert dues(yearly, 2026) == [("2026", D(2026, 12, 5))]
    assert dues(yearly, 2026, "friday") == [("2026", D(2026, 12, 4))]
    monthly = Rule(id="m", every="month", day=25)
    october = dues(monthly, 2026, "friday")[9]
    assert october == ("10/2026", D(2026, 10, 23))  # Sunday 25 October → Friday 23
    assert dues(monthly, 2026, "friday")[8] == ("09/2026", D(2026, 9, 25))  # a Friday stays
    assert dues(yearly, 2027, "friday") == [("2027", D(2027, 12, 3))]  # Sunday 5 December 2027 → Friday 3


def test_leap_years_and_month_ends() -> None:
    on_29 = Rule(id="m", every="month", day=29)
    assert dues(on_29, 2028)[1] == ("02/2028", D(2028, 2, 29))
    assert dues(on_29, 2026)[1] == ("02/2026", D(2026, 2, 28))  # no 29 February: the month's last day
    last = Rule(id="m", every="month", day=-1)
    assert [d for _, d in dues(last, 2028)[:4]] == [
        D(2028, 1, 31),
        D(2028, 2, 29),
        D(2028, 3, 31),
        D(2028, 4, 30),
    ]
    # the 5th of the month after each quarter, first three quarters only
    after = Rule(id="q", every="quarter", month=4, day=5, periods=[1, 2, 3])
    assert dues(after, 2026) == [
        ("Q1 2026", D(2026, 4, 5)),
        ("Q2 2026", D(2026, 7, 5)),
        ("Q3 2026", D(2026, 10, 5)),
    ]
    half = Rule(id="h", every="half", day=20)
    assert dues(half, 2026) == [("H1 2026", D(2026, 6, 20)), ("H2 2026", D(2026, 12, 20))]


def one_owner_calendar(tmp_path: Path, log_lines: str, today: D) -> list[tuple[str, str, int | None]]:
    spec = load_spec("dti-province-2022")
    rules = Rules(rules=[Rule(id="q", every="quarter", day=25)])
    owners = {"Sở Y tế": ["HDXH.02", "HDXH.03"]}
    path = tmp_path / "received.csv"
    path.write_text("Đơn vị,Kỳ báo cáo,Ngày gửi,Chỉ số\n" + log_lines, encoding="utf-8")
    log = read_received(path, list(owners), spec)
    calendar = build(owners, rules, 2026, today, log)
    return [(d.period.key, d.status, d.days_late) for d in calendar.deadlines]


def test_received_on_the_due_day_is_on_time_a_day_after_late(tmp_path: Path) -> None:
    lines = "Sở Y tế,Quý I/2026,25/03/2026,Tất cả\nsở y tế,Q2/2026,26/06/2026,all\n"
    got = one_owner_calendar(tmp_path, lines, D(2026, 7, 1))
    assert got[:2] == [("Q1 2026", "on_time", 0), ("Q2 2026", "late", 1)]


def test_today_before_and_after_a_deadline(tmp_path: Path) -> None:
    # Q3 is due 25/09/2026: on 11/09 it is 14 days away (due soon), on 10/09 15 (upcoming),
    # on 25/09 due today (still due soon), on 26/09 one day overdue
    def q3(today: D) -> tuple[str, str, int | None]:
        return one_owner_calendar(tmp_path, "", today)[2]

    assert q3(D(2026, 9, 10)) == ("Q3 2026", "upcoming", None)
    assert q3(D(2026, 9, 11)) == ("Q3 2026", "due_soon", None)
    assert q3(D(2026, 9, 25)) == ("Q3 2026", "due_soon", None)
    assert q3(D(2026, 9, 26)) == ("Q3 2026", "overdue", 1)


def test_partial_sending_completes_on_the_last_component(tmp_path: Path) -> None:
    # 9.2 on time, 9.3 four days late: received when the last one came, late by 4
    lines = "Sở Y tế,Quý 1 năm 2026,20/03/2026,9.2\nSở Y tế,Quý I/2026,29/03/2026,HDXH.03\n"
    assert one_owner_calendar(tmp_path, lines, D(2026, 4, 1))[0] == ("Q1 2026", "late", 4)
    only_one = one_owner_calendar(tmp_path, "Sở Y tế,Q1/2026,20/03/2026,9.2\n", D(2026, 4, 1))
    assert only_one[0] == ("Q1 2026", "overdue", 7)  # 25/03 → 01/04


def test_received_log_as_written(tmp_path: Path) -> None:
    spec = load_spec("dti-province-2022")
    path = tmp_path / "log.csv"
    path.write_text(
        "SỔ THEO DÕI\nĐơn vị gửi,Kỳ báo cáo,Ngày gửi,Chỉ số,Tài liệu kiểm chứng\n"
        "Sở Xây Dựng,Quý III/2026,46290,Đô thị thông minh,Có\n"
        "Sở Xây dựng,Năm 2026,01/12/2026,6.1; 6.2,không\n"
        "Sở Xây dựg,Q3/2026,24/09/2026,,\n"
        "Sở Xây dựng,Q3/2026,hôm qua,,\n",
        encoding="utf-8",
    )
    log = read_received(path, ["Sở Xây dựng"], spec)
    first, second, third = log.entries  # 'Sở Xây dựg' is a letter off Sở Xây dựng: taken for it, said
    # Excel serial 46290 is 25/09/2026 (45658 = 01/01/2025, + 365 to 2026, + 267 to 25 September)
    assert (first.owner, first.period, first.day) == ("Sở Xây dựng", "Q3 2026", D(2026, 9, 25))
    assert first.components == {"DTTM.01", "DTTM.02", "DTTM.03"} and first.evidence is True
    assert (second.period, second.components, second.evidence) == ("2026", {"DTTM.01", "DTTM.02"}, False)
    assert (third.owner, third.period, third.day) == ("Sở Xây dựng", "Q3 2026", D(2026, 9, 24))
    said = [(i.row, i.severity, i.message) for i in log.issues]
    assert said == [
        (5, "warning", "'Sở Xây dựg' is taken as 'Sở Xây dựng' (a near spelling): correct the name"),
        (6, "error", "'hôm qua' is not a date: write 24/09/2026; the line is left out"),
    ]


def test_once_rule_and_local_owners(tmp_path: Path) -> None:
    rules = Rules(
        rules=[
            Rule(
                id="dot-xuat", every="once", date=D(2026, 7, 15), title="Đột xuất: số liệu 6 tháng", who="all"
            ),
            Rule(id="local", every="year", month=12, day=25, who="local"),
        ]
    )
    owners = {"Sở Y tế": [], "UBND huyện Đông Anh": []}
    path = tmp_path / "log.csv"
    path.write_text("Đơn vị,Kỳ,Ngày nhận\nSở Y tế,Đột xuất: số liệu 6 tháng,14/07/2026\n", encoding="utf-8")
    log = read_received(path, list(owners), load_spec("dti-province-2022"))
    calendar = build(owners, rules, 2026, D(2026, 8, 1), log)
    got = [(d.owner, d.period.key, d.due, d.status) for d in calendar.deadlines]
    assert got == [
        ("Sở Y tế", "Đột xuất: số liệu 6 tháng", D(2026, 7, 15), "on_time"),
        ("UBND huyện Đông Anh", "Đột xuất: số liệu 6 tháng", D(2026, 7, 15), "overdue"),
        ("UBND huyện Đông Anh", "2026", D(2026, 12, 25), "upcoming"),
    ]
    assert is_local("Ủy ban nhân dân xã Tân Lập") and not is_local("Văn phòng UBND tỉnh")
    # the one-off request of 2026 is not a deadline of 2027
    assert [d.rule.id for d in build(owners, rules, 2027, D(2027, 1, 1)).deadlines] == ["local"]


def test_cli_sample_json_and_summary() -> None:
    result = runner.invoke(app, [*SAMPLE_ARGS, "--today", "25/11/2026", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["today", "deadlines", "summary"] and data["today"] == "2026-11-25"
    keys = ["owner", "period", "due", "status", "received", "days_late", "missing_components"]
    assert all(list(d) == keys for d in data["deadlines"])
    # sample_data/received_2026.csv, counted by hand: 11 owners × 5 deadlines; Q1 two late (Xây dựng 2
    # days, Y tế 8), Q2 two (Công an 1, Công Thương 5: its second part), Q3 two (Công an 4, Xây dựng 7)
    # and two not sent (Công Thương, Y tế partly); the year: Khoa học sent, ten due within 14 days
    # (5/12); Q4 (25/12) upcoming for all eleven
    assert data["summary"] == {"on_time": 26, "late": 6, "overdue": 2, "due_soon": 10, "upcoming": 11}
    y_te = next(d for d in data["deadlines"] if d["owner"] == "Sở Y tế" and d["period"] == "Q3 2026")
    assert y_te == {**y_te, "status": "overdue", "days_late": 61, "received": "2026-09-24"}
    assert y_te["missing_components"] == ["HDXH.04", "HDXH.06", "HDXH.07", "HDXH.08"]
    table = runner.invoke(app, [*SAMPLE_ARGS, "--today", "25/11/2026"])
    assert "2/11 đơn vị chưa gửi số liệu quý III/2026; 2 đơn vị gửi chậm" in table.stdout


def test_cli_fail_on_overdue_and_first_deadline() -> None:
    late = runner.invoke(app, [*SAMPLE_ARGS, "--today", "25/11/2026", "--fail-on", "overdue"])
    assert late.exit_code == 1
    early = runner.invoke(app, [*SAMPLE_ARGS, "--today", "01/01/2026", "--fail-on", "overdue"])
    assert early.exit_code == 0
    assert "Hạn đầu tiên: số liệu quý I/2026, ngày 25/03/2026 (11 đơn vị)" in early.stdout


def test_cli_ics_parses_back_with_stable_uids(tmp_path: Path) -> None:
    out = tmp_path / "lich.ics"
    args = [*SAMPLE_ARGS, "--today", "25/11/2026", "--format", "ics", "-o", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    book = ICalendar.from_ical(out.read_bytes())
    events = book.walk("VEVENT")
    assert len(events) == 55  # 11 owners × (4 quarters + the year)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 55
    first = events[0]
    assert first.decoded("DTSTART") == D(2026, 3, 25) and first.decoded("DTEND") == D(2026, 3, 26)
    assert str(first["SUMMARY"]) == "Hạn gửi số liệu quý I/2026: Sở Khoa học và Công nghệ"
    runner.invoke(app, [*SAMPLE_ARGS, "--today", "26/11/2026", "--format", "ics", "-o", str(out)])
    assert [str(e["UID"]) for e in ICalendar.from_ical(out.read_bytes()).walk("VEVENT")] == uids


def test_cli_rules_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("weekend: friday\nrules:\n  - {id: m, every: month, day: 25}\n", encoding="utf-8")
    args = ["calendar", "--owners", OWNERS, "--spec", "dti-province-2022", "--rules", str(rules)]
    result = runner.invoke(app, [*args, "--today", "01/10/2026", "--format", "json"])
    data = json.loads(result.stdout)
    october = [d["due"] for d in data["deadlines"] if d["period"] == "10/2026"]
    assert set(october) == {"2026-10-23"} and len(data["deadlines"]) == 11 * 12
    rules.write_text("rules:\n  - {id: m, every: weekly, day: 25}\n", encoding="utf-8")
    bad = runner.invoke(app, [*args])
    assert bad.exit_code == 2 and "rules[0].every: " in bad.output


def test_a_bad_rules_file_says_every_problem_in_the_language(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "rules:\n  - {id: a, every: month, day: 0}\n  - {id: b, every: quarter, periods: [5]}\n"
        "  - {id: c, every: once}\n",
        encoding="utf-8",
    )
    args = ["calendar", "--owners", OWNERS, "--spec", "dti-province-2022", "--rules", str(rules)]
    vi, en = runner.invoke(app, args), runner.invoke(app, [*args, "--lang", "en"])
    assert (vi.exit_code, en.exit_code) == (2, 2)
    assert vi.stderr.strip() == (
        f"{rules}: quy định lịch báo cáo không hợp lệ: rules[0]: không có ngày 0: 1-31, hoặc -1 cho ngày "
        "cuối tháng; rules[1]: các kỳ (periods) của quy định 'quarter' là 1-4; rules[2]: quy định 'once' "
        "cần date (ngày hạn, vd. 2026-07-15) và title (tên của yêu cầu)"
    )
    assert en.stderr.strip() == (
        f"{rules}: invalid calendar rules: rules[0]: day 0 does not exist: 1-31, or -1 for the month's "
        "last day; rules[1]: periods of a 'quarter' rule are 1-4; rules[2]: a 'once' rule needs a date "
        "(2026-07-15) and a title (the request's name)"
    )


def test_section_for_the_report() -> None:
    spec = load_spec("dti-province-2022")
    from dti.tracking.owners import read_owners

    owners = read_owners(Path(OWNERS), spec)
    names = {o: owners.components_of(o) for o in owners.owners}
    log = read_received(Path(RECEIVED), list(names), spec)
    calendar = build(names, load_rules(), 2026, D(2026, 11, 25), log)
    section = calendar_section(calendar)
    assert section.key == "calendar" and section.lines[0] == summary_line(calendar)
    assert [f.value for f in section.facts] == [26, 6, 2, 10, 11]
    assert len(section.views[0].rows) == 6 + 2 + 10 and len(section.sheets[0].rows) == 55


@pytest.mark.parametrize("today", ["32/01/2026", "tomorrow"])
def test_cli_bad_today(today: str) -> None:
    result = runner.invoke(app, [*SAMPLE_ARGS, "--today", today, "--lang", "en"])
    assert result.exit_code == 2 and "not a date" in result.output


def test_log_lines_no_deadline_takes_are_said(tmp_path: Path) -> None:
    spec = load_spec("dti-province-2022")
    owners = {"Sở Y tế": ["HDXH.02"]}
    path = tmp_path / "received.csv"
    lines = "Sở Y tế,Quý 5/2026,24/03/2026\nSở Y tế,abc,24/03/2026\nSở Y tế,Quý I/2025,24/03/2025\n"
    path.write_text("Đơn vị,Kỳ báo cáo,Ngày gửi\n" + lines, encoding="utf-8")
    calendar = build(owners, Rules(rules=[Rule(id="q", every="quarter", day=25)]), 2026, D(2026, 4, 1),
                     read_received(path, list(owners), spec))  # fmt: skip
    # the three lines are on rows 2-4, their periods in column B; none is Q1 2026, so Q1 is overdue
    said = [(i.cell, i.severity.value, i.value) for i in calendar.issues]
    assert said == [
        ("B2", "error", "Quý 5/2026"),
        ("B3", "error", "abc"),
        ("B4", "warning", "Quý I/2025"),
    ]
    assert "not a period" in calendar.issues[0].message
    assert "of 2025, not of the 2026 calendar: the line is ignored" in calendar.issues[2].message
    assert calendar.deadlines[0].status == "overdue"
    result = runner.invoke(app, ["calendar", "--owners", OWNERS, "--received", str(path), "--year", "2026"])
    assert result.exit_code == 1 and "'Quý 5/2026' không phải kỳ báo cáo" in result.output


def test_owners_written_loosely(tmp_path: Path) -> None:
    spec = load_spec("dti-province-2022")
    owners = [
        "Sở Khoa học và Công nghệ",
        "Văn phòng UBND tỉnh",
        "Sở Thông tin và Truyền thông",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Y tế",
        "Sở Giáo dục",
        "Sở Giáo dục và Đào tạo",
    ]
    path = tmp_path / "received.csv"
    written = ["Sở KH&CN", "VP UBND tỉnh", "Sở TT & TT", "Sở LĐ-TB&XH", "So Y te", "Sở GD&ĐT", "Sở Y tá"]
    path.write_text(
        "Đơn vị,Kỳ báo cáo,Ngày gửi\n" + "".join(f"{w},Quý I/2026,20/03/2026\n" for w in written),
        encoding="utf-8",
    )
    log = read_received(path, owners, spec)
    # by hand: each short or unaccented form names one owner (GD&ĐT is 'Giáo dục và Đào tạo', not
    # 'Giáo dục'); 'Sở Y tá' names none and is said with a guess
    assert [e.owner for e in log.entries] == [*owners[:5], "Sở Giáo dục và Đào tạo"]
    assert [i.cell for i in log.issues] == ["A8"] and "did you mean 'Sở Y tế'?" in log.issues[0].message
    # one name, one department: 'Sở Ý tế' is Sở Y tế, so 'So Y te' is the first owner naming it
    twins = read_received(path, ["Sở Y tế", "Sở Ý tế"], spec)
    assert [e.owner for e in twins.entries] == ["Sở Y tế"]


def test_cli_xlsx_sheet_and_english_footer(tmp_path: Path) -> None:
    import openpyxl
    import xlsxwriter

    english = runner.invoke(app, [*SAMPLE_ARGS, "--today", "25/11/2026", "--lang", "en"])
    assert "As of 25/11/2026" in english.stdout  # the table's dd/mm/yyyy, not 2026-11-25
    out = tmp_path / "lich.xlsx"
    assert (
        runner.invoke(
            app, [*SAMPLE_ARGS, "--today", "25/11/2026", "--format", "xlsx", "-o", str(out)]
        ).exit_code
        == 0
    )
    assert openpyxl.load_workbook(out).sheetnames == ["Lịch báo cáo"]
    tasks_out = tmp_path / "tasks.xlsx"
    tasks = str(SAMPLES / "tasks_2026.csv")
    runner.invoke(app, ["tasks", tasks, "--by", "responsible", "--format", "xlsx", "-o", str(tasks_out)])
    assert openpyxl.load_workbook(tasks_out).sheetnames == ["Nhiệm vụ", "Theo đơn vị chủ trì"]
    refused = runner.invoke(app, [*SAMPLE_ARGS, "--sheet", "Sổ", "--lang", "en"])
    assert refused.exit_code == 2 and "has no sheets" in refused.output
    log = tmp_path / "log.xlsx"
    book = xlsxwriter.Workbook(str(log))
    book.add_worksheet("Hướng dẫn").write_row(0, 0, ["Ghi sổ theo mẫu"])
    sheet = book.add_worksheet("Sổ")
    sheet.write_row(0, 0, ["Đơn vị gửi", "Kỳ báo cáo", "Ngày gửi"])
    sheet.write_row(1, 0, ["Sở Y tế", "Quý I/2026", "20/03/2026"])
    book.close()
    args = ["calendar", "--owners", OWNERS, "--received", str(log), "--sheet", "Sổ", "--today", "01/04/2026"]
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    first = next(d for d in data["deadlines"] if d["owner"] == "Sở Y tế")
    assert (first["period"], first["status"], first["received"]) == ("Q1 2026", "on_time", "2026-03-20")


def test_dates_beyond_the_calendar_years_are_refused_not_overflowed(tmp_path: Path) -> None:
    # 31/12/9999 with --format ics: the event's end (the day after) overflowed datetime.date, exit 4
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "rules:\n  - id: dot-xuat\n    name: Báo cáo đột xuất\n    who: all\n    every: once\n"
        "    date: 9999-12-31\n    title: Báo cáo đột xuất về chuyển đổi số\n",
        encoding="utf-8",
    )
    args = [*SAMPLE_ARGS, "--rules", str(rules), "--format", "ics", "--lang", "en"]
    result = runner.invoke(app, [*args, "--today", "30/12/2026"])
    assert result.exit_code == 2, result.output
    assert (
        f"{rules}: invalid calendar rules: rules[0].date: the date 31/12/9999 is outside the years 1900–2100"
        in " ".join(result.output.split())
    )
    # the crash's other half, a calendar of the year 9999: --today is not a date beyond 2100
    result = runner.invoke(app, [*args, "--today", "30/12/9999"])
    assert result.exit_code == 2 and "'30/12/9999' is not a date" in result.output
    with pytest.raises(InputError, match="the year 9999 is outside the years 1900–2100"):
        build({}, Rules(rules=[]), 9999, D(9999, 12, 30))
    with pytest.raises(ValueError):  # pydantic.ValidationError: the rule itself refuses the date
        Rule(id="x", every="once", date=D(1899, 12, 31), title="t")


def test_dates_and_periods_outside_the_calendar_years_are_not_dates() -> None:
    # `Năm 0000` in a task's deadline: Period(0, "year").end raised ValueError (exit 4); 31/12/9999 is a
    # date whose day after (an ICS event's end) overflows. Both are said as "not a date" where they stand.
    from dti.tracking.dates import parse_date, parse_deadline, parse_period

    for text in ("Năm 0000", "Quý I/0000", "Tháng 1/0000", "Năm 9999", "Quý IV/2101"):
        assert parse_period(text) is None, text
        assert parse_deadline(text) == (None, False), text
    assert parse_date("31/12/9999") is None and parse_date("31/12/1899") is None
    assert parse_deadline("0000-9999") == (None, False)
    # the bounds themselves are dates: 1 January 1900, 31 December 2100
    assert parse_date("01/01/1900") == D(1900, 1, 1)
    assert parse_deadline("Năm 2100") == (D(2100, 12, 31), True)
    assert parse_deadline("2026-2030") == (D(2030, 12, 31), True)


def test_a_task_due_in_year_0_is_a_warning_on_its_cell(tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.csv"
    tasks.write_text(
        "STT,Nhiệm vụ,Đơn vị chủ trì,Thời hạn,Trạng thái / kết quả\n"
        "1,Triển khai nền tảng họp trực tuyến,Sở Khoa học và Công nghệ,Năm 0000,Đang thực hiện\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["tasks", str(tasks), "--today", "01/04/2026", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "deadline 'Năm 0000' is not a date" in result.output and "D2" in result.output
