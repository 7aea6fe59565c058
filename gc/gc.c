/* gc.c: the VM heap and a precise, stop-the-world, generational mark-and-sweep collector.
 *
 * Invariants (outside a collection):
 *  - Every object is a block of vm->gc.heap (and on vm->gc.objects while young), or is on
 *    vm->gc.external (and a block of vm->gc.buf_heap), from kr_gc_alloc until it is swept. Every other
 *    block of vm->gc.heap is a pooled one (gc_mark KR_GC_POOLED, on a kr_gc.pool list).
 *  - Young objects have gc_mark == 0; old objects have gc_mark == mark_epoch (the "sticky" mark of
 *    the collection that promoted them or the last major one). So kr_gc_mark_obj, which stops at a
 *    marked object, never traces into an old object during a minor collection, and a major collection
 *    unmarks every old object at once by flipping mark_epoch between 1 and 2.
 *  - An old object with KR_GC_WATCH clear is on vm->gc.remembered; every other old object has it set;
 *    young objects have it clear.
 *  - An old object references a young one only if it is on vm->gc.remembered (the write barrier,
 *    kr_gc_barrier, keeps this; KRAIT_GC_VERIFY checks it). Every collection promotes all survivors,
 *    so right after one there is no young object and the remembered set is empty.
 *  - gc.allocated counts the usable size of every live object and buffer allocated through this file.
 *  - Collection only starts from kr_gc_collect / kr_gc_collect_minor / kr_gc_safepoint_slow, never
 *    from an allocation, so C code between safepoints may hold unrooted values (see gc.h).
 *
 * Promotion age: one collection. A survivor of a minor collection is old at once. Age two (Lua 5.4's
 * "survival" state) would keep objects that happened to be alive at the collection from being
 * promoted, at the cost of tracing every survivor twice and of a second young array. With a nursery
 * of several megabytes the objects caught in flight are a small fraction of it (perf/bench/word_freq's
 * counting loop: about 20 of 80,000 young objects survive each minor collection); data that is live
 * across a collection and dies later (json_roundtrip's decoded copy) is freed by a major collection.
 */
#include "gc.h"

#include <mimalloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../vm/kr.h"
#include "../vm/weakref.h"

/* Collections start no earlier than this much allocation, and this is the smallest nursery: a minor
 * collection costs a scan of the roots and of the remembered objects whatever the nursery, so a tiny
 * one pays that too often, but the nursery (and the pool of dead small objects it refills, which
 * holds as much) is most of the peak memory of a program with little live data. Measured on the
 * perf/ set (2026-12-07): 4 MB -> 1 MB took 3-5 MB off peak RSS of closures, fannkuch, raytrace,
 * nbody, binary_trees and exceptions (to 9.5-14.5 MB) with no time difference beyond the noise. */
#define KR_GC_MIN_NURSERY ((size_t)1 << 20)
/* The nursery grows with the heap (percent of the bytes live after the last collection): a remembered
 * big container (a dict being filled) is traced whole at each minor collection, so that cost is kept
 * proportional to the allocation between two of them. Measured on perf/bench (str_ops, word_freq,
 * json_roundtrip, sort_comp): 25 raised peak RSS by 5-10% over 12 for no clear gain in time. */
#define KR_GC_NURSERY_PERCENT 12
/* Lua 5.4's genmajormul: a major collection once the old generation has grown this many percent over
 * what survived the last major one. Old garbage comes only from objects that died after promotion
 * (json_roundtrip's decoded copy, word_freq's split lists), so the heap's peak is about
 * live * (100 + this) / 100 plus a nursery. Lua's 100 put peak RSS 10-25% above the non-generational
 * collector's (which collected at 150% of live); 30 keeps it at or below that, and majors stay rare
 * because minor collections keep short-lived garbage out of the old generation. */
#define KR_GC_DEFAULT_MAJOR_PERCENT 30
/* Old garbage costs more memory than its bytes when its objects are large: a dead promoted object
 * keeps its whole mimalloc page in use (64 KB for blocks up to 16 KB, 512 KB above), and a program
 * whose values change size as they go (perf/bench/pidigits' big ints, promoted by each minor collection
 * while live and dead a few iterations later) leaves such objects in a page of every size class it
 * passes through. So the bytes of large objects (not pooled: over 16 * KR_GC_POOL_CLASSES bytes)
 * promoted since the last major collection make the next collection major once they reach
 * major_percent of what that major kept, or this much while the heap is small. Measured
 * (2026-12-07): pidigits' peak RSS 12.3 -> ~10 MB, its majors 165 -> 600 (each a visit of a heap of
 * under 1 MB). Counting all promoted bytes against this smaller floor instead (the growth rule of
 * gc_major_threshold) moved word_freq's majors early in its run to worse moments and cost it 7 MB of
 * peak; it promotes small objects, which this rule ignores. */
#define KR_GC_MIN_LARGE_PROMOTED ((size_t)256 << 10)
/* Pacing for large objects: an object of at least this many bytes counts twice toward the next
 * collection (gc_large_debt), so that a program that allocates mostly large objects gets half a
 * nursery. The nursery's garbage of large blocks is spread over pages of few blocks each (25 blocks of
 * 20 KB in a 512 KB mimalloc page), that the survivors and the old garbage keep from being reused by
 * other size classes: perf/bench/pidigits held 3-4 such pages of 20 KB big ints, fully resident, for a
 * nursery of 50 of them. Small objects are pooled and packed (and most programs' garbage), so their
 * nursery is unchanged. */
#define KR_GC_LARGE_OBJECT ((size_t)1 << 10)
/* KRAIT_GC_STRESS: every this many collections is a major one (the others are minor). */
#define KR_GC_STRESS_MAJOR_EVERY 8

/* The bytes a nursery holds now. */
static size_t gc_nursery(const kr_gc *gc)
{
    size_t n = gc->live_after_last / 100 * KR_GC_NURSERY_PERCENT;
    return n < KR_GC_MIN_NURSERY ? KR_GC_MIN_NURSERY : n;
}

/* The old generation's size at which the next collection is major. */
static size_t gc_major_threshold(const kr_gc *gc)
{
    size_t t = gc->live_after_major / 100 * (100 + gc->major_percent);
    return t < gc->live_after_major + KR_GC_MIN_NURSERY ? gc->live_after_major + KR_GC_MIN_NURSERY : t;
}

/* Near the memory limit: collections must find all garbage (majors) before the limit makes allocation
 * fail. */
static size_t gc_soft_limit(const kr_gc *gc)
{
    return gc->limit - gc->limit / 8;
}

/* The threshold the pacing asks for now. */
static size_t gc_next_threshold(const kr_gc *gc)
{
    if (gc->stress)
        return gc->allocated + 1; /* collect at the next safepoint after any allocation */
    size_t next = gc->live_after_last + gc_nursery(gc);
    if (gc->limit) {
        /* Near a memory limit, collect before the limit would make allocation fail; once live data is
         * already close to it, collect again halfway to the limit (a bounded number of collections
         * rather than one per safepoint). */
        size_t soft = gc_soft_limit(gc);
        if (next > soft)
            next = soft;
        if (next <= gc->allocated)
            next = gc->allocated + (gc->limit > gc->allocated ? (gc->limit - gc->allocated) / 2 : 0) + 1;
    }
    return next;
}

/* krait_interrupt zeroes the threshold after raising the flag, from any thread. Storing a new threshold
 * could overwrite that zero, so the flag is read after the store (both sequentially consistent): an
 * interrupt either shows here, or its zero lands after this store. Either way the next poll goes slow. */
static void gc_set_threshold(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    atomic_store(&gc->threshold, gc_next_threshold(gc));
    if (atomic_load(&vm->interrupt))
        atomic_store(&gc->threshold, 0);
}

/* Whether dead small objects may be pooled (gc.h): not when freed memory must stay poisoned for
 * AddressSanitizer, nor in stress mode (the sanitizer runs use it). */
static bool gc_pooling(const kr_gc *gc)
{
#if defined(__SANITIZE_ADDRESS__)
    return false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return false;
#endif
#endif
    return !gc->stress;
}

int kr_gc_init(kr_vm *vm, size_t memory_limit, int stress)
{
    kr_gc *gc = &vm->gc;
    memset(gc, 0, sizeof *gc);
    /* Return the pages that mimalloc frees to the OS after 1 ms rather than its default delay (tens of
     * milliseconds, during which a program keeps allocating elsewhere): with the collector freeing
     * garbage in bursts, and big ints or big list/dict tables of ever-changing sizes landing in fresh
     * pages of other size classes, the delay alone held 10-25% of peak RSS above the live data
     * (measured 2026-12-07, perf/bench peak RSS: pidigits 16.9 -> 14.1 MB, json_roundtrip 71.5 -> 66
     * MB, sort_comp 40.3 -> 35.3 MB). A delay of 0 saved 2-3 MB more but made pidigits spend 0.2 s of
     * system time (60% of its run) unmapping and refaulting pages; 1 ms costs none measurably.
     * mimalloc's options are process-wide: set_default changes only the default, so a
     * MIMALLOC_DECOMMIT_DELAY (or MIMALLOC_PURGE_DELAY) in the environment, or a host's own
     * mi_option_set, still wins, and every VM asks for the same value. */
#if MI_MALLOC_VERSION >= 210
    mi_option_set_default(mi_option_purge_delay, 1);
#else
    mi_option_set_default(mi_option_decommit_delay, 1);
#endif
    /* And no extension of that delay: mimalloc pushes a segment's pending purge back by the extend
     * delay (default 1 ms) at every page freed in it, so in a program that keeps freeing pages (a
     * collector sweeping, every cycle) the purge never came, and pages a heap reused from such freed
     * memory came back resident whole (a 512 KB page for one 20 KB block). 0: pages freed for a
     * millisecond are purged at the segment's next page allocation. perf/bench/pidigits: peak RSS
     * 10.0 -> 9.5 MB, no measurable system time. Same rules as above for the environment. */
#if MI_MALLOC_VERSION >= 210
    mi_option_set_default(mi_option_purge_extend_delay, 0);
#else
    mi_option_set_default(mi_option_decommit_extend_delay, 0);
#endif
    gc->heap = mi_heap_new();
    gc->buf_heap = mi_heap_new();
    if (!gc->heap || !gc->buf_heap) {
        if (gc->heap)
            mi_heap_destroy(gc->heap);
        if (gc->buf_heap)
            mi_heap_destroy(gc->buf_heap);
        return -1;
    }
    gc->limit = memory_limit;
    /* Linux overcommits: a request for terabytes "succeeds" and then fills memory page by page.
     * Nothing larger than physical memory can be used, so such a request is a MemoryError now. */
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    gc->max_request = pages > 0 && page > 0 ? (size_t)pages * (size_t)page : SIZE_MAX;
    gc->stress = stress;
    gc->enabled = 1;
    gc->major_percent = KR_GC_DEFAULT_MAJOR_PERCENT;
    gc->mark_epoch = 1;
    const char *verify = getenv("KRAIT_GC_VERIFY");
    gc->verify = verify && *verify && strcmp(verify, "0") != 0;
    gc->pool_limit = gc_pooling(gc) ? KR_GC_MIN_NURSERY : 0;
    gc->gray_cap = 1024;
    gc->gray = malloc(gc->gray_cap * sizeof *gc->gray);
    if (!gc->gray) {
        mi_heap_destroy(gc->heap);
        mi_heap_destroy(gc->buf_heap);
        return -1;
    }
    gc_set_threshold(vm);
    return 0;
}

void kr_gc_destroy(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    /* Finalizers release what lives outside the heap (open files); the heap itself goes at once. */
    for (size_t i = 0; i < gc->nexternal; i++) {
        kr_object *o = gc->external[i];
        if (o->type && o->type->finalize)
            o->type->finalize(vm, o);
    }
    free(gc->objects);
    free(gc->external);
    free(gc->remembered);
    free(gc->finalizable);
    free(gc->to_finalize);
    gc->finalizable = gc->to_finalize = NULL;
    gc->nfinalizable = gc->nto_finalize = 0;
    gc->objects = gc->external = gc->remembered = NULL;
    gc->nobjects = gc->nold = gc->nexternal = gc->nremembered = 0;
    if (gc->heap)
        mi_heap_destroy(gc->heap);
    if (gc->buf_heap)
        mi_heap_destroy(gc->buf_heap);
    gc->heap = gc->buf_heap = NULL;
    free(gc->gray);
    gc->gray = NULL;
    free(vm->roots);
    vm->roots = NULL;
}

/* Whether a request of `size` bytes, replacing a block of `old` usable bytes (0 for a new one), must fail.
 * The accounting counts usable sizes (gc_account), which mimalloc rounds up to its size class, so the
 * limit is checked against that rounded size: checking the request let `allocated` end a few bytes
 * over the limit. */
static bool gc_over_limit(kr_gc *gc, size_t size, size_t old)
{
    if (size > gc->max_request)
        return true;
    if (!gc->limit)
        return false;
    size_t need = mi_good_size(size ? size : 1);
    if (need > old && gc->allocated + (need - old) > gc->limit) {
        /* Garbage, old garbage too, may be what fills the heap: a major collection at the very next
         * safepoint. */
        gc->want_major = true;
        gc->threshold = 0;
        return true;
    }
    return false;
}

static void gc_account(kr_gc *gc, size_t n)
{
    gc->allocated += n;
    if (gc->allocated > gc->peak_allocated)
        gc->peak_allocated = gc->allocated;
}

/* Room for `extra` more pointers in an object array of n; false when out of memory. */
static bool gc_array_reserve_n(kr_object ***arr, size_t n, size_t extra, size_t *cap)
{
    if (n + extra <= *cap)
        return true;
    size_t ncap = *cap ? *cap + *cap / 2 : 1024; /* 1.5x: the array is as big as the heap's object count */
    if (ncap < n + extra)
        ncap = n + extra;
    kr_object **p = realloc(*arr, ncap * sizeof *p);
    if (!p)
        return false;
    *arr = p;
    *cap = ncap;
    return true;
}

/* Room for one more pointer in an object array; false when out of memory. */
static bool gc_array_reserve(kr_object ***arr, size_t n, size_t *cap)
{
    return n < *cap || gc_array_reserve_n(arr, n, 1, cap);
}

/* How many fresh blocks an empty pool list is refilled with at once (gc_pool_refill). */
enum { GC_POOL_REFILL = 32 };

/* Refills the empty pool list of class cls with fresh blocks from mimalloc (as pooled blocks: gc_mark
 * KR_GC_POOLED, linked through their first word, in the order mimalloc returned them, which in a fresh
 * page is ascending), so that the allocations that follow take the pool's path, compiled code's
 * inline one (compiler/x86.cpp's emitPoolAlloc) included, instead of each making its way here through
 * the runtime. In allocation-heavy code whose young objects survive a collection (the trees of
 * perf/bench/binary_trees), the sweep gives the pool back less than a cycle allocates, so it runs
 * dry every cycle: a fifth of that program's tuples came through the full slow path before. Only
 * when pooling is on (pool_limit != 0) and without a memory limit (pooled blocks are not accounted in
 * `allocated`, which the limit checks); the pool may then hold up to GC_POOL_REFILL blocks per class
 * beyond pool_limit, a few KB. False when mimalloc has no memory. */
static bool gc_pool_refill(kr_gc *gc, size_t cls)
{
    size_t bytes = cls << 4;
    void *head = NULL, **link = &head;
    for (int i = 0; i < GC_POOL_REFILL; i++) {
        kr_object *o = mi_heap_malloc_small(gc->heap, bytes);
        if (!o)
            break;
        o->gc_mark = KR_GC_POOLED;
        *link = o;
        link = (void **)o;
        gc->pool_bytes += bytes;
        gc->pool_after_last += bytes; /* so that gc_begin counts what allocation takes of them */
    }
    *link = NULL;
    gc->pool[cls] = head;
    gc->pool_refilled = true;
    return head != NULL;
}

/* A large object's bytes again toward the next collection (KR_GC_LARGE_OBJECT): the threshold comes
 * that much closer. krait_interrupt may store 0 into it from another thread meanwhile: like
 * gc_set_threshold, the flag is read after the store, so that such a zero is never lost. */
static void gc_large_debt(kr_vm *vm, size_t n)
{
    kr_gc *gc = &vm->gc;
    size_t t = atomic_load(&gc->threshold);
    atomic_store(&gc->threshold, t > n ? t - n : 0);
    if (atomic_load(&vm->interrupt))
        atomic_store(&gc->threshold, 0);
}

/* kr_gc_alloc and kr_gc_alloc_body: `zero` false leaves a large object's bytes after its header as
 * mimalloc returned them (small ones come zeroed either way: the pool's blocks are zeroed as taken). */
static inline __attribute__((always_inline)) void *gc_alloc(kr_vm *vm, kr_type *type, size_t size, bool zero)
{
    kr_gc *gc = &vm->gc;
    bool external = type && (type->flags & KR_TF_EXTERNAL_FINALIZE);
    size_t cls = (size + 15) >> 4;
    bool small = size && cls <= KR_GC_POOL_CLASSES && !external;
    if (small) {
        kr_object *o = kr_gc_pool_take(gc, type, size);
        if (!o && !gc->pool[cls] && gc->pool_limit && !gc->limit && gc->nobjects < gc->objects_cap &&
            gc_pool_refill(gc, cls))
            o = kr_gc_pool_take(gc, type, size);
        if (o)
            return o;
    }
    if (gc_over_limit(gc, small ? cls << 4 : size, 0)) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    kr_object *o;
    if (external ? !gc_array_reserve(&gc->external, gc->nexternal, &gc->external_cap)
                 : !gc_array_reserve(&gc->objects, gc->nobjects, &gc->objects_cap)) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    if (small) {
        /* a small object the pool could not give: a block of exactly its class's size (a mimalloc
         * size class too, so that is its usable size) */
        size_t bytes = cls << 4;
        if (!(o = mi_heap_zalloc(gc->heap, bytes))) {
            kr_raise_nomemory(vm);
            return NULL;
        }
        gc_account(gc, bytes);
        o->gc_flags = (uint8_t)(cls << KR_GC_CLASS_SHIFT);
    } else {
        /* External objects are listed (and swept) apart: not in the object heap, whose every block
         * a major sweep visits. */
        mi_heap_t *heap = external ? gc->buf_heap : gc->heap;
        o = zero ? mi_heap_zalloc(heap, size) : mi_heap_malloc(heap, size);
        if (!o) {
            kr_raise_nomemory(vm);
            return NULL;
        }
        if (!zero)
            memset(o, 0, sizeof *o);
        size_t n = mi_usable_size(o);
        gc_account(gc, n);
        if (n >= KR_GC_LARGE_OBJECT && !gc->stress)
            gc_large_debt(vm, n);
    }
    o->type = type;
    if (external)
        gc->external[gc->nexternal++] = o;
    else
        gc->objects[gc->nobjects++] = o;
    return o;
}

void *kr_gc_alloc(kr_vm *vm, kr_type *type, size_t size) { return gc_alloc(vm, type, size, true); }

void *kr_gc_alloc_body(kr_vm *vm, kr_type *type, size_t size) { return gc_alloc(vm, type, size, false); }

void *kr_mem_alloc(kr_vm *vm, size_t size)
{
    kr_gc *gc = &vm->gc;
    /* The common case, a small buffer (list items of a slice: fannkuch makes one per flip) without a
     * memory limit, skips the limit check's call and mimalloc's size dispatch. */
    if (size - 1 < MI_SMALL_SIZE_MAX && !gc->limit) {
        void *p = mi_heap_malloc_small(gc->buf_heap, size);
        if (__builtin_expect(p != NULL, 1)) {
            gc_account(gc, mi_usable_size(p));
            return p;
        }
    }
    if (gc_over_limit(gc, size, 0)) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    void *p = mi_heap_malloc(gc->buf_heap, size ? size : 1);
    if (!p) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    gc_account(gc, mi_usable_size(p));
    return p;
}

void *kr_mem_zalloc(kr_vm *vm, size_t size)
{
    void *p = kr_mem_alloc(vm, size);
    if (p)
        memset(p, 0, size);
    return p;
}

void *kr_mem_realloc(kr_vm *vm, void *p, size_t size)
{
    if (!p)
        return kr_mem_alloc(vm, size);
    kr_gc *gc = &vm->gc;
    size_t old = mi_usable_size(p);
    if (size > old && gc_over_limit(gc, size, old)) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    void *q = mi_heap_realloc(gc->buf_heap, p, size ? size : 1);
    if (!q) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    gc->allocated -= old;
    gc_account(gc, mi_usable_size(q));
    return q;
}

void kr_mem_free(kr_vm *vm, void *p)
{
    if (!p)
        return;
    vm->gc.allocated -= mi_usable_size(p);
    mi_free(p);
}

/* ---- marking ---- */

/* The mark stack's capacity kept between collections (entries; it starts at 1024 and doubles). */
enum { GC_GRAY_KEEP = 16384 };

static void gc_push_gray(kr_vm *vm, kr_object *o)
{
    kr_gc *gc = &vm->gc;
    if (gc->ngray == gc->gray_cap) {
        size_t cap = gc->gray_cap * 2;
        kr_object **g = realloc(gc->gray, cap * sizeof *g);
        if (!g) {
            /* Out of memory for the mark stack itself: nothing sane remains. */
            fputs("krait: fatal: out of memory while collecting garbage\n", stderr);
            abort();
        }
        gc->gray = g;
        gc->gray_cap = cap;
    }
    gc->gray[gc->ngray++] = o;
}

/* An object whose type has no trace hook (a str, a float, bytes) references nothing but its type: it
 * is marked without going through the mark stack, and its type with it (a type is traced, so that one
 * is pushed). Pushing every leaf made the stack as long as the biggest list of strings (str_ops' 600,000
 * fields: an 8 MB stack kept for the rest of the run, 5% of its peak RSS), for a store and a reload per
 * object. The verifier (gc_verify_one) finds a missing barrier by what a trace hook pushes, so with it
 * on every object is pushed. */
void kr_gc_mark_obj(kr_vm *vm, kr_object *o)
{
    kr_gc *gc = &vm->gc;
    if (!o || o->gc_mark == gc->mark_epoch)
        return;
    o->gc_mark = gc->mark_epoch;
    if (!o->type->trace && !gc->verify) {
        kr_object *t = &o->type->ob;
        if (t->gc_mark != gc->mark_epoch) {
            t->gc_mark = gc->mark_epoch;
            gc_push_gray(vm, t);
        }
        return;
    }
    gc_push_gray(vm, o);
}

void kr_gc_mark(kr_vm *vm, kr_value v)
{
    if (kr_is_ptr(v))
        kr_gc_mark_obj(vm, KR_OBJ(v));
}

static void gc_drain(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    while (gc->ngray) {
        kr_object *o = gc->gray[--gc->ngray];
        /* An object keeps its type alive (heap types die with their last instance). */
        kr_gc_mark_obj(vm, &o->type->ob);
        if (o->type->trace)
            o->type->trace(vm, o);
    }
}

/* The sweep. An object is dead when its mark is not the current epoch (KR_GC_POOLED: a pooled block,
 * not an object). No dead object is freed before every dead one is finalized, and none has more
 * than its header overwritten before (pooling and chaining write its first word, pooling its
 * gc_mark), so that a finalizer may still read a dead peer's fields (heap_finalize reads its possibly
 * dead type's).
 *
 * A minor collection sweeps the young array in one pass, reading headers in array order with
 * prefetching ahead (it is bound by memory latency): each dead object is finalized and released into
 * a batch (gc_dead_batch: pooled or chained for mi_free), each survivor gets KR_GC_WATCH and leaves
 * the array, promoted. There is no array of the old objects (it
 * cost 8 bytes per object of the whole heap, as much as a third of a short str): a major collection
 * visits every block of the object heap (gc->heap holds objects and pooled blocks only; buffers and
 * external objects are in gc->buf_heap) page by page with mi_heap_visit_blocks, which finds the young
 * objects too, in one pass that finalizes each dead object and releases it into a batch as well;
 * the batch's chain is freed after the visit, since mimalloc must not free under a visit (a page
 * left empty may be released while it is walked). */
enum { GC_PREFETCH_AHEAD = 16 };

static void gc_finalize_dead(kr_vm *vm, kr_object **arr, size_t n)
{
    uint8_t live = vm->gc.mark_epoch;
    for (size_t i = 0; i < n; i++) {
        if (i + GC_PREFETCH_AHEAD < n)
            __builtin_prefetch(arr[i + GC_PREFETCH_AHEAD], 0);
        kr_object *o = arr[i];
        if (o->gc_mark != live && o->type->finalize)
            o->type->finalize(vm, o);
    }
}

/* The dead objects a sweep found, released in a batch: each is kept in the pool of its size class
 * while the pool has room (gc.h), else chained for mi_free, and the pool's lists and the byte counts
 * are updated once at the end (gc_batch_finish) rather than per object. During the pass a dead object
 * has only its header overwritten (its first word, which links it, and gc_mark when pooled), so a
 * finalizer that runs later in the pass still reads a dead peer's fields beyond the header; and nothing
 * is freed before the pass ends (mi_free could give a whole page back while a later finalizer still
 * reads a dead peer, or while mi_heap_visit_blocks walks it). Finalizers may free buffers (kr_mem_free
 * lowers gc->allocated) but never touch the pool, so the order of the updates does not matter. The
 * pool's lists are built in sweep order (appended at their tails), so that allocation reuses blocks
 * in the order they were allocated before, mostly ascending addresses. */
typedef struct gc_dead_batch {
    void *head[KR_GC_POOL_CLASSES + 1], *tail[KR_GC_POOL_CLASSES + 1];
    void *dead;    /* to mi_free after the pass, linked through their first word */
    size_t room;   /* bytes the pool may still take */
    size_t pooled; /* bytes pooled */
    size_t freed;  /* bytes chained for mi_free */
    size_t ndead;
} gc_dead_batch;

static inline void gc_batch_init(const kr_gc *gc, gc_dead_batch *b)
{
    memset(b, 0, sizeof *b);
    b->room = gc->pool_limit > gc->pool_bytes ? gc->pool_limit - gc->pool_bytes : 0;
}

/* A dead object, already finalized. */
static inline void gc_batch_add(gc_dead_batch *b, kr_object *o)
{
    size_t cls = o->gc_flags >> KR_GC_CLASS_SHIFT, bytes = cls << 4;
    b->ndead++;
    if (cls && bytes <= b->room) {
        b->room -= bytes;
        b->pooled += bytes;
        *(void **)o = NULL;
        o->gc_mark = KR_GC_POOLED;
        if (b->tail[cls])
            *(void **)b->tail[cls] = o;
        else
            b->head[cls] = o;
        b->tail[cls] = o;
    } else {
        b->freed += cls ? bytes : mi_usable_size(o); /* a small object's block is exactly its class */
        *(void **)o = b->dead;
        b->dead = o;
    }
}

/* After the pass: the pooled lists spliced in front of the pool's, the bytes accounted, the rest freed. */
static void gc_batch_finish(kr_gc *gc, gc_dead_batch *b)
{
    for (size_t c = 1; c <= KR_GC_POOL_CLASSES; c++) {
        if (b->head[c]) {
            *(void **)b->tail[c] = gc->pool[c];
            gc->pool[c] = b->head[c];
        }
    }
    gc->pool_bytes += b->pooled;
    gc->allocated -= b->pooled + b->freed;
    gc->objects_freed += b->ndead;
    while (b->dead) {
        void *next = *(void **)b->dead;
        mi_free(b->dead);
        b->dead = next;
    }
}

/* Finalizes and releases (gc_dead_batch) the dead of arr[0..*n) in one pass; with `compact`, moves
 * the survivors to the array's front (*n becomes their count; without, *n is their count and the
 * array is left as it is: the young array, whose survivors are promoted, needs no compaction).
 * `finalize`: run the types' finalizers (false: already run). This loop is most of a minor
 * collection's cost in float-heavy code (perf/bench/nbody: a fifth of all instructions, after a
 * quarter when each dead object went through a release call that updated the pool and counters). */
static inline __attribute__((always_inline)) void gc_free_dead_impl(kr_vm *vm, kr_object **arr, size_t *n,
                                                                    bool finalize, bool compact)
{
    kr_gc *gc = &vm->gc;
    uint8_t live = gc->mark_epoch;
    size_t count = *n, k = 0, large = 0;
    gc_dead_batch b;
    gc_batch_init(gc, &b);
    for (size_t i = 0; i < count; i++) {
        if (i + GC_PREFETCH_AHEAD < count)
            __builtin_prefetch(arr[i + GC_PREFETCH_AHEAD], 1);
        kr_object *o = arr[i];
        if (o->gc_mark == live) {
            o->gc_flags |= KR_GC_WATCH;
            if (compact)
                arr[k] = o;
            else if (!(o->gc_flags >> KR_GC_CLASS_SHIFT))
                large += mi_usable_size(o); /* a large young survivor, promoted (KR_GC_MIN_LARGE_PROMOTED) */
            k++;
            continue;
        }
        if (finalize) {
            void (*fin)(kr_vm *, kr_object *) = o->type->finalize;
            if (fin)
                fin(vm, o);
        }
        gc_batch_add(&b, o);
    }
    *n = k;
    gc->promoted_large += large;
    gc_batch_finish(gc, &b);
}

/* The young array's sweep: its survivors are promoted (they leave the array), so they are counted,
 * not compacted. */
static void gc_free_dead_young(kr_vm *vm)
{
    gc_free_dead_impl(vm, vm->gc.objects, &vm->gc.nobjects, true, false);
}

/* The external objects' sweep after gc_finalize_dead ran their finalizers: the survivors stay listed. */
static void gc_free_dead_external(kr_vm *vm)
{
    gc_free_dead_impl(vm, vm->gc.external, &vm->gc.nexternal, false, true);
}

typedef struct gc_sweep_state {
    kr_vm *vm;
    kr_gc *gc;
    gc_dead_batch batch;
    size_t live;
} gc_sweep_state;

/* A major sweep's one pass over the object heap: finalizes each dead object and then releases it into
 * the batch (gc_dead_batch: only its header is overwritten, so a finalizer that runs later in the
 * pass still reads a dead peer's fields beyond the header; heap_finalize reads its type's, and a type,
 * over 128 bytes, is never pooled). */
static bool gc_visit_sweep(const mi_heap_t *heap, const mi_heap_area_t *area, void *block, size_t size, void *arg)
{
    (void)heap, (void)area, (void)size;
    gc_sweep_state *st = arg;
    kr_object *o = block;
    if (!o || o->gc_mark == KR_GC_POOLED)
        return true;
    if (o->gc_mark == st->gc->mark_epoch) {
        o->gc_flags |= KR_GC_WATCH;
        st->live++;
        return true;
    }
    if (o->type->finalize)
        o->type->finalize(st->vm, o);
    gc_batch_add(&st->batch, o);
    return true;
}

/* Gives back most of an object array's spare room when it holds much less (down to a quarter more than
 * `n`). */
static void gc_array_shrink(kr_object ***arr, size_t n, size_t *cap)
{
    if (*cap > 4096 && n < *cap / 2) {
        size_t ncap = n + n / 4 < 4096 ? 4096 : n + n / 4;
        kr_object **p = realloc(*arr, ncap * sizeof *p);
        if (p) {
            *arr = p;
            *cap = ncap;
        }
    }
}

static void gc_fatal(const char *what)
{
    fprintf(stderr, "krait: fatal: out of memory %s\n", what);
    abort();
}

/* Sweeps the young objects (and, for a major collection, the old ones), promoting every survivor:
 * a survivor is old once it is off the young array, with its mark and KR_GC_WATCH. */
static void gc_sweep(kr_vm *vm, bool major)
{
    kr_gc *gc = &vm->gc;
    size_t nyoung = gc->nobjects;
    /* objects with external finalization first: what they release is done with before any object's
     * memory is reused */
    gc_finalize_dead(vm, gc->external, gc->nexternal);
    if (major) {
        gc_sweep_state st = {.vm = vm, .gc = gc, .live = 0};
        gc_batch_init(gc, &st.batch);
        mi_heap_visit_blocks(gc->heap, true, gc_visit_sweep, &st);
        gc_batch_finish(gc, &st.batch); /* after the visit: mimalloc must not free under it */
        gc->nold = st.live;
    } else {
        gc_free_dead_young(vm);
        gc->nold += gc->nobjects;
    }
    gc->nobjects = 0;
    gc_free_dead_external(vm);
    /* The young array is refilled by the next cycle: shrunk only to what this one needed (emptying it
     * each time made every cycle regrow it step by step, a realloc churn that left freed blocks of
     * every size behind in the C heap), so that a cycle that made unusually many objects (one C
     * call making a million) does not keep its room for ever. */
    gc_array_shrink(&gc->objects, nyoung, &gc->objects_cap);
}

/* Empties the remembered set: after a collection there is no young object left to remember. */
static void gc_forget_remembered(kr_gc *gc)
{
    for (size_t i = 0; i < gc->nremembered; i++)
        gc->remembered[i]->gc_flags |= KR_GC_WATCH;
    gc->nremembered = 0;
    gc_array_shrink(&gc->remembered, 0, &gc->remembered_cap);
}

void kr_gc_barrier_slow(kr_vm *vm, kr_object *container)
{
    kr_gc *gc = &vm->gc;
    if (!gc_array_reserve(&gc->remembered, gc->nremembered, &gc->remembered_cap))
        gc_fatal("for the remembered set");
    container->gc_flags &= (uint8_t)~KR_GC_WATCH;
    gc->remembered[gc->nremembered++] = container;
}

void kr_gc_barrier_call(kr_vm *vm, kr_object *container, kr_value value)
{
    kr_gc_barrier(vm, container, value);
}

/* The verifier (KRAIT_GC_VERIFY): after a minor collection's marking, every young object an old object
 * references must be marked. Each marked object's trace hook runs with an empty gray stack: marking
 * pushes only unmarked objects, and an unmarked object is young and unreached, so anything pushed is a
 * young object that an old one holds without having been remembered: a store without kr_gc_barrier.
 * (A young object marked by this collection was traced already: all it references is marked.) */
static void gc_verify_one(kr_vm *vm, kr_object *o)
{
    kr_gc *gc = &vm->gc;
    if (o->gc_mark != gc->mark_epoch)
        return; /* young and dead, or a pooled block */
    if (o->type->trace)
        o->type->trace(vm, o);
    kr_gc_mark_obj(vm, &o->type->ob);
    if (gc->ngray) {
        kr_object *child = gc->gray[0];
        fprintf(stderr,
                "krait: gc verify: old %s object %p (%s) references young %s object %p that is not "
                "marked: a store into it missed kr_gc_barrier\n",
                o->type->name_c, (void *)o, (o->gc_flags & KR_GC_WATCH) ? "not remembered" : "remembered",
                child->type ? child->type->name_c : "?", (void *)child);
        abort();
    }
}

static bool gc_visit_verify(const mi_heap_t *heap, const mi_heap_area_t *area, void *block, size_t size,
                            void *arg)
{
    (void)heap, (void)area, (void)size;
    if (block)
        gc_verify_one(arg, block);
    return true;
}

typedef struct gc_each_state {
    void (*fn)(kr_object *o, void *arg);
    void *arg;
} gc_each_state;

static bool gc_visit_each(const mi_heap_t *heap, const mi_heap_area_t *area, void *block, size_t size, void *arg)
{
    (void)heap, (void)area, (void)size;
    gc_each_state *st = arg;
    if (block && ((kr_object *)block)->gc_mark != KR_GC_POOLED)
        st->fn(block, st->arg);
    return true;
}

void kr_gc_for_each_object(kr_vm *vm, void (*fn)(kr_object *o, void *arg), void *arg)
{
    gc_each_state st = {fn, arg};
    mi_heap_visit_blocks(vm->gc.heap, true, gc_visit_each, &st);
    for (size_t i = 0; i < vm->gc.nexternal; i++)
        fn(vm->gc.external[i], arg);
}

static void gc_mark_roots(kr_vm *vm)
{
    for (size_t i = 0; i < vm->nroots; i++)
        kr_gc_mark(vm, *vm->roots[i]);
    for (size_t i = 0; i < vm->gc.nto_finalize; i++)
        kr_gc_mark_obj(vm, vm->gc.to_finalize[i]);
    kr_vm_trace_roots(vm);
}

void kr_gc_want_finalizer(kr_vm *vm, kr_object *o)
{
    kr_gc *gc = &vm->gc;
    if (o->gc_flags & KR_GC_FINALIZABLE)
        return;
    if (!gc_array_reserve(&gc->finalizable, gc->nfinalizable, &gc->finalizable_cap))
        return; /* out of memory: the object just goes without finalization */
    o->gc_flags |= KR_GC_FINALIZABLE;
    gc->finalizable[gc->nfinalizable++] = o;
}

/* After marking: every registered object left unmarked is queued for its hook and marked, with
 * everything it references, so that none of it is freed before the hook has run. In a minor
 * collection old objects carry the mark: only young ones can be found unreachable, as it should be. */
static void gc_resurrect_finalizable(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    size_t k = 0;
    for (size_t i = 0; i < gc->nfinalizable; i++) {
        kr_object *o = gc->finalizable[i];
        if (o->gc_mark == gc->mark_epoch) {
            gc->finalizable[k++] = o;
            continue;
        }
        if (!gc_array_reserve(&gc->to_finalize, gc->nto_finalize, &gc->to_finalize_cap))
            gc_fatal("for the finalization queue");
        o->gc_flags &= (uint8_t)~KR_GC_FINALIZABLE;
        gc->to_finalize[gc->nto_finalize++] = o;
        kr_gc_mark_obj(vm, o);
    }
    gc->nfinalizable = k;
    gc_drain(vm);
}

void kr_gc_run_finalizers(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    if (gc->finalizing || (!gc->nto_finalize && !kr_weakref_callbacks_pending(vm)))
        return;
    gc->finalizing = true;
    /* a safepoint has no exception pending, but keep any the caller had */
    kr_value pending = vm->exc;
    vm->exc = KR_NULL;
    size_t outer = kr_root_mark(vm);
    kr_root_push(vm, &pending);
    /* In queue order, which is registration order among what one collection found: CPython finalizes
     * a container before what it holds (that dies when the container is freed), and garbage found
     * together in about the order it was made. Every queued object stays queued (rooted) until all
     * ran, and the Python code may collect and queue more, which this loop reaches too. */
    /* Weak reference callbacks first, as CPython's collector calls them before the finalizers (the
     * references were cleared before either could run); those that the finalizers' own collections
     * queue run after them, in the same loop. */
    size_t i = 0;
    do {
        kr_weakref_run_callbacks(vm);
        for (; i < gc->nto_finalize; i++) {
            kr_value o = KR_VAL(gc->to_finalize[i]);
            KR_OBJ(o)->type->py_finalize(vm, o);
        }
    } while (kr_weakref_callbacks_pending(vm));
    gc->nto_finalize = 0;
    kr_root_reset(vm, outer);
    vm->exc = pending;
    gc->finalizing = false;
}

void kr_gc_finalize_at_exit(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    if (gc->finalizing || gc->collecting)
        return;
    for (size_t i = 0; i < gc->nfinalizable; i++) {
        gc->finalizable[i]->gc_flags &= (uint8_t)~KR_GC_FINALIZABLE;
        if (gc_array_reserve(&gc->to_finalize, gc->nto_finalize, &gc->to_finalize_cap))
            gc->to_finalize[gc->nto_finalize++] = gc->finalizable[i];
        /* else out of memory: this one goes without */
    }
    gc->nfinalizable = 0;
    kr_gc_run_finalizers(vm);
}

/* The pool's size for the next cycle: a nursery's worth (what the next cycle allocates anyway) while
 * allocation takes its blocks back (a float or tuple heavy loop recycles most of it each cycle). When
 * the last cycle took less than an eighth of what the pool held, the program has moved on to other
 * sizes, and the blocks nothing takes are dead memory that mimalloc could reuse or give back (str_ops
 * held an 11 MB pool untouched through its phase of big strings, 7% of its peak RSS): the pool is cut
 * to KR_GC_MIN_NURSERY and the excess freed. (Cutting it to twice what was taken, every cycle, cost
 * word_freq 7 MB more: the blocks freed into half-full pages were not reused as well as pooled ones.) */
static void gc_pool_resize(kr_gc *gc)
{
    size_t nursery = gc_nursery(gc), limit = nursery;
    if (gc->pool_taken * 8 < gc->pool_after_last && KR_GC_MIN_NURSERY < nursery)
        limit = KR_GC_MIN_NURSERY;
    gc->pool_limit = limit;
    /* largest classes first: fewer blocks to free for the same bytes */
    for (size_t c = KR_GC_POOL_CLASSES; c >= 1 && gc->pool_bytes > limit; c--) {
        size_t bytes = c << 4;
        while (gc->pool[c] && gc->pool_bytes > limit) {
            void *b = gc->pool[c];
            gc->pool[c] = *(void **)b;
            gc->pool_bytes -= bytes;
            mi_free(b);
        }
    }
}

/* At the start of a collection, when some class ran dry during the cycle: frees the pooled blocks of
 * every class allocation took nothing of (its head unchanged since the last collection ended), before
 * the sweep fills the pool up to its limit. Without it the blocks of a finished phase held the room:
 * perf/bench/matrix_mult's float loops, after its tuple-making phase, had 0.7 MB of idle tuples pooled,
 * so each sweep freed two thirds of its dead floats and allocation refilled them fresh from mimalloc
 * (gc_pool_refill), a fifth of that program's instructions going to that churn. */
static void gc_pool_release_idle(kr_gc *gc)
{
    for (size_t c = 1; c <= KR_GC_POOL_CLASSES; c++) {
        if (!gc->pool[c] || gc->pool[c] != gc->pool_mark[c])
            continue;
        size_t bytes = c << 4;
        while (gc->pool[c]) {
            void *b = gc->pool[c];
            gc->pool[c] = *(void **)b;
            gc->pool_bytes -= bytes;
            mi_free(b);
        }
    }
}

/* At the start of a collection: how much of the pool allocation took since the last one. */
static void gc_begin(kr_gc *gc)
{
    gc->collecting = 1;
    gc->pool_taken = gc->pool_after_last > gc->pool_bytes ? gc->pool_after_last - gc->pool_bytes : 0;
    if (gc->pool_refilled)
        gc_pool_release_idle(gc);
}

static void gc_finish(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    /* The mark stack is as deep as the widest structure traced: give back what a rare deep marking
     * grew, so that its memory is not held for the rest of the run. */
    if (gc->gray_cap > GC_GRAY_KEEP) {
        kr_object **g = realloc(gc->gray, GC_GRAY_KEEP * sizeof *g);
        if (g) {
            gc->gray = g;
            gc->gray_cap = GC_GRAY_KEEP;
        }
    }
    gc->live_after_last = gc->allocated;
    if (gc_pooling(gc))
        gc_pool_resize(gc);
    gc->pool_after_last = gc->pool_bytes;
    memcpy(gc->pool_mark, gc->pool, sizeof gc->pool_mark);
    gc->pool_refilled = false;
    gc->collections++;
    gc_set_threshold(vm);
    gc->collecting = 0;
}

void kr_gc_collect_minor(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    if (gc->collecting)
        return;
    gc_begin(gc);
    gc_mark_roots(vm);
    /* The remembered objects are old: they are traced as roots (their young children), never marked
     * again (they already carry the mark). */
    for (size_t i = 0; i < gc->nremembered; i++) {
        kr_object *o = gc->remembered[i];
        kr_gc_mark_obj(vm, &o->type->ob);
        if (o->type->trace)
            o->type->trace(vm, o);
    }
    gc_drain(vm);
    kr_weakref_gc_clear(vm, false); /* before a finalizer can see the dead (vm/weakref.h) */
    gc_resurrect_finalizable(vm);
    kr_weakref_gc_prune(vm, false);
    if (gc->verify) {
        mi_heap_visit_blocks(gc->heap, true, gc_visit_verify, vm);
        for (size_t i = 0; i < gc->nexternal; i++)
            gc_verify_one(vm, gc->external[i]);
    }
    gc_forget_remembered(gc);
    gc_sweep(vm, false);
    gc->minors_since_major++;
    gc_finish(vm);
}

void kr_gc_collect(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    if (gc->collecting)
        return;
    gc_begin(gc);
    gc->mark_epoch = gc->mark_epoch == 1 ? 2 : 1; /* every object unmarked at once */
    gc_mark_roots(vm);
    gc_drain(vm);
    kr_weakref_gc_clear(vm, true); /* before a finalizer can see the dead (vm/weakref.h) */
    gc_resurrect_finalizable(vm);
    kr_weakref_gc_prune(vm, true);
    gc_forget_remembered(gc); /* before the sweep, which may free remembered objects */
    gc_sweep(vm, true);
    gc->live_after_major = gc->allocated;
    gc->promoted_large = 0;
    gc->major_collections++;
    gc->minors_since_major = 0;
    gc->want_major = false;
    gc_finish(vm);
}

/* Whether the collection that pacing asks for now should be major. */
static bool gc_major_due(const kr_gc *gc)
{
    if (gc->want_major)
        return true;
    if (gc->stress)
        return (gc->collections + 1) % KR_GC_STRESS_MAJOR_EVERY == 0;
    /* Major once the heap, less a nursery's worth of young bytes (those a minor collection would
     * mostly free), has grown past the threshold: the heap stays within about live * (100 +
     * major_percent) / 100 plus a nursery. In a steady state of minor collections this is the old
     * generation's own growth (the young bytes are the nursery); after a C call that allocated far
     * more than a nursery at once (json.loads of a big document, str.split), the excess is counted as
     * old, as it mostly becomes once promoted, and the major comes now rather than after one more
     * cycle's worth of growth on top of it. */
    if (gc->allocated >= gc_major_threshold(gc) + gc_nursery(gc))
        return true;
    /* KR_GC_MIN_LARGE_PROMOTED: large promoted objects pin pages */
    size_t large = gc->live_after_major / 100 * gc->major_percent;
    if (gc->promoted_large >= (large < KR_GC_MIN_LARGE_PROMOTED ? KR_GC_MIN_LARGE_PROMOTED : large))
        return true;
    return gc->limit && gc->allocated >= gc_soft_limit(gc);
}

void kr_gc_safepoint_slow(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    if (atomic_load(&vm->interrupt) && gc->allocated < gc_next_threshold(gc)) {
        /* Here for krait_interrupt's zero threshold, not for debt: no collection. The threshold stays
         * 0 until the interrupt check that comes with this safepoint (the interpreter's
         * INTERRUPT_CHECK, kr_jit_rt_poll) takes the flag; the next safepoint restores it then. */
        return;
    }
    if (!gc->enabled || gc->collecting) {
        /* Re-check after another threshold's worth of allocation. */
        gc->live_after_last = gc->allocated;
        gc_set_threshold(vm);
        return;
    }
    if (gc_major_due(gc))
        kr_gc_collect(vm);
    else
        kr_gc_collect_minor(vm);
    kr_gc_run_finalizers(vm);
}

/* C code about to allocate about `bytes` with no safepoint in between (json.loads building a whole
 * document) calls this where a collection is safe. If the burst would make a major collection due
 * (gc_major_due's rule, counting the burst as allocated), the major runs now, before it: the old
 * garbage goes first and the heap peaks at live + burst rather than at the major threshold + burst
 * (perf/bench/json_roundtrip: peak heap 51 -> 39 MB). Anything short of that is left to the next
 * ordinary safepoint, as for any other call. An over-estimate only brings a due major forward by at
 * most `bytes` of allocation. */
void kr_gc_safepoint_expect(kr_vm *vm, size_t bytes)
{
    kr_gc *gc = &vm->gc;
    if (gc->stress || !gc->enabled || gc->collecting)
        return;
    size_t after = gc->allocated + bytes < gc->allocated ? SIZE_MAX : gc->allocated + bytes;
    if (after < gc_major_threshold(gc) + gc_nursery(gc))
        return;
    kr_gc_collect(vm);
    kr_gc_run_finalizers(vm);
}

/* ---- C roots ---- */

size_t kr_root_mark(kr_vm *vm) { return vm->nroots; }

void kr_root_push(kr_vm *vm, kr_value *slot)
{
    if (vm->nroots == vm->roots_cap) {
        size_t cap = vm->roots_cap ? vm->roots_cap * 2 : 64;
        kr_value **r = realloc(vm->roots, cap * sizeof *r);
        if (!r) {
            fputs("krait: fatal: out of memory for C roots\n", stderr);
            abort();
        }
        vm->roots = r;
        vm->roots_cap = cap;
    }
    vm->roots[vm->nroots++] = slot;
}

void kr_root_reset(kr_vm *vm, size_t mark)
{
    if (mark < vm->nroots)
        vm->nroots = mark;
}
