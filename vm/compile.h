/* compile.h: AST (vm/ast.h) -> register bytecode code objects (vm/bytecode.h, vm/code.h).
 *
 * The front end is lexer -> parser -> symtable (scope analysis, vm/symtable.h) -> this compiler.
 * Modes are the parser's: KR_PARSE_FILE (module code; returns None), KR_PARSE_EVAL (one expression;
 * the code returns its value), KR_PARSE_SINGLE (REPL: expression statements print through
 * sys.displayhook via PRINT_EXPR).
 */
#ifndef KRAIT_COMPILE_H
#define KRAIT_COMPILE_H

#include <stddef.h>

#include "ast.h"
#include "kr.h"
#include "parser.h"

/* Compiles a parsed module into a code object (KR_CODE_MODULE).
 * Returns the code object, or KR_NULL:
 *   - on a SyntaxError found by the compiler (scope errors, 'break' outside loop, unsupported
 *     constructs): *err is filled (err->kind = KR_SYNERR_SYNTAX, err->text NULL) and NO exception is
 *     pending;
 *   - on any other failure (MemoryError, SystemError from kr_code_new): err->kind is 0 and the
 *     exception is pending.
 * filename is the code objects' co_filename (NULL: "<string>"). */
kr_value kr_compile_ast(kr_vm *vm, kr_ast_mod *mod, const char *filename, int mode, kr_syntax_error *err);

/* Parses and compiles src[0..len). On a syntax error raises SyntaxError / IndentationError / TabError
 * (or MemoryError / RecursionError for the parser's resource errors) with CPython's args
 * (msg, (filename, lineno, offset, text, end_lineno, end_offset)) and attributes, and returns KR_NULL. */
kr_value kr_compile_source(kr_vm *vm, const char *src, size_t len, const char *filename, int mode);

/* Raises the exception described by *err (as kr_compile_source does). src/len give the source text
 * to fill err->text's line when err->text is NULL (may be NULL/0). Always returns KR_NULL. */
kr_value kr_compile_raise_syntax_error(kr_vm *vm, const kr_syntax_error *err, const char *filename,
                                       const char *src, size_t len);

#endif
