/* jit.c: the JIT's driver: settings, compiling a code object through HIR and the back end, storm
 * control (deopts), statistics and dumps. The pipeline (docs/JIT.md):
 *
 *   bytecode + feedback --kr_hir_build--> HIR --kr_hir_optimize--> HIR --kr_jit_backend_compile--> x86-64
 *
 * Compiled code belongs to its code object (co->jit_code / co->jit_state). Code that is given up
 * (too many deopts) may still be running further up the C stack, so it is retired, not freed: its
 * memory goes with the VM. A code object is recompiled at most KR_JIT_MAX_RECOMPILES times.
 */
#include "compiler/jit.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vm/function.h"
#include "vm/kr.h"
#include "vm/str.h"

#define KR_JIT_DEOPT_LIMIT 64       /* deopts of one compiled function before it is given up */
#define KR_JIT_MAX_RECOMPILES 3     /* then the function stays in the interpreter */
#define KR_JIT_DEFAULT_CODE_LIMIT ((size_t)256 << 20)

/* One line of --jit-stats. */
typedef struct kr_jit_log {
    char *name;          /* "qualname (file:line)" */
    char *refusal;       /* NULL when compiled */
    size_t code_bytes;
    double ms;
    kr_code *code;       /* weak: only compared, never dereferenced after the code object dies */
    uint32_t deopts;
} kr_jit_log;

struct kr_jit {
    kr_jit_backend *be;
    char *dump_filter;   /* NULL: no dumps; "": every function; else a qualname or name */
    bool stats;
    kr_jit_log *log;
    size_t nlog, logcap;
    kr_jit_code **retired; /* given-up code, possibly still on the C stack */
    unsigned recompiles_for_feedback; /* kr_jit_call_site_matured */
    size_t nretired, retiredcap;
    uint32_t ncompiled, nrefused;
    double total_ms;
    uint64_t deopts[KR_DEOPT_COUNT];
    uint64_t exits_with_exception;
};

static long env_long(const char *name, long dflt)
{
    const char *s = getenv(name);
    if (!s || !*s)
        return dflt;
    char *end;
    long v = strtol(s, &end, 10);
    if (*end == 'k' || *end == 'K')
        v <<= 10;
    else if (*end == 'm' || *end == 'M')
        v <<= 20;
    return v;
}

int kr_jit_setup(kr_vm *vm)
{
    struct kr_jit *j = calloc(1, sizeof *j);
    if (!j)
        return -1;
    kr_jit_backend_options o;
    memset(&o, 0, sizeof o);
    long limit = env_long("KRAIT_JIT_CODE_LIMIT", -1);
    o.code_limit = limit >= 0 ? (size_t)limit : KR_JIT_DEFAULT_CODE_LIMIT;
    const char *ra = getenv("KRAIT_JIT_REGALLOC");
    o.spill_all = ra && strcmp(ra, "spill-all") == 0;
    o.perf_map = env_long("KRAIT_PERF_MAP", 0) != 0;
    j->be = kr_jit_backend_new(&o);
    if (!j->be) {
        free(j);
        return -1;
    }
    vm->jit = j;
    return 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void jit_code_destroy(struct kr_jit *j, kr_jit_code *jc)
{
    kr_jit_backend_release(j->be, jc);
    for (uint32_t i = 0; i < jc->nexits; i++)
        free(jc->exits[i].values);
    free(jc->exits);
    free(jc->pinned);
    free(jc->unprofiled);
    free(jc);
}

/* The heap values fn's code embeds and compares by identity: CONST, GUARD_IS and a direct call's
 * callee. Most come from feedback entries, which hold them only until an interpreted run after a
 * deopt overwrites the entry; a freed object's address reused by a new one would then pass an
 * identity check, so the code keeps them alive itself. 0, or -1 when out of memory. */
static int pin_values(kr_hir_func *fn, kr_jit_code *jc)
{
    uint32_t n = 0;
    for (kr_hir_ref r = 1; r < fn->ninsns; r++)
        if (!fn->insns[r].dead && kr_is_ptr(fn->insns[r].value))
            n += 1 + (fn->insns[r].op == KR_HIR_STEP && !(fn->insns[r].imm2 & KR_HIR_STEP_C_CALL)) +
                 (fn->insns[r].op == KR_HIR_STEP ? KR_HIR_POLY_CODES : 0);
    if (!n)
        return 0;
    jc->pinned = malloc(n * sizeof *jc->pinned);
    if (!jc->pinned)
        return -1;
    for (kr_hir_ref r = 1; r < fn->ninsns; r++) {
        const kr_hir_insn *in = &fn->insns[r];
        if (in->dead || !kr_is_ptr(in->value))
            continue;
        jc->pinned[jc->npinned++] = in->value;
        /* a direct call guarded on the code compares with this code object, which outlives a
         * reassignment of the function's __code__ only if pinned too */
        if (in->op == KR_HIR_STEP && !(in->imm2 & KR_HIR_STEP_C_CALL))
            jc->pinned[jc->npinned++] =
                KR_AS(kr_function, (in->imm2 & KR_HIR_STEP_CLASS) ? in->codes[0] : in->value)->code;
        /* so do a polymorphic call's other code objects */
        for (int k = 0; in->op == KR_HIR_STEP && k < KR_HIR_POLY_CODES; k++)
            if (in->codes[k])
                jc->pinned[jc->npinned++] = in->codes[k];
    }
    return 0;
}

/* The pcs of the calls fn compiled before they ever ran (the builder marks their STEP's imm2 with
 * KR_HIR_STEP_UNPROFILED): kr_jit_call_site_matured recompiles when one of them has run enough. */
static int note_unprofiled(kr_hir_func *fn, kr_jit_code *jc)
{
    uint32_t n = 0;
    for (kr_hir_ref r = 1; r < fn->ninsns; r++)
        n += !fn->insns[r].dead && fn->insns[r].op == KR_HIR_STEP && (fn->insns[r].imm2 & KR_HIR_STEP_UNPROFILED);
    if (!n)
        return 0;
    if (!(jc->unprofiled = malloc(n * sizeof *jc->unprofiled)))
        return -1;
    for (kr_hir_ref r = 1; r < fn->ninsns; r++)
        if (!fn->insns[r].dead && fn->insns[r].op == KR_HIR_STEP && (fn->insns[r].imm2 & KR_HIR_STEP_UNPROFILED))
            jc->unprofiled[jc->nunprofiled++] = (uint32_t)fn->insns[r].imm;
    return 0;
}

void kr_jit_code_trace(kr_vm *vm, kr_code *co)
{
    const kr_jit_code *jc = co->jit_state;
    if (jc)
        for (uint32_t i = 0; i < jc->npinned; i++)
            kr_gc_mark(vm, jc->pinned[i]);
}

void kr_jit_free(kr_vm *vm)
{
    struct kr_jit *j = vm->jit;
    if (!j)
        return;
    for (size_t i = 0; i < j->nretired; i++)
        jit_code_destroy(j, j->retired[i]);
    free(j->retired);
    for (size_t i = 0; i < j->nlog; i++) {
        free(j->log[i].name);
        free(j->log[i].refusal);
    }
    free(j->log);
    free(j->dump_filter);
    kr_jit_backend_free(j->be);
    free(j);
    vm->jit = NULL;
}

void kr_jit_code_free(kr_vm *vm, kr_code *co)
{
    struct kr_jit *j = vm->jit;
    kr_jit_code *jc = co->jit_state;
    co->jit_state = NULL;
    co->jit_code = NULL;
    if (j && jc)
        jit_code_destroy(j, jc);
    if (j)
        for (size_t i = 0; i < j->nlog; i++)
            if (j->log[i].code == co)
                j->log[i].code = NULL;
}

/* "qualname (file:line)" for logs and dumps; malloc'd. */
static char *code_label(kr_code *co)
{
    const char *q = co->qualname ? kr_str_data(co->qualname) : "?";
    const char *file = co->filename ? kr_str_data(co->filename) : "?";
    const char *slash = strrchr(file, '/');
    size_t n = strlen(q) + strlen(file) + 32;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s (%s:%d)", q, slash ? slash + 1 : file, (int)co->firstlineno);
    return s;
}

static void log_result(struct kr_jit *j, kr_code *co, const char *refusal, size_t bytes, double ms)
{
    if (!j->stats)
        return;
    if (j->nlog == j->logcap) {
        size_t ncap = j->logcap ? j->logcap * 2 : 32;
        kr_jit_log *p = realloc(j->log, ncap * sizeof *p);
        if (!p)
            return;
        j->log = p;
        j->logcap = ncap;
    }
    kr_jit_log *e = &j->log[j->nlog++];
    memset(e, 0, sizeof *e);
    e->name = code_label(co);
    e->refusal = refusal ? strdup(refusal) : NULL;
    e->code_bytes = bytes;
    e->ms = ms;
    e->code = co;
}

static bool dump_wanted(struct kr_jit *j, kr_code *co)
{
    if (!j->dump_filter)
        return false;
    if (!j->dump_filter[0])
        return true;
    return (co->qualname && strcmp(kr_str_data(co->qualname), j->dump_filter) == 0) ||
           (co->name && strcmp(kr_str_data(co->name), j->dump_filter) == 0);
}

static kr_jit_fn refuse(kr_vm *vm, kr_code *co, const char *why, double t0)
{
    struct kr_jit *j = vm->jit;
    co->jit_flags |= KR_JIT_NEVER;
    j->nrefused++;
    log_result(j, co, why, 0, now_ms() - t0);
    return NULL;
}

kr_jit_fn kr_jit_compile(kr_vm *vm, kr_code *co)
{
    struct kr_jit *j = vm->jit;
    if (!kr_jit_on(vm) || (co->jit_flags & KR_JIT_NEVER))
        return NULL;
    if (co->jit_code)
        return (kr_jit_fn)co->jit_code;
    double t0 = now_ms();
    /* Coroutine code (async def) stays in the interpreter: its await sequences (GET_AWAITABLE,
     * GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH, END_ASYNC_FOR) have no HIR, and its time goes to
     * suspending and resuming rather than to loops compiled code would speed up. */
    if (co->flags & (KR_CODE_COROUTINE | KR_CODE_ASYNC_GEN))
        return refuse(vm, co, "coroutine code (async def) is not compiled", t0);
    kr_hir_func *fn = kr_hir_new(vm, co);
    if (!fn)
        return refuse(vm, co, "out of memory", t0);
    bool dump = dump_wanted(j, co);
    kr_jit_code *jc = NULL;
    if (kr_hir_build(fn) < 0 || fn->error[0])
        goto refused;
    kr_hir_optimize(fn);
    if (fn->error[0])
        goto refused;
    if (dump) {
        char *label = code_label(co);
        fprintf(stderr, "==== JIT: %s ====\n---- HIR ----\n", label ? label : "?");
        free(label);
        kr_hir_print(stderr, fn);
    }
    jc = calloc(1, sizeof *jc);
    if (!jc) {
        kr_hir_refuse(fn, "out of memory");
        goto refused;
    }
    kr_jit_backend_set_dump(j->be, dump ? stderr : NULL);
    if (kr_jit_backend_compile(j->be, fn, jc) < 0) {
        if (!fn->error[0])
            kr_hir_refuse(fn, "back end failed");
        free(jc);
        goto refused;
    }
    kr_jit_backend_set_dump(j->be, NULL);
    if (pin_values(fn, jc) < 0 || note_unprofiled(fn, jc) < 0) {
        kr_hir_refuse(fn, "out of memory");
        jit_code_destroy(j, jc);
        jc = NULL;
        goto refused;
    }
    jc->ready_ms = now_ms();
    jc->compile_ms = jc->ready_ms - t0;
    co->jit_state = jc;
    if (jc->npinned)
        kr_gc_barrier_all(vm, &co->ob); /* the code object (perhaps old) now keeps them alive */
    co->jit_code = (void *)jc->entry;
    j->ncompiled++;
    j->total_ms += jc->compile_ms;
    log_result(j, co, NULL, jc->code_size, jc->compile_ms);
    kr_hir_free(fn);
    return jc->entry;
refused:
    kr_jit_backend_set_dump(j->be, NULL);
    {
        kr_jit_fn r = refuse(vm, co, fn->error[0] ? fn->error : "refused", t0);
        if (dump)
            fprintf(stderr, "==== JIT: refused: %s ====\n", fn->error);
        kr_hir_free(fn);
        return r;
    }
}

/* Called by kr_jit_rt_exit for every deopt of co's current code: gives the code up when it keeps
 * deopting, so that the next compilation sees the feedback the interpreter has gathered since. */
/* Takes co's current code out of use (co is compiled again when its counters say so); the code stays
 * in j->retired, since activations of it may still be on the C stack. false when out of memory (the
 * code then stays in use). */
static bool jit_retire(struct kr_jit *j, kr_code *co, kr_jit_code *jc)
{
    if (j->nretired == j->retiredcap) {
        size_t ncap = j->retiredcap ? j->retiredcap * 2 : 8;
        kr_jit_code **p = realloc(j->retired, ncap * sizeof *p);
        if (!p)
            return false;
        j->retired = p;
        j->retiredcap = ncap;
    }
    j->retired[j->nretired++] = jc;
    co->jit_state = NULL;
    co->jit_code = NULL;
    return true;
}

void kr_jit_trace_retired(kr_vm *vm)
{
    struct kr_jit *j = vm->jit;
    if (!j)
        return;
    for (size_t i = 0; i < j->nretired; i++)
        for (uint32_t k = 0; k < j->retired[i]->npinned; k++)
            kr_gc_mark(vm, j->retired[i]->pinned[k]);
}

bool kr_jit_call_site_matured(kr_vm *vm, kr_code *co, uint32_t pc)
{
    struct kr_jit *j = vm->jit;
    kr_jit_code *jc = co->jit_state;
    if (!j || !jc)
        return false;
    for (uint32_t i = 0; i < jc->nunprofiled; i++)
        if (jc->unprofiled[i] == pc) {
            /* compiled before this call site ever ran: compile again with what it has seen (not a
             * deopt storm: no step toward KR_JIT_NEVER; each site matures once) */
            if (!jit_retire(j, co, jc))
                return false;
            j->recompiles_for_feedback++;
            co->call_count = 0;
            return true;
        }
    return false;
}

/* Restarts co's call and loop counters: it is compiled again only after warming up anew. */
static void reset_counters(kr_code *co)
{
    co->call_count = 0;
    for (uint32_t i = 0; i < co->nfb; i++)
        if (co->fb_op[i] == KR_OP_JUMP_BACKWARD)
            co->fb[i].loop.count = 0;
}

/* A GUARD_DICT_VERSION of jc failed. Keys versions only ever increase (vm/dict.h), so that guard fails
 * on every later run: waiting for KR_JIT_DEOPT_LIMIT deopts would only make each call of a hot
 * function deopt dozens of times whenever the program defines one more global (a storm that would
 * also cost the code the speculations storms turn off). The code is retired at once instead, not as
 * a storm, and compiled again at its next call or back-edge (kr_hir_build looks the stale global
 * caches up itself). An invalidation that comes KR_JIT_GLOBAL_AMORTIZE times the compile time or more
 * after the compilation costs little (a script's next phase defining globals) and is not counted;
 * the others are (jit_flags, compiler/jit.h): from the third one co is compiled again only when warm
 * anew, and from KR_JIT_GLOBAL_SPEC_LIMIT on without keys-version guards at all, so a function whose
 * globals keep changing neither deopts nor recompiles for it any more. */
#define KR_JIT_GLOBAL_AMORTIZE 20.0
static void note_global_invalidation(kr_code *co, kr_jit_code *jc, struct kr_jit *j)
{
    double lived = now_ms() - jc->ready_ms;
    if (!jit_retire(j, co, jc))
        return; /* out of memory: the code stays, and deopts at the guard (correct, only slower) */
    if (lived >= KR_JIT_GLOBAL_AMORTIZE * (jc->compile_ms > 0.01 ? jc->compile_ms : 0.01))
        return;
    unsigned n = (co->jit_flags & KR_JIT_GLOBAL_MASK) >> KR_JIT_GLOBAL_SHIFT;
    if (n < 15)
        n++;
    co->jit_flags = (co->jit_flags & ~KR_JIT_GLOBAL_MASK) | n << KR_JIT_GLOBAL_SHIFT;
    if (n > 2)
        reset_counters(co);
}

void kr_jit_note_deopt(kr_vm *vm, kr_code *co, const kr_jit_exit *exit)
{
    struct kr_jit *j = vm->jit;
    if (!j)
        return;
    j->deopts[exit->reason < KR_DEOPT_COUNT ? exit->reason : KR_DEOPT_UNCOMPILED]++;
    kr_jit_code *jc = co->jit_state;
    if (!jc || exit < jc->exits || exit >= jc->exits + jc->nexits)
        return; /* retired code still running */
    jc->deopts++;
    /* the latest line of co is its current code's (earlier lines keep their retired code's count) */
    for (size_t i = j->nlog; i-- > 0;)
        if (j->log[i].code == co && !j->log[i].refusal) {
            j->log[i].deopts = jc->deopts;
            break;
        }
    if (exit->reason == KR_DEOPT_GLOBAL) {
        note_global_invalidation(co, jc, j);
        return;
    }
    if (exit->reason == KR_DEOPT_LOOP_BOUNDS) {
        /* a counted loop beyond the bounds its unchecked arithmetic assumed (hir_opt.c): such ranges
         * are rare, so the code is retired at once and compiled again with the overflow checks */
        if (jit_retire(j, co, jc))
            co->jit_flags |= KR_JIT_NO_LOOP_RANGE;
        return;
    }
    if (jc->deopts < KR_JIT_DEOPT_LIMIT || !jit_retire(j, co, jc))
        return;
    unsigned recompiles = (co->jit_flags >> 8) + 1;
    co->jit_flags = (co->jit_flags & 0xffu) | recompiles << 8;
    if (recompiles >= KR_JIT_MAX_RECOMPILES) {
        co->jit_flags |= KR_JIT_NEVER;
        j->nrefused++;
        log_result(j, co, "deopt storm: left to the interpreter", 0, 0);
        return;
    }
    /* count up again from zero, with the new feedback */
    reset_counters(co);
}

void kr_jit_note_exception_exit(kr_vm *vm)
{
    if (vm->jit)
        vm->jit->exits_with_exception++;
}

void kr_jit_set_dump(kr_vm *vm, const char *name_filter)
{
    struct kr_jit *j = vm->jit;
    if (!j)
        return;
    free(j->dump_filter);
    j->dump_filter = name_filter ? strdup(name_filter) : NULL;
}

void kr_jit_set_stats(kr_vm *vm, bool on)
{
    if (vm->jit)
        vm->jit->stats = on;
}

void kr_jit_print_stats(kr_vm *vm, FILE *out)
{
    struct kr_jit *j = vm->jit;
    if (!j) {
        fprintf(out, "krait JIT: off\n");
        return;
    }
    fprintf(out, "krait JIT: %u functions compiled, %u refused, %zu bytes of code, compile time %.2f ms\n",
            j->ncompiled, j->nrefused, kr_jit_backend_code_bytes(j->be), j->total_ms);
    for (size_t i = 0; i < j->nlog; i++) {
        const kr_jit_log *e = &j->log[i];
        if (e->refusal)
            fprintf(out, "  interpreted %s: %s\n", e->name ? e->name : "?", e->refusal);
        else
            fprintf(out, "  compiled    %s: %zu bytes, %.3f ms, %u deopts\n", e->name ? e->name : "?",
                    e->code_bytes, e->ms, e->deopts);
    }
    uint64_t total = 0;
    for (int r = 0; r < KR_DEOPT_COUNT; r++)
        total += j->deopts[r];
    fprintf(out, "  deopts: %llu", (unsigned long long)total);
    for (int r = 0; r < KR_DEOPT_COUNT; r++)
        if (j->deopts[r])
            fprintf(out, ", %s %llu", kr_deopt_reason_names[r], (unsigned long long)j->deopts[r]);
    fprintf(out, "; exits with an exception: %llu; recompiled for calls that first ran compiled: %u\n",
            (unsigned long long)j->exits_with_exception, j->recompiles_for_feedback);
}

