/* localemodule.c: _locale, the C library's locale calls behind stdlib/lib/locale.py.
 *
 * setlocale(category, locale=None) returns the new (or current) setting, or None when the C library
 * rejects it (locale.py raises locale.Error); localeconv() returns CPython's dict (grouping strings as
 * lists ending in 0 or CHAR_MAX); nl_langinfo(item) returns one langinfo string. Creating the module
 * does what CPython does at interpreter start-up: LC_CTYPE is taken from the environment
 * (setlocale(LC_CTYPE, "")), so getlocale() and the codeset describe the user's locale. */
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "../vm/init.h"
#include "../vm/str.h"

static kr_value loc_str(kr_vm *vm, const char *s)
{
    if (!s)
        s = "";
    return kr_str_decode(vm, (const uint8_t *)s, strlen(s), "utf-8", "surrogateescape");
}

static int loc_int_arg(kr_vm *vm, const char *fname, kr_value v, int *out)
{
    int64_t x;
    if (!kr_is_int(vm, v)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s(): argument must be int, not %s", fname, kr_typename(vm, v));
        return -1;
    }
    if (kr_int_to_i64(vm, v, &x) < 0)
        return -1;
    if (x < INT_MIN || x > INT_MAX) {
        kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

static kr_value loc_setlocale(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "setlocale", nargs, 1, 2) < 0 || kr_args_no_kw(vm, "setlocale", kwnames) < 0)
        return KR_NULL;
    int category;
    if (loc_int_arg(vm, "setlocale", args[0], &category) < 0)
        return KR_NULL;
    const char *r;
    if (nargs < 2 || args[1] == KR_NONE) {
        r = setlocale(category, NULL);
    } else {
        kr_value name = args[1];
        if (!kr_is_str(vm, name))
            return kr_raise(vm, KR_EXC(vm, TypeError), "setlocale() argument 2 must be str or None, not %s",
                            kr_typename(vm, name));
        size_t n = (size_t)kr_str_nbytes(name);
        if (memchr(kr_str_data(name), '\0', n))
            return kr_raise(vm, KR_EXC(vm, ValueError), "embedded null character");
        r = setlocale(category, kr_str_data(name)); /* kr_str data is NUL-terminated */
    }
    return r ? loc_str(vm, r) : KR_NONE;
}

/* A grouping string as CPython lists it: the group sizes up to and including the terminating 0 or
 * CHAR_MAX; an empty string gives []. */
static kr_value loc_grouping(kr_vm *vm, const char *s)
{
    kr_value list = kr_list_new(vm, 0);
    if (!list || !s || s[0] == '\0')
        return list;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (size_t i = 0;; i++) {
        if (kr_list_append(vm, list, kr_small((unsigned char)s[i])) < 0) {
            list = KR_NULL;
            break;
        }
        if (s[i] == '\0' || (unsigned char)s[i] == CHAR_MAX)
            break;
    }
    kr_root_reset(vm, mark);
    return list;
}

static kr_value loc_localeconv(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "localeconv", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "localeconv", kwnames) < 0)
        return KR_NULL;
    const struct lconv *lc = localeconv();
    kr_value d = kr_dict_new(vm);
    if (!d)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &d);
    const struct {
        const char *key;
        const char *val;
    } strs[] = {
        {"int_curr_symbol", lc->int_curr_symbol},     {"currency_symbol", lc->currency_symbol},
        {"mon_decimal_point", lc->mon_decimal_point}, {"mon_thousands_sep", lc->mon_thousands_sep},
        {"positive_sign", lc->positive_sign},         {"negative_sign", lc->negative_sign},
        {"decimal_point", lc->decimal_point},         {"thousands_sep", lc->thousands_sep},
    };
    const struct {
        const char *key;
        char val;
    } nums[] = {
        {"int_frac_digits", lc->int_frac_digits}, {"frac_digits", lc->frac_digits},
        {"p_cs_precedes", lc->p_cs_precedes},     {"p_sep_by_space", lc->p_sep_by_space},
        {"n_cs_precedes", lc->n_cs_precedes},     {"n_sep_by_space", lc->n_sep_by_space},
        {"p_sign_posn", lc->p_sign_posn},         {"n_sign_posn", lc->n_sign_posn},
    };
    int ok = 1;
    for (size_t i = 0; ok && i < sizeof strs / sizeof strs[0]; i++) {
        kr_value v = loc_str(vm, strs[i].val);
        ok = v && kr_dict_set_cstr(vm, d, strs[i].key, v) == 0;
    }
    for (size_t i = 0; ok && i < sizeof nums / sizeof nums[0]; i++)
        ok = kr_dict_set_cstr(vm, d, nums[i].key, kr_small((unsigned char)nums[i].val)) == 0;
    if (ok) {
        kr_value g = loc_grouping(vm, lc->mon_grouping);
        ok = g && kr_dict_set_cstr(vm, d, "mon_grouping", g) == 0;
    }
    if (ok) {
        kr_value g = loc_grouping(vm, lc->grouping);
        ok = g && kr_dict_set_cstr(vm, d, "grouping", g) == 0;
    }
    kr_root_reset(vm, mark);
    return ok ? d : KR_NULL;
}

static kr_value loc_nl_langinfo(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "nl_langinfo", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "nl_langinfo", kwnames) < 0)
        return KR_NULL;
    int item;
    if (loc_int_arg(vm, "nl_langinfo", args[0], &item) < 0)
        return KR_NULL;
    return loc_str(vm, nl_langinfo((nl_item)item));
}

static const kr_method_def locale_functions[] = {
    {"setlocale", loc_setlocale, KR_METH_STATIC, NULL},
    {"localeconv", loc_localeconv, KR_METH_STATIC, NULL},
    {"nl_langinfo", loc_nl_langinfo, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

#define LOC_C(name) {#name, (long)(name)}
static const struct {
    const char *name;
    long value;
} locale_constants[] = {
    LOC_C(LC_CTYPE), LOC_C(LC_COLLATE), LOC_C(LC_TIME), LOC_C(LC_MONETARY), LOC_C(LC_NUMERIC), LOC_C(LC_ALL),
    LOC_C(LC_MESSAGES), LOC_C(CHAR_MAX), LOC_C(CODESET), LOC_C(D_T_FMT), LOC_C(D_FMT), LOC_C(T_FMT),
    LOC_C(T_FMT_AMPM), LOC_C(AM_STR), LOC_C(PM_STR), LOC_C(DAY_1), LOC_C(DAY_2), LOC_C(DAY_3), LOC_C(DAY_4),
    LOC_C(DAY_5), LOC_C(DAY_6), LOC_C(DAY_7), LOC_C(ABDAY_1), LOC_C(ABDAY_2), LOC_C(ABDAY_3), LOC_C(ABDAY_4),
    LOC_C(ABDAY_5), LOC_C(ABDAY_6), LOC_C(ABDAY_7), LOC_C(MON_1), LOC_C(MON_2), LOC_C(MON_3), LOC_C(MON_4),
    LOC_C(MON_5), LOC_C(MON_6), LOC_C(MON_7), LOC_C(MON_8), LOC_C(MON_9), LOC_C(MON_10), LOC_C(MON_11),
    LOC_C(MON_12), LOC_C(ABMON_1), LOC_C(ABMON_2), LOC_C(ABMON_3), LOC_C(ABMON_4), LOC_C(ABMON_5),
    LOC_C(ABMON_6), LOC_C(ABMON_7), LOC_C(ABMON_8), LOC_C(ABMON_9), LOC_C(ABMON_10), LOC_C(ABMON_11),
    LOC_C(ABMON_12), LOC_C(RADIXCHAR), LOC_C(THOUSEP), LOC_C(YESEXPR), LOC_C(NOEXPR), LOC_C(CRNCYSTR),
    LOC_C(ERA), LOC_C(ERA_D_T_FMT), LOC_C(ERA_D_FMT), LOC_C(ERA_T_FMT), LOC_C(ALT_DIGITS),
};

kr_value kr_locale_module_create(kr_vm *vm)
{
    /* As CPython at start-up: the character type comes from the environment (ignored if invalid). */
    (void)setlocale(LC_CTYPE, "");
    kr_value m = kr_module_new(vm, "_locale");
    if (!m || kr_module_add_functions(vm, m, locale_functions) < 0)
        return KR_NULL;
    for (size_t i = 0; i < sizeof locale_constants / sizeof locale_constants[0]; i++)
        if (kr_module_add(vm, m, locale_constants[i].name, kr_small(locale_constants[i].value)) < 0)
            return KR_NULL;
    return m;
}
