"""The io module: in-memory text and binary streams, and the file objects of open().

open(), TextIOWrapper (the type of every file object) and UnsupportedOperation come from the C
module _io (stdlib/io.c); StringIO and BytesIO are written here. Both keep what is appended at the
end of the stream as a list of pieces joined on demand, so building a string with many write() calls
(print(..., file=sio)) is linear.
"""

from _io import open, TextIOWrapper, UnsupportedOperation

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "BytesIO", "StringIO",
           "BufferedIOBase", "TextIOBase", "TextIOWrapper", "UnsupportedOperation", "SEEK_SET",
           "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

BlockingIOError = BlockingIOError


def open_code(path):
    """Open path for reading as bytes (as the import system does)."""
    if not isinstance(path, str):
        raise TypeError("open_code() argument 'path' must be str, not %s" % type(path).__name__)
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    """The encoding to use when encoding is None: Krait always uses UTF-8."""
    if encoding is None:
        return "utf-8"
    return encoding


class IOBase:
    """The base of every stream class defined here."""
    __module__ = "_io"
    _closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def _check_closed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def flush(self):
        self._check_closed()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_closed()
        return False

    def fileno(self):
        self._unsupported("fileno")

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def readline(self, size=-1):
        self._unsupported("readline")

    def readlines(self, hint=-1):
        self._check_closed()
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        n = 0
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class RawIOBase(IOBase):
    __module__ = "_io"


class BufferedIOBase(IOBase):
    __module__ = "_io"

    def detach(self):
        self._unsupported("detach")


class TextIOBase(IOBase):
    __module__ = "_io"
    encoding = None
    errors = None
    newlines = None

    def detach(self):
        self._unsupported("detach")


def _check_size(size, what="argument"):
    if size is None:
        return -1
    if not hasattr(type(size), "__index__"):
        raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
    return size.__index__()


class StringIO(TextIOBase):
    """Text I/O implementation using an in-memory buffer."""
    __module__ = "_io"

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        self._closed = False
        self._newline = newline
        # newline=None: "\r\n" and "\r" are stored as "\n"; "\r" or "\r\n": "\n" is stored as that.
        self._seen = 0  # newline None or '': bit 1 "\r", bit 2 "\n", bit 4 "\r\n" (the newlines attribute)
        self._buf = ""      # the text up to the pieces
        self._pieces = []   # text appended after _buf, not joined yet
        self._len = 0       # total length in characters
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _value(self):
        if self._pieces:
            self._buf = self._buf + "".join(self._pieces)
            self._pieces = []
        return self._buf

    def _translate(self, s):
        nl = self._newline
        if nl is None or nl == "":
            if "\r" in s:
                crlf = s.count("\r\n")
                cr = s.count("\r") - crlf
                if crlf:
                    self._seen |= 4
                if cr:
                    self._seen |= 1
                if s.count("\n") > crlf:
                    self._seen |= 2
                if nl is None:
                    s = s.replace("\r\n", "\n").replace("\r", "\n")
            elif "\n" in s:
                self._seen |= 2
        elif nl == "\r" or nl == "\r\n":
            s = s.replace("\n", nl)
        return s

    @property
    def newlines(self):
        self._check_closed()
        if self._newline is not None and self._newline != "":
            return None
        kinds = [k for bit, k in ((1, "\r"), (2, "\n"), (4, "\r\n")) if self._seen & bit]
        if not kinds:
            return None
        if len(kinds) == 1:
            return kinds[0]
        return tuple(kinds)

    @property
    def line_buffering(self):
        self._check_closed()
        return False

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def close(self):
        self._closed = True
        self._buf = ""
        self._pieces = []

    def getvalue(self):
        self._check_closed()
        return self._value()

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        if not n:
            return 0
        s = self._translate(s)
        k = len(s)
        pos = self._pos
        if pos == self._len:
            self._pieces.append(s)
        else:
            buf = self._value()
            if pos > self._len:
                buf = buf + "\0" * (pos - self._len)
            buf = buf[:pos] + s + buf[pos + k:]
            self._buf = buf
            self._len = len(buf)
            self._pos = pos + k
            return n
        self._pos = pos + k
        self._len = self._pos
        return n

    def read(self, size=-1):
        self._check_closed()
        size = _check_size(size)
        buf = self._value()
        pos = self._pos
        if pos >= self._len:
            return ""
        if size < 0:
            end = self._len
        else:
            end = min(pos + size, self._len)
        self._pos = end
        if pos == 0 and end == self._len:
            return buf
        return buf[pos:end]

    def _line_end(self, buf, pos):
        """The index just after the line starting at pos (or len(buf))."""
        nl = self._newline
        if nl is None or nl == "\n":
            i = buf.find("\n", pos)
            return len(buf) if i < 0 else i + 1
        if nl == "":
            i = buf.find("\n", pos)
            j = buf.find("\r", pos, i if i >= 0 else len(buf))
            if j >= 0:
                return j + 2 if j + 1 == i else j + 1
            return len(buf) if i < 0 else i + 1
        i = buf.find(nl, pos)
        return len(buf) if i < 0 else i + len(nl)

    def readline(self, size=-1):
        self._check_closed()
        if size is not None and not hasattr(type(size), "__index__"):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(size).__name__)
        size = -1 if size is None else size.__index__()
        buf = self._value()
        pos = self._pos
        if pos >= self._len:
            return ""
        end = self._line_end(buf, pos)
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return buf[pos:end]

    def readlines(self, hint=-1):
        self._check_closed()
        buf = self._value()
        pos = self._pos
        n = self._len
        lines = []
        total = 0
        limit = -1 if hint is None or hint <= 0 else hint
        while pos < n:
            end = self._line_end(buf, pos)
            lines.append(buf[pos:end])
            total += end - pos
            pos = end
            if 0 <= limit <= total:
                break
        self._pos = pos
        return lines

    def __next__(self):
        self._check_closed()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if not hasattr(type(pos), "__index__"):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        pos = pos.__index__()
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
        elif pos != 0:
            # CPython reports both whence=1 and whence=2 with this message.
            raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 1:
            pos = self._pos
        else:
            pos = self._len
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._check_closed()
        if pos is None:
            pos = self._pos
        else:
            if not hasattr(type(pos), "__index__"):
                raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
            pos = pos.__index__()
            if pos < 0:
                raise ValueError("Negative size value %d" % pos)
        if pos < self._len:
            self._buf = self._value()[:pos]
            self._len = pos
        return pos

    def detach(self):
        self._unsupported("detach")

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, None)

    def __repr__(self):
        return "<_io.StringIO object at %#x>" % id(self)


def _bytes_like(b):
    if isinstance(b, (bytes, bytearray)):
        return b
    if isinstance(b, memoryview):
        if not b.c_contiguous:
            raise BufferError("memoryview: underlying buffer is not C-contiguous")
        return b.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


class BytesIO(BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""
    __module__ = "_io"

    def __init__(self, initial_bytes=b""):
        self._closed = False
        self._buf = bytearray(_bytes_like(initial_bytes) if initial_bytes is not None else b"")
        self._pos = 0

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check_closed()
        return bytes(self._buf)

    def getbuffer(self):
        """A read-write view of the buffer's contents (it follows the buffer's length)."""
        self._check_closed()
        return memoryview(self._buf)

    def write(self, b):
        self._check_closed()
        b = _bytes_like(b)
        n = len(b)
        if not n:
            return 0
        pos = self._pos
        buf = self._buf
        if pos == len(buf):
            buf.extend(b)
        else:
            if pos > len(buf):
                buf.extend(b"\0" * (pos - len(buf)))
            buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check_closed()
        size = _check_size(size)
        pos = self._pos
        n = len(self._buf)
        if pos >= n:
            return b""
        end = n if size < 0 else min(pos + size, n)
        self._pos = end
        return bytes(self._buf[pos:end])

    read1 = read

    def readinto(self, b):
        self._check_closed()
        data = self.read(len(b))
        k = len(data)
        b[:k] = data
        return k

    def readline(self, size=-1):
        self._check_closed()
        size = _check_size(size)
        pos = self._pos
        buf = self._buf
        n = len(buf)
        if pos >= n:
            return b""
        i = buf.find(b"\n", pos)
        end = n if i < 0 else i + 1
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return bytes(buf[pos:end])

    def readlines(self, hint=-1):
        self._check_closed()
        lines = []
        total = 0
        limit = -1 if hint is None or hint <= 0 else hint
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 <= limit <= total:
                break
        return lines

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if not hasattr(type(pos), "__index__"):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        pos = pos.__index__()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        else:
            if not hasattr(type(size), "__index__"):
                raise TypeError("'%s' object cannot be interpreted as an integer" % type(size).__name__)
            size = size.__index__()
            if size < 0:
                raise ValueError("negative size value %d" % size)
        if size < len(self._buf):
            del self._buf[size:]
        return size

    def __repr__(self):
        return "<_io.BytesIO object at %#x>" % id(self)
