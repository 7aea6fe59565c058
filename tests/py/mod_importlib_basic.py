import os
import sys
import tempfile
import importlib
import importlib.util
import importlib.machinery
import importlib.resources
import importlib.metadata
import pkgutil
import runpy

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

with tempfile.TemporaryDirectory() as root:
    write(os.path.join(root, "hf_plain.py"), "X = 1\ncounter = globals().get('counter', 0) + 1\n")
    write(os.path.join(root, "hf_pkg", "__init__.py"), "NAME = 'pkg'\n")
    write(os.path.join(root, "hf_pkg", "sub.py"), "from . import sibling\nVALUE = sibling.S * 2\n")
    write(os.path.join(root, "hf_pkg", "sibling.py"), "S = 21\n")
    write(os.path.join(root, "hf_pkg", "data.txt"), "resource text\n")
    write(os.path.join(root, "hf_pkg", "inner", "__init__.py"), "")
    write(os.path.join(root, "hf_pkg", "inner", "deep.py"), "from .. import sub\nD = sub.VALUE + 1\n")
    write(os.path.join(root, "hf_pkg", "__main__.py"), "print('pkg main as', __name__)\nRESULT = 7\n")
    write(os.path.join(root, "hf_script.py"), "import sys\nOUT = (__name__, __file__ is not None, GIVEN)\n")
    write(os.path.join(root, "standalone", "thing.py"), "def hello():\n    return 'hi from ' + __name__\n")
    write(os.path.join(root, "hf_pkg", "runme.py"), "S = 3\n")
    write(os.path.join(root, "hf_broken.py"), "raise ValueError('boom')\n")
    sys.path.insert(0, root)
    try:
        # import_module: absolute, relative with package=, errors
        m = importlib.import_module("hf_plain")
        print(m.X, m.counter, m is sys.modules["hf_plain"])
        sub = importlib.import_module(".sub", package="hf_pkg")
        print(sub.__name__, sub.VALUE)
        deep = importlib.import_module("..inner.deep", "hf_pkg.sub")
        print(deep.__name__, deep.D)
        for args in [(".sub",), ("hf_missing_mod",), ("...x", "hf_pkg")]:
            try:
                importlib.import_module(*args)
            except (TypeError, ImportError) as e:
                print(type(e).__name__, e)
        # reload re-runs the code in the same module object
        m.X = 99
        r = importlib.reload(m)
        print(r is m, m.X, m.counter)
        write(os.path.join(root, "hf_plain.py"), "X = 2\n")
        importlib.invalidate_caches()
        importlib.reload(m)
        print(m.X, m.counter)
        for bad in [42]:
            try:
                importlib.reload(bad)
            except TypeError as e:
                print("TypeError", e)
        # util.resolve_name
        print(importlib.util.resolve_name(".a", "p.q"), importlib.util.resolve_name("..a", "p.q"),
              importlib.util.resolve_name("abs", None), importlib.util.resolve_name("..", "p.q"))
        for args in [(".a", None), ("...a", "p.q")]:
            try:
                importlib.util.resolve_name(*args)
            except ImportError as e:
                print("ImportError", e)
        # find_spec
        spec = importlib.util.find_spec("hf_pkg.sibling")
        print(spec.name, spec.parent, os.path.relpath(spec.origin, root), spec.has_location,
              spec.submodule_search_locations)
        spec = importlib.util.find_spec("hf_pkg")
        print(spec.name, spec.parent, [os.path.relpath(p, root) for p in spec.submodule_search_locations])
        print(importlib.util.find_spec("hf_nope"), importlib.util.find_spec("hf_pkg.nope"))
        print(importlib.util.find_spec("sys").origin, importlib.util.find_spec(".sibling", "hf_pkg").name)
        try:
            importlib.util.find_spec("hf_plain.x")
        except ModuleNotFoundError as e:
            print("ModuleNotFoundError", str(e).replace(root, "ROOT"))
        # spec_from_file_location + module_from_spec + exec_module (a module not on sys.path)
        path = os.path.join(root, "standalone", "thing.py")
        spec = importlib.util.spec_from_file_location("thing_alias", path)
        print(type(spec.loader).__name__, spec.name, spec.origin == path, spec.submodule_search_locations)
        mod = importlib.util.module_from_spec(spec)
        print(mod.__name__, mod.__spec__ is spec, mod.__loader__ is spec.loader, mod.__file__ == path,
              repr(mod.__package__), hasattr(mod, "hello"))
        spec.loader.exec_module(mod)
        print(mod.hello(), "thing_alias" in sys.modules)
        print(spec.loader.is_package("thing_alias"), spec.loader.get_source("thing_alias").splitlines()[0])
        print(importlib.util.spec_from_file_location("x", os.path.join(root, "data.bin")))
        pspec = importlib.util.spec_from_file_location("pk", os.path.join(root, "hf_pkg", "__init__.py"))
        print([os.path.relpath(p, root) for p in pspec.submodule_search_locations], pspec.parent)
        ms = importlib.machinery.ModuleSpec("a.b", None, origin="o")
        print(ms, ms.parent, ms == importlib.machinery.ModuleSpec("a.b", None, origin="o"))
        print(importlib.machinery.SOURCE_SUFFIXES, ".py" in importlib.machinery.all_suffixes())
        # errors from a module body propagate, and the module is not left in sys.modules
        try:
            importlib.import_module("hf_broken")
        except ValueError as e:
            print("ValueError", e, "hf_broken" in sys.modules)
        # importlib.resources
        f = importlib.resources.files("hf_pkg")
        print((f / "data.txt").read_text(), f.joinpath("data.txt").is_file())
        print(importlib.resources.read_text("hf_pkg", "data.txt").strip())
        with importlib.resources.as_file(f / "data.txt") as p:
            print(p.name)
        # importlib.metadata
        try:
            importlib.metadata.version("surely-not-installed-pkg-hf")
        except importlib.metadata.PackageNotFoundError as e:
            print("PackageNotFoundError", e, isinstance(e, ModuleNotFoundError))
        write(os.path.join(root, "demo_dist-1.2.3.dist-info", "METADATA"),
              "Metadata-Version: 2.1\nName: demo-dist\nVersion: 1.2.3\n\nbody\n")
        print(importlib.metadata.version("demo-dist"), importlib.metadata.version("Demo_Dist"))
        # pkgutil
        print([(i.name, i.ispkg) for i in pkgutil.iter_modules([root])])
        print([(i.name, i.ispkg) for i in pkgutil.iter_modules([os.path.join(root, "hf_pkg")], "hf_pkg.")])
        print(sorted(i.name for i in pkgutil.walk_packages([root]) if i.name.startswith("hf_pkg")))
        print(pkgutil.get_data("hf_pkg", "data.txt"))
        print(pkgutil.resolve_name("hf_pkg.sub:VALUE"), pkgutil.resolve_name("os.path.join").__name__)
        # runpy
        g = runpy.run_path(os.path.join(root, "hf_script.py"), init_globals={"GIVEN": 5})
        print(g["OUT"], g["__name__"])
        g = runpy.run_path(os.path.join(root, "hf_script.py"), {"GIVEN": 6}, run_name="__main__")
        print(g["OUT"])
        g = runpy.run_module("hf_pkg.runme")
        print(g["S"], g["__name__"], g["__package__"], "hf_pkg.runme" in sys.modules)
        g = runpy.run_module("hf_pkg", run_name="__main__")
        print(g["RESULT"], g["__name__"])
        g = runpy.run_module("hf_pkg.runme", run_name="renamed", alter_sys=True)
        print(g["__name__"], "renamed" in sys.modules)
        try:
            runpy.run_module("hf_no_such_module")
        except ImportError as e:
            print("ImportError", e)
    finally:
        sys.path.remove(root)
