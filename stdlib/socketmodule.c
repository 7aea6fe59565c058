/* socketmodule.c: _socket, the C half of the socket module (stdlib/lib/socket.py is the Python half:
 * the socket class with makefile, accept returning sockets, create_connection/create_server...).
 *
 * A _socket.socket owns a file descriptor (-1 once closed or detached): the type is
 * KR_TF_EXTERNAL_FINALIZE and its finalizer closes the descriptor, also when the VM is destroyed.
 *
 * Blocking. The descriptor is always in non-blocking mode; the socket's timeout decides what an
 * operation that would block does: timeout 0 raises BlockingIOError at once (setblocking(False)), a
 * positive timeout waits with poll() until its deadline and then raises TimeoutError("timed out"),
 * None (timeout < 0 here) waits as long as it takes. Waits are cut into slices of at most 50 ms and
 * check the VM's interrupts between them, so Ctrl-C and Python signal handlers run while a program
 * waits in accept() or recv() (as CPython's PyErr_CheckSignals on EINTR, without relying on EINTR).
 *
 * Addresses follow CPython: AF_INET (host, port), AF_INET6 (host, port[, flowinfo[, scope_id]]),
 * AF_UNIX a path (str or bytes; a leading NUL byte: the abstract namespace). '' is INADDR_ANY,
 * '<broadcast>' INADDR_BROADCAST; other host names are resolved with getaddrinfo, whose failures raise
 * socket.gaierror ([Errno -2] Name or service not known).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "../vm/bytes.h"
#include "../vm/exc.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/kr.h"
#include "../vm/str.h"
#include "../vm/tuple.h"
#include "../vm/type.h"

enum { SS_TYPE, SS_GAIERROR, SS_HERROR, SS_DEFAULT_TIMEOUT, SS_COUNT };

typedef struct sockobj {
    kr_object ob;
    int fd;          /* -1: closed or detached */
    int family, type, proto;
    double timeout;  /* < 0: blocking without limit (None), 0: non-blocking, > 0: seconds */
} sockobj;

#define SOCK(v) KR_AS(sockobj, v)

/* the module state, kept on _socket.socket (socket.socket and other subclasses reach it through
 * their builtin base) */
static kr_value module_state_of_type(kr_type *t) { return KR_TX(KR_TX(t)->builtin_base)->module_state; }
static kr_value state_item(kr_value state, int i) { return kr_tuple_items(state)[i]; }

static double monotonic_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static kr_value raise_errno(kr_vm *vm, int err) { return kr_raise_errno(vm, err, KR_NULL); }

static kr_value raise_gai(kr_vm *vm, kr_value state, int code)
{
    kr_value args[2] = {kr_small(code), kr_str_from_cstr(vm, code == EAI_SYSTEM ? strerror(errno) : gai_strerror(code))};
    if (!args[1])
        return KR_NULL;
    kr_value e = kr_call(vm, state_item(state, SS_GAIERROR), args, 2, KR_NULL);
    return e ? kr_raise_value(vm, e) : KR_NULL;
}

/* Waits until s->fd is ready for `events` (POLLIN / POLLOUT) within the socket's timeout counted from
 * `start`. 0: ready (or worth trying again); -1 with TimeoutError or what an interrupt raised. */
static int wait_ready(kr_vm *vm, sockobj *s, short events, double start)
{
    for (;;) {
        if (kr_vm_check_interrupt(vm) < 0)
            return -1;
        double slice = 0.05;
        if (s->timeout >= 0) {
            double left = start + s->timeout - monotonic_now();
            if (left <= 0) {
                kr_raise(vm, KR_EXC(vm, TimeoutError), "timed out");
                return -1;
            }
            if (left < slice)
                slice = left;
        }
        struct pollfd p = {s->fd, events, 0};
        int r = poll(&p, 1, (int)ceil(slice * 1000));
        if (r > 0)
            return 0;
        if (r < 0 && errno != EINTR) {
            raise_errno(vm, errno);
            return -1;
        }
    }
}

/* Runs op until it does not report EAGAIN/EINTR (waiting per the timeout); its result, or -1 with
 * an exception pending. */
#define SOCK_CALL(vm, s, events, expr, result)                                                        \
    do {                                                                                              \
        double start_ = monotonic_now();                                                              \
        for (;;) {                                                                                    \
            (result) = (expr);                                                                        \
            if ((result) >= 0)                                                                        \
                break;                                                                                \
            if (errno == EINTR) {                                                                     \
                if (kr_vm_check_interrupt(vm) < 0)                                                    \
                    break;                                                                            \
                continue;                                                                             \
            }                                                                                         \
            if ((errno == EAGAIN || errno == EWOULDBLOCK) && (s)->timeout != 0) {                     \
                if (wait_ready(vm, (s), (events), start_) < 0)                                        \
                    break;                                                                            \
                continue;                                                                             \
            }                                                                                         \
            raise_errno(vm, errno);                                                                   \
            break;                                                                                    \
        }                                                                                             \
    } while (0)

/* ---- addresses -------------------------------------------------------------------------------------- */

static int resolve_host(kr_vm *vm, kr_value state, const char *host, int family, struct sockaddr_storage *ss,
                        socklen_t *len)
{
    if (family == AF_INET && (host[0] == '\0' || strcmp(host, "<broadcast>") == 0)) {
        struct sockaddr_in *a = (struct sockaddr_in *)ss;
        a->sin_family = AF_INET;
        a->sin_addr.s_addr = host[0] ? htonl(INADDR_BROADCAST) : htonl(INADDR_ANY);
        *len = sizeof *a;
        return 0;
    }
    if (family == AF_INET6 && host[0] == '\0') {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
        a->sin6_family = AF_INET6;
        a->sin6_addr = in6addr_any;
        *len = sizeof *a;
        return 0;
    }
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = family;
    int r = getaddrinfo(host, NULL, &hints, &res);
    if (r != 0) {
        raise_gai(vm, state, r);
        return -1;
    }
    memcpy(ss, res->ai_addr, res->ai_addrlen);
    *len = res->ai_addrlen;
    freeaddrinfo(res);
    return 0;
}

static int port_of(kr_vm *vm, kr_value v, int *port, const char *caller)
{
    int64_t p;
    if (!kr_is_int(vm, v)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer", kr_typename(vm, v));
        return -1;
    }
    if (kr_int_to_i64(vm, v, &p) < 0 || p < 0 || p > 65535) {
        kr_err_clear(vm);
        kr_raise(vm, KR_EXC(vm, OverflowError), "%s: port must be 0-65535.", caller);
        return -1;
    }
    *port = (int)p;
    return 0;
}

static int parse_addr(kr_vm *vm, kr_value state, int family, kr_value addr, struct sockaddr_storage *ss, socklen_t *len,
                      const char *caller)
{
    memset(ss, 0, sizeof *ss);
    if (family == AF_UNIX) {
        const char *path;
        int64_t n;
        if (kr_is_str(vm, addr)) {
            path = kr_str_data(addr);
            n = kr_str_nbytes(addr);
        } else if (kr_bytes_buffer(vm, addr, (const uint8_t **)&path, &n) < 0) {
            kr_err_clear(vm);
            kr_raise(vm, KR_EXC(vm, TypeError), "%s: AF_UNIX address must be str or bytes, not %s", caller,
                     kr_typename(vm, addr));
            return -1;
        }
        struct sockaddr_un *u = (struct sockaddr_un *)ss;
        if ((size_t)n >= sizeof u->sun_path) {
            kr_raise(vm, KR_EXC(vm, OSError), "AF_UNIX path too long");
            return -1;
        }
        u->sun_family = AF_UNIX;
        memcpy(u->sun_path, path, (size_t)n);
        /* an abstract name (leading NUL) counts exactly its bytes; a path its terminating NUL too */
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)n + (n > 0 && path[0] == '\0' ? 0 : 1));
        return 0;
    }
    if (family != AF_INET && family != AF_INET6) {
        kr_raise(vm, KR_EXC(vm, OSError), "%s: bad family", caller);
        return -1;
    }
    if (!kr_tuple_check(vm, addr)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s: %s address must be tuple, not %s", caller,
                 family == AF_INET ? "AF_INET" : "AF_INET6", kr_typename(vm, addr));
        return -1;
    }
    int64_t n = kr_tuple_size(addr);
    if (family == AF_INET ? n != 2 : (n < 2 || n > 4)) {
        kr_raise(vm, KR_EXC(vm, TypeError), family == AF_INET ? "AF_INET address must be a pair (host, port)"
                                                              : "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return -1;
    }
    kr_value *it = kr_tuple_items(addr);
    if (!kr_is_str(vm, it[0])) {
        kr_raise(vm, KR_EXC(vm, TypeError), "str, bytes or bytearray expected, not %s", kr_typename(vm, it[0]));
        return -1;
    }
    int port;
    if (port_of(vm, it[1], &port, caller) < 0 || resolve_host(vm, state, kr_str_data(it[0]), family, ss, len) < 0)
        return -1;
    if (family == AF_INET) {
        ((struct sockaddr_in *)ss)->sin_port = htons((uint16_t)port);
    } else {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
        a->sin6_port = htons((uint16_t)port);
        int64_t flow = 0, scope = 0;
        if ((n > 2 && kr_int_to_i64(vm, it[2], &flow) < 0) || (n > 3 && kr_int_to_i64(vm, it[3], &scope) < 0))
            return -1;
        if (flow < 0 || flow > 0xfffff) {
            kr_raise(vm, KR_EXC(vm, OverflowError), "%s: flowinfo must be 0-1048575.", caller);
            return -1;
        }
        a->sin6_flowinfo = htonl((uint32_t)flow);
        a->sin6_scope_id = (uint32_t)scope;
    }
    return 0;
}

static kr_value make_addr(kr_vm *vm, const struct sockaddr *sa, socklen_t len)
{
    char host[INET6_ADDRSTRLEN];
    if (len == 0)
        return KR_NONE;
    switch (sa->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
        inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
        kr_value h = kr_str_from_cstr(vm, host);
        return h ? kr_tuple_pack(vm, 2, h, kr_small(ntohs(a->sin_port))) : KR_NULL;
    }
    case AF_INET6: {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
        inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
        kr_value h = kr_str_from_cstr(vm, host);
        return h ? kr_tuple_pack(vm, 4, h, kr_small(ntohs(a->sin6_port)), kr_small(ntohl(a->sin6_flowinfo)),
                                 kr_small(a->sin6_scope_id))
                 : KR_NULL;
    }
    case AF_UNIX: {
        const struct sockaddr_un *u = (const struct sockaddr_un *)sa;
        size_t n = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
        if (n > 0 && u->sun_path[0] == '\0') /* abstract: bytes, as CPython */
            return kr_bytes_new(vm, (const uint8_t *)u->sun_path, n);
        n = strnlen(u->sun_path, n);
        return kr_str_new(vm, u->sun_path, n);
    }
    default:
        return kr_tuple_pack(vm, 2, kr_small(sa->sa_family), kr_bytes_new(vm, (const uint8_t *)sa->sa_data, 14));
    }
}

/* ---- the socket type --------------------------------------------------------------------------------- */

static void sock_finalize(kr_vm *vm, kr_object *o)
{
    (void)vm;
    sockobj *s = (sockobj *)o;
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
}

static kr_value sock_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    sockobj *s = kr_gc_alloc(vm, cls, cls->instance_size);
    if (!s)
        return KR_NULL;
    s->fd = -1;
    s->timeout = -1;
    return KR_VAL(s);
}

static int get_int_opt(int fd, int opt, int *out)
{
    socklen_t l = sizeof *out;
    return getsockopt(fd, SOL_SOCKET, opt, out, &l);
}

static int set_nonblocking(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static int sock_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"family", "type", "proto", "fileno"};
    kr_value a[4];
    if (kr_args_parse(vm, "socket", args, nargs, kwnames, names, 4, 0, 0, a) < 0)
        return -1;
    int64_t v[3] = {-1, -1, -1};
    for (int i = 0; i < 3; i++)
        if (a[i] && a[i] != KR_NONE && kr_int_to_i64(vm, a[i], &v[i]) < 0)
            return -1;
    sockobj *s = SOCK(self);
    int fd;
    if (a[3] && a[3] != KR_NONE) {
        int64_t f;
        if (kr_int_to_i64(vm, a[3], &f) < 0)
            return -1;
        if (f < 0)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "negative file descriptor");
        fd = (int)f;
        int fam, ty, pr;
        if (get_int_opt(fd, SO_DOMAIN, &fam) < 0 || get_int_opt(fd, SO_TYPE, &ty) < 0 ||
            get_int_opt(fd, SO_PROTOCOL, &pr) < 0) {
            raise_errno(vm, errno);
            return -1;
        }
        v[0] = v[0] < 0 ? fam : v[0];
        v[1] = v[1] < 0 ? ty : v[1];
        v[2] = v[2] < 0 ? pr : v[2];
    } else {
        if (v[0] < 0)
            v[0] = AF_INET;
        if (v[1] < 0)
            v[1] = SOCK_STREAM;
        if (v[2] < 0)
            v[2] = 0;
        fd = socket((int)v[0], (int)v[1] | SOCK_CLOEXEC, (int)v[2]);
        if (fd < 0) {
            raise_errno(vm, errno);
            return -1;
        }
    }
    if (s->fd >= 0)
        close(s->fd);
    s->fd = fd;
    s->family = (int)v[0];
    s->type = (int)v[1] & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = (int)v[2];
    kr_value dt = state_item(module_state_of_type(kr_type_of(vm, self)), SS_DEFAULT_TIMEOUT);
    s->timeout = dt == KR_NONE ? -1 : kr_float_value(dt);
    if (set_nonblocking(fd) < 0) {
        raise_errno(vm, errno);
        return -1;
    }
    return 0;
}

static sockobj *self_sock(kr_value *args) { return SOCK(args[0]); }
static kr_value self_state(kr_vm *vm, kr_value *args) { return module_state_of_type(kr_type_of(vm, args[0])); }

static kr_value m_fileno(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "fileno", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_small(self_sock(args)->fd);
}

static kr_value m_detach(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "detach", nargs, kwnames) < 0)
        return KR_NULL;
    int fd = self_sock(args)->fd;
    self_sock(args)->fd = -1;
    return kr_small(fd);
}

static kr_value m_close(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "close", nargs, kwnames) < 0)
        return KR_NULL;
    sockobj *s = self_sock(args);
    int fd = s->fd;
    s->fd = -1;
    /* as CPython: a reset connection is not an error worth reporting at close */
    if (fd >= 0 && close(fd) < 0 && errno != ECONNRESET && errno != EINTR)
        return raise_errno(vm, errno);
    return KR_NONE;
}

static kr_value m_bind(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "bind", nargs, kwnames) < 0)
        return KR_NULL;
    sockobj *s = self_sock(args);
    struct sockaddr_storage ss;
    socklen_t len;
    if (parse_addr(vm, self_state(vm, args), s->family, args[1], &ss, &len, "bind()") < 0)
        return KR_NULL;
    if (bind(s->fd, (struct sockaddr *)&ss, len) < 0)
        return raise_errno(vm, errno);
    return KR_NONE;
}

static kr_value m_listen(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "listen", kwnames) < 0 || kr_args_count(vm, "listen", nargs - 1, 0, 1) < 0)
        return KR_NULL;
    int64_t backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (nargs > 1 && kr_int_to_i64(vm, args[1], &backlog) < 0)
        return KR_NULL;
    if (backlog < 0)
        backlog = 0;
    if (listen(self_sock(args)->fd, (int)backlog) < 0)
        return raise_errno(vm, errno);
    return KR_NONE;
}

/* connect(), or connect_ex() (errno as an int instead of an exception) */
static kr_value do_connect(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool ex)
{
    if (kr_args_method1(vm, ex ? "connect_ex" : "connect", nargs, kwnames) < 0)
        return KR_NULL;
    sockobj *s = self_sock(args);
    struct sockaddr_storage ss;
    socklen_t len;
    if (parse_addr(vm, self_state(vm, args), s->family, args[1], &ss, &len, ex ? "connect_ex()" : "connect()") < 0)
        return KR_NULL;
    int err = 0;
    if (connect(s->fd, (struct sockaddr *)&ss, len) < 0) {
        err = errno;
        while (err == EINTR) {
            if (kr_vm_check_interrupt(vm) < 0)
                return KR_NULL;
            err = EINPROGRESS; /* the connection goes on: wait for it */
        }
        if (err == EINPROGRESS && s->timeout != 0) {
            if (wait_ready(vm, s, POLLOUT, monotonic_now()) < 0) {
                if (!ex)
                    return KR_NULL;
                kr_value e = kr_err_fetch(vm); /* connect_ex reports a timeout as EWOULDBLOCK */
                if (!kr_type_is_subtype(kr_type_of(vm, e), KR_EXC(vm, TimeoutError))) {
                    kr_raise_value(vm, e);
                    return KR_NULL;
                }
                return kr_small(EWOULDBLOCK);
            }
            socklen_t l = sizeof err;
            if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &l) < 0)
                err = errno;
        }
    }
    if (ex)
        return kr_small(err);
    return err ? raise_errno(vm, err) : KR_NONE;
}
static kr_value m_connect(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return do_connect(vm, args, nargs, kwnames, false);
}
static kr_value m_connect_ex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return do_connect(vm, args, nargs, kwnames, true);
}

static kr_value m_accept(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "_accept", nargs, kwnames) < 0)
        return KR_NULL;
    sockobj *s = self_sock(args);
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    int fd;
    SOCK_CALL(vm, s, POLLIN, accept4(s->fd, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC | SOCK_NONBLOCK), fd);
    if (fd < 0)
        return KR_NULL;
    kr_value addr = make_addr(vm, (struct sockaddr *)&ss, len);
    kr_value r = addr ? kr_tuple_pack(vm, 2, kr_small(fd), addr) : KR_NULL;
    if (!r)
        close(fd);
    return r;
}

static int flags_arg(kr_vm *vm, kr_value *args, int nargs, int at, int *flags)
{
    int64_t f = 0;
    if (nargs > at && kr_int_to_i64(vm, args[at], &f) < 0)
        return -1;
    *flags = (int)f;
    return 0;
}

static kr_value m_recv(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "recv", kwnames) < 0 || kr_args_count(vm, "recv", nargs - 1, 1, 2) < 0)
        return KR_NULL;
    int64_t n;
    int flags;
    if (kr_int_to_i64(vm, args[1], &n) < 0 || flags_arg(vm, args, nargs, 2, &flags) < 0)
        return KR_NULL;
    if (n < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "negative buffersize in recv");
    sockobj *s = self_sock(args);
    kr_bytes *b = kr_bytes_alloc(vm, n);
    if (!b)
        return KR_NULL;
    ssize_t got;
    SOCK_CALL(vm, s, POLLIN, recv(s->fd, b->data, (size_t)n, flags), got);
    if (got < 0)
        return KR_NULL;
    return got == n ? KR_VAL(b) : kr_bytes_new(vm, b->data, (size_t)got);
}

static kr_value m_recvfrom(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "recvfrom", kwnames) < 0 || kr_args_count(vm, "recvfrom", nargs - 1, 1, 2) < 0)
        return KR_NULL;
    int64_t n;
    int flags;
    if (kr_int_to_i64(vm, args[1], &n) < 0 || flags_arg(vm, args, nargs, 2, &flags) < 0)
        return KR_NULL;
    if (n < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "negative buffersize in recvfrom");
    sockobj *s = self_sock(args);
    uint8_t *buf = malloc(n ? (size_t)n : 1);
    if (!buf)
        return kr_raise_nomemory(vm);
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    ssize_t got;
    SOCK_CALL(vm, s, POLLIN, recvfrom(s->fd, buf, (size_t)n, flags, (struct sockaddr *)&ss, &len), got);
    kr_value data = got >= 0 ? kr_bytes_new(vm, buf, (size_t)got) : KR_NULL;
    free(buf);
    if (!data)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &data);
    kr_value addr = make_addr(vm, (struct sockaddr *)&ss, len);
    kr_value r = addr ? kr_tuple_pack(vm, 2, data, addr) : KR_NULL;
    kr_root_reset(vm, m);
    return r;
}

static kr_value m_recv_into(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"buffer", "nbytes", "flags"};
    kr_value a[3];
    if (kr_args_parse(vm, "recv_into", args + 1, nargs - 1, kwnames, names, 3, 1, 0, a) < 0)
        return KR_NULL;
    kr_buffer view;
    kr_type *t = kr_type_of(vm, a[0]);
    if (!t->getbuffer || t->getbuffer(vm, a[0], &view) < 0 || view.readonly) {
        kr_err_clear(vm);
        return kr_raise(vm, KR_EXC(vm, TypeError), "recv_into() argument 'buffer' must be read-write bytes-like object, not %s",
                        kr_typename(vm, a[0]));
    }
    int64_t n = 0, flags = 0;
    if ((a[1] && kr_int_to_i64(vm, a[1], &n) < 0) || (a[2] && kr_int_to_i64(vm, a[2], &flags) < 0))
        return KR_NULL;
    if (n < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "negative buffersize in recv_into");
    if (n == 0)
        n = view.len;
    if (n > view.len)
        return kr_raise(vm, KR_EXC(vm, ValueError), "buffer too small for requested bytes");
    sockobj *s = self_sock(args);
    ssize_t got;
    /* no Python code runs while waiting (interrupt handlers could, but the buffer's owner is rooted
     * by the caller's arguments and is not resized by them in any sane program) */
    SOCK_CALL(vm, s, POLLIN, recv(s->fd, view.buf, (size_t)n, (int)flags), got);
    return got < 0 ? KR_NULL : kr_int_from_i64(vm, got);
}

static kr_value do_send(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool all)
{
    const char *name = all ? "sendall" : "send";
    if (kr_args_no_kw(vm, name, kwnames) < 0 || kr_args_count(vm, name, nargs - 1, 1, 2) < 0)
        return KR_NULL;
    const uint8_t *data;
    int64_t n;
    int flags;
    if (kr_bytes_buffer(vm, args[1], &data, &n) < 0 || flags_arg(vm, args, nargs, 2, &flags) < 0)
        return KR_NULL;
    sockobj *s = self_sock(args);
    int64_t done = 0;
    do {
        ssize_t sent;
        SOCK_CALL(vm, s, POLLOUT, send(s->fd, data + done, (size_t)(n - done), flags | MSG_NOSIGNAL), sent);
        if (sent < 0)
            return KR_NULL;
        done += sent;
    } while (all && done < n);
    return all ? KR_NONE : kr_int_from_i64(vm, done);
}
static kr_value m_send(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return do_send(vm, args, nargs, kwnames, false);
}
static kr_value m_sendall(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return do_send(vm, args, nargs, kwnames, true);
}

static kr_value m_sendto(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "sendto", kwnames) < 0 || kr_args_count(vm, "sendto", nargs - 1, 2, 3) < 0)
        return KR_NULL;
    const uint8_t *data;
    int64_t n;
    int flags = 0;
    if (kr_bytes_buffer(vm, args[1], &data, &n) < 0 || (nargs == 4 && flags_arg(vm, args, nargs, 2, &flags) < 0))
        return KR_NULL;
    sockobj *s = self_sock(args);
    struct sockaddr_storage ss;
    socklen_t len;
    if (parse_addr(vm, self_state(vm, args), s->family, args[nargs - 1], &ss, &len, "sendto()") < 0)
        return KR_NULL;
    ssize_t sent;
    SOCK_CALL(vm, s, POLLOUT, sendto(s->fd, data, (size_t)n, flags | MSG_NOSIGNAL, (struct sockaddr *)&ss, len), sent);
    return sent < 0 ? KR_NULL : kr_int_from_i64(vm, sent);
}

static kr_value m_shutdown(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t how;
    if (kr_args_method1(vm, "shutdown", nargs, kwnames) < 0 || kr_int_to_i64(vm, args[1], &how) < 0)
        return KR_NULL;
    if (shutdown(self_sock(args)->fd, (int)how) < 0)
        return raise_errno(vm, errno);
    return KR_NONE;
}

static kr_value name_of(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool peer)
{
    if (kr_args_method0(vm, peer ? "getpeername" : "getsockname", nargs, kwnames) < 0)
        return KR_NULL;
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    memset(&ss, 0, sizeof ss);
    int fd = self_sock(args)->fd;
    if ((peer ? getpeername(fd, (struct sockaddr *)&ss, &len) : getsockname(fd, (struct sockaddr *)&ss, &len)) < 0)
        return raise_errno(vm, errno);
    return make_addr(vm, (struct sockaddr *)&ss, len);
}
static kr_value m_getsockname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return name_of(vm, args, nargs, kwnames, false);
}
static kr_value m_getpeername(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return name_of(vm, args, nargs, kwnames, true);
}

static kr_value m_setsockopt(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "setsockopt", kwnames) < 0 || kr_args_count(vm, "setsockopt", nargs - 1, 3, 4) < 0)
        return KR_NULL;
    int64_t level, opt;
    if (kr_int_to_i64(vm, args[1], &level) < 0 || kr_int_to_i64(vm, args[2], &opt) < 0)
        return KR_NULL;
    int fd = self_sock(args)->fd, r;
    if (nargs == 5) { /* setsockopt(level, opt, None, optlen) */
        int64_t optlen;
        if (args[3] != KR_NONE || kr_int_to_i64(vm, args[4], &optlen) < 0)
            return kr_err_occurred(vm) ? KR_NULL : kr_raise(vm, KR_EXC(vm, TypeError), "setsockopt() value must be None with optlen");
        r = setsockopt(fd, (int)level, (int)opt, NULL, (socklen_t)optlen);
    } else if (kr_is_int(vm, args[3])) {
        int64_t v;
        if (kr_int_to_i64(vm, args[3], &v) < 0)
            return KR_NULL;
        int iv = (int)v;
        r = setsockopt(fd, (int)level, (int)opt, &iv, sizeof iv);
    } else {
        const uint8_t *data;
        int64_t n;
        if (kr_bytes_buffer(vm, args[3], &data, &n) < 0)
            return KR_NULL;
        r = setsockopt(fd, (int)level, (int)opt, data, (socklen_t)n);
    }
    return r < 0 ? raise_errno(vm, errno) : KR_NONE;
}

static kr_value m_getsockopt(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "getsockopt", kwnames) < 0 || kr_args_count(vm, "getsockopt", nargs - 1, 2, 3) < 0)
        return KR_NULL;
    int64_t level, opt, buflen = 0;
    if (kr_int_to_i64(vm, args[1], &level) < 0 || kr_int_to_i64(vm, args[2], &opt) < 0 ||
        (nargs == 4 && kr_int_to_i64(vm, args[3], &buflen) < 0))
        return KR_NULL;
    int fd = self_sock(args)->fd;
    if (nargs < 4) {
        int v = 0;
        socklen_t l = sizeof v;
        if (getsockopt(fd, (int)level, (int)opt, &v, &l) < 0)
            return raise_errno(vm, errno);
        return kr_small(v);
    }
    if (buflen <= 0 || buflen > 1024)
        return kr_raise(vm, KR_EXC(vm, OSError), "getsockopt buflen out of range");
    uint8_t buf[1024];
    socklen_t l = (socklen_t)buflen;
    if (getsockopt(fd, (int)level, (int)opt, buf, &l) < 0)
        return raise_errno(vm, errno);
    return kr_bytes_new(vm, buf, l);
}

/* None, or a non-negative number of seconds; *out < 0 for None */
static int timeout_arg(kr_vm *vm, kr_value v, double *out)
{
    if (v == KR_NONE) {
        *out = -1;
        return 0;
    }
    if (kr_number_to_double(vm, v, out) < 0)
        return -1;
    if (isnan(*out))
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "Invalid value NaN (not a number)");
    if (*out < 0)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "Timeout value out of range");
    return 0;
}

static kr_value timeout_value(kr_vm *vm, double t) { return t < 0 ? KR_NONE : kr_float_new(vm, t); }

static kr_value m_settimeout(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    double t;
    if (kr_args_method1(vm, "settimeout", nargs, kwnames) < 0 || timeout_arg(vm, args[1], &t) < 0)
        return KR_NULL;
    self_sock(args)->timeout = t;
    return KR_NONE;
}
static kr_value m_gettimeout(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "gettimeout", nargs, kwnames) < 0)
        return KR_NULL;
    return timeout_value(vm, self_sock(args)->timeout);
}
static kr_value m_setblocking(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "setblocking", nargs, kwnames) < 0)
        return KR_NULL;
    int b = kr_truthy(vm, args[1]);
    if (b < 0)
        return KR_NULL;
    self_sock(args)->timeout = b ? -1 : 0;
    return KR_NONE;
}
static kr_value m_getblocking(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "getblocking", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_bool(self_sock(args)->timeout != 0);
}

static kr_value g_family(kr_vm *vm, kr_value self) { (void)vm; return kr_small(SOCK(self)->family); }
static kr_value g_type(kr_vm *vm, kr_value self) { (void)vm; return kr_small(SOCK(self)->type); }
static kr_value g_proto(kr_vm *vm, kr_value self) { (void)vm; return kr_small(SOCK(self)->proto); }
static kr_value g_timeout(kr_vm *vm, kr_value self) { return timeout_value(vm, SOCK(self)->timeout); }

static const kr_method_def sock_methods[] = {
    {"fileno", m_fileno, KR_METH_DEFAULT, NULL},
    {"detach", m_detach, KR_METH_DEFAULT, NULL},
    {"close", m_close, KR_METH_DEFAULT, NULL},
    {"bind", m_bind, KR_METH_DEFAULT, NULL},
    {"listen", m_listen, KR_METH_DEFAULT, NULL},
    {"connect", m_connect, KR_METH_DEFAULT, NULL},
    {"connect_ex", m_connect_ex, KR_METH_DEFAULT, NULL},
    {"_accept", m_accept, KR_METH_DEFAULT, NULL},
    {"recv", m_recv, KR_METH_DEFAULT, NULL},
    {"recvfrom", m_recvfrom, KR_METH_DEFAULT, NULL},
    {"recv_into", m_recv_into, KR_METH_DEFAULT, NULL},
    {"send", m_send, KR_METH_DEFAULT, NULL},
    {"sendall", m_sendall, KR_METH_DEFAULT, NULL},
    {"sendto", m_sendto, KR_METH_DEFAULT, NULL},
    {"shutdown", m_shutdown, KR_METH_DEFAULT, NULL},
    {"getsockname", m_getsockname, KR_METH_DEFAULT, NULL},
    {"getpeername", m_getpeername, KR_METH_DEFAULT, NULL},
    {"setsockopt", m_setsockopt, KR_METH_DEFAULT, NULL},
    {"getsockopt", m_getsockopt, KR_METH_DEFAULT, NULL},
    {"settimeout", m_settimeout, KR_METH_DEFAULT, NULL},
    {"gettimeout", m_gettimeout, KR_METH_DEFAULT, NULL},
    {"setblocking", m_setblocking, KR_METH_DEFAULT, NULL},
    {"getblocking", m_getblocking, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};
static const kr_getset_def sock_getsets[] = {
    {"family", g_family, NULL, NULL},
    {"type", g_type, NULL, NULL},
    {"proto", g_proto, NULL, NULL},
    {"timeout", g_timeout, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- module functions ----------------------------------------------------------------------------------- */

static kr_value mstate(kr_value *args) { return KR_AS(kr_module, args[0])->state; }

static kr_value f_gethostname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_no_kw(vm, "gethostname", kwnames) < 0 || kr_args_count(vm, "gethostname", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    char buf[256];
    if (gethostname(buf, sizeof buf) < 0)
        return raise_errno(vm, errno);
    buf[sizeof buf - 1] = 0;
    return kr_str_from_cstr(vm, buf);
}

static kr_value f_gethostbyname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "gethostbyname", kwnames) < 0 || kr_args_count(vm, "gethostbyname", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "gethostbyname() argument 1 must be str, not %s",
                        kr_typename(vm, args[1]));
    struct sockaddr_storage ss;
    socklen_t len;
    memset(&ss, 0, sizeof ss);
    if (resolve_host(vm, mstate(args), kr_str_data(args[1]), AF_INET, &ss, &len) < 0)
        return KR_NULL;
    char host[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, host, sizeof host);
    return kr_str_from_cstr(vm, host);
}

static kr_value f_getaddrinfo(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"host", "port", "family", "type", "proto", "flags"};
    kr_value a[6];
    if (kr_args_parse(vm, "getaddrinfo", args + 1, nargs - 1, kwnames, names, 6, 2, 0, a) < 0)
        return KR_NULL;
    const char *host = NULL, *port = NULL;
    char portbuf[32];
    if (a[0] != KR_NONE) {
        if (!kr_is_str(vm, a[0]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "getaddrinfo() argument 1 must be string or None");
        host = kr_str_data(a[0]);
    }
    if (a[1] != KR_NONE) {
        if (kr_is_int(vm, a[1])) {
            int64_t p;
            if (kr_int_to_i64(vm, a[1], &p) < 0)
                return KR_NULL;
            snprintf(portbuf, sizeof portbuf, "%lld", (long long)p);
            port = portbuf;
        } else if (kr_is_str(vm, a[1])) {
            port = kr_str_data(a[1]);
        } else {
            return kr_raise(vm, KR_EXC(vm, OSError), "Int or String expected");
        }
    }
    int64_t v[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        if (a[2 + i] && kr_int_to_i64(vm, a[2 + i], &v[i]) < 0)
            return KR_NULL;
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = (int)v[0];
    hints.ai_socktype = (int)v[1];
    hints.ai_protocol = (int)v[2];
    hints.ai_flags = (int)v[3];
    int r = getaddrinfo(host, port, &hints, &res);
    if (r != 0)
        return raise_gai(vm, mstate(args), r);
    size_t m = kr_root_mark(vm);
    kr_value list = kr_list_new(vm, 0), item = KR_NULL;
    kr_root_push(vm, &list);
    kr_root_push(vm, &item);
    for (struct addrinfo *ai = res; ai && list; ai = ai->ai_next) {
        kr_value addr = make_addr(vm, ai->ai_addr, ai->ai_addrlen);
        kr_value canon = addr ? kr_str_from_cstr(vm, ai->ai_canonname ? ai->ai_canonname : "") : KR_NULL;
        item = canon ? kr_tuple_pack(vm, 5, kr_small(ai->ai_family), kr_small(ai->ai_socktype), kr_small(ai->ai_protocol),
                                     canon, addr)
                     : KR_NULL;
        if (!item || kr_list_append(vm, list, item) < 0)
            list = KR_NULL;
    }
    freeaddrinfo(res);
    kr_root_reset(vm, m);
    return list;
}

static kr_value f_inet_aton(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "inet_aton", kwnames) < 0 || kr_args_count(vm, "inet_aton", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    struct in_addr a;
    if (!kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "inet_aton() argument 1 must be str, not %s", kr_typename(vm, args[1]));
    if (!inet_aton(kr_str_data(args[1]), &a))
        return kr_raise(vm, KR_EXC(vm, OSError), "illegal IP address string passed to inet_aton");
    return kr_bytes_new(vm, (const uint8_t *)&a, 4);
}

static kr_value f_inet_ntoa(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const uint8_t *d;
    int64_t n;
    if (kr_args_no_kw(vm, "inet_ntoa", kwnames) < 0 || kr_args_count(vm, "inet_ntoa", nargs - 1, 1, 1) < 0 ||
        kr_bytes_buffer(vm, args[1], &d, &n) < 0)
        return KR_NULL;
    if (n != 4)
        return kr_raise(vm, KR_EXC(vm, OSError), "packed IP wrong length for inet_ntoa");
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, d, buf, sizeof buf);
    return kr_str_from_cstr(vm, buf);
}

static kr_value f_inet_pton(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t fam;
    if (kr_args_no_kw(vm, "inet_pton", kwnames) < 0 || kr_args_count(vm, "inet_pton", nargs - 1, 2, 2) < 0 ||
        kr_int_to_i64(vm, args[1], &fam) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[2]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "inet_pton() argument 2 must be str, not %s", kr_typename(vm, args[2]));
    uint8_t buf[16];
    int r = inet_pton((int)fam, kr_str_data(args[2]), buf);
    if (r < 0)
        return raise_errno(vm, errno);
    if (r == 0)
        return kr_raise(vm, KR_EXC(vm, OSError), "illegal IP address string passed to inet_pton");
    return kr_bytes_new(vm, buf, fam == AF_INET ? 4 : 16);
}

static kr_value f_inet_ntop(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t fam;
    const uint8_t *d;
    int64_t n;
    if (kr_args_no_kw(vm, "inet_ntop", kwnames) < 0 || kr_args_count(vm, "inet_ntop", nargs - 1, 2, 2) < 0 ||
        kr_int_to_i64(vm, args[1], &fam) < 0 || kr_bytes_buffer(vm, args[2], &d, &n) < 0)
        return KR_NULL;
    if (fam != AF_INET && fam != AF_INET6)
        return kr_raise(vm, KR_EXC(vm, ValueError), "unknown address family %lld", (long long)fam);
    if (n != (fam == AF_INET ? 4 : 16))
        return kr_raise(vm, KR_EXC(vm, ValueError), "invalid length of packed IP address string");
    char buf[INET6_ADDRSTRLEN];
    inet_ntop((int)fam, d, buf, sizeof buf);
    return kr_str_from_cstr(vm, buf);
}

/* htons & co: 16- or 32-bit byte swaps with CPython's range checks */
static kr_value swap(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int bits)
{
    int64_t v;
    if (kr_args_no_kw(vm, name, kwnames) < 0 || kr_args_count(vm, name, nargs - 1, 1, 1) < 0)
        return KR_NULL;
    if (!kr_is_int(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer", kr_typename(vm, args[1]));
    if (kr_int_to_i64(vm, args[1], &v) < 0 || v < 0 || (bits == 16 ? v > 0xffff : v > 0xffffffffLL)) {
        kr_err_clear(vm);
        if (bits == 16)
            return kr_raise(vm, KR_EXC(vm, OverflowError), "%s: Python int too large to convert to C 16-bit unsigned integer", name);
        return kr_raise(vm, KR_EXC(vm, OverflowError), "int larger than 32 bits");
    }
    return bits == 16 ? kr_small(htons((uint16_t)v)) : kr_int_from_i64(vm, htonl((uint32_t)v));
}
static kr_value f_htons(kr_vm *vm, kr_value *a, int n, kr_value k) { return swap(vm, a, n, k, "htons", 16); }
static kr_value f_ntohs(kr_vm *vm, kr_value *a, int n, kr_value k) { return swap(vm, a, n, k, "ntohs", 16); }
static kr_value f_htonl(kr_vm *vm, kr_value *a, int n, kr_value k) { return swap(vm, a, n, k, "htonl", 32); }
static kr_value f_ntohl(kr_vm *vm, kr_value *a, int n, kr_value k) { return swap(vm, a, n, k, "ntohl", 32); }

static kr_value f_getdefaulttimeout(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "getdefaulttimeout", kwnames) < 0 || kr_args_count(vm, "getdefaulttimeout", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    return state_item(mstate(args), SS_DEFAULT_TIMEOUT);
}

static kr_value f_setdefaulttimeout(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    double t;
    if (kr_args_no_kw(vm, "setdefaulttimeout", kwnames) < 0 ||
        kr_args_count(vm, "setdefaulttimeout", nargs - 1, 1, 1) < 0 || timeout_arg(vm, args[1], &t) < 0)
        return KR_NULL;
    kr_value v = timeout_value(vm, t);
    if (!v)
        return KR_NULL;
    kr_value st = mstate(args);
    kr_tuple_items(st)[SS_DEFAULT_TIMEOUT] = v;
    kr_gc_barrier(vm, KR_OBJ(st), v);
    return KR_NONE;
}

/* socketpair(family, type, proto) -> (fd, fd): socket.py makes the sockets */
static kr_value f_socketpair_fds(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t v[3] = {AF_UNIX, SOCK_STREAM, 0};
    if (kr_args_no_kw(vm, "_socketpair", kwnames) < 0 || kr_args_count(vm, "_socketpair", nargs - 1, 3, 3) < 0)
        return KR_NULL;
    for (int i = 0; i < 3; i++)
        if (kr_int_to_i64(vm, args[1 + i], &v[i]) < 0)
            return KR_NULL;
    int fds[2];
    if (socketpair((int)v[0], (int)v[1] | SOCK_CLOEXEC, (int)v[2], fds) < 0)
        return raise_errno(vm, errno);
    return kr_tuple_pack(vm, 2, kr_small(fds[0]), kr_small(fds[1]));
}

static kr_value f_dup(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t fd;
    if (kr_args_no_kw(vm, "dup", kwnames) < 0 || kr_args_count(vm, "dup", nargs - 1, 1, 1) < 0 ||
        kr_int_to_i64(vm, args[1], &fd) < 0)
        return KR_NULL;
    int r = fcntl((int)fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? raise_errno(vm, errno) : kr_small(r);
}

static kr_value f_close(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t fd;
    if (kr_args_no_kw(vm, "close", kwnames) < 0 || kr_args_count(vm, "close", nargs - 1, 1, 1) < 0 ||
        kr_int_to_i64(vm, args[1], &fd) < 0)
        return KR_NULL;
    if (close((int)fd) < 0 && errno != ECONNRESET)
        return raise_errno(vm, errno);
    return KR_NONE;
}

static const kr_method_def socket_functions[] = {
    {"gethostname", f_gethostname, KR_METH_MODULE, NULL},
    {"gethostbyname", f_gethostbyname, KR_METH_MODULE, NULL},
    {"getaddrinfo", f_getaddrinfo, KR_METH_MODULE, NULL},
    {"inet_aton", f_inet_aton, KR_METH_MODULE, NULL},
    {"inet_ntoa", f_inet_ntoa, KR_METH_MODULE, NULL},
    {"inet_pton", f_inet_pton, KR_METH_MODULE, NULL},
    {"inet_ntop", f_inet_ntop, KR_METH_MODULE, NULL},
    {"htons", f_htons, KR_METH_MODULE, NULL},
    {"ntohs", f_ntohs, KR_METH_MODULE, NULL},
    {"htonl", f_htonl, KR_METH_MODULE, NULL},
    {"ntohl", f_ntohl, KR_METH_MODULE, NULL},
    {"getdefaulttimeout", f_getdefaulttimeout, KR_METH_MODULE, NULL},
    {"setdefaulttimeout", f_setdefaulttimeout, KR_METH_MODULE, NULL},
    {"_socketpair", f_socketpair_fds, KR_METH_MODULE, NULL},
    {"dup", f_dup, KR_METH_MODULE, NULL},
    {"close", f_close, KR_METH_MODULE, NULL},
    {NULL, NULL, 0, NULL},
};

static kr_value make_error_class(kr_vm *vm, const char *name)
{
    kr_value n = kr_str_from_cstr(vm, name);
    kr_value bases = n ? kr_tuple_pack(vm, 1, KR_VAL(KR_EXC(vm, OSError))) : KR_NULL;
    kr_value ns = bases ? kr_dict_new(vm) : KR_NULL;
    kr_value mod = ns ? kr_str_from_cstr(vm, "socket") : KR_NULL;
    if (!mod || kr_dict_set_cstr(vm, ns, "__module__", mod) < 0)
        return KR_NULL;
    return kr_type_create_class(vm, KR_VAL(vm->t.type), n, bases, ns, KR_NULL);
}

kr_value kr_socket_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_socket");
    if (!m)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value state = kr_tuple_new(vm, SS_COUNT);
    if (!state)
        goto fail;
    kr_tuple_items(state)[SS_DEFAULT_TIMEOUT] = KR_NONE;
    KR_AS(kr_module, m)->state = state;
    kr_gc_barrier(vm, KR_OBJ(m), state);
    static const char *const errs[] = {"gaierror", "herror"};
    for (int i = 0; i < 2; i++) {
        kr_value e = make_error_class(vm, errs[i]);
        if (!e || kr_module_add(vm, m, errs[i], e) < 0)
            goto fail;
        kr_tuple_items(state)[SS_GAIERROR + i] = e;
        kr_gc_barrier(vm, KR_OBJ(state), e);
    }
    kr_type *t = kr_type_new_builtin(vm, "_socket.socket", vm->t.object, sizeof(sockobj),
                                     KR_TF_EXTERNAL_FINALIZE | KR_TF_BASETYPE);
    t->new_ = sock_new;
    t->init = sock_init;
    t->finalize = sock_finalize;
    t->methods = sock_methods;
    t->getsets = sock_getsets;
    KR_TX(t)->module_state = state;
    kr_tuple_items(state)[SS_TYPE] = KR_VAL(t);
    kr_gc_barrier(vm, KR_OBJ(state), KR_VAL(t));
    if (kr_type_ready(vm, t) < 0 || kr_module_add(vm, m, "socket", KR_VAL(t)) < 0 ||
        kr_module_add(vm, m, "SocketType", KR_VAL(t)) < 0 || kr_module_add_functions(vm, m, socket_functions) < 0 ||
        kr_module_add(vm, m, "error", KR_VAL(KR_EXC(vm, OSError))) < 0 ||
        kr_module_add(vm, m, "timeout", KR_VAL(KR_EXC(vm, TimeoutError))) < 0 ||
        kr_module_add(vm, m, "has_ipv6", KR_TRUE) < 0)
        goto fail;
#define C(name) {#name, name}
    static const struct { const char *name; long value; } consts[] = {
        C(AF_UNSPEC), C(AF_INET), C(AF_INET6), C(AF_UNIX), C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW),
        C(SOCK_SEQPACKET), C(SOCK_NONBLOCK), C(SOCK_CLOEXEC), C(SOL_SOCKET), C(SO_REUSEADDR), C(SO_REUSEPORT),
        C(SO_KEEPALIVE), C(SO_BROADCAST), C(SO_LINGER), C(SO_RCVBUF), C(SO_SNDBUF), C(SO_ERROR), C(SO_TYPE),
        C(SO_RCVTIMEO), C(SO_SNDTIMEO), C(SO_DOMAIN), C(SO_PROTOCOL), C(SO_ACCEPTCONN), C(SOMAXCONN),
        C(IPPROTO_IP), C(IPPROTO_TCP), C(IPPROTO_UDP), C(IPPROTO_IPV6), C(IPPROTO_ICMP), C(IPPROTO_RAW),
        C(IP_TTL), C(IP_TOS), C(IP_MULTICAST_TTL), C(IP_MULTICAST_LOOP), C(IP_ADD_MEMBERSHIP),
        C(IP_DROP_MEMBERSHIP), C(IPV6_V6ONLY), C(TCP_NODELAY), C(TCP_KEEPIDLE), C(TCP_KEEPINTVL),
        C(TCP_KEEPCNT), C(SHUT_RD), C(SHUT_WR), C(SHUT_RDWR), C(MSG_PEEK), C(MSG_WAITALL), C(MSG_DONTWAIT),
        C(MSG_OOB), C(MSG_NOSIGNAL), C(AI_PASSIVE), C(AI_CANONNAME), C(AI_NUMERICHOST), C(AI_NUMERICSERV),
        C(AI_ADDRCONFIG), C(AI_V4MAPPED), C(AI_ALL), C(NI_NUMERICHOST), C(NI_NUMERICSERV), C(NI_NAMEREQD),
        C(NI_DGRAM), C(NI_NOFQDN), C(EAI_AGAIN), C(EAI_BADFLAGS), C(EAI_FAIL), C(EAI_FAMILY), C(EAI_MEMORY),
        C(EAI_NONAME), C(EAI_SERVICE), C(EAI_SOCKTYPE), C(EAI_SYSTEM), C(INADDR_ANY), C(INADDR_BROADCAST),
        C(INADDR_LOOPBACK), C(INADDR_NONE),
    };
#undef C
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        kr_value v = kr_int_from_i64(vm, consts[i].value);
        if (!v || kr_module_add(vm, m, consts[i].name, v) < 0)
            goto fail;
    }
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
