/* traceback.c: traceback objects and printing in CPython 3.13's format (without caret lines).
 *
 * The source-line cache (filename -> lines) lives in vm->interp_state, in buffers from the VM heap
 * (kr_mem_alloc), so it disappears with the VM. */
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "suggest.h"
#include "traceback.h"
#include "tuple.h"

typedef struct tb_file {
    char *name;       /* kr_mem_alloc'd */
    char *text;       /* whole file, kr_mem_alloc'd, NUL-terminated; NULL if unreadable */
    size_t len;
    struct tb_file *next;
} tb_file;

typedef struct tb_cache {
    tb_file *files;
    int nfiles;
} tb_cache;

int kr_tb_add(kr_vm *vm, kr_value exc, kr_value code, uint32_t pc)
{
    kr_exception *e = KR_AS(kr_exception, exc);
    /* CPython 3.12+ inlines list/set/dict comprehensions (PEP 709): they have no traceback entry.
     * Generator expressions keep theirs. */
    uint32_t cf = kr_code_of(code)->flags;
    if ((cf & KR_CODE_COMPREHENSION) && !(cf & KR_CODE_GENERATOR))
        return 0;
    kr_traceback *tb = kr_gc_alloc(vm, vm->t.traceback, sizeof(kr_traceback));
    if (!tb) {
        kr_err_clear(vm); /* keep the original exception pending: drop this entry */
        vm->exc = exc;
        return -1;
    }
    tb->next = e->traceback;
    tb->code = code;
    tb->lasti = (int32_t)pc;
    tb->lineno = kr_code_line(kr_code_of(code), pc);
    e->traceback = KR_VAL(tb);
    kr_gc_barrier(vm, KR_OBJ(exc), KR_VAL(tb));
    return 0;
}

static tb_file *tb_load(kr_vm *vm, const char *name)
{
    tb_cache *c = vm->interp_state;
    if (!c) {
        c = kr_mem_zalloc(vm, sizeof *c);
        if (!c) {
            kr_err_clear(vm);
            return NULL;
        }
        vm->interp_state = c;
    }
    for (tb_file *f = c->files; f; f = f->next)
        if (!strcmp(f->name, name))
            return f;
    tb_file *f = kr_mem_zalloc(vm, sizeof *f);
    size_t n = strlen(name);
    char *nm = f ? kr_mem_alloc(vm, n + 1) : NULL;
    if (!f || !nm) {
        kr_err_clear(vm);
        return NULL;
    }
    memcpy(nm, name, n + 1);
    f->name = nm;
    FILE *fp = name[0] != '<' ? fopen(name, "rb") : NULL;
    if (fp) {
        size_t cap = 4096, len = 0;
        char *buf = kr_mem_alloc(vm, cap);
        while (buf) {
            size_t got = fread(buf + len, 1, cap - len - 1, fp);
            len += got;
            if (got == 0)
                break;
            if (len + 1 >= cap) {
                cap *= 2;
                buf = kr_mem_realloc(vm, buf, cap);
            }
        }
        fclose(fp);
        if (buf) {
            buf[len] = 0;
            f->text = buf;
            f->len = len;
        } else {
            kr_err_clear(vm);
        }
    }
    f->next = c->files;
    c->files = f;
    c->nfiles++;
    return f;
}

/* The stripped text of line `lineno` of `filename` into buf; false if unavailable. */
static bool tb_source_line(kr_vm *vm, const char *filename, int lineno, char *buf, size_t n)
{
    tb_file *f = tb_load(vm, filename);
    if (!f || !f->text || lineno <= 0)
        return false;
    const char *p = f->text, *end = f->text + f->len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return false;
        p = nl + 1;
    }
    if (p >= end)
        return false;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e)
        e = end;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
        e--;
    size_t len = (size_t)(e - p);
    if (len >= n)
        len = n - 1;
    memcpy(buf, p, len);
    buf[len] = 0;
    return len > 0;
}

static void print_tb(kr_vm *vm, kr_value tb, FILE *out)
{
    char line[4096];
    fputs("Traceback (most recent call last):\n", out);
    /* CPython collapses more than 3 identical consecutive entries (recursion). */
    enum { CUTOFF = 3 };
    kr_code *last_code = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = KR_AS(kr_traceback, tb)->next) {
        kr_traceback *t = KR_AS(kr_traceback, tb);
        kr_code *co = kr_code_of(t->code);
        if (!last_code || t->lineno != last_line || !kr_str_equal(co->filename, last_code->filename) ||
            !kr_str_equal(co->name, last_code->name)) {
            if (cnt > CUTOFF)
                fprintf(out, "  [Previous line repeated %ld more time%s]\n", cnt - CUTOFF, cnt - CUTOFF > 1 ? "s" : "");
            last_code = co;
            last_line = t->lineno;
            cnt = 0;
        }
        if (++cnt > CUTOFF)
            continue;
        const char *fn = kr_str_data(co->filename);
        fprintf(out, "  File \"%s\", line %d, in %s\n", fn, t->lineno, kr_str_data(co->name));
        if (tb_source_line(vm, fn, t->lineno, line, sizeof line))
            fprintf(out, "    %s\n", line);
    }
    if (cnt > CUTOFF)
        fprintf(out, "  [Previous line repeated %ld more time%s]\n", cnt - CUTOFF, cnt - CUTOFF > 1 ? "s" : "");
}

static kr_value exc_attr(kr_vm *vm, kr_value exc, const char *name)
{
    kr_value v = kr_getattr_cstr(vm, exc, name);
    if (!v)
        kr_err_clear(vm);
    return v;
}

/* SyntaxError: '  File "f", line N' + the text + a caret line, then "SyntaxError: msg". */
static void print_syntax_error_location(kr_vm *vm, kr_value exc, FILE *out)
{
    kr_value fn = exc_attr(vm, exc, "filename"), ln = exc_attr(vm, exc, "lineno");
    kr_value text = exc_attr(vm, exc, "text"), off = exc_attr(vm, exc, "offset");
    kr_value eoff = exc_attr(vm, exc, "end_offset");
    if (!fn || !kr_is_str(vm, fn))
        return;
    if (ln && kr_is_small(ln))
        fprintf(out, "  File \"%s\", line %lld\n", kr_str_data(fn), (long long)kr_small_val(ln));
    else
        fprintf(out, "  File \"%s\"\n", kr_str_data(fn));
    if (text && kr_is_str(vm, text)) {
        const char *p = kr_str_data(text), *e = p + kr_str_nbytes(text);
        const char *start = p;
        while (p < e && (*p == ' ' || *p == '\t' || *p == '\f'))
            p++;
        while (e > p && (e[-1] == '\n' || e[-1] == '\r'))
            e--;
        fprintf(out, "    %.*s\n", (int)(e - p), p);
        if (off && kr_is_small(off) && kr_small_val(off) > 0) {
            long long o = kr_small_val(off) - 1 - (long long)(p - start);
            long long w = 1;
            if (eoff && kr_is_small(eoff) && kr_small_val(eoff) > kr_small_val(off))
                w = kr_small_val(eoff) - kr_small_val(off);
            if (o < 0)
                o = 0;
            if (o > e - p)
                o = e - p;
            fputs("    ", out);
            for (long long i = 0; i < o; i++)
                fputc(' ', out);
            for (long long i = 0; i < w && i < 1000; i++)
                fputc('^', out);
            fputc('\n', out);
        }
    }
}

/* PEP 678: the strings of exc.__notes__, one per line after the exception line (as CPython; a
 * __notes__ that is not a list or tuple is printed by its repr). */
static void print_notes(kr_vm *vm, kr_value exc, FILE *out)
{
    kr_value notes = exc_attr(vm, exc, "__notes__");
    if (!notes || notes == KR_NONE)
        return;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &notes);
    bool seq = kr_is_ptr(notes) && (kr_type_is_subtype(KR_OBJ(notes)->type, vm->t.list) ||
                                    kr_type_is_subtype(KR_OBJ(notes)->type, vm->t.tuple));
    if (!seq) {
        kr_value r = kr_repr(vm, notes);
        if (r)
            fprintf(out, "%s\n", kr_str_data(r));
        else
            fputs("<__notes__ repr() failed>\n", out);
        kr_err_clear(vm);
        kr_root_reset(vm, m);
        return;
    }
    /* Index each time: str() of a note may run code that changes the list. */
    for (int64_t i = 0;; i++) {
        int64_t n = kr_type_is_subtype(KR_OBJ(notes)->type, vm->t.list) ? KR_AS(kr_list, notes)->size
                                                                         : kr_tuple_size(notes);
        if (i >= n)
            break;
        kr_value note = kr_type_is_subtype(KR_OBJ(notes)->type, vm->t.list) ? KR_AS(kr_list, notes)->items[i]
                                                                            : KR_AS(kr_tuple, notes)->items[i];
        kr_value s = kr_is_str(vm, note) ? note : kr_tostr(vm, note);
        if (s) {
            fwrite(kr_str_data(s), 1, (size_t)kr_str_nbytes(s), out);
            fputc('\n', out);
        } else {
            kr_err_clear(vm);
            fputs("<note str() failed>\n", out);
        }
    }
    kr_root_reset(vm, m);
}

static void print_exc_line(kr_vm *vm, kr_value exc, FILE *out)
{
    kr_type *t = kr_type_of(vm, exc);
    kr_value mod = kr_type_lookup(vm, t, KR_NAME(vm, __module__));
    if (!(t->flags & KR_TF_HEAPTYPE))
        mod = KR_NULL;
    const char *tname = t->name_c;
    if (t->qualname && kr_is_str(vm, t->qualname))
        tname = kr_str_data(t->qualname);
    bool is_syntax = kr_type_is_subtype(t, KR_EXC(vm, SyntaxError));
    if (is_syntax)
        print_syntax_error_location(vm, exc, out);
    if (mod && kr_is_str(vm, mod) && strcmp(kr_str_data(mod), "builtins") && strcmp(kr_str_data(mod), "__main__"))
        fprintf(out, "%s.%s", kr_str_data(mod), tname);
    else
        fputs(tname, out);
    kr_value s;
    if (is_syntax) {
        s = exc_attr(vm, exc, "msg");
        if (!s || !kr_is_str(vm, s))
            s = kr_tostr(vm, exc);
    } else {
        s = kr_tostr(vm, exc);
    }
    if (!s) {
        kr_err_clear(vm);
        fputs(": <exception str() failed>\n", out);
        return;
    }
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &s);
    char hint[256]; /* ". Did you mean: 'x'?": part of the message line, as CPython prints it */
    kr_suggest_message(vm, exc, KR_AS(kr_exception, exc)->traceback != KR_NULL, hint, sizeof hint);
    kr_root_reset(vm, m);
    if (kr_str_nbytes(s) > 0 || hint[0]) {
        fputs(": ", out);
        fwrite(kr_str_data(s), 1, (size_t)kr_str_nbytes(s), out);
        fputs(hint, out);
    }
    fputc('\n', out);
    print_notes(vm, exc, out);
}

static void print_chain(kr_vm *vm, kr_value exc, FILE *out, kr_value *seen, int nseen)
{
    if (nseen >= 64)
        return;
    seen[nseen++] = exc;
    kr_exception *e = KR_AS(kr_exception, exc);
    kr_value cause = e->cause, ctx = e->context;
    bool cause_seen = false, ctx_seen = false;
    for (int i = 0; i < nseen; i++) {
        cause_seen |= seen[i] == cause;
        ctx_seen |= seen[i] == ctx;
    }
    if (cause && cause != KR_NONE && !cause_seen && kr_exc_is_instance(vm, cause)) {
        print_chain(vm, cause, out, seen, nseen);
        fputs("\nThe above exception was the direct cause of the following exception:\n\n", out);
    } else if (ctx && ctx != KR_NONE && !e->suppress_context && !ctx_seen && kr_exc_is_instance(vm, ctx)) {
        print_chain(vm, ctx, out, seen, nseen);
        fputs("\nDuring handling of the above exception, another exception occurred:\n\n", out);
    }
    if (e->traceback)
        print_tb(vm, e->traceback, out);
    print_exc_line(vm, exc, out);
}

void kr_traceback_print(kr_vm *vm, kr_value exc, FILE *out)
{
    /* Printing may run Python code (str(exc)); keep any pending exception aside. */
    kr_value pending = vm->exc;
    vm->exc = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &pending);
    kr_root_push(vm, &exc);
    if (!kr_exc_is_instance(vm, exc)) {
        kr_value s = kr_repr(vm, exc);
        fprintf(out, "%s\n", s ? kr_str_data(s) : "<unprintable>");
        kr_err_clear(vm);
    } else {
        kr_value seen[64];
        print_chain(vm, exc, out, seen, 0);
    }
    fflush(out);
    kr_root_reset(vm, m);
    vm->exc = pending;
}

void kr_tb_free_cache(kr_vm *vm)
{
    tb_cache *c = vm->interp_state;
    if (!c)
        return;
    for (tb_file *f = c->files, *n; f; f = n) {
        n = f->next;
        kr_mem_free(vm, f->name);
        kr_mem_free(vm, f->text);
        kr_mem_free(vm, f);
    }
    kr_mem_free(vm, c);
    vm->interp_state = NULL;
}

/* ---- the traceback type ---- */
static void tb_trace(kr_vm *vm, kr_object *self)
{
    kr_traceback *t = (kr_traceback *)self;
    kr_gc_mark(vm, t->next);
    kr_gc_mark(vm, t->code);
}
static kr_value tb_get_next(kr_vm *vm, kr_value self) { (void)vm; kr_value n = KR_AS(kr_traceback, self)->next; return n ? n : KR_NONE; }
static kr_value tb_get_lineno(kr_vm *vm, kr_value self) { (void)vm; return kr_small(KR_AS(kr_traceback, self)->lineno); }
static kr_value tb_get_lasti(kr_vm *vm, kr_value self) { (void)vm; return kr_small(KR_AS(kr_traceback, self)->lasti); }
static kr_value tb_get_code(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_traceback, self)->code; }
static int tb_set_next(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "can't delete tb_next attribute");
    if (v == KR_NONE)
        v = KR_NULL;
    else if (!kr_is_ptr(v) || KR_OBJ(v)->type != vm->t.traceback)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "expected traceback object or None, got '%s'", kr_typename(vm, v));
    for (kr_value c = v; c; c = KR_AS(kr_traceback, c)->next)
        if (c == self)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "traceback loop detected");
    KR_AS(kr_traceback, self)->next = v;
    kr_gc_barrier(vm, KR_OBJ(self), v);
    return 0;
}
/* tb_frame: Krait's frames live on the VM stack and are gone once an exception has unwound them, so
 * a traceback keeps only its code object and line. tb_frame returns a small read-only snapshot with
 * the frame attributes that traceback-walking code reads (f_code, f_lineno, f_lasti; f_back is None
 * because the caller chain is the traceback itself), so CPython-style code such as
 * tb.tb_frame.f_code.co_name works unmodified. The type sits in vm->t.extra[TB_FRAME_SLOT]
 * (vm->t.extra[0] is io.UnsupportedOperation, stdlib/io.c). */
#define TB_FRAME_SLOT 1
typedef struct tb_frame {
    kr_object ob;
    kr_value code;
    int32_t lineno;
    int32_t lasti;
} tb_frame;

static void tb_frame_trace(kr_vm *vm, kr_object *self) { kr_gc_mark(vm, ((tb_frame *)self)->code); }
static kr_value tb_frame_get_code(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(tb_frame, self)->code; }
static kr_value tb_frame_get_lineno(kr_vm *vm, kr_value self) { (void)vm; return kr_small(KR_AS(tb_frame, self)->lineno); }
static kr_value tb_frame_get_lasti(kr_vm *vm, kr_value self) { (void)vm; return kr_small(KR_AS(tb_frame, self)->lasti); }
static kr_value tb_frame_get_back(kr_vm *vm, kr_value self) { (void)vm; (void)self; return KR_NONE; }
static kr_value tb_frame_repr(kr_vm *vm, kr_value self)
{
    tb_frame *f = KR_AS(tb_frame, self);
    kr_code *co = kr_code_of(f->code);
    kr_value fn = kr_repr(vm, co->filename);
    if (!fn)
        return KR_NULL;
    return kr_str_fmt(vm, "<frame at %p, file %s, line %d, code %s>", (void *)KR_OBJ(self), kr_str_data(fn),
                      (int)f->lineno, kr_str_data(co->name));
}
static const kr_getset_def tb_frame_getsets[] = {
    {"f_code", tb_frame_get_code, NULL, NULL},
    {"f_lineno", tb_frame_get_lineno, NULL, NULL},
    {"f_lasti", tb_frame_get_lasti, NULL, NULL},
    {"f_back", tb_frame_get_back, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static kr_value tb_get_frame(kr_vm *vm, kr_value self)
{
    kr_traceback *t = KR_AS(kr_traceback, self);
    tb_frame *f = kr_gc_alloc(vm, vm->t.extra[TB_FRAME_SLOT], sizeof(tb_frame));
    if (!f)
        return KR_NULL;
    f->code = t->code;
    f->lineno = t->lineno;
    f->lasti = t->lasti;
    return KR_VAL(f);
}

static const kr_getset_def tb_getsets[] = {
    {"tb_frame", tb_get_frame, NULL, NULL},
    {"tb_next", tb_get_next, tb_set_next, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL},
    {"tb_code", tb_get_code, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

void kr_tb_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "traceback", vm->t.object, sizeof(kr_traceback), 0);
    t->trace = tb_trace;
    t->getsets = tb_getsets;
    vm->t.traceback = t;
    kr_type *ft = kr_type_new_builtin(vm, "frame", vm->t.object, sizeof(tb_frame), 0);
    ft->trace = tb_frame_trace;
    ft->repr = tb_frame_repr;
    ft->getsets = tb_frame_getsets;
    vm->t.extra[TB_FRAME_SLOT] = ft;
}
