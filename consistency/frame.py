"""The claim table as a pandas DataFrame, for Python users: one row per claim, the columns of claims.csv."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .models import Claim, Report
from .report.flat import claim_columns, claim_row, claim_rows

if TYPE_CHECKING:
    import pandas as pd


def claims_frame(claims: Report | Iterable[Claim]) -> pd.DataFrame:
    """A report's claims (or any claims, without their outlet and date) as a DataFrame indexed by claim id, in
    the report's order."""
    import pandas as pd

    rows = claim_rows(claims) if isinstance(claims, Report) else [claim_row(c) for c in claims]
    return pd.DataFrame(rows, columns=claim_columns()).set_index("id", drop=False)
