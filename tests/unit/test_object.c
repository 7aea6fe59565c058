/* test_object.c: the object model through the kr_* API of a whole VM: class creation (C3 MRO and its
 * errors, layout conflicts), shapes (sharing, slot indexes, dict mode), attribute protocol messages,
 * builtin subclasses with attributes, the repr recursion guard, operator errors, exceptions. */
#include <check.h>
#include <string.h>

#include "vm/abstract.h"
#include "vm/exc.h"
#include "vm/instance.h"
#include "vm/kr.h"
#include "vm/type.h"

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

#define ROOT(v) kr_root_push(vm, &(v))

static kr_value S(const char *s) { return kr_str_from_cstr(vm, s); }

static kr_value mkclass(const char *name, int nb, kr_value *bases)
{
    kr_value b = kr_tuple_from_array(vm, bases, nb);
    kr_value a[3] = {S(name), b, kr_dict_new(vm)};
    return kr_call(vm, KR_VAL(vm->t.type), a, 3, KR_NULL);
}

/* The pending exception's "Type: message", cleared. */
static const char *err_text(void)
{
    static char buf[512];
    kr_value e = kr_err_fetch(vm);
    ck_assert(e != KR_NULL);
    kr_value s = kr_tostr(vm, e);
    snprintf(buf, sizeof buf, "%s: %s", kr_typename(vm, e), s ? kr_str_data(s) : "?");
    return buf;
}

static const char *repr_text(kr_value v)
{
    static char buf[512];
    kr_value r = kr_repr(vm, v);
    ck_assert(r != KR_NULL);
    snprintf(buf, sizeof buf, "%s", kr_str_data(r));
    return buf;
}

START_TEST(test_builtin_wrappers)
{
    ck_assert_str_eq(repr_text(kr_getattr_cstr(vm, KR_VAL(vm->t.int_), "__add__")), "<slot wrapper '__add__' of 'int' objects>");
    ck_assert_str_eq(repr_text(kr_getattr_cstr(vm, KR_VAL(vm->t.object), "__init__")), "<slot wrapper '__init__' of 'object' objects>");
    ck_assert_str_eq(repr_text(kr_getattr_cstr(vm, KR_VAL(vm->t.list), "append")), "<method 'append' of 'list' objects>");
    ck_assert_str_eq(repr_text(KR_VAL(kr_type_of(vm, KR_NONE))), "<class 'NoneType'>");
    kr_value add = kr_getattr_cstr(vm, kr_small(2), "__add__");
    ROOT(add);
    ck_assert(kr_call1(vm, add, kr_small(3)) == kr_small(5));
    /* unbound method descriptor type check */
    kr_value append = kr_getattr_cstr(vm, KR_VAL(vm->t.list), "append");
    ROOT(append);
    kr_value args[2] = {kr_small(1), kr_small(2)};
    ck_assert(kr_call(vm, append, args, 2, KR_NULL) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
}
END_TEST

START_TEST(test_mro)
{
    kr_value A = mkclass("A", 0, NULL);
    ROOT(A);
    kr_value B = mkclass("B", 1, &A);
    ROOT(B);
    kr_value C = mkclass("C", 1, &A);
    ROOT(C);
    kr_value bc[2] = {B, C};
    kr_value D = mkclass("D", 2, bc);
    ROOT(D);
    ck_assert_str_eq(repr_text(kr_getattr_cstr(vm, D, "__mro__")),
                     "(<class '__main__.D'>, <class '__main__.B'>, <class '__main__.C'>, <class '__main__.A'>, <class 'object'>)");
    kr_value ab[2] = {A, B};
    ck_assert(mkclass("X", 2, ab) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: Cannot create a consistent method resolution order (MRO) for bases A, B");
    kr_value is[2] = {KR_VAL(vm->t.int_), KR_VAL(vm->t.str)};
    ck_assert(mkclass("X", 2, is) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: multiple bases have instance lay-out conflict");
    kr_value aa[2] = {A, A};
    ck_assert(mkclass("X", 2, aa) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: duplicate base class A");
    ck_assert_int_eq(kr_issubclass(vm, D, A), 1);
    ck_assert_int_eq(kr_issubclass(vm, A, D), 0);
}
END_TEST

START_TEST(test_shapes)
{
    kr_value A = mkclass("A", 0, NULL);
    ROOT(A);
    kr_value a1 = kr_call0(vm, A), a2 = KR_NULL;
    ROOT(a1);
    ROOT(a2);
    a2 = kr_call0(vm, A);
    kr_value x = kr_intern(vm, "x"), y = kr_intern(vm, "y");
    ck_assert_int_eq(kr_setattr(vm, a1, x, kr_small(1)), 0);
    ck_assert_int_eq(kr_setattr(vm, a1, y, kr_small(2)), 0);
    ck_assert_int_eq(kr_setattr(vm, a2, x, kr_small(3)), 0);
    ck_assert_int_eq(kr_setattr(vm, a2, y, kr_small(4)), 0);
    ck_assert_ptr_eq(kr_instance_shape(a1), kr_instance_shape(a2));
    ck_assert_int_eq(kr_shape_lookup(kr_instance_shape(a1), x), 0);
    ck_assert_int_eq(kr_shape_lookup(kr_instance_shape(a1), y), 1);
    ck_assert(kr_instance_slots(a2)[1] == kr_small(4));
    ck_assert(kr_getattr(vm, a2, y) == kr_small(4));
    /* deleting switches to dict mode */
    ck_assert_int_eq(kr_delattr(vm, a2, x), 0);
    ck_assert_ptr_null(kr_instance_shape(a2));
    ck_assert(kr_getattr(vm, a2, y) == kr_small(4));
    ck_assert(kr_getattr(vm, a2, x) == KR_NULL);
    ck_assert_str_eq(err_text(), "AttributeError: 'A' object has no attribute 'x'");
    ck_assert_str_eq(repr_text(kr_getattr_cstr(vm, a1, "__dict__")), "{'x': 1, 'y': 2}");
    /* many attributes: dict mode past the limit */
    kr_value a3 = kr_call0(vm, A);
    ROOT(a3);
    for (int i = 0; i < KR_SHAPE_MAX_ATTRS + 5; i++) {
        char name[16];
        snprintf(name, sizeof name, "a%d", i);
        ck_assert_int_eq(kr_setattr(vm, a3, kr_intern(vm, name), kr_small(i)), 0);
    }
    ck_assert(kr_getattr_cstr(vm, a3, "a66") == kr_small(66));
    kr_gc_collect(vm);
    ck_assert(kr_getattr(vm, a1, y) == kr_small(2));
}
END_TEST

START_TEST(test_attribute_errors)
{
    kr_value A = mkclass("A", 0, NULL);
    ROOT(A);
    ck_assert(kr_getattr_cstr(vm, A, "nope") == KR_NULL);
    ck_assert_str_eq(err_text(), "AttributeError: type object 'A' has no attribute 'nope'");
    ck_assert_int_eq(kr_setattr(vm, kr_small(1), kr_intern(vm, "x"), kr_small(2)), -1);
    ck_assert_str_eq(err_text(), "AttributeError: 'int' object has no attribute 'x' and no __dict__ for setting new attributes");
    ck_assert_int_eq(kr_setattr(vm, KR_VAL(vm->t.int_), kr_intern(vm, "x"), kr_small(2)), -1);
    ck_assert_str_eq(err_text(), "TypeError: cannot set 'x' attribute of immutable type 'int'");
    ck_assert(kr_call1(vm, A, kr_small(1)) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: A() takes no arguments");
    /* builtin containers declare attrs_offset for their subclasses only */
    kr_value l = kr_list_new(vm, 0);
    ROOT(l);
    ck_assert_int_eq(kr_setattr(vm, l, kr_intern(vm, "x"), kr_small(2)), -1);
    ck_assert_str_eq(err_text(), "AttributeError: 'list' object has no attribute 'x' and no __dict__ for setting new attributes");
    kr_value u = kr_binary_op(vm, KR_OP_OR, KR_VAL(vm->t.int_), KR_NONE);
    ck_assert(u != KR_NULL);
    ck_assert_str_eq(repr_text(u), "int | None");
    ck_assert_str_eq(repr_text(kr_getitem(vm, KR_VAL(vm->t.list), KR_VAL(vm->t.int_))), "list[int]");
}
END_TEST

START_TEST(test_builtin_subclasses)
{
    const kr_type *bases[] = {vm->t.list, vm->t.tuple, vm->t.int_, vm->t.dict, KR_EXC(vm, ValueError)};
    for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
        kr_value b = KR_VAL(bases[i]);
        kr_value C = mkclass("C", 1, &b);
        ck_assert(C != KR_NULL);
        ROOT(C);
        kr_value inst = kr_call0(vm, C);
        ck_assert(inst != KR_NULL);
        ROOT(inst);
        ck_assert_int_eq(kr_setattr(vm, inst, kr_intern(vm, "tag"), kr_small((int64_t)i)), 0);
        kr_gc_collect(vm);
        ck_assert(kr_getattr_cstr(vm, inst, "tag") == kr_small((int64_t)i));
        ck_assert_int_eq(kr_isinstance(vm, inst, b), 1);
    }
}
END_TEST

START_TEST(test_protocol_errors)
{
    kr_value l = kr_list_new(vm, 0);
    ROOT(l);
    kr_list_append(vm, l, kr_small(1));
    kr_list_append(vm, l, l);
    ck_assert_str_eq(repr_text(l), "[1, [...]]");
    ck_assert(kr_binary_op(vm, KR_OP_ADD, kr_small(1), S("a")) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    ck_assert(kr_richcompare(vm, kr_small(1), S("a"), KR_CMP_LT) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: '<' not supported between instances of 'int' and 'str'");
    ck_assert(kr_unary_op(vm, KR_UNARY_NEG, S("a")) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: bad operand type for unary -: 'str'");
    ck_assert_int_eq(kr_hash(vm, l), -1);
    ck_assert_str_eq(err_text(), "TypeError: unhashable type: 'list'");
    ck_assert(kr_call0(vm, kr_small(1)) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: 'int' object is not callable");
    ck_assert(kr_iter(vm, kr_small(1)) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: 'int' object is not iterable");
    ck_assert(kr_getitem(vm, kr_small(1), kr_small(0)) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: 'int' object is not subscriptable");
    ck_assert_int_eq(kr_isinstance(vm, kr_small(1), kr_small(1)), -1);
    ck_assert_str_eq(err_text(), "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    ck_assert_int_eq(kr_truthy(vm, KR_NONE), 0);
    ck_assert_int_eq(kr_eq(vm, l, l), 1);
}
END_TEST

START_TEST(test_exceptions)
{
    kr_value a = S("boom");
    ROOT(a);
    kr_value e = kr_exc_new(vm, KR_EXC(vm, ValueError), &a, 1);
    ROOT(e);
    ck_assert_str_eq(repr_text(e), "ValueError('boom')");
    kr_value k = kr_exc_new(vm, KR_EXC(vm, KeyError), &a, 1);
    ROOT(k);
    ck_assert_str_eq(kr_str_data(kr_tostr(vm, k)), "'boom'");
    kr_value oa[3] = {kr_small(2), S("No such file or directory"), S("x")};
    kr_value o = kr_exc_new(vm, KR_EXC(vm, OSError), oa, 3);
    ROOT(o);
    ck_assert_str_eq(kr_typename(vm, o), "FileNotFoundError");
    ck_assert_str_eq(kr_str_data(kr_tostr(vm, o)), "[Errno 2] No such file or directory: 'x'");
    ck_assert(kr_raise_value(vm, kr_small(3)) == KR_NULL);
    ck_assert_str_eq(err_text(), "TypeError: exceptions must derive from BaseException");
    kr_raise_nomemory(vm);
    ck_assert(vm->exc == vm->memory_error);
    kr_err_clear(vm);
}
END_TEST

static Suite *object_suite(void)
{
    Suite *s = suite_create("object");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_builtin_wrappers);
    tcase_add_test(tc, test_mro);
    tcase_add_test(tc, test_shapes);
    tcase_add_test(tc, test_attribute_errors);
    tcase_add_test(tc, test_builtin_subclasses);
    tcase_add_test(tc, test_protocol_errors);
    tcase_add_test(tc, test_exceptions);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(object_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
