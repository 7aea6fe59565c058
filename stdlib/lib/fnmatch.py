"""fnmatch: Unix shell-style filename matching (CPython 3.13's API).

Patterns: '*' matches everything, '?' any single character, '[seq]' any character in seq, '[!seq]'
any character not in seq.  A pattern is translated into a regular expression (translate()) and
compiled once; the compiled patterns are kept in a per-module cache.

Krait's re has no bytes patterns, so bytes names and patterns are matched as their Latin-1 decodings
(a one-to-one map of bytes to the code points 0-255, so the result is the same).
"""

import posixpath

# os.path is posixpath on every system Krait runs on; importing it directly skips os itself.
_normcase = posixpath.normcase

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

# Compiled patterns by (type, pattern); cleared when it grows past _CACHE_MAX (CPython keeps an LRU
# cache of the same size).
_cache = {}
_CACHE_MAX = 32768


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN, after normalizing the case of both (os.path.normcase:
    nothing to do on POSIX)."""
    name = _normcase(name)
    pat = _normcase(pat)
    return fnmatchcase(name, pat)


def _compile_pattern(pat):
    key = (type(pat), pat)
    match = _cache.get(key)
    if match is None:
        import re
        if isinstance(pat, bytes):
            regex = re.compile(translate(str(pat, 'ISO-8859-1')))
            str_match = regex.match

            def match(name):
                if not isinstance(name, (bytes, bytearray)):
                    raise TypeError("cannot use a bytes pattern on a string-like object")
                return str_match(str(name, 'ISO-8859-1'))
        else:
            regex_match = re.compile(translate(pat)).match

            def match(name):
                if isinstance(name, (bytes, bytearray)):
                    raise TypeError("cannot use a string pattern on a bytes-like object")
                return regex_match(name)
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()
        _cache[key] = match
    return match


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    pat = _normcase(pat)
    match = _compile_pattern(pat)
    # normcase(name) is name itself on POSIX.
    return [name for name in names if match(name)]


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    return _compile_pattern(pat)(name) is not None


def translate(pat):
    """Translate a shell PATTERN to a regular expression.  There is no way to quote meta-characters."""
    STAR = object()
    parts = _translate(pat, STAR, '.')
    return _join_translated_parts(parts, STAR)


def _translate_set(pat, i, j):
    """The regex character-class body for the set pat[i:j] (pat[i-1] is '[', pat[j] is ']'), or '' for
    a set that can match nothing."""
    stuff = pat[i:j]
    if '-' not in stuff:
        stuff = stuff.replace('\\', r'\\')
    else:
        # Split at the hyphens that form ranges (a hyphen right after '[' or '[!' is literal, and the
        # one after a range's end starts a new chunk); drop ranges whose ends are reversed (the regex
        # would reject them) and escape the remaining backslashes and hyphens.
        chunks = []
        k = i + 2 if pat[i] == '!' else i + 1
        while True:
            k = pat.find('-', k, j)
            if k < 0:
                break
            chunks.append(pat[i:k])
            i = k + 1
            k = k + 3
        chunk = pat[i:j]
        if chunk:
            chunks.append(chunk)
        else:
            chunks[-1] += '-'
        for k in range(len(chunks) - 1, 0, -1):
            if chunks[k - 1][-1] > chunks[k][0]:
                chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                del chunks[k]
        stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-') for s in chunks)
    # Escape what a future regex syntax could read as set operations (&&, ~~, ||).
    out = []
    for ch in stuff:
        if ch in '&~|':
            out.append('\\')
        out.append(ch)
    return ''.join(out)


def _translate(pat, STAR, QUESTION_MARK):
    """The pattern as a list of regex pieces, with the STAR marker for each run of '*'."""
    import re
    res = []
    add = res.append
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not res or res[-1] is not STAR:
                add(STAR)
        elif c == '?':
            add(QUESTION_MARK)
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                # No closing bracket: the '[' is an ordinary character.
                add('\\[')
                continue
            stuff = _translate_set(pat, i, j)
            i = j + 1
            if not stuff:
                add('(?!)')          # an empty set never matches
            elif stuff == '!':
                add('.')             # a negated empty set matches any character
            else:
                if stuff[0] == '!':
                    stuff = '^' + stuff[1:]
                elif stuff[0] in ('^', '['):
                    stuff = '\\' + stuff
                add(f'[{stuff}]')
        else:
            add(re.escape(c))
    return res


def _join_translated_parts(parts, STAR):
    """Join the pieces: fixed text before the first star as is; each 'star then fixed text' in the
    middle as an atomic lazy match '(?>.*?fixed)' (no backtracking into it, so matching stays linear);
    the final star and what follows as '.*fixed'."""
    res = []
    add = res.append
    n = len(parts)
    i = 0
    while i < n and parts[i] is not STAR:
        add(parts[i])
        i += 1
    while i < n:
        i += 1                      # parts[i] was a STAR
        if i == n:
            add(".*")
            break
        fixed = []
        while i < n and parts[i] is not STAR:
            fixed.append(parts[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            add(".*")
            add(fixed)
        else:
            add(f"(?>.*?{fixed})")
    res = "".join(res)
    return fr'(?s:{res})\Z'
