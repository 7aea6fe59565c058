"""runpy for Krait: run_path and run_module (what `python -m` and `python path` do), returning the globals
the code ran in."""

import os
import sys
import types

__all__ = ["run_module", "run_path"]


def _run_code(code, run_globals, init_globals, mod_name, mod_spec, pkg_name, script_name):
    if init_globals is not None:
        run_globals.update(init_globals)
    loader = mod_spec.loader if mod_spec is not None else None
    fname = script_name if mod_spec is None else (mod_spec.origin if mod_spec.has_location else None)
    run_globals.update(__name__=mod_name, __file__=fname, __cached__=None, __doc__=None, __loader__=loader,
                       __package__=pkg_name, __spec__=mod_spec)
    exec(code, run_globals)
    return run_globals


def _run_module_code(code, init_globals, mod_name, mod_spec, pkg_name, script_name, alter_sys):
    temp = types.ModuleType(mod_name)
    saved_argv0 = sys.argv[0] if sys.argv else None
    saved_mod = sys.modules.get(mod_name)
    if alter_sys:
        if sys.argv:
            sys.argv[0] = script_name if mod_spec is None else mod_spec.origin
        sys.modules[mod_name] = temp
    try:
        _run_code(code, temp.__dict__, init_globals, mod_name, mod_spec, pkg_name, script_name)
    finally:
        if alter_sys:
            if sys.argv:
                sys.argv[0] = saved_argv0
            if saved_mod is None:
                sys.modules.pop(mod_name, None)
            else:
                sys.modules[mod_name] = saved_mod
    return temp.__dict__.copy()


def _get_module_details(mod_name, error=ImportError):
    import importlib.util
    if mod_name.startswith("."):
        raise error("Relative module names not supported")
    pkg_name, _, _ = mod_name.rpartition(".")
    if pkg_name:
        try:
            __import__(pkg_name)
        except ImportError as e:
            if e.name is None or (e.name != pkg_name and not pkg_name.startswith(e.name + ".")):
                raise
        existing = sys.modules.get(mod_name)
        if existing is not None and not hasattr(existing, "__path__"):
            import warnings
            warnings.warn(RuntimeWarning(
                f"{mod_name!r} found in sys.modules after import of package {pkg_name!r}, but prior to "
                f"execution of {mod_name!r}; this may result in unpredictable behaviour"))
    try:
        spec = importlib.util.find_spec(mod_name)
    except (ImportError, AttributeError, TypeError, ValueError) as ex:
        msg = "Error while finding module specification for {!r} ({}: {})"
        if mod_name.endswith(".py"):
            msg += f". Try using '{mod_name[:-3]}' instead of '{mod_name}' as the module name."
        raise error(msg.format(mod_name, type(ex).__name__, ex)) from ex
    if spec is None:
        raise error("No module named %s" % mod_name)
    if spec.submodule_search_locations is not None:
        if mod_name == "__main__" or mod_name.endswith(".__main__"):
            raise error("Cannot use package as __main__ module")
        try:
            return _get_module_details(mod_name + ".__main__", error)
        except error as e:
            if mod_name not in sys.modules:
                raise
            raise error(("%s; %r is a package and cannot be directly executed" % (e, mod_name)))
    loader = spec.loader
    if loader is None:
        raise error("%r is a namespace package and cannot be executed" % mod_name)
    try:
        code = loader.get_code(mod_name)
    except ImportError as e:
        raise error(format(e)) from e
    if code is None:
        raise error("No code object available for %s" % mod_name)
    return mod_name, spec, code


def run_module(mod_name, init_globals=None, run_name=None, alter_sys=False):
    mod_name, mod_spec, code = _get_module_details(mod_name)
    if run_name is None:
        run_name = mod_name
    pkg_name = mod_spec.parent
    if alter_sys:
        return _run_module_code(code, init_globals, run_name, mod_spec, pkg_name, None, True)
    return _run_code(code, {}, init_globals, run_name, mod_spec, pkg_name, None)


def run_path(path_name, init_globals=None, run_name=None):
    if run_name is None:
        run_name = "<run_path>"
    if hasattr(path_name, "__fspath__"):
        path_name = path_name.__fspath__()
    if os.path.isdir(path_name):
        main = os.path.join(path_name, "__main__.py")
        if not os.path.isfile(main):
            raise ImportError(f"can't find '__main__' module in {path_name!r}")
        sys.path.insert(0, path_name)
        try:
            with open(main, "rb") as f:
                code = compile(f.read(), main, "exec")
            return _run_module_code(code, init_globals, run_name, None, "", main, True)
        finally:
            try:
                sys.path.remove(path_name)
            except ValueError:
                pass
    if not os.path.isfile(path_name) and os.path.exists(path_name):
        raise NotImplementedError(f"runpy.run_path({path_name!r}): only .py files and directories are supported")
    with open(path_name, "rb") as f:
        data = f.read()
    if data[:2] == b"PK":
        raise NotImplementedError("runpy.run_path: zip files are not supported by Krait")
    code = compile(data, path_name, "exec")
    return _run_module_code(code, init_globals, run_name, None, "", path_name, False)
