# hashlib.pbkdf2_hmac (RFC 6070 vectors), scrypt (RFC 7914 vectors), file_digest and their errors.
import hashlib, io, os

def e(f):
    try:
        r = f()
        print("ok", r)
    except Exception as ex:
        print(type(ex).__name__, ex)

print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 1, 20).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, 20).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 4096, 20).hex())
print(hashlib.pbkdf2_hmac("sha1", b"passwordPASSWORDpassword", b"saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25).hex())
print(hashlib.pbkdf2_hmac("sha1", b"pass\0word", b"sa\0lt", 4096, 16).hex())
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha512", bytearray(b"pw"), bytearray(b"s"), 3, dklen=100).hex())
print(hashlib.pbkdf2_hmac(hash_name="md5", password=b"p", salt=b"", iterations=2).hex())
print(hashlib.scrypt(b"", salt=b"", n=16, r=1, p=1, dklen=64).hex())
print(hashlib.scrypt(b"password", salt=b"NaCl", n=1024, r=8, p=16, dklen=64).hex())
print(hashlib.scrypt(b"pw", salt=b"salt", n=2, r=1, p=1).hex())
e(lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0))
e(lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 1, 0))
e(lambda: hashlib.pbkdf2_hmac("sha256", "p", b"s", 1))
e(lambda: hashlib.pbkdf2_hmac("sha256", b"p", "s", 1))
e(lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s"))
e(lambda: hashlib.scrypt(b"p", salt=b"s", n=3, r=1, p=1))
e(lambda: hashlib.scrypt(b"p", salt=b"s", n=1, r=1, p=1))
e(lambda: hashlib.scrypt(b"p", salt=b"s", n=4, r=0, p=1))
e(lambda: hashlib.scrypt(b"p", n=4, r=1, p=1))
e(lambda: hashlib.scrypt("p", salt=b"s", n=4, r=1, p=1))
e(lambda: hashlib.scrypt(b"p", salt=b"s", n=4, r=1, p=1, dklen=0))
e(lambda: hashlib.scrypt(b"p", b"s"))
try:
    hashlib.pbkdf2_hmac("nope", b"p", b"s", 1)
except ValueError as ex:
    print("ValueError subclass", type(ex).__name__)

# file_digest: a BytesIO, a real file, a name or a constructor; a text file is refused
data = bytes(range(256)) * 4000
print(hashlib.file_digest(io.BytesIO(data), "sha256").hexdigest() == hashlib.sha256(data).hexdigest())
path = "/tmp/krait_hashlib_%d.bin" % os.getpid()
try:
    with open(path, "wb") as f:
        f.write(data)
    with open(path, "rb") as f:
        print(hashlib.file_digest(f, hashlib.md5).hexdigest() == hashlib.md5(data).hexdigest())
    with open(path, "rb") as f:
        d = hashlib.file_digest(f, lambda: hashlib.blake2b(digest_size=8))
        print(d.digest_size, d.hexdigest() == hashlib.blake2b(data, digest_size=8).hexdigest())
    with open(path, "w") as f:
        f.write("text")
    with open(path, "r") as f:
        try:
            hashlib.file_digest(f, "sha1")
        except ValueError as ex:
            print("ValueError", str(ex).endswith("' is not a file-like object in binary reading mode."))
finally:
    os.remove(path)
