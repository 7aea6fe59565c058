/* compile.c: AST -> register bytecode (see vm/bytecode.h for the instruction set and the slot layout,
 * vm/symtable.h for the scope analysis this relies on).
 *
 * Register allocation. Every code unit (module, function, lambda, class body, comprehension) has its
 * slots laid out as bytecode.h says: locals (parameters first), cells, free cells, then temporaries.
 * Temporaries are allocated as a stack: `top` is the first free slot; an expression evaluated "into a
 * fresh temporary" pushes one, and every construct resets `top` to the mark it started from once its
 * temporaries are dead. Invariant: slots at or above `top` hold nothing live. Calls, BUILD_* and
 * UNPACK_* need consecutive slots, which pushing in order provides.
 *
 * A local variable is read in place (its own slot is the operand) when it is known to be assigned;
 * otherwise CHECK_LOCAL comes first (bytecode.h's rule: no instruction but MOVE/CHECK_LOCAL/
 * DELETE_FAST may read an unbound slot). "Known assigned" is tracked per straight-line region:
 * parameters, then what was stored earlier in the region; branches restore the state they started
 * with (an `if` keeps what both arms assign). In a scope containing a walrus, a local read in place
 * could change before the instruction that uses it runs (`x + (x := 1)`), so there locals are copied
 * to temporaries when read.
 *
 * Exceptions: try/with bodies are protected ranges recorded as segments; an exit through
 * return/break/continue runs the cleanups of the blocks it leaves inline (finally bodies, __exit__
 * calls, POP_EXCEPT) and cuts those blocks' ranges around that inline code, so an exception there goes
 * to the enclosing handlers only. Segments are emitted deepest first, so nested ranges precede the
 * ranges enclosing them, as the exception table requires.
 */
#include "compile.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "complexobj.h"
#include "int.h"
#include "set.h"
#include "symtable.h"

#define MAX_FBLOCKS 20 /* CPython's limit: "too many statically nested blocks" */

/* ------------------------------------------------------------------------------------------------
 * Small string -> int map (names, constants dedup). Keys are copied (kind byte + bytes).
 */
typedef struct kmap {
    char **keys;
    size_t *lens;
    int *vals;
    int cap, n;
} kmap;

static uint64_t bytes_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 1099511628211ull;
    return h;
}

static int kmap_get(const kmap *m, const char *k, size_t n)
{
    if (m->cap == 0)
        return -1;
    size_t mask = (size_t)m->cap - 1, i = bytes_hash(k, n) & mask;
    while (m->keys[i]) {
        if (m->lens[i] == n && memcmp(m->keys[i], k, n) == 0)
            return m->vals[i];
        i = (i + 1) & mask;
    }
    return -1;
}

/* 0 ok, -1 out of memory */
static int kmap_put(kmap *m, const char *k, size_t n, int v)
{
    if ((m->n + 1) * 2 > m->cap) {
        int ncap = m->cap ? m->cap * 2 : 32;
        char **keys = calloc((size_t)ncap, sizeof *keys);
        size_t *lens = calloc((size_t)ncap, sizeof *lens);
        int *vals = calloc((size_t)ncap, sizeof *vals);
        if (!keys || !lens || !vals) {
            free(keys);
            free(lens);
            free(vals);
            return -1;
        }
        for (int i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            size_t j = bytes_hash(m->keys[i], m->lens[i]) & (size_t)(ncap - 1);
            while (keys[j])
                j = (j + 1) & (size_t)(ncap - 1);
            keys[j] = m->keys[i];
            lens[j] = m->lens[i];
            vals[j] = m->vals[i];
        }
        free(m->keys);
        free(m->lens);
        free(m->vals);
        m->keys = keys;
        m->lens = lens;
        m->vals = vals;
        m->cap = ncap;
    }
    char *copy = malloc(n ? n : 1);
    if (!copy)
        return -1;
    memcpy(copy, k, n);
    size_t j = bytes_hash(k, n) & (size_t)(m->cap - 1);
    while (m->keys[j])
        j = (j + 1) & (size_t)(m->cap - 1);
    m->keys[j] = copy;
    m->lens[j] = n;
    m->vals[j] = v;
    m->n++;
    return 0;
}

static void kmap_free(kmap *m)
{
    for (int i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->lens);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------------------------------------------
 * Compiler state
 */
typedef enum {
    FB_LOOP,
    FB_TRY_EXCEPT,   /* body of try/except: range -> handler */
    FB_FINALLY_TRY,  /* body of try/finally: leaving it runs the final body */
    FB_FINALLY_END,  /* final body on the exception path (exception being handled: POP_EXCEPT slot) */
    FB_HANDLER,      /* except clauses: exception being handled (POP_EXCEPT slot) */
    FB_HANDLER_NAME, /* body of `except E as name`: leaving it clears name */
    FB_WITH,         /* body of with: leaving it calls __exit__(None, None, None) (exit in slot) */
    FB_WITH_EXIT,    /* calling __exit__ on the exception path */
    FB_EXCEPT_STAR,  /* body of an except* clause: no return/break/continue may leave it */
} fb_kind;

typedef struct fblock {
    fb_kind kind;
    int break_label, continue_label; /* LOOP */
    kr_ast_stmt *stmt;                /* FINALLY_TRY: the try statement */
    int slot;                         /* FINALLY_END/HANDLER: saved handled exc; WITH: __exit__ */
    const char *name;                 /* HANDLER_NAME */
    bool is_async;                    /* WITH: async with (leaving it awaits __aexit__'s result) */
    /* protected range */
    bool has_range, range_open;
    uint32_t range_start;
    int handler_label;
    int exc_slot;
} fblock;

typedef struct fixup {
    uint32_t pc;  /* word to patch */
    int label;
    bool cache_e; /* patch the cache word's E (FOR_ITER) instead of Bx */
} fixup;

typedef struct seg {
    uint32_t start, end, slot;
    int handler_label;
    int depth, order;
} seg;

typedef struct compiler compiler;

typedef struct unit {
    compiler *c;
    struct unit *parent;
    kr_scope *scope;
    bool fast;        /* function-like: locals live in slots */
    bool class_body;
    bool module;
    kr_insn *code;
    kr_code_loc *locs;
    uint32_t n, cap;
    int32_t *labels;
    int nlabels, caplabels;
    fixup *fix;
    int nfix, capfix;
    seg *segs;
    int nsegs, capsegs;
    kr_value *consts;
    int nconsts, capconsts;
    kmap constmap;
    const char **names;
    int nnames, capnames;
    kmap namemap;
    const char **varnames, **cellvars, **freevars;
    int nlocals, ncells, nfree;
    int base, top, maxslots;
    uint8_t *assigned; /* nlocals flags: known bound on every path to here */
    bool dead;         /* the current point is unreachable (after return/raise/break/continue) */
    fblock fb[MAX_FBLOCKS];
    int nfb;
    kr_code_loc loc;
    int class_cell_slot; /* class body: slot of the __class__ cell, -1 none */
    kr_value doc;
    int firstlineno;
    /* class body: the attribute names its methods assign through `self.NAME` (CPython 3.13's
     * __static_attributes__), unsorted, with duplicates; they point into the AST */
    const char **static_attrs;
    int n_static_attrs, cap_static_attrs;
} unit;

struct compiler {
    kr_vm *vm;
    kr_symtable *st;
    kr_syntax_error *err;
    const char *filename;
    int mode;
    bool failed;    /* stop: err or exception set */
    bool exc;       /* an exception is pending (else err describes a SyntaxError) */
    unit *u;
};

/* ------------------------------------------------------------------------------------------------
 * Errors
 */
static void syntax_error_at(compiler *c, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void syntax_error_at(compiler *c, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
{
    if (c->failed)
        return;
    c->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
    c->err->kind = KR_SYNERR_SYNTAX;
    c->err->lineno = lineno;
    c->err->col_offset = col + 1;
    c->err->end_lineno = end_lineno;
    c->err->end_col_offset = end_col + 1;
    c->err->text = NULL;
}
#define SYNERR(c, n, ...) \
    syntax_error_at(c, (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset, __VA_ARGS__)

static void oom(compiler *c)
{
    if (c->failed)
        return;
    c->failed = true;
    c->exc = true;
    c->err->kind = 0;
    kr_raise_nomemory(c->vm);
}

/* A kr_value-producing call failed: its exception is pending. */
static void exc_pending(compiler *c)
{
    if (c->failed)
        return;
    c->failed = true;
    c->exc = true;
    c->err->kind = 0;
}

static void *grow(compiler *c, void *p, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return p;
    int ncap = *cap ? *cap : 16;
    while (ncap < need)
        ncap *= 2;
    void *q = realloc(p, (size_t)ncap * elem);
    if (!q) {
        oom(c);
        return NULL;
    }
    *cap = ncap;
    return q;
}

/* ------------------------------------------------------------------------------------------------
 * Slots
 */
static int push_n(unit *u, int n)
{
    int s = u->top;
    u->top += n;
    if (u->top > u->maxslots) {
        u->maxslots = u->top;
        if (u->maxslots > KR_MAX_SLOTS)
            syntax_error_at(u->c, u->loc.lineno, u->loc.col, u->loc.end_lineno, u->loc.end_col,
                            "too many local variables or temporaries in one function");
    }
    return s;
}
static int push(unit *u) { return push_n(u, 1); }
static void pop_to(unit *u, int mark) { u->top = mark; }
static bool is_temp(unit *u, int slot) { return slot >= u->base; }

/* ------------------------------------------------------------------------------------------------
 * Emission
 */
static const unsigned char op_words[KR_OP_COUNT] = {
#define KR_OP_WORDS(name, fmt, words, doc) words,
    KR_OPCODES(KR_OP_WORDS)
#undef KR_OP_WORDS
};
static unsigned kr_opcode_words_c(unsigned op) { return op < KR_OP_COUNT ? op_words[op] : 1; }
static uint32_t emit_word(unit *u, kr_insn w)
{
    if (u->c->failed)
        return u->n;
    if (u->n == u->cap) {
        uint32_t ncap = u->cap ? u->cap * 2 : 64;
        kr_insn *code = realloc(u->code, ncap * sizeof *code);
        if (!code) {
            oom(u->c);
            return u->n;
        }
        u->code = code;
        kr_code_loc *locs = realloc(u->locs, ncap * sizeof *locs);
        if (!locs) {
            oom(u->c);
            return u->n;
        }
        u->locs = locs;
        u->cap = ncap;
    }
    u->code[u->n] = w;
    u->locs[u->n] = u->loc;
    return u->n++;
}

static uint32_t emit(unit *u, unsigned op, unsigned x, int a, int b, int cc)
{
    /* an empty operand range may start at the first slot past the frame: name slot 0 instead */
    if (cc == 0 && (op == KR_OP_BUILD_TUPLE || op == KR_OP_BUILD_LIST || op == KR_OP_BUILD_SET ||
                    op == KR_OP_BUILD_MAP || op == KR_OP_BUILD_STRING || op == KR_OP_UNPACK_SEQUENCE))
        b = 0;
    uint32_t pc = emit_word(u, kr_insn_make(op, x, (unsigned)a, (unsigned)b, (unsigned)cc));
    if (kr_opcode_words_c(op) == 2)
        emit_word(u, kr_insn_make_cache(0, 0));
    return pc;
}

static uint32_t emit_bx(unit *u, unsigned op, unsigned x, int a, uint32_t bx)
{
    uint32_t pc = emit_word(u, kr_insn_make_bx(op, x, (unsigned)a, bx));
    if (kr_opcode_words_c(op) == 2)
        emit_word(u, kr_insn_make_cache(0, 0));
    return pc;
}

static int new_label(unit *u)
{
    int32_t *l = grow(u->c, u->labels, &u->caplabels, u->nlabels + 1, sizeof *l);
    if (!l)
        return 0;
    u->labels = l;
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void bind_label(unit *u, int label)
{
    if (!u->c->failed)
        u->labels[label] = (int32_t)u->n;
}

static void add_fixup(unit *u, uint32_t pc, int label, bool cache_e)
{
    fixup *f = grow(u->c, u->fix, &u->capfix, u->nfix + 1, sizeof *f);
    if (!f)
        return;
    u->fix = f;
    u->fix[u->nfix++] = (fixup){pc, label, cache_e};
}

/* Forward jumps and conditional jumps (any direction is resolved, but backward ones must use
 * emit_jump_back). */
static void emit_jump(unit *u, unsigned op, int a, int label)
{
    uint32_t pc = emit_bx(u, op, 0, a, 0);
    if (!u->c->failed)
        add_fixup(u, pc, label, false);
}

static void emit_jump_back(unit *u, int label)
{
    uint32_t pc = emit_bx(u, KR_OP_JUMP_BACKWARD, 0, 0, 0);
    if (!u->c->failed)
        add_fixup(u, pc, label, false);
}

#define LOC_OF(n) ((kr_code_loc){(n)->lineno, (n)->end_lineno, (n)->col_offset, (n)->end_col_offset})

/* `yield s[v]` (the sent value to s[dst]); an async generator's items are marked first, to tell
 * them from what its awaits pass through to the event loop (vm/generator.c) */
static void emit_yield(unit *u, int dst, int v)
{
    if (u->scope->is_coroutine) {
        int t = push(u);
        emit(u, KR_OP_ASYNC_GEN_WRAP, 0, t, v, 0);
        emit(u, KR_OP_YIELD, 0, dst, t, 0);
        pop_to(u, t);
        return;
    }
    emit(u, KR_OP_YIELD, 0, dst, v, 0);
}

/* s[dst] = the result of driving the awaitable iterator s[it] (GET_AWAITABLE's result) to its end */
static void emit_await_iter(unit *u, int it, int dst)
{
    int snd = push(u);
    emit(u, KR_OP_LOAD_NONE, 0, snd, 0, 0);
    emit(u, KR_OP_YIELD_FROM, 0, snd, it, dst);
    pop_to(u, snd);
}

/* s[dst] = await s[src] (only in coroutine code): the awaitable's iterator, then yield-from
 * delegation to it. kind is GET_AWAITABLE's X (which object it is, for the TypeError). */
static void emit_await(unit *u, int src, int dst, int kind)
{
    int mark = u->top;
    int it = push(u), snd = push(u);
    emit(u, KR_OP_GET_AWAITABLE, (unsigned)kind, it, src, 0);
    emit(u, KR_OP_LOAD_NONE, 0, snd, 0, 0);
    emit(u, KR_OP_YIELD_FROM, 0, snd, it, dst);
    pop_to(u, mark);
}

/* CPython's update_start_location_to_match_attr: an attribute access (or a method call) whose node
 * starts on another line than the attribute name ends gets a location starting at the name, so a
 * traceback of `(obj\n .attr)` shows the line of `.attr`. The name's length is counted in code
 * points, as CPython does (its columns are bytes: the same for ASCII names). */
static kr_code_loc attr_loc(kr_code_loc loc, const kr_ast_expr *attr)
{
    if (loc.lineno == attr->end_lineno)
        return loc;
    loc.lineno = attr->end_lineno;
    int len = 0;
    for (const unsigned char *p = (const unsigned char *)attr->v.Attribute.attr; *p; p++)
        len += (*p & 0xC0) != 0x80;
    if (len <= attr->end_col_offset) {
        loc.col = attr->end_col_offset - len;
    } else {
        loc.col = -1;
        loc.end_col = -1;
    }
    if (loc.end_lineno < loc.lineno)
        loc.end_lineno = loc.lineno;
    if (loc.lineno == loc.end_lineno && loc.end_col < loc.col)
        loc.end_col = loc.col;
    return loc;
}

/* ------------------------------------------------------------------------------------------------
 * Constants and names
 */
static int add_const_keyed(unit *u, kr_value v, const char *key, size_t keylen)
{
    compiler *c = u->c;
    if (c->failed)
        return 0;
    if (key) {
        int i = kmap_get(&u->constmap, key, keylen);
        if (i >= 0)
            return i;
    }
    kr_value *cs = grow(c, u->consts, &u->capconsts, u->nconsts + 1, sizeof *cs);
    if (!cs)
        return 0;
    u->consts = cs;
    int idx = u->nconsts++;
    u->consts[idx] = v;
    if (key && kmap_put(&u->constmap, key, keylen, idx) < 0)
        oom(c);
    return idx;
}

static int const_none(unit *u) { return add_const_keyed(u, KR_NONE, "N", 1); }

static bool is_identifier_like(const char *s, size_t n)
{
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (i > 0 && ch >= '0' && ch <= '9')))
            return false;
    }
    return true;
}

static kr_value make_str(unit *u, const char *s, size_t n)
{
    kr_value v = is_identifier_like(s, n) ? kr_intern(u->c->vm, s) : kr_str_new(u->c->vm, s, n);
    if (!v)
        exc_pending(u->c);
    return v;
}

static int const_str(unit *u, const char *s, size_t n)
{
    if (u->c->failed)
        return 0;
    char stackbuf[128];
    char *key = n + 1 <= sizeof stackbuf ? stackbuf : malloc(n + 1);
    if (!key) {
        oom(u->c);
        return 0;
    }
    key[0] = 's';
    memcpy(key + 1, s, n);
    int i = kmap_get(&u->constmap, key, n + 1);
    if (i < 0) {
        kr_value v = make_str(u, s, n);
        i = v ? add_const_keyed(u, v, key, n + 1) : 0;
    }
    if (key != stackbuf)
        free(key);
    return i;
}

static int const_cstr(unit *u, const char *s) { return const_str(u, s, strlen(s)); }

static int name_index(unit *u, const char *name)
{
    if (u->c->failed)
        return 0;
    size_t n = strlen(name);
    int i = kmap_get(&u->namemap, name, n);
    if (i >= 0)
        return i;
    const char **ns = grow(u->c, u->names, &u->capnames, u->nnames + 1, sizeof *ns);
    if (!ns)
        return 0;
    u->names = ns;
    i = u->nnames++;
    u->names[i] = name;
    if (kmap_put(&u->namemap, name, n, i) < 0)
        oom(u->c);
    if (i > 0xffff)
        syntax_error_at(u->c, u->loc.lineno, u->loc.col, u->loc.end_lineno, u->loc.end_col,
                        "too many names in one code object");
    return i;
}

/* Integer literal -> value (big literals through kr_int_from_literal). */
static kr_value int_const_value(unit *u, const kr_ast_constant *k, bool negate)
{
    const char *d = k->digits;
    size_t n = strlen(d);
    uint64_t acc = 0;
    bool small = true;
    for (size_t i = 0; i < n; i++) {
        unsigned ch = (unsigned char)d[i];
        unsigned dv = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch - 'A' + 10;
        if (acc > (UINT64_MAX - dv) / (unsigned)k->base) {
            small = false;
            break;
        }
        acc = acc * (unsigned)k->base + dv;
    }
    if (small && acc <= (uint64_t)KR_SMALL_MAX)
        return kr_small(negate ? -(int64_t)acc : (int64_t)acc);
    kr_value v;
    if (negate) {
        char *buf = malloc(n + 2);
        if (!buf) {
            oom(u->c);
            return KR_NULL;
        }
        buf[0] = '-';
        memcpy(buf + 1, d, n + 1);
        v = kr_int_from_literal(u->c->vm, buf, n + 1, k->base);
        free(buf);
    } else {
        v = kr_int_from_literal(u->c->vm, d, n, k->base);
    }
    if (!v)
        exc_pending(u->c);
    return v;
}

static int const_int_literal(unit *u, const kr_ast_constant *k, bool negate)
{
    size_t n = strlen(k->digits);
    char *key = malloc(n + 8);
    if (!key) {
        oom(u->c);
        return 0;
    }
    int kl = snprintf(key, n + 8, "i%c%d:%s", negate ? '-' : '+', k->base, k->digits);
    int i = kmap_get(&u->constmap, key, (size_t)kl);
    if (i < 0) {
        kr_value v = int_const_value(u, k, negate);
        i = v ? add_const_keyed(u, v, key, (size_t)kl) : 0;
    }
    free(key);
    return i;
}

static int const_float(unit *u, double d)
{
    char key[1 + sizeof d];
    key[0] = 'f';
    memcpy(key + 1, &d, sizeof d); /* by bits: 0.0 and -0.0 stay distinct */
    int i = kmap_get(&u->constmap, key, sizeof key);
    if (i >= 0)
        return i;
    kr_value v = kr_float_new(u->c->vm, d);
    if (!v) {
        exc_pending(u->c);
        return 0;
    }
    return add_const_keyed(u, v, key, sizeof key);
}

/* An imaginary literal (0.0 + f*1j), or its negation folded as CPython's AST optimizer does: -(1j) is
 * complex(-0.0, -1.0). Keyed by the bits of both parts, so signed zeros stay distinct. */
static int const_complex(unit *u, double re, double im)
{
    char key[1 + 2 * sizeof(double)];
    key[0] = 'x';
    memcpy(key + 1, &re, sizeof re);
    memcpy(key + 1 + sizeof re, &im, sizeof im);
    int i = kmap_get(&u->constmap, key, sizeof key);
    if (i >= 0)
        return i;
    kr_value v = kr_complex_new(u->c->vm, re, im);
    if (!v) {
        exc_pending(u->c);
        return 0;
    }
    return add_const_keyed(u, v, key, sizeof key);
}

static int const_bytes(unit *u, const char *s, size_t n)
{
    char *key = malloc(n + 1);
    if (!key) {
        oom(u->c);
        return 0;
    }
    key[0] = 'b';
    memcpy(key + 1, s, n);
    int i = kmap_get(&u->constmap, key, n + 1);
    if (i < 0) {
        kr_value v = kr_bytes_new(u->c->vm, s, n);
        if (!v)
            exc_pending(u->c);
        i = v ? add_const_keyed(u, v, key, n + 1) : 0;
    }
    free(key);
    return i;
}

/* A tuple of interned strings (kwnames, fromlist, match keyword names); not deduplicated. */
static int const_name_tuple(unit *u, const char **names, int n)
{
    if (u->c->failed)
        return 0;
    kr_value t = kr_tuple_new(u->c->vm, n);
    if (!t) {
        exc_pending(u->c);
        return 0;
    }
    for (int i = 0; i < n; i++) {
        kr_value s = kr_intern(u->c->vm, names[i]);
        if (!s) {
            exc_pending(u->c);
            return 0;
        }
        kr_tuple_items(t)[i] = s;
    }
    return add_const_keyed(u, t, NULL, 0);
}

static int const_small_int(unit *u, int n)
{
    char key[24];
    int kl = snprintf(key, sizeof key, "i+10:%d", n); /* the key const_int_literal gives the literal */
    int i = kmap_get(&u->constmap, key, (size_t)kl);
    return i >= 0 ? i : add_const_keyed(u, kr_int_from_i64(u->c->vm, n), key, (size_t)kl);
}

/* `self.NAME = ...` (not `op=`) in a function nested in a class: remember NAME, unmangled,
 * for the innermost class's __static_attributes__ (CPython 3.13). */
static void note_static_attribute(unit *u, const kr_ast_expr *target)
{
    const kr_ast_expr *obj = target->v.Attribute.value;
    if (obj->kind != KR_AST_EXPR_NAME || strcmp(obj->v.Name.id, "self") != 0 || u->class_body)
        return;
    unit *cls = u->parent;
    while (cls && !cls->class_body)
        cls = cls->parent;
    if (!cls)
        return;
    const char *attr = target->v.Attribute.attr;
    /* undo the private name mangling (vm/mangle.c): CPython records the name as written */
    const char *p = cls->scope->name;
    while (*p == '_')
        p++;
    size_t pn = strlen(p);
    if (pn && attr[0] == '_' && strncmp(attr + 1, p, pn) == 0 && attr[1 + pn] == '_' && attr[2 + pn] == '_')
        attr += 1 + pn;
    if (cls->n_static_attrs == cls->cap_static_attrs) {
        int ncap = cls->cap_static_attrs ? 2 * cls->cap_static_attrs : 8;
        const char **n = realloc(cls->static_attrs, sizeof(char *) * (size_t)ncap);
        if (!n) {
            oom(u->c);
            return;
        }
        cls->static_attrs = n;
        cls->cap_static_attrs = ncap;
    }
    cls->static_attrs[cls->n_static_attrs++] = attr;
}

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* ------------------------------------------------------------------------------------------------
 * Forward declarations
 */
static void compile_expr_to(unit *u, kr_ast_expr *e, int dst);
static int compile_expr_any(unit *u, kr_ast_expr *e);
static void compile_stmts(unit *u, kr_ast_stmt **body, int n);
static void compile_stmt(unit *u, kr_ast_stmt *s);
static void compile_jump_if(unit *u, kr_ast_expr *e, bool cond, int label);
static void store_target(unit *u, kr_ast_expr *t, int src);
static kr_value compile_scope_code(compiler *c, kr_scope *scope, const void *node);

/* ------------------------------------------------------------------------------------------------
 * Definite assignment state
 */
typedef struct astate {
    uint8_t *bits;
    bool dead;
} astate;

static astate state_save(unit *u)
{
    astate s = {NULL, u->dead};
    if (u->nlocals) {
        s.bits = malloc((size_t)u->nlocals);
        if (!s.bits)
            oom(u->c);
        else
            memcpy(s.bits, u->assigned, (size_t)u->nlocals);
    }
    return s;
}

static void state_restore(unit *u, const astate *s)
{
    if (s->bits)
        memcpy(u->assigned, s->bits, (size_t)u->nlocals);
    u->dead = s->dead;
}

static void state_free(astate *s)
{
    free(s->bits);
    s->bits = NULL;
}

static void mark_assigned(unit *u, int slot)
{
    if (slot >= 0 && slot < u->nlocals)
        u->assigned[slot] = 1;
}

/* A region (loop, try, with, match) may be re-entered or left from any point inside it, so the state
 * at its joins is the state at its entry minus every local it may unbind (del, except ... as). */
static void forget_deleted_target(unit *u, kr_ast_expr *t)
{
    if (t->kind == KR_AST_EXPR_NAME) {
        kr_symbol *sym = kr_symtable_symbol(u->scope, t->v.Name.id);
        if (sym && sym->scope == KR_SCOPE_LOCAL && sym->slot >= 0 && sym->slot < u->nlocals)
            u->assigned[sym->slot] = 0;
    } else if (t->kind == KR_AST_EXPR_TUPLE) {
        for (int i = 0; i < t->v.Tuple.n_elts; i++)
            forget_deleted_target(u, t->v.Tuple.elts[i]);
    } else if (t->kind == KR_AST_EXPR_LIST) {
        for (int i = 0; i < t->v.List.n_elts; i++)
            forget_deleted_target(u, t->v.List.elts[i]);
    }
}

static void forget_deleted_name(unit *u, const char *name)
{
    kr_symbol *sym = kr_symtable_symbol(u->scope, name);
    if (sym && sym->scope == KR_SCOPE_LOCAL && sym->slot >= 0 && sym->slot < u->nlocals)
        u->assigned[sym->slot] = 0;
}

static void forget_deleted(unit *u, kr_ast_stmt **body, int n)
{
    if (!u->nlocals)
        return;
    for (int i = 0; i < n; i++) {
        kr_ast_stmt *s = body[i];
        switch (s->kind) {
        case KR_AST_STMT_DELETE:
            for (int k = 0; k < s->v.Delete.n_targets; k++)
                forget_deleted_target(u, s->v.Delete.targets[k]);
            break;
        case KR_AST_STMT_FOR:
        case KR_AST_STMT_ASYNCFOR:
            forget_deleted(u, s->v.For.body, s->v.For.n_body);
            forget_deleted(u, s->v.For.orelse, s->v.For.n_orelse);
            break;
        case KR_AST_STMT_WHILE:
            forget_deleted(u, s->v.While.body, s->v.While.n_body);
            forget_deleted(u, s->v.While.orelse, s->v.While.n_orelse);
            break;
        case KR_AST_STMT_IF:
            forget_deleted(u, s->v.If.body, s->v.If.n_body);
            forget_deleted(u, s->v.If.orelse, s->v.If.n_orelse);
            break;
        case KR_AST_STMT_WITH:
        case KR_AST_STMT_ASYNCWITH:
            forget_deleted(u, s->v.With.body, s->v.With.n_body);
            break;
        case KR_AST_STMT_TRY:
        case KR_AST_STMT_TRYSTAR:
            forget_deleted(u, s->v.Try.body, s->v.Try.n_body);
            for (int h = 0; h < s->v.Try.n_handlers; h++) {
                if (s->v.Try.handlers[h]->name)
                    forget_deleted_name(u, s->v.Try.handlers[h]->name);
                forget_deleted(u, s->v.Try.handlers[h]->body, s->v.Try.handlers[h]->n_body);
            }
            forget_deleted(u, s->v.Try.orelse, s->v.Try.n_orelse);
            forget_deleted(u, s->v.Try.finalbody, s->v.Try.n_finalbody);
            break;
        case KR_AST_STMT_MATCH:
            for (int k = 0; k < s->v.Match.n_cases; k++)
                forget_deleted(u, s->v.Match.cases[k]->body, s->v.Match.cases[k]->n_body);
            break;
        default:
            break;
        }
    }
}

/* ------------------------------------------------------------------------------------------------
 * Names
 */
static kr_symbol *lookup_sym(unit *u, const char *name) { return kr_symtable_symbol(u->scope, name); }

static kr_name_scope name_scope(unit *u, const char *name, kr_symbol **symp)
{
    kr_symbol *sym = lookup_sym(u, name);
    *symp = sym;
    if (!sym)
        return KR_SCOPE_GLOBAL_IMPLICIT;
    return sym->scope;
}

/* Loads name into dst. */
static void load_name_to(unit *u, const char *name, int dst)
{
    kr_symbol *sym;
    kr_name_scope sc = name_scope(u, name, &sym);
    if (strcmp(name, "__debug__") == 0) {
        emit(u, KR_OP_LOAD_BOOL, 1, dst, 0, 0);
        return;
    }
    switch (sc) {
    case KR_SCOPE_LOCAL:
        if (u->fast) {
            int slot = sym->slot;
            if (!u->assigned[slot]) {
                emit(u, KR_OP_CHECK_LOCAL, 0, slot, 0, 0);
                u->assigned[slot] = 1;
            }
            if (dst != slot)
                emit(u, KR_OP_MOVE, 0, dst, slot, 0);
            return;
        }
        emit_bx(u, KR_OP_LOAD_NAME, 0, dst, (uint32_t)name_index(u, name));
        return;
    case KR_SCOPE_CELL:
    case KR_SCOPE_FREE:
        if (u->class_body && sc == KR_SCOPE_FREE) {
            emit(u, KR_OP_LOAD_CLASSDEREF, 0, dst, sym->cell_slot, name_index(u, name));
            return;
        }
        if (u->class_body) { /* __class__ cell of a class body is not visible by name */
            emit_bx(u, KR_OP_LOAD_NAME, 0, dst, (uint32_t)name_index(u, name));
            return;
        }
        emit(u, KR_OP_LOAD_DEREF, 0, dst, sym->cell_slot, 0);
        return;
    case KR_SCOPE_GLOBAL_EXPLICIT:
        emit_bx(u, KR_OP_LOAD_GLOBAL, 0, dst, (uint32_t)name_index(u, name));
        return;
    case KR_SCOPE_GLOBAL_IMPLICIT:
    case KR_SCOPE_NONE:
        if (u->scope->can_see_class_scope && name[0] != '.') {
            /* the class namespace first: name in classdict ? classdict[name] : global name */
            int mark = u->top;
            int cd = push(u), key = push(u), found = push(u);
            int global = new_label(u), done = new_label(u);
            load_name_to(u, ".classdict", cd);
            emit_bx(u, KR_OP_LOAD_CONST, 0, key, (uint32_t)const_cstr(u, name));
            emit(u, KR_OP_CONTAINS_OP, 0, found, key, cd);
            emit_jump(u, KR_OP_JUMP_IF_FALSE, found, global);
            emit(u, KR_OP_GET_ITEM, 0, dst, cd, key);
            emit_jump(u, KR_OP_JUMP, 0, done);
            bind_label(u, global);
            emit_bx(u, KR_OP_LOAD_GLOBAL, 0, dst, (uint32_t)name_index(u, name));
            bind_label(u, done);
            pop_to(u, mark);
            return;
        }
        if (u->fast)
            emit_bx(u, KR_OP_LOAD_GLOBAL, 0, dst, (uint32_t)name_index(u, name));
        else
            emit_bx(u, KR_OP_LOAD_NAME, 0, dst, (uint32_t)name_index(u, name));
        return;
    }
}

/* The slot a local name can be read from in place, or -1. */
static int local_slot_for_read(unit *u, const char *name)
{
    if (!u->fast || u->scope->has_namedexpr || strcmp(name, "__debug__") == 0)
        return -1;
    kr_symbol *sym = lookup_sym(u, name);
    if (!sym || sym->scope != KR_SCOPE_LOCAL)
        return -1;
    if (!u->assigned[sym->slot]) {
        emit(u, KR_OP_CHECK_LOCAL, 0, sym->slot, 0, 0);
        u->assigned[sym->slot] = 1;
    }
    return sym->slot;
}

/* The slot a store to name can go to directly, or -1. */
static int local_slot_for_store(unit *u, const char *name)
{
    if (!u->fast)
        return -1;
    kr_symbol *sym = lookup_sym(u, name);
    if (!sym || sym->scope != KR_SCOPE_LOCAL)
        return -1;
    return sym->slot;
}

static void store_name_from(unit *u, const char *name, int src)
{
    kr_symbol *sym;
    kr_name_scope sc = name_scope(u, name, &sym);
    switch (sc) {
    case KR_SCOPE_LOCAL:
        if (u->fast) {
            if (src != sym->slot)
                emit(u, KR_OP_MOVE, 0, sym->slot, src, 0);
            mark_assigned(u, sym->slot);
            return;
        }
        emit_bx(u, KR_OP_STORE_NAME, 0, src, (uint32_t)name_index(u, name));
        return;
    case KR_SCOPE_CELL:
    case KR_SCOPE_FREE:
        if (u->class_body && sc == KR_SCOPE_CELL) {
            emit_bx(u, KR_OP_STORE_NAME, 0, src, (uint32_t)name_index(u, name));
            return;
        }
        emit(u, KR_OP_STORE_DEREF, 0, sym->cell_slot, src, 0);
        return;
    case KR_SCOPE_GLOBAL_EXPLICIT:
        emit_bx(u, KR_OP_STORE_GLOBAL, 0, src, (uint32_t)name_index(u, name));
        return;
    case KR_SCOPE_GLOBAL_IMPLICIT:
    case KR_SCOPE_NONE:
        if (u->fast)
            emit_bx(u, KR_OP_STORE_GLOBAL, 0, src, (uint32_t)name_index(u, name));
        else
            emit_bx(u, KR_OP_STORE_NAME, 0, src, (uint32_t)name_index(u, name));
        return;
    }
}

static void delete_name(unit *u, const char *name)
{
    kr_symbol *sym;
    kr_name_scope sc = name_scope(u, name, &sym);
    switch (sc) {
    case KR_SCOPE_LOCAL:
        if (u->fast) {
            emit(u, KR_OP_DELETE_FAST, 0, sym->slot, 0, 0);
            u->assigned[sym->slot] = 0;
            return;
        }
        emit_bx(u, KR_OP_DELETE_NAME, 0, 0, (uint32_t)name_index(u, name));
        return;
    case KR_SCOPE_CELL:
    case KR_SCOPE_FREE:
        if (u->class_body && sc == KR_SCOPE_CELL) {
            emit_bx(u, KR_OP_DELETE_NAME, 0, 0, (uint32_t)name_index(u, name));
            return;
        }
        emit(u, KR_OP_DELETE_DEREF, 0, sym->cell_slot, 0, 0);
        return;
    case KR_SCOPE_GLOBAL_EXPLICIT:
        emit_bx(u, KR_OP_DELETE_GLOBAL, 0, 0, (uint32_t)name_index(u, name));
        return;
    case KR_SCOPE_GLOBAL_IMPLICIT:
    case KR_SCOPE_NONE:
        if (u->fast)
            emit_bx(u, KR_OP_DELETE_GLOBAL, 0, 0, (uint32_t)name_index(u, name));
        else
            emit_bx(u, KR_OP_DELETE_NAME, 0, 0, (uint32_t)name_index(u, name));
        return;
    }
}

/* `name = None; del name` (end of an `except ... as name` clause) */
static void clear_name(unit *u, const char *name)
{
    int t = push(u);
    emit(u, KR_OP_LOAD_NONE, 0, t, 0, 0);
    store_name_from(u, name, t);
    delete_name(u, name);
    pop_to(u, t);
}

/* ------------------------------------------------------------------------------------------------
 * Exception ranges
 */
static void range_open(unit *u, fblock *fb, int handler_label, int exc_slot)
{
    fb->has_range = true;
    fb->range_open = true;
    fb->range_start = u->n;
    fb->handler_label = handler_label;
    fb->exc_slot = exc_slot;
}

static void range_close(unit *u, fblock *fb, int depth)
{
    if (!fb->has_range || !fb->range_open)
        return;
    fb->range_open = false;
    if (u->n == fb->range_start || u->c->failed)
        return;
    seg *s = grow(u->c, u->segs, &u->capsegs, u->nsegs + 1, sizeof *s);
    if (!s)
        return;
    u->segs = s;
    u->segs[u->nsegs] = (seg){fb->range_start, u->n, (uint32_t)fb->exc_slot, fb->handler_label, depth, u->nsegs};
    u->nsegs++;
}

static void range_reopen(unit *u, fblock *fb)
{
    if (fb->has_range && !fb->range_open) {
        fb->range_open = true;
        fb->range_start = u->n;
    }
}

static fblock *fb_push(unit *u, fb_kind kind, const kr_ast_stmt *where)
{
    if (u->nfb == MAX_FBLOCKS) {
        SYNERR(u->c, where, "too many statically nested blocks");
        return NULL;
    }
    fblock *fb = &u->fb[u->nfb++];
    memset(fb, 0, sizeof *fb);
    fb->kind = kind;
    fb->slot = -1;
    return fb;
}

static void fb_pop(unit *u)
{
    fblock *fb = &u->fb[u->nfb - 1];
    range_close(u, fb, u->nfb - 1);
    u->nfb--;
}

/* Emits the inline cleanup for leaving block fb (index i) on a return/break/continue. */
static void unwind_block(unit *u, int i, bool is_return)
{
    fblock *fb = &u->fb[i];
    range_close(u, fb, i);
    switch (fb->kind) {
    case FB_LOOP:
    case FB_TRY_EXCEPT:
        break;
    case FB_FINALLY_TRY: {
        /* Run the final body with the blocks outside this one active. */
        fblock saved[MAX_FBLOCKS];
        int nsaved = u->nfb - i;
        memcpy(saved, &u->fb[i], sizeof(fblock) * (size_t)nsaved);
        u->nfb = i;
        compile_stmts(u, fb->stmt->v.Try.finalbody, fb->stmt->v.Try.n_finalbody);
        memcpy(&u->fb[i], saved, sizeof(fblock) * (size_t)nsaved);
        u->nfb = i + nsaved;
        u->fb[i].range_open = false;
        break;
    }
    case FB_FINALLY_END:
    case FB_HANDLER:
        if (!is_return)
            emit(u, KR_OP_POP_EXCEPT, 0, fb->slot, 0, 0);
        break;
    case FB_HANDLER_NAME:
        clear_name(u, fb->name);
        break;
    case FB_WITH: {
        int t = push(u);
        emit(u, KR_OP_WITH_EXIT, 0, t, fb->slot, 0);
        if (fb->is_async)
            emit_await(u, t, t, 2);
        pop_to(u, t);
        break;
    }
    case FB_WITH_EXIT:
        if (!is_return)
            emit(u, KR_OP_POP_EXCEPT, 0, fb->slot, 0, 0);
        break;
    case FB_EXCEPT_STAR:
        break; /* never left this way: compile_return / compile_break_continue reject it */
    }
}

/* return/break/continue leaving blocks fb[from..] : a SyntaxError when one is an except* clause. */
static bool leaves_except_star(unit *u, int from, const kr_ast_stmt *s, const kr_ast_expr *value)
{
    for (int i = from; i < u->nfb; i++)
        if (u->fb[i].kind == FB_EXCEPT_STAR) {
            /* CPython reports a return's value when it has one */
            if (value)
                SYNERR(u->c, value, "'break', 'continue' and 'return' cannot appear in an except* block");
            else
                SYNERR(u->c, s, "'break', 'continue' and 'return' cannot appear in an except* block");
            return true;
        }
    return false;
}

static void reopen_from(unit *u, int i)
{
    for (int k = i; k < u->nfb; k++)
        range_reopen(u, &u->fb[k]);
}

/* ------------------------------------------------------------------------------------------------
 * Expressions
 */
/* A negative number literal (-1, -2.5): CPython's AST optimizer folds it into one constant. */
static bool is_negated_number(const kr_ast_expr *e)
{
    return e->kind == KR_AST_EXPR_UNARYOP && e->v.UnaryOp.op == KR_AST_USUB &&
           e->v.UnaryOp.operand->kind == KR_AST_EXPR_CONSTANT &&
           (e->v.UnaryOp.operand->v.Constant.kind == KR_AST_CONST_INT ||
            e->v.UnaryOp.operand->v.Constant.kind == KR_AST_CONST_FLOAT ||
            e->v.UnaryOp.operand->v.Constant.kind == KR_AST_CONST_IMAGINARY);
}

static bool is_const_expr(const kr_ast_expr *e)
{
    if (e->kind == KR_AST_EXPR_CONSTANT)
        return true;
    if (is_negated_number(e))
        return true;
    if (e->kind == KR_AST_EXPR_TUPLE && e->v.Tuple.ctx == KR_AST_LOAD) {
        for (int i = 0; i < e->v.Tuple.n_elts; i++)
            if (!is_const_expr(e->v.Tuple.elts[i]))
                return false;
        return true;
    }
    return false;
}

static int const_index_of(unit *u, const kr_ast_expr *e);

static int const_index_of_constant(unit *u, const kr_ast_expr *e, bool negate)
{
    const kr_ast_constant *k = &e->v.Constant;
    switch (k->kind) {
    case KR_AST_CONST_NONE: return const_none(u);
    case KR_AST_CONST_TRUE: return add_const_keyed(u, KR_TRUE, "T", 1);
    case KR_AST_CONST_FALSE: return add_const_keyed(u, KR_FALSE, "F", 1);
    case KR_AST_CONST_ELLIPSIS: return add_const_keyed(u, KR_ELLIPSIS, "E", 1);
    case KR_AST_CONST_INT: return const_int_literal(u, k, negate);
    case KR_AST_CONST_FLOAT: return const_float(u, negate ? -k->f : k->f);
    case KR_AST_CONST_STR: return const_str(u, k->s, k->len);
    case KR_AST_CONST_BYTES: return const_bytes(u, k->s, k->len);
    case KR_AST_CONST_IMAGINARY: return negate ? const_complex(u, -0.0, -k->f) : const_complex(u, 0.0, k->f);
    }
    return 0;
}

static int const_index_of(unit *u, const kr_ast_expr *e)
{
    if (e->kind == KR_AST_EXPR_CONSTANT)
        return const_index_of_constant(u, e, false);
    if (is_negated_number(e))
        return const_index_of_constant(u, e->v.UnaryOp.operand, true);
    /* tuple of constants */
    int n = e->v.Tuple.n_elts;
    kr_value t = kr_tuple_new(u->c->vm, n);
    if (!t) {
        exc_pending(u->c);
        return 0;
    }
    /* the tuple is reachable from the constant table before its items are created */
    int idx = add_const_keyed(u, t, NULL, 0);
    for (int i = 0; i < n && !u->c->failed; i++) {
        int ci = const_index_of(u, e->v.Tuple.elts[i]);
        if (!u->c->failed)
            kr_tuple_items(t)[i] = u->consts[ci];
    }
    return idx;
}

static void load_const_to(unit *u, const kr_ast_expr *e, int dst)
{
    const kr_ast_constant *k = &e->v.Constant;
    if (e->kind == KR_AST_EXPR_CONSTANT) {
        switch (k->kind) {
        case KR_AST_CONST_NONE:
            emit(u, KR_OP_LOAD_NONE, 0, dst, 0, 0);
            return;
        case KR_AST_CONST_TRUE:
        case KR_AST_CONST_FALSE:
            emit(u, KR_OP_LOAD_BOOL, k->kind == KR_AST_CONST_TRUE, dst, 0, 0);
            return;
        case KR_AST_CONST_INT: {
            int ci = const_int_literal(u, k, false);
            if (u->c->failed)
                return;
            kr_value v = u->consts[ci];
            if (kr_is_small(v) && kr_small_val(v) >= INT32_MIN && kr_small_val(v) <= INT32_MAX) {
                emit_bx(u, KR_OP_LOAD_INT, 0, dst, (uint32_t)(int32_t)kr_small_val(v));
                return;
            }
            emit_bx(u, KR_OP_LOAD_CONST, 0, dst, (uint32_t)ci);
            return;
        }
        default:
            break;
        }
    }
    int ci = const_index_of(u, e);
    emit_bx(u, KR_OP_LOAD_CONST, 0, dst, (uint32_t)ci);
}

static void load_int(unit *u, int dst, int32_t v) { emit_bx(u, KR_OP_LOAD_INT, 0, dst, (uint32_t)v); }

static int binop_of(kr_ast_operator op)
{
    switch (op) {
    case KR_AST_ADD: return KR_OP_ADD;
    case KR_AST_SUB: return KR_OP_SUB;
    case KR_AST_MULT: return KR_OP_MUL;
    case KR_AST_MATMULT: return KR_OP_MATMUL;
    case KR_AST_DIV: return KR_OP_TRUEDIV;
    case KR_AST_MOD: return KR_OP_MOD;
    case KR_AST_POW: return KR_OP_POW;
    case KR_AST_LSHIFT: return KR_OP_LSHIFT;
    case KR_AST_RSHIFT: return KR_OP_RSHIFT;
    case KR_AST_BITOR: return KR_OP_OR;
    case KR_AST_BITXOR: return KR_OP_XOR;
    case KR_AST_BITAND: return KR_OP_AND;
    case KR_AST_FLOORDIV: return KR_OP_FLOORDIV;
    }
    return KR_OP_ADD;
}

/* One comparison into dst. */
static void emit_compare(unit *u, kr_ast_cmpop op, int dst, int l, int r)
{
    switch (op) {
    case KR_AST_EQ: emit(u, KR_OP_COMPARE_OP, KR_CMP_EQ, dst, l, r); break;
    case KR_AST_NOTEQ: emit(u, KR_OP_COMPARE_OP, KR_CMP_NE, dst, l, r); break;
    case KR_AST_LT: emit(u, KR_OP_COMPARE_OP, KR_CMP_LT, dst, l, r); break;
    case KR_AST_LTE: emit(u, KR_OP_COMPARE_OP, KR_CMP_LE, dst, l, r); break;
    case KR_AST_GT: emit(u, KR_OP_COMPARE_OP, KR_CMP_GT, dst, l, r); break;
    case KR_AST_GTE: emit(u, KR_OP_COMPARE_OP, KR_CMP_GE, dst, l, r); break;
    case KR_AST_IS: emit(u, KR_OP_IS_OP, 0, dst, l, r); break;
    case KR_AST_ISNOT: emit(u, KR_OP_IS_OP, 1, dst, l, r); break;
    case KR_AST_IN: emit(u, KR_OP_CONTAINS_OP, 0, dst, l, r); break;
    case KR_AST_NOTIN: emit(u, KR_OP_CONTAINS_OP, 1, dst, l, r); break;
    }
}

/* Compare node into dst (dst a temporary: chained comparisons write it more than once). */
static void compile_compare(unit *u, kr_ast_expr *e, int dst)
{
    int mark = u->top;
    int l = compile_expr_any(u, e->v.Compare.left);
    int n = e->v.Compare.n_comparators;
    if (n == 1) {
        int r = compile_expr_any(u, e->v.Compare.comparators[0]);
        u->loc = LOC_OF(e);
        emit_compare(u, e->v.Compare.ops[0], dst, l, r);
        pop_to(u, mark);
        return;
    }
    int end = new_label(u);
    for (int i = 0; i < n; i++) {
        int r = compile_expr_any(u, e->v.Compare.comparators[i]);
        u->loc = LOC_OF(e);
        emit_compare(u, e->v.Compare.ops[i], dst, l, r);
        if (i < n - 1)
            emit_jump(u, KR_OP_JUMP_IF_FALSE, dst, end);
        l = r;
    }
    bind_label(u, end);
    pop_to(u, mark);
}

/* Starred handling for list/tuple/set displays and call arguments: builds a list in dst. */
static bool has_starred(kr_ast_expr **elts, int n)
{
    for (int i = 0; i < n; i++)
        if (elts[i]->kind == KR_AST_EXPR_STARRED)
            return true;
    return false;
}

/* callee_slot >= 0: the list is a call's *args, so errors name the callee (LIST_EXTEND's X & 1). */
static void build_list_with_stars(unit *u, kr_ast_expr **elts, int n, int dst, bool set, int callee_slot)
{
    int mark = u->top;
    int i = 0;
    /* the unpacking instructions carry the location of the enclosing display or call (CPython's) */
    kr_code_loc outer = u->loc;
    /* leading plain elements in one BUILD */
    int base = u->top;
    while (i < n && elts[i]->kind != KR_AST_EXPR_STARRED) {
        int t = push(u);
        compile_expr_to(u, elts[i], t);
        i++;
    }
    emit(u, set ? KR_OP_BUILD_SET : KR_OP_BUILD_LIST, 0, dst, base, i);
    pop_to(u, mark);
    for (; i < n; i++) {
        kr_ast_expr *el = elts[i];
        if (el->kind == KR_AST_EXPR_STARRED) {
            int v = compile_expr_any(u, el->v.Starred.value);
            u->loc = outer;
            if (set)
                emit(u, KR_OP_SET_UPDATE, 0, dst, v, 0);
            else if (callee_slot >= 0)
                emit(u, KR_OP_LIST_EXTEND, 1, dst, v, callee_slot);
            else
                emit(u, KR_OP_LIST_EXTEND, 0, dst, v, 0);
        } else {
            int v = compile_expr_any(u, el);
            emit(u, set ? KR_OP_SET_ADD : KR_OP_LIST_APPEND, 0, dst, v, 0);
        }
        pop_to(u, mark);
    }
}

static void compile_call_args_ex(unit *u, kr_ast_expr *e, int fslot)
{
    /* f(*a, **k) and friends: positional args as a list, keywords as a dict, then CALL_EX. */
    int nargs = e->v.Call.n_args, nkw = e->v.Call.n_keywords;
    int argl = push(u);
    build_list_with_stars(u, e->v.Call.args, nargs, argl, false, fslot);
    int kwd = -1;
    if (nkw > 0) {
        kwd = push(u);
        int mark = u->top;
        emit(u, KR_OP_BUILD_MAP, 0, kwd, 0, 0);
        for (int i = 0; i < nkw; i++) {
            kr_ast_keyword *kw = e->v.Call.keywords[i];
            if (kw->arg) {
                int k = push(u);
                emit_bx(u, KR_OP_LOAD_CONST, 0, k, (uint32_t)const_cstr(u, kw->arg));
                int v = compile_expr_any(u, kw->value);
                emit(u, KR_OP_MAP_ADD, 0, kwd, k, v);
            } else {
                int v = compile_expr_any(u, kw->value);
                u->loc = LOC_OF(e);
                emit(u, KR_OP_DICT_MERGE, 0, kwd, v, fslot);
            }
            pop_to(u, mark);
        }
    }
    u->loc = LOC_OF(e);
    emit(u, KR_OP_CALL_EX, kwd >= 0 ? 1 : 0, fslot, argl, kwd >= 0 ? kwd : 0);
}

static bool call_needs_ex(kr_ast_expr *e)
{
    if (has_starred(e->v.Call.args, e->v.Call.n_args))
        return true;
    for (int i = 0; i < e->v.Call.n_keywords; i++)
        if (!e->v.Call.keywords[i]->arg)
            return true;
    return false;
}

/* Positional args into consecutive slots from top, then keyword values; returns the kwnames operand. */
static int compile_plain_args(unit *u, kr_ast_expr *e)
{
    for (int i = 0; i < e->v.Call.n_args; i++) {
        int t = push(u);
        compile_expr_to(u, e->v.Call.args[i], t);
        pop_to(u, t + 1);
    }
    int nkw = e->v.Call.n_keywords;
    if (nkw == 0)
        return 0;
    const char *stack_names[16];
    const char **names = nkw <= 16 ? stack_names : malloc(sizeof(char *) * (size_t)nkw);
    if (!names) {
        oom(u->c);
        return 0;
    }
    for (int i = 0; i < nkw; i++) {
        int t = push(u);
        compile_expr_to(u, e->v.Call.keywords[i]->value, t);
        pop_to(u, t + 1);
        names[i] = e->v.Call.keywords[i]->arg;
    }
    int k = const_name_tuple(u, names, nkw);
    if (names != stack_names)
        free(names);
    return k + 1;
}

static void compile_call(unit *u, kr_ast_expr *e, int dst)
{
    int mark = u->top;
    kr_ast_expr *func = e->v.Call.func;
    int nargs = e->v.Call.n_args + e->v.Call.n_keywords;
    if (nargs + 2 > 0xffff) {
        SYNERR(u->c, e, "too many arguments in call");
        return;
    }
    for (int i = 1; i < e->v.Call.n_keywords; i++) {
        kr_ast_keyword *kw = e->v.Call.keywords[i];
        for (int j = 0; kw->arg && j < i; j++) {
            const char *prev = e->v.Call.keywords[j]->arg;
            if (prev && strcmp(prev, kw->arg) == 0) {
                SYNERR(u->c, kw, "keyword argument repeated: %s", kw->arg);
                return;
            }
        }
    }
    /* the callee goes into dst itself when dst is the newest temporary */
    int a = (is_temp(u, dst) && dst == u->top - 1) ? dst : push(u);
    if (call_needs_ex(e)) {
        compile_expr_to(u, func, a);
        compile_call_args_ex(u, e, a);
    } else if (func->kind == KR_AST_EXPR_ATTRIBUTE) {
        pop_to(u, a + 1);
        push(u); /* a+1: self or KR_NULL */
        int obj = compile_expr_any(u, func->v.Attribute.value);
        u->loc = attr_loc(LOC_OF(func), func);
        emit(u, KR_OP_LOAD_METHOD, 0, a, obj, name_index(u, func->v.Attribute.attr));
        pop_to(u, a + 2);
        int kw = compile_plain_args(u, e);
        u->loc = attr_loc(LOC_OF(e), func);
        emit(u, KR_OP_CALL_METHOD, 0, a, nargs, kw);
    } else {
        compile_expr_to(u, func, a);
        pop_to(u, a + 1);
        int kw = compile_plain_args(u, e);
        u->loc = LOC_OF(e);
        emit(u, KR_OP_CALL, 0, a, nargs, kw);
    }
    if (a != dst)
        emit(u, KR_OP_MOVE, 0, dst, a, 0);
    pop_to(u, mark);
}

/* Evaluates a Slice node into three consecutive slots at base (or two when no step). Returns count. */
static int compile_slice_parts(unit *u, kr_ast_expr *sl, int base)
{
    kr_ast_expr *parts[3] = {sl->v.Slice.lower, sl->v.Slice.upper, sl->v.Slice.step};
    int n = sl->v.Slice.step ? 3 : 2;
    for (int i = 0; i < n; i++) {
        if (parts[i])
            compile_expr_to(u, parts[i], base + i);
        else
            emit(u, KR_OP_LOAD_NONE, 0, base + i, 0, 0);
        pop_to(u, base + n);
    }
    return n;
}

static int compile_subscript_key(unit *u, kr_ast_expr *key)
{
    if (key->kind == KR_AST_EXPR_SLICE) {
        int t = push(u);
        int base = push_n(u, 3);
        int n = compile_slice_parts(u, key, base);
        u->loc = LOC_OF(key);
        emit(u, KR_OP_BUILD_SLICE, 0, t, base, n);
        pop_to(u, t + 1);
        return t;
    }
    return compile_expr_any(u, key);
}

static void compile_fstring(unit *u, kr_ast_expr *e, int dst);

static void compile_formatted_value(unit *u, kr_ast_expr *e, int dst)
{
    int mark = u->top;
    int v = compile_expr_any(u, e->v.FormattedValue.value);
    int spec = 0;
    unsigned x = 0;
    switch (e->v.FormattedValue.conversion) {
    case 's': x = 1; break;
    case 'r': x = 2; break;
    case 'a': x = 3; break;
    default: x = 0; break;
    }
    if (e->v.FormattedValue.format_spec) {
        spec = push(u);
        compile_expr_to(u, e->v.FormattedValue.format_spec, spec);
        x |= KR_FMT_HAS_SPEC;
    }
    u->loc = LOC_OF(e);
    emit(u, KR_OP_FORMAT_VALUE, x, dst, v, spec);
    pop_to(u, mark);
}

static void compile_fstring(unit *u, kr_ast_expr *e, int dst)
{
    int n = e->v.JoinedStr.n_values;
    if (n == 0) {
        emit_bx(u, KR_OP_LOAD_CONST, 0, dst, (uint32_t)const_str(u, "", 0));
        return;
    }
    if (n == 1 && e->v.JoinedStr.values[0]->kind == KR_AST_EXPR_FORMATTEDVALUE) {
        compile_formatted_value(u, e->v.JoinedStr.values[0], dst);
        return;
    }
    int mark = u->top;
    int base = u->top;
    for (int i = 0; i < n; i++) {
        int t = push(u);
        compile_expr_to(u, e->v.JoinedStr.values[i], t);
        pop_to(u, t + 1);
    }
    u->loc = LOC_OF(e);
    emit(u, KR_OP_BUILD_STRING, 0, dst, base, n);
    pop_to(u, mark);
}

static void compile_dict(unit *u, kr_ast_expr *e, int dst)
{
    int mark = u->top;
    int n = e->v.Dict.n_keys;
    int i = 0;
    int base = u->top;
    while (i < n && e->v.Dict.keys[i]) {
        int k = push(u);
        compile_expr_to(u, e->v.Dict.keys[i], k);
        pop_to(u, k + 1);
        int v = push(u);
        compile_expr_to(u, e->v.Dict.values[i], v);
        pop_to(u, v + 1);
        i++;
    }
    u->loc = LOC_OF(e);
    emit(u, KR_OP_BUILD_MAP, 0, dst, base, i);
    pop_to(u, mark);
    for (; i < n; i++) {
        if (e->v.Dict.keys[i]) {
            int k = compile_expr_any(u, e->v.Dict.keys[i]);
            int v = compile_expr_any(u, e->v.Dict.values[i]);
            emit(u, KR_OP_MAP_ADD, 0, dst, k, v);
        } else {
            int v = compile_expr_any(u, e->v.Dict.values[i]);
            u->loc = LOC_OF(e);
            emit(u, KR_OP_DICT_UPDATE, 0, dst, v, 0);
        }
        pop_to(u, mark);
    }
}

/* Closure tuple for a nested scope's code into slot dst (returns false if it has no free vars). */
static bool build_closure(unit *u, kr_scope *child, kr_value code, int dst)
{
    kr_code *co = kr_code_of(code);
    int n = (int)co->nfreevars;
    if (n == 0)
        return false;
    int mark = u->top;
    int base = push_n(u, n);
    for (int i = 0; i < n; i++) {
        kr_value nm = kr_tuple_items(co->freevars)[i];
        const char *name = kr_str_data(nm);
        int slot = -1;
        if (u->class_body && strcmp(name, "__class__") == 0 && u->class_cell_slot >= 0) {
            slot = u->class_cell_slot;
        } else {
            kr_symbol *sym = lookup_sym(u, name);
            if (sym && sym->cell_slot >= 0)
                slot = sym->cell_slot;
        }
        if (slot < 0) {
            /* The symtable guarantees every free name of a child is a cell or free here. */
            syntax_error_at(u->c, child->lineno, child->col_offset, child->lineno, child->col_offset,
                            "internal compiler error: no cell for free variable '%s'", name);
            return false;
        }
        emit(u, KR_OP_MOVE, 0, base + i, slot, 0);
    }
    emit(u, KR_OP_BUILD_TUPLE, 0, dst, base, n);
    pop_to(u, mark);
    return true;
}

/* Defaults and kw defaults (when `defaults`) and annotations (when `annotations`) of a def/lambda
 * into consecutive slots from *next (== top); returns the MAKE_FUNCTION flags they need. `next` is
 * advanced past the slots used. */
static unsigned compile_fn_extras(unit *u, kr_ast_arguments *args, kr_ast_expr *returns, bool annotations,
                                  bool defaults, int *next)
{
    unsigned flags = 0;
    if (defaults && args->n_defaults > 0) {
        int t = (*next)++;
        push(u);
        int mark = u->top;
        int base = u->top;
        bool allconst = true;
        for (int i = 0; i < args->n_defaults; i++)
            if (!is_const_expr(args->defaults[i]))
                allconst = false;
        if (allconst) {
            kr_value tup = kr_tuple_new(u->c->vm, args->n_defaults);
            if (!tup) {
                exc_pending(u->c);
                return 0;
            }
            int idx = add_const_keyed(u, tup, NULL, 0);
            for (int i = 0; i < args->n_defaults && !u->c->failed; i++) {
                int ci = const_index_of(u, args->defaults[i]);
                if (!u->c->failed)
                    kr_tuple_items(tup)[i] = u->consts[ci];
            }
            emit_bx(u, KR_OP_LOAD_CONST, 0, t, (uint32_t)idx);
        } else {
            for (int i = 0; i < args->n_defaults; i++) {
                int s = push(u);
                compile_expr_to(u, args->defaults[i], s);
                pop_to(u, s + 1);
            }
            emit(u, KR_OP_BUILD_TUPLE, 0, t, base, args->n_defaults);
        }
        pop_to(u, mark);
        flags |= KR_MKFN_DEFAULTS;
    }
    int nkwd = 0;
    for (int i = 0; defaults && i < args->n_kwonlyargs; i++)
        if (args->kw_defaults[i])
            nkwd++;
    if (nkwd > 0) {
        int t = (*next)++;
        push(u);
        int mark = u->top;
        int base = u->top;
        for (int i = 0; i < args->n_kwonlyargs; i++) {
            if (!args->kw_defaults[i])
                continue;
            int k = push(u);
            emit_bx(u, KR_OP_LOAD_CONST, 0, k, (uint32_t)const_cstr(u, args->kwonlyargs[i]->arg));
            int v = push(u);
            compile_expr_to(u, args->kw_defaults[i], v);
            pop_to(u, v + 1);
        }
        emit(u, KR_OP_BUILD_MAP, 0, t, base, nkwd);
        pop_to(u, mark);
        flags |= KR_MKFN_KWDEFAULTS;
    }
    if (annotations) {
        int nann = 0;
        kr_ast_arg **lists[3] = {args->posonlyargs, args->args, args->kwonlyargs};
        int counts[3] = {args->n_posonlyargs, args->n_args, args->n_kwonlyargs};
        for (int l = 0; l < 3; l++)
            for (int i = 0; i < counts[l]; i++)
                if (lists[l][i]->annotation)
                    nann++;
        if (args->vararg && args->vararg->annotation)
            nann++;
        if (args->kwarg && args->kwarg->annotation)
            nann++;
        if (returns)
            nann++;
        if (nann > 0) {
            int t = (*next)++;
            push(u);
            int mark = u->top;
            int base = u->top;
            kr_ast_arg **order = malloc(sizeof(kr_ast_arg *) * (size_t)(counts[0] + counts[1] + counts[2] + 2));
            if (!order) {
                oom(u->c);
                return 0;
            }
            int no = 0;
            for (int l = 0; l < 3; l++) {
                if (l == 2 && args->vararg)
                    order[no++] = args->vararg;
                for (int i = 0; i < counts[l]; i++)
                    order[no++] = lists[l][i];
            }
            if (args->kwarg)
                order[no++] = args->kwarg;
            int pairs = 0;
            for (int i = 0; i < no; i++) {
                if (!order[i]->annotation)
                    continue;
                int k = push(u);
                emit_bx(u, KR_OP_LOAD_CONST, 0, k, (uint32_t)const_cstr(u, order[i]->arg));
                int v = push(u);
                compile_expr_to(u, order[i]->annotation, v);
                pop_to(u, v + 1);
                pairs++;
            }
            if (returns) {
                int k = push(u);
                emit_bx(u, KR_OP_LOAD_CONST, 0, k, (uint32_t)const_cstr(u, "return"));
                int v = push(u);
                compile_expr_to(u, returns, v);
                pop_to(u, v + 1);
                pairs++;
            }
            free(order);
            emit(u, KR_OP_BUILD_MAP, 0, t, base, pairs);
            pop_to(u, mark);
            flags |= KR_MKFN_ANNOTATIONS;
        }
    }
    return flags;
}

/* MAKE_FUNCTION for a nested scope into dst (a temporary at top-1 or anything); extras evaluated in
 * the current scope first. */
static void compile_make_function(unit *u, kr_scope *child, const void *node, kr_ast_arguments *args,
                                  kr_ast_expr *returns, bool is_def, int dst)
{
    int mark = u->top;
    int a = push(u);
    int next = a + 1;
    unsigned flags = 0;
    if (args)
        flags = compile_fn_extras(u, args, returns, is_def, true, &next);
    if (u->c->failed)
        return;
    kr_value code = compile_scope_code(u->c, child, node);
    if (!code)
        return;
    int ci = add_const_keyed(u, code, NULL, 0);
    int cl = next;
    push_n(u, 1);
    if (build_closure(u, child, code, cl))
        flags |= KR_MKFN_CLOSURE;
    emit_bx(u, KR_OP_MAKE_FUNCTION, flags, a, (uint32_t)ci);
    if (dst != a)
        emit(u, KR_OP_MOVE, 0, dst, a, 0);
    pop_to(u, mark);
}

static void compile_comprehension_call(unit *u, kr_ast_expr *e, kr_ast_comprehension **gens, int dst)
{
    kr_scope *child = kr_symtable_lookup(u->c->st, e);
    if (!child) {
        SYNERR(u->c, e, "internal compiler error: comprehension without scope");
        return;
    }
    int mark = u->top;
    int a = push(u);       /* function, then result */
    int it = push_n(u, 3); /* GET_ITER state: the iterator argument at a+1 */
    int iterable = compile_expr_any(u, gens[0]->iter);
    /* the closure (if any) goes to a+1 before GET_ITER overwrites it */
    kr_value code = compile_scope_code(u->c, child, e);
    if (!code)
        return;
    int ci = add_const_keyed(u, code, NULL, 0);
    unsigned flags = 0;
    if (build_closure(u, child, code, it))
        flags |= KR_MKFN_CLOSURE;
    u->loc = LOC_OF(e);
    emit_bx(u, KR_OP_MAKE_FUNCTION, flags, a, (uint32_t)ci);
    u->loc = LOC_OF(gens[0]->iter);
    if (gens[0]->is_async) /* the comprehension's ".0" is the async iterator */
        emit(u, KR_OP_GET_AITER, 0, it, iterable, 0);
    else
        emit(u, KR_OP_GET_ITER, KR_ITER_PLAIN, it, iterable, 0);
    u->loc = LOC_OF(e);
    emit(u, KR_OP_CALL, 0, a, 1, 0);
    if (child->is_coroutine && !child->is_genexp) /* an async comprehension is a coroutine: awaited */
        emit_await(u, a, a, 0);
    if (dst != a)
        emit(u, KR_OP_MOVE, 0, dst, a, 0);
    pop_to(u, mark);
}

/* Expression kinds whose only write to their destination is their last instruction, after every
 * operand was read: these may target a local variable's slot directly. */
static bool single_write(const kr_ast_expr *e)
{
    switch (e->kind) {
    case KR_AST_EXPR_CONSTANT:
    case KR_AST_EXPR_NAME:
    case KR_AST_EXPR_BINOP:
    case KR_AST_EXPR_ATTRIBUTE:
    case KR_AST_EXPR_SUBSCRIPT:
    case KR_AST_EXPR_JOINEDSTR:
        return true;
    case KR_AST_EXPR_UNARYOP:
        return e->v.UnaryOp.op != KR_AST_NOT;
    case KR_AST_EXPR_COMPARE:
        return e->v.Compare.n_comparators == 1;
    case KR_AST_EXPR_LIST:
        return !has_starred(e->v.List.elts, e->v.List.n_elts);
    case KR_AST_EXPR_TUPLE:
        return !has_starred(e->v.Tuple.elts, e->v.Tuple.n_elts);
    case KR_AST_EXPR_DICT:
        for (int i = 0; i < e->v.Dict.n_keys; i++)
            if (!e->v.Dict.keys[i])
                return false;
        return true;
    default:
        return false;
    }
}

/* Evaluates e into a slot and returns it: a local read in place, or a new temporary. */
static int compile_expr_any(unit *u, kr_ast_expr *e)
{
    if (e->kind == KR_AST_EXPR_NAME && e->v.Name.ctx == KR_AST_LOAD) {
        kr_code_loc saved = u->loc;
        u->loc = LOC_OF(e);
        int s = local_slot_for_read(u, e->v.Name.id);
        u->loc = saved;
        if (s >= 0)
            return s;
    }
    int t = push(u);
    compile_expr_to(u, e, t);
    pop_to(u, t + 1);
    return t;
}

static void compile_expr_inner(unit *u, kr_ast_expr *e, int dst);

/* Evaluates e into dst. dst is a temporary below top, or a local slot when single_write(e). */
/* A constant whose hash does not depend on the hash seed (numbers, None, booleans and tuples of them):
 * the table layout of a set of such keys is the same in every process. */
static bool stable_hash_const(kr_vm *vm, kr_value v)
{
    if (kr_is_small(v) || v == KR_NONE || v == KR_TRUE || v == KR_FALSE || v == KR_ELLIPSIS)
        return true;
    kr_type *t = kr_type_of(vm, v);
    if (t == vm->t.int_ || t == vm->t.float_ || t == vm->t.complex_)
        return true;
    if (t != vm->t.tuple)
        return false;
    for (int64_t i = 0; i < kr_tuple_size(v); i++)
        if (!stable_hash_const(vm, kr_tuple_items(v)[i]))
            return false;
    return true;
}

/* A set display of three or more constants with seed-independent hashes, as CPython builds it: its
 * compiler folds the constants into a frozenset, rebuilt once from its own iteration order by the merging
 * of constants, and the display is an empty set updated from that frozenset (BUILD_SET 0, SET_UPDATE). The
 * same two steps here give the same table layout, so the set iterates and prints in CPython's order (the
 * frozen modules' precompiled code keeps that layout: vm/marshal.c). False when an element is not such a
 * constant (strings' order depends on the hash seed anyway). */
static bool compile_const_set(unit *u, kr_ast_expr *e, int dst)
{
    int n = e->v.Set.n_elts;
    for (int i = 0; i < n; i++)
        if (!is_const_expr(e->v.Set.elts[i]))
            return false;
    kr_vm *vm = u->c->vm;
    kr_value items = kr_tuple_new(vm, n);
    if (!items) {
        exc_pending(u->c);
        return true;
    }
    for (int i = 0; i < n; i++) {
        int ci = const_index_of(u, e->v.Set.elts[i]); /* may grow u->consts */
        if (u->c->failed)
            return true;
        if (!stable_hash_const(vm, u->consts[ci]))
            return false;
        kr_tuple_items(items)[i] = u->consts[ci];
    }
    /* no safepoint in the compiler: these temporaries need no rooting */
    kr_value folded = kr_set_from_iterable(vm, vm->t.frozenset, items);
    kr_value order = folded ? kr_sequence_tuple(vm, folded) : KR_NULL;
    kr_value merged = order ? kr_set_from_iterable(vm, vm->t.frozenset, order) : KR_NULL;
    if (!merged) {
        exc_pending(u->c);
        return true;
    }
    int t = push(u);
    emit_bx(u, KR_OP_LOAD_CONST, 0, t, (uint32_t)add_const_keyed(u, merged, NULL, 0));
    u->loc = LOC_OF(e);
    emit(u, KR_OP_BUILD_SET, 0, dst, t, 0);
    emit(u, KR_OP_SET_UPDATE, 0, dst, t, 0);
    pop_to(u, t);
    return true;
}

static void compile_expr_to(unit *u, kr_ast_expr *e, int dst)
{
    if (u->c->failed)
        return;
    kr_code_loc saved = u->loc;
    u->loc = LOC_OF(e);
    compile_expr_inner(u, e, dst);
    u->loc = saved;
}

static void compile_expr_inner(unit *u, kr_ast_expr *e, int dst)
{
    int mark = u->top;
    switch (e->kind) {
    case KR_AST_EXPR_BOOLOP: {
        int end = new_label(u);
        int n = e->v.BoolOp.n_values;
        for (int i = 0; i < n; i++) {
            compile_expr_to(u, e->v.BoolOp.values[i], dst);
            if (i < n - 1)
                emit_jump(u, e->v.BoolOp.op == KR_AST_AND ? KR_OP_JUMP_IF_FALSE : KR_OP_JUMP_IF_TRUE, dst, end);
        }
        bind_label(u, end);
        break;
    }
    case KR_AST_EXPR_NAMEDEXPR: {
        int t = is_temp(u, dst) ? dst : push(u);
        compile_expr_to(u, e->v.NamedExpr.value, t);
        store_target(u, e->v.NamedExpr.target, t);
        if (t != dst)
            emit(u, KR_OP_MOVE, 0, dst, t, 0);
        break;
    }
    case KR_AST_EXPR_BINOP: {
        int l = compile_expr_any(u, e->v.BinOp.left);
        int r = compile_expr_any(u, e->v.BinOp.right);
        u->loc = LOC_OF(e);
        emit(u, KR_OP_BINARY_OP, (unsigned)binop_of(e->v.BinOp.op), dst, l, r);
        break;
    }
    case KR_AST_EXPR_UNARYOP: {
        kr_ast_expr *o = e->v.UnaryOp.operand;
        if (e->v.UnaryOp.op == KR_AST_USUB && o->kind == KR_AST_EXPR_CONSTANT &&
            (o->v.Constant.kind == KR_AST_CONST_INT || o->v.Constant.kind == KR_AST_CONST_FLOAT)) {
            int ci = const_index_of_constant(u, o, true);
            if (u->c->failed)
                break;
            kr_value v = u->consts[ci];
            if (kr_is_small(v) && kr_small_val(v) >= INT32_MIN && kr_small_val(v) <= INT32_MAX)
                load_int(u, dst, (int32_t)kr_small_val(v));
            else
                emit_bx(u, KR_OP_LOAD_CONST, 0, dst, (uint32_t)ci);
            break;
        }
        int v = compile_expr_any(u, o);
        u->loc = LOC_OF(e);
        switch (e->v.UnaryOp.op) {
        case KR_AST_NOT: emit(u, KR_OP_UNARY_NOT, 0, dst, v, 0); break;
        case KR_AST_INVERT: emit(u, KR_OP_UNARY_OP, KR_UNARY_INVERT, dst, v, 0); break;
        case KR_AST_UADD: emit(u, KR_OP_UNARY_OP, KR_UNARY_POS, dst, v, 0); break;
        case KR_AST_USUB: emit(u, KR_OP_UNARY_OP, KR_UNARY_NEG, dst, v, 0); break;
        }
        break;
    }
    case KR_AST_EXPR_LAMBDA: {
        kr_scope *child = kr_symtable_lookup(u->c->st, e);
        if (!child) {
            SYNERR(u->c, e, "internal compiler error: lambda without scope");
            break;
        }
        compile_make_function(u, child, e, e->v.Lambda.args, NULL, false, dst);
        break;
    }
    case KR_AST_EXPR_IFEXP: {
        int orelse = new_label(u), end = new_label(u);
        compile_jump_if(u, e->v.IfExp.test, false, orelse);
        compile_expr_to(u, e->v.IfExp.body, dst);
        emit_jump(u, KR_OP_JUMP, 0, end);
        bind_label(u, orelse);
        compile_expr_to(u, e->v.IfExp.orelse, dst);
        bind_label(u, end);
        break;
    }
    case KR_AST_EXPR_DICT:
        compile_dict(u, e, dst);
        break;
    case KR_AST_EXPR_SET:
        if (has_starred(e->v.Set.elts, e->v.Set.n_elts)) {
            build_list_with_stars(u, e->v.Set.elts, e->v.Set.n_elts, dst, true, -1);
        } else if (e->v.Set.n_elts > 2 && compile_const_set(u, e, dst)) {
            /* done */
        } else {
            int base = u->top;
            for (int i = 0; i < e->v.Set.n_elts; i++) {
                int t = push(u);
                compile_expr_to(u, e->v.Set.elts[i], t);
                pop_to(u, t + 1);
            }
            u->loc = LOC_OF(e);
            emit(u, KR_OP_BUILD_SET, 0, dst, base, e->v.Set.n_elts);
        }
        break;
    case KR_AST_EXPR_LIST:
    case KR_AST_EXPR_TUPLE: {
        bool tuple = e->kind == KR_AST_EXPR_TUPLE;
        kr_ast_expr **elts = tuple ? e->v.Tuple.elts : e->v.List.elts;
        int n = tuple ? e->v.Tuple.n_elts : e->v.List.n_elts;
        if (tuple && n > 0 && is_const_expr(e)) {
            emit_bx(u, KR_OP_LOAD_CONST, 0, dst, (uint32_t)const_index_of(u, e));
            break;
        }
        if (has_starred(elts, n)) {
            int t = is_temp(u, dst) ? dst : push(u);
            build_list_with_stars(u, elts, n, t, false, -1);
            if (tuple)
                emit(u, KR_OP_LIST_TO_TUPLE, 0, dst, t, 0);
            else if (t != dst)
                emit(u, KR_OP_MOVE, 0, dst, t, 0);
            break;
        }
        int base = u->top;
        for (int i = 0; i < n; i++) {
            int t = push(u);
            compile_expr_to(u, elts[i], t);
            pop_to(u, t + 1);
        }
        u->loc = LOC_OF(e);
        emit(u, tuple ? KR_OP_BUILD_TUPLE : KR_OP_BUILD_LIST, 0, dst, base, n);
        break;
    }
    case KR_AST_EXPR_LISTCOMP:
        compile_comprehension_call(u, e, e->v.ListComp.generators, dst);
        break;
    case KR_AST_EXPR_SETCOMP:
        compile_comprehension_call(u, e, e->v.SetComp.generators, dst);
        break;
    case KR_AST_EXPR_DICTCOMP:
        compile_comprehension_call(u, e, e->v.DictComp.generators, dst);
        break;
    case KR_AST_EXPR_GENERATOREXP:
        compile_comprehension_call(u, e, e->v.GeneratorExp.generators, dst);
        break;
    case KR_AST_EXPR_YIELD: {
        int v;
        if (e->v.Yield.value) {
            v = compile_expr_any(u, e->v.Yield.value);
        } else {
            v = push(u);
            emit(u, KR_OP_LOAD_NONE, 0, v, 0, 0);
        }
        u->loc = LOC_OF(e);
        emit_yield(u, dst, v);
        break;
    }
    case KR_AST_EXPR_AWAIT: {
        int v = compile_expr_any(u, e->v.Await.value);
        u->loc = LOC_OF(e);
        emit_await(u, v, dst, 0);
        break;
    }
    case KR_AST_EXPR_YIELDFROM: {
        int v = compile_expr_any(u, e->v.YieldFrom.value);
        int it = push(u);
        int snd = push(u);
        u->loc = LOC_OF(e);
        emit(u, KR_OP_GET_YIELD_FROM_ITER, 0, it, v, 0);
        emit(u, KR_OP_LOAD_NONE, 0, snd, 0, 0);
        emit(u, KR_OP_YIELD_FROM, 0, snd, it, dst);
        break;
    }
    case KR_AST_EXPR_COMPARE:
        if (e->v.Compare.n_comparators > 1 && !is_temp(u, dst)) {
            int t = push(u);
            compile_compare(u, e, t);
            emit(u, KR_OP_MOVE, 0, dst, t, 0);
        } else {
            compile_compare(u, e, dst);
        }
        break;
    case KR_AST_EXPR_CALL:
        compile_call(u, e, dst);
        break;
    case KR_AST_EXPR_FORMATTEDVALUE:
        compile_formatted_value(u, e, dst);
        break;
    case KR_AST_EXPR_JOINEDSTR:
        compile_fstring(u, e, dst);
        break;
    case KR_AST_EXPR_CONSTANT:
        load_const_to(u, e, dst);
        break;
    case KR_AST_EXPR_ATTRIBUTE: {
        int obj = compile_expr_any(u, e->v.Attribute.value);
        u->loc = attr_loc(LOC_OF(e), e);
        emit(u, KR_OP_LOAD_ATTR, 0, dst, obj, name_index(u, e->v.Attribute.attr));
        break;
    }
    case KR_AST_EXPR_SUBSCRIPT: {
        int obj = compile_expr_any(u, e->v.Subscript.value);
        int key = compile_subscript_key(u, e->v.Subscript.slice);
        u->loc = LOC_OF(e);
        emit(u, KR_OP_GET_ITEM, 0, dst, obj, key);
        break;
    }
    case KR_AST_EXPR_STARRED:
        SYNERR(u->c, e, "can't use starred expression here");
        break;
    case KR_AST_EXPR_NAME:
        load_name_to(u, e->v.Name.id, dst);
        break;
    case KR_AST_EXPR_SLICE: {
        int base = push_n(u, 3);
        int n = compile_slice_parts(u, e, base);
        u->loc = LOC_OF(e);
        emit(u, KR_OP_BUILD_SLICE, 0, dst, base, n);
        break;
    }
    }
    pop_to(u, mark);
}

/* Conditional jump on the truth of e: jumps to label when bool(e) == cond. */
static void compile_jump_if(unit *u, kr_ast_expr *e, bool cond, int label)
{
    if (u->c->failed)
        return;
    kr_code_loc saved = u->loc;
    u->loc = LOC_OF(e);
    int mark = u->top;
    switch (e->kind) {
    case KR_AST_EXPR_UNARYOP:
        if (e->v.UnaryOp.op == KR_AST_NOT) {
            compile_jump_if(u, e->v.UnaryOp.operand, !cond, label);
            goto done;
        }
        break;
    case KR_AST_EXPR_BOOLOP: {
        bool is_and = e->v.BoolOp.op == KR_AST_AND;
        int n = e->v.BoolOp.n_values;
        /* `a and b` jumps when false as soon as one is false; jumps when true only if all are */
        if (is_and != cond) {
            for (int i = 0; i < n; i++)
                compile_jump_if(u, e->v.BoolOp.values[i], cond, label);
        } else {
            int skip = new_label(u);
            for (int i = 0; i < n - 1; i++)
                compile_jump_if(u, e->v.BoolOp.values[i], !cond, skip);
            compile_jump_if(u, e->v.BoolOp.values[n - 1], cond, label);
            bind_label(u, skip);
        }
        goto done;
    }
    case KR_AST_EXPR_CONSTANT: {
        int truth = -1;
        switch (e->v.Constant.kind) {
        case KR_AST_CONST_NONE:
        case KR_AST_CONST_FALSE: truth = 0; break;
        case KR_AST_CONST_TRUE:
        case KR_AST_CONST_ELLIPSIS: truth = 1; break;
        default: break;
        }
        if (truth >= 0) {
            if ((truth == 1) == cond)
                emit_jump(u, KR_OP_JUMP, 0, label);
            goto done;
        }
        break;
    }
    case KR_AST_EXPR_NAME:
        if (strcmp(e->v.Name.id, "__debug__") == 0 && e->v.Name.ctx == KR_AST_LOAD) {
            if (cond)
                emit_jump(u, KR_OP_JUMP, 0, label);
            goto done;
        }
        break;
    case KR_AST_EXPR_COMPARE:
        if (e->v.Compare.n_comparators == 1) {
            kr_ast_cmpop op = e->v.Compare.ops[0];
            kr_ast_expr *rhs = e->v.Compare.comparators[0];
            /* x is None / x is not None */
            if ((op == KR_AST_IS || op == KR_AST_ISNOT) && rhs->kind == KR_AST_EXPR_CONSTANT &&
                rhs->v.Constant.kind == KR_AST_CONST_NONE) {
                int v = compile_expr_any(u, e->v.Compare.left);
                u->loc = LOC_OF(e);
                bool jump_if_none = (op == KR_AST_IS) == cond;
                emit_jump(u, jump_if_none ? KR_OP_JUMP_IF_NONE : KR_OP_JUMP_IF_NOT_NONE, v, label);
                goto done;
            }
        }
        break;
    default:
        break;
    }
    {
        int v = compile_expr_any(u, e);
        u->loc = LOC_OF(e);
        emit_jump(u, cond ? KR_OP_JUMP_IF_TRUE : KR_OP_JUMP_IF_FALSE, v, label);
    }
done:
    pop_to(u, mark);
    u->loc = saved;
}

/* ------------------------------------------------------------------------------------------------
 * Assignment targets
 */
static void store_unpack(unit *u, kr_ast_expr *t, kr_ast_expr **elts, int n, int src)
{
    int star = -1;
    for (int i = 0; i < n; i++) {
        if (elts[i]->kind == KR_AST_EXPR_STARRED) {
            if (star >= 0) {
                SYNERR(u->c, t, "multiple starred expressions in assignment");
                return;
            }
            star = i;
        }
    }
    int mark = u->top;
    int base = push_n(u, n);
    u->loc = LOC_OF(t);
    if (star < 0) {
        emit(u, KR_OP_UNPACK_SEQUENCE, 0, src, base, n);
    } else {
        int before = star, after = n - star - 1;
        if (before > 255 || after > 255) {
            SYNERR(u->c, t, "too many expressions in star-unpacking assignment");
            return;
        }
        emit(u, KR_OP_UNPACK_EX, 0, src, base, before | (after << 8));
    }
    for (int i = 0; i < n; i++) {
        kr_ast_expr *el = elts[i];
        store_target(u, el->kind == KR_AST_EXPR_STARRED ? el->v.Starred.value : el, base + i);
    }
    pop_to(u, mark);
}

static void store_target(unit *u, kr_ast_expr *t, int src)
{
    if (u->c->failed)
        return;
    kr_code_loc saved = u->loc;
    u->loc = LOC_OF(t);
    int mark = u->top;
    switch (t->kind) {
    case KR_AST_EXPR_NAME:
        store_name_from(u, t->v.Name.id, src);
        break;
    case KR_AST_EXPR_ATTRIBUTE: {
        note_static_attribute(u, t);
        int obj = compile_expr_any(u, t->v.Attribute.value);
        u->loc = attr_loc(LOC_OF(t), t);
        emit(u, KR_OP_STORE_ATTR, 0, obj, name_index(u, t->v.Attribute.attr), src);
        break;
    }
    case KR_AST_EXPR_SUBSCRIPT: {
        int obj = compile_expr_any(u, t->v.Subscript.value);
        int key = compile_subscript_key(u, t->v.Subscript.slice);
        u->loc = LOC_OF(t);
        emit(u, KR_OP_SET_ITEM, 0, obj, key, src);
        break;
    }
    case KR_AST_EXPR_TUPLE:
        store_unpack(u, t, t->v.Tuple.elts, t->v.Tuple.n_elts, src);
        break;
    case KR_AST_EXPR_LIST:
        store_unpack(u, t, t->v.List.elts, t->v.List.n_elts, src);
        break;
    case KR_AST_EXPR_STARRED:
        SYNERR(u->c, t, "starred assignment target must be in a list or tuple");
        break;
    default:
        SYNERR(u->c, t, "cannot assign to expression");
        break;
    }
    pop_to(u, mark);
    u->loc = saved;
}

/* x = value for one target, evaluating value straight into a local's slot when that is safe. */
static void assign_single(unit *u, kr_ast_expr *target, kr_ast_expr *value)
{
    if (target->kind == KR_AST_EXPR_NAME && single_write(value)) {
        int slot = local_slot_for_store(u, target->v.Name.id);
        if (slot >= 0) {
            compile_expr_to(u, value, slot);
            mark_assigned(u, slot);
            return;
        }
    }
    if (target->kind == KR_AST_EXPR_STARRED) {
        SYNERR(u->c, target, "starred assignment target must be in a list or tuple");
        return;
    }
    int mark = u->top;
    int v = compile_expr_any(u, value);
    store_target(u, target, v);
    pop_to(u, mark);
}

static void compile_delete(unit *u, kr_ast_expr *t)
{
    kr_code_loc saved = u->loc;
    u->loc = LOC_OF(t);
    int mark = u->top;
    switch (t->kind) {
    case KR_AST_EXPR_NAME:
        delete_name(u, t->v.Name.id);
        break;
    case KR_AST_EXPR_ATTRIBUTE: {
        int obj = compile_expr_any(u, t->v.Attribute.value);
        u->loc = attr_loc(LOC_OF(t), t);
        emit(u, KR_OP_DELETE_ATTR, 0, obj, name_index(u, t->v.Attribute.attr), 0);
        break;
    }
    case KR_AST_EXPR_SUBSCRIPT: {
        int obj = compile_expr_any(u, t->v.Subscript.value);
        int key = compile_subscript_key(u, t->v.Subscript.slice);
        u->loc = LOC_OF(t);
        emit(u, KR_OP_DELETE_ITEM, 0, obj, key, 0);
        break;
    }
    case KR_AST_EXPR_TUPLE:
        for (int i = 0; i < t->v.Tuple.n_elts; i++)
            compile_delete(u, t->v.Tuple.elts[i]);
        break;
    case KR_AST_EXPR_LIST:
        for (int i = 0; i < t->v.List.n_elts; i++)
            compile_delete(u, t->v.List.elts[i]);
        break;
    default:
        SYNERR(u->c, t, "cannot delete expression");
        break;
    }
    pop_to(u, mark);
    u->loc = saved;
}

/* ------------------------------------------------------------------------------------------------
 * Statements
 */
static void compile_augassign(unit *u, kr_ast_stmt *s)
{
    kr_ast_expr *t = s->v.AugAssign.target;
    unsigned op = (unsigned)binop_of(s->v.AugAssign.op) | KR_BINOP_INPLACE;
    int mark = u->top;
    switch (t->kind) {
    case KR_AST_EXPR_NAME: {
        int slot = -1;
        if (!u->scope->has_namedexpr) {
            u->loc = LOC_OF(t);
            slot = local_slot_for_read(u, t->v.Name.id);
        }
        if (slot >= 0) {
            int r = compile_expr_any(u, s->v.AugAssign.value);
            u->loc = LOC_OF(s);
            emit(u, KR_OP_BINARY_OP, op, slot, slot, r);
        } else {
            int v = push(u);
            u->loc = LOC_OF(t);
            load_name_to(u, t->v.Name.id, v);
            int r = compile_expr_any(u, s->v.AugAssign.value);
            u->loc = LOC_OF(s);
            emit(u, KR_OP_BINARY_OP, op, v, v, r);
            u->loc = LOC_OF(t);
            store_name_from(u, t->v.Name.id, v);
        }
        break;
    }
    case KR_AST_EXPR_ATTRIBUTE: { /* (not a __static_attributes__ store, as in CPython) */
        int obj = compile_expr_any(u, t->v.Attribute.value);
        int v = push(u);
        int name = name_index(u, t->v.Attribute.attr);
        u->loc = attr_loc(LOC_OF(t), t);
        emit(u, KR_OP_LOAD_ATTR, 0, v, obj, name);
        int r = compile_expr_any(u, s->v.AugAssign.value);
        u->loc = LOC_OF(s);
        emit(u, KR_OP_BINARY_OP, op, v, v, r);
        u->loc = attr_loc(LOC_OF(t), t);
        emit(u, KR_OP_STORE_ATTR, 0, obj, name, v);
        break;
    }
    case KR_AST_EXPR_SUBSCRIPT: {
        int obj = compile_expr_any(u, t->v.Subscript.value);
        int key = compile_subscript_key(u, t->v.Subscript.slice);
        /* the container and key are evaluated once; copy locals so the value cannot move them */
        int v = push(u);
        u->loc = LOC_OF(t);
        emit(u, KR_OP_GET_ITEM, 0, v, obj, key);
        int r = compile_expr_any(u, s->v.AugAssign.value);
        u->loc = LOC_OF(s);
        emit(u, KR_OP_BINARY_OP, op, v, v, r);
        u->loc = LOC_OF(t);
        emit(u, KR_OP_SET_ITEM, 0, obj, key, v);
        break;
    }
    default:
        SYNERR(u->c, t, "'%s' is an illegal expression for augmented assignment", kr_ast_expr_kind_name(t->kind));
        break;
    }
    pop_to(u, mark);
}

static bool stmt_is_docstring(const kr_ast_stmt *s)
{
    return s->kind == KR_AST_STMT_EXPR && s->v.Expr.value->kind == KR_AST_EXPR_CONSTANT &&
           s->v.Expr.value->v.Constant.kind == KR_AST_CONST_STR;
}

static void compile_return(unit *u, kr_ast_stmt *s)
{
    if (!u->fast || u->class_body) {
        SYNERR(u->c, s, "'return' outside function");
        return;
    }
    if (s->v.Return.value && u->scope->is_coroutine && u->scope->is_generator) {
        SYNERR(u->c, s, "'return' with value in async generator");
        return;
    }
    if (leaves_except_star(u, 0, s, s->v.Return.value))
        return;
    int mark = u->top;
    kr_ast_expr *v = s->v.Return.value;
    bool cleanups = false;
    for (int i = 0; i < u->nfb; i++)
        if (u->fb[i].kind != FB_LOOP && u->fb[i].kind != FB_TRY_EXCEPT)
            cleanups = true;
    int slot = -1;
    int ci = -1;
    if (!v) {
        ci = const_none(u);
    } else if (v->kind == KR_AST_EXPR_CONSTANT) {
        ci = const_index_of(u, v);
    } else if (cleanups) {
        slot = push(u);
        compile_expr_to(u, v, slot);
    } else {
        slot = compile_expr_any(u, v);
    }
    for (int i = u->nfb - 1; i >= 0; i--)
        unwind_block(u, i, true);
    u->loc = LOC_OF(s);
    if (slot >= 0)
        emit(u, KR_OP_RETURN, 0, slot, 0, 0);
    else
        emit_bx(u, KR_OP_RETURN_CONST, 0, 0, (uint32_t)ci);
    reopen_from(u, 0);
    pop_to(u, mark);
    u->dead = true;
}

static void compile_break_continue(unit *u, kr_ast_stmt *s, bool is_break)
{
    int loop = -1;
    for (int i = u->nfb - 1; i >= 0; i--)
        if (u->fb[i].kind == FB_LOOP) {
            loop = i;
            break;
        }
    if (loop < 0) {
        if (is_break)
            SYNERR(u->c, s, "'break' outside loop");
        else
            SYNERR(u->c, s, "'continue' not properly in loop");
        return;
    }
    if (leaves_except_star(u, loop + 1, s, NULL))
        return;
    for (int i = u->nfb - 1; i > loop; i--)
        unwind_block(u, i, false);
    u->loc = LOC_OF(s);
    if (is_break)
        emit_jump(u, KR_OP_JUMP, 0, u->fb[loop].break_label);
    else
        emit_jump_back(u, u->fb[loop].continue_label);
    reopen_from(u, loop + 1);
    u->dead = true;
}

static void compile_if(unit *u, kr_ast_stmt *s)
{
    int orelse = new_label(u), end = new_label(u);
    u->loc = LOC_OF(s->v.If.test);
    compile_jump_if(u, s->v.If.test, false, orelse);
    astate s0 = state_save(u);
    compile_stmts(u, s->v.If.body, s->v.If.n_body);
    astate s1 = state_save(u);
    if (s->v.If.n_orelse)
        emit_jump(u, KR_OP_JUMP, 0, end);
    bind_label(u, orelse);
    state_restore(u, &s0);
    compile_stmts(u, s->v.If.orelse, s->v.If.n_orelse);
    bind_label(u, end);
    /* join: a local is bound after the if when it is bound at the end of every live arm */
    if (!u->c->failed && u->nlocals) {
        if (s1.dead && !u->dead) {
            /* keep the else arm's state */
        } else if (u->dead && !s1.dead) {
            state_restore(u, &s1);
        } else {
            for (int i = 0; i < u->nlocals; i++)
                u->assigned[i] = u->assigned[i] && s1.bits[i];
        }
    }
    u->dead = s1.dead && u->dead;
    state_free(&s0);
    state_free(&s1);
}

static void compile_while(unit *u, kr_ast_stmt *s)
{
    int head = new_label(u), exit = new_label(u), end = new_label(u);
    forget_deleted(u, &s, 1);
    astate s0 = state_save(u);
    bind_label(u, head);
    u->loc = LOC_OF(s->v.While.test);
    compile_jump_if(u, s->v.While.test, false, exit);
    fblock *fb = fb_push(u, FB_LOOP, s);
    if (!fb)
        return;
    fb->break_label = end;
    fb->continue_label = head;
    compile_stmts(u, s->v.While.body, s->v.While.n_body);
    u->loc = LOC_OF(s);
    emit_jump_back(u, head);
    fb_pop(u);
    bind_label(u, exit);
    state_restore(u, &s0);
    compile_stmts(u, s->v.While.orelse, s->v.While.n_orelse);
    bind_label(u, end);
    state_restore(u, &s0);
    state_free(&s0);
}

static void compile_for(unit *u, kr_ast_stmt *s)
{
    int mark = u->top;
    int head = new_label(u), exit = new_label(u), end = new_label(u);
    int it = push_n(u, 3);
    int iterable = compile_expr_any(u, s->v.For.iter);
    u->loc = LOC_OF(s->v.For.iter);
    emit(u, KR_OP_GET_ITER, 0, it, iterable, 0);
    pop_to(u, it + 3);
    forget_deleted(u, &s, 1);
    astate s0 = state_save(u);
    kr_ast_expr *target = s->v.For.target;
    int tslot = -1;
    if (target->kind == KR_AST_EXPR_NAME)
        tslot = local_slot_for_store(u, target->v.Name.id);
    int item = tslot >= 0 ? tslot : push(u);
    bind_label(u, head);
    u->loc = LOC_OF(s->v.For.iter);
    uint32_t pc = emit(u, KR_OP_FOR_ITER, 0, it, item, 0);
    if (!u->c->failed)
        add_fixup(u, pc + 1, exit, true);
    if (tslot >= 0)
        mark_assigned(u, tslot);
    else
        store_target(u, target, item);
    fblock *fb = fb_push(u, FB_LOOP, s);
    if (!fb)
        return;
    fb->break_label = end;
    fb->continue_label = head;
    compile_stmts(u, s->v.For.body, s->v.For.n_body);
    u->loc = LOC_OF(s);
    emit_jump_back(u, head);
    fb_pop(u);
    bind_label(u, exit);
    state_restore(u, &s0);
    compile_stmts(u, s->v.For.orelse, s->v.For.n_orelse);
    bind_label(u, end);
    state_restore(u, &s0);
    state_free(&s0);
    pop_to(u, mark);
}

/* One step of an async for over the async iterator s[it]: s[item] = await it.__anext__(), the
 * StopAsyncIteration that ends the loop going to label done with the exception in slot x (where the
 * caller emits END_ASYNC_FOR x). Only the step is covered: exceptions of the body propagate. */
static void emit_async_step(unit *u, const kr_ast_stmt *where, int it, int item, int done, int x)
{
    fblock *fb = fb_push(u, FB_TRY_EXCEPT, where);
    if (!fb)
        return;
    range_open(u, fb, done, x);
    int a = push(u);
    emit(u, KR_OP_GET_ANEXT, 0, a, it, 0);
    emit_await_iter(u, a, item);
    pop_to(u, a);
    fb_pop(u);
}

/* async for: as compile_for, with GET_AITER and an awaited __anext__() per item (emit_async_step)
 * in place of GET_ITER/FOR_ITER; the loop ends at the END_ASYNC_FOR handler. */
static void compile_async_for(unit *u, kr_ast_stmt *s)
{
    int mark = u->top;
    int head = new_label(u), done = new_label(u), end = new_label(u);
    int it = push(u), x = push(u);
    int iterable = compile_expr_any(u, s->v.For.iter);
    u->loc = LOC_OF(s->v.For.iter);
    emit(u, KR_OP_GET_AITER, 0, it, iterable, 0);
    pop_to(u, x + 1);
    forget_deleted(u, &s, 1);
    astate s0 = state_save(u);
    kr_ast_expr *target = s->v.For.target;
    int tslot = -1;
    if (target->kind == KR_AST_EXPR_NAME)
        tslot = local_slot_for_store(u, target->v.Name.id);
    int item = tslot >= 0 ? tslot : push(u);
    bind_label(u, head);
    u->loc = LOC_OF(s->v.For.iter);
    emit_async_step(u, s, it, item, done, x);
    if (tslot >= 0)
        mark_assigned(u, tslot);
    else
        store_target(u, target, item);
    fblock *fb = fb_push(u, FB_LOOP, s);
    if (!fb)
        return;
    fb->break_label = end;
    fb->continue_label = head;
    compile_stmts(u, s->v.For.body, s->v.For.n_body);
    u->loc = LOC_OF(s);
    emit_jump_back(u, head);
    fb_pop(u);
    bind_label(u, done);
    state_restore(u, &s0);
    u->loc = LOC_OF(s->v.For.iter);
    emit(u, KR_OP_END_ASYNC_FOR, 0, x, 0, 0);
    compile_stmts(u, s->v.For.orelse, s->v.For.n_orelse);
    bind_label(u, end);
    state_restore(u, &s0);
    state_free(&s0);
    pop_to(u, mark);
}

/* What try/except and try/except* share: the body as a range whose exceptions go to `handler` (the
 * exception in the slot returned, -1 on error), the else body and a jump to `end`; then `handler` is
 * bound with the state the try started with, saved in *s0 (the caller frees it). */
static int compile_try_body(unit *u, kr_ast_stmt *s, int handler, int end, astate *s0)
{
    int x = push(u);
    forget_deleted(u, &s, 1);
    *s0 = state_save(u);
    fblock *fb = fb_push(u, FB_TRY_EXCEPT, s);
    if (!fb)
        return -1;
    range_open(u, fb, handler, x);
    compile_stmts(u, s->v.Try.body, s->v.Try.n_body);
    fb_pop(u);
    compile_stmts(u, s->v.Try.orelse, s->v.Try.n_orelse);
    u->loc = LOC_OF(s);
    emit_jump(u, KR_OP_JUMP, 0, end);
    bind_label(u, handler);
    state_restore(u, s0);
    return x;
}

/* try/except*[/else] (PEP 654; the finally part is handled by compile_try):
 *
 *         <body>                          ; range -> H, exception in X
 *         <else body>; JUMP END
 *     H:  PUSH_EXC_INFO S X               ; range -> CLEANUP, exception in X2, until DONE
 *         MOVE REST X; BUILD_LIST RAISED
 *         for each clause:
 *           CHECK_EG_MATCH M REST <type>  ; M = the matching part or None; REST = what is left
 *           JUMP_IF_NONE M NEXT
 *           PUSH_EXC_INFO S2 M            ; the clause handles M (sys.exception())
 *           [name = M]; <clause body>     ; range -> HX, exception in X3
 *           [clear name]; POP_EXCEPT S2; JUMP NEXT
 *     HX:   [clear name]; POP_EXCEPT S2; LIST_APPEND RAISED X3
 *     NEXT:
 *         LIST_APPEND RAISED REST
 *         PREP_RERAISE_STAR R X RAISED    ; None, or the one exception / group to raise
 *         JUMP_IF_NONE R DONE
 *         RERAISE R                       ; via CLEANUP: POP_EXCEPT S, RERAISE X2
 *   DONE: POP_EXCEPT S; JUMP END
 *
 * Every clause runs at most once and an exception raised in one does not stop the next. */
static void compile_try_star(unit *u, kr_ast_stmt *s)
{
    int mark = u->top;
    int handler = new_label(u), end = new_label(u), cleanup = new_label(u), done = new_label(u);
    astate s0;
    int x = compile_try_body(u, s, handler, end, &s0);
    if (x < 0)
        return;
    int saved = push(u), x2 = push(u), rest = push(u), raised = push(u), match = push(u), saved2 = push(u),
        x3 = push(u);
    u->loc = LOC_OF(s->v.Try.handlers[0]);
    emit(u, KR_OP_PUSH_EXC_INFO, 0, saved, x, 0);
    fblock *fb = fb_push(u, FB_HANDLER, s);
    if (!fb)
        return;
    fb->slot = saved;
    range_open(u, fb, cleanup, x2);
    emit(u, KR_OP_MOVE, 0, rest, x, 0);
    emit(u, KR_OP_BUILD_LIST, 0, raised, 0, 0);
    for (int i = 0; i < s->v.Try.n_handlers && !u->c->failed; i++) {
        kr_ast_excepthandler *h = s->v.Try.handlers[i];
        int next = new_label(u), hx = new_label(u);
        state_restore(u, &s0);
        int hm = u->top;
        int ty = compile_expr_any(u, h->type);
        u->loc = LOC_OF(h->type);
        emit(u, KR_OP_CHECK_EG_MATCH, 0, match, rest, ty);
        pop_to(u, hm);
        emit_jump(u, KR_OP_JUMP_IF_NONE, match, next);
        u->loc = LOC_OF(h);
        emit(u, KR_OP_PUSH_EXC_INFO, 0, saved2, match, 0);
        fblock *cb = fb_push(u, FB_EXCEPT_STAR, s);
        if (!cb)
            return;
        range_open(u, cb, hx, x3);
        if (h->name)
            store_name_from(u, h->name, match);
        compile_stmts(u, h->body, h->n_body);
        fb_pop(u);
        u->loc = LOC_OF(h);
        if (h->name)
            clear_name(u, h->name);
        emit(u, KR_OP_POP_EXCEPT, 0, saved2, 0, 0);
        emit_jump(u, KR_OP_JUMP, 0, next);
        bind_label(u, hx);
        if (h->name)
            clear_name(u, h->name);
        emit(u, KR_OP_POP_EXCEPT, 0, saved2, 0, 0);
        emit(u, KR_OP_LIST_APPEND, 0, raised, x3, 0);
        bind_label(u, next);
    }
    state_restore(u, &s0);
    u->loc = LOC_OF(s->v.Try.handlers[s->v.Try.n_handlers - 1]);
    emit(u, KR_OP_LIST_APPEND, 0, raised, rest, 0);
    emit(u, KR_OP_PREP_RERAISE_STAR, 0, match, x, raised);
    emit_jump(u, KR_OP_JUMP_IF_NONE, match, done);
    emit(u, KR_OP_RERAISE, 0, match, 0, 0);
    fb_pop(u);
    bind_label(u, cleanup);
    emit(u, KR_OP_POP_EXCEPT, 0, saved, 0, 0);
    emit(u, KR_OP_RERAISE, 0, x2, 0, 0);
    bind_label(u, done);
    emit(u, KR_OP_POP_EXCEPT, 0, saved, 0, 0);
    emit_jump(u, KR_OP_JUMP, 0, end);
    bind_label(u, end);
    state_restore(u, &s0);
    state_free(&s0);
    pop_to(u, mark);
}

/* try/except[/else] (the finally part is handled by compile_try) */
static void compile_try_except(unit *u, kr_ast_stmt *s)
{
    if (s->kind == KR_AST_STMT_TRYSTAR) {
        compile_try_star(u, s);
        return;
    }
    int mark = u->top;
    int handler = new_label(u), end = new_label(u), cleanup = new_label(u);
    astate s0;
    int x = compile_try_body(u, s, handler, end, &s0);
    if (x < 0)
        return;
    /* handlers */
    int saved = push(u), x2 = push(u), t = push(u);
    enum { MAX_NAMED_HANDLERS = 64 };
    int named_labels[MAX_NAMED_HANDLERS];
    const char *named_names[MAX_NAMED_HANDLERS];
    int nnamed = 0;
    kr_ast_excepthandler *h0 = s->v.Try.handlers[0];
    u->loc = LOC_OF(h0);
    emit(u, KR_OP_PUSH_EXC_INFO, 0, saved, x, 0);
    fblock *fb = fb_push(u, FB_HANDLER, s);
    if (!fb)
        return;
    fb->slot = saved;
    range_open(u, fb, cleanup, x2);
    for (int i = 0; i < s->v.Try.n_handlers && !u->c->failed; i++) {
        kr_ast_excepthandler *h = s->v.Try.handlers[i];
        int next = new_label(u);
        state_restore(u, &s0);
        u->loc = LOC_OF(h);
        if (h->type) {
            int hm = u->top;
            int ty = compile_expr_any(u, h->type);
            u->loc = LOC_OF(h->type);
            emit(u, KR_OP_CHECK_EXC_MATCH, 0, t, x, ty);
            emit_jump(u, KR_OP_JUMP_IF_FALSE, t, next);
            pop_to(u, hm);
        } else if (i != s->v.Try.n_handlers - 1) {
            SYNERR(u->c, h, "default 'except:' must be last");
            return;
        }
        if (h->name) {
            int hcleanup = new_label(u);
            u->loc = LOC_OF(h);
            store_name_from(u, h->name, x);
            fblock *nb = fb_push(u, FB_HANDLER_NAME, s);
            if (!nb)
                return;
            nb->name = h->name;
            range_open(u, nb, hcleanup, x2);
            compile_stmts(u, h->body, h->n_body);
            fb_pop(u);
            u->loc = LOC_OF(h);
            clear_name(u, h->name);
            emit(u, KR_OP_POP_EXCEPT, 0, saved, 0, 0);
            emit_jump(u, KR_OP_JUMP, 0, end);
            if (nnamed < MAX_NAMED_HANDLERS) {
                named_labels[nnamed] = hcleanup;
                named_names[nnamed++] = h->name;
            } else {
                SYNERR(u->c, h, "too many named except clauses in one try statement");
            }
        } else {
            compile_stmts(u, h->body, h->n_body);
            u->loc = LOC_OF(h);
            emit(u, KR_OP_POP_EXCEPT, 0, saved, 0, 0);
            emit_jump(u, KR_OP_JUMP, 0, end);
        }
        bind_label(u, next);
    }
    u->loc = LOC_OF(s->v.Try.handlers[s->v.Try.n_handlers - 1]);
    emit(u, KR_OP_RERAISE, 0, x, 0, 0);
    fb_pop(u);
    bind_label(u, cleanup);
    emit(u, KR_OP_POP_EXCEPT, 0, saved, 0, 0);
    emit(u, KR_OP_RERAISE, 0, x2, 0, 0);
    /* an exception inside a named handler: clear the name, then what the common cleanup does
     * (outside the handlers' range, so it goes straight to the enclosing handlers) */
    for (int i = 0; i < nnamed; i++) {
        bind_label(u, named_labels[i]);
        clear_name(u, named_names[i]);
        emit(u, KR_OP_POP_EXCEPT, 0, saved, 0, 0);
        emit(u, KR_OP_RERAISE, 0, x2, 0, 0);
    }
    bind_label(u, end);
    state_restore(u, &s0);
    state_free(&s0);
    pop_to(u, mark);
}

static void compile_try(unit *u, kr_ast_stmt *s)
{
    if (s->v.Try.n_finalbody == 0) {
        compile_try_except(u, s);
        return;
    }
    int mark = u->top;
    int handler = new_label(u), end = new_label(u), cleanup = new_label(u);
    int x = push(u);
    forget_deleted(u, &s, 1);
    astate s0 = state_save(u);
    fblock *fb = fb_push(u, FB_FINALLY_TRY, s);
    if (!fb)
        return;
    fb->stmt = s;
    range_open(u, fb, handler, x);
    if (s->v.Try.n_handlers)
        compile_try_except(u, s);
    else
        compile_stmts(u, s->v.Try.body, s->v.Try.n_body);
    fb_pop(u);
    /* normal path: the final body inline */
    state_restore(u, &s0);
    compile_stmts(u, s->v.Try.finalbody, s->v.Try.n_finalbody);
    u->loc = LOC_OF(s);
    emit_jump(u, KR_OP_JUMP, 0, end);

    /* exception path */
    bind_label(u, handler);
    state_restore(u, &s0);
    int saved = push(u), x2 = push(u);
    emit(u, KR_OP_PUSH_EXC_INFO, 0, saved, x, 0);
    fb = fb_push(u, FB_FINALLY_END, s);
    if (!fb)
        return;
    fb->slot = saved;
    range_open(u, fb, cleanup, x2);
    compile_stmts(u, s->v.Try.finalbody, s->v.Try.n_finalbody);
    fb_pop(u);
    u->loc = LOC_OF(s);
    emit(u, KR_OP_POP_EXCEPT, 0, saved, 0, 0);
    emit(u, KR_OP_RERAISE, 0, x, 0, 0);
    bind_label(u, cleanup);
    emit(u, KR_OP_POP_EXCEPT, 0, saved, 0, 0);
    emit(u, KR_OP_RERAISE, 0, x2, 0, 0);
    bind_label(u, end);
    state_restore(u, &s0);
    state_free(&s0);
    pop_to(u, mark);
}

static void compile_with_items(unit *u, kr_ast_stmt *s, int item)
{
    if (item == s->v.With.n_items) {
        compile_stmts(u, s->v.With.body, s->v.With.n_body);
        return;
    }
    kr_ast_withitem *wi = s->v.With.items[item];
    int mark = u->top;
    int handler = new_label(u), end = new_label(u), cleanup = new_label(u), suppress = new_label(u);
    bool is_async = s->kind == KR_AST_STMT_ASYNCWITH;
    int a = push_n(u, 2); /* __exit__, __enter__() result */
    int mgr = compile_expr_any(u, wi->context_expr);
    u->loc = LOC_OF(wi->context_expr);
    if (is_async) {
        /* s[a] = __aexit__, s[a+1] = await __aenter__() */
        emit(u, KR_OP_BEFORE_ASYNC_WITH, 0, a, mgr, 0);
        pop_to(u, a + 2);
        emit_await_iter(u, a + 1, a + 1);
    } else {
        emit(u, KR_OP_BEFORE_WITH, 0, a, mgr, 0);
    }
    pop_to(u, a + 2);
    int x = push(u);
    forget_deleted(u, &s, 1);
    astate s0 = state_save(u);
    fblock *fb = fb_push(u, FB_WITH, s);
    if (!fb)
        return;
    fb->slot = a;
    fb->is_async = is_async;
    range_open(u, fb, handler, x);
    if (wi->optional_vars)
        store_target(u, wi->optional_vars, a + 1);
    compile_with_items(u, s, item + 1);
    fb_pop(u);
    /* normal exit */
    int t = push(u);
    u->loc = LOC_OF(wi->context_expr);
    emit(u, KR_OP_WITH_EXIT, 0, t, a, 0);
    if (is_async)
        emit_await(u, t, t, 2);
    emit_jump(u, KR_OP_JUMP, 0, end);
    pop_to(u, t);

    /* exceptional exit */
    bind_label(u, handler);
    state_restore(u, &s0);
    int saved = push(u), x2 = push(u);
    t = push(u);
    emit(u, KR_OP_PUSH_EXC_INFO, 0, saved, x, 0);
    fb = fb_push(u, FB_WITH_EXIT, s);
    if (!fb)
        return;
    fb->slot = saved;
    range_open(u, fb, cleanup, x2);
    emit(u, KR_OP_WITH_EXCEPT, 0, t, a, x);
    if (is_async)
        emit_await(u, t, t, 2);
    emit_jump(u, KR_OP_JUMP_IF_TRUE, t, suppress);
    emit(u, KR_OP_RERAISE, 0, x, 0, 0);
    fb_pop(u);
    bind_label(u, cleanup);
    emit(u, KR_OP_POP_EXCEPT, 0, saved, 0, 0);
    emit(u, KR_OP_RERAISE, 0, x2, 0, 0);
    bind_label(u, suppress);
    emit(u, KR_OP_POP_EXCEPT, 0, saved, 0, 0);
    bind_label(u, end);
    state_restore(u, &s0);
    state_free(&s0);
    pop_to(u, mark);
}

static void compile_raise(unit *u, kr_ast_stmt *s)
{
    int mark = u->top;
    if (!s->v.Raise.exc) {
        u->loc = LOC_OF(s);
        emit(u, KR_OP_RAISE, 0, 0, 0, 0);
    } else {
        int e = compile_expr_any(u, s->v.Raise.exc);
        int c = 0;
        if (s->v.Raise.cause)
            c = compile_expr_any(u, s->v.Raise.cause);
        u->loc = LOC_OF(s);
        emit(u, KR_OP_RAISE, s->v.Raise.cause ? 2 : 1, e, c, 0);
    }
    pop_to(u, mark);
    u->dead = true;
}

static void compile_assert(unit *u, kr_ast_stmt *s)
{
    int ok = new_label(u);
    int mark = u->top;
    compile_jump_if(u, s->v.Assert.test, true, ok);
    u->loc = LOC_OF(s);
    if (s->v.Assert.msg) {
        int m = compile_expr_any(u, s->v.Assert.msg);
        /* CPython raises at the test's location */
        u->loc = LOC_OF(s->v.Assert.test);
        emit(u, KR_OP_ASSERT_FAIL, 1, m, 0, 0);
    } else {
        u->loc = LOC_OF(s->v.Assert.test);
        emit(u, KR_OP_ASSERT_FAIL, 0, 0, 0, 0);
    }
    bind_label(u, ok);
    pop_to(u, mark);
}

static void compile_import(unit *u, kr_ast_stmt *s)
{
    int mark = u->top;
    for (int i = 0; i < s->v.Import.n_names; i++) {
        kr_ast_alias *a = s->v.Import.names[i];
        u->loc = LOC_OF(s); /* CPython: the whole statement */
        int t = push(u);
        emit(u, KR_OP_IMPORT_NAME, 0, t, name_index(u, a->name), const_none(u));
        if (a->asname) {
            /* import a.b.c as d: d is the submodule a.b.c */
            const char *p = strchr(a->name, '.');
            while (p) {
                const char *q = strchr(p + 1, '.');
                size_t len = q ? (size_t)(q - p - 1) : strlen(p + 1);
                char *comp = malloc(len + 1);
                if (!comp) {
                    oom(u->c);
                    return;
                }
                memcpy(comp, p + 1, len);
                comp[len] = 0;
                /* names[] keeps pointers: use the interned copy's bytes (kept alive by the VM) */
                kr_value in = kr_intern(u->c->vm, comp);
                free(comp);
                if (!in) {
                    exc_pending(u->c);
                    return;
                }
                emit(u, KR_OP_IMPORT_FROM, 0, t, t, name_index(u, kr_str_data(in)));
                p = q;
            }
            store_name_from(u, a->asname, t);
        } else {
            const char *dot = strchr(a->name, '.');
            if (dot) {
                size_t len = (size_t)(dot - a->name);
                char *first = malloc(len + 1);
                if (!first) {
                    oom(u->c);
                    return;
                }
                memcpy(first, a->name, len);
                first[len] = 0;
                kr_value in = kr_intern(u->c->vm, first);
                free(first);
                if (!in) {
                    exc_pending(u->c);
                    return;
                }
                store_name_from(u, kr_str_data(in), t);
            } else {
                store_name_from(u, a->name, t);
            }
        }
        pop_to(u, mark);
    }
}

static void compile_import_from(unit *u, kr_ast_stmt *s)
{
    int mark = u->top;
    int n = s->v.ImportFrom.n_names;
    const char *stack_names[16];
    const char **names = n <= 16 ? stack_names : malloc(sizeof(char *) * (size_t)n);
    if (!names) {
        oom(u->c);
        return;
    }
    for (int i = 0; i < n; i++)
        names[i] = s->v.ImportFrom.names[i]->name;
    int fromlist = const_name_tuple(u, names, n);
    if (names != stack_names)
        free(names);
    int t = push(u);
    u->loc = LOC_OF(s);
    const char *mod = s->v.ImportFrom.module ? s->v.ImportFrom.module : "";
    if (s->v.ImportFrom.level > 255) {
        SYNERR(u->c, s, "too many dots in relative import");
        return;
    }
    emit(u, KR_OP_IMPORT_NAME, (unsigned)s->v.ImportFrom.level, t, name_index(u, mod), fromlist);
    if (n == 1 && strcmp(s->v.ImportFrom.names[0]->name, "*") == 0) {
        if (u->fast) {
            SYNERR(u->c, s->v.ImportFrom.names[0], "import * only allowed at module level");
            return;
        }
        emit(u, KR_OP_IMPORT_STAR, 0, t, 0, 0);
        pop_to(u, mark);
        return;
    }
    int v = push(u);
    for (int i = 0; i < n; i++) {
        kr_ast_alias *a = s->v.ImportFrom.names[i];
        emit(u, KR_OP_IMPORT_FROM, 0, v, t, name_index(u, a->name));
        store_name_from(u, a->asname ? a->asname : a->name, v);
    }
    pop_to(u, mark);
}

static void compile_annassign(unit *u, kr_ast_stmt *s)
{
    kr_ast_expr *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value)
        assign_single(u, t, s->v.AnnAssign.value);
    if (u->fast && !u->class_body)
        return; /* annotations of locals are not evaluated */
    int mark = u->top;
    if (t->kind == KR_AST_EXPR_NAME && s->v.AnnAssign.simple) {
        int ann = push(u);
        compile_expr_to(u, s->v.AnnAssign.annotation, ann);
        int d = push(u), k = push(u);
        u->loc = LOC_OF(s);
        emit_bx(u, KR_OP_LOAD_NAME, 0, d, (uint32_t)name_index(u, "__annotations__"));
        emit_bx(u, KR_OP_LOAD_CONST, 0, k, (uint32_t)const_cstr(u, t->v.Name.id));
        emit(u, KR_OP_SET_ITEM, 0, d, k, ann);
    } else {
        if (!s->v.AnnAssign.value) {
            /* the target's object/key are still evaluated (CPython) */
            if (t->kind == KR_AST_EXPR_ATTRIBUTE)
                compile_expr_any(u, t->v.Attribute.value);
            else if (t->kind == KR_AST_EXPR_SUBSCRIPT) {
                compile_expr_any(u, t->v.Subscript.value);
                compile_subscript_key(u, t->v.Subscript.slice);
            }
        }
        compile_expr_any(u, s->v.AnnAssign.annotation);
    }
    pop_to(u, mark);
}

/* ---- match ---- */
typedef struct capture {
    const char *name;
    int slot;
} capture;

typedef struct pstate {
    capture *caps;
    int n, cap;
} pstate;

static void pattern_capture(unit *u, pstate *ps, const char *name, int subj, const kr_ast_pattern *p)
{
    for (int i = 0; i < ps->n; i++)
        if (strcmp(ps->caps[i].name, name) == 0) {
            SYNERR(u->c, p, "multiple assignments to name '%s' in pattern", name);
            return;
        }
    capture *c = grow(u->c, ps->caps, &ps->cap, ps->n + 1, sizeof *c);
    if (!c)
        return;
    ps->caps = c;
    int t = push(u);
    emit(u, KR_OP_MOVE, 0, t, subj, 0);
    ps->caps[ps->n++] = (capture){name, t};
}

static void compile_pattern(unit *u, kr_ast_pattern *p, int subj, int fail, pstate *ps);

static void compile_pattern_sequence(unit *u, kr_ast_pattern *p, int subj, int fail, pstate *ps)
{
    int n = p->v.MatchSequence.n_patterns;
    kr_ast_pattern **pats = p->v.MatchSequence.patterns;
    int star = -1;
    for (int i = 0; i < n; i++)
        if (pats[i]->kind == KR_AST_PAT_MATCHSTAR) {
            if (star >= 0) {
                SYNERR(u->c, pats[i], "multiple starred names in sequence pattern");
                return;
            }
            star = i;
        }
    int t = push(u);
    emit(u, KR_OP_MATCH_SEQUENCE, 0, t, subj, 0);
    emit_jump(u, KR_OP_JUMP_IF_FALSE, t, fail);
    int len = push(u), k = push(u);
    emit(u, KR_OP_GET_LEN, 0, len, subj, 0);
    load_int(u, k, star < 0 ? n : n - 1);
    emit(u, KR_OP_COMPARE_OP, star < 0 ? KR_CMP_EQ : KR_CMP_GE, t, len, k);
    emit_jump(u, KR_OP_JUMP_IF_FALSE, t, fail);
    /* star only with wildcards around it and no name: nothing to unpack */
    bool trivial = true;
    for (int i = 0; i < n; i++) {
        kr_ast_pattern *q = pats[i];
        if (q->kind == KR_AST_PAT_MATCHSTAR ? q->v.MatchStar.name != NULL
                                            : !(q->kind == KR_AST_PAT_MATCHAS && !q->v.MatchAs.pattern && !q->v.MatchAs.name))
            trivial = false;
    }
    if (trivial)
        return;
    int base = push_n(u, n);
    if (star < 0)
        emit(u, KR_OP_UNPACK_SEQUENCE, 0, subj, base, n);
    else {
        int before = star, after = n - star - 1;
        if (before > 255 || after > 255) {
            SYNERR(u->c, p, "too many sub-patterns in sequence pattern");
            return;
        }
        emit(u, KR_OP_UNPACK_EX, 0, subj, base, before | (after << 8));
    }
    for (int i = 0; i < n; i++) {
        kr_ast_pattern *q = pats[i];
        if (q->kind == KR_AST_PAT_MATCHSTAR) {
            if (q->v.MatchStar.name)
                pattern_capture(u, ps, q->v.MatchStar.name, base + i, q);
        } else {
            compile_pattern(u, q, base + i, fail, ps);
        }
    }
}

static void compile_pattern_mapping(unit *u, kr_ast_pattern *p, int subj, int fail, pstate *ps)
{
    int n = p->v.MatchMapping.n_keys;
    int t = push(u);
    emit(u, KR_OP_MATCH_MAPPING, 0, t, subj, 0);
    emit_jump(u, KR_OP_JUMP_IF_FALSE, t, fail);
    if (n == 0 && !p->v.MatchMapping.rest)
        return;
    int keys = push(u);
    if (n > 0) {
        int len = push(u), k = push(u);
        emit(u, KR_OP_GET_LEN, 0, len, subj, 0);
        load_int(u, k, n);
        emit(u, KR_OP_COMPARE_OP, KR_CMP_GE, t, len, k);
        emit_jump(u, KR_OP_JUMP_IF_FALSE, t, fail);
    }
    int kbase = u->top;
    for (int i = 0; i < n; i++) {
        int s = push(u);
        compile_expr_to(u, p->v.MatchMapping.keys[i], s);
        pop_to(u, s + 1);
    }
    emit(u, KR_OP_BUILD_TUPLE, 0, keys, kbase, n);
    pop_to(u, kbase);
    if (n > 0) {
        int vals = push(u);
        emit(u, KR_OP_MATCH_KEYS, 0, vals, subj, keys);
        emit_jump(u, KR_OP_JUMP_IF_NONE, vals, fail);
        int base = push_n(u, n);
        emit(u, KR_OP_UNPACK_SEQUENCE, 0, vals, base, n);
        for (int i = 0; i < n; i++)
            compile_pattern(u, p->v.MatchMapping.patterns[i], base + i, fail, ps);
    }
    if (p->v.MatchMapping.rest) {
        int rest = push(u);
        emit(u, KR_OP_COPY_DICT_WITHOUT_KEYS, 0, rest, subj, keys);
        pattern_capture(u, ps, p->v.MatchMapping.rest, rest, p);
    }
}

static void compile_pattern_class(unit *u, kr_ast_pattern *p, int subj, int fail, pstate *ps)
{
    int npos = p->v.MatchClass.n_patterns, nkw = p->v.MatchClass.n_kwd_attrs;
    if (npos > 255) {
        SYNERR(u->c, p, "too many sub-patterns in class pattern");
        return;
    }
    int cls = push_n(u, 2);
    compile_expr_to(u, p->v.MatchClass.cls, cls);
    pop_to(u, cls + 2);
    emit_bx(u, KR_OP_LOAD_CONST, 0, cls + 1, (uint32_t)const_name_tuple(u, p->v.MatchClass.kwd_attrs, nkw));
    int r = push(u);
    u->loc = LOC_OF(p);
    emit(u, KR_OP_MATCH_CLASS, (unsigned)npos, r, subj, cls);
    emit_jump(u, KR_OP_JUMP_IF_NONE, r, fail);
    int n = npos + nkw;
    if (n == 0)
        return;
    int base = push_n(u, n);
    emit(u, KR_OP_UNPACK_SEQUENCE, 0, r, base, n);
    for (int i = 0; i < npos; i++)
        compile_pattern(u, p->v.MatchClass.patterns[i], base + i, fail, ps);
    for (int i = 0; i < nkw; i++)
        compile_pattern(u, p->v.MatchClass.kwd_patterns[i], base + npos + i, fail, ps);
}

static void compile_pattern_or(unit *u, kr_ast_pattern *p, int subj, int fail, pstate *ps)
{
    int n = p->v.MatchOr.n_patterns;
    int success = new_label(u);
    pstate first = {0};
    capture *shared = NULL;
    int nshared = 0;
    for (int i = 0; i < n && !u->c->failed; i++) {
        int next = i < n - 1 ? new_label(u) : fail;
        pstate alt = {0};
        compile_pattern(u, p->v.MatchOr.patterns[i], subj, next, &alt);
        if (i == 0) {
            first = alt;
            /* shared result slots for the alternatives' captures, in the first alternative's order */
            nshared = alt.n;
            shared = nshared ? malloc(sizeof *shared * (size_t)nshared) : NULL;
            if (nshared && !shared) {
                oom(u->c);
                free(alt.caps);
                return;
            }
            for (int k = 0; k < nshared; k++)
                shared[k] = alt.caps[k];
        } else {
            bool same = alt.n == nshared;
            for (int k = 0; k < alt.n && same; k++) {
                int found = -1;
                for (int j = 0; j < nshared; j++)
                    if (strcmp(shared[j].name, alt.caps[k].name) == 0)
                        found = j;
                if (found < 0)
                    same = false;
                else
                    emit(u, KR_OP_MOVE, 0, shared[found].slot, alt.caps[k].slot, 0);
            }
            free(alt.caps);
            if (!same) {
                SYNERR(u->c, p, "alternative patterns bind different names");
                free(shared);
                free(first.caps);
                return;
            }
        }
        if (i < n - 1) {
            emit_jump(u, KR_OP_JUMP, 0, success);
            bind_label(u, next);
        }
    }
    bind_label(u, success);
    for (int k = 0; k < nshared && !u->c->failed; k++) {
        capture *c = grow(u->c, ps->caps, &ps->cap, ps->n + 1, sizeof *c);
        if (!c)
            break;
        ps->caps = c;
        for (int j = 0; j < ps->n; j++)
            if (strcmp(ps->caps[j].name, shared[k].name) == 0)
                SYNERR(u->c, p, "multiple assignments to name '%s' in pattern", shared[k].name);
        ps->caps[ps->n++] = shared[k];
    }
    free(shared);
    free(first.caps);
}

static void compile_pattern(unit *u, kr_ast_pattern *p, int subj, int fail, pstate *ps)
{
    if (u->c->failed)
        return;
    kr_code_loc saved = u->loc;
    u->loc = LOC_OF(p);
    switch (p->kind) {
    case KR_AST_PAT_MATCHVALUE: {
        int v = compile_expr_any(u, p->v.MatchValue.value);
        int t = push(u);
        u->loc = LOC_OF(p);
        emit(u, KR_OP_COMPARE_OP, KR_CMP_EQ, t, subj, v);
        emit_jump(u, KR_OP_JUMP_IF_FALSE, t, fail);
        break;
    }
    case KR_AST_PAT_MATCHSINGLETON: {
        int v = push(u), t = push(u);
        switch (p->v.MatchSingleton.value.kind) {
        case KR_AST_CONST_TRUE: emit(u, KR_OP_LOAD_BOOL, 1, v, 0, 0); break;
        case KR_AST_CONST_FALSE: emit(u, KR_OP_LOAD_BOOL, 0, v, 0, 0); break;
        default: emit(u, KR_OP_LOAD_NONE, 0, v, 0, 0); break;
        }
        emit(u, KR_OP_IS_OP, 0, t, subj, v);
        emit_jump(u, KR_OP_JUMP_IF_FALSE, t, fail);
        break;
    }
    case KR_AST_PAT_MATCHSEQUENCE:
        compile_pattern_sequence(u, p, subj, fail, ps);
        break;
    case KR_AST_PAT_MATCHMAPPING:
        compile_pattern_mapping(u, p, subj, fail, ps);
        break;
    case KR_AST_PAT_MATCHCLASS:
        compile_pattern_class(u, p, subj, fail, ps);
        break;
    case KR_AST_PAT_MATCHSTAR:
        SYNERR(u->c, p, "can't use starred name here");
        break;
    case KR_AST_PAT_MATCHAS:
        if (p->v.MatchAs.pattern)
            compile_pattern(u, p->v.MatchAs.pattern, subj, fail, ps);
        if (p->v.MatchAs.name)
            pattern_capture(u, ps, p->v.MatchAs.name, subj, p);
        break;
    case KR_AST_PAT_MATCHOR:
        compile_pattern_or(u, p, subj, fail, ps);
        break;
    }
    u->loc = saved;
}

static bool pattern_irrefutable(const kr_ast_pattern *p)
{
    if (p->kind == KR_AST_PAT_MATCHAS)
        return !p->v.MatchAs.pattern || pattern_irrefutable(p->v.MatchAs.pattern);
    if (p->kind == KR_AST_PAT_MATCHOR) {
        for (int i = 0; i < p->v.MatchOr.n_patterns; i++)
            if (pattern_irrefutable(p->v.MatchOr.patterns[i]))
                return true;
    }
    return false;
}

static void compile_match(unit *u, kr_ast_stmt *s)
{
    int mark = u->top;
    int end = new_label(u);
    int subj = push(u);
    compile_expr_to(u, s->v.Match.subject, subj);
    forget_deleted(u, &s, 1);
    astate s0 = state_save(u);
    int n = s->v.Match.n_cases;
    for (int i = 0; i < n && !u->c->failed; i++) {
        kr_ast_match_case *mc = s->v.Match.cases[i];
        if (i < n - 1 && !mc->guard && pattern_irrefutable(mc->pattern)) {
            const kr_ast_pattern *p = mc->pattern;
            if (p->kind == KR_AST_PAT_MATCHAS && !p->v.MatchAs.pattern && p->v.MatchAs.name)
                SYNERR(u->c, p, "name capture '%s' makes remaining patterns unreachable", p->v.MatchAs.name);
            else
                SYNERR(u->c, p, "wildcard makes remaining patterns unreachable");
            break;
        }
        int cmark = u->top;
        int fail = new_label(u);
        state_restore(u, &s0);
        pstate ps = {0};
        compile_pattern(u, mc->pattern, subj, fail, &ps);
        for (int k = 0; k < ps.n; k++) {
            u->loc = LOC_OF(mc->pattern);
            store_name_from(u, ps.caps[k].name, ps.caps[k].slot);
        }
        free(ps.caps);
        if (mc->guard)
            compile_jump_if(u, mc->guard, false, fail);
        pop_to(u, cmark);
        compile_stmts(u, mc->body, mc->n_body);
        emit_jump(u, KR_OP_JUMP, 0, end);
        bind_label(u, fail);
        pop_to(u, cmark);
    }
    bind_label(u, end);
    state_restore(u, &s0);
    state_free(&s0);
    pop_to(u, mark);
}

/* ---- PEP 695: type parameters -------------------------------------------------------------------
 * A generic def/class/alias is made by a function of its annotation scope (symtable.h), called at
 * once: it creates the type parameters (through private helpers of the typing module, which owns
 * TypeVar & co.), evaluates what may refer to them and returns the function / class / alias. Bounds,
 * constraints, defaults and alias values are functions evaluated when first asked for. */

/* s[base] = typing.<fn>(s[base+1] .. s[base+nargs]) */
static void emit_typing_call(unit *u, const char *fn, int base, int nargs)
{
    emit(u, KR_OP_IMPORT_NAME, 0, base, name_index(u, "typing"), const_none(u));
    emit(u, KR_OP_LOAD_ATTR, 0, base, base, name_index(u, fn));
    emit(u, KR_OP_CALL, 0, base, nargs, 0);
}

/* dst = the function evaluating *field lazily, or None without one */
static void emit_lazy(unit *u, kr_ast_expr **field, int dst)
{
    if (!*field) {
        emit(u, KR_OP_LOAD_NONE, 0, dst, 0, 0);
        return;
    }
    if ((*field)->kind == KR_AST_EXPR_STARRED) /* as symtable.c's visit_lazy */
        field = &(*field)->v.Starred.value;
    kr_scope *sc = kr_symtable_lookup(u->c->st, field);
    if (!sc) {
        SYNERR(u->c, *field, "internal compiler error: lazy value without scope");
        return;
    }
    compile_make_function(u, sc, field, NULL, NULL, false, dst);
}

/* In an annotation scope: each type parameter into its variable, then dst = the tuple of them. */
static void emit_type_params(unit *u, kr_ast_type_param **tps, int n, int dst)
{
    for (int i = 0; i < n && !u->c->failed; i++) {
        kr_ast_type_param *tp = tps[i];
        int mark = u->top;
        int base = push_n(u, 6);
        u->loc = LOC_OF(tp);
        load_int(u, base + 1, (int32_t)tp->kind);
        emit_bx(u, KR_OP_LOAD_CONST, 0, base + 2, (uint32_t)const_cstr(u, tp->name));
        /* T: (A, B) gives constraints, T: A a bound */
        bool constraints = tp->bound && tp->bound->kind == KR_AST_EXPR_TUPLE;
        kr_ast_expr *none = NULL;
        emit_lazy(u, constraints ? &none : &tp->bound, base + 3);
        emit_lazy(u, constraints ? &tp->bound : &none, base + 4);
        emit_lazy(u, &tp->default_value, base + 5);
        u->loc = LOC_OF(tp);
        emit_typing_call(u, "_krait_type_param", base, 5);
        store_name_from(u, tp->name, base);
        pop_to(u, mark);
    }
    int mark = u->top;
    int base = push_n(u, n);
    for (int i = 0; i < n; i++)
        load_name_to(u, tps[i]->name, base + i);
    emit(u, KR_OP_BUILD_TUPLE, 0, dst, base, n);
    pop_to(u, mark);
}

/* dst = typing._krait_type_alias(name, <value>, type params (s[params] or ()), __name__) */
static void emit_type_alias(unit *u, kr_ast_stmt *s, int params, int dst)
{
    int mark = u->top;
    int base = push_n(u, 5);
    u->loc = LOC_OF(s);
    emit_bx(u, KR_OP_LOAD_CONST, 0, base + 1, (uint32_t)const_cstr(u, s->v.TypeAlias.name->v.Name.id));
    emit_lazy(u, &s->v.TypeAlias.value, base + 2);
    if (params >= 0)
        emit(u, KR_OP_MOVE, 0, base + 3, params, 0);
    else
        emit(u, KR_OP_BUILD_TUPLE, 0, base + 3, base + 3, 0);
    load_name_to(u, "__name__", base + 4);
    u->loc = LOC_OF(s);
    emit_typing_call(u, "_krait_type_alias", base, 4);
    emit(u, KR_OP_MOVE, 0, dst, base, 0);
    pop_to(u, mark);
}

static void compile_class_build(unit *u, kr_ast_stmt *s, int generic_params, int a);

/* The body of an annotation scope's function (node: the generic statement). */
static void compile_annotation_scope(unit *u, kr_scope *scope, kr_ast_stmt *s)
{
    int params = push(u);
    int a = push(u);
    switch (s->kind) {
    case KR_AST_STMT_FUNCTIONDEF:
    case KR_AST_STMT_ASYNCFUNCTIONDEF: {
        emit_type_params(u, s->v.FunctionDef.type_params, s->v.FunctionDef.n_type_params, params);
        kr_scope *child = kr_symtable_lookup(u->c->st, s);
        if (!child) {
            SYNERR(u->c, s, "internal compiler error: def without scope");
            return;
        }
        /* the defaults come in as parameters; the annotations are evaluated here */
        int next = a + 1;
        unsigned flags = 0;
        for (int i = 0; i < scope->n_params; i++) {
            if (strcmp(scope->params[i], ".classdict") == 0)
                continue;
            int t = next++;
            push(u);
            load_name_to(u, scope->params[i], t);
            flags |= strcmp(scope->params[i], ".defaults") == 0 ? KR_MKFN_DEFAULTS : KR_MKFN_KWDEFAULTS;
        }
        flags |= compile_fn_extras(u, s->v.FunctionDef.args, s->v.FunctionDef.returns, true, false, &next);
        kr_value code = compile_scope_code(u->c, child, s);
        if (!code)
            return;
        int ci = add_const_keyed(u, code, NULL, 0);
        int cl = next;
        push_n(u, 1);
        if (build_closure(u, child, code, cl))
            flags |= KR_MKFN_CLOSURE;
        u->loc = LOC_OF(s);
        emit_bx(u, KR_OP_MAKE_FUNCTION, flags, a, (uint32_t)ci);
        pop_to(u, a + 1);
        emit(u, KR_OP_STORE_ATTR, 0, a, name_index(u, "__type_params__"), params);
        break;
    }
    case KR_AST_STMT_CLASSDEF:
        emit_type_params(u, s->v.ClassDef.type_params, s->v.ClassDef.n_type_params, params);
        compile_class_build(u, s, params, a);
        break;
    case KR_AST_STMT_TYPEALIAS:
        emit_type_params(u, s->v.TypeAlias.type_params, s->v.TypeAlias.n_type_params, params);
        emit_type_alias(u, s, params, a);
        break;
    default:
        SYNERR(u->c, s, "internal compiler error: unexpected annotation scope");
        return;
    }
    u->loc = LOC_OF(s);
    emit(u, KR_OP_RETURN, 0, a, 0, 0);
}

/* In a class body: s[dst] = the class namespace (builtins.locals(), which is it there), the first
 * argument of an annotation scope's function. Returns the number of such arguments (0 or 1). */
static int class_namespace_arg(unit *u, int dst)
{
    if (u->scope->kind != KR_BLOCK_CLASS)
        return 0;
    emit(u, KR_OP_IMPORT_NAME, 0, dst, name_index(u, "builtins"), const_none(u));
    emit(u, KR_OP_LOAD_ATTR, 0, dst, dst, name_index(u, "locals"));
    emit(u, KR_OP_CALL, 0, dst, 0, 0);
    return 1;
}

/* dst = the generic def/class/alias s, made by calling its annotation scope's function (the scope of
 * `key`, the statement's type_params field) with `nargs` arguments already in s[dst+1..]. */
static void call_annotation_scope(unit *u, kr_ast_stmt *s, const void *key, int nargs, int dst)
{
    kr_scope *ann = kr_symtable_lookup(u->c->st, key);
    if (!ann) {
        SYNERR(u->c, s, "internal compiler error: type parameters without scope");
        return;
    }
    compile_make_function(u, ann, s, NULL, NULL, false, dst);
    u->loc = LOC_OF(s);
    emit(u, KR_OP_CALL, 0, dst, nargs, 0);
}

static void compile_type_alias(unit *u, kr_ast_stmt *s)
{
    int t = push(u);
    if (s->v.TypeAlias.n_type_params || u->scope->kind == KR_BLOCK_CLASS) {
        push(u);
        int nargs = class_namespace_arg(u, t + 1);
        call_annotation_scope(u, s, &s->v.TypeAlias.type_params, nargs, t);
    } else {
        emit_type_alias(u, s, -1, t);
    }
    store_name_from(u, s->v.TypeAlias.name->v.Name.id, t);
    pop_to(u, t);
}

static void compile_funcdef(unit *u, kr_ast_stmt *s)
{
    int mark = u->top;
    int nd = s->v.FunctionDef.n_decorator_list;
    int dbase = u->top;
    for (int i = 0; i < nd; i++) {
        int t = push(u);
        compile_expr_to(u, s->v.FunctionDef.decorator_list[i], t);
        pop_to(u, t + 1);
    }
    kr_scope *child = kr_symtable_lookup(u->c->st, s);
    if (!child) {
        SYNERR(u->c, s, "internal compiler error: def without scope");
        return;
    }
    int f = push(u);
    if (s->v.FunctionDef.n_type_params) {
        /* defaults outside, as arguments of the annotation scope's function */
        int c = push(u);
        int next = c + 1;
        if (u->scope->kind == KR_BLOCK_CLASS) {
            push(u);
            class_namespace_arg(u, next++);
        }
        unsigned flags = compile_fn_extras(u, s->v.FunctionDef.args, NULL, false, true, &next);
        int nargs = next - (c + 1);
        (void)flags;
        call_annotation_scope(u, s, &s->v.FunctionDef.type_params, nargs, c);
        emit(u, KR_OP_MOVE, 0, f, c, 0);
        pop_to(u, f + 1);
    } else {
        compile_make_function(u, child, s, s->v.FunctionDef.args, s->v.FunctionDef.returns, true, f);
    }
    for (int i = nd - 1; i >= 0; i--) {
        int c = push_n(u, 2);
        u->loc = LOC_OF(s->v.FunctionDef.decorator_list[i]);
        emit(u, KR_OP_MOVE, 0, c, dbase + i, 0);
        emit(u, KR_OP_MOVE, 0, c + 1, f, 0);
        emit(u, KR_OP_CALL, 0, c, 1, 0);
        emit(u, KR_OP_MOVE, 0, f, c, 0);
        pop_to(u, f + 1);
    }
    u->loc = LOC_OF(s);
    store_name_from(u, s->v.FunctionDef.store_name ? s->v.FunctionDef.store_name : s->v.FunctionDef.name, f);
    pop_to(u, mark);
}

static void compile_classdef(unit *u, kr_ast_stmt *s)
{
    int mark = u->top;
    int nd = s->v.ClassDef.n_decorator_list;
    int dbase = u->top;
    for (int i = 0; i < nd; i++) {
        int t = push(u);
        compile_expr_to(u, s->v.ClassDef.decorator_list[i], t);
        pop_to(u, t + 1);
    }
    for (int i = 0; i < s->v.ClassDef.n_bases; i++)
        if (s->v.ClassDef.bases[i]->kind == KR_AST_EXPR_STARRED) {
            SYNERR(u->c, s->v.ClassDef.bases[i], "starred base classes are not supported by Krait");
            return;
        }
    for (int i = 0; i < s->v.ClassDef.n_keywords; i++)
        if (!s->v.ClassDef.keywords[i]->arg) {
            SYNERR(u->c, s->v.ClassDef.keywords[i], "**kwargs in a class definition is not supported by Krait");
            return;
        }
    int a = push(u);
    if (s->v.ClassDef.n_type_params) {
        push(u);
        int nargs = class_namespace_arg(u, a + 1);
        call_annotation_scope(u, s, &s->v.ClassDef.type_params, nargs, a);
    } else
        compile_class_build(u, s, -1, a);
    pop_to(u, a + 1);
    for (int i = nd - 1; i >= 0; i--) {
        int c = push_n(u, 2);
        u->loc = LOC_OF(s->v.ClassDef.decorator_list[i]);
        emit(u, KR_OP_MOVE, 0, c, dbase + i, 0);
        emit(u, KR_OP_MOVE, 0, c + 1, a, 0);
        emit(u, KR_OP_CALL, 0, c, 1, 0);
        emit(u, KR_OP_MOVE, 0, a, c, 0);
        pop_to(u, a + 1);
    }
    u->loc = LOC_OF(s);
    store_name_from(u, s->v.ClassDef.store_name ? s->v.ClassDef.store_name : s->v.ClassDef.name, a);
    pop_to(u, mark);
}

/* s[a] = the class s (a == top - 1): its body function, name, bases (then Generic[params] when
 * generic_params >= 0, which also become __type_params__) and keywords. */
static void compile_class_build(unit *u, kr_ast_stmt *s, int generic_params, int a)
{
    kr_scope *child = kr_symtable_lookup(u->c->st, s);
    if (!child) {
        SYNERR(u->c, s, "internal compiler error: class without scope");
        return;
    }
    int body = push(u);
    /* the class body function (closure at body+1, overwritten by the name afterwards) */
    kr_value code = compile_scope_code(u->c, child, s);
    if (!code)
        return;
    int ci = add_const_keyed(u, code, NULL, 0);
    push(u);
    unsigned flags = build_closure(u, child, code, body + 1) ? KR_MKFN_CLOSURE : 0;
    u->loc = LOC_OF(s);
    emit_bx(u, KR_OP_MAKE_FUNCTION, flags, body, (uint32_t)ci);
    emit_bx(u, KR_OP_LOAD_CONST, 0, body + 1, (uint32_t)const_cstr(u, s->v.ClassDef.name));
    pop_to(u, body + 2);
    int nb = s->v.ClassDef.n_bases, nkw = s->v.ClassDef.n_keywords;
    for (int i = 0; i < nb; i++) {
        int t = push(u);
        compile_expr_to(u, s->v.ClassDef.bases[i], t);
        pop_to(u, t + 1);
    }
    if (generic_params >= 0) {
        int t = push(u);
        push(u);
        u->loc = LOC_OF(s);
        emit(u, KR_OP_MOVE, 0, t + 1, generic_params, 0);
        emit_typing_call(u, "_krait_generic_base", t, 1);
        pop_to(u, t + 1);
        nb++;
    }
    int kw = 0;
    if (nkw) {
        const char **names = malloc(sizeof(char *) * (size_t)nkw);
        if (!names) {
            oom(u->c);
            return;
        }
        for (int i = 0; i < nkw; i++) {
            int t = push(u);
            compile_expr_to(u, s->v.ClassDef.keywords[i]->value, t);
            pop_to(u, t + 1);
            names[i] = s->v.ClassDef.keywords[i]->arg;
        }
        kw = const_name_tuple(u, names, nkw) + 1;
        free(names);
    }
    u->loc = LOC_OF(s);
    emit(u, KR_OP_BUILD_CLASS, 0, a, nb, kw);
    if (generic_params >= 0)
        emit(u, KR_OP_STORE_ATTR, 0, a, name_index(u, "__type_params__"), generic_params);
    pop_to(u, a + 1);
}

static void compile_stmt(unit *u, kr_ast_stmt *s)
{
    if (u->c->failed)
        return;
    u->loc = LOC_OF(s);
    int mark = u->top;
    switch (s->kind) {
    case KR_AST_STMT_FUNCTIONDEF:
    case KR_AST_STMT_ASYNCFUNCTIONDEF:
        compile_funcdef(u, s);
        break;
    case KR_AST_STMT_CLASSDEF:
        compile_classdef(u, s);
        break;
    case KR_AST_STMT_RETURN:
        compile_return(u, s);
        break;
    case KR_AST_STMT_DELETE:
        for (int i = 0; i < s->v.Delete.n_targets; i++)
            compile_delete(u, s->v.Delete.targets[i]);
        break;
    case KR_AST_STMT_ASSIGN:
        if (s->v.Assign.n_targets == 1) {
            assign_single(u, s->v.Assign.targets[0], s->v.Assign.value);
        } else {
            int v = push(u);
            compile_expr_to(u, s->v.Assign.value, v);
            for (int i = 0; i < s->v.Assign.n_targets; i++)
                store_target(u, s->v.Assign.targets[i], v);
        }
        break;
    case KR_AST_STMT_AUGASSIGN:
        compile_augassign(u, s);
        break;
    case KR_AST_STMT_ANNASSIGN:
        compile_annassign(u, s);
        break;
    case KR_AST_STMT_FOR:
        compile_for(u, s);
        break;
    case KR_AST_STMT_ASYNCFOR:
        compile_async_for(u, s);
        break;
    case KR_AST_STMT_WHILE:
        compile_while(u, s);
        break;
    case KR_AST_STMT_IF:
        compile_if(u, s);
        break;
    case KR_AST_STMT_WITH:
    case KR_AST_STMT_ASYNCWITH:
        compile_with_items(u, s, 0);
        break;
    case KR_AST_STMT_MATCH:
        compile_match(u, s);
        break;
    case KR_AST_STMT_RAISE:
        compile_raise(u, s);
        break;
    case KR_AST_STMT_TRY:
    case KR_AST_STMT_TRYSTAR:
        compile_try(u, s);
        break;
    case KR_AST_STMT_TYPEALIAS:
        compile_type_alias(u, s);
        break;
    case KR_AST_STMT_ASSERT:
        compile_assert(u, s);
        break;
    case KR_AST_STMT_IMPORT:
        compile_import(u, s);
        break;
    case KR_AST_STMT_IMPORTFROM:
        compile_import_from(u, s);
        break;
    case KR_AST_STMT_GLOBAL:
    case KR_AST_STMT_NONLOCAL:
    case KR_AST_STMT_PASS:
        break;
    case KR_AST_STMT_BREAK:
        compile_break_continue(u, s, true);
        break;
    case KR_AST_STMT_CONTINUE:
        compile_break_continue(u, s, false);
        break;
    case KR_AST_STMT_EXPR: {
        kr_ast_expr *e = s->v.Expr.value;
        if (u->c->mode == KR_PARSE_SINGLE && u->module) {
            int t = compile_expr_any(u, e);
            u->loc = LOC_OF(s);
            emit(u, KR_OP_PRINT_EXPR, 0, t, 0, 0);
            break;
        }
        if (e->kind == KR_AST_EXPR_CONSTANT)
            break; /* no effect */
        compile_expr_any(u, e);
        break;
    }
    }
    pop_to(u, mark);
}

static void compile_stmts(unit *u, kr_ast_stmt **body, int n)
{
    for (int i = 0; i < n && !u->c->failed; i++)
        compile_stmt(u, body[i]);
}

/* ------------------------------------------------------------------------------------------------
 * Code units
 */
static bool contains_annassign(kr_ast_stmt **body, int n)
{
    for (int i = 0; i < n; i++) {
        kr_ast_stmt *s = body[i];
        switch (s->kind) {
        case KR_AST_STMT_ANNASSIGN:
            return true;
        case KR_AST_STMT_FOR:
        case KR_AST_STMT_ASYNCFOR:
            if (contains_annassign(s->v.For.body, s->v.For.n_body) || contains_annassign(s->v.For.orelse, s->v.For.n_orelse))
                return true;
            break;
        case KR_AST_STMT_WHILE:
            if (contains_annassign(s->v.While.body, s->v.While.n_body) ||
                contains_annassign(s->v.While.orelse, s->v.While.n_orelse))
                return true;
            break;
        case KR_AST_STMT_IF:
            if (contains_annassign(s->v.If.body, s->v.If.n_body) || contains_annassign(s->v.If.orelse, s->v.If.n_orelse))
                return true;
            break;
        case KR_AST_STMT_WITH:
        case KR_AST_STMT_ASYNCWITH:
            if (contains_annassign(s->v.With.body, s->v.With.n_body))
                return true;
            break;
        case KR_AST_STMT_TRY:
        case KR_AST_STMT_TRYSTAR:
            if (contains_annassign(s->v.Try.body, s->v.Try.n_body) ||
                contains_annassign(s->v.Try.orelse, s->v.Try.n_orelse) ||
                contains_annassign(s->v.Try.finalbody, s->v.Try.n_finalbody))
                return true;
            for (int h = 0; h < s->v.Try.n_handlers; h++)
                if (contains_annassign(s->v.Try.handlers[h]->body, s->v.Try.handlers[h]->n_body))
                    return true;
            break;
        case KR_AST_STMT_MATCH:
            for (int k = 0; k < s->v.Match.n_cases; k++)
                if (contains_annassign(s->v.Match.cases[k]->body, s->v.Match.cases[k]->n_body))
                    return true;
            break;
        default:
            break;
        }
    }
    return false;
}

static void unit_free(unit *u)
{
    free(u->code);
    free(u->locs);
    free(u->labels);
    free(u->fix);
    free(u->segs);
    free(u->consts);
    kmap_free(&u->constmap);
    free(u->names);
    kmap_free(&u->namemap);
    free(u->varnames);
    free(u->cellvars);
    free(u->freevars);
    free(u->assigned);
    free(u->static_attrs);
}

/* Lays out the slots of a unit from its scope (bytecode.h: locals, cells, free cells, temporaries). */
static void unit_layout(unit *u)
{
    compiler *c = u->c;
    kr_scope *sc = u->scope;
    int ns = sc->n_symbols;
    u->varnames = calloc((size_t)ns + 1, sizeof(char *));
    u->cellvars = calloc((size_t)ns + 2, sizeof(char *));
    u->freevars = calloc((size_t)ns + 1, sizeof(char *));
    if (!u->varnames || !u->cellvars || !u->freevars) {
        oom(c);
        return;
    }
    for (int i = 0; i < ns; i++) {
        sc->symbols[i]->slot = -1;
        sc->symbols[i]->cell_slot = -1;
    }
    if (u->fast) {
        for (int i = 0; i < sc->n_params; i++) {
            kr_symbol *sym = kr_symtable_symbol(sc, sc->params[i]);
            sym->slot = u->nlocals;
            u->varnames[u->nlocals++] = sym->name;
        }
        for (int i = 0; i < ns; i++) {
            kr_symbol *sym = sc->symbols[i];
            if (sym->scope == KR_SCOPE_LOCAL && sym->slot < 0) {
                sym->slot = u->nlocals;
                u->varnames[u->nlocals++] = sym->name;
            }
        }
    }
    int cellbase = u->nlocals;
    for (int i = 0; i < ns; i++) {
        kr_symbol *sym = sc->symbols[i];
        if (sym->scope == KR_SCOPE_CELL) {
            sym->cell_slot = cellbase + u->ncells;
            u->cellvars[u->ncells++] = sym->name;
        }
    }
    u->class_cell_slot = -1;
    if (sc->kind == KR_BLOCK_CLASS && sc->needs_class_closure) {
        u->class_cell_slot = cellbase + u->ncells;
        u->cellvars[u->ncells++] = "__class__";
    }
    int freebase = cellbase + u->ncells;
    for (int i = 0; i < ns; i++) {
        kr_symbol *sym = sc->symbols[i];
        if (sym->scope == KR_SCOPE_FREE || sym->class_free) {
            sym->cell_slot = freebase + u->nfree;
            u->freevars[u->nfree++] = sym->name;
        }
    }
    u->base = freebase + u->nfree;
    u->top = u->maxslots = u->base;
    if (u->nlocals) {
        u->assigned = calloc((size_t)u->nlocals, 1);
        if (!u->assigned) {
            oom(c);
            return;
        }
        for (int i = 0; i < sc->n_params; i++)
            u->assigned[i] = 1;
    }
    if (u->base > KR_MAX_SLOTS)
        syntax_error_at(c, sc->lineno, sc->col_offset, sc->lineno, sc->col_offset, "too many local variables");
}

static kr_value names_tuple(compiler *c, const char **names, int n)
{
    kr_value t = kr_tuple_new(c->vm, n);
    if (!t) {
        exc_pending(c);
        return KR_NULL;
    }
    for (int i = 0; i < n; i++) {
        kr_value s = kr_intern(c->vm, names[i]);
        if (!s) {
            exc_pending(c);
            return KR_NULL;
        }
        kr_tuple_items(t)[i] = s;
    }
    return t;
}

static int seg_cmp(const void *a, const void *b)
{
    const seg *x = a, *y = b;
    if (x->depth != y->depth)
        return y->depth - x->depth; /* deeper (inner) first */
    return x->order - y->order;
}

/* Resolves jumps and builds the code object. */
static kr_value unit_assemble(unit *u, const char *name, uint32_t flags)
{
    compiler *c = u->c;
    if (c->failed)
        return KR_NULL;
    for (int i = 0; i < u->nfix; i++) {
        fixup *f = &u->fix[i];
        int32_t target = u->labels[f->label];
        if (target < 0) {
            syntax_error_at(c, u->firstlineno, 0, u->firstlineno, 0, "internal compiler error: unbound label");
            return KR_NULL;
        }
        if (f->cache_e)
            u->code[f->pc] = kr_cache_set_e(u->code[f->pc], (uint32_t)target);
        else
            u->code[f->pc] = kr_insn_set_bx(u->code[f->pc], (uint32_t)target);
    }
    kr_exc_entry *tab = NULL;
    if (u->nsegs) {
        qsort(u->segs, (size_t)u->nsegs, sizeof(seg), seg_cmp);
        tab = malloc(sizeof *tab * (size_t)u->nsegs);
        if (!tab) {
            oom(c);
            return KR_NULL;
        }
        for (int i = 0; i < u->nsegs; i++)
            tab[i] = (kr_exc_entry){u->segs[i].start, u->segs[i].end, (uint32_t)u->labels[u->segs[i].handler_label],
                                    u->segs[i].slot};
    }
    kr_vm *vm = c->vm;
    kr_code_desc d;
    memset(&d, 0, sizeof d);
    d.insns = u->code;
    d.ninsns = u->n;
    d.locs = u->locs;
    d.exctab = tab;
    d.nexctab = (uint32_t)u->nsegs;
    d.consts = kr_tuple_from_array(vm, u->consts, u->nconsts);
    if (!d.consts)
        goto fail;
    /* no allocation below may collect (no safepoint), so the tuples need no rooting */
    d.names = names_tuple(c, u->names, u->nnames);
    d.varnames = names_tuple(c, u->varnames, u->nlocals);
    d.cellvars = names_tuple(c, u->cellvars, u->ncells);
    d.freevars = names_tuple(c, u->freevars, u->nfree);
    if (c->failed) {
        free(tab);
        return KR_NULL;
    }
    d.nslots = (uint32_t)(u->maxslots > 0 ? u->maxslots : 1);
    kr_scope *sc = u->scope;
    if (u->fast && !u->class_body) {
        d.argcount = (uint32_t)sc->n_args;
        d.posonlyargcount = (uint32_t)sc->n_posonly;
        d.kwonlyargcount = (uint32_t)sc->n_kwonly;
    }
    d.flags = flags;
    d.name = kr_intern(vm, name);
    d.qualname = sc->qualname ? kr_str_from_cstr(vm, sc->qualname) : d.name;
    d.filename = kr_str_from_cstr(vm, c->filename);
    if (!d.name || !d.qualname || !d.filename)
        goto fail;
    d.doc = u->doc;
    d.firstlineno = u->firstlineno;
    kr_value code = kr_code_new(vm, &d);
    free(tab);
    if (!code)
        exc_pending(c);
    return code;
fail:
    free(tab);
    exc_pending(c);
    return KR_NULL;
}

static void unit_init(compiler *c, unit *u, kr_scope *scope)
{
    memset(u, 0, sizeof *u);
    u->c = c;
    u->scope = scope;
    u->parent = c->u;
    u->module = scope->kind == KR_BLOCK_MODULE;
    u->class_body = scope->kind == KR_BLOCK_CLASS;
    u->fast = scope->kind == KR_BLOCK_FUNCTION || scope->kind == KR_BLOCK_COMPREHENSION;
    u->firstlineno = scope->lineno;
    u->loc = (kr_code_loc){scope->lineno, scope->lineno, scope->col_offset, scope->col_offset};
    u->doc = KR_NULL;
    unit_layout(u);
}

/* Body of a comprehension's function: loops over ".0" (slot 0) and the other generators. */
static void compile_comprehension_body(unit *u, kr_ast_expr *e)
{
    kr_ast_comprehension **gens;
    int ngens;
    kr_ast_expr *elt = NULL, *val = NULL;
    switch (e->kind) {
    case KR_AST_EXPR_LISTCOMP: gens = e->v.ListComp.generators; ngens = e->v.ListComp.n_generators; elt = e->v.ListComp.elt; break;
    case KR_AST_EXPR_SETCOMP: gens = e->v.SetComp.generators; ngens = e->v.SetComp.n_generators; elt = e->v.SetComp.elt; break;
    case KR_AST_EXPR_DICTCOMP:
        gens = e->v.DictComp.generators; ngens = e->v.DictComp.n_generators;
        elt = e->v.DictComp.key; val = e->v.DictComp.value;
        break;
    default: gens = e->v.GeneratorExp.generators; ngens = e->v.GeneratorExp.n_generators; elt = e->v.GeneratorExp.elt; break;
    }
    u->loc = LOC_OF(e);
    int result = -1;
    if (e->kind != KR_AST_EXPR_GENERATOREXP) {
        result = push(u);
        emit(u, e->kind == KR_AST_EXPR_LISTCOMP ? KR_OP_BUILD_LIST : e->kind == KR_AST_EXPR_SETCOMP ? KR_OP_BUILD_SET : KR_OP_BUILD_MAP,
             0, result, 0, 0);
    }
    int heads[64], exits[64], skips[64], xslots[64];
    if (ngens > 64) {
        SYNERR(u->c, e, "too many nested comprehension loops");
        return;
    }
    for (int g = 0; g < ngens && !u->c->failed; g++) {
        kr_ast_comprehension *cg = gens[g];
        int it = push_n(u, 3);
        int src;
        if (g == 0) {
            src = 0; /* ".0" */
        } else {
            src = compile_expr_any(u, cg->iter);
        }
        u->loc = LOC_OF(cg->iter);
        xslots[g] = -1;
        if (cg->is_async) {
            /* async for: ".0" already is the async iterator (compile_comprehension_call) */
            if (g > 0)
                emit(u, KR_OP_GET_AITER, 0, it, src, 0);
            else
                emit(u, KR_OP_MOVE, 0, it, src, 0);
            xslots[g] = it + 1;
        } else {
            emit(u, KR_OP_GET_ITER, 0, it, src, 0);
        }
        pop_to(u, it + 3);
        heads[g] = new_label(u);
        exits[g] = new_label(u);
        skips[g] = new_label(u);
        int tslot = cg->target->kind == KR_AST_EXPR_NAME ? local_slot_for_store(u, cg->target->v.Name.id) : -1;
        int item = tslot >= 0 ? tslot : push(u);
        bind_label(u, heads[g]);
        if (cg->is_async) {
            if (u->nfb == MAX_FBLOCKS) {
                SYNERR(u->c, e, "too many statically nested blocks");
                return;
            }
            emit_async_step(u, NULL, it, item, exits[g], xslots[g]);
        } else {
            uint32_t pc = emit(u, KR_OP_FOR_ITER, 0, it, item, 0);
            if (!u->c->failed)
                add_fixup(u, pc + 1, exits[g], true);
        }
        if (tslot >= 0)
            mark_assigned(u, tslot);
        else
            store_target(u, cg->target, item);
        for (int k = 0; k < cg->n_ifs; k++)
            compile_jump_if(u, cg->ifs[k], false, skips[g]);
    }
    int mark = u->top;
    if (e->kind == KR_AST_EXPR_GENERATOREXP) {
        int v = compile_expr_any(u, elt);
        int t = push(u);
        u->loc = LOC_OF(elt);
        emit_yield(u, t, v);
    } else if (e->kind == KR_AST_EXPR_DICTCOMP) {
        int k = push(u);
        compile_expr_to(u, elt, k);
        pop_to(u, k + 1);
        int v = compile_expr_any(u, val);
        u->loc = LOC_OF(e);
        emit(u, KR_OP_MAP_ADD, 0, result, k, v);
    } else {
        int v = compile_expr_any(u, elt);
        u->loc = LOC_OF(e);
        emit(u, e->kind == KR_AST_EXPR_LISTCOMP ? KR_OP_LIST_APPEND : KR_OP_SET_ADD, 0, result, v, 0);
    }
    pop_to(u, mark);
    for (int g = ngens - 1; g >= 0 && !u->c->failed; g--) {
        bind_label(u, skips[g]);
        u->loc = LOC_OF(e);
        emit_jump_back(u, heads[g]);
        bind_label(u, exits[g]);
        if (xslots[g] >= 0)
            emit(u, KR_OP_END_ASYNC_FOR, 0, xslots[g], 0, 0);
    }
    u->loc = LOC_OF(e);
    if (result >= 0)
        emit(u, KR_OP_RETURN, 0, result, 0, 0);
    else
        emit_bx(u, KR_OP_RETURN_CONST, 0, 0, (uint32_t)const_none(u));
}

static void store_doc_name(unit *u, kr_ast_stmt *s)
{
    int t = push(u);
    u->loc = LOC_OF(s);
    kr_ast_expr *e = s->v.Expr.value;
    emit_bx(u, KR_OP_LOAD_CONST, 0, t, (uint32_t)const_str(u, e->v.Constant.s, e->v.Constant.len));
    emit_bx(u, KR_OP_STORE_NAME, 0, t, (uint32_t)name_index(u, "__doc__"));
    pop_to(u, t);
}

/* Compiles a nested scope (function, lambda, class body, comprehension) into a code object. */
static kr_value compile_scope_code(compiler *c, kr_scope *scope, const void *node)
{
    if (c->failed)
        return KR_NULL;
    unit *u = malloc(sizeof *u);
    if (!u) {
        oom(c);
        return KR_NULL;
    }
    unit_init(c, u, scope);
    unit *saved = c->u;
    c->u = u;
    uint32_t flags = 0;
    const char *name = scope->name;
    if (scope->parent && scope->parent->kind != KR_BLOCK_MODULE)
        flags |= KR_CODE_NESTED;
    if (scope->kind == KR_BLOCK_CLASS) {
        const kr_ast_stmt *s = node;
        flags |= KR_CODE_CLASSBODY;
        int t = push(u);
        u->loc = LOC_OF(s);
        emit_bx(u, KR_OP_LOAD_NAME, 0, t, (uint32_t)name_index(u, "__name__"));
        emit_bx(u, KR_OP_STORE_NAME, 0, t, (uint32_t)name_index(u, "__module__"));
        emit_bx(u, KR_OP_LOAD_CONST, 0, t, (uint32_t)const_cstr(u, scope->qualname));
        emit_bx(u, KR_OP_STORE_NAME, 0, t, (uint32_t)name_index(u, "__qualname__"));
        int firstline = s->v.ClassDef.n_decorator_list ? s->v.ClassDef.decorator_list[0]->lineno : s->lineno;
        emit_bx(u, KR_OP_LOAD_CONST, 0, t, (uint32_t)const_small_int(u, firstline));
        emit_bx(u, KR_OP_STORE_NAME, 0, t, (uint32_t)name_index(u, "__firstlineno__"));
        pop_to(u, t);
        kr_ast_stmt **body = s->v.ClassDef.body;
        int n = s->v.ClassDef.n_body;
        int start = 0;
        if (n > 0 && stmt_is_docstring(body[0])) {
            store_doc_name(u, body[0]);
            start = 1;
        }
        if (contains_annassign(body, n))
            emit(u, KR_OP_SETUP_ANNOTATIONS, 0, 0, 0, 0);
        compile_stmts(u, body + start, n - start);
        u->loc = LOC_OF(s);
        u->loc.end_lineno = u->loc.lineno;
        /* the methods are compiled by now: their self.NAME stores are all known */
        int na = 0;
        if (u->n_static_attrs) {
            qsort(u->static_attrs, (size_t)u->n_static_attrs, sizeof(char *), cmp_cstr);
            for (int i = 0; i < u->n_static_attrs; i++)
                if (na == 0 || strcmp(u->static_attrs[na - 1], u->static_attrs[i]) != 0)
                    u->static_attrs[na++] = u->static_attrs[i];
        }
        t = push(u);
        emit_bx(u, KR_OP_LOAD_CONST, 0, t, (uint32_t)const_name_tuple(u, u->static_attrs, na));
        emit_bx(u, KR_OP_STORE_NAME, 0, t, (uint32_t)name_index(u, "__static_attributes__"));
        pop_to(u, t);
        if (u->class_cell_slot >= 0)
            emit_bx(u, KR_OP_STORE_NAME, 0, u->class_cell_slot, (uint32_t)name_index(u, "__classcell__"));
        emit_bx(u, KR_OP_RETURN_CONST, 0, 0, (uint32_t)const_none(u));
    } else if (scope->annotation_scope) {
        compile_annotation_scope(u, scope, (kr_ast_stmt *)(uintptr_t)node);
    } else if (scope->lazy_value) {
        kr_ast_expr *e = *(kr_ast_expr *const *)node;
        int t = compile_expr_any(u, e);
        u->loc = LOC_OF(e);
        emit(u, KR_OP_RETURN, 0, t, 0, 0);
    } else if (scope->kind == KR_BLOCK_COMPREHENSION) {
        const kr_ast_expr *e = node;
        flags |= KR_CODE_COMPREHENSION;
        if (scope->is_generator)
            flags |= KR_CODE_GENERATOR;
        compile_comprehension_body(u, (kr_ast_expr *)(uintptr_t)e);
    } else {
        const kr_ast_stmt *s = node;
        const kr_ast_expr *le = node;
        /* a def cannot be named "<lambda>", so the name tells lambdas from defs */
        bool lambda = strcmp(scope->name, "<lambda>") == 0;
        if (lambda) {
            flags |= KR_CODE_LAMBDA;
            if (scope->is_generator)
                flags |= KR_CODE_GENERATOR;
            int t = compile_expr_any(u, le->v.Lambda.body);
            u->loc = LOC_OF(le->v.Lambda.body);
            emit(u, KR_OP_RETURN, 0, t, 0, 0);
        } else {
            if (s->v.FunctionDef.n_decorator_list > 0)
                u->firstlineno = s->v.FunctionDef.decorator_list[0]->lineno;
            if (scope->is_generator)
                flags |= KR_CODE_GENERATOR;
            kr_ast_stmt **body = s->v.FunctionDef.body;
            int n = s->v.FunctionDef.n_body;
            if (n > 0 && stmt_is_docstring(body[0])) {
                kr_ast_expr *d = body[0]->v.Expr.value;
                u->doc = make_str(u, d->v.Constant.s, d->v.Constant.len);
                /* keep the docstring reachable from the code under construction */
                if (u->doc)
                    add_const_keyed(u, u->doc, NULL, 0);
            }
            compile_stmts(u, body, n);
            /* implicit `return None`, located at the last statement as CPython does */
            if (n > 0)
                u->loc = LOC_OF(body[n - 1]);
            emit_bx(u, KR_OP_RETURN_CONST, 0, 0, (uint32_t)const_none(u));
        }
        if (scope->has_varargs)
            flags |= KR_CODE_VARARGS;
        if (scope->has_varkw)
            flags |= KR_CODE_VARKW;
    }
    if (scope->is_coroutine)
        flags |= KR_CODE_GENERATOR | (scope->is_generator ? KR_CODE_ASYNC_GEN : KR_CODE_COROUTINE);
    kr_value code = unit_assemble(u, name, flags);
    c->u = saved;
    unit_free(u);
    free(u);
    return code;
}

static kr_value compile_module(compiler *c, kr_ast_mod *mod)
{
    unit *u = malloc(sizeof *u);
    if (!u) {
        oom(c);
        return KR_NULL;
    }
    unit_init(c, u, c->st->top);
    c->u = u;
    if (mod->kind == KR_AST_MOD_EXPRESSION) {
        int t = compile_expr_any(u, mod->v.Expression.body);
        u->loc = LOC_OF(mod->v.Expression.body);
        emit(u, KR_OP_RETURN, 0, t, 0, 0);
    } else {
        kr_ast_stmt **body = mod->kind == KR_AST_MOD_MODULE ? mod->v.Module.body : mod->v.Interactive.body;
        int n = mod->kind == KR_AST_MOD_MODULE ? mod->v.Module.n_body : mod->v.Interactive.n_body;
        int start = 0;
        if (n > 0)
            u->firstlineno = body[0]->lineno;
        if (contains_annassign(body, n)) {
            u->loc = LOC_OF(body[0]);
            emit(u, KR_OP_SETUP_ANNOTATIONS, 0, 0, 0, 0);
        }
        if (mod->kind == KR_AST_MOD_MODULE && n > 0 && stmt_is_docstring(body[0])) {
            store_doc_name(u, body[0]);
            start = 1;
        }
        compile_stmts(u, body + start, n - start);
        if (n > 0) {
            u->loc = LOC_OF(body[n - 1]);
            u->loc.lineno = u->loc.end_lineno; /* CPython puts the implicit return on the last line */
        }
        emit_bx(u, KR_OP_RETURN_CONST, 0, 0, (uint32_t)const_none(u));
    }
    kr_value code = unit_assemble(u, "<module>", KR_CODE_MODULE);
    c->u = NULL;
    unit_free(u);
    free(u);
    return code;
}

/* ------------------------------------------------------------------------------------------------
 * Entry points
 */
kr_value kr_compile_ast(kr_vm *vm, kr_ast_mod *mod, const char *filename, int mode, kr_syntax_error *err)
{
    memset(err, 0, sizeof *err);
    kr_symtable *st = kr_symtable_build(mod, err);
    if (!st) {
        if (err->kind == KR_SYNERR_MEMORY) {
            err->kind = 0;
            kr_raise_nomemory(vm);
        }
        return KR_NULL;
    }
    compiler c;
    memset(&c, 0, sizeof c);
    c.vm = vm;
    c.st = st;
    c.err = err;
    c.filename = filename ? filename : "<string>";
    c.mode = mode;
    kr_value code = compile_module(&c, mod);
    kr_symtable_free(st);
    if (c.failed)
        return KR_NULL;
    return code;
}

/* The 1-based line `lineno` of src, without its line end (malloc'd), or NULL. */
static char *source_line(const char *src, size_t len, int lineno)
{
    if (!src || lineno < 1)
        return NULL;
    size_t i = 0;
    for (int l = 1; l < lineno && i < len; i++)
        if (src[i] == '\n')
            l++;
    if (i >= len && lineno > 1)
        return NULL;
    size_t j = i;
    while (j < len && src[j] != '\n' && src[j] != '\r')
        j++;
    char *s = malloc(j - i + 1);
    if (!s)
        return NULL;
    memcpy(s, src + i, j - i);
    s[j - i] = 0;
    return s;
}


/* A 1-based byte offset into the UTF-8 text -> the 1-based character offset (the characters
 * before it, plus one; offsets past the end count as one past the last character). */
static int byte_to_char_offset(const char *text, int off)
{
    size_t len = strlen(text), lim = off - 1 < 0 ? 0 : (size_t)(off - 1);
    if (lim > len)
        lim = len;
    int chars = 0;
    for (size_t i = 0; i < lim; i++)
        chars += ((unsigned char)text[i] & 0xC0) != 0x80;
    return chars + 1 + (off - 1 > (int)len ? off - 1 - (int)len : 0);
}

/* Is text (tl bytes) line `lineno` of the source, followed there by a line end or the end of the source
 * (where CPython's tokenizer adds the missing newline)? */
static bool line_ends_in_source(const char *src, size_t len, int lineno, const char *text, size_t tl)
{
    if (!src || lineno < 1)
        return false;
    size_t i = 0;
    for (int l = 1; l < lineno; l++) {
        while (i < len && src[i] != '\n')
            i++;
        if (i >= len)
            return false;
        i++;
    }
    return len - i >= tl && memcmp(src + i, text, tl) == 0 &&
           (i + tl == len || src[i + tl] == '\n' || src[i + tl] == '\r');
}

kr_value kr_compile_raise_syntax_error(kr_vm *vm, const kr_syntax_error *err, const char *filename,
                                       const char *src, size_t len)
{
    if (err->kind == KR_SYNERR_MEMORY)
        return kr_raise_nomemory(vm);
    if (err->kind == KR_SYNERR_RECURSION)
        return kr_raise(vm, KR_EXC(vm, RecursionError), "%s", err->msg);
    kr_type *type = err->kind == KR_SYNERR_TAB           ? KR_EXC(vm, TabError)
                    : err->kind == KR_SYNERR_INDENTATION ? KR_EXC(vm, IndentationError)
                                                         : KR_EXC(vm, SyntaxError);
    char *owned = NULL;
    const char *text = err->text;
    if (!text) {
        /* An error of the compiler proper (the parser always gives the text): CPython reads the
         * line from the file (PyErr_ProgramTextObject), so a source without a file ("<string>",
         * compile() of a string under a pseudo-name) has text None and no caret line. */
        FILE *fp = filename && filename[0] != '<' ? fopen(filename, "rb") : NULL;
        if (fp) {
            fclose(fp);
            owned = source_line(src, len, err->lineno);
        }
        text = owned;
    }
    /* No Python code runs while these are built (str/int/tuple constructors only), so the C locals
     * need no rooting until kr_setattr, before which everything is reachable from `exc`. */
    kr_value msg = kr_str_from_cstr(vm, err->msg);
    kr_value fname = kr_str_from_cstr(vm, filename ? filename : "<string>");
    kr_value ktext = KR_NONE;
    if (text) {
        size_t tl = strlen(text);
        /* CPython's text is the source line with its line end, as '\n' */
        char *with_nl = line_ends_in_source(src, len, err->lineno, text, tl) ? malloc(tl + 2) : NULL;
        if (with_nl) {
            memcpy(with_nl, text, tl);
            with_nl[tl++] = '\n';
            with_nl[tl] = 0;
            text = with_nl;
        }
        ktext = kr_str_new(vm, text, tl);
        free(with_nl);
        if (!ktext) { /* not valid UTF-8 (should not happen: the lexer checked) */
            kr_err_clear(vm);
            ktext = KR_NONE;
        }
    }
    free(owned);
    if (!msg || !fname)
        return KR_NULL;
    kr_value lineno = kr_small(err->lineno);
    /* The parser's offsets count UTF-8 bytes; SyntaxError's count characters of the text (CPython's
     * _PyPegen_byte_offset_to_character_offset). The end converts with the same text when it is on
     * the same line. */
    int col = err->col_offset, end_col = err->end_col_offset;
    if (ktext != KR_NONE) {
        col = col > 0 ? byte_to_char_offset(kr_str_data(ktext), col) : col;
        if (!err->end_lineno || err->end_lineno == err->lineno)
            end_col = end_col > 0 ? byte_to_char_offset(kr_str_data(ktext), end_col) : end_col;
    }
    kr_value offset = col ? kr_small(col) : KR_NONE;
    kr_value end_lineno = err->end_lineno ? kr_small(err->end_lineno) : KR_NONE;
    kr_value end_offset = err->end_lineno ? kr_small(end_col) : KR_NONE; /* CPython: 0, not None, with an end line */
    kr_value details = kr_tuple_pack(vm, 6, fname, lineno, offset, ktext, end_lineno, end_offset);
    if (!details)
        return KR_NULL;
    kr_value args[2] = {msg, details};
    kr_value exc = kr_exc_new(vm, type, args, 2);
    if (!exc)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &exc);
    struct {
        kr_value name, value;
    } attrs[] = {
        {KR_NAME(vm, msg), msg},         {KR_NAME(vm, filename), fname},     {KR_NAME(vm, lineno), lineno},
        {KR_NAME(vm, offset), offset},   {KR_NAME(vm, text), ktext},         {KR_NAME(vm, end_lineno), end_lineno},
        {KR_NAME(vm, end_offset), end_offset},
    };
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
        if (kr_setattr(vm, exc, attrs[i].name, attrs[i].value) < 0) {
            kr_root_reset(vm, m);
            return KR_NULL;
        }
    }
    kr_raise_value(vm, exc);
    kr_root_reset(vm, m);
    return KR_NULL;
}

kr_value kr_compile_source(kr_vm *vm, const char *src, size_t len, const char *filename, int mode)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    if (!arena)
        return kr_raise_nomemory(vm);
    kr_syntax_error err;
    memset(&err, 0, sizeof err);
    kr_ast_mod *mod = kr_parse(arena, src, len, filename, mode, &err);
    kr_value code = KR_NULL;
    if (!mod) {
        kr_compile_raise_syntax_error(vm, &err, filename, src, len);
    } else if (kr_mangle_private_names(arena, mod) < 0) {
        kr_raise_nomemory(vm);
    } else {
        code = kr_compile_ast(vm, mod, filename, mode, &err);
        if (!code && err.kind)
            kr_compile_raise_syntax_error(vm, &err, filename, src, len);
    }
    kr_ast_arena_free(arena);
    return code;
}
