/* test_marshal.c: code objects serialised by vm/marshal.c come back identical (every field, every kind
 * of constant, nested code, interned strings, shared objects), run the same, and malformed or stale data
 * is refused without crashing; every frozen module's precompiled code (build/frozen_code.c) equals what
 * compiling its source gives. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bytes.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/complexobj.h"
#include "vm/floatobj.h"
#include "vm/import.h"
#include "vm/int.h"
#include "vm/interp.h"
#include "vm/kr.h"
#include "vm/marshal.h"
#include "vm/set.h"
#include "vm/tuple.h"

static kr_vm *vm;

static void setup(void)
{
    vm = kr_vm_new(NULL);
    ck_assert_ptr_nonnull(vm);
}

static void teardown(void)
{
    kr_vm_free(vm);
    vm = NULL;
}

static void same_code(kr_value a, kr_value b, const char *where);

/* a and b are equal values of the same type; strings agree on being interned. */
static void same_value(kr_value a, kr_value b, const char *where)
{
    if (!kr_is_ptr(a) || !kr_is_ptr(b)) {
        ck_assert_msg(a == b, "%s: immediate values differ", where);
        return;
    }
    kr_type *t = KR_OBJ(a)->type;
    ck_assert_msg(t == KR_OBJ(b)->type, "%s: types differ (%s, %s)", where, kr_typename(vm, a), kr_typename(vm, b));
    if (t == vm->t.str) {
        ck_assert_msg(kr_str_nbytes(a) == kr_str_nbytes(b) && !memcmp(kr_str_data(a), kr_str_data(b), (size_t)kr_str_nbytes(a)),
                      "%s: strings differ: '%s' / '%s'", where, kr_str_data(a), kr_str_data(b));
        ck_assert_int_eq(kr_str_len(a), kr_str_len(b));
        ck_assert_msg((KR_OBJ(a)->flags & KR_STR_INTERNED) == (KR_OBJ(b)->flags & KR_STR_INTERNED),
                      "%s: '%s' interned in one only", where, kr_str_data(a));
        if (KR_OBJ(a)->flags & KR_STR_INTERNED)
            ck_assert_msg(a == b, "%s: interned '%s' not unique", where, kr_str_data(a));
    } else if (t == vm->t.bytes) {
        ck_assert(kr_bytes_size(a) == kr_bytes_size(b));
        ck_assert(!memcmp(kr_bytes_data(a), kr_bytes_data(b), (size_t)kr_bytes_size(a)));
    } else if (t == vm->t.int_) {
        ck_assert_int_eq(kr_eq(vm, a, b), 1);
    } else if (t == vm->t.float_) {
        double x = kr_float_value(a), y = kr_float_value(b);
        ck_assert_msg(!memcmp(&x, &y, sizeof x), "%s: floats differ", where);
    } else if (t == vm->t.complex_) {
        kr_cdouble x = kr_complex_value(a), y = kr_complex_value(b);
        ck_assert_msg(!memcmp(&x.real, &y.real, sizeof x.real) && !memcmp(&x.imag, &y.imag, sizeof x.imag),
                      "%s: complex numbers differ", where);
    } else if (t == vm->t.tuple) {
        ck_assert_int_eq(kr_tuple_size(a), kr_tuple_size(b));
        for (int64_t i = 0; i < kr_tuple_size(a); i++)
            same_value(kr_tuple_items(a)[i], kr_tuple_items(b)[i], where);
    } else if (t == vm->t.code) {
        same_code(a, b, where);
    } else if (t == vm->t.frozenset) {
        /* the same table layout: the same keys, met in the same slots */
        ck_assert_int_eq(kr_set_table_size(a), kr_set_table_size(b));
        ck_assert_int_eq(kr_set_size(a), kr_set_size(b));
        int64_t pa = 0, pb = 0;
        kr_value ka, kb;
        while (kr_set_next(a, &pa, &ka)) {
            ck_assert(kr_set_next(b, &pb, &kb));
            ck_assert_int_eq(pa, pb);
            same_value(ka, kb, where);
        }
    } else {
        ck_abort_msg("%s: unexpected constant type %s", where, kr_typename(vm, a));
    }
}

/* Where v is one of tuple t's items (by identity), its index, else -1. */
static int64_t index_in(kr_value t, kr_value v)
{
    for (int64_t i = 0; i < kr_tuple_size(t); i++)
        if (kr_tuple_items(t)[i] == v)
            return i;
    return -1;
}

static void same_code(kr_value av, kr_value bv, const char *where)
{
    const kr_code *a = kr_code_of(av), *b = kr_code_of(bv);
    char here[512];
    snprintf(here, sizeof here, "%s/%s", where, kr_str_data(a->qualname));
    ck_assert_msg(a->ninsns == b->ninsns, "%s: ninsns", here);
    ck_assert_msg(!memcmp(a->insns, b->insns, a->ninsns * sizeof(kr_insn)), "%s: instructions differ", here);
    ck_assert_msg(!memcmp(a->locs, b->locs, a->ninsns * sizeof(kr_code_loc)), "%s: locations differ", here);
    ck_assert_msg(a->nexctab == b->nexctab, "%s: nexctab", here);
    ck_assert_msg(!a->nexctab || !memcmp(a->exctab, b->exctab, a->nexctab * sizeof(kr_exc_entry)), "%s: exctab", here);
    ck_assert_msg(a->nslots == b->nslots && a->nlocals == b->nlocals && a->ncellvars == b->ncellvars &&
                      a->nfreevars == b->nfreevars && a->argcount == b->argcount &&
                      a->posonlyargcount == b->posonlyargcount && a->kwonlyargcount == b->kwonlyargcount &&
                      a->flags == b->flags && a->firstlineno == b->firstlineno,
                  "%s: counts or flags differ", here);
    ck_assert_msg(a->nfb == b->nfb, "%s: feedback size", here);
    ck_assert(!a->nfb || (!memcmp(a->fb_pc, b->fb_pc, a->nfb * sizeof(uint32_t)) && !memcmp(a->fb_op, b->fb_op, a->nfb)));
    ck_assert(!a->ncellvars || !memcmp(a->cell2arg, b->cell2arg, a->ncellvars * sizeof(int32_t)));
    same_value(a->names, b->names, here);
    same_value(a->varnames, b->varnames, here);
    same_value(a->cellvars, b->cellvars, here);
    same_value(a->freevars, b->freevars, here);
    same_value(a->name, b->name, here);
    same_value(a->qualname, b->qualname, here);
    same_value(a->filename, b->filename, here);
    same_value(a->doc, b->doc, here);
    same_value(a->consts, b->consts, here);
    /* the objects the compiler shares stay shared */
    ck_assert_msg((a->qualname == a->name) == (b->qualname == b->name), "%s: qualname sharing", here);
    ck_assert_msg(index_in(a->consts, a->doc) == index_in(b->consts, b->doc), "%s: docstring sharing", here);
    for (int64_t i = 0; i < kr_tuple_size(a->consts); i++) {
        kr_value c = kr_tuple_items(a->consts)[i];
        if (kr_is_ptr(c) && KR_OBJ(c)->type == vm->t.tuple)
            for (int64_t k = 0; k < kr_tuple_size(c); k++)
                ck_assert_msg(index_in(a->consts, kr_tuple_items(c)[k]) ==
                                  index_in(b->consts, kr_tuple_items(kr_tuple_items(b->consts)[i])[k]),
                              "%s: constant tuple item sharing", here);
    }
}

static kr_value compile(const char *src, const char *filename)
{
    kr_value code = kr_compile_source(vm, src, strlen(src), filename, KR_PARSE_FILE);
    ck_assert_msg(code != KR_NULL, "compiling failed");
    return code;
}

/* Runs module code in fresh globals; returns repr(result) as a malloc'd C string. */
static char *run_result(kr_value code)
{
    kr_value g = kr_dict_new(vm);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &g);
    kr_root_push(vm, &code);
    ck_assert_int_eq(kr_dict_set(vm, g, KR_NAME(vm, __builtins__), vm->builtins_module), 0);
    kr_value r = kr_interp_run_code(vm, code, g, g);
    ck_assert_msg(r != KR_NULL, "running failed");
    kr_value res = kr_dict_get_cstr(vm, g, "result");
    ck_assert(res != KR_NULL);
    kr_value s = kr_repr(vm, res);
    ck_assert(s != KR_NULL);
    char *out = strdup(kr_str_data(s));
    kr_root_reset(vm, m);
    return out;
}

static const char roundtrip_src[] =
    "'''module doc'''\n"
    "import sys as _sys\n"
    "from collections import namedtuple as _nt\n"
    "SMALL = (0, 1, -1, 255, 256, -65536, 4611686018427387903, -4611686018427387904)\n"
    "BIG = (4611686018427387904, -4611686018427387905, 2**64, 123456789012345678901234567890123456789,\n"
    "       -0x7fffffffffffffffffffffffffffffff, 0o777777777777777777777777, 0b1" "0000000000000000000000000000000000000000000000000000000000000000)\n"
    "FLOATS = (0.0, -0.0, 1.5, -2.25e-300, 1e308, 1e999, -1e999, 3.141592653589793)\n"
    "COMPLEX = (1j, -1j, 0j, -0j, 2.5e-300j, 1e999j, -(1e999j), 3j)\n"
    "STRS = ('', 'name', 'two words', 'h\\xe9llo \\u2603 \\U0001d11e', 'a\\x00b', 'x' * 3, '\\n\\t')\n"
    "BYTES = (b'', b'\\x00\\xff', b'abc' b'def')\n"
    "SINGLETONS = (None, True, False, ..., ())\n"
    "NESTED = ((1, (2, ('three', (4.0, b'5')))), (), ((),))\n"
    "def f(a, b=(1, 'two'), /, c=-3, *args, d, e=2**70, **kw):\n"
    "    '''f's doc'''\n"
    "    x = [a, b, c, args, d, e, sorted(kw)]\n"
    "    def g(y):\n"
    "        nonlocal x\n"
    "        x = x + [y]\n"
    "        return lambda z: (x, y, z)\n"
    "    return g(10)(20)\n"
    "class C:\n"
    "    'class doc'\n"
    "    attr = 'two words'\n"
    "    def m(self, *, k='\\u2603'):\n"
    "        return [i * i for i in range(3)], {i: k for i in 'ab'}, {i for i in (1, 1)}\n"
    "def gen(n):\n"
    "    for i in range(n):\n"
    "        try:\n"
    "            if i == 2:\n"
    "                raise ValueError(i)\n"
    "            yield i\n"
    "        except ValueError as e:\n"
    "            yield ('caught', e.args)\n"
    "        finally:\n"
    "            pass\n"
    "    yield from (j for j in 'xy')\n"
    "def matcher(v):\n"
    "    match v:\n"
    "        case {'k': [1, *rest]}: return ('map', rest)\n"
    "        case (1, 2) | [3, 4]: return 'seq'\n"
    "        case str() as s if s: return f'{s!r:>8}'\n"
    "        case _: return None\n"
    "with open(__file__ if '__file__' in globals() else '/dev/null') as fh:\n"
    "    pass\n"
    "result = (SMALL, BIG, FLOATS, COMPLEX, STRS, BYTES, SINGLETONS, NESTED, f(1, d=4, q=5), C().m(), C.__doc__,\n"
    "          f.__doc__, list(gen(4)), [matcher(v) for v in ({'k': [1, 2, 3]}, (1, 2), 'abc', 7)],\n"
    "          f.__defaults__, f.__kwdefaults__, f.__code__.co_varnames, f.__code__.co_flags,\n"
    "          f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount,\n"
    "          C.m.__qualname__, NESTED[2][0] is ())\n";

START_TEST(test_roundtrip_every_kind)
{
    kr_value code = compile(roundtrip_src, "<roundtrip>");
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &code);
    size_t len;
    uint8_t *blob = kr_marshal_dump_code(vm, code, &len);
    ck_assert_ptr_nonnull(blob);
    bool stale = true;
    kr_value back = kr_marshal_load_code(vm, blob, len, &stale);
    ck_assert(!stale);
    ck_assert_msg(back != KR_NULL, "loading failed");
    kr_root_push(vm, &back);
    same_code(code, back, "roundtrip");
    /* serialising the loaded code gives the same bytes */
    size_t len2;
    uint8_t *blob2 = kr_marshal_dump_code(vm, back, &len2);
    ck_assert_ptr_nonnull(blob2);
    ck_assert(len2 == len && !memcmp(blob, blob2, len));
    /* and it runs the same */
    char *r1 = run_result(code), *r2 = run_result(back);
    ck_assert_str_eq(r1, r2);
    ck_assert_ptr_nonnull(strstr(r1, "123456789012345678901234567890123456789"));
    ck_assert_ptr_nonnull(strstr(r1, "'h\xc3\xa9llo \xe2\x98\x83 \xf0\x9d\x84\x9e'"));
    ck_assert_ptr_nonnull(strstr(r1, "-0.0, 1.5"));
    ck_assert_ptr_nonnull(strstr(r1, "(1j, (-0-1j), 0j, (-0-0j), 2.5e-300j, infj, (-0-infj), 3j)"));
    free(r1);
    free(r2);
    free(blob);
    free(blob2);
    kr_root_reset(vm, m);
}
END_TEST

START_TEST(test_stale_and_malformed)
{
    kr_value code = compile("def f(x):\n    return (x, 'two words', 2**80, 1.5, b'b')\nresult = f(1)\n", "<bad>");
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &code);
    size_t len;
    uint8_t *blob = kr_marshal_dump_code(vm, code, &len);
    ck_assert_ptr_nonnull(blob);
    bool stale;
    /* another magic: stale, no exception (the caller compiles the source) */
    blob[0] ^= 0x55;
    ck_assert(kr_marshal_load_code(vm, blob, len, &stale) == KR_NULL);
    ck_assert(stale && !kr_err_occurred(vm));
    blob[0] ^= 0x55;
    ck_assert(kr_marshal_load_code(vm, blob, 3, &stale) == KR_NULL && stale);
    /* every truncation is refused with ValueError (or kr_code_new's SystemError), never a crash */
    for (size_t n = 4; n < len; n++) {
        ck_assert_msg(kr_marshal_load_code(vm, blob, n, &stale) == KR_NULL, "truncated at %zu loaded", n);
        ck_assert(!stale && kr_err_occurred(vm));
        ck_assert(kr_err_matches(vm, KR_EXC(vm, ValueError)) || kr_err_matches(vm, KR_EXC(vm, SystemError)));
        kr_err_clear(vm);
    }
    /* trailing garbage */
    uint8_t *longer = malloc(len + 1);
    memcpy(longer, blob, len);
    longer[len] = 'N';
    ck_assert(kr_marshal_load_code(vm, longer, len + 1, &stale) == KR_NULL);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, ValueError)));
    kr_err_clear(vm);
    /* flipping any byte must not crash: it loads (a different but valid code object) or is refused */
    for (size_t i = 4; i < len; i++) {
        uint8_t *bad = malloc(len);
        memcpy(bad, blob, len);
        bad[i] ^= 0xa5;
        kr_value v = kr_marshal_load_code(vm, bad, len, &stale);
        ck_assert(v != KR_NULL || kr_err_occurred(vm));
        kr_err_clear(vm);
        free(bad);
    }
    /* the intact blob still loads */
    kr_value ok = kr_marshal_load_code(vm, blob, len, &stale);
    ck_assert(ok != KR_NULL);
    free(longer);
    free(blob);
    kr_root_reset(vm, m);
}
END_TEST

START_TEST(test_frozen_modules_match_source)
{
    size_t n = 0;
    for (const kr_frozen_module *f = kr_frozen_modules; f->name; f++, n++) {
        char filename[256];
        snprintf(filename, sizeof filename, "<frozen %s>", f->name);
        kr_value src_code = kr_compile_source(vm, f->source, f->size, filename, KR_PARSE_FILE);
        ck_assert_msg(src_code != KR_NULL, "%s does not compile", f->name);
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &src_code);
        /* the precompiled code exists for every module and is loaded instead of the source */
        ck_assert(n < kr_frozen_code_count);
        ck_assert_str_eq(kr_frozen_codes[n].name, f->name);
        ck_assert(vm->config.frozen_code == 1);
        kr_value blob_code = kr_import_frozen_code(vm, f, filename);
        ck_assert_msg(blob_code != KR_NULL, "%s: precompiled code does not load", f->name);
        kr_root_push(vm, &blob_code);
        same_code(src_code, blob_code, f->name);
        /* with frozen_code off, the same function compiles the source */
        vm->config.frozen_code = 0;
        kr_value again = kr_import_frozen_code(vm, f, filename);
        vm->config.frozen_code = 1;
        ck_assert(again != KR_NULL);
        kr_root_push(vm, &again);
        same_code(src_code, again, f->name);
        kr_root_reset(vm, m);
    }
    ck_assert(n > 10);
    ck_assert(n == kr_frozen_code_count);
}
END_TEST

static Suite *marshal_suite(void)
{
    Suite *s = suite_create("marshal");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_roundtrip_every_kind);
    tcase_add_test(tc, test_stale_and_malformed);
    tcase_add_test(tc, test_frozen_modules_match_source);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(marshal_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
