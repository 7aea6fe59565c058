"""importlib.machinery for Krait: ModuleSpec, the loaders and finders importlib.util uses."""

import sys
import _imp

SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = [".pyc"]
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = []  # Krait loads no C extension modules


def all_suffixes():
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


class ModuleSpec:
    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self.cached = None

    def __repr__(self):
        args = ["name={!r}".format(self.name), "loader={!r}".format(self.loader)]
        if self.origin is not None:
            args.append("origin={!r}".format(self.origin))
        if self.submodule_search_locations is not None:
            args.append("submodule_search_locations={}".format(self.submodule_search_locations))
        return "{}({})".format(type(self).__name__, ", ".join(args))

    def __eq__(self, other):
        if not isinstance(other, ModuleSpec):
            return NotImplemented
        return (self.name == other.name and self.loader == other.loader and self.origin == other.origin
                and self.submodule_search_locations == other.submodule_search_locations
                and self.cached == other.cached and self.has_location == other.has_location)

    __hash__ = None

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class BuiltinImporter:
    """The C modules compiled into Krait (sys.builtin_module_names)."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is None and _imp.is_builtin(fullname):
            return ModuleSpec(fullname, cls, origin="built-in")
        return None

    @staticmethod
    def create_module(spec):
        __import__(spec.name)
        return sys.modules[spec.name]

    @staticmethod
    def exec_module(module):
        pass  # created complete by create_module

    @classmethod
    def is_package(cls, fullname):
        return False

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def get_code(cls, fullname):
        return None


class FrozenImporter:
    """The Python modules of stdlib/lib, frozen into the Krait binary."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if not _imp.is_frozen(fullname):
            return None
        spec = ModuleSpec(fullname, cls, origin="frozen", is_package=_imp.is_frozen_package(fullname))
        if spec.submodule_search_locations is not None:
            spec.submodule_search_locations.append("<frozen {}>".format(fullname))
        return spec

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        name = module.__spec__.name if module.__spec__ is not None else module.__name__
        exec(FrozenImporter.get_code(name), module.__dict__)

    @classmethod
    def is_package(cls, fullname):
        return _imp.is_frozen_package(fullname)

    @classmethod
    def get_source(cls, fullname):
        return _imp.get_frozen_source(fullname)

    @classmethod
    def get_code(cls, fullname):
        return compile(_imp.get_frozen_source(fullname), "<frozen {}>".format(fullname), "exec")


class SourceFileLoader:
    """Loads a module from a .py file."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def __repr__(self):
        return "<{} object>".format(type(self).__name__)

    def _check_name(self, name):
        if name is None:
            return self.name
        if name != self.name:
            raise ImportError("loader for {} cannot handle {}".format(self.name, name), name=name)
        return name

    def get_filename(self, name=None):
        self._check_name(name)
        return self.path

    def get_data(self, path):
        with open(path, "rb") as f:
            return f.read()

    def path_stats(self, path):
        import os
        st = os.stat(path)
        return {"mtime": st.st_mtime, "size": st.st_size}

    def is_package(self, fullname):
        import os
        base = os.path.basename(self.get_filename(fullname))
        return os.path.splitext(base)[0] == "__init__"

    def get_source(self, fullname):
        data = self.get_data(self.get_filename(fullname))
        import io
        import tokenize
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding).replace("\r\n", "\n")

    def source_to_code(self, data, path):
        return compile(data, path, "exec", dont_inherit=True)

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(path), path)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        exec(code, module.__dict__)

    def load_module(self, fullname=None):
        fullname = self._check_name(fullname)
        import importlib.util
        spec = importlib.util.spec_from_file_location(fullname, self.path, loader=self)
        module = sys.modules.get(fullname)
        if module is None:
            module = importlib.util.module_from_spec(spec)
            sys.modules[fullname] = module
        try:
            self.exec_module(module)
        except BaseException:
            sys.modules.pop(fullname, None)
            raise
        return sys.modules[fullname]


class SourcelessFileLoader(SourceFileLoader):
    def get_code(self, fullname):
        raise ImportError("Krait cannot load bytecode files ({})".format(self.path), name=fullname)


class PathFinder:
    """Finds NAME.py or NAME/__init__.py in the directories of `path` (sys.path when None), as vm/import.c
    does (no namespace packages)."""

    @classmethod
    def invalidate_caches(cls):
        pass  # nothing cached: see importlib.invalidate_caches

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        import os
        import importlib.util
        if path is None:
            path = sys.path
        last = fullname.rpartition(".")[2]
        for entry in path:
            if not isinstance(entry, str):
                continue
            base = entry or "."
            pkg_dir = os.path.join(base, last)
            init = os.path.join(pkg_dir, "__init__.py")
            shown = lambda p: p[2:] if not entry and p.startswith("./") else p  # noqa: E731
            if os.path.isfile(init):
                return importlib.util.spec_from_file_location(fullname, shown(init),
                                                              submodule_search_locations=[shown(pkg_dir)])
            mod = os.path.join(base, last + ".py")
            if os.path.isfile(mod):
                return importlib.util.spec_from_file_location(fullname, shown(mod))
        return None


class FileFinder:
    def __init__(self, path, *loader_details):
        self.path = path or "."

    def find_spec(self, fullname, target=None):
        return PathFinder.find_spec(fullname, [self.path], target)

    def invalidate_caches(self):
        pass

    def __repr__(self):
        return "FileFinder({!r})".format(self.path)
