/* struct.h: stdlib/struct.c's API beyond its module (for tests and tools). */
#ifndef KRAIT_STRUCT_H
#define KRAIT_STRUCT_H

#include "../vm/kr.h"

/* One compiled format item: `repeat` items of format char `fmt`, `size` bytes each, the first at
 * `offset` ('s' and 'p': one item of `size` bytes; 'x' padding makes no code). */
typedef struct kr_struct_code {
    char fmt;
    int64_t offset;
    int64_t size;
    int64_t repeat;
} kr_struct_code;

/* The compiled layout of a _struct.Struct: its codes (valid while s lives), their count, the packed
 * size and the number of values. NULL when s is not a Struct. */
const kr_struct_code *kr_struct_layout(kr_vm *vm, kr_value s, int64_t *ncodes, int64_t *size, int64_t *len);

#endif
