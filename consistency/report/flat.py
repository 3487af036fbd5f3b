"""Flat rows of claims for every table: claims.csv, the SQLite claims table, ``extract --format csv`` and
``table``, the pandas claim table. Nested fields become ``value.low``, ``as_of.start``; the columns are the claim's
fields in the model's order, then the source's outlet and publication date."""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

from ..models import Claim, Report, Source

# Columns a reader of a claim table wants beside the claim, taken from its source.
SOURCE_COLUMNS = ("outlet", "published")


def claim_columns() -> list[str]:
    """Every claim field, nested models expanded, plus the source's outlet and date."""
    return list(_claim_columns())


@cache  # walking the model's annotations costs more than building a row: done once, not once per claim
def _claim_columns() -> tuple[str, ...]:
    return (*_columns(Claim), *SOURCE_COLUMNS)


def claim_row(claim: Claim, source: Source | None = None) -> dict[str, Any]:
    """One claim as a flat dict keyed by ``claim_columns()``, in their order (outlet and date empty without
    ``source``)."""
    row = _flatten(claim.model_dump(mode="json"))
    for column in SOURCE_COLUMNS:
        value = getattr(source, column, None)
        row[column] = value.isoformat() if hasattr(value, "isoformat") else value
    return {column: row.get(column) for column in _claim_columns()}


def claim_rows(report: Report) -> list[dict[str, Any]]:
    """One flat dict per claim, in report order, keyed by ``claim_columns()``."""
    sources = {source.name: source for source in report.sources}
    return [claim_row(claim, sources.get(claim.source)) for claim in report.claims]


def _columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    columns = []
    for name, field in model.model_fields.items():
        if field.exclude:
            continue
        nested = _model_in(field.annotation)
        columns += _columns(nested, f"{prefix}{name}.") if nested else [f"{prefix}{name}"]
    return columns


def _model_in(annotation: Any) -> type[BaseModel] | None:
    # Interval | None -> Interval; list[str] -> None.
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return next(filter(None, map(_model_in, typing.get_args(annotation))), None)
    return None


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat |= _flatten(value, f"{prefix}{key}.")
        else:
            flat[f"{prefix}{key}"] = value
    return flat
