/* bytes.h: vm/bytes.c beyond object.h: bytes and bytearray. */
#ifndef KRAIT_BYTES_H
#define KRAIT_BYTES_H

#include "kr.h"

void kr_bytes_init(kr_vm *vm);  /* phase 1: vm->t.bytes, vm->t.bytearray, vm->t.bytes_iter (vm->empty_bytes is lazy) */

/* A new bytes of n bytes for the caller to fill before publishing (data[n] is already 0). */
kr_bytes *kr_bytes_alloc(kr_vm *vm, int64_t n);
kr_value kr_bytearray_new(kr_vm *vm, const void *data, size_t n);
bool kr_is_bytes(kr_vm *vm, kr_value v);      /* bytes or subclass */
bool kr_is_bytearray(kr_vm *vm, kr_value v);  /* bytearray or subclass */
/* The buffer of a bytes or bytearray (the "bytes-like objects" here); -1 + TypeError
 * "a bytes-like object is required, not 'str'" otherwise. The pointer is valid until the next
 * mutation of a bytearray. */
int kr_bytes_buffer(kr_vm *vm, kr_value v, const uint8_t **data, int64_t *n);
/* v's type exports a buffer (bytes, bytearray, memoryview, array.array: vm/memoryview.h); reading it
 * may still fail (a released or non-contiguous memoryview). */
static inline bool kr_has_buffer(kr_vm *vm, kr_value v) { return kr_type_of(vm, v)->getbuffer != NULL; }
kr_value kr_bytes_repr(kr_vm *vm, kr_value v); /* b'...' (bytearray(b'...') for bytearrays) */
/* bytes(x) semantics (int count, iterable of ints, buffer, __bytes__). */
kr_value kr_bytes_from_object(kr_vm *vm, kr_value x);
static inline const uint8_t *kr_bytes_data(kr_value v) { return KR_AS(kr_bytes, v)->data; }
static inline int64_t kr_bytes_size(kr_value v) { return KR_AS(kr_bytes, v)->size; }

#endif
