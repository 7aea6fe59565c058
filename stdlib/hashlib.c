/* hashlib.c: the _hashlib module (CPython's Modules/_hashopenssl.c and _blake2 counterpart), on which
 * stdlib/lib/hashlib.py and hmac.py build.
 *
 * HASH objects wrap an OpenSSL 3 EVP_MD_CTX (libcrypto): md5, the SHA-1/SHA-2/SHA-3 families, shake_128/256
 * (type HASHXOF: digest(length)) and whatever else libcrypto provides (ripemd160, sm3...). The EVP digests
 * come from EVP_get_digestbyname, which returns libcrypto's own constant tables: nothing is fetched or
 * cached. A HASH owns its context, which lives outside the VM heap: the type is KR_TF_EXTERNAL_FINALIZE and
 * its finalizer frees the context (also when the VM is destroyed), so no context leaks.
 *
 * libcrypto is loaded with dlopen on the first import of _hashlib, not linked: linking it cost every
 * start of the interpreter ~24,000 relocations (`krait -c pass` went from 3.8M to 6.7M instructions).
 * The entry points are looked up into a crypto_api table inside a GC object of the module (module state
 * HS_API); a HASH keeps that object alive through its `api_obj` field, and copies the one function its
 * finalizer needs (the holder may be swept in the same collection). The library is never dlclosed: a
 * dlopen handle is per process, and OpenSSL registers its own exit-time cleanup.
 *
 * blake2b and blake2s are ours (stdlib/blake2.c): OpenSSL 3.0's EVP offers them only at their full digest
 * size without key, salt or personalization, and hashlib's blake2 constructors take all of those. Their
 * state is plain memory inside the object, so they need no finalizer.
 *
 * digest() finishes a copy of the context, so a hash can be updated after it was read (as CPython's).
 * compare_digest (hmac.compare_digest, secrets.compare_digest) runs in time independent of where the inputs
 * differ. Module state (module->state): a tuple of the types and UnsupportedDigestmodError.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/kr.h"
#include "../vm/native.h"
#include "../vm/str.h"
#include "../vm/type.h"
#include "blake2.h"

enum { HS_HASH, HS_HASHXOF, HS_BLAKE2B, HS_BLAKE2S, HS_UNSUPPORTED, HS_API, HS_COUNT };

/* The libcrypto functions used here, looked up with dlsym (same prototypes as the header's). */
#define CRYPTO_FUNCS(X)                                                                                       \
    X(EVP_get_digestbyname) X(EVP_MD_CTX_new) X(EVP_MD_CTX_free) X(EVP_DigestInit_ex) X(EVP_DigestUpdate)     \
    X(EVP_DigestFinal_ex) X(EVP_DigestFinalXOF) X(EVP_MD_CTX_copy_ex) X(EVP_MD_get_size)                     \
    X(EVP_MD_get_block_size) X(EVP_MD_CTX_get0_md) X(PKCS5_PBKDF2_HMAC) X(EVP_PBE_scrypt)

typedef struct crypto_api {
#define CRYPTO_FIELD(name) __typeof__(&name) name;
    CRYPTO_FUNCS(CRYPTO_FIELD)
#undef CRYPTO_FIELD
} crypto_api;

/* The GC object that holds a VM's table (type _hashlib._crypto, module state HS_API). */
typedef struct api_obj {
    kr_object ob;
    crypto_api api;
} api_obj;

/* the names of the table's functions, in its order (kr_native_library fills it by position) */
static const char *const crypto_names[] = {
#define CRYPTO_NAME(name) #name,
    CRYPTO_FUNCS(CRYPTO_NAME)
#undef CRYPTO_NAME
};
_Static_assert(sizeof(crypto_api) == sizeof crypto_names / sizeof crypto_names[0] * sizeof(void *),
               "crypto_api holds function pointers only, one per name");

#define KR_STR2(x) #x
#define KR_STR(x) KR_STR2(x)
/* the soname of the libcrypto these headers describe */
#define LIBCRYPTO_SONAME "libcrypto.so." KR_STR(OPENSSL_VERSION_MAJOR)

/* The digests HASH offers: the name hashlib uses (also the object's .name) and OpenSSL's. */
typedef struct hash_info {
    const char *name;
    const char *ossl;
    bool xof;
} hash_info;

static const hash_info HASHES[] = {
    {"md5", "MD5", false},
    {"sha1", "SHA1", false},
    {"sha224", "SHA224", false},
    {"sha256", "SHA256", false},
    {"sha384", "SHA384", false},
    {"sha512", "SHA512", false},
    {"sha512_224", "SHA512-224", false},
    {"sha512_256", "SHA512-256", false},
    {"sha3_224", "SHA3-224", false},
    {"sha3_256", "SHA3-256", false},
    {"sha3_384", "SHA3-384", false},
    {"sha3_512", "SHA3-512", false},
    {"shake_128", "SHAKE128", true},
    {"shake_256", "SHAKE256", true},
    {"md5-sha1", "MD5-SHA1", false},
    {"ripemd160", "RIPEMD160", false},
    {"sm3", "SM3", false},
    {NULL, NULL, false},
};

typedef struct hash_obj {
    kr_object ob;
    EVP_MD_CTX *ctx;       /* NULL only if creating it failed (the object is then never returned) */
    const hash_info *info; /* an entry of HASHES */
    kr_value api_obj;      /* the api_obj whose table `api` points into: traced, so it outlives this */
    const crypto_api *api;
    void (*ctx_free)(EVP_MD_CTX *); /* for the finalizer, which must not read api_obj */
} hash_obj;

typedef struct blake2_obj {
    kr_object ob;
    kr_blake2_state st;
} blake2_obj;

static kr_value state_of(kr_value module) { return KR_AS(kr_module, module)->state; }
static kr_type *state_type(kr_value state, int which) { return KR_AS(kr_type, kr_tuple_items(state)[which]); }
static const crypto_api *state_api(kr_value state) { return &KR_AS(api_obj, kr_tuple_items(state)[HS_API])->api; }

/* ---------------- data arguments ---------------- */

/* The bytes of a value to hash: bytes or bytearray; CPython's messages for str and anything else. */
static int hash_data(kr_vm *vm, kr_value v, const uint8_t **data, int64_t *n)
{
    if (kr_is_str(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "Strings must be encoded before hashing");
    if (!kr_has_buffer(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "object supporting the buffer API required");
    return kr_bytes_buffer(vm, v, data, n);
}

static kr_value hex_of(kr_vm *vm, const uint8_t *d, size_t n)
{
    static const char HEX[] = "0123456789abcdef";
    if (n == 0)
        return kr_str_new(vm, "", 0);
    char small[128];
    char *buf = 2 * n <= sizeof small ? small : malloc(2 * n);
    if (!buf)
        return kr_raise_nomemory(vm);
    for (size_t i = 0; i < n; i++) {
        buf[2 * i] = HEX[d[i] >> 4];
        buf[2 * i + 1] = HEX[d[i] & 15];
    }
    kr_value s = kr_str_new(vm, buf, 2 * n);
    if (buf != small)
        free(buf);
    return s;
}

/* ---------------- HASH ---------------- */

static void hash_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((hash_obj *)o)->api_obj);
}

static void hash_finalize(kr_vm *vm, kr_object *o)
{
    (void)vm;
    hash_obj *h = (hash_obj *)o;
    if (h->ctx)
        h->ctx_free(h->ctx);
    h->ctx = NULL;
}

static const hash_info *find_hash(const char *name)
{
    for (const hash_info *i = HASHES; i->name; i++)
        if (!strcasecmp(name, i->name) || !strcasecmp(name, i->ossl))
            return i;
    return NULL;
}

/* A new, initialised HASH for info (type HASH or HASHXOF from state); KR_NULL + error if libcrypto cannot
 * provide the digest (unsupported_msg: raise ValueError with it, else UnsupportedDigestmodError). */
static hash_obj *hash_create(kr_vm *vm, kr_value state, const hash_info *info)
{
    const crypto_api *api = state_api(state);
    const EVP_MD *md = api->EVP_get_digestbyname(info->ossl);
    hash_obj *h = kr_gc_alloc(vm, state_type(state, info->xof ? HS_HASHXOF : HS_HASH), sizeof *h);
    if (!h)
        return NULL;
    h->info = info;
    h->api_obj = kr_tuple_items(state)[HS_API];
    h->api = api;
    h->ctx_free = api->EVP_MD_CTX_free;
    h->ctx = api->EVP_MD_CTX_new();
    if (!h->ctx) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    if (!md || api->EVP_DigestInit_ex(h->ctx, md, NULL) != 1) {
        kr_raise(vm, state_type(state, HS_UNSUPPORTED), "unsupported hash type %s", info->name);
        return NULL;
    }
    return h;
}

static int hash_update_value(kr_vm *vm, hash_obj *h, kr_value data)
{
    const uint8_t *d;
    int64_t n;
    if (hash_data(vm, data, &d, &n) < 0)
        return -1;
    if (h->api->EVP_DigestUpdate(h->ctx, d, (size_t)n) != 1)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "hash update failed");
    return 0;
}

/* _hashlib.new(name, string=b'', *, usedforsecurity=True) (CPython 3.13's names: hashlib.new passes its
 * data positionally) */
static kr_value m_new(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"name", "string", "usedforsecurity"};
    kr_value a[3];
    if (kr_args_parse(vm, "new", args + 1, nargs - 1, kwnames, names, 3, 1, 0, a) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, a[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "new() argument 'name' must be str, not %s", kr_typename(vm, a[0]));
    kr_value data = a[1];
    const hash_info *info = find_hash(kr_str_data(a[0]));
    if (!info)
        return kr_raise(vm, state_type(state_of(args[0]), HS_UNSUPPORTED), "unsupported hash type %s",
                        kr_str_data(a[0]));
    /* check the data before creating anything, so a bad argument allocates no context */
    const uint8_t *d;
    int64_t n;
    if (data && hash_data(vm, data, &d, &n) < 0)
        return KR_NULL;
    hash_obj *h = hash_create(vm, state_of(args[0]), info);
    if (!h)
        return KR_NULL;
    if (data && hash_update_value(vm, h, data) < 0)
        return KR_NULL;
    return KR_VAL(h);
}

/* _hashlib.hash_names(): the names of the HASH digests this libcrypto provides (algorithms_available). */
static kr_value m_hash_names(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "hash_names", nargs, kwnames) < 0)
        return KR_NULL;
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &list);
    const crypto_api *api = state_api(state_of(args[0]));
    EVP_MD_CTX *ctx = api->EVP_MD_CTX_new();
    for (const hash_info *i = HASHES; ctx && i->name; i++) {
        /* some names resolve but cannot be initialised (a digest of the legacy provider, not loaded) */
        const EVP_MD *md = api->EVP_get_digestbyname(i->ossl);
        if (!md || api->EVP_DigestInit_ex(ctx, md, NULL) != 1)
            continue;
        kr_value s = kr_str_from_cstr(vm, i->name);
        if (!s || kr_list_append(vm, list, s) < 0) {
            list = KR_NULL;
            break;
        }
    }
    api->EVP_MD_CTX_free(ctx);
    kr_root_reset(vm, mark);
    return list;
}

static kr_value hash_update(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "HASH.update", nargs, kwnames) < 0)
        return KR_NULL;
    if (hash_update_value(vm, KR_AS(hash_obj, args[0]), args[1]) < 0)
        return KR_NULL;
    return KR_NONE;
}

/* The digest so far into out (EVP_MAX_MD_SIZE bytes), from a copy of the context. */
static int hash_final(kr_vm *vm, hash_obj *h, uint8_t *out, unsigned *len)
{
    const crypto_api *api = h->api;
    EVP_MD_CTX *tmp = api->EVP_MD_CTX_new();
    int ok = tmp && api->EVP_MD_CTX_copy_ex(tmp, h->ctx) == 1 && api->EVP_DigestFinal_ex(tmp, out, len) == 1;
    api->EVP_MD_CTX_free(tmp);
    return ok ? 0 : kr_raise_i(vm, KR_EXC(vm, ValueError), "hash digest failed");
}

static kr_value hash_digest(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "HASH.digest", nargs, kwnames) < 0)
        return KR_NULL;
    uint8_t out[EVP_MAX_MD_SIZE];
    unsigned len;
    if (hash_final(vm, KR_AS(hash_obj, args[0]), out, &len) < 0)
        return KR_NULL;
    return kr_bytes_new(vm, out, len);
}

static kr_value hash_hexdigest(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "HASH.hexdigest", nargs, kwnames) < 0)
        return KR_NULL;
    uint8_t out[EVP_MAX_MD_SIZE];
    unsigned len;
    if (hash_final(vm, KR_AS(hash_obj, args[0]), out, &len) < 0)
        return KR_NULL;
    return hex_of(vm, out, len);
}

static kr_value hash_copy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "HASH.copy", nargs, kwnames) < 0)
        return KR_NULL;
    hash_obj *h = KR_AS(hash_obj, args[0]);
    hash_obj *c = kr_gc_alloc(vm, KR_OBJ(args[0])->type, sizeof *c);
    if (!c)
        return KR_NULL;
    c->info = h->info;
    c->api_obj = h->api_obj;
    c->api = h->api;
    c->ctx_free = h->ctx_free;
    c->ctx = h->api->EVP_MD_CTX_new();
    if (!c->ctx || h->api->EVP_MD_CTX_copy_ex(c->ctx, h->ctx) != 1)
        return kr_raise_nomemory(vm);
    return KR_VAL(c);
}

/* HASHXOF.digest(length) / hexdigest(length): the first `length` bytes of the extendable output. */
static uint8_t *xof_final(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *fname, int64_t *len)
{
    static const char *const names[] = {"length"};
    kr_value a[1];
    if (kr_args_parse(vm, fname, args + 1, nargs - 1, kwnames, names, 1, 1, 0, a) < 0 || kr_index_ssize(vm, a[0], len) < 0)
        return NULL;
    if (*len < 0) {
        kr_raise(vm, KR_EXC(vm, ValueError), "length must be non-negative");
        return NULL;
    }
    const crypto_api *api = KR_AS(hash_obj, args[0])->api;
    uint8_t *out = malloc(*len ? (size_t)*len : 1);
    EVP_MD_CTX *tmp = out ? api->EVP_MD_CTX_new() : NULL;
    if (!tmp) {
        free(out);
        kr_raise_nomemory(vm);
        return NULL;
    }
    int ok = api->EVP_MD_CTX_copy_ex(tmp, KR_AS(hash_obj, args[0])->ctx) == 1 &&
             (*len == 0 || api->EVP_DigestFinalXOF(tmp, out, (size_t)*len) == 1);
    api->EVP_MD_CTX_free(tmp);
    if (!ok) {
        free(out);
        kr_raise(vm, KR_EXC(vm, ValueError), "hash digest failed");
        return NULL;
    }
    return out;
}

static kr_value xof_digest(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t len;
    uint8_t *out = xof_final(vm, args, nargs, kwnames, "digest", &len);
    if (!out)
        return KR_NULL;
    kr_value r = kr_bytes_new(vm, out, (size_t)len);
    free(out);
    return r;
}

static kr_value xof_hexdigest(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t len;
    uint8_t *out = xof_final(vm, args, nargs, kwnames, "hexdigest", &len);
    if (!out)
        return KR_NULL;
    kr_value r = hex_of(vm, out, (size_t)len);
    free(out);
    return r;
}

static kr_value hash_repr(kr_vm *vm, kr_value self)
{
    hash_obj *h = KR_AS(hash_obj, self);
    return kr_str_fmt(vm, "<%s _hashlib.%s object @ %p>", h->info->name, h->info->xof ? "HASHXOF" : "HASH",
                      (void *)h);
}

static kr_value hash_get_name(kr_vm *vm, kr_value self) { return kr_str_from_cstr(vm, KR_AS(hash_obj, self)->info->name); }

static kr_value hash_get_digest_size(kr_vm *vm, kr_value self)
{
    hash_obj *h = KR_AS(hash_obj, self);
    /* an XOF has no fixed size: CPython reports 0 */
    return kr_int_from_i64(vm, h->info->xof ? 0 : h->api->EVP_MD_get_size(h->api->EVP_MD_CTX_get0_md(h->ctx)));
}

static kr_value hash_get_block_size(kr_vm *vm, kr_value self)
{
    hash_obj *h = KR_AS(hash_obj, self);
    return kr_int_from_i64(vm, h->api->EVP_MD_get_block_size(h->api->EVP_MD_CTX_get0_md(h->ctx)));
}

static const kr_method_def hash_methods[] = {
    {"update", hash_update, 0, "Update this hash object's state with the provided string."},
    {"digest", hash_digest, 0, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest, 0, "Return the digest value as a string of hexadecimal digits."},
    {"copy", hash_copy, 0, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static const kr_method_def xof_methods[] = {
    {"digest", xof_digest, 0, "Return the digest value as a bytes object."},
    {"hexdigest", xof_hexdigest, 0, "Return the digest value as a string of hexadecimal digits."},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def hash_getsets[] = {
    {"name", hash_get_name, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---------------- blake2b / blake2s ---------------- */

/* blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1, depth=1, leaf_size=0,
 * node_offset=0, node_depth=0, inner_size=0, last_node=False, usedforsecurity=True) */
static kr_value blake2_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"data", "digest_size", "key", "salt", "person", "fanout", "depth",
                                        "leaf_size", "node_offset", "node_depth", "inner_size", "last_node",
                                        "usedforsecurity"};
    kr_value a[13];
    kr_value state = KR_TX(cls)->module_state;
    bool is_b = state && cls == state_type(state, HS_BLAKE2B);
    const char *fname = is_b ? "blake2b" : "blake2s";
    /* everything after data is keyword-only */
    if (nargs > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s() takes at most 1 positional argument (%d given)", fname, nargs);
    if (kr_args_parse(vm, fname, args, nargs, kwnames, names, 13, 0, 1, a) < 0)
        return KR_NULL;
    kr_value data = a[0];
    kr_blake2_params p;
    memset(&p, 0, sizeof p);
    const int maxd = is_b ? 64 : 32, maxsp = is_b ? 16 : 8;
    int64_t v;
    p.digest_size = maxd;
    p.fanout = 1;
    p.depth = 1;
    if (a[1]) {
        if (kr_index_ssize(vm, a[1], &v) < 0)
            return KR_NULL;
        if (v < 1 || v > maxd)
            return kr_raise(vm, KR_EXC(vm, ValueError), "digest_size must be between 1 and %d bytes", maxd);
        p.digest_size = (int)v;
    }
    /* key, salt, person: bytes-like, each up to its maximum */
    static const char *const what[] = {"key", "salt", "person"};
    const uint8_t *bufs[3] = {NULL, NULL, NULL};
    int64_t lens[3] = {0, 0, 0};
    const int64_t maxes[3] = {maxd, maxsp, maxsp};
    for (int k = 0; k < 3; k++) {
        if (!a[2 + k])
            continue;
        if (kr_bytes_buffer(vm, a[2 + k], &bufs[k], &lens[k]) < 0)
            return KR_NULL;
        if (lens[k] > maxes[k]) {
            if (k == 0)
                return kr_raise(vm, KR_EXC(vm, ValueError), "maximum key length is %d bytes", maxd);
            return kr_raise(vm, KR_EXC(vm, ValueError), "maximum %s length is %d bytes", what[k], maxsp);
        }
    }
    /* the tree parameters, with CPython's checks and messages */
    static const struct { const char *name; int64_t lo, hib, his; const char *msg; } tree[] = {
        {"fanout", 0, 255, 255, "fanout must be between 0 and 255"},
        {"depth", 1, 255, 255, "depth must be between 1 and 255"},
        {"leaf_size", 0, 0xffffffffLL, 0xffffffffLL, "leaf_size is too large"},
        {"node_offset", 0, INT64_MAX, 0xffffffffffffLL, "node_offset is too large"},
        {"node_depth", 0, 255, 255, "node_depth must be between 0 and 255"},
        {"inner_size", 0, 64, 32, NULL},
    };
    int64_t tv[6] = {1, 1, 0, 0, 0, 0};
    for (int k = 0; k < 6; k++) {
        if (!a[5 + k])
            continue;
        if (kr_index_ssize(vm, a[5 + k], &tv[k]) < 0)
            return KR_NULL;
        int64_t hi = is_b ? tree[k].hib : tree[k].his;
        if (tv[k] < tree[k].lo || tv[k] > hi) {
            if (k == 5)
                return kr_raise(vm, KR_EXC(vm, ValueError), "inner_size must be between 0 and is %d", maxd);
            if (k == 2 && tv[k] < 0)
                return kr_raise(vm, KR_EXC(vm, OverflowError), "can't convert negative int to unsigned");
            return kr_raise(vm, KR_EXC(vm, ValueError), "%s", tree[k].msg);
        }
    }
    p.fanout = (int)tv[0];
    p.depth = (int)tv[1];
    p.leaf_size = (uint32_t)tv[2];
    p.node_offset = (uint64_t)tv[3];
    p.node_depth = (int)tv[4];
    p.inner_size = (int)tv[5];
    if (a[11]) {
        int t = kr_truthy(vm, a[11]);
        if (t < 0)
            return KR_NULL;
        p.last_node = t;
    }
    memcpy(p.salt, bufs[1] ? bufs[1] : (const uint8_t *)"", (size_t)lens[1]);
    memcpy(p.person, bufs[2] ? bufs[2] : (const uint8_t *)"", (size_t)lens[2]);
    const uint8_t *d = NULL;
    int64_t n = 0;
    if (data && hash_data(vm, data, &d, &n) < 0)
        return KR_NULL;
    blake2_obj *b = kr_gc_alloc(vm, cls, sizeof *b);
    if (!b)
        return KR_NULL;
    /* the key and data buffers are not touched by the allocation (bytes do not move) */
    kr_blake2_init(&b->st, is_b, &p, bufs[0], (size_t)lens[0]);
    if (n)
        kr_blake2_update(&b->st, d, (size_t)n);
    return KR_VAL(b);
}

static kr_value blake2_update(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "update", nargs, kwnames) < 0)
        return KR_NULL;
    const uint8_t *d;
    int64_t n;
    if (hash_data(vm, args[1], &d, &n) < 0)
        return KR_NULL;
    kr_blake2_update(&KR_AS(blake2_obj, args[0])->st, d, (size_t)n);
    return KR_NONE;
}

static kr_value blake2_digest(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "digest", nargs, kwnames) < 0)
        return KR_NULL;
    uint8_t out[64];
    kr_blake2_state tmp = KR_AS(blake2_obj, args[0])->st;
    kr_blake2_final(&tmp, out);
    return kr_bytes_new(vm, out, tmp.outlen);
}

static kr_value blake2_hexdigest(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "hexdigest", nargs, kwnames) < 0)
        return KR_NULL;
    uint8_t out[64];
    kr_blake2_state tmp = KR_AS(blake2_obj, args[0])->st;
    kr_blake2_final(&tmp, out);
    return hex_of(vm, out, tmp.outlen);
}

static kr_value blake2_copy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "copy", nargs, kwnames) < 0)
        return KR_NULL;
    blake2_obj *c = kr_gc_alloc(vm, KR_OBJ(args[0])->type, sizeof *c);
    if (!c)
        return KR_NULL;
    c->st = KR_AS(blake2_obj, args[0])->st;
    return KR_VAL(c);
}

static kr_value blake2_get_name(kr_vm *vm, kr_value self)
{
    return kr_str_from_cstr(vm, KR_AS(blake2_obj, self)->st.is_b ? "blake2b" : "blake2s");
}

static kr_value blake2_get_digest_size(kr_vm *vm, kr_value self)
{
    return kr_int_from_i64(vm, KR_AS(blake2_obj, self)->st.outlen);
}

static kr_value blake2_get_block_size(kr_vm *vm, kr_value self)
{
    return kr_int_from_i64(vm, KR_AS(blake2_obj, self)->st.is_b ? 128 : 64);
}

static const kr_method_def blake2_methods[] = {
    {"update", blake2_update, 0, "Update this hash object's state with the provided bytes-like object."},
    {"digest", blake2_digest, 0, "Return the digest value as a bytes object."},
    {"hexdigest", blake2_hexdigest, 0, "Return the digest value as a string of hexadecimal digits."},
    {"copy", blake2_copy, 0, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def blake2_getsets[] = {
    {"name", blake2_get_name, NULL, NULL},
    {"digest_size", blake2_get_digest_size, NULL, NULL},
    {"block_size", blake2_get_block_size, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---------------- key derivation ---------------- */

static int bytes_arg(kr_vm *vm, kr_value v, const uint8_t **d, int64_t *n)
{
    return kr_bytes_buffer(vm, v, d, n);
}

/* pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None) */
static kr_value m_pbkdf2_hmac(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"hash_name", "password", "salt", "iterations", "dklen"};
    kr_value a[5];
    if (kr_args_parse(vm, "pbkdf2_hmac", args + 1, nargs - 1, kwnames, names, 5, 4, 0, a) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, a[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "pbkdf2_hmac() argument 'hash_name' must be str, not %s",
                        kr_typename(vm, a[0]));
    const uint8_t *pw, *salt;
    int64_t npw, nsalt, iters, dklen;
    if (bytes_arg(vm, a[1], &pw, &npw) < 0 || bytes_arg(vm, a[2], &salt, &nsalt) < 0 ||
        kr_index_ssize(vm, a[3], &iters) < 0)
        return KR_NULL;
    if (iters < 1)
        return kr_raise(vm, KR_EXC(vm, ValueError), "iteration value must be greater than 0.");
    if (iters > INT32_MAX)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "iteration value is too great.");
    const hash_info *info = find_hash(kr_str_data(a[0]));
    const crypto_api *api = state_api(state_of(args[0]));
    const EVP_MD *md = info && !info->xof ? api->EVP_get_digestbyname(info->ossl) : NULL;
    if (!md)
        return kr_raise(vm, state_type(state_of(args[0]), HS_UNSUPPORTED), "[digital envelope routines] unsupported");
    if (!a[4] || a[4] == KR_NONE)
        dklen = api->EVP_MD_get_size(md);
    else if (kr_index_ssize(vm, a[4], &dklen) < 0)
        return KR_NULL;
    if (dklen < 1)
        return kr_raise(vm, KR_EXC(vm, ValueError), "key length must be greater than 0.");
    if (dklen > INT32_MAX)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "key length is too great.");
    if (npw > INT32_MAX || nsalt > INT32_MAX)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "password or salt is too long.");
    kr_bytes *out = kr_bytes_alloc(vm, dklen);
    if (!out)
        return KR_NULL;
    /* the password and salt buffers stay valid: bytes never move, and no Python code ran since */
    if (api->PKCS5_PBKDF2_HMAC((const char *)pw, (int)npw, salt, (int)nsalt, (int)iters, md, (int)dklen, out->data) != 1)
        return kr_raise(vm, KR_EXC(vm, ValueError), "pbkdf2_hmac failed");
    return KR_VAL(out);
}

/* scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64) */
static kr_value m_scrypt(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"password", "salt", "n", "r", "p", "maxmem", "dklen"};
    kr_value a[7];
    if (nargs - 1 > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "scrypt() takes exactly 1 positional argument (%d given)", nargs - 1);
    if (kr_args_parse(vm, "scrypt", args + 1, nargs - 1, kwnames, names, 7, 1, 0, a) < 0)
        return KR_NULL;
    const crypto_api *api = state_api(state_of(args[0]));
    const uint8_t *pw, *salt;
    int64_t npw, nsalt;
    if (bytes_arg(vm, a[0], &pw, &npw) < 0)
        return KR_NULL;
    if (!a[1] || a[1] == KR_NONE)
        return kr_raise(vm, KR_EXC(vm, TypeError), "salt is required");
    if (bytes_arg(vm, a[1], &salt, &nsalt) < 0)
        return KR_NULL;
    int64_t v[5] = {0, 0, 0, 0, 64};
    static const char *const req[] = {"n", "r", "p"};
    for (int k = 0; k < 5; k++) {
        kr_value x = a[2 + k];
        if (!x || x == KR_NONE) {
            if (k < 3)
                return kr_raise(vm, KR_EXC(vm, TypeError), "%s is required and must be an unsigned int", req[k]);
            continue;
        }
        if (!kr_is_int(vm, x))
            return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                            kr_typename(vm, x));
        if (kr_index_ssize(vm, x, &v[k]) < 0)
            return KR_NULL;
    }
    if (v[0] < 2 || (v[0] & (v[0] - 1)))
        return kr_raise(vm, KR_EXC(vm, ValueError), "n must be a power of 2.");
    if (v[3] < 0 || v[3] > INT32_MAX)
        return kr_raise(vm, KR_EXC(vm, ValueError), "maxmem must be positive and smaller than %d", INT32_MAX);
    if (v[4] < 1 || v[4] > INT32_MAX)
        return kr_raise(vm, KR_EXC(vm, ValueError), "dklen must be greater than 0 and smaller than %d", INT32_MAX);
    if (v[1] < 0 || v[2] < 0 ||
        api->EVP_PBE_scrypt(NULL, 0, NULL, 0, (uint64_t)v[0], (uint64_t)v[1], (uint64_t)v[2], (uint64_t)v[3], NULL, 0) != 1)
        return kr_raise(vm, KR_EXC(vm, ValueError), "Invalid parameter combination for n, r, p, maxmem.");
    kr_bytes *out = kr_bytes_alloc(vm, v[4]);
    if (!out)
        return KR_NULL;
    if (api->EVP_PBE_scrypt((const char *)pw, (size_t)npw, salt, (size_t)nsalt, (uint64_t)v[0], (uint64_t)v[1],
                       (uint64_t)v[2], (uint64_t)v[3], out->data, (size_t)v[4]) != 1)
        return kr_raise_nomemory(vm);
    return KR_VAL(out);
}

/* ---------------- compare_digest ---------------- */

/* Equal lengths compare every byte; different lengths still walk b, so the time depends only on the
 * length of b (the attacker's input), never on where the inputs differ. */
static bool const_time_eq(const uint8_t *a, int64_t na, const uint8_t *b, int64_t nb)
{
    const volatile uint8_t *left = na == nb ? a : b;
    const volatile uint8_t *right = b;
    unsigned char result = na == nb ? 0 : 1;
    for (int64_t i = 0; i < nb; i++)
        result |= left[i] ^ right[i];
    return result == 0;
}

static kr_value m_compare_digest(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "compare_digest", kwnames) < 0 || kr_args_count(vm, "compare_digest", nargs, 2, 2) < 0)
        return KR_NULL;
    kr_value x = args[0], y = args[1];
    const uint8_t *a, *b;
    int64_t na, nb;
    bool xs = kr_is_str(vm, x), ys = kr_is_str(vm, y);
    if (xs && ys) {
        if (!(KR_OBJ(x)->flags & KR_STR_ASCII) || !(KR_OBJ(y)->flags & KR_STR_ASCII))
            return kr_raise(vm, KR_EXC(vm, TypeError), "comparing strings with non-ASCII characters is not supported");
        a = (const uint8_t *)kr_str_data(x);
        na = kr_str_nbytes(x);
        b = (const uint8_t *)kr_str_data(y);
        nb = kr_str_nbytes(y);
    } else {
        bool xb = kr_has_buffer(vm, x), yb = kr_has_buffer(vm, y);
        if (!xb && !yb)
            return kr_raise(vm, KR_EXC(vm, TypeError),
                            "unsupported operand types(s) or combination of types: '%s' and '%s'",
                            kr_typename(vm, x), kr_typename(vm, y));
        /* one is bytes-like: the other gets the usual "a bytes-like object is required" */
        if (kr_bytes_buffer(vm, x, &a, &na) < 0 || kr_bytes_buffer(vm, y, &b, &nb) < 0)
            return KR_NULL;
    }
    return kr_bool(const_time_eq(a, na, b, nb));
}

/* ---------------- the module ---------------- */

static const kr_method_def hashlib_functions[] = {
    {"new", m_new, KR_METH_MODULE, "Return a new hash object using the named algorithm."},
    {"hash_names", m_hash_names, KR_METH_MODULE, NULL},
    {"pbkdf2_hmac", m_pbkdf2_hmac, KR_METH_MODULE, "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."},
    {"scrypt", m_scrypt, KR_METH_MODULE, "scrypt password-based key derivation function."},
    {"compare_digest", m_compare_digest, KR_METH_STATIC, "Return 'a == b'."},
    {NULL, NULL, 0, NULL},
};

static kr_type *new_type(kr_vm *vm, kr_value state, int slot, const char *name, kr_type *base, size_t size)
{
    kr_type *t = kr_type_new_builtin(vm, name, base, size, 0);
    KR_TX(t)->module_state = state;
    kr_tuple_items(state)[slot] = KR_VAL(t);
    kr_gc_barrier(vm, KR_OBJ(state), KR_VAL(t));
    return t;
}


kr_value kr_hashlib_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_hashlib");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value state = kr_tuple_new(vm, HS_COUNT);
    if (!state)
        goto fail;
    KR_AS(kr_module, m)->state = state;
    kr_gc_barrier(vm, KR_OBJ(m), state);

    /* the library's entry points, in an object the streams keep alive */
    kr_value ao = kr_native_library(vm, "_hashlib._crypto", sizeof(api_obj), offsetof(api_obj, api), LIBCRYPTO_SONAME,
                                    "_hashlib", NULL, crypto_names, sizeof crypto_names / sizeof crypto_names[0]);
    if (!ao)
        goto fail;
    kr_tuple_items(state)[HS_API] = ao;
    kr_gc_barrier(vm, KR_OBJ(state), ao);

    /* UnsupportedDigestmodError(ValueError), as CPython's _hashlib */
    kr_value name = kr_str_from_cstr(vm, "UnsupportedDigestmodError");
    kr_value bases = name ? kr_tuple_pack(vm, 1, KR_VAL(KR_EXC(vm, ValueError))) : KR_NULL;
    kr_value ns = bases ? kr_dict_new(vm) : KR_NULL;
    kr_value modname = ns ? kr_str_from_cstr(vm, "_hashlib") : KR_NULL;
    if (!modname || kr_dict_set_cstr(vm, ns, "__module__", modname) < 0)
        goto fail;
    kr_value err = kr_type_create_class(vm, KR_VAL(vm->t.type), name, bases, ns, KR_NULL);
    if (!err)
        goto fail;
    kr_tuple_items(state)[HS_UNSUPPORTED] = err;
    kr_gc_barrier(vm, KR_OBJ(state), err);

    kr_type *h = new_type(vm, state, HS_HASH, "_hashlib.HASH", vm->t.object, sizeof(hash_obj));
    h->flags |= KR_TF_EXTERNAL_FINALIZE | KR_TF_ABSTRACT;
    h->trace = hash_trace;
    h->finalize = hash_finalize;
    h->repr = hash_repr;
    h->methods = hash_methods;
    h->getsets = hash_getsets;
    if (kr_type_ready(vm, h) < 0)
        goto fail;
    kr_type *x = new_type(vm, state, HS_HASHXOF, "_hashlib.HASHXOF", h, sizeof(hash_obj));
    x->flags |= KR_TF_EXTERNAL_FINALIZE | KR_TF_ABSTRACT;
    x->trace = hash_trace;
    x->finalize = hash_finalize;
    x->repr = hash_repr;
    x->methods = xof_methods;
    if (kr_type_ready(vm, x) < 0)
        goto fail;
    static const char *const bnames[] = {"_blake2.blake2b", "_blake2.blake2s"};
    for (int k = 0; k < 2; k++) {
        kr_type *b = new_type(vm, state, HS_BLAKE2B + k, bnames[k], vm->t.object, sizeof(blake2_obj));
        b->new_ = blake2_new;
        b->methods = blake2_methods;
        b->getsets = blake2_getsets;
        if (kr_type_ready(vm, b) < 0)
            goto fail;
        /* the class constants of CPython's blake2 types */
        const int sizes[4] = {k ? 8 : 16, k ? 8 : 16, k ? 32 : 64, k ? 32 : 64};
        static const char *const cn[] = {"SALT_SIZE", "PERSON_SIZE", "MAX_KEY_SIZE", "MAX_DIGEST_SIZE"};
        for (int i = 0; i < 4; i++) {
            kr_value c = kr_int_from_i64(vm, sizes[i]);
            if (!c || kr_dict_set_cstr(vm, b->dict, cn[i], c) < 0)
                goto fail;
        }
    }
    if (kr_module_add_functions(vm, m, hashlib_functions) < 0 || kr_module_add(vm, m, "HASH", KR_VAL(h)) < 0 ||
        kr_module_add(vm, m, "HASHXOF", KR_VAL(x)) < 0 ||
        kr_module_add(vm, m, "blake2b", kr_tuple_items(state)[HS_BLAKE2B]) < 0 ||
        kr_module_add(vm, m, "blake2s", kr_tuple_items(state)[HS_BLAKE2S]) < 0 ||
        kr_module_add(vm, m, "UnsupportedDigestmodError", err) < 0 ||
        kr_module_add(vm, m, "_GIL_MINSIZE", kr_int_from_i64(vm, 2048)) < 0)
        goto fail;
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
