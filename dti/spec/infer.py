"""A criterion's scoring rule, read from its method text ("Cách xác định và tính điểm") when unambiguous.

The text is cut into clauses (at `;`, line breaks and sentence ends); a clause `LABEL: N điểm` (or
`LABEL (N điểm)`, `LABEL được N điểm`) gives a label its points. Then:

* two clauses, a yes-word worth the maximum and a no-word worth 0 (`Có: 10 điểm; Không: 0 điểm`,
  `Đã ban hành … / Chưa ban hành …`) → yesno;
* every label a bound (`4 cuộc trở lên`, `từ 70% đến dưới 90%`, `3 cuộc`; a `dưới …` or `không …`
  band worth 0 is the floor) → thresholds, highest first, the top step worth the maximum; bounds
  written with `%` make its value a percentage (`percent`);
* every label words only (`Trưởng ban là Chủ tịch`, `Phó Chủ tịch`, `còn lại`) → choice; `X là Y` names
  the option `y`; when no option is worth 0, `không` and `chưa` are (a commune without the board answers
  `Không`, `Chưa thành lập`), said in the source and the review;
* no clauses, and `tỷ lệ … × điểm tối đa` or `điểm = tỷ lệ % × …` → ratio in percent, its target 100 or
  the `/ 80%` the text divides by.

Anything else, or a text that fits two readings (clauses and a ratio), or whose points do not reach the
maximum, is not inferred: the criterion is self-assessed points, capped, and provisional.
A strict bound (`trên 90%`) is not inferred either: a thresholds step means "at least".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dti.numbers import parse_number, yes_no
from dti.spec.model import ChoiceRule, PointsRule, RatioRule, Rule, Step, ThresholdsRule, YesNoRule
from dti.text import fold, nfc, plain_key
from dti.words import Note, note

_NUMBER = r"\d+(?:[.,]\d+)?"
_CLAUSE_END = re.compile(r"\s*(?:;|\n|\.\s+(?=[A-ZĐÀ-Ỹ\-–+•]))\s*")
_LEAD = re.compile(r"^\s*(?:[-–—+•*]|[a-zđ]\))\s*")
_POINTS_CLAUSE = (
    re.compile(
        rf"^(?P<label>.+?)\s*(?:[:=→]|\bđược\b|\bthì\b|\s[-–]\s)\s*(?P<pts>{_NUMBER})\s*(?:điểm|đ)?\s*\.?$"
    ),
    re.compile(rf"^(?P<label>.+?)\s*\(\s*(?P<pts>{_NUMBER})\s*(?:điểm|đ)\s*\)\s*\.?$"),
)
# On text without diacritics (see plain_key):
_MULTIPLY = r"(?:×|\*|\bx\b|\bnhan(?: voi)?\b)"
_RATIO = (
    re.compile(
        rf"ty le.*?{_MULTIPLY}\s*(?:voi\s*)?(?:so\s*)?(?:diem toi da|(?P<times>{_NUMBER})\s*(?:diem)?\b)"
    ),
    re.compile(rf"diem(?: dat duoc)?\s*=\s*ty le.*?{_MULTIPLY}\s*(?:diem toi da|(?P<times>{_NUMBER}))"),
    re.compile(rf"diem(?: dat duoc)?\s*=\s*(?P<times>{_NUMBER})\s*{_MULTIPLY}\s*ty le"),
    # Letters a decision defines: `a = số thôn có sóng 4G; b = tổng số thôn; Điểm = (a/b) × điểm tối đa`.
    re.compile(
        rf"(?<![\w/])\(?\s*(?P<num>[a-z])\s*/\s*(?P<den>[a-z])\s*\)?\s*(?:{_MULTIPLY}\s*100\s*%\s*)?"
        rf"{_MULTIPLY}\s*(?:diem toi da|(?P<times>{_NUMBER}))"
    ),
)
# An option written as a sentence (`Chủ tịch UBND xã làm trưởng ban`, `Trưởng ban do Phó Chủ tịch đảm
# nhiệm`): the answer people write is who does it.
_WHO = re.compile(
    r"^(?:(?:nếu|trường hợp|khi)\s+)?(?:.*?\bdo\s+)?(?P<who>.+?)\s+"
    r"(?:làm|giữ chức|giữ|đảm nhiệm|đảm nhận|phụ trách|kiêm)\b",
    re.IGNORECASE,
)
_TARGET = re.compile(rf"ty le[^;×*]*?(?:/|chia cho)\s*(?P<target>{_NUMBER})\s*%")
_STRICT = re.compile(r"^(?:tren|>(?!=)|hon|vuot|lon hon)\b|^>(?!=)")
_BELOW = re.compile(r"^(?:duoi|<|it hon|khong qua|khong du)")
_NONE = re.compile(r"^(?:khong|chua|0\b)")
NONE_OPTIONS = ("không", "chưa")  # a choice's implied answers worth 0, when no option is
_ATLEAST = re.compile(r"tro len|^(?:tu|>=|≥|it nhat|toi thieu|bang hoac lon hon)\b|^(?:>=|≥)")


@dataclass(frozen=True)
class Inference:
    """A criterion's rule and why: `inferred` False means self-assessed points, left provisional."""

    rule: Rule
    inferred: bool
    why: Note  # for the node's source: the rule and the text it was read from, or why none was
    reason: Note | None = None  # when not inferred: why, in a few words (for the review)
    detail: Note | None = None  # what the rule's words stand for: a ratio's terms, the options' sentences
    assumed: Note | None = None  # what the rule adds that the text does not say (for the review)


def _number(text: str) -> float:
    return float(parse_number(text.replace(" ", "")).value)


def _clauses(text: str) -> list[tuple[str, float]] | None:
    """The `LABEL: N điểm` clauses of a text; None if a clause is not one (a lead-in `…:` aside)."""
    parts = [p for p in (_LEAD.sub("", c).strip() for c in _CLAUSE_END.split(text.strip())) if p]
    if parts and parts[0].endswith(":") and len(parts) > 1:
        parts = parts[1:]  # "Cách tính điểm như sau:" introduces the clauses
    found: list[tuple[str, float]] = []
    for part in parts:
        match = next((m for p in _POINTS_CLAUSE if (m := p.match(part))), None)
        if match is None:
            return None
        found.append((match.group("label").strip(" :.,"), _number(match.group("pts"))))
    return found or None


def _why(kind: str, text: str) -> Note:
    return note("spec.infer.inferred", kind=kind, text=" ".join(text.split()))


def infer_rule(text: str, max_points: float | None) -> Inference:
    """The rule a method text states, or self-assessed points (not inferred) with the reason."""
    clauses = _clauses(text) if text.strip() else None
    ratio = next((m for p in _RATIO if (m := p.search(plain_key(text)))), None)
    if ratio and any(
        p.match(_LEAD.sub("", c).strip()) for c in _CLAUSE_END.split(text) for p in _POINTS_CLAUSE
    ):
        return _not_inferred(text, note("spec.infer.both"))
    if ratio is not None:
        return _ratio(text, ratio, max_points)
    if not clauses:
        return _not_inferred(text, note("spec.infer.no-pattern" if text.strip() else "spec.infer.no-method"))
    if max_points is None:
        return _not_inferred(text, note("spec.infer.no-max"))
    pairs = [(yes_no(fold(label)), pts) for label, pts in clauses]
    digits = [bool(re.search(r"\d", label)) for label, _ in clauses]
    if len(clauses) == 2 and {a for a, _ in pairs} == {True, False} and not any(digits):
        yes = next(p for a, p in pairs if a)
        no = next(p for a, p in pairs if not a)
        if yes == max_points and no == 0:
            return Inference(YesNoRule(kind="yesno"), True, _why("yesno", text))
        return _not_inferred(
            text, note("spec.infer.yes-no", yes=float(yes), no=float(no), max=float(max_points))
        )
    if all(digits) or (
        any(digits)
        and all(d or _NONE.match(plain_key(lb)) for (lb, _), d in zip(clauses, digits, strict=True))
    ):
        return _thresholds(text, clauses, max_points)
    if not any(digits):
        return _choice(text, clauses, max_points)
    return _not_inferred(text, note("spec.infer.mixed-clauses"))


def _not_inferred(text: str, reason: Note) -> Inference:
    method = " ".join(text.split())
    verbatim = note("spec.infer.verbatim", method=method) if method else ""
    why = note("spec.infer.none", reason=reason, verbatim=verbatim)
    return Inference(PointsRule(kind="points"), False, why, reason)


def _ratio(text: str, match: re.Match[str], max_points: float | None) -> Inference:
    times = match.groupdict().get("times")
    if times is not None and (max_points is None or _number(times) != max_points):
        return _not_inferred(text, note("spec.infer.times", times=times))
    target = _TARGET.search(plain_key(text))
    value = _number(target.group("target")) if target else 100.0
    if not 0 < value <= 100:
        return _not_inferred(text, note("spec.infer.target", value=value))
    rule = RatioRule(kind="ratio", target=value, scale="percent")
    return Inference(rule, True, _why("ratio", text), detail=_terms(text, match))


def _terms(text: str, match: re.Match[str]) -> Note | None:
    """A ratio written with letters: what its numerator and denominator count, as the text defines them
    (`a = số thôn có sóng 4G`, `b là tổng số thôn`), else the letters."""
    letters = match.groupdict()
    if not letters.get("num"):
        return None

    def defined(letter: str) -> str:
        found = re.search(rf"(?<![\w/])(?i:{letter})\s*(?:=|:|\blà\b)\s*(?![(\d])([^;,\n]+)", text)
        return " ".join(found.group(1).split()).rstrip(" .") if found else letter

    return note("spec.infer.terms", numerator=defined(letters["num"]), denominator=defined(letters["den"]))


def _thresholds(text: str, clauses: list[tuple[str, float]], top: float) -> Inference:
    steps: list[tuple[float, float]] = []
    percent: set[bool] = set()
    for label, pts in clauses:
        plain = plain_key(label)
        numbers = re.findall(rf"({_NUMBER})\s*(%?)", plain)
        if _STRICT.match(plain) or re.search(r"\b(?:tren|hon)\s+\d", plain) and "tro len" not in plain:
            return _not_inferred(text, note("spec.infer.strict", label=label))
        if _BELOW.match(plain) or (_NONE.match(plain) and not _ATLEAST.search(plain)):
            if pts == 0:
                continue  # the floor: below every step scores 0
            if _BELOW.match(plain):
                steps.append((0.0, pts))
                continue
            return _not_inferred(text, note("spec.infer.to-nothing", label=label, points=float(pts)))
        if not numbers or (len(numbers) > 1 and not re.search(r"\bden\b|[-–]", plain)):
            return _not_inferred(text, note("spec.infer.no-bound", label=label))
        steps.append((_number(numbers[0][0]), pts))
        percent.add(bool(numbers[0][1]))
    steps.sort(key=lambda s: -s[0])
    bounds = [s[0] for s in steps]
    if len(steps) < 1 or len(set(bounds)) != len(bounds) or len(percent) > 1:
        return _not_inferred(text, note("spec.infer.bounds"))
    if any(steps[k][1] < steps[k + 1][1] for k in range(len(steps) - 1)):
        return _not_inferred(text, note("spec.infer.fewer"))
    if steps[0][1] != top:
        return _not_inferred(text, note("spec.infer.top-step", top_step=float(steps[0][1]), max=float(top)))
    rule = ThresholdsRule(
        kind="thresholds", steps=[Step(at_least=a, points=p) for a, p in steps], percent=True in percent
    )
    return Inference(rule, True, _why("thresholds", text))


def _choice(text: str, clauses: list[tuple[str, float]], top: float) -> Inference:
    options: dict[str, float] = {}
    sentences: list[str] = []
    answers = [_answer(label) for label, _ in clauses]
    if len({fold(a) for a in answers}) < len(answers):  # trimmed to the same words: keep the labels whole
        answers = [_as_written(label) for label, _ in clauses]
    for name, (label, pts) in zip(answers, clauses, strict=True):
        if not name or fold(name) in {fold(o) for o in options}:
            return _not_inferred(text, note("spec.infer.option-twice", name=name))
        options[name] = pts
        if fold(name) != fold(_as_written(label)):
            sentences.append(f'"{name}": "{" ".join(label.split())}"')
    if max(options.values()) != top:
        best = float(max(options.values()))
        return _not_inferred(text, note("spec.infer.best-option", best=best, max=float(top)))
    detail = note("spec.infer.options", options="; ".join(sentences)) if sentences else None
    assumed = None
    if min(options.values()) > 0 and not any(_NONE.match(plain_key(o)) for o in options):
        options |= dict.fromkeys(NONE_OPTIONS, 0.0)
        assumed = note("spec.infer.zero-option", options=", ".join(f'"{o}"' for o in NONE_OPTIONS))
    rule = ChoiceRule(kind="choice", options=options)
    return Inference(rule, True, _why("choice", text), detail=detail, assumed=assumed)


def _as_written(label: str) -> str:
    return " ".join(nfc(label).split()).strip(" .,:")


def _answer(label: str) -> str:
    """The answer an option's label stands for, its words as written (an acronym stays upper case):
    `Trưởng ban là Chủ tịch` → `Chủ tịch`, `Chủ tịch UBND xã làm trưởng ban` → `Chủ tịch UBND xã`;
    otherwise the label."""
    written = _as_written(label)
    said = re.split(r"\s+là\s+", written, flags=re.IGNORECASE)
    if len(said) > 1:
        return said[-1].strip(" .,:")
    who = _WHO.match(written)
    return who.group("who").strip(" .,:") if who else written
