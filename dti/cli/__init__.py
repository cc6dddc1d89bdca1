"""The `dti` command line: parse options, call the library, pick a view and a writer, exit.

Heavy libraries (pandas, numpy, rich) load inside the commands so that `dti --help` stays fast.
"""

import dti.cli.template  # noqa: F401  (registers `dti template`)
from dti.cli import calendar, gaps, rank, report, robust, score, spec, spec_import, targets, tasks, validate  # noqa: F401  (registers the commands)
from dti.cli.app import app, main, run
from dti.cli.exits import ExitCode

__all__ = ["ExitCode", "app", "main", "run"]
