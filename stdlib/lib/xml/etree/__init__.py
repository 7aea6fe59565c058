"""The ElementTree XML API (Krait)."""
