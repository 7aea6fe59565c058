/* zlibmodule.c: the zlib module (CPython's Modules/zlibmodule.c counterpart) on the system zlib:
 * compress/decompress, compressobj/decompressobj stream objects, crc32/adler32 and the constants, with
 * CPython 3.13's arguments, results and error messages ("Error -3 while decompressing data: incorrect
 * header check"). stdlib/lib/gzip.py builds on it.
 *
 * Compress and Decompress own a z_stream whose buffers zlib allocates with malloc, outside the VM heap:
 * both types are KR_TF_EXTERNAL_FINALIZE and their finalizers end the stream (deflateEnd/inflateEnd), also
 * when the VM is destroyed. `inited` says whether the stream is live (a finished Compress, a Decompress
 * after flush() reached the end, or a failed copy have none).
 *
 * Output is gathered in a malloc'd buffer that doubles as needed and is copied into a bytes at the end.
 * Input longer than UINT_MAX bytes is fed in slices (avail_in is an unsigned int). No Python code runs
 * while a stream works, so an input buffer taken at the start stays valid throughout.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/kr.h"
#include "../vm/str.h"
#include "../vm/type.h"

enum { ZS_ERROR, ZS_COMPRESS, ZS_DECOMPRESS, ZS_COUNT };
enum { DEF_BUF_SIZE = 16 * 1024, DEF_MEM_LEVEL = 8 };
/* inflate_loop's result after it raised: no zlib return code has this value */
enum { INFLATE_RAISED = INT_MIN };

typedef struct zobj {
    kr_object ob;
    z_stream zs;
    bool inited;
    bool eof;                /* Decompress: the end of the compressed stream was reached */
    kr_value state;          /* the module state (zlib.error for the methods) */
    kr_value unused_data;    /* Decompress: bytes after the end of the stream */
    kr_value unconsumed_tail; /* Decompress: input not yet processed because of max_length */
    kr_value zdict;          /* Decompress: the preset dictionary (bytes) or KR_NULL */
} zobj;

static kr_type *state_type(kr_value state, int which) { return KR_AS(kr_type, kr_tuple_items(state)[which]); }
static kr_value module_state(kr_value module) { return KR_AS(kr_module, module)->state; }

/* zlib.error with CPython's wording: "Error <code> <while ...>: <zlib's message or a default>". */
static kr_value zlib_error(kr_vm *vm, kr_value state, const z_stream *zs, int err, const char *what)
{
    const char *msg = err == Z_VERSION_ERROR ? "library version mismatch" : zs->msg;
    if (!msg) {
        switch (err) {
        case Z_BUF_ERROR: msg = "incomplete or truncated stream"; break;
        case Z_STREAM_ERROR: msg = "inconsistent stream state"; break;
        case Z_DATA_ERROR: msg = "invalid input data"; break;
        default: break;
        }
    }
    if (!msg)
        return kr_raise(vm, state_type(state, ZS_ERROR), "Error %d %s", err, what);
    return kr_raise(vm, state_type(state, ZS_ERROR), "Error %d %s: %.200s", err, what, msg);
}

/* ---------------- output buffers ---------------- */

typedef struct outbuf {
    uint8_t *data;
    size_t len, cap;
    size_t limit;   /* 0: none; else the output stops at `limit` bytes (max_length) */
    int nblocks;    /* growth steps taken (see BLOCK_SIZES) */
} outbuf;

/* The output grows by these steps (then by the last one), as CPython's output buffers do: the sizes of
 * zlib's output windows decide where level-0 (stored) blocks end, so the same steps give byte-identical
 * compressed data. */
static const size_t BLOCK_SIZES[] = {
    32 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024, 8 * 1024 * 1024, 16 * 1024 * 1024,
    16 * 1024 * 1024, 32 * 1024 * 1024, 32 * 1024 * 1024, 32 * 1024 * 1024, 32 * 1024 * 1024,
    64 * 1024 * 1024, 64 * 1024 * 1024, 128 * 1024 * 1024, 128 * 1024 * 1024, 256 * 1024 * 1024,
};

/* Points the stream's output at the free part of buf, growing it first if full. -1 + MemoryError. */
static int out_reserve(kr_vm *vm, outbuf *b, z_stream *zs)
{
    if (b->len == b->cap) {
        const int nsizes = (int)(sizeof BLOCK_SIZES / sizeof BLOCK_SIZES[0]);
        size_t step = BLOCK_SIZES[b->nblocks < nsizes ? b->nblocks : nsizes - 1];
        b->nblocks++;
        size_t ncap = b->cap + step;
        if (b->limit && ncap > b->limit)
            ncap = b->limit;
        uint8_t *p = realloc(b->data, ncap ? ncap : 1);
        if (!p) {
            kr_raise_nomemory(vm);
            return -1;
        }
        b->data = p;
        b->cap = ncap;
    }
    size_t room = b->cap - b->len;
    zs->next_out = b->data + b->len;
    zs->avail_out = room > UINT_MAX ? UINT_MAX : (uInt)room;
    return 0;
}

/* After a zlib call: count what it wrote. */
static void out_commit(outbuf *b, z_stream *zs, size_t room_before)
{
    b->len += room_before - zs->avail_out;
}

static kr_value out_finish(kr_vm *vm, outbuf *b)
{
    kr_value r = kr_bytes_new(vm, b->data ? b->data : (const uint8_t *)"", b->len);
    free(b->data);
    b->data = NULL;
    return r;
}

/* Feeds in[0..n) to the stream in slices, with avail_in set for each; returns the bytes left unread. */
static void in_set(z_stream *zs, const uint8_t *in, size_t n)
{
    zs->next_in = (Bytef *)in;
    zs->avail_in = n > UINT_MAX ? UINT_MAX : (uInt)n;
}

/* ---------------- arguments ---------------- */

static int int_arg(kr_vm *vm, kr_value v, int64_t dflt, int64_t *out)
{
    if (!v) {
        *out = dflt;
        return 0;
    }
    if (kr_index_i64(vm, v, out) < 0)
        return -1;
    if (*out < INT_MIN || *out > INT_MAX)
        return kr_raise_i(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C int");
    return 0;
}

/* A checksum's start value: any int, reduced modulo 2**32 (CPython's bitwise unsigned int converter). */
static int u32_arg(kr_vm *vm, kr_value v, uint32_t dflt, uint32_t *out)
{
    if (!v) {
        *out = dflt;
        return 0;
    }
    if (!kr_is_int(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer", kr_typename(vm, v));
    kr_value mask = kr_int_from_i64(vm, 0xffffffffLL);
    kr_value low = mask ? kr_binary_op(vm, KR_OP_AND, v, mask) : KR_NULL;
    int64_t x;
    if (!low || kr_int_to_i64(vm, low, &x) < 0)
        return -1;
    *out = (uint32_t)x;
    return 0;
}

/* ---------------- one-shot functions ---------------- */

/* compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS) */
static kr_value m_compress(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"data", "level", "wbits"};
    kr_value a[3];
    if (kr_args_parse(vm, "compress", args + 1, nargs - 1, kwnames, names, 3, 1, 1, a) < 0)
        return KR_NULL;
    const uint8_t *in;
    int64_t n, level, wbits;
    if (kr_bytes_buffer(vm, a[0], &in, &n) < 0 || int_arg(vm, a[1], Z_DEFAULT_COMPRESSION, &level) < 0 ||
        int_arg(vm, a[2], MAX_WBITS, &wbits) < 0)
        return KR_NULL;
    kr_value state = module_state(args[0]);
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int err = deflateInit2(&zs, (int)level, Z_DEFLATED, (int)wbits, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
    if (err == Z_MEM_ERROR)
        return kr_raise(vm, KR_EXC(vm, MemoryError), "Out of memory while compressing data");
    if (err == Z_STREAM_ERROR)
        return kr_raise(vm, state_type(state, ZS_ERROR), "Bad compression level");
    if (err != Z_OK) {
        deflateEnd(&zs);
        return zlib_error(vm, state, &zs, err, "while compressing data");
    }
    outbuf b = {NULL, 0, 0, 0, 0};
    size_t left = (size_t)n;
    const uint8_t *p = in;
    do {
        in_set(&zs, p, left);
        size_t given = zs.avail_in;
        int flush = given == left ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (out_reserve(vm, &b, &zs) < 0) {
                deflateEnd(&zs);
                free(b.data);
                return KR_NULL;
            }
            size_t room = zs.avail_out;
            err = deflate(&zs, flush);
            out_commit(&b, &zs, room);
            if (err == Z_STREAM_ERROR) {
                deflateEnd(&zs);
                free(b.data);
                return zlib_error(vm, state, &zs, err, "while compressing data");
            }
        } while (zs.avail_out == 0);
        p += given - zs.avail_in;
        left -= given - zs.avail_in;
    } while (err != Z_STREAM_END);
    deflateEnd(&zs);
    return out_finish(vm, &b);
}

/* decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE) */
static kr_value m_decompress(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"data", "wbits", "bufsize"};
    kr_value a[3];
    if (kr_args_parse(vm, "decompress", args + 1, nargs - 1, kwnames, names, 3, 1, 1, a) < 0)
        return KR_NULL;
    const uint8_t *in;
    int64_t n, wbits, bufsize = DEF_BUF_SIZE;
    if (kr_bytes_buffer(vm, a[0], &in, &n) < 0 || int_arg(vm, a[1], MAX_WBITS, &wbits) < 0 ||
        (a[2] && kr_index_ssize(vm, a[2], &bufsize) < 0))
        return KR_NULL;
    if (bufsize < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "bufsize must be non-negative");
    kr_value state = module_state(args[0]);
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int err = inflateInit2(&zs, (int)wbits);
    if (err == Z_MEM_ERROR)
        return kr_raise(vm, KR_EXC(vm, MemoryError), "Out of memory while decompressing data");
    if (err != Z_OK) {
        inflateEnd(&zs);
        return zlib_error(vm, state, &zs, err, "while preparing to decompress data");
    }
    outbuf b = {malloc(bufsize ? (size_t)bufsize : 1), 0, bufsize ? (size_t)bufsize : 1, 0, 0};
    if (!b.data) {
        inflateEnd(&zs);
        return kr_raise_nomemory(vm);
    }
    size_t left = (size_t)n;
    const uint8_t *p = in;
    do {
        in_set(&zs, p, left);
        size_t given = zs.avail_in;
        do {
            if (out_reserve(vm, &b, &zs) < 0) {
                inflateEnd(&zs);
                free(b.data);
                return KR_NULL;
            }
            size_t room = zs.avail_out;
            err = inflate(&zs, Z_NO_FLUSH);
            out_commit(&b, &zs, room);
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                inflateEnd(&zs);
                free(b.data);
                if (err == Z_MEM_ERROR)
                    return kr_raise(vm, KR_EXC(vm, MemoryError), "Out of memory while decompressing data");
                /* a zlib stream that needs a dictionary: CPython reports Z_NEED_DICT as an error too */
                return zlib_error(vm, state, &zs, err, "while decompressing data");
            }
        } while (zs.avail_out == 0 && err != Z_STREAM_END);
        p += given - zs.avail_in;
        left -= given - zs.avail_in;
    } while (err != Z_STREAM_END && left > 0);
    if (err != Z_STREAM_END) {
        inflateEnd(&zs);
        free(b.data);
        /* input exhausted before the end: zlib left no message, so this reads "incomplete or truncated" */
        return zlib_error(vm, state, &zs, Z_BUF_ERROR, "while decompressing data");
    }
    inflateEnd(&zs);
    return out_finish(vm, &b);
}

static kr_value checksum(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool crc)
{
    const char *fname = crc ? "crc32" : "adler32";
    if (kr_args_no_kw(vm, fname, kwnames) < 0 || kr_args_count(vm, fname, nargs, 1, 2) < 0)
        return KR_NULL;
    const uint8_t *d;
    int64_t n;
    uint32_t v = 0;
    if (kr_bytes_buffer(vm, args[0], &d, &n) < 0 || u32_arg(vm, nargs > 1 ? args[1] : KR_NULL, crc ? 0 : 1, &v) < 0)
        return KR_NULL;
    uLong acc = v;
    while (n > 0) {
        uInt chunk = n > (int64_t)UINT_MAX ? UINT_MAX : (uInt)n;
        acc = crc ? crc32(acc, d, chunk) : adler32(acc, d, chunk);
        d += chunk;
        n -= chunk;
    }
    return kr_int_from_u64(vm, acc & 0xffffffffu);
}

static kr_value m_crc32(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return checksum(vm, args, nargs, kwnames, true);
}

static kr_value m_adler32(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return checksum(vm, args, nargs, kwnames, false);
}

/* ---------------- stream objects ---------------- */

static void zobj_trace(kr_vm *vm, kr_object *o)
{
    zobj *z = (zobj *)o;
    kr_gc_mark(vm, z->state);
    kr_gc_mark(vm, z->unused_data);
    kr_gc_mark(vm, z->unconsumed_tail);
    kr_gc_mark(vm, z->zdict);
}

static void comp_finalize(kr_vm *vm, kr_object *o)
{
    (void)vm;
    zobj *z = (zobj *)o;
    if (z->inited)
        deflateEnd(&z->zs);
    z->inited = false;
}

static void decomp_finalize(kr_vm *vm, kr_object *o)
{
    (void)vm;
    zobj *z = (zobj *)o;
    if (z->inited)
        inflateEnd(&z->zs);
    z->inited = false;
}

/* A new stream object of the given kind, nothing initialised yet (fields are zero / KR_NULL). */
static zobj *zobj_alloc(kr_vm *vm, kr_value state, int kind)
{
    zobj *z = kr_gc_alloc(vm, state_type(state, kind), sizeof *z);
    if (!z)
        return NULL;
    z->state = state;
    kr_gc_barrier(vm, KR_OBJ(z), state);
    return z;
}

/* compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL, strategy=0, zdict=None) */
static kr_value m_compressobj(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict"};
    kr_value a[6];
    if (kr_args_parse(vm, "compressobj", args + 1, nargs - 1, kwnames, names, 6, 0, 0, a) < 0)
        return KR_NULL;
    int64_t level, method, wbits, memlevel, strategy;
    if (int_arg(vm, a[0], Z_DEFAULT_COMPRESSION, &level) < 0 || int_arg(vm, a[1], Z_DEFLATED, &method) < 0 ||
        int_arg(vm, a[2], MAX_WBITS, &wbits) < 0 || int_arg(vm, a[3], DEF_MEM_LEVEL, &memlevel) < 0 ||
        int_arg(vm, a[4], Z_DEFAULT_STRATEGY, &strategy) < 0)
        return KR_NULL;
    const uint8_t *dict = NULL;
    int64_t ndict = 0;
    if (a[5] && a[5] != KR_NONE) {
        if (kr_bytes_buffer(vm, a[5], &dict, &ndict) < 0)
            return KR_NULL;
    }
    kr_value state = module_state(args[0]);
    zobj *z = zobj_alloc(vm, state, ZS_COMPRESS);
    if (!z)
        return KR_NULL;
    int err = deflateInit2(&z->zs, (int)level, (int)method, (int)wbits, (int)memlevel, (int)strategy);
    if (err == Z_OK) {
        z->inited = true;
        if (dict && deflateSetDictionary(&z->zs, dict, (uInt)ndict) != Z_OK)
            return kr_raise(vm, KR_EXC(vm, ValueError), "Invalid dictionary");
        return KR_VAL(z);
    }
    deflateEnd(&z->zs);
    if (err == Z_MEM_ERROR)
        return kr_raise(vm, KR_EXC(vm, MemoryError), "Can't allocate memory for compression object");
    if (err == Z_STREAM_ERROR)
        return kr_raise(vm, KR_EXC(vm, ValueError), "Invalid initialization option");
    return zlib_error(vm, state, &z->zs, err, "while creating compression object");
}

/* decompressobj(wbits=MAX_WBITS, zdict=b'') */
static kr_value m_decompressobj(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"wbits", "zdict"};
    kr_value a[2];
    if (kr_args_parse(vm, "decompressobj", args + 1, nargs - 1, kwnames, names, 2, 0, 0, a) < 0)
        return KR_NULL;
    int64_t wbits;
    if (int_arg(vm, a[0], MAX_WBITS, &wbits) < 0)
        return KR_NULL;
    if (a[1] && !kr_has_buffer(vm, a[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "zdict argument must support the buffer protocol");
    kr_value state = module_state(args[0]);
    zobj *z = zobj_alloc(vm, state, ZS_DECOMPRESS);
    if (!z)
        return KR_NULL;
    kr_value zv = KR_VAL(z);
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &zv);
    /* the two bytes attributes start empty; the dictionary is kept as an immutable copy */
    kr_value empty = kr_bytes_new(vm, "", 0);
    if (!empty)
        goto fail;
    z->unused_data = z->unconsumed_tail = empty;
    kr_gc_barrier(vm, KR_OBJ(z), empty);
    if (a[1]) {
        const uint8_t *d;
        int64_t nd;
        kr_bytes_buffer(vm, a[1], &d, &nd);
        kr_value copy = kr_bytes_new(vm, d, (size_t)nd);
        if (!copy)
            goto fail;
        z->zdict = copy;
        kr_gc_barrier(vm, KR_OBJ(z), copy);
    }
    int err = inflateInit2(&z->zs, (int)wbits);
    if (err != Z_OK) {
        inflateEnd(&z->zs);
        if (err == Z_STREAM_ERROR)
            kr_raise(vm, KR_EXC(vm, ValueError), "Invalid initialization option");
        else if (err == Z_MEM_ERROR)
            kr_raise(vm, KR_EXC(vm, MemoryError), "Can't allocate memory for decompression object");
        else
            zlib_error(vm, state, &z->zs, err, "while creating decompression object");
        goto fail;
    }
    z->inited = true;
    /* a raw stream has no header to ask for the dictionary: it is set up front */
    if (z->zdict && wbits < 0 &&
        inflateSetDictionary(&z->zs, kr_bytes_data(z->zdict), (uInt)kr_bytes_size(z->zdict)) != Z_OK) {
        zlib_error(vm, state, &z->zs, Z_STREAM_ERROR, "while setting zdict");
        goto fail;
    }
    kr_root_reset(vm, mark);
    return zv;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}

static kr_value comp_compress(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "compress", nargs, kwnames) < 0)
        return KR_NULL;
    zobj *z = KR_AS(zobj, args[0]);
    const uint8_t *in;
    int64_t n;
    if (kr_bytes_buffer(vm, args[1], &in, &n) < 0)
        return KR_NULL;
    if (!z->inited)
        return zlib_error(vm, z->state, &z->zs, Z_STREAM_ERROR, "while compressing data");
    outbuf b = {NULL, 0, 0, 0, 0};
    size_t left = (size_t)n;
    const uint8_t *p = in;
    do {
        in_set(&z->zs, p, left);
        size_t given = z->zs.avail_in;
        do {
            if (out_reserve(vm, &b, &z->zs) < 0) {
                free(b.data);
                return KR_NULL;
            }
            size_t room = z->zs.avail_out;
            int err = deflate(&z->zs, Z_NO_FLUSH);
            out_commit(&b, &z->zs, room);
            if (err == Z_STREAM_ERROR) {
                free(b.data);
                return zlib_error(vm, z->state, &z->zs, err, "while compressing data");
            }
        } while (z->zs.avail_out == 0);
        p += given - z->zs.avail_in;
        left -= given - z->zs.avail_in;
    } while (left > 0);
    return out_finish(vm, &b);
}

/* Compress.flush(mode=Z_FINISH): Z_FINISH ends the stream (later calls fail); other modes keep it open. */
static kr_value comp_flush(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "flush", kwnames) < 0 || kr_args_count(vm, "flush", nargs - 1, 0, 1) < 0)
        return KR_NULL;
    zobj *z = KR_AS(zobj, args[0]);
    int64_t mode;
    if (int_arg(vm, nargs > 1 ? args[1] : KR_NULL, Z_FINISH, &mode) < 0)
        return KR_NULL;
    if (mode == Z_NO_FLUSH)
        return kr_bytes_new(vm, "", 0);
    if (!z->inited)
        return zlib_error(vm, z->state, &z->zs, Z_STREAM_ERROR, "while flushing");
    outbuf b = {NULL, 0, 0, 0, 0};
    int err;
    in_set(&z->zs, (const uint8_t *)"", 0);
    do {
        if (out_reserve(vm, &b, &z->zs) < 0) {
            free(b.data);
            return KR_NULL;
        }
        size_t room = z->zs.avail_out;
        err = deflate(&z->zs, (int)mode);
        out_commit(&b, &z->zs, room);
        if (err == Z_STREAM_ERROR) {
            free(b.data);
            return zlib_error(vm, z->state, &z->zs, err, "while flushing");
        }
    } while (z->zs.avail_out == 0);
    if (err == Z_STREAM_END && mode == Z_FINISH) {
        deflateEnd(&z->zs);
        z->inited = false;
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        free(b.data);
        return zlib_error(vm, z->state, &z->zs, err, "while flushing");
    }
    return out_finish(vm, &b);
}

static kr_value comp_copy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "copy", nargs, kwnames) < 0)
        return KR_NULL;
    zobj *z = KR_AS(zobj, args[0]);
    if (!z->inited)
        return kr_raise(vm, KR_EXC(vm, ValueError), "Inconsistent stream state");
    zobj *c = zobj_alloc(vm, z->state, ZS_COMPRESS);
    if (!c)
        return KR_NULL;
    int err = deflateCopy(&c->zs, &z->zs);
    if (err != Z_OK) {
        if (err == Z_MEM_ERROR)
            return kr_raise(vm, KR_EXC(vm, MemoryError), "Can't allocate memory for compression object");
        return kr_raise(vm, KR_EXC(vm, ValueError), "Inconsistent stream state");
    }
    c->inited = true;
    return KR_VAL(c);
}

/* After a Decompress call: input left after the end of the stream joins unused_data; input held back
 * by max_length (stream not ended) becomes unconsumed_tail. z is rooted by the caller (self). */
static int save_unconsumed(kr_vm *vm, zobj *z, const uint8_t *rest, size_t nrest, int err)
{
    if (err == Z_STREAM_END) {
        if (nrest) {
            int64_t old = kr_bytes_size(z->unused_data);
            kr_bytes *u = kr_bytes_alloc(vm, old + (int64_t)nrest);
            if (!u)
                return -1;
            memcpy(u->data, kr_bytes_data(z->unused_data), (size_t)old);
            memcpy(u->data + old, rest, nrest);
            z->unused_data = KR_VAL(u);
            kr_gc_barrier(vm, KR_OBJ(z), KR_VAL(u));
        }
        nrest = 0;
    }
    if (nrest || kr_bytes_size(z->unconsumed_tail)) {
        kr_value t = kr_bytes_new(vm, rest, nrest);
        if (!t)
            return -1;
        z->unconsumed_tail = t;
        kr_gc_barrier(vm, KR_OBJ(z), t);
    }
    return 0;
}

/* The inflate loop of decompress() and flush(): input in[0..n), output up to limit bytes (0: no limit).
 * Sets rest and nrest to the input not consumed; returns zlib's last code, or INFLATE_RAISED after raising. */
static int inflate_loop(kr_vm *vm, zobj *z, const uint8_t *in, size_t n, size_t limit, int flush, outbuf *b,
                        const uint8_t **rest, size_t *nrest)
{
    int err = Z_OK;
    b->limit = limit;

    size_t left = n;
    const uint8_t *p = in;
    for (;;) {
        in_set(&z->zs, p, left);
        size_t given = z->zs.avail_in;
        do {
            if (limit && b->len == limit)
                break;
            if (out_reserve(vm, b, &z->zs) < 0)
                return INFLATE_RAISED;
            size_t room = z->zs.avail_out;
            err = inflate(&z->zs, flush);
            out_commit(b, &z->zs, room);
            if (err == Z_NEED_DICT && z->zdict) {
                if (inflateSetDictionary(&z->zs, kr_bytes_data(z->zdict), (uInt)kr_bytes_size(z->zdict)) != Z_OK) {
                    zlib_error(vm, z->state, &z->zs, Z_STREAM_ERROR, "while setting zdict");
                    return INFLATE_RAISED;
                }
                err = Z_OK;
                continue;
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                if (err == Z_MEM_ERROR)
                    kr_raise(vm, KR_EXC(vm, MemoryError), "Out of memory while decompressing data");
                else
                    zlib_error(vm, z->state, &z->zs, err, "while decompressing data");
                return INFLATE_RAISED;
            }
        } while (z->zs.avail_out == 0 && err != Z_STREAM_END);
        p += given - z->zs.avail_in;
        left -= given - z->zs.avail_in;
        if (err == Z_STREAM_END || left == 0 || (limit && b->len == limit) || err == Z_BUF_ERROR)
            break;
    }
    *rest = p;
    *nrest = left;
    return err;
}

/* Decompress.decompress(data, /, max_length=0) */
static kr_value decomp_decompress(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"data", "max_length"};
    kr_value a[2];
    if (kr_args_parse(vm, "decompress", args + 1, nargs - 1, kwnames, names, 2, 1, 1, a) < 0)
        return KR_NULL;
    zobj *z = KR_AS(zobj, args[0]);
    const uint8_t *in;
    int64_t n, max_length = 0;
    if (kr_bytes_buffer(vm, a[0], &in, &n) < 0 || (a[1] && kr_index_ssize(vm, a[1], &max_length) < 0))
        return KR_NULL;
    if (max_length < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "max_length must be non-negative");
    if (!z->inited)
        return zlib_error(vm, z->state, &z->zs, Z_STREAM_ERROR, "while decompressing data");
    outbuf b = {NULL, 0, 0, 0, 0};
    const uint8_t *rest;
    size_t nrest;
    int err = inflate_loop(vm, z, in, (size_t)n, (size_t)max_length, Z_SYNC_FLUSH, &b, &rest, &nrest);
    if (err == INFLATE_RAISED) {
        free(b.data);
        return KR_NULL;
    }
    /* the input (bytes or bytearray) is still intact: nothing ran Python code since */
    if (save_unconsumed(vm, z, rest, nrest, err) < 0) {
        free(b.data);
        return KR_NULL;
    }
    if (err == Z_STREAM_END)
        z->eof = true;
    return out_finish(vm, &b);
}

/* Decompress.flush(length=DEF_BUF_SIZE): decompress what unconsumed_tail still holds. */
static kr_value decomp_flush(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "flush", kwnames) < 0 || kr_args_count(vm, "flush", nargs - 1, 0, 1) < 0)
        return KR_NULL;
    zobj *z = KR_AS(zobj, args[0]);
    int64_t length = DEF_BUF_SIZE;
    if (nargs > 1 && kr_index_ssize(vm, args[1], &length) < 0)
        return KR_NULL;
    if (length <= 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "length must be greater than zero");
    if (!z->inited)
        return kr_bytes_new(vm, "", 0);
    kr_value tail = z->unconsumed_tail;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &tail);
    outbuf b = {malloc((size_t)length), 0, (size_t)length, 0, 0};
    if (!b.data) {
        kr_root_reset(vm, mark);
        return kr_raise_nomemory(vm);
    }
    const uint8_t *rest;
    size_t nrest;
    int err = inflate_loop(vm, z, kr_bytes_data(tail), (size_t)kr_bytes_size(tail), 0, Z_FINISH, &b, &rest, &nrest);
    if (err == INFLATE_RAISED || save_unconsumed(vm, z, rest, nrest, err) < 0) {
        kr_root_reset(vm, mark);
        free(b.data);
        return KR_NULL;
    }
    kr_root_reset(vm, mark);
    if (err == Z_STREAM_END) {
        z->eof = true;
        inflateEnd(&z->zs);
        z->inited = false;
    }
    return out_finish(vm, &b);
}

static kr_value decomp_copy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "copy", nargs, kwnames) < 0)
        return KR_NULL;
    zobj *z = KR_AS(zobj, args[0]);
    if (!z->inited)
        return kr_raise(vm, KR_EXC(vm, ValueError), "Inconsistent stream state");
    zobj *c = zobj_alloc(vm, z->state, ZS_DECOMPRESS);
    if (!c)
        return KR_NULL;
    int err = inflateCopy(&c->zs, &z->zs);
    if (err != Z_OK) {
        if (err == Z_MEM_ERROR)
            return kr_raise(vm, KR_EXC(vm, MemoryError), "Can't allocate memory for decompression object");
        return kr_raise(vm, KR_EXC(vm, ValueError), "Inconsistent stream state");
    }
    c->inited = true;
    c->eof = z->eof;
    /* bytes are immutable: the copy shares them */
    c->unused_data = z->unused_data;
    c->unconsumed_tail = z->unconsumed_tail;
    c->zdict = z->zdict;
    kr_gc_barrier_all(vm, KR_OBJ(c));
    return KR_VAL(c);
}

static kr_value decomp_get_unused_data(kr_vm *vm, kr_value self)
{
    (void)vm;
    return KR_AS(zobj, self)->unused_data;
}

static kr_value decomp_get_unconsumed_tail(kr_vm *vm, kr_value self)
{
    (void)vm;
    return KR_AS(zobj, self)->unconsumed_tail;
}

static kr_value decomp_get_eof(kr_vm *vm, kr_value self)
{
    (void)vm;
    return kr_bool(KR_AS(zobj, self)->eof);
}

static const kr_method_def comp_methods[] = {
    {"compress", comp_compress, 0, "Returns a bytes object containing compressed data."},
    {"flush", comp_flush, 0, "Return a bytes object containing any remaining compressed data."},
    {"copy", comp_copy, 0, "Return a copy of the compression object."},
    {"__copy__", comp_copy, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_method_def decomp_methods[] = {
    {"decompress", decomp_decompress, 0, "Return a bytes object containing the decompressed version of the data."},
    {"flush", decomp_flush, 0, "Return a bytes object containing any remaining decompressed data."},
    {"copy", decomp_copy, 0, "Return a copy of the decompression object."},
    {"__copy__", decomp_copy, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def decomp_getsets[] = {
    {"unused_data", decomp_get_unused_data, NULL, NULL},
    {"unconsumed_tail", decomp_get_unconsumed_tail, NULL, NULL},
    {"eof", decomp_get_eof, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const kr_method_def zlib_functions[] = {
    {"compress", m_compress, KR_METH_MODULE, "Returns a bytes object containing compressed data."},
    {"decompress", m_decompress, KR_METH_MODULE, "Returns a bytes object containing the uncompressed data."},
    {"compressobj", m_compressobj, KR_METH_MODULE, "Return a compressor object."},
    {"decompressobj", m_decompressobj, KR_METH_MODULE, "Return a decompressor object."},
    {"crc32", m_crc32, KR_METH_STATIC, "Compute a CRC-32 checksum of data."},
    {"adler32", m_adler32, KR_METH_STATIC, "Compute an Adler-32 checksum of data."},
    {NULL, NULL, 0, NULL},
};

kr_value kr_zlib_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "zlib");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value state = kr_tuple_new(vm, ZS_COUNT);
    if (!state)
        goto fail;
    KR_AS(kr_module, m)->state = state;
    kr_gc_barrier(vm, KR_OBJ(m), state);

    kr_value name = kr_str_from_cstr(vm, "error");
    kr_value bases = name ? kr_tuple_pack(vm, 1, KR_VAL(KR_EXC(vm, Exception))) : KR_NULL;
    kr_value ns = bases ? kr_dict_new(vm) : KR_NULL;
    kr_value modname = ns ? kr_str_from_cstr(vm, "zlib") : KR_NULL;
    if (!modname || kr_dict_set_cstr(vm, ns, "__module__", modname) < 0)
        goto fail;
    kr_value err = kr_type_create_class(vm, KR_VAL(vm->t.type), name, bases, ns, KR_NULL);
    if (!err)
        goto fail;
    kr_tuple_items(state)[ZS_ERROR] = err;
    kr_gc_barrier(vm, KR_OBJ(state), err);

    static const char *const tnames[] = {"zlib.Compress", "zlib.Decompress"};
    for (int k = 0; k < 2; k++) {
        kr_type *t = kr_type_new_builtin(vm, tnames[k], vm->t.object, sizeof(zobj), KR_TF_EXTERNAL_FINALIZE);
        t->flags |= KR_TF_ABSTRACT;
        t->trace = zobj_trace;
        t->finalize = k ? decomp_finalize : comp_finalize;
        t->methods = k ? decomp_methods : comp_methods;
        t->getsets = k ? decomp_getsets : NULL;
        KR_TX(t)->module_state = state;
        kr_tuple_items(state)[ZS_COMPRESS + k] = KR_VAL(t);
        kr_gc_barrier(vm, KR_OBJ(state), KR_VAL(t));
        /* reachable only through compressobj()/decompressobj(): CPython's zlib has no such attributes */
        if (kr_type_ready(vm, t) < 0)
            goto fail;
    }
    if (kr_module_add_functions(vm, m, zlib_functions) < 0 || kr_module_add(vm, m, "error", err) < 0)
        goto fail;
    static const struct { const char *name; int value; } consts[] = {
        {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", Z_DEFLATED}, {"DEF_MEM_LEVEL", DEF_MEM_LEVEL},
        {"DEF_BUF_SIZE", DEF_BUF_SIZE}, {"Z_NO_COMPRESSION", Z_NO_COMPRESSION}, {"Z_BEST_SPEED", Z_BEST_SPEED},
        {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION}, {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
        {"Z_FILTERED", Z_FILTERED}, {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
        {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH}, {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
        {"Z_SYNC_FLUSH", Z_SYNC_FLUSH}, {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH},
        {"Z_BLOCK", Z_BLOCK}, {"Z_TREES", Z_TREES},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        kr_value v = kr_int_from_i64(vm, consts[i].value);
        if (!v || kr_module_add(vm, m, consts[i].name, v) < 0)
            goto fail;
    }
    kr_value ver = kr_str_from_cstr(vm, ZLIB_VERSION);
    if (!ver || kr_module_add(vm, m, "ZLIB_VERSION", ver) < 0)
        goto fail;
    ver = kr_str_from_cstr(vm, zlibVersion());
    if (!ver || kr_module_add(vm, m, "ZLIB_RUNTIME_VERSION", ver) < 0)
        goto fail;
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
