"""Core XML support for Python (Krait): xml.parsers.expat, xml.etree.ElementTree, xml.dom.minidom,
xml.sax."""
__all__ = ['dom', 'parsers', 'sax', 'etree']
