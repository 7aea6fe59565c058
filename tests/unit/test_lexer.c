/* test_lexer.c: unit tests of the tokenizer (vm/lexer.c). Standalone: links only the front end. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "vm/ast.h"
#include "vm/lexer.h"

#define MAXT 64

/* Tokenizes src into types[] (up to and including ENDMARKER or ERROR); returns the count. */
static int lex_all(const char *src, kr_lex_toktype *types, kr_lex_token *toks, kr_syntax_error *err,
                   kr_lexer *lx, kr_ast_arena *arena)
{
    int n = 0;
    if (kr_lex_init(lx, arena, src, strlen(src), err) < 0)
        return 0;
    for (;;) {
        kr_lex_token t;
        kr_lex_next(lx, &t);
        ck_assert_int_lt(n, MAXT);
        if (toks)
            toks[n] = t;
        types[n++] = t.type;
        if (t.type == KR_TOK_ENDMARKER || t.type == KR_TOK_ERROR)
            return n;
    }
}

static void check_types(const char *src, const kr_lex_toktype *want, int nwant)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    kr_lexer lx;
    kr_syntax_error err;
    kr_lex_toktype got[MAXT];
    int n = lex_all(src, got, NULL, &err, &lx, arena);
    ck_assert_msg(n == nwant, "<%s>: %d tokens, expected %d", src, n, nwant);
    for (int i = 0; i < n; i++)
        ck_assert_msg(got[i] == want[i], "<%s>: token %d is %s, expected %s", src, i, kr_lex_token_name(got[i]),
                      kr_lex_token_name(want[i]));
    kr_ast_arena_free(arena);
}

#define CHECK_TYPES(src, ...)                                                                      \
    do {                                                                                           \
        static const kr_lex_toktype w_[] = {__VA_ARGS__};                                          \
        check_types(src, w_, (int)(sizeof w_ / sizeof w_[0]));                                     \
    } while (0)

START_TEST(test_blocks)
{
    CHECK_TYPES("if x:\n    y = 1\nz\n", KR_TOK_IF, KR_TOK_NAME, KR_TOK_COLON, KR_TOK_NEWLINE, KR_TOK_INDENT,
                KR_TOK_NAME, KR_TOK_EQUAL, KR_TOK_NUMBER, KR_TOK_NEWLINE, KR_TOK_DEDENT, KR_TOK_NAME, KR_TOK_NEWLINE,
                KR_TOK_ENDMARKER);
    /* blank lines and comments produce nothing; EOF closes the blocks */
    CHECK_TYPES("if x:\n  # c\n\n    y\n", KR_TOK_IF, KR_TOK_NAME, KR_TOK_COLON, KR_TOK_NEWLINE, KR_TOK_INDENT,
                KR_TOK_NAME, KR_TOK_NEWLINE, KR_TOK_DEDENT, KR_TOK_ENDMARKER);
    /* brackets and backslashes join lines */
    CHECK_TYPES("x = (1,\n  2)\ny = 1 + \\\n 2", KR_TOK_NAME, KR_TOK_EQUAL, KR_TOK_LPAR, KR_TOK_NUMBER, KR_TOK_COMMA,
                KR_TOK_NUMBER, KR_TOK_RPAR, KR_TOK_NEWLINE, KR_TOK_NAME, KR_TOK_EQUAL, KR_TOK_NUMBER, KR_TOK_PLUS,
                KR_TOK_NUMBER, KR_TOK_NEWLINE, KR_TOK_ENDMARKER);
    CHECK_TYPES("", KR_TOK_ENDMARKER);
}
END_TEST

START_TEST(test_operators_and_keywords)
{
    CHECK_TYPES("a **= b // c -> ... := != <<= @", KR_TOK_NAME, KR_TOK_DOUBLESTAREQUAL, KR_TOK_NAME, KR_TOK_DOUBLESLASH,
                KR_TOK_NAME, KR_TOK_RARROW, KR_TOK_ELLIPSIS, KR_TOK_COLONEQUAL, KR_TOK_NOTEQUAL, KR_TOK_LEFTSHIFTEQUAL,
                KR_TOK_AT, KR_TOK_NEWLINE, KR_TOK_ENDMARKER);
    /* soft keywords are names */
    CHECK_TYPES("match case _ type not in", KR_TOK_NAME, KR_TOK_NAME, KR_TOK_NAME, KR_TOK_NAME, KR_TOK_NOT, KR_TOK_IN,
                KR_TOK_NEWLINE, KR_TOK_ENDMARKER);
    CHECK_TYPES("1if x else 2", KR_TOK_NUMBER, KR_TOK_IF, KR_TOK_NAME, KR_TOK_ELSE, KR_TOK_NUMBER, KR_TOK_NEWLINE,
                KR_TOK_ENDMARKER);
}
END_TEST

START_TEST(test_fstring_tokens)
{
    CHECK_TYPES("f'a{x!r:>{w}}b'", KR_TOK_FSTRING_START, KR_TOK_FSTRING_MIDDLE, KR_TOK_LBRACE, KR_TOK_NAME,
                KR_TOK_EXCLAMATION, KR_TOK_NAME, KR_TOK_COLON, KR_TOK_FSTRING_MIDDLE, KR_TOK_LBRACE, KR_TOK_NAME,
                KR_TOK_RBRACE, KR_TOK_RBRACE, KR_TOK_FSTRING_MIDDLE, KR_TOK_FSTRING_END, KR_TOK_NEWLINE,
                KR_TOK_ENDMARKER);
    /* PEP 701: the same quote inside a replacement field */
    CHECK_TYPES("f'{'a'}'", KR_TOK_FSTRING_START, KR_TOK_LBRACE, KR_TOK_STRING, KR_TOK_RBRACE, KR_TOK_FSTRING_END,
                KR_TOK_NEWLINE, KR_TOK_ENDMARKER);
    CHECK_TYPES("f'{x=}'", KR_TOK_FSTRING_START, KR_TOK_LBRACE, KR_TOK_NAME, KR_TOK_EQUAL, KR_TOK_RBRACE,
                KR_TOK_FSTRING_END, KR_TOK_NEWLINE, KR_TOK_ENDMARKER);
    CHECK_TYPES("f'{{}}'", KR_TOK_FSTRING_START, KR_TOK_FSTRING_MIDDLE, KR_TOK_FSTRING_END, KR_TOK_NEWLINE,
                KR_TOK_ENDMARKER);
}
END_TEST

START_TEST(test_positions)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    kr_lexer lx;
    kr_syntax_error err;
    kr_lex_toktype types[MAXT];
    kr_lex_token toks[MAXT];
    int n = lex_all("x = '''a\nb'''\n  \ny", types, toks, &err, &lx, arena);
    ck_assert_int_eq(n, 7);
    /* the string spans two lines */
    ck_assert_int_eq(toks[2].type, KR_TOK_STRING);
    ck_assert_int_eq(toks[2].lineno, 1);
    ck_assert_int_eq(toks[2].col_offset, 4);
    ck_assert_int_eq(toks[2].end_lineno, 2);
    ck_assert_int_eq(toks[2].end_col_offset, 4);
    ck_assert_int_eq(toks[4].type, KR_TOK_NAME);
    ck_assert_int_eq(toks[4].lineno, 4);
    ck_assert_int_eq(toks[4].col_offset, 0);
    kr_ast_arena_free(arena);
}
END_TEST

START_TEST(test_number_values)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    kr_lexer lx;
    kr_syntax_error err;
    kr_lex_toktype types[MAXT];
    kr_lex_token toks[MAXT];
    int n = lex_all("0x_fF 1_000 0o7 0b1 1.5e2 3j 00", types, toks, &err, &lx, arena);
    ck_assert_int_eq(n, 9);
    kr_ast_constant c;
    ck_assert_int_eq(kr_lex_number_value(arena, &toks[0], &c), 0);
    ck_assert_int_eq(c.kind, KR_AST_CONST_INT);
    ck_assert_int_eq(c.base, 16);
    ck_assert_str_eq(c.digits, "fF");
    kr_lex_number_value(arena, &toks[1], &c);
    ck_assert_str_eq(c.digits, "1000");
    ck_assert_int_eq(c.base, 10);
    kr_lex_number_value(arena, &toks[2], &c);
    ck_assert_int_eq(c.base, 8);
    kr_lex_number_value(arena, &toks[3], &c);
    ck_assert_int_eq(c.base, 2);
    kr_lex_number_value(arena, &toks[4], &c);
    ck_assert_int_eq(c.kind, KR_AST_CONST_FLOAT);
    ck_assert(c.f == 150.0);
    kr_lex_number_value(arena, &toks[5], &c);
    ck_assert_int_eq(c.kind, KR_AST_CONST_IMAGINARY);
    ck_assert(c.f == 3.0);
    kr_lex_number_value(arena, &toks[6], &c);
    ck_assert_str_eq(c.digits, "00");
    kr_ast_arena_free(arena);
}
END_TEST

START_TEST(test_string_values)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    kr_lexer lx;
    kr_syntax_error err;
    kr_lex_toktype types[MAXT];
    kr_lex_token toks[MAXT];
    int n = lex_all("'a\\n\\x41\\101\\u00e9\\q' r'\\n' b'\\xff\\u' '''x\\\ny'''", types, toks, &err, &lx, arena);
    ck_assert_int_eq(n, 6);
    char *out;
    size_t len;
    int is_bytes;
    ck_assert_int_eq(kr_lex_string_value(&lx, &toks[0], &out, &len, &is_bytes, &err), 0);
    ck_assert_int_eq(is_bytes, 0);
    ck_assert_uint_eq(len, 8);
    ck_assert(memcmp(out, "a\nAA\xc3\xa9\\q", 9) == 0);
    kr_lex_string_value(&lx, &toks[1], &out, &len, &is_bytes, &err);
    ck_assert_str_eq(out, "\\n");
    kr_lex_string_value(&lx, &toks[2], &out, &len, &is_bytes, &err);
    ck_assert_int_eq(is_bytes, 1);
    ck_assert_uint_eq(len, 3);
    ck_assert(memcmp(out, "\xff\\u", 4) == 0);
    kr_lex_string_value(&lx, &toks[3], &out, &len, &is_bytes, &err);
    ck_assert_str_eq(out, "xy");
    kr_ast_arena_free(arena);
}
END_TEST

/* The tokenizer's errors: message, CPython's 1-based offset, and the REPL's "incomplete" flag. */
static const struct {
    const char *src;
    int kind;
    const char *msg;
    int lineno, offset, incomplete;
} errors[] = {
    {"x = 'abc\n", KR_SYNERR_SYNTAX, "unterminated string literal (detected at line 1)", 1, 5, 0},
    {"x = '''abc\n\n", KR_SYNERR_SYNTAX, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1},
    {"x = (1,\n", KR_SYNERR_SYNTAX, "'(' was never closed", 1, 5, 1},
    {"x = 1)\n", KR_SYNERR_SYNTAX, "unmatched ')'", 1, 6, 0},
    {"x = (1]\n", KR_SYNERR_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 0},
    {"x = 1 \\", KR_SYNERR_SYNTAX, "unexpected EOF while parsing", 1, 8, 1},
    {"x = $\n", KR_SYNERR_SYNTAX, "invalid syntax", 1, 5, 0},
    {"x = 1 \\ y\n", KR_SYNERR_SYNTAX, "unexpected character after line continuation character", 1, 8, 0},
    {"x = 0777\n", KR_SYNERR_SYNTAX,
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 0},
    {"x = 0b12\n", KR_SYNERR_SYNTAX, "invalid digit '2' in binary literal", 1, 8, 0},
    {"x = \xe2\x82\xac\n", KR_SYNERR_SYNTAX, "invalid character '\xe2\x82\xac' (U+20AC)", 1, 5, 0},
    {"if x:\n    a\n  b\n", KR_SYNERR_INDENTATION, "unindent does not match any outer indentation level", 3, 4, 0},
    {"if x:\n\ta\n        b\n", KR_SYNERR_TAB, "inconsistent use of tabs and spaces in indentation", 3, 1, 0},
    {"f'{x'\n", KR_SYNERR_SYNTAX, "f-string: expecting '}'", 1, 5, 0},
    {"f'}'\n", KR_SYNERR_SYNTAX, "f-string: single '}' is not allowed", 1, 3, 0},
};

START_TEST(test_errors)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    kr_lexer lx;
    kr_syntax_error err;
    kr_lex_toktype types[MAXT];
    int n = lex_all(errors[_i].src, types, NULL, &err, &lx, arena);
    ck_assert_int_ge(n, 1);
    ck_assert_msg(types[n - 1] == KR_TOK_ERROR, "<%s> tokenized without error", errors[_i].src);
    ck_assert_msg(err.kind == errors[_i].kind && strcmp(err.msg, errors[_i].msg) == 0 &&
                      err.lineno == errors[_i].lineno && err.col_offset == errors[_i].offset,
                  "<%s>: got %d '%s' @%d:%d", errors[_i].src, err.kind, err.msg, err.lineno, err.col_offset);
    ck_assert_int_eq(lx.incomplete, errors[_i].incomplete);
    /* the error is sticky */
    kr_lex_token t;
    ck_assert_int_eq(kr_lex_next(&lx, &t), -1);
    ck_assert_int_eq(t.type, KR_TOK_ERROR);
    kr_ast_arena_free(arena);
}
END_TEST

START_TEST(test_init_errors)
{
    kr_ast_arena *arena = kr_ast_arena_create();
    kr_lexer lx;
    kr_syntax_error err;
    ck_assert_int_eq(kr_lex_init(&lx, arena, "a\0b", 3, &err), -1);
    ck_assert_str_eq(err.msg, "source code cannot contain null bytes");
    ck_assert_int_eq(kr_lex_init(&lx, arena, "a = '\xc3'", 7, &err), -1);
    ck_assert(strstr(err.msg, "'utf-8' codec can't decode byte 0xc3") != NULL);
    ck_assert_int_eq(kr_lex_init(&lx, arena, "\xef\xbb\xbfx", 4, &err), 0);
    kr_ast_arena_free(arena);
}
END_TEST

static Suite *lexer_suite(void)
{
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("tokens");
    tcase_add_test(tc, test_blocks);
    tcase_add_test(tc, test_operators_and_keywords);
    tcase_add_test(tc, test_fstring_tokens);
    tcase_add_test(tc, test_positions);
    tcase_add_test(tc, test_number_values);
    tcase_add_test(tc, test_string_values);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof errors / sizeof errors[0]));
    tcase_add_test(tc, test_init_errors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lexer_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
