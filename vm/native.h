/* native.h: the system libraries some modules open at their first import (libcrypto for _hashlib,
 * libbz2 for _bz2, libexpat for _expat), so that starting Krait maps none of them.
 *
 * A module declares its table of entry points as a struct of function pointers only, inside an object
 * (kr_object header, then the table at `offset`), and gets it filled here: the object keeps the table
 * alive for the streams and parsers that point into it. */
#ifndef KRAIT_NATIVE_H
#define KRAIT_NATIVE_H

#include <stddef.h>

#include "kr.h"

/* A new object (of a private type named tname, `size` bytes) whose function table at `offset` gets
 * the addresses of names[0..n-1], in order, from `soname` (dlopen'ed RTLD_NOW | RTLD_LOCAL). KR_NULL
 * with ImportError naming `module`, the library and `package` (the Debian package to install, or NULL)
 * when the library or a function is missing. */
kr_value kr_native_library(kr_vm *vm, const char *tname, size_t size, size_t offset, const char *soname,
                           const char *module, const char *package, const char *const *names, size_t n);

#endif
