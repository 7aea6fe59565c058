/* ast.c: the AST arena and the debug dumper (CPython 3.13 ast.dump format). See ast.h. */
#include "ast.h"
#include "dtoa.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------------
 * Arena: a list of malloc'd chunks; allocation bumps a pointer in the newest chunk. Requests larger
 * than a quarter chunk get a chunk of their own, so waste stays below 25%.
 */

#define ARENA_CHUNK 65536
#define ARENA_ALIGN 16

typedef struct arena_chunk {
    struct arena_chunk *next;
    size_t size, used;
    /* payload follows, aligned to ARENA_ALIGN */
} arena_chunk;

struct kr_ast_arena {
    arena_chunk *head; /* newest chunk, the one we bump in */
    size_t total;
};

#define CHUNK_HDR ((sizeof(arena_chunk) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

kr_ast_arena *kr_ast_arena_create(void)
{
    kr_ast_arena *a = calloc(1, sizeof *a);
    return a;
}

void *kr_ast_arena_alloc(kr_ast_arena *a, size_t size)
{
    if (!a)
        return NULL;
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX / 2)
        return NULL;
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        size_t cap = size > ARENA_CHUNK / 4 ? size : ARENA_CHUNK;
        arena_chunk *n = malloc(CHUNK_HDR + cap);
        if (!n)
            return NULL;
        n->size = cap;
        n->used = 0;
        if (size > ARENA_CHUNK / 4 && c) {
            /* a big block: link it behind the current chunk so bumping continues there */
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        c = n;
    }
    void *p = (char *)c + CHUNK_HDR + c->used;
    c->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

char *kr_ast_arena_strndup(kr_ast_arena *a, const char *s, size_t n)
{
    char *d = kr_ast_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *kr_ast_arena_strdup(kr_ast_arena *a, const char *s) { return kr_ast_arena_strndup(a, s, strlen(s)); }

size_t kr_ast_arena_used(const kr_ast_arena *a) { return a ? a->total : 0; }

void kr_ast_arena_free(kr_ast_arena *a)
{
    if (!a)
        return;
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

/* ------------------------------------------------------------------------------------------------
 * Names
 */

static const char *const expr_names[] = {
    [KR_AST_EXPR_BOOLOP] = "BoolOp",       [KR_AST_EXPR_NAMEDEXPR] = "NamedExpr",
    [KR_AST_EXPR_BINOP] = "BinOp",         [KR_AST_EXPR_UNARYOP] = "UnaryOp",
    [KR_AST_EXPR_LAMBDA] = "Lambda",       [KR_AST_EXPR_IFEXP] = "IfExp",
    [KR_AST_EXPR_DICT] = "Dict",           [KR_AST_EXPR_SET] = "Set",
    [KR_AST_EXPR_LISTCOMP] = "ListComp",   [KR_AST_EXPR_SETCOMP] = "SetComp",
    [KR_AST_EXPR_DICTCOMP] = "DictComp",   [KR_AST_EXPR_GENERATOREXP] = "GeneratorExp",
    [KR_AST_EXPR_YIELD] = "Yield",         [KR_AST_EXPR_YIELDFROM] = "YieldFrom",
    [KR_AST_EXPR_COMPARE] = "Compare",     [KR_AST_EXPR_CALL] = "Call",
    [KR_AST_EXPR_FORMATTEDVALUE] = "FormattedValue", [KR_AST_EXPR_JOINEDSTR] = "JoinedStr",
    [KR_AST_EXPR_CONSTANT] = "Constant",   [KR_AST_EXPR_ATTRIBUTE] = "Attribute",
    [KR_AST_EXPR_SUBSCRIPT] = "Subscript", [KR_AST_EXPR_STARRED] = "Starred",
    [KR_AST_EXPR_NAME] = "Name",           [KR_AST_EXPR_LIST] = "List",
    [KR_AST_EXPR_TUPLE] = "Tuple",         [KR_AST_EXPR_SLICE] = "Slice",
    [KR_AST_EXPR_AWAIT] = "Await",
};

static const char *const stmt_names[] = {
    [KR_AST_STMT_FUNCTIONDEF] = "FunctionDef", [KR_AST_STMT_CLASSDEF] = "ClassDef",
    [KR_AST_STMT_RETURN] = "Return",           [KR_AST_STMT_DELETE] = "Delete",
    [KR_AST_STMT_ASSIGN] = "Assign",           [KR_AST_STMT_AUGASSIGN] = "AugAssign",
    [KR_AST_STMT_ANNASSIGN] = "AnnAssign",     [KR_AST_STMT_FOR] = "For",
    [KR_AST_STMT_WHILE] = "While",             [KR_AST_STMT_IF] = "If",
    [KR_AST_STMT_WITH] = "With",               [KR_AST_STMT_MATCH] = "Match",
    [KR_AST_STMT_RAISE] = "Raise",             [KR_AST_STMT_TRY] = "Try",
    [KR_AST_STMT_ASSERT] = "Assert",           [KR_AST_STMT_IMPORT] = "Import",
    [KR_AST_STMT_IMPORTFROM] = "ImportFrom",   [KR_AST_STMT_GLOBAL] = "Global",
    [KR_AST_STMT_NONLOCAL] = "Nonlocal",       [KR_AST_STMT_EXPR] = "Expr",
    [KR_AST_STMT_PASS] = "Pass",               [KR_AST_STMT_BREAK] = "Break",
    [KR_AST_STMT_CONTINUE] = "Continue",
    [KR_AST_STMT_ASYNCFUNCTIONDEF] = "AsyncFunctionDef", [KR_AST_STMT_ASYNCFOR] = "AsyncFor",
    [KR_AST_STMT_ASYNCWITH] = "AsyncWith",     [KR_AST_STMT_TRYSTAR] = "TryStar",
    [KR_AST_STMT_TYPEALIAS] = "TypeAlias",
};

static const char *const op_names[] = {
    [KR_AST_ADD] = "Add",       [KR_AST_SUB] = "Sub",       [KR_AST_MULT] = "Mult",
    [KR_AST_MATMULT] = "MatMult", [KR_AST_DIV] = "Div",     [KR_AST_MOD] = "Mod",
    [KR_AST_POW] = "Pow",       [KR_AST_LSHIFT] = "LShift", [KR_AST_RSHIFT] = "RShift",
    [KR_AST_BITOR] = "BitOr",   [KR_AST_BITXOR] = "BitXor", [KR_AST_BITAND] = "BitAnd",
    [KR_AST_FLOORDIV] = "FloorDiv",
};

static const char *const cmp_names[] = {
    [KR_AST_EQ] = "Eq",   [KR_AST_NOTEQ] = "NotEq", [KR_AST_LT] = "Lt", [KR_AST_LTE] = "LtE",
    [KR_AST_GT] = "Gt",   [KR_AST_GTE] = "GtE",     [KR_AST_IS] = "Is", [KR_AST_ISNOT] = "IsNot",
    [KR_AST_IN] = "In",   [KR_AST_NOTIN] = "NotIn",
};

static const char *const unary_names[] = {
    [KR_AST_INVERT] = "Invert", [KR_AST_NOT] = "Not", [KR_AST_UADD] = "UAdd", [KR_AST_USUB] = "USub",
};

#define NAME_OF(table, i) (((unsigned)(i) < sizeof table / sizeof table[0] && table[i]) ? table[i] : "?")

const char *kr_ast_expr_kind_name(kr_ast_expr_kind k) { return NAME_OF(expr_names, k); }
const char *kr_ast_stmt_kind_name(kr_ast_stmt_kind k) { return NAME_OF(stmt_names, k); }
const char *kr_ast_operator_name(kr_ast_operator op) { return NAME_OF(op_names, op); }
const char *kr_ast_cmpop_name(kr_ast_cmpop op) { return NAME_OF(cmp_names, op); }

/* ------------------------------------------------------------------------------------------------
 * Dumper. Mirrors CPython 3.13's ast.dump(node) with show_empty=False: fields that are None or []
 * are omitted, except in Constant and MatchSingleton.
 */

typedef struct {
    FILE *out;
    int positions;
    int depth;
} dumper;

/* A node opener "Name(" plus a field separator state. */
typedef struct {
    dumper *d;
    int nfields;
} node_w;

static void open_node(dumper *d, node_w *w, const char *name, int has_loc, int l, int c, int el, int ec)
{
    w->d = d;
    w->nfields = 0;
    fputs(name, d->out);
    if (d->positions && has_loc)
        fprintf(d->out, "@%d:%d-%d:%d", l, c, el, ec);
    fputc('(', d->out);
}

static void field(node_w *w, const char *name)
{
    if (w->nfields++)
        fputs(", ", w->d->out);
    fprintf(w->d->out, "%s=", name);
}

static void close_node(node_w *w) { fputc(')', w->d->out); }

static void dump_expr(dumper *d, const kr_ast_expr *e);
static void dump_stmt(dumper *d, const kr_ast_stmt *s);
static void dump_pattern(dumper *d, const kr_ast_pattern *p);

/* Python's repr() of a str whose UTF-8 bytes are s[0..n), or of bytes. */
static int cp_printable(unsigned cp)
{
    if (cp < 0x20 || cp == 0x7F)
        return 0;
    if (cp >= 0x80 && cp <= 0xA0)
        return 0;
    if (cp == 0xAD)
        return 0;
    if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F))
        return 0;
    if (cp == 0x3000 || cp == 0xFEFF || cp == 0x1680 || (cp >= 0xFFF9 && cp <= 0xFFFB))
        return 0;
    if ((cp >= 0xD800 && cp <= 0xF8FF) || cp >= 0xF0000 || cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    if (cp >= 0xE0000 && cp <= 0xE007F)
        return 0;
    return 1;
}

static void repr_str(FILE *out, const char *s, size_t n, int bytes)
{
    int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    if (bytes)
        fputc('b', out);
    fputc(q, out);
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        unsigned c = *p;
        if (c == (unsigned char)q || c == '\\') {
            fputc('\\', out);
            fputc((int)c, out);
            p++;
        } else if (c == '\n') {
            fputs("\\n", out);
            p++;
        } else if (c == '\r') {
            fputs("\\r", out);
            p++;
        } else if (c == '\t') {
            fputs("\\t", out);
            p++;
        } else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
            fprintf(out, "\\x%02x", c);
            p++;
        } else if (c < 0x80) {
            fputc((int)c, out);
            p++;
        } else {
            /* decode one (possibly WTF-8 surrogate) sequence; the front end only stores valid ones */
            int k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (p + k > e)
                k = (int)(e - p);
            unsigned cp = c & (0x3F >> (k - 1));
            for (int i = 1; i < k; i++)
                cp = (cp << 6) | (p[i] & 0x3F);
            if (cp_printable(cp))
                fwrite(p, 1, (size_t)k, out);
            else if (cp < 0x100)
                fprintf(out, "\\x%02x", cp);
            else if (cp < 0x10000)
                fprintf(out, "\\u%04x", cp);
            else
                fprintf(out, "\\U%08x", cp);
            p += k;
        }
    }
    fputc(q, out);
}

/* Python's repr(float) ("r" format, shortest round-trip). `imag` drops the ".0" like complex repr. */
static void repr_float(FILE *out, double x, int imag)
{
    if (isnan(x)) {
        fputs("nan", out);
        return;
    }
    if (isinf(x)) {
        fputs(x < 0 ? "-inf" : "inf", out);
        return;
    }
    /* the digits of vm/float.c's repr (zero has none: it prints as the digit 0) */
    char digits[KR_DTOA_MAX_DIGITS + 1];
    int exp10 = 0;
    int nd = kr_dtoa_shortest(x, digits, &exp10);
    if (nd == 0)
        digits[nd++] = '0';
    int neg = signbit(x) != 0;
    digits[nd] = '\0';
    if (neg)
        fputc('-', out);
    int decpt = exp10 + 1; /* digits d1 d2 ... with the point after decpt digits */
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            fputs("0.", out);
            for (int i = 0; i < -decpt; i++)
                fputc('0', out);
            fputs(digits, out);
        } else if (decpt >= nd) {
            fputs(digits, out);
            for (int i = nd; i < decpt; i++)
                fputc('0', out);
            if (!imag)
                fputs(".0", out);
        } else {
            fwrite(digits, 1, (size_t)decpt, out);
            fputc('.', out);
            fputs(digits + decpt, out);
        }
    } else {
        fputc(digits[0], out);
        if (nd > 1) {
            fputc('.', out);
            fputs(digits + 1, out);
        }
        int ex = decpt - 1;
        fprintf(out, "e%c%02d", ex < 0 ? '-' : '+', ex < 0 ? -ex : ex);
    }
}

/* Decimal rendering of an INT constant of any size: base conversion on 10^9 limbs. */
static void print_int(FILE *out, const char *digits, int base)
{
    size_t n = strlen(digits);
    size_t cap = n + 2;
    uint32_t *limb = calloc(cap, sizeof *limb);
    if (!limb) {
        fputs(digits, out);
        return;
    }
    size_t nl = 1;
    for (size_t i = 0; i < n; i++) {
        char ch = digits[i];
        unsigned v = (ch >= '0' && ch <= '9') ? (unsigned)(ch - '0')
                     : (ch >= 'a' && ch <= 'f') ? (unsigned)(ch - 'a' + 10)
                                                : (unsigned)(ch - 'A' + 10);
        uint64_t carry = v;
        for (size_t j = 0; j < nl; j++) {
            uint64_t t = (uint64_t)limb[j] * (unsigned)base + carry;
            limb[j] = (uint32_t)(t % 1000000000u);
            carry = t / 1000000000u;
        }
        while (carry && nl < cap) {
            limb[nl++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    fprintf(out, "%u", (unsigned)limb[nl - 1]);
    for (size_t j = nl - 1; j-- > 0;)
        fprintf(out, "%09u", (unsigned)limb[j]);
    free(limb);
}

static void dump_constant(dumper *d, const kr_ast_constant *c)
{
    FILE *out = d->out;
    switch (c->kind) {
    case KR_AST_CONST_NONE: fputs("None", out); break;
    case KR_AST_CONST_TRUE: fputs("True", out); break;
    case KR_AST_CONST_FALSE: fputs("False", out); break;
    case KR_AST_CONST_ELLIPSIS: fputs("Ellipsis", out); break;
    case KR_AST_CONST_INT: print_int(out, c->digits ? c->digits : "0", c->base ? c->base : 10); break;
    case KR_AST_CONST_FLOAT: repr_float(out, c->f, 0); break;
    case KR_AST_CONST_IMAGINARY:
        repr_float(out, c->f, 1);
        fputc('j', out);
        break;
    case KR_AST_CONST_STR: repr_str(out, c->s ? c->s : "", c->len, 0); break;
    case KR_AST_CONST_BYTES: repr_str(out, c->s ? c->s : "", c->len, 1); break;
    default: fputs("?", out);
    }
}

static void dump_ident_list(dumper *d, node_w *w, const char *name, const char *const *ids, int n)
{
    if (n <= 0)
        return;
    field(w, name);
    fputc('[', d->out);
    for (int i = 0; i < n; i++) {
        if (i)
            fputs(", ", d->out);
        repr_str(d->out, ids[i], strlen(ids[i]), 0);
    }
    fputc(']', d->out);
}

static void dump_ident(dumper *d, node_w *w, const char *name, const char *id)
{
    if (!id)
        return;
    field(w, name);
    repr_str(d->out, id, strlen(id), 0);
}

static void dump_expr_field(dumper *d, node_w *w, const char *name, const kr_ast_expr *e)
{
    if (!e)
        return;
    field(w, name);
    dump_expr(d, e);
}

/* A list of expressions; NULL entries print as None (Dict keys, kw_defaults). */
static void dump_expr_list(dumper *d, node_w *w, const char *name, kr_ast_expr *const *v, int n)
{
    if (n <= 0)
        return;
    field(w, name);
    fputc('[', d->out);
    for (int i = 0; i < n; i++) {
        if (i)
            fputs(", ", d->out);
        if (v[i])
            dump_expr(d, v[i]);
        else
            fputs("None", d->out);
    }
    fputc(']', d->out);
}

static void dump_stmt_list(dumper *d, node_w *w, const char *name, kr_ast_stmt *const *v, int n)
{
    if (n <= 0)
        return;
    field(w, name);
    fputc('[', d->out);
    for (int i = 0; i < n; i++) {
        if (i)
            fputs(", ", d->out);
        dump_stmt(d, v[i]);
    }
    fputc(']', d->out);
}

static void dump_simple(dumper *d, node_w *w, const char *name, const char *value)
{
    field(w, name);
    fprintf(d->out, "%s()", value);
}

static void dump_ctx(dumper *d, node_w *w, kr_ast_ctx ctx)
{
    dump_simple(d, w, "ctx", ctx == KR_AST_STORE ? "Store" : ctx == KR_AST_DEL ? "Del" : "Load");
}

static void dump_arg(dumper *d, const kr_ast_arg *a)
{
    node_w w;
    open_node(d, &w, "arg", 1, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
    dump_ident(d, &w, "arg", a->arg);
    dump_expr_field(d, &w, "annotation", a->annotation);
    close_node(&w);
}

static void dump_arg_list(dumper *d, node_w *w, const char *name, kr_ast_arg *const *v, int n)
{
    if (n <= 0)
        return;
    field(w, name);
    fputc('[', d->out);
    for (int i = 0; i < n; i++) {
        if (i)
            fputs(", ", d->out);
        dump_arg(d, v[i]);
    }
    fputc(']', d->out);
}

static void dump_arguments(dumper *d, const kr_ast_arguments *a)
{
    node_w w;
    open_node(d, &w, "arguments", 0, 0, 0, 0, 0);
    if (a) {
        dump_arg_list(d, &w, "posonlyargs", a->posonlyargs, a->n_posonlyargs);
        dump_arg_list(d, &w, "args", a->args, a->n_args);
        if (a->vararg) {
            field(&w, "vararg");
            dump_arg(d, a->vararg);
        }
        dump_arg_list(d, &w, "kwonlyargs", a->kwonlyargs, a->n_kwonlyargs);
        dump_expr_list(d, &w, "kw_defaults", a->kw_defaults, a->n_kwonlyargs);
        if (a->kwarg) {
            field(&w, "kwarg");
            dump_arg(d, a->kwarg);
        }
        dump_expr_list(d, &w, "defaults", a->defaults, a->n_defaults);
    }
    close_node(&w);
}

static void dump_keywords(dumper *d, node_w *w, kr_ast_keyword *const *v, int n)
{
    if (n <= 0)
        return;
    field(w, "keywords");
    fputc('[', d->out);
    for (int i = 0; i < n; i++) {
        node_w k;
        if (i)
            fputs(", ", d->out);
        open_node(d, &k, "keyword", 1, v[i]->lineno, v[i]->col_offset, v[i]->end_lineno, v[i]->end_col_offset);
        dump_ident(d, &k, "arg", v[i]->arg);
        dump_expr_field(d, &k, "value", v[i]->value);
        close_node(&k);
    }
    fputc(']', d->out);
}

static void dump_generators(dumper *d, node_w *w, kr_ast_comprehension *const *v, int n)
{
    if (n <= 0)
        return;
    field(w, "generators");
    fputc('[', d->out);
    for (int i = 0; i < n; i++) {
        node_w c;
        if (i)
            fputs(", ", d->out);
        open_node(d, &c, "comprehension", 0, 0, 0, 0, 0);
        dump_expr_field(d, &c, "target", v[i]->target);
        dump_expr_field(d, &c, "iter", v[i]->iter);
        dump_expr_list(d, &c, "ifs", v[i]->ifs, v[i]->n_ifs);
        field(&c, "is_async");
        fprintf(d->out, "%d", v[i]->is_async);
        close_node(&c);
    }
    fputc(']', d->out);
}

static void dump_aliases(dumper *d, node_w *w, kr_ast_alias *const *v, int n)
{
    if (n <= 0)
        return;
    field(w, "names");
    fputc('[', d->out);
    for (int i = 0; i < n; i++) {
        node_w a;
        if (i)
            fputs(", ", d->out);
        open_node(d, &a, "alias", 1, v[i]->lineno, v[i]->col_offset, v[i]->end_lineno, v[i]->end_col_offset);
        dump_ident(d, &a, "name", v[i]->name);
        dump_ident(d, &a, "asname", v[i]->asname);
        close_node(&a);
    }
    fputc(']', d->out);
}

static void dump_expr(dumper *d, const kr_ast_expr *e)
{
    node_w w;
    if (!e) {
        fputs("None", d->out);
        return;
    }
    open_node(d, &w, kr_ast_expr_kind_name(e->kind), 1, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    switch (e->kind) {
    case KR_AST_EXPR_BOOLOP:
        dump_simple(d, &w, "op", e->v.BoolOp.op == KR_AST_AND ? "And" : "Or");
        dump_expr_list(d, &w, "values", e->v.BoolOp.values, e->v.BoolOp.n_values);
        break;
    case KR_AST_EXPR_NAMEDEXPR:
        dump_expr_field(d, &w, "target", e->v.NamedExpr.target);
        dump_expr_field(d, &w, "value", e->v.NamedExpr.value);
        break;
    case KR_AST_EXPR_BINOP:
        dump_expr_field(d, &w, "left", e->v.BinOp.left);
        dump_simple(d, &w, "op", kr_ast_operator_name(e->v.BinOp.op));
        dump_expr_field(d, &w, "right", e->v.BinOp.right);
        break;
    case KR_AST_EXPR_UNARYOP:
        dump_simple(d, &w, "op", NAME_OF(unary_names, e->v.UnaryOp.op));
        dump_expr_field(d, &w, "operand", e->v.UnaryOp.operand);
        break;
    case KR_AST_EXPR_LAMBDA:
        field(&w, "args");
        dump_arguments(d, e->v.Lambda.args);
        dump_expr_field(d, &w, "body", e->v.Lambda.body);
        break;
    case KR_AST_EXPR_IFEXP:
        dump_expr_field(d, &w, "test", e->v.IfExp.test);
        dump_expr_field(d, &w, "body", e->v.IfExp.body);
        dump_expr_field(d, &w, "orelse", e->v.IfExp.orelse);
        break;
    case KR_AST_EXPR_DICT:
        dump_expr_list(d, &w, "keys", e->v.Dict.keys, e->v.Dict.n_keys);
        dump_expr_list(d, &w, "values", e->v.Dict.values, e->v.Dict.n_keys);
        break;
    case KR_AST_EXPR_SET: dump_expr_list(d, &w, "elts", e->v.Set.elts, e->v.Set.n_elts); break;
    case KR_AST_EXPR_LISTCOMP:
        dump_expr_field(d, &w, "elt", e->v.ListComp.elt);
        dump_generators(d, &w, e->v.ListComp.generators, e->v.ListComp.n_generators);
        break;
    case KR_AST_EXPR_SETCOMP:
        dump_expr_field(d, &w, "elt", e->v.SetComp.elt);
        dump_generators(d, &w, e->v.SetComp.generators, e->v.SetComp.n_generators);
        break;
    case KR_AST_EXPR_GENERATOREXP:
        dump_expr_field(d, &w, "elt", e->v.GeneratorExp.elt);
        dump_generators(d, &w, e->v.GeneratorExp.generators, e->v.GeneratorExp.n_generators);
        break;
    case KR_AST_EXPR_DICTCOMP:
        dump_expr_field(d, &w, "key", e->v.DictComp.key);
        dump_expr_field(d, &w, "value", e->v.DictComp.value);
        dump_generators(d, &w, e->v.DictComp.generators, e->v.DictComp.n_generators);
        break;
    case KR_AST_EXPR_YIELD: dump_expr_field(d, &w, "value", e->v.Yield.value); break;
    case KR_AST_EXPR_YIELDFROM: dump_expr_field(d, &w, "value", e->v.YieldFrom.value); break;
    case KR_AST_EXPR_AWAIT: dump_expr_field(d, &w, "value", e->v.Await.value); break;
    case KR_AST_EXPR_COMPARE:
        dump_expr_field(d, &w, "left", e->v.Compare.left);
        if (e->v.Compare.n_comparators > 0) {
            field(&w, "ops");
            fputc('[', d->out);
            for (int i = 0; i < e->v.Compare.n_comparators; i++)
                fprintf(d->out, "%s%s()", i ? ", " : "", kr_ast_cmpop_name(e->v.Compare.ops[i]));
            fputc(']', d->out);
        }
        dump_expr_list(d, &w, "comparators", e->v.Compare.comparators, e->v.Compare.n_comparators);
        break;
    case KR_AST_EXPR_CALL:
        dump_expr_field(d, &w, "func", e->v.Call.func);
        dump_expr_list(d, &w, "args", e->v.Call.args, e->v.Call.n_args);
        dump_keywords(d, &w, e->v.Call.keywords, e->v.Call.n_keywords);
        break;
    case KR_AST_EXPR_FORMATTEDVALUE:
        dump_expr_field(d, &w, "value", e->v.FormattedValue.value);
        field(&w, "conversion");
        fprintf(d->out, "%d", e->v.FormattedValue.conversion);
        dump_expr_field(d, &w, "format_spec", e->v.FormattedValue.format_spec);
        break;
    case KR_AST_EXPR_JOINEDSTR: dump_expr_list(d, &w, "values", e->v.JoinedStr.values, e->v.JoinedStr.n_values); break;
    case KR_AST_EXPR_CONSTANT:
        field(&w, "value");
        dump_constant(d, &e->v.Constant);
        break;
    case KR_AST_EXPR_ATTRIBUTE:
        dump_expr_field(d, &w, "value", e->v.Attribute.value);
        dump_ident(d, &w, "attr", e->v.Attribute.attr);
        dump_ctx(d, &w, e->v.Attribute.ctx);
        break;
    case KR_AST_EXPR_SUBSCRIPT:
        dump_expr_field(d, &w, "value", e->v.Subscript.value);
        dump_expr_field(d, &w, "slice", e->v.Subscript.slice);
        dump_ctx(d, &w, e->v.Subscript.ctx);
        break;
    case KR_AST_EXPR_STARRED:
        dump_expr_field(d, &w, "value", e->v.Starred.value);
        dump_ctx(d, &w, e->v.Starred.ctx);
        break;
    case KR_AST_EXPR_NAME:
        dump_ident(d, &w, "id", e->v.Name.id);
        dump_ctx(d, &w, e->v.Name.ctx);
        break;
    case KR_AST_EXPR_LIST:
        dump_expr_list(d, &w, "elts", e->v.List.elts, e->v.List.n_elts);
        dump_ctx(d, &w, e->v.List.ctx);
        break;
    case KR_AST_EXPR_TUPLE:
        dump_expr_list(d, &w, "elts", e->v.Tuple.elts, e->v.Tuple.n_elts);
        dump_ctx(d, &w, e->v.Tuple.ctx);
        break;
    case KR_AST_EXPR_SLICE:
        dump_expr_field(d, &w, "lower", e->v.Slice.lower);
        dump_expr_field(d, &w, "upper", e->v.Slice.upper);
        dump_expr_field(d, &w, "step", e->v.Slice.step);
        break;
    }
    close_node(&w);
}

static void dump_pattern_list(dumper *d, node_w *w, const char *name, kr_ast_pattern *const *v, int n)
{
    if (n <= 0)
        return;
    field(w, name);
    fputc('[', d->out);
    for (int i = 0; i < n; i++) {
        if (i)
            fputs(", ", d->out);
        dump_pattern(d, v[i]);
    }
    fputc(']', d->out);
}

static void dump_pattern(dumper *d, const kr_ast_pattern *p)
{
    static const char *const names[] = {
        [KR_AST_PAT_MATCHVALUE] = "MatchValue",       [KR_AST_PAT_MATCHSINGLETON] = "MatchSingleton",
        [KR_AST_PAT_MATCHSEQUENCE] = "MatchSequence", [KR_AST_PAT_MATCHMAPPING] = "MatchMapping",
        [KR_AST_PAT_MATCHCLASS] = "MatchClass",       [KR_AST_PAT_MATCHSTAR] = "MatchStar",
        [KR_AST_PAT_MATCHAS] = "MatchAs",             [KR_AST_PAT_MATCHOR] = "MatchOr",
    };
    node_w w;
    open_node(d, &w, NAME_OF(names, p->kind), 1, p->lineno, p->col_offset, p->end_lineno, p->end_col_offset);
    switch (p->kind) {
    case KR_AST_PAT_MATCHVALUE: dump_expr_field(d, &w, "value", p->v.MatchValue.value); break;
    case KR_AST_PAT_MATCHSINGLETON:
        field(&w, "value");
        dump_constant(d, &p->v.MatchSingleton.value);
        break;
    case KR_AST_PAT_MATCHSEQUENCE:
        dump_pattern_list(d, &w, "patterns", p->v.MatchSequence.patterns, p->v.MatchSequence.n_patterns);
        break;
    case KR_AST_PAT_MATCHMAPPING:
        dump_expr_list(d, &w, "keys", p->v.MatchMapping.keys, p->v.MatchMapping.n_keys);
        dump_pattern_list(d, &w, "patterns", p->v.MatchMapping.patterns, p->v.MatchMapping.n_keys);
        dump_ident(d, &w, "rest", p->v.MatchMapping.rest);
        break;
    case KR_AST_PAT_MATCHCLASS:
        dump_expr_field(d, &w, "cls", p->v.MatchClass.cls);
        dump_pattern_list(d, &w, "patterns", p->v.MatchClass.patterns, p->v.MatchClass.n_patterns);
        dump_ident_list(d, &w, "kwd_attrs", p->v.MatchClass.kwd_attrs, p->v.MatchClass.n_kwd_attrs);
        dump_pattern_list(d, &w, "kwd_patterns", p->v.MatchClass.kwd_patterns, p->v.MatchClass.n_kwd_attrs);
        break;
    case KR_AST_PAT_MATCHSTAR: dump_ident(d, &w, "name", p->v.MatchStar.name); break;
    case KR_AST_PAT_MATCHAS:
        if (p->v.MatchAs.pattern) {
            field(&w, "pattern");
            dump_pattern(d, p->v.MatchAs.pattern);
        }
        dump_ident(d, &w, "name", p->v.MatchAs.name);
        break;
    case KR_AST_PAT_MATCHOR:
        dump_pattern_list(d, &w, "patterns", p->v.MatchOr.patterns, p->v.MatchOr.n_patterns);
        break;
    }
    close_node(&w);
}

/* type_params=[TypeVar(name='T', bound=...), ...] (omitted when empty, as ast.dump does) */
static void dump_type_params(dumper *d, node_w *w, kr_ast_type_param *const *tps, int n)
{
    if (n == 0)
        return;
    field(w, "type_params");
    fputc('[', d->out);
    for (int i = 0; i < n; i++) {
        const kr_ast_type_param *tp = tps[i];
        static const char *const kinds[] = {"TypeVar", "ParamSpec", "TypeVarTuple"};
        node_w t;
        if (i)
            fputs(", ", d->out);
        open_node(d, &t, kinds[tp->kind], 1, tp->lineno, tp->col_offset, tp->end_lineno, tp->end_col_offset);
        dump_ident(d, &t, "name", tp->name);
        dump_expr_field(d, &t, "bound", tp->bound);
        dump_expr_field(d, &t, "default_value", tp->default_value);
        close_node(&t);
    }
    fputc(']', d->out);
}

static void dump_stmt(dumper *d, const kr_ast_stmt *s)
{
    node_w w;
    open_node(d, &w, kr_ast_stmt_kind_name(s->kind), 1, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
    switch (s->kind) {
    case KR_AST_STMT_FUNCTIONDEF:
    case KR_AST_STMT_ASYNCFUNCTIONDEF:
        dump_ident(d, &w, "name", s->v.FunctionDef.name);
        field(&w, "args");
        dump_arguments(d, s->v.FunctionDef.args);
        dump_stmt_list(d, &w, "body", s->v.FunctionDef.body, s->v.FunctionDef.n_body);
        dump_expr_list(d, &w, "decorator_list", s->v.FunctionDef.decorator_list, s->v.FunctionDef.n_decorator_list);
        dump_expr_field(d, &w, "returns", s->v.FunctionDef.returns);
        dump_type_params(d, &w, s->v.FunctionDef.type_params, s->v.FunctionDef.n_type_params);
        break;
    case KR_AST_STMT_CLASSDEF:
        dump_ident(d, &w, "name", s->v.ClassDef.name);
        dump_expr_list(d, &w, "bases", s->v.ClassDef.bases, s->v.ClassDef.n_bases);
        dump_keywords(d, &w, s->v.ClassDef.keywords, s->v.ClassDef.n_keywords);
        dump_stmt_list(d, &w, "body", s->v.ClassDef.body, s->v.ClassDef.n_body);
        dump_expr_list(d, &w, "decorator_list", s->v.ClassDef.decorator_list, s->v.ClassDef.n_decorator_list);
        dump_type_params(d, &w, s->v.ClassDef.type_params, s->v.ClassDef.n_type_params);
        break;
    case KR_AST_STMT_TYPEALIAS:
        dump_expr_field(d, &w, "name", s->v.TypeAlias.name);
        dump_type_params(d, &w, s->v.TypeAlias.type_params, s->v.TypeAlias.n_type_params);
        dump_expr_field(d, &w, "value", s->v.TypeAlias.value);
        break;
    case KR_AST_STMT_RETURN: dump_expr_field(d, &w, "value", s->v.Return.value); break;
    case KR_AST_STMT_DELETE: dump_expr_list(d, &w, "targets", s->v.Delete.targets, s->v.Delete.n_targets); break;
    case KR_AST_STMT_ASSIGN:
        dump_expr_list(d, &w, "targets", s->v.Assign.targets, s->v.Assign.n_targets);
        dump_expr_field(d, &w, "value", s->v.Assign.value);
        break;
    case KR_AST_STMT_AUGASSIGN:
        dump_expr_field(d, &w, "target", s->v.AugAssign.target);
        dump_simple(d, &w, "op", kr_ast_operator_name(s->v.AugAssign.op));
        dump_expr_field(d, &w, "value", s->v.AugAssign.value);
        break;
    case KR_AST_STMT_ANNASSIGN:
        dump_expr_field(d, &w, "target", s->v.AnnAssign.target);
        dump_expr_field(d, &w, "annotation", s->v.AnnAssign.annotation);
        dump_expr_field(d, &w, "value", s->v.AnnAssign.value);
        field(&w, "simple");
        fprintf(d->out, "%d", s->v.AnnAssign.simple);
        break;
    case KR_AST_STMT_FOR:
    case KR_AST_STMT_ASYNCFOR:
        dump_expr_field(d, &w, "target", s->v.For.target);
        dump_expr_field(d, &w, "iter", s->v.For.iter);
        dump_stmt_list(d, &w, "body", s->v.For.body, s->v.For.n_body);
        dump_stmt_list(d, &w, "orelse", s->v.For.orelse, s->v.For.n_orelse);
        break;
    case KR_AST_STMT_WHILE:
        dump_expr_field(d, &w, "test", s->v.While.test);
        dump_stmt_list(d, &w, "body", s->v.While.body, s->v.While.n_body);
        dump_stmt_list(d, &w, "orelse", s->v.While.orelse, s->v.While.n_orelse);
        break;
    case KR_AST_STMT_IF:
        dump_expr_field(d, &w, "test", s->v.If.test);
        dump_stmt_list(d, &w, "body", s->v.If.body, s->v.If.n_body);
        dump_stmt_list(d, &w, "orelse", s->v.If.orelse, s->v.If.n_orelse);
        break;
    case KR_AST_STMT_WITH:
    case KR_AST_STMT_ASYNCWITH:
        if (s->v.With.n_items > 0) {
            field(&w, "items");
            fputc('[', d->out);
            for (int i = 0; i < s->v.With.n_items; i++) {
                node_w it;
                if (i)
                    fputs(", ", d->out);
                open_node(d, &it, "withitem", 0, 0, 0, 0, 0);
                dump_expr_field(d, &it, "context_expr", s->v.With.items[i]->context_expr);
                dump_expr_field(d, &it, "optional_vars", s->v.With.items[i]->optional_vars);
                close_node(&it);
            }
            fputc(']', d->out);
        }
        dump_stmt_list(d, &w, "body", s->v.With.body, s->v.With.n_body);
        break;
    case KR_AST_STMT_MATCH:
        dump_expr_field(d, &w, "subject", s->v.Match.subject);
        if (s->v.Match.n_cases > 0) {
            field(&w, "cases");
            fputc('[', d->out);
            for (int i = 0; i < s->v.Match.n_cases; i++) {
                const kr_ast_match_case *mc = s->v.Match.cases[i];
                node_w c;
                if (i)
                    fputs(", ", d->out);
                open_node(d, &c, "match_case", 0, 0, 0, 0, 0);
                field(&c, "pattern");
                dump_pattern(d, mc->pattern);
                dump_expr_field(d, &c, "guard", mc->guard);
                dump_stmt_list(d, &c, "body", mc->body, mc->n_body);
                close_node(&c);
            }
            fputc(']', d->out);
        }
        break;
    case KR_AST_STMT_RAISE:
        dump_expr_field(d, &w, "exc", s->v.Raise.exc);
        dump_expr_field(d, &w, "cause", s->v.Raise.cause);
        break;
    case KR_AST_STMT_TRY:
    case KR_AST_STMT_TRYSTAR:
        dump_stmt_list(d, &w, "body", s->v.Try.body, s->v.Try.n_body);
        if (s->v.Try.n_handlers > 0) {
            field(&w, "handlers");
            fputc('[', d->out);
            for (int i = 0; i < s->v.Try.n_handlers; i++) {
                const kr_ast_excepthandler *h = s->v.Try.handlers[i];
                node_w hw;
                if (i)
                    fputs(", ", d->out);
                open_node(d, &hw, "ExceptHandler", 1, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
                dump_expr_field(d, &hw, "type", h->type);
                dump_ident(d, &hw, "name", h->name);
                dump_stmt_list(d, &hw, "body", h->body, h->n_body);
                close_node(&hw);
            }
            fputc(']', d->out);
        }
        dump_stmt_list(d, &w, "orelse", s->v.Try.orelse, s->v.Try.n_orelse);
        dump_stmt_list(d, &w, "finalbody", s->v.Try.finalbody, s->v.Try.n_finalbody);
        break;
    case KR_AST_STMT_ASSERT:
        dump_expr_field(d, &w, "test", s->v.Assert.test);
        dump_expr_field(d, &w, "msg", s->v.Assert.msg);
        break;
    case KR_AST_STMT_IMPORT: dump_aliases(d, &w, s->v.Import.names, s->v.Import.n_names); break;
    case KR_AST_STMT_IMPORTFROM:
        dump_ident(d, &w, "module", s->v.ImportFrom.module);
        dump_aliases(d, &w, s->v.ImportFrom.names, s->v.ImportFrom.n_names);
        field(&w, "level");
        fprintf(d->out, "%d", s->v.ImportFrom.level);
        break;
    case KR_AST_STMT_GLOBAL: dump_ident_list(d, &w, "names", s->v.Global.names, s->v.Global.n_names); break;
    case KR_AST_STMT_NONLOCAL: dump_ident_list(d, &w, "names", s->v.Nonlocal.names, s->v.Nonlocal.n_names); break;
    case KR_AST_STMT_EXPR: dump_expr_field(d, &w, "value", s->v.Expr.value); break;
    case KR_AST_STMT_PASS:
    case KR_AST_STMT_BREAK:
    case KR_AST_STMT_CONTINUE: break;
    }
    close_node(&w);
}

static void dump_mod(dumper *d, const kr_ast_mod *m)
{
    node_w w;
    if (!m) {
        fputs("None", d->out);
        return;
    }
    switch (m->kind) {
    case KR_AST_MOD_MODULE:
        open_node(d, &w, "Module", 0, 0, 0, 0, 0);
        dump_stmt_list(d, &w, "body", m->v.Module.body, m->v.Module.n_body);
        break;
    case KR_AST_MOD_INTERACTIVE:
        open_node(d, &w, "Interactive", 0, 0, 0, 0, 0);
        dump_stmt_list(d, &w, "body", m->v.Interactive.body, m->v.Interactive.n_body);
        break;
    case KR_AST_MOD_EXPRESSION:
    default:
        open_node(d, &w, "Expression", 0, 0, 0, 0, 0);
        dump_expr_field(d, &w, "body", m->v.Expression.body);
        break;
    }
    close_node(&w);
}

void kr_ast_dump(FILE *out, const kr_ast_mod *mod)
{
    dumper d = {out, 0, 0};
    dump_mod(&d, mod);
}

void kr_ast_dump_positions(FILE *out, const kr_ast_mod *mod)
{
    dumper d = {out, 1, 0};
    dump_mod(&d, mod);
}

void kr_ast_dump_expr(FILE *out, const kr_ast_expr *e)
{
    dumper d = {out, 0, 0};
    dump_expr(&d, e);
}

void kr_ast_dump_stmt(FILE *out, const kr_ast_stmt *s)
{
    dumper d = {out, 0, 0};
    dump_stmt(&d, s);
}
