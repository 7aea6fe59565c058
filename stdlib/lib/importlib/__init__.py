"""importlib for Krait: import_module, reload, invalidate_caches, on top of Krait's C import system
(vm/import.c), plus importlib.util / machinery / resources / metadata."""

import sys

__all__ = ["import_module", "reload", "invalidate_caches"]


def import_module(name, package=None):
    """Imports a module; a relative `name` ('.mod', '..pkg.mod') is resolved against `package`."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative import for "
                            "{!r}".format(name))
        from importlib.util import resolve_name
        name = resolve_name(name, package)
    if name in sys.modules:
        mod = sys.modules[name]
        if mod is None:
            raise ModuleNotFoundError("import of {} halted; None in sys.modules".format(name), name=name)
        return mod
    __import__(name, level=level)
    return sys.modules[name]


def invalidate_caches():
    """Krait's path-based import keeps no directory caches (every import stats the files anew), so there
    is nothing to clear; finders on sys.meta_path that have invalidate_caches() are still told."""
    for finder in getattr(sys, "meta_path", ()):
        if hasattr(finder, "invalidate_caches"):
            finder.invalidate_caches()


def reload(module):
    """Re-runs a module's code in its existing namespace and returns the same module object."""
    import types
    if not isinstance(module, types.ModuleType):
        raise TypeError("reload() argument must be a module")
    name = getattr(module, "__spec__", None)
    name = name.name if name is not None else getattr(module, "__name__", None)
    if not isinstance(name, str):
        raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError("module {} not in sys.modules".format(name), name=name)
    if "." in name:
        parent = name.rpartition(".")[0]
        if parent not in sys.modules:
            raise ImportError("parent {!r} not in sys.modules".format(parent), name=parent)
    from importlib.util import find_spec
    spec = module.__spec__ if getattr(module, "__spec__", None) is not None else None
    loader = getattr(spec, "loader", None)
    if spec is not None and hasattr(loader, "exec_module"):
        loader.exec_module(module)
        return sys.modules[name]
    path = getattr(module, "__file__", None)
    if path:
        with open(path, "rb") as f:
            source = f.read()
        exec(compile(source, path, "exec"), module.__dict__)
        return sys.modules[name]
    # A builtin or frozen module: import a fresh copy and move its namespace into the old object.
    del sys.modules[name]
    try:
        __import__(name)
        fresh = sys.modules[name]
    except BaseException:
        sys.modules[name] = module
        raise
    module.__dict__.update(fresh.__dict__)
    sys.modules[name] = module
    if "." in name:
        setattr(sys.modules[name.rpartition(".")[0]], name.rpartition(".")[2], module)
    return module
