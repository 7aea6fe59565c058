"""Abstract syntax trees (Krait): the node classes of CPython 3.13's `ast`, built from Krait's own parser
by the C module `_ast` (stdlib/astmodule.c), plus the helper functions.

Differences from CPython: `type_comments=True` and `feature_version` are not supported (NotImplementedError);
Constant.kind is always None (the parser does not keep the `u` prefix); compile() of a tree goes through
unparse(), so code objects made from a tree report the unparsed text's line numbers."""

import _ast
from _ast import PyCF_ONLY_AST, PyCF_TYPE_COMMENTS, PyCF_ALLOW_TOP_LEVEL_AWAIT, PyCF_OPTIMIZED_AST

__all__ = [
    "AST", "parse", "dump", "literal_eval", "walk", "iter_fields", "iter_child_nodes", "NodeVisitor",
    "NodeTransformer", "fix_missing_locations", "copy_location", "increment_lineno", "get_docstring",
    "get_source_segment", "unparse",
]


class AST:
    _fields = ()
    _attributes = ()
    _field_types = {}
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        cls = type(self)
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__} constructor takes at most {len(fields)} positional argument"
                            f"{'' if len(fields) == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            if name in fields[:len(args)]:
                raise TypeError(f"{cls.__name__} got multiple values for argument {name!r}")
            setattr(self, name, value)
        # Fields left out get their ASDL default: [] for a sequence, None for an optional, Load() for ctx.
        for name in fields[len(args):]:
            if name in kwargs:
                continue
            kind = cls._kinds.get(name, "")
            if kind == "*":
                setattr(self, name, [])
            elif kind == "?":
                setattr(self, name, None)
            elif name == "ctx":
                setattr(self, name, Load())

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)

    def __replace__(self, **kwargs):
        d = {n: getattr(self, n) for n in self._fields + self._attributes if hasattr(self, n)}
        d.update(kwargs)
        return type(self)(**d)


# One line per class: "Name(Base): field field? field* ...", where ? marks an optional field (default None)
# and * a list. Bases with positions are listed in _POSITIONED.
_SPEC = """
mod(AST):
Module(mod): body* type_ignores*
Interactive(mod): body*
Expression(mod): body
FunctionType(mod): argtypes* returns
stmt(AST):
FunctionDef(stmt): name args body* decorator_list* returns? type_comment? type_params*
AsyncFunctionDef(stmt): name args body* decorator_list* returns? type_comment? type_params*
ClassDef(stmt): name bases* keywords* body* decorator_list* type_params*
Return(stmt): value?
Delete(stmt): targets*
Assign(stmt): targets* value type_comment?
TypeAlias(stmt): name type_params* value
AugAssign(stmt): target op value
AnnAssign(stmt): target annotation value? simple
For(stmt): target iter body* orelse* type_comment?
AsyncFor(stmt): target iter body* orelse* type_comment?
While(stmt): test body* orelse*
If(stmt): test body* orelse*
With(stmt): items* body* type_comment?
AsyncWith(stmt): items* body* type_comment?
Match(stmt): subject cases*
Raise(stmt): exc? cause?
Try(stmt): body* handlers* orelse* finalbody*
TryStar(stmt): body* handlers* orelse* finalbody*
Assert(stmt): test msg?
Import(stmt): names*
ImportFrom(stmt): module? names* level?
Global(stmt): names*
Nonlocal(stmt): names*
Expr(stmt): value
Pass(stmt):
Break(stmt):
Continue(stmt):
expr(AST):
BoolOp(expr): op values*
NamedExpr(expr): target value
BinOp(expr): left op right
UnaryOp(expr): op operand
Lambda(expr): args body
IfExp(expr): test body orelse
Dict(expr): keys* values*
Set(expr): elts*
ListComp(expr): elt generators*
SetComp(expr): elt generators*
DictComp(expr): key value generators*
GeneratorExp(expr): elt generators*
Await(expr): value
Yield(expr): value?
YieldFrom(expr): value
Compare(expr): left ops* comparators*
Call(expr): func args* keywords*
FormattedValue(expr): value conversion format_spec?
JoinedStr(expr): values*
Constant(expr): value kind?
Attribute(expr): value attr ctx
Subscript(expr): value slice ctx
Starred(expr): value ctx
Name(expr): id ctx
List(expr): elts* ctx
Tuple(expr): elts* ctx
Slice(expr): lower? upper? step?
expr_context(AST):
Load(expr_context):
Store(expr_context):
Del(expr_context):
boolop(AST):
And(boolop):
Or(boolop):
operator(AST):
Add(operator):
Sub(operator):
Mult(operator):
MatMult(operator):
Div(operator):
Mod(operator):
Pow(operator):
LShift(operator):
RShift(operator):
BitOr(operator):
BitXor(operator):
BitAnd(operator):
FloorDiv(operator):
unaryop(AST):
Invert(unaryop):
Not(unaryop):
UAdd(unaryop):
USub(unaryop):
cmpop(AST):
Eq(cmpop):
NotEq(cmpop):
Lt(cmpop):
LtE(cmpop):
Gt(cmpop):
GtE(cmpop):
Is(cmpop):
IsNot(cmpop):
In(cmpop):
NotIn(cmpop):
comprehension(AST): target iter ifs* is_async
excepthandler(AST):
ExceptHandler(excepthandler): type? name? body*
arguments(AST): posonlyargs* args* vararg? kwonlyargs* kw_defaults* kwarg? defaults*
arg(AST): arg annotation? type_comment?
keyword(AST): arg? value
alias(AST): name asname?
withitem(AST): context_expr optional_vars?
match_case(AST): pattern guard? body*
pattern(AST):
MatchValue(pattern): value
MatchSingleton(pattern): value
MatchSequence(pattern): patterns*
MatchMapping(pattern): keys* patterns* rest?
MatchClass(pattern): cls patterns* kwd_attrs* kwd_patterns*
MatchStar(pattern): name?
MatchAs(pattern): pattern? name?
MatchOr(pattern): patterns*
type_ignore(AST):
TypeIgnore(type_ignore): lineno tag
type_param(AST):
TypeVar(type_param): name bound? default_value?
ParamSpec(type_param): name default_value?
TypeVarTuple(type_param): name default_value?
"""

_POSITIONED = ("stmt", "expr", "excepthandler", "arg", "keyword", "alias", "pattern", "type_param")


def _build_classes(spec, namespace):
    for line in spec.strip().splitlines():
        head, _, rest = line.partition(":")
        name, _, base = head.partition("(")
        base = namespace[base.rstrip(")")]
        kinds = {}
        fields = []
        for f in rest.split():
            if f[-1] in "?*":
                kinds[f[:-1]] = f[-1]
                f = f[:-1]
            fields.append(f)
        body = {"_fields": tuple(fields), "_kinds": kinds, "__match_args__": tuple(fields), "__module__": "ast"}
        if name in _POSITIONED:
            body["_attributes"] = ("lineno", "col_offset", "end_lineno", "end_col_offset")
            body["end_lineno"] = None
            body["end_col_offset"] = None
        for f, k in kinds.items():
            if k == "?":
                body[f] = None  # class attribute: an absent optional field reads as None (dump omits it)
        namespace[name] = type(name, (base,), body)


AST._kinds = {}
_build_classes(_SPEC, globals())
del _build_classes

# ExceptHandler's positions come from excepthandler; patterns' positions are required in CPython.

_SINGLETONS = {}


def _make(name, fields, lineno, col_offset, end_lineno, end_col_offset):
    # Called by _ast.parse for every node, children first (see stdlib/astmodule.c).
    cls = globals()[name]
    if not cls._fields and lineno < 0:
        node = _SINGLETONS.get(name)
        if node is None:
            node = _SINGLETONS[name] = cls()
        return node
    node = cls.__new__(cls)
    for f, v in zip(cls._fields, fields):
        setattr(node, f, v)
    if lineno >= 0:
        node.lineno = lineno
        node.col_offset = col_offset
        node.end_lineno = end_lineno
        node.end_col_offset = end_col_offset
    return node


_MODES = {"exec": 0, "eval": 1, "single": 2}


def parse(source, filename="<unknown>", mode="exec", *, type_comments=False, feature_version=None, optimize=-1):
    if type_comments:
        raise NotImplementedError("ast.parse(type_comments=True) is not supported by Krait: its parser drops comments")
    if feature_version is not None:
        raise NotImplementedError("ast.parse(feature_version=...) is not supported by Krait")
    if mode == "func_type":
        raise NotImplementedError("ast.parse(mode='func_type') is not supported by Krait")
    if mode not in _MODES:
        raise ValueError("compile() mode must be 'exec', 'eval' or 'single'")
    if isinstance(source, AST):
        return source
    if isinstance(source, (bytearray, memoryview)):
        source = bytes(source)
    if hasattr(filename, "__fspath__"):
        filename = filename.__fspath__()
    if isinstance(filename, bytes):
        filename = filename.decode()
    return _ast.parse(source, filename, _MODES[mode], _make)


def _compile_tree(tree, filename, mode, flags=0, dont_inherit=False, optimize=-1):
    """compile() of an AST object (called by the builtin): the tree is turned back into source."""
    if not isinstance(tree, AST):
        raise TypeError("compile() arg 1 must be a string, bytes or AST object")
    expected = {"exec": Module, "eval": Expression, "single": Interactive}.get(mode)
    if expected is None:
        raise ValueError("compile() mode must be 'exec', 'eval' or 'single'")
    if not isinstance(tree, expected):
        raise TypeError(f"expected {expected.__name__} node, got {type(tree).__name__}")
    if flags & PyCF_ONLY_AST:
        return tree
    if mode == "single":
        source = "\n".join(unparse(s) for s in tree.body) + "\n"
    else:
        source = unparse(tree)
    return compile(source, filename, mode, flags & ~PyCF_ONLY_AST, dont_inherit, optimize)


def literal_eval(node_or_string):
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string.lstrip(" \t"), mode="eval")
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def bad(node):
        msg = "malformed node or string"
        lineno = getattr(node, "lineno", None)
        if lineno:
            msg += f" on line {lineno}"
        raise ValueError(msg + f": {node!r}")

    def number(node):
        if isinstance(node, Constant) and type(node.value) in (int, float, complex):
            return node.value
        bad(node)

    def signed(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            v = number(node.operand)
            return +v if isinstance(node.op, UAdd) else -v
        return number(node)

    def conv(node):
        if isinstance(node, Constant):
            return node.value
        if isinstance(node, Tuple):
            return tuple(conv(e) for e in node.elts)
        if isinstance(node, List):
            return [conv(e) for e in node.elts]
        if isinstance(node, Set):
            return {conv(e) for e in node.elts}
        if (isinstance(node, Call) and isinstance(node.func, Name) and node.func.id == "set"
                and node.args == node.keywords == []):
            return set()
        if isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                bad(node)
            return {conv(k): conv(v) for k, v in zip(node.keys, node.values)}
        if isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
            left = signed(node.left)
            right = number(node.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                return left + right if isinstance(node.op, Add) else left - right
            bad(node)
        return signed(node)

    return conv(node_or_string)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None, show_empty=False):
    if indent is not None and not isinstance(indent, str):
        indent = " " * indent

    def fmt(node, level):
        if indent is not None:
            level += 1
            first = "\n" + indent * level
            between = ",\n" + indent * level
        else:
            first = ""
            between = ", "
        if isinstance(node, AST):
            cls = type(node)
            parts = []
            simple = True
            named = annotate_fields
            skipped = []  # empty values left out; printed only if a later field is given by position
            for name in node._fields:
                if not hasattr(node, name):
                    named = True  # a gap: later fields must be named
                    continue
                value = getattr(node, name)
                if value is None and getattr(cls, name, ...) is None:
                    named = True
                    continue
                if (not show_empty and (value is None or value == [])
                        and not isinstance(node, (Constant, MatchSingleton))):
                    skipped.append(repr(value))
                    continue
                if not named:
                    parts.extend(skipped)
                    skipped = []
                text, s = fmt(value, level)
                simple = simple and s
                parts.append(f"{name}={text}" if named else text)
            if include_attributes:
                for name in node._attributes:
                    if not hasattr(node, name):
                        continue
                    value = getattr(node, name)
                    if value is None and getattr(cls, name, ...) is None:
                        continue
                    text, s = fmt(value, level)
                    simple = simple and s
                    parts.append(f"{name}={text}")
            if simple and len(parts) <= 3:
                return f"{cls.__name__}({', '.join(parts)})", not parts
            return f"{cls.__name__}({first}{between.join(parts)})", False
        if isinstance(node, list):
            if not node:
                return "[]", True
            return "[" + first + between.join(fmt(x, level)[0] for x in node) + "]", False
        return repr(node), True

    if not isinstance(node, AST):
        raise TypeError(f"expected AST, got {type(node).__name__!r}")
    return fmt(node, 0)[0]


def copy_location(new_node, old_node):
    for attr in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            if value is not None or (hasattr(old_node, attr) and attr.startswith("end_")):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    def fix(node, lineno, col_offset, end_lineno, end_col_offset):
        if "lineno" in node._attributes:
            if not hasattr(node, "lineno"):
                node.lineno = lineno
            else:
                lineno = node.lineno
        if "end_lineno" in node._attributes:
            if getattr(node, "end_lineno", None) is None:
                node.end_lineno = end_lineno
            else:
                end_lineno = node.end_lineno
        if "col_offset" in node._attributes:
            if not hasattr(node, "col_offset"):
                node.col_offset = col_offset
            else:
                col_offset = node.col_offset
        if "end_col_offset" in node._attributes:
            if getattr(node, "end_col_offset", None) is None:
                node.end_col_offset = end_col_offset
            else:
                end_col_offset = node.end_col_offset
        for child in iter_child_nodes(node):
            fix(child, lineno, col_offset, end_lineno, end_col_offset)
    fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    for child in walk(node):
        if isinstance(child, match_case):
            continue  # no positions of its own
        if "lineno" in child._attributes:
            child.lineno = getattr(child, "lineno", 0) + n
        if "end_lineno" in child._attributes and getattr(child, "end_lineno", None) is not None:
            child.end_lineno = child.end_lineno + n
    return node


def iter_fields(node):
    for field in node._fields:
        try:
            yield field, getattr(node, field)
        except AttributeError:
            pass


def iter_child_nodes(node):
    for _, value in iter_fields(node):
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def get_docstring(node, clean=True):
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError(f"{node.__class__.__name__!r} can't have docstrings")
    if not node.body or not isinstance(node.body[0], Expr):
        return None
    value = node.body[0].value
    if not (isinstance(value, Constant) and isinstance(value.value, str)):
        return None
    text = value.value
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


def _split_lines_keep_ends(source):
    lines = []
    start = 0
    i = 0
    n = len(source)
    while i < n:
        c = source[i]
        if c == "\r":
            end = i + 2 if i + 1 < n and source[i + 1] == "\n" else i + 1
            lines.append(source[start:end])
            start = i = end
            continue
        if c in "\n\f":
            if c == "\n":
                lines.append(source[start:i + 1])
                start = i + 1
        i += 1
    if start < n:
        lines.append(source[start:])
    return lines


def get_source_segment(source, node, *, padded=False):
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        lineno = node.lineno - 1
        end_lineno = node.end_lineno - 1
        col_offset = node.col_offset
        end_col_offset = node.end_col_offset
    except AttributeError:
        return None
    lines = _split_lines_keep_ends(source)
    if end_lineno == lineno:
        return lines[lineno].encode()[col_offset:end_col_offset].decode()
    if padded:
        first_prefix = lines[lineno].encode()[:col_offset].decode()
        padding = "".join(" " if c != "\t" and c != "\f" else c for c in first_prefix)
    else:
        padding = ""
    first = padding + lines[lineno].encode()[col_offset:].decode()
    last = lines[end_lineno].encode()[:end_col_offset].decode()
    return "".join([first] + lines[lineno + 1:end_lineno] + [last])


def walk(node):
    from collections import deque
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(iter_child_nodes(node))
        yield node


class NodeVisitor:
    def visit(self, node):
        visitor = getattr(self, "visit_" + node.__class__.__name__, self.generic_visit)
        return visitor(node)

    def generic_visit(self, node):
        for _, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)

    def visit_Constant(self, node):
        return self.generic_visit(node)


class NodeTransformer(NodeVisitor):
    def generic_visit(self, node):
        for field, old in iter_fields(node):
            if isinstance(old, list):
                new = []
                for item in old:
                    if isinstance(item, AST):
                        item = self.visit(item)
                        if item is None:
                            continue
                        if not isinstance(item, AST):
                            new.extend(item)
                            continue
                    new.append(item)
                old[:] = new
            elif isinstance(old, AST):
                replacement = self.visit(old)
                if replacement is None:
                    delattr(node, field)
                else:
                    setattr(node, field, replacement)
        return node


def unparse(ast_obj):
    """Source text for a tree (stdlib/lib/_ast_unparse.py, loaded on first use)."""
    import _ast_unparse
    return _ast_unparse.unparse(ast_obj)


def main(args=None):
    import argparse
    import sys
    p = argparse.ArgumentParser(prog="python -m ast")
    p.add_argument("infile", nargs="?", default="-")
    p.add_argument("-m", "--mode", default="exec", choices=("exec", "single", "eval"))
    p.add_argument("-a", "--include-attributes", action="store_true")
    p.add_argument("-i", "--indent", type=int, default=3)
    a = p.parse_args(args)
    if a.infile == "-":
        name, source = "<stdin>", sys.stdin.read()
    else:
        name = a.infile
        with open(a.infile, "rb") as f:
            source = f.read()
    print(dump(parse(source, name, a.mode), include_attributes=a.include_attributes, indent=a.indent))


if __name__ == "__main__":
    main()
