"""string: common string constants and capwords."""

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


class _TemplatePattern:
    # The compiled pattern of a Template class, made when first used (so that `import string` does
    # not import re): from the class's delimiter/idpattern/braceidpattern/flags, or from the pattern
    # string a subclass gave.
    def __init__(self, source=None):
        self.source = source

    def __get__(self, instance, owner):
        compiled = owner.__dict__.get('_compiled_pattern')
        if compiled is None:
            import re
            source = self.source
            if source is None:
                delim = re.escape(owner.delimiter)
                bid = owner.braceidpattern or owner.idpattern
                source = (fr'{delim}(?:(?P<escaped>{delim})|(?P<named>{owner.idpattern})|'
                          fr'{{(?P<braced>{bid})}}|(?P<invalid>))')
            compiled = re.compile(source, owner.flags | re.VERBOSE)
            type.__setattr__(owner, '_compiled_pattern', compiled)
        return compiled


class Template:
    """A string with $-substitutions (PEP 292): Template('$who likes $what').substitute(who=..., what=...).
    Subclasses may change delimiter, idpattern, braceidpattern, flags or the whole pattern."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = 2     # re.IGNORECASE (re is imported only when a pattern is compiled)
    pattern = _TemplatePattern()

    def __init_subclass__(cls):
        super().__init_subclass__()
        given = cls.__dict__.get('pattern')
        cls.pattern = _TemplatePattern(given if isinstance(given, str) else None)

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap2(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(mapping[named])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern', self.pattern)
        return self.pattern.sub(convert, self.template)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap2(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                return mo.group()
            raise ValueError('Unrecognized named group in pattern', self.pattern)
        return self.pattern.sub(convert, self.template)

    def is_valid(self):
        for mo in self.pattern.finditer(self.template):
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None and mo.group('braced') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return True

    def get_identifiers(self):
        ids = []
        for mo in self.pattern.finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
            elif (named is None and mo.group('invalid') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return ids


class _ChainMap2:
    # keyword arguments first, then the mapping (substitute(mapping, **kws))
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]
