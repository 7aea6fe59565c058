"""tarfile: read and write tar archives (POSIX.1-1988 ustar, GNU and POSIX.1-2001 pax formats),
plain or through gzip (bz2 and xz when those modules import).

An archive is a sequence of 512-byte blocks: each member is a header block (name, mode, ids, size,
mtime, checksum, type, link name, user and group names, device numbers, and for ustar a name
prefix), then its data padded to a whole block. Two zero blocks end it, and writers pad the file to
a multiple of the record size (20 blocks). Numbers are octal text; GNU writes values that do not fit
as big-endian base-256 with the high bit set. Long names: GNU puts them in a pseudo-member of type 'L'
(name) or 'K' (link) just before; pax in an extended header member of type 'x' (records
"LEN key=value\\n") that overrides the next header's fields, or of type 'g' for every later member.

Extraction takes a filter (Python 3.12+): 'fully_trusted' keeps everything, 'tar' drops leading
slashes, refuses paths that leave the destination and clears high mode bits and group/other write,
'data' also refuses links that leave the destination and special files, ignores owners and
normalises modes.
"""

import copy
import gzip
import io
import os
import shutil
import stat
import struct
import sys
import time
import warnings

__all__ = ["TarFile", "TarInfo", "is_tarfile", "TarError", "ReadError", "CompressionError", "StreamError",
           "ExtractError", "HeaderError", "ENCODING", "USTAR_FORMAT", "GNU_FORMAT", "PAX_FORMAT",
           "DEFAULT_FORMAT", "open", "fully_trusted_filter", "data_filter", "tar_filter", "FilterError",
           "AbsoluteLinkError", "OutsideDestinationError", "SpecialFileError", "AbsolutePathError",
           "LinkOutsideDestinationError"]

NUL = b"\0"
BLOCKSIZE = 512
RECORDSIZE = BLOCKSIZE * 20
GNU_MAGIC = b"ustar  \0"
POSIX_MAGIC = b"ustar\x0000"

LENGTH_NAME = 100
LENGTH_LINK = 100
LENGTH_PREFIX = 155

REGTYPE = b"0"
AREGTYPE = b"\0"
LNKTYPE = b"1"
SYMTYPE = b"2"
CHRTYPE = b"3"
BLKTYPE = b"4"
DIRTYPE = b"5"
FIFOTYPE = b"6"
CONTTYPE = b"7"
GNUTYPE_LONGNAME = b"L"
GNUTYPE_LONGLINK = b"K"
GNUTYPE_SPARSE = b"S"
XHDTYPE = b"x"
XGLTYPE = b"g"
SOLARIS_XHDTYPE = b"X"

USTAR_FORMAT = 0
GNU_FORMAT = 1
PAX_FORMAT = 2
DEFAULT_FORMAT = PAX_FORMAT

SUPPORTED_TYPES = (REGTYPE, AREGTYPE, LNKTYPE, SYMTYPE, DIRTYPE, FIFOTYPE, CONTTYPE, CHRTYPE, BLKTYPE,
                   GNUTYPE_LONGNAME, GNUTYPE_LONGLINK, GNUTYPE_SPARSE)
REGULAR_TYPES = (REGTYPE, AREGTYPE, CONTTYPE, GNUTYPE_SPARSE)
GNU_TYPES = (GNUTYPE_LONGNAME, GNUTYPE_LONGLINK, GNUTYPE_SPARSE)
PAX_FIELDS = ("path", "linkpath", "size", "mtime", "uid", "gid", "uname", "gname")
PAX_NAME_FIELDS = {"path", "linkpath", "uname", "gname"}
PAX_NUMBER_FIELDS = {"atime": float, "ctime": float, "mtime": float, "uid": int, "gid": int, "size": int}

ENCODING = "utf-8"

# header layout: (field, offset, length)
_FIELDS = (("name", 0, 100), ("mode", 100, 8), ("uid", 108, 8), ("gid", 116, 8), ("size", 124, 12),
           ("mtime", 136, 12), ("chksum", 148, 8), ("type", 156, 1), ("linkname", 157, 100),
           ("magic", 257, 8), ("uname", 265, 32), ("gname", 297, 32), ("devmajor", 329, 8),
           ("devminor", 337, 8), ("prefix", 345, 155))


class TarError(Exception):
    pass


class ExtractError(TarError):
    pass


class ReadError(TarError):
    pass


class CompressionError(TarError):
    pass


class StreamError(TarError):
    pass


class HeaderError(TarError):
    pass


class EmptyHeaderError(HeaderError):
    pass


class TruncatedHeaderError(HeaderError):
    pass


class EOFHeaderError(HeaderError):
    pass


class InvalidHeaderError(HeaderError):
    pass


class SubsequentHeaderError(HeaderError):
    pass


class FilterError(TarError):
    pass


class AbsolutePathError(FilterError):
    def __init__(self, tarinfo):
        self.tarinfo = tarinfo
        super().__init__(f"member {tarinfo.name!r} has an absolute path")


class OutsideDestinationError(FilterError):
    def __init__(self, tarinfo, path):
        self.tarinfo = tarinfo
        self._path = path
        super().__init__(f"{tarinfo.name!r} would be extracted to {path!r}, which is outside the destination")


class SpecialFileError(FilterError):
    def __init__(self, tarinfo):
        self.tarinfo = tarinfo
        super().__init__(f"{tarinfo.name!r} is a special file")


class AbsoluteLinkError(FilterError):
    def __init__(self, tarinfo):
        self.tarinfo = tarinfo
        super().__init__(f"{tarinfo.name!r} is a link to an absolute path")


class LinkOutsideDestinationError(FilterError):
    def __init__(self, tarinfo, path):
        self.tarinfo = tarinfo
        self._path = path
        super().__init__(f"{tarinfo.name!r} would link to {path!r}, which is outside the destination")


# ---- field encodings ----

def stn(s, length, encoding, errors):
    """A str as a NUL-padded field of length bytes (cut if longer)."""
    if s is None:
        raise ValueError("metadata cannot contain None")
    b = s.encode(encoding, errors)
    return b[:length] + (length - len(b)) * NUL


def nts(b, encoding, errors):
    """A NUL-terminated field as str."""
    p = b.find(NUL)
    if p >= 0:
        b = b[:p]
    return b.decode(encoding, errors)


def nti(b):
    """A number field: octal digits (NUL/space padded) or GNU base-256 (first byte 0x80 positive,
    0xff negative)."""
    if b and b[0] in (0x80, 0xFF):
        n = 0
        for c in b[1:]:
            n = (n << 8) | c
        if b[0] == 0xFF:
            n -= 256 ** (len(b) - 1)
        return n
    s = b.split(NUL, 1)[0].strip(b" ")
    if not s:
        return 0
    try:
        return int(s.decode("ascii"), 8)
    except (ValueError, UnicodeDecodeError):
        raise InvalidHeaderError("invalid header")


def itn(n, digits=8, format=DEFAULT_FORMAT):
    """n as a number field of digits bytes: octal when it fits, else base-256 (GNU and pax only)."""
    try:
        n = round(n) if isinstance(n, float) else int(n)
    except (ValueError, OverflowError):
        raise ValueError("overflow in number field")
    if 0 <= n < 8 ** (digits - 1):
        return ("%0*o" % (digits - 1, n)).encode("ascii") + NUL
    if format == GNU_FORMAT and -256 ** (digits - 1) <= n < 256 ** (digits - 1):
        lead = 0x80 if n >= 0 else 0xFF
        if n < 0:
            n += 256 ** (digits - 1)
        body = n.to_bytes(digits - 1, "big")
        return bytes((lead,)) + body
    raise ValueError("overflow in number field")


def calc_chksums(buf):
    """The unsigned and signed sums of the header with its checksum field counted as spaces."""
    unsigned = 256 + sum(buf[:148]) + sum(buf[156:512])
    signed = 256 + sum(struct.unpack_from("148b", buf, 0)) + sum(struct.unpack_from("356b", buf, 156))
    return unsigned, signed


def copyfileobj(src, dst, length=None, exception=OSError, bufsize=None):
    """Copies length bytes (all when None) from src to dst; raises exception if src ends early."""
    bufsize = bufsize or 16 * 1024
    if length == 0:
        return
    if length is None:
        shutil.copyfileobj(src, dst, bufsize)
        return
    left = length
    while left > 0:
        buf = src.read(min(bufsize, left))
        if len(buf) == 0:
            raise exception("unexpected end of data")
        dst.write(buf)
        left -= len(buf)


def filemode(mode):
    return stat.filemode(mode)


# ---- member header ----

_KEEP = object()


class TarInfo:
    """One member's metadata. Directory names are kept without their trailing slash."""

    __slots__ = ("name", "mode", "uid", "gid", "size", "mtime", "chksum", "type", "linkname", "uname",
                 "gname", "devmajor", "devminor", "offset", "offset_data", "pax_headers", "sparse",
                 "_link_target")

    def __init__(self, name=""):
        self.name = name
        self.mode = 0o644
        self.uid = 0
        self.gid = 0
        self.size = 0
        self.mtime = 0
        self.chksum = 0
        self.type = REGTYPE
        self.linkname = ""
        self.uname = ""
        self.gname = ""
        self.devmajor = 0
        self.devminor = 0
        self.offset = 0
        self.offset_data = 0
        self.sparse = None
        self.pax_headers = {}
        self._link_target = None

    @property
    def tarfile(self):
        return None

    @property
    def path(self):
        return self.name

    @path.setter
    def path(self, name):
        self.name = name

    @property
    def linkpath(self):
        return self.linkname

    @linkpath.setter
    def linkpath(self, linkname):
        self.linkname = linkname

    def __repr__(self):
        return "<%s %r at %#x>" % (self.__class__.__name__, self.name, id(self))

    def replace(self, *, name=_KEEP, mtime=_KEEP, mode=_KEEP, linkname=_KEEP, uid=_KEEP, gid=_KEEP,
                uname=_KEEP, gname=_KEEP, deep=True):
        """A copy with the given attributes changed."""
        result = copy.deepcopy(self) if deep else copy.copy(self)
        for attr, value in (("name", name), ("mtime", mtime), ("mode", mode), ("linkname", linkname),
                            ("uid", uid), ("gid", gid), ("uname", uname), ("gname", gname)):
            if value is not _KEEP:
                setattr(result, attr, value)
        return result

    def __copy__(self):
        other = TarInfo.__new__(type(self))
        for k in TarInfo.__slots__:
            if hasattr(self, k):
                setattr(other, k, getattr(self, k))
        other.pax_headers = dict(self.pax_headers)
        return other

    def __deepcopy__(self, memo):
        other = self.__copy__()
        other.pax_headers = copy.deepcopy(self.pax_headers, memo)
        return other

    def get_info(self):
        mode = None if self.mode is None else self.mode & 0o7777
        info = {"name": self.name, "mode": mode, "uid": self.uid, "gid": self.gid, "size": self.size,
                "mtime": self.mtime, "chksum": self.chksum, "type": self.type, "linkname": self.linkname,
                "uname": self.uname, "gname": self.gname, "devmajor": self.devmajor,
                "devminor": self.devminor}
        if info["type"] == DIRTYPE and not info["name"].endswith("/"):
            info["name"] += "/"
        return info

    def tobuf(self, format=DEFAULT_FORMAT, encoding=ENCODING, errors="surrogateescape"):
        info = self.get_info()
        for name, value in info.items():
            if value is None:
                raise ValueError("%s may not be None" % name)
        if format == USTAR_FORMAT:
            return self._ustar_header(info, encoding, errors)
        if format == GNU_FORMAT:
            return self._gnu_header(info, encoding, errors)
        if format == PAX_FORMAT:
            return self._pax_header(info, encoding)
        raise ValueError("invalid format")

    def _ustar_header(self, info, encoding, errors):
        info["magic"] = POSIX_MAGIC
        if len(info["linkname"].encode(encoding, errors)) > LENGTH_LINK:
            raise ValueError("linkname is too long")
        if len(info["name"].encode(encoding, errors)) > LENGTH_NAME:
            info["prefix"], info["name"] = self._split_name(info["name"], encoding, errors)
        return self._header(info, USTAR_FORMAT, encoding, errors)

    @staticmethod
    def _split_name(name, encoding, errors):
        """(prefix, name) for ustar: the longest prefix up to a slash that fits 155 bytes and leaves
        a name part of at most 100."""
        parts = name.split("/")
        for i in range(1, len(parts)):
            prefix = "/".join(parts[:i])
            rest = "/".join(parts[i:])
            if (len(prefix.encode(encoding, errors)) <= LENGTH_PREFIX
                    and len(rest.encode(encoding, errors)) <= LENGTH_NAME and rest):
                return prefix, rest
        raise ValueError("name is too long")

    def _gnu_header(self, info, encoding, errors):
        info["magic"] = GNU_MAGIC
        buf = b""
        if len(info["linkname"].encode(encoding, errors)) > LENGTH_LINK:
            buf += self._long_member(info["linkname"], GNUTYPE_LONGLINK, encoding, errors)
        if len(info["name"].encode(encoding, errors)) > LENGTH_NAME:
            buf += self._long_member(info["name"], GNUTYPE_LONGNAME, encoding, errors)
        return buf + self._header(info, GNU_FORMAT, encoding, errors)

    def _pax_header(self, info, encoding):
        info["magic"] = POSIX_MAGIC
        pax = dict(self.pax_headers)
        # text fields that are not ASCII or too long go to the pax header
        for field, key, limit in (("name", "path", LENGTH_NAME), ("linkname", "linkpath", LENGTH_LINK),
                                  ("uname", "uname", 32), ("gname", "gname", 32)):
            if key in pax:
                continue
            value = info[field]
            if not value.isascii() or len(value) > limit:
                pax[key] = value
        # numbers that do not fit in octal (and a fractional mtime)
        for field, digits in (("uid", 8), ("gid", 8), ("size", 12), ("mtime", 12)):
            value = info[field]
            fits = 0 <= value < 8 ** (digits - 1)
            if field in pax or not fits or isinstance(value, float):
                if field not in pax:
                    pax[field] = str(value)
                if not fits:
                    info[field] = 0
        buf = self._pax_member(pax, XHDTYPE, encoding) if pax else b""
        return buf + self._header(info, USTAR_FORMAT, "ascii", "replace")

    @classmethod
    def create_pax_global_header(cls, pax_headers):
        return cls._pax_member(pax_headers, XGLTYPE, "utf-8")

    @staticmethod
    def _pax_records(pax_headers):
        out = []
        for key, value in pax_headers.items():
            body = b" " + key.encode("utf-8") + b"=" + str(value).encode("utf-8") + b"\n"
            # the length counts its own digits: grow it until it is stable
            n = len(body) + 1
            while len(str(n)) + len(body) != n:
                n = len(str(n)) + len(body)
            out.append(str(n).encode("ascii") + body)
        return b"".join(out)

    @classmethod
    def _pax_member(cls, pax_headers, type, encoding):
        data = cls._pax_records(pax_headers)
        info = {"name": "././@PaxHeader", "type": type, "size": len(data), "magic": POSIX_MAGIC}
        return cls._header(info, USTAR_FORMAT, "ascii", "replace") + cls._padded(data)

    @classmethod
    def _long_member(cls, name, type, encoding, errors):
        data = name.encode(encoding, errors) + NUL
        info = {"name": "././@LongLink", "type": type, "size": len(data), "magic": GNU_MAGIC}
        return cls._header(info, USTAR_FORMAT, encoding, errors) + cls._padded(data)

    @staticmethod
    def _padded(data):
        blocks, rest = divmod(len(data), BLOCKSIZE)
        return data + (BLOCKSIZE - rest) * NUL if rest else data

    @staticmethod
    def _header(info, format, encoding, errors):
        devmajor = info.get("devmajor", 0)
        devminor = info.get("devminor", 0)
        if info.get("type", REGTYPE) not in (CHRTYPE, BLKTYPE):
            devmajor = devminor = None
        parts = [
            stn(info.get("name", ""), 100, encoding, errors),
            itn(info.get("mode", 0) & 0o7777, 8, format),
            itn(info.get("uid", 0), 8, format),
            itn(info.get("gid", 0), 8, format),
            itn(info.get("size", 0), 12, format),
            itn(info.get("mtime", 0), 12, format),
            b"        ",
            info.get("type", REGTYPE),
            stn(info.get("linkname", ""), 100, encoding, errors),
            info.get("magic", POSIX_MAGIC),
            stn(info.get("uname", ""), 32, encoding, errors),
            stn(info.get("gname", ""), 32, encoding, errors),
            itn(devmajor, 8, format) if devmajor is not None else NUL * 8,
            itn(devminor, 8, format) if devminor is not None else NUL * 8,
            stn(info.get("prefix", ""), 155, encoding, errors),
        ]
        buf = b"".join(parts)
        buf += (BLOCKSIZE - len(buf)) * NUL
        chksum = calc_chksums(buf)[0]
        # six octal digits, NUL, space: what tar writes
        return buf[:148] + ("%06o" % chksum).encode("ascii") + b"\0 " + buf[156:]

    @classmethod
    def frombuf(cls, buf, encoding, errors):
        """A TarInfo from one header block."""
        if len(buf) == 0:
            raise EmptyHeaderError("empty header")
        if len(buf) != BLOCKSIZE:
            raise TruncatedHeaderError("truncated header")
        if buf.count(NUL) == BLOCKSIZE:
            raise EOFHeaderError("end of file header")
        chksum = nti(buf[148:156])
        if chksum not in calc_chksums(buf):
            raise InvalidHeaderError("bad checksum")
        obj = cls()
        obj.name = nts(buf[0:100], encoding, errors)
        obj.mode = nti(buf[100:108])
        obj.uid = nti(buf[108:116])
        obj.gid = nti(buf[116:124])
        obj.size = nti(buf[124:136])
        obj.mtime = nti(buf[136:148])
        obj.chksum = chksum
        obj.type = buf[156:157]
        obj.linkname = nts(buf[157:257], encoding, errors)
        obj.uname = nts(buf[265:297], encoding, errors)
        obj.gname = nts(buf[297:329], encoding, errors)
        obj.devmajor = nti(buf[329:337])
        obj.devminor = nti(buf[337:345])
        # old archivers mark directories only by the trailing slash
        if obj.type == AREGTYPE and obj.name.endswith("/"):
            obj.type = DIRTYPE
        if buf[257:263] == POSIX_MAGIC[:6] and obj.type not in GNU_TYPES:
            prefix = nts(buf[345:500], encoding, errors)
            if prefix:
                obj.name = prefix + "/" + obj.name
        if obj.type == DIRTYPE:
            obj.name = obj.name.rstrip("/")
        return obj

    @classmethod
    def fromtarfile(cls, tarfile):
        """Reads the next member (with any GNU long-name or pax header members before it) from
        tarfile at tarfile.offset."""
        buf = tarfile.fileobj.read(BLOCKSIZE)
        obj = cls.frombuf(buf, tarfile.encoding, tarfile.errors)
        obj.offset = tarfile.fileobj.tell() - BLOCKSIZE
        return obj._complete(tarfile)

    def _complete(self, tarfile):
        if self.type in (GNUTYPE_LONGNAME, GNUTYPE_LONGLINK):
            data = tarfile.fileobj.read(self._block(self.size))
            try:
                nxt = self.fromtarfile(tarfile)
            except HeaderError as e:
                raise SubsequentHeaderError(str(e))
            nxt.offset = self.offset
            text = nts(data, tarfile.encoding, tarfile.errors)
            if self.type == GNUTYPE_LONGNAME:
                nxt.name = text.rstrip("/") if nxt.type == DIRTYPE else text
            else:
                nxt.linkname = text
            return nxt
        if self.type in (XHDTYPE, XGLTYPE, SOLARIS_XHDTYPE):
            data = tarfile.fileobj.read(self._block(self.size))[:self.size]
            records = self._parse_pax(data)
            if self.type == XGLTYPE:
                tarfile.pax_headers.update(records)
                pax = dict(tarfile.pax_headers)
            else:
                pax = dict(tarfile.pax_headers)
                pax.update(records)
            try:
                nxt = self.fromtarfile(tarfile)
            except HeaderError as e:
                raise SubsequentHeaderError(str(e))
            if self.type != XGLTYPE:
                nxt.offset = self.offset
            nxt._apply_pax(pax)
            return nxt
        self.offset_data = tarfile.fileobj.tell()
        if self.isreg() or self.type not in SUPPORTED_TYPES:
            tarfile.offset = self.offset_data + self._block(self.size)
        else:
            tarfile.offset = self.offset_data
        self.pax_headers = dict(tarfile.pax_headers) if not self.pax_headers else self.pax_headers
        return self

    @staticmethod
    def _parse_pax(data):
        records = {}
        pos = 0
        while pos < len(data):
            sp = data.find(b" ", pos)
            if sp < 0:
                break
            try:
                length = int(data[pos:sp])
            except ValueError:
                raise InvalidHeaderError("invalid header")
            if length < 1 or pos + length > len(data) or data[pos + length - 1:pos + length] != b"\n":
                raise InvalidHeaderError("invalid header")
            record = data[sp + 1:pos + length - 1]
            eq = record.find(b"=")
            if eq < 0:
                raise InvalidHeaderError("invalid header")
            key = record[:eq].decode("utf-8", "replace")
            value = record[eq + 1:]
            try:
                records[key] = value.decode("utf-8")
            except UnicodeDecodeError:
                records[key] = value.decode("latin-1")
            pos += length
        return records

    def _apply_pax(self, pax):
        for key, value in pax.items():
            if key == "path":
                self.name = value.rstrip("/") if self.type == DIRTYPE else value
            elif key == "linkpath":
                self.linkname = value
            elif key in ("uname", "gname"):
                setattr(self, key, value)
            elif key in PAX_NUMBER_FIELDS and key in ("uid", "gid", "size", "mtime"):
                try:
                    setattr(self, key, PAX_NUMBER_FIELDS[key](value))
                except ValueError:
                    setattr(self, key, 0)
        self.pax_headers = pax

    @staticmethod
    def _block(count):
        blocks, rest = divmod(count, BLOCKSIZE)
        return (blocks + (1 if rest else 0)) * BLOCKSIZE

    def isreg(self):
        return self.type in REGULAR_TYPES

    def isfile(self):
        return self.isreg()

    def isdir(self):
        return self.type == DIRTYPE

    def issym(self):
        return self.type == SYMTYPE

    def islnk(self):
        return self.type == LNKTYPE

    def ischr(self):
        return self.type == CHRTYPE

    def isblk(self):
        return self.type == BLKTYPE

    def isfifo(self):
        return self.type == FIFOTYPE

    def issparse(self):
        return self.sparse is not None

    def isdev(self):
        return self.type in (CHRTYPE, BLKTYPE, FIFOTYPE)


# ---- extraction filters ----

def _filtered_attrs(member, dest_path, for_data):
    """The attribute changes the 'tar' (for_data False) or 'data' filter makes to member, raising a
    FilterError for what it refuses."""
    changes = {}
    dest = os.path.realpath(dest_path)
    name = member.name
    if name.startswith("/") or name.startswith(os.sep):
        name = name.lstrip("/" + os.sep)
        changes["name"] = name
    if os.path.isabs(name):
        raise AbsolutePathError(member)
    where = os.path.realpath(os.path.join(dest, name))
    if os.path.commonpath([where, dest]) != dest:
        raise OutsideDestinationError(member, where)
    mode = member.mode
    if mode is not None:
        mode &= 0o755           # no setuid/setgid/sticky, no group/other write
        if for_data:
            if member.isreg() or member.islnk():
                if not mode & 0o100:
                    mode &= ~0o111      # executable only if the owner could execute it
                mode |= 0o600           # the owner can read and write
            elif member.isdir() or member.issym():
                mode = None             # directories and links keep the default mode
            else:
                raise SpecialFileError(member)
        if mode != member.mode:
            changes["mode"] = mode
    if for_data:
        for attr in ("uid", "gid", "uname", "gname"):
            if getattr(member, attr) is not None:
                changes[attr] = None
        if member.islnk() or member.issym():
            if os.path.isabs(member.linkname):
                raise AbsoluteLinkError(member)
            if member.issym():
                where = os.path.join(dest, os.path.dirname(name), member.linkname)
            else:
                where = os.path.join(dest, member.linkname)
            where = os.path.realpath(where)
            if os.path.commonpath([where, dest]) != dest:
                raise LinkOutsideDestinationError(member, where)
    return changes


def fully_trusted_filter(member, dest_path):
    return member


def tar_filter(member, dest_path):
    changes = _filtered_attrs(member, dest_path, False)
    return member.replace(**changes, deep=False) if changes else member


def data_filter(member, dest_path):
    changes = _filtered_attrs(member, dest_path, True)
    return member.replace(**changes, deep=False) if changes else member


_NAMED_FILTERS = {"fully_trusted": fully_trusted_filter, "tar": tar_filter, "data": data_filter}


# ---- file objects ----

class _Forward:
    """A read-only stream (a pipe, or a decompressor) seen as seekable forward only: the stream
    modes ('r|...') read members in order."""

    def __init__(self, fileobj, head=b""):
        self.fileobj = fileobj
        self.pos = 0
        self.head = head

    def read(self, n=-1):
        if self.head:
            if n is None or n < 0:
                data = self.head + self.fileobj.read()
            else:
                data = self.head[:n]
                if len(data) < n:
                    data += self.fileobj.read(n - len(data))
                self.head = self.head[n:] if len(self.head) > n else b""
                self.pos += len(data)
                return data
            self.head = b""
        else:
            data = self.fileobj.read(n)
        self.pos += len(data)
        return data

    def tell(self):
        return self.pos

    def seek(self, pos, whence=0):
        if whence == 1:
            pos += self.pos
        elif whence != 0:
            raise StreamError("seeking backwards is not allowed")
        if pos < self.pos:
            raise StreamError("seeking backwards is not allowed")
        while self.pos < pos:
            if not self.read(min(pos - self.pos, 64 * 1024)):
                break
        return self.pos

    def seekable(self):
        return False

    def write(self, data):
        self.fileobj.write(data)
        self.pos += len(data)

    def close(self):
        pass


class ExFileObject(io.BufferedIOBase):
    """A member's data, read from the archive's file at offset_data."""

    def __init__(self, tarfile, tarinfo):
        self.fileobj = tarfile.fileobj
        self.name = tarinfo.name
        self.mode = "rb"
        self._start = tarinfo.offset_data
        self.size = tarinfo.size
        self.position = 0
        self._stream = tarfile._stream
        if tarinfo.sparse is not None:
            raise NotImplementedError("sparse members are not supported by Krait's tarfile")

    def readable(self):
        return True

    def seekable(self):
        return not self._stream

    def read(self, size=-1):
        self._check_closed()
        left = self.size - self.position
        if size is None or size < 0 or size > left:
            size = left
        if size <= 0:
            return b""
        self.fileobj.seek(self._start + self.position)
        data = self.fileobj.read(size)
        if len(data) != size:
            raise ReadError("unexpected end of data")
        self.position += len(data)
        return data

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._check_closed()
        parts = []
        total = 0
        while size is None or size < 0 or total < size:
            want = 256 if size is None or size < 0 else min(256, size - total)
            chunk = self.read(want)
            if not chunk:
                break
            nl = chunk.find(b"\n")
            if nl >= 0:
                self.position -= len(chunk) - nl - 1
                chunk = chunk[:nl + 1]
                parts.append(chunk)
                break
            parts.append(chunk)
            total += len(chunk)
        return b"".join(parts)

    def tell(self):
        self._check_closed()
        return self.position

    def seek(self, pos, whence=io.SEEK_SET):
        self._check_closed()
        if whence == io.SEEK_SET:
            target = pos
        elif whence == io.SEEK_CUR:
            target = self.position + pos
        elif whence == io.SEEK_END:
            target = self.size + pos
        else:
            raise ValueError("Invalid argument")
        self.position = min(max(target, 0), self.size)
        return self.position


# ---- the archive ----

class TarFile:
    """A tar archive over a file object, read or written member by member."""

    debug = 0
    dereference = False
    ignore_zeros = False
    errorlevel = 1
    format = DEFAULT_FORMAT
    encoding = ENCODING
    errors = None
    tarinfo = TarInfo
    fileobject = ExFileObject
    extraction_filter = None

    def __init__(self, name=None, mode="r", fileobj=None, format=None, tarinfo=None, dereference=None,
                 ignore_zeros=None, encoding=None, errors="surrogateescape", pax_headers=None, debug=None,
                 errorlevel=None, copybufsize=None, stream=False):
        if mode not in ("r", "a", "w", "x"):
            raise ValueError("mode must be 'r', 'a', 'w' or 'x'")
        self.mode = mode
        self._mode = {"r": "rb", "a": "r+b", "w": "wb", "x": "xb"}[mode]
        if fileobj is None:
            if self.mode == "a" and not os.path.exists(name):
                # appending to a missing file creates it
                self.mode = "w"
                self._mode = "wb"
            fileobj = io.open(name, self._mode)
            self._extfileobj = False
        else:
            if name is None and hasattr(fileobj, "name") and isinstance(fileobj.name, (str, bytes)):
                name = fileobj.name
            if hasattr(fileobj, "mode"):
                self._mode = fileobj.mode
            self._extfileobj = True
        self.name = os.path.abspath(name) if name else None
        self.fileobj = fileobj
        self._stream = stream
        if format is not None:
            self.format = format
        if tarinfo is not None:
            self.tarinfo = tarinfo
        if dereference is not None:
            self.dereference = dereference
        if ignore_zeros is not None:
            self.ignore_zeros = ignore_zeros
        if encoding is not None:
            self.encoding = encoding
        self.errors = errors
        if pax_headers is not None and self.format == PAX_FORMAT:
            self.pax_headers = pax_headers
        else:
            self.pax_headers = {}
        if debug is not None:
            self.debug = debug
        if errorlevel is not None:
            self.errorlevel = errorlevel
        self.copybufsize = copybufsize
        self.closed = False
        self.members = []
        self._loaded = False
        self.offset = self.fileobj.tell()
        self.inodes = {}
        try:
            if self.mode == "r":
                self.firstmember = None
                self.firstmember = self.next()
            if self.mode == "a":
                # find the end of the last member: new members overwrite the zero blocks
                while True:
                    self.fileobj.seek(self.offset)
                    try:
                        info = self.tarinfo.fromtarfile(self)
                        self.members.append(info)
                    except EOFHeaderError:
                        self.fileobj.seek(self.offset)
                        break
                    except HeaderError as e:
                        raise ReadError(str(e))
            if self.mode in ("a", "w", "x"):
                self._loaded = True
                if self.pax_headers:
                    buf = self.tarinfo.create_pax_global_header(self.pax_headers.copy())
                    self.fileobj.write(buf)
                    self.offset += len(buf)
        except:
            if not self._extfileobj:
                self.fileobj.close()
            self.closed = True
            raise

    # -- opening --

    @classmethod
    def open(cls, name=None, mode="r", fileobj=None, bufsize=RECORDSIZE, **kwargs):
        if not name and not fileobj:
            raise ValueError("nothing to open")
        if mode in ("r", "r:*"):
            errors = []
            for comptype in ("gz", "bz2", "xz", "tar"):
                func = getattr(cls, cls.OPEN_METH[comptype])
                saved = fileobj.tell() if fileobj is not None else None
                try:
                    return func(name, "r", fileobj, **kwargs)
                except (ReadError, CompressionError) as e:
                    errors.append("- method %s: %r" % (comptype, e))
                    if fileobj is not None:
                        fileobj.seek(saved)
            raise ReadError("file could not be opened successfully:\n" + "\n".join(errors))
        if ":" in mode:
            filemode, comptype = mode.split(":", 1)
            filemode = filemode or "r"
            comptype = comptype or "tar"
            if comptype in cls.OPEN_METH:
                func = getattr(cls, cls.OPEN_METH[comptype])
            else:
                raise CompressionError("unknown compression type %r" % comptype)
            return func(name, filemode, fileobj, **kwargs)
        if "|" in mode:
            filemode, comptype = mode.split("|", 1)
            filemode = filemode or "r"
            comptype = comptype or "tar"
            if filemode not in ("r", "w"):
                raise ValueError("mode must be 'r' or 'w'")
            if comptype not in ("tar", "gz", "bz2", "xz", "*"):
                raise CompressionError("unknown compression type %r" % comptype)
            return cls._open_stream(name, filemode, comptype, fileobj, kwargs)
        if mode in ("a", "w", "x"):
            return cls.taropen(name, mode, fileobj, **kwargs)
        raise ValueError("undiscernible mode")

    @classmethod
    def _open_stream(cls, name, filemode, comptype, fileobj, kwargs):
        own = fileobj is None
        if own:
            fileobj = io.open(name, filemode + "b")
        made = None         # the (de)compressor made here, closed with the archive
        try:
            if filemode == "r":
                head = fileobj.read(BLOCKSIZE)
                if comptype == "*":
                    comptype = _sniff(head)
                inner = _Forward(fileobj, head)
                if comptype != "tar":
                    made = _decompressing_reader(comptype, inner)
                    inner = _Forward(made)
            else:
                if comptype == "*":
                    comptype = "tar"
                level = kwargs.pop("compresslevel", 9)
                if comptype != "tar":
                    made = _compressing_writer(comptype, fileobj, name, level)
                inner = _Forward(made or fileobj)
            t = cls(name, filemode, inner, stream=True, **kwargs)
        except:
            if made is not None:
                made.close()
            if own:
                fileobj.close()
            raise
        t._stream_close = [made] if made is not None else []
        if own:
            t._stream_close.append(fileobj)
        return t

    @classmethod
    def taropen(cls, name, mode="r", fileobj=None, **kwargs):
        if mode not in ("r", "a", "w", "x"):
            raise ValueError("mode must be 'r', 'a', 'w' or 'x'")
        return cls(name, mode, fileobj, **kwargs)

    @classmethod
    def gzopen(cls, name, mode="r", fileobj=None, compresslevel=9, **kwargs):
        if mode not in ("r", "w", "x"):
            raise ValueError("mode must be 'r', 'w' or 'x'")
        try:
            fileobj = gzip.GzipFile(name, mode + "b", compresslevel, fileobj)
        except OSError as e:
            if fileobj is not None and mode == "r":
                raise ReadError("not a gzip file") from e
            raise
        try:
            t = cls.taropen(name, mode, fileobj, **kwargs)
        except OSError as e:
            fileobj.close()
            if mode == "r":
                raise ReadError("not a gzip file") from e
            raise
        except EOFError as e:
            fileobj.close()
            if mode == "r":
                raise ReadError("not a gzip file") from e
            raise
        except:
            fileobj.close()
            raise
        t._extfileobj = False
        return t

    @classmethod
    def bz2open(cls, name, mode="r", fileobj=None, compresslevel=9, **kwargs):
        return cls._module_open("bz2", "BZ2File", "not a bzip2 file", (OSError, EOFError),
                                name, mode, fileobj, {"compresslevel": compresslevel}, kwargs)

    @classmethod
    def xzopen(cls, name, mode="r", fileobj=None, preset=None, **kwargs):
        return cls._module_open("lzma", "LZMAFile", "not an lzma file", (OSError, EOFError),
                                name, mode, fileobj, {"preset": preset}, kwargs)

    @classmethod
    def _module_open(cls, modname, clsname, message, errors, name, mode, fileobj, options, kwargs):
        if mode not in ("r", "w", "x"):
            raise ValueError("mode must be 'r', 'w' or 'x'")
        try:
            mod = __import__(modname)
        except ImportError:
            raise CompressionError("%s module is not available" % modname) from None
        try:
            fileobj = getattr(mod, clsname)(fileobj or name, mode, **options)
        except errors as e:
            if mode == "r":
                raise ReadError(message) from e
            raise
        try:
            t = cls.taropen(name, mode, fileobj, **kwargs)
        except errors + (getattr(mod, "LZMAError", OSError),) as e:
            fileobj.close()
            if mode == "r":
                raise ReadError(message) from e
            raise
        except:
            fileobj.close()
            raise
        t._extfileobj = False
        return t

    OPEN_METH = {"tar": "taropen", "gz": "gzopen", "bz2": "bz2open", "xz": "xzopen"}

    # -- reading --

    def _check(self, mode=None):
        if self.closed:
            raise OSError("%s is closed" % self.__class__.__name__)
        if mode is not None and self.mode not in mode:
            raise OSError("bad operation for mode %r" % self.mode)

    def next(self):
        """The next member, or None at the end."""
        self._check("ra")
        if self.firstmember is not None:
            m = self.firstmember
            self.firstmember = None
            return m
        if self.offset != self.fileobj.tell():
            # the previous member's data must all be there
            if self.offset > 0:
                self.fileobj.seek(self.offset - 1)
                if not self.fileobj.read(1):
                    raise ReadError("unexpected end of data")
            else:
                self.fileobj.seek(self.offset)
        info = None
        while True:
            try:
                info = self.tarinfo.fromtarfile(self)
            except EOFHeaderError as e:
                if self.ignore_zeros:
                    self.offset += BLOCKSIZE
                    continue
            except InvalidHeaderError as e:
                if self.ignore_zeros:
                    self.offset += BLOCKSIZE
                    continue
                if self.offset == 0:
                    raise ReadError(str(e)) from None
            except EmptyHeaderError:
                if self.offset == 0:
                    raise ReadError("empty file") from None
            except TruncatedHeaderError as e:
                if self.offset == 0:
                    raise ReadError(str(e)) from None
            except SubsequentHeaderError as e:
                raise ReadError(str(e)) from None
            except StreamError:
                raise
            break
        if info is not None:
            self.members.append(info)
        else:
            self._loaded = True
        return info

    def _load(self):
        if not self._loaded:
            while self.next() is not None:
                pass
            self._loaded = True

    def getmembers(self):
        self._check()
        if not self._loaded:
            self._load()
        return self.members

    def getnames(self):
        return [m.name for m in self.getmembers()]

    def getmember(self, name):
        info = self._getmember(name.rstrip("/"))
        if info is None:
            raise KeyError("filename %r not found" % name)
        return info

    def _getmember(self, name, tarinfo=None, normalize=False):
        members = self.getmembers()
        stop = None
        if tarinfo is not None:
            try:
                stop = members.index(tarinfo)
            except ValueError:
                pass
        cands = members[:stop] if stop is not None else members
        if normalize:
            name = os.path.normpath(name)
        for m in reversed(cands):
            mname = os.path.normpath(m.name) if normalize else m.name
            if mname == name:
                return m
        return None

    def __iter__(self):
        if self._loaded:
            yield from self.members
            return
        index = 0
        if self.firstmember is not None:
            info = self.next()
            index += 1
            yield info
        while True:
            if index < len(self.members):
                info = self.members[index]
            elif not self._loaded:
                info = self.next()
                if info is None:
                    self._loaded = True
                    return
            else:
                return
            index += 1
            yield info

    def extractfile(self, member):
        """A file object for a regular member (or the target of a link); None for other kinds."""
        self._check("r")
        info = self.getmember(member) if isinstance(member, str) else member
        if info.isreg() or info.type not in SUPPORTED_TYPES:
            return self.fileobject(self, info)
        if info.islnk() or info.issym():
            if self._stream:
                raise StreamError("cannot extract (sym)link as file object")
            return self.extractfile(self._find_link_target(info))
        return None

    def _find_link_target(self, info):
        if info.issym():
            linkname = "/".join(p for p in (os.path.dirname(info.name), info.linkname) if p)
            limit = None
        else:
            linkname = info.linkname
            limit = info
        member = self._getmember(linkname, tarinfo=limit, normalize=True)
        if member is None:
            raise KeyError("linkname %r not found" % linkname)
        return member

    # -- writing --

    def gettarinfo(self, name=None, arcname=None, fileobj=None):
        """A TarInfo for the file name (or the open file fileobj), named arcname in the archive."""
        self._check("awx")
        if fileobj is not None:
            name = fileobj.name
        if arcname is None:
            arcname = name
        arcname = os.path.splitdrive(arcname)[1].replace(os.sep, "/").lstrip("/")
        info = self.tarinfo()
        if fileobj is None:
            st = os.stat(name) if self.dereference else os.lstat(name)
        else:
            st = os.fstat(fileobj.fileno())
        mode = st.st_mode
        linkname = ""
        if stat.S_ISREG(mode):
            key = (st.st_ino, st.st_dev)
            if not self.dereference and st.st_nlink > 1 and key in self.inodes and arcname != self.inodes[key]:
                kind = LNKTYPE
                linkname = self.inodes[key]
            else:
                kind = REGTYPE
                if st.st_ino:
                    self.inodes[key] = arcname
        elif stat.S_ISDIR(mode):
            kind = DIRTYPE
        elif stat.S_ISFIFO(mode):
            kind = FIFOTYPE
        elif stat.S_ISLNK(mode):
            kind = SYMTYPE
            linkname = os.readlink(name)
        elif stat.S_ISCHR(mode):
            kind = CHRTYPE
        elif stat.S_ISBLK(mode):
            kind = BLKTYPE
        else:
            return None
        info.name = arcname
        info.mode = mode
        info.uid = st.st_uid
        info.gid = st.st_gid
        info.size = st.st_size if kind == REGTYPE else 0
        info.mtime = st.st_mtime
        info.type = kind
        info.linkname = linkname
        try:
            import pwd
            info.uname = pwd.getpwuid(info.uid)[0]
        except (ImportError, KeyError):
            pass
        try:
            import grp
            info.gname = grp.getgrgid(info.gid)[0]
        except (ImportError, KeyError):
            pass
        if kind in (CHRTYPE, BLKTYPE):
            rdev = getattr(st, "st_rdev", 0)
            info.devmajor = (rdev >> 8) & 0xFFF
            info.devminor = (rdev & 0xFF) | ((rdev >> 12) & 0xFFF00)
        return info

    def add(self, name, arcname=None, recursive=True, *, filter=None):
        """Adds the file, directory (with its contents when recursive) or link name."""
        self._check("awx")
        if arcname is None:
            arcname = name
        if self.name is not None and os.path.abspath(name) == self.name:
            return          # not the archive into itself
        info = self.gettarinfo(name, arcname)
        if info is None:
            return
        if filter is not None:
            info = filter(info)
            if info is None:
                return
        if info.isreg():
            with io.open(name, "rb") as f:
                self.addfile(info, f)
        elif info.isdir():
            self.addfile(info)
            if recursive:
                for entry in sorted(os.listdir(name)):
                    self.add(os.path.join(name, entry), os.path.join(arcname, entry), recursive, filter=filter)
        else:
            self.addfile(info)

    def addfile(self, tarinfo, fileobj=None):
        """Writes tarinfo's header and, for a regular member, tarinfo.size bytes from fileobj."""
        self._check("awx")
        if fileobj is None and tarinfo.isreg() and tarinfo.size != 0:
            raise ValueError("fileobj not provided for non zero-size regular file")
        tarinfo = copy.copy(tarinfo)
        buf = tarinfo.tobuf(self.format, self.encoding, self.errors)
        self.fileobj.write(buf)
        self.offset += len(buf)
        if fileobj is not None:
            copyfileobj(fileobj, self.fileobj, tarinfo.size, bufsize=self.copybufsize)
            blocks, rest = divmod(tarinfo.size, BLOCKSIZE)
            if rest:
                self.fileobj.write(NUL * (BLOCKSIZE - rest))
                blocks += 1
            self.offset += blocks * BLOCKSIZE
        self.members.append(tarinfo)

    # -- extracting --

    def _resolve_filter(self, filter):
        if filter is None:
            filter = self.extraction_filter
            if filter is None:
                warnings.warn("Python 3.14 will, by default, filter extracted tar archives and reject files "
                              "or modify their metadata. Use the filter argument to control this behavior.",
                              DeprecationWarning, stacklevel=3)
                return fully_trusted_filter
            if isinstance(filter, str):
                raise TypeError("String names are not supported for TarFile.extraction_filter. "
                                "Use a function such as tarfile.data_filter directly.")
            return filter
        if callable(filter):
            return filter
        try:
            return _NAMED_FILTERS[filter]
        except KeyError:
            raise ValueError(f"filter {filter!r} not found") from None

    def extractall(self, path=".", members=None, *, numeric_owner=False, filter=None):
        """Extracts every member (or those given) under path, through the extraction filter."""
        func = self._resolve_filter(filter)
        dirs = []
        for member in (members if members is not None else self):
            info = self._filtered(member, func, path)
            if info is None:
                continue
            if info.isdir():
                dirs.append(info)
            # directories get their final mode after their contents are in
            self._extract_one(info, path, set_attrs=not info.isdir(), numeric_owner=numeric_owner)
        dirs.sort(key=lambda a: a.name, reverse=True)
        for info in dirs:
            target = os.path.join(path, info.name)
            try:
                self._set_attrs(info, target, numeric_owner)
            except ExtractError as e:
                self._nonfatal(e)

    def extract(self, member, path="", set_attrs=True, *, numeric_owner=False, filter=None):
        func = self._resolve_filter(filter)
        info = self._filtered(member, func, path)
        if info is not None:
            self._extract_one(info, path, set_attrs, numeric_owner)

    def _filtered(self, member, func, path):
        unfiltered = self.getmember(member) if isinstance(member, str) else member
        try:
            filtered = func(unfiltered, path)
        except (OSError, FilterError) as e:
            self._fatal(e)
            return None
        except ExtractError as e:
            self._nonfatal(e)
            return None
        if filtered is None:
            return None
        if filtered.islnk():
            filtered = copy.copy(filtered)
            filtered._link_target = os.path.join(path, filtered.linkname)
        return filtered

    def _fatal(self, e):
        if self.errorlevel > 0:
            raise e

    def _nonfatal(self, e):
        if self.errorlevel > 1:
            raise e

    def _extract_one(self, info, path, set_attrs, numeric_owner):
        self._check("r")
        try:
            self._extract_member(info, os.path.join(path, info.name), set_attrs, numeric_owner)
        except OSError as e:
            self._fatal(e)
        except ExtractError as e:
            self._nonfatal(e)

    def _extract_member(self, info, target, set_attrs=True, numeric_owner=False):
        target = target.rstrip("/").replace("/", os.sep)
        parent = os.path.dirname(target)
        if parent and not os.path.exists(parent):
            os.makedirs(parent)
        if info.islnk() or info.issym():
            pass
        if info.isreg():
            self._write_file(info, target)
        elif info.isdir():
            try:
                # no mode (the data filter): the system's default; else a private mode until the
                # contents are in (extractall sets the real one last)
                if info.mode is None:
                    os.mkdir(target)
                else:
                    os.mkdir(target, 0o700)
            except FileExistsError:
                if not os.path.isdir(target):
                    raise
        elif info.isfifo():
            if not hasattr(os, "mkfifo"):
                raise ExtractError("fifo not supported by system")
            os.mkfifo(target)
        elif info.ischr() or info.isblk():
            if not hasattr(os, "mknod") or not hasattr(os, "makedev"):
                raise ExtractError("special devices not supported by system")
            kind = stat.S_IFBLK if info.isblk() else stat.S_IFCHR
            os.mknod(target, (info.mode or 0o600) | kind, os.makedev(info.devmajor, info.devminor))
        elif info.islnk() or info.issym():
            self._make_link(info, target)
        elif info.type not in SUPPORTED_TYPES:
            self._write_file(info, target)
        else:
            self._write_file(info, target)
        if set_attrs:
            self._set_attrs(info, target, numeric_owner)

    def _write_file(self, info, target):
        self.fileobj.seek(info.offset_data)
        with io.open(target, "wb") as out:
            if info.sparse is not None:
                raise ExtractError("sparse members are not supported by Krait's tarfile")
            copyfileobj(self.fileobj, out, info.size, ReadError, self.copybufsize)

    def _make_link(self, info, target):
        if os.path.lexists(target):
            os.unlink(target)
        if info.issym():
            os.symlink(info.linkname, target)
            return
        source = info._link_target
        if source and os.path.exists(source):
            try:
                os.link(source, target)
                return
            except OSError:
                # no hard links here: copy the target member's data instead
                try:
                    member = self._find_link_target(info)
                except KeyError:
                    raise ExtractError("unable to resolve link inside archive") from None
                self._extract_member(member, target, True)
                return
        # the target was not extracted: take its data from the archive (KeyError if absent)
        self._extract_member(self._find_link_target(info), target, True)

    def _set_attrs(self, info, target, numeric_owner):
        if info.issym():
            return
        if info.mode is not None:
            try:
                os.chmod(target, info.mode)
            except OSError as e:
                raise ExtractError("could not change mode") from e
        if info.mtime is not None:
            try:
                os.utime(target, (info.mtime, info.mtime))
            except OSError as e:
                raise ExtractError("could not change modification time") from e

    # -- listing and closing --

    def list(self, verbose=True, *, members=None):
        for info in (members if members is not None else self):
            if verbose:
                if info.mode is None:
                    print("??????????", end=" ")
                else:
                    print(stat.filemode(info.mode | _TYPE_BITS.get(info.type, 0)), end=" ")
                print("%s/%s" % (info.uname or info.uid, info.gname or info.gid), end=" ")
                if info.ischr() or info.isblk():
                    print("%10s" % ("%d,%d" % (info.devmajor, info.devminor)), end=" ")
                else:
                    print("%10d" % info.size, end=" ")
                if info.mtime is None:
                    print("????-??-?? ??:??:??", end=" ")
                else:
                    print("%d-%02d-%02d %02d:%02d:%02d" % time.localtime(info.mtime)[:6], end=" ")
            print(info.name + ("/" if info.isdir() else ""), end="")
            if verbose:
                if info.issym():
                    print(" ->", info.linkname, end="")
                if info.islnk():
                    print(" link to", info.linkname, end="")
            print()

    def close(self):
        if self.closed:
            return
        self.closed = True
        try:
            if self.mode in ("a", "w", "x"):
                self.fileobj.write(NUL * (BLOCKSIZE * 2))
                self.offset += BLOCKSIZE * 2
                blocks, rest = divmod(self.offset, RECORDSIZE)
                if rest > 0:
                    self.fileobj.write(NUL * (RECORDSIZE - rest))
        finally:
            if self._stream:
                for f in getattr(self, "_stream_close", ()):
                    f.close()
            elif not self._extfileobj:
                self.fileobj.close()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, type, value, traceback):
        if type is None:
            self.close()
        else:
            # an error while writing: do not finish the archive, just let the file go
            if not self._extfileobj and not self._stream:
                self.fileobj.close()
            self.closed = True

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.name)


_TYPE_BITS = {REGTYPE: stat.S_IFREG, AREGTYPE: stat.S_IFREG, CONTTYPE: stat.S_IFREG, LNKTYPE: stat.S_IFREG,
              DIRTYPE: stat.S_IFDIR, SYMTYPE: stat.S_IFLNK, FIFOTYPE: stat.S_IFIFO, CHRTYPE: stat.S_IFCHR,
              BLKTYPE: stat.S_IFBLK}


def _sniff(head):
    if head.startswith(b"\x1f\x8b\x08"):
        return "gz"
    if head[:3] == b"BZh" and head[4:10] == b"1AY&SY":
        return "bz2"
    if head.startswith((b"\x5d\x00\x00\x80", b"\xfd7zXZ")):
        return "xz"
    return "tar"


def _decompressing_reader(comptype, raw):
    if comptype == "gz":
        return _ReadErrorWrapper(gzip.GzipFile(fileobj=raw, mode="rb"), "not a gzip file")
    mod = _compression_module(comptype)
    if comptype == "bz2":
        return _ReadErrorWrapper(mod.BZ2File(raw, "rb"), "not a bzip2 file")
    return _ReadErrorWrapper(mod.LZMAFile(raw, "rb"), "not an lzma file")


def _compressing_writer(comptype, fileobj, name, level):
    if comptype == "tar":
        return fileobj
    if comptype == "gz":
        return gzip.GzipFile(filename=name or "", mode="wb", compresslevel=level, fileobj=fileobj)
    mod = _compression_module(comptype)
    if comptype == "bz2":
        return mod.BZ2File(fileobj, "wb", compresslevel=level)
    return mod.LZMAFile(fileobj, "wb")


def _compression_module(comptype):
    modname = {"bz2": "bz2", "xz": "lzma"}[comptype]
    try:
        return __import__(modname)
    except ImportError:
        raise CompressionError("%s module is not available" % modname) from None


class _ReadErrorWrapper:
    """A decompressing reader whose format errors become ReadError (the stream modes' contract)."""

    def __init__(self, f, message):
        self.f = f
        self.message = message

    def read(self, n=-1):
        try:
            return self.f.read(n)
        except (OSError, EOFError) as e:
            raise ReadError(self.message) from e

    def close(self):
        self.f.close()


def is_tarfile(name):
    """True when name (a path or a file object) opens as a tar archive."""
    try:
        if hasattr(name, "read"):
            pos = name.tell()
            t = open(fileobj=name)
            name.seek(pos)
        else:
            t = open(name)
        t.close()
        return True
    except TarError:
        return False


open = TarFile.open
