/* test_re.c: the re engine (stdlib/re_engine.c) under the embedding API: a catastrophic pattern is
 * stopped by krait_interrupt, a backtracking stack that outgrows the VM's memory limit is a
 * MemoryError (not a crash), a hostile program given to _re.compile is a ValueError, and two VMs keep
 * separate pattern caches. Prints "embed: N passed, N failed". */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "krait.h"

static int passed, failed;

#define CHECK(cond, what)                                         \
    do {                                                          \
        if (cond) {                                               \
            passed++;                                             \
        } else {                                                  \
            failed++;                                             \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, what); \
        }                                                         \
    } while (0)

static void *interrupt_later(void *arg)
{
    usleep(300 * 1000);
    krait_interrupt((krait_vm *)arg);
    return NULL;
}

int main(void)
{
    krait_options opts = KRAIT_OPTIONS_DEFAULT;
    krait_vm *vm = krait_new(&opts);
    CHECK(vm != NULL, "a VM");

    /* (a*)*b on 40 a's backtracks about 2**40 times: only the interrupt poll can stop it. The import
     * and the compilation come first, so that (even on a loaded machine) the interrupt lands in the
     * match. */
    CHECK(krait_run_string(vm, "import re\np = re.compile(r'(a*)*b')\ns = 'a' * 40\n", "<re-setup>") == KRAIT_OK,
          "import re");
    pthread_t t;
    pthread_create(&t, NULL, interrupt_later, vm);
    krait_status st = krait_run_string(vm, "p.match(s)\n", "<re-loop>");
    pthread_join(t, NULL);
    CHECK(st == KRAIT_EXCEPTION && krait_exit_code(vm) == 130, "krait_interrupt stops a catastrophic match");
    krait_clear_exception(vm);
    CHECK(krait_run_string(vm, "assert re.match(r'(a*)*b', 'aab').span() == (0, 3)\n", "<re-after>") == KRAIT_OK,
          "the engine works after an interrupted match");

    /* a hostile program: jump out of range, bad opcode, bad register */
    CHECK(krait_run_string(vm,
                           "import _re\n"
                           "for code in ([12, 99], [77], [14, 9, 1], [19, 5, 0, 1, 0, 0], [8, 2], [9, 3, 0, 97]):\n"
                           "    try:\n"
                           "        _re.compile(code, 1, 1, 0, 0)\n"
                           "    except ValueError:\n"
                           "        pass\n"
                           "    else:\n"
                           "        raise AssertionError(code)\n",
                           "<re-bad>") == KRAIT_OK,
          "_re.compile rejects invalid programs with ValueError");

    /* two VMs: separate caches and types */
    krait_vm *b = krait_new(&opts);
    CHECK(b != NULL, "a second VM");
    CHECK(krait_run_string(b, "import re\np = re.compile('x+')\nassert len(re._cache) == 1\n", "<b>") == KRAIT_OK,
          "the second VM starts with its own cache");
    CHECK(krait_run_string(vm, "assert re.compile('x+') is not None and len(re._cache) == 2\n", "<a>") == KRAIT_OK,
          "the first VM's cache is its own");
    krait_free(b);
    krait_free(vm);

    /* a memory limit: (?:a|b)* over a long string pushes a choice point per character */
    krait_options lim = KRAIT_OPTIONS_DEFAULT;
    lim.memory_limit = 24u << 20;
    krait_vm *m = krait_new(&lim);
    CHECK(m != NULL, "a VM with a memory limit");
    st = krait_run_string(m,
                          "import re\n"
                          "s = 'ab' * 1000000\n"
                          "try:\n"
                          "    re.match(r'(?:a|b)*c', s)\n"
                          "except MemoryError:\n"
                          "    ok = True\n"
                          "else:\n"
                          "    ok = False\n"
                          "assert ok\n"
                          "assert re.match(r'(?:a|b)*', s[:1000]).end() == 1000\n",
                          "<re-mem>");
    CHECK(st == KRAIT_OK, "an oversized backtracking stack is a MemoryError");
    krait_free(m);

    printf("embed: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
