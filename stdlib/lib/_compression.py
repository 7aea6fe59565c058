"""_compression: what the compressed-file modules share (gzip, bz2).

ReadBuffer is the reading side of a decompressing file object: a buffer of decompressed bytes over a
source object with read_chunk(size) (up to size bytes of output, b'' only at the end), giving read,
read1, peek, readline, readlines, iteration, tell and seeking (forward by reading, backward by
rewinding the source). StreamReader is such a source for formats made of self-delimiting streams
(bzip2, xz) that may be concatenated; gzip has its own (members with headers and trailers).
TextWrapper gives the "t" modes of the modules' open() functions.
"""

_READ_CHUNK = 64 * 1024
_BUFFER_SIZE = 8192
EOF_MESSAGE = "Compressed file ended before the end-of-stream marker was reached"


class ReadBuffer:
    """Mixin for a reading file object. The class sets self._reader (a source with read_chunk),
    self._buf = b"", self._off = 0 and self._pos = 0 before reading, and defines _check_can_read()
    and _rewind() (a fresh source at the start of the data)."""

    def _fill(self, n):
        """Makes _buf hold at least n bytes unless the data ends first (n < 0: everything). Output is
        decompressed in pieces of at least _BUFFER_SIZE bytes, so read1() and peek() see that much."""
        have = len(self._buf) - self._off
        if n >= 0 and have >= n:
            return
        parts = [self._buf[self._off:]]
        self._off = 0
        while n < 0 or have < n:
            chunk = self._reader.read_chunk(_READ_CHUNK if n < 0 else max(n - have, _BUFFER_SIZE))
            if not chunk:
                break
            parts.append(chunk)
            have += len(chunk)
        self._buf = b"".join(parts)

    def _avail(self):
        return len(self._buf) - self._off

    def _take(self, n):
        out = self._buf[self._off:self._off + n]
        self._off += len(out)
        self._pos += len(out)
        return out

    def read(self, size=-1):
        self._check_can_read()
        if size is None or size < 0:
            self._fill(-1)
            return self._take(self._avail())
        self._fill(size)
        return self._take(size)

    def read1(self, size=-1):
        self._check_can_read()
        if size is None or size < 0:
            size = _READ_CHUNK
        if not self._avail():
            self._fill(1)
        return self._take(size)

    def peek(self, n=0):
        self._check_can_read()
        if not self._avail():
            self._fill(max(n, 1))
        return self._buf[self._off:]

    def readline(self, size=-1):
        self._check_can_read()
        if size is None:
            size = -1
        while True:
            i = self._buf.find(b"\n", self._off)
            if i >= 0:
                n = i + 1 - self._off
                break
            before = self._avail()
            if 0 <= size <= before:
                n = size
                break
            self._fill(before + _READ_CHUNK)
            if self._avail() == before:
                n = before
                break
        if 0 <= size < n:
            n = size
        return self._take(n)

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check_not_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _seek_read(self, offset, whence):
        """seek() in read mode: backwards rewinds and decompresses again from the start."""
        if whence == 1:
            offset = self._pos + offset
        elif whence == 2:
            self._fill(-1)
            offset = self._pos + self._avail() + offset
        elif whence != 0:
            raise ValueError("Invalid whence ({}, should be 0, 1 or 2)".format(whence))
        if offset < self._pos:
            self._rewind()
            self._buf = b""
            self._off = 0
            self._pos = 0
        self.read(max(offset - self._pos, 0))
        return self._pos


class StreamReader:
    """Decompressed output of one or more complete streams back to back, each decoded by a fresh
    decompressor (an object with decompress(data), eof and unused_data). Data after a stream that does
    not start a valid one is ignored, as the reference implementation does; a stream that ends early
    raises EOFError, and so does an empty input."""

    def __init__(self, fileobj, new_decompressor, trailing_error=OSError):
        self.fileobj = fileobj
        self.new = new_decompressor
        self.trailing_error = trailing_error
        self.decomp = new_decompressor()
        self.streams = 0        # streams finished
        self.eof = False

    def read_chunk(self, size):
        while not self.eof:
            d = self.decomp
            if d.eof:
                rest = d.unused_data
                if not rest:
                    rest = self.fileobj.read(_READ_CHUNK)
                if not rest:
                    self.eof = True
                    break
                self.streams += 1
                self.decomp = d = self.new()
                try:
                    out = d.decompress(rest)
                except self.trailing_error:
                    self.eof = True     # trailing garbage
                    break
            else:
                raw = self.fileobj.read(_READ_CHUNK)
                if not raw:
                    # a stream started and not finished (or no stream at all: an empty file)
                    raise EOFError(EOF_MESSAGE)
                out = d.decompress(raw)
            if out:
                return out
        return b""


def check_text_args(mode, encoding, errors, newline):
    """open()'s checks: text arguments only in text mode, not both 't' and 'b'."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")


class TextWrapper:
    """Text over a compressed binary file for open()'s "t" modes. Reading decodes the whole
    uncompressed content on first use (such files are read as a whole or line by line from the start); newline=None
    translates "\\r\\n" and "\\r" to "\\n" on input, and a newline other than ''/'\\n' replaces "\\n" on
    output."""

    def __init__(self, binary, encoding, errors, newline):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        self.buffer = binary
        self.encoding = encoding or "utf-8"
        self.errors = errors or "strict"
        self.newline = newline
        self._text = None
        self._pos = 0

    def _load(self):
        if self._text is None:
            text = self.buffer.read().decode(self.encoding, self.errors)
            if self.newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            self._text = text
        return self._text

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def read(self, size=-1):
        self.buffer._check_can_read()
        text = self._load()
        if size is None or size < 0:
            end = len(text)
        else:
            end = min(self._pos + size, len(text))
        out = text[self._pos:end]
        self._pos = end
        return out

    def readline(self, size=-1):
        self.buffer._check_can_read()
        text = self._load()
        ends = ("\n",) if self.newline in (None, "\n") else (("\n", "\r") if self.newline == "" else (self.newline,))
        best = -1
        for e in ends:
            i = text.find(e, self._pos)
            if i >= 0:
                stop = i + len(e)
                if e == "\r" and text.startswith("\r\n", i):
                    stop = i + 2
                if best < 0 or stop < best:
                    best = stop
        end = len(text) if best < 0 else best
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = text[self._pos:end]
        self._pos = end
        return out

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        text = s
        if self.newline not in (None, "", "\n"):
            text = text.replace("\n", self.newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self.buffer.flush()

    def close(self):
        self.buffer.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
