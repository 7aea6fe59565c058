"""string: common string constants, capwords, Template ($-substitution) and Formatter (the str.format
machinery, overridable piece by piece)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits",
           "octdigits", "printable", "punctuation", "whitespace", "Formatter", "Template"]

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


# ---- Formatter ---------------------------------------------------------------------------------

def _parse_format(format_string):
    """The (literal_text, field_name, format_spec, conversion) tuples of a str.format() template, as
    _string.formatter_parser gives them ({{ and }} yield their literal text up to the brace)."""
    n = len(format_string)
    i = 0
    while i < n:
        # Literal text up to the next brace (a doubled brace ends the chunk after its first half).
        start = i
        field = False
        while i < n:
            c = format_string[i]
            if c == '{' or c == '}':
                if i + 1 < n and format_string[i + 1] == c:
                    literal = format_string[start:i + 1]
                    i += 2
                    break
                if c == '}':
                    raise ValueError("Single '}' encountered in format string")
                if i + 1 == n:
                    raise ValueError("Single '{' encountered in format string")
                literal = format_string[start:i]
                field = True
                i += 1
                break
            i += 1
        else:
            literal = format_string[start:i]
        if not field:
            yield literal, None, None, None
            continue
        name, conversion, spec, i = _parse_field(format_string, i)
        yield literal, name, spec, conversion


def _parse_field(s, i):
    """Parse the replacement field starting at s[i] (after its '{'): (name, conversion, spec, index
    after the closing '}').  The name ends at ':', '!' or '}' outside [...]; the spec runs to the '}'
    that balances the field's '{' (nested fields inside it are expanded later)."""
    n = len(s)
    start = i
    c = ''
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            continue
        if c in '}:!':
            break
    if c not in '}:!':
        raise ValueError("expected '}' before end of string")
    name = s[start:i - 1]
    conversion = None
    if c == '}':
        return name, conversion, '', i
    if c == '!':
        if i >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = s[i]
        i += 1
        if i < n:
            c = s[i]
            i += 1
            if c == '}':
                return name, conversion, '', i
            if c != ':':
                raise ValueError("expected ':' after conversion specifier")
    spec_start = i
    depth = 1
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0:
                return name, conversion, s[spec_start:i - 1], i
    raise ValueError("unmatched '{' in format spec")


def _int_or_str(text):
    return int(text) if text.isdigit() else text


def _split_field_name(field_name):
    """(first, iterator of (is_attribute, key)) for "name.attr[key]..." (digit keys become ints)."""
    n = len(field_name)
    i = 0
    while i < n and field_name[i] not in '.[':
        i += 1
    first = _int_or_str(field_name[:i])
    rest = []
    while i < n:
        c = field_name[i]
        if c == '.':
            j = i + 1
            while j < n and field_name[j] not in '.[':
                j += 1
            if j == i + 1:
                raise ValueError("Empty attribute in format string")
            rest.append((True, field_name[i + 1:j]))
            i = j
        elif c == '[':
            j = field_name.find(']', i + 1)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            if j == i + 1:
                raise ValueError("Empty attribute in format string")
            rest.append((False, _int_or_str(field_name[i + 1:j])))
            i = j + 1
            if i < n and field_name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(rest)


class Formatter:
    """str.format() as overridable steps: parse, get_field/get_value, convert_field, format_field,
    check_unused_args."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        # auto_arg_index: the next automatic field number, or False once a field was numbered by
        # hand (the two styles cannot be mixed).
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field specification to automatic '
                                     'field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    # (CPython's message, the two styles named in this order)
                    raise ValueError('cannot switch from manual field specification to automatic '
                                     'field numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(format_spec, args, kwargs, used_args,
                                                        recursion_depth - 1, auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
