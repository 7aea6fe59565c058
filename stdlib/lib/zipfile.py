"""zipfile: read and write ZIP archives (PKWARE APPNOTE 6.3) over zlib.

An archive is a sequence of members, each a local header (signature PK\\3\\4, versions, flags,
method, DOS time and date, CRC-32, sizes, name, extra field) followed by the member's data; then the
central directory (one PK\\1\\2 record per member, repeating the local header's fields plus the
comment, attributes and the offset of the local header) and the end record (PK\\5\\6: counts, size
and offset of the central directory, archive comment). ZIP64 replaces a field that overflows with
0xFFFFFFFF (0xFFFF for counts) and keeps the real value in an extra block (id 1) or in the ZIP64 end
record (PK\\6\\6) that a locator (PK\\6\\7) just before the end record points at.

Readers trust the central directory, as every unzip does; the local header is read only to skip its
variable part and to check that it names the same file. Offsets are relative to where the archive
starts, which may be after some prefix (a self-extracting stub): the difference between where the
central directory is found and where the end record says it is gives that prefix's size.

Methods: stored (0) and deflate (8); bzip2 (12) and LZMA (14) when the bz2 / lzma modules import.
Traditional PKWARE encryption can be read with a password; AES and writing encrypted members cannot.
"""

import binascii
import io
import os
import shutil
import stat
import struct
import sys
import time
import warnings
import zlib

__all__ = ["BadZipFile", "BadZipfile", "error", "ZIP_STORED", "ZIP_DEFLATED", "ZIP_BZIP2", "ZIP_LZMA",
           "is_zipfile", "ZipInfo", "ZipFile", "PyZipFile", "LargeZipFile", "Path"]


class BadZipFile(Exception):
    pass


class LargeZipFile(Exception):
    """Raised when writing would need ZIP64 extensions and they are not allowed."""


error = BadZipfile = BadZipFile

ZIP64_LIMIT = (1 << 31) - 1
ZIP_FILECOUNT_LIMIT = (1 << 16) - 1
ZIP_MAX_COMMENT = (1 << 16) - 1

ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14

DEFAULT_VERSION = 20
ZIP64_VERSION = 45
BZIP2_VERSION = 46
LZMA_VERSION = 63
MAX_EXTRACT_VERSION = 63

compressor_names = {
    0: 'store', 1: 'shrink', 2: 'reduce', 3: 'reduce', 4: 'reduce', 5: 'reduce', 6: 'implode',
    7: 'tokenize', 8: 'deflate', 9: 'deflate64', 10: 'implode', 12: 'bzip2', 14: 'lzma', 18: 'terse',
    19: 'lz77', 97: 'wavpack', 98: 'ppmd',
}

# record layouts (little-endian); the *_SIZE constants are their struct sizes
_END = struct.Struct("<4s4H2LH")            # end of central directory
_END_SIG = b"PK\005\006"
_END64 = struct.Struct("<4sQ2H2L4Q")        # ZIP64 end of central directory
_END64_SIG = b"PK\006\006"
_LOC64 = struct.Struct("<4sLQL")            # ZIP64 end locator
_LOC64_SIG = b"PK\006\007"
_CDIR = struct.Struct("<4s4B4HL2L5H2L")     # central directory entry
_CDIR_SIG = b"PK\001\002"
_LOCAL = struct.Struct("<4s2B4HL2L2H")      # local file header
_LOCAL_SIG = b"PK\003\004"
_DD_SIG = b"PK\007\010"                     # data descriptor

sizeEndCentDir = _END.size
sizeCentralDir = _CDIR.size
sizeFileHeader = _LOCAL.size
sizeEndCentDir64 = _END64.size
sizeEndCentDir64Locator = _LOC64.size

_FLAG_ENCRYPTED = 0x01
_FLAG_DESCRIPTOR = 0x08
_FLAG_PATCHED = 0x20
_FLAG_STRONG = 0x40
_FLAG_UTF8 = 0x800

_EXTRA_ZIP64 = 1
_READ_CHUNK = 64 * 1024

# the high half of code page 437, the encoding of names without the UTF-8 flag
_CP437_HIGH = ('ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀'
               'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\xa0')


def _decode_cp437(raw):
    if all(b < 128 for b in raw):
        return raw.decode("ascii")
    return "".join(chr(b) if b < 128 else _CP437_HIGH[b - 128] for b in raw)


def _check_compression(method):
    if method in (ZIP_STORED, ZIP_DEFLATED):
        return
    if method == ZIP_BZIP2:
        if _optional("bz2") is None:
            raise RuntimeError("Compression requires the (missing) bz2 module")
        return
    if method == ZIP_LZMA:
        if _optional("lzma") is None:
            raise RuntimeError("Compression requires the (missing) lzma module")
        return
    raise NotImplementedError("That compression method is not supported")


def _optional(name):
    try:
        return __import__(name)
    except ImportError:
        return None


def _compressor(method, level):
    if method == ZIP_DEFLATED:
        return zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION if level is None else level, zlib.DEFLATED, -15)
    if method == ZIP_BZIP2:
        import bz2
        return bz2.BZ2Compressor(9 if level is None else level)
    if method == ZIP_LZMA:
        return _LZMAWriter()
    return None


def _decompressor(method):
    _check_compression(method)
    if method == ZIP_DEFLATED:
        return zlib.decompressobj(-15)
    if method == ZIP_BZIP2:
        import bz2
        return bz2.BZ2Decompressor()
    if method == ZIP_LZMA:
        return _LZMAReader()
    return None


class _LZMAWriter:
    """LZMA members start with a 4-byte header (LZMA SDK version 9.20, properties size 5) and the
    filter properties, then the raw LZMA1 stream."""

    def __init__(self):
        import lzma
        self._lzma = lzma
        self._comp = None

    def compress(self, data):
        if self._comp is None:
            return self._start() + self._comp.compress(data)
        return self._comp.compress(data)

    def _start(self):
        lzma = self._lzma
        props = lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1})
        self._comp = lzma.LZMACompressor(lzma.FORMAT_RAW, filters=[
            lzma._decode_filter_properties(lzma.FILTER_LZMA1, props)])
        return struct.pack("<BBH", 9, 20, len(props)) + props

    def flush(self):
        if self._comp is None:
            return self._start() + self._comp.flush()
        return self._comp.flush()


class _LZMAReader:
    def __init__(self):
        import lzma
        self._lzma = lzma
        self._decomp = None
        self._head = b""
        self.eof = False
        self.unused_data = b""
        self.unconsumed_tail = b""

    def decompress(self, data, max_length=-1):
        if self._decomp is None:
            self._head += data
            if len(self._head) < 4:
                return b""
            psize, = struct.unpack("<H", self._head[2:4])
            if len(self._head) < 4 + psize:
                return b""
            lzma = self._lzma
            filt = lzma._decode_filter_properties(lzma.FILTER_LZMA1, self._head[4:4 + psize])
            self._decomp = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[filt])
            data = self._head[4 + psize:]
            self._head = b""
        out = self._decomp.decompress(data)
        self.eof = self._decomp.eof
        self.unused_data = self._decomp.unused_data
        return out

    def flush(self):
        return b""


def _can_seek(f):
    seekable = getattr(f, "seekable", None)
    if seekable is not None:
        return seekable()
    return hasattr(f, "seek")


def _dos_datetime(date_time):
    y, mo, d, h, mi, s = date_time[:6]
    return ((y - 1980) << 9 | mo << 5 | d), (h << 11 | mi << 5 | s // 2)


def _strip_zip64_extra(extra):
    """extra without its ZIP64 blocks (they are rewritten from the current sizes)."""
    out = b""
    i = 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack("<HH", extra[i:i + 4])
        end = i + 4 + size
        if tag != _EXTRA_ZIP64:
            out += extra[i:end]
        i = end
    return out + extra[i:] if i < len(extra) else out


class ZipInfo:
    """What the archive records about one member."""

    __slots__ = ("orig_filename", "filename", "date_time", "compress_type", "compress_level", "comment",
                 "extra", "create_system", "create_version", "extract_version", "reserved", "flag_bits",
                 "volume", "internal_attr", "external_attr", "header_offset", "CRC", "compress_size",
                 "file_size", "_raw_time")

    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        # a NUL ends the name (some archivers pad with it); names use '/' whatever the OS
        nul = filename.find("\0")
        if nul >= 0:
            filename = filename[:nul]
        if os.sep != "/" and os.sep in filename:
            filename = filename.replace(os.sep, "/")
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError("ZIP does not support timestamps before 1980")
        self.compress_type = ZIP_STORED
        self.compress_level = None
        self.comment = b""
        self.extra = b""
        self.create_system = 0 if sys.platform == "win32" else 3
        self.create_version = DEFAULT_VERSION
        self.extract_version = DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.compress_size = 0
        self.file_size = 0
        self.CRC = 0
        self.header_offset = 0
        self._raw_time = 0

    def __repr__(self):
        parts = ["<%s filename=%r" % (type(self).__name__, self.filename)]
        if self.compress_type != ZIP_STORED:
            parts.append(" compress_type=%s" % compressor_names.get(self.compress_type, self.compress_type))
        hi = self.external_attr >> 16
        lo = self.external_attr & 0xFFFF
        if hi:
            parts.append(" filemode=%r" % stat.filemode(hi))
        if lo:
            parts.append(" external_attr=%#x" % lo)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            parts.append(" file_size=%r" % self.file_size)
        if (not isdir or self.compress_size) and (self.compress_type != ZIP_STORED
                                                   or self.file_size != self.compress_size):
            parts.append(" compress_size=%r" % self.compress_size)
        parts.append(">")
        return "".join(parts)

    def is_dir(self):
        return self.filename.endswith("/")

    def _encoded_name(self):
        try:
            return self.filename.encode("ascii"), self.flag_bits & ~_FLAG_UTF8
        except UnicodeEncodeError:
            return self.filename.encode("utf-8"), self.flag_bits | _FLAG_UTF8

    def _min_version(self, zip64):
        v = ZIP64_VERSION if zip64 else 0
        if self.compress_type == ZIP_BZIP2:
            v = max(v, BZIP2_VERSION)
        elif self.compress_type == ZIP_LZMA:
            v = max(v, LZMA_VERSION)
        return v

    def FileHeader(self, zip64=None):
        """The local header. With zip64 the sizes live in a ZIP64 extra block (needed when they may
        pass 2 GiB: the header is rewritten in place after the data, so its size must not change)."""
        dosdate, dostime = _dos_datetime(self.date_time)
        if self.flag_bits & _FLAG_DESCRIPTOR:
            crc = compress_size = file_size = 0
        else:
            crc, compress_size, file_size = self.CRC, self.compress_size, self.file_size
        extra = self.extra
        if zip64 is None:
            zip64 = file_size > ZIP64_LIMIT or compress_size > ZIP64_LIMIT
        if zip64:
            extra = extra + struct.pack("<HHQQ", _EXTRA_ZIP64, 16, file_size, compress_size)
            file_size = compress_size = 0xFFFFFFFF
        self.extract_version = max(self._min_version(zip64), self.extract_version)
        self.create_version = max(self._min_version(zip64), self.create_version)
        name, flags = self._encoded_name()
        return _LOCAL.pack(_LOCAL_SIG, self.extract_version, self.reserved, flags, self.compress_type,
                           dostime, dosdate, crc, compress_size, file_size, len(name), len(extra)) + name + extra

    def _decode_extra(self, strict_count=False):
        """Takes the real sizes and offset from a ZIP64 extra block: each field that is 0xFFFFFFFF in
        the record is there, in the order file size, compressed size, header offset."""
        extra = self.extra
        i = 0
        while i + 4 <= len(extra):
            tag, size = struct.unpack("<HH", extra[i:i + 4])
            if i + 4 + size > len(extra):
                raise BadZipFile("Corrupt extra field %04x (size=%d)" % (tag, size))
            if tag == _EXTRA_ZIP64:
                data = extra[i + 4:i + 4 + size]
                j = 0
                for field in ("file_size", "compress_size", "header_offset"):
                    if getattr(self, field) == 0xFFFFFFFF:
                        if j + 8 > len(data):
                            raise BadZipFile("Corrupt zip64 extra field. %s not found." % field.replace("_", " ").capitalize())
                        setattr(self, field, struct.unpack("<Q", data[j:j + 8])[0])
                        j += 8
            i += 4 + size

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        """A ZipInfo for a file on disk (its mode, mtime and size), named arcname or the path
        without drive and leading separators."""
        if isinstance(filename, os.PathLike):
            filename = os.fspath(filename)
        st = os.stat(filename)
        isdir = stat.S_ISDIR(st.st_mode)
        date_time = time.localtime(st.st_mtime)[:6]
        if not strict_timestamps and date_time[0] < 1980:
            date_time = (1980, 1, 1, 0, 0, 0)
        elif not strict_timestamps and date_time[0] > 2107:
            date_time = (2107, 12, 31, 23, 59, 59)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(os.path.splitdrive(arcname)[1])
        while arcname.startswith(os.sep):
            arcname = arcname[1:]
        if isdir:
            arcname += "/"
        info = cls(arcname, date_time)
        info.external_attr = (st.st_mode & 0xFFFF) << 16
        if isdir:
            info.file_size = 0
            info.external_attr |= 0x10
        else:
            info.file_size = st.st_size
        return info


def _end_record(fp):
    """The end record's fields (as a list, ZIP64 values merged in) plus its comment and where the
    record starts, or None when fp holds no end record."""
    fp.seek(0, 2)
    filesize = fp.tell()
    if filesize < _END.size:
        return None
    # usually there is no comment and the record is the file's last 22 bytes
    fp.seek(-_END.size, 2)
    data = fp.read(_END.size)
    if data[:4] == _END_SIG and data[-2:] == b"\0\0":
        start = filesize - _END.size
        rec = list(_END.unpack(data))
        comment = b""
    else:
        # otherwise search the last 64 KiB (+ the record) for the signature of a record whose
        # comment fits in what follows it
        back = min(filesize, ZIP_MAX_COMMENT + _END.size)
        fp.seek(filesize - back)
        tail = fp.read(back)
        pos = tail.rfind(_END_SIG)
        if pos < 0 or pos + _END.size > len(tail):
            return None
        rec = list(_END.unpack(tail[pos:pos + _END.size]))
        comment = tail[pos + _END.size:pos + _END.size + rec[7]]
        start = filesize - back + pos
    rec.append(comment)
    rec.append(start)
    rec.append(False)
    # a ZIP64 locator right before the end record?
    if start >= _LOC64.size:
        fp.seek(start - _LOC64.size)
        loc = fp.read(_LOC64.size)
        if len(loc) == _LOC64.size and loc[:4] == _LOC64_SIG:
            _, disk, rel_off, ndisks = _LOC64.unpack(loc)
            if disk != 0 or ndisks > 1:
                raise BadZipFile("zipfiles that span multiple disks are not supported")
            rec64_start = start - _LOC64.size - _END64.size
            if rec64_start < 0:
                raise BadZipFile("Corrupt ZIP64 end of central directory record")
            fp.seek(rec64_start)
            data = fp.read(_END64.size)
            if len(data) != _END64.size or data[:4] != _END64_SIG:
                raise BadZipFile("Corrupt ZIP64 end of central directory record")
            (_, _, _, _, disk_num, disk_dir, count_disk, count, size, offset) = _END64.unpack(data)
            rec[1], rec[2], rec[3], rec[4], rec[5], rec[6] = disk_num, disk_dir, count_disk, count, size, offset
            rec[9] = rec64_start
            rec[10] = True
    return rec


def is_zipfile(filename):
    """True when filename (a path or a binary file object) has a ZIP end record."""
    try:
        if hasattr(filename, "read"):
            pos = filename.tell()
            try:
                return _end_record(filename) is not None
            finally:
                filename.seek(pos)
        with open(filename, "rb") as fp:
            return _end_record(fp) is not None
    except (OSError, BadZipFile):
        return False


class _SharedFile:
    """A read view of the archive's file at its own position: several members can be open for
    reading at once, each seeking the shared file object before it reads."""

    def __init__(self, zipfile, pos):
        self._zipfile = zipfile
        self._file = zipfile.fp
        self._pos = pos

    def read(self, n=-1):
        if self._zipfile._writing:
            raise ValueError("Can't read from the ZIP file while there is an open writing handle on it. "
                             "Close the writing handle before trying to read.")
        self._file.seek(self._pos)
        data = self._file.read(n)
        self._pos = self._file.tell()
        return data

    def seekable(self):
        return _can_seek(self._file)

    def close(self):
        if self._file is not None:
            self._zipfile._fpclose(self._file)
            self._file = None


class _ZipCrypto:
    """The traditional PKWARE stream cipher (APPNOTE 6.1): three 32-bit keys updated by each plain
    byte through CRC-32 and a linear congruence."""

    def __init__(self, pwd):
        self.k0, self.k1, self.k2 = 305419896, 591751049, 878082192
        for b in pwd:
            self._update(b)

    @staticmethod
    def _crc_byte(crc, b):
        return binascii.crc32(bytes((b,)), crc ^ 0xFFFFFFFF) ^ 0xFFFFFFFF

    def _update(self, b):
        self.k0 = self._crc_byte(self.k0, b)
        self.k1 = ((self.k1 + (self.k0 & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        self.k2 = self._crc_byte(self.k2, self.k1 >> 24)

    def decrypt(self, data):
        out = bytearray(len(data))
        for i, c in enumerate(data):
            t = (self.k2 | 2) & 0xFFFF
            p = c ^ (((t * (t ^ 1)) >> 8) & 0xFF)
            self._update(p)
            out[i] = p
        return bytes(out)


class ZipExtFile(io.BufferedIOBase):
    """A member opened for reading: decompresses as it goes and checks the CRC-32 at the end."""

    def __init__(self, fileobj, mode, zipinfo, pwd=None, close_fileobj=False):
        self._fileobj = fileobj
        self._close_fileobj = close_fileobj
        self._zinfo = zipinfo
        self.name = zipinfo.filename
        self.mode = mode
        self._compress_type = zipinfo.compress_type
        self._expected_crc = zipinfo.CRC
        self._crypto = None
        self._data_start = fileobj._pos if isinstance(fileobj, _SharedFile) else None
        self._pwd = pwd
        self._restart()
        if pwd is not None:
            self._start_decrypt()

    def _restart(self):
        self._decomp = _decompressor(self._compress_type)
        self._is_zlib = self._compress_type == ZIP_DEFLATED
        self._compress_left = self._zinfo.compress_size
        self._left = self._zinfo.file_size
        self._crc = 0
        self._buf = b""
        self._off = 0
        self._pos = 0
        self._eof = False
        self._tail = b""

    def _start_decrypt(self):
        self._crypto = _ZipCrypto(self._pwd)
        head = self._fileobj.read(12)
        self._compress_left -= 12
        head = self._crypto.decrypt(head)
        # the last byte of the decrypted header checks the password: the CRC's high byte, or the
        # DOS time's high byte when a data descriptor follows (the CRC was not known yet)
        if self._zinfo.flag_bits & _FLAG_DESCRIPTOR:
            check = (self._zinfo._raw_time >> 8) & 0xFF
        else:
            check = (self._zinfo.CRC >> 24) & 0xFF
        if head[11] != check:
            raise RuntimeError("Bad password for file %r" % self.name)

    def __repr__(self):
        if self.closed:
            return "<zipfile.ZipExtFile [closed]>"
        if self._compress_type == ZIP_STORED:
            return "<zipfile.ZipExtFile name=%r>" % (self.name,)
        return "<zipfile.ZipExtFile name=%r compress_type=%s>" % (
            self.name, compressor_names.get(self._compress_type, self._compress_type))

    def readable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return self._data_start is not None and self._fileobj.seekable()

    def _raw(self):
        n = min(self._compress_left, _READ_CHUNK)
        if n <= 0:
            return b""
        data = self._fileobj.read(n)
        self._compress_left -= len(data)
        if not data:
            raise EOFError
        if self._crypto is not None:
            data = self._crypto.decrypt(data)
        return data

    def _chunk(self, want):
        """The next piece of output (at most about max(want, 64 KiB) bytes); b'' at the end.
        The member ends when file_size bytes came out (then the CRC is checked)."""
        while not self._eof:
            if self._left <= 0:
                self._finish()
                break
            d = self._decomp
            if d is None:
                data = self._raw()
                if not data:
                    raise EOFError("Compressed file ended before the end-of-stream marker was reached")
            else:
                if self._is_zlib and d.unconsumed_tail:
                    raw = d.unconsumed_tail
                elif d.eof:
                    # the stream ended short of file_size: the CRC check decides
                    self._finish()
                    break
                else:
                    raw = self._raw()
                if self._is_zlib:
                    data = d.decompress(raw, max(want, _READ_CHUNK))
                else:
                    data = d.decompress(raw)
                if not raw and not data and not d.eof:
                    raise EOFError("Compressed file ended before the end-of-stream marker was reached")
            data = data[:self._left]
            self._left -= len(data)
            self._crc = zlib.crc32(data, self._crc)
            if self._left <= 0:
                # the last byte came out: check now, not on the next read
                self._finish()
            if data:
                return data
        return b""

    def _finish(self):
        self._eof = True
        if self._crc != self._expected_crc:
            raise BadZipFile("Bad CRC-32 for file %r" % self.name)

    def _fill(self, n):
        """Buffers at least n bytes (fewer only at the end)."""
        avail = len(self._buf) - self._off
        if avail >= n:
            return
        parts = [self._buf[self._off:]]
        while avail < n:
            c = self._chunk(n - avail)
            if not c:
                break
            parts.append(c)
            avail += len(c)
        self._buf = b"".join(parts)
        self._off = 0

    def _take(self, n):
        got = self._buf[self._off:self._off + n]
        self._off += len(got)
        self._pos += len(got)
        return got

    def read(self, n=-1):
        self._check_closed()
        if n is None or n < 0:
            parts = [self._buf[self._off:]]
            self._pos += len(parts[0])
            self._buf = b""
            self._off = 0
            while True:
                c = self._chunk(_READ_CHUNK)
                if not c:
                    break
                parts.append(c)
                self._pos += len(c)
            return b"".join(parts)
        self._fill(n)
        return self._take(n)

    def read1(self, n=-1):
        self._check_closed()
        if n is None or n < 0:
            n = _READ_CHUNK
        if self._off >= len(self._buf):
            self._buf = self._chunk(n)
            self._off = 0
        return self._take(n)

    def peek(self, n=1):
        self._check_closed()
        self._fill(max(n, 1))
        return self._buf[self._off:self._off + 512 if n < 512 else self._off + n]

    def readline(self, limit=-1):
        self._check_closed()
        parts = []
        total = 0
        while limit is None or limit < 0 or total < limit:
            if self._off >= len(self._buf):
                self._buf = self._chunk(_READ_CHUNK)
                self._off = 0
                if not self._buf:
                    break
            end = self._buf.find(b"\n", self._off)
            stop = len(self._buf) if end < 0 else end + 1
            if limit is not None and limit >= 0:
                stop = min(stop, self._off + limit - total)
            piece = self._take(stop - self._off)
            parts.append(piece)
            total += len(piece)
            if piece.endswith(b"\n"):
                break
        return b"".join(parts)

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, offset, whence=0):
        self._check_closed()
        if not self.seekable():
            raise io.UnsupportedOperation("underlying stream is not seekable")
        if whence == 0:
            target = offset
        elif whence == 1:
            target = self._pos + offset
        elif whence == 2:
            target = self._zinfo.file_size + offset
        else:
            raise ValueError("whence must be os.SEEK_SET (0), os.SEEK_CUR (1), or os.SEEK_END (2)")
        target = max(0, min(target, self._zinfo.file_size))
        # inside the buffer: move the offset; behind it: decompress again from the start
        buf_start = self._pos - self._off
        if buf_start <= target <= buf_start + len(self._buf):
            self._off = target - buf_start
            self._pos = target
            return target
        if target < self._pos:
            self._fileobj._pos = self._data_start
            self._restart()
            if self._pwd is not None:
                self._start_decrypt()
        while self._pos < target:
            got = self.read(min(target - self._pos, _READ_CHUNK))
            if not got:
                break
        return self._pos

    def close(self):
        if self._closed:
            return
        self._closed = True
        if self._close_fileobj:
            self._fileobj.close()


class _ZipWriteFile(io.BufferedIOBase):
    """A member opened for writing: compresses into the archive; closing it fixes the local header
    (or writes a data descriptor when the archive's file cannot seek) and registers the member."""

    def __init__(self, zf, zinfo, zip64):
        self._zf = zf
        self._zinfo = zinfo
        self._zip64 = zip64
        self._comp = _compressor(zinfo.compress_type, zinfo.compress_level)
        self._size = 0
        self._csize = 0
        self._crc = 0

    def writable(self):
        return True

    def write(self, data):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if isinstance(data, str):
            raise TypeError("memoryview: a bytes-like object is required, not 'str'")
        if isinstance(data, memoryview):
            data = data.tobytes()
        n = len(data)
        self._size += n
        self._crc = zlib.crc32(data, self._crc)
        if self._comp is not None:
            data = self._comp.compress(data)
        self._csize += len(data)
        self._zf.fp.write(data)
        return n

    def close(self):
        if self.closed:
            return
        try:
            super().close()
            if self._comp is not None:
                tail = self._comp.flush()
                self._csize += len(tail)
                self._zf.fp.write(tail)
            zi = self._zinfo
            zi.compress_size = self._csize
            zi.CRC = self._crc
            zi.file_size = self._size
            if not self._zip64:
                if self._size > ZIP64_LIMIT:
                    raise RuntimeError("File size too large, try using force_zip64")
                if self._csize > ZIP64_LIMIT:
                    raise RuntimeError("Compressed size too large, try using force_zip64")
            if zi.flag_bits & _FLAG_DESCRIPTOR:
                fmt = "<4sLQQ" if self._zip64 else "<4sLLL"
                self._zf.fp.write(struct.pack(fmt, _DD_SIG, zi.CRC, zi.compress_size, zi.file_size))
                self._zf.start_dir = self._zf.fp.tell()
            else:
                end = self._zf.fp.tell()
                self._zf.fp.seek(zi.header_offset)
                self._zf.fp.write(zi.FileHeader(self._zip64))
                self._zf.fp.seek(end)
                self._zf.start_dir = end
            self._zf._add_member(zi)
        finally:
            self._zf._writing = False


class _Tellable:
    """Counts the bytes written to a file object that cannot tell()."""

    def __init__(self, fp):
        self.fp = fp
        self.offset = 0

    def write(self, data):
        n = self.fp.write(data)
        self.offset += len(data)
        return n

    def tell(self):
        return self.offset

    def flush(self):
        self.fp.flush()

    def close(self):
        self.fp.close()


class ZipFile:
    """A ZIP archive opened for reading ('r'), writing a new one ('w', 'x') or adding to one ('a')."""

    fp = None
    _windows_illegal_name_trans_table = None

    def __init__(self, file, mode="r", compression=ZIP_STORED, allowZip64=True, compresslevel=None, *,
                 strict_timestamps=True, metadata_encoding=None):
        if mode not in ("r", "w", "x", "a"):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_compression(compression)
        self._allowZip64 = allowZip64
        self._didModify = False
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.compression = compression
        self.compresslevel = compresslevel
        self.mode = mode
        self.pwd = None
        self._comment = b""
        self._strict_timestamps = strict_timestamps
        self.metadata_encoding = metadata_encoding
        self._writing = False
        self._seekable = True
        if metadata_encoding and mode != "r":
            raise ValueError("metadata_encoding is only supported for reading files")
        if isinstance(file, os.PathLike):
            file = os.fspath(file)
        if isinstance(file, str):
            self._filePassed = 0
            self.filename = file
            open_mode = {"r": "rb", "w": "w+b", "x": "x+b", "a": "r+b"}[mode]
            try:
                self.fp = io.open(file, open_mode)
            except FileNotFoundError:
                if mode != "a":
                    raise
                mode = self.mode = "w"
                self.fp = io.open(file, "w+b")
        else:
            self._filePassed = 1
            self.fp = file
            self.filename = getattr(file, "name", None)
        self._fileRefCnt = 1
        try:
            if mode == "r":
                self._read_directory()
            elif mode in ("w", "x"):
                self._didModify = True
                try:
                    self.start_dir = self.fp.tell()
                except (AttributeError, OSError):
                    self.fp = _Tellable(self.fp)
                    self.start_dir = 0
                    self._seekable = False
                else:
                    try:
                        self.fp.seek(self.start_dir)
                    except (AttributeError, OSError):
                        self._seekable = False
            else:
                try:
                    self._read_directory()
                    # new members overwrite the old central directory
                    self.fp.seek(self.start_dir)
                except BadZipFile:
                    # not an archive: append one after whatever it holds
                    self.fp.seek(0, 2)
                    self._didModify = True
                    self.start_dir = self.fp.tell()
        except:
            fp = self.fp
            self.fp = None
            self._fpclose(fp)
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        r = ["<%s.%s" % (type(self).__module__, type(self).__qualname__)]
        if self.fp is not None:
            if self._filePassed:
                r.append(" file=%r" % self.fp)
            elif self.filename is not None:
                r.append(" filename=%r" % self.filename)
            r.append(" mode=%r" % self.mode)
        else:
            r.append(" [closed]")
        r.append(">")
        return "".join(r)

    def _read_directory(self):
        fp = self.fp
        try:
            rec = _end_record(fp)
        except OSError:
            raise BadZipFile("File is not a zip file")
        if rec is None:
            raise BadZipFile("File is not a zip file")
        size_cd, offset_cd = rec[5], rec[6]
        self._comment = rec[8]
        # where the directory really is minus where the record says: the size of any prefix
        concat = rec[9] - size_cd - offset_cd
        if concat < 0:
            raise BadZipFile("Bad offset for central directory")
        self.start_dir = offset_cd + concat
        fp.seek(self.start_dir)
        data = fp.read(size_cd)
        i = 0
        while i < size_cd:
            rec = data[i:i + _CDIR.size]
            if len(rec) != _CDIR.size or rec[:4] != _CDIR_SIG:
                raise BadZipFile("Bad magic number for central directory")
            f = _CDIR.unpack(rec)
            i += _CDIR.size
            name_len, extra_len, comment_len = f[12], f[13], f[14]
            raw_name = data[i:i + name_len]
            i += name_len
            flags = f[5]
            if flags & _FLAG_UTF8:
                name = raw_name.decode("utf-8")
            elif self.metadata_encoding:
                name = raw_name.decode(self.metadata_encoding)
            else:
                name = _decode_cp437(raw_name)
            x = ZipInfo(name)
            x.extra = data[i:i + extra_len]
            i += extra_len
            x.comment = data[i:i + comment_len]
            i += comment_len
            x.header_offset = f[18]
            (x.create_version, x.create_system, x.extract_version, x.reserved, x.flag_bits, x.compress_type,
             t, d, x.CRC, x.compress_size, x.file_size) = f[1:12]
            if x.extract_version > MAX_EXTRACT_VERSION:
                raise NotImplementedError("zip file version %.1f" % (x.extract_version / 10))
            x.volume, x.internal_attr, x.external_attr = f[15:18]
            x._raw_time = t
            x.date_time = ((d >> 9) + 1980, (d >> 5) & 0xF, d & 0x1F, t >> 11, (t >> 5) & 0x3F, (t & 0x1F) * 2)
            x._decode_extra()
            x.header_offset += concat
            self.filelist.append(x)
            self.NameToInfo[x.filename] = x

    def namelist(self):
        return [zi.filename for zi in self.filelist]

    def infolist(self):
        return self.filelist

    def printdir(self, file=None):
        print("%-46s %19s %12s" % ("File Name", "Modified    ", "Size"), file=file)
        for zi in self.filelist:
            date = "%d-%02d-%02d %02d:%02d:%02d" % zi.date_time[:6]
            print("%-46s %s %12d" % (zi.filename, date, zi.file_size), file=file)

    def testzip(self):
        """The name of the first member whose data is bad, or None."""
        for zi in self.filelist:
            try:
                with self.open(zi, "r") as f:
                    while f.read(1 << 20):
                        pass
            except BadZipFile:
                return zi.filename
        return None

    def getinfo(self, name):
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError("There is no item named %r in the archive" % name)
        return info

    def setpassword(self, pwd):
        if pwd and not isinstance(pwd, bytes):
            raise TypeError("pwd: expected bytes, got %s" % type(pwd).__name__)
        self.pwd = pwd or None

    @property
    def comment(self):
        return self._comment

    @comment.setter
    def comment(self, comment):
        if not isinstance(comment, bytes):
            raise TypeError("comment: expected bytes, got %s" % type(comment).__name__)
        if len(comment) > ZIP_MAX_COMMENT:
            warnings.warn("Archive comment is too long; truncating to %d bytes" % ZIP_MAX_COMMENT, stacklevel=2)
            comment = comment[:ZIP_MAX_COMMENT]
        self._comment = comment
        self._didModify = True

    def read(self, name, pwd=None):
        with self.open(name, "r", pwd) as f:
            return f.read()

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        if mode not in ("r", "w"):
            raise ValueError('open() requires mode "r" or "w"')
        if pwd and mode == "w":
            raise ValueError("pwd is only supported for reading files")
        if pwd and not isinstance(pwd, bytes):
            raise TypeError("pwd: expected bytes, got %s" % type(pwd).__name__)
        if not self.fp:
            raise ValueError("Attempt to use ZIP archive that was already closed")
        if isinstance(name, ZipInfo):
            zinfo = name
        elif mode == "w":
            zinfo = ZipInfo(name)
            zinfo.compress_type = self.compression
            zinfo.compress_level = self.compresslevel
        else:
            zinfo = self.getinfo(name)
        if mode == "w":
            return self._open_to_write(zinfo, force_zip64)
        if self._writing:
            raise ValueError("Can't read from the ZIP file while there is an open writing handle on it. "
                             "Close the writing handle before trying to read.")
        self._fileRefCnt += 1
        shared = _SharedFile(self, zinfo.header_offset)
        try:
            head = shared.read(_LOCAL.size)
            if len(head) != _LOCAL.size:
                raise BadZipFile("Truncated file header")
            f = _LOCAL.unpack(head)
            if f[0] != _LOCAL_SIG:
                raise BadZipFile("Bad magic number for file header")
            raw_name = shared.read(f[10])
            if f[11]:
                shared.read(f[11])
            if zinfo.flag_bits & _FLAG_PATCHED:
                raise NotImplementedError("compressed patched data (flag bit 5)")
            if zinfo.flag_bits & _FLAG_STRONG:
                raise NotImplementedError("strong encryption (flag bit 6)")
            if f[3] & _FLAG_UTF8:
                hname = raw_name.decode("utf-8")
            elif self.metadata_encoding:
                hname = raw_name.decode(self.metadata_encoding)
            else:
                hname = _decode_cp437(raw_name)
            if hname != zinfo.orig_filename:
                raise BadZipFile("File name in directory %r and header %r differ." % (zinfo.orig_filename, raw_name))
            if zinfo.flag_bits & _FLAG_ENCRYPTED:
                pwd = pwd or self.pwd
                if not pwd:
                    raise RuntimeError("File %r is encrypted, password required for extraction" % name)
            else:
                pwd = None
            return ZipExtFile(shared, mode, zinfo, pwd, True)
        except:
            shared.close()
            raise

    def _open_to_write(self, zinfo, force_zip64):
        if force_zip64 and not self._allowZip64:
            raise ValueError("force_zip64 is True, but allowZip64 was False when opening the ZIP file.")
        if self._writing:
            raise ValueError("Can't write to the ZIP file while there is another write handle open on it. "
                             "Close the first handle before opening another.")
        self._check_writable()
        zinfo.compress_size = 0
        zinfo.CRC = 0
        zinfo.flag_bits = 0x00
        if zinfo.compress_type == ZIP_LZMA:
            zinfo.flag_bits |= 0x02     # the LZMA stream has an end marker
        if not self._seekable:
            zinfo.flag_bits |= _FLAG_DESCRIPTOR
        if not zinfo.external_attr:
            zinfo.external_attr = 0o600 << 16
        # a member that may grow past 2 GiB gets its ZIP64 block now: the header cannot grow later
        zip64 = force_zip64 or zinfo.file_size * 1.05 > ZIP64_LIMIT
        if not self._allowZip64 and zip64:
            raise LargeZipFile("Filesize would require ZIP64 extensions")
        if self._seekable:
            self.fp.seek(self.start_dir)
        zinfo.header_offset = self.fp.tell()
        self._write_check_name(zinfo)
        self._didModify = True
        self.fp.write(zinfo.FileHeader(zip64))
        self._writing = True
        return _ZipWriteFile(self, zinfo, zip64)

    def _check_writable(self):
        if self.mode not in ("w", "x", "a"):
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")

    def _write_check_name(self, zinfo):
        if zinfo.filename in self.NameToInfo:
            warnings.warn("Duplicate name: %r" % zinfo.filename, stacklevel=3)
        _check_compression(zinfo.compress_type)
        if not self._allowZip64:
            if len(self.filelist) >= ZIP_FILECOUNT_LIMIT:
                raise LargeZipFile("Files count would require ZIP64 extensions")
            if zinfo.file_size > ZIP64_LIMIT:
                raise LargeZipFile("Filesize would require ZIP64 extensions")
            if zinfo.header_offset > ZIP64_LIMIT:
                raise LargeZipFile("Zipfile size would require ZIP64 extensions")

    def _add_member(self, zinfo):
        self.filelist.append(zinfo)
        self.NameToInfo[zinfo.filename] = zinfo

    def _write_dir_entry(self, zinfo):
        """A directory member: a header and no data."""
        zinfo.compress_size = 0
        zinfo.CRC = 0
        zinfo.file_size = 0
        if self._seekable:
            self.fp.seek(self.start_dir)
        zinfo.header_offset = self.fp.tell()
        if zinfo.compress_type == ZIP_LZMA:
            zinfo.flag_bits |= 0x02
        self._write_check_name(zinfo)
        self._didModify = True
        self.fp.write(zinfo.FileHeader(False))
        self.start_dir = self.fp.tell()
        self._add_member(zinfo)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        """Adds the file or (empty) directory filename as arcname."""
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists")
        self._check_writable()
        zinfo = ZipInfo.from_file(filename, arcname, strict_timestamps=self._strict_timestamps)
        if zinfo.is_dir():
            zinfo.compress_size = 0
            zinfo.CRC = 0
            self._write_dir_entry(zinfo)
            return
        zinfo.compress_type = self.compression if compress_type is None else compress_type
        zinfo.compress_level = self.compresslevel if compresslevel is None else compresslevel
        with open(filename, "rb") as src, self.open(zinfo, "w") as dest:
            shutil.copyfileobj(src, dest, 1024 * 8)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        """Adds data (bytes, or str stored as UTF-8) as a member."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = ZipInfo(zinfo_or_arcname, date_time=time.localtime(time.time())[:6])
            zinfo.compress_type = self.compression
            zinfo.compress_level = self.compresslevel
            if zinfo.filename.endswith("/"):
                zinfo.external_attr = 0o40775 << 16
                zinfo.external_attr |= 0x10
            else:
                zinfo.external_attr = 0o600 << 16
        else:
            zinfo = zinfo_or_arcname
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists.")
        if compress_type is not None:
            zinfo.compress_type = compress_type
        if compresslevel is not None:
            zinfo.compress_level = compresslevel
        zinfo.file_size = len(data)
        with self.open(zinfo, "w") as dest:
            dest.write(data)

    def mkdir(self, zinfo_or_directory_name, mode=511):
        """Adds a directory member."""
        if isinstance(zinfo_or_directory_name, ZipInfo):
            zinfo = zinfo_or_directory_name
            if not zinfo.is_dir():
                raise ValueError("The given ZipInfo does not describe a directory")
        elif isinstance(zinfo_or_directory_name, str):
            name = zinfo_or_directory_name
            if not name.endswith("/"):
                name += "/"
            zinfo = ZipInfo(name)
            zinfo.external_attr = ((0o40000 | mode) & 0xFFFF) << 16
            zinfo.external_attr |= 0x10
        else:
            raise TypeError("Expected type str or ZipInfo")
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists.")
        self._check_writable()
        self._write_dir_entry(zinfo)

    def extract(self, member, path=None, pwd=None):
        """Extracts member under path (the current directory by default); returns the file's path."""
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        return self._extract_member(member, path, pwd)

    def extractall(self, path=None, members=None, pwd=None):
        if members is None:
            members = self.namelist()
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        for m in members:
            self._extract_member(m, path, pwd)

    @staticmethod
    def _safe_relpath(name):
        """The member name as a relative path that stays inside the target: no drive, and no empty,
        '.' or '..' components."""
        name = name.replace("/", os.sep)
        if os.altsep:
            name = name.replace(os.altsep, os.sep)
        name = os.path.splitdrive(name)[1]
        keep = [p for p in name.split(os.sep) if p not in ("", os.curdir, os.pardir)]
        return os.sep.join(keep)

    def _extract_member(self, member, targetpath, pwd):
        if not isinstance(member, ZipInfo):
            member = self.getinfo(member)
        relpath = self._safe_relpath(member.filename)
        if not relpath:
            raise ValueError("Empty filename.")
        target = os.path.normpath(os.path.join(targetpath, relpath))
        parent = os.path.dirname(target)
        if parent and not os.path.exists(parent):
            os.makedirs(parent)
        if member.is_dir():
            if not os.path.isdir(target):
                os.mkdir(target)
            return target
        with self.open(member, pwd=pwd) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
        return target

    def _write_directory(self):
        fp = self.fp
        if self._seekable:
            fp.seek(self.start_dir)
        start = fp.tell()
        for zi in self.filelist:
            dosdate, dostime = _dos_datetime(zi.date_time)
            big = []
            file_size, compress_size, header_offset = zi.file_size, zi.compress_size, zi.header_offset
            if file_size > ZIP64_LIMIT or compress_size > ZIP64_LIMIT:
                big += [file_size, compress_size]
                file_size = compress_size = 0xFFFFFFFF
            if header_offset > ZIP64_LIMIT:
                big.append(header_offset)
                header_offset = 0xFFFFFFFF
            extra = zi.extra
            min_version = 0
            if big:
                extra = struct.pack("<HH" + "Q" * len(big), _EXTRA_ZIP64, 8 * len(big), *big) + _strip_zip64_extra(extra)
                min_version = ZIP64_VERSION
            if zi.compress_type == ZIP_BZIP2:
                min_version = max(BZIP2_VERSION, min_version)
            elif zi.compress_type == ZIP_LZMA:
                min_version = max(LZMA_VERSION, min_version)
            extract_version = max(min_version, zi.extract_version)
            create_version = max(min_version, zi.create_version)
            name, flags = zi._encoded_name()
            fp.write(_CDIR.pack(_CDIR_SIG, create_version, zi.create_system, extract_version, zi.reserved,
                                flags, zi.compress_type, dostime, dosdate, zi.CRC, compress_size, file_size,
                                len(name), len(extra), len(zi.comment), 0, zi.internal_attr, zi.external_attr,
                                header_offset))
            fp.write(name)
            fp.write(extra)
            fp.write(zi.comment)
        end = fp.tell()
        count = len(self.filelist)
        size = end - start
        offset = start
        if count > ZIP_FILECOUNT_LIMIT or size > ZIP64_LIMIT or offset > ZIP64_LIMIT:
            if not self._allowZip64:
                if count > ZIP_FILECOUNT_LIMIT:
                    raise LargeZipFile("Files count would require ZIP64 extensions")
                raise LargeZipFile("Central directory offset would require ZIP64 extensions")
            fp.write(_END64.pack(_END64_SIG, 44, 45, 45, 0, 0, count, count, size, offset))
            fp.write(_LOC64.pack(_LOC64_SIG, 0, end, 1))
            count = min(count, 0xFFFF)
            size = min(size, 0xFFFFFFFF)
            offset = min(offset, 0xFFFFFFFF)
        fp.write(_END.pack(_END_SIG, 0, 0, count, count, size, offset, len(self._comment)))
        fp.write(self._comment)
        if self.mode == "a" and hasattr(fp, "truncate"):
            fp.truncate()
        fp.flush()

    def close(self):
        if self.fp is None:
            return
        if self._writing:
            raise ValueError("Can't close the ZIP file while there is an open writing handle on it. "
                             "Close the writing handle before closing the zip.")
        try:
            if self.mode in ("w", "x", "a") and self._didModify:
                self._write_directory()
        finally:
            fp = self.fp
            self.fp = None
            self._fpclose(fp)

    def _fpclose(self, fp):
        # the file stays open while a member opened for reading still uses it
        self._fileRefCnt -= 1
        if self._fileRefCnt == 0 and not self._filePassed and fp is not None:
            fp.close()


class PyZipFile(ZipFile):
    """Not supported: Krait does not write .pyc files."""

    def writepy(self, pathname, basename="", filterfunc=None):
        raise NotImplementedError("PyZipFile.writepy: Krait has no .pyc files to archive")


class Path:
    """A path inside an archive, in the style of pathlib (zipfile.Path): name, parent, joining with
    /, iterdir, is_dir/is_file/exists, open/read_text/read_bytes."""

    def __init__(self, root, at=""):
        if not isinstance(root, ZipFile):
            root = ZipFile(root)
        self.root = root
        self.at = at

    def _names(self):
        names = set(self.root.namelist())
        # directories only implied by their members' names count too
        for n in list(names):
            parts = n.rstrip("/").split("/")
            for i in range(1, len(parts)):
                names.add("/".join(parts[:i]) + "/")
        return names

    def _next(self, at):
        return Path(self.root, at)

    @property
    def name(self):
        return self.at.rstrip("/").split("/")[-1] if self.at else os.path.basename(self.root.filename or "")

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        return name[i:] if 0 < i < len(name) - 1 else ""

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        return name[:i] if 0 < i < len(name) - 1 else name

    @property
    def filename(self):
        return os.path.join(self.root.filename or "", self.at)

    @property
    def parent(self):
        if not self.at:
            return Path(self.root, "")
        parts = self.at.rstrip("/").split("/")[:-1]
        return self._next("/".join(parts) + "/" if parts else "")

    def is_dir(self):
        return not self.at or (self.at.endswith("/") and self.at in self._names())

    def is_file(self):
        return self.exists() and not self.is_dir()

    def exists(self):
        return not self.at or self.at in self._names()

    def iterdir(self):
        if not self.is_dir():
            raise ValueError("Can't listdir a file")
        out = []
        for n in sorted(self._names()):
            if n == self.at or not n.startswith(self.at):
                continue
            rest = n[len(self.at):].rstrip("/")
            if rest and "/" not in rest:
                out.append(self._next(n))
        return iter(out)

    def joinpath(self, *others):
        at = self.at
        for o in others:
            at = at + o if at.endswith("/") or not at else at + "/" + o
        names = self._names()
        if at not in names and at + "/" in names:
            at += "/"
        return self._next(at)

    __truediv__ = joinpath

    def open(self, mode="r", *args, pwd=None, **kwargs):
        if self.is_dir():
            raise IsADirectoryError(self)
        zmode = mode[0]
        if zmode == "r" and not self.exists():
            raise FileNotFoundError(self)
        stream = self.root.open(self.at, zmode, pwd=pwd)
        if "b" in mode:
            if args or kwargs:
                raise ValueError("encoding args invalid for binary operation")
            return stream
        return io.TextIOWrapper(stream, *args, **kwargs)

    def read_text(self, encoding="utf-8", errors="strict"):
        with self.root.open(self.at) as f:
            return f.read().decode(encoding, errors)

    def read_bytes(self):
        with self.root.open(self.at) as f:
            return f.read()

    def __str__(self):
        return os.path.join(self.root.filename or "", self.at).replace(os.sep, "/")

    def __repr__(self):
        return "Path(%r, %r)" % (self.root.filename, self.at)

    def __eq__(self, other):
        if type(other) is not Path:
            return NotImplemented
        return (self.root, self.at) == (other.root, other.at)

    def __hash__(self):
        return hash((id(self.root), self.at))
