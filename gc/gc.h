/* gc.h: the heap and the collector's interface.
 *
 * Every object and every buffer an object owns is allocated in the VM's own mi_heap, so destroying a
 * VM frees everything at once (mi_heap_destroy) and two VMs never share memory.
 *
 * Collector (this version): precise, non-moving, stop-the-world mark and sweep. Objects are listed in
 * an array of pointers (kr_gc.objects); marking uses an explicit gray stack (no C recursion); each type's
 * trace hook marks its children with kr_gc_mark. The write barrier is already called at every container,
 * instance-slot and cell store so that the incremental collector (Lua 5.4 style, backward barrier) can
 * replace this one without touching call sites. Stores into interpreter frame slots need no barrier:
 * frames are roots rescanned atomically.
 *
 * When collection happens: never inside an allocation. Allocation only accounts bytes (pacing by
 * allocation debt); collection runs at safepoints: kr_gc_safepoint(), which the interpreter calls at
 * calls, loop back-edges and after allocating instructions, when every live value is in a frame slot.
 * C code that calls back into Python must root what it holds (kr_root_push, see vm/object.h).
 * KRAIT_GC_STRESS=1 collects at every safepoint that follows any allocation.
 */
#ifndef KRAIT_GC_H
#define KRAIT_GC_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "../vm/value.h"

struct kr_vm;
struct kr_object;
struct kr_type;
struct mi_heap_s;

typedef struct kr_gc {
    struct mi_heap_s *heap;
    /* Every object, as an array of pointers (plain malloc: the collector's own memory). The sweep walks
     * it in order and prefetches ahead, where a list through the objects made it wait on one cache miss
     * per object. Objects whose type has KR_TF_EXTERNAL_FINALIZE are kept apart in `external`, so that
     * destroying the VM runs their finalizers without touching every object of the heap. */
    struct kr_object **objects;
    size_t nobjects, objects_cap;
    struct kr_object **external;
    size_t nexternal, external_cap;
    size_t allocated;           /* bytes currently allocated (objects and buffers, usable sizes) */
    /* A safepoint collects when allocated >= threshold. Atomic: krait_interrupt (vm/api.c) stores 0
     * from any thread or a signal handler, so that compiled code's back-edge poll, which tests only
     * this, takes its slow path, which checks the interrupt first. */
    atomic_size_t threshold;
    size_t limit;               /* 0 = unlimited; over it allocation fails with MemoryError */
    size_t max_request;         /* a single request above this (physical memory) fails at once */
    size_t live_after_last;     /* bytes that survived the last collection */
    unsigned pause_percent;     /* next threshold = live * pause_percent / 100 (Lua's "pause") */
    int enabled;                /* gc.enable()/disable(); safepoints do nothing when 0 */
    int stress;
    int collecting;
    struct kr_object **gray;    /* mark stack (plain malloc: it is the collector's own memory) */
    size_t ngray, gray_cap;
    uint64_t collections;
    uint64_t objects_freed;
    size_t peak_allocated;
} kr_gc;

int kr_gc_init(struct kr_vm *vm, size_t memory_limit, int stress);
void kr_gc_destroy(struct kr_vm *vm); /* frees every object and buffer */

/* A zeroed object of `size` bytes with its header filled in. Returns NULL with MemoryError pending
 * (preallocated, so raising it allocates nothing) when the heap is exhausted or over the limit. */
void *kr_gc_alloc(struct kr_vm *vm, struct kr_type *type, size_t size);
/* Buffers owned by objects (list items, dict tables): accounted, in the VM heap; freed by the owner's
 * finalize hook or when they shrink. kr_mem_alloc returns NULL with MemoryError pending on failure. */
void *kr_mem_alloc(struct kr_vm *vm, size_t size);
void *kr_mem_zalloc(struct kr_vm *vm, size_t size);
void *kr_mem_realloc(struct kr_vm *vm, void *p, size_t size);
void kr_mem_free(struct kr_vm *vm, void *p);

/* Marking, for trace hooks and root scanning. */
void kr_gc_mark(struct kr_vm *vm, kr_value v);
void kr_gc_mark_obj(struct kr_vm *vm, struct kr_object *o); /* o may be NULL */

/* The write barrier: call after storing `value` into heap object `container` (container slots, instance
 * slots, cells, type dicts, globals). A no-op for the stop-the-world collector. */
static inline void kr_gc_barrier(struct kr_vm *vm, struct kr_object *container, kr_value value)
{
    (void)vm;
    (void)container;
    (void)value;
}

void kr_gc_collect(struct kr_vm *vm); /* full collection now (gc.collect()); must be at a safepoint */
void kr_gc_safepoint_slow(struct kr_vm *vm);

/* Roots held by C code across calls that may run Python code. Push the address of a C local; the slot
 * is read at collection time, so the local may be reassigned. Pop by resetting to a saved mark. */
size_t kr_root_mark(struct kr_vm *vm);
void kr_root_push(struct kr_vm *vm, kr_value *slot);
void kr_root_reset(struct kr_vm *vm, size_t mark);

#endif
