/* sys.h: the sys module's C interface for the rest of the VM. */
#ifndef KRAIT_SYS_H
#define KRAIT_SYS_H

#include "../vm/kr.h"

#define KRAIT_VERSION "0.1.0"

/* Write to sys.stdout (directly when it is Krait's own stdout file object). -1 with an exception. */
int kr_sys_write_stdout(kr_vm *vm, const char *data, size_t n);
/* sys.<name>, or KR_NULL (no exception) when absent. */
kr_value kr_sys_get(kr_vm *vm, const char *name);

#endif
