/* listsort.c: list.sort() / sorted(): a stable merge sort.
 *
 * Top-down merge sort with binary insertion sort for short ranges and a "runs already in order" check
 * before each merge (so sorted input costs n-1 comparisons). Comparisons go through kr_list_lt, which may
 * run Python code: the GC may run and the list may be mutated. Hence:
 *  - every value is, at every moment, in an array the collector traces: the items buffer and the merge
 *    buffer are each owned by a private holder list rooted for the duration (a merge copies the left run
 *    to tmp and each value is either still in tmp or already written back, so nothing is lost even when
 *    a comparison fails midway: the failure path copies the rest of tmp back);
 *  - as in CPython, the list is emptied during the sort (items NULL, size 0, cap -1); if it is not in
 *    that state afterwards, Python code mutated it: "list modified during sort".
 *  - with reverse=True the items are reversed, sorted, and reversed again, which keeps equal items in
 *    their original order (CPython's trick). */
#include <string.h>

#include "list.h"
#include "str.h"
#include "tuple.h"

/* What every key is (CPython's pre-sort type check, listobject.c's unsafe_*_compare): comparisons of
 * such keys need no call and run no Python code. SORT_TUPLE_SMALL: non-empty exact tuples whose first
 * items are small ints, compared by those first items unless they are equal (the same small int),
 * which is where tuple comparison would look further. */
enum { SORT_ANY, SORT_SMALL, SORT_FLOAT, SORT_STR, SORT_TUPLE_SMALL };

typedef struct sort_ctx {
    kr_vm *vm;
    kr_value *keys, *vals; /* vals NULL when sorting values directly */
    kr_value *tmpk, *tmpv;
    int kind;              /* SORT_* */
} sort_ctx;

static int sort_kind(kr_vm *vm, const kr_value *keys, int64_t n)
{
    kr_value k0 = keys[0];
    int kind = kr_is_small(k0) ? SORT_SMALL : !kr_is_ptr(k0) ? SORT_ANY
             : KR_OBJ(k0)->type == vm->t.float_ ? SORT_FLOAT
             : KR_OBJ(k0)->type == vm->t.str ? SORT_STR
             : KR_OBJ(k0)->type == vm->t.tuple && kr_tuple_size(k0) > 0 && kr_is_small(kr_tuple_items(k0)[0])
                 ? SORT_TUPLE_SMALL : SORT_ANY;
    for (int64_t i = 1; i < n && kind != SORT_ANY; i++) {
        kr_value k = keys[i];
        bool same;
        switch (kind) {
        case SORT_SMALL: same = kr_is_small(k); break;
        case SORT_FLOAT: same = kr_is_ptr(k) && KR_OBJ(k)->type == vm->t.float_; break;
        case SORT_STR: same = kr_is_ptr(k) && KR_OBJ(k)->type == vm->t.str; break;
        default:
            same = kr_is_ptr(k) && KR_OBJ(k)->type == vm->t.tuple && kr_tuple_size(k) > 0 &&
                   kr_is_small(kr_tuple_items(k)[0]);
            break;
        }
        if (!same)
            kind = SORT_ANY;
    }
    return kind;
}

/* a < b for two keys: 1, 0, or -1 with an exception (SORT_ANY and the rest of equal-headed tuples
 * only). The same answers as kr_list_lt. */
static inline int sort_lt(const sort_ctx *c, kr_value a, kr_value b)
{
    switch (c->kind) {
    case SORT_SMALL:
        return (int64_t)a < (int64_t)b; /* tagging keeps the order */
    case SORT_FLOAT:
        return kr_float_value(a) < kr_float_value(b);
    case SORT_STR: {
        /* UTF-8 byte order is code point order */
        int64_t na = kr_str_nbytes(a), nb = kr_str_nbytes(b);
        int d = memcmp(kr_str_data(a), kr_str_data(b), (size_t)(na < nb ? na : nb));
        return d < 0 || (d == 0 && na < nb);
    }
    case SORT_TUPLE_SMALL: {
        kr_value x = kr_tuple_items(a)[0], y = kr_tuple_items(b)[0];
        if (x != y)
            return (int64_t)x < (int64_t)y;
        return kr_list_lt(c->vm, a, b);
    }
    default:
        return kr_list_lt(c->vm, a, b);
    }
}

static int binary_insertion(sort_ctx *c, int64_t lo, int64_t hi)
{
    kr_value *a = c->keys, *v = c->vals;
    for (int64_t i = lo + 1; i < hi; i++) {
        kr_value pivot = a[i];
        int64_t l = lo, r = i;
        while (l < r) {
            int64_t p = l + ((r - l) >> 1);
            int lt = sort_lt(c, pivot, a[p]);
            if (lt < 0)
                return -1;
            if (lt)
                r = p;
            else
                l = p + 1;
        }
        if (l < i) {
            memmove(a + l + 1, a + l, (size_t)(i - l) * sizeof(kr_value));
            a[l] = pivot;
            if (v) {
                kr_value pv = v[i];
                memmove(v + l + 1, v + l, (size_t)(i - l) * sizeof(kr_value));
                v[l] = pv;
            }
        }
    }
    return 0;
}

static int merge(sort_ctx *c, int64_t lo, int64_t mid, int64_t hi)
{
    kr_value *a = c->keys, *v = c->vals, *ta = c->tmpk, *tv = c->tmpv;
    int64_t na = mid - lo;
    memcpy(ta, a + lo, (size_t)na * sizeof(kr_value));
    if (v)
        memcpy(tv, v + lo, (size_t)na * sizeof(kr_value));
    int64_t i = 0, j = mid, k = lo;
    int rc = 0;
    while (i < na && j < hi) {
        int lt = sort_lt(c, a[j], ta[i]);
        if (lt < 0) {
            rc = -1;
            break;
        }
        if (lt) {
            if (v)
                v[k] = v[j];
            a[k++] = a[j++];
        } else {
            if (v)
                v[k] = tv[i];
            a[k++] = ta[i++];
        }
    }
    /* The rest of the left run (also on failure: k + (na - i) == j, so this restores a permutation). */
    memcpy(a + k, ta + i, (size_t)(na - i) * sizeof(kr_value));
    if (v)
        memcpy(v + k, tv + i, (size_t)(na - i) * sizeof(kr_value));
    return rc;
}

static int sort_range(sort_ctx *c, int64_t lo, int64_t hi)
{
    if (hi - lo <= 24)
        return binary_insertion(c, lo, hi);
    int64_t mid = lo + ((hi - lo) >> 1);
    if (sort_range(c, lo, mid) < 0 || sort_range(c, mid, hi) < 0)
        return -1;
    int lt = sort_lt(c, c->keys[mid], c->keys[mid - 1]);
    if (lt <= 0)
        return lt; /* already in order, or error */
    return merge(c, lo, mid, hi);
}

int kr_listsort_run(kr_vm *vm, kr_value *keys, kr_value *vals, kr_value *tmpk, kr_value *tmpv, int64_t n)
{
    if (n < 2)
        return 0;
    sort_ctx c = {vm, keys, vals, tmpk, tmpv, sort_kind(vm, keys, n)};
    return sort_range(&c, 0, n);
}

/* A holder: a private list object that owns a buffer so the collector traces it while the sort runs. */
static kr_list *holder_new(kr_vm *vm, kr_value *slot)
{
    *slot = kr_list_new(vm, 0);
    return *slot ? KR_AS(kr_list, *slot) : NULL;
}

int kr_list_sort(kr_vm *vm, kr_value list, kr_value key, bool reverse)
{
    kr_list *l = KR_AS(kr_list, list);
    int64_t n = l->size;
    kr_value h_items = KR_NULL, h_keys = KR_NULL, h_tmpk = KR_NULL, h_tmpv = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &h_items);
    kr_root_push(vm, &h_keys);
    kr_root_push(vm, &h_tmpk);
    kr_root_push(vm, &h_tmpv);
    int rc = -1;

    kr_list *hi = holder_new(vm, &h_items);
    kr_list *hk = key ? holder_new(vm, &h_keys) : NULL;
    kr_list *htk = holder_new(vm, &h_tmpk);
    kr_list *htv = key ? holder_new(vm, &h_tmpv) : NULL;
    if (!hi || !htk || (key && (!hk || !htv))) {
        kr_root_reset(vm, mark);
        return -1;
    }
    /* Take the items out of the list. */
    hi->items = l->items;
    hi->size = n;
    hi->cap = l->cap;
    l->items = NULL;
    l->size = 0;
    l->cap = -1;

    int64_t half = n / 2 + 1;
    if (key) {
        if (kr_list_reserve(vm, h_keys, n) < 0)
            goto restore;
        for (int64_t i = 0; i < n; i++) {
            kr_value k = kr_call1(vm, key, hi->items[i]);
            if (!k)
                goto restore;
            hk->items[hk->size++] = k;
            kr_gc_barrier(vm, &hk->ob, k); /* the key call may have made hk old */
        }
        if (kr_list_reserve(vm, h_tmpv, half) < 0)
            goto restore;
        for (int64_t i = 0; i < half; i++)
            htv->items[i] = KR_NONE;
        htv->size = half;
    }
    if (kr_list_reserve(vm, h_tmpk, half) < 0)
        goto restore;
    for (int64_t i = 0; i < half; i++)
        htk->items[i] = KR_NONE;
    htk->size = half;

    if (reverse) {
        kr_list_reverse_items(hi->items, n);
        if (key)
            kr_list_reverse_items(hk->items, n);
    }
    if (key)
        rc = kr_listsort_run(vm, hk->items, hi->items, htk->items, htv->items, n);
    else
        rc = kr_listsort_run(vm, hi->items, NULL, htk->items, NULL, n);
    if (reverse) /* even after a failed comparison, as CPython */
        kr_list_reverse_items(hi->items, n);

restore:;
    /* Put the items back; anything Python code stored into the list meanwhile is dropped (CPython). */
    bool modified = l->cap != -1 || l->items != NULL || l->size != 0;
    kr_mem_free(vm, l->items);
    l->items = hi->items;
    l->size = hi->size;
    l->cap = hi->cap;
    kr_gc_barrier_all(vm, &l->ob); /* its items come back from hi, which may be younger */
    hi->items = NULL;
    hi->size = 0;
    hi->cap = 0;
    if (modified && rc == 0) {
        kr_raise(vm, KR_EXC(vm, ValueError), "list modified during sort");
        rc = -1;
    }
    kr_root_reset(vm, mark);
    return rc;
}
