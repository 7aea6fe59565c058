"""pyexpat: Python wrapper for the Expat parser (Krait's, over the _expat binding of libexpat).

_expat.feed() parses a chunk and returns the events it produced as tuples (kind, line, column, a, b, c, d);
this module calls the handlers the user set, in order, tracking the position of each event so that
CurrentLineNumber/CurrentColumnNumber read inside a handler say where that event starts. Only the handlers
that are set are installed in expat (the mask), so the default handler sees what CPython's would.
"""
import _expat

EXPAT_VERSION, version_info = _expat.version()
native_encoding = 'UTF-8'
features = [('sizeof(XML_Char)', 1), ('sizeof(XML_LChar)', 1)]

(_EV_START, _EV_END, _EV_DATA, _EV_COMMENT, _EV_PI, _EV_XMLDECL, _EV_START_DOCTYPE, _EV_END_DOCTYPE,
 _EV_START_CDATA, _EV_END_CDATA, _EV_START_NS, _EV_END_NS, _EV_DEFAULT, _EV_DEFAULT_EXPAND,
 _EV_ERROR) = range(15)

_HANDLERS = {
    'StartElementHandler': _EV_START,
    'EndElementHandler': _EV_END,
    'CharacterDataHandler': _EV_DATA,
    'CommentHandler': _EV_COMMENT,
    'ProcessingInstructionHandler': _EV_PI,
    'XmlDeclHandler': _EV_XMLDECL,
    'StartDoctypeDeclHandler': _EV_START_DOCTYPE,
    'EndDoctypeDeclHandler': _EV_END_DOCTYPE,
    'StartCdataSectionHandler': _EV_START_CDATA,
    'EndCdataSectionHandler': _EV_END_CDATA,
    'StartNamespaceDeclHandler': _EV_START_NS,
    'EndNamespaceDeclHandler': _EV_END_NS,
    'DefaultHandler': _EV_DEFAULT,
    'DefaultHandlerExpand': _EV_DEFAULT_EXPAND,
}
# handlers CPython's pyexpat accepts that this binding never calls (kept so that setting them works)
_UNUSED_HANDLERS = ('UnparsedEntityDeclHandler', 'NotationDeclHandler', 'NotStandaloneHandler',
                    'ExternalEntityRefHandler', 'SkippedEntityHandler', 'ElementDeclHandler',
                    'AttlistDeclHandler', 'EntityDeclHandler')

_ERROR_NAMES = (
    'NO_MEMORY', 'SYNTAX', 'NO_ELEMENTS', 'INVALID_TOKEN', 'UNCLOSED_TOKEN', 'PARTIAL_CHAR', 'TAG_MISMATCH',
    'DUPLICATE_ATTRIBUTE', 'JUNK_AFTER_DOC_ELEMENT', 'PARAM_ENTITY_REF', 'UNDEFINED_ENTITY',
    'RECURSIVE_ENTITY_REF', 'ASYNC_ENTITY', 'BAD_CHAR_REF', 'BINARY_ENTITY_REF',
    'ATTRIBUTE_EXTERNAL_ENTITY_REF', 'MISPLACED_XML_PI', 'UNKNOWN_ENCODING', 'INCORRECT_ENCODING',
    'UNCLOSED_CDATA_SECTION', 'EXTERNAL_ENTITY_HANDLING', 'NOT_STANDALONE', 'UNEXPECTED_STATE',
    'ENTITY_DECLARED_IN_PE', 'FEATURE_REQUIRES_XML_DTD', 'CANT_CHANGE_FEATURE_ONCE_PARSING',
    'UNBOUND_PREFIX', 'UNDECLARING_PREFIX', 'INCOMPLETE_PE', 'XML_DECL', 'TEXT_DECL', 'PUBLICID',
    'SUSPENDED', 'NOT_SUSPENDED', 'ABORTED', 'FINISHED', 'SUSPEND_PE', 'RESERVED_PREFIX_XML',
    'RESERVED_PREFIX_XMLNS', 'RESERVED_NAMESPACE_URI', 'INVALID_ARGUMENT', 'NO_BUFFER',
    'AMPLIFICATION_LIMIT_BREACH')


class _Namespace:
    def __init__(self, name, doc):
        self.__name__ = name
        self.__doc__ = doc


errors = _Namespace('pyexpat.errors', 'Constants used to describe error conditions.')
errors.codes = {}
errors.messages = {}
for _i, _n in enumerate(_ERROR_NAMES, 1):
    _m = _expat.error_string(_i)
    if _m is None:
        break
    setattr(errors, 'XML_ERROR_' + _n, _m)
    errors.codes[_m] = _i
    errors.messages[_i] = _m

model = _Namespace('pyexpat.model', 'Constants used to interpret content model information.')
(model.XML_CTYPE_EMPTY, model.XML_CTYPE_ANY, model.XML_CTYPE_MIXED, model.XML_CTYPE_NAME,
 model.XML_CTYPE_CHOICE, model.XML_CTYPE_SEQ) = range(1, 7)
(model.XML_CQUANT_NONE, model.XML_CQUANT_OPT, model.XML_CQUANT_REP, model.XML_CQUANT_PLUS) = range(4)

XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2


class ExpatError(Exception):
    pass


error = ExpatError
ExpatError.__module__ = 'xml.parsers.expat'


def ErrorString(code):
    return _expat.error_string(code)


class XMLParserType:
    """An Expat parser object (pyexpat.xmlparser)."""

    def __init__(self, encoding, namespace_separator):
        object.__setattr__(self, '_p', _expat.create(encoding, namespace_separator))
        object.__setattr__(self, '_h', {})
        object.__setattr__(self, '_pos', None)
        self.buffer_text = False
        self.buffer_size = 8192
        self.ordered_attributes = False
        self.specified_attributes = False
        self.namespace_prefixes = False
        self.intern = {}
        self.ErrorCode = 0
        self.ErrorLineNumber = 1
        self.ErrorColumnNumber = 0
        self.ErrorByteIndex = -1

    def __setattr__(self, name, value):
        if name in _HANDLERS or name in _UNUSED_HANDLERS:
            self._h[name] = value
        elif name == 'namespace_prefixes':
            _expat.set_triplet(self._p, value)
            object.__setattr__(self, name, bool(value))
        elif name == 'buffer_size':
            if not isinstance(value, int):
                raise TypeError('buffer_size must be an integer')
            if value <= 0:
                raise ValueError('buffer_size must be greater than zero')
            object.__setattr__(self, name, value)
        else:
            object.__setattr__(self, name, value)

    def __getattr__(self, name):
        if name in _HANDLERS or name in _UNUSED_HANDLERS:
            return self._h.get(name)
        if name in ('CurrentLineNumber', 'CurrentColumnNumber', 'CurrentByteIndex'):
            pos = self._pos if self._pos is not None else _expat.position(self._p)
            return pos[('CurrentLineNumber', 'CurrentColumnNumber', 'CurrentByteIndex').index(name)]
        raise AttributeError("'pyexpat.xmlparser' object has no attribute '%s'" % name)

    def SetParamEntityParsing(self, flag):
        return 1

    def UseForeignDTD(self, flag=True):
        pass

    def GetReparseDeferralEnabled(self):
        return False

    def SetReparseDeferralEnabled(self, enabled):
        pass

    def ParseFile(self, file):
        read = file.read
        while True:
            data = read(2048)
            if not data:
                break
            self.Parse(data, False)
        return self.Parse(b'', True)

    def Parse(self, data, isfinal=False):
        h = self._h
        mask = 0
        for name, kind in _HANDLERS.items():
            if h.get(name) is not None:
                mask |= 1 << kind
        events = _expat.feed(self._p, data, isfinal, mask)
        buffering = self.buffer_text
        pending = []   # character data being merged (buffer_text)
        try:
            for ev in events:
                kind = ev[0]
                if pending and kind != _EV_DATA:
                    self._flush(pending)
                object.__setattr__(self, '_pos', (ev[1], ev[2], -1))
                if kind == _EV_START:
                    attrs = ev[4]
                    if not self.ordered_attributes:
                        attrs = {attrs[i]: attrs[i + 1] for i in range(0, len(attrs), 2)}
                    h['StartElementHandler'](ev[3], attrs)
                elif kind == _EV_DATA:
                    if buffering:
                        pending.append(ev[3])
                    else:
                        h['CharacterDataHandler'](ev[3])
                elif kind == _EV_END:
                    h['EndElementHandler'](ev[3])
                elif kind == _EV_ERROR:
                    self.ErrorCode = ev[3]
                    self.ErrorLineNumber = ev[1]
                    self.ErrorColumnNumber = ev[2]
                    self.ErrorByteIndex = ev[5]
                    err = ExpatError('%s: line %d, column %d' % (ev[4], ev[1], ev[2]))
                    err.code = ev[3]
                    err.lineno = ev[1]
                    err.offset = ev[2]
                    raise err
                elif kind == _EV_COMMENT:
                    h['CommentHandler'](ev[3])
                elif kind == _EV_PI:
                    h['ProcessingInstructionHandler'](ev[3], ev[4])
                elif kind == _EV_XMLDECL:
                    h['XmlDeclHandler'](ev[3], ev[4], ev[5])
                elif kind == _EV_START_DOCTYPE:
                    h['StartDoctypeDeclHandler'](ev[3], ev[4], ev[5], int(ev[6]))
                elif kind == _EV_END_DOCTYPE:
                    h['EndDoctypeDeclHandler']()
                elif kind == _EV_START_CDATA:
                    h['StartCdataSectionHandler']()
                elif kind == _EV_END_CDATA:
                    h['EndCdataSectionHandler']()
                elif kind == _EV_START_NS:
                    h['StartNamespaceDeclHandler'](ev[3], ev[4])
                elif kind == _EV_END_NS:
                    h['EndNamespaceDeclHandler'](ev[3])
                else:
                    f = h.get('DefaultHandler')
                    if f is None:
                        f = h['DefaultHandlerExpand']
                    f(ev[3])
            if pending:
                self._flush(pending)
        finally:
            object.__setattr__(self, '_pos', None)
        return 1

    def _flush(self, pending):
        text = ''.join(pending)
        pending.clear()
        f = self._h.get('CharacterDataHandler')
        if f is not None:
            f(text)


XMLParserType.__name__ = 'xmlparser'
XMLParserType.__qualname__ = 'xmlparser'


def ParserCreate(encoding=None, namespace_separator=None, intern=None):
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("ParserCreate() argument 'encoding' must be str or None, not %s"
                        % type(encoding).__name__)
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' must be str or None, not %s"
                            % type(namespace_separator).__name__)
        if len(namespace_separator) > 1:
            raise ValueError('namespace_separator must be at most one character, omitted, or None')
    return XMLParserType(encoding, namespace_separator)
