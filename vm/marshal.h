/* marshal.h: a compact byte serialisation of code objects (vm/marshal.c), so that compiled code can be
 * stored and loaded without lexing, parsing and compiling its source again. Used by the build to
 * precompile the frozen modules of stdlib/lib (tools/krait_freeze.c writes build/frozen_code.c) and by
 * the import system to load them (vm/import.c).
 *
 * A blob is: the 4-byte magic (little-endian kr_marshal_magic()), then one code object. The magic is a
 * hash of the bytecode format (every opcode's name, operand format and length, the instruction word
 * and location sizes) and of this serialisation's own version, so a blob written by a build with
 * another bytecode is recognised as stale and never loaded (the caller compiles the source instead).
 *
 * Everything a compiled code object holds is stored: instruction words, per-word source locations,
 * the exception table, constants (None, True, False, Ellipsis, small and big ints, floats, str,
 * bytes, tuples, nested code objects), name/varname/cellvar/freevar tuples, flags, argument counts,
 * slot count, name, qualname, filename, docstring, first line. Strings the compiler interned come back
 * interned; an object referenced twice within one blob (e.g. a docstring that is also a constant, an
 * interned name used by several code objects) comes back as one object, as the compiler made it.
 * Feedback vectors, tiering counters and JIT state are not stored: kr_code_new builds them fresh.
 *
 * Trust: the reader never reads out of bounds and refuses truncated or structurally malformed data
 * (bad tags, counts, UTF-8, name tuples), and kr_code_new validates the bytecode as it does the
 * compiler's; but, as with CPython's marshal, which constant an instruction expects (a code object for
 * MAKE_FUNCTION, a str tuple for keyword names) is not checked: load only data this writer produced.
 */
#ifndef KRAIT_MARSHAL_H
#define KRAIT_MARSHAL_H

#include <stddef.h>
#include <stdint.h>

#include "kr.h"

/* Bumped whenever the encoding below changes (it is part of the magic). */
#define KR_MARSHAL_VERSION 2

/* The magic of blobs this build writes and accepts. Pure function of the bytecode format. */
uint32_t kr_marshal_magic(void);

/* Serialises `code` (a code object) into a malloc'd buffer (*len bytes, magic included); the caller
 * frees it. NULL with an exception pending: MemoryError, or ValueError for a constant of a kind the
 * format does not know (the compiler emits none such). */
uint8_t *kr_marshal_dump_code(kr_vm *vm, kr_value code, size_t *len);

/* Reads a blob back into a new code object. Returns KR_NULL with *stale set and no exception pending
 * when the magic does not match this build (the caller falls back to the source); KR_NULL with
 * ValueError ("bad marshal data") when the data is malformed, or the exception kr_code_new raised for
 * invalid bytecode. Allocation does not collect (vm/gc), so nothing here needs rooting. */
kr_value kr_marshal_load_code(kr_vm *vm, const uint8_t *data, size_t len, bool *stale);

#endif
