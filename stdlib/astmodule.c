/* astmodule.c: the `_ast` builtin module: Krait's parser tree (vm/ast.h) as Python objects.
 *
 * `_ast.parse(source, filename, mode, make)` parses `source` (str or bytes; mode 0 exec, 1 eval,
 * 2 single: vm/parser.h's KR_PARSE_*) and rebuilds the tree bottom-up by calling
 *     make(class_name, fields, lineno, col_offset, end_lineno, end_col_offset)
 * for every node, where `fields` is a tuple in the order of CPython 3.13's `_fields` for that class
 * (type_comment is always None, type_params always []), and the four positions are -1 for classes
 * that have no `_attributes` (operators, contexts, arguments, comprehension, withitem, match_case).
 * The node classes themselves live in stdlib/lib/ast.py, so this file knows only names and field
 * order, not the object layout.
 *
 * GC safety: every converted value waits on a value stack (a Python list held in a root) until the
 * node that owns it is built, so nothing the builder made is unreachable at an allocation.
 */
#include <string.h>

#include "../vm/ast.h"
#include "../vm/compile.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/complexobj.h"
#include "../vm/module.h"
#include "../vm/parser.h"

typedef struct am_builder {
    kr_vm *vm;
    kr_value stack; /* list: converted children waiting for their parent */
    kr_value make;  /* the node factory from ast.py */
    int depth;      /* C recursion guard */
} am_builder;

/* The parser already bounds nesting (KR_PARSE_MAX_NESTING), so this only catches our own bugs. */
#define AM_MAX_DEPTH 2000

static int am_push(am_builder *b, kr_value v)
{
    if (!v)
        return -1;
    return kr_list_append(b->vm, b->stack, v);
}

static int am_push_none(am_builder *b) { return am_push(b, KR_NONE); }

static int am_push_cstr(am_builder *b, const char *s)
{
    if (!s)
        return am_push_none(b);
    return am_push(b, kr_str_new(b->vm, s, strlen(s)));
}

/* Pops the top n values into a new tuple (pop_list: a list). */
static kr_value am_pop_seq(am_builder *b, int n, bool as_list)
{
    kr_list *l = KR_AS(kr_list, b->stack);
    kr_value t = as_list ? kr_list_new(b->vm, n) : kr_tuple_new(b->vm, n);
    if (!t)
        return KR_NULL;
    l = KR_AS(kr_list, b->stack); /* reload: the stack object does not move, but keep it obvious */
    int64_t base = l->size - n;
    for (int i = 0; i < n; i++) {
        kr_value v = l->items[base + i];
        if (as_list) {
            if (kr_list_append(b->vm, t, v) < 0)
                return KR_NULL;
            l = KR_AS(kr_list, b->stack);
        } else {
            kr_tuple_items(t)[i] = v; /* fresh tuple, no safepoint in between: no barrier needed */
        }
    }
    l->size = base;
    return t;
}

/* Builds a node of class `cls` from the top n stack values (positions only when has_pos). */
static int am_node_at(am_builder *b, const char *cls, int n, int lineno, int col, int end_lineno, int end_col, bool has_pos)
{
    kr_vm *vm = b->vm;
    kr_value name = kr_intern(vm, cls);
    if (!name)
        return -1;
    kr_value fields = am_pop_seq(b, n, false);
    if (!fields)
        return -1;
    /* Small ints are immediates: nothing below allocates before the call takes its arguments. */
    kr_value args[6] = {name, fields, kr_int_from_i64(vm, has_pos ? lineno : -1), kr_int_from_i64(vm, has_pos ? col : -1),
                        kr_int_from_i64(vm, has_pos ? end_lineno : -1), kr_int_from_i64(vm, has_pos ? end_col : -1)};
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &args[1]);
    kr_value r = kr_call(vm, b->make, args, 6, KR_NULL);
    kr_root_reset(vm, m);
    return am_push(b, r);
}

#define AM_NODE(b, cls, n, x) am_node_at(b, cls, n, (x)->lineno, (x)->col_offset, (x)->end_lineno, (x)->end_col_offset, true)
#define AM_LEAF(b, cls) am_node_at(b, cls, 0, 0, 0, 0, 0, false)
#define AM_LEAF_N(b, cls, n) am_node_at(b, cls, n, 0, 0, 0, 0, false)

static int am_expr(am_builder *b, const kr_ast_expr *e);
static int am_stmt(am_builder *b, const kr_ast_stmt *s);
static int am_pattern(am_builder *b, const kr_ast_pattern *p);

static int am_opt_expr(am_builder *b, const kr_ast_expr *e) { return e ? am_expr(b, e) : am_push_none(b); }

static int am_list(am_builder *b, int n)
{
    kr_value l = am_pop_seq(b, n, true);
    return l ? am_push(b, l) : -1;
}

static int am_exprs(am_builder *b, kr_ast_expr *const *v, int n)
{
    for (int i = 0; i < n; i++)
        if (am_opt_expr(b, v[i]) < 0) /* Dict keys may be NULL (`**d`): None, as CPython */
            return -1;
    return am_list(b, n);
}

static int am_stmts(am_builder *b, kr_ast_stmt *const *v, int n)
{
    for (int i = 0; i < n; i++)
        if (am_stmt(b, v[i]) < 0)
            return -1;
    return am_list(b, n);
}

static int am_patterns(am_builder *b, kr_ast_pattern *const *v, int n)
{
    for (int i = 0; i < n; i++)
        if (am_pattern(b, v[i]) < 0)
            return -1;
    return am_list(b, n);
}

static int am_names(am_builder *b, const char *const *v, int n)
{
    for (int i = 0; i < n; i++)
        if (am_push_cstr(b, v[i]) < 0)
            return -1;
    return am_list(b, n);
}

static int am_empty_list(am_builder *b) { return am_push(b, kr_list_new(b->vm, 0)); }

static int am_ctx(am_builder *b, kr_ast_ctx c)
{
    return AM_LEAF(b, c == KR_AST_STORE ? "Store" : c == KR_AST_DEL ? "Del" : "Load");
}

static int am_operator(am_builder *b, kr_ast_operator op) { return AM_LEAF(b, kr_ast_operator_name(op)); }
static int am_cmpop(am_builder *b, kr_ast_cmpop op) { return AM_LEAF(b, kr_ast_cmpop_name(op)); }

static const char *am_unaryop_name(kr_ast_unaryop op)
{
    switch (op) {
    case KR_AST_INVERT: return "Invert";
    case KR_AST_NOT: return "Not";
    case KR_AST_UADD: return "UAdd";
    case KR_AST_USUB: return "USub";
    }
    return "UAdd";
}

static kr_value am_constant_value(am_builder *b, const kr_ast_constant *k)
{
    kr_vm *vm = b->vm;
    switch (k->kind) {
    case KR_AST_CONST_NONE: return KR_NONE;
    case KR_AST_CONST_TRUE: return KR_TRUE;
    case KR_AST_CONST_FALSE: return KR_FALSE;
    case KR_AST_CONST_ELLIPSIS: return KR_ELLIPSIS;
    case KR_AST_CONST_INT: return kr_int_from_literal(vm, k->digits, strlen(k->digits), k->base);
    case KR_AST_CONST_FLOAT: return kr_float_new(vm, k->f);
    case KR_AST_CONST_IMAGINARY: return kr_complex_new(vm, 0.0, k->f);
    case KR_AST_CONST_STR: return kr_str_new(vm, k->s, k->len);
    case KR_AST_CONST_BYTES: return kr_bytes_new(vm, k->s, k->len);
    }
    return kr_raise(vm, KR_EXC(vm, SystemError), "_ast: unknown constant kind %d", (int)k->kind);
}

static int am_comprehensions(am_builder *b, kr_ast_comprehension *const *v, int n)
{
    for (int i = 0; i < n; i++) {
        const kr_ast_comprehension *c = v[i];
        if (am_expr(b, c->target) < 0 || am_expr(b, c->iter) < 0 || am_exprs(b, c->ifs, c->n_ifs) < 0 ||
            am_push(b, kr_int_from_i64(b->vm, c->is_async)) < 0 || AM_LEAF_N(b, "comprehension", 4) < 0)
            return -1;
    }
    return am_list(b, n);
}

static int am_arg(am_builder *b, const kr_ast_arg *a)
{
    if (!a)
        return am_push_none(b);
    if (am_push_cstr(b, a->arg) < 0 || am_opt_expr(b, a->annotation) < 0 || am_push_none(b) < 0)
        return -1;
    return AM_NODE(b, "arg", 3, a);
}

static int am_args(am_builder *b, kr_ast_arg *const *v, int n)
{
    for (int i = 0; i < n; i++)
        if (am_arg(b, v[i]) < 0)
            return -1;
    return am_list(b, n);
}

static int am_arguments(am_builder *b, const kr_ast_arguments *a)
{
    if (am_args(b, a->posonlyargs, a->n_posonlyargs) < 0 || am_args(b, a->args, a->n_args) < 0 ||
        am_arg(b, a->vararg) < 0 || am_args(b, a->kwonlyargs, a->n_kwonlyargs) < 0 ||
        am_exprs(b, a->kw_defaults, a->n_kwonlyargs) < 0 || am_arg(b, a->kwarg) < 0 ||
        am_exprs(b, a->defaults, a->n_defaults) < 0)
        return -1;
    return AM_LEAF_N(b, "arguments", 7);
}

static int am_keywords(am_builder *b, kr_ast_keyword *const *v, int n)
{
    for (int i = 0; i < n; i++) {
        if (am_push_cstr(b, v[i]->arg) < 0 || am_expr(b, v[i]->value) < 0 || AM_NODE(b, "keyword", 2, v[i]) < 0)
            return -1;
    }
    return am_list(b, n);
}

static int am_aliases(am_builder *b, kr_ast_alias *const *v, int n)
{
    for (int i = 0; i < n; i++) {
        if (am_push_cstr(b, v[i]->name) < 0 || am_push_cstr(b, v[i]->asname) < 0 || AM_NODE(b, "alias", 2, v[i]) < 0)
            return -1;
    }
    return am_list(b, n);
}

static int am_expr_body(am_builder *b, const kr_ast_expr *e)
{
    kr_vm *vm = b->vm;
    switch (e->kind) {
    case KR_AST_EXPR_BOOLOP:
        if (AM_LEAF(b, e->v.BoolOp.op == KR_AST_AND ? "And" : "Or") < 0 ||
            am_exprs(b, e->v.BoolOp.values, e->v.BoolOp.n_values) < 0)
            return -1;
        return AM_NODE(b, "BoolOp", 2, e);
    case KR_AST_EXPR_NAMEDEXPR:
        if (am_expr(b, e->v.NamedExpr.target) < 0 || am_expr(b, e->v.NamedExpr.value) < 0)
            return -1;
        return AM_NODE(b, "NamedExpr", 2, e);
    case KR_AST_EXPR_BINOP:
        if (am_expr(b, e->v.BinOp.left) < 0 || am_operator(b, e->v.BinOp.op) < 0 || am_expr(b, e->v.BinOp.right) < 0)
            return -1;
        return AM_NODE(b, "BinOp", 3, e);
    case KR_AST_EXPR_UNARYOP:
        if (AM_LEAF(b, am_unaryop_name(e->v.UnaryOp.op)) < 0 || am_expr(b, e->v.UnaryOp.operand) < 0)
            return -1;
        return AM_NODE(b, "UnaryOp", 2, e);
    case KR_AST_EXPR_LAMBDA:
        if (am_arguments(b, e->v.Lambda.args) < 0 || am_expr(b, e->v.Lambda.body) < 0)
            return -1;
        return AM_NODE(b, "Lambda", 2, e);
    case KR_AST_EXPR_IFEXP:
        if (am_expr(b, e->v.IfExp.test) < 0 || am_expr(b, e->v.IfExp.body) < 0 || am_expr(b, e->v.IfExp.orelse) < 0)
            return -1;
        return AM_NODE(b, "IfExp", 3, e);
    case KR_AST_EXPR_DICT:
        if (am_exprs(b, e->v.Dict.keys, e->v.Dict.n_keys) < 0 || am_exprs(b, e->v.Dict.values, e->v.Dict.n_keys) < 0)
            return -1;
        return AM_NODE(b, "Dict", 2, e);
    case KR_AST_EXPR_SET:
        if (am_exprs(b, e->v.Set.elts, e->v.Set.n_elts) < 0)
            return -1;
        return AM_NODE(b, "Set", 1, e);
    case KR_AST_EXPR_LISTCOMP:
    case KR_AST_EXPR_SETCOMP:
    case KR_AST_EXPR_GENERATOREXP:
        /* the three share one layout */
        if (am_expr(b, e->v.ListComp.elt) < 0 ||
            am_comprehensions(b, e->v.ListComp.generators, e->v.ListComp.n_generators) < 0)
            return -1;
        return AM_NODE(b, e->kind == KR_AST_EXPR_LISTCOMP ? "ListComp" : e->kind == KR_AST_EXPR_SETCOMP ? "SetComp" : "GeneratorExp", 2, e);
    case KR_AST_EXPR_DICTCOMP:
        if (am_expr(b, e->v.DictComp.key) < 0 || am_expr(b, e->v.DictComp.value) < 0 ||
            am_comprehensions(b, e->v.DictComp.generators, e->v.DictComp.n_generators) < 0)
            return -1;
        return AM_NODE(b, "DictComp", 3, e);
    case KR_AST_EXPR_YIELD:
        if (am_opt_expr(b, e->v.Yield.value) < 0)
            return -1;
        return AM_NODE(b, "Yield", 1, e);
    case KR_AST_EXPR_YIELDFROM:
        if (am_expr(b, e->v.YieldFrom.value) < 0)
            return -1;
        return AM_NODE(b, "YieldFrom", 1, e);
    case KR_AST_EXPR_AWAIT:
        if (am_expr(b, e->v.Await.value) < 0)
            return -1;
        return AM_NODE(b, "Await", 1, e);
    case KR_AST_EXPR_COMPARE:
        if (am_expr(b, e->v.Compare.left) < 0)
            return -1;
        for (int i = 0; i < e->v.Compare.n_comparators; i++)
            if (am_cmpop(b, e->v.Compare.ops[i]) < 0)
                return -1;
        if (am_list(b, e->v.Compare.n_comparators) < 0 ||
            am_exprs(b, e->v.Compare.comparators, e->v.Compare.n_comparators) < 0)
            return -1;
        return AM_NODE(b, "Compare", 3, e);
    case KR_AST_EXPR_CALL:
        if (am_expr(b, e->v.Call.func) < 0 || am_exprs(b, e->v.Call.args, e->v.Call.n_args) < 0 ||
            am_keywords(b, e->v.Call.keywords, e->v.Call.n_keywords) < 0)
            return -1;
        return AM_NODE(b, "Call", 3, e);
    case KR_AST_EXPR_FORMATTEDVALUE:
        if (am_expr(b, e->v.FormattedValue.value) < 0 ||
            am_push(b, kr_int_from_i64(vm, e->v.FormattedValue.conversion)) < 0 ||
            am_opt_expr(b, e->v.FormattedValue.format_spec) < 0)
            return -1;
        return AM_NODE(b, "FormattedValue", 3, e);
    case KR_AST_EXPR_JOINEDSTR:
        if (am_exprs(b, e->v.JoinedStr.values, e->v.JoinedStr.n_values) < 0)
            return -1;
        return AM_NODE(b, "JoinedStr", 1, e);
    case KR_AST_EXPR_CONSTANT:
        if (am_push(b, am_constant_value(b, &e->v.Constant)) < 0 || am_push_none(b) < 0)
            return -1;
        return AM_NODE(b, "Constant", 2, e);
    case KR_AST_EXPR_ATTRIBUTE:
        if (am_expr(b, e->v.Attribute.value) < 0 || am_push_cstr(b, e->v.Attribute.attr) < 0 ||
            am_ctx(b, e->v.Attribute.ctx) < 0)
            return -1;
        return AM_NODE(b, "Attribute", 3, e);
    case KR_AST_EXPR_SUBSCRIPT:
        if (am_expr(b, e->v.Subscript.value) < 0 || am_expr(b, e->v.Subscript.slice) < 0 ||
            am_ctx(b, e->v.Subscript.ctx) < 0)
            return -1;
        return AM_NODE(b, "Subscript", 3, e);
    case KR_AST_EXPR_STARRED:
        if (am_expr(b, e->v.Starred.value) < 0 || am_ctx(b, e->v.Starred.ctx) < 0)
            return -1;
        return AM_NODE(b, "Starred", 2, e);
    case KR_AST_EXPR_NAME:
        if (am_push_cstr(b, e->v.Name.id) < 0 || am_ctx(b, e->v.Name.ctx) < 0)
            return -1;
        return AM_NODE(b, "Name", 2, e);
    case KR_AST_EXPR_LIST:
    case KR_AST_EXPR_TUPLE:
        if (am_exprs(b, e->v.List.elts, e->v.List.n_elts) < 0 || am_ctx(b, e->v.List.ctx) < 0)
            return -1;
        return AM_NODE(b, e->kind == KR_AST_EXPR_LIST ? "List" : "Tuple", 2, e);
    case KR_AST_EXPR_SLICE:
        if (am_opt_expr(b, e->v.Slice.lower) < 0 || am_opt_expr(b, e->v.Slice.upper) < 0 ||
            am_opt_expr(b, e->v.Slice.step) < 0)
            return -1;
        return AM_NODE(b, "Slice", 3, e);
    }
    kr_raise(vm, KR_EXC(vm, NotImplementedError), "_ast: expression kind %d has no Python node class", (int)e->kind);
    return -1;
}

static int am_expr(am_builder *b, const kr_ast_expr *e)
{
    if (++b->depth > AM_MAX_DEPTH) {
        kr_raise(b->vm, KR_EXC(b->vm, RecursionError), "maximum recursion depth exceeded during ast construction");
        return -1;
    }
    int r = am_expr_body(b, e);
    b->depth--;
    return r;
}

static int am_withitems(am_builder *b, kr_ast_withitem *const *v, int n)
{
    for (int i = 0; i < n; i++)
        if (am_expr(b, v[i]->context_expr) < 0 || am_opt_expr(b, v[i]->optional_vars) < 0 || AM_LEAF_N(b, "withitem", 2) < 0)
            return -1;
    return am_list(b, n);
}

/* type_params=[TypeVar(name, bound, default_value), ParamSpec(name, default_value), ...] */
static int am_type_params(am_builder *b, kr_ast_type_param *const *v, int n)
{
    for (int i = 0; i < n; i++) {
        const kr_ast_type_param *tp = v[i];
        if (am_push_cstr(b, tp->name) < 0)
            return -1;
        if (tp->kind == KR_AST_TYPEVAR) {
            if (am_opt_expr(b, tp->bound) < 0 || am_opt_expr(b, tp->default_value) < 0 ||
                AM_NODE(b, "TypeVar", 3, tp) < 0)
                return -1;
        } else if (am_opt_expr(b, tp->default_value) < 0 ||
                   AM_NODE(b, tp->kind == KR_AST_PARAMSPEC ? "ParamSpec" : "TypeVarTuple", 2, tp) < 0) {
            return -1;
        }
    }
    return am_list(b, n);
}

static int am_stmt_body(am_builder *b, const kr_ast_stmt *s)
{
    kr_vm *vm = b->vm;
    switch (s->kind) {
    case KR_AST_STMT_FUNCTIONDEF:
    case KR_AST_STMT_ASYNCFUNCTIONDEF: {
        const kr_ast_stmt *f = s;
        if (am_push_cstr(b, f->v.FunctionDef.name) < 0 || am_arguments(b, f->v.FunctionDef.args) < 0 ||
            am_stmts(b, f->v.FunctionDef.body, f->v.FunctionDef.n_body) < 0 ||
            am_exprs(b, f->v.FunctionDef.decorator_list, f->v.FunctionDef.n_decorator_list) < 0 ||
            am_opt_expr(b, f->v.FunctionDef.returns) < 0 || am_push_none(b) < 0 ||
            am_type_params(b, f->v.FunctionDef.type_params, f->v.FunctionDef.n_type_params) < 0)
            return -1;
        return AM_NODE(b, s->kind == KR_AST_STMT_FUNCTIONDEF ? "FunctionDef" : "AsyncFunctionDef", 7, s);
    }
    case KR_AST_STMT_CLASSDEF:
        if (am_push_cstr(b, s->v.ClassDef.name) < 0 || am_exprs(b, s->v.ClassDef.bases, s->v.ClassDef.n_bases) < 0 ||
            am_keywords(b, s->v.ClassDef.keywords, s->v.ClassDef.n_keywords) < 0 ||
            am_stmts(b, s->v.ClassDef.body, s->v.ClassDef.n_body) < 0 ||
            am_exprs(b, s->v.ClassDef.decorator_list, s->v.ClassDef.n_decorator_list) < 0 ||
            am_type_params(b, s->v.ClassDef.type_params, s->v.ClassDef.n_type_params) < 0)
            return -1;
        return AM_NODE(b, "ClassDef", 6, s);
    case KR_AST_STMT_RETURN:
        if (am_opt_expr(b, s->v.Return.value) < 0)
            return -1;
        return AM_NODE(b, "Return", 1, s);
    case KR_AST_STMT_DELETE:
        if (am_exprs(b, s->v.Delete.targets, s->v.Delete.n_targets) < 0)
            return -1;
        return AM_NODE(b, "Delete", 1, s);
    case KR_AST_STMT_ASSIGN:
        if (am_exprs(b, s->v.Assign.targets, s->v.Assign.n_targets) < 0 || am_expr(b, s->v.Assign.value) < 0 ||
            am_push_none(b) < 0)
            return -1;
        return AM_NODE(b, "Assign", 3, s);
    case KR_AST_STMT_AUGASSIGN:
        if (am_expr(b, s->v.AugAssign.target) < 0 || am_operator(b, s->v.AugAssign.op) < 0 ||
            am_expr(b, s->v.AugAssign.value) < 0)
            return -1;
        return AM_NODE(b, "AugAssign", 3, s);
    case KR_AST_STMT_ANNASSIGN:
        if (am_expr(b, s->v.AnnAssign.target) < 0 || am_expr(b, s->v.AnnAssign.annotation) < 0 ||
            am_opt_expr(b, s->v.AnnAssign.value) < 0 || am_push(b, kr_int_from_i64(vm, s->v.AnnAssign.simple)) < 0)
            return -1;
        return AM_NODE(b, "AnnAssign", 4, s);
    case KR_AST_STMT_FOR:
    case KR_AST_STMT_ASYNCFOR:
        if (am_expr(b, s->v.For.target) < 0 || am_expr(b, s->v.For.iter) < 0 ||
            am_stmts(b, s->v.For.body, s->v.For.n_body) < 0 || am_stmts(b, s->v.For.orelse, s->v.For.n_orelse) < 0 ||
            am_push_none(b) < 0)
            return -1;
        return AM_NODE(b, s->kind == KR_AST_STMT_FOR ? "For" : "AsyncFor", 5, s);
    case KR_AST_STMT_WHILE:
    case KR_AST_STMT_IF:
        /* While and If share one layout */
        if (am_expr(b, s->v.If.test) < 0 || am_stmts(b, s->v.If.body, s->v.If.n_body) < 0 ||
            am_stmts(b, s->v.If.orelse, s->v.If.n_orelse) < 0)
            return -1;
        return AM_NODE(b, s->kind == KR_AST_STMT_IF ? "If" : "While", 3, s);
    case KR_AST_STMT_WITH:
    case KR_AST_STMT_ASYNCWITH:
        if (am_withitems(b, s->v.With.items, s->v.With.n_items) < 0 || am_stmts(b, s->v.With.body, s->v.With.n_body) < 0 ||
            am_push_none(b) < 0)
            return -1;
        return AM_NODE(b, s->kind == KR_AST_STMT_WITH ? "With" : "AsyncWith", 3, s);
    case KR_AST_STMT_MATCH:
        if (am_expr(b, s->v.Match.subject) < 0)
            return -1;
        for (int i = 0; i < s->v.Match.n_cases; i++) {
            const kr_ast_match_case *c = s->v.Match.cases[i];
            if (am_pattern(b, c->pattern) < 0 || am_opt_expr(b, c->guard) < 0 || am_stmts(b, c->body, c->n_body) < 0 ||
                AM_LEAF_N(b, "match_case", 3) < 0)
                return -1;
        }
        if (am_list(b, s->v.Match.n_cases) < 0)
            return -1;
        return AM_NODE(b, "Match", 2, s);
    case KR_AST_STMT_RAISE:
        if (am_opt_expr(b, s->v.Raise.exc) < 0 || am_opt_expr(b, s->v.Raise.cause) < 0)
            return -1;
        return AM_NODE(b, "Raise", 2, s);
    case KR_AST_STMT_TYPEALIAS:
        if (am_expr(b, s->v.TypeAlias.name) < 0 ||
            am_type_params(b, s->v.TypeAlias.type_params, s->v.TypeAlias.n_type_params) < 0 ||
            am_expr(b, s->v.TypeAlias.value) < 0)
            return -1;
        return AM_NODE(b, "TypeAlias", 3, s);
    case KR_AST_STMT_TRY:
    case KR_AST_STMT_TRYSTAR: /* the same fields */
        if (am_stmts(b, s->v.Try.body, s->v.Try.n_body) < 0)
            return -1;
        for (int i = 0; i < s->v.Try.n_handlers; i++) {
            const kr_ast_excepthandler *h = s->v.Try.handlers[i];
            if (am_opt_expr(b, h->type) < 0 || am_push_cstr(b, h->name) < 0 || am_stmts(b, h->body, h->n_body) < 0 ||
                AM_NODE(b, "ExceptHandler", 3, h) < 0)
                return -1;
        }
        if (am_list(b, s->v.Try.n_handlers) < 0 || am_stmts(b, s->v.Try.orelse, s->v.Try.n_orelse) < 0 ||
            am_stmts(b, s->v.Try.finalbody, s->v.Try.n_finalbody) < 0)
            return -1;
        return AM_NODE(b, s->kind == KR_AST_STMT_TRY ? "Try" : "TryStar", 4, s);
    case KR_AST_STMT_ASSERT:
        if (am_expr(b, s->v.Assert.test) < 0 || am_opt_expr(b, s->v.Assert.msg) < 0)
            return -1;
        return AM_NODE(b, "Assert", 2, s);
    case KR_AST_STMT_IMPORT:
        if (am_aliases(b, s->v.Import.names, s->v.Import.n_names) < 0)
            return -1;
        return AM_NODE(b, "Import", 1, s);
    case KR_AST_STMT_IMPORTFROM:
        if (am_push_cstr(b, s->v.ImportFrom.module) < 0 ||
            am_aliases(b, s->v.ImportFrom.names, s->v.ImportFrom.n_names) < 0 ||
            am_push(b, kr_int_from_i64(vm, s->v.ImportFrom.level)) < 0)
            return -1;
        return AM_NODE(b, "ImportFrom", 3, s);
    case KR_AST_STMT_GLOBAL:
    case KR_AST_STMT_NONLOCAL:
        if (am_names(b, s->v.Global.names, s->v.Global.n_names) < 0)
            return -1;
        return AM_NODE(b, s->kind == KR_AST_STMT_GLOBAL ? "Global" : "Nonlocal", 1, s);
    case KR_AST_STMT_EXPR:
        if (am_expr(b, s->v.Expr.value) < 0)
            return -1;
        return AM_NODE(b, "Expr", 1, s);
    case KR_AST_STMT_PASS: return AM_NODE(b, "Pass", 0, s);
    case KR_AST_STMT_BREAK: return AM_NODE(b, "Break", 0, s);
    case KR_AST_STMT_CONTINUE: return AM_NODE(b, "Continue", 0, s);
    default: break; /* a kind added to vm/ast.h after this file: reported below */
    }
    kr_raise(vm, KR_EXC(vm, NotImplementedError), "_ast: statement kind %d has no Python node class", (int)s->kind);
    return -1;
}

static int am_stmt(am_builder *b, const kr_ast_stmt *s)
{
    if (++b->depth > AM_MAX_DEPTH) {
        kr_raise(b->vm, KR_EXC(b->vm, RecursionError), "maximum recursion depth exceeded during ast construction");
        return -1;
    }
    int r = am_stmt_body(b, s);
    b->depth--;
    return r;
}

static int am_pattern_body(am_builder *b, const kr_ast_pattern *p)
{
    switch (p->kind) {
    case KR_AST_PAT_MATCHVALUE:
        if (am_expr(b, p->v.MatchValue.value) < 0)
            return -1;
        return AM_NODE(b, "MatchValue", 1, p);
    case KR_AST_PAT_MATCHSINGLETON:
        if (am_push(b, am_constant_value(b, &p->v.MatchSingleton.value)) < 0)
            return -1;
        return AM_NODE(b, "MatchSingleton", 1, p);
    case KR_AST_PAT_MATCHSEQUENCE:
        if (am_patterns(b, p->v.MatchSequence.patterns, p->v.MatchSequence.n_patterns) < 0)
            return -1;
        return AM_NODE(b, "MatchSequence", 1, p);
    case KR_AST_PAT_MATCHMAPPING:
        if (am_exprs(b, p->v.MatchMapping.keys, p->v.MatchMapping.n_keys) < 0 ||
            am_patterns(b, p->v.MatchMapping.patterns, p->v.MatchMapping.n_keys) < 0 ||
            am_push_cstr(b, p->v.MatchMapping.rest) < 0)
            return -1;
        return AM_NODE(b, "MatchMapping", 3, p);
    case KR_AST_PAT_MATCHCLASS:
        if (am_expr(b, p->v.MatchClass.cls) < 0 ||
            am_patterns(b, p->v.MatchClass.patterns, p->v.MatchClass.n_patterns) < 0 ||
            am_names(b, p->v.MatchClass.kwd_attrs, p->v.MatchClass.n_kwd_attrs) < 0 ||
            am_patterns(b, p->v.MatchClass.kwd_patterns, p->v.MatchClass.n_kwd_attrs) < 0)
            return -1;
        return AM_NODE(b, "MatchClass", 4, p);
    case KR_AST_PAT_MATCHSTAR:
        if (am_push_cstr(b, p->v.MatchStar.name) < 0)
            return -1;
        return AM_NODE(b, "MatchStar", 1, p);
    case KR_AST_PAT_MATCHAS:
        if ((p->v.MatchAs.pattern ? am_pattern(b, p->v.MatchAs.pattern) : am_push_none(b)) < 0 ||
            am_push_cstr(b, p->v.MatchAs.name) < 0)
            return -1;
        return AM_NODE(b, "MatchAs", 2, p);
    case KR_AST_PAT_MATCHOR:
        if (am_patterns(b, p->v.MatchOr.patterns, p->v.MatchOr.n_patterns) < 0)
            return -1;
        return AM_NODE(b, "MatchOr", 1, p);
    }
    kr_raise(b->vm, KR_EXC(b->vm, NotImplementedError), "_ast: pattern kind %d has no Python node class", (int)p->kind);
    return -1;
}

static int am_pattern(am_builder *b, const kr_ast_pattern *p)
{
    if (++b->depth > AM_MAX_DEPTH) {
        kr_raise(b->vm, KR_EXC(b->vm, RecursionError), "maximum recursion depth exceeded during ast construction");
        return -1;
    }
    int r = am_pattern_body(b, p);
    b->depth--;
    return r;
}

static int am_mod(am_builder *b, const kr_ast_mod *mod)
{
    switch (mod->kind) {
    case KR_AST_MOD_MODULE:
        if (am_stmts(b, mod->v.Module.body, mod->v.Module.n_body) < 0 || am_empty_list(b) < 0)
            return -1;
        return AM_LEAF_N(b, "Module", 2);
    case KR_AST_MOD_INTERACTIVE:
        if (am_stmts(b, mod->v.Interactive.body, mod->v.Interactive.n_body) < 0)
            return -1;
        return AM_LEAF_N(b, "Interactive", 1);
    case KR_AST_MOD_EXPRESSION:
        if (am_expr(b, mod->v.Expression.body) < 0)
            return -1;
        return AM_LEAF_N(b, "Expression", 1);
    }
    kr_raise(b->vm, KR_EXC(b->vm, SystemError), "_ast: unknown module kind");
    return -1;
}

/* _ast.parse(source, filename, mode, make) */
static kr_value am_parse(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "parse", kwnames) < 0 || kr_args_count(vm, "parse", nargs, 4, 4) < 0)
        return KR_NULL;
    kr_value src = args[0];
    const char *text;
    size_t len;
    if (kr_is_str(vm, src)) {
        text = kr_str_data(src);
        len = (size_t)kr_str_nbytes(src);
    } else if (kr_is_ptr(src) && kr_type_is_subtype(KR_OBJ(src)->type, vm->t.bytes)) {
        text = (const char *)KR_AS(kr_bytes, src)->data;
        len = (size_t)KR_AS(kr_bytes, src)->size;
        if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
            text += 3;
            len -= 3;
        }
    } else {
        return kr_raise(vm, KR_EXC(vm, TypeError), "parse() arg 1 must be a string, bytes or AST object");
    }
    if (!kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "parse() filename must be str");
    int64_t mode;
    if (kr_index_i64(vm, args[2], &mode) < 0)
        return KR_NULL;
    if (mode != KR_PARSE_FILE && mode != KR_PARSE_EVAL && mode != KR_PARSE_SINGLE)
        return kr_raise(vm, KR_EXC(vm, ValueError), "compile() mode must be 'exec', 'eval' or 'single'");
    if (memchr(text, '\0', len))
        return kr_raise(vm, KR_EXC(vm, SyntaxError), "source code string cannot contain null bytes");
    const char *filename = kr_str_data(args[1]);
    kr_ast_arena *arena = kr_ast_arena_create();
    if (!arena)
        return kr_raise_nomemory(vm);
    kr_syntax_error err;
    memset(&err, 0, sizeof err);
    /* The source text lives in args[0] (a str or bytes the caller keeps alive) while we convert. */
    kr_ast_mod *mod = kr_parse(arena, text, len, filename, (int)mode, &err);
    kr_value result = KR_NULL;
    if (!mod) {
        kr_compile_raise_syntax_error(vm, &err, filename, text, len);
        kr_ast_arena_free(arena);
        return KR_NULL;
    }
    am_builder b = {vm, KR_NULL, args[3], 0};
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &b.stack);
    kr_root_push(vm, &b.make);
    b.stack = kr_list_new(vm, 16);
    if (b.stack && am_mod(&b, mod) == 0) {
        kr_list *l = KR_AS(kr_list, b.stack);
        result = l->size == 1 ? l->items[0] : kr_raise(vm, KR_EXC(vm, SystemError), "_ast: unbalanced value stack");
    }
    kr_root_reset(vm, m);
    kr_ast_arena_free(arena);
    return result;
}

static const kr_method_def am_functions[] = {
    {"parse", am_parse, KR_METH_STATIC, "parse(source, filename, mode, make): the parse tree built with make()."},
    {NULL, NULL, 0, NULL},
};

kr_value kr_ast_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_ast");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    if (kr_module_add_functions(vm, m, am_functions) < 0 ||
        kr_module_add(vm, m, "PyCF_ONLY_AST", kr_int_from_i64(vm, 1024)) < 0 ||
        kr_module_add(vm, m, "PyCF_TYPE_COMMENTS", kr_int_from_i64(vm, 4096)) < 0 ||
        kr_module_add(vm, m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", kr_int_from_i64(vm, 8192)) < 0 ||
        kr_module_add(vm, m, "PyCF_OPTIMIZED_AST", kr_int_from_i64(vm, 33792)) < 0)
        m = KR_NULL;
    kr_root_reset(vm, mark);
    return m;
}
