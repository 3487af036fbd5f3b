"""The claim table as a pandas DataFrame, for Python users: one row per claim, the columns of the CSV report."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .models import Claim, Report
from .output import CSV_COLUMNS, flat

if TYPE_CHECKING:
    import pandas as pd


def claims_frame(claims: Report | Iterable[Claim]) -> pd.DataFrame:
    """A report's claims (or any claims) as a DataFrame indexed by claim id, in the report's order."""
    import pandas as pd

    if isinstance(claims, Report):
        claims = claims.claims
    return pd.DataFrame([flat(c) for c in claims], columns=CSV_COLUMNS).set_index("id", drop=False)
