/* test_weakref.c: the collector's invariants for weak references (vm/weakref.h), through the VM's
 * internal API: a referent reachable only through weak references is collected by a minor or a major
 * collection and its references cleared; a strongly reachable one survives both; callbacks run after
 * the collection, in CPython's order, with every reference already cleared; a reference that dies
 * first is unlinked and calls nothing; a __del__ sees the references cleared. */
#include <check.h>
#include <stdlib.h>

#include "vm/compile.h"
#include "vm/interp.h"
#include "vm/kr.h"
#include "vm/list.h"
#include "vm/weakref.h"

/* Runs src in a fresh globals dict and returns it (the caller roots it). */
static kr_value run_py(kr_vm *vm, const char *src)
{
    kr_value code = kr_compile_source(vm, src, strlen(src), "<test>", KR_PARSE_FILE);
    ck_assert(code != KR_NULL);
    kr_value g = kr_dict_new(vm);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &g);
    kr_root_push(vm, &code);
    kr_value r = kr_interp_run_code(vm, code, g, KR_NULL);
    kr_root_reset(vm, m);
    ck_assert(r != KR_NULL);
    return g;
}

static kr_value global(kr_vm *vm, kr_value g, const char *name)
{
    kr_value v = kr_dict_get_cstr(vm, g, name);
    ck_assert_msg(v != KR_NULL, "no global %s", name);
    return v;
}

static int64_t weak_count(kr_vm *vm, kr_value obj)
{
    int64_t n = 0;
    for (kr_value w = kr_weakref_first(vm, obj); w; w = KR_VAL(KR_AS(kr_weakref, w)->next))
        n++;
    return n;
}

START_TEST(test_weak_only_referent_is_collected_by_major_and_minor)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_value s = kr_set_new(vm, false), w = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &w);
    w = kr_weakref_new(vm, s, KR_NULL);
    ck_assert(w != KR_NULL);
    ck_assert(kr_weakref_get(w) == s);
    ck_assert(kr_weakref_first(vm, s) == w);
    ck_assert(kr_weakref_new(vm, s, KR_NULL) == w); /* the basic reference is shared */
    uint64_t freed = vm->gc.objects_freed;
    kr_gc_collect(vm);
    ck_assert(kr_weakref_get(w) == KR_NULL);
    ck_assert_uint_gt(vm->gc.objects_freed, freed);
    /* the same through a minor collection: the set is young, the reference too */
    kr_value w2 = KR_NULL;
    kr_root_push(vm, &w2);
    s = kr_set_new(vm, false);
    w2 = kr_weakref_new(vm, s, KR_NULL);
    ck_assert(kr_is_ptr(s) && KR_OBJ(s)->gc_mark == 0);
    kr_gc_collect_minor(vm);
    ck_assert(kr_weakref_get(w2) == KR_NULL);
    /* an object made afterwards, possibly at the freed set's address, has no reference */
    for (int i = 0; i < 64; i++)
        ck_assert(kr_weakref_first(vm, kr_set_new(vm, false)) == KR_NULL);
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

START_TEST(test_strong_referent_survives_minor_and_major)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_value s = kr_set_new(vm, false), w = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &s);
    kr_root_push(vm, &w);
    w = kr_weakref_new(vm, s, KR_NULL);
    kr_gc_collect_minor(vm);
    ck_assert(kr_weakref_get(w) == s);
    kr_gc_collect(vm);
    ck_assert(kr_weakref_get(w) == s);
    kr_gc_collect_minor(vm);
    ck_assert(kr_weakref_get(w) == s);
    ck_assert(kr_weakref_first(vm, s) == w);
    /* dropped while old: a minor collection never frees it, the next major one does */
    kr_value keep = s;
    s = KR_NULL;
    kr_gc_collect_minor(vm);
    ck_assert(kr_weakref_get(w) == keep);
    kr_gc_collect(vm);
    ck_assert(kr_weakref_get(w) == KR_NULL);
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

/* Callbacks: queued by the collection, run by kr_gc_run_finalizers (the safepoint's or gc.collect's),
 * per referent in CPython's list order (the newest callback first), the references already cleared
 * when the first runs; an exception is reported and does not stop the others. */
START_TEST(test_callbacks_run_after_collection_in_order)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_value g = run_py(vm, "import _weakref\n"
                            "log = []\n"
                            "class C: pass\n"
                            "refs = []\n"
                            "def cb(tag):\n"
                            "    def f(w):\n"
                            "        log.append((tag, w(), [r() for r in refs], w.__callback__))\n"
                            "    return f\n"
                            "def make():\n"
                            "    a, b = C(), C()\n"
                            "    refs.append(_weakref.ref(a, cb('a1')))\n"
                            "    refs.append(_weakref.ref(a, cb('a2')))\n"
                            "    refs.append(_weakref.ref(b, cb('b1')))\n"
                            "    refs.append(_weakref.ref(a))\n"
                            "    return [a, b]\n"
                            "keep = make()\n");
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &g);
    kr_value keep = global(vm, g, "keep"), log = global(vm, g, "log");
    kr_value a = kr_list_items(keep)[0];
    ck_assert_int_eq(weak_count(vm, a), 3);
    /* the basic reference (no callback) heads the list, then the newest callback first */
    ck_assert(KR_AS(kr_weakref, kr_weakref_first(vm, a))->callback == KR_NULL);
    ck_assert(kr_dict_set_cstr(vm, g, "keep", KR_NONE) == 0);
    kr_gc_collect(vm);
    ck_assert_int_eq(kr_list_size(log), 0); /* not inside the collection */
    kr_gc_run_finalizers(vm);
    ck_assert_int_eq(kr_list_size(log), 3);
    const char *order[] = {"a2", "a1", "b1"};
    for (int i = 0; i < 3; i++) {
        kr_value e = kr_list_items(log)[i];
        ck_assert_str_eq(kr_str_data(kr_tuple_items(e)[0]), order[i]);
        ck_assert(kr_tuple_items(e)[1] == KR_NONE);
        kr_value seen = kr_tuple_items(e)[2];
        for (int64_t k = 0; k < kr_list_size(seen); k++)
            ck_assert(kr_list_items(seen)[k] == KR_NONE);
        ck_assert(kr_tuple_items(e)[3] == KR_NONE); /* __callback__ is None once it ran */
    }
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

/* A reference that dies before its referent is unlinked from the referent's list by the collection
 * that frees it, and its callback never runs, in a minor collection as in a major one. */
START_TEST(test_dead_reference_is_unlinked_without_callback)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_value g = run_py(vm, "import _weakref\n"
                            "log = []\n"
                            "class C: pass\n"
                            "obj = C()\n"
                            "def make():\n"
                            "    _weakref.ref(obj, lambda w: log.append('dead ref called'))\n"
                            "    return _weakref.ref(obj, lambda w: log.append('kept'))\n"
                            "kept = make()\n");
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &g);
    kr_value obj = global(vm, g, "obj");
    ck_assert_int_eq(weak_count(vm, obj), 2);
    kr_gc_collect_minor(vm);
    ck_assert_int_eq(weak_count(vm, obj), 1);
    ck_assert(kr_weakref_first(vm, obj) == global(vm, g, "kept"));
    run_py(vm, "import _weakref\nclass C: pass\n_weakref.ref(C, print)\n"); /* made and dropped */
    kr_gc_collect(vm);
    ck_assert(kr_dict_set_cstr(vm, g, "obj", KR_NONE) == 0);
    kr_gc_collect(vm);
    kr_gc_run_finalizers(vm);
    kr_value log = global(vm, g, "log");
    ck_assert_int_eq(kr_list_size(log), 1);
    ck_assert_str_eq(kr_str_data(kr_list_items(log)[0]), "kept");
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

/* As CPython's cyclic collector: a __del__ runs after the references to its object were cleared
 * (even though it resurrects the object), and after their callbacks. */
START_TEST(test_finalizer_sees_references_cleared)
{
    kr_vm *vm = kr_vm_new(NULL);
    kr_value g = run_py(vm, "import _weakref\n"
                            "log = []\n"
                            "saved = []\n"
                            "class D:\n"
                            "    def __del__(self):\n"
                            "        log.append(('del', r()))\n"
                            "        saved.append(self)\n"
                            "def make():\n"
                            "    d = D()\n"
                            "    return _weakref.ref(d, lambda w: log.append(('cb', w())))\n"
                            "r = make()\n");
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &g);
    kr_gc_collect(vm);
    kr_gc_run_finalizers(vm);
    kr_value log = global(vm, g, "log");
    ck_assert_int_eq(kr_list_size(log), 2);
    ck_assert_str_eq(kr_str_data(kr_tuple_items(kr_list_items(log)[0])[0]), "cb");
    ck_assert_str_eq(kr_str_data(kr_tuple_items(kr_list_items(log)[1])[0]), "del");
    ck_assert(kr_tuple_items(kr_list_items(log)[0])[1] == KR_NONE);
    ck_assert(kr_tuple_items(kr_list_items(log)[1])[1] == KR_NONE);
    /* resurrected: alive, with no reference; a new one works */
    kr_value saved = global(vm, g, "saved");
    ck_assert_int_eq(kr_list_size(saved), 1);
    kr_value d = kr_list_items(saved)[0];
    ck_assert(kr_weakref_first(vm, d) == KR_NULL);
    kr_value w = kr_weakref_new(vm, d, KR_NULL);
    kr_root_push(vm, &w);
    kr_gc_collect(vm);
    ck_assert(kr_weakref_get(w) == d);
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

/* Many referents dying in an arbitrary pattern: the referent table (open addressing, entries removed
 * by shifting) still finds every survivor's list, and only them. */
START_TEST(test_many_referents)
{
    kr_vm *vm = kr_vm_new(NULL);
    enum { N = 5000 };
    kr_value objs = kr_list_new(vm, 0), refs = kr_list_new(vm, 0);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &objs);
    kr_root_push(vm, &refs);
    for (int i = 0; i < N; i++) {
        kr_value s = kr_set_new(vm, i % 2 == 0);
        ck_assert_int_eq(kr_list_append(vm, objs, s), 0);
        ck_assert_int_eq(kr_list_append(vm, refs, kr_weakref_new(vm, s, KR_NULL)), 0);
    }
    for (int round = 0; round < 3; round++) {
        /* drop every object whose index has bit `round` set and is still there */
        for (int i = 0; i < N; i++)
            if ((i >> round) & 1 && (i * 7919) % 3 != 0)
                kr_list_items(objs)[i] = KR_NONE;
        if (round == 1)
            kr_gc_collect_minor(vm); /* all old by now: frees nothing */
        kr_gc_collect(vm);
        for (int i = 0; i < N; i++) {
            kr_value o = kr_list_items(objs)[i], w = kr_list_items(refs)[i];
            if (o == KR_NONE) {
                ck_assert(kr_weakref_get(w) == KR_NULL);
            } else {
                ck_assert(kr_weakref_get(w) == o);
                ck_assert(kr_weakref_first(vm, o) == w);
            }
        }
    }
    kr_root_reset(vm, m);
    kr_vm_free(vm);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("weakref");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_weak_only_referent_is_collected_by_major_and_minor);
    tcase_add_test(tc, test_strong_referent_survives_minor_and_major);
    tcase_add_test(tc, test_callbacks_run_after_collection_in_order);
    tcase_add_test(tc, test_dead_reference_is_unlinked_without_callback);
    tcase_add_test(tc, test_finalizer_sees_references_cleared);
    tcase_add_test(tc, test_many_referents);
    tcase_set_timeout(tc, 30);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
