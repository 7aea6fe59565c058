/* gc.h: the heap and the collector's interface.
 *
 * Every object and every buffer an object owns is allocated in the VM's own mi_heaps (kr_gc.heap for
 * objects, kr_gc.buf_heap for buffers and external objects), so destroying a VM frees everything at
 * once (mi_heap_destroy) and two VMs never share memory.
 *
 * Collector: precise, non-moving, stop-the-world, generational mark and sweep (Lua 5.4's generational
 * mode, with "sticky" mark bits). The young objects (allocated since the last collection) are listed
 * in the array kr_gc.objects; the old ones (that survived one collection) are not listed: they are the
 * other blocks of kr_gc.heap, which a major collection's sweep visits.
 *  - A minor collection marks from the roots and the remembered set, traces only into young objects
 *    (an old object keeps the mark of the collection that promoted it, so marking stops there) and
 *    sweeps only kr_gc.objects: the dead are freed, the survivors become old (they leave the array).
 *    Old objects are never freed by a minor collection.
 *  - A major collection flips the meaning of the mark (kr_gc.mark_epoch), so every object is unmarked
 *    at once, marks everything from the roots and sweeps both arrays. gc.collect() and kr_gc_collect
 *    are always major.
 *  - The write barrier: after storing a value into an existing heap object, kr_gc_barrier records an
 *    old container that receives a young object in the remembered set (once: KR_GC_WATCH is cleared
 *    while it is there); a minor collection traces the remembered objects as roots. Stores into
 *    interpreter frame slots need no barrier: frames (a running generator's included) are roots.
 *    Because every survivor is promoted at once, right after any collection there is no young object:
 *    the remembered set is emptied then.
 *  - KRAIT_GC_VERIFY=1 (or -X gc_verify=1) checks after every minor mark that every young object an
 *    old one references is marked (a missing barrier otherwise) and aborts with both types if not.
 *
 * When collection happens: never inside an allocation. Allocation only accounts bytes; collection runs
 * at safepoints: kr_gc_safepoint(), which the interpreter calls at calls, loop back-edges and after
 * allocating instructions, when every live value is in a frame slot. A minor collection runs when a
 * nursery's worth of bytes was allocated since the last collection (large objects counting twice), a
 * major one instead when the heap less a nursery grew past a factor of what survived the last major, or
 * when the large objects promoted since then reached a fraction of it (see gc.c for the numbers). C code
 * that calls back into Python must root what it holds (kr_root_push, see vm/object.h).
 * KRAIT_GC_STRESS=1 collects at every safepoint that follows any allocation: minor collections, with
 * a major one every KR_GC_STRESS_MAJOR_EVERY-th.
 *
 * Small objects (up to KR_GC_POOL_CLASSES * 16 bytes: floats, tuples, cells, bound methods, short
 * strings...) are allocated in 16-byte size classes, recorded in the object's gc_flags (KR_GC_CLASS),
 * and the sweep keeps dead ones in per-class free lists (kr_gc.pool, up to a nursery's worth of
 * bytes, cut back when a cycle takes little from it: gc.c's gc_pool_resize) that allocation reuses
 * first: a float-heavy loop then recycles its boxes without touching mimalloc's page metadata, whose
 * cache misses dominated freeing scattered garbage. The sweep releases its dead in a batch (gc.c's
 * gc_dead_batch: each class's list spliced once, in allocation order), and an allocation that finds
 * its class's list empty refills it with a batch of fresh blocks (gc_pool_refill), so that compiled
 * code's inline pool allocation keeps hitting. A class that allocation took nothing of for a whole
 * cycle, in a cycle where another class ran dry, has its blocks freed when the next collection begins
 * (gc.c's gc_pool_release_idle), so that a finished phase's objects do not hold the pool's room.
 * Pooled memory is not counted in `allocated`. Off under AddressSanitizer and in stress mode, where freed memory must
 * stay poisoned.
 */
#ifndef KRAIT_GC_H
#define KRAIT_GC_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../vm/object.h"
#include "../vm/value.h"

struct kr_vm;
struct kr_object;
struct kr_type;
struct mi_heap_s;

/* Size classes of pooled small objects: class c holds objects of 16 c bytes, c in 1..KR_GC_POOL_CLASSES;
 * an object's class is in the high nibble of its gc_flags (0: not pooled). */
#define KR_GC_POOL_CLASSES 8
#define KR_GC_CLASS_SHIFT 4

typedef struct kr_gc {
    /* Objects (and pooled blocks) only, so that a major sweep can visit every block of it as an
     * object; buffers (kr_mem_alloc) and external objects are in buf_heap. */
    struct mi_heap_s *heap;
    struct mi_heap_s *buf_heap;
    /* The young objects, as an array of pointers (plain malloc: the collector's own memory). A minor
     * sweep walks it in order and prefetches ahead, where a list through the objects made it wait on
     * one cache miss per object, and never reads an old header. Objects whose type has
     * KR_TF_EXTERNAL_FINALIZE (of either age) are kept apart in `external`, so that destroying the VM
     * runs their finalizers without touching every object of the heap; it is swept at every
     * collection (it is small). nold counts the old objects of `heap`. */
    struct kr_object **objects;
    size_t nobjects, objects_cap;
    size_t nold;
    struct kr_object **external;
    size_t nexternal, external_cap;
    /* Old objects that had a young value stored into them since the last collection (kr_gc_barrier);
     * each has KR_GC_WATCH cleared while it is listed. Emptied by every collection. */
    struct kr_object **remembered;
    size_t nremembered, remembered_cap;
    size_t allocated;           /* bytes currently allocated (objects and buffers, usable sizes) */
    /* A safepoint collects when allocated >= threshold. Atomic: krait_interrupt (vm/api.c) stores 0
     * from any thread or a signal handler, so that compiled code's back-edge poll, which tests only
     * this, takes its slow path, which checks the interrupt first. */
    atomic_size_t threshold;
    size_t limit;               /* 0 = unlimited; over it allocation fails with MemoryError */
    size_t max_request;         /* a single request above this (physical memory) fails at once */
    size_t live_after_last;     /* bytes that survived the last collection (all old then) */
    size_t live_after_major;    /* bytes that survived the last major collection */
    size_t promoted_large;      /* bytes of large (not pooled) objects promoted since then (gc.c) */
    unsigned major_percent;     /* a major collection once old bytes > live_after_major * (100 + this) / 100 */
    uint8_t mark_epoch;         /* 1 or 2: gc_mark of a marked object; 0 is never marked (young) */
    bool want_major;            /* the next collection is major (memory limit reached) */
    bool verify;                /* KRAIT_GC_VERIFY: check the barrier invariant at every minor collection */
    int enabled;                /* gc.enable()/disable(); safepoints do nothing when 0 */
    int stress;
    int collecting;
    struct kr_object **gray;    /* mark stack (plain malloc: it is the collector's own memory) */
    size_t ngray, gray_cap;
    uint64_t collections;       /* minor and major */
    uint64_t major_collections;
    uint64_t minors_since_major;
    uint64_t objects_freed;
    size_t peak_allocated;
    /* Free lists of dead small objects by size class (linked through their first word) and the bytes
     * they hold; pool_limit 0 turns pooling off. */
    void *pool[KR_GC_POOL_CLASSES + 1];
    size_t pool_bytes, pool_limit;
    /* pool_bytes when the last collection ended plus the blocks refilled since (gc_pool_refill), and
     * how much of that allocation took before this collection began (gc.c's gc_pool_resize). */
    size_t pool_after_last, pool_taken;
    /* kr_gc_want_finalizer's registrations (weak: not roots) and the queue of unreachable ones whose
     * hooks have yet to run (roots); `finalizing` while kr_gc_run_finalizers works through it. */
    struct kr_object **finalizable;
    size_t nfinalizable, finalizable_cap;
    struct kr_object **to_finalize;
    size_t nto_finalize, to_finalize_cap;
    bool finalizing;
    /* Each class's pool head when the last collection ended, and whether any class ran dry since
     * (gc_pool_refill): a head still the same at the next collection means allocation took nothing
     * of that class for a whole cycle (between collections blocks only leave the pool). gc.c's
     * gc_pool_release_idle then frees such a class's blocks, so that the room goes to the class
     * that ran dry. */
    void *pool_mark[KR_GC_POOL_CLASSES + 1];
    bool pool_refilled;
} kr_gc;

int kr_gc_init(struct kr_vm *vm, size_t memory_limit, int stress);
void kr_gc_destroy(struct kr_vm *vm); /* frees every object and buffer */

/* A zeroed object of `size` bytes with its header filled in. Returns NULL with MemoryError pending
 * (preallocated, so raising it allocates nothing) when the heap is exhausted or over the limit. */
void *kr_gc_alloc(struct kr_vm *vm, struct kr_type *type, size_t size);
/* kr_gc_alloc for an object whose constructor writes every byte after the header before anything can
 * read it (no allocation or safepoint in between): a large one is not zeroed first (big ints: the
 * memset of their limbs was 8% of perf/bench/pidigits). */
void *kr_gc_alloc_body(struct kr_vm *vm, struct kr_type *type, size_t size);
/* Buffers owned by objects (list items, dict tables): accounted, in the VM heap; freed by the owner's
 * finalize hook or when they shrink. kr_mem_alloc returns NULL with MemoryError pending on failure. */
void *kr_mem_alloc(struct kr_vm *vm, size_t size);
void *kr_mem_zalloc(struct kr_vm *vm, size_t size);
void *kr_mem_realloc(struct kr_vm *vm, void *p, size_t size);
void kr_mem_free(struct kr_vm *vm, void *p);

/* Marking, for trace hooks and root scanning. */
void kr_gc_mark(struct kr_vm *vm, kr_value v);
void kr_gc_mark_obj(struct kr_vm *vm, struct kr_object *o); /* o may be NULL */

/* The gc_mark of a dead small object kept in the pool (gc.h's kr_gc.pool): not an object, to be
 * skipped by whoever visits the object heap's blocks. (Live marks are 0, 1 and 2.) */
#define KR_GC_POOLED 0xFF

/* Calls fn on every object of the heap, young and old (external ones included), dead or alive;
 * outside a collection, for tests and debugging. */
void kr_gc_for_each_object(struct kr_vm *vm, void (*fn)(struct kr_object *o, void *arg), void *arg);

/* gc_flags bits. KR_GC_WATCH: the object is old and not in the remembered set, so a store of a young
 * value into it must record it. Young objects and remembered ones have it clear. */
enum { KR_GC_WATCH = 1u << 0, KR_GC_FINALIZABLE = 1u << 1 /* listed in kr_gc.finalizable */ };

/* Python-level finalization (a suspended generator's close()): an object whose type has a
 * py_finalize hook registers with kr_gc_want_finalizer while it would need it. A collection that
 * finds a registered object unreachable resurrects it (it and what it references survive this
 * collection) and queues it; kr_gc_run_finalizers, after the collection at the safepoint that ran
 * it (or from gc.collect()), calls each queued object's hook, which may run Python code. The object
 * is then ordinary garbage for a later collection. The hooks of objects still registered when the
 * VM is freed run then (kr_gc_finalize_at_exit). Weak references (vm/weakref.h) to what a collection
 * finds unreachable are cleared before this resurrection, and their callbacks are queued to run with
 * the finalizers, before them. */
void kr_gc_want_finalizer(struct kr_vm *vm, struct kr_object *o);
void kr_gc_run_finalizers(struct kr_vm *vm);
/* At VM teardown (krait_free), before anything is freed: runs the hook of every object still
 * registered (reachable or not: as CPython's shutdown finalizes what module globals still hold), in
 * registration order, after those already queued. Objects registered meanwhile are not run. */
void kr_gc_finalize_at_exit(struct kr_vm *vm);

void kr_gc_barrier_slow(struct kr_vm *vm, struct kr_object *container);

/* The pooled allocation of a small object of `size` bytes (1 to 16 * KR_GC_POOL_CLASSES, a type
 * without KR_TF_EXTERNAL_FINALIZE): a dead block of its class, zeroed, its header set, registered as
 * young and accounted; NULL when the pool has none of that class, a memory limit is set or the young
 * objects' array is full (kr_gc_alloc does the rest then). Inline so that the hottest allocations
 * (vm/vm.h's kr_gc_alloc_small) make no call; compiler/x86.cpp's emitPoolAlloc is the same in
 * machine code. */
/* Zeroes `units` 16-byte units (1..KR_GC_POOL_CLASSES) at `p`. Not memset: with a size known only to be a
 * small multiple of 16, gcc emits `rep stos`, whose start-up cost (tens of cycles) was a third of the
 * time of allocation-heavy programs; the unrolled stores of a jump into this switch cost a few. */
#if KR_GC_POOL_CLASSES != 8
#error "kr_gc_zero_units covers classes 1..8"
#endif
static inline void kr_gc_zero_units(void *p, size_t units)
{
    uint64_t *w = (uint64_t *)p;
    switch (units) {
    case 8: w[14] = 0; w[15] = 0; /* fall through */
    case 7: w[12] = 0; w[13] = 0; /* fall through */
    case 6: w[10] = 0; w[11] = 0; /* fall through */
    case 5: w[8] = 0; w[9] = 0; /* fall through */
    case 4: w[6] = 0; w[7] = 0; /* fall through */
    case 3: w[4] = 0; w[5] = 0; /* fall through */
    case 2: w[2] = 0; w[3] = 0; /* fall through */
    default: w[0] = 0; w[1] = 0;
    }
}

static inline struct kr_object *kr_gc_pool_take(kr_gc *gc, struct kr_type *type, size_t size)
{
    size_t cls = (size + 15) >> 4, bytes = cls << 4;
    struct kr_object *o = (struct kr_object *)gc->pool[cls];
    if (!o || gc->limit || gc->nobjects >= gc->objects_cap)
        return NULL;
    gc->pool[cls] = *(void **)o;
    gc->pool_bytes -= bytes;
    kr_gc_zero_units(o, cls);
    o->gc_flags = (uint8_t)(cls << KR_GC_CLASS_SHIFT);
    o->type = type;
    gc->objects[gc->nobjects++] = o;
    gc->allocated += bytes;
    if (gc->allocated > gc->peak_allocated)
        gc->peak_allocated = gc->allocated;
    return o;
}

/* The write barrier: call after storing `value` into heap object `container` (container slots, instance
 * slots, cells, type dicts, globals, or any kr_value field of an object that existed before the store).
 * A young value has gc_mark 0 outside a collection (gc.c's invariants). */
static inline void kr_gc_barrier(struct kr_vm *vm, struct kr_object *container, kr_value value)
{
    if (__builtin_expect(container->gc_flags & KR_GC_WATCH, 0) && kr_is_ptr(value) && !KR_OBJ(value)->gc_mark)
        kr_gc_barrier_slow(vm, container);
}

/* kr_gc_barrier out of line: compiled code's barrier (compiler/x86.cpp, LIR BARRIER) calls it when the
 * container has KR_GC_WATCH. */
void kr_gc_barrier_call(struct kr_vm *vm, struct kr_object *container, kr_value value);

/* The barrier for stores whose values are not at hand (several at once, a generator's frame that ran):
 * remembers `container` if it is old. */
static inline void kr_gc_barrier_all(struct kr_vm *vm, struct kr_object *container)
{
    if (__builtin_expect(container->gc_flags & KR_GC_WATCH, 0))
        kr_gc_barrier_slow(vm, container);
}

void kr_gc_collect(struct kr_vm *vm); /* major collection now (gc.collect()); must be at a safepoint */
void kr_gc_collect_minor(struct kr_vm *vm); /* minor collection now; must be at a safepoint */
void kr_gc_safepoint_slow(struct kr_vm *vm);
/* A safepoint before C code allocates about `bytes` without one (see gc.c): a major collection now if
 * that allocation would make one due. Like any safepoint: everything the caller needs is rooted. */
void kr_gc_safepoint_expect(struct kr_vm *vm, size_t bytes);

/* Roots held by C code across calls that may run Python code. Push the address of a C local; the slot
 * is read at collection time, so the local may be reassigned. Pop by resetting to a saved mark. */
size_t kr_root_mark(struct kr_vm *vm);
void kr_root_push(struct kr_vm *vm, kr_value *slot);
void kr_root_reset(struct kr_vm *vm, size_t mark);

#endif
