"""Reading files: workbooks and their sheets, CSV, file kinds and the limits on what is read."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # --- only regular files are inputs (dti/io/inputs.py) ----------------------------------------------
    "files.not-regular": (
        "đây là {kind}, không phải tệp thông thường: dti chỉ đọc tệp (hãy lưu dữ liệu ra một tệp .csv hoặc "
        ".xlsx rồi chỉ ra tệp đó)",
        "this is {kind}, not a regular file: dti reads files only (save the data to a .csv or .xlsx file "
        "and give that file)",
    ),
    "files.kind.fifo": ("một đường ống (FIFO)", "a pipe (FIFO)"),
    "files.kind.socket": ("một socket", "a socket"),
    "files.kind.device": ("một thiết bị", "a device"),
    "files.size": ("tệp quá lớn", "the file is too large"),
    "files.unit.bytes": ("byte", "bytes"),
    # --- what a file is by its content, whatever its name says (dti/io/files.py) ------------------------
    "files.kind-xlsx": (
        "tệp là sổ tính Excel (.xlsx) dù mang tên '{suffix}': đã đọc như .xlsx; nên đổi đuôi tệp thành .xlsx",
        "the file is an Excel workbook (.xlsx) though named '{suffix}': read as .xlsx; rename it to .xlsx",
    ),
    "files.kind-csv": (
        "tệp là văn bản CSV dù mang tên '{suffix}': đã đọc như .csv; nên đổi đuôi tệp thành .csv",
        "the file is CSV text though named '{suffix}': read as .csv; rename it to .csv",
    ),
    "files.text-not-workbook": (
        "tệp là văn bản, không phải sổ tính Excel, dù mang tên '{suffix}', và không phải bảng CSV: hãy mở "
        "tệp gốc bằng Excel và lưu lại dưới dạng .xlsx",
        "the file is text, not an Excel workbook, though named '{suffix}', and not a CSV table: open the "
        "original in Excel and save it as .xlsx",
    ),
    "files.kind-other": (
        "tệp là {kind} được lưu với tên '{suffix}', không phải bảng số liệu: hãy xuất bảng ra .xlsx hoặc "
        "'CSV UTF-8' rồi gửi lại",
        "the file is {kind} saved with a '{suffix}' name, not a table: export the table as .xlsx or "
        "'CSV UTF-8' and give that file",
    ),
    "files.kind-named": (
        "tệp là {kind} dù mang tên '{suffix}': đã đọc như vậy; nên đổi đuôi tệp cho đúng",
        "the file is {kind} though named '{suffix}': read as such; give it the right extension",
    ),
    "files.kind-doc": (
        "tệp là một văn bản Word cũ (.doc), dti không đọc được định dạng này: hãy mở tệp bằng Word và lưu "
        "thành .docx (Tệp › Lưu thành › Tài liệu Word) rồi gửi lại; các bảng trong tệp .docx sẽ được đọc",
        "the file is an old Word document (.doc), a format dti does not read: open it in Word and save it as "
        ".docx (File › Save As › Word Document), then give that file; the tables of a .docx are read",
    ),
    "files.damaged": (
        "tệp bị hỏng, không mở được như {kind}: hãy mở tệp gốc bằng ứng dụng đã tạo ra nó và lưu lại, hoặc "
        "xin đơn vị gửi lại tệp",
        "the file is damaged: it does not open as {kind}; open the original in the application that made it "
        "and save it again, or ask the sender for the file again",
    ),
    "files.encrypted": (
        "{kind} được đặt mật khẩu (mã hóa) nên dti không đọc được: hãy mở bằng mật khẩu, bỏ mật khẩu "
        "(Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, để trống) rồi lưu lại",
        "{kind} is protected by a password (encrypted), so dti cannot read it: open it with the password, "
        "remove the password (File > Info > Protect Workbook > Encrypt with Password, left empty) and save "
        "it again",
    ),
    "files.bad-xls": (
        "không phải tệp Excel 97-2003 (.xls) đọc được: {why}; hãy mở bằng Excel và lưu lại dưới dạng .xlsx",
        "not a readable Excel 97-2003 (.xls) file: {why}; open it in Excel and save it as .xlsx",
    ),
    "files.bad-ods": (
        "không phải bảng tính OpenDocument (.ods) đọc được: {why}; hãy mở bằng LibreOffice và lưu lại",
        "not a readable OpenDocument spreadsheet (.ods): {why}; open it in LibreOffice and save it again",
    ),
    "files.bad-docx": (
        "không phải văn bản Word (.docx) đọc được: {why}; hãy mở bằng Word và lưu lại",
        "not a readable Word document (.docx): {why}; open it in Word and save it again",
    ),
    "files.docx-no-table": (
        "văn bản Word không có bảng nào: số liệu cần nằm trong một bảng (Chèn > Bảng), hoặc gửi tệp .xlsx",
        "the Word document has no table: the figures must be in a table (Insert > Table), or send an .xlsx "
        "file",
    ),
    "files.docx-skipped": (
        "văn bản có {count} bảng: bỏ qua bảng thứ {tables} (không có cột nào dti nhận ra)",
        "the document has {count} tables: skipped table {tables} (no column dti knows)",
    ),
    "files.limit.xls-size": ("tệp .xls có {size:,.0f} byte", "the .xls file has {size:,.0f} bytes"),
    "files.what.pdf": ("một tệp PDF", "a PDF file"),
    "files.what.docx": ("một văn bản Word (.docx)", "a Word document (.docx)"),
    "files.what.zip": ("một tệp nén .zip", "a .zip archive"),
    "files.what.ole": (
        "một tệp Office cũ (.xls của Excel 97-2003 hoặc .doc của Word)",
        "an old Office file (an Excel 97-2003 .xls or a Word .doc)",
    ),
    "files.what.ods": ("một bảng tính OpenDocument (.ods)", "an OpenDocument spreadsheet (.ods)"),
    "files.what.xls": ("sổ tính Excel 97-2003 (.xls)", "an Excel 97-2003 workbook (.xls)"),
    "files.what.xlsx": ("sổ tính Excel (.xlsx)", "an Excel workbook (.xlsx)"),
    "files.what.doc": ("một văn bản Word cũ (.doc)", "an old Word document (.doc)"),
    # --- CSV (dti/io/csvfile.py) -------------------------------------------------------------------------
    "files.unclosed-quote": (
        "dấu ngoặc kép mở ở dòng {row} không bao giờ đóng, nên mọi dòng sau nó ({rows} dòng) bị gộp vào "
        'một ô: hãy đóng ngoặc (") hoặc xóa dấu ngoặc đó ở dòng {row}, rồi lưu lại',
        "a quote opened in row {row} never closes, so every row after it ({rows} rows) is swallowed into "
        'one cell: close the quote (") or remove it in row {row}, then save again',
    ),
    "files.limit.csv-columns": (
        "dòng {row} có {count:,.0f} cột",
        "row {row} has {count:,.0f} columns",
    ),
    "files.limit.csv-cells": (
        "tệp CSV có {rows:,.0f} dòng × {columns:,.0f} cột",
        "the CSV file has {rows:,.0f} rows × {columns:,.0f} columns",
    ),
    # --- workbooks: every visible sheet (dti/io/xlsx.py, dti/engine/build.py) ---------------------------
    "files.hidden-sheets": (
        "bỏ qua trang ẩn {sheets:q} (dữ liệu trên trang ẩn không được chấm; dùng --sheet TÊN để đọc một "
        "trang ẩn)",
        "skipped hidden sheets {sheets:q} (a hidden sheet is never scored; use --sheet NAME to read one)",
    ),
    "files.only-hidden": (
        "mọi trang tính đều bị ẩn ({sheets:q}): hãy bỏ ẩn trang cần đọc, hoặc chỉ ra nó bằng --sheet TÊN",
        "every worksheet is hidden ({sheets:q}): unhide the sheet to read, or name it with --sheet NAME",
    ),
    "files.empty-sheets": ("bỏ qua trang trống {sheets:q}", "skipped empty sheets {sheets:q}"),
    "files.sheet-unknown": (
        "bỏ qua trang '{sheet}': dòng tiêu đề không có cột nào dti nhận ra ({header})",
        "skipped sheet '{sheet}': its header names no column dti knows ({header})",
    ),
    "files.table-unknown": (
        "bỏ qua bảng {table} của tài liệu: dòng tiêu đề không có cột nào dti nhận ra ({header})",
        "skipped table {table} of the document: its header names no column dti knows ({header})",
    ),
    "files.at-row-of-sheet": (
        "dòng {row} của trang '{sheet}' trong {file}",
        "row {row} of sheet '{sheet}' of {file}",
    ),
    # --- the data year and where a file states it (dti/io/grid.py, dti/pipeline.py) -----------------------
    "files.years-differ": (
        "các tệp/trang số liệu ghi những năm khác nhau: {sources:;}; hãy chọn năm bằng {option}",
        "the data files/sheets state different years: {sources:;}; choose the year with {option}",
    ),
    "files.year-sheet-row": (
        "{file} trang '{sheet}' dòng {row}: năm {year}",
        "{file} sheet '{sheet}' row {row}: {year}",
    ),
    "files.year-row": ("{file} dòng {row}: năm {year}", "{file} row {row}: {year}"),
    "files.year-name": ("{file} (tên tệp): năm {year}", "{file} (the file name): {year}"),
    "files.year-chosen": (
        "các tệp/trang số liệu ghi những năm khác nhau ({sources:;}): tính theo năm {year} như {option} chọn",
        "the data files/sheets state different years ({sources:;}): the year is {year}, as {option} says",
    ),
    # --- the previous year's file (dti/pipeline.py check_years) ------------------------------------------
    "files.previous-same": (
        "{file} vừa là tệp số liệu vừa là tệp năm trước: mọi thay đổi sẽ bằng 0; hãy chỉ ra tệp số liệu của "
        "năm trước",
        "{file} is both the data and the previous year's file: every change would be 0; give the previous "
        "year's file",
    ),
    "files.previous-year-unknown": (
        "Không rõ {earlier} là số liệu năm nào (không có cột năm, dòng tên bảng hay tên tệp ghi năm): đã "
        "so sánh như số liệu năm trước; hãy kiểm tra đó đúng là tệp năm trước",
        "{earlier} does not say its year (no year column, title row or year in its name): compared as the "
        "previous year's data; check that it is the previous year's file",
    ),
    "files.late-quote": (
        "ô này mở dấu ngoặc kép và chỉ đóng ở vài dòng sau (dòng {lines} của tệp), nên các dòng trông như "
        'dòng số liệu đã bị gộp vào ô: {rows:q}; nếu đó là số liệu, hãy đóng ngoặc (") ngay cuối ô '
        "rồi lưu lại",
        "this cell opens a quote that closes only some lines later (lines {lines} of the file), so lines "
        "that look like data rows were read as part of the cell: {rows:q}; if they are data, close the "
        'quote (") at the end of the cell and save again',
    ),
}
