/* os.c: the posix module, the C half of os (stdlib/lib/os.py adds the Python half and os.path).
 *
 * Paths: every function taking a path accepts str, bytes or an os.PathLike (its __fspath__ result), as
 * CPython's path converter does; the converted str/bytes is what an OSError names as its filename.
 * File descriptors are plain ints; errors raise the OSError subclass for errno (kr_io_raise_errno). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <unistd.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "../vm/tuple.h"
#include "io.h"

extern char **environ;

/* A converted path argument. Invariant after a successful os_path_conv: obj is the str or bytes the
 * argument named (after __fspath__), rooted (kr_root_push: the caller resets its root mark when done), and
 * c is its bytes as a NUL-terminated C string (a copy, so later allocations cannot move it). */
typedef struct os_path {
    kr_value obj;
    char c[PATH_MAX];
} os_path;

/* obj's fspath (str or bytes), or KR_NULL with TypeError; may call __fspath__. */
/* fd_ok: the function also takes a file descriptor (only the TypeError's wording depends on it). */
static kr_value os_fspath(kr_vm *vm, const char *fname, kr_value v, bool fd_ok)
{
    if (kr_is_str(vm, v) || kr_is_bytes(vm, v))
        return v;
    kr_value fs = kr_type_lookup(vm, kr_type_of(vm, v), kr_intern(vm, "__fspath__"));
    if (!fs) {
        if (kr_err_occurred(vm))
            return KR_NULL;
        if (fname)
            return kr_raise(vm, KR_EXC(vm, TypeError), "%s: path should be string, bytes%s, not %s", fname,
                            fd_ok ? ", os.PathLike or integer" : " or os.PathLike", kr_typename(vm, v));
        return kr_raise(vm, KR_EXC(vm, TypeError), "expected str, bytes or os.PathLike object, not %s",
                        kr_typename(vm, v));
    }
    kr_value r = kr_call_method(vm, v, "__fspath__", NULL, 0);
    if (!r)
        return KR_NULL;
    if (!kr_is_str(vm, r) && !kr_is_bytes(vm, r))
        return kr_raise(vm, KR_EXC(vm, TypeError), "expected %s.__fspath__() to return str or bytes, not %s",
                        kr_typename(vm, v), kr_typename(vm, r));
    return r;
}

static int os_path_conv(kr_vm *vm, const char *fname, kr_value v, os_path *p, bool fd_ok)
{
    p->obj = os_fspath(vm, fname, v, fd_ok);
    if (!p->obj)
        return -1;
    kr_root_push(vm, &p->obj);
    const char *data;
    size_t n;
    if (kr_is_str(vm, p->obj)) {
        data = kr_str_data(p->obj);
        n = (size_t)kr_str_nbytes(p->obj);
    } else {
        const uint8_t *d;
        int64_t len;
        if (kr_bytes_buffer(vm, p->obj, &d, &len) < 0)
            return -1;
        data = (const char *)d;
        n = (size_t)len;
    }
    if (memchr(data, 0, n)) {
        kr_raise(vm, KR_EXC(vm, ValueError), "%s: embedded null character in path", fname);
        return -1;
    }
    if (n >= sizeof p->c) {
        kr_io_raise_errno(vm, ENAMETOOLONG, p->obj);
        return -1;
    }
    memcpy(p->c, data, n);
    p->c[n] = 0;
    return 0;
}

/* OSError with two filenames (rename, link...): "[Errno 2] No such file or directory: 'a' -> 'b'". */
static kr_value os_raise2(kr_vm *vm, int err, kr_value a, kr_value b)
{
    kr_value args[5];
    args[0] = kr_small(err);
    args[1] = kr_str_from_cstr(vm, strerror(err));
    if (!args[1])
        return KR_NULL;
    args[2] = a;
    args[3] = KR_NONE;
    args[4] = b;
    kr_value e = kr_exc_new(vm, KR_EXC(vm, OSError), args, 5);
    return e ? kr_raise_value(vm, e) : KR_NULL;
}

static int os_int_arg(kr_vm *vm, kr_value v, int *out)
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

/* A true dir_fd or a false follow_symlinks are not supported beyond what each function says. */
static int os_no_dir_fd(kr_vm *vm, const char *fname, kr_value dir_fd)
{
    if (dir_fd && dir_fd != KR_NONE) {
        kr_raise(vm, KR_EXC(vm, NotImplementedError), "%s: dir_fd unavailable on this platform", fname);
        return -1;
    }
    return 0;
}

static int os_truth(kr_vm *vm, kr_value v, int dflt)
{
    return v ? kr_truthy(vm, v) : dflt;
}

static kr_value posix_getcwd(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "getcwd", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "getcwd", kwnames) < 0)
        return KR_NULL;
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf))
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return kr_str_from_cstr(vm, buf);
}

static kr_value posix_getcwdb(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_value s = posix_getcwd(vm, args, nargs, kwnames);
    return s ? kr_bytes_new(vm, kr_str_data(s), (size_t)kr_str_nbytes(s)) : KR_NULL;
}

/* The common shape of a one-path call: parse (path, *, dir_fd=None), convert, run `call` on p.c. */
#define POSIX_PATH_OP(cname, pyname, call)                                                              \
    static kr_value cname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                       \
    {                                                                                                   \
        static const char *const names[] = {"path", "dir_fd"};                                          \
        kr_value a[2];                                                                                  \
        if (kr_args_parse(vm, pyname, args, nargs, kwnames, names, 2, 1, 0, a) < 0 ||                   \
            os_no_dir_fd(vm, pyname, a[1]) < 0)                                                         \
            return KR_NULL;                                                                             \
        size_t mark = kr_root_mark(vm);                                                                 \
        os_path p;                                                                                      \
        kr_value res = KR_NONE;                                                                         \
        if (os_path_conv(vm, pyname, a[0], &p, false) < 0)                                              \
            res = KR_NULL;                                                                              \
        else if ((call) < 0)                                                                            \
            res = kr_io_raise_errno(vm, errno, p.obj);                                                  \
        kr_root_reset(vm, mark);                                                                        \
        return res;                                                                                     \
    }

POSIX_PATH_OP(posix_remove, "remove", unlink(p.c))
POSIX_PATH_OP(posix_unlink, "unlink", unlink(p.c))
POSIX_PATH_OP(posix_rmdir, "rmdir", rmdir(p.c))

static kr_value posix_chdir(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "chdir", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "chdir", kwnames) < 0)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    os_path p;
    kr_value res = KR_NONE;
    if (os_path_conv(vm, "chdir", args[0], &p, false) < 0)
        res = KR_NULL;
    else if (chdir(p.c) < 0)
        res = kr_io_raise_errno(vm, errno, p.obj);
    kr_root_reset(vm, mark);
    return res;
}

/* mkdir(path, mode=0o777, *, dir_fd=None) */
static kr_value posix_mkdir(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"path", "mode", "dir_fd"};
    kr_value a[3];
    int mode = 0777;
    if (kr_args_parse(vm, "mkdir", args, nargs, kwnames, names, 3, 1, 0, a) < 0 ||
        os_no_dir_fd(vm, "mkdir", a[2]) < 0 || (a[1] && os_int_arg(vm, a[1], &mode) < 0))
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    os_path p;
    kr_value res = KR_NONE;
    if (os_path_conv(vm, "mkdir", a[0], &p, false) < 0)
        res = KR_NULL;
    else if (mkdir(p.c, (mode_t)mode) < 0)
        res = kr_io_raise_errno(vm, errno, p.obj);
    kr_root_reset(vm, mark);
    return res;
}

/* listdir(path='.'): names without '.' and '..'; bytes names for a bytes path. */
static kr_value posix_listdir(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"path"};
    kr_value a[1];
    if (kr_args_parse(vm, "listdir", args, nargs, kwnames, names, 1, 0, 0, a) < 0)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    os_path p;
    if (!a[0] || a[0] == KR_NONE) {
        p.obj = kr_str_from_cstr(vm, ".");
        strcpy(p.c, ".");
    } else if (os_path_conv(vm, "listdir", a[0], &p, false) < 0) {
        kr_root_reset(vm, mark);
        return KR_NULL;
    }
    kr_root_reset(vm, mark);
    if (!p.obj)
        return KR_NULL;
    bool as_bytes = kr_is_bytes(vm, p.obj);
    DIR *d = opendir(p.c);
    if (!d)
        return kr_io_raise_errno(vm, errno, p.obj);
    kr_value list = kr_list_new(vm, 0);
    struct dirent *e;
    while (list && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        kr_value name = as_bytes ? kr_bytes_new(vm, e->d_name, strlen(e->d_name)) : kr_str_from_cstr(vm, e->d_name);
        if (!name || kr_list_append(vm, list, name) < 0)
            list = KR_NULL;
    }
    closedir(d);
    return list;
}

/* Two-path operations: rename/replace (rename(2) replaces an existing file on POSIX), link, symlink. */
static kr_value posix_two_paths(kr_vm *vm, const char *fname, int (*op)(const char *, const char *),
                                kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd"};
    kr_value a[4];
    if (kr_args_parse(vm, fname, args, nargs, kwnames, names, 4, 2, 0, a) < 0 ||
        os_no_dir_fd(vm, fname, a[2]) < 0 || os_no_dir_fd(vm, fname, a[3]) < 0)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    os_path *p = malloc(2 * sizeof *p);
    if (!p)
        return kr_raise_nomemory(vm);
    kr_value res = KR_NONE;
    if (os_path_conv(vm, fname, a[0], &p[0], false) < 0 || os_path_conv(vm, fname, a[1], &p[1], false) < 0)
        res = KR_NULL;
    else if (op(p[0].c, p[1].c) < 0)
        res = os_raise2(vm, errno, p[0].obj, p[1].obj);
    kr_root_reset(vm, mark);
    free(p);
    return res;
}

static kr_value posix_rename(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return posix_two_paths(vm, "rename", rename, args, nargs, kwnames);
}

static kr_value posix_replace(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return posix_two_paths(vm, "replace", rename, args, nargs, kwnames);
}

static kr_value posix_link(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return posix_two_paths(vm, "link", link, args, nargs, kwnames);
}

/* symlink(src, dst): create dst as a symbolic link to src (the target need not exist). */
static kr_value posix_symlink(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"src", "dst", "target_is_directory", "dir_fd"};
    kr_value a[4];
    if (kr_args_parse(vm, "symlink", args, nargs, kwnames, names, 4, 2, 0, a) < 0 ||
        os_no_dir_fd(vm, "symlink", a[3]) < 0)
        return KR_NULL;
    return posix_two_paths(vm, "symlink", symlink, a, 2, KR_NULL);
}

/* readlink(path) → the target a symbolic link names (bytes for a bytes path). */
static kr_value posix_readlink(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"path", "dir_fd"};
    kr_value a[2];
    if (kr_args_parse(vm, "readlink", args, nargs, kwnames, names, 2, 1, 0, a) < 0 ||
        os_no_dir_fd(vm, "readlink", a[1]) < 0)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    os_path p;
    int rc = os_path_conv(vm, "readlink", a[0], &p, false);
    kr_root_reset(vm, mark);
    if (rc < 0)
        return KR_NULL;
    char buf[PATH_MAX];
    ssize_t n = readlink(p.c, buf, sizeof buf);
    if (n < 0)
        return kr_io_raise_errno(vm, errno, p.obj);
    return kr_is_bytes(vm, p.obj) ? kr_bytes_new(vm, buf, (size_t)n) : kr_str_new(vm, buf, (size_t)n);
}

/* The raw stat tuple os.py wraps in os.stat_result: (st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid,
 * st_size, st_atime_ns, st_mtime_ns, st_ctime_ns, st_blksize, st_blocks, st_rdev). Times are exact
 * nanosecond ints; os.py derives the float and whole-second forms. */
static kr_value os_stat_tuple(kr_vm *vm, const struct stat *st)
{
    kr_value t = kr_tuple_new(vm, 13);
    if (!t)
        return KR_NULL;
    kr_value *it = kr_tuple_items(t);
    const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    it[0] = kr_int_from_i64(vm, st->st_mode);
    it[1] = kr_int_from_u64(vm, st->st_ino);
    it[2] = kr_int_from_u64(vm, st->st_dev);
    it[3] = kr_int_from_i64(vm, (int64_t)st->st_nlink);
    it[4] = kr_int_from_i64(vm, st->st_uid);
    it[5] = kr_int_from_i64(vm, st->st_gid);
    it[6] = kr_int_from_i64(vm, st->st_size);
    for (int i = 0; i < 3; i++) {
        /* seconds * 10**9 + nanoseconds overflows int64 only past the year 2262: go through a big int
         * product so that is still exact. */
        kr_value s = kr_int_from_i64(vm, (int64_t)ts[i]->tv_sec);
        kr_value ns = s ? kr_binary_op(vm, KR_OP_MUL, s, kr_small(1000000000)) : KR_NULL;
        it[7 + i] = ns ? kr_binary_op(vm, KR_OP_ADD, ns, kr_small(ts[i]->tv_nsec)) : KR_NULL;
        if (!it[7 + i])
            return KR_NULL;
    }
    it[10] = kr_int_from_i64(vm, st->st_blksize);
    it[11] = kr_int_from_i64(vm, st->st_blocks);
    it[12] = kr_int_from_u64(vm, st->st_rdev);
    for (int i = 0; i < 13; i++)
        if (!it[i])
            return KR_NULL;
    return t;
}

/* stat(path, *, dir_fd=None, follow_symlinks=True); an int path is a file descriptor (fstat). */
static kr_value posix_stat_common(kr_vm *vm, const char *fname, int follow, kr_value *args, int nargs,
                                  kr_value kwnames)
{
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks"};
    kr_value a[3];
    if (kr_args_parse(vm, fname, args, nargs, kwnames, names, 3, 1, 0, a) < 0 || os_no_dir_fd(vm, fname, a[1]) < 0)
        return KR_NULL;
    if (a[2]) {
        int f = kr_truthy(vm, a[2]);
        if (f < 0)
            return KR_NULL;
        follow = follow && f;
    }
    struct stat st;
    if (kr_is_small(a[0])) {
        if (fstat((int)kr_small_val(a[0]), &st) < 0)
            return kr_io_raise_errno(vm, errno, KR_NULL);
        return os_stat_tuple(vm, &st);
    }
    size_t mark = kr_root_mark(vm);
    os_path p;
    int rc = os_path_conv(vm, fname, a[0], &p, true);
    kr_root_reset(vm, mark);
    if (rc < 0)
        return KR_NULL;
    if ((follow ? stat(p.c, &st) : lstat(p.c, &st)) < 0)
        return kr_io_raise_errno(vm, errno, p.obj);
    return os_stat_tuple(vm, &st);
}

static kr_value posix_stat(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return posix_stat_common(vm, "stat", 1, args, nargs, kwnames);
}

static kr_value posix_lstat(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return posix_stat_common(vm, "lstat", 0, args, nargs, kwnames);
}

static kr_value posix_fstat(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd;
    if (kr_args_count(vm, "fstat", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "fstat", kwnames) < 0 ||
        os_int_arg(vm, args[0], &fd) < 0)
        return KR_NULL;
    struct stat st;
    if (fstat(fd, &st) < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return os_stat_tuple(vm, &st);
}

/* chmod(path, mode, *, dir_fd=None, follow_symlinks=True); Linux cannot chmod a link itself. */
static kr_value posix_chmod(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "follow_symlinks"};
    kr_value a[4];
    int mode;
    if (kr_args_parse(vm, "chmod", args, nargs, kwnames, names, 4, 2, 0, a) < 0 ||
        os_no_dir_fd(vm, "chmod", a[2]) < 0 || os_int_arg(vm, a[1], &mode) < 0)
        return KR_NULL;
    int follow = os_truth(vm, a[3], 1);
    if (follow < 0)
        return KR_NULL;
    if (!follow)
        return kr_raise(vm, KR_EXC(vm, NotImplementedError), "chmod: follow_symlinks unavailable on this platform");
    if (kr_is_small(a[0])) {
        if (fchmod((int)kr_small_val(a[0]), (mode_t)mode) < 0)
            return kr_io_raise_errno(vm, errno, KR_NULL);
        return KR_NONE;
    }
    size_t mark = kr_root_mark(vm);
    os_path p;
    int rc = os_path_conv(vm, "chmod", a[0], &p, true);
    kr_root_reset(vm, mark);
    if (rc < 0)
        return KR_NULL;
    if (chmod(p.c, (mode_t)mode) < 0)
        return kr_io_raise_errno(vm, errno, p.obj);
    return KR_NONE;
}

/* One time of utime's times=(atime, mtime) (int or float seconds) or ns=(atime_ns, mtime_ns). */
static int os_timespec(kr_vm *vm, kr_value v, bool ns, struct timespec *out)
{
    if (ns) {
        kr_value q = kr_binary_op(vm, KR_OP_FLOORDIV, v, kr_small(1000000000));
        kr_value r = q ? kr_binary_op(vm, KR_OP_MOD, v, kr_small(1000000000)) : KR_NULL;
        int64_t s, n;
        if (!r || kr_index_i64(vm, q, &s) < 0 || kr_index_i64(vm, r, &n) < 0)
            return -1;
        out->tv_sec = (time_t)s;
        out->tv_nsec = (long)n;
        return 0;
    }
    if (kr_is_small(v)) {
        out->tv_sec = (time_t)kr_small_val(v);
        out->tv_nsec = 0;
        return 0;
    }
    if (kr_is_ptr(v) && kr_type_is_subtype(KR_OBJ(v)->type, vm->t.float_)) {
        double d = kr_float_value(v), fl = floor(d);
        out->tv_sec = (time_t)fl;
        out->tv_nsec = (long)((d - fl) * 1e9);
        if (out->tv_nsec >= 1000000000) {
            out->tv_sec++;
            out->tv_nsec -= 1000000000;
        }
        return 0;
    }
    int64_t s;
    if (kr_index_i64(vm, v, &s) < 0)
        return -1;
    out->tv_sec = (time_t)s;
    out->tv_nsec = 0;
    return 0;
}

/* utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True) */
static kr_value posix_utime(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks"};
    kr_value a[5];
    if (kr_args_parse(vm, "utime", args, nargs, kwnames, names, 5, 1, 0, a) < 0 ||
        os_no_dir_fd(vm, "utime", a[3]) < 0)
        return KR_NULL;
    int follow = os_truth(vm, a[4], 1);
    if (follow < 0)
        return KR_NULL;
    bool has_times = a[1] && a[1] != KR_NONE, has_ns = a[2] != KR_NULL;
    if (has_times && has_ns)
        return kr_raise(vm, KR_EXC(vm, ValueError), "utime: you may specify either 'times' or 'ns' but not both");
    struct timespec ts[2];
    struct timespec *tsp = NULL;
    if (has_times || has_ns) {
        kr_value t = has_times ? a[1] : a[2];
        if (!kr_tuple_check(vm, t) || kr_tuple_size(t) != 2)
            return kr_raise(vm, KR_EXC(vm, TypeError), has_times ? "utime: 'times' must be either a tuple of two ints or None"
                                                                 : "utime: 'ns' must be a tuple of two ints");
        if (os_timespec(vm, kr_tuple_items(t)[0], has_ns, &ts[0]) < 0 ||
            os_timespec(vm, kr_tuple_items(t)[1], has_ns, &ts[1]) < 0)
            return KR_NULL;
        tsp = ts;
    }
    if (kr_is_small(a[0])) {
        if (futimens((int)kr_small_val(a[0]), tsp) < 0)
            return kr_io_raise_errno(vm, errno, KR_NULL);
        return KR_NONE;
    }
    size_t mark = kr_root_mark(vm);
    os_path p;
    int rc = os_path_conv(vm, "utime", a[0], &p, true);
    kr_root_reset(vm, mark);
    if (rc < 0)
        return KR_NULL;
    if (utimensat(AT_FDCWD, p.c, tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0)
        return kr_io_raise_errno(vm, errno, p.obj);
    return KR_NONE;
}

/* access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True) → bool */
static kr_value posix_access(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"};
    kr_value a[5];
    int mode;
    if (kr_args_parse(vm, "access", args, nargs, kwnames, names, 5, 2, 0, a) < 0 ||
        os_no_dir_fd(vm, "access", a[2]) < 0 || os_int_arg(vm, a[1], &mode) < 0)
        return KR_NULL;
    int eff = os_truth(vm, a[3], 0), follow = os_truth(vm, a[4], 1);
    if (eff < 0 || follow < 0)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    os_path p;
    int rc = os_path_conv(vm, "access", a[0], &p, false);
    kr_root_reset(vm, mark);
    if (rc < 0)
        return KR_NULL;
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return kr_bool(faccessat(AT_FDCWD, p.c, mode, flags) == 0);
}

/* truncate(path, length); an int path is a file descriptor (ftruncate). */
static kr_value posix_truncate(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t len;
    if (kr_args_count(vm, "truncate", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "truncate", kwnames) < 0 ||
        kr_index_i64(vm, args[1], &len) < 0)
        return KR_NULL;
    if (kr_is_small(args[0])) {
        if (ftruncate((int)kr_small_val(args[0]), (off_t)len) < 0)
            return kr_io_raise_errno(vm, errno, KR_NULL);
        return KR_NONE;
    }
    size_t mark = kr_root_mark(vm);
    os_path p;
    int rc = os_path_conv(vm, "truncate", args[0], &p, true);
    kr_root_reset(vm, mark);
    if (rc < 0)
        return KR_NULL;
    if (truncate(p.c, (off_t)len) < 0)
        return kr_io_raise_errno(vm, errno, p.obj);
    return KR_NONE;
}

/* ---- file descriptors ---- */

/* open(path, flags, mode=0o777, *, dir_fd=None) → fd (close-on-exec, as CPython's are non-inheritable) */
static kr_value posix_open(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"path", "flags", "mode", "dir_fd"};
    kr_value a[4];
    int flags, mode = 0777;
    if (kr_args_parse(vm, "open", args, nargs, kwnames, names, 4, 2, 0, a) < 0 ||
        os_no_dir_fd(vm, "open", a[3]) < 0 || os_int_arg(vm, a[1], &flags) < 0 ||
        (a[2] && os_int_arg(vm, a[2], &mode) < 0))
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    os_path p;
    int rc = os_path_conv(vm, "open", a[0], &p, false);
    kr_root_reset(vm, mark);
    if (rc < 0)
        return KR_NULL;
    int fd;
    do
        fd = open(p.c, flags | O_CLOEXEC, (mode_t)mode);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return kr_io_raise_errno(vm, errno, p.obj);
    return kr_small(fd);
}

#define POSIX_FD_OP(cname, pyname, call)                                                              \
    static kr_value cname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                     \
    {                                                                                                 \
        int fd;                                                                                       \
        if (kr_args_count(vm, pyname, nargs, 1, 1) < 0 || kr_args_no_kw(vm, pyname, kwnames) < 0 ||   \
            os_int_arg(vm, args[0], &fd) < 0)                                                         \
            return KR_NULL;                                                                           \
        if ((call) < 0)                                                                               \
            return kr_io_raise_errno(vm, errno, KR_NULL);                                             \
        return KR_NONE;                                                                               \
    }

POSIX_FD_OP(posix_close, "close", close(fd))
POSIX_FD_OP(posix_fsync, "fsync", fsync(fd))

static kr_value posix_dup(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd;
    if (kr_args_count(vm, "dup", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "dup", kwnames) < 0 ||
        os_int_arg(vm, args[0], &fd) < 0)
        return KR_NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return kr_small(r);
}

/* read(fd, n) → bytes (empty at end of file) */
static kr_value posix_read(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd;
    int64_t n;
    if (kr_args_count(vm, "read", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "read", kwnames) < 0 ||
        os_int_arg(vm, args[0], &fd) < 0 || kr_index_ssize(vm, args[1], &n) < 0)
        return KR_NULL;
    if (n < 0) /* CPython passes it to read(2) as a huge size_t: EINVAL */
        return kr_io_raise_errno(vm, EINVAL, KR_NULL);
    char *buf = malloc(n ? (size_t)n : 1);
    if (!buf)
        return kr_raise_nomemory(vm);
    ssize_t got;
    do
        got = read(fd, buf, (size_t)n);
    while (got < 0 && errno == EINTR);
    kr_value r = got < 0 ? kr_io_raise_errno(vm, errno, KR_NULL) : kr_bytes_new(vm, buf, (size_t)got);
    free(buf);
    return r;
}

/* write(fd, data) → the number of bytes written (maybe fewer than len(data)) */
static kr_value posix_write(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd;
    if (kr_args_count(vm, "write", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "write", kwnames) < 0 ||
        os_int_arg(vm, args[0], &fd) < 0)
        return KR_NULL;
    const uint8_t *data;
    int64_t n;
    if (kr_bytes_buffer(vm, args[1], &data, &n) < 0)
        return KR_NULL;
    ssize_t w;
    do
        w = write(fd, data, (size_t)n);
    while (w < 0 && errno == EINTR);
    if (w < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return kr_int_from_i64(vm, w);
}

/* lseek(fd, pos, how) → the new offset */
static kr_value posix_lseek(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd, how;
    int64_t pos;
    if (kr_args_count(vm, "lseek", nargs, 3, 3) < 0 || kr_args_no_kw(vm, "lseek", kwnames) < 0 ||
        os_int_arg(vm, args[0], &fd) < 0 || kr_index_i64(vm, args[1], &pos) < 0 || os_int_arg(vm, args[2], &how) < 0)
        return KR_NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return kr_int_from_i64(vm, (int64_t)r);
}

static kr_value posix_ftruncate(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd;
    int64_t len;
    if (kr_args_count(vm, "ftruncate", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "ftruncate", kwnames) < 0 ||
        os_int_arg(vm, args[0], &fd) < 0 || kr_index_i64(vm, args[1], &len) < 0)
        return KR_NULL;
    if (ftruncate(fd, (off_t)len) < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return KR_NONE;
}

/* ---- process and environment ---- */

static kr_value posix_getpid(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "getpid", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "getpid", kwnames) < 0)
        return KR_NULL;
    return kr_small(getpid());
}

#define POSIX_ID(cname, pyname, call)                                                               \
    static kr_value cname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                   \
    {                                                                                               \
        (void)args;                                                                                 \
        if (kr_args_count(vm, pyname, nargs, 0, 0) < 0 || kr_args_no_kw(vm, pyname, kwnames) < 0) \
            return KR_NULL;                                                                         \
        return kr_int_from_i64(vm, (int64_t)(call));                                                \
    }

POSIX_ID(posix_getppid, "getppid", getppid())
POSIX_ID(posix_getuid, "getuid", getuid())
POSIX_ID(posix_geteuid, "geteuid", geteuid())
POSIX_ID(posix_getgid, "getgid", getgid())
POSIX_ID(posix_getegid, "getegid", getegid())

static kr_value posix_umask(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int mask;
    if (kr_args_count(vm, "umask", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "umask", kwnames) < 0 ||
        os_int_arg(vm, args[0], &mask) < 0)
        return KR_NULL;
    return kr_small((int64_t)umask((mode_t)mask));
}

/* A str argument of putenv/unsetenv as a C string (no NUL inside). */
static const char *os_env_str(kr_vm *vm, const char *fname, kr_value v)
{
    if (!kr_is_str(vm, v)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s: expected str, not %s", fname, kr_typename(vm, v));
        return NULL;
    }
    if (strlen(kr_str_data(v)) != (size_t)kr_str_nbytes(v)) {
        kr_raise(vm, KR_EXC(vm, ValueError), "embedded null byte");
        return NULL;
    }
    return kr_str_data(v);
}

/* putenv(key, value) and unsetenv(key) change the process environment only; os.environ (os.py) calls
 * them when it is changed, as CPython's does. */
static kr_value posix_putenv(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "putenv", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "putenv", kwnames) < 0)
        return KR_NULL;
    const char *k = os_env_str(vm, "putenv", args[0]), *v = k ? os_env_str(vm, "putenv", args[1]) : NULL;
    if (!v)
        return KR_NULL;
    if (!*k || strchr(k, '='))
        return kr_raise(vm, KR_EXC(vm, ValueError), "illegal environment variable name");
    if (setenv(k, v, 1) < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return KR_NONE;
}

static kr_value posix_unsetenv(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "unsetenv", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "unsetenv", kwnames) < 0)
        return KR_NULL;
    const char *k = os_env_str(vm, "unsetenv", args[0]);
    if (!k)
        return KR_NULL;
    if (!*k || strchr(k, '='))
        return kr_raise(vm, KR_EXC(vm, ValueError), "illegal environment variable name");
    if (unsetenv(k) < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return KR_NONE;
}

static kr_value posix_cpu_count(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "cpu_count", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "cpu_count", kwnames) < 0)
        return KR_NULL;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? kr_small(n) : KR_NONE;
}

static kr_value posix_urandom(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t n;
    if (kr_args_count(vm, "urandom", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "urandom", kwnames) < 0 ||
        kr_index_i64(vm, args[0], &n) < 0)
        return KR_NULL;
    if (n < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "negative argument not allowed");
    unsigned char *buf = malloc(n ? (size_t)n : 1);
    if (!buf)
        return kr_raise_nomemory(vm);
    size_t got = 0;
    while (got < (size_t)n) {
        ssize_t r = getrandom(buf + got, (size_t)n - got, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            free(buf);
            return kr_io_raise_errno(vm, errno, KR_NULL);
        }
        got += (size_t)r;
    }
    kr_value b = kr_bytes_new(vm, buf, (size_t)n);
    free(buf);
    return b;
}

static kr_value posix_strerror(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t n;
    if (kr_args_count(vm, "strerror", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "strerror", kwnames) < 0 ||
        kr_index_i64(vm, args[0], &n) < 0)
        return KR_NULL;
    return kr_str_from_cstr(vm, strerror((int)n));
}

static kr_value posix_exit(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t n;
    if (kr_args_count(vm, "_exit", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "_exit", kwnames) < 0 ||
        kr_index_i64(vm, args[0], &n) < 0)
        return KR_NULL;
    fflush(stdout);
    fflush(stderr);
    _exit((int)n);
}

static kr_value posix_isatty(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t n;
    if (kr_args_count(vm, "isatty", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "isatty", kwnames) < 0 ||
        kr_index_i64(vm, args[0], &n) < 0)
        return KR_NULL;
    return kr_bool(isatty((int)n));
}

/* get_terminal_size(fd=1) → (columns, lines); OSError when fd is not a terminal. */
static kr_value posix_get_terminal_size(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int fd = 1;
    if (kr_args_count(vm, "get_terminal_size", nargs, 0, 1) < 0 ||
        kr_args_no_kw(vm, "get_terminal_size", kwnames) < 0 || (nargs && os_int_arg(vm, args[0], &fd) < 0))
        return KR_NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0)
        return kr_io_raise_errno(vm, errno, KR_NULL);
    kr_value t = kr_tuple_new(vm, 2);
    if (!t)
        return KR_NULL;
    kr_tuple_items(t)[0] = kr_small(w.ws_col);
    kr_tuple_items(t)[1] = kr_small(w.ws_row);
    return t;
}

/* statvfs(path) → (f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree, f_favail, f_flag,
 * f_namemax); os.py wraps it in os.statvfs_result. */
static kr_value posix_statvfs(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "statvfs", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "statvfs", kwnames) < 0)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    os_path p;
    int rc = os_path_conv(vm, "statvfs", args[0], &p, false);
    kr_root_reset(vm, mark);
    if (rc < 0)
        return KR_NULL;
    struct statvfs s;
    if (statvfs(p.c, &s) < 0)
        return kr_io_raise_errno(vm, errno, p.obj);
    uint64_t v[10] = {s.f_bsize, s.f_frsize, s.f_blocks, s.f_bfree, s.f_bavail,
                      s.f_files, s.f_ffree, s.f_favail, s.f_flag,  s.f_namemax};
    kr_value t = kr_tuple_new(vm, 10);
    if (!t)
        return KR_NULL;
    for (int i = 0; i < 10; i++)
        if (!(kr_tuple_items(t)[i] = kr_int_from_u64(vm, v[i])))
            return KR_NULL;
    return t;
}

/* fspath(path) → str or bytes (os.PathLike protocol) */
static kr_value posix_fspath(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "fspath", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "fspath", kwnames) < 0)
        return KR_NULL;
    return os_fspath(vm, NULL, args[0], false);
}

static const kr_method_def posix_functions[] = {
    {"getcwd", posix_getcwd, KR_METH_STATIC, NULL},
    {"getcwdb", posix_getcwdb, KR_METH_STATIC, NULL},
    {"chdir", posix_chdir, KR_METH_STATIC, NULL},
    {"listdir", posix_listdir, KR_METH_STATIC, NULL},
    {"remove", posix_remove, KR_METH_STATIC, NULL},
    {"unlink", posix_unlink, KR_METH_STATIC, NULL},
    {"rmdir", posix_rmdir, KR_METH_STATIC, NULL},
    {"mkdir", posix_mkdir, KR_METH_STATIC, NULL},
    {"rename", posix_rename, KR_METH_STATIC, NULL},
    {"replace", posix_replace, KR_METH_STATIC, NULL},
    {"link", posix_link, KR_METH_STATIC, NULL},
    {"symlink", posix_symlink, KR_METH_STATIC, NULL},
    {"readlink", posix_readlink, KR_METH_STATIC, NULL},
    {"stat", posix_stat, KR_METH_STATIC, NULL},
    {"lstat", posix_lstat, KR_METH_STATIC, NULL},
    {"fstat", posix_fstat, KR_METH_STATIC, NULL},
    {"chmod", posix_chmod, KR_METH_STATIC, NULL},
    {"utime", posix_utime, KR_METH_STATIC, NULL},
    {"access", posix_access, KR_METH_STATIC, NULL},
    {"truncate", posix_truncate, KR_METH_STATIC, NULL},
    {"open", posix_open, KR_METH_STATIC, NULL},
    {"close", posix_close, KR_METH_STATIC, NULL},
    {"fsync", posix_fsync, KR_METH_STATIC, NULL},
    {"dup", posix_dup, KR_METH_STATIC, NULL},
    {"read", posix_read, KR_METH_STATIC, NULL},
    {"write", posix_write, KR_METH_STATIC, NULL},
    {"lseek", posix_lseek, KR_METH_STATIC, NULL},
    {"ftruncate", posix_ftruncate, KR_METH_STATIC, NULL},
    {"getpid", posix_getpid, KR_METH_STATIC, NULL},
    {"getppid", posix_getppid, KR_METH_STATIC, NULL},
    {"getuid", posix_getuid, KR_METH_STATIC, NULL},
    {"geteuid", posix_geteuid, KR_METH_STATIC, NULL},
    {"getgid", posix_getgid, KR_METH_STATIC, NULL},
    {"getegid", posix_getegid, KR_METH_STATIC, NULL},
    {"umask", posix_umask, KR_METH_STATIC, NULL},
    {"putenv", posix_putenv, KR_METH_STATIC, NULL},
    {"unsetenv", posix_unsetenv, KR_METH_STATIC, NULL},
    {"cpu_count", posix_cpu_count, KR_METH_STATIC, NULL},
    {"urandom", posix_urandom, KR_METH_STATIC, NULL},
    {"strerror", posix_strerror, KR_METH_STATIC, NULL},
    {"_exit", posix_exit, KR_METH_STATIC, NULL},
    {"isatty", posix_isatty, KR_METH_STATIC, NULL},
    {"get_terminal_size", posix_get_terminal_size, KR_METH_STATIC, NULL},
    {"statvfs", posix_statvfs, KR_METH_STATIC, NULL},
    {"fspath", posix_fspath, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

/* The integer constants of the posix module (open flags, access modes, lseek whences). */
static const struct {
    const char *name;
    long value;
} posix_constants[] = {
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},         {"O_APPEND", O_APPEND},
    {"O_CREAT", O_CREAT},   {"O_EXCL", O_EXCL},     {"O_TRUNC", O_TRUNC},       {"O_NONBLOCK", O_NONBLOCK},
    {"O_NOCTTY", O_NOCTTY}, {"O_SYNC", O_SYNC},     {"O_DSYNC", O_DSYNC},       {"O_CLOEXEC", O_CLOEXEC},
    {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_ACCMODE", O_ACCMODE},
    {"F_OK", F_OK},         {"R_OK", R_OK},         {"W_OK", W_OK},             {"X_OK", X_OK},
    {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
    {"EX_OK", 0},
};

kr_value kr_os_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "posix");
    if (!m || kr_module_add_functions(vm, m, posix_functions) < 0)
        return KR_NULL;
    for (size_t i = 0; i < sizeof posix_constants / sizeof posix_constants[0]; i++)
        if (kr_module_add(vm, m, posix_constants[i].name, kr_small(posix_constants[i].value)) < 0)
            return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value env = kr_dict_new(vm);
    if (!env || kr_module_add(vm, m, "environ", env) < 0)
        goto fail;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        kr_value k = kr_str_new(vm, *e, (size_t)(eq - *e));
        kr_value v = k ? kr_str_from_cstr(vm, eq + 1) : KR_NULL;
        if (!v || kr_dict_set(vm, env, k, v) < 0)
            goto fail;
    }
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
