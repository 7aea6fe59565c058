# xml.etree.ElementTree: iterparse, XMLPullParser and pyexpat event sequences
import io
import pyexpat
import xml.etree.ElementTree as ET
from xml.parsers import expat

src = b"""<?xml version="1.0"?>
<root xmlns="urn:a" xmlns:b="urn:b">
  <b:item id="1">one<!-- c1 --></b:item>
  <?proc instr?>
  <item id="2"/>
</root>"""

for events in [None, ("start", "end"), ("start", "end", "start-ns", "end-ns"), ("end", "comment", "pi")]:
    it = ET.iterparse(io.BytesIO(src), events=events)
    out = []
    for ev, obj in it:
        if ev in ("start", "end"):
            out.append((ev, obj.tag, obj.get("id")))
        elif ev == "start-ns":
            out.append((ev, obj))
        elif ev in ("comment", "pi"):
            out.append((ev, obj.text))
        else:
            out.append((ev, obj))
    print(events)
    for o in out:
        print("  ", o)
    print("  root:", it.root.tag, len(it.root))

# clearing elements while iterating (the streaming idiom)
big = b"<list>" + b"".join(b"<rec n='%d'>%d</rec>" % (i, i * i) for i in range(50)) + b"</list>"
total = 0
for ev, el in ET.iterparse(io.BytesIO(big)):
    if el.tag == "rec":
        total += int(el.text)
        el.clear()
print("total", total)

try:
    for ev, el in ET.iterparse(io.BytesIO(b"<a><b></a>")):
        print(ev, el.tag)
except ET.ParseError as e:
    print("ParseError", e, e.position)
try:
    ET.iterparse(io.BytesIO(src), events=("bogus",))
except ValueError as e:
    print("ValueError", e)

pp = ET.XMLPullParser(events=("start", "end"))
for chunk in ["<a><b x='1'>te", "xt</b>", "<c/>", "</a>"]:
    pp.feed(chunk)
    print([(ev, el.tag) for ev, el in pp.read_events()])
pp.close()
print(list(pp.read_events()))
pp = ET.XMLPullParser()
pp.feed("<a><b/></x>")
try:
    list(pp.read_events())
except ET.ParseError as e:
    print("ParseError", e, e.code)

# pyexpat directly
log = []
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: log.append(("start", n, a))
p.EndElementHandler = lambda n: log.append(("end", n))
p.CharacterDataHandler = lambda d: log.append(("data", d))
p.CommentHandler = lambda d: log.append(("comment", d))
p.ProcessingInstructionHandler = lambda t, d: log.append(("pi", t, d))
p.XmlDeclHandler = lambda v, e, s: log.append(("xmldecl", v, e, s))
p.StartDoctypeDeclHandler = lambda *a: log.append(("doctype",) + a)
p.EndDoctypeDeclHandler = lambda: log.append(("enddoctype",))
p.StartCdataSectionHandler = lambda: log.append(("startcdata",))
p.EndCdataSectionHandler = lambda: log.append(("endcdata",))
p.Parse(b"""<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<!DOCTYPE r [<!ENTITY e "expanded">]>
<r a="1" b="&amp;"><![CDATA[x<y]]>&e;&#x41;<?t d?><!--c--></r>""", True)
for entry in log:
    print(entry)

p = expat.ParserCreate()
p.buffer_text = True
p.ordered_attributes = True
log = []
p.StartElementHandler = lambda n, a: log.append(("start", n, a))
p.CharacterDataHandler = lambda d: log.append(("data", d))
p.Parse("<r z='1' a='2'>a&amp;b\nc</r>", True)
print(log)

p = expat.ParserCreate(namespace_separator=" ")
log = []
p.StartElementHandler = lambda n, a: log.append(("start", n, a))
p.StartNamespaceDeclHandler = lambda pr, uri: log.append(("ns", pr, uri))
p.EndNamespaceDeclHandler = lambda pr: log.append(("endns", pr))
p.Parse("<x:r xmlns:x='urn:x' xmlns='urn:d' x:a='1'><c/></x:r>", True)
print(log)

p = expat.ParserCreate()
pos = []
p.StartElementHandler = lambda n, a: pos.append((n, p.CurrentLineNumber, p.CurrentColumnNumber))
p.Parse("<a>\n  <b/>\n    <c/></a>", True)
print(pos)

for doc in ["<a></b>", "<a>", "", "<a>&und;</a>", "<a/>junk", "<a>\n\n  <b x='1' x='2'/></a>"]:
    p = expat.ParserCreate()
    try:
        p.Parse(doc, True)
        print("ok")
    except expat.ExpatError as e:
        print(repr(e), e.code, e.lineno, e.offset, expat.errors.messages[e.code] == expat.ErrorString(e.code))
        print("  ", p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber)
print(expat.errors.XML_ERROR_TAG_MISMATCH, expat.errors.codes["mismatched tag"], pyexpat.error is expat.ExpatError)

# a handler that raises stops the parse
p = expat.ParserCreate()
def boom(name, attrs):
    if name == "b":
        raise KeyError(name)
p.StartElementHandler = boom
try:
    p.Parse("<a><b/></a>", True)
except KeyError as e:
    print("KeyError", e)

# feeding in pieces (a multi-byte character split across chunks)
p = expat.ParserCreate()
text = []
p.CharacterDataHandler = text.append
data = "<a>h\u00e9llo \u20ac</a>".encode("utf-8")
for i in range(len(data)):
    p.Parse(data[i:i + 1], False)
p.Parse(b"", True)
print("".join(text))
try:
    expat.ParserCreate(namespace_separator="ab")
except ValueError as e:
    print("ValueError", e)
