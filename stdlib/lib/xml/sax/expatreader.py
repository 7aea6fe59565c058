"""The SAX driver over pyexpat (xml.sax.make_parser's parser)."""
from xml.parsers import expat

from . import handler, saxutils, xmlreader
from ._exceptions import SAXNotRecognizedException, SAXNotSupportedException, SAXParseException

AttributesImpl = xmlreader.AttributesImpl
AttributesNSImpl = xmlreader.AttributesNSImpl


class ExpatLocator(xmlreader.Locator):
    """The position of the parser it belongs to (None once that parser has closed)."""

    def __init__(self, parser):
        self._owner = parser

    def getColumnNumber(self):
        p = self._owner._parser
        return None if p is None else p.CurrentColumnNumber

    def getLineNumber(self):
        p = self._owner._parser
        return 1 if p is None else p.CurrentLineNumber

    def getPublicId(self):
        src = self._owner._source
        return None if src is None else src.getPublicId()

    def getSystemId(self):
        src = self._owner._source
        return None if src is None else src.getSystemId()


class ExpatParser(xmlreader.IncrementalParser, xmlreader.Locator):
    """A SAX IncrementalParser and Locator on an expat parser."""

    def __init__(self, namespaceHandling=0, bufsize=2 ** 16 - 20):
        xmlreader.IncrementalParser.__init__(self, bufsize)
        self._source = xmlreader.InputSource()
        self._parser = None
        self._namespaces = namespaceHandling
        self._lex_handler_prop = None
        self._parsing = False
        self._interning = None
        self._namespace_prefixes = False
        self._external_ges = False

    def parse(self, source):
        source = saxutils.prepare_input_source(source)
        self._source = source
        try:
            self.reset()
            self._cont_handler.setDocumentLocator(ExpatLocator(self))
            xmlreader.IncrementalParser.parse(self, source)
        except:
            self._close_source()
            raise

    def prepareParser(self, source):
        if source.getSystemId() is not None:
            pass

    def setContentHandler(self, handler):
        xmlreader.IncrementalParser.setContentHandler(self, handler)
        if self._parsing:
            self._reset_cont_handler()

    def getFeature(self, name):
        if name == handler.feature_namespaces:
            return self._namespaces
        if name == handler.feature_string_interning:
            return self._interning is not None
        if name in (handler.feature_validation, handler.feature_external_pes):
            return 0
        if name == handler.feature_namespace_prefixes:
            return self._namespace_prefixes
        if name == handler.feature_external_ges:
            return self._external_ges
        raise SAXNotRecognizedException("Feature '%s' not recognized" % name)

    def setFeature(self, name, state):
        if self._parsing:
            raise SAXNotSupportedException("Cannot set features while parsing")
        if name == handler.feature_namespaces:
            self._namespaces = state
        elif name == handler.feature_external_ges:
            self._external_ges = state
        elif name == handler.feature_string_interning:
            self._interning = {} if state else None
        elif name == handler.feature_validation:
            if state:
                raise SAXNotSupportedException("expat does not support validation")
        elif name == handler.feature_external_pes:
            if state:
                raise SAXNotSupportedException("expat does not read external parameter entities")
        elif name == handler.feature_namespace_prefixes:
            if state:
                raise SAXNotSupportedException("expat does not report namespace prefixes")
            self._namespace_prefixes = state
        else:
            raise SAXNotRecognizedException("Feature '%s' not recognized" % name)

    def getProperty(self, name):
        if name == handler.property_lexical_handler:
            return self._lex_handler_prop
        if name == handler.property_interning_dict:
            return self._interning
        if name == handler.property_xml_string:
            raise SAXNotSupportedException("This property is not supported by Krait's expat reader")
        raise SAXNotRecognizedException("Property '%s' not recognized" % name)

    def setProperty(self, name, value):
        if name == handler.property_lexical_handler:
            self._lex_handler_prop = value
            if self._parsing:
                self._reset_lex_handler_prop()
        elif name == handler.property_interning_dict:
            self._interning = value
        elif name == handler.property_xml_string:
            raise SAXNotSupportedException("Property '%s' cannot be set" % name)
        else:
            raise SAXNotRecognizedException("Property '%s' not recognized" % name)

    def feed(self, data, isFinal=False):
        if not self._parsing:
            self.reset()
            self._parsing = True
            self._cont_handler.startDocument()
        try:
            self._parser.Parse(data, isFinal)
        except expat.error as e:
            exc = SAXParseException(expat.ErrorString(e.code), e, self)
            self._err_handler.fatalError(exc)

    def _close_source(self):
        source = self._source
        try:
            file = source.getCharacterStream()
            if file is not None:
                file.close()
        finally:
            file = source.getByteStream()
            if file is not None:
                file.close()

    def close(self):
        if self._parser is None:
            return
        try:
            self.feed(b"", isFinal=True)
            self._cont_handler.endDocument()
            self._parsing = False
            self._parser = None
        finally:
            self._parsing = False
            if self._parser is not None:
                self._parser = None
            self._close_source()

    def _reset_cont_handler(self):
        self._parser.ProcessingInstructionHandler = self._cont_handler.processingInstruction
        self._parser.CharacterDataHandler = self._cont_handler.characters

    def _reset_lex_handler_prop(self):
        lex = self._lex_handler_prop
        p = self._parser
        if lex is None:
            p.CommentHandler = None
            p.StartCdataSectionHandler = None
            p.EndCdataSectionHandler = None
            p.StartDoctypeDeclHandler = None
            p.EndDoctypeDeclHandler = None
        else:
            p.CommentHandler = lex.comment
            p.StartCdataSectionHandler = lex.startCDATA
            p.EndCdataSectionHandler = lex.endCDATA
            p.StartDoctypeDeclHandler = self._start_doctype
            p.EndDoctypeDeclHandler = lex.endDTD

    def reset(self):
        if self._namespaces:
            self._parser = expat.ParserCreate(self._source.getEncoding(), " ")
            self._parser.namespace_prefixes = 1
            self._parser.StartElementHandler = self._start_element_ns
            self._parser.EndElementHandler = self._end_element_ns
        else:
            self._parser = expat.ParserCreate(self._source.getEncoding())
            self._parser.StartElementHandler = self._start_element
            self._parser.EndElementHandler = self._end_element
        self._reset_cont_handler()
        self._parser.StartNamespaceDeclHandler = self._start_namespace_decl
        self._parser.EndNamespaceDeclHandler = self._end_namespace_decl
        self._reset_lex_handler_prop()
        self._parsing = False

    # Locator
    def getColumnNumber(self):
        return None if self._parser is None else self._parser.CurrentColumnNumber

    def getLineNumber(self):
        return 1 if self._parser is None else self._parser.CurrentLineNumber

    def getPublicId(self):
        return self._source.getPublicId()

    def getSystemId(self):
        return self._source.getSystemId()

    # event handlers
    def _start_element(self, name, attrs):
        self._cont_handler.startElement(name, AttributesImpl(attrs))

    def _end_element(self, name):
        self._cont_handler.endElement(name)

    def _split(self, name):
        """'uri local prefix' / 'uri local' / 'local' -> ((uri, local), qualified name)"""
        parts = name.split()
        if len(parts) == 1:
            return (None, name), name
        if len(parts) == 3:
            return (parts[0], parts[1]), "%s:%s" % (parts[2], parts[1])
        return tuple(parts), parts[1]

    def _start_element_ns(self, name, attrs):
        pair, qname = self._split(name)
        newattrs = {}
        qnames = {}
        for aname, value in attrs.items():
            apair, aq = self._split(aname)
            newattrs[apair] = value
            qnames[apair] = aq
        self._cont_handler.startElementNS(pair, qname if self._namespace_prefixes else None,
                                          AttributesNSImpl(newattrs, qnames))

    def _end_element_ns(self, name):
        pair, qname = self._split(name)
        self._cont_handler.endElementNS(pair, qname if self._namespace_prefixes else None)

    def _start_namespace_decl(self, prefix, uri):
        self._cont_handler.startPrefixMapping(prefix, uri)

    def _end_namespace_decl(self, prefix):
        self._cont_handler.endPrefixMapping(prefix)

    def _start_doctype(self, name, sysid, pubid, has_internal_subset):
        self._lex_handler_prop.startDTD(name, pubid, sysid)


def create_parser(*args, **kwargs):
    return ExpatParser(*args, **kwargs)
