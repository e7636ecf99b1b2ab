"""beleidsdata: Flemish policy documents as linked open data (OSLO, ELI, LDES)."""

__version__ = "0.1.0"
