"""dti spec list | show | check: the methodologies."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.app import app
from dti.cli.exits import ExitCode, worded
from dti.cli.options import WRITER, Format, FormatOption, Lang, LangOption, Writer
from dti.words import note

spec_app = typer.Typer(help="List, show and check methodology specs.", no_args_is_help=True)
app.add_typer(spec_app, name="spec")


@common.command(spec_app, name="list")
def spec_list(fmt: FormatOption = Format.table, writer: Writer = WRITER) -> None:
    """List the bundled specs (methodologies) with their decisions and data years (node names stay the
    decision's Vietnamese whatever --lang)."""
    from dti import views
    from dti.spec import bundled_specs, load_spec
    from dti.views import spec as spec_views

    common.check_format(fmt.value, writer.output, writer.bom)
    specs = [load_spec(spec_id) for spec_id in bundled_specs()]
    common.emit(
        fmt,
        writer,
        [],
        table=lambda: views.spec_list(specs, writer.code),
        json=lambda: spec_views.spec_list_data(specs),
        csv=lambda: spec_views.spec_list_frame(specs),
    )


@common.command(spec_app, name="show")
def spec_show(
    spec_ref: Annotated[
        str, typer.Argument(metavar="ID|PATH", help="Bundled spec id or path to a YAML spec.")
    ],
    depth: Annotated[
        int | None, typer.Option("--depth", min=0, help="Levels below the total to show.")
    ] = None,
    fmt: FormatOption = Format.table,
    writer: Writer = WRITER,
) -> None:
    """Show a spec as a tree: points, pillar membership and provisional (*) markers.

    json is the whole spec as loaded (--depth is refused there); csv has a row per node (--depth keeps
    the nodes down to that level).

    Example: dti spec show dti-province-2022 --depth 1
    """
    if depth is not None and fmt is Format.json:
        common.refuse("cli.spec-json-depth")
    common.check_output(writer.output)  # never over the spec file shown
    common.check_format(fmt.value, writer.output, writer.bom)
    from dti import views
    from dti.spec import load_spec, spec_nodes_frame, spec_to_dict
    from dti.views.base import tree

    spec = load_spec(spec_ref)
    mark = common.decimal_mark(writer.lang, writer.decimal)

    def nodes() -> object:
        frame = spec_nodes_frame(spec)
        if depth is None:
            return frame
        return frame[frame["code"].isin({code for code, _ in tree(spec, depth)})]

    common.emit(
        fmt,
        writer,
        [],
        table=lambda: views.spec_tree(spec, depth, writer.code, mark),
        json=lambda: spec_to_dict(spec),
        csv=nodes,
    )


@common.command(spec_app, name="check")
def spec_check(
    paths: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Spec YAML files to check.")],
    lang: LangOption = Lang.vi,
) -> None:
    """Check spec files: exit 0 if all are valid, 3 with every problem listed (with its YAML key path)."""
    from dti.spec import SpecError, SpecUnreadable, load_spec
    from dti.write import stderr, text

    failed: set[ExitCode] = set()
    for path in paths:
        try:
            spec = load_spec(path)
        except SpecUnreadable as exc:
            stderr.error(worded(exc))
            failed.add(ExitCode.USAGE)
            continue
        except SpecError as exc:
            stderr.spec_problems(exc.source, exc.problems, lang.code)
            failed.add(ExitCode.BAD_SPEC)
            continue
        text.line(note("cli.spec-ok", path=str(path), spec=spec.id, count=len(spec.nodes)).text(lang.code))
    if failed:  # a spec read but wrong (3) outweighs one that could not be read (2)
        raise typer.Exit(int(max(failed)))
