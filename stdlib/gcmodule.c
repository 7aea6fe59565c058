/* gcmodule.c: the gc module, a thin view of gc/gc.c. */
#include "../vm/init.h"
#include "../vm/bytecode.h"
#include "../vm/frame.h"

static kr_value gcmod_collect(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames);

/* Whether the innermost frame is the interpreter's, stopped in the CALL or CALL_METHOD that called
 * gc.collect: then its pc is saved just after that instruction, and the collection may keep only the
 * temporaries live there (vm/interp.c's trace_frame_slots), as a safepoint's does. Otherwise (compiled
 * code, a call from C code) the frame is scanned whole. So `del x; gc.collect()` frees x even when
 * an earlier expression left it in a temporary slot, as CPython's reference counting would have. */
static bool gcmod_called_from_bytecode(kr_vm *vm)
{
    kr_frame *f = vm->frame;
    if (!f || (f->flags & KR_FRAME_JIT) || vm->gc_exact_frame)
        return false;
    uint32_t next = (uint32_t)(f->pc - f->code->insns);
    if (next < 2 || next > f->code->ninsns)
        return false;
    kr_insn call = f->pc[-2];
    unsigned op = KR_INSN_OP(call);
    if (op != KR_OP_CALL && op != KR_OP_CALL_METHOD)
        return false;
    kr_value callee = f->slots[KR_INSN_A(call)];
    return kr_is_ptr(callee) && KR_OBJ(callee)->type == vm->t.cfunction &&
           KR_AS(kr_cfunction, callee)->fn == gcmod_collect;
}

static kr_value gcmod_collect(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"generation"};
    kr_value a[1];
    if (kr_args_parse(vm, "collect", args, nargs, kwnames, names, 1, 0, 0, a) < 0)
        return KR_NULL;
    uint64_t before = vm->gc.objects_freed;
    bool exact = gcmod_called_from_bytecode(vm);
    if (exact) {
        vm->gc_exact_frame = vm->frame;
        vm->gc_exact_callers = true; /* and the interpreted frames that called down to it */
    }
    kr_gc_collect(vm);
    if (exact) {
        vm->gc_exact_frame = NULL;
        vm->gc_exact_callers = false;
    }
    kr_gc_run_finalizers(vm); /* as CPython's collect() runs the finalizers of what it found */
    return kr_int_from_u64(vm, vm->gc.objects_freed - before);
}

static kr_value gcmod_enable(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "enable", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "enable", kwnames) < 0)
        return KR_NULL;
    vm->gc.enabled = 1;
    return KR_NONE;
}

static kr_value gcmod_disable(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "disable", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "disable", kwnames) < 0)
        return KR_NULL;
    vm->gc.enabled = 0;
    return KR_NONE;
}

static kr_value gcmod_isenabled(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "isenabled", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "isenabled", kwnames) < 0)
        return KR_NULL;
    return kr_bool(vm->gc.enabled);
}

/* Krait has two generations (gc/gc.h): the count is the bytes allocated since the last collection (the
 * young generation) and the minor collections since the last major one. */
static kr_value gcmod_get_count(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "get_count", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "get_count", kwnames) < 0)
        return KR_NULL;
    size_t since = vm->gc.allocated > vm->gc.live_after_last ? vm->gc.allocated - vm->gc.live_after_last : 0;
    return kr_tuple_pack(vm, 3, kr_int_from_u64(vm, since), kr_int_from_u64(vm, vm->gc.minors_since_major),
                         kr_small(0));
}

static kr_value gcmod_get_stats(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "get_stats", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "get_stats", kwnames) < 0)
        return KR_NULL;
    kr_value d = kr_dict_new(vm);
    if (!d || kr_dict_set_cstr(vm, d, "collections", kr_int_from_u64(vm, vm->gc.collections)) < 0 ||
        kr_dict_set_cstr(vm, d, "major_collections", kr_int_from_u64(vm, vm->gc.major_collections)) < 0 ||
        kr_dict_set_cstr(vm, d, "collected", kr_int_from_u64(vm, vm->gc.objects_freed)) < 0 ||
        kr_dict_set_cstr(vm, d, "uncollectable", kr_small(0)) < 0 ||
        kr_dict_set_cstr(vm, d, "heap_bytes", kr_int_from_u64(vm, vm->gc.allocated)) < 0 ||
        kr_dict_set_cstr(vm, d, "peak_heap_bytes", kr_int_from_u64(vm, vm->gc.peak_allocated)) < 0)
        return KR_NULL;
    return kr_list_from_array(vm, &d, 1);
}

static const kr_method_def gc_functions[] = {
    {"collect", gcmod_collect, KR_METH_STATIC, NULL},
    {"enable", gcmod_enable, KR_METH_STATIC, NULL},
    {"disable", gcmod_disable, KR_METH_STATIC, NULL},
    {"isenabled", gcmod_isenabled, KR_METH_STATIC, NULL},
    {"get_count", gcmod_get_count, KR_METH_STATIC, NULL},
    {"get_stats", gcmod_get_stats, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_gc_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "gc");
    if (!m || kr_module_add_functions(vm, m, gc_functions) < 0)
        return KR_NULL;
    return m;
}
