"""Words of the command line's refusals: key -> (Vietnamese, English).

`cli.*`: what a command says when its options do not go together or a file is not there (dti/cli).
`refusal.*`: the library's exceptions the commands print (a year rule, a robustness setting, an unknown
code or unit, a year that was not scored): the exception carries the Note, `str(exc)` stays English.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # --- the command line -------------------------------------------------------------------------------
    # Click's usage errors (dti/cli/usage.py): the synopsis stays as Click writes it.
    "cli.aborted": ("Đã dừng.", "Aborted!"),
    "cli.usage.synopsis": ("Cách dùng: {usage}", "Usage: {usage}"),
    "cli.usage.help": ("Xem '{command} --help' để biết các tùy chọn.", "Try '{command} --help' for help."),
    "cli.usage.error": ("Lỗi: {why}", "Error: {why}"),
    "cli.usage.no-option": ("không có tùy chọn {name}{like}", "No such option: {name}{like}"),
    "cli.usage.lang-after": (
        "--lang đặt sau tên lệnh, ví dụ: dti score FILE --lang en",
        "--lang goes after the command's name, e.g. dti score FILE --lang en",
    ),
    "cli.usage.like-options": (" (các tùy chọn gần giống: {names})", " (Possible options: {names})"),
    "cli.usage.no-command": ("không có lệnh '{name}'{like}", "No such command '{name}'.{like}"),
    "cli.usage.did-you-mean": (" (có phải '{name}'?)", " Did you mean '{name}'?"),
    "cli.usage.missing-argument": ("thiếu đối số {name}", "Missing argument {name}."),
    "cli.usage.missing-option": ("thiếu tùy chọn {name}", "Missing option {name}."),
    "cli.usage.missing-parameter": ("thiếu {name}", "Missing parameter {name}."),
    "cli.usage.bad-value": ("giá trị không hợp lệ cho {name}: {why}", "Invalid value for {name}: {why}"),
    "cli.usage.not-one-of": ("'{value}' không phải một trong {choices}", "'{value}' is not one of {choices}"),
    "cli.usage.at-most": ("phải nhỏ hơn hoặc bằng {limit}", "must be at most {limit}"),
    "cli.usage.at-least": ("phải lớn hơn hoặc bằng {limit}", "must be at least {limit}"),
    "cli.usage.not-a-number": ("phải là một số", "must be a number"),
    "cli.usage.needs-value": ("tùy chọn '{name}' cần một giá trị", "Option '{name}' requires an argument."),
    "cli.usage.takes-no-value": (
        "tùy chọn '{name}' không nhận giá trị",
        "Option '{name}' does not take a value.",
    ),
    "cli.usage.extra": ("thừa đối số ({extra})", "Got unexpected extra arguments ({extra})"),
    "cli.no-such-file": ("{path}: không có tệp hoặc thư mục này", "{path}: no such file or folder"),
    "cli.given-twice": (
        "{option} được cho {count} lần: lệnh này chỉ nhận một",
        "{option} is given {count} times: this command takes one",
    ),
    "cli.pair": ("'{pair}': viết {shape}, ví dụ {example}", "'{pair}': write {shape}, e.g. {example}"),
    "cli.whole-numbers": (
        "'{text}': viết các số nguyên, ví dụ 2023,2024",
        "'{text}': write whole numbers, e.g. 2023,2024",
    ),
    "cli.output-slash": (
        "'{path}' kết thúc bằng '/' nên là một thư mục: hãy ghi tên tệp, ví dụ {path}ket_qua.csv",
        "'{path}' ends in '/', so it names a folder: give a file name, e.g. {path}result.csv",
    ),
    "cli.year-range": ("'{text}': năm từ {low} đến {high}", "'{text}': years from {low} to {high}"),
    "cli.values-for-files": ("{found} giá trị cho {count} tệp", "{found} values for {count} files"),
    "cli.not-a-date": (
        "'{text}' không phải là ngày: viết 25/11/2026 hoặc 2026-11-25",
        "'{text}' is not a date: write 25/11/2026 or 2026-11-25",
    ),
    "cli.no-sheets": (
        "--sheet {sheet}: {files} không có trang tính (chỉ tệp Excel mới có)",
        "--sheet {sheet}: {files} has no sheets (only Excel files do)",
    ),
    "cli.no-such-header": (
        "--columns {headers}: không có tiêu đề cột này trong {files}",
        "--columns {headers}: no such header in {files}",
    ),
    "cli.bom-csv": ("{option} chỉ dùng với --format csv", "{option} is for --format csv"),
    "cli.xlsx-output": (
        "--format xlsx ghi ra một sổ tính Excel: hãy cho -o TỆP.xlsx",
        "--format xlsx writes a workbook: give -o FILE.xlsx",
    ),
    "cli.format-extension": (
        "{format} trái với -o {file}, tên của một tệp {implied}: bỏ --format hoặc đổi tên tệp",
        "{format} contradicts -o {file}, the name of a {implied} file: leave out --format or rename the file",
    ),
    "cli.extension-unavailable": (
        "{file}: lệnh này ghi {formats}, không ghi {implied}: hãy đặt tên tệp theo định dạng cần ghi "
        "({names})",
        "{file}: this command writes {formats}, not {implied}: name the file for the format to write "
        "({names})",
    ),
    "cli.format-unavailable": (
        "--format {format} không dùng được với lệnh này",
        "--format {format} is not available here",
    ),
    "cli.unit-every-node": (
        "--unit cho thấy mọi nút của một đơn vị: bỏ {option}",
        "--unit shows every node of one unit: leave out {option}",
    ),
    "cli.unit-every-rank": (
        "--unit cho thấy thứ hạng của mọi nút của một đơn vị: bỏ {option}",
        "--unit shows every node's rank of one unit: leave out {option}",
    ),
    "cli.components-no-changes": (
        "--show components không có cột thay đổi: dùng --unit U --previous TỆP để xem thay đổi của một "
        "đơn vị",
        "--show components has no changes: use --unit U --previous FILE for one unit's",
    ),
    "cli.no-components": (
        "{spec} không có chỉ số thành phần dưới các chỉ số chính",
        "{spec} has no components below its main indices",
    ),
    "cli.rank-years": (
        "rank đọc mỗi năm một tệp: cho năm của các tệp bằng --years, không dùng --year",
        "rank reads one file per year: give their years with --years, not --year",
    ),
    "cli.unit-every-index": (
        "--unit theo dõi mọi chỉ số chính của một đơn vị: bỏ {option}",
        "--unit follows every main index of one unit: leave out {option}",
    ),
    "cli.unit-merged": (
        "{old} {name} nhập vào {new} từ 1/7/2025: đây là số liệu của {new}",
        "{old} {name} joined {new} on 1 July 2025: these are {new}'s figures",
    ),
    "cli.against-unit": (
        "--against xếp hạng một đơn vị trong một bảng khác: hãy cho cả --unit",
        "--against ranks one unit among another table: give --unit too",
    ),
    "cli.report-extension": (
        "'{name}': định dạng theo phần mở rộng của tệp: .html hoặc .xlsx",
        "'{name}': the format follows the extension: .html or .xlsx",
    ),
    "cli.issues-cut": (
        "Chỉ {shown}/{total} vấn đề được ghi (--max-issues {shown:d}): bỏ --max-issues để có đủ danh sách",
        "Only {shown} of {total} issues written (--max-issues {shown:d}): leave out --max-issues for the "
        "full list",
    ),
    "cli.today-needs": (
        "--today là ngày để xét lịch báo cáo và các nhiệm vụ: thêm --received hoặc --tasks",
        "--today is the day of the calendar and the tasks: add --received or --tasks",
    ),
    "cli.received-needs-owners": (
        "--received: lịch báo cáo cần tệp phân công: hãy cho cả --owners",
        "--received: the calendar needs the owners file: give --owners too",
    ),
    "cli.above": ("{why} (xem ở trên)", "{why} (above)"),
    "cli.about": ("{file}: {why}", "{file}: {why}"),
    "cli.no-owner": (
        "{file} không nêu đơn vị chủ trì nào cho {spec}: không có gì để lập lịch",
        "{file} names no owner for {spec}: nothing to schedule",
    ),
    "cli.targets-errors": (
        "{file} có lỗi (xem ở trên): chưa đánh giá được chỉ tiêu nào; hãy sửa rồi chạy lại",
        "{file} holds errors (above): no review was made; fix them and run again",
    ),
    "cli.tasks-errors": (
        "{file} có lỗi (xem ở trên): hãy sửa rồi chạy lại",
        "{file} holds errors (above): fix them and run again",
    ),
    "cli.spec-json-depth": (
        "--format json ghi toàn bộ bộ chỉ số: bỏ --depth (hoặc dùng --format csv)",
        "--format json writes the whole spec: leave out --depth (or use --format csv)",
    ),
    "cli.spec-ok": ("{path}: hợp lệ ({spec}, {count} nút)", "{path}: ok ({spec}, {count} nodes)"),
    "cli.spec-id": (
        "'{id}': chỉ dùng chữ thường, chữ số, '.', '_' và '-', ví dụ 'xa-2025'",
        "'{id}': lowercase letters, digits, '.', '_' and '-', e.g. 'xa-2025'",
    ),
    "cli.review-stdout": (
        "bản rà soát JSON ghi ra stdout: hãy cho -o TỆP để ghi bộ chỉ số",
        "the JSON review goes to stdout: give -o FILE for the spec",
    ),
    "cli.internal-error": (
        "dti: lỗi nội bộ: {kind}: {why}\nĐây là lỗi của dti. Xin báo lại kèm câu lệnh và tệp dữ liệu "
        "(DTI_DEBUG=1 cho xem chi tiết).",
        "dti: internal error: {kind}: {why}\nThis is a bug in dti. Please report it with the command and "
        "the file (DTI_DEBUG=1 shows details).",
    ),
    # --- the library's exceptions ------------------------------------------------------------------------
    "refusal.option": ("dti: {option}: {why}", "dti: {option}: {why}"),
    "refusal.not-a-code": ("'{code}' không phải là mã của {spec}", "'{code}' is not a code of {spec}"),
    "refusal.not-a-code-in-year": (
        "'{code}' không phải là mã của {spec} ({year})",
        "'{code}' is not a code of {spec} ({year})",
    ),
    "refusal.year-not-same": (
        "{earlier} chứa số liệu năm {year_before}, {current} số liệu năm {year}: hãy xếp hạng một đơn "
        "vị trong các đơn vị của cùng một năm",
        "{earlier} holds {year_before} data, {current} {year} data: rank a unit among the same year's units",
    ),
    "refusal.year-later": (
        "{earlier} chứa số liệu năm {year_before}, {current} số liệu năm {year} ({year_before} > "
        "{year}): hãy cho tệp của một năm trước",
        "{earlier} holds {year_before} data, {current} {year} data ({year_before} > {year}): give an "
        "earlier year's file",
    ),
    "refusal.year-stated": (
        "{file} ghi số liệu năm {stated}, không phải {year}: bỏ {option} (chỉ dành cho tệp không ghi năm)",
        "{file} states {stated} data, not {year}: leave out {option} (it is for files that do not say "
        "their year)",
    ),
    "refusal.unnamed-file": ("một tệp", "a file"),  # a run that read no file, named in a refusal
    "refusal.year-twice": (
        "hai tệp chứa số liệu của năm {year}: mỗi năm chỉ cho một tệp",
        "two files hold the data of {year}: give one file per year",
    ),
    "refusal.same-year": ("hai tệp là của cùng một năm", "two files are for the same year"),
    "refusal.no-year": (
        "{file}: không biết số liệu của năm nào: thêm cột 'Năm' hoặc một dòng tiêu đề ghi năm (… NĂM "
        "2024), hoặc ghi năm vào tên tệp (dti_2024.csv)",
        "{file}: cannot tell the data year: add a 'year' (Năm) column, a title row naming it (… NĂM "
        "2024) or put the year in the file name (dti_2024.csv)",
    ),
    "refusal.no-year-option": (
        "{file}: không biết số liệu của năm nào: thêm cột 'Năm' hoặc một dòng tiêu đề ghi năm (… NĂM "
        "2024), ghi năm vào tên tệp (dti_2024.csv) hoặc dùng {option}",
        "{file}: cannot tell the data year: add a 'year' (Năm) column, a title row naming it (… NĂM "
        "2024), put the year in the file name (dti_2024.csv) or pass {option}",
    ),
    "refusal.invalid-data": (
        "dữ liệu không hợp lệ: không có gì được tính điểm",
        "the data are invalid: nothing was scored",
    ),
    "refusal.merger-unknown": ("chỉ biết đợt sáp nhập năm 2025", "only the 2025 merger is known"),
    "refusal.merger-provinces": (
        "đợt sáp nhập năm 2025 áp dụng cho cấp tỉnh",
        "the 2025 merger applies to provinces",
    ),
    "refusal.cannot-write": ("không ghi được {path}: {why}", "cannot write {path}: {why}"),
    "refusal.stdout": ("không ghi được ra stdout: {why}", "cannot write to stdout: {why}"),
    "refusal.no-directory": (
        "không ghi được {path}: thư mục {directory} không tồn tại",
        "cannot write {path}: the directory {directory} does not exist",
    ),
    "refusal.output-directory": (
        "--output {path} là một thư mục: hãy cho tên tệp",
        "--output {path} is a directory: give a file name",
    ),
    "refusal.output-special": (
        "--output {path} là {kind}: -o chỉ ghi vào một tệp thường hoặc một đường dẫn mới (bỏ -o để ghi ra "
        "stdout)",
        "--output {path} is {kind}: -o writes only to a regular file or a new path (leave -o out to write "
        "to stdout)",
    ),
    "refusal.kind-device": ("một thiết bị", "a device"),
    "refusal.kind-pipe": ("một đường ống (pipe)", "a pipe"),
    "refusal.kind-socket": ("một socket", "a socket"),
    "refusal.kind-other": ("một tệp đặc biệt", "not a regular file"),
    "refusal.output-stream": (
        "--output {path} là tệp mà stdout hoặc stderr của dti đang ghi vào: bỏ -o để ghi ra stdout",
        "--output {path} is the file dti's stdout or stderr goes to: leave -o out to write to stdout",
    ),
    "refusal.output-read-only": (
        "không ghi đè {path}: tệp chỉ được đọc (read-only); hãy chọn tên khác hoặc bỏ chế độ chỉ đọc",
        "will not replace {path}: the file is read-only; choose another name or make it writable",
    ),
    "refusal.output-input": (
        "--output {path} là một trong các tệp đầu vào: hãy chọn tên khác",
        "--output {path} is one of the input files: choose another name",
    ),
    "refusal.no-unit-in-data": ("không có đơn vị '{unit}' trong dữ liệu", "no unit '{unit}' in the data"),
    "refusal.no-component-points": (
        "dữ liệu không có điểm của các chỉ số thành phần (một bảng giá trị chỉ số): gaps cần số liệu nộp "
        "của các chỉ số thành phần; bảng như vậy hãy cho bằng --against",
        "the data give no component points (a table of index values): gaps need a submission of "
        "components; give such a table with --against",
    ),
    "refusal.assume-not-a-code": (
        "{text}={raw}: '{text}' không phải là mã của {spec}",
        "{text}={raw}: '{text}' is not a code of {spec}",
    ),
    "refusal.assume-not-a-component": (
        "{code}={raw}: {code} không phải là chỉ số thành phần; hãy cho giá trị của một chỉ số thành phần "
        "của nó, hoặc viết {code}=full",
        "{code}={raw}: {code} is not a component; give one of its components a value, or write {code}=full",
    ),
    "refusal.assume-invalid": ("{code}={raw}: {issue}", "{code}={raw}: {issue}"),
    "refusal.assume-and": (
        "{said}; {then}",
        "{said}; {then}",
    ),  # two refusals of --assume, one after the other
    "refusal.assume-unscorable": (
        "{code}={raw}: {code} không chấm điểm được giá trị này",
        "{code}={raw}: not a value {code} can score",
    ),
    "refusal.draws": (
        "{draws}: robust cần từ 1 đến 1.000.000 lượt rút (chính `dti report --draws 0` mới bỏ phần độ "
        "vững của thứ hạng)",
        "{draws}: robust needs 1 to 1,000,000 draws (it is `dti report --draws 0` that leaves the "
        "robustness section out)",
    ),
    "refusal.nothing-uncertain": (
        "với --weights 0 không còn đầu vào bất định nào để phân tích: cho --weights lớn hơn 0, --missing "
        "median hoặc previous, hoặc --self-verified",
        "with --weights 0 there is no uncertain input to analyse: give --weights above 0, --missing "
        "median or previous, or --self-verified",
    ),
    "refusal.missing-previous": (
        "--missing previous cần --previous TỆP, và --previous chỉ dùng với --missing previous",
        "--missing previous needs --previous FILE, and --previous is used only with --missing previous",
    ),
    "refusal.no-unit-to-reweight": (
        "không đơn vị nào có giá trị cho mọi chỉ số chính, và chỉ có điểm tổng thì không thể đổi trọng "
        "số: hãy cho các chỉ số chính (hoặc các chỉ số thành phần)",
        "no unit has a value for every main index, and a total alone cannot be reweighted: give the "
        "main indices (or the components)",
    ),
}
