"""Words of the issues found in submitted files and of the notes on how a file was read.

Key -> (Vietnamese, English). The English text is each issue's `message` in json and csv output:
programs and golden files rely on it, so change it only on purpose.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # --- reading a file (dti/io) ---------------------------------------------------------------------
    "io.folder": (
        "là thư mục, không phải tệp, và không chứa tệp .csv hay .xlsx nào: hãy chỉ ra chính tệp đó",
        "a folder, not a file, and it holds no .csv or .xlsx file: give the file itself",
    ),
    "io.unsupported": (
        "không đọc được tệp '{suffix}': hãy lưu lại dưới dạng .csv (UTF-8) hoặc .xlsx",
        "'{suffix}' files are not supported: save it as .csv (UTF-8) or .xlsx",
    ),
    "io.cannot-read": ("không đọc được tệp: {why}", "cannot read the file: {why}"),
    "io.os.missing": ("không có tệp hoặc thư mục này", "no such file or folder"),
    "io.os.denied": ("không có quyền đọc tệp", "permission denied"),
    "io.os.folder": ("đây là thư mục, không phải tệp", "a folder, not a file"),
    "io.os.other": ("lỗi hệ thống ({why})", "system error ({why})"),
    # an XLSX over a size limit (dti/io/xlsxxml.py over_limit): what it holds, the limit, how to raise it
    "io.limit.over": (
        "{what}, vượt giới hạn {limit:,.0f} {unit}: hãy tách tệp, hoặc nâng giới hạn bằng {env}=N",
        "{what}, above the limit of {limit:,.0f} {unit}: split the file, or raise the limit with {env}=N",
    ),
    "io.limit.unit.rows": ("dòng", "rows"),
    "io.limit.unit.columns": ("cột", "columns"),
    "io.limit.unit.cells": ("ô", "cells"),
    "io.limit.unit.unpacked_bytes": ("byte khi giải nén", "unpacked bytes"),
    "io.limit.unpacked": (
        "bảng tính giải nén ra {size:,.0f} byte",
        "the workbook unpacks to {size:,.0f} bytes",
    ),
    "io.limit.strings": (
        "bảng tính có hơn {count:,.0f} chuỗi",
        "the workbook has more than {count:,.0f} strings",
    ),
    "io.limit.sheet-cells": (
        "trang tính có hơn {count:,.0f} ô",
        "the sheet has more than {count:,.0f} cells",
    ),
    "io.limit.rows": ("trang tính có dòng sau dòng {row:,.0f}", "the sheet has rows beyond row {row:,.0f}"),
    "io.limit.columns": ("ô {cell} nằm sau cột {column:,.0f}", "cell {cell} is beyond column {column:,.0f}"),
    "io.limit.span": (
        "trang tính trải trên {rows:,.0f} dòng × {columns:,.0f} cột",
        "the sheet spans {rows:,.0f} rows × {columns:,.0f} columns",
    ),
    "io.empty": (
        "tệp rỗng: không có dòng tiêu đề, không có dòng số liệu",
        "the file is empty: no header, no rows",
    ),
    "io.empty-list": ("tệp rỗng", "the file is empty"),
    "io.not-utf8": (
        "không phải UTF-8 (byte {byte}): đã đọc theo Windows-1258; hãy kiểm tra chữ tiếng Việt, "
        "hoặc lưu tệp dưới dạng 'CSV UTF-8'",
        "not UTF-8 (byte {byte}): read as Windows-1258; check the Vietnamese text, "
        "or save the file as 'CSV UTF-8'",
    ),
    "io.bad-utf16": (
        "tệp bắt đầu như UTF-16 (có dấu thứ tự byte) nhưng không phải văn bản UTF-16 (byte {byte}): "
        "hãy lưu lại dưới dạng 'CSV UTF-8' hoặc 'Unicode Text'",
        "it starts as UTF-16 (a byte-order mark) but is not UTF-16 text (byte {byte}): "
        "save it again as 'CSV UTF-8' or 'Unicode Text'",
    ),
    "io.bad-csv": ("không phải tệp CSV đọc được: {why}", "not a readable CSV file: {why}"),
    "io.not-zip": (
        "không phải tệp Excel đọc được: tệp không có cấu trúc nén của .xlsx (có thể là tệp khác được đổi "
        "đuôi): hãy mở bằng Excel và lưu lại dưới dạng .xlsx",
        "not a readable Excel file: BadZipFile: File is not a zip file",
    ),
    "io.bad-excel": ("không phải tệp Excel đọc được: {why}", "not a readable Excel file: {why}"),
    "io.xml-dtd": (
        "không phải tệp Excel đọc được: XML trong tệp khai báo DTD (không nhận thực thể XML, vì chúng có thể "
        "bung ra hàng gigabyte)",
        "not a readable Excel file: EntitiesForbidden: the XML declares a DTD (entities are not accepted)",
    ),
    "io.no-worksheet": ("sổ tính không có trang tính nào", "the workbook has no worksheet"),
    "io.chart-sheet": (
        "trang '{sheet}' là biểu đồ, không phải trang tính",
        "sheet '{sheet}' is a chart, not a worksheet",
    ),
    "io.no-sheet": (
        "không có trang '{sheet}' (các trang: {sheets})",
        "no sheet '{sheet}' (sheets: {sheets})",
    ),
    "io.ragged-extra": (
        "dòng có {cells} ô nhưng dòng tiêu đề có {width}: thừa một dấu phân cách, hoặc một giá trị chứa "
        "dấu phân cách và cần đặt trong ngoặc kép",
        "row has {cells} cells but the header has {width}: a separator is extra, or a value contains the "
        "separator and needs quotes",
    ),
    "io.ragged-short": (
        "dòng có {cells} ô nhưng dòng tiêu đề có {width}: các ô thiếu được đọc là trống",
        "row has {cells} cells but the header has {width}: the missing cells are read as empty",
    ),
    "io.column-twice": ("cột '{column}' xuất hiện hai lần", "column '{column}' appears twice"),
    "io.column-ignored": (
        "bỏ qua cột '{column}': cột '{used}' là cột {meaning}",
        "column '{column}' ignored: '{used}' is the {meaning} column",
    ),
    "io.missing-listing-column": (
        "thiếu cột {missing} (dòng tiêu đề: {header}): {what}; các tiêu đề được chấp nhận: {accepted}",
        "no {missing} column (header: {header}): {what}; accepted headers: {accepted}",
    ),
    "io.missing-target-column": (
        "thiếu cột '{missing}' (dòng tiêu đề: {header}): danh sách chỉ tiêu cần cột tên, cột mục tiêu "
        "và cột kết quả; `dti targets --help` liệt kê các tiêu đề được nhận biết",
        "no '{missing}' column (header: {header}): a target list has a name, a target and a result column; "
        "`dti targets --help` lists the headers it knows",
    ),
    "io.not-a-target-list": (
        "cần một danh sách chỉ tiêu (hoặc khóa 'targets:' chứa danh sách đó)",
        "expected a list of targets (or a 'targets:' key holding one)",
    ),
    "io.unit-twice": (
        "{path}: danh mục đơn vị có {what} '{value}' hai lần (dòng {first} và {second}): "
        "mỗi {what} chỉ được chỉ một đơn vị",
        "{path}: the unit register has the {what} '{value}' twice (lines {first} and {second}): "
        "each {what} must name one unit",
    ),
    "io.register.code": ("mã", "code"),
    "io.register.name": ("tên", "name"),
    "io.register-unreadable": (
        "{path}: không đọc được danh mục đơn vị: {why}",
        "{path}: cannot read the unit register: {why}",
    ),
    "io.register-columns": (
        "{path}: danh mục đơn vị cần dòng đầu là tiêu đề các cột mã, tên (và vùng), cách nhau bởi dấu phẩy "
        "(code,name,region hoặc Mã,Tên,Vùng); dòng đầu của tệp là '{first}'",
        "{path}: a unit register's first line must head its columns code and name (and region), separated "
        "by commas (code,name,region or Mã,Tên,Vùng); the file's first line is '{first}'",
    ),
    "io.register-empty": (
        "{path}: danh mục đơn vị không có đơn vị nào (chỉ có dòng tiêu đề)",
        "{path}: the unit register names no unit (only its header)",
    ),
    "io.register-wide": (
        "{path}: dòng {line} của danh mục đơn vị có {found} ô, dòng tiêu đề có {width}: tên có dấu phẩy "
        'phải đặt trong ngoặc kép ("Thị trấn A, huyện B")',
        "{path}: line {line} of the unit register has {found} cells, its header {width}: a name holding a "
        'comma must be in double quotes ("Thị trấn A, huyện B")',
    ),
    "io.register-blank": (
        "{path}: dòng {line} của danh mục đơn vị không có {what}: hãy điền vào hoặc xóa dòng đó",
        "{path}: line {line} of the unit register has no {what}: fill it in or delete the line",
    ),
    "io.register-not-csv": (
        "{path}: danh mục đơn vị phải là tệp CSV: hãy lưu trang tính dưới dạng CSV UTF-8 "
        "(Excel: Lưu thành → CSV UTF-8)",
        "{path}: a unit register must be a CSV file: save the sheet as CSV UTF-8 "
        "(Excel: Save As → CSV UTF-8)",
    ),
    "io.register-not-utf8": (
        "{path}: danh mục đơn vị không phải UTF-8 (byte {byte}): hãy lưu lại dưới dạng CSV UTF-8 "
        "(Excel: Lưu thành → CSV UTF-8)",
        "{path}: the unit register is not UTF-8 (byte {byte}): save it again as CSV UTF-8 "
        "(Excel: Save As → CSV UTF-8)",
    ),
    # --- notes on how a table was found ----------------------------------------------------------------
    "io.table-read": ("tiêu đề cột ở dòng {header}{skipped}", "header at row {header}{skipped}"),
    "io.skipped-one": ("; bỏ qua {what} {rows}{more}", "; skipped {what} row {rows}{more}"),
    "io.skipped-many": ("; bỏ qua các {what} {rows}{more}", "; skipped {what} rows {rows}{more}"),
    "io.row.title": ("dòng tên bảng", "title"),
    "io.row.repeated-header": ("dòng tiêu đề lặp lại", "repeated header"),
    "io.row.summary": ("dòng tổng hợp", "summary"),
    "io.row.footnote": ("dòng ghi chú", "footnote"),
    "io.rows-cut": ("{rows} … và {more} dòng khác", "{rows} … and {more} more"),
    "io.row-one": ("dòng {rows}", "row {rows}"),
    "io.row-many": ("các dòng {rows}", "rows {rows}"),
    "io.sections": (
        "{rows} là dòng đề mục, không phải {items}: tên nhóm của các {items} bên dưới",
        "section {rows}: not {items}, the group of the {items} below",
    ),
    "io.headings": (
        "{rows} là dòng tiêu đề con, không phải {items}: phần đầu tên của các {items} bên dưới",
        "heading {rows}: not {items}, the start of the names below",
    ),
    "io.items.targets": ("chỉ tiêu", "targets"),
    "io.items.tasks": ("nhiệm vụ", "tasks"),
    "io.in-file": ("{file}: {note}", "{file}: {note}"),
    # --- reading a submission (dti/engine/plan.py, build.py) -------------------------------------------
    "plan.header-twice": (
        "cột '{column}' xuất hiện hai lần (lần đầu ở cột {first}): hãy đổi tên hoặc xóa một cột; "
        "cột này bị bỏ qua",
        "column '{column}' appears twice (first in column {first}): rename or delete one; "
        "this column is ignored",
    ),
    "plan.unnamed-column": (
        "cột {column} có giá trị nhưng không có tiêu đề (lần đầu ở dòng {row}): hãy đặt tiêu đề "
        "(mã chỉ số, unit, value...) hoặc xóa các giá trị",
        "column {column} has values but no header (first at row {row}): give it a header "
        "(a node code, unit, value...) or delete the values",
    ),
    "plan.missing-column": (
        "thiếu cột '{missing}' trong tệp {layout} (dòng tiêu đề: {header}); tệp dạng dọc có cột 'Chỉ số' và "
        "'Giá trị' (và 'Giai đoạn' nếu có); tệp dạng ngang có mỗi mã chỉ số một cột; cả hai có cột "
        "'Mã đơn vị', trừ tệp của một đơn vị mà dòng tên bảng hoặc --as-unit nêu đơn vị",
        "no '{missing}' column in the {layout} layout (header: {header}); a long file has indicator and "
        "value columns (and stage if any), a wide file one column per code; both have a unit column, "
        "except a file of one unit that a title row or --as-unit names",
    ),
    "plan.layout.long": ("dạng dọc (long)", "long"),
    "plan.layout.wide": ("dạng ngang (wide)", "wide"),
    "plan.blank-row": ("dòng trống: bỏ qua", "blank row: skipped"),
    "plan.unit-empty": (
        "ô đơn vị trống: hãy điền mã đơn vị",
        "the unit cell is empty: fill in the unit code",
    ),
    "plan.unknown-unit-in": (
        "đơn vị '{text}' không có trong danh mục đơn vị {register}{hint}: hãy dùng mã hoặc tên của đơn vị "
        "như danh mục ghi, hoặc thêm đơn vị vào danh mục",
        "unit '{text}' is not in the unit register {register}{hint}: use its code or its name as the "
        "register writes it, or add the unit to the register",
    ),
    "plan.unknown-unit": (
        "đơn vị '{text}' không có trong danh mục đơn vị{hint}: hãy dùng mã hoặc tên của đơn vị "
        "(hoặc dùng --units FILE với danh mục riêng)",
        "unit '{text}' is not in the unit register{hint}: use its code or its name "
        "(or pass --units FILE with your own register)",
    ),
    "plan.did-you-mean": (" (có phải {names}?)", " (did you mean {names}?)"),
    "plan.or": ("{a} hoặc {b}", "{a} or {b}"),
    "plan.register-zero": (
        "đơn vị '{text}' được đọc là '{unit}' của danh mục đơn vị: danh mục đã bỏ số 0 ở đầu mã "
        "(hãy định dạng cột mã của danh mục là văn bản)",
        "unit '{text}' read as the register's '{unit}': the register's codes lost their leading zeros "
        "(format its code column as text)",
    ),
    "plan.shared-name": (
        "tên '{text}' là tên của {count} đơn vị trong danh mục ({units}): hãy dùng mã của đơn vị",
        "the name '{text}' is borne by {count} units of the register ({units}): use the unit's code",
    ),
    "plan.leading-zero": (
        "đơn vị '{text}' được đọc là '{unit}': bảng tính đã bỏ số 0 ở đầu (hãy định dạng cột là văn bản)",
        "unit '{text}' read as '{unit}': the spreadsheet dropped its leading zero "
        "(format the column as text)",
    ),
    "plan.unknown-stage": (
        "không rõ giai đoạn '{text}': hãy dùng 'self' (tự đánh giá) hoặc 'verified' (thẩm định)",
        "stage '{text}' is unknown: use 'self' (tự đánh giá) or 'verified' (thẩm định)",
    ),
    "plan.name-mismatch": (
        "tệp ghi đơn vị {unit} là '{name}' nhưng danh mục đơn vị ghi '{official}': dùng tên trong "
        "danh mục (hãy kiểm tra mã đơn vị)",
        "the file names unit {unit} '{name}' but the unit register says '{official}': the register's name "
        "is used (check the unit code)",
    ),
    "plan.unknown-column": (
        "cột '{column}' không phải mã của bộ chỉ số: hãy đổi tên thành mã chỉ số (xem `dti spec show`) "
        "hoặc xóa cột",
        "column '{column}' is not a code of the spec: rename it to a node code (see `dti spec show`) "
        "or delete it",
    ),
    "plan.bad-rank": (
        "thứ hạng '{text}' không phải số nguyên từ 1 đến 1.000.000",
        "rank '{text}' is not a whole number from 1 to 1,000,000",
    ),
    "plan.duplicate": (
        "đơn vị {unit} có {code}{stage} hai lần (lần đầu ở {first}): hãy giữ một",
        "unit {unit} has {code}{stage} twice (first at {first}): keep one",
    ),
    "plan.stage": (" ({stage})", " ({stage})"),
    "plan.at-row": ("dòng {row}", "row {row}"),
    "plan.at-row-of": ("dòng {row} của {file}", "row {row} of {file}"),
    # --- checking the values (dti/engine/rules.py, validate.py) -----------------------------------------
    "check.no-data": ("không có dòng số liệu nào để kiểm tra", "no data rows to check"),
    "check.missing": (
        "không có giá trị: tính 0 điểm (số điểm này được báo là 'thiếu số liệu')",
        "no value: scores 0 (these points are reported as 'at stake from missing data')",
    ),
    "check.not-a-number": (
        "'{raw}' không phải số: hãy viết ví dụ 86,32% hoặc 2439",
        "'{raw}' is not a number: write e.g. 86,32% or 2439",
    ),
    "check.ambiguous": (
        "'{raw}' có thể là dấu phân cách hàng nghìn hoặc phần thập phân: đọc là {value:g}; hãy viết rõ "
        "(ví dụ 1234, hoặc số thập phân với dấu phẩy: 1,234)",
        "'{raw}' could be a thousands group or decimals: read as {value:g}; write it unambiguously "
        "(e.g. 1234, or decimals with a comma: 1,234)",
    ),
    "check.negative": (
        "giá trị âm {value:g}: giá trị không được nhỏ hơn 0",
        "negative value {value:g}: values cannot be below 0",
    ),
    "check.negative-shown": (
        "giá trị âm {shown:.10g} %: giá trị không được nhỏ hơn 0",
        "negative value {shown:.10g} %: values cannot be below 0",
    ),
    "check.not-an-option": (
        "'{raw}' không phải một lựa chọn của {code}: hãy dùng một trong {options:q}",
        "'{raw}' is not an option of {code}: use one of {options:q}",
    ),
    "check.not-yes-no": (
        "'{raw}' không phải có hay không: {code} nhận 'có' hoặc 'không' (yes/no, 1/0)",
        "'{raw}' is not yes or no: {code} takes 'có' or 'không' (yes/no, 1/0)",
    ),
    "check.above-max": (
        "{value:g} điểm vượt mức tối đa {max:g} của {code}",
        "{value:g} points exceed the maximum of {max:g} for {code}",
    ),
    "check.above-100-shown": (
        "ô ghi {shown:.10g} %, vượt 100 %: giữ nguyên giá trị, điểm được giới hạn ở mức tối đa",
        "the cell shows {shown:.10g} %, above 100 %: the value is kept, the points are capped at the maximum",
    ),
    "check.above-100": (
        "'{raw}' vượt 100 %: giữ nguyên giá trị, điểm được giới hạn ở mức tối đa",
        "'{raw}' is above 100 %: the value is kept, the points are capped at the maximum",
    ),
    "check.out-of-range": (
        "'{raw}' không phải giá trị từ 0 đến 1 của {code}: hãy ghi giá trị chỉ số "
        "(ví dụ 0,4449 hoặc 44,49%), không ghi điểm",
        "'{raw}' is not a value between 0 and 1 for {code}: give the index value "
        "(e.g. 0,4449 or 44,49%), not points",
    ),
    "check.with-ancestor": (
        "{code} được ghi cùng với chỉ số cha {ancestors} của đơn vị {unit}: chỉ ghi chỉ số đó hoặc "
        "các thành phần của nó, không ghi cả hai",
        "{code} is given together with its ancestor {ancestors} for unit {unit}: give either the node or its "
        "parts, not both",
    ),
    "check.absent": (
        "đơn vị {unit} không có dòng nào cho {count} chỉ số: {codes}; các chỉ số này được 0 điểm",
        "unit {unit} has no row for {count} indicator(s): {codes}; they score 0",
    ),
    "check.unknown": (
        "{what}: {code} của đơn vị {unit} không có giá trị trong bảng; để trống, không tính bằng 0 điểm và "
        "không xếp hạng: {nodes}",
        "{what}: {code} of unit {unit} has no value in the table; left empty, not scored as 0 and not "
        "ranked: {nodes}",
    ),
    "check.unknown-computed": (
        "{what}: {code} của đơn vị {unit} không có giá trị trong bảng; tính lại từ các chỉ số bên dưới mà "
        "bảng cho",
        "{what}: {code} of unit {unit} has no value in the table; computed from the indices below it that "
        "the table gives",
    ),
    "check.unknown-blank": ("ô trống", "empty cell"),
    "check.unknown-marked": ("ô ghi '{raw}'", "the cell says '{raw}'"),
    "check.more": ("{codes} và {more} chỉ số khác", "{codes} and {more} more"),
    "check.read-as-fraction": (
        "{code} tính theo phần trăm nhưng các giá trị của nó trong tệp này viết dạng phân số: đọc × 100 "
        "('{raw}' = {value:g} %); hãy ghi kèm dấu % cho chắc chắn",
        "{code} is scored in percent and its values in this file are written as fractions: read × 100 "
        "('{raw}' = {value:g} %); write them with % to be sure",
    ),
    "check.mixed-scale": (
        "'{raw}' được đọc là {value:g} % dù phần lớn giá trị của {code} trong tệp này là {style}: "
        "hãy ghi kèm dấu % để rõ ý",
        "'{raw}' is read as {value:g} % although most values of {code} in this file are {style}: "
        "write it with % to say which you mean",
    ),
    "check.style.fractions": ("phân số", "fractions"),
    "check.style.percentages": ("phần trăm", "percentages"),
    # --- the views of a report -------------------------------------------------------------------------
    "issues.warnings-line": (
        "{file}: {count} cảnh báo: {listed} (chi tiết: dti validate {file})",
        "{file}: {count} warning(s): {listed} (details: dti validate {file})",
    ),
    # --- comparing years (dti/analysis/ranking.py) ------------------------------------------------------
    "rank.mismatch": (
        "{year} {code}: thứ hạng công bố là {published} nhưng theo giá trị là {computed}; "
        "dùng thứ hạng công bố",
        "{year} {code}: published rank {published} but the values give {computed}; "
        "the published rank is used",
    ),
    # --- YAML values (dti/io/yamlsafe.py) and the calendar's years -------------------------------------
    "yaml.number-range": (
        "dòng {line}: số '{text}' nằm ngoài giới hạn (số phải hữu hạn, số nguyên không quá 18 chữ số): "
        "hãy ghi số nhỏ hơn, hoặc đặt trong dấu nháy nếu đó là chữ",
        "line {line}: the number '{text}' is out of range (numbers must be finite, whole numbers at most 18 "
        "digits): write a smaller number, or put it in quotes if it is text",
    ),
    "yaml.duplicate-key": (
        "khóa '{key}' được ghi hai lần, ở dòng {first} và dòng {line} (giá trị sau sẽ âm thầm thay giá trị "
        "trước): hãy giữ một dòng",
        "the key '{key}' is written twice, on line {first} and line {line} (the second would silently "
        "replace the first): keep one",
    ),
    "tracking.calendar.date-range": (
        "ngày {date} nằm ngoài các năm {first}–{last} mà lịch báo cáo tính được: hãy ghi ngày trong "
        "khoảng đó",
        "the date {date} is outside the years {first}–{last} the calendar works in: give a date within them",
    ),
    "tracking.calendar.year-range": (
        "năm {year} nằm ngoài các năm {first}–{last} mà lịch báo cáo tính được: hãy cho --year hoặc --today "
        "trong khoảng đó",
        "the year {year} is outside the years {first}–{last} the calendar works in: give a --year or --today "
        "within them",
    ),
}
