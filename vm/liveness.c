/* liveness.c: backward liveness of temporary slots over the bytecode (see liveness.h). */
#include "liveness.h"

#include <stdlib.h>
#include <string.h>

#include "tuple.h"

typedef struct lv_builder {
    const kr_code *co;
    uint32_t first_temp, ntemps, words;
    uint64_t *set; /* the set being filled */
} lv_builder;

static void add(lv_builder *b, uint32_t slot)
{
    if (slot < b->first_temp || slot - b->first_temp >= b->ntemps)
        return;
    uint32_t t = slot - b->first_temp;
    b->set[t / 64] |= (uint64_t)1 << (t % 64);
}

static void add_range(lv_builder *b, uint32_t first, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        add(b, first + i);
}

/* Every slot the instruction at pc may read. */
static void uses_of(lv_builder *b, uint32_t pc)
{
    kr_insn in = b->co->insns[pc];
    uint32_t a = KR_INSN_A(in), bb = KR_INSN_B(in), c = KR_INSN_C(in), x = KR_INSN_X(in);
    switch ((enum kr_opcode)KR_INSN_OP(in)) {
    case KR_OP_MOVE:
    case KR_OP_LOAD_DEREF:
    case KR_OP_LOAD_CLASSDEREF:
    case KR_OP_LOAD_ATTR:
    case KR_OP_LOAD_METHOD:
    case KR_OP_UNARY_OP:
    case KR_OP_UNARY_NOT:
    case KR_OP_TO_BOOL:
    case KR_OP_GET_ITER:
    case KR_OP_GET_YIELD_FROM_ITER:
    case KR_OP_YIELD:
    case KR_OP_LIST_TO_TUPLE:
    case KR_OP_PUSH_EXC_INFO:
    case KR_OP_BEFORE_WITH:
    case KR_OP_WITH_EXIT:
    case KR_OP_IMPORT_FROM:
    case KR_OP_GET_LEN:
    case KR_OP_MATCH_MAPPING:
    case KR_OP_MATCH_SEQUENCE:
    case KR_OP_GET_AWAITABLE:
    case KR_OP_GET_AITER:
    case KR_OP_GET_ANEXT:
    case KR_OP_BEFORE_ASYNC_WITH:
    case KR_OP_ASYNC_GEN_WRAP:
        add(b, bb);
        break;
    case KR_OP_END_ASYNC_FOR:
    case KR_OP_CHECK_LOCAL:
    case KR_OP_DELETE_FAST:
    case KR_OP_DELETE_DEREF:
    case KR_OP_STORE_GLOBAL:
    case KR_OP_STORE_NAME:
    case KR_OP_JUMP_IF_FALSE:
    case KR_OP_JUMP_IF_TRUE:
    case KR_OP_JUMP_IF_NONE:
    case KR_OP_JUMP_IF_NOT_NONE:
    case KR_OP_RETURN:
    case KR_OP_UNPACK_SEQUENCE:
    case KR_OP_UNPACK_EX:
    case KR_OP_RERAISE:
    case KR_OP_POP_EXCEPT:
    case KR_OP_IMPORT_STAR:
    case KR_OP_PRINT_EXPR:
        add(b, a);
        break;
    case KR_OP_ASSERT_FAIL:
        if (x)
            add(b, a);
        break;
    case KR_OP_STORE_DEREF:
    case KR_OP_DELETE_ATTR:
    case KR_OP_DELETE_ITEM:
    case KR_OP_LIST_APPEND:
    case KR_OP_SET_ADD:
    case KR_OP_SET_UPDATE:
    case KR_OP_DICT_UPDATE:
    case KR_OP_YIELD_FROM:
        add(b, a);
        add(b, bb);
        break;
    case KR_OP_STORE_ATTR:
        add(b, a);
        add(b, c);
        break;
    case KR_OP_SET_ITEM:
    case KR_OP_MAP_ADD:
    case KR_OP_DICT_MERGE:
    case KR_OP_LIST_EXTEND: /* X & 1: s[C] is the callee, for the message */
        add(b, a);
        add(b, bb);
        add(b, c);
        break;
    case KR_OP_GET_ITEM:
    case KR_OP_BINARY_OP:
    case KR_OP_COMPARE_OP:
    case KR_OP_IS_OP:
    case KR_OP_CONTAINS_OP:
    case KR_OP_CHECK_EXC_MATCH:
    case KR_OP_CHECK_EG_MATCH:
    case KR_OP_PREP_RERAISE_STAR:
    case KR_OP_WITH_EXCEPT:
    case KR_OP_MATCH_KEYS:
    case KR_OP_COPY_DICT_WITHOUT_KEYS:
        add(b, bb);
        add(b, c);
        break;
    case KR_OP_MATCH_CLASS:
        add(b, bb);
        add(b, c);
        add(b, c + 1);
        break;
    case KR_OP_FORMAT_VALUE:
        add(b, bb);
        if (x & KR_FMT_HAS_SPEC)
            add(b, c);
        break;
    case KR_OP_BUILD_SLICE:
    case KR_OP_BUILD_TUPLE:
    case KR_OP_BUILD_LIST:
    case KR_OP_BUILD_SET:
    case KR_OP_BUILD_STRING:
        add_range(b, bb, c);
        break;
    case KR_OP_BUILD_MAP:
        add_range(b, bb, 2 * c);
        break;
    case KR_OP_FOR_ITER:
        add_range(b, a, 3);
        break;
    case KR_OP_CALL:
        add_range(b, a, bb + 1);
        break;
    case KR_OP_CALL_METHOD:
        add_range(b, a, bb + 2);
        break;
    case KR_OP_CALL_EX:
        add(b, a);
        add(b, bb);
        if (x & 1)
            add(b, c);
        break;
    case KR_OP_MAKE_FUNCTION:
        add_range(b, a + 1, (uint32_t)__builtin_popcount(x & 0xf));
        break;
    case KR_OP_BUILD_CLASS: {
        uint32_t nkw = c ? (uint32_t)kr_tuple_size(kr_tuple_items(b->co->consts)[c - 1]) : 0;
        add_range(b, a + 1, 2 + bb + nkw);
        break;
    }
    case KR_OP_RAISE:
        if (x >= 1)
            add(b, a);
        if (x == 2)
            add(b, bb);
        break;
    case KR_OP_NOP:
    case KR_OP_LOAD_CONST:
    case KR_OP_LOAD_INT:
    case KR_OP_LOAD_NONE:
    case KR_OP_LOAD_BOOL:
    case KR_OP_LOAD_GLOBAL:
    case KR_OP_DELETE_GLOBAL:
    case KR_OP_LOAD_NAME:
    case KR_OP_DELETE_NAME:
    case KR_OP_JUMP:
    case KR_OP_JUMP_BACKWARD:
    case KR_OP_RETURN_CONST:
    case KR_OP_IMPORT_NAME:
    case KR_OP_SETUP_ANNOTATIONS:
    case KR_OP_LOAD_BUILD_CLASS_UNUSED:
        break;
    case KR_OP_COUNT:
        /* not an opcode: be safe, everything is read */
        add_range(b, b->first_temp, b->ntemps);
        break;
    }
}

/* The slots the instruction at pc writes on every path that continues normally. */
static void defs_of(lv_builder *b, uint32_t pc)
{
    kr_insn in = b->co->insns[pc];
    uint32_t a = KR_INSN_A(in), bb = KR_INSN_B(in), c = KR_INSN_C(in);
    switch ((enum kr_opcode)KR_INSN_OP(in)) {
    case KR_OP_MOVE:
    case KR_OP_LOAD_CONST:
    case KR_OP_LOAD_INT:
    case KR_OP_LOAD_NONE:
    case KR_OP_LOAD_BOOL:
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
    case KR_OP_CALL:
    case KR_OP_CALL_METHOD:
    case KR_OP_CALL_EX:
    case KR_OP_MAKE_FUNCTION:
    case KR_OP_BUILD_CLASS:
    case KR_OP_GET_YIELD_FROM_ITER:
    case KR_OP_BUILD_TUPLE:
    case KR_OP_BUILD_LIST:
    case KR_OP_BUILD_SET:
    case KR_OP_BUILD_MAP:
    case KR_OP_BUILD_STRING:
    case KR_OP_FORMAT_VALUE:
    case KR_OP_LIST_TO_TUPLE:
    case KR_OP_PUSH_EXC_INFO:
    case KR_OP_CHECK_EXC_MATCH:
    case KR_OP_CHECK_EG_MATCH: /* also rewrites s[B], which it reads: no kill needed */
    case KR_OP_PREP_RERAISE_STAR:
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
    case KR_OP_GET_AWAITABLE:
    case KR_OP_GET_AITER:
    case KR_OP_GET_ANEXT:
    case KR_OP_ASYNC_GEN_WRAP:
        add(b, a);
        break;
    case KR_OP_LOAD_METHOD:
    case KR_OP_BEFORE_WITH:
    case KR_OP_BEFORE_ASYNC_WITH:
        add_range(b, a, 2);
        break;
    case KR_OP_GET_ITER:
        add_range(b, a, 3);
        break;
    case KR_OP_UNPACK_SEQUENCE:
        add_range(b, bb, c);
        break;
    case KR_OP_UNPACK_EX:
        add_range(b, bb, (c & 0xff) + (c >> 8) + 1);
        break;
    default:
        /* FOR_ITER writes s[B] only when not exhausted; YIELD only on resume; the rest write nothing
         * (or a slot a later read depends on anyway): no kill is always safe */
        break;
    }
}

static bool falls_through(unsigned op)
{
    return op != KR_OP_JUMP && op != KR_OP_JUMP_BACKWARD && op != KR_OP_RETURN && op != KR_OP_RETURN_CONST &&
           op != KR_OP_RAISE && op != KR_OP_RERAISE;
}

/* The jump target of the instruction at pc, or UINT32_MAX. */
static uint32_t jump_target(const kr_code *co, uint32_t pc)
{
    kr_insn in = co->insns[pc];
    switch (KR_INSN_OP(in)) {
    case KR_OP_JUMP:
    case KR_OP_JUMP_BACKWARD:
    case KR_OP_JUMP_IF_FALSE:
    case KR_OP_JUMP_IF_TRUE:
    case KR_OP_JUMP_IF_NONE:
    case KR_OP_JUMP_IF_NOT_NONE:
        return KR_INSN_BX(in);
    case KR_OP_FOR_ITER:
        return KR_CACHE_E(co->insns[pc + 1]);
    default:
        return UINT32_MAX;
    }
}

int kr_liveness_compute(const kr_code *co, kr_liveness *out)
{
    memset(out, 0, sizeof *out);
    uint32_t first_temp = co->nlocals + co->ncellvars + co->nfreevars;
    uint32_t ntemps = co->nslots > first_temp ? co->nslots - first_temp : 0;
    uint32_t words = ntemps ? (ntemps + 63) / 64 : 1;
    uint32_t n = co->ninsns;
    size_t setbytes = (size_t)words * sizeof(uint64_t);
    uint64_t *live = calloc((size_t)n + 1, setbytes);
    uint64_t *use = calloc((size_t)n + 1, setbytes);
    uint64_t *def = calloc((size_t)n + 1, setbytes);
    uint64_t *tmp = calloc(1, setbytes);
    if (!live || !use || !def || !tmp) {
        free(live);
        free(use);
        free(def);
        free(tmp);
        return -1;
    }
    lv_builder b = {co, first_temp, ntemps, words, NULL};
    for (uint32_t pc = 0; pc < n; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])]) {
        b.set = use + (size_t)pc * words;
        uses_of(&b, pc);
        b.set = def + (size_t)pc * words;
        defs_of(&b, pc);
    }
    /* The instruction starts, walked backwards to the fixed point (sets only grow). */
    uint32_t count = 0;
    for (uint32_t pc = 0; pc < n; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])])
        count++;
    uint32_t *starts = malloc((size_t)(count ? count : 1) * sizeof *starts);
    if (!starts) {
        free(live);
        free(use);
        free(def);
        free(tmp);
        return -1;
    }
    count = 0;
    for (uint32_t pc = 0; pc < n; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])])
        starts[count++] = pc;
    bool changed = true;
    while (changed) {
        changed = false;
        for (uint32_t idx = count; idx-- > 0;) {
            uint32_t pc = starts[idx];
            unsigned op = KR_INSN_OP(co->insns[pc]);
            uint32_t next = pc + kr_opcode_words[op];
            memset(tmp, 0, setbytes);
            if (falls_through(op) && next < n) {
                for (uint32_t w = 0; w < words; w++)
                    tmp[w] |= live[(size_t)next * words + w];
                /* FOR_ITER writes s[B] on the edge into the loop body (not on its exit edge): a kill
                 * on that edge only, so that the item slot is dead again after the body's last read */
                uint32_t item = KR_INSN_B(co->insns[pc]);
                if (op == KR_OP_FOR_ITER && item >= first_temp && item - first_temp < ntemps)
                    tmp[(item - first_temp) / 64] &= ~((uint64_t)1 << ((item - first_temp) % 64));
            }
            uint32_t target = jump_target(co, pc);
            if (target != UINT32_MAX && target < n)
                for (uint32_t w = 0; w < words; w++)
                    tmp[w] |= live[(size_t)target * words + w];
            for (uint32_t w = 0; w < words; w++)
                tmp[w] = use[(size_t)pc * words + w] | (tmp[w] & ~def[(size_t)pc * words + w]);
            for (uint32_t e = 0; e < co->nexctab; e++) {
                const kr_exc_entry *x = &co->exctab[e];
                if (x->start <= pc && pc < x->end && x->handler < n) {
                    for (uint32_t w = 0; w < words; w++) {
                        uint64_t h = live[(size_t)x->handler * words + w];
                        if (x->slot >= first_temp && (x->slot - first_temp) / 64 == w)
                            h &= ~((uint64_t)1 << ((x->slot - first_temp) % 64));
                        tmp[w] |= h;
                    }
                }
            }
            for (uint32_t w = 0; w < words; w++) {
                uint64_t *dst = &live[(size_t)pc * words + w];
                if (tmp[w] != *dst) {
                    *dst = tmp[w];
                    changed = true;
                }
            }
            if (kr_opcode_words[op] == 2)
                memcpy(&live[(size_t)(pc + 1) * words], &live[(size_t)pc * words], setbytes);
        }
    }
    free(starts);
    free(use);
    free(def);
    free(tmp);
    out->first_temp = first_temp;
    out->ntemps = ntemps;
    out->words = words;
    out->live_in = live;
    return 0;
}

void kr_liveness_free(kr_liveness *l)
{
    free(l->live_in);
    l->live_in = NULL;
}
