"""Simple implementation of the Level 1 DOM (Krait's xml.dom.minidom).

parse/parseString build the tree with pyexpat in namespace mode (names reported as "uri local prefix"),
so elements and attributes get namespaceURI/prefix/localName as CPython's namespace-aware builder gives
them and unbound prefixes are errors; the xmlns declarations become the element's first attributes. toxml/toprettyxml/writexml produce CPython
3.13's exact output (text children written inline when alone, "<e/>" for empty elements, attribute
values escaping & < > " and tab/newline/carriage return).
"""
import io

import xml.dom
from xml.dom import (EMPTY_NAMESPACE, EMPTY_PREFIX, XMLNS_NAMESPACE, XML_NAMESPACE, Node,
                     HierarchyRequestErr, NotFoundErr)


def _write_data(writer, text, attr=False):
    if not text:
        return
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").replace(">", "&gt;")
    if attr:
        text = text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;")
    writer.write(text)


class NodeList(list):
    __slots__ = ()

    def item(self, index):
        if 0 <= index < len(self):
            return self[index]
        return None

    @property
    def length(self):
        return len(self)


class EmptyNodeList(tuple):
    __slots__ = ()

    def item(self, index):
        return None

    @property
    def length(self):
        return 0


def _split_qname(qname):
    if ":" in qname:
        prefix, local = qname.split(":", 1)
        return prefix, local
    return None, qname


class Node(xml.dom.Node):
    namespaceURI = None
    parentNode = None
    ownerDocument = None
    nextSibling = None
    previousSibling = None
    prefix = EMPTY_PREFIX

    def __bool__(self):
        return True

    @property
    def firstChild(self):
        return self.childNodes[0] if self.childNodes else None

    @property
    def lastChild(self):
        return self.childNodes[-1] if self.childNodes else None

    @property
    def localName(self):
        return None

    def hasChildNodes(self):
        return bool(self.childNodes)

    def toxml(self, encoding=None, standalone=None):
        return self.toprettyxml("", "", encoding, standalone)

    def toprettyxml(self, indent="\t", newl="\n", encoding=None, standalone=None):
        writer = io.StringIO()
        if self.nodeType == Node.DOCUMENT_NODE:
            self.writexml(writer, "", indent, newl, encoding, standalone)
        else:
            self.writexml(writer, "", indent, newl)
        text = writer.getvalue()
        if encoding is None:
            return text
        return text.encode(encoding, "xmlcharrefreplace")

    def _check_child(self, node):
        if node.nodeType not in self._child_node_types:
            raise HierarchyRequestErr("%s cannot be child of %s" % (repr(node), repr(self)))

    def _relink(self):
        kids = self.childNodes
        prev = None
        for k in kids:
            k.previousSibling = prev
            if prev is not None:
                prev.nextSibling = k
            prev = k
        if prev is not None:
            prev.nextSibling = None

    def insertBefore(self, newChild, refChild):
        if newChild.nodeType == Node.DOCUMENT_FRAGMENT_NODE:
            for c in tuple(newChild.childNodes):
                self.insertBefore(c, refChild)
            return newChild
        self._check_child(newChild)
        if refChild is None:
            return self.appendChild(newChild)
        try:
            index = self._index(refChild)
        except ValueError:
            raise NotFoundErr()
        if newChild.parentNode is not None:
            newChild.parentNode.removeChild(newChild)
            index = self._index(refChild)
        self.childNodes.insert(index, newChild)
        newChild.parentNode = self
        self._relink()
        return newChild

    def _index(self, node):
        for i, c in enumerate(self.childNodes):
            if c is node:
                return i
        raise ValueError("not a child")

    def appendChild(self, node):
        if node.nodeType == Node.DOCUMENT_FRAGMENT_NODE:
            for c in tuple(node.childNodes):
                self.appendChild(c)
            return node
        self._check_child(node)
        anc = self
        while anc is not None:
            if anc is node:
                raise HierarchyRequestErr("cannot append an ancestor of the node")
            anc = anc.parentNode
        if node.parentNode is not None:
            node.parentNode.removeChild(node)
        kids = self.childNodes
        if kids:
            kids[-1].nextSibling = node
            node.previousSibling = kids[-1]
        else:
            node.previousSibling = None
        node.nextSibling = None
        kids.append(node)
        node.parentNode = self
        return node

    def replaceChild(self, newChild, oldChild):
        if newChild is oldChild:
            return oldChild
        self._check_child(newChild)
        try:
            index = self._index(oldChild)
        except ValueError:
            raise NotFoundErr()
        if newChild.parentNode is not None:
            newChild.parentNode.removeChild(newChild)
            index = self._index(oldChild)
        self.childNodes[index] = newChild
        newChild.parentNode = self
        oldChild.parentNode = oldChild.nextSibling = oldChild.previousSibling = None
        self._relink()
        return oldChild

    def removeChild(self, oldChild):
        try:
            index = self._index(oldChild)
        except ValueError:
            raise NotFoundErr()
        del self.childNodes[index]
        prev, nxt = oldChild.previousSibling, oldChild.nextSibling
        if prev is not None:
            prev.nextSibling = nxt
        if nxt is not None:
            nxt.previousSibling = prev
        oldChild.nextSibling = oldChild.previousSibling = oldChild.parentNode = None
        return oldChild

    def normalize(self):
        out = []
        for child in self.childNodes:
            if child.nodeType == Node.TEXT_NODE:
                if not child.data:
                    child.parentNode = None
                    continue
                if out and out[-1].nodeType == Node.TEXT_NODE:
                    out[-1].data = out[-1].data + child.data
                    child.parentNode = None
                    continue
            elif child.nodeType == Node.ELEMENT_NODE:
                child.normalize()
            out.append(child)
        self.childNodes[:] = out
        self._relink()
        if out:
            out[0].previousSibling = None

    def cloneNode(self, deep):
        return self._clone(deep, self.ownerDocument)

    def unlink(self):
        self.parentNode = self.ownerDocument = None
        for child in self.childNodes:
            child.unlink()
        self.childNodes = NodeList()
        self.previousSibling = self.nextSibling = None

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        self.unlink()

    def isSameNode(self, other):
        return self is other

    def getElementsByTagName(self, name):
        out = NodeList()
        _collect(self, lambda e: name == "*" or e.tagName == name, out)
        return out

    def getElementsByTagNameNS(self, namespaceURI, localName):
        out = NodeList()
        _collect(self, lambda e: ((localName == "*" or e.localName == localName) and
                                  (namespaceURI == "*" or e.namespaceURI == namespaceURI)), out)
        return out


def _collect(parent, match, out):
    for node in parent.childNodes:
        if node.nodeType == Node.ELEMENT_NODE:
            if match(node):
                out.append(node)
            _collect(node, match, out)
    return out


class DocumentFragment(Node):
    nodeType = Node.DOCUMENT_FRAGMENT_NODE
    nodeName = "#document-fragment"
    nodeValue = None
    attributes = None
    _child_node_types = (Node.ELEMENT_NODE, Node.TEXT_NODE, Node.CDATA_SECTION_NODE,
                         Node.ENTITY_REFERENCE_NODE, Node.PROCESSING_INSTRUCTION_NODE, Node.COMMENT_NODE,
                         Node.NOTATION_NODE)

    def __init__(self):
        self.childNodes = NodeList()

    def _clone(self, deep, doc):
        f = DocumentFragment()
        f.ownerDocument = doc
        if deep:
            for c in self.childNodes:
                f.appendChild(c._clone(True, doc))
        return f


class Attr(Node):
    nodeType = Node.ATTRIBUTE_NODE
    attributes = None
    specified = False
    ownerElement = None
    _child_node_types = (Node.TEXT_NODE, Node.ENTITY_REFERENCE_NODE)

    def __init__(self, qName, namespaceURI=EMPTY_NAMESPACE, localName=None, prefix=None):
        self.name = self.nodeName = qName
        self.namespaceURI = namespaceURI
        self._local = localName
        self.prefix = prefix
        self.value = ""
        self.childNodes = NodeList()

    @property
    def localName(self):
        if self._local is not None:
            return self._local
        return self.name.split(":", 1)[-1]

    @property
    def nodeValue(self):
        return self.value

    @nodeValue.setter
    def nodeValue(self, value):
        self.value = value

    def __repr__(self):
        return "<xml.dom.minidom.Attr object at %#x>" % id(self)

    def _clone(self, deep, doc):
        a = Attr(self.name, self.namespaceURI, self._local, self.prefix)
        a.value = self.value
        a.ownerDocument = doc
        a.specified = True
        return a

    def unlink(self):
        self.ownerElement = None
        Node.unlink(self)


class NamedNodeMap:
    """The attributes of an element, by qualified name, in the order they were set."""

    def __init__(self, owner):
        self._owner = owner

    @property
    def _attrs(self):
        return self._owner._attrs

    @property
    def length(self):
        return len(self._attrs)

    def __len__(self):
        return len(self._attrs)

    def item(self, index):
        try:
            return list(self._attrs.values())[index]
        except IndexError:
            return None

    def items(self):
        return [(a.name, a.value) for a in self._attrs.values()]

    def itemsNS(self):
        return [((a.namespaceURI, a.localName), a.value) for a in self._attrs.values()]

    def keys(self):
        return self._attrs.keys()

    def keysNS(self):
        return [(a.namespaceURI, a.localName) for a in self._attrs.values()]

    def values(self):
        return self._attrs.values()

    def get(self, name, value=None):
        return self._attrs.get(name, value)

    def __contains__(self, name):
        return name in self._attrs

    def __getitem__(self, name):
        if isinstance(name, tuple):
            return self.getNamedItemNS(*name)
        return self._attrs[name]

    def __setitem__(self, name, value):
        if isinstance(value, str):
            self._owner.setAttribute(name, value)
        else:
            self._owner.setAttributeNode(value)

    def __delitem__(self, name):
        self._owner.removeAttribute(name)

    def getNamedItem(self, name):
        return self._attrs.get(name)

    def getNamedItemNS(self, namespaceURI, localName):
        for a in self._attrs.values():
            if a.namespaceURI == namespaceURI and a.localName == localName:
                return a
        return None

    def removeNamedItem(self, name):
        a = self._attrs.get(name)
        if a is None:
            raise NotFoundErr()
        self._owner.removeAttributeNode(a)
        return a

    def setNamedItem(self, node):
        return self._owner.setAttributeNode(node)


AttributeList = NamedNodeMap


class Element(Node):
    nodeType = Node.ELEMENT_NODE
    nodeValue = None
    _child_node_types = (Node.ELEMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE, Node.COMMENT_NODE,
                         Node.TEXT_NODE, Node.CDATA_SECTION_NODE, Node.ENTITY_REFERENCE_NODE)

    def __init__(self, tagName, namespaceURI=EMPTY_NAMESPACE, prefix=None, localName=None):
        self.tagName = self.nodeName = tagName
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self._local = localName
        self.childNodes = NodeList()
        self._attrs = {}

    @property
    def localName(self):
        if self._local is not None:
            return self._local
        return self.tagName.split(":", 1)[-1]

    @property
    def attributes(self):
        return NamedNodeMap(self)

    def __repr__(self):
        return "<DOM Element: %s at %#x>" % (self.tagName, id(self))

    def getAttribute(self, attname):
        a = self._attrs.get(attname)
        return a.value if a is not None else ""

    def getAttributeNS(self, namespaceURI, localName):
        for a in self._attrs.values():
            if a.namespaceURI == namespaceURI and a.localName == localName:
                return a.value
        return ""

    def setAttribute(self, attname, value):
        a = self._attrs.get(attname)
        if a is None:
            a = Attr(attname)
            a.ownerDocument = self.ownerDocument
            a.ownerElement = self
            self._attrs[attname] = a
        a.value = value
        a.specified = True

    def setAttributeNS(self, namespaceURI, qualifiedName, value):
        prefix, local = _split_qname(qualifiedName)
        a = self._attrs.get(qualifiedName)
        if a is None:
            a = Attr(qualifiedName, namespaceURI, local, prefix)
            a.ownerDocument = self.ownerDocument
            a.ownerElement = self
            self._attrs[qualifiedName] = a
        a.value = value
        a.specified = True

    def getAttributeNode(self, attrname):
        return self._attrs.get(attrname)

    def getAttributeNodeNS(self, namespaceURI, localName):
        return self.attributes.getNamedItemNS(namespaceURI, localName)

    def setAttributeNode(self, attr):
        if attr.ownerElement not in (None, self):
            raise xml.dom.InuseAttributeErr("attribute node already owned")
        old = self._attrs.get(attr.name)
        self._attrs[attr.name] = attr
        attr.ownerElement = self
        return old if old is not attr else None

    setAttributeNodeNS = setAttributeNode

    def removeAttribute(self, name):
        try:
            a = self._attrs.pop(name)
        except KeyError:
            raise NotFoundErr()
        a.ownerElement = None

    def removeAttributeNS(self, namespaceURI, localName):
        a = self.getAttributeNodeNS(namespaceURI, localName)
        if a is None:
            raise NotFoundErr()
        self.removeAttributeNode(a)

    def removeAttributeNode(self, node):
        if node is None or self._attrs.get(node.name) is not node:
            raise NotFoundErr()
        del self._attrs[node.name]
        node.ownerElement = None
        return node

    def hasAttribute(self, name):
        return name in self._attrs

    def hasAttributeNS(self, namespaceURI, localName):
        return self.getAttributeNodeNS(namespaceURI, localName) is not None

    def hasAttributes(self):
        return bool(self._attrs)

    def _clone(self, deep, doc):
        e = Element(self.tagName, self.namespaceURI, self.prefix, self._local)
        e.ownerDocument = doc
        for name, a in self._attrs.items():
            c = a._clone(False, doc)
            c.ownerElement = e
            e._attrs[name] = c
        if deep:
            for child in self.childNodes:
                e.appendChild(child._clone(True, doc))
        return e

    def unlink(self):
        for a in self._attrs.values():
            a.unlink()
        self._attrs = {}
        Node.unlink(self)

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write(indent + "<" + self.tagName)
        for name, a in self._attrs.items():
            writer.write(' %s="' % name)
            _write_data(writer, a.value, True)
            writer.write('"')
        kids = self.childNodes
        if kids:
            writer.write(">")
            if len(kids) == 1 and kids[0].nodeType in (Node.TEXT_NODE, Node.CDATA_SECTION_NODE):
                kids[0].writexml(writer, "", "", "")
            else:
                writer.write(newl)
                for node in kids:
                    node.writexml(writer, indent + addindent, addindent, newl)
                writer.write(indent)
            writer.write("</%s>%s" % (self.tagName, newl))
        else:
            writer.write("/>%s" % newl)


class _Leaf(Node):
    """Nodes that cannot have children (text, comments, PIs, doctype)."""
    attributes = None
    childNodes = EmptyNodeList()
    _child_node_types = ()

    @property
    def firstChild(self):
        return None

    @property
    def lastChild(self):
        return None

    def appendChild(self, node):
        raise HierarchyRequestErr(self.nodeName + " nodes cannot have children")

    insertBefore = replaceChild = appendChild

    def removeChild(self, node):
        raise NotFoundErr(self.nodeName + " nodes do not have children")

    def normalize(self):
        pass

    def unlink(self):
        self.parentNode = self.ownerDocument = None
        self.previousSibling = self.nextSibling = None


class CharacterData(_Leaf):
    def __init__(self, data=""):
        self.data = data

    @property
    def nodeValue(self):
        return self.data

    @nodeValue.setter
    def nodeValue(self, value):
        self.data = value

    @property
    def length(self):
        return len(self.data)

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        data = self.data
        dotdotdot = "..." if len(data) > 10 else ""
        return '<DOM %s node "%r%s">' % (self.__class__.__name__, data[0:10], dotdotdot)

    def substringData(self, offset, count):
        if offset < 0:
            raise xml.dom.IndexSizeErr("offset cannot be negative")
        if offset >= len(self.data):
            raise xml.dom.IndexSizeErr("offset cannot be beyond end of data")
        if count < 0:
            raise xml.dom.IndexSizeErr("count cannot be negative")
        return self.data[offset:offset + count]

    def appendData(self, arg):
        self.data = self.data + arg

    def _clone(self, deep, doc):
        n = self.__class__(self.data)
        n.ownerDocument = doc
        return n


class Text(CharacterData):
    nodeType = Node.TEXT_NODE
    nodeName = "#text"

    def writexml(self, writer, indent="", addindent="", newl=""):
        _write_data(writer, "%s%s%s" % (indent, self.data, newl))

    @property
    def wholeText(self):
        parts = [self.data]
        n = self.previousSibling
        while n is not None and n.nodeType in (Node.TEXT_NODE, Node.CDATA_SECTION_NODE):
            parts.insert(0, n.data)
            n = n.previousSibling
        n = self.nextSibling
        while n is not None and n.nodeType in (Node.TEXT_NODE, Node.CDATA_SECTION_NODE):
            parts.append(n.data)
            n = n.nextSibling
        return "".join(parts)

    def splitText(self, offset):
        if offset < 0 or offset > len(self.data):
            raise xml.dom.IndexSizeErr("illegal offset value")
        newText = self.__class__(self.data[offset:])
        newText.ownerDocument = self.ownerDocument
        if self.parentNode is not None:
            self.parentNode.insertBefore(newText, self.nextSibling)
        self.data = self.data[:offset]
        return newText


class CDATASection(Text):
    nodeType = Node.CDATA_SECTION_NODE
    nodeName = "#cdata-section"

    def writexml(self, writer, indent="", addindent="", newl=""):
        if "]]>" in self.data:
            raise ValueError("']]>' not allowed in a CDATA section")
        writer.write("<![CDATA[%s]]>" % self.data)


class Comment(CharacterData):
    nodeType = Node.COMMENT_NODE
    nodeName = "#comment"

    def writexml(self, writer, indent="", addindent="", newl=""):
        if "--" in self.data:
            raise ValueError("'--' is not allowed in a comment node")
        writer.write("%s<!--%s-->%s" % (indent, self.data, newl))

    def __repr__(self):
        return "<xml.dom.minidom.Comment object at %#x>" % id(self)


class ProcessingInstruction(_Leaf):
    nodeType = Node.PROCESSING_INSTRUCTION_NODE

    def __init__(self, target, data):
        self.target = target
        self.data = data

    @property
    def nodeName(self):
        return self.target

    @property
    def nodeValue(self):
        return self.data

    @nodeValue.setter
    def nodeValue(self, value):
        self.data = value

    def _clone(self, deep, doc):
        n = ProcessingInstruction(self.target, self.data)
        n.ownerDocument = doc
        return n

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write("%s<?%s %s?>%s" % (indent, self.target, self.data, newl))


class DocumentType(_Leaf):
    nodeType = Node.DOCUMENT_TYPE_NODE
    nodeValue = None
    name = None
    publicId = None
    systemId = None
    internalSubset = None

    def __init__(self, qualifiedName):
        self.entities = NamedNodeMap.__new__(NamedNodeMap)
        self.notations = NamedNodeMap.__new__(NamedNodeMap)
        if qualifiedName:
            self.name = self.nodeName = qualifiedName

    def _clone(self, deep, doc):
        d = DocumentType(self.name)
        d.publicId, d.systemId, d.internalSubset = self.publicId, self.systemId, self.internalSubset
        d.ownerDocument = doc
        return d

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write("<!DOCTYPE ")
        writer.write(self.name)
        if self.publicId:
            writer.write("%s  PUBLIC '%s'%s  '%s'" % (newl, self.publicId, newl, self.systemId))
        elif self.systemId:
            writer.write("%s  SYSTEM '%s'" % (newl, self.systemId))
        if self.internalSubset is not None:
            writer.write(" [")
            writer.write(self.internalSubset)
            writer.write("]")
        writer.write(">" + newl)


class DOMImplementation:
    def hasFeature(self, feature, version):
        return feature.lower() in ("core", "xml") and version in (None, "", "1.0", "2.0")

    def createDocument(self, namespaceURI, qualifiedName, doctype):
        if doctype and doctype.parentNode is not None:
            raise xml.dom.WrongDocumentErr("doctype object owned by another DOM tree")
        doc = Document()
        if qualifiedName is None and doctype is None and namespaceURI is None:
            return doc
        if not qualifiedName:
            raise xml.dom.InvalidCharacterErr("Element with no name")
        prefix, local = _split_qname(qualifiedName)
        if prefix == "xml" and namespaceURI != XML_NAMESPACE:
            raise xml.dom.NamespaceErr("illegal use of 'xml' prefix")
        if prefix and not namespaceURI:
            raise xml.dom.NamespaceErr("illegal use of prefix without namespaces")
        element = doc.createElementNS(namespaceURI, qualifiedName)
        if doctype:
            doc.appendChild(doctype)
        doc.appendChild(element)
        if doctype:
            doctype.parentNode = doctype.ownerDocument = doc
        doc.doctype = doctype
        doc.implementation = self
        return doc

    def createDocumentType(self, qualifiedName, publicId, systemId):
        d = DocumentType(qualifiedName)
        d.publicId = publicId
        d.systemId = systemId
        return d


class Document(Node):
    nodeType = Node.DOCUMENT_NODE
    nodeName = "#document"
    nodeValue = None
    attributes = None
    parentNode = None
    previousSibling = nextSibling = None
    doctype = None
    actualEncoding = None
    encoding = None
    standalone = None
    version = None
    _child_node_types = (Node.ELEMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE, Node.COMMENT_NODE,
                         Node.DOCUMENT_TYPE_NODE)

    def __init__(self):
        self.childNodes = NodeList()
        self.implementation = DOMImplementation()

    @property
    def documentElement(self):
        for node in self.childNodes:
            if node.nodeType == Node.ELEMENT_NODE:
                return node
        return None

    def appendChild(self, node):
        if node.nodeType not in self._child_node_types:
            raise HierarchyRequestErr("%s cannot be child of %s" % (repr(node), repr(self)))
        if node.parentNode is not None:
            node.parentNode.removeChild(node)
        if node.nodeType == Node.ELEMENT_NODE and self.documentElement is not None:
            raise HierarchyRequestErr("two document elements disallowed")
        return Node.appendChild(self, node)

    def removeChild(self, oldChild):
        Node.removeChild(self, oldChild)
        if oldChild is self.doctype:
            self.doctype = None
        return oldChild

    def unlink(self):
        if self.doctype is not None:
            self.doctype.unlink()
            self.doctype = None
        Node.unlink(self)

    def _clone(self, deep, doc):
        if not deep:
            return None
        clone = Document()
        clone.encoding, clone.standalone, clone.version = self.encoding, self.standalone, self.version
        for n in self.childNodes:
            c = n._clone(True, clone)
            clone.childNodes.append(c)
            c.parentNode = clone
            if n is self.doctype:
                clone.doctype = c
        clone._relink()
        return clone

    def cloneNode(self, deep):
        return self._clone(deep, None)

    def _own(self, node):
        node.ownerDocument = self
        return node

    def createDocumentFragment(self):
        return self._own(DocumentFragment())

    def createElement(self, tagName):
        return self._own(Element(tagName))

    def createElementNS(self, namespaceURI, qualifiedName):
        prefix, local = _split_qname(qualifiedName)
        return self._own(Element(qualifiedName, namespaceURI, prefix, local))

    def createTextNode(self, data):
        if not isinstance(data, str):
            raise TypeError("node contents must be a string")
        return self._own(Text(data))

    def createCDATASection(self, data):
        if not isinstance(data, str):
            raise TypeError("node contents must be a string")
        return self._own(CDATASection(data))

    def createComment(self, data):
        return self._own(Comment(data))

    def createProcessingInstruction(self, target, data):
        return self._own(ProcessingInstruction(target, data))

    def createAttribute(self, qName):
        return self._own(Attr(qName))

    def createAttributeNS(self, namespaceURI, qualifiedName):
        prefix, local = _split_qname(qualifiedName)
        return self._own(Attr(qualifiedName, namespaceURI, local, prefix))

    def getElementById(self, elementId):
        return None

    def importNode(self, node, deep):
        if node.nodeType == Node.DOCUMENT_NODE:
            raise xml.dom.NotSupportedErr("cannot import document nodes")
        if node.nodeType == Node.DOCUMENT_TYPE_NODE:
            raise xml.dom.NotSupportedErr("cannot import document type nodes")
        return node._clone(deep, self)

    def writexml(self, writer, indent="", addindent="", newl="", encoding=None, standalone=None):
        declarations = []
        if encoding:
            declarations.append('encoding="%s"' % encoding)
        if standalone is not None:
            declarations.append('standalone="%s"' % ("yes" if standalone else "no"))
        writer.write('<?xml version="1.0" %s?>%s' % (" ".join(declarations), newl))
        for node in self.childNodes:
            node.writexml(writer, indent, addindent, newl)


_impl = DOMImplementation()


def getDOMImplementation(features=None):
    return _impl


# ---------------------------------------------------------------- building from pyexpat

def _internal_subset(source):
    """The text between the brackets of the DOCTYPE's internal subset in source (str), or None."""
    start = source.find("<!DOCTYPE")
    if start < 0:
        return None
    i = start + 9
    n = len(source)
    quote = None
    while i < n:
        ch = source[i]
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == ">":
            return None
        elif ch == "[":
            break
        i += 1
    else:
        return None
    begin = i + 1
    i = begin
    quote = None
    while i < n:
        if quote:
            if source[i] == quote:
                quote = None
        elif source.startswith("<!--", i):
            end = source.find("-->", i + 4)
            if end < 0:
                return None
            i = end + 3
            continue
        elif source[i] in "'\"":
            quote = source[i]
        elif source[i] == "]":
            return source[begin:i]
        i += 1
    return None


class _Builder:
    def __init__(self, source_text):
        import pyexpat
        self.document = Document()
        self.cur = self.document
        self.source_text = source_text
        self.pending_ns = []   # (prefix, uri) declared by the next start tag
        # namespace processing in expat (as CPython's builder): unbound prefixes are errors
        p = self.parser = pyexpat.ParserCreate(None, " ")
        p.namespace_prefixes = True
        p.StartNamespaceDeclHandler = self.start_ns
        p.buffer_text = True
        p.ordered_attributes = True
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.data
        p.CommentHandler = self.comment
        p.ProcessingInstructionHandler = self.pi
        p.StartCdataSectionHandler = self.start_cdata
        p.EndCdataSectionHandler = self.end_cdata
        p.StartDoctypeDeclHandler = self.doctype
        p.EndDoctypeDeclHandler = self.end_doctype
        self.in_doctype = False   # comments and PIs of the internal subset are not nodes
        p.XmlDeclHandler = self.xmldecl
        self.in_cdata = False

    def _append(self, node):
        node.ownerDocument = self.document
        parent = self.cur
        kids = parent.childNodes
        if kids:
            kids[-1].nextSibling = node
            node.previousSibling = kids[-1]
        kids.append(node)
        node.parentNode = parent

    def xmldecl(self, version, encoding, standalone):
        self.document.version = version
        self.document.encoding = encoding
        if standalone >= 0:
            self.document.standalone = bool(standalone)

    def doctype(self, name, sysid, pubid, has_internal_subset):
        d = DocumentType(name)
        d.systemId = sysid
        d.publicId = pubid
        if has_internal_subset and self.source_text is not None:
            d.internalSubset = _internal_subset(self.source_text)
        self.document.doctype = d
        self._append(d)
        self.in_doctype = True

    def end_doctype(self):
        self.in_doctype = False

    def start_ns(self, prefix, uri):
        self.pending_ns.append((prefix, uri))

    @staticmethod
    def _names(name):
        """expat's 'uri local prefix' / 'uri local' / 'local' -> (qname, uri, prefix, local)"""
        parts = name.split(" ")
        if len(parts) == 3:
            return "%s:%s" % (parts[2], parts[1]), parts[0], parts[2], parts[1]
        if len(parts) == 2:
            return parts[1], parts[0], None, parts[1]
        return name, None, None, name

    def start(self, name, attrs):
        qname, uri, prefix, local = self._names(name)
        el = Element(qname, uri, prefix, local)
        for pfx, ns in self.pending_ns:
            if pfx:
                a = Attr("xmlns:" + pfx, XMLNS_NAMESPACE, pfx, "xmlns")
            else:
                a = Attr("xmlns", XMLNS_NAMESPACE, "xmlns", None)
            self._set_attr(el, a, ns or "")
        self.pending_ns = []
        for i in range(0, len(attrs), 2):
            aq, auri, apfx, alocal = self._names(attrs[i])
            self._set_attr(el, Attr(aq, auri, alocal, apfx), attrs[i + 1])
        self._append(el)
        self.cur = el

    def _set_attr(self, el, a, value):
        a.value = value
        a.specified = True
        a.ownerDocument = self.document
        a.ownerElement = el
        el._attrs[a.name] = a

    def end(self, name):
        self.cur = self.cur.parentNode

    def data(self, text):
        if self.in_cdata:
            self._append(CDATASection(text))
            return
        kids = self.cur.childNodes
        if kids and kids[-1].nodeType == Node.TEXT_NODE:
            kids[-1].data = kids[-1].data + text
        else:
            self._append(Text(text))

    def start_cdata(self):
        self.in_cdata = True

    def end_cdata(self):
        self.in_cdata = False

    def comment(self, text):
        if not self.in_doctype:
            self._append(Comment(text))

    def pi(self, target, data):
        if not self.in_doctype:
            self._append(ProcessingInstruction(target, data))


def _source_text(data):
    if isinstance(data, str):
        return data
    try:
        return bytes(data).decode("utf-8", "replace")
    except Exception:
        return None


def parseString(string, parser=None):
    if parser is not None:
        raise NotImplementedError("parseString(parser=...) (SAX parsers) is not supported by Krait's minidom")
    b = _Builder(_source_text(string))
    b.parser.Parse(string, True)
    return b.document


def parse(file, parser=None, bufsize=None):
    if parser is not None:
        raise NotImplementedError("parse(parser=...) (SAX parsers) is not supported by Krait's minidom")
    if hasattr(file, "read"):
        data = file.read()
    else:
        with open(file, "rb") as f:
            data = f.read()
    return parseString(data)
