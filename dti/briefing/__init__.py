"""The committee report, built from a year's runs, earlier years, targets and the year's tracking."""

from dti.briefing.briefing import Briefing, Checked, from_runs
from dti.briefing.build import NotScored, SideFileError, build_report
from dti.briefing.calendar import Schedule, schedule

__all__ = [
    "Briefing",
    "Checked",
    "NotScored",
    "Schedule",
    "SideFileError",
    "build_report",
    "from_runs",
    "schedule",
]
