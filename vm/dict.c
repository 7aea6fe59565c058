/* dict.c: the dict type, its views and iterators.
 *
 * Representation (CPython 3.6+'s compact dict):
 *   index   : 2^LOG2_SIZE(d) signed slots, each EMPTY (-1), DUMMY (-2) or a position into `entries`. The
 *             slot width is 1, 2, 4 or 8 bytes, the smallest that holds every position (size <= 2^7,
 *             2^15, 2^31, else 8 bytes).
 *   entries : dense array of {hash, key, value} in insertion order; entries[0..nentries) are used, a
 *             deleted entry has key == value == KR_NULL (its index slot becomes DUMMY so probe chains
 *             through it stay intact).
 * Invariants:
 *   - index and entries are one kr_mem_alloc block (index first), or both NULL when the dict has never
 *     held anything / was cleared (LOG2_SIZE 0, usable 0): lookups on it never allocate.
 *   - used <= nentries <= nentries + usable == USABLE(size) == size*2/3: the table is at most 2/3 full of
 *     live or dummy slots, so every probe sequence reaches an EMPTY slot.
 *   - every live entry e is reachable from its hash's probe sequence before any EMPTY slot.
 *   - version changes on every mutation; keys_version on every change of the set of keys or of where
 *     entries live (insertion, deletion, resize, clear) — see dict.h for the caches built on them.
 * Probing is CPython's: i = hash & mask; then perturb >>= 5; i = (5*i + perturb + 1) & mask.
 * Keys are compared by identity, then (str keys) kr_str_equal, then kr_eq when the hashes match. kr_eq
 * may run Python code that mutates the dict; the lookup then restarts (CPython does the same). */
#include "dict.h"

#include <string.h>

#include "init.h"
#include "list.h"
#include "set.h"
#include "tuple.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define IX_ERROR (-3)
#define MIN_SIZE 8
#define USABLE(size) (((size) << 1) / 3)

typedef struct kr_dict_entry {
    int64_t hash;
    kr_value key;   /* KR_NULL: deleted */
    kr_value value;
} kr_dict_entry;

struct kr_dict {
    kr_object ob;
    int64_t used;      /* live items */
    int64_t nentries;  /* entries[0..nentries) in use (live or deleted) */
    int64_t usable;    /* free entries left before a resize */
    uint64_t version;
    uint64_t keys_version;
    void *index;       /* the start of the block */
    kr_dict_entry *entries;
    kr_value attrs;    /* subclass instance attributes or KR_NULL */
};

#define D(v) KR_AS(kr_dict, v)
/* The index has 1 << LOG2_SIZE(d) slots (0: no table). Kept in the header's per-type word rather than a
 * field: that makes struct kr_dict 80 bytes, a 16-byte size class smaller than with a field of its
 * own (16 bytes off every dict). */
#define LOG2_SIZE(d) ((d)->ob.aux)

/* ---- index table access ---- */

static inline int64_t ix_get(const kr_dict *d, uint64_t i)
{
    uint32_t l = LOG2_SIZE(d);
    if (l <= 7)
        return ((const int8_t *)d->index)[i];
    if (l <= 15)
        return ((const int16_t *)d->index)[i];
    if (l <= 31)
        return ((const int32_t *)d->index)[i];
    return ((const int64_t *)d->index)[i];
}

static inline void ix_set(kr_dict *d, uint64_t i, int64_t ix)
{
    uint32_t l = LOG2_SIZE(d);
    if (l <= 7)
        ((int8_t *)d->index)[i] = (int8_t)ix;
    else if (l <= 15)
        ((int16_t *)d->index)[i] = (int16_t)ix;
    else if (l <= 31)
        ((int32_t *)d->index)[i] = (int32_t)ix;
    else
        ((int64_t *)d->index)[i] = ix;
}

static inline size_t ix_width(uint8_t log2_size)
{
    return log2_size <= 7 ? 1 : log2_size <= 15 ? 2 : log2_size <= 31 ? 4 : 8;
}

/* ---- hashing ---- */

static inline bool is_exact_str(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.str;
}

/* CPython's int hash for small ints: sign * (|v| mod (2^61 - 1)), -1 mapped to -2. */
static inline int64_t small_int_hash(int64_t v)
{
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    a %= P;
    int64_t h = v < 0 ? -(int64_t)a : (int64_t)a;
    return h == -1 ? -2 : h;
}

static inline int64_t key_hash(kr_vm *vm, kr_value key)
{
    if (is_exact_str(vm, key)) {
        int64_t h = KR_AS(kr_str, key)->hash;
        return h != -1 ? h : kr_str_hash(vm, key);
    }
    if (kr_is_small(key))
        return small_int_hash(kr_small_val(key));
    return kr_hash(vm, key);
}

/* ---- lookup ---- */

/* The entry position of key, IX_EMPTY if absent, IX_ERROR on error. */
static int64_t dict_lookup(kr_vm *vm, kr_dict *d, kr_value key, int64_t hash)
{
restart:
    if (!d->index)
        return IX_EMPTY;
    uint64_t mask = ((uint64_t)1 << LOG2_SIZE(d)) - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    bool key_is_str = is_exact_str(vm, key);
    for (;;) {
        int64_t ix = ix_get(d, i);
        if (ix == IX_EMPTY)
            return IX_EMPTY;
        if (ix >= 0) {
            kr_dict_entry *e = &d->entries[ix];
            if (e->key == key)
                return ix;
            if (e->hash == hash && e->key) {
                kr_value startkey = e->key;
                if (key_is_str && is_exact_str(vm, startkey)) {
                    if (kr_str_equal(startkey, key))
                        return ix;
                } else if (!(key_is_str && kr_is_small(startkey)) && !(kr_is_small(key) && is_exact_str(vm, startkey)) &&
                           !(kr_is_small(key) && kr_is_small(startkey))) { /* equal small ints are one word */
                    uint64_t kv = d->keys_version;
                    size_t m = kr_root_mark(vm);
                    kr_root_push(vm, &startkey);
                    int cmp = kr_eq(vm, startkey, key);
                    kr_root_reset(vm, m);
                    if (cmp < 0)
                        return IX_ERROR;
                    if (d->keys_version != kv || d->entries[ix].key != startkey)
                        goto restart; /* the comparison mutated the dict */
                    if (cmp)
                        return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Lookup restricted to str keys: no Python code runs. */
static int64_t dict_lookup_str(kr_vm *vm, kr_dict *d, kr_value key, int64_t hash)
{
    if (!d->index)
        return IX_EMPTY;
    uint64_t mask = ((uint64_t)1 << LOG2_SIZE(d)) - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = ix_get(d, i);
        if (ix == IX_EMPTY)
            return IX_EMPTY;
        if (ix >= 0) {
            kr_dict_entry *e = &d->entries[ix];
            if (e->key == key)
                return ix;
            if (e->hash == hash && e->key && is_exact_str(vm, e->key) && kr_str_equal(e->key, key))
                return ix;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The index slot holding entry position ix (which must be live). */
static uint64_t slot_of(kr_dict *d, int64_t hash, int64_t ix)
{
    uint64_t mask = ((uint64_t)1 << LOG2_SIZE(d)) - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    while (ix_get(d, i) != ix) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The first EMPTY or DUMMY slot of hash's probe sequence. */
static uint64_t find_empty_slot(kr_dict *d, int64_t hash)
{
    uint64_t mask = ((uint64_t)1 << LOG2_SIZE(d)) - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    while (ix_get(d, i) >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* ---- table management ---- */

/* Rebuild into a table of 2^log2 slots, compacting deleted entries. No Python code runs. */
static int dict_resize(kr_vm *vm, kr_dict *d, uint8_t log2)
{
    uint64_t size = (uint64_t)1 << log2;
    int64_t usable = (int64_t)USABLE(size);
    if (usable < d->used)
        return kr_raise_i(vm, KR_EXC(vm, SystemError), "dict resize too small");
    size_t ixbytes = size * ix_width(log2);
    if (ixbytes < sizeof(int64_t))
        ixbytes = sizeof(int64_t);
    size_t nbytes = ixbytes + (size_t)usable * sizeof(kr_dict_entry);
    void *block = kr_mem_alloc(vm, nbytes);
    if (!block)
        return -1;
    memset(block, 0xff, ixbytes); /* every slot EMPTY (-1 in any width) */
    kr_dict_entry *ne = (kr_dict_entry *)((char *)block + ixbytes);
    int64_t n = 0;
    for (int64_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key)
            ne[n++] = d->entries[i];
    kr_mem_free(vm, d->index);
    d->index = block;
    d->entries = ne;
    LOG2_SIZE(d) = log2;
    d->nentries = n;
    d->usable = usable - n;
    for (int64_t i = 0; i < n; i++)
        ix_set(d, find_empty_slot(d, ne[i].hash), i);
    d->keys_version++;
    return 0;
}

static uint8_t log2_for(int64_t minsize)
{
    uint8_t l = 3;
    while (((int64_t)1 << l) < minsize && l < 62)
        l++;
    return l;
}

/* Room for one more entry: CPython's GROWTH_RATE (used * 3). */
static int dict_grow(kr_vm *vm, kr_dict *d)
{
    return dict_resize(vm, d, log2_for(d->used * 3 < MIN_SIZE ? MIN_SIZE : d->used * 3));
}

/* Insert a key known to be absent (after a lookup that ran no Python code since). */
static int insert_new(kr_vm *vm, kr_dict *d, kr_value key, int64_t hash, kr_value value)
{
    if (d->usable <= 0 && dict_grow(vm, d) < 0)
        return -1;
    int64_t ix = d->nentries;
    ix_set(d, find_empty_slot(d, hash), ix);
    kr_dict_entry *e = &d->entries[ix];
    e->hash = hash;
    e->key = key;
    e->value = value;
    kr_gc_barrier(vm, &d->ob, key);
    kr_gc_barrier(vm, &d->ob, value);
    d->nentries++;
    d->used++;
    d->usable--;
    d->version++;
    d->keys_version++;
    return 0;
}

static int dict_insert(kr_vm *vm, kr_dict *d, kr_value key, int64_t hash, kr_value value)
{
    int64_t ix = dict_lookup(vm, d, key, hash);
    if (ix == IX_ERROR)
        return -1;
    if (ix >= 0) {
        d->entries[ix].value = value;
        kr_gc_barrier(vm, &d->ob, value);
        d->version++;
        return 0;
    }
    return insert_new(vm, d, key, hash, value);
}

static void delete_at(kr_dict *d, int64_t ix)
{
    kr_dict_entry *e = &d->entries[ix];
    ix_set(d, slot_of(d, e->hash, ix), IX_DUMMY);
    e->key = KR_NULL;
    e->value = KR_NULL;
    d->used--;
    d->version++;
    d->keys_version++;
}

/* ================= public API ================= */

static kr_value dict_alloc_type(kr_vm *vm, kr_type *cls)
{
    size_t size = cls->instance_size >= sizeof(kr_dict) ? cls->instance_size : sizeof(kr_dict);
    kr_dict *d = kr_gc_alloc(vm, cls, size);
    if (!d)
        return KR_NULL;
    d->version = 1;
    d->keys_version = 1;
    return KR_VAL(d);
}

kr_value kr_dict_new(kr_vm *vm)
{
    return dict_alloc_type(vm, vm->t.dict);
}

int64_t kr_dict_size(kr_value d) { return D(d)->used; }
uint64_t kr_dict_version(kr_value d) { return D(d)->version; }
uint64_t kr_dict_keys_version(kr_value d) { return D(d)->keys_version; }
size_t kr_dict_keys_version_offset(void) { return offsetof(struct kr_dict, keys_version); }
size_t kr_dict_used_offset(void) { return offsetof(struct kr_dict, used); }

kr_value kr_dict_get_hashed(kr_vm *vm, kr_value d, kr_value key, int64_t hash)
{
    int64_t ix = dict_lookup(vm, D(d), key, hash);
    return ix >= 0 ? D(d)->entries[ix].value : KR_NULL;
}

kr_value kr_dict_get(kr_vm *vm, kr_value d, kr_value key)
{
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return KR_NULL;
    return kr_dict_get_hashed(vm, d, key, hash);
}

kr_value kr_dict_get_str(kr_vm *vm, kr_value d, kr_value key)
{
    int64_t hash = KR_AS(kr_str, key)->hash;
    if (hash == -1)
        hash = kr_str_hash(vm, key);
    int64_t ix = dict_lookup_str(vm, D(d), key, hash);
    return ix >= 0 ? D(d)->entries[ix].value : KR_NULL;
}

kr_value *kr_dict_lookup_slot(kr_vm *vm, kr_value d, kr_value key)
{
    int64_t hash = KR_AS(kr_str, key)->hash;
    if (hash == -1)
        hash = kr_str_hash(vm, key);
    int64_t ix = dict_lookup_str(vm, D(d), key, hash);
    return ix >= 0 ? &D(d)->entries[ix].value : NULL;
}

kr_value kr_dict_get_cstr(kr_vm *vm, kr_value d, const char *key)
{
    kr_value k = kr_str_from_cstr(vm, key);
    if (!k)
        return KR_NULL;
    return kr_dict_get_str(vm, d, k);
}

int kr_dict_set(kr_vm *vm, kr_value d, kr_value key, kr_value value)
{
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return -1;
    return dict_insert(vm, D(d), key, hash, value);
}

int kr_dict_set_cstr(kr_vm *vm, kr_value d, const char *key, kr_value value)
{
    kr_value k = kr_intern(vm, key);
    if (!k)
        return -1;
    return kr_dict_set(vm, d, k, value);
}

int kr_dict_del(kr_vm *vm, kr_value d, kr_value key)
{
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return -1;
    int64_t ix = dict_lookup(vm, D(d), key, hash);
    if (ix == IX_ERROR)
        return -1;
    if (ix < 0) {
        kr_raise_obj(vm, KR_EXC(vm, KeyError), key);
        return -1;
    }
    delete_at(D(d), ix);
    return 0;
}

kr_value kr_dict_pop(kr_vm *vm, kr_value d, kr_value key)
{
    if (D(d)->used == 0)
        return KR_NULL;
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return KR_NULL;
    int64_t ix = dict_lookup(vm, D(d), key, hash);
    if (ix < 0)
        return KR_NULL;
    kr_value v = D(d)->entries[ix].value;
    delete_at(D(d), ix);
    return v;
}

int kr_dict_contains(kr_vm *vm, kr_value d, kr_value key)
{
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return -1;
    int64_t ix = dict_lookup(vm, D(d), key, hash);
    if (ix == IX_ERROR)
        return -1;
    return ix >= 0;
}

bool kr_dict_next(kr_value dv, int64_t *pos, kr_value *key, kr_value *value)
{
    kr_dict *d = D(dv);
    for (int64_t i = *pos; i < d->nentries; i++) {
        kr_dict_entry *e = &d->entries[i];
        if (e->key) {
            *pos = i + 1;
            if (key)
                *key = e->key;
            if (value)
                *value = e->value;
            return true;
        }
    }
    *pos = d->nentries;
    return false;
}

int kr_dict_clear(kr_vm *vm, kr_value dv)
{
    kr_dict *d = D(dv);
    kr_mem_free(vm, d->index);
    d->index = NULL;
    d->entries = NULL;
    LOG2_SIZE(d) = 0;
    d->used = d->nentries = d->usable = 0;
    d->version++;
    d->keys_version++;
    return 0;
}

kr_value kr_dict_setdefault(kr_vm *vm, kr_value d, kr_value key, kr_value dflt)
{
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return KR_NULL;
    int64_t ix = dict_lookup(vm, D(d), key, hash);
    if (ix == IX_ERROR)
        return KR_NULL;
    if (ix >= 0)
        return D(d)->entries[ix].value;
    if (insert_new(vm, D(d), key, hash, dflt) < 0)
        return KR_NULL;
    return dflt;
}

/* Copy into a fresh exact dict. */
kr_value kr_dict_copy(kr_vm *vm, kr_value src)
{
    kr_dict *s = D(src);
    kr_value r = kr_dict_new(vm);
    if (!r || s->used == 0)
        return r;
    kr_dict *d = D(r);
    if (s->used == s->nentries && s->used * 3 >= ((int64_t)1 << LOG2_SIZE(s))) {
        /* No holes and not oversized: copy the block as is. */
        size_t size = (size_t)1 << LOG2_SIZE(s);
        size_t ixbytes = size * ix_width(LOG2_SIZE(s));
        if (ixbytes < sizeof(int64_t))
            ixbytes = sizeof(int64_t);
        size_t nbytes = ixbytes + (size_t)USABLE((int64_t)size) * sizeof(kr_dict_entry);
        void *block = kr_mem_alloc(vm, nbytes);
        if (!block)
            return KR_NULL;
        memcpy(block, s->index, ixbytes + (size_t)s->nentries * sizeof(kr_dict_entry));
        d->index = block;
        d->entries = (kr_dict_entry *)((char *)block + ixbytes);
        LOG2_SIZE(d) = LOG2_SIZE(s);
        d->used = s->used;
        d->nentries = s->nentries;
        d->usable = s->usable;
        return r;
    }
    if (dict_resize(vm, d, log2_for((s->used * 3 + 1) / 2 < MIN_SIZE ? MIN_SIZE : (s->used * 3 + 1) / 2)) < 0)
        return KR_NULL;
    for (int64_t i = 0; i < s->nentries; i++) {
        kr_dict_entry *e = &s->entries[i];
        if (e->key && insert_new(vm, d, e->key, e->hash, e->value) < 0)
            return KR_NULL;
    }
    return r;
}

int kr_dict_merge(kr_vm *vm, kr_value dv, kr_value other, bool override)
{
    kr_dict *o = D(other);
    if (o->used == 0 || dv == other)
        return 0;
    kr_dict *d = D(dv);
    if (d->used == 0 && override && KR_OBJ(other)->type == vm->t.dict && o->used == o->nentries) {
        /* Fast path for an empty target: size the table once. */
        if (dict_resize(vm, d, log2_for((o->used * 3 + 1) / 2 < MIN_SIZE ? MIN_SIZE : (o->used * 3 + 1) / 2)) < 0)
            return -1;
        for (int64_t i = 0; i < o->nentries; i++)
            if (insert_new(vm, d, o->entries[i].key, o->entries[i].hash, o->entries[i].value) < 0)
                return -1;
        return 0;
    }
    kr_value k = KR_NULL, v = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &k);
    kr_root_push(vm, &v);
    int rc = 0;
    int64_t n = o->used;
    for (int64_t i = 0; i < o->nentries; i++) {
        kr_dict_entry *e = &o->entries[i];
        if (!e->key)
            continue;
        k = e->key;
        v = e->value;
        int64_t hash = e->hash;
        if (override) {
            rc = dict_insert(vm, d, k, hash, v);
        } else {
            int64_t ix = dict_lookup(vm, d, k, hash);
            rc = ix == IX_ERROR ? -1 : ix >= 0 ? 0 : insert_new(vm, d, k, hash, v);
        }
        if (rc < 0)
            break;
        if (o->used != n) {
            rc = kr_raise_i(vm, KR_EXC(vm, RuntimeError), "dict mutated during update");
            break;
        }
    }
    kr_root_reset(vm, m);
    return rc;
}

static bool has_iter_protocol(kr_vm *vm, kr_value v)
{
    kr_type *t = kr_type_of(vm, v);
    return t->iter || t->getitem;
}

/* Add one (key, value) pair from an update sequence element. */
static int update_pair(kr_vm *vm, kr_value d, kr_value item, int64_t index)
{
    kr_value *pair;
    int64_t n;
    kr_value tmp = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &tmp);
    if (kr_tuple_check(vm, item)) {
        pair = kr_tuple_items(item);
        n = kr_tuple_size(item);
    } else if (kr_list_check(vm, item)) {
        pair = kr_list_items(item);
        n = kr_list_size(item);
    } else {
        if (!has_iter_protocol(vm, item)) {
            kr_root_reset(vm, m);
            return kr_raise_i(vm, KR_EXC(vm, TypeError),
                              "cannot convert dictionary update sequence element #%lld to a sequence",
                              (long long)index);
        }
        tmp = kr_list_from_iterable(vm, item);
        if (!tmp) {
            kr_root_reset(vm, m);
            return -1;
        }
        pair = kr_list_items(tmp);
        n = kr_list_size(tmp);
    }
    int rc;
    if (n != 2) {
        rc = kr_raise_i(vm, KR_EXC(vm, ValueError),
                        "dictionary update sequence element #%lld has length %lld; 2 is required",
                        (long long)index, (long long)n);
    } else {
        kr_value k = pair[0], v = pair[1];
        kr_root_push(vm, &k);
        kr_root_push(vm, &v);
        rc = kr_dict_set(vm, d, k, v);
    }
    kr_root_reset(vm, m);
    return rc;
}

static int update_from_pairs(kr_vm *vm, kr_value d, kr_value seq)
{
    kr_value it = kr_iter(vm, seq);
    if (!it)
        return -1;
    kr_value item = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_root_push(vm, &item);
    int rc = 0;
    for (int64_t i = 0;; i++) {
        item = kr_next(vm, it);
        if (!item) {
            if (kr_err_occurred(vm))
                rc = -1;
            break;
        }
        if (update_pair(vm, d, item, i) < 0) {
            rc = -1;
            break;
        }
    }
    kr_root_reset(vm, m);
    return rc;
}

/* Update from a mapping with keys(): for k in other.keys(): d[k] = other[k]. */
static int update_from_mapping(kr_vm *vm, kr_value d, kr_value other)
{
    kr_value keys = kr_call_method(vm, other, "keys", NULL, 0);
    if (!keys)
        return -1;
    kr_value it = KR_NULL, k = KR_NULL, v = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &keys);
    kr_root_push(vm, &it);
    kr_root_push(vm, &k);
    kr_root_push(vm, &v);
    int rc = 0;
    it = kr_iter(vm, keys);
    if (!it)
        rc = -1;
    while (rc == 0) {
        k = kr_next(vm, it);
        if (!k) {
            if (kr_err_occurred(vm))
                rc = -1;
            break;
        }
        v = kr_getitem(vm, other, k);
        if (!v || kr_dict_set(vm, d, k, v) < 0)
            rc = -1;
    }
    kr_root_reset(vm, m);
    return rc;
}

int kr_dict_update(kr_vm *vm, kr_value d, kr_value other)
{
    if (kr_dict_check(vm, other)) {
        /* A dict subclass that overrides keys()/__iter__ is treated as a mapping, as CPython's
         * PyDict_Merge does only for exact-iteration dicts. */
        kr_type *t = KR_OBJ(other)->type;
        if (t == vm->t.dict || kr_type_lookup(vm, t, KR_NAME(vm, __iter__)) == kr_type_lookup(vm, vm->t.dict, KR_NAME(vm, __iter__)))
            return kr_dict_merge(vm, d, other, true);
    }
    kr_value keys = kr_getattr_opt(vm, other, KR_NAME(vm, keys));
    if (keys)
        return update_from_mapping(vm, d, other);
    if (kr_err_occurred(vm))
        return -1;
    return update_from_pairs(vm, d, other);
}

kr_value kr_dict_getitem(kr_vm *vm, kr_value d, kr_value key)
{
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return KR_NULL;
    int64_t ix = dict_lookup(vm, D(d), key, hash);
    if (ix >= 0)
        return D(d)->entries[ix].value;
    if (ix == IX_ERROR)
        return KR_NULL;
    kr_type *t = KR_OBJ(d)->type;
    if (t != vm->t.dict && kr_type_lookup(vm, t, KR_NAME(vm, __missing__)))
        return kr_call_method(vm, d, "__missing__", &key, 1);
    return kr_raise_obj(vm, KR_EXC(vm, KeyError), key);
}

static kr_value dict_list_of(kr_vm *vm, kr_value dv, int kind)
{
    kr_dict *d = D(dv);
    kr_value l = kr_list_new(vm, d->used);
    if (!l)
        return KR_NULL;
    kr_list *lp = KR_AS(kr_list, l);
    for (int64_t i = 0; i < d->nentries; i++) {
        kr_dict_entry *e = &d->entries[i];
        if (!e->key)
            continue;
        kr_value v = kind == 0 ? e->key : kind == 1 ? e->value : kr_tuple_pack(vm, 2, e->key, e->value);
        if (!v)
            return KR_NULL;
        lp->items[lp->size++] = v;
    }
    return l;
}

kr_value kr_dict_keys_list(kr_vm *vm, kr_value d) { return dict_list_of(vm, d, 0); }
kr_value kr_dict_values_list(kr_vm *vm, kr_value d) { return dict_list_of(vm, d, 1); }
kr_value kr_dict_items_list(kr_vm *vm, kr_value d) { return dict_list_of(vm, d, 2); }

/* ================= slots ================= */

static void dict_trace(kr_vm *vm, kr_object *o)
{
    kr_dict *d = (kr_dict *)o;
    for (int64_t i = 0; i < d->nentries; i++) {
        kr_dict_entry *e = &d->entries[i];
        if (e->key) {
            kr_gc_mark(vm, e->key);
            kr_gc_mark(vm, e->value);
        }
    }
    kr_gc_mark(vm, d->attrs);
}

static void dict_finalize(kr_vm *vm, kr_object *o)
{
    kr_dict *d = (kr_dict *)o;
    kr_mem_free(vm, d->index);
    d->index = NULL;
    d->entries = NULL;
    d->used = d->nentries = d->usable = 0;
}

static kr_value dict_new_(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    return dict_alloc_type(vm, cls);
}

static int update_kwargs(kr_vm *vm, kr_value d, kr_value *kwvalues, kr_value kwnames)
{
    if (!kwnames)
        return 0;
    int64_t nk = kr_tuple_size(kwnames);
    for (int64_t i = 0; i < nk; i++)
        if (kr_dict_set(vm, d, kr_tuple_items(kwnames)[i], kwvalues[i]) < 0)
            return -1;
    return 0;
}

static int dict_update_common(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames,
                              const char *name)
{
    if (nargs > 1)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s expected at most 1 argument, got %d", name, nargs);
    if (nargs == 1 && kr_dict_update(vm, self, args[0]) < 0)
        return -1;
    return update_kwargs(vm, self, args + nargs, kwnames);
}

static int dict_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    return dict_update_common(vm, self, args, nargs, kwnames, "dict");
}

static kr_value dict_repr(kr_vm *vm, kr_value self)
{
    kr_dict *d = D(self);
    if (d->used == 0)
        return kr_str_from_cstr(vm, "{}");
    if (d->ob.flags & KR_REPR_BUSY)
        return kr_str_from_cstr(vm, "{...}");
    d->ob.flags |= KR_REPR_BUSY;
    kr_sb sb;
    kr_sb_init(&sb);
    kr_sb_append_char(&sb, '{');
    kr_value k = KR_NULL, v = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &k);
    kr_root_push(vm, &v);
    bool first = true;
    for (int64_t i = 0; i < d->nentries; i++) {
        if (!d->entries[i].key)
            continue;
        k = d->entries[i].key;
        v = d->entries[i].value;
        if (!first)
            kr_sb_append(&sb, ", ", 2);
        first = false;
        if (kr_sb_append_value(vm, &sb, k, true) < 0)
            goto fail;
        kr_sb_append(&sb, ": ", 2);
        if (kr_sb_append_value(vm, &sb, v, true) < 0)
            goto fail;
    }
    kr_root_reset(vm, m);
    kr_sb_append_char(&sb, '}');
    d->ob.flags &= ~KR_REPR_BUSY;
    return kr_sb_finish(vm, &sb);
fail:
    kr_root_reset(vm, m);
    d->ob.flags &= ~KR_REPR_BUSY;
    kr_sb_free(&sb);
    return KR_NULL;
}

/* a == b for dicts: same size and every (k, v) of a found in b with an equal value. 1/0/-1. */
static int dict_equal(kr_vm *vm, kr_value a, kr_value b)
{
    kr_dict *x = D(a), *y = D(b);
    if (x->used != y->used)
        return 0;
    kr_value k = KR_NULL, v = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &k);
    kr_root_push(vm, &v);
    int rc = 1;
    for (int64_t i = 0; i < x->nentries && rc == 1; i++) {
        kr_dict_entry *e = &x->entries[i];
        if (!e->key)
            continue;
        k = e->key;
        v = e->value;
        int64_t ix = dict_lookup(vm, y, k, e->hash);
        if (ix == IX_ERROR) {
            rc = -1;
        } else if (ix < 0) {
            rc = 0;
        } else {
            kr_value bv = y->entries[ix].value;
            if (bv != v) {
                kr_root_push(vm, &bv);
                int c = kr_eq(vm, v, bv);
                if (c <= 0)
                    rc = c;
            }
        }
    }
    kr_root_reset(vm, m);
    return rc;
}

static kr_value dict_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!kr_dict_check(vm, a) || !kr_dict_check(vm, b) || (op != KR_CMP_EQ && op != KR_CMP_NE))
        return KR_NOTIMPL;
    int r = a == b ? 1 : dict_equal(vm, a, b);
    if (r < 0)
        return KR_NULL;
    return kr_bool((r == 1) == (op == KR_CMP_EQ));
}

static int64_t dict_len(kr_vm *vm, kr_value self)
{
    (void)vm;
    return D(self)->used;
}

static int dict_bool(kr_vm *vm, kr_value self)
{
    (void)vm;
    return D(self)->used != 0;
}

static int dict_contains_slot(kr_vm *vm, kr_value self, kr_value key)
{
    return kr_dict_contains(vm, self, key);
}

static int dict_setitem(kr_vm *vm, kr_value self, kr_value key, kr_value value)
{
    if (!value)
        return kr_dict_del(vm, self, key);
    return kr_dict_set(vm, self, key, value);
}

static kr_value dict_or(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_dict_check(vm, a) || !kr_dict_check(vm, b))
        return KR_NOTIMPL;
    kr_value r = kr_dict_copy(vm, a);
    if (!r)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    int rc = kr_dict_update(vm, r, b);
    kr_root_reset(vm, m);
    return rc < 0 ? KR_NULL : r;
}

static kr_value dict_ior(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_dict_check(vm, a))
        return KR_NOTIMPL;
    if (kr_dict_update(vm, a, b) < 0)
        return KR_NULL;
    return a;
}

/* ================= views and iterators ================= */

typedef struct dict_view {
    kr_object ob;
    kr_value dict;
} dict_view;

enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS };

typedef struct dict_iter {
    kr_object ob;
    kr_value dict;  /* KR_NULL once exhausted */
    int64_t pos;    /* next entry to look at (reverse: counts down) */
    int64_t used;   /* the dict's size when created; -1 after a size-change error */
    int64_t len;    /* items left to produce */
    int kind;
} dict_iter;

static void view_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((dict_view *)o)->dict);
}

static void iter_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((dict_iter *)o)->dict);
}

static kr_value view_new(kr_vm *vm, kr_type *t, kr_value d)
{
    dict_view *v = kr_gc_alloc(vm, t, sizeof *v);
    if (!v)
        return KR_NULL;
    v->dict = d;
    return KR_VAL(v);
}

static kr_value dict_iter_new(kr_vm *vm, kr_value d, int kind, bool reverse)
{
    kr_type *t = reverse ? vm->t.dict_revkeyiter
                         : kind == KIND_KEYS ? vm->t.dict_keyiter
                         : kind == KIND_VALUES ? vm->t.dict_valueiter : vm->t.dict_itemiter;
    dict_iter *it = kr_gc_alloc(vm, t, sizeof *it);
    if (!it)
        return KR_NULL;
    it->dict = d;
    it->used = D(d)->used;
    it->len = D(d)->used;
    it->kind = kind;
    it->pos = reverse ? D(d)->nentries - 1 : 0;
    return KR_VAL(it);
}

static kr_value iter_result(kr_vm *vm, dict_iter *it, kr_dict_entry *e)
{
    if (it->kind == KIND_KEYS)
        return e->key;
    if (it->kind == KIND_VALUES)
        return e->value;
    return kr_tuple_pack(vm, 2, e->key, e->value);
}

/* The next entry of a forward iterator: NULL when exhausted or with the size-change RuntimeError. */
static kr_dict_entry *dict_iter_entry(kr_vm *vm, dict_iter *it)
{
    if (!it->dict)
        return NULL;
    kr_dict *d = D(it->dict);
    if (it->used != d->used) {
        it->used = -1;
        kr_raise(vm, KR_EXC(vm, RuntimeError), "dictionary changed size during iteration");
        return NULL;
    }
    int64_t i = it->pos;
    while (i < d->nentries && !d->entries[i].key)
        i++;
    if (i >= d->nentries) {
        it->dict = KR_NULL;
        return NULL;
    }
    it->pos = i + 1;
    if (it->len == 0) {
        it->dict = KR_NULL;
        kr_raise(vm, KR_EXC(vm, RuntimeError), "dictionary keys changed during iteration");
        return NULL;
    }
    it->len--;
    return &d->entries[i];
}

static kr_value dict_iter_next(kr_vm *vm, kr_value self)
{
    dict_iter *it = KR_AS(dict_iter, self);
    kr_dict_entry *e = dict_iter_entry(vm, it);
    return e ? iter_result(vm, it, e) : KR_NULL;
}

int kr_dict_itemiter_next_into(kr_vm *vm, kr_value self, kr_value *out)
{
    kr_dict_entry *e = dict_iter_entry(vm, KR_AS(dict_iter, self));
    if (!e)
        return kr_err_occurred(vm) ? -1 : 0;
    out[0] = e->key;
    out[1] = e->value;
    return 1;
}

static kr_value dict_reviter_next(kr_vm *vm, kr_value self)
{
    dict_iter *it = KR_AS(dict_iter, self);
    if (!it->dict)
        return KR_NULL;
    kr_dict *d = D(it->dict);
    if (it->used != d->used) {
        it->used = -1;
        return kr_raise(vm, KR_EXC(vm, RuntimeError), "dictionary changed size during iteration");
    }
    int64_t i = it->pos;
    if (i >= d->nentries)
        i = d->nentries - 1;
    while (i >= 0 && !d->entries[i].key)
        i--;
    if (i < 0 || it->len == 0) {
        it->dict = KR_NULL;
        return KR_NULL;
    }
    it->pos = i - 1;
    it->len--;
    return iter_result(vm, it, &d->entries[i]);
}

static kr_value iter_self(kr_vm *vm, kr_value self)
{
    (void)vm;
    return self;
}

static kr_value dict_iter_length_hint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    dict_iter *it = KR_AS(dict_iter, args[0]);
    int64_t n = it->dict && it->used == D(it->dict)->used ? it->len : 0;
    return kr_int_from_i64(vm, n);
}

static const kr_method_def dict_iter_methods[] = {
    {"__length_hint__", dict_iter_length_hint, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static kr_value dict_iter_slot(kr_vm *vm, kr_value self)
{
    return dict_iter_new(vm, self, KIND_KEYS, false);
}

static int view_kind(kr_vm *vm, kr_value v)
{
    kr_type *t = KR_OBJ(v)->type;
    return t == vm->t.dict_keys ? KIND_KEYS : t == vm->t.dict_values ? KIND_VALUES : KIND_ITEMS;
}

static bool is_view(kr_vm *vm, kr_value v, bool setlike)
{
    if (!kr_is_ptr(v))
        return false;
    kr_type *t = KR_OBJ(v)->type;
    return t == vm->t.dict_keys || t == vm->t.dict_items || (!setlike && t == vm->t.dict_values);
}

static kr_value view_iter(kr_vm *vm, kr_value self)
{
    return dict_iter_new(vm, KR_AS(dict_view, self)->dict, view_kind(vm, self), false);
}

static int64_t view_len(kr_vm *vm, kr_value self)
{
    (void)vm;
    return D(KR_AS(dict_view, self)->dict)->used;
}

static kr_value view_m_reversed(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return dict_iter_new(vm, KR_AS(dict_view, args[0])->dict, view_kind(vm, args[0]), true);
}

static kr_value view_repr(kr_vm *vm, kr_value self)
{
    kr_object *o = KR_OBJ(self);
    if (o->flags & KR_REPR_BUSY)
        return kr_str_from_cstr(vm, "...");
    kr_value l = kr_list_from_iterable(vm, self);
    if (!l)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &l);
    o->flags |= KR_REPR_BUSY;
    kr_value r = kr_repr(vm, l);
    o->flags &= ~KR_REPR_BUSY;
    kr_root_reset(vm, m);
    if (!r)
        return KR_NULL;
    return kr_str_fmt(vm, "%s(%s)", o->type->name_c, kr_str_data(r));
}

static int keys_contains(kr_vm *vm, kr_value self, kr_value key)
{
    return kr_dict_contains(vm, KR_AS(dict_view, self)->dict, key);
}

static int items_contains(kr_vm *vm, kr_value self, kr_value item)
{
    if (!kr_tuple_check(vm, item) || kr_tuple_size(item) != 2)
        return 0;
    kr_value d = KR_AS(dict_view, self)->dict;
    kr_value k = kr_tuple_items(item)[0];
    kr_value v = kr_dict_get(vm, d, k);
    if (!v)
        return kr_err_occurred(vm) ? -1 : 0;
    return kr_eq(vm, v, kr_tuple_items(item)[1]);
}

static int view_contains_any(kr_vm *vm, kr_value view, kr_value x)
{
    return view_kind(vm, view) == KIND_KEYS ? keys_contains(vm, view, x) : items_contains(vm, view, x);
}

/* Is every element of a (iterated) contained in b (`in`)? */
static int all_contained_in(kr_vm *vm, kr_value a, kr_value b)
{
    kr_value it = kr_iter(vm, a);
    if (!it)
        return -1;
    kr_value x = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_root_push(vm, &x);
    int rc = 1;
    for (;;) {
        x = kr_next(vm, it);
        if (!x) {
            if (kr_err_occurred(vm))
                rc = -1;
            break;
        }
        int c = kr_contains(vm, b, x);
        if (c <= 0) {
            rc = c;
            break;
        }
    }
    kr_root_reset(vm, m);
    return rc;
}

static kr_value view_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!(is_view(vm, a, true) || kr_anyset_check(vm, a)) || !(is_view(vm, b, true) || kr_anyset_check(vm, b)))
        return KR_NOTIMPL;
    int64_t la = kr_len(vm, a), lb = kr_len(vm, b);
    if (la < 0 || lb < 0)
        return KR_NULL;
    int r = 0;
    switch (op) {
    case KR_CMP_EQ:
    case KR_CMP_NE:
        r = la == lb ? all_contained_in(vm, a, b) : 0;
        break;
    case KR_CMP_LT:
        r = la < lb ? all_contained_in(vm, a, b) : 0;
        break;
    case KR_CMP_LE:
        r = la <= lb ? all_contained_in(vm, a, b) : 0;
        break;
    case KR_CMP_GT:
        r = la > lb ? all_contained_in(vm, b, a) : 0;
        break;
    case KR_CMP_GE:
        r = la >= lb ? all_contained_in(vm, b, a) : 0;
        break;
    }
    if (r < 0)
        return KR_NULL;
    if (op == KR_CMP_NE)
        r = !r;
    return kr_bool(r);
}

/* view OP other (either side may be the view): set(left) OP= right. */
static kr_value view_setop(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!is_view(vm, a, true) && !is_view(vm, b, true))
        return KR_NOTIMPL;
    kr_value s = kr_set_from_iterable(vm, vm->t.set, a);
    if (!s)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &s);
    int rc = kr_set_update_op(vm, s, b, op);
    kr_root_reset(vm, m);
    return rc < 0 ? KR_NULL : s;
}

static kr_value view_and(kr_vm *vm, kr_value a, kr_value b) { return view_setop(vm, a, b, KR_OP_AND); }
static kr_value view_or(kr_vm *vm, kr_value a, kr_value b) { return view_setop(vm, a, b, KR_OP_OR); }
static kr_value view_sub(kr_vm *vm, kr_value a, kr_value b) { return view_setop(vm, a, b, KR_OP_SUB); }
static kr_value view_xor(kr_vm *vm, kr_value a, kr_value b) { return view_setop(vm, a, b, KR_OP_XOR); }

static kr_value view_m_isdisjoint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "isdisjoint", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "isdisjoint() takes exactly one argument (%d given)", nargs - 1);
    kr_value it = kr_iter(vm, args[1]);
    if (!it)
        return KR_NULL;
    kr_value x = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_root_push(vm, &x);
    kr_value r = KR_TRUE;
    for (;;) {
        x = kr_next(vm, it);
        if (!x) {
            if (kr_err_occurred(vm))
                r = KR_NULL;
            break;
        }
        int c = view_contains_any(vm, args[0], x);
        if (c != 0) {
            r = c < 0 ? KR_NULL : KR_FALSE;
            break;
        }
    }
    kr_root_reset(vm, m);
    return r;
}

static kr_value view_get_mapping(kr_vm *vm, kr_value self)
{
    (void)vm;
    return KR_AS(dict_view, self)->dict;
}

static const kr_method_def keys_methods[] = {
    {"__reversed__", view_m_reversed, KR_METH_DEFAULT, NULL},
    {"isdisjoint", view_m_isdisjoint, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};
static const kr_method_def values_methods[] = {
    {"__reversed__", view_m_reversed, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};
static const kr_getset_def view_getsets[] = {
    {"mapping", view_get_mapping, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ================= dict methods ================= */

static int args_range(kr_vm *vm, const char *name, int nargs, int min, int max, kr_value kwnames)
{
    if (kr_args_no_kw(vm, name, kwnames) < 0)
        return -1;
    nargs--;
    if (nargs < min)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s expected at least %d argument%s, got %d", name, min,
                          min == 1 ? "" : "s", nargs);
    if (nargs > max)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s expected at most %d argument%s, got %d", name, max,
                          max == 1 ? "" : "s", nargs);
    return 0;
}

static kr_value dict_m_keys(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "dict.keys", nargs, kwnames) < 0)
        return KR_NULL;
    return view_new(vm, vm->t.dict_keys, args[0]);
}

static kr_value dict_m_values(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "dict.values", nargs, kwnames) < 0)
        return KR_NULL;
    return view_new(vm, vm->t.dict_values, args[0]);
}

static kr_value dict_m_items(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "dict.items", nargs, kwnames) < 0)
        return KR_NULL;
    return view_new(vm, vm->t.dict_items, args[0]);
}

static kr_value dict_m_get(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (args_range(vm, "get", nargs, 1, 2, kwnames) < 0)
        return KR_NULL;
    kr_value v = kr_dict_get(vm, args[0], args[1]);
    if (v)
        return v;
    if (kr_err_occurred(vm))
        return KR_NULL;
    return nargs == 3 ? args[2] : KR_NONE;
}

static kr_value dict_m_setdefault(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (args_range(vm, "setdefault", nargs, 1, 2, kwnames) < 0)
        return KR_NULL;
    return kr_dict_setdefault(vm, args[0], args[1], nargs == 3 ? args[2] : KR_NONE);
}

static kr_value dict_m_pop(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (args_range(vm, "pop", nargs, 1, 2, kwnames) < 0)
        return KR_NULL;
    kr_value v = kr_dict_pop(vm, args[0], args[1]);
    if (v || kr_err_occurred(vm))
        return v;
    if (nargs == 3)
        return args[2];
    return kr_raise_obj(vm, KR_EXC(vm, KeyError), args[1]);
}

static kr_value dict_m_popitem(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "dict.popitem", nargs, kwnames) < 0)
        return KR_NULL;
    kr_dict *d = D(args[0]);
    if (d->used == 0)
        return kr_raise(vm, KR_EXC(vm, KeyError), "popitem(): dictionary is empty");
    int64_t i = d->nentries - 1;
    while (!d->entries[i].key)
        i--;
    kr_value r = kr_tuple_pack(vm, 2, d->entries[i].key, d->entries[i].value);
    if (!r)
        return KR_NULL;
    delete_at(d, i);
    d->nentries = i; /* LIFO: the slot can be reused (the index slot is DUMMY, never pointing here) */
    d->usable++;
    return r;
}

static kr_value dict_m_update(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (dict_update_common(vm, args[0], args + 1, nargs - 1, kwnames, "update") < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value dict_m_clear(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "dict.clear", nargs, kwnames) < 0)
        return KR_NULL;
    kr_dict_clear(vm, args[0]);
    return KR_NONE;
}

static kr_value dict_m_copy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "dict.copy", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_dict_copy(vm, args[0]);
}

static kr_value dict_m_fromkeys(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (args_range(vm, "fromkeys", nargs, 1, 2, kwnames) < 0)
        return KR_NULL;
    kr_value value = nargs == 3 ? args[2] : KR_NONE;
    kr_value d = kr_call0(vm, args[0]);
    if (!d)
        return KR_NULL;
    kr_value it = KR_NULL, k = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &d);
    kr_root_push(vm, &it);
    kr_root_push(vm, &k);
    bool exact = kr_dict_check_exact(vm, d);
    it = kr_iter(vm, args[1]);
    kr_value r = it ? d : KR_NULL;
    while (it) {
        k = kr_next(vm, it);
        if (!k) {
            if (kr_err_occurred(vm))
                r = KR_NULL;
            break;
        }
        if ((exact ? kr_dict_set(vm, d, k, value) : kr_setitem(vm, d, k, value)) < 0) {
            r = KR_NULL;
            break;
        }
    }
    kr_root_reset(vm, m);
    return r;
}

static kr_value dict_m_contains(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "__contains__", nargs, kwnames) < 0)
        return KR_NULL;
    int r = kr_dict_contains(vm, args[0], args[1]);
    return r < 0 ? KR_NULL : kr_bool(r);
}

static kr_value dict_m_getitem(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "__getitem__", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_dict_getitem(vm, args[0], args[1]);
}

static kr_value dict_m_reversed(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "__reversed__", nargs, kwnames) < 0)
        return KR_NULL;
    return dict_iter_new(vm, args[0], KIND_KEYS, true);
}

static kr_value dict_m_class_getitem(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)vm;
    (void)nargs;
    (void)kwnames;
    return args[0];
}

static const kr_method_def dict_methods[] = {
    {"keys", dict_m_keys, KR_METH_DEFAULT, NULL},
    {"values", dict_m_values, KR_METH_DEFAULT, NULL},
    {"items", dict_m_items, KR_METH_DEFAULT, NULL},
    {"get", dict_m_get, KR_METH_DEFAULT, NULL},
    {"setdefault", dict_m_setdefault, KR_METH_DEFAULT, NULL},
    {"pop", dict_m_pop, KR_METH_DEFAULT, NULL},
    {"popitem", dict_m_popitem, KR_METH_DEFAULT, NULL},
    {"update", dict_m_update, KR_METH_DEFAULT, NULL},
    {"clear", dict_m_clear, KR_METH_DEFAULT, NULL},
    {"copy", dict_m_copy, KR_METH_DEFAULT, NULL},
    {"fromkeys", dict_m_fromkeys, KR_METH_CLASS, NULL},
    {"__contains__", dict_m_contains, KR_METH_DEFAULT, NULL},
    {"__getitem__", dict_m_getitem, KR_METH_DEFAULT, NULL},
    {"__reversed__", dict_m_reversed, KR_METH_DEFAULT, NULL},
    {"__class_getitem__", dict_m_class_getitem, KR_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static kr_type *new_view_type(kr_vm *vm, const char *name, size_t size)
{
    kr_type *t = kr_type_new_builtin(vm, name, vm->t.object, size, 0);
    t->trace = view_trace;
    t->hash = kr_hash_unhashable; /* dict_keys, dict_items; dict_values resets it */
    return t;
}

void kr_dict_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "dict", vm->t.object, sizeof(kr_dict), KR_TF_BASETYPE | KR_TF_DICT_SUBCLASS);
    vm->t.dict = t;
    t->attrs_offset = offsetof(kr_dict, attrs);
    t->methods = dict_methods;
    t->trace = dict_trace;
    t->finalize = dict_finalize;
    t->new_ = dict_new_;
    t->init = dict_init;
    t->repr = dict_repr;
    t->hash = kr_hash_unhashable;
    t->richcompare = dict_richcompare;
    t->iter = dict_iter_slot;
    t->len = dict_len;
    t->bool_ = dict_bool;
    t->getitem = kr_dict_getitem;
    t->setitem = dict_setitem;
    t->contains = dict_contains_slot;
    t->binop[KR_OP_OR] = dict_or;
    t->inplace[KR_OP_OR] = dict_ior;

    kr_type *k = new_view_type(vm, "dict_keys", sizeof(dict_view));
    vm->t.dict_keys = k;
    kr_type *it = new_view_type(vm, "dict_items", sizeof(dict_view));
    vm->t.dict_items = it;
    kr_type *views[2] = {k, it};
    for (int i = 0; i < 2; i++) {
        kr_type *v = views[i];
        v->methods = keys_methods;
        v->getsets = view_getsets;
        v->repr = view_repr;
        v->iter = view_iter;
        v->len = view_len;
        v->richcompare = view_richcompare;
        v->contains = i == 0 ? keys_contains : items_contains;
        v->binop[KR_OP_AND] = view_and;
        v->binop[KR_OP_OR] = view_or;
        v->binop[KR_OP_SUB] = view_sub;
        v->binop[KR_OP_XOR] = view_xor;
    }
    kr_type *vals = new_view_type(vm, "dict_values", sizeof(dict_view));
    vm->t.dict_values = vals;
    vals->hash = NULL; /* hashable by identity, as CPython's dict_values (inherits object's hash) */
    vals->methods = values_methods;
    vals->getsets = view_getsets;
    vals->repr = view_repr;
    vals->iter = view_iter;
    vals->len = view_len;

    const char *names[4] = {"dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "dict_reversekeyiterator"};
    kr_type **slots[4] = {&vm->t.dict_keyiter, &vm->t.dict_valueiter, &vm->t.dict_itemiter, &vm->t.dict_revkeyiter};
    for (int i = 0; i < 4; i++) {
        kr_type *x = kr_type_new_builtin(vm, names[i], vm->t.object, sizeof(dict_iter), 0);
        *slots[i] = x;
        x->methods = dict_iter_methods;
        x->trace = iter_trace;
        x->iter = iter_self;
        x->next = i == 3 ? dict_reviter_next : dict_iter_next;
    }
}
