/* io.h: file objects. */
#ifndef KRAIT_IO_H
#define KRAIT_IO_H

#include <sys/stat.h>

#include "../vm/kr.h"

/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None) */
kr_value kr_io_open(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames);
/* A file object for fd 0, 1 or 2 (sys.stdin/stdout/stderr). */
kr_value kr_io_std_stream(kr_vm *vm, int fd);
/* Write text to a file object: directly for Krait's own text files, else through its write() method. */
int kr_io_write_fast(kr_vm *vm, kr_value file, const char *data, size_t n);
/* Raise the OSError subclass for errno `err` (FileNotFoundError for ENOENT...), with filename or KR_NULL. */
kr_value kr_io_raise_errno(kr_vm *vm, int err, kr_value filename);

/* io.UnsupportedOperation */
kr_type *kr_io_unsupported_operation(kr_vm *vm);
/* The builtin module _io (open, TextIOWrapper, UnsupportedOperation), imported by stdlib/lib/io.py. */
kr_value kr_io_module_create(kr_vm *vm);

#endif
