/* traceback.h: traceback objects and printing (defined in vm/traceback.c).
 * A traceback is a linked list from the outermost frame (the head, stored in exc.__traceback__) to
 * the innermost (tb_next), as in CPython: as an exception propagates outward through a frame, a new
 * entry for that frame is prepended. */
#ifndef KRAIT_TRACEBACK_H
#define KRAIT_TRACEBACK_H

#include "kr.h"

#include "code.h"

typedef struct kr_traceback {
    kr_object ob;
    kr_value next;   /* traceback or KR_NULL (tb_next: toward the innermost frame) */
    kr_value code;   /* kr_code */
    int32_t lineno;  /* == loc.lineno */
    int32_t lasti;   /* pc */
    /* The source position shown for this entry: code's position at lasti, except where a list/set/
     * dict comprehension raised (CPython inlines those, PEP 709: the position is the one inside the
     * comprehension). */
    kr_code_loc loc;
    /* true for the provisional entry of a comprehension frame: the entry of the frame that called it
     * absorbs it (takes its loc and unlinks it) when the exception reaches that frame */
    bool inlined;
} kr_traceback;

/* Prepend an entry (code, pc) to exc's traceback. -1 on MemoryError. */
int kr_tb_add(kr_vm *vm, kr_value exc, kr_value code, uint32_t pc);
/* Print exc with its chain (__cause__ / __context__) in CPython 3.13's format. */
void kr_traceback_print(kr_vm *vm, kr_value exc, FILE *out);
/* Source text for a filename that is not a file (krait_run_string's, e.g. "<string>" of `krait -c`, as
 * CPython 3.13 shows -c's lines): tracebacks print its lines from now on. */
void kr_traceback_register_source(kr_vm *vm, const char *name, const char *text, size_t len);
void kr_tb_init(kr_vm *vm);      /* phase 1: the traceback type */
/* sys._getframe: frame snapshots of top and all its callers (f_back chain); KR_NULL on MemoryError. */
struct kr_frame;
kr_value kr_tb_frame_stack(kr_vm *vm, struct kr_frame *top);
void kr_tb_free_cache(kr_vm *vm);/* frees the source-line cache (kr_vm_free may call it; also at VM teardown) */

#endif
