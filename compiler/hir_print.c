/* hir_print.c: the text form of HIR (--jit-dump, tests). One block per paragraph:
 *
 *   bb3 pc 8  preds bb1 bb7  succs bb4 bb9  loop depth 1 (header)
 *     v12:SMALLINT = INT_BINOP ADD v3, v9  [pc 14] fs#3
 *
 * then the frame states: `fs#3 pc 14 { 1=v5 3=v9 }` (the dirty slots and their values). Dead
 * instructions are not printed (they are in no block). */
#include <inttypes.h>

#include "compiler/hir.h"
#include "compiler/jit_rt.h"
#include "vm/object.h"

static const char *const type_names[] = {"SMALLINT", "BIGINT", "FLOAT", "BOOL", "NONE", "STR", "LIST",
                                         "TUPLE", "DICT", "FUNC", "OBJECT", "UNBOUND", "NULL"};
static const char *const binop_names[KR_BINOP_COUNT] = {"ADD", "SUB", "MUL", "MATMUL", "TRUEDIV", "FLOORDIV", "MOD",
                                                        "POW", "LSHIFT", "RSHIFT", "AND", "XOR", "OR"};
static const char *const cmp_names[KR_CMP_COUNT] = {"LT", "LE", "EQ", "NE", "GT", "GE"};

static void print_type(FILE *out, uint32_t t)
{
    if (t == KR_HT_ANY) {
        fputs("ANY", out);
        return;
    }
    if (!t) {
        fputs("NOTHING", out);
        return;
    }
    bool first = true;
    for (unsigned i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
        if (t & (1u << i)) {
            fprintf(out, "%s%s", first ? "" : "|", type_names[i]);
            first = false;
        }
}

static void print_value(FILE *out, kr_value v)
{
    if (kr_is_small(v))
        fprintf(out, "%" PRId64, kr_small_val(v));
    else if (v == KR_NONE)
        fputs("None", out);
    else if (v == KR_TRUE)
        fputs("True", out);
    else if (v == KR_FALSE)
        fputs("False", out);
    else if (v == KR_UNBOUND)
        fputs("<unbound>", out);
    else if (v == KR_NULL)
        fputs("<null>", out);
    else if (kr_is_ptr(v) && KR_OBJ(v)->type)
        fprintf(out, "<%s %p>", KR_OBJ(v)->type->name_c, (void *)(uintptr_t)v);
    else
        fprintf(out, "<%#" PRIx64 ">", (uint64_t)v);
}

static void print_insn(FILE *out, const kr_hir_func *fn, kr_hir_ref r)
{
    const kr_hir_insn *in = &fn->insns[r];
    fputs("  ", out);
    bool has_value = in->op != KR_HIR_STORE_SLOT && in->op != KR_HIR_POLL && in->op != KR_HIR_ENTRY &&
                     in->op != KR_HIR_JUMP && in->op != KR_HIR_BRANCH && in->op != KR_HIR_BRANCH_PC &&
                     in->op != KR_HIR_RETURN && in->op != KR_HIR_DEOPT && in->op != KR_HIR_GUARD_DICT_VERSION &&
                     in->op != KR_HIR_STORE_INST_SLOT && in->op != KR_HIR_LIST_SET && in->op != KR_HIR_STORE_CELL &&
                     in->op != KR_HIR_STORE_FIELD;
    if (has_value) {
        fprintf(out, "v%u:", r);
        if (in->rep == KR_HIR_DOUBLE)
            fputs("DOUBLE", out);
        else if (in->rep == KR_HIR_RAW)
            fputs("RAW", out);
        else
            print_type(out, in->type);
        fputs(" = ", out);
    }
    fputs(in->op < KR_HIR_OP_COUNT ? kr_hir_op_names[in->op] : "?", out);
    /* the immediate, spelled for the ops where it has a meaning */
    switch ((enum kr_hir_op)in->op) {
    case KR_HIR_CONST:
        fputc(' ', out);
        print_value(out, in->value);
        break;
    case KR_HIR_CONST_DOUBLE:
        fprintf(out, " %.17g", in->dvalue);
        break;
    case KR_HIR_LOAD_SLOT: case KR_HIR_STORE_SLOT:
        fprintf(out, " s%" PRId64, in->imm);
        break;
    case KR_HIR_GUARD_TYPE:
        fputc(' ', out);
        print_type(out, (uint32_t)in->imm);
        break;
    case KR_HIR_GUARD_IS:
        fputc(' ', out);
        print_value(out, in->value);
        break;
    case KR_HIR_GUARD_DICT_VERSION:
        fputc(' ', out);
        print_value(out, in->value);
        fprintf(out, " kv=%" PRId64 " %s", in->imm, in->imm2 == 1 ? "globals" : in->imm2 == 2 ? "builtins" : "");
        break;
    case KR_HIR_LOAD_ADDR:
        fprintf(out, " %#" PRIx64, (uint64_t)in->imm);
        break;
    case KR_HIR_GUARD_SHAPE:
        fputc(' ', out);
        print_value(out, in->value);
        fprintf(out, " version=%" PRId64 " shape=%#" PRIx64, in->imm, (uint64_t)in->imm2);
        break;
    case KR_HIR_LOAD_INST_SLOT: case KR_HIR_STORE_INST_SLOT:
        fprintf(out, " [%" PRId64 "]", in->imm);
        break;
    case KR_HIR_LOAD_FIELD: case KR_HIR_STORE_FIELD:
        fprintf(out, " [+%" PRId64 "]", in->imm);
        break;
    case KR_HIR_INT_BINOP: case KR_HIR_FLOAT_BINOP:
        fprintf(out, " %s", in->imm >= 0 && in->imm < KR_BINOP_COUNT ? binop_names[in->imm] : "?");
        break;
    case KR_HIR_GUARD_INT_RANGE:
        fprintf(out, " [%" PRId64 ", %" PRId64 "]", in->imm, in->imm2);
        break;
    case KR_HIR_INT_MOD_STEP:
        fprintf(out, " +%" PRId64 " mod %" PRId64, in->imm, in->imm2);
        break;
    case KR_HIR_RANGE_PREV:
        fprintf(out, " step %" PRId64, in->imm);
        break;
    case KR_HIR_INT_CMP: case KR_HIR_FLOAT_CMP:
        fprintf(out, " %s", in->imm >= 0 && in->imm < KR_CMP_COUNT ? cmp_names[in->imm] : "?");
        break;
    case KR_HIR_IS:
        if (in->imm)
            fputs(" NOT", out);
        break;
    case KR_HIR_STEP:
        /* the opcode, so that a dump shows which instructions still go through the interpreter */
        fprintf(out, " @%" PRId64, in->imm);
        if (in->imm >= 0 && (uint64_t)in->imm < fn->code->ninsns)
            fprintf(out, " %s", kr_opcode_names[KR_INSN_OP(fn->code->insns[in->imm])]);
        if (in->value)
            fprintf(out, " direct %p", (void *)(uintptr_t)in->value);
        break;
    case KR_HIR_BRANCH_PC:
        fprintf(out, " @%" PRId64, in->imm);
        break;
    case KR_HIR_CALL_RT:
        fprintf(out, " %s #%#" PRIx64, in->imm >= 0 && in->imm < KR_JIT_RT_COUNT ? kr_jit_rt_table[in->imm].name : "?",
                (uint64_t)in->imm2);
        break;
    default:
        break;
    }
    for (uint32_t a = 0; a < in->nargs; a++)
        fprintf(out, "%sv%u", a ? ", " : " ", in->args[a]);
    fprintf(out, "  [pc %u]", in->pc);
    if (in->fs >= 0)
        fprintf(out, " fs#%d", in->fs);
    if (in->fs >= 0 && in->reason < KR_DEOPT_COUNT &&
        ((in->op >= KR_HIR_GUARD_TYPE && in->op <= KR_HIR_GUARD_NOT_UNBOUND) || in->op == KR_HIR_GUARD_SHAPE ||
         in->op == KR_HIR_GUARD_DICT_VERSION || in->op == KR_HIR_LOAD_FIELD))
        fprintf(out, " (%s)", kr_deopt_reason_names[in->reason]);
    if (in->nuses)
        fprintf(out, " uses=%u", in->nuses);
    fputc('\n', out);
}

void kr_hir_print(FILE *out, const kr_hir_func *fn)
{
    fprintf(out, "HIR %u blocks, %u insns, %u frame states; entries", fn->nblocks, fn->ninsns - 1, fn->nfs);
    for (uint32_t i = 0; i < fn->nentries; i++)
        fprintf(out, " %u", fn->entry_pcs[i]);
    fputc('\n', out);
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        const kr_hir_block *bl = &fn->blocks[b];
        fprintf(out, "bb%u", b);
        if (bl->pc != UINT32_MAX)
            fprintf(out, " pc %u", bl->pc);
        fputs("  preds", out);
        for (uint32_t i = 0; i < bl->npreds; i++)
            fprintf(out, " bb%u", bl->preds[i]);
        fputs("  succs", out);
        for (uint32_t i = 0; i < bl->nsuccs; i++)
            fprintf(out, " bb%u", bl->succs[i]);
        if (bl->loop_depth)
            fprintf(out, "  loop depth %u", bl->loop_depth);
        if (bl->loop_header)
            fputs(" (header)", out);
        fputc('\n', out);
        for (uint32_t k = 0; k < bl->ninsns; k++)
            print_insn(out, fn, bl->insns[k]);
    }
    for (uint32_t i = 0; i < fn->nfs; i++) {
        const kr_hir_fs *fs = &fn->fss[i];
        fprintf(out, "fs#%u pc %u {", i, fs->pc);
        for (uint32_t d = 0; d < fs->ndirty; d++)
            fprintf(out, " %u=v%u", fs->dirty[d].slot, fs->dirty[d].value);
        fputs(" }\n", out);
    }
}
