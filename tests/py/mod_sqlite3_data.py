# sqlite3: big data round trips (blobs, unicode text, many rows), iterdump, and objects left to the
# garbage collector (unclosed connections, cursors dropped mid-iteration, aggregates cut short).
import gc
import hashlib
import os
import sqlite3
import tempfile

con = sqlite3.connect(":memory:")
con.execute("create table big(id integer primary key, b blob, t text)")
blob = bytes((i * 7 + 3) % 256 for i in range(1 << 20))
text = "".join(chr(c) for c in list(range(32, 127)) + [0xe9, 0x4e2d, 0x10348, 0x1F600, 0xFFFD]) * 3000
con.execute("insert into big(b, t) values (?, ?)", (blob, text))
con.execute("insert into big(b, t) values (?, ?)", (bytearray(blob[:1000]), text[:10]))
con.execute("insert into big(b, t) values (?, ?)", (memoryview(blob)[5:105], "\x00inside\x00"))
for b, t in con.execute("select b, t from big order by id"):
    print(type(b).__name__, len(b), hashlib.sha256(b).hexdigest()[:16], len(t), hashlib.sha256(t.encode()).hexdigest()[:16])
print(con.execute("select length(b), length(t), hex(substr(b, 1, 4)) from big order by id").fetchall())
print(con.execute("select t from big where id = 3").fetchone()[0] == "\x00inside\x00")

# many rows through executemany and a generator, then aggregated in SQL and in Python
con.execute("create table nums(i integer, sq integer, f real, s text)")
con.executemany("insert into nums values (?, ?, ?, ?)", ((i, i * i, i / 7, str(i) * (i % 5)) for i in range(20000)))
print(con.execute("select count(*), sum(i), sum(sq), round(sum(f), 6), max(length(s)) from nums").fetchone())
total = 0
count = 0
for i, sq, f, s in con.execute("select * from nums"):
    total += sq - i * i + len(s)
    count += 1
print(count, total)
cur = con.execute("select i from nums where i % 1000 = 0")
chunks = []
while True:
    part = cur.fetchmany(7)
    if not part:
        break
    chunks.append(len(part))
print(chunks)
# 64-bit integers at the edges and their arithmetic in SQL
edges = [2**63 - 1, -2**63, 2**32, -2**31 - 1, 0]
con.execute("create table e(v integer)")
con.executemany("insert into e values (?)", [(v,) for v in edges])
print(con.execute("select v, v / 2, typeof(v) from e order by v").fetchall())
try:
    con.execute("select v + 1 from e where v = ?", (2**63 - 1,)).fetchall()
    print(con.execute("select v + 1 from e where v = ?", (2**63 - 1,)).fetchone())
except sqlite3.Error as err:
    print(type(err).__name__, err)

# iterdump
con2 = sqlite3.connect(":memory:")
con2.executescript("""
    create table b(x integer primary key autoincrement, y text);
    create table "a q"(k, v blob, f real);
    create index ix on b(y);
    create view vv as select * from b;
    create trigger tr after insert on b begin select 1; end;
    insert into b(y) values ('it''s'), (NULL);
    insert into "a q" values (1, x'00ff', 1.5), ('s', NULL, -2.25e100);
""")
dump = list(con2.iterdump())
for line in dump:
    print(line)
print(list(con2.iterdump(filter="b")))
con3 = sqlite3.connect(":memory:")
con3.executescript("\n".join(dump))
print(con3.execute("select * from b").fetchall(), con3.execute('select * from "a q"').fetchall())
print(con3.execute("select seq from sqlite_sequence").fetchall())

# a file database written by one connection and read back after the writer is gone
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data.db")
    w = sqlite3.connect(path)
    w.execute("create table kv(k text primary key, v blob)")
    w.executemany("insert into kv values (?, ?)", [("k%03d" % i, os.urandom(0) + bytes([i % 256]) * i) for i in range(300)])
    w.commit()
    del w
    gc.collect()
    r = sqlite3.connect(path)
    print(r.execute("select count(*), sum(length(v)) from kv").fetchone())
    r.close()

# connections and cursors left to the collector, some mid-iteration or mid-aggregate
class Sum:
    def __init__(self):
        self.n = 0

    def step(self, v):
        self.n += v

    def finalize(self):
        return self.n


results = []
for round_ in range(30):
    c = sqlite3.connect(":memory:")
    c.create_function("dbl", 1, lambda v: v * 2)
    c.create_aggregate("pysum", 1, Sum)
    c.create_collation("backwards", lambda a, b: (a < b) - (a > b))
    c.execute("create table t(v)")
    c.executemany("insert into t values (?)", [(i,) for i in range(50)])
    cur = c.execute("select dbl(v) from t")
    results.append(cur.fetchone()[0] + len(cur.fetchmany(3)))
    grouped = c.execute("select v % 3, pysum(v) from t group by v % 3")
    results.append(grouped.fetchone()[1])
    ordered = c.execute("select cast(v as text) from t order by 1 collate backwards")
    results.append(ordered.fetchone()[0])
    if round_ % 3 == 0:
        c.close()
    if round_ % 5 == 0:
        gc.collect()
gc.collect()
print(results[:9], len(results))
print("done")
