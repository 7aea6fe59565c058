# hashlib: known digests of known inputs for every guaranteed algorithm, streaming updates equal to
# one-shot, copy independence, SHAKE lengths, BLAKE2 parameters, attributes and error messages.
import hashlib

def e(f):
    try:
        r = f()
        print("ok", r)
    except Exception as ex:
        print(type(ex).__name__, ex)

inputs = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 9]
for name in sorted(hashlib.algorithms_guaranteed):
    for data in inputs:
        h = hashlib.new(name, data)
        if name.startswith("shake"):
            print(name, len(data), h.hexdigest(40), h.digest(7).hex(), h.digest(0))
        else:
            print(name, len(data), h.hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))
    x = hashlib.new(name)
    print(name, x.name, x.digest_size, x.block_size, type(x).__name__)

# the named constructors and new() agree; bytearray input; upper-case names
for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b", "blake2s"):
    print(name, getattr(hashlib, name)(b"x").hexdigest() == hashlib.new(name, bytearray(b"x")).hexdigest())
print(hashlib.new("SHA256", b"abc").hexdigest() == hashlib.sha256(b"abc").hexdigest(), hashlib.new("SHA256").name)
print(hashlib.new("sha256", data=b"kw").hexdigest() == hashlib.sha256(b"kw").hexdigest(),
      hashlib.md5(b"u", usedforsecurity=False).hexdigest(), hashlib.sha1(string=b"s").hexdigest())

# streaming: many small updates equal one update of everything, at every block-boundary split
big = bytes((i * 7 + 3) & 255 for i in range(5000))
for name in ("md5", "sha1", "sha256", "sha512", "sha3_384", "blake2b", "blake2s"):
    ok = True
    for step in (1, 63, 64, 65, 127, 128, 129, 1000):
        h = hashlib.new(name)
        for i in range(0, len(big), step):
            h.update(big[i:i + step])
        ok = ok and h.digest() == hashlib.new(name, big).digest()
    print("stream", name, ok)
s = hashlib.shake_256()
for i in range(0, len(big), 100):
    s.update(big[i:i + 100])
print("stream shake_256", s.hexdigest(64) == hashlib.shake_256(big).hexdigest(64))

# digest() does not end the hash; copy() is independent
h = hashlib.sha256(b"ab")
d1 = h.hexdigest()
h.update(b"c")
print(d1 == hashlib.sha256(b"ab").hexdigest(), h.hexdigest() == hashlib.sha256(b"abc").hexdigest())
for name in ("sha1", "shake_128", "blake2s"):
    a = hashlib.new(name, b"prefix-")
    b = a.copy()
    a.update(b"one")
    b.update(b"two")
    args = (16,) if name.startswith("shake") else ()
    print("copy", name, a.hexdigest(*args) == hashlib.new(name, b"prefix-one").hexdigest(*args),
          b.hexdigest(*args) == hashlib.new(name, b"prefix-two").hexdigest(*args), type(b) is type(a))
# a longer SHAKE output starts with the shorter one
print(hashlib.shake_128(b"z").digest(100)[:10] == hashlib.shake_128(b"z").digest(10))

# BLAKE2: digest_size, key, salt, person and the tree parameters
print(hashlib.blake2b(b"abc", digest_size=16, key=b"k", salt=b"s", person=b"p").hexdigest())
print(hashlib.blake2s(b"abc", digest_size=16, key=b"k", salt=b"s", person=b"p").hexdigest())
print(hashlib.blake2b(b"x" * 1000, fanout=2, depth=3, leaf_size=5, node_offset=7, node_depth=1,
                      inner_size=8, last_node=True).hexdigest())
print(hashlib.blake2s(b"x" * 1000, fanout=2, depth=3, leaf_size=5, node_offset=7, node_depth=1,
                      inner_size=8, last_node=True).hexdigest())
for n in (0, 1, 63, 64, 65, 127, 128, 129, 256):
    print(n, hashlib.blake2b(big[:n]).hexdigest()[:24], hashlib.blake2s(big[:n]).hexdigest()[:24],
          hashlib.blake2b(big[:n], key=b"K" * 64).hexdigest()[:24], hashlib.blake2s(big[:n], key=b"K" * 32).hexdigest()[:24])
print(hashlib.blake2b(digest_size=1).hexdigest(), hashlib.blake2s(b"q", digest_size=32, salt=b"12345678", person=b"abcdefgh").hexdigest())
print(hashlib.blake2b(b"x", digest_size=20).digest_size, hashlib.blake2b().name, hashlib.blake2s().block_size,
      hashlib.blake2b.SALT_SIZE, hashlib.blake2b.PERSON_SIZE, hashlib.blake2b.MAX_KEY_SIZE, hashlib.blake2b.MAX_DIGEST_SIZE,
      hashlib.blake2s.SALT_SIZE, hashlib.blake2s.PERSON_SIZE, hashlib.blake2s.MAX_KEY_SIZE, hashlib.blake2s.MAX_DIGEST_SIZE)
print(hashlib.new("blake2b", b"abc", digest_size=10).hexdigest() == hashlib.blake2b(b"abc", digest_size=10).hexdigest())

# the repr and the sets of names
print(repr(hashlib.sha256())[:30], repr(hashlib.shake_128())[:35], repr(hashlib.md5()).endswith(">"))
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)

# errors
e(lambda: hashlib.new("foo"))
e(lambda: hashlib.sha256("text"))
e(lambda: hashlib.sha256(1))
e(lambda: hashlib.sha256().update("x"))
e(lambda: hashlib.md5().update())
e(lambda: hashlib.shake_128().digest())
e(lambda: hashlib.sha1().digest(5))
e(lambda: hashlib.blake2b(digest_size=65))
e(lambda: hashlib.blake2b(digest_size=0))
e(lambda: hashlib.blake2s(digest_size=33))
e(lambda: hashlib.blake2b(key=b"x" * 65))
e(lambda: hashlib.blake2s(key=b"x" * 33))
e(lambda: hashlib.blake2b(salt=b"x" * 17))
e(lambda: hashlib.blake2s(person=b"x" * 9))
e(lambda: hashlib.blake2b(fanout=256))
e(lambda: hashlib.blake2b(depth=0))
e(lambda: hashlib.blake2b(node_depth=256))
e(lambda: hashlib.blake2b("str"))
e(lambda: hashlib.blake2b(b"a", 16))
e(lambda: hashlib.blake2b(key="k"))

# many short-lived hash objects: each one's context is freed by the collector (no leak, no reuse)
import zlib
ok = True
keep = []
for i in range(3000):
    h = hashlib.sha256(b"%d" % i)
    c = zlib.compressobj()
    if i % 500 == 0:
        keep.append((i, h.copy()))
    ok = ok and h.hexdigest() == hashlib.new("sha256", b"%d" % i).hexdigest()
print(ok, [(i, k.hexdigest()[:12]) for i, k in keep])
