# sqlite3: transactions on a file database seen from two connections: implicit BEGIN (legacy
# isolation_level), commit, rollback, the context manager, autocommit True/False, locking and timeout.
import os
import sqlite3
import tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "t.db")
    a = sqlite3.connect(path)
    b = sqlite3.connect(path, timeout=0.05)
    a.execute("create table t(k integer primary key, v text)")
    print("after create", a.in_transaction)

    def seen():
        return b.execute("select count(*) from t").fetchall()[0][0]

    a.execute("insert into t(v) values ('one')")
    print("insert: in_transaction", a.in_transaction, "other sees", seen())
    try:
        b.execute("insert into t(v) values ('blocked')")
    except sqlite3.OperationalError as e:
        print("writer blocked:", e, e.sqlite_errorname, b.in_transaction)
    b.rollback()  # its implicit BEGIN left a transaction open, whose reads would block a's commit
    a.commit()
    print("commit: in_transaction", a.in_transaction, "other sees", seen())
    a.commit()  # nothing to commit: no error

    a.execute("insert into t(v) values ('two')")
    a.rollback()
    print("rollback: other sees", seen(), a.execute("select v from t").fetchall())

    # the context manager commits on success, rolls back on an exception and does not close
    with a:
        a.execute("insert into t(v) values ('three')")
    print("with ok: other sees", seen())
    try:
        with a:
            a.execute("insert into t(v) values ('four')")
            raise KeyError("boom")
    except KeyError as e:
        print("with raised", e)
    print("with error: other sees", seen(), "in_transaction", a.in_transaction)
    try:
        with a:
            a.execute("insert into t(k, v) values (1, 'dup')")
    except sqlite3.IntegrityError as e:
        print("with integrity:", e)
    print(a.execute("select count(*) from t").fetchone())

    # SELECT does not open a transaction; DDL does not either in legacy mode
    a.execute("select * from t").fetchall()
    print("select: in_transaction", a.in_transaction)
    # explicit transactions with isolation_level None
    a.isolation_level = None
    print("isolation_level", a.isolation_level)
    a.execute("insert into t(v) values ('auto')")
    print("autocommitted: in_transaction", a.in_transaction, "other sees", seen())
    a.execute("begin")
    a.execute("insert into t(v) values ('explicit')")
    print("explicit: in_transaction", a.in_transaction, "other sees", seen())
    a.execute("rollback")
    print("explicit rollback: other sees", seen())
    # setting isolation_level to None commits a pending transaction
    a.isolation_level = "IMMEDIATE"
    a.execute("insert into t(v) values ('pending')")
    print("pending", a.in_transaction)
    a.isolation_level = None
    print("after None", a.in_transaction, "other sees", seen())
    a.isolation_level = "DEFERRED"
    print(a.isolation_level)
    a.close()

    # autocommit=False: a transaction is always open; commit/rollback open the next one
    c = sqlite3.connect(path, autocommit=False)
    print("autocommit False:", c.autocommit, c.in_transaction)
    c.execute("insert into t(v) values ('ac-false')")
    c.rollback()
    print("after rollback", c.in_transaction, "other sees", seen())
    c.execute("insert into t(v) values ('ac-false-2')")
    c.commit()
    print("after commit", c.in_transaction, "other sees", seen())
    c.execute("insert into t(v) values ('lost at close')")
    c.close()
    print("close rolled back: other sees", seen())

    # autocommit=True: every statement commits; commit/rollback do nothing
    e = sqlite3.connect(path, autocommit=True)
    e.execute("insert into t(v) values ('ac-true')")
    print("autocommit True:", e.in_transaction, "other sees", seen())
    e.rollback()
    print("rollback is a no-op: other sees", seen())
    e.execute("begin")
    e.execute("delete from t")
    print("explicit begin", e.in_transaction)
    e.execute("rollback")
    # switching the attribute
    e.autocommit = False
    print("switched to False:", e.autocommit, e.in_transaction)
    e.execute("insert into t(v) values ('switch')")
    e.autocommit = True
    print("switched to True commits:", e.in_transaction, "other sees", seen())
    e.autocommit = sqlite3.LEGACY_TRANSACTION_CONTROL
    print(e.autocommit)
    e.close()

    # executescript commits a pending legacy transaction first
    f = sqlite3.connect(path)
    f.execute("insert into t(v) values ('before script')")
    f.executescript("insert into t(v) values ('script');")
    print("script: other sees", seen(), f.in_transaction)
    print([r[0] for r in b.execute("select v from t order by k")])
    f.close()
    b.close()
    # the database outlives its connections
    g = sqlite3.connect(path)
    print(g.execute("select count(*) from t").fetchone(), sorted(os.listdir(d)))
    g.close()
    # uri=True: a read-only connection
    ro = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    print(ro.execute("select count(*) from t").fetchone())
    try:
        ro.execute("insert into t(v) values ('x')")
    except sqlite3.OperationalError as err:
        print("read-only:", err, err.sqlite_errorcode)
    ro.close()
    mem = sqlite3.connect("file:memdb1?mode=memory&cache=shared", uri=True)
    mem.execute("create table z(a)")
    print(mem.execute("select name from sqlite_master").fetchall())
    mem.close()
    # path-like and bytes names
    import pathlib
    p = sqlite3.connect(pathlib.Path(d) / "p.db")
    p.execute("create table q(a)")
    p.close()
    q = sqlite3.connect(os.fsencode(os.path.join(d, "p.db")))
    print(q.execute("select name from sqlite_master").fetchall())
    q.close()
print("done")

# the trace callback sees the implicit BEGIN and the COMMITs the module issues
c = sqlite3.connect(":memory:")
tr = []
c.set_trace_callback(tr.append)
c.execute("create table t(a)")
c.execute("insert into t values (?)", ("x'y",))
c.commit()
with c:
    c.execute("insert into t values (2.5)")
c.executescript("select 1; select 2;")
c.close()
c2 = sqlite3.connect(":memory:", autocommit=False)
c2.set_trace_callback(tr.append)
c2.commit()
c2.close()
print(tr)

# Connection.backup: in steps with a progress callback, its errors, an exception inside progress
a = sqlite3.connect(':memory:'); a.execute('create table t(x)'); a.executemany('insert into t values (?)', [(i,) for i in range(1000)]); a.commit()
b=sqlite3.connect(':memory:')
log=[]
print(a.backup(b, pages=3, progress=lambda st, rem, tot: log.append((st, rem, tot))))
print(log[:3], len(log), b.execute('select count(*) from t').fetchone())
for args in [(5,), (a,)]:
    try: a.backup(*args)
    except Exception as e: print(type(e).__name__, e)
try: a.backup(b, progress=5)
except Exception as e: print(type(e).__name__, e)
try: a.backup(b, name='nope')
except Exception as e: print(type(e).__name__, e)
def bad(*args): raise KeyError("in progress")
c=sqlite3.connect(':memory:')
try: a.backup(c, pages=1, progress=bad)
except Exception as e: print(type(e).__name__, e)
a.backup(c); print(c.execute('select sum(x) from t').fetchone())
b.close()
try: a.backup(b)
except Exception as e: print(type(e).__name__, e)
