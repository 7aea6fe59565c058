/* hir.c: construction of HIR functions (compiler/hir.h). The builder (hir_build.c), the optimiser and
 * the back end's tests create blocks and instructions only through these functions. */
#include "compiler/hir.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *const kr_hir_op_names[KR_HIR_OP_COUNT] = {
#define KR_HIR_OP_NAME(name, doc) #name,
    KR_HIR_OPS(KR_HIR_OP_NAME)
#undef KR_HIR_OP_NAME
};

const char *const kr_deopt_reason_names[KR_DEOPT_COUNT] = {
#define KR_DEOPT_NAME(name, doc) doc,
    KR_DEOPT_REASONS(KR_DEOPT_NAME)
#undef KR_DEOPT_NAME
};

int kr_hir_grow(void **arr, uint32_t *cap, uint32_t n, size_t esz)
{
    if (n <= *cap)
        return 0;
    uint32_t ncap = *cap ? *cap : 8;
    while (ncap < n)
        ncap *= 2;
    void *p = realloc(*arr, (size_t)ncap * esz);
    if (!p)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

/* Out of memory while building: the function stays consistent (nothing half-added) and records the
 * refusal; callers check fn->error before using the result. */
static void oom(kr_hir_func *fn)
{
    if (!fn->error[0])
        snprintf(fn->error, sizeof fn->error, "out of memory");
}

kr_hir_func *kr_hir_new(kr_vm *vm, kr_code *code)
{
    kr_hir_func *fn = calloc(1, sizeof *fn);
    if (!fn)
        return NULL;
    fn->vm = vm;
    fn->code = code;
    if (kr_hir_grow((void **)&fn->insns, &fn->insncap, 64, sizeof *fn->insns) < 0) {
        free(fn);
        return NULL;
    }
    memset(&fn->insns[0], 0, sizeof fn->insns[0]); /* ref 0 = none */
    fn->insns[0].fs = -1;
    fn->ninsns = 1;
    return fn;
}

void kr_hir_free(kr_hir_func *fn)
{
    if (!fn)
        return;
    for (uint32_t i = 0; i < fn->ninsns; i++)
        free(fn->insns[i].args);
    for (uint32_t i = 0; i < fn->nblocks; i++) {
        free(fn->blocks[i].insns);
        free(fn->blocks[i].preds);
        free(fn->blocks[i].succs);
    }
    for (uint32_t i = 0; i < fn->nfs; i++)
        free(fn->fss[i].dirty);
    free(fn->insns);
    free(fn->blocks);
    free(fn->fss);
    free(fn->entry_pcs);
    free(fn);
}

uint32_t kr_hir_add_block(kr_hir_func *fn, uint32_t pc)
{
    if (kr_hir_grow((void **)&fn->blocks, &fn->blockcap, fn->nblocks + 1, sizeof *fn->blocks) < 0) {
        oom(fn);
        return 0;
    }
    kr_hir_block *b = &fn->blocks[fn->nblocks];
    memset(b, 0, sizeof *b);
    b->pc = pc;
    return fn->nblocks++;
}

void kr_hir_add_edge(kr_hir_func *fn, uint32_t pred, uint32_t succ)
{
    kr_hir_block *p = &fn->blocks[pred], *s = &fn->blocks[succ];
    if (kr_hir_grow((void **)&p->succs, &p->succcap, p->nsuccs + 1, sizeof *p->succs) < 0 ||
        kr_hir_grow((void **)&s->preds, &s->predcap, s->npreds + 1, sizeof *s->preds) < 0) {
        oom(fn);
        return;
    }
    p->succs[p->nsuccs++] = succ;
    s->preds[s->npreds++] = pred;
}

/* Creates the instruction record (not yet placed in a block). Returns 0 when out of memory. */
static kr_hir_ref new_insn(kr_hir_func *fn, uint32_t b, enum kr_hir_op op, kr_hir_rep rep, uint32_t type,
                           const kr_hir_ref *args, uint32_t nargs, int64_t imm)
{
    if (kr_hir_grow((void **)&fn->insns, &fn->insncap, fn->ninsns + 1, sizeof *fn->insns) < 0) {
        oom(fn);
        return 0;
    }
    kr_hir_ref r = fn->ninsns;
    kr_hir_insn *in = &fn->insns[r];
    memset(in, 0, sizeof *in);
    in->op = (uint16_t)op;
    in->rep = (uint8_t)rep;
    in->type = type;
    in->block = b;
    in->imm = imm;
    in->fs = -1;
    in->pc = b < fn->nblocks ? fn->blocks[b].pc : 0;
    if (nargs) {
        in->args = malloc(nargs * sizeof *in->args);
        if (!in->args) {
            oom(fn);
            return 0;
        }
        memcpy(in->args, args, nargs * sizeof *args);
        in->nargs = nargs;
    }
    fn->ninsns++;
    return r;
}

static int place(kr_hir_func *fn, uint32_t b, kr_hir_ref r, uint32_t at)
{
    kr_hir_block *bl = &fn->blocks[b];
    if (kr_hir_grow((void **)&bl->insns, &bl->cap, bl->ninsns + 1, sizeof *bl->insns) < 0) {
        oom(fn);
        return -1;
    }
    memmove(&bl->insns[at + 1], &bl->insns[at], (bl->ninsns - at) * sizeof *bl->insns);
    bl->insns[at] = r;
    bl->ninsns++;
    return 0;
}

kr_hir_ref kr_hir_emit(kr_hir_func *fn, uint32_t b, enum kr_hir_op op, kr_hir_rep rep, uint32_t type,
                       const kr_hir_ref *args, uint32_t nargs, int64_t imm)
{
    kr_hir_ref r = new_insn(fn, b, op, rep, type, args, nargs, imm);
    if (!r || place(fn, b, r, fn->blocks[b].ninsns) < 0)
        return 0;
    return r;
}

kr_hir_ref kr_hir_insert_phi(kr_hir_func *fn, uint32_t b, kr_hir_rep rep, uint32_t type)
{
    kr_hir_ref r = new_insn(fn, b, KR_HIR_PHI, rep, type, NULL, 0, 0);
    if (!r)
        return 0;
    kr_hir_block *bl = &fn->blocks[b];
    uint32_t at = 0;
    while (at < bl->ninsns && fn->insns[bl->insns[at]].op == KR_HIR_PHI)
        at++;
    if (place(fn, b, r, at) < 0)
        return 0;
    return r;
}

kr_hir_ref kr_hir_insert_after_phis(kr_hir_func *fn, uint32_t b, enum kr_hir_op op, kr_hir_rep rep, uint32_t type,
                                    const kr_hir_ref *args, uint32_t nargs, int64_t imm)
{
    kr_hir_ref r = new_insn(fn, b, op, rep, type, args, nargs, imm);
    if (!r)
        return 0;
    kr_hir_block *bl = &fn->blocks[b];
    uint32_t at = 0;
    while (at < bl->ninsns && fn->insns[bl->insns[at]].op == KR_HIR_PHI)
        at++;
    if (place(fn, b, r, at) < 0)
        return 0;
    return r;
}

static bool is_terminator(uint16_t op)
{
    return op == KR_HIR_ENTRY || op == KR_HIR_JUMP || op == KR_HIR_BRANCH || op == KR_HIR_BRANCH_PC ||
           op == KR_HIR_RETURN || op == KR_HIR_DEOPT;
}

kr_hir_ref kr_hir_insert_before_end(kr_hir_func *fn, uint32_t b, enum kr_hir_op op, kr_hir_rep rep,
                                    uint32_t type, const kr_hir_ref *args, uint32_t nargs, int64_t imm)
{
    kr_hir_ref r = new_insn(fn, b, op, rep, type, args, nargs, imm);
    if (!r)
        return 0;
    kr_hir_block *bl = &fn->blocks[b];
    uint32_t at = bl->ninsns;
    if (at && is_terminator(fn->insns[bl->insns[at - 1]].op))
        at--;
    if (place(fn, b, r, at) < 0)
        return 0;
    return r;
}

void kr_hir_set_args(kr_hir_func *fn, kr_hir_ref ref, const kr_hir_ref *args, uint32_t nargs)
{
    kr_hir_insn *in = &fn->insns[ref];
    kr_hir_ref *copy = NULL;
    if (nargs) {
        copy = malloc(nargs * sizeof *copy);
        if (!copy) {
            oom(fn);
            return;
        }
        memcpy(copy, args, nargs * sizeof *args);
    }
    free(in->args);
    in->args = copy;
    in->nargs = nargs;
}

int32_t kr_hir_add_fs(kr_hir_func *fn, uint32_t pc, const kr_hir_fs_entry *dirty, uint32_t ndirty)
{
    if (kr_hir_grow((void **)&fn->fss, &fn->fscap, fn->nfs + 1, sizeof *fn->fss) < 0) {
        oom(fn);
        return -1;
    }
    kr_hir_fs *fs = &fn->fss[fn->nfs];
    fs->pc = pc;
    fs->ndirty = 0;
    fs->dirty = NULL;
    if (ndirty) {
        fs->dirty = malloc(ndirty * sizeof *dirty);
        if (!fs->dirty) {
            oom(fn);
            return -1;
        }
        memcpy(fs->dirty, dirty, ndirty * sizeof *dirty);
        fs->ndirty = ndirty;
    }
    return (int32_t)fn->nfs++;
}

int kr_hir_refuse(kr_hir_func *fn, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(fn->error, sizeof fn->error, fmt, ap);
    va_end(ap);
    return -1;
}
