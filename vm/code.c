/* code.c: code objects: construction with bytecode validation, feedback numbering, line lookup,
 * the code type. Layout and contracts: vm/code.h, vm/bytecode.h. */
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "liveness.h"
#include "compiler/jit.h"
#include "function.h"
#include "tuple.h"

const char *const kr_opcode_names[KR_OP_COUNT] = {
#define KR_OP_NAME(name, fmt, words, doc) #name,
    KR_OPCODES(KR_OP_NAME)
#undef KR_OP_NAME
};
const unsigned char kr_opcode_format[KR_OP_COUNT] = {
#define KR_OP_FMT(name, fmt, words, doc) fmt,
    KR_OPCODES(KR_OP_FMT)
#undef KR_OP_FMT
};
const unsigned char kr_opcode_words[KR_OP_COUNT] = {
#define KR_OP_WORDS(name, fmt, words, doc) words,
    KR_OPCODES(KR_OP_WORDS)
#undef KR_OP_WORDS
};

static kr_value code_invalid(kr_vm *vm, uint32_t pc, const char *what)
{
    return kr_raise(vm, KR_EXC(vm, SystemError), "invalid bytecode: %s at pc %u", what, pc);
}

static bool is_tuple_or_null(kr_vm *vm, kr_value v)
{
    return v == KR_NULL || (kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.tuple);
}

/* Which slot operands an op reads/writes, for validation: bit 0 A, bit 1 B, bit 2 C are slots. The
 * ranges (A+1.., B+n) are checked separately below where an op addresses several slots. */
static unsigned slot_operands(unsigned op)
{
    switch (op) {
    case KR_OP_NOP: case KR_OP_JUMP: case KR_OP_JUMP_BACKWARD: case KR_OP_RETURN_CONST:
    case KR_OP_DELETE_GLOBAL: case KR_OP_DELETE_NAME: case KR_OP_SETUP_ANNOTATIONS:
    case KR_OP_LOAD_BUILD_CLASS_UNUSED:
        return 0;
    case KR_OP_LOAD_CONST: case KR_OP_LOAD_INT: case KR_OP_LOAD_NONE: case KR_OP_LOAD_BOOL:
    case KR_OP_CHECK_LOCAL: case KR_OP_DELETE_FAST: case KR_OP_DELETE_DEREF: case KR_OP_LOAD_GLOBAL:
    case KR_OP_STORE_GLOBAL: case KR_OP_LOAD_NAME: case KR_OP_STORE_NAME: case KR_OP_JUMP_IF_FALSE:
    case KR_OP_JUMP_IF_TRUE: case KR_OP_JUMP_IF_NONE: case KR_OP_JUMP_IF_NOT_NONE: case KR_OP_MAKE_FUNCTION:
    case KR_OP_RETURN: case KR_OP_RERAISE: case KR_OP_POP_EXCEPT: case KR_OP_ASSERT_FAIL:
    case KR_OP_IMPORT_STAR: case KR_OP_PRINT_EXPR: case KR_OP_CALL: case KR_OP_CALL_METHOD:
    case KR_OP_BUILD_CLASS: case KR_OP_IMPORT_NAME: case KR_OP_DELETE_ATTR:
        return 1;
    case KR_OP_STORE_ATTR:
        return 5;
    case KR_OP_LOAD_ATTR: case KR_OP_LOAD_METHOD: case KR_OP_LOAD_CLASSDEREF: case KR_OP_IMPORT_FROM:
    case KR_OP_UNARY_OP: case KR_OP_UNARY_NOT: case KR_OP_TO_BOOL:
    case KR_OP_MOVE: case KR_OP_LOAD_DEREF: case KR_OP_STORE_DEREF: case KR_OP_DELETE_ITEM:
    case KR_OP_GET_ITER: case KR_OP_FOR_ITER: case KR_OP_YIELD: case KR_OP_GET_YIELD_FROM_ITER:
    case KR_OP_LIST_APPEND: case KR_OP_SET_ADD: case KR_OP_LIST_EXTEND: case KR_OP_SET_UPDATE:
    case KR_OP_DICT_UPDATE: case KR_OP_LIST_TO_TUPLE: case KR_OP_RAISE: case KR_OP_PUSH_EXC_INFO:
    case KR_OP_BEFORE_WITH: case KR_OP_WITH_EXIT: case KR_OP_GET_LEN: case KR_OP_MATCH_MAPPING:
    case KR_OP_MATCH_SEQUENCE: case KR_OP_UNPACK_SEQUENCE: case KR_OP_UNPACK_EX: case KR_OP_BUILD_TUPLE:
    case KR_OP_BUILD_LIST: case KR_OP_BUILD_SET: case KR_OP_BUILD_MAP: case KR_OP_BUILD_STRING:
    case KR_OP_BUILD_SLICE: case KR_OP_GET_AWAITABLE: case KR_OP_GET_AITER: case KR_OP_GET_ANEXT:
    case KR_OP_BEFORE_ASYNC_WITH: case KR_OP_ASYNC_GEN_WRAP:
        return 3;
    case KR_OP_END_ASYNC_FOR:
        return 1;
    default:
        return 7;
    }
}

kr_value kr_code_new(kr_vm *vm, const kr_code_desc *d)
{
    if (!d->insns || d->ninsns == 0 || !kr_is_ptr(d->consts) || KR_OBJ(d->consts)->type != vm->t.tuple ||
        !kr_is_ptr(d->names) || KR_OBJ(d->names)->type != vm->t.tuple || !kr_is_ptr(d->varnames) ||
        KR_OBJ(d->varnames)->type != vm->t.tuple || !is_tuple_or_null(vm, d->cellvars) ||
        !is_tuple_or_null(vm, d->freevars))
        return kr_raise(vm, KR_EXC(vm, SystemError), "invalid code description");
    uint32_t n = d->ninsns, nslots = d->nslots;
    uint32_t nlocals = (uint32_t)kr_tuple_size(d->varnames);
    uint32_t ncell = d->cellvars ? (uint32_t)kr_tuple_size(d->cellvars) : 0;
    uint32_t nfree = d->freevars ? (uint32_t)kr_tuple_size(d->freevars) : 0;
    uint32_t nconsts = (uint32_t)kr_tuple_size(d->consts), nnames = (uint32_t)kr_tuple_size(d->names);
    if (nslots < nlocals + ncell + nfree || nslots > KR_MAX_SLOTS)
        return kr_raise(vm, KR_EXC(vm, SystemError), "invalid code description: nslots");
    uint32_t nparams = d->argcount + d->kwonlyargcount + ((d->flags & KR_CODE_VARARGS) ? 1 : 0) +
                       ((d->flags & KR_CODE_VARKW) ? 1 : 0);
    if (nparams > nlocals || d->posonlyargcount > d->argcount)
        return kr_raise(vm, KR_EXC(vm, SystemError), "invalid code description: argument counts");

    /* Pass 1: instruction starts, operands, feedback count. */
    uint8_t *start = kr_mem_zalloc(vm, n);
    if (!start)
        return KR_NULL;
    uint32_t nfb = 0;
    kr_value err = KR_TRUE;
    for (uint32_t pc = 0; pc < n;) {
        kr_insn w = d->insns[pc];
        unsigned op = KR_INSN_OP(w);
        if (op >= KR_OP_COUNT) { err = code_invalid(vm, pc, "unknown opcode"); break; }
        unsigned words = kr_opcode_words[op];
        if (pc + words > n) { err = code_invalid(vm, pc, "truncated instruction"); break; }
        start[pc] = 1;
        if (words == 2)
            nfb++;
        unsigned so = slot_operands(op);
        unsigned a = KR_INSN_A(w), b = KR_INSN_B(w), c = KR_INSN_C(w);
        if (((so & 1) && a >= nslots) || ((so & 2) && b >= nslots) || ((so & 4) && c >= nslots)) {
            err = code_invalid(vm, pc, "slot out of range");
            break;
        }
        uint32_t bx = KR_INSN_BX(w);
        bool bad = false;
        switch (op) {
        case KR_OP_LOAD_CONST: case KR_OP_RETURN_CONST: case KR_OP_MAKE_FUNCTION: bad = bx >= nconsts; break;
        case KR_OP_LOAD_GLOBAL: case KR_OP_STORE_GLOBAL: case KR_OP_DELETE_GLOBAL: case KR_OP_LOAD_NAME:
        case KR_OP_STORE_NAME: case KR_OP_DELETE_NAME: bad = bx >= nnames; break;
        case KR_OP_LOAD_ATTR: case KR_OP_LOAD_CLASSDEREF: case KR_OP_IMPORT_FROM:
            bad = c >= nnames; break;
        case KR_OP_LOAD_METHOD: bad = c >= nnames || a + 2 > nslots; break;
        case KR_OP_STORE_ATTR: case KR_OP_DELETE_ATTR: case KR_OP_IMPORT_NAME: bad = b >= nnames; break;
        case KR_OP_CALL: case KR_OP_CALL_METHOD: case KR_OP_BUILD_CLASS:
            bad = c > nconsts || a + b + (op == KR_OP_CALL ? 1u : 2u) + (op == KR_OP_BUILD_CLASS ? 1u : 0u) > nslots;
            break;
        case KR_OP_GET_ITER: bad = a + 3 > nslots; break;
        case KR_OP_FOR_ITER: bad = a + 3 > nslots; break;
        case KR_OP_BUILD_TUPLE: case KR_OP_BUILD_LIST: case KR_OP_BUILD_SET: case KR_OP_BUILD_STRING:
        case KR_OP_UNPACK_SEQUENCE: bad = b + c > nslots; break;
        case KR_OP_BUILD_MAP: bad = b + 2 * c > nslots; break;
        case KR_OP_BUILD_SLICE: bad = (c != 2 && c != 3) || b + c > nslots; break;
        case KR_OP_UNPACK_EX: bad = b + (c & 0xff) + (c >> 8) + 1 > nslots; break;
        case KR_OP_BEFORE_WITH: case KR_OP_BEFORE_ASYNC_WITH: bad = a + 2 > nslots; break;
        case KR_OP_MATCH_CLASS: bad = c + 2 > nslots; break;
        default: break;
        }
        if (bad) { err = code_invalid(vm, pc, "operand out of range"); break; }
        pc += words;
    }
    /* Pass 2: jump targets and the exception table. */
    for (uint32_t pc = 0; err == KR_TRUE && pc < n; pc += kr_opcode_words[KR_INSN_OP(d->insns[pc])]) {
        kr_insn w = d->insns[pc];
        unsigned op = KR_INSN_OP(w);
        uint32_t target = UINT32_MAX;
        switch (op) {
        case KR_OP_JUMP: case KR_OP_JUMP_BACKWARD: case KR_OP_JUMP_IF_FALSE: case KR_OP_JUMP_IF_TRUE:
        case KR_OP_JUMP_IF_NONE: case KR_OP_JUMP_IF_NOT_NONE:
            target = KR_INSN_BX(w); break;
        case KR_OP_FOR_ITER: target = KR_CACHE_E(d->insns[pc + 1]); break;
        default: continue;
        }
        if (target >= n || !start[target])
            err = code_invalid(vm, pc, "bad jump target");
        else if (op == KR_OP_JUMP_BACKWARD && target > pc)
            err = code_invalid(vm, pc, "JUMP_BACKWARD jumps forward");
    }
    for (uint32_t i = 0; err == KR_TRUE && i < d->nexctab; i++) {
        const kr_exc_entry *e = &d->exctab[i];
        if (e->start > e->end || e->end > n || e->handler >= n || !start[e->handler] || e->slot >= nslots)
            err = code_invalid(vm, e->handler, "bad exception table entry");
    }
    kr_mem_free(vm, start);
    if (err != KR_TRUE)
        return KR_NULL;

    kr_code *co = kr_gc_alloc(vm, vm->t.code, sizeof(kr_code));
    if (!co)
        return KR_NULL;
    co->consts = d->consts;
    co->names = d->names;
    co->varnames = d->varnames;
    co->cellvars = d->cellvars ? d->cellvars : vm->empty_tuple;
    co->freevars = d->freevars ? d->freevars : vm->empty_tuple;
    co->name = d->name;
    co->qualname = d->qualname ? d->qualname : d->name;
    co->filename = d->filename;
    co->doc = d->doc ? d->doc : KR_NONE;
    co->firstlineno = d->firstlineno;
    co->ninsns = n;
    co->nslots = nslots;
    co->nlocals = nlocals;
    co->ncellvars = ncell;
    co->nfreevars = nfree;
    co->argcount = d->argcount;
    co->posonlyargcount = d->posonlyargcount;
    co->kwonlyargcount = d->kwonlyargcount;
    co->flags = d->flags | (nfree ? KR_CODE_HAS_FREE : 0);
    co->insns = kr_mem_alloc(vm, n * sizeof(kr_insn));
    co->locs = kr_mem_zalloc(vm, n * sizeof(kr_code_loc));
    if (!co->insns || !co->locs)
        return KR_NULL;
    memcpy(co->insns, d->insns, n * sizeof(kr_insn));
    if (d->locs)
        memcpy(co->locs, d->locs, n * sizeof(kr_code_loc));
    if (d->nexctab) {
        co->exctab = kr_mem_alloc(vm, d->nexctab * sizeof(kr_exc_entry));
        if (!co->exctab)
            return KR_NULL;
        memcpy(co->exctab, d->exctab, d->nexctab * sizeof(kr_exc_entry));
        co->nexctab = d->nexctab;
    }
    if (nfb) {
        co->fb = kr_mem_zalloc(vm, nfb * sizeof(kr_fb));
        co->fb_pc = kr_mem_alloc(vm, nfb * sizeof(uint32_t));
        co->fb_op = kr_mem_alloc(vm, nfb);
        if (!co->fb || !co->fb_pc || !co->fb_op)
            return KR_NULL;
        co->nfb = nfb;
        uint32_t k = 0;
        for (uint32_t pc = 0; pc < n; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])]) {
            unsigned op = KR_INSN_OP(co->insns[pc]);
            if (kr_opcode_words[op] != 2)
                continue;
            co->insns[pc + 1] = (co->insns[pc + 1] & ~(kr_insn)0xffffffffu) | k;
            co->fb_pc[k] = pc;
            co->fb_op[k] = (uint8_t)op;
            k++;
        }
    }
    if (ncell) {
        co->cell2arg = kr_mem_alloc(vm, ncell * sizeof(int32_t));
        if (!co->cell2arg)
            return KR_NULL;
        for (uint32_t i = 0; i < ncell; i++) {
            co->cell2arg[i] = -1;
            kr_value cn = kr_tuple_items(co->cellvars)[i];
            for (uint32_t j = 0; j < nparams; j++)
                if (kr_str_equal(cn, kr_tuple_items(co->varnames)[j]))
                    co->cell2arg[i] = (int32_t)j;
        }
    }
    /* Fill "no location" words from the previous instruction so every pc maps to a line. */
    for (uint32_t pc = 1; pc < n; pc++)
        if (co->locs[pc].lineno == 0)
            co->locs[pc] = co->locs[pc - 1];
    return KR_VAL(co);
}

int kr_code_line(const kr_code *code, uint32_t pc)
{
    if (pc >= code->ninsns)
        pc = code->ninsns ? code->ninsns - 1 : 0;
    return code->ninsns ? code->locs[pc].lineno : code->firstlineno;
}

/* ---- the code type ---- */
static void code_trace(kr_vm *vm, kr_object *self)
{
    kr_code *co = (kr_code *)self;
    kr_value vals[] = {co->consts, co->names, co->varnames, co->cellvars, co->freevars,
                       co->name, co->qualname, co->filename, co->doc};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
        kr_gc_mark(vm, vals[i]);
    for (uint32_t i = 0; i < co->nfb; i++) {
        kr_fb *f = &co->fb[i];
        switch (co->fb_op[i]) {
        case KR_OP_LOAD_GLOBAL:
            kr_gc_mark(vm, f->global.globals);
            kr_gc_mark(vm, f->global.builtins);
            break;
        case KR_OP_LOAD_ATTR: case KR_OP_STORE_ATTR: case KR_OP_LOAD_METHOD:
            if (f->attr.kind == KR_FB_ATTR_POLY) {
                const kr_fb_poly *p = f->attr.shape;
                for (uint32_t k = 0; k < p->n; k++) {
                    kr_gc_mark_obj(vm, &p->e[k].type->ob);
                    kr_gc_mark(vm, p->e[k].value);
                    if (p->e[k].shape)
                        kr_gc_mark_obj(vm, (kr_object *)p->e[k].shape);
                }
                break;
            }
            if (f->attr.type)
                kr_gc_mark_obj(vm, &f->attr.type->ob);
            kr_gc_mark(vm, f->attr.value); /* SHAPE_ADD: the child shape */
            if (f->attr.shape)
                kr_gc_mark_obj(vm, (kr_object *)f->attr.shape);
            break;
        case KR_OP_CALL: case KR_OP_CALL_METHOD:
            kr_gc_mark(vm, f->call.callee);
            for (int k = 0; k < KR_FB_CALL_WAYS - 1; k++)
                kr_gc_mark(vm, f->call.codes[k]);
            break;
        default: break;
        }
    }
    if (co->jit_state)
        kr_jit_code_trace(vm, co);
}

static void code_finalize(kr_vm *vm, kr_object *self)
{
    kr_code *co = (kr_code *)self;
    if (co->jit_state)
        kr_jit_code_free(vm, co);
    for (uint32_t i = 0; i < co->nfb; i++)
        if ((co->fb_op[i] == KR_OP_LOAD_ATTR || co->fb_op[i] == KR_OP_LOAD_METHOD || co->fb_op[i] == KR_OP_STORE_ATTR) &&
            co->fb[i].attr.kind == KR_FB_ATTR_POLY)
            kr_mem_free(vm, co->fb[i].attr.shape);
    if (co->liveness) {
        kr_liveness_free(co->liveness);
        free(co->liveness);
        co->liveness = NULL;
    }
    kr_mem_free(vm, co->insns);
    kr_mem_free(vm, co->locs);
    kr_mem_free(vm, co->exctab);
    kr_mem_free(vm, co->fb);
    kr_mem_free(vm, co->fb_pc);
    kr_mem_free(vm, co->fb_op);
    kr_mem_free(vm, co->cell2arg);
    co->insns = NULL;
}

static kr_value code_repr(kr_vm *vm, kr_value self)
{
    kr_code *co = kr_code_of(self);
    return kr_str_fmt(vm, "<code object %s at %p, file \"%s\", line %d>", kr_str_data(co->name),
                      (void *)co, kr_str_data(co->filename), (int)co->firstlineno);
}

#define CODE_GET(field)                                                                                  \
    static kr_value code_get_##field(kr_vm *vm, kr_value self) { (void)vm; return kr_code_of(self)->field; }
CODE_GET(consts)
CODE_GET(names)
CODE_GET(varnames)
CODE_GET(cellvars)
CODE_GET(freevars)
CODE_GET(name)
CODE_GET(qualname)
CODE_GET(filename)
static kr_value code_get_firstlineno(kr_vm *vm, kr_value self) { (void)vm; return kr_small(kr_code_of(self)->firstlineno); }
static kr_value code_get_argcount(kr_vm *vm, kr_value self) { (void)vm; return kr_small(kr_code_of(self)->argcount); }
static kr_value code_get_posonlyargcount(kr_vm *vm, kr_value self) { (void)vm; return kr_small(kr_code_of(self)->posonlyargcount); }
static kr_value code_get_kwonlyargcount(kr_vm *vm, kr_value self) { (void)vm; return kr_small(kr_code_of(self)->kwonlyargcount); }
static kr_value code_get_nlocals(kr_vm *vm, kr_value self) { (void)vm; return kr_small(kr_code_of(self)->nlocals); }
static kr_value code_get_flags(kr_vm *vm, kr_value self)
{
    /* CPython's co_flags bits for the ones that have an equivalent. */
    (void)vm;
    uint32_t f = kr_code_of(self)->flags, r = 0;
    if (f & KR_CODE_VARARGS) r |= 0x04;
    if (f & KR_CODE_VARKW) r |= 0x08;
    if (f & KR_CODE_NESTED) r |= 0x10;
    if (f & KR_CODE_ASYNC_GEN) r |= 0x200;
    else if (f & KR_CODE_COROUTINE) r |= 0x80;
    else if (f & KR_CODE_GENERATOR) r |= 0x20;
    if (!(f & (KR_CODE_MODULE | KR_CODE_CLASSBODY))) r |= 0x03;
    return kr_small(r);
}

/* co_positions(): an iterator of (lineno, end_lineno, col, end_col) per instruction word, as CPython's
 * per code unit: tb_lasti indexes it directly (CPython's traceback divides its byte offset by 2).
 * Columns are UTF-8 byte offsets, as the compiler records them. */
static kr_value code_m_positions(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "co_positions", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "co_positions", kwnames) < 0)
        return KR_NULL;
    kr_value self = args[0];
    kr_code *co = kr_code_of(self);
    kr_value t = kr_tuple_new(vm, co->ninsns);
    if (!t)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &t);
    kr_root_push(vm, &self);
    for (uint32_t pc = 0; pc < kr_code_of(self)->ninsns; pc++) {
        kr_code_loc l = kr_code_of(self)->locs[pc];
        kr_value e = l.lineno > 0 ? kr_tuple_pack(vm, 4, kr_small(l.lineno), kr_small(l.end_lineno),
                                                  l.col >= 0 ? kr_small(l.col) : KR_NONE,
                                                  l.end_col >= 0 ? kr_small(l.end_col) : KR_NONE)
                                  : kr_tuple_pack(vm, 4, KR_NONE, KR_NONE, KR_NONE, KR_NONE);
        if (!e) {
            kr_root_reset(vm, m);
            return KR_NULL;
        }
        KR_AS(kr_tuple, t)->items[pc] = e;
        kr_gc_barrier(vm, KR_OBJ(t), e);
    }
    kr_value it = kr_iter(vm, t);
    kr_root_reset(vm, m);
    return it;
}

static const kr_method_def code_methods[] = {
    {"co_positions", code_m_positions, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def code_getsets[] = {
    {"co_consts", code_get_consts, NULL, NULL},
    {"co_names", code_get_names, NULL, NULL},
    {"co_varnames", code_get_varnames, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL},
    {"co_name", code_get_name, NULL, NULL},
    {"co_qualname", code_get_qualname, NULL, NULL},
    {"co_filename", code_get_filename, NULL, NULL},
    {"co_firstlineno", code_get_firstlineno, NULL, NULL},
    {"co_argcount", code_get_argcount, NULL, NULL},
    {"co_posonlyargcount", code_get_posonlyargcount, NULL, NULL},
    {"co_kwonlyargcount", code_get_kwonlyargcount, NULL, NULL},
    {"co_nlocals", code_get_nlocals, NULL, NULL},
    {"co_flags", code_get_flags, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

void kr_code_init(kr_vm *vm)
{
    /* external finalizer: compiled code (compiler/) lives outside the VM heap */
    kr_type *t = kr_type_new_builtin(vm, "code", vm->t.object, sizeof(kr_code), KR_TF_EXTERNAL_FINALIZE);
    t->trace = code_trace;
    t->finalize = code_finalize;
    t->repr = code_repr;
    t->getsets = code_getsets;
    t->methods = code_methods;
    vm->t.code = t;
}
