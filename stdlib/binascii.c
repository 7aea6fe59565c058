/* binascii.c: the binascii module (CPython's Modules/binascii.c counterpart): hex, base64 and CRCs
 * over bytes-like objects, with CPython 3.13's arguments, results and messages. stdlib/lib/base64.py
 * builds on it.
 *
 * Inputs: "data" arguments are bytes or bytearray; the decoders (unhexlify, a2b_base64) also take an
 * ASCII str (CPython's ascii_buffer converter). Outputs are bytes.
 * State (module->state, read by the KR_METH_MODULE functions): a tuple (binascii.Error,
 * binascii.Incomplete). Nothing here runs Python code except the crc argument's __index__, so nothing
 * needs rooting beyond the caller's arguments.
 */
#include <stdlib.h>
#include <string.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/kr.h"
#include "../vm/str.h"

enum { BA_ERROR, BA_INCOMPLETE, BA_COUNT };

static kr_type *ba_error(kr_value module)
{
    return KR_AS(kr_type, kr_tuple_items(KR_AS(kr_module, module)->state)[BA_ERROR]);
}

/* The bytes of a decoder's input: bytes, bytearray or an ASCII str. */
static int ascii_buffer(kr_vm *vm, kr_value v, const uint8_t **data, int64_t *n)
{
    if (kr_is_str(vm, v)) {
        if (!(KR_OBJ(v)->flags & KR_STR_ASCII))
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "string argument should contain only ASCII characters");
        *data = (const uint8_t *)kr_str_data(v);
        *n = kr_str_nbytes(v);
        return 0;
    }
    if (kr_has_buffer(vm, v))
        return kr_bytes_buffer(vm, v, data, n);
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "argument should be bytes, buffer or ASCII string, not '%s'",
                      kr_typename(vm, v));
}

/* ---------------- hex ---------------- */

static const char HEXDIGITS[] = "0123456789abcdef";

/* hexlify(data, sep=None, bytes_per_sep=1): as bytes.hex, but bytes out (CPython's _Py_strhex_bytes). */
static kr_value ba_hexlify_common(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *fname)
{
    static const char *const names[] = {"data", "sep", "bytes_per_sep"};
    kr_value a[3];
    if (kr_args_parse(vm, fname, args + 1, nargs - 1, kwnames, names, 3, 1, 0, a) < 0)
        return KR_NULL;
    const uint8_t *d;
    int64_t n;
    if (kr_bytes_buffer(vm, a[0], &d, &n) < 0)
        return KR_NULL;
    int sepc = -1;
    if (a[1]) {
        if (kr_is_str(vm, a[1])) {
            if (kr_str_len(a[1]) != 1)
                return kr_raise(vm, KR_EXC(vm, ValueError), "sep must be length 1.");
            int l;
            uint32_t c = kr_utf8_decode(kr_str_data(a[1]), &l);
            /* CPython writes the separator's code unit as a byte: a Latin-1 char passes unchanged */
            if (c > 0xff)
                return kr_raise(vm, KR_EXC(vm, ValueError), "sep must be ASCII.");
            sepc = (int)c;
        } else if (kr_is_bytes(vm, a[1]) || kr_is_bytearray(vm, a[1])) {
            const uint8_t *sd;
            int64_t sn;
            kr_bytes_buffer(vm, a[1], &sd, &sn);
            if (sn != 1)
                return kr_raise(vm, KR_EXC(vm, ValueError), "sep must be length 1.");
            sepc = sd[0];
        } else {
            int64_t len = kr_len(vm, a[1]);
            if (len < 0)
                return KR_NULL;
            if (len != 1)
                return kr_raise(vm, KR_EXC(vm, ValueError), "sep must be length 1.");
            return kr_raise(vm, KR_EXC(vm, TypeError), "sep must be str or bytes.");
        }
    }
    int64_t per = 1;
    if (a[2] && kr_index_i64(vm, a[2], &per) < 0)
        return KR_NULL;
    if (per == 0 || n <= 1)
        sepc = -1;
    uint64_t group = per < 0 ? (uint64_t)0 - (uint64_t)per : (uint64_t)per;
    int64_t nsep = sepc >= 0 ? (int64_t)((uint64_t)(n - 1) / group) : 0;
    kr_bytes *out = kr_bytes_alloc(vm, 2 * n + nsep);
    if (!out)
        return KR_NULL;
    uint8_t *o = out->data;
    if (sepc < 0) {
        for (int64_t i = 0; i < n; i++) {
            o[2 * i] = (uint8_t)HEXDIGITS[d[i] >> 4];
            o[2 * i + 1] = (uint8_t)HEXDIGITS[d[i] & 15];
        }
        return KR_VAL(out);
    }
    for (int64_t i = 0; i < n; i++) {
        /* a separator before byte i: groups counted from the right (per > 0) or the left (per < 0) */
        if (sepc >= 0 && i > 0) {
            uint64_t k = per > 0 ? (uint64_t)(n - i) : (uint64_t)i;
            if (k % group == 0)
                *o++ = (uint8_t)sepc;
        }
        *o++ = (uint8_t)HEXDIGITS[d[i] >> 4];
        *o++ = (uint8_t)HEXDIGITS[d[i] & 15];
    }
    return KR_VAL(out);
}

static kr_value ba_hexlify(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return ba_hexlify_common(vm, args, nargs, kwnames, "hexlify");
}

static kr_value ba_b2a_hex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return ba_hexlify_common(vm, args, nargs, kwnames, "b2a_hex");
}

/* the value of a hex digit, 255 for anything else */
static const uint8_t HEXVAL[256] = {
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 255, 255, 255, 255, 255, 255,
    255, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
};

static kr_value ba_unhexlify_common(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *fname)
{
    if (kr_args_no_kw(vm, fname, kwnames) < 0 || kr_args_count(vm, fname, nargs - 1, 1, 1) < 0)
        return KR_NULL;
    const uint8_t *d;
    int64_t n;
    if (ascii_buffer(vm, args[1], &d, &n) < 0)
        return KR_NULL;
    if (n % 2)
        return kr_raise(vm, ba_error(args[0]), "Odd-length string");
    kr_bytes *out = kr_bytes_alloc(vm, n / 2);
    if (!out)
        return KR_NULL;
    for (int64_t i = 0; i < n; i += 2) {
        unsigned hi = HEXVAL[d[i]], lo = HEXVAL[d[i + 1]];
        if ((hi | lo) > 15)
            return kr_raise(vm, ba_error(args[0]), "Non-hexadecimal digit found");
        out->data[i / 2] = (uint8_t)(hi << 4 | lo);
    }
    return KR_VAL(out);
}

static kr_value ba_unhexlify(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return ba_unhexlify_common(vm, args, nargs, kwnames, "unhexlify");
}

static kr_value ba_a2b_hex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return ba_unhexlify_common(vm, args, nargs, kwnames, "a2b_hex");
}

/* ---------------- base64 ---------------- */

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* the value of a base64 char, 64 for anything else */
static const uint8_t B64VAL[256] = {
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 62, 64, 64, 64, 63,
    52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 64, 64, 64, 64, 64, 64,
    64, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 64, 64, 64, 64, 64,
    64, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
    41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
};

/* Parses `f(data, /, *, kwname=default)`: the one positional argument and the keyword's truth. */
static int one_pos_one_kw(kr_vm *vm, const char *fname, const char *kwname, kr_value *args, int nargs,
                          kr_value kwnames, bool dflt, kr_value *data, bool *flag)
{
    if (nargs != 1)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() takes exactly 1 positional argument (%d given)", fname,
                          nargs);
    const char *const names[] = {"data", kwname};
    kr_value a[2];
    if (kr_args_parse(vm, fname, args, nargs, kwnames, names, 2, 1, 1, a) < 0)
        return -1;
    *data = a[0];
    *flag = dflt;
    if (a[1]) {
        int t = kr_truthy(vm, a[1]);
        if (t < 0)
            return -1;
        *flag = t;
    }
    return 0;
}

static kr_value ba_b2a_base64(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_value data;
    bool newline;
    if (one_pos_one_kw(vm, "b2a_base64", "newline", args + 1, nargs - 1, kwnames, true, &data, &newline) < 0)
        return KR_NULL;
    const uint8_t *d;
    int64_t n;
    if (kr_bytes_buffer(vm, data, &d, &n) < 0)
        return KR_NULL;
    kr_bytes *out = kr_bytes_alloc(vm, (n + 2) / 3 * 4 + newline);
    if (!out)
        return KR_NULL;
    uint8_t *o = out->data;
    int64_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16 | (uint32_t)d[i + 1] << 8 | d[i + 2];
        *o++ = (uint8_t)B64[v >> 18];
        *o++ = (uint8_t)B64[(v >> 12) & 63];
        *o++ = (uint8_t)B64[(v >> 6) & 63];
        *o++ = (uint8_t)B64[v & 63];
    }
    if (n - i == 1) {
        *o++ = (uint8_t)B64[d[i] >> 2];
        *o++ = (uint8_t)B64[(d[i] & 3) << 4];
        *o++ = '=';
        *o++ = '=';
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)d[i] << 8 | d[i + 1];
        *o++ = (uint8_t)B64[v >> 10];
        *o++ = (uint8_t)B64[(v >> 4) & 63];
        *o++ = (uint8_t)B64[(v & 15) << 2];
        *o++ = '=';
    }
    if (newline)
        *o++ = '\n';
    return KR_VAL(out);
}

/* a2b_base64(data, /, *, strict_mode=False): CPython 3.13's decoder, state machine and messages
 * included. Not strict: characters outside the alphabet are skipped and the first complete pad
 * sequence ends the data. Strict: those are errors, as is padding anywhere but at the end. */
static kr_value ba_a2b_base64(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_value data;
    bool strict;
    if (one_pos_one_kw(vm, "a2b_base64", "strict_mode", args + 1, nargs - 1, kwnames, false, &data, &strict) < 0)
        return KR_NULL;
    const uint8_t *d;
    int64_t n;
    if (ascii_buffer(vm, data, &d, &n) < 0)
        return KR_NULL;
    kr_type *err = ba_error(args[0]);
    if (strict && n > 0 && d[0] == '=')
        return kr_raise(vm, err, "Leading padding not allowed");
    /* at most 3 bytes per 4 chars; a final partial quad is an error */
    uint8_t small[192];
    uint8_t *buf = n / 4 * 3 + 3 <= (int64_t)sizeof small ? small : kr_mem_alloc(vm, (size_t)(n / 4 * 3 + 3));
    if (!buf)
        return KR_NULL;
    uint8_t *o = buf;
    int quad_pos = 0, pads = 0;
    bool padding_started = false;
    uint8_t leftchar = 0;
    const char *msg = NULL;
    for (int64_t i = 0; i < n; i++) {
        /* fast path: a whole quad of alphabet chars at a quad boundary (no padding seen yet, so
         * strict mode has nothing to check either) */
        while (quad_pos == 0 && !padding_started && i + 4 <= n) {
            unsigned a = B64VAL[d[i]], b = B64VAL[d[i + 1]], c2 = B64VAL[d[i + 2]], e = B64VAL[d[i + 3]];
            if ((a | b | c2 | e) >= 64)
                break;
            uint32_t v = a << 18 | b << 12 | c2 << 6 | e;
            o[0] = (uint8_t)(v >> 16);
            o[1] = (uint8_t)(v >> 8);
            o[2] = (uint8_t)v;
            o += 3;
            i += 4;
            pads = 0;
        }
        if (i >= n)
            break;
        uint8_t c = d[i];
        if (c == '=') {
            padding_started = true;
            if (strict && quad_pos == 0) {
                msg = "Excess padding not allowed";
                break;
            }
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                /* a complete pad sequence ends the data (strict: it must end the input too) */
                if (strict && i + 1 < n)
                    msg = "Excess data after padding";
                goto done;
            }
            continue;
        }
        uint8_t v = B64VAL[c];
        if (v >= 64) {
            if (strict) {
                msg = "Only base64 data is allowed";
                break;
            }
            continue;
        }
        if (strict && padding_started) {
            msg = "Discontinuous padding not allowed";
            break;
        }
        pads = 0;
        switch (quad_pos) {
        case 0: quad_pos = 1; leftchar = v; break;
        case 1: quad_pos = 2; *o++ = (uint8_t)(leftchar << 2 | v >> 4); leftchar = v & 0x0f; break;
        case 2: quad_pos = 3; *o++ = (uint8_t)(leftchar << 4 | v >> 2); leftchar = v & 0x03; break;
        default: quad_pos = 0; *o++ = (uint8_t)(leftchar << 6 | v); leftchar = 0; break;
        }
    }
    if (!msg && quad_pos == 1) {
        /* one data char more than a multiple of 4: no input encodes to that */
        if (buf != small)
            kr_mem_free(vm, buf);
        return kr_raise(vm, err,
                        "Invalid base64-encoded string: number of data characters (%lld) cannot be 1 more than a "
                        "multiple of 4",
                        (long long)((o - buf) / 3 * 4 + 1));
    }
    if (!msg && quad_pos != 0)
        msg = "Incorrect padding";
done:;
    kr_value r = msg ? kr_raise(vm, err, "%s", msg) : kr_bytes_new(vm, buf, (size_t)(o - buf));
    if (buf != small)
        kr_mem_free(vm, buf);
    return r;
}

/* ---------------- CRCs ---------------- */

static const uint32_t crc32_table[256] = {
    0x00000000, 0x77073096, 0xee0e612c, 0x990951ba, 0x076dc419, 0x706af48f, 0xe963a535, 0x9e6495a3,
    0x0edb8832, 0x79dcb8a4, 0xe0d5e91e, 0x97d2d988, 0x09b64c2b, 0x7eb17cbd, 0xe7b82d07, 0x90bf1d91,
    0x1db71064, 0x6ab020f2, 0xf3b97148, 0x84be41de, 0x1adad47d, 0x6ddde4eb, 0xf4d4b551, 0x83d385c7,
    0x136c9856, 0x646ba8c0, 0xfd62f97a, 0x8a65c9ec, 0x14015c4f, 0x63066cd9, 0xfa0f3d63, 0x8d080df5,
    0x3b6e20c8, 0x4c69105e, 0xd56041e4, 0xa2677172, 0x3c03e4d1, 0x4b04d447, 0xd20d85fd, 0xa50ab56b,
    0x35b5a8fa, 0x42b2986c, 0xdbbbc9d6, 0xacbcf940, 0x32d86ce3, 0x45df5c75, 0xdcd60dcf, 0xabd13d59,
    0x26d930ac, 0x51de003a, 0xc8d75180, 0xbfd06116, 0x21b4f4b5, 0x56b3c423, 0xcfba9599, 0xb8bda50f,
    0x2802b89e, 0x5f058808, 0xc60cd9b2, 0xb10be924, 0x2f6f7c87, 0x58684c11, 0xc1611dab, 0xb6662d3d,
    0x76dc4190, 0x01db7106, 0x98d220bc, 0xefd5102a, 0x71b18589, 0x06b6b51f, 0x9fbfe4a5, 0xe8b8d433,
    0x7807c9a2, 0x0f00f934, 0x9609a88e, 0xe10e9818, 0x7f6a0dbb, 0x086d3d2d, 0x91646c97, 0xe6635c01,
    0x6b6b51f4, 0x1c6c6162, 0x856530d8, 0xf262004e, 0x6c0695ed, 0x1b01a57b, 0x8208f4c1, 0xf50fc457,
    0x65b0d9c6, 0x12b7e950, 0x8bbeb8ea, 0xfcb9887c, 0x62dd1ddf, 0x15da2d49, 0x8cd37cf3, 0xfbd44c65,
    0x4db26158, 0x3ab551ce, 0xa3bc0074, 0xd4bb30e2, 0x4adfa541, 0x3dd895d7, 0xa4d1c46d, 0xd3d6f4fb,
    0x4369e96a, 0x346ed9fc, 0xad678846, 0xda60b8d0, 0x44042d73, 0x33031de5, 0xaa0a4c5f, 0xdd0d7cc9,
    0x5005713c, 0x270241aa, 0xbe0b1010, 0xc90c2086, 0x5768b525, 0x206f85b3, 0xb966d409, 0xce61e49f,
    0x5edef90e, 0x29d9c998, 0xb0d09822, 0xc7d7a8b4, 0x59b33d17, 0x2eb40d81, 0xb7bd5c3b, 0xc0ba6cad,
    0xedb88320, 0x9abfb3b6, 0x03b6e20c, 0x74b1d29a, 0xead54739, 0x9dd277af, 0x04db2615, 0x73dc1683,
    0xe3630b12, 0x94643b84, 0x0d6d6a3e, 0x7a6a5aa8, 0xe40ecf0b, 0x9309ff9d, 0x0a00ae27, 0x7d079eb1,
    0xf00f9344, 0x8708a3d2, 0x1e01f268, 0x6906c2fe, 0xf762575d, 0x806567cb, 0x196c3671, 0x6e6b06e7,
    0xfed41b76, 0x89d32be0, 0x10da7a5a, 0x67dd4acc, 0xf9b9df6f, 0x8ebeeff9, 0x17b7be43, 0x60b08ed5,
    0xd6d6a3e8, 0xa1d1937e, 0x38d8c2c4, 0x4fdff252, 0xd1bb67f1, 0xa6bc5767, 0x3fb506dd, 0x48b2364b,
    0xd80d2bda, 0xaf0a1b4c, 0x36034af6, 0x41047a60, 0xdf60efc3, 0xa867df55, 0x316e8eef, 0x4669be79,
    0xcb61b38c, 0xbc66831a, 0x256fd2a0, 0x5268e236, 0xcc0c7795, 0xbb0b4703, 0x220216b9, 0x5505262f,
    0xc5ba3bbe, 0xb2bd0b28, 0x2bb45a92, 0x5cb36a04, 0xc2d7ffa7, 0xb5d0cf31, 0x2cd99e8b, 0x5bdeae1d,
    0x9b64c2b0, 0xec63f226, 0x756aa39c, 0x026d930a, 0x9c0906a9, 0xeb0e363f, 0x72076785, 0x05005713,
    0x95bf4a82, 0xe2b87a14, 0x7bb12bae, 0x0cb61b38, 0x92d28e9b, 0xe5d5be0d, 0x7cdcefb7, 0x0bdbdf21,
    0x86d3d2d4, 0xf1d4e242, 0x68ddb3f8, 0x1fda836e, 0x81be16cd, 0xf6b9265b, 0x6fb077e1, 0x18b74777,
    0x88085ae6, 0xff0f6a70, 0x66063bca, 0x11010b5c, 0x8f659eff, 0xf862ae69, 0x616bffd3, 0x166ccf45,
    0xa00ae278, 0xd70dd2ee, 0x4e048354, 0x3903b3c2, 0xa7672661, 0xd06016f7, 0x4969474d, 0x3e6e77db,
    0xaed16a4a, 0xd9d65adc, 0x40df0b66, 0x37d83bf0, 0xa9bcae53, 0xdebb9ec5, 0x47b2cf7f, 0x30b5ffe9,
    0xbdbdf21c, 0xcabac28a, 0x53b39330, 0x24b4a3a6, 0xbad03605, 0xcdd70693, 0x54de5729, 0x23d967bf,
    0xb3667a2e, 0xc4614ab8, 0x5d681b02, 0x2a6f2b94, 0xb40bbe37, 0xc30c8ea1, 0x5a05df1b, 0x2d02ef8d,
};
static const uint16_t crc_hqx_table[256] = {
    0x0000, 0x1021, 0x2042, 0x3063, 0x4084, 0x50a5, 0x60c6, 0x70e7, 0x8108, 0x9129, 0xa14a, 0xb16b,
    0xc18c, 0xd1ad, 0xe1ce, 0xf1ef, 0x1231, 0x0210, 0x3273, 0x2252, 0x52b5, 0x4294, 0x72f7, 0x62d6,
    0x9339, 0x8318, 0xb37b, 0xa35a, 0xd3bd, 0xc39c, 0xf3ff, 0xe3de, 0x2462, 0x3443, 0x0420, 0x1401,
    0x64e6, 0x74c7, 0x44a4, 0x5485, 0xa56a, 0xb54b, 0x8528, 0x9509, 0xe5ee, 0xf5cf, 0xc5ac, 0xd58d,
    0x3653, 0x2672, 0x1611, 0x0630, 0x76d7, 0x66f6, 0x5695, 0x46b4, 0xb75b, 0xa77a, 0x9719, 0x8738,
    0xf7df, 0xe7fe, 0xd79d, 0xc7bc, 0x48c4, 0x58e5, 0x6886, 0x78a7, 0x0840, 0x1861, 0x2802, 0x3823,
    0xc9cc, 0xd9ed, 0xe98e, 0xf9af, 0x8948, 0x9969, 0xa90a, 0xb92b, 0x5af5, 0x4ad4, 0x7ab7, 0x6a96,
    0x1a71, 0x0a50, 0x3a33, 0x2a12, 0xdbfd, 0xcbdc, 0xfbbf, 0xeb9e, 0x9b79, 0x8b58, 0xbb3b, 0xab1a,
    0x6ca6, 0x7c87, 0x4ce4, 0x5cc5, 0x2c22, 0x3c03, 0x0c60, 0x1c41, 0xedae, 0xfd8f, 0xcdec, 0xddcd,
    0xad2a, 0xbd0b, 0x8d68, 0x9d49, 0x7e97, 0x6eb6, 0x5ed5, 0x4ef4, 0x3e13, 0x2e32, 0x1e51, 0x0e70,
    0xff9f, 0xefbe, 0xdfdd, 0xcffc, 0xbf1b, 0xaf3a, 0x9f59, 0x8f78, 0x9188, 0x81a9, 0xb1ca, 0xa1eb,
    0xd10c, 0xc12d, 0xf14e, 0xe16f, 0x1080, 0x00a1, 0x30c2, 0x20e3, 0x5004, 0x4025, 0x7046, 0x6067,
    0x83b9, 0x9398, 0xa3fb, 0xb3da, 0xc33d, 0xd31c, 0xe37f, 0xf35e, 0x02b1, 0x1290, 0x22f3, 0x32d2,
    0x4235, 0x5214, 0x6277, 0x7256, 0xb5ea, 0xa5cb, 0x95a8, 0x8589, 0xf56e, 0xe54f, 0xd52c, 0xc50d,
    0x34e2, 0x24c3, 0x14a0, 0x0481, 0x7466, 0x6447, 0x5424, 0x4405, 0xa7db, 0xb7fa, 0x8799, 0x97b8,
    0xe75f, 0xf77e, 0xc71d, 0xd73c, 0x26d3, 0x36f2, 0x0691, 0x16b0, 0x6657, 0x7676, 0x4615, 0x5634,
    0xd94c, 0xc96d, 0xf90e, 0xe92f, 0x99c8, 0x89e9, 0xb98a, 0xa9ab, 0x5844, 0x4865, 0x7806, 0x6827,
    0x18c0, 0x08e1, 0x3882, 0x28a3, 0xcb7d, 0xdb5c, 0xeb3f, 0xfb1e, 0x8bf9, 0x9bd8, 0xabbb, 0xbb9a,
    0x4a75, 0x5a54, 0x6a37, 0x7a16, 0x0af1, 0x1ad0, 0x2ab3, 0x3a92, 0xfd2e, 0xed0f, 0xdd6c, 0xcd4d,
    0xbdaa, 0xad8b, 0x9de8, 0x8dc9, 0x7c26, 0x6c07, 0x5c64, 0x4c45, 0x3ca2, 0x2c83, 0x1ce0, 0x0cc1,
    0xef1f, 0xff3e, 0xcf5d, 0xdf7c, 0xaf9b, 0xbfba, 0x8fd9, 0x9ff8, 0x6e17, 0x7e36, 0x4e55, 0x5e74,
    0x2e93, 0x3eb2, 0x0ed1, 0x1ef0,
};

/* An unsigned int argument converted bitwise (CPython's "I" format): __index__, then modulo 2**32. */
static int uint_mask(kr_vm *vm, kr_value v, uint32_t *out)
{
    kr_value c = kr_index(vm, v);
    if (!c)
        return -1;
    if (kr_is_small(c)) {
        *out = (uint32_t)(uint64_t)kr_small_val(c);
        return 0;
    }
    __mpz_struct storage;
    mp_limb_t limb;
    mpz_srcptr z = kr_int_view(c, &storage, &limb);
    uint32_t low = (uint32_t)mpz_getlimbn(z, 0);
    *out = mpz_sgn(z) < 0 ? (uint32_t)0 - low : low;
    return 0;
}

static kr_value ba_crc32(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "crc32", kwnames) < 0 || kr_args_count(vm, "crc32", nargs - 1, 1, 2) < 0)
        return KR_NULL;
    const uint8_t *d;
    int64_t n;
    if (kr_bytes_buffer(vm, args[1], &d, &n) < 0)
        return KR_NULL;
    uint32_t crc = 0;
    if (nargs > 2 && uint_mask(vm, args[2], &crc) < 0)
        return KR_NULL;
    /* __index__ may have run Python code that resized a bytearray argument */
    if (kr_bytes_buffer(vm, args[1], &d, &n) < 0)
        return KR_NULL;
    crc = ~crc;
    for (int64_t i = 0; i < n; i++)
        crc = crc32_table[(crc ^ d[i]) & 0xff] ^ (crc >> 8);
    return kr_int_from_u64(vm, ~crc);
}

static kr_value ba_crc_hqx(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "crc_hqx", kwnames) < 0 || kr_args_count(vm, "crc_hqx", nargs - 1, 2, 2) < 0)
        return KR_NULL;
    const uint8_t *d;
    int64_t n;
    if (kr_bytes_buffer(vm, args[1], &d, &n) < 0)
        return KR_NULL;
    uint32_t crc;
    if (uint_mask(vm, args[2], &crc) < 0 || kr_bytes_buffer(vm, args[1], &d, &n) < 0)
        return KR_NULL;
    crc &= 0xffff;
    for (int64_t i = 0; i < n; i++)
        crc = ((crc << 8) & 0xff00) ^ crc_hqx_table[(crc >> 8) ^ d[i]];
    return kr_small(crc);
}

static const kr_method_def binascii_functions[] = {
    {"hexlify", ba_hexlify, KR_METH_MODULE, "Hexadecimal representation of binary data."},
    {"b2a_hex", ba_b2a_hex, KR_METH_MODULE, "Hexadecimal representation of binary data."},
    {"unhexlify", ba_unhexlify, KR_METH_MODULE, "Binary data of hexadecimal representation."},
    {"a2b_hex", ba_a2b_hex, KR_METH_MODULE, "Binary data of hexadecimal representation."},
    {"b2a_base64", ba_b2a_base64, KR_METH_MODULE, "Base64-code line of data."},
    {"a2b_base64", ba_a2b_base64, KR_METH_MODULE, "Decode a line of base64 data."},
    {"crc32", ba_crc32, KR_METH_MODULE, "Compute CRC-32 incrementally."},
    {"crc_hqx", ba_crc_hqx, KR_METH_MODULE, "Compute CRC-CCITT incrementally."},
    {NULL, NULL, 0, NULL},
};

/* A class `binascii.NAME(base)`. */
static kr_value make_exc(kr_vm *vm, const char *name, kr_type *base)
{
    kr_value n = kr_str_from_cstr(vm, name);
    kr_value bases = n ? kr_tuple_pack(vm, 1, KR_VAL(base)) : KR_NULL;
    kr_value ns = bases ? kr_dict_new(vm) : KR_NULL;
    kr_value mod = ns ? kr_str_from_cstr(vm, "binascii") : KR_NULL;
    if (!mod || kr_dict_set_cstr(vm, ns, "__module__", mod) < 0)
        return KR_NULL;
    return kr_type_create_class(vm, KR_VAL(vm->t.type), n, bases, ns, KR_NULL);
}

kr_value kr_binascii_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "binascii");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value state = kr_tuple_new(vm, BA_COUNT);
    if (!state)
        goto fail;
    KR_AS(kr_module, m)->state = state;
    kr_gc_barrier(vm, KR_OBJ(m), state);
    kr_value error = make_exc(vm, "Error", KR_EXC(vm, ValueError));
    if (!error)
        goto fail;
    kr_tuple_items(state)[BA_ERROR] = error;
    kr_gc_barrier(vm, KR_OBJ(state), error);
    kr_value incomplete = make_exc(vm, "Incomplete", KR_EXC(vm, Exception));
    if (!incomplete)
        goto fail;
    kr_tuple_items(state)[BA_INCOMPLETE] = incomplete;
    kr_gc_barrier(vm, KR_OBJ(state), incomplete);
    if (kr_module_add_functions(vm, m, binascii_functions) < 0 || kr_module_add(vm, m, "Error", error) < 0 ||
        kr_module_add(vm, m, "Incomplete", incomplete) < 0)
        goto fail;
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
