"""Connection.iterdump(): the database as the SQL text that recreates it (CPython 3.13's output).

Tables come first, sorted by name, each followed by INSERT statements for its rows (SQLite's quote()
renders every value as a literal); then indexes, triggers and views in schema order; the AUTOINCREMENT
counters (sqlite_sequence) last, so that restoring the rows does not disturb them. `filter` is a LIKE
pattern on object names.
"""


def _quote_name(name):
    return '"' + name.replace('"', '""') + '"'


def _iterdump(conn, filter=None):
    cur = conn.cursor()
    where = "AND name LIKE ?" if filter is not None else ""
    args = (filter,) if filter is not None else ()
    yield "BEGIN TRANSACTION;"
    tables = cur.execute(
        f"SELECT name, type, sql FROM sqlite_master WHERE sql NOT NULL AND type == 'table' {where} ORDER BY name",
        args).fetchall()
    sequence = []
    for name, _type, sql in tables:
        if name == "sqlite_sequence":
            sequence = cur.execute("SELECT * FROM sqlite_sequence").fetchall()
            continue
        if name == "sqlite_stat1":
            yield 'ANALYZE "sqlite_master";'
            continue
        if name.startswith("sqlite_"):
            continue
        if sql.startswith("CREATE VIRTUAL TABLE"):
            qname = name.replace("'", "''")
            yield ("INSERT INTO sqlite_master(type,name,tbl_name,rootpage,sql)"
                   f"VALUES('table','{qname}','{qname}',0,'{sql.replace(chr(39), chr(39) * 2)}');")
        else:
            yield f"{sql};"
        columns = [row[1] for row in cur.execute(f"PRAGMA table_info({_quote_name(name)})").fetchall()]
        if not columns:
            continue
        values = "||','||".join(f"quote({_quote_name(col)})" for col in columns)
        qtable = _quote_name(name).replace("'", "''")
        query = f"SELECT 'INSERT INTO {qtable} VALUES('||{values}||')' FROM {_quote_name(name)};"
        for (line,) in cur.execute(query).fetchall():
            yield f"{line};"
    others = cur.execute(
        f"SELECT name, type, sql FROM sqlite_master WHERE sql NOT NULL AND type IN ('index', 'trigger', 'view') {where}",
        args).fetchall()
    for _name, _type, sql in others:
        yield f"{sql};"
    if sequence:
        yield 'DELETE FROM "sqlite_sequence";'
        for seq_name, seq in sequence:
            qname = seq_name.replace("'", "''")
            yield f"INSERT INTO \"sqlite_sequence\" VALUES('{qname}',{seq});"
    yield "COMMIT;"
