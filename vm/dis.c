/* dis.c: the disassembler behind `krait --dis FILE`: one line per instruction with its pc, source line,
 * opcode, operands and a comment resolving constants, names and jump targets; nested code objects
 * (functions, class bodies, comprehensions) follow recursively. */
#include "interp.h"
#include "tuple.h"

static void dis_value(kr_vm *vm, kr_value v, FILE *out)
{
    kr_value r = kr_repr(vm, v);
    if (!r) {
        kr_err_clear(vm);
        fputs("<repr failed>", out);
        return;
    }
    int64_t n = kr_str_nbytes(r);
    if (n > 60)
        fprintf(out, "%.57s...", kr_str_data(r));
    else
        fputs(kr_str_data(r), out);
}

static const char *const binop_names[KR_BINOP_COUNT] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "^", "|"};
static const char *const cmp_names[KR_CMP_COUNT] = {"<", "<=", "==", "!=", ">", ">="};

static void dis_one(kr_vm *vm, kr_code *co, FILE *out, int depth)
{
    if (depth > 50)
        return;
    fprintf(out, "Disassembly of <code object %s, file \"%s\", line %d>:\n", kr_str_data(co->qualname),
            kr_str_data(co->filename), (int)co->firstlineno);
    fprintf(out, "  slots %u (locals %u, cells %u, free %u), args %u (posonly %u, kwonly %u), flags 0x%x\n",
            co->nslots, co->nlocals, co->ncellvars, co->nfreevars, co->argcount, co->posonlyargcount,
            co->kwonlyargcount, co->flags);
    kr_value *names = kr_tuple_items(co->names), *consts = kr_tuple_items(co->consts);
    int last_line = -1;
    for (uint32_t pc = 0; pc < co->ninsns;) {
        kr_insn w = co->insns[pc];
        unsigned op = KR_INSN_OP(w);
        unsigned a = KR_INSN_A(w), b = KR_INSN_B(w), c = KR_INSN_C(w), x = KR_INSN_X(w);
        uint32_t bx = KR_INSN_BX(w);
        int line = co->locs[pc].lineno;
        if (line != last_line)
            fprintf(out, "%5d ", line);
        else
            fputs("      ", out);
        last_line = line;
        fprintf(out, "%5u  %-20s", pc, kr_opcode_names[op]);
        switch (kr_opcode_format[op]) {
        case KR_FMT_A: fprintf(out, " %u", a); break;
        case KR_FMT_AB: fprintf(out, " %u %u", a, b); break;
        case KR_FMT_ABC: fprintf(out, " %u %u %u", a, b, c); break;
        case KR_FMT_ABx: fprintf(out, " %u %u", a, bx); break;
        case KR_FMT_Bx: fprintf(out, " %u", bx); break;
        default: break;
        }
        if (x)
            fprintf(out, " x=%u", x);
        if (kr_opcode_words[op] == 2)
            fprintf(out, " [fb %u]", KR_CACHE_FB(co->insns[pc + 1]));
        fputs("  ", out);
        switch (op) {
        case KR_OP_LOAD_CONST: case KR_OP_RETURN_CONST: case KR_OP_MAKE_FUNCTION:
            fputs("; ", out);
            dis_value(vm, consts[bx], out);
            break;
        case KR_OP_LOAD_GLOBAL: case KR_OP_STORE_GLOBAL: case KR_OP_DELETE_GLOBAL: case KR_OP_LOAD_NAME:
        case KR_OP_STORE_NAME: case KR_OP_DELETE_NAME:
            fprintf(out, "; %s", kr_str_data(names[bx]));
            break;
        case KR_OP_LOAD_ATTR: case KR_OP_LOAD_METHOD: case KR_OP_LOAD_CLASSDEREF: case KR_OP_IMPORT_FROM:
            fprintf(out, "; .%s", kr_str_data(names[c]));
            break;
        case KR_OP_STORE_ATTR: case KR_OP_DELETE_ATTR: case KR_OP_IMPORT_NAME:
            fprintf(out, "; %s", kr_str_data(names[b]));
            break;
        case KR_OP_BINARY_OP:
            if ((x & 0x7f) < KR_BINOP_COUNT)
                fprintf(out, "; %s%s", binop_names[x & 0x7f], (x & KR_BINOP_INPLACE) ? "=" : "");
            break;
        case KR_OP_COMPARE_OP:
            if (x < KR_CMP_COUNT)
                fprintf(out, "; %s", cmp_names[x]);
            break;
        case KR_OP_JUMP: case KR_OP_JUMP_BACKWARD: case KR_OP_JUMP_IF_FALSE: case KR_OP_JUMP_IF_TRUE:
        case KR_OP_JUMP_IF_NONE: case KR_OP_JUMP_IF_NOT_NONE:
            fprintf(out, "; to %u", bx);
            break;
        case KR_OP_FOR_ITER:
            fprintf(out, "; exit to %u", KR_CACHE_E(co->insns[pc + 1]));
            break;
        case KR_OP_CALL: case KR_OP_CALL_METHOD: case KR_OP_BUILD_CLASS:
            if (c) {
                fputs("; kw ", out);
                dis_value(vm, consts[c - 1], out);
            }
            break;
        default:
            break;
        }
        fputc('\n', out);
        pc += kr_opcode_words[op];
    }
    if (co->nexctab) {
        fputs("ExceptionTable:\n", out);
        for (uint32_t i = 0; i < co->nexctab; i++)
            fprintf(out, "  %u to %u -> %u [slot %u]\n", co->exctab[i].start, co->exctab[i].end,
                    co->exctab[i].handler, co->exctab[i].slot);
    }
    for (int64_t i = 0; i < kr_tuple_size(co->consts); i++) {
        kr_value k = consts[i];
        if (kr_is_ptr(k) && KR_OBJ(k)->type == vm->t.code) {
            fputc('\n', out);
            dis_one(vm, kr_code_of(k), out, depth + 1);
        }
    }
}

void kr_dis_code(kr_vm *vm, kr_value code, FILE *out)
{
    if (!kr_is_ptr(code) || KR_OBJ(code)->type != vm->t.code)
        return;
    dis_one(vm, kr_code_of(code), out, 0);
}
