"""The review of `dti spec import`: what was built and what an analyst checks against the decision."""

from __future__ import annotations

from dti.spec.importer import Review
from dti.views.base import Column, Lang, View
from dti.words import say, texts


def import_summary(review: Review, lang: Lang = "vi") -> str:
    """One line: nodes, rules inferred by kind, and the counts to check."""
    rules = ", ".join(f"{n} {kind}" for kind, n in sorted(review.rules.items(), key=lambda r: (-r[1], r[0])))
    return say(
        "spec.review.summary",
        lang,
        nodes=review.nodes,
        rules=rules or say("spec.review.no-rules", lang),
        provisional=len(review.provisional),
        sums=len(review.sums),
        unplaced=len(review.unplaced),
    )


def import_review(review: Review, lang: Lang = "vi") -> View:
    """One row per thing to check: provisional nodes, sums that disagree, rows that could not be placed,
    rules that add what their text does not say."""
    keys = ("row", "number", "code", "check", "detail")
    columns = [
        Column(key, say(f"spec.review.{key}", lang), "int" if key == "row" else "text") for key in keys
    ]
    rows = []
    for p in review.provisional:
        why = texts([p["why"]], lang)[0]
        detail = f'{why}: "{p["method"]}"' if p["method"] else why
        rows.append({**p, "check": say("spec.review.provisional", lang), "detail": detail})
    rows += [
        {
            **s,
            "check": say("spec.review.sum", lang),
            "detail": say("spec.review.sum-detail", lang, stated=s["stated"], children=s["children"]),
        }
        for s in review.sums
    ]
    rows += [
        {
            **u,
            "code": "",
            "check": say("spec.review.unplaced", lang),
            "detail": f"{u['name']}: {texts([u['why']], lang)[0]}",
        }
        for u in review.unplaced
    ]
    rows += [
        {**a, "check": say(f"spec.review.{a['check']}", lang), "detail": texts([a["why"]], lang)[0]}
        for a in review.assumed
    ]
    rows.sort(key=lambda r: r["row"])
    if not rows:  # nothing to check: no empty table, the notes on how the table was read only
        return View("", [], [], notes=texts(review.notes, lang))
    return View(say("spec.review.title", lang), columns, rows, notes=texts(review.notes, lang))
