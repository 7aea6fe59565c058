"""Tokenization of Python source (Krait): the token stream of CPython 3.13's tokenize module, produced by a
scanner written for Krait (one pass over the whole text, f-strings split into FSTRING_START / FSTRING_MIDDLE /
FSTRING_END around the tokens of their replacement fields).

Errors raise TokenError(message, (row, col)) for unterminated strings and brackets, and for EOF inside a
continuation line; an unexpected character gives an ERRORTOKEN."""

import re
import io
from collections import namedtuple
from token import *  # noqa: F401,F403
from token import EXACT_TOKEN_TYPES, tok_name
import token as _token

__all__ = _token.__all__ + ["tokenize", "generate_tokens", "detect_encoding", "untokenize", "TokenInfo",
                            "open", "TokenError"]

_OP = _token.OP
_BOM_UTF8 = b"\xef\xbb\xbf"


class TokenInfo(namedtuple("TokenInfo", "type string start end line")):
    def __repr__(self):
        return ("TokenInfo(type=%d (%s), string=%r, start=%r, end=%r, line=%r)"
                % (self.type, tok_name[self.type], self.string, self.start, self.end, self.line))

    @property
    def exact_type(self):
        if self.type == _OP and self.string in EXACT_TOKEN_TYPES:
            return EXACT_TOKEN_TYPES[self.string]
        return self.type


class TokenError(Exception):
    pass


class StopTokenizing(Exception):
    pass


_NUMBER = re.compile(r"""(?:
      0[xX](?:_?[0-9a-fA-F])+
    | 0[bB](?:_?[01])+
    | 0[oO](?:_?[0-7])+
    | (?:(?:[0-9](?:_?[0-9])*\.(?:[0-9](?:_?[0-9])*)?|\.[0-9](?:_?[0-9])*)(?:[eE][-+]?[0-9](?:_?[0-9])*)?
        |[0-9](?:_?[0-9])*[eE][-+]?[0-9](?:_?[0-9])*
        |[0-9](?:_?[0-9])*)[jJ]?
    )""", re.VERBOSE)
_STRING_PREFIX = re.compile(r"(?i:rb|br|fr|rf|r|b|f|u)?(?='|\")")
_OPERATORS = sorted(EXACT_TOKEN_TYPES, key=len, reverse=True)
_OPEN = "([{"
_CLOSE = ")]}"


class _Scanner:
    def __init__(self, lines):
        self.lines = lines                     # physical lines, each with its line end
        self.src = "".join(lines)
        self.starts = []                       # offset of each line's first character
        off = 0
        for ln in lines:
            self.starts.append(off)
            off += len(ln)
        self.out = []
        self.depth = []                        # open brackets (for NL vs NEWLINE)

    def rowcol(self, pos):
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        if not self.starts:
            return 1, 0
        return lo + 1, pos - self.starts[lo]

    def line_text(self, r1, r2):
        return "".join(self.lines[r1 - 1:r2])

    def emit(self, typ, start, end, text=None):
        s = self.rowcol(start)
        if text is None:
            text = self.src[start:end]
        if typ in (NL, NEWLINE):
            # a line end stays on its own line: (row, col) .. (row, col + 1)
            self.out.append(TokenInfo(typ, text, s, (s[0], s[1] + 1), self.lines[s[0] - 1]))
            return
        e = self.rowcol(end)
        self.out.append(TokenInfo(typ, text, s, e, self.line_text(s[0], e[0])))

    def emit_at(self, typ, text, s, e, line):
        self.out.append(TokenInfo(typ, text, s, e, line))

    # ---- the main loop: logical lines, indentation, tokens
    def run(self):
        src = self.src
        n = len(src)
        indents = [0]
        pos = 0
        at_line_start = True
        while pos < n:
            if at_line_start and not self.depth:
                row, _ = self.rowcol(pos)
                line = self.lines[row - 1]
                col = 0
                i = 0
                while i < len(line) and line[i] in " \t\f":
                    if line[i] == " ":
                        col += 1
                    elif line[i] == "\t":
                        col = (col // 8 + 1) * 8
                    else:
                        col = 0
                    i += 1
                rest = line[i:]
                if rest[:1] in ("#", "\n", "\r", ""):
                    # blank or comment-only line: no indentation change
                    pos += i
                    if rest[:1] == "#":
                        end = pos + len(rest.rstrip("\r\n"))
                        self.emit(COMMENT, pos, end)
                        pos = end
                    if pos >= n and rest[:1] == "#":
                        # a comment on a last line without its line end: an empty NL follows it
                        r, c = self.rowcol(pos)
                        self.emit_at(NL, "", (r, c), (r, c + 1), line)
                    if pos < n:
                        nl_end = pos + (len(src[pos:pos + 2]) if src.startswith("\r\n", pos) else 1)
                        self.emit(NL, pos, nl_end)
                        pos = nl_end
                    at_line_start = True
                    continue
                if col > indents[-1]:
                    indents.append(col)
                    self.emit(INDENT, pos, pos + i)
                while col < indents[-1]:
                    indents.pop()
                    if col > indents[-1]:
                        raise IndentationError("unindent does not match any outer indentation level",
                                               ("<tokenize>", row, i, line))
                    self.emit_at(DEDENT, "", (row, i), (row, i), line)
                pos += i
                at_line_start = False
            pos, at_line_start = self.token(pos, at_line_start)
        # end of input
        last_row = len(self.lines)
        if self.depth:
            raise TokenError("unexpected EOF in multi-line statement", (last_row, 0))
        if self.out and self.out[-1].type not in (NEWLINE, NL, DEDENT, INDENT) and not at_line_start:
            r, c = self.rowcol(n)
            if self.lines and not self.lines[-1].endswith(("\n", "\r")):
                self.emit_at(NEWLINE, "", (r, c), (r, c + 1), self.lines[-1])
        for _ in indents[1:]:
            self.emit_at(DEDENT, "", (last_row + 1, 0), (last_row + 1, 0), "")
        self.emit_at(ENDMARKER, "", (last_row + 1, 0), (last_row + 1, 0), "")
        return self.out

    def token(self, pos, at_line_start, fstring_stop=None):
        """Scans one token at pos (after skipping blanks); returns (new pos, at_line_start)."""
        src = self.src
        n = len(src)
        while pos < n and src[pos] in " \t\f":
            pos += 1
        if pos >= n:
            return pos, at_line_start
        c = src[pos]
        if c == "#":
            end = pos
            while end < n and src[end] not in "\r\n":
                end += 1
            self.emit(COMMENT, pos, end)
            return end, False
        if c in "\r\n":
            end = pos + (2 if src.startswith("\r\n", pos) else 1)
            if self.depth or not self.out or self.out[-1].type in (NEWLINE, NL):
                self.emit(NL, pos, end)
            else:
                self.emit(NEWLINE, pos, end)
            return end, True
        if c == "\\":
            if src.startswith("\\\r\n", pos):
                return pos + 3, False
            if src.startswith("\\\n", pos):
                if pos + 2 >= n:
                    raise TokenError("unexpected EOF in multi-line statement", self.rowcol(pos + 2))
                return pos + 2, False
        m = _STRING_PREFIX.match(src, pos)
        if m:
            prefix = m.group(0)
            if "f" in prefix.lower():
                return self.fstring(pos, len(prefix)), False
            return self.string(pos, len(prefix)), False
        if c.isdigit() or (c == "." and pos + 1 < n and src[pos + 1].isdigit()):
            m = _NUMBER.match(src, pos)
            if m:
                self.emit(NUMBER, pos, m.end())
                return m.end(), False
        if c.isidentifier() or c == "_" or ord(c) > 127:
            end = pos + 1
            while end < n and (src[end].isalnum() or src[end] == "_" or (ord(src[end]) > 127 and
                                                                         ("a" + src[end]).isidentifier())):
                end += 1
            if src[pos:end].isidentifier():
                self.emit(NAME, pos, end)
                return end, False
        for op in _OPERATORS:
            if src.startswith(op, pos):
                if op in _OPEN:
                    self.depth.append(op)
                elif op in _CLOSE:
                    if self.depth:
                        self.depth.pop()
                self.emit(_OP, pos, pos + len(op))
                return pos + len(op), False
        self.emit(ERRORTOKEN, pos, pos + 1)
        return pos + 1, False

    def string(self, pos, plen):
        src = self.src
        q = src[pos + plen]
        triple = src.startswith(q * 3, pos + plen)
        quote = q * 3 if triple else q
        i = pos + plen + len(quote)
        n = len(src)
        while True:
            if i >= n:
                r, c = self.rowcol(pos)
                if triple:
                    raise TokenError("EOF in multi-line string", (r, c))
                raise TokenError("unterminated string literal (detected at line %d)" % r, (r, c))
            ch = src[i]
            if ch == "\\":
                i += 2
                continue
            if not triple and ch in "\r\n":
                r, c = self.rowcol(pos)
                raise TokenError("unterminated string literal (detected at line %d)" % r, (r, c))
            if src.startswith(quote, i):
                end = i + len(quote)
                self.emit(STRING, pos, end)
                return end
            i += 1

    def fstring(self, pos, plen):
        src = self.src
        q = src[pos + plen]
        triple = src.startswith(q * 3, pos + plen)
        quote = q * 3 if triple else q
        raw = "r" in src[pos:pos + plen].lower()
        i = pos + plen + len(quote)
        self.emit(FSTRING_START, pos, i)
        return self.fstring_middle(i, quote, triple, raw, pos, in_spec=False)

    def fstring_middle(self, i, quote, triple, raw, start, in_spec):
        """Scans literal text up to the closing quote (or, in a format spec, the closing brace)."""
        src = self.src
        n = len(src)
        seg_start = i
        text = []
        after_field = False

        def flush(force=False):
            if text or force:
                s = "".join(text)
                r, c = self.rowcol(seg_start)
                e = self.rowcol(seg_start + len(s)) if "\n" in s else (r, c + len(s))
                self.emit_at(FSTRING_MIDDLE, s, (r, c), e, self.line_text(r, self.rowcol(i)[0]))
            text.clear()

        while True:
            if i >= n:
                r, c = self.rowcol(start)
                raise TokenError("unterminated f-string literal (detected at line %d)" % r, (r, c))
            ch = src[i]
            if not in_spec and src.startswith(quote, i):
                flush()
                self.emit(FSTRING_END, i, i + len(quote))
                return i + len(quote)
            if ch in "\r\n" and not triple:
                r, c = self.rowcol(start)
                raise TokenError("unterminated f-string literal (detected at line %d)" % r, (r, c))
            if ch == "\\" and not raw and i + 1 < n:
                text.append(src[i:i + 2])
                i += 2
                continue
            if ch in "{}" and src.startswith(ch * 2, i) and not in_spec:
                text.append(ch)
                i += 1
                flush()
                i += 1
                seg_start = i
                continue
            if ch == "{":
                flush()
                self.emit(_OP, i, i + 1)
                i = self.replacement_field(i + 1, quote, triple, raw, start)
                seg_start = i
                after_field = True
                continue
            if ch == "}":
                if in_spec:
                    flush(force=after_field)
                    return i
                flush()
                self.emit(_OP, i, i + 1)
                i += 1
                seg_start = i
                continue
            text.append(ch)
            i += 1

    def replacement_field(self, i, quote, triple, raw, start):
        """Tokens of `expr [=] [!conv] [:spec]` up to and including the closing brace."""
        src = self.src
        base = len(self.depth)
        n = len(src)
        while True:
            while i < n and src[i] in " \t\f\r\n":
                i += 1
            if i >= n:
                raise TokenError("unexpected EOF in multi-line statement", self.rowcol(n))
            ch = src[i]
            if len(self.depth) == base:
                if ch == "}":
                    self.emit(_OP, i, i + 1)
                    return i + 1
                if ch == ":":
                    self.emit(_OP, i, i + 1)
                    i = self.fstring_middle(i + 1, quote, triple, raw, start, in_spec=True)
                    self.emit(_OP, i, i + 1)
                    return i + 1
                if ch == "!" and not src.startswith("!=", i):
                    self.emit(_OP, i, i + 1)
                    i += 1
                    continue
            i, _ = self.token(i, False)


def _read_lines(readline):
    lines = []
    while True:
        try:
            line = readline()
        except StopIteration:
            break
        if not line:
            break
        lines.append(line)
    return lines


def generate_tokens(readline):
    """Tokens of the str lines that readline() returns (no ENCODING token)."""
    lines = _read_lines(readline)
    yield from _Scanner(lines).run()


def _tokenize_lines(lines, encoding):
    if encoding is not None:
        if encoding == "utf-8-sig":
            encoding = "utf-8"
        yield TokenInfo(ENCODING, encoding, (0, 0), (0, 0), "")
    text = [ln.decode(encoding) if isinstance(ln, bytes) else ln for ln in lines]
    if text and encoding == "utf-8" and text[0].startswith("\ufeff"):
        text[0] = text[0][1:]
    yield from _Scanner(text).run()


def tokenize(readline):
    """Tokens of the bytes lines that readline() returns, starting with the ENCODING token."""
    encoding, consumed = detect_encoding(readline)
    rest = _read_lines(readline)
    return _tokenize_lines(consumed + rest, encoding)


_COOKIE = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def _blank_or_comment(line):
    rest = line.lstrip(b" \t\f")
    return not rest or rest[:1] in (b"#", b"\r", b"\n")


def _normal_encoding(name):
    enc = name[:12].lower().replace("_", "-")
    if enc == "utf-8" or enc.startswith("utf-8-"):
        return "utf-8"
    if enc in ("latin-1", "iso-8859-1", "iso-latin-1") or enc.startswith(("latin-1-", "iso-8859-1-",
                                                                           "iso-latin-1-")):
        return "iso-8859-1"
    return name


def detect_encoding(readline):
    """(encoding, lines read): a UTF-8 BOM gives 'utf-8-sig'; a coding cookie in the first two lines wins;
    the default is 'utf-8'."""
    try:
        filename = readline.__self__.name
    except AttributeError:
        filename = None
    bom = False
    default = "utf-8"

    def read():
        try:
            return readline()
        except StopIteration:
            return b""

    def cookie(line):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            msg = "invalid or missing encoding declaration"
            if filename is not None:
                msg = "{} for {!r}".format(msg, filename)
            raise SyntaxError(msg)
        m = _COOKIE.match(text)
        if not m:
            return None
        enc = _normal_encoding(m.group(1))
        try:
            "".encode(enc)
        except LookupError:
            if filename is None:
                msg = "unknown encoding: " + enc
            else:
                msg = "unknown encoding for {!r}: {}".format(filename, enc)
            raise SyntaxError(msg)
        if bom:
            if enc != "utf-8":
                msg = "encoding problem: utf-8" if filename is None else "encoding problem for {!r}: utf-8".format(filename)
                raise SyntaxError(msg)
            enc += "-sig"
        return enc

    first = read()
    if first.startswith(_BOM_UTF8):
        bom = True
        first = first[3:]
        default = "utf-8-sig"
    if not first:
        return default, []
    enc = cookie(first)
    if enc:
        return enc, [first]
    if not _blank_or_comment(first):
        return default, [first]
    second = read()
    if not second:
        return default, [first]
    enc = cookie(second)
    if enc:
        return enc, [first, second]
    return default, [first, second]


class _SourceText(io.StringIO):
    """What tokenize.open returns: the decoded text (Krait's io.TextIOWrapper cannot wrap a binary file),
    with the attributes callers read."""

    def __init__(self, text, name, encoding):
        super().__init__(text)
        self.name = name
        self.encoding = encoding
        self.mode = "r"


def open(filename):
    """Opens a Python source file in text mode with the encoding detect_encoding() finds."""
    with io.open(filename, "rb") as buffer:
        encoding, _ = detect_encoding(buffer.readline)
        buffer.seek(0)
        data = buffer.read()
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return _SourceText(text.replace("\r\n", "\n").replace("\r", "\n"), filename, encoding)


def untokenize(iterable):
    """Source text from tokens: exact positions are honoured when the tokens carry them (5-tuples or
    TokenInfo); 2-tuples (type, string) give a text that tokenizes to the same types and strings."""
    out = []
    row, col = 1, 0
    encoding = None
    compat = False
    prev = None
    indents = []
    at_line_start = True
    for tok in iterable:
        if len(tok) == 2:
            compat = True
        typ, string = tok[0], tok[1]
        if typ == ENCODING:
            encoding = string
            continue
        if typ == ENDMARKER:
            break
        if compat:
            if typ == INDENT:
                indents.append(string)
                continue
            if typ == DEDENT:
                if indents:
                    indents.pop()
                continue
            if typ in (NEWLINE, NL):
                out.append(string or "\n")
                at_line_start = True
                prev = typ
                continue
            if at_line_start and indents:
                out.append(indents[-1])
            elif prev in (NAME, NUMBER) and typ in (NAME, NUMBER):
                out.append(" ")
            elif prev is not None and not at_line_start and typ not in (FSTRING_MIDDLE, FSTRING_END) \
                    and prev != FSTRING_START:
                out.append(" ")
            at_line_start = False
            out.append(string.replace("{", "{{").replace("}", "}}") if typ == FSTRING_MIDDLE else string)
            prev = typ
            continue
        (srow, scol), (erow, ecol) = tok[2], tok[3]
        if srow > row:
            if out and not "".join(out[-1:]).endswith(("\n", "\r")) and typ not in (DEDENT,):
                out.append("\\\n")
            row, col = srow, 0
        if scol > col and srow == row:
            out.append(" " * (scol - col))
        if typ == FSTRING_MIDDLE:
            string = string.replace("{", "{{").replace("}", "}}")
        out.append(string)
        row, col = erow, ecol
        if typ in (NEWLINE, NL) and string:
            row, col = row + 1, 0
    text = "".join(out)
    if encoding is not None:
        return text.encode(encoding)
    return text


def main(args=None):
    import sys
    path = args[0] if args else (sys.argv[1] if len(sys.argv) > 1 else None)
    if path:
        with builtins_open(path, "rb") as f:
            toks = list(tokenize(f.readline))
    else:
        toks = list(generate_tokens(sys.stdin.readline))
    for t in toks:
        where = "%d,%d-%d,%d:" % (t.start + t.end)
        print("%-20s%-15s%-15r" % (where, tok_name[t.type], t.string))


import builtins as _builtins  # noqa: E402
builtins_open = _builtins.open

if __name__ == "__main__":
    main()
