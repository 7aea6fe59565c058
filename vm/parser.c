/* parser.c: recursive-descent parser for Python 3.12 (source -> vm/ast.h). See parser.h.
 *
 * The grammar follows CPython's Grammar/python.gram, rule for rule where it matters, but the
 * parser is a hand-written LL parser rather than a PEG one:
 *   - assignment targets are parsed as expressions and then converted (store/del context) and
 *     validated, which gives CPython's "cannot assign to ..." messages;
 *   - the few places where PEG backtracks (soft keyword `match`, parenthesised `with` items) save
 *     the token position and retry; tokens are kept in an array filled on demand, so going back is
 *     free and the tokenizer still reports its errors when the parser first looks at the bad token,
 *     as CPython's does;
 *   - every node is allocated in the caller's arena; nothing is freed on failure.
 *
 * Error conventions: parse functions return NULL (or -1) after calling fail*(), which records the
 * FIRST error only (p->failed); callers just propagate. Positions in the error are CPython's 1-based
 * offsets. A generic "invalid syntax" is replaced by a tokenizer error found later in the file, as
 * CPython's _PyPegen_tokenize_full_source_to_check_for_errors does.
 */
#include "parser.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

/* Recursion budget for expressions and blocks. Brackets add one level each and the tokenizer already
 * stops them at KR_LEX_MAX_PARENS, so the budget leaves room for 200 nested brackets plus prefix
 * operators; it exists so that "-" * 100000 + "1" fails cleanly instead of overflowing the C stack. */
#define MAX_DEPTH (2 * KR_PARSE_MAX_NESTING)

/* Height limit of expression trees (see expr_height). */
#define MAX_EXPR_HEIGHT 3000

typedef struct {
    int l, c;
} pos;

typedef struct parser {
    kr_ast_arena *arena;
    kr_lexer lx;
    kr_syntax_error lexerr; /* the tokenizer's error, copied into *err when the parser meets it */
    kr_syntax_error *err;
    kr_lex_token **blocks; /* tokens, filled on demand (see tok_at); malloc'd, freed by kr_parse */
    int nblocks, nblocks_cap;
    int ntoks;
    int pos;       /* index of the next token */
    int lex_done;  /* ENDMARKER or ERROR is the last filled token */
    int lex_failed; /* the tokenizer failed (its error is recorded and stands) */
    int failed;
    int generic;   /* the recorded error is a generic "invalid syntax" */
    int depth;
    int mode;
    int in_fstring; /* > 0 while parsing a replacement field */
    int fail_pos;   /* token index where the first error was recorded */
    int expr_nest;  /* active expression() calls: 0 outside any expression */
    kr_lex_token error_token; /* what tok_at returns when the token table cannot grow: matches nothing */
} parser;

/* ------------------------------------------------------------------------------------------------
 * Errors
 */

static void verror(parser *p, int kind, int l, int c1, int el, int ec1, const char *fmt, va_list ap)
{
    if (p->failed)
        return;
    p->failed = 1;
    p->generic = 0;
    p->fail_pos = p->pos;
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    kr_lex_set_error(&p->lx, p->err, kind, l, c1, el, ec1, "%s", msg);
}

/* Error with 0-based columns (converted to CPython's 1-based offsets). */
static void *fail_range(parser *p, int l, int c, int el, int ec, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
static void *fail_range(parser *p, int l, int c, int el, int ec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, KR_SYNERR_SYNTAX, l, c + 1, el, ec + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *fail_kind(parser *p, int kind, int l, int c, int el, int ec, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
static void *fail_kind(parser *p, int kind, int l, int c, int el, int ec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, kind, l, c + 1, el, ec + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *fail_memory(parser *p)
{
    if (!p->failed) {
        p->failed = 1;
        p->generic = 0;
        kr_lex_set_error(NULL, p->err, KR_SYNERR_MEMORY, 0, 0, 0, 0, "out of memory");
    }
    return NULL;
}

/* ------------------------------------------------------------------------------------------------
 * Tokens
 */

/* Tokens live in fixed-size blocks so that pointers to them stay valid while more are read. */
#define TOK_BLOCK 256

static kr_lex_token *tokp(const parser *p, int i)
{
    unsigned u = (unsigned)i; /* token indices are never negative: shifts, not signed division */
    return &p->blocks[u / TOK_BLOCK][u % TOK_BLOCK];
}


/* Makes token i valid. After the tokenizer fails, the ERROR token repeats; its error is recorded the
 * first time it is filled (the parser is looking at it, so CPython would raise it now). */
static kr_lex_token *tok_fill(parser *p, int i)
{
    while (i >= p->ntoks) {
        if (p->lex_done)
            return tokp(p, p->ntoks - 1);
        if (p->ntoks % TOK_BLOCK == 0) {
            int b = p->ntoks / TOK_BLOCK;
            if (b == p->nblocks_cap) {
                int ncap = p->nblocks_cap ? p->nblocks_cap * 2 : 16;
                kr_lex_token **n = realloc(p->blocks, (size_t)ncap * sizeof *n);
                if (!n) {
                    fail_memory(p);
                    return &p->error_token; /* matches nothing: every caller fails out */
                }
                p->blocks = n;
                p->nblocks_cap = ncap;
            }
            p->blocks[b] = malloc(TOK_BLOCK * sizeof(kr_lex_token));
            if (!p->blocks[b]) {
                fail_memory(p);
                return &p->error_token;
            }
            p->nblocks = b + 1;
        }
        kr_lex_token *t = tokp(p, p->ntoks++);
        if (kr_lex_next(&p->lx, t) < 0) {
            t->type = KR_TOK_ERROR;
            p->lex_done = 1;
            p->lex_failed = 1;
            if (p->lexerr.kind == KR_SYNERR_MEMORY)
                fail_memory(p);
            else if (!p->failed) {
                *p->err = p->lexerr;
                p->failed = 1;
                p->generic = 0;
                p->fail_pos = i;
            }
        } else if (t->type == KR_TOK_ENDMARKER) {
            p->lex_done = 1;
        }
    }
    return tokp(p, i);
}

/* The parser peeks at every precedence level, so the common case (the token was read already) stays
 * inline and the tokenizer call is out of line. */
static inline kr_lex_token *tok_at(parser *p, int i)
{
    if (i < p->ntoks)
        return tokp(p, i);
    return tok_fill(p, i);
}

static void free_tokens(parser *p)
{
    for (int b = 0; b < p->nblocks; b++)
        free(p->blocks[b]);
    free(p->blocks);
}

static kr_lex_token *peek(parser *p) { return tok_at(p, p->pos); }
static kr_lex_token *peek2(parser *p) { return tok_at(p, p->pos + 1); }
static kr_lex_toktype peek_type(parser *p) { return peek(p)->type; }
static int at(parser *p, kr_lex_toktype t) { return peek(p)->type == t; }


static kr_lex_token *advance(parser *p)
{
    kr_lex_token *t = peek(p);
    if (t->type != KR_TOK_ENDMARKER && t->type != KR_TOK_ERROR)
        p->pos++;
    return t;
}

static int accept(parser *p, kr_lex_toktype t)
{
    if (at(p, t)) {
        advance(p);
        return 1;
    }
    return 0;
}

static int tok_is_name(const kr_lex_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->type == KR_TOK_NAME && t->len == n && memcmp(t->start, s, n) == 0;
}

static pos tok_start(const kr_lex_token *t) { return (pos){t->lineno, t->col_offset}; }
static pos start_here(parser *p) { return tok_start(peek(p)); }

/* Does a comprehension's `for` or `async for` clause start here? */
static int at_comp_for(parser *p)
{
    return at(p, KR_TOK_FOR) || (at(p, KR_TOK_ASYNC) && peek2(p)->type == KR_TOK_FOR);
}

/* Is token i at the end of the input (only end-of-file DEDENTs and the ENDMARKER from there on)? */
static int at_eof(parser *p, int i)
{
    for (;; i++) {
        kr_lex_token *t = tok_at(p, i);
        if (t->type == KR_TOK_ENDMARKER)
            return 1;
        if (t->type != KR_TOK_DEDENT)
            return 0;
    }
}

/* Where CPython puts errors detected at end of file: just past the end of the last line. Returns
 * that line; *len gets its length in bytes. */
static int eof_line(parser *p, int *len)
{
    const char *e = p->lx.end, *b = p->lx.buf;
    if (e > b && e[-1] == '\n')
        e--;
    const char *s = e;
    while (s > b && s[-1] != '\n')
        s--;
    int line = 1;
    for (const char *q = b; q < s; q++)
        if (*q == '\n')
            line++;
    *len = (int)(e - s);
    return line;
}

/* The generic "invalid syntax". Like CPython, it is reported on the furthest token the parser has
 * looked at (its lookahead), unless `limit` (a token count) says to look no further; at the end of
 * the input it goes past the last line; unexpected INDENT/DEDENT are IndentationErrors; an ERROR
 * token carries the tokenizer's own error, already recorded. */
static void *fail_generic(parser *p, int limit)
{
    if (p->failed)
        return NULL;
    int i = (limit > 0 && limit < p->ntoks ? limit : p->ntoks) - 1;
    if (i < p->pos)
        i = p->pos;
    kr_lex_token *t = tok_at(p, i);
    switch (t->type) {
    case KR_TOK_ERROR:
        return NULL;
    case KR_TOK_INDENT:
        return fail_kind(p, KR_SYNERR_INDENTATION, t->lineno, t->end_col_offset - 1, t->lineno, -2,
                         "unexpected indent");
    case KR_TOK_DEDENT:
        if (at_eof(p, i))
            break;
        return fail_kind(p, KR_SYNERR_INDENTATION, t->lineno, t->col_offset, t->lineno, -2,
                         "unexpected unindent");
    case KR_TOK_ENDMARKER:
        break;
    default: {
        int el = t->end_lineno, ec = t->end_col_offset;
        if (t->type == KR_TOK_NEWLINE || t->type == KR_TOK_FSTRING_MIDDLE) {
            el = t->lineno;
            ec = t->col_offset + 1;
        }
        fail_range(p, t->lineno, t->col_offset, el, ec, "invalid syntax");
        p->generic = 1;
        return NULL;
    }
    }
    int len, line = eof_line(p, &len);
    fail_range(p, line, -1, line, -1, "invalid syntax");
    p->generic = 1;
    return NULL;
}

static void *fail_here(parser *p) { return fail_generic(p, 0); }

/* A specific message at the current token; at end of input, past the end of the last line. */
static void *fail_msg_here(parser *p, int kind, const char *msg)
{
    kr_lex_token *t = peek(p);
    if (t->type == KR_TOK_ERROR)
        return NULL;
    if ((t->type == KR_TOK_DEDENT || t->type == KR_TOK_ENDMARKER) && at_eof(p, p->pos)) {
        int len, line = eof_line(p, &len);
        return fail_kind(p, kind, line, len, line, -2, "%s", msg);
    }
    if (t->type == KR_TOK_INDENT || t->type == KR_TOK_DEDENT)
        return fail_generic(p, p->pos + 1);
    int el = t->end_lineno, ec = t->end_col_offset;
    if (t->type == KR_TOK_NEWLINE) {
        el = t->lineno;
        ec = t->col_offset + 1;
    }
    return fail_kind(p, kind, t->lineno, t->col_offset, el, ec, "%s", msg);
}

/* `expected 'X'` at the current token (CPython's forced tokens, &&'X'). */
static void *fail_expected(parser *p, const char *what)
{
    char msg[64];
    snprintf(msg, sizeof msg, "expected %s", what);
    return fail_msg_here(p, KR_SYNERR_SYNTAX, msg);
}

static kr_lex_token *expect(parser *p, kr_lex_toktype type)
{
    kr_lex_token *t = peek(p);
    if (t->type == type)
        return advance(p);
    fail_here(p);
    return NULL;
}

static int enter(parser *p)
{
    if (++p->depth > MAX_DEPTH) {
        kr_lex_token *t = peek(p);
        fail_kind(p, KR_SYNERR_RECURSION, t->lineno, t->col_offset, t->lineno, t->col_offset,
                  "too many nested expressions");
        return 0;
    }
    return 1;
}
static void leave(parser *p) { p->depth--; }

/* ------------------------------------------------------------------------------------------------
 * Allocation
 */

static void *alloc(parser *p, size_t n)
{
    void *r = kr_ast_arena_alloc(p->arena, n);
    if (!r)
        fail_memory(p);
    return r;
}

static char *tok_str(parser *p, const kr_lex_token *t)
{
    char *s = kr_ast_arena_strndup(p->arena, t->start, t->len);
    if (!s)
        fail_memory(p);
    return s;
}

/* A growable array of pointers in the arena (old storage is abandoned on growth: at most 2x). */
typedef struct {
    void **items;
    int n, cap;
} vec;

static int vec_push(parser *p, vec *v, void *x)
{
    if (v->n == v->cap) {
        int ncap = v->cap ? v->cap * 2 : 4;
        void **n = alloc(p, (size_t)ncap * sizeof *n);
        if (!n)
            return -1;
        if (v->n)
            memcpy(n, v->items, (size_t)v->n * sizeof *n);
        v->items = n;
        v->cap = ncap;
    }
    v->items[v->n++] = x;
    return 0;
}

static kr_ast_expr *new_expr(parser *p, kr_ast_expr_kind kind, pos s, pos e)
{
    kr_ast_expr *x = alloc(p, sizeof *x);
    if (!x)
        return NULL;
    x->kind = kind;
    x->lineno = s.l;
    x->col_offset = s.c;
    x->end_lineno = e.l;
    x->end_col_offset = e.c;
    return x;
}

static kr_ast_stmt *new_stmt(parser *p, kr_ast_stmt_kind kind, pos s, pos e)
{
    kr_ast_stmt *x = alloc(p, sizeof *x);
    if (!x)
        return NULL;
    x->kind = kind;
    x->lineno = s.l;
    x->col_offset = s.c;
    x->end_lineno = e.l;
    x->end_col_offset = e.c;
    return x;
}

static kr_ast_pattern *new_pattern(parser *p, kr_ast_pattern_kind kind, pos s, pos e)
{
    kr_ast_pattern *x = alloc(p, sizeof *x);
    if (!x)
        return NULL;
    x->kind = kind;
    x->lineno = s.l;
    x->col_offset = s.c;
    x->end_lineno = e.l;
    x->end_col_offset = e.c;
    return x;
}

#define SET_LOC(x, s, e)                                                                           \
    do {                                                                                           \
        (x)->lineno = (s).l;                                                                       \
        (x)->col_offset = (s).c;                                                                   \
        (x)->end_lineno = (e).l;                                                                   \
        (x)->end_col_offset = (e).c;                                                               \
    } while (0)

/* End of the last consumed token that is not NEWLINE/INDENT/DEDENT: with the start of the first
 * token of a rule, this is how CPython positions every node (its EXTRA), so a node ends after the
 * closing parenthesis of a parenthesised last operand: `a + (b)` spans the ')'. */
static pos prev_end(parser *p)
{
    int i = p->pos - 1;
    while (i > 0) {
        kr_lex_toktype t = tokp(p, i)->type;
        if (t != KR_TOK_NEWLINE && t != KR_TOK_INDENT && t != KR_TOK_DEDENT)
            break;
        i--;
    }
    if (i < 0 || p->ntoks == 0)
        return (pos){1, 0};
    kr_lex_token *t = tokp(p, i);
    return (pos){t->end_lineno, t->end_col_offset};
}
static pos expr_start(const kr_ast_expr *e) { return (pos){e->lineno, e->col_offset}; }
static pos expr_end(const kr_ast_expr *e) { return (pos){e->end_lineno, e->end_col_offset}; }
static pos stmt_end(const kr_ast_stmt *s) { return (pos){s->end_lineno, s->end_col_offset}; }

static kr_ast_expr *new_name(parser *p, const kr_lex_token *t, kr_ast_ctx ctx)
{
    kr_ast_expr *e = new_expr(p, KR_AST_EXPR_NAME, tok_start(t), (pos){t->end_lineno, t->end_col_offset});
    if (!e)
        return NULL;
    e->v.Name.id = tok_str(p, t);
    e->v.Name.ctx = ctx;
    return e->v.Name.id ? e : NULL;
}

static kr_ast_expr *new_tuple(parser *p, vec *elts, kr_ast_ctx ctx, pos s, pos e)
{
    kr_ast_expr *t = new_expr(p, KR_AST_EXPR_TUPLE, s, e);
    if (!t)
        return NULL;
    t->v.Tuple.elts = (kr_ast_expr **)elts->items;
    t->v.Tuple.n_elts = elts->n;
    t->v.Tuple.ctx = ctx;
    return t;
}

/* ------------------------------------------------------------------------------------------------
 * Expressions (CPython's precedence climbing, one function per grammar level)
 */

static kr_ast_expr *expression(parser *p);
static kr_ast_expr *named_expression(parser *p);
static kr_ast_expr *star_expressions(parser *p);
static kr_ast_expr *star_named_expression(parser *p);
static kr_ast_expr *disjunction(parser *p);
static kr_ast_expr *bitwise_or(parser *p);
static kr_ast_expr *yield_expr(parser *p);
static kr_ast_expr *factor(parser *p);
static int fstring(parser *p, vec *parts);
static kr_ast_arguments *parameters(parser *p, int is_lambda, kr_lex_toktype close);
static int comp_for(parser *p, vec *gens);
static int set_ctx(parser *p, kr_ast_expr *e, kr_ast_ctx ctx);
static kr_ast_expr *star_targets(parser *p);

/* Can `t` begin an expression (star_expressions)? Used where the expression is optional. */
static int starts_expr(kr_lex_toktype t)
{
    switch (t) {
    case KR_TOK_NAME: case KR_TOK_NUMBER: case KR_TOK_STRING: case KR_TOK_FSTRING_START:
    case KR_TOK_LPAR: case KR_TOK_LSQB: case KR_TOK_LBRACE: case KR_TOK_MINUS: case KR_TOK_PLUS:
    case KR_TOK_TILDE: case KR_TOK_NOT: case KR_TOK_LAMBDA: case KR_TOK_NONE: case KR_TOK_TRUE:
    case KR_TOK_FALSE: case KR_TOK_ELLIPSIS: case KR_TOK_AWAIT: case KR_TOK_STAR:
        return 1;
    default:
        return 0;
    }
}

/* CPython's _PyPegen_get_expr_name: what "cannot assign to %s" calls e. */
static const char *expr_name(const kr_ast_expr *e)
{
    switch (e->kind) {
    case KR_AST_EXPR_ATTRIBUTE: return "attribute";
    case KR_AST_EXPR_SUBSCRIPT: return "subscript";
    case KR_AST_EXPR_STARRED: return "starred";
    case KR_AST_EXPR_NAME: return "name";
    case KR_AST_EXPR_LIST: return "list";
    case KR_AST_EXPR_TUPLE: return "tuple";
    case KR_AST_EXPR_LAMBDA: return "lambda";
    case KR_AST_EXPR_CALL: return "function call";
    case KR_AST_EXPR_BOOLOP: case KR_AST_EXPR_BINOP: case KR_AST_EXPR_UNARYOP: return "expression";
    case KR_AST_EXPR_GENERATOREXP: return "generator expression";
    case KR_AST_EXPR_YIELD: case KR_AST_EXPR_YIELDFROM: return "yield expression";
    case KR_AST_EXPR_AWAIT: return "await expression";
    case KR_AST_EXPR_LISTCOMP: return "list comprehension";
    case KR_AST_EXPR_SETCOMP: return "set comprehension";
    case KR_AST_EXPR_DICTCOMP: return "dict comprehension";
    case KR_AST_EXPR_DICT: return "dict literal";
    case KR_AST_EXPR_SET: return "set display";
    case KR_AST_EXPR_JOINEDSTR: case KR_AST_EXPR_FORMATTEDVALUE: return "f-string expression";
    case KR_AST_EXPR_CONSTANT:
        switch (e->v.Constant.kind) {
        case KR_AST_CONST_NONE: return "None";
        case KR_AST_CONST_TRUE: return "True";
        case KR_AST_CONST_FALSE: return "False";
        case KR_AST_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case KR_AST_EXPR_COMPARE: return "comparison";
    case KR_AST_EXPR_IFEXP: return "conditional expression";
    case KR_AST_EXPR_NAMEDEXPR: return "named expression";
    case KR_AST_EXPR_SLICE: return "slice";
    }
    return "expression";
}

static void *fail_expr(parser *p, const kr_ast_expr *e, const char *fmt, const char *arg)
{
    return fail_range(p, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, fmt, arg);
}

/* ---- atoms ---------------------------------------------------------------------------------- */

static kr_ast_expr *new_const(parser *p, kr_ast_const_kind kind, const kr_lex_token *t)
{
    kr_ast_expr *e = new_expr(p, KR_AST_EXPR_CONSTANT, tok_start(t), (pos){t->end_lineno, t->end_col_offset});
    if (e)
        e->v.Constant.kind = kind;
    return e;
}

/* One piece of an implicitly concatenated string: decoded text or a formatted value. */
static int push_text(parser *p, vec *parts, const char *s, size_t n, pos st, pos en)
{
    kr_ast_expr *c = new_expr(p, KR_AST_EXPR_CONSTANT, st, en);
    if (!c)
        return -1;
    c->v.Constant.kind = KR_AST_CONST_STR;
    c->v.Constant.s = s;
    c->v.Constant.len = n;
    return vec_push(p, parts, c);
}

/* Joins adjacent Constant parts (dropping empty ones) into the final value list. */
static kr_ast_expr *make_joined(parser *p, vec *parts, pos s, pos e)
{
    vec out = {0};
    for (int i = 0; i < parts->n;) {
        kr_ast_expr *x = parts->items[i];
        if (x->kind != KR_AST_EXPR_CONSTANT) {
            if (vec_push(p, &out, x) < 0)
                return NULL;
            i++;
            continue;
        }
        int j = i;
        size_t total = 0;
        while (j < parts->n && ((kr_ast_expr *)parts->items[j])->kind == KR_AST_EXPR_CONSTANT)
            total += ((kr_ast_expr *)parts->items[j++])->v.Constant.len;
        if (total > 0) {
            char *buf = alloc(p, total + 1);
            if (!buf)
                return NULL;
            size_t k = 0;
            for (int m = i; m < j; m++) {
                kr_ast_expr *c = parts->items[m];
                memcpy(buf + k, c->v.Constant.s, c->v.Constant.len);
                k += c->v.Constant.len;
            }
            kr_ast_expr *first = parts->items[i], *last = parts->items[j - 1];
            kr_ast_expr *c = new_expr(p, KR_AST_EXPR_CONSTANT, expr_start(first), expr_end(last));
            if (!c)
                return NULL;
            c->v.Constant.kind = KR_AST_CONST_STR;
            c->v.Constant.s = buf;
            c->v.Constant.len = total;
            if (vec_push(p, &out, c) < 0)
                return NULL;
        }
        i = j;
    }
    kr_ast_expr *j = new_expr(p, KR_AST_EXPR_JOINEDSTR, s, e);
    if (!j)
        return NULL;
    j->v.JoinedStr.values = (kr_ast_expr **)out.items;
    j->v.JoinedStr.n_values = out.n;
    return j;
}

/* strings: (STRING | fstring)+, implicitly concatenated. */
static kr_ast_expr *strings(parser *p)
{
    pos s = start_here(p);
    vec parts = {0};
    int has_f = 0, has_bytes = 0, has_str = 0;
    while (at(p, KR_TOK_STRING) || at(p, KR_TOK_FSTRING_START)) {
        if (at(p, KR_TOK_FSTRING_START)) {
            has_f = has_str = 1;
            if (fstring(p, &parts) < 0)
                return NULL;
            continue;
        }
        kr_lex_token *t = advance(p);
        char *out;
        size_t n;
        int is_bytes;
        if (kr_lex_string_value(&p->lx, t, &out, &n, &is_bytes, p->err) < 0) {
            if (!p->failed) {
                p->failed = 1;
                p->generic = 0;
            }
            return NULL;
        }
        if (is_bytes)
            has_bytes = 1;
        else
            has_str = 1;
        if (push_text(p, &parts, out, n, tok_start(t), (pos){t->end_lineno, t->end_col_offset}) < 0)
            return NULL;
    }
    pos e = prev_end(p);
    if (has_bytes && has_str) /* CPython reports it on the token after the strings */
        return fail_msg_here(p, KR_SYNERR_SYNTAX, "cannot mix bytes and nonbytes literals");
    if (has_f)
        return make_joined(p, &parts, s, e);
    size_t total = 0;
    for (int i = 0; i < parts.n; i++)
        total += ((kr_ast_expr *)parts.items[i])->v.Constant.len;
    char *buf;
    if (parts.n == 1) {
        buf = (char *)((kr_ast_expr *)parts.items[0])->v.Constant.s;
    } else {
        buf = alloc(p, total + 1);
        if (!buf)
            return NULL;
        size_t k = 0;
        for (int i = 0; i < parts.n; i++) {
            kr_ast_expr *c = parts.items[i];
            memcpy(buf + k, c->v.Constant.s, c->v.Constant.len);
            k += c->v.Constant.len;
        }
    }
    kr_ast_expr *c = new_expr(p, KR_AST_EXPR_CONSTANT, s, e);
    if (!c)
        return NULL;
    c->v.Constant.kind = has_bytes ? KR_AST_CONST_BYTES : KR_AST_CONST_STR;
    c->v.Constant.s = buf;
    c->v.Constant.len = total;
    return c;
}

/* Is the f-string being lexed raw? Looks at the prefix of its FSTRING_START token. */
static int fstring_is_raw(const kr_lex_token *t)
{
    for (size_t i = 0; i < t->len && t->start[i] != '"' && t->start[i] != '\''; i++)
        if (t->start[i] == 'r' || t->start[i] == 'R')
            return 1;
    return 0;
}

static kr_ast_expr *fstring_field(parser *p, int raw);

/* Literal text and fields up to (not including) the closing token `until` (FSTRING_END or '}' of a
 * format spec). */
static int fstring_body(parser *p, vec *parts, int raw, kr_lex_toktype until)
{
    for (;;) {
        kr_lex_token *t = peek(p);
        if (t->type == until)
            return 0;
        if (t->type == KR_TOK_FSTRING_MIDDLE) {
            advance(p);
            char *out;
            size_t n;
            if (kr_lex_fstring_middle_value(&p->lx, t, raw, &out, &n, p->err) < 0) {
                if (!p->failed) {
                    p->failed = 1;
                    p->generic = 0;
                }
                return -1;
            }
            if (n > 0 && push_text(p, parts, out, n, tok_start(t), (pos){t->end_lineno, t->end_col_offset}) < 0)
                return -1;
            continue;
        }
        if (t->type == KR_TOK_LBRACE) {
            kr_ast_expr *f = fstring_field(p, raw);
            if (!f)
                return -1;
            if (f->kind == KR_AST_EXPR_JOINEDSTR) { /* `{x=}`: the debug text, then the value */
                if (vec_push(p, parts, f->v.JoinedStr.values[0]) < 0 ||
                    vec_push(p, parts, f->v.JoinedStr.values[1]) < 0)
                    return -1;
            } else if (vec_push(p, parts, f) < 0) {
                return -1;
            }
            continue;
        }
        fail_here(p);
        return -1;
    }
}

/* One f-string (FSTRING_START ... FSTRING_END): its pieces are appended to parts. */
static int fstring(parser *p, vec *parts)
{
    kr_lex_token *st = advance(p); /* FSTRING_START */
    if (fstring_body(p, parts, fstring_is_raw(st), KR_TOK_FSTRING_END) < 0)
        return -1;
    advance(p);
    return 0;
}

static kr_ast_expr *fstring_field(parser *p, int raw)
{
    kr_lex_token *lb = advance(p); /* '{' */
    pos s = tok_start(lb);
    if (!enter(p))
        return NULL;
    p->in_fstring++;
    kr_ast_expr *value = NULL, *spec = NULL, *debug = NULL;
    int conversion = -1;
    kr_lex_token *t = peek(p);
    if (t->type == KR_TOK_RBRACE || t->type == KR_TOK_EXCLAMATION || t->type == KR_TOK_COLON ||
        t->type == KR_TOK_EQUAL) {
        const char *c = t->type == KR_TOK_RBRACE ? "}" : t->type == KR_TOK_EXCLAMATION ? "!" :
                        t->type == KR_TOK_COLON ? ":" : "=";
        fail_range(p, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                   "f-string: valid expression required before '%s'", c);
        goto out;
    }
    if (t->type == KR_TOK_LAMBDA) {
        /* its ':' would start the format spec */
        int i = p->pos;
        kr_lex_token *c;
        while ((c = tok_at(p, i))->type != KR_TOK_COLON && c->type != KR_TOK_RBRACE && c->type != KR_TOK_ERROR &&
               c->type != KR_TOK_FSTRING_END && c->type != KR_TOK_ENDMARKER)
            i++;
        if (c->type == KR_TOK_ERROR)
            goto out;
        fail_range(p, t->lineno, t->col_offset, c->end_lineno, c->end_col_offset,
                   "f-string: lambda expressions are not allowed without parentheses");
        goto out;
    }
    value = at(p, KR_TOK_YIELD) ? yield_expr(p) : star_expressions(p);
    if (!value)
        goto out;
    if (at(p, KR_TOK_EQUAL)) {
        advance(p);
        /* the debug text runs from after '{' to the next token, whitespace included */
        kr_lex_token *nx = peek(p);
        if (nx->type == KR_TOK_ERROR)
            goto out;
        const char *a = lb->start + 1, *b = nx->start;
        if (b < a)
            b = a;
        char *txt = alloc(p, (size_t)(b - a) + 1);
        if (!txt)
            goto out;
        /* comments are dropped from the text, from '#' to the line end, as CPython 3.12 does (it
         * does not look for quotes either: f'{"#" = }' loses the '#"') */
        size_t tn = 0;
        for (const char *q = a; q < b; q++) {
            if (*q == '#') {
                while (q + 1 < b && q[1] != '\n')
                    q++;
                continue;
            }
            txt[tn++] = *q;
        }
        txt[tn] = '\0';
        debug = new_expr(p, KR_AST_EXPR_CONSTANT, (pos){lb->end_lineno, lb->end_col_offset},
                         (pos){nx->lineno, nx->col_offset});
        if (!debug)
            goto out;
        debug->v.Constant.kind = KR_AST_CONST_STR;
        debug->v.Constant.s = txt;
        debug->v.Constant.len = tn;
    }
    if (at(p, KR_TOK_EXCLAMATION)) {
        kr_lex_token *ex = advance(p);
        kr_lex_token *n = peek(p);
        if (n->type != KR_TOK_NAME) {
            if (n->type == KR_TOK_RBRACE || n->type == KR_TOK_COLON)
                fail_range(p, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset,
                           "f-string: missing conversion character");
            else
                fail_range(p, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset,
                           "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            goto out;
        }
        if (n->lineno != ex->end_lineno || n->col_offset != ex->end_col_offset) {
            fail_range(p, ex->lineno, ex->col_offset, n->end_lineno, n->end_col_offset,
                       "f-string: conversion type must come right after the exclamanation mark");
            goto out;
        }
        if (n->len != 1 || (n->start[0] != 's' && n->start[0] != 'r' && n->start[0] != 'a')) {
            fail_range(p, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset,
                       "f-string: invalid conversion character '%.*s': expected 's', 'r', or 'a'",
                       (int)(n->len > 40 ? 40 : n->len), n->start);
            goto out;
        }
        conversion = n->start[0];
        advance(p);
    }
    if (at(p, KR_TOK_COLON)) {
        kr_lex_token *colon = advance(p);
        vec sp = {0};
        if (fstring_body(p, &sp, raw, KR_TOK_RBRACE) < 0)
            goto out;
        kr_lex_token *rb = peek(p);
        spec = make_joined(p, &sp, tok_start(colon), tok_start(rb));
        if (!spec)
            goto out;
    }
    if (!at(p, KR_TOK_RBRACE)) {
        kr_lex_token *b = peek(p);
        if (b->type == KR_TOK_ERROR)
            goto out;
        fail_range(p, b->lineno, b->col_offset, b->end_lineno, b->end_col_offset, "f-string: expecting '}'");
        goto out;
    }
    advance(p);
    if (debug && conversion == -1 && !spec)
        conversion = 'r';
    {
        kr_ast_expr *fv = new_expr(p, KR_AST_EXPR_FORMATTEDVALUE, s, prev_end(p));
        if (!fv)
            goto out;
        fv->v.FormattedValue.value = value;
        fv->v.FormattedValue.conversion = conversion;
        fv->v.FormattedValue.format_spec = spec;
        p->in_fstring--;
        leave(p);
        if (debug) {
            /* a two-element JoinedStr is the marker fstring_body splits into debug text + value */
            kr_ast_expr *pair = new_expr(p, KR_AST_EXPR_JOINEDSTR, s, prev_end(p));
            if (!pair)
                return NULL;
            kr_ast_expr **v = alloc(p, 2 * sizeof *v);
            if (!v)
                return NULL;
            v[0] = debug;
            v[1] = fv;
            pair->v.JoinedStr.values = v;
            pair->v.JoinedStr.n_values = 2;
            return pair;
        }
        return fv;
    }
out:
    p->in_fstring--;
    leave(p);
    return NULL;
}

/* ---- displays ------------------------------------------------------------------------------- */

static kr_ast_expr *new_comp(parser *p, kr_ast_expr_kind kind, kr_ast_expr *elt, vec *gens, pos s, pos e)
{
    kr_ast_expr *c = new_expr(p, kind, s, e);
    if (!c)
        return NULL;
    /* ListComp, SetComp and GeneratorExp share a layout */
    c->v.ListComp.elt = elt;
    c->v.ListComp.generators = (kr_ast_comprehension **)gens->items;
    c->v.ListComp.n_generators = gens->n;
    return c;
}

static void *fail_starred_comp(parser *p, kr_ast_expr *elt)
{
    return fail_expr(p, elt, "%s", "iterable unpacking cannot be used in comprehension");
}

/* After a bracketed element list fails to close: CPython's "Perhaps you forgot a comma?" when an
 * expression directly follows another one, else the generic error. */
static void *fail_in_brackets(parser *p, kr_ast_expr *last)
{
    kr_lex_token *t = peek(p);
    int fetched = p->ntoks;
    if (last && starts_expr(t->type) && t->type != KR_TOK_STAR && !p->failed &&
        !(last->kind == KR_AST_EXPR_NAME && (t->type == KR_TOK_STRING || t->type == KR_TOK_FSTRING_START))) {
        int save = p->pos;
        kr_ast_expr *next = expression(p);
        if (next && !p->failed)
            return fail_range(p, last->lineno, last->col_offset, next->end_lineno, next->end_col_offset,
                              "invalid syntax. Perhaps you forgot a comma?");
        if (p->failed)
            return NULL;
        p->pos = save;
    }
    return fail_generic(p, fetched);
}

/* `e = ...` where a comparison or a walrus was meant (`if x = 1:`): CPython's invalid_named_expression.
 * The current token is the '='. */
static void *fail_equal_for_eq(parser *p, kr_ast_expr *e)
{
    if (e->kind != KR_AST_EXPR_NAME)
        return fail_expr(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(e));
    kr_lex_token *eq = advance(p);
    pos end = {eq->end_lineno, eq->end_col_offset};
    kr_ast_expr *rhs = bitwise_or(p);
    if (rhs)
        end = prev_end(p);
    else if (p->failed && !p->lex_failed)
        p->failed = 0;
    if (p->failed)
        return NULL;
    return fail_range(p, e->lineno, e->col_offset, end.l, end.c,
                      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
}

/* '(' ... ')': empty tuple, group, yield, tuple or generator expression. */
static kr_ast_expr *paren_atom(parser *p)
{
    kr_lex_token *lp = advance(p);
    pos s = tok_start(lp);
    if (accept(p, KR_TOK_RPAR)) {
        vec none = {0};
        return new_tuple(p, &none, KR_AST_LOAD, s, prev_end(p));
    }
    if (at(p, KR_TOK_YIELD)) {
        kr_ast_expr *y = yield_expr(p);
        if (!y)
            return NULL;
        if (!at(p, KR_TOK_RPAR))
            return fail_here(p);
        advance(p);
        return y;
    }
    kr_ast_expr *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at_comp_for(p)) {
        if (first->kind == KR_AST_EXPR_STARRED)
            return fail_starred_comp(p, first);
        vec gens = {0};
        if (comp_for(p, &gens) < 0)
            return NULL;
        if (!at(p, KR_TOK_RPAR))
            return fail_here(p);
        advance(p);
        return new_comp(p, KR_AST_EXPR_GENERATOREXP, first, &gens, s, prev_end(p));
    }
    if (at(p, KR_TOK_COMMA)) {
        vec elts = {0};
        if (vec_push(p, &elts, first) < 0)
            return NULL;
        while (accept(p, KR_TOK_COMMA)) {
            if (at(p, KR_TOK_RPAR))
                break;
            kr_ast_expr *e = star_named_expression(p);
            if (!e || vec_push(p, &elts, e) < 0)
                return NULL;
        }
        if (!at(p, KR_TOK_RPAR))
            return fail_in_brackets(p, elts.items[elts.n - 1]);
        advance(p);
        return new_tuple(p, &elts, KR_AST_LOAD, s, prev_end(p));
    }
    if (!at(p, KR_TOK_RPAR)) {
        if (at(p, KR_TOK_EQUAL) && first->kind != KR_AST_EXPR_STARRED)
            return fail_equal_for_eq(p, first);
        return fail_in_brackets(p, first);
    }
    advance(p);
    if (first->kind == KR_AST_EXPR_STARRED)
        return fail_expr(p, first, "%s", "cannot use starred expression here");
    return first;
}

static kr_ast_expr *list_atom(parser *p)
{
    kr_lex_token *lb = advance(p);
    pos s = tok_start(lb);
    vec elts = {0};
    if (accept(p, KR_TOK_RSQB))
        goto done;
    kr_ast_expr *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at_comp_for(p)) {
        if (first->kind == KR_AST_EXPR_STARRED)
            return fail_starred_comp(p, first);
        vec gens = {0};
        if (comp_for(p, &gens) < 0)
            return NULL;
        if (!at(p, KR_TOK_RSQB))
            return fail_here(p);
        advance(p);
        return new_comp(p, KR_AST_EXPR_LISTCOMP, first, &gens, s, prev_end(p));
    }
    if (vec_push(p, &elts, first) < 0)
        return NULL;
    while (accept(p, KR_TOK_COMMA)) {
        if (at(p, KR_TOK_RSQB))
            break;
        kr_ast_expr *e = star_named_expression(p);
        if (!e || vec_push(p, &elts, e) < 0)
            return NULL;
    }
    if (!at(p, KR_TOK_RSQB))
        return fail_in_brackets(p, elts.items[elts.n - 1]);
    advance(p);
done:;
    kr_ast_expr *l = new_expr(p, KR_AST_EXPR_LIST, s, prev_end(p));
    if (!l)
        return NULL;
    l->v.List.elts = (kr_ast_expr **)elts.items;
    l->v.List.n_elts = elts.n;
    l->v.List.ctx = KR_AST_LOAD;
    return l;
}

static void *fail_dict_value(parser *p)
{
    kr_lex_token *c = tokp(p, p->pos - 1);
    return fail_range(p, c->lineno, c->col_offset, c->end_lineno, c->end_col_offset,
                      "expression expected after dictionary key and ':'");
}

/* '{' ... '}': dict, set, dict or set comprehension. */
static kr_ast_expr *brace_atom(parser *p)
{
    kr_lex_token *lb = advance(p);
    pos s = tok_start(lb);
    vec keys = {0}, values = {0};
    if (accept(p, KR_TOK_RBRACE))
        goto dict;
    /* the first item decides between dict and set */
    kr_ast_expr *k = NULL, *v;
    pos dstar = start_here(p);
    if (accept(p, KR_TOK_DOUBLESTAR)) {
        v = bitwise_or(p);
        if (!v)
            return NULL;
    } else {
        kr_lex_toktype first_tok = peek_type(p);
        k = star_named_expression(p);
        if (!k)
            return NULL;
        if (!at(p, KR_TOK_COLON) || k->kind == KR_AST_EXPR_STARRED) {
            /* a set */
            vec elts = {0};
            if (at_comp_for(p)) {
                if (k->kind == KR_AST_EXPR_STARRED)
                    return fail_starred_comp(p, k);
                vec gens = {0};
                if (comp_for(p, &gens) < 0)
                    return NULL;
                if (!at(p, KR_TOK_RBRACE))
                    return fail_here(p);
                advance(p);
                return new_comp(p, KR_AST_EXPR_SETCOMP, k, &gens, s, prev_end(p));
            }
            if (vec_push(p, &elts, k) < 0)
                return NULL;
            while (accept(p, KR_TOK_COMMA)) {
                if (at(p, KR_TOK_RBRACE))
                    break;
                kr_ast_expr *e = star_named_expression(p);
                if (!e || vec_push(p, &elts, e) < 0)
                    return NULL;
            }
            if (!at(p, KR_TOK_RBRACE))
                return fail_in_brackets(p, elts.items[elts.n - 1]);
            advance(p);
            kr_ast_expr *set = new_expr(p, KR_AST_EXPR_SET, s, prev_end(p));
            if (!set)
                return NULL;
            set->v.Set.elts = (kr_ast_expr **)elts.items;
            set->v.Set.n_elts = elts.n;
            return set;
        }
        if (k->kind == KR_AST_EXPR_NAMEDEXPR && first_tok != KR_TOK_LPAR)
            return fail_here(p); /* {a := 1: 2} */
        advance(p); /* ':' */
        if (at(p, KR_TOK_COMMA) || at(p, KR_TOK_RBRACE))
            return fail_dict_value(p);
        v = expression(p);
        if (!v)
            return NULL;
        if (at_comp_for(p)) {
            vec gens = {0};
            if (comp_for(p, &gens) < 0)
                return NULL;
            if (!at(p, KR_TOK_RBRACE))
                return fail_here(p);
            advance(p);
            kr_ast_expr *dc = new_expr(p, KR_AST_EXPR_DICTCOMP, s, prev_end(p));
            if (!dc)
                return NULL;
            dc->v.DictComp.key = k;
            dc->v.DictComp.value = v;
            dc->v.DictComp.generators = (kr_ast_comprehension **)gens.items;
            dc->v.DictComp.n_generators = gens.n;
            return dc;
        }
    }
    if (at_comp_for(p) && !k) {
        return fail_range(p, dstar.l, dstar.c, v->lineno, v->col_offset,
                          "dict unpacking cannot be used in dict comprehension");
    }
    if (vec_push(p, &keys, k) < 0 || vec_push(p, &values, v) < 0)
        return NULL;
    while (accept(p, KR_TOK_COMMA)) {
        if (at(p, KR_TOK_RBRACE))
            break;
        k = NULL;
        if (accept(p, KR_TOK_DOUBLESTAR)) {
            v = bitwise_or(p);
            if (!v)
                return NULL;
        } else {
            k = expression(p);
            if (!k)
                return NULL;
            if (!at(p, KR_TOK_COLON)) {
                if (at(p, KR_TOK_COMMA) || at(p, KR_TOK_RBRACE))
                    return fail_range(p, k->lineno, k->col_offset, k->lineno, -1, "':' expected after dictionary key");
                return fail_in_brackets(p, k);
            }
            advance(p);
            if (at(p, KR_TOK_COMMA) || at(p, KR_TOK_RBRACE))
                return fail_dict_value(p);
            v = expression(p);
            if (!v)
                return NULL;
        }
        if (vec_push(p, &keys, k) < 0 || vec_push(p, &values, v) < 0)
            return NULL;
    }
    if (!at(p, KR_TOK_RBRACE))
        return fail_in_brackets(p, values.items[values.n - 1]);
    advance(p);
dict:;
    kr_ast_expr *d = new_expr(p, KR_AST_EXPR_DICT, s, prev_end(p));
    if (!d)
        return NULL;
    d->v.Dict.keys = (kr_ast_expr **)keys.items;
    d->v.Dict.values = (kr_ast_expr **)values.items;
    d->v.Dict.n_keys = keys.n;
    return d;
}

static kr_ast_expr *atom(parser *p)
{
    kr_lex_token *t = peek(p);
    switch (t->type) {
    case KR_TOK_NAME:
        advance(p);
        return new_name(p, t, KR_AST_LOAD);
    case KR_TOK_NUMBER: {
        advance(p);
        kr_ast_expr *e = new_const(p, KR_AST_CONST_INT, t);
        if (e && kr_lex_number_value(p->arena, t, &e->v.Constant) < 0)
            return fail_memory(p);
        return e;
    }
    case KR_TOK_STRING:
    case KR_TOK_FSTRING_START:
        return strings(p);
    case KR_TOK_NONE: advance(p); return new_const(p, KR_AST_CONST_NONE, t);
    case KR_TOK_TRUE: advance(p); return new_const(p, KR_AST_CONST_TRUE, t);
    case KR_TOK_FALSE: advance(p); return new_const(p, KR_AST_CONST_FALSE, t);
    case KR_TOK_ELLIPSIS: advance(p); return new_const(p, KR_AST_CONST_ELLIPSIS, t);
    case KR_TOK_LPAR: return paren_atom(p);
    case KR_TOK_LSQB: return list_atom(p);
    case KR_TOK_LBRACE: return brace_atom(p);
    default:
        return fail_here(p);
    }
}

/* ---- primary: calls, subscripts, attributes ------------------------------------------------- */

static kr_ast_keyword *new_keyword(parser *p, const char *arg, kr_ast_expr *value, pos s)
{
    kr_ast_keyword *k = alloc(p, sizeof *k);
    if (!k)
        return NULL;
    k->arg = arg;
    k->value = value;
    SET_LOC(k, s, prev_end(p));
    return k;
}

/* Call arguments after '(' up to and including ')'. Also used for class bases. */
static int call_args(parser *p, vec *args, vec *kws, pos open, int allow_genexp)
{
    kr_lex_token *comma = NULL; /* the ',' before the current argument */
    int seen_kw = 0, seen_dstar = 0;
    kr_ast_expr *last = NULL; /* the latest argument value, for "Perhaps you forgot a comma?" */
    while (!at(p, KR_TOK_RPAR)) {
        kr_lex_token *t = peek(p);
        pos s = tok_start(t);
        if (t->type == KR_TOK_STAR) {
            advance(p);
            if (at(p, KR_TOK_RPAR) || at(p, KR_TOK_COMMA)) {
                fail_msg_here(p, KR_SYNERR_SYNTAX, "Invalid star expression");
                return -1;
            }
            kr_ast_expr *v = expression(p);
            if (!v)
                return -1;
            kr_ast_expr *st = new_expr(p, KR_AST_EXPR_STARRED, s, prev_end(p));
            if (!st)
                return -1;
            st->v.Starred.value = v;
            st->v.Starred.ctx = KR_AST_LOAD;
            if (seen_dstar) {
                pos cs = comma ? tok_start(comma) : s;
                fail_range(p, cs.l, cs.c, st->end_lineno, st->end_col_offset,
                           "iterable argument unpacking follows keyword argument unpacking");
                return -1;
            }
            last = v;
            if (vec_push(p, args, st) < 0)
                return -1;
        } else if (t->type == KR_TOK_DOUBLESTAR) {
            advance(p);
            kr_ast_expr *v = expression(p);
            if (!v)
                return -1;
            kr_ast_keyword *k = new_keyword(p, NULL, v, s);
            if (!k || vec_push(p, kws, k) < 0)
                return -1;
            seen_dstar = 1;
            last = v;
        } else if (t->type == KR_TOK_NAME && peek2(p)->type == KR_TOK_EQUAL) {
            advance(p);
            advance(p);
            kr_ast_expr *v = expression(p);
            if (!v)
                return -1;
            if (at_comp_for(p)) { /* f(a=x for x in y): CPython's invalid_kwarg */
                kr_lex_token *eq = tok_at(p, p->pos - 1);
                int i = p->pos - 1;
                while (i > 0 && (eq = tokp(p, i))->type != KR_TOK_EQUAL)
                    i--;
                fail_range(p, t->lineno, t->col_offset, eq->end_lineno, eq->end_col_offset,
                           "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                return -1;
            }
            char *name = tok_str(p, t);
            kr_ast_keyword *k = name ? new_keyword(p, name, v, s) : NULL;
            if (!k || vec_push(p, kws, k) < 0)
                return -1;
            seen_kw = 1;
            last = v;
        } else {
            if ((t->type == KR_TOK_TRUE || t->type == KR_TOK_FALSE || t->type == KR_TOK_NONE) &&
                peek2(p)->type == KR_TOK_EQUAL) {
                kr_lex_token *eq = peek2(p);
                fail_range(p, t->lineno, t->col_offset, eq->end_lineno, eq->end_col_offset, "cannot assign to %s",
                           t->type == KR_TOK_TRUE ? "True" : t->type == KR_TOK_FALSE ? "False" : "None");
                return -1;
            }
            kr_ast_expr *v = named_expression(p);
            if (!v)
                return -1;
            if (at_comp_for(p) && !allow_genexp) {
                fail_here(p);
                return -1;
            }
            if (at_comp_for(p)) {
                vec gens = {0};
                if (comp_for(p, &gens) < 0)
                    return -1;
                pos ge_end = prev_end(p);
                if (args->n == 0 && kws->n == 0 && at(p, KR_TOK_RPAR)) {
                    advance(p);
                    kr_ast_expr *g = new_comp(p, KR_AST_EXPR_GENERATOREXP, v, &gens, open, prev_end(p));
                    if (!g || vec_push(p, args, g) < 0)
                        return -1;
                    return 0;
                }
                fail_range(p, v->lineno, v->col_offset, ge_end.l, ge_end.c,
                           "Generator expression must be parenthesized");
                return -1;
            }
            if (at(p, KR_TOK_EQUAL)) {
                kr_lex_token *eq = peek(p);
                fail_range(p, v->lineno, v->col_offset, eq->end_lineno, eq->end_col_offset,
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
                return -1;
            }
            if (seen_dstar || seen_kw) {
                /* CPython reports these on the token after the argument */
                fail_msg_here(p, KR_SYNERR_SYNTAX, seen_dstar ? "positional argument follows keyword argument unpacking"
                                                              : "positional argument follows keyword argument");
                return -1;
            }
            if (vec_push(p, args, v) < 0)
                return -1;
            last = v;
        }
        comma = peek(p);
        if (!accept(p, KR_TOK_COMMA)) {
            if (!at(p, KR_TOK_RPAR)) {
                fail_in_brackets(p, last);
                return -1;
            }
            break;
        }
        if (at(p, KR_TOK_RPAR))
            break;
    }
    advance(p); /* ')' */
    return 0;
}

static kr_ast_expr *slice_item(parser *p)
{
    kr_lex_token *t = peek(p);
    pos s = tok_start(t);
    if (t->type == KR_TOK_STAR) {
        advance(p);
        kr_ast_expr *v = bitwise_or(p);
        if (!v)
            return NULL;
        kr_ast_expr *st = new_expr(p, KR_AST_EXPR_STARRED, s, prev_end(p));
        if (st) {
            st->v.Starred.value = v;
            st->v.Starred.ctx = KR_AST_LOAD;
        }
        return st;
    }
    kr_ast_expr *lower = NULL, *upper = NULL, *step = NULL;
    if (t->type != KR_TOK_COLON) {
        lower = named_expression(p);
        if (!lower)
            return NULL;
        if (!at(p, KR_TOK_COLON))
            return lower;
    }
    advance(p); /* ':' */
    if (!at(p, KR_TOK_COLON) && !at(p, KR_TOK_RSQB) && !at(p, KR_TOK_COMMA)) {
        upper = expression(p);
        if (!upper)
            return NULL;
    }
    if (accept(p, KR_TOK_COLON)) {
        if (!at(p, KR_TOK_RSQB) && !at(p, KR_TOK_COMMA)) {
            step = expression(p);
            if (!step)
                return NULL;
        }
    }
    kr_ast_expr *sl = new_expr(p, KR_AST_EXPR_SLICE, s, prev_end(p));
    if (!sl)
        return NULL;
    sl->v.Slice.lower = lower;
    sl->v.Slice.upper = upper;
    sl->v.Slice.step = step;
    return sl;
}

static kr_ast_expr *subscript_slices(parser *p)
{
    pos s = start_here(p);
    kr_ast_expr *first = slice_item(p);
    if (!first)
        return NULL;
    if (!at(p, KR_TOK_COMMA)) {
        if (first->kind == KR_AST_EXPR_STARRED) {
            /* a[*b] is a[(*b,)] */
            vec one = {0};
            if (vec_push(p, &one, first) < 0)
                return NULL;
            return new_tuple(p, &one, KR_AST_LOAD, s, prev_end(p));
        }
        return first;
    }
    vec elts = {0};
    if (vec_push(p, &elts, first) < 0)
        return NULL;
    while (accept(p, KR_TOK_COMMA)) {
        if (at(p, KR_TOK_RSQB))
            break;
        kr_ast_expr *e = slice_item(p);
        if (!e || vec_push(p, &elts, e) < 0)
            return NULL;
    }
    return new_tuple(p, &elts, KR_AST_LOAD, s, prev_end(p));
}

static kr_ast_expr *primary_noawait(parser *p);

/* await_primary: 'await' primary | primary. Whether an await is allowed where it stands is the
 * compiler's question (vm/compile.c), as in CPython. */
static kr_ast_expr *primary(parser *p)
{
    if (!at(p, KR_TOK_AWAIT))
        return primary_noawait(p);
    kr_lex_token *t = advance(p);
    kr_ast_expr *v = primary_noawait(p);
    if (!v)
        return NULL;
    kr_ast_expr *e = new_expr(p, KR_AST_EXPR_AWAIT, tok_start(t), prev_end(p));
    if (e)
        e->v.Await.value = v;
    return e;
}

static kr_ast_expr *primary_noawait(parser *p)
{
    pos s = start_here(p);
    kr_ast_expr *e = atom(p);
    if (!e)
        return NULL;
    for (;;) {
        kr_lex_token *t = peek(p);
        if (t->type == KR_TOK_DOT) {
            advance(p);
            kr_lex_token *n = peek(p);
            if (n->type != KR_TOK_NAME)
                return fail_here(p);
            advance(p);
            kr_ast_expr *a = new_expr(p, KR_AST_EXPR_ATTRIBUTE, s, prev_end(p));
            if (!a)
                return NULL;
            a->v.Attribute.value = e;
            a->v.Attribute.attr = tok_str(p, n);
            a->v.Attribute.ctx = KR_AST_LOAD;
            if (!a->v.Attribute.attr)
                return NULL;
            e = a;
        } else if (t->type == KR_TOK_LPAR) {
            advance(p);
            vec args = {0}, kws = {0};
            if (!enter(p))
                return NULL;
            int r = call_args(p, &args, &kws, tok_start(t), 1);
            leave(p);
            if (r < 0)
                return NULL;
            kr_ast_expr *c = new_expr(p, KR_AST_EXPR_CALL, s, prev_end(p));
            if (!c)
                return NULL;
            c->v.Call.func = e;
            c->v.Call.args = (kr_ast_expr **)args.items;
            c->v.Call.n_args = args.n;
            c->v.Call.keywords = (kr_ast_keyword **)kws.items;
            c->v.Call.n_keywords = kws.n;
            e = c;
        } else if (t->type == KR_TOK_LSQB) {
            advance(p);
            if (!enter(p))
                return NULL;
            kr_ast_expr *sl = subscript_slices(p);
            leave(p);
            if (!sl)
                return NULL;
            if (!at(p, KR_TOK_RSQB))
                return fail_in_brackets(p, sl);
            advance(p);
            kr_ast_expr *x = new_expr(p, KR_AST_EXPR_SUBSCRIPT, s, prev_end(p));
            if (!x)
                return NULL;
            x->v.Subscript.value = e;
            x->v.Subscript.slice = sl;
            x->v.Subscript.ctx = KR_AST_LOAD;
            e = x;
        } else {
            return e;
        }
    }
}

/* ---- operators ------------------------------------------------------------------------------ */

static kr_ast_expr *new_binop(parser *p, pos s, kr_ast_expr *l, kr_ast_operator op, kr_ast_expr *r)
{
    kr_ast_expr *b = new_expr(p, KR_AST_EXPR_BINOP, s, prev_end(p));
    if (!b)
        return NULL;
    b->v.BinOp.left = l;
    b->v.BinOp.op = op;
    b->v.BinOp.right = r;
    return b;
}

/* power: await_primary ['**' factor] */
static kr_ast_expr *power(parser *p)
{
    pos s = start_here(p);
    kr_ast_expr *l = primary(p);
    if (!l)
        return NULL;
    if (!at(p, KR_TOK_DOUBLESTAR))
        return l;
    advance(p);
    if (!enter(p))
        return NULL;
    kr_ast_expr *r = factor(p);
    leave(p);
    return r ? new_binop(p, s, l, KR_AST_POW, r) : NULL;
}

/* factor: ('+' | '-' | '~') factor | power */
static kr_ast_expr *factor(parser *p)
{
    kr_lex_token *t = peek(p);
    kr_ast_unaryop op;
    switch (t->type) {
    case KR_TOK_PLUS: op = KR_AST_UADD; break;
    case KR_TOK_MINUS: op = KR_AST_USUB; break;
    case KR_TOK_TILDE: op = KR_AST_INVERT; break;
    default: return power(p);
    }
    advance(p);
    if (!enter(p))
        return NULL;
    kr_ast_expr *v = factor(p);
    leave(p);
    if (!v)
        return NULL;
    kr_ast_expr *u = new_expr(p, KR_AST_EXPR_UNARYOP, tok_start(t), prev_end(p));
    if (!u)
        return NULL;
    u->v.UnaryOp.op = op;
    u->v.UnaryOp.operand = v;
    return u;
}

static int term_op(kr_lex_toktype t, kr_ast_operator *op)
{
    switch (t) {
    case KR_TOK_STAR: *op = KR_AST_MULT; return 1;
    case KR_TOK_SLASH: *op = KR_AST_DIV; return 1;
    case KR_TOK_DOUBLESLASH: *op = KR_AST_FLOORDIV; return 1;
    case KR_TOK_PERCENT: *op = KR_AST_MOD; return 1;
    case KR_TOK_AT: *op = KR_AST_MATMULT; return 1;
    default: return 0;
    }
}
static int sum_op(kr_lex_toktype t, kr_ast_operator *op)
{
    if (t == KR_TOK_PLUS) { *op = KR_AST_ADD; return 1; }
    if (t == KR_TOK_MINUS) { *op = KR_AST_SUB; return 1; }
    return 0;
}
static int shift_op(kr_lex_toktype t, kr_ast_operator *op)
{
    if (t == KR_TOK_LEFTSHIFT) { *op = KR_AST_LSHIFT; return 1; }
    if (t == KR_TOK_RIGHTSHIFT) { *op = KR_AST_RSHIFT; return 1; }
    return 0;
}
static int band_op(kr_lex_toktype t, kr_ast_operator *op)
{
    if (t == KR_TOK_AMPER) { *op = KR_AST_BITAND; return 1; }
    return 0;
}
static int bxor_op(kr_lex_toktype t, kr_ast_operator *op)
{
    if (t == KR_TOK_CIRCUMFLEX) { *op = KR_AST_BITXOR; return 1; }
    return 0;
}
static int bor_op(kr_lex_toktype t, kr_ast_operator *op)
{
    if (t == KR_TOK_VBAR) { *op = KR_AST_BITOR; return 1; }
    return 0;
}

/* The left-associative binary levels, from tightest (level 0: term) to loosest (5: bitwise_or). */
static int (*const binop_levels[])(kr_lex_toktype, kr_ast_operator *) = {term_op, sum_op, shift_op,
                                                                          band_op, bxor_op, bor_op};

static kr_ast_expr *binary_level(parser *p, int level)
{
    pos s = start_here(p);
    kr_ast_expr *l = level == 0 ? factor(p) : binary_level(p, level - 1);
    if (!l)
        return NULL;
    kr_ast_operator op;
    while (binop_levels[level](peek_type(p), &op)) {
        advance(p);
        kr_ast_expr *r = level == 0 ? factor(p) : binary_level(p, level - 1);
        if (!r)
            return NULL;
        l = new_binop(p, s, l, op, r);
        if (!l)
            return NULL;
    }
    return l;
}

static kr_ast_expr *bitwise_or(parser *p) { return binary_level(p, 5); }

static int comp_op(parser *p, kr_ast_cmpop *op)
{
    kr_lex_token *t = peek(p);
    switch (t->type) {
    case KR_TOK_EQEQUAL: *op = KR_AST_EQ; break;
    case KR_TOK_NOTEQUAL: *op = KR_AST_NOTEQ; break;
    case KR_TOK_LESS: *op = KR_AST_LT; break;
    case KR_TOK_LESSEQUAL: *op = KR_AST_LTE; break;
    case KR_TOK_GREATER: *op = KR_AST_GT; break;
    case KR_TOK_GREATEREQUAL: *op = KR_AST_GTE; break;
    case KR_TOK_IN: *op = KR_AST_IN; break;
    case KR_TOK_IS:
        if (peek2(p)->type == KR_TOK_NOT) {
            advance(p);
            *op = KR_AST_ISNOT;
        } else {
            *op = KR_AST_IS;
        }
        break;
    case KR_TOK_NOT:
        if (peek2(p)->type != KR_TOK_IN)
            return 0;
        advance(p);
        *op = KR_AST_NOTIN;
        break;
    default:
        return 0;
    }
    advance(p);
    return 1;
}

static kr_ast_expr *comparison(parser *p)
{
    pos s = start_here(p);
    kr_ast_expr *l = bitwise_or(p);
    if (!l)
        return NULL;
    kr_ast_cmpop op;
    if (!comp_op(p, &op))
        return l;
    vec comps = {0};
    kr_ast_cmpop *ops = NULL;
    int nops = 0, cap = 0;
    do {
        if (nops == cap) {
            int ncap = cap ? cap * 2 : 4;
            kr_ast_cmpop *n = alloc(p, (size_t)ncap * sizeof *n);
            if (!n)
                return NULL;
            if (nops)
                memcpy(n, ops, (size_t)nops * sizeof *n);
            ops = n;
            cap = ncap;
        }
        ops[nops++] = op;
        kr_ast_expr *r = bitwise_or(p);
        if (!r || vec_push(p, &comps, r) < 0)
            return NULL;
    } while (comp_op(p, &op));
    kr_ast_expr *c = new_expr(p, KR_AST_EXPR_COMPARE, s, prev_end(p));
    if (!c)
        return NULL;
    c->v.Compare.left = l;
    c->v.Compare.ops = ops;
    c->v.Compare.comparators = (kr_ast_expr **)comps.items;
    c->v.Compare.n_comparators = comps.n;
    return c;
}

/* inversion: 'not' inversion | comparison */
static kr_ast_expr *inversion(parser *p)
{
    if (!at(p, KR_TOK_NOT))
        return comparison(p);
    kr_lex_token *t = advance(p);
    if (!enter(p))
        return NULL;
    kr_ast_expr *v = inversion(p);
    leave(p);
    if (!v)
        return NULL;
    kr_ast_expr *u = new_expr(p, KR_AST_EXPR_UNARYOP, tok_start(t), prev_end(p));
    if (!u)
        return NULL;
    u->v.UnaryOp.op = KR_AST_NOT;
    u->v.UnaryOp.operand = v;
    return u;
}

static kr_ast_expr *boolop(parser *p, kr_lex_toktype tok, kr_ast_boolop op, kr_ast_expr *(*sub)(parser *))
{
    pos s = start_here(p);
    kr_ast_expr *first = sub(p);
    if (!first || !at(p, tok))
        return first;
    vec vals = {0};
    if (vec_push(p, &vals, first) < 0)
        return NULL;
    while (accept(p, tok)) {
        kr_ast_expr *e = sub(p);
        if (!e || vec_push(p, &vals, e) < 0)
            return NULL;
    }
    kr_ast_expr *b = new_expr(p, KR_AST_EXPR_BOOLOP, s, prev_end(p));
    if (!b)
        return NULL;
    b->v.BoolOp.op = op;
    b->v.BoolOp.values = (kr_ast_expr **)vals.items;
    b->v.BoolOp.n_values = vals.n;
    return b;
}

static kr_ast_expr *conjunction(parser *p) { return boolop(p, KR_TOK_AND, KR_AST_AND, inversion); }
static kr_ast_expr *disjunction(parser *p) { return boolop(p, KR_TOK_OR, KR_AST_OR, conjunction); }

static kr_ast_expr *lambdef(parser *p)
{
    kr_lex_token *t = advance(p); /* 'lambda' */
    kr_ast_arguments *args = parameters(p, 1, KR_TOK_COLON);
    if (!args)
        return NULL;
    if (!at(p, KR_TOK_COLON))
        return fail_here(p);
    advance(p);
    kr_ast_expr *body = expression(p);
    if (!body)
        return NULL;
    kr_ast_expr *l = new_expr(p, KR_AST_EXPR_LAMBDA, tok_start(t), prev_end(p));
    if (!l)
        return NULL;
    l->v.Lambda.args = args;
    l->v.Lambda.body = body;
    return l;
}

/* Height of the tree under e, giving up (returning > budget) past budget. Left-nested chains
 * (1+1+...+1, a.b.c..., f()()...) are built by loops, so the parser's own recursion depth does not
 * bound them; this keeps every expression tree at most MAX_EXPR_HEIGHT deep, so that the recursive
 * passes after the parser (scope analysis, compiler, dumper) cannot overflow the C stack. CPython
 * has the same limit in its compiler ("maximum recursion depth exceeded during compilation"). */
static int expr_height(const kr_ast_expr *e, int budget);

static int max_height(kr_ast_expr *const *v, int n, int budget)
{
    int h = 0;
    for (int i = 0; i < n && h <= budget; i++) {
        int x = expr_height(v[i], budget);
        if (x > h)
            h = x;
    }
    return h;
}

static int comp_height(kr_ast_comprehension *const *g, int n, int budget)
{
    int h = 0;
    for (int i = 0; i < n && h <= budget; i++) {
        int x = expr_height(g[i]->target, budget);
        int y = expr_height(g[i]->iter, budget);
        int z = max_height(g[i]->ifs, g[i]->n_ifs, budget);
        if (x > h) h = x;
        if (y > h) h = y;
        if (z > h) h = z;
    }
    return h;
}

static int expr_height(const kr_ast_expr *e, int budget)
{
    if (!e)
        return 0;
    if (budget <= 0)
        return 1;
    int b = budget - 1, h = 0, x;
#define SUB(y)                                                                                         do {                                                                                                   x = (y);                                                                                           if (x > h)                                                                                             h = x;                                                                                     } while (0)
    switch (e->kind) {
    case KR_AST_EXPR_BOOLOP: SUB(max_height(e->v.BoolOp.values, e->v.BoolOp.n_values, b)); break;
    case KR_AST_EXPR_NAMEDEXPR: SUB(expr_height(e->v.NamedExpr.value, b)); break;
    case KR_AST_EXPR_BINOP:
        SUB(expr_height(e->v.BinOp.left, b));
        SUB(expr_height(e->v.BinOp.right, b));
        break;
    case KR_AST_EXPR_UNARYOP: SUB(expr_height(e->v.UnaryOp.operand, b)); break;
    case KR_AST_EXPR_LAMBDA: SUB(expr_height(e->v.Lambda.body, b)); break;
    case KR_AST_EXPR_IFEXP:
        SUB(expr_height(e->v.IfExp.test, b));
        SUB(expr_height(e->v.IfExp.body, b));
        SUB(expr_height(e->v.IfExp.orelse, b));
        break;
    case KR_AST_EXPR_DICT:
        SUB(max_height(e->v.Dict.keys, e->v.Dict.n_keys, b));
        SUB(max_height(e->v.Dict.values, e->v.Dict.n_keys, b));
        break;
    case KR_AST_EXPR_SET: SUB(max_height(e->v.Set.elts, e->v.Set.n_elts, b)); break;
    case KR_AST_EXPR_LISTCOMP:
    case KR_AST_EXPR_SETCOMP:
    case KR_AST_EXPR_GENERATOREXP:
        SUB(expr_height(e->v.ListComp.elt, b));
        SUB(comp_height(e->v.ListComp.generators, e->v.ListComp.n_generators, b));
        break;
    case KR_AST_EXPR_DICTCOMP:
        SUB(expr_height(e->v.DictComp.key, b));
        SUB(expr_height(e->v.DictComp.value, b));
        SUB(comp_height(e->v.DictComp.generators, e->v.DictComp.n_generators, b));
        break;
    case KR_AST_EXPR_YIELD: SUB(expr_height(e->v.Yield.value, b)); break;
    case KR_AST_EXPR_YIELDFROM: SUB(expr_height(e->v.YieldFrom.value, b)); break;
    case KR_AST_EXPR_AWAIT: SUB(expr_height(e->v.Await.value, b)); break;
    case KR_AST_EXPR_COMPARE:
        SUB(expr_height(e->v.Compare.left, b));
        SUB(max_height(e->v.Compare.comparators, e->v.Compare.n_comparators, b));
        break;
    case KR_AST_EXPR_CALL:
        SUB(expr_height(e->v.Call.func, b));
        SUB(max_height(e->v.Call.args, e->v.Call.n_args, b));
        for (int i = 0; i < e->v.Call.n_keywords && h <= b; i++)
            SUB(expr_height(e->v.Call.keywords[i]->value, b));
        break;
    case KR_AST_EXPR_FORMATTEDVALUE:
        SUB(expr_height(e->v.FormattedValue.value, b));
        SUB(expr_height(e->v.FormattedValue.format_spec, b));
        break;
    case KR_AST_EXPR_JOINEDSTR: SUB(max_height(e->v.JoinedStr.values, e->v.JoinedStr.n_values, b)); break;
    case KR_AST_EXPR_ATTRIBUTE: SUB(expr_height(e->v.Attribute.value, b)); break;
    case KR_AST_EXPR_SUBSCRIPT:
        SUB(expr_height(e->v.Subscript.value, b));
        SUB(expr_height(e->v.Subscript.slice, b));
        break;
    case KR_AST_EXPR_STARRED: SUB(expr_height(e->v.Starred.value, b)); break;
    case KR_AST_EXPR_LIST: SUB(max_height(e->v.List.elts, e->v.List.n_elts, b)); break;
    case KR_AST_EXPR_TUPLE: SUB(max_height(e->v.Tuple.elts, e->v.Tuple.n_elts, b)); break;
    case KR_AST_EXPR_SLICE:
        SUB(expr_height(e->v.Slice.lower, b));
        SUB(expr_height(e->v.Slice.upper, b));
        SUB(expr_height(e->v.Slice.step, b));
        break;
    default:
        break;
    }
#undef SUB
    return h + 1;
}

/* Fails when an outermost expression is too deep (see expr_height). */
static kr_ast_expr *check_height(parser *p, kr_ast_expr *e)
{
    if (e && expr_height(e, MAX_EXPR_HEIGHT) > MAX_EXPR_HEIGHT)
        return fail_kind(p, KR_SYNERR_RECURSION, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                         "too many nested expressions");
    return e;
}

/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
static kr_ast_expr *expression(parser *p)
{
    if (!enter(p))
        return NULL;
    p->expr_nest++;
    pos s = start_here(p);
    kr_ast_expr *r;
    if (at(p, KR_TOK_LAMBDA)) {
        r = lambdef(p);
        goto done;
    }
    r = disjunction(p);
    if (r && at(p, KR_TOK_IF)) {
        advance(p);
        kr_ast_expr *test = disjunction(p);
        if (!test) {
            r = NULL;
        } else if (!at(p, KR_TOK_ELSE)) {
            if (at(p, KR_TOK_ERROR))
                r = NULL;
            else
                r = fail_range(p, r->lineno, r->col_offset, test->end_lineno, test->end_col_offset,
                               "expected 'else' after 'if' expression");
        } else {
            advance(p);
            kr_ast_expr *orelse = expression(p);
            kr_ast_expr *body = r;
            r = orelse ? new_expr(p, KR_AST_EXPR_IFEXP, s, prev_end(p)) : NULL;
            if (r) {
                r->v.IfExp.test = test;
                r->v.IfExp.body = body;
                r->v.IfExp.orelse = orelse;
            }
        }
    }
done:
    if (p->expr_nest == 1)
        r = check_height(p, r);
    p->expr_nest--;
    leave(p);
    return r;
}

/* named_expression: NAME ':=' expression | expression !':=' */
static kr_ast_expr *named_expression(parser *p)
{
    kr_lex_token *t = peek(p);
    if (t->type == KR_TOK_NAME && peek2(p)->type == KR_TOK_COLONEQUAL) {
        advance(p);
        advance(p);
        kr_ast_expr *target = new_name(p, t, KR_AST_STORE);
        kr_ast_expr *v = target ? expression(p) : NULL;
        if (!v)
            return NULL;
        kr_ast_expr *n = new_expr(p, KR_AST_EXPR_NAMEDEXPR, tok_start(t), prev_end(p));
        if (!n)
            return NULL;
        n->v.NamedExpr.target = target;
        n->v.NamedExpr.value = v;
        return n;
    }
    kr_ast_expr *e = expression(p);
    if (e && at(p, KR_TOK_COLONEQUAL))
        return fail_expr(p, e, "cannot use assignment expressions with %s", expr_name(e));
    return e;
}

static kr_ast_expr *new_starred(parser *p, pos s, kr_ast_expr *v)
{
    kr_ast_expr *st = new_expr(p, KR_AST_EXPR_STARRED, s, prev_end(p));
    if (!st)
        return NULL;
    st->v.Starred.value = v;
    st->v.Starred.ctx = KR_AST_LOAD;
    return st;
}

/* `*` bitwise_or. Outside any expression (`x = *a, b`) the tree is checked here, not by
 * expression(). */
static kr_ast_expr *starred_item(parser *p)
{
    pos s = tok_start(advance(p));
    kr_ast_expr *v = bitwise_or(p);
    v = v ? new_starred(p, s, v) : NULL;
    return p->expr_nest == 0 ? check_height(p, v) : v;
}

static kr_ast_expr *star_named_expression(parser *p)
{
    if (at(p, KR_TOK_STAR))
        return starred_item(p);
    return named_expression(p);
}

static kr_ast_expr *star_expression(parser *p)
{
    if (at(p, KR_TOK_STAR))
        return starred_item(p);
    return expression(p);
}

/* A comma-separated list of `item`s; a Tuple when there is a comma (a trailing one is included in
 * the tuple's span). */
static kr_ast_expr *comma_list(parser *p, kr_ast_expr *(*item)(parser *))
{
    pos s = start_here(p);
    kr_ast_expr *first = item(p);
    if (!first || !at(p, KR_TOK_COMMA))
        return first;
    vec elts = {0};
    if (vec_push(p, &elts, first) < 0)
        return NULL;
    while (accept(p, KR_TOK_COMMA)) {
        if (!starts_expr(peek_type(p)))
            break;
        kr_ast_expr *e = item(p);
        if (!e || vec_push(p, &elts, e) < 0)
            return NULL;
    }
    return new_tuple(p, &elts, KR_AST_LOAD, s, prev_end(p));
}

static kr_ast_expr *star_expressions(parser *p) { return comma_list(p, star_expression); }
static kr_ast_expr *star_named_expressions(parser *p) { return comma_list(p, star_named_expression); }

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static kr_ast_expr *yield_expr(parser *p)
{
    kr_lex_token *t = advance(p);
    if (accept(p, KR_TOK_FROM)) {
        kr_ast_expr *v = expression(p);
        if (!v)
            return NULL;
        kr_ast_expr *y = new_expr(p, KR_AST_EXPR_YIELDFROM, tok_start(t), prev_end(p));
        if (y)
            y->v.YieldFrom.value = v;
        return y;
    }
    kr_ast_expr *v = NULL;
    if (starts_expr(peek_type(p))) {
        v = star_expressions(p);
        if (!v)
            return NULL;
    }
    kr_ast_expr *y = new_expr(p, KR_AST_EXPR_YIELD, tok_start(t), prev_end(p));
    if (y)
        y->v.Yield.value = v;
    return y;
}

/* ---- comprehensions ------------------------------------------------------------------------- */

/* for_if_clauses: ('for' star_targets 'in' disjunction ('if' disjunction)*)+ */
static int comp_for(parser *p, vec *gens)
{
    while (at_comp_for(p)) {
        kr_lex_token *f = advance(p);
        int is_async = f->type == KR_TOK_ASYNC;
        if (is_async)
            advance(p);
        kr_ast_expr *target = star_targets(p);
        if (!target)
            return -1;
        if (!at(p, KR_TOK_IN)) {
            if (!p->failed && peek(p)->type != KR_TOK_ERROR)
                fail_expected(p, "'in'");
            return -1;
        }
        advance(p);
        kr_ast_expr *iter = disjunction(p);
        if (!iter)
            return -1;
        vec ifs = {0};
        while (accept(p, KR_TOK_IF)) {
            kr_ast_expr *c = disjunction(p);
            if (!c || vec_push(p, &ifs, c) < 0)
                return -1;
        }
        kr_ast_comprehension *g = alloc(p, sizeof *g);
        if (!g)
            return -1;
        SET_LOC(g, tok_start(f), prev_end(p));
        g->target = target;
        g->iter = iter;
        g->ifs = (kr_ast_expr **)ifs.items;
        g->n_ifs = ifs.n;
        g->is_async = is_async;
        if (vec_push(p, gens, g) < 0)
            return -1;
    }
    return 0;
}

/* ---- targets -------------------------------------------------------------------------------- */

/* The first sub-target of e that cannot take context ctx (CPython's _PyPegen_get_invalid_target),
 * or NULL when e is a valid target. */
static kr_ast_expr *invalid_target(kr_ast_expr *e, kr_ast_ctx ctx)
{
    switch (e->kind) {
    case KR_AST_EXPR_NAME:
    case KR_AST_EXPR_ATTRIBUTE:
    case KR_AST_EXPR_SUBSCRIPT:
        return NULL;
    case KR_AST_EXPR_STARRED:
        if (ctx == KR_AST_DEL)
            return e;
        return invalid_target(e->v.Starred.value, ctx);
    case KR_AST_EXPR_TUPLE:
    case KR_AST_EXPR_LIST: {
        int n = e->kind == KR_AST_EXPR_TUPLE ? e->v.Tuple.n_elts : e->v.List.n_elts;
        kr_ast_expr **elts = e->kind == KR_AST_EXPR_TUPLE ? e->v.Tuple.elts : e->v.List.elts;
        for (int i = 0; i < n; i++) {
            kr_ast_expr *bad = invalid_target(elts[i], ctx);
            if (bad)
                return bad;
        }
        return NULL;
    }
    default:
        return e;
    }
}

/* Sets ctx on a target already checked by invalid_target. */
static void apply_ctx(kr_ast_expr *e, kr_ast_ctx ctx)
{
    switch (e->kind) {
    case KR_AST_EXPR_NAME: e->v.Name.ctx = ctx; break;
    case KR_AST_EXPR_ATTRIBUTE: e->v.Attribute.ctx = ctx; break;
    case KR_AST_EXPR_SUBSCRIPT: e->v.Subscript.ctx = ctx; break;
    case KR_AST_EXPR_STARRED:
        e->v.Starred.ctx = ctx;
        apply_ctx(e->v.Starred.value, ctx);
        break;
    case KR_AST_EXPR_TUPLE:
        e->v.Tuple.ctx = ctx;
        for (int i = 0; i < e->v.Tuple.n_elts; i++)
            apply_ctx(e->v.Tuple.elts[i], ctx);
        break;
    case KR_AST_EXPR_LIST:
        e->v.List.ctx = ctx;
        for (int i = 0; i < e->v.List.n_elts; i++)
            apply_ctx(e->v.List.elts[i], ctx);
        break;
    default:
        break;
    }
}

/* Gives e and its sub-targets the context ctx, or fails with CPython's message on the first invalid
 * sub-target ("cannot assign to literal", "cannot delete function call", ...). */
static int set_ctx(parser *p, kr_ast_expr *e, kr_ast_ctx ctx)
{
    kr_ast_expr *bad = invalid_target(e, ctx);
    if (bad) {
        fail_expr(p, bad, ctx == KR_AST_DEL ? "cannot delete %s" : "cannot assign to %s", expr_name(bad));
        return -1;
    }
    apply_ctx(e, ctx);
    return 0;
}

/* A Starred directly as the whole target (`*a = x`, `for *a in x`) is the compiler's error in
 * CPython; reporting it here keeps the compiler from meeting it. */
static int check_top_starred(parser *p, kr_ast_expr *e)
{
    if (e->kind == KR_AST_EXPR_STARRED) {
        fail_expr(p, e, "%s", "starred assignment target must be in a list or tuple");
        return -1;
    }
    return 0;
}

static kr_ast_expr *star_target_item(parser *p)
{
    if (at(p, KR_TOK_STAR)) {
        pos s = tok_start(advance(p));
        if (at(p, KR_TOK_STAR))
            return fail_here(p);
        kr_ast_expr *v = bitwise_or(p);
        return v ? new_starred(p, s, v) : NULL;
    }
    return bitwise_or(p);
}

/* star_targets of `for` loops and comprehensions: stops before 'in'. */
static kr_ast_expr *star_targets(parser *p)
{
    kr_ast_expr *t = check_height(p, comma_list(p, star_target_item));
    if (!t || set_ctx(p, t, KR_AST_STORE) < 0 || check_top_starred(p, t) < 0)
        return NULL;
    return t;
}

/* ---- parameters ----------------------------------------------------------------------------- */

static kr_ast_arg *param_arg(parser *p, int is_lambda, int star_annotation)
{
    kr_lex_token *n = peek(p);
    if (n->type != KR_TOK_NAME)
        return fail_here(p);
    advance(p);
    kr_ast_arg *a = alloc(p, sizeof *a);
    if (!a)
        return NULL;
    a->arg = tok_str(p, n);
    if (!a->arg)
        return NULL;
    if (!is_lambda && accept(p, KR_TOK_COLON)) {
        a->annotation = star_annotation ? star_expression(p) : expression(p);
        if (!a->annotation)
            return NULL;
    }
    SET_LOC(a, tok_start(n), prev_end(p));
    return a;
}

static void *fail_tok(parser *p, const kr_lex_token *t, const char *msg)
{
    return fail_range(p, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, "%s", msg);
}

/* Function or lambda parameters up to (not including) `close`: ')' or ':'. */
static kr_ast_arguments *parameters(parser *p, int is_lambda, kr_lex_toktype close)
{
    kr_ast_arguments *a = alloc(p, sizeof *a);
    if (!a)
        return NULL;
    pos s = start_here(p);
    vec pos_args = {0}, defaults = {0}, kwonly = {0}, kwdefs = {0};
    int seen_slash = 0, seen_star = 0, bare_star = 0;
    kr_lex_token *bare_star_tok = NULL;
    while (!at(p, close)) {
        kr_lex_token *t = peek(p);
        if (a->kwarg) {
            fail_tok(p, t, "arguments cannot follow var-keyword argument");
            return NULL;
        }
        if (t->type == KR_TOK_SLASH) {
            if (seen_slash)
                return fail_tok(p, t, "/ may appear only once");
            if (seen_star)
                return fail_tok(p, t, "/ must be ahead of *");
            if (pos_args.n == 0)
                return fail_tok(p, t, "at least one argument must precede /");
            advance(p);
            seen_slash = 1;
            a->posonlyargs = (kr_ast_arg **)pos_args.items;
            a->n_posonlyargs = pos_args.n;
            pos_args = (vec){0};
        } else if (t->type == KR_TOK_STAR) {
            if (seen_star)
                return fail_tok(p, t, "* argument may appear only once");
            advance(p);
            seen_star = 1;
            if (at(p, KR_TOK_COMMA) || at(p, close)) {
                bare_star = 1;
                bare_star_tok = t;
            } else {
                a->vararg = param_arg(p, is_lambda, 1);
                if (!a->vararg)
                    return NULL;
                if (at(p, KR_TOK_EQUAL))
                    return fail_tok(p, peek(p), "var-positional argument cannot have default value");
            }
        } else if (t->type == KR_TOK_DOUBLESTAR) {
            advance(p);
            a->kwarg = param_arg(p, is_lambda, 0);
            if (!a->kwarg)
                return NULL;
            if (at(p, KR_TOK_EQUAL))
                return fail_tok(p, peek(p), "var-keyword argument cannot have default value");
        } else if (t->type == KR_TOK_NAME) {
            kr_ast_arg *arg = param_arg(p, is_lambda, 0);
            if (!arg)
                return NULL;
            kr_ast_expr *def = NULL;
            if (accept(p, KR_TOK_EQUAL)) {
                def = expression(p);
                if (!def)
                    return NULL;
            }
            if (seen_star) {
                if (vec_push(p, &kwonly, arg) < 0 || vec_push(p, &kwdefs, def) < 0)
                    return NULL;
            } else {
                if (def) {
                    if (vec_push(p, &defaults, def) < 0)
                        return NULL;
                } else if (defaults.n) {
                    return fail_range(p, arg->lineno, arg->col_offset, arg->end_lineno, arg->end_col_offset,
                                      "parameter without a default follows parameter with a default");
                }
                if (vec_push(p, &pos_args, arg) < 0)
                    return NULL;
            }
        } else {
            if (t->type == KR_TOK_LPAR) {
                /* the range is the whole parenthesised group */
                int i = p->pos, level = 0;
                kr_lex_token *c;
                for (;; i++) {
                    c = tok_at(p, i);
                    if (c->type == KR_TOK_LPAR)
                        level++;
                    else if (c->type == KR_TOK_RPAR && --level == 0)
                        break;
                    else if (c->type == KR_TOK_ERROR || c->type == KR_TOK_ENDMARKER || c->type == KR_TOK_NEWLINE)
                        return fail_here(p);
                }
                return fail_range(p, t->lineno, t->col_offset, c->end_lineno, c->end_col_offset, "%s",
                                  is_lambda ? "Lambda expression parameters cannot be parenthesized"
                                            : "Function parameters cannot be parenthesized");
            }
            return fail_here(p);
        }
        if (!accept(p, KR_TOK_COMMA)) {
            if (!at(p, close)) {
                kr_lex_token *bad = peek(p);
                if (bad->type == KR_TOK_EQUAL && seen_star && !a->kwarg && kwonly.n == 0 && !a->vararg)
                    return fail_tok(p, bad, "var-positional argument cannot have default value");
                return fail_here(p);
            }
            break;
        }
    }
    if (bare_star && kwonly.n == 0) {
        if (is_lambda) /* CPython reports the lambda's on the token after the '*' */
            return fail_tok(p, tok_at(p, p->pos), "named arguments must follow bare *");
        return fail_tok(p, bare_star_tok, "named arguments must follow bare *");
    }
    pos e = p->pos > 0 && (tokp(p, p->pos - 1)->type != KR_TOK_LPAR && tokp(p, p->pos - 1)->type != KR_TOK_LAMBDA)
                ? prev_end(p)
                : s;
    SET_LOC(a, s, e);
    a->args = (kr_ast_arg **)pos_args.items;
    a->n_args = pos_args.n;
    a->defaults = (kr_ast_expr **)defaults.items;
    a->n_defaults = defaults.n;
    a->kwonlyargs = (kr_ast_arg **)kwonly.items;
    a->kw_defaults = (kr_ast_expr **)kwdefs.items;
    a->n_kwonlyargs = kwonly.n;
    /* duplicate names (CPython's symtable reports these) */
    {
        vec names = {0};
        for (int i = 0; i < a->n_posonlyargs; i++)
            if (vec_push(p, &names, a->posonlyargs[i]) < 0)
                return NULL;
        for (int i = 0; i < a->n_args; i++)
            if (vec_push(p, &names, a->args[i]) < 0)
                return NULL;
        if (a->vararg && vec_push(p, &names, a->vararg) < 0)
            return NULL;
        for (int i = 0; i < a->n_kwonlyargs; i++)
            if (vec_push(p, &names, a->kwonlyargs[i]) < 0)
                return NULL;
        if (a->kwarg && vec_push(p, &names, a->kwarg) < 0)
            return NULL;
        for (int i = 1; i < names.n; i++) {
            kr_ast_arg *x = names.items[i];
            for (int j = 0; j < i; j++) {
                if (strcmp(x->arg, ((kr_ast_arg *)names.items[j])->arg) == 0)
                    return fail_range(p, x->lineno, x->col_offset, x->end_lineno, x->end_col_offset,
                                      "duplicate argument '%s' in function definition", x->arg);
            }
        }
    }
    return a;
}

/* ------------------------------------------------------------------------------------------------
 * Simple statements
 */

static int statement(parser *p, vec *out);
static int block(parser *p, vec *body, const char *what, int line);

/* Statement-level uses of a bare starred expression are compile errors in CPython
 * ("can't use starred expression here"); the compiler never has to see them. */
static int check_value_starred(parser *p, kr_ast_expr *v)
{
    if (v && v->kind == KR_AST_EXPR_STARRED) {
        fail_expr(p, v, "%s", "can't use starred expression here");
        return -1;
    }
    return 0;
}

static kr_ast_expr *assign_value(parser *p)
{
    kr_ast_expr *v = at(p, KR_TOK_YIELD) ? yield_expr(p) : star_expressions(p);
    if (v && check_value_starred(p, v) < 0)
        return NULL;
    return v;
}

static int augassign_op(kr_lex_toktype t, kr_ast_operator *op)
{
    switch (t) {
    case KR_TOK_PLUSEQUAL: *op = KR_AST_ADD; return 1;
    case KR_TOK_MINEQUAL: *op = KR_AST_SUB; return 1;
    case KR_TOK_STAREQUAL: *op = KR_AST_MULT; return 1;
    case KR_TOK_ATEQUAL: *op = KR_AST_MATMULT; return 1;
    case KR_TOK_SLASHEQUAL: *op = KR_AST_DIV; return 1;
    case KR_TOK_PERCENTEQUAL: *op = KR_AST_MOD; return 1;
    case KR_TOK_AMPEREQUAL: *op = KR_AST_BITAND; return 1;
    case KR_TOK_VBAREQUAL: *op = KR_AST_BITOR; return 1;
    case KR_TOK_CIRCUMFLEXEQUAL: *op = KR_AST_BITXOR; return 1;
    case KR_TOK_LEFTSHIFTEQUAL: *op = KR_AST_LSHIFT; return 1;
    case KR_TOK_RIGHTSHIFTEQUAL: *op = KR_AST_RSHIFT; return 1;
    case KR_TOK_DOUBLESTAREQUAL: *op = KR_AST_POW; return 1;
    case KR_TOK_DOUBLESLASHEQUAL: *op = KR_AST_FLOORDIV; return 1;
    default: return 0;
    }
}

/* The first target of an assignment is invalid: CPython words it "cannot assign to X here. Maybe you
 * meant '==' instead of '='?" when it looks like a mistyped comparison (its invalid_named_expression
 * rule), else "cannot assign to X". */
static void *fail_assign_target(parser *p, kr_ast_expr *target, kr_ast_expr *bad, int single_eq,
                                kr_lex_toktype rhs_first)
{
    int constant_kw = bad->kind == KR_AST_EXPR_CONSTANT && (bad->v.Constant.kind == KR_AST_CONST_TRUE ||
                                                            bad->v.Constant.kind == KR_AST_CONST_FALSE ||
                                                            bad->v.Constant.kind == KR_AST_CONST_NONE);
    int maybe = single_eq && bad->end_lineno == target->end_lineno && bad->end_col_offset == target->end_col_offset &&
                bad->kind != KR_AST_EXPR_LIST && bad->kind != KR_AST_EXPR_TUPLE &&
                bad->kind != KR_AST_EXPR_GENERATOREXP && !constant_kw && rhs_first != KR_TOK_YIELD &&
                rhs_first != KR_TOK_LAMBDA && rhs_first != KR_TOK_NOT && rhs_first != KR_TOK_STAR &&
                bad->kind != KR_AST_EXPR_COMPARE && bad->kind != KR_AST_EXPR_IFEXP &&
                bad->kind != KR_AST_EXPR_LAMBDA && bad->kind != KR_AST_EXPR_BOOLOP &&
                !(bad->kind == KR_AST_EXPR_UNARYOP && bad->v.UnaryOp.op == KR_AST_NOT);
    if (bad->kind == KR_AST_EXPR_YIELD || bad->kind == KR_AST_EXPR_YIELDFROM)
        return fail_expr(p, bad, "%s", "assignment to yield expression not possible");
    if (maybe)
        return fail_expr(p, bad, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(bad));
    return fail_expr(p, bad, "cannot assign to %s", expr_name(bad));
}

/* Tokens that cannot follow an expression but can start one: after `print` they mean a Python 2
 * print statement. */
static int legacy_arg_start(kr_lex_toktype t)
{
    switch (t) {
    case KR_TOK_NAME: case KR_TOK_NUMBER: case KR_TOK_STRING: case KR_TOK_FSTRING_START: case KR_TOK_LBRACE:
    case KR_TOK_NONE: case KR_TOK_TRUE: case KR_TOK_FALSE: case KR_TOK_LAMBDA: case KR_TOK_NOT:
    case KR_TOK_ELLIPSIS: case KR_TOK_TILDE:
        return 1;
    default:
        return 0;
    }
}

/* expression statements, assignments (chained, augmented, annotated) */
static kr_ast_stmt *expr_stmt(parser *p)
{
    kr_lex_token *first_tok = peek(p);
    pos s = tok_start(first_tok);
    kr_ast_expr *first = at(p, KR_TOK_YIELD) ? yield_expr(p) : star_expressions(p);
    if (!first)
        return NULL;
    kr_lex_token *t = peek(p);
    kr_ast_operator op;
    if (t->type == KR_TOK_EQUAL) {
        vec targets = {0};
        kr_ast_expr *cur = first;
        int idx = 0;
        while (at(p, KR_TOK_EQUAL)) {
            advance(p);
            kr_lex_toktype rhs_first = peek_type(p);
            kr_ast_expr *next = at(p, KR_TOK_YIELD) ? yield_expr(p) : star_expressions(p);
            if (!next)
                return NULL;
            kr_ast_expr *bad = invalid_target(cur, KR_AST_STORE);
            if (bad)
                return fail_assign_target(p, cur, bad, idx == 0 && !at(p, KR_TOK_EQUAL) && !at(p, KR_TOK_COLONEQUAL),
                                          rhs_first);
            apply_ctx(cur, KR_AST_STORE);
            if (check_top_starred(p, cur) < 0 || vec_push(p, &targets, cur) < 0)
                return NULL;
            cur = next;
            idx++;
        }
        if (check_value_starred(p, cur) < 0)
            return NULL;
        kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_ASSIGN, s, prev_end(p));
        if (!st)
            return NULL;
        st->v.Assign.targets = (kr_ast_expr **)targets.items;
        st->v.Assign.n_targets = targets.n;
        st->v.Assign.value = cur;
        return st;
    }
    if (t->type == KR_TOK_COLON) {
        int simple = 0;
        switch (first->kind) {
        case KR_AST_EXPR_NAME:
            simple = first_tok->type != KR_TOK_LPAR;
            break;
        case KR_AST_EXPR_ATTRIBUTE:
        case KR_AST_EXPR_SUBSCRIPT:
            break;
        case KR_AST_EXPR_TUPLE:
        case KR_AST_EXPR_LIST:
            if (first_tok->type == KR_TOK_LPAR || first_tok->type == KR_TOK_LSQB)
                return fail_expr(p, first, "only single target (not %s) can be annotated",
                                 first->kind == KR_AST_EXPR_TUPLE ? "tuple" : "list");
            return fail_expr(p, first->v.Tuple.elts[0], "only single target (not %s) can be annotated", "tuple");
        default:
            return fail_expr(p, first, "%s", "illegal target for annotation");
        }
        advance(p);
        kr_ast_expr *ann = expression(p);
        if (!ann)
            return NULL;
        kr_ast_expr *value = NULL;
        if (accept(p, KR_TOK_EQUAL)) {
            value = assign_value(p);
            if (!value)
                return NULL;
        }
        apply_ctx(first, KR_AST_STORE);
        kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_ANNASSIGN, s, prev_end(p));
        if (!st)
            return NULL;
        st->v.AnnAssign.target = first;
        st->v.AnnAssign.annotation = ann;
        st->v.AnnAssign.value = value;
        st->v.AnnAssign.simple = simple;
        return st;
    }
    if (augassign_op(t->type, &op)) {
        if (first->kind != KR_AST_EXPR_NAME && first->kind != KR_AST_EXPR_ATTRIBUTE &&
            first->kind != KR_AST_EXPR_SUBSCRIPT)
            return fail_expr(p, first, "'%s' is an illegal expression for augmented assignment", expr_name(first));
        advance(p);
        kr_ast_expr *value = assign_value(p);
        if (!value)
            return NULL;
        apply_ctx(first, KR_AST_STORE);
        kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_AUGASSIGN, s, prev_end(p));
        if (!st)
            return NULL;
        st->v.AugAssign.target = first;
        st->v.AugAssign.op = op;
        st->v.AugAssign.value = value;
        return st;
    }
    if (first->kind == KR_AST_EXPR_NAME && first_tok->type == KR_TOK_NAME &&
        (strcmp(first->v.Name.id, "print") == 0 || strcmp(first->v.Name.id, "exec") == 0) && legacy_arg_start(t->type)) {
        /* CPython's invalid_legacy_expression: `print "x"` */
        kr_ast_expr *arg = star_expressions(p);
        if (!arg)
            return NULL;
        return fail_range(p, s.l, s.c, arg->end_lineno, arg->end_col_offset,
                          "Missing parentheses in call to '%s'. Did you mean %s(...)?", first->v.Name.id,
                          first->v.Name.id);
    }
    if (check_value_starred(p, first) < 0)
        return NULL;
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_EXPR, s, prev_end(p));
    if (st)
        st->v.Expr.value = first;
    return st;
}

/* dotted_name: NAME ('.' NAME)*, as one arena string "a.b.c" */
static char *dotted_name(parser *p)
{
    kr_lex_token *t = peek(p);
    if (t->type != KR_TOK_NAME)
        return fail_here(p);
    size_t total = t->len;
    int first = p->pos;
    advance(p);
    while (at(p, KR_TOK_DOT) && peek2(p)->type == KR_TOK_NAME) {
        advance(p);
        total += 1 + advance(p)->len;
    }
    if (at(p, KR_TOK_DOT))
        return fail_here(p);
    char *s = alloc(p, total + 1);
    if (!s)
        return NULL;
    size_t k = 0;
    for (int i = first; i < p->pos; i++) {
        kr_lex_token *x = tokp(p, i);
        if (x->type == KR_TOK_DOT) {
            s[k++] = '.';
        } else {
            memcpy(s + k, x->start, x->len);
            k += x->len;
        }
    }
    s[k] = '\0';
    return s;
}

static kr_ast_alias *new_alias(parser *p, const char *name, pos s)
{
    kr_ast_alias *a = alloc(p, sizeof *a);
    if (!a)
        return NULL;
    a->name = name;
    if (accept(p, KR_TOK_AS)) {
        kr_lex_token *n = peek(p);
        if (n->type != KR_TOK_NAME)
            return fail_here(p);
        advance(p);
        a->asname = tok_str(p, n);
        if (!a->asname)
            return NULL;
    }
    SET_LOC(a, s, prev_end(p));
    return a;
}

static void *fail_names_expected(parser *p)
{
    kr_lex_token *t = peek(p);
    return fail_range(p, t->lineno, t->col_offset, t->lineno, t->col_offset,
                      "Expected one or more names after 'import'");
}

static kr_ast_stmt *import_stmt(parser *p)
{
    pos s = tok_start(advance(p));
    vec names = {0};
    if (at(p, KR_TOK_NEWLINE) || at(p, KR_TOK_SEMI))
        return fail_names_expected(p);
    do {
        pos as = start_here(p);
        char *name = dotted_name(p);
        kr_ast_alias *a = name ? new_alias(p, name, as) : NULL;
        if (!a || vec_push(p, &names, a) < 0)
            return NULL;
    } while (accept(p, KR_TOK_COMMA));
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_IMPORT, s, prev_end(p));
    if (st) {
        st->v.Import.names = (kr_ast_alias **)names.items;
        st->v.Import.n_names = names.n;
    }
    return st;
}

static kr_ast_stmt *from_import_stmt(parser *p)
{
    pos s = tok_start(advance(p));
    int level = 0;
    for (;;) {
        if (accept(p, KR_TOK_DOT))
            level++;
        else if (accept(p, KR_TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    char *module = NULL;
    if (!at(p, KR_TOK_IMPORT) || level == 0) {
        module = dotted_name(p);
        if (!module)
            return NULL;
    }
    if (!at(p, KR_TOK_IMPORT))
        return fail_expected(p, "'import'");
    advance(p);
    if (at(p, KR_TOK_NEWLINE) || at(p, KR_TOK_SEMI))
        return fail_names_expected(p);
    vec names = {0};
    if (at(p, KR_TOK_STAR)) {
        kr_lex_token *st = advance(p);
        kr_ast_alias *a = alloc(p, sizeof *a);
        if (!a)
            return NULL;
        a->name = "*";
        SET_LOC(a, tok_start(st), prev_end(p));
        if (vec_push(p, &names, a) < 0)
            return NULL;
    } else {
        int paren = accept(p, KR_TOK_LPAR);
        for (;;) {
            kr_lex_token *n = peek(p);
            if (n->type != KR_TOK_NAME)
                return fail_here(p);
            advance(p);
            char *name = tok_str(p, n);
            kr_ast_alias *a = name ? new_alias(p, name, tok_start(n)) : NULL;
            if (!a || vec_push(p, &names, a) < 0)
                return NULL;
            if (!at(p, KR_TOK_COMMA))
                break;
            advance(p);
            if (paren && at(p, KR_TOK_RPAR))
                break;
            if (!paren && (at(p, KR_TOK_NEWLINE) || at(p, KR_TOK_SEMI)))
                return fail_msg_here(p, KR_SYNERR_SYNTAX, "trailing comma not allowed without surrounding parentheses");
        }
        if (paren && !expect(p, KR_TOK_RPAR))
            return NULL;
    }
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_IMPORTFROM, s, prev_end(p));
    if (st) {
        st->v.ImportFrom.module = module;
        st->v.ImportFrom.names = (kr_ast_alias **)names.items;
        st->v.ImportFrom.n_names = names.n;
        st->v.ImportFrom.level = level;
    }
    return st;
}

static kr_ast_stmt *name_list_stmt(parser *p, kr_ast_stmt_kind kind)
{
    pos s = tok_start(advance(p));
    vec names = {0};
    do {
        kr_lex_token *n = peek(p);
        if (n->type != KR_TOK_NAME)
            return fail_here(p);
        advance(p);
        char *name = tok_str(p, n);
        if (!name || vec_push(p, &names, name) < 0)
            return NULL;
    } while (accept(p, KR_TOK_COMMA));
    kr_ast_stmt *st = new_stmt(p, kind, s, prev_end(p));
    if (st) {
        /* Global and Nonlocal share a layout */
        st->v.Global.names = (const char **)names.items;
        st->v.Global.n_names = names.n;
    }
    return st;
}

static kr_ast_stmt *del_stmt(parser *p)
{
    pos s = tok_start(advance(p));
    vec targets = {0};
    for (;;) {
        kr_ast_expr *t = star_expression(p);
        if (!t)
            return NULL;
        if (set_ctx(p, t, KR_AST_DEL) < 0 || vec_push(p, &targets, t) < 0)
            return NULL;
        if (!accept(p, KR_TOK_COMMA))
            break;
        if (!starts_expr(peek_type(p)))
            break;
    }
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_DELETE, s, prev_end(p));
    if (st) {
        st->v.Delete.targets = (kr_ast_expr **)targets.items;
        st->v.Delete.n_targets = targets.n;
    }
    return st;
}

static int is_type_alias(parser *p);
static kr_ast_stmt *type_alias(parser *p);

static kr_ast_stmt *simple_stmt(parser *p)
{
    if (is_type_alias(p))
        return type_alias(p);
    kr_lex_token *t = peek(p);
    pos s = tok_start(t);
    kr_ast_stmt *st;
    switch (t->type) {
    case KR_TOK_PASS:
    case KR_TOK_BREAK:
    case KR_TOK_CONTINUE:
        advance(p);
        return new_stmt(p, t->type == KR_TOK_PASS ? KR_AST_STMT_PASS : t->type == KR_TOK_BREAK ? KR_AST_STMT_BREAK
                                                                                             : KR_AST_STMT_CONTINUE,
                        s, prev_end(p));
    case KR_TOK_RETURN: {
        advance(p);
        kr_ast_expr *v = NULL;
        if (starts_expr(peek_type(p))) {
            v = star_expressions(p);
            if (!v || check_value_starred(p, v) < 0)
                return NULL;
        }
        st = new_stmt(p, KR_AST_STMT_RETURN, s, prev_end(p));
        if (st)
            st->v.Return.value = v;
        return st;
    }
    case KR_TOK_RAISE: {
        advance(p);
        kr_ast_expr *exc = NULL, *cause = NULL;
        if (starts_expr(peek_type(p)) && !at(p, KR_TOK_STAR)) {
            exc = expression(p);
            if (!exc)
                return NULL;
            if (accept(p, KR_TOK_FROM)) {
                cause = expression(p);
                if (!cause)
                    return NULL;
            }
        }
        st = new_stmt(p, KR_AST_STMT_RAISE, s, prev_end(p));
        if (st) {
            st->v.Raise.exc = exc;
            st->v.Raise.cause = cause;
        }
        return st;
    }
    case KR_TOK_GLOBAL:
        return name_list_stmt(p, KR_AST_STMT_GLOBAL);
    case KR_TOK_NONLOCAL:
        return name_list_stmt(p, KR_AST_STMT_NONLOCAL);
    case KR_TOK_DEL:
        return del_stmt(p);
    case KR_TOK_ASSERT: {
        advance(p);
        kr_ast_expr *test = expression(p), *msg = NULL;
        if (!test)
            return NULL;
        if (accept(p, KR_TOK_COMMA)) {
            msg = expression(p);
            if (!msg)
                return NULL;
        }
        st = new_stmt(p, KR_AST_STMT_ASSERT, s, prev_end(p));
        if (st) {
            st->v.Assert.test = test;
            st->v.Assert.msg = msg;
        }
        return st;
    }
    case KR_TOK_IMPORT:
        return import_stmt(p);
    case KR_TOK_FROM:
        return from_import_stmt(p);
    default:
        return expr_stmt(p);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int simple_stmts(parser *p, vec *out)
{
    for (;;) {
        kr_ast_stmt *st = simple_stmt(p);
        if (!st || vec_push(p, out, st) < 0)
            return -1;
        if (accept(p, KR_TOK_SEMI)) {
            if (at(p, KR_TOK_NEWLINE))
                break;
            continue;
        }
        break;
    }
    if (!at(p, KR_TOK_NEWLINE)) {
        fail_here(p);
        return -1;
    }
    advance(p);
    return 0;
}

/* ------------------------------------------------------------------------------------------------
 * Compound statements
 */


/* block: NEWLINE INDENT statements DEDENT | simple_stmts. `what` names the construct for
 * "expected an indented block after %s on line %d". */
/* After `...:` NEWLINE without an INDENT. */
static void fail_no_block(parser *p, const char *what, int line)
{
    char msg[160];
    snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, line);
    int i = p->pos;
    while (tok_at(p, i)->type == KR_TOK_DEDENT)
        i++;
    kr_lex_token *t = tok_at(p, i);
    if (t->type == KR_TOK_ERROR)
        return;
    if (t->type == KR_TOK_ENDMARKER) {
        int len, l = eof_line(p, &len);
        fail_kind(p, KR_SYNERR_INDENTATION, l, len, l, -2, "%s", msg);
    } else {
        fail_kind(p, KR_SYNERR_INDENTATION, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, "%s", msg);
    }
}

static int block(parser *p, vec *body, const char *what, int line)
{
    if (!at(p, KR_TOK_NEWLINE))
        return simple_stmts(p, body);
    advance(p);
    if (!at(p, KR_TOK_INDENT)) {
        fail_no_block(p, what, line);
        return -1;
    }
    advance(p);
    if (!enter(p))
        return -1;
    while (!at(p, KR_TOK_DEDENT) && !at(p, KR_TOK_ENDMARKER)) {
        if (statement(p, body) < 0) {
            leave(p);
            return -1;
        }
    }
    leave(p);
    if (!at(p, KR_TOK_DEDENT)) {
        fail_here(p);
        return -1;
    }
    advance(p);
    return 0;
}

/* ':' then block; `expected ':'` when the colon is missing. */
static int colon_block(parser *p, vec *body, const char *what, int line)
{
    if (!at(p, KR_TOK_COLON)) {
        /* CPython forces the ':' (&&':') after def, try, else and finally; elsewhere "expected ':'"
         * comes from its invalid_* rules, which only fire when the line ends there */
        int forced = strcmp(what, "function definition") == 0 || strcmp(what, "'try' statement") == 0 ||
                     strcmp(what, "'else' statement") == 0 || strcmp(what, "'finally' statement") == 0;
        if (forced || at(p, KR_TOK_NEWLINE))
            fail_expected(p, "':'");
        else
            fail_here(p);
        return -1;
    }
    advance(p);
    return block(p, body, what, line);
}

/* named_expression of if/elif/while, with CPython's hint for `if x = 1:` */
static kr_ast_expr *condition(parser *p)
{
    kr_ast_expr *e = named_expression(p);
    if (e && at(p, KR_TOK_EQUAL))
        return fail_equal_for_eq(p, e);
    return e;
}

static kr_ast_stmt *if_stmt(parser *p, int is_elif)
{
    kr_lex_token *kw = advance(p);
    pos s = tok_start(kw);
    kr_ast_expr *test = condition(p);
    if (!test)
        return NULL;
    vec body = {0}, orelse = {0};
    if (colon_block(p, &body, is_elif ? "'elif' statement" : "'if' statement", kw->lineno) < 0)
        return NULL;
    pos e = prev_end(p);
    if (at(p, KR_TOK_ELIF)) {
        kr_ast_stmt *sub = if_stmt(p, 1);
        if (!sub || vec_push(p, &orelse, sub) < 0)
            return NULL;
        e = stmt_end(sub);
    } else if (at(p, KR_TOK_ELSE)) {
        kr_lex_token *el = advance(p);
        if (colon_block(p, &orelse, "'else' statement", el->lineno) < 0)
            return NULL;
        e = prev_end(p);
    }
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_IF, s, e);
    if (st) {
        st->v.If.test = test;
        st->v.If.body = (kr_ast_stmt **)body.items;
        st->v.If.n_body = body.n;
        st->v.If.orelse = (kr_ast_stmt **)orelse.items;
        st->v.If.n_orelse = orelse.n;
    }
    return st;
}

static kr_ast_stmt *while_stmt(parser *p)
{
    kr_lex_token *kw = advance(p);
    kr_ast_expr *test = condition(p);
    if (!test)
        return NULL;
    vec body = {0}, orelse = {0};
    if (colon_block(p, &body, "'while' statement", kw->lineno) < 0)
        return NULL;
    pos e = prev_end(p);
    if (at(p, KR_TOK_ELSE)) {
        kr_lex_token *el = advance(p);
        if (colon_block(p, &orelse, "'else' statement", el->lineno) < 0)
            return NULL;
        e = prev_end(p);
    }
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_WHILE, tok_start(kw), e);
    if (st) {
        st->v.While.test = test;
        st->v.While.body = (kr_ast_stmt **)body.items;
        st->v.While.n_body = body.n;
        st->v.While.orelse = (kr_ast_stmt **)orelse.items;
        st->v.While.n_orelse = orelse.n;
    }
    return st;
}

static kr_ast_stmt *for_stmt(parser *p)
{
    kr_lex_token *kw = advance(p);
    kr_ast_expr *target = star_targets(p);
    if (!target)
        return NULL;
    if (!at(p, KR_TOK_IN)) {
        if (at(p, KR_TOK_ERROR))
            return NULL;
        return fail_here(p);
    }
    advance(p);
    kr_ast_expr *iter = star_expressions(p);
    if (!iter || check_value_starred(p, iter) < 0)
        return NULL;
    vec body = {0}, orelse = {0};
    if (colon_block(p, &body, "'for' statement", kw->lineno) < 0)
        return NULL;
    pos e = prev_end(p);
    if (at(p, KR_TOK_ELSE)) {
        kr_lex_token *el = advance(p);
        if (colon_block(p, &orelse, "'else' statement", el->lineno) < 0)
            return NULL;
        e = prev_end(p);
    }
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_FOR, tok_start(kw), e);
    if (st) {
        st->v.For.target = target;
        st->v.For.iter = iter;
        st->v.For.body = (kr_ast_stmt **)body.items;
        st->v.For.n_body = body.n;
        st->v.For.orelse = (kr_ast_stmt **)orelse.items;
        st->v.For.n_orelse = orelse.n;
    }
    return st;
}

static kr_ast_withitem *with_item(parser *p)
{
    pos s = start_here(p);
    kr_ast_expr *ctx = expression(p);
    if (!ctx)
        return NULL;
    kr_ast_expr *vars = NULL;
    if (accept(p, KR_TOK_AS)) {
        vars = check_height(p, star_target_item(p));
        if (!vars)
            return NULL;
        if (set_ctx(p, vars, KR_AST_STORE) < 0 || check_top_starred(p, vars) < 0)
            return NULL;
    }
    kr_ast_withitem *w = alloc(p, sizeof *w);
    if (!w)
        return NULL;
    w->context_expr = ctx;
    w->optional_vars = vars;
    SET_LOC(w, s, prev_end(p));
    return w;
}

/* Restores the parser to token index `mark` after a failed speculative parse. Only parser errors
 * are undone: a tokenizer error stands (the tokens are the same whichever way we parse them). */
static int backtrack(parser *p, int mark, int depth)
{
    if (p->lex_failed || p->err->kind == KR_SYNERR_MEMORY || p->err->kind == KR_SYNERR_RECURSION)
        return 0;
    p->pos = mark;
    p->failed = 0;
    p->generic = 0;
    p->depth = depth;
    memset(p->err, 0, sizeof *p->err);
    return 1;
}

static kr_ast_stmt *with_stmt(parser *p)
{
    kr_lex_token *kw = advance(p);
    vec items = {0};
    int done = 0;
    if (at(p, KR_TOK_LPAR)) {
        /* with ( item, item, ) : -- if that fails, the '(' belongs to the first expression */
        int mark = p->pos, depth = p->depth;
        advance(p);
        int ok = 1;
        for (;;) {
            kr_ast_withitem *w = with_item(p);
            if (!w || vec_push(p, &items, w) < 0) {
                ok = 0;
                break;
            }
            if (!accept(p, KR_TOK_COMMA))
                break;
            if (at(p, KR_TOK_RPAR))
                break;
        }
        if (ok && accept(p, KR_TOK_RPAR) && at(p, KR_TOK_COLON)) {
            done = 1;
        } else {
            if (!p->failed)
                fail_here(p);
            if (!backtrack(p, mark, depth))
                return NULL;
            items = (vec){0};
        }
    }
    if (!done) {
        for (;;) {
            kr_ast_withitem *w = with_item(p);
            if (!w || vec_push(p, &items, w) < 0)
                return NULL;
            if (!accept(p, KR_TOK_COMMA))
                break;
        }
    }
    vec body = {0};
    if (colon_block(p, &body, "'with' statement", kw->lineno) < 0)
        return NULL;
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_WITH, tok_start(kw), prev_end(p));
    if (st) {
        st->v.With.items = (kr_ast_withitem **)items.items;
        st->v.With.n_items = items.n;
        st->v.With.body = (kr_ast_stmt **)body.items;
        st->v.With.n_body = body.n;
    }
    return st;
}

static kr_ast_stmt *try_stmt(parser *p)
{
    kr_lex_token *kw = advance(p);
    vec body = {0}, handlers = {0}, orelse = {0}, finalbody = {0};
    if (colon_block(p, &body, "'try' statement", kw->lineno) < 0)
        return NULL;
    pos e = prev_end(p);
    kr_ast_excepthandler *bare = NULL;
    int star = -1; /* unknown until the first clause: 1 for except*, 0 for except */
    while (at(p, KR_TOK_EXCEPT)) {
        kr_lex_token *ex = advance(p);
        kr_lex_token *st = at(p, KR_TOK_STAR) ? advance(p) : NULL;
        if (star >= 0 && star != (st != NULL)) {
            kr_lex_token *last = st ? st : ex;
            return fail_range(p, ex->lineno, ex->col_offset, last->end_lineno, last->end_col_offset,
                              "cannot have both 'except' and 'except*' on the same 'try'");
        }
        star = st != NULL;
        if (st && at(p, KR_TOK_COLON))
            return fail_tok(p, peek(p), "expected one or more exception types");
        if (bare)
            return fail_range(p, bare->lineno, bare->col_offset, bare->lineno, bare->col_offset + 6,
                              "default 'except:' must be last");
        kr_ast_expr *type = NULL;
        const char *name = NULL;
        if (!at(p, KR_TOK_COLON)) {
            type = expression(p);
            if (!type)
                return NULL;
            if (at(p, KR_TOK_COMMA)) {
                /* except A, B: */
                int mark = p->pos;
                advance(p);
                kr_ast_expr *more = expression(p);
                if (more && (at(p, KR_TOK_COLON) || at(p, KR_TOK_COMMA) || at(p, KR_TOK_AS)))
                    return fail_range(p, type->lineno, type->col_offset, more->end_lineno, more->end_col_offset,
                                      "multiple exception types must be parenthesized");
                if (p->failed)
                    return NULL;
                p->pos = mark;
                return fail_here(p);
            }
            if (accept(p, KR_TOK_AS)) {
                kr_lex_token *n = peek(p);
                if (n->type != KR_TOK_NAME)
                    return fail_here(p);
                advance(p);
                name = tok_str(p, n);
                if (!name)
                    return NULL;
            }
        }
        kr_ast_excepthandler *h = alloc(p, sizeof *h);
        if (!h)
            return NULL;
        vec hb = {0};
        if (colon_block(p, &hb, "'except' statement", ex->lineno) < 0)
            return NULL;
        h->type = type;
        h->name = name;
        h->body = (kr_ast_stmt **)hb.items;
        h->n_body = hb.n;
        SET_LOC(h, tok_start(ex), prev_end(p));
        if (!type)
            bare = h;
        if (vec_push(p, &handlers, h) < 0)
            return NULL;
        e = prev_end(p);
    }
    if (at(p, KR_TOK_ELSE)) {
        kr_lex_token *el = peek(p);
        if (handlers.n == 0)
            return fail_expected(p, "'except' or 'finally' block");
        advance(p);
        if (colon_block(p, &orelse, "'else' statement", el->lineno) < 0)
            return NULL;
        e = prev_end(p);
    }
    if (at(p, KR_TOK_FINALLY)) {
        kr_lex_token *fi = advance(p);
        if (colon_block(p, &finalbody, "'finally' statement", fi->lineno) < 0)
            return NULL;
        e = prev_end(p);
    }
    if (handlers.n == 0 && finalbody.n == 0)
        return fail_expected(p, "'except' or 'finally' block");
    kr_ast_stmt *st = new_stmt(p, star == 1 ? KR_AST_STMT_TRYSTAR : KR_AST_STMT_TRY, tok_start(kw), e);
    if (st) {
        st->v.Try.body = (kr_ast_stmt **)body.items;
        st->v.Try.n_body = body.n;
        st->v.Try.handlers = (kr_ast_excepthandler **)handlers.items;
        st->v.Try.n_handlers = handlers.n;
        st->v.Try.orelse = (kr_ast_stmt **)orelse.items;
        st->v.Try.n_orelse = orelse.n;
        st->v.Try.finalbody = (kr_ast_stmt **)finalbody.items;
        st->v.Try.n_finalbody = finalbody.n;
    }
    return st;
}

/* `[T, T: bound, *Ts, **P = default, ...]` after a def/class/type alias name (PEP 695, 696); the
 * current token is '['. */
static int type_params(parser *p, kr_ast_type_param ***out, int *n)
{
    advance(p); /* '[' */
    vec v = {0};
    if (at(p, KR_TOK_RSQB)) {
        fail_tok(p, peek(p), "Type parameter list cannot be empty");
        return -1;
    }
    for (;;) {
        kr_lex_token *first = peek(p);
        kr_ast_type_param_kind kind = KR_AST_TYPEVAR;
        if (accept(p, KR_TOK_STAR))
            kind = KR_AST_TYPEVARTUPLE;
        else if (accept(p, KR_TOK_DOUBLESTAR))
            kind = KR_AST_PARAMSPEC;
        kr_lex_token *nt = peek(p);
        if (nt->type != KR_TOK_NAME) {
            fail_here(p);
            return -1;
        }
        advance(p);
        kr_ast_type_param *tp = alloc(p, sizeof *tp);
        if (!tp)
            return -1;
        tp->kind = kind;
        tp->name = tok_str(p, nt);
        if (!tp->name)
            return -1;
        if (at(p, KR_TOK_COLON)) {
            kr_lex_token *colon = advance(p);
            kr_ast_expr *b = expression(p);
            if (!b)
                return -1;
            if (kind != KR_AST_TYPEVAR) {
                fail_range(p, colon->lineno, colon->col_offset, b->end_lineno, b->end_col_offset,
                           kind == KR_AST_TYPEVARTUPLE ? "cannot use bound with TypeVarTuple"
                                                       : "cannot use bound with ParamSpec");
                return -1;
            }
            tp->bound = b;
        }
        if (accept(p, KR_TOK_EQUAL)) {
            tp->default_value = kind == KR_AST_TYPEVARTUPLE ? star_expression(p) : expression(p);
            if (!tp->default_value)
                return -1;
        }
        SET_LOC(tp, tok_start(first), prev_end(p));
        for (int i = 0; i < v.n; i++)
            if (strcmp(((kr_ast_type_param *)v.items[i])->name, tp->name) == 0) {
                fail_range(p, first->lineno, first->col_offset, nt->end_lineno, nt->end_col_offset,
                           "duplicate type parameter '%s'", tp->name);
                return -1;
            }
        if (vec_push(p, &v, tp) < 0)
            return -1;
        if (!accept(p, KR_TOK_COMMA))
            break;
        if (at(p, KR_TOK_RSQB))
            break;
    }
    if (!at(p, KR_TOK_RSQB)) {
        fail_expected(p, "']'");
        return -1;
    }
    advance(p);
    *out = (kr_ast_type_param **)v.items;
    *n = v.n;
    return 0;
}

static kr_ast_stmt *funcdef(parser *p, vec *decorators)
{
    kr_lex_token *kw = advance(p); /* 'def' */
    kr_lex_token *n = peek(p);
    if (n->type != KR_TOK_NAME)
        return fail_here(p);
    advance(p);
    kr_ast_type_param **tps = NULL;
    int ntps = 0;
    if (at(p, KR_TOK_LSQB) && type_params(p, &tps, &ntps) < 0)
        return NULL;
    if (!at(p, KR_TOK_LPAR))
        return fail_expected(p, "'('");
    advance(p);
    kr_ast_arguments *args = parameters(p, 0, KR_TOK_RPAR);
    if (!args)
        return NULL;
    advance(p); /* ')' */
    kr_ast_expr *returns = NULL;
    if (accept(p, KR_TOK_RARROW)) {
        returns = expression(p);
        if (!returns)
            return NULL;
    }
    vec body = {0};
    if (colon_block(p, &body, "function definition", kw->lineno) < 0)
        return NULL;
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_FUNCTIONDEF, tok_start(kw), prev_end(p));
    if (!st)
        return NULL;
    st->v.FunctionDef.name = tok_str(p, n);
    st->v.FunctionDef.args = args;
    st->v.FunctionDef.body = (kr_ast_stmt **)body.items;
    st->v.FunctionDef.n_body = body.n;
    st->v.FunctionDef.decorator_list = (kr_ast_expr **)decorators->items;
    st->v.FunctionDef.n_decorator_list = decorators->n;
    st->v.FunctionDef.returns = returns;
    st->v.FunctionDef.type_params = tps;
    st->v.FunctionDef.n_type_params = ntps;
    return st->v.FunctionDef.name ? st : NULL;
}

static kr_ast_stmt *classdef(parser *p, vec *decorators)
{
    kr_lex_token *kw = advance(p); /* 'class' */
    kr_lex_token *n = peek(p);
    if (n->type != KR_TOK_NAME)
        return fail_here(p);
    advance(p);
    kr_ast_type_param **tps = NULL;
    int ntps = 0;
    if (at(p, KR_TOK_LSQB) && type_params(p, &tps, &ntps) < 0)
        return NULL;
    vec bases = {0}, kws = {0};
    if (at(p, KR_TOK_LPAR)) {
        kr_lex_token *lp = advance(p);
        if (call_args(p, &bases, &kws, tok_start(lp), 0) < 0)
            return NULL;
    }
    vec body = {0};
    if (colon_block(p, &body, "class definition", kw->lineno) < 0)
        return NULL;
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_CLASSDEF, tok_start(kw), prev_end(p));
    if (!st)
        return NULL;
    st->v.ClassDef.name = tok_str(p, n);
    st->v.ClassDef.bases = (kr_ast_expr **)bases.items;
    st->v.ClassDef.n_bases = bases.n;
    st->v.ClassDef.keywords = (kr_ast_keyword **)kws.items;
    st->v.ClassDef.n_keywords = kws.n;
    st->v.ClassDef.body = (kr_ast_stmt **)body.items;
    st->v.ClassDef.n_body = body.n;
    st->v.ClassDef.decorator_list = (kr_ast_expr **)decorators->items;
    st->v.ClassDef.n_decorator_list = decorators->n;
    st->v.ClassDef.type_params = tps;
    st->v.ClassDef.n_type_params = ntps;
    return st->v.ClassDef.name ? st : NULL;
}

/* 'async' ('def' | 'for' | 'with'): the plain statement, then the async kind, starting at 'async'
 * (CPython's positions; a decorated async def starts there too). */
static kr_ast_stmt *async_stmt(parser *p, vec *decorators)
{
    kr_lex_token *a = advance(p); /* 'async' */
    kr_ast_stmt *st;
    kr_ast_stmt_kind kind;
    switch (peek(p)->type) {
    case KR_TOK_DEF: st = funcdef(p, decorators); kind = KR_AST_STMT_ASYNCFUNCTIONDEF; break;
    case KR_TOK_FOR: st = for_stmt(p); kind = KR_AST_STMT_ASYNCFOR; break;
    case KR_TOK_WITH: st = with_stmt(p); kind = KR_AST_STMT_ASYNCWITH; break;
    default: return fail_here(p);
    }
    if (!st)
        return NULL;
    st->kind = kind;
    st->lineno = a->lineno;
    st->col_offset = a->col_offset;
    return st;
}

static kr_ast_stmt *decorated(parser *p)
{
    vec decorators = {0};
    while (at(p, KR_TOK_AT)) {
        advance(p);
        kr_ast_expr *d = named_expression(p);
        if (!d || vec_push(p, &decorators, d) < 0)
            return NULL;
        if (!at(p, KR_TOK_NEWLINE))
            return fail_here(p);
        advance(p);
    }
    if (at(p, KR_TOK_DEF))
        return funcdef(p, &decorators);
    if (at(p, KR_TOK_CLASS))
        return classdef(p, &decorators);
    if (at(p, KR_TOK_ASYNC) && peek2(p)->type == KR_TOK_DEF)
        return async_stmt(p, &decorators);
    return fail_here(p);
}

/* ------------------------------------------------------------------------------------------------
 * The match statement (PEP 634). `match` and `case` are soft keywords: a statement starting with the
 * name `match` is a match statement only if `match subject ':' NEWLINE` parses; otherwise the parser
 * backs up and reads an ordinary statement (`match = 1`, `match(x)`).
 */

static kr_ast_pattern *pattern(parser *p);
static kr_ast_pattern *maybe_star_pattern(parser *p);

static void *fail_pattern_literal(parser *p, const kr_ast_expr *e)
{
    return fail_expr(p, e, "%s", "patterns may only match literals and attribute lookups");
}

/* signed_number ['+'|'-' imaginary] */
static kr_ast_expr *number_pattern_value(parser *p)
{
    kr_lex_token *t = peek(p);
    pos s = tok_start(t);
    int neg = 0;
    if (t->type == KR_TOK_MINUS) {
        advance(p);
        neg = 1;
        t = peek(p);
    }
    if (t->type != KR_TOK_NUMBER)
        return fail_here(p);
    kr_ast_expr *num = atom(p);
    if (!num)
        return NULL;
    if (neg) {
        kr_ast_expr *u = new_expr(p, KR_AST_EXPR_UNARYOP, s, prev_end(p));
        if (!u)
            return NULL;
        u->v.UnaryOp.op = KR_AST_USUB;
        u->v.UnaryOp.operand = num;
        num = u;
    }
    if (at(p, KR_TOK_PLUS) || at(p, KR_TOK_MINUS)) {
        kr_ast_operator op = at(p, KR_TOK_PLUS) ? KR_AST_ADD : KR_AST_SUB;
        kr_ast_expr *real = neg ? num->v.UnaryOp.operand : num;
        if (real->v.Constant.kind == KR_AST_CONST_IMAGINARY)
            return fail_expr(p, num, "%s", "real number required in complex literal");
        advance(p);
        kr_lex_token *it = peek(p);
        if (it->type != KR_TOK_NUMBER)
            return fail_here(p);
        kr_ast_expr *imag = atom(p);
        if (!imag)
            return NULL;
        if (imag->v.Constant.kind != KR_AST_CONST_IMAGINARY)
            return fail_expr(p, imag, "%s", "imaginary number required in complex literal");
        return new_binop(p, s, num, op, imag);
    }
    return num;
}

/* NAME ('.' NAME)* as a Name or Attribute chain (ctx Load) */
static kr_ast_expr *name_or_attr_chain(parser *p);
static kr_ast_expr *name_or_attr(parser *p) { return check_height(p, name_or_attr_chain(p)); }

static kr_ast_expr *name_or_attr_chain(parser *p)
{
    kr_lex_token *t = advance(p);
    kr_ast_expr *e = new_name(p, t, KR_AST_LOAD);
    pos s = tok_start(t);
    while (e && at(p, KR_TOK_DOT)) {
        advance(p);
        kr_lex_token *n = peek(p);
        if (n->type != KR_TOK_NAME)
            return fail_here(p);
        advance(p);
        kr_ast_expr *a = new_expr(p, KR_AST_EXPR_ATTRIBUTE, s, prev_end(p));
        if (!a)
            return NULL;
        a->v.Attribute.value = e;
        a->v.Attribute.attr = tok_str(p, n);
        a->v.Attribute.ctx = KR_AST_LOAD;
        if (!a->v.Attribute.attr)
            return NULL;
        e = a;
    }
    return e;
}

static kr_ast_pattern *value_pattern(parser *p, kr_ast_expr *v)
{
    kr_ast_pattern *pt = new_pattern(p, KR_AST_PAT_MATCHVALUE, expr_start(v), expr_end(v));
    if (pt)
        pt->v.MatchValue.value = v;
    return pt;
}

static kr_ast_pattern *capture(parser *p, const kr_lex_token *t)
{
    kr_ast_pattern *pt = new_pattern(p, KR_AST_PAT_MATCHAS, tok_start(t), (pos){t->end_lineno, t->end_col_offset});
    if (!pt)
        return NULL;
    if (!tok_is_name(t, "_")) {
        pt->v.MatchAs.name = tok_str(p, t);
        if (!pt->v.MatchAs.name)
            return NULL;
    }
    return pt;
}

static kr_ast_pattern *new_sequence(parser *p, vec *pats, pos s, pos e)
{
    int stars = 0;
    for (int i = 0; i < pats->n; i++) {
        kr_ast_pattern *x = pats->items[i];
        if (x->kind == KR_AST_PAT_MATCHSTAR && ++stars > 1)
            return fail_range(p, x->lineno, x->col_offset, x->end_lineno, x->end_col_offset,
                              "multiple starred names in sequence pattern");
    }
    kr_ast_pattern *pt = new_pattern(p, KR_AST_PAT_MATCHSEQUENCE, s, e);
    if (pt) {
        pt->v.MatchSequence.patterns = (kr_ast_pattern **)pats->items;
        pt->v.MatchSequence.n_patterns = pats->n;
    }
    return pt;
}

/* Items of a bracketed sequence pattern up to `close` (not consumed). */
static int sequence_items(parser *p, vec *pats, kr_lex_toktype close)
{
    while (!at(p, close)) {
        kr_ast_pattern *x = maybe_star_pattern(p);
        if (!x || vec_push(p, pats, x) < 0)
            return -1;
        if (!accept(p, KR_TOK_COMMA))
            break;
    }
    if (!at(p, close)) {
        fail_here(p);
        return -1;
    }
    return 0;
}

static kr_ast_pattern *class_pattern(parser *p, kr_ast_expr *cls)
{
    advance(p); /* '(' */
    vec pats = {0}, names = {0}, kpats = {0};
    while (!at(p, KR_TOK_RPAR)) {
        kr_lex_token *t = peek(p);
        if (t->type == KR_TOK_NAME && peek2(p)->type == KR_TOK_EQUAL) {
            advance(p);
            advance(p);
            char *name = tok_str(p, t);
            kr_ast_pattern *x = name ? pattern(p) : NULL;
            if (!x || vec_push(p, &names, name) < 0 || vec_push(p, &kpats, x) < 0)
                return NULL;
        } else {
            kr_ast_pattern *x = pattern(p);
            if (!x)
                return NULL;
            if (names.n)
                return fail_range(p, x->lineno, x->col_offset, x->end_lineno, x->end_col_offset,
                                  "positional patterns follow keyword patterns");
            if (vec_push(p, &pats, x) < 0)
                return NULL;
        }
        if (!accept(p, KR_TOK_COMMA))
            break;
    }
    if (!at(p, KR_TOK_RPAR))
        return fail_here(p);
    advance(p);
    kr_ast_pattern *pt = new_pattern(p, KR_AST_PAT_MATCHCLASS, expr_start(cls), prev_end(p));
    if (!pt)
        return NULL;
    pt->v.MatchClass.cls = cls;
    pt->v.MatchClass.patterns = (kr_ast_pattern **)pats.items;
    pt->v.MatchClass.n_patterns = pats.n;
    pt->v.MatchClass.kwd_attrs = (const char **)names.items;
    pt->v.MatchClass.kwd_patterns = (kr_ast_pattern **)kpats.items;
    pt->v.MatchClass.n_kwd_attrs = names.n;
    return pt;
}

/* A mapping key: a literal or a dotted name with at least one dot. */
static kr_ast_expr *mapping_key(parser *p)
{
    kr_lex_token *t = peek(p);
    switch (t->type) {
    case KR_TOK_NUMBER:
    case KR_TOK_MINUS:
        return number_pattern_value(p);
    case KR_TOK_STRING:
    case KR_TOK_FSTRING_START: {
        kr_ast_expr *s = strings(p);
        if (s && s->kind == KR_AST_EXPR_JOINEDSTR)
            return fail_pattern_literal(p, s);
        return s;
    }
    case KR_TOK_NONE:
    case KR_TOK_TRUE:
    case KR_TOK_FALSE:
        return atom(p);
    case KR_TOK_NAME: {
        kr_ast_expr *e = name_or_attr(p);
        if (e && e->kind == KR_AST_EXPR_NAME)
            return fail_here(p);
        return e;
    }
    default:
        return fail_here(p);
    }
}

static kr_ast_pattern *mapping_pattern(parser *p)
{
    kr_lex_token *lb = advance(p);
    vec keys = {0}, pats = {0};
    const char *rest = NULL;
    while (!at(p, KR_TOK_RBRACE)) {
        if (rest)
            return fail_here(p);
        if (accept(p, KR_TOK_DOUBLESTAR)) {
            kr_lex_token *n = peek(p);
            if (n->type != KR_TOK_NAME || tok_is_name(n, "_"))
                return fail_here(p);
            advance(p);
            rest = tok_str(p, n);
            if (!rest)
                return NULL;
        } else {
            kr_ast_expr *k = mapping_key(p);
            if (!k)
                return NULL;
            if (!at(p, KR_TOK_COLON))
                return fail_here(p);
            advance(p);
            kr_ast_pattern *v = pattern(p);
            if (!v || vec_push(p, &keys, k) < 0 || vec_push(p, &pats, v) < 0)
                return NULL;
        }
        if (!accept(p, KR_TOK_COMMA))
            break;
    }
    if (!at(p, KR_TOK_RBRACE))
        return fail_here(p);
    advance(p);
    kr_ast_pattern *pt = new_pattern(p, KR_AST_PAT_MATCHMAPPING, tok_start(lb), prev_end(p));
    if (!pt)
        return NULL;
    pt->v.MatchMapping.keys = (kr_ast_expr **)keys.items;
    pt->v.MatchMapping.patterns = (kr_ast_pattern **)pats.items;
    pt->v.MatchMapping.n_keys = keys.n;
    pt->v.MatchMapping.rest = rest;
    return pt;
}

static kr_ast_pattern *closed_pattern(parser *p)
{
    kr_lex_token *t = peek(p);
    switch (t->type) {
    case KR_TOK_NUMBER:
    case KR_TOK_MINUS: {
        kr_ast_expr *v = number_pattern_value(p);
        return v ? value_pattern(p, v) : NULL;
    }
    case KR_TOK_STRING:
    case KR_TOK_FSTRING_START: {
        kr_ast_expr *v = strings(p);
        if (v && v->kind == KR_AST_EXPR_JOINEDSTR)
            return fail_pattern_literal(p, v);
        return v ? value_pattern(p, v) : NULL;
    }
    case KR_TOK_NONE:
    case KR_TOK_TRUE:
    case KR_TOK_FALSE: {
        advance(p);
        kr_ast_pattern *pt = new_pattern(p, KR_AST_PAT_MATCHSINGLETON, tok_start(t), prev_end(p));
        if (pt)
            pt->v.MatchSingleton.value.kind = t->type == KR_TOK_NONE   ? KR_AST_CONST_NONE
                                              : t->type == KR_TOK_TRUE ? KR_AST_CONST_TRUE
                                                                       : KR_AST_CONST_FALSE;
        return pt;
    }
    case KR_TOK_NAME: {
        kr_lex_toktype n2 = peek2(p)->type;
        if (n2 != KR_TOK_DOT && n2 != KR_TOK_LPAR) {
            advance(p);
            return capture(p, t);
        }
        kr_ast_expr *e = name_or_attr(p);
        if (!e)
            return NULL;
        if (at(p, KR_TOK_LPAR))
            return class_pattern(p, e);
        return value_pattern(p, e);
    }
    case KR_TOK_LPAR: {
        advance(p);
        pos s = tok_start(t);
        vec pats = {0};
        if (accept(p, KR_TOK_RPAR))
            return new_sequence(p, &pats, s, prev_end(p));
        kr_ast_pattern *first = maybe_star_pattern(p);
        if (!first)
            return NULL;
        if (at(p, KR_TOK_RPAR) && first->kind != KR_AST_PAT_MATCHSTAR) {
            advance(p);
            return first; /* a group: the parentheses are not part of the pattern */
        }
        if (!at(p, KR_TOK_COMMA))
            return fail_here(p);
        advance(p);
        if (vec_push(p, &pats, first) < 0 || sequence_items(p, &pats, KR_TOK_RPAR) < 0)
            return NULL;
        advance(p);
        return new_sequence(p, &pats, s, prev_end(p));
    }
    case KR_TOK_LSQB: {
        advance(p);
        vec pats = {0};
        if (sequence_items(p, &pats, KR_TOK_RSQB) < 0)
            return NULL;
        advance(p);
        return new_sequence(p, &pats, tok_start(t), prev_end(p));
    }
    case KR_TOK_LBRACE:
        return mapping_pattern(p);
    default:
        return fail_here(p);
    }
}

/* or_pattern: '|'.closed_pattern+ */
static kr_ast_pattern *or_pattern(parser *p)
{
    if (!enter(p))
        return NULL;
    pos s = start_here(p);
    kr_ast_pattern *first = closed_pattern(p);
    if (!first || !at(p, KR_TOK_VBAR)) {
        leave(p);
        return first;
    }
    vec alts = {0};
    if (vec_push(p, &alts, first) < 0)
        return NULL;
    while (accept(p, KR_TOK_VBAR)) {
        kr_ast_pattern *x = closed_pattern(p);
        if (!x || vec_push(p, &alts, x) < 0)
            return NULL;
    }
    leave(p);
    kr_ast_pattern *pt = new_pattern(p, KR_AST_PAT_MATCHOR, s, prev_end(p));
    if (pt) {
        pt->v.MatchOr.patterns = (kr_ast_pattern **)alts.items;
        pt->v.MatchOr.n_patterns = alts.n;
    }
    return pt;
}

/* pattern: or_pattern ['as' NAME] */
static kr_ast_pattern *pattern(parser *p)
{
    pos s = start_here(p);
    kr_ast_pattern *pt = or_pattern(p);
    if (!pt || !at(p, KR_TOK_AS))
        return pt;
    advance(p);
    kr_lex_token *n = peek(p);
    if (n->type != KR_TOK_NAME) {
        if (n->type == KR_TOK_ERROR)
            return NULL;
        return fail_range(p, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset, "invalid pattern target");
    }
    if (tok_is_name(n, "_"))
        return fail_tok(p, n, "cannot use '_' as a target");
    kr_lex_token *n2 = peek2(p);
    if (n2->type == KR_TOK_DOT || n2->type == KR_TOK_LPAR)
        return fail_here(p);
    advance(p);
    kr_ast_pattern *as = new_pattern(p, KR_AST_PAT_MATCHAS, s, prev_end(p));
    if (!as)
        return NULL;
    as->v.MatchAs.pattern = pt;
    as->v.MatchAs.name = tok_str(p, n);
    return as->v.MatchAs.name ? as : NULL;
}

static kr_ast_pattern *maybe_star_pattern(parser *p)
{
    if (!at(p, KR_TOK_STAR))
        return pattern(p);
    kr_lex_token *st = advance(p);
    kr_lex_token *n = peek(p);
    if (n->type != KR_TOK_NAME)
        return fail_here(p);
    advance(p);
    kr_ast_pattern *pt = new_pattern(p, KR_AST_PAT_MATCHSTAR, tok_start(st), prev_end(p));
    if (!pt)
        return NULL;
    if (!tok_is_name(n, "_")) {
        pt->v.MatchStar.name = tok_str(p, n);
        if (!pt->v.MatchStar.name)
            return NULL;
    }
    return pt;
}

/* patterns: open_sequence_pattern | pattern */
static kr_ast_pattern *case_patterns(parser *p)
{
    pos s = start_here(p);
    kr_ast_pattern *first = maybe_star_pattern(p);
    if (!first)
        return NULL;
    if (!at(p, KR_TOK_COMMA)) {
        if (first->kind == KR_AST_PAT_MATCHSTAR)
            return fail_here(p);
        return first;
    }
    vec pats = {0};
    if (vec_push(p, &pats, first) < 0)
        return NULL;
    while (accept(p, KR_TOK_COMMA)) {
        if (at(p, KR_TOK_COLON) || at(p, KR_TOK_IF))
            break;
        kr_ast_pattern *x = maybe_star_pattern(p);
        if (!x || vec_push(p, &pats, x) < 0)
            return NULL;
    }
    return new_sequence(p, &pats, s, prev_end(p));
}

static kr_ast_match_case *case_block(parser *p)
{
    kr_lex_token *kw = peek(p);
    if (!tok_is_name(kw, "case"))
        return fail_here(p);
    advance(p);
    kr_ast_pattern *pt = case_patterns(p);
    if (!pt)
        return NULL;
    kr_ast_expr *guard = NULL;
    if (accept(p, KR_TOK_IF)) {
        guard = named_expression(p);
        if (!guard)
            return NULL;
    }
    vec body = {0};
    if (colon_block(p, &body, "'case' statement", kw->lineno) < 0)
        return NULL;
    kr_ast_match_case *c = alloc(p, sizeof *c);
    if (!c)
        return NULL;
    c->pattern = pt;
    c->guard = guard;
    c->body = (kr_ast_stmt **)body.items;
    c->n_body = body.n;
    SET_LOC(c, tok_start(kw), prev_end(p));
    return c;
}

/* Returns 1 after appending a match statement, 0 if this is not one (nothing consumed), -1 on error. */
static int match_stmt(parser *p, vec *out)
{
    int mark = p->pos, depth = p->depth;
    kr_lex_token *kw = advance(p);
    kr_lex_toktype nt = peek_type(p);
    if (!starts_expr(nt) || nt == KR_TOK_LAMBDA) {
        p->pos = mark;
        return 0;
    }
    kr_ast_expr *subject = star_named_expressions(p);
    if (!subject || !at(p, KR_TOK_COLON) || peek2(p)->type != KR_TOK_NEWLINE) {
        if (!p->failed)
            fail_here(p);
        if (!backtrack(p, mark, depth))
            return -1;
        return 0;
    }
    if (check_value_starred(p, subject) < 0)
        return -1;
    advance(p); /* ':' */
    advance(p); /* NEWLINE */
    if (!at(p, KR_TOK_INDENT)) {
        fail_no_block(p, "'match' statement", kw->lineno);
        return -1;
    }
    advance(p);
    if (!enter(p))
        return -1;
    vec cases = {0};
    while (!at(p, KR_TOK_DEDENT) && !at(p, KR_TOK_ENDMARKER)) {
        kr_ast_match_case *c = case_block(p);
        if (!c || vec_push(p, &cases, c) < 0)
            return -1;
    }
    leave(p);
    if (!accept(p, KR_TOK_DEDENT)) {
        fail_here(p);
        return -1;
    }
    kr_ast_match_case *last = cases.items[cases.n - 1];
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_MATCH, tok_start(kw), (pos){last->end_lineno, last->end_col_offset});
    if (!st)
        return -1;
    st->v.Match.subject = subject;
    st->v.Match.cases = (kr_ast_match_case **)cases.items;
    st->v.Match.n_cases = cases.n;
    return vec_push(p, out, st) < 0 ? -1 : 1;
}

/* ------------------------------------------------------------------------------------------------
 * Statements and modules
 */

static int is_compound_start(kr_lex_toktype t);

/* `type X = ...` (PEP 695) is not supported: recognise it so the message says so. */
static int is_type_alias(parser *p)
{
    if (!tok_is_name(peek(p), "type") || peek2(p)->type != KR_TOK_NAME)
        return 0;
    kr_lex_toktype t3 = tok_at(p, p->pos + 2)->type;
    return t3 == KR_TOK_EQUAL || t3 == KR_TOK_LSQB;
}

/* `type NAME[params] = expression` (PEP 695; `type` is a soft keyword) */
static kr_ast_stmt *type_alias(parser *p)
{
    kr_lex_token *kw = advance(p);
    kr_ast_expr *name = new_name(p, advance(p), KR_AST_STORE);
    if (!name)
        return NULL;
    kr_ast_type_param **tps = NULL;
    int ntps = 0;
    if (at(p, KR_TOK_LSQB) && type_params(p, &tps, &ntps) < 0)
        return NULL;
    if (!accept(p, KR_TOK_EQUAL))
        return fail_expected(p, "'='");
    kr_ast_expr *value = expression(p);
    if (!value)
        return NULL;
    kr_ast_stmt *st = new_stmt(p, KR_AST_STMT_TYPEALIAS, tok_start(kw), prev_end(p));
    if (!st)
        return NULL;
    st->v.TypeAlias.name = name;
    st->v.TypeAlias.type_params = tps;
    st->v.TypeAlias.n_type_params = ntps;
    st->v.TypeAlias.value = value;
    return st;
}

/* One statement (a compound statement, or a line of simple statements) appended to out. */
static int statement(parser *p, vec *out)
{
    kr_ast_stmt *st = NULL;
    kr_lex_token *t = peek(p);
    switch (t->type) {
    case KR_TOK_IF: st = if_stmt(p, 0); break;
    case KR_TOK_WHILE: st = while_stmt(p); break;
    case KR_TOK_FOR: st = for_stmt(p); break;
    case KR_TOK_TRY: st = try_stmt(p); break;
    case KR_TOK_WITH: st = with_stmt(p); break;
    case KR_TOK_DEF: {
        vec none = {0};
        st = funcdef(p, &none);
        break;
    }
    case KR_TOK_CLASS: {
        vec none = {0};
        st = classdef(p, &none);
        break;
    }
    case KR_TOK_AT: st = decorated(p); break;
    case KR_TOK_ASYNC: {
        vec none = {0};
        st = async_stmt(p, &none);
        break;
    }
    case KR_TOK_NAME:
        if (tok_is_name(t, "match")) {
            int r = match_stmt(p, out);
            if (r != 0)
                return r > 0 ? 0 : -1;
        }
        return simple_stmts(p, out);
    case KR_TOK_INDENT:
    case KR_TOK_DEDENT:
    case KR_TOK_ERROR:
        fail_here(p);
        return -1;
    default:
        return simple_stmts(p, out);
    }
    if (!st)
        return -1;
    return vec_push(p, out, st);
}

/* CPython's last resort for an error of the parser (_PyPegen_tokenize_full_source_to_check_for_errors,
 * for every parser error, generic or not, while the tokenizer had not failed): if the rest of the file
 * does not even tokenize, that error is the better one to report. */
static void prefer_tokenizer_error(parser *p)
{
    if (p->lex_failed || p->ntoks == 0)
        return;
    /* CPython raises these from the token the parser stopped at, after the check (they stand) */
    static const char *const final[] = {"unexpected indent", "unexpected unindent", "unexpected EOF while parsing"};
    for (size_t i = 0; i < sizeof final / sizeof *final; i++)
        if (strcmp(p->err->msg, final[i]) == 0)
            return;
    /* the line of the furthest token the parser read, before the rest is tokenized */
    int read_line = tokp(p, p->ntoks - 1)->lineno;
    kr_syntax_error saved = *p->err;
    while (!p->lex_done) {
        tok_at(p, p->ntoks);
        if (p->err->kind == KR_SYNERR_MEMORY)
            return;
    }
    *p->err = saved;
    if (!p->lex_failed || !p->lexerr.kind)
        return;
    /* As CPython: an unclosed bracket wins only if it was opened on an earlier line than the furthest
     * token the parser read; running out of input after a backslash never wins; anything else does. */
    if (strstr(p->lexerr.msg, "was never closed")) {
        if (p->lexerr.lineno < read_line)
            *p->err = p->lexerr;
    } else if (strcmp(p->lexerr.msg, "unexpected EOF while parsing") != 0) {
        *p->err = p->lexerr;
    }
}

static kr_ast_mod *parse_module(parser *p)
{
    vec body = {0};
    while (!at(p, KR_TOK_ENDMARKER) && !p->failed) {
        if (accept(p, KR_TOK_NEWLINE))
            continue;
        if (statement(p, &body) < 0)
            return NULL;
    }
    if (p->failed)
        return NULL;
    kr_ast_mod *m = alloc(p, sizeof *m);
    if (!m)
        return NULL;
    m->kind = KR_AST_MOD_MODULE;
    m->v.Module.body = (kr_ast_stmt **)body.items;
    m->v.Module.n_body = body.n;
    return m;
}

static kr_ast_mod *parse_single(parser *p)
{
    vec body = {0};
    if (at(p, KR_TOK_ENDMARKER)) {
        /* compile('', ..., 'single') is an error too; the REPL skips empty input itself */
        int len, line = eof_line(p, &len);
        return fail_range(p, line, -1, line, -1, "invalid syntax");
    }
    kr_lex_toktype first = peek_type(p);
    if (statement(p, &body) < 0)
        return NULL;
    if (!at(p, KR_TOK_ENDMARKER)) {
        kr_lex_token *nl = tokp(p, p->pos - 1);
        if (is_compound_start(first) || nl->type != KR_TOK_NEWLINE)
            return fail_here(p);
        return fail_range(p, nl->lineno, nl->col_offset, nl->lineno, nl->col_offset + 1,
                          "multiple statements found while compiling a single statement");
    }
    kr_ast_mod *m = alloc(p, sizeof *m);
    if (!m)
        return NULL;
    m->kind = KR_AST_MOD_INTERACTIVE;
    m->v.Interactive.body = (kr_ast_stmt **)body.items;
    m->v.Interactive.n_body = body.n;
    return m;
}

/* eval: expressions NEWLINE* ENDMARKER, where expressions allows no starred items and no yield */
static kr_ast_mod *parse_eval(parser *p)
{
    kr_ast_expr *e = comma_list(p, expression);
    if (!e)
        return NULL;
    while (accept(p, KR_TOK_NEWLINE))
        ;
    if (!at(p, KR_TOK_ENDMARKER))
        return fail_here(p);
    kr_ast_mod *m = alloc(p, sizeof *m);
    if (!m)
        return NULL;
    m->kind = KR_AST_MOD_EXPRESSION;
    m->v.Expression.body = e;
    return m;
}

/* Runs the parser over src; p is zeroed by the caller. */
static kr_ast_mod *run(parser *p, kr_ast_arena *arena, const char *src, size_t len, int mode, kr_syntax_error *err)
{
    memset(err, 0, sizeof *err);
    p->arena = arena;
    p->err = err;
    p->mode = mode;
    p->error_token = (kr_lex_token){.type = KR_TOK_ERROR, .start = ""};
    kr_ast_mod *m = NULL;
    if (kr_lex_init(&p->lx, arena, src ? src : "", src ? len : 0, &p->lexerr) < 0) {
        *err = p->lexerr;
        p->failed = p->lex_failed = 1;
        return NULL;
    }
    if (mode == KR_PARSE_EVAL)
        m = parse_eval(p);
    else if (mode == KR_PARSE_SINGLE)
        m = parse_single(p);
    else
        m = parse_module(p);
    if (m && p->failed)
        m = NULL;
    if (!m) {
        if (!p->failed)
            fail_here(p);
        if (!err->kind)
            kr_lex_set_error(NULL, err, KR_SYNERR_SYNTAX, 1, 1, 0, 0, "invalid syntax");
    }
    return m;
}

kr_ast_mod *kr_parse(kr_ast_arena *arena, const char *src, size_t len, const char *filename, int mode,
                     kr_syntax_error *err)
{
    (void)filename;
    memset(err, 0, sizeof *err);
    parser *p = arena ? calloc(1, sizeof *p) : NULL;
    if (!p) {
        kr_lex_set_error(NULL, err, KR_SYNERR_MEMORY, 0, 0, 0, 0, "out of memory");
        return NULL;
    }
    kr_ast_mod *m = run(p, arena, src, len, mode, err);
    if (!m)
        prefer_tokenizer_error(p);
    free_tokens(p);
    free(p);
    return m;
}

static int is_compound_start(kr_lex_toktype t)
{
    switch (t) {
    case KR_TOK_IF: case KR_TOK_WHILE: case KR_TOK_FOR: case KR_TOK_TRY: case KR_TOK_WITH:
    case KR_TOK_DEF: case KR_TOK_CLASS: case KR_TOK_AT: case KR_TOK_ASYNC:
        return 1;
    default:
        return 0;
    }
}

/* Does the source end with a blank line (what closes a compound statement at the REPL)? */
static int ends_with_blank_line(const char *src, size_t len)
{
    size_t i = len;
    /* drop the final line end, then look at the last line */
    if (i > 0 && src[i - 1] == '\n')
        i--;
    if (i > 0 && src[i - 1] == '\r')
        i--;
    for (;;) {
        if (i == 0)
            return 1;
        char c = src[i - 1];
        if (c == '\n' || c == '\r')
            return 1;
        if (c != ' ' && c != '\t' && c != '\f')
            return 0;
        i--;
    }
}

int kr_parse_is_incomplete(const char *src, size_t len)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    parser *p = arena ? calloc(1, sizeof *p) : NULL;
    if (!p) {
        kr_ast_arena_free(arena);
        return 0;
    }
    kr_syntax_error err;
    int incomplete = 0;
    kr_ast_mod *m = run(p, arena, src, len, KR_PARSE_SINGLE, &err);
    if (m) {
        /* a complete compound statement still waits for the empty line that ends it */
        int first = 0;
        while (first < p->ntoks && tokp(p, first)->type == KR_TOK_NEWLINE)
            first++;
        if (first < p->ntoks && m->v.Interactive.n_body > 0 &&
            (is_compound_start(tokp(p, first)->type) || m->v.Interactive.body[0]->kind == KR_AST_STMT_MATCH))
            incomplete = !ends_with_blank_line(src, len);
    } else if (p->lex_failed) {
        incomplete = p->lx.incomplete;
    } else if (err.kind != KR_SYNERR_MEMORY && p->lex_done && p->fail_pos < p->ntoks) {
        /* the parser ran out of input (`if x:`, `@dec`): it failed on the end-of-file DEDENTs or
         * ENDMARKER, not on a token of the text */
        incomplete = !ends_with_blank_line(src, len); /* an empty line ends the input: report it */
        for (int i = p->fail_pos; i < p->ntoks; i++) {
            kr_lex_toktype t = tokp(p, i)->type;
            if (t != KR_TOK_DEDENT && t != KR_TOK_ENDMARKER)
                incomplete = 0;
        }
    }
    free_tokens(p);
    free(p);
    kr_ast_arena_free(arena);
    return incomplete;
}
