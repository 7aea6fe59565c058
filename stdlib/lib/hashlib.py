"""hashlib: secure hashes and message digests.

The constructors (md5(), sha256(), ..., new(name)) make _hashlib objects (stdlib/hashlib.c): OpenSSL's
EVP digests, and Krait's own BLAKE2 for blake2b/blake2s (with key, salt, person and the tree parameters).
Each object has update(data), digest(), hexdigest(), copy() and name, digest_size, block_size; the
shake_* objects take the output length in digest(length) and hexdigest(length).
"""

import _hashlib
from _hashlib import pbkdf2_hmac, scrypt, blake2b, blake2s

algorithms_guaranteed = frozenset((
    "md5", "sha1", "sha224", "sha256", "sha384", "sha512",
    "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256",
    "blake2b", "blake2s"))
algorithms_available = frozenset(set(_hashlib.hash_names()) | {"blake2b", "blake2s"})

__all__ = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "blake2s",
           "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256",
           "new", "algorithms_guaranteed", "algorithms_available", "pbkdf2_hmac", "file_digest", "scrypt")


def new(name, data=b"", **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named algorithm;
    optionally initialized with data (which must be a bytes-like object).
    """
    if name in ("blake2b", "blake2s"):
        kwargs.pop("usedforsecurity", None)
        cls = blake2b if name == "blake2b" else blake2s
        return cls(data, **kwargs)
    try:
        return _hashlib.new(name, data, **kwargs)
    except _hashlib.UnsupportedDigestmodError:
        raise ValueError("unsupported hash type " + str(name)) from None


def _constructor(name):
    # CPython 3.13's signature: the data parameter is called "string"
    def construct(string=b"", *, usedforsecurity=True):
        return _hashlib.new(name, string, usedforsecurity=usedforsecurity)
    construct.__name__ = "openssl_" + name
    construct.__qualname__ = construct.__name__
    return construct


md5 = _constructor("md5")
sha1 = _constructor("sha1")
sha224 = _constructor("sha224")
sha256 = _constructor("sha256")
sha384 = _constructor("sha384")
sha512 = _constructor("sha512")
sha3_224 = _constructor("sha3_224")
sha3_256 = _constructor("sha3_256")
sha3_384 = _constructor("sha3_384")
sha3_512 = _constructor("sha3_512")
shake_128 = _constructor("shake_128")
shake_256 = _constructor("shake_256")


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object opened in binary mode. digest is a hash name, a
    constructor or a callable returning a hash object."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    getbuffer = getattr(fileobj, "getbuffer", None)
    if getbuffer is not None:
        # a BytesIO: hash its whole content at once
        digestobj.update(getbuffer())
        return digestobj
    message = f"'{fileobj!r}' is not a file-like object in binary reading mode."
    if not (hasattr(fileobj, "read") and hasattr(fileobj, "readable") and fileobj.readable()):
        raise ValueError(message)
    while True:
        chunk = fileobj.read(_bufsize)
        if isinstance(chunk, str):
            raise ValueError(message)
        if not chunk:
            break
        digestobj.update(chunk)
    return digestobj
