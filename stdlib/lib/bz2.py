"""bz2: bzip2 compression over libbz2 (the _bz2 module loads it on first import).

BZ2Compressor and BZ2Decompressor are incremental; compress() and decompress() one-shot (decompress
accepts several streams back to back); BZ2File reads or writes a .bz2 file through a binary file
object, open() adds the text modes. Reading goes through _compression's buffer and stream reader,
shared with gzip.
"""

import _bz2
import _compression
import builtins
import os

__all__ = ["BZ2File", "BZ2Compressor", "BZ2Decompressor", "open", "compress", "decompress"]

_MODE_CLOSED, _MODE_READ, _MODE_WRITE = 0, 1, 2


class BZ2Compressor:
    """Incremental compressor: compress() returns what is ready, flush() the rest (once)."""

    def __init__(self, compresslevel=9, /):
        self._c = _bz2.compressor(compresslevel)

    def compress(self, data, /):
        return self._c.compress(data)

    def flush(self):
        return self._c.flush()

    def __reduce__(self):
        raise TypeError("cannot pickle 'BZ2Compressor' object")


class BZ2Decompressor:
    """Incremental decompressor of one stream; the data after its end is in unused_data."""

    def __init__(self):
        self._d = _bz2.decompressor()

    def decompress(self, data, max_length=-1):
        return self._d.decompress(data, max_length)

    @property
    def eof(self):
        return self._d.eof

    @property
    def unused_data(self):
        return self._d.unused_data

    @property
    def needs_input(self):
        return self._d.needs_input

    def __reduce__(self):
        raise TypeError("cannot pickle 'BZ2Decompressor' object")


def _bytes_of(data):
    if isinstance(data, (bytes, bytearray, memoryview)):
        return data
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


class BZ2File(_compression.ReadBuffer):
    """A file object over a bzip2 file, opened on a path or a binary file object. Modes 'r', 'w', 'x',
    'a' (with or without 'b'); writing appends a new stream."""

    def __init__(self, filename, mode="r", *, compresslevel=9):
        self._fp = None
        self._closefp = False
        self._mode = _MODE_CLOSED
        if not (1 <= compresslevel <= 9):
            raise ValueError("compresslevel must be between 1 and 9")
        if mode in ("", "r", "rb"):
            mode = "rb"
            mode_code = _MODE_READ
        elif mode in ("w", "wb"):
            mode = "wb"
            mode_code = _MODE_WRITE
            self._compressor = _bz2.compressor(compresslevel)
        elif mode in ("x", "xb"):
            mode = "xb"
            mode_code = _MODE_WRITE
            self._compressor = _bz2.compressor(compresslevel)
        elif mode in ("a", "ab"):
            mode = "ab"
            mode_code = _MODE_WRITE
            self._compressor = _bz2.compressor(compresslevel)
        else:
            raise ValueError("Invalid mode: %r" % (mode,))
        if isinstance(filename, (str, bytes, os.PathLike)):
            self._fp = builtins.open(filename, mode)
            self._closefp = True
            self.name = os.fspath(filename)
        elif hasattr(filename, "read") or hasattr(filename, "write"):
            self._fp = filename
            self.name = getattr(filename, "name", "")
        else:
            raise TypeError("filename must be a str, bytes, file or PathLike object")
        self._mode = mode_code
        self._pos = 0
        self._buf = b""
        self._off = 0
        if mode_code == _MODE_READ:
            self._reader = _compression.StreamReader(self._fp, _bz2.decompressor)

    @property
    def mode(self):
        return "rb" if self._mode == _MODE_READ else "wb"

    @property
    def closed(self):
        return self._mode == _MODE_CLOSED

    def _check_not_closed(self):
        if self._mode == _MODE_CLOSED:
            raise ValueError("I/O operation on closed file")

    def _check_can_read(self):
        self._check_not_closed()
        if self._mode != _MODE_READ:
            raise OSError("File not open for reading")

    def _check_can_write(self):
        self._check_not_closed()
        if self._mode != _MODE_WRITE:
            raise OSError("File not open for writing")

    def _rewind(self):
        self._fp.seek(0)
        self._reader = _compression.StreamReader(self._fp, _bz2.decompressor)

    def write(self, data):
        self._check_can_write()
        data = _bytes_of(data)
        n = data.nbytes if isinstance(data, memoryview) else len(data)
        self._fp.write(self._compressor.compress(data))
        self._pos += n
        return n

    def writelines(self, seq):
        for line in seq:
            self.write(line)

    def seek(self, offset, whence=0):
        self._check_can_read()
        return self._seek_read(offset, whence)

    def tell(self):
        self._check_not_closed()
        return self._pos

    def readable(self):
        self._check_not_closed()
        return self._mode == _MODE_READ

    def writable(self):
        self._check_not_closed()
        return self._mode == _MODE_WRITE

    def seekable(self):
        return self.readable() and hasattr(self._fp, "seek")

    def fileno(self):
        self._check_not_closed()
        return self._fp.fileno()

    def flush(self):
        self._check_not_closed()

    def close(self):
        if self._mode == _MODE_CLOSED:
            return
        try:
            if self._mode == _MODE_WRITE:
                self._fp.write(self._compressor.flush())
                self._compressor = None
        finally:
            try:
                if self._closefp:
                    self._fp.close()
            finally:
                self._fp = None
                self._closefp = False
                self._mode = _MODE_CLOSED
                self._reader = None
                self._buf = b""

    def __enter__(self):
        self._check_not_closed()
        return self

    def __exit__(self, *exc):
        self.close()


def open(filename, mode="rb", compresslevel=9, encoding=None, errors=None, newline=None):
    """A BZ2File in binary mode ('r', 'rb', 'w', ...), or text over one in 't' modes."""
    _compression.check_text_args(mode, encoding, errors, newline)
    binary = BZ2File(filename, mode.replace("t", ""), compresslevel=compresslevel)
    if "t" in mode:
        return _compression.TextWrapper(binary, encoding, errors, newline)
    return binary


def compress(data, compresslevel=9):
    """data compressed as one bzip2 stream."""
    c = _bz2.compressor(compresslevel)
    return c.compress(data) + c.flush()


def decompress(data):
    """The decompressed content of every stream in data, concatenated."""
    results = []
    data = bytes(_bytes_of(data))
    while data:
        d = _bz2.decompressor()
        try:
            out = d.decompress(data)
        except OSError:
            if results:
                break       # trailing data is not a stream: ignored
            raise
        results.append(out)
        if not d.eof:
            raise ValueError("Compressed data ended before the end-of-stream marker was reached")
        data = d.unused_data
    return b"".join(results)
