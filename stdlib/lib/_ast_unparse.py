"""ast.unparse for Krait: source text from a tree, in the layout CPython 3.13's ast.unparse prints
(four-space indentation, a blank line before def/class that follow other code, minimal parentheses by
precedence, repr() for constants)."""

import ast

# Binding strength, weakest first.
(_NAMED, _TUPLE, _YIELD, _TEST, _OR, _AND, _NOT, _CMP, _BOR, _BXOR, _BAND, _SHIFT, _ARITH, _TERM, _FACTOR,
 _POWER, _AWAIT, _ATOM) = range(18)

_BINOPS = {
    "Add": ("+", _ARITH), "Sub": ("-", _ARITH), "Mult": ("*", _TERM), "MatMult": ("@", _TERM),
    "Div": ("/", _TERM), "Mod": ("%", _TERM), "FloorDiv": ("//", _TERM), "Pow": ("**", _POWER),
    "LShift": ("<<", _SHIFT), "RShift": (">>", _SHIFT), "BitOr": ("|", _BOR), "BitXor": ("^", _BXOR),
    "BitAnd": ("&", _BAND),
}
_UNARY = {"Invert": ("~", _FACTOR), "Not": ("not ", _NOT), "UAdd": ("+", _FACTOR), "USub": ("-", _FACTOR)}
_CMPOPS = {"Eq": "==", "NotEq": "!=", "Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">=", "Is": "is",
           "IsNot": "is not", "In": "in", "NotIn": "not in"}
_INF = "1e" + "309"


class _Unparser:
    def __init__(self):
        self.out = []
        self.indent = 0
        self.prec = {}  # id(node) -> the strength its context requires

    # ---- output helpers
    def write(self, *parts):
        self.out.extend(parts)

    def newline_if_any(self):
        if self.out:
            self.write("\n")

    def fill(self, text=""):
        self.newline_if_any()
        self.write("    " * self.indent + text)

    def block(self, body):
        self.write(":")
        self.indent += 1
        for s in body:
            self.visit(s)
        self.indent -= 1

    def set_prec(self, prec, *nodes):
        for n in nodes:
            self.prec[id(n)] = prec

    def get_prec(self, node):
        return self.prec.get(id(node), _TEST)

    def paren_if(self, cond):
        return _Paren(self, cond)

    def items(self, f, seq, sep=", "):
        first = True
        for x in seq:
            if not first:
                self.write(sep)
            first = False
            f(x)

    def visit(self, node):
        if isinstance(node, list):
            for n in node:
                self.visit(n)
            return
        method = getattr(self, "v_" + type(node).__name__, None)
        if method is None:
            raise ValueError(f"Unknown node type: {type(node).__name__}")
        method(node)

    # ---- modules
    def body_with_docstring(self, body):
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            self.fill()
            self.docstring(body[0].value.value)
            body = body[1:]
        for s in body:
            self.visit(s)

    def docstring(self, s):
        # Triple quotes, with newlines and tabs kept as they are; repr() when neither quote style fits.
        out = []
        for c in s:
            if c == "\\":
                out.append("\\\\")
            elif c in "\n\t" or c.isprintable():
                out.append(c)
            else:
                out.append(repr(c)[1:-1])
        text = "".join(out)
        for q in ('"""', "\'\'\'"):
            if q not in text:
                if text and text[-1] == q[0]:
                    text = text[:-1] + "\\" + text[-1]
                self.write(q + text + q)
                return
        self.write(repr(s))

    def v_Module(self, node):
        self.body_with_docstring(node.body)

    def v_Interactive(self, node):
        for s in node.body:
            self.visit(s)

    def v_Expression(self, node):
        self.visit(node.body)

    # ---- statements
    def v_Expr(self, node):
        self.fill()
        self.set_prec(_YIELD, node.value)
        self.visit(node.value)

    def v_NamedExpr(self, node):
        with self.paren_if(self.get_prec(node) > _NAMED):
            self.set_prec(_ATOM, node.target, node.value)
            self.visit(node.target)
            self.write(" := ")
            self.visit(node.value)

    def v_Import(self, node):
        self.fill("import ")
        self.items(self.visit, node.names)

    def v_ImportFrom(self, node):
        self.fill("from ")
        self.write("." * (node.level or 0))
        if node.module:
            self.write(node.module)
        self.write(" import ")
        self.items(self.visit, node.names)

    def v_alias(self, node):
        self.write(node.name)
        if node.asname:
            self.write(" as " + node.asname)

    def v_Assign(self, node):
        self.fill()
        for t in node.targets:
            self.set_prec(_TUPLE, t)
            self.visit(t)
            self.write(" = ")
        self.visit(node.value)

    def v_AugAssign(self, node):
        self.fill()
        self.visit(node.target)
        self.write(" " + _BINOPS[type(node.op).__name__][0] + "= ")
        self.visit(node.value)

    def v_AnnAssign(self, node):
        self.fill()
        with self.paren_if(not node.simple and isinstance(node.target, ast.Name)):
            self.visit(node.target)
        self.write(": ")
        self.visit(node.annotation)
        if node.value:
            self.write(" = ")
            self.visit(node.value)

    def v_Return(self, node):
        self.fill("return")
        if node.value:
            self.write(" ")
            self.visit(node.value)

    def v_Pass(self, node):
        self.fill("pass")

    def v_Break(self, node):
        self.fill("break")

    def v_Continue(self, node):
        self.fill("continue")

    def v_Delete(self, node):
        self.fill("del ")
        self.items(self.visit, node.targets)

    def v_Assert(self, node):
        self.fill("assert ")
        self.visit(node.test)
        if node.msg:
            self.write(", ")
            self.visit(node.msg)

    def v_Global(self, node):
        self.fill("global " + ", ".join(node.names))

    def v_Nonlocal(self, node):
        self.fill("nonlocal " + ", ".join(node.names))

    def v_Await(self, node):
        with self.paren_if(self.get_prec(node) > _AWAIT):
            self.write("await")
            if node.value:
                self.write(" ")
                self.set_prec(_ATOM, node.value)
                self.visit(node.value)

    def v_Yield(self, node):
        with self.paren_if(self.get_prec(node) > _YIELD):
            self.write("yield")
            if node.value:
                self.write(" ")
                self.set_prec(_ATOM, node.value)
                self.visit(node.value)

    def v_YieldFrom(self, node):
        with self.paren_if(self.get_prec(node) > _YIELD):
            self.write("yield from ")
            self.set_prec(_ATOM, node.value)
            self.visit(node.value)

    def v_Raise(self, node):
        self.fill("raise")
        if node.exc:
            self.write(" ")
            self.visit(node.exc)
            if node.cause:
                self.write(" from ")
                self.visit(node.cause)

    def _try(self, node, star):
        self.fill("try")
        self.block(node.body)
        for h in node.handlers:
            self.v_ExceptHandler(h, star)
        if node.orelse:
            self.fill("else")
            self.block(node.orelse)
        if node.finalbody:
            self.fill("finally")
            self.block(node.finalbody)

    def v_Try(self, node):
        self._try(node, False)

    def v_TryStar(self, node):
        self._try(node, True)

    def v_ExceptHandler(self, node, star=False):
        self.fill("except*" if star else "except")
        if node.type:
            self.write(" ")
            self.visit(node.type)
        if node.name:
            self.write(" as " + node.name)
        self.block(node.body)

    def decorators(self, node):
        self.newline_if_any()
        for d in node.decorator_list:
            self.fill("@")
            self.visit(d)

    def v_ClassDef(self, node):
        self.decorators(node)
        self.fill("class " + node.name)
        self.type_params(node)
        if node.bases or node.keywords:
            self.write("(")
            self.items(self.visit, node.bases + node.keywords)
            self.write(")")
        self.write(":")
        self.indent += 1
        self.body_with_docstring(node.body)
        self.indent -= 1

    def type_params(self, node):
        tp = getattr(node, "type_params", None)
        if tp:
            self.write("[")
            self.items(self.visit, tp)
            self.write("]")

    def _type_param_default(self, node):
        # PEP 696: T = default
        if getattr(node, "default_value", None):
            self.write(" = ")
            self.visit(node.default_value)

    def v_TypeVar(self, node):
        self.write(node.name)
        if node.bound:
            self.write(": ")
            self.visit(node.bound)
        self._type_param_default(node)

    def v_ParamSpec(self, node):
        self.write("**" + node.name)
        self._type_param_default(node)

    def v_TypeVarTuple(self, node):
        self.write("*" + node.name)
        self._type_param_default(node)

    def v_TypeAlias(self, node):
        self.fill("type ")
        self.visit(node.name)
        self.type_params(node)
        self.write(" = ")
        self.visit(node.value)

    def _def(self, node, kw):
        self.decorators(node)
        self.fill(kw + " " + node.name)
        self.type_params(node)
        self.write("(")
        self.visit(node.args)
        self.write(")")
        if node.returns:
            self.write(" -> ")
            self.visit(node.returns)
        self.write(":")
        self.indent += 1
        self.body_with_docstring(node.body)
        self.indent -= 1

    def v_FunctionDef(self, node):
        self._def(node, "def")

    def v_AsyncFunctionDef(self, node):
        self._def(node, "async def")

    def _for(self, node, kw):
        self.fill(kw + " ")
        self.set_prec(_TUPLE, node.target)
        self.visit(node.target)
        self.write(" in ")
        self.visit(node.iter)
        self.block(node.body)
        if node.orelse:
            self.fill("else")
            self.block(node.orelse)

    def v_For(self, node):
        self._for(node, "for")

    def v_AsyncFor(self, node):
        self._for(node, "async for")

    def v_If(self, node):
        self.fill("if ")
        self.visit(node.test)
        self.block(node.body)
        while node.orelse and len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
            node = node.orelse[0]
            self.fill("elif ")
            self.visit(node.test)
            self.block(node.body)
        if node.orelse:
            self.fill("else")
            self.block(node.orelse)

    def v_While(self, node):
        self.fill("while ")
        self.visit(node.test)
        self.block(node.body)
        if node.orelse:
            self.fill("else")
            self.block(node.orelse)

    def _with(self, node, kw):
        self.fill(kw + " ")
        self.items(self.visit, node.items)
        self.block(node.body)

    def v_With(self, node):
        self._with(node, "with")

    def v_AsyncWith(self, node):
        self._with(node, "async with")

    def v_withitem(self, node):
        self.visit(node.context_expr)
        if node.optional_vars:
            self.write(" as ")
            self.visit(node.optional_vars)

    def v_Match(self, node):
        self.fill("match ")
        self.visit(node.subject)
        self.write(":")
        self.indent += 1
        for c in node.cases:
            self.visit(c)
        self.indent -= 1

    def v_match_case(self, node):
        self.fill("case ")
        self.visit(node.pattern)
        if node.guard:
            self.write(" if ")
            self.visit(node.guard)
        self.block(node.body)

    # ---- patterns
    def v_MatchValue(self, node):
        self.visit(node.value)

    def v_MatchSingleton(self, node):
        self.write(repr(node.value))

    def v_MatchSequence(self, node):
        self.write("[")
        self.items(self.visit, node.patterns)
        self.write("]")

    def v_MatchStar(self, node):
        self.write("*" + (node.name if node.name is not None else "_"))

    def v_MatchMapping(self, node):
        self.write("{")
        first = True
        for k, p in zip(node.keys, node.patterns):
            if not first:
                self.write(", ")
            first = False
            self.visit(k)
            self.write(": ")
            self.visit(p)
        if node.rest:
            if not first:
                self.write(", ")
            self.write("**" + node.rest)
        self.write("}")

    def v_MatchClass(self, node):
        self.set_prec(_ATOM, node.cls)
        self.visit(node.cls)
        self.write("(")
        parts = [lambda p=p: self.visit(p) for p in node.patterns]
        for a, p in zip(node.kwd_attrs, node.kwd_patterns):
            parts.append(lambda a=a, p=p: (self.write(a + "="), self.visit(p)))
        self.items(lambda f: f(), parts)
        self.write(")")

    def v_MatchAs(self, node):
        if node.pattern is None:
            self.write(node.name if node.name is not None else "_")
            return
        if node.name is None:
            self.write("_")
            return
        with self.paren_if(self.get_prec(node) > _TEST):
            self.set_prec(_BOR, node.pattern)
            self.visit(node.pattern)
            self.write(" as " + node.name)

    def v_MatchOr(self, node):
        with self.paren_if(self.get_prec(node) > _BOR):
            for p in node.patterns:
                self.set_prec(_BOR + 1, p)
            self.items(self.visit, node.patterns, " | ")

    # ---- expressions
    def v_Name(self, node):
        self.write(node.id)

    def v_Constant(self, node, in_fstring=False):
        v = node.value
        if isinstance(v, tuple):
            self.write("(")
            self.items(lambda x: self.write(self.const_repr(x)), v)
            if len(v) == 1:
                self.write(",")
            self.write(")")
            return
        if v is ...:
            self.write("...")
            return
        self.write(self.const_repr(v))

    def const_repr(self, v):
        if isinstance(v, float):
            if v != v:
                return "(" + _INF + "-" + _INF + ")"
            return repr(v).replace("inf", _INF)
        if isinstance(v, complex):
            if v != v:
                return "(" + _INF + "-" + _INF + ")"
            return repr(v).replace("inf", _INF)
        return repr(v)

    def v_List(self, node):
        self.write("[")
        self.items(self.visit, node.elts)
        self.write("]")

    def v_Tuple(self, node):
        with self.paren_if(not node.elts or self.get_prec(node) > _TUPLE):
            self.items(self.visit, node.elts)
            if len(node.elts) == 1:
                self.write(",")

    def v_Set(self, node):
        if node.elts:
            self.write("{")
            self.items(self.visit, node.elts)
            self.write("}")
        else:
            self.write("{*()}")

    def v_Dict(self, node):
        self.write("{")
        first = True
        for k, v in zip(node.keys, node.values):
            if not first:
                self.write(", ")
            first = False
            if k is None:
                self.write("**")
                self.set_prec(_BOR, v)
                self.visit(v)
            else:
                self.visit(k)
                self.write(": ")
                self.visit(v)
        self.write("}")

    def _comp(self, open_, node, close):
        self.write(open_)
        if isinstance(node, ast.DictComp):
            self.visit(node.key)
            self.write(": ")
            self.visit(node.value)
        else:
            self.visit(node.elt)
        for g in node.generators:
            self.visit(g)
        self.write(close)

    def v_ListComp(self, node):
        self._comp("[", node, "]")

    def v_SetComp(self, node):
        self._comp("{", node, "}")

    def v_DictComp(self, node):
        self._comp("{", node, "}")

    def v_GeneratorExp(self, node):
        self._comp("(", node, ")")

    def v_comprehension(self, node):
        self.write(" async for " if node.is_async else " for ")
        self.set_prec(_TUPLE, node.target)
        self.visit(node.target)
        self.write(" in ")
        self.set_prec(_TEST + 1, node.iter, *node.ifs)
        self.visit(node.iter)
        for cond in node.ifs:
            self.write(" if ")
            self.visit(cond)

    def v_IfExp(self, node):
        with self.paren_if(self.get_prec(node) > _TEST):
            self.set_prec(_TEST + 1, node.body, node.test)
            self.visit(node.body)
            self.write(" if ")
            self.visit(node.test)
            self.write(" else ")
            self.set_prec(_TEST, node.orelse)
            self.visit(node.orelse)

    def v_BinOp(self, node):
        op, prec = _BINOPS[type(node.op).__name__]
        with self.paren_if(self.get_prec(node) > prec):
            # ** is right-associative, the others left-associative
            left, right = (prec + 1, prec) if op == "**" else (prec, prec + 1)
            self.set_prec(left, node.left)
            self.visit(node.left)
            self.write(f" {op} ")
            self.set_prec(right, node.right)
            self.visit(node.right)

    def v_UnaryOp(self, node):
        op, prec = _UNARY[type(node.op).__name__]
        with self.paren_if(self.get_prec(node) > prec):
            self.write(op)
            # -(1 ** 2) style: the operand of a unary +/-/~ binds at least as tightly as a power
            self.set_prec(prec, node.operand)
            self.visit(node.operand)

    def v_Compare(self, node):
        with self.paren_if(self.get_prec(node) > _CMP):
            self.set_prec(_CMP + 1, node.left, *node.comparators)
            self.visit(node.left)
            for op, c in zip(node.ops, node.comparators):
                self.write(" " + _CMPOPS[type(op).__name__] + " ")
                self.visit(c)

    def v_BoolOp(self, node):
        op, prec = ("and", _AND) if isinstance(node.op, ast.And) else ("or", _OR)
        with self.paren_if(self.get_prec(node) > prec):
            # Each further operand binds one level tighter (CPython's unparse does the same, so
            # `a and b and (c == d)` round-trips to the same text).
            inner = prec
            first = True
            for v in node.values:
                if not first:
                    self.write(f" {op} ")
                first = False
                inner += 1
                self.set_prec(inner, v)
                self.visit(v)

    def v_Attribute(self, node):
        self.set_prec(_ATOM, node.value)
        self.visit(node.value)
        # 1 .real: an int literal needs a space before the dot
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, int):
            self.write(" ")
        self.write("." + node.attr)

    def v_Call(self, node):
        self.set_prec(_ATOM, node.func)
        self.visit(node.func)
        self.write("(")
        self.items(self.visit, node.args + node.keywords)
        self.write(")")

    def v_keyword(self, node):
        if node.arg is None:
            self.write("**")
        else:
            self.write(node.arg + "=")
        self.visit(node.value)

    def v_Subscript(self, node):
        self.set_prec(_ATOM, node.value)
        self.visit(node.value)
        self.write("[")
        s = node.slice
        if isinstance(s, ast.Tuple) and s.elts and not any(isinstance(e, ast.Starred) for e in s.elts):
            self.items(self.visit, s.elts)
            if len(s.elts) == 1:
                self.write(",")
        else:
            self.visit(s)
        self.write("]")

    def v_Starred(self, node):
        self.write("*")
        self.set_prec(_BOR, node.value)
        self.visit(node.value)

    def v_Slice(self, node):
        if node.lower:
            self.visit(node.lower)
        self.write(":")
        if node.upper:
            self.visit(node.upper)
        if node.step:
            self.write(":")
            self.visit(node.step)

    def v_Lambda(self, node):
        with self.paren_if(self.get_prec(node) > _TEST):
            self.write("lambda")
            text = _unparse_args(node.args)
            if text:
                self.write(" " + text)
            self.write(": ")
            self.set_prec(_TEST, node.body)
            self.visit(node.body)

    def v_arguments(self, node):
        self.write(_unparse_args(node))

    def v_arg(self, node):
        self.write(node.arg)
        if node.annotation:
            self.write(": ")
            self.visit(node.annotation)

    def v_JoinedStr(self, node):
        # The literal parts decide the quotes (PEP 701: expressions may reuse them): the first of ' " """
        # ''' that no literal part contains; repr() of the whole text when none fits.
        quotes = ["'", '"', '"""', "\'\'\'"]
        pieces = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                text = _escape_fstring_literal(v.value.replace("{", "{{").replace("}", "}}"))
                quotes = [q for q in quotes if q not in text]
                if not quotes:
                    self.write("f" + repr(self.fstring_body(node.values)))
                    return
            else:
                text = self.fstring_body([v])
                if "\n" in text:
                    quotes = [q for q in quotes if len(q) == 3]
            pieces.append(text)
        q = quotes[0]
        self.write("f" + q + "".join(pieces) + q)

    def fstring_body(self, values):
        parts = []
        for v in values:
            if isinstance(v, ast.Constant):
                parts.append(v.value.replace("{", "{{").replace("}", "}}"))
            elif isinstance(v, ast.FormattedValue):
                parts.append(self.formatted(v))
            else:
                raise ValueError(f"Unexpected node inside JoinedStr, {v!r}")
        return "".join(parts)

    def formatted(self, node):
        inner = _Unparser()
        inner.set_prec(_TEST + 1, node.value)
        inner.visit(node.value)
        text = "".join(inner.out)
        if text.startswith("{"):
            text = " " + text
        out = "{" + text
        if node.conversion != -1:
            out += "!" + chr(node.conversion)
        if node.format_spec:
            out += ":" + self.fstring_body(node.format_spec.values)
        return out + "}"

    def v_FormattedValue(self, node):
        self.write("f" + repr(self.formatted(node)))


def _escape_fstring_literal(text):
    out = []
    for c in text:
        if c == "\\":
            out.append("\\\\")
        elif c.isprintable() or c in "'\"":
            out.append(c)
        else:
            out.append(repr(c)[1:-1])
    return "".join(out)


def _unparse_args(node):
    parts = []
    positional = node.posonlyargs + node.args
    defaults = [None] * (len(positional) - len(node.defaults)) + list(node.defaults)
    for i, (a, d) in enumerate(zip(positional, defaults)):
        parts.append(_arg_text(a, d))
        if i + 1 == len(node.posonlyargs):
            parts.append("/")
    if node.vararg or node.kwonlyargs:
        parts.append("*" + (_arg_text(node.vararg, None) if node.vararg else ""))
    for a, d in zip(node.kwonlyargs, node.kw_defaults):
        parts.append(_arg_text(a, d))
    if node.kwarg:
        parts.append("**" + _arg_text(node.kwarg, None))
    return ", ".join(parts)


def _arg_text(a, default):
    u = _Unparser()
    u.visit(a)
    if default is not None:
        u.write("=")
        u.visit(default)
    return "".join(u.out)


class _Paren:
    def __init__(self, u, cond):
        self.u = u
        self.cond = cond

    def __enter__(self):
        if self.cond:
            self.u.write("(")

    def __exit__(self, *exc):
        if self.cond:
            self.u.write(")")
        return False


def unparse(ast_obj):
    u = _Unparser()
    u.visit(ast_obj)
    return "".join(u.out)
