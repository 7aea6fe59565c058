/* weakref.h: weak references (vm/weakref.c): the `_weakref` module's types (weakref.ReferenceType,
 * weakref.ProxyType, weakref.CallableProxyType) and their part in the collector.
 *
 * A weak reference holds its referent's address without tracing it. The references to one object
 * form a list (CPython's order: the basic ref without callback first, then the basic proxy, then the
 * others, newest first) whose head a per-VM table keyed by the referent's address finds; the VM lists
 * every reference whose referent is alive, oldest first, so that a collection can check them.
 *
 * The collector's invariant (gc/gc.c calls kr_weakref_gc_clear and kr_weakref_gc_prune): when a
 * collection finds a referent unreachable, every weak reference to it is cleared (calling it gives
 * None) after the marking from the roots and before any finalizer (a __del__) could see it, even if
 * the finalizer then resurrects the object (as CPython's cyclic collector does); each cleared
 * reference that is itself alive and has a callback is queued, and the queue, a root, is run
 * (kr_weakref_run_callbacks) with the finalizers after the collection, at the safepoint. A weak
 * reference that dies is unlinked before the sweep, and never calls its callback.
 *
 * A minor collection checks only the references made since the last collection: an older one has a
 * referent at least as old as itself (it existed when the reference was made), which a minor
 * collection never frees. */
#ifndef KRAIT_WEAKREF_H
#define KRAIT_WEAKREF_H

#include "kr.h"

typedef struct kr_weak_registry kr_weak_registry; /* weakref.c's, vm->weak */

typedef struct kr_weakref {
    kr_object ob;
    kr_object *referent;           /* not traced; NULL once cleared */
    kr_value callback;             /* traced; KR_NULL when none (or once it ran) */
    int64_t hash;                  /* the referent's hash, -1 until asked for */
    struct kr_weakref *prev, *next; /* the referent's list (both NULL once cleared) */
    struct kr_weakref *pending;    /* next in the callback queue */
} kr_weakref;

/* Phase 1: the registry, and the flag KR_TF_WEAKREFABLE on the builtin types that allow it (the three
 * types are made on first use). */
void kr_weakref_init(kr_vm *vm);
/* kr_vm_free: the registry's own memory. */
void kr_weakref_free(kr_vm *vm);
/* kr_vm_trace_roots: the queued references (their callbacks have yet to run). */
void kr_weakref_trace_roots(kr_vm *vm);

/* The first weak reference to obj (obj.__weakref__), or KR_NULL when there is none. */
kr_value kr_weakref_first(kr_vm *vm, kr_value obj);
/* weakref.ref(obj, callback): callback KR_NULL or None for none. KR_NULL + TypeError when obj's type
 * does not allow weak references. */
kr_value kr_weakref_new(kr_vm *vm, kr_value obj, kr_value callback);
/* The referent of a weak reference or proxy, KR_NULL once it is dead. */
kr_value kr_weakref_get(kr_value ref);

/* Called by gc/gc.c during a collection (see above): after the marking from the roots, before the
 * finalizable objects are resurrected; then after that, before the sweep. */
void kr_weakref_gc_clear(kr_vm *vm, bool major);
void kr_weakref_gc_prune(kr_vm *vm, bool major);
/* Whether callbacks are queued; running them (from kr_gc_run_finalizers) reports what they raise as
 * CPython does ("Exception ignored in: <callback>" and the traceback) and leaves nothing pending. */
bool kr_weakref_callbacks_pending(kr_vm *vm);
void kr_weakref_run_callbacks(kr_vm *vm);

#endif
