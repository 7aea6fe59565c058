/* str.c: the str type (UTF-8 with cached length, hash and ASCII flag), interning, the string builder,
 * str methods and the str iterator.
 *
 * Invariants (see also vm/object.h and vm/str.h):
 *  - data is valid UTF-8 (surrogates allowed in their 3-byte form) and data[nbytes] == '\0';
 *  - KR_STR_ASCII is set exactly when every byte is < 0x80, and then length == nbytes;
 *  - hash is -1 until computed and never -1 afterwards;
 *  - exact-str results of length 0 are vm->empty_str and of one ASCII char vm->char_cache[c] (so that
 *    single characters produced by indexing and iteration do not allocate); subclass instances never are;
 *  - code-point order equals UTF-8 byte order, so comparisons are memcmp.
 * Non-ASCII indexing walks code points from the nearest of the start, the end and a one-entry per-VM
 * cache (last string, code-point index, byte offset), which makes s[i] in a loop O(1) amortised. The
 * cache is dropped at every collection (kr_str_trace_roots), the only time a string can be freed. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "format.h"
#include "range.h"
#include "str.h"
#include "unicode_names.h"

/* The interning table: open addressing over kr_value (linear probing), usable before dicts exist. */
struct kr_intern_table {
    kr_value *slots; /* KR_NULL = empty; interned strings are never removed */
    size_t cap;      /* power of two */
    size_t count;
    /* The non-ASCII index cache (see the file comment). */
    const kr_str *ic_str;
    int64_t ic_index, ic_offset;
};

/* ================================================================ the string builder */

void kr_sb_init(kr_sb *sb)
{
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    sb->failed = false;
    sb->borrowed = false;
}

void kr_sb_init_buf(kr_sb *sb, char *buf, size_t cap)
{
    sb->buf = buf;
    sb->len = 0;
    sb->cap = cap;
    sb->failed = false;
    sb->borrowed = cap > 0;
    if (!cap)
        sb->buf = NULL;
}

static bool sb_reserve(kr_sb *sb, size_t extra)
{
    if (sb->failed)
        return false;
    if (sb->len + extra + 1 <= sb->cap)
        return true;
    size_t cap = sb->cap ? sb->cap : 32;
    while (cap < sb->len + extra + 1) {
        if (cap > SIZE_MAX / 2) {
            sb->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *p = sb->borrowed ? malloc(cap) : realloc(sb->buf, cap);
    if (!p) {
        sb->failed = true;
        return false;
    }
    if (sb->borrowed)
        memcpy(p, sb->buf, sb->len);
    sb->borrowed = false;
    sb->buf = p;
    sb->cap = cap;
    return true;
}

bool kr_sb_reserve(kr_sb *sb, size_t extra) { return sb_reserve(sb, extra); }

void kr_sb_append(kr_sb *sb, const char *data, size_t n)
{
    if (n == 0 || !sb_reserve(sb, n))
        return;
    memcpy(sb->buf + sb->len, data, n);
    sb->len += n;
}

void kr_sb_append_cstr(kr_sb *sb, const char *s) { kr_sb_append(sb, s, strlen(s)); }

void kr_sb_append_char(kr_sb *sb, char c)
{
    if (!sb_reserve(sb, 1))
        return;
    sb->buf[sb->len++] = c;
}

void kr_sb_append_cp(kr_sb *sb, uint32_t cp)
{
    if (!sb_reserve(sb, 4))
        return;
    sb->len += (size_t)kr_utf8_encode(cp, sb->buf + sb->len);
}

void kr_sb_appendf(kr_sb *sb, const char *fmt, ...)
{
    va_list ap;
    char small[256];
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        kr_sb_append(sb, small, (size_t)n);
        return;
    }
    if (!sb_reserve(sb, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

int kr_sb_append_value(kr_vm *vm, kr_sb *sb, kr_value v, bool use_repr)
{
    kr_value s = use_repr ? kr_repr(vm, v) : kr_tostr(vm, v);
    if (!s)
        return -1;
    kr_sb_append(sb, kr_str_data(s), (size_t)kr_str_nbytes(s));
    return 0;
}

kr_value kr_sb_finish(kr_vm *vm, kr_sb *sb)
{
    if (sb->failed) {
        kr_sb_free(sb);
        return kr_raise_nomemory(vm);
    }
    kr_value r = kr_str_new(vm, sb->buf ? sb->buf : "", sb->len);
    kr_sb_free(sb);
    return r;
}

void kr_sb_free(kr_sb *sb)
{
    if (!sb->borrowed)
        free(sb->buf);
    kr_sb_init(sb);
}

/* ================================================================ UTF-8 */

int64_t kr_utf8_count(const char *s, size_t n)
{
    int64_t count = 0;
    size_t i = 0;
    /* Count bytes that are not continuation bytes (10xxxxxx), 8 at a time. */
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t cont = (w & ~(w << 1)) & 0x8080808080808080ULL; /* bit7 set and bit6 clear */
        count += 8 - __builtin_popcountll(cont);
    }
    for (; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

int64_t kr_utf8_check(const char *s, size_t n, bool allow_surrogates)
{
    const unsigned char *p = (const unsigned char *)s;
    int64_t count = 0;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            i++;
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80)
                return -1;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80)
                return -1;
            if (c == 0xE0 && p[i + 1] < 0xA0)
                return -1;
            if (c == 0xED && p[i + 1] >= 0xA0 && !allow_surrogates)
                return -1;
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (i + 3 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 ||
                (p[i + 3] & 0xC0) != 0x80)
                return -1;
            if ((c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90))
                return -1;
            i += 4;
        } else {
            return -1;
        }
        count++;
    }
    return count;
}

static bool all_ascii(const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL)
            return false;
    }
    for (; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* ================================================================ allocation */

/* A length of 4G code points or more, after the data (vm/object.h). Out of line and cold so that
 * str_set_len and str_alloc_type stay small enough to inline into every constructor. */
__attribute__((noinline, cold)) static void str_set_len_far(kr_str *s, int64_t length)
{
    s->ob.aux = KR_STR_LEN_FAR;
    memcpy((char *)s + kr_str_far_len_offset(s->nbytes), &length, sizeof length);
}

/* The allocation size of a str of nbytes UTF-8 bytes: room for a far length when it may need one. */
__attribute__((noinline, cold)) static size_t str_size_far(int64_t nbytes)
{
    return kr_str_far_len_offset(nbytes) + sizeof(int64_t);
}

/* The length of a string whose header was just allocated by str_alloc_type (see vm/object.h). */
static inline void str_set_len(kr_str *s, int64_t length)
{
    if (__builtin_expect(length < (int64_t)KR_STR_LEN_FAR, 1))
        s->ob.aux = (uint32_t)length;
    else
        str_set_len_far(s, length);
}

static inline kr_str *str_alloc_type(kr_vm *vm, kr_type *t, int64_t nbytes)
{
    if (nbytes < 0 || (uint64_t)nbytes > (uint64_t)INT64_MAX / 2) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    /* a length that does not fit ob.aux needs nbytes >= KR_STR_LEN_FAR: room for it after the data */
    size_t size = __builtin_expect(nbytes < (int64_t)KR_STR_LEN_FAR, 1) ? sizeof(kr_str) + (size_t)nbytes + 1
                                                                         : str_size_far(nbytes);
    kr_str *s = kr_gc_alloc_body(vm, t, size); /* callers write every data byte */
    if (!s)
        return NULL;
    s->hash = -1;
    s->nbytes = nbytes;
    str_set_len(s, nbytes);
    s->data[nbytes] = '\0';
    return s;
}

kr_str *kr_str_alloc_raw(kr_vm *vm, int64_t nbytes) { return str_alloc_type(vm, vm->t.str, nbytes); }

/* Returns the cached empty string / one-char string for exact-str content, creating it on demand
 * (start-up may ask for them before kr_str_setup). KR_NULL if the content is not cacheable. */
static kr_value cached_small(kr_vm *vm, const char *data, size_t n)
{
    if (n == 0) {
        if (!vm->empty_str) {
            kr_str *s = str_alloc_type(vm, vm->t.str, 0);
            if (!s)
                return KR_NULL;
            s->ob.flags = KR_STR_ASCII;
            str_set_len(s, 0);
            vm->empty_str = KR_VAL(s);
        }
        return vm->empty_str;
    }
    unsigned char c = (unsigned char)data[0];
    if (c >= 0x80)
        return KR_NULL;
    if (!vm->char_cache[c]) {
        kr_str *s = str_alloc_type(vm, vm->t.str, 1);
        if (!s)
            return KR_NULL;
        s->data[0] = (char)c;
        s->ob.flags = KR_STR_ASCII;
        str_set_len(s, 1);
        vm->char_cache[c] = KR_VAL(s);
    }
    return vm->char_cache[c];
}

kr_value kr_str_finish_raw(kr_vm *vm, kr_str *s)
{
    if (s->nbytes <= 1 && (s->nbytes == 0 || (unsigned char)s->data[0] < 0x80))
        return cached_small(vm, s->data, (size_t)s->nbytes); /* s becomes garbage */
    if (all_ascii(s->data, (size_t)s->nbytes)) {
        s->ob.flags |= KR_STR_ASCII;
        str_set_len(s, s->nbytes);
    } else {
        str_set_len(s, kr_utf8_count(s->data, (size_t)s->nbytes));
    }
    return KR_VAL(s);
}

kr_value kr_str_new(kr_vm *vm, const char *utf8, size_t nbytes)
{
    if (nbytes <= 1) {
        kr_value c = cached_small(vm, utf8, nbytes);
        if (c || kr_err_occurred(vm))
            return c;
    }
    kr_str *s = str_alloc_type(vm, vm->t.str, (int64_t)nbytes);
    if (!s)
        return KR_NULL;
    memcpy(s->data, utf8, nbytes);
    return kr_str_finish_raw(vm, s);
}

kr_value kr_str_new_known(kr_vm *vm, const char *utf8, size_t nbytes, int64_t length)
{
    if (nbytes <= 1)
        return kr_str_new(vm, utf8, nbytes);
    kr_str *s = str_alloc_type(vm, vm->t.str, (int64_t)nbytes);
    if (!s)
        return KR_NULL;
    memcpy(s->data, utf8, nbytes);
    str_set_len(s, length);
    if ((size_t)length == nbytes)
        s->ob.flags |= KR_STR_ASCII;
    return KR_VAL(s);
}

/* A str of type cls (a str subclass) with the content of exact str src. */
static kr_value str_new_subtype(kr_vm *vm, kr_type *cls, kr_value src)
{
    kr_str *s = str_alloc_type(vm, cls, kr_str_nbytes(src));
    if (!s)
        return KR_NULL;
    memcpy(s->data, kr_str_data(src), (size_t)kr_str_nbytes(src));
    str_set_len(s, kr_str_len(src));
    s->ob.flags = KR_OBJ(src)->flags & KR_STR_ASCII;
    return KR_VAL(s);
}

/* An exact str with the content of str v (v itself when exact). */
static kr_value str_exact(kr_vm *vm, kr_value v)
{
    if (KR_OBJ(v)->type == vm->t.str)
        return v;
    return kr_str_new_known(vm, kr_str_data(v), (size_t)kr_str_nbytes(v), kr_str_len(v));
}

kr_value kr_str_from_cstr(kr_vm *vm, const char *cstr) { return kr_str_new(vm, cstr, strlen(cstr)); }

kr_value kr_str_fmt(kr_vm *vm, const char *fmt, ...)
{
    kr_sb sb;
    kr_sb_init(&sb);
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return kr_str_new(vm, "", 0);
    if ((size_t)n < sizeof small)
        return kr_str_new(vm, small, (size_t)n);
    if (!sb_reserve(&sb, (size_t)n + 1)) {
        kr_sb_free(&sb);
        return kr_raise_nomemory(vm);
    }
    va_start(ap, fmt);
    vsnprintf(sb.buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb.len = (size_t)n;
    return kr_sb_finish(vm, &sb);
}

kr_value kr_str_from_codepoint(kr_vm *vm, uint32_t cp)
{
    char buf[4];
    int n = kr_utf8_encode(cp, buf);
    return kr_str_new_known(vm, buf, (size_t)n, 1);
}

kr_value kr_str_concat(kr_vm *vm, kr_value a, kr_value b)
{
    int64_t na = kr_str_nbytes(a), nb = kr_str_nbytes(b);
    if (nb == 0 && KR_OBJ(a)->type == vm->t.str)
        return a;
    if (na == 0 && KR_OBJ(b)->type == vm->t.str)
        return b;
    kr_str *s = str_alloc_type(vm, vm->t.str, na + nb);
    if (!s)
        return KR_NULL;
    memcpy(s->data, kr_str_data(a), (size_t)na);
    memcpy(s->data + na, kr_str_data(b), (size_t)nb);
    str_set_len(s, kr_str_len(a) + kr_str_len(b));
    if ((KR_OBJ(a)->flags & KR_OBJ(b)->flags) & KR_STR_ASCII)
        s->ob.flags |= KR_STR_ASCII;
    if (s->nbytes == 1)
        return kr_str_finish_raw(vm, s);
    return KR_VAL(s);
}

kr_value kr_str_concat_array(kr_vm *vm, const kr_value *parts, size_t n)
{
    if (n == 1 && KR_OBJ(parts[0])->type == vm->t.str)
        return parts[0];
    int64_t nbytes = 0, length = 0;
    uint16_t ascii = KR_STR_ASCII;
    for (size_t i = 0; i < n; i++) {
        nbytes += kr_str_nbytes(parts[i]);
        length += kr_str_len(parts[i]);
        ascii &= KR_OBJ(parts[i])->flags;
    }
    kr_str *s = str_alloc_type(vm, vm->t.str, nbytes);
    if (!s)
        return KR_NULL;
    char *p = s->data;
    for (size_t i = 0; i < n; i++) {
        memcpy(p, kr_str_data(parts[i]), (size_t)kr_str_nbytes(parts[i]));
        p += kr_str_nbytes(parts[i]);
    }
    if (nbytes <= 1)
        return kr_str_finish_raw(vm, s); /* the cached one-character strs */
    str_set_len(s, length);
    s->ob.flags |= ascii;
    return KR_VAL(s);
}

kr_value kr_str_repeat(kr_vm *vm, kr_value s, int64_t n)
{
    int64_t nb = kr_str_nbytes(s);
    if (n <= 0 || nb == 0)
        return kr_str_new(vm, "", 0);
    if (n == 1 && KR_OBJ(s)->type == vm->t.str)
        return s;
    /* CPython: OverflowError when the length in code points overflows, else MemoryError if too big. */
    if (kr_str_len(s) > INT64_MAX / n)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "repeated string is too long");
    if (nb > INT64_MAX / 2 / n)
        return kr_raise_nomemory(vm);
    kr_str *r = str_alloc_type(vm, vm->t.str, nb * n);
    if (!r)
        return KR_NULL;
    /* Doubling copies: O(log n) memcpy calls. */
    memcpy(r->data, kr_str_data(s), (size_t)nb);
    int64_t done = nb, total = nb * n;
    while (done < total) {
        int64_t chunk = done < total - done ? done : total - done;
        memcpy(r->data + done, r->data, (size_t)chunk);
        done += chunk;
    }
    str_set_len(r, kr_str_len(s) * n);
    r->ob.flags |= KR_OBJ(s)->flags & KR_STR_ASCII;
    return KR_VAL(r);
}

/* ================================================================ hashing, equality, interning */

int64_t kr_str_hash(kr_vm *vm, kr_value v)
{
    kr_str *s = KR_AS(kr_str, v);
    if (s->hash != -1)
        return s->hash;
    int64_t h = (int64_t)kr_hash_bytes(vm, s->data, (size_t)s->nbytes);
    if (h == -1)
        h = -2;
    s->hash = h;
    return h;
}

bool kr_str_equal(kr_value a, kr_value b)
{
    if (a == b)
        return true;
    kr_str *x = KR_AS(kr_str, a), *y = KR_AS(kr_str, b);
    if (x->nbytes != y->nbytes)
        return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return false;
    return memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

bool kr_is_str(kr_vm *vm, kr_value v)
{
    if (!kr_is_ptr(v))
        return false;
    kr_type *t = KR_OBJ(v)->type;
    return t == vm->t.str || (t->flags & KR_TF_STR_SUBCLASS) || kr_type_is_subtype(t, vm->t.str);
}

static struct kr_intern_table *intern_table(kr_vm *vm)
{
    if (vm->interned)
        return vm->interned;
    struct kr_intern_table *t = kr_mem_zalloc(vm, sizeof *t);
    if (!t)
        return NULL;
    t->cap = 1024;
    t->slots = kr_mem_zalloc(vm, t->cap * sizeof(kr_value));
    if (!t->slots) {
        kr_mem_free(vm, t);
        return NULL;
    }
    vm->interned = t;
    return t;
}

static int intern_grow(kr_vm *vm, struct kr_intern_table *t)
{
    size_t ncap = t->cap * 2;
    kr_value *ns = kr_mem_zalloc(vm, ncap * sizeof(kr_value));
    if (!ns)
        return -1;
    for (size_t i = 0; i < t->cap; i++) {
        kr_value v = t->slots[i];
        if (!v)
            continue;
        size_t j = (size_t)KR_AS(kr_str, v)->hash & (ncap - 1);
        while (ns[j])
            j = (j + 1) & (ncap - 1);
        ns[j] = v;
    }
    kr_mem_free(vm, t->slots);
    t->slots = ns;
    t->cap = ncap;
    return 0;
}

/* Find the interned string with this content, or the empty slot where it would go (*slot). */
static kr_value intern_find(struct kr_intern_table *t, const char *data, size_t n, int64_t h, size_t *slot)
{
    size_t j = (size_t)h & (t->cap - 1);
    for (;;) {
        kr_value v = t->slots[j];
        if (!v) {
            *slot = j;
            return KR_NULL;
        }
        kr_str *s = KR_AS(kr_str, v);
        if (s->hash == h && (size_t)s->nbytes == n && memcmp(s->data, data, n) == 0)
            return v;
        j = (j + 1) & (t->cap - 1);
    }
}

static kr_value intern_content(kr_vm *vm, const char *data, size_t n, kr_value existing)
{
    struct kr_intern_table *t = intern_table(vm);
    if (!t)
        return KR_NULL;
    if ((t->count + 1) * 3 >= t->cap * 2 && intern_grow(vm, t) < 0)
        return KR_NULL;
    int64_t h = (int64_t)kr_hash_bytes(vm, data, n);
    if (h == -1)
        h = -2;
    size_t slot;
    kr_value v = intern_find(t, data, n, h, &slot);
    if (v)
        return v;
    if (existing) {
        v = existing;
    } else {
        /* Do not reuse the empty/char caches: those objects may not be interned yet, and marking the
         * cached object as interned is fine too, so go through kr_str_new and flag the result. */
        v = kr_str_new(vm, data, n);
        if (!v)
            return KR_NULL;
        if (KR_OBJ(v)->flags & KR_STR_INTERNED) /* cannot happen: it would have been found */
            return v;
    }
    KR_AS(kr_str, v)->hash = h;
    KR_OBJ(v)->flags |= KR_STR_INTERNED;
    t->slots[slot] = v;
    t->count++;
    return v;
}

kr_value kr_intern(kr_vm *vm, const char *cstr) { return intern_content(vm, cstr, strlen(cstr), KR_NULL); }

kr_value kr_intern_value(kr_vm *vm, kr_value str)
{
    if (KR_OBJ(str)->flags & KR_STR_INTERNED)
        return str;
    bool exact = KR_OBJ(str)->type == vm->t.str;
    return intern_content(vm, kr_str_data(str), (size_t)kr_str_nbytes(str), exact ? str : KR_NULL);
}

void kr_str_trace_roots(kr_vm *vm)
{
    struct kr_intern_table *t = vm->interned;
    if (t) {
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i])
                kr_gc_mark(vm, t->slots[i]);
        t->ic_str = NULL;
    }
    if (vm->empty_str)
        kr_gc_mark(vm, vm->empty_str);
    if (vm->empty_bytes)
        kr_gc_mark(vm, vm->empty_bytes);
    for (int i = 0; i < 128; i++)
        if (vm->char_cache[i])
            kr_gc_mark(vm, vm->char_cache[i]);
}

void kr_str_free_tables(kr_vm *vm)
{
    struct kr_intern_table *t = vm->interned;
    if (!t)
        return;
    kr_mem_free(vm, t->slots);
    kr_mem_free(vm, t);
    vm->interned = NULL;
}

/* ================================================================ indexing */

/* Byte offset of code point `index` (0 <= index <= length) in non-ASCII s, starting from the closest
 * known position. */
static int64_t offset_slow(struct kr_intern_table *t, const kr_str *s, int64_t index)
{
    int64_t ci = 0, off = 0;
    if (t && t->ic_str == s && llabs(t->ic_index - index) < index) {
        ci = t->ic_index;
        off = t->ic_offset;
    }
    if (kr_str_len_of(s) - index < llabs(ci - index)) {
        ci = kr_str_len_of(s);
        off = s->nbytes;
    }
    const unsigned char *d = (const unsigned char *)s->data;
    while (ci < index) {
        off++;
        while ((d[off] & 0xC0) == 0x80)
            off++;
        ci++;
    }
    while (ci > index) {
        off--;
        while ((d[off] & 0xC0) == 0x80)
            off--;
        ci--;
    }
    if (t) {
        t->ic_str = s;
        t->ic_index = index;
        t->ic_offset = off;
    }
    return off;
}

int64_t kr_str_byte_offset(kr_vm *vm, kr_value v, int64_t index)
{
    const kr_str *s = KR_AS(kr_str, v);
    if (s->ob.flags & KR_STR_ASCII)
        return index;
    if (index <= 0)
        return 0;
    if (index >= kr_str_len_of(s))
        return s->nbytes;
    return offset_slow(vm ? vm->interned : NULL, s, index);
}

int64_t kr_str_codepoint_at(kr_value v, int64_t index)
{
    const kr_str *s = KR_AS(kr_str, v);
    if (index < 0)
        index += kr_str_len_of(s);
    if (index < 0 || index >= kr_str_len_of(s))
        return -1;
    if (s->ob.flags & KR_STR_ASCII)
        return (unsigned char)s->data[index];
    int len;
    return kr_utf8_decode(s->data + offset_slow(NULL, s, index), &len);
}

int64_t kr_str_codepoint_at_vm(kr_vm *vm, kr_value v, int64_t index)
{
    const kr_str *s = KR_AS(kr_str, v);
    if (index < 0)
        index += kr_str_len_of(s);
    if (index < 0 || index >= kr_str_len_of(s)) {
        kr_raise(vm, KR_EXC(vm, IndexError), "string index out of range");
        return -1;
    }
    if (s->ob.flags & KR_STR_ASCII)
        return (unsigned char)s->data[index];
    int len;
    return kr_utf8_decode(s->data + kr_str_byte_offset(vm, v, index), &len);
}

/* Exact str for the code points [start, stop) of s. */
static kr_value str_substr(kr_vm *vm, kr_value v, int64_t start, int64_t stop)
{
    if (start <= 0 && stop >= kr_str_len(v))
        return str_exact(vm, v);
    if (stop <= start)
        return kr_str_new(vm, "", 0);
    int64_t a = kr_str_byte_offset(vm, v, start), b = kr_str_byte_offset(vm, v, stop);
    return kr_str_new_known(vm, kr_str_data(v) + a, (size_t)(b - a), stop - start);
}

/* Code-point index of byte offset off in s. */
static int64_t cp_index_of(kr_value v, int64_t off)
{
    if (KR_OBJ(v)->flags & KR_STR_ASCII)
        return off;
    return kr_utf8_count(kr_str_data(v), (size_t)off);
}

/* ================================================================ repr */

static const char hexdig[] = "0123456789abcdef";

void kr_str_repr_to_sb(kr_sb *sb, const char *data, size_t n, bool ascii_only)
{
    /* CPython: single quotes unless the text contains ' and no ". */
    bool has_sq = memchr(data, '\'', n) != NULL, has_dq = memchr(data, '"', n) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    kr_sb_append_char(sb, q);
    size_t i = 0;
    while (i < n) {
        /* Copy a run of plain printable ASCII at once. */
        size_t j = i;
        while (j < n) {
            unsigned char c = (unsigned char)data[j];
            if (c < 0x20 || c >= 0x7F || c == '\\' || c == (unsigned char)q)
                break;
            j++;
        }
        kr_sb_append(sb, data + i, j - i);
        i = j;
        if (i >= n)
            break;
        int len;
        uint32_t c = kr_utf8_decode(data + i, &len);
        char buf[12];
        if (c == '\\' || c == (uint32_t)q) {
            buf[0] = '\\';
            buf[1] = (char)c;
            kr_sb_append(sb, buf, 2);
        } else if (c == '\n') {
            kr_sb_append(sb, "\\n", 2);
        } else if (c == '\t') {
            kr_sb_append(sb, "\\t", 2);
        } else if (c == '\r') {
            kr_sb_append(sb, "\\r", 2);
        } else if (c >= 0x80 && !ascii_only && kr_unicode_isprintable(c)) {
            kr_sb_append(sb, data + i, (size_t)len);
        } else if (c < 0x100) {
            buf[0] = '\\'; buf[1] = 'x'; buf[2] = hexdig[c >> 4]; buf[3] = hexdig[c & 15];
            kr_sb_append(sb, buf, 4);
        } else if (c < 0x10000) {
            buf[0] = '\\'; buf[1] = 'u';
            for (int k = 0; k < 4; k++)
                buf[2 + k] = hexdig[(c >> (12 - 4 * k)) & 15];
            kr_sb_append(sb, buf, 6);
        } else {
            buf[0] = '\\'; buf[1] = 'U';
            for (int k = 0; k < 8; k++)
                buf[2 + k] = hexdig[(c >> (28 - 4 * k)) & 15];
            kr_sb_append(sb, buf, 10);
        }
        i += (size_t)len;
    }
    kr_sb_append_char(sb, q);
}

kr_value kr_str_repr(kr_vm *vm, kr_value s)
{
    kr_sb sb;
    kr_sb_init(&sb);
    kr_str_repr_to_sb(&sb, kr_str_data(s), (size_t)kr_str_nbytes(s), false);
    return kr_sb_finish(vm, &sb);
}

kr_value kr_str_ascii_escape(kr_vm *vm, kr_value s)
{
    if (KR_OBJ(s)->flags & KR_STR_ASCII)
        return str_exact(vm, s);
    kr_sb sb;
    kr_sb_init(&sb);
    const char *d = kr_str_data(s);
    size_t n = (size_t)kr_str_nbytes(s), i = 0;
    while (i < n) {
        int len;
        uint32_t c = kr_utf8_decode(d + i, &len);
        if (c < 0x80)
            kr_sb_append_char(&sb, (char)c);
        else if (c < 0x100)
            kr_sb_appendf(&sb, "\\x%02x", c);
        else if (c < 0x10000)
            kr_sb_appendf(&sb, "\\u%04x", c);
        else
            kr_sb_appendf(&sb, "\\U%08x", c);
        i += (size_t)len;
    }
    return kr_sb_finish(vm, &sb);
}

/* ================================================================ argument helpers */

/* The str argument `v` or a TypeError built from msg (which has one %s for the type name). */
static bool need_str(kr_vm *vm, kr_value v, const char *msg)
{
    if (kr_is_str(vm, v))
        return true;
    kr_raise(vm, KR_EXC(vm, TypeError), msg, kr_typename(vm, v));
    return false;
}

/* Positional-only method arguments: nargs counts self. */
static int meth_args(kr_vm *vm, const char *name, int nargs, kr_value kwnames, int min, int max)
{
    if (kwnames && kr_tuple_size(kwnames) > 0 && kr_args_no_kw(vm, name, kwnames) < 0)
        return -1;
    return kr_args_count(vm, name, nargs - 1, min, max);
}

/* A slice bound for find/count/startswith...: None or an index-able value, clipped as in CPython's
 * ADJUST_INDICES. */
static int slice_bound(kr_vm *vm, kr_value v, int64_t *out)
{
    if (!v || v == KR_NONE)
        return 0;
    if (kr_is_small(v)) {
        *out = kr_small_val(v);
        return 0;
    }
    if (!kr_type_of(vm, v)->index) {
        kr_raise(vm, KR_EXC(vm, TypeError), "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    kr_value i = kr_index(vm, v);
    if (!i)
        return -1;
    if (kr_is_small(i)) {
        *out = kr_small_val(i);
        return 0;
    }
    *out = kr_int_sign(i) < 0 ? INT64_MIN / 2 : INT64_MAX / 2; /* clamp huge bounds */
    return 0;
}

static void adjust_indices(int64_t *start, int64_t *end, int64_t len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

/* ================================================================ searching (byte level) */

/* The first n[0..nn) in h[0..hn). Needles of two or more bytes: memchr for the needle's first byte
 * (vectorised), then the second byte and the rest compared in place; this beats glibc's memmem (whose
 * setup dominates on the short needles and haystacks str methods see) while that byte is rare in the
 * text. Once the first byte has matched without the rest more than 8 + (bytes scanned) / 16 times,
 * memmem (two-way: linear time) takes over for the remainder, so no text is quadratic. */
static int64_t bytes_find(const char *h, int64_t hn, const char *n, int64_t nn)
{
    if (nn == 0)
        return 0;
    if (nn > hn)
        return -1;
    if (nn == 1) {
        const char *p = memchr(h, n[0], (size_t)hn);
        return p ? p - h : -1;
    }
    const char *p = h, *last = h + (hn - nn); /* the last possible start */
    const char c0 = n[0], c1 = n[1];
    int64_t misses = 0;
    while (p <= last) {
        p = memchr(p, c0, (size_t)(last - p) + 1);
        if (!p)
            return -1;
        if (p[1] == c1 && memcmp(p + 2, n + 2, (size_t)nn - 2) == 0)
            return p - h;
        p++;
        if (++misses > 8 + (p - h) / 16) {
            const char *q = memmem(p, (size_t)(h + hn - p), n, (size_t)nn);
            return q ? q - h : -1;
        }
    }
    return -1;
}

static int64_t bytes_rfind(const char *h, int64_t hn, const char *n, int64_t nn)
{
    if (nn > hn)
        return -1;
    if (nn == 0)
        return hn;
    if (nn == 1) {
        const char *p = memrchr(h, n[0], (size_t)hn);
        return p ? p - h : -1;
    }
    for (int64_t i = hn - nn; i >= 0; i--)
        if (h[i] == n[0] && memcmp(h + i, n, (size_t)nn) == 0)
            return i;
    return -1;
}

static int64_t bytes_count(const char *h, int64_t hn, const char *n, int64_t nn, int64_t max)
{
    if (nn == 0)
        return hn + 1 < max ? hn + 1 : max;
    int64_t count = 0, i = 0;
    while (count < max) {
        int64_t f = bytes_find(h + i, hn - i, n, nn);
        if (f < 0)
            break;
        count++;
        i += f + nn;
    }
    return count;
}

/* ================================================================ type slots */

static kr_value str_repr_slot(kr_vm *vm, kr_value self) { return kr_str_repr(vm, self); }
static kr_value str_str_slot(kr_vm *vm, kr_value self) { return str_exact(vm, self); }
static int64_t str_hash_slot(kr_vm *vm, kr_value self) { return kr_str_hash(vm, self); }
static int64_t str_len_slot(kr_vm *vm, kr_value self) { (void)vm; return kr_str_len(self); }

static kr_value str_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!kr_is_str(vm, a) || !kr_is_str(vm, b))
        return KR_NOTIMPL;
    if (op == KR_CMP_EQ || op == KR_CMP_NE) {
        bool eq = kr_str_equal(a, b);
        return kr_bool(op == KR_CMP_EQ ? eq : !eq);
    }
    int64_t na = kr_str_nbytes(a), nb = kr_str_nbytes(b);
    int c = memcmp(kr_str_data(a), kr_str_data(b), (size_t)(na < nb ? na : nb));
    if (c == 0)
        c = na < nb ? -1 : na > nb;
    switch (op) {
    case KR_CMP_LT: return kr_bool(c < 0);
    case KR_CMP_LE: return kr_bool(c <= 0);
    case KR_CMP_GT: return kr_bool(c > 0);
    default: return kr_bool(c >= 0);
    }
}

/* Whether the other operand's class (a user class) defines a reflected method that deserves a chance
 * before str raises CPython's sequence-style TypeError. */
static bool other_has(kr_vm *vm, kr_value other, const char *name)
{
    kr_type *t = kr_type_of(vm, other);
    return (t->flags & KR_TF_HEAPTYPE) && kr_type_lookup_cstr(vm, t, name) != KR_NULL;
}

static kr_value str_add(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_is_str(vm, a))
        return KR_NOTIMPL;
    if (!kr_is_str(vm, b)) {
        if (other_has(vm, b, "__radd__"))
            return KR_NOTIMPL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "can only concatenate str (not \"%s\") to str",
                        kr_typename(vm, b));
    }
    return kr_str_concat(vm, a, b);
}

static kr_value str_mul(kr_vm *vm, kr_value a, kr_value b)
{
    kr_value s = a, n = b;
    if (!kr_is_str(vm, a)) {
        s = b;
        n = a;
    }
    if (!kr_type_of(vm, n)->index) {
        if (other_has(vm, n, s == a ? "__rmul__" : "__mul__"))
            return KR_NOTIMPL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "can't multiply sequence by non-int of type '%s'",
                        kr_typename(vm, n));
    }
    /* OverflowError "cannot fit 'int' into an index-sized integer" beyond int64, of either sign */
    int64_t k;
    if (kr_is_small(n))
        k = kr_small_val(n);
    else if (kr_index_i64(vm, n, &k) < 0)
        return KR_NULL;
    return kr_str_repeat(vm, s, k);
}

static kr_value str_mod(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_is_str(vm, a))
        return KR_NOTIMPL;
    return kr_str_mod_format(vm, a, b);
}

kr_value kr_str_getslice(kr_vm *vm, kr_value self, kr_value startv, kr_value stopv, kr_value stepv)
{
    int64_t start, stop, step;
    if (kr_slice_unpack(vm, startv, stopv, stepv, &start, &stop, &step) < 0)
        return KR_NULL;
    int64_t n = kr_slice_adjust(kr_str_len(self), &start, &stop, step);
    if (step == 1)
        return str_substr(vm, self, start, start + n);
    if (n == 0)
        return kr_str_new(vm, "", 0);
    if (KR_OBJ(self)->flags & KR_STR_ASCII) {
        kr_str *r = kr_str_alloc_raw(vm, n);
        if (!r)
            return KR_NULL;
        const char *d = kr_str_data(self);
        for (int64_t k = 0, j = start; k < n; k++, j += step)
            r->data[k] = d[j];
        return kr_str_finish_raw(vm, r);
    }
    /* Non-ASCII with a step: decode once into code-point offsets. */
    int64_t len = kr_str_len(self);
    int64_t *offs = malloc(sizeof(int64_t) * (size_t)(len + 1));
    if (!offs)
        return kr_raise_nomemory(vm);
    const char *d = kr_str_data(self);
    int64_t off = 0;
    for (int64_t k = 0; k < len; k++) {
        offs[k] = off;
        int l;
        kr_utf8_decode(d + off, &l);
        off += l;
    }
    offs[len] = off;
    kr_sb sb;
    kr_sb_init(&sb);
    for (int64_t k = 0, j = start; k < n; k++, j += step)
        kr_sb_append(&sb, d + offs[j], (size_t)(offs[j + 1] - offs[j]));
    free(offs);
    return kr_sb_finish(vm, &sb);
}

static kr_value str_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    int64_t i;
    if (kr_is_small(key)) {
        i = kr_small_val(key);
    } else if (kr_is_ptr(key) && KR_OBJ(key)->type == vm->t.slice) {
        kr_slice *sl = KR_AS(kr_slice, key);
        return kr_str_getslice(vm, self, sl->start, sl->stop, sl->step);
    } else if (kr_type_of(vm, key)->index) {
        if (kr_index_i64(vm, key, &i) < 0) {
            if (kr_err_matches(vm, KR_EXC(vm, OverflowError))) {
                kr_err_clear(vm);
                return kr_raise(vm, KR_EXC(vm, IndexError), "cannot fit 'int' into an index-sized integer");
            }
            return KR_NULL;
        }
    } else {
        return kr_raise(vm, KR_EXC(vm, TypeError), "string indices must be integers, not '%s'",
                        kr_typename(vm, key));
    }
    int64_t len = kr_str_len(self);
    if (i < 0)
        i += len;
    if (i < 0 || i >= len)
        return kr_raise(vm, KR_EXC(vm, IndexError), "string index out of range");
    if (KR_OBJ(self)->flags & KR_STR_ASCII)
        return kr_str_new(vm, kr_str_data(self) + i, 1);
    int64_t off = kr_str_byte_offset(vm, self, i);
    int l;
    kr_utf8_decode(kr_str_data(self) + off, &l);
    return kr_str_new_known(vm, kr_str_data(self) + off, (size_t)l, 1);
}

static int str_contains(kr_vm *vm, kr_value self, kr_value item)
{
    if (!kr_is_str(vm, item))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "'in <string>' requires string as left operand, not %s",
                          kr_typename(vm, item));
    return bytes_find(kr_str_data(self), kr_str_nbytes(self), kr_str_data(item), kr_str_nbytes(item)) >= 0;
}

static int str_bool(kr_vm *vm, kr_value self) { (void)vm; return kr_str_nbytes(self) != 0; }

/* ---- the iterator ---- */
typedef struct str_iter {
    kr_object ob;
    kr_value str;   /* KR_NULL once exhausted */
    int64_t offset; /* byte offset of the next code point */
    int64_t index;  /* code-point index of the next code point (for __length_hint__) */
} str_iter;

static void str_iter_trace(kr_vm *vm, kr_object *self)
{
    kr_gc_mark(vm, ((str_iter *)self)->str);
}

static kr_value str_iter_slot(kr_vm *vm, kr_value self)
{
    str_iter *it = kr_gc_alloc(vm, vm->t.str_iter, sizeof(str_iter));
    if (!it)
        return KR_NULL;
    it->str = self;
    return KR_VAL(it);
}

static kr_value str_iter_next(kr_vm *vm, kr_value self)
{
    str_iter *it = KR_AS(str_iter, self);
    if (!it->str)
        return KR_NULL;
    const kr_str *s = KR_AS(kr_str, it->str);
    if (it->offset >= s->nbytes) {
        it->str = KR_NULL;
        return KR_NULL;
    }
    const char *p = s->data + it->offset;
    it->index++;
    if ((unsigned char)*p < 0x80) {
        it->offset++;
        return kr_str_new(vm, p, 1);
    }
    int l;
    kr_utf8_decode(p, &l);
    it->offset += l;
    return kr_str_new_known(vm, p, (size_t)l, 1);
}

static kr_value str_iter_self(kr_vm *vm, kr_value self) { (void)vm; return self; }

static kr_value str_iter_length_hint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs; (void)kwnames;
    str_iter *it = KR_AS(str_iter, args[0]);
    return kr_int_from_i64(vm, it->str ? kr_str_len(it->str) - it->index : 0);
}

/* ---- construction: str(object='') / str(object=b'', encoding='utf-8', errors='strict') ---- */
static kr_value str_new_slot(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    kr_value a[3];
    if (kr_args_parse(vm, "str", args, nargs, kwnames, names, 3, 0, 0, a) < 0)
        return KR_NULL;
    kr_value r;
    if (!a[1] && !a[2]) {
        r = a[0] ? kr_tostr(vm, a[0]) : kr_str_new(vm, "", 0);
    } else {
        const char *enc = NULL, *err = NULL;
        if (a[1]) {
            if (!need_str(vm, a[1], "str() argument 'encoding' must be str, not %s"))
                return KR_NULL;
            enc = kr_str_data(a[1]);
        }
        if (a[2]) {
            if (!need_str(vm, a[2], "str() argument 'errors' must be str, not %s"))
                return KR_NULL;
            err = kr_str_data(a[2]);
        }
        if (!a[0])
            return kr_str_new(vm, "", 0);
        if (kr_is_str(vm, a[0]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "decoding str is not supported");
        const uint8_t *data;
        int64_t n;
        if (kr_bytes_buffer(vm, a[0], &data, &n) < 0) {
            kr_err_clear(vm);
            return kr_raise(vm, KR_EXC(vm, TypeError), "decoding to str: need a bytes-like object, %s found",
                            kr_typename(vm, a[0]));
        }
        r = kr_str_decode(vm, data, (size_t)n, enc, err);
    }
    if (!r || cls == vm->t.str)
        return r;
    return str_new_subtype(vm, cls, r);
}

/* ================================================================ methods */

#define SELF args[0]
#define SDATA(v) kr_str_data(v)
#define SLEN(v) kr_str_nbytes(v)
#define IS_ASCII(v) ((KR_OBJ(v)->flags & KR_STR_ASCII) != 0)

static inline bool ascii_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f); }

/* Decode the code point ending just before byte offset *off and move *off back over it. */
static uint32_t prev_cp(const char *d, int64_t *off)
{
    int64_t o = *off - 1;
    while (o > 0 && ((unsigned char)d[o] & 0xC0) == 0x80)
        o--;
    int l;
    uint32_t c = kr_utf8_decode(d + o, &l);
    *off = o;
    return c;
}

static inline uint32_t next_cp(const char *d, int64_t *off)
{
    int l;
    uint32_t c = kr_utf8_decode(d + *off, &l);
    *off += l;
    return c;
}

static inline bool is_space_at(const char *d, int64_t off, int *len)
{
    unsigned char b = (unsigned char)d[off];
    if (b < 0x80) {
        *len = 1;
        return ascii_space(b);
    }
    return kr_unicode_isspace(kr_utf8_decode(d + off, len));
}

/* A new str for bytes [p, p + n) of parent (which must lie on code-point boundaries). A slice of an ASCII
 * parent is ASCII, so it skips kr_str_new's scan for the flag and the length. */
static kr_value sub_bytes(kr_vm *vm, kr_value parent, const char *p, int64_t n)
{
    if (IS_ASCII(parent))
        return kr_str_new_known(vm, p, (size_t)n, n);
    return kr_str_new(vm, p, (size_t)n);
}

static int split_args(kr_vm *vm, const char *name, kr_value *args, int nargs, kr_value kwnames,
                      kr_value *sep, int64_t *maxsplit)
{
    static const char *const names[] = {"sep", "maxsplit"};
    kr_value a[2];
    if (kr_args_parse(vm, name, args + 1, nargs - 1, kwnames, names, 2, 0, 0, a) < 0)
        return -1;
    *sep = (a[0] && a[0] != KR_NONE) ? a[0] : KR_NULL;
    if (*sep && !need_str(vm, *sep, "must be str or None, not %s"))
        return -1;
    if (*sep && kr_str_nbytes(*sep) == 0)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "empty separator");
    *maxsplit = -1;
    if (a[1] && kr_index_ssize(vm, a[1], maxsplit) < 0)
        return -1;
    if (*maxsplit < 0)
        *maxsplit = INT64_MAX;
    return 0;
}

static kr_value str_split(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_value sep;
    int64_t maxsplit;
    if (split_args(vm, "split", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return KR_NULL;
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF);
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    if (sep) {
        const char *sd = SDATA(sep);
        int64_t sn = SLEN(sep), i = 0;
        while (maxsplit-- > 0) {
            int64_t f = bytes_find(d + i, n - i, sd, sn);
            if (f < 0)
                break;
            kr_value part = sub_bytes(vm, SELF, d + i, f);
            if (!part || kr_list_append(vm, list, part) < 0)
                return KR_NULL;
            i += f + sn;
        }
        kr_value part = (i == 0 && KR_OBJ(SELF)->type == vm->t.str) ? SELF : sub_bytes(vm, SELF, d + i, n - i);
        if (!part || kr_list_append(vm, list, part) < 0)
            return KR_NULL;
        return list;
    }
    int64_t i = 0;
    int l;
    if (IS_ASCII(SELF)) {
        /* ASCII text: whitespace by table, pieces are ASCII (no scan for the flag or the length) */
        static const unsigned char sp[128] = {[9] = 1, [10] = 1, [11] = 1, [12] = 1, [13] = 1, [28] = 1,
                                              [29] = 1, [30] = 1, [31] = 1, [32] = 1};
        const unsigned char *u = (const unsigned char *)d;
        for (;;) {
            while (i < n && sp[u[i]])
                i++;
            if (i >= n)
                break;
            int64_t j = n;
            if (maxsplit-- > 0)
                for (j = i + 1; j < n && !sp[u[j]]; j++)
                    ;
            kr_value part = (i == 0 && j == n && KR_OBJ(SELF)->type == vm->t.str)
                                ? SELF : kr_str_new_known(vm, d + i, (size_t)(j - i), j - i);
            if (!part || kr_list_append(vm, list, part) < 0)
                return KR_NULL;
            i = j;
        }
        return list;
    }
    for (;;) {
        while (i < n && is_space_at(d, i, &l))
            i += l;
        if (i >= n)
            break;
        if (maxsplit-- <= 0) {
            /* The rest, with trailing whitespace kept (CPython keeps it). */
            kr_value part = sub_bytes(vm, SELF, d + i, n - i);
            if (!part || kr_list_append(vm, list, part) < 0)
                return KR_NULL;
            break;
        }
        int64_t j = i;
        while (j < n && !is_space_at(d, j, &l))
            j += l;
        kr_value part = sub_bytes(vm, SELF, d + i, j - i);
        if (!part || kr_list_append(vm, list, part) < 0)
            return KR_NULL;
        i = j;
    }
    return list;
}

static int list_reverse_inplace(kr_value list)
{
    kr_list *l = KR_AS(kr_list, list);
    for (int64_t a = 0, b = l->size - 1; a < b; a++, b--) {
        kr_value t = l->items[a];
        l->items[a] = l->items[b];
        l->items[b] = t;
    }
    return 0;
}

static kr_value str_rsplit(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_value sep;
    int64_t maxsplit;
    if (split_args(vm, "rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return KR_NULL;
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF);
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    if (sep) {
        const char *sd = SDATA(sep);
        int64_t sn = SLEN(sep), end = n;
        while (maxsplit-- > 0) {
            int64_t f = bytes_rfind(d, end, sd, sn);
            if (f < 0)
                break;
            kr_value part = sub_bytes(vm, SELF, d + f + sn, end - f - sn);
            if (!part || kr_list_append(vm, list, part) < 0)
                return KR_NULL;
            end = f;
        }
        kr_value part = sub_bytes(vm, SELF, d, end);
        if (!part || kr_list_append(vm, list, part) < 0)
            return KR_NULL;
        list_reverse_inplace(list);
        return list;
    }
    int64_t j = n;
    for (;;) {
        /* skip trailing whitespace */
        while (j > 0) {
            int64_t o = j;
            uint32_t c = prev_cp(d, &o);
            if (!(c < 0x80 ? ascii_space((unsigned char)c) : kr_unicode_isspace(c)))
                break;
            j = o;
        }
        if (j <= 0)
            break;
        if (maxsplit-- <= 0) {
            kr_value part = sub_bytes(vm, SELF, d, j);
            if (!part || kr_list_append(vm, list, part) < 0)
                return KR_NULL;
            break;
        }
        int64_t i = j;
        while (i > 0) {
            int64_t o = i;
            uint32_t c = prev_cp(d, &o);
            if (c < 0x80 ? ascii_space((unsigned char)c) : kr_unicode_isspace(c))
                break;
            i = o;
        }
        kr_value part = sub_bytes(vm, SELF, d + i, j - i);
        if (!part || kr_list_append(vm, list, part) < 0)
            return KR_NULL;
        j = i;
    }
    list_reverse_inplace(list);
    return list;
}

/* Line break at byte i? Returns its byte length (0 if none); \r\n counts as one break of 2 bytes. */
static int line_break_at(const char *d, int64_t i, int64_t n)
{
    unsigned char c = (unsigned char)d[i];
    if (c < 0x80) {
        if (c == '\r')
            return (i + 1 < n && d[i + 1] == '\n') ? 2 : 1;
        return (c == '\n' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)) ? 1 : 0;
    }
    int l;
    uint32_t cp = kr_utf8_decode(d + i, &l);
    return (cp == 0x85 || cp == 0x2028 || cp == 0x2029) ? l : 0;
}

static kr_value str_splitlines(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"keepends"};
    kr_value a[1];
    if (kr_args_parse(vm, "splitlines", args + 1, nargs - 1, kwnames, names, 1, 0, 0, a) < 0)
        return KR_NULL;
    int keep = 0;
    if (a[0] && (keep = kr_truthy(vm, a[0])) < 0)
        return KR_NULL;
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF), i = 0, start = 0;
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    while (i < n) {
        int b = line_break_at(d, i, n);
        if (!b) {
            int l;
            if ((unsigned char)d[i] < 0x80)
                i++;
            else
                kr_utf8_decode(d + i, &l), i += l;
            continue;
        }
        kr_value part = sub_bytes(vm, SELF, d + start, (keep ? i + b : i) - start);
        if (!part || kr_list_append(vm, list, part) < 0)
            return KR_NULL;
        i += b;
        start = i;
    }
    if (start < n) {
        kr_value part = sub_bytes(vm, SELF, d + start, n - start);
        if (!part || kr_list_append(vm, list, part) < 0)
            return KR_NULL;
    }
    return list;
}

kr_value kr_join_sequence(kr_vm *vm, kr_value iterable)
{
    if (kr_is_ptr(iterable) && (KR_OBJ(iterable)->type == vm->t.list || KR_OBJ(iterable)->type == vm->t.tuple))
        return iterable;
    /* CPython's PySequence_Fast(seq, "can only join an iterable"): a TypeError from iter() gets the
     * join message; errors raised while iterating propagate unchanged. */
    kr_value it = kr_iter(vm, iterable);
    if (!it) {
        if (kr_err_matches(vm, KR_EXC(vm, TypeError))) {
            kr_err_clear(vm);
            kr_raise(vm, KR_EXC(vm, TypeError), "can only join an iterable");
        }
        return KR_NULL;
    }
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_value seq = kr_sequence_list(vm, it);
    kr_root_reset(vm, m);
    return seq;
}

kr_value kr_str_join(kr_vm *vm, kr_value sep, kr_value iterable)
{
    size_t m = kr_root_mark(vm);
    kr_value seq = kr_join_sequence(vm, iterable);
    if (!seq)
        return KR_NULL;
    kr_root_push(vm, &seq);
    const kr_value *items;
    int64_t count;
    if (KR_OBJ(seq)->type == vm->t.tuple) {
        items = kr_tuple_items(seq);
        count = kr_tuple_size(seq);
    } else {
        items = KR_AS(kr_list, seq)->items;
        count = KR_AS(kr_list, seq)->size;
    }
    kr_value result = KR_NULL;
    if (count == 0) {
        result = kr_str_new(vm, "", 0);
        goto done;
    }
    if (count == 1 && kr_is_exact_str(vm, items[0])) {
        result = items[0];
        goto done;
    }
    /* First pass: check types and size the result (no Python code runs from here on). */
    int64_t total = 0, length = 0, sn = kr_str_nbytes(sep);
    bool ascii = IS_ASCII(sep);
    for (int64_t i = 0; i < count; i++) {
        kr_value it = items[i];
        if (!kr_is_str(vm, it)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "sequence item %lld: expected str instance, %s found",
                     (long long)i, kr_typename(vm, it));
            goto done;
        }
        total += kr_str_nbytes(it);
        length += kr_str_len(it);
        ascii = ascii && IS_ASCII(it);
    }
    total += sn * (count - 1);
    length += kr_str_len(sep) * (count - 1);
    kr_str *r = kr_str_alloc_raw(vm, total);
    if (!r)
        goto done;
    char *p = r->data;
    for (int64_t i = 0; i < count; i++) {
        if (i && sn) {
            memcpy(p, kr_str_data(sep), (size_t)sn);
            p += sn;
        }
        int64_t k = kr_str_nbytes(items[i]);
        memcpy(p, kr_str_data(items[i]), (size_t)k);
        p += k;
    }
    str_set_len(r, length);
    if (ascii)
        r->ob.flags |= KR_STR_ASCII;
    result = total <= 1 ? kr_str_finish_raw(vm, r) : KR_VAL(r);
done:
    kr_root_reset(vm, m);
    return result;
}

static kr_value str_join(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (meth_args(vm, "join", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    return kr_str_join(vm, SELF, args[1]);
}

/* ---- strip ---- */
static bool cp_in(uint32_t c, const uint32_t *set, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        if (set[i] == c)
            return true;
    return false;
}

static kr_value do_strip(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int which)
{
    if (meth_args(vm, name, nargs, kwnames, 0, 1) < 0)
        return KR_NULL;
    kr_value chars = nargs > 1 && args[1] != KR_NONE ? args[1] : KR_NULL;
    if (chars && !kr_is_str(vm, chars))
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s arg must be None or str", name);
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF), i = 0, j = n;
    if (IS_ASCII(SELF) && (!chars || IS_ASCII(chars))) {
        /* ASCII text: strip bytes by a 128-bit set (a byte of ASCII text is a code point; the
         * default set is ASCII whitespace, the only whitespace ASCII text can hold) */
        uint64_t set[2] = {0, 0};
        if (chars) {
            const unsigned char *c = (const unsigned char *)SDATA(chars);
            for (int64_t k = 0; k < SLEN(chars); k++)
                set[c[k] >> 6] |= UINT64_C(1) << (c[k] & 63);
        } else {
            /* ascii_space's bytes: 9..13, 0x1c..0x1f and ' ' */
            set[0] = UINT64_C(0x3e00) | UINT64_C(0xf0000000) | (UINT64_C(1) << 32);
        }
        const unsigned char *u = (const unsigned char *)d;
        if (which & 1)
            while (i < j && (set[u[i] >> 6] >> (u[i] & 63) & 1))
                i++;
        if (which & 2)
            while (j > i && (set[u[j - 1] >> 6] >> (u[j - 1] & 63) & 1))
                j--;
        if (i == 0 && j == n)
            return str_exact(vm, SELF);
        return kr_str_new_known(vm, d + i, (size_t)(j - i), j - i);
    }
    uint32_t small[16], *set = small;
    int64_t nset = 0;
    if (chars) {
        nset = kr_str_len(chars);
        if (nset > 16 && !(set = malloc(sizeof(uint32_t) * (size_t)nset)))
            return kr_raise_nomemory(vm);
        int64_t o = 0;
        for (int64_t k = 0; k < nset; k++)
            set[k] = next_cp(kr_str_data(chars), &o);
    }
    if (which & 1) {
        while (i < j) {
            int64_t o = i;
            uint32_t c = next_cp(d, &o);
            bool hit = chars ? cp_in(c, set, nset) : (c < 0x80 ? ascii_space((unsigned char)c) : kr_unicode_isspace(c));
            if (!hit)
                break;
            i = o;
        }
    }
    if (which & 2) {
        while (j > i) {
            int64_t o = j;
            uint32_t c = prev_cp(d, &o);
            bool hit = chars ? cp_in(c, set, nset) : (c < 0x80 ? ascii_space((unsigned char)c) : kr_unicode_isspace(c));
            if (!hit)
                break;
            j = o;
        }
    }
    if (set != small)
        free(set);
    if (i == 0 && j == n)
        return str_exact(vm, SELF);
    return sub_bytes(vm, SELF, d + i, j - i);
}

static kr_value str_strip(kr_vm *vm, kr_value *a, int n, kr_value k) { return do_strip(vm, a, n, k, "strip", 3); }
static kr_value str_lstrip(kr_vm *vm, kr_value *a, int n, kr_value k) { return do_strip(vm, a, n, k, "lstrip", 1); }
static kr_value str_rstrip(kr_vm *vm, kr_value *a, int n, kr_value k) { return do_strip(vm, a, n, k, "rstrip", 2); }

/* ---- replace ---- */
static kr_value str_replace(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"old", "new", "count"};
    kr_value a[3];
    if (kr_args_parse(vm, "replace", args + 1, nargs - 1, kwnames, names, 3, 2, 2, a) < 0)
        return KR_NULL;
    if (!need_str(vm, a[0], "replace() argument 1 must be str, not %s") ||
        !need_str(vm, a[1], "replace() argument 2 must be str, not %s"))
        return KR_NULL;
    int64_t count = -1;
    if (a[2] && kr_index_ssize(vm, a[2], &count) < 0)
        return KR_NULL;
    if (count < 0)
        count = INT64_MAX;
    const char *d = SDATA(SELF), *od = SDATA(a[0]), *nd = SDATA(a[1]);
    int64_t n = SLEN(SELF), on = SLEN(a[0]), nn = SLEN(a[1]);
    if (count == 0 || (on > n))
        return str_exact(vm, SELF);
    kr_sb sb;
    kr_sb_init(&sb);
    int64_t i = 0;
    if (on == 0) {
        /* Insert `new` before every code point and at the end, count times at most. */
        while (count > 0 && i <= n) {
            kr_sb_append(&sb, nd, (size_t)nn);
            count--;
            if (i == n) {
                i++;
                break;
            }
            int64_t o = i;
            next_cp(d, &o);
            kr_sb_append(&sb, d + i, (size_t)(o - i));
            i = o;
        }
        if (i < n)
            kr_sb_append(&sb, d + i, (size_t)(n - i));
        return kr_sb_finish(vm, &sb);
    }
    int64_t k = 0, total;
    kr_str *r;
    if (nn == on) {
        /* Same size: copy self, then overwrite each match in place (one search pass, no count). */
        int64_t f = bytes_find(d, n, od, on);
        if (f < 0)
            return str_exact(vm, SELF);
        if (!(r = kr_str_alloc_raw(vm, n)))
            return KR_NULL;
        memcpy(r->data, d, (size_t)n);
        total = n;
        do {
            memcpy(r->data + i + f, nd, (size_t)nn);
            i += f + on;
            k++;
        } while (k < count && (f = bytes_find(d + i, n - i, od, on)) >= 0);
    } else {
        /* Find the matches once, keeping their offsets (on the stack up to 64 of them), then write the
         * result straight into a str of the exact size (no growing buffer, no second copy, no rescan for
         * the length). */
        int64_t stack_pos[64], *pos = stack_pos, cap = 64, f, grow;
        while (k < count && (f = bytes_find(d + i, n - i, od, on)) >= 0) {
            if (k == cap) {
                int64_t *np = pos == stack_pos ? malloc(sizeof *pos * (size_t)cap * 2)
                                               : realloc(pos, sizeof *pos * (size_t)cap * 2);
                if (!np) {
                    if (pos != stack_pos)
                        free(pos);
                    return kr_raise_nomemory(vm);
                }
                if (pos == stack_pos)
                    memcpy(np, stack_pos, sizeof stack_pos);
                pos = np;
                cap *= 2;
            }
            pos[k++] = i + f;
            i += f + on;
        }
        if (k == 0)
            return str_exact(vm, SELF);
        if (__builtin_mul_overflow(k, nn - on, &grow) || __builtin_add_overflow(n, grow, &total)) {
            if (pos != stack_pos)
                free(pos);
            return kr_raise(vm, KR_EXC(vm, OverflowError), "replace string is too long");
        }
        r = kr_str_alloc_raw(vm, total);
        if (!r) {
            if (pos != stack_pos)
                free(pos);
            return KR_NULL;
        }
        char *w = r->data;
        i = 0;
        for (int64_t m = 0; m < k; m++) {
            memcpy(w, d + i, (size_t)(pos[m] - i));
            w += pos[m] - i;
            memcpy(w, nd, (size_t)nn);
            w += nn;
            i = pos[m] + on;
        }
        memcpy(w, d + i, (size_t)(n - i));
        if (pos != stack_pos)
            free(pos);
    }
    /* Only removing non-ASCII `old` from non-ASCII self with ASCII `new` can change the ASCII-ness in a
     * way the flags do not tell; finish_raw also returns the shared one-char and empty strings. */
    if (total <= 1 || (!IS_ASCII(SELF) && !IS_ASCII(a[0]) && IS_ASCII(a[1])))
        return kr_str_finish_raw(vm, r);
    str_set_len(r, kr_str_len(SELF) + k * (kr_str_len(a[1]) - kr_str_len(a[0])));
    if (IS_ASCII(SELF) && IS_ASCII(a[1]))
        r->ob.flags |= KR_STR_ASCII;
    return KR_VAL(r);
}

/* ---- find family ---- */
/* Parses (sub[, start[, end]]) and converts the bounds to byte offsets. Returns 0 ok, 1 "cannot match"
 * (end - start shorter than sub), -1 error. */
static int find_args(kr_vm *vm, const char *name, kr_value *args, int nargs, kr_value kwnames, kr_value *sub,
                     int64_t *bstart, int64_t *bend)
{
    if (meth_args(vm, name, nargs, kwnames, 1, 3) < 0)
        return -1;
    *sub = args[1];
    if (!need_str(vm, *sub, "must be str, not %s"))
        return -1;
    int64_t start = 0, end = INT64_MAX;
    if ((nargs > 2 && slice_bound(vm, args[2], &start) < 0) || (nargs > 3 && slice_bound(vm, args[3], &end) < 0))
        return -1;
    int64_t len = kr_str_len(SELF);
    adjust_indices(&start, &end, len);
    if (end - start < kr_str_len(*sub))
        return 1;
    *bstart = kr_str_byte_offset(vm, SELF, start);
    *bend = kr_str_byte_offset(vm, SELF, end);
    return 0;
}

static kr_value find_common(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, bool rev,
                            bool raise)
{
    kr_value sub;
    int64_t bs, be;
    int r = find_args(vm, name, args, nargs, kwnames, &sub, &bs, &be);
    if (r < 0)
        return KR_NULL;
    int64_t f = -1;
    if (r == 0) {
        const char *d = SDATA(SELF) + bs;
        f = rev ? bytes_rfind(d, be - bs, SDATA(sub), SLEN(sub)) : bytes_find(d, be - bs, SDATA(sub), SLEN(sub));
        if (f >= 0)
            f = cp_index_of(SELF, bs + f);
    }
    if (f < 0 && raise)
        return kr_raise(vm, KR_EXC(vm, ValueError), "substring not found");
    return kr_small(f);
}

static kr_value str_find(kr_vm *vm, kr_value *a, int n, kr_value k) { return find_common(vm, a, n, k, "find", false, false); }
static kr_value str_rfind(kr_vm *vm, kr_value *a, int n, kr_value k) { return find_common(vm, a, n, k, "rfind", true, false); }
static kr_value str_index(kr_vm *vm, kr_value *a, int n, kr_value k) { return find_common(vm, a, n, k, "index", false, true); }
static kr_value str_rindex(kr_vm *vm, kr_value *a, int n, kr_value k) { return find_common(vm, a, n, k, "rindex", true, true); }

static kr_value str_count(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_value sub;
    int64_t bs, be;
    int r = find_args(vm, "count", args, nargs, kwnames, &sub, &bs, &be);
    if (r < 0)
        return KR_NULL;
    if (r == 1)
        return kr_small(0);
    if (SLEN(sub) == 0) /* one per code point plus one */
        return kr_small(cp_index_of(SELF, be) - cp_index_of(SELF, bs) + 1);
    return kr_small(bytes_count(SDATA(SELF) + bs, be - bs, SDATA(sub), SLEN(sub), INT64_MAX));
}

static kr_value starts_ends(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, bool ends)
{
    if (nargs == 2 && !kwnames && kr_is_ptr(args[1]) && KR_OBJ(args[1])->type == vm->t.str) {
        /* s.startswith(p) / s.endswith(p) over the whole of s: a byte compare (a UTF-8 prefix or
         * suffix that is valid UTF-8 starts and ends on code-point boundaries) */
        int64_t n = SLEN(SELF), pn = SLEN(args[1]);
        return kr_bool(pn <= n && memcmp(SDATA(SELF) + (ends ? n - pn : 0), SDATA(args[1]), (size_t)pn) == 0);
    }
    if (meth_args(vm, name, nargs, kwnames, 1, 3) < 0)
        return KR_NULL;
    int64_t start = 0, end = INT64_MAX;
    if ((nargs > 2 && slice_bound(vm, args[2], &start) < 0) || (nargs > 3 && slice_bound(vm, args[3], &end) < 0))
        return KR_NULL;
    kr_value pre = args[1];
    const kr_value *cands = &pre;
    int64_t nc = 1;
    if (kr_is_ptr(pre) && KR_OBJ(pre)->type == vm->t.tuple) {
        cands = kr_tuple_items(pre);
        nc = kr_tuple_size(pre);
    } else if (!kr_is_str(vm, pre)) {
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s first arg must be str or a tuple of str, not %s", name,
                        kr_typename(vm, pre));
    }
    int64_t len = kr_str_len(SELF);
    adjust_indices(&start, &end, len);
    for (int64_t i = 0; i < nc; i++) {
        kr_value p = cands[i];
        if (!kr_is_str(vm, p))
            return kr_raise(vm, KR_EXC(vm, TypeError), "tuple for %s must only contain str, not %s", name,
                            kr_typename(vm, p));
        int64_t pl = kr_str_len(p);
        if (end - start < pl || start > len)
            continue;
        int64_t off = ends ? kr_str_byte_offset(vm, SELF, end - pl) : kr_str_byte_offset(vm, SELF, start);
        if (memcmp(SDATA(SELF) + off, SDATA(p), (size_t)SLEN(p)) == 0)
            return KR_TRUE;
    }
    return KR_FALSE;
}

static kr_value str_startswith(kr_vm *vm, kr_value *a, int n, kr_value k) { return starts_ends(vm, a, n, k, "startswith", false); }
static kr_value str_endswith(kr_vm *vm, kr_value *a, int n, kr_value k) { return starts_ends(vm, a, n, k, "endswith", true); }

static kr_value do_partition(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, bool rev)
{
    if (meth_args(vm, name, nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    kr_value sep = args[1];
    if (!need_str(vm, sep, "must be str, not %s"))
        return KR_NULL;
    if (SLEN(sep) == 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "empty separator");
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF);
    int64_t f = rev ? bytes_rfind(d, n, SDATA(sep), SLEN(sep)) : bytes_find(d, n, SDATA(sep), SLEN(sep));
    kr_value t = kr_tuple_new(vm, 3);
    if (!t)
        return KR_NULL;
    kr_value *it = kr_tuple_items(t);
    kr_value empty = kr_str_new(vm, "", 0), whole = str_exact(vm, SELF);
    if (!empty || !whole)
        return KR_NULL;
    if (f < 0) {
        it[0] = rev ? empty : whole;
        it[1] = empty;
        it[2] = rev ? whole : empty;
        return t;
    }
    kr_value a = sub_bytes(vm, SELF, d, f);
    if (!a)
        return KR_NULL;
    it[0] = a;
    it[1] = str_exact(vm, sep);
    kr_value b = sub_bytes(vm, SELF, d + f + SLEN(sep), n - f - SLEN(sep));
    if (!b)
        return KR_NULL;
    it[2] = b;
    return t;
}

static kr_value str_partition(kr_vm *vm, kr_value *a, int n, kr_value k) { return do_partition(vm, a, n, k, "partition", false); }
static kr_value str_rpartition(kr_vm *vm, kr_value *a, int n, kr_value k) { return do_partition(vm, a, n, k, "rpartition", true); }

static kr_value str_removeprefix(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (meth_args(vm, "removeprefix", nargs, kwnames, 1, 1) < 0 ||
        !need_str(vm, args[1], "removeprefix() argument must be str, not %s"))
        return KR_NULL;
    int64_t pn = SLEN(args[1]);
    if (pn <= SLEN(SELF) && memcmp(SDATA(SELF), SDATA(args[1]), (size_t)pn) == 0)
        return sub_bytes(vm, SELF, SDATA(SELF) + pn, SLEN(SELF) - pn);
    return str_exact(vm, SELF);
}

static kr_value str_removesuffix(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (meth_args(vm, "removesuffix", nargs, kwnames, 1, 1) < 0 ||
        !need_str(vm, args[1], "removesuffix() argument must be str, not %s"))
        return KR_NULL;
    int64_t pn = SLEN(args[1]), n = SLEN(SELF);
    if (pn && pn <= n && memcmp(SDATA(SELF) + n - pn, SDATA(args[1]), (size_t)pn) == 0)
        return sub_bytes(vm, SELF, SDATA(SELF), n - pn);
    return str_exact(vm, SELF);
}

/* ---- case mapping ---- */
enum { CASE_LOWER, CASE_UPPER, CASE_TITLE, CASE_CAPITALIZE, CASE_SWAP, CASE_FOLD };

/* Greek capital sigma lowers to final sigma at the end of a word (Unicode's Final_Sigma condition):
 * preceded by a cased letter and not followed by one, skipping case-ignorable characters. */
static bool final_sigma(const char *d, int64_t n, int64_t off, int64_t after)
{
    int64_t o = off;
    bool before = false;
    while (o > 0) {
        uint32_t c = prev_cp(d, &o);
        if (kr_unicode_iscaseignorable(c))
            continue;
        before = kr_unicode_iscased(c);
        break;
    }
    if (!before)
        return false;
    o = after;
    while (o < n) {
        uint32_t c = next_cp(d, &o);
        if (kr_unicode_iscaseignorable(c))
            continue;
        return !kr_unicode_iscased(c);
    }
    return true;
}

static int lower_at(const char *d, int64_t n, int64_t off, int64_t after, uint32_t c, uint32_t out[3])
{
    if (c == 0x3A3) {
        out[0] = final_sigma(d, n, off, after) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return kr_unicode_lower_full(c, out);
}

static kr_value case_map(kr_vm *vm, kr_value self, int mode)
{
    const char *d = SDATA(self);
    int64_t n = SLEN(self);
    if (IS_ASCII(self)) {
        if (KR_OBJ(self)->type == vm->t.str && (mode == CASE_LOWER || mode == CASE_UPPER || mode == CASE_FOLD)) {
            /* nothing to change (word_freq's w.lower() of a lower-case word): the str itself, as it is
             * immutable; the scan stops at the first letter to change */
            unsigned char first = mode == CASE_UPPER ? 'a' : 'A';
            int64_t k = 0;
            while (k < n && (unsigned char)(d[k] - first) >= 26)
                k++;
            if (k == n)
                return self;
        }
        kr_str *r = kr_str_alloc_raw(vm, n);
        if (!r)
            return KR_NULL;
        bool prev_cased = false;
        /* lower()/upper()/casefold(): branch-free per byte so the compiler can vectorise them. */
        bool simple = mode == CASE_UPPER || mode == CASE_LOWER || mode == CASE_FOLD;
        if (simple) {
            unsigned char first = mode == CASE_UPPER ? 'a' : 'A';
            for (int64_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)d[i];
                r->data[i] = (char)(c ^ ((unsigned char)(c - first) < 26 ? 0x20 : 0));
            }
        }
        for (int64_t i = 0; i < (simple ? 0 : n); i++) {
            unsigned char c = (unsigned char)d[i];
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            switch (mode) {
            case CASE_LOWER: case CASE_FOLD: if (up) c += 32; break;
            case CASE_UPPER: if (lo) c -= 32; break;
            case CASE_SWAP: if (up) c += 32; else if (lo) c -= 32; break;
            case CASE_CAPITALIZE:
                if (i == 0) { if (lo) c -= 32; }
                else if (up) c += 32;
                break;
            case CASE_TITLE:
                if (prev_cased) { if (up) c += 32; }
                else if (lo) c -= 32;
                prev_cased = up || lo;
                break;
            }
            r->data[i] = (char)c;
        }
        if (n <= 1)
            return kr_str_finish_raw(vm, r); /* the shared empty / one-char strings */
        /* ASCII maps to ASCII: no rescan for the flag. */
        r->ob.flags |= KR_STR_ASCII;
        return KR_VAL(r);
    }
    kr_sb sb;
    kr_sb_init(&sb);
    bool prev_cased = false;
    int64_t off = 0, idx = 0;
    while (off < n) {
        int64_t start = off;
        uint32_t c = next_cp(d, &off), m[3];
        int k;
        switch (mode) {
        case CASE_LOWER: k = lower_at(d, n, start, off, c, m); break;
        case CASE_UPPER: k = kr_unicode_upper_full(c, m); break;
        case CASE_FOLD: k = kr_unicode_fold_full(c, m); break;
        case CASE_SWAP:
            if (kr_unicode_isupper(c))
                k = lower_at(d, n, start, off, c, m);
            else if (kr_unicode_islower(c))
                k = kr_unicode_upper_full(c, m);
            else
                m[0] = c, k = 1;
            break;
        case CASE_CAPITALIZE:
            k = idx == 0 ? kr_unicode_title_full(c, m) : lower_at(d, n, start, off, c, m);
            break;
        default: /* CASE_TITLE */
            k = prev_cased ? lower_at(d, n, start, off, c, m) : kr_unicode_title_full(c, m);
            prev_cased = kr_unicode_iscased(c);
            break;
        }
        for (int j = 0; j < k; j++)
            kr_sb_append_cp(&sb, m[j]);
        idx++;
    }
    return kr_sb_finish(vm, &sb);
}

#define CASE_METHOD(fname, pyname, mode) \
    static kr_value fname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames) \
    { \
        if (meth_args(vm, pyname, nargs, kwnames, 0, 0) < 0) \
            return KR_NULL; \
        return case_map(vm, SELF, mode); \
    }
CASE_METHOD(str_lower, "lower", CASE_LOWER)
CASE_METHOD(str_upper, "upper", CASE_UPPER)
CASE_METHOD(str_title, "title", CASE_TITLE)
CASE_METHOD(str_capitalize, "capitalize", CASE_CAPITALIZE)
CASE_METHOD(str_swapcase, "swapcase", CASE_SWAP)
CASE_METHOD(str_casefold, "casefold", CASE_FOLD)

/* ---- predicates ---- */
enum { P_ALPHA, P_DIGIT, P_DECIMAL, P_NUMERIC, P_ALNUM, P_SPACE, P_PRINTABLE, P_ASCII };

static bool pred_cp(uint32_t c, int p)
{
    switch (p) {
    case P_ALPHA: return kr_unicode_isalpha(c);
    case P_DIGIT: return kr_unicode_isdigit(c);
    case P_DECIMAL: return kr_unicode_isdecimal(c);
    case P_NUMERIC: return kr_unicode_isnumeric(c);
    case P_ALNUM: return kr_unicode_isalpha(c) || kr_unicode_isnumeric(c);
    case P_SPACE: return c < 0x80 ? ascii_space((unsigned char)c) : kr_unicode_isspace(c);
    case P_PRINTABLE: return kr_unicode_isprintable(c);
    default: return c < 0x80;
    }
}

static kr_value str_pred(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int p)
{
    if (meth_args(vm, name, nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF), off = 0;
    if (p == P_ASCII)
        return kr_bool(IS_ASCII(SELF));
    if (n == 0)
        return kr_bool(p == P_PRINTABLE);
    while (off < n) {
        uint32_t c = next_cp(d, &off);
        if (!pred_cp(c, p))
            return KR_FALSE;
    }
    return KR_TRUE;
}

#define PRED_METHOD(fname, pyname, p) \
    static kr_value fname(kr_vm *vm, kr_value *a, int n, kr_value k) { return str_pred(vm, a, n, k, pyname, p); }
PRED_METHOD(str_isalpha, "isalpha", P_ALPHA)
PRED_METHOD(str_isdigit, "isdigit", P_DIGIT)
PRED_METHOD(str_isdecimal, "isdecimal", P_DECIMAL)
PRED_METHOD(str_isnumeric, "isnumeric", P_NUMERIC)
PRED_METHOD(str_isalnum, "isalnum", P_ALNUM)
PRED_METHOD(str_isspace, "isspace", P_SPACE)
PRED_METHOD(str_isprintable, "isprintable", P_PRINTABLE)
PRED_METHOD(str_isascii, "isascii", P_ASCII)

static kr_value str_isupper_lower(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool upper)
{
    if (meth_args(vm, upper ? "isupper" : "islower", nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF), off = 0;
    bool cased = false;
    while (off < n) {
        uint32_t c = next_cp(d, &off);
        bool u = kr_unicode_isupper(c), l = kr_unicode_islower(c), t = kr_unicode_istitle(c);
        if ((upper ? l : u) || t)
            return KR_FALSE;
        if (upper ? u : l)
            cased = true;
    }
    return kr_bool(cased);
}
static kr_value str_isupper(kr_vm *vm, kr_value *a, int n, kr_value k) { return str_isupper_lower(vm, a, n, k, true); }
static kr_value str_islower(kr_vm *vm, kr_value *a, int n, kr_value k) { return str_isupper_lower(vm, a, n, k, false); }

static kr_value str_istitle(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (meth_args(vm, "istitle", nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF), off = 0;
    bool cased = false, prev = false;
    while (off < n) {
        uint32_t c = next_cp(d, &off);
        if (kr_unicode_isupper(c) || kr_unicode_istitle(c)) {
            if (prev)
                return KR_FALSE;
            prev = cased = true;
        } else if (kr_unicode_islower(c)) {
            if (!prev)
                return KR_FALSE;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return kr_bool(cased);
}

static kr_value str_isidentifier(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (meth_args(vm, "isidentifier", nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF), off = 0;
    if (n == 0)
        return KR_FALSE;
    if (!kr_unicode_isxidstart(next_cp(d, &off)))
        return KR_FALSE;
    while (off < n)
        if (!kr_unicode_isxidcontinue(next_cp(d, &off)))
            return KR_FALSE;
    return KR_TRUE;
}

/* ---- padding ---- */
static int fill_arg(kr_vm *vm, const char *name, kr_value *args, int nargs, int64_t *width, uint32_t *fill)
{
    if (kr_index_ssize(vm, args[1], width) < 0)
        return -1;
    *fill = ' ';
    if (nargs > 2) {
        kr_value f = args[2];
        if (!kr_is_str(vm, f))
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() argument 2 must be str, not %s", name,
                              kr_typename(vm, f));
        if (kr_str_len(f) != 1)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "The fill character must be exactly one character long");
        int l;
        *fill = kr_utf8_decode(kr_str_data(f), &l);
    }
    return 0;
}

static void sb_fill(kr_sb *sb, uint32_t fill, int64_t n)
{
    if (n <= 0)
        return;
    if (fill < 0x80) {
        if (!sb_reserve(sb, (size_t)n))
            return;
        memset(sb->buf + sb->len, (int)fill, (size_t)n);
        sb->len += (size_t)n;
        return;
    }
    for (int64_t i = 0; i < n; i++)
        kr_sb_append_cp(sb, fill);
}

static kr_value pad(kr_vm *vm, kr_value self, int64_t left, int64_t right, uint32_t fill)
{
    if (left <= 0 && right <= 0)
        return str_exact(vm, self);
    kr_sb sb;
    kr_sb_init(&sb);
    sb_fill(&sb, fill, left);
    kr_sb_append(&sb, SDATA(self), (size_t)SLEN(self));
    sb_fill(&sb, fill, right);
    return kr_sb_finish(vm, &sb);
}

static kr_value do_just(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int kind)
{
    int64_t width;
    uint32_t fill;
    if (meth_args(vm, name, nargs, kwnames, 1, 2) < 0 || fill_arg(vm, name, args, nargs, &width, &fill) < 0)
        return KR_NULL;
    int64_t len = kr_str_len(SELF);
    if (width <= len)
        return str_exact(vm, SELF);
    int64_t marg = width - len;
    if (kind == 0)
        return pad(vm, SELF, 0, marg, fill);
    if (kind == 1)
        return pad(vm, SELF, marg, 0, fill);
    int64_t left = marg / 2 + (marg & width & 1); /* CPython's rounding for center */
    return pad(vm, SELF, left, marg - left, fill);
}
static kr_value str_ljust(kr_vm *vm, kr_value *a, int n, kr_value k) { return do_just(vm, a, n, k, "ljust", 0); }
static kr_value str_rjust(kr_vm *vm, kr_value *a, int n, kr_value k) { return do_just(vm, a, n, k, "rjust", 1); }
static kr_value str_center(kr_vm *vm, kr_value *a, int n, kr_value k) { return do_just(vm, a, n, k, "center", 2); }

static kr_value str_zfill(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t width;
    if (meth_args(vm, "zfill", nargs, kwnames, 1, 1) < 0 || kr_index_ssize(vm, args[1], &width) < 0)
        return KR_NULL;
    int64_t len = kr_str_len(SELF), n = SLEN(SELF);
    if (width <= len)
        return str_exact(vm, SELF);
    const char *d = SDATA(SELF);
    kr_sb sb;
    kr_sb_init(&sb);
    int64_t i = 0;
    if (n && (d[0] == '+' || d[0] == '-')) {
        kr_sb_append_char(&sb, d[0]);
        i = 1;
    }
    sb_fill(&sb, '0', width - len);
    kr_sb_append(&sb, d + i, (size_t)(n - i));
    return kr_sb_finish(vm, &sb);
}

static kr_value str_expandtabs(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"tabsize"};
    kr_value a[1];
    if (kr_args_parse(vm, "expandtabs", args + 1, nargs - 1, kwnames, names, 1, 0, 0, a) < 0)
        return KR_NULL;
    int64_t tab = 8; /* CPython's "i" converter: a C int */
    if (a[0] && kr_index_ssize(vm, a[0], &tab) < 0 && !kr_err_matches(vm, KR_EXC(vm, OverflowError)))
        return KR_NULL;
    if (a[0] && (kr_err_matches(vm, KR_EXC(vm, OverflowError)) || tab > INT32_MAX || tab < INT32_MIN)) {
        kr_err_clear(vm);
        return kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C int");
    }
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF), col = 0, off = 0;
    if (!memchr(d, '\t', (size_t)n))
        return str_exact(vm, SELF);
    kr_sb sb;
    kr_sb_init(&sb);
    while (off < n) {
        int64_t s = off;
        uint32_t c = next_cp(d, &off);
        if (c == '\t') {
            if (tab > 0) {
                int64_t k = tab - col % tab;
                sb_fill(&sb, ' ', k);
                col += k;
            }
        } else {
            kr_sb_append(&sb, d + s, (size_t)(off - s));
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return kr_sb_finish(vm, &sb);
}

/* ---- encode ---- */
static kr_value str_encode(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    kr_value a[2];
    if (kr_args_parse(vm, "encode", args + 1, nargs - 1, kwnames, names, 2, 0, 0, a) < 0)
        return KR_NULL;
    if ((a[0] && !need_str(vm, a[0], "encode() argument 'encoding' must be str, not %s")) ||
        (a[1] && !need_str(vm, a[1], "encode() argument 'errors' must be str, not %s")))
        return KR_NULL;
    return kr_str_encode(vm, SELF, a[0] ? kr_str_data(a[0]) : NULL, a[1] ? kr_str_data(a[1]) : NULL);
}

/* Normalise a codec name: lower case, '_' and ' ' to '-'. Returns 0 utf-8, 1 ascii, 2 latin-1,
 * 3 unicode_escape, 4 raw_unicode_escape, -1 unknown. */
enum { CODEC_UNICODE_ESCAPE = 3, CODEC_RAW_UNICODE_ESCAPE = 4 };

static int codec_id(const char *name)
{
    char b[32];
    size_t i = 0;
    for (; name[i] && i < sizeof b - 1; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c == '_' || c == ' ')
            c = '-';
        b[i] = c;
    }
    if (name[i])
        return -1;
    b[i] = 0;
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", NULL};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819",
                                         "l1", "latin", "iso-ir-100", NULL};
    for (int k = 0; utf8[k]; k++)
        if (!strcmp(b, utf8[k]))
            return 0;
    for (int k = 0; ascii[k]; k++)
        if (!strcmp(b, ascii[k]))
            return 1;
    for (int k = 0; latin1[k]; k++)
        if (!strcmp(b, latin1[k]))
            return 2;
    if (!strcmp(b, "unicode-escape"))
        return CODEC_UNICODE_ESCAPE;
    if (!strcmp(b, "raw-unicode-escape"))
        return CODEC_RAW_UNICODE_ESCAPE;
    return -1;
}

/* The names in error messages (CPython's codec object names). */
static const char *const codec_names[] = {"utf-8", "ascii", "latin-1", "unicodeescape", "rawunicodeescape"};
/* ERR_UNKNOWN: a handler name that is not built in: looked up among the handlers registered with
 * codecs.register_error (vm/codec_err.c) when an error occurs, as CPython only reports an unknown name
 * (LookupError) then. */
enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_XMLCHARREF, ERR_NAMEREPLACE, ERR_SURROGATEESCAPE,
       ERR_SURROGATEPASS, ERR_UNKNOWN };

static int errors_id(kr_vm *vm, const char *errors)
{
    (void)vm;
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                                        "namereplace", "surrogateescape", "surrogatepass"};
    if (!errors)
        return ERR_STRICT;
    for (int i = 0; i < ERR_UNKNOWN; i++)
        if (!strcmp(errors, names[i]))
            return i;
    return ERR_UNKNOWN;
}

/* The error for ERR_UNKNOWN, raised where the handler would have been called. */
static kr_value unknown_handler(kr_vm *vm, const char *errors)
{
    return kr_raise(vm, KR_EXC(vm, LookupError), "unknown error handler name '%s'", errors);
}

/* str.encode("unicode_escape" / "raw_unicode_escape"): never fails but for memory. unicode_escape
 * spells \\, \t, \n, \r, other controls and everything beyond ASCII as escapes; raw_unicode_escape
 * writes code points below 256 as bytes and only the others as \uXXXX / \UXXXXXXXX. */
static kr_value escape_encode(kr_vm *vm, kr_value s, bool raw)
{
    const char *d = SDATA(s);
    int64_t n = SLEN(s), off = 0;
    kr_sb sb;
    kr_sb_init(&sb);
    while (off < n) {
        uint32_t c = next_cp(d, &off);
        if (c >= 0x10000)
            kr_sb_appendf(&sb, "\\U%08x", c);
        else if (c >= 0x100)
            kr_sb_appendf(&sb, "\\u%04x", c);
        else if (raw)
            kr_sb_append_char(&sb, (char)c);
        else if (c == '\\')
            kr_sb_append(&sb, "\\\\", 2);
        else if (c == '\t')
            kr_sb_append(&sb, "\\t", 2);
        else if (c == '\n')
            kr_sb_append(&sb, "\\n", 2);
        else if (c == '\r')
            kr_sb_append(&sb, "\\r", 2);
        else if (c < ' ' || c >= 0x7F)
            kr_sb_appendf(&sb, "\\x%02x", c);
        else
            kr_sb_append_char(&sb, (char)c);
    }
    if (sb.failed) {
        kr_sb_free(&sb);
        return kr_raise_nomemory(vm);
    }
    kr_value r = kr_bytes_new(vm, sb.buf ? sb.buf : "", sb.len);
    kr_sb_free(&sb);
    return r;
}

static int escape_hexval(unsigned c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (int)((c | 0x20) - 'a' + 10);
    return -1;
}

/* bytes.decode("unicode_escape" / "raw_unicode_escape"), as CPython's
 * _PyUnicode_DecodeUnicodeEscapeInternal2 and _PyUnicode_DecodeRawUnicodeEscape: bytes that are not
 * part of an escape are Latin-1 characters; unknown escapes stay as they are. A bad escape covers
 * data[start..i), i being where the decoder stopped reading, and decoding resumes at i. raw only knows
 * \uXXXX and \UXXXXXXXX (an escaped backslash is two characters, so "\\\\u" is no escape). */
static kr_value escape_decode(kr_vm *vm, const uint8_t *d, size_t n, int err, const char *errors, bool raw)
{
    kr_sb sb;
    kr_sb_init(&sb);
    size_t i = 0;
    while (i < n) {
        unsigned c = d[i++];
        if (c != '\\' || (raw && i >= n)) {
            kr_sb_append_cp(&sb, c);
            continue;
        }
        size_t start = i - 1;
        const char *msg = "\\ at end of string";
        uint32_t ch = 0;
        int count = 0;
        if (i >= n)
            goto error;
        c = d[i++];
        if (raw && c != 'u' && c != 'U') {
            kr_sb_append_char(&sb, '\\');
            kr_sb_append_cp(&sb, c);
            continue;
        }
        switch (c) {
        case '\n': continue;
        case '\\': case '\'': case '"': kr_sb_append_char(&sb, (char)c); continue;
        case 'a': kr_sb_append_char(&sb, '\a'); continue;
        case 'b': kr_sb_append_char(&sb, '\b'); continue;
        case 'f': kr_sb_append_char(&sb, '\f'); continue;
        case 'n': kr_sb_append_char(&sb, '\n'); continue;
        case 'r': kr_sb_append_char(&sb, '\r'); continue;
        case 't': kr_sb_append_char(&sb, '\t'); continue;
        case 'v': kr_sb_append_char(&sb, '\v'); continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            ch = c - '0';
            for (int k = 0; k < 2 && i < n && d[i] >= '0' && d[i] <= '7'; k++)
                ch = ch * 8 + (uint32_t)(d[i++] - '0');
            kr_sb_append_cp(&sb, ch);
            continue;
        case 'x': count = 2; msg = "truncated \\xXX escape"; break;
        case 'u': count = 4; msg = "truncated \\uXXXX escape"; break;
        case 'U': count = 8; msg = "truncated \\UXXXXXXXX escape"; break;
        case 'N': {
            msg = "malformed \\N character escape";
            if (i >= n || d[i] != '{')
                goto error;
            size_t j = i + 1;
            while (j < n && d[j] != '}')
                j++;
            if (j >= n || j == i + 1) { /* no closing brace (stop at the end) or an empty name (at '}') */
                i = j;
                goto error;
            }
            const char *name = (const char *)d + i + 1;
            size_t name_len = j - i - 1;
            i = j + 1;
            if (kr_unicode_lookup_name(name, name_len, &ch)) {
                kr_sb_append_cp(&sb, ch);
                continue;
            }
            msg = "unknown Unicode character name";
            goto error;
        }
        default:
            kr_sb_append_char(&sb, '\\');
            kr_sb_append_cp(&sb, c);
            continue;
        }
        for (; count > 0; count--, i++) {
            int h = i < n ? escape_hexval(d[i]) : -1;
            if (h < 0)
                goto error;
            ch = ch * 16 + (uint32_t)h;
        }
        if (ch <= 0x10FFFF) {
            kr_sb_append_cp(&sb, ch);
            continue;
        }
        msg = raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character";
    error:
        switch (err) {
        case ERR_IGNORE: break;
        case ERR_REPLACE: kr_sb_append_cp(&sb, 0xFFFD); break;
        case ERR_BACKSLASH:
            for (size_t k = start; k < i; k++)
                kr_sb_appendf(&sb, "\\x%02x", d[k]);
            break;
        default:
            kr_sb_free(&sb);
            if (err == ERR_UNKNOWN)
                return unknown_handler(vm, errors);
            if (i - start > 1)
                return kr_raise(vm, KR_EXC(vm, UnicodeDecodeError), "'%s' codec can't decode bytes in position %zu-%zu: %s",
                                codec_names[raw ? CODEC_RAW_UNICODE_ESCAPE : CODEC_UNICODE_ESCAPE], start, i - 1, msg);
            return kr_raise(vm, KR_EXC(vm, UnicodeDecodeError), "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                            codec_names[raw ? CODEC_RAW_UNICODE_ESCAPE : CODEC_UNICODE_ESCAPE], d[start], start, msg);
        }
    }
    return kr_sb_finish(vm, &sb);
}

/* Append the backslash escape of c (\xhh, \uhhhh or \Uhhhhhhhh). */
static void sb_append_escape(kr_sb *sb, uint32_t c)
{
    if (c < 0x100)
        kr_sb_appendf(sb, "\\x%02x", c);
    else if (c < 0x10000)
        kr_sb_appendf(sb, "\\u%04x", c);
    else
        kr_sb_appendf(sb, "\\U%08x", c);
}

kr_value kr_str_encode(kr_vm *vm, kr_value s, const char *encoding, const char *errors)
{
    int codec = encoding ? codec_id(encoding) : 0;
    if (codec < 0)
        return kr_codec_fallback(vm, false, s, encoding, errors);
    int err = errors_id(vm, errors);
    if (codec >= CODEC_UNICODE_ESCAPE)
        return escape_encode(vm, s, codec == CODEC_RAW_UNICODE_ESCAPE);
    const char *d = SDATA(s);
    int64_t n = SLEN(s);
    if (IS_ASCII(s))
        return kr_bytes_new(vm, d, (size_t)n);
    uint32_t limit = codec == 0 ? 0x110000 : codec == 1 ? 0x80 : 0x100;
    kr_sb sb;
    kr_sb_init(&sb);
    int64_t off = 0, pos = 0;
    while (off < n) {
        int64_t start = off;
        uint32_t c = next_cp(d, &off);
        bool surrogate = c >= 0xD800 && c <= 0xDFFF;
        if (codec == 0 && !surrogate) {
            kr_sb_append(&sb, d + start, (size_t)(off - start));
        } else if (c < limit && !surrogate) {
            kr_sb_append_char(&sb, (char)c);
        } else {
            char nbuf[KR_UNICODE_NAME_MAX];
            switch (err) {
            case ERR_IGNORE: break;
            case ERR_REPLACE: kr_sb_append_char(&sb, '?'); break;
            case ERR_BACKSLASH: sb_append_escape(&sb, c); break;
            case ERR_XMLCHARREF: kr_sb_appendf(&sb, "&#%u;", c); break;
            case ERR_NAMEREPLACE:
                if (kr_unicode_name_of(c, nbuf, sizeof nbuf) > 0)
                    kr_sb_appendf(&sb, "\\N{%s}", nbuf);
                else
                    sb_append_escape(&sb, c);
                break;
            default: {
                /* The whole run of unencodable characters [pos, end) at bytes [start, o) is one error, as
                 * in CPython. */
                int64_t end = pos + 1, o = off;
                while (o < n) {
                    int64_t o2 = o;
                    uint32_t c2 = next_cp(d, &o2);
                    bool bad = codec == 0 ? (c2 >= 0xD800 && c2 <= 0xDFFF) : c2 >= limit;
                    if (!bad)
                        break;
                    o = o2;
                    end++;
                }
                const char *reason = codec == 0 ? "surrogates not allowed"
                                     : codec == 1 ? "ordinal not in range(128)" : "ordinal not in range(256)";
                if (err == ERR_SURROGATEESCAPE || err == ERR_SURROGATEPASS) {
                    /* surrogateescape turns U+DC80..U+DCFF back into the bytes they stand for; surrogatepass
                     * writes surrogates in UTF-8 (as they are stored). Anything else: the strict error. */
                    size_t keep = sb.len;
                    int64_t o2 = start;
                    bool all = true;
                    while (all && o2 < o) {
                        int64_t at = o2;
                        uint32_t c2 = next_cp(d, &o2);
                        if (err == ERR_SURROGATEESCAPE && c2 >= 0xDC80 && c2 <= 0xDCFF)
                            kr_sb_append_char(&sb, (char)(c2 - 0xDC00));
                        else if (err == ERR_SURROGATEPASS && codec == 0 && c2 >= 0xD800 && c2 <= 0xDFFF)
                            kr_sb_append(&sb, d + at, (size_t)(o2 - at));
                        else
                            all = false;
                    }
                    if (all) {
                        pos = end;
                        off = o;
                        continue;
                    }
                    sb.len = keep;
                } else if (err == ERR_UNKNOWN) {
                    int64_t newpos;
                    kr_value rep = kr_codec_call_handler(vm, errors, false, codec_names[codec], s, pos, end, reason,
                                                         kr_str_len(s), &newpos);
                    if (!rep) {
                        kr_sb_free(&sb);
                        return KR_NULL;
                    }
                    if (!kr_is_str(vm, rep)) { /* bytes: written as they are */
                        kr_sb_append(&sb, (const char *)KR_AS(kr_bytes, rep)->data, (size_t)KR_AS(kr_bytes, rep)->size);
                    } else {
                        /* A str replacement must be encodable by this codec (CPython raises the original
                         * error otherwise). */
                        const char *rd = kr_str_data(rep);
                        int64_t rn = kr_str_nbytes(rep), ro = 0;
                        while (ro < rn) {
                            int64_t at = ro;
                            uint32_t rc = next_cp(rd, &ro);
                            if (rc >= limit || (rc >= 0xD800 && rc <= 0xDFFF)) {
                                kr_sb_free(&sb);
                                return kr_codec_raise(vm, false, codec_names[codec], s, pos, end, reason);
                            }
                            if (codec == 0)
                                kr_sb_append(&sb, rd + at, (size_t)(ro - at));
                            else
                                kr_sb_append_char(&sb, (char)rc);
                        }
                    }
                    pos = newpos;
                    off = kr_str_byte_offset(vm, s, newpos);
                    continue;
                }
                kr_sb_free(&sb);
                return kr_codec_raise(vm, false, codec_names[codec], s, pos, end, reason);
            }
            }
        }
        pos++;
    }
    if (sb.failed) {
        kr_sb_free(&sb);
        return kr_raise_nomemory(vm);
    }
    kr_value r = kr_bytes_new(vm, sb.buf ? sb.buf : "", sb.len);
    kr_sb_free(&sb);
    return r;
}

/* Length of the maximal invalid prefix / validity of the UTF-8 sequence at p (Unicode's "maximal
 * subpart" rule, as CPython reports it). Returns the sequence length if valid (>0), or -(bytes consumed)
 * with *reason set. */
static int utf8_seq(const unsigned char *p, size_t avail, const char **reason)
{
    unsigned c = p[0];
    int need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *reason = "invalid start byte";
        return -1;
    }
    for (int k = 1; k <= need; k++) {
        if ((size_t)k >= avail) {
            *reason = "unexpected end of data";
            return -k;
        }
        unsigned b = p[k];
        unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (b < l || b > h) {
            *reason = "invalid continuation byte";
            return -k;
        }
    }
    return need + 1;
}

kr_value kr_str_decode(kr_vm *vm, const uint8_t *data, size_t n, const char *encoding, const char *errors)
{
    int codec = encoding ? codec_id(encoding) : 0;
    if (codec < 0) {
        kr_value b = kr_bytes_new(vm, data, n);
        if (!b)
            return KR_NULL;
        size_t mark = kr_root_mark(vm);
        kr_root_push(vm, &b);
        kr_value r = kr_codec_fallback(vm, true, b, encoding, errors);
        kr_root_reset(vm, mark);
        return r;
    }
    int err = errors_id(vm, errors);
    if (codec >= CODEC_UNICODE_ESCAPE)
        return escape_decode(vm, data, n, err, errors, codec == CODEC_RAW_UNICODE_ESCAPE);
    if (all_ascii((const char *)data, n))
        return kr_str_new_known(vm, (const char *)data, n, (int64_t)n);
    if (codec == 0 && err == ERR_STRICT) {
        int64_t len = kr_utf8_check((const char *)data, n, false);
        if (len >= 0)
            return kr_str_new_known(vm, (const char *)data, n, len);
    }
    kr_sb sb;
    kr_sb_init(&sb);
    kr_value bobj = KR_NULL; /* the input as a bytes object, made for an exception or a handler */
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &bobj);
    kr_value result = KR_NULL;
    size_t i = 0;
    while (i < n) {
        unsigned c = data[i];
        if (c < 0x80) {
            kr_sb_append_char(&sb, (char)c);
            i++;
            continue;
        }
        if (codec == 2) {
            kr_sb_append_cp(&sb, c);
            i++;
            continue;
        }
        const char *reason = "ordinal not in range(128)";
        int r = codec == 0 ? utf8_seq(data + i, n - i, &reason) : -1;
        if (r > 0) {
            kr_sb_append(&sb, (const char *)data + i, (size_t)r);
            i += (size_t)r;
            continue;
        }
        int bad = -r;
        switch (err) {
        case ERR_IGNORE: break;
        case ERR_REPLACE: kr_sb_append_cp(&sb, 0xFFFD); break;
        case ERR_BACKSLASH:
            for (int k = 0; k < bad; k++)
                kr_sb_appendf(&sb, "\\x%02x", data[i + (size_t)k]);
            break;
        case ERR_SURROGATEESCAPE: /* every byte of an invalid sequence is >= 0x80 */
            for (int k = 0; k < bad; k++)
                kr_sb_append_cp(&sb, 0xDC00 + data[i + (size_t)k]);
            break;
        case ERR_XMLCHARREF:
        case ERR_NAMEREPLACE:
            kr_raise(vm, KR_EXC(vm, TypeError), "don't know how to handle UnicodeDecodeError in error callback");
            goto done;
        default:
            if (err == ERR_SURROGATEPASS && codec == 0 && i + 2 < n && data[i] == 0xED && data[i + 1] >= 0xA0 &&
                data[i + 1] <= 0xBF && data[i + 2] >= 0x80 && data[i + 2] <= 0xBF) {
                kr_sb_append(&sb, (const char *)data + i, 3); /* a surrogate, stored as it is encoded */
                i += 3;
                continue;
            }
            if (!bobj) {
                if (!(bobj = kr_bytes_new(vm, data, n)))
                    goto done;
                /* From here on read the copy: a handler runs Python code, which could resize a
                 * bytearray the caller's data points into. */
                data = KR_AS(kr_bytes, bobj)->data;
            }
            if (err == ERR_UNKNOWN) {
                int64_t newpos;
                kr_value rep = kr_codec_call_handler(vm, errors, true, codec_names[codec], bobj, (int64_t)i,
                                                     (int64_t)i + bad, reason, (int64_t)n, &newpos);
                if (!rep)
                    goto done;
                kr_sb_append(&sb, kr_str_data(rep), (size_t)kr_str_nbytes(rep));
                i = (size_t)newpos;
                continue;
            }
            kr_codec_raise(vm, true, codec_names[codec], bobj, (int64_t)i, (int64_t)i + bad, reason);
            goto done;
        }
        i += (size_t)bad;
    }
    result = kr_sb_finish(vm, &sb);
    kr_root_reset(vm, mark);
    return result;
done:
    kr_sb_free(&sb);
    kr_root_reset(vm, mark);
    return KR_NULL;
}

/* ---- format, format_map, __format__ ---- */
static kr_value str_format(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_format_args fa = {0};
    fa.pos = args + 1;
    fa.npos = nargs - 1;
    if (kwnames && kr_tuple_size(kwnames) > 0) {
        fa.kwnames = kwnames;
        fa.kwvals = args + nargs;
    }
    return kr_format_markup(vm, SELF, &fa);
}

static kr_value str_format_map(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (meth_args(vm, "format_map", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    kr_format_args fa = {0};
    fa.mapping = args[1];
    return kr_format_markup(vm, SELF, &fa);
}

static kr_value str_dunder_format(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (meth_args(vm, "__format__", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "__format__() argument must be str, not %s",
                        kr_typename(vm, args[1]));
    return kr_format_str(vm, SELF, kr_str_data(args[1]), (size_t)kr_str_nbytes(args[1]));
}

static kr_value str_getnewargs(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (meth_args(vm, "__getnewargs__", nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    kr_value s = kr_str_new_known(vm, SDATA(SELF), (size_t)SLEN(SELF), kr_str_len(SELF));
    return s ? kr_tuple_pack(vm, 1, s) : KR_NULL;
}

static kr_value str_sizeof(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (meth_args(vm, "__sizeof__", nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    return kr_small((int64_t)sizeof(kr_str) + SLEN(SELF) + 1);
}

/* ---- maketrans / translate ---- */
static kr_value str_maketrans(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames) > 0 && kr_args_no_kw(vm, "maketrans", kwnames) < 0)
        return KR_NULL;
    if (kr_args_count(vm, "maketrans", nargs, 1, 3) < 0)
        return KR_NULL;
    kr_value d = kr_dict_new(vm);
    if (!d)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &d);
    kr_value result = KR_NULL;
    if (nargs == 1) {
        kr_value x = args[0];
        if (!kr_is_ptr(x) || !kr_type_is_subtype(KR_OBJ(x)->type, vm->t.dict)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "if you give only one argument to maketrans it must be a dict");
            goto done;
        }
        int64_t pos = 0;
        kr_value k, v;
        while (kr_dict_next(x, &pos, &k, &v)) {
            kr_value key = k;
            if (kr_is_str(vm, k)) {
                if (kr_str_len(k) != 1) {
                    kr_raise(vm, KR_EXC(vm, ValueError), "string keys in translate table must be of length 1");
                    goto done;
                }
                key = kr_small(kr_str_codepoint_at(k, 0));
            } else if (!kr_is_int(vm, k)) {
                kr_raise(vm, KR_EXC(vm, TypeError), "keys in translate table must be strings or integers");
                goto done;
            }
            if (kr_dict_set(vm, d, key, v) < 0)
                goto done;
        }
        result = d;
        goto done;
    }
    kr_value x = args[0], y = args[1];
    if (!need_str(vm, x, "maketrans() argument 1 must be str, not %s") ||
        !need_str(vm, y, "maketrans() argument 2 must be str, not %s"))
        goto done;
    if (kr_str_len(x) != kr_str_len(y)) {
        kr_raise(vm, KR_EXC(vm, ValueError), "the first two maketrans arguments must have equal length");
        goto done;
    }
    int64_t ox = 0, oy = 0;
    while (ox < SLEN(x)) {
        uint32_t a = next_cp(SDATA(x), &ox), b = next_cp(SDATA(y), &oy);
        if (kr_dict_set(vm, d, kr_small(a), kr_small(b)) < 0)
            goto done;
    }
    if (nargs == 3) {
        kr_value z = args[2];
        if (!need_str(vm, z, "maketrans() argument 3 must be str, not %s"))
            goto done;
        int64_t oz = 0;
        while (oz < SLEN(z))
            if (kr_dict_set(vm, d, kr_small(next_cp(SDATA(z), &oz)), KR_NONE) < 0)
                goto done;
    }
    result = d;
done:
    kr_root_reset(vm, m);
    return result;
}

static kr_value str_translate(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (meth_args(vm, "translate", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    kr_value table = args[1];
    const char *d = SDATA(SELF);
    int64_t n = SLEN(SELF), off = 0;
    kr_sb sb;
    kr_sb_init(&sb);
    while (off < n) {
        int64_t s = off;
        uint32_t c = next_cp(d, &off);
        /* The table may run Python code; self is rooted by our caller and sb is C memory. */
        kr_value r = kr_getitem(vm, table, kr_small(c));
        if (!r) {
            if (kr_err_matches(vm, KR_EXC(vm, LookupError))) {
                kr_err_clear(vm);
                kr_sb_append(&sb, d + s, (size_t)(off - s));
                continue;
            }
            goto fail;
        }
        if (r == KR_NONE)
            continue;
        if (kr_is_small(r)) {
            int64_t v = kr_small_val(r);
            if (v < 0 || v > 0x10FFFF) {
                kr_raise(vm, KR_EXC(vm, ValueError), "character mapping must be in range(0x110000)");
                goto fail;
            }
            kr_sb_append_cp(&sb, (uint32_t)v);
        } else if (kr_is_str(vm, r)) {
            kr_sb_append(&sb, kr_str_data(r), (size_t)kr_str_nbytes(r));
        } else if (kr_is_int(vm, r)) {
            kr_raise(vm, KR_EXC(vm, ValueError), "character mapping must be in range(0x110000)");
            goto fail;
        } else {
            kr_raise(vm, KR_EXC(vm, TypeError), "character mapping must return integer, None or str");
            goto fail;
        }
    }
    return kr_sb_finish(vm, &sb);
fail:
    kr_sb_free(&sb);
    return KR_NULL;
}

static const kr_method_def str_methods[] = {
    {"split", str_split, 0, NULL},           {"rsplit", str_rsplit, 0, NULL},
    {"splitlines", str_splitlines, 0, NULL}, {"join", str_join, 0, NULL},
    {"strip", str_strip, 0, NULL},           {"lstrip", str_lstrip, 0, NULL},
    {"rstrip", str_rstrip, 0, NULL},         {"replace", str_replace, 0, NULL},
    {"find", str_find, 0, NULL},             {"rfind", str_rfind, 0, NULL},
    {"index", str_index, 0, NULL},           {"rindex", str_rindex, 0, NULL},
    {"count", str_count, 0, NULL},           {"startswith", str_startswith, 0, NULL},
    {"endswith", str_endswith, 0, NULL},     {"upper", str_upper, 0, NULL},
    {"lower", str_lower, 0, NULL},           {"title", str_title, 0, NULL},
    {"capitalize", str_capitalize, 0, NULL}, {"swapcase", str_swapcase, 0, NULL},
    {"casefold", str_casefold, 0, NULL},     {"isalpha", str_isalpha, 0, NULL},
    {"isdigit", str_isdigit, 0, NULL},       {"isdecimal", str_isdecimal, 0, NULL},
    {"isnumeric", str_isnumeric, 0, NULL},   {"isalnum", str_isalnum, 0, NULL},
    {"isspace", str_isspace, 0, NULL},       {"isupper", str_isupper, 0, NULL},
    {"islower", str_islower, 0, NULL},       {"istitle", str_istitle, 0, NULL},
    {"isidentifier", str_isidentifier, 0, NULL}, {"isprintable", str_isprintable, 0, NULL},
    {"isascii", str_isascii, 0, NULL},       {"partition", str_partition, 0, NULL},
    {"rpartition", str_rpartition, 0, NULL}, {"zfill", str_zfill, 0, NULL},
    {"center", str_center, 0, NULL},         {"ljust", str_ljust, 0, NULL},
    {"rjust", str_rjust, 0, NULL},           {"expandtabs", str_expandtabs, 0, NULL},
    {"encode", str_encode, 0, NULL},         {"format", str_format, 0, NULL},
    {"format_map", str_format_map, 0, NULL}, {"__format__", str_dunder_format, 0, NULL},
    {"maketrans", str_maketrans, KR_METH_STATIC, NULL}, {"translate", str_translate, 0, NULL},
    {"removeprefix", str_removeprefix, 0, NULL}, {"removesuffix", str_removesuffix, 0, NULL},
    {"__getnewargs__", str_getnewargs, 0, NULL}, {"__sizeof__", str_sizeof, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_method_def str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ================================================================ life cycle */

void kr_str_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "str", vm->t.object, sizeof(kr_str), KR_TF_BASETYPE);
    t->methods = str_methods;
    t->new_ = str_new_slot;
    t->repr = str_repr_slot;
    t->str = str_str_slot;
    t->hash = str_hash_slot;
    t->richcompare = str_richcompare;
    t->iter = str_iter_slot;
    t->len = str_len_slot;
    t->getitem = str_getitem;
    t->contains = str_contains;
    t->bool_ = str_bool;
    t->binop[KR_OP_ADD] = str_add;
    t->binop[KR_OP_MUL] = str_mul;
    t->binop[KR_OP_MOD] = str_mod;
    vm->t.str = t;

    kr_type *it = kr_type_new_builtin(vm, "str_ascii_iterator", vm->t.object, sizeof(str_iter), 0);
    it->methods = str_iter_methods;
    it->trace = str_iter_trace;
    it->iter = str_iter_self;
    it->next = str_iter_next;
    vm->t.str_iter = it;
}

int kr_str_setup(kr_vm *vm)
{
    if (!intern_table(vm) || !cached_small(vm, "", 0))
        return -1;
    for (int c = 0; c < 128; c++) {
        char ch = (char)c;
        if (!cached_small(vm, &ch, 1))
            return -1;
    }
    return 0;
}

char *kr_str_number_ascii(kr_vm *vm, kr_value s, size_t *n)
{
    const char *d = kr_str_data(s);
    int64_t len = kr_str_len(s), nbytes = kr_str_nbytes(s);
    char *out = kr_mem_alloc(vm, (size_t)len + 1);
    if (!out) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    int64_t i = 0, k = 0;
    while (i < nbytes) {
        int cl = 1;
        uint32_t c = kr_utf8_decode(d + i, &cl);
        i += cl;
        int digit;
        if (c < 0x80)
            out[k++] = (char)c;
        else if ((digit = kr_unicode_decimal_value(c)) >= 0)
            out[k++] = (char)('0' + digit);
        else
            out[k++] = kr_unicode_isspace(c) ? ' ' : '?';
    }
    out[k] = 0;
    *n = (size_t)k;
    return out;
}
