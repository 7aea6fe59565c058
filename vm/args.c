/* args.c: argument parsing for C functions with CPython's messages (part of the abstract layer).
 * fname is the bare function name as CPython prints it ("len", "list.append", "int"). */
#include <string.h>

#include "kr.h"

int kr_args_no_kw(kr_vm *vm, const char *fname, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames) > 0)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() takes no keyword arguments", fname);
    return 0;
}

int kr_args_count(kr_vm *vm, const char *fname, int nargs, int min, int max)
{
    if (nargs >= min && (max < 0 || nargs <= max))
        return 0;
    if (max == 0)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() takes no arguments (%d given)", fname, nargs);
    if (min == 1 && max == 1)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() takes exactly one argument (%d given)", fname, nargs);
    if (min == max)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s expected %d argument%s, got %d", fname, min,
                          min == 1 ? "" : "s", nargs);
    if (nargs < min)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s expected at least %d argument%s, got %d", fname, min,
                          min == 1 ? "" : "s", nargs);
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s expected at most %d argument%s, got %d", fname, max,
                      max == 1 ? "" : "s", nargs);
}

int kr_args_parse(kr_vm *vm, const char *fname, kr_value *args, int nargs, kr_value kwnames,
                  const char *const *names, int n, int required, int posonly, kr_value *out)
{
    for (int i = 0; i < n; i++)
        out[i] = KR_NULL;
    if (nargs > n) {
        if (n == 0)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() takes no arguments (%d given)", fname, nargs);
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() takes %s %d argument%s (%d given)", fname,
                          required == n ? "exactly" : "at most", n, n == 1 ? "" : "s", nargs);
    }
    for (int i = 0; i < nargs; i++)
        out[i] = args[i];
    int nkw = kwnames ? (int)kr_tuple_size(kwnames) : 0;
    for (int k = 0; k < nkw; k++) {
        kr_value key = kr_tuple_items(kwnames)[k];
        const char *ks = kr_str_data(key);
        int j = 0;
        while (j < n && strcmp(names[j], ks) != 0)
            j++;
        if (j == n)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() got an unexpected keyword argument '%s'", fname, ks);
        if (j < posonly)
            return kr_raise_i(vm, KR_EXC(vm, TypeError),
                              "%s() got some positional-only arguments passed as keyword arguments: '%s'", fname, ks);
        if (out[j])
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "argument for %s() given by name ('%s') and position (%d)",
                              fname, ks, j + 1);
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < required; i++)
        if (!out[i]) {
            if (i < posonly || i < nargs)
                return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() takes %s %d argument%s (%d given)", fname,
                                  required == n ? "exactly" : "at least", required, required == 1 ? "" : "s", nargs);
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() missing required argument '%s' (pos %d)", fname,
                              names[i], i + 1);
        }
    return 0;
}
