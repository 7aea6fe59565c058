"""gettext: message catalogs (Krait's own implementation of CPython 3.13's module).

NullTranslations passes messages through; GNUTranslations reads GNU .mo files (either byte
order), including plural forms (the Plural-Forms C expression is parsed here by a small
recursive-descent parser, never eval'd) and message contexts.  translation()/find() look up
LOCALEDIR/LANG/LC_MESSAGES/DOMAIN.mo for the languages of $LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG."""

import os
import re
import sys

__all__ = ['NullTranslations', 'GNUTranslations', 'Catalog', 'bindtextdomain', 'find',
           'translation', 'install', 'textdomain', 'dgettext', 'dngettext', 'gettext',
           'ngettext', 'pgettext', 'dpgettext', 'npgettext', 'dnpgettext']

_default_localedir = os.path.join(sys.base_prefix if hasattr(sys, 'base_prefix') else sys.prefix,
                                  'share', 'locale')


# ------------------------------------------------- plural-form expressions

_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()])|(\S))")


def _tokens(text):
    pos = 0
    out = []
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        pos = m.end()
        num, var, op, bad = m.groups()
        if bad is not None:
            raise ValueError('invalid token in plural form: %s' % bad)
        if num is not None:
            out.append(('num', int(num)))
        elif var is not None:
            out.append(('n', None))
        elif op is not None:
            out.append(('op', op))
    if text[pos:].strip():
        raise ValueError('invalid token in plural form: %s' % text[pos:].strip())
    out.append(('end', None))
    return out


class _PluralParser:
    """C expression grammar (ternary, ||, &&, equality, relational, additive, multiplicative, unary
    !; no unary minus, as in CPython) compiled into nested closures of n."""

    _LEVELS = [('||',), ('&&',), ('==', '!='), ('<', '>', '<=', '>='), ('+', '-'), ('*', '/', '%')]

    def __init__(self, text):
        self.toks = _tokens(text)
        self.i = 0

    def peek(self):
        return self.toks[self.i]

    def take(self, op=None):
        tok = self.toks[self.i]
        if op is not None and tok != ('op', op):
            if tok[0] == 'end':
                raise ValueError('unexpected end of plural form')
            raise ValueError('unexpected token in plural form: %s' % (tok[1],))
        self.i += 1
        return tok

    def parse(self):
        fn = self.ternary()
        if self.peek()[0] != 'end':
            tok = self.peek()
            if tok == ('op', ')'):
                raise ValueError('unbalanced parenthesis in plural form')
            raise ValueError('unexpected token in plural form: %s' % (tok[1],))
        return fn

    def ternary(self):
        cond = self.binary(0)
        if self.peek() == ('op', '?'):
            self.take('?')
            yes = self.ternary()
            self.take(':')
            no = self.ternary()
            return lambda n: yes(n) if cond(n) else no(n)
        return cond

    def binary(self, level):
        if level == len(self._LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek()[0] == 'op' and self.peek()[1] in self._LEVELS[level]:
            op = self.take()[1]
            right = self.binary(level + 1)
            left = self._combine(op, left, right)
        return left

    @staticmethod
    def _combine(op, a, b):
        if op == '||':
            return lambda n: int(bool(a(n) or b(n)))
        if op == '&&':
            return lambda n: int(bool(a(n) and b(n)))
        if op == '==':
            return lambda n: int(a(n) == b(n))
        if op == '!=':
            return lambda n: int(a(n) != b(n))
        if op == '<':
            return lambda n: int(a(n) < b(n))
        if op == '>':
            return lambda n: int(a(n) > b(n))
        if op == '<=':
            return lambda n: int(a(n) <= b(n))
        if op == '>=':
            return lambda n: int(a(n) >= b(n))
        if op == '+':
            return lambda n: a(n) + b(n)
        if op == '-':
            return lambda n: a(n) - b(n)
        if op == '*':
            return lambda n: a(n) * b(n)
        if op == '/':
            return lambda n: a(n) // b(n)
        return lambda n: a(n) % b(n)

    def unary(self):
        tok = self.peek()
        if tok == ('op', '!'):
            self.take()
            inner = self.unary()
            return lambda n: int(not inner(n))
        if tok == ('op', '('):
            self.take()
            inner = self.ternary()
            if self.peek() != ('op', ')'):
                raise ValueError('unbalanced parenthesis in plural form')
            self.take()
            return inner
        if tok[0] == 'num':
            self.take()
            value = tok[1]
            return lambda n: value
        if tok[0] == 'n':
            self.take()
            return lambda n: n
        if tok[0] == 'end':
            raise ValueError('unexpected end of plural form')
        raise ValueError('unexpected token in plural form: %s' % (tok[1],))


def _as_int(n):
    if isinstance(n, int):
        return n
    if isinstance(n, float):
        import warnings
        warnings.warn('Plural value must be an integer, got %s' % (n.__class__.__name__,),
                      DeprecationWarning, 4)
        return n
    raise TypeError('Plural value must be an integer, got %s' % (n.__class__.__name__,))


def c2py(plural):
    """A function of n computing the plural index given by a C expression."""
    if len(plural) > 1000:
        raise ValueError('plural form expression is too long')
    fn = _PluralParser(plural).parse()

    def func(n):
        return int(fn(_as_int(n)))
    return func


# ------------------------------------------------------------ languages

def _expand_lang(loc):
    import locale
    loc = locale.normalize(loc)
    CODESET, TERRITORY, MODIFIER = 1, 2, 4
    mask = 0
    pos = loc.find('@')
    if pos >= 0:
        modifier = loc[pos:]
        loc = loc[:pos]
        mask |= MODIFIER
    else:
        modifier = ''
    pos = loc.find('.')
    if pos >= 0:
        codeset = loc[pos:]
        loc = loc[:pos]
        mask |= CODESET
    else:
        codeset = ''
    pos = loc.find('_')
    if pos >= 0:
        territory = loc[pos:]
        loc = loc[:pos]
        mask |= TERRITORY
    else:
        territory = ''
    out = []
    for i in range(mask + 1):
        if not (i & ~mask):
            val = loc
            if i & TERRITORY:
                val += territory
            if i & CODESET:
                val += codeset
            if i & MODIFIER:
                val += modifier
            out.append(val)
    out.reverse()
    return out


# ------------------------------------------------------------ translations

class NullTranslations:
    def __init__(self, fp=None):
        self._info = {}
        self._charset = None
        self._fallback = None
        if fp is not None:
            self._parse(fp)

    def _parse(self, fp):
        pass

    def add_fallback(self, fallback):
        if self._fallback:
            self._fallback.add_fallback(fallback)
        else:
            self._fallback = fallback

    def gettext(self, message):
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.npgettext(context, msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def info(self):
        return self._info

    def charset(self):
        return self._charset

    def install(self, names=None):
        import builtins
        builtins.__dict__['_'] = self.gettext
        if names is not None:
            allowed = {'gettext', 'ngettext', 'npgettext', 'pgettext'}
            for name in allowed & set(names):
                builtins.__dict__[name] = getattr(self, name)


class GNUTranslations(NullTranslations):
    LE_MAGIC = 0x950412de
    BE_MAGIC = 0xde120495
    CONTEXT = "%s\x04%s"
    VERSIONS = (0, 1)

    def _get_versions(self, version):
        return (version >> 16, version & 0xffff)

    def _parse(self, fp):
        """Reads the .mo file: a header of 32-bit words, then (length, offset) tables of the
        original and translated strings."""
        self._catalog = catalog = {}
        self.plural = lambda n: int(n != 1)
        buf = fp.read()
        buflen = len(buf)
        filename = getattr(fp, 'name', '')
        if buflen < 4:
            raise OSError(0, 'Bad magic number', filename)
        magic = int.from_bytes(buf[:4], 'little')
        if magic == self.LE_MAGIC:
            order = 'little'
        elif magic == self.BE_MAGIC:
            order = 'big'
        else:
            raise OSError(0, 'Bad magic number', filename)

        def word(pos):
            return int.from_bytes(buf[pos:pos + 4], order)

        version, msgcount, masteridx, transidx = word(4), word(8), word(12), word(16)
        major, minor = self._get_versions(version)
        if major not in self.VERSIONS:
            raise OSError(0, 'Bad version number ' + str(major), filename)
        for _ in range(msgcount):
            mlen, moff = word(masteridx), word(masteridx + 4)
            tlen, toff = word(transidx), word(transidx + 4)
            mend = moff + mlen
            tend = toff + tlen
            if mend < buflen and tend < buflen:
                msg = buf[moff:mend]
                tmsg = buf[toff:tend]
            else:
                raise OSError(0, 'File is corrupt', filename)
            if mlen == 0:
                # The header entry: "Key: value" lines, among them the charset and plural rule.
                lastk = None
                for b_item in tmsg.split(b'\n'):
                    item = b_item.decode().strip()
                    if not item:
                        continue
                    if item.startswith('#-#-#-#-#') and item.endswith('#-#-#-#-#'):
                        continue
                    k = v = None
                    if ':' in item:
                        k, v = item.split(':', 1)
                        k = k.strip().lower()
                        v = v.strip()
                        self._info[k] = v
                        lastk = k
                    elif lastk:
                        self._info[lastk] += '\n' + item
                    if k == 'content-type':
                        self._charset = v.split('charset=')[1]
                    elif k == 'plural-forms':
                        v = v.split(';')
                        plural = v[1].split('plural=')[1]
                        self.plural = c2py(plural)
            charset = self._charset or 'ascii'
            if b'\x00' in msg:
                msgid1, msgid2 = msg.split(b'\x00')
                tmsg = tmsg.split(b'\x00')
                msgid1 = str(msgid1, charset)
                for i, x in enumerate(tmsg):
                    catalog[(msgid1, i)] = str(x, charset)
            else:
                catalog[str(msg, charset)] = str(tmsg, charset)
            masteridx += 8
            transidx += 8

    def gettext(self, message):
        missing = object()
        tmsg = self._catalog.get(message, missing)
        if tmsg is missing:
            tmsg = self._catalog.get((message, self.plural(1)), missing)
        if tmsg is not missing:
            return tmsg
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        try:
            return self._catalog[(msgid1, self.plural(n))]
        except KeyError:
            if self._fallback:
                return self._fallback.ngettext(msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        key = self.CONTEXT % (context, message)
        missing = object()
        tmsg = self._catalog.get(key, missing)
        if tmsg is missing:
            tmsg = self._catalog.get((key, self.plural(1)), missing)
        if tmsg is not missing:
            return tmsg
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        key = self.CONTEXT % (context, msgid1)
        try:
            return self._catalog[key, self.plural(n)]
        except KeyError:
            if self._fallback:
                return self._fallback.npgettext(context, msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2


def find(domain, localedir=None, languages=None, all=False):
    if localedir is None:
        localedir = _default_localedir
    if languages is None:
        languages = []
        for envar in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
            val = os.environ.get(envar)
            if val:
                languages = val.split(':')
                break
        if 'C' not in languages:
            languages.append('C')
    expanded = []
    for lang in languages:
        for nelang in _expand_lang(lang):
            if nelang not in expanded:
                expanded.append(nelang)
    result = [] if all else None
    for lang in expanded:
        if lang == 'C':
            break
        mofile = os.path.join(localedir, lang, 'LC_MESSAGES', '%s.mo' % domain)
        if os.path.exists(mofile):
            if all:
                result.append(mofile)
            else:
                return mofile
    return result


_translations = {}


def translation(domain, localedir=None, languages=None, class_=None, fallback=False):
    if class_ is None:
        class_ = GNUTranslations
    mofiles = find(domain, localedir, languages, all=True)
    if not mofiles:
        if fallback:
            return NullTranslations()
        from errno import ENOENT
        raise FileNotFoundError(ENOENT, 'No translation file found for domain', domain)
    import copy
    result = None
    for mofile in mofiles:
        key = (class_, os.path.abspath(mofile))
        t = _translations.get(key)
        if t is None:
            with open(mofile, 'rb') as fp:
                t = _translations.setdefault(key, class_(fp))
        t = copy.copy(t)
        if result is None:
            result = t
        else:
            result.add_fallback(t)
    return result


def install(domain, localedir=None, *, names=None):
    translation(domain, localedir, fallback=True).install(names)


_localedirs = {}
_current_domain = 'messages'


def textdomain(domain=None):
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    if localedir is not None:
        _localedirs[domain] = localedir
    return _localedirs.get(domain, _default_localedir)


def dgettext(domain, message):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return message
    return t.gettext(message)


def dngettext(domain, msgid1, msgid2, n):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return msgid1 if n == 1 else msgid2
    return t.ngettext(msgid1, msgid2, n)


def dpgettext(domain, context, message):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return message
    return t.pgettext(context, message)


def dnpgettext(domain, context, msgid1, msgid2, n):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return msgid1 if n == 1 else msgid2
    return t.npgettext(context, msgid1, msgid2, n)


def gettext(message):
    return dgettext(_current_domain, message)


def ngettext(msgid1, msgid2, n):
    return dngettext(_current_domain, msgid1, msgid2, n)


def pgettext(context, message):
    return dpgettext(_current_domain, context, message)


def npgettext(context, msgid1, msgid2, n):
    return dnpgettext(_current_domain, context, msgid1, msgid2, n)


Catalog = translation
