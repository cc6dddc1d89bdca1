"""How department names are folded and compared: the keys names match on, their words, how alike two
names are (for a did-you-mean), a name a letter off, a misspelling, a name written as a local government.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from dti.text import header_key, name_key, plain_key

# Long forms → the short forms people write (on the folded text, `và` dropped): `Sở Khoa học và Công
# nghệ`, `Sở KH&CN` and `Sở KHCN` are one key.
SHORT_FORMS = {
    "uy ban nhan dan": "ubnd",
    "hoi dong nhan dan": "hdnd",
    "van phong": "vp",
    "ngan hang nha nuoc": "nhnn",
    "kho bac nha nuoc": "kbnn",
    "bao hiem xa hoi": "bhxh",
    "khoa hoc cong nghe": "khcn",
    "thong tin truyen thong": "tttt",
    "giao duc dao tao": "gddt",
    "ke hoach dau tu": "khdt",
    "lao dong thuong binh xa hoi": "ldtbxh",
    "nong nghiep phat trien nong thon": "nnptnt",
    "nong nghiep moi truong": "nnmt",
    "tai nguyen moi truong": "tnmt",
    "van hoa the thao du lich": "vhttdl",
    "giao thong van tai": "gtvt",
    "dan toc ton giao": "dttg",
    "doanh nghiep vien thong": "dnvt",
    "mat tran to quoc": "mttq",
    "lien hiep phu nu": "lhpn",
    "cong an": "ca",
}
_SHORT = re.compile(r"\b(" + "|".join(sorted(SHORT_FORMS, key=len, reverse=True)) + r")\b")
# What follows a body's name to say where it is (`Công an tỉnh Khánh Hòa`, `NHNN chi nhánh Khánh Hòa`,
# `Kho bạc Nhà nước Khu vực XV`): dropped when matching the bundled register.
_WHERE = re.compile(r"(?<=\S) (?:tinh|chi nhanh|khu vuc)(?: .*)?$")
# Words many names share (folded, short forms applied): left out when telling how alike two names are,
# so that `Hội Nông dân tỉnh` is not said to be close to `Ngân hàng Nhà nước chi nhánh tỉnh`.
GENERIC = frozenset({"so", "tinh", "ubnd", "chi", "nhanh", "khu", "vuc", "cac", "cap", "ban", "cuc", "hoi"})
# A name written for a local government (`UBND huyện A`, `Thị xã C`, `UBND cấp xã`), when the register
# does not say (a department an owners file brings).
LOCAL = ("huyen", "quan", "thi xa", "thanh pho", "xa", "phuong", "dac khu", "cap huyen", "cap xa")


@cache
def keys(text: str) -> tuple[str, str]:
    """(full key, key without a trailing `tỉnh …` / `chi nhánh …` / `khu vực …`): folded, `và` and `&`
    dropped, short forms for long ones, no spaces. `Sở KH&CN`, `Sở KHCN`, `So Khoa hoc va Cong nghe
    tinh` → `sokhcn`."""
    full, bare = words(text)
    return "".join(full), "".join(bare)


@cache
def words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of the two keys (full, without `tỉnh …`), short forms applied."""
    spaced = " ".join(w for w in header_key(text).replace(".", " ").split() if w != "va")
    full = _SHORT.sub(lambda m: SHORT_FORMS[m[1]], spaced).split()
    bare = _SHORT.sub(lambda m: SHORT_FORMS[m[1]], _WHERE.sub("", spaced)).split()
    return tuple(full), tuple(bare)


@cache
def core(text: str, short: bool = True) -> tuple[str, ...]:
    """What tells a name from others: its words (short forms applied, or as written) without the generic
    ones (all of them if none is left)."""
    found = words(text)[0] if short else tuple(w for w in header_key(text).split() if w != "va")
    return tuple(w for w in found if w not in GENERIC) or found


def one_letter(a: str, b: str, shortest: int = 4) -> bool:
    """Words `a` and `b` differ by one letter (missing, extra or changed), the longer `shortest` letters
    or more."""
    if a == b or max(len(a), len(b)) < shortest or abs(len(a) - len(b)) > 1 or not (a + b).isalpha():
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else (a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :])


def one_word_off(written: tuple[str, ...], known: tuple[str, ...], shortest: int = 4) -> bool:
    """The same words but one, and that one a letter off (`so tai chih` / `so tai chinh`)."""
    if len(written) != len(known):
        return False
    off = [(a, b) for a, b in zip(written, known, strict=True) if a != b]
    return len(off) == 1 and one_letter(*off[0], shortest=shortest)


def alike(name: str, texts: list[str]) -> list[str]:
    """The texts genuinely like `name`, likest first: a word a letter off; the same words once the
    generic ones (`Sở`, `tỉnh`, `UBND`…) are left out, nearly (a ratio of 0.8); or `name`'s words the
    start of theirs (`Sở Thông tin` → `Sở Thông tin và Truyền thông`)."""
    mine, plain = core(name), core(name, short=False)
    scored: dict[str, float] = {}
    for text in texts:
        if one_word_off(words(name)[0], words(text)[0], shortest=1) or one_word_off(mine, core(text), 1):
            score = 2.0
        elif len(plain) < len(theirs := core(text, short=False)) and theirs[: len(plain)] == plain:
            score = 1.5
        else:
            score = difflib.SequenceMatcher(None, "".join(mine), "".join(core(text))).ratio()
        if score >= 0.8:
            scored[text] = max(score, scored.get(text, 0.0))
    return sorted(scored, key=lambda t: -scored[t])


def respelt(text: str, known: str) -> bool:
    """`text` is `known` with other diacritics (`Đào tao` for `Đào tạo`, `So Y te`): a misspelling."""
    return plain_key(text) == plain_key(known) and name_key(text) != name_key(known)


def looks_local(name: str) -> bool:
    """`UBND huyện A`, `Ủy ban nhân dân xã B`, `Thị xã C`, `UBND cấp xã`: written as a local government."""
    key = header_key(name).replace("uy ban nhan dan", "ubnd").removeprefix("ubnd ").removeprefix("cac ")
    return any(key == w or key.startswith(w + " ") for w in LOCAL)
