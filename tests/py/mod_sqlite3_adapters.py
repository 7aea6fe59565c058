# sqlite3: adapters (register_adapter, __conform__), converters (register_converter with PARSE_DECLTYPES
# and PARSE_COLNAMES), the default date/timestamp ones, and the DB-API type constructors.
import datetime
import decimal
import sqlite3
import warnings

warnings.simplefilter("ignore", DeprecationWarning)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Conforming:
    def __init__(self, v):
        self.v = v

    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return f"conformed:{self.v}"


def adapt_point(p):
    return f"{p.x};{p.y}"


def convert_point(b):
    x, y = map(float, b.split(b";"))
    return Point(x, y)


sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_adapter(decimal.Decimal, str)
sqlite3.register_converter("point", convert_point)
sqlite3.register_converter("DECIMAL", lambda b: decimal.Decimal(b.decode()))
sqlite3.register_converter("Upper", lambda b: b.decode().upper())
sqlite3.register_converter("raw", lambda b: b)
print(sqlite3.adapt(Point(1, 2)), sqlite3.adapt(Conforming(3)), sqlite3.adapt(5, sqlite3.PrepareProtocol, None))
print(sorted(k for k in sqlite3.converters if k in ("POINT", "DECIMAL", "UPPER", "RAW")))

# without detect_types the stored text comes back as it is
con = sqlite3.connect(":memory:")
con.execute("create table t(p point, d decimal(10, 2), u upper, r raw, plain)")
con.execute("insert into t values (?, ?, ?, ?, ?)", (Point(1.5, -2), decimal.Decimal("3.10"), "abc", 7, Conforming("c")))
con.execute("insert into t values (?, ?, ?, ?, ?)", (None, None, None, 2.5, None))
print(con.execute("select * from t").fetchall())
con.close()

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con.execute("create table t(p point, d decimal(10, 2), u upper, r raw, plain)")
con.execute("insert into t values (?, ?, ?, ?, ?)", (Point(1.5, -2), decimal.Decimal("3.10"), "abc", 7, Conforming("c")))
con.execute("insert into t values (?, ?, ?, ?, ?)", (None, None, None, 2.5, None))
con.execute("insert into t values (?, ?, ?, ?, ?)", (Point(0, 0), decimal.Decimal("-1"), "é", b"\x00b", 1))
for row in con.execute("select * from t"):
    print(row)
# expressions have no declared type: no conversion
print(con.execute("select p, p || '' from t limit 1").fetchone())
print(con.execute("select p as \"p [upper]\" from t limit 1").fetchone())
con.close()

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
cur = con.execute("select '1;2' as \"pt [point]\", 'x' as \"u [UPPER]\", 5 as \"n [raw]\", 'q' as \"z [unknown]\", 'w' as plain")
print(cur.fetchone(), [d[0] for d in cur.description])
con.close()

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES | sqlite3.PARSE_DECLTYPES)
con.execute("create table t(a point, b upper)")
con.execute("insert into t values ('3;4', 'lower')")
# the column name's type wins over the declared one
print(con.execute("select a, b as \"b [raw]\" from t").fetchone())
con.close()

# adapting a base type changes how it binds
sqlite3.register_adapter(int, lambda i: i * 10)
con = sqlite3.connect(":memory:")
print(con.execute("select ?, ?", (4, True)).fetchone())
sqlite3.adapters.pop((int, sqlite3.PrepareProtocol))
print(con.execute("select ?", (4,)).fetchone())

# the default date and timestamp adapters/converters (deprecated, still present in 3.13)
con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con.execute("create table e(d date, ts timestamp)")
day = datetime.date(2024, 2, 29)
stamp = datetime.datetime(2023, 12, 31, 23, 59, 58, 123456)
con.execute("insert into e values (?, ?)", (day, stamp))
con.execute("insert into e values (?, ?)", (datetime.date(1999, 1, 2), datetime.datetime(2000, 1, 1, 0, 0)))
for row in con.execute("select d, ts, typeof(d), cast(ts as text) from e"):
    print(row)
con.close()

print(sqlite3.Date(2020, 1, 2), sqlite3.Time(3, 4, 5), sqlite3.Timestamp(2020, 1, 2, 3, 4, 5))
print(sqlite3.Binary(b"ab") == b"ab", type(sqlite3.Binary(b"")).__name__)
print(type(sqlite3.DateFromTicks(0)).__name__, type(sqlite3.TimestampFromTicks(0)).__name__)
try:
    sqlite3.register_converter(5, str)
except TypeError as e:
    print("TypeError:", e)
