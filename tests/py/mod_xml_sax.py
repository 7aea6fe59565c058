# xml.sax: parseString/parse/make_parser with ContentHandler, namespaces, errors; xml.sax.saxutils
import io
import xml.sax
from xml.sax import saxutils
from xml.sax.handler import ContentHandler, ErrorHandler, feature_namespaces, feature_namespace_prefixes


class H(ContentHandler):
    def __init__(self):
        super().__init__()
        self.log = []
        self.loc = None

    def setDocumentLocator(self, loc):
        self.loc = loc

    def startDocument(self):
        self.log.append("startDoc")

    def endDocument(self):
        self.log.append("endDoc")

    def startElement(self, name, attrs):
        self.log.append(("start", name, dict(attrs), attrs.getLength(), attrs.getNames(),
                         self.loc and self.loc.getLineNumber(), self.loc and self.loc.getColumnNumber()))
        if "b" in attrs:
            self.log.append(("b", attrs["b"], attrs.getValue("b"), attrs.get("zz", "-"), attrs.getType("b")))

    def endElement(self, name):
        self.log.append(("end", name))

    def characters(self, c):
        self.log.append(("chars", c))

    def processingInstruction(self, t, d):
        self.log.append(("pi", t, d))

    def startPrefixMapping(self, p, u):
        self.log.append(("map", p, u))

    def endPrefixMapping(self, p):
        self.log.append(("unmap", p))

    def startElementNS(self, name, qname, attrs):
        self.log.append(("startNS", name, qname, dict(attrs.items()), sorted(attrs.getQNames())))

    def endElementNS(self, name, qname):
        self.log.append(("endNS", name, qname))


h = H()
xml.sax.parseString(b"<r a='1'>te&amp;xt\nmore<!--c--><?p d?><e b='&lt;'/></r>", h)
for entry in h.log:
    print(entry)
h = H()
xml.sax.parseString("<r>\u00e9\u20ac</r>", h)
print(h.log)

for bad in [b"<r><x></r>", b"", b"<r>&u;</r>", b"<a/><b/>"]:
    try:
        xml.sax.parseString(bad, H())
    except xml.sax.SAXParseException as e:
        print(repr(e), str(e), e.getLineNumber(), e.getColumnNumber(), e.getMessage(), e.getSystemId(),
              e.getPublicId(), isinstance(e, xml.sax.SAXException))


class Collect(ErrorHandler):
    def fatalError(self, exc):
        print("fatal:", exc)
        raise exc


try:
    xml.sax.parseString(b"<a>\n<b></a>", H(), Collect())
except xml.sax.SAXParseException:
    print("raised")

for prefixes in (False,):
    p = xml.sax.make_parser()
    p.setFeature(feature_namespaces, True)
    p.setFeature(feature_namespace_prefixes, prefixes)
    h = H()
    p.setContentHandler(h)
    p.parse(io.BytesIO(b"<x:r xmlns:x='urn:x' xmlns='urn:d' x:a='1' b='2'><c/></x:r>"))
    for entry in h.log:
        print(entry)
p = xml.sax.make_parser()
print(p.getFeature(feature_namespaces))
try:
    p.setFeature(feature_namespace_prefixes, True)
except xml.sax.SAXNotSupportedException as e:
    print("SAXNotSupportedException", e)
try:
    p.setFeature("http://xml.org/sax/features/validation", True)
except xml.sax.SAXNotSupportedException as e:
    print("SAXNotSupportedException", e)
try:
    p.setFeature("urn:bogus", True)
except xml.sax.SAXNotRecognizedException as e:
    print("SAXNotRecognizedException", e)

# incremental feeding
p = xml.sax.make_parser()
h = H()
p.setContentHandler(h)
for chunk in [b"<r><a>1", b"2</a>", b"<b/></r>"]:
    p.feed(chunk)
p.close()
print(h.log)

# saxutils
print(saxutils.escape("a<b>&c\"'"), saxutils.escape("abc", {"b": "B"}))
print(saxutils.unescape("&lt;&amp;&gt;&quot;"), saxutils.unescape("&x;", {"&x;": "X"}), saxutils.unescape("&amp;lt;"))
print(saxutils.quoteattr("ab"), saxutils.quoteattr('a"b'), saxutils.quoteattr("a'b\"c\n\t"), saxutils.quoteattr("<&>"))
out = io.StringIO()
xml.sax.parseString(b"<r a='1&amp;'>t<e/><!--c--><?p d?></r>", saxutils.XMLGenerator(out, "utf-8"))
print(out.getvalue())
out = io.StringIO()
xml.sax.parseString(b"<r a='1&amp;'>t&lt;<e/></r>", saxutils.XMLGenerator(out, short_empty_elements=True))
print(out.getvalue())
out = io.BytesIO()
xml.sax.parseString("<r>caf\u00e9 \u20ac</r>".encode(), saxutils.XMLGenerator(out))
print(out.getvalue())
out = io.StringIO()
p = xml.sax.make_parser()
p.setFeature(feature_namespaces, True)
p.setContentHandler(saxutils.XMLGenerator(out, "utf-8"))
p.parse(io.StringIO("<x:r xmlns:x='urn:x' x:a='1'><x:c/><d/></x:r>"))
print(out.getvalue())
print(xml.sax.SAXException("m").getMessage(), xml.sax.SAXException("m", ValueError("v")).getException())
