/* fcntlmodule.c: the fcntl module: fcntl(2), ioctl(2), flock(2) and lockf (as CPython does it, a
 * POSIX record lock through fcntl F_SETLK/F_SETLKW), with the F_*, FD_*, LOCK_* constants.
 *
 * The descriptor argument is an int or an object with fileno(). fcntl and ioctl take an int argument
 * (passed as the C int/long) or a bytes-like one: its bytes are copied into a buffer of at most
 * FCNTL_BUF bytes, the call gets the buffer's address, and the result is the buffer as bytes (the
 * kernel may have written into it). ioctl with a bytearray and mutate_flag true (the default) copies
 * the kernel's writes back into the bytearray and returns the call's int result, as CPython's does;
 * other mutable buffers (memoryview, array) are read like bytes. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "io.h"

#define FCNTL_BUF 1024

/* fd from an int or fileno() (may call Python code). */
static int fcntl_fd(kr_vm *vm, kr_value v, int *out)
{
    int64_t n;
    if (kr_is_int(vm, v)) {
        if (kr_index_i64(vm, v, &n) < 0)
            return -1;
    } else {
        kr_value meth = kr_getattr_opt(vm, v, kr_intern(vm, "fileno"));
        if (!meth) {
            if (!kr_err_occurred(vm))
                kr_raise(vm, KR_EXC(vm, TypeError), "argument must be an int, or have a fileno() method.");
            return -1;
        }
        kr_value r = kr_call0(vm, meth);
        if (!r)
            return -1;
        if (!kr_is_int(vm, r)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "fileno() returned a non-integer");
            return -1;
        }
        if (kr_index_i64(vm, r, &n) < 0)
            return -1;
    }
    if (n < 0 || n > INT_MAX) {
        kr_raise(vm, KR_EXC(vm, ValueError), "file descriptor cannot be a negative integer (%lld)", (long long)n);
        return -1;
    }
    *out = (int)n;
    return 0;
}

static int fcntl_int(kr_vm *vm, kr_value v, long *out)
{
    int64_t n;
    if (kr_index_i64(vm, v, &n) < 0)
        return -1;
    *out = (long)n;
    return 0;
}

/* The shared body of fcntl and ioctl: op(fd, code, int) or op(fd, code, buffer). */
static kr_value fcntl_call(kr_vm *vm, const char *fname, int fd, unsigned long code, kr_value arg, bool is_ioctl)
{
    int r;
    bool is_str = arg && kr_is_str(vm, arg);
    if (arg && !kr_is_int(vm, arg) && (is_str || kr_has_buffer(vm, arg))) {
        const uint8_t *data;
        int64_t n;
        if (is_str) { /* its UTF-8 bytes, as CPython takes a str */
            data = (const uint8_t *)kr_str_data(arg);
            n = kr_str_nbytes(arg);
        } else if (kr_bytes_buffer(vm, arg, &data, &n) < 0) {
            return KR_NULL;
        }
        if (n > FCNTL_BUF)
            return kr_raise(vm, KR_EXC(vm, ValueError), "%s string arg too long", fname);
        char buf[FCNTL_BUF + 1];
        memcpy(buf, data, (size_t)n);
        buf[n] = 0;
        do
            r = is_ioctl ? ioctl(fd, code, buf) : fcntl(fd, (int)code, buf);
        while (r < 0 && errno == EINTR && kr_vm_check_interrupt(vm) == 0);
        if (r < 0)
            return kr_err_occurred(vm) ? KR_NULL : kr_io_raise_errno(vm, errno, KR_NULL);
        return kr_bytes_new(vm, buf, (size_t)n);
    }
    long iarg = 0;
    if (arg && fcntl_int(vm, arg, &iarg) < 0)
        return KR_NULL;
    do
        r = is_ioctl ? ioctl(fd, code, iarg) : fcntl(fd, (int)code, iarg);
    while (r < 0 && errno == EINTR && kr_vm_check_interrupt(vm) == 0);
    if (r < 0)
        return kr_err_occurred(vm) ? KR_NULL : kr_io_raise_errno(vm, errno, KR_NULL);
    return kr_small(r);
}

/* fcntl(fd, cmd, arg=0, /) */
static kr_value fcntl_fcntl(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd;
    long cmd;
    if (kr_args_count(vm, "fcntl", nargs, 2, 3) < 0 || kr_args_no_kw(vm, "fcntl", kwnames) < 0 ||
        fcntl_fd(vm, args[0], &fd) < 0 || fcntl_int(vm, args[1], &cmd) < 0)
        return KR_NULL;
    return fcntl_call(vm, "fcntl", fd, (unsigned long)cmd, nargs > 2 ? args[2] : KR_NULL, false);
}

/* ioctl(fd, request, arg=0, mutate_flag=True, /) */
static kr_value fcntl_ioctl(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd;
    int64_t req;
    if (kr_args_count(vm, "ioctl", nargs, 2, 4) < 0 || kr_args_no_kw(vm, "ioctl", kwnames) < 0 ||
        fcntl_fd(vm, args[0], &fd) < 0 || kr_index_i64(vm, args[1], &req) < 0)
        return KR_NULL;
    if (nargs > 2 && kr_is_bytearray(vm, args[2])) {
        int mutate = nargs > 3 ? kr_truthy(vm, args[3]) : 1;
        if (mutate < 0)
            return KR_NULL;
        if (mutate) {
            /* the kernel's writes go back into the bytearray; the result is the call's int */
            const uint8_t *data;
            int64_t n;
            if (kr_bytes_buffer(vm, args[2], &data, &n) < 0)
                return KR_NULL;
            if (n > FCNTL_BUF)
                return kr_raise(vm, KR_EXC(vm, ValueError), "ioctl bytearray arg longer than %d bytes", FCNTL_BUF);
            char buf[FCNTL_BUF + 1];
            memcpy(buf, data, (size_t)n);
            buf[n] = 0;
            int r;
            do
                r = ioctl(fd, (unsigned long)req, buf);
            while (r < 0 && errno == EINTR && kr_vm_check_interrupt(vm) == 0);
            if (r < 0)
                return kr_err_occurred(vm) ? KR_NULL : kr_io_raise_errno(vm, errno, KR_NULL);
            /* a signal handler may have resized the bytearray meanwhile: fetch it again */
            if (kr_bytes_buffer(vm, args[2], &data, &n) < 0)
                return KR_NULL;
            memcpy((uint8_t *)data, buf, (size_t)n <= FCNTL_BUF ? (size_t)n : FCNTL_BUF);
            return kr_small(r);
        }
    }
    return fcntl_call(vm, "ioctl", fd, (unsigned long)req, nargs > 2 ? args[2] : KR_NULL, true);
}

/* flock(fd, operation, /) */
static kr_value fcntl_flock(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd;
    long op;
    if (kr_args_count(vm, "flock", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "flock", kwnames) < 0 ||
        fcntl_fd(vm, args[0], &fd) < 0 || fcntl_int(vm, args[1], &op) < 0)
        return KR_NULL;
    int r;
    do
        r = flock(fd, (int)op);
    while (r < 0 && errno == EINTR && kr_vm_check_interrupt(vm) == 0);
    if (r < 0)
        return kr_err_occurred(vm) ? KR_NULL : kr_io_raise_errno(vm, errno, KR_NULL);
    return KR_NONE;
}

/* lockf(fd, cmd, len=0, start=0, whence=0, /): LOCK_UN/LOCK_SH/LOCK_EX (| LOCK_NB: do not wait) over
 * the byte range, as an fcntl record lock */
static kr_value fcntl_lockf(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd;
    long cmd, len = 0, start = 0, whence = 0;
    if (kr_args_count(vm, "lockf", nargs, 2, 5) < 0 || kr_args_no_kw(vm, "lockf", kwnames) < 0 ||
        fcntl_fd(vm, args[0], &fd) < 0 || fcntl_int(vm, args[1], &cmd) < 0 ||
        (nargs > 2 && fcntl_int(vm, args[2], &len) < 0) || (nargs > 3 && fcntl_int(vm, args[3], &start) < 0) ||
        (nargs > 4 && fcntl_int(vm, args[4], &whence) < 0))
        return KR_NULL;
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    /* the bits are tested in CPython's order: 12345 has LOCK_SH's bit, so it asks for a read lock */
    if (cmd == LOCK_UN)
        fl.l_type = F_UNLCK;
    else if (cmd & LOCK_SH)
        fl.l_type = F_RDLCK;
    else if (cmd & LOCK_EX)
        fl.l_type = F_WRLCK;
    else
        return kr_raise(vm, KR_EXC(vm, ValueError), "unrecognized lockf argument");
    fl.l_start = (off_t)start;
    fl.l_len = (off_t)len;
    fl.l_whence = (short)whence;
    int r;
    do
        r = fcntl(fd, (cmd & LOCK_NB) ? F_SETLK : F_SETLKW, &fl);
    while (r < 0 && errno == EINTR && kr_vm_check_interrupt(vm) == 0);
    if (r < 0)
        return kr_err_occurred(vm) ? KR_NULL : kr_io_raise_errno(vm, errno, KR_NULL);
    return KR_NONE;
}

static const kr_method_def fcntl_functions[] = {
    {"fcntl", fcntl_fcntl, KR_METH_STATIC, NULL},
    {"ioctl", fcntl_ioctl, KR_METH_STATIC, NULL},
    {"flock", fcntl_flock, KR_METH_STATIC, NULL},
    {"lockf", fcntl_lockf, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    long value;
} fcntl_constants[] = {
    {"F_DUPFD", F_DUPFD},         {"F_DUPFD_CLOEXEC", F_DUPFD_CLOEXEC}, {"F_GETFD", F_GETFD},
    {"F_SETFD", F_SETFD},         {"F_GETFL", F_GETFL},   {"F_SETFL", F_SETFL},   {"FD_CLOEXEC", FD_CLOEXEC},
    {"F_GETLK", F_GETLK},         {"F_SETLK", F_SETLK},   {"F_SETLKW", F_SETLKW}, {"F_RDLCK", F_RDLCK},
    {"F_WRLCK", F_WRLCK},         {"F_UNLCK", F_UNLCK},   {"F_GETOWN", F_GETOWN}, {"F_SETOWN", F_SETOWN},
    {"LOCK_SH", LOCK_SH},         {"LOCK_EX", LOCK_EX},   {"LOCK_NB", LOCK_NB},   {"LOCK_UN", LOCK_UN},
#ifdef F_GETPIPE_SZ
    {"F_GETPIPE_SZ", F_GETPIPE_SZ}, {"F_SETPIPE_SZ", F_SETPIPE_SZ},
#endif
#ifdef F_OFD_GETLK
    {"F_OFD_GETLK", F_OFD_GETLK}, {"F_OFD_SETLK", F_OFD_SETLK}, {"F_OFD_SETLKW", F_OFD_SETLKW},
#endif
#ifdef F_GETSIG
    {"F_GETSIG", F_GETSIG},       {"F_SETSIG", F_SETSIG},
#endif
#ifdef F_ADD_SEALS
    {"F_ADD_SEALS", F_ADD_SEALS}, {"F_GET_SEALS", F_GET_SEALS}, {"F_SEAL_SEAL", F_SEAL_SEAL},
    {"F_SEAL_SHRINK", F_SEAL_SHRINK}, {"F_SEAL_GROW", F_SEAL_GROW}, {"F_SEAL_WRITE", F_SEAL_WRITE},
#endif
};

kr_value kr_fcntl_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "fcntl");
    if (!m || kr_module_add_functions(vm, m, fcntl_functions) < 0)
        return KR_NULL;
    for (size_t i = 0; i < sizeof fcntl_constants / sizeof fcntl_constants[0]; i++)
        if (kr_module_add(vm, m, fcntl_constants[i].name, kr_small(fcntl_constants[i].value)) < 0)
            return KR_NULL;
    return m;
}
