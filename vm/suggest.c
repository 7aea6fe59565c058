/* suggest.c: the "Did you mean" hints of printed NameError, AttributeError and ImportError messages, as
 * CPython 3.13 computes them (Lib/traceback.py's _compute_suggestion_error, Python/suggestions.c's
 * distance), so that a script's error output reads the same on Krait.
 *
 * CPython looks at the innermost frame of the traceback when it prints; Krait's traceback entries keep
 * the code and line only, so what the hint needs of that frame is captured where the exception leaves
 * it (kr_suggest_capture_frame) and kept in the exception (hint_names: its scope; hint_self). */
#include <string.h>

#include <stdio.h>
#include <stdlib.h>

#include "frame.h"
#include "interp.h"
#include "list.h"
#include "dict.h"
#include "set.h"
#include "str.h"
#include "suggest.h"
#include "tuple.h"

enum {
    SUGGEST_MAX_CANDIDATES = 750, /* more names than this: no hint (too slow to be worth it) */
    SUGGEST_MAX_STRING = 40,      /* longer names (after common affixes): no match */
    SUGGEST_MOVE_COST = 2,        /* an insertion, deletion or substitution */
    SUGGEST_CASE_COST = 1,        /* a substitution that only changes ASCII case */
};

static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return SUGGEST_MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a = (char)(a + ('a' - 'A'));
    if (b >= 'A' && b <= 'Z')
        b = (char)(b + ('a' - 'A'));
    return a == b ? SUGGEST_CASE_COST : SUGGEST_MOVE_COST;
}

/* The weighted edit distance of the UTF-8 strings a and b, or anything above max_cost once it is sure to
 * exceed it; one row of the matrix in `row` (SUGGEST_MAX_STRING entries). */
static size_t levenshtein(const char *a, size_t na, const char *b, size_t nb, size_t max_cost, size_t *row)
{
    while (na && nb && a[0] == b[0])
        a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (!na || !nb)
        return (na + nb) * SUGGEST_MOVE_COST;
    if (na > SUGGEST_MAX_STRING || nb > SUGGEST_MAX_STRING)
        return max_cost + 1;
    if (nb < na) { /* a is the shorter: the row has its length */
        const char *t = a;
        a = b, b = t;
        size_t tn = na;
        na = nb, nb = tn;
    }
    if ((nb - na) * SUGGEST_MOVE_COST > max_cost)
        return max_cost + 1;
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * SUGGEST_MOVE_COST; /* cost of b[:0] -> a[:i+1] */
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t distance = result = j * SUGGEST_MOVE_COST, minimum = SIZE_MAX;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = distance + substitution_cost(b[j], a[i]);
            distance = row[i];
            size_t insert_delete = (result < distance ? result : distance) + SUGGEST_MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1; /* every path through this row already costs too much */
    }
    return result;
}

kr_value kr_suggest_closest(kr_vm *vm, kr_value candidates, kr_value name)
{
    if (!kr_is_str(vm, name) || !kr_is_ptr(candidates) || KR_OBJ(candidates)->type != vm->t.list)
        return KR_NULL;
    kr_list *l = KR_AS(kr_list, candidates);
    if (l->size >= SUGGEST_MAX_CANDIDATES)
        return KR_NULL;
    size_t row[SUGGEST_MAX_STRING];
    const char *ns = kr_str_data(name);
    size_t nn = (size_t)kr_str_nbytes(name), best_distance = SIZE_MAX;
    kr_value best = KR_NULL;
    for (int64_t i = 0; i < l->size; i++) {
        kr_value item = l->items[i];
        if (!kr_is_str(vm, item) || kr_str_equal(item, name))
            continue; /* a name that is there after all (GH-88821) is no hint */
        size_t ni = (size_t)kr_str_nbytes(item);
        /* at most a third of the characters involved may change, and only a better match counts */
        size_t max_distance = (nn + ni + 3) * SUGGEST_MOVE_COST / 6;
        if (best && best_distance - 1 < max_distance)
            max_distance = best_distance - 1;
        size_t d = levenshtein(ns, nn, kr_str_data(item), ni, max_distance, row);
        if (d > max_distance)
            continue;
        if (!best || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best;
}

/* sys.stdlib_module_names of CPython 3.13 (sorted, for the binary search). */
static const char *const stdlib_module_names[] = {
    "__future__", "_abc", "_aix_support", "_android_support", "_ast", "_asyncio", "_bisect", "_blake2",
    "_bz2", "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr",
    "_codecs_tw", "_collections", "_collections_abc", "_colorize", "_compat_pickle", "_compression",
    "_contextvars", "_csv", "_ctypes", "_curses", "_curses_panel", "_datetime", "_dbm", "_decimal",
    "_elementtree", "_frozen_importlib", "_frozen_importlib_external", "_functools", "_gdbm", "_hashlib",
    "_heapq", "_imp", "_interpchannels", "_interpqueues", "_interpreters", "_io", "_ios_support", "_json",
    "_locale", "_lsprof", "_lzma", "_markupbase", "_md5", "_multibytecodec", "_multiprocessing", "_opcode",
    "_opcode_metadata", "_operator", "_osx_support", "_overlapped", "_pickle", "_posixshmem",
    "_posixsubprocess", "_py_abc", "_pydatetime", "_pydecimal", "_pyio", "_pylong", "_pyrepl", "_queue",
    "_random", "_scproxy", "_sha1", "_sha2", "_sha3", "_signal", "_sitebuiltins", "_socket", "_sqlite3",
    "_sre", "_ssl", "_stat", "_statistics", "_string", "_strptime", "_struct", "_suggestions", "_symtable",
    "_sysconfig", "_thread", "_threading_local", "_tkinter", "_tokenize", "_tracemalloc", "_typing", "_uuid",
    "_warnings", "_weakref", "_weakrefset", "_winapi", "_wmi", "_zoneinfo", "abc", "antigravity", "argparse",
    "array", "ast", "asyncio", "atexit", "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile",
    "calendar", "cmath", "cmd", "code", "codecs", "codeop", "collections", "colorsys", "compileall",
    "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg", "csv", "ctypes", "curses",
    "dataclasses", "datetime", "dbm", "decimal", "difflib", "dis", "doctest", "email", "encodings",
    "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "fractions",
    "ftplib", "functools", "gc", "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib", "grp",
    "gzip", "hashlib", "heapq", "hmac", "html", "http", "idlelib", "imaplib", "importlib", "inspect", "io",
    "ipaddress", "itertools", "json", "keyword", "linecache", "locale", "logging", "lzma", "mailbox",
    "marshal", "math", "mimetypes", "mmap", "modulefinder", "msvcrt", "multiprocessing", "netrc", "nt",
    "ntpath", "nturl2path", "numbers", "opcode", "operator", "optparse", "os", "pathlib", "pdb", "pickle",
    "pickletools", "pkgutil", "platform", "plistlib", "poplib", "posix", "posixpath", "pprint", "profile",
    "pstats", "pty", "pwd", "py_compile", "pyclbr", "pydoc", "pydoc_data", "pyexpat", "queue", "quopri",
    "random", "re", "readline", "reprlib", "resource", "rlcompleter", "runpy", "sched", "secrets", "select",
    "selectors", "shelve", "shlex", "shutil", "signal", "site", "smtplib", "socket", "socketserver",
    "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string",
    "stringprep", "struct", "subprocess", "symtable", "sys", "sysconfig", "syslog", "tabnanny", "tarfile",
    "tempfile", "termios", "textwrap", "this", "threading", "time", "timeit", "tkinter", "token", "tokenize",
    "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types", "typing",
    "unicodedata", "unittest", "urllib", "uuid", "venv", "warnings", "wave", "weakref", "webbrowser",
    "winreg", "winsound", "wsgiref", "xml", "xmlrpc", "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo",
};

static int compare_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool kr_suggest_is_stdlib_module(const char *name)
{
    return bsearch(&name, stdlib_module_names, sizeof stdlib_module_names / sizeof *stdlib_module_names,
                   sizeof *stdlib_module_names, compare_cstr) != NULL;
}

kr_value kr_suggest_stdlib_module_names(kr_vm *vm)
{
    kr_value s = kr_set_new(vm, true);
    if (!s)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &s);
    for (size_t i = 0; i < sizeof stdlib_module_names / sizeof *stdlib_module_names; i++) {
        kr_value n = kr_intern(vm, stdlib_module_names[i]);
        if (!n || kr_set_add(vm, s, n) < 0) {
            s = KR_NULL;
            break;
        }
    }
    kr_root_reset(vm, m);
    return s;
}

/* Appends the str keys of dict d to list l; -1 on error. */
static int append_keys(kr_vm *vm, kr_value l, kr_value d)
{
    if (!kr_is_ptr(d) || !kr_dict_check_exact(vm, d))
        return 0;
    int64_t pos = 0;
    kr_value k, v;
    while (kr_dict_next(d, &pos, &k, &v))
        if (kr_is_str(vm, k) && kr_list_append(vm, l, k) < 0)
            return -1;
    return 0;
}

/* f's local `self` if bound (a plain slot, a cell, or the locals mapping of a class body / exec), else
 * KR_NULL. Names are interned, so a pointer comparison finds it. */
static kr_value frame_self(kr_vm *vm, kr_frame *f)
{
    kr_value self_name = KR_NAME(vm, self);
    if (f->locals) {
        kr_value v = kr_dict_check_exact(vm, f->locals) ? kr_dict_get_str(vm, f->locals, self_name) : KR_NULL;
        kr_err_clear(vm);
        return v;
    }
    kr_code *co = f->code;
    for (uint32_t i = 0; i < co->nlocals; i++)
        if (kr_tuple_items(co->varnames)[i] == self_name)
            return f->slots[i] != KR_UNBOUND ? f->slots[i] : KR_NULL;
    for (uint32_t i = 0; i < co->ncellvars + co->nfreevars; i++) {
        kr_value n = i < co->ncellvars ? kr_tuple_items(co->cellvars)[i] : kr_tuple_items(co->freevars)[i - co->ncellvars];
        if (n == self_name) {
            kr_value c = KR_AS(kr_cell, f->slots[co->nlocals + i])->contents;
            return c != KR_UNBOUND ? c : KR_NULL;
        }
    }
    return KR_NULL;
}

/* The names bound in f's fast locals (plain slots, then cells and free variables), as a tuple. */
static kr_value frame_bound_names(kr_vm *vm, kr_frame *f)
{
    kr_code *co = f->code;
    uint32_t n = 0, total = co->nlocals + co->ncellvars + co->nfreevars;
    for (uint32_t i = 0; i < total; i++) {
        kr_value v = f->slots[i];
        if (i >= co->nlocals)
            v = KR_AS(kr_cell, v)->contents;
        n += v != KR_UNBOUND;
    }
    kr_value t = kr_tuple_new(vm, n);
    if (!t)
        return KR_NULL;
    uint32_t k = 0;
    for (uint32_t i = 0; i < total && k < n; i++) {
        kr_value v = f->slots[i], name;
        if (i < co->nlocals) {
            name = kr_tuple_items(co->varnames)[i];
        } else {
            v = KR_AS(kr_cell, v)->contents;
            name = i < co->nlocals + co->ncellvars ? kr_tuple_items(co->cellvars)[i - co->nlocals]
                                                   : kr_tuple_items(co->freevars)[i - co->nlocals - co->ncellvars];
        }
        if (v != KR_UNBOUND)
            KR_AS(kr_tuple, t)->items[k++] = name;
    }
    return t;
}

/* Cheap, because programs raise and catch these in loops (`try: o.x except AttributeError:`): the
 * local `self` by a scan of the frame's names, and for a NameError with a name a small tuple (its bound
 * local names or locals mapping, its globals, its builtins); the candidate list is made only if the
 * exception is printed (kr_suggest_message). */
void kr_suggest_capture_frame(kr_vm *vm, kr_value exc, kr_frame *f)
{
    kr_type *t = kr_type_of(vm, exc);
    /* NameError and AttributeError have fields (KR_TF_EXC_FIELDS, inherited): the exceptions raised
     * most often (KeyError, ValueError, user classes...) are told apart without walking their MROs */
    if (!(t->flags & KR_TF_EXC_FIELDS))
        return;
    bool name_error = kr_type_is_subtype(t, KR_EXC(vm, NameError));
    if (!name_error && !kr_type_is_subtype(t, KR_EXC(vm, AttributeError)))
        return;
    kr_value pending = vm->exc, locals = KR_NULL;
    vm->exc = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &pending);
    kr_root_push(vm, &exc);
    kr_root_push(vm, &locals);
    kr_exception *e = KR_AS(kr_exception, exc);
    e->hint_self = frame_self(vm, f);
    kr_value name = name_error ? kr_getattr_opt(vm, exc, KR_NAME(vm, name)) : KR_NULL;
    if (name && kr_is_str(vm, name)) {
        locals = f->locals ? f->locals : frame_bound_names(vm, f);
        if (locals)
            e->hint_names = kr_tuple_pack(vm, 3, locals, f->globals, f->builtins);
    }
    kr_gc_barrier_all(vm, KR_OBJ(exc));
    kr_err_clear(vm);
    kr_root_reset(vm, m);
    vm->exc = pending;
}

/* A NameError's candidates from its captured scope (locals names or mapping, globals, builtins): a new
 * list, or KR_NULL. */
static kr_value scope_candidates(kr_vm *vm, kr_value scope)
{
    if (!scope || !kr_tuple_check(vm, scope) || kr_tuple_size(scope) != 3)
        return KR_NULL;
    const kr_value *x = kr_tuple_items(scope);
    bool names = kr_tuple_check(vm, x[0]); /* the bound local names, else a locals mapping */
    kr_value l = names ? kr_list_from_array(vm, kr_tuple_items(x[0]), kr_tuple_size(x[0])) : kr_list_new(vm, 0);
    if (!l)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &l);
    if ((!names && append_keys(vm, l, x[0]) < 0) || append_keys(vm, l, x[1]) < 0 || append_keys(vm, l, x[2]) < 0)
        l = KR_NULL;
    kr_root_reset(vm, m);
    return l;
}

/* The sorted str names of dir(obj) for an AttributeError's hint, without the _private ones unless the
 * wrong name is one too or the error came from obj's own method (self is obj); KR_NULL if dir() fails. */
static kr_value attribute_candidates(kr_vm *vm, kr_value exc, bool with_frame, kr_value obj, kr_value name)
{
    kr_value dir = kr_dict_get_str(vm, vm->builtins, KR_NAME(vm, dir));
    kr_value d = dir ? kr_call1(vm, dir, obj) : KR_NULL;
    if (!d || !kr_is_ptr(d) || KR_OBJ(d)->type != vm->t.list)
        return KR_NULL;
    bool hide_private = kr_str_data(name)[0] != '_' && !(with_frame && KR_AS(kr_exception, exc)->hint_self == obj);
    kr_list *l = KR_AS(kr_list, d);
    int64_t k = 0;
    for (int64_t i = 0; i < l->size; i++) {
        kr_value x = l->items[i];
        if (kr_is_str(vm, x) && !(hide_private && kr_str_data(x)[0] == '_'))
            l->items[k++] = x;
    }
    l->size = k;
    return d;
}

void kr_suggest_message(kr_vm *vm, kr_value exc, bool with_frame, char *buf, size_t n)
{
    buf[0] = 0;
    kr_type *t = kr_type_of(vm, exc);
    /* NameError and AttributeError have fields (KR_TF_EXC_FIELDS, inherited): the exceptions raised
     * most often (KeyError, ValueError, user classes...) are told apart without walking their MROs */
    if (!(t->flags & KR_TF_EXC_FIELDS))
        return;
    bool name_error = kr_type_is_subtype(t, KR_EXC(vm, NameError));
    bool attr_error = !name_error && kr_type_is_subtype(t, KR_EXC(vm, AttributeError));
    bool import_error = !name_error && !attr_error && kr_type_is_subtype(t, KR_EXC(vm, ImportError));
    if (!name_error && !attr_error && !import_error)
        return;
    kr_value pending = vm->exc, name = KR_NULL, cands = KR_NULL, hint = KR_NULL, obj = KR_NULL;
    vm->exc = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_value *roots[] = {&pending, &exc, &name, &cands, &hint, &obj};
    for (size_t i = 0; i < sizeof roots / sizeof *roots; i++)
        kr_root_push(vm, roots[i]);
    kr_exception *e = KR_AS(kr_exception, exc);
    name = kr_getattr_opt(vm, exc, KR_NAME(vm, name_from));
    if (!import_error || !name || !kr_is_str(vm, name))
        name = import_error ? KR_NULL : kr_getattr_opt(vm, exc, KR_NAME(vm, name));
    if (!name || !kr_is_str(vm, name))
        goto done;
    bool self_attr = false;
    if (attr_error) {
        obj = kr_getattr_opt(vm, exc, KR_NAME(vm, obj));
        if (obj)
            cands = attribute_candidates(vm, exc, with_frame, obj, name);
    } else if (import_error) {
        /* `from mod import nme`: the names of the module, as CPython's __import__(exc.name) finds it */
        kr_value modname = kr_getattr_opt(vm, exc, KR_NAME(vm, name));
        kr_value mod = modname && kr_is_str(vm, modname) ? kr_dict_get_str(vm, vm->modules, modname) : KR_NULL;
        kr_value dir = mod ? kr_dict_get_str(vm, vm->builtins, KR_NAME(vm, dir)) : KR_NULL;
        cands = dir ? kr_call1(vm, dir, mod) : KR_NULL;
        if (cands && kr_is_ptr(cands) && KR_OBJ(cands)->type == vm->t.list && kr_str_data(name)[0] != '_') {
            kr_list *l = KR_AS(kr_list, cands);
            int64_t k = 0;
            for (int64_t i = 0; i < l->size; i++)
                if (kr_is_str(vm, l->items[i]) && kr_str_data(l->items[i])[0] != '_')
                    l->items[k++] = l->items[i];
            l->size = k;
        }
    } else if (with_frame) {
        cands = scope_candidates(vm, e->hint_names);
        /* in a method, a name the instance has as an attribute: `self.name` */
        if (e->hint_self && cands) {
            kr_value v = kr_getattr_opt(vm, e->hint_self, name);
            self_attr = v != KR_NULL;
        }
    }
    kr_err_clear(vm);
    if (self_attr) {
        snprintf(buf, n, ". Did you mean: 'self.%s'?", kr_str_data(name));
        goto done;
    }
    hint = cands ? kr_suggest_closest(vm, cands, name) : KR_NULL;
    if (hint)
        snprintf(buf, n, ". Did you mean: '%s'?", kr_str_data(hint));
    if (name_error && kr_suggest_is_stdlib_module(kr_str_data(name))) {
        size_t used = strlen(buf);
        snprintf(buf + used, n - used, "%s forget to import '%s'?", hint ? " Or did you" : ". Did you",
                 kr_str_data(name));
    }
done:
    kr_err_clear(vm);
    kr_root_reset(vm, m);
    vm->exc = pending;
}
