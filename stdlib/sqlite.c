/* sqlite.c: the _sqlite3 module, the C half of sqlite3 (stdlib/lib/sqlite3/__init__.py is the DB-API 2.0
 * layer: Connection, Cursor, Row, transactions, adapters and converters, the exception classes).
 *
 * This file wraps libsqlite3 thinly: a DB object owns one sqlite3 connection, a Stmt object one prepared
 * statement; values are converted between Python and SQLite here (int 64-bit, float, str, bytes, None),
 * SQLite's errors become the sqlite3 exception the result code calls for (the classes are the Python
 * layer's, handed over once by _set_errors), and Python callables serve as SQL functions, aggregates,
 * collations and the trace callback.
 *
 * libsqlite3 is dlopen'ed on the first import ("libsqlite3.so.0", Debian package libsqlite3-0), so the
 * interpreter's start-up pays nothing for it and building needs no sqlite headers: the few prototypes used
 * are declared below (SQLite's C API is stable). The handle is never dlclosed (per process, like libcrypto
 * in stdlib/hashlib.c), and its entry points are looked up once per process (SQ_API below).
 *
 * Lifetimes. Finalizers may not read other heap objects (a DB and its Stmts die in the same sweep in any
 * order), so what they share lives outside the VM heap in a reference-counted `sq_core` (the sqlite3
 * handle, the API table, the list of live statements): the DB object, every Stmt and every registered
 * callback's user data hold a reference, the last release frees it. Closing a connection (close() or the
 * DB's finalizer) finalizes every statement still on the list first and then calls sqlite3_close_v2, so
 * the file is released at once; a Stmt whose statement was finalized that way has `node->st == NULL` and
 * raises "Cannot operate on a closed database." if used.
 *
 * Callbacks into Python. A callback's user data (`sq_cb`, malloc'd, freed by SQLite's destructor) holds the
 * callable's value; the callable is kept alive by the DB object's `callbacks` dict (traced). A callback runs
 * only inside a statement's step/reset/finalize called from Python (the Stmt, hence its DB, is reachable
 * then); when SQLite calls back from a finalizer (an aggregate cut short by finalization) `core->quiet` is
 * set and the callback returns at once without touching the heap. An aggregate's instance is kept alive
 * by the DB's `aggregates` dict (key: the address of its SQLite aggregate context) from its first step
 * to its final. A Python exception in a callback is cleared and reported to SQLite as the error message
 * CPython uses ("user-defined function raised exception"), which the step that ran it then raises.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "../vm/floatobj.h"
#include "../vm/int.h"
#include "../vm/kr.h"
#include "../vm/str.h"
#include "../vm/type.h"

/* ---------------- the part of SQLite's C API used here ---------------- */

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3_value sqlite3_value;
typedef struct sqlite3_backup sqlite3_backup;
typedef int64_t sqlite3_int64;
typedef void (*sqlite3_destructor_type)(void *);

enum {
    SQLITE_OK = 0, SQLITE_ERROR = 1, SQLITE_INTERNAL = 2, SQLITE_PERM = 3, SQLITE_ABORT = 4, SQLITE_BUSY = 5,
    SQLITE_LOCKED = 6, SQLITE_NOMEM = 7, SQLITE_READONLY = 8, SQLITE_INTERRUPT = 9, SQLITE_IOERR = 10,
    SQLITE_CORRUPT = 11, SQLITE_NOTFOUND = 12, SQLITE_FULL = 13, SQLITE_CANTOPEN = 14, SQLITE_PROTOCOL = 15,
    SQLITE_EMPTY = 16, SQLITE_SCHEMA = 17, SQLITE_TOOBIG = 18, SQLITE_CONSTRAINT = 19, SQLITE_MISMATCH = 20,
    SQLITE_MISUSE = 21, SQLITE_NOLFS = 22, SQLITE_AUTH = 23, SQLITE_FORMAT = 24, SQLITE_RANGE = 25,
    SQLITE_NOTADB = 26, SQLITE_NOTICE = 27, SQLITE_WARNING = 28, SQLITE_ROW = 100, SQLITE_DONE = 101,
};
enum { SQLITE_INTEGER = 1, SQLITE_FLOAT = 2, SQLITE_TEXT = 3, SQLITE_BLOB = 4, SQLITE_NULL = 5 };
enum { SQLITE_UTF8 = 1, SQLITE_DETERMINISTIC = 0x800, SQLITE_TRACE_STMT = 1 };
#define SQLITE_TRANSIENT ((sqlite3_destructor_type)-1)

#define SQ_FUNCS(X)                                                                                           \
    X(sqlite3_libversion, const char *(*)(void))                                                              \
    X(sqlite3_open_v2, int (*)(const char *, sqlite3 **, int, const char *))                                  \
    X(sqlite3_close_v2, int (*)(sqlite3 *))                                                                   \
    X(sqlite3_errmsg, const char *(*)(sqlite3 *))                                                             \
    X(sqlite3_errstr, const char *(*)(int))                                                                   \
    X(sqlite3_extended_errcode, int (*)(sqlite3 *))                                                           \
    X(sqlite3_extended_result_codes, int (*)(sqlite3 *, int))                                                 \
    X(sqlite3_busy_timeout, int (*)(sqlite3 *, int))                                                          \
    X(sqlite3_prepare_v2, int (*)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **))             \
    X(sqlite3_finalize, int (*)(sqlite3_stmt *))                                                              \
    X(sqlite3_reset, int (*)(sqlite3_stmt *))                                                                 \
    X(sqlite3_step, int (*)(sqlite3_stmt *))                                                                  \
    X(sqlite3_clear_bindings, int (*)(sqlite3_stmt *))                                                        \
    X(sqlite3_bind_parameter_count, int (*)(sqlite3_stmt *))                                                  \
    X(sqlite3_bind_parameter_name, const char *(*)(sqlite3_stmt *, int))                                      \
    X(sqlite3_bind_null, int (*)(sqlite3_stmt *, int))                                                        \
    X(sqlite3_bind_int64, int (*)(sqlite3_stmt *, int, sqlite3_int64))                                        \
    X(sqlite3_bind_double, int (*)(sqlite3_stmt *, int, double))                                              \
    X(sqlite3_bind_text64, int (*)(sqlite3_stmt *, int, const char *, uint64_t, sqlite3_destructor_type,      \
                                   unsigned char))                                                            \
    X(sqlite3_bind_blob64, int (*)(sqlite3_stmt *, int, const void *, uint64_t, sqlite3_destructor_type))    \
    X(sqlite3_column_count, int (*)(sqlite3_stmt *))                                                          \
    X(sqlite3_column_name, const char *(*)(sqlite3_stmt *, int))                                              \
    X(sqlite3_column_decltype, const char *(*)(sqlite3_stmt *, int))                                          \
    X(sqlite3_column_type, int (*)(sqlite3_stmt *, int))                                                      \
    X(sqlite3_column_int64, sqlite3_int64 (*)(sqlite3_stmt *, int))                                           \
    X(sqlite3_column_double, double (*)(sqlite3_stmt *, int))                                                 \
    X(sqlite3_column_text, const unsigned char *(*)(sqlite3_stmt *, int))                                     \
    X(sqlite3_column_blob, const void *(*)(sqlite3_stmt *, int))                                              \
    X(sqlite3_column_bytes, int (*)(sqlite3_stmt *, int))                                                     \
    X(sqlite3_stmt_readonly, int (*)(sqlite3_stmt *))                                                         \
    X(sqlite3_changes64, sqlite3_int64 (*)(sqlite3 *))                                                        \
    X(sqlite3_total_changes64, sqlite3_int64 (*)(sqlite3 *))                                                  \
    X(sqlite3_last_insert_rowid, sqlite3_int64 (*)(sqlite3 *))                                                \
    X(sqlite3_get_autocommit, int (*)(sqlite3 *))                                                             \
    X(sqlite3_complete, int (*)(const char *))                                                                \
    X(sqlite3_interrupt, void (*)(sqlite3 *))                                                                 \
    X(sqlite3_create_function_v2,                                                                             \
      int (*)(sqlite3 *, const char *, int, int, void *, void (*)(sqlite3_context *, int, sqlite3_value **),  \
              void (*)(sqlite3_context *, int, sqlite3_value **), void (*)(sqlite3_context *), void (*)(void *))) \
    X(sqlite3_create_collation_v2,                                                                            \
      int (*)(sqlite3 *, const char *, int, void *, int (*)(void *, int, const void *, int, const void *),    \
              void (*)(void *)))                                                                              \
    X(sqlite3_trace_v2, int (*)(sqlite3 *, unsigned, int (*)(unsigned, void *, void *, void *), void *))      \
    X(sqlite3_expanded_sql, char *(*)(sqlite3_stmt *))                                                        \
    X(sqlite3_sql, const char *(*)(sqlite3_stmt *))                                                           \
    X(sqlite3_free, void (*)(void *))                                                                         \
    X(sqlite3_user_data, void *(*)(sqlite3_context *))                                                        \
    X(sqlite3_aggregate_context, void *(*)(sqlite3_context *, int))                                           \
    X(sqlite3_value_type, int (*)(sqlite3_value *))                                                           \
    X(sqlite3_value_int64, sqlite3_int64 (*)(sqlite3_value *))                                                \
    X(sqlite3_value_double, double (*)(sqlite3_value *))                                                      \
    X(sqlite3_value_text, const unsigned char *(*)(sqlite3_value *))                                          \
    X(sqlite3_value_blob, const void *(*)(sqlite3_value *))                                                   \
    X(sqlite3_value_bytes, int (*)(sqlite3_value *))                                                          \
    X(sqlite3_result_null, void (*)(sqlite3_context *))                                                       \
    X(sqlite3_result_int64, void (*)(sqlite3_context *, sqlite3_int64))                                       \
    X(sqlite3_result_double, void (*)(sqlite3_context *, double))                                             \
    X(sqlite3_result_text64, void (*)(sqlite3_context *, const char *, uint64_t, sqlite3_destructor_type,     \
                                      unsigned char))                                                         \
    X(sqlite3_result_blob64, void (*)(sqlite3_context *, const void *, uint64_t, sqlite3_destructor_type))   \
    X(sqlite3_result_error, void (*)(sqlite3_context *, const char *, int))                                   \
    X(sqlite3_result_error_toobig, void (*)(sqlite3_context *))                                            \
    X(sqlite3_backup_init, sqlite3_backup *(*)(sqlite3 *, const char *, sqlite3 *, const char *))            \
    X(sqlite3_backup_step, int (*)(sqlite3_backup *, int))                                                    \
    X(sqlite3_backup_finish, int (*)(sqlite3_backup *))                                                       \
    X(sqlite3_backup_remaining, int (*)(sqlite3_backup *))                                                    \
    X(sqlite3_backup_pagecount, int (*)(sqlite3_backup *))                                                    \
    X(sqlite3_sleep, int (*)(int))

typedef struct sq_api {
#define SQ_FIELD(name, type) __typeof__(type) name;
    SQ_FUNCS(SQ_FIELD)
#undef SQ_FIELD
} sq_api;

#define SQLITE_SONAME "libsqlite3.so.0"

/* Module state (a tuple): the API table's holder, the two types, and the exception classes. */
enum {
    SS_DB, SS_STMT,
    /* the classes, in _set_errors' order */
    SS_ERROR, SS_WARNING, SS_INTERFACE, SS_DATABASE, SS_DATA, SS_OPERATIONAL, SS_INTEGRITY, SS_INTERNAL,
    SS_PROGRAMMING, SS_NOTSUPPORTED,
    SS_COUNT
};
#define SS_NERRORS (SS_COUNT - SS_ERROR)

/* The API table: the one piece of process-wide state in this module. It is filled once per process
 * (pthread_once) when the library is first loaded and never changes afterwards: it holds the addresses of
 * a library that is never unloaded, like the dynamic linker's own tables for a linked library. It must be
 * process-wide rather than per VM because SQLite's function callbacks receive only a sqlite3_context, and
 * reaching their user data needs sqlite3_user_data itself. */
static sq_api SQ_API;
static int sq_api_status; /* 0: loaded; -1: dlopen failed; 1: a symbol is missing */
static char sq_api_missing[64];
static pthread_once_t sq_api_once = PTHREAD_ONCE_INIT;

/* ---------------- the shared core (outside the VM heap) ---------------- */

typedef struct sq_node {
    sqlite3_stmt *st; /* NULL once finalized (by the Stmt or by the connection's close) */
    struct sq_node *prev, *next;
} sq_node;

typedef struct sq_core {
    kr_vm *vm;
    const sq_api *api; /* &SQ_API */
    sqlite3 *db;       /* NULL once closed */
    int refs;
    int quiet;         /* > 0: callbacks must not run Python code (finalizers, close) */
    int busy;          /* > 0: a step is running (callbacks may run): close() is refused */
    sq_node stmts;     /* circular list head of the live statements */
    struct sq_cb *trace; /* the trace callback's record (set_trace), freed with the core */
} sq_core;

static void core_release(sq_core *c)
{
    if (--c->refs == 0) {
        free(c->trace);
        free(c);
    }
}

/* Finalizes every statement still open on the connection, then closes it (idempotent). Runs no Python
 * code: callbacks are silenced meanwhile. */
static void core_close(sq_core *c)
{
    if (!c->db)
        return;
    c->quiet++;
    for (sq_node *n = c->stmts.next; n != &c->stmts; n = n->next)
        if (n->st) {
            c->api->sqlite3_finalize(n->st);
            n->st = NULL;
        }
    c->api->sqlite3_close_v2(c->db);
    c->db = NULL;
    c->quiet--;
}

/* ---------------- the objects ---------------- */

typedef struct db_obj {
    kr_object ob;
    sq_core *core;       /* NULL only if creation failed */
    kr_value state;      /* the module state */
    kr_value callbacks;  /* dict: key -> callable, keeps every registered callable alive */
    kr_value aggregates; /* dict: int(aggregate context address) -> instance */
} db_obj;

typedef struct stmt_obj {
    kr_object ob;
    sq_core *core;
    sq_node *node; /* malloc'd, on core->stmts */
    kr_value db;   /* the db_obj */
    bool is_dml;   /* INSERT/UPDATE/DELETE/REPLACE: implicit transactions, rowcount */
    bool stepping; /* a step runs: finalize/reset from a callback is refused */
} stmt_obj;

/* One registered callback (user data for SQLite); freed by SQLite's destructor when the function is
 * replaced or the connection is closed. */
typedef struct sq_cb {
    sq_core *core;
    kr_value callable; /* alive through the DB's callbacks dict */
    kr_value db;       /* the db_obj; read only while not quiet (then it is reachable) */
    const char *kind;  /* for messages */
} sq_cb;

static kr_value state_get(kr_value state, int which) { return kr_tuple_items(state)[which]; }

static void db_trace(kr_vm *vm, kr_object *o)
{
    db_obj *d = (db_obj *)o;
    kr_gc_mark(vm, d->state);
    kr_gc_mark(vm, d->callbacks);
    kr_gc_mark(vm, d->aggregates);
}

static void db_finalize(kr_vm *vm, kr_object *o)
{
    (void)vm;
    db_obj *d = (db_obj *)o;
    if (!d->core)
        return;
    core_close(d->core);
    core_release(d->core);
    d->core = NULL;
}

static void stmt_trace(kr_vm *vm, kr_object *o) { kr_gc_mark(vm, ((stmt_obj *)o)->db); }

/* Finalizes the statement and unlinks its node (the core may be closed already). quiet: from the
 * finalizer, where an aggregate cut short must not run its Python finalize (from finalize() it does,
 * as a reset would). */
static void stmt_drop(stmt_obj *s, bool quiet)
{
    if (!s->node)
        return;
    sq_core *c = s->core;
    if (s->node->st) {
        /* busy: a callback run by the finalization cannot close the connection under it */
        c->quiet += quiet;
        c->busy++;
        c->api->sqlite3_finalize(s->node->st);
        c->busy--;
        c->quiet -= quiet;
    }
    s->node->prev->next = s->node->next;
    s->node->next->prev = s->node->prev;
    free(s->node);
    s->node = NULL;
}

static void stmt_finalize(kr_vm *vm, kr_object *o)
{
    (void)vm;
    stmt_obj *s = (stmt_obj *)o;
    if (!s->core)
        return;
    stmt_drop(s, true);
    core_release(s->core);
    s->core = NULL;
}

/* ---------------- errors ---------------- */

static const char *const PRIMARY_NAMES[] = {
    "SQLITE_OK", "SQLITE_ERROR", "SQLITE_INTERNAL", "SQLITE_PERM", "SQLITE_ABORT", "SQLITE_BUSY",
    "SQLITE_LOCKED", "SQLITE_NOMEM", "SQLITE_READONLY", "SQLITE_INTERRUPT", "SQLITE_IOERR", "SQLITE_CORRUPT",
    "SQLITE_NOTFOUND", "SQLITE_FULL", "SQLITE_CANTOPEN", "SQLITE_PROTOCOL", "SQLITE_EMPTY", "SQLITE_SCHEMA",
    "SQLITE_TOOBIG", "SQLITE_CONSTRAINT", "SQLITE_MISMATCH", "SQLITE_MISUSE", "SQLITE_NOLFS", "SQLITE_AUTH",
    "SQLITE_FORMAT", "SQLITE_RANGE", "SQLITE_NOTADB", "SQLITE_NOTICE", "SQLITE_WARNING",
};

/* The extended codes programs meet most (constraint kinds, read-only and I/O causes). */
static const struct { int code; const char *name; } EXTENDED_NAMES[] = {
    {275, "SQLITE_CONSTRAINT_CHECK"}, {531, "SQLITE_CONSTRAINT_COMMITHOOK"},
    {787, "SQLITE_CONSTRAINT_FOREIGNKEY"}, {1043, "SQLITE_CONSTRAINT_FUNCTION"},
    {1299, "SQLITE_CONSTRAINT_NOTNULL"}, {1555, "SQLITE_CONSTRAINT_PRIMARYKEY"},
    {1811, "SQLITE_CONSTRAINT_TRIGGER"}, {2067, "SQLITE_CONSTRAINT_UNIQUE"}, {2323, "SQLITE_CONSTRAINT_VTAB"},
    {2579, "SQLITE_CONSTRAINT_ROWID"}, {2835, "SQLITE_CONSTRAINT_PINNED"}, {3091, "SQLITE_CONSTRAINT_DATATYPE"},
    {264, "SQLITE_READONLY_RECOVERY"}, {520, "SQLITE_READONLY_CANTLOCK"}, {776, "SQLITE_READONLY_ROLLBACK"},
    {1032, "SQLITE_READONLY_DBMOVED"}, {266, "SQLITE_IOERR_READ"}, {522, "SQLITE_IOERR_SHORT_READ"},
    {778, "SQLITE_IOERR_WRITE"}, {1290, "SQLITE_IOERR_FSYNC"}, {2570, "SQLITE_IOERR_DELETE"},
    {270, "SQLITE_CANTOPEN_NOTEMPDIR"}, {526, "SQLITE_CANTOPEN_ISDIR"}, {782, "SQLITE_CANTOPEN_FULLPATH"},
    {516, "SQLITE_ABORT_ROLLBACK"}, {261, "SQLITE_BUSY_RECOVERY"}, {517, "SQLITE_BUSY_SNAPSHOT"},
    {262, "SQLITE_LOCKED_SHAREDCACHE"}, {513, "SQLITE_ERROR_RETRY"}, {257, "SQLITE_ERROR_MISSING_COLLSEQ"},
};

static const char *error_name(int code)
{
    for (size_t i = 0; i < sizeof EXTENDED_NAMES / sizeof EXTENDED_NAMES[0]; i++)
        if (EXTENDED_NAMES[i].code == code)
            return EXTENDED_NAMES[i].name;
    int p = code & 0xff;
    if (p >= 0 && p < (int)(sizeof PRIMARY_NAMES / sizeof PRIMARY_NAMES[0]))
        return PRIMARY_NAMES[p];
    return NULL;
}

/* The exception class for a result code (CPython's mapping). */
static int error_class(int code)
{
    switch (code & 0xff) {
    case SQLITE_INTERNAL: case SQLITE_NOTFOUND:
        return SS_INTERNAL;
    case SQLITE_ERROR: case SQLITE_PERM: case SQLITE_ABORT: case SQLITE_BUSY: case SQLITE_LOCKED:
    case SQLITE_READONLY: case SQLITE_INTERRUPT: case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL: case SQLITE_EMPTY: case SQLITE_SCHEMA:
        return SS_OPERATIONAL;
    case SQLITE_CORRUPT:
        return SS_DATABASE;
    case SQLITE_TOOBIG:
        return SS_DATA;
    case SQLITE_CONSTRAINT: case SQLITE_MISMATCH:
        return SS_INTEGRITY;
    case SQLITE_MISUSE: case SQLITE_RANGE:
        return SS_INTERFACE;
    default:
        return SS_DATABASE;
    }
}

/* The classes must have been handed over (sqlite3/__init__.py does it right after importing us). */
static kr_type *exc_class(kr_vm *vm, kr_value state, int which)
{
    kr_value c = state_get(state, which);
    return c == KR_NONE ? KR_EXC(vm, RuntimeError) : KR_AS(kr_type, c);
}

static kr_value raise_class(kr_vm *vm, kr_value state, int which, const char *msg)
{
    return kr_raise(vm, exc_class(vm, state, which), "%s", msg);
}

/* Raises the error of `code` with SQLite's message, and the sqlite_errorcode/sqlite_errorname attributes. */
static kr_value raise_code(kr_vm *vm, kr_value state, int code, const char *msg)
{
    if ((code & 0xff) == SQLITE_NOMEM)
        return kr_raise_nomemory(vm);
    kr_value m = kr_str_from_cstr(vm, msg ? msg : "unknown error");
    if (!m)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value exc = kr_exc_new(vm, exc_class(vm, state, error_class(code)), &m, 1);
    kr_root_push(vm, &exc);
    kr_value codev = exc ? kr_int_from_i64(vm, code) : KR_NULL;
    const char *name = error_name(code);
    kr_value namev = codev ? (name ? kr_str_from_cstr(vm, name) : KR_NONE) : KR_NULL;
    kr_root_push(vm, &namev);
    if (namev && kr_setattr(vm, exc, kr_intern(vm, "sqlite_errorcode"), codev) == 0 &&
        kr_setattr(vm, exc, kr_intern(vm, "sqlite_errorname"), namev) == 0)
        kr_raise_value(vm, exc);
    kr_root_reset(vm, mark);
    return KR_NULL;
}

static kr_value raise_db(kr_vm *vm, db_obj *d, int rc)
{
    sq_core *c = d->core;
    int code = c->db ? c->api->sqlite3_extended_errcode(c->db) : rc;
    /* after a failed step the connection's code is the step's; trust rc when they disagree in kind */
    if ((code & 0xff) != (rc & 0xff))
        code = rc;
    return raise_code(vm, d->state, code, c->db ? c->api->sqlite3_errmsg(c->db) : c->api->sqlite3_errstr(rc));
}

static kr_value raise_closed(kr_vm *vm, kr_value state)
{
    return raise_class(vm, state, SS_PROGRAMMING, "Cannot operate on a closed database.");
}

/* ---------------- values ---------------- */

static bool is_exact_buffer(kr_vm *vm, kr_value v) { return kr_has_buffer(vm, v) && !kr_is_str(vm, v); }

/* A str from SQLite's text, or KR_NULL + exception when it is not UTF-8. */
static kr_value text_value(kr_vm *vm, kr_value state, const unsigned char *t, int n, const char *colname)
{
    if (!t)
        return kr_str_new(vm, "", 0);
    if (kr_utf8_check((const char *)t, (size_t)n, false) < 0) {
        kr_value shown = kr_str_decode(vm, t, (size_t)n, "utf-8", "replace");
        if (!shown)
            return KR_NULL;
        return kr_raise(vm, exc_class(vm, state, SS_OPERATIONAL), "Could not decode to UTF-8 column '%s' with text '%s'",
                        colname ? colname : "?", kr_str_data(shown));
    }
    return kr_str_new(vm, (const char *)t, (size_t)n);
}

/* Binds one Python value at index i (1-based). Returns 0, 1 if the type is not supported (nothing raised),
 * or -1 with an exception. */
static int bind_value(kr_vm *vm, stmt_obj *s, int i, kr_value v)
{
    const sq_api *api = s->core->api;
    sqlite3_stmt *st = s->node->st;
    int rc;
    if (v == KR_NONE) {
        rc = api->sqlite3_bind_null(st, i);
    } else if (kr_is_int(vm, v)) {
        int64_t n;
        if (kr_int_to_i64(vm, v, &n) < 0) {
            if (kr_err_matches(vm, KR_EXC(vm, OverflowError))) {
                kr_err_clear(vm);
                kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to SQLite INTEGER");
            }
            return -1;
        }
        rc = api->sqlite3_bind_int64(st, i, n);
    } else if (kr_is_float(vm, v)) {
        rc = api->sqlite3_bind_double(st, i, kr_float_value(v));
    } else if (kr_is_str(vm, v)) {
        rc = api->sqlite3_bind_text64(st, i, kr_str_data(v), (uint64_t)kr_str_nbytes(v), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (is_exact_buffer(vm, v)) {
        const uint8_t *d;
        int64_t n;
        if (kr_bytes_buffer(vm, v, &d, &n) < 0)
            return -1;
        rc = api->sqlite3_bind_blob64(st, i, n ? (const void *)d : "", (uint64_t)n, SQLITE_TRANSIENT);
    } else {
        return 1;
    }
    if (rc != SQLITE_OK) {
        raise_db(vm, KR_AS(db_obj, s->db), rc);
        return -1;
    }
    return 0;
}

/* The Python value of an SQLite value (function and aggregate arguments). */
static kr_value from_sqlite_value(kr_vm *vm, const sq_api *api, kr_value state, sqlite3_value *v)
{
    switch (api->sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return kr_int_from_i64(vm, api->sqlite3_value_int64(v));
    case SQLITE_FLOAT:
        return kr_float_new(vm, api->sqlite3_value_double(v));
    case SQLITE_TEXT: {
        const unsigned char *t = api->sqlite3_value_text(v);
        return text_value(vm, state, t, api->sqlite3_value_bytes(v), NULL);
    }
    case SQLITE_BLOB: {
        const void *b = api->sqlite3_value_blob(v);
        return kr_bytes_new(vm, b ? b : "", (size_t)api->sqlite3_value_bytes(v));
    }
    default:
        return KR_NONE;
    }
}

/* Sets a function's result from a Python value; -1 if it cannot be converted (an exception may be
 * pending: the caller clears it). */
static int set_result(kr_vm *vm, const sq_api *api, sqlite3_context *ctx, kr_value r)
{
    if (r == KR_NONE) {
        api->sqlite3_result_null(ctx);
    } else if (kr_is_int(vm, r)) {
        int64_t n;
        if (kr_int_to_i64(vm, r, &n) < 0) {
            /* CPython reports an out-of-range result as SQLITE_TOOBIG ("string or blob too big") */
            kr_err_clear(vm);
            api->sqlite3_result_error_toobig(ctx);
            return 0;
        }
        api->sqlite3_result_int64(ctx, n);
    } else if (kr_is_float(vm, r)) {
        api->sqlite3_result_double(ctx, kr_float_value(r));
    } else if (kr_is_str(vm, r)) {
        api->sqlite3_result_text64(ctx, kr_str_data(r), (uint64_t)kr_str_nbytes(r), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (is_exact_buffer(vm, r)) {
        const uint8_t *d;
        int64_t n;
        if (kr_bytes_buffer(vm, r, &d, &n) < 0)
            return -1;
        api->sqlite3_result_blob64(ctx, n ? (const void *)d : "", (uint64_t)n, SQLITE_TRANSIENT);
    } else {
        return -1;
    }
    return 0;
}

/* ---------------- callbacks ---------------- */

static void cb_destroy(void *p)
{
    sq_cb *cb = p;
    core_release(cb->core);
    free(cb);
}

static kr_value db_state(kr_value db) { return KR_AS(db_obj, db)->state; }

/* The arguments of an SQL function call as a tuple (rooted by the caller). */
static kr_value args_tuple(kr_vm *vm, sq_cb *cb, int argc, sqlite3_value **argv)
{
    kr_value t = kr_tuple_new(vm, argc);
    if (!t)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &t);
    for (int i = 0; i < argc; i++) {
        kr_value v = from_sqlite_value(vm, cb->core->api, db_state(cb->db), argv[i]);
        if (!v) {
            t = KR_NULL;
            break;
        }
        kr_tuple_items(t)[i] = v;
    }
    kr_root_reset(vm, mark);
    return t;
}

static kr_value call_tuple(kr_vm *vm, kr_value callable, kr_value args)
{
    return kr_call(vm, callable, kr_tuple_items(args), (int)kr_tuple_size(args), KR_NULL);
}

/* A callback failed: drop the Python exception and make SQLite report msg (the statement's error). */
static void callback_failed(kr_vm *vm, sqlite3_context *ctx, const char *msg)
{
    kr_err_clear(vm);
    SQ_API.sqlite3_result_error(ctx, msg, -1);
}

static void func_call(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sq_cb *cb = SQ_API.sqlite3_user_data(ctx);
    if (cb->core->quiet) {
        SQ_API.sqlite3_result_null(ctx);
        return;
    }
    kr_vm *vm = cb->core->vm;
    size_t mark = kr_root_mark(vm);
    kr_value args = args_tuple(vm, cb, argc, argv);
    kr_root_push(vm, &args);
    kr_value r = args ? call_tuple(vm, cb->callable, args) : KR_NULL;
    kr_root_push(vm, &r);
    if (!r || set_result(vm, &SQ_API, ctx, r) < 0)
        callback_failed(vm, ctx, "user-defined function raised exception");
    kr_root_reset(vm, mark);
}

/* The aggregate instance of this group (created by the first step); KR_NULL if none. */
static kr_value *agg_slot(sqlite3_context *ctx, bool create)
{
    return SQ_API.sqlite3_aggregate_context(ctx, create ? (int)sizeof(kr_value) : 0);
}

static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sq_cb *cb = SQ_API.sqlite3_user_data(ctx);
    if (cb->core->quiet)
        return;
    kr_vm *vm = cb->core->vm;
    kr_value *slot = agg_slot(ctx, true);
    if (!slot) {
        SQ_API.sqlite3_result_error(ctx, "out of memory", -1);
        return;
    }
    /* the roots are function-scoped: they must outlive every call made below */
    kr_value inst = *slot, args = KR_NULL, step = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &inst);
    kr_root_push(vm, &args);
    kr_root_push(vm, &step);
    if (!inst) {
        inst = kr_call0(vm, cb->callable);
        kr_value key = inst ? kr_int_from_u64(vm, (uint64_t)(uintptr_t)slot) : KR_NULL;
        if (!key || kr_dict_set(vm, KR_AS(db_obj, cb->db)->aggregates, key, inst) < 0) {
            callback_failed(vm, ctx, "user-defined aggregate's '__init__' method raised error");
            goto done;
        }
        *slot = inst;
    }
    args = args_tuple(vm, cb, argc, argv);
    step = args ? kr_getattr_cstr(vm, inst, "step") : KR_NULL;
    if (!step || !call_tuple(vm, step, args))
        callback_failed(vm, ctx, "user-defined aggregate's 'step' method raised error");
done:
    kr_root_reset(vm, mark);
}

static void agg_final(sqlite3_context *ctx)
{
    sq_cb *cb = SQ_API.sqlite3_user_data(ctx);
    kr_value *slot = agg_slot(ctx, false);
    if (cb->core->quiet)
        return; /* the instance stays in the dict: it dies with the DB (finalizer or close) */
    /* no row reached the aggregate (or its __init__ failed): the result is NULL and finalize is not
     * called (CPython's behaviour) */
    if (!slot || !*slot)
        return;
    kr_vm *vm = cb->core->vm;
    kr_value inst = *slot, r = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &inst);
    kr_root_push(vm, &r);
    /* the dict no longer needs to keep it: it is rooted here until finalize returns */
    kr_value key = kr_int_from_u64(vm, (uint64_t)(uintptr_t)slot);
    if (!key || kr_dict_del(vm, KR_AS(db_obj, cb->db)->aggregates, key) < 0)
        kr_err_clear(vm);
    r = kr_call_method(vm, inst, "finalize", NULL, 0);
    if (!r || set_result(vm, &SQ_API, ctx, r) < 0)
        callback_failed(vm, ctx, "user-defined aggregate's 'finalize' method raised error");
    kr_root_reset(vm, mark);
}

/* The collation's result (negative, zero, positive); an exception counts as equal, as in CPython. */
static int collation_call(void *p, int n1, const void *s1, int n2, const void *s2)
{
    sq_cb *cb = p;
    if (cb->core->quiet)
        return 0;
    kr_vm *vm = cb->core->vm;
    size_t mark = kr_root_mark(vm);
    kr_value a = KR_NULL, b = KR_NULL, r = KR_NULL;
    kr_root_push(vm, &a);
    kr_root_push(vm, &b);
    kr_root_push(vm, &r);
    int result = 0;
    a = text_value(vm, db_state(cb->db), s1, n1, NULL);
    b = a ? text_value(vm, db_state(cb->db), s2, n2, NULL) : KR_NULL;
    r = b ? kr_call2(vm, cb->callable, a, b) : KR_NULL;
    if (r && kr_is_int(vm, r))
        result = kr_int_sign(r);
    kr_err_clear(vm);
    kr_root_reset(vm, mark);
    return result;
}

/* sqlite3_trace_v2's SQLITE_TRACE_STMT: the callable gets the statement's SQL with its bound values. */
static int trace_call(unsigned type, void *p, void *stmt, void *unused)
{
    (void)unused;
    sq_cb *cb = p;
    if (type != SQLITE_TRACE_STMT || cb->core->quiet)
        return 0;
    kr_vm *vm = cb->core->vm;
    char *sql = SQ_API.sqlite3_expanded_sql(stmt);
    const char *text = sql ? sql : SQ_API.sqlite3_sql(stmt);
    size_t mark = kr_root_mark(vm);
    kr_value s = text_value(vm, db_state(cb->db), (const unsigned char *)text, (int)strlen(text), NULL);
    kr_root_push(vm, &s);
    if (sql)
        SQ_API.sqlite3_free(sql);
    if (s && !kr_call1(vm, cb->callable, s))
        kr_err_clear(vm); /* CPython prints it only with enable_callback_tracebacks */
    kr_err_clear(vm);
    kr_root_reset(vm, mark);
    return 0;
}

/* ---------------- DB ---------------- */

static db_obj *db_of(kr_vm *vm, kr_value self, bool need_open)
{
    db_obj *d = KR_AS(db_obj, self);
    if (need_open && !d->core->db) {
        raise_closed(vm, d->state);
        return NULL;
    }
    return d;
}

/* A new callback record (one reference on the core). */
static sq_cb *cb_new(kr_vm *vm, db_obj *d, kr_value callable, const char *kind)
{
    sq_cb *cb = malloc(sizeof *cb);
    if (!cb) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    cb->core = d->core;
    cb->callable = callable;
    cb->db = KR_VAL(d);
    cb->kind = kind;
    d->core->refs++;
    return cb;
}

/* Remembers the callable registered under key in the DB's callbacks dict (forgets it for None: a None
 * needs no keeping alive). */
static int keep_callable(kr_vm *vm, db_obj *d, const char *prefix, kr_value name, int narg, kr_value callable)
{
    kr_value key = kr_str_fmt(vm, "%s:%s:%d", prefix, name ? kr_str_data(name) : "", narg);
    if (!key)
        return -1;
    if (callable == KR_NONE) {
        if (kr_dict_del(vm, d->callbacks, key) < 0)
            kr_err_clear(vm);
        return 0;
    }
    return kr_dict_set(vm, d->callbacks, key, callable);
}

static kr_value db_close(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "close", nargs, kwnames) < 0)
        return KR_NULL;
    db_obj *d = db_of(vm, args[0], false);
    if (d->core->busy)
        return raise_class(vm, d->state, SS_OPERATIONAL, "unable to close due to unfinalized statements or unfinished backups");
    core_close(d->core);
    /* the aggregates cut short by the close were dropped quietly */
    kr_value fresh = kr_dict_new(vm);
    if (!fresh)
        return KR_NULL;
    d->aggregates = fresh;
    kr_gc_barrier(vm, KR_OBJ(d), fresh);
    return KR_NONE;
}

static kr_value db_is_open(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "is_open", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_bool(KR_AS(db_obj, args[0])->core->db != NULL);
}

/* changes(), total_changes(), last_insert_rowid(), autocommit(): the counters SQLite keeps. */
static kr_value db_counter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *fname, int which)
{
    if (kr_args_method0(vm, fname, nargs, kwnames) < 0)
        return KR_NULL;
    db_obj *d = db_of(vm, args[0], true);
    if (!d)
        return KR_NULL;
    sqlite3 *db = d->core->db;
    switch (which) {
    case 0: return kr_int_from_i64(vm, SQ_API.sqlite3_changes64(db));
    case 1: return kr_int_from_i64(vm, SQ_API.sqlite3_total_changes64(db));
    case 2: return kr_int_from_i64(vm, SQ_API.sqlite3_last_insert_rowid(db));
    default: return kr_bool(SQ_API.sqlite3_get_autocommit(db) != 0);
    }
}
static kr_value db_changes(kr_vm *vm, kr_value *a, int n, kr_value k) { return db_counter(vm, a, n, k, "changes", 0); }
static kr_value db_total_changes(kr_vm *vm, kr_value *a, int n, kr_value k) { return db_counter(vm, a, n, k, "total_changes", 1); }
static kr_value db_lastrowid(kr_vm *vm, kr_value *a, int n, kr_value k) { return db_counter(vm, a, n, k, "last_insert_rowid", 2); }
static kr_value db_autocommit(kr_vm *vm, kr_value *a, int n, kr_value k) { return db_counter(vm, a, n, k, "autocommit", 3); }

/* Skips whitespace and SQL comments; returns where the next token starts. */
static const char *skip_space(const char *p)
{
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
            p++;
        if (p[0] == '-' && p[1] == '-') {
            while (*p && *p != '\n')
                p++;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            if (!e)
                return p + strlen(p);
            p = e + 2;
        } else {
            return p;
        }
    }
}

static bool starts_word(const char *p, const char *w)
{
    size_t n = strlen(w);
    if (strncasecmp(p, w, n) != 0)
        return false;
    char c = p[n];
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
}

/* prepare(sql, strip=True) -> (Stmt or None, rest): compiles the first statement of sql; rest is the text
 * after it, with leading whitespace and comments skipped unless strip is false (executescript keeps them:
 * they are part of the next statement's text, which the trace callback shows). None: sql held no
 * statement. */
static kr_value db_prepare(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "prepare", kwnames) < 0 || kr_args_count(vm, "prepare", nargs - 1, 1, 2) < 0)
        return KR_NULL;
    int strip = nargs > 2 ? kr_truthy(vm, args[2]) : 1;
    if (strip < 0)
        return KR_NULL;
    db_obj *d = db_of(vm, args[0], true);
    if (!d)
        return KR_NULL;
    kr_value sql = args[1];
    if (!kr_is_str(vm, sql))
        return kr_raise(vm, KR_EXC(vm, TypeError), "prepare() argument must be str, not %s", kr_typename(vm, sql));
    const char *text = kr_str_data(sql);
    if ((int64_t)strlen(text) != kr_str_nbytes(sql))
        return raise_class(vm, d->state, SS_PROGRAMMING, "the query contains a null character");
    if (kr_str_nbytes(sql) > INT32_MAX)
        return raise_class(vm, d->state, SS_DATA, "query string is too large");
    /* everything that may fail allocating comes first: the statement must not leak */
    stmt_obj *s = kr_gc_alloc(vm, KR_AS(kr_type, state_get(d->state, SS_STMT)), sizeof *s);
    if (!s)
        return KR_NULL;
    kr_value sv = KR_VAL(s);
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &sv);
    kr_value result = kr_tuple_new(vm, 2);
    kr_root_push(vm, &result);
    sq_node *node = result ? malloc(sizeof *node) : NULL;
    if (!node) {
        kr_root_reset(vm, mark);
        return result ? kr_raise_nomemory(vm) : KR_NULL;
    }
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    d->core->busy++;
    int rc = SQ_API.sqlite3_prepare_v2(d->core->db, text, (int)kr_str_nbytes(sql) + 1, &st, &tail);
    d->core->busy--;
    if (rc != SQLITE_OK) {
        free(node);
        SQ_API.sqlite3_finalize(st);
        kr_root_reset(vm, mark);
        return raise_db(vm, d, rc);
    }
    const char *rest = tail ? tail : text + kr_str_nbytes(sql);
    if (strip)
        rest = skip_space(rest);
    kr_value restv = kr_str_new(vm, rest, strlen(rest));
    if (!restv) {
        free(node);
        SQ_API.sqlite3_finalize(st);
        kr_root_reset(vm, mark);
        return KR_NULL;
    }
    kr_tuple_items(result)[1] = restv;
    if (!st) {
        free(node);
        kr_tuple_items(result)[0] = KR_NONE;
    } else {
        sq_core *c = d->core;
        node->st = st;
        node->next = c->stmts.next;
        node->prev = &c->stmts;
        c->stmts.next->prev = node;
        c->stmts.next = node;
        s->core = c;
        c->refs++;
        s->node = node;
        s->db = KR_VAL(d);
        const char *p = skip_space(text);
        s->is_dml = starts_word(p, "insert") || starts_word(p, "update") || starts_word(p, "delete") ||
                    starts_word(p, "replace");
        kr_tuple_items(result)[0] = sv;
    }
    kr_root_reset(vm, mark);
    return result;
}

/* create_function(name, narg, func, deterministic). func None is registered too (as in CPython, calling it
 * fails): only create_collation treats None as removal. */
static kr_value db_create_function(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "create_function", kwnames) < 0 || kr_args_count(vm, "create_function", nargs - 1, 4, 4) < 0)
        return KR_NULL;
    db_obj *d = db_of(vm, args[0], true);
    if (!d)
        return KR_NULL;
    kr_value name = args[1], func = args[3];
    int64_t narg;
    int det = kr_truthy(vm, args[4]);
    if (det < 0 || kr_int_to_i64(vm, args[2], &narg) < 0)
        return KR_NULL;
    if (keep_callable(vm, d, "f", name, (int)narg, func) < 0)
        return KR_NULL;
    sq_cb *cb = cb_new(vm, d, func, "function");
    if (!cb)
        return KR_NULL;
    int rc = SQ_API.sqlite3_create_function_v2(d->core->db, kr_str_data(name), (int)narg,
                                               SQLITE_UTF8 | (det ? SQLITE_DETERMINISTIC : 0), cb, func_call,
                                               NULL, NULL, cb_destroy);
    if (rc != SQLITE_OK)
        return raise_class(vm, d->state, SS_OPERATIONAL, "Error creating function");
    return KR_NONE;
}

/* create_aggregate(name, narg, cls) (cls None: as create_function) */
static kr_value db_create_aggregate(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "create_aggregate", kwnames) < 0 || kr_args_count(vm, "create_aggregate", nargs - 1, 3, 3) < 0)
        return KR_NULL;
    db_obj *d = db_of(vm, args[0], true);
    if (!d)
        return KR_NULL;
    kr_value name = args[1], cls = args[3];
    int64_t narg;
    if (kr_int_to_i64(vm, args[2], &narg) < 0)
        return KR_NULL;
    if (keep_callable(vm, d, "a", name, (int)narg, cls) < 0)
        return KR_NULL;
    sq_cb *cb = cb_new(vm, d, cls, "aggregate");
    if (!cb)
        return KR_NULL;
    int rc = SQ_API.sqlite3_create_function_v2(d->core->db, kr_str_data(name), (int)narg, SQLITE_UTF8, cb, NULL,
                                               agg_step, agg_final, cb_destroy);
    if (rc != SQLITE_OK)
        return raise_class(vm, d->state, SS_OPERATIONAL, "Error creating aggregate");
    return KR_NONE;
}

/* create_collation(name, func): func None removes the collation. */
static kr_value db_create_collation(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "create_collation", kwnames) < 0 || kr_args_count(vm, "create_collation", nargs - 1, 2, 2) < 0)
        return KR_NULL;
    db_obj *d = db_of(vm, args[0], true);
    if (!d)
        return KR_NULL;
    kr_value name = args[1], func = args[2];
    if (keep_callable(vm, d, "c", name, 0, func) < 0)
        return KR_NULL;
    sq_cb *cb = func == KR_NONE ? NULL : cb_new(vm, d, func, "collation");
    if (func != KR_NONE && !cb)
        return KR_NULL;
    int rc = SQ_API.sqlite3_create_collation_v2(d->core->db, kr_str_data(name), SQLITE_UTF8, cb,
                                                cb ? collation_call : NULL, cb ? cb_destroy : NULL);
    if (rc != SQLITE_OK)
        return raise_db(vm, d, rc);
    return KR_NONE;
}

/* set_trace(func): func None stops tracing. */
static kr_value db_set_trace(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "set_trace", nargs, kwnames) < 0)
        return KR_NULL;
    db_obj *d = db_of(vm, args[0], true);
    if (!d)
        return KR_NULL;
    kr_value func = args[1];
    if (keep_callable(vm, d, "t", KR_NULL, 0, func) < 0)
        return KR_NULL;
    if (func == KR_NONE) {
        SQ_API.sqlite3_trace_v2(d->core->db, 0, NULL, NULL);
        free(d->core->trace);
        d->core->trace = NULL;
        return KR_NONE;
    }
    /* trace_v2 has no destructor: the one record lives in the core (no reference of its own: the core
     * frees it) and the previous one goes once SQLite no longer points at it */
    sq_cb *cb = malloc(sizeof *cb);
    if (!cb)
        return kr_raise_nomemory(vm);
    cb->core = d->core;
    cb->callable = func;
    cb->db = KR_VAL(d);
    cb->kind = "trace";
    SQ_API.sqlite3_trace_v2(d->core->db, SQLITE_TRACE_STMT, trace_call, cb);
    free(d->core->trace);
    d->core->trace = cb;
    return KR_NONE;
}

static kr_value db_interrupt(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "interrupt", nargs, kwnames) < 0)
        return KR_NULL;
    db_obj *d = db_of(vm, args[0], true);
    if (!d)
        return KR_NULL;
    SQ_API.sqlite3_interrupt(d->core->db);
    return KR_NONE;
}

/* backup(target, pages, progress, name, sleep_ms): copies database `name` of this connection into the
 * target's "main", `pages` pages per step (-1 or 0: all at once), calling progress(status, remaining,
 * total) after each step and sleeping sleep_ms while the source or target is busy or locked. */
static kr_value db_backup(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "backup", kwnames) < 0 || kr_args_count(vm, "backup", nargs - 1, 5, 5) < 0)
        return KR_NULL;
    db_obj *d = db_of(vm, args[0], true);
    if (!d)
        return KR_NULL;
    if (!kr_is_ptr(args[1]) || KR_OBJ(args[1])->type != KR_AS(kr_type, state_get(d->state, SS_DB)))
        return kr_raise(vm, KR_EXC(vm, TypeError), "backup() target must be a _sqlite3.DB");
    db_obj *t = db_of(vm, args[1], true);
    if (!t)
        return KR_NULL;
    kr_value progress = args[3], name = args[4];
    int64_t pages, sleep_ms;
    if (kr_int_to_i64(vm, args[2], &pages) < 0 || kr_int_to_i64(vm, args[5], &sleep_ms) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, name))
        return kr_raise(vm, KR_EXC(vm, TypeError), "backup() argument 'name' must be str, not %s", kr_typename(vm, name));
    if (pages == 0 || pages < -1)
        pages = -1;
    if (pages > INT32_MAX)
        pages = INT32_MAX;
    if (!SQ_API.sqlite3_get_autocommit(t->core->db))
        return raise_class(vm, d->state, SS_OPERATIONAL, "target is in transaction");
    sqlite3_backup *b = SQ_API.sqlite3_backup_init(t->core->db, "main", d->core->db, kr_str_data(name));
    if (!b)
        return raise_db(vm, t, SQ_API.sqlite3_extended_errcode(t->core->db));
    /* both connections stay open meanwhile: a progress callback cannot close them */
    d->core->busy++;
    t->core->busy++;
    int rc;
    bool failed = false;
    do {
        rc = SQ_API.sqlite3_backup_step(b, (int)pages);
        if (progress != KR_NONE) {
            kr_value a[3]; /* small ints: immediates, nothing to root */
            a[0] = kr_int_from_i64(vm, rc);
            a[1] = kr_int_from_i64(vm, SQ_API.sqlite3_backup_remaining(b));
            a[2] = kr_int_from_i64(vm, SQ_API.sqlite3_backup_pagecount(b));
            if (!kr_call(vm, progress, a, 3, KR_NULL)) {
                failed = true;
                break;
            }
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            SQ_API.sqlite3_sleep((int)(sleep_ms > INT32_MAX ? INT32_MAX : sleep_ms < 0 ? 0 : sleep_ms));
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    d->core->busy--;
    t->core->busy--;
    int frc = SQ_API.sqlite3_backup_finish(b);
    if (failed)
        return KR_NULL;
    if (frc != SQLITE_OK)
        return raise_db(vm, t, frc);
    return KR_NONE;
}

static const kr_method_def db_methods[] = {
    {"backup", db_backup, 0, NULL},
    {"close", db_close, 0, NULL},
    {"is_open", db_is_open, 0, NULL},
    {"changes", db_changes, 0, NULL},
    {"total_changes", db_total_changes, 0, NULL},
    {"last_insert_rowid", db_lastrowid, 0, NULL},
    {"autocommit", db_autocommit, 0, NULL},
    {"prepare", db_prepare, 0, NULL},
    {"create_function", db_create_function, 0, NULL},
    {"create_aggregate", db_create_aggregate, 0, NULL},
    {"create_collation", db_create_collation, 0, NULL},
    {"set_trace", db_set_trace, 0, NULL},
    {"interrupt", db_interrupt, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---------------- Stmt ---------------- */

/* The statement of self; NULL + "Cannot operate on a closed database." once its connection closed. */
static stmt_obj *stmt_of(kr_vm *vm, kr_value self)
{
    stmt_obj *s = KR_AS(stmt_obj, self);
    if (!s->node || !s->node->st) {
        raise_closed(vm, db_state(s->db));
        return NULL;
    }
    return s;
}

static kr_value stmt_bind_count(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "bind_count", nargs, kwnames) < 0)
        return KR_NULL;
    stmt_obj *s = stmt_of(vm, args[0]);
    return s ? kr_int_from_i64(vm, SQ_API.sqlite3_bind_parameter_count(s->node->st)) : KR_NULL;
}

/* bind_names() -> list: each parameter's name without its prefix (":a" -> "a"), None for "?" ones. */
static kr_value stmt_bind_names(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "bind_names", nargs, kwnames) < 0)
        return KR_NULL;
    stmt_obj *s = stmt_of(vm, args[0]);
    if (!s)
        return KR_NULL;
    int n = SQ_API.sqlite3_bind_parameter_count(s->node->st);
    kr_value list = kr_list_new(vm, n);
    if (!list)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (int i = 1; i <= n; i++) {
        const char *name = SQ_API.sqlite3_bind_parameter_name(s->node->st, i);
        kr_value v = name ? kr_str_from_cstr(vm, name) : KR_NONE;
        if (!v || kr_list_append(vm, list, v) < 0) {
            list = KR_NULL;
            break;
        }
    }
    kr_root_reset(vm, mark);
    return list;
}

/* bind(i, value) -> bool: False if the value's type is not supported (the caller raises). */
static kr_value stmt_bind(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "bind", kwnames) < 0 || kr_args_count(vm, "bind", nargs - 1, 2, 2) < 0)
        return KR_NULL;
    stmt_obj *s = stmt_of(vm, args[0]);
    int64_t i;
    if (!s || kr_int_to_i64(vm, args[1], &i) < 0)
        return KR_NULL;
    int r = bind_value(vm, s, (int)i, args[2]);
    return r < 0 ? KR_NULL : kr_bool(r == 0);
}

/* step() -> bool: True when a row is ready, False when the statement is done. SQLite's error otherwise
 * (the statement is reset then, so it can run again). */
static kr_value stmt_step(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "step", nargs, kwnames) < 0)
        return KR_NULL;
    stmt_obj *s = stmt_of(vm, args[0]);
    if (!s)
        return KR_NULL;
    if (s->stepping)
        return raise_class(vm, db_state(s->db), SS_PROGRAMMING, "Recursive use of cursors not allowed.");
    sq_core *c = s->core;
    s->stepping = true;
    c->busy++;
    int rc = SQ_API.sqlite3_step(s->node->st);
    c->busy--;
    s->stepping = false;
    if (rc == SQLITE_ROW)
        return KR_TRUE;
    if (rc == SQLITE_DONE)
        return KR_FALSE;
    /* the message first: the reset keeps the code but may change the connection's message */
    db_obj *d = KR_AS(db_obj, s->db);
    kr_value err = raise_db(vm, d, rc);
    kr_value exc = kr_err_fetch(vm);
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &exc);
    c->busy++;
    SQ_API.sqlite3_reset(s->node->st);
    c->busy--;
    kr_raise_value(vm, exc);
    kr_root_reset(vm, mark);
    return err;
}

/* row(text_factory) -> tuple of the current row's values; text_factory None: TEXT becomes str, else the
 * factory is called with the text's bytes. */
static kr_value stmt_row(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "row", nargs, kwnames) < 0)
        return KR_NULL;
    stmt_obj *s = stmt_of(vm, args[0]);
    if (!s)
        return KR_NULL;
    kr_value factory = args[1];
    sqlite3_stmt *st = s->node->st;
    int n = SQ_API.sqlite3_column_count(st);
    kr_value row = kr_tuple_new(vm, n);
    if (!row)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &row);
    for (int i = 0; i < n; i++) {
        kr_value v;
        switch (SQ_API.sqlite3_column_type(st, i)) {
        case SQLITE_INTEGER:
            v = kr_int_from_i64(vm, SQ_API.sqlite3_column_int64(st, i));
            break;
        case SQLITE_FLOAT:
            v = kr_float_new(vm, SQ_API.sqlite3_column_double(st, i));
            break;
        case SQLITE_TEXT: {
            const unsigned char *t = SQ_API.sqlite3_column_text(st, i);
            int nb = SQ_API.sqlite3_column_bytes(st, i);
            if (factory == KR_NONE) {
                v = text_value(vm, db_state(s->db), t, nb, SQ_API.sqlite3_column_name(st, i));
            } else {
                kr_value b = kr_bytes_new(vm, t ? (const void *)t : "", (size_t)nb);
                /* the factory may run Python code, which may step this statement no further: the row's
                 * remaining columns stay valid (SQLite's buffers live until the next step/reset) */
                v = b ? kr_call1(vm, factory, b) : KR_NULL;
                st = s->node ? s->node->st : NULL;
                if (v && !st) {
                    v = raise_closed(vm, db_state(s->db));
                }
            }
            break;
        }
        case SQLITE_BLOB: {
            const void *b = SQ_API.sqlite3_column_blob(st, i);
            v = kr_bytes_new(vm, b ? b : "", (size_t)SQ_API.sqlite3_column_bytes(st, i));
            break;
        }
        default:
            v = KR_NONE;
        }
        if (!v) {
            row = KR_NULL;
            break;
        }
        kr_tuple_items(row)[i] = v;
        kr_gc_barrier(vm, KR_OBJ(row), v);
    }
    kr_root_reset(vm, mark);
    return row;
}

/* columns() -> list of (name, decltype or None), one per result column. */
static kr_value stmt_columns(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "columns", nargs, kwnames) < 0)
        return KR_NULL;
    stmt_obj *s = stmt_of(vm, args[0]);
    if (!s)
        return KR_NULL;
    sqlite3_stmt *st = s->node->st;
    int n = SQ_API.sqlite3_column_count(st);
    kr_value list = kr_list_new(vm, n);
    if (!list)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &list);
    kr_value name = KR_NULL, decl = KR_NULL;
    kr_root_push(vm, &name);
    kr_root_push(vm, &decl);
    for (int i = 0; i < n; i++) {
        const char *cn = SQ_API.sqlite3_column_name(st, i);
        const char *dt = SQ_API.sqlite3_column_decltype(st, i);
        name = cn ? text_value(vm, db_state(s->db), (const unsigned char *)cn, (int)strlen(cn), NULL) : KR_NONE;
        decl = !name ? KR_NULL : dt ? kr_str_from_cstr(vm, dt) : KR_NONE;
        kr_value pair = decl ? kr_tuple_pack(vm, 2, name, decl) : KR_NULL;
        if (!pair || kr_list_append(vm, list, pair) < 0) {
            list = KR_NULL;
            break;
        }
    }
    kr_root_reset(vm, mark);
    return list;
}

static kr_value stmt_reset(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "reset", nargs, kwnames) < 0)
        return KR_NULL;
    stmt_obj *s = KR_AS(stmt_obj, args[0]);
    if (!s->node || !s->node->st)
        return KR_NONE; /* nothing to reset: the connection finalized it */
    if (s->stepping)
        return raise_class(vm, db_state(s->db), SS_PROGRAMMING, "Recursive use of cursors not allowed.");
    s->stepping = true;
    s->core->busy++;
    SQ_API.sqlite3_reset(s->node->st);
    SQ_API.sqlite3_clear_bindings(s->node->st);
    s->core->busy--;
    s->stepping = false;
    kr_err_clear(vm);
    return KR_NONE;
}

static kr_value stmt_finalize_m(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "finalize", nargs, kwnames) < 0)
        return KR_NULL;
    stmt_obj *s = KR_AS(stmt_obj, args[0]);
    if (s->stepping)
        return raise_class(vm, db_state(s->db), SS_PROGRAMMING, "Recursive use of cursors not allowed.");
    s->stepping = true;
    stmt_drop(s, false);
    s->stepping = false;
    kr_err_clear(vm);
    return KR_NONE;
}

static kr_value stmt_readonly(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "readonly", nargs, kwnames) < 0)
        return KR_NULL;
    stmt_obj *s = stmt_of(vm, args[0]);
    return s ? kr_bool(SQ_API.sqlite3_stmt_readonly(s->node->st) != 0) : KR_NULL;
}

static kr_value stmt_get_is_dml(kr_vm *vm, kr_value self)
{
    (void)vm;
    return kr_bool(KR_AS(stmt_obj, self)->is_dml);
}

/* named: whether a parameter has a name (":a", "@a", "$a"; "?NNN" counts as nameless), so that binding a
 * sequence needs bind_names() (for CPython's deprecation warning) only then. */
static kr_value stmt_get_named(kr_vm *vm, kr_value self)
{
    stmt_obj *s = stmt_of(vm, self);
    if (!s)
        return KR_NULL;
    int n = SQ_API.sqlite3_bind_parameter_count(s->node->st);
    for (int i = 1; i <= n; i++) {
        const char *name = SQ_API.sqlite3_bind_parameter_name(s->node->st, i);
        if (name && name[0] != '?')
            return KR_TRUE;
    }
    return KR_FALSE;
}

static const kr_method_def stmt_methods[] = {
    {"bind_count", stmt_bind_count, 0, NULL},
    {"bind_names", stmt_bind_names, 0, NULL},
    {"bind", stmt_bind, 0, NULL},
    {"step", stmt_step, 0, NULL},
    {"row", stmt_row, 0, NULL},
    {"columns", stmt_columns, 0, NULL},
    {"reset", stmt_reset, 0, NULL},
    {"finalize", stmt_finalize_m, 0, NULL},
    {"readonly", stmt_readonly, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def stmt_getsets[] = {
    {"is_dml", stmt_get_is_dml, NULL, NULL},
    {"named", stmt_get_named, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---------------- the module ---------------- */

static kr_value state_of(kr_value module) { return KR_AS(kr_module, module)->state; }

/* open(path, flags, timeout_ms) -> DB. path: str (a filename, ":memory:" or a file: URI with the URI flag). */
static kr_value m_open(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "open", kwnames) < 0 || kr_args_count(vm, "open", nargs - 1, 3, 3) < 0)
        return KR_NULL;
    kr_value state = state_of(args[0]);
    kr_value path = args[1];
    int64_t flags, timeout;
    if (!kr_is_str(vm, path))
        return kr_raise(vm, KR_EXC(vm, TypeError), "open() argument 'path' must be str, not %s", kr_typename(vm, path));
    if (kr_int_to_i64(vm, args[2], &flags) < 0 || kr_int_to_i64(vm, args[3], &timeout) < 0)
        return KR_NULL;
    if ((int64_t)strlen(kr_str_data(path)) != kr_str_nbytes(path))
        return kr_raise(vm, KR_EXC(vm, ValueError), "embedded null character");
    db_obj *d = kr_gc_alloc(vm, KR_AS(kr_type, state_get(state, SS_DB)), sizeof *d);
    if (!d)
        return KR_NULL;
    kr_value dv = KR_VAL(d);
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &dv);
    d->state = state;
    d->callbacks = kr_dict_new(vm);
    d->aggregates = d->callbacks ? kr_dict_new(vm) : KR_NULL;
    sq_core *c = d->aggregates ? calloc(1, sizeof *c) : NULL;
    if (!c) {
        kr_root_reset(vm, mark);
        return d->aggregates ? kr_raise_nomemory(vm) : KR_NULL;
    }
    c->vm = vm;
    c->api = &SQ_API;
    c->refs = 1;
    c->stmts.next = c->stmts.prev = &c->stmts;
    d->core = c;
    int rc = SQ_API.sqlite3_open_v2(kr_str_data(path), &c->db, (int)flags, NULL);
    if (rc != SQLITE_OK) {
        kr_value r = raise_code(vm, state, rc, c->db ? SQ_API.sqlite3_errmsg(c->db) : SQ_API.sqlite3_errstr(rc));
        core_close(c); /* an open that fails still allocates a handle */
        kr_root_reset(vm, mark);
        return r;
    }
    SQ_API.sqlite3_busy_timeout(c->db, timeout > INT32_MAX ? INT32_MAX : (int)(timeout < 0 ? 0 : timeout));
    kr_root_reset(vm, mark);
    return dv;
}

/* _set_errors(Error, Warning, InterfaceError, DatabaseError, DataError, OperationalError, IntegrityError,
 * InternalError, ProgrammingError, NotSupportedError): the classes this module raises. */
static kr_value m_set_errors(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "_set_errors", kwnames) < 0 || kr_args_count(vm, "_set_errors", nargs - 1, SS_NERRORS, SS_NERRORS) < 0)
        return KR_NULL;
    kr_value state = state_of(args[0]);
    for (int i = 0; i < SS_NERRORS; i++) {
        kr_value c = args[1 + i];
        if (kr_isinstance(vm, c, KR_VAL(vm->t.type)) != 1 || !kr_type_is_subtype(KR_AS(kr_type, c), KR_EXC(vm, Exception)))
            return kr_raise(vm, KR_EXC(vm, TypeError), "_set_errors() expects exception classes");
        kr_tuple_items(state)[SS_ERROR + i] = c;
        kr_gc_barrier(vm, KR_OBJ(state), c);
    }
    return KR_NONE;
}

static kr_value m_complete_statement(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"statement"};
    kr_value a[1];
    if (kr_args_parse(vm, "complete_statement", args + 1, nargs - 1, kwnames, names, 1, 1, 0, a) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, a[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "complete_statement() argument 'statement' must be str, not %s",
                        kr_typename(vm, a[0]));
    return kr_bool(SQ_API.sqlite3_complete(kr_str_data(a[0])) != 0);
}

static const kr_method_def sqlite_functions[] = {
    {"open", m_open, KR_METH_MODULE, NULL},
    {"_set_errors", m_set_errors, KR_METH_MODULE, NULL},
    {"complete_statement", m_complete_statement, KR_METH_MODULE, "Checks if a string contains a complete SQL statement."},
    {NULL, NULL, 0, NULL},
};

static void load_api(void)
{
    /* RTLD_LOCAL: its symbols stay out of the global namespace; RTLD_NOW: a missing function shows here */
    void *lib = dlopen(SQLITE_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        sq_api_status = -1;
        return;
    }
    void *sym;
#define SQ_LOAD(name, type)                                                                                   \
    if (!(sym = dlsym(lib, #name))) {                                                                         \
        sq_api_status = 1;                                                                                    \
        snprintf(sq_api_missing, sizeof sq_api_missing, "%s", #name);                                         \
        return;                                                                                               \
    }                                                                                                         \
    memcpy(&SQ_API.name, &sym, sizeof sym);
    SQ_FUNCS(SQ_LOAD)
#undef SQ_LOAD
    sq_api_status = 0;
}

kr_value kr_sqlite_module_create(kr_vm *vm)
{
    pthread_once(&sq_api_once, load_api);
    if (sq_api_status < 0)
        return kr_raise(vm, KR_EXC(vm, ImportError),
                        "_sqlite3 needs %s (Debian package libsqlite3-0), which could not be loaded", SQLITE_SONAME);
    if (sq_api_status > 0)
        return kr_raise(vm, KR_EXC(vm, ImportError), "_sqlite3: %s has no %s (SQLite 3.37 or later is needed)",
                        SQLITE_SONAME, sq_api_missing);
    kr_value m = kr_module_new(vm, "_sqlite3");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value state = kr_tuple_new(vm, SS_COUNT); /* the error classes are None until _set_errors */
    if (!state)
        goto fail;
    KR_AS(kr_module, m)->state = state;
    kr_gc_barrier(vm, KR_OBJ(m), state);

    static const char *const tnames[] = {"_sqlite3.DB", "_sqlite3.Stmt"};
    for (int k = 0; k < 2; k++) {
        kr_type *t = kr_type_new_builtin(vm, tnames[k], vm->t.object, k ? sizeof(stmt_obj) : sizeof(db_obj),
                                         KR_TF_EXTERNAL_FINALIZE);
        t->flags |= KR_TF_ABSTRACT;
        t->trace = k ? stmt_trace : db_trace;
        t->finalize = k ? stmt_finalize : db_finalize;
        t->methods = k ? stmt_methods : db_methods;
        t->getsets = k ? stmt_getsets : NULL;
        KR_TX(t)->module_state = state;
        kr_tuple_items(state)[SS_DB + k] = KR_VAL(t);
        kr_gc_barrier(vm, KR_OBJ(state), KR_VAL(t));
        if (kr_type_ready(vm, t) < 0)
            goto fail;
    }
    if (kr_module_add_functions(vm, m, sqlite_functions) < 0)
        goto fail;
    kr_value ver = kr_str_from_cstr(vm, SQ_API.sqlite3_libversion());
    if (!ver || kr_module_add(vm, m, "sqlite_version", ver) < 0)
        goto fail;
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
