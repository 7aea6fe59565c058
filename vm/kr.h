/* kr.h: what every VM source file includes: values, the object model, the VM and the heap. */
#ifndef KRAIT_KR_H
#define KRAIT_KR_H

#include "value.h"
#include "object.h"
#include "vm.h"
#include "../gc/gc.h"

#endif
