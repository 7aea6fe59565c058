"""tomllib: a TOML 1.0 reader (Krait's own implementation).

loads(str) / load(binary file) return a dict; errors raise TOMLDecodeError whose
messages and positions match CPython 3.13 ("... (at line L, column C)" or
"(at end of document)").

The parser is a single forward scan over the text with CRLF folded to LF.
Besides the result dict it keeps a _Rules object that remembers which key
paths were declared as tables ([a.b]), which were created by dotted keys (they
become closed when the next header starts) and which hold inline tables or
arrays (frozen: nothing may be added below them).
"""

import re
import string
from datetime import date, datetime, time, timedelta, timezone

__all__ = ("loads", "load", "TOMLDecodeError")


class TOMLDecodeError(ValueError):
    """An error while decoding TOML text."""


_CTRL = frozenset(chr(i) for i in range(32)) | frozenset(chr(127))
_BAD_IN_STR = _CTRL - frozenset("\t")
_BAD_IN_MLSTR = _CTRL - frozenset("\t\n")
_BAD_IN_COMMENT = _BAD_IN_STR
_WS = frozenset(" \t")
_WS_NL = frozenset(" \t\n")
_BARE = frozenset(string.ascii_letters + string.digits + "-_")
_KEY_START = _BARE | frozenset("\"'")
_HEX = frozenset(string.hexdigits)
_ESCAPES = {"\\b": "\b", "\\t": "\t", "\\n": "\n", "\\f": "\f",
            "\\r": "\r", '\\"': '"', "\\\\": "\\"}

_TIME = r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]{1,6})[0-9]*)?"
_RE_NUMBER = re.compile(
    r"0(?:x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*|b[01](?:_?[01])*|o[0-7](?:_?[0-7])*)"
    r"|[+-]?(?:0|[1-9](?:_?[0-9])*)"
    r"(?P<frac>(?:\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?)")
_RE_LOCALTIME = re.compile(_TIME)
_RE_DATETIME = re.compile(
    r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"(?:[Tt ]" + _TIME + r"(?:([Zz])|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))?)?")


def _where(src, pos):
    if pos >= len(src):
        return "end of document"
    line = src.count("\n", 0, pos) + 1
    if line == 1:
        col = pos + 1
    else:
        col = pos - src.rindex("\n", 0, pos)
    return "line %d, column %d" % (line, col)


def _err(src, pos, msg):
    return TOMLDecodeError("%s (at %s)" % (msg, _where(src, pos)))


def load(fp, /, *, parse_float=float):
    data = fp.read()
    try:
        text = data.decode()
    except AttributeError:
        raise TypeError(
            "File must be opened in binary mode, e.g. use `open('foo.toml', 'rb')`") from None
    return loads(text, parse_float=parse_float)


def loads(s, /, *, parse_float=float):
    # Like CPython 3.13, a non-str argument fails in this replace() (bytes: "a bytes-like
    # object is required, not 'str'").
    text = s.replace("\r\n", "\n")
    if parse_float is not float:
        user = parse_float

        def parse_float(text):
            v = user(text)
            if isinstance(v, (dict, list)):
                raise ValueError("parse_float must not return dicts or lists")
            return v
    p = _Parser(text, parse_float)
    return p.document()


class _Rules:
    """Per key path (tuple of str) state used to reject redefinitions."""

    def __init__(self):
        self.declared = set()   # tables opened by a header or closed dotted-key tables
        self.frozen = set()     # inline tables / arrays: nothing below may change
        self.pending = []       # dotted-key tables of the current section

    def is_declared(self, key):
        return key in self.declared

    def is_frozen(self, key):
        for i in range(1, len(key) + 1):
            if key[:i] in self.frozen:
                return True
        return False

    def close_section(self):
        for key in self.pending:
            self.declared.add(key)
        self.pending = []

    def forget_below(self, key):
        """A new [[array]] element starts: what was declared inside the previous one is reset."""
        n = len(key)
        self.declared = {k for k in self.declared if k[:n] != key}
        self.frozen = {k for k in self.frozen if k[:n] != key}


def _nest(root, key, into_lists=True):
    """The dict at path key (created as needed); KeyError if a non-table is in the way."""
    cur = root
    for part in key:
        if part not in cur:
            cur[part] = {}
        cur = cur[part]
        if into_lists and isinstance(cur, list):
            cur = cur[-1]
        if not isinstance(cur, dict):
            raise KeyError(part)
    return cur


class _Parser:
    def __init__(self, src, parse_float):
        self.src = src
        self.parse_float = parse_float

    # -- helpers over self.src
    def skip(self, pos, chars):
        src = self.src
        n = len(src)
        while pos < n and src[pos] in chars:
            pos += 1
        return pos

    def skip_until(self, pos, expect, bad, eof_is_error):
        src = self.src
        end = src.find(expect, pos)
        if end < 0:
            end = len(src)
            if eof_is_error:
                raise _err(src, end, "Expected %r" % (expect,))
        for i in range(pos, end):
            if src[i] in bad:
                raise _err(src, i, "Found invalid character %r" % (src[i],))
        return end

    def skip_comment(self, pos):
        if self.src[pos:pos + 1] == "#":
            return self.skip_until(pos + 1, "\n", _BAD_IN_COMMENT, False)
        return pos

    def skip_array_ws(self, pos):
        while True:
            before = pos
            pos = self.skip(pos, _WS_NL)
            pos = self.skip_comment(pos)
            if pos == before:
                return pos

    # -- document level
    def document(self):
        src = self.src
        out = {}
        rules = _Rules()
        header = ()
        pos = 0
        n = len(src)
        while True:
            pos = self.skip(pos, _WS)
            if pos >= n:
                break
            ch = src[pos]
            if ch == "\n":
                pos += 1
                continue
            if ch in _KEY_START:
                pos = self.key_value_stmt(pos, out, rules, header)
                pos = self.skip(pos, _WS)
            elif ch == "[":
                rules.close_section()
                if src[pos + 1:pos + 2] == "[":
                    pos, header = self.array_table_header(pos, out, rules)
                else:
                    pos, header = self.table_header(pos, out, rules)
                pos = self.skip(pos, _WS)
            elif ch != "#":
                raise _err(src, pos, "Invalid statement")
            pos = self.skip_comment(pos)
            if pos >= n:
                break
            if src[pos] != "\n":
                raise _err(src, pos, "Expected newline or end of document after a statement")
            pos += 1
        return out

    def table_header(self, pos, out, rules):
        src = self.src
        pos = self.skip(pos + 1, _WS)
        pos, key = self.key(pos)
        if rules.is_declared(key) or rules.is_frozen(key):
            raise _err(src, pos, "Cannot declare %s twice" % (key,))
        rules.declared.add(key)
        try:
            _nest(out, key)
        except KeyError:
            raise _err(src, pos, "Cannot overwrite a value") from None
        if not src.startswith("]", pos):
            raise _err(src, pos, "Expected ']' at the end of a table declaration")
        return pos + 1, key

    def array_table_header(self, pos, out, rules):
        src = self.src
        pos = self.skip(pos + 2, _WS)
        pos, key = self.key(pos)
        if rules.is_frozen(key):
            raise _err(src, pos, "Cannot mutate immutable namespace %s" % (key,))
        rules.forget_below(key)
        rules.declared.add(key)
        try:
            parent = _nest(out, key[:-1])
            last = key[-1]
            if last in parent:
                arr = parent[last]
                if not isinstance(arr, list):
                    raise KeyError(last)
                arr.append({})
            else:
                parent[last] = [{}]
        except KeyError:
            raise _err(src, pos, "Cannot overwrite a value") from None
        if not src.startswith("]]", pos):
            raise _err(src, pos, "Expected ']]' at the end of an array declaration")
        return pos + 2, key

    def key_value_stmt(self, pos, out, rules, header):
        src = self.src
        pos, key, value = self.key_value(pos)
        parent_key = header + key[:-1]
        for i in range(1, len(key)):
            sub = header + key[:i]
            if rules.is_declared(sub):
                raise _err(src, pos, "Cannot redefine namespace %s" % (sub,))
            rules.pending.append(sub)
        if rules.is_frozen(parent_key):
            raise _err(src, pos, "Cannot mutate immutable namespace %s" % (parent_key,))
        try:
            table = _nest(out, parent_key)
        except KeyError:
            raise _err(src, pos, "Cannot overwrite a value") from None
        if key[-1] in table:
            raise _err(src, pos, "Cannot overwrite a value")
        if isinstance(value, (dict, list)):
            rules.frozen.add(header + key)
        table[key[-1]] = value
        return pos

    def key_value(self, pos):
        src = self.src
        pos, key = self.key(pos)
        if src[pos:pos + 1] != "=":
            raise _err(src, pos, "Expected '=' after a key in a key/value pair")
        pos = self.skip(pos + 1, _WS)
        pos, value = self.value(pos)
        return pos, key, value

    def key(self, pos):
        src = self.src
        pos, part = self.key_part(pos)
        key = (part,)
        pos = self.skip(pos, _WS)
        while src[pos:pos + 1] == ".":
            pos = self.skip(pos + 1, _WS)
            pos, part = self.key_part(pos)
            key += (part,)
            pos = self.skip(pos, _WS)
        return pos, key

    def key_part(self, pos):
        src = self.src
        ch = src[pos:pos + 1]
        if ch and ch in _BARE:
            end = self.skip(pos, _BARE)
            return end, src[pos:end]
        if ch == "'":
            return self.literal_str(pos)
        if ch == '"':
            return self.basic_str(pos + 1, False)
        raise _err(src, pos, "Invalid initial character for a key part")

    # -- values
    def value(self, pos):
        src = self.src
        ch = src[pos:pos + 1]
        if ch == '"':
            if src.startswith('"""', pos):
                return self.multiline_str(pos, False)
            return self.basic_str(pos + 1, False)
        if ch == "'":
            if src.startswith("'''", pos):
                return self.multiline_str(pos, True)
            return self.literal_str(pos)
        if ch == "t" and src.startswith("true", pos):
            return pos + 4, True
        if ch == "f" and src.startswith("false", pos):
            return pos + 5, False
        if ch == "[":
            return self.array(pos)
        if ch == "{":
            return self.inline_table(pos)
        m = _RE_DATETIME.match(src, pos)
        if m:
            try:
                value = self.make_datetime(m)
            except ValueError as e:
                raise _err(src, pos, "Invalid date or datetime") from e
            return m.end(), value
        m = _RE_LOCALTIME.match(src, pos)
        if m:
            return m.end(), self.make_time(m.groups())
        m = _RE_NUMBER.match(src, pos)
        if m:
            if m.group("frac"):
                return m.end(), self.parse_float(m.group())
            return m.end(), int(m.group(), 0)
        three = src[pos:pos + 3]
        if three in ("inf", "nan"):
            return pos + 3, self.parse_float(three)
        four = src[pos:pos + 4]
        if four in ("-inf", "+inf", "-nan", "+nan"):
            return pos + 4, self.parse_float(four)
        raise _err(src, pos, "Invalid value")

    @staticmethod
    def make_time(groups):
        hour, minute, sec, frac = groups
        micro = int(frac.ljust(6, "0")) if frac else 0
        return time(int(hour), int(minute), int(sec), micro)

    def make_datetime(self, m):
        g = m.groups()
        year, month, day = int(g[0]), int(g[1]), int(g[2])
        if g[3] is None:
            return date(year, month, day)
        t = self.make_time(g[3:7])
        if g[8]:
            sign = 1 if g[8] == "+" else -1
            tz = timezone(timedelta(hours=sign * int(g[9]), minutes=sign * int(g[10])))
        elif g[7]:
            tz = timezone.utc
        else:
            tz = None
        return datetime(year, month, day, t.hour, t.minute, t.second, t.microsecond, tzinfo=tz)

    def array(self, pos):
        src = self.src
        items = []
        pos = self.skip_array_ws(pos + 1)
        if src.startswith("]", pos):
            return pos + 1, items
        while True:
            pos, v = self.value(pos)
            items.append(v)
            pos = self.skip_array_ws(pos)
            ch = src[pos:pos + 1]
            if ch == "]":
                return pos + 1, items
            if ch != ",":
                raise _err(src, pos, "Unclosed array")
            pos = self.skip_array_ws(pos + 1)
            if src.startswith("]", pos):
                return pos + 1, items

    def inline_table(self, pos):
        src = self.src
        table = {}
        frozen = set()
        pos = self.skip(pos + 1, _WS)
        if src.startswith("}", pos):
            return pos + 1, table
        while True:
            pos, key, value = self.key_value(pos)
            if any(key[:i] in frozen for i in range(1, len(key) + 1)):
                raise _err(src, pos, "Cannot mutate immutable namespace %s" % (key,))
            try:
                parent = _nest(table, key[:-1], into_lists=False)
            except KeyError:
                raise _err(src, pos, "Cannot overwrite a value") from None
            if key[-1] in parent:
                raise _err(src, pos, "Duplicate inline table key %r" % (key[-1],))
            parent[key[-1]] = value
            pos = self.skip(pos, _WS)
            ch = src[pos:pos + 1]
            if ch == "}":
                return pos + 1, table
            if ch != ",":
                raise _err(src, pos, "Unclosed inline table")
            if isinstance(value, (dict, list)):
                frozen.add(key)
            pos = self.skip(pos + 1, _WS)

    # -- strings
    def literal_str(self, pos):
        start = pos + 1
        end = self.skip_until(start, "'", _BAD_IN_STR, True)
        return end + 1, self.src[start:end]

    def multiline_str(self, pos, literal):
        src = self.src
        pos += 3
        if src.startswith("\n", pos):
            pos += 1
        if literal:
            quote = "'"
            end = self.skip_until(pos, "'''", _BAD_IN_MLSTR, True)
            text = src[pos:end]
            pos = end + 3
        else:
            quote = '"'
            pos, text = self.basic_str(pos, True)
        # Up to two quotes right before the closing delimiter belong to the string.
        if not src.startswith(quote, pos):
            return pos, text
        pos += 1
        if not src.startswith(quote, pos):
            return pos, text + quote
        return pos + 1, text + quote * 2

    def basic_str(self, pos, multiline):
        """Body of a "..." (or \"\"\"...\"\"\") string starting at pos; returns the position after the closing quotes."""
        src = self.src
        bad = _BAD_IN_MLSTR if multiline else _BAD_IN_STR
        parts = []
        start = pos
        n = len(src)
        while True:
            if pos >= n:
                raise _err(src, pos, "Unterminated string")
            ch = src[pos]
            if ch == '"':
                if not multiline:
                    parts.append(src[start:pos])
                    return pos + 1, "".join(parts)
                if src.startswith('"""', pos):
                    parts.append(src[start:pos])
                    return pos + 3, "".join(parts)
                pos += 1
                continue
            if ch == "\\":
                parts.append(src[start:pos])
                pos, text = self.escape(pos, multiline)
                parts.append(text)
                start = pos
                continue
            if ch in bad:
                raise _err(src, pos, "Illegal character %r" % (ch,))
            pos += 1

    def escape(self, pos, multiline):
        src = self.src
        esc = src[pos:pos + 2]
        pos += 2
        if multiline and esc in ("\\ ", "\\\t", "\\\n"):
            # Line-ending backslash: drop the newline and the whitespace after it.
            if esc != "\\\n":
                pos = self.skip(pos, _WS)
                if pos >= len(src):
                    return pos, ""
                if src[pos] != "\n":
                    raise _err(src, pos, "Unescaped '\\' in a string")
                pos += 1
            return self.skip(pos, _WS_NL), ""
        if esc == "\\u":
            return self.hex_char(pos, 4)
        if esc == "\\U":
            return self.hex_char(pos, 8)
        try:
            return pos, _ESCAPES[esc]
        except KeyError:
            raise _err(src, pos, "Unescaped '\\' in a string") from None

    def hex_char(self, pos, width):
        src = self.src
        digits = src[pos:pos + width]
        if len(digits) != width or not _HEX.issuperset(digits):
            raise _err(src, pos, "Invalid hex value")
        pos += width
        code = int(digits, 16)
        if not (0 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF):
            raise _err(src, pos, "Escaped character is not a Unicode scalar value")
        return pos, chr(code)
