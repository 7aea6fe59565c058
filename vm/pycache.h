/* pycache.h: compiled code of imported modules cached beside their source (PEP 3147's layout):
 * dir/__pycache__/NAME.<sys.implementation.cache_tag>.pyc for dir/NAME.py.
 *
 * A cache file is a 40-byte header and a vm/marshal.h blob:
 *     "KRPC"                     4 bytes
 *     compiler fingerprint       16 bytes: a hash of the front end's and the bytecode's sources
 *                                (cmake/fingerprint.cmake), so another build's files are never used
 *     source size                8 bytes, little-endian
 *     source hash                8 bytes, little-endian: FNV-1a 64 of the source bytes
 *     reserved                   4 bytes, 0
 * The source's own bytes validate the cache (as CPython's hash-based .pyc files), so a changed source
 * is recompiled whatever the file times say. Reading never fails an import: a missing, unreadable,
 * stale or malformed cache means compiling the source. Writing is skipped when sys.dont_write_bytecode
 * is true (krait -B, PYTHONDONTWRITEBYTECODE) or cache_tag is None, and goes through a temporary file
 * renamed into place, so concurrent importers never see half a file; failing to write is silent. */
#ifndef KRAIT_PYCACHE_H
#define KRAIT_PYCACHE_H

#include <stddef.h>

#include "kr.h"

/* The code object of the module source src (len bytes) read from `filename`: from its cache when
 * valid, else compiled (and cached). KR_NULL with the compiler's exception (SyntaxError...). */
kr_value kr_pycache_compile(kr_vm *vm, const char *src, size_t len, const char *filename);

#endif
