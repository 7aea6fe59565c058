/* mangle.c: private name mangling (CPython's _Py_Mangle), as a pass over the AST before the symbol
 * table is built.
 *
 * Inside a class body, and in everything nested in it, an identifier `__x` (two leading underscores,
 * not ending in two, no dot) becomes `_Class__x`, with the innermost class's name stripped of its
 * leading underscores (no mangling when nothing is left). It applies to names, attribute names,
 * parameters, global/nonlocal declarations, import names, except/match targets; not to keyword argument
 * names of calls nor to match-class keyword attributes (as CPython). A def or class keeps its own name
 * for __name__/__qualname__ and is stored under the mangled one (`store_name`). The class's own name,
 * its bases, keywords and decorators belong to the enclosing scope's class. After this pass the symbol
 * table and the compiler need not know about mangling at all. */
#include <string.h>

#include "ast.h"

typedef struct {
    kr_ast_arena *arena;
    const char *private_name; /* innermost enclosing class's name, or NULL */
    int failed;               /* out of memory */
} mangler;

static const char *mangle(mangler *m, const char *name)
{
    const char *p = m->private_name;
    if (!p || !name || name[0] != '_' || name[1] != '_' || strchr(name, '.'))
        return name;
    size_t n = strlen(name);
    if (n >= 4 && name[n - 1] == '_' && name[n - 2] == '_')
        return name;
    while (*p == '_')
        p++;
    if (!*p)
        return name;
    size_t pn = strlen(p);
    char *r = kr_ast_arena_alloc(m->arena, 1 + pn + n + 1);
    if (!r) {
        m->failed = 1;
        return name;
    }
    r[0] = '_';
    memcpy(r + 1, p, pn);
    memcpy(r + 1 + pn, name, n + 1);
    return r;
}

static void expr(mangler *m, kr_ast_expr *e);
static void stmts(mangler *m, kr_ast_stmt **body, int n);

static void exprs(mangler *m, kr_ast_expr **es, int n)
{
    for (int i = 0; i < n; i++)
        expr(m, es[i]);
}

static void arg(mangler *m, kr_ast_arg *a)
{
    if (!a)
        return;
    a->arg = mangle(m, a->arg);
    expr(m, a->annotation);
}

static void arguments(mangler *m, kr_ast_arguments *a)
{
    if (!a)
        return;
    for (int i = 0; i < a->n_posonlyargs; i++)
        arg(m, a->posonlyargs[i]);
    for (int i = 0; i < a->n_args; i++)
        arg(m, a->args[i]);
    arg(m, a->vararg);
    for (int i = 0; i < a->n_kwonlyargs; i++) {
        arg(m, a->kwonlyargs[i]);
        expr(m, a->kw_defaults[i]);
    }
    arg(m, a->kwarg);
    exprs(m, a->defaults, a->n_defaults);
}

static void keywords(mangler *m, kr_ast_keyword **kws, int n)
{
    for (int i = 0; i < n; i++)
        expr(m, kws[i]->value); /* the keyword's name is not mangled */
}

static void comprehensions(mangler *m, kr_ast_comprehension **gens, int n)
{
    for (int i = 0; i < n; i++) {
        expr(m, gens[i]->target);
        expr(m, gens[i]->iter);
        exprs(m, gens[i]->ifs, gens[i]->n_ifs);
    }
}

static void expr(mangler *m, kr_ast_expr *e)
{
    if (!e)
        return;
    switch (e->kind) {
    case KR_AST_EXPR_BOOLOP: exprs(m, e->v.BoolOp.values, e->v.BoolOp.n_values); break;
    case KR_AST_EXPR_NAMEDEXPR: expr(m, e->v.NamedExpr.target); expr(m, e->v.NamedExpr.value); break;
    case KR_AST_EXPR_BINOP: expr(m, e->v.BinOp.left); expr(m, e->v.BinOp.right); break;
    case KR_AST_EXPR_UNARYOP: expr(m, e->v.UnaryOp.operand); break;
    case KR_AST_EXPR_LAMBDA: arguments(m, e->v.Lambda.args); expr(m, e->v.Lambda.body); break;
    case KR_AST_EXPR_IFEXP:
        expr(m, e->v.IfExp.test);
        expr(m, e->v.IfExp.body);
        expr(m, e->v.IfExp.orelse);
        break;
    case KR_AST_EXPR_DICT:
        for (int i = 0; i < e->v.Dict.n_keys; i++) {
            expr(m, e->v.Dict.keys[i]);
            expr(m, e->v.Dict.values[i]);
        }
        break;
    case KR_AST_EXPR_SET: exprs(m, e->v.Set.elts, e->v.Set.n_elts); break;
    case KR_AST_EXPR_LISTCOMP:
        expr(m, e->v.ListComp.elt);
        comprehensions(m, e->v.ListComp.generators, e->v.ListComp.n_generators);
        break;
    case KR_AST_EXPR_SETCOMP:
        expr(m, e->v.SetComp.elt);
        comprehensions(m, e->v.SetComp.generators, e->v.SetComp.n_generators);
        break;
    case KR_AST_EXPR_DICTCOMP:
        expr(m, e->v.DictComp.key);
        expr(m, e->v.DictComp.value);
        comprehensions(m, e->v.DictComp.generators, e->v.DictComp.n_generators);
        break;
    case KR_AST_EXPR_GENERATOREXP:
        expr(m, e->v.GeneratorExp.elt);
        comprehensions(m, e->v.GeneratorExp.generators, e->v.GeneratorExp.n_generators);
        break;
    case KR_AST_EXPR_YIELD: expr(m, e->v.Yield.value); break;
    case KR_AST_EXPR_YIELDFROM: expr(m, e->v.YieldFrom.value); break;
    case KR_AST_EXPR_AWAIT: expr(m, e->v.Await.value); break;
    case KR_AST_EXPR_COMPARE:
        expr(m, e->v.Compare.left);
        exprs(m, e->v.Compare.comparators, e->v.Compare.n_comparators);
        break;
    case KR_AST_EXPR_CALL:
        expr(m, e->v.Call.func);
        exprs(m, e->v.Call.args, e->v.Call.n_args);
        keywords(m, e->v.Call.keywords, e->v.Call.n_keywords);
        break;
    case KR_AST_EXPR_FORMATTEDVALUE:
        expr(m, e->v.FormattedValue.value);
        expr(m, e->v.FormattedValue.format_spec);
        break;
    case KR_AST_EXPR_JOINEDSTR: exprs(m, e->v.JoinedStr.values, e->v.JoinedStr.n_values); break;
    case KR_AST_EXPR_CONSTANT: break;
    case KR_AST_EXPR_ATTRIBUTE:
        expr(m, e->v.Attribute.value);
        e->v.Attribute.attr = mangle(m, e->v.Attribute.attr);
        break;
    case KR_AST_EXPR_SUBSCRIPT: expr(m, e->v.Subscript.value); expr(m, e->v.Subscript.slice); break;
    case KR_AST_EXPR_STARRED: expr(m, e->v.Starred.value); break;
    case KR_AST_EXPR_NAME: e->v.Name.id = mangle(m, e->v.Name.id); break;
    case KR_AST_EXPR_LIST: exprs(m, e->v.List.elts, e->v.List.n_elts); break;
    case KR_AST_EXPR_TUPLE: exprs(m, e->v.Tuple.elts, e->v.Tuple.n_elts); break;
    case KR_AST_EXPR_SLICE:
        expr(m, e->v.Slice.lower);
        expr(m, e->v.Slice.upper);
        expr(m, e->v.Slice.step);
        break;
    }
}

static void pattern(mangler *m, kr_ast_pattern *p)
{
    if (!p)
        return;
    switch (p->kind) {
    case KR_AST_PAT_MATCHVALUE: expr(m, p->v.MatchValue.value); break;
    case KR_AST_PAT_MATCHSINGLETON: break;
    case KR_AST_PAT_MATCHSEQUENCE:
        for (int i = 0; i < p->v.MatchSequence.n_patterns; i++)
            pattern(m, p->v.MatchSequence.patterns[i]);
        break;
    case KR_AST_PAT_MATCHMAPPING:
        for (int i = 0; i < p->v.MatchMapping.n_keys; i++) {
            expr(m, p->v.MatchMapping.keys[i]);
            pattern(m, p->v.MatchMapping.patterns[i]);
        }
        p->v.MatchMapping.rest = mangle(m, p->v.MatchMapping.rest);
        break;
    case KR_AST_PAT_MATCHCLASS:
        expr(m, p->v.MatchClass.cls);
        for (int i = 0; i < p->v.MatchClass.n_patterns; i++)
            pattern(m, p->v.MatchClass.patterns[i]);
        for (int i = 0; i < p->v.MatchClass.n_kwd_attrs; i++)
            pattern(m, p->v.MatchClass.kwd_patterns[i]);
        break;
    case KR_AST_PAT_MATCHSTAR: p->v.MatchStar.name = mangle(m, p->v.MatchStar.name); break;
    case KR_AST_PAT_MATCHAS:
        pattern(m, p->v.MatchAs.pattern);
        p->v.MatchAs.name = mangle(m, p->v.MatchAs.name);
        break;
    case KR_AST_PAT_MATCHOR:
        for (int i = 0; i < p->v.MatchOr.n_patterns; i++)
            pattern(m, p->v.MatchOr.patterns[i]);
        break;
    }
}

static void aliases(mangler *m, kr_ast_alias **names, int n)
{
    for (int i = 0; i < n; i++) {
        /* a dotted module name is never mangled (nor is the first component it binds) */
        names[i]->name = mangle(m, names[i]->name);
        names[i]->asname = mangle(m, names[i]->asname);
    }
}

/* the bounds and defaults of type parameters (their names are kept, as in CPython 3.13) */
static void type_params(mangler *m, kr_ast_type_param **tps, int n)
{
    for (int i = 0; i < n; i++) {
        expr(m, tps[i]->bound);
        expr(m, tps[i]->default_value);
    }
}

static void stmt(mangler *m, kr_ast_stmt *s)
{
    switch (s->kind) {
    case KR_AST_STMT_FUNCTIONDEF:
    case KR_AST_STMT_ASYNCFUNCTIONDEF: {
        exprs(m, s->v.FunctionDef.decorator_list, s->v.FunctionDef.n_decorator_list);
        s->v.FunctionDef.store_name = mangle(m, s->v.FunctionDef.name);
        type_params(m, s->v.FunctionDef.type_params, s->v.FunctionDef.n_type_params);
        arguments(m, s->v.FunctionDef.args);
        expr(m, s->v.FunctionDef.returns);
        stmts(m, s->v.FunctionDef.body, s->v.FunctionDef.n_body);
        break;
    }
    case KR_AST_STMT_CLASSDEF: {
        exprs(m, s->v.ClassDef.decorator_list, s->v.ClassDef.n_decorator_list);
        s->v.ClassDef.store_name = mangle(m, s->v.ClassDef.name);
        type_params(m, s->v.ClassDef.type_params, s->v.ClassDef.n_type_params);
        exprs(m, s->v.ClassDef.bases, s->v.ClassDef.n_bases);
        keywords(m, s->v.ClassDef.keywords, s->v.ClassDef.n_keywords);
        const char *outer = m->private_name;
        m->private_name = s->v.ClassDef.name;
        stmts(m, s->v.ClassDef.body, s->v.ClassDef.n_body);
        m->private_name = outer;
        break;
    }
    case KR_AST_STMT_RETURN: expr(m, s->v.Return.value); break;
    case KR_AST_STMT_DELETE: exprs(m, s->v.Delete.targets, s->v.Delete.n_targets); break;
    case KR_AST_STMT_ASSIGN:
        exprs(m, s->v.Assign.targets, s->v.Assign.n_targets);
        expr(m, s->v.Assign.value);
        break;
    case KR_AST_STMT_AUGASSIGN: expr(m, s->v.AugAssign.target); expr(m, s->v.AugAssign.value); break;
    case KR_AST_STMT_ANNASSIGN:
        expr(m, s->v.AnnAssign.target);
        expr(m, s->v.AnnAssign.annotation);
        expr(m, s->v.AnnAssign.value);
        break;
    case KR_AST_STMT_FOR:
    case KR_AST_STMT_ASYNCFOR:
        expr(m, s->v.For.target);
        expr(m, s->v.For.iter);
        stmts(m, s->v.For.body, s->v.For.n_body);
        stmts(m, s->v.For.orelse, s->v.For.n_orelse);
        break;
    case KR_AST_STMT_WHILE:
        expr(m, s->v.While.test);
        stmts(m, s->v.While.body, s->v.While.n_body);
        stmts(m, s->v.While.orelse, s->v.While.n_orelse);
        break;
    case KR_AST_STMT_IF:
        expr(m, s->v.If.test);
        stmts(m, s->v.If.body, s->v.If.n_body);
        stmts(m, s->v.If.orelse, s->v.If.n_orelse);
        break;
    case KR_AST_STMT_WITH:
    case KR_AST_STMT_ASYNCWITH:
        for (int i = 0; i < s->v.With.n_items; i++) {
            expr(m, s->v.With.items[i]->context_expr);
            expr(m, s->v.With.items[i]->optional_vars);
        }
        stmts(m, s->v.With.body, s->v.With.n_body);
        break;
    case KR_AST_STMT_MATCH:
        expr(m, s->v.Match.subject);
        for (int i = 0; i < s->v.Match.n_cases; i++) {
            kr_ast_match_case *c = s->v.Match.cases[i];
            pattern(m, c->pattern);
            expr(m, c->guard);
            stmts(m, c->body, c->n_body);
        }
        break;
    case KR_AST_STMT_RAISE: expr(m, s->v.Raise.exc); expr(m, s->v.Raise.cause); break;
    case KR_AST_STMT_TYPEALIAS:
        expr(m, s->v.TypeAlias.name);
        type_params(m, s->v.TypeAlias.type_params, s->v.TypeAlias.n_type_params);
        expr(m, s->v.TypeAlias.value);
        break;
    case KR_AST_STMT_TRY:
    case KR_AST_STMT_TRYSTAR:
        stmts(m, s->v.Try.body, s->v.Try.n_body);
        for (int i = 0; i < s->v.Try.n_handlers; i++) {
            kr_ast_excepthandler *h = s->v.Try.handlers[i];
            expr(m, h->type);
            h->name = mangle(m, h->name);
            stmts(m, h->body, h->n_body);
        }
        stmts(m, s->v.Try.orelse, s->v.Try.n_orelse);
        stmts(m, s->v.Try.finalbody, s->v.Try.n_finalbody);
        break;
    case KR_AST_STMT_ASSERT: expr(m, s->v.Assert.test); expr(m, s->v.Assert.msg); break;
    case KR_AST_STMT_IMPORT: aliases(m, s->v.Import.names, s->v.Import.n_names); break;
    case KR_AST_STMT_IMPORTFROM:
        s->v.ImportFrom.module = mangle(m, s->v.ImportFrom.module);
        aliases(m, s->v.ImportFrom.names, s->v.ImportFrom.n_names);
        break;
    case KR_AST_STMT_GLOBAL:
        for (int i = 0; i < s->v.Global.n_names; i++)
            s->v.Global.names[i] = mangle(m, s->v.Global.names[i]);
        break;
    case KR_AST_STMT_NONLOCAL:
        for (int i = 0; i < s->v.Nonlocal.n_names; i++)
            s->v.Nonlocal.names[i] = mangle(m, s->v.Nonlocal.names[i]);
        break;
    case KR_AST_STMT_EXPR: expr(m, s->v.Expr.value); break;
    case KR_AST_STMT_PASS:
    case KR_AST_STMT_BREAK:
    case KR_AST_STMT_CONTINUE: break;
    }
}

static void stmts(mangler *m, kr_ast_stmt **body, int n)
{
    for (int i = 0; i < n; i++)
        stmt(m, body[i]);
}

int kr_mangle_private_names(kr_ast_arena *arena, kr_ast_mod *mod)
{
    mangler m = {arena, NULL, 0};
    switch (mod->kind) {
    case KR_AST_MOD_MODULE: stmts(&m, mod->v.Module.body, mod->v.Module.n_body); break;
    case KR_AST_MOD_INTERACTIVE: stmts(&m, mod->v.Interactive.body, mod->v.Interactive.n_body); break;
    case KR_AST_MOD_EXPRESSION: expr(&m, mod->v.Expression.body); break;
    }
    return m.failed ? -1 : 0;
}
