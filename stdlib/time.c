/* time.c: _time, the C half of the time module (clocks, sleep, broken-down times; stdlib/lib/time.py
 * adds struct_time and the formatting functions). sleep() wakes every few milliseconds to check the VM's
 * interrupt flag, so Ctrl-C or a host's krait_interrupt stops a long sleep. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
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

#define TIME_NOARG(fname, pyname, body)                                                    \
    static kr_value fname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)          \
    {                                                                                      \
        (void)args;                                                                        \
        if (kr_args_count(vm, pyname, nargs, 0, 0) < 0 || kr_args_no_kw(vm, pyname, kwnames) < 0) \
            return KR_NULL;                                                                \
        body                                                                               \
    }

TIME_NOARG(time_time, "time", return kr_float_new(vm, clock_s(CLOCK_REALTIME));)
TIME_NOARG(time_time_ns, "time_ns", return kr_int_from_i64(vm, clock_ns(CLOCK_REALTIME));)
TIME_NOARG(time_perf_counter, "perf_counter", return kr_float_new(vm, clock_s(CLOCK_MONOTONIC));)
TIME_NOARG(time_perf_counter_ns, "perf_counter_ns", return kr_int_from_i64(vm, clock_ns(CLOCK_MONOTONIC));)
TIME_NOARG(time_monotonic, "monotonic", return kr_float_new(vm, clock_s(CLOCK_MONOTONIC));)
TIME_NOARG(time_monotonic_ns, "monotonic_ns", return kr_int_from_i64(vm, clock_ns(CLOCK_MONOTONIC));)
TIME_NOARG(time_process_time, "process_time", return kr_float_new(vm, clock_s(CLOCK_PROCESS_CPUTIME_ID));)
TIME_NOARG(time_process_time_ns, "process_time_ns", return kr_int_from_i64(vm, clock_ns(CLOCK_PROCESS_CPUTIME_ID));)

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
        if (kr_vm_check_interrupt(vm) < 0) /* a signal handler that returns lets the sleep go on (PEP 475) */
            return KR_NULL;
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

/* A broken-down time as the 11-tuple (year, mon, mday, hour, min, sec, wday, yday, isdst, zone, gmtoff)
 * with Python's conventions (tm_mon 1-12, tm_wday Monday=0, tm_yday 1-366); time.py wraps it. */
static kr_value tm_to_tuple(kr_vm *vm, const struct tm *tm)
{
    kr_value zone = kr_str_from_cstr(vm, tm->tm_zone ? tm->tm_zone : "UTC");
    if (!zone)
        return KR_NULL;
    return kr_tuple_pack(vm, 11, kr_small(tm->tm_year + 1900), kr_small(tm->tm_mon + 1), kr_small(tm->tm_mday),
                         kr_small(tm->tm_hour), kr_small(tm->tm_min), kr_small(tm->tm_sec),
                         kr_small((tm->tm_wday + 6) % 7), kr_small(tm->tm_yday + 1), kr_small(tm->tm_isdst), zone,
                         kr_small(tm->tm_gmtoff));
}

static int time_arg(kr_vm *vm, kr_value v, time_t *out)
{
    double d;
    if (kr_is_str(vm, v) || kr_number_to_double(vm, v, &d) < 0) {
        kr_err_clear(vm);
        kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer", kr_typename(vm, v));
        return -1;
    }
    if (!(d > -1e17 && d < 1e17)) {
        kr_raise(vm, KR_EXC(vm, OverflowError), "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)floor(d);
    return 0;
}

static kr_value time_broken_down(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool local)
{
    time_t t;
    if (kr_args_count(vm, local ? "localtime" : "gmtime", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "gmtime", kwnames) < 0 ||
        time_arg(vm, args[0], &t) < 0)
        return KR_NULL;
    struct tm tm;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm)))
        return kr_raise(vm, KR_EXC(vm, OverflowError), "timestamp out of range for platform time_t");
    return tm_to_tuple(vm, &tm);
}

static kr_value time_gmtime(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return time_broken_down(vm, args, nargs, kwnames, false);
}

static kr_value time_localtime(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return time_broken_down(vm, args, nargs, kwnames, true);
}

/* A 9-or-more-item sequence of ints (a struct_time as a tuple) → struct tm. */
static int tuple_to_tm(kr_vm *vm, const char *fname, kr_value t, struct tm *tm)
{
    if (!kr_is_ptr(t) || !kr_type_is_subtype(KR_OBJ(t)->type, vm->t.tuple) || kr_tuple_size(t) < 9) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int64_t f[9];
    for (int i = 0; i < 9; i++)
        if (kr_index_i64(vm, kr_tuple_items(t)[i], &f[i]) < 0)
            return -1;
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(f[0] - 1900);
    tm->tm_mon = (int)(f[1] - 1);
    tm->tm_mday = (int)f[2];
    tm->tm_hour = (int)f[3];
    tm->tm_min = (int)f[4];
    tm->tm_sec = (int)f[5];
    tm->tm_wday = (int)((f[6] + 1) % 7);
    tm->tm_yday = (int)(f[7] - 1);
    tm->tm_isdst = (int)f[8];
    /* A struct_time from localtime()/gmtime() carries its zone name and UTC offset (items 9 and 10 of
     * the tuple time.py passes); %Z and %z of strftime use them, as CPython does. Without them (None, or
     * a plain 9-tuple) tm_zone stays NULL and the C library falls back to tzname[tm_isdst] and +0000.
     * tm_zone points into the str, which the argument tuple keeps alive for the duration of the call. */
    if (kr_tuple_size(t) >= 11) {
        kr_value zone = kr_tuple_items(t)[9], off = kr_tuple_items(t)[10];
        int64_t gmtoff;
        if (kr_is_str(vm, zone))
            tm->tm_zone = kr_str_data(zone);
        if (off != KR_NONE) {
            if (kr_index_i64(vm, off, &gmtoff) < 0)
                return -1;
            tm->tm_gmtoff = (long)gmtoff;
        }
    }
    return 0;
}

static kr_value time_mktime(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    struct tm tm;
    if (kr_args_count(vm, "mktime", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "mktime", kwnames) < 0 ||
        tuple_to_tm(vm, "mktime", args[0], &tm) < 0)
        return KR_NULL;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "mktime argument out of range");
    return kr_float_new(vm, (double)t);
}

static kr_value time_strftime(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    struct tm tm;
    if (kr_args_count(vm, "strftime", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "strftime", kwnames) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "strftime() argument 1 must be str, not %s", kr_typename(vm, args[0]));
    if (tuple_to_tm(vm, "strftime", args[1], &tm) < 0)
        return KR_NULL;
    if (tm.tm_mon < 0 || tm.tm_mon > 11)
        return kr_raise(vm, KR_EXC(vm, ValueError), "month out of range");
    if (tm.tm_mday < 0 || tm.tm_mday > 31)
        return kr_raise(vm, KR_EXC(vm, ValueError), "day of month out of range");
    const char *fmt = kr_str_data(args[0]);
    if (!*fmt)
        return kr_str_new(vm, "", 0);
    /* strftime returns 0 both for "too small" and for an empty result: grow until it fits. */
    for (size_t cap = 256; cap <= ((size_t)1 << 20); cap *= 4) {
        char *buf = malloc(cap);
        if (!buf)
            return kr_raise_nomemory(vm);
        size_t n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap > 256 * strlen(fmt)) {
            kr_value r = kr_str_new(vm, buf, n);
            free(buf);
            return r;
        }
        free(buf);
    }
    return kr_str_new(vm, "", 0);
}

static const kr_method_def time_functions[] = {
    {"_gmtime", time_gmtime, KR_METH_STATIC, NULL},
    {"_localtime", time_localtime, KR_METH_STATIC, NULL},
    {"_mktime", time_mktime, KR_METH_STATIC, NULL},
    {"_strftime", time_strftime, KR_METH_STATIC, NULL},
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

static const char *tzname_of(int i)
{
    return tzname[i] ? tzname[i] : "UTC";
}

kr_value kr_time_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_time");
    if (!m || kr_module_add_functions(vm, m, time_functions) < 0)
        return KR_NULL;
    tzset();
    kr_value tzname = kr_tuple_pack(vm, 2, kr_str_from_cstr(vm, tzname_of(0)), kr_str_from_cstr(vm, tzname_of(1)));
    if (kr_module_add(vm, m, "timezone", kr_int_from_i64(vm, (int64_t)timezone)) < 0 ||
        kr_module_add(vm, m, "altzone", kr_int_from_i64(vm, (int64_t)timezone - (daylight ? 3600 : 0))) < 0 ||
        kr_module_add(vm, m, "daylight", kr_small(daylight)) < 0 || kr_module_add(vm, m, "tzname", tzname) < 0)
        return KR_NULL;
    return m;
}
