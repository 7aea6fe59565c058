"""pickle: serialise Python objects to bytes and back (protocols 0 to 5).

The byte stream a Pickler writes is the one CPython 3.13's pickler writes for the same objects (same
opcodes, memo numbering, batching of 1000 items and 64 KiB frames for protocol 4 and up), so that pickles
move between the two.  Objects that are not basic types go through the reduce protocol: the
pickler's dispatch_table, then copyreg.dispatch_table, then obj.__reduce_ex__(protocol).  Classes and
functions are saved by reference (module + qualified name) and must be importable under that name.
Out-of-band buffers (PickleBuffer) are not supported: Krait has no buffer protocol objects to share.
"""

import sys
import copyreg
from copyreg import dispatch_table, _extension_registry, _inverted_registry, _extension_cache
from struct import pack, unpack
from io import BytesIO

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler", "dump", "dumps",
           "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4   # as CPython 3.13 (5 from 3.14)
format_version = "5.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


# Opcodes (bytes), grouped by the protocol that introduced them.
MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
# protocol 2
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
# protocol 3
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
# protocol 4
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
# protocol 5
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_FunctionType = type(lambda: None)
_TUPLE_CODES = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]
_BATCHSIZE = 1000
_FRAME_TARGET = 64 * 1024   # a frame is closed once it holds this many bytes
_FRAME_MIN = 4              # a smaller final frame is written without its FRAME header

# Protocols 0-2 name the Python 2 modules of a few globals (fix_imports), as CPython does, so that the
# bytes match.  Only the names this library can produce are mapped.
_EXCEPTION_NAMES = frozenset("""ArithmeticError AssertionError AttributeError BaseException
    BufferError BytesWarning DeprecationWarning EOFError EnvironmentError Exception FloatingPointError
    FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError KeyError
    KeyboardInterrupt LookupError MemoryError NameError NotImplementedError OSError OverflowError
    PendingDeprecationWarning ReferenceError RuntimeError RuntimeWarning StopIteration SyntaxError
    SyntaxWarning SystemError SystemExit TabError TypeError UnboundLocalError UnicodeDecodeError
    UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning
    ZeroDivisionError""".split())
_PY2_MODULES = {"builtins": "__builtin__", "copyreg": "copy_reg", "queue": "Queue", "reprlib": "repr",
                "_thread": "thread", "html.entities": "htmlentitydefs", "urllib.parse": "urlparse"}
_PY3_MODULES = {v: k for k, v in _PY2_MODULES.items()}
_PY3_MODULES["exceptions"] = "builtins"
_PY2_NAMES = {("builtins", "int"): ("__builtin__", "long"), ("builtins", "str"): ("__builtin__", "unicode"),
              ("builtins", "range"): ("__builtin__", "xrange"),
              ("functools", "reduce"): ("__builtin__", "reduce")}
_PY2_NAMES.update({("collections", "UserDict"): ("UserDict", "IterableUserDict"),
                   ("collections", "UserList"): ("UserList", "UserList"),
                   ("collections", "UserString"): ("UserString", "UserString"),
                   ("builtins", "ModuleNotFoundError"): ("exceptions", "ImportError"),
                   ("builtins", "filter"): ("itertools", "ifilter"), ("builtins", "map"): ("itertools", "imap"),
                   ("builtins", "zip"): ("itertools", "izip"),
                   ("itertools", "filterfalse"): ("itertools", "ifilterfalse"),
                   ("itertools", "zip_longest"): ("itertools", "izip_longest")})
_PY3_NAMES = {v: k for k, v in _PY2_NAMES.items()}
_PY3_NAMES[("exceptions", "ImportError")] = ("builtins", "ImportError")
# Python 2 had no OSError subclasses: they are all written as exceptions.OSError.
for _name in ("BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError "
              "ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError "
              "InterruptedError IsADirectoryError NotADirectoryError PermissionError "
              "ProcessLookupError TimeoutError").split():
    _PY2_NAMES[("builtins", _name)] = ("exceptions", "OSError")
del _name
_PY3_NAMES[("__builtin__", "int")] = ("builtins", "int")
_PY3_NAMES[("__builtin__", "str")] = ("builtins", "str")


def _getattribute(obj, name):
    """Follow a dotted qualified name from obj; returns (object, parent)."""
    parent = None
    for part in name.split('.'):
        if part == '<locals>':
            raise AttributeError(f"Can't get local object {name!r}")
        parent = obj
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise AttributeError(f"Can't get attribute {name!r} on {obj!r}") from None
    return obj, parent


def whichmodule(obj, name):
    """The name of the module obj is reachable from as `name`."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in list(sys.modules.items()):
        if module_name == '__main__' or module is None:
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def encode_long(x):
    """Little-endian two's complement bytes of x, as short as LONG1/LONG4 allow (b'' for 0)."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    data = x.to_bytes(nbytes, 'little', signed=True)
    if x < 0 and nbytes > 1 and data[-1] == 0xff and (data[-2] & 0x80):
        data = data[:-1]
    return data


def decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


def _raw_unicode_escape(s):
    """str -> bytes for protocol 0's UNICODE opcode: Latin-1 characters as themselves, others escaped."""
    out = []
    for ch in s:
        c = ord(ch)
        if c < 256:
            out.append(ch)
        elif c < 0x10000:
            out.append('\\u%04x' % c)
        else:
            out.append('\\U%08x' % c)
    return ''.join(out).encode('latin-1')


def _raw_unicode_unescape(data):
    s = data.decode('latin-1')
    if '\\' not in s:
        return s
    out = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == '\\' and i + 1 < n and s[i + 1] in 'uU':
            width = 4 if s[i + 1] == 'u' else 8
            digits = s[i + 2:i + 2 + width]
            if len(digits) == width:
                try:
                    out.append(chr(int(digits, 16)))
                    i += 2 + width
                    continue
                except ValueError:
                    pass
        out.append(ch)
        i += 1
    return ''.join(out)


_SIMPLE_ESCAPES = {ord('n'): 10, ord('t'): 9, ord('r'): 13, ord('\\'): 92, ord("'"): 39, ord('"'): 34,
                   ord('a'): 7, ord('b'): 8, ord('f'): 12, ord('v'): 11, ord('0'): 0}


def _unescape_bytes(data):
    """The bytes of a Python 2 string literal's body (protocol 0's STRING argument)."""
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c != 92 or i + 1 == n:
            out.append(c)
            i += 1
            continue
        e = data[i + 1]
        if e == ord("x") and i + 4 <= n:
            out.append(int(data[i + 2:i + 4], 16))
            i += 4
        elif 48 <= e <= 55:
            j = i + 1
            while j < n and j < i + 4 and 48 <= data[j] <= 55:
                j += 1
            out.append(int(data[i + 1:j], 8) & 0xff)
            i = j
        elif e in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[e])
            i += 2
        else:
            out.append(c)
            i += 1
    return bytes(out)


class _Framer:
    """Collects protocol 4+ output into frames: each frame is committed (with its FRAME header when
    at least _FRAME_MIN bytes long) once it reaches _FRAME_TARGET bytes or the pickle ends."""

    def __init__(self, file_write):
        self.file_write = file_write
        self.frame = None

    def start(self):
        self.frame = BytesIO()

    def end(self):
        if self.frame is not None and self.frame.tell():
            self.commit(True)
        self.frame = None

    def commit(self, force=False):
        f = self.frame
        if f is not None and (f.tell() >= _FRAME_TARGET or force):
            data = f.getvalue()
            if data:
                if len(data) >= _FRAME_MIN:
                    self.file_write(FRAME + pack('<Q', len(data)))
                self.file_write(data)
            self.frame = BytesIO()

    def write(self, data):
        if self.frame is not None:
            return self.frame.write(data)
        return self.file_write(data)

    def write_large(self, header, payload):
        # A payload of a frame's size or more goes outside any frame, after the current one.
        if self.frame is not None:
            self.commit(True)
        self.file_write(header)
        self.file_write(payload)


class Pickler:
    """Writes pickles of objects to a binary file (anything with write()).  The memo maps id(obj) to
    (memo index, obj) for every object written so far, so shared and recursive references are written
    once and then fetched (GET); keeping obj in it keeps the id from being reused during the dump."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self._framer = _Framer(self._file_write)
        self.write = self._framer.write
        self.memo = {}
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % self.__class__.__name__)
        if self.proto >= 2:
            self.write(PROTO + pack("<B", self.proto))
        if self.proto >= 4:
            self._framer.start()
        self.save(obj)
        self.write(STOP)
        self._framer.end()

    def persistent_id(self, obj):
        return None

    # -- memo -------------------------------------------------------------------------------------
    def memoize(self, obj):
        if self.fast:
            return
        idx = len(self.memo)
        self.write(self._put(idx))
        self.memo[id(obj)] = idx, obj

    def _put(self, idx):
        if self.proto >= 4:
            return MEMOIZE
        if self.bin:
            return BINPUT + pack("<B", idx) if idx < 256 else LONG_BINPUT + pack("<I", idx)
        return PUT + repr(idx).encode("ascii") + b'\n'

    def _get(self, idx):
        if self.bin:
            return BINGET + pack("<B", idx) if idx < 256 else LONG_BINGET + pack("<I", idx)
        return GET + repr(idx).encode("ascii") + b'\n'

    # -- the generic entry point ---------------------------------------------------------------------
    def save(self, obj, save_persistent_id=True):
        self._framer.commit()
        if save_persistent_id:
            pid = self.persistent_id(obj)
            if pid is not None:
                self._save_pers(pid)
                return
        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self._get(x[0]))
            return
        # The order of CPython's pickler: the basic types by exact type, reducer_override, classes
        # and functions, the dispatch tables, then the object's own reduce methods.
        t = type(obj)
        f = self._dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        rv = NotImplemented
        override = getattr(self, "reducer_override", None)
        if override is not None:
            rv = override(obj)
        if rv is NotImplemented:
            if t is type or t is _FunctionType:
                self._dispatch_late[t](self, obj)
                return
            reduce = getattr(self, 'dispatch_table', dispatch_table).get(t)
            f = self._dispatch_late.get(t)
            if reduce is not None:
                rv = reduce(obj)
            elif f is not None:
                f(self, obj)
                return
            elif isinstance(obj, type):
                self.save_global(obj)
                return
            else:
                reduce = getattr(obj, "__reduce_ex__", None)
                if reduce is not None:
                    rv = reduce(self.proto)
                else:
                    reduce = getattr(obj, "__reduce__", None)
                    if reduce is None:
                        raise PicklingError(f"Can't pickle {t.__name__!r} object: {obj!r}")
                    rv = reduce()
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        if not 2 <= len(rv) <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self.save_reduce(*rv, obj=obj)

    def _save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
        else:
            try:
                self.write(PERSID + str(pid).encode("ascii") + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("persistent IDs in protocol 0 must be ASCII strings")

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None, state_setter=None,
                    *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        name = getattr(func, "__name__", "")
        write = self.write
        if self.proto >= 2 and name == "__newobj_ex__":
            cls, args, kwargs = args
            if not hasattr(cls, "__new__"):
                raise PicklingError("first item from NEWOBJ_EX argument tuple must be a class")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("first item from NEWOBJ_EX argument tuple must be the class "
                                    "of the object")
            if self.proto >= 4:
                self.save(cls)
                self.save(args)
                self.save(kwargs)
                write(NEWOBJ_EX)
            else:
                # No NEWOBJ_EX before protocol 4: call partial(cls.__new__, cls, *args, **kwargs)(),
                # the partial saved through its reduce value as CPython's pickler writes it.
                import functools
                new = cls.__new__
                p = functools.partial(new, cls, *args, **kwargs)
                self.save_reduce(functools.partial, (new,), (new, (cls,) + tuple(args), kwargs or None,
                                                             None), obj=p)
                self.save(())
                write(REDUCE)
        elif self.proto >= 2 and name == "__newobj__":
            cls = args[0]
            if not hasattr(cls, "__new__"):
                raise PicklingError("first item from NEWOBJ argument tuple must be a class")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("first item from NEWOBJ argument tuple must be the class of "
                                    "the object")
            self.save(cls)
            self.save(args[1:])
            write(NEWOBJ)
        else:
            self.save(func)
            self.save(args)
            write(REDUCE)
        if obj is not None:
            if id(obj) in self.memo:
                write(POP + self._get(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                self.save(state)
                write(BUILD)
            else:
                self.save(state_setter)
                self.save(obj)
                self.save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # -- basic types ---------------------------------------------------------------------------------
    _dispatch = {}

    def save_none(self, obj):
        self.write(NONE)
    _dispatch[type(None)] = save_none

    def save_bool(self, obj):
        if self.proto >= 2:
            self.write(NEWTRUE if obj else NEWFALSE)
        else:
            self.write(TRUE if obj else FALSE)
    _dispatch[bool] = save_bool

    def save_long(self, obj):
        if self.bin:
            if obj >= 0:
                if obj <= 0xff:
                    self.write(BININT1 + pack("<B", obj))
                    return
                if obj <= 0xffff:
                    self.write(BININT2 + pack("<H", obj))
                    return
            if -0x80000000 <= obj <= 0x7fffffff:
                self.write(BININT + pack("<i", obj))
                return
            if self.proto >= 2:
                data = encode_long(obj)
                n = len(data)
                if n < 256:
                    self.write(LONG1 + pack("<B", n) + data)
                else:
                    self.write(LONG4 + pack("<i", n) + data)
                return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(INT + repr(obj).encode("ascii") + b'\n')
        else:
            self.write(LONG + repr(obj).encode("ascii") + b'L\n')
    _dispatch[int] = save_long

    def save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + pack('>d', obj))
        else:
            self.write(FLOAT + repr(obj).encode("ascii") + b'\n')
    _dispatch[float] = save_float

    def _save_bytes_reduce(self, obj):
        # Protocols 0-2 have no bytes opcode: bytes are rebuilt as _codecs.encode(latin-1 str, 'latin1').
        if not obj:
            self.save_reduce(bytes, (), obj=obj)
        else:
            import _codecs
            self.save_reduce(_codecs.encode, (str(obj, 'latin1'), 'latin1'), obj=obj)

    def save_bytes(self, obj):
        if self.proto < 3:
            self._save_bytes_reduce(obj)
            return
        n = len(obj)
        if n <= 0xff:
            self.write(SHORT_BINBYTES + pack("<B", n) + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_sized(BINBYTES8 + pack("<Q", n), obj)
        else:
            self._write_sized(BINBYTES + pack("<I", n), obj)
        self.memoize(obj)
    _dispatch[bytes] = save_bytes

    def _write_sized(self, header, payload):
        if len(payload) >= _FRAME_TARGET and self.proto >= 4:
            self._framer.write_large(header, payload)
        else:
            self.write(header + payload)

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self._write_sized(BYTEARRAY8 + pack("<Q", len(obj)), bytes(obj))
        self.memoize(obj)
    _dispatch[bytearray] = save_bytearray

    def save_str(self, obj):
        if self.bin:
            data = obj.encode('utf-8', 'surrogatepass')
            n = len(data)
            if n <= 0xff and self.proto >= 4:
                self.write(SHORT_BINUNICODE + pack("<B", n) + data)
            elif n > 0xffffffff and self.proto >= 4:
                self._write_sized(BINUNICODE8 + pack("<Q", n), data)
            else:
                self._write_sized(BINUNICODE + pack("<I", n), data)
        else:
            text = (obj.replace("\\", "\\u005c").replace("\0", "\\u0000").replace("\n", "\\u000a")
                    .replace("\r", "\\u000d").replace("\x1a", "\\u001a"))
            self.write(UNICODE + _raw_unicode_escape(text) + b'\n')
        self.memoize(obj)
    _dispatch[str] = save_str

    def save_tuple(self, obj):
        write = self.write
        if not obj:
            write(EMPTY_TUPLE if self.bin else MARK + TUPLE)
            return
        n = len(obj)
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for item in obj:
                self.save(item)
            if id(obj) in memo:
                # A tuple reached through its own items: use the memoized copy instead.
                write(POP * n + self._get(memo[id(obj)][0]))
            else:
                write(_TUPLE_CODES[n])
                self.memoize(obj)
            return
        write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in memo:
            get = self._get(memo[id(obj)][0])
            write(POP_MARK + get if self.bin else POP * (n + 1) + get)
            return
        write(TUPLE)
        self.memoize(obj)
    _dispatch[tuple] = save_tuple

    def save_list(self, obj):
        self.write(EMPTY_LIST if self.bin else MARK + LIST)
        self.memoize(obj)
        if not obj:
            return
        if self.bin:
            # An exact list: one APPEND for a single item, else MARK ... APPENDS per 1000 items.
            if len(obj) == 1:
                self.save(obj[0])
                self.write(APPEND)
                return
            i = 0
            while i < len(obj):
                self.write(MARK)
                stop = i + _BATCHSIZE
                while i < len(obj) and i < stop:
                    self.save(obj[i])
                    i += 1
                self.write(APPENDS)
        else:
            self._batch_appends(obj)
    _dispatch[list] = save_list

    def _batch_appends(self, items):
        write = self.write
        if not self.bin:
            for x in items:
                self.save(x)
                write(APPEND)
            return
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            if len(batch) > 1:
                write(MARK)
                for x in batch:
                    self.save(x)
                write(APPENDS)
            elif batch:
                self.save(batch[0])
                write(APPEND)
            if len(batch) < _BATCHSIZE:
                return

    def save_dict(self, obj):
        self.write(EMPTY_DICT if self.bin else MARK + DICT)
        self.memoize(obj)
        if not obj:
            return
        if self.bin:
            # An exact dict: one SETITEM for a single pair, else MARK ... SETITEMS per 1000 pairs (and
            # an empty trailing batch when the size is a multiple of 1000, as CPython writes).
            items = iter(obj.items())
            if len(obj) == 1:
                k, v = next(items)
                self.save(k)
                self.save(v)
                self.write(SETITEM)
                return
            while True:
                self.write(MARK)
                count = 0
                for k, v in items:
                    self.save(k)
                    self.save(v)
                    count += 1
                    if count == _BATCHSIZE:
                        break
                self.write(SETITEMS)
                if count < _BATCHSIZE:
                    return
        else:
            self._batch_setitems(obj.items())
    _dispatch[dict] = save_dict

    def _batch_setitems(self, items):
        write = self.write
        if not self.bin:
            for k, v in items:
                self.save(k)
                self.save(v)
                write(SETITEM)
            return
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            if len(batch) > 1:
                write(MARK)
                for k, v in batch:
                    self.save(k)
                    self.save(v)
                write(SETITEMS)
            elif batch:
                k, v = batch[0]
                self.save(k)
                self.save(v)
                write(SETITEM)
            if len(batch) < _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self.write(EMPTY_SET)
        self.memoize(obj)
        if not obj:
            return
        items = iter(obj)
        while True:
            self.write(MARK)
            count = 0
            for x in items:
                self.save(x)
                count += 1
                if count == _BATCHSIZE:
                    break
            self.write(ADDITEMS)
            if count < _BATCHSIZE:
                return
    _dispatch[set] = save_set

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self.write(MARK)
        for x in obj:
            self.save(x)
        if id(obj) in self.memo:
            self.write(POP_MARK + self._get(self.memo[id(obj)][0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)
    _dispatch[frozenset] = save_frozenset

    def save_global(self, obj, name=None):
        write = self.write
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        module_name = whichmodule(obj, name)
        if '<locals>' in name.split('.'):
            raise AttributeError(f"Can't get local object {name!r}")
        try:
            __import__(module_name, level=0)
            module = sys.modules[module_name]
            found, parent = _getattribute(module, name)
        except (ImportError, KeyError, AttributeError):
            raise PicklingError(f"Can't pickle {obj!r}: attribute lookup {name} on {module_name} "
                                "failed") from None
        if found is not obj:
            raise PicklingError(f"Can't pickle {obj!r}: it's not the same object as "
                                f"{module_name}.{name}")
        if self.proto >= 2:
            code = _extension_registry.get((module_name, name))
            if code:
                if code <= 0xff:
                    write(EXT1 + pack("<B", code))
                elif code <= 0xffff:
                    write(EXT2 + pack("<H", code))
                else:
                    write(EXT4 + pack("<i", code))
                return
        lastname = name.rpartition('.')[2]
        if parent is module:
            name = lastname
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            write(STACK_GLOBAL)
        elif parent is not module:
            self._save_dotted(module_name, name.split('.'))
        else:
            self._write_global(module_name, name)
        self.memoize(obj)

    def _save_dotted(self, module_name, parts):
        # Before protocol 4 a nested name A.B.f is rebuilt as getattr(getattr(A, 'B'), 'f'), the
        # module-level A written as a bare GLOBAL and the calls' argument tuples not memoized (as
        # CPython's pickler writes it).
        if len(parts) == 1:
            self._write_global(module_name, parts[0])
            return
        self.save(getattr)
        if self.proto < 2:
            self.write(MARK)
        self._save_dotted(module_name, parts[:-1])
        self.save(parts[-1])
        self.write(TUPLE2 if self.proto >= 2 else TUPLE)
        self.write(REDUCE)

    def _write_global(self, module_name, name):
        if self.fix_imports:
            if module_name == "builtins" and name in _EXCEPTION_NAMES:
                module_name = "exceptions"
            elif (module_name, name) in _PY2_NAMES:
                module_name, name = _PY2_NAMES[module_name, name]
            else:
                module_name = _PY2_MODULES.get(module_name, module_name)
        encoding = "utf-8" if self.proto >= 3 else "ascii"
        try:
            self.write(GLOBAL + module_name.encode(encoding) + b'\n' + name.encode(encoding) + b'\n')
        except UnicodeEncodeError:
            raise PicklingError(f"can't pickle global identifier '{module_name}.{name}' using "
                                f"pickle protocol {self.proto}") from None

    def save_type(self, obj):
        # The types of the singletons have no name in builtins: rebuilt as type(singleton).
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)
    # The types below are not in CPython's fast path (their reduce methods are used there).
    _dispatch_late = {type: save_type, _FunctionType: save_global}

    def save_builtin(self, obj):
        # Builtin functions are globals; builtin methods rebuild as getattr(self, name).
        owner = getattr(obj, '__self__', None)
        if owner is None or type(owner).__name__ == 'module':
            self.save_global(obj, obj.__qualname__)
        else:
            self.save_reduce(getattr, (owner, obj.__name__), obj=obj)
    _dispatch_late[type(len)] = save_builtin

    def save_singleton(self, obj):
        self.save_global(obj, 'Ellipsis' if obj is ... else 'NotImplemented')
    _dispatch_late[type(...)] = save_singleton
    _dispatch_late[type(NotImplemented)] = save_singleton

    def save_range(self, obj):
        self.save_reduce(range, (obj.start, obj.stop, obj.step), obj=obj)
    _dispatch_late[range] = save_range

    def save_slice(self, obj):
        self.save_reduce(slice, (obj.start, obj.stop, obj.step), obj=obj)
    _dispatch_late[slice] = save_slice


class Unpickler:
    """Reads pickles from a binary file (read/readline).  A pickle is a program for a stack machine:
    each opcode pushes, pops or combines values on self.stack; MARK saves the current stack on
    self.metastack and starts a new one, which the opcodes taking "the items since the mark" pop."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        self._buffers = iter(buffers) if buffers is not None else None
        self._file_read = file.read
        self._file_readline = file.readline
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports
        self._frame = None

    # -- input, through the current frame ---------------------------------------------------------
    def _read(self, n):
        if self._frame is not None:
            data = self._frame.read(n)
            if len(data) == n:
                return data
            if data or n == 0:
                raise UnpicklingError("pickle exhausted before end of frame")
            self._frame = None
        data = self._file_read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def _readline(self):
        if self._frame is not None:
            data = self._frame.readline()
            if data:
                if not data.endswith(b'\n'):
                    raise UnpicklingError("pickle exhausted before end of frame")
                return data
            self._frame = None
        data = self._file_readline()
        if not data.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return data

    def load(self):
        if not hasattr(self, "_file_read"):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % self.__class__.__name__)
        self.metastack = []
        self.stack = []
        self.proto = 0
        dispatch = self._dispatch
        try:
            while True:
                if self._frame is not None:
                    key = self._frame.read(1)
                    if not key:
                        self._frame = None
                        key = self._file_read(1)
                else:
                    key = self._file_read(1)
                if not key:
                    raise EOFError("Ran out of input")
                f = dispatch.get(key[0])
                if f is None:
                    c = key[0]
                    shown = chr(c) if 0x20 <= c < 0x7f else '\\x%02x' % c
                    raise UnpicklingError("invalid load key, '%s'." % shown)
                f(self)
        except _Stop as stop:
            return stop.value

    def _pop_mark(self):
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.metastack.pop()
        return items

    def _pop(self):
        if not self.stack:
            raise UnpicklingError("unpickling stack underflow")
        return self.stack.pop()

    def _top(self):
        if not self.stack:
            raise UnpicklingError("unpickling stack underflow")
        return self.stack[-1]

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered, but no "
                              "persistent_load function was specified.")

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            if (module, name) in _PY3_NAMES:
                module, name = _PY3_NAMES[module, name]
            else:
                module = _PY3_MODULES.get(module, module)
        __import__(module, level=0)
        if self.proto >= 4 and '.' in name:
            return _getattribute(sys.modules[module], name)[0]
        return getattr(sys.modules[module], name)

    _dispatch = {}

    def _op(code, table=_dispatch):
        def register(f):
            table[code[0]] = f
            return f
        return register

    @_op(PROTO)
    def load_proto(self):
        proto = self._read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    @_op(FRAME)
    def load_frame(self):
        size, = unpack('<Q', self._read(8))
        if self._frame is not None and self._frame.read(1):
            raise UnpicklingError("beginning of a new frame before end of current frame")
        self._frame = None
        data = self._file_read(size)
        if len(data) < size:
            raise UnpicklingError("pickle data was truncated")
        self._frame = BytesIO(data)

    @_op(STOP)
    def load_stop(self):
        if self.metastack:
            raise UnpicklingError("unexpected MARK found")
        raise _Stop(self._pop())

    @_op(MARK)
    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []

    @_op(POP)
    def load_pop(self):
        if self.stack:
            self.stack.pop()
        elif self.metastack:
            self._pop_mark()
        else:
            raise UnpicklingError("unpickling stack underflow")

    @_op(POP_MARK)
    def load_pop_mark(self):
        self._pop_mark()

    @_op(DUP)
    def load_dup(self):
        self.stack.append(self._top())

    @_op(PERSID)
    def load_persid(self):
        try:
            pid = self._readline()[:-1].decode("ascii")
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings")
        self.stack.append(self.persistent_load(pid))

    @_op(BINPERSID)
    def load_binpersid(self):
        self.stack.append(self.persistent_load(self._pop()))

    @_op(NONE)
    def load_none(self):
        self.stack.append(None)

    @_op(NEWFALSE)
    def load_false(self):
        self.stack.append(False)

    @_op(NEWTRUE)
    def load_true(self):
        self.stack.append(True)

    @_op(INT)
    def load_int(self):
        data = self._readline()
        if data == b'I00\n'[1:]:
            val = False
        elif data == b'I01\n'[1:]:
            val = True
        else:
            val = int(data, 0)
        self.stack.append(val)

    @_op(BININT)
    def load_binint(self):
        self.stack.append(unpack('<i', self._read(4))[0])

    @_op(BININT1)
    def load_binint1(self):
        self.stack.append(self._read(1)[0])

    @_op(BININT2)
    def load_binint2(self):
        self.stack.append(unpack('<H', self._read(2))[0])

    @_op(LONG)
    def load_long(self):
        val = self._readline()[:-1]
        if val and val[-1:] == b'L':
            val = val[:-1]
        self.stack.append(int(val, 0))

    @_op(LONG1)
    def load_long1(self):
        n = self._read(1)[0]
        self.stack.append(decode_long(self._read(n)))

    @_op(LONG4)
    def load_long4(self):
        n, = unpack('<i', self._read(4))
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.stack.append(decode_long(self._read(n)))

    @_op(FLOAT)
    def load_float(self):
        self.stack.append(float(self._readline()[:-1]))

    @_op(BINFLOAT)
    def load_binfloat(self):
        self.stack.append(unpack('>d', self._read(8))[0])

    def _decode_string(self, value):
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    @_op(STRING)
    def load_string(self):
        data = self._readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self.stack.append(self._decode_string(_unescape_bytes(data)))

    @_op(BINSTRING)
    def load_binstring(self):
        n, = unpack('<i', self._read(4))
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        self.stack.append(self._decode_string(self._read(n)))

    @_op(SHORT_BINSTRING)
    def load_short_binstring(self):
        n = self._read(1)[0]
        self.stack.append(self._decode_string(self._read(n)))

    @_op(BINBYTES)
    def load_binbytes(self):
        n, = unpack('<I', self._read(4))
        self.stack.append(self._read(n))

    @_op(SHORT_BINBYTES)
    def load_short_binbytes(self):
        n = self._read(1)[0]
        self.stack.append(self._read(n))

    @_op(BINBYTES8)
    def load_binbytes8(self):
        n, = unpack('<Q', self._read(8))
        self.stack.append(self._read(n))

    @_op(BYTEARRAY8)
    def load_bytearray8(self):
        n, = unpack('<Q', self._read(8))
        self.stack.append(bytearray(self._read(n)))

    @_op(NEXT_BUFFER)
    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data but no *buffers* "
                                  "argument was given")
        try:
            self.stack.append(next(self._buffers))
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers") from None

    @_op(READONLY_BUFFER)
    def load_readonly_buffer(self):
        buf = self._top()
        if isinstance(buf, bytearray):
            self.stack[-1] = bytes(buf)

    @_op(UNICODE)
    def load_unicode(self):
        self.stack.append(_raw_unicode_unescape(self._readline()[:-1]))

    @_op(BINUNICODE)
    def load_binunicode(self):
        n, = unpack('<I', self._read(4))
        self.stack.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    @_op(BINUNICODE8)
    def load_binunicode8(self):
        n, = unpack('<Q', self._read(8))
        self.stack.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    @_op(SHORT_BINUNICODE)
    def load_short_binunicode(self):
        n = self._read(1)[0]
        self.stack.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    @_op(TUPLE)
    def load_tuple(self):
        items = self._pop_mark()
        self.stack.append(tuple(items))

    @_op(EMPTY_TUPLE)
    def load_empty_tuple(self):
        self.stack.append(())

    def _tuple_n(self, n):
        if len(self.stack) < n:
            raise UnpicklingError("unpickling stack underflow")
        items = tuple(self.stack[len(self.stack) - n:])
        del self.stack[len(self.stack) - n:]
        self.stack.append(items)

    @_op(TUPLE1)
    def load_tuple1(self):
        self._tuple_n(1)

    @_op(TUPLE2)
    def load_tuple2(self):
        self._tuple_n(2)

    @_op(TUPLE3)
    def load_tuple3(self):
        self._tuple_n(3)

    @_op(EMPTY_LIST)
    def load_empty_list(self):
        self.stack.append([])

    @_op(EMPTY_DICT)
    def load_empty_dict(self):
        self.stack.append({})

    @_op(EMPTY_SET)
    def load_empty_set(self):
        self.stack.append(set())

    @_op(FROZENSET)
    def load_frozenset(self):
        items = self._pop_mark()
        self.stack.append(frozenset(items))

    @_op(LIST)
    def load_list(self):
        items = self._pop_mark()
        self.stack.append(items)

    @_op(DICT)
    def load_dict(self):
        items = self._pop_mark()
        self.stack.append({items[i]: items[i + 1] for i in range(0, len(items), 2)})

    def _instantiate(self, klass, args):
        if args or not isinstance(klass, type) or hasattr(klass, "__getinitargs__"):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError("in constructor for %s: %s" % (klass.__name__, err)) from err
        else:
            value = klass.__new__(klass)
        self.stack.append(value)

    @_op(INST)
    def load_inst(self):
        module = self._readline()[:-1].decode("ascii")
        name = self._readline()[:-1].decode("ascii")
        self._instantiate(self.find_class(module, name), self._pop_mark())

    @_op(OBJ)
    def load_obj(self):
        args = self._pop_mark()
        if not args:
            raise UnpicklingError("unpickling stack underflow")
        self._instantiate(args[0], args[1:])

    @_op(NEWOBJ)
    def load_newobj(self):
        args = self._pop()
        cls = self._pop()
        self.stack.append(cls.__new__(cls, *args))

    @_op(NEWOBJ_EX)
    def load_newobj_ex(self):
        kwargs = self._pop()
        args = self._pop()
        cls = self._pop()
        self.stack.append(cls.__new__(cls, *args, **kwargs))

    @_op(GLOBAL)
    def load_global(self):
        module = self._readline()[:-1].decode("utf-8")
        name = self._readline()[:-1].decode("utf-8")
        self.stack.append(self.find_class(module, name))

    @_op(STACK_GLOBAL)
    def load_stack_global(self):
        name = self._pop()
        module = self._pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.stack.append(self.find_class(module, name))

    def _load_ext(self, code):
        obj = _extension_cache.get(code)
        if obj is None:
            key = _inverted_registry.get(code)
            if not key:
                if code <= 0:
                    raise UnpicklingError("EXT specifies code <= 0")
                raise ValueError("unregistered extension code %d" % code)
            obj = self.find_class(*key)
            _extension_cache[code] = obj
        self.stack.append(obj)

    @_op(EXT1)
    def load_ext1(self):
        self._load_ext(self._read(1)[0])

    @_op(EXT2)
    def load_ext2(self):
        self._load_ext(unpack('<H', self._read(2))[0])

    @_op(EXT4)
    def load_ext4(self):
        self._load_ext(unpack('<i', self._read(4))[0])

    @_op(REDUCE)
    def load_reduce(self):
        args = self._pop()
        func = self._pop()
        self.stack.append(func(*args))

    def _memo_get(self, idx):
        try:
            self.stack.append(self.memo[idx])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % idx) from None

    @_op(GET)
    def load_get(self):
        self._memo_get(int(self._readline()[:-1]))

    @_op(BINGET)
    def load_binget(self):
        self._memo_get(self._read(1)[0])

    @_op(LONG_BINGET)
    def load_long_binget(self):
        self._memo_get(unpack('<I', self._read(4))[0])

    @_op(PUT)
    def load_put(self):
        idx = int(self._readline()[:-1])
        if idx < 0:
            raise ValueError("negative PUT argument")
        self.memo[idx] = self._top()

    @_op(BINPUT)
    def load_binput(self):
        self.memo[self._read(1)[0]] = self._top()

    @_op(LONG_BINPUT)
    def load_long_binput(self):
        idx, = unpack('<I', self._read(4))
        if idx > sys.maxsize:
            raise ValueError("negative LONG_BINPUT argument")
        self.memo[idx] = self._top()

    @_op(MEMOIZE)
    def load_memoize(self):
        self.memo[len(self.memo)] = self._top()

    @_op(APPEND)
    def load_append(self):
        value = self._pop()
        self._top().append(value)

    @_op(APPENDS)
    def load_appends(self):
        items = self._pop_mark()
        target = self._top()
        if isinstance(target, list):
            target.extend(items)
        else:
            for item in items:
                target.append(item)

    @_op(SETITEM)
    def load_setitem(self):
        value = self._pop()
        key = self._pop()
        self._top()[key] = value

    @_op(SETITEMS)
    def load_setitems(self):
        items = self._pop_mark()
        target = self._top()
        for i in range(0, len(items), 2):
            target[items[i]] = items[i + 1]

    @_op(ADDITEMS)
    def load_additems(self):
        items = self._pop_mark()
        target = self._top()
        if isinstance(target, set):
            target.update(items)
        else:
            for item in items:
                target.add(item)

    @_op(BUILD)
    def load_build(self):
        state = self._pop()
        inst = self._top()
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            for k, v in state.items():
                if type(k) is str:
                    k = sys.intern(k)
                inst_dict[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)

    del _op


def _dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    f = BytesIO()
    Pickler(f, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)
    return f.getvalue()


def _dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def _loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return Unpickler(BytesIO(data), fix_imports=fix_imports, encoding=encoding, errors=errors,
                     buffers=buffers).load()


def _load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding, errors=errors,
                     buffers=buffers).load()


dump, dumps, load, loads = _dump, _dumps, _load, _loads
