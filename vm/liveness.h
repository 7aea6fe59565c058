/* liveness.h: which temporaries of a code object are live where (vm/liveness.c).
 *
 * A register VM leaves dead values in temporary slots: a slot that held `i * 2` in one iteration
 * still holds it at the loop header of the next. The JIT must not guard or keep such values (its
 * guards on them fail for no reason), and a precise collector need not mark them. Locals and cells
 * ([0, ncells_end)) are always treated as live: locals(), eval() and tracebacks can read them at any
 * time. Temporaries are only ever read by bytecode, so bytecode liveness is exact for them.
 *
 * live_in(pc) = uses(pc) | (live_out(pc) & ~defs(pc)) | live_in(handler) for every exception-table
 * entry covering pc (the raising instruction wrote nothing; the handler's own slot is written by the
 * unwinding). defs are the slots an instruction writes on every non-exceptional path; uses every slot
 * it may read. Over-approximating uses and under-approximating defs are both safe.
 */
#ifndef KRAIT_LIVENESS_H
#define KRAIT_LIVENESS_H

#include <stdbool.h>
#include <stdint.h>

#include "code.h"

typedef struct kr_liveness {
    uint32_t first_temp; /* slots below are locals and cells: always live */
    uint32_t ntemps;
    uint32_t words;      /* 64-bit words per instruction's set */
    uint64_t *live_in;   /* code->ninsns sets (malloc'd); a cache word has its instruction's set */
} kr_liveness;

/* Computes the liveness of co's temporaries. 0, or -1 when out of memory (then nothing to free). */
int kr_liveness_compute(const kr_code *co, kr_liveness *out);
void kr_liveness_free(kr_liveness *l);

/* Is slot live at the entry of the instruction at pc? */
static inline bool kr_liveness_live(const kr_liveness *l, uint32_t pc, uint32_t slot)
{
    if (slot < l->first_temp)
        return true;
    uint32_t t = slot - l->first_temp;
    if (t >= l->ntemps)
        return false;
    return (l->live_in[(size_t)pc * l->words + t / 64] >> (t % 64)) & 1;
}

#endif
