/* suggest.h: the "Did you mean" hints CPython 3.13 adds to printed NameError, AttributeError and
 * ImportError messages (Lib/traceback.py's _compute_suggestion_error with Python/suggestions.c). */
#ifndef KRAIT_SUGGEST_H
#define KRAIT_SUGGEST_H

#include "kr.h"

/* The candidate closest to `name` (str) among `candidates` (a list; non-str items skipped) by CPython's
 * weighted Levenshtein distance (a case change costs half an edit; at most a third of the characters
 * may change), or KR_NULL when none is close enough or there are 750 candidates or more. Never raises. */
kr_value kr_suggest_closest(kr_vm *vm, kr_value candidates, kr_value name);

/* Whether `name` names a module of CPython 3.13's standard library (sys.stdlib_module_names). */
bool kr_suggest_is_stdlib_module(const char *name);
/* sys.stdlib_module_names: a new frozenset of str, or KR_NULL with an exception. */
kr_value kr_suggest_stdlib_module_names(kr_vm *vm);

/* Where a NameError or AttributeError leaves its innermost frame (vm/interp.c, before the first
 * traceback entry): keeps in `exc` what the printed hint needs of that frame, which is gone by the time
 * the traceback prints: for a NameError with a name, the frame's bound local names (or its locals
 * mapping), globals and builtins; for both, the local `self` if bound. Failures are ignored. */
void kr_suggest_capture_frame(kr_vm *vm, kr_value exc, struct kr_frame *f);

/* The text to append to exc's printed message, e.g. ". Did you mean: 'foo'?", into buf (empty when
 * there is none). `with_frame`: the exception is printed with its traceback, so what was captured of
 * its frame counts (CPython has no frame to look at when it formats an exception alone). May run Python
 * code (dir(), hasattr()); leaves no exception pending. */
void kr_suggest_message(kr_vm *vm, kr_value exc, bool with_frame, char *buf, size_t n);

#endif
