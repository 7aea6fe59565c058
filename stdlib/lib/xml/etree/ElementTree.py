"""Lightweight XML support for Python (Krait's ElementTree).

Element trees are pure Python objects; parsing goes through pyexpat (libexpat), so parse errors carry
expat's messages, codes and positions as CPython's do. Serialisation follows CPython 3.13's output:
"ns0:"-style prefixes numbered in document order, namespace declarations on the root sorted by prefix,
" />" for empty elements, the same escaping of text and attribute values.
"""
import io
import re
import sys

from . import ElementPath

__all__ = [
    "Comment", "dump", "Element", "ElementTree", "fromstring", "fromstringlist", "indent", "iselement",
    "iterparse", "parse", "ParseError", "PI", "ProcessingInstruction", "QName", "SubElement", "tostring",
    "tostringlist", "TreeBuilder", "VERSION", "XML", "XMLID", "XMLParser", "XMLPullParser",
    "register_namespace", "canonicalize", "C14NWriterTarget",
]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """An XML parse error; code is expat's error code, position is (line, column)."""
    pass


def iselement(element):
    return hasattr(element, 'tag')


class Element:
    """An XML element: tag, attrib (a dict), text, tail and a list of subelements."""

    tag = None
    attrib = None
    text = None
    tail = None

    def __init__(self, tag, *args, **extra):
        if args:
            if len(args) > 1:
                raise TypeError("Element() takes at most 2 positional arguments (%d given)" % (len(args) + 1))
            attrib = args[0]
            if not isinstance(attrib, dict):
                raise TypeError("Element() argument 2 must be dict, not %s" % type(attrib).__name__)
        elif "attrib" in extra:
            attrib = extra.pop("attrib")
            if not isinstance(attrib, dict):
                raise TypeError("attrib must be dict, not %s" % type(attrib).__name__)
        else:
            attrib = {}
        self.tag = tag
        self.attrib = {**attrib, **extra}
        self._children = []

    def __repr__(self):
        return "<%s %r at %#x>" % (self.__class__.__name__, self.tag, id(self))

    def makeelement(self, tag, attrib):
        return self.__class__(tag, attrib)

    def __copy__(self):
        e = self.makeelement(self.tag, self.attrib)
        e.text = self.text
        e.tail = self.tail
        e[:] = self
        return e

    def __deepcopy__(self, memo):
        from copy import deepcopy
        e = self.makeelement(deepcopy(self.tag, memo), deepcopy(self.attrib, memo))
        e.text = deepcopy(self.text, memo)
        e.tail = deepcopy(self.tail, memo)
        for c in self._children:
            e.append(deepcopy(c, memo))
        return e

    def __len__(self):
        return len(self._children)

    def __bool__(self):
        return len(self._children) != 0

    def __getitem__(self, index):
        return self._children[index]

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            element = list(element)
            for e in element:
                self._assert_is_element(e)
        else:
            self._assert_is_element(element)
        self._children[index] = element

    def __delitem__(self, index):
        del self._children[index]

    def __iter__(self):
        return iter(self._children)

    def append(self, subelement):
        _check_arg("append() argument 1", subelement)
        self._children.append(subelement)

    def extend(self, elements):
        for e in elements:
            self._assert_is_element(e)
            self._children.append(e)

    def insert(self, index, subelement):
        _check_arg("insert() argument 2", subelement)
        self._children.insert(index, subelement)

    def _assert_is_element(self, e):
        if not isinstance(e, Element):
            raise TypeError('expected an Element, not "%s"' % type(e).__name__)

    def remove(self, subelement):
        _check_arg("remove() argument", subelement)
        for i, c in enumerate(self._children):
            if c is subelement:
                del self._children[i]
                return
        for i, c in enumerate(self._children):
            if c == subelement:
                del self._children[i]
                return
        raise ValueError("list.remove(x): x not in list")

    def find(self, path, namespaces=None):
        return ElementPath.find(self, path, namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return ElementPath.findtext(self, path, default, namespaces)

    def findall(self, path, namespaces=None):
        return ElementPath.findall(self, path, namespaces)

    def iterfind(self, path, namespaces=None):
        return ElementPath.iterfind(self, path, namespaces)

    def clear(self):
        self.attrib.clear()
        self._children = []
        self.text = self.tail = None

    def get(self, key, default=None):
        return self.attrib.get(key, default)

    def set(self, key, value):
        self.attrib[key] = value

    def keys(self):
        return self.attrib.keys()

    def items(self):
        return self.attrib.items()

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        if tag is None or self.tag == tag:
            yield self
        for c in self._children:
            yield from c.iter(tag)

    def itertext(self):
        # as CPython's C implementation: comment and PI texts are included too
        if self.text:
            yield self.text
        for c in self._children:
            yield from c.itertext()
            if c.tail:
                yield c.tail


def _check_arg(what, e):
    if not isinstance(e, Element):
        raise TypeError("%s must be xml.etree.ElementTree.Element, not %s" % (what, type(e).__name__))


def SubElement(parent, tag, attrib={}, **extra):
    _check_arg("SubElement() argument 1", parent)
    attrib = {**attrib, **extra}
    element = parent.makeelement(tag, attrib)
    parent.append(element)
    return element


def Comment(text=None):
    element = Element(Comment)
    element.text = text
    return element


def ProcessingInstruction(target, text=None):
    element = Element(ProcessingInstruction)
    element.text = target
    if text:
        element.text = element.text + " " + text
    return element


PI = ProcessingInstruction


class QName:
    """A qualified name: QName("{uri}tag") or QName("uri", "tag")."""

    def __init__(self, text_or_uri, tag=None):
        if tag:
            text_or_uri = "{%s}%s" % (text_or_uri, tag)
        self.text = text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return '<%s %r>' % (self.__class__.__name__, self.text)

    def __hash__(self):
        return hash(self.text)

    def _other(self, other):
        return other.text if isinstance(other, QName) else other

    def __le__(self, other):
        return self.text <= self._other(other)

    def __lt__(self, other):
        return self.text < self._other(other)

    def __ge__(self, other):
        return self.text >= self._other(other)

    def __gt__(self, other):
        return self.text > self._other(other)

    def __eq__(self, other):
        return self.text == self._other(other)


class ElementTree:
    """An element hierarchy with its root, and reading/writing of whole documents."""

    def __init__(self, element=None, file=None):
        if element is not None and not iselement(element):
            raise TypeError('expected an Element, not %s' % type(element).__name__)
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        if not iselement(element):
            raise TypeError('expected an Element, not %s' % type(element).__name__)
        self._root = element

    def parse(self, source, parser=None):
        close_source = False
        if not hasattr(source, "read"):
            source = open(source, "rb")
            close_source = True
        try:
            if parser is None:
                parser = XMLParser()
            while True:
                data = source.read(65536)
                if not data:
                    break
                parser.feed(data)
            self._root = parser.close()
            return self._root
        finally:
            if close_source:
                source.close()

    def iter(self, tag=None):
        return self._root.iter(tag)

    def _abs(self, path):
        if path[:1] == "/":
            import warnings
            path = "." + path
            warnings.warn(
                "This search is broken in 1.3 and earlier, and will be fixed in a future version.  "
                "If you rely on the current behaviour, change it to %r" % path,
                FutureWarning, stacklevel=3)
        return path

    def find(self, path, namespaces=None):
        return self._root.find(self._abs(path), namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return self._root.findtext(self._abs(path), default, namespaces)

    def findall(self, path, namespaces=None):
        return self._root.findall(self._abs(path), namespaces)

    def iterfind(self, path, namespaces=None):
        return self._root.iterfind(self._abs(path), namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None, default_namespace=None,
              method=None, *, short_empty_elements=True):
        if not method:
            method = "xml"
        elif method not in _serialize:
            raise ValueError("unknown method %r" % method)
        if not encoding:
            encoding = "utf-8" if method == "c14n" else "us-ascii"
        chunks = []
        write = chunks.append
        enc_lower = encoding.lower()
        if method == "xml" and (xml_declaration or
                                (xml_declaration is None and enc_lower not in ("utf-8", "us-ascii", "unicode"))):
            declared = encoding
            if enc_lower == "unicode":
                # CPython declares locale.getpreferredencoding(); Krait's text I/O is always UTF-8
                declared = "UTF-8"
            write("<?xml version='1.0' encoding='%s'?>\n" % (declared,))
        if method == "text":
            _serialize_text(write, self._root)
        else:
            qnames, namespaces = _namespaces(self._root, default_namespace)
            _serialize[method](write, self._root, qnames, namespaces, short_empty_elements)
        text = "".join(chunks)
        if enc_lower == "unicode":
            data = text
        else:
            data = text.encode(encoding, "xmlcharrefreplace")
        if hasattr(file_or_filename, "write"):
            f = file_or_filename
            if isinstance(data, bytes) and isinstance(f, io.TextIOBase):
                f.write(text)
            else:
                f.write(data)
        else:
            if isinstance(data, str):
                with open(file_or_filename, "w", encoding="utf-8", errors="xmlcharrefreplace") as f:
                    f.write(data)
            else:
                with open(file_or_filename, "wb") as f:
                    f.write(data)

    def write_c14n(self, file):
        raise NotImplementedError("C14N serialisation is not supported by Krait's ElementTree")


# ---------------------------------------------------------------- serialisation

_namespace_map = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/1999/xhtml": "html",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://schemas.xmlsoap.org/wsdl/": "wsdl",
    "http://www.w3.org/2001/XMLSchema": "xs",
    "http://www.w3.org/2001/XMLSchema-instance": "xsi",
    "http://purl.org/dc/elements/1.1/": "dc",
}


def register_namespace(prefix, uri):
    if re.match(r"ns\d+$", prefix):
        raise ValueError("Prefix format reserved for internal use")
    for k, v in list(_namespace_map.items()):
        if k == uri or v == prefix:
            del _namespace_map[k]
    _namespace_map[uri] = prefix


def _raise_serialization_error(text):
    raise TypeError("cannot serialize %r (type %s)" % (text, type(text).__name__))


def _namespaces(root, default_namespace=None):
    """Maps every qualified name in the tree to its prefixed form, numbering unknown namespaces ns0,
    ns1... in the order they are first met (tag, then attribute names and QName values, element by
    element in document order). Returns (qnames, {uri: prefix})."""
    qnames = {None: None}
    namespaces = {}
    if default_namespace:
        namespaces[default_namespace] = ""

    def add_qname(qname):
        try:
            if qname[:1] == "{":
                uri, tag = qname[1:].rsplit("}", 1)
                prefix = namespaces.get(uri)
                if prefix is None:
                    prefix = _namespace_map.get(uri)
                    if prefix is None:
                        prefix = "ns%d" % len(namespaces)
                    if prefix != "xml":
                        namespaces[uri] = prefix
                qnames[qname] = "%s:%s" % (prefix, tag) if prefix else tag
            else:
                if default_namespace:
                    raise ValueError("cannot use non-qualified names with default_namespace option")
                qnames[qname] = qname
        except TypeError:
            _raise_serialization_error(qname)

    for elem in root.iter():
        tag = elem.tag
        if isinstance(tag, QName):
            if tag.text not in qnames:
                add_qname(tag.text)
        elif isinstance(tag, str):
            if tag not in qnames:
                add_qname(tag)
        elif tag is not None and tag is not Comment and tag is not PI:
            _raise_serialization_error(tag)
        for key, value in elem.items():
            if isinstance(key, QName):
                key = key.text
            if key not in qnames:
                add_qname(key)
            if isinstance(value, QName) and value.text not in qnames:
                add_qname(value.text)
        text = elem.text
        if isinstance(text, QName) and text.text not in qnames:
            add_qname(text.text)
    return qnames, namespaces


def _escape_cdata(text):
    try:
        if "&" in text:
            text = text.replace("&", "&amp;")
        if "<" in text:
            text = text.replace("<", "&lt;")
        if ">" in text:
            text = text.replace(">", "&gt;")
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _escape_attrib(text):
    try:
        for ch, rep in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
                        ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
            if ch in text:
                text = text.replace(ch, rep)
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _escape_attrib_html(text):
    try:
        for ch, rep in (("&", "&amp;"), (">", "&gt;"), ('"', "&quot;")):
            if ch in text:
                text = text.replace(ch, rep)
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _write_start(write, tag, elem, qnames, namespaces, escape):
    write("<" + tag)
    if namespaces:
        for uri, prefix in sorted(namespaces.items(), key=lambda x: x[1]):
            write(' xmlns%s="%s"' % (":" + prefix if prefix else "", _escape_attrib(uri)))
    for k, v in elem.items():
        if isinstance(k, QName):
            k = k.text
        if isinstance(v, QName):
            v = qnames[v.text]
        else:
            v = escape(v)
        write(' %s="%s"' % (qnames[k], v))


def _serialize_xml(write, elem, qnames, namespaces, short_empty_elements):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % text)
    elif tag is ProcessingInstruction:
        write("<?%s?>" % text)
    else:
        tag = qnames[tag.text if isinstance(tag, QName) else tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for e in elem:
                _serialize_xml(write, e, qnames, None, short_empty_elements)
        else:
            _write_start(write, tag, elem, qnames, namespaces, _escape_attrib)
            if text or len(elem) or not short_empty_elements:
                write(">")
                if text:
                    write(_escape_cdata(text))
                for e in elem:
                    _serialize_xml(write, e, qnames, None, short_empty_elements)
                write("</" + tag + ">")
            else:
                write(" />")
    if elem.tail:
        write(_escape_cdata(elem.tail))


HTML_EMPTY = {"area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "isindex",
              "link", "meta", "param", "source", "track", "wbr"}


def _serialize_html(write, elem, qnames, namespaces, short_empty_elements=True):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % _escape_cdata(text))
    elif tag is ProcessingInstruction:
        write("<?%s?>" % _escape_cdata(text))
    else:
        tag = qnames[tag.text if isinstance(tag, QName) else tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for e in elem:
                _serialize_html(write, e, qnames, None)
        else:
            _write_start(write, tag, elem, qnames, namespaces, _escape_attrib_html)
            write(">")
            ltag = tag.lower()
            if text:
                if ltag == "script" or ltag == "style":
                    write(text)
                else:
                    write(_escape_cdata(text))
            for e in elem:
                _serialize_html(write, e, qnames, None)
            if ltag not in HTML_EMPTY:
                write("</" + tag + ">")
    if elem.tail:
        write(_escape_cdata(elem.tail))


def _serialize_text(write, elem):
    for part in elem.itertext():
        write(part)
    if elem.tail:
        write(elem.tail)


def _serialize_c14n(write, elem, qnames, namespaces, short_empty_elements):
    raise NotImplementedError("C14N serialisation is not supported by Krait's ElementTree")


_serialize = {"xml": _serialize_xml, "html": _serialize_html, "text": _serialize_text,
              "c14n": _serialize_c14n}


def tostring(element, encoding=None, method=None, *, xml_declaration=None, default_namespace=None,
             short_empty_elements=True):
    stream = io.StringIO() if encoding == 'unicode' else io.BytesIO()
    ElementTree(element).write(stream, encoding, xml_declaration=xml_declaration,
                               default_namespace=default_namespace, method=method,
                               short_empty_elements=short_empty_elements)
    return stream.getvalue()


def tostringlist(element, encoding=None, method=None, *, xml_declaration=None, default_namespace=None,
                 short_empty_elements=True):
    return [tostring(element, encoding, method, xml_declaration=xml_declaration,
                     default_namespace=default_namespace, short_empty_elements=short_empty_elements)]


def dump(elem):
    if not isinstance(elem, ElementTree):
        elem = ElementTree(elem)
    elem.write(sys.stdout, encoding="unicode")
    tail = elem.getroot().tail
    if not tail or tail[-1] != "\n":
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    """Indents the tree in place: whitespace-only text and tails become newline + space * depth."""
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError("Initial indentation level must be >= 0, got %s" % (level,))
    if not len(tree):
        return

    def walk(elem, depth):
        inner = "\n" + space * (depth + 1)
        if not elem.text or not elem.text.strip():
            elem.text = inner
        last = None
        for child in elem:
            if len(child):
                walk(child, depth + 1)
            if not child.tail or not child.tail.strip():
                child.tail = inner
            last = child
        if not last.tail.strip():
            last.tail = "\n" + space * depth

    walk(tree, level)


# ---------------------------------------------------------------- parsing

def parse(source, parser=None):
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


class TreeBuilder:
    """Builds an element tree from start/data/end (and comment/pi) calls."""

    def __init__(self, element_factory=None, *, comment_factory=None, pi_factory=None,
                 insert_comments=False, insert_pis=False):
        self._data = []
        self._elem = []
        self._last = None
        self._root = None
        self._tail = None
        self._comment_factory = Comment if comment_factory is None else comment_factory
        self.insert_comments = insert_comments
        self._pi_factory = ProcessingInstruction if pi_factory is None else pi_factory
        self.insert_pis = insert_pis
        self._factory = Element if element_factory is None else element_factory

    def close(self):
        if len(self._elem) != 0:
            raise AssertionError("missing end tags")
        if self._root is None:
            raise AssertionError("missing toplevel element")
        return self._root

    def _flush(self):
        if self._data:
            if self._last is not None:
                text = "".join(self._data)
                if self._tail:
                    self._last.tail = text
                else:
                    self._last.text = text
            self._data = []

    def data(self, data):
        self._data.append(data)

    def start(self, tag, attrs):
        self._flush()
        self._last = elem = self._factory(tag, attrs)
        if self._elem:
            self._elem[-1].append(elem)
        elif self._root is None:
            self._root = elem
        self._elem.append(elem)
        self._tail = 0
        return elem

    def end(self, tag):
        self._flush()
        self._last = self._elem.pop()
        if self._last.tag != tag:
            raise AssertionError("end tag mismatch (expected %s, got %s)" % (self._last.tag, tag))
        self._tail = 1
        return self._last

    def comment(self, text):
        return self._special(self._comment_factory, self.insert_comments, text)

    def pi(self, target, text=None):
        return self._special(self._pi_factory, self.insert_pis, target, text)

    def _special(self, factory, insert, *args):
        elem = factory(*args)
        if insert:
            self._flush()
            self._last = elem
            if self._elem:
                self._elem[-1].append(elem)
            self._tail = 1
        return elem


class XMLParser:
    """An XML parser on pyexpat that calls a target's start/end/data/comment/pi/start_ns/end_ns/close
    (a TreeBuilder by default)."""

    def __init__(self, *, target=None, encoding=None):
        import pyexpat
        self._expat = pyexpat
        parser = pyexpat.ParserCreate(encoding, "}")
        if target is None:
            target = TreeBuilder()
        self.parser = self._parser = parser
        self.target = self._target = target
        self._error = pyexpat.error
        self._names = {}
        self._events = None    # (queue, wanted event names) while an XMLPullParser reads events
        parser.buffer_text = 1
        parser.ordered_attributes = 1
        self._install()
        self.version = "Expat %d.%d.%d" % pyexpat.version_info

    def _install(self):
        p = self._parser
        t = self._target
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._data
        if hasattr(t, "comment") or self._wants("comment"):
            p.CommentHandler = self._comment
        if hasattr(t, "pi") or self._wants("pi"):
            p.ProcessingInstructionHandler = self._pi
        if hasattr(t, "start_ns") or self._wants("start-ns"):
            p.StartNamespaceDeclHandler = self._start_ns
        if hasattr(t, "end_ns") or self._wants("end-ns"):
            p.EndNamespaceDeclHandler = self._end_ns
        if hasattr(t, "doctype"):
            p.StartDoctypeDeclHandler = self._doctype

    def _wants(self, name):
        return self._events is not None and name in self._events[1]

    def _setevents(self, queue, events):
        self._events = (queue, frozenset(events))
        self._install()

    def _fixname(self, key):
        name = self._names.get(key)
        if name is None:
            name = "{" + key if "}" in key else key
            self._names[key] = name
        return name

    def _start(self, tag, attr_list):
        fix = self._fixname
        attrib = {}
        for i in range(0, len(attr_list), 2):
            attrib[fix(attr_list[i])] = attr_list[i + 1]
        elem = self._target.start(fix(tag), attrib)
        if self._wants("start"):
            self._events[0].append(("start", elem))
        return elem

    def _end(self, tag):
        elem = self._target.end(self._fixname(tag))
        if self._wants("end"):
            self._events[0].append(("end", elem))
        return elem

    def _data(self, text):
        self._target.data(text)

    def _comment(self, text):
        f = getattr(self._target, "comment", None)
        r = f(text) if f is not None else None
        if self._wants("comment"):
            self._events[0].append(("comment", r))

    def _pi(self, target, data):
        f = getattr(self._target, "pi", None)
        r = f(target, data) if f is not None else None
        if self._wants("pi"):
            self._events[0].append(("pi", r))

    def _start_ns(self, prefix, uri):
        f = getattr(self._target, "start_ns", None)
        r = f(prefix or "", uri or "") if f is not None else None
        if self._wants("start-ns"):
            self._events[0].append(("start-ns", (prefix or "", uri or "")))
        return r

    def _end_ns(self, prefix):
        f = getattr(self._target, "end_ns", None)
        r = f(prefix or "") if f is not None else None
        if self._wants("end-ns"):
            self._events[0].append(("end-ns", None))
        return r

    def _doctype(self, name, sysid, pubid, has_internal_subset):
        self._target.doctype(name, pubid, sysid)

    def _raiseerror(self, value):
        err = ParseError(str(value))
        err.code = value.code
        err.position = value.lineno, value.offset
        raise err

    def feed(self, data):
        try:
            self._parser.Parse(data, False)
        except self._error as v:
            self._raiseerror(v)

    def close(self):
        try:
            self._parser.Parse(b"", True)
        except self._error as v:
            self._raiseerror(v)
        try:
            close_handler = self._target.close
        except AttributeError:
            pass
        else:
            return close_handler()
        finally:
            del self._parser, self._target
            self.parser = self.target = None

    def flush(self):
        pass


def XML(text, parser=None):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    return parser.close()


fromstring = XML


def XMLID(text, parser=None):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    tree = parser.close()
    ids = {}
    for elem in tree.iter():
        id = elem.get("id")
        if id:
            ids[id] = elem
    return tree, ids


def fromstringlist(sequence, parser=None):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    for text in sequence:
        parser.feed(text)
    return parser.close()


_EVENT_NAMES = ("start", "end", "comment", "pi", "start-ns", "end-ns")


class XMLPullParser:
    """Feed-style parsing that queues (event, value) pairs for read_events()."""

    def __init__(self, events=None, *, _parser=None):
        self._events_queue = []
        self._parser = _parser or XMLParser(target=TreeBuilder())
        if events is None:
            events = ("end",)
        events = tuple(events)
        for e in events:
            if e not in _EVENT_NAMES:
                raise ValueError("unknown event %r" % e)
        self._parser._setevents(self._events_queue, events)

    def feed(self, data):
        if self._parser is None:
            raise ValueError("feed() called after end of stream")
        if data:
            try:
                self._parser.feed(data)
            except SyntaxError as exc:
                self._events_queue.append(exc)

    def _close_and_return_root(self):
        root = self._parser.close()
        self._parser = None
        return root

    def close(self):
        self._close_and_return_root()

    def read_events(self):
        events = self._events_queue
        while events:
            event = events.pop(0)
            if isinstance(event, Exception):
                raise event
            yield event

    def flush(self):
        pass


def iterparse(source, events=None, parser=None):
    """Parses source (a file name or a binary file) incrementally, yielding (event, element) pairs;
    the iterator's root attribute is the root element once parsing finished."""
    pullparser = XMLPullParser(events=events, _parser=parser)
    close_source = False
    if not hasattr(source, "read"):
        source = open(source, "rb")
        close_source = True

    class IterParseIterator:
        root = None

        def __init__(self):
            self._gen = self._run()

        def _run(self):
            try:
                while True:
                    yield from pullparser.read_events()
                    data = source.read(16 * 1024)
                    if not data:
                        break
                    pullparser.feed(data)
                root = pullparser._close_and_return_root()
                yield from pullparser.read_events()
                it.root = root
            finally:
                if close_source:
                    source.close()

        def __iter__(self):
            return self

        def __next__(self):
            return next(self._gen)

    it = IterParseIterator()
    return it


def canonicalize(xml_data=None, *, out=None, from_file=None, **options):
    raise NotImplementedError("C14N canonicalisation is not supported by Krait's ElementTree")


class C14NWriterTarget:
    def __init__(self, write, **options):
        raise NotImplementedError("C14N canonicalisation is not supported by Krait's ElementTree")
