# xml.etree.ElementTree: parsing, the tree API, serialisation, namespaces, errors
import io
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0"?>
<data a="1">
  <country name="Liechtenstein">
    <rank>1</rank>
    <year>2008</year>
    <neighbor name="Austria" direction="E"/>
    <neighbor name="Switzerland" direction="W"/>
  </country>
  <country name="Singapore">
    <rank>4</rank>
    <year>2011</year>
    <neighbor name="Malaysia" direction="N"/>
  </country>
  <!-- a comment -->
  <country name="Panama">
    <rank>68</rank>
    <year>2011</year>
    <neighbor name="Costa Rica" direction="W"/>
    <neighbor name="Colombia" direction="E"/>
  </country>
</data>"""

root = ET.fromstring(doc)
print(root.tag, root.attrib, len(root), repr(root.text))
for c in root:
    print(c.tag, c.get("name"), c.get("missing"), c.get("missing", "dflt"), sorted(c.keys()))
print([e.tag for e in root.iter()][:6])
print([e.text for e in root.iter("rank")])
print(root[0][1].text, root[-1].get("name"), [c.get("name") for c in root[1:]])

# ElementPath
print([e.get("name") for e in root.findall("country")])
print([e.get("name") for e in root.findall(".//neighbor")])
print([e.get("name") for e in root.findall(".//neighbor[@direction='W']")])
print([e.get("name") for e in root.findall("./country/neighbor[2]")])
print([e.get("name") for e in root.findall("country[rank='4']")])
print([e.get("name") for e in root.findall("country[last()]")])
print([e.get("name") for e in root.findall("country[last()-1]")])
print([e.get("name") for e in root.findall("*[@name]")])
print([e.tag for e in root.findall(".//year/..")])
print([e.get("name") for e in root.findall(".//year/..[@name='Panama']")])
print(root.findtext("country/rank"), repr(root.findtext("nothing")), root.findtext("nothing", "d"))
print(root.find("country/year").text, root.find("nope"))
print([e.text for e in root.iterfind("country/year")])
print([e.get("name") for e in root.findall("country[neighbor]")])
print([e.tag for e in root.findall(".//*")][:5])
print(len(root.findall("*")), len(root.findall(".")), root.findall("./country/")[:2][0].tag)
for bad in ["/country", "country[0]", "country[-1]"]:
    try:
        root.findall(bad)
        print("ok", bad)
    except SyntaxError as e:
        print("SyntaxError", bad, e)

# building trees
a = ET.Element("a", {"x": "1"}, y="2")
b = ET.SubElement(a, "b")
b.text = "hello & <bye>"
c = ET.SubElement(a, "c", attr='q"uote\n<tab>\t&')
c.tail = "tail>"
ET.SubElement(a, "d").text = ""
a.append(ET.Comment(" note -- "))
a.append(ET.PI("target", "some data"))
print(ET.tostring(a))
print(ET.tostring(a, encoding="unicode"))
print(ET.tostring(a, encoding="unicode", short_empty_elements=False))
print(ET.tostring(a, method="text", encoding="unicode"))
print(ET.tostring(a, encoding="utf-8"))
print(ET.tostring(a, encoding="iso-8859-1"))
print(ET.tostring(a, encoding="unicode", xml_declaration=True) == ET.tostring(a, encoding="unicode"))
print(b"".join(ET.tostringlist(a)) == ET.tostring(a))
u = ET.Element("u")
u.text = "caf\u00e9 \u20ac"
print(ET.tostring(u), ET.tostring(u, encoding="utf-8"), ET.tostring(u, encoding="unicode"))
a.remove(b)
a.insert(0, ET.Element("first"))
a.extend([ET.Element("e1"), ET.Element("e2")])
print([e.tag if isinstance(e.tag, str) else "special" for e in a])
del a[0]
a[0] = ET.Element("replaced")
print([e.tag if isinstance(e.tag, str) else "special" for e in a])
a[1:3] = [ET.Element("s1")]
print([e.tag if isinstance(e.tag, str) else "special" for e in a])
try:
    a.append("x")
except TypeError as e:
    print("TypeError", e)
for f in [lambda: a.insert(0, "x"), lambda: a.extend(["x"]), lambda: a.__setitem__(0, "x"),
          lambda: ET.Element("a", attrib=3), lambda: ET.SubElement("x", "y"), lambda: a.remove("x")]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
print(list(a.itertext()))
try:
    a.remove(ET.Element("zz"))
except ValueError as e:
    print("ValueError", e)
try:
    ET.Element("a", "b")
except TypeError as e:
    print("TypeError", e)
try:
    ET.tostring(ET.Element("a", x=1))
except TypeError as e:
    print("TypeError", e)
x = ET.Element("x")
x.set("k", "v")
print(list(x.items()), x.get("k"))
x.clear()
print(x.attrib, len(x))

# round trip
t = ET.fromstring('<r><a x="&lt;&amp;&#x41;">t&#65;&gt;</a><![CDATA[<raw>&]]>tail<b/></r>')
print(ET.tostring(t, encoding="unicode"))
print(t[0].get("x"), t[0].text, repr(t[0].tail))
print(list(t.itertext()))

# namespaces
ns_doc = """<root xmlns="http://default/" xmlns:h="http://html/">
<h:table h:border="1"><h:tr>cell</h:tr></h:table><item>x</item></root>"""
r = ET.fromstring(ns_doc)
print(r.tag, r[0].tag, r[0].attrib, r[1].tag)
print(ET.tostring(r, encoding="unicode"))
print(ET.tostring(r, encoding="unicode", default_namespace="http://default/").count("xmlns"))
nsmap = {"h": "http://html/", "d": "http://default/"}
print([e.tag for e in r.findall("h:table/h:tr", nsmap)], r.findtext("d:item", namespaces=nsmap))
print([e.tag for e in r.findall("item", {"": "http://default/"})])
print([e.tag for e in r.findall("{*}item")], [e.tag for e in r.findall(".//{http://html/}tr")])
try:
    r.find("q:x", nsmap)
except SyntaxError as e:
    print("SyntaxError", e)
ET.register_namespace("dflt", "http://default/")
print(ET.tostring(r, encoding="unicode")[:60])
try:
    ET.register_namespace("ns3", "http://x/")
except ValueError as e:
    print("ValueError", e)
try:
    ET.tostring(ET.Element("plain"), default_namespace="http://x/")
except ValueError as e:
    print("ValueError", e)
q = ET.Element(ET.QName("http://q/", "tag"), {ET.QName("http://q/", "at"): "v"})
print(ET.tostring(q, encoding="unicode"), ET.QName("http://q/", "tag") == "{http://q/}tag", repr(ET.QName("x")))
w = ET.Element("{http://www.w3.org/XML/1998/namespace}lang")
print(ET.tostring(w, encoding="unicode"))

# html method
h = ET.fromstring('<html><head><script>if (a &lt; b &amp;&amp; c) {}</script></head><body><br/><p class="a&amp;b">x &amp; y</p><img src="i"/></body></html>')
print(ET.tostring(h, method="html", encoding="unicode"))

# indent and dump
t = ET.fromstring("<a><b><c>text</c><c/></b><d>  </d><e/></a>")
ET.indent(t)
ET.dump(t)
t2 = ET.fromstring("<a><b/><b><c/></b></a>")
ET.indent(t2, space="\t", level=1)
print(repr(ET.tostring(t2, encoding="unicode")))
try:
    ET.indent(t2, level=-1)
except ValueError as e:
    print("ValueError", e)

# ElementTree and files
tree = ET.ElementTree(ET.fromstring("<doc><p>\u00e9</p></doc>"))
buf = io.BytesIO()
tree.write(buf)
print(buf.getvalue())
buf = io.BytesIO()
tree.write(buf, encoding="utf-8", xml_declaration=True)
print(buf.getvalue())
sbuf = io.StringIO()
tree.write(sbuf, encoding="unicode")
print(sbuf.getvalue())
tree2 = ET.parse(io.BytesIO(b"<?xml version='1.0' encoding='iso-8859-1'?><z>\xe9t\xe9</z>"))
print(tree2.getroot().text, tree2.find(".").tag, tree2.findtext("."))
tree3 = ET.ElementTree(file=io.BytesIO(b"<q><r>1</r><r>2</r></q>"))
print([e.text for e in tree3.findall("r")], [e.tag for e in tree3.iter()])
try:
    tree.write(io.BytesIO(), method="bogus")
except ValueError as e:
    print("ValueError", e)

# errors
for bad in ["<a><b></a>", "", "<a>", "x", "<a>&foo;</a>", "<a></a><b/>", "<a x='1' x='2'/>",
            "<a>\n  <b>\n</a>", "<a><!-- x -- y --></a>", "<a>&#0;</a>", "<:a/>", "<a b=c/>"]:
    try:
        ET.fromstring(bad)
        print("parsed", repr(bad))
    except ET.ParseError as e:
        print(repr(bad), "->", e, e.code, e.position, isinstance(e, SyntaxError))

# TreeBuilder with comments and PIs, custom targets
tb = ET.TreeBuilder(insert_comments=True, insert_pis=True)
p = ET.XMLParser(target=tb)
p.feed("<a>x<!--c--><?pi data?>y</a>")
r = p.close()
print(ET.tostring(r, encoding="unicode"), len(r))


class Target:
    def __init__(self):
        self.log = []

    def start(self, tag, attrib):
        self.log.append(("start", tag, attrib))

    def end(self, tag):
        self.log.append(("end", tag))

    def data(self, data):
        self.log.append(("data", data))

    def comment(self, text):
        self.log.append(("comment", text))

    def start_ns(self, prefix, uri):
        self.log.append(("start-ns", prefix, uri))

    def close(self):
        return self.log


p = ET.XMLParser(target=Target())
p.feed('<a xmlns:p="u"><p:b p:c="1">t</p:b><!--hi--></a>')
for entry in p.close():
    print(entry)

print(ET.fromstringlist(["<a>", "b", "</a>"]).text)
tree, ids = ET.XMLID('<a><b id="one"/><c id="two"><d id="three"/></c></a>')
print(sorted(ids), ids["three"].tag)
print(ET.iselement(root), ET.iselement("x"))
