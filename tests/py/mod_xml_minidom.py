# xml.dom.minidom: parsing, the node API, toxml/toprettyxml output, namespaces, errors
import io
import xml.dom
from xml.dom import minidom
from xml.parsers.expat import ExpatError

src = """<?xml version="1.0"?>
<!DOCTYPE r SYSTEM "r.dtd">
<r a="1" b="&lt;x&quot;">
  <x:c xmlns:x="urn:x" x:at="v">t<![CDATA[<cd>]]>u</x:c>
  <!--com--><?pi da ta?><e/>&#65;&amp;
</r>"""
d = minidom.parseString(src)
print(d.toxml())
print(d.toprettyxml())
print(d.toprettyxml(indent="  ", encoding="utf-8"))
print(d.documentElement.toprettyxml(indent=" ", newl="|"))
r = d.documentElement
print([(n.nodeType, n.nodeName, n.nodeValue) for n in r.childNodes])
c = r.getElementsByTagName("x:c")[0]
print(c.tagName, c.namespaceURI, c.prefix, c.localName, c.nodeName, c.firstChild.data, len(c.childNodes))
print([(n.nodeType, n.nodeName, n.data) for n in c.childNodes], c.childNodes[1].nodeType == c.CDATA_SECTION_NODE)
print([(a.name, a.value, a.namespaceURI, a.prefix, a.localName) for a in c.attributes.values()])
print(c.getAttributeNS("urn:x", "at"), c.hasAttributeNS("urn:x", "at"), c.getAttribute("x:at"))
print(d.doctype.name, d.doctype.systemId, d.doctype.publicId, d.doctype.internalSubset, len(d.childNodes))
print(r.attributes.length, r.getAttribute("b"), repr(r.getAttribute("zz")), r.hasAttribute("a"), list(r.attributes.keys()))
print(d.nodeName, d.nodeType, r.parentNode is d, r.ownerDocument is d, d.parentNode, c.previousSibling.nodeType)
print(c.nextSibling.nodeName, repr(c.nextSibling.data), r.firstChild.nodeType, r.lastChild.data == "A&\n")
print(r.childNodes.length, r.childNodes.item(0).nodeName, r.childNodes.item(99))
print([e.tagName for e in d.getElementsByTagName("*")], len(d.getElementsByTagNameNS("urn:x", "c")))

# building documents
impl = minidom.getDOMImplementation()
doc = impl.createDocument(None, "root", None)
top = doc.documentElement
item = doc.createElement("item")
item.setAttribute("id", "1")
item.setAttribute("note", 'a<b & "c"\n\td')
item.appendChild(doc.createTextNode("hello & <bye>"))
top.appendChild(item)
top.appendChild(doc.createComment(" a comment "))
empty = top.appendChild(doc.createElement("empty"))
nested = top.appendChild(doc.createElement("nested"))
nested.appendChild(doc.createElement("leaf")).appendChild(doc.createTextNode("x"))
nested.appendChild(doc.createProcessingInstruction("php", "echo 1;"))
top.appendChild(doc.createElementNS("urn:n", "n:thing"))
print(doc.toxml())
print(doc.toprettyxml(indent="  "))
print(doc.toxml(encoding="iso-8859-1"), doc.toxml(standalone=True))
print(item.toxml())
print(top.childNodes[0].getAttribute("note"))

# tree surgery
top.removeChild(empty)
top.insertBefore(doc.createElement("first"), top.firstChild)
top.replaceChild(doc.createElement("second"), item)
print([n.nodeName for n in top.childNodes])
print(top.firstChild.nextSibling.nodeName, top.lastChild.previousSibling.nodeName)
moved = nested.firstChild
top.appendChild(moved)
print([n.nodeName for n in nested.childNodes], moved.parentNode is top)
try:
    top.removeChild(doc.createElement("stranger"))
except xml.dom.NotFoundErr as e:
    print("NotFoundErr", e.code)
try:
    doc.appendChild(doc.createElement("second_root"))
except xml.dom.HierarchyRequestErr as e:
    print("HierarchyRequestErr", e)
clone = top.cloneNode(True)
shallow = top.cloneNode(False)
print(len(clone.childNodes), len(shallow.childNodes), clone.toxml() == top.toxml(), clone.parentNode)
item.removeAttribute("id")
print(item.hasAttribute("id"), list(item.attributes.keys()))
try:
    item.removeAttribute("id")
except xml.dom.NotFoundErr:
    print("NotFoundErr on removeAttribute")

# normalize merges adjacent text
p = doc.createElement("p")
for s in ["a", "", "b", "c"]:
    p.appendChild(doc.createTextNode(s))
p.appendChild(doc.createElement("br"))
p.appendChild(doc.createTextNode("d"))
print(len(p.childNodes), end=" ")
p.normalize()
print(len(p.childNodes), [n.data if n.nodeType == n.TEXT_NODE else n.nodeName for n in p.childNodes])

# errors
for bad in ["<a><b></a>", "", "<a x='1' x='2'/>", "<p:a/>", "<a>&nope;</a>"]:
    try:
        minidom.parseString(bad)
    except ExpatError as e:
        print(repr(bad), "->", e, e.code, e.lineno, e.offset)
try:
    doc.createTextNode(5)
except TypeError as e:
    print("TypeError", e)
bad_comment = doc.createComment("x -- y")
try:
    bad_comment.toxml()
except ValueError as e:
    print("ValueError", e)

# pretty printing a parsed, already indented document adds blank-ish lines (as CPython)
pretty = minidom.parseString("<a>\n  <b>text</b>\n</a>").toprettyxml(indent="  ")
print(repr(pretty))

# parse from a file object, bytes with an encoding declaration, namespaces with a default
d2 = minidom.parse(io.BytesIO("<?xml version='1.0' encoding='iso-8859-1'?><z k='\xe9'>\xe9t\xe9</z>".encode("latin-1")))
print(d2.documentElement.firstChild.data, d2.documentElement.getAttribute("k"), d2.encoding, d2.version)
d3 = minidom.parseString('<x:c a="1" xmlns:x="urn:x" xmlns="urn:d"><d x:q="2"/></x:c>')
print(d3.toxml())
e = d3.documentElement.firstChild
print(e.namespaceURI, e.prefix, e.localName, [(a.name, a.namespaceURI, a.prefix, a.localName) for a in e.attributes.values()])
print([(a.name, a.namespaceURI, a.prefix, a.localName) for a in d3.documentElement.attributes.values()])
d4 = minidom.parseString('<!DOCTYPE r PUBLIC "-//x" "r.dtd" [<!ENTITY e "ex"> <!-- ] -->]><r>&e;</r>')
print(d4.toxml())
print(repr(d4.doctype.internalSubset))
with minidom.parseString("<w><v/></w>") as d5:
    print(d5.documentElement.tagName)
print(d5.documentElement)
