"""robustness(result, settings, ...) -> Robustness: the one entry point of the rank-robustness draws, for
`dti robust` and the report's section alike: the settings checked, the model built, the units chosen, the
draws analysed, and what the user should know as Notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from dti.analysis.robust import Robustness, Settings, analyse, build
from dti.engine.lookup import RankingError, find_unit
from dti.engine.scoring import Result
from dti.engine.submission import Submission
from dti.words import Note, note

MAX_DRAWS = 1_000_000


class SettingsError(RankingError):
    """Robustness settings that do not go together; `argument` names the option to change."""

    option_error = True


@dataclass
class Ranks:
    """The draws' outcome, the units asked about (indices into the model's units) and the notes."""

    out: Robustness
    chosen: list[int] | None = None
    notes: list[Note] = field(default_factory=list)


def check(settings: Settings, *, sensitivity: bool = False, previous: bool = False) -> None:
    """SettingsError unless the draws, the missing rule and its previous year, and sensitivity fit."""
    if not 1 <= settings.draws <= MAX_DRAWS:
        raise SettingsError(
            f"{settings.draws}: robust needs 1 to 1,000,000 draws (it is `dti report --draws 0` that leaves "
            "the robustness section out)",
            "draws",
        )
    if sensitivity and settings.weights == 0 and settings.missing == "zero" and not settings.self_verified:
        raise SettingsError(
            "with --weights 0 there is no uncertain input to analyse: give --weights above 0, --missing "
            "median or previous, or --self-verified",
            "sensitivity",
        )
    if (settings.missing == "previous") != previous:
        raise SettingsError(
            "--missing previous needs --previous FILE, and --previous is used only with --missing previous",
            "previous",
        )


class NoUnitError(ValueError):
    """No unit can be reweighted: every unit lacks a main index (a table of totals only)."""


def robustness(
    result: Result,
    settings: Settings,
    *,
    submission: Submission | None = None,
    previous: Result | None = None,
    units: list[str] | None = None,
    sensitivity: bool = False,
) -> Ranks:
    """Draw the uncertain inputs and rank each draw (see dti.analysis.robust); `units` (codes or names)
    are the units shown and analysed for sensitivity. SettingsError, NoUnitError, RankingError."""
    check(settings, sensitivity=sensitivity, previous=previous is not None)
    model = build(result, settings, submission, previous)
    if not model.units:
        raise NoUnitError(
            "no unit has a value for every main index, and a total alone cannot be reweighted: give the "
            "main indices (or the components)"
        )
    chosen = None
    if units:
        names = dict(zip(model.units, model.names, strict=True))
        chosen = list(dict.fromkeys(model.units.index(find_unit([names], u)) for u in units))
    out = analyse(model, settings, chosen, sensitivity)
    notes = []
    if sensitivity and len(model.groups) == 1:
        notes.append(note("notes.sensitivity-one-input", group=next(iter(model.groups))))
    elif sensitivity and out.sensitivity is None:
        notes.append(note("notes.sensitivity-nothing"))
    return Ranks(out, chosen, notes)
