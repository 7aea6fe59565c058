/* os.c: the posix module, the C half of os (stdlib/lib/os.py adds the Python half and os.path). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../vm/init.h"
#include "io.h"

extern char **environ;

static int path_arg(kr_vm *vm, const char *fname, kr_value v, const char **out)
{
    if (!kr_is_str(vm, v)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s: path should be string, bytes or os.PathLike, not %s", fname,
                 kr_typename(vm, v));
        return -1;
    }
    *out = kr_str_data(v);
    return 0;
}

static kr_value posix_getcwd(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "getcwd", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "getcwd", kwnames) < 0)
        return KR_NULL;
    char buf[4096];
    if (!getcwd(buf, sizeof buf))
        return kr_io_raise_errno(vm, errno, KR_NULL);
    return kr_str_from_cstr(vm, buf);
}

static kr_value posix_chdir(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const char *p;
    if (kr_args_count(vm, "chdir", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "chdir", kwnames) < 0 ||
        path_arg(vm, "chdir", args[0], &p) < 0)
        return KR_NULL;
    if (chdir(p) < 0)
        return kr_io_raise_errno(vm, errno, args[0]);
    return KR_NONE;
}

static kr_value posix_listdir(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const char *p = ".";
    if (kr_args_count(vm, "listdir", nargs, 0, 1) < 0 || kr_args_no_kw(vm, "listdir", kwnames) < 0 ||
        (nargs == 1 && path_arg(vm, "listdir", args[0], &p) < 0))
        return KR_NULL;
    DIR *d = opendir(p);
    if (!d)
        return kr_io_raise_errno(vm, errno, nargs ? args[0] : kr_str_from_cstr(vm, "."));
    kr_value list = kr_list_new(vm, 0);
    struct dirent *e;
    while (list && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        kr_value name = kr_str_from_cstr(vm, e->d_name);
        if (!name || kr_list_append(vm, list, name) < 0)
            list = KR_NULL;
    }
    closedir(d);
    return list;
}

#define POSIX_PATH_OP(cname, pyname, call)                                                       \
    static kr_value cname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                \
    {                                                                                            \
        const char *p;                                                                           \
        if (kr_args_count(vm, pyname, nargs, 1, 2) < 0 || kr_args_no_kw(vm, pyname, kwnames) < 0 || \
            path_arg(vm, pyname, args[0], &p) < 0)                                               \
            return KR_NULL;                                                                      \
        if ((call) < 0)                                                                          \
            return kr_io_raise_errno(vm, errno, args[0]);                                        \
        return KR_NONE;                                                                          \
    }

POSIX_PATH_OP(posix_remove, "remove", unlink(p))
POSIX_PATH_OP(posix_rmdir, "rmdir", rmdir(p))
POSIX_PATH_OP(posix_mkdir, "mkdir", mkdir(p, 0777))

static kr_value posix_rename(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const char *a, *b;
    if (kr_args_count(vm, "rename", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "rename", kwnames) < 0 ||
        path_arg(vm, "rename", args[0], &a) < 0 || path_arg(vm, "rename", args[1], &b) < 0)
        return KR_NULL;
    if (rename(a, b) < 0)
        return kr_io_raise_errno(vm, errno, args[0]);
    return KR_NONE;
}

/* stat(path) and lstat(path) → (st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime,
 * st_mtime, st_ctime); os.py wraps the tuple in os.stat_result.  lstat differs only in not following a
 * final symbolic link (os.path.islink and glob's hidden-link rules need it). */
static kr_value posix_stat_common(kr_vm *vm, const char *fname, int follow, kr_value *args, int nargs,
                                  kr_value kwnames)
{
    const char *p;
    if (kr_args_count(vm, fname, nargs, 1, 1) < 0 || kr_args_no_kw(vm, fname, kwnames) < 0 ||
        path_arg(vm, fname, args[0], &p) < 0)
        return KR_NULL;
    struct stat st;
    if ((follow ? stat(p, &st) : lstat(p, &st)) < 0)
        return kr_io_raise_errno(vm, errno, args[0]);
    kr_value t = kr_tuple_new(vm, 10);
    if (!t)
        return KR_NULL;
    kr_value *it = kr_tuple_items(t);
    it[0] = kr_int_from_i64(vm, st.st_mode);
    it[1] = kr_int_from_u64(vm, st.st_ino);
    it[2] = kr_int_from_u64(vm, st.st_dev);
    it[3] = kr_int_from_i64(vm, (int64_t)st.st_nlink);
    it[4] = kr_int_from_i64(vm, st.st_uid);
    it[5] = kr_int_from_i64(vm, st.st_gid);
    it[6] = kr_int_from_i64(vm, st.st_size);
    it[7] = kr_float_new(vm, (double)st.st_atim.tv_sec + st.st_atim.tv_nsec * 1e-9);
    it[8] = kr_float_new(vm, (double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9);
    it[9] = kr_float_new(vm, (double)st.st_ctim.tv_sec + st.st_ctim.tv_nsec * 1e-9);
    for (int i = 0; i < 10; i++)
        if (!it[i])
            return KR_NULL;
    return t;
}

static kr_value posix_stat(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return posix_stat_common(vm, "stat", 1, args, nargs, kwnames);
}

static kr_value posix_lstat(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return posix_stat_common(vm, "lstat", 0, args, nargs, kwnames);
}

/* symlink(src, dst): create dst as a symbolic link to src (the target need not exist). */
static kr_value posix_symlink(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const char *a, *b;
    if (kr_args_count(vm, "symlink", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "symlink", kwnames) < 0 ||
        path_arg(vm, "symlink", args[0], &a) < 0 || path_arg(vm, "symlink", args[1], &b) < 0)
        return KR_NULL;
    if (symlink(a, b) < 0)
        return kr_io_raise_errno(vm, errno, args[1]);
    return KR_NONE;
}

/* readlink(path) → the target a symbolic link names. */
static kr_value posix_readlink(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const char *p;
    if (kr_args_count(vm, "readlink", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "readlink", kwnames) < 0 ||
        path_arg(vm, "readlink", args[0], &p) < 0)
        return KR_NULL;
    char buf[4096];
    ssize_t n = readlink(p, buf, sizeof buf);
    if (n < 0)
        return kr_io_raise_errno(vm, errno, args[0]);
    return kr_str_new(vm, buf, (size_t)n);
}

static kr_value posix_getpid(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "getpid", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "getpid", kwnames) < 0)
        return KR_NULL;
    return kr_small(getpid());
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

static const kr_method_def posix_functions[] = {
    {"getcwd", posix_getcwd, KR_METH_STATIC, NULL},
    {"chdir", posix_chdir, KR_METH_STATIC, NULL},
    {"listdir", posix_listdir, KR_METH_STATIC, NULL},
    {"remove", posix_remove, KR_METH_STATIC, NULL},
    {"unlink", posix_remove, KR_METH_STATIC, NULL},
    {"rmdir", posix_rmdir, KR_METH_STATIC, NULL},
    {"mkdir", posix_mkdir, KR_METH_STATIC, NULL},
    {"rename", posix_rename, KR_METH_STATIC, NULL},
    {"stat", posix_stat, KR_METH_STATIC, NULL},
    {"lstat", posix_lstat, KR_METH_STATIC, NULL},
    {"symlink", posix_symlink, KR_METH_STATIC, NULL},
    {"readlink", posix_readlink, KR_METH_STATIC, NULL},
    {"getpid", posix_getpid, KR_METH_STATIC, NULL},
    {"cpu_count", posix_cpu_count, KR_METH_STATIC, NULL},
    {"urandom", posix_urandom, KR_METH_STATIC, NULL},
    {"strerror", posix_strerror, KR_METH_STATIC, NULL},
    {"_exit", posix_exit, KR_METH_STATIC, NULL},
    {"isatty", posix_isatty, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_os_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "posix");
    if (!m || kr_module_add_functions(vm, m, posix_functions) < 0)
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
