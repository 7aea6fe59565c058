/* time.c: the time module (clocks and sleep). sleep() wakes every few milliseconds to check the VM's
 * interrupt flag, so Ctrl-C or a host's krait_interrupt stops a long sleep. */
#include <errno.h>
#include <math.h>
#include <time.h>

#include "../vm/init.h"

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#define TIME_NOARG(fname, body)                                                            \
    static kr_value fname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)          \
    {                                                                                      \
        (void)args;                                                                        \
        if (kr_args_count(vm, #fname + 5, nargs, 0, 0) < 0 || kr_args_no_kw(vm, #fname + 5, kwnames) < 0) \
            return KR_NULL;                                                                \
        body                                                                               \
    }

TIME_NOARG(time_time, return kr_float_new(vm, clock_s(CLOCK_REALTIME));)
TIME_NOARG(time_time_ns, return kr_int_from_i64(vm, clock_ns(CLOCK_REALTIME));)
TIME_NOARG(time_perf_counter, return kr_float_new(vm, clock_s(CLOCK_MONOTONIC));)
TIME_NOARG(time_perf_counter_ns, return kr_int_from_i64(vm, clock_ns(CLOCK_MONOTONIC));)
TIME_NOARG(time_monotonic, return kr_float_new(vm, clock_s(CLOCK_MONOTONIC));)
TIME_NOARG(time_monotonic_ns, return kr_int_from_i64(vm, clock_ns(CLOCK_MONOTONIC));)
TIME_NOARG(time_process_time, return kr_float_new(vm, clock_s(CLOCK_PROCESS_CPUTIME_ID));)
TIME_NOARG(time_process_time_ns, return kr_int_from_i64(vm, clock_ns(CLOCK_PROCESS_CPUTIME_ID));)

static kr_value time_sleep(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "sleep", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "sleep", kwnames) < 0)
        return KR_NULL;
    double secs;
    if (kr_is_str(vm, args[0]) || kr_number_to_double(vm, args[0], &secs) < 0) {
        kr_err_clear(vm);
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer or float",
                        kr_typename(vm, args[0]));
    }
    if (isnan(secs))
        return kr_raise(vm, KR_EXC(vm, ValueError), "Invalid value NaN (not a number)");
    if (secs < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "sleep length must be non-negative");
    double deadline = clock_s(CLOCK_MONOTONIC) + secs;
    for (;;) {
        if (atomic_load(&vm->interrupt)) {
            atomic_store(&vm->interrupt, 0);
            return kr_raise(vm, KR_EXC(vm, KeyboardInterrupt), "%s", "");
        }
        double left = deadline - clock_s(CLOCK_MONOTONIC);
        if (left <= 0)
            break;
        if (left > 0.05)
            left = 0.05;
        struct timespec ts = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
        while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
            if (atomic_load(&vm->interrupt))
                break;
    }
    return KR_NONE;
}

static const kr_method_def time_functions[] = {
    {"time", time_time, KR_METH_STATIC, NULL},
    {"time_ns", time_time_ns, KR_METH_STATIC, NULL},
    {"perf_counter", time_perf_counter, KR_METH_STATIC, NULL},
    {"perf_counter_ns", time_perf_counter_ns, KR_METH_STATIC, NULL},
    {"monotonic", time_monotonic, KR_METH_STATIC, NULL},
    {"monotonic_ns", time_monotonic_ns, KR_METH_STATIC, NULL},
    {"process_time", time_process_time, KR_METH_STATIC, NULL},
    {"process_time_ns", time_process_time_ns, KR_METH_STATIC, NULL},
    {"sleep", time_sleep, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_time_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "time");
    if (!m || kr_module_add_functions(vm, m, time_functions) < 0)
        return KR_NULL;
    return m;
}
