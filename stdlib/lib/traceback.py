"""Extract, format and print exceptions and their tracebacks, in CPython 3.13's format.

Krait's traceback objects carry tb_next, tb_lineno, tb_lasti and tb_frame, a snapshot whose f_code
is the code object (co_name, co_filename) and whose f_lineno is the line. The source lines of a
frame with CPython 3.13's caret lines (~~~^^^ under the failing operation, multi-line spans, the
"...<N lines>..." abbreviation) come from _traceback._format_source, the C implementation the
interpreter's own printer uses (vm/traceback.c), so both print the same; _traceback._tb_position
gives an entry's (lineno, end_lineno, colno, end_colno). Stack extraction of the running frames
(extract_stack / format_stack / print_stack) needs live frame objects, which Krait does not expose,
and is not provided.
"""

import sys
import _traceback

__all__ = ["extract_tb", "format_exc", "format_exception", "format_exception_only", "format_list",
           "format_tb", "print_exc", "print_exception", "print_last", "print_list", "print_tb",
           "FrameSummary", "StackSummary", "TracebackException", "walk_tb"]

_RECURSIVE_CUTOFF = 3  # CPython collapses repeated identical frames after three

_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")
_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")

# filename -> list of the file's lines (None when unreadable); what linecache does for CPython.
_line_cache = {}


def _getline(filename, lineno):
    """Line `lineno` of `filename` with its newline, or '' when unavailable."""
    lines = _line_cache.get(filename, 0)
    if lines == 0:
        lines = None
        if filename and not (filename.startswith("<") and filename.endswith(">")):
            try:
                with open(filename, encoding="utf-8", errors="replace") as f:
                    lines = f.read().splitlines(True)
            except (OSError, ValueError):
                lines = None
        _line_cache[filename] = lines
    if lines is None or not 1 <= lineno <= len(lines):
        return ""
    return lines[lineno - 1]


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except BaseException:
        return "<%s %s() failed>" % (what, func.__name__)


_sentinel = object()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError("Exception expected for value, %s found" % type(exc).__name__)
        return None, None
    return value, tb


# ---------------------------------------------------------------- frames

class FrameSummary:
    """Information about a single frame of a traceback: filename, lineno, name and line."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno", "name", "_line", "_given",
                 "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        self._given = line is not None  # the caller's text: shown as is, without carets
        if lookup_line:
            self.line
        self.locals = {k: _safe_string(v, "local", func=repr) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _getline(self.filename, self.lineno)
        return self._line.strip()


def walk_tb(tb):
    """Yield (frame, lineno) for each entry of traceback tb, outermost first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_full_positions(tb):
    # As walk_tb, with (lineno, end_lineno, colno, end_colno) for each entry (CPython's).
    while tb is not None:
        yield tb.tb_frame, _traceback._tb_position(tb)
        tb = tb.tb_next


def _limited(items, limit):
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return list(items)
    items = list(items)
    if limit >= 0:
        return items[:limit]
    return items[limit:] if -limit <= len(items) else items


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(extended_frame_gen(), limit=limit,
                                                      lookup_lines=lookup_lines,
                                                      capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None, lookup_lines=True,
                                         capture_locals=False):
        result = klass()
        for f, (lineno, end_lineno, colno, end_colno) in _limited(frame_gen, limit):
            co = f.f_code
            result.append(FrameSummary(co.co_filename, lineno, co.co_name, lookup_line=False,
                                       locals=None, end_lineno=end_lineno, colno=colno,
                                       end_colno=end_colno))
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary, **kwargs):
        filename = frame_summary.filename
        if filename.startswith("<stdin>-"):
            filename = "<stdin>"
        row = ['  File "{}", line {}, in {}\n'.format(filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary._given:
            line = frame_summary.line
            if line:
                row.append("    {}\n".format(line))
        elif frame_summary.lineno is not None:
            row.append(_traceback._format_source(frame_summary.filename, frame_summary.lineno,
                                                 frame_summary.end_lineno, frame_summary.colno,
                                                 frame_summary.end_colno))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append("    {name} = {value}\n".format(name=name, value=value))
        return "".join(row)

    def format(self, **kwargs):
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary)
            if formatted is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append("  [Previous line repeated {} more time{}]\n".format(
                        count, "s" if count > 1 else ""))
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append("  [Previous line repeated {} more time{}]\n".format(
                count, "s" if count > 1 else ""))
        return result


def walk_stack(f):
    """Yield (frame, lineno) from frame f outwards (f None: the caller's frame)."""
    if f is None:
        f = sys._getframe(1)
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def extract_stack(f=None, limit=None):
    """A StackSummary of the stack from frame f (default: the caller) outwards, outermost first."""
    if f is None:
        f = sys._getframe(1)
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_stack(f=None, limit=None):
    """extract_stack() formatted as a list of strings."""
    if f is None:
        f = sys._getframe(1)
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    """Print the stack from frame f (default: the caller) outwards, outermost first."""
    if f is None:
        f = sys._getframe(1)
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    """Clear the locals of the traceback's frames (nothing to do: Krait's frame objects are snapshots)."""
    while tb is not None:
        tb = tb.tb_next


def extract_tb(tb, limit=None):
    """A StackSummary of the traceback's entries, outermost first."""
    return StackSummary._extract_from_extended_frame_gen(_walk_tb_with_full_positions(tb), limit=limit)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


# ---------------------------------------------------------------- exceptions

class TracebackException:
    """An exception captured for later formatting: its type, str, stack and chain."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)
        self.exc_type = exc_type
        self._exc_type = exc_type
        self._str = _safe_string(exc_value, "exception")
        if exc_value is not None and isinstance(exc_value, (NameError, AttributeError, ImportError)):
            # CPython's "Did you mean" hints (its _compute_suggestion_error); Krait's tracebacks keep
            # no frames, so the exception carries what the hint needs of the frame it was raised in
            try:
                import _suggestions
                self._str += _suggestions._hint(exc_value, exc_traceback is not None)
            except Exception:
                pass
        try:
            self.__notes__ = getattr(exc_value, "__notes__", None)
        except Exception as e:
            self.__notes__ = ["Ignored error getting __notes__: %s" % _safe_string(e, "__notes__", repr)]
        self.exceptions = None
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        if lookup_lines:
            for f in self.stack:
                f.line
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        # The chain: the same _seen set across the recursion stops at cycles.
        e = exc_value
        cause = None
        if e is not None and e.__cause__ is not None and id(e.__cause__) not in _seen:
            cause = TracebackException(type(e.__cause__), e.__cause__, e.__cause__.__traceback__,
                                       limit=limit, lookup_lines=lookup_lines,
                                       capture_locals=capture_locals, compact=compact, _seen=_seen)
        need_context = cause is None and e is not None and not e.__suppress_context__ if compact else True
        context = None
        if e is not None and e.__context__ is not None and need_context and id(e.__context__) not in _seen:
            context = TracebackException(type(e.__context__), e.__context__, e.__context__.__traceback__,
                                         limit=limit, lookup_lines=lookup_lines,
                                         capture_locals=capture_locals, compact=compact, _seen=_seen)
        self.__cause__ = cause
        self.__context__ = context
        # an exception group's members, each with its own chain (the shared _seen set still stops
        # cycles through them)
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        if exc_value is not None and isinstance(exc_value, BaseExceptionGroup):
            self.exceptions = [
                TracebackException(type(x), x, x.__traceback__, limit=limit, lookup_lines=lookup_lines,
                                   capture_locals=capture_locals, max_group_width=max_group_width,
                                   max_group_depth=max_group_depth, _seen=_seen)
                for x in exc_value.exceptions]

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type_str(self):
        return self._type_name()

    def _type_name(self):
        t = self._exc_type
        if t is None:
            return None
        stype = t.__qualname__
        smod = t.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + "." + stype
        return stype

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self, *, show_group=False, _depth=0, **kwargs):
        indent = 3 * _depth * " "
        if self._exc_type is None:
            yield indent + _format_final_exc_line(None, self._str)
            return
        stype = self._type_name()
        if not issubclass(self._exc_type, SyntaxError):
            yield indent + _format_final_exc_line(stype, self._str)
        else:
            for line in self._format_syntax_error(stype):
                yield indent + line
        notes = self.__notes__
        if isinstance(notes, (list, tuple)):
            for note in notes:
                note = _safe_string(note, "note")
                for line in note.split("\n"):
                    yield indent + line + "\n"
        elif notes is not None:
            yield indent + "{}\n".format(_safe_string(notes, "__notes__", func=repr))
        if self.exceptions and show_group:
            for ex in self.exceptions:
                yield from ex.format_exception_only(show_group=show_group, _depth=_depth + 1)

    def _format_syntax_error(self, stype):
        filename_suffix = ""
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = " ({})".format(self.filename)
        text = self.text
        if text is not None:
            # CPython 3.13's rules: offsets are 1-based characters into text; the caret line keeps
            # the tabs of the text before the error
            rtext = text.rstrip("\n")
            ltext = rtext.lstrip(" \n\f")
            spaces = len(rtext) - len(ltext)
            if self.offset is None:
                yield "    {}\n".format(ltext)
            else:
                offset = self.offset
                if self.lineno == self.end_lineno:
                    end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                else:
                    end_offset = len(rtext) + 1
                if self.text and offset > len(self.text):
                    offset = len(rtext) + 1
                if self.text and end_offset > len(self.text):
                    end_offset = len(rtext) + 1
                if offset >= end_offset or end_offset < 0:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                yield "    {}\n".format(ltext)
                if colno >= 0:
                    caretspace = "".join(c if c.isspace() else " " for c in ltext[:colno])
                    yield "    {}{}\n".format(caretspace, "^" * (end_colno - colno))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None, **kwargs):
        """The lines of the report, each ending in a newline: the chain oldest first, and an
        exception group's members in numbered boxes (at most max_group_width per group, nested at
        most max_group_depth deep)."""
        if _ctx is None:
            _ctx = _GroupPrintContext()
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg = _cause_message
                    chained_exc = exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg = _context_message
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit("Traceback (most recent call last):\n")
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.depth > self.max_group_depth:
                yield from _ctx.emit(f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                yield from exc._format_group(chain, _ctx)

    def _format_group(self, chain, _ctx):
        toplevel = _ctx.depth == 0
        if toplevel:
            _ctx.depth += 1
        if self.stack:
            yield from _ctx.emit("Exception Group Traceback (most recent call last):\n",
                                 margin="+" if toplevel else "|")
            yield from _ctx.emit(self.stack.format())
        yield from _ctx.emit(self.format_exception_only())
        width = self.max_group_width
        count = len(self.exceptions)
        shown = count if count <= width else width + 1
        _ctx.need_close = False
        for i in range(shown):
            last = i == shown - 1
            if last:
                _ctx.need_close = True  # unless a nested group closes the box itself
            truncated = i >= width
            title = "..." if truncated else str(i + 1)
            yield (_ctx.indent() + ("+-" if i == 0 else "  ")
                   + f"+---------------- {title} ----------------\n")
            _ctx.depth += 1
            if not truncated:
                yield from self.exceptions[i].format(chain=chain, _ctx=_ctx)
            else:
                rest = count - width
                yield from _ctx.emit(f"and {rest} more exception{'s' if rest > 1 else ''}\n")
            if last and _ctx.need_close:
                yield _ctx.indent() + "+------------------------------------\n"
                _ctx.need_close = False
            _ctx.depth -= 1
        if toplevel:
            _ctx.depth = 0

    def print(self, *, file=None, chain=True, **kwargs):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")


class _GroupPrintContext:
    """Where TracebackException.format is in the boxes of nested exception groups."""

    def __init__(self):
        self.depth = 0
        self.need_close = False

    def indent(self):
        return "  " * self.depth

    def emit(self, text, margin="|"):
        """text (a string or an iterable of strings) with every line prefixed by the indent and
        the margin while inside a group."""
        prefix = self.indent() + margin + " " if self.depth else ""
        if isinstance(text, str):
            text = (text,)
        for chunk in text:
            if prefix:
                chunk = "".join(prefix + line for line in chunk.splitlines(True))
            yield chunk


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, "exception")
    if value is None or not valuestr:
        line = "%s\n" % etype
    else:
        line = "%s: %s\n" % (etype, valuestr)
    return line


def format_exception_only(exc, /, value=_sentinel, *, show_group=False):
    """The lines describing the exception itself (no traceback), each ending in a newline."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only(show_group=show_group))


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines print_exception would print, as a list of strings ending in newlines."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print the exception with its traceback and chain to file (default sys.stderr)."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted as print_exc would print it."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (sys.exception()) and its traceback."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Print the last uncaught exception (sys.last_exc), as the interactive interpreter keeps it."""
    if not hasattr(sys, "last_exc") and not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    if hasattr(sys, "last_exc"):
        print_exception(sys.last_exc, limit=limit, file=file, chain=chain)
    else:
        print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit=limit, file=file,
                        chain=chain)
