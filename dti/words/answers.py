"""Answers as units write them: numbers with counts and unit words, yes/no in full."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # --- numbers as reported (dti/numbers.py, dti/engine/reported.py) -----------------------------------
    "answers.approximate": (
        "'{raw}' là số ước lượng ('{word}'), không phải số liệu: hãy ghi số chính xác (ví dụ 12 hoặc 86,32%)",
        "'{raw}' is an estimate ('{word}'), not a figure: write the exact number (e.g. 12 or 86,32%)",
    ),
    "answers.counts-zero": (
        "'{raw}': mẫu số bằng 0, không tính được tỷ lệ cho {code}: hãy kiểm tra số liệu",
        "'{raw}': the denominator is 0, no share can be computed for {code}: check the figures",
    ),
    "answers.counts-above": (
        "'{raw}': tử số {a:,.0f} lớn hơn mẫu số {b:,.0f}, tỷ lệ của {code} không thể vượt 100 %: "
        "hãy kiểm tra số liệu",
        "'{raw}': the numerator {a:,.0f} is above the denominator {b:,.0f}, a share for {code} cannot "
        "exceed 100 %: check the figures",
    ),
    "answers.counts-not-max": (
        "'{raw}': {code} tính bằng điểm trên tối đa {max:g} điểm, không phải trên {b:g}: hãy ghi số điểm "
        "(ví dụ {max:g}/{max:g} hoặc chỉ số điểm)",
        "'{raw}': {code} takes points out of its maximum of {max:g}, not out of {b:g}: write the points "
        "(e.g. {max:g}/{max:g} or the points alone)",
    ),
    "answers.counts-above-max": (
        "'{raw}': {a:g} điểm vượt mức tối đa {max:g} của {code}",
        "'{raw}': {a:g} points exceed the maximum of {max:g} for {code}",
    ),
    "answers.counts-not-a-ratio": (
        "'{raw}' là một tỷ lệ a/b, nhưng {code} không tính theo tỷ lệ: hãy ghi một số (ví dụ {a:,.0f})",
        "'{raw}' is a ratio a/b, but {code} is not scored as a share: write one number (e.g. {a:,.0f})",
    ),
    "answers.percent-in-count": (
        "'{raw}' là tỷ lệ phần trăm, nhưng {code} là một số đếm: hãy ghi số lượng (ví dụ 4), không tính điểm "
        "ô này",
        "'{raw}' is a percentage, but {code} is a count: write the number (e.g. 4); this cell is not scored",
    ),
    "answers.fraction-in-count": (
        "'{raw}' không phải số nguyên, nhưng {code} là một số đếm: tính theo giá trị đã ghi ({value:g}); "
        "hãy kiểm tra số liệu",
        "'{raw}' is not a whole number, but {code} is a count: scored as given ({value:g}); check the figure",
    ),
    "answers.counts-read": (
        "{file}: {count} ô ghi tỷ lệ bằng số đếm a/b, tính thành phần trăm: {cells:;}",
        "{file}: {count:|cell gives|cells give} a share as counts a/b, read as a percentage: {cells:;}",
    ),
    "answers.counts-cell": (
        "{cell} ({unit}, {code}) {raw} → {value:.2f} %",
        "{cell} ({unit}, {code}) {raw} → {value:.2f} %",
    ),
    "answers.counts-more": ("và {more} ô khác", "and {more} more"),
    # --- yes/no read in full (dti/answers.py) --------------------------------------------------------
    "answers.read-as-no": (
        "'{raw}' được tính là 'không' vì có '{word}': {code} chỉ tính 'có' khi đã có kết quả chính thức "
        "(ví dụ 'Đã ban hành'); nếu đã có, hãy ghi rõ",
        "'{raw}' is read as no because of '{word}': {code} counts yes only once the result exists "
        "(e.g. 'Đã ban hành'); if it does, say so plainly",
    ),
}
