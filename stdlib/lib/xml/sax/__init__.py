"""Simple API for XML (SAX) (Krait's): parse/parseString/make_parser over the expat reader."""
import io

from ._exceptions import (SAXException, SAXNotRecognizedException, SAXNotSupportedException,
                          SAXParseException, SAXReaderNotAvailable)
from .handler import ContentHandler, ErrorHandler
from .xmlreader import InputSource

default_parser_list = ["xml.sax.expatreader"]


def parse(source, handler, errorHandler=ErrorHandler()):
    parser = make_parser()
    parser.setContentHandler(handler)
    parser.setErrorHandler(errorHandler)
    parser.parse(source)


def parseString(string, handler, errorHandler=None):
    if errorHandler is None:
        errorHandler = ErrorHandler()
    parser = make_parser()
    parser.setContentHandler(handler)
    parser.setErrorHandler(errorHandler)
    inpsrc = InputSource()
    if isinstance(string, str):
        inpsrc.setCharacterStream(io.StringIO(string))
    else:
        inpsrc.setByteStream(io.BytesIO(string))
    parser.parse(inpsrc)


def make_parser(parser_list=()):
    """The first available parser of parser_list, then of default_parser_list."""
    import sys
    for name in list(parser_list) + default_parser_list:
        try:
            __import__(name)
        except ImportError:
            continue
        return sys.modules[name].create_parser()
    raise SAXReaderNotAvailable("No parsers found", None)
