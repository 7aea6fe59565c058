/* symtable.c: scope analysis (see symtable.h). Two passes, as CPython's Python/symtable.c:
 *   1. build: walk the AST, open a scope per def/lambda/class/comprehension, record what each scope
 *      does with each name (bind, use, declare global/nonlocal) and report misplaced constructs;
 *   2. analyse: top-down with the set of names bound in enclosing functions, bottom-up with the set of
 *      names that nested scopes need from outside, resolve every name and mark cells.
 * Only the module scope's kind of error handling differs from CPython: the first error stops.
 */
#include "symtable.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------------
 * String sets (pass 2). Arena-allocated open addressing; names are compared by content.
 */
typedef struct name_set {
    const char **slots;
    int cap, n;
} name_set;

static uint32_t str_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

typedef struct builder {
    kr_symtable *st;
    kr_syntax_error *err;
    int failed;
    kr_scope *cur;
} builder;

static void *xalloc(builder *b, size_t n)
{
    if (b->failed)
        return NULL;
    void *p = kr_ast_arena_alloc(b->st->arena, n ? n : 1);
    if (!p) {
        b->failed = 1;
        b->err->kind = KR_SYNERR_MEMORY;
        snprintf(b->err->msg, sizeof b->err->msg, "out of memory");
    }
    return p;
}

static void set_init(builder *b, name_set *s, int cap)
{
    int c = 8;
    while (c < cap * 2)
        c *= 2;
    s->slots = xalloc(b, sizeof(char *) * (size_t)c);
    s->cap = s->slots ? c : 0;
    s->n = 0;
}

static int set_find(const name_set *s, const char *name)
{
    if (!s || s->cap == 0)
        return -1;
    uint32_t mask = (uint32_t)s->cap - 1, i = str_hash(name) & mask;
    while (s->slots[i]) {
        if (s->slots[i] != (const char *)1 && strcmp(s->slots[i], name) == 0)
            return (int)i;
        i = (i + 1) & mask;
    }
    return -1;
}

static bool set_has(const name_set *s, const char *name) { return set_find(s, name) >= 0; }

static void set_add(builder *b, name_set *s, const char *name);

static void set_grow(builder *b, name_set *s)
{
    name_set n;
    set_init(b, &n, s->cap);
    if (b->failed)
        return;
    for (int i = 0; i < s->cap; i++)
        if (s->slots[i] && s->slots[i] != (const char *)1)
            set_add(b, &n, s->slots[i]);
    *s = n;
}

static void set_add(builder *b, name_set *s, const char *name)
{
    if (b->failed || set_has(s, name))
        return;
    if (s->cap == 0 || (s->n + 1) * 2 > s->cap) {
        if (s->cap == 0)
            set_init(b, s, 4);
        else
            set_grow(b, s);
        if (b->failed)
            return;
    }
    uint32_t mask = (uint32_t)s->cap - 1, i = str_hash(name) & mask;
    /* deleted markers ((char*)1) are reused only after a miss, which set_has established */
    while (s->slots[i] && s->slots[i] != (const char *)1)
        i = (i + 1) & mask;
    s->slots[i] = name;
    s->n++;
}

static void set_discard(name_set *s, const char *name)
{
    int i = set_find(s, name);
    if (i >= 0) {
        s->slots[i] = (const char *)1; /* tombstone keeps probe chains intact */
        s->n--;
    }
}

static void set_copy(builder *b, name_set *dst, const name_set *src)
{
    set_init(b, dst, src ? src->n + 4 : 4);
    if (src)
        for (int i = 0; i < src->cap; i++)
            if (src->slots[i] && src->slots[i] != (const char *)1)
                set_add(b, dst, src->slots[i]);
}

static void set_update(builder *b, name_set *dst, const name_set *src)
{
    if (src)
        for (int i = 0; i < src->cap; i++)
            if (src->slots[i] && src->slots[i] != (const char *)1)
                set_add(b, dst, src->slots[i]);
}

#define SET_FOREACH(s, var)                                                                        \
    for (int var##_i = 0; var##_i < (s)->cap; var##_i++)                                           \
        for (const char *var = (s)->slots[var##_i];                                                \
             var && var != (const char *)1; var = NULL)

/* ------------------------------------------------------------------------------------------------
 * Errors
 */
static void error_at(builder *b, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void error_at(builder *b, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
{
    if (b->failed)
        return;
    b->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->err->msg, sizeof b->err->msg, fmt, ap);
    va_end(ap);
    b->err->kind = KR_SYNERR_SYNTAX;
    b->err->lineno = lineno;
    b->err->col_offset = col + 1;
    b->err->end_lineno = end_lineno;
    b->err->end_col_offset = end_col + 1;
    b->err->text = NULL;
}
#define ERR_NODE(b, n, ...) \
    error_at(b, (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset, __VA_ARGS__)

/* ------------------------------------------------------------------------------------------------
 * Scopes and symbols
 */
static void map_put(builder *b, const void *node, kr_scope *s)
{
    kr_symtable *st = b->st;
    if ((st->map_n + 1) * 2 > st->map_cap) {
        int ncap = st->map_cap ? st->map_cap * 2 : 64;
        const void **keys = xalloc(b, sizeof(void *) * (size_t)ncap);
        kr_scope **vals = xalloc(b, sizeof(kr_scope *) * (size_t)ncap);
        if (b->failed)
            return;
        for (int i = 0; i < st->map_cap; i++) {
            if (!st->map_keys[i])
                continue;
            uint32_t j = (uint32_t)(((uintptr_t)st->map_keys[i] >> 3) * 2654435761u) & (uint32_t)(ncap - 1);
            while (keys[j])
                j = (j + 1) & (uint32_t)(ncap - 1);
            keys[j] = st->map_keys[i];
            vals[j] = st->map_vals[i];
        }
        st->map_keys = keys;
        st->map_vals = vals;
        st->map_cap = ncap;
    }
    uint32_t j = (uint32_t)(((uintptr_t)node >> 3) * 2654435761u) & (uint32_t)(st->map_cap - 1);
    while (st->map_keys[j])
        j = (j + 1) & (uint32_t)(st->map_cap - 1);
    st->map_keys[j] = node;
    st->map_vals[j] = s;
    st->map_n++;
}

kr_scope *kr_symtable_lookup(const kr_symtable *st, const void *node)
{
    if (!st || st->map_cap == 0)
        return NULL;
    uint32_t j = (uint32_t)(((uintptr_t)node >> 3) * 2654435761u) & (uint32_t)(st->map_cap - 1);
    while (st->map_keys[j]) {
        if (st->map_keys[j] == node)
            return st->map_vals[j];
        j = (j + 1) & (uint32_t)(st->map_cap - 1);
    }
    return NULL;
}

kr_symbol *kr_symtable_symbol(const kr_scope *s, const char *name)
{
    if (!s || s->index_cap == 0)
        return NULL;
    uint32_t mask = (uint32_t)s->index_cap - 1, i = str_hash(name) & mask;
    while (s->index[i] >= 0) {
        kr_symbol *sym = s->symbols[s->index[i]];
        if (strcmp(sym->name, name) == 0)
            return sym;
        i = (i + 1) & mask;
    }
    return NULL;
}

kr_name_scope kr_symtable_scope_of(const kr_scope *s, const char *name)
{
    kr_symbol *sym = kr_symtable_symbol(s, name);
    return sym ? sym->scope : KR_SCOPE_GLOBAL_IMPLICIT;
}

static kr_symbol *symbol_get(builder *b, kr_scope *s, const char *name, int lineno, int col)
{
    kr_symbol *sym = kr_symtable_symbol(s, name);
    if (sym || b->failed)
        return sym;
    if ((s->n_symbols + 1) * 2 > s->index_cap) {
        int ncap = s->index_cap ? s->index_cap * 2 : 16;
        int *idx = xalloc(b, sizeof(int) * (size_t)ncap);
        if (b->failed)
            return NULL;
        memset(idx, 0xff, sizeof(int) * (size_t)ncap);
        for (int k = 0; k < s->n_symbols; k++) {
            uint32_t i = str_hash(s->symbols[k]->name) & (uint32_t)(ncap - 1);
            while (idx[i] >= 0)
                i = (i + 1) & (uint32_t)(ncap - 1);
            idx[i] = k;
        }
        s->index = idx;
        s->index_cap = ncap;
    }
    if (s->n_symbols == s->cap_symbols) {
        int ncap = s->cap_symbols ? s->cap_symbols * 2 : 8;
        kr_symbol **syms = xalloc(b, sizeof(kr_symbol *) * (size_t)ncap);
        if (b->failed)
            return NULL;
        if (s->n_symbols)
            memcpy(syms, s->symbols, sizeof(kr_symbol *) * (size_t)s->n_symbols);
        s->symbols = syms;
        s->cap_symbols = ncap;
    }
    sym = xalloc(b, sizeof *sym);
    if (!sym)
        return NULL;
    sym->name = name;
    sym->lineno = lineno;
    sym->col_offset = col;
    uint32_t i = str_hash(name) & (uint32_t)(s->index_cap - 1);
    while (s->index[i] >= 0)
        i = (i + 1) & (uint32_t)(s->index_cap - 1);
    s->index[i] = s->n_symbols;
    s->symbols[s->n_symbols++] = sym;
    return sym;
}

static kr_symbol *add_def_in(builder *b, kr_scope *s, const char *name, unsigned flag, int lineno, int col)
{
    kr_symbol *sym = symbol_get(b, s, name, lineno, col);
    if (sym)
        sym->flags |= flag;
    return sym;
}

static kr_symbol *add_def(builder *b, const char *name, unsigned flag, int lineno, int col)
{
    return add_def_in(b, b->cur, name, flag, lineno, col);
}

static kr_scope *scope_enter(builder *b, kr_block_kind kind, const char *name, const void *node, int lineno,
                             int col)
{
    kr_scope *s = xalloc(b, sizeof *s);
    if (!s)
        return NULL;
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = b->cur;
    s->lineno = lineno;
    s->col_offset = col;
    if (b->cur) {
        kr_scope *p = b->cur;
        if (p->n_children == p->cap_children) {
            int ncap = p->cap_children ? p->cap_children * 2 : 4;
            kr_scope **c = xalloc(b, sizeof(kr_scope *) * (size_t)ncap);
            if (!c)
                return NULL;
            if (p->n_children)
                memcpy(c, p->children, sizeof(kr_scope *) * (size_t)p->n_children);
            p->children = c;
            p->cap_children = ncap;
        }
        p->children[p->n_children++] = s;
        s->in_class_body = p->kind == KR_BLOCK_CLASS;
    }
    map_put(b, node, s);
    b->cur = s;
    return s;
}

static void scope_exit(builder *b)
{
    if (b->cur)
        b->cur = b->cur->parent;
}

/* ------------------------------------------------------------------------------------------------
 * Pass 1
 */
static void visit_expr(builder *b, kr_ast_expr *e);
static void visit_stmts(builder *b, kr_ast_stmt **body, int n);

static void visit_exprs(builder *b, kr_ast_expr **es, int n)
{
    for (int i = 0; i < n && !b->failed; i++)
        if (es[i])
            visit_expr(b, es[i]);
}

static bool is_function_like(const kr_scope *s)
{
    return s->kind == KR_BLOCK_FUNCTION || s->kind == KR_BLOCK_COMPREHENSION;
}

static void add_param(builder *b, kr_ast_arg *a)
{
    if (!a || b->failed)
        return;
    kr_symbol *sym = kr_symtable_symbol(b->cur, a->arg);
    if (sym && (sym->flags & KR_SYM_DEF_PARAM)) {
        ERR_NODE(b, a, "duplicate argument '%s' in function definition", a->arg);
        return;
    }
    add_def(b, a->arg, KR_SYM_DEF_PARAM, a->lineno, a->col_offset);
    kr_scope *s = b->cur;
    const char **p = xalloc(b, sizeof(char *) * (size_t)(s->n_params + 1));
    if (!p)
        return;
    if (s->n_params)
        memcpy(p, s->params, sizeof(char *) * (size_t)s->n_params);
    p[s->n_params++] = a->arg;
    s->params = p;
}

static void visit_params(builder *b, kr_ast_arguments *args)
{
    kr_scope *s = b->cur;
    for (int i = 0; i < args->n_posonlyargs; i++)
        add_param(b, args->posonlyargs[i]);
    for (int i = 0; i < args->n_args; i++)
        add_param(b, args->args[i]);
    s->n_posonly = args->n_posonlyargs;
    s->n_args = args->n_posonlyargs + args->n_args;
    /* CPython's co_varnames order (and vm/code.h's): positional, keyword-only, *args, **kwargs */
    for (int i = 0; i < args->n_kwonlyargs; i++)
        add_param(b, args->kwonlyargs[i]);
    s->n_kwonly = args->n_kwonlyargs;
    if (args->vararg) {
        add_param(b, args->vararg);
        s->has_varargs = true;
    }
    if (args->kwarg) {
        add_param(b, args->kwarg);
        s->has_varkw = true;
    }
}

/* Defaults and annotations are evaluated in the scope that contains the def. */
static void visit_arg_defaults(builder *b, kr_ast_arguments *args, bool annotations)
{
    visit_exprs(b, args->defaults, args->n_defaults);
    visit_exprs(b, args->kw_defaults, args->n_kwonlyargs);
    if (!annotations)
        return;
    kr_ast_arg **lists[3] = {args->posonlyargs, args->args, args->kwonlyargs};
    int counts[3] = {args->n_posonlyargs, args->n_args, args->n_kwonlyargs};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < counts[l]; i++)
            if (lists[l][i]->annotation)
                visit_expr(b, lists[l][i]->annotation);
    if (args->vararg && args->vararg->annotation)
        visit_expr(b, args->vararg->annotation);
    if (args->kwarg && args->kwarg->annotation)
        visit_expr(b, args->kwarg->annotation);
}

static void mark_comp_targets(builder *b, kr_scope *s, kr_ast_expr *t);

static const char *comp_kind_name(kr_ast_expr_kind k)
{
    switch (k) {
    case KR_AST_EXPR_LISTCOMP: return "list comprehension";
    case KR_AST_EXPR_SETCOMP: return "set comprehension";
    case KR_AST_EXPR_DICTCOMP: return "dict comprehension";
    default: return "generator expression";
    }
}

/* The scope whose code an await in scope s runs in once comprehensions are looked through: an
 * await or `async for` in a comprehension makes it a coroutine awaited by its parent (checked when
 * the comprehension's visit ends). */
static void comp_mark_async(kr_scope *s)
{
    if (s->kind == KR_BLOCK_COMPREHENSION)
        s->is_coroutine = true;
}

static void visit_comprehension(builder *b, kr_ast_expr *e, kr_ast_comprehension **gens, int ngens,
                                kr_ast_expr *elt, kr_ast_expr *value)
{
    static const char *const names[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    int which = e->kind == KR_AST_EXPR_LISTCOMP ? 0
              : e->kind == KR_AST_EXPR_SETCOMP  ? 1
              : e->kind == KR_AST_EXPR_DICTCOMP ? 2 : 3;
    /* The outermost iterable is evaluated in the enclosing scope. */
    b->cur->comp_iter_depth++;
    visit_expr(b, gens[0]->iter);
    b->cur->comp_iter_depth--;
    kr_scope *s = scope_enter(b, KR_BLOCK_COMPREHENSION, names[which], e, e->lineno, e->col_offset);
    if (!s)
        return;
    s->is_genexp = which == 3;
    /* vm/bytecode.h's contract: every comprehension is a nested function taking the outermost
     * iterator as its only parameter ".0" (CPython <= 3.11). The analysis supports inlining (PEP 709)
     * should the interpreter ever want it: set `inlined` for list/set/dict comprehensions. */
    s->inlined = false;
    s->is_generator = which == 3;
    if (!s->inlined) {
        kr_ast_arg *dot0 = xalloc(b, sizeof *dot0);
        if (!dot0)
            return;
        dot0->arg = ".0";
        dot0->lineno = e->lineno;
        dot0->col_offset = e->col_offset;
        add_param(b, dot0);
        s->n_args = 1;
    }
    for (int g = 0; g < ngens && !b->failed; g++) {
        kr_ast_comprehension *c = gens[g];
        if (g > 0) {
            s->comp_iter_depth++;
            visit_expr(b, c->iter);
            s->comp_iter_depth--;
        }
        if (c->is_async)
            comp_mark_async(s);
        visit_expr(b, c->target);
        mark_comp_targets(b, s, c->target);
        visit_exprs(b, c->ifs, c->n_ifs);
    }
    if (elt)
        visit_expr(b, elt);
    if (value)
        visit_expr(b, value);
    scope_exit(b);
    if (s->is_coroutine && !b->failed) {
        /* an asynchronous comprehension is awaited by the code around it, which must be able to */
        kr_scope *p = s->parent;
        if (s->is_genexp) {
            /* an async generator expression: its own object, allowed anywhere */
        } else if (p->kind == KR_BLOCK_COMPREHENSION) {
            comp_mark_async(p);
        } else if (!(p->kind == KR_BLOCK_FUNCTION && p->is_coroutine)) {
            ERR_NODE(b, e, "asynchronous comprehension outside of an asynchronous function");
        }
    }
}

/* Marks comprehension iteration variables (for the walrus rebinding check) */
static void mark_comp_targets(builder *b, kr_scope *s, kr_ast_expr *t)
{
    if (!t || b->failed)
        return;
    switch (t->kind) {
    case KR_AST_EXPR_NAME:
        add_def_in(b, s, t->v.Name.id, KR_SYM_DEF_COMP_ITER, t->lineno, t->col_offset);
        break;
    case KR_AST_EXPR_TUPLE:
        for (int i = 0; i < t->v.Tuple.n_elts; i++)
            mark_comp_targets(b, s, t->v.Tuple.elts[i]);
        break;
    case KR_AST_EXPR_LIST:
        for (int i = 0; i < t->v.List.n_elts; i++)
            mark_comp_targets(b, s, t->v.List.elts[i]);
        break;
    case KR_AST_EXPR_STARRED:
        mark_comp_targets(b, s, t->v.Starred.value);
        break;
    default:
        break;
    }
}

static void visit_namedexpr(builder *b, kr_ast_expr *e)
{
    kr_ast_expr *target = e->v.NamedExpr.target;
    if (b->cur->comp_iter_depth > 0) {
        ERR_NODE(b, e, "assignment expression cannot be used in a comprehension iterable expression");
        return;
    }
    visit_expr(b, e->v.NamedExpr.value);
    if (b->failed)
        return;
    b->cur->has_namedexpr = true;
    if (b->cur->kind == KR_BLOCK_COMPREHENSION && target->kind == KR_AST_EXPR_NAME) {
        /* PEP 572: the target binds in the nearest enclosing non-comprehension scope. */
        const char *name = target->v.Name.id;
        for (kr_scope *s = b->cur; s; s = s->parent) {
            if (s->kind == KR_BLOCK_COMPREHENSION) {
                kr_symbol *sym = kr_symtable_symbol(s, name);
                if (sym && (sym->flags & KR_SYM_DEF_COMP_ITER)) {
                    ERR_NODE(b, target, "assignment expression cannot rebind comprehension iteration variable '%s'",
                             name);
                    return;
                }
                continue;
            }
            if (s->kind == KR_BLOCK_FUNCTION) {
                add_def_in(b, b->cur, name, KR_SYM_DEF_NONLOCAL | KR_SYM_USE, target->lineno, target->col_offset);
                add_def_in(b, s, name, KR_SYM_DEF_LOCAL, target->lineno, target->col_offset);
                return;
            }
            if (s->kind == KR_BLOCK_MODULE) {
                add_def_in(b, b->cur, name, KR_SYM_DEF_GLOBAL, target->lineno, target->col_offset);
                add_def_in(b, s, name, KR_SYM_DEF_GLOBAL | KR_SYM_DEF_LOCAL, target->lineno, target->col_offset);
                return;
            }
            ERR_NODE(b, target, "assignment expression within a comprehension cannot be used in a class body");
            return;
        }
        return;
    }
    visit_expr(b, target);
}

static void visit_expr(builder *b, kr_ast_expr *e)
{
    if (!e || b->failed)
        return;
    switch (e->kind) {
    case KR_AST_EXPR_BOOLOP:
        visit_exprs(b, e->v.BoolOp.values, e->v.BoolOp.n_values);
        break;
    case KR_AST_EXPR_NAMEDEXPR:
        visit_namedexpr(b, e);
        break;
    case KR_AST_EXPR_BINOP:
        visit_expr(b, e->v.BinOp.left);
        visit_expr(b, e->v.BinOp.right);
        break;
    case KR_AST_EXPR_UNARYOP:
        visit_expr(b, e->v.UnaryOp.operand);
        break;
    case KR_AST_EXPR_LAMBDA: {
        visit_arg_defaults(b, e->v.Lambda.args, false);
        if (!scope_enter(b, KR_BLOCK_FUNCTION, "<lambda>", e, e->lineno, e->col_offset))
            return;
        visit_params(b, e->v.Lambda.args);
        visit_expr(b, e->v.Lambda.body);
        scope_exit(b);
        break;
    }
    case KR_AST_EXPR_IFEXP:
        visit_expr(b, e->v.IfExp.test);
        visit_expr(b, e->v.IfExp.body);
        visit_expr(b, e->v.IfExp.orelse);
        break;
    case KR_AST_EXPR_DICT:
        visit_exprs(b, e->v.Dict.keys, e->v.Dict.n_keys);
        visit_exprs(b, e->v.Dict.values, e->v.Dict.n_keys);
        break;
    case KR_AST_EXPR_SET:
        visit_exprs(b, e->v.Set.elts, e->v.Set.n_elts);
        break;
    case KR_AST_EXPR_LISTCOMP:
    case KR_AST_EXPR_SETCOMP:
    case KR_AST_EXPR_GENERATOREXP: {
        kr_ast_comprehension **gens = e->v.ListComp.generators;
        int n = e->v.ListComp.n_generators;
        kr_ast_expr *elt = e->v.ListComp.elt;
        if (e->kind == KR_AST_EXPR_SETCOMP) {
            gens = e->v.SetComp.generators; n = e->v.SetComp.n_generators; elt = e->v.SetComp.elt;
        } else if (e->kind == KR_AST_EXPR_GENERATOREXP) {
            gens = e->v.GeneratorExp.generators; n = e->v.GeneratorExp.n_generators; elt = e->v.GeneratorExp.elt;
        }
        visit_comprehension(b, e, gens, n, elt, NULL);
        break;
    }
    case KR_AST_EXPR_DICTCOMP:
        visit_comprehension(b, e, e->v.DictComp.generators, e->v.DictComp.n_generators, e->v.DictComp.key,
                            e->v.DictComp.value);
        break;
    case KR_AST_EXPR_YIELD:
    case KR_AST_EXPR_YIELDFROM: {
        kr_scope *s = b->cur;
        if (s->kind == KR_BLOCK_MODULE || s->kind == KR_BLOCK_CLASS) {
            ERR_NODE(b, e, "'yield' outside function");
            return;
        }
        if (s->kind == KR_BLOCK_COMPREHENSION) {
            kr_ast_expr *ce = (kr_ast_expr *)(uintptr_t)s->node;
            ERR_NODE(b, e, "'yield' inside %s", comp_kind_name(ce->kind));
            return;
        }
        if (s->is_coroutine && e->kind == KR_AST_EXPR_YIELDFROM) {
            ERR_NODE(b, e, "'yield from' inside async function");
            return;
        }
        s->is_generator = true; /* in an async def: an async generator */
        visit_expr(b, e->kind == KR_AST_EXPR_YIELD ? e->v.Yield.value : e->v.YieldFrom.value);
        break;
    }
    case KR_AST_EXPR_AWAIT: {
        kr_scope *s = b->cur;
        if (s->kind == KR_BLOCK_MODULE || s->kind == KR_BLOCK_CLASS) {
            ERR_NODE(b, e, "'await' outside function");
            return;
        }
        if (s->kind == KR_BLOCK_COMPREHENSION)
            comp_mark_async(s); /* checked at the comprehension's end */
        else if (!s->is_coroutine) {
            ERR_NODE(b, e, "'await' outside async function");
            return;
        }
        visit_expr(b, e->v.Await.value);
        break;
    }
    case KR_AST_EXPR_COMPARE:
        visit_expr(b, e->v.Compare.left);
        visit_exprs(b, e->v.Compare.comparators, e->v.Compare.n_comparators);
        break;
    case KR_AST_EXPR_CALL:
        visit_expr(b, e->v.Call.func);
        visit_exprs(b, e->v.Call.args, e->v.Call.n_args);
        for (int i = 0; i < e->v.Call.n_keywords; i++)
            visit_expr(b, e->v.Call.keywords[i]->value);
        break;
    case KR_AST_EXPR_FORMATTEDVALUE:
        visit_expr(b, e->v.FormattedValue.value);
        visit_expr(b, e->v.FormattedValue.format_spec);
        break;
    case KR_AST_EXPR_JOINEDSTR:
        visit_exprs(b, e->v.JoinedStr.values, e->v.JoinedStr.n_values);
        break;
    case KR_AST_EXPR_CONSTANT:
        break;
    case KR_AST_EXPR_ATTRIBUTE:
        visit_expr(b, e->v.Attribute.value);
        break;
    case KR_AST_EXPR_SUBSCRIPT:
        visit_expr(b, e->v.Subscript.value);
        visit_expr(b, e->v.Subscript.slice);
        break;
    case KR_AST_EXPR_STARRED:
        visit_expr(b, e->v.Starred.value);
        break;
    case KR_AST_EXPR_NAME: {
        const char *id = e->v.Name.id;
        if (e->v.Name.ctx == KR_AST_LOAD) {
            add_def(b, id, KR_SYM_USE, e->lineno, e->col_offset);
            /* super() with no arguments needs the __class__ cell of the enclosing class */
            if (is_function_like(b->cur) && strcmp(id, "super") == 0)
                add_def(b, "__class__", KR_SYM_USE, e->lineno, e->col_offset);
        } else {
            add_def(b, id, KR_SYM_DEF_LOCAL, e->lineno, e->col_offset);
        }
        if (strcmp(id, "__class__") == 0 && is_function_like(b->cur))
            b->cur->uses_class_cell = true;
        break;
    }
    case KR_AST_EXPR_LIST:
        visit_exprs(b, e->v.List.elts, e->v.List.n_elts);
        break;
    case KR_AST_EXPR_TUPLE:
        visit_exprs(b, e->v.Tuple.elts, e->v.Tuple.n_elts);
        break;
    case KR_AST_EXPR_SLICE:
        visit_expr(b, e->v.Slice.lower);
        visit_expr(b, e->v.Slice.upper);
        visit_expr(b, e->v.Slice.step);
        break;
    }
}

static void visit_pattern(builder *b, kr_ast_pattern *p)
{
    if (!p || b->failed)
        return;
    switch (p->kind) {
    case KR_AST_PAT_MATCHVALUE:
        visit_expr(b, p->v.MatchValue.value);
        break;
    case KR_AST_PAT_MATCHSINGLETON:
        break;
    case KR_AST_PAT_MATCHSEQUENCE:
        for (int i = 0; i < p->v.MatchSequence.n_patterns; i++)
            visit_pattern(b, p->v.MatchSequence.patterns[i]);
        break;
    case KR_AST_PAT_MATCHMAPPING:
        visit_exprs(b, p->v.MatchMapping.keys, p->v.MatchMapping.n_keys);
        for (int i = 0; i < p->v.MatchMapping.n_keys; i++)
            visit_pattern(b, p->v.MatchMapping.patterns[i]);
        if (p->v.MatchMapping.rest)
            add_def(b, p->v.MatchMapping.rest, KR_SYM_DEF_LOCAL, p->lineno, p->col_offset);
        break;
    case KR_AST_PAT_MATCHCLASS:
        visit_expr(b, p->v.MatchClass.cls);
        for (int i = 0; i < p->v.MatchClass.n_patterns; i++)
            visit_pattern(b, p->v.MatchClass.patterns[i]);
        for (int i = 0; i < p->v.MatchClass.n_kwd_attrs; i++)
            visit_pattern(b, p->v.MatchClass.kwd_patterns[i]);
        break;
    case KR_AST_PAT_MATCHSTAR:
        if (p->v.MatchStar.name)
            add_def(b, p->v.MatchStar.name, KR_SYM_DEF_LOCAL, p->lineno, p->col_offset);
        break;
    case KR_AST_PAT_MATCHAS:
        visit_pattern(b, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name)
            add_def(b, p->v.MatchAs.name, KR_SYM_DEF_LOCAL, p->lineno, p->col_offset);
        break;
    case KR_AST_PAT_MATCHOR:
        for (int i = 0; i < p->v.MatchOr.n_patterns; i++)
            visit_pattern(b, p->v.MatchOr.patterns[i]);
        break;
    }
}

static void visit_global_nonlocal(builder *b, kr_ast_stmt *s, bool global)
{
    const char **names = global ? s->v.Global.names : s->v.Nonlocal.names;
    int n = global ? s->v.Global.n_names : s->v.Nonlocal.n_names;
    const char *what = global ? "global" : "nonlocal";
    if (!global && b->cur->kind == KR_BLOCK_MODULE) {
        ERR_NODE(b, s, "nonlocal declaration not allowed at module level");
        return;
    }
    for (int i = 0; i < n && !b->failed; i++) {
        kr_symbol *sym = kr_symtable_symbol(b->cur, names[i]);
        unsigned cur = sym ? sym->flags : 0;
        if (cur & (KR_SYM_DEF_PARAM | KR_SYM_DEF_LOCAL | KR_SYM_USE | KR_SYM_DEF_ANNOT | KR_SYM_DEF_IMPORT)) {
            if (cur & KR_SYM_DEF_PARAM)
                ERR_NODE(b, s, "name '%s' is parameter and %s", names[i], what);
            else if (cur & KR_SYM_USE)
                ERR_NODE(b, s, "name '%s' is used prior to %s declaration", names[i], what);
            else if (cur & KR_SYM_DEF_ANNOT)
                ERR_NODE(b, s, "annotated name '%s' can't be %s", names[i], what);
            else
                ERR_NODE(b, s, "name '%s' is assigned to before %s declaration", names[i], what);
            return;
        }
        if (global && (cur & KR_SYM_DEF_NONLOCAL)) {
            ERR_NODE(b, s, "name '%s' is nonlocal and global", names[i]);
            return;
        }
        if (!global && (cur & KR_SYM_DEF_GLOBAL)) {
            ERR_NODE(b, s, "name '%s' is nonlocal and global", names[i]);
            return;
        }
        /* the directive's location is where "no binding for nonlocal" points */
        sym = add_def(b, names[i], global ? KR_SYM_DEF_GLOBAL : KR_SYM_DEF_NONLOCAL, s->lineno, s->col_offset);
        if (sym) {
            sym->lineno = s->lineno;
            sym->col_offset = s->col_offset;
            sym->end_lineno = s->end_lineno;
            sym->end_col_offset = s->end_col_offset;
        }
    }
}

/* A parameter the compiler passes to an annotation scope (no source position of its own). */
static void add_synthetic_param(builder *b, const char *name, int lineno, int col)
{
    add_def(b, name, KR_SYM_DEF_PARAM, lineno, col);
    kr_scope *s = b->cur;
    const char **p = xalloc(b, sizeof(char *) * (size_t)(s->n_params + 1));
    if (!p)
        return;
    if (s->n_params)
        memcpy(p, s->params, sizeof(char *) * (size_t)s->n_params);
    p[s->n_params++] = name;
    s->params = p;
    s->n_args = s->n_params;
}

/* A lazily evaluated expression (*field) in a function scope of its own. */
static void visit_lazy(builder *b, kr_ast_expr **field, const char *name)
{
    kr_ast_expr *e = *field;
    if (!e || b->failed)
        return;
    if (e->kind == KR_AST_EXPR_STARRED) { /* *Ts = *tuple[int]: the function gives tuple[int] */
        field = &e->v.Starred.value;
        e = *field;
    }
    bool sees_class = b->cur->can_see_class_scope;
    if (!scope_enter(b, KR_BLOCK_FUNCTION, name, field, e->lineno, e->col_offset))
        return;
    b->cur->lazy_value = true;
    if (sees_class) {
        b->cur->can_see_class_scope = true;
        add_def(b, ".classdict", KR_SYM_USE, e->lineno, e->col_offset);
    }
    visit_expr(b, e);
    scope_exit(b);
}

/* Opens the annotation scope of a generic def/class/alias and defines its type parameters; the
 * caller visits what else belongs there and closes it. */
static void add_synthetic_param(builder *b, const char *name, int lineno, int col);

/* key: the statement's type_params field (symtable.h). In a class body the scope's first parameter
 * is the class namespace. */
static bool enter_annotation_scope(builder *b, const void *key, const char *what, int lineno, int col)
{
    bool in_class = b->cur->kind == KR_BLOCK_CLASS;
    size_t len = strlen(what) + 32;
    char *name = xalloc(b, len);
    if (!name)
        return false;
    snprintf(name, len, "<generic parameters of %s>", what);
    if (!scope_enter(b, KR_BLOCK_FUNCTION, name, key, lineno, col))
        return false;
    b->cur->annotation_scope = true;
    if (in_class) {
        b->cur->can_see_class_scope = true;
        add_synthetic_param(b, ".classdict", lineno, col);
    }
    return true;
}

static void visit_type_params(builder *b, kr_ast_type_param **tps, int n)
{
    for (int i = 0; i < n && !b->failed; i++) {
        kr_ast_type_param *tp = tps[i];
        add_def(b, tp->name, KR_SYM_DEF_LOCAL, tp->lineno, tp->col_offset);
        visit_lazy(b, &tp->bound, tp->name);
        visit_lazy(b, &tp->default_value, tp->name);
    }
}

static void visit_stmt(builder *b, kr_ast_stmt *s)
{
    if (!s || b->failed)
        return;
    switch (s->kind) {
    case KR_AST_STMT_FUNCTIONDEF:
    case KR_AST_STMT_ASYNCFUNCTIONDEF: {
        add_def(b, s->v.FunctionDef.store_name ? s->v.FunctionDef.store_name : s->v.FunctionDef.name,
                KR_SYM_DEF_LOCAL, s->lineno, s->col_offset);
        visit_exprs(b, s->v.FunctionDef.decorator_list, s->v.FunctionDef.n_decorator_list);
        bool generic = s->v.FunctionDef.n_type_params > 0;
        kr_ast_arguments *args = s->v.FunctionDef.args;
        /* defaults are evaluated outside a generic def's annotation scope, its annotations inside */
        visit_arg_defaults(b, args, !generic);
        if (generic) {
            if (!enter_annotation_scope(b, &s->v.FunctionDef.type_params, s->v.FunctionDef.name, s->lineno, s->col_offset))
                return;
            if (args->n_defaults)
                add_synthetic_param(b, ".defaults", s->lineno, s->col_offset);
            for (int i = 0; i < args->n_kwonlyargs; i++)
                if (args->kw_defaults[i]) {
                    add_synthetic_param(b, ".kwdefaults", s->lineno, s->col_offset);
                    break;
                }
            visit_type_params(b, s->v.FunctionDef.type_params, s->v.FunctionDef.n_type_params);
            kr_ast_arguments ann = *args;
            ann.n_defaults = 0;
            ann.kw_defaults = NULL;
            int nkw = ann.n_kwonlyargs;
            ann.n_kwonlyargs = 0; /* visited below without their defaults */
            visit_arg_defaults(b, &ann, true);
            for (int i = 0; i < nkw; i++)
                if (args->kwonlyargs[i]->annotation)
                    visit_expr(b, args->kwonlyargs[i]->annotation);
        }
        visit_expr(b, s->v.FunctionDef.returns);
        if (!scope_enter(b, KR_BLOCK_FUNCTION, s->v.FunctionDef.name, s, s->lineno, s->col_offset))
            return;
        b->cur->is_coroutine = s->kind == KR_AST_STMT_ASYNCFUNCTIONDEF;
        visit_params(b, s->v.FunctionDef.args);
        visit_stmts(b, s->v.FunctionDef.body, s->v.FunctionDef.n_body);
        scope_exit(b);
        if (generic)
            scope_exit(b);
        break;
    }
    case KR_AST_STMT_TYPEALIAS: {
        kr_ast_expr *n = s->v.TypeAlias.name;
        add_def(b, n->v.Name.id, KR_SYM_DEF_LOCAL, n->lineno, n->col_offset);
        /* in a class body the value sees the class namespace: through an annotation scope */
        bool generic = s->v.TypeAlias.n_type_params > 0 || b->cur->kind == KR_BLOCK_CLASS;
        if (generic) {
            if (!enter_annotation_scope(b, &s->v.TypeAlias.type_params, n->v.Name.id, s->lineno, s->col_offset))
                return;
            visit_type_params(b, s->v.TypeAlias.type_params, s->v.TypeAlias.n_type_params);
        }
        visit_lazy(b, &s->v.TypeAlias.value, n->v.Name.id);
        if (generic)
            scope_exit(b);
        break;
    }
    case KR_AST_STMT_CLASSDEF: {
        add_def(b, s->v.ClassDef.store_name ? s->v.ClassDef.store_name : s->v.ClassDef.name, KR_SYM_DEF_LOCAL,
                s->lineno, s->col_offset);
        visit_exprs(b, s->v.ClassDef.decorator_list, s->v.ClassDef.n_decorator_list);
        /* a generic class's bases and keywords are evaluated in its annotation scope */
        bool generic = s->v.ClassDef.n_type_params > 0;
        if (generic) {
            if (!enter_annotation_scope(b, &s->v.ClassDef.type_params, s->v.ClassDef.name, s->lineno, s->col_offset))
                return;
            visit_type_params(b, s->v.ClassDef.type_params, s->v.ClassDef.n_type_params);
        }
        visit_exprs(b, s->v.ClassDef.bases, s->v.ClassDef.n_bases);
        for (int i = 0; i < s->v.ClassDef.n_keywords; i++)
            visit_expr(b, s->v.ClassDef.keywords[i]->value);
        if (!scope_enter(b, KR_BLOCK_CLASS, s->v.ClassDef.name, s, s->lineno, s->col_offset))
            return;
        visit_stmts(b, s->v.ClassDef.body, s->v.ClassDef.n_body);
        scope_exit(b);
        if (generic)
            scope_exit(b);
        break;
    }
    case KR_AST_STMT_RETURN:
        if (!is_function_like(b->cur)) {
            ERR_NODE(b, s, "'return' outside function");
            return;
        }
        visit_expr(b, s->v.Return.value);
        break;
    case KR_AST_STMT_DELETE:
        visit_exprs(b, s->v.Delete.targets, s->v.Delete.n_targets);
        break;
    case KR_AST_STMT_ASSIGN:
        visit_exprs(b, s->v.Assign.targets, s->v.Assign.n_targets);
        visit_expr(b, s->v.Assign.value);
        break;
    case KR_AST_STMT_AUGASSIGN:
        visit_expr(b, s->v.AugAssign.target);
        visit_expr(b, s->v.AugAssign.value);
        break;
    case KR_AST_STMT_ANNASSIGN: {
        kr_ast_expr *t = s->v.AnnAssign.target;
        if (t->kind == KR_AST_EXPR_NAME) {
            kr_symbol *sym = kr_symtable_symbol(b->cur, t->v.Name.id);
            unsigned cur = sym ? sym->flags : 0;
            if ((cur & (KR_SYM_DEF_GLOBAL | KR_SYM_DEF_NONLOCAL)) && s->v.AnnAssign.simple) {
                ERR_NODE(b, t, "annotated name '%s' can't be %s", t->v.Name.id,
                         (cur & KR_SYM_DEF_GLOBAL) ? "global" : "nonlocal");
                return;
            }
            if (s->v.AnnAssign.simple)
                add_def(b, t->v.Name.id, KR_SYM_DEF_LOCAL | KR_SYM_DEF_ANNOT, t->lineno, t->col_offset);
            else if (s->v.AnnAssign.value)
                add_def(b, t->v.Name.id, KR_SYM_DEF_LOCAL, t->lineno, t->col_offset);
        } else {
            visit_expr(b, t);
        }
        /* annotations of local variables are never evaluated (PEP 526) */
        if (b->cur->kind != KR_BLOCK_FUNCTION)
            visit_expr(b, s->v.AnnAssign.annotation);
        visit_expr(b, s->v.AnnAssign.value);
        break;
    }
    case KR_AST_STMT_ASYNCFOR:
    case KR_AST_STMT_ASYNCWITH:
        if (!(b->cur->kind == KR_BLOCK_FUNCTION && b->cur->is_coroutine)) {
            ERR_NODE(b, s, "'async %s' outside async function", s->kind == KR_AST_STMT_ASYNCFOR ? "for" : "with");
            return;
        }
        if (s->kind == KR_AST_STMT_ASYNCWITH)
            goto with;
        /* fall through */
    case KR_AST_STMT_FOR:
        visit_expr(b, s->v.For.target);
        visit_expr(b, s->v.For.iter);
        visit_stmts(b, s->v.For.body, s->v.For.n_body);
        visit_stmts(b, s->v.For.orelse, s->v.For.n_orelse);
        break;
    case KR_AST_STMT_WHILE:
        visit_expr(b, s->v.While.test);
        visit_stmts(b, s->v.While.body, s->v.While.n_body);
        visit_stmts(b, s->v.While.orelse, s->v.While.n_orelse);
        break;
    case KR_AST_STMT_IF:
        visit_expr(b, s->v.If.test);
        visit_stmts(b, s->v.If.body, s->v.If.n_body);
        visit_stmts(b, s->v.If.orelse, s->v.If.n_orelse);
        break;
    case KR_AST_STMT_WITH:
    with:
        for (int i = 0; i < s->v.With.n_items && !b->failed; i++) {
            visit_expr(b, s->v.With.items[i]->context_expr);
            visit_expr(b, s->v.With.items[i]->optional_vars);
        }
        visit_stmts(b, s->v.With.body, s->v.With.n_body);
        break;
    case KR_AST_STMT_MATCH:
        visit_expr(b, s->v.Match.subject);
        for (int i = 0; i < s->v.Match.n_cases && !b->failed; i++) {
            kr_ast_match_case *c = s->v.Match.cases[i];
            visit_pattern(b, c->pattern);
            visit_expr(b, c->guard);
            visit_stmts(b, c->body, c->n_body);
        }
        break;
    case KR_AST_STMT_RAISE:
        visit_expr(b, s->v.Raise.exc);
        visit_expr(b, s->v.Raise.cause);
        break;
    case KR_AST_STMT_TRY:
    case KR_AST_STMT_TRYSTAR:
        visit_stmts(b, s->v.Try.body, s->v.Try.n_body);
        for (int i = 0; i < s->v.Try.n_handlers && !b->failed; i++) {
            kr_ast_excepthandler *h = s->v.Try.handlers[i];
            visit_expr(b, h->type);
            if (h->name)
                add_def(b, h->name, KR_SYM_DEF_LOCAL, h->lineno, h->col_offset);
            visit_stmts(b, h->body, h->n_body);
        }
        visit_stmts(b, s->v.Try.orelse, s->v.Try.n_orelse);
        visit_stmts(b, s->v.Try.finalbody, s->v.Try.n_finalbody);
        break;
    case KR_AST_STMT_ASSERT:
        visit_expr(b, s->v.Assert.test);
        visit_expr(b, s->v.Assert.msg);
        break;
    case KR_AST_STMT_IMPORT:
    case KR_AST_STMT_IMPORTFROM: {
        kr_ast_alias **names = s->kind == KR_AST_STMT_IMPORT ? s->v.Import.names : s->v.ImportFrom.names;
        int n = s->kind == KR_AST_STMT_IMPORT ? s->v.Import.n_names : s->v.ImportFrom.n_names;
        for (int i = 0; i < n && !b->failed; i++) {
            kr_ast_alias *a = names[i];
            if (strcmp(a->name, "*") == 0) {
                if (b->cur->kind != KR_BLOCK_MODULE) {
                    ERR_NODE(b, a, "import * only allowed at module level");
                    return;
                }
                continue;
            }
            const char *bound = a->asname;
            if (!bound) {
                const char *dot = strchr(a->name, '.');
                bound = dot ? kr_ast_arena_strndup(b->st->arena, a->name, (size_t)(dot - a->name)) : a->name;
                if (!bound) {
                    xalloc(b, (size_t)-1 / 2); /* report the allocation failure */
                    return;
                }
            }
            add_def(b, bound, KR_SYM_DEF_IMPORT, a->lineno, a->col_offset);
        }
        break;
    }
    case KR_AST_STMT_GLOBAL:
        visit_global_nonlocal(b, s, true);
        break;
    case KR_AST_STMT_NONLOCAL:
        visit_global_nonlocal(b, s, false);
        break;
    case KR_AST_STMT_EXPR:
        visit_expr(b, s->v.Expr.value);
        break;
    case KR_AST_STMT_PASS:
    case KR_AST_STMT_BREAK:
    case KR_AST_STMT_CONTINUE:
        break;
    }
}

static void visit_stmts(builder *b, kr_ast_stmt **body, int n)
{
    for (int i = 0; i < n && !b->failed; i++)
        visit_stmt(b, body[i]);
}

/* ------------------------------------------------------------------------------------------------
 * Pass 2
 */
typedef struct analysis {
    name_set free;     /* names this scope needs from enclosing functions */
    name_set needcell; /* subset of free that a real closure needs (only differs for inlined comps) */
} analysis;

static void analyze_block(builder *b, kr_scope *s, const name_set *bound_in, const name_set *global_in,
                          analysis *out);

static void analyze_name(builder *b, kr_scope *s, kr_symbol *sym, name_set *bound, name_set *local,
                         name_set *free, name_set *global)
{
    const char *name = sym->name;
    unsigned fl = sym->flags;
    if (fl & KR_SYM_DEF_GLOBAL) {
        sym->scope = KR_SCOPE_GLOBAL_EXPLICIT;
        set_add(b, global, name);
        set_discard(bound, name);
        return;
    }
    if (fl & KR_SYM_DEF_NONLOCAL) {
        if (!set_has(bound, name)) {
            error_at(b, sym->lineno, sym->col_offset, sym->end_lineno, sym->end_col_offset,
                     "no binding for nonlocal '%s' found", name);
            return;
        }
        sym->scope = KR_SCOPE_FREE;
        set_add(b, free, name);
        return;
    }
    if (fl & KR_SYM_DEF_BOUND) {
        sym->scope = KR_SCOPE_LOCAL;
        set_add(b, local, name);
        set_discard(global, name);
        return;
    }
    if (set_has(bound, name)) {
        sym->scope = KR_SCOPE_FREE;
        set_add(b, free, name);
        return;
    }
    (void)s;
    sym->scope = KR_SCOPE_GLOBAL_IMPLICIT;
}

static void analyze_block(builder *b, kr_scope *s, const name_set *bound_in, const name_set *global_in,
                          analysis *out)
{
    name_set local, bound, global, newbound, newglobal, newfree, newneedcell;
    set_init(b, &local, 8);
    set_copy(b, &bound, bound_in);
    set_copy(b, &global, global_in);
    set_init(b, &out->free, 8);
    set_init(b, &out->needcell, 8);
    set_init(b, &newfree, 8);
    set_init(b, &newneedcell, 8);
    if (b->failed)
        return;

    for (int i = 0; i < s->n_symbols && !b->failed; i++)
        analyze_name(b, s, s->symbols[i], &bound, &local, &out->free, &global);
    if (b->failed)
        return;

    if (s->kind == KR_BLOCK_CLASS) {
        /* class-level names are not visible to nested functions; __class__ is */
        set_copy(b, &newbound, &bound);
        set_add(b, &newbound, "__class__");
        set_copy(b, &newglobal, &global);
    } else if (s->kind == KR_BLOCK_MODULE) {
        set_init(b, &newbound, 4);
        set_copy(b, &newglobal, &global);
    } else {
        set_copy(b, &newbound, &bound);
        set_update(b, &newbound, &local);
        set_copy(b, &newglobal, &global);
    }

    for (int c = 0; c < s->n_children && !b->failed; c++) {
        kr_scope *child = s->children[c];
        analysis ca;
        analyze_block(b, child, &newbound, &newglobal, &ca);
        if (b->failed)
            return;
        if (child->inlined) {
            /* Direct references from an inlined comprehension use this scope's variable in place
             * (no cell); only what closures inside it need must become cells here. */
            SET_FOREACH(&ca.free, name) {
                kr_symbol *sym = kr_symtable_symbol(s, name);
                bool bound_here = sym && (sym->scope == KR_SCOPE_LOCAL || sym->scope == KR_SCOPE_CELL);
                if (set_has(&ca.needcell, name)) {
                    set_add(b, &newfree, name);
                    set_add(b, &newneedcell, name);
                } else if (!bound_here) {
                    set_add(b, &newfree, name);
                }
            }
        } else {
            set_update(b, &newfree, &ca.free);
            set_update(b, &newneedcell, &ca.free);
        }
    }
    if (b->failed)
        return;

    if (s->kind == KR_BLOCK_CLASS && set_has(&newfree, "__class__")) {
        s->needs_class_closure = true;
        set_discard(&newfree, "__class__");
        set_discard(&newneedcell, "__class__");
    }

    /* Resolve what the children need: a local of a function becomes a cell; a class passes names
     * through (it has its own namespace for them); anything else becomes free here. */
    SET_FOREACH(&newfree, name) {
        kr_symbol *sym = kr_symtable_symbol(s, name);
        bool needcell = set_has(&newneedcell, name);
        if (is_function_like(s) && sym && (sym->scope == KR_SCOPE_LOCAL || sym->scope == KR_SCOPE_CELL)) {
            if (needcell)
                sym->scope = KR_SCOPE_CELL;
            continue; /* satisfied here */
        }
        if (sym && (sym->scope == KR_SCOPE_GLOBAL_EXPLICIT || sym->scope == KR_SCOPE_GLOBAL_IMPLICIT) &&
            s->kind != KR_BLOCK_CLASS)
            continue; /* a child thinks it is free but we declared it global: cannot happen, bound was cut */
        if (s->kind == KR_BLOCK_MODULE)
            continue;
        if (!set_has(&bound, name))
            continue; /* not bound by any enclosing function: the child resolved it as global */
        if (sym) {
            if (sym->scope == KR_SCOPE_LOCAL && s->kind == KR_BLOCK_CLASS)
                sym->class_free = true;
            else if (sym->scope != KR_SCOPE_FREE)
                sym->scope = KR_SCOPE_FREE;
        } else {
            sym = add_def_in(b, s, name, 0, s->lineno, s->col_offset);
            if (!sym)
                return;
            sym->scope = KR_SCOPE_FREE;
        }
        set_add(b, &out->free, name);
        if (needcell || !s->inlined)
            set_add(b, &out->needcell, name);
    }
    if (!s->inlined)
        set_update(b, &out->needcell, &out->free);
}

/* ------------------------------------------------------------------------------------------------
 * Qualified names
 */
static void compute_qualnames(builder *b, kr_scope *s)
{
    if (b->failed)
        return;
    if (s->kind == KR_BLOCK_MODULE) {
        s->qualname = kr_ast_arena_strdup(b->st->arena, "<module>");
    } else {
        kr_scope *p = s->parent;
        /* inlined comprehensions and annotation scopes do not appear in qualnames */
        while (p && (p->inlined || p->annotation_scope))
            p = p->parent;
        const char *name = s->name;
        if (!p || p->kind == KR_BLOCK_MODULE) {
            s->qualname = kr_ast_arena_strdup(b->st->arena, name);
        } else {
            kr_symbol *sym = s->kind != KR_BLOCK_COMPREHENSION ? kr_symtable_symbol(p, name) : NULL;
            if (sym && sym->scope == KR_SCOPE_GLOBAL_EXPLICIT) {
                s->qualname = kr_ast_arena_strdup(b->st->arena, name);
            } else {
                const char *sep = p->kind == KR_BLOCK_CLASS ? "." : ".<locals>.";
                size_t n = strlen(p->qualname) + strlen(sep) + strlen(name) + 1;
                s->qualname = xalloc(b, n);
                if (s->qualname)
                    snprintf(s->qualname, n, "%s%s%s", p->qualname, sep, name);
            }
        }
    }
    if (!s->qualname) {
        xalloc(b, (size_t)-1 / 2);
        return;
    }
    for (int i = 0; i < s->n_children; i++)
        compute_qualnames(b, s->children[i]);
}

/* ------------------------------------------------------------------------------------------------
 * Entry points
 */
kr_symtable *kr_symtable_build(kr_ast_mod *mod, kr_syntax_error *err)
{
    kr_symtable *st = calloc(1, sizeof *st);
    if (!st || !(st->arena = kr_ast_arena_create())) {
        free(st);
        memset(err, 0, sizeof *err);
        err->kind = KR_SYNERR_MEMORY;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    builder b = {.st = st, .err = err, .failed = 0, .cur = NULL};
    kr_scope *top = scope_enter(&b, KR_BLOCK_MODULE, "<module>", mod, 1, 0);
    st->top = top;
    if (top) {
        switch (mod->kind) {
        case KR_AST_MOD_MODULE:
            visit_stmts(&b, mod->v.Module.body, mod->v.Module.n_body);
            break;
        case KR_AST_MOD_INTERACTIVE:
            visit_stmts(&b, mod->v.Interactive.body, mod->v.Interactive.n_body);
            break;
        case KR_AST_MOD_EXPRESSION:
            visit_expr(&b, mod->v.Expression.body);
            break;
        }
    }
    if (!b.failed) {
        analysis a;
        analyze_block(&b, top, NULL, NULL, &a);
    }
    if (!b.failed)
        compute_qualnames(&b, top);
    if (b.failed) {
        kr_symtable_free(st);
        return NULL;
    }
    return st;
}

void kr_symtable_free(kr_symtable *st)
{
    if (!st)
        return;
    kr_ast_arena_free(st->arena);
    free(st);
}
