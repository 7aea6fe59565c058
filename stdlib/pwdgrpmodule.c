/* pwdgrpmodule.c: _pwdgrp, the system calls behind the pwd and grp modules (stdlib/lib/pwd.py, grp.py).
 *
 * Each lookup returns a plain tuple, or None when the entry does not exist; the Python modules wrap the
 * tuples in struct_passwd / struct_group and raise CPython's KeyError messages. Lookups use the
 * reentrant getpwuid_r & co. with a buffer that grows on ERANGE; the *all() functions walk the
 * database with getpwent/getgrent (Krait runs one thread, so the shared cursor is safe). Strings are
 * decoded as UTF-8 with surrogateescape, as CPython's filesystem decoding does. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../vm/init.h"
#include "../vm/str.h"

static kr_value pg_str(kr_vm *vm, const char *s)
{
    if (!s)
        s = "";
    return kr_str_decode(vm, (const uint8_t *)s, strlen(s), "utf-8", "surrogateescape");
}

/* (pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell) */
static kr_value pg_passwd_tuple(kr_vm *vm, const struct passwd *pw)
{
    kr_value t = kr_tuple_new(vm, 7);
    if (!t)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &t);
    kr_value *it = kr_tuple_items(t);
    const char *strs[5] = {pw->pw_name, pw->pw_passwd, pw->pw_gecos, pw->pw_dir, pw->pw_shell};
    static const int slot[5] = {0, 1, 4, 5, 6};
    it[2] = kr_int_from_i64(vm, (int64_t)pw->pw_uid);
    it[3] = it[2] ? kr_int_from_i64(vm, (int64_t)pw->pw_gid) : KR_NULL;
    kr_value ok = it[3];
    for (int i = 0; ok && i < 5; i++)
        ok = it[slot[i]] = pg_str(vm, strs[i]);
    kr_root_reset(vm, mark);
    return ok ? t : KR_NULL;
}

/* (gr_name, gr_passwd, gr_gid, [members]) */
static kr_value pg_group_tuple(kr_vm *vm, const struct group *gr)
{
    kr_value t = kr_tuple_new(vm, 4);
    if (!t)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &t);
    kr_value *it = kr_tuple_items(t);
    kr_value ok = it[0] = pg_str(vm, gr->gr_name);
    if (ok)
        ok = it[1] = pg_str(vm, gr->gr_passwd);
    if (ok)
        ok = it[2] = kr_int_from_i64(vm, (int64_t)gr->gr_gid);
    if (ok)
        ok = it[3] = kr_list_new(vm, 0);
    for (char **m = gr->gr_mem; ok && m && *m; m++) {
        kr_value s = pg_str(vm, *m);
        if (!s || kr_list_append(vm, it[3], s) < 0)
            ok = KR_NULL;
    }
    kr_root_reset(vm, mark);
    return ok ? t : KR_NULL;
}

/* An int argument that fits the id type; a value outside it cannot name an entry (-> None). */
static int pg_id_arg(kr_vm *vm, const char *fname, kr_value v, int64_t *out, bool *in_range)
{
    if (!kr_is_int(vm, v)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s(): argument must be int, not %s", fname, kr_typename(vm, v));
        return -1;
    }
    if (kr_int_to_i64(vm, v, out) < 0) {
        kr_err_clear(vm);
        *in_range = false;
        return 0;
    }
    /* -1 is (uid_t)-1, "no user"; other negatives and values past 32 bits are never ids. */
    *in_range = *out >= 0 && *out <= (int64_t)0xFFFFFFFEu;
    return 0;
}

/* A str argument as a NUL-free C string (a copy owned by the caller). */
static char *pg_name_arg(kr_vm *vm, const char *fname, kr_value v)
{
    if (!kr_is_str(vm, v)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s(): argument must be str, not %s", fname, kr_typename(vm, v));
        return NULL;
    }
    size_t n = (size_t)kr_str_nbytes(v);
    if (memchr(kr_str_data(v), '\0', n)) {
        kr_raise(vm, KR_EXC(vm, ValueError), "embedded null byte");
        return NULL;
    }
    char *c = malloc(n + 1);
    if (!c) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    memcpy(c, kr_str_data(v), n);
    c[n] = '\0';
    return c;
}

enum pg_kind { PG_PWUID, PG_PWNAM, PG_GRGID, PG_GRNAM };

/* Runs one reentrant lookup, growing the buffer while it reports ERANGE. */
static kr_value pg_lookup(kr_vm *vm, enum pg_kind kind, int64_t id, const char *name)
{
    size_t size = 1024;
    for (;;) {
        char *buf = malloc(size);
        if (!buf)
            return kr_raise_nomemory(vm);
        struct passwd pw, *pwp = NULL;
        struct group gr, *grp = NULL;
        int rc;
        switch (kind) {
        case PG_PWUID: rc = getpwuid_r((uid_t)id, &pw, buf, size, &pwp); break;
        case PG_PWNAM: rc = getpwnam_r(name, &pw, buf, size, &pwp); break;
        case PG_GRGID: rc = getgrgid_r((gid_t)id, &gr, buf, size, &grp); break;
        default: rc = getgrnam_r(name, &gr, buf, size, &grp); break;
        }
        if (rc == ERANGE && size < ((size_t)1 << 26)) {
            free(buf);
            size *= 2;
            continue;
        }
        kr_value r;
        if (kind == PG_PWUID || kind == PG_PWNAM)
            r = pwp ? pg_passwd_tuple(vm, pwp) : KR_NONE;
        else
            r = grp ? pg_group_tuple(vm, grp) : KR_NONE;
        free(buf);
        return r;
    }
}

static kr_value pg_by_id(kr_vm *vm, const char *fname, enum pg_kind kind, kr_value *args, int nargs,
                         kr_value kwnames)
{
    if (kr_args_count(vm, fname, nargs, 1, 1) < 0 || kr_args_no_kw(vm, fname, kwnames) < 0)
        return KR_NULL;
    int64_t id;
    bool in_range;
    if (pg_id_arg(vm, fname, args[0], &id, &in_range) < 0)
        return KR_NULL;
    return in_range ? pg_lookup(vm, kind, id, NULL) : KR_NONE;
}

static kr_value pg_by_name(kr_vm *vm, const char *fname, enum pg_kind kind, kr_value *args, int nargs,
                           kr_value kwnames)
{
    if (kr_args_count(vm, fname, nargs, 1, 1) < 0 || kr_args_no_kw(vm, fname, kwnames) < 0)
        return KR_NULL;
    char *name = pg_name_arg(vm, fname, args[0]);
    if (!name)
        return KR_NULL;
    kr_value r = pg_lookup(vm, kind, 0, name);
    free(name);
    return r;
}

static kr_value pg_getpwuid(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return pg_by_id(vm, "getpwuid", PG_PWUID, args, nargs, kwnames);
}

static kr_value pg_getpwnam(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return pg_by_name(vm, "getpwnam", PG_PWNAM, args, nargs, kwnames);
}

static kr_value pg_getgrgid(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return pg_by_id(vm, "getgrgid", PG_GRGID, args, nargs, kwnames);
}

static kr_value pg_getgrnam(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return pg_by_name(vm, "getgrnam", PG_GRNAM, args, nargs, kwnames);
}

static kr_value pg_getpwall(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "getpwall", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "getpwall", kwnames) < 0)
        return KR_NULL;
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &list);
    setpwent();
    struct passwd *pw;
    while ((pw = getpwent()) != NULL) {
        kr_value t = pg_passwd_tuple(vm, pw);
        if (!t || kr_list_append(vm, list, t) < 0) {
            list = KR_NULL;
            break;
        }
    }
    endpwent();
    kr_root_reset(vm, mark);
    return list;
}

static kr_value pg_getgrall(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "getgrall", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "getgrall", kwnames) < 0)
        return KR_NULL;
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &list);
    setgrent();
    struct group *gr;
    while ((gr = getgrent()) != NULL) {
        kr_value t = pg_group_tuple(vm, gr);
        if (!t || kr_list_append(vm, list, t) < 0) {
            list = KR_NULL;
            break;
        }
    }
    endgrent();
    kr_root_reset(vm, mark);
    return list;
}

static const kr_method_def pwdgrp_functions[] = {
    {"getpwuid", pg_getpwuid, KR_METH_STATIC, NULL},
    {"getpwnam", pg_getpwnam, KR_METH_STATIC, NULL},
    {"getpwall", pg_getpwall, KR_METH_STATIC, NULL},
    {"getgrgid", pg_getgrgid, KR_METH_STATIC, NULL},
    {"getgrnam", pg_getgrnam, KR_METH_STATIC, NULL},
    {"getgrall", pg_getgrall, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_pwdgrp_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_pwdgrp");
    if (!m || kr_module_add_functions(vm, m, pwdgrp_functions) < 0)
        return KR_NULL;
    return m;
}
