"""ElementPath: the XPath subset of ElementTree's find/findall/findtext/iterfind (Krait's own).

A path compiles to a list of selector functions; each takes the find's context (the element it was
called on, and a lazily built child->parent map for '..' and positional predicates) and an iterable of
elements, and yields the next step's elements. Compiled paths are cached per (path, namespaces).
"""
import re

_token_re = re.compile(
    r"""\s*(?:
        (?P<str>'[^']*'|"[^"]*")
      | (?P<op>//|::|\.\.|\(\)|!=|[/.*:\[\]()@=-])
      | (?P<name>(?:\{[^}]*\})?[^/\[\]()@!=\s'"]*)
    )""", re.X)

_cache = {}
_MAXCACHE = 100


def _tokenize(path, namespaces):
    pos = 0
    out = []
    n = len(path)
    while pos < n:
        m = _token_re.match(path, pos)
        if m is None or m.end() == pos:
            if path[pos:].strip() == '':
                break
            raise SyntaxError("invalid path")
        pos = m.end()
        if m.group('str') is not None:
            out.append(('str', m.group('str')[1:-1]))
        elif m.group('op') is not None:
            out.append(('op', m.group('op')))
        elif m.group('name') is not None:
            out.append(('name', m.group('name')))
    return out


def _qualify(name, namespaces, default=True):
    if name[:1] == '{':
        return name
    if ':' in name:
        prefix, local = name.split(':', 1)
        if not namespaces or prefix not in namespaces:
            raise SyntaxError("prefix %r not found in prefix map" % prefix)
        return '{%s}%s' % (namespaces[prefix], local)
    if default and namespaces and namespaces.get('') and name != '*':
        return '{%s}%s' % (namespaces[''], name)
    return name


def _tag_matcher(tag):
    """A predicate on an element's tag for a step's tag, with the {*} and {} wildcards."""
    if tag == '*':
        return lambda t: True
    if tag == '{*}*':
        return lambda t: isinstance(t, str)
    if tag == '{}*':
        return lambda t: isinstance(t, str) and t[:1] != '{'
    if tag[:3] == '{*}':
        local = tag[3:]
        suffix = '}' + local
        return lambda t: isinstance(t, str) and (t == local or t.endswith(suffix))
    if tag[:2] == '{}':
        local = tag[2:]
        return lambda t: t == local
    return lambda t: t == tag


class _Context:
    __slots__ = ('root', 'parents')

    def __init__(self, root):
        self.root = root
        self.parents = None

    def parent_map(self):
        if self.parents is None:
            pm = {}
            for p in self.root.iter():
                for c in p:
                    pm[c] = p
            self.parents = pm
        return self.parents


def _child_step(tag):
    if tag == '*':
        def select(ctx, elems):
            for e in elems:
                yield from e
        return select
    match = _tag_matcher(tag)

    def select(ctx, elems):
        for e in elems:
            for c in e:
                if match(c.tag):
                    yield c
    return select


def _self_step(ctx, elems):
    yield from elems


def _parent_step(ctx, elems):
    pm = ctx.parent_map()
    seen = set()
    for e in elems:
        p = pm.get(e)
        if p is not None and id(p) not in seen:
            seen.add(id(p))
            yield p


def _descendant_step(tag):
    if tag == '*' or tag == '{*}*' or tag == '{}*' or tag[:3] == '{*}' or tag[:2] == '{}':
        match = _tag_matcher(tag)

        def select(ctx, elems):
            for e in elems:
                for d in e.iter():
                    if d is not e and match(d.tag):
                        yield d
        return select

    def select(ctx, elems):
        for e in elems:
            for d in e.iter(tag):
                if d is not e:
                    yield d
    return select


def _text_of(e):
    return ''.join(e.itertext())


def _predicate(tokens, namespaces):
    """Compiles the tokens between '[' and ']'."""
    kinds = ''.join('s' if k == 'str' else ('n' if k == 'name' else v) for k, v in tokens)
    vals = [v for k, v in tokens]
    if kinds[:2] == '@n':
        vals[1] = _qualify(vals[1], namespaces, False)
    elif kinds[:1] == 'n' and kinds[1:2] != '(' and not vals[0].isdigit():
        vals[0] = _qualify(vals[0], namespaces)
    if kinds == '@n':
        key = vals[1]

        def select(ctx, elems):
            for e in elems:
                if e.get(key) is not None:
                    yield e
        return select
    if kinds in ('@n=s', '@n!=s'):
        key, value, neg = vals[1], vals[-1], kinds == '@n!=s'

        def select(ctx, elems):
            for e in elems:
                v = e.get(key)
                if v is not None and (v != value if neg else v == value):
                    yield e
        return select
    if kinds == 'n' and not vals[0].isdigit():
        tag = vals[0]

        def select(ctx, elems):
            for e in elems:
                if e.find(tag) is not None:
                    yield e
        return select
    if kinds in ('n=s', 'n!=s', '.=s', '.!=s'):
        tag, value, neg = vals[0], vals[-1], '!=' in kinds
        if tag == '.':
            def select(ctx, elems):
                for e in elems:
                    if (_text_of(e) != value) if neg else (_text_of(e) == value):
                        yield e
            return select

        def select(ctx, elems):
            for e in elems:
                for c in e.findall(tag):
                    if (_text_of(c) != value) if neg else (_text_of(c) == value):
                        yield e
                        break
        return select
    if kinds == '-n' and vals[1].isdigit():
        raise SyntaxError("XPath position >= 1 expected")
    if kinds == 'n' or kinds == 'n()' or (kinds.startswith('n()-') and len(kinds) == 5):
        if kinds == 'n':
            index = int(vals[0]) - 1
            if index < 0:
                raise SyntaxError("XPath position >= 1 expected")
        else:
            if vals[0] != 'last':
                raise SyntaxError("unsupported function")
            if kinds == 'n()':
                index = -1
            else:
                try:
                    index = int(vals[3]) + 1
                except ValueError:
                    raise SyntaxError("unsupported expression")
                if index < 2:
                    raise SyntaxError("XPath offset from last() must be negative")
                index = -index

        def select(ctx, elems):
            pm = ctx.parent_map()
            for e in elems:
                p = pm.get(e)
                if p is None:
                    continue
                same = p.findall(e.tag)
                if -len(same) <= index < len(same) and same[index] is e:
                    yield e
        return select
    raise SyntaxError("invalid predicate")


def _compile(path, namespaces):
    if path[-1:] == '/':
        path = path + '*'   # a trailing slash selects all children
    tokens = _tokenize(path, namespaces)
    steps = []
    i = 0
    n = len(tokens)
    if path[:1] == '/':
        raise SyntaxError("cannot use absolute path on element")
    expect_step = True
    while i < n:
        kind, val = tokens[i]
        if expect_step:
            if kind == 'name':
                steps.append(_child_step(_qualify(val, namespaces)))
            elif val == '*':
                steps.append(_child_step('*'))
            elif val == '.':
                steps.append(_self_step)
            elif val == '..':
                steps.append(_parent_step)
            elif val == '//':
                i += 1
                if i >= n:
                    raise SyntaxError("invalid descendant")
                kind, val = tokens[i]
                if kind == 'name':
                    steps.append(_descendant_step(_qualify(val, namespaces)))
                elif val == '*':
                    steps.append(_descendant_step(val))
                else:
                    raise SyntaxError("invalid descendant")
            else:
                raise SyntaxError("invalid path")
            expect_step = False
            i += 1
            continue
        if val == '[':
            j = i + 1
            while j < n and tokens[j] != ('op', ']'):
                j += 1
            if j >= n:
                raise SyntaxError("invalid path")
            steps.append(_predicate(tokens[i + 1:j], namespaces))
            i = j + 1
        elif val == '/':
            expect_step = True
            i += 1
        elif val == '//':
            expect_step = True   # the '//' token starts the next step
        else:
            raise SyntaxError("invalid path")
    if expect_step and steps:
        raise SyntaxError("invalid path")
    return steps


def _steps(path, namespaces):
    key = (path, None if namespaces is None else tuple(sorted(namespaces.items())))
    steps = _cache.get(key)
    if steps is None:
        steps = _compile(path, namespaces)
        if len(_cache) > _MAXCACHE:
            _cache.clear()
        _cache[key] = steps
    return steps


def iterfind(elem, path, namespaces=None):
    steps = _steps(path, namespaces)
    ctx = _Context(elem)
    result = iter((elem,))
    for step in steps:
        result = step(ctx, result)
    return result


def find(elem, path, namespaces=None):
    return next(iterfind(elem, path, namespaces), None)


def findall(elem, path, namespaces=None):
    return list(iterfind(elem, path, namespaces))


def findtext(elem, path, default=None, namespaces=None):
    e = find(elem, path, namespaces)
    if e is None:
        return default
    return e.text or ''
