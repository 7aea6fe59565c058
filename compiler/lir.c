/* lir.c: LIR containers and the text form (compiler/lir.h). */
#include "compiler/lir.h"
#include "compiler/jit.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/iterobj.h"
#include "vm/list.h"
#include "vm/range.h"
#include "vm/tuple.h"
#include "vm/vm.h"

const char *const kr_lir_op_names[KR_LIR_OP_COUNT] = {
#define KR_LIR_OP_NAME(name, out, doc) #name,
    KR_LIR_OPS(KR_LIR_OP_NAME)
#undef KR_LIR_OP_NAME
};

const uint8_t kr_lir_op_has_output[KR_LIR_OP_COUNT] = {
#define KR_LIR_OP_OUT(name, out, doc) out,
    KR_LIR_OPS(KR_LIR_OP_OUT)
#undef KR_LIR_OP_OUT
};

/* Hardware encodings of the registers named below (kr_ra_target_x86_64 numbers GP 0..15 so). */
enum { R_RAX = 0, R_RCX = 1, R_RDX = 2 };

void kr_lir_layout_of(kr_vm *vm, kr_lir_layout *out)
{
    out->vm_gc_allocated = (int32_t)(offsetof(kr_vm, gc) + offsetof(kr_gc, allocated));
    out->vm_gc_threshold = (int32_t)(offsetof(kr_vm, gc) + offsetof(kr_gc, threshold));
    out->vm_jit_yielded = (int32_t)offsetof(kr_vm, jit_yielded);
    out->frame_slots = (int32_t)offsetof(kr_frame, slots);
    out->frame_pc = (int32_t)offsetof(kr_frame, pc);
    out->frame_globals = (int32_t)offsetof(kr_frame, globals);
    out->frame_builtins = (int32_t)offsetof(kr_frame, builtins);
    out->obj_type = (int32_t)offsetof(kr_object, type);
    out->float_value = (int32_t)offsetof(kr_float, value);
    out->str_nbytes = (int32_t)offsetof(kr_str, nbytes);
    out->str_data = (int32_t)offsetof(kr_str, data);
    out->obj_aux = (int32_t)offsetof(kr_object, aux);
    out->list_size = (int32_t)offsetof(kr_list, size);
    out->list_items = (int32_t)offsetof(kr_list, items);
    out->tuple_size = (int32_t)offsetof(kr_tuple, size);
    out->tuple_items = (int32_t)offsetof(kr_tuple, items);
    out->dict_keys_version = (int32_t)kr_dict_keys_version_offset();
    out->dict_used = (int32_t)kr_dict_used_offset();
    out->type_version = (int32_t)offsetof(kr_type, version);
    out->inst_shape = (int32_t)offsetof(kr_instance, shape);
    out->inst_slots = (int32_t)offsetof(kr_instance, slots);
    out->cell_contents = (int32_t)offsetof(kr_cell, contents);
    out->insn_size = (uint32_t)sizeof(kr_insn);
    out->t_int = vm->t.int_;
    out->t_float = vm->t.float_;
    out->t_str = vm->t.str;
    out->t_list = vm->t.list;
    out->t_tuple = vm->t.tuple;
    out->t_dict = vm->t.dict;
    out->t_function = vm->t.function;
    out->t_list_iter = vm->t.list_iter;
    {
        size_t gc = offsetof(kr_vm, gc);
        out->gc_pool = (int32_t)(gc + offsetof(kr_gc, pool));
        out->gc_pool_bytes = (int32_t)(gc + offsetof(kr_gc, pool_bytes));
        out->gc_objects = (int32_t)(gc + offsetof(kr_gc, objects));
        out->gc_nobjects = (int32_t)(gc + offsetof(kr_gc, nobjects));
        out->gc_objects_cap = (int32_t)(gc + offsetof(kr_gc, objects_cap));
        out->gc_limit = (int32_t)(gc + offsetof(kr_gc, limit));
        out->gc_peak = (int32_t)(gc + offsetof(kr_gc, peak_allocated));
        out->pool_classes = KR_GC_POOL_CLASSES;
        for (size_t cls = 1; cls <= KR_GC_POOL_CLASSES; cls++) {
            /* as kr_gc_alloc leaves it: unmarked (young), the size class in gc_flags, no flags */
            kr_object tmpl;
            memset(&tmpl, 0, sizeof tmpl);
            tmpl.gc_flags = (uint8_t)(cls << KR_GC_CLASS_SHIFT);
            memcpy(&out->pool_header_word[cls], (const char *)&tmpl + sizeof(void *), sizeof(uint64_t));
        }
        out->float_class = (int32_t)((sizeof(kr_float) + 15) >> 4);
        out->tuple_base = (int32_t)sizeof(kr_tuple);
        out->tuple_hash = (int32_t)offsetof(kr_tuple, hash);
        out->cell_class = (int32_t)((sizeof(kr_cell) + 15) >> 4);
        out->t_cell = vm->t.cell;
        out->rt_new_cell = (const void *)(uintptr_t)kr_jit_rt_new_cell;
    }
    out->poly_entries = (int32_t)offsetof(kr_fb_poly, e);
    out->poly_entry_size = (int32_t)sizeof(kr_fb_attr_entry);
    out->poly_ways = KR_FB_POLY_WAYS;
    out->pe_type = (int32_t)offsetof(kr_fb_attr_entry, type);
    out->pe_shape = (int32_t)offsetof(kr_fb_attr_entry, shape);
    out->pe_value = (int32_t)offsetof(kr_fb_attr_entry, value);
    out->pe_index = (int32_t)offsetof(kr_fb_attr_entry, index);
    out->pe_version = (int32_t)offsetof(kr_fb_attr_entry, version);
    out->pe_kind = (int32_t)offsetof(kr_fb_attr_entry, kind);
    out->kind_shape_slot = KR_FB_ATTR_SHAPE_SLOT;
    out->kind_type_value = KR_FB_ATTR_TYPE_VALUE;
    out->kind_method = KR_FB_ATTR_METHOD;
    out->list_iter_seq = (int32_t)offsetof(kr_list_iter, seq);
    out->list_iter_index = (int32_t)offsetof(kr_list_iter, index);
    out->tuple_iter_seq = (int32_t)offsetof(kr_tuple_iter, seq);
    out->tuple_iter_index = (int32_t)offsetof(kr_tuple_iter, index);
    out->obj_flags = (int32_t)offsetof(kr_object, flags);
    out->range_iter_next = (int32_t)offsetof(kr_range_iter, next);
    out->range_iter_step = (int32_t)offsetof(kr_range_iter, step);
    out->range_iter_remaining = (int32_t)offsetof(kr_range_iter, remaining);
    out->range_big = KR_RANGE_BIG;
    out->zip_iters = (int32_t)kr_zip_iters_offset();
    out->t_tuple_iter = vm->t.tuple_iter;
    out->t_range_iter = vm->t.range_iter;
    out->t_zip = vm->t.zip;
    /* function pointers as data pointers: POSIX guarantees the conversion (dlsym relies on it) */
    out->rt_exit = (const void *)(uintptr_t)kr_jit_rt_exit;
    out->rt_poll = (const void *)(uintptr_t)kr_jit_rt_poll;
    out->rt_truthy = (const void *)(uintptr_t)kr_jit_rt_truthy;
    out->rt_box_float = (const void *)(uintptr_t)kr_jit_rt_box_float;
    out->rt_float_pow = (const void *)(uintptr_t)kr_jit_rt_float_pow;
    out->interp_step = (const void *)(uintptr_t)kr_interp_step;
    out->interp_step_call = (const void *)(uintptr_t)kr_interp_step_call;
    out->vm_frame = (int32_t)offsetof(kr_vm, frame);
    out->vm_stack_top = (int32_t)offsetof(kr_vm, stack_top);
    out->vm_stack_end = (int32_t)offsetof(kr_vm, stack_end);
    out->vm_depth = (int32_t)offsetof(kr_vm, depth);
    out->vm_recursion_limit = (int32_t)offsetof(kr_vm, recursion_limit);
    out->vm_c_depth = (int32_t)offsetof(kr_vm, c_depth);
    out->vm_handled_exc = (int32_t)offsetof(kr_vm, handled_exc);
    out->frame_prev = (int32_t)offsetof(kr_frame, prev);
    out->frame_code = (int32_t)offsetof(kr_frame, code);
    out->frame_func = (int32_t)offsetof(kr_frame, func);
    out->frame_locals = (int32_t)offsetof(kr_frame, locals);
    out->frame_gen = (int32_t)offsetof(kr_frame, gen);
    out->frame_saved_handled = (int32_t)offsetof(kr_frame, saved_handled);
    out->frame_ret_slot = (int32_t)offsetof(kr_frame, ret_slot);
    out->frame_flags = (int32_t)offsetof(kr_frame, flags);
    out->func_code = (int32_t)offsetof(kr_function, code);
    out->func_closure = (int32_t)offsetof(kr_function, closure);
    out->func_defaults = (int32_t)offsetof(kr_function, defaults);
    out->func_globals = (int32_t)offsetof(kr_function, globals);
    out->func_builtins = (int32_t)offsetof(kr_function, builtins);
    out->func_version = (int32_t)offsetof(kr_function, version);
    out->func_name = (int32_t)offsetof(kr_function, name);
    out->func_qualname = (int32_t)offsetof(kr_function, qualname);
    out->func_module = (int32_t)offsetof(kr_function, module);
    out->func_doc = (int32_t)offsetof(kr_function, doc);
    out->func_kwdefaults = (int32_t)offsetof(kr_function, kwdefaults);
    out->func_annotations = (int32_t)offsetof(kr_function, annotations);
    out->func_dict = (int32_t)offsetof(kr_function, dict);
    out->func_size = (int32_t)sizeof(kr_function);
    out->func_class = (int32_t)((sizeof(kr_function) + 15) >> 4);
    out->t_module = vm->t.module;
    out->module_dict = (int32_t)offsetof(kr_module, dict);
    out->vm_func_globals = (int32_t)offsetof(kr_vm, func_globals);
    out->vm_func_globals_kv = (int32_t)offsetof(kr_vm, func_globals_kv);
    out->vm_func_name_slot = (int32_t)offsetof(kr_vm, func_name_slot);
    out->vm_func_builtins_slot = (int32_t)offsetof(kr_vm, func_builtins_slot);
    out->none = KR_NONE;
    out->frame_words = (uint32_t)KR_FRAME_WORDS;
    /* as run_entry_frame runs a callee: an entry frame on the stack, compiled code running it */
    out->direct_frame_flags = KR_FRAME_ENTRY | KR_FRAME_ON_STACK | KR_FRAME_JIT;
    out->max_c_depth = KR_JIT_MAX_C_DEPTH;
    out->unbound = KR_UNBOUND;
    out->interp_call_resume = (const void *)(uintptr_t)kr_interp_call_resume;
    out->interp_call_poll = (const void *)(uintptr_t)kr_interp_call_poll;
    out->rt_init_result = (const void *)(uintptr_t)kr_jit_rt_init_result;
    out->rt_init_resume = (const void *)(uintptr_t)kr_jit_rt_init_resume;
    out->obj_gc_flags = (int32_t)offsetof(kr_object, gc_flags);
    out->gc_watch = KR_GC_WATCH;
    out->rt_barrier = (const void *)(uintptr_t)kr_gc_barrier_call;
}

/* static checks the inline frame link and allocation rely on */
_Static_assert(sizeof(kr_object) == 16 && offsetof(kr_object, type) == 0, "a type pointer and one word of header");
_Static_assert(sizeof(((kr_object *)0)->aux) == 4 && KR_STR_LEN_FAR == UINT32_MAX, "emitStrLen: a 32-bit aux, all ones when far");
_Static_assert(sizeof(kr_float) <= 16 * KR_GC_POOL_CLASSES && sizeof(kr_cell) <= 16 * KR_GC_POOL_CLASSES,
               "floats and cells are pooled");
_Static_assert(KR_HIR_DIRECT_CALL_MAX_CELLS <= 4, "kr_lir_direct_call.cell_arg has room");
_Static_assert(KR_GC_POOL_CLASSES < 16, "kr_lir_layout.pool_header_word has room");
_Static_assert(offsetof(kr_frame, flags) == offsetof(kr_frame, ret_slot) + 4, "ret_slot and flags adjacent");
_Static_assert(sizeof(((kr_fb_attr_entry *)0)->kind) == 2 && sizeof(((kr_fb_attr_entry *)0)->version) == 4 &&
                   sizeof(((kr_type *)0)->version) == 4,
               "16-bit entry kinds, 32-bit type versions");
_Static_assert(sizeof(((kr_vm *)0)->depth) == 4 && sizeof(((kr_vm *)0)->c_depth) == 4 &&
                   sizeof(((kr_vm *)0)->recursion_limit) == 4 && sizeof(((kr_function *)0)->version) == 4,
               "32-bit depth counters and function version");

kr_lir_func *kr_lir_new(kr_hir_func *hir)
{
    kr_lir_func *lf = calloc(1, sizeof *lf);
    if (!lf)
        return NULL;
    lf->hir = hir;
    lf->error = hir->error;
    return lf;
}

void kr_lir_free(kr_lir_func *lf)
{
    if (!lf)
        return;
    for (uint32_t b = 0; b < lf->nblocks; b++) {
        kr_lir_block *bl = &lf->blocks[b];
        for (uint32_t i = 0; i < bl->nphis; i++)
            free(bl->phis[i].inputs);
        free(bl->phis);
        free(bl->preds);
        free(bl->succs);
    }
    free(lf->blocks);
    free(lf->insns);
    free(lf->vreg_class);
    free(lf->exits);
    free(lf->entry_pcs);
    free(lf->hir_vreg);
    free(lf->calls);
    if (lf->ra)
        kr_ra_free(lf->ra);
    free(lf);
}

int kr_lir_add_vreg(kr_lir_func *lf, kr_ra_class cls)
{
    if (kr_hir_grow((void **)&lf->vreg_class, &lf->vregcap, lf->nvregs + 1, 1) < 0)
        return -1;
    lf->vreg_class[lf->nvregs] = (uint8_t)cls;
    return (int)lf->nvregs++;
}

kr_lir_insn *kr_lir_append(kr_lir_func *lf, enum kr_lir_op op)
{
    if (kr_hir_grow((void **)&lf->insns, &lf->insncap, lf->ninsns + 1, sizeof *lf->insns) < 0)
        return NULL;
    kr_lir_insn *in = &lf->insns[lf->ninsns++];
    memset(in, 0, sizeof *in);
    in->op = (uint16_t)op;
    in->out = -1;
    for (int i = 0; i < KR_LIR_MAX_IN; i++)
        in->in[i] = -1;
    in->exit = -1;
    in->fs = -1;
    return in;
}

int kr_lir_add_exit(kr_lir_func *lf, uint32_t insn, int32_t fs, uint8_t reason)
{
    if (kr_hir_grow((void **)&lf->exits, &lf->exitcap, lf->nexits + 1, sizeof *lf->exits) < 0)
        return -1;
    lf->exits[lf->nexits].insn = insn;
    lf->exits[lf->nexits].fs = fs;
    lf->exits[lf->nexits].reason = reason;
    lf->exits[lf->nexits].adj_slot = -1;
    lf->exits[lf->nexits].adj = 0;
    return (int)lf->nexits++;
}

static bool fits_i32(int64_t v)
{
    return v >= INT32_MIN && v <= INT32_MAX;
}

int kr_lir_const_operand_ok(enum kr_lir_op op, uint8_t kind, int64_t word)
{
    if (op == KR_LIR_BRANCH)
        op = kind == KR_LIR_BR_ICMP ? KR_LIR_ICMP : kind == KR_LIR_BR_IS ? KR_LIR_IS : KR_LIR_OP_COUNT;
    if (op != KR_LIR_IS && !kr_is_small((kr_value)word))
        return 0;
    int64_t c = kr_small_val((kr_value)word);
    switch (op) {
    case KR_LIR_IADD:
    case KR_LIR_ISUB: return fits_i32(word - 1);      /* add / sub of 2c */
    case KR_LIR_IMUL: return fits_i32(c);             /* imul r, r, c */
    case KR_LIR_IDIV: return c != 0 && c != -1;       /* no zero divisor, no -2^62 // -1 overflow */
    case KR_LIR_IMOD: return c != 0;
    case KR_LIR_ISHR: return c >= 0;                  /* no negative count */
    case KR_LIR_IAND:
    case KR_LIR_IOR:
    case KR_LIR_IXOR:
    case KR_LIR_ICMP:
    case KR_LIR_IS: return fits_i32(word);            /* a sign-extended imm32 */
    default: return 0;
    }
}

int kr_lir_div_mulx(const kr_lir_insn *in)
{
    if ((in->op != KR_LIR_IDIV && in->op != KR_LIR_IMOD) || !kr_lir_has_const_operand(in))
        return 0;
    int64_t c = kr_small_val((kr_value)in->imm2);
    if (c <= 1 || (c & (c - 1)) == 0 || (in->op == KR_LIR_IMOD && c > INT32_MAX))
        return 0;
    return __builtin_cpu_supports("bmi2") ? 1 : 0;
}

uint64_t kr_lir_insn_fixed(const kr_lir_insn *in)
{
    bool k = kr_lir_has_const_operand(in) != 0; /* a constant second operand (imm2) */
    int64_t c = kr_small_val((kr_value)in->imm2);
    switch (in->op) {
    case KR_LIR_IMUL: return k ? 0 : 1ull << R_RAX;              /* the multiplier */
    case KR_LIR_IDIV:
    case KR_LIR_IMOD:
        if (k && c > 0 && (c & (c - 1)) == 0)
            return 0;                                            /* a shift or an and */
        if (kr_lir_div_mulx(in))
            return 1ull << R_RDX;                                /* mulx's implicit multiplicand */
        return (1ull << R_RAX) | (1ull << R_RDX);                /* idiv's / mul's operands */
    case KR_LIR_ISHL: return (1ull << R_RAX) | (1ull << R_RCX);  /* count in cl, value kept for the check */
    case KR_LIR_ISHR: return k ? 0 : 1ull << R_RCX;
    case KR_LIR_BRANCH: return 0; /* BR_DIVISIBLE reads its constants from memory: only r11 */
    default: return 0;
    }
}

int kr_lir_insn_is_call(const kr_lir_insn *in)
{
    return in->op == KR_LIR_TRUTHY_CALL || in->op == KR_LIR_BOX_CALL || in->op == KR_LIR_STEP_CALL ||
           in->op == KR_LIR_FPOW_CALL ||
           in->op == KR_LIR_CALL_RT;
}

/* ---- text form ---------------------------------------------------------------------------------- */

static const char *const cmp_names[KR_CMP_COUNT] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const br_names[] = {"bool", "icmp", "fcmp", "range", "is", "divisible"};

static void print_operand(FILE *out, const kr_lir_func *lf, int vreg, int pos)
{
    fprintf(out, "v%d", vreg);
    if (lf->ra) {
        char buf[32];
        kr_ra_format_loc(kr_ra_get_target(lf->ra), kr_ra_location_at(lf->ra, vreg, pos), buf, sizeof buf);
        fprintf(out, ":%s", buf);
    }
}

static void print_moves(FILE *out, const kr_lir_func *lf, const kr_ra_move_group *g)
{
    const kr_ra_target *t = kr_ra_get_target(lf->ra);
    fprintf(out, "        moves:");
    for (int i = 0; i < g->nseq; i++) {
        char d[32], s[32];
        kr_ra_format_loc(t, g->seq[i].dst, d, sizeof d);
        if (g->seq[i].src.kind == KR_RA_CONST)
            snprintf(s, sizeof s, "#%lld", (long long)g->seq[i].imm);
        else
            kr_ra_format_loc(t, g->seq[i].src, s, sizeof s);
        fprintf(out, " %s<-%s", d, s);
    }
    fputc('\n', out);
}

void kr_lir_print(FILE *out, const kr_lir_func *lf)
{
    fprintf(out, "LIR: %u blocks, %u instructions, %u vregs, %u exits", lf->nblocks, lf->ninsns, lf->nvregs,
            lf->nexits);
    if (lf->ra)
        fprintf(out, ", %d spill slots", kr_ra_num_slots(lf->ra));
    fputc('\n', out);
    int ngroups = lf->ra ? kr_ra_num_move_groups(lf->ra) : 0;
    for (uint32_t b = 0; b < lf->nblocks; b++) {
        const kr_lir_block *bl = &lf->blocks[b];
        fprintf(out, "L%u", b);
        if (bl->hir_block >= 0)
            fprintf(out, " (hir b%d)", bl->hir_block);
        else
            fprintf(out, " (edge split)");
        if (bl->loop_depth)
            fprintf(out, " depth %u", bl->loop_depth);
        fprintf(out, " preds:");
        for (uint32_t i = 0; i < bl->npreds; i++)
            fprintf(out, " L%u", bl->preds[i]);
        fputc('\n', out);
        for (int g = 0; g < ngroups; g++) {
            const kr_ra_move_group *mg = kr_ra_get_move_group(lf->ra, g);
            if (mg->place == KR_RA_SUCC_START && mg->succ == (int)b)
                print_moves(out, lf, mg);
        }
        for (uint32_t i = 0; i < bl->nphis; i++) {
            fprintf(out, "        ");
            print_operand(out, lf, bl->phis[i].vreg, (int)(2 * bl->first));
            fprintf(out, " = phi");
            for (uint32_t p = 0; p < bl->npreds; p++) {
                if (bl->phis[i].inputs[p].vreg < 0)
                    fprintf(out, " #%lld", (long long)bl->phis[i].inputs[p].imm);
                else
                    fprintf(out, " v%d", bl->phis[i].inputs[p].vreg);
            }
            fputc('\n', out);
        }
        for (uint32_t k = bl->first; k < bl->first + bl->count; k++) {
            const kr_lir_insn *in = &lf->insns[k];
            for (int g = 0; g < ngroups; g++) {
                const kr_ra_move_group *mg = kr_ra_get_move_group(lf->ra, g);
                if (mg->place == KR_RA_AT_POS && mg->pos == (int)(2 * k))
                    print_moves(out, lf, mg);
            }
            if (k == bl->first + bl->count - 1)
                for (int g = 0; g < ngroups; g++) {
                    const kr_ra_move_group *mg = kr_ra_get_move_group(lf->ra, g);
                    if (mg->place == KR_RA_PRED_END && mg->pred == (int)b)
                        print_moves(out, lf, mg);
                }
            fprintf(out, "  %4u: ", k);
            if (in->out >= 0) {
                print_operand(out, lf, in->out, (int)(2 * k + 1));
                fprintf(out, " = ");
            }
            fprintf(out, "%s", kr_lir_op_names[in->op]);
            if (in->op == KR_LIR_BRANCH)
                fprintf(out, ".%s", br_names[in->kind]);
            if (in->op == KR_LIR_ICMP || in->op == KR_LIR_FCMP ||
                (in->op == KR_LIR_BRANCH && (in->kind == KR_LIR_BR_ICMP || in->kind == KR_LIR_BR_FCMP ||
                                             in->kind == KR_LIR_BR_DIVISIBLE)))
                fprintf(out, " %s", cmp_names[in->cond]);
            for (int i = 0; i < KR_LIR_MAX_IN; i++)
                if (in->in[i] >= 0) {
                    fputc(' ', out);
                    print_operand(out, lf, in->in[i], (int)(2 * k));
                }
            if (kr_lir_has_const_operand(in))
                fprintf(out, " #%lld", (long long)in->imm2);
            switch (in->op) {
            case KR_LIR_MOVI: case KR_LIR_FMOVI: case KR_LIR_GUARD_IS: case KR_LIR_IS: case KR_LIR_RANGE:
                fprintf(out, " #%lld", (long long)in->imm);
                break;
            case KR_LIR_GUARD_RANGE:
                fprintf(out, " in [#%lld, #%lld]", (long long)in->imm, (long long)in->imm2);
                break;
            case KR_LIR_IWRAP:
                fprintf(out, " #%lld wrap #%lld", (long long)in->imm, (long long)in->imm2);
                break;
            case KR_LIR_RANGE_PREV:
                fprintf(out, " else +#%lld", (long long)in->imm);
                break;
            case KR_LIR_LOAD:
                fprintf(out, " [slot %lld]", (long long)in->imm);
                break;
            case KR_LIR_STORE:
                fprintf(out, " [slot %lld]", (long long)in->imm);
                if (in->in[0] < 0)
                    fprintf(out, " #%lld", (long long)in->imm2);
                break;
            case KR_LIR_GUARD_TYPE: case KR_LIR_TRUTHY: case KR_LIR_LEN:
                fprintf(out, " types 0x%llx", (unsigned long long)in->imm);
                break;
            case KR_LIR_GUARD_DICT:
                fprintf(out, " keys version %lld%s", (long long)in->imm,
                        in->imm2 == 1 ? " is globals" : in->imm2 == 2 ? " is builtins" : "");
                break;
            case KR_LIR_LOADA:
                fprintf(out, " [0x%llx]", (unsigned long long)in->imm);
                break;
            case KR_LIR_GUARD_SHAPE:
                fprintf(out, " type 0x%llx version %lld shape 0x%llx%s", (unsigned long long)in->imm,
                        (long long)in->imm2, (unsigned long long)in->imm3, in->kind ? " tag" : "");
                break;
            case KR_LIR_LOAD_ISLOT: case KR_LIR_STORE_ISLOT:
                fprintf(out, " [attr %lld]", (long long)in->imm);
                break;
            case KR_LIR_LOAD_FIELD: case KR_LIR_STORE_FIELD:
                fprintf(out, " [+%lld]", (long long)in->imm);
                break;
            case KR_LIR_LIST_GET: case KR_LIR_TUPLE_GET: case KR_LIR_LIST_SET:
                if (in->in[1] < 0)
                    fprintf(out, " [#%lld]", (long long)in->imm);
                break;
            case KR_LIR_CALL_RT:
                fprintf(out, " %s #%#llx", in->imm >= 0 && in->imm < KR_JIT_RT_COUNT ? kr_jit_rt_table[in->imm].name : "?",
                        (unsigned long long)in->imm2);
                break;
            case KR_LIR_STEP_CALL: case KR_LIR_BRANCH_PC:
                fprintf(out, " pc %lld", (long long)in->imm2);
                for (uint64_t k = in->op == KR_LIR_STEP_CALL ? (uint64_t)in->imm3 : 0; k > 0 && k <= lf->ncalls;
                     k = lf->calls[k - 1].next) {
                    const kr_lir_direct_call *d = &lf->calls[k - 1];
                    static const char *const ckinds[] = {"c-method", "c-function", "c-type"};
                    fprintf(out, " direct %s %p args s%u..%u",
                            d->cfn ? ckinds[d->ckind] : d->by_code ? "code" : "function",
                            d->by_code ? d->code : d->func, d->arg0, d->arg0 + d->npassed);
                }
                break;
            case KR_LIR_BRANCH:
                if (in->kind == KR_LIR_BR_RANGE || in->kind == KR_LIR_BR_IS)
                    fprintf(out, " #%lld", (long long)in->imm);
                else if (in->kind == KR_LIR_BR_DIVISIBLE)
                    fprintf(out, " by #%lld", (long long)in->imm2);
                break;
            default:
                break;
            }
            if (in->op == KR_LIR_ENTRY)
                for (uint32_t i = 0; i < lf->nentries; i++)
                    fprintf(out, " pc%u->L%u", lf->entry_pcs[i], bl->succs[i]);
            else if (bl->nsuccs && k == bl->first + bl->count - 1)
                for (uint32_t i = 0; i < bl->nsuccs; i++)
                    fprintf(out, " -> L%u", bl->succs[i]);
            if (in->nexits) {
                fprintf(out, "  exits");
                for (int e = 0; e < in->nexits; e++) {
                    const kr_lir_exit *ex = &lf->exits[in->exit + e];
                    fprintf(out, " e%d(%s, pc %u)", in->exit + e, kr_deopt_reason_names[ex->reason],
                            lf->hir->fss[ex->fs].pc);
                }
                const kr_hir_fs *fs = &lf->hir->fss[in->fs];
                if (fs->ndirty) {
                    fprintf(out, " dirty");
                    for (uint32_t d = 0; d < fs->ndirty; d++) {
                        fprintf(out, " s%u", fs->dirty[d].slot);
                        if (in->nexits == 1 && lf->exits[in->exit].adj_slot == (int32_t)fs->dirty[d].slot)
                            fprintf(out, "%+lld", (long long)lf->exits[in->exit].adj);
                    }
                }
            }
            if (in->hir)
                fprintf(out, "  ; %%%u", in->hir);
            fputc('\n', out);
        }
    }
}
