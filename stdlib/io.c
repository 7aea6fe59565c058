/* io.c: file objects (open(), sys.stdin/stdout/stderr).
 *
 * A file wraps a C stdio stream. Text mode reads and writes UTF-8 and translates "\r\n" and "\r" to "\n"
 * on input (universal newlines); binary mode moves bytes. The standard streams wrap the process's
 * stdin/stdout/stderr and are never closed by the collector. Before anything is written to stderr the
 * VM flushes stdout, so interleaved output keeps its order on a terminal.
 */
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "../vm/str.h"

/* Text-mode newline handling, from open()'s newline argument. */
enum file_newline {
    NL_UNIVERSAL,    /* None: "\r\n" and "\r" read as "\n"; "\n" written as is */
    NL_UNTRANSLATED, /* '': lines end at "\n", "\r" or "\r\n", returned untranslated */
    NL_LF,           /* '\n' */
    NL_CR,           /* '\r': lines end at "\r"; "\n" written as "\r" */
    NL_CRLF,         /* '\r\n': lines end at "\r\n"; "\n" written as "\r\n" */
};

typedef struct kr_file {
    kr_object ob;
    FILE *fp;
    kr_value name;  /* str or int */
    kr_value mode;  /* str */
    bool binary, readable, writable, closed, owns_fp, is_std;
    bool utf8_strict; /* encoding utf-8 with errors strict: the fast paths apply */
    uint8_t newline;  /* enum file_newline */
    char encoding[24];
    char errors[24];
} kr_file;

/* io.UnsupportedOperation (a subclass of OSError and ValueError), created by kr_io_setup. */
#define IO_UNSUPPORTED_SLOT 0
static kr_type *io_unsupported(kr_vm *vm)
{
    kr_type *t = vm->t.extra[IO_UNSUPPORTED_SLOT];
    return t ? t : KR_EXC(vm, OSError);
}

static kr_file *file_of(kr_vm *vm, kr_value v)
{
    if (!kr_is_ptr(v) || !kr_type_is_subtype(KR_OBJ(v)->type, vm->t.file))
        return NULL;
    return KR_AS(kr_file, v);
}

static void file_trace(kr_vm *vm, kr_object *o)
{
    kr_file *f = (kr_file *)o;
    kr_gc_mark(vm, f->name);
    kr_gc_mark(vm, f->mode);
}

static void file_finalize(kr_vm *vm, kr_object *o)
{
    (void)vm;
    kr_file *f = (kr_file *)o;
    if (f->fp && f->owns_fp && !f->closed)
        fclose(f->fp);
    else if (f->fp && f->is_std)
        fflush(f->fp);
    f->fp = NULL;
    f->closed = true;
}

static kr_value raise_oserror(kr_vm *vm, int err, kr_value filename)
{
    kr_type *t = KR_EXC(vm, OSError);
    switch (err) {
    case ENOENT: t = KR_EXC(vm, FileNotFoundError); break;
    case EEXIST: t = KR_EXC(vm, FileExistsError); break;
    case EISDIR: t = KR_EXC(vm, IsADirectoryError); break;
    case ENOTDIR: t = KR_EXC(vm, NotADirectoryError); break;
    case EACCES: case EPERM: t = KR_EXC(vm, PermissionError); break;
    default: break;
    }
    kr_value args[3];
    args[0] = kr_small(err);
    args[1] = kr_str_from_cstr(vm, strerror(err));
    if (!args[1])
        return KR_NULL;
    args[2] = filename;
    kr_value exc = kr_exc_new(vm, t, args, filename ? 3 : 2);
    if (!exc)
        return KR_NULL;
    return kr_raise_value(vm, exc);
}

kr_value kr_io_raise_errno(kr_vm *vm, int err, kr_value filename) { return raise_oserror(vm, err, filename); }

static kr_value file_new(kr_vm *vm, FILE *fp, kr_value name, const char *mode, bool binary, bool readable,
                         bool writable, bool owns)
{
    kr_value modev = kr_str_from_cstr(vm, mode);
    if (!modev)
        return KR_NULL;
    kr_file *f = kr_gc_alloc(vm, vm->t.file, sizeof *f);
    if (!f)
        return KR_NULL;
    f->fp = fp;
    f->name = name;
    f->mode = modev;
    f->binary = binary;
    f->readable = readable;
    f->writable = writable;
    f->owns_fp = owns;
    f->newline = NL_UNIVERSAL;
    f->utf8_strict = true;
    strcpy(f->encoding, "utf-8");
    strcpy(f->errors, "strict");
    return KR_VAL(f);
}

static int check_open(kr_vm *vm, kr_file *f)
{
    if (f->closed || !f->fp)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "I/O operation on closed file.");
    return 0;
}

static kr_value self_file(kr_vm *vm, kr_value self, kr_file **out)
{
    *out = file_of(vm, self);
    if (!*out)
        return kr_raise(vm, KR_EXC(vm, TypeError), "expected a file object");
    if (check_open(vm, *out) < 0)
        return KR_NULL;
    return self;
}

/* Decode bytes read in text mode with the file's encoding and error handler. */
static kr_value text_decode(kr_vm *vm, kr_file *f, const char *buf, size_t n)
{
    return kr_str_decode(vm, (const uint8_t *)(buf ? buf : ""), n, f->encoding, f->errors);
}

/* Whether c ends a line (having been appended), possibly consuming the "\n" of a "\r\n" pair. */
static bool text_line_end(kr_file *f, kr_sb *sb, int c)
{
    switch (f->newline) {
    case NL_UNIVERSAL:
    case NL_LF:
        return c == '\n';
    case NL_UNTRANSLATED:
        if (c == '\n')
            return true;
        if (c == '\r') {
            int d = getc(f->fp);
            if (d == '\n')
                kr_sb_append_char(sb, '\n');
            else if (d != EOF)
                ungetc(d, f->fp);
            return true;
        }
        return false;
    case NL_CR:
        return c == '\r';
    case NL_CRLF:
        return c == '\n' && sb->len >= 2 && sb->buf[sb->len - 2] == '\r';
    }
    return false;
}

/* Read up to `limit` characters (bytes in binary mode; all if limit < 0), or one line if `line`. */
static kr_value file_read_impl(kr_vm *vm, kr_file *f, int64_t limit, bool line)
{
    if (!f->readable)
        return kr_raise(vm, io_unsupported(vm), "not readable");
    kr_sb sb;
    kr_sb_init(&sb);
    int64_t chars = 0;
    bool multibyte = !f->binary && strcmp(f->encoding, "utf-8") == 0;
    int c;
    while (limit < 0 || chars < limit) {
        c = getc(f->fp);
        if (c == EOF)
            break;
        if (!f->binary && f->newline == NL_UNIVERSAL && c == '\r') {
            int d = getc(f->fp);
            if (d != '\n' && d != EOF)
                ungetc(d, f->fp);
            c = '\n';
        }
        kr_sb_append_char(&sb, (char)c);
        chars++;
        /* In UTF-8 text a character is a lead byte plus its continuation bytes. */
        if (multibyte && (c & 0xC0) == 0xC0) {
            for (;;) {
                int d = getc(f->fp);
                if (d == EOF)
                    break;
                if ((d & 0xC0) != 0x80) {
                    ungetc(d, f->fp);
                    break;
                }
                kr_sb_append_char(&sb, (char)d);
            }
        }
        if (line && (f->binary ? c == '\n' : text_line_end(f, &sb, c)))
            break;
    }
    if (ferror(f->fp)) {
        int e = errno;
        clearerr(f->fp);
        kr_sb_free(&sb);
        return raise_oserror(vm, e, KR_NULL);
    }
    if (sb.failed) {
        kr_sb_free(&sb);
        return kr_raise_nomemory(vm);
    }
    kr_value r = f->binary ? kr_bytes_new(vm, sb.buf ? sb.buf : "", sb.len) : text_decode(vm, f, sb.buf, sb.len);
    kr_sb_free(&sb);
    return r;
}

static int64_t size_arg(kr_vm *vm, kr_value v, int *err)
{
    *err = 0;
    if (!v || v == KR_NONE)
        return -1;
    int64_t n;
    if (kr_index_i64(vm, v, &n) < 0) {
        *err = 1;
        return 0;
    }
    return n;
}

static kr_value file_read(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"size"};
    kr_value a[1];
    kr_file *f;
    if (kr_args_parse(vm, "read", args + 1, nargs - 1, kwnames, names, 1, 0, 1, a) < 0 || !self_file(vm, args[0], &f))
        return KR_NULL;
    int err;
    int64_t n = size_arg(vm, a[0], &err);
    if (err)
        return KR_NULL;
    return file_read_impl(vm, f, n, false);
}

/* readinto(b): read up to len(b) bytes into a writable buffer (bytearray, memoryview); the count. */
static kr_value file_readinto(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_file *f;
    if (kr_args_method1(vm, "readinto", nargs, kwnames) < 0 || !self_file(vm, args[0], &f))
        return KR_NULL;
    if (!f->binary)
        return kr_raise(vm, io_unsupported(vm), "readinto");
    kr_type *t = kr_type_of(vm, args[1]);
    kr_buffer view;
    if (!t->getbuffer || t->getbuffer(vm, args[1], &view) < 0 || view.readonly) {
        if (!kr_err_occurred(vm) || kr_err_matches(vm, KR_EXC(vm, TypeError))) {
            kr_err_clear(vm);
            return kr_raise(vm, KR_EXC(vm, TypeError), "readinto() argument must be read-write bytes-like object, not %s",
                            kr_typename(vm, args[1]));
        }
        return KR_NULL;
    }
    kr_value data = file_read_impl(vm, f, view.len, false);
    if (!data)
        return KR_NULL;
    /* reading ran no Python code, but it allocated: fetch the buffer again before writing to it */
    if (t->getbuffer(vm, args[1], &view) < 0)
        return KR_NULL;
    int64_t n = KR_AS(kr_bytes, data)->size;
    if (n > view.len)
        n = view.len;
    memcpy(view.buf, KR_AS(kr_bytes, data)->data, (size_t)n);
    return kr_int_from_i64(vm, n);
}

static kr_value file_readline(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"size"};
    kr_value a[1];
    kr_file *f;
    if (kr_args_parse(vm, "readline", args + 1, nargs - 1, kwnames, names, 1, 0, 1, a) < 0 || !self_file(vm, args[0], &f))
        return KR_NULL;
    int err;
    int64_t n = size_arg(vm, a[0], &err);
    if (err)
        return KR_NULL;
    return file_read_impl(vm, f, n, true);
}

static bool value_empty(kr_vm *vm, kr_file *f, kr_value v)
{
    (void)vm;
    return f->binary ? KR_AS(kr_bytes, v)->size == 0 : kr_str_nbytes(v) == 0;
}

static kr_value file_readlines(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_file *f;
    if (kr_args_count(vm, "readlines", nargs - 1, 0, 1) < 0 || kr_args_no_kw(vm, "readlines", kwnames) < 0 ||
        !self_file(vm, args[0], &f))
        return KR_NULL;
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    for (;;) {
        kr_value line = file_read_impl(vm, f, -1, true);
        if (!line)
            return KR_NULL;
        if (value_empty(vm, f, line))
            break;
        if (kr_list_append(vm, list, line) < 0)
            return KR_NULL;
    }
    return list;
}

static int file_write_data(kr_vm *vm, kr_file *f, const void *data, size_t n)
{
    if (n && fwrite(data, 1, n, f->fp) != n) {
        int e = errno;
        clearerr(f->fp);
        raise_oserror(vm, e, KR_NULL);
        return -1;
    }
    if (f->is_std && f->fp == stderr)
        fflush(stderr);
    return 0;
}

static kr_value file_write_value(kr_vm *vm, kr_file *f, kr_value v)
{
    if (!f->writable)
        return kr_raise(vm, io_unsupported(vm), "not writable");
    if (f->binary) {
        /* any bytes-like object: bytes, bytearray, a C-contiguous memoryview (no Python runs while the
         * pointer is held) */
        const uint8_t *data;
        int64_t n;
        if (kr_bytes_buffer(vm, v, &data, &n) < 0 || file_write_data(vm, f, data, (size_t)n) < 0)
            return KR_NULL;
        return kr_int_from_i64(vm, n);
    }
    if (!kr_is_str(vm, v))
        return kr_raise(vm, KR_EXC(vm, TypeError), "write() argument must be str, not %s", kr_typename(vm, v));
    if (f->is_std && f->fp == stderr)
        fflush(stdout);
    kr_value text = v;
    if ((f->newline == NL_CR || f->newline == NL_CRLF) && memchr(kr_str_data(v), '\n', (size_t)kr_str_nbytes(v))) {
        kr_sb sb;
        kr_sb_init(&sb);
        for (const char *p = kr_str_data(v), *e = p + kr_str_nbytes(v); p < e; p++) {
            if (*p == '\n')
                kr_sb_append_cstr(&sb, f->newline == NL_CR ? "\r" : "\r\n");
            else
                kr_sb_append_char(&sb, *p);
        }
        text = kr_sb_finish(vm, &sb);
        if (!text)
            return KR_NULL;
    }
    if (f->utf8_strict) {
        if (file_write_data(vm, f, kr_str_data(text), (size_t)kr_str_nbytes(text)) < 0)
            return KR_NULL;
    } else {
        kr_value b = kr_str_encode(vm, text, f->encoding, f->errors);
        if (!b || file_write_data(vm, f, KR_AS(kr_bytes, b)->data, (size_t)KR_AS(kr_bytes, b)->size) < 0)
            return KR_NULL;
    }
    return kr_small(kr_str_len(v));
}

static kr_value file_write(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_file *f;
    if (kr_args_count(vm, "write", nargs - 1, 1, 1) < 0 || kr_args_no_kw(vm, "write", kwnames) < 0 ||
        !self_file(vm, args[0], &f))
        return KR_NULL;
    return file_write_value(vm, f, args[1]);
}

static kr_value file_writelines(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_file *f;
    if (kr_args_count(vm, "writelines", nargs - 1, 1, 1) < 0 || kr_args_no_kw(vm, "writelines", kwnames) < 0 ||
        !self_file(vm, args[0], &f))
        return KR_NULL;
    kr_value it = kr_iter(vm, args[1]);
    if (!it)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_value item;
    while ((item = kr_next(vm, it)) != KR_NULL)
        if (!file_write_value(vm, f, item))
            break;
    kr_root_reset(vm, m);
    return kr_err_occurred(vm) ? KR_NULL : KR_NONE;
}

static kr_value file_close(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_file *f = file_of(vm, args[0]);
    if (!f)
        return kr_raise(vm, KR_EXC(vm, TypeError), "expected a file object");
    if (!f->closed && f->fp) {
        if (f->owns_fp)
            fclose(f->fp);
        else
            fflush(f->fp);
        if (f->owns_fp)
            f->fp = NULL;
    }
    f->closed = true;
    return KR_NONE;
}

static kr_value file_flush(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_file *f;
    if (!self_file(vm, args[0], &f))
        return KR_NULL;
    fflush(f->fp);
    return KR_NONE;
}

static kr_value file_enter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_file *f;
    if (!self_file(vm, args[0], &f))
        return KR_NULL;
    return args[0];
}

static kr_value file_exit(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (!file_close(vm, args, nargs, kwnames))
        return KR_NULL;
    return KR_FALSE;
}

static kr_value file_iternext(kr_vm *vm, kr_value self)
{
    kr_file *f;
    if (!self_file(vm, self, &f))
        return KR_NULL;
    kr_value line = file_read_impl(vm, f, -1, true);
    if (!line || value_empty(vm, f, line))
        return KR_NULL;
    return line;
}

static kr_value file_iter(kr_vm *vm, kr_value self)
{
    kr_file *f;
    if (!self_file(vm, self, &f))
        return KR_NULL;
    return self;
}

static kr_value file_seek(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_file *f;
    int64_t off, whence = 0;
    if (kr_args_count(vm, "seek", nargs - 1, 1, 2) < 0 || kr_args_no_kw(vm, "seek", kwnames) < 0 ||
        !self_file(vm, args[0], &f) || kr_index_i64(vm, args[1], &off) < 0 ||
        (nargs > 2 && kr_index_i64(vm, args[2], &whence) < 0))
        return KR_NULL;
    if (fseeko(f->fp, (off_t)off, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END) < 0)
        return raise_oserror(vm, errno, KR_NULL);
    return kr_int_from_i64(vm, (int64_t)ftello(f->fp));
}

static kr_value file_tell(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_file *f;
    if (!self_file(vm, args[0], &f))
        return KR_NULL;
    return kr_int_from_i64(vm, (int64_t)ftello(f->fp));
}

static kr_value file_fileno(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_file *f;
    if (!self_file(vm, args[0], &f))
        return KR_NULL;
    return kr_small(fileno(f->fp));
}

static kr_value file_isatty(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_file *f;
    if (!self_file(vm, args[0], &f))
        return KR_NULL;
    return kr_bool(isatty(fileno(f->fp)));
}

static kr_value file_readable(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_file *f;
    if (!self_file(vm, args[0], &f))
        return KR_NULL;
    return kr_bool(f->readable);
}

static kr_value file_writable(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_file *f;
    if (!self_file(vm, args[0], &f))
        return KR_NULL;
    return kr_bool(f->writable);
}

static kr_value file_get_closed(kr_vm *vm, kr_value self) { return kr_bool(file_of(vm, self)->closed); }
static kr_value file_get_name(kr_vm *vm, kr_value self) { return file_of(vm, self)->name; }
static kr_value file_get_mode(kr_vm *vm, kr_value self) { return file_of(vm, self)->mode; }
static kr_value file_get_encoding(kr_vm *vm, kr_value self)
{
    kr_file *f = file_of(vm, self);
    if (f->binary)
        return kr_raise(vm, KR_EXC(vm, AttributeError), "'_io.BufferedReader' object has no attribute 'encoding'");
    return kr_str_from_cstr(vm, f->encoding);
}

static kr_value file_repr(kr_vm *vm, kr_value self)
{
    kr_file *f = file_of(vm, self);
    kr_value n = kr_repr(vm, f->name);
    if (!n)
        return KR_NULL;
    if (f->binary)
        return kr_str_fmt(vm, "<_io.Buffered%s name=%s>", f->writable ? "Writer" : "Reader", kr_str_data(n));
    return kr_str_fmt(vm, "<_io.TextIOWrapper name=%s mode='%s' encoding='%s'>", kr_str_data(n),
                      kr_str_data(f->mode), f->encoding);
}

/* File objects hold an OS-level stream: copy and serialisers refuse them with CPython's message. */
static kr_value file_getstate(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return kr_raise(vm, KR_EXC(vm, TypeError), "cannot pickle '%s' instances", kr_typename(vm, args[0]));
}

static const kr_method_def file_methods[] = {
    {"__getstate__", file_getstate, 0, NULL},
    {"read", file_read, 0, NULL},
    {"readinto", file_readinto, 0, NULL},
    {"readline", file_readline, 0, NULL},
    {"readlines", file_readlines, 0, NULL},
    {"write", file_write, 0, NULL},
    {"writelines", file_writelines, 0, NULL},
    {"close", file_close, 0, NULL},
    {"flush", file_flush, 0, NULL},
    {"seek", file_seek, 0, NULL},
    {"tell", file_tell, 0, NULL},
    {"fileno", file_fileno, 0, NULL},
    {"isatty", file_isatty, 0, NULL},
    {"readable", file_readable, 0, NULL},
    {"writable", file_writable, 0, NULL},
    {"__enter__", file_enter, 0, NULL},
    {"__exit__", file_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def file_getsets[] = {
    {"closed", file_get_closed, NULL, NULL},
    {"name", file_get_name, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL},
    {"encoding", file_get_encoding, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

void kr_io_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "TextIOWrapper", vm->t.object, sizeof(kr_file), KR_TF_EXTERNAL_FINALIZE);
    t->trace = file_trace;
    t->finalize = file_finalize;
    t->iter = file_iter;
    t->next = file_iternext;
    t->repr = file_repr;
    t->methods = file_methods;
    t->getsets = file_getsets;
    vm->t.file = t;
}

static const kr_method_def io_builtins[] = {
    {"open", kr_io_open, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

/* Phase 3: open() in builtins, and io.UnsupportedOperation. */
int kr_io_setup(kr_vm *vm)
{
    kr_value open_fn = kr_cfunction_new(vm, &io_builtins[0], NULL, KR_NULL);
    if (!open_fn || kr_dict_set_cstr(vm, vm->builtins, "open", open_fn) < 0)
        return -1;
    kr_value name = kr_str_from_cstr(vm, "UnsupportedOperation");
    kr_value bases = name ? kr_tuple_pack(vm, 2, KR_VAL(KR_EXC(vm, OSError)), KR_VAL(KR_EXC(vm, ValueError))) : KR_NULL;
    kr_value ns = bases ? kr_dict_new(vm) : KR_NULL;
    if (!ns || kr_dict_set_cstr(vm, ns, "__module__", kr_str_from_cstr(vm, "io")) < 0)
        return -1;
    kr_value cls = kr_type_create_class(vm, KR_VAL(vm->t.type), name, bases, ns, KR_NULL);
    if (!cls)
        return -1;
    vm->t.extra[IO_UNSUPPORTED_SLOT] = KR_AS(kr_type, cls);
    return 0;
}

kr_type *kr_io_unsupported_operation(kr_vm *vm) { return io_unsupported(vm); }

/* The _io module: the C half of `io` (stdlib/lib/io.py adds StringIO, BytesIO and the base classes).
 * It exposes the objects that only C can reach: open() (the same function object as builtins.open),
 * the file type and io.UnsupportedOperation. */
kr_value kr_io_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_io");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value open_fn = kr_dict_get_cstr(vm, vm->builtins, "open");
    int rc = -1;
    if (open_fn && kr_module_add(vm, m, "open", open_fn) == 0 &&
        kr_module_add(vm, m, "TextIOWrapper", KR_VAL(vm->t.file)) == 0 &&
        kr_module_add(vm, m, "UnsupportedOperation", KR_VAL(io_unsupported(vm))) == 0)
        rc = 0;
    kr_root_reset(vm, mark);
    return rc < 0 ? KR_NULL : m;
}

kr_value kr_io_std_stream(kr_vm *vm, int fd)
{
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    FILE *fps[] = {stdin, stdout, stderr};
    if (fd < 0 || fd > 2)
        return kr_raise(vm, KR_EXC(vm, ValueError), "bad standard stream");
    kr_value name = kr_str_from_cstr(vm, names[fd]);
    if (!name)
        return KR_NULL;
    kr_value f = file_new(vm, fps[fd], name, fd == 0 ? "r" : "w", false, fd == 0, fd != 0, false);
    if (f)
        KR_AS(kr_file, f)->is_std = true;
    return f;
}

int kr_io_write_fast(kr_vm *vm, kr_value file, const char *data, size_t n)
{
    kr_file *f = file_of(vm, file);
    if (f && !f->binary && f->writable && !f->closed && f->fp) {
        if (f->is_std && f->fp == stderr)
            fflush(stdout);
        return file_write_data(vm, f, data, n);
    }
    /* Any other object with a write() method. */
    kr_value s = kr_str_new(vm, data, n);
    if (!s)
        return -1;
    kr_value r = kr_call_method(vm, file, "write", &s, 1);
    return r ? 0 : -1;
}

/* The canonical name of a text encoding open() supports, or NULL. */
static const char *io_normalize_encoding(const char *e)
{
    static const char *const names[][2] = {
        {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"u8", "utf-8"}, {"ascii", "ascii"}, {"us-ascii", "ascii"},
        {"latin-1", "latin-1"}, {"latin1", "latin-1"}, {"iso-8859-1", "latin-1"}, {"iso8859-1", "latin-1"},
        {"l1", "latin-1"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *a = names[i][0], *b = e;
        while (*a && *b && (*a == (char)(*b >= 'A' && *b <= 'Z' ? *b + 32 : *b) || (*a == '-' && *b == '_'))) {
            a++;
            b++;
        }
        if (!*a && !*b)
            return names[i][1];
    }
    return NULL;
}

kr_value kr_io_open(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"};
    kr_value a[8];
    if (kr_args_parse(vm, "open", args, nargs, kwnames, names, 8, 1, 0, a) < 0)
        return KR_NULL;
    kr_value file = a[0];
    const char *mode = "r";
    if (a[1]) {
        if (!kr_is_str(vm, a[1]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "open() argument 'mode' must be str, not %s", kr_typename(vm, a[1]));
        mode = kr_str_data(a[1]);
    }
    const char *encoding = "utf-8", *errors = "strict";
    int newline = NL_UNIVERSAL;
    if (a[3] && a[3] != KR_NONE) {
        if (!kr_is_str(vm, a[3]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "open() argument 'encoding' must be str or None, not %s",
                            kr_typename(vm, a[3]));
        encoding = io_normalize_encoding(kr_str_data(a[3]));
        if (!encoding)
            return kr_raise(vm, KR_EXC(vm, LookupError), "unknown encoding: %s", kr_str_data(a[3]));
    }
    if (a[4] && a[4] != KR_NONE) {
        if (!kr_is_str(vm, a[4]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "open() argument 'errors' must be str or None, not %s",
                            kr_typename(vm, a[4]));
        errors = kr_str_data(a[4]);
        if (strlen(errors) >= sizeof ((kr_file *)0)->errors)
            return kr_raise(vm, KR_EXC(vm, LookupError), "unknown error handler name '%s'", errors);
    }
    if (a[5] && a[5] != KR_NONE) {
        if (!kr_is_str(vm, a[5]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "open() argument 'newline' must be str or None, not %s",
                            kr_typename(vm, a[5]));
        const char *nl = kr_str_data(a[5]);
        if (!*nl)
            newline = NL_UNTRANSLATED;
        else if (strcmp(nl, "\n") == 0)
            newline = NL_LF;
        else if (strcmp(nl, "\r") == 0)
            newline = NL_CR;
        else if (strcmp(nl, "\r\n") == 0)
            newline = NL_CRLF;
        else {
            kr_value r = kr_repr(vm, a[5]);
            return r ? kr_raise(vm, KR_EXC(vm, ValueError), "illegal newline value: %s", kr_str_data(r)) : KR_NULL;
        }
    }
    int r = 0, w = 0, ap = 0, x = 0, plus = 0, b = 0, t = 0;
    for (const char *p = mode; *p; p++) {
        int *flag = NULL;
        switch (*p) {
        case 'r': flag = &r; break;
        case 'w': flag = &w; break;
        case 'a': flag = &ap; break;
        case 'x': flag = &x; break;
        case '+': flag = &plus; break;
        case 'b': flag = &b; break;
        case 't': flag = &t; break;
        default: break;
        }
        if (!flag || *flag)
            return kr_raise(vm, KR_EXC(vm, ValueError), "invalid mode: '%s'", mode);
        *flag = 1;
    }
    if (r + w + ap + x != 1 || (b && t))
        return kr_raise(vm, KR_EXC(vm, ValueError),
                        r + w + ap + x == 0 ? "Must have exactly one of create/read/write/append mode and at most one plus"
                                            : "must have exactly one of create/read/write/append mode");
    if (b && a[3] && a[3] != KR_NONE)
        return kr_raise(vm, KR_EXC(vm, ValueError), "binary mode doesn't take an encoding argument");
    /* buffering: 0 (binary only) writes through at once, 1 (text) flushes at each newline (what
     * subprocess's pipes with bufsize 0/1 rely on); any other value keeps stdio's buffer */
    int64_t buffering = -1;
    if (a[2] && a[2] != KR_NONE && kr_index_i64(vm, a[2], &buffering) < 0)
        return KR_NULL;
    if (buffering == 0 && !b)
        return kr_raise(vm, KR_EXC(vm, ValueError), "can't have unbuffered text I/O");
    char cmode[4] = {0};
    cmode[0] = r ? 'r' : w ? 'w' : ap ? 'a' : 'w';
    size_t k = 1;
    if (plus)
        cmode[k++] = '+';
    cmode[k++] = 'b';
    int closefd = a[6] ? kr_truthy(vm, a[6]) : 1;
    if (closefd < 0)
        return KR_NULL;
    /* A path-like file names the path its __fspath__ gives (str or bytes), which is also the file's name. */
    size_t mark = kr_root_mark(vm);
    if (!kr_is_small(file) && !kr_is_str(vm, file) && !kr_is_bytes(vm, file)) {
        kr_value fs = kr_type_lookup(vm, kr_type_of(vm, file), kr_intern(vm, "__fspath__"));
        if (!fs)
            return kr_err_occurred(vm) ? KR_NULL
                                       : kr_raise(vm, KR_EXC(vm, TypeError), "expected str, bytes or os.PathLike object, not %s",
                                                  kr_typename(vm, file));
        file = kr_call_method(vm, file, "__fspath__", NULL, 0);
        if (!file)
            return KR_NULL;
        if (!kr_is_str(vm, file) && !kr_is_bytes(vm, file))
            return kr_raise(vm, KR_EXC(vm, TypeError), "expected %s.__fspath__() to return str or bytes, not %s",
                            kr_typename(vm, a[0]), kr_typename(vm, file));
    }
    kr_root_push(vm, &file);
    /* The open(2) flags of the mode: 'x' is O_EXCL (atomic, so tempfile-style exclusive creation works). */
    int oflags = (plus ? O_RDWR : r ? O_RDONLY : O_WRONLY) | O_CLOEXEC;
    if (w)
        oflags |= O_CREAT | O_TRUNC;
    if (ap)
        oflags |= O_CREAT | O_APPEND;
    if (x)
        oflags |= O_CREAT | O_EXCL;
    int fd;
    if (kr_is_small(file)) {
        if (a[7] && a[7] != KR_NONE) {
            kr_root_reset(vm, mark);
            return kr_raise(vm, KR_EXC(vm, ValueError), "opener must not be given with a file descriptor");
        }
        /* closefd=False: the file works on a duplicate, so closing it leaves the caller's descriptor open. */
        fd = (int)kr_small_val(file);
        if (!closefd && (fd = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0) {
            kr_root_reset(vm, mark);
            return raise_oserror(vm, errno, KR_NULL);
        }
    } else {
        if (!closefd) {
            kr_root_reset(vm, mark);
            return kr_raise(vm, KR_EXC(vm, ValueError), "Cannot use closefd=False with file name");
        }
        /* the path as a C string: a copy, since a bytes object's data need not end in a NUL */
        const uint8_t *d;
        int64_t n;
        if (kr_is_str(vm, file)) {
            d = (const uint8_t *)kr_str_data(file);
            n = kr_str_nbytes(file);
        } else if (kr_bytes_buffer(vm, file, &d, &n) < 0) {
            kr_root_reset(vm, mark);
            return KR_NULL;
        }
        if (memchr(d, 0, (size_t)n)) {
            kr_root_reset(vm, mark);
            return kr_raise(vm, KR_EXC(vm, ValueError), kr_is_str(vm, file) ? "embedded null character" : "embedded null byte");
        }
        char path[4096];
        if ((size_t)n >= sizeof path) {
            kr_root_reset(vm, mark);
            return raise_oserror(vm, ENAMETOOLONG, file);
        }
        memcpy(path, d, (size_t)n);
        path[n] = 0;
        if (a[7] && a[7] != KR_NONE) {
            /* opener(path, flags) → an open file descriptor */
            kr_value fdv = kr_call2(vm, a[7], file, kr_small(oflags));
            int64_t v = 0;
            if (!fdv || kr_index_i64(vm, fdv, &v) < 0) {
                kr_root_reset(vm, mark);
                return KR_NULL;
            }
            if (v < 0) {
                kr_root_reset(vm, mark);
                return kr_raise(vm, KR_EXC(vm, ValueError), "opener returned %lld", (long long)v);
            }
            fd = (int)v;
        } else {
            do
                fd = open(path, oflags, 0666);
            while (fd < 0 && errno == EINTR);
            if (fd < 0) {
                kr_root_reset(vm, mark);
                return raise_oserror(vm, errno, file);
            }
        }
    }
    kr_root_reset(vm, mark);
    FILE *fp = fdopen(fd, cmode);
    if (!fp && (!kr_is_small(file) || !closefd))
        close(fd);
    if (!fp)
        return raise_oserror(vm, errno, file);
    if (buffering == 0)
        setvbuf(fp, NULL, _IONBF, 0);
    else if (buffering == 1 && !b)
        setvbuf(fp, NULL, _IOLBF, BUFSIZ);
    /* fopen succeeds on directories for reading; Python refuses them. */
    fd = fileno(fp);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        return raise_oserror(vm, EISDIR, file);
    }
    if (b && a[4] && a[4] != KR_NONE) {
        fclose(fp);
        return kr_raise(vm, KR_EXC(vm, ValueError), "binary mode doesn't take an errors argument");
    }
    if (b && a[5] && a[5] != KR_NONE) {
        fclose(fp);
        return kr_raise(vm, KR_EXC(vm, ValueError), "binary mode doesn't take a newline argument");
    }
    kr_value fv = file_new(vm, fp, file, mode, b, r || plus, w || ap || x || plus, true);
    if (!fv) {
        fclose(fp);
        return KR_NULL;
    }
    kr_file *f = KR_AS(kr_file, fv);
    f->newline = (uint8_t)newline;
    snprintf(f->encoding, sizeof f->encoding, "%s", encoding);
    snprintf(f->errors, sizeof f->errors, "%s", errors);
    f->utf8_strict = strcmp(encoding, "utf-8") == 0 && strcmp(errors, "strict") == 0;
    return fv;
}
