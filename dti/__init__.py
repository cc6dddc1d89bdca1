"""dti: compute, validate and compare Vietnam's Digital Transformation Index.

The public API; heavy modules load on first use so that `dti --help` stays fast.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "Issue",
    "IssueCode",
    "Report",
    "Result",
    "Run",
    "Spec",
    "SpecError",
    "Submission",
    "UnitRegister",
    "build_report",
    "check_years",
    "dump_spec",
    "evaluate",
    "load_spec",
    "parse_spec",
    "read_submission",
    "report_document",
    "schedule",
    "score",
    "validate",
]

_HOME = {
    "Issue": "dti.issues",
    "IssueCode": "dti.issues",
    "Report": "dti.issues",
    "Result": "dti.engine.scoring",
    "Run": "dti.pipeline",
    "evaluate": "dti.pipeline",
    "check_years": "dti.pipeline",
    "build_report": "dti.briefing",
    "schedule": "dti.briefing",
    "report_document": "dti.views.report",
    "score": "dti.engine.scoring",
    "Spec": "dti.spec",
    "SpecError": "dti.spec",
    "dump_spec": "dti.spec",
    "load_spec": "dti.spec",
    "parse_spec": "dti.spec",
    "Submission": "dti.engine.submission",
    "UnitRegister": "dti.io.register",
    "read_submission": "dti.engine.build",
    "validate": "dti.engine.validate",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        import importlib

        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'dti' has no attribute {name!r}")
