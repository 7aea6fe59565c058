/* symtable.h: scope analysis, the step between the parser and the bytecode compiler (MicroPython's
 * "scope" pass, CPython's symtable.c).
 *
 * kr_symtable_build walks a whole module's AST once and creates one kr_scope per module, function,
 * lambda, class body, comprehension and generator expression, then resolves every name of every scope
 * to LOCAL / CELL / FREE / GLOBAL_EXPLICIT / GLOBAL_IMPLICIT exactly as CPython 3.12 does, and reports the
 * scope-related SyntaxErrors with CPython's messages and positions.
 *
 * Comprehensions (list/set/dict) are INLINED into the enclosing code object (PEP 709): their scope is
 * marked `inlined`; the compiler gives their own names fresh slots of the enclosing code object, so the
 * isolation PEP 709 guarantees holds without saving/restoring anything. Names free in an inlined
 * comprehension resolve to the enclosing code unit's variables; they make a variable of the enclosing
 * function a cell only if a real closure nested inside the comprehension needs it. Generator expressions
 * are never inlined: they are nested generator functions.
 *
 * Memory: everything is allocated in the symtable's own arena, freed by kr_symtable_free. The AST must
 * outlive the symtable (names point into the AST arena).
 */
#ifndef KRAIT_SYMTABLE_H
#define KRAIT_SYMTABLE_H

#include <stdbool.h>

#include "ast.h"

/* What pass 1 saw about a name in one scope (bit set). */
enum {
    KR_SYM_DEF_LOCAL = 1u << 0,    /* bound here: assignment, for/with/except target, def, class, del */
    KR_SYM_DEF_PARAM = 1u << 1,    /* a parameter */
    KR_SYM_DEF_GLOBAL = 1u << 2,   /* `global` statement (or walrus in a module-level comprehension) */
    KR_SYM_DEF_NONLOCAL = 1u << 3, /* `nonlocal` statement (or walrus in a function-level comprehension) */
    KR_SYM_USE = 1u << 4,          /* read */
    KR_SYM_DEF_IMPORT = 1u << 5,   /* bound by import */
    KR_SYM_DEF_ANNOT = 1u << 6,    /* annotated (x: int) */
    KR_SYM_DEF_COMP_ITER = 1u << 7,/* a comprehension's iteration variable */
    KR_SYM_DEF_FREE_CLASS = 1u << 8,/* a class scope passes this free variable through to its methods */
};
#define KR_SYM_DEF_BOUND (KR_SYM_DEF_LOCAL | KR_SYM_DEF_PARAM | KR_SYM_DEF_IMPORT)

/* Where a name lives (pass 2). */
typedef enum {
    KR_SCOPE_NONE = 0,
    KR_SCOPE_LOCAL,           /* a slot of this code object (function) or the namespace dict (module, class) */
    KR_SCOPE_CELL,            /* local, but captured by a nested function: lives in a cell */
    KR_SCOPE_FREE,            /* bound in an enclosing function: reached through the closure */
    KR_SCOPE_GLOBAL_EXPLICIT, /* declared `global` */
    KR_SCOPE_GLOBAL_IMPLICIT, /* not bound anywhere visible: globals, then builtins */
} kr_name_scope;

typedef enum {
    KR_BLOCK_MODULE = 1,
    KR_BLOCK_FUNCTION,      /* def and lambda */
    KR_BLOCK_CLASS,
    KR_BLOCK_COMPREHENSION, /* list/set/dict comprehension (inlined) or generator expression (not) */
} kr_block_kind;

typedef struct kr_symbol {
    const char *name;
    unsigned flags;     /* KR_SYM_* */
    kr_name_scope scope;
    /* A class scope that binds the name locally and also passes it through to methods as free
     * (DEF_FREE_CLASS): loads in the class body check the class namespace first, then the cell. */
    bool class_free;
    int lineno, col_offset; /* first occurrence (or the global/nonlocal statement), for messages */
    int end_lineno, end_col_offset; /* the global/nonlocal statement's end */
    /* Owned by the compiler (vm/compile.c), which compiles each scope once: the local slot (LOCAL and
     * parameters), and the cell slot (CELL / FREE / class_free), -1 when none. */
    int slot, cell_slot;
} kr_symbol;

typedef struct kr_scope kr_scope;
struct kr_scope {
    kr_block_kind kind;
    const char *name;        /* function/class name, "<lambda>", "<listcomp>", "<genexpr>", "<module>" */
    const void *node;        /* the AST node that opened it (stmt, expr or mod) */
    kr_scope *parent;
    kr_scope **children;     /* in source order */
    int n_children, cap_children;

    /* Symbols in first-seen order; lookups go through the hash index. */
    kr_symbol **symbols;
    int n_symbols, cap_symbols;
    int *index;              /* open addressing: index into symbols, -1 empty */
    int index_cap;

    /* Parameters in order (posonly, args, vararg, kwonly, kwarg) for the compiler's slot layout. */
    const char **params;
    int n_params;
    int n_posonly, n_args, n_kwonly;   /* n_args counts posonly too, as co_argcount */
    bool has_varargs, has_varkw;

    bool is_generator;       /* contains yield / yield from (or is a genexpr) */
    bool inlined;            /* a list/set/dict comprehension compiled into its parent's code */
    bool is_genexp;
    bool needs_class_closure;/* class: some method uses super()/__class__: create the __class__ cell */
    bool uses_class_cell;    /* function: refers to __class__ (implicitly via super) */
    bool has_namedexpr;      /* a walrus in this scope's own code: locals may change mid-expression */
    bool in_class_body;      /* function/comprehension directly nested in a class body */
    int comp_iter_depth;     /* pass-1 bookkeeping: >0 while visiting a comprehension's iterable */
    int lineno, col_offset;
    char *qualname;          /* CPython's __qualname__ ("C.f.<locals>.g") */
    bool is_coroutine;       /* async def, or a comprehension using await / async for inside one:
                              * calling the code returns a coroutine (vm/generator.c) */
    /* PEP 695 annotation scope (a function scope): holds the type parameters of a generic def /
     * class / type alias, evaluates what may refer to them (annotations, bases) and makes the def,
     * class or alias. Its node is the statement's type_params array; qualnames skip it. Its
     * parameters are ".defaults" / ".kwdefaults" when the def has such defaults (evaluated outside). */
    bool annotation_scope;
    /* a lazily evaluated value (a type parameter's bound, constraints or default, a type alias's
     * value): a function scope of one expression; its node is the address of the AST field */
    bool lazy_value;
    /* an annotation scope directly in a class body, or a lazy value inside one: names it does not
     * bind are looked up in the class namespace (the ".classdict" parameter / free variable) before
     * the globals, as CPython's annotation scopes do */
    bool can_see_class_scope;
};

typedef struct kr_symtable {
    kr_ast_arena *arena;     /* owns every scope and symbol */
    kr_scope *top;           /* the module scope */
    /* node -> scope map (open addressing over the node pointer) */
    const void **map_keys;
    kr_scope **map_vals;
    int map_cap, map_n;
} kr_symtable;

/* Builds and analyses. On a SyntaxError returns NULL and fills *err (kind KR_SYNERR_SYNTAX, 1-based
 * offset; err->text NULL: the caller fills the source line). On malloc failure returns NULL with kind
 * KR_SYNERR_MEMORY. `mod` may be a Module, Interactive or Expression. */
kr_symtable *kr_symtable_build(kr_ast_mod *mod, kr_syntax_error *err);
void kr_symtable_free(kr_symtable *st);

/* The scope opened by an AST node (FunctionDef/ClassDef stmt; Lambda/ListComp/SetComp/DictComp/
 * GeneratorExp expr; the mod; a type_params array or the address of a lazily evaluated field, see
 * kr_scope). NULL if none. */
kr_scope *kr_symtable_lookup(const kr_symtable *st, const void *node);
/* The symbol for name in scope s, or NULL if the scope never mentions it. */
kr_symbol *kr_symtable_symbol(const kr_scope *s, const char *name);
/* The resolved scope of a name in s (GLOBAL_IMPLICIT if s never mentions it, as CPython does for
 * names only the compiler introduces). */
kr_name_scope kr_symtable_scope_of(const kr_scope *s, const char *name);

#endif
