/* suggestmodule.c: the _suggestions module, which Lib/traceback.py uses for the "Did you mean" hints of
 * formatted exceptions (vm/suggest.c computes them; the uncaught-exception printer uses it directly).
 *   _generate_suggestions(candidates, name): CPython 3.13's: the closest str of the list, or None.
 *   _hint(exc, with_tb): Krait's: the text CPython's TracebackException appends to exc's message
 *       (". Did you mean: 'x'?", ". Did you forget to import 'm'?") or ''; with_tb: formatted with its
 *       traceback, so the names of the frame it was raised in count. Krait's tracebacks keep no
 *       frames: the exception carries what the hint needs of that frame (kr_suggest_capture_frame). */
#include "../vm/init.h"
#include "../vm/suggest.h"

static kr_value suggestions_generate(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "_generate_suggestions", nargs, 2, 2) < 0 ||
        kr_args_no_kw(vm, "_generate_suggestions", kwnames) < 0)
        return KR_NULL;
    if (!kr_is_ptr(args[0]) || KR_OBJ(args[0])->type != vm->t.list)
        return kr_raise(vm, KR_EXC(vm, TypeError), "_generate_suggestions() argument 1 must be list, not %s",
                        kr_typename(vm, args[0]));
    if (!kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "_generate_suggestions() argument 2 must be str, not %s",
                        kr_typename(vm, args[1]));
    kr_value r = kr_suggest_closest(vm, args[0], args[1]);
    return r ? r : KR_NONE;
}

static kr_value suggestions_hint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "_hint", nargs, 2, 2) < 0 || kr_args_no_kw(vm, "_hint", kwnames) < 0)
        return KR_NULL;
    int with_frame = kr_truthy(vm, args[1]);
    if (with_frame < 0)
        return KR_NULL;
    char buf[256];
    buf[0] = 0;
    if (kr_exc_is_instance(vm, args[0]))
        kr_suggest_message(vm, args[0], with_frame, buf, sizeof buf);
    return kr_str_from_cstr(vm, buf);
}

static const kr_method_def suggestions_functions[] = {
    {"_generate_suggestions", suggestions_generate, KR_METH_STATIC, NULL},
    {"_hint", suggestions_hint, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_suggestions_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_suggestions");
    if (!m || kr_module_add_functions(vm, m, suggestions_functions) < 0)
        return KR_NULL;
    return m;
}
