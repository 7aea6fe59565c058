/* vm.c: creating and destroying a VM, and the VM's root set.
 *
 * Start-up runs in three phases (see init.h): types first (no other allocation, because ready-making a
 * type needs str, dict and tuple), then kr_type_ready on every builtin type, then caches and modules.
 */
#include "vm.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>

#include "compiler/jit.h"
#include "import.h"
#include "init.h"
#include "int.h"
#include "memoryview.h"
#include "weakref.h"

static long env_long(const char *name, long dflt)
{
    const char *s = getenv(name);
    if (!s || !*s)
        return dflt;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end)
        return dflt;
    return v;
}

static void vm_seed_hash(kr_vm *vm)
{
    const char *seed = getenv("PYTHONHASHSEED");
    if (seed && *seed && strcmp(seed, "random") != 0) {
        uint64_t s = strtoull(seed, NULL, 10);
        /* A fixed seed gives reproducible hashes (and set orders), as in CPython. */
        vm->hash_key[0] = s * 0x9E3779B97F4A7C15ull + 0x243F6A8885A308D3ull;
        vm->hash_key[1] = (s ^ 0x13198A2E03707344ull) * 0xBF58476D1CE4E5B9ull;
        vm->config.hash_seed_set = 1;
        vm->config.hash_seed = s;
        return;
    }
    if (getrandom(vm->hash_key, sizeof vm->hash_key, GRND_NONBLOCK) != (ssize_t)sizeof vm->hash_key) {
        /* No entropy available this early: fall back to address and time bits (still per VM). */
        vm->hash_key[0] = (uint64_t)(uintptr_t)vm * 0x9E3779B97F4A7C15ull;
        vm->hash_key[1] = (uint64_t)(uintptr_t)&seed ^ 0xBF58476D1CE4E5B9ull;
    }
}

kr_vm *kr_vm_new(const kr_vm_options *opts)
{
    kr_vm *vm = calloc(1, sizeof *vm);
    if (!vm)
        return NULL;
    kr_vm_options o = {0, -1, -1, -1};
    if (opts)
        o = *opts;
    vm->config.jit = o.jit >= 0 ? o.jit : (int)env_long("KRAIT_JIT", 1);
    vm->config.jit_threshold = o.jit_threshold >= 0 ? o.jit_threshold : env_long("KRAIT_JIT_THRESHOLD", 1000);
    vm->config.gc_stress = o.gc_stress >= 0 ? o.gc_stress : (int)env_long("KRAIT_GC_STRESS", 0);
    vm->config.frozen_code = env_long("KRAIT_FROZEN_CODE", 1) != 0;
    vm->recursion_limit = 1000;
    /* CPython's limit on decimal int<->str conversions (a guard against quadratic-time inputs) */
    long digits = env_long("PYTHONINTMAXSTRDIGITS", KR_INT_DEFAULT_MAX_STR_DIGITS);
    vm->int_max_str_digits = digits == 0 || (digits >= KR_INT_MAX_STR_DIGITS_THRESHOLD && digits <= INT32_MAX)
                                 ? (int)digits : KR_INT_DEFAULT_MAX_STR_DIGITS;
    vm_seed_hash(vm);
    if (kr_gc_init(vm, o.memory_limit, vm->config.gc_stress) < 0) {
        free(vm);
        return NULL;
    }

    /* phase 1: types */
    kr_typeobj_init(vm);
    kr_exc_init(vm);
    kr_instance_init(vm);
    kr_str_init(vm);
    kr_bytes_init(vm);
    kr_memoryview_init(vm);
    kr_int_init(vm);
    kr_float_init(vm);
    kr_complex_init(vm);
    kr_tuple_init(vm);
    kr_list_init(vm);
    kr_dict_init(vm);
    kr_set_init(vm);
    kr_range_init(vm);
    kr_iterobj_init(vm);
    kr_interp_init(vm);
    kr_module_init(vm);
    kr_io_init(vm);
    kr_collections_init(vm);
    kr_weakref_init(vm); /* after the types it marks as weakly referenceable */

    /* phase 2: strings and tuples first (types' names and MROs need them), then every type */
    if (kr_str_setup(vm) < 0 || kr_tuple_setup(vm) < 0)
        goto fail;
    for (int i = 0; i < KR_NAME_COUNT; i++) {
        static const char *const names[] = {
#define KR_NAME_STR(n) #n,
            KR_NAMES(KR_NAME_STR)
#undef KR_NAME_STR
        };
        vm->names[i] = kr_intern(vm, names[i]);
        if (!vm->names[i])
            goto fail;
    }
    for (size_t i = 0; i < vm->n_builtin_types; i++)
        if (kr_type_ready(vm, vm->builtin_types[i]) < 0)
            goto fail;

    /* phase 3: singletons, caches, modules */
    if (kr_exc_setup(vm) < 0 || kr_interp_setup(vm) < 0)
        goto fail;
    if (vm->config.jit && kr_jit_setup(vm) < 0)
        goto fail;
    vm->modules = kr_dict_new(vm);
    if (!vm->modules)
        goto fail;
    vm->builtins_module = kr_builtins_module_create(vm);
    if (!vm->builtins_module)
        goto fail;
    vm->builtins = KR_AS(kr_module, vm->builtins_module)->dict;
    if (kr_dict_set_cstr(vm, vm->modules, "builtins", vm->builtins_module) < 0)
        goto fail;
    if (kr_io_setup(vm) < 0)
        goto fail;
    vm->sys_module = kr_sys_module_create(vm);
    if (!vm->sys_module || kr_dict_set_cstr(vm, vm->modules, "sys", vm->sys_module) < 0)
        goto fail;
    /* Start-up garbage is small; begin pacing from here. */
    vm->gc.live_after_last = vm->gc.allocated;
    kr_gc_safepoint_slow(vm);
    return vm;

fail:
    if (vm->exc) {
        fputs("krait: fatal: VM start-up failed: ", stderr);
        kr_value s = kr_tostr(vm, vm->exc);
        fputs(s ? kr_str_data(s) : "(unprintable exception)", stderr);
        fputc('\n', stderr);
    } else {
        fputs("krait: fatal: VM start-up failed\n", stderr);
    }
    kr_vm_free(vm);
    return NULL;
}

/* The mapping's length sits in a header of one cache line before the table, so that the table stays
 * aligned to 64 bytes and kr_vm_table_free needs no size. */
#define KR_VM_TABLE_HEADER 64

void *kr_vm_table_new(size_t bytes)
{
    size_t total = bytes + KR_VM_TABLE_HEADER;
    void *map = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED)
        return NULL;
    *(size_t *)map = total;
    return (char *)map + KR_VM_TABLE_HEADER;
}

void kr_vm_table_free(void *table)
{
    if (!table)
        return;
    char *map = (char *)table - KR_VM_TABLE_HEADER;
    munmap(map, *(size_t *)map);
}

void kr_vm_free(kr_vm *vm)
{
    if (!vm)
        return;
    if (vm->signal_free)
        vm->signal_free(vm); /* first: no signal may reach this VM any more */
    kr_gc_destroy(vm);
    kr_jit_free(vm); /* after the code objects' finalizers, which release their own compiled code */
    free(vm->builtin_types);
    free(vm->run_error);
    kr_vm_table_free(vm->type_cache); /* type.c's and instance.c's lookup caches */
    kr_vm_table_free(vm->attr_cache);
    kr_vm_table_free(vm->shape_cache);
    kr_weakref_free(vm);
    free(vm->stack);
    free(vm);
}

bool kr_vm_take_interrupt(kr_vm *vm)
{
    int bits = atomic_exchange(&vm->interrupt, 0);
    if ((bits & KR_INTERRUPT_SIGNAL) && vm->signal_run && vm->signal_run(vm) < 0) {
        if (bits & KR_INTERRUPT_KBD) /* not lost: taken at the next check */
            atomic_fetch_or(&vm->interrupt, KR_INTERRUPT_KBD);
        return true;
    }
    if (bits & KR_INTERRUPT_KBD) {
        kr_raise_value(vm, KR_VAL(KR_EXC(vm, KeyboardInterrupt)));
        return true;
    }
    return false;
}

void kr_vm_trace_roots(kr_vm *vm)
{
    for (size_t i = 0; i < vm->n_builtin_types; i++)
        kr_gc_mark_obj(vm, &vm->builtin_types[i]->ob);
    for (size_t i = 0; i < sizeof vm->t.extra / sizeof vm->t.extra[0]; i++)
        if (vm->t.extra[i])
            kr_gc_mark_obj(vm, &vm->t.extra[i]->ob);
    for (int i = 0; i < KR_IMM_COUNT; i++)
        if (vm->imm_types[i])
            kr_gc_mark_obj(vm, &vm->imm_types[i]->ob);
    for (int i = 0; i < KR_EXC_COUNT; i++)
        if (vm->exc_types[i])
            kr_gc_mark_obj(vm, &vm->exc_types[i]->ob);
    for (int i = 0; i < KR_NAME_COUNT; i++)
        kr_gc_mark(vm, vm->names[i]);
    kr_value singles[] = {vm->exc, vm->memory_error, vm->empty_str, vm->empty_tuple, vm->empty_bytes,
                          vm->builtins, vm->builtins_module, vm->modules, vm->sys_module, vm->main_module,
                          vm->handled_exc, vm->argv, vm->func_globals, vm->signal_handlers};
    for (size_t i = 0; i < sizeof singles / sizeof singles[0]; i++)
        kr_gc_mark(vm, singles[i]);
    for (int i = 0; i < 128; i++)
        kr_gc_mark(vm, vm->char_cache[i]);
    kr_str_trace_roots(vm);
    kr_interp_trace_roots(vm);
    kr_weakref_trace_roots(vm);
    kr_jit_trace_retired(vm);
}
