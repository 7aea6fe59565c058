/* format.c: the format-spec mini-language for int, float and str (format(), f-strings, str.format),
 * printf-style % formatting for str and bytes, and str.format's replacement-field parser.
 *
 * Behaviour follows CPython 3.13's Python/formatter_unicode.c and Objects/unicodeobject.c, including
 * their error messages. Floats are formatted with the C library's correctly rounded "%.*e"/"%.*f"/"%.*g"
 * (no locale-dependent conversions are used: the decimal point is always '.'; the VM never calls
 * setlocale) and post-processed; the shortest repr comes from vm/float.c's kr_float_repr_buf. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "format.h"
#include "str.h"

/* ================================================================ spec parsing */

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

static int get_integer(kr_vm *vm, const char *s, size_t n, size_t *pos, int64_t *out)
{
    int consumed = 0;
    int64_t v = 0;
    while (*pos < n && s[*pos] >= '0' && s[*pos] <= '9') {
        int d = s[*pos] - '0';
        if (v > (INT64_MAX - d) / 10) {
            kr_raise(vm, KR_EXC(vm, ValueError), "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
        (*pos)++;
        consumed++;
    }
    *out = v;
    return consumed;
}

static void type_char_repr(uint32_t t, char *buf, size_t n)
{
    if (t >= 32 && t < 127)
        snprintf(buf, n, "'%c'", (char)t);
    else
        snprintf(buf, n, "'\\x%x'", t);
}

int kr_format_parse_spec(kr_vm *vm, const char *spec, size_t n, const char *tname, uint32_t default_type,
                         char default_align, kr_format_spec *f)
{
    f->fill = ' ';
    f->align = default_align;
    f->sign = 0;
    f->no_neg_0 = f->alt = false;
    f->grouping = 0;
    f->width = f->precision = -1;
    f->type = default_type;
    bool fill_given = false, align_given = false;
    size_t pos = 0;
    int l0 = 0;
    uint32_t c0 = n ? kr_utf8_decode(spec, &l0) : 0;
    if (n > (size_t)l0 && is_align((unsigned char)spec[l0])) {
        f->fill = c0;
        f->align = spec[l0];
        fill_given = align_given = true;
        pos = (size_t)l0 + 1;
    } else if (n && is_align(c0)) {
        f->align = (char)c0;
        align_given = true;
        pos = 1;
    }
    if (pos < n && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' '))
        f->sign = spec[pos++];
    if (pos < n && spec[pos] == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (pos < n && spec[pos] == '#') {
        f->alt = true;
        pos++;
    }
    if (!fill_given && pos < n && spec[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>')
            f->align = '=';
        pos++;
    }
    int consumed = get_integer(vm, spec, n, &pos, &f->width);
    if (consumed < 0)
        return -1;
    if (consumed == 0)
        f->width = -1;
    if (pos < n && spec[pos] == ',') {
        f->grouping = ',';
        pos++;
    }
    if (pos < n && spec[pos] == '_') {
        if (f->grouping)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "Cannot specify both ',' and '_'.");
        f->grouping = '_';
        pos++;
    }
    if (pos < n && spec[pos] == ',' && f->grouping == '_')
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "Cannot specify both ',' and '_'.");
    if (pos < n && spec[pos] == '.') {
        pos++;
        consumed = get_integer(vm, spec, n, &pos, &f->precision);
        if (consumed < 0)
            return -1;
        if (consumed == 0)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "Format specifier missing precision");
    }
    if (pos < n) {
        int l;
        uint32_t t = kr_utf8_decode(spec + pos, &l);
        if (pos + (size_t)l < n)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "Invalid format specifier '%.*s' for object of type '%s'",
                              (int)n, spec, tname);
        f->type = t;
    }
    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->grouping == '_')
                break;
            /* fall through */
        default: {
            char tb[16];
            type_char_repr(f->type, tb, sizeof tb);
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "Cannot specify '%c' with %s.", f->grouping, tb);
        }
        }
    }
    return 0;
}

static kr_value unknown_code(kr_vm *vm, uint32_t type, const char *tname)
{
    if (type >= 32 && type < 127)
        return kr_raise(vm, KR_EXC(vm, ValueError), "Unknown format code '%c' for object of type '%s'", (char)type,
                        tname);
    return kr_raise(vm, KR_EXC(vm, ValueError), "Unknown format code '\\x%x' for object of type '%s'", type, tname);
}

/* ================================================================ rendering */

static void sb_fill(kr_sb *sb, uint32_t fill, int64_t n)
{
    if (n <= 0)
        return;
    if (fill < 0x80) {
        /* the usual ' ' or '0': one reservation and a memset */
        if (!kr_sb_reserve(sb, (size_t)n))
            return;
        memset(sb->buf + sb->len, (int)fill, (size_t)n);
        sb->len += (size_t)n;
        return;
    }
    for (int64_t i = 0; i < n; i++)
        kr_sb_append_cp(sb, fill);
}

/* Digits with separators every `group` digits, left-padded with zeros to at least min_width characters
 * (CPython pads the digit run itself when the fill is '0' with '=' alignment, so separators appear in
 * the padding too). sep == 0: no separators. */
static void group_digits(kr_sb *sb, const char *digits, int64_t n, char sep, int group, int64_t min_width)
{
    int64_t D = n;
    if (sep) {
        while (D + (D > 0 ? (D - 1) / group : 0) < min_width)
            D++;
    } else {
        /* no separators: the zero padding, then the digits at once */
        sb_fill(sb, '0', min_width - n);
        kr_sb_append(sb, digits, (size_t)n);
        return;
    }
    for (int64_t k = 0; k < D; k++) {
        if (sep && k > 0 && (D - k) % group == 0)
            kr_sb_append_char(sb, sep);
        kr_sb_append_char(sb, k < D - n ? '0' : digits[k - (D - n)]);
    }
}

static int64_t grouped_len(int64_t n, char sep, int group) { return sep && n > 0 ? n + (n - 1) / group : n; }

/* Lay out [sign][prefix][digits][rest] with the spec's width, fill, alignment and grouping. */
static void render_number(kr_sb *sb, const kr_format_spec *f, char sign, const char *prefix, const char *digits,
                          int64_t ndigits, const char *rest, int64_t nrest, int group)
{
    int64_t left = (sign ? 1 : 0) + (int64_t)strlen(prefix);
    int64_t min_width = 0;
    if (f->fill == '0' && f->align == '=' && f->width > 0)
        min_width = f->width - left - nrest;
    int64_t glen = grouped_len(ndigits, f->grouping, group);
    if (min_width > glen) {
        /* the zero padding is done by group_digits */
        int64_t D = ndigits;
        if (f->grouping)
            while (D + (D > 0 ? (D - 1) / group : 0) < min_width)
                D++;
        else
            D = min_width;
        glen = grouped_len(D, f->grouping, group);
    }
    int64_t total = left + glen + nrest;
    int64_t pad = f->width > total ? f->width - total : 0;
    int64_t lp = 0, rp = 0, mp = 0;
    switch (f->align) {
    case '<': rp = pad; break;
    case '^': lp = pad / 2; rp = pad - lp; break;
    case '=': mp = pad; break;
    default: lp = pad; break;
    }
    sb_fill(sb, f->fill, lp);
    if (sign)
        kr_sb_append_char(sb, sign);
    kr_sb_append_cstr(sb, prefix);
    sb_fill(sb, f->fill, mp);
    group_digits(sb, digits, ndigits, f->grouping, group, min_width);
    kr_sb_append(sb, rest, (size_t)nrest);
    sb_fill(sb, f->fill, rp);
}

/* ================================================================ str */

static void render_text(kr_sb *sb, const kr_format_spec *f, const char *d, int64_t nbytes, int64_t len)
{
    if (f->precision >= 0 && f->precision < len) {
        /* truncate to precision code points */
        int64_t off = 0;
        for (int64_t i = 0; i < f->precision; i++) {
            int l;
            kr_utf8_decode(d + off, &l);
            off += l;
        }
        nbytes = off;
        len = f->precision;
    }
    int64_t pad = f->width > len ? f->width - len : 0, lp = 0, rp = 0;
    if (f->align == '>')
        lp = pad;
    else if (f->align == '^')
        lp = pad / 2, rp = pad - lp;
    else
        rp = pad;
    sb_fill(sb, f->fill, lp);
    kr_sb_append(sb, d, (size_t)nbytes);
    sb_fill(sb, f->fill, rp);
}

/* Checks a spec for str s; 1: s formats as itself, 0: render_text with *f, -1: error raised. */
static int str_spec(kr_vm *vm, kr_value s, const char *spec, size_t spec_len, kr_format_spec *f)
{
    if (spec_len == 0)
        return 1;
    const char *tname = kr_typename(vm, s);
    if (kr_format_parse_spec(vm, spec, spec_len, tname, 's', '<', f) < 0)
        return -1;
    if (f->type != 's')
        return unknown_code(vm, f->type, tname), -1;
    if (f->sign == ' ')
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "Space not allowed in string format specifier");
    if (f->sign)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "Sign not allowed in string format specifier");
    if (f->no_neg_0)
        return kr_raise_i(vm, KR_EXC(vm, ValueError),
                          "Negative zero coercion (z) not allowed in string format specifier");
    if (f->alt)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "Alternate form (#) not allowed in string format specifier");
    if (f->align == '=')
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "'=' alignment not allowed in string format specifier");
    int64_t len = kr_str_len(s);
    return (f->width <= len) && (f->precision < 0 || f->precision >= len);
}

kr_value kr_format_str(kr_vm *vm, kr_value s, const char *spec, size_t spec_len)
{
    kr_format_spec f;
    int r = str_spec(vm, s, spec, spec_len, &f);
    if (r < 0)
        return KR_NULL;
    if (r)
        return kr_tostr(vm, s);
    char small[256];
    kr_sb sb;
    kr_sb_init_buf(&sb, small, sizeof small);
    render_text(&sb, &f, kr_str_data(s), kr_str_nbytes(s), kr_str_len(s));
    return kr_sb_finish(vm, &sb);
}

/* ================================================================ float */

/* Formats |d| into buf as CPython's PyOS_double_to_string would (type 'e' 'f' 'g' 'r', lower case),
 * *neg gets the sign. Returns the length. */
static int float_core(double d, char type, int prec, bool alt, bool add_dot_0, bool no_neg_0, char *buf,
                      size_t cap, bool *neg)
{
    *neg = signbit(d) && !isnan(d);
    double a = fabs(d);
    int n;
    if (isnan(d) || isinf(d)) {
        n = snprintf(buf, cap, "%s", isnan(d) ? "nan" : "inf");
        return n;
    }
    if (type == 'r') {
        n = kr_float_repr_buf(a, buf, cap);
        if (n < 0)
            n = snprintf(buf, cap, "%.17g", a);
    } else {
        char fmt[8];
        if (type == 'g' && prec == 0)
            prec = 1;
        snprintf(fmt, sizeof fmt, alt ? "%%#.*%c" : "%%.*%c", type);
        n = snprintf(buf, cap, fmt, prec, a);
        if (add_dot_0 && !strpbrk(buf, ".e")) {
            if ((size_t)n + 2 < cap) {
                buf[n++] = '.';
                buf[n++] = '0';
                buf[n] = 0;
            }
        }
    }
    if (no_neg_0 && *neg) {
        bool zero = true;
        for (int i = 0; i < n && buf[i] != 'e'; i++)
            if (buf[i] >= '1' && buf[i] <= '9')
                zero = false;
        if (zero)
            *neg = false;
    }
    return n;
}

static void upcase(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s -= 32;
}

/* format(d, spec) appended to sb; -1 with the exception raised. */
static int format_float_sb(kr_vm *vm, kr_sb *sb, double d, const char *spec, size_t spec_len)
{
    kr_format_spec f;
    if (spec_len == 0) {
        char buf[64];
        int n = kr_float_repr_buf(d, buf, sizeof buf);
        if (n < 0)
            n = snprintf(buf, sizeof buf, "%.17g", d);
        kr_sb_append(sb, buf, (size_t)n);
        return 0;
    }
    if (kr_format_parse_spec(vm, spec, spec_len, "float", 0, '>', &f) < 0)
        return -1;
    uint32_t type = f.type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': break;
    default: return unknown_code(vm, type, "float"), -1;
    }
    if (f.precision > 0x7fffffff)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "precision too big");
    int prec = (int)f.precision;
    bool add_dot_0 = false, pct = false;
    char t = (char)type;
    if (type == 0) {
        add_dot_0 = true;
        t = prec < 0 ? 'r' : 'g';
    }
    if (t == 'n')
        t = 'g';
    if (t == '%') {
        t = 'f';
        d *= 100;
        pct = true;
    }
    if (prec < 0)
        prec = 6;
    bool upper = t == 'E' || t == 'F' || t == 'G';
    char lt = upper ? (char)(t + 32) : t;
    /* enough for 'f' of 1e308 with large precision */
    size_t cap = (size_t)prec + 400;
    char small[512], *buf = cap <= sizeof small ? small : malloc(cap);
    if (!buf)
        return kr_raise_nomemory(vm), -1;
    bool neg;
    int n = float_core(d, lt, prec, f.alt, add_dot_0, f.no_neg_0, buf, cap, &neg);
    if (upper)
        upcase(buf);
    if (pct && (size_t)n + 1 < cap) {
        buf[n++] = '%';
        buf[n] = 0;
    }
    char sign = neg ? '-' : (f.sign == '+' ? '+' : f.sign == ' ' ? ' ' : 0);
    int64_t nd = 0;
    while (nd < n && buf[nd] >= '0' && buf[nd] <= '9')
        nd++;
    render_number(sb, &f, sign, "", buf, nd, buf + nd, n - nd, 3);
    if (buf != small)
        free(buf);
    return 0;
}

kr_value kr_format_float(kr_vm *vm, double d, const char *spec, size_t spec_len)
{
    char small[256];
    kr_sb sb;
    kr_sb_init_buf(&sb, small, sizeof small);
    if (format_float_sb(vm, &sb, d, spec, spec_len) < 0) {
        kr_sb_free(&sb);
        return KR_NULL;
    }
    return kr_sb_finish(vm, &sb);
}

/* ================================================================ int */

/* Digits of |v| in base (2, 8, 10, 16) into a malloc'd buffer; *neg gets the sign. */
/* The digits of int v in base, NUL-terminated. A small int's digits go into the caller's buffer `small`
 * (no allocation on the common path of %d / {:d}); otherwise the result is malloc'd. The caller frees the
 * result when it is not `small`. */
#define INT_DIGITS_SMALL 72
static char *int_digits(kr_vm *vm, kr_value v, int base, bool *neg, int64_t *len, char small[INT_DIGITS_SMALL])
{
    if (kr_is_bool(v))
        v = kr_small(v == KR_TRUE);
    if (kr_is_small(v)) {
        int64_t x = kr_small_val(v);
        *neg = x < 0;
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        char tmp[INT_DIGITS_SMALL];
        int i = INT_DIGITS_SMALL;
        if (base == 10) {
            /* Constant divisor: the compiler turns / 10 into a multiply. */
            do {
                tmp[--i] = (char)('0' + u % 10);
                u /= 10;
            } while (u);
        } else {
            do {
                tmp[--i] = "0123456789abcdef"[u % (unsigned)base];
                u /= (unsigned)base;
            } while (u);
        }
        memcpy(small, tmp + i, (size_t)(INT_DIGITS_SMALL - i));
        small[INT_DIGITS_SMALL - i] = 0;
        *len = INT_DIGITS_SMALL - i;
        return small;
    }
    kr_value s = kr_int_to_str(vm, v, base);
    if (!s)
        return NULL;
    const char *p = kr_str_data(s);
    *neg = *p == '-';
    if (*neg)
        p++;
    /* tolerate a 0x/0o/0b prefix from kr_int_to_str */
    if (base != 10 && p[0] == '0' && (p[1] == 'x' || p[1] == 'o' || p[1] == 'b' || p[1] == 'X'))
        p += 2;
    size_t n = strlen(p);
    char *r = malloc(n + 1);
    if (!r) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    for (size_t i = 0; i <= n; i++)
        r[i] = (p[i] >= 'A' && p[i] <= 'F') ? (char)(p[i] + 32) : p[i];
    *len = (int64_t)n;
    return r;
}

/* format(v, spec) for an int v (small or big; a bool only when spec is not empty) appended to sb; -1 with
 * the exception raised. An empty spec gives str(v). */
static int format_int_sb(kr_vm *vm, kr_sb *sb, kr_value v, const char *spec, size_t spec_len)
{
    bool neg;
    int64_t nd;
    char small[INT_DIGITS_SMALL];
    char *digits;
    if (spec_len == 0) {
        if (!(digits = int_digits(vm, v, 10, &neg, &nd, small)))
            return -1;
        if (neg)
            kr_sb_append_char(sb, '-');
        kr_sb_append(sb, digits, (size_t)nd);
        if (digits != small)
            free(digits);
        return 0;
    }
    const char *tname = kr_typename(vm, v);
    kr_format_spec f;
    if (kr_format_parse_spec(vm, spec, spec_len, tname, 'd', '>', &f) < 0)
        return -1;
    int base = 10;
    const char *prefix = "";
    switch (f.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        int overflow = 0;
        double d = kr_int_to_double(vm, v, &overflow);
        if (overflow)
            return kr_raise_i(vm, KR_EXC(vm, OverflowError), "int too large to convert to float");
        return format_float_sb(vm, sb, d, spec, spec_len);
    }
    case 'b': base = 2; prefix = f.alt ? "0b" : ""; break;
    case 'o': base = 8; prefix = f.alt ? "0o" : ""; break;
    case 'x': base = 16; prefix = f.alt ? "0x" : ""; break;
    case 'X': base = 16; prefix = f.alt ? "0X" : ""; break;
    case 'd': case 'n': case 'c': break;
    default: return unknown_code(vm, f.type, tname), -1;
    }
    if (f.precision >= 0)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "Precision not allowed in integer format specifier");
    if (f.no_neg_0)
        return kr_raise_i(vm, KR_EXC(vm, ValueError),
                          "Negative zero coercion (z) not allowed in integer format specifier");
    if (f.type == 'c') {
        if (f.sign)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "Sign not allowed with integer format specifier 'c'");
        if (f.alt)
            return kr_raise_i(vm, KR_EXC(vm, ValueError),
                              "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t x;
        if (kr_int_to_i64(vm, kr_is_bool(v) ? kr_small(v == KR_TRUE) : v, &x) < 0)
            return -1;
        if (x < 0 || x > 0x10FFFF)
            return kr_raise_i(vm, KR_EXC(vm, OverflowError), "%%c arg not in range(0x110000)");
        char cbuf[4];
        int l = kr_utf8_encode((uint32_t)x, cbuf);
        if (f.align == '=')
            f.align = '>'; /* CPython renders 'c' as a string with the number's default alignment */
        render_text(sb, &f, cbuf, l, 1);
        return 0;
    }
    if (!(digits = int_digits(vm, v, base, &neg, &nd, small)))
        return -1;
    if (f.type == 'X')
        upcase(digits);
    char sign = neg ? '-' : (f.sign == '+' ? '+' : f.sign == ' ' ? ' ' : 0);
    render_number(sb, &f, sign, prefix, digits, nd, "", 0, base == 10 ? 3 : 4);
    if (digits != small)
        free(digits);
    return 0;
}

kr_value kr_format_int(kr_vm *vm, kr_value v, const char *spec, size_t spec_len)
{
    if (spec_len == 0)
        return kr_tostr(vm, v);
    char small[256];
    kr_sb sb;
    kr_sb_init_buf(&sb, small, sizeof small);
    if (format_int_sb(vm, &sb, v, spec, spec_len) < 0) {
        kr_sb_free(&sb);
        return KR_NULL;
    }
    return kr_sb_finish(vm, &sb);
}

int kr_format_builtin_to_sb(kr_vm *vm, kr_sb *sb, kr_value v, const char *spec, size_t spec_len)
{
    if (kr_is_small(v))
        return format_int_sb(vm, sb, v, spec, spec_len) < 0 ? -1 : 1;
    if (!kr_is_ptr(v))
        return 0;
    kr_type *t = KR_OBJ(v)->type;
    if (t == vm->t.str) {
        kr_format_spec f;
        int r = str_spec(vm, v, spec, spec_len, &f);
        if (r < 0)
            return -1;
        if (r)
            kr_sb_append(sb, kr_str_data(v), (size_t)kr_str_nbytes(v));
        else
            render_text(sb, &f, kr_str_data(v), kr_str_nbytes(v), kr_str_len(v));
        return 1;
    }
    if (t == vm->t.int_)
        return format_int_sb(vm, sb, v, spec, spec_len) < 0 ? -1 : 1;
    if (t == vm->t.float_)
        return format_float_sb(vm, sb, kr_float_value(v), spec, spec_len) < 0 ? -1 : 1;
    return 0;
}

/* ================================================================ printf-style formatting */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

/* Append s (its first `len` units, where a unit is a code point for str and a byte for bytes) padded to
 * width with spaces. */
static void pct_pad_text(kr_sb *sb, const char *d, int64_t nbytes, int64_t len, int flags, int64_t width,
                         int64_t prec, bool is_bytes)
{
    if (prec >= 0 && prec < len) {
        if (is_bytes) {
            nbytes = prec;
        } else {
            int64_t off = 0;
            for (int64_t i = 0; i < prec; i++) {
                int l;
                kr_utf8_decode(d + off, &l);
                off += l;
            }
            nbytes = off;
        }
        len = prec;
    }
    int64_t pad = width > len ? width - len : 0;
    if (!(flags & F_LJUST))
        sb_fill(sb, ' ', pad);
    kr_sb_append(sb, d, (size_t)nbytes);
    if (flags & F_LJUST)
        sb_fill(sb, ' ', pad);
}

/* sign, prefix, digits (min `prec` digits), padded to width: zeros after the prefix with F_ZERO. */
static void pct_pad_number(kr_sb *sb, char sign, const char *prefix, const char *digits, int64_t nd,
                           const char *rest, int64_t nrest, int flags, int64_t width, int64_t prec)
{
    int64_t zeros = prec > nd ? prec - nd : 0;
    int64_t total = (sign ? 1 : 0) + (int64_t)strlen(prefix) + zeros + nd + nrest;
    int64_t pad = width > total ? width - total : 0;
    if (!(flags & F_LJUST) && !(flags & F_ZERO))
        sb_fill(sb, ' ', pad);
    if (sign)
        kr_sb_append_char(sb, sign);
    kr_sb_append_cstr(sb, prefix);
    if (!(flags & F_LJUST) && (flags & F_ZERO))
        sb_fill(sb, '0', pad);
    sb_fill(sb, '0', zeros);
    kr_sb_append(sb, digits, (size_t)nd);
    kr_sb_append(sb, rest, (size_t)nrest);
    if (flags & F_LJUST)
        sb_fill(sb, ' ', pad);
}

static int pct_int(kr_vm *vm, kr_sb *sb, kr_value v, char conv, int flags, int64_t width, int64_t prec)
{
    kr_value iv = v;
    if (kr_is_bool(v)) {
        iv = kr_small(v == KR_TRUE);
    } else if (kr_is_small(v) || kr_is_int(vm, v)) {
        /* int */
    } else if (kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.float_ && (conv == 'd' || conv == 'i' || conv == 'u')) {
        iv = kr_int_from_double(vm, kr_float_value(v));
        if (!iv)
            return -1;
    } else if (kr_type_of(vm, v)->index) {
        iv = kr_index(vm, v);
        if (!iv)
            return -1;
    } else if (conv == 'x' || conv == 'X' || conv == 'o') {
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%%%c format: an integer is required, not %s", conv,
                          kr_typename(vm, v));
    } else {
        if (kr_is_ptr(v) && kr_type_is_subtype(KR_OBJ(v)->type, vm->t.float_)) {
            iv = kr_int_from_double(vm, kr_float_value(v));
            if (!iv)
                return -1;
        } else {
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "%%%c format: a real number is required, not %s", conv,
                              kr_typename(vm, v));
        }
    }
    int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
    bool neg;
    int64_t nd;
    char small[INT_DIGITS_SMALL];
    char *digits = int_digits(vm, iv, base, &neg, &nd, small);
    if (!digits)
        return -1;
    if (conv == 'X')
        upcase(digits);
    const char *prefix = "";
    if (flags & F_ALT)
        prefix = conv == 'x' ? "0x" : conv == 'X' ? "0X" : conv == 'o' ? "0o" : "";
    char sign = neg ? '-' : (flags & F_SIGN) ? '+' : (flags & F_BLANK) ? ' ' : 0;
    pct_pad_number(sb, sign, prefix, digits, nd, "", 0, flags, width, prec);
    if (digits != small)
        free(digits);
    return 0;
}

static int pct_float(kr_vm *vm, kr_sb *sb, kr_value v, char conv, int flags, int64_t width, int64_t prec)
{
    double d;
    if (kr_number_to_double(vm, v, &d) < 0) {
        if (kr_err_matches(vm, KR_EXC(vm, TypeError))) {
            kr_err_clear(vm);
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "must be real number, not %s", kr_typename(vm, v));
        }
        return -1;
    }
    if (prec < 0)
        prec = 6;
    if (prec > 0x7fffffff)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "precision too big");
    bool upper = conv == 'E' || conv == 'F' || conv == 'G';
    char lt = upper ? (char)(conv + 32) : conv;
    size_t cap = (size_t)prec + 400;
    char small[512], *buf = cap <= sizeof small ? small : malloc(cap);
    if (!buf)
        return kr_raise_i(vm, KR_EXC(vm, MemoryError), "out of memory");
    bool neg;
    int n = float_core(d, lt, (int)prec, flags & F_ALT, false, false, buf, cap, &neg);
    if (upper)
        upcase(buf);
    char sign = neg ? '-' : (flags & F_SIGN) ? '+' : (flags & F_BLANK) ? ' ' : 0;
    pct_pad_number(sb, sign, "", buf, n, "", 0, flags, width, -1);
    if (buf != small)
        free(buf);
    return 0;
}

/* Is the right operand of % used as the mapping for %(key)s? CPython: anything with __getitem__ but a
 * tuple or a str; for bytes formatting also not bytes or bytearray. */
static bool is_mapping_arg(kr_vm *vm, kr_value args, bool is_bytes)
{
    if (!kr_is_ptr(args))
        return false;
    kr_type *t = KR_OBJ(args)->type;
    if (!t->getitem || t == vm->t.tuple || kr_type_is_subtype(t, vm->t.tuple) || kr_is_str(vm, args))
        return false;
    if (is_bytes && (t == vm->t.bytes || t == vm->t.bytearray || kr_type_is_subtype(t, vm->t.bytes) ||
                     kr_type_is_subtype(t, vm->t.bytearray)))
        return false;
    return true;
}

kr_value kr_str_mod_format(kr_vm *vm, kr_value fmt, kr_value args)
{
    bool is_bytes = !kr_is_str(vm, fmt);
    const char *d;
    int64_t n;
    if (is_bytes) {
        const uint8_t *bd;
        if (kr_bytes_buffer(vm, fmt, &bd, &n) < 0)
            return KR_NULL;
        d = (const char *)bd;
    } else {
        d = kr_str_data(fmt);
        n = kr_str_nbytes(fmt);
    }
    const kr_value *argv = &args;
    int64_t argc = 1, argi = 0;

    if (kr_is_ptr(args) && kr_type_is_subtype(KR_OBJ(args)->type, vm->t.tuple)) {
        argv = kr_tuple_items(args);
        argc = kr_tuple_size(args);

    }
    kr_value dict = is_mapping_arg(vm, args, is_bytes) ? args : KR_NULL;
    /* A bytearray fmt may be mutated by Python code run below (__str__ ...): copy it first. */
    char *copy = NULL;
    if (is_bytes && KR_OBJ(fmt)->type != vm->t.bytes) {
        copy = malloc((size_t)n + 1);
        if (!copy)
            return kr_raise_nomemory(vm);
        memcpy(copy, d, (size_t)n);
        d = copy;
    }
    /* The usual short result is built on the stack (no allocation but the str); a longer one moves to
     * the heap, sized for the format plus a few bytes per argument. */
    char small[256];
    kr_sb sb;
    kr_sb_init_buf(&sb, small, sizeof small);
    kr_sb_reserve(&sb, (size_t)n + 16 * (size_t)(argc < 64 ? argc : 64));
    int64_t i = 0;
    bool used_dict = false;
    while (i < n) {
        const char *pct = memchr(d + i, '%', (size_t)(n - i));
        if (!pct) {
            kr_sb_append(&sb, d + i, (size_t)(n - i));
            break;
        }
        kr_sb_append(&sb, d + i, (size_t)(pct - (d + i)));
        i = pct - d + 1;
        int64_t spec_start = i - 1;
        kr_value arg = KR_NULL;
        bool have_key = false;
        if (i < n && d[i] == '(') {
            if (!dict) {
                kr_raise(vm, KR_EXC(vm, TypeError), "format requires a mapping");
                goto fail;
            }
            int depth = 1;
            int64_t ks = ++i;
            while (i < n && depth > 0) {
                if (d[i] == '(')
                    depth++;
                else if (d[i] == ')')
                    depth--;
                i++;
            }
            if (depth > 0) {
                kr_raise(vm, KR_EXC(vm, ValueError), "incomplete format key");
                goto fail;
            }
            kr_value key = is_bytes ? kr_bytes_new(vm, d + ks, (size_t)(i - 1 - ks))
                                    : kr_str_new(vm, d + ks, (size_t)(i - 1 - ks));
            if (!key)
                goto fail;
            arg = kr_getitem(vm, dict, key);
            if (!arg)
                goto fail;
            have_key = used_dict = true;
            argc = -1; /* as CPython: after a key, positional checks are off */
        }
        int flags = 0;
        for (; i < n; i++) {
            char c = d[i];
            if (c == '-') flags |= F_LJUST;
            else if (c == '+') flags |= F_SIGN;
            else if (c == ' ') flags |= F_BLANK;
            else if (c == '#') flags |= F_ALT;
            else if (c == '0') flags |= F_ZERO;
            else break;
        }
        int64_t width = -1, prec = -1;
        for (int part = 0; part < 2; part++) {
            int64_t *dst = part == 0 ? &width : &prec;
            if (part == 1) {
                if (i < n && d[i] == '.') {
                    i++;
                    prec = 0;
                } else {
                    break;
                }
            }
            if (i < n && d[i] == '*') {
                i++;
                if (argc == -1 || argi >= argc) {
                    kr_raise(vm, KR_EXC(vm, TypeError), "not enough arguments for format string");
                    goto fail;
                }
                kr_value w = argv[argi++];
                if (!kr_is_small(w) && !kr_is_int(vm, w)) {
                    kr_raise(vm, KR_EXC(vm, TypeError), "* wants int");
                    goto fail;
                }
                int64_t wv;
                if (kr_int_to_i64(vm, kr_is_bool(w) ? kr_small(w == KR_TRUE) : w, &wv) < 0)
                    goto fail;
                if (part == 0 && wv < 0) {
                    flags |= F_LJUST;
                    wv = -wv;
                }
                if (part == 1 && wv < 0)
                    wv = 0;
                *dst = wv;
            } else {
                int64_t v = part == 0 ? -1 : 0;
                while (i < n && d[i] >= '0' && d[i] <= '9') {
                    if (v < 0)
                        v = 0;
                    if (v > (INT64_MAX - 9) / 10) {
                        kr_raise(vm, KR_EXC(vm, ValueError), part == 0 ? "width too big" : "precision too big");
                        goto fail;
                    }
                    v = v * 10 + (d[i] - '0');
                    i++;
                }
                *dst = v;
            }
        }
        while (i < n && (d[i] == 'h' || d[i] == 'l' || d[i] == 'L'))
            i++;
        if (i >= n) {
            kr_raise(vm, KR_EXC(vm, ValueError), "incomplete format");
            goto fail;
        }
        int cl = 1;
        uint32_t conv = is_bytes ? (unsigned char)d[i] : kr_utf8_decode(d + i, &cl);
        i += cl;
        /* Only "%%" is a literal percent sign; after a key, flags, width or precision '%' is an ordinary
         * (unsupported) conversion that takes its argument first, as in CPython 3.13. */
        if (conv == '%' && spec_start + 2 == i) {
            kr_sb_append_char(&sb, '%');
            continue;
        }
        if (!have_key) {
            if (argc == -1 || argi >= argc) {
                kr_raise(vm, KR_EXC(vm, TypeError), "not enough arguments for format string");
                goto fail;
            }
            arg = argv[argi++];
        }
        switch (conv) {
        case 's': case 'r': case 'a': case 'b': {
            if (is_bytes) {
                kr_value b;
                if (conv == 'r' || conv == 'a') {
                    kr_value r = kr_repr(vm, arg);
                    if (!r)
                        goto fail;
                    b = kr_str_encode(vm, kr_str_ascii_escape(vm, r), "ascii", "strict");
                    if (!b)
                        goto fail;
                } else {
                    const uint8_t *bd;
                    int64_t bn;
                    if (kr_bytes_buffer(vm, arg, &bd, &bn) < 0) {
                        kr_err_clear(vm);
                        b = kr_call_method(vm, arg, "__bytes__", NULL, 0);
                        if (!b) {
                            kr_err_clear(vm);
                            kr_raise(vm, KR_EXC(vm, TypeError),
                                     "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                                     kr_typename(vm, arg));
                            goto fail;
                        }
                    } else {
                        pct_pad_text(&sb, (const char *)bd, bn, bn, flags, width, prec, true);
                        break;
                    }
                }
                const uint8_t *bd;
                int64_t bn;
                if (kr_bytes_buffer(vm, b, &bd, &bn) < 0)
                    goto fail;
                pct_pad_text(&sb, (const char *)bd, bn, bn, flags, width, prec, true);
                break;
            }
            if (conv == 'b')
                goto unsupported;
            kr_value s = conv == 's' ? kr_tostr(vm, arg) : conv == 'r' ? kr_repr(vm, arg) : kr_ascii(vm, arg);
            if (!s)
                goto fail;
            pct_pad_text(&sb, kr_str_data(s), kr_str_nbytes(s), kr_str_len(s), flags, width, prec, false);
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            if (pct_int(vm, &sb, arg, (char)conv, flags, width, prec) < 0)
                goto fail;
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            if (pct_float(vm, &sb, arg, (char)conv, flags, width, prec) < 0)
                goto fail;
            break;
        case 'c': {
            /* CPython's formatchar / byte_converter: a str of length 1 (bytes: a bytes or bytearray of
             * length 1), else an int or __index__ (a TypeError from __index__ becomes the generic
             * message, other errors propagate). */
            char cb[4];
            int cn;
            const uint8_t *bd;
            int64_t bn;
            if (is_bytes && (kr_is_bytes(vm, arg) || kr_is_bytearray(vm, arg))) {
                if (kr_bytes_buffer(vm, arg, &bd, &bn) < 0)
                    goto fail;
                if (bn != 1)
                    goto c_type_error;
                cb[0] = (char)bd[0];
                pct_pad_text(&sb, cb, 1, 1, flags, width, -1, true);
                break;
            }
            if (!is_bytes && kr_is_str(vm, arg)) {
                if (kr_str_len(arg) != 1)
                    goto c_type_error;
                cn = (int)kr_str_nbytes(arg);
                memcpy(cb, kr_str_data(arg), (size_t)cn);
                pct_pad_text(&sb, cb, cn, 1, flags, width, -1, false);
                break;
            }
            kr_value iv = arg;
            if (kr_is_bool(arg))
                iv = kr_small(arg == KR_TRUE);
            else if (!kr_is_small(arg) && !kr_is_int(vm, arg)) {
                if (!kr_type_of(vm, arg)->index)
                    goto c_type_error;
                iv = kr_index(vm, arg);
                if (!iv) {
                    if (kr_err_matches(vm, KR_EXC(vm, TypeError))) {
                        kr_err_clear(vm);
                        goto c_type_error;
                    }
                    goto fail;
                }
            }
            int64_t x;
            int64_t cmax = is_bytes ? 255 : 0x10FFFF;
            if (kr_int_to_i64(vm, iv, &x) < 0 || x < 0 || x > cmax) {
                kr_err_clear(vm);
                kr_raise(vm, KR_EXC(vm, OverflowError),
                         is_bytes ? "%%c arg not in range(256)" : "%%c arg not in range(0x110000)");
                goto fail;
            }
            if (is_bytes) {
                cb[0] = (char)x;
                pct_pad_text(&sb, cb, 1, 1, flags, width, -1, true);
                break;
            }
            cn = kr_utf8_encode((uint32_t)x, cb);
            pct_pad_text(&sb, cb, cn, 1, flags, width, -1, false);
            break;
        c_type_error:
            kr_raise(vm, KR_EXC(vm, TypeError),
                     is_bytes ? "%%c requires an integer in range(256) or a single byte" : "%%c requires int or char");
            goto fail;
        }
        default:
        unsupported:
            if (conv >= 32 && conv < 127)
                kr_raise(vm, KR_EXC(vm, ValueError), "unsupported format character '%c' (0x%x) at index %lld",
                         (char)conv, conv, (long long)(is_bytes ? i - 1 : kr_utf8_count(d, (size_t)(i - cl))));
            else
                kr_raise(vm, KR_EXC(vm, ValueError), "unsupported format character '\\x%x' (0x%x) at index %lld",
                         conv, conv, (long long)(is_bytes ? i - 1 : kr_utf8_count(d, (size_t)(i - cl))));
            goto fail;
        }
    }
    if (argc >= 0 && argi < argc && !dict) {
        kr_raise(vm, KR_EXC(vm, TypeError), is_bytes ? "not all arguments converted during bytes formatting"
                                                     : "not all arguments converted during string formatting");
        goto fail;
    }
    (void)used_dict;
    free(copy);
    if (is_bytes) {
        if (sb.failed) {
            kr_sb_free(&sb);
            return kr_raise_nomemory(vm);
        }
        kr_value r = KR_OBJ(fmt)->type == vm->t.bytearray || kr_is_bytearray(vm, fmt)
                         ? kr_bytearray_new(vm, sb.buf ? sb.buf : "", sb.len)
                         : kr_bytes_new(vm, sb.buf ? sb.buf : "", sb.len);
        kr_sb_free(&sb);
        return r;
    }
    return kr_sb_finish(vm, &sb);
fail:
    free(copy);
    kr_sb_free(&sb);
    return KR_NULL;
}

/* ================================================================ str.format */

typedef struct markup_state {
    const kr_format_args *args;
    int auto_index; /* next automatic field number; -1 once manual numbering was used */
    bool manual;
} markup_state;

static kr_value markup_render(kr_vm *vm, const char *d, int64_t n, markup_state *st, int depth, kr_sb *out);

static bool all_digits(const char *s, int64_t n)
{
    if (n == 0)
        return false;
    for (int64_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int64_t parse_index(const char *s, int64_t n)
{
    int64_t v = 0;
    for (int64_t i = 0; i < n; i++) {
        if (v > (INT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Resolve the first part of a field name (empty: automatic numbering). */
static kr_value field_first(kr_vm *vm, const char *s, int64_t n, markup_state *st)
{
    const kr_format_args *a = st->args;
    int64_t idx;
    if (n == 0) {
        if (st->manual)
            return kr_raise(vm, KR_EXC(vm, ValueError),
                            "cannot switch from manual field specification to automatic field numbering");
        idx = st->auto_index++;
    } else if (all_digits(s, n)) {
        if (st->auto_index > 0)
            return kr_raise(vm, KR_EXC(vm, ValueError),
                            "cannot switch from automatic field numbering to manual field specification");
        st->manual = true;
        idx = parse_index(s, n);
        if (idx < 0)
            return kr_raise(vm, KR_EXC(vm, ValueError), "Too many decimal digits in format string");
    } else {
        kr_value key = kr_str_new(vm, s, (size_t)n);
        if (!key)
            return KR_NULL;
        if (a->mapping)
            return kr_getitem(vm, a->mapping, key);
        if (a->kwnames) {
            for (int64_t k = 0; k < kr_tuple_size(a->kwnames); k++)
                if (kr_str_equal(kr_tuple_items(a->kwnames)[k], key))
                    return a->kwvals[k];
        }
        return kr_raise_obj(vm, KR_EXC(vm, KeyError), key);
    }
    if (a->mapping && !a->pos)
        return kr_raise(vm, KR_EXC(vm, ValueError), "Format string contains positional fields");
    if (idx >= a->npos)
        return kr_raise(vm, KR_EXC(vm, IndexError), "Replacement index %lld out of range for positional args tuple",
                        (long long)idx);
    return a->pos[idx];
}

/* Resolve a whole field name: first part, then .attr and [key] accessors. */
static kr_value field_lookup(kr_vm *vm, const char *s, int64_t n, markup_state *st)
{
    int64_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[')
        i++;
    kr_value obj = field_first(vm, s, i, st);
    if (!obj)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &obj);
    while (i < n) {
        if (s[i] == '.') {
            int64_t st0 = ++i;
            while (i < n && s[i] != '.' && s[i] != '[')
                i++;
            if (i == st0) {
                kr_raise(vm, KR_EXC(vm, ValueError), "Empty attribute in format string");
                obj = KR_NULL;
                break;
            }
            kr_value name = kr_str_new(vm, s + st0, (size_t)(i - st0));
            if (!name || !(obj = kr_getattr(vm, obj, name))) {
                obj = KR_NULL;
                break;
            }
        } else if (s[i] == '[') {
            int64_t st0 = ++i;
            while (i < n && s[i] != ']')
                i++;
            if (i >= n) {
                kr_raise(vm, KR_EXC(vm, ValueError), "Missing ']' in format string");
                obj = KR_NULL;
                break;
            }
            if (i == st0) {
                kr_raise(vm, KR_EXC(vm, ValueError), "Empty attribute in format string");
                obj = KR_NULL;
                break;
            }
            kr_value key = all_digits(s + st0, i - st0) ? kr_int_from_i64(vm, parse_index(s + st0, i - st0))
                                                         : kr_str_new(vm, s + st0, (size_t)(i - st0));
            i++; /* ']' */
            if (!key || !(obj = kr_getitem(vm, obj, key))) {
                obj = KR_NULL;
                break;
            }
            if (i < n && s[i] != '.' && s[i] != '[') {
                kr_raise(vm, KR_EXC(vm, ValueError), "Only '.' or '[' may follow ']' in format field specifier");
                obj = KR_NULL;
                break;
            }
        } else {
            kr_raise(vm, KR_EXC(vm, ValueError), "Only '.' or '[' may follow ']' in format field specifier");
            obj = KR_NULL;
            break;
        }
    }
    kr_root_reset(vm, m);
    return obj;
}

/* One replacement field's text (between the braces). */
static int markup_field(kr_vm *vm, const char *f, int64_t n, markup_state *st, int depth, kr_sb *out)
{
    /* field name ends at '!' or ':' outside brackets */
    int64_t i = 0;
    while (i < n) {
        if (f[i] == '[') {
            while (i < n && f[i] != ']')
                i++;
            if (i < n)
                i++;
            continue;
        }
        if (f[i] == '!' || f[i] == ':')
            break;
        if (f[i] == '{')
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "unexpected '{' in field name");
        i++;
    }
    int64_t name_len = i;
    uint32_t conv = 0;
    if (i < n && f[i] == '!') {
        i++;
        if (i >= n)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "end of string while looking for conversion specifier");
        int l;
        conv = kr_utf8_decode(f + i, &l);
        i += l;
        if (i < n && f[i] != ':')
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "expected ':' after conversion specifier");
    }
    const char *spec = "";
    int64_t spec_len = 0;
    if (i < n && f[i] == ':') {
        spec = f + i + 1;
        spec_len = n - i - 1;
    }
    kr_value obj = field_lookup(vm, f, name_len, st);
    if (!obj)
        return -1;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &obj);
    int rc = -1;
    if (conv) {
        if (conv == 'r')
            obj = kr_repr(vm, obj);
        else if (conv == 's')
            obj = kr_tostr(vm, obj);
        else if (conv == 'a')
            obj = kr_ascii(vm, obj);
        else {
            if (conv >= 32 && conv < 127)
                kr_raise(vm, KR_EXC(vm, ValueError), "Unknown conversion specifier %c", (char)conv);
            else
                kr_raise(vm, KR_EXC(vm, ValueError), "Unknown conversion specifier \\x%x", conv);
            goto done;
        }
        if (!obj)
            goto done;
    }
    kr_value specv;
    bool nested = memchr(spec, '{', (size_t)spec_len) != NULL;
    if (!nested) {
        /* an exact int, float or str renders straight into out (no spec str, no __format__ call) */
        int fr = kr_format_builtin_to_sb(vm, out, obj, spec, (size_t)spec_len);
        if (fr) {
            rc = fr < 0 ? -1 : 0;
            goto done;
        }
    }
    if (nested) {
        if (depth <= 0) {
            kr_raise(vm, KR_EXC(vm, ValueError), "Max string recursion exceeded");
            goto done;
        }
        kr_sb ssb;
        kr_sb_init(&ssb);
        if (!markup_render(vm, spec, spec_len, st, depth - 1, &ssb)) {
            kr_sb_free(&ssb);
            goto done;
        }
        specv = kr_sb_finish(vm, &ssb);
    } else {
        specv = kr_str_new(vm, spec, (size_t)spec_len);
    }
    if (!specv)
        goto done;
    kr_value r;
    if (kr_is_exact_str(vm, obj))
        r = kr_format_str(vm, obj, kr_str_data(specv), (size_t)kr_str_nbytes(specv));
    else
        r = kr_format(vm, obj, specv);
    if (!r)
        goto done;
    kr_sb_append(out, kr_str_data(r), (size_t)kr_str_nbytes(r));
    rc = 0;
done:
    kr_root_reset(vm, m);
    return rc;
}

/* Render d[0..n) into out; returns KR_TRUE or KR_NULL on error. */
static kr_value markup_render(kr_vm *vm, const char *d, int64_t n, markup_state *st, int depth, kr_sb *out)
{
    int64_t i = 0;
    while (i < n) {
        char c = d[i];
        if (c == '}') {
            if (i + 1 < n && d[i + 1] == '}') {
                kr_sb_append_char(out, '}');
                i += 2;
                continue;
            }
            return kr_raise(vm, KR_EXC(vm, ValueError), "Single '}' encountered in format string");
        }
        if (c != '{') {
            int64_t j = i;
            while (j < n && d[j] != '{' && d[j] != '}')
                j++;
            kr_sb_append(out, d + i, (size_t)(j - i));
            i = j;
            continue;
        }
        if (i + 1 < n && d[i + 1] == '{') {
            kr_sb_append_char(out, '{');
            i += 2;
            continue;
        }
        if (i + 1 >= n)
            return kr_raise(vm, KR_EXC(vm, ValueError), "Single '{' encountered in format string");
        /* find the matching '}' (nested braces belong to the spec) */
        int64_t j = i + 1;
        int count = 1;
        bool in_brackets = false;
        while (j < n) {
            char ch = d[j];
            if (ch == '[' && count == 1)
                in_brackets = true;
            else if (ch == ']')
                in_brackets = false;
            else if (!in_brackets || count > 1) {
                if (ch == '{')
                    count++;
                else if (ch == '}' && --count == 0)
                    break;
            }
            if (ch == ':' || ch == '!')
                in_brackets = false;
            j++;
        }
        if (j >= n)
            return kr_raise(vm, KR_EXC(vm, ValueError), count > 1 ? "unmatched '{' in format spec"
                                                                  : "expected '}' before end of string");
        if (markup_field(vm, d + i + 1, j - i - 1, st, depth, out) < 0)
            return KR_NULL;
        i = j + 1;
    }
    return KR_TRUE;
}

kr_value kr_format_markup(kr_vm *vm, kr_value fmt, const kr_format_args *args)
{
    markup_state st = {args, 0, false};
    char small[256];
    kr_sb sb;
    kr_sb_init_buf(&sb, small, sizeof small);
    if (!markup_render(vm, kr_str_data(fmt), kr_str_nbytes(fmt), &st, 2, &sb)) {
        kr_sb_free(&sb);
        return KR_NULL;
    }
    return kr_sb_finish(vm, &sb);
}
