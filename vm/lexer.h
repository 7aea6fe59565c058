/* lexer.h: Python 3.12 tokenizer (source bytes -> tokens), in the style of CPython's
 * Parser/tokenizer.c: INDENT/DEDENT from an indentation stack, implicit line joining inside brackets,
 * and PEP 701 f-strings tokenized as FSTRING_START / FSTRING_MIDDLE / ... / FSTRING_END with the
 * replacement fields lexed as ordinary tokens.
 *
 * Tokens point into the lexer's own normalized copy of the source (BOM removed, \r\n and \r turned
 * into \n, a final \n added if missing), which lives in the arena. Literal values are decoded on
 * demand by kr_lex_number_value / kr_lex_string_value, so the lexer itself never allocates per token.
 */
#ifndef KRAIT_LEXER_H
#define KRAIT_LEXER_H

#include <stddef.h>

#include "ast.h"

typedef enum {
    KR_TOK_ENDMARKER = 0,
    KR_TOK_NAME,
    KR_TOK_NUMBER,
    KR_TOK_STRING, /* a complete non-f string literal, prefix and quotes included */
    KR_TOK_NEWLINE,
    KR_TOK_INDENT,
    KR_TOK_DEDENT,
    KR_TOK_FSTRING_START,  /* prefix and opening quote(s) */
    KR_TOK_FSTRING_MIDDLE, /* raw literal text between fields (escapes and {{ }} not yet decoded) */
    KR_TOK_FSTRING_END,    /* closing quote(s) */
    KR_TOK_ERROR,          /* the lexer failed: the error is in the kr_syntax_error given at init */

    /* operators and delimiters */
    KR_TOK_LPAR, KR_TOK_RPAR, KR_TOK_LSQB, KR_TOK_RSQB, KR_TOK_LBRACE, KR_TOK_RBRACE,
    KR_TOK_COLON, KR_TOK_COMMA, KR_TOK_SEMI, KR_TOK_DOT, KR_TOK_ELLIPSIS, KR_TOK_AT, KR_TOK_RARROW,
    KR_TOK_EQUAL, KR_TOK_COLONEQUAL, KR_TOK_EXCLAMATION,
    KR_TOK_PLUS, KR_TOK_MINUS, KR_TOK_STAR, KR_TOK_SLASH, KR_TOK_DOUBLESLASH, KR_TOK_PERCENT,
    KR_TOK_DOUBLESTAR, KR_TOK_VBAR, KR_TOK_AMPER, KR_TOK_CIRCUMFLEX, KR_TOK_TILDE,
    KR_TOK_LEFTSHIFT, KR_TOK_RIGHTSHIFT,
    KR_TOK_LESS, KR_TOK_GREATER, KR_TOK_EQEQUAL, KR_TOK_NOTEQUAL, KR_TOK_LESSEQUAL, KR_TOK_GREATEREQUAL,
    /* augmented assignment */
    KR_TOK_PLUSEQUAL, KR_TOK_MINEQUAL, KR_TOK_STAREQUAL, KR_TOK_SLASHEQUAL, KR_TOK_DOUBLESLASHEQUAL,
    KR_TOK_PERCENTEQUAL, KR_TOK_DOUBLESTAREQUAL, KR_TOK_VBAREQUAL, KR_TOK_AMPEREQUAL,
    KR_TOK_CIRCUMFLEXEQUAL, KR_TOK_LEFTSHIFTEQUAL, KR_TOK_RIGHTSHIFTEQUAL, KR_TOK_ATEQUAL,

    /* hard keywords (soft keywords match, case, _, type are NAMEs) */
    KR_TOK_FALSE, KR_TOK_NONE, KR_TOK_TRUE, KR_TOK_AND, KR_TOK_AS, KR_TOK_ASSERT, KR_TOK_ASYNC,
    KR_TOK_AWAIT, KR_TOK_BREAK, KR_TOK_CLASS, KR_TOK_CONTINUE, KR_TOK_DEF, KR_TOK_DEL, KR_TOK_ELIF,
    KR_TOK_ELSE, KR_TOK_EXCEPT, KR_TOK_FINALLY, KR_TOK_FOR, KR_TOK_FROM, KR_TOK_GLOBAL, KR_TOK_IF,
    KR_TOK_IMPORT, KR_TOK_IN, KR_TOK_IS, KR_TOK_LAMBDA, KR_TOK_NONLOCAL, KR_TOK_NOT, KR_TOK_OR,
    KR_TOK_PASS, KR_TOK_RAISE, KR_TOK_RETURN, KR_TOK_TRY, KR_TOK_WHILE, KR_TOK_WITH, KR_TOK_YIELD,

    KR_TOK_COUNT_
} kr_lex_toktype;

typedef struct {
    kr_lex_toktype type;
    const char *start; /* into the normalized source; for ENDMARKER/DEDENT/NEWLINE may have len 0 */
    size_t len;
    int lineno, col_offset, end_lineno, end_col_offset; /* CPython conventions, byte columns */
} kr_lex_token;

#define KR_LEX_MAX_INDENT 100  /* CPython's MAXINDENT: "too many levels of indentation" */
#define KR_LEX_MAX_PARENS 200  /* CPython's MAXLEVEL: "too many nested parentheses" */
#define KR_LEX_MAX_FSTRING 150 /* CPython's MAXFSTRINGLEVEL: "too many nested f-strings" */

/* One open bracket. For a `{` that opens an f-string replacement field, fstring is the index (+1) of
 * its f-string in the f-string stack and in_spec says whether its format spec has started. */
typedef struct {
    char ch;
    unsigned char in_spec;
    unsigned char spec_level; /* how many enclosing fields of the same f-string are in their spec */
    int fstring;              /* 0: ordinary bracket */
    int lineno, col_offset;
} kr_lex_paren;

/* One f-string being lexed. While the paren depth equals base_depth we are in its literal text. */
typedef struct {
    char quote;
    unsigned char quote_size; /* 1 or 3 */
    unsigned char raw;
    int base_depth;
    int lineno, col_offset; /* of the prefix */
} kr_lex_fstring;

typedef struct kr_lexer {
    kr_ast_arena *arena;
    kr_syntax_error *err;
    const char *buf, *end; /* normalized source, *end == '\0', end[-1] == '\n' unless empty */
    const char *p;         /* next byte to read */
    const char *line_start;
    int lineno;
    int indents[KR_LEX_MAX_INDENT + 1];    /* columns with tabs to multiples of 8 */
    int altindents[KR_LEX_MAX_INDENT + 1]; /* columns with tabs counting 1: disagreement = TabError */
    int indent_top;
    int pending;     /* > 0: INDENTs to emit, < 0: DEDENTs to emit */
    int atbol;       /* at the beginning of a logical line: indentation must be measured */
    int last_type;   /* type of the last token returned (NEWLINE synthesis at EOF) */
    int failed;      /* sticky: every later call returns KR_TOK_ERROR */
    int incomplete;  /* the failure is "more input could fix it" (EOF inside a bracket/string/...) */
    int dedent_col;  /* column reported for pending DEDENTs */
    kr_lex_paren parens[KR_LEX_MAX_PARENS];
    int paren_depth;
    kr_lex_fstring fstrings[KR_LEX_MAX_FSTRING];
    int fstring_depth;
} kr_lexer;

/* Prepares lx to tokenize src[0..len). Returns 0, or -1 with *err filled (invalid UTF-8, NUL bytes,
 * out of memory); err must stay valid while lx is used. */
int kr_lex_init(kr_lexer *lx, kr_ast_arena *arena, const char *src, size_t len, kr_syntax_error *err);

/* Produces the next token. Returns 0, or -1 with tok->type == KR_TOK_ERROR and *err filled. After
 * ENDMARKER it keeps returning ENDMARKER. */
int kr_lex_next(kr_lexer *lx, kr_lex_token *tok);

/* Line `lineno` (1-based) of the normalized source, without its newline, copied into the arena. */
char *kr_lex_line_text(const kr_lexer *lx, int lineno);

/* Fills err: kind, printf-style message, positions exactly as CPython's SyntaxError stores them
 * (offset and end_offset 1-based; 0 or -1 where CPython reports those), and the source line of
 * `lineno` (lx may be NULL: no text). */
void kr_lex_set_error(const kr_lexer *lx, kr_syntax_error *err, int kind, int lineno, int offset,
                      int end_lineno, int end_offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* Decodes a NUMBER token into c (kind INT, FLOAT or IMAGINARY). Returns 0 or -1 on out of memory. */
int kr_lex_number_value(kr_ast_arena *arena, const kr_lex_token *tok, kr_ast_constant *c);

/* Decodes the body of a string literal: STRING tokens (prefix and quotes included) or the raw text
 * of an FSTRING_MIDDLE token (raw: the f-string's r prefix; {{ and }} become { and }). On success
 * returns 0 with a NUL-terminated arena copy in *out (length *out_len) and *is_bytes set (STRING only).
 * On a bad escape or a non-ASCII byte in a bytes literal returns -1 with err filled. */
int kr_lex_string_value(const kr_lexer *lx, const kr_lex_token *tok, char **out, size_t *out_len,
                        int *is_bytes, kr_syntax_error *err);
int kr_lex_fstring_middle_value(const kr_lexer *lx, const kr_lex_token *tok, int raw, char **out,
                                size_t *out_len, kr_syntax_error *err);

/* Spelling of a token type for messages: "'('", "NAME", "'if'", ... */
const char *kr_lex_token_name(kr_lex_toktype type);

#endif /* KRAIT_LEXER_H */
