/* selectmodule.c: _select, the system calls under select (stdlib/lib/select.py: select(), poll objects,
 * the error alias) and selectors. Both take plain descriptor numbers: select.py turns objects with
 * fileno() into them and maps the results back.
 *
 * An EINTR runs the signal handlers (kr_vm_check_interrupt): one that raises ends the call with its
 * exception; otherwise the call is retried with the time that is left (PEP 475). */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/select.h>
#include <time.h>

#include "../vm/init.h"
#include "../vm/list.h"
#include "io.h"

static double select_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A list of descriptor numbers into fds (at most FD_SETSIZE - 1 each, as select(2) requires). */
static int select_fd_list(kr_vm *vm, kr_value list, fd_set *set, int *maxfd)
{
    FD_ZERO(set);
    for (int64_t i = 0; i < kr_list_size(list); i++) {
        int64_t fd;
        if (kr_index_i64(vm, kr_list_items(list)[i], &fd) < 0)
            return -1;
        if (fd < 0) {
            kr_raise(vm, KR_EXC(vm, ValueError), "file descriptor cannot be a negative integer (%lld)",
                     (long long)fd);
            return -1;
        }
        if (fd >= FD_SETSIZE) {
            kr_raise(vm, KR_EXC(vm, ValueError), "filedescriptor out of range in select()");
            return -1;
        }
        FD_SET((int)fd, set);
        if (fd > *maxfd)
            *maxfd = (int)fd;
    }
    return 0;
}

static kr_value select_ready(kr_vm *vm, kr_value list, const fd_set *set)
{
    kr_value out = kr_list_new(vm, 0);
    for (int64_t i = 0; out && i < kr_list_size(list); i++) {
        kr_value v = kr_list_items(list)[i];
        int64_t fd;
        if (kr_index_i64(vm, v, &fd) < 0) /* checked by select_fd_list: 0 <= fd < FD_SETSIZE */
            return KR_NULL;
        if (FD_ISSET((int)fd, set) && kr_list_append(vm, out, v) < 0)
            return KR_NULL;
    }
    return out;
}

/* select(rfds, wfds, xfds, timeout) → (ready r, ready w, ready x); lists of ints; timeout None or
 * seconds >= 0 */
static kr_value select_select(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "select", nargs, 4, 4) < 0 || kr_args_no_kw(vm, "select", kwnames) < 0)
        return KR_NULL;
    for (int i = 0; i < 3; i++)
        if (!kr_list_check_exact(vm, args[i]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "_select.select: lists of descriptors expected");
    double timeout = -1;
    if (args[3] != KR_NONE) {
        if (kr_number_to_double(vm, args[3], &timeout) < 0) {
            kr_err_clear(vm);
            return kr_raise(vm, KR_EXC(vm, TypeError), "timeout must be a float or None");
        }
        if (isnan(timeout))
            return kr_raise(vm, KR_EXC(vm, ValueError), "Invalid value NaN (not a number)");
        if (timeout < 0)
            return kr_raise(vm, KR_EXC(vm, ValueError), "timeout must be non-negative");
    }
    double deadline = timeout >= 0 ? select_now() + timeout : 0;
    fd_set sets[3];
    for (;;) {
        int maxfd = -1;
        for (int i = 0; i < 3; i++)
            if (select_fd_list(vm, args[i], &sets[i], &maxfd) < 0)
                return KR_NULL;
        struct timeval tv, *tvp = NULL;
        if (timeout >= 0) {
            double left = deadline - select_now();
            if (left < 0)
                left = 0;
            tv.tv_sec = (time_t)left;
            tv.tv_usec = (suseconds_t)((left - (double)tv.tv_sec) * 1e6);
            tvp = &tv;
        }
        int r = select(maxfd + 1, &sets[0], &sets[1], &sets[2], tvp);
        if (r >= 0)
            break;
        if (errno != EINTR)
            return kr_io_raise_errno(vm, errno, KR_NULL);
        if (kr_vm_check_interrupt(vm) < 0)
            return KR_NULL;
    }
    kr_value res[3] = {KR_NULL, KR_NULL, KR_NULL};
    for (int i = 0; i < 3; i++)
        if (!(res[i] = select_ready(vm, args[i], &sets[i])))
            return KR_NULL;
    return kr_tuple_pack(vm, 3, res[0], res[1], res[2]);
}

/* poll(fds, events, timeout_ms) → [(fd, revents), ...]; fds and events lists of ints of one length;
 * timeout_ms < 0: wait without limit */
static kr_value select_poll(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "poll", nargs, 3, 3) < 0 || kr_args_no_kw(vm, "poll", kwnames) < 0)
        return KR_NULL;
    if (!kr_list_check_exact(vm, args[0]) || !kr_list_check_exact(vm, args[1]) ||
        kr_list_size(args[0]) != kr_list_size(args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "_select.poll: two lists of one length expected");
    int64_t timeout_ms;
    if (kr_index_i64(vm, args[2], &timeout_ms) < 0)
        return KR_NULL;
    if (timeout_ms > INT_MAX)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C int");
    int64_t n = kr_list_size(args[0]);
    struct pollfd *p = calloc(n ? (size_t)n : 1, sizeof *p);
    if (!p)
        return kr_raise_nomemory(vm);
    kr_value out = KR_NULL;
    for (int64_t i = 0; i < n; i++) {
        int64_t fd, ev;
        if (kr_index_i64(vm, kr_list_items(args[0])[i], &fd) < 0 ||
            kr_index_i64(vm, kr_list_items(args[1])[i], &ev) < 0)
            goto done;
        p[i].fd = (int)fd;
        p[i].events = (short)ev;
    }
    double deadline = select_now() + (double)timeout_ms / 1000.0;
    int r;
    for (;;) {
        int t = (int)timeout_ms;
        if (timeout_ms >= 0) {
            double left = deadline - select_now();
            t = left <= 0 ? 0 : (int)ceil(left * 1000.0);
        }
        r = poll(p, (nfds_t)n, t);
        if (r >= 0)
            break;
        if (errno != EINTR) {
            kr_io_raise_errno(vm, errno, KR_NULL);
            goto done;
        }
        if (kr_vm_check_interrupt(vm) < 0)
            goto done;
    }
    out = kr_list_new(vm, r);
    for (int64_t i = 0; out && i < n; i++) {
        if (!p[i].revents)
            continue;
        kr_value t = kr_tuple_pack(vm, 2, kr_small(p[i].fd), kr_small((uint16_t)p[i].revents));
        if (!t || kr_list_append(vm, out, t) < 0)
            out = KR_NULL;
    }
done:
    free(p);
    return out;
}

static const kr_method_def select_functions[] = {
    {"select", select_select, KR_METH_STATIC, NULL},
    {"poll", select_poll, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_select_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_select");
    if (!m || kr_module_add_functions(vm, m, select_functions) < 0)
        return KR_NULL;
    static const struct {
        const char *name;
        int value;
    } consts[] = {
        {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},
        {"POLLERR", POLLERR},       {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},
        {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM},
        {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},       {"POLLRDHUP", POLLRDHUP},
        {"PIPE_BUF", PIPE_BUF},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (kr_module_add(vm, m, consts[i].name, kr_small(consts[i].value)) < 0)
            return KR_NULL;
    return m;
}
