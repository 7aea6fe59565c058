# hmac: RFC 4231 / RFC 2202 vectors, digestmod as a name, constructor or module, long keys, streaming,
# copy, hmac.digest, compare_digest and the error messages.
import hmac, hashlib

def e(f):
    try:
        r = f()
        print("ok", r)
    except Exception as ex:
        print(type(ex).__name__, ex)

# RFC 4231 test cases 1, 2, 6 (SHA-224/256/384/512)
cases = [(b"\x0b" * 20, b"Hi There"), (b"Jefe", b"what do ya want for nothing?"),
         (b"\xaa" * 131, b"Test Using Larger Than Block-Size Key - Hash Key First")]
for key, msg in cases:
    for name in ("sha224", "sha256", "sha384", "sha512"):
        print(name, hmac.new(key, msg, name).hexdigest())
# RFC 2202 (MD5, SHA-1)
print(hmac.new(b"\x0b" * 16, b"Hi There", hashlib.md5).hexdigest())
print(hmac.new(b"Jefe", b"what do ya want for nothing?", "sha1").hexdigest())
print(hmac.new(b"\xaa" * 80, b"Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data", "sha1").hexdigest())
# other digests, bytearray key, empty message and key
for name in ("sha3_256", "blake2b", "blake2s", "sha512_256"):
    print(name, hmac.new(bytearray(b"key"), b"msg", name).hexdigest())
print(hmac.new(b"", b"", "sha256").hexdigest(), hmac.new(b"k", digestmod="md5").hexdigest())

h = hmac.new(b"key", digestmod=hashlib.sha256)
print(h.name, h.digest_size, h.block_size)
for part in (b"The quick ", b"brown fox ", b"jumps over the lazy dog"):
    h.update(part)
one = hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "sha256")
print(h.hexdigest() == one.hexdigest(), h.digest() == one.digest(), h.hexdigest())
# digest() can be followed by more updates; copies are independent
c = h.copy()
h.update(b"!")
print(c.hexdigest() == one.hexdigest(), h.hexdigest() == hmac.new(b"key", b"The quick brown fox jumps over the lazy dog!", "sha256").hexdigest())
print(hmac.digest(b"k", b"m", "sha1").hex(), hmac.digest(b"k", b"m", hashlib.sha1) == hmac.new(b"k", b"m", "sha1").digest())
print(hmac.new(b"k", b"m", hashlib.sha384).name, hmac.HMAC(b"k", digestmod="sha1").name)

print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"), hmac.compare_digest(b"abc", b"ab"),
      hmac.compare_digest("abc", "abc"), hmac.compare_digest("", ""), hmac.compare_digest(bytearray(b"x"), b"x"))
e(lambda: hmac.compare_digest("a", b"a"))
e(lambda: hmac.compare_digest(b"a", "a"))
e(lambda: hmac.compare_digest("é", "é"))
e(lambda: hmac.compare_digest(1, 2))
e(lambda: hmac.compare_digest(b"a"))
e(lambda: hmac.new(b"k"))
e(lambda: hmac.new(b"k", b"m", None))
e(lambda: hmac.new("k", digestmod="sha256"))
e(lambda: hmac.new(b"k", "text", digestmod="sha256"))
e(lambda: hmac.new(b"k", digestmod="nope"))
e(lambda: hmac.new(b"k", digestmod="sha256").update(3))
