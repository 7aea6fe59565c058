/* parser.h: Python 3.12 source text -> AST (vm/ast.h). Recursive descent over the token stream of
 * vm/lexer.c; knows nothing of the object model. */
#ifndef KRAIT_PARSER_H
#define KRAIT_PARSER_H

#include <stddef.h>

#include "ast.h"

enum {
    KR_PARSE_FILE = 0,   /* a module: Module(body) */
    KR_PARSE_EVAL = 1,   /* one expression (eval()): Expression(body) */
    KR_PARSE_SINGLE = 2  /* one interactive statement (REPL, compile(..., 'single')): Interactive(body) */
};

/* Nesting limit of brackets and of recursive constructs (expressions, blocks). Past it the parse fails
 * cleanly: "too many nested parentheses" (SyntaxError) for brackets, a RecursionError-kind error
 * ("too many nested ...") for other constructs. */
#define KR_PARSE_MAX_NESTING 200

/* Parses src[0..len) (UTF-8; a BOM and \r\n line ends are accepted; src need not be NUL-terminated).
 * On success returns the module, allocated in `arena`. On failure returns NULL and fills *err (err
 * must not be NULL; err->text is allocated in `arena`). filename is only used in messages and may be
 * NULL. Never crashes on any input. */
kr_ast_mod *kr_parse(kr_ast_arena *arena, const char *src, size_t len, const char *filename, int mode,
                     kr_syntax_error *err);

/* For the REPL: 1 when src is an unfinished statement that more lines could complete (an open
 * bracket, an unterminated triple-quoted string, a trailing backslash, a compound statement whose
 * block has not been closed by an empty line, a decorator without its def). 0 when it is complete
 * or definitely erroneous (then kr_parse with KR_PARSE_SINGLE reports the error). */
int kr_parse_is_incomplete(const char *src, size_t len);

#endif /* KRAIT_PARSER_H */
