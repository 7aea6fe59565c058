"""Sequence comparison: SequenceMatcher, Differ/ndiff, unified_diff, context_diff,
get_close_matches, with CPython 3.13's results (same matching blocks, same output lines).

Matching (SequenceMatcher): the longest matching block of a and b is found, then the same is
done recursively left and right of it (Ratcliff/Obershelp, "gestalt pattern matching"). The
longest block is the earliest in a, then the earliest in b, among the longest ones; it is found
without junk elements of b and then extended over equal junk on both sides. With autojunk, when
b has at least 200 elements, elements occurring more than 1% (+1) of the time are treated as
"popular" and never start a match either.
"""

import re
from collections import namedtuple

__all__ = ['get_close_matches', 'ndiff', 'restore', 'SequenceMatcher', 'Differ', 'IS_CHARACTER_JUNK',
           'IS_LINE_JUNK', 'context_diff', 'unified_diff', 'diff_bytes', 'Match']

Match = namedtuple('Match', 'a b size')


def _ratio(matches, length):
    return 2.0 * matches / length if length else 1.0


class SequenceMatcher:
    """Compares two sequences of hashable elements."""

    def __init__(self, isjunk=None, a='', b='', autojunk=True):
        self.isjunk = isjunk
        self.autojunk = autojunk
        self.a = self.b = None
        self.set_seqs(a, b)

    def set_seqs(self, a, b):
        self.set_seq1(a)
        self.set_seq2(b)

    def set_seq1(self, a):
        if a is self.a:
            return
        self.a = a
        self.matching_blocks = self.opcodes = None

    def set_seq2(self, b):
        if b is self.b:
            return
        self.b = b
        self.matching_blocks = self.opcodes = None
        self.fullbcount = None
        self._index_b()

    def _index_b(self):
        """b2j: element -> ascending indices in b, without junk and popular elements."""
        b = self.b
        where = {}
        for j, x in enumerate(b):
            where.setdefault(x, []).append(j)
        self.bjunk = set()
        if self.isjunk:
            self.bjunk = {x for x in where if self.isjunk(x)}
            for x in self.bjunk:
                del where[x]
        self.bpopular = set()
        if self.autojunk and len(b) >= 200:
            limit = len(b) // 100 + 1
            self.bpopular = {x for x, js in where.items() if len(js) > limit}
            for x in self.bpopular:
                del where[x]
        self.b2j = where

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        a, b, where, junk = self.a, self.b, self.b2j, self.bjunk
        if ahi is None:
            ahi = len(a)
        if bhi is None:
            bhi = len(b)
        best_i, best_j, best = alo, blo, 0
        # run[j]: length of the match of non-junk elements ending at a[i-1] and b[j]
        run = {}
        for i in range(alo, ahi):
            next_run = {}
            for j in where.get(a[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = run.get(j - 1, 0) + 1
                next_run[j] = k
                if k > best:
                    best_i, best_j, best = i - k + 1, j - k + 1, k
            run = next_run
        # grow over equal non-junk neighbours (popular elements), then over equal junk
        for want_junk in (False, True):
            while (best_i > alo and best_j > blo and (b[best_j - 1] in junk) == want_junk
                   and a[best_i - 1] == b[best_j - 1]):
                best_i, best_j, best = best_i - 1, best_j - 1, best + 1
            while (best_i + best < ahi and best_j + best < bhi
                   and (b[best_j + best] in junk) == want_junk
                   and a[best_i + best] == b[best_j + best]):
                best += 1
        return Match(best_i, best_j, best)

    def get_matching_blocks(self):
        if self.matching_blocks is not None:
            return self.matching_blocks
        la, lb = len(self.a), len(self.b)
        todo = [(0, la, 0, lb)]
        found = []
        while todo:
            alo, ahi, blo, bhi = todo.pop()
            i, j, k = m = self.find_longest_match(alo, ahi, blo, bhi)
            if k:
                found.append(m)
                if alo < i and blo < j:
                    todo.append((alo, i, blo, j))
                if i + k < ahi and j + k < bhi:
                    todo.append((i + k, ahi, j + k, bhi))
        found.sort()
        # merge blocks that touch
        merged = []
        for i, j, k in found:
            if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
                pi, pj, pk = merged[-1]
                merged[-1] = (pi, pj, pk + k)
            else:
                merged.append((i, j, k))
        merged.append((la, lb, 0))
        self.matching_blocks = [Match(*t) for t in merged]
        return self.matching_blocks

    def get_opcodes(self):
        if self.opcodes is not None:
            return self.opcodes
        i = j = 0
        ops = []
        for ai, bj, size in self.get_matching_blocks():
            if i < ai and j < bj:
                ops.append(('replace', i, ai, j, bj))
            elif i < ai:
                ops.append(('delete', i, ai, j, bj))
            elif j < bj:
                ops.append(('insert', i, ai, j, bj))
            i, j = ai + size, bj + size
            if size:
                ops.append(('equal', ai, i, bj, j))
        self.opcodes = ops
        return ops

    def get_grouped_opcodes(self, n=3):
        """Groups of opcodes with at most n lines of context around each change."""
        codes = list(self.get_opcodes()) or [("equal", 0, 1, 0, 1)]
        if codes[0][0] == 'equal':
            t, i1, i2, j1, j2 = codes[0]
            codes[0] = t, max(i1, i2 - n), i2, max(j1, j2 - n), j2
        if codes[-1][0] == 'equal':
            t, i1, i2, j1, j2 = codes[-1]
            codes[-1] = t, i1, min(i2, i1 + n), j1, min(j2, j1 + n)
        group = []
        for t, i1, i2, j1, j2 in codes:
            if t == 'equal' and i2 - i1 > 2 * n:
                # a long unchanged stretch ends this group and starts the next
                group.append((t, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
                yield group
                group = []
                i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
            group.append((t, i1, i2, j1, j2))
        if group and not (len(group) == 1 and group[0][0] == 'equal'):
            yield group

    def ratio(self):
        matches = sum(m.size for m in self.get_matching_blocks())
        return _ratio(matches, len(self.a) + len(self.b))

    def quick_ratio(self):
        """An upper bound of ratio(): the elements in common, ignoring order."""
        if self.fullbcount is None:
            counts = {}
            for x in self.b:
                counts[x] = counts.get(x, 0) + 1
            self.fullbcount = counts
        left = {}
        matches = 0
        for x in self.a:
            n = left[x] if x in left else self.fullbcount.get(x, 0)
            left[x] = n - 1
            if n > 0:
                matches += 1
        return _ratio(matches, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        la, lb = len(self.a), len(self.b)
        return _ratio(min(la, lb), la + lb)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    """The (at most n) possibilities most similar to word with a ratio of at least cutoff,
    best first."""
    if not n > 0:
        raise ValueError("n must be > 0: %r" % (n,))
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError("cutoff must be in [0.0, 1.0]: %r" % (cutoff,))
    m = SequenceMatcher()
    m.set_seq2(word)
    scored = []
    for x in possibilities:
        m.set_seq1(x)
        if m.real_quick_ratio() >= cutoff and m.quick_ratio() >= cutoff and m.ratio() >= cutoff:
            scored.append((m.ratio(), x))
    scored.sort(reverse=True)
    return [x for _, x in scored[:n]]


def IS_LINE_JUNK(line, pat=re.compile(r"\s*(?:#\s*)?$").match):
    return pat(line) is not None


def IS_CHARACTER_JUNK(ch, ws=" \t"):
    return ch in ws


def _hint_line(line, marks):
    """A '?' guide line: marks under line, keeping the line's tabs and spaces where unmarked."""
    out = []
    for c, m in zip(line, marks):
        out.append(c if m == " " and c.isspace() else m)
    return "".join(out).rstrip()


class Differ:
    """Line-by-line human-readable differences ('- ', '+ ', '  ', '? ' lines)."""

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        for op, alo, ahi, blo, bhi in SequenceMatcher(self.linejunk, a, b).get_opcodes():
            if op == 'replace':
                yield from self._replace(a, alo, ahi, b, blo, bhi)
            elif op == 'delete':
                yield from self._dump('-', a, alo, ahi)
            elif op == 'insert':
                yield from self._dump('+', b, blo, bhi)
            else:
                yield from self._dump(' ', a, alo, ahi)

    def _dump(self, tag, x, lo, hi):
        for i in range(lo, hi):
            yield '%s %s' % (tag, x[i])

    def _plain_replace(self, a, alo, ahi, b, blo, bhi):
        # the shorter block first; deletions first when b's block is not shorter
        if bhi - blo < ahi - alo:
            yield from self._dump('+', b, blo, bhi)
            yield from self._dump('-', a, alo, ahi)
        else:
            yield from self._dump('-', a, alo, ahi)
            yield from self._dump('+', b, blo, bhi)

    def _replace(self, a, alo, ahi, b, blo, bhi):
        """A block of a replaced by a block of b: synchronise on the most similar pair of lines
        (ratio at least 0.75, the first pair wins ties) and mark its intraline changes; with no
        such pair, on the first identical pair; with neither, a plain delete + insert."""
        best, cutoff = 0.74, 0.75
        chars = SequenceMatcher(self.charjunk)
        same_i = same_j = None
        best_i = best_j = None
        for j in range(blo, bhi):
            chars.set_seq2(b[j])
            for i in range(alo, ahi):
                if a[i] == b[j]:
                    if same_i is None:
                        same_i, same_j = i, j
                    continue
                chars.set_seq1(a[i])
                if (chars.real_quick_ratio() > best and chars.quick_ratio() > best
                        and chars.ratio() > best):
                    best, best_i, best_j = chars.ratio(), i, j
        if best < cutoff:
            if same_i is None:
                yield from self._plain_replace(a, alo, ahi, b, blo, bhi)
                return
            best_i, best_j, identical = same_i, same_j, True
        else:
            identical = False
        yield from self._around(a, alo, best_i, b, blo, best_j)
        x, y = a[best_i], b[best_j]
        if identical:
            yield '  ' + x
        else:
            chars.set_seqs(x, y)
            xm, ym = [], []
            for op, i1, i2, j1, j2 in chars.get_opcodes():
                if op == 'replace':
                    xm.append('^' * (i2 - i1))
                    ym.append('^' * (j2 - j1))
                elif op == 'delete':
                    xm.append('-' * (i2 - i1))
                elif op == 'insert':
                    ym.append('+' * (j2 - j1))
                else:
                    xm.append(' ' * (i2 - i1))
                    ym.append(' ' * (j2 - j1))
            xh, yh = _hint_line(x, ''.join(xm)), _hint_line(y, ''.join(ym))
            yield "- " + x
            if xh:
                yield "? %s\n" % xh
            yield "+ " + y
            if yh:
                yield "? %s\n" % yh
        yield from self._around(a, best_i + 1, ahi, b, best_j + 1, bhi)

    def _around(self, a, alo, ahi, b, blo, bhi):
        if alo < ahi:
            if blo < bhi:
                yield from self._replace(a, alo, ahi, b, blo, bhi)
            else:
                yield from self._dump('-', a, alo, ahi)
        elif blo < bhi:
            yield from self._dump('+', b, blo, bhi)


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    return Differ(linejunk, charjunk).compare(a, b)


def restore(delta, which):
    """One of the two sequences an ndiff/compare delta was made from (which: 1 or 2)."""
    try:
        tag = {1: "- ", 2: "+ "}[int(which)]
    except KeyError:
        raise ValueError('unknown delta choice (must be 1 or 2): %r' % which) from None
    for line in delta:
        if line[:2] in ("  ", tag):
            yield line[2:]


def _unified_range(start, stop):
    first, length = start + 1, stop - start
    if length == 1:
        return '%d' % first
    if not length:
        first -= 1
    return '%d,%d' % (first, length)


def _context_range(start, stop):
    first, length = start + 1, stop - start
    if not length:
        first -= 1
    if length <= 1:
        return '%d' % first
    return '%d,%d' % (first, first + length - 1)


def _check_types(a, b, *args):
    if a and not isinstance(a[0], str):
        raise TypeError('lines to compare must be str, not %s (%r)' % (type(a[0]).__name__, a[0]))
    if b and not isinstance(b[0], str):
        raise TypeError('lines to compare must be str, not %s (%r)' % (type(b[0]).__name__, b[0]))
    for arg in args:
        if not isinstance(arg, str):
            raise TypeError('all arguments must be str, not: %r' % (arg,))


def _header_date(date):
    return '\t%s' % date if date else ''


def unified_diff(a, b, fromfile='', tofile='', fromfiledate='', tofiledate='', n=3, lineterm='\n'):
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    first_group = True
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if first_group:
            first_group = False
            yield '--- %s%s%s' % (fromfile, _header_date(fromfiledate), lineterm)
            yield '+++ %s%s%s' % (tofile, _header_date(tofiledate), lineterm)
        yield '@@ -%s +%s @@%s' % (_unified_range(group[0][1], group[-1][2]),
                                   _unified_range(group[0][3], group[-1][4]), lineterm)
        for op, i1, i2, j1, j2 in group:
            if op == 'equal':
                for line in a[i1:i2]:
                    yield ' ' + line
                continue
            if op != 'insert':
                for line in a[i1:i2]:
                    yield '-' + line
            if op != 'delete':
                for line in b[j1:j2]:
                    yield '+' + line


_CONTEXT_MARK = {'insert': '+ ', 'delete': '- ', 'replace': '! ', 'equal': '  '}


def context_diff(a, b, fromfile='', tofile='', fromfiledate='', tofiledate='', n=3, lineterm='\n'):
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    first_group = True
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if first_group:
            first_group = False
            yield '*** %s%s%s' % (fromfile, _header_date(fromfiledate), lineterm)
            yield '--- %s%s%s' % (tofile, _header_date(tofiledate), lineterm)
        yield '***************' + lineterm
        yield '*** %s ****%s' % (_context_range(group[0][1], group[-1][2]), lineterm)
        if any(g[0] in ('replace', 'delete') for g in group):
            for op, i1, i2, _, _ in group:
                if op != 'insert':
                    for line in a[i1:i2]:
                        yield _CONTEXT_MARK[op] + line
        yield '--- %s ----%s' % (_context_range(group[0][3], group[-1][4]), lineterm)
        if any(g[0] in ('replace', 'insert') for g in group):
            for op, _, _, j1, j2 in group:
                if op != 'delete':
                    for line in b[j1:j2]:
                        yield _CONTEXT_MARK[op] + line


def diff_bytes(dfunc, a, b, fromfile=b'', tofile=b'', fromfiledate=b'', tofiledate=b'', n=3,
               lineterm=b'\n'):
    """unified_diff/context_diff over bytes: decoded as ASCII with surrogateescape, which maps
    every byte to a character and back."""
    def dec(s):
        try:
            return s.decode('ascii', 'surrogateescape')
        except AttributeError as err:
            raise TypeError('all arguments must be bytes, not %s (%r)' % (type(s).__name__, s)) from err
    lines = dfunc([dec(x) for x in a], [dec(x) for x in b], dec(fromfile), dec(tofile),
                  dec(fromfiledate), dec(tofiledate), n, dec(lineterm))
    for line in lines:
        yield line.encode('ascii', 'surrogateescape')
