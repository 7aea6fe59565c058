"""Regular expressions (CPython 3.13's re API), written for Krait.

This file parses a pattern into a tree, checks it (with CPython's error messages and positions) and
compiles it into a program for the C engine (stdlib/re_engine.c, module _re), which matches it on the
string's UTF-8 bytes with an explicit backtracking stack. Pattern and Match are Python classes around
the engine's results (spans in code points). Only str patterns are supported: a bytes pattern or
string raises TypeError.
"""

import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile", "purge",
    "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE",
    "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag", "PatternError",
]

# ---------------------------------------------------------------------------------------------------
# flags

_FLAG_NAMES = [(2, "IGNORECASE"), (4, "LOCALE"), (8, "MULTILINE"), (16, "DOTALL"), (32, "UNICODE"),
               (64, "VERBOSE"), (128, "DEBUG"), (256, "ASCII")]


class RegexFlag(int):
    """re's flags: ints whose | & ^ ~ give flags again and whose repr names them (re.I|re.M)."""

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 0x1FE)

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        parts = []
        for bit, name in _FLAG_NAMES:
            if v & bit:
                parts.append("re." + name)
                v &= ~bit
        if v:
            parts.append(hex(v))
        return "|".join(parts)

    __str__ = __repr__

    @property
    def name(self):
        v = int(self)
        names = [n for b, n in _FLAG_NAMES if v & b]
        return "|".join(names) if names else None

    @property
    def value(self):
        return int(self)


NOFLAG = RegexFlag(0)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
A = ASCII = RegexFlag(256)

_MAXREPEAT = 4294967295
MAXREPEAT = _MAXREPEAT
MAXGROUPS = 1073741823


# ---------------------------------------------------------------------------------------------------
# errors

class PatternError(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg (the unformatted message), pattern, pos (index where compilation failed),
    lineno and colno (corresponding to pos), or None.
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


PatternError.__module__ = "re"
error = PatternError


# ---------------------------------------------------------------------------------------------------
# the engine's opcodes (stdlib/re_engine.c)

_OP_FAIL, _OP_MATCH, _OP_CHAR, _OP_CHAR_I, _OP_NOT_CHAR, _OP_NOT_CHAR_I, _OP_ANY, _OP_ANYALL = range(8)
_OP_IN, _OP_STRING, _OP_STRING_I, _OP_AT, _OP_JMP, _OP_SPLIT, _OP_SAVE = range(8, 15)
_OP_GROUPREF, _OP_GROUPREF_I, _OP_GROUPREF_EXISTS, _OP_REP1, _OP_RPT_START, _OP_RPT_END = range(15, 21)
_OP_ASSERT, _OP_ASSERT_END, _OP_ATOMIC, _OP_ATOMIC_END = range(21, 25)

(_AT_BEGIN, _AT_BEGIN_LINE, _AT_END, _AT_END_DOLLAR, _AT_END_LINE, _AT_BOUNDARY, _AT_NON_BOUNDARY,
 _AT_A_BOUNDARY, _AT_A_NON_BOUNDARY) = range(9)
_CAT_DIGIT, _CAT_NOT_DIGIT, _CAT_WORD, _CAT_NOT_WORD, _CAT_SPACE, _CAT_NOT_SPACE = range(6)
_CAT_ASCII = 8

# ---------------------------------------------------------------------------------------------------
# parsing: pattern -> tree
#
# Nodes (tuples):
#   ("lit", cp, icase)  ("notlit", cp, icase)  ("any", dotall)  ("in", items, negate, icase)
#   ("at", kind)  ("branch", [seq...])  ("group", gid or None, seq)  ("repeat", min, max, mode, seq)
#   ("assert", kind, seq)  ("atomic", seq)  ("ref", gid, icase)  ("cond", gid, yes_seq, no_seq)
# items of a class: ("range", lo, hi) or ("cat", cat). A seq is a list of nodes.
# mode: 0 greedy, 1 lazy, 2 possessive.

_SPECIAL = ".\\[{()*+?^$|"
_REPEAT_CHARS = "*+?{"
_DIGITS = "0123456789"
_OCTDIGITS = "01234567"
_HEXDIGITS = "0123456789abcdefABCDEF"
_ASCIILETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WHITESPACE = " \t\n\r\v\f"

_FLAG_CHARS = {"i": 2, "L": 4, "m": 8, "s": 16, "x": 64, "a": 256, "t": 1, "u": 32}
_TYPE_FLAGS = 4 | 32 | 256
_GLOBAL_FLAGS = 128 | 1

_ESCAPES = {"\\a": 7, "\\b": 8, "\\f": 12, "\\n": 10, "\\r": 13, "\\t": 9, "\\v": 11, "\\\\": 92}
_CATEGORY_ESCAPES = {"\\d": _CAT_DIGIT, "\\D": _CAT_NOT_DIGIT, "\\s": _CAT_SPACE, "\\S": _CAT_NOT_SPACE,
                     "\\w": _CAT_WORD, "\\W": _CAT_NOT_WORD}


class _Tokenizer:
    def __init__(self, string):
        self.string = string
        self.index = 0
        self.next = None
        self._advance()

    def _advance(self):
        index = self.index
        s = self.string
        if index >= len(s):
            self.next = None
            return
        char = s[index]
        if char == "\\":
            index += 1
            if index >= len(s):
                raise error("bad escape (end of pattern)", s, len(s) - 1)
            char += s[index]
        self.index = index + 1
        self.next = char

    def match(self, char):
        if char == self.next:
            self._advance()
            return True
        return False

    def get(self):
        this = self.next
        self._advance()
        return this

    def getwhile(self, n, charset):
        result = ""
        for _ in range(n):
            c = self.next
            if c is None or c not in charset:
                break
            result += c
            self._advance()
        return result

    def getuntil(self, terminator, name):
        result = ""
        while True:
            c = self.next
            self._advance()
            if c is None:
                if not result:
                    raise self.error("missing " + name)
                raise self.error("missing %s, unterminated name" % terminator, len(result))
            if c == terminator:
                if not result:
                    raise self.error("missing " + name, 1)
                break
            result += c
        return result

    @property
    def pos(self):
        return self.index - len(self.next or "")

    def tell(self):
        return self.index - len(self.next or "")

    def seek(self, index):
        self.index = index
        self._advance()

    def error(self, msg, offset=0):
        return error(msg, self.string, self.tell() - offset)


class _State:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        self.flags = flags
        self.groupdict = {}
        self.groupwidths = [None]  # group 0; None: open group
        self.lookbehindgroups = None
        self.grouprefpos = {}

    @property
    def groups(self):
        return len(self.groupwidths)

    def opengroup(self, name, tok, pos):
        gid = self.groups
        self.groupwidths.append(None)
        if self.groups > MAXGROUPS:
            raise error("too many groups", self.pattern, pos)
        if name is not None:
            ogid = self.groupdict.get(name)
            if ogid is not None:
                raise error("redefinition of group name %r as group %d; was group %d" % (name, gid, ogid),
                            self.pattern, pos)
            self.groupdict[name] = gid
        return gid

    def closegroup(self, gid, seq):
        self.groupwidths[gid] = _getwidth(seq)

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid, source):
        if self.lookbehindgroups is not None:
            if not self.checkgroup(gid):
                raise source.error("cannot refer to an open group")
            if gid >= self.lookbehindgroups:
                raise source.error("cannot refer to group defined in the same lookbehind subpattern")


def _width_add(a, b):
    return (a[0] + b[0], min(a[1] + b[1], _MAXREPEAT))


def _getwidth(seq):
    lo = hi = 0
    for node in seq:
        k = node[0]
        if k in ("lit", "notlit", "any", "in"):
            lo += 1
            hi += 1
        elif k == "branch":
            i = _MAXREPEAT
            j = 0
            for alt in node[1]:
                l, h = _getwidth(alt)
                i = min(i, l)
                j = max(j, h)
            lo += i
            hi += j
        elif k == "group" or k == "atomic":
            l, h = _getwidth(node[-1])
            lo += l
            hi += h
        elif k == "repeat":
            l, h = _getwidth(node[4])
            lo += l * node[1]
            if node[2] == _MAXREPEAT and h:
                hi = _MAXREPEAT
            else:
                hi += h * node[2]
        elif k == "ref":
            # the referenced group's width (CPython's rule for look-behind checks)
            hi = _MAXREPEAT if hi < _MAXREPEAT else hi
            lo += 0
        elif k == "cond":
            l, h = _getwidth(node[2])
            if node[3] is not None:
                l2, h2 = _getwidth(node[3])
                l = min(l, l2)
                h = max(h, h2)
            else:
                l = 0
            lo += l
            hi += h
        if hi > _MAXREPEAT:
            hi = _MAXREPEAT
    return (min(lo, _MAXREPEAT), min(hi, _MAXREPEAT))


def _class_escape(source, escape, state):
    code = _ESCAPES.get(escape)
    if code is not None:
        return ("lit", code)
    code = _CATEGORY_ESCAPES.get(escape)
    if code is not None:
        return ("cat", code)
    c = escape[1:2]
    if c == "x":
        escape += source.getwhile(2, _HEXDIGITS)
        if len(escape) != 4:
            raise source.error("incomplete escape %s" % escape, len(escape))
        return ("lit", int(escape[2:], 16))
    elif c == "u":
        escape += source.getwhile(4, _HEXDIGITS)
        if len(escape) != 6:
            raise source.error("incomplete escape %s" % escape, len(escape))
        return ("lit", int(escape[2:], 16))
    elif c == "U":
        escape += source.getwhile(8, _HEXDIGITS)
        if len(escape) != 10:
            raise source.error("incomplete escape %s" % escape, len(escape))
        c = int(escape[2:], 16)
        if c > 0x10FFFF:
            raise source.error("bad escape %s" % escape, len(escape))
        return ("lit", c)
    elif c == "N":
        raise source.error("bad escape %s" % escape, len(escape))
    elif c in _OCTDIGITS:
        escape += source.getwhile(2, _OCTDIGITS)
        c = int(escape[1:], 8)
        if c > 0o377:
            raise source.error("octal escape value %s outside of range 0-0o377" % escape, len(escape))
        return ("lit", c)
    elif c in _DIGITS:
        raise source.error("bad escape %s" % escape, len(escape))
    if len(escape) == 2:
        if c in _ASCIILETTERS:
            raise source.error("bad escape %s" % escape, len(escape))
        return ("lit", ord(escape[1]))
    raise source.error("bad escape %s" % escape, len(escape))


def _escape(source, escape, state, flags):
    icase = bool(flags & 2)
    ascii = bool(flags & 256)
    c = escape[1:2]
    if c == "A":
        return ("at", _AT_BEGIN)
    if c == "Z":
        return ("at", _AT_END)
    if c == "b":
        return ("at", _AT_A_BOUNDARY if ascii else _AT_BOUNDARY)
    if c == "B":
        return ("at", _AT_A_NON_BOUNDARY if ascii else _AT_NON_BOUNDARY)
    code = _CATEGORY_ESCAPES.get(escape)
    if code is not None:
        return ("in", [("cat", code | (_CAT_ASCII if ascii else 0))], False, False)
    code = _ESCAPES.get(escape)
    if code is not None:
        return ("lit", code, icase)
    if c == "x":
        escape += source.getwhile(2, _HEXDIGITS)
        if len(escape) != 4:
            raise source.error("incomplete escape %s" % escape, len(escape))
        return ("lit", int(escape[2:], 16), icase)
    if c == "u":
        escape += source.getwhile(4, _HEXDIGITS)
        if len(escape) != 6:
            raise source.error("incomplete escape %s" % escape, len(escape))
        return ("lit", int(escape[2:], 16), icase)
    if c == "U":
        escape += source.getwhile(8, _HEXDIGITS)
        if len(escape) != 10:
            raise source.error("incomplete escape %s" % escape, len(escape))
        v = int(escape[2:], 16)
        if v > 0x10FFFF:
            raise source.error("bad escape %s" % escape, len(escape))
        return ("lit", v, icase)
    if c == "N":
        raise source.error("bad escape %s" % escape, len(escape))
    if c == "0":
        escape += source.getwhile(2, _OCTDIGITS)
        return ("lit", int(escape[1:], 8), icase)
    if c in _DIGITS:
        # an octal escape (three octal digits) or a group reference
        if source.next in _DIGITS if source.next else False:
            escape += source.get()
            if (escape[1] in _OCTDIGITS and escape[2] in _OCTDIGITS and source.next is not None
                    and source.next in _OCTDIGITS):
                escape += source.get()
                v = int(escape[1:], 8)
                if v > 0o377:
                    raise source.error("octal escape value %s outside of range 0-0o377" % escape, len(escape))
                return ("lit", v, icase)
        group = int(escape[1:])
        if group < state.groups:
            if not state.checkgroup(group):
                raise source.error("cannot refer to an open group", len(escape))
            state.checklookbehindgroup(group, source)
            return ("ref", group, icase)
        raise source.error("invalid group reference %d" % group, len(escape) - 1)
    if len(escape) == 2:
        if c in _ASCIILETTERS:
            raise source.error("bad escape %s" % escape, len(escape))
        return ("lit", ord(escape[1]), icase)
    raise source.error("bad escape %s" % escape, len(escape))


def _uniq(items):
    return list(dict.fromkeys(items))


def _parse_sub(source, state, verbose, nested):
    items = []
    start = source.tell()
    while True:
        items.append(_parse(source, state, verbose, nested + 1, not nested and not items))
        if not source.match("|"):
            break
        if not nested:
            verbose = state.flags & 64
    if len(items) == 1:
        return items[0]
    return [("branch", items)]


def _is_item(node):
    return node[0] in ("lit", "notlit", "any", "in")


def _parse(source, state, verbose, nested, first=False):
    seq = []
    sourceget = source.get
    sourcematch = source.match
    flags = state.flags
    while True:
        this = source.next
        if this is None:
            break
        if this in "|)":
            break
        sourceget()
        icase = bool(state.flags & 2)
        if verbose:
            if this in _WHITESPACE:
                continue
            if this == "#":
                while True:
                    this = sourceget()
                    if this is None or this == "\n":
                        break
                continue
        if this[0] == "\\":
            seq.append(_escape(source, this, state, state.flags))
        elif this not in _SPECIAL:
            seq.append(("lit", ord(this), icase))
        elif this == "[":
            here = source.tell() - 1
            items = []
            negate = sourcematch("^")
            set_start = source.tell()
            while True:
                this = sourceget()
                if this is None:
                    raise error("unterminated character set", source.string, here)
                if this == "]" and source.tell() != set_start + 1:
                    break
                elif this[0] == "\\":
                    code1 = _class_escape(source, this, state)
                else:
                    code1 = ("lit", ord(this))
                if sourcematch("-"):
                    that = sourceget()
                    if that is None:
                        raise error("unterminated character set", source.string, here)
                    if that == "]":
                        if code1[0] == "cat":
                            items.append(code1)
                        else:
                            items.append(("range", code1[1], code1[1]))
                        items.append(("range", 45, 45))
                        break
                    if that[0] == "\\":
                        code2 = _class_escape(source, that, state)
                    else:
                        code2 = ("lit", ord(that))
                    if code1[0] == "cat" or code2[0] == "cat":
                        msg = "bad character range %s-%s" % (this, that)
                        raise source.error(msg, len(this) + 1 + len(that))
                    lo = code1[1]
                    hi = code2[1]
                    if hi < lo:
                        msg = "bad character range %s-%s" % (this, that)
                        raise source.error(msg, len(this) + 1 + len(that))
                    items.append(("range", lo, hi))
                else:
                    if code1[0] == "cat":
                        items.append(code1)
                    else:
                        items.append(("range", code1[1], code1[1]))
            ascii = state.flags & 256
            fixed = []
            for it in items:
                if it[0] == "cat" and ascii:
                    fixed.append(("cat", it[1] | _CAT_ASCII))
                else:
                    fixed.append(it)
            items = _uniq(fixed)
            if len(items) == 1 and items[0][0] == "range" and items[0][1] == items[0][2]:
                seq.append(("notlit" if negate else "lit", items[0][1], icase))
            else:
                seq.append(("in", items, negate, icase))
        elif this in _REPEAT_CHARS:
            here = source.tell()
            if this == "?":
                min, max = 0, 1
            elif this == "*":
                min, max = 0, _MAXREPEAT
            elif this == "+":
                min, max = 1, _MAXREPEAT
            elif this == "{":
                if source.next == "}":
                    seq.append(("lit", ord(this), icase))
                    continue
                min, max = 0, _MAXREPEAT
                lo = hi = ""
                while source.next is not None and source.next in _DIGITS:
                    lo += sourceget()
                if sourcematch(","):
                    while source.next is not None and source.next in _DIGITS:
                        hi += sourceget()
                else:
                    hi = lo
                if not sourcematch("}"):
                    seq.append(("lit", ord(this), icase))
                    source.seek(here)
                    continue
                if lo:
                    min = int(lo)
                    if min >= _MAXREPEAT:
                        raise OverflowError("the repetition number is too large")
                if hi:
                    max = int(hi)
                    if max >= _MAXREPEAT:
                        raise OverflowError("the repetition number is too large")
                    if max < min:
                        raise source.error("min repeat greater than max repeat", source.tell() - here)
            if seq:
                item = seq[-1]
            else:
                item = None
            if item is None or item[0] == "at":
                raise source.error("nothing to repeat", source.tell() - here + len(this))
            if item[0] == "repeat":
                raise source.error("multiple repeat", source.tell() - here + len(this))
            if item[0] == "group" and item[1] is None and not item[2]:
                # (?:) repeated: nothing to repeat? CPython accepts it as an empty subpattern
                pass
            if sourcematch("?"):
                mode = 1
            elif sourcematch("+"):
                mode = 2
            else:
                mode = 0
            if item[0] == "group" and item[1] is None:
                sub = item[2]
            else:
                sub = [item]
            seq[-1] = ("repeat", min, max, mode, sub)
        elif this == ".":
            seq.append(("any", bool(state.flags & 16)))
        elif this == "(":
            start = source.tell() - 1
            capture = True
            atomic = False
            name = None
            add_flags = 0
            del_flags = 0
            if sourcematch("?"):
                char = sourceget()
                if char is None:
                    raise source.error("unexpected end of pattern")
                if char == "P":
                    if sourcematch("<"):
                        name = source.getuntil(">", "group name")
                        if not name.isidentifier():
                            raise source.error("bad character in group name %r" % name, len(name) + 1)
                    elif sourcematch("="):
                        name = source.getuntil(")", "group name")
                        if not name.isidentifier():
                            raise source.error("bad character in group name %r" % name, len(name) + 1)
                        gid = state.groupdict.get(name)
                        if gid is None:
                            raise source.error("unknown group name %r" % name, len(name) + 1)
                        if not state.checkgroup(gid):
                            raise source.error("cannot refer to an open group", len(name) + 1)
                        state.checklookbehindgroup(gid, source)
                        seq.append(("ref", gid, icase))
                        continue
                    else:
                        char = sourceget()
                        if char is None:
                            raise source.error("unexpected end of pattern")
                        raise source.error("unknown extension ?P" + char, len(char) + 2)
                elif char == ":":
                    capture = False
                elif char == "#":
                    while True:
                        if source.next is None:
                            raise source.error("missing ), unterminated comment", source.tell() - start)
                        if sourceget() == ")":
                            break
                    continue
                elif char in "=!<":
                    dir = 1
                    if char == "<":
                        char = sourceget()
                        if char is None:
                            raise source.error("unexpected end of pattern")
                        if char not in "=!":
                            raise source.error("unknown extension ?<" + char, len(char) + 2)
                        dir = -1
                        lookbehindgroups = state.lookbehindgroups
                        if lookbehindgroups is None:
                            state.lookbehindgroups = state.groups
                    p = _parse_sub(source, state, verbose, nested + 1)
                    if dir < 0:
                        if lookbehindgroups is None:
                            state.lookbehindgroups = None
                    if not sourcematch(")"):
                        raise source.error("missing ), unterminated subpattern", source.tell() - start)
                    if char == "=":
                        kind = 0 if dir > 0 else 2
                    else:
                        kind = 1 if dir > 0 else 3
                    if dir < 0:
                        lo, hi = _getwidth(p)
                        if lo != hi:
                            raise error("look-behind requires fixed-width pattern")
                        if lo > 65535:
                            raise error("looks too much behind")
                    seq.append(("assert", kind, p))
                    continue
                elif char == "(":
                    condname = source.getuntil(")", "group name")
                    if condname.isidentifier():
                        condgroup = state.groupdict.get(condname)
                        if condgroup is None:
                            raise source.error("unknown group name %r" % condname, len(condname) + 1)
                    else:
                        if not condname.isdecimal() or not condname.isascii():
                            raise source.error("bad character in group name %r" % condname,
                                               len(condname) + 1)
                        condgroup = int(condname)
                        if not condgroup:
                            raise source.error("bad group number", len(condname) + 1)
                        if condgroup >= MAXGROUPS:
                            raise source.error("invalid group reference %d" % condgroup, len(condname) + 1)
                        if condgroup not in state.grouprefpos:
                            state.grouprefpos[condgroup] = source.tell() - len(condname) - 1
                    state.checklookbehindgroup(condgroup, source)
                    item_yes = _parse(source, state, verbose, nested + 1)
                    if source.match("|"):
                        item_no = _parse(source, state, verbose, nested + 1)
                        if source.next == "|":
                            raise source.error("conditional backref with more than two branches")
                    else:
                        item_no = None
                    if not source.match(")"):
                        raise source.error("missing ), unterminated subpattern", source.tell() - start)
                    seq.append(("cond", condgroup, item_yes, item_no))
                    continue
                elif char == ">":
                    capture = False
                    atomic = True
                elif char in _FLAG_CHARS or char == "-":
                    flags2 = _parse_flags(source, state, char)
                    if flags2 is None:  # global flags
                        if not first or seq:
                            raise source.error("global flags not at the start of the expression",
                                               source.tell() - start)
                        verbose = state.flags & 64
                        continue
                    add_flags, del_flags = flags2
                    capture = False
                else:
                    raise source.error("unknown extension ?" + char, len(char) + 1)
            if capture:
                try:
                    gid = state.opengroup(name, source, start)
                except error as err:
                    raise source.error(err.msg, len(name) + 1) from None
            else:
                gid = None
            sub_verbose = ((verbose or (add_flags & 64)) and not (del_flags & 64))
            saved = state.flags
            state.flags = (state.flags | add_flags) & ~del_flags
            p = _parse_sub(source, state, sub_verbose, nested + 1)
            state.flags = saved
            if not source.match(")"):
                raise source.error("missing ), unterminated subpattern", source.tell() - start)
            if gid is not None:
                state.closegroup(gid, p)
            if atomic:
                seq.append(("atomic", p))
            else:
                seq.append(("group", gid, p))
        elif this == "^":
            seq.append(("at", _AT_BEGIN_LINE if state.flags & 8 else _AT_BEGIN))
        elif this == "$":
            seq.append(("at", _AT_END_LINE if state.flags & 8 else _AT_END_DOLLAR))
        else:
            raise AssertionError("unsupported special character %r" % (this,))
    return seq


def _parse_flags(source, state, char):
    sourceget = source.get
    add_flags = 0
    del_flags = 0
    if char != "-":
        while True:
            flag = _FLAG_CHARS[char]
            if flag == 4:
                raise source.error("bad inline flags: cannot use 'L' flag with a str pattern")
            add_flags |= flag
            if (flag & _TYPE_FLAGS) and (add_flags & _TYPE_FLAGS) != flag:
                raise source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            char = sourceget()
            if char is None:
                raise source.error("missing -, : or )")
            if char in ")-:":
                break
            if char not in _FLAG_CHARS:
                msg = "unknown flag" if char.isalpha() else "missing -, : or )"
                raise source.error(msg, len(char))
    if char == ")":
        state.flags |= add_flags
        return None
    if add_flags & _GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn on global flag", 1)
    if char == "-":
        char = sourceget()
        if char is None:
            raise source.error("missing flag")
        if char not in _FLAG_CHARS:
            msg = "unknown flag" if char.isalpha() else "missing flag"
            raise source.error(msg, len(char))
        while True:
            flag = _FLAG_CHARS[char]
            if flag & _TYPE_FLAGS:
                msg = "bad inline flags: cannot turn off flags 'a', 'u' and 'L'"
                raise source.error(msg)
            del_flags |= flag
            char = sourceget()
            if char is None:
                raise source.error("missing :")
            if char == ":":
                break
            if char not in _FLAG_CHARS:
                msg = "unknown flag" if char.isalpha() else "missing :"
                raise source.error(msg, len(char))
    assert char == ":"
    if del_flags & _GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn off global flag", 1)
    if add_flags & del_flags:
        raise source.error("bad inline flags: flag turned on and off", 1)
    return add_flags, del_flags


def _parse_pattern(pattern, flags):
    source = _Tokenizer(pattern)
    state = _State(pattern, flags)
    p = _parse_sub(source, state, flags & 64, 0)
    # a global (?x) found later re-parses the pattern with it, as in CPython
    if not (flags & 64) and (state.flags & 64):
        return _parse_pattern(pattern, state.flags)
    if source.next is not None:
        assert source.next == ")"
        raise source.error("unbalanced parenthesis")
    for g in state.grouprefpos:
        if g >= state.groups:
            raise error("invalid group reference %d" % g, pattern, state.grouprefpos[g])
    return p, state


# ---------------------------------------------------------------------------------------------------
# compiling: tree -> program

class _Compiler:
    def __init__(self):
        self.code = []
        self.nrep = 0
        self.nmark = 0

    def item(self, node):
        """The code of a single-character node."""
        k = node[0]
        if k == "lit":
            return [_OP_CHAR_I if node[2] else _OP_CHAR, node[1]]
        if k == "notlit":
            return [_OP_NOT_CHAR_I if node[2] else _OP_NOT_CHAR, node[1]]
        if k == "any":
            return [_OP_ANYALL if node[1] else _OP_ANY]
        # "in"
        words = []
        for it in node[1]:
            if it[0] == "range":
                words += [1, it[1], it[2]]
            else:
                words += [2, it[1]]
        return [_OP_IN, 3 + len(words), (1 if node[2] else 0) | (2 if node[3] else 0)] + words

    def seq(self, seq):
        code = self.code
        i = 0
        n = len(seq)
        while i < n:
            node = seq[i]
            k = node[0]
            if k == "lit":
                # a run of literals: one STRING (or STRING_I) instruction
                j = i
                while j < n and seq[j][0] == "lit" and seq[j][2] == node[2]:
                    j += 1
                if j - i == 1:
                    code += self.item(node)
                elif node[2]:
                    code += [_OP_STRING_I, j - i] + [seq[t][1] for t in range(i, j)]
                else:
                    code += [_OP_STRING, j - i, 0] + [seq[t][1] for t in range(i, j)]
                i = j
                continue
            if k in ("notlit", "any", "in"):
                code += self.item(node)
            elif k == "at":
                code += [_OP_AT, node[1]]
            elif k == "branch":
                alts = node[1]
                jumps = []
                for a, alt in enumerate(alts):
                    if a < len(alts) - 1:
                        split = len(code)
                        code += [_OP_SPLIT, split + 3, 0]
                        self.seq(alt)
                        jumps.append(len(code))
                        code += [_OP_JMP, 0]
                        code[split + 2] = len(code)
                    else:
                        self.seq(alt)
                for j in jumps:
                    code[j + 1] = len(code)
            elif k == "group":
                gid = node[1]
                if gid is not None:
                    code += [_OP_SAVE, 2 * gid]
                self.seq(node[2])
                if gid is not None:
                    code += [_OP_SAVE, 2 * gid + 1]
            elif k == "repeat":
                self.repeat(node)
            elif k == "assert":
                kind = node[1]
                width = _getwidth(node[2])[0] if kind >= 2 else 0
                reg = self.nmark
                self.nmark += 1
                start = len(code)
                code += [_OP_ASSERT, kind, width, reg, 0]
                self.seq(node[2])
                code += [_OP_ASSERT_END, reg, start]
                code[start + 4] = len(code)
            elif k == "atomic":
                self.atomic(node[1])
            elif k == "ref":
                code += [_OP_GROUPREF_I if node[2] else _OP_GROUPREF, node[1]]
            elif k == "cond":
                start = len(code)
                code += [_OP_GROUPREF_EXISTS, node[1], 0]
                self.seq(node[2])
                if node[3] is not None:
                    jmp = len(code)
                    code += [_OP_JMP, 0]
                    code[start + 2] = len(code)
                    self.seq(node[3])
                    code[jmp + 1] = len(code)
                else:
                    code[start + 2] = len(code)
            i += 1

    def atomic(self, seq):
        code = self.code
        reg = self.nmark
        self.nmark += 1
        start = len(code)
        code += [_OP_ATOMIC, reg, 0]
        self.seq(seq)
        code += [_OP_ATOMIC_END, reg, start]
        code[start + 2] = len(code)

    def repeat(self, node):
        code = self.code
        _, min, max, mode, sub = node
        if len(sub) == 1 and _is_item(sub[0]):
            it = self.item(sub[0])
            code += [_OP_REP1, len(it), min, max, mode] + it
            return
        if max == 0:
            return
        if mode == 2:
            self.atomic([("repeat", min, max, 0, sub)])
            return
        if min == max == 1:
            self.seq(sub)
            return
        r = self.nrep
        self.nrep += 1
        start = len(code)
        code += [_OP_RPT_START, r, min, max, mode, 0]
        self.seq(sub)
        code += [_OP_RPT_END, r, start]
        code[start + 5] = len(code)


def _compile_program(pattern, flags):
    tree, state = _parse_pattern(pattern, flags)
    c = _Compiler()
    c.code = [_OP_SAVE, 0]
    c.seq(tree)
    c.code += [_OP_SAVE, 1, _OP_MATCH]
    prog = _re.compile(c.code, state.groups, c.nrep, c.nmark, state.flags)
    return prog, state


# ---------------------------------------------------------------------------------------------------
# Pattern and Match

class Pattern:
    """Compiled regular expression object."""

    __slots__ = ("pattern", "flags", "groups", "groupindex", "_prog", "_hash")

    def __init__(self, pattern, flags, prog, state):
        self.pattern = pattern
        self.flags = flags
        self.groups = state.groups - 1
        self.groupindex = dict(state.groupdict)
        self._prog = prog

    def __repr__(self):
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        flags = self.flags & ~32
        if flags:
            return "re.compile(%s, %r)" % (p, RegexFlag(flags))
        return "re.compile(%s)" % p

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _check(self, string):
        if not isinstance(string, str):
            if isinstance(string, (bytes, bytearray)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)

    def _run(self, string, pos, endpos, mode):
        self._check(string)
        n = len(string)
        if endpos is None:
            endpos = n
        r = self._prog.match(string, pos, endpos, mode)
        if r is None:
            return None
        pos = 0 if pos < 0 else n if pos > n else pos
        endpos = 0 if endpos < 0 else n if endpos > n else endpos
        return Match(self, string, pos, endpos, r)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def findall(self, string, pos=0, endpos=None):
        self._check(string)
        if endpos is None:
            endpos = len(string)
        return self._prog.findall(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=None):
        self._check(string)
        if endpos is None:
            endpos = len(string)
        return self._finditer(string, pos, endpos)

    def _finditer(self, string, pos, endpos):
        n = len(string)
        pos = 0 if pos < 0 else n if pos > n else pos
        endpos = 0 if endpos < 0 else n if endpos > n else endpos
        # the matches come from the engine in batches (4, 8, ... 256): one call per match costs more
        # than the matching itself on short matches, and matching ahead is unobservable (the engine
        # runs no Python code); the growing batch keeps a loop that stops early cheap
        prog = self._prog
        at = pos
        advance = 0
        batch = 4
        while at <= endpos:
            spans = prog.scan(string, at, endpos, batch, advance)
            for r in spans:
                yield Match(self, string, pos, endpos, r)
            if len(spans) < batch:
                return
            r = spans[-1]
            at = r[2]
            advance = 1 if r[1] == at else 0
            if batch < 256:
                batch *= 2

    def scanner(self, string, pos=0, endpos=None):
        self._check(string)
        n = len(string)
        endpos = n if endpos is None else endpos
        pos = 0 if pos < 0 else n if pos > n else pos
        endpos = 0 if endpos < 0 else n if endpos > n else endpos
        return _Scanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        self._check(string)
        if maxsplit < 0:
            return [string]
        spans = self._prog.scan(string, 0, len(string), maxsplit, 0)
        out = []
        last = 0
        ng = self.groups
        for r in spans:
            out.append(string[last:r[1]])
            for g in range(1, ng + 1):
                a = r[2 * g + 1]
                out.append(None if a < 0 else string[a:r[2 * g + 2]])
            last = r[2]
        out.append(string[last:])
        return out

    def _subx(self, repl, string, count):
        self._check(string)
        if callable(repl):
            fn = repl
            literal = None
        else:
            if not isinstance(repl, str):
                if isinstance(repl, (bytes, bytearray)):
                    raise TypeError("expected str instance, %s found" % type(repl).__name__)
                raise TypeError("expected str instance, %s found" % type(repl).__name__)
            fn = None
            if "\\" in repl:
                literal = None
                template = _compile_template(self, repl)
            else:
                literal = repl
        if count < 0:
            return string, 0
        spans = self._prog.scan(string, 0, len(string), count, 0)
        if not spans:
            return string, 0
        out = []
        last = 0
        n = len(string)
        for r in spans:
            out.append(string[last:r[1]])
            if literal is not None:
                out.append(literal)
            elif fn is not None:
                v = fn(Match(self, string, 0, n, r))
                if v is None:
                    v = ""
                elif not isinstance(v, str):
                    raise TypeError("expected str instance, %s found" % type(v).__name__)
                out.append(v)
            else:
                for part in template:
                    if isinstance(part, str):
                        out.append(part)
                    else:
                        a = r[2 * part + 1]
                        if a >= 0:
                            out.append(string[a:r[2 * part + 2]])
            last = r[2]
        out.append(string[last:])
        return "".join(out), len(spans)

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def __class_getitem__(cls, item):
        return cls


Pattern.__module__ = "re"


class _Scanner:
    """Pattern.scanner(string): successive match()/search() calls, each starting where the last
    match ended; after an empty match the next one must advance (as finditer)."""

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._at = pos
        self._must_advance = False

    def _next(self, mode):
        if self._at > self._endpos:
            return None
        r = self.pattern._prog.match(self._string, self._at, self._endpos,
                                     mode | (4 if self._must_advance else 0))
        if r is None:
            self._at = self._endpos + 1      # exhausted: every later call returns None
            return None
        m = Match(self.pattern, self._string, self._pos, self._endpos, r)
        self._must_advance = m.end() == m.start()
        self._at = m.end()
        return m

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)


class Match:
    """The result of a successful match."""

    __slots__ = ("re", "string", "pos", "endpos", "_spans", "lastindex")

    def __init__(self, pattern, string, pos, endpos, spans):
        # pos and endpos come clamped to [0, len(string)] (Pattern clamps them once per call)
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans
        li = spans[0]
        self.lastindex = None if li < 0 else li

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        else:
            try:
                g = g.__index__()
            except (AttributeError, TypeError):
                raise IndexError("no such group") from None
            if 0 <= g <= self.re.groups:
                return g
        raise IndexError("no such group")

    def _get(self, g, default=None):
        i = self._index(g)
        a = self._spans[2 * i + 1]
        if a < 0:
            return default
        return self.string[a:self._spans[2 * i + 2]]

    def group(self, *args):
        if not args:
            sp = self._spans
            return self.string[sp[1]:sp[2]]
        if len(args) == 1:
            return self._get(args[0])
        return tuple(self._get(a) for a in args)

    def __getitem__(self, g):
        return self._get(g)

    def groups(self, default=None):
        sp = self._spans
        string = self.string
        out = []
        for i in range(2, 2 * self.re.groups + 1, 2):
            a = sp[i + 1]
            out.append(default if a < 0 else string[a:sp[i + 2]])
        return tuple(out)

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 2]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i + 1], self._spans[2 * i + 2])

    @property
    def regs(self):
        return tuple((self._spans[2 * i + 1], self._spans[2 * i + 2]) for i in range(self.re.groups + 1))

    @property
    def lastgroup(self):
        li = self.lastindex
        if li is None:
            return None
        for name, i in self.re.groupindex.items():
            if i == li:
                return name
        return None

    def expand(self, template):
        parts = _compile_template(self.re, template)
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
            else:
                v = self._get(part)
                if v is not None:
                    out.append(v)
        return "".join(out)

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (self._spans[1], self._spans[2], self._get(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


Match.__module__ = "re"


# ---------------------------------------------------------------------------------------------------
# replacement templates: a list of literal strs and group numbers

def _compile_template(pattern, repl):
    key = (pattern.pattern, pattern.flags, repl)
    parts = _template_cache.get(key)
    if parts is not None:
        return parts
    parts = _parse_template(repl, pattern)
    if len(_template_cache) >= _MAXCACHE:
        _template_cache.clear()
    _template_cache[key] = parts
    return parts


def _parse_template(source, pattern):
    s = _Tokenizer(source)
    sget = s.get
    parts = []
    literal = []

    def addgroup(index, pos):
        if index > pattern.groups:
            raise s.error("invalid group reference %d" % index, pos)
        if literal:
            parts.append("".join(literal))
            del literal[:]
        parts.append(index)

    groupindex = pattern.groupindex
    while True:
        this = sget()
        if this is None:
            break
        if this[0] == "\\":
            c = this[1]
            if c == "g":
                if not s.match("<"):
                    raise s.error("missing <")
                name = s.getuntil(">", "group name")
                if not (name.isdecimal() and name.isascii()):
                    if not name.isidentifier():
                        raise s.error("bad character in group name %r" % name, len(name) + 1)
                    if name not in groupindex:
                        raise IndexError("unknown group name %r" % name)
                    index = groupindex[name]
                else:
                    index = int(name)
                    if index >= MAXGROUPS:
                        raise s.error("invalid group reference %d" % index, len(name) + 1)
                addgroup(index, len(name) + 1)
            elif c == "0":
                if s.next is not None and s.next in _OCTDIGITS:
                    this += sget()
                    if s.next is not None and s.next in _OCTDIGITS:
                        this += sget()
                literal.append(chr(int(this[1:], 8) & 0xff))
            elif c in _DIGITS:
                isoctal = False
                if s.next is not None and s.next in _DIGITS:
                    this += sget()
                    if (c in _OCTDIGITS and this[2] in _OCTDIGITS and s.next is not None
                            and s.next in _OCTDIGITS):
                        this += sget()
                        isoctal = True
                        v = int(this[1:], 8)
                        if v > 0o377:
                            raise s.error("octal escape value %s outside of range 0-0o377" % this, len(this))
                        literal.append(chr(v))
                if not isoctal:
                    addgroup(int(this[1:]), len(this) - 1)
            else:
                code = _ESCAPES.get(this)
                if code is not None:
                    literal.append(chr(code))
                elif c in _ASCIILETTERS:
                    raise s.error("bad escape %s" % this, len(this))
                else:
                    literal.append(this)
        else:
            literal.append(this)
    if literal:
        parts.append("".join(literal))
    return parts


# ---------------------------------------------------------------------------------------------------
# the module functions and the pattern cache

_MAXCACHE = 512
_cache = {}
_template_cache = {}


def _compile(pattern, flags):
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    except TypeError:
        raise TypeError("unhashable type: '%s'" % type(pattern).__name__) from None
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        if isinstance(pattern, (bytes, bytearray)):
            raise TypeError("bytes patterns are not supported by Krait's re")
        raise TypeError("first argument must be string or compiled pattern")
    if flags & 4:
        raise ValueError("cannot use LOCALE flag with a str pattern")
    if (flags & 256) and (flags & 32):
        raise ValueError("ASCII and UNICODE flags are incompatible")
    prog, state = _compile_program(pattern, flags)
    pflags = state.flags
    if not (pflags & 256):
        pflags |= 32
    p = Pattern(pattern, pflags, prog, state)
    if len(_cache) >= _MAXCACHE:
        # drop the oldest entry (dicts keep insertion order)
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[type(pattern), pattern, flags] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning a Match object, or None if no
    match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning a Match object, or None if no match
    was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning a Match object, or None if
    no match was found."""
    return _compile(pattern, flags).search(string)


class _ZeroSentinel(int):
    pass


_zero_sentinel = _ZeroSentinel()   # "not given" for count/maxsplit/flags (0 when used)


def _legacy_positional(fname, first, args, value, flags, lo, hi):
    # Python 3.13: sub()/subn()/split() still take count (maxsplit) and flags positionally, with
    # a DeprecationWarning pointing at the caller
    if value is not _zero_sentinel:
        raise TypeError(f"{fname}() got multiple values for argument '{first}'")
    value, *args = args
    if args:
        if flags is not _zero_sentinel:
            raise TypeError(f"{fname}() got multiple values for argument 'flags'")
        flags, *args = args
        if args:
            raise TypeError(f'{fname}() takes from {lo} to {hi} positional arguments '
                            f'but {hi + len(args)} were given')
    import warnings
    warnings.warn(f"'{first}' is passed as positional argument", DeprecationWarning, stacklevel=3)
    return value, flags


def sub(pattern, repl, string, *args, count=_zero_sentinel, flags=_zero_sentinel):
    """Return the string obtained by replacing the leftmost non-overlapping occurrences of the pattern
    in string by the replacement repl."""
    if args:
        count, flags = _legacy_positional('sub', 'count', args, count, flags, 3, 5)
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, *args, count=_zero_sentinel, flags=_zero_sentinel):
    """Return a 2-tuple containing (new_string, number)."""
    if args:
        count, flags = _legacy_positional('subn', 'count', args, count, flags, 3, 5)
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, *args, maxsplit=_zero_sentinel, flags=_zero_sentinel):
    """Split the source string by the occurrences of the pattern, returning a list containing the
    resulting substrings."""
    if args:
        maxsplit, flags = _legacy_positional('split', 'maxsplit', args, maxsplit, flags, 2, 4)
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches"
    _cache.clear()
    _template_cache.clear()


def template(pattern, flags=0):
    raise AttributeError("module 're' has no attribute 'template'")


_special_chars = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars)
    raise TypeError("bytes patterns are not supported by Krait's re")


del template
