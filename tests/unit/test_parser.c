/* test_parser.c: unit tests of the parser (vm/parser.c) through kr_ast_dump.
 *
 * Most expected outputs were produced by CPython 3.13 itself (ast.dump of ast.parse, and the
 * SyntaxError attributes of compile()) over the same sources, so every table entry is a check that
 * Krait's tree, positions or message is CPython's. Krait-specific behaviour is tested by
 * hand below the tables.
 *
 * Standalone: links only vm/lexer.c, vm/parser.c and vm/ast.c. */
#if !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/ast.h"
#include "vm/parser.h"

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */

/* Parses src and returns the dump (malloc'd) or "ERROR <kind> <msg> @line:offset". */
static char *parse_dump(const char *src, size_t len, int mode, int positions)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    ck_assert_ptr_nonnull(arena);
    kr_syntax_error err;
    kr_ast_mod *m = kr_parse(arena, src, len, "<test>", mode, &err);
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    ck_assert_ptr_nonnull(f);
    if (m) {
        if (positions)
            kr_ast_dump_positions(f, m);
        else
            kr_ast_dump(f, m);
    } else {
        ck_assert_msg(err.kind != 0, "NULL result without an error kind for <%s>", src);
        fprintf(f, "ERROR %d %s @%d:%d", err.kind, err.msg, err.lineno, err.col_offset);
    }
    fclose(f);
    kr_ast_arena_free(arena);
    return out;
}

static char *dump_src(const char *src, int mode, int positions)
{
    return parse_dump(src, strlen(src), mode, positions);
}

typedef struct {
    const char *src, *dump;
} tree_case;

typedef struct {
    const char *src;
    int kind;
    const char *msg;
    int lineno, offset;
} error_case;

static void check_tree(const tree_case *c, int mode, int positions)
{
    char *got = dump_src(c->src, mode, positions);
    ck_assert_msg(strcmp(got, c->dump) == 0, "source:\n%s\nexpected: %s\n     got: %s", c->src, c->dump, got);
    free(got);
}

/* Parses src expecting failure; returns the error (text and all) in *err. */
static void parse_error(const char *src, int mode, kr_syntax_error *err)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    kr_ast_mod *m = kr_parse(arena, src, strlen(src), "<test>", mode, err);
    ck_assert_msg(m == NULL, "expected an error for <%s>", src);
    ck_assert_int_ne(err->kind, 0);
    err->text = NULL; /* it lived in the arena */
    kr_ast_arena_free(arena);
}

static void check_error(const error_case *c)
{
    kr_syntax_error err;
    parse_error(c->src, KR_PARSE_FILE, &err);
    ck_assert_msg(err.kind == c->kind && strcmp(err.msg, c->msg) == 0 && err.lineno == c->lineno &&
                      err.col_offset == c->offset,
                  "source:\n%s\nexpected: %d '%s' @%d:%d\n     got: %d '%s' @%d:%d", c->src, c->kind, c->msg,
                  c->lineno, c->offset, err.kind, err.msg, err.lineno, err.col_offset);
}

/* Parses src (which must succeed) and returns its arena through *arena for inspection. */
static kr_ast_mod *parse_ok(const char *src, int mode, kr_ast_arena **arena)
{
    *arena = kr_ast_arena_create();
    kr_syntax_error err;
    kr_ast_mod *m = kr_parse(*arena, src, strlen(src), "<test>", mode, &err);
    ck_assert_msg(m != NULL, "parse of <%s> failed: %s @%d:%d", src, err.msg, err.lineno, err.col_offset);
    return m;
}

static kr_ast_expr *first_expr(kr_ast_mod *m)
{
    ck_assert_int_ge(m->v.Module.n_body, 1);
    kr_ast_stmt *s = m->v.Module.body[0];
    if (s->kind == KR_AST_STMT_ASSIGN)
        return s->v.Assign.value;
    ck_assert_int_eq(s->kind, KR_AST_STMT_EXPR);
    return s->v.Expr.value;
}

/* ------------------------------------------------------------------------------------------------
 * Tables (generated from CPython 3.13)
 */

static const tree_case stmt_cases[] = {
    {"async def f():\n    await x\n",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[Expr(value=Await(value=Name(id='x', ctx=Load())))])])"},
    {"async def f():\n    async for a in b: pass\n    async with c as d: pass\n",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[AsyncFor(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), body=[Pass()]), AsyncWith(items=[withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])])])"},
    {"async def f():\n    [x async for x in y]\n",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=1)]))])])"},
    {"@dec\nasync def f(): pass\n",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[Pass()], decorator_list=[Name(id='dec', ctx=Load())])])"},
    {"async def f():\n    return await g(await h)\n",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[Return(value=Await(value=Call(func=Name(id='g', ctx=Load()), args=[Await(value=Name(id='h', ctx=Load()))])))])])"},
    {"x\n",
     "Module(body=[Expr(value=Name(id='x', ctx=Load()))])"},
    {"x = 1\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"},
    {"a = b = c\n",
     "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c', ctx=Load()))])"},
    {"a, b = c\n",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))])"},
    {"(a, b) = c\n",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))])"},
    {"[a, b] = c\n",
     "Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))])"},
    {"a, *b = c\n",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))])"},
    {"[a, [b, *c]] = d\n",
     "Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), List(elts=[Name(id='b', ctx=Store()), Starred(value=Name(id='c', ctx=Store()), ctx=Store())], ctx=Store())], ctx=Store())], value=Name(id='d', ctx=Load()))])"},
    {"x.y = z\n",
     "Module(body=[Assign(targets=[Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Store())], value=Name(id='z', ctx=Load()))])"},
    {"x[0] = y\n",
     "Module(body=[Assign(targets=[Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0), ctx=Store())], value=Name(id='y', ctx=Load()))])"},
    {"x[1:2] = y\n",
     "Module(body=[Assign(targets=[Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Store())], value=Name(id='y', ctx=Load()))])"},
    {"a, = b\n",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store())], ctx=Store())], value=Name(id='b', ctx=Load()))])"},
    {"x += 1\nx -= 1\nx *= 1\nx @= 1\nx /= 1\nx %= 1\nx &= 1\nx |= 1\nx ^= 1\nx <<= 1\nx >>= 1\nx **= 1\nx //= 1\n",
     "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=Sub(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=Mult(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=MatMult(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=Div(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=Mod(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=BitAnd(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=BitOr(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=BitXor(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=LShift(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=RShift(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=Pow(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=FloorDiv(), value=Constant(value=1))])"},
    {"x.a += 1\n",
     "Module(body=[AugAssign(target=Attribute(value=Name(id='x', ctx=Load()), attr='a', ctx=Store()), op=Add(), value=Constant(value=1))])"},
    {"x[0] += 1\n",
     "Module(body=[AugAssign(target=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0), ctx=Store()), op=Add(), value=Constant(value=1))])"},
    {"x: int\n",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1)])"},
    {"x: int = 1\n",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1)])"},
    {"(x): int = 1\n",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=0)])"},
    {"x.y: int\n",
     "Module(body=[AnnAssign(target=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)])"},
    {"x[0]: int = 5\n",
     "Module(body=[AnnAssign(target=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0), ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=5), simple=0)])"},
    {"x: list[int] = []\n",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='int', ctx=Load()), ctx=Load()), value=List(ctx=Load()), simple=1)])"},
    {"del x\n",
     "Module(body=[Delete(targets=[Name(id='x', ctx=Del())])])"},
    {"del x, y[0], z.a\n",
     "Module(body=[Delete(targets=[Name(id='x', ctx=Del()), Subscript(value=Name(id='y', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='z', ctx=Load()), attr='a', ctx=Del())])])"},
    {"del (x, y), [z]\n",
     "Module(body=[Delete(targets=[Tuple(elts=[Name(id='x', ctx=Del()), Name(id='y', ctx=Del())], ctx=Del()), List(elts=[Name(id='z', ctx=Del())], ctx=Del())])])"},
    {"del x,\n",
     "Module(body=[Delete(targets=[Name(id='x', ctx=Del())])])"},
    {"pass\n",
     "Module(body=[Pass()])"},
    {"if a:\n    pass\n",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()])])"},
    {"if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w\n",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Expr(value=Name(id='x', ctx=Load()))], orelse=[If(test=Name(id='b', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[If(test=Name(id='c', ctx=Load()), body=[Expr(value=Name(id='z', ctx=Load()))], orelse=[Expr(value=Name(id='w', ctx=Load()))])])])])"},
    {"if a: x; y\n",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Expr(value=Name(id='x', ctx=Load())), Expr(value=Name(id='y', ctx=Load()))])])"},
    {"while a:\n    break\nelse:\n    continue\n",
     "Module(body=[While(test=Name(id='a', ctx=Load()), body=[Break()], orelse=[Continue()])])"},
    {"for x in y:\n    pass\n",
     "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()])])"},
    {"for x, y in z:\n    pass\nelse:\n    pass\n",
     "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], ctx=Store()), iter=Name(id='z', ctx=Load()), body=[Pass()], orelse=[Pass()])])"},
    {"for x, in y: pass\n",
     "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()])])"},
    {"for (a, *b) in c: pass\n",
     "Module(body=[For(target=Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), body=[Pass()])])"},
    {"for x in *a, b: pass\n",
     "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), body=[Pass()])])"},
    {"def f(): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Pass()])])"},
    {"def f(a, b=1, *args, c, d=2, **kw): return a\n",
     "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), body=[Return(value=Name(id='a', ctx=Load()))])])"},
    {"def f(a, /, b, *, c): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[None]), body=[Pass()])])"},
    {"def f(a=1, /, b=2): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], defaults=[Constant(value=1), Constant(value=2)]), body=[Pass()])])"},
    {"def f(a: int, *b: str, c: float = 1.0, **d: bool) -> None: pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='b', annotation=Name(id='str', ctx=Load())), kwonlyargs=[arg(arg='c', annotation=Name(id='float', ctx=Load()))], kw_defaults=[Constant(value=1.0)], kwarg=arg(arg='d', annotation=Name(id='bool', ctx=Load()))), body=[Pass()], returns=Constant(value=None))])"},
    {"def f(*, a): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(kwonlyargs=[arg(arg='a')], kw_defaults=[None]), body=[Pass()])])"},
    {"def f(a, /): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')]), body=[Pass()])])"},
    {"def f(a,): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a')]), body=[Pass()])])"},
    {"@dec\ndef f(): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Pass()], decorator_list=[Name(id='dec', ctx=Load())])])"},
    {"@a.b\n@c(d)\n@e[f]\n@(g := h)\ndef f(): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Pass()], decorator_list=[Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), Call(func=Name(id='c', ctx=Load()), args=[Name(id='d', ctx=Load())]), Subscript(value=Name(id='e', ctx=Load()), slice=Name(id='f', ctx=Load()), ctx=Load()), NamedExpr(target=Name(id='g', ctx=Store()), value=Name(id='h', ctx=Load()))])])"},
    {"def f():\n    return\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Return()])])"},
    {"def f():\n    return 1, 2\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Return(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))])])"},
    {"def f():\n    return *a, b\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Return(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))])])"},
    {"class A: pass\n",
     "Module(body=[ClassDef(name='A', body=[Pass()])])"},
    {"class A(B, C): pass\n",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load()), Name(id='C', ctx=Load())], body=[Pass()])])"},
    {"class A(B, metaclass=M, **kw): pass\n",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', ctx=Load()))], body=[Pass()])])"},
    {"class A(*bases): pass\n",
     "Module(body=[ClassDef(name='A', bases=[Starred(value=Name(id='bases', ctx=Load()), ctx=Load())], body=[Pass()])])"},
    {"@dec\nclass A:\n    x = 1\n",
     "Module(body=[ClassDef(name='A', body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], decorator_list=[Name(id='dec', ctx=Load())])])"},
    {"class A():\n    def f(self): pass\n",
     "Module(body=[ClassDef(name='A', body=[FunctionDef(name='f', args=arguments(args=[arg(arg='self')]), body=[Pass()])])])"},
    {"try:\n    a\nexcept:\n    b\n",
     "Module(body=[Try(body=[Expr(value=Name(id='a', ctx=Load()))], handlers=[ExceptHandler(body=[Expr(value=Name(id='b', ctx=Load()))])])])"},
    {"try:\n    a\nexcept E:\n    b\nexcept (F, G) as e:\n    c\nelse:\n    d\nfinally:\n    e\n",
     "Module(body=[Try(body=[Expr(value=Name(id='a', ctx=Load()))], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Expr(value=Name(id='b', ctx=Load()))]), ExceptHandler(type=Tuple(elts=[Name(id='F', ctx=Load()), Name(id='G', ctx=Load())], ctx=Load()), name='e', body=[Expr(value=Name(id='c', ctx=Load()))])], orelse=[Expr(value=Name(id='d', ctx=Load()))], finalbody=[Expr(value=Name(id='e', ctx=Load()))])])"},
    {"try:\n    a\nfinally:\n    b\n",
     "Module(body=[Try(body=[Expr(value=Name(id='a', ctx=Load()))], finalbody=[Expr(value=Name(id='b', ctx=Load()))])])"},
    {"try:\n    a\nexcept* E as e:\n    b\nexcept* (F, G):\n    c\nelse:\n    d\nfinally:\n    f\n",
     "Module(body=[TryStar(body=[Expr(value=Name(id='a', ctx=Load()))], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Expr(value=Name(id='b', ctx=Load()))]), ExceptHandler(type=Tuple(elts=[Name(id='F', ctx=Load()), Name(id='G', ctx=Load())], ctx=Load()), body=[Expr(value=Name(id='c', ctx=Load()))])], orelse=[Expr(value=Name(id='d', ctx=Load()))], finalbody=[Expr(value=Name(id='f', ctx=Load()))])])"},
    {"def f[T: int, *Ts, **P = int](x): pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='x')]), body=[Pass()], type_params=[TypeVar(name='T', bound=Name(id='int', ctx=Load())), TypeVarTuple(name='Ts'), ParamSpec(name='P', default_value=Name(id='int', ctx=Load()))])])"},
    {"class C[T = str](B): pass\n",
     "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], body=[Pass()], type_params=[TypeVar(name='T', default_value=Name(id='str', ctx=Load()))])])"},
    {"type A[T: (int, str)] = list[T]\n",
     "Module(body=[TypeAlias(name=Name(id='A', ctx=Store()), type_params=[TypeVar(name='T', bound=Tuple(elts=[Name(id='int', ctx=Load()), Name(id='str', ctx=Load())], ctx=Load()))], value=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='T', ctx=Load()), ctx=Load()))])"},
    {"type X = int\n",
     "Module(body=[TypeAlias(name=Name(id='X', ctx=Store()), value=Name(id='int', ctx=Load()))])"},
    {"try:\n    a\nexcept *E:\n    b\n",
     "Module(body=[TryStar(body=[Expr(value=Name(id='a', ctx=Load()))], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Expr(value=Name(id='b', ctx=Load()))])])])"},
    {"raise\n",
     "Module(body=[Raise()])"},
    {"raise E\n",
     "Module(body=[Raise(exc=Name(id='E', ctx=Load()))])"},
    {"raise E(1) from None\n",
     "Module(body=[Raise(exc=Call(func=Name(id='E', ctx=Load()), args=[Constant(value=1)]), cause=Constant(value=None))])"},
    {"with a: pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()])])"},
    {"with a as b, c as d: pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])])"},
    {"with a as (b, c): pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store()))], body=[Pass()])])"},
    {"with (a, b): pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])])"},
    {"with (a as b, c): pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()])])"},
    {"with (a, b) as c: pass\n",
     "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])])"},
    {"with (a): pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()])])"},
    {"with (a) as b: pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store()))], body=[Pass()])])"},
    {"with (\n    a as b,\n    c as d,\n): pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])])"},
    {"with a as b.c, d as e[0]: pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Store())), withitem(context_expr=Name(id='d', ctx=Load()), optional_vars=Subscript(value=Name(id='e', ctx=Load()), slice=Constant(value=0), ctx=Store()))], body=[Pass()])])"},
    {"assert x\n",
     "Module(body=[Assert(test=Name(id='x', ctx=Load()))])"},
    {"assert x, 'msg'\n",
     "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg'))])"},
    {"def f():\n    global a, b\n    nonlocal c\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Global(names=['a', 'b']), Nonlocal(names=['c'])])])"},
    {"import a\n",
     "Module(body=[Import(names=[alias(name='a')])])"},
    {"import a.b.c\n",
     "Module(body=[Import(names=[alias(name='a.b.c')])])"},
    {"import a as b, c.d as e\n",
     "Module(body=[Import(names=[alias(name='a', asname='b'), alias(name='c.d', asname='e')])])"},
    {"from a import b\n",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=0)])"},
    {"from a.b import c as d, e\n",
     "Module(body=[ImportFrom(module='a.b', names=[alias(name='c', asname='d'), alias(name='e')], level=0)])"},
    {"from . import a\n",
     "Module(body=[ImportFrom(names=[alias(name='a')], level=1)])"},
    {"from .. import a\n",
     "Module(body=[ImportFrom(names=[alias(name='a')], level=2)])"},
    {"from ...a import b\n",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=3)])"},
    {"from .... import a\n",
     "Module(body=[ImportFrom(names=[alias(name='a')], level=4)])"},
    {"from .a.b import (c, d as e,)\n",
     "Module(body=[ImportFrom(module='a.b', names=[alias(name='c'), alias(name='d', asname='e')], level=1)])"},
    {"from a import *\n",
     "Module(body=[ImportFrom(module='a', names=[alias(name='*')], level=0)])"},
    {"from . import *\n",
     "Module(body=[ImportFrom(names=[alias(name='*')], level=1)])"},
    {"def f():\n    yield\n    yield x\n    yield x, y\n    yield from z\n    x = yield\n    x = yield y\n    f((yield))\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Expr(value=Yield()), Expr(value=Yield(value=Name(id='x', ctx=Load()))), Expr(value=Yield(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()))), Expr(value=YieldFrom(value=Name(id='z', ctx=Load()))), Assign(targets=[Name(id='x', ctx=Store())], value=Yield()), Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Name(id='y', ctx=Load()))), Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Yield()]))])])"},
    {"x = lambda: 0\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(), body=Constant(value=0)))])"},
    {"x = lambda a, b=1, *c, d, e=2, **f: 0\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1)]), body=Constant(value=0)))])"},
    {"x = lambda a, /, b: 0\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')]), body=Constant(value=0)))])"},
    {"x = lambda *, a: 0\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(kwonlyargs=[arg(arg='a')], kw_defaults=[None]), body=Constant(value=0)))])"},
    {"x = 1; y = 2;\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))])"},
    {"\n\n# comment\nx = 1  # trailing\n\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"},
    {"if 1:\n    pass\n\n\n    pass\n",
     "Module(body=[If(test=Constant(value=1), body=[Pass(), Pass()])])"},
    {"match = 1\nmatch.x = 2\nmatch(x)\nmatch[0]\ncase = 1\n_ = 2\ntype = 3\ntype(x)\n",
     "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1)), Assign(targets=[Attribute(value=Name(id='match', ctx=Load()), attr='x', ctx=Store())], value=Constant(value=2)), Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())])), Expr(value=Subscript(value=Name(id='match', ctx=Load()), slice=Constant(value=0), ctx=Load())), Assign(targets=[Name(id='case', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='_', ctx=Store())], value=Constant(value=2)), Assign(targets=[Name(id='type', ctx=Store())], value=Constant(value=3)), Expr(value=Call(func=Name(id='type', ctx=Load()), args=[Name(id='x', ctx=Load())]))])"},
    {"print(match, case, type)\n",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='match', ctx=Load()), Name(id='case', ctx=Load()), Name(id='type', ctx=Load())]))])"},
};

static const tree_case expr_cases[] = {
    {"(y := 1)\n",
     "Module(body=[Expr(value=NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=1)))])"},
    {"[y := 1, y ** 2]\n",
     "Module(body=[Expr(value=List(elts=[NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=1)), BinOp(left=Name(id='y', ctx=Load()), op=Pow(), right=Constant(value=2))], ctx=Load()))])"},
    {"f(x := 1)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1))]))])"},
    {"a[b := 1]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='b', ctx=Store()), value=Constant(value=1)), ctx=Load()))])"},
    {"if (n := len(a)) > 10: pass\n",
     "Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()])])"},
    {"while chunk := f(): pass\n",
     "Module(body=[While(test=NamedExpr(target=Name(id='chunk', ctx=Store()), value=Call(func=Name(id='f', ctx=Load()))), body=[Pass()])])"},
    {"a if b else c\n",
     "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))])"},
    {"a if b else c if d else e\n",
     "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))])"},
    {"(a if b else c) if d else e\n",
     "Module(body=[Expr(value=IfExp(test=Name(id='d', ctx=Load()), body=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())), orelse=Name(id='e', ctx=Load())))])"},
    {"a or b or c\n",
     "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))])"},
    {"a and b and c\n",
     "Module(body=[Expr(value=BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))])"},
    {"a or b and c\n",
     "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), values=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())])]))])"},
    {"not a\n",
     "Module(body=[Expr(value=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())))])"},
    {"not not a\n",
     "Module(body=[Expr(value=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load()))))])"},
    {"not a == b\n",
     "Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', ctx=Load())])))])"},
    {"(a or b) and c\n",
     "Module(body=[Expr(value=BoolOp(op=And(), values=[BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), Name(id='c', ctx=Load())]))])"},
    {"a < b\n",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt()], comparators=[Name(id='b', ctx=Load())]))])"},
    {"a < b <= c == d != e > f >= g\n",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), Eq(), NotEq(), Gt(), GtE()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load())]))])"},
    {"a in b\n",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[In()], comparators=[Name(id='b', ctx=Load())]))])"},
    {"a not in b\n",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn()], comparators=[Name(id='b', ctx=Load())]))])"},
    {"a is b\n",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Is()], comparators=[Name(id='b', ctx=Load())]))])"},
    {"a is not b\n",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot()], comparators=[Name(id='b', ctx=Load())]))])"},
    {"a is not b not in c\n",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot(), NotIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))])"},
    {"a | b ^ c & d << e >> f + g - h * i / j // k % l @ m\n",
     "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Add(), right=Name(id='g', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='h', ctx=Load()), op=Mult(), right=Name(id='i', ctx=Load())), op=Div(), right=Name(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', ctx=Load())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), right=Name(id='m', ctx=Load()))))))))])"},
    {"a - b - c\n",
     "Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Sub(), right=Name(id='b', ctx=Load())), op=Sub(), right=Name(id='c', ctx=Load())))])"},
    {"a ** b ** c\n",
     "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left=Name(id='b', ctx=Load()), op=Pow(), right=Name(id='c', ctx=Load()))))])"},
    {"-a ** b\n",
     "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=Name(id='b', ctx=Load()))))])"},
    {"a ** -b\n",
     "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load()))))])"},
    {"-a\n",
     "Module(body=[Expr(value=UnaryOp(op=USub(), operand=Name(id='a', ctx=Load())))])"},
    {"+a\n",
     "Module(body=[Expr(value=UnaryOp(op=UAdd(), operand=Name(id='a', ctx=Load())))])"},
    {"~a\n",
     "Module(body=[Expr(value=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())))])"},
    {"-+~a\n",
     "Module(body=[Expr(value=UnaryOp(op=USub(), operand=UnaryOp(op=UAdd(), operand=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())))))])"},
    {"(-1) ** 2\n",
     "Module(body=[Expr(value=BinOp(left=UnaryOp(op=USub(), operand=Constant(value=1)), op=Pow(), right=Constant(value=2)))])"},
    {"a.b.c\n",
     "Module(body=[Expr(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()))])"},
    {"a[0]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=0), ctx=Load()))])"},
    {"a[1:2]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()))])"},
    {"a[:]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))])"},
    {"a[::]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))])"},
    {"a[1:]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1)), ctx=Load()))])"},
    {"a[:2]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(upper=Constant(value=2)), ctx=Load()))])"},
    {"a[::3]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(step=Constant(value=3)), ctx=Load()))])"},
    {"a[1:2:3]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2), step=Constant(value=3)), ctx=Load()))])"},
    {"a[1, 2]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()), ctx=Load()))])"},
    {"a[1:2, ::3]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()))])"},
    {"a[1,]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Constant(value=1)], ctx=Load()), ctx=Load()))])"},
    {"a[*b]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))])"},
    {"a[*b, c]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load()), Name(id='c', ctx=Load())], ctx=Load()), ctx=Load()))])"},
    {"a[...]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=Ellipsis), ctx=Load()))])"},
    {"f()\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load())))])"},
    {"f(a)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())]))])"},
    {"f(a, b, c=1, *d, **e)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Starred(value=Name(id='d', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='e', ctx=Load()))]))])"},
    {"f(*a, *b, c=1, **d, **e)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load())), keyword(value=Name(id='e', ctx=Load()))]))])"},
    {"f(a=1, *b)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='a', value=Constant(value=1))]))])"},
    {"f(x for x in y)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=0)])]))])"},
    {"f((x for x in y), z)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=0)]), Name(id='z', ctx=Load())]))])"},
    {"f(a)(b)[c].d\n",
     "Module(body=[Expr(value=Attribute(value=Subscript(value=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())]), args=[Name(id='b', ctx=Load())]), slice=Name(id='c', ctx=Load()), ctx=Load()), attr='d', ctx=Load()))])"},
    {"f(a, b,)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]))])"},
    {"x\n",
     "Module(body=[Expr(value=Name(id='x', ctx=Load()))])"},
    {"_\n",
     "Module(body=[Expr(value=Name(id='_', ctx=Load()))])"},
    {"123\n",
     "Module(body=[Expr(value=Constant(value=123))])"},
    {"0\n",
     "Module(body=[Expr(value=Constant(value=0))])"},
    {"00\n",
     "Module(body=[Expr(value=Constant(value=0))])"},
    {"1_000_000\n",
     "Module(body=[Expr(value=Constant(value=1000000))])"},
    {"0x_FF\n",
     "Module(body=[Expr(value=Constant(value=255))])"},
    {"0o17\n",
     "Module(body=[Expr(value=Constant(value=15))])"},
    {"0b101\n",
     "Module(body=[Expr(value=Constant(value=5))])"},
    {"123456789012345678901234567890\n",
     "Module(body=[Expr(value=Constant(value=123456789012345678901234567890))])"},
    {"0xFFFFFFFFFFFFFFFFFFFFFFFF\n",
     "Module(body=[Expr(value=Constant(value=79228162514264337593543950335))])"},
    {"1.5\n",
     "Module(body=[Expr(value=Constant(value=1.5))])"},
    {"1e10\n",
     "Module(body=[Expr(value=Constant(value=10000000000.0))])"},
    {"1.5e-3\n",
     "Module(body=[Expr(value=Constant(value=0.0015))])"},
    {".5\n",
     "Module(body=[Expr(value=Constant(value=0.5))])"},
    {"5.\n",
     "Module(body=[Expr(value=Constant(value=5.0))])"},
    {"1_0.0_1\n",
     "Module(body=[Expr(value=Constant(value=10.01))])"},
    {"1e999\n",
     "Module(body=[Expr(value=Constant(value=inf))])"},
    {"1j\n",
     "Module(body=[Expr(value=Constant(value=1j))])"},
    {"1.5J\n",
     "Module(body=[Expr(value=Constant(value=1.5j))])"},
    {"'abc'\n",
     "Module(body=[Expr(value=Constant(value='abc'))])"},
    {"\"abc\"\n",
     "Module(body=[Expr(value=Constant(value='abc'))])"},
    {"'a' 'b' \"c\"\n",
     "Module(body=[Expr(value=Constant(value='abc'))])"},
    {"'''abc\ndef'''\n",
     "Module(body=[Expr(value=Constant(value='abc\\ndef'))])"},
    {"r'\\n'\n",
     "Module(body=[Expr(value=Constant(value='\\\\n'))])"},
    {"b'abc'\n",
     "Module(body=[Expr(value=Constant(value=b'abc'))])"},
    {"b'a' b'b'\n",
     "Module(body=[Expr(value=Constant(value=b'ab'))])"},
    {"rb'\\x00'\n",
     "Module(body=[Expr(value=Constant(value=b'\\\\x00'))])"},
    {"'\\n\\t\\x41\\u00e9\\U0001F600\\101\\0'\n",
     "Module(body=[Expr(value=Constant(value='\\n\\tA\303\251\360\237\230\200A\\x00'))])"},
    {"'\\N{EM DASH}\\N{latin small letter a}'\n",
     "Module(body=[Expr(value=Constant(value='\342\200\224a'))])"},
    {"'caf\303\251'\n",
     "Module(body=[Expr(value=Constant(value='caf\303\251'))])"},
    {"'a\\\nb'\n",
     "Module(body=[Expr(value=Constant(value='ab'))])"},
    {"'\\q'\n",
     "Module(body=[Expr(value=Constant(value='\\\\q'))])"},
    {"...\n",
     "Module(body=[Expr(value=Constant(value=Ellipsis))])"},
    {"None\n",
     "Module(body=[Expr(value=Constant(value=None))])"},
    {"True\n",
     "Module(body=[Expr(value=Constant(value=True))])"},
    {"False\n",
     "Module(body=[Expr(value=Constant(value=False))])"},
    {"()\n",
     "Module(body=[Expr(value=Tuple(ctx=Load()))])"},
    {"(1,)\n",
     "Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))])"},
    {"(1, 2)\n",
     "Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))])"},
    {"1, 2\n",
     "Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))])"},
    {"1,\n",
     "Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))])"},
    {"(1)\n",
     "Module(body=[Expr(value=Constant(value=1))])"},
    {"((a))\n",
     "Module(body=[Expr(value=Name(id='a', ctx=Load()))])"},
    {"[]\n",
     "Module(body=[Expr(value=List(ctx=Load()))])"},
    {"[1, 2, 3]\n",
     "Module(body=[Expr(value=List(elts=[Constant(value=1), Constant(value=2), Constant(value=3)], ctx=Load()))])"},
    {"[1, *a, 2]\n",
     "Module(body=[Expr(value=List(elts=[Constant(value=1), Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Constant(value=2)], ctx=Load()))])"},
    {"{}\n",
     "Module(body=[Expr(value=Dict())])"},
    {"{1: 2, 'a': b}\n",
     "Module(body=[Expr(value=Dict(keys=[Constant(value=1), Constant(value='a')], values=[Constant(value=2), Name(id='b', ctx=Load())]))])"},
    {"{**a, 'b': 1, **c}\n",
     "Module(body=[Expr(value=Dict(keys=[None, Constant(value='b'), None], values=[Name(id='a', ctx=Load()), Constant(value=1), Name(id='c', ctx=Load())]))])"},
    {"{1}\n",
     "Module(body=[Expr(value=Set(elts=[Constant(value=1)]))])"},
    {"{1, 2, *a}\n",
     "Module(body=[Expr(value=Set(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id='a', ctx=Load()), ctx=Load())]))])"},
    {"*a, b\n",
     "Module(body=[Expr(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))])"},
    {"[x for x in y]\n",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=0)]))])"},
    {"[x for x in y if a if b for z in x if c]\n",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[Name(id='c', ctx=Load())], is_async=0)]))])"},
    {"{x for x in y}\n",
     "Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=0)]))])"},
    {"{k: v for k, v in d.items()}\n",
     "Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load())), is_async=0)]))])"},
    {"(x for x in y)\n",
     "Module(body=[Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=0)]))])"},
    {"[[x for x in y] for y in z]\n",
     "Module(body=[Expr(value=ListComp(elt=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=0)]), generators=[comprehension(target=Name(id='y', ctx=Store()), iter=Name(id='z', ctx=Load()), is_async=0)]))])"},
    {"[x for x, in y]\n",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name(id='y', ctx=Load()), is_async=0)]))])"},
    {"[(x, y) for x in a for y in b]\n",
     "Module(body=[Expr(value=ListComp(elt=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='a', ctx=Load()), is_async=0), comprehension(target=Name(id='y', ctx=Store()), iter=Name(id='b', ctx=Load()), is_async=0)]))])"},
    {"x = (1 +\n     2)\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))])"},
    {"x = [\n    1,\n    2,\n]\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))])"},
};

static const tree_case fstring_cases[] = {
    {"f'abc'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='abc')]))])"},
    {"f'{x}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))])"},
    {"f'a{x}b{y}c'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='b'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='c')]))])"},
    {"f'{x!r}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))])"},
    {"f'{x!s}{y!a}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=115), FormattedValue(value=Name(id='y', ctx=Load()), conversion=97)]))])"},
    {"f'{x:>10}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))]))])"},
    {"f'{x:{w}.{p}f}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1), Constant(value='f')]))]))])"},
    {"f'{x!r:^{w}}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='^'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))]))])"},
    {"f'{x=}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))])"},
    {"f'{x = }'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))])"},
    {"f'{x=!s}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))])"},
    {"f'{x=:>5}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>5')]))]))])"},
    {"f'{x:}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr())]))])"},
    {"f''\n",
     "Module(body=[Expr(value=JoinedStr())])"},
    {"f'{{}}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='{}')]))])"},
    {"f'{{{x}}}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='{'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='}')]))])"},
    {"f'a' 'b' f'c{d}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='abc'), FormattedValue(value=Name(id='d', ctx=Load()), conversion=-1)]))])"},
    {"'a' f'{b}' 'c'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='c')]))])"},
    {"f'{\"nested\"}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value='nested'), conversion=-1)]))])"},
    {"f'{f\"{x}\"}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]), conversion=-1)]))])"},
    {"f'{'same quotes'}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value='same quotes'), conversion=-1)]))])"},
    {"f'''{\nx\n}'''\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))])"},
    {"rf'\\n{x}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\\\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))])"},
    {"f'\\n{x}\\t'\n",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\\t')]))])"},
    {"f'{x,y}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)]))])"},
    {"f'{*a,}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], ctx=Load()), conversion=-1)]))])"},
    {"f'{(yield)}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Yield(), conversion=-1)]))])"},
    {"f'{a[\"b\"]}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))])"},
    {"f'{x:{{}}>10}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Dict(), conversion=-1), Constant(value='>10')]))]))])"},
    {"f'{3.14:.2f}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value=3.14), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.2f')]))]))])"},
    {"f'{x!r:{y}{z}}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1)]))]))])"},
    {"f'{x:a{y}b}'\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='b')]))]))])"},
};

static const tree_case match_cases[] = {
    {"match x:\n    case 1:\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchValue(value=Constant(value=1)), body=[Pass()])])])"},
    {"match x:\n    case 1 | 2 | 3:\n        pass\n    case -1:\n        pass\n    case 1.5:\n        pass\n    case 1 + 2j:\n        pass\n    case -1 - 2j:\n        pass\n    case 'a' 'b':\n        pass\n    case b'x':\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2)), MatchValue(value=Constant(value=3))]), body=[Pass()]), match_case(pattern=MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=1))), body=[Pass()]), match_case(pattern=MatchValue(value=Constant(value=1.5)), body=[Pass()]), match_case(pattern=MatchValue(value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2j))), body=[Pass()]), match_case(pattern=MatchValue(value=BinOp(left=UnaryOp(op=USub(), operand=Constant(value=1)), op=Sub(), right=Constant(value=2j))), body=[Pass()]), match_case(pattern=MatchValue(value=Constant(value='ab')), body=[Pass()]), match_case(pattern=MatchValue(value=Constant(value=b'x')), body=[Pass()])])])"},
    {"match x:\n    case None:\n        pass\n    case True:\n        pass\n    case False:\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchSingleton(value=None), body=[Pass()]), match_case(pattern=MatchSingleton(value=True), body=[Pass()]), match_case(pattern=MatchSingleton(value=False), body=[Pass()])])])"},
    {"match x:\n    case a:\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(name='a'), body=[Pass()])])])"},
    {"match x:\n    case _:\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(), body=[Pass()])])])"},
    {"match x:\n    case a.b:\n        pass\n    case a.b.c:\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchValue(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load())), body=[Pass()]), match_case(pattern=MatchValue(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load())), body=[Pass()])])])"},
    {"match x:\n    case (a):\n        pass\n    case (a, b):\n        pass\n    case ():\n        pass\n    case []:\n        pass\n    case [a, *rest]:\n        pass\n    case (a, *_, b):\n        pass\n    case [*_]:\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(name='a'), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(name='b')]), body=[Pass()]), match_case(pattern=MatchSequence(), body=[Pass()]), match_case(pattern=MatchSequence(), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchStar(name='rest')]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchStar(), MatchAs(name='b')]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchStar()]), body=[Pass()])])])"},
    {"match x:\n    case a, b:\n        pass\n    case a, *b:\n        pass\n    case *a, b:\n        pass\n    case a,:\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(name='b')]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchStar(name='b')]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchStar(name='a'), MatchAs(name='b')]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a')]), body=[Pass()])])])"},
    {"match x:\n    case {}:\n        pass\n    case {1: a, 'b': c}:\n        pass\n    case {**rest}:\n        pass\n    case {a.b: 1, None: 2, **rest}:\n        pass\n    case {-1: a, 1+2j: b}:\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchMapping(), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value=1), Constant(value='b')], patterns=[MatchAs(name='a'), MatchAs(name='c')]), body=[Pass()]), match_case(pattern=MatchMapping(rest='rest'), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), Constant(value=None)], patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2))], rest='rest'), body=[Pass()]), match_case(pattern=MatchMapping(keys=[UnaryOp(op=USub(), operand=Constant(value=1)), BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2j))], patterns=[MatchAs(name='a'), MatchAs(name='b')]), body=[Pass()])])])"},
    {"match x:\n    case C():\n        pass\n    case C(a, b):\n        pass\n    case C(a, b=1):\n        pass\n    case C(b=1, c=_):\n        pass\n    case a.b.C(1,):\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchClass(cls=Name(id='C', ctx=Load())), body=[Pass()]), match_case(pattern=MatchClass(cls=Name(id='C', ctx=Load()), patterns=[MatchAs(name='a'), MatchAs(name='b')]), body=[Pass()]), match_case(pattern=MatchClass(cls=Name(id='C', ctx=Load()), patterns=[MatchAs(name='a')], kwd_attrs=['b'], kwd_patterns=[MatchValue(value=Constant(value=1))]), body=[Pass()]), match_case(pattern=MatchClass(cls=Name(id='C', ctx=Load()), kwd_attrs=['b', 'c'], kwd_patterns=[MatchValue(value=Constant(value=1)), MatchAs()]), body=[Pass()]), match_case(pattern=MatchClass(cls=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='C', ctx=Load()), patterns=[MatchValue(value=Constant(value=1))]), body=[Pass()])])])"},
    {"match x:\n    case [1, 2] as a:\n        pass\n    case (1 | 2) as b:\n        pass\n    case 1 | 2 as c:\n        pass\n    case C(x=[a, b] as c):\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(pattern=MatchSequence(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2))]), name='a'), body=[Pass()]), match_case(pattern=MatchAs(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2))]), name='b'), body=[Pass()]), match_case(pattern=MatchAs(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2))]), name='c'), body=[Pass()]), match_case(pattern=MatchClass(cls=Name(id='C', ctx=Load()), kwd_attrs=['x'], kwd_patterns=[MatchAs(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(name='b')]), name='c')]), body=[Pass()])])])"},
    {"match x:\n    case a if a > 0:\n        pass\n    case [a] if (b := a):\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(name='a'), guard=Compare(left=Name(id='a', ctx=Load()), ops=[Gt()], comparators=[Constant(value=0)]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a')]), guard=NamedExpr(target=Name(id='b', ctx=Store()), value=Name(id='a', ctx=Load())), body=[Pass()])])])"},
    {"match x, y:\n    case a, b:\n        pass\n",
     "Module(body=[Match(subject=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(name='b')]), body=[Pass()])])])"},
    {"match *a, b:\n    case _:\n        pass\n",
     "Module(body=[Match(subject=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchAs(), body=[Pass()])])])"},
    {"match (x):\n    case _:\n        pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(), body=[Pass()])])])"},
    {"match -x:\n    case _:\n        pass\n",
     "Module(body=[Match(subject=UnaryOp(op=USub(), operand=Name(id='x', ctx=Load())), cases=[match_case(pattern=MatchAs(), body=[Pass()])])])"},
    {"match x.y[0]:\n    case _: pass\n",
     "Module(body=[Match(subject=Subscript(value=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Load()), slice=Constant(value=0), ctx=Load()), cases=[match_case(pattern=MatchAs(), body=[Pass()])])])"},
    {"match x:\n    case 1: pass\n    case 2: pass\n",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchValue(value=Constant(value=1)), body=[Pass()]), match_case(pattern=MatchValue(value=Constant(value=2)), body=[Pass()])])])"},
};

static const tree_case position_cases[] = {
    {"x = 1\n",
     "Module(body=[Assign@1:0-1:5(targets=[Name@1:0-1:1(id='x', ctx=Store())], value=Constant@1:4-1:5(value=1))])"},
    {"a, b = c, d\n",
     "Module(body=[Assign@1:0-1:11(targets=[Tuple@1:0-1:4(elts=[Name@1:0-1:1(id='a', ctx=Store()), Name@1:3-1:4(id='b', ctx=Store())], ctx=Store())], value=Tuple@1:7-1:11(elts=[Name@1:7-1:8(id='c', ctx=Load()), Name@1:10-1:11(id='d', ctx=Load())], ctx=Load()))])"},
    {"x = (1)\n",
     "Module(body=[Assign@1:0-1:7(targets=[Name@1:0-1:1(id='x', ctx=Store())], value=Constant@1:5-1:6(value=1))])"},
    {"x = a + (b)\n",
     "Module(body=[Assign@1:0-1:11(targets=[Name@1:0-1:1(id='x', ctx=Store())], value=BinOp@1:4-1:11(left=Name@1:4-1:5(id='a', ctx=Load()), op=Add(), right=Name@1:9-1:10(id='b', ctx=Load())))])"},
    {"(a) + b\n",
     "Module(body=[Expr@1:0-1:7(value=BinOp@1:0-1:7(left=Name@1:1-1:2(id='a', ctx=Load()), op=Add(), right=Name@1:6-1:7(id='b', ctx=Load())))])"},
    {"f(a)(b)\n",
     "Module(body=[Expr@1:0-1:7(value=Call@1:0-1:7(func=Call@1:0-1:4(func=Name@1:0-1:1(id='f', ctx=Load()), args=[Name@1:2-1:3(id='a', ctx=Load())]), args=[Name@1:5-1:6(id='b', ctx=Load())]))])"},
    {"x.y.z\n",
     "Module(body=[Expr@1:0-1:5(value=Attribute@1:0-1:5(value=Attribute@1:0-1:3(value=Name@1:0-1:1(id='x', ctx=Load()), attr='y', ctx=Load()), attr='z', ctx=Load()))])"},
    {"a[1:2, 3]\n",
     "Module(body=[Expr@1:0-1:9(value=Subscript@1:0-1:9(value=Name@1:0-1:1(id='a', ctx=Load()), slice=Tuple@1:2-1:8(elts=[Slice@1:2-1:5(lower=Constant@1:2-1:3(value=1), upper=Constant@1:4-1:5(value=2)), Constant@1:7-1:8(value=3)], ctx=Load()), ctx=Load()))])"},
    {"a[:]\n",
     "Module(body=[Expr@1:0-1:4(value=Subscript@1:0-1:4(value=Name@1:0-1:1(id='a', ctx=Load()), slice=Slice@1:2-1:3(), ctx=Load()))])"},
    {"a, b,\n",
     "Module(body=[Expr@1:0-1:5(value=Tuple@1:0-1:5(elts=[Name@1:0-1:1(id='a', ctx=Load()), Name@1:3-1:4(id='b', ctx=Load())], ctx=Load()))])"},
    {"(a, b)\n",
     "Module(body=[Expr@1:0-1:6(value=Tuple@1:0-1:6(elts=[Name@1:1-1:2(id='a', ctx=Load()), Name@1:4-1:5(id='b', ctx=Load())], ctx=Load()))])"},
    {"f(x for x in y)\n",
     "Module(body=[Expr@1:0-1:15(value=Call@1:0-1:15(func=Name@1:0-1:1(id='f', ctx=Load()), args=[GeneratorExp@1:1-1:15(elt=Name@1:2-1:3(id='x', ctx=Load()), generators=[comprehension(target=Name@1:8-1:9(id='x', ctx=Store()), iter=Name@1:13-1:14(id='y', ctx=Load()), is_async=0)])]))])"},
    {"f(a, *b, c=1, **d)\n",
     "Module(body=[Expr@1:0-1:18(value=Call@1:0-1:18(func=Name@1:0-1:1(id='f', ctx=Load()), args=[Name@1:2-1:3(id='a', ctx=Load()), Starred@1:5-1:7(value=Name@1:6-1:7(id='b', ctx=Load()), ctx=Load())], keywords=[keyword@1:9-1:12(arg='c', value=Constant@1:11-1:12(value=1)), keyword@1:14-1:17(value=Name@1:16-1:17(id='d', ctx=Load()))]))])"},
    {"lambda x: x\n",
     "Module(body=[Expr@1:0-1:11(value=Lambda@1:0-1:11(args=arguments(args=[arg@1:7-1:8(arg='x')]), body=Name@1:10-1:11(id='x', ctx=Load())))])"},
    {"a if b else c\n",
     "Module(body=[Expr@1:0-1:13(value=IfExp@1:0-1:13(test=Name@1:5-1:6(id='b', ctx=Load()), body=Name@1:0-1:1(id='a', ctx=Load()), orelse=Name@1:12-1:13(id='c', ctx=Load())))])"},
    {"not a\n",
     "Module(body=[Expr@1:0-1:5(value=UnaryOp@1:0-1:5(op=Not(), operand=Name@1:4-1:5(id='a', ctx=Load())))])"},
    {"-a ** 2\n",
     "Module(body=[Expr@1:0-1:7(value=UnaryOp@1:0-1:7(op=USub(), operand=BinOp@1:1-1:7(left=Name@1:1-1:2(id='a', ctx=Load()), op=Pow(), right=Constant@1:6-1:7(value=2))))])"},
    {"a < b < c\n",
     "Module(body=[Expr@1:0-1:9(value=Compare@1:0-1:9(left=Name@1:0-1:1(id='a', ctx=Load()), ops=[Lt(), Lt()], comparators=[Name@1:4-1:5(id='b', ctx=Load()), Name@1:8-1:9(id='c', ctx=Load())]))])"},
    {"a and (b)\n",
     "Module(body=[Expr@1:0-1:9(value=BoolOp@1:0-1:9(op=And(), values=[Name@1:0-1:1(id='a', ctx=Load()), Name@1:7-1:8(id='b', ctx=Load())]))])"},
    {"if a:\n    b\nelif c:\n    d\nelse:\n    e\n",
     "Module(body=[If@1:0-6:5(test=Name@1:3-1:4(id='a', ctx=Load()), body=[Expr@2:4-2:5(value=Name@2:4-2:5(id='b', ctx=Load()))], orelse=[If@3:0-6:5(test=Name@3:5-3:6(id='c', ctx=Load()), body=[Expr@4:4-4:5(value=Name@4:4-4:5(id='d', ctx=Load()))], orelse=[Expr@6:4-6:5(value=Name@6:4-6:5(id='e', ctx=Load()))])])])"},
    {"def f(a, b: int = 1, *c, d, **e) -> r:\n    return a;\n",
     "Module(body=[FunctionDef@1:0-2:13(name='f', args=arguments(args=[arg@1:6-1:7(arg='a'), arg@1:9-1:15(arg='b', annotation=Name@1:12-1:15(id='int', ctx=Load()))], vararg=arg@1:22-1:23(arg='c'), kwonlyargs=[arg@1:25-1:26(arg='d')], kw_defaults=[None], kwarg=arg@1:30-1:31(arg='e'), defaults=[Constant@1:18-1:19(value=1)]), body=[Return@2:4-2:12(value=Name@2:11-2:12(id='a', ctx=Load()))], returns=Name@1:36-1:37(id='r', ctx=Load()))])"},
    {"@dec\nclass A(B):\n    x = 1\n",
     "Module(body=[ClassDef@2:0-3:9(name='A', bases=[Name@2:8-2:9(id='B', ctx=Load())], body=[Assign@3:4-3:9(targets=[Name@3:4-3:5(id='x', ctx=Store())], value=Constant@3:8-3:9(value=1))], decorator_list=[Name@1:1-1:4(id='dec', ctx=Load())])])"},
    {"try:\n    a\nexcept E as e:\n    b\nfinally:\n    c\n",
     "Module(body=[Try@1:0-6:5(body=[Expr@2:4-2:5(value=Name@2:4-2:5(id='a', ctx=Load()))], handlers=[ExceptHandler@3:0-4:5(type=Name@3:7-3:8(id='E', ctx=Load()), name='e', body=[Expr@4:4-4:5(value=Name@4:4-4:5(id='b', ctx=Load()))])], finalbody=[Expr@6:4-6:5(value=Name@6:4-6:5(id='c', ctx=Load()))])])"},
    {"with a as b, (c): pass\n",
     "Module(body=[With@1:0-1:22(items=[withitem(context_expr=Name@1:5-1:6(id='a', ctx=Load()), optional_vars=Name@1:10-1:11(id='b', ctx=Store())), withitem(context_expr=Name@1:14-1:15(id='c', ctx=Load()))], body=[Pass@1:18-1:22()])])"},
    {"import a.b as c\n",
     "Module(body=[Import@1:0-1:15(names=[alias@1:7-1:15(name='a.b', asname='c')])])"},
    {"from .a import b as c, d\n",
     "Module(body=[ImportFrom@1:0-1:24(module='a', names=[alias@1:15-1:21(name='b', asname='c'), alias@1:23-1:24(name='d')], level=1)])"},
    {"for x in y:\n    pass\nelse:\n    z\n",
     "Module(body=[For@1:0-4:5(target=Name@1:4-1:5(id='x', ctx=Store()), iter=Name@1:9-1:10(id='y', ctx=Load()), body=[Pass@2:4-2:8()], orelse=[Expr@4:4-4:5(value=Name@4:4-4:5(id='z', ctx=Load()))])])"},
    {"x: int = 1\n",
     "Module(body=[AnnAssign@1:0-1:10(target=Name@1:0-1:1(id='x', ctx=Store()), annotation=Name@1:3-1:6(id='int', ctx=Load()), value=Constant@1:9-1:10(value=1), simple=1)])"},
    {"x += (1)\n",
     "Module(body=[AugAssign@1:0-1:8(target=Name@1:0-1:1(id='x', ctx=Store()), op=Add(), value=Constant@1:6-1:7(value=1))])"},
    {"del a, (b)\n",
     "Module(body=[Delete@1:0-1:10(targets=[Name@1:4-1:5(id='a', ctx=Del()), Name@1:8-1:9(id='b', ctx=Del())])])"},
    {"assert (a), b\n",
     "Module(body=[Assert@1:0-1:13(test=Name@1:8-1:9(id='a', ctx=Load()), msg=Name@1:12-1:13(id='b', ctx=Load()))])"},
    {"global a\n",
     "Module(body=[Global@1:0-1:8(names=['a'])])"},
    {"'a' 'b'\n",
     "Module(body=[Expr@1:0-1:7(value=Constant@1:0-1:7(value='ab'))])"},
    {"f'a{b!r:>{c}}d'\n",
     "Module(body=[Expr@1:0-1:15(value=JoinedStr@1:0-1:15(values=[Constant@1:2-1:3(value='a'), FormattedValue@1:3-1:13(value=Name@1:4-1:5(id='b', ctx=Load()), conversion=114, format_spec=JoinedStr@1:7-1:12(values=[Constant@1:8-1:9(value='>'), FormattedValue@1:9-1:12(value=Name@1:10-1:11(id='c', ctx=Load()), conversion=-1)])), Constant@1:13-1:14(value='d')]))])"},
    {"f'{x=}'\n",
     "Module(body=[Expr@1:0-1:7(value=JoinedStr@1:0-1:7(values=[Constant@1:3-1:5(value='x='), FormattedValue@1:2-1:6(value=Name@1:3-1:4(id='x', ctx=Load()), conversion=114)]))])"},
    {"x = [i\n     for i in a\n     if i]\n",
     "Module(body=[Assign@1:0-3:10(targets=[Name@1:0-1:1(id='x', ctx=Store())], value=ListComp@1:4-3:10(elt=Name@1:5-1:6(id='i', ctx=Load()), generators=[comprehension(target=Name@2:9-2:10(id='i', ctx=Store()), iter=Name@2:14-2:15(id='a', ctx=Load()), ifs=[Name@3:8-3:9(id='i', ctx=Load())], is_async=0)]))])"},
    {"match x:\n    case [1, *a] | {'k': b, **c} if d:\n        pass\n    case C(1, k=(e)) as f:\n        pass\n",
     "Module(body=[Match@1:0-5:12(subject=Name@1:6-1:7(id='x', ctx=Load()), cases=[match_case(pattern=MatchOr@2:9-2:32(patterns=[MatchSequence@2:9-2:16(patterns=[MatchValue@2:10-2:11(value=Constant@2:10-2:11(value=1)), MatchStar@2:13-2:15(name='a')]), MatchMapping@2:19-2:32(keys=[Constant@2:20-2:23(value='k')], patterns=[MatchAs@2:25-2:26(name='b')], rest='c')]), guard=Name@2:36-2:37(id='d', ctx=Load()), body=[Pass@3:8-3:12()]), match_case(pattern=MatchAs@4:9-4:25(pattern=MatchClass@4:9-4:20(cls=Name@4:9-4:10(id='C', ctx=Load()), patterns=[MatchValue@4:11-4:12(value=Constant@4:11-4:12(value=1))], kwd_attrs=['k'], kwd_patterns=[MatchAs@4:17-4:18(name='e')]), name='f'), body=[Pass@5:8-5:12()])])])"},
    {"x = 'caf\303\251' + y\n",
     "Module(body=[Assign@1:0-1:15(targets=[Name@1:0-1:1(id='x', ctx=Store())], value=BinOp@1:4-1:15(left=Constant@1:4-1:11(value='caf\303\251'), op=Add(), right=Name@1:14-1:15(id='y', ctx=Load())))])"},
    {"while (a): (b)\n",
     "Module(body=[While@1:0-1:14(test=Name@1:7-1:8(id='a', ctx=Load()), body=[Expr@1:11-1:14(value=Name@1:12-1:13(id='b', ctx=Load()))])])"},
    {"(x := 1)\n",
     "Module(body=[Expr@1:0-1:8(value=NamedExpr@1:1-1:7(target=Name@1:1-1:2(id='x', ctx=Store()), value=Constant@1:6-1:7(value=1)))])"},
    {"yield\n",
     "Module(body=[Expr@1:0-1:5(value=Yield@1:0-1:5())])"},
    {"yield from (a)\n",
     "Module(body=[Expr@1:0-1:14(value=YieldFrom@1:0-1:14(value=Name@1:12-1:13(id='a', ctx=Load())))])"},
    {"x = *a, b\n",
     "Module(body=[Assign@1:0-1:9(targets=[Name@1:0-1:1(id='x', ctx=Store())], value=Tuple@1:4-1:9(elts=[Starred@1:4-1:6(value=Name@1:5-1:6(id='a', ctx=Load()), ctx=Load()), Name@1:8-1:9(id='b', ctx=Load())], ctx=Load()))])"},
};

static const tree_case eval_cases[] = {
    {"1 + 2\n",
     "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))"},
    {"a, b\n",
     "Expression(body=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))"},
    {"x if y else z",
     "Expression(body=IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', ctx=Load()), orelse=Name(id='z', ctx=Load())))"},
    {"  \n\n1\n\n",
     "Expression(body=Constant(value=1))"},
    {"lambda: 1",
     "Expression(body=Lambda(args=arguments(), body=Constant(value=1)))"},
    {"(yield)",
     "Expression(body=Yield())"},
};

static const tree_case single_cases[] = {
    {"x = 1\n",
     "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"},
    {"if x:\n    pass\n\n",
     "Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()])])"},
    {"x = 1; y = 2\n",
     "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))])"},
    {"def f(): pass\n",
     "Interactive(body=[FunctionDef(name='f', args=arguments(), body=[Pass()])])"},
    {"\n\nx\n",
     "Interactive(body=[Expr(value=Name(id='x', ctx=Load()))])"},
};

static const error_case error_cases[] = {
    {"x = \n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 5},
    {"def f[](): pass\n", KR_SYNERR_SYNTAX, "Type parameter list cannot be empty", 1, 7},
    {"def f[*Ts: int](): pass\n", KR_SYNERR_SYNTAX, "cannot use bound with TypeVarTuple", 1, 10},
    {"def f[**P: int](): pass\n", KR_SYNERR_SYNTAX, "cannot use bound with ParamSpec", 1, 10},
    {"def f[T, T](): pass\n", KR_SYNERR_SYNTAX, "duplicate type parameter 'T'", 1, 10},
    {"try:\n    a\nexcept* E:\n    b\nexcept F:\n    c\n", KR_SYNERR_SYNTAX, "cannot have both 'except' and 'except*' on the same 'try'", 5, 1},
    {"try:\n    a\nexcept E:\n    b\nexcept* F:\n    c\n", KR_SYNERR_SYNTAX, "cannot have both 'except' and 'except*' on the same 'try'", 5, 1},
    {"try:\n    a\nexcept*:\n    b\n", KR_SYNERR_SYNTAX, "expected one or more exception types", 3, 8},
    {"x +\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 4},
    {"if x\n    pass\n", KR_SYNERR_SYNTAX, "expected ':'", 1, 5},
    {"if x:\npass\n", KR_SYNERR_INDENTATION, "expected an indented block after 'if' statement on line 1", 2, 1},
    {"  x\n", KR_SYNERR_INDENTATION, "unexpected indent", 1, 2},
    {"if x:\n", KR_SYNERR_INDENTATION, "expected an indented block after 'if' statement on line 1", 1, 6},
    {"class A:\n\n", KR_SYNERR_INDENTATION, "expected an indented block after class definition on line 1", 2, 1},
    {"def f():\n  x = 1\n    y = 2\n", KR_SYNERR_INDENTATION, "unexpected indent", 3, 4},
    {"def f():\n    x = 1\n  y = 2\n", KR_SYNERR_INDENTATION, "unindent does not match any outer indentation level", 3, 8},
    {"x = 1\n\tif x:\n        pass\n\tpass\n", KR_SYNERR_INDENTATION, "unexpected indent", 2, 1},
    {"1 = x\n", KR_SYNERR_SYNTAX, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
    {"f() = 1\n", KR_SYNERR_SYNTAX, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
    {"x = 1 = 2\n", KR_SYNERR_SYNTAX, "cannot assign to literal", 1, 5},
    {"1 = x = 2\n", KR_SYNERR_SYNTAX, "cannot assign to literal", 1, 1},
    {"a + 1 = 2\n", KR_SYNERR_SYNTAX, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
    {"(a, 1) = 2\n", KR_SYNERR_SYNTAX, "cannot assign to literal", 1, 5},
    {"[1] = 2\n", KR_SYNERR_SYNTAX, "cannot assign to literal", 1, 2},
    {"a, f() = 2\n", KR_SYNERR_SYNTAX, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4},
    {"True = 1\n", KR_SYNERR_SYNTAX, "cannot assign to True", 1, 1},
    {"None = 1\n", KR_SYNERR_SYNTAX, "cannot assign to None", 1, 1},
    {"x.y = 1 = 2\n", KR_SYNERR_SYNTAX, "cannot assign to literal", 1, 7},
    {"'s' = 1\n", KR_SYNERR_SYNTAX, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
    {"f'{x}' = 1\n", KR_SYNERR_SYNTAX, "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?", 1, 1},
    {"-a = 1\n", KR_SYNERR_SYNTAX, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
    {"a if b else c = 1\n", KR_SYNERR_SYNTAX, "cannot assign to conditional expression", 1, 1},
    {"x = yield = 1\n", KR_SYNERR_SYNTAX, "assignment to yield expression not possible", 1, 5},
    {"(x for x in y) = 1\n", KR_SYNERR_SYNTAX, "cannot assign to generator expression", 1, 1},
    {"[x for x in y] = 1\n", KR_SYNERR_SYNTAX, "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 1},
    {"{a: b} = 1\n", KR_SYNERR_SYNTAX, "cannot assign to dict literal here. Maybe you meant '==' instead of '='?", 1, 1},
    {"{a} = 1\n", KR_SYNERR_SYNTAX, "cannot assign to set display here. Maybe you meant '==' instead of '='?", 1, 1},
    {"lambda: 1 = 2\n", KR_SYNERR_SYNTAX, "cannot assign to lambda", 1, 1},
    {"for 1 in x: pass\n", KR_SYNERR_SYNTAX, "cannot assign to literal", 1, 5},
    {"for f() in x: pass\n", KR_SYNERR_SYNTAX, "cannot assign to function call", 1, 5},
    {"[x for 1 in y]\n", KR_SYNERR_SYNTAX, "cannot assign to literal", 1, 8},
    {"with a as 1: pass\n", KR_SYNERR_SYNTAX, "cannot assign to literal", 1, 11},
    {"with a as f(): pass\n", KR_SYNERR_SYNTAX, "cannot assign to function call", 1, 11},
    {"f() += 1\n", KR_SYNERR_SYNTAX, "'function call' is an illegal expression for augmented assignment", 1, 1},
    {"(a, b) += 1\n", KR_SYNERR_SYNTAX, "'tuple' is an illegal expression for augmented assignment", 1, 1},
    {"[a] += 1\n", KR_SYNERR_SYNTAX, "'list' is an illegal expression for augmented assignment", 1, 1},
    {"x + 1 += 1\n", KR_SYNERR_SYNTAX, "'expression' is an illegal expression for augmented assignment", 1, 1},
    {"f(): int\n", KR_SYNERR_SYNTAX, "illegal target for annotation", 1, 1},
    {"a, b: int\n", KR_SYNERR_SYNTAX, "only single target (not tuple) can be annotated", 1, 1},
    {"[a]: int\n", KR_SYNERR_SYNTAX, "only single target (not list) can be annotated", 1, 1},
    {"del 1\n", KR_SYNERR_SYNTAX, "cannot delete literal", 1, 5},
    {"del f()\n", KR_SYNERR_SYNTAX, "cannot delete function call", 1, 5},
    {"del (a, 1)\n", KR_SYNERR_SYNTAX, "cannot delete literal", 1, 9},
    {"del *a\n", KR_SYNERR_SYNTAX, "cannot delete starred", 1, 5},
    {"del x + 1\n", KR_SYNERR_SYNTAX, "cannot delete expression", 1, 5},
    {"f(x for x in y, 1)\n", KR_SYNERR_SYNTAX, "Generator expression must be parenthesized", 1, 3},
    {"f(**a, *b)\n", KR_SYNERR_SYNTAX, "iterable argument unpacking follows keyword argument unpacking", 1, 6},
    {"f(**a, b)\n", KR_SYNERR_SYNTAX, "positional argument follows keyword argument unpacking", 1, 9},
    {"f(a=1, b)\n", KR_SYNERR_SYNTAX, "positional argument follows keyword argument", 1, 9},
    {"f(a.b=1)\n", KR_SYNERR_SYNTAX, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3},
    {"f(True=1)\n", KR_SYNERR_SYNTAX, "cannot assign to True", 1, 3},
    {"f(x=1 for x in y)\n", KR_SYNERR_SYNTAX, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3},
    {"f(*)\n", KR_SYNERR_SYNTAX, "Invalid star expression", 1, 4},
    {"f(a b)\n", KR_SYNERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 3},
    {"[a b]\n", KR_SYNERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 2},
    {"{1: 2, 3}\n", KR_SYNERR_SYNTAX, "':' expected after dictionary key", 1, 8},
    {"{1:}\n", KR_SYNERR_SYNTAX, "expression expected after dictionary key and ':'", 1, 3},
    {"{**a for a in b}\n", KR_SYNERR_SYNTAX, "dict unpacking cannot be used in dict comprehension", 1, 2},
    {"def f(a=1, b): pass\n", KR_SYNERR_SYNTAX, "parameter without a default follows parameter with a default", 1, 12},
    {"def f(*): pass\n", KR_SYNERR_SYNTAX, "named arguments must follow bare *", 1, 7},
    {"def f(*, **k): pass\n", KR_SYNERR_SYNTAX, "named arguments must follow bare *", 1, 7},
    {"def f(**k, a): pass\n", KR_SYNERR_SYNTAX, "arguments cannot follow var-keyword argument", 1, 12},
    {"def f(/, a): pass\n", KR_SYNERR_SYNTAX, "at least one argument must precede /", 1, 7},
    {"def f(a, *, b, /): pass\n", KR_SYNERR_SYNTAX, "/ must be ahead of *", 1, 16},
    {"def f(a, /, b, /): pass\n", KR_SYNERR_SYNTAX, "/ may appear only once", 1, 16},
    {"def f(*a, *b): pass\n", KR_SYNERR_SYNTAX, "* argument may appear only once", 1, 11},
    {"def f(*a=1): pass\n", KR_SYNERR_SYNTAX, "var-positional argument cannot have default value", 1, 9},
    {"def f(**a=1): pass\n", KR_SYNERR_SYNTAX, "var-keyword argument cannot have default value", 1, 10},
    {"def f(x, (a, b)): pass\n", KR_SYNERR_SYNTAX, "Function parameters cannot be parenthesized", 1, 10},
    {"lambda (x): x\n", KR_SYNERR_SYNTAX, "Lambda expression parameters cannot be parenthesized", 1, 8},
    {"lambda *: 1\n", KR_SYNERR_SYNTAX, "named arguments must follow bare *", 1, 9},
    {"if x = 1:\n    pass\n", KR_SYNERR_SYNTAX, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4},
    {"if x.y = 1:\n    pass\n", KR_SYNERR_SYNTAX, "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4},
    {"while x = 1: pass\n", KR_SYNERR_SYNTAX, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 7},
    {"(a.b := 1)\n", KR_SYNERR_SYNTAX, "cannot use assignment expressions with attribute", 1, 2},
    {"x := 1\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 3},
    {"a = 1 if 2\n", KR_SYNERR_SYNTAX, "expected 'else' after 'if' expression", 1, 5},
    {"x = a if b else\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 16},
    {"def f:\n    pass\n", KR_SYNERR_SYNTAX, "expected '('", 1, 6},
    {"def f() x:\n    pass\n", KR_SYNERR_SYNTAX, "expected ':'", 1, 9},
    {"class A x:\n    pass\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 9},
    {"class A\n", KR_SYNERR_SYNTAX, "expected ':'", 1, 8},
    {"for x in y\n", KR_SYNERR_SYNTAX, "expected ':'", 1, 11},
    {"while x\n", KR_SYNERR_SYNTAX, "expected ':'", 1, 8},
    {"try\n", KR_SYNERR_SYNTAX, "expected ':'", 1, 4},
    {"with a as b\n", KR_SYNERR_SYNTAX, "expected ':'", 1, 12},
    {"try:\n    pass\n", KR_SYNERR_SYNTAX, "expected 'except' or 'finally' block", 2, 9},
    {"try:\n    pass\nx = 1\n", KR_SYNERR_SYNTAX, "expected 'except' or 'finally' block", 3, 1},
    {"try:\n    pass\nexcept A, B:\n    pass\n", KR_SYNERR_SYNTAX, "multiple exception types must be parenthesized", 3, 8},
    {"if x:\n    pass\nelse x:\n    pass\n", KR_SYNERR_SYNTAX, "expected ':'", 3, 6},
    {"if x y:\n    pass\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 6},
    {"import\n", KR_SYNERR_SYNTAX, "Expected one or more names after 'import'", 1, 7},
    {"from x import\n", KR_SYNERR_SYNTAX, "Expected one or more names after 'import'", 1, 14},
    {"from x import a,\n", KR_SYNERR_SYNTAX, "trailing comma not allowed without surrounding parentheses", 1, 17},
    {"from import x\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 6},
    {"import a.\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 10},
    {"print 'hello'\n", KR_SYNERR_SYNTAX, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
    {"exec 'code'\n", KR_SYNERR_SYNTAX, "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1},
    {"x = 5 5\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 7},
    {"x = $\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 5},
    {"a not b\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 7},
    {"x = (1,\n]\n", KR_SYNERR_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1},
    {"x = )\n", KR_SYNERR_SYNTAX, "unmatched ')'", 1, 5},
    {"x = [1, 2\n", KR_SYNERR_SYNTAX, "'[' was never closed", 1, 5},
    {"x = 'abc\n", KR_SYNERR_SYNTAX, "unterminated string literal (detected at line 1)", 1, 5},
    {"x = '''abc\n", KR_SYNERR_SYNTAX, "unterminated triple-quoted string literal (detected at line 1)", 1, 5},
    {"x = 0777\n", KR_SYNERR_SYNTAX, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
    {"x = 1_\n", KR_SYNERR_SYNTAX, "invalid decimal literal", 1, 6},
    {"x = 0x\n", KR_SYNERR_SYNTAX, "invalid hexadecimal literal", 1, 6},
    {"x = 1e\n", KR_SYNERR_SYNTAX, "invalid decimal literal", 1, 5},
    {"x = 5abc\n", KR_SYNERR_SYNTAX, "invalid decimal literal", 1, 5},
    {"b'abc' 'def'\n", KR_SYNERR_SYNTAX, "cannot mix bytes and nonbytes literals", 1, 13},
    {"f'{}'\n", KR_SYNERR_SYNTAX, "f-string: valid expression required before '}'", 1, 4},
    {"f'{x!z}'\n", KR_SYNERR_SYNTAX, "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'", 1, 6},
    {"f'{x!}'\n", KR_SYNERR_SYNTAX, "f-string: missing conversion character", 1, 6},
    {"f'{x'\n", KR_SYNERR_SYNTAX, "f-string: expecting '}'", 1, 5},
    {"f'}'\n", KR_SYNERR_SYNTAX, "f-string: single '}' is not allowed", 1, 3},
    {"f'{lambda x: 1}'\n", KR_SYNERR_SYNTAX, "f-string: lambda expressions are not allowed without parentheses", 1, 4},
    {"f'{x:{y:{z:{w}}}}'\n", KR_SYNERR_SYNTAX, "f-string: expressions nested too deeply", 1, 11},
    {"match x:\n    case 1 as 2:\n        pass\n", KR_SYNERR_SYNTAX, "invalid pattern target", 2, 15},
    {"match x:\n    case _ as _:\n        pass\n", KR_SYNERR_SYNTAX, "cannot use '_' as a target", 2, 15},
    {"match x:\n    case a.b(c=1, 2):\n        pass\n", KR_SYNERR_SYNTAX, "positional patterns follow keyword patterns", 2, 19},
    {"match x:\n    case 1j+1:\n        pass\n", KR_SYNERR_SYNTAX, "real number required in complex literal", 2, 10},
    {"match x:\n    case -1-1:\n        pass\n", KR_SYNERR_SYNTAX, "imaginary number required in complex literal", 2, 13},
    {"match x:\n    pass\n", KR_SYNERR_SYNTAX, "invalid syntax", 2, 5},
    {"match x:\n    case 1\n", KR_SYNERR_SYNTAX, "expected ':'", 2, 11},
    {"match x:\ncase 1: pass\n", KR_SYNERR_INDENTATION, "expected an indented block after 'match' statement on line 1", 2, 1},
    {"x = (1 2)\n", KR_SYNERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 6},
    {"x = {1 2}\n", KR_SYNERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 6},
    {"@dec\nx = 1\n", KR_SYNERR_SYNTAX, "invalid syntax", 2, 1},
    {"global x,\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 10},
    {"raise from x\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 7},
    {"del\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 4},
    {"x = 1;;\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 7},
    {";\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 1},
    {"a.1\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 2},
    {"a[]\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 3},
    {"f(**)\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 5},
};

#define N_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

START_TEST(test_statements) { check_tree(&stmt_cases[_i], KR_PARSE_FILE, 0); }
END_TEST
START_TEST(test_expressions) { check_tree(&expr_cases[_i], KR_PARSE_FILE, 0); }
END_TEST
START_TEST(test_fstrings) { check_tree(&fstring_cases[_i], KR_PARSE_FILE, 0); }
END_TEST
START_TEST(test_match) { check_tree(&match_cases[_i], KR_PARSE_FILE, 0); }
END_TEST
START_TEST(test_positions) { check_tree(&position_cases[_i], KR_PARSE_FILE, 1); }
END_TEST
START_TEST(test_eval_mode) { check_tree(&eval_cases[_i], KR_PARSE_EVAL, 0); }
END_TEST
START_TEST(test_single_mode) { check_tree(&single_cases[_i], KR_PARSE_SINGLE, 0); }
END_TEST
START_TEST(test_errors) { check_error(&error_cases[_i]); }
END_TEST

/* ------------------------------------------------------------------------------------------------
 * Krait-specific errors: features Krait rejects on purpose
 */

static const error_case krait_errors[] = {
    /* compile-time errors of CPython that Krait's parser reports so the compiler never sees them */
    {"*a = 1\n", KR_SYNERR_SYNTAX, "starred assignment target must be in a list or tuple", 1, 1},
    {"for *a in b: pass\n", KR_SYNERR_SYNTAX, "starred assignment target must be in a list or tuple", 1, 5},
    {"x = *a\n", KR_SYNERR_SYNTAX, "can't use starred expression here", 1, 5},
    {"*a\n", KR_SYNERR_SYNTAX, "can't use starred expression here", 1, 1},
    {"def f(a, a): pass\n", KR_SYNERR_SYNTAX, "duplicate argument 'a' in function definition", 1, 10},
    {"lambda a, *a: 0\n", KR_SYNERR_SYNTAX, "duplicate argument 'a' in function definition", 1, 12},
    {"try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", KR_SYNERR_SYNTAX, "default 'except:' must be last", 3, 1},
    {"match x:\n    case [*a, *b]: pass\n", KR_SYNERR_SYNTAX, "multiple starred names in sequence pattern", 2, 15},
    {"match x:\n    case f'{y}': pass\n", KR_SYNERR_SYNTAX, "patterns may only match literals and attribute lookups", 2, 10},
    {"match x:\n    case C(a=1, b): pass\n", KR_SYNERR_SYNTAX, "positional patterns follow keyword patterns", 2, 17},
};

START_TEST(test_krait_errors) { check_error(&krait_errors[_i]); }
END_TEST

/* ------------------------------------------------------------------------------------------------
 * The representation the compiler relies on (see vm/ast.h)
 */

START_TEST(test_constants)
{
    kr_ast_arena *a;
    kr_ast_mod *m = parse_ok("0x_FF\n", KR_PARSE_FILE, &a);
    kr_ast_expr *e = first_expr(m);
    ck_assert_int_eq(e->v.Constant.kind, KR_AST_CONST_INT);
    ck_assert_int_eq(e->v.Constant.base, 16);
    ck_assert_str_eq(e->v.Constant.digits, "FF");
    kr_ast_arena_free(a);

    m = parse_ok("1_000_000_000_000_000_000_000\n", KR_PARSE_FILE, &a);
    e = first_expr(m);
    ck_assert_int_eq(e->v.Constant.base, 10);
    ck_assert_str_eq(e->v.Constant.digits, "1000000000000000000000");
    kr_ast_arena_free(a);

    m = parse_ok("0o17 + 0b101\n", KR_PARSE_FILE, &a);
    e = first_expr(m);
    ck_assert_int_eq(e->v.BinOp.left->v.Constant.base, 8);
    ck_assert_str_eq(e->v.BinOp.left->v.Constant.digits, "17");
    ck_assert_int_eq(e->v.BinOp.right->v.Constant.base, 2);
    ck_assert_str_eq(e->v.BinOp.right->v.Constant.digits, "101");
    kr_ast_arena_free(a);

    m = parse_ok("1.5e3\n", KR_PARSE_FILE, &a);
    e = first_expr(m);
    ck_assert_int_eq(e->v.Constant.kind, KR_AST_CONST_FLOAT);
    ck_assert(e->v.Constant.f == 1500.0);
    kr_ast_arena_free(a);

    m = parse_ok("2.5j\n", KR_PARSE_FILE, &a);
    e = first_expr(m);
    ck_assert_int_eq(e->v.Constant.kind, KR_AST_CONST_IMAGINARY);
    ck_assert(e->v.Constant.f == 2.5);
    kr_ast_arena_free(a);

    /* NUL bytes inside, escapes, implicit concatenation into ONE constant */
    m = parse_ok("'a\\0b' \"\\x41\" '\\u00e9'\n", KR_PARSE_FILE, &a);
    e = first_expr(m);
    ck_assert_int_eq(e->v.Constant.kind, KR_AST_CONST_STR);
    ck_assert_uint_eq(e->v.Constant.len, 6);
    ck_assert(memcmp(e->v.Constant.s, "a\0bA\xc3\xa9", 7) == 0);
    kr_ast_arena_free(a);

    /* lone surrogates are WTF-8 */
    m = parse_ok("'\\ud800'\n", KR_PARSE_FILE, &a);
    e = first_expr(m);
    ck_assert_uint_eq(e->v.Constant.len, 3);
    ck_assert(memcmp(e->v.Constant.s, "\xed\xa0\x80", 4) == 0);
    kr_ast_arena_free(a);

    m = parse_ok("b'\\xff' b'a'\n", KR_PARSE_FILE, &a);
    e = first_expr(m);
    ck_assert_int_eq(e->v.Constant.kind, KR_AST_CONST_BYTES);
    ck_assert_uint_eq(e->v.Constant.len, 2);
    ck_assert(memcmp(e->v.Constant.s, "\xff" "a", 3) == 0);
    kr_ast_arena_free(a);

    m = parse_ok("...\n", KR_PARSE_FILE, &a);
    ck_assert_int_eq(first_expr(m)->v.Constant.kind, KR_AST_CONST_ELLIPSIS);
    kr_ast_arena_free(a);
}
END_TEST

START_TEST(test_fstring_representation)
{
    kr_ast_arena *a;
    kr_ast_mod *m = parse_ok("f'a{{' f'{x!r:>{w}}' 'b' f'{y=}'\n", KR_PARSE_FILE, &a);
    kr_ast_expr *j = first_expr(m);
    ck_assert_int_eq(j->kind, KR_AST_EXPR_JOINEDSTR);
    /* 'a{' | {x!r:>{w}} | 'by=' | {y!r} : adjacent constants are merged */
    ck_assert_int_eq(j->v.JoinedStr.n_values, 4);
    ck_assert_int_eq(j->v.JoinedStr.values[0]->kind, KR_AST_EXPR_CONSTANT);
    ck_assert_str_eq(j->v.JoinedStr.values[0]->v.Constant.s, "a{");
    kr_ast_expr *fv = j->v.JoinedStr.values[1];
    ck_assert_int_eq(fv->kind, KR_AST_EXPR_FORMATTEDVALUE);
    ck_assert_int_eq(fv->v.FormattedValue.conversion, 'r');
    kr_ast_expr *spec = fv->v.FormattedValue.format_spec;
    ck_assert_ptr_nonnull(spec);
    ck_assert_int_eq(spec->kind, KR_AST_EXPR_JOINEDSTR);
    ck_assert_int_eq(spec->v.JoinedStr.n_values, 2);
    ck_assert_str_eq(j->v.JoinedStr.values[2]->v.Constant.s, "by=");
    ck_assert_int_eq(j->v.JoinedStr.values[3]->v.FormattedValue.conversion, 'r');
    ck_assert_ptr_null(j->v.JoinedStr.values[3]->v.FormattedValue.format_spec);
    kr_ast_arena_free(a);

    m = parse_ok("f'{x}'\n", KR_PARSE_FILE, &a);
    j = first_expr(m);
    ck_assert_int_eq(j->v.JoinedStr.values[0]->v.FormattedValue.conversion, -1);
    kr_ast_arena_free(a);
}
END_TEST

START_TEST(test_node_fields)
{
    kr_ast_arena *a;
    kr_ast_mod *m = parse_ok("x: int\n(y): int\nz.w: int = 1\n", KR_PARSE_FILE, &a);
    ck_assert_int_eq(m->v.Module.body[0]->v.AnnAssign.simple, 1);
    ck_assert_int_eq(m->v.Module.body[1]->v.AnnAssign.simple, 0);
    ck_assert_int_eq(m->v.Module.body[2]->v.AnnAssign.simple, 0);
    kr_ast_arena_free(a);

    m = parse_ok("from ..a.b import c\nfrom . import d\nfrom ... import e\n", KR_PARSE_FILE, &a);
    ck_assert_str_eq(m->v.Module.body[0]->v.ImportFrom.module, "a.b");
    ck_assert_int_eq(m->v.Module.body[0]->v.ImportFrom.level, 2);
    ck_assert_ptr_null(m->v.Module.body[1]->v.ImportFrom.module);
    ck_assert_int_eq(m->v.Module.body[1]->v.ImportFrom.level, 1);
    ck_assert_int_eq(m->v.Module.body[2]->v.ImportFrom.level, 3);
    kr_ast_arena_free(a);

    m = parse_ok("def f(a, b=1, *, c, d=2): pass\n", KR_PARSE_FILE, &a);
    kr_ast_arguments *args = m->v.Module.body[0]->v.FunctionDef.args;
    ck_assert_int_eq(args->n_args, 2);
    ck_assert_int_eq(args->n_defaults, 1);
    ck_assert_int_eq(args->n_kwonlyargs, 2);
    ck_assert_ptr_null(args->kw_defaults[0]);
    ck_assert_ptr_nonnull(args->kw_defaults[1]);
    kr_ast_arena_free(a);

    m = parse_ok("lambda: 0\n", KR_PARSE_FILE, &a);
    ck_assert_ptr_nonnull(first_expr(m)->v.Lambda.args);
    kr_ast_arena_free(a);

    m = parse_ok("match x:\n    case _:\n        pass\n    case y:\n        pass\n    case [*_]:\n        pass\n",
                 KR_PARSE_FILE, &a);
    kr_ast_match_case **cases = m->v.Module.body[0]->v.Match.cases;
    ck_assert_ptr_null(cases[0]->pattern->v.MatchAs.name);
    ck_assert_ptr_null(cases[0]->pattern->v.MatchAs.pattern);
    ck_assert_str_eq(cases[1]->pattern->v.MatchAs.name, "y");
    ck_assert_ptr_null(cases[2]->pattern->v.MatchSequence.patterns[0]->v.MatchStar.name);
    /* match_case spans its source text */
    ck_assert_int_eq(cases[0]->lineno, 2);
    ck_assert_int_eq(cases[0]->col_offset, 4);
    ck_assert_int_eq(cases[0]->end_lineno, 3);
    ck_assert_int_eq(cases[0]->end_col_offset, 12);
    kr_ast_arena_free(a);
}
END_TEST

/* ------------------------------------------------------------------------------------------------
 * Error details
 */

START_TEST(test_error_text_and_kinds)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    kr_syntax_error err;
    const char *src = "x = 1\ny = = 2\n";
    ck_assert_ptr_null(kr_parse(arena, src, strlen(src), "f", KR_PARSE_FILE, &err));
    ck_assert_int_eq(err.kind, KR_SYNERR_SYNTAX);
    ck_assert_int_eq(err.lineno, 2);
    ck_assert_int_eq(err.col_offset, 5);
    ck_assert_ptr_nonnull(err.text);
    ck_assert_str_eq(err.text, "y = = 2");
    kr_ast_arena_free(arena);

    parse_error("if x:\n\tpass\n        pass\n", KR_PARSE_FILE, &err);
    ck_assert_int_eq(err.kind, KR_SYNERR_TAB);
    parse_error("x = '\\N{NO SUCH NAME}'\n", KR_PARSE_FILE, &err);
    ck_assert(strstr(err.msg, "unknown Unicode character name") != NULL);
}
END_TEST

START_TEST(test_bad_bytes)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    kr_syntax_error err;
    ck_assert_ptr_null(kr_parse(arena, "x = 1\0\n", 7, "f", KR_PARSE_FILE, &err));
    ck_assert_str_eq(err.msg, "source code cannot contain null bytes");
    ck_assert_ptr_null(kr_parse(arena, "x = '\xff'\n", 9, "f", KR_PARSE_FILE, &err));
    ck_assert(strstr(err.msg, "can't decode byte 0xff") != NULL);
    /* a BOM, \r\n and lone \r line ends are accepted */
    const char *ok = "\xef\xbb\xbfx = 1\r\ny = 2\rz = 3";
    kr_ast_mod *m = kr_parse(arena, ok, strlen(ok), "f", KR_PARSE_FILE, &err);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->v.Module.n_body, 3);
    ck_assert_int_eq(m->v.Module.body[2]->lineno, 3);
    /* empty and comment-only modules */
    m = kr_parse(arena, "", 0, "f", KR_PARSE_FILE, &err);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->v.Module.n_body, 0);
    m = kr_parse(arena, NULL, 0, "f", KR_PARSE_FILE, &err);
    ck_assert_ptr_nonnull(m);
    m = kr_parse(arena, "# only\n\n   \n", 12, "f", KR_PARSE_FILE, &err);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->v.Module.n_body, 0);
    /* eval mode rejects statements */
    ck_assert_ptr_null(kr_parse(arena, "x = 1", 5, "f", KR_PARSE_EVAL, &err));
    ck_assert_ptr_null(kr_parse(arena, "*a", 2, "f", KR_PARSE_EVAL, &err));
    kr_ast_arena_free(arena);
}
END_TEST

/* ------------------------------------------------------------------------------------------------
 * Nesting limits: clean errors, never a crashed stack
 */

static char *repeat(const char *pre, int n, const char *mid, const char *post, int m)
{
    size_t lp = strlen(pre), lm = strlen(mid), lq = strlen(post);
    char *s = malloc(lp * (size_t)n + lm + lq * (size_t)m + 1);
    char *q = s;
    for (int i = 0; i < n; i++, q += lp)
        memcpy(q, pre, lp);
    memcpy(q, mid, lm);
    q += lm;
    for (int i = 0; i < m; i++, q += lq)
        memcpy(q, post, lq);
    *q = '\0';
    return s;
}

static int parse_status(const char *src, int *kind)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    kr_syntax_error err;
    kr_ast_mod *m = kr_parse(arena, src, strlen(src), "f", KR_PARSE_FILE, &err);
    *kind = m ? 0 : err.kind;
    if (!m)
        ck_assert_int_ne(err.kind, 0);
    kr_ast_arena_free(arena);
    return m != NULL;
}

START_TEST(test_nesting_limits)
{
    int kind;
    char *s = repeat("(", 199, "1", ")", 199);
    ck_assert(parse_status(s, &kind));
    free(s);
    s = repeat("(", 201, "1", ")", 201);
    ck_assert(!parse_status(s, &kind));
    ck_assert_int_eq(kind, KR_SYNERR_SYNTAX); /* too many nested parentheses */
    free(s);
    s = repeat("-", 100000, "1", "", 0);
    ck_assert(!parse_status(s, &kind));
    ck_assert_int_eq(kind, KR_SYNERR_RECURSION);
    free(s);
    s = repeat("not ", 100000, "1", "", 0);
    ck_assert(!parse_status(s, &kind));
    ck_assert_int_eq(kind, KR_SYNERR_RECURSION);
    free(s);
    s = repeat("lambda: ", 50000, "1", "", 0);
    ck_assert(!parse_status(s, &kind));
    free(s);
    s = repeat("a**", 100000, "1", "", 0);
    ck_assert(!parse_status(s, &kind));
    free(s);
    s = repeat("1+", 100000, "1", "", 0);
    ck_assert(!parse_status(s, &kind));
    ck_assert_int_eq(kind, KR_SYNERR_RECURSION);
    free(s);
    s = repeat("1+", 1000, "1", "", 0);
    ck_assert(parse_status(s, &kind));
    free(s);
    s = repeat("x", 1, "", ".a", 100000);
    ck_assert(!parse_status(s, &kind));
    free(s);
    s = repeat("x", 1, "", "()", 100000);
    ck_assert(!parse_status(s, &kind));
    free(s);
    /* the expression height limit applies everywhere, not only at module level */
    s = repeat("def f():\n    return x", 1, "", ".a", 100000);
    ck_assert(!parse_status(s, &kind));
    ck_assert_int_eq(kind, KR_SYNERR_RECURSION);
    free(s);
    s = repeat("y = 1, *x", 1, "", ".a", 100000);
    ck_assert(!parse_status(s, &kind));
    ck_assert_int_eq(kind, KR_SYNERR_RECURSION);
    free(s);
    s = repeat("with a as x", 1, "", ".a", 100000);
    ck_assert(!parse_status(s, &kind));
    ck_assert_int_eq(kind, KR_SYNERR_RECURSION);
    free(s);
    s = repeat("match x:\n case a", 1, "", ".a", 100000);
    ck_assert(!parse_status(s, &kind));
    ck_assert_int_eq(kind, KR_SYNERR_RECURSION);
    free(s);
    s = repeat("[", 150, "", "]", 150);
    ck_assert(parse_status(s, &kind));
    free(s);
    s = repeat("f'{", 100, "x", "}'", 100);
    ck_assert(parse_status(s, &kind));
    free(s);
    s = repeat("f'{", 200, "x", "}'", 200);
    ck_assert(!parse_status(s, &kind));
    free(s);
    /* 99 nested blocks are fine, the tokenizer stops at 100 */
    char *blocks = malloc(100 * 110 + 16), *q = blocks;
    for (int i = 0; i < 99; i++) {
        memset(q, ' ', (size_t)i);
        q += i;
        q += sprintf(q, "if x:\n");
    }
    memset(q, ' ', 99);
    q += 99;
    strcpy(q, "pass\n");
    ck_assert(parse_status(blocks, &kind));
    free(blocks);
}
END_TEST

/* ------------------------------------------------------------------------------------------------
 * Robustness: every prefix and many mutations of a program parse or fail cleanly
 */

static const char *sample =
    "import os, sys as system\n"
    "from .mod import (a, b as c,)\n"
    "@decorator(1)\n"
    "class A(Base, metaclass=M):\n"
    "    '''doc'''\n"
    "    x: int = 1\n"
    "    def f(self, a, /, b=2, *args, c, **kw) -> None:\n"
    "        global g\n"
    "        for i, (j, *k) in enumerate(args):\n"
    "            if i % 2 == 0 and not j or k is not None:\n"
    "                continue\n"
    "            elif (n := len(k)) > 3:\n"
    "                break\n"
    "        else:\n"
    "            pass\n"
    "        while True:\n"
    "            try:\n"
    "                y = yield from gen()\n"
    "            except (E1, E2) as e:\n"
    "                raise ValueError(f'bad {e!r:>{w}} {y=}') from e\n"
    "            finally:\n"
    "                del self.x[1:2, ::3]\n"
    "        with open(p) as fh, (q) as (r, s):\n"
    "            return [z ** -2 for z in fh if z] + {k: v for k, v in kw.items()}\n"
    "        match command.split():\n"
    "            case [\"go\", direction] | {\"dir\": direction, **rest}:\n"
    "                lam = lambda *a, **k: (a, k)\n"
    "            case Point(x=0, y=-1.5 | 2j) as pt if pt:\n"
    "                assert pt, \"msg\" 'cat' f'x' is None\n"
    "            case _:\n"
    "                x = a if b else c; y += 1 << 2 | ~3\n";

START_TEST(test_prefixes)
{
    size_t n = strlen(sample);
    for (size_t cut = 0; cut <= n; cut++) {
        char *got = parse_dump(sample, cut, KR_PARSE_FILE, 1);
        free(got);
        (void)kr_parse_is_incomplete(sample, cut);
    }
    char *full = parse_dump(sample, n, KR_PARSE_FILE, 0);
    ck_assert_msg(strncmp(full, "Module(", 7) == 0, "%s", full);
    free(full);
}
END_TEST

START_TEST(test_mutations)
{
    static const char *frags[] = {"(", ")", "[", "]", "{", "}", ":", ",", "\n", "    ", "\t", "'", "\"", "\"\"\"",
                                  "f'", "{x", "}", "lambda", "if", "else", "*", "**", "=", ":=", "match", "case",
                                  "\\\n", "#", "yield", "@", "...", ".", "-", "\xff", "\xc3", "def", "!r", "=}"};
    size_t n = strlen(sample);
    char *buf = malloc(n + 64);
    uint32_t seed = 12345;
    for (int it = 0; it < 3000; it++) {
        memcpy(buf, sample, n);
        size_t len = n;
        for (int k = 0; k < 3; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % (len + 1);
            seed = seed * 1103515245u + 12345u;
            switch ((seed >> 16) % 3) {
            case 0:
                if (len)
                    buf[at % len] = (char)(seed >> 24);
                break;
            case 1: {
                size_t del = (seed >> 20) % 6;
                if (at + del > len)
                    del = len - at;
                memmove(buf + at, buf + at + del, len - at - del);
                len -= del;
                break;
            }
            default: {
                const char *f = frags[(seed >> 20) % (sizeof frags / sizeof *frags)];
                size_t fl = strlen(f);
                if (len + fl <= n + 60) {
                    memmove(buf + at + fl, buf + at, len - at);
                    memcpy(buf + at, f, fl);
                    len += fl;
                }
            }
            }
        }
        char *got = parse_dump(buf, len, it % 3, 1);
        free(got);
        (void)kr_parse_is_incomplete(buf, len);
    }
    free(buf);
}
END_TEST

/* ------------------------------------------------------------------------------------------------
 * The REPL's question
 */

static const struct {
    const char *src;
    int incomplete;
} incomplete_cases[] = {
    {"x = 1", 0},
    {"x = 1\n", 0},
    {"x = (1,", 1},
    {"x = [\n1,\n2", 1},
    {"f(a,\n", 1},
    {"x = '''abc", 1},
    {"x = f'''abc {y}", 1},
    {"x = 1 + \\", 1},
    {"if x:", 1},
    {"if x:\n", 1},
    {"if x:\n    pass", 1},
    {"if x:\n    pass\n", 1},
    {"if x:\n    pass\n\n", 0},
    {"if x:\n    pass\nelse:", 1},
    {"for x in y:\n    if z:", 1},
    {"class A:\n    def f(self):\n", 1},
    {"def f(): pass", 1},
    {"def f(): pass\n\n", 0},
    {"try:\n    pass", 1},
    {"try:\n    pass\n\n", 0}, /* an error: reported by kr_parse */
    {"@dec", 1},
    {"@dec\n", 1},
    {"match x:", 1},
    {"match x:\n    case 1:\n        pass\n", 1},
    {"match x:\n    case 1:\n        pass\n\n", 0},
    {"x = ", 0},
    {"x = )", 0},
    {"if x\n", 0},
    {"'abc", 0},
    {"f'{x", 0},
    {"", 0},
    {"\n", 0},
    {"x = 1; y = 2", 0},
};

START_TEST(test_incomplete)
{
    const char *s = incomplete_cases[_i].src;
    ck_assert_msg(kr_parse_is_incomplete(s, strlen(s)) == incomplete_cases[_i].incomplete,
                  "kr_parse_is_incomplete(<%s>) should be %d", s, incomplete_cases[_i].incomplete);
}
END_TEST

/* ------------------------------------------------------------------------------------------------ */

static Suite *parser_suite(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("grammar");
    tcase_add_loop_test(tc, test_statements, 0, N_OF(stmt_cases));
    tcase_add_loop_test(tc, test_expressions, 0, N_OF(expr_cases));
    tcase_add_loop_test(tc, test_fstrings, 0, N_OF(fstring_cases));
    tcase_add_loop_test(tc, test_match, 0, N_OF(match_cases));
    tcase_add_loop_test(tc, test_eval_mode, 0, N_OF(eval_cases));
    tcase_add_loop_test(tc, test_single_mode, 0, N_OF(single_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("positions");
    tcase_add_loop_test(tc, test_positions, 0, N_OF(position_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("representation");
    tcase_add_test(tc, test_constants);
    tcase_add_test(tc, test_fstring_representation);
    tcase_add_test(tc, test_node_fields);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors, 0, N_OF(error_cases));
    tcase_add_loop_test(tc, test_krait_errors, 0, N_OF(krait_errors));
    tcase_add_test(tc, test_error_text_and_kinds);
    tcase_add_test(tc, test_bad_bytes);
    suite_add_tcase(s, tc);

    tc = tcase_create("robustness");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_nesting_limits);
    tcase_add_test(tc, test_prefixes);
    tcase_add_test(tc, test_mutations);
    suite_add_tcase(s, tc);

    tc = tcase_create("repl");
    tcase_add_loop_test(tc, test_incomplete, 0, N_OF(incomplete_cases));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(parser_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
