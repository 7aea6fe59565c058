/* procmodule.c: _posixproc, process control for os and subprocess: fork_exec (the child side of
 * subprocess.Popen), waitpid, kill, pipe, dup2, descriptor flags and the wait-status macros. os.py
 * re-exports all but fork_exec.
 *
 * fork_exec reports a failure in the child (chdir, exec, preexec_fn) to the parent through a
 * close-on-exec pipe: a successful exec closes it with nothing written, a failure writes a
 * proc_child_error and _exits with 255. The parent reads the pipe to its end (EOF: the exec happened),
 * and on a report reaps the child and raises what CPython raises there: the OSError subclass of the
 * errno naming the program (or the cwd); for a preexec_fn that raised, fork_exec returns -1 and
 * subprocess raises SubprocessError("Exception occurred in preexec_fn."). So no zombie
 * is left when Popen() fails.
 *
 * Between fork and exec the child runs only async-signal-safe calls, except preexec_fn, which runs
 * Python code in the child's copy of the VM (the VM is single-threaded, so its copy is consistent).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "../vm/list.h"
#include "../vm/tuple.h"
#include "io.h"

static int proc_int_arg(kr_vm *vm, kr_value v, int *out)
{
    int64_t n;
    if (kr_index_i64(vm, v, &n) < 0)
        return -1;
    if (n < INT_MIN || n > INT_MAX) {
        kr_raise(vm, KR_EXC(vm, OverflowError), "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)n;
    return 0;
}

/* ---- fork_exec ---- */

enum { PROC_STAGE_EXEC = 1, PROC_STAGE_CWD = 2, PROC_STAGE_PREEXEC = 3, PROC_STAGE_FDS = 4 };

typedef struct proc_child_error {
    int stage;
    int err;
} proc_child_error;

/* A list of bytes as a NULL-terminated char * array pointing into the bytes objects (which the caller
 * keeps alive and which nothing frees before the exec: no safepoint between). */
static char **proc_cstr_array(kr_vm *vm, kr_value list, const char *what)
{
    if (!kr_list_check_exact(vm, list)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "fork_exec: %s must be a list of bytes", what);
        return NULL;
    }
    int64_t n = kr_list_size(list);
    char **a = calloc((size_t)n + 1, sizeof *a);
    if (!a) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    for (int64_t i = 0; i < n; i++) {
        kr_value b = kr_list_items(list)[i];
        if (!kr_is_bytes(vm, b)) {
            free(a);
            kr_raise(vm, KR_EXC(vm, TypeError), "fork_exec: %s must be a list of bytes", what);
            return NULL;
        }
        const char *d = (const char *)kr_bytes_data(b);
        if (memchr(d, 0, (size_t)kr_bytes_size(b))) {
            free(a);
            kr_raise(vm, KR_EXC(vm, ValueError), "embedded null byte");
            return NULL;
        }
        a[i] = (char *)d; /* bytes objects keep a terminating NUL after their data */
    }
    return a;
}

static void proc_child_fail(int errpipe, int stage, int err)
{
    proc_child_error e = {stage, err};
    ssize_t w;
    do
        w = write(errpipe, &e, sizeof e);
    while (w < 0 && errno == EINTR);
    _exit(255);
}

/* fd onto target (0, 1, 2) in the child; -1: leave target as it is. An fd already at its target only
 * loses close-on-exec. */
static int proc_child_dup(int fd, int target)
{
    if (fd < 0)
        return 0;
    if (fd == target) {
        int fl = fcntl(fd, F_GETFD);
        return fl < 0 ? -1 : fcntl(fd, F_SETFD, fl & ~FD_CLOEXEC);
    }
    return dup2(fd, target) < 0 ? -1 : 0;
}

/* Closes every descriptor from 3 up except those in keep (sorted ascending). close_range(2) closes a
 * range in one call; on kernels without it, a loop up to the descriptor limit. */
static void proc_child_close_fds(const int *keep, int nkeep)
{
    unsigned lo = 3;
    for (int i = 0; i <= nkeep; i++) {
        unsigned hi = i < nkeep ? (unsigned)keep[i] : ~0U; /* exclusive for kept fds */
        if (i < nkeep && (unsigned)keep[i] < lo)
            continue;
        if (hi > lo) {
#ifdef SYS_close_range
            if (syscall(SYS_close_range, lo, i < nkeep ? hi - 1 : ~0U, 0) == 0) {
                lo = hi + 1;
                continue;
            }
#endif
            long max = sysconf(_SC_OPEN_MAX);
            if (max < 0 || max > 65536)
                max = 65536;
            for (unsigned fd = lo; fd < hi && fd < (unsigned)max; fd++)
                close((int)fd);
        }
        lo = hi + 1;
    }
}

typedef struct proc_spawn {
    char **argv, **envp, **execs; /* execs: the paths to try, in order */
    const char *cwd;              /* NULL: stay */
    int fds[3];                   /* child's stdin/stdout/stderr sources, -1: inherit */
    int *keep;                    /* pass_fds, sorted */
    int nkeep;
    bool close_fds, new_session;
    kr_value preexec_fn;          /* KR_NONE: none */
    int errpipe;                  /* the child's write end */
} proc_spawn;

static void proc_child(kr_vm *vm, const proc_spawn *sp)
{
    int errpipe = sp->errpipe;
    int fds[3] = {sp->fds[0], sp->fds[1], sp->fds[2]};
    /* a source fd that is itself 0..2 but not its own target would be overwritten by an earlier dup2:
     * move such fds above 2 first (the error pipe too) */
    for (int i = 0; i < 3; i++) {
        if (fds[i] >= 0 && fds[i] < 3 && fds[i] != i) {
            int moved = fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
            if (moved < 0)
                proc_child_fail(errpipe, PROC_STAGE_FDS, errno);
            fds[i] = moved;
        }
    }
    if (errpipe < 3) {
        int moved = fcntl(errpipe, F_DUPFD_CLOEXEC, 3);
        if (moved < 0)
            _exit(255);
        errpipe = moved;
    }
    for (int i = 0; i < 3; i++)
        if (proc_child_dup(fds[i], i) < 0)
            proc_child_fail(errpipe, PROC_STAGE_FDS, errno);
    if (sp->cwd && chdir(sp->cwd) < 0)
        proc_child_fail(errpipe, PROC_STAGE_CWD, errno);
    if (sp->new_session)
        setsid();
    if (sp->preexec_fn != KR_NONE) {
        if (!kr_call0(vm, sp->preexec_fn))
            proc_child_fail(errpipe, PROC_STAGE_PREEXEC, 0);
    }
    if (sp->close_fds) {
        /* keep the error pipe (close-on-exec) and pass_fds */
        int keep[sp->nkeep + 1];
        int n = 0;
        bool placed = false;
        for (int i = 0; i < sp->nkeep; i++) {
            if (!placed && errpipe < sp->keep[i]) {
                keep[n++] = errpipe;
                placed = true;
            }
            keep[n++] = sp->keep[i];
        }
        if (!placed)
            keep[n++] = errpipe;
        proc_child_close_fds(keep, n);
    }
    for (int i = 0; i < sp->nkeep; i++) {
        int fl = fcntl(sp->keep[i], F_GETFD);
        if (fl >= 0)
            fcntl(sp->keep[i], F_SETFD, fl & ~FD_CLOEXEC);
    }
    /* the first error other than "not there" names the failure, as a shell reports it */
    int saved = 0, last = ENOENT;
    for (char **e = sp->execs; *e; e++) {
        if (sp->envp)
            execve(*e, sp->argv, sp->envp);
        else
            execv(*e, sp->argv);
        last = errno;
        if (last != ENOENT && last != ENOTDIR && !saved)
            saved = last;
    }
    proc_child_fail(errpipe, PROC_STAGE_EXEC, saved ? saved : last);
}

/* fork_exec(args, executables, cwd, env, p2cread, c2pwrite, errwrite, close_fds, pass_fds,
 *           start_new_session, preexec_fn, exec_name, cwd_name) → pid (-1: preexec_fn raised)
 * args, executables, env: lists of bytes (env None: inherit); cwd bytes or None; pass_fds a sorted
 * tuple of ints; exec_name and cwd_name the objects an exec or chdir failure names. */
static kr_value proc_fork_exec(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "fork_exec", nargs, 13, 13) < 0 || kr_args_no_kw(vm, "fork_exec", kwnames) < 0)
        return KR_NULL;
    proc_spawn sp;
    memset(&sp, 0, sizeof sp);
    int ct = kr_truthy(vm, args[7]), ns = ct < 0 ? -1 : kr_truthy(vm, args[9]);
    if (ns < 0)
        return KR_NULL;
    sp.close_fds = ct;
    sp.new_session = ns;
    sp.preexec_fn = args[10];
    for (int i = 0; i < 3; i++)
        if (proc_int_arg(vm, args[4 + i], &sp.fds[i]) < 0)
            return KR_NULL;
    if (args[2] != KR_NONE) {
        if (!kr_is_bytes(vm, args[2]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "fork_exec: cwd must be bytes or None");
        sp.cwd = (const char *)kr_bytes_data(args[2]);
    }
    if (!kr_tuple_check(vm, args[8]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "fork_exec: pass_fds must be a tuple");
    sp.nkeep = (int)kr_tuple_size(args[8]);
    kr_value result = KR_NULL;
    sp.keep = calloc((size_t)sp.nkeep + 1, sizeof *sp.keep);
    sp.argv = proc_cstr_array(vm, args[0], "args");
    sp.execs = sp.argv ? proc_cstr_array(vm, args[1], "executable list") : NULL;
    sp.envp = sp.execs && args[3] != KR_NONE ? proc_cstr_array(vm, args[3], "env") : NULL;
    if (!sp.keep || !sp.execs || (args[3] != KR_NONE && !sp.envp)) {
        if (!sp.keep && !kr_err_occurred(vm))
            kr_raise_nomemory(vm);
        goto done;
    }
    for (int i = 0; i < sp.nkeep; i++)
        if (proc_int_arg(vm, kr_tuple_items(args[8])[i], &sp.keep[i]) < 0)
            goto done;
    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC) < 0) {
        kr_io_raise_errno(vm, errno, KR_NULL);
        goto done;
    }
    sp.errpipe = pipefd[1];
    pid_t pid = fork();
    if (pid == 0) {
        close(pipefd[0]);
        proc_child(vm, &sp); /* never returns */
    }
    int fork_errno = errno;
    close(pipefd[1]);
    if (pid < 0) {
        close(pipefd[0]);
        kr_io_raise_errno(vm, fork_errno, KR_NULL);
        goto done;
    }
    proc_child_error ce;
    size_t got = 0;
    while (got < sizeof ce) {
        ssize_t r = read(pipefd[0], (char *)&ce + got, sizeof ce - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(pipefd[0]);
    if (got == 0) {
        result = kr_small(pid);
        goto done;
    }
    /* the child failed before exec: reap it, then raise its report */
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (got < sizeof ce)
        kr_raise(vm, KR_EXC(vm, OSError), "fork_exec: the child failed before exec");
    else if (ce.stage == PROC_STAGE_PREEXEC)
        result = kr_small(-1); /* subprocess raises its SubprocessError */
    else if (ce.stage == PROC_STAGE_EXEC)
        kr_io_raise_errno(vm, ce.err, args[11]);
    else if (ce.stage == PROC_STAGE_CWD)
        kr_io_raise_errno(vm, ce.err, args[12]);
    else
        kr_io_raise_errno(vm, ce.err, KR_NULL);
done:
    free(sp.keep);
    free(sp.argv);
    free(sp.execs);
    free(sp.envp);
    return result;
}

/* ---- waiting and signalling ---- */

/* waitpid(pid, options) → (pid, status); retried on EINTR after the signal handlers ran (PEP 475) */
static kr_value proc_waitpid(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int pid, options;
    if (kr_args_count(vm, "waitpid", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "waitpid", kwnames) < 0 ||
        proc_int_arg(vm, args[0], &pid) < 0 || proc_int_arg(vm, args[1], &options) < 0)
        return KR_NULL;
    int status = 0;
    pid_t r;
    while ((r = waitpid(pid, &status, options)) < 0 && errno == EINTR)
        if (kr_vm_check_interrupt(vm) < 0)
            return KR_NULL;
    if (r < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return kr_tuple_pack(vm, 2, kr_small(r), kr_small(status));
}

static kr_value proc_kill_common(kr_vm *vm, const char *fname, kr_value *args, int nargs, kr_value kwnames,
                                 int (*fn)(pid_t, int))
{
    int pid, sig;
    if (kr_args_count(vm, fname, nargs, 2, 2) < 0 || kr_args_no_kw(vm, fname, kwnames) < 0 ||
        proc_int_arg(vm, args[0], &pid) < 0 || proc_int_arg(vm, args[1], &sig) < 0)
        return KR_NULL;
    if (fn(pid, sig) < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    /* a signal sent to this process has arrived by now: its Python handler runs before kill returns,
     * as it does in CPython (its eval breaker fires right after the call) */
    if (kr_vm_check_interrupt(vm) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value proc_kill(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return proc_kill_common(vm, "kill", args, nargs, kwnames, kill);
}

static kr_value proc_killpg(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return proc_kill_common(vm, "killpg", args, nargs, kwnames, killpg);
}

#define PROC_STATUS_FN(cname, pyname, expr)                                                          \
    static kr_value cname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                    \
    {                                                                                                \
        int status;                                                                                  \
        if (kr_args_count(vm, pyname, nargs, 1, 1) < 0 || kr_args_no_kw(vm, pyname, kwnames) < 0 || \
            proc_int_arg(vm, args[0], &status) < 0)                                                  \
            return KR_NULL;                                                                          \
        return expr;                                                                                 \
    }

PROC_STATUS_FN(proc_wifexited, "WIFEXITED", kr_bool(WIFEXITED(status)))
PROC_STATUS_FN(proc_wexitstatus, "WEXITSTATUS", kr_small(WEXITSTATUS(status)))
PROC_STATUS_FN(proc_wifsignaled, "WIFSIGNALED", kr_bool(WIFSIGNALED(status)))
PROC_STATUS_FN(proc_wtermsig, "WTERMSIG", kr_small(WTERMSIG(status)))
PROC_STATUS_FN(proc_wifstopped, "WIFSTOPPED", kr_bool(WIFSTOPPED(status)))
PROC_STATUS_FN(proc_wstopsig, "WSTOPSIG", kr_small(WSTOPSIG(status)))
PROC_STATUS_FN(proc_wcoredump, "WCOREDUMP", kr_bool(WCOREDUMP(status)))
PROC_STATUS_FN(proc_wifcontinued, "WIFCONTINUED", kr_bool(WIFCONTINUED(status)))

/* waitstatus_to_exitcode(status): the exit code, or -signal for a killed process */
static kr_value proc_waitstatus_to_exitcode(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"status"};
    kr_value a[1];
    int status;
    if (kr_args_parse(vm, "waitstatus_to_exitcode", args, nargs, kwnames, names, 1, 1, 0, a) < 0 ||
        proc_int_arg(vm, a[0], &status) < 0)
        return KR_NULL;
    if (WIFEXITED(status))
        return kr_small(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return kr_small(-WTERMSIG(status));
    if (WIFSTOPPED(status))
        return kr_raise(vm, KR_EXC(vm, ValueError), "process stopped by delivery of signal %d", WSTOPSIG(status));
    return kr_raise(vm, KR_EXC(vm, ValueError), "invalid wait status: %d", status);
}

/* ---- descriptors ---- */

/* pipe() → (read end, write end), both close-on-exec (non-inheritable, as CPython's) */
static kr_value proc_pipe(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "pipe", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "pipe", kwnames) < 0)
        return KR_NULL;
    int fd[2];
    if (pipe2(fd, O_CLOEXEC) < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return kr_tuple_pack(vm, 2, kr_small(fd[0]), kr_small(fd[1]));
}

/* dup2(fd, fd2, inheritable=True) → fd2 */
static kr_value proc_dup2(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"fd", "fd2", "inheritable"};
    kr_value a[3];
    int fd, fd2, inh = 1;
    if (kr_args_parse(vm, "dup2", args, nargs, kwnames, names, 3, 2, 0, a) < 0 || proc_int_arg(vm, a[0], &fd) < 0 ||
        proc_int_arg(vm, a[1], &fd2) < 0 || (a[2] && (inh = kr_truthy(vm, a[2])) < 0))
        return KR_NULL;
    int r = fd == fd2 ? (fcntl(fd, F_GETFD) < 0 ? -1 : fd) : dup3(fd, fd2, inh ? 0 : O_CLOEXEC);
    if (r < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return kr_small(r);
}

static kr_value proc_fd_flag(kr_vm *vm, const char *fname, kr_value *args, int nargs, kr_value kwnames, int get_cmd,
                             int set_cmd, int bit, bool set_means_clear)
{
    int fd;
    bool setting = set_cmd != 0;
    if (kr_args_count(vm, fname, nargs, setting ? 2 : 1, setting ? 2 : 1) < 0 || kr_args_no_kw(vm, fname, kwnames) < 0 ||
        proc_int_arg(vm, args[0], &fd) < 0)
        return KR_NULL;
    int fl = fcntl(fd, get_cmd);
    if (fl < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    if (!setting)
        return kr_bool(((fl & bit) != 0) != set_means_clear);
    int on = kr_truthy(vm, args[1]);
    if (on < 0)
        return KR_NULL;
    bool want_bit = (on != 0) != set_means_clear;
    int nfl = want_bit ? fl | bit : fl & ~bit;
    if (nfl != fl && fcntl(fd, set_cmd, nfl) < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return KR_NONE;
}

static kr_value proc_get_blocking(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return proc_fd_flag(vm, "get_blocking", args, nargs, kwnames, F_GETFL, 0, O_NONBLOCK, true);
}
static kr_value proc_set_blocking(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return proc_fd_flag(vm, "set_blocking", args, nargs, kwnames, F_GETFL, F_SETFL, O_NONBLOCK, true);
}
static kr_value proc_get_inheritable(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return proc_fd_flag(vm, "get_inheritable", args, nargs, kwnames, F_GETFD, 0, FD_CLOEXEC, true);
}
static kr_value proc_set_inheritable(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return proc_fd_flag(vm, "set_inheritable", args, nargs, kwnames, F_GETFD, F_SETFD, FD_CLOEXEC, true);
}

#define PROC_NOARG(cname, pyname, call)                                                               \
    static kr_value cname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                     \
    {                                                                                                 \
        (void)args;                                                                                   \
        if (kr_args_count(vm, pyname, nargs, 0, 0) < 0 || kr_args_no_kw(vm, pyname, kwnames) < 0)   \
            return KR_NULL;                                                                           \
        int64_t r = (int64_t)(call);                                                                  \
        if (r < 0)                                                                                    \
            return kr_io_raise_errno(vm, errno, KR_NULL);                                             \
        return kr_int_from_i64(vm, r);                                                                \
    }

PROC_NOARG(proc_getpgrp, "getpgrp", getpgrp())
PROC_NOARG(proc_setsid_raw, "setsid", setsid())

static kr_value proc_setsid(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_value r = proc_setsid_raw(vm, args, nargs, kwnames);
    return r ? KR_NONE : KR_NULL;
}

static kr_value proc_getpgid(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int pid;
    if (kr_args_count(vm, "getpgid", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "getpgid", kwnames) < 0 ||
        proc_int_arg(vm, args[0], &pid) < 0)
        return KR_NULL;
    pid_t r = getpgid(pid);
    if (r < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return kr_small(r);
}

static const kr_method_def proc_functions[] = {
    {"fork_exec", proc_fork_exec, KR_METH_STATIC, NULL},
    {"waitpid", proc_waitpid, KR_METH_STATIC, NULL},
    {"kill", proc_kill, KR_METH_STATIC, NULL},
    {"killpg", proc_killpg, KR_METH_STATIC, NULL},
    {"WIFEXITED", proc_wifexited, KR_METH_STATIC, NULL},
    {"WEXITSTATUS", proc_wexitstatus, KR_METH_STATIC, NULL},
    {"WIFSIGNALED", proc_wifsignaled, KR_METH_STATIC, NULL},
    {"WTERMSIG", proc_wtermsig, KR_METH_STATIC, NULL},
    {"WIFSTOPPED", proc_wifstopped, KR_METH_STATIC, NULL},
    {"WSTOPSIG", proc_wstopsig, KR_METH_STATIC, NULL},
    {"WCOREDUMP", proc_wcoredump, KR_METH_STATIC, NULL},
    {"WIFCONTINUED", proc_wifcontinued, KR_METH_STATIC, NULL},
    {"waitstatus_to_exitcode", proc_waitstatus_to_exitcode, KR_METH_STATIC, NULL},
    {"pipe", proc_pipe, KR_METH_STATIC, NULL},
    {"dup2", proc_dup2, KR_METH_STATIC, NULL},
    {"get_blocking", proc_get_blocking, KR_METH_STATIC, NULL},
    {"set_blocking", proc_set_blocking, KR_METH_STATIC, NULL},
    {"get_inheritable", proc_get_inheritable, KR_METH_STATIC, NULL},
    {"set_inheritable", proc_set_inheritable, KR_METH_STATIC, NULL},
    {"getpgrp", proc_getpgrp, KR_METH_STATIC, NULL},
    {"getpgid", proc_getpgid, KR_METH_STATIC, NULL},
    {"setsid", proc_setsid, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_proc_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_posixproc");
    if (!m || kr_module_add_functions(vm, m, proc_functions) < 0)
        return KR_NULL;
    static const struct {
        const char *name;
        int value;
    } consts[] = {{"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED}};
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (kr_module_add(vm, m, consts[i].name, kr_small(consts[i].value)) < 0)
            return KR_NULL;
    return m;
}
