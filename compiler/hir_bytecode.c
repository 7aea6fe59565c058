/* hir_bytecode.c: which frame slots a bytecode instruction may write (kr_bytecode_writes, declared in
 * compiler/jit_rt.h). After a STEP the builder forgets what it knew about these slots and re-reads them
 * from memory, so the answer must be conservative: every slot the interpreter (vm/interp.c) may store
 * into while running the instruction, on any path, including slots it only uses to keep a temporary
 * rooted (CALL_EX's s[B]/s[C], RAISE's s[A], BEFORE_WITH's s[A+1]). Exception unwinding's store into
 * the handler's slot is not included: an exception leaves compiled code first.
 *
 * The interface reports one contiguous range. Instructions writing slots that are not adjacent
 * (FOR_ITER: the state slots A..A+2 and the item slot B; CALL_EX: A, B, C) report the smallest range
 * covering all of them: extra slots only cost a reload. */
#include "compiler/jit_rt.h"

/* The smallest range covering slots lo..hi, clipped to the frame. */
static void span(const kr_code *co, uint32_t lo, uint32_t hi, uint32_t *first, uint32_t *count)
{
    if (hi >= co->nslots)
        hi = co->nslots ? co->nslots - 1 : 0;
    if (lo >= co->nslots || lo > hi) {
        *first = 0;
        *count = 0;
        return;
    }
    *first = lo;
    *count = hi - lo + 1;
}

static uint32_t min3(uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t m = a < b ? a : b;
    return m < c ? m : c;
}

static uint32_t max3(uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t m = a > b ? a : b;
    return m > c ? m : c;
}

int kr_bytecode_writes(const kr_code *co, uint32_t pc, uint32_t *first, uint32_t *count)
{
    *first = 0;
    *count = 0;
    if (pc >= co->ninsns)
        return 1;
    kr_insn in = co->insns[pc];
    uint32_t a = KR_INSN_A(in), b = KR_INSN_B(in), c = KR_INSN_C(in), x = KR_INSN_X(in);
    switch ((enum kr_opcode)KR_INSN_OP(in)) {
    /* no slot written (STORE_DEREF / DELETE_DEREF change the cell object, not the slot) */
    case KR_OP_NOP:
    case KR_OP_CHECK_LOCAL:
    case KR_OP_STORE_DEREF:
    case KR_OP_DELETE_DEREF:
    case KR_OP_STORE_GLOBAL:
    case KR_OP_DELETE_GLOBAL:
    case KR_OP_STORE_NAME:
    case KR_OP_DELETE_NAME:
    case KR_OP_STORE_ATTR:
    case KR_OP_DELETE_ATTR:
    case KR_OP_SET_ITEM:
    case KR_OP_DELETE_ITEM:
    case KR_OP_JUMP:
    case KR_OP_JUMP_BACKWARD:
    case KR_OP_JUMP_IF_FALSE:
    case KR_OP_JUMP_IF_TRUE:
    case KR_OP_JUMP_IF_NONE:
    case KR_OP_JUMP_IF_NOT_NONE:
    case KR_OP_RETURN:
    case KR_OP_RETURN_CONST:
    case KR_OP_LIST_APPEND:
    case KR_OP_SET_ADD:
    case KR_OP_MAP_ADD:
    case KR_OP_LIST_EXTEND:
    case KR_OP_SET_UPDATE:
    case KR_OP_DICT_UPDATE:
    case KR_OP_DICT_MERGE:
    case KR_OP_RERAISE:
    case KR_OP_POP_EXCEPT:
    case KR_OP_ASSERT_FAIL:
    case KR_OP_IMPORT_STAR:
    case KR_OP_SETUP_ANNOTATIONS:
    case KR_OP_PRINT_EXPR:
    case KR_OP_LOAD_BUILD_CLASS_UNUSED:
        return 0;
    /* s[A] only */
    case KR_OP_MOVE:
    case KR_OP_LOAD_CONST:
    case KR_OP_LOAD_INT:
    case KR_OP_LOAD_NONE:
    case KR_OP_LOAD_BOOL:
    case KR_OP_DELETE_FAST:
    case KR_OP_LOAD_DEREF:
    case KR_OP_LOAD_CLASSDEREF:
    case KR_OP_LOAD_GLOBAL:
    case KR_OP_LOAD_NAME:
    case KR_OP_LOAD_ATTR:
    case KR_OP_GET_ITEM:
    case KR_OP_BUILD_SLICE:
    case KR_OP_BINARY_OP:
    case KR_OP_UNARY_OP:
    case KR_OP_UNARY_NOT:
    case KR_OP_COMPARE_OP:
    case KR_OP_IS_OP:
    case KR_OP_CONTAINS_OP:
    case KR_OP_TO_BOOL:
    case KR_OP_CALL:        /* a bound method's self is put in s[A] before the call */
    case KR_OP_CALL_METHOD:
    case KR_OP_MAKE_FUNCTION:
    case KR_OP_BUILD_CLASS:
    case KR_OP_GET_YIELD_FROM_ITER:
    case KR_OP_BUILD_TUPLE:
    case KR_OP_BUILD_LIST:
    case KR_OP_BUILD_SET:   /* overlapping items: a rooted list copy goes to s[A] first */
    case KR_OP_BUILD_MAP:
    case KR_OP_BUILD_STRING:
    case KR_OP_FORMAT_VALUE:
    case KR_OP_LIST_TO_TUPLE:
    case KR_OP_RAISE:       /* X == 2 roots the new exception in s[A] */
    case KR_OP_PUSH_EXC_INFO:
    case KR_OP_CHECK_EXC_MATCH:
    case KR_OP_WITH_EXIT:
    case KR_OP_WITH_EXCEPT:
    case KR_OP_IMPORT_NAME:
    case KR_OP_IMPORT_FROM:
    case KR_OP_GET_LEN:
    case KR_OP_MATCH_MAPPING:
    case KR_OP_MATCH_SEQUENCE:
    case KR_OP_MATCH_KEYS:
    case KR_OP_MATCH_CLASS:
    case KR_OP_COPY_DICT_WITHOUT_KEYS:
        span(co, a, a, first, count);
        return 0;
    case KR_OP_CHECK_EG_MATCH: /* the match in s[A], the rest in s[B] */
        span(co, a < b ? a : b, a > b ? a : b, first, count);
        return 0;
    case KR_OP_PREP_RERAISE_STAR:
        span(co, a, a, first, count);
        return 0;
    case KR_OP_LOAD_METHOD: /* (function, self) or (attribute, KR_NULL) */
    case KR_OP_BEFORE_WITH: /* s[A] = __exit__, s[A+1] = __enter__() */
        span(co, a, a + 1, first, count);
        return 0;
    case KR_OP_GET_ITER:
        span(co, a, a + 2, first, count);
        return 0;
    case KR_OP_FOR_ITER: /* the item s[B]; the counted path also advances s[A] */
        span(co, b < a ? b : a, b > a + 2 ? b : a + 2, first, count);
        return 0;
    case KR_OP_CALL_EX: /* s[B] = the positional tuple, s[C] = the keyword dict (X & 1), s[A] = result */
        if (x & 1)
            span(co, min3(a, b, c), max3(a, b, c), first, count);
        else
            span(co, a < b ? a : b, a > b ? a : b, first, count);
        return 0;
    case KR_OP_UNPACK_SEQUENCE:
        if (c)
            span(co, b, b + c - 1, first, count);
        return 0;
    case KR_OP_UNPACK_EX: /* before + the list + after */
        span(co, b, b + (c & 0xff) + (c >> 8), first, count);
        return 0;
    /* Compiled code ends at a YIELD (hir.h, "Generators") and never steps YIELD_FROM (a CALL_RT that
     * ends its block); should either be asked, a resumed frame's slots change behind its back. */
    case KR_OP_YIELD:
    case KR_OP_YIELD_FROM:
        return 1;
    /* only in coroutine code, which kr_jit_compile refuses */
    case KR_OP_GET_AWAITABLE:
    case KR_OP_GET_AITER:
    case KR_OP_GET_ANEXT:
    case KR_OP_BEFORE_ASYNC_WITH:
    case KR_OP_END_ASYNC_FOR:
    case KR_OP_ASYNC_GEN_WRAP:
        return 1;
    case KR_OP_COUNT:
        break;
    }
    return 1;
}
