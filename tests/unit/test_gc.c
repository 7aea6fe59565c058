/* test_gc.c: the collector's invariants, driven through the VM's internal API. */
#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "vm/compile.h"
#include "vm/interp.h"
#include "vm/kr.h"
#include "vm/list.h"

static size_t count_objects(kr_vm *vm) { return vm->gc.nobjects + vm->gc.nold + vm->gc.nexternal; }

/* Right after a collection: no young object, every survivor old (carrying the current mark, watched by
 * the barrier), nothing remembered. */
typedef struct old_check {
    kr_vm *vm;
    size_t n, bad;
} old_check;

static void check_old(kr_object *o, void *arg)
{
    old_check *c = arg;
    c->n++;
    bool external = o->type && (o->type->flags & KR_TF_EXTERNAL_FINALIZE);
    if (o->gc_mark != c->vm->gc.mark_epoch || (!external && !(o->gc_flags & KR_GC_WATCH)))
        c->bad++;
}

static bool all_old(kr_vm *vm)
{
    if (vm->gc.nobjects != 0 || vm->gc.nremembered != 0)
        return false;
    old_check c = {vm, 0, 0};
    kr_gc_for_each_object(vm, check_old, &c);
    return c.bad == 0 && c.n == vm->gc.nold + vm->gc.nexternal;
}

static bool is_young(kr_value v) { return KR_OBJ(v)->gc_mark == 0; }

START_TEST(test_unreachable_objects_are_freed)
{
    kr_vm *vm = kr_vm_new(NULL);
    ck_assert_ptr_nonnull(vm);
    kr_gc_collect(vm);
    size_t base = count_objects(vm);
    size_t bytes = vm->gc.allocated;
    for (int i = 0; i < 1000; i++)
        ck_assert(kr_str_fmt(vm, "garbage %d", i) != KR_NULL);
    ck_assert_uint_eq(count_objects(vm), base + 1000);
    ck_assert_uint_gt(vm->gc.allocated, bytes);
    kr_gc_collect(vm);
    ck_assert_uint_eq(count_objects(vm), base);
    ck_assert_uint_eq(vm->gc.allocated, bytes);
    ck_assert(all_old(vm));
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_rooted_and_reachable_survive)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_value list = kr_list_new(vm, 0);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (int i = 0; i < 100; i++) {
        kr_value s = kr_str_fmt(vm, "item %d", i);
        ck_assert(kr_list_append(vm, list, s) == 0);
    }
    kr_value lone = kr_str_fmt(vm, "unrooted");
    (void)lone;
    kr_gc_collect(vm);
    /* Every item is still a valid string with its contents. */
    ck_assert_int_eq(KR_AS(kr_list, list)->size, 100);
    for (int i = 0; i < 100; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "item %d", i);
        ck_assert_str_eq(kr_str_data(KR_AS(kr_list, list)->items[i]), buf);
    }
    size_t with_list = count_objects(vm);
    kr_root_reset(vm, m);
    kr_gc_collect(vm);
    /* The list, its buffer's strings: 101 objects gone once unrooted. */
    ck_assert_uint_eq(count_objects(vm), with_list - 101);
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_cycles_are_collected)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_gc_collect(vm);
    size_t base = count_objects(vm);
    for (int i = 0; i < 50; i++) {
        kr_value a = kr_list_new(vm, 1), b = kr_list_new(vm, 1);
        ck_assert(kr_list_append(vm, a, b) == 0 && kr_list_append(vm, b, a) == 0);
    }
    kr_gc_collect(vm);
    ck_assert_uint_eq(count_objects(vm), base);
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_memory_limit_raises_memory_error)
{
    kr_vm_options o = {8u << 20, 0, -1, 0};
    kr_vm *vm = kr_vm_new(&o);
    ck_assert_ptr_nonnull(vm);
    kr_value list = kr_list_new(vm, 0);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &list);
    int failed = 0;
    for (int i = 0; i < 1000000 && !failed; i++) {
        kr_value s = kr_str_fmt(vm, "%0200d", i);
        if (!s || kr_list_append(vm, list, s) < 0)
            failed = 1;
    }
    ck_assert_int_eq(failed, 1);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, MemoryError)));
    ck_assert_uint_le(vm->gc.allocated, o.memory_limit);
    kr_err_clear(vm);
    /* Dropping the list makes room again. */
    kr_root_reset(vm, m);
    kr_gc_collect(vm);
    ck_assert(kr_str_fmt(vm, "%0200d", 1) != KR_NULL);
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_safepoint_pacing_and_disable)
{
    kr_vm *vm = kr_vm_new(NULL);
    uint64_t before = vm->gc.collections;
    /* Below the threshold a safepoint does nothing. */
    kr_gc_safepoint(vm);
    ck_assert_uint_eq(vm->gc.collections, before);
    vm->gc.enabled = 0;
    vm->gc.threshold = 0;
    kr_gc_safepoint(vm);
    ck_assert_uint_eq(vm->gc.collections, before);
    vm->gc.enabled = 1;
    vm->gc.threshold = 0;
    kr_gc_safepoint(vm);
    ck_assert_uint_eq(vm->gc.collections, before + 1);
    ck_assert_uint_gt(vm->gc.threshold, vm->gc.allocated);
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_stress_mode_collects_after_any_allocation)
{
    kr_vm_options o = {0, 0, -1, 1};
    kr_vm *vm = kr_vm_new(&o);
    uint64_t before = vm->gc.collections;
    kr_gc_safepoint(vm);
    ck_assert_uint_eq(vm->gc.collections, before);
    ck_assert(kr_str_fmt(vm, "x%d", 1) != KR_NULL);
    kr_gc_safepoint(vm);
    ck_assert_uint_eq(vm->gc.collections, before + 1);
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_old_container_keeps_young_value_across_minor)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_value list = kr_list_new(vm, 0);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &list);
    kr_gc_collect_minor(vm);
    ck_assert(!is_young(list));
    ck_assert(KR_OBJ(list)->gc_flags & KR_GC_WATCH);
    ck_assert_uint_eq(vm->gc.nremembered, 0);
    kr_value s = kr_str_fmt(vm, "young %d", 42);
    ck_assert(is_young(s));
    ck_assert(kr_list_append(vm, list, s) == 0);
    /* the barrier recorded the old list once */
    ck_assert_uint_eq(vm->gc.nremembered, 1);
    ck_assert(!(KR_OBJ(list)->gc_flags & KR_GC_WATCH));
    ck_assert(kr_list_append(vm, list, kr_str_fmt(vm, "young %d", 43)) == 0);
    ck_assert_uint_eq(vm->gc.nremembered, 1);
    uint64_t majors = vm->gc.major_collections;
    kr_gc_collect_minor(vm);
    ck_assert_uint_eq(vm->gc.major_collections, majors);
    /* both strings survived through the remembered list alone (s is in no root) and are old now */
    ck_assert_str_eq(kr_str_data(KR_AS(kr_list, list)->items[0]), "young 42");
    ck_assert_str_eq(kr_str_data(KR_AS(kr_list, list)->items[1]), "young 43");
    ck_assert(!is_young(KR_AS(kr_list, list)->items[1]));
    /* the remembered set is empty again and the list watched again */
    ck_assert_uint_eq(vm->gc.nremembered, 0);
    ck_assert(KR_OBJ(list)->gc_flags & KR_GC_WATCH);
    ck_assert(all_old(vm));
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_minor_frees_unreachable_young)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_gc_collect(vm);
    size_t base = count_objects(vm), old = vm->gc.nold, bytes = vm->gc.allocated;
    for (int i = 0; i < 1000; i++)
        ck_assert(kr_str_fmt(vm, "garbage %d", i) != KR_NULL);
    ck_assert_uint_eq(vm->gc.nobjects, 1000);
    kr_gc_collect_minor(vm);
    ck_assert_uint_eq(count_objects(vm), base);
    ck_assert_uint_eq(vm->gc.nold, old);
    ck_assert_uint_eq(vm->gc.allocated, bytes);
    ck_assert(all_old(vm));
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_old_garbage_freed_only_by_major)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_gc_collect(vm);
    size_t base = count_objects(vm);
    kr_value list = kr_list_new(vm, 0);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (int i = 0; i < 100; i++)
        ck_assert(kr_list_append(vm, list, kr_str_fmt(vm, "item %d", i)) == 0);
    kr_gc_collect_minor(vm); /* promotes the list and its strings */
    ck_assert_uint_eq(count_objects(vm), base + 101);
    kr_root_reset(vm, m);
    kr_gc_collect_minor(vm);
    ck_assert_uint_eq(count_objects(vm), base + 101); /* old garbage: a minor collection keeps it */
    kr_gc_collect(vm);
    ck_assert_uint_eq(count_objects(vm), base);
    ck_assert(all_old(vm));
    kr_vm_free(vm);
}
END_TEST

/* kr_gc_safepoint_expect: a major collection before a burst of allocation exactly when the burst
 * would make one due; nothing for a small burst, with the collector disabled, or in stress mode. */
START_TEST(test_safepoint_expect_collects_before_a_burst)
{
    kr_vm *vm = kr_vm_new(NULL);
    vm->gc.stress = 0; /* stress mode paces itself; this checks the allocation-driven rule */
    kr_gc_collect(vm);
    size_t base = count_objects(vm);
    kr_value list = kr_list_new(vm, 0);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (int i = 0; i < 100; i++)
        ck_assert(kr_list_append(vm, list, kr_str_fmt(vm, "item %d", i)) == 0);
    kr_gc_collect_minor(vm); /* promotes the list and its strings */
    kr_root_reset(vm, m);    /* ... which are old garbage now */
    uint64_t collections = vm->gc.collections, majors = vm->gc.major_collections;
    kr_gc_safepoint_expect(vm, 0);
    kr_gc_safepoint_expect(vm, 1000);
    ck_assert_uint_eq(vm->gc.collections, collections);
    ck_assert_uint_eq(count_objects(vm), base + 101);
    /* the largest burst that keeps the heap below the major threshold plus a nursery: still nothing */
    size_t live = vm->gc.live_after_major, nursery = vm->gc.live_after_last / 100 * 12;
    size_t major_at = live / 100 * (100 + vm->gc.major_percent);
    if (major_at < live + ((size_t)1 << 20))
        major_at = live + ((size_t)1 << 20);
    major_at += nursery < ((size_t)1 << 20) ? ((size_t)1 << 20) : nursery;
    ck_assert_uint_gt(major_at, vm->gc.allocated);
    kr_gc_safepoint_expect(vm, major_at - vm->gc.allocated - 1);
    ck_assert_uint_eq(vm->gc.collections, collections);
    vm->gc.enabled = 0;
    kr_gc_safepoint_expect(vm, SIZE_MAX / 2);
    ck_assert_uint_eq(vm->gc.collections, collections);
    vm->gc.enabled = 1;
    kr_gc_safepoint_expect(vm, major_at - vm->gc.allocated); /* due exactly at the threshold */
    ck_assert_uint_eq(vm->gc.major_collections, majors + 1);
    ck_assert_uint_eq(count_objects(vm), base);
    ck_assert(all_old(vm));
    kr_gc_safepoint_expect(vm, SIZE_MAX); /* no wrap-around into "small" */
    ck_assert_uint_eq(vm->gc.major_collections, majors + 2);
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_stress_mode_mixes_minor_and_major)
{
    kr_vm_options o = {0, 0, -1, 1};
    kr_vm *vm = kr_vm_new(&o);
    uint64_t majors = vm->gc.major_collections, all = vm->gc.collections;
    for (int i = 0; i < 32; i++) {
        ck_assert(kr_str_fmt(vm, "x%d", i) != KR_NULL);
        kr_gc_safepoint(vm);
    }
    ck_assert_uint_eq(vm->gc.collections, all + 32);
    ck_assert_uint_ge(vm->gc.major_collections, majors + 3);
    ck_assert_uint_le(vm->gc.major_collections, majors + 5);
    kr_vm_free(vm);
}
END_TEST

/* The verifier aborts when an old object holds a young one that no barrier recorded. */
START_TEST(test_verifier_catches_missing_barrier)
{
    kr_vm *vm = kr_vm_new(NULL);
    vm->gc.verify = true;
    kr_value list = kr_list_new(vm, 0);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &list);
    ck_assert(kr_list_append(vm, list, KR_NONE) == 0);
    kr_gc_collect_minor(vm);
    KR_AS(kr_list, list)->items[0] = kr_str_fmt(vm, "unrecorded %d", 1); /* no kr_gc_barrier */
    kr_gc_collect_minor(vm); /* aborts */
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

/* Dead small objects go to their size class's free list (up to pool_limit) and are reused, zeroed,
 * by the next allocation of that class; big objects and a zero limit bypass the pool. */
START_TEST(test_small_objects_are_pooled_and_reused)
{
    kr_vm *vm = kr_vm_new(NULL);
    if (vm->gc.pool_limit == 0) { /* a sanitizer build: pooling is off, nothing to check */
        kr_vm_free(vm);
        return;
    }
    kr_gc_collect(vm);
    size_t bytes = vm->gc.allocated;
    kr_value f = kr_float_new(vm, 1.5);
    unsigned cls = KR_OBJ(f)->gc_flags >> KR_GC_CLASS_SHIFT;
    ck_assert_uint_ge(cls, 1);
    ck_assert_uint_le(cls, KR_GC_POOL_CLASSES);
    void *addr = KR_OBJ(f);
    kr_value big = kr_list_new(vm, 0);
    for (int i = 0; i < 40; i++) /* a long string: beyond the pooled sizes */
        big = kr_str_fmt(vm, "%0300d", i);
    ck_assert_uint_eq(KR_OBJ(big)->gc_flags >> KR_GC_CLASS_SHIFT, 0);
    kr_gc_collect(vm);
    ck_assert_uint_eq(vm->gc.allocated, bytes);
    ck_assert_uint_gt(vm->gc.pool_bytes, 0);
    void *head = vm->gc.pool[cls];
    bool listed = false;
    for (void *p = head; p && !listed; p = *(void **)p)
        listed = p == addr;
    ck_assert(listed);
    kr_value g = kr_float_new(vm, 2.5);
    ck_assert_ptr_eq(KR_OBJ(g), head);
    ck_assert_uint_eq(KR_OBJ(g)->gc_mark, 0);
    ck_assert(kr_float_value(g) == 2.5);
    /* with no room in the pool, the dead are freed */
    vm->gc.pool_limit = vm->gc.pool_bytes;
    size_t before = vm->gc.pool_bytes;
    for (int i = 0; i < 1000; i++)
        ck_assert(kr_float_new(vm, i) != KR_NULL);
    kr_gc_collect(vm);
    ck_assert_uint_le(vm->gc.pool_bytes, before);
    kr_vm_free(vm);
}
END_TEST

/* Forgets every class's pooled blocks (the VM's heap still frees them), keeping pool_bytes equal to
 * what the pool holds: a collection may free the blocks of a class that allocation left alone
 * (gc.c's gc_pool_release_idle), which must not count blocks pool_bytes no longer includes. */
static void pool_forget_all(kr_vm *vm)
{
    for (int c = 0; c <= KR_GC_POOL_CLASSES; c++)
        vm->gc.pool[c] = NULL;
    vm->gc.pool_bytes = 0;
}

/* A minor collection's sweep releases the young dead in a batch (gc/gc.c's gc_dead_batch): the dead
 * small objects go to the front of their class's pool list in the order they were allocated (so the
 * next allocations reuse them in that order), up to the pool's room, and the rest are freed; the
 * survivors are promoted with their values; allocated, pool_bytes and objects_freed change by exactly
 * the dead objects' bytes and count. */
START_TEST(test_minor_sweep_pools_young_dead_in_order)
{
    enum { N = 64 };
    kr_vm *vm = kr_vm_new(NULL);
    if (vm->gc.pool_limit == 0) { /* a sanitizer build: pooling is off, nothing to check */
        kr_vm_free(vm);
        return;
    }
    kr_gc_collect(vm);
    /* an empty float pool, so that every float below is a fresh block and the pool's list afterwards
     * holds only what this sweep put there */
    kr_value first = kr_float_new(vm, 0.0);
    unsigned cls = KR_OBJ(first)->gc_flags >> KR_GC_CLASS_SHIFT;
    size_t bytes = (size_t)cls << 4;
    pool_forget_all(vm);
    kr_value keep[N / 4];
    void *dead[N];
    size_t ndead = 0, m = kr_root_mark(vm);
    for (int i = 0; i < N / 4; i++)
        kr_root_push(vm, &keep[i]);
    for (int i = 0; i < N; i++) {
        kr_value f = kr_float_new(vm, i + 0.5);
        ck_assert(f != KR_NULL);
        if (i % 4 == 1)
            keep[i / 4] = f;
        else
            dead[ndead++] = KR_OBJ(f);
    }
    dead[ndead++] = KR_OBJ(first); /* allocated first but listed last: it is young too */
    size_t allocated = vm->gc.allocated, freed = vm->gc.objects_freed;
    /* room for all but the last 5 dead floats: those are freed, not pooled */
    vm->gc.pool_limit = (ndead - 5) * bytes;
    kr_gc_collect_minor(vm);
    ck_assert_uint_eq(vm->gc.objects_freed - freed, ndead);
    ck_assert_uint_eq(allocated - vm->gc.allocated, ndead * bytes);
    ck_assert_uint_eq(vm->gc.pool_bytes, (ndead - 5) * bytes);
    for (int i = 0; i < N / 4; i++) {
        ck_assert(kr_float_value(keep[i]) == 4 * i + 1.5);
        ck_assert_uint_eq(KR_OBJ(keep[i])->gc_mark, vm->gc.mark_epoch);
        ck_assert(KR_OBJ(keep[i])->gc_flags & KR_GC_WATCH);
    }
    /* the pool's list: `first` (the young array's first entry), then the dead in allocation order,
     * without the 5 that did not fit */
    void *p = vm->gc.pool[cls];
    ck_assert_ptr_eq(p, dead[ndead - 1]);
    p = *(void **)p;
    for (size_t i = 0; i < ndead - 6; i++, p = *(void **)p) {
        ck_assert_ptr_eq(p, dead[i]);
        ck_assert_uint_eq(((kr_object *)p)->gc_mark, KR_GC_POOLED);
    }
    ck_assert_ptr_null(p);
    /* and allocation takes them in that order, zeroed and young */
    kr_value g = kr_float_new(vm, 7.25);
    ck_assert_ptr_eq(KR_OBJ(g), dead[ndead - 1]);
    kr_value h = kr_float_new(vm, 8.25);
    ck_assert_ptr_eq(KR_OBJ(h), dead[0]);
    ck_assert_uint_eq(KR_OBJ(h)->gc_mark, 0);
    ck_assert(kr_float_value(g) == 7.25 && kr_float_value(h) == 8.25);
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

/* The bytes the pool's lists hold, walked. */
static size_t pool_walk_bytes(kr_vm *vm)
{
    size_t n = 0;
    for (size_t c = 1; c <= KR_GC_POOL_CLASSES; c++)
        for (void *p = vm->gc.pool[c]; p; p = *(void **)p)
            n += c << 4;
    return n;
}

/* A collection frees the pooled blocks of a class that allocation took nothing of during the cycle,
 * when some other class ran dry in it (gc.c's gc_pool_release_idle); without a class running dry, or
 * for a class that was taken from, the blocks stay. pool_bytes always equals what the lists hold. */
START_TEST(test_idle_pool_class_released_when_another_runs_dry)
{
    kr_vm *vm = kr_vm_new(NULL);
    if (vm->gc.pool_limit == 0) { /* a sanitizer build: pooling is off, nothing to check */
        kr_vm_free(vm);
        return;
    }
    kr_gc_collect(vm);
    pool_forget_all(vm);
    kr_gc_collect(vm); /* the cycle below starts with every class empty */
    /* a phase of 3-tuples: their class is refilled, and the dead ones are pooled by the collection */
    unsigned ct = 0;
    for (int i = 0; i < 200; i++) {
        kr_value t = kr_tuple_pack(vm, 3, kr_small(i), KR_NONE, KR_NONE);
        ck_assert(t != KR_NULL);
        ct = KR_OBJ(t)->gc_flags >> KR_GC_CLASS_SHIFT;
    }
    kr_gc_collect_minor(vm);
    ck_assert_ptr_nonnull(vm->gc.pool[ct]);
    ck_assert_uint_eq(vm->gc.pool_bytes, pool_walk_bytes(vm));
    /* a cycle that makes nothing: no class ran dry, the tuples' blocks stay */
    kr_gc_collect_minor(vm);
    ck_assert_ptr_nonnull(vm->gc.pool[ct]);
    /* a phase of floats: their (empty) class runs dry; the tuples' class, untouched, is freed */
    unsigned cf = 0;
    for (int i = 0; i < 100; i++) {
        kr_value f = kr_float_new(vm, i + 0.25);
        ck_assert(f != KR_NULL);
        cf = KR_OBJ(f)->gc_flags >> KR_GC_CLASS_SHIFT;
    }
    ck_assert_uint_ne(cf, ct);
    kr_gc_collect_minor(vm);
    ck_assert_ptr_null(vm->gc.pool[ct]);
    ck_assert_ptr_nonnull(vm->gc.pool[cf]);
    ck_assert_uint_eq(vm->gc.pool_bytes, pool_walk_bytes(vm));
    /* taking from a class keeps it, even when another one runs dry in the same cycle */
    kr_value keep = kr_float_new(vm, 9.5);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &keep);
    for (int i = 0; i < 100; i++)
        ck_assert(kr_tuple_pack(vm, 3, kr_small(i), KR_NONE, KR_NONE) != KR_NULL);
    kr_gc_collect_minor(vm);
    ck_assert_ptr_nonnull(vm->gc.pool[cf]);
    ck_assert_ptr_nonnull(vm->gc.pool[ct]);
    ck_assert(kr_float_value(keep) == 9.5);
    ck_assert_uint_eq(vm->gc.pool_bytes, pool_walk_bytes(vm));
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

/* An allocation that finds its class's pool list empty refills it with a batch of fresh blocks
 * (gc/gc.c's gc_pool_refill): the object is the first of them, the rest wait in the pool as pooled
 * blocks (not objects: a collection's sweep and kr_gc_for_each_object skip them, and only the
 * object's bytes are accounted), and the next allocations take them in order. */
static void count_each(kr_object *o, void *arg)
{
    (void)o;
    (*(size_t *)arg)++;
}

START_TEST(test_empty_pool_is_refilled_in_a_batch)
{
    kr_vm *vm = kr_vm_new(NULL);
    if (vm->gc.pool_limit == 0) { /* a sanitizer build: pooling is off, nothing to check */
        kr_vm_free(vm);
        return;
    }
    kr_gc_collect(vm);
    kr_value probe = kr_float_new(vm, 0.0);
    unsigned cls = KR_OBJ(probe)->gc_flags >> KR_GC_CLASS_SHIFT;
    size_t bytes = (size_t)cls << 4;
    pool_forget_all(vm);
    size_t allocated = vm->gc.allocated, objects = 0;
    kr_gc_for_each_object(vm, count_each, &objects);
    kr_value f = kr_float_new(vm, 1.25);
    ck_assert(f != KR_NULL && kr_float_value(f) == 1.25);
    ck_assert_uint_eq(KR_OBJ(f)->gc_mark, 0);
    ck_assert_uint_eq(vm->gc.allocated - allocated, bytes);
    size_t pooled = vm->gc.pool_bytes / bytes;
    ck_assert_uint_ge(pooled, 1);
    ck_assert_uint_eq(vm->gc.pool_bytes, pooled * bytes);
    size_t n = 0;
    for (void *p = vm->gc.pool[cls]; p; p = *(void **)p, n++)
        ck_assert_uint_eq(((kr_object *)p)->gc_mark, KR_GC_POOLED);
    ck_assert_uint_eq(n, pooled);
    size_t after = 0;
    kr_gc_for_each_object(vm, count_each, &after);
    ck_assert_uint_eq(after, objects + 1); /* the float, not the pooled blocks */
    void *next = vm->gc.pool[cls];
    kr_value g = kr_float_new(vm, 2.25);
    ck_assert_ptr_eq(KR_OBJ(g), next);
    ck_assert_uint_eq(vm->gc.pool_bytes, (pooled - 1) * bytes);
    /* a major collection sweeps the three dead floats (probe, f, g) into the pool and leaves the
     * pooled blocks alone */
    kr_gc_collect(vm);
    ck_assert_uint_eq(vm->gc.allocated, allocated - bytes);
    ck_assert_uint_eq(vm->gc.pool_bytes, (pooled + 2) * bytes);
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_two_vms_are_independent)
{
    kr_vm *a = kr_vm_new(NULL), *b = kr_vm_new(NULL);
    kr_value sa = kr_intern(a, "shared_name"), sb = kr_intern(b, "shared_name");
    ck_assert(sa != sb);
    ck_assert(a->t.str != b->t.str);
    kr_vm_free(a);
    /* b still works after a is gone */
    ck_assert_str_eq(kr_str_data(kr_str_fmt(b, "%s!", kr_str_data(sb))), "shared_name!");
    kr_vm_free(b);
}
END_TEST

/* Runs module source with fresh globals; true when it ran without an exception. */
static bool run_py(kr_vm *vm, const char *src)
{
    kr_value code = kr_compile_source(vm, src, strlen(src), "<test>", KR_PARSE_FILE);
    if (!code)
        return false;
    kr_value g = kr_dict_new(vm);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &g);
    kr_root_push(vm, &code);
    kr_value r = kr_interp_run_code(vm, code, g, KR_NULL);
    kr_root_reset(vm, m);
    return r != KR_NULL;
}

/* A compiled, loop-free Python function called from a C loop (max's key) allocates at every call: the
 * return to C is a safepoint, so its garbage is collected as it goes. Without it, the peak heap held
 * every key tuple of the loop (300,000 of them, more than 20 MB over the live data). */
START_TEST(test_python_callee_of_c_loop_collects)
{
    kr_vm_options o = {0, 1, 0, 0}; /* JIT on, compile at once */
    kr_vm *vm = kr_vm_new(&o);
    ck_assert(run_py(vm, "d = {i: i for i in range(1000)}\n"));
    kr_gc_collect(vm);
    vm->gc.peak_allocated = vm->gc.allocated;
    size_t live = vm->gc.allocated;
    uint64_t before = vm->gc.collections;
    ck_assert(run_py(vm, "k = lambda i: (i % 977, str(i), [i])\n"
                         "best = max(range(300000), key=k)\n"
                         "assert best == 99653, best\n"));
    ck_assert_uint_gt(vm->gc.collections, before);
    /* a nursery is at least 1 MB; the key results of the whole loop are over 30 MB */
    ck_assert_uint_lt(vm->gc.peak_allocated, live + 8u * 1024 * 1024);
    kr_vm_free(vm);
}
END_TEST

/* Marking a long list of strings does not push them on the mark stack (they have no trace hook), and
 * a mark stack grown by a deep structure is cut back after the collection. */
START_TEST(test_mark_stack_stays_small)
{
    kr_vm *vm = kr_vm_new(NULL);
    if (vm->gc.verify) { /* the verifier pushes every object */
        kr_vm_free(vm);
        return;
    }
    kr_value list = kr_list_new(vm, 0);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (int i = 0; i < 200000; i++)
        ck_assert_int_eq(kr_list_append(vm, list, kr_str_fmt(vm, "s%d", i)), 0);
    kr_gc_collect(vm);
    ck_assert_uint_le(vm->gc.gray_cap, 16384);
    ck_assert_int_eq(kr_list_size(list), 200000);
    ck_assert_str_eq(kr_str_data(kr_list_items(list)[199999]), "s199999");
    /* 200,000 lists of one list each: the stack must grow while marking, and shrinks after */
    kr_value outer = kr_list_new(vm, 0);
    kr_root_push(vm, &outer);
    for (int i = 0; i < 200000; i++) {
        kr_value inner = kr_list_new(vm, 0);
        ck_assert_int_eq(kr_list_append(vm, inner, kr_list_new(vm, 0)), 0);
        ck_assert_int_eq(kr_list_append(vm, outer, inner), 0);
    }
    kr_gc_collect(vm);
    ck_assert_uint_le(vm->gc.gray_cap, 16384);
    ck_assert_int_eq(kr_list_size(outer), 200000);
    ck_assert_int_eq(kr_list_size(kr_list_items(kr_list_items(outer)[7])[0]), 0);
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

/* The pool keeps a nursery's worth of dead small objects while allocation takes them back; once a cycle
 * takes (almost) none, it is cut to KR_GC_MIN_NURSERY's worth and the rest freed. */
START_TEST(test_unused_pool_is_trimmed)
{
    kr_vm *vm = kr_vm_new(NULL);
    if (vm->gc.pool_limit == 0) { /* a sanitizer build: pooling is off */
        kr_vm_free(vm);
        return;
    }
    /* a big live list makes the nursery (12% of the live bytes) much larger than the minimum */
    kr_value keep = kr_list_new(vm, 0);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &keep);
    for (int i = 0; i < 400000; i++)
        ck_assert_int_eq(kr_list_append(vm, keep, kr_str_fmt(vm, "keep%d", i)), 0);
    kr_gc_collect(vm);
    size_t min = (size_t)1 << 20;
    ck_assert_uint_gt(vm->gc.pool_limit, 2 * min);
    /* a cycle of small garbage: the pool fills beyond the minimum */
    for (int i = 0; i < 200000; i++)
        ck_assert(kr_float_new(vm, i + 0.5) != KR_NULL);
    kr_gc_collect_minor(vm);
    ck_assert_uint_gt(vm->gc.pool_bytes, min);
    size_t bytes = vm->gc.allocated;
    /* a cycle that takes nothing from the pool (big strings only): the pool is cut */
    for (int i = 0; i < 8; i++)
        ck_assert(kr_str_fmt(vm, "%0400d", i) != KR_NULL);
    kr_gc_collect_minor(vm);
    ck_assert_uint_le(vm->gc.pool_bytes, min);
    ck_assert_uint_le(vm->gc.pool_limit, min);
    ck_assert_uint_eq(vm->gc.allocated, bytes);
    /* the pool's lists still hold exactly pool_bytes, and allocation still reuses them */
    size_t listed = 0;
    for (unsigned c = 1; c <= KR_GC_POOL_CLASSES; c++)
        for (void *p = vm->gc.pool[c]; p; p = *(void **)p)
            listed += (size_t)c << 4;
    ck_assert_uint_eq(listed, vm->gc.pool_bytes);
    kr_value f = kr_float_new(vm, 3.25);
    ck_assert(kr_float_value(f) == 3.25);
    /* allocation of small objects takes from it again: the next cycle may keep a nursery's worth */
    for (int i = 0; i < 200000; i++)
        ck_assert(kr_float_new(vm, i) != KR_NULL);
    kr_gc_collect_minor(vm);
    ck_assert_uint_gt(vm->gc.pool_limit, 2 * min);
    ck_assert_int_eq(kr_list_size(keep), 400000);
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

/* Pacing for large objects (gc.c's KR_GC_LARGE_OBJECT): a large object's bytes are accounted once in
 * `allocated` and brought the threshold that much closer as well; a small one only counts once. */
START_TEST(test_large_objects_count_twice_toward_a_collection)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_gc_collect(vm);
    char text[8192];
    memset(text, 'x', sizeof text);
    size_t t0 = vm->gc.threshold, a0 = vm->gc.allocated;
    kr_value big = kr_str_new(vm, text, sizeof text);
    ck_assert(big != KR_NULL);
    size_t grew = vm->gc.allocated - a0;
    ck_assert_uint_ge(grew, sizeof text);
    ck_assert_uint_eq(vm->gc.threshold, t0 - grew);
    size_t t1 = vm->gc.threshold, a1 = vm->gc.allocated;
    ck_assert(kr_str_new(vm, text, 40) != KR_NULL);
    ck_assert_uint_gt(vm->gc.allocated, a1);
    ck_assert_uint_eq(vm->gc.threshold, t1);
    /* the threshold never wraps: it stops at 0, so the next safepoint collects */
    vm->gc.threshold = 100;
    ck_assert(kr_str_new(vm, text, sizeof text) != KR_NULL);
    ck_assert_uint_eq(vm->gc.threshold, 0);
    uint64_t before = vm->gc.collections;
    kr_gc_safepoint(vm);
    ck_assert_uint_eq(vm->gc.collections, before + 1);
    kr_vm_free(vm);
}
END_TEST

/* gc.c's KR_GC_MIN_LARGE_PROMOTED: the bytes of large objects that minor collections promote make a
 * collection major once they pass the floor (the heap is small here); small promoted objects do not
 * count; a major collection starts the count again. */
START_TEST(test_promoted_large_objects_make_a_major)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_gc_collect(vm);
    ck_assert_uint_eq(vm->gc.promoted_large, 0);
    kr_value list = kr_list_new(vm, 0);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (int i = 0; i < 200; i++)
        ck_assert(kr_list_append(vm, list, kr_str_fmt(vm, "small %d", i)) == 0);
    kr_gc_collect_minor(vm);
    ck_assert_uint_eq(vm->gc.promoted_large, 0);
    char text[4096];
    memset(text, 'y', sizeof text);
    for (int i = 0; i < 40; i++) /* 160 KB: below the floor */
        ck_assert(kr_list_append(vm, list, kr_str_new(vm, text, sizeof text)) == 0);
    kr_gc_collect_minor(vm);
    ck_assert_uint_ge(vm->gc.promoted_large, 40 * sizeof text);
    uint64_t majors = vm->gc.major_collections;
    vm->gc.threshold = 0;
    kr_gc_safepoint(vm);
    ck_assert_uint_eq(vm->gc.major_collections, majors); /* a minor one */
    for (int i = 0; i < 40; i++) /* 320 KB in all */
        ck_assert(kr_list_append(vm, list, kr_str_new(vm, text, sizeof text)) == 0);
    kr_gc_collect_minor(vm);
    ck_assert_uint_ge(vm->gc.promoted_large, 80 * sizeof text);
    vm->gc.threshold = 0;
    kr_gc_safepoint(vm);
    ck_assert_uint_eq(vm->gc.major_collections, majors + 1);
    ck_assert_uint_eq(vm->gc.promoted_large, 0);
    ck_assert_int_eq(kr_list_size(list), 280);
    ck_assert(all_old(vm));
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("collector");
    tcase_add_test(tc, test_unreachable_objects_are_freed);
    tcase_add_test(tc, test_rooted_and_reachable_survive);
    tcase_add_test(tc, test_cycles_are_collected);
    tcase_add_test(tc, test_memory_limit_raises_memory_error);
    tcase_add_test(tc, test_safepoint_pacing_and_disable);
    tcase_add_test(tc, test_stress_mode_collects_after_any_allocation);
    tcase_add_test(tc, test_two_vms_are_independent);
    tcase_add_test(tc, test_small_objects_are_pooled_and_reused);
    tcase_add_test(tc, test_minor_sweep_pools_young_dead_in_order);
    tcase_add_test(tc, test_empty_pool_is_refilled_in_a_batch);
    tcase_add_test(tc, test_idle_pool_class_released_when_another_runs_dry);
    tcase_add_test(tc, test_old_container_keeps_young_value_across_minor);
    tcase_add_test(tc, test_minor_frees_unreachable_young);
    tcase_add_test(tc, test_old_garbage_freed_only_by_major);
    tcase_add_test(tc, test_stress_mode_mixes_minor_and_major);
    tcase_add_test(tc, test_python_callee_of_c_loop_collects);
    tcase_add_test(tc, test_mark_stack_stays_small);
    tcase_add_test(tc, test_unused_pool_is_trimmed);
    tcase_add_test(tc, test_safepoint_expect_collects_before_a_burst);
    tcase_add_test(tc, test_large_objects_count_twice_toward_a_collection);
    tcase_add_test(tc, test_promoted_large_objects_make_a_major);
    tcase_add_test_raise_signal(tc, test_verifier_catches_missing_barrier, SIGABRT);
    tcase_set_timeout(tc, 30);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
