"""pkgutil for Krait: iter_modules, walk_packages, get_data, resolve_name."""

import os
import sys
from collections import namedtuple

__all__ = ["ModuleInfo", "iter_modules", "walk_packages", "get_data", "resolve_name", "extend_path"]

ModuleInfo = namedtuple("ModuleInfo", "module_finder name ispkg")
ModuleInfo.__doc__ = "A namedtuple with minimal info about a module."


def _dir_modules(path, prefix):
    """(name, ispkg) of the modules directly in directory `path`, sorted by file name as CPython's
    FileFinder-based listing is."""
    try:
        names = sorted(os.listdir(path or "."))
    except OSError:
        return
    seen = set()
    for fn in names:
        full = os.path.join(path or ".", fn)
        name, ext = os.path.splitext(fn)
        if name in seen or not name.isidentifier():
            continue
        if ext == ".py" and name != "__init__" and os.path.isfile(full):
            seen.add(name)
            yield prefix + name, False
        elif not ext and os.path.isdir(full) and os.path.isfile(os.path.join(full, "__init__.py")):
            seen.add(name)
            yield prefix + name, True


def iter_modules(path=None, prefix=""):
    """ModuleInfo for every module in the directories of `path` (default: sys.path plus Krait's frozen
    top-level modules, which stand in for CPython's stdlib directory)."""
    from importlib.machinery import FileFinder, FrozenImporter
    if path is not None and isinstance(path, str):
        raise ValueError("path must be None or list of paths to look for modules in")
    yielded = set()
    if path is None:
        import _imp
        for name in _imp.frozen_module_names():
            if "." not in name and name not in yielded:
                yielded.add(name)
                yield ModuleInfo(FrozenImporter, prefix + name, _imp.is_frozen_package(name))
        path = sys.path
    for entry in path:
        if isinstance(entry, str) and entry.startswith("<frozen ") and entry.endswith(">"):
            import _imp
            pkg = entry[len("<frozen "):-1]
            for name in _imp.frozen_module_names():
                if name.startswith(pkg + ".") and "." not in name[len(pkg) + 1:]:
                    short = name[len(pkg) + 1:]
                    if short not in yielded:
                        yielded.add(short)
                        yield ModuleInfo(FrozenImporter, prefix + short, _imp.is_frozen_package(name))
            continue
        finder = FileFinder(entry)
        for name, ispkg in _dir_modules(entry, ""):
            if name not in yielded:
                yielded.add(name)
                yield ModuleInfo(finder, prefix + name, ispkg)


def walk_packages(path=None, prefix="", onerror=None):
    def seen(p, m={}):
        if p in m:
            return True
        m[p] = True
    for info in iter_modules(path, prefix):
        yield info
        if info.ispkg:
            try:
                __import__(info.name)
            except ImportError:
                if onerror is not None:
                    onerror(info.name)
            except Exception:
                if onerror is not None:
                    onerror(info.name)
                else:
                    raise
            else:
                sub = getattr(sys.modules[info.name], "__path__", None) or []
                sub = [p for p in sub if not seen(p)]
                yield from walk_packages(sub, info.name + ".", onerror)


def get_data(package, resource):
    """The bytes of `resource` (a '/'-separated path) inside package `package`, or None."""
    import importlib.util
    spec = importlib.util.find_spec(package)
    if spec is None:
        return None
    mod = sys.modules.get(package) or importlib.import_module(package)
    filename = getattr(mod, "__file__", None)
    if filename is None:
        return None
    parts = resource.split("/")
    parts.insert(0, os.path.dirname(filename))
    with open(os.path.join(*parts), "rb") as f:
        return f.read()


def extend_path(path, name):
    """Krait has no namespace packages spread over several directories: `path` is returned unchanged."""
    return path


def resolve_name(name):
    """The object named 'pkg.mod:attr.attr' or 'pkg.mod.attr' (importing as needed)."""
    import importlib
    if ":" in name:
        modname, _, attrs = name.partition(":")
        obj = importlib.import_module(modname)
        for part in attrs.split(".") if attrs else []:
            obj = getattr(obj, part)
        return obj
    parts = name.split(".")
    modname = parts.pop(0)
    obj = importlib.import_module(modname)
    while parts:
        p = parts[0]
        s = f"{modname}.{p}"
        try:
            obj = importlib.import_module(s)
            parts.pop(0)
            modname = s
        except ImportError:
            break
    for p in parts:
        obj = getattr(obj, p)
    return obj
