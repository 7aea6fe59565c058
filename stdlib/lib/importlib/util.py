"""importlib.util for Krait: resolve_name, find_spec, spec_from_file_location, module_from_spec, ..."""

import sys
from importlib.machinery import (ModuleSpec, SourceFileLoader, BuiltinImporter, FrozenImporter, PathFinder,
                                 SourcelessFileLoader)

__all__ = ["resolve_name", "find_spec", "spec_from_file_location", "spec_from_loader", "module_from_spec",
           "source_hash", "cache_from_source", "source_from_cache", "MAGIC_NUMBER"]

MAGIC_NUMBER = b"\xf3\r\r\n"  # CPython 3.13's; Krait writes no .pyc files


def resolve_name(name, package):
    """The absolute name for `name`, which may be relative ('.mod') to `package`."""
    if not name.startswith("."):
        return name
    if not package:
        raise ImportError(f"no package specified for {repr(name)} (required for relative module names)")
    level = len(name) - len(name.lstrip("."))
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    rest = name[level:]
    return f"{base}.{rest}" if rest else base


def _spec_of_loaded(module, name):
    """A module vm/import.c loaded carries no __spec__: describe it after the fact."""
    spec = getattr(module, "__spec__", None)
    if spec is not None:
        return spec
    import _imp
    if _imp.is_builtin(name) or name in ("sys", "builtins"):
        return ModuleSpec(name, BuiltinImporter, origin="built-in")
    if _imp.is_frozen(name):
        return FrozenImporter.find_spec(name)
    path = getattr(module, "__file__", None)
    if path:
        locations = list(module.__path__) if hasattr(module, "__path__") else None
        if locations is None:
            return spec_from_file_location(name, path)
        return spec_from_file_location(name, path, submodule_search_locations=locations)
    raise ValueError(f"{name}.__spec__ is None")


def find_spec(name, package=None):
    """The spec of module `name` (importing its parent package first), or None when there is none."""
    fullname = resolve_name(name, package) if name.startswith(".") else name
    if fullname in sys.modules:
        module = sys.modules[fullname]
        if module is None:
            return None
        if fullname == "__main__" and getattr(module, "__spec__", None) is None:
            raise ValueError("__main__.__spec__ is None")
        return _spec_of_loaded(module, fullname)
    path = None
    if "." in fullname:
        parent_name = fullname.rpartition(".")[0]
        parent = __import__(parent_name, fromlist=["__name__"])
        try:
            path = parent.__path__
        except AttributeError as e:
            raise ModuleNotFoundError(
                f"__path__ attribute not found on {parent_name!r} while trying to find {fullname!r}",
                name=fullname) from e
    for finder in (BuiltinImporter, FrozenImporter):
        spec = finder.find_spec(fullname, path)
        if spec is not None:
            return spec
    if path is not None and all(isinstance(p, str) and p.startswith("<frozen ") for p in path):
        return None  # submodules of a frozen package are all frozen
    return PathFinder.find_spec(fullname, path)


_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None, submodule_search_locations=_POPULATE):
    if location is None:
        location = "<unknown>"
        if loader is not None and hasattr(loader, "get_filename"):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    elif hasattr(location, "__fspath__"):
        location = location.__fspath__()
    if loader is None:
        if location.endswith(".py"):
            loader = SourceFileLoader(name, location)
        elif location.endswith(".pyc"):
            loader = SourcelessFileLoader(name, location)
        else:
            return None
    spec = ModuleSpec(name, loader, origin=location)
    spec.has_location = True
    if submodule_search_locations is _POPULATE:
        is_package = getattr(loader, "is_package", None)
        if is_package is not None:
            try:
                package = is_package(name)
            except ImportError:
                package = False
            if package:
                import os
                spec.submodule_search_locations = [os.path.dirname(location)]
    else:
        spec.submodule_search_locations = submodule_search_locations
    return spec


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    if origin is None:
        origin = getattr(loader, "_ORIGIN", None)
    if hasattr(loader, "get_filename") and origin is None:
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        return spec_from_file_location(name, loader=loader, submodule_search_locations=[] if is_package else None)
    if is_package is None:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def module_from_spec(spec):
    """A new module initialised from spec (its loader's create_module() may supply the object)."""
    import types
    module = None
    if hasattr(spec.loader, "create_module"):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, "exec_module"):
        raise ImportError("loaders that define exec_module() must also define create_module()")
    if module is None:
        module = types.ModuleType(spec.name)
    module.__name__ = spec.name
    module.__loader__ = spec.loader
    module.__package__ = spec.parent
    module.__spec__ = spec
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location:
        module.__file__ = spec.origin
        module.__cached__ = spec.cached
    return module


def source_hash(source_bytes):
    raise NotImplementedError("importlib.util.source_hash: Krait writes no .pyc files")


def cache_from_source(path, debug_override=None, *, optimization=None):
    import os
    head, tail = os.path.split(path)
    base, _ = os.path.splitext(tail)
    return os.path.join(head, "__pycache__", f"{base}.{sys.implementation.cache_tag}.pyc")


def source_from_cache(path):
    import os
    head, pycache_filename = os.path.split(path)
    head, pycache = os.path.split(head)
    if pycache != "__pycache__":
        raise ValueError(f"__pycache__ not bottom-level directory in {path!r}")
    return os.path.join(head, pycache_filename.partition(".")[0] + ".py")


class LazyLoader:
    def __init__(self, loader):
        raise NotImplementedError("importlib.util.LazyLoader is not supported by Krait")
