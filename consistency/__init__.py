"""consistency: a cross-source claim-consistency checker for news."""

from .version import __version__

__all__ = ["__version__", "claims_frame", "extract_claims", "load_sources", "run"]


def __getattr__(name: str):
    # Imported on first use so `consistency --version` and `--help` start fast.
    if name == "extract_claims":
        from .extract import extract_claims

        return extract_claims
    if name == "load_sources":
        from .load import load_sources

        return load_sources
    if name == "claims_frame":
        from .frame import claims_frame

        return claims_frame
    if name == "run":
        from .pipeline import run

        return run
    raise AttributeError(name)
