import ast

# literal_eval, including the error cases
for s in ["42", "-3.5", "+7", "1+2j", "-1-2j", "'x' 'y'", "b'ab'", "(1, [2, {3: 'a'}], {4, 5})", "set()",
          "None", "True", "...", "  [1, 2]", "{'a': -1, 'b': (None,)}", "10**100" , "2 ** 3"]:
    try:
        print(repr(s), "->", repr(ast.literal_eval(s)))
    except ValueError as e:
        print(repr(s), "ValueError", str(e).split(": <")[0])
for s in ["x", "f(1)", "1 + x", "[a]", "{**d}", "1 + 2", "'a' + 'b'", "-'a'", "set([1])", "1 +"]:
    try:
        print(repr(s), "->", ast.literal_eval(s))
    except ValueError as e:
        print(repr(s), "ValueError", str(e).split(": <")[0], str(e).endswith(">"))
    except SyntaxError as e:
        print(repr(s), "SyntaxError", e.msg)
print(ast.literal_eval(ast.parse("(1, 2)", mode="eval")))
print(ast.literal_eval(ast.Constant(value=5)))

# walk / iter_fields / iter_child_nodes
tree = ast.parse("def f(a, b=1):\n    return a + b * 2\nx = f(3)\n")
print([type(n).__name__ for n in ast.walk(tree)])
print([(k, type(v).__name__) for k, v in ast.iter_fields(tree.body[0])])
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[0].body[0].value)])

# NodeVisitor
class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []
    def visit_Name(self, node):
        self.seen.append((node.id, type(node.ctx).__name__))
    def visit_Constant(self, node):
        self.seen.append(("const", node.value))
v = Names()
v.visit(tree)
print(v.seen)

# NodeTransformer: constant folding of + on ints, dropping pass statements, expanding a statement
class Fold(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if (isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant)
                and isinstance(node.right, ast.Constant)):
            return ast.copy_location(ast.Constant(node.left.value + node.right.value), node)
        return node
    def visit_Pass(self, node):
        return None
    def visit_Expr(self, node):
        self.generic_visit(node)
        return [node, ast.Expr(ast.Constant("extra"))]
t2 = ast.parse("y = 1 + 2 + 3\npass\nprint(y + 4)\nif y:\n    pass\n    z = 2 + 2\n")
t2 = ast.fix_missing_locations(Fold().visit(t2))
print(ast.unparse(t2))
print(ast.dump(t2.body[0], include_attributes=True))
ns = {}
exec(compile(t2, "<tree>", "exec"), ns)
print(ns["y"], ns["z"])
print(eval(compile(ast.parse("y * 2", mode="eval"), "<e>", "eval"), ns))
print(type(compile("a + 1", "<s>", "eval", ast.PyCF_ONLY_AST)).__name__)
try:
    compile(ast.parse("1", mode="eval"), "<x>", "exec")
except TypeError as e:
    print("TypeError", e)
try:
    compile(3.5, "<x>", "exec")
except TypeError as e:
    print("TypeError", e)

# increment_lineno, copy_location, get_docstring, get_source_segment
t3 = ast.parse('"""Doc\n   indented."""\ndef g():\n    """  g doc  """\n    return {\n        1: 2}\n')
print(repr(ast.get_docstring(t3)), repr(ast.get_docstring(t3, clean=False)))
print(repr(ast.get_docstring(t3.body[1])))
src = '"""Doc\n   indented."""\ndef g():\n    """  g doc  """\n    return {\n        1: 2}\n'
ret = t3.body[1].body[1]
print(repr(ast.get_source_segment(src, ret)))
print(repr(ast.get_source_segment(src, ret.value, padded=True)))
print(repr(ast.get_source_segment("x = 'héllo' + y", ast.parse("x = 'héllo' + y").body[0].value.right)))
ast.increment_lineno(t3, 10)
print(t3.body[1].lineno, t3.body[1].end_lineno, ret.value.keys[0].lineno)
try:
    ast.get_docstring(ast.parse("1").body[0])
except TypeError as e:
    print("TypeError", e)

# constructing nodes by hand
n = ast.BinOp(ast.Constant(1), ast.Mult(), right=ast.Name("x"))
print(ast.dump(n), ast.unparse(n))
print(ast.Name("y").ctx.__class__.__name__, ast.Call(ast.Name("f")).args, ast.Return().value)
print(ast.Name._fields, ast.BinOp._fields, ast.expr._attributes, ast.Constant._fields)
print(isinstance(n, ast.expr), isinstance(n, ast.AST), issubclass(ast.Add, ast.operator))
match n:
    case ast.BinOp(ast.Constant(v), ast.Mult()):
        print("matched", v)

# unparse precedence corners
for s in ["(a + b) * c", "a + (b * c)", "-(a ** b)", "(-a) ** b", "a ** -b", "(a, b)[0]", "not (a and b)",
          "(lambda: 1)()", "(yield x)", "x = (yield)", "f(*a, **k)", "a[1:2, 3]", "(a if b else c) + 1",
          "[*a, *b]", "{**a, 'k': 1}", "(x := 5) + 1", "1 .real", "a < b < c", "(a < b) < c", "a if (b if c else d) else e",
          "del a, (b, c)", "for (a, b) in c: pass", "print(f'{x!r} {y:{w}.{p}f} {{lit}}')", "x = f'{a}' f\"'\"",
          "async def f():\n    await (a + b)", "class A(B, **k): pass", "raise E from None", "t = ()", "t = (1,)",
          "with (a as b, c): pass", "from . import (a as b)", "global a, b", "lambda *, k=1: k",
          "def f(a, /, b, *, c): pass", "x: 'int' = 1", "assert (a, b)", "s = {()}", "s = {*()}"]:
    try:
        print(repr(ast.unparse(ast.parse(s))))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
