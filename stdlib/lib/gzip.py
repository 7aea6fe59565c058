"""gzip: read and write gzip files (RFC 1952) on top of zlib.

A gzip file is one or more members, each a header (magic 1f 8b, method 8 = deflate, flags, mtime,
extra flags, OS, then optional extra field, file name, comment and header CRC), a raw deflate stream
and a trailer (CRC-32 and length modulo 2**32 of the uncompressed data, little-endian). Readers accept
several members back to back and zero padding after a member.

GzipFile reads or writes such a file through a binary file object; open() adds text modes ("rt",
"wt", ...) with a small text wrapper that encodes and decodes whole strings.
"""

import _compression
import builtins
import os
import struct
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

READ = "rb"
WRITE = "wb"

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9

_READ_CHUNK = 64 * 1024
_EBADF = 9
_EOF_MESSAGE = "Compressed file ended before the end-of-stream marker was reached"


class BadGzipFile(OSError):
    """Exception raised in some cases for invalid gzip files."""


def _xfl(compresslevel, one_shot=False):
    # the "extra flags" byte: 2 = maximum compression, 4 = fastest. compress() sets it as zlib's own
    # gzip writer does (level 0 counts as fast too), GzipFile only for level 1.
    if compresslevel == _COMPRESS_LEVEL_BEST:
        return 2
    if compresslevel == _COMPRESS_LEVEL_FAST or (one_shot and compresslevel == 0):
        return 4
    return 0


def _header(compresslevel, mtime, fname=b"", one_shot=False):
    flags = FNAME if fname else 0
    head = struct.pack("<BBBBLBB", 0x1F, 0x8B, 8, flags, int(mtime) & 0xFFFFFFFF, _xfl(compresslevel, one_shot), 255)
    if fname:
        head += fname + b"\0"
    return head


class _Source:
    """Sequential reads from a binary file object, with bytes pushed back in front (what the deflate
    stream left after its end)."""

    def __init__(self, fileobj):
        self.fileobj = fileobj
        self.pending = b""

    def read(self, n):
        if self.pending:
            got = self.pending[:n]
            self.pending = self.pending[n:]
            if len(got) < n:
                got += self.fileobj.read(n - len(got))
            return got
        return self.fileobj.read(n)

    def read_exact(self, n):
        got = self.read(n)
        while len(got) < n:
            more = self.read(n - len(got))
            if not more:
                raise EOFError(_EOF_MESSAGE)
            got += more
        return got

    def push_back(self, data):
        self.pending = data + self.pending


def _read_header(src):
    """Reads one member's header; returns its mtime, or None at the end of the input."""
    magic = src.read(2)
    if magic == b"":
        return None
    if magic != b"\x1f\x8b":
        raise BadGzipFile("Not a gzipped file (%r)" % magic)
    method, flags, mtime = struct.unpack("<BBIxx", src.read_exact(8))
    if method != 8:
        raise BadGzipFile("Unknown compression method")
    if flags & FEXTRA:
        extra_len, = struct.unpack("<H", src.read_exact(2))
        src.read_exact(extra_len)
    for flag in (FNAME, FCOMMENT):
        if flags & flag:
            # a zero-terminated string
            while True:
                c = src.read(1)
                if not c:
                    raise EOFError(_EOF_MESSAGE)
                if c == b"\0":
                    break
    if flags & FHCRC:
        src.read_exact(2)
    return mtime


class _Reader:
    """The decompressed bytes of every member of a gzip stream, in order, checked against each
    member's trailer."""

    def __init__(self, fileobj):
        self.src = _Source(fileobj)
        self.decomp = None  # the current member's raw-deflate decompressor, None between members
        self.crc = 0
        self.size = 0
        self.eof = False
        self.last_mtime = None

    def _start_member(self):
        # zero bytes between members are padding
        while True:
            c = self.src.read(1)
            if c != b"\0":
                break
        if c:
            self.src.push_back(c)
        mtime = _read_header(self.src)
        if mtime is None:
            self.eof = True
            return False
        self.last_mtime = mtime
        self.decomp = zlib.decompressobj(-zlib.MAX_WBITS)
        self.crc = 0
        self.size = 0
        return True

    def _end_member(self):
        self.src.push_back(self.decomp.unused_data)
        self.decomp = None
        crc, isize = struct.unpack("<II", self.src.read_exact(8))
        if crc != self.crc:
            raise BadGzipFile("CRC check failed %s != %s" % (hex(crc), hex(self.crc)))
        if isize != (self.size & 0xFFFFFFFF):
            raise BadGzipFile("Incorrect length of data produced")

    def read_chunk(self, size):
        """Up to size (> 0) bytes of output; b'' only at the end of the data."""
        while not self.eof:
            if self.decomp is None:
                if not self._start_member():
                    break
            if self.decomp.unconsumed_tail:
                chunk = self.decomp.unconsumed_tail
            else:
                chunk = self.src.read(_READ_CHUNK)
            out = self.decomp.decompress(chunk, size)
            if out:
                self.crc = zlib.crc32(out, self.crc)
                self.size += len(out)
            if self.decomp.eof:
                self._end_member()
            elif not chunk and not out:
                raise EOFError(_EOF_MESSAGE)
            if out:
                return out
        return b""


def _bytes_of(data):
    if isinstance(data, (bytes, bytearray)):
        return data
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


class GzipFile(_compression.ReadBuffer):
    """A file object over a gzip file: reading decompresses, writing compresses. Opened on a file
    name (with builtins.open) or an existing binary file object (fileobj)."""

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST, fileobj=None, mtime=None):
        if mode and ("t" in mode or "U" in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and "b" not in mode:
            mode += "b"
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or "rb")
        if filename is None:
            filename = getattr(fileobj, "name", "")
            if not isinstance(filename, (str, bytes)):
                filename = ""
        else:
            filename = os.fspath(filename)
        if mode is None:
            mode = getattr(fileobj, "mode", "rb")
        self._closed = False
        if mode.startswith("r"):
            self.mode = READ
            self._reader = _Reader(fileobj)
            # decompressed bytes not yet returned: _buf[_off:] (an offset, so that reading a line does
            # not copy the rest of the buffer)
            self._buf = b""
            self._off = 0
            self._pos = 0        # offset in the uncompressed data of the next byte returned
            self.name = filename
        elif mode.startswith(("w", "a", "x")):
            if not isinstance(compresslevel, int) or not -1 <= compresslevel <= 9:
                raise ValueError("Invalid compression level: {!r}".format(compresslevel))
            self.mode = WRITE
            self.name = filename
            self._crc = 0
            self._size = 0
            self._pos = 0
            self._compress = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS, zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
            self._compresslevel = compresslevel
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))
        self.fileobj = fileobj
        if self.mode == WRITE:
            self._write_header()

    @property
    def mtime(self):
        """The mtime of the last member read (None before reading)."""
        return self._reader.last_mtime if self.mode == READ else None

    def _write_header(self):
        fname = os.path.basename(self.name)
        if isinstance(fname, str):
            try:
                fname = fname.encode("latin-1")
            except UnicodeEncodeError:
                fname = b""
        if fname.endswith(b".gz"):
            fname = fname[:-3]
        mtime = self._write_mtime
        if mtime is None:
            mtime = time.time()
        self.fileobj.write(_header(self._compresslevel, mtime, fname))

    def __repr__(self):
        s = repr(self.fileobj)
        return "<gzip " + s[1:-1] + " " + hex(id(self)) + ">"

    @property
    def closed(self):
        return self.fileobj is None

    def _check_not_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def _check_can_read(self):
        self._check_not_closed()
        if self.mode != READ:
            raise OSError(_EBADF, "read() on write-only GzipFile object")

    # ---- writing ----

    def write(self, data):
        self._check_not_closed()
        if self.mode != WRITE:
            raise OSError(_EBADF, "write() on read-only GzipFile object")
        data = _bytes_of(data)
        if data:
            self.fileobj.write(self._compress.compress(data))
            self._size += len(data)
            self._crc = zlib.crc32(data, self._crc)
            self._pos += len(data)
        return len(data)

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            self.fileobj.write(self._compress.flush(zlib_mode))
            if hasattr(self.fileobj, "flush"):
                self.fileobj.flush()

    # ---- reading ----

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    # ---- positioning ----

    def rewind(self):
        """Return the uncompressed stream file position indicator to the beginning of the file."""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self._rewind()
        self._buf = b""
        self._off = 0
        self._pos = 0

    def seek(self, offset, whence=0):
        self._check_not_closed()
        if self.mode == WRITE:
            if whence == 1:
                offset = self._pos + offset
            elif whence != 0:
                raise ValueError("Seek from end not supported")
            if offset < self._pos:
                raise OSError("Negative seek in write mode")
            # a forward seek writes zeros
            count = offset - self._pos
            while count > 0:
                step = min(count, 1024)
                self.write(bytes(step))
                count -= step
            return self._pos
        return self._seek_read(offset, whence)

    def _rewind(self):
        self.fileobj.seek(0)
        self._reader = _Reader(self.fileobj)

    def tell(self):
        self._check_not_closed()
        return self._pos

    def readable(self):
        self._check_not_closed()
        return self.mode == READ

    def writable(self):
        self._check_not_closed()
        return self.mode == WRITE

    def seekable(self):
        return True

    def fileno(self):
        return self.fileobj.fileno()

    def isatty(self):
        return False

    # ---- closing ----

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        try:
            if self.mode == WRITE:
                fileobj.write(self._compress.flush())
                fileobj.write(struct.pack("<LL", self._crc, self._size & 0xFFFFFFFF))
        finally:
            self.fileobj = None
            myfileobj = self.myfileobj
            if myfileobj is not None:
                self.myfileobj = None
                myfileobj.close()

    def __enter__(self):
        self._check_not_closed()
        return self

    def __exit__(self, *exc):
        self.close()


_TextWrapper = _compression.TextWrapper


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST, encoding=None, errors=None, newline=None):
    """Open a gzip-compressed file in binary ("rb", "wb", "ab", "xb") or text ("rt", "wt", ...) mode;
    filename is a path or a binary file object."""
    _compression.check_text_args(mode, encoding, errors, newline)
    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes)) or hasattr(filename, "__fspath__"):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    if "t" in mode:
        return _TextWrapper(binary_file, encoding, errors, newline)
    return binary_file


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Compress data in one shot and return the gzip member (mtime defaults to now)."""
    if mtime is None:
        mtime = time.time()
    data = _bytes_of(data)
    return (_header(compresslevel, mtime, one_shot=True) + zlib.compress(data, compresslevel, -zlib.MAX_WBITS) +
            struct.pack("<LL", zlib.crc32(data), len(data) & 0xFFFFFFFF))


def decompress(data):
    """Decompress gzip data in one shot: every member, concatenated."""
    members = []
    data = bytes(_bytes_of(data))
    while True:
        src = _Source(_BytesReader(data))
        if _read_header(src) is None:
            return b"".join(members)
        d = zlib.decompressobj(-zlib.MAX_WBITS)
        out = d.decompress(src.read(len(data)))
        if not d.eof or len(d.unused_data) < 8:
            raise EOFError(_EOF_MESSAGE)
        crc, length = struct.unpack("<II", d.unused_data[:8])
        if crc != zlib.crc32(out):
            raise BadGzipFile("CRC check failed")
        if length != (len(out) & 0xFFFFFFFF):
            raise BadGzipFile("Incorrect length of data produced")
        members.append(out)
        data = d.unused_data[8:].lstrip(b"\0")


class _BytesReader:
    """read(n) over a bytes object (gzip.decompress's input)."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self, n):
        out = self.data[self.pos:self.pos + n]
        self.pos += len(out)
        return out
