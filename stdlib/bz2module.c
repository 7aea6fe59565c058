/* bz2module.c: the _bz2 module, compressor and decompressor objects over libbzip2, on which
 * stdlib/lib/bz2.py builds BZ2Compressor, BZ2Decompressor, BZ2File, open, compress and decompress.
 *
 * libbz2 is loaded with dlopen on the first import of _bz2 (not linked: interpreters that never use
 * bz2 pay nothing at start). Its entry points go into a table inside a GC object of the module (module
 * state BZ_API); a stream object keeps that object alive through `api_obj` and copies the one function
 * its finalizer needs (the holder may be swept in the same collection). The library is never dlclosed.
 *
 * A stream object owns a bz_stream whose buffers libbz2 allocates with malloc, outside the VM heap: the
 * type is KR_TF_EXTERNAL_FINALIZE and its finalizer ends the stream, also when the VM is destroyed.
 * `inited` says whether the stream is live (a flushed compressor, a decompressor past the end of its
 * stream have none).
 *
 * Decompressor state: `pending` holds input not yet consumed because max_length stopped the output;
 * it is fed first at the next call. `needs_input` is False when more output may come without new
 * input (max_length was reached). After the end of the stream the input left over is `unused_data`.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <bzlib.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/kr.h"
#include "../vm/native.h"
#include "../vm/str.h"
#include "../vm/type.h"

#define LIBBZ2_SONAME "libbz2.so.1.0"

enum { BZ_COMPRESSOR, BZ_DECOMPRESSOR, BZ_API, BZ_COUNT };

#define BZ_FUNCS(X)                                                                                           \
    X(BZ2_bzCompressInit) X(BZ2_bzCompress) X(BZ2_bzCompressEnd) X(BZ2_bzDecompressInit) X(BZ2_bzDecompress)  \
    X(BZ2_bzDecompressEnd)

typedef struct bz_api {
#define BZ_FIELD(name) __typeof__(&name) name;
    BZ_FUNCS(BZ_FIELD)
#undef BZ_FIELD
} bz_api;

typedef struct api_obj {
    kr_object ob;
    bz_api api;
} api_obj;

/* the names of the table's functions, in its order (kr_native_library fills it by position) */
static const char *const bz_names[] = {
#define BZ_NAME(name) #name,
    BZ_FUNCS(BZ_NAME)
#undef BZ_NAME
};
_Static_assert(sizeof(bz_api) == sizeof bz_names / sizeof bz_names[0] * sizeof(void *),
               "bz_api holds function pointers only, one per name");

typedef struct bzobj {
    kr_object ob;
    bz_stream bs;
    bool inited;
    bool eof;                 /* decompressor: the end of the stream was reached */
    bool flushed;             /* compressor: flush() was called */
    bool needs_input;         /* decompressor */
    kr_value api_obj;         /* traced: the table `api` points into */
    const bz_api *api;
    int (*end)(bz_stream *);  /* for the finalizer, which must not read api_obj */
    kr_value unused_data;     /* decompressor: bytes after the end of the stream */
    kr_value pending;         /* decompressor: input held back by max_length (bytes), or KR_NULL */
} bzobj;

static kr_value state_of(kr_value module) { return KR_AS(kr_module, module)->state; }
static kr_type *state_type(kr_value state, int which) { return KR_AS(kr_type, kr_tuple_items(state)[which]); }

/* CPython's messages for libbz2's error codes; 0 if code is not an error. */
static int bz_error(kr_vm *vm, int code)
{
    switch (code) {
    case BZ_OK: case BZ_RUN_OK: case BZ_FLUSH_OK: case BZ_FINISH_OK: case BZ_STREAM_END:
        return 0;
    case BZ_PARAM_ERROR:
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "Internal error - invalid parameters passed to libbzip2");
    case BZ_MEM_ERROR:
        kr_raise_nomemory(vm);
        return -1;
    case BZ_DATA_ERROR: case BZ_DATA_ERROR_MAGIC:
        return kr_raise_i(vm, KR_EXC(vm, OSError), "Invalid data stream");
    case BZ_IO_ERROR:
        return kr_raise_i(vm, KR_EXC(vm, OSError), "Unknown I/O error");
    case BZ_UNEXPECTED_EOF:
        return kr_raise_i(vm, KR_EXC(vm, EOFError), "Compressed file ended before the logical end-of-stream was detected");
    case BZ_SEQUENCE_ERROR:
        return kr_raise_i(vm, KR_EXC(vm, RuntimeError), "Internal error - Invalid sequence of commands sent to libbzip2");
    default:
        return kr_raise_i(vm, KR_EXC(vm, OSError), "Unrecognized error from libbzip2: %d", code);
    }
}

/* ---------------- output buffer ---------------- */

typedef struct outbuf {
    char *data;
    size_t len, cap;
    size_t limit;   /* 0: none; else output stops at `limit` bytes */
} outbuf;

/* Points the stream's output at the free part of b, growing it first if full. -1 + MemoryError. */
static int out_reserve(kr_vm *vm, outbuf *b, bz_stream *bs)
{
    if (b->len == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 32 * 1024;
        if (b->limit && ncap > b->limit)
            ncap = b->limit;
        char *p = realloc(b->data, ncap ? ncap : 1);
        if (!p) {
            kr_raise_nomemory(vm);
            return -1;
        }
        b->data = p;
        b->cap = ncap;
    }
    size_t room = b->cap - b->len;
    bs->next_out = b->data + b->len;
    bs->avail_out = room > UINT_MAX ? UINT_MAX : (unsigned)room;
    return 0;
}

static kr_value out_finish(kr_vm *vm, outbuf *b)
{
    kr_value r = kr_bytes_new(vm, b->data ? (const uint8_t *)b->data : (const uint8_t *)"", b->len);
    free(b->data);
    b->data = NULL;
    return r;
}

/* ---------------- objects ---------------- */

static void bz_trace(kr_vm *vm, kr_object *o)
{
    bzobj *z = (bzobj *)o;
    kr_gc_mark(vm, z->api_obj);
    kr_gc_mark(vm, z->unused_data);
    kr_gc_mark(vm, z->pending);
}

static void bz_finalize(kr_vm *vm, kr_object *o)
{
    (void)vm;
    bzobj *z = (bzobj *)o;
    if (z->inited && z->end)
        z->end(&z->bs);
    z->inited = false;
}

static bzobj *bz_alloc(kr_vm *vm, kr_value state, int kind)
{
    bzobj *z = kr_gc_alloc(vm, state_type(state, kind), sizeof *z);
    if (!z)
        return NULL;
    z->api_obj = kr_tuple_items(state)[BZ_API];
    z->api = &KR_AS(api_obj, z->api_obj)->api;
    kr_gc_barrier(vm, KR_OBJ(z), z->api_obj);
    return z;
}

/* compressor(compresslevel=9) */
static kr_value m_compressor(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"compresslevel"};
    kr_value a[1];
    if (kr_args_parse(vm, "BZ2Compressor", args + 1, nargs - 1, kwnames, names, 1, 0, 1, a) < 0)
        return KR_NULL;
    int64_t level = 9;
    if (a[0] && kr_index_i64(vm, a[0], &level) < 0)
        return KR_NULL;
    if (level < 1 || level > 9)
        return kr_raise(vm, KR_EXC(vm, ValueError), "compresslevel must be between 1 and 9");
    bzobj *z = bz_alloc(vm, state_of(args[0]), BZ_COMPRESSOR);
    if (!z)
        return KR_NULL;
    int err = z->api->BZ2_bzCompressInit(&z->bs, (int)level, 0, 0);
    if (bz_error(vm, err) < 0)
        return KR_NULL;
    z->inited = true;
    z->end = z->api->BZ2_bzCompressEnd;
    return KR_VAL(z);
}

/* Runs the compressor over in[0..n) with `action` (BZ_RUN, or BZ_FINISH until the stream ends). */
static kr_value compress_run(kr_vm *vm, bzobj *z, const uint8_t *in, size_t n, int action)
{
    outbuf b = {NULL, 0, 0, 0};
    size_t left = n;
    const uint8_t *p = in;
    for (;;) {
        z->bs.next_in = (char *)p;
        z->bs.avail_in = left > UINT_MAX ? UINT_MAX : (unsigned)left;
        size_t given = z->bs.avail_in;
        if (out_reserve(vm, &b, &z->bs) < 0) {
            free(b.data);
            return KR_NULL;
        }
        size_t room = z->bs.avail_out;
        /* BZ_FINISH only once the whole input is in this slice */
        int act = (action == BZ_FINISH && given == left) ? BZ_FINISH : BZ_RUN;
        int err = z->api->BZ2_bzCompress(&z->bs, act);
        b.len += room - z->bs.avail_out;
        if (bz_error(vm, err) < 0) {
            free(b.data);
            return KR_NULL;
        }
        size_t used = given - z->bs.avail_in;
        p += used;
        left -= used;
        if (act == BZ_FINISH ? err == BZ_STREAM_END : (left == 0 && z->bs.avail_out > 0))
            break;
    }
    return out_finish(vm, &b);
}

static kr_value comp_compress(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "compress", kwnames) < 0 || kr_args_count(vm, "compress", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    bzobj *z = KR_AS(bzobj, args[0]);
    const uint8_t *in;
    int64_t n;
    if (kr_bytes_buffer(vm, args[1], &in, &n) < 0)
        return KR_NULL;
    if (z->flushed || !z->inited)
        return kr_raise(vm, KR_EXC(vm, ValueError), "Compressor has been flushed");
    return compress_run(vm, z, in, (size_t)n, BZ_RUN);
}

static kr_value comp_flush(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "flush", nargs, kwnames) < 0)
        return KR_NULL;
    bzobj *z = KR_AS(bzobj, args[0]);
    if (z->flushed || !z->inited)
        return kr_raise(vm, KR_EXC(vm, ValueError), "Repeated call to flush()");
    z->flushed = true;
    kr_value r = compress_run(vm, z, (const uint8_t *)"", 0, BZ_FINISH);
    z->end(&z->bs);
    z->inited = false;
    return r;
}

/* decompressor() */
static kr_value m_decompressor(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "BZ2Decompressor", kwnames) < 0 || kr_args_count(vm, "BZ2Decompressor", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    kr_value state = state_of(args[0]);
    bzobj *z = bz_alloc(vm, state, BZ_DECOMPRESSOR);
    if (!z)
        return KR_NULL;
    kr_value zv = KR_VAL(z);
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &zv);
    kr_value empty = kr_bytes_new(vm, "", 0);
    if (!empty) {
        kr_root_reset(vm, mark);
        return KR_NULL;
    }
    z->unused_data = empty;
    kr_gc_barrier(vm, KR_OBJ(z), empty);
    z->needs_input = true;
    int err = z->api->BZ2_bzDecompressInit(&z->bs, 0, 0);
    kr_root_reset(vm, mark);
    if (bz_error(vm, err) < 0)
        return KR_NULL;
    z->inited = true;
    z->end = z->api->BZ2_bzDecompressEnd;
    return zv;
}

/* decompress(data, max_length=-1) */
static kr_value decomp_decompress(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"data", "max_length"};
    kr_value a[2];
    if (kr_args_parse(vm, "decompress", args + 1, nargs - 1, kwnames, names, 2, 1, 0, a) < 0)
        return KR_NULL;
    bzobj *z = KR_AS(bzobj, args[0]);
    const uint8_t *in;
    int64_t n, max_length = -1;
    if (kr_bytes_buffer(vm, a[0], &in, &n) < 0 || (a[1] && kr_index_i64(vm, a[1], &max_length) < 0))
        return KR_NULL;
    if (z->eof)
        return kr_raise(vm, KR_EXC(vm, EOFError), "End of stream already reached");
    /* the input: what max_length held back last time, then data (copied together; a bytes keeps it
     * alive while libbz2 reads it) */
    kr_value input;
    if (z->pending) {
        size_t np = (size_t)kr_bytes_size(z->pending);
        uint8_t *joined = malloc(np + (size_t)n + 1);
        if (!joined)
            return kr_raise_nomemory(vm);
        memcpy(joined, kr_bytes_data(z->pending), np);
        memcpy(joined + np, in, (size_t)n);
        input = kr_bytes_new(vm, joined, np + (size_t)n);
        free(joined);
    } else {
        input = kr_bytes_new(vm, in, (size_t)n);
    }
    if (!input)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &input);
    const uint8_t *p = kr_bytes_data(input);
    size_t left = (size_t)kr_bytes_size(input);
    outbuf b = {NULL, 0, 0, max_length > 0 ? (size_t)max_length : 0};
    int err = BZ_OK;
    bool limited = max_length == 0;
    while (!limited) {
        z->bs.next_in = (char *)p;
        z->bs.avail_in = left > UINT_MAX ? UINT_MAX : (unsigned)left;
        size_t given = z->bs.avail_in;
        if (out_reserve(vm, &b, &z->bs) < 0)
            goto fail;
        size_t room = z->bs.avail_out;
        err = z->api->BZ2_bzDecompress(&z->bs);
        b.len += room - z->bs.avail_out;
        if (bz_error(vm, err) < 0)
            goto fail;
        size_t used = given - z->bs.avail_in;
        p += used;
        left -= used;
        if (err == BZ_STREAM_END)
            break;
        if (b.limit && b.len == b.limit) {
            limited = true;
            break;
        }
        /* all input consumed and the output window not filled: libbz2 has nothing more for now */
        if (left == 0 && z->bs.avail_out > 0)
            break;
    }
    kr_value rest = kr_bytes_new(vm, p, left);
    if (!rest)
        goto fail;
    if (err == BZ_STREAM_END) {
        z->eof = true;
        z->needs_input = false;
        z->unused_data = rest;
        z->pending = KR_NULL;
        z->end(&z->bs);
        z->inited = false;
    } else if (left > 0) {
        z->pending = rest;
        z->needs_input = false;
    } else {
        z->pending = KR_NULL;
        /* the output stopped at max_length: libbz2 may still hold some */
        z->needs_input = !limited;
    }
    kr_gc_barrier_all(vm, KR_OBJ(z));
    kr_root_reset(vm, mark);
    return out_finish(vm, &b);
fail:
    kr_root_reset(vm, mark);
    free(b.data);
    return KR_NULL;
}

static kr_value decomp_get_unused_data(kr_vm *vm, kr_value self)
{
    (void)vm;
    return KR_AS(bzobj, self)->unused_data;
}

static kr_value decomp_get_eof(kr_vm *vm, kr_value self)
{
    (void)vm;
    return kr_bool(KR_AS(bzobj, self)->eof);
}

static kr_value decomp_get_needs_input(kr_vm *vm, kr_value self)
{
    (void)vm;
    return kr_bool(KR_AS(bzobj, self)->needs_input);
}

static const kr_method_def comp_methods[] = {
    {"compress", comp_compress, 0, "Provide data to the compressor object."},
    {"flush", comp_flush, 0, "Finish the compression process."},
    {NULL, NULL, 0, NULL},
};

static const kr_method_def decomp_methods[] = {
    {"decompress", decomp_decompress, 0, "Decompress data."},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def decomp_getsets[] = {
    {"unused_data", decomp_get_unused_data, NULL, NULL},
    {"eof", decomp_get_eof, NULL, NULL},
    {"needs_input", decomp_get_needs_input, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const kr_method_def bz2_functions[] = {
    {"compressor", m_compressor, KR_METH_MODULE, "A new compressor (stream) object."},
    {"decompressor", m_decompressor, KR_METH_MODULE, "A new decompressor (stream) object."},
    {NULL, NULL, 0, NULL},
};


kr_value kr_bz2_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_bz2");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value state = kr_tuple_new(vm, BZ_COUNT);
    if (!state)
        goto fail;
    KR_AS(kr_module, m)->state = state;
    kr_gc_barrier(vm, KR_OBJ(m), state);

    /* the library's entry points, in an object the streams keep alive */
    kr_value ao = kr_native_library(vm, "_bz2._lib", sizeof(api_obj), offsetof(api_obj, api), LIBBZ2_SONAME,
                                    "_bz2", "libbz2-1.0", bz_names, sizeof bz_names / sizeof bz_names[0]);
    if (!ao)
        goto fail;
    kr_tuple_items(state)[BZ_API] = ao;
    kr_gc_barrier(vm, KR_OBJ(state), ao);

    static const char *const tnames[] = {"_bz2.Compressor", "_bz2.Decompressor"};
    for (int k = 0; k < 2; k++) {
        kr_type *t = kr_type_new_builtin(vm, tnames[k], vm->t.object, sizeof(bzobj), KR_TF_EXTERNAL_FINALIZE);
        t->flags |= KR_TF_ABSTRACT;
        t->trace = bz_trace;
        t->finalize = bz_finalize;
        t->methods = k ? decomp_methods : comp_methods;
        t->getsets = k ? decomp_getsets : NULL;
        KR_TX(t)->module_state = state;
        kr_tuple_items(state)[BZ_COMPRESSOR + k] = KR_VAL(t);
        kr_gc_barrier(vm, KR_OBJ(state), KR_VAL(t));
        if (kr_type_ready(vm, t) < 0)
            goto fail;
    }
    if (kr_module_add_functions(vm, m, bz2_functions) < 0)
        goto fail;
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
