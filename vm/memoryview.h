/* memoryview.h: vm/memoryview.c: the buffer protocol's consumers and the memoryview type.
 *
 * An object exports its bytes through its type's `getbuffer` slot (vm/object.h, kr_buffer): bytes,
 * bytearray, memoryview (a C-contiguous view only) and array.array. Krait has no reference counts,
 * so it cannot know when the last view of a bytearray goes away: exporting never locks an object's
 * size (as in PyPy). A memoryview therefore keeps its exporter and a byte offset, not a pointer, and
 * checks its extent against the exporter's current buffer on every access; a view of a whole object
 * follows its length. */
#ifndef KRAIT_MEMORYVIEW_H
#define KRAIT_MEMORYVIEW_H

#include "kr.h"

#define KR_MV_MAX_NDIM 64

typedef struct kr_memoryview {
    kr_object ob;
    kr_value obj;       /* the exporter (never a memoryview: views of views share the base object) */
    int64_t offset;     /* byte offset of the first item in the exporter's buffer */
    int64_t itemsize;
    int64_t hash;       /* -1 until computed (read-only views only) */
    int32_t ndim;
    uint8_t readonly;
    uint8_t released;
    /* A 1-D view of the whole exporter: its length follows the exporter's size. */
    uint8_t follows;
    char format[7];     /* a native single-character struct format, with '@' if it was given one */
    int64_t dims[];     /* shape[ndim], then strides[ndim] (bytes) */
} kr_memoryview;

void kr_memoryview_init(kr_vm *vm); /* phase 1: vm->t.memoryview */
bool kr_is_memoryview(kr_vm *vm, kr_value v);
kr_value kr_memoryview_new(kr_vm *vm, kr_value obj); /* memoryview(obj) */
/* The bytes a buffer-exporting object holds, in C order (a non-contiguous memoryview is gathered),
 * appended to sb: bytes(x) and bytearray(x). 1 when done, 0 when x exports no buffer, -1 on error. */
int kr_buffer_append_to(kr_vm *vm, kr_value x, kr_sb *sb);

#endif
