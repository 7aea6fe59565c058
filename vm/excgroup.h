/* excgroup.h: BaseExceptionGroup and ExceptionGroup (PEP 654) and the runtime side of `except*`.
 *
 * A group is a kr_exception with two more fields: its message (a str) and its exceptions (a non-empty
 * tuple of exception instances; nested groups form a tree whose leaves are plain exceptions). `args` is
 * what the constructor got, (message, exceptions-as-passed), as in CPython, so repr and pickling go
 * through BaseException's.
 *
 * ExceptionGroup derives from both BaseExceptionGroup and Exception; vm/exc.c creates the two types
 * from its KR_EXCEPTIONS table with single bases and kr_excgroup_setup gives ExceptionGroup its second
 * base once tuples exist.
 */
#ifndef KRAIT_EXCGROUP_H
#define KRAIT_EXCGROUP_H

#include "kr.h"

typedef struct kr_excgroup {
    kr_exception base;
    kr_value message; /* str */
    kr_value excs;    /* tuple of exceptions, never empty */
} kr_excgroup;

void kr_excgroup_init(kr_vm *vm);  /* phase 1 (from kr_exc_init): the types' slots and sizes */
int kr_excgroup_setup(kr_vm *vm);  /* phase 3: ExceptionGroup's bases and MRO */

bool kr_excgroup_check(kr_vm *vm, kr_value v); /* an instance of BaseExceptionGroup */

/* CHECK_EG_MATCH: split the exception `exc` (None: nothing left) by the except* clause's type `type`.
 * *match gets the matching part (a naked exception that matches is wrapped in a new group) or None,
 * *rest what is left or None. -1 with TypeError for a type that is not an exception class or that is a
 * group class. */
int kr_excgroup_match(kr_vm *vm, kr_value exc, kr_value type, kr_value *match, kr_value *rest);

/* PREP_RERAISE_STAR: what leaves a try/except* statement. `orig` is the exception the try body raised;
 * `raised` a list of the exceptions the clauses raised followed by the unhandled rest (None entries are
 * skipped). Parts of orig that were re-raised (their traceback, cause and context are orig's) go back
 * into one group shaped as orig; new exceptions come before it. Returns None when nothing is left, the
 * single exception, or a new group of them; KR_NULL on error. */
kr_value kr_excgroup_prep_reraise(kr_vm *vm, kr_value orig, kr_value raised);

#endif
