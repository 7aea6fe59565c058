/* traceback.c: traceback objects and printing in CPython 3.13's format, caret lines included.
 *
 * The source-line cache (filename -> lines) lives in vm->interp_state, in buffers from the VM heap
 * (kr_mem_alloc), so it disappears with the VM. */
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "excgroup.h"
#include "frame.h"
#include "interp.h"
#include "init.h"
#include "module.h"
#include "parser.h"
#include "str.h"
#include "suggest.h"
#include "traceback.h"
#include "traceback_wide.h"
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

/* The recorded position of the instruction at pc (clamped like kr_code_line). */
static kr_code_loc tb_code_loc(const kr_code *co, int64_t pc)
{
    if (!co->ninsns)
        return (kr_code_loc){co->firstlineno, co->firstlineno, -1, -1};
    if (pc < 0)
        pc = 0;
    if ((uint64_t)pc >= co->ninsns)
        pc = (int64_t)co->ninsns - 1;
    return co->locs[pc];
}

_Static_assert(sizeof(kr_traceback) <= 16 * KR_GC_POOL_CLASSES, "kr_tb_add takes its entries from the small-object pool");

int kr_tb_add(kr_vm *vm, kr_value exc, kr_value code, uint32_t pc)
{
    kr_exception *e = KR_AS(kr_exception, exc);
    kr_code_loc loc = tb_code_loc(kr_code_of(code), pc);
    /* CPython 3.12+ inlines list/set/dict comprehensions (PEP 709): they have no traceback entry,
     * and the caller's entry shows the position inside the comprehension. A comprehension frame
     * leaves a provisional entry (or keeps the one of a comprehension nested in it) that the caller's
     * entry absorbs. Generator expressions keep their entries. */
    uint32_t cf = kr_code_of(code)->flags;
    bool inlined = (cf & KR_CODE_COMPREHENSION) && !(cf & KR_CODE_GENERATOR);
    kr_value head = e->traceback;
    if (head && KR_AS(kr_traceback, head)->inlined) {
        if (inlined)
            return 0;
        loc = KR_AS(kr_traceback, head)->loc;
        head = KR_AS(kr_traceback, head)->next;
    }
    kr_traceback *tb = kr_gc_alloc_small(vm, vm->t.traceback, sizeof(kr_traceback)); /* one per frame per raise */
    if (!tb) {
        kr_err_clear(vm); /* keep the original exception pending: drop this entry */
        vm->exc = exc;
        return -1;
    }
    tb->next = head;
    tb->code = code;
    tb->lasti = (int32_t)pc;
    tb->loc = loc;
    tb->lineno = loc.lineno;
    tb->inlined = inlined;
    e->traceback = KR_VAL(tb);
    kr_gc_barrier(vm, KR_OBJ(exc), KR_VAL(tb));
    return 0;
}

static tb_file *tb_load(kr_vm *vm, const char *name);

void kr_traceback_register_source(kr_vm *vm, const char *name, const char *text, size_t len)
{
    tb_file *f = tb_load(vm, name);
    char *copy = f ? kr_mem_alloc(vm, len + 1) : NULL;
    if (!copy) {
        kr_err_clear(vm); /* tracebacks just go without these source lines */
        return;
    }
    memcpy(copy, text, len);
    copy[len] = 0;
    if (f->text)
        kr_mem_free(vm, f->text);
    f->text = copy;
    f->len = len;
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

/* ---- the source lines of a frame, with CPython 3.13's caret lines ----
 *
 * A port of traceback.py's StackSummary.format_frame_summary (the part after the "File" line),
 * _should_show_carets, _extract_caret_anchors_from_line_segment, _byte_offset_to_character_offset,
 * _display_width and the textwrap.dedent/indent it applies. Text is handled as arrays of code points
 * so that the Python string indexing of the original maps one to one; positions from the compiler
 * and the parser are UTF-8 byte offsets and are converted exactly where CPython converts them.
 * The Python traceback module calls this through _traceback._format_source: one implementation.
 *
 * Temporaries live in one kr_ast_arena (also the parser's), freed at the end; any allocation
 * failure degrades to the output CPython gives without columns. Deliberate simplifications: lines
 * are split on '\n' only (CPython's str.splitlines also splits on \f, \v, \x1c-\x1e, \x85, U+2028/9
 * inside a line) and invalid UTF-8 decodes to U+FFFD per byte. */

typedef struct tb_buf {
    char *p;
    size_t n, cap;
    bool failed;
} tb_buf;

static void buf_put(tb_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->n + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void buf_cp(tb_buf *b, uint32_t c)
{
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    buf_put(b, u, n);
}

static void buf_cps(tb_buf *b, const uint32_t *s, int32_t n)
{
    for (int32_t i = 0; i < n; i++)
        buf_cp(b, s[i]);
}

static int utf8_len(uint32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

/* A line of code points (no newline). */
typedef struct tb_line {
    const uint32_t *c;
    int32_t n;
} tb_line;

/* Decodes UTF-8 into code points in the arena (invalid bytes -> U+FFFD each). */
static bool tb_decode(kr_ast_arena *a, const char *s, size_t len, tb_line *out)
{
    uint32_t *c = kr_ast_arena_alloc(a, (len + 1) * sizeof *c);
    if (!c)
        return false;
    int32_t n = 0;
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    while (p < e) {
        uint32_t ch = *p;
        int k = ch < 0x80 ? 0 : (ch & 0xE0) == 0xC0 ? 1 : (ch & 0xF0) == 0xE0 ? 2 : (ch & 0xF8) == 0xF0 ? 3 : -1;
        if (k < 0 || e - p <= k) {
            c[n++] = k == 0 ? ch : 0xFFFD;
            p++;
            continue;
        }
        uint32_t v = k == 0 ? ch : k == 1 ? ch & 0x1F : k == 2 ? ch & 0x0F : ch & 0x07;
        bool ok = true;
        for (int i = 1; i <= k; i++) {
            if ((p[i] & 0xC0) != 0x80)
                ok = false;
            v = (v << 6) | (p[i] & 0x3F);
        }
        if (!ok || v > 0x10FFFF) {
            c[n++] = 0xFFFD;
            p++;
            continue;
        }
        c[n++] = v;
        p += k + 1;
    }
    out->c = c;
    out->n = n;
    return true;
}

/* The UTF-8 bytes of s[0..n) in the arena, NUL-terminated. */
static char *tb_encode(kr_ast_arena *a, const uint32_t *s, int32_t n, size_t *len)
{
    size_t m = 0;
    for (int32_t i = 0; i < n; i++)
        m += (size_t)utf8_len(s[i]);
    tb_buf b = {0};
    char *out = kr_ast_arena_alloc(a, m + 1);
    if (!out)
        return NULL;
    buf_cps(&b, s, n);
    if (b.failed) {
        free(b.p);
        return NULL;
    }
    if (m)
        memcpy(out, b.p, m);
    free(b.p);
    *len = m;
    return out;
}

/* _byte_offset_to_character_offset: len(line.encode()[:off].decode(errors="replace")); a cut
 * through a character's bytes decodes to one U+FFFD. Negative offsets slice from the end. */
static int32_t tb_byte_to_char(tb_line l, int64_t off)
{
    int64_t total = 0;
    for (int32_t i = 0; i < l.n; i++)
        total += utf8_len(l.c[i]);
    if (off < 0)
        off = off + total < 0 ? 0 : off + total;
    int64_t at = 0;
    int32_t i = 0;
    for (; i < l.n && at < off; i++)
        at += utf8_len(l.c[i]);
    return i;
}

static bool tb_is_wide(uint32_t c)
{
    size_t lo = 0, hi = sizeof tb_wide_ranges / sizeof tb_wide_ranges[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < tb_wide_ranges[mid][0])
            hi = mid;
        else if (c > tb_wide_ranges[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

/* _display_width(line, offset): offset itself for an ASCII line (even past its end), else the
 * columns of line[:offset] with wide characters counting two. offset < 0: the whole line. */
static int64_t tb_display_width(tb_line l, int64_t off)
{
    if (off < 0)
        off = l.n;
    bool ascii = true;
    for (int32_t i = 0; i < l.n && ascii; i++)
        ascii = l.c[i] < 0x80;
    if (ascii)
        return off;
    int64_t w = 0;
    for (int32_t i = 0; i < l.n && i < off; i++)
        w += tb_is_wide(l.c[i]) ? 2 : 1;
    return w;
}

static int32_t tb_lstrip_count(tb_line l)
{
    int32_t i = 0;
    while (i < l.n && kr_unicode_isspace(l.c[i]))
        i++;
    return i;
}

/* Splits s[0..n) at '\n' like str.splitlines (no trailing empty piece) into an arena array. */
static int tb_split(kr_ast_arena *a, const uint32_t *s, int32_t n, tb_line **out)
{
    int cnt = 1;
    for (int32_t i = 0; i < n; i++)
        cnt += s[i] == '\n';
    tb_line *ls = kr_ast_arena_alloc(a, (size_t)cnt * sizeof *ls);
    if (!ls)
        return -1;
    int k = 0;
    int32_t start = 0;
    for (int32_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\n') {
            if (i < n || i > start)
                ls[k++] = (tb_line){s + start, i - start};
            start = i + 1;
        }
    }
    *out = ls;
    return k;
}

/* textwrap.dedent over lines (each treated as ending in '\n'): lines of only blanks and tabs become
 * empty, then the longest common leading [ \t]* of the other lines is removed. In place. */
static void tb_dedent(tb_line *ls, int n)
{
    const uint32_t *margin = NULL;
    int32_t mlen = 0;
    for (int i = 0; i < n; i++) {
        int32_t j = 0;
        while (j < ls[i].n && (ls[i].c[j] == ' ' || ls[i].c[j] == '\t'))
            j++;
        if (j == ls[i].n) {
            ls[i].n = 0;
            continue;
        }
        if (!margin) {
            margin = ls[i].c;
            mlen = j;
        } else {
            int32_t k = 0;
            while (k < mlen && k < j && margin[k] == ls[i].c[k])
                k++;
            mlen = k;
        }
    }
    for (int i = 0; i < n && mlen > 0; i++)
        if (ls[i].n >= mlen && !memcmp(ls[i].c, margin, (size_t)mlen * sizeof(uint32_t))) {
            ls[i].c += mlen;
            ls[i].n -= mlen;
        }
}

/* ---- the anchors: _extract_caret_anchors_from_line_segment ---- */
typedef struct tb_anchors {
    int left_line;
    int64_t left_off;
    int right_line;
    int64_t right_off;
    char primary, secondary;
} tb_anchors;

typedef struct tb_seg {
    tb_line *l;
    int n;
} tb_seg;

/* next_valid_char; false where CPython's assert fails. */
static bool seg_valid(const tb_seg *s, int *ln, int64_t *col)
{
    if (*ln < 0)
        return false;
    while (*ln < s->n && *col >= s->l[*ln].n) {
        *col = 0;
        (*ln)++;
    }
    return *ln < s->n && *col < s->l[*ln].n;
}

/* normalize: a byte offset of the parser into a character index of segment line ln. */
static bool seg_norm(const tb_seg *s, int ln, int64_t off, int64_t *out)
{
    if (ln < 0 || ln >= s->n)
        return false;
    *out = tb_byte_to_char(s->l[ln], off);
    return true;
}

enum { STOP_OPERATOR, STOP_LBRACKET, STOP_LPAREN };

/* increment_until: the next character satisfying stop, skipping the rest of a line at '\\' or '#'. */
static bool seg_until(const tb_seg *s, int *ln, int64_t *col, int stop)
{
    for (;;) {
        uint32_t ch = s->l[*ln].c[*col];
        bool hit = stop == STOP_OPERATOR ? !kr_unicode_isspace(ch) && ch != ')'
                   : stop == STOP_LBRACKET ? ch == '['
                                           : ch == '(';
        if (ch == '\\' || ch == '#') {
            (*ln)++;
            *col = 0;
        } else if (!hit) {
            (*col)++;
        } else {
            return true;
        }
        if (!seg_valid(s, ln, col))
            return false;
    }
}

/* setup_positions: the end of e (lines counted in the segment: the wrapper adds "(\n"). */
static bool seg_end_of(const tb_seg *s, const kr_ast_expr *e, bool force_valid, int *ln, int64_t *col)
{
    *ln = e->end_lineno - 2;
    if (!seg_norm(s, *ln, e->end_col_offset, col))
        return false;
    return force_valid ? seg_valid(s, ln, col) : true;
}

static bool tb_find_anchors(kr_ast_arena *a, const uint32_t *seg, int32_t nseg, tb_anchors *out)
{
    /* "(\n" + segment + "\n)": a (possibly multi-line) expression */
    uint32_t *w = kr_ast_arena_alloc(a, ((size_t)nseg + 4) * sizeof *w);
    if (!w)
        return false;
    w[0] = '(';
    w[1] = '\n';
    memcpy(w + 2, seg, (size_t)nseg * sizeof *w);
    w[nseg + 2] = '\n';
    w[nseg + 3] = ')';
    size_t len;
    char *src = tb_encode(a, w, nseg + 4, &len);
    if (!src)
        return false;
    kr_syntax_error err;
    kr_ast_mod *mod = kr_parse(a, src, len, "<traceback>", KR_PARSE_FILE, &err);
    if (!mod || mod->kind != KR_AST_MOD_MODULE || mod->v.Module.n_body != 1)
        return false;
    kr_ast_stmt *st = mod->v.Module.body[0];
    if (st->kind != KR_AST_STMT_EXPR)
        return false;
    kr_ast_expr *e = st->v.Expr.value;
    tb_seg s;
    s.n = tb_split(a, seg, nseg, &s.l);
    if (s.n < 0)
        return false;
    out->primary = '~';
    out->secondary = '^';
    int ln;
    int64_t col;
    switch (e->kind) {
    case KR_AST_EXPR_BINOP: {
        /* the operator: the first character after the left operand that is neither blank nor ')';
         * one or two characters long, before the right operand */
        if (!seg_end_of(&s, e->v.BinOp.left, true, &ln, &col) || !seg_until(&s, &ln, &col, STOP_OPERATOR))
            return false;
        int64_t right_col = col + 1;
        if (right_col < s.l[ln].n) {
            const kr_ast_expr *r = e->v.BinOp.right;
            int64_t rc = 0;
            bool before_right = r->lineno - 2 > ln;
            if (!before_right) {
                if (!seg_norm(&s, r->lineno - 2, r->col_offset, &rc))
                    return false;
                before_right = right_col < rc;
            }
            uint32_t ch = s.l[ln].c[right_col];
            if (before_right && !kr_unicode_isspace(ch) && ch != '\\' && ch != '#')
                right_col++;
        }
        *out = (tb_anchors){ln, col, ln, right_col, '~', '^'};
        return true;
    }
    case KR_AST_EXPR_SUBSCRIPT:
    case KR_AST_EXPR_CALL: {
        /* from the opening bracket after the value / callee to the end of the expression */
        bool sub = e->kind == KR_AST_EXPR_SUBSCRIPT;
        const kr_ast_expr *left = sub ? e->v.Subscript.value : e->v.Call.func;
        if (!seg_end_of(&s, left, true, &ln, &col) ||
            !seg_until(&s, &ln, &col, sub ? STOP_LBRACKET : STOP_LPAREN))
            return false;
        int rln;
        int64_t rcol;
        if (!seg_end_of(&s, e, false, &rln, &rcol))
            return false;
        *out = (tb_anchors){ln, col, rln, rcol, '~', '^'};
        return true;
    }
    default:
        return false;
    }
}

/* _should_show_carets: not when the instruction is the whole of `x = f(...)` / `return f(...)`
 * (f a plain name), else when there are anchors or the instruction is not the whole line. The
 * comparison of the parser's byte columns with character offsets is CPython's. */
static bool tb_show_carets(kr_ast_arena *a, tb_line *all, int n, int64_t start, int64_t end, bool anchors)
{
    size_t total = 0;
    for (int i = 0; i < n; i++)
        total += (size_t)all[i].n + 1;
    uint32_t *j = kr_ast_arena_alloc(a, (total + 1) * sizeof *j);
    if (j) {
        size_t k = 0;
        for (int i = 0; i < n; i++) {
            if (i)
                j[k++] = '\n';
            memcpy(j + k, all[i].c, (size_t)all[i].n * sizeof *j);
            k += (size_t)all[i].n;
        }
        size_t len;
        char *src = tb_encode(a, j, (int32_t)k, &len);
        kr_syntax_error err;
        kr_ast_mod *mod = src ? kr_parse(a, src, len, "<traceback>", KR_PARSE_FILE, &err) : NULL;
        if (mod && mod->kind == KR_AST_MOD_MODULE) {
            if (mod->v.Module.n_body == 0)
                return false;
            kr_ast_stmt *st = mod->v.Module.body[0];
            const kr_ast_expr *v = NULL;
            if (st->kind == KR_AST_STMT_RETURN && st->v.Return.value &&
                st->v.Return.value->kind == KR_AST_EXPR_CALL &&
                st->v.Return.value->v.Call.func->kind == KR_AST_EXPR_NAME)
                v = st->v.Return.value;
            else if (st->kind == KR_AST_STMT_ASSIGN && st->v.Assign.value->kind == KR_AST_EXPR_CALL &&
                     st->v.Assign.n_targets == 1 && st->v.Assign.targets[0]->kind == KR_AST_EXPR_NAME)
                v = st->v.Assign.value;
            if (v && v->lineno == 1 && v->end_lineno == n && v->col_offset == start && v->end_col_offset == end)
                return false;
        }
    }
    if (anchors)
        return true;
    tb_line f = all[0], l = all[n - 1];
    int64_t s0 = start < f.n ? start : f.n;
    if (tb_lstrip_count((tb_line){f.c, (int32_t)s0}) < s0)
        return true;
    for (int64_t i = end < 0 ? 0 : end; i < l.n; i++)
        if (!kr_unicode_isspace(l.c[i]))
            return true;
    return false;
}

/* One source line and, when carets are shown, its caret line (format_frame_summary's output_line). */
static void tb_output_line(tb_buf *b, tb_line *all, int n, int i, bool carets, const tb_anchors *an,
                           int64_t dp_start, int64_t dp_end, int64_t left_off, int64_t right_off)
{
    buf_cps(b, all[i].c, all[i].n);
    buf_put(b, "\n", 1);
    if (!carets)
        return;
    int64_t spaces = tb_lstrip_count(all[i]);
    int64_t ncar = i == n - 1 ? dp_end : tb_display_width(all[i], -1);
    for (int64_t col = 0; col < ncar; col++) {
        char ch;
        if (col < spaces || (i == 0 && col < dp_start))
            ch = ' ';
        else if (an && (i > an->left_line || (i == an->left_line && col >= left_off)) &&
                 (i < an->right_line || (i == an->right_line && col < right_off)))
            ch = an->secondary;
        else
            ch = an ? an->primary : '^';
        buf_put(b, &ch, 1);
    }
    buf_put(b, "\n", 1);
}

/* Appends to out what CPython 3.13's format_frame_summary prints after the "File" line for an
 * instruction at lines lineno..end_lineno, columns col..end_col (UTF-8 bytes; < 0: unknown). */
static void tb_format_source(kr_vm *vm, const char *filename, int lineno, int end_lineno, int col, int end_col,
                             tb_buf *out)
{
    tb_file *f = tb_load(vm, filename);
    if (!f || !f->text || lineno <= 0 || end_lineno < lineno)
        return;
    kr_ast_arena *a = kr_ast_arena_create();
    if (!a)
        return;
    tb_buf res = {0}; /* the lines before the final dedent */
    int n = end_lineno - lineno + 1;
    tb_line *orig = kr_ast_arena_alloc(a, (size_t)n * sizeof *orig);
    tb_line *all = kr_ast_arena_alloc(a, (size_t)n * sizeof *all);
    if (!orig || !all)
        goto done;
    /* the lines, each rstripped (linecache.getline(...).rstrip(); '' past the end of the file) */
    const char *p = f->text, *end = f->text + f->len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    bool any = false;
    for (int i = 0; i < n; i++) {
        const char *e = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
        if (!e)
            e = end;
        if (!tb_decode(a, p, (size_t)(e - p), &orig[i]))
            goto done;
        while (orig[i].n > 0 && kr_unicode_isspace(orig[i].c[orig[i].n - 1]))
            orig[i].n--;
        any |= orig[i].n > 0;
        p = e < end ? e + 1 : end;
    }
    if (!any) /* CPython: `if frame_summary._dedented_lines.strip()` */
        goto done;
    memcpy(all, orig, (size_t)n * sizeof *all);
    tb_dedent(all, n);
    if (col < 0 || end_col < 0) {
        /* no columns: the first line, stripped */
        tb_line l = orig[0];
        int32_t s = tb_lstrip_count(l);
        if (s < l.n) {
            buf_put(out, "    ", 4);
            buf_cps(out, l.c + s, l.n - s);
        }
        buf_put(out, "\n", 1);
        goto done;
    }
    int64_t start = tb_byte_to_char(orig[0], col), stop = tb_byte_to_char(orig[n - 1], end_col);
    int64_t dedented = orig[0].n - all[0].n; /* applied to the last line too, as CPython does */
    start = start - dedented > 0 ? start - dedented : 0;
    stop = stop - dedented > 0 ? stop - dedented : 0;
    int64_t dp_start = tb_display_width(all[0], start), dp_end = tb_display_width(all[n - 1], stop);

    /* segment = "\n".join(all)[start : len - (len(all[-1]) - stop)] with Python's slice clamping */
    int64_t total = n - 1;
    for (int i = 0; i < n; i++)
        total += all[i].n;
    uint32_t *joined = kr_ast_arena_alloc(a, ((size_t)total + 1) * sizeof *joined);
    if (!joined)
        goto done;
    int64_t k = 0;
    for (int i = 0; i < n; i++) {
        if (i)
            joined[k++] = '\n';
        memcpy(joined + k, all[i].c, (size_t)all[i].n * sizeof *joined);
        k += all[i].n;
    }
    int64_t s0 = start < total ? start : total, s1 = total - (all[n - 1].n - stop);
    if (s1 > total)
        s1 = total;
    if (s1 < s0)
        s1 = s0;
    tb_anchors an;
    bool has_anchors = tb_find_anchors(a, joined + s0, (int32_t)(s1 - s0), &an);
    bool carets = tb_show_carets(a, all, n, start, stop, has_anchors);

    int64_t left_off = 0, right_off = 0;
    bool *sig = kr_ast_arena_alloc(a, (size_t)n * sizeof *sig);
    if (!sig)
        goto done;
    sig[0] = sig[n - 1] = true;
    if (has_anchors) {
        left_off = an.left_off + (an.left_line == 0 ? start : 0);
        right_off = an.right_off + (an.right_line == 0 ? start : 0);
        left_off = tb_display_width(all[an.left_line], left_off);
        right_off = tb_display_width(all[an.right_line], right_off);
        for (int d = -1; d <= 1; d++) {
            if (an.left_line + d >= 0 && an.left_line + d < n)
                sig[an.left_line + d] = true;
            if (an.right_line + d >= 0 && an.right_line + d < n)
                sig[an.right_line + d] = true;
        }
    }
    /* significant lines; one skipped line is shown, more become "...<N lines>..." */
    int prev = -1;
    for (int i = 0; i < n; i++) {
        if (!sig[i])
            continue;
        if (prev >= 0) {
            int diff = i - prev;
            if (diff == 2) {
                tb_output_line(&res, all, n, i - 1, carets, has_anchors ? &an : NULL, dp_start, dp_end, left_off,
                               right_off);
            } else if (diff > 2) {
                char m[48];
                int mn = snprintf(m, sizeof m, "...<%d lines>...\n", diff - 1);
                buf_put(&res, m, (size_t)mn);
            }
        }
        tb_output_line(&res, all, n, i, carets, has_anchors ? &an : NULL, dp_start, dp_end, left_off, right_off);
        prev = i;
    }
    /* textwrap.indent(textwrap.dedent(result), '    ', lambda line: True) */
    if (!res.failed && res.n) {
        tb_line whole;
        tb_line *rl;
        int rn;
        if (tb_decode(a, res.p, res.n, &whole) && (rn = tb_split(a, whole.c, whole.n, &rl)) >= 0) {
            tb_dedent(rl, rn);
            for (int i = 0; i < rn; i++) {
                buf_put(out, "    ", 4);
                buf_cps(out, rl[i].c, rl[i].n);
                buf_put(out, "\n", 1);
            }
        }
    }
done:
    free(res.p);
    kr_ast_arena_free(a);
}

static void print_tb(kr_vm *vm, kr_value tb, FILE *out)
{
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
        /* tb_lineno can be assigned to nothing else: t->loc.lineno == t->lineno */
        tb_buf src = {0};
        tb_format_source(vm, fn, t->lineno, t->loc.end_lineno, t->loc.col, t->loc.end_col, &src);
        if (src.n && !src.failed)
            fwrite(src.p, 1, src.n, out);
        free(src.p);
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

/* SyntaxError: '  File "f", line N' + the text + a caret line, then "SyntaxError: msg": CPython
 * 3.13's TracebackException._format_syntax_error. Offsets are 1-based character offsets into
 * exc.text; the caret line keeps the text's tabs before the error so that it lines up. */
static void print_syntax_error_location(kr_vm *vm, kr_value exc, FILE *out)
{
    kr_value fn = exc_attr(vm, exc, "filename"), ln = exc_attr(vm, exc, "lineno");
    kr_value eln = exc_attr(vm, exc, "end_lineno");
    kr_value text = exc_attr(vm, exc, "text"), off = exc_attr(vm, exc, "offset");
    kr_value eoff = exc_attr(vm, exc, "end_offset");
    if (!fn || !kr_is_str(vm, fn))
        return;
    if (ln && kr_is_small(ln))
        fprintf(out, "  File \"%s\", line %lld\n", kr_str_nbytes(fn) ? kr_str_data(fn) : "<string>",
                (long long)kr_small_val(ln));
    else
        fprintf(out, "  File \"%s\"\n", kr_str_data(fn));
    if (!text || !kr_is_str(vm, text))
        return;
    kr_ast_arena *a = kr_ast_arena_create();
    tb_line t;
    if (!a || !tb_decode(a, kr_str_data(text), (size_t)kr_str_nbytes(text), &t)) {
        kr_ast_arena_free(a);
        return;
    }
    tb_line r = t; /* rtext = text.rstrip('\n'); ltext = rtext.lstrip(' \n\f') */
    while (r.n > 0 && r.c[r.n - 1] == '\n')
        r.n--;
    tb_line l = r;
    while (l.n > 0 && (l.c[0] == ' ' || l.c[0] == '\n' || l.c[0] == '\f')) {
        l.c++;
        l.n--;
    }
    int64_t spaces = r.n - l.n;
    tb_buf b = {0};
    buf_put(&b, "    ", 4);
    buf_cps(&b, l.c, l.n);
    buf_put(&b, "\n", 1);
    if (off && kr_is_small(off)) {
        int64_t o = kr_small_val(off), eo;
        bool same_line = (!ln || ln == KR_NONE) ? (!eln || eln == KR_NONE)
                                                : (eln && kr_is_small(ln) && kr_is_small(eln) && ln == eln);
        if (same_line)
            eo = eoff && kr_is_small(eoff) && kr_small_val(eoff) != 0 ? kr_small_val(eoff) : o;
        else
            eo = r.n + 1;
        if (t.n && o > t.n)
            o = r.n + 1;
        if (t.n && eo > t.n)
            eo = r.n + 1;
        if (o >= eo || eo < 0)
            eo = o + 1;
        int64_t col = o - 1 - spaces, ecol = eo - 1 - spaces;
        if (col >= 0) {
            buf_put(&b, "    ", 4);
            for (int64_t i = 0; i < col && i < l.n; i++)
                buf_cp(&b, kr_unicode_isspace(l.c[i]) ? l.c[i] : ' ');
            for (int64_t i = col; i < ecol; i++)
                buf_put(&b, "^", 1);
            buf_put(&b, "\n", 1);
        }
    }
    if (!b.failed)
        fwrite(b.p, 1, b.n, out);
    free(b.p);
    kr_ast_arena_free(a);
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

/* ---- chains and exception groups ----------------------------------------------------------------
 * CPython 3.13's TracebackException.format: an exception's chain (causes and contexts, oldest first,
 * each exception at most once), and for an exception group its sub-exceptions in numbered boxes, each
 * line of a box prefixed by its depth's indent and a margin ("| ", or "+ " on a top-level group's first
 * line). At most 15 sub-exceptions per group are shown and groups nest at most 10 deep. */
enum { TB_MAX_GROUP_WIDTH = 15, TB_MAX_GROUP_DEPTH = 10, TB_MAX_SEEN = 256, TB_MAX_CHAIN = 64 };

typedef struct tb_ctx {
    FILE *out;
    int depth;       /* of exception groups around what is printed now */
    bool need_close; /* the current box's closing line is still to come */
    kr_value seen[TB_MAX_SEEN];
    int nseen;
} tb_ctx;

/* text (several lines) with the context's indent and margin in front of every line */
static void tb_emit(tb_ctx *c, const char *text, size_t n, char margin)
{
    if (c->depth == 0) {
        fwrite(text, 1, n, c->out);
        return;
    }
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && text[j] != '\n')
            j++;
        if (j < n)
            j++;
        fprintf(c->out, "%*s%c ", 2 * c->depth, "", margin);
        fwrite(text + i, 1, j - i, c->out);
        i = j;
    }
}

static void tb_emit_str(tb_ctx *c, const char *text, char margin) { tb_emit(c, text, strlen(text), margin); }

/* What fn prints about v, through tb_emit (a memory stream when the text needs margins). */
static void tb_emit_printed(kr_vm *vm, tb_ctx *c, void (*fn)(kr_vm *, kr_value, FILE *), kr_value v)
{
    if (c->depth == 0) {
        fn(vm, v, c->out);
        return;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
        fn(vm, v, c->out);
        return;
    }
    fn(vm, v, mem);
    fclose(mem);
    tb_emit(c, buf, len, '|');
    free(buf);
}

static bool tb_seen(tb_ctx *c, kr_value e)
{
    for (int i = 0; i < c->nseen; i++)
        if (c->seen[i] == e)
            return true;
    return false;
}

static void tb_mark_seen(tb_ctx *c, kr_value e)
{
    if (c->nseen < TB_MAX_SEEN)
        c->seen[c->nseen++] = e;
}

static void print_exception_tree(kr_vm *vm, tb_ctx *c, kr_value exc);

static void print_group(kr_vm *vm, tb_ctx *c, kr_value exc)
{
    kr_exception *e = KR_AS(kr_exception, exc);
    bool toplevel = c->depth == 0;
    if (toplevel)
        c->depth++;
    if (e->traceback) {
        tb_emit_str(c, "Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
        tb_emit_printed(vm, c, print_tb, e->traceback);
    }
    tb_emit_printed(vm, c, print_exc_line, exc);
    kr_value excs = KR_AS(kr_excgroup, exc)->excs;
    int64_t n = excs ? kr_tuple_size(excs) : 0, shown = n <= TB_MAX_GROUP_WIDTH ? n : TB_MAX_GROUP_WIDTH + 1;
    c->need_close = false;
    for (int64_t i = 0; i < shown; i++) {
        bool last = i == shown - 1, truncated = i >= TB_MAX_GROUP_WIDTH;
        if (last)
            c->need_close = true; /* unless a nested group closes the box itself */
        char title[32];
        if (truncated)
            snprintf(title, sizeof title, "...");
        else
            snprintf(title, sizeof title, "%lld", (long long)i + 1);
        fprintf(c->out, "%*s%s+---------------- %s ----------------\n", 2 * c->depth, "", i == 0 ? "+-" : "  ",
                title);
        c->depth++;
        if (!truncated) {
            print_exception_tree(vm, c, kr_tuple_items(excs)[i]);
        } else {
            char more[64];
            int64_t rem = n - TB_MAX_GROUP_WIDTH;
            snprintf(more, sizeof more, "and %lld more exception%s\n", (long long)rem, rem > 1 ? "s" : "");
            tb_emit_str(c, more, '|');
        }
        if (last && c->need_close) {
            fprintf(c->out, "%*s+------------------------------------\n", 2 * c->depth, "");
            c->need_close = false;
        }
        c->depth--;
    }
    if (toplevel)
        c->depth = 0;
}

static void print_exception_tree(kr_vm *vm, tb_ctx *c, kr_value exc)
{
    /* the chain, newest first: each entry is printed after the ones it was caused by / raised during */
    kr_value chain[TB_MAX_CHAIN];
    const char *msgs[TB_MAX_CHAIN];
    int n = 0;
    tb_mark_seen(c, exc);
    for (kr_value cur = exc; cur && n < TB_MAX_CHAIN;) {
        kr_exception *e = KR_AS(kr_exception, cur);
        kr_value next = KR_NULL;
        const char *msg = NULL;
        if (e->cause && e->cause != KR_NONE && kr_exc_is_instance(vm, e->cause) && !tb_seen(c, e->cause)) {
            next = e->cause;
            msg = "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (e->context && e->context != KR_NONE && !e->suppress_context && kr_exc_is_instance(vm, e->context) &&
                   !tb_seen(c, e->context)) {
            next = e->context;
            msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
        chain[n] = cur;
        msgs[n++] = msg;
        if (next)
            tb_mark_seen(c, next);
        cur = next;
    }
    for (int i = n - 1; i >= 0; i--) {
        kr_value cur = chain[i];
        /* msgs[i] links chain[i] to the older chain[i + 1] printed just before it */
        if (msgs[i] && i < n - 1)
            tb_emit_str(c, msgs[i], '|');
        if (!kr_excgroup_check(vm, cur)) {
            if (KR_AS(kr_exception, cur)->traceback) {
                tb_emit_str(c, "Traceback (most recent call last):\n", '|');
                tb_emit_printed(vm, c, print_tb, KR_AS(kr_exception, cur)->traceback);
            }
            tb_emit_printed(vm, c, print_exc_line, cur);
        } else if (c->depth > TB_MAX_GROUP_DEPTH) {
            char msg[64];
            snprintf(msg, sizeof msg, "... (max_group_depth is %d)\n", TB_MAX_GROUP_DEPTH);
            tb_emit_str(c, msg, '|');
        } else {
            print_group(vm, c, cur);
        }
    }
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
        tb_ctx *c = calloc(1, sizeof *c);
        if (c) {
            c->out = out;
            print_exception_tree(vm, c, exc);
            free(c);
        }
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

/* ---- the _traceback module: the same rules for stdlib/lib/traceback.py ----
 *   _format_source(filename, lineno, end_lineno, colno, end_colno): what format_frame_summary
 *       prints after the "File" line (source lines, caret lines), '' when the source is unavailable;
 *       colno/end_colno None: no columns (the first line only).
 *   _tb_position(tb): (lineno, end_lineno, colno, end_colno) of a traceback entry (CPython's
 *       co_positions()[tb_lasti // 2], with an inlined comprehension's position as CPython has it). */
static bool tb_int_arg(kr_vm *vm, kr_value v, int64_t *out)
{
    if (v == KR_NONE) {
        *out = -1;
        return true;
    }
    return kr_index_i64(vm, v, out) == 0;
}

static kr_value tbmod_format_source(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "_format_source", nargs, 5, 5) < 0 || kr_args_no_kw(vm, "_format_source", kwnames) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "_format_source() argument 1 must be str, not %s",
                        kr_typename(vm, args[0]));
    int64_t v[4];
    for (int i = 0; i < 4; i++)
        if (!tb_int_arg(vm, args[i + 1], &v[i]))
            return KR_NULL;
    for (int i = 0; i < 4; i++)
        if (v[i] > INT32_MAX || v[i] < -1)
            v[i] = -1;
    if (v[1] < 0)
        v[1] = v[0];
    tb_buf b = {0};
    tb_format_source(vm, kr_str_data(args[0]), (int)v[0], (int)v[1], (int)v[2], (int)v[3], &b);
    if (b.failed) {
        free(b.p);
        return kr_raise(vm, KR_EXC(vm, MemoryError), "out of memory formatting a traceback");
    }
    kr_value r = kr_str_new(vm, b.p ? b.p : "", b.n);
    free(b.p);
    return r;
}

static kr_value tbmod_tb_position(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "_tb_position", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "_tb_position", kwnames) < 0)
        return KR_NULL;
    if (!kr_is_ptr(args[0]) || KR_OBJ(args[0])->type != vm->t.traceback)
        return kr_raise(vm, KR_EXC(vm, TypeError), "_tb_position() argument must be a traceback, not %s",
                        kr_typename(vm, args[0]));
    kr_traceback *t = KR_AS(kr_traceback, args[0]);
    kr_code_loc l = t->loc;
    return kr_tuple_pack(vm, 4, kr_small(t->lineno), kr_small(l.end_lineno), l.col >= 0 ? kr_small(l.col) : KR_NONE,
                         l.end_col >= 0 ? kr_small(l.end_col) : KR_NONE);
}

static const kr_method_def tbmod_functions[] = {
    {"_format_source", tbmod_format_source, KR_METH_STATIC, NULL},
    {"_tb_position", tbmod_tb_position, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_traceback_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_traceback");
    if (!m || kr_module_add_functions(vm, m, tbmod_functions) < 0)
        return KR_NULL;
    return m;
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
/* Frame objects. Krait's frames live on the VM stack (or in a generator) and are gone once they
 * return, so Python code never holds a live frame: a frame object is a read-only SNAPSHOT taken when it
 * is asked for.
 * - tb.tb_frame: f_code, f_lineno, f_lasti of the traceback entry; f_back is None (the caller chain is
 *   the traceback itself) and f_globals/f_locals are None (the frame may be long gone).
 * - sys._getframe(depth): the whole caller chain, snapshotted at the call (kr_tb_frame_stack): f_code,
 *   f_lineno, f_lasti, f_globals, f_builtins, f_locals (the namespace dict of module and class frames;
 *   a dict built from the slots for function frames, as locals() does), f_back.
 * Compiled code flushes locals to the frame before every call (compiler/hir_build.c flush_for_call),
 * so the slots read here are current. So CPython-style code such as frame.f_code.co_name,
 * frame.f_back.f_globals['__name__'] or logging's caller walk works unmodified. The type sits in
 * vm->t.extra[TB_FRAME_SLOT] (vm->t.extra[0] is io.UnsupportedOperation, stdlib/io.c). */
#define TB_FRAME_SLOT 1
typedef struct tb_frame {
    kr_object ob;
    kr_value code;
    kr_value globals, builtins, locals, back; /* KR_NULL when unknown (read as None) */
    int32_t lineno;
    int32_t lasti;
} tb_frame;

static void tb_frame_trace(kr_vm *vm, kr_object *self)
{
    tb_frame *f = (tb_frame *)self;
    kr_gc_mark(vm, f->code);
    kr_gc_mark(vm, f->globals);
    kr_gc_mark(vm, f->builtins);
    kr_gc_mark(vm, f->locals);
    kr_gc_mark(vm, f->back);
}
static kr_value or_none(kr_value v) { return v ? v : KR_NONE; }
static kr_value tb_frame_get_code(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(tb_frame, self)->code; }
static kr_value tb_frame_get_lineno(kr_vm *vm, kr_value self) { (void)vm; return kr_small(KR_AS(tb_frame, self)->lineno); }
static kr_value tb_frame_get_lasti(kr_vm *vm, kr_value self) { (void)vm; return kr_small(KR_AS(tb_frame, self)->lasti); }
static kr_value tb_frame_get_back(kr_vm *vm, kr_value self) { (void)vm; return or_none(KR_AS(tb_frame, self)->back); }
static kr_value tb_frame_get_globals(kr_vm *vm, kr_value self) { (void)vm; return or_none(KR_AS(tb_frame, self)->globals); }
static kr_value tb_frame_get_builtins(kr_vm *vm, kr_value self) { (void)vm; return or_none(KR_AS(tb_frame, self)->builtins); }
static kr_value tb_frame_get_locals(kr_vm *vm, kr_value self) { (void)vm; return or_none(KR_AS(tb_frame, self)->locals); }
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
    {"f_globals", tb_frame_get_globals, NULL, NULL},
    {"f_builtins", tb_frame_get_builtins, NULL, NULL},
    {"f_locals", tb_frame_get_locals, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

kr_value kr_tb_frame_stack(kr_vm *vm, kr_frame *top)
{
    /* built from the oldest frame up, so that each snapshot's f_back already exists */
    size_t depth = 0;
    for (kr_frame *f = top; f; f = f->prev)
        depth++;
    kr_frame **frames = kr_mem_alloc(vm, depth * sizeof *frames);
    if (!frames)
        return KR_NULL;
    size_t i = 0;
    for (kr_frame *f = top; f; f = f->prev)
        frames[i++] = f;
    kr_value back = KR_NULL, locals = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &back);
    kr_root_push(vm, &locals);
    while (i-- > 0) {
        kr_frame *f = frames[i];
        locals = kr_interp_frame_locals(vm, f);
        tb_frame *snap = locals ? kr_gc_alloc(vm, vm->t.extra[TB_FRAME_SLOT], sizeof(tb_frame)) : NULL;
        if (!snap) {
            back = KR_NULL;
            break;
        }
        uint32_t lasti = kr_frame_lasti(f);
        snap->code = KR_VAL(f->code);
        snap->globals = f->globals;
        snap->builtins = f->builtins;
        snap->locals = locals;
        snap->back = back;
        snap->lineno = kr_code_line(f->code, lasti);
        snap->lasti = (int32_t)lasti;
        back = KR_VAL(snap);
    }
    kr_root_reset(vm, mark);
    kr_mem_free(vm, frames);
    return back;
}

static kr_value tb_get_frame(kr_vm *vm, kr_value self)
{
    kr_traceback *t = KR_AS(kr_traceback, self);
    tb_frame *f = kr_gc_alloc(vm, vm->t.extra[TB_FRAME_SLOT], sizeof(tb_frame));
    if (!f)
        return KR_NULL;
    f->code = t->code;
    f->globals = f->builtins = f->locals = f->back = KR_NULL;
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
