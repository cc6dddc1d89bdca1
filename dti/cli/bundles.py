"""A command's bundles of options (Inputs, Writer) spread into Typer parameters and gathered back, with
the paths its parameters name (the -o guard's inputs) and the format -o FILE implies."""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, get_type_hints

import typer

from dti.cli.exits import READ
from dti.cli.options import BUNDLES, output_format

SPEC_NAMES = ("spec", "spec_ref")  # options naming a bundled spec id or a spec file


def read_paths(values: dict[str, Any]) -> tuple[Path, ...]:
    """Every path a command's parameters name, but -o: its FILE arguments, --previous, --units, --owners,
    --received, --rules, --targets, --tasks, --against…, and --spec (or `spec show`'s ID|PATH) when it
    names a file rather than a bundled spec."""
    found: list[Path] = []
    for name, value in values.items():
        if name == "output":
            continue
        for each in value if isinstance(value, list | tuple) else [value]:
            if isinstance(each, Path):
                found.append(each)
            elif isinstance(each, str) and name in SPEC_NAMES and Path(each).exists():
                found.append(Path(each))
    return tuple(found)


def bundled(func: Callable[..., Any]) -> Callable[..., Any]:
    """Spread a parameter typed Inputs or Writer into its options for Typer, and gather them back; choose
    the format of -o FILE (`fmt`) as `output_format` says.

    The options are declared once (the dataclass fields); each command takes the bundle as one argument.
    """
    hints = get_type_hints(func, include_extras=True)
    signature = inspect.signature(func)
    spread: dict[str, tuple[str, type]] = {}  # option parameter -> (bundle parameter, bundle)
    params = [inspect.Parameter("context", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)]
    for param in signature.parameters.values():
        bundle = hints.get(param.name)
        if bundle not in BUNDLES:
            params.append(
                param.replace(
                    kind=inspect.Parameter.KEYWORD_ONLY, annotation=hints.get(param.name, param.annotation)
                )
            )
            continue
        assert isinstance(bundle, type)
        fields = get_type_hints(bundle, include_extras=True)
        for item in dataclasses.fields(bundle):
            spread[item.name] = (param.name, bundle)
            params.append(
                inspect.Parameter(
                    item.name,
                    inspect.Parameter.KEYWORD_ONLY,
                    default=item.default,
                    annotation=fields[item.name],
                )
            )

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> Any:
        context: typer.Context = kwargs.pop("context")
        READ.set(read_paths(kwargs))
        fmt, output = kwargs.get("fmt"), kwargs.get("output")
        if isinstance(fmt, StrEnum) and isinstance(output, Path):
            given = context.get_parameter_source("fmt")
            kwargs["fmt"] = output_format(fmt, output, given=given is not None and given.name != "DEFAULT")
        groups: dict[str, dict[str, Any]] = {}
        for name, (target, _) in spread.items():
            groups.setdefault(target, {})[name] = kwargs.pop(name)
        for target, values in groups.items():
            bundle = next(b for n, (t, b) in spread.items() if t == target)
            kwargs[target] = bundle(**values)
        return func(**kwargs)

    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper
