/* re_engine.c: the _re module, the matching engine under stdlib/lib/re.py (CPython's _sre counterpart,
 * written for Krait: the code below is ours, only the behaviour follows CPython 3.13).
 *
 * re.py parses a pattern and emits a program: a list of ints (the opcodes below). _re.compile(code,
 * ngroups, nrep, nmark, flags) checks it completely (every opcode, operand, jump target and register
 * index; a bad program is a ValueError, never a crash) and returns a Program object holding it in C
 * memory with per-program tables (literal strings as UTF-8, character classes with an ASCII bitmap).
 *
 * Matching works on the UTF-8 bytes of the str (linear in bytes; code points are decoded where a
 * single-character test needs them). Positions are byte offsets inside the engine and code-point
 * indices at the API: Program.match/findall/scan take and return code-point indices.
 *
 * The matcher is a backtracking machine with an explicit stack (no C recursion, so no pattern can overflow
 * the C stack): every choice point pushes a RESUME entry, and every change of matcher state (group
 * slots, repeat counters, marks, lastindex) pushes an UNDO entry with the old value, so popping the
 * stack back to a choice point restores exactly the state it was pushed in. An atomic group or a
 * successful lookaround drops the choice points its body left (keeping their undo entries). The stack
 * is kr_mem_realloc'd, so a runaway pattern ends in MemoryError under the VM's limit; the loop polls
 * vm->interrupt every few thousand steps, so Ctrl-C or krait_interrupt stops a catastrophic pattern.
 *
 * GC: a Program holds no kr_value (only C buffers, freed by its finalizer). Matching runs no Python code
 * and result building only allocates, so nothing needs rooting.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../vm/init.h"
#include "../vm/kr.h"
#include "../vm/list.h"
#include "../vm/module.h"
#include "../vm/str.h"

/* ---- the program ---- */
enum {
    OP_FAIL = 0, OP_MATCH = 1,
    OP_CHAR = 2,       /* c */
    OP_CHAR_I = 3,     /* c (compared folded) */
    OP_NOT_CHAR = 4,   /* c */
    OP_NOT_CHAR_I = 5, /* c */
    OP_ANY = 6,        /* any but \n */
    OP_ANYALL = 7,
    OP_IN = 8,         /* len flags items...: len is the instruction's length; flags 1 negate, 2 ignore case;
                        * items: 1 lo hi (a range), 2 cat (a category) */
    OP_STRING = 9,     /* n lit c1..cn: lit is filled in by prepare (the literal's index) */
    OP_STRING_I = 10,  /* n c1..cn */
    OP_AT = 11,        /* kind */
    OP_JMP = 12,       /* target */
    OP_SPLIT = 13,     /* first second: tries first, second on backtracking */
    OP_SAVE = 14,      /* slot */
    OP_GROUPREF = 15,  /* group */
    OP_GROUPREF_I = 16,
    OP_GROUPREF_EXISTS = 17, /* group target: continue if the group matched, else jump */
    OP_REP1 = 18,      /* itemlen min max mode item...: a single-character item repeated */
    OP_RPT_START = 19, /* r min max lazy exit; the body follows and ends with RPT_END */
    OP_RPT_END = 20,   /* r start */
    OP_ASSERT = 21,    /* kind width reg end; the body follows and ends with ASSERT_END */
    OP_ASSERT_END = 22, /* reg start */
    OP_ATOMIC = 23,    /* reg end; the body follows and ends with ATOMIC_END */
    OP_ATOMIC_END = 24, /* reg start */
    OP_COUNT
};
enum { AT_BEGIN, AT_BEGIN_LINE, AT_END, AT_END_DOLLAR, AT_END_LINE, AT_BOUNDARY, AT_NON_BOUNDARY,
       AT_A_BOUNDARY, AT_A_NON_BOUNDARY, AT_COUNT };
enum { CAT_DIGIT, CAT_NOT_DIGIT, CAT_WORD, CAT_NOT_WORD, CAT_SPACE, CAT_NOT_SPACE, CAT_COUNT };
enum { CAT_ASCII = 8 };
enum { REP_GREEDY, REP_LAZY, REP_POSSESSIVE };
enum { ASSERT_AHEAD, ASSERT_NOT_AHEAD, ASSERT_BEHIND, ASSERT_NOT_BEHIND };
enum { RE_ASCII_FLAG = 256 }; /* re.ASCII: case folding only for ASCII letters */
#define RE_MAXREPEAT 0xFFFFFFFFu
#define RE_MAX_CP 0x10FFFFu

typedef struct re_lit {
    uint32_t off, nbytes; /* into Program.litbytes */
} re_lit;

typedef struct re_class {
    uint32_t ascii[4];   /* the answer for code points < 128 (negation and case folding included) */
    uint32_t items, end; /* the item words in code[items..end) */
    bool negate, icase;
} re_class;

typedef struct re_bt {
    int32_t kind;
    uint32_t a;
    int64_t b, c;
} re_bt;

typedef struct re_prog {
    kr_object ob;
    uint32_t *code; /* n words plus a final OP_FAIL */
    uint32_t n;
    uint32_t ngroups; /* including group 0 */
    uint32_t nrep, nmark;
    int flags;
    re_lit *lits;
    uint32_t nlits;
    char *litbytes;
    re_class *classes;
    uint32_t nclasses;
    /* the search helpers: a literal every match starts with (UTF-8), or a single-character item every
     * match starts with (its pc), and whether matches can start only at the string's beginning */
    char *prefix;
    uint32_t prefix_len;
    int64_t first_item; /* -1: none */
    bool anchored;
    /* the matcher's state, kept between calls (matching never re-enters) */
    re_bt *stack;
    size_t stack_cap;
    int64_t *regs; /* slots[2*ngroups], count[nrep], rstart[nrep], marks[nmark] */
} re_prog;

static void prog_finalize(kr_vm *vm, kr_object *o)
{
    re_prog *p = (re_prog *)o;
    kr_mem_free(vm, p->code);
    kr_mem_free(vm, p->lits);
    kr_mem_free(vm, p->litbytes);
    kr_mem_free(vm, p->classes);
    kr_mem_free(vm, p->prefix);
    kr_mem_free(vm, p->stack);
    kr_mem_free(vm, p->regs);
    p->code = NULL;
    p->lits = NULL;
    p->litbytes = NULL;
    p->classes = NULL;
    p->prefix = NULL;
    p->stack = NULL;
    p->regs = NULL;
}

/* Objects of our type are recognised by their finalizer: the type is created per VM at import, and no
 * other type has this finalizer. */
static re_prog *prog_of(kr_vm *vm, kr_value v)
{
    if (!kr_is_ptr(v) || KR_OBJ(v)->type->finalize != prog_finalize) {
        kr_raise(vm, KR_EXC(vm, TypeError), "expected a compiled program");
        return NULL;
    }
    return (re_prog *)KR_OBJ(v);
}

/* ---- characters ---- */
static inline bool ascii_word(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
static inline bool uni_word(uint32_t c)
{
    if (c < 128)
        return ascii_word(c);
    return kr_unicode_isalpha(c) || kr_unicode_isdecimal(c) || kr_unicode_isdigit(c) || kr_unicode_isnumeric(c);
}
static inline bool ascii_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static bool category(uint32_t cat, uint32_t c)
{
    bool ascii = cat & CAT_ASCII;
    switch (cat & 7) {
    case CAT_DIGIT: return ascii ? (c >= '0' && c <= '9') : (c < 128 ? (c >= '0' && c <= '9') : kr_unicode_isdecimal(c));
    case CAT_NOT_DIGIT: return !category((cat & CAT_ASCII) | CAT_DIGIT, c);
    case CAT_WORD: return ascii ? ascii_word(c) : uni_word(c);
    case CAT_NOT_WORD: return !category((cat & CAT_ASCII) | CAT_WORD, c);
    case CAT_SPACE: return ascii ? ascii_space(c) : (c < 128 ? ascii_space(c) || (c >= 0x1c && c <= 0x1f) : kr_unicode_isspace(c));
    case CAT_NOT_SPACE: return !category((cat & CAT_ASCII) | CAT_SPACE, c);
    default: return false;
    }
}

static inline uint32_t fold(const re_prog *p, uint32_t c)
{
    if (c < 128 || (p->flags & RE_ASCII_FLAG))
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return kr_unicode_simple_lower(kr_unicode_simple_upper(c));
}

static bool class_items(const re_prog *p, const re_class *k, uint32_t c)
{
    for (uint32_t i = k->items; i < k->end;) {
        if (p->code[i] == 1) {
            if (c >= p->code[i + 1] && c <= p->code[i + 2])
                return true;
            i += 3;
        } else {
            if (category(p->code[i + 1], c))
                return true;
            i += 2;
        }
    }
    return false;
}

/* Membership without the ASCII bitmap (used to build it, and for c >= 128). */
static bool class_slow(const re_prog *p, const re_class *k, uint32_t c)
{
    bool in = class_items(p, k, c);
    if (!in && k->icase) {
        uint32_t v[3];
        if (c < 128 || (p->flags & RE_ASCII_FLAG)) {
            v[0] = v[1] = v[2] = (c >= 'A' && c <= 'Z') ? c + 32 : (c >= 'a' && c <= 'z') ? c - 32 : c;
        } else {
            v[0] = kr_unicode_simple_lower(c);
            v[1] = kr_unicode_simple_upper(c);
            v[2] = kr_unicode_simple_lower(v[1]);
        }
        for (int j = 0; j < 3 && !in; j++)
            if (v[j] != c)
                in = class_items(p, k, v[j]);
        /* a character whose folded form is ASCII (the Kelvin sign, long s) matches what that ASCII
         * letter matches; and an ASCII letter matches the non-ASCII characters that fold to it */
        if (!in && c < 128 && !(p->flags & RE_ASCII_FLAG)) {
            if (c == 'k' || c == 'K')
                in = class_items(p, k, 0x212A);
            else if (c == 's' || c == 'S')
                in = class_items(p, k, 0x17F);
        }
    }
    return in != k->negate;
}

static inline bool class_match(const re_prog *p, uint32_t idx, uint32_t c)
{
    const re_class *k = &p->classes[idx];
    if (c < 128)
        return (k->ascii[c >> 5] >> (c & 31)) & 1;
    return class_slow(p, k, c);
}

/* Whether the single-character item at pc accepts c. */
static inline bool item_match(const re_prog *p, uint32_t pc, uint32_t c)
{
    const uint32_t *ip = p->code + pc;
    switch (ip[0]) {
    case OP_CHAR: return c == ip[1];
    case OP_CHAR_I: return fold(p, c) == ip[1];
    case OP_NOT_CHAR: return c != ip[1];
    case OP_NOT_CHAR_I: return fold(p, c) != ip[1];
    case OP_ANY: return c != '\n';
    case OP_ANYALL: return true;
    case OP_IN: return class_match(p, ip[2], c);
    default: return false;
    }
}

static inline uint32_t decode_at(const unsigned char *s, int64_t pos, int *len)
{
    if (s[pos] < 0x80) {
        *len = 1;
        return s[pos];
    }
    return kr_utf8_decode((const char *)s + pos, len);
}

static inline int64_t step_back(const unsigned char *s, int64_t pos)
{
    pos--;
    while (pos > 0 && (s[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

/* ---- checking and preparing a program ---- */
static int op_length(const uint32_t *code, uint32_t n, uint32_t pc)
{
    switch (code[pc]) {
    case OP_FAIL: case OP_MATCH: case OP_ANY: case OP_ANYALL: return 1;
    case OP_CHAR: case OP_CHAR_I: case OP_NOT_CHAR: case OP_NOT_CHAR_I: case OP_AT: case OP_JMP: case OP_SAVE:
    case OP_GROUPREF: case OP_GROUPREF_I: return 2;
    case OP_SPLIT: case OP_GROUPREF_EXISTS: case OP_RPT_END: case OP_ASSERT_END: case OP_ATOMIC_END:
    case OP_ATOMIC: return 3;
    case OP_IN: return pc + 1 < n && code[pc + 1] >= 3 && code[pc + 1] < (1u << 24) ? (int)code[pc + 1] : -1;
    case OP_STRING:
        return pc + 1 < n && code[pc + 1] >= 1 && code[pc + 1] < (1u << 24) ? (int)code[pc + 1] + 3 : -1;
    case OP_STRING_I:
        return pc + 1 < n && code[pc + 1] >= 1 && code[pc + 1] < (1u << 24) ? (int)code[pc + 1] + 2 : -1;
    case OP_REP1: return pc + 1 < n && code[pc + 1] >= 1 && code[pc + 1] < (1u << 24) ? (int)code[pc + 1] + 5 : -1;
    case OP_RPT_START: return 6;
    case OP_ASSERT: return 5;
    default: return -1;
    }
}

static bool is_item(uint32_t op)
{
    return op == OP_CHAR || op == OP_CHAR_I || op == OP_NOT_CHAR || op == OP_NOT_CHAR_I || op == OP_ANY ||
           op == OP_ANYALL || op == OP_IN;
}

static kr_value bad_program(kr_vm *vm, uint32_t pc)
{
    return kr_raise(vm, KR_EXC(vm, ValueError), "invalid regular expression program at word %u", pc);
}

/* Checks every instruction of p->code and builds the literal and class tables. Returns 0 or -1. */
static int prog_prepare(kr_vm *vm, re_prog *p)
{
    uint32_t n = p->n;
    uint32_t *code = p->code;
    unsigned char *start = kr_mem_alloc(vm, n + 1);
    if (!start)
        return -1;
    memset(start, 0, n + 1);
    start[n] = 1; /* the final OP_FAIL */
    size_t nlit = 0, nlitbytes = 0, ncls = 0;
    for (uint32_t pc = 0; pc < n;) {
        int len = op_length(code, n, pc);
        if (len < 0 || (uint64_t)pc + (uint64_t)len > n)
            goto bad;
        start[pc] = 1;
        if (code[pc] == OP_STRING) {
            nlit++;
            nlitbytes += 4 * (size_t)code[pc + 1];
        }
        if (code[pc] == OP_IN)
            ncls++;
        if (code[pc] == OP_REP1) {
            /* the item is part of the REP1 instruction (not a jump target); count its class */
            uint32_t it = pc + 5;
            int il = op_length(code, n, it);
            if (il < 0 || (uint32_t)il != code[pc + 1] || !is_item(code[it]))
                goto bad;
            if (code[it] == OP_IN)
                ncls++;
        }
        pc += (uint32_t)len;
    }
    p->lits = kr_mem_alloc(vm, (nlit ? nlit : 1) * sizeof *p->lits);
    p->litbytes = kr_mem_alloc(vm, nlitbytes ? nlitbytes : 1);
    p->classes = kr_mem_alloc(vm, (ncls ? ncls : 1) * sizeof *p->classes);
    if (!p->lits || !p->litbytes || !p->classes) {
        kr_mem_free(vm, start);
        return -1;
    }
    uint32_t nslots = 2 * p->ngroups;
#define TARGET_OK(t) ((t) <= n && start[t])
    for (uint32_t pc = 0; pc < n;) {
        uint32_t *ip = code + pc;
        uint32_t len = (uint32_t)op_length(code, n, pc);
        uint32_t op = ip[0];
        if (op == OP_REP1) {
            if (ip[2] > ip[3] || ip[4] > REP_POSSESSIVE)
                goto bad;
            ip += 5;
            op = ip[0];
        }
        switch (op) {
        case OP_CHAR: case OP_NOT_CHAR:
            if (ip[1] > RE_MAX_CP)
                goto bad;
            break;
        case OP_CHAR_I: case OP_NOT_CHAR_I:
            if (ip[1] > RE_MAX_CP)
                goto bad;
            ip[1] = fold(p, ip[1]);
            break;
        case OP_STRING_I:
            for (uint32_t i = 0; i < ip[1]; i++) {
                if (ip[2 + i] > RE_MAX_CP)
                    goto bad;
                ip[2 + i] = fold(p, ip[2 + i]);
            }
            break;
        case OP_STRING: {
            uint32_t cnt = ip[1];
            re_lit *l = &p->lits[p->nlits];
            l->off = p->nlits ? p->lits[p->nlits - 1].off + p->lits[p->nlits - 1].nbytes : 0;
            l->nbytes = 0;
            for (uint32_t i = 0; i < cnt; i++) {
                if (ip[3 + i] > RE_MAX_CP)
                    goto bad;
                l->nbytes += (uint32_t)kr_utf8_encode(ip[3 + i], p->litbytes + l->off + l->nbytes);
            }
            ip[2] = p->nlits++;
            break;
        }
        case OP_IN: {
            if (ip[2] > 3)
                goto bad;
            re_class *k = &p->classes[p->nclasses];
            k->negate = ip[2] & 1;
            k->icase = (ip[2] >> 1) & 1;
            k->items = (uint32_t)(ip - code) + 3;
            k->end = (uint32_t)(ip - code) + ip[1];
            for (uint32_t i = k->items; i < k->end;) {
                if (code[i] == 1 && i + 2 < k->end && code[i + 1] <= code[i + 2] && code[i + 2] <= RE_MAX_CP)
                    i += 3;
                else if (code[i] == 2 && i + 1 < k->end && (code[i + 1] & 7) < CAT_COUNT && code[i + 1] < 16)
                    i += 2;
                else
                    goto bad;
            }
            memset(k->ascii, 0, sizeof k->ascii);
            for (uint32_t c = 0; c < 128; c++)
                if (class_slow(p, k, c))
                    k->ascii[c >> 5] |= 1u << (c & 31);
            ip[2] = p->nclasses++;
            break;
        }
        case OP_AT:
            if (ip[1] >= AT_COUNT)
                goto bad;
            break;
        case OP_JMP:
            if (!TARGET_OK(ip[1]))
                goto bad;
            break;
        case OP_SPLIT:
            if (!TARGET_OK(ip[1]) || !TARGET_OK(ip[2]))
                goto bad;
            break;
        case OP_SAVE:
            if (ip[1] >= nslots)
                goto bad;
            break;
        case OP_GROUPREF: case OP_GROUPREF_I:
            if (ip[1] == 0 || ip[1] >= p->ngroups)
                goto bad;
            break;
        case OP_GROUPREF_EXISTS:
            if (ip[1] == 0 || ip[1] >= p->ngroups || !TARGET_OK(ip[2]))
                goto bad;
            break;
        case OP_RPT_START:
            if (ip[1] >= p->nrep || ip[2] > ip[3] || ip[4] > 1 || !TARGET_OK(ip[5]) || ip[5] <= pc)
                goto bad;
            break;
        case OP_RPT_END:
            if (ip[1] >= p->nrep || ip[2] >= pc || !start[ip[2]] || code[ip[2]] != OP_RPT_START ||
                code[ip[2] + 1] != ip[1])
                goto bad;
            break;
        case OP_ASSERT:
            if (ip[1] > ASSERT_NOT_BEHIND || ip[3] >= p->nmark || !TARGET_OK(ip[4]) || ip[4] <= pc)
                goto bad;
            break;
        case OP_ASSERT_END:
            if (ip[1] >= p->nmark || ip[2] >= pc || !start[ip[2]] || code[ip[2]] != OP_ASSERT ||
                code[ip[2] + 3] != ip[1])
                goto bad;
            break;
        case OP_ATOMIC:
            if (ip[1] >= p->nmark || !TARGET_OK(ip[2]) || ip[2] <= pc)
                goto bad;
            break;
        case OP_ATOMIC_END:
            if (ip[1] >= p->nmark || ip[2] >= pc || !start[ip[2]] || code[ip[2]] != OP_ATOMIC ||
                code[ip[2] + 1] != ip[1])
                goto bad;
            break;
        default:
            break;
        }
        pc += len;
    }
#undef TARGET_OK
    kr_mem_free(vm, start);

    /* search helpers: look at the first instruction (skipping the SAVE of group 0 and other groups) */
    uint32_t pc = 0;
    p->first_item = -1;
    while (pc < n && code[pc] == OP_SAVE)
        pc += 2;
    if (pc < n && code[pc] == OP_AT && code[pc + 1] == AT_BEGIN) {
        p->anchored = true;
    } else if (pc < n && code[pc] == OP_STRING) {
        const re_lit *l = &p->lits[code[pc + 2]];
        p->prefix = kr_mem_alloc(vm, l->nbytes);
        if (!p->prefix)
            return -1;
        memcpy(p->prefix, p->litbytes + l->off, l->nbytes);
        p->prefix_len = l->nbytes;
    } else if (pc < n && code[pc] == OP_CHAR && code[pc + 1] < 128) {
        p->prefix = kr_mem_alloc(vm, 1);
        if (!p->prefix)
            return -1;
        p->prefix[0] = (char)code[pc + 1];
        p->prefix_len = 1;
    } else if (pc < n && is_item(code[pc])) {
        p->first_item = pc;
    } else if (pc < n && code[pc] == OP_REP1 && code[pc + 2] >= 1) {
        p->first_item = pc + 5;
    }
    return 0;
bad:
    kr_mem_free(vm, start);
    bad_program(vm, 0);
    return -1;
}

/* ---- the matcher ---- */
enum { BT_RESUME, BT_UNDO, BT_REP1_GREEDY, BT_REP1_LAZY, BT_RPT_BODY, BT_ASSERT, BT_ATOMIC, BT_DEAD };

typedef struct matcher {
    kr_vm *vm;
    re_prog *p;
    const unsigned char *s;
    int64_t end;       /* endpos in bytes: the string ends here for the pattern */
    int64_t start;     /* where this attempt started */
    int64_t *slots, *count, *rstart, *marks;
    int64_t lastindex;
    re_bt *st;
    size_t sp, cap;
    bool not_empty;    /* reject an empty match at `start` (the must-advance rule of finditer/sub/split) */
    bool full;         /* fullmatch: the match must end at `end` */
    int budget;
} matcher;

static int grow(matcher *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    re_bt *n = kr_mem_realloc(m->vm, m->st, cap * sizeof *n);
    if (!n)
        return -1;
    m->st = n;
    m->cap = cap;
    m->p->stack = n;
    m->p->stack_cap = cap;
    return 0;
}

#define PUSH(K, A, B, C)                                                                                      \
    do {                                                                                                      \
        if (m->sp == m->cap && grow(m) < 0)                                                                   \
            return -1;                                                                                        \
        re_bt *e_ = &m->st[m->sp++];                                                                          \
        e_->kind = (K);                                                                                       \
        e_->a = (uint32_t)(A);                                                                                \
        e_->b = (B);                                                                                          \
        e_->c = (C);                                                                                          \
    } while (0)

/* Undo entries name a register by its index in regs (slots, counts, rstarts, marks) or -1 for lastindex. */
#define SET_REG(IDX, V)                                                                                       \
    do {                                                                                                      \
        int64_t *r_ = &m->slots[IDX];                                                                         \
        PUSH(BT_UNDO, (IDX), *r_, 0);                                                                         \
        *r_ = (V);                                                                                            \
    } while (0)

/* Drops the choice points above the stack index `mark` (keeping their undo entries, in order). */
static void cut(matcher *m, size_t mark)
{
    size_t w = mark;
    for (size_t i = mark; i < m->sp; i++)
        if (m->st[i].kind == BT_UNDO)
            m->st[w++] = m->st[i];
    m->sp = w;
}

/* Undoes everything above `mark` and pops it. */
static void unwind(matcher *m, size_t mark)
{
    while (m->sp > mark) {
        re_bt *e = &m->st[--m->sp];
        if (e->kind == BT_UNDO) {
            if (e->a == UINT32_MAX)
                m->lastindex = e->b;
            else
                m->slots[e->a] = e->b;
        }
    }
}

static bool at_word(const matcher *m, int64_t pos, bool ascii)
{
    if (pos < 0 || pos >= m->end)
        return false;
    int len;
    uint32_t c = decode_at(m->s, pos, &len);
    return ascii ? ascii_word(c) : uni_word(c);
}

static bool at_check(const matcher *m, uint32_t kind, int64_t pos)
{
    const unsigned char *s = m->s;
    switch (kind) {
    case AT_BEGIN: return pos == 0;
    case AT_BEGIN_LINE: return pos == 0 || s[pos - 1] == '\n';
    case AT_END: return pos == m->end;
    case AT_END_DOLLAR: return pos == m->end || (pos + 1 == m->end && s[pos] == '\n');
    case AT_END_LINE: return pos == m->end || s[pos] == '\n';
    case AT_BOUNDARY: case AT_NON_BOUNDARY: case AT_A_BOUNDARY: case AT_A_NON_BOUNDARY: {
        bool ascii = kind >= AT_A_BOUNDARY;
        if (m->end == 0)
            return false; /* CPython: no boundary in an empty string, and \B does not match either */
        bool before = pos > 0 && at_word(m, step_back(s, pos), ascii);
        bool after = at_word(m, pos, ascii);
        bool b = before != after;
        return (kind == AT_BOUNDARY || kind == AT_A_BOUNDARY) ? b : !b;
    }
    default: return false;
    }
}

/* Compares the text of group g with the text at pos; the end of the matched text or -1. */
static int64_t groupref(const matcher *m, uint32_t g, int64_t pos, bool icase)
{
    int64_t a = m->slots[2 * g], b = m->slots[2 * g + 1];
    if (a < 0 || b < 0 || b < a)
        return -1;
    if (!icase) {
        if (m->end - pos < b - a || memcmp(m->s + a, m->s + pos, (size_t)(b - a)) != 0)
            return -1;
        return pos + (b - a);
    }
    while (a < b) {
        if (pos >= m->end)
            return -1;
        int l1, l2;
        uint32_t c1 = decode_at(m->s, a, &l1), c2 = decode_at(m->s, pos, &l2);
        if (fold(m->p, c1) != fold(m->p, c2))
            return -1;
        a += l1;
        pos += l2;
    }
    return pos;
}

static int poll(matcher *m)
{
    m->budget = 4096;
    /* Only krait_interrupt's bit is taken here. A signal's Python handler waits until the match
     * returns (its bit stays set for the interpreter's next check): a handler could resize the
     * bytearray being matched under the engine's pointers. */
    if (atomic_load_explicit(&m->vm->interrupt, memory_order_relaxed) & KR_INTERRUPT_KBD) {
        atomic_fetch_and(&m->vm->interrupt, ~KR_INTERRUPT_KBD);
        kr_raise_value(m->vm, KR_VAL(KR_EXC(m->vm, KeyboardInterrupt)));
        return -1;
    }
    return 0;
}

/* Runs the program from pc 0 at pos. 1: matched (slots hold the groups), 0: no match, -1: error. */
static int run(matcher *m, int64_t pos)
{
    const re_prog *p = m->p;
    const uint32_t *code = p->code;
    const unsigned char *s = m->s;
    const int64_t end = m->end;
    uint32_t pc = 0;
    m->sp = 0;
    for (;;) {
        if (--m->budget <= 0 && poll(m) < 0)
            return -1;
        const uint32_t *ip = code + pc;
        switch (ip[0]) {
        case OP_MATCH:
            if ((m->not_empty && pos == m->start) || (m->full && pos != end))
                goto fail;
            return 1;
        case OP_CHAR:
            if (pos >= end)
                goto fail;
            if (ip[1] < 128) {
                if (s[pos] != ip[1])
                    goto fail;
                pos++;
            } else {
                int len;
                if (decode_at(s, pos, &len) != ip[1])
                    goto fail;
                pos += len;
            }
            pc += 2;
            break;
        case OP_CHAR_I: case OP_NOT_CHAR: case OP_NOT_CHAR_I: case OP_ANY: case OP_ANYALL: case OP_IN: {
            if (pos >= end)
                goto fail;
            int len;
            uint32_t c = decode_at(s, pos, &len);
            if (!item_match(p, pc, c))
                goto fail;
            pos += len;
            pc += ip[0] == OP_IN ? ip[1] : (ip[0] == OP_ANY || ip[0] == OP_ANYALL) ? 1 : 2;
            break;
        }
        case OP_STRING: {
            const re_lit *l = &p->lits[ip[2]];
            if (end - pos < (int64_t)l->nbytes || memcmp(s + pos, p->litbytes + l->off, l->nbytes) != 0)
                goto fail;
            pos += l->nbytes;
            pc += ip[1] + 3;
            break;
        }
        case OP_STRING_I: {
            uint32_t cnt = ip[1];
            for (uint32_t i = 0; i < cnt; i++) {
                if (pos >= end)
                    goto fail;
                int len;
                uint32_t c = decode_at(s, pos, &len);
                if (fold(p, c) != ip[2 + i])
                    goto fail;
                pos += len;
            }
            pc += cnt + 2;
            break;
        }
        case OP_AT:
            if (!at_check(m, ip[1], pos))
                goto fail;
            pc += 2;
            break;
        case OP_JMP:
            pc = ip[1];
            break;
        case OP_SPLIT:
            PUSH(BT_RESUME, ip[2], pos, 0);
            pc = ip[1];
            break;
        case OP_SAVE:
            SET_REG(ip[1], pos);
            if ((ip[1] & 1) && ip[1] > 1) { /* a group other than 0 closed */
                PUSH(BT_UNDO, UINT32_MAX, m->lastindex, 0);
                m->lastindex = ip[1] >> 1;
            }
            pc += 2;
            break;
        case OP_GROUPREF: case OP_GROUPREF_I: {
            int64_t e = groupref(m, ip[1], pos, ip[0] == OP_GROUPREF_I);
            if (e < 0)
                goto fail;
            pos = e;
            pc += 2;
            break;
        }
        case OP_GROUPREF_EXISTS:
            if (m->slots[2 * ip[1]] >= 0 && m->slots[2 * ip[1] + 1] >= 0)
                pc += 3;
            else
                pc = ip[2];
            break;
        case OP_REP1: {
            uint32_t itempc = pc + 5, min = ip[2], max = ip[3], mode = ip[4];
            uint32_t next = pc + 5 + ip[1];
            int64_t q = pos, minpos = -1;
            uint32_t cnt = 0;
            uint32_t want = mode == REP_LAZY ? min : max;
            const uint32_t *it = code + itempc;
            if (it[0] == OP_ANYALL && want == RE_MAXREPEAT) {
                /* .* under DOTALL: to the end in one step (the count only matters for min) */
                if (min > 0) {
                    while (cnt < min && q < end) {
                        int len;
                        decode_at(s, q, &len);
                        q += len;
                        cnt++;
                    }
                    if (cnt < min)
                        goto fail;
                }
                minpos = q;
                q = end;
            } else if (it[0] == OP_IN) {
                /* a class (\w+, [^,]*): the ASCII bitmap inline, the class looked up once */
                const re_class *k = &p->classes[it[2]];
                while (cnt < want && q < end) {
                    unsigned char b = s[q];
                    if (b < 0x80) {
                        if (!((k->ascii[b >> 5] >> (b & 31)) & 1))
                            break;
                        q++;
                    } else {
                        int len;
                        if (!class_slow(p, k, kr_utf8_decode((const char *)s + q, &len)))
                            break;
                        q += len;
                    }
                    if (++cnt == min)
                        minpos = q;
                }
            } else {
                while (cnt < want && q < end) {
                    int len;
                    uint32_t c;
                    if (s[q] < 0x80) {
                        c = s[q];
                        len = 1;
                    } else {
                        c = kr_utf8_decode((const char *)s + q, &len);
                    }
                    if (!item_match(p, itempc, c))
                        break;
                    q += len;
                    if (++cnt == min)
                        minpos = q;
                }
            }
            if (cnt < min)
                goto fail;
            if (min == 0)
                minpos = pos;
            if (mode == REP_GREEDY) {
                if (q > minpos)
                    PUSH(BT_REP1_GREEDY, pc, q, minpos);
            } else if (mode == REP_LAZY) {
                if (cnt < max)
                    PUSH(BT_REP1_LAZY, pc, q, cnt);
            }
            pos = q;
            pc = next;
            break;
        }
        case OP_RPT_START: {
            /* a fresh loop: no iterations, no "last start" (rstart -1) */
            uint32_t r = ip[1];
            SET_REG(2 * p->ngroups + r, 0);
            SET_REG(2 * p->ngroups + p->nrep + r, -1);
            goto rpt_check;
        }
        case OP_RPT_END: {
            uint32_t r = ip[1];
            uint32_t spc = ip[2];
            SET_REG(2 * p->ngroups + r, m->count[r] + 1);
            pc = spc;
            ip = code + spc;
            goto rpt_check;
        }
        rpt_check: {
            /* ip is the RPT_START instruction at pc. The zero-width rule (CPython's): iterations below
             * min always run; a further iteration is tried only where the last optional one did not
             * start (rstart), so an optional iteration that matched empty ends the loop (it still
             * counts and keeps its captures), which bounds the loop on empty bodies. */
            uint32_t r = ip[1], min = ip[2], max = ip[3];
            int64_t c = m->count[r];
            uint32_t body = pc + 6, exit = ip[5];
            int64_t rs = 2 * p->ngroups + p->nrep + r;
            if (c < (int64_t)min) {
                pc = body;
            } else if ((c >= (int64_t)max && max != RE_MAXREPEAT) || pos == m->rstart[r]) {
                pc = exit;
            } else if (!ip[4]) {
                PUSH(BT_RESUME, exit, pos, 0);
                SET_REG(rs, pos);
                pc = body;
            } else {
                PUSH(BT_RPT_BODY, pc, pos, 0);
                pc = exit;
            }
            break;
        }
        case OP_ASSERT: {
            uint32_t kind = ip[1], width = ip[2], reg = ip[3];
            int64_t q = pos;
            if (kind >= ASSERT_BEHIND) {
                uint32_t i = 0;
                while (i < width && q > 0) {
                    q = step_back(s, q);
                    i++;
                }
                if (i < width) {
                    if (kind == ASSERT_BEHIND)
                        goto fail;
                    pc = ip[4];
                    break;
                }
            }
            SET_REG(2 * p->ngroups + 2 * p->nrep + reg, (int64_t)m->sp);
            PUSH(BT_ASSERT, pc, pos, 0);
            pos = q;
            pc += 5;
            break;
        }
        case OP_ASSERT_END: {
            uint32_t reg = ip[1];
            const uint32_t *ap = code + ip[2];
            size_t mark = (size_t)m->marks[reg];
            int64_t saved = m->st[mark].b;
            uint32_t kind = ap[1];
            if (kind >= ASSERT_BEHIND && pos != saved)
                goto fail;
            if (kind == ASSERT_AHEAD || kind == ASSERT_BEHIND) {
                cut(m, mark); /* keeps the body's group captures (their undo entries stay) */
                pos = saved;
                pc = ap[4];
            } else {
                unwind(m, mark); /* the body matched: the negative assertion fails */
                goto fail;
            }
            break;
        }
        case OP_ATOMIC:
            SET_REG(2 * p->ngroups + 2 * p->nrep + ip[1], (int64_t)m->sp);
            PUSH(BT_ATOMIC, pc, pos, 0);
            pc += 3;
            break;
        case OP_ATOMIC_END:
            cut(m, (size_t)m->marks[ip[1]]);
            pc += 3;
            break;
        case OP_FAIL:
        default:
            goto fail;
        }
        continue;
    fail:
        for (;;) {
            if (m->sp == 0)
                return 0;
            re_bt *e = &m->st[--m->sp];
            switch (e->kind) {
            case BT_UNDO:
                if (e->a == UINT32_MAX)
                    m->lastindex = e->b;
                else
                    m->slots[e->a] = e->b;
                continue;
            case BT_RESUME:
                pc = e->a;
                pos = e->b;
                break;
            case BT_REP1_GREEDY: {
                const uint32_t *rp = code + e->a;
                int64_t q = step_back(s, e->b);
                uint32_t next = e->a + 5 + rp[1];
                /* a literal after the repeat: skip the positions it cannot match at */
                if (code[next] == OP_CHAR && code[next + 1] < 128) {
                    unsigned char want = (unsigned char)code[next + 1];
                    while (q > e->c && (q >= end || s[q] != want))
                        q = step_back(s, q);
                    if (q >= end || s[q] != want)
                        continue; /* even at the minimum it cannot match: drop the entry */
                }
                if (q > e->c) {
                    e->b = q;
                    m->sp++; /* keep the entry (with the shorter end) */
                }
                pc = next;
                pos = q;
                break;
            }
            case BT_REP1_LAZY: {
                const uint32_t *rp = code + e->a;
                int64_t q = e->b;
                if (q >= end)
                    continue;
                int len;
                uint32_t c = decode_at(s, q, &len);
                if (!item_match(p, e->a + 5, c))
                    continue;
                q += len;
                e->b = q;
                e->c++;
                if ((uint64_t)e->c < rp[3] || rp[3] == RE_MAXREPEAT)
                    m->sp++;
                pc = e->a + 5 + rp[1];
                pos = q;
                break;
            }
            case BT_RPT_BODY: {
                /* a lazy repeat tries one more iteration */
                uint32_t r = code[e->a + 1];
                pc = e->a + 6;
                pos = e->b;
                SET_REG(2 * p->ngroups + p->nrep + r, pos);
                break;
            }
            case BT_ASSERT: {
                const uint32_t *ap = code + e->a;
                if (ap[1] == ASSERT_NOT_AHEAD || ap[1] == ASSERT_NOT_BEHIND) {
                    /* the body failed: the negative assertion holds */
                    pc = ap[4];
                    pos = e->b;
                    break;
                }
                continue;
            }
            case BT_ATOMIC:
            default:
                continue;
            }
            break;
        }
    }
}

/* ---- searching ---- */

static inline bool code_in(const re_prog *p, uint32_t pc) { return p->code[pc] == OP_IN; }

/* One match attempt (match/fullmatch) or a search from pos. The registers are all reset here: a failed
 * run pops (and undoes) everything it pushed, so one reset serves every start position. */
static int find(matcher *m, int64_t pos, bool search)
{
    re_prog *p = m->p;
    for (uint32_t i = 0; i < 2 * p->ngroups; i++)
        m->slots[i] = -1;
    m->lastindex = -1;
    m->budget = 4096;
    if (!search) {
        m->start = pos;
        return run(m, pos);
    }
    if (p->anchored && pos > 0)
        return 0; /* \A (or ^ without MULTILINE) first: only the string's real beginning can match */
    const unsigned char *s = m->s;
    for (;;) {
        if (p->prefix_len) {
            if (m->end - pos < (int64_t)p->prefix_len)
                return 0;
            const unsigned char *f = p->prefix_len == 1
                                         ? memchr(s + pos, (unsigned char)p->prefix[0], (size_t)(m->end - pos))
                                         : memmem(s + pos, (size_t)(m->end - pos), p->prefix, p->prefix_len);
            if (!f)
                return 0;
            pos = f - s;
        } else if (p->first_item >= 0 && code_in(p, (uint32_t)p->first_item)) {
            /* a class first: skip ASCII bytes outside it with the bitmap */
            const re_class *k = &p->classes[p->code[p->first_item + 2]];
            for (;;) {
                if (pos >= m->end)
                    return 0;
                unsigned char b = s[pos];
                if (b < 0x80) {
                    if ((k->ascii[b >> 5] >> (b & 31)) & 1)
                        break;
                    pos++;
                } else {
                    int len;
                    if (class_slow(p, k, kr_utf8_decode((const char *)s + pos, &len)))
                        break;
                    pos += len;
                }
            }
        } else if (p->first_item >= 0) {
            for (;;) {
                if (pos >= m->end)
                    return 0;
                int len;
                uint32_t c = decode_at(s, pos, &len);
                if (item_match(p, (uint32_t)p->first_item, c))
                    break;
                pos += len;
            }
        }
        m->start = pos;
        int r = run(m, pos);
        if (r != 0)
            return r;
        m->not_empty = false; /* only the first start position must advance */
        if (pos >= m->end || p->anchored)
            return 0;
        pos += (s[pos] < 0x80) ? 1 : (s[pos] < 0xE0 ? 2 : (s[pos] < 0xF0 ? 3 : 4));
        if (--m->budget <= 0 && poll(m) < 0)
            return -1;
    }
}

/* Byte offsets to code-point indices, counting forward from the last converted offset (results come
 * in increasing order, so a whole findall over a non-ASCII string stays linear). */
typedef struct posmap {
    const char *s;
    bool ascii;
    int64_t b, c; /* a known pair: byte offset b is code point c */
} posmap;

static int64_t b2c(posmap *pm, int64_t b)
{
    if (b < 0 || pm->ascii)
        return b;
    if (b < pm->b) {
        pm->b = 0;
        pm->c = 0;
    }
    pm->c += kr_utf8_count(pm->s + pm->b, (size_t)(b - pm->b));
    pm->b = b;
    return pm->c;
}

/* The arguments every entry point takes: (self, string, pos, endpos). Sets up m and the byte range. */
typedef struct call {
    matcher m;
    posmap pm;
    kr_value str;
    int64_t posb, endb, posc, endc, len;
} call;

/* The extra int arguments after endpos go to ext[]. Every argument is converted (which may run
 * __index__, even re-entering this Program) before the matcher takes the Program's stack pointer. */
static int call_init(kr_vm *vm, call *c, kr_value *args, int nargs, const char *name, int extra, int64_t *ext)
{
    if (kr_args_count(vm, name, nargs, 4 + extra, 4 + extra) < 0)
        return -1;
    re_prog *p = prog_of(vm, args[0]);
    if (!p)
        return -1;
    if (!kr_is_str(vm, args[1])) {
        kr_raise(vm, KR_EXC(vm, TypeError), "expected string, got '%.200s'", kr_typename(vm, args[1]));
        return -1;
    }
    int64_t pos, endpos;
    if (kr_index_i64(vm, args[2], &pos) < 0 || kr_index_i64(vm, args[3], &endpos) < 0)
        return -1;
    for (int i = 0; i < extra; i++)
        if (kr_index_i64(vm, args[4 + i], &ext[i]) < 0)
            return -1;
    kr_value s = args[1];
    int64_t len = kr_str_len(s);
    pos = pos < 0 ? 0 : pos > len ? len : pos;
    endpos = endpos < 0 ? 0 : endpos > len ? len : endpos;
    memset(c, 0, sizeof *c);
    c->str = s;
    c->len = len;
    c->posc = pos;
    c->endc = endpos;
    c->posb = kr_str_byte_offset(vm, s, pos);
    c->endb = kr_str_byte_offset(vm, s, endpos);
    c->pm.s = kr_str_data(s);
    c->pm.ascii = (KR_OBJ(s)->flags & KR_STR_ASCII) != 0;
    c->pm.b = c->posb;
    c->pm.c = pos;
    matcher *m = &c->m;
    m->vm = vm;
    m->p = p;
    m->s = (const unsigned char *)kr_str_data(s);
    m->end = c->endb;
    m->slots = p->regs;
    m->count = p->regs + 2 * p->ngroups;
    m->rstart = m->count + p->nrep;
    m->marks = m->rstart + p->nrep;
    m->st = p->stack;
    m->cap = p->stack_cap;
    return 0;
}

/* A retained stack above 1 MB goes back to the heap after the call. */
static void call_done(kr_vm *vm, call *c)
{
    re_prog *p = c->m.p;
    if (p->stack_cap > (1u << 20) / sizeof(re_bt)) {
        kr_mem_free(vm, p->stack);
        p->stack = NULL;
        p->stack_cap = 0;
    }
}

/* (lastindex, start0, end0, start1, end1, ...) in code points; -1 for an unmatched group / no lastindex. */
static kr_value spans_tuple(kr_vm *vm, call *c)
{
    re_prog *p = c->m.p;
    kr_value t = kr_tuple_new(vm, 1 + 2 * (int64_t)p->ngroups);
    if (!t)
        return KR_NULL;
    kr_value *it = kr_tuple_items(t);
    it[0] = kr_small(c->m.lastindex);
    /* convert in increasing order of byte offset: group 0 start first, then the rest as they come (the
     * map restarts from 0 for an offset behind it, which only lookbehind captures produce) */
    for (uint32_t i = 0; i < 2 * p->ngroups; i++) {
        int64_t b = c->m.slots[i];
        int64_t a = (i & 1) ? c->m.slots[i - 1] : b;
        it[1 + i] = kr_small(a < 0 ? -1 : b2c(&c->pm, b));
    }
    return t;
}

/* Program.match(string, pos, endpos, mode): mode 0 match, 1 fullmatch, 2 search; +4: an empty match at
 * pos is not allowed (must advance). None or the spans tuple. */
static kr_value prog_match(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    call c;
    int64_t mode;
    if (kr_args_no_kw(vm, "match", kwnames) < 0 || call_init(vm, &c, args, nargs, "match", 1, &mode) < 0)
        return KR_NULL;
    if (c.posb > c.endb) {
        if ((mode & 3) != 0)
            return KR_NONE;
        c.m.end = c.posb; /* CPython: match() still tries at pos, as on an empty string */
    }
    c.m.full = (mode & 3) == 1;
    c.m.not_empty = (mode & 4) != 0;
    int r = find(&c.m, c.posb, (mode & 3) == 2);
    kr_value res = r < 0 ? KR_NULL : r == 0 ? KR_NONE : spans_tuple(vm, &c);
    call_done(vm, &c);
    return res;
}

/* The text of group g of the current match (an empty str when it did not take part). */
static kr_value group_str(kr_vm *vm, call *c, uint32_t g)
{
    int64_t a = c->m.slots[2 * g], b = c->m.slots[2 * g + 1];
    if (a < 0 || b < a)
        return kr_str_new(vm, "", 0);
    const char *d = kr_str_data(c->str);
    if (c->pm.ascii)
        return kr_str_new_known(vm, d + a, (size_t)(b - a), b - a);
    return kr_str_new(vm, d + a, (size_t)(b - a));
}

/* Program.findall(string, pos, endpos): CPython's findall (3.7+ empty-match rules). */
static kr_value prog_findall(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    call c;
    if (kr_args_no_kw(vm, "findall", kwnames) < 0 || call_init(vm, &c, args, nargs, "findall", 0, NULL) < 0)
        return KR_NULL;
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    uint32_t ng = c.m.p->ngroups;
    int64_t pos = c.posb;
    bool must_advance = false;
    while (pos <= c.endb) {
        c.m.not_empty = must_advance;
        int r = find(&c.m, pos, true);
        if (r < 0) {
            list = KR_NULL;
            break;
        }
        if (r == 0)
            break;
        kr_value item;
        if (ng <= 2) {
            item = group_str(vm, &c, ng == 1 ? 0 : 1);
        } else {
            item = kr_tuple_new(vm, ng - 1);
            for (uint32_t g = 1; item && g < ng; g++) {
                kr_value v = group_str(vm, &c, g);
                if (!v)
                    item = KR_NULL;
                else
                    kr_tuple_items(item)[g - 1] = v;
            }
        }
        if (!item || kr_list_append(vm, list, item) < 0) {
            list = KR_NULL;
            break;
        }
        must_advance = c.m.slots[1] == c.m.slots[0];
        pos = c.m.slots[1];
    }
    call_done(vm, &c);
    return list;
}

/* Program.scan(string, pos, endpos, limit, must_advance): the spans tuples of successive matches as
 * finditer, sub and split see them (at most limit, 0: all). must_advance: the first match may not be
 * empty at pos (finditer continues in batches after an empty match). */
static kr_value prog_scan(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    call c;
    int64_t ext[2];
    if (kr_args_no_kw(vm, "scan", kwnames) < 0 || call_init(vm, &c, args, nargs, "scan", 2, ext) < 0)
        return KR_NULL;
    int64_t limit = ext[0];
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    int64_t pos = c.posb, n = 0;
    bool must_advance = ext[1] != 0;
    while (pos <= c.endb && (limit <= 0 || n < limit)) {
        c.m.not_empty = must_advance;
        int r = find(&c.m, pos, true);
        if (r < 0) {
            list = KR_NULL;
            break;
        }
        if (r == 0)
            break;
        kr_value t = spans_tuple(vm, &c);
        if (!t || kr_list_append(vm, list, t) < 0) {
            list = KR_NULL;
            break;
        }
        n++;
        must_advance = c.m.slots[1] == c.m.slots[0];
        pos = c.m.slots[1];
    }
    call_done(vm, &c);
    return list;
}

/* _re.compile(code, ngroups, nrep, nmark, flags) -> Program */
static kr_value re_compile(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "compile", kwnames) < 0 || kr_args_count(vm, "compile", nargs, 5, 5) < 0)
        return KR_NULL;
    kr_value code = args[0];
    if (!kr_is_ptr(code) || KR_OBJ(code)->type != vm->t.list)
        return kr_raise(vm, KR_EXC(vm, TypeError), "compile() expects a list of ints");
    int64_t v[4];
    for (int i = 0; i < 4; i++) {
        if (kr_index_i64(vm, args[1 + i], &v[i]) < 0)
            return KR_NULL;
        if (v[i] < 0 || v[i] > (1 << 24))
            return kr_raise(vm, KR_EXC(vm, ValueError), "compile(): count out of range");
    }
    if (v[0] < 1)
        return kr_raise(vm, KR_EXC(vm, ValueError), "compile(): count out of range");
    int64_t n = kr_list_size(code);
    if (n < 1 || n >= (1 << 28))
        return kr_raise(vm, KR_EXC(vm, ValueError), "compile(): bad program size");
    kr_type *t = NULL;
    /* the module stores the type as Program; the function's module is not at hand, so the type comes
     * from the module object in sys.modules */
    kr_value mod = kr_dict_get_cstr(vm, vm->modules, "_re");
    if (mod) {
        kr_value tv = kr_dict_get_cstr(vm, KR_AS(kr_module, mod)->dict, "Program");
        if (tv && kr_is_ptr(tv) && KR_OBJ(tv)->type == vm->t.type && KR_AS(kr_type, tv)->finalize == prog_finalize)
            t = KR_AS(kr_type, tv);
    }
    if (!t)
        return kr_raise(vm, KR_EXC(vm, RuntimeError), "_re.Program is missing");
    re_prog *p = kr_gc_alloc(vm, t, sizeof *p);
    if (!p)
        return KR_NULL;
    kr_value result = KR_VAL(p);
    p->ngroups = (uint32_t)v[0];
    p->nrep = (uint32_t)v[1];
    p->nmark = (uint32_t)v[2];
    p->flags = (int)v[3];
    p->first_item = -1;
    p->code = kr_mem_alloc(vm, (size_t)(n + 1) * sizeof(uint32_t));
    size_t nregs = 2 * (size_t)p->ngroups + 2 * (size_t)p->nrep + p->nmark;
    p->regs = kr_mem_alloc(vm, (nregs ? nregs : 1) * sizeof(int64_t));
    if (!p->code || !p->regs)
        return KR_NULL;
    for (int64_t i = 0; i < n; i++) {
        kr_value w = kr_list_items(code)[i];
        if (!kr_is_small(w) || kr_small_val(w) < 0 || kr_small_val(w) > (int64_t)UINT32_MAX)
            return bad_program(vm, (uint32_t)i);
        p->code[i] = (uint32_t)kr_small_val(w);
    }
    p->code[n] = OP_FAIL;
    p->n = (uint32_t)n;
    if (prog_prepare(vm, p) < 0)
        return KR_NULL;
    return result;
}

static const kr_method_def prog_methods[] = {
    {"match", prog_match, 0, "match(string, pos, endpos, mode) -> spans or None"},
    {"findall", prog_findall, 0, "findall(string, pos, endpos) -> list"},
    {"scan", prog_scan, 0, "scan(string, pos, endpos, limit, must_advance) -> list of spans"},
    {NULL, NULL, 0, NULL},
};

static const kr_method_def re_functions[] = {
    {"compile", re_compile, KR_METH_STATIC, "compile(code, ngroups, nrep, nmark, flags) -> Program"},
    {NULL, NULL, 0, NULL},
};

kr_value kr_re_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_re");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    int rc = kr_module_add_functions(vm, m, re_functions);
    if (rc == 0) {
        /* the Program type, one per VM (created on the first import of _re) */
        kr_type *t = kr_type_new_builtin(vm, "_re.Program", vm->t.object, sizeof(re_prog), 0);
        t->finalize = prog_finalize;
        t->methods = prog_methods;
        t->flags |= KR_TF_ABSTRACT;
        rc = kr_type_ready(vm, t) < 0 ? -1 : kr_module_add(vm, m, "Program", KR_VAL(t));
    }
    kr_root_reset(vm, mark);
    return rc < 0 ? KR_NULL : m;
}
