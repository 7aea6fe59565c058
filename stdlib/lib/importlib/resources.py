"""importlib.resources for Krait: files() and the read helpers, for packages on disk (the frozen stdlib
packages have no files: NotImplementedError)."""

import sys
import pathlib
import contextlib

__all__ = ["files", "as_file", "read_text", "read_binary", "open_text", "open_binary", "is_resource",
           "contents"]


def _module(anchor):
    if anchor is None:
        anchor = sys._getframe(2).f_globals["__name__"]
    if isinstance(anchor, str):
        import importlib
        return importlib.import_module(anchor)
    return anchor


def files(anchor=None):
    """A pathlib.Path for the directory of a package (or of the module's containing directory)."""
    module = _module(anchor)
    paths = getattr(module, "__path__", None)
    if paths:
        first = list(paths)[0]
        if first.startswith("<frozen "):
            raise NotImplementedError(
                f"importlib.resources.files({module.__name__!r}): frozen packages have no files in Krait")
        return pathlib.Path(first)
    filename = getattr(module, "__file__", None)
    if filename is None:
        raise NotImplementedError(
            f"importlib.resources.files({module.__name__!r}): the module has no file in Krait")
    return pathlib.Path(filename).parent


@contextlib.contextmanager
def as_file(path):
    """The resources are files already: yields the path itself."""
    yield path


def read_binary(anchor, *path_names):
    return files(anchor).joinpath(*path_names).read_bytes()


def read_text(anchor, *path_names, encoding="utf-8", errors="strict"):
    with open_text(anchor, *path_names, encoding=encoding, errors=errors) as f:
        return f.read()


def open_binary(anchor, *path_names):
    return files(anchor).joinpath(*path_names).open("rb")


def open_text(anchor, *path_names, encoding="utf-8", errors="strict"):
    return open(files(anchor).joinpath(*path_names), encoding=encoding, errors=errors)


def is_resource(anchor, *path_names):
    return files(anchor).joinpath(*path_names).is_file()


def contents(anchor, *path_names):
    return sorted(p.name for p in files(anchor).joinpath(*path_names).iterdir())
