/* ast.h: Krait's abstract syntax tree, produced by vm/parser.c and consumed by the bytecode compiler.
 *
 * STABLE: this header is the contract between the front end and the compiler. Change it only by
 * adding (new enum values at the end, new fields at the end of a struct), never by renaming.
 *
 * The tree follows CPython 3.12's Parser/Python.asdl closely, so CPython's documentation of the `ast`
 * module describes every node. Differences, all deliberate:
 *   - AsyncFunctionDef, AsyncFor and AsyncWith are the statement kinds KR_AST_STMT_ASYNCFUNCTIONDEF,
 *     _ASYNCFOR, _ASYNCWITH sharing the union members of their plain forms (v.FunctionDef, v.For,
 *     v.With); Await is KR_AST_EXPR_AWAIT (v.Await);
 *   - TryStar is KR_AST_STMT_TRYSTAR sharing v.Try with Try;
 *   - type parameters (PEP 695/696) are kr_ast_type_param nodes, their kind tells TypeVar, ParamSpec
 *     and TypeVarTuple apart;
 *   - union members are named after CPython's node classes (e->v.BinOp.left, s->v.If.orelse), kind
 *     enums are KR_AST_EXPR_<CLASS>, KR_AST_STMT_<CLASS>, KR_AST_PAT_<CLASS>, KR_AST_MOD_<CLASS>;
 *   - sequences are (pointer, count) pairs: `kr_ast_expr **elts; int n_elts;`. An empty sequence is
 *     (NULL or anything, 0). Parallel arrays share one count, named in a comment at the struct;
 *   - constants are not Python objects (the front end knows no object model): see kr_ast_constant.
 *
 * Memory: every node, array and string is allocated in one kr_ast_arena and freed with it at once.
 * Nothing in the tree is owned individually; never free() a part of it.
 *
 * Positions: EVERY node struct begins its location with KR_AST_LOC_FIELDS, with CPython's conventions:
 * lineno/end_lineno are 1-based, col_offset/end_col_offset are 0-based byte offsets in the UTF-8 line,
 * the end is exclusive. Nodes that have no position in CPython (arguments, comprehension, withitem,
 * match_case) get the span of their source text.
 *
 * Identifiers (names, attributes, module paths like "a.b.c") are NUL-terminated UTF-8 strings in the
 * arena. Identifiers are NOT NFKC-normalised (CPython normalises non-ASCII identifiers; Krait keeps the
 * bytes as written).
 */
#ifndef KRAIT_AST_H
#define KRAIT_AST_H

#include <stddef.h>
#include <stdio.h>

/* ------------------------------------------------------------------------------------------------
 * Arena: malloc'd chunks, freed together. Allocation returns zeroed memory aligned for any type,
 * or NULL when malloc fails (the arena stays usable and freeable).
 */
typedef struct kr_ast_arena kr_ast_arena;

kr_ast_arena *kr_ast_arena_create(void);
void *kr_ast_arena_alloc(kr_ast_arena *arena, size_t size);
char *kr_ast_arena_strdup(kr_ast_arena *arena, const char *s);
char *kr_ast_arena_strndup(kr_ast_arena *arena, const char *s, size_t n); /* copies n bytes + NUL */
size_t kr_ast_arena_used(const kr_ast_arena *arena);                      /* bytes handed out */
void kr_ast_arena_free(kr_ast_arena *arena);                              /* NULL is fine */

/* ------------------------------------------------------------------------------------------------
 * Syntax errors. The parser fills one of these and returns NULL. The kind says which Python exception
 * to raise; msg and the positions are what CPython would report (offset is 1-based as in
 * SyntaxError.offset; end_* are 0 when unknown).
 */
enum {
    KR_SYNERR_SYNTAX = 1,      /* SyntaxError */
    KR_SYNERR_INDENTATION = 2, /* IndentationError */
    KR_SYNERR_TAB = 3,         /* TabError */
    KR_SYNERR_MEMORY = 4,      /* MemoryError: malloc failed while parsing */
    KR_SYNERR_RECURSION = 5    /* RecursionError: nesting too deep for the parser (msg says which) */
};

typedef struct {
    int lineno;
    int col_offset; /* 1-based like CPython's SyntaxError.offset */
    int end_lineno, end_col_offset;
    char msg[256];
    int kind;   /* KR_SYNERR_* */
    char *text; /* the offending source line (without its newline), arena-owned, or NULL */
} kr_syntax_error;

/* ------------------------------------------------------------------------------------------------
 * Small enums.
 */
#define KR_AST_LOC_FIELDS int lineno, col_offset, end_lineno, end_col_offset

typedef enum { KR_AST_LOAD = 1, KR_AST_STORE, KR_AST_DEL } kr_ast_ctx;

typedef enum { KR_AST_AND = 1, KR_AST_OR } kr_ast_boolop;

typedef enum {
    KR_AST_ADD = 1,
    KR_AST_SUB,
    KR_AST_MULT,
    KR_AST_MATMULT,
    KR_AST_DIV,
    KR_AST_MOD,
    KR_AST_POW,
    KR_AST_LSHIFT,
    KR_AST_RSHIFT,
    KR_AST_BITOR,
    KR_AST_BITXOR,
    KR_AST_BITAND,
    KR_AST_FLOORDIV
} kr_ast_operator;

typedef enum { KR_AST_INVERT = 1, KR_AST_NOT, KR_AST_UADD, KR_AST_USUB } kr_ast_unaryop;

typedef enum {
    KR_AST_EQ = 1,
    KR_AST_NOTEQ,
    KR_AST_LT,
    KR_AST_LTE,
    KR_AST_GT,
    KR_AST_GTE,
    KR_AST_IS,
    KR_AST_ISNOT,
    KR_AST_IN,
    KR_AST_NOTIN
} kr_ast_cmpop;

/* ------------------------------------------------------------------------------------------------
 * Constants.
 *   NONE, TRUE, FALSE, ELLIPSIS: no payload.
 *   INT: `digits` is the literal's digits in `base` (2, 8, 10 or 16) without prefix, sign or
 *        underscores, NUL-terminated, never empty (e.g. 0x_FF -> "FF" base 16; 007 is a syntax error
 *        but 000 -> "000" base 10). The value may exceed 64 bits: the compiler converts (mpz_set_str).
 *   FLOAT: `f` is strtod() of the cleaned text (inf for 1e999, as CPython).
 *   IMAGINARY: `f` is the imaginary part of `1.5j` (the real part is 0); the compiler makes it a
 *        complex constant (vm/complex.c).
 *   STR:   `s`/`len` is the UTF-8 content with escapes processed. It may contain NUL bytes. Lone
 *        surrogates from \ud800-style escapes are encoded as 3-byte sequences (WTF-8), as CPython's
 *        "surrogatepass" would. s[len] == '\0' always.
 *   BYTES: `s`/`len` raw bytes, escapes processed, s[len] == '\0'.
 * Implicitly concatenated literals ("a" 'b') arrive as ONE constant (or one JoinedStr if any part is
 * an f-string).
 */
typedef enum {
    KR_AST_CONST_NONE = 1,
    KR_AST_CONST_TRUE,
    KR_AST_CONST_FALSE,
    KR_AST_CONST_ELLIPSIS,
    KR_AST_CONST_INT,
    KR_AST_CONST_FLOAT,
    KR_AST_CONST_IMAGINARY,
    KR_AST_CONST_STR,
    KR_AST_CONST_BYTES
} kr_ast_const_kind;

typedef struct {
    kr_ast_const_kind kind;
    int base;           /* INT */
    const char *digits; /* INT */
    double f;           /* FLOAT, IMAGINARY */
    const char *s;      /* STR, BYTES */
    size_t len;         /* STR, BYTES */
} kr_ast_constant;

/* ------------------------------------------------------------------------------------------------
 * Forward declarations.
 */
typedef struct kr_ast_mod kr_ast_mod;
typedef struct kr_ast_stmt kr_ast_stmt;
typedef struct kr_ast_expr kr_ast_expr;
typedef struct kr_ast_pattern kr_ast_pattern;
typedef struct kr_ast_arguments kr_ast_arguments;
typedef struct kr_ast_arg kr_ast_arg;
typedef struct kr_ast_keyword kr_ast_keyword;
typedef struct kr_ast_type_param kr_ast_type_param;
typedef struct kr_ast_alias kr_ast_alias;
typedef struct kr_ast_withitem kr_ast_withitem;
typedef struct kr_ast_match_case kr_ast_match_case;
typedef struct kr_ast_excepthandler kr_ast_excepthandler;
typedef struct kr_ast_comprehension kr_ast_comprehension;

/* ------------------------------------------------------------------------------------------------
 * Expressions.
 */
typedef enum {
    KR_AST_EXPR_BOOLOP = 1,
    KR_AST_EXPR_NAMEDEXPR,
    KR_AST_EXPR_BINOP,
    KR_AST_EXPR_UNARYOP,
    KR_AST_EXPR_LAMBDA,
    KR_AST_EXPR_IFEXP,
    KR_AST_EXPR_DICT,
    KR_AST_EXPR_SET,
    KR_AST_EXPR_LISTCOMP,
    KR_AST_EXPR_SETCOMP,
    KR_AST_EXPR_DICTCOMP,
    KR_AST_EXPR_GENERATOREXP,
    KR_AST_EXPR_YIELD,
    KR_AST_EXPR_YIELDFROM,
    KR_AST_EXPR_COMPARE,
    KR_AST_EXPR_CALL,
    KR_AST_EXPR_FORMATTEDVALUE,
    KR_AST_EXPR_JOINEDSTR,
    KR_AST_EXPR_CONSTANT,
    KR_AST_EXPR_ATTRIBUTE,
    KR_AST_EXPR_SUBSCRIPT,
    KR_AST_EXPR_STARRED,
    KR_AST_EXPR_NAME,
    KR_AST_EXPR_LIST,
    KR_AST_EXPR_TUPLE,
    KR_AST_EXPR_SLICE,
    KR_AST_EXPR_AWAIT
} kr_ast_expr_kind;

struct kr_ast_expr {
    kr_ast_expr_kind kind;
    KR_AST_LOC_FIELDS;
    union {
        /* a or b or c: values has >= 2 entries */
        struct { kr_ast_boolop op; kr_ast_expr **values; int n_values; } BoolOp;
        /* target is a Name with ctx STORE */
        struct { kr_ast_expr *target; kr_ast_expr *value; } NamedExpr;
        struct { kr_ast_expr *left; kr_ast_operator op; kr_ast_expr *right; } BinOp;
        struct { kr_ast_unaryop op; kr_ast_expr *operand; } UnaryOp;
        /* args is never NULL (may be all-empty) */
        struct { kr_ast_arguments *args; kr_ast_expr *body; } Lambda;
        struct { kr_ast_expr *test; kr_ast_expr *body; kr_ast_expr *orelse; } IfExp;
        /* keys and values are parallel (count n_keys); keys[i] == NULL means `**values[i]` */
        struct { kr_ast_expr **keys; kr_ast_expr **values; int n_keys; } Dict;
        struct { kr_ast_expr **elts; int n_elts; } Set;
        struct { kr_ast_expr *elt; kr_ast_comprehension **generators; int n_generators; } ListComp;
        struct { kr_ast_expr *elt; kr_ast_comprehension **generators; int n_generators; } SetComp;
        struct {
            kr_ast_expr *key;
            kr_ast_expr *value;
            kr_ast_comprehension **generators;
            int n_generators;
        } DictComp;
        struct { kr_ast_expr *elt; kr_ast_comprehension **generators; int n_generators; } GeneratorExp;
        /* value NULL for a bare `yield` */
        struct { kr_ast_expr *value; } Yield;
        struct { kr_ast_expr *value; } YieldFrom;
        /* ops and comparators are parallel (count n_comparators >= 1): left ops[0] comparators[0] ... */
        struct { kr_ast_expr *left; kr_ast_cmpop *ops; kr_ast_expr **comparators; int n_comparators; } Compare;
        /* args may contain Starred (for *x); keywords[i]->arg == NULL means **value */
        struct {
            kr_ast_expr *func;
            kr_ast_expr **args;
            int n_args;
            kr_ast_keyword **keywords;
            int n_keywords;
        } Call;
        /* conversion: -1 (none), 's', 'r' or 'a'. format_spec: a JoinedStr or NULL. */
        struct { kr_ast_expr *value; int conversion; kr_ast_expr *format_spec; } FormattedValue;
        /* values: Constant(STR) and FormattedValue nodes, adjacent constants merged, no empty ones */
        struct { kr_ast_expr **values; int n_values; } JoinedStr;
        kr_ast_constant Constant;
        struct { kr_ast_expr *value; const char *attr; kr_ast_ctx ctx; } Attribute;
        /* slice may be a Slice, a Tuple containing Slices, or any expression */
        struct { kr_ast_expr *value; kr_ast_expr *slice; kr_ast_ctx ctx; } Subscript;
        struct { kr_ast_expr *value; kr_ast_ctx ctx; } Starred;
        struct { const char *id; kr_ast_ctx ctx; } Name;
        struct { kr_ast_expr **elts; int n_elts; kr_ast_ctx ctx; } List;
        struct { kr_ast_expr **elts; int n_elts; kr_ast_ctx ctx; } Tuple;
        /* any of the three may be NULL */
        struct { kr_ast_expr *lower; kr_ast_expr *upper; kr_ast_expr *step; } Slice;
        struct { kr_ast_expr *value; } Await;
    } v;
};

/* ------------------------------------------------------------------------------------------------
 * Statements.
 */
typedef enum {
    KR_AST_STMT_FUNCTIONDEF = 1,
    KR_AST_STMT_CLASSDEF,
    KR_AST_STMT_RETURN,
    KR_AST_STMT_DELETE,
    KR_AST_STMT_ASSIGN,
    KR_AST_STMT_AUGASSIGN,
    KR_AST_STMT_ANNASSIGN,
    KR_AST_STMT_FOR,
    KR_AST_STMT_WHILE,
    KR_AST_STMT_IF,
    KR_AST_STMT_WITH,
    KR_AST_STMT_MATCH,
    KR_AST_STMT_RAISE,
    KR_AST_STMT_TRY,
    KR_AST_STMT_ASSERT,
    KR_AST_STMT_IMPORT,
    KR_AST_STMT_IMPORTFROM,
    KR_AST_STMT_GLOBAL,
    KR_AST_STMT_NONLOCAL,
    KR_AST_STMT_EXPR,
    KR_AST_STMT_PASS,
    KR_AST_STMT_BREAK,
    KR_AST_STMT_CONTINUE,
    KR_AST_STMT_ASYNCFUNCTIONDEF, /* v.FunctionDef */
    KR_AST_STMT_ASYNCFOR,         /* v.For */
    KR_AST_STMT_ASYNCWITH,        /* v.With */
    KR_AST_STMT_TRYSTAR,          /* v.Try: try/except* */
    KR_AST_STMT_TYPEALIAS         /* v.TypeAlias: type X[T] = value */
} kr_ast_stmt_kind;

struct kr_ast_stmt {
    kr_ast_stmt_kind kind;
    KR_AST_LOC_FIELDS; /* a decorated def/class starts at its `def`/`class` keyword, as in CPython */
    union {
        /* decorators are in source order (applied last to first); returns NULL if not annotated */
        /* store_name: the name the def binds when it differs from name (private name mangling inside a
         * class, vm/mangle.c), else NULL */
        struct {
            const char *name;
            const char *store_name;
            kr_ast_arguments *args; /* never NULL */
            kr_ast_stmt **body;
            int n_body;
            kr_ast_expr **decorator_list;
            int n_decorator_list;
            kr_ast_expr *returns;
            kr_ast_type_param **type_params; /* def f[T](): evaluated in their own scope (symtable.h) */
            int n_type_params;
        } FunctionDef;
        struct {
            const char *name;
            const char *store_name; /* as FunctionDef's */
            kr_ast_expr **bases; /* may contain Starred */
            int n_bases;
            kr_ast_keyword **keywords; /* arg NULL for **kw; metaclass= is an ordinary keyword */
            int n_keywords;
            kr_ast_stmt **body;
            int n_body;
            kr_ast_expr **decorator_list;
            int n_decorator_list;
            kr_ast_type_param **type_params;
            int n_type_params;
        } ClassDef;
        struct { kr_ast_expr *value; } Return; /* value NULL for bare return */
        struct { kr_ast_expr **targets; int n_targets; } Delete;
        /* a = b = value: targets {a, b}, each with ctx STORE */
        struct { kr_ast_expr **targets; int n_targets; kr_ast_expr *value; } Assign;
        struct { kr_ast_expr *target; kr_ast_operator op; kr_ast_expr *value; } AugAssign;
        /* value may be NULL; simple is 1 when target is a Name not written in parentheses */
        struct { kr_ast_expr *target; kr_ast_expr *annotation; kr_ast_expr *value; int simple; } AnnAssign;
        struct {
            kr_ast_expr *target;
            kr_ast_expr *iter;
            kr_ast_stmt **body;
            int n_body;
            kr_ast_stmt **orelse;
            int n_orelse;
        } For;
        struct { kr_ast_expr *test; kr_ast_stmt **body; int n_body; kr_ast_stmt **orelse; int n_orelse; } While;
        /* elif chains are nested: orelse holds exactly one If */
        struct { kr_ast_expr *test; kr_ast_stmt **body; int n_body; kr_ast_stmt **orelse; int n_orelse; } If;
        struct { kr_ast_withitem **items; int n_items; kr_ast_stmt **body; int n_body; } With;
        struct { kr_ast_expr *subject; kr_ast_match_case **cases; int n_cases; } Match;
        struct { kr_ast_expr *exc; kr_ast_expr *cause; } Raise; /* both NULL for bare raise */
        /* name: a Name with ctx STORE; value is evaluated lazily (TypeAliasType.__value__) */
        struct { kr_ast_expr *name; kr_ast_type_param **type_params; int n_type_params; kr_ast_expr *value; } TypeAlias;
        struct {
            kr_ast_stmt **body;
            int n_body;
            kr_ast_excepthandler **handlers;
            int n_handlers;
            kr_ast_stmt **orelse;
            int n_orelse;
            kr_ast_stmt **finalbody;
            int n_finalbody;
        } Try;
        struct { kr_ast_expr *test; kr_ast_expr *msg; } Assert; /* msg may be NULL */
        struct { kr_ast_alias **names; int n_names; } Import;
        /* from ..a.b import x: module "a.b", level 2. from . import x: module NULL, level 1.
         * from m import *: one alias with name "*". */
        struct { const char *module; kr_ast_alias **names; int n_names; int level; } ImportFrom;
        struct { const char **names; int n_names; } Global;
        struct { const char **names; int n_names; } Nonlocal;
        struct { kr_ast_expr *value; } Expr;
    } v;
};

/* ------------------------------------------------------------------------------------------------
 * Patterns (match statement). Names bound by patterns are plain identifiers; `_` is never bound.
 */
typedef enum {
    KR_AST_PAT_MATCHVALUE = 1,
    KR_AST_PAT_MATCHSINGLETON,
    KR_AST_PAT_MATCHSEQUENCE,
    KR_AST_PAT_MATCHMAPPING,
    KR_AST_PAT_MATCHCLASS,
    KR_AST_PAT_MATCHSTAR,
    KR_AST_PAT_MATCHAS,
    KR_AST_PAT_MATCHOR
} kr_ast_pattern_kind;

struct kr_ast_pattern {
    kr_ast_pattern_kind kind;
    KR_AST_LOC_FIELDS;
    union {
        /* value: a (possibly negated) number, complex literal (BinOp of numbers), string, or
         * dotted name (Attribute chain, ctx LOAD) */
        struct { kr_ast_expr *value; } MatchValue;
        /* value.kind is NONE, TRUE or FALSE */
        struct { kr_ast_constant value; } MatchSingleton;
        /* at most one MatchStar among patterns */
        struct { kr_ast_pattern **patterns; int n_patterns; } MatchSequence;
        /* keys and patterns are parallel (count n_keys); rest is the `**rest` name or NULL */
        struct { kr_ast_expr **keys; kr_ast_pattern **patterns; int n_keys; const char *rest; } MatchMapping;
        /* positional patterns, then keyword patterns: kwd_attrs and kwd_patterns parallel (n_kwd_attrs) */
        struct {
            kr_ast_expr *cls; /* Name or Attribute chain */
            kr_ast_pattern **patterns;
            int n_patterns;
            const char **kwd_attrs;
            kr_ast_pattern **kwd_patterns;
            int n_kwd_attrs;
        } MatchClass;
        /* name NULL for `*_` */
        struct { const char *name; } MatchStar;
        /* `_`: both NULL. `x`: pattern NULL, name "x". `p as x`: both set. */
        struct { kr_ast_pattern *pattern; const char *name; } MatchAs;
        struct { kr_ast_pattern **patterns; int n_patterns; } MatchOr; /* n_patterns >= 2 */
    } v;
};

/* ------------------------------------------------------------------------------------------------
 * Auxiliary nodes.
 */

/* Defaults belong to the LAST n_defaults of (posonlyargs ++ args). kw_defaults is parallel to
 * kwonlyargs (count n_kwonlyargs), with NULL where a keyword-only parameter has no default. */
struct kr_ast_arguments {
    KR_AST_LOC_FIELDS;
    kr_ast_arg **posonlyargs;
    int n_posonlyargs;
    kr_ast_arg **args;
    int n_args;
    kr_ast_arg *vararg; /* NULL if none */
    kr_ast_arg **kwonlyargs;
    int n_kwonlyargs;
    kr_ast_expr **kw_defaults;
    kr_ast_arg *kwarg; /* NULL if none */
    kr_ast_expr **defaults;
    int n_defaults;
};

struct kr_ast_arg {
    KR_AST_LOC_FIELDS;
    const char *arg;          /* the parameter name */
    kr_ast_expr *annotation;  /* NULL if none (always NULL in lambdas) */
};

typedef enum { KR_AST_TYPEVAR, KR_AST_PARAMSPEC, KR_AST_TYPEVARTUPLE } kr_ast_type_param_kind;

/* T, T: bound, T: (c1, c2) (constraints: bound is a Tuple), *Ts, **P, each with an optional
 * `= default` (PEP 696). bound and default_value are evaluated lazily, when first asked for. */
struct kr_ast_type_param {
    KR_AST_LOC_FIELDS;
    kr_ast_type_param_kind kind;
    const char *name;
    kr_ast_expr *bound;         /* NULL if none (always NULL for ParamSpec and TypeVarTuple) */
    kr_ast_expr *default_value; /* NULL if none */
};

struct kr_ast_keyword {
    KR_AST_LOC_FIELDS;
    const char *arg; /* NULL for **value */
    kr_ast_expr *value;
};

struct kr_ast_alias {
    KR_AST_LOC_FIELDS;
    const char *name;   /* dotted name "a.b.c", or "*" */
    const char *asname; /* NULL if no `as` */
};

struct kr_ast_withitem {
    KR_AST_LOC_FIELDS;
    kr_ast_expr *context_expr;
    kr_ast_expr *optional_vars; /* the `as` target (ctx STORE) or NULL */
};

struct kr_ast_match_case {
    KR_AST_LOC_FIELDS;
    kr_ast_pattern *pattern;
    kr_ast_expr *guard; /* NULL if no `if` */
    kr_ast_stmt **body;
    int n_body;
};

struct kr_ast_excepthandler {
    KR_AST_LOC_FIELDS;
    kr_ast_expr *type; /* NULL for a bare except */
    const char *name;  /* NULL if no `as` */
    kr_ast_stmt **body;
    int n_body;
};

/* `for target in iter if ifs[0] if ifs[1]` (`async for` when is_async). The first generator's iter is
 * evaluated in the enclosing scope, the rest inside the comprehension's scope (as in CPython). */
struct kr_ast_comprehension {
    KR_AST_LOC_FIELDS;
    kr_ast_expr *target; /* ctx STORE */
    kr_ast_expr *iter;
    kr_ast_expr **ifs;
    int n_ifs;
    int is_async;
};

/* ------------------------------------------------------------------------------------------------
 * Modules: what kr_parse returns for KR_PARSE_FILE (Module), KR_PARSE_SINGLE (Interactive) and
 * KR_PARSE_EVAL (Expression).
 */
typedef enum { KR_AST_MOD_MODULE = 1, KR_AST_MOD_INTERACTIVE, KR_AST_MOD_EXPRESSION } kr_ast_mod_kind;

struct kr_ast_mod {
    kr_ast_mod_kind kind;
    union {
        struct { kr_ast_stmt **body; int n_body; } Module;
        struct { kr_ast_stmt **body; int n_body; } Interactive;
        struct { kr_ast_expr *body; } Expression;
    } v;
};

/* ------------------------------------------------------------------------------------------------
 * Debug output in the shape of CPython's ast.dump(tree) (no positions, one line), e.g.
 *   Module(body=[Expr(value=BinOp(left=Constant(value=1), op=Add(), right=Name(id='x', ctx=Load())))])
 * Differences: INT constants print in decimal when they fit in 64 bits, otherwise as written (0x...);
 * FLOAT prints like repr(float) (the shortest digits of vm/dtoa.c); strings are printed like Python's
 * repr().
 * kr_ast_dump_positions additionally appends "@L:C-L:C" after each located node, for tests.
 */
void kr_ast_dump(FILE *out, const kr_ast_mod *mod);
void kr_ast_dump_expr(FILE *out, const kr_ast_expr *e);
void kr_ast_dump_stmt(FILE *out, const kr_ast_stmt *s);
void kr_ast_dump_positions(FILE *out, const kr_ast_mod *mod);

/* vm/mangle.c: private name mangling (`__x` in class C becomes `_C__x`), applied to a parsed module
 * before its symbol table is built; allocates the new names in arena. 0, or -1 when out of memory. */
int kr_mangle_private_names(kr_ast_arena *arena, kr_ast_mod *mod);

/* Names for diagnostics: "BinOp", "If", "Add", "Eq", ... (CPython's class names). */
const char *kr_ast_expr_kind_name(kr_ast_expr_kind kind);
const char *kr_ast_stmt_kind_name(kr_ast_stmt_kind kind);
const char *kr_ast_operator_name(kr_ast_operator op);
const char *kr_ast_cmpop_name(kr_ast_cmpop op);

#endif /* KRAIT_AST_H */
