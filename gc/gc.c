/* gc.c: the VM heap and a precise stop-the-world mark-and-sweep collector.
 *
 * Invariants:
 *  - Every object is on vm->gc.objects exactly once, from kr_gc_alloc until it is swept.
 *  - Outside a collection every object has gc_mark == 0. During marking, gc_mark == 1 means "reached"
 *    (gray while on the gray stack, black after its trace hook ran). Sweep frees the unmarked and clears
 *    the marks of the survivors.
 *  - gc.allocated counts the usable size of every live object and buffer allocated through this file.
 *  - Collection only starts from kr_gc_collect / kr_gc_safepoint_slow, never from an allocation, so C
 *    code between safepoints may hold unrooted values (see gc.h).
 */
#include "gc.h"

#include <mimalloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../vm/kr.h"

/* Collections start no earlier than this much allocation: small scripts never collect. */
#define KR_GC_MIN_THRESHOLD ((size_t)4 << 20)
/* Percent of live bytes. Lua's default is 200, but the peak heap is about live * pause / 100 and CPython,
 * which frees by reference count, peaks near its live data: 150 keeps Krait's peak RSS near CPython's
 * on the allocation-heavy benchmarks. It doubles the collections of 200, which the single-pass sweep and
 * the bound-method-free method calls (vm/interp.c LOAD_METHOD) pay for. */
#define KR_GC_DEFAULT_PAUSE 150

/* The threshold the pacing asks for now. */
static size_t gc_next_threshold(const kr_gc *gc)
{
    if (gc->stress)
        return gc->allocated + 1; /* collect at the next safepoint after any allocation */
    size_t next = gc->live_after_last / 100 * gc->pause_percent;
    if (next < gc->live_after_last + KR_GC_MIN_THRESHOLD)
        next = gc->live_after_last + KR_GC_MIN_THRESHOLD;
    if (gc->limit) {
        /* Near a memory limit, collect before the limit would make allocation fail; once live data is
         * already close to it, collect again halfway to the limit (a bounded number of collections
         * rather than one per safepoint). */
        size_t soft = gc->limit - gc->limit / 8;
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

int kr_gc_init(kr_vm *vm, size_t memory_limit, int stress)
{
    kr_gc *gc = &vm->gc;
    memset(gc, 0, sizeof *gc);
    gc->heap = mi_heap_new();
    if (!gc->heap)
        return -1;
    gc->limit = memory_limit;
    /* Linux overcommits: a request for terabytes "succeeds" and then fills memory page by page.
     * Nothing larger than physical memory can be used, so such a request is a MemoryError now. */
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    gc->max_request = pages > 0 && page > 0 ? (size_t)pages * (size_t)page : SIZE_MAX;
    gc->stress = stress;
    gc->enabled = 1;
    gc->pause_percent = KR_GC_DEFAULT_PAUSE;
    gc->gray_cap = 1024;
    gc->gray = malloc(gc->gray_cap * sizeof *gc->gray);
    if (!gc->gray) {
        mi_heap_destroy(gc->heap);
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
    gc->objects = gc->external = NULL;
    gc->nobjects = gc->nexternal = 0;
    if (gc->heap)
        mi_heap_destroy(gc->heap);
    gc->heap = NULL;
    free(gc->gray);
    gc->gray = NULL;
    free(vm->roots);
    vm->roots = NULL;
}

static bool gc_over_limit(kr_gc *gc, size_t size)
{
    if (size > gc->max_request)
        return true;
    if (gc->limit && gc->allocated + size > gc->limit) {
        /* Garbage may be what fills the heap: collect at the very next safepoint. */
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

/* Room for one more pointer in an object array; false when out of memory. */
static bool gc_array_reserve(kr_object ***arr, size_t n, size_t *cap)
{
    if (n < *cap)
        return true;
    size_t ncap = *cap ? *cap + *cap / 2 : 1024; /* 1.5x: the array is as big as the heap's object count */
    kr_object **p = realloc(*arr, ncap * sizeof *p);
    if (!p)
        return false;
    *arr = p;
    *cap = ncap;
    return true;
}

void *kr_gc_alloc(kr_vm *vm, kr_type *type, size_t size)
{
    kr_gc *gc = &vm->gc;
    if (gc_over_limit(gc, size)) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    bool external = type && (type->flags & KR_TF_EXTERNAL_FINALIZE);
    if (external ? !gc_array_reserve(&gc->external, gc->nexternal, &gc->external_cap)
                 : !gc_array_reserve(&gc->objects, gc->nobjects, &gc->objects_cap)) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    kr_object *o = mi_heap_zalloc(gc->heap, size);
    if (!o) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    gc_account(gc, mi_usable_size(o));
    o->type = type;
    if (external)
        gc->external[gc->nexternal++] = o;
    else
        gc->objects[gc->nobjects++] = o;
    return o;
}

void *kr_mem_alloc(kr_vm *vm, size_t size)
{
    kr_gc *gc = &vm->gc;
    if (gc_over_limit(gc, size)) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    void *p = mi_heap_malloc(gc->heap, size ? size : 1);
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
    if (size > old && gc_over_limit(gc, size - old)) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    void *q = mi_heap_realloc(gc->heap, p, size ? size : 1);
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

void kr_gc_mark_obj(kr_vm *vm, kr_object *o)
{
    if (!o || o->gc_mark)
        return;
    o->gc_mark = 1;
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

/* The sweep, in two passes over each object array, reading headers in array order with prefetching
 * ahead (it is bound by memory latency):
 *   1. every dead object is finalized; nothing is freed yet, so a finalizer may still read its peers'
 *      headers (heap_finalize reads its possibly dead type);
 *   2. the array is compacted to the marked objects (their marks cleared) and the others are freed.
 * Two passes instead of a list of the dead: that list would cost a pointer per garbage object at the
 * moment the heap is largest. */
enum { GC_PREFETCH_AHEAD = 16 };

static void gc_finalize_dead(kr_vm *vm, kr_object **arr, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i + GC_PREFETCH_AHEAD < n)
            __builtin_prefetch(arr[i + GC_PREFETCH_AHEAD], 0);
        kr_object *o = arr[i];
        if (!o->gc_mark && o->type->finalize)
            o->type->finalize(vm, o);
    }
}

static void gc_free_dead(kr_gc *gc, kr_object **arr, size_t *n)
{
    size_t live = 0, count = *n;
    for (size_t i = 0; i < count; i++) {
        if (i + GC_PREFETCH_AHEAD < count)
            __builtin_prefetch(arr[i + GC_PREFETCH_AHEAD], 1);
        kr_object *o = arr[i];
        if (o->gc_mark) {
            o->gc_mark = 0;
            arr[live++] = o;
        } else {
            gc->allocated -= mi_usable_size(o);
            gc->objects_freed++;
            mi_free(o);
        }
    }
    *n = live;
}

/* Gives back most of an object array's spare room after a sweep freed much of it. */
static void gc_array_shrink(kr_object ***arr, size_t n, size_t *cap)
{
    if (*cap > 4096 && n < *cap / 4) {
        size_t ncap = *cap / 2;
        kr_object **p = realloc(*arr, ncap * sizeof *p);
        if (p) {
            *arr = p;
            *cap = ncap;
        }
    }
}

static void gc_sweep(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    gc_finalize_dead(vm, gc->objects, gc->nobjects);
    gc_finalize_dead(vm, gc->external, gc->nexternal);
    gc_free_dead(gc, gc->objects, &gc->nobjects);
    gc_free_dead(gc, gc->external, &gc->nexternal);
    gc_array_shrink(&gc->objects, gc->nobjects, &gc->objects_cap);
}

void kr_gc_collect(kr_vm *vm)
{
    kr_gc *gc = &vm->gc;
    if (gc->collecting)
        return;
    gc->collecting = 1;
    for (size_t i = 0; i < vm->nroots; i++)
        kr_gc_mark(vm, *vm->roots[i]);
    kr_vm_trace_roots(vm);
    gc_drain(vm);
    gc_sweep(vm);
    gc->live_after_last = gc->allocated;
    gc->collections++;
    gc_set_threshold(vm);
    gc->collecting = 0;
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
    kr_gc_collect(vm);
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
