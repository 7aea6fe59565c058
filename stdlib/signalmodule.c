/* signalmodule.c: _signal, the C half of the signal module (stdlib/lib/signal.py adds the Signals and
 * Handlers enums and converts handler values to them).
 *
 * A Python handler never runs inside the C signal handler. signal_c_handler only marks the signal
 * pending in the VM that installed the handler and raises KR_INTERRUPT_SIGNAL in vm->interrupt (zeroing
 * the GC threshold, as krait_interrupt does, so that compiled code's single-compare poll sees it); the
 * interpreter's next interrupt check (a call, a loop back-edge, compiled code's poll) or a blocking C
 * function interrupted by EINTR (kr_vm_check_interrupt) calls kr_vm_take_interrupt, which runs
 * signal_run: each pending signal's Python handler, called as handler(signum, frame) with a snapshot of
 * the interrupted Python frame (sys._getframe's kind: vm/traceback.c; None at the top level of an
 * embedding host). An exception from a handler propagates from that point.
 *
 * Process-wide state: signal dispositions belong to the process, and a C signal handler gets no
 * argument to find a VM through, so signal_owner[sig] (one atomic pointer per signal) names the VM
 * whose Python handler a signal runs; the VM that last installed a Python handler for a signal owns
 * it, and SIG_DFL/SIG_IGN from any VM leave it unowned. signal_host[sig] keeps the disposition the
 * host had before a VM first installed the C handler. Those two tables are the module's only global
 * mutable state (signal() is called from the thread that runs the VM, as CPython requires the main
 * thread). Each VM keeps its own pending flags (kr_signal_state) and its handler list
 * (vm->signal_handlers, a GC root); when a VM is freed, signal_free gives every signal it owns back to
 * the host's disposition before anything of the VM is released (another VM that had a handler for
 * the same signal before does not get it back: it was taken over).
 *
 * SIGINT: a host (the krait CLI) routes it to krait_interrupt, which raises KeyboardInterrupt; getsignal
 * reports that as default_int_handler, as CPython reports its own. Installing a Python handler replaces
 * the host's C handler; SIG_DFL and SIG_IGN are the C dispositions themselves.
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "../vm/init.h"
#include "../vm/list.h"
#include "../vm/traceback.h"
#include "io.h"

#define SIGNAL_N NSIG /* signal numbers are 1 .. SIGNAL_N - 1 */

struct kr_signal_state {
    atomic_int pending[SIGNAL_N];
};

/* See the header comment: the process-wide tables, written only while a signal's handler is being
 * installed or given back. signal_host[sig] is valid while signal_host_saved[sig]. */
static kr_vm *_Atomic signal_owner[SIGNAL_N];
static struct sigaction signal_host[SIGNAL_N];
static atomic_bool signal_host_saved[SIGNAL_N];

static void signal_c_handler(int sig)
{
    int saved_errno = errno;
    kr_vm *vm = atomic_load(&signal_owner[sig]);
    if (vm) {
        atomic_store(&vm->signals->pending[sig], 1);
        /* the flag before the threshold, as krait_interrupt: a poll that sees the zero sees the flag */
        atomic_fetch_or(&vm->interrupt, KR_INTERRUPT_SIGNAL);
        atomic_store(&vm->gc.threshold, 0);
    }
    errno = saved_errno;
}

/* vm->signal_run: the Python handlers of the pending signals, lowest number first. */
static int signal_run(kr_vm *vm)
{
    struct kr_signal_state *st = vm->signals;
    for (int sig = 1; sig < SIGNAL_N; sig++) {
        if (!atomic_exchange(&st->pending[sig], 0))
            continue;
        kr_value h = vm->signal_handlers ? kr_list_items(vm->signal_handlers)[sig] : KR_NONE;
        if (kr_is_small(h) || h == KR_NONE) /* SIG_DFL/SIG_IGN set since it arrived */
            continue;
        size_t mark = kr_root_mark(vm);
        kr_root_push(vm, &h);
        kr_value frame = vm->frame ? kr_tb_frame_stack(vm, vm->frame) : KR_NONE;
        kr_value r = KR_NULL;
        if (frame) {
            kr_root_push(vm, &frame);
            r = kr_call2(vm, h, kr_small(sig), frame);
        }
        kr_root_reset(vm, mark);
        if (!r) {
            /* the signals still pending wait for the next check */
            for (int s = sig + 1; s < SIGNAL_N; s++)
                if (atomic_load(&st->pending[s]))
                    atomic_fetch_or(&vm->interrupt, KR_INTERRUPT_SIGNAL);
            return -1;
        }
    }
    return 0;
}

/* vm->signal_free */
static void signal_free(kr_vm *vm)
{
    for (int sig = 1; sig < SIGNAL_N; sig++) {
        if (atomic_load(&signal_owner[sig]) != vm)
            continue;
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigaction(sig, atomic_load(&signal_host_saved[sig]) ? &signal_host[sig] : &dfl, NULL);
        atomic_store(&signal_host_saved[sig], false);
        atomic_store(&signal_owner[sig], NULL);
    }
    free(vm->signals);
    vm->signals = NULL;
}

static int signal_num_arg(kr_vm *vm, kr_value v, int *out)
{
    int64_t n;
    if (kr_index_i64(vm, v, &n) < 0)
        return -1;
    if (n < 1 || n >= SIGNAL_N) {
        kr_raise(vm, KR_EXC(vm, ValueError), "signal number out of range");
        return -1;
    }
    *out = (int)n;
    return 0;
}

/* signal(signalnum, handler) → the previous handler. handler: 0 (SIG_DFL), 1 (SIG_IGN) or a callable. */
static kr_value signal_signal(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int sig;
    if (kr_args_count(vm, "signal", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "signal", kwnames) < 0 ||
        signal_num_arg(vm, args[0], &sig) < 0)
        return KR_NULL;
    kr_value h = args[1];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    int64_t which = -1;
    if (kr_is_int(vm, h)) {
        if (kr_int_to_i64(vm, h, &which) < 0)
            kr_err_clear(vm);
    }
    if (which == 0 || which == 1) {
        sa.sa_handler = which == 0 ? SIG_DFL : SIG_IGN;
        h = kr_small(which);
    } else if (kr_type_of(vm, h)->call) {
        /* no SA_RESTART: a blocking call returns EINTR, so that the handler runs (PEP 475) */
        sa.sa_handler = signal_c_handler;
    } else {
        return kr_raise(vm, KR_EXC(vm, TypeError),
                        "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    }
    struct sigaction old;
    /* the owner first: a signal arriving right after sigaction must find this VM */
    kr_vm *prev_owner = atomic_load(&signal_owner[sig]);
    if (sa.sa_handler == signal_c_handler)
        atomic_store(&signal_owner[sig], vm);
    if (sigaction(sig, &sa, &old) < 0) {
        int e = errno;
        atomic_store(&signal_owner[sig], prev_owner);
        return kr_io_raise_errno(vm, e, KR_NULL);
    }
    if (sa.sa_handler == signal_c_handler && old.sa_handler != signal_c_handler) {
        signal_host[sig] = old; /* what a VM's krait_free gives back */
        atomic_store(&signal_host_saved[sig], true);
    } else if (sa.sa_handler != signal_c_handler) {
        /* the program chose the disposition: nobody owns the signal, nothing is to be given back */
        atomic_store(&signal_owner[sig], NULL);
        atomic_store(&signal_host_saved[sig], false);
    }
    kr_value *slot = &kr_list_items(vm->signal_handlers)[sig];
    kr_value prev = *slot;
    *slot = h;
    kr_gc_barrier(vm, KR_OBJ(vm->signal_handlers), h);
    return prev;
}

static kr_value signal_getsignal(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int sig;
    if (kr_args_count(vm, "getsignal", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "getsignal", kwnames) < 0 ||
        signal_num_arg(vm, args[0], &sig) < 0)
        return KR_NULL;
    return kr_list_items(vm->signal_handlers)[sig];
}

/* default_int_handler(signalnum, frame): SIGINT's default Python handler. */
static kr_value signal_default_int_handler(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    kr_raise_value(vm, KR_VAL(KR_EXC(vm, KeyboardInterrupt)));
    return KR_NULL;
}

static kr_value signal_raise_signal(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int sig;
    if (kr_args_count(vm, "raise_signal", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "raise_signal", kwnames) < 0 ||
        signal_num_arg(vm, args[0], &sig) < 0)
        return KR_NULL;
    if (raise(sig) != 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    /* the handler runs before raise_signal returns, as CPython's */
    if (kr_vm_check_interrupt(vm) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value signal_strsignal(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int sig;
    if (kr_args_count(vm, "strsignal", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "strsignal", kwnames) < 0 ||
        signal_num_arg(vm, args[0], &sig) < 0)
        return KR_NULL;
    const char *s = strsignal(sig);
    if (!s || !strncmp(s, "Unknown signal", 14) || !strncmp(s, "Real-time signal", 16))
        return KR_NONE;
    return kr_str_from_cstr(vm, s);
}

static kr_value signal_valid_signals(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "valid_signals", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "valid_signals", kwnames) < 0)
        return KR_NULL;
    sigset_t all;
    sigfillset(&all);
    kr_value s = kr_set_new(vm, false);
    for (int sig = 1; s && sig < SIGNAL_N; sig++)
        if (sigismember(&all, sig) == 1 && kr_set_add(vm, s, kr_small(sig)) < 0)
            return KR_NULL;
    return s;
}

static kr_value signal_alarm(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t secs;
    if (kr_args_count(vm, "alarm", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "alarm", kwnames) < 0 ||
        kr_index_i64(vm, args[0], &secs) < 0)
        return KR_NULL;
    if (secs < 0 || secs > (int64_t)UINT32_MAX)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C unsigned long");
    return kr_small(alarm((unsigned)secs));
}

static kr_value signal_pause(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "pause", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "pause", kwnames) < 0)
        return KR_NULL;
    pause();
    if (kr_vm_check_interrupt(vm) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value itimer_tuple(kr_vm *vm, const struct itimerval *v)
{
    kr_value a = kr_float_new(vm, (double)v->it_value.tv_sec + (double)v->it_value.tv_usec * 1e-6);
    kr_value b = a ? kr_float_new(vm, (double)v->it_interval.tv_sec + (double)v->it_interval.tv_usec * 1e-6)
                   : KR_NULL;
    return b ? kr_tuple_pack(vm, 2, a, b) : KR_NULL;
}

static int itimer_time(kr_vm *vm, kr_value v, struct timeval *tv)
{
    double d;
    if (kr_number_to_double(vm, v, &d) < 0)
        return -1;
    if (!(d >= 0) || d > 1e15) {
        kr_raise(vm, KR_EXC(vm, ValueError), "invalid timer value");
        return -1;
    }
    tv->tv_sec = (time_t)d;
    tv->tv_usec = (suseconds_t)((d - (double)tv->tv_sec) * 1e6);
    if (tv->tv_sec == 0 && tv->tv_usec == 0 && d > 0)
        tv->tv_usec = 1; /* a tiny positive delay still fires, as CPython rounds up */
    return 0;
}

/* setitimer(which, seconds, interval=0.0) → (old delay, old interval) */
static kr_value signal_setitimer(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "setitimer", nargs, 2, 3) < 0 || kr_args_no_kw(vm, "setitimer", kwnames) < 0)
        return KR_NULL;
    int64_t which;
    struct itimerval nv, ov;
    memset(&nv, 0, sizeof nv);
    if (kr_index_i64(vm, args[0], &which) < 0 || itimer_time(vm, args[1], &nv.it_value) < 0 ||
        (nargs > 2 && itimer_time(vm, args[2], &nv.it_interval) < 0))
        return KR_NULL;
    if (setitimer((int)which, &nv, &ov) < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return itimer_tuple(vm, &ov);
}

static kr_value signal_getitimer(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t which;
    struct itimerval v;
    if (kr_args_count(vm, "getitimer", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "getitimer", kwnames) < 0 ||
        kr_index_i64(vm, args[0], &which) < 0)
        return KR_NULL;
    if (getitimer((int)which, &v) < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return itimer_tuple(vm, &v);
}

static const kr_method_def signal_functions[] = {
    {"signal", signal_signal, KR_METH_STATIC, NULL},
    {"getsignal", signal_getsignal, KR_METH_STATIC, NULL},
    {"default_int_handler", signal_default_int_handler, KR_METH_STATIC, NULL},
    {"raise_signal", signal_raise_signal, KR_METH_STATIC, NULL},
    {"strsignal", signal_strsignal, KR_METH_STATIC, NULL},
    {"valid_signals", signal_valid_signals, KR_METH_STATIC, NULL},
    {"alarm", signal_alarm, KR_METH_STATIC, NULL},
    {"pause", signal_pause, KR_METH_STATIC, NULL},
    {"setitimer", signal_setitimer, KR_METH_STATIC, NULL},
    {"getitimer", signal_getitimer, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    int value;
} signal_constants[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},   {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT},     {"SIGIOT", SIGIOT},     {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},       {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},   {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},   {"SIGTERM", SIGTERM},
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT},
#endif
    {"SIGCHLD", SIGCHLD},     {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP},   {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN},     {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},     {"SIGXCPU", SIGXCPU},
    {"SIGXFSZ", SIGXFSZ},     {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},   {"SIGWINCH", SIGWINCH},
    {"SIGIO", SIGIO},         {"SIGSYS", SIGSYS},
#ifdef SIGPOLL
    {"SIGPOLL", SIGPOLL},
#endif
#ifdef SIGPWR
    {"SIGPWR", SIGPWR},
#endif
    {"SIGRTMIN", 0},          {"SIGRTMAX", 0}, /* filled in at run time: glibc reserves a few */
    {"NSIG", SIGNAL_N},       {"SIG_DFL", 0},           {"SIG_IGN", 1},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL}, {"ITIMER_PROF", ITIMER_PROF},
};

kr_value kr_signal_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_signal");
    if (!m || kr_module_add_functions(vm, m, signal_functions) < 0)
        return KR_NULL;
    for (size_t i = 0; i < sizeof signal_constants / sizeof signal_constants[0]; i++) {
        int v = signal_constants[i].value;
        if (!strcmp(signal_constants[i].name, "SIGRTMIN"))
            v = SIGRTMIN;
        else if (!strcmp(signal_constants[i].name, "SIGRTMAX"))
            v = SIGRTMAX;
        if (kr_module_add(vm, m, signal_constants[i].name, kr_small(v)) < 0)
            return KR_NULL;
    }
    if (vm->signals) /* imported again after its sys.modules entry went: the VM's state stays */
        return m;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value dih = kr_getattr_cstr(vm, m, "default_int_handler");
    kr_value handlers = dih ? kr_list_new(vm, SIGNAL_N) : KR_NULL;
    for (int sig = 0; handlers && sig < SIGNAL_N; sig++) {
        /* what the process has now: SIG_DFL, SIG_IGN, or a handler not installed from Python (None) */
        struct sigaction cur;
        kr_value h = KR_NONE;
        if (sig > 0 && sigaction(sig, NULL, &cur) == 0) {
            if (cur.sa_handler == SIG_DFL)
                h = kr_small(0);
            else if (cur.sa_handler == SIG_IGN)
                h = kr_small(1);
            else if (sig == SIGINT)
                h = dih; /* the host's krait_interrupt */
        }
        if (kr_list_append(vm, handlers, h) < 0)
            handlers = KR_NULL;
    }
    kr_root_reset(vm, mark);
    if (!handlers)
        return KR_NULL;
    struct kr_signal_state *st = calloc(1, sizeof *st);
    if (!st)
        return kr_raise_nomemory(vm);
    vm->signals = st;
    vm->signal_handlers = handlers;
    vm->signal_run = signal_run;
    vm->signal_free = signal_free;
    return m;
}
