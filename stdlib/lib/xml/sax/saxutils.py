"""Helpers for SAX: escaping, XMLGenerator, XMLFilterBase, prepare_input_source."""
import io
import os
import sys

from . import handler, xmlreader


def _replace(s, table):
    for k, v in table.items():
        s = s.replace(k, v)
    return s


def escape(data, entities={}):
    """Escapes &, < and > (and the keys of entities) in data."""
    data = data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    if entities:
        data = _replace(data, entities)
    return data


def unescape(data, entities={}):
    """Turns &lt;, &gt; (and the keys of entities) back into characters, then &amp;."""
    data = data.replace("&lt;", "<").replace("&gt;", ">")
    if entities:
        data = _replace(data, entities)
    return data.replace("&amp;", "&")


def quoteattr(data, entities={}):
    """Escapes data for an attribute value and puts it in quotes (single ones if it holds " but not ')."""
    entities = {**entities, "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
    data = escape(data, entities)
    if '"' in data:
        if "'" in data:
            data = '"%s"' % data.replace('"', "&quot;")
        else:
            data = "'%s'" % data
    else:
        data = '"%s"' % data
    return data


def _writer(out, encoding):
    """A function writing str to out: text streams get str, binary ones bytes in encoding."""
    if out is None:
        out = sys.stdout
    if isinstance(out, io.TextIOBase) or not isinstance(out, (io.RawIOBase, io.BufferedIOBase)) and \
            not isinstance(out, io.BytesIO):
        try:
            out.write("")
            return out.write, getattr(out, "flush", None)
        except TypeError:
            pass

    def write(s):
        out.write(s.encode(encoding, "xmlcharrefreplace"))
    return write, getattr(out, "flush", None)


class XMLGenerator(handler.ContentHandler):
    """A ContentHandler that writes the events back out as XML."""

    def __init__(self, out=None, encoding="iso-8859-1", short_empty_elements=False):
        handler.ContentHandler.__init__(self)
        self._write, self._flush = _writer(out, encoding)
        self._ns_contexts = [{}]
        self._current_context = self._ns_contexts[-1]
        self._undeclared_ns_maps = []
        self._encoding = encoding
        self._short_empty_elements = short_empty_elements
        self._pending_start_element = False

    def _qname(self, name):
        if name[0]:
            if name[0] == "http://www.w3.org/XML/1998/namespace":
                return "xml:" + name[1]
            prefix = self._current_context[name[0]]
            if prefix:
                return prefix + ":" + name[1]
        return name[1]

    def _finish_pending_start_element(self, endElement=False):
        if self._pending_start_element:
            self._write(">")
            self._pending_start_element = False

    def startDocument(self):
        self._write('<?xml version="1.0" encoding="%s"?>\n' % self._encoding)

    def endDocument(self):
        if self._flush is not None:
            self._flush()

    def startPrefixMapping(self, prefix, uri):
        self._ns_contexts.append(self._current_context.copy())
        self._current_context[uri] = prefix
        self._undeclared_ns_maps.append((prefix, uri))

    def endPrefixMapping(self, prefix):
        self._current_context = self._ns_contexts[-1]
        del self._ns_contexts[-1]

    def startElement(self, name, attrs):
        self._finish_pending_start_element()
        self._write("<" + name)
        for name, value in attrs.items():
            self._write(" %s=%s" % (name, quoteattr(value)))
        if self._short_empty_elements:
            self._pending_start_element = True
        else:
            self._write(">")

    def endElement(self, name):
        if self._pending_start_element:
            self._write("/>")
            self._pending_start_element = False
        else:
            self._write("</%s>" % name)

    def startElementNS(self, name, qname, attrs):
        self._finish_pending_start_element()
        self._write("<" + self._qname(name))
        for prefix, uri in self._undeclared_ns_maps:
            if prefix:
                self._write(' xmlns:%s="%s"' % (prefix, uri))
            else:
                self._write(' xmlns="%s"' % uri)
        self._undeclared_ns_maps = []
        for name, value in attrs.items():
            self._write(" %s=%s" % (self._qname(name), quoteattr(value)))
        if self._short_empty_elements:
            self._pending_start_element = True
        else:
            self._write(">")

    def endElementNS(self, name, qname):
        if self._pending_start_element:
            self._write("/>")
            self._pending_start_element = False
        else:
            self._write("</%s>" % self._qname(name))

    def characters(self, content):
        if content:
            self._finish_pending_start_element()
            if not isinstance(content, str):
                content = str(content, self._encoding)
            self._write(escape(content))

    def ignorableWhitespace(self, content):
        if content:
            self._finish_pending_start_element()
            if not isinstance(content, str):
                content = str(content, self._encoding)
            self._write(content)

    def processingInstruction(self, target, data):
        self._finish_pending_start_element()
        self._write("<?%s %s?>" % (target, data))


class XMLFilterBase(xmlreader.XMLReader):
    """Passes every event from its parent reader on to its own handlers."""

    def __init__(self, parent=None):
        xmlreader.XMLReader.__init__(self)
        self._parent = parent

    def __getattr__(self, name):
        # the ContentHandler/ErrorHandler/DTDHandler methods forward to this filter's handlers
        for h in ("_cont_handler", "_err_handler", "_dtd_handler"):
            target = self.__dict__.get(h)
            if target is not None and hasattr(type(target), name) and not name.startswith("_"):
                return getattr(target, name)
        raise AttributeError(name)

    def resolveEntity(self, publicId, systemId):
        return self._ent_handler.resolveEntity(publicId, systemId)

    def parse(self, source):
        self._parent.setContentHandler(self)
        self._parent.setErrorHandler(self)
        self._parent.setEntityResolver(self)
        self._parent.setDTDHandler(self)
        self._parent.parse(source)

    def setLocale(self, locale):
        self._parent.setLocale(locale)

    def getFeature(self, name):
        return self._parent.getFeature(name)

    def setFeature(self, name, state):
        self._parent.setFeature(name, state)

    def getProperty(self, name):
        return self._parent.getProperty(name)

    def setProperty(self, name, value):
        self._parent.setProperty(name, value)

    def getParent(self):
        return self._parent

    def setParent(self, parent):
        self._parent = parent


def prepare_input_source(source, base=""):
    """An InputSource for a file name, path, binary or text file, or InputSource."""
    if isinstance(source, os.PathLike):
        source = os.fspath(source)
    if isinstance(source, str):
        source = xmlreader.InputSource(source)
    elif hasattr(source, "read"):
        f = source
        source = xmlreader.InputSource()
        if isinstance(f.read(0), str):
            source.setCharacterStream(f)
        else:
            source.setByteStream(f)
        name = getattr(f, "name", None)
        if isinstance(name, str):
            source.setSystemId(name)
    if source.getCharacterStream() is None and source.getByteStream() is None:
        sysid = source.getSystemId()
        basehead = os.path.dirname(os.path.normpath(base))
        sysidfilename = os.path.join(basehead, sysid)
        if os.path.isfile(sysidfilename):
            source.setSystemId(sysidfilename)
            f = open(sysidfilename, "rb")
        else:
            f = open(sysid, "rb")
        source.setByteStream(f)
    return source
