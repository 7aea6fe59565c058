import ast

# parse -> unparse -> parse gives the same tree, and unparse is stable (a fixed point after one round),
# on real modules of Krait's own library
for path in ["stdlib/lib/textwrap.py", "stdlib/lib/colorsys.py"]:
    with open(path, encoding="utf-8") as f:
        src = f.read()
    tree = ast.parse(src, path)
    text = ast.unparse(tree)
    again = ast.parse(text)
    print(path, ast.dump(again) == ast.dump(tree), ast.unparse(again) == text)

# a transformed tree compiles and runs: rename every local `n` to `m` and double each int constant
src = """
def tri(n):
    total = 0
    for i in range(n + 1):
        total += i
    return total
result = [tri(k) for k in range(5)]
"""
class Rewrite(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "n":
            return ast.copy_location(ast.Name("m", node.ctx), node)
        return node
    def visit_arg(self, node):
        if node.arg == "n":
            node.arg = "m"
        return node
    def visit_Constant(self, node):
        if type(node.value) is int:
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
tree = ast.fix_missing_locations(Rewrite().visit(ast.parse(src)))
print(ast.unparse(tree))
ns = {}
exec(compile(tree, "<rewritten>", "exec"), ns)
print(ns["result"])
# big ints, negative numbers and floats survive the trip through the tree
for s in ["2 ** 100 - 1", "-5 // 3", "123456789012345678901234567890 * -1", "1e300 * 10", "0.1 + 0.2", "-(-3)", "(1, -2.5, 3j)"]:
    print(s, "=", eval(compile(ast.parse(s, mode="eval"), "<e>", "eval")))
