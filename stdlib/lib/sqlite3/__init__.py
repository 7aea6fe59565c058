"""sqlite3: the DB-API 2.0 interface to SQLite (PEP 249), with CPython 3.13's API and messages.

The C module _sqlite3 (stdlib/sqlite.c) wraps libsqlite3: connections (DB), prepared statements (Stmt),
value conversion, SQLite's errors and Python callbacks. This layer is the DB-API: Connection, Cursor, Row,
transactions (isolation_level in the legacy mode, or the `autocommit` attribute of 3.12+), parameter
binding with CPython's messages, adapters and converters, a per-connection statement cache and iterdump.

A statement belongs to one cursor at a time: a cursor takes it out of its connection's cache (or
prepares a new one) and gives it back, reset, when it is done with it (the last row fetched, another
execute, close), so two cursors never step the same statement.
"""
import _sqlite3
from _sqlite3 import complete_statement, sqlite_version

__all__ = [
    "connect", "Connection", "Cursor", "Row", "PrepareProtocol", "Warning", "Error", "InterfaceError",
    "DatabaseError", "DataError", "OperationalError", "IntegrityError", "InternalError", "ProgrammingError",
    "NotSupportedError", "register_adapter", "register_converter", "adapt", "complete_statement",
    "enable_callback_tracebacks", "paramstyle", "threadsafety", "apilevel", "sqlite_version",
    "sqlite_version_info", "PARSE_DECLTYPES", "PARSE_COLNAMES", "LEGACY_TRANSACTION_CONTROL",
    "Date", "Time", "Timestamp", "DateFromTicks", "TimeFromTicks", "TimestampFromTicks", "Binary",
]

paramstyle = "qmark"
threadsafety = 3
apilevel = "2.0"
sqlite_version_info = tuple(int(x) for x in sqlite_version.split("."))

PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2
LEGACY_TRANSACTION_CONTROL = -1

SQLITE_OK = 0
SQLITE_DENY = 1
SQLITE_IGNORE = 2

_OPEN_READWRITE = 0x2
_OPEN_CREATE = 0x4
_OPEN_URI = 0x40


def __getattr__(name):
    if name in ("version", "version_info"):
        import warnings
        warnings.warn(f"{name} is deprecated and will be removed in Python 3.14", DeprecationWarning, stacklevel=2)
        return "2.6.0" if name == "version" else (2, 6, 0)
    raise AttributeError(f"module 'sqlite3' has no attribute '{name}'")


# ---------------------------------------------------------------- exceptions

class Warning(Exception):
    pass


class Error(Exception):
    pass


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class DataError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


_sqlite3._set_errors(Error, Warning, InterfaceError, DatabaseError, DataError, OperationalError,
                     IntegrityError, InternalError, ProgrammingError, NotSupportedError)

_callback_tracebacks = False


def enable_callback_tracebacks(flag, /):
    global _callback_tracebacks
    _callback_tracebacks = bool(flag)


# ---------------------------------------------------------------- adapters and converters

class PrepareProtocol:
    """The protocol object adapters are registered for (PEP 246)."""

    def __init__(self, *args, **kwargs):
        pass


adapters = {}
converters = {}
_NO_ALT = object()
# the types SQLite takes as they are; an adapter registered for one of them makes binding look it up
_BASE_TYPES = (int, float, str, bytes, type(None))
_base_adapted = False


def register_adapter(type, adapter, /):
    global _base_adapted
    if type in _BASE_TYPES or type is bytearray:
        _base_adapted = True
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    if not isinstance(typename, str):
        raise TypeError(f"register_converter() argument 1 must be str, not {_tname(typename)}")
    converters[typename.upper()] = converter


def adapt(obj, proto=PrepareProtocol, alt=_NO_ALT, /):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    conform = getattr(proto, "__adapt__", None)
    if conform is not None:
        r = conform(obj)
        if r is not None:
            return r
    conform = getattr(obj, "__conform__", None)
    if conform is not None:
        r = conform(proto)
        if r is not None:
            return r
    if alt is not _NO_ALT:
        return alt
    raise ProgrammingError("can't adapt")


def _tname(obj):
    return type(obj).__name__


def _bind_value(v):
    """v as SQLite takes it: adapted unless its type is a base type nobody registered an adapter for."""
    if type(v) in _BASE_TYPES and not _base_adapted:
        return v
    adapter = adapters.get((type(v), PrepareProtocol))
    if adapter is not None:
        return adapter(v)
    conform = getattr(v, "__conform__", None)
    if conform is not None:
        r = conform(PrepareProtocol)
        if r is not None:
            return r
    return v


def _bind(stmt, params):
    n = stmt.bind_count()
    if type(params) in (tuple, list):
        is_seq = True
    elif isinstance(params, dict):
        is_seq = False
    elif hasattr(type(params), "__getitem__") and hasattr(type(params), "__len__") and not hasattr(type(params), "keys"):
        is_seq = True
    elif hasattr(type(params), "__getitem__") and hasattr(type(params), "keys"):
        is_seq = False
    else:
        raise ProgrammingError("parameters are of unsupported type")
    if is_seq:
        got = len(params)
        if got != n:
            raise ProgrammingError(f"Incorrect number of bindings supplied. The current statement uses {n}, "
                                   f"and there are {got} supplied.")
        if n and stmt.named:
            names = stmt.bind_names()
            for i in range(n):
                name = names[i]
                if name is not None and name[0] != "?":
                    import warnings
                    warnings.warn(f"Binding {i + 1} ('{name}') is a named parameter, but you supplied a sequence "
                                  "which requires nameless (qmark) placeholders. Starting with Python 3.14 an "
                                  "sqlite3.ProgrammingError will be raised.", DeprecationWarning, stacklevel=4)
        for i in range(n):
            v = params[i]
            if type(v) not in _BASE_TYPES or _base_adapted:
                v = _bind_value(v)
            if not stmt.bind(i + 1, v):
                raise ProgrammingError(f"Error binding parameter {i + 1}: type '{_tname(v)}' is not supported")
        return
    names = stmt.bind_names()
    for i in range(n):
        name = names[i]
        if name is None or name[0] == "?":
            raise ProgrammingError(f"Binding {i + 1} has no name, but you supplied a dictionary (which has only names).")
        key = name[1:]
        try:
            v = params[key]
        except KeyError:
            raise ProgrammingError(f"You did not supply a value for binding parameter {name}.") from None
        v = _bind_value(v)
        if not stmt.bind(i + 1, v):
            raise ProgrammingError(f"Error binding parameter {i + 1}: type '{_tname(v)}' is not supported")


# ---------------------------------------------------------------- connections

_LEVELS = ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")


def _check_level(level):
    if level is None:
        return None
    if not isinstance(level, str):
        raise TypeError("isolation_level must be str or None")
    if level.upper() not in _LEVELS:
        raise ValueError("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")
    return level


def _check_autocommit(value):
    if value is True or value is False or (type(value) is int and value == LEGACY_TRANSACTION_CONTROL):
        return value
    raise ValueError("autocommit must be True, False, or sqlite3.LEGACY_TRANSACTION_CONTROL")


class Connection:
    # class-level defaults, so that a subclass that skips __init__ gets CPython's error (and without
    # reading __dict__, which would take instances off their fast attribute shapes)
    _db = None

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="", check_same_thread=True,
                 factory=None, cached_statements=128, uri=False, *, autocommit=LEGACY_TRANSACTION_CONTROL):
        import os
        path = os.fsdecode(database)
        if not isinstance(path, str):
            raise TypeError(f"expected str, bytes or os.PathLike object, not {_tname(database)}")
        self._isolation_level = _check_level(isolation_level)
        self._autocommit = _check_autocommit(autocommit)
        flags = _OPEN_READWRITE | _OPEN_CREATE | (_OPEN_URI if uri else 0)
        self._db = _sqlite3.open(path, flags, int(timeout * 1000))
        self._detect_types = int(detect_types)
        self._cache = {}
        self._cache_size = int(cached_statements)
        self.row_factory = None
        self.text_factory = str
        self.Warning = Warning
        self.Error = Error
        self.InterfaceError = InterfaceError
        self.DatabaseError = DatabaseError
        self.DataError = DataError
        self.OperationalError = OperationalError
        self.IntegrityError = IntegrityError
        self.InternalError = InternalError
        self.ProgrammingError = ProgrammingError
        self.NotSupportedError = NotSupportedError
        if self._autocommit is False:
            self._run("BEGIN")

    # -- internals
    def _check(self):
        db = self._db
        if db is None:
            raise ProgrammingError("Base Connection.__init__ not called.")
        if not db.is_open():
            raise ProgrammingError("Cannot operate on a closed database.")
        return db

    def _take(self, sql):
        """A statement for sql: from the cache, or freshly prepared (None for an empty one)."""
        stmt = self._cache.pop(sql, None)
        if stmt is not None:
            return stmt
        stmt, rest = self._db.prepare(sql)
        if rest:
            if stmt is not None:
                stmt.finalize()
            raise ProgrammingError("You can only execute one statement at a time.")
        return stmt

    def _give_back(self, sql, stmt):
        stmt.reset()
        cache = self._cache
        if self._cache_size <= 0 or sql in cache:
            stmt.finalize()
            return
        cache[sql] = stmt
        if len(cache) > self._cache_size:
            old = next(iter(cache))
            cache.pop(old).finalize()

    def _run(self, sql):
        """Runs one statement that returns no rows (BEGIN, COMMIT, ROLLBACK)."""
        stmt = self._take(sql)
        try:
            stmt.step()
        finally:
            self._give_back(sql, stmt)

    def _begin_implicit(self, stmt):
        if self._autocommit is LEGACY_TRANSACTION_CONTROL or self._autocommit == -1:
            if self._isolation_level is not None and stmt.is_dml and self._db.autocommit():
                self._run("BEGIN " + self._isolation_level)

    # -- the DB-API
    def cursor(self, factory=None):
        self._check()
        cur = Cursor(self) if factory is None else factory(self)
        if not isinstance(cur, Cursor):
            raise TypeError(f"factory must return a cursor, not {_tname(cur)}")
        if self.row_factory is not None and cur.row_factory is None:
            cur.row_factory = self.row_factory
        return cur

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        db = self._check()
        if self._autocommit is True:
            return
        if not db.autocommit():
            self._run("COMMIT")
        if self._autocommit is False:
            self._run("BEGIN")

    def rollback(self):
        db = self._check()
        if self._autocommit is True:
            return
        if not db.autocommit():
            self._run("ROLLBACK")
        if self._autocommit is False:
            self._run("BEGIN")

    def close(self):
        db = self._db
        if db is None or not db.is_open():
            return
        if self._autocommit is False and not db.autocommit():
            self._run("ROLLBACK")
        for stmt in self._cache.values():
            stmt.finalize()
        self._cache.clear()
        db.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                self.commit()
            except BaseException:
                self.rollback()
                raise
        else:
            self.rollback()
        return False

    @property
    def in_transaction(self):
        return not self._check().autocommit()

    @property
    def total_changes(self):
        return self._check().total_changes()

    @property
    def isolation_level(self):
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, value):
        level = _check_level(value)
        if level is None and self._autocommit is LEGACY_TRANSACTION_CONTROL:
            db = self._check()
            if not db.autocommit():
                self._run("COMMIT")
        self._isolation_level = level

    @property
    def autocommit(self):
        return self._autocommit

    @autocommit.setter
    def autocommit(self, value):
        self._check()
        value = _check_autocommit(value)
        if value is True:
            if not self._db.autocommit():
                self._run("COMMIT")
        elif value is False:
            if self._db.autocommit():
                self._run("BEGIN")
        self._autocommit = value

    def create_function(self, name, narg, func, *, deterministic=False):
        self._check()
        if not isinstance(name, str):
            raise TypeError(f"create_function() argument 1 must be str, not {_tname(name)}")
        self._db.create_function(name, narg, func, deterministic)

    def create_aggregate(self, name, n_arg, aggregate_class):
        self._check()
        if not isinstance(name, str):
            raise TypeError(f"create_aggregate() argument 1 must be str, not {_tname(name)}")
        self._db.create_aggregate(name, n_arg, aggregate_class)

    def create_collation(self, name, callable, /):
        self._check()
        if not isinstance(name, str):
            raise TypeError(f"create_collation() argument 1 must be str, not {_tname(name)}")
        if callable is not None and not hasattr(callable, "__call__"):
            raise TypeError("parameter must be callable")
        self._db.create_collation(name, callable)

    def set_trace_callback(self, trace_callback):
        self._check()
        self._db.set_trace(trace_callback)

    def interrupt(self):
        self._check().interrupt()

    def iterdump(self, *, filter=None):
        from sqlite3.dump import _iterdump
        return _iterdump(self, filter)

    def backup(self, target, *, pages=-1, progress=None, name="main", sleep=0.250):
        db = self._check()
        if not isinstance(target, Connection):
            raise TypeError(f"backup() argument 'target' must be sqlite3.Connection, not {_tname(target)}")
        if target is self:
            raise ValueError("target cannot be the same connection instance")
        target_db = target._check()
        if progress is not None and not hasattr(progress, "__call__"):
            raise TypeError("progress argument must be a callable")
        db.backup(target_db, int(pages), progress, name, int(sleep * 1000))

    def blobopen(self, *args, **kwargs):
        raise NotSupportedError("Connection.blobopen() is not supported by Krait's sqlite3")

    def enable_load_extension(self, enabled, /):
        raise NotSupportedError("Krait's sqlite3 does not load extensions")

    def load_extension(self, *args, **kwargs):
        raise NotSupportedError("Krait's sqlite3 does not load extensions")


# ---------------------------------------------------------------- cursors

class Cursor:
    connection = None  # see Connection._db

    def __init__(self, cursor):
        if not isinstance(cursor, Connection):
            raise TypeError(f"Cursor() argument 1 must be sqlite3.Connection, not {_tname(cursor)}")
        self.connection = cursor
        self.arraysize = 1
        self.row_factory = None
        self.description = None
        self.rowcount = -1
        self.lastrowid = None
        self._stmt = None
        self._sql = None
        self._has_row = False
        self._closed = False
        self._conv = None

    def _check(self):
        if self.connection is None:
            raise ProgrammingError("Base Cursor.__init__ not called.")
        self.connection._check()
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")

    def _release(self):
        stmt = self._stmt
        if stmt is not None:
            self._stmt = None
            self._has_row = False
            self.connection._give_back(self._sql, stmt)

    def _converters(self, columns):
        """The converter of each result column (None: none), from PARSE_COLNAMES / PARSE_DECLTYPES."""
        detect = self.connection._detect_types
        if not detect or not converters:
            return None
        conv = []
        found = False
        for name, decl in columns:
            c = None
            if detect & PARSE_COLNAMES and name:
                i = name.find("[")
                if i >= 0:
                    j = name.find("]", i)
                    if j > i:
                        c = converters.get(name[i + 1:j].upper())
            if c is None and detect & PARSE_DECLTYPES and decl:
                key = decl.split("(")[0].split(" ")[0].strip()
                c = converters.get(key.upper())
            conv.append(c)
            found = found or c is not None
        return conv if found else None

    def _describe(self, stmt):
        columns = stmt.columns()
        if not columns:
            self.description = None
            self._conv = None
            return
        colnames = self.connection._detect_types & PARSE_COLNAMES
        desc = []
        for name, decl in columns:
            if colnames:
                i = name.find("[")
                if i >= 0:
                    name = name[:i]
                    if name.endswith(" "):
                        name = name[:-1]
            desc.append((name, None, None, None, None, None, None))
        self.description = tuple(desc)
        self._conv = self._converters(columns)

    def execute(self, sql, parameters=(), /):
        self._check()
        if not isinstance(sql, str):
            raise TypeError(f"execute() argument 1 must be str, not {_tname(sql)}")
        self._release()
        conn = self.connection
        stmt = conn._take(sql)
        self.rowcount = -1
        if stmt is None:
            self.description = None
            return self
        try:
            _bind(stmt, parameters)
            conn._begin_implicit(stmt)
            self._describe(stmt)
            if stmt.is_dml:
                self.rowcount = 0
            has_row = stmt.step()
        except BaseException:
            conn._give_back(sql, stmt)
            raise
        if stmt.is_dml:
            self.rowcount += conn._db.changes()
        self.lastrowid = conn._db.last_insert_rowid()
        if has_row:
            self._stmt = stmt
            self._sql = sql
            self._has_row = True
        else:
            conn._give_back(sql, stmt)
        return self

    def executemany(self, sql, seq_of_parameters, /):
        self._check()
        if not isinstance(sql, str):
            raise TypeError(f"executemany() argument 1 must be str, not {_tname(sql)}")
        self._release()
        conn = self.connection
        stmt = conn._take(sql)
        self.rowcount = -1
        if stmt is None:
            self.description = None
            return self
        try:
            if not stmt.is_dml:
                raise ProgrammingError("executemany() can only execute DML statements.")
            self.description = None
            self.rowcount = 0
            for params in seq_of_parameters:
                stmt.reset()
                _bind(stmt, params)
                conn._begin_implicit(stmt)
                if stmt.step():
                    raise ProgrammingError("executemany() can only execute DML statements.")
                self.rowcount += conn._db.changes()
        finally:
            conn._give_back(sql, stmt)
        return self

    def executescript(self, sql_script, /):
        self._check()
        if not isinstance(sql_script, str):
            raise TypeError(f"executescript() argument must be str, not {_tname(sql_script)}")
        if "\0" in sql_script:
            raise ValueError("embedded null character")
        self._release()
        conn = self.connection
        if conn._autocommit is LEGACY_TRANSACTION_CONTROL and not conn._db.autocommit():
            conn._run("COMMIT")
        rest = sql_script
        db = conn._db
        while rest:
            stmt, rest = db.prepare(rest, False)
            if stmt is None:
                break
            try:
                while stmt.step():
                    pass
            finally:
                stmt.finalize()
        return self

    def _next_row(self):
        stmt = self._stmt
        conn = self.connection
        factory = conn.text_factory
        row = stmt.row(None if factory is str else factory)
        conv = self._conv
        if conv is not None:
            row = list(row)
            for i, c in enumerate(conv):
                if c is not None and row[i] is not None:
                    v = row[i]
                    if isinstance(v, str):
                        v = v.encode()
                    elif not isinstance(v, (bytes, bytearray)):
                        v = _sql_text(v)
                    row[i] = c(v)
            row = tuple(row)
        try:
            more = stmt.step()
        except BaseException:
            self._release()
            raise
        if not more:
            self._release()
        rf = self.row_factory
        if rf is not None:
            row = rf(self, row)
        return row

    def fetchone(self):
        self._check()
        if not self._has_row:
            return None
        return self._next_row()

    def fetchmany(self, size=None):
        self._check()
        if size is None:
            size = self.arraysize
        rows = []
        # as CPython's: the count is checked after each row, so a size below 1 fetches everything
        while self._has_row:
            rows.append(self._next_row())
            if len(rows) == size:
                break
        return rows

    def fetchall(self):
        self._check()
        rows = []
        while self._has_row:
            rows.append(self._next_row())
        return rows

    def __iter__(self):
        return self

    def __next__(self):
        self._check()
        if not self._has_row:
            raise StopIteration
        return self._next_row()

    def close(self):
        if self.connection is None:
            raise ProgrammingError("Base Cursor.__init__ not called.")
        self.connection._check()
        self._release()
        self._closed = True

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


def _sql_text(v):
    """The bytes SQLite's text form of a number gives a converter (as sqlite3_column_blob would)."""
    if isinstance(v, float):
        r = repr(v)
        return r.encode()
    return str(v).encode()


# ---------------------------------------------------------------- rows

class Row:
    __slots__ = ("_desc", "_data")

    def __new__(cls, cursor, data, /):
        if not isinstance(cursor, Cursor):
            raise TypeError(f"Row() argument 1 must be sqlite3.Cursor, not {_tname(cursor)}")
        if not isinstance(data, tuple):
            raise TypeError(f"Row() argument 2 must be tuple, not {_tname(data)}")
        self = object.__new__(cls)
        self._desc = cursor.description
        self._data = data
        return self

    def keys(self):
        if self._desc is None:
            return []
        return [d[0] for d in self._desc]

    def __getitem__(self, key):
        if isinstance(key, str):
            if self._desc is not None:
                low = key.lower()
                for i, d in enumerate(self._desc):
                    if d[0].lower() == low:
                        return self._data[i]
            raise IndexError("No item with that key")
        if isinstance(key, (int, slice)):
            return self._data[key]
        if hasattr(type(key), "__index__"):
            return self._data[key.__index__()]
        raise IndexError("Index must be int or string")

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._desc == other._desc and self._data == other._data

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not (self._desc == other._desc and self._data == other._data)

    def __hash__(self):
        return hash(self._desc) ^ hash(self._data)


def connect(database, timeout=5.0, detect_types=0, isolation_level="", check_same_thread=True, factory=None,
            cached_statements=128, uri=False, *, autocommit=LEGACY_TRANSACTION_CONTROL):
    if factory is None:
        factory = Connection
    return factory(database, timeout, detect_types, isolation_level, check_same_thread, None, cached_statements,
                   uri, autocommit=autocommit)


# ---------------------------------------------------------------- the DB-API's type constructors

def _default_adapters():
    import datetime
    import time as _time
    import warnings

    def adapt_date(val):
        warnings.warn("The default date adapter is deprecated as of Python 3.12; see the sqlite3 documentation "
                      "for suggested replacement recipes", DeprecationWarning, stacklevel=2)
        return val.isoformat()

    def adapt_datetime(val):
        warnings.warn("The default datetime adapter is deprecated as of Python 3.12; see the sqlite3 "
                      "documentation for suggested replacement recipes", DeprecationWarning, stacklevel=2)
        return val.isoformat(" ")

    def convert_date(val):
        warnings.warn("The default 'date' converter is deprecated as of Python 3.12; see the sqlite3 "
                      "documentation for suggested replacement recipes", DeprecationWarning, stacklevel=2)
        return datetime.date(*map(int, val.split(b"-")))

    def convert_timestamp(val):
        warnings.warn("The default 'timestamp' converter is deprecated as of Python 3.12; see the sqlite3 "
                      "documentation for suggested replacement recipes", DeprecationWarning, stacklevel=2)
        day, _, clock = val.decode().partition(" ")
        hms, _, frac = clock.partition(".")
        y, mo, d = (int(x) for x in day.split("-"))
        h, mi, sec = (int(x) for x in hms.split(":"))
        # the fraction is microseconds: padded or cut to six digits
        us = int((frac + "000000")[:6]) if frac else 0
        return datetime.datetime(y, mo, d, h, mi, sec, us)

    register_adapter(datetime.date, adapt_date)
    register_adapter(datetime.datetime, adapt_datetime)
    register_converter("date", convert_date)
    register_converter("timestamp", convert_timestamp)
    return datetime, _time


_datetime, _time = _default_adapters()
Date = _datetime.date
Time = _datetime.time
Timestamp = _datetime.datetime


def DateFromTicks(ticks):
    return Date(*_time.localtime(ticks)[:3])


def TimeFromTicks(ticks):
    return Time(*_time.localtime(ticks)[3:6])


def TimestampFromTicks(ticks):
    return Timestamp(*_time.localtime(ticks)[:6])


Binary = memoryview
del _default_adapters
