/* module.h: module objects. */
#ifndef KRAIT_MODULE_H
#define KRAIT_MODULE_H

#include "kr.h"

void kr_module_init(kr_vm *vm); /* phase 1: the module type */
/* The module's __dict__ (its globals). */
static inline kr_value kr_module_dict(kr_value m) { return KR_AS(kr_module, m)->dict; }
bool kr_is_module(kr_vm *vm, kr_value v);

#endif
