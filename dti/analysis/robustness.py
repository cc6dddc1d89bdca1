"""robustness(result, settings, ...) -> Robustness: the one entry point of the rank-robustness draws, for
`dti robust` and the report's section alike: the settings checked, the model built, the units chosen, the
draws analysed, and what the user should know as Notes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

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
        raise SettingsError(note("refusal.draws", draws=settings.draws), "draws")
    if sensitivity and settings.weights == 0 and settings.missing == "zero" and not settings.self_verified:
        raise SettingsError(note("refusal.nothing-uncertain"), "sensitivity")
    if (settings.missing == "previous") != previous:
        raise SettingsError(note("refusal.missing-previous"), "previous")


class NoUnitError(ValueError):
    """No unit can be reweighted: every unit lacks a main index (a table of totals only)."""

    def __init__(self) -> None:
        self.note = note("refusal.no-unit-to-reweight")
        super().__init__(str(self.note))


def robustness(
    result: Result,
    settings: Settings,
    *,
    submission: Submission | None = None,
    previous: Result | None = None,
    units: list[str] | None = None,
    sensitivity: bool = False,
    among: Callable[[np.ndarray, list[str]], np.ndarray] | None = None,
) -> Ranks:
    """Draw the uncertain inputs and rank each draw (see dti.analysis.robust); `units` (codes or names)
    are the units shown and analysed for sensitivity. `among`, given the nominal ranks and the draws'
    units, names the only units whose rank spread is found (see analyse). SettingsError, NoUnitError,
    RankingError."""
    check(settings, sensitivity=sensitivity, previous=previous is not None)
    model = build(result, settings, submission, previous)
    if not model.units:
        raise NoUnitError
    chosen = None
    if units:
        names = dict(zip(model.units, model.names, strict=True))
        chosen = list(dict.fromkeys(model.units.index(find_unit([names], u)) for u in units))
    only = None if among is None else (lambda nominal: among(nominal, model.units))
    out = analyse(model, settings, chosen, sensitivity, only)
    notes = []
    if sensitivity and len(model.groups) == 1:
        notes.append(note("notes.sensitivity-one-input", group=next(iter(model.groups))))
    elif sensitivity and out.sensitivity is None:
        notes.append(note("notes.sensitivity-nothing"))
    return Ranks(out, chosen, notes)
