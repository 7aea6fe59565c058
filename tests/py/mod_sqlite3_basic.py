# sqlite3: schema, inserts, queries, cursor attributes, type mapping, module constants.
import sqlite3

print(sqlite3.paramstyle, sqlite3.threadsafety, sqlite3.apilevel)
print(isinstance(sqlite3.sqlite_version, str), len(sqlite3.sqlite_version_info) == 3,
      sqlite3.sqlite_version_info >= (3, 7, 0))
print(sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, sqlite3.LEGACY_TRANSACTION_CONTROL)
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"),
      sqlite3.complete_statement("create table t(a);  -- c"))

con = sqlite3.connect(":memory:")
print(type(con).__name__, con.isolation_level == "", con.autocommit, con.row_factory, con.text_factory is str)
cur = con.cursor()
print(cur.rowcount, cur.lastrowid, cur.description, cur.arraysize, cur.connection is con)
cur.execute("create table people(id integer primary key, name text not null, age int, score real, photo blob)")
print("create:", cur.rowcount, cur.description)
cur.execute("insert into people(name, age, score, photo) values (?, ?, ?, ?)", ("ann", 31, 9.5, b"\x00\x01"))
print("insert:", cur.rowcount, cur.lastrowid)
rows = [("bob", 25, 7.25, None), ("cy", None, -1.0, b""), ("dee", 40, 0.0, bytearray(b"xyz")),
        ("éva", 2**62, 1e300, memoryview(b"mv"))]
cur.executemany("insert into people(name, age, score, photo) values (?, ?, ?, ?)", rows)
print("executemany:", cur.rowcount, cur.lastrowid)
cur.executemany("insert into people(name) values (:n)", ({"n": "n%d" % i} for i in range(3)))
print("generator:", cur.rowcount)
cur.executemany("insert into people(name) values (?)", iter([("it1",), ("it2",)]))
print("iterator:", cur.rowcount)

cur.execute("select id, name, age, score, photo from people order by id")
print([d[0] for d in cur.description], len(cur.description[0]), cur.rowcount)
print(cur.fetchone())
print(cur.fetchmany())
print(cur.fetchmany(2))
cur.arraysize = 3
print(cur.fetchmany())
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall(), cur.fetchmany())

for row in con.execute("select name, typeof(age), typeof(score), typeof(photo) from people where id <= 5"):
    print(row)

# values round trip with their types
vals = [0, -1, 2**63 - 1, -2**63, 1.5, -0.0, float("inf"), "", "a\u00e9\u4e2d\U0001F600", b"", b"\x00\xff", None, True, False]
for v in vals:
    r = con.execute("select ?, typeof(?)", (v, v)).fetchone()
    print(repr(v), "->", repr(r[0]), r[1], type(r[0]).__name__)
print(con.execute("select 1/2, 1.0/2, 5 % 3, 'a' || 'b', null, x'414243', 9223372036854775807 + 0").fetchone())

# named parameters from a dict and from a mapping subclass
print(con.execute("select :a + :b, :a", {"a": 1, "b": 2}).fetchone())
class M(dict):
    def __missing__(self, key):
        return key.upper()
print(con.execute("select :x, :y", M(x=7)).fetchone())
print(con.execute("select ?1, ?2, ?1", (1, 2)).fetchone())

# update / delete rowcounts and lastrowid
cur.execute("update people set age = age + 1 where age is not null")
print("update:", cur.rowcount, cur.lastrowid)
cur.execute("delete from people where name like 'n%'")
print("delete:", cur.rowcount)
cur.execute("select count(*) from people")
print("count:", cur.fetchone()[0], cur.rowcount)
print("total_changes:", con.total_changes)

# empty statements and comments
print(con.execute("").description, con.execute("-- nothing").fetchall(), con.execute("select 1; ").fetchall())
print(con.execute("select 2; -- trailing").fetchall(), con.execute("/* c */ select 3 /* d */").fetchall())

# a cursor used by several statements in turn; iteration after exhaustion
c2 = con.cursor()
it = c2.execute("select name from people order by id limit 3")
print(iter(it) is it, next(it), list(it), list(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
# two cursors interleaved on the same SQL
a = con.execute("select id from people order by id limit 4")
b = con.execute("select id from people order by id limit 4")
print(a.fetchone(), b.fetchone(), a.fetchone(), b.fetchall(), a.fetchall())

# text_factory
con.text_factory = bytes
print(con.execute("select 'abc', 'é'").fetchone())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("select 'abc', 1, x'00'").fetchone())
con.text_factory = str

# executescript
cur.executescript("""
    create table s(a, b);
    insert into s values (1, 'one');  -- comment
    insert into s values (2, 'two');
    /* block */ insert into s values (3, 'three')
""")
print(con.execute("select * from s order by a").fetchall())
print(cur.executescript("") is cur)
con.execute("create table u(k integer primary key autoincrement, v)")
print(con.execute("insert into u(v) values ('x')").lastrowid, con.execute("insert into u(v) values ('y')").lastrowid)
con.close()
print("closed")
