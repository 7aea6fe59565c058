"""urllib: URL handling (only urllib.parse in Krait)."""
