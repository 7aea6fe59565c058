# sqlite3: the exception hierarchy and every error with CPython's message.
import sqlite3

names = ["Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError",
         "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError"]
for n in names:
    cls = getattr(sqlite3, n)
    print(n, cls.__module__, [b.__name__ for b in cls.__mro__[1:-2]])
con = sqlite3.connect(":memory:")
print(con.Error is sqlite3.Error, con.IntegrityError is sqlite3.IntegrityError)


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e, getattr(e, "sqlite_errorcode", "-"),
              getattr(e, "sqlite_errorname", "-"))


attempt("no table", lambda: con.execute("select * from t"))
attempt("syntax", lambda: con.execute("selec 1"))
attempt("no column", lambda: con.execute("select nope"))
con.execute("create table t(id integer primary key, u unique, nn not null, c check (c > 0))")
con.execute("insert into t values (1, 'a', 1, 1)")
attempt("pk", lambda: con.execute("insert into t values (1, 'b', 1, 1)"))
attempt("unique", lambda: con.execute("insert into t values (2, 'a', 1, 1)"))
attempt("not null", lambda: con.execute("insert into t values (3, 'c', null, 1)"))
attempt("check", lambda: con.execute("insert into t values (4, 'd', 1, -5)"))
attempt("datatype", lambda: con.execute("insert into t values ('x', 'e', 1, 1)"))
attempt("count 2/1", lambda: con.execute("insert into t values (?, ?, 1, 1)", (1,)))
attempt("count 1/2", lambda: con.execute("select ?", (1, 2)))
attempt("count 0/1", lambda: con.execute("select 1", (1,)))
attempt("missing name", lambda: con.execute("select :a, :b", {"a": 1}))
attempt("dict for qmark", lambda: con.execute("select ?", {"a": 1}))
attempt("unsupported", lambda: con.execute("select ?", ([1],)))
attempt("unsupported named", lambda: con.execute("select :a", {"a": {1: 2}}))
attempt("bad params", lambda: con.execute("select ?", 5))
attempt("big int", lambda: con.execute("select ?", (2**63,)))
attempt("neg big int", lambda: con.execute("select ?", (-2**63 - 1,)))
attempt("two statements", lambda: con.execute("select 1; select 2"))
attempt("bytes sql", lambda: con.execute(b"select 1"))
attempt("script bytes", lambda: con.executescript(b"select 1"))
attempt("executemany select", lambda: con.executemany("select ?", [(1,)]))
attempt("executemany count", lambda: con.executemany("insert into t(id, nn, c) values (?, 1, 1)", [(10,), (11, 12)]))
print(con.execute("select count(*) from t where id >= 10").fetchone())
attempt("isolation bad", lambda: sqlite3.connect(":memory:", isolation_level="FOO"))
attempt("isolation type", lambda: sqlite3.connect(":memory:", isolation_level=1))
attempt("autocommit bad", lambda: sqlite3.connect(":memory:", autocommit=5))
attempt("collation not callable", lambda: con.create_collation("x", 5))
attempt("cannot open", lambda: sqlite3.connect("/nonexistent-dir/x/y.db"))
attempt("row bad cursor", lambda: sqlite3.Row(1, ()))
attempt("cursor bad conn", lambda: sqlite3.Cursor(5))
attempt("adapt", lambda: sqlite3.adapt(object()))
attempt("adapt alt", lambda: sqlite3.adapt(object(), sqlite3.PrepareProtocol, "alt"))

# the errors an sqlite function raises
con.create_function("boom", 0, lambda: 1 / 0)
con.create_function("badret", 0, lambda: [1])
con.create_function("bigret", 0, lambda: 2**70)
con.create_function("twoargs", 2, lambda a, b: a + b)
attempt("func raises", lambda: con.execute("select boom()").fetchall())
attempt("func bad result", lambda: con.execute("select badret()").fetchall())
attempt("func big result", lambda: con.execute("select bigret()").fetchall())
attempt("func wrong arity", lambda: con.execute("select twoargs(1)").fetchall())
attempt("func ok", lambda: con.execute("select twoargs(1, 2), twoargs('a', 'b')").fetchall())


class InitFails:
    def __init__(self):
        raise ValueError("init")


class StepFails:
    def step(self, x):
        raise ValueError("step")

    def finalize(self):
        return 0


class FinalizeFails:
    def step(self, x):
        pass

    def finalize(self):
        raise ValueError("final")


for cls in (InitFails, StepFails, FinalizeFails):
    con.create_aggregate("agg", 1, cls)
    attempt(cls.__name__, lambda: con.execute("select agg(id) from t").fetchall())

# an error in the middle of fetching
con.create_function("failat3", 1, lambda x: 1 / (x - 3))
cur = con.execute("select failat3(value) from (select 1 as value union all select 2 union all select 3 union all select 4)")
print(cur.fetchone())
attempt("fetch error", lambda: cur.fetchall())

# closed cursor and closed connection
cur = con.cursor()
cur.close()
attempt("closed cursor execute", lambda: cur.execute("select 1"))
attempt("closed cursor fetch", lambda: cur.fetchone())
cur2 = con.execute("select 1")
con.close()
con.close()  # a second close is allowed
for label, f in [("execute", lambda: con.execute("select 1")), ("cursor", lambda: con.cursor()),
                 ("commit", lambda: con.commit()), ("rollback", lambda: con.rollback()),
                 ("total_changes", lambda: con.total_changes), ("in_transaction", lambda: con.in_transaction),
                 ("cursor execute", lambda: cur2.execute("select 1")), ("cursor fetch", lambda: cur2.fetchone()),
                 ("create_function", lambda: con.create_function("f", 0, int))]:
    attempt("closed " + label, f)
