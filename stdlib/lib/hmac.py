"""hmac: keyed hashing for message authentication (RFC 2104), on hashlib's digests.

HMAC(K, m) = H((K' ^ opad) || H((K' ^ ipad) || m)), where K' is the key padded with zeros to the
digest's block size (a longer key is hashed first). An HMAC keeps the inner and outer hash objects
with their key block already absorbed; digest() finishes copies of them, so it can be called again
after more updates.
"""

import hashlib as _hashlib
from _hashlib import compare_digest

__all__ = ["new", "HMAC", "compare_digest", "digest", "digest_size"]

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

digest_size = None


def _digest_constructor(digestmod):
    """A callable returning a new hash object (given data) for a digestmod: a name, a hashlib
    constructor or a module with new()."""
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda d=b"": _hashlib.new(digestmod, d)
    return lambda d=b"": digestmod.new(d)


class HMAC:
    """RFC 2104 HMAC class. Also complies with RFC 4231."""
    blocksize = 64  # 512-bit HMAC; can be changed in subclasses.

    __slots__ = ("_digest_cons", "_inner", "_outer", "block_size", "digest_size")

    def __init__(self, key, msg=None, digestmod=""):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required argument 'digestmod'.")
        self._digest_cons = _digest_constructor(digestmod)
        self._inner = self._digest_cons()
        self._outer = self._digest_cons()
        self.digest_size = self._inner.digest_size
        if hasattr(self._inner, "block_size"):
            blocksize = self._inner.block_size
            if blocksize < 16:
                blocksize = self.blocksize
        else:
            blocksize = self.blocksize
        if len(key) > blocksize:
            key = self._digest_cons(key).digest()
        self.block_size = blocksize
        key = bytes(key).ljust(blocksize, b"\0")
        self._outer.update(key.translate(trans_5C))
        self._inner.update(key.translate(trans_36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    def update(self, msg):
        """Feed data from msg into this hashing object."""
        self._inner.update(msg)

    def copy(self):
        """Return a separate copy of this hashing object."""
        other = self.__class__.__new__(self.__class__)
        other._digest_cons = self._digest_cons
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _current(self):
        h = self._outer.copy()
        h.update(self._inner.digest())
        return h

    def digest(self):
        """Return the hash value of this hashing object (bytes); the object can still be updated."""
        return self._current().digest()

    def hexdigest(self):
        """Like digest(), but as a string of hexadecimal digits."""
        return self._current().hexdigest()


def new(key, msg=None, digestmod=""):
    """Create a new hashing object and return it (see HMAC)."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of msg under key with the given digest, in one call."""
    return HMAC(key, msg, digest).digest()
