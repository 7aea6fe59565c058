"""socket: BSD sockets (the C half is _socket, stdlib/socketmodule.c).

socket.socket adds to _socket.socket what CPython's socket.py adds: accept() returning a socket,
dup(), makefile(), context management, a repr with the addresses, and the family and type as enums;
the module adds socketpair(), fromfd(), create_connection(), create_server() and getfqdn(). Written for
Krait. makefile() returns our own buffered file objects (Krait's io has no BufferedReader over an
arbitrary raw stream): binary ones with read/readinto/readline/write/flush, text ones over them with
an incremental decoder and universal newlines when reading.
"""

import _socket
from _socket import *
from _socket import _socketpair
from enum import IntEnum, IntFlag
import io

__all__ = ["fromfd", "getfqdn", "create_connection", "create_server", "has_dualstack_ipv6",
           "AddressFamily", "SocketKind", "socketpair", "SocketType", "socket", "error", "timeout",
           "gaierror", "herror", "gethostname", "gethostbyname", "getaddrinfo", "inet_aton",
           "inet_ntoa", "inet_pton", "inet_ntop", "htons", "ntohs", "htonl", "ntohl",
           "getdefaulttimeout", "setdefaulttimeout", "dup", "close"]
__all__.extend(n for n in dir(_socket) if n.isupper())

AddressFamily = IntEnum('AddressFamily', {n: getattr(_socket, n) for n in dir(_socket)
                                          if n.startswith('AF_')}, module=__name__)
SocketKind = IntEnum('SocketKind', {n: getattr(_socket, n) for n in dir(_socket)
                                    if n.startswith('SOCK_')}, module=__name__)
MsgFlag = IntFlag('MsgFlag', {n: getattr(_socket, n) for n in dir(_socket)
                              if n.startswith('MSG_')}, module=__name__)
AddressInfo = IntFlag('AddressInfo', {n: getattr(_socket, n) for n in dir(_socket)
                                      if n.startswith('AI_')}, module=__name__)
globals().update(AddressFamily.__members__)
globals().update(SocketKind.__members__)

_GLOBAL_DEFAULT_TIMEOUT = object()


def _intenum_converter(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


class socket(_socket.socket):
    """A socket: socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__, " [closed]" if closed else "",
            self.fileno(), self.family, self.type, self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except OSError:
                pass
        return s + '>'

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        """A new socket object on a duplicate of this one's descriptor."""
        fd = dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """Wait for a connection: (socket, address)."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """A file object reading from / writing to the socket (modes r, w, b, combined)."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        binary = "b" in mode
        if buffering is None:
            buffering = -1
        if buffering < 0:
            buffering = io.DEFAULT_BUFFER_SIZE
        if buffering == 0 and not binary:
            raise ValueError("unbuffered streams must be binary")
        raw = SocketIO(self, ("r" if reading else "") + ("w" if writing else ""))
        self._io_refs += 1
        if buffering == 0:
            return raw
        f = _BufferedSocketFile(raw, reading, writing, buffering)
        if binary:
            return f
        return _TextSocketFile(f, encoding or "utf-8", errors or "strict", newline, mode)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self):
        _socket.socket.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        self._closed = True
        return super().detach()

    @property
    def family(self):
        """The address family (an AddressFamily member)."""
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        """The socket type (a SocketKind member)."""
        return _intenum_converter(super().type, SocketKind)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """getaddrinfo(host, port, family, type, proto, flags) as _socket's, with the family and the type
    as enums."""
    return [(_intenum_converter(af, AddressFamily), _intenum_converter(st, SocketKind), pr, cn, sa)
            for af, st, pr, cn, sa in _socket.getaddrinfo(host, port, family, type, proto, flags)]


def fromfd(fd, family, type, proto=0):
    """A socket object on a duplicate of the descriptor fd."""
    nfd = dup(fd)
    return socket(family, type, proto, nfd)


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """A pair of connected sockets."""
    a, b = _socketpair(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)


class SocketIO(io.RawIOBase):
    """The raw stream of a socket (makefile(buffering=0))."""

    def __init__(self, sock, mode):
        if mode not in ("r", "w", "rw", "rb", "wb", "rwb"):
            raise ValueError("invalid mode: %r" % mode)
        self._sock = sock
        if "b" not in mode:
            mode += "b"
        self._mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._closed_io = False
        self._timeout_occurred = False

    @property
    def closed(self):
        return self._closed_io

    def _checkClosed(self):
        if self._closed_io:
            raise ValueError("I/O operation on closed socket.")

    def readinto(self, b):
        self._checkClosed()
        if not self._reading:
            raise io.UnsupportedOperation("File or stream is not readable.")
        if self._timeout_occurred:
            raise OSError("cannot read from timed out object")
        try:
            return self._sock.recv_into(b)
        except TimeoutError:
            self._timeout_occurred = True
            raise
        except BlockingIOError:
            return None

    def read(self, size=-1):
        if size is None or size < 0:
            chunks = []
            while True:
                data = self.read(io.DEFAULT_BUFFER_SIZE)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
        buf = bytearray(size)
        n = self.readinto(buf)
        if n is None:
            return None
        return bytes(buf[:n])

    def write(self, b):
        self._checkClosed()
        if not self._writing:
            raise io.UnsupportedOperation("File or stream is not writable.")
        try:
            return self._sock.send(b)
        except BlockingIOError:
            return None

    def readable(self):
        self._checkClosed()
        return self._reading

    def writable(self):
        self._checkClosed()
        return self._writing

    def seekable(self):
        self._checkClosed()
        return False

    def fileno(self):
        self._checkClosed()
        return self._sock.fileno()

    @property
    def name(self):
        return self.fileno() if not self.closed else -1

    @property
    def mode(self):
        return self._mode

    def close(self):
        if self._closed_io:
            return
        self._closed_io = True
        self._sock._decref_socketios()
        self._sock = None


class _BufferedSocketFile(io.BufferedIOBase):
    """A buffered binary file over a SocketIO (what makefile('rb'/'wb'/'rwb') returns)."""

    def __init__(self, raw, reading, writing, size):
        self.raw = raw
        self._reading = reading
        self._writing = writing
        self._size = size
        self._rbuf = b""
        self._wbuf = bytearray()
        self._closed_f = False

    @property
    def closed(self):
        return self._closed_f

    @property
    def mode(self):
        return self.raw.mode

    @property
    def name(self):
        return self.raw.name

    def fileno(self):
        return self.raw.fileno()

    def readable(self):
        return self._reading

    def writable(self):
        return self._writing

    def seekable(self):
        return False

    def _check(self, reading):
        if self._closed_f:
            raise ValueError("I/O operation on closed file.")
        if reading and not self._reading:
            raise io.UnsupportedOperation("read")
        if not reading and not self._writing:
            raise io.UnsupportedOperation("write")

    def _fill(self):
        data = self.raw.read(self._size)
        if data:
            self._rbuf += data
        return bool(data)

    def read(self, size=-1):
        self._check(True)
        if size is None or size < 0:
            while self._fill():
                pass
            data, self._rbuf = self._rbuf, b""
            return data
        while len(self._rbuf) < size and self._fill():
            pass
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def read1(self, size=-1):
        self._check(True)
        if not self._rbuf:
            self._fill()
        if size is None or size < 0:
            size = len(self._rbuf)
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check(True)
        while True:
            i = self._rbuf.find(b"\n")
            if i >= 0 and (size is None or size < 0 or i < size):
                line, self._rbuf = self._rbuf[:i + 1], self._rbuf[i + 1:]
                return line
            if size is not None and 0 <= size <= len(self._rbuf):
                line, self._rbuf = self._rbuf[:size], self._rbuf[size:]
                return line
            if not self._fill():
                line, self._rbuf = self._rbuf, b""
                return line

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def write(self, b):
        self._check(False)
        self._wbuf += b
        if len(self._wbuf) >= self._size:
            self.flush()
        return len(b)

    def flush(self):
        if self._closed_f or not self._writing:
            return
        while self._wbuf:
            n = self.raw.write(bytes(self._wbuf))
            del self._wbuf[:n or 0]

    def close(self):
        if self._closed_f:
            return
        try:
            self.flush()
        finally:
            self._closed_f = True
            self.raw.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class _TextSocketFile(io.TextIOBase):
    """A text file over a _BufferedSocketFile: decoding as it reads, universal newlines by default."""

    def __init__(self, buffer, encoding, errors, newline, mode):
        import codecs
        self.buffer = buffer
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        self._mode = mode
        self._decoder = codecs.getincrementaldecoder(encoding)(errors)
        self._pending = ""
        self._cr = False

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def mode(self):
        return self._mode

    @property
    def name(self):
        return self.buffer.name

    def fileno(self):
        return self.buffer.fileno()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def _translate(self, text, final):
        if self._newline is not None:
            return text
        if self._cr and text.startswith("\n"):
            text = text[1:]
        self._cr = text.endswith("\r") and not final
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def _more(self):
        data = self.buffer.read1(io.DEFAULT_BUFFER_SIZE)
        final = not data
        self._pending += self._translate(self._decoder.decode(data, final), final)
        return not final

    def read(self, size=-1):
        if size is None or size < 0:
            while self._more():
                pass
            text, self._pending = self._pending, ""
            return text
        while len(self._pending) < size and self._more():
            pass
        text, self._pending = self._pending[:size], self._pending[size:]
        return text

    def readline(self, size=-1):
        end = "\n" if self._newline in (None, "") else self._newline
        while True:
            i = self._pending.find(end)
            if i >= 0:
                i += len(end)
                if size is not None and 0 <= size < i:
                    i = size
                text, self._pending = self._pending[:i], self._pending[i:]
                return text
            if size is not None and 0 <= size <= len(self._pending):
                text, self._pending = self._pending[:size], self._pending[size:]
                return text
            if not self._more():
                text, self._pending = self._pending, ""
                return text

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        return list(self)

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        text = s if self._newline in (None, "") else s.replace("\n", self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        if "\n" in s:
            self.buffer.flush()
        return len(s)

    def flush(self):
        self.buffer.flush()

    def close(self):
        self.buffer.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def getfqdn(name=''):
    """The fully qualified domain name of name (default: this host)."""
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    try:
        infos = getaddrinfo(name, None, 0, SOCK_STREAM, 0, AI_CANONNAME)
    except error:
        return name
    for info in infos:
        if info[3]:
            return info[3]
    return name


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *, all_errors=False):
    """Connect to (host, port), trying each address getaddrinfo gives; the connected socket."""
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except error as exc:
            if not all_errors:
                exceptions.clear()
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if len(exceptions):
        try:
            if not all_errors:
                raise exceptions[0]
            raise ExceptionGroup("create_connection failed", exceptions)
        finally:
            exceptions.clear()
    raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    """Whether an AF_INET6 socket can also take IPv4 connections."""
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except error:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    """A listening TCP socket bound to address."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except error as err:
            msg = '%s (while attempting to bind on address %r)' % (err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise
