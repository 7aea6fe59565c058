/* lexer.c: the Python 3.12 tokenizer. See lexer.h.
 *
 * Invariants of the normalized buffer (established by kr_lex_init, relied on everywhere):
 *   - it contains no NUL byte before *end == '\0', so "*p == '\0'" means end of input and every
 *     look-ahead p[1], p[2] stops at the terminator without reading past it;
 *   - every line ends with '\n' (there is no '\r'), and a non-empty buffer ends with '\n';
 *   - it is valid UTF-8.
 * Positions: lineno counts '\n' consumed so far + 1; columns are byte offsets from line_start.
 */
#include "lexer.h"
#include "unicode_names.h"
/* Weak: the front-end unit tests link this file without vm/unicode_names.c (then \N{...} finds no
 * name); libkrait always has it (vm/str.c's unicode_escape codec needs it too). */
#pragma weak kr_unicode_lookup_name

#include <ctype.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------------
 * Errors
 */

void kr_lex_set_error(const kr_lexer *lx, kr_syntax_error *err, int kind, int lineno, int offset,
                      int end_lineno, int end_offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->kind = kind;
    err->lineno = lineno;
    err->col_offset = offset;
    err->end_lineno = end_lineno;
    err->end_col_offset = end_offset;
    err->text = (lx && lineno > 0) ? kr_lex_line_text(lx, lineno) : NULL;
}

char *kr_lex_line_text(const kr_lexer *lx, int lineno)
{
    const char *s = lx->buf;
    for (int l = 1; l < lineno && s < lx->end; s++)
        if (*s == '\n')
            l++;
    if (s > lx->end)
        s = lx->end;
    const char *e = s;
    while (e < lx->end && *e != '\n')
        e++;
    return kr_ast_arena_strndup(lx->arena, s, (size_t)(e - s));
}

static int col_of(const kr_lexer *lx, const char *p) { return (int)(p - lx->line_start); }

/* Fails the lexer with a SyntaxError-family error; offsets are CPython's 1-based ones. */
#define LEX_FAIL(lx, kind, line, off, eline, eoff, ...)                                                \
    do {                                                                                           \
        kr_lex_set_error((lx), (lx)->err, (kind), (line), (off), (eline), (eoff), __VA_ARGS__);     \
        (lx)->failed = 1;                                                                          \
    } while (0)

/* ------------------------------------------------------------------------------------------------
 * Initialisation: validate and normalize.
 */

/* Length of the valid UTF-8 sequence at s (s < e), or 0 if invalid. *why receives the codec's
 * reason in CPython's words. */
static int utf8_seq(const unsigned char *s, const unsigned char *e, const char **why)
{
    unsigned c = s[0];
    int n;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        min = 0x10000;
    } else {
        *why = "invalid start byte";
        return 0;
    }
    unsigned cp = c & (0x3F >> (n - 1));
    for (int i = 1; i < n; i++) {
        if (s + i >= e) {
            *why = "unexpected end of data";
            return 0;
        }
        if ((s[i] & 0xC0) != 0x80) {
            *why = "invalid continuation byte";
            return 0;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    /* Surrogates are not valid UTF-8 in source text (CPython's decoder rejects them too). */
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *why = "invalid continuation byte";
        return 0;
    }
    return n;
}

int kr_lex_init(kr_lexer *lx, kr_ast_arena *arena, const char *src, size_t len, kr_syntax_error *err)
{
    memset(lx, 0, sizeof *lx);
    lx->arena = arena;
    lx->err = err;
    lx->lineno = 1;
    lx->atbol = 1;
    lx->last_type = KR_TOK_NEWLINE;
    memset(err, 0, sizeof *err);

    if (len >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB &&
        (unsigned char)src[2] == 0xBF) {
        src += 3;
        len -= 3;
    }
    /* +4: a final '\n', the terminator and zeroed slack so p[1], p[2] look-ahead never leaves the block */
    char *buf = kr_ast_arena_alloc(arena, len + 4);
    if (!buf) {
        kr_lex_set_error(NULL, err, KR_SYNERR_MEMORY, 0, 0, 0, 0, "out of memory");
        lx->failed = 1;
        return -1;
    }
    /* Copy with \r\n and lone \r turned into \n; validate while counting lines for messages. */
    size_t n = 0;
    int line = 1;
    size_t line_begin = 0;
    const unsigned char *s = (const unsigned char *)src, *e = s + len;
    while (s < e) {
        unsigned char c = *s;
        if (c == '\0') {
            lx->buf = buf;
            lx->end = buf + n;
            buf[n] = '\0';
            kr_lex_set_error(NULL, err, KR_SYNERR_SYNTAX, line, (int)(n - line_begin) + 1, 0, 0,
                             "source code cannot contain null bytes");
            lx->failed = 1;
            return -1;
        }
        if (c == '\r') {
            buf[n++] = '\n';
            s += (s + 1 < e && s[1] == '\n') ? 2 : 1;
            line++;
            line_begin = n;
            continue;
        }
        if (c == '\n') {
            buf[n++] = '\n';
            s++;
            line++;
            line_begin = n;
            continue;
        }
        const char *why = NULL;
        int k = utf8_seq(s, e, &why);
        if (k == 0) {
            buf[n] = '\0';
            lx->buf = buf;
            lx->end = buf + n;
            kr_lex_set_error(NULL, err, KR_SYNERR_SYNTAX, line, (int)(n - line_begin) + 1, 0, 0,
                             "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                             c, (size_t)(s - (const unsigned char *)src), why);
            lx->failed = 1;
            return -1;
        }
        memcpy(buf + n, s, (size_t)k);
        n += (size_t)k;
        s += k;
    }
    if (n > 0 && buf[n - 1] != '\n')
        buf[n++] = '\n';
    buf[n] = '\0';
    lx->buf = buf;
    lx->end = buf + n;
    lx->p = buf;
    lx->line_start = buf;
    return 0;
}

/* ------------------------------------------------------------------------------------------------
 * Character classes
 */

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_id_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
static int is_id_char(int c) { return is_id_start(c) || is_digit(c); }

static unsigned decode_cp(const unsigned char *s, int *n)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    int k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    unsigned cp = c & (0x3F >> (k - 1));
    for (int i = 1; i < k; i++)
        cp = (cp << 6) | (s[i] & 0x3F);
    *n = k;
    return cp;
}

/* Without Unicode tables we cannot test XID_Start/XID_Continue exactly; instead we accept every
 * non-ASCII code point in identifiers except the blocks that hold punctuation, symbols, spaces and
 * emoji, which is where CPython's "invalid character" errors come from in practice. */
static int cp_is_invalid_in_name(unsigned cp)
{
    if (cp >= 0x80 && cp <= 0xBF)
        return !(cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB7);
    if (cp == 0xD7 || cp == 0xF7)
        return 1;
    if (cp >= 0x2000 && cp <= 0x206F) /* general punctuation, spaces */
        return !(cp == 0x203F || cp == 0x2040 || cp == 0x2054 || cp == 0x200C || cp == 0x200D);
    if (cp >= 0x20A0 && cp <= 0x20CF) /* currency */
        return 1;
    if (cp >= 0x2190 && cp <= 0x23FF) /* arrows, math operators, technical */
        return 1;
    if (cp >= 0x2500 && cp <= 0x27BF) /* box drawing, shapes, misc symbols, dingbats */
        return 1;
    if (cp >= 0x2900 && cp <= 0x2BFF)
        return 1;
    if (cp >= 0x2E00 && cp <= 0x2E7F) /* supplemental punctuation */
        return 1;
    if (cp >= 0x3000 && cp <= 0x3004) /* CJK space and punctuation */
        return 1;
    if (cp >= 0x3008 && cp <= 0x3020)
        return 1;
    if (cp == 0xFEFF || (cp >= 0xFFF0 && cp <= 0xFFFF))
        return 1;
    if (cp >= 0xFF01 && cp <= 0xFF0F) /* fullwidth punctuation */
        return 1;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) /* emoji and pictographs */
        return 1;
    return 0;
}

/* ------------------------------------------------------------------------------------------------
 * Keywords
 */

/* Sorted by name; `len` spares a strlen per candidate (the lexer meets a keyword-sized name every few
 * tokens). */
#define KW(s, t) {s, sizeof(s) - 1, t}
static const struct {
    const char *name;
    uint8_t len;
    kr_lex_toktype type;
} keywords[] = {
    KW("False", KR_TOK_FALSE), KW("None", KR_TOK_NONE), KW("True", KR_TOK_TRUE),
    KW("and", KR_TOK_AND), KW("as", KR_TOK_AS), KW("assert", KR_TOK_ASSERT),
    KW("async", KR_TOK_ASYNC), KW("await", KR_TOK_AWAIT), KW("break", KR_TOK_BREAK),
    KW("class", KR_TOK_CLASS), KW("continue", KR_TOK_CONTINUE), KW("def", KR_TOK_DEF),
    KW("del", KR_TOK_DEL), KW("elif", KR_TOK_ELIF), KW("else", KR_TOK_ELSE),
    KW("except", KR_TOK_EXCEPT), KW("finally", KR_TOK_FINALLY), KW("for", KR_TOK_FOR),
    KW("from", KR_TOK_FROM), KW("global", KR_TOK_GLOBAL), KW("if", KR_TOK_IF),
    KW("import", KR_TOK_IMPORT), KW("in", KR_TOK_IN), KW("is", KR_TOK_IS),
    KW("lambda", KR_TOK_LAMBDA), KW("nonlocal", KR_TOK_NONLOCAL), KW("not", KR_TOK_NOT),
    KW("or", KR_TOK_OR), KW("pass", KR_TOK_PASS), KW("raise", KR_TOK_RAISE),
    KW("return", KR_TOK_RETURN), KW("try", KR_TOK_TRY), KW("while", KR_TOK_WHILE),
    KW("with", KR_TOK_WITH), KW("yield", KR_TOK_YIELD),
};
#undef KW

static kr_lex_toktype keyword_type(const char *s, size_t n)
{
    if (n < 2 || n > 8 || !(s[0] >= 'A' && s[0] <= 'z'))
        return KR_TOK_NAME;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keywords[i].len == n && keywords[i].name[0] == s[0] && memcmp(keywords[i].name, s, n) == 0)
            return keywords[i].type;
    return KR_TOK_NAME;
}

static const char *const tok_names[KR_TOK_COUNT_] = {
    [KR_TOK_ENDMARKER] = "end of input",
    [KR_TOK_NAME] = "NAME",
    [KR_TOK_NUMBER] = "NUMBER",
    [KR_TOK_STRING] = "STRING",
    [KR_TOK_NEWLINE] = "NEWLINE",
    [KR_TOK_INDENT] = "INDENT",
    [KR_TOK_DEDENT] = "DEDENT",
    [KR_TOK_FSTRING_START] = "FSTRING_START",
    [KR_TOK_FSTRING_MIDDLE] = "FSTRING_MIDDLE",
    [KR_TOK_FSTRING_END] = "FSTRING_END",
    [KR_TOK_ERROR] = "ERRORTOKEN",
    [KR_TOK_LPAR] = "'('", [KR_TOK_RPAR] = "')'", [KR_TOK_LSQB] = "'['", [KR_TOK_RSQB] = "']'",
    [KR_TOK_LBRACE] = "'{'", [KR_TOK_RBRACE] = "'}'", [KR_TOK_COLON] = "':'", [KR_TOK_COMMA] = "','",
    [KR_TOK_SEMI] = "';'", [KR_TOK_DOT] = "'.'", [KR_TOK_ELLIPSIS] = "'...'", [KR_TOK_AT] = "'@'",
    [KR_TOK_RARROW] = "'->'", [KR_TOK_EQUAL] = "'='", [KR_TOK_COLONEQUAL] = "':='",
    [KR_TOK_EXCLAMATION] = "'!'", [KR_TOK_PLUS] = "'+'", [KR_TOK_MINUS] = "'-'", [KR_TOK_STAR] = "'*'",
    [KR_TOK_SLASH] = "'/'", [KR_TOK_DOUBLESLASH] = "'//'", [KR_TOK_PERCENT] = "'%'",
    [KR_TOK_DOUBLESTAR] = "'**'", [KR_TOK_VBAR] = "'|'", [KR_TOK_AMPER] = "'&'",
    [KR_TOK_CIRCUMFLEX] = "'^'", [KR_TOK_TILDE] = "'~'", [KR_TOK_LEFTSHIFT] = "'<<'",
    [KR_TOK_RIGHTSHIFT] = "'>>'", [KR_TOK_LESS] = "'<'", [KR_TOK_GREATER] = "'>'",
    [KR_TOK_EQEQUAL] = "'=='", [KR_TOK_NOTEQUAL] = "'!='", [KR_TOK_LESSEQUAL] = "'<='",
    [KR_TOK_GREATEREQUAL] = "'>='", [KR_TOK_PLUSEQUAL] = "'+='", [KR_TOK_MINEQUAL] = "'-='",
    [KR_TOK_STAREQUAL] = "'*='", [KR_TOK_SLASHEQUAL] = "'/='", [KR_TOK_DOUBLESLASHEQUAL] = "'//='",
    [KR_TOK_PERCENTEQUAL] = "'%='", [KR_TOK_DOUBLESTAREQUAL] = "'**='", [KR_TOK_VBAREQUAL] = "'|='",
    [KR_TOK_AMPEREQUAL] = "'&='", [KR_TOK_CIRCUMFLEXEQUAL] = "'^='", [KR_TOK_LEFTSHIFTEQUAL] = "'<<='",
    [KR_TOK_RIGHTSHIFTEQUAL] = "'>>='", [KR_TOK_ATEQUAL] = "'@='",
    [KR_TOK_FALSE] = "'False'", [KR_TOK_NONE] = "'None'", [KR_TOK_TRUE] = "'True'",
    [KR_TOK_AND] = "'and'", [KR_TOK_AS] = "'as'", [KR_TOK_ASSERT] = "'assert'",
    [KR_TOK_ASYNC] = "'async'", [KR_TOK_AWAIT] = "'await'", [KR_TOK_BREAK] = "'break'",
    [KR_TOK_CLASS] = "'class'", [KR_TOK_CONTINUE] = "'continue'", [KR_TOK_DEF] = "'def'",
    [KR_TOK_DEL] = "'del'", [KR_TOK_ELIF] = "'elif'", [KR_TOK_ELSE] = "'else'",
    [KR_TOK_EXCEPT] = "'except'", [KR_TOK_FINALLY] = "'finally'", [KR_TOK_FOR] = "'for'",
    [KR_TOK_FROM] = "'from'", [KR_TOK_GLOBAL] = "'global'", [KR_TOK_IF] = "'if'",
    [KR_TOK_IMPORT] = "'import'", [KR_TOK_IN] = "'in'", [KR_TOK_IS] = "'is'",
    [KR_TOK_LAMBDA] = "'lambda'", [KR_TOK_NONLOCAL] = "'nonlocal'", [KR_TOK_NOT] = "'not'",
    [KR_TOK_OR] = "'or'", [KR_TOK_PASS] = "'pass'", [KR_TOK_RAISE] = "'raise'",
    [KR_TOK_RETURN] = "'return'", [KR_TOK_TRY] = "'try'", [KR_TOK_WHILE] = "'while'",
    [KR_TOK_WITH] = "'with'", [KR_TOK_YIELD] = "'yield'",
};

const char *kr_lex_token_name(kr_lex_toktype type)
{
    if ((int)type < 0 || type >= KR_TOK_COUNT_ || !tok_names[type])
        return "?";
    return tok_names[type];
}

/* ------------------------------------------------------------------------------------------------
 * Token construction
 */

static int make(kr_lexer *lx, kr_lex_token *tok, kr_lex_toktype type, const char *start, int lineno,
                int col)
{
    tok->type = type;
    tok->start = start;
    tok->len = (size_t)(lx->p - start);
    tok->lineno = lineno;
    tok->col_offset = col;
    tok->end_lineno = lx->lineno;
    tok->end_col_offset = col_of(lx, lx->p);
    lx->last_type = (int)type;
    return 0;
}

static int fail_token(kr_lexer *lx, kr_lex_token *tok)
{
    lx->failed = 1;
    memset(tok, 0, sizeof *tok);
    tok->type = KR_TOK_ERROR;
    tok->start = lx->p ? lx->p : lx->buf;
    tok->lineno = lx->err->lineno;
    tok->col_offset = lx->err->col_offset > 0 ? lx->err->col_offset - 1 : 0;
    tok->end_lineno = tok->lineno;
    tok->end_col_offset = tok->col_offset;
    return -1;
}

/* Consumes the '\n' at lx->p, keeping the line bookkeeping. */
static void eat_newline(kr_lexer *lx)
{
    lx->p++;
    lx->lineno++;
    lx->line_start = lx->p;
}

/* The last line that has text: reported as "(detected at line N)". */
static int last_line(const kr_lexer *lx)
{
    int l = lx->lineno;
    if (lx->p >= lx->end && lx->end > lx->buf && lx->end[-1] == '\n' && lx->line_start == lx->end)
        l--;
    return l < 1 ? 1 : l;
}

/* ------------------------------------------------------------------------------------------------
 * Numbers. Grammar (PEP 515): digit groups separated by single underscores, with prefixes.
 */

/* After a number: a letter directly following it is an error unless it begins one of the keywords
 * CPython tolerates there ("1if x else y", "0x1for", "1or 2"): and else for if in is not or. */
static int keyword_follows(const char *p)
{
    static const char *const kws[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        size_t n = strlen(kws[i]);
        if (strncmp(p, kws[i], n) == 0)
            return 1;
    }
    return 0;
}

static int verify_end_of_number(kr_lexer *lx, const char *kind)
{
    unsigned char c = (unsigned char)*lx->p;
    if (!is_id_char(c))
        return 0;
    if (keyword_follows(lx->p))
        return 0;
    int col = col_of(lx, lx->p);
    /* CPython reports this one on the start of the number when the letter is part of the literal
     * body, else at the offending character. We follow its tokenizer: the position is that of the
     * last character consumed into the number, i.e. the character before p. */
    LEX_FAIL(lx, KR_SYNERR_SYNTAX, lx->lineno, col, lx->lineno, col, "invalid %s literal", kind);
    return -1;
}

/* Digits of `base` with single underscores between them. Returns 0 when at least one digit was
 * read and the run ends correctly, -1 after a failure. On a trailing '_' or '__' fails with msg. */
static int lex_digits(kr_lexer *lx, int (*isd)(int), const char *kind)
{
    for (;;) {
        while (isd((unsigned char)*lx->p))
            lx->p++;
        if (*lx->p != '_')
            return 0;
        lx->p++;
        if (!isd((unsigned char)*lx->p)) {
            int col = col_of(lx, lx->p);
            LEX_FAIL(lx, KR_SYNERR_SYNTAX, lx->lineno, col, lx->lineno, col, "invalid %s literal", kind);
            return -1;
        }
    }
}

static int isd_dec(int c) { return c >= '0' && c <= '9'; }
static int isd_hex(int c) { return isxdigit(c) != 0; }
static int isd_oct(int c) { return c >= '0' && c <= '7'; }
static int isd_bin(int c) { return c == '0' || c == '1'; }

/* Fraction/exponent/imaginary tail of a decimal number; p is after the integer part. */
static int lex_number_tail(kr_lexer *lx, const char *start, int allow_fraction)
{
    (void)start;
    if (allow_fraction && *lx->p == '.') {
        lx->p++;
        if (is_digit((unsigned char)*lx->p) && lex_digits(lx, isd_dec, "decimal") < 0)
            return -1;
    }
    if (*lx->p == 'e' || *lx->p == 'E') {
        const char *e = lx->p;
        lx->p++;
        if (*lx->p == '+' || *lx->p == '-')
            lx->p++;
        if (!is_digit((unsigned char)*lx->p)) {
            /* "1e" / "1e+" / "1e_5": CPython backs up over the 'e' and complains there. */
            int col = col_of(lx, *e == 'e' || *e == 'E' ? (lx->p[-1] == '+' || lx->p[-1] == '-' ? lx->p : e) : e);
            if (lx->p[-1] != '+' && lx->p[-1] != '-')
                col = col_of(lx, e) - 1;
            if (col < 0)
                col = 0;
            LEX_FAIL(lx, KR_SYNERR_SYNTAX, lx->lineno, col + 1, lx->lineno, col + 1, "invalid decimal literal");
            return -1;
        }
        if (lex_digits(lx, isd_dec, "decimal") < 0)
            return -1;
    }
    if (*lx->p == 'j' || *lx->p == 'J') {
        lx->p++;
        return verify_end_of_number(lx, "imaginary");
    }
    return verify_end_of_number(lx, "decimal");
}

static int lex_number(kr_lexer *lx, kr_lex_token *tok)
{
    const char *start = lx->p;
    int line = lx->lineno, col = col_of(lx, start);
    if (*lx->p == '0' && (lx->p[1] == 'x' || lx->p[1] == 'X' || lx->p[1] == 'o' || lx->p[1] == 'O' ||
                          lx->p[1] == 'b' || lx->p[1] == 'B')) {
        char k = (char)tolower((unsigned char)lx->p[1]);
        int (*isd)(int) = k == 'x' ? isd_hex : k == 'o' ? isd_oct : isd_bin;
        const char *kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
        lx->p += 2;
        if (*lx->p == '_')
            lx->p++;
        if (!isd((unsigned char)*lx->p)) {
            if ((k == 'o' || k == 'b') && is_digit((unsigned char)*lx->p)) {
                int c = col_of(lx, lx->p) + 1;
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, c, line, c, "invalid digit '%c' in %s literal", *lx->p, kind);
            } else {
                int c = col_of(lx, lx->p);
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, c, line, c, "invalid %s literal", kind);
            }
            return fail_token(lx, tok);
        }
        if (lex_digits(lx, isd, kind) < 0)
            return fail_token(lx, tok);
        if ((k == 'o' || k == 'b') && is_digit((unsigned char)*lx->p)) {
            int c = col_of(lx, lx->p) + 1;
            LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, c, line, c, "invalid digit '%c' in %s literal", *lx->p, kind);
            return fail_token(lx, tok);
        }
        if (verify_end_of_number(lx, kind) < 0)
            return fail_token(lx, tok);
        return make(lx, tok, KR_TOK_NUMBER, start, line, col);
    }
    if (*lx->p == '.') {
        /* ".5": the caller saw a digit after the dot */
        lx->p++;
        if (lex_digits(lx, isd_dec, "decimal") < 0)
            return fail_token(lx, tok);
        if (lex_number_tail(lx, start, 0) < 0)
            return fail_token(lx, tok);
        return make(lx, tok, KR_TOK_NUMBER, start, line, col);
    }
    if (lex_digits(lx, isd_dec, "decimal") < 0)
        return fail_token(lx, tok);
    const char *int_end = lx->p;
    int is_int = !(*lx->p == '.' || *lx->p == 'e' || *lx->p == 'E' || *lx->p == 'j' || *lx->p == 'J');
    if (lex_number_tail(lx, start, 1) < 0)
        return fail_token(lx, tok);
    if (is_int && start[0] == '0') {
        /* "0", "00", "0_0" are fine; any non-zero digit after a leading 0 is not */
        for (const char *q = start; q < int_end; q++) {
            if (*q != '0' && *q != '_') {
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 1, line, col + 2,
                         "leading zeros in decimal integer literals are not permitted; "
                         "use an 0o prefix for octal integers");
                return fail_token(lx, tok);
            }
        }
    }
    return make(lx, tok, KR_TOK_NUMBER, start, line, col);
}

int kr_lex_number_value(kr_ast_arena *arena, const kr_lex_token *tok, kr_ast_constant *c)
{
    const char *s = tok->start;
    size_t n = tok->len;
    memset(c, 0, sizeof *c);
    /* Leave room for a locale decimal point longer than one byte. */
    char *clean = kr_ast_arena_alloc(arena, n + 8);
    if (!clean)
        return -1;
    if (n >= 2 && s[0] == '0' && strchr("xXoObB", s[1])) {
        int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
        size_t k = 0;
        for (size_t i = 2; i < n; i++)
            if (s[i] != '_')
                clean[k++] = s[i];
        clean[k] = '\0';
        c->kind = KR_AST_CONST_INT;
        c->base = base;
        c->digits = clean;
        return 0;
    }
    int is_float = 0, is_imag = 0;
    size_t k = 0;
    const char *dp = localeconv()->decimal_point;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '_')
            continue;
        if (ch == 'j' || ch == 'J') {
            is_imag = 1;
            continue;
        }
        if (ch == '.' || ch == 'e' || ch == 'E')
            is_float = 1;
        if (ch == '.' && dp && dp[0] && !(dp[0] == '.' && dp[1] == '\0') && strlen(dp) <= 4) {
            /* strtod honours LC_NUMERIC: spell the point the way the host's locale wants it */
            size_t m = strlen(dp);
            memcpy(clean + k, dp, m);
            k += m;
            continue;
        }
        clean[k++] = ch;
    }
    clean[k] = '\0';
    if (!is_float && !is_imag) {
        c->kind = KR_AST_CONST_INT;
        c->base = 10;
        c->digits = clean;
        return 0;
    }
    c->kind = is_imag ? KR_AST_CONST_IMAGINARY : KR_AST_CONST_FLOAT;
    c->f = strtod(clean, NULL);
    return 0;
}

/* ------------------------------------------------------------------------------------------------
 * Strings
 */

static int valid_prefix(const char *s, size_t n, int *is_f, int *is_raw, int *is_bytes)
{
    int r = 0, b = 0, u = 0, f = 0;
    if (n == 0 || n > 2)
        return 0;
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case 'r': case 'R': r++; break;
        case 'b': case 'B': b++; break;
        case 'u': case 'U': u++; break;
        case 'f': case 'F': f++; break;
        default: return 0;
        }
    }
    if (r > 1 || b > 1 || u > 1 || f > 1)
        return 0;
    if (u && n != 1)
        return 0;
    if (b && f)
        return 0;
    *is_f = f;
    *is_raw = r;
    *is_bytes = b;
    return 1;
}

/* Is there an f-string whose quote is `q` x size at the top, so that an unterminated nested string
 * with that quote really means a missing '}'? (CPython's heuristic for f"{x".) */
static int fstring_quote_clash(const kr_lexer *lx, char q, int size)
{
    if (lx->fstring_depth == 0)
        return 0;
    const kr_lex_fstring *f = &lx->fstrings[lx->fstring_depth - 1];
    return f->quote == q && f->quote_size == size;
}

static int lex_string(kr_lexer *lx, kr_lex_token *tok, const char *start, int line, int col)
{
    char q = *lx->p;
    int size = (lx->p[1] == q && lx->p[2] == q) ? 3 : 1;
    lx->p += size;
    for (;;) {
        char c = *lx->p;
        if (c == '\0' || (c == '\n' && size == 1)) {
            if (fstring_quote_clash(lx, q, size)) {
                int o = col + 1;
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, o, line, o, "f-string: expecting '}'");
                return fail_token(lx, tok);
            }
            if (size == 3) {
                lx->incomplete = 1;
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 1, line, col + 1,
                         "unterminated triple-quoted string literal (detected at line %d)", last_line(lx));
            } else {
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 1, line, col + 1,
                         "unterminated string literal (detected at line %d)", lx->lineno);
            }
            return fail_token(lx, tok);
        }
        if (c == q) {
            if (size == 1) {
                lx->p++;
                break;
            }
            if (lx->p[1] == q && lx->p[2] == q) {
                lx->p += 3;
                break;
            }
            lx->p++;
            continue;
        }
        if (c == '\\') {
            lx->p++;
            if (*lx->p == '\n')
                eat_newline(lx);
            else if (*lx->p != '\0')
                lx->p++;
            continue;
        }
        if (c == '\n') {
            eat_newline(lx);
            continue;
        }
        lx->p++;
    }
    return make(lx, tok, KR_TOK_STRING, start, line, col);
}

static int push_paren(kr_lexer *lx, char ch, int line, int col, int fstring, int spec_level)
{
    if (lx->paren_depth >= KR_LEX_MAX_PARENS) {
        LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 1, line, col + 1, "too many nested parentheses");
        return -1;
    }
    kr_lex_paren *pp = &lx->parens[lx->paren_depth++];
    pp->ch = ch;
    pp->in_spec = 0;
    pp->spec_level = (unsigned char)spec_level;
    pp->fstring = fstring;
    pp->lineno = line;
    pp->col_offset = col;
    return 0;
}

/* Literal text of the top f-string (in_spec: inside a format spec). Produces FSTRING_MIDDLE,
 * FSTRING_END, or the '{' / '}' of a replacement field. */
static int lex_fstring_text(kr_lexer *lx, kr_lex_token *tok, int in_spec)
{
    kr_lex_fstring *f = &lx->fstrings[lx->fstring_depth - 1];
    const char *start = lx->p;
    int line = lx->lineno, col = col_of(lx, start);
    for (;;) {
        char c = *lx->p;
        if (c == '\0') {
            if (f->quote_size == 3) {
                lx->incomplete = 1;
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, f->lineno, f->col_offset + 1, f->lineno, f->col_offset + 1,
                         "unterminated triple-quoted f-string literal (detected at line %d)", last_line(lx));
            } else {
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, f->lineno, f->col_offset + 1, f->lineno, f->col_offset + 1,
                         "unterminated f-string literal (detected at line %d)", last_line(lx));
            }
            return fail_token(lx, tok);
        }
        if (c == f->quote && (f->quote_size == 1 || (lx->p[1] == c && lx->p[2] == c))) {
            if (in_spec) {
                int o = col_of(lx, lx->p) + 1;
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, lx->lineno, o, lx->lineno, o, "f-string: expecting '}'");
                return fail_token(lx, tok);
            }
            if (lx->p > start)
                return make(lx, tok, KR_TOK_FSTRING_MIDDLE, start, line, col);
            lx->p += f->quote_size;
            lx->fstring_depth--;
            return make(lx, tok, KR_TOK_FSTRING_END, start, line, col);
        }
        if (c == '\n') {
            if (f->quote_size == 1) {
                if (in_spec) {
                    int o = col_of(lx, lx->p) + 1;
                    LEX_FAIL(lx, KR_SYNERR_SYNTAX, lx->lineno, o, lx->lineno, o,
                             "f-string: newlines are not allowed in format specifiers for single quoted f-strings");
                } else {
                    LEX_FAIL(lx, KR_SYNERR_SYNTAX, f->lineno, f->col_offset + 1, f->lineno, f->col_offset + 1,
                             "unterminated f-string literal (detected at line %d)", lx->lineno);
                }
                return fail_token(lx, tok);
            }
            eat_newline(lx);
            continue;
        }
        if (c == '\\') {
            char n = lx->p[1];
            if (!f->raw && n == 'N' && lx->p[2] == '{') {
                /* \N{NAME}: the braces belong to the escape, not to a field */
                const char *q = lx->p + 3;
                while (*q && *q != '}' && *q != '\n' && *q != f->quote)
                    q++;
                lx->p = (*q == '}') ? q + 1 : q;
                continue;
            }
            if (n == '{' || n == '}' || n == '\0') {
                lx->p++;
                continue;
            }
            lx->p++;
            if (*lx->p == '\n')
                eat_newline(lx);
            else
                lx->p++;
            continue;
        }
        if (c == '{') {
            if (!in_spec && lx->p[1] == '{') {
                lx->p += 2;
                continue;
            }
            if (lx->p > start)
                return make(lx, tok, KR_TOK_FSTRING_MIDDLE, start, line, col);
            int spec_level = 0;
            if (in_spec) {
                spec_level = lx->parens[lx->paren_depth - 1].spec_level + 1;
                if (spec_level >= 3) {
                    int o = col_of(lx, lx->p); /* CPython points at the ':' before the '{' */
                    LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, o, line, o, "f-string: expressions nested too deeply");
                    return fail_token(lx, tok);
                }
            }
            if (push_paren(lx, '{', line, col, lx->fstring_depth, spec_level) < 0)
                return fail_token(lx, tok);
            lx->p++;
            return make(lx, tok, KR_TOK_LBRACE, start, line, col);
        }
        if (c == '}') {
            if (!in_spec) {
                if (lx->p[1] == '}') {
                    lx->p += 2;
                    continue;
                }
                int o = col_of(lx, lx->p) + 1;
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, lx->lineno, o, lx->lineno, o, "f-string: single '}' is not allowed");
                return fail_token(lx, tok);
            }
            if (lx->p > start)
                return make(lx, tok, KR_TOK_FSTRING_MIDDLE, start, line, col);
            lx->paren_depth--;
            lx->p++;
            return make(lx, tok, KR_TOK_RBRACE, start, line, col);
        }
        lx->p++;
    }
}

/* ------------------------------------------------------------------------------------------------
 * Operators
 */

static kr_lex_toktype op3(const char *p)
{
    if (p[2] != '=' && !(p[0] == '.' && p[1] == '.' && p[2] == '.'))
        return KR_TOK_ERROR;
    if (p[0] == '.' && p[1] == '.' && p[2] == '.')
        return KR_TOK_ELLIPSIS;
    if (p[0] == '*' && p[1] == '*')
        return KR_TOK_DOUBLESTAREQUAL;
    if (p[0] == '/' && p[1] == '/')
        return KR_TOK_DOUBLESLASHEQUAL;
    if (p[0] == '<' && p[1] == '<')
        return KR_TOK_LEFTSHIFTEQUAL;
    if (p[0] == '>' && p[1] == '>')
        return KR_TOK_RIGHTSHIFTEQUAL;
    return KR_TOK_ERROR;
}

static kr_lex_toktype op2(const char *p)
{
    char a = p[0], b = p[1];
    if (b == '=') {
        switch (a) {
        case '!': return KR_TOK_NOTEQUAL;
        case '%': return KR_TOK_PERCENTEQUAL;
        case '&': return KR_TOK_AMPEREQUAL;
        case '*': return KR_TOK_STAREQUAL;
        case '+': return KR_TOK_PLUSEQUAL;
        case '-': return KR_TOK_MINEQUAL;
        case '/': return KR_TOK_SLASHEQUAL;
        case ':': return KR_TOK_COLONEQUAL;
        case '<': return KR_TOK_LESSEQUAL;
        case '=': return KR_TOK_EQEQUAL;
        case '>': return KR_TOK_GREATEREQUAL;
        case '@': return KR_TOK_ATEQUAL;
        case '^': return KR_TOK_CIRCUMFLEXEQUAL;
        case '|': return KR_TOK_VBAREQUAL;
        default: return KR_TOK_ERROR;
        }
    }
    if (a == '*' && b == '*') return KR_TOK_DOUBLESTAR;
    if (a == '/' && b == '/') return KR_TOK_DOUBLESLASH;
    if (a == '<' && b == '<') return KR_TOK_LEFTSHIFT;
    if (a == '>' && b == '>') return KR_TOK_RIGHTSHIFT;
    if (a == '-' && b == '>') return KR_TOK_RARROW;
    return KR_TOK_ERROR;
}

static kr_lex_toktype op1(char c)
{
    switch (c) {
    case '(': return KR_TOK_LPAR;
    case ')': return KR_TOK_RPAR;
    case '[': return KR_TOK_LSQB;
    case ']': return KR_TOK_RSQB;
    case '{': return KR_TOK_LBRACE;
    case '}': return KR_TOK_RBRACE;
    case ':': return KR_TOK_COLON;
    case ',': return KR_TOK_COMMA;
    case ';': return KR_TOK_SEMI;
    case '+': return KR_TOK_PLUS;
    case '-': return KR_TOK_MINUS;
    case '*': return KR_TOK_STAR;
    case '/': return KR_TOK_SLASH;
    case '|': return KR_TOK_VBAR;
    case '&': return KR_TOK_AMPER;
    case '<': return KR_TOK_LESS;
    case '>': return KR_TOK_GREATER;
    case '=': return KR_TOK_EQUAL;
    case '.': return KR_TOK_DOT;
    case '%': return KR_TOK_PERCENT;
    case '~': return KR_TOK_TILDE;
    case '^': return KR_TOK_CIRCUMFLEX;
    case '@': return KR_TOK_AT;
    case '!': return KR_TOK_EXCLAMATION;
    default: return KR_TOK_ERROR;
    }
}

/* ------------------------------------------------------------------------------------------------
 * The main loop
 */

/* Measures the indentation of a new logical line and queues INDENT/DEDENT. Returns 1 if the line is
 * blank (only whitespace/comment), 0 otherwise, -1 on error. */
static int measure_indent(kr_lexer *lx)
{
    int col = 0, altcol = 0;
    for (;;) {
        char c = *lx->p;
        if (c == ' ') {
            col++;
            altcol++;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8;
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0;
        } else {
            break;
        }
        lx->p++;
    }
    char c = *lx->p;
    if (c == '#' || c == '\n' || c == '\0')
        return 1;
    if (c == '\\' && lx->p[1] == '\n')
        return 1; /* a continuation line: its indentation does not count (CPython treats it as blank) */
    int top = lx->indent_top;
    if (col == lx->indents[top]) {
        if (altcol != lx->altindents[top])
            goto tab_error;
    } else if (col > lx->indents[top]) {
        if (top + 1 >= KR_LEX_MAX_INDENT) {
            LEX_FAIL(lx, KR_SYNERR_INDENTATION, lx->lineno, 1, lx->lineno, 0, "too many levels of indentation");
            return -1;
        }
        if (altcol <= lx->altindents[top])
            goto tab_error;
        lx->indent_top++;
        lx->indents[lx->indent_top] = col;
        lx->altindents[lx->indent_top] = altcol;
        lx->pending = 1;
    } else {
        while (lx->indent_top > 0 && col < lx->indents[lx->indent_top]) {
            lx->indent_top--;
            lx->pending--;
        }
        if (col != lx->indents[lx->indent_top]) {
            const char *e = lx->p;
            while (*e != '\n' && *e)
                e++;
            int o = col_of(lx, e) + 1;
            LEX_FAIL(lx, KR_SYNERR_INDENTATION, lx->lineno, o, lx->lineno, -1,
                     "unindent does not match any outer indentation level");
            return -1;
        }
        if (altcol != lx->altindents[lx->indent_top])
            goto tab_error;
        lx->dedent_col = col_of(lx, lx->p);
    }
    return 0;
tab_error:
    LEX_FAIL(lx, KR_SYNERR_TAB, lx->lineno, 1, lx->lineno, 0, "inconsistent use of tabs and spaces in indentation");
    return -1;
}

int kr_lex_next(kr_lexer *lx, kr_lex_token *tok)
{
    if (lx->failed)
        return fail_token(lx, tok);
    for (;;) {
        if (lx->pending > 0) {
            lx->pending--;
            const char *s = lx->line_start;
            tok->type = KR_TOK_INDENT;
            tok->start = s;
            tok->len = (size_t)(lx->p - s);
            tok->lineno = tok->end_lineno = lx->lineno;
            tok->col_offset = 0;
            tok->end_col_offset = col_of(lx, lx->p);
            lx->last_type = KR_TOK_INDENT;
            return 0;
        }
        if (lx->pending < 0) {
            lx->pending++;
            tok->type = KR_TOK_DEDENT;
            tok->start = lx->p;
            tok->len = 0;
            tok->lineno = tok->end_lineno = lx->lineno;
            tok->col_offset = tok->end_col_offset = col_of(lx, lx->p);
            lx->last_type = KR_TOK_DEDENT;
            return 0;
        }
        if (lx->fstring_depth > 0) {
            const kr_lex_fstring *f = &lx->fstrings[lx->fstring_depth - 1];
            if (lx->paren_depth == f->base_depth)
                return lex_fstring_text(lx, tok, 0);
            const kr_lex_paren *pt = &lx->parens[lx->paren_depth - 1];
            if (pt->fstring == lx->fstring_depth && pt->in_spec)
                return lex_fstring_text(lx, tok, 1);
        }
        if (lx->atbol) {
            lx->atbol = 0;
            if (lx->paren_depth == 0) {
                int r = measure_indent(lx);
                if (r < 0)
                    return fail_token(lx, tok);
                if (r == 1) {
                    /* blank line: skip it entirely, stay at the beginning of a line */
                    while (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\f')
                        lx->p++;
                    if (*lx->p == '#')
                        while (*lx->p != '\n' && *lx->p)
                            lx->p++;
                    if (*lx->p == '\n') {
                        eat_newline(lx);
                        lx->atbol = 1;
                        continue;
                    }
                    if (*lx->p == '\\' && lx->p[1] == '\n') {
                        /* fall through to the continuation handling below */
                    } else if (*lx->p != '\0') {
                        continue;
                    }
                }
                if (lx->pending)
                    continue;
            }
        }

        while (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\f')
            lx->p++;
        if (*lx->p == '#')
            while (*lx->p != '\n' && *lx->p)
                lx->p++;

        const char *start = lx->p;
        int line = lx->lineno, col = col_of(lx, start);
        unsigned char c = (unsigned char)*lx->p;

        if (c == '\0') {
            if (lx->fstring_depth > 0) {
                const kr_lex_paren *pt = &lx->parens[lx->paren_depth - 1];
                if (pt->fstring) {
                    LEX_FAIL(lx, KR_SYNERR_SYNTAX, pt->lineno, pt->col_offset + 1, pt->lineno,
                             pt->col_offset + 1, "f-string: expecting '}'");
                    return fail_token(lx, tok);
                }
            }
            if (lx->paren_depth > 0) {
                const kr_lex_paren *pt = &lx->parens[lx->paren_depth - 1];
                lx->incomplete = 1;
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, pt->lineno, pt->col_offset + 1, pt->lineno, 0,
                         "'%c' was never closed", pt->ch);
                return fail_token(lx, tok);
            }
            if (lx->last_type != KR_TOK_NEWLINE && lx->last_type != KR_TOK_DEDENT &&
                lx->last_type != KR_TOK_INDENT) {
                /* only reachable for an empty last logical line after a continuation */
                return make(lx, tok, KR_TOK_NEWLINE, start, line, col);
            }
            if (lx->indent_top > 0) {
                lx->pending = -lx->indent_top;
                lx->indent_top = 0;
                continue;
            }
            return make(lx, tok, KR_TOK_ENDMARKER, start, line, col);
        }

        if (is_id_start(c)) {
            const char *q = lx->p;
            while (is_id_char((unsigned char)*q)) {
                if ((unsigned char)*q >= 0x80) {
                    int n;
                    unsigned cp = decode_cp((const unsigned char *)q, &n);
                    if (cp_is_invalid_in_name(cp)) {
                        int o = col_of(lx, q) + 1;
                        LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, o, line, o, "invalid character '%.*s' (U+%04X)", n,
                                 q, cp);
                        return fail_token(lx, tok);
                    }
                    q += n;
                } else {
                    q++;
                }
            }
            int is_f = 0, is_raw = 0, is_bytes = 0;
            if ((*q == '"' || *q == '\'') && valid_prefix(lx->p, (size_t)(q - lx->p), &is_f, &is_raw, &is_bytes)) {
                lx->p = q;
                if (!is_f)
                    return lex_string(lx, tok, start, line, col);
                if (lx->fstring_depth >= KR_LEX_MAX_FSTRING) {
                    LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 1, line, col + 1, "too many nested f-strings");
                    return fail_token(lx, tok);
                }
                char qc = *lx->p;
                int size = (lx->p[1] == qc && lx->p[2] == qc) ? 3 : 1;
                lx->p += size;
                kr_lex_fstring *f = &lx->fstrings[lx->fstring_depth++];
                f->quote = qc;
                f->quote_size = (unsigned char)size;
                f->raw = (unsigned char)is_raw;
                f->base_depth = lx->paren_depth;
                f->lineno = line;
                f->col_offset = col;
                return make(lx, tok, KR_TOK_FSTRING_START, start, line, col);
            }
            lx->p = q;
            return make(lx, tok, keyword_type(start, (size_t)(q - start)), start, line, col);
        }

        if (c == '\n') {
            if (lx->paren_depth > 0) {
                eat_newline(lx);
                continue;
            }
            lx->p++;
            make(lx, tok, KR_TOK_NEWLINE, start, line, col);
            tok->end_lineno = line;
            tok->end_col_offset = col + 1;
            lx->lineno++;
            lx->line_start = lx->p;
            lx->atbol = 1;
            return 0;
        }

        if (is_digit(c) || (c == '.' && is_digit((unsigned char)lx->p[1])))
            return lex_number(lx, tok);

        if (c == '"' || c == '\'')
            return lex_string(lx, tok, start, line, col);

        if (c == '\\') {
            if (lx->p[1] == '\n') {
                lx->p++;
                eat_newline(lx);
                if (*lx->p == '\0') {
                    lx->incomplete = 1;
                    LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 2, line, -1, "unexpected EOF while parsing");
                    return fail_token(lx, tok);
                }
                continue;
            }
            LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 2, line, 0,
                     "unexpected character after line continuation character");
            return fail_token(lx, tok);
        }

        /* Inside an f-string replacement field, ':' and '}' at the field's own level switch back
         * to literal text; '!' introduces the conversion. */
        if (lx->fstring_depth > 0 && lx->paren_depth > 0) {
            kr_lex_paren *pt = &lx->parens[lx->paren_depth - 1];
            if (pt->fstring == lx->fstring_depth && !pt->in_spec && c == ':') {
                pt->in_spec = 1;
                lx->p++;
                return make(lx, tok, KR_TOK_COLON, start, line, col);
            }
        }

        kr_lex_toktype t = op3(lx->p);
        int n = 3;
        if (t == KR_TOK_ERROR) {
            t = op2(lx->p);
            n = 2;
        }
        if (t == KR_TOK_ERROR) {
            t = op1((char)c);
            n = 1;
        }
        if (t == KR_TOK_ERROR) {
            if (c < 0x20 || c == 0x7F) {
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 1, line, col + 1, "invalid non-printable character U+%04X", c);
            } else {
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 1, line, col + 2, "invalid syntax");
            }
            return fail_token(lx, tok);
        }
        if (t == KR_TOK_LPAR || t == KR_TOK_LSQB || t == KR_TOK_LBRACE) {
            if (push_paren(lx, (char)c, line, col, 0, 0) < 0)
                return fail_token(lx, tok);
        } else if (t == KR_TOK_RPAR || t == KR_TOK_RSQB || t == KR_TOK_RBRACE) {
            if (lx->paren_depth == 0 ||
                (lx->fstring_depth > 0 && lx->paren_depth == lx->fstrings[lx->fstring_depth - 1].base_depth)) {
                LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 1, line, col + 1, "unmatched '%c'", c);
                return fail_token(lx, tok);
            }
            const kr_lex_paren *pt = &lx->parens[lx->paren_depth - 1];
            char want = pt->ch == '(' ? ')' : pt->ch == '[' ? ']' : '}';
            if ((char)c != want) {
                const char *pre = pt->fstring ? "f-string: " : "";
                if (pt->lineno != line)
                    LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 1, line, col + 1,
                             "%sclosing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                             pre, c, pt->ch, pt->lineno);
                else
                    LEX_FAIL(lx, KR_SYNERR_SYNTAX, line, col + 1, line, col + 1,
                             "%sclosing parenthesis '%c' does not match opening parenthesis '%c'", pre, c, pt->ch);
                return fail_token(lx, tok);
            }
            lx->paren_depth--;
        }
        lx->p += n;
        return make(lx, tok, t, start, line, col);
    }
}

/* ------------------------------------------------------------------------------------------------
 * Escape decoding
 */

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Appends code point cp as UTF-8 (surrogates as 3-byte WTF-8). out has room (callers size it). */
static size_t put_utf8(char *out, unsigned cp)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes s[0..n). Every escape produces at most as many bytes as its spelling (\x80 -> 2 bytes from
 * 4, \U0010FFFF -> 4 from 10, \777 -> 2 from 4), so n + 1 bytes always suffice.
 * fmid: the text is an f-string middle, where {{ and }} stand for single braces. Errors are reported
 * at (line, col..end) = the literal's token span, as CPython does. */
static int decode(const kr_lexer *lx, const char *s, size_t n, int raw, int bytes, int fmid,
                  const kr_lex_token *tok, char **out, size_t *out_len, kr_syntax_error *err)
{
    char *buf = kr_ast_arena_alloc(lx->arena, n + 1);
    if (!buf) {
        kr_lex_set_error(lx, err, KR_SYNERR_MEMORY, tok->lineno, tok->col_offset + 1, 0, 0, "out of memory");
        return -1;
    }
    size_t k = 0;
    int eoff = tok->end_lineno == tok->lineno ? tok->end_col_offset + 1 : tok->col_offset + 1 + (int)tok->len;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (bytes && c >= 0x80) {
            kr_lex_set_error(lx, err, KR_SYNERR_SYNTAX, tok->lineno, tok->col_offset + 1, tok->end_lineno, eoff,
                             "bytes can only contain ASCII literal characters");
            return -1;
        }
        if (fmid && (c == '{' || c == '}') && i + 1 < n && (unsigned char)s[i + 1] == c) {
            buf[k++] = (char)c;
            i += 2;
            continue;
        }
        if (c != '\\' || raw) {
            buf[k++] = (char)c;
            i++;
            continue;
        }
        if (i + 1 >= n) {
            /* a lone trailing backslash (only possible in an f-string middle before '{') */
            buf[k++] = '\\';
            i++;
            continue;
        }
        size_t esc = i;
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\\': buf[k++] = '\\'; break;
        case '\'': buf[k++] = '\''; break;
        case '"': buf[k++] = '"'; break;
        case 'a': buf[k++] = '\a'; break;
        case 'b': buf[k++] = '\b'; break;
        case 'f': buf[k++] = '\f'; break;
        case 'n': buf[k++] = '\n'; break;
        case 'r': buf[k++] = '\r'; break;
        case 't': buf[k++] = '\t'; break;
        case 'v': buf[k++] = '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(e - '0');
            for (int d = 0; d < 2 && i < n && s[i] >= '0' && s[i] <= '7'; d++)
                v = v * 8 + (unsigned)(s[i++] - '0');
            if (bytes)
                buf[k++] = (char)(v & 0xFF);
            else
                k += put_utf8(buf + k, v);
            break;
        }
        case 'x': {
            int h1 = i < n ? hexval((unsigned char)s[i]) : -1;
            int h2 = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
            if (h1 < 0 || h2 < 0) {
                size_t last = i + (h1 >= 0 ? 1 : 0);
                if (last >= n)
                    last = n - 1;
                if (bytes)
                    kr_lex_set_error(lx, err, KR_SYNERR_SYNTAX, tok->lineno, tok->col_offset + 1, tok->end_lineno,
                                     eoff, "(value error) invalid \\x escape at position %zu", esc);
                else
                    kr_lex_set_error(lx, err, KR_SYNERR_SYNTAX, tok->lineno, tok->col_offset + 1, tok->end_lineno,
                                     eoff,
                                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                                     "%zu-%zu: truncated \\xXX escape",
                                     esc, last);
                return -1;
            }
            unsigned v = (unsigned)(h1 * 16 + h2);
            i += 2;
            if (bytes)
                buf[k++] = (char)v;
            else
                k += put_utf8(buf + k, v);
            break;
        }
        case 'u':
        case 'U':
        case 'N':
            if (bytes) {
                /* not an escape in bytes: kept verbatim */
                buf[k++] = '\\';
                buf[k++] = e;
                break;
            }
            if (e == 'N') {
                /* \N{name} (vm/unicode_names.h). Errors report CPython's positions: through the last byte
                 * it examined, counting each earlier non-ASCII character as its 10-byte \UXXXXXXXX. */
                size_t j = i;
                uint32_t ncp;
                if (j < n && s[j] == '{') {
                    while (++j < n && s[j] != '}')
                        ;
                    if (j < n && j > i + 1 && kr_unicode_lookup_name && kr_unicode_lookup_name(s + i + 1, j - i - 1, &ncp)) {
                        k += put_utf8(buf + k, ncp);
                        i = j + 1;
                        break;
                    }
                }
                int unknown = j < n && j > i + 1; /* else malformed: no '{', no '}' or an empty name */
                size_t last = unknown ? j : (i < n && s[i] == '{') ? j - 1 : esc + 1;
                size_t pos = esc, end = last;
                for (size_t x = 0; x <= last; x++)
                    if (((unsigned char)s[x] & 0xC0) == 0xC0) /* a lead byte: +10 minus its UTF-8 length */
                        *(x < esc ? &pos : &end) += 10 - (s[x] & 0x20 ? (s[x] & 0x10 ? 4 : 3) : 2);
                end += pos - esc;
                kr_lex_set_error(lx, err, KR_SYNERR_SYNTAX, tok->lineno, tok->col_offset + 1, tok->end_lineno, eoff,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                                 pos, end, unknown ? "unknown Unicode character name" : "malformed \\N character escape");
                return -1;
            } else {
                int digits = e == 'u' ? 4 : 8;
                unsigned v = 0;
                int got = 0;
                while (got < digits && i < n && hexval((unsigned char)s[i]) >= 0) {
                    v = v * 16 + (unsigned)hexval((unsigned char)s[i++]);
                    got++;
                }
                if (got < digits) {
                    size_t last = i > esc ? i - 1 : esc;
                    kr_lex_set_error(lx, err, KR_SYNERR_SYNTAX, tok->lineno, tok->col_offset + 1, tok->end_lineno,
                                     eoff,
                                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                                     "%zu-%zu: truncated \\%s escape",
                                     esc, last, e == 'u' ? "uXXXX" : "UXXXXXXXX");
                    return -1;
                }
                if (v > 0x10FFFF) {
                    kr_lex_set_error(lx, err, KR_SYNERR_SYNTAX, tok->lineno, tok->col_offset + 1, tok->end_lineno,
                                     eoff,
                                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                                     "%zu-%zu: illegal Unicode character",
                                     esc, i - 1);
                    return -1;
                }
                k += put_utf8(buf + k, v);
            }
            break;
        default:
            /* unknown escape: kept verbatim (CPython warns) */
            buf[k++] = '\\';
            i--;
            break;
        }
    }
    buf[k] = '\0';
    *out = buf;
    *out_len = k;
    return 0;
}

int kr_lex_string_value(const kr_lexer *lx, const kr_lex_token *tok, char **out, size_t *out_len,
                        int *is_bytes, kr_syntax_error *err)
{
    const char *s = tok->start;
    size_t pre = 0;
    while (pre < tok->len && s[pre] != '"' && s[pre] != '\'')
        pre++;
    int is_f = 0, raw = 0, bytes = 0;
    if (pre > 0)
        valid_prefix(s, pre, &is_f, &raw, &bytes);
    size_t q = (tok->len >= pre + 6 && s[pre + 1] == s[pre] && s[pre + 2] == s[pre]) ? 3 : 1;
    if (tok->len < pre + 2 * q)
        q = 1;
    *is_bytes = bytes;
    return decode(lx, s + pre + q, tok->len - pre - 2 * q, raw, bytes, 0, tok, out, out_len, err);
}

int kr_lex_fstring_middle_value(const kr_lexer *lx, const kr_lex_token *tok, int raw, char **out,
                                size_t *out_len, kr_syntax_error *err)
{
    return decode(lx, tok->start, tok->len, raw, 0, 1, tok, out, out_len, err);
}
