# sqlite3: Python functions, aggregates, collations, the trace callback, and sqlite3.Row.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t(g, x, s)")
con.executemany("insert into t values (?, ?, ?)",
                [(1, 3, "b"), (1, 4, "A"), (2, 10, "c"), (2, None, "a"), (3, 2.5, "B"), (1, 7, "é")])

# functions of every arity, with arguments of every type
con.create_function("py_add", 2, lambda a, b: a + b)
con.create_function("py_types", -1, lambda *args: ",".join(type(a).__name__ for a in args))
con.create_function("py_const", 0, lambda: 42, deterministic=True)
con.create_function("py_rev", 1, lambda s: s[::-1] if isinstance(s, str) else s)
con.create_function("py_none", 1, lambda x: None)
con.create_function("py_blob", 1, lambda n: bytes(i % 256 for i in range(n)))
con.create_function("py_float", 1, lambda x: x / 4 if x is not None else -1)
con.create_function("py_bool", 1, lambda x: x is not None and x > 2)
print(con.execute("select py_add(1, 2), py_add('a', 'b'), py_add(1.5, 2), py_const()").fetchone())
print(con.execute("select py_types(1, 2.0, 'x', x'00', null), py_types()").fetchone())
print(con.execute("select py_rev(s), py_none(s), py_float(x), py_bool(x) from t order by rowid").fetchall())
print(con.execute("select py_blob(5), length(py_blob(300))").fetchone())
print(con.execute("select py_add(x, 1) from t where x is not null order by py_add(x, 1) desc").fetchall())
# the same name with another arity is another function; None removes one
con.create_function("py_add", 3, lambda a, b, c: a + b + c)
print(con.execute("select py_add(1, 2), py_add(1, 2, 3)").fetchone())
con.create_function("py_add", 3, None)
try:
    con.execute("select py_add(1, 2, 3)")
except sqlite3.OperationalError as e:
    print("removed:", e)
# replacing a function
con.create_function("py_const", 0, lambda: "new")
print(con.execute("select py_const()").fetchone())
# a function that queries the database itself
con.create_function("count_g", 1, lambda g: con.execute("select count(*) from t where g = ?", (g,)).fetchone()[0])
print(con.execute("select distinct g, count_g(g) from t order by g").fetchall())
# a closure keeping state across calls
calls = []
con.create_function("log", 1, lambda v: calls.append(v) or len(calls))
print(con.execute("select log(x) from t order by rowid").fetchall(), calls)


# aggregates
class Avg:
    def __init__(self):
        self.total = 0
        self.n = 0

    def step(self, value):
        if value is not None:
            self.total += value
            self.n += 1

    def finalize(self):
        return self.total / self.n if self.n else None


class Concat:
    def __init__(self):
        self.parts = []

    def step(self, value, sep):
        self.parts.append(str(value))
        self.sep = sep

    def finalize(self):
        return getattr(self, "sep", "").join(self.parts)


class Count:
    def __init__(self):
        self.n = 0

    def step(self, *args):
        self.n += 1

    def finalize(self):
        return self.n


con.create_aggregate("py_avg", 1, Avg)
con.create_aggregate("py_concat", 2, Concat)
con.create_aggregate("py_count", -1, Count)
print(con.execute("select g, py_avg(x), py_concat(s, '-'), py_count() from t group by g order by g").fetchall())
print(con.execute("select py_avg(x), py_count(x, s) from t").fetchone())
print(con.execute("select py_avg(x), py_concat(s, '+'), py_count() from t where 0").fetchone())
# an aggregate cut short: the statement is dropped before its last row
cur = con.execute("select g, py_avg(x) from t group by g order by g")
print(cur.fetchone())
cur.close()
print(con.execute("select py_avg(g) from t").fetchone())
con.create_aggregate("py_count", -1, None)
try:
    con.execute("select py_count()")
except sqlite3.OperationalError as e:
    print("removed:", e)


# collations
def nocase_rev(a, b):
    a, b = a.lower(), b.lower()
    return (a < b) - (a > b)


con.create_collation("rev", nocase_rev)
print(con.execute("select s from t order by s collate rev").fetchall())
print(con.execute("select s from t order by s").fetchall())
con.create_collation("bylen", lambda a, b: len(a) - len(b))
print(con.execute("select 'abc' = 'xyz' collate bylen, 'ab' < 'x' collate bylen").fetchone())
con.create_collation("rev", None)
try:
    con.execute("select s from t order by s collate rev")
except sqlite3.OperationalError as e:
    print("removed:", e)

# the trace callback sees each statement with its bound values
traced = []
con.set_trace_callback(traced.append)
con.execute("select ?, ?", (1, "two")).fetchall()
con.execute("insert into t values (9, 9, 'traced')")
con.commit()
con.set_trace_callback(None)
con.execute("select 1").fetchall()
print(traced)

# sqlite3.Row
con.row_factory = sqlite3.Row
row = con.execute("select 1 as a, 'x' as B, null as c").fetchone()
print(type(row).__name__, len(row), row.keys(), tuple(row), list(row))
print(row[0], row[-1], row["a"], row["b"], row["B"], row["C"], row[0:2], row[::-1])
for key in ("zz", 5, -4, 1.5):
    try:
        row[key]
    except IndexError as e:
        print(repr(key), "IndexError:", e)
row2 = con.execute("select 1 as a, 'x' as B, null as c").fetchone()
row3 = con.execute("select 1 as a, 'x' as b, null as c").fetchone()
row4 = con.execute("select 2 as a, 'x' as B, null as c").fetchone()
print(row == row2, row != row2, row == row3, row == row4, row == (1, "x", None), hash(row) == hash(row2))
print([dict(r) for r in con.execute("select g, x from t where g = 2 order by rowid")])
print(sorted(r["s"] for r in con.execute("select s from t")))
# cursors made before the change keep their own row_factory
cur = con.cursor()
con.row_factory = None
print(type(cur.execute("select 1").fetchone()).__name__, type(con.execute("select 1").fetchone()).__name__)
cur.row_factory = lambda cursor, r: {d[0]: v for d, v in zip(cursor.description, r)}
print(cur.execute("select 1 as one, 2 as two").fetchall())
con.close()
