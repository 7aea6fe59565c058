"""importlib.metadata for Krait: version() and metadata() read NAME-VERSION.dist-info/METADATA from the
directories of sys.path; anything not installed that way raises PackageNotFoundError."""

import os
import sys

__all__ = ["PackageNotFoundError", "version", "metadata", "distribution", "Distribution"]


class PackageNotFoundError(ModuleNotFoundError):
    def __str__(self):
        return f"No package metadata was found for {self.name}"

    @property
    def name(self):
        (name,) = self.args
        return name


def _normalize(name):
    out = []
    for c in name.lower():
        out.append("_" if c in "-." else c)
    return "".join(out)


class Distribution:
    def __init__(self, path):
        self._path = path

    def read_text(self, filename):
        try:
            with open(os.path.join(self._path, filename), encoding="utf-8") as f:
                return f.read()
        except OSError:
            return None

    @property
    def metadata(self):
        headers = {}
        text = self.read_text("METADATA") or self.read_text("PKG-INFO") or ""
        for line in text.splitlines():
            if not line.strip():
                break
            key, sep, value = line.partition(":")
            if sep and not key.startswith((" ", "\t")):
                headers.setdefault(key.strip(), value.strip())
        return headers

    @property
    def version(self):
        return self.metadata.get("Version")

    @property
    def name(self):
        return self.metadata.get("Name")

    @classmethod
    def from_name(cls, name):
        if not name:
            raise ValueError("A distribution name is required.")
        want = _normalize(name)
        for entry in sys.path:
            base = entry or "."
            try:
                names = sorted(os.listdir(base))
            except OSError:
                continue
            for n in names:
                if n.endswith((".dist-info", ".egg-info")):
                    project = n.rsplit(".", 1)[0].split("-")[0]
                    if _normalize(project) == want:
                        return cls(os.path.join(base, n))
        raise PackageNotFoundError(name)


def distribution(distribution_name):
    return Distribution.from_name(distribution_name)


def metadata(distribution_name):
    return Distribution.from_name(distribution_name).metadata


def version(distribution_name):
    return Distribution.from_name(distribution_name).version
