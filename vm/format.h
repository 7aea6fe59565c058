/* format.h: vm/format.c beyond object.h: str.format/format_map and the parsed format spec. */
#ifndef KRAIT_FORMAT_H
#define KRAIT_FORMAT_H

#include "kr.h"

/* The arguments of str.format / format_map: positional values, keyword names (a tuple of str) with their
 * values, or a mapping (format_map) looked up with kr_getitem. Unused members are zero. */
typedef struct kr_format_args {
    const kr_value *pos;
    int npos;
    kr_value kwnames;        /* tuple of str or KR_NULL */
    const kr_value *kwvals;  /* one value per kwnames entry */
    kr_value mapping;        /* format_map's mapping or KR_NULL */
} kr_format_args;

/* fmt.format(*args, **kwargs) / fmt.format_map(mapping): the full replacement-field syntax. */
kr_value kr_format_markup(kr_vm *vm, kr_value fmt, const kr_format_args *args);

/* A parsed standard format specifier ([[fill]align][sign][z][#][0][width][grouping][.precision][type]). */
typedef struct kr_format_spec {
    uint32_t fill;
    char align;        /* '<' '>' '^' '=' */
    char sign;         /* 0, '+', '-', ' ' */
    bool no_neg_0;     /* 'z' */
    bool alt;          /* '#' */
    char grouping;     /* 0, ',', '_' */
    int64_t width;     /* -1: none */
    int64_t precision; /* -1: none */
    uint32_t type;     /* 0: none */
} kr_format_spec;

/* format(v, spec) appended to sb when v is an exact int, float or str, whose __format__ cannot be
 * overridden (no lookup, no call, no intermediate str): 1 done, -1 error raised, 0 v is of another type
 * (nothing appended; use kr_format). */
int kr_format_builtin_to_sb(kr_vm *vm, kr_sb *sb, kr_value v, const char *spec, size_t spec_len);

/* Parses spec for an object of type `tname` with the given defaults; -1 + ValueError on error. */
int kr_format_parse_spec(kr_vm *vm, const char *spec, size_t n, const char *tname, uint32_t default_type,
                         char default_align, kr_format_spec *out);

#endif
