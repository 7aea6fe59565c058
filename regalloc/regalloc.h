/* regalloc.h: linear-scan register allocation over abstract live intervals.
 *
 * After C. Wimmer and H. Mössenböck, "Optimized Interval Splitting in a Linear Scan Register
 * Allocator" (VEE 2005), and C. Wimmer and M. Franz, "Linear Scan Register Allocation on SSA Form"
 * (CGO 2010), in the style of Cinder's JIT: building the intervals is the client's job (its
 * `calculateLiveIntervals`), then separate steps:
 *
 *   kr_ra_linear_scan   (or kr_ra_spill_all, the reference)   locations for every interval piece
 *   kr_ra_assign_slots                                       frame slots, reused when lifetimes allow
 *   kr_ra_resolve                                            moves at split positions and block edges
 *   kr_ra_verify                                             simulate the result and check every use
 *
 * kr_ra_allocate runs them in order. The allocator knows no Python and no IR: a client describes a
 * function as virtual registers (vregs) with live ranges, use positions, hints and fixed intervals
 * over a list of blocks, and gets back locations and moves. See regalloc/README.md.
 *
 * POSITIONS. A client numbers its instructions in block order (the linear order it will emit) and
 * gives instruction k two positions: 2k, where it reads its operands, and 2k+1, where it writes its
 * results (and where a call clobbers registers). Then:
 *   - a block holding instructions a..b covers [2a, 2b+2); blocks are given in linear order and do
 *     not overlap (they need not be contiguous);
 *   - an input of instruction k is a use at 2k: its range must include 2k, so it ends at >= 2k+1;
 *     an input that dies there ends at 2k+1, which frees its register for an output defined at 2k+1;
 *   - an output of instruction k is a definition at 2k+1; a value that is never read still gets a
 *     range [2k+1, 2k+2);
 *   - a call at instruction k clobbers the caller-saved registers with fixed ranges [2k+1, 2k+2);
 *     argument and result registers are fixed ranges too (`mov rdi, v` at instruction j and a call at
 *     k: rdi is fixed over [2j+1, 2k+1); `mov v, rax` after the call: rax fixed over [2k+1, 2k+3),
 *     v hinted to rax);
 *   - a value live into block S covers S.from and is live out of every predecessor (covers its
 *     to - 1). A phi of S is defined at S.from (add a KR_RA_DEF_ANY or KR_RA_DEF use there) and its
 *     inputs are live out of the predecessors (Wimmer & Franz 2010, BuildIntervals). S.from is also
 *     the input point of S's first instruction: prefer KR_RA_DEF_ANY for phis, so that they do not
 *     compete with that instruction's operands for registers.
 * Moves are only ever inserted at even positions, "before the instruction at that position", so
 * intervals are split only where a move can go.
 *
 * MOVES. Every group of moves is a parallel move (all sources read before any destination is
 * written); each group also comes sequentialised (kr_ra_parallel_move), using the target's scratch
 * registers to break cycles and for stack-to-stack moves. A group is placed
 *   - KR_RA_AT_POS: before the instruction at `pos` (a split inside a block, or the SSA spill store
 *     right after a definition); groups at a block's first position run after that block's edge moves;
 *   - KR_RA_PRED_END: at the end of `pred` (it has one successor), immediately before its jump and
 *     after any KR_RA_AT_POS group of the jump's position; the jump must not read or write operands;
 *   - KR_RA_SUCC_START: at the start of `succ` (it has one predecessor), before any other move there;
 *   - KR_RA_ON_EDGE: a critical edge; the client splits it with a new block holding the moves.
 *
 * SPILLS. Every vreg that spends any part of its life on the stack has one frame slot (8 bytes), the
 * same for all its pieces. With KR_RA_SSA, a vreg with exactly one definition is taken to be in SSA
 * form (its definition dominates its live range, Wimmer & Franz 2010): it is stored to its slot once,
 * right after the definition (kr_ra_spill_store_pos), and later moves from a register to its slot are
 * omitted because the slot already holds the value.
 *
 * ERRORS. Functions returning int return 0, or -1 with a message in kr_ra_error(). A context holds
 * no global state; two contexts never share anything.
 */
#ifndef KRAIT_REGALLOC_H
#define KRAIT_REGALLOC_H

#include <stdint.h>
#include <stdio.h>

#define KR_RA_MAX_REGS 64 /* physical registers are numbered 0..num_regs-1 (bit masks are uint64_t) */
#define KR_RA_NUM_CLASSES 2

typedef enum kr_ra_class { KR_RA_GP = 0, KR_RA_FP = 1 } kr_ra_class;

typedef enum kr_ra_use_kind {
    KR_RA_USE_REG, /* read, the operand must be in a register */
    KR_RA_USE_ANY, /* read, the operand may be a stack slot (an x86 memory operand) */
    KR_RA_DEF,     /* written, the result must be in a register */
    KR_RA_DEF_ANY, /* written, the result may go to a stack slot */
} kr_ra_use_kind;

/* Target flags (kr_ra_target.flags). */
enum {
    KR_RA_SSA = 1u << 0,         /* vregs with one definition are SSA values: store once after the def */
    KR_RA_REUSE_SLOTS = 1u << 1, /* vregs whose slot lifetimes do not overlap share frame slots */
};

typedef struct kr_ra_target {
    int num_regs;                             /* <= KR_RA_MAX_REGS */
    kr_ra_class reg_class[KR_RA_MAX_REGS];    /* the class of each physical register */
    uint64_t allocatable;                     /* registers the allocator may assign */
    int scratch[KR_RA_NUM_CLASSES];           /* per class, never allocatable; -1 if none */
    const char *reg_names[KR_RA_MAX_REGS];    /* optional, for kr_ra_dump and kr_ra_parse */
    unsigned flags;
} kr_ra_target;

/* x86-64 System V: 0..15 are rax rcx rdx rbx rsp rbp rsi rdi r8..r15 (hardware encoding), 16..31 are
 * xmm0..xmm15. Allocatable: every GP register but rsp and the scratch r11 (14), xmm0..xmm14 (15);
 * scratch: r11 and xmm15; flags KR_RA_SSA | KR_RA_REUSE_SLOTS. Clear bits of `allocatable` to
 * reserve more (rbp as a frame pointer, a register pinned to the VM state...). */
void kr_ra_target_x86_64(kr_ra_target *t);
#define KR_RA_X86_64_CALLER_SAVED 0xFFFF0FC7ull /* rax rcx rdx rsi rdi r8-r11, all xmm */

typedef enum kr_ra_loc_kind { KR_RA_NONE, KR_RA_REG, KR_RA_STACK, KR_RA_CONST } kr_ra_loc_kind;

/* A location: a physical register, a frame slot (8 bytes each, numbered from 0), or, as the source
 * of a move only, a constant (the move's imm). */
typedef struct kr_ra_loc {
    kr_ra_loc_kind kind;
    int index;
} kr_ra_loc;

typedef struct kr_ra_move {
    kr_ra_loc dst, src;
    int64_t imm;     /* the value when src.kind == KR_RA_CONST */
    kr_ra_class cls; /* the class of the value moved */
} kr_ra_move;

typedef enum kr_ra_place { KR_RA_AT_POS, KR_RA_PRED_END, KR_RA_SUCC_START, KR_RA_ON_EDGE } kr_ra_place;

typedef struct kr_ra_move_group {
    kr_ra_place place;
    int pos;         /* KR_RA_AT_POS: the moves go before the instruction at pos; else -1 */
    int pred, succ;  /* block ids of the edge; -1 for KR_RA_AT_POS */
    const kr_ra_move *moves; /* the parallel move */
    int nmoves;
    const kr_ra_move *seq;   /* the same as ordinary moves, in order */
    int nseq;
} kr_ra_move_group;

/* A phi input: a vreg, or a constant when vreg < 0. */
typedef struct kr_ra_phi_input {
    int vreg;
    int64_t imm;
} kr_ra_phi_input;

typedef struct kr_ra_ctx kr_ra_ctx;

/* ---- context ------------------------------------------------------------------------------ */
kr_ra_ctx *kr_ra_new(const kr_ra_target *target); /* NULL when out of memory */
void kr_ra_free(kr_ra_ctx *ctx);
void kr_ra_reset(kr_ra_ctx *ctx); /* forget the function, keep the target, reuse the memory */
const char *kr_ra_error(const kr_ra_ctx *ctx);
const kr_ra_target *kr_ra_get_target(const kr_ra_ctx *ctx);

/* ---- describing a function (any order; ranges are sorted and merged, uses sorted) -------------- */
int kr_ra_add_vreg(kr_ra_ctx *ctx, kr_ra_class cls); /* returns the new vreg's id: 0, 1, 2... */
int kr_ra_add_range(kr_ra_ctx *ctx, int vreg, int from, int to); /* [from, to), from < to */
int kr_ra_add_use(kr_ra_ctx *ctx, int vreg, int pos, kr_ra_use_kind kind);
int kr_ra_hint_vreg(kr_ra_ctx *ctx, int vreg, int other); /* prefer other's register (a move source) */
int kr_ra_hint_reg(kr_ra_ctx *ctx, int vreg, int reg);    /* prefer a physical register */
int kr_ra_add_fixed(kr_ra_ctx *ctx, int reg, int from, int to); /* reg is not available over [from,to) */
int kr_ra_add_fixed_mask(kr_ra_ctx *ctx, uint64_t regs, int from, int to);
int kr_ra_add_block(kr_ra_ctx *ctx, int from, int to, int loop_depth); /* ids 0, 1... in linear order */
int kr_ra_add_edge(kr_ra_ctx *ctx, int pred, int succ); /* a block's predecessors keep the call order */
int kr_ra_add_phi(kr_ra_ctx *ctx, int block, int vreg, const kr_ra_phi_input *inputs, int ninputs);
int kr_ra_num_vregs(const kr_ra_ctx *ctx);
int kr_ra_num_blocks(const kr_ra_ctx *ctx);

/* ---- the steps ------------------------------------------------------------------------------ */
typedef enum kr_ra_algo { KR_RA_LINEAR_SCAN, KR_RA_SPILL_ALL } kr_ra_algo;
int kr_ra_linear_scan(kr_ra_ctx *ctx);  /* linear_scan.c */
int kr_ra_spill_all(kr_ra_ctx *ctx);    /* spill_all.c: every vreg in its slot, registers only at uses */
int kr_ra_assign_slots(kr_ra_ctx *ctx); /* slots.c */
int kr_ra_resolve(kr_ra_ctx *ctx);      /* resolve.c */
int kr_ra_allocate(kr_ra_ctx *ctx, kr_ra_algo algo); /* the three steps */
int kr_ra_verify(kr_ra_ctx *ctx);       /* verify.c: 0 if the allocation is correct */

/* ---- results -------------------------------------------------------------------------------- */
kr_ra_loc kr_ra_location_at(const kr_ra_ctx *ctx, int vreg, int pos); /* KR_RA_NONE where not live */
int kr_ra_num_children(const kr_ra_ctx *ctx, int vreg); /* pieces after splitting, in position order */
kr_ra_loc kr_ra_child_loc(const kr_ra_ctx *ctx, int vreg, int i);
void kr_ra_child_span(const kr_ra_ctx *ctx, int vreg, int i, int *from, int *to);
int kr_ra_spill_slot(const kr_ra_ctx *ctx, int vreg);      /* -1 if the vreg never lives on the stack */
int kr_ra_spill_store_pos(const kr_ra_ctx *ctx, int vreg); /* KR_RA_SSA: the store's position, or -1 */
int kr_ra_num_slots(const kr_ra_ctx *ctx);                 /* frame slots used */
uint64_t kr_ra_used_regs(const kr_ra_ctx *ctx);            /* to save callee-saved ones */
int kr_ra_num_move_groups(const kr_ra_ctx *ctx); /* KR_RA_AT_POS by pos, then edges by pred, succ */
const kr_ra_move_group *kr_ra_get_move_group(const kr_ra_ctx *ctx, int i);
int kr_ra_num_splits(const kr_ra_ctx *ctx); /* statistics */

/* ---- parallel moves (parallel_move.c) ------------------------------------------------------- */
/* Sequentialise a parallel move: destinations must be distinct and must not be scratch registers.
 * Writes at most KR_RA_PMOVE_MAX(n) moves to out and their count to *nout. A cycle is broken by
 * saving one of its locations in the scratch register of its class; a stack-to-stack move goes
 * through the scratch of its class, or, while that one holds a cycle's value, through the other
 * class's scratch (slots are 8 bytes: use a bit-preserving 64-bit move such as movq). Moves from
 * constants come last, when both scratch registers are free again. */
#define KR_RA_PMOVE_MAX(n) (3 * (n) + 1)
int kr_ra_parallel_move(const kr_ra_move *moves, int n, const int scratch[KR_RA_NUM_CLASSES],
                        kr_ra_move *out, int *nout, char *err, size_t errlen);

/* ---- text form (text.c) ---------------------------------------------------------------------- */
/* The input in the text form kr_ra_parse reads, then, as comments, the result when there is one:
 *
 *   block 0 [0, 8) -> 1              block id, [from, to), optional "depth N", successors
 *   block 1 [8, 20) depth 1 -> 1 2   (a block's predecessors are in the order the edges appear)
 *   block 2 [20, 24)
 *   v0 gp [1, 12) : 1d 4r 10a hint v1     ranges, then uses: r USE_REG, a USE_ANY, d DEF, D DEF_ANY
 *   v1 fp [8, 9) [12, 15) : 8D 14r hint xmm0
 *   fixed rax [9, 10) [13, 14)            a register by name, or r<N>
 *   phi b1 v2 = v0 #42                    inputs in predecessor order, #N a constant
 * Vregs must be numbered v0, v1... in order. '#' outside a phi starts a comment. */
void kr_ra_dump(FILE *out, const kr_ra_ctx *ctx);
int kr_ra_parse(kr_ra_ctx *ctx, const char *text);
void kr_ra_format_loc(const kr_ra_target *t, kr_ra_loc loc, char *buf, size_t len);

#endif
