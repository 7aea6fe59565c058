"""Helpers shared by the unittest modules: safe reprs, the shortened reprs of assertion messages,
the class name used in test descriptions, and the element-count differences of assertCountEqual.

The shortening rule is CPython 3.13's observable one: reprs of at most 80 characters are left
alone; longer ones keep their common prefix cut down to a few characters and each differing tail
cut to a bounded length, a cut part replaced by "[N chars]".
"""

__unittest = True

_LIMIT = 80          # reprs up to this length are never shortened
_MARK_LEN = 12       # a cut shorter than this is not worth a "[N chars]" marker
_HEAD = 5            # characters kept at the start of a shortened common prefix
_TAIL = 5            # characters kept at the end of a shortened common prefix / differing tail
_COMMON = 5
_DIFF = _LIMIT - (_HEAD + _MARK_LEN + _COMMON + _MARK_LEN + _TAIL)


def safe_repr(obj, short=False):
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if short and len(text) >= _LIMIT:
        return text[:_LIMIT] + ' [truncated]...'
    return text


def strclass(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def _cut(text, keep_head, keep_tail):
    """text with its middle replaced by "[N chars]" when at least _MARK_LEN characters would go."""
    dropped = len(text) - keep_head - keep_tail
    if dropped <= _MARK_LEN:
        return text
    return "%s[%d chars]%s" % (text[:keep_head], dropped, text[len(text) - keep_tail:])


def _shared_prefix(texts):
    first, last = min(texts), max(texts)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]


def _common_shorten_repr(*objs):
    texts = tuple(safe_repr(o) for o in objs)
    longest = max(len(t) for t in texts)
    if longest <= _LIMIT:
        return texts
    prefix = _shared_prefix(texts)
    plen = len(prefix)
    room = _LIMIT - (longest - plen + _HEAD + _MARK_LEN)
    if room > _COMMON:
        head = _cut(prefix, _HEAD, room)
        return tuple(head + t[plen:] for t in texts)
    head = _cut(prefix, _HEAD, _COMMON)
    return tuple(head + _cut(t[plen:], _DIFF, _TAIL) for t in texts)


def _count_diff_hashable(actual, expected):
    """(count in actual, count in expected, element) for each element whose counts differ."""
    from collections import Counter
    a, e = Counter(actual), Counter(expected)
    out = [(n, e.get(x, 0), x) for x, n in a.items() if n != e.get(x, 0)]
    out.extend((0, n, x) for x, n in e.items() if x not in a)
    return out


def _count_diff_all_purpose(actual, expected):
    """The same for unhashable elements, by equality only (quadratic)."""
    gone = object()
    a, e = list(actual), list(expected)
    out = []

    def take(seq, start, elem):
        n = 0
        for j in range(start, len(seq)):
            if seq[j] is not gone and seq[j] == elem:
                n += 1
                seq[j] = gone
        return n

    for i, elem in enumerate(a):
        if elem is gone:
            continue
        na = take(a, i, elem)
        ne = take(e, 0, elem)
        if na != ne:
            out.append((na, ne, elem))
    for i, elem in enumerate(e):
        if elem is gone:
            continue
        out.append((0, take(e, i, elem), elem))
    return out


def sorted_list_difference(expected, actual):
    """Items missing from `actual` and unexpected in it, both inputs sorted."""
    i = j = 0
    missing, unexpected = [], []
    while i < len(expected) and j < len(actual):
        x, y = expected[i], actual[j]
        if x < y:
            missing.append(x)
            i += 1
            while i < len(expected) and expected[i] == x:
                i += 1
        elif x > y:
            unexpected.append(y)
            j += 1
            while j < len(actual) and actual[j] == y:
                j += 1
        else:
            i += 1
            while i < len(expected) and expected[i] == x:
                i += 1
            j += 1
            while j < len(actual) and actual[j] == y:
                j += 1
    missing.extend(expected[i:])
    unexpected.extend(actual[j:])
    return missing, unexpected
