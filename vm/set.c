/* set.c: set, frozenset and their iterator.
 *
 * An open-addressing hash table of (key, hash) entries: key KR_NULL = never used, KR_UNBOUND = deleted
 * (dummy; KR_UNBOUND is an internal marker that is never a user value). Probing, growth and the way the
 * set operations build their results are CPython's (setobject.c), so that sets iterate, and print, in
 * the same order as CPython's for the same operations on keys with the same hashes (ints, floats,
 * tuples of them): from hash & mask, LINEAR_PROBES further slots when they fit before the end of the
 * table, then the perturbation step. Invariants: used <= fill (live + dummy) and fill * 5 < mask * 3
 * after every insertion into an empty slot, so every probe sequence reaches an empty slot; table is NULL
 * when size is 0 (CPython's empty table of MIN_SIZE). `mods` changes on every structural change; a lookup whose key comparison ran Python
 * code restarts if mods changed meanwhile. A frozenset is never mutated once it has escaped (the in-place
 * helpers are applied to fresh frozensets only), which makes caching its hash safe. */
#include "set.h"

#include <string.h>

#include "init.h"
#include "list.h"
#include "tuple.h"

#define DUMMY KR_UNBOUND
#define MIN_SIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct set_entry {
    kr_value key;
    int64_t hash;
} set_entry;

typedef struct kr_set {
    kr_object ob;
    int64_t used;    /* live keys */
    int64_t fill;    /* live + dummy slots */
    int64_t size;    /* slots (power of two) or 0 */
    set_entry *table;
    uint64_t mods;
    int64_t hash;    /* frozenset: -1 until computed */
    int64_t finger;  /* where pop() resumes its search */
    bool mixed;      /* a key that is not a small int was stored since the table was last emptied */
    kr_value attrs;  /* subclass instance attributes or KR_NULL */
    /* Membership of the small ints SMALL_LO .. SMALL_LO + 255 among the live keys, kept exact at every
     * insertion, deletion and table replacement. While the set is not mixed (only small ints, which
     * equal nothing but themselves), `n in s`, a repeated add and a remove of an absent n are answered
     * from it without probing: the probe sequences of nearby ints, and the dummies their removal
     * leaves, run long (nqueens' diagonals), while the table itself, and so the iteration order,
     * stays CPython's. */
    uint64_t small_bits[4];
} kr_set;

#define SMALL_LO (-64)

/* The bit of key in small_bits, or -1 when key is not a small int in range. */
static inline int small_bit(kr_value key)
{
    if (!kr_is_small(key))
        return -1;
    uint64_t i = (uint64_t)(kr_small_val(key) - SMALL_LO);
    return i < 256 ? (int)i : -1;
}
static inline void bits_note(kr_set *s, kr_value key, bool present)
{
    int b = small_bit(key);
    if (b < 0)
        return;
    if (present)
        s->small_bits[b >> 6] |= (uint64_t)1 << (b & 63);
    else
        s->small_bits[b >> 6] &= ~((uint64_t)1 << (b & 63));
}
/* 1 present, 0 absent, -1 unknown (a mixed set, or key out of the bitmap's range) */
static inline int bits_lookup(const kr_set *s, kr_value key)
{
    int b = small_bit(key);
    if (b < 0 || s->mixed)
        return -1;
    return (int)((s->small_bits[b >> 6] >> (b & 63)) & 1);
}

#define S(v) KR_AS(kr_set, v)

static inline bool is_exact_str(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.str;
}

static inline int64_t key_hash(kr_vm *vm, kr_value key)
{
    if (is_exact_str(vm, key)) {
        int64_t h = KR_AS(kr_str, key)->hash;
        return h != -1 ? h : kr_str_hash(vm, key);
    }
    if (kr_is_small(key)) {
        const uint64_t P = ((uint64_t)1 << 61) - 1;
        int64_t v = kr_small_val(key);
        if (v > -(int64_t)P && v < (int64_t)P) /* hash(n) is n itself below the modulus (-1 -> -2) */
            return v == -1 ? -2 : v;
        uint64_t a = (v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v) % P;
        int64_t h = v < 0 ? -(int64_t)a : (int64_t)a;
        return h == -1 ? -2 : h;
    }
    return kr_hash(vm, key);
}

bool kr_anyset_check(kr_vm *vm, kr_value v)
{
    if (!kr_is_ptr(v))
        return false;
    kr_type *t = KR_OBJ(v)->type;
    return t == vm->t.set || t == vm->t.frozenset || kr_type_is_subtype(t, vm->t.set) ||
           kr_type_is_subtype(t, vm->t.frozenset);
}

bool kr_frozenset_check(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && (KR_OBJ(v)->type == vm->t.frozenset || kr_type_is_subtype(KR_OBJ(v)->type, vm->t.frozenset));
}

static bool set_check_mutable(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && (KR_OBJ(v)->type == vm->t.set || kr_type_is_subtype(KR_OBJ(v)->type, vm->t.set));
}

int64_t kr_set_size(kr_value s) { return S(s)->used; }

bool kr_set_next(kr_value sv, int64_t *pos, kr_value *key)
{
    kr_set *s = S(sv);
    for (int64_t i = *pos; i < s->size; i++) {
        kr_value k = s->table[i].key;
        if (k && k != DUMMY) {
            *pos = i + 1;
            *key = k;
            return true;
        }
    }
    *pos = s->size;
    return false;
}

/* ---- table ---- */

/* The probe sequence of a hash: runs of 1 + LINEAR_PROBES adjacent slots (a single slot when the run
 * would pass the end of the table), each run starting from the previous start by the perturbation step. */
typedef struct probe {
    uint64_t start, mask, perturb;
    int off, run;
} probe;

static inline void probe_start(probe *p, int64_t hash, uint64_t mask)
{
    p->mask = mask;
    p->perturb = (uint64_t)hash;
    p->start = (uint64_t)hash & mask;
    p->off = 0;
    p->run = p->start + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
}

static inline uint64_t probe_slot(const probe *p) { return p->start + (uint64_t)p->off; }

static inline void probe_next(probe *p)
{
    if (p->off < p->run) {
        p->off++;
        return;
    }
    p->perturb >>= PERTURB_SHIFT;
    p->start = (p->start * 5 + 1 + p->perturb) & p->mask;
    p->off = 0;
    p->run = p->start + LINEAR_PROBES <= p->mask ? LINEAR_PROBES : 0;
}

/* The table's mask; an empty set (no table) behaves as CPython's empty table of MIN_SIZE slots. */
static inline uint64_t set_mask(const kr_set *s) { return (uint64_t)(s->size ? s->size : MIN_SIZE) - 1; }

/* The slot of key, -1 if absent, -2 on error. */
/* The probe of a small int key (s has a table). A small int equals only itself among small ints (one
 * word each), so this compares words only and runs no Python code: the slot holding key (>= 0); or -1,
 * absent, with *free (if given) the slot an insertion takes, the last dummy before the first empty slot
 * or else that empty slot (CPython's set_add_entry); or -3 when an entry of the same hash is another
 * object (3.0 == 3), which the general lookup must compare. A tight loop over each run of slots: sets of
 * nearby ints form long runs (nqueens' diagonals). */
static int64_t small_probe(const kr_set *s, kr_value key, int64_t hash, uint64_t *free)
{
    const set_entry *t = s->table;
    uint64_t mask = (uint64_t)s->size - 1, perturb = (uint64_t)hash, start = (uint64_t)hash & mask;
    int64_t dummy = -1;
    if (!s->mixed && !free) {
        /* only small ints (and dummies) in the table: a membership test compares words and stops at
         * the first empty slot */
        for (;;) {
            uint64_t end = start + LINEAR_PROBES <= mask ? start + LINEAR_PROBES : start;
            for (uint64_t j = start; j <= end; j++) {
                kr_value k = t[j].key;
                if (k == key)
                    return (int64_t)j;
                if (!k)
                    return -1;
            }
            perturb >>= PERTURB_SHIFT;
            start = (start * 5 + 1 + perturb) & mask;
        }
    }
    for (;;) {
        uint64_t end = start + LINEAR_PROBES <= mask ? start + LINEAR_PROBES : start;
        for (uint64_t j = start; j <= end; j++) {
            kr_value k = t[j].key;
            if (k == key)
                return (int64_t)j;
            if (!k) {
                if (free)
                    *free = dummy >= 0 ? (uint64_t)dummy : j;
                return -1;
            }
            if (k == DUMMY)
                dummy = (int64_t)j;
            else if (t[j].hash == hash && !kr_is_small(k))
                return -3;
        }
        perturb >>= PERTURB_SHIFT;
        start = (start * 5 + 1 + perturb) & mask;
    }
}

static int64_t set_lookup(kr_vm *vm, kr_set *s, kr_value key, int64_t hash)
{
    if (!s->table)
        return -1;
    if (kr_is_small(key)) {
        int64_t r = small_probe(s, key, hash, NULL);
        if (r != -3)
            return r;
    }
    probe p;
restart:
    if (!s->table)
        return -1;
    bool key_is_str = is_exact_str(vm, key);
    for (probe_start(&p, hash, (uint64_t)s->size - 1);; probe_next(&p)) {
        uint64_t i = probe_slot(&p);
        set_entry *e = &s->table[i];
        if (!e->key)
            return -1;
        if (e->key == key)
            return (int64_t)i;
        if (e->key != DUMMY && e->hash == hash) {
            kr_value startkey = e->key;
            if (key_is_str && is_exact_str(vm, startkey)) {
                if (kr_str_equal(startkey, key))
                    return (int64_t)i;
            } else if (kr_is_small(key) && kr_is_small(startkey)) {
                /* equal small ints are the same word: these differ (e.g. -1 and -2 share a hash) */
            } else {
                uint64_t mods = s->mods;
                size_t m = kr_root_mark(vm);
                kr_root_push(vm, &startkey);
                int cmp = kr_eq(vm, startkey, key);
                kr_root_reset(vm, m);
                if (cmp < 0)
                    return -2;
                if (s->mods != mods || s->table[i].key != startkey)
                    goto restart;
                if (cmp)
                    return (int64_t)i;
            }
        }
    }
}

/* Where an absent key goes: the last dummy on its probe sequence before the first empty slot, else that
 * empty slot (CPython's set_add_entry). */
static uint64_t free_slot(kr_set *s, int64_t hash)
{
    probe p;
    int64_t dummy = -1;
    for (probe_start(&p, hash, (uint64_t)s->size - 1);; probe_next(&p)) {
        uint64_t i = probe_slot(&p);
        if (!s->table[i].key)
            return dummy >= 0 ? (uint64_t)dummy : i;
        if (s->table[i].key == DUMMY)
            dummy = (int64_t)i;
    }
}

static int set_resize(kr_vm *vm, kr_set *s, int64_t minused)
{
    int64_t size = MIN_SIZE;
    while (size <= minused)
        size <<= 1;
    set_entry *nt = kr_mem_zalloc(vm, (size_t)size * sizeof(set_entry));
    if (!nt)
        return -1;
    set_entry *old = s->table;
    int64_t oldsize = s->size;
    s->table = nt;
    s->size = size;
    s->fill = s->used;
    for (int64_t i = 0; i < oldsize; i++) {
        if (old[i].key && old[i].key != DUMMY)
            nt[free_slot(s, old[i].hash)] = old[i];
    }
    kr_mem_free(vm, old);
    s->mods++;
    return 0;
}

/* Insert an absent key at slot i, the one free_slot gives (no Python code ran since the lookup). */
static int insert_at(kr_vm *vm, kr_set *s, uint64_t i, kr_value key, int64_t hash)
{
    bool was_empty = !s->table[i].key;
    if (!kr_is_small(key))
        s->mixed = true;
    s->table[i].key = key;
    s->table[i].hash = hash;
    bits_note(s, key, true);
    kr_gc_barrier(vm, &s->ob, key);
    s->used++;
    s->mods++;
    if (!was_empty) /* a dummy reused: no growth */
        return 0;
    s->fill++;
    if (s->fill * 5 >= (s->size - 1) * 3)
        return set_resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
    return 0;
}

/* Insert a key known to be absent (no Python code ran since the lookup). */
static int insert_new(kr_vm *vm, kr_set *s, kr_value key, int64_t hash)
{
    if (!s->table && set_resize(vm, s, 0) < 0)
        return -1;
    return insert_at(vm, s, free_slot(s, hash), key, hash);
}

static int set_add_hashed(kr_vm *vm, kr_set *s, kr_value key, int64_t hash)
{
    if (bits_lookup(s, key) == 1)
        return 0;
    if (kr_is_small(key) && s->table) {
        /* one probe finds the key or its slot */
        uint64_t slot;
        int64_t r = small_probe(s, key, hash, &slot);
        if (r >= 0)
            return 0;
        if (r == -1)
            return insert_at(vm, s, slot, key, hash);
    }
    int64_t i = set_lookup(vm, s, key, hash);
    if (i == -2)
        return -1;
    if (i >= 0)
        return 0;
    return insert_new(vm, s, key, hash);
}

int kr_set_add(kr_vm *vm, kr_value set, kr_value key)
{
    int64_t hash = key_hash(vm, key);
    if (hash == -1)
        return -1;
    return set_add_hashed(vm, S(set), key, hash);
}

/* Finds key for lookup/removal: its index, -1 when absent, -2 on error. An unhashable set is looked
 * up as the equal frozenset (CPython); only that temporary needs rooting, so the common case (a
 * hashable key) pushes no root. */
static int64_t find_key(kr_vm *vm, kr_set *s, kr_value key)
{
    if (kr_is_small(key)) { /* the common `n in s`: straight to the word probe */
        if (!s->table || bits_lookup(s, key) == 0)
            return -1;
        int64_t r = small_probe(s, key, key_hash(vm, key), NULL);
        if (r != -3)
            return r;
    }
    int64_t hash = key_hash(vm, key);
    if (hash != -1)
        return set_lookup(vm, s, key, hash);
    if (!set_check_mutable(vm, key) || !kr_err_matches(vm, KR_EXC(vm, TypeError)))
        return -2;
    kr_err_clear(vm);
    kr_value tmp = kr_set_from_iterable(vm, vm->t.frozenset, key);
    if (!tmp)
        return -2;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &tmp);
    hash = key_hash(vm, tmp);
    int64_t i = hash == -1 ? -2 : set_lookup(vm, s, tmp, hash);
    kr_root_reset(vm, m);
    return i;
}

int kr_set_contains(kr_vm *vm, kr_value set, kr_value key)
{
    int known = bits_lookup(S(set), key);
    if (known >= 0)
        return known;
    int64_t i = find_key(vm, S(set), key);
    return i == -2 ? -1 : i >= 0;
}

static void delete_slot(kr_set *s, int64_t i)
{
    bits_note(s, s->table[i].key, false);
    s->table[i].key = DUMMY;
    s->table[i].hash = -1;
    s->used--;
    s->mods++;
}

int kr_set_discard(kr_vm *vm, kr_value set, kr_value key)
{
    int64_t i = find_key(vm, S(set), key);
    if (i < 0)
        return i == -2 ? -1 : 0;
    delete_slot(S(set), i);
    return 1;
}

int kr_set_clear(kr_vm *vm, kr_value set)
{
    kr_set *s = S(set);
    kr_mem_free(vm, s->table);
    s->table = NULL;
    s->size = s->used = s->fill = 0;
    s->mixed = false;
    memset(s->small_bits, 0, sizeof s->small_bits);
    s->mods++;
    return 0;
}

static kr_value set_alloc(kr_vm *vm, kr_type *cls)
{
    size_t size = cls->instance_size >= sizeof(kr_set) ? cls->instance_size : sizeof(kr_set);
    kr_set *s = kr_gc_alloc(vm, cls, size);
    if (!s)
        return KR_NULL;
    s->hash = -1;
    return KR_VAL(s);
}

kr_value kr_set_new(kr_vm *vm, bool frozen)
{
    return set_alloc(vm, frozen ? vm->t.frozenset : vm->t.set);
}

int64_t kr_set_table_size(kr_value set) { return S(set)->size; }

kr_value kr_frozenset_from_layout(kr_vm *vm, int64_t size, int64_t n, const int64_t *slots, const kr_value *keys)
{
    if (n < 0 || (n > 0 && (size < MIN_SIZE || (size & (size - 1)) != 0 || n >= size || size > ((int64_t)1 << 40))))
        return kr_raise(vm, KR_EXC(vm, ValueError), "bad frozenset layout");
    kr_value fs = set_alloc(vm, vm->t.frozenset);
    if (!fs || n == 0)
        return fs;
    kr_set *s = S(fs);
    s->table = kr_mem_zalloc(vm, (size_t)size * sizeof(set_entry));
    if (!s->table)
        return KR_NULL;
    s->size = size;
    for (int64_t i = 0; i < n; i++) {
        int64_t hash = key_hash(vm, keys[i]);
        if (hash == -1)
            return KR_NULL;
        if (slots[i] < 0 || slots[i] >= size || s->table[slots[i]].key)
            return kr_raise(vm, KR_EXC(vm, ValueError), "bad frozenset layout");
        s->table[slots[i]].key = keys[i];
        s->mixed |= !kr_is_small(keys[i]);
        bits_note(s, keys[i], true);
        s->table[slots[i]].hash = hash;
        s->used = s->fill = i + 1;
    }
    return fs;
}

/* Makes room before n keys are added at once (CPython's set_merge and set_update_dict): one resize to
 * twice the final count if they would pass the load limit, else at least the minimal table. */
static int set_presize(kr_vm *vm, kr_set *s, int64_t n)
{
    if ((uint64_t)(s->fill + n) * 5 >= set_mask(s) * 3)
        return set_resize(vm, s, (s->used + n) * 2);
    return s->table ? 0 : set_resize(vm, s, 0);
}

/* Add every element of iterable. */
static int set_update_iter(kr_vm *vm, kr_value set, kr_value other)
{
    kr_set *s = S(set);
    if (kr_anyset_check(vm, other)) {
        kr_set *o = S(other);
        if (s == o || o->used == 0)
            return 0;
        if (set_presize(vm, s, o->used) < 0)
            return -1;
        if (s->fill == 0) {
            /* into an empty table: the same layout when the sizes match and o has no dummies, else each
             * key straight into its free slot; no comparisons, no Python code */
            if (s->size == o->size && o->fill == o->used) {
                memcpy(s->table, o->table, (size_t)o->size * sizeof(set_entry));
            } else {
                for (int64_t i = 0; i < o->size; i++)
                    if (o->table[i].key && o->table[i].key != DUMMY)
                        s->table[free_slot(s, o->table[i].hash)] = o->table[i];
            }
            s->fill = s->used = o->used;
            s->mixed |= o->mixed;
            memcpy(s->small_bits, o->small_bits, sizeof s->small_bits); /* s was empty: o's keys exactly */
            s->mods++;
            kr_gc_barrier_all(vm, &s->ob);
            return 0;
        }
        kr_value k = KR_NULL;
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &k);
        int rc = 0;
        for (int64_t i = 0; i < o->size && rc == 0; i++) {
            k = o->table[i].key;
            if (k && k != DUMMY)
                rc = set_add_hashed(vm, s, k, o->table[i].hash);
        }
        kr_root_reset(vm, m);
        return rc;
    }
    if (kr_is_ptr(other) && KR_OBJ(other)->type == vm->t.dict) {
        if (set_presize(vm, s, kr_dict_size(other)) < 0)
            return -1;
        int64_t pos = 0;
        kr_value k = KR_NULL;
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &k);
        int rc = 0;
        while (rc == 0 && kr_dict_next(other, &pos, &k, NULL))
            rc = kr_set_add(vm, set, k);
        kr_root_reset(vm, m);
        return rc;
    }
    kr_value it = kr_iter(vm, other);
    if (!it)
        return -1;
    kr_value x = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_root_push(vm, &x);
    int rc = 0;
    for (;;) {
        x = kr_next(vm, it);
        if (!x) {
            if (kr_err_occurred(vm))
                rc = -1;
            break;
        }
        if (kr_set_add(vm, set, x) < 0) {
            rc = -1;
            break;
        }
    }
    kr_root_reset(vm, m);
    return rc;
}

kr_value kr_set_from_iterable(kr_vm *vm, kr_type *cls, kr_value iterable)
{
    kr_value s = set_alloc(vm, cls);
    if (!s || !iterable)
        return s;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &s);
    int rc = set_update_iter(vm, s, iterable);
    kr_root_reset(vm, m);
    return rc < 0 ? KR_NULL : s;
}

/* Replace a's table by b's (b is a fresh temporary that is then left empty). */
static void set_swap_in(kr_vm *vm, kr_value a, kr_value b)
{
    kr_set *x = S(a), *y = S(b);
    kr_mem_free(vm, x->table);
    x->table = y->table;
    x->size = y->size;
    x->used = y->used;
    x->fill = y->fill;
    x->mixed = y->mixed;
    memcpy(x->small_bits, y->small_bits, sizeof x->small_bits);
    memset(y->small_bits, 0, sizeof y->small_bits);
    x->mods++;
    x->finger = 0;
    x->hash = -1;
    y->table = NULL;
    y->size = y->used = y->fill = 0;
    kr_gc_barrier_all(vm, &x->ob); /* b's keys are new references of a */
}

/* a & b for two sets, as a new set of cls: the smaller one's keys (b's when the sizes are equal) that
 * the other holds, in that order (CPython's set_intersection). */
static kr_value set_intersection(kr_vm *vm, kr_type *cls, kr_value a, kr_value b)
{
    if (a == b)
        return kr_set_from_iterable(vm, cls, a);
    kr_value big = a, small = b;
    if (S(b)->used > S(a)->used) {
        big = b;
        small = a;
    }
    kr_value r = set_alloc(vm, cls), k = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    kr_root_push(vm, &k);
    for (int64_t i = 0; r && i < S(small)->size; i++) {
        k = S(small)->table[i].key;
        if (!k || k == DUMMY)
            continue;
        int64_t hash = S(small)->table[i].hash;
        int64_t j = set_lookup(vm, S(big), k, hash);
        if (j == -2 || (j >= 0 && set_add_hashed(vm, S(r), k, hash) < 0))
            r = KR_NULL;
    }
    kr_root_reset(vm, m);
    return r;
}

/* so & other for any iterable other, as a new set of cls: for a set, set_intersection; else other's
 * items that so holds, in other's order, stopping once all of so's are found (CPython). */
static kr_value set_and_new(kr_vm *vm, kr_type *cls, kr_value so, kr_value other)
{
    if (kr_anyset_check(vm, other))
        return set_intersection(vm, cls, so, other);
    kr_value r = set_alloc(vm, cls), it = KR_NULL, x = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    kr_root_push(vm, &it);
    kr_root_push(vm, &x);
    it = r ? kr_iter(vm, other) : KR_NULL;
    if (!it)
        r = KR_NULL;
    while (r && (x = kr_next(vm, it)) != KR_NULL) {
        int64_t hash = key_hash(vm, x);
        int64_t j = hash == -1 ? -2 : set_lookup(vm, S(so), x, hash);
        if (j == -2 || (j >= 0 && set_add_hashed(vm, S(r), x, hash) < 0))
            r = KR_NULL;
        else if (S(r)->used >= S(so)->used)
            break;
    }
    if (r && !x && kr_err_occurred(vm))
        r = KR_NULL;
    kr_root_reset(vm, m);
    return r;
}

/* After removals: a table more than a quarter dummies is rebuilt (CPython's difference_update). */
static int set_purge_dummies(kr_vm *vm, kr_set *s)
{
    if (!s->table || (uint64_t)(s->fill - s->used) <= set_mask(s) / 4)
        return 0;
    return set_resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

int kr_set_update_op(kr_vm *vm, kr_value set, kr_value other, int op)
{
    if (op == KR_OP_OR)
        return set_update_iter(vm, set, other);
    kr_value tmp = KR_NULL, x = KR_NULL, it = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &tmp);
    kr_root_push(vm, &x);
    kr_root_push(vm, &it);
    int rc = 0;
    if (op == KR_OP_AND) {
        tmp = set_and_new(vm, vm->t.set, set, other);
        if (!tmp)
            rc = -1;
        else
            set_swap_in(vm, set, tmp);
    } else if (op == KR_OP_SUB) {
        if (other == set) {
            kr_set_clear(vm, set);
        } else {
            /* removing the keys of a much larger set: only the common ones matter */
            if (kr_anyset_check(vm, other) && (S(other)->used >> 3) > S(set)->used) {
                tmp = set_intersection(vm, vm->t.set, set, other);
                other = tmp;
            }
            it = other ? kr_iter(vm, other) : KR_NULL;
            if (!it)
                rc = -1;
            while (rc == 0) {
                x = kr_next(vm, it);
                if (!x) {
                    if (kr_err_occurred(vm))
                        rc = -1;
                    break;
                }
                if (kr_set_discard(vm, set, x) < 0)
                    rc = -1;
            }
            if (rc == 0)
                rc = set_purge_dummies(vm, S(set));
        }
    } else { /* XOR */
        if (other == set) {
            kr_set_clear(vm, set);
        } else {
            tmp = kr_anyset_check(vm, other) ? other : kr_set_from_iterable(vm, vm->t.set, other);
            if (!tmp)
                rc = -1;
            int64_t pos = 0;
            while (rc == 0 && kr_set_next(tmp, &pos, &x)) {
                int64_t hash = key_hash(vm, x);
                int64_t i = hash == -1 ? -2 : set_lookup(vm, S(set), x, hash);
                if (i == -2)
                    rc = -1;
                else if (i >= 0)
                    delete_slot(S(set), i);
                else
                    rc = insert_new(vm, S(set), x, hash);
            }
        }
    }
    S(set)->hash = -1;
    kr_root_reset(vm, m);
    return rc;
}

/* ================= slots ================= */

static void set_trace(kr_vm *vm, kr_object *o)
{
    kr_set *s = (kr_set *)o;
    for (int64_t i = 0; i < s->size; i++) {
        kr_value k = s->table[i].key;
        if (k && k != DUMMY)
            kr_gc_mark(vm, k);
    }
    kr_gc_mark(vm, s->attrs);
}

static void set_finalize(kr_vm *vm, kr_object *o)
{
    kr_set *s = (kr_set *)o;
    kr_mem_free(vm, s->table);
    s->table = NULL;
    s->size = s->used = s->fill = 0;
}

static kr_value set_new_(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    return set_alloc(vm, cls);
}

static int set_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames) > 0 && KR_OBJ(self)->type == vm->t.set)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "set() takes no keyword arguments");
    if (nargs > 1)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "set expected at most 1 argument, got %d", nargs);
    if (S(self)->fill)
        kr_set_clear(vm, self);
    return nargs ? set_update_iter(vm, self, args[0]) : 0;
}

static kr_value frozenset_new_(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames) > 0 && cls == vm->t.frozenset)
        return kr_raise(vm, KR_EXC(vm, TypeError), "frozenset() takes no keyword arguments");
    if (nargs > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "frozenset expected at most 1 argument, got %d", nargs);
    if (nargs == 1 && cls == vm->t.frozenset && kr_is_ptr(args[0]) && KR_OBJ(args[0])->type == vm->t.frozenset)
        return args[0];
    return kr_set_from_iterable(vm, cls, nargs ? args[0] : KR_NULL);
}

static kr_value set_repr(kr_vm *vm, kr_value self)
{
    kr_set *s = S(self);
    kr_type *t = s->ob.type;
    bool plain = t == vm->t.set;
    if (s->used == 0)
        return kr_str_fmt(vm, "%s()", t->name_c);
    if (s->ob.flags & KR_REPR_BUSY)
        return kr_str_fmt(vm, "%s(...)", t->name_c);
    /* Snapshot the keys: repr of an element may run Python code. */
    kr_value keys = kr_list_new(vm, s->used);
    if (!keys)
        return KR_NULL;
    int64_t pos = 0;
    kr_value k;
    while (kr_set_next(self, &pos, &k))
        KR_AS(kr_list, keys)->items[KR_AS(kr_list, keys)->size++] = k;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &keys);
    s->ob.flags |= KR_REPR_BUSY;
    kr_sb sb;
    kr_sb_init(&sb);
    if (!plain) {
        kr_sb_append_cstr(&sb, t->name_c);
        kr_sb_append_char(&sb, '(');
    }
    kr_sb_append_char(&sb, '{');
    for (int64_t i = 0; i < kr_list_size(keys); i++) {
        if (i)
            kr_sb_append(&sb, ", ", 2);
        if (kr_sb_append_value(vm, &sb, kr_list_items(keys)[i], true) < 0) {
            s->ob.flags &= ~KR_REPR_BUSY;
            kr_root_reset(vm, m);
            kr_sb_free(&sb);
            return KR_NULL;
        }
    }
    kr_sb_append_char(&sb, '}');
    if (!plain)
        kr_sb_append_char(&sb, ')');
    s->ob.flags &= ~KR_REPR_BUSY;
    kr_root_reset(vm, m);
    return kr_sb_finish(vm, &sb);
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static int64_t frozenset_hash(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_set *s = S(self);
    if (s->hash != -1)
        return s->hash;
    uint64_t hash = 0;
    for (int64_t i = 0; i < s->size; i++) {
        kr_value k = s->table[i].key;
        if (k && k != DUMMY)
            hash ^= shuffle_bits((uint64_t)s->table[i].hash);
    }
    hash ^= ((uint64_t)s->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    s->hash = (int64_t)hash;
    return s->hash;
}

/* Is every element of a in b? (both sets) */
static int set_issubset_sets(kr_vm *vm, kr_value a, kr_value b)
{
    if (S(a)->used > S(b)->used)
        return 0;
    kr_value k = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &k);
    int rc = 1;
    for (int64_t i = 0; i < S(a)->size && rc == 1; i++) {
        k = S(a)->table[i].key;
        if (!k || k == DUMMY)
            continue;
        int64_t j = set_lookup(vm, S(b), k, S(a)->table[i].hash);
        rc = j == -2 ? -1 : j >= 0;
        if (i >= S(a)->size)
            break;
    }
    kr_root_reset(vm, m);
    return rc;
}

static kr_value set_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!kr_anyset_check(vm, a) || !kr_anyset_check(vm, b))
        return KR_NOTIMPL;
    int64_t la = S(a)->used, lb = S(b)->used;
    int r;
    switch (op) {
    case KR_CMP_EQ:
    case KR_CMP_NE:
        if (la != lb)
            r = 0;
        else if (kr_frozenset_check(vm, a) && kr_frozenset_check(vm, b) && S(a)->hash != -1 && S(b)->hash != -1 &&
                 S(a)->hash != S(b)->hash)
            r = 0;
        else
            r = set_issubset_sets(vm, a, b);
        if (r >= 0 && op == KR_CMP_NE)
            r = !r;
        break;
    case KR_CMP_LE: r = set_issubset_sets(vm, a, b); break;
    case KR_CMP_LT: r = la < lb ? set_issubset_sets(vm, a, b) : 0; break;
    case KR_CMP_GE: r = set_issubset_sets(vm, b, a); break;
    default: r = la > lb ? set_issubset_sets(vm, b, a) : 0; break;
    }
    if (r < 0)
        return KR_NULL;
    return kr_bool(r);
}

static int64_t set_len(kr_vm *vm, kr_value self)
{
    (void)vm;
    return S(self)->used;
}

static int set_bool(kr_vm *vm, kr_value self)
{
    (void)vm;
    return S(self)->used != 0;
}

/* The result type of an operation on a: its base (set or frozenset), as CPython. */
static kr_type *result_type(kr_vm *vm, kr_value a)
{
    return kr_frozenset_check(vm, a) ? vm->t.frozenset : vm->t.set;
}

static kr_value set_copy_as(kr_vm *vm, kr_type *cls, kr_value src)
{
    return kr_set_from_iterable(vm, cls, src);
}

/* so - other as a new set of cls (CPython's set_difference): for a set or dict not much smaller than so,
 * so's keys that other lacks in so's order; else a copy of so with other's keys removed. */
static kr_value set_sub_new(kr_vm *vm, kr_type *cls, kr_value so, kr_value other)
{
    bool is_set = kr_anyset_check(vm, other);
    bool is_dict = kr_is_ptr(other) && KR_OBJ(other)->type == vm->t.dict;
    kr_value r = KR_NULL, k = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    kr_root_push(vm, &k);
    if ((is_set || is_dict) && (S(so)->used >> 2) <= (is_set ? S(other)->used : kr_dict_size(other))) {
        r = set_alloc(vm, cls);
        for (int64_t i = 0; r && i < S(so)->size; i++) {
            k = S(so)->table[i].key;
            if (!k || k == DUMMY)
                continue;
            int64_t hash = S(so)->table[i].hash;
            int64_t c; /* -2 error, -1 absent, else found */
            if (is_set) {
                c = set_lookup(vm, S(other), k, hash);
            } else {
                int d = kr_dict_contains(vm, other, k);
                c = d < 0 ? -2 : d ? 0 : -1;
            }
            if (c == -2 || (c == -1 && set_add_hashed(vm, S(r), k, hash) < 0))
                r = KR_NULL;
        }
    } else {
        r = set_copy_as(vm, cls, so);
        if (r && kr_set_update_op(vm, r, other, KR_OP_SUB) < 0)
            r = KR_NULL;
    }
    kr_root_reset(vm, m);
    return r;
}

/* so ^ other as a new set of cls: a set of other's keys, then so's toggled in it (CPython). */
static kr_value set_xor_new(kr_vm *vm, kr_type *cls, kr_value so, kr_value other)
{
    kr_value r = kr_set_from_iterable(vm, cls, other);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    if (r && kr_set_update_op(vm, r, so, KR_OP_XOR) < 0)
        r = KR_NULL;
    kr_root_reset(vm, m);
    return r;
}

static kr_value set_binop(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!kr_anyset_check(vm, a) || !kr_anyset_check(vm, b))
        return KR_NOTIMPL;
    kr_type *cls = result_type(vm, a);
    if (op == KR_OP_AND)
        return set_intersection(vm, cls, a, b);
    if (op == KR_OP_SUB)
        return set_sub_new(vm, cls, a, b);
    if (op == KR_OP_XOR)
        return set_xor_new(vm, cls, a, b);
    kr_value r = set_copy_as(vm, cls, a);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    if (r && a != b && kr_set_update_op(vm, r, b, op) < 0)
        r = KR_NULL;
    kr_root_reset(vm, m);
    return r;
}

static kr_value set_or(kr_vm *vm, kr_value a, kr_value b) { return set_binop(vm, a, b, KR_OP_OR); }
static kr_value set_and(kr_vm *vm, kr_value a, kr_value b) { return set_binop(vm, a, b, KR_OP_AND); }
static kr_value set_sub(kr_vm *vm, kr_value a, kr_value b) { return set_binop(vm, a, b, KR_OP_SUB); }
static kr_value set_xor(kr_vm *vm, kr_value a, kr_value b) { return set_binop(vm, a, b, KR_OP_XOR); }

static kr_value set_inplace(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!set_check_mutable(vm, a) || !kr_anyset_check(vm, b))
        return KR_NOTIMPL;
    if (kr_set_update_op(vm, a, b, op) < 0)
        return KR_NULL;
    return a;
}

static kr_value set_ior(kr_vm *vm, kr_value a, kr_value b) { return set_inplace(vm, a, b, KR_OP_OR); }
static kr_value set_iand(kr_vm *vm, kr_value a, kr_value b) { return set_inplace(vm, a, b, KR_OP_AND); }
static kr_value set_isub(kr_vm *vm, kr_value a, kr_value b) { return set_inplace(vm, a, b, KR_OP_SUB); }
static kr_value set_ixor(kr_vm *vm, kr_value a, kr_value b) { return set_inplace(vm, a, b, KR_OP_XOR); }

/* ================= iterator ================= */

typedef struct set_iter {
    kr_object ob;
    kr_value set; /* KR_NULL once exhausted */
    int64_t pos;
    int64_t used;
    int64_t len;
} set_iter;

static void set_iter_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((set_iter *)o)->set);
}

static kr_value set_iter_new(kr_vm *vm, kr_value self)
{
    set_iter *it = kr_gc_alloc(vm, vm->t.set_iter, sizeof *it);
    if (!it)
        return KR_NULL;
    it->set = self;
    it->used = S(self)->used;
    it->len = S(self)->used;
    return KR_VAL(it);
}

static kr_value set_iter_next(kr_vm *vm, kr_value self)
{
    set_iter *it = KR_AS(set_iter, self);
    if (!it->set)
        return KR_NULL;
    kr_set *s = S(it->set);
    if (it->used != s->used) {
        it->used = -1;
        return kr_raise(vm, KR_EXC(vm, RuntimeError), "Set changed size during iteration");
    }
    kr_value k;
    if (!kr_set_next(it->set, &it->pos, &k)) {
        it->set = KR_NULL;
        return KR_NULL;
    }
    it->len--;
    return k;
}

static kr_value iter_self(kr_vm *vm, kr_value self)
{
    (void)vm;
    return self;
}

static kr_value set_iter_length_hint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    set_iter *it = KR_AS(set_iter, args[0]);
    return kr_int_from_i64(vm, it->set && it->used == S(it->set)->used ? it->len : 0);
}

static const kr_method_def set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

/* ================= methods ================= */

static kr_value set_m_add(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "set.add", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_set_add(vm, args[0], args[1]) < 0 ? KR_NULL : KR_NONE;
}

static kr_value set_m_remove(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "set.remove", nargs, kwnames) < 0)
        return KR_NULL;
    int r = kr_set_discard(vm, args[0], args[1]);
    if (r < 0)
        return KR_NULL;
    if (r == 0)
        return kr_raise_obj(vm, KR_EXC(vm, KeyError), args[1]);
    return KR_NONE;
}

static kr_value set_m_discard(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "set.discard", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_set_discard(vm, args[0], args[1]) < 0 ? KR_NULL : KR_NONE;
}

static kr_value set_m_pop(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "set.pop", nargs, kwnames) < 0)
        return KR_NULL;
    kr_set *s = S(args[0]);
    if (s->used == 0)
        return kr_raise(vm, KR_EXC(vm, KeyError), "pop from an empty set");
    int64_t i = s->finger & (s->size - 1);
    while (!s->table[i].key || s->table[i].key == DUMMY)
        i = (i + 1) & (s->size - 1);
    kr_value k = s->table[i].key;
    delete_slot(s, i);
    s->finger = i + 1;
    return k;
}

static kr_value set_m_clear(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "set.clear", nargs, kwnames) < 0)
        return KR_NULL;
    kr_set_clear(vm, args[0]);
    return KR_NONE;
}

static kr_value set_m_copy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "copy", nargs, kwnames) < 0)
        return KR_NULL;
    if (KR_OBJ(args[0])->type == vm->t.frozenset)
        return args[0];
    return set_copy_as(vm, result_type(vm, args[0]), args[0]);
}

/* The *others variants: apply op to a copy (or to self for the _update forms). */
/* The multi-argument methods, as CPython builds their results: union copies then updates; intersection
 * chains intersections (the _update form swaps the result in); difference is a difference with the first
 * argument, then removals; symmetric_difference (one argument) is set_xor_new. */
static kr_value set_multi(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int op,
                          bool inplace)
{
    if (kr_args_no_kw(vm, name, kwnames) < 0)
        return KR_NULL;
    kr_value self = args[0];
    kr_type *cls = result_type(vm, self);
    kr_value r = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    if (op == KR_OP_AND) {
        r = self;
        for (int i = 1; i < nargs && r; i++)
            r = set_and_new(vm, inplace ? vm->t.set : cls, r, args[i]);
        if (r && nargs == 1)
            r = inplace ? self : set_copy_as(vm, cls, self);
        if (r && inplace && r != self)
            set_swap_in(vm, self, r);
    } else if (inplace) {
        r = self;
        for (int i = 1; i < nargs && r; i++)
            if (!(op == KR_OP_OR && args[i] == self) && kr_set_update_op(vm, self, args[i], op) < 0)
                r = KR_NULL;
    } else if (op == KR_OP_XOR) {
        r = set_xor_new(vm, cls, self, args[1]);
    } else if (op == KR_OP_SUB && nargs > 1) {
        r = set_sub_new(vm, cls, self, args[1]);
        for (int i = 2; i < nargs && r; i++)
            if (kr_set_update_op(vm, r, args[i], op) < 0)
                r = KR_NULL;
    } else {
        r = set_copy_as(vm, cls, self);
        for (int i = 1; i < nargs && r; i++)
            if (!(op == KR_OP_OR && args[i] == self) && kr_set_update_op(vm, r, args[i], op) < 0)
                r = KR_NULL;
    }
    kr_root_reset(vm, m);
    if (!r)
        return KR_NULL;
    return inplace ? KR_NONE : r;
}

static kr_value set_m_union(kr_vm *vm, kr_value *a, int n, kr_value kw) { return set_multi(vm, a, n, kw, "union", KR_OP_OR, false); }
static kr_value set_m_update(kr_vm *vm, kr_value *a, int n, kr_value kw) { return set_multi(vm, a, n, kw, "update", KR_OP_OR, true); }
static kr_value set_m_intersection(kr_vm *vm, kr_value *a, int n, kr_value kw) { return set_multi(vm, a, n, kw, "intersection", KR_OP_AND, false); }
static kr_value set_m_intersection_update(kr_vm *vm, kr_value *a, int n, kr_value kw) { return set_multi(vm, a, n, kw, "intersection_update", KR_OP_AND, true); }
static kr_value set_m_difference(kr_vm *vm, kr_value *a, int n, kr_value kw) { return set_multi(vm, a, n, kw, "difference", KR_OP_SUB, false); }
static kr_value set_m_difference_update(kr_vm *vm, kr_value *a, int n, kr_value kw) { return set_multi(vm, a, n, kw, "difference_update", KR_OP_SUB, true); }

static kr_value set_m_symmetric_difference(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "symmetric_difference", nargs, kwnames) < 0)
        return KR_NULL;
    return set_multi(vm, args, nargs, KR_NULL, "symmetric_difference", KR_OP_XOR, false);
}

static kr_value set_m_symmetric_difference_update(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "symmetric_difference_update", nargs, kwnames) < 0)
        return KR_NULL;
    return set_multi(vm, args, nargs, KR_NULL, "symmetric_difference_update", KR_OP_XOR, true);
}

/* other as a set (itself if it already is one). */
static kr_value as_set(kr_vm *vm, kr_value other)
{
    if (kr_anyset_check(vm, other))
        return other;
    return kr_set_from_iterable(vm, vm->t.set, other);
}

static kr_value set_m_issubset(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "issubset", nargs, kwnames) < 0)
        return KR_NULL;
    kr_value o = as_set(vm, args[1]);
    if (!o)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &o);
    int r = set_issubset_sets(vm, args[0], o);
    kr_root_reset(vm, m);
    return r < 0 ? KR_NULL : kr_bool(r);
}

static kr_value set_m_issuperset(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "issuperset", nargs, kwnames) < 0)
        return KR_NULL;
    kr_value o = as_set(vm, args[1]);
    if (!o)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &o);
    int r = set_issubset_sets(vm, o, args[0]);
    kr_root_reset(vm, m);
    return r < 0 ? KR_NULL : kr_bool(r);
}

static kr_value set_m_isdisjoint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "isdisjoint", nargs, kwnames) < 0)
        return KR_NULL;
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
        int c = kr_set_contains(vm, args[0], x);
        if (c != 0) {
            r = c < 0 ? KR_NULL : KR_FALSE;
            break;
        }
    }
    kr_root_reset(vm, m);
    return r;
}

static kr_value set_m_contains(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "__contains__", nargs, kwnames) < 0)
        return KR_NULL;
    int r = kr_set_contains(vm, args[0], args[1]);
    return r < 0 ? KR_NULL : kr_bool(r);
}

/* (type(s), (list(s),), __dict__ or None): copy and serialisers rebuild sets and their subclasses
 * from it, as CPython's set.__reduce__. */
static kr_value set_m_reduce(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__reduce__", kwnames) < 0 || kr_args_count(vm, "__reduce__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    kr_value items = kr_sequence_list(vm, args[0]), cargs = KR_NULL, r = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &items);
    kr_root_push(vm, &cargs);
    if (items && (cargs = kr_tuple_pack(vm, 1, items))) {
        kr_value state = kr_getattr_opt(vm, args[0], KR_NAME(vm, __dict__));
        if (state || !kr_err_occurred(vm))
            r = kr_tuple_pack(vm, 3, KR_VAL(kr_type_of(vm, args[0])), cargs, state ? state : KR_NONE);
    }
    kr_root_reset(vm, m);
    return r;
}

static kr_value set_m_class_getitem(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)vm;
    (void)nargs;
    (void)kwnames;
    return args[0];
}

static const kr_method_def set_methods[] = {
    {"add", set_m_add, KR_METH_DEFAULT, NULL},
    {"remove", set_m_remove, KR_METH_DEFAULT, NULL},
    {"discard", set_m_discard, KR_METH_DEFAULT, NULL},
    {"pop", set_m_pop, KR_METH_DEFAULT, NULL},
    {"clear", set_m_clear, KR_METH_DEFAULT, NULL},
    {"copy", set_m_copy, KR_METH_DEFAULT, NULL},
    {"update", set_m_update, KR_METH_DEFAULT, NULL},
    {"union", set_m_union, KR_METH_DEFAULT, NULL},
    {"intersection", set_m_intersection, KR_METH_DEFAULT, NULL},
    {"intersection_update", set_m_intersection_update, KR_METH_DEFAULT, NULL},
    {"difference", set_m_difference, KR_METH_DEFAULT, NULL},
    {"difference_update", set_m_difference_update, KR_METH_DEFAULT, NULL},
    {"symmetric_difference", set_m_symmetric_difference, KR_METH_DEFAULT, NULL},
    {"symmetric_difference_update", set_m_symmetric_difference_update, KR_METH_DEFAULT, NULL},
    {"issubset", set_m_issubset, KR_METH_DEFAULT, NULL},
    {"issuperset", set_m_issuperset, KR_METH_DEFAULT, NULL},
    {"isdisjoint", set_m_isdisjoint, KR_METH_DEFAULT, NULL},
    {"__contains__", set_m_contains, KR_METH_DEFAULT, NULL},
    {"__class_getitem__", set_m_class_getitem, KR_METH_CLASS, NULL},
    {"__reduce__", set_m_reduce, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_method_def frozenset_methods[] = {
    {"copy", set_m_copy, KR_METH_DEFAULT, NULL},
    {"union", set_m_union, KR_METH_DEFAULT, NULL},
    {"intersection", set_m_intersection, KR_METH_DEFAULT, NULL},
    {"difference", set_m_difference, KR_METH_DEFAULT, NULL},
    {"symmetric_difference", set_m_symmetric_difference, KR_METH_DEFAULT, NULL},
    {"issubset", set_m_issubset, KR_METH_DEFAULT, NULL},
    {"issuperset", set_m_issuperset, KR_METH_DEFAULT, NULL},
    {"isdisjoint", set_m_isdisjoint, KR_METH_DEFAULT, NULL},
    {"__contains__", set_m_contains, KR_METH_DEFAULT, NULL},
    {"__class_getitem__", set_m_class_getitem, KR_METH_CLASS, NULL},
    {"__reduce__", set_m_reduce, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static void set_common_slots(kr_type *t)
{
    t->attrs_offset = offsetof(kr_set, attrs);
    t->trace = set_trace;
    t->finalize = set_finalize;
    t->repr = set_repr;
    t->richcompare = set_richcompare;
    t->iter = set_iter_new;
    t->len = set_len;
    t->bool_ = set_bool;
    t->contains = kr_set_contains;
    t->binop[KR_OP_OR] = set_or;
    t->binop[KR_OP_AND] = set_and;
    t->binop[KR_OP_SUB] = set_sub;
    t->binop[KR_OP_XOR] = set_xor;
}

void kr_set_init(kr_vm *vm)
{
    kr_type *s = kr_type_new_builtin(vm, "set", vm->t.object, sizeof(kr_set), KR_TF_BASETYPE);
    vm->t.set = s;
    set_common_slots(s);
    s->methods = set_methods;
    s->new_ = set_new_;
    s->init = set_init;
    s->hash = kr_hash_unhashable;
    s->inplace[KR_OP_OR] = set_ior;
    s->inplace[KR_OP_AND] = set_iand;
    s->inplace[KR_OP_SUB] = set_isub;
    s->inplace[KR_OP_XOR] = set_ixor;

    kr_type *f = kr_type_new_builtin(vm, "frozenset", vm->t.object, sizeof(kr_set), KR_TF_BASETYPE);
    vm->t.frozenset = f;
    set_common_slots(f);
    f->methods = frozenset_methods;
    f->new_ = frozenset_new_;
    f->hash = frozenset_hash;

    kr_type *it = kr_type_new_builtin(vm, "set_iterator", vm->t.object, sizeof(set_iter), 0);
    vm->t.set_iter = it;
    it->methods = set_iter_methods;
    it->trace = set_iter_trace;
    it->iter = iter_self;
    it->next = set_iter_next;
}
