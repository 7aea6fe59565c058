/* test_api.c: an embedding program that uses only include/krait.h. Each check prints a line; the last
 * line is "embed: N passed, N failed". */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "krait.h"

static int passed, failed;

#define CHECK(cond, what)                                     \
    do {                                                      \
        if (cond) {                                           \
            passed++;                                         \
        } else {                                              \
            failed++;                                         \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, what); \
        }                                                     \
    } while (0)

static void *interrupt_later(void *arg)
{
    usleep(200 * 1000);
    krait_interrupt((krait_vm *)arg);
    return NULL;
}

int main(void)
{
    krait_options opts = KRAIT_OPTIONS_DEFAULT;
    krait_vm *a = krait_new(&opts), *b = krait_new(&opts);
    CHECK(a && b, "two VMs are created");

    CHECK(krait_run_string(a, "x = 41\nx += 1\nassert x == 42\n", "<a>") == KRAIT_OK, "code runs in VM a");
    /* b has its own __main__: x is not defined there. */
    CHECK(krait_run_string(b, "x\n", "<b>") == KRAIT_EXCEPTION, "VMs do not share globals");
    CHECK(krait_exit_code(b) == 1, "an uncaught exception means exit code 1");
    krait_clear_exception(b);
    CHECK(krait_run_string(a, "assert x == 42\n", "<a>") == KRAIT_OK, "VM a keeps its state");

    CHECK(krait_run_string(a, "def f(:\n", "<syntax>") == KRAIT_EXCEPTION, "a syntax error is a status");
    krait_clear_exception(a);
    CHECK(krait_run_string(a, "import sys\nsys.exit(7)\n", "<exit>") == KRAIT_EXIT, "SystemExit is KRAIT_EXIT");
    CHECK(krait_exit_code(a) == 7, "sys.exit(7) gives exit code 7");
    krait_clear_exception(a);

    CHECK(krait_repl_eval(a, "if x:\n") == KRAIT_INCOMPLETE, "an unfinished block asks for more");
    CHECK(krait_repl_eval(a, "y = x * 2\n") == KRAIT_OK, "the REPL runs a statement");

    /* A runaway loop is stopped by krait_interrupt from another thread. */
    pthread_t t;
    pthread_create(&t, NULL, interrupt_later, b);
    krait_status st = krait_run_string(b, "while True:\n    pass\n", "<loop>");
    pthread_join(t, NULL);
    CHECK(st == KRAIT_EXCEPTION && krait_exit_code(b) == 130, "krait_interrupt raises KeyboardInterrupt");
    krait_clear_exception(b);

    /* The same with the loop compiled (the JIT polls a single `allocated >= threshold` on back edges,
     * which krait_interrupt trips by zeroing the threshold) and with the JIT off: loops that allocate
     * nothing, so no GC debt could stop them; the VM keeps working afterwards. */
    for (int jit = 0; jit <= 1; jit++) {
        krait_options jo = KRAIT_OPTIONS_DEFAULT;
        jo.jit = jit;
        jo.jit_threshold = 2;
        krait_vm *j = krait_new(&jo);
        CHECK(j != NULL, "a VM for the interrupt test");
        pthread_create(&t, NULL, interrupt_later, j);
        st = krait_run_string(j, "def spin():\n    i = 0\n    while True:\n        i += 1\nspin()\n", "<spin>");
        pthread_join(t, NULL);
        CHECK(st == KRAIT_EXCEPTION && krait_exit_code(j) == 130,
              jit ? "krait_interrupt stops a compiled loop" : "krait_interrupt stops an interpreted loop");
        krait_clear_exception(j);
        pthread_create(&t, NULL, interrupt_later, j);
        st = krait_run_string(j, "def idle():\n    while True:\n        pass\nidle()\n", "<idle>");
        pthread_join(t, NULL);
        CHECK(st == KRAIT_EXCEPTION && krait_exit_code(j) == 130, "krait_interrupt stops `while True: pass`");
        krait_clear_exception(j);
        /* A counted loop with no call in its body polls once per strip (compiler/hir_lower.c's strip
         * mining), going up and going down (a stop that is not a constant: a constant one is not
         * strip-mined yet): still stopped, and where it stops the loop variable and the accumulator
         * agree (the exit rebuilds `i` from the counter): an AssertionError otherwise. */
        pthread_create(&t, NULL, interrupt_later, j);
        st = krait_run_string(j,
                              "def count():\n    t = 0\n    try:\n        for i in range(10**18):\n"
                              "            t ^= i\n    except KeyboardInterrupt:\n"
                              "        assert i > 0 and t == [i, 1, i + 1, 0][i % 4], (i, t)\n        raise\n"
                              "count()\n",
                              "<count>");
        pthread_join(t, NULL);
        CHECK(st == KRAIT_EXCEPTION && krait_exit_code(j) == 130, "krait_interrupt stops a counted loop");
        krait_clear_exception(j);
        pthread_create(&t, NULL, interrupt_later, j);
        st = krait_run_string(j,
                              "def down(stop):\n    n = 0\n    try:\n        for i in range(10**18, stop, -3):\n"
                              "            n += 1\n    except KeyboardInterrupt:\n"
                              "        assert n > 0 and i == 10**18 - 3 * (n - 1), (i, n)\n        raise\n"
                              "down(0)\n",
                              "<down>");
        pthread_join(t, NULL);
        CHECK(st == KRAIT_EXCEPTION && krait_exit_code(j) == 130, "krait_interrupt stops a counted loop going down");
        krait_clear_exception(j);
        CHECK(krait_run_string(j, "xs = [str(i) for i in range(100000)]\nassert len(xs) == 100000\n", "<after>") ==
                  KRAIT_OK,
              "the VM runs and collects after an interrupt");
        krait_free(j);
    }

    /* Unbounded recursion is a RecursionError, not a crash. */
    CHECK(krait_run_string(b, "def r(n):\n    return r(n + 1)\ntry:\n    r(0)\nexcept RecursionError:\n    pass\n",
                           "<rec>") == KRAIT_OK,
          "runaway recursion raises RecursionError");

    /* A memory limit turns runaway allocation into MemoryError; the VM stays usable. */
    krait_options lim = KRAIT_OPTIONS_DEFAULT;
    lim.memory_limit = 64u << 20;
    krait_vm *c = krait_new(&lim);
    CHECK(c != NULL, "a VM with a memory limit");
    CHECK(krait_run_string(c, "xs = []\ntry:\n    while True:\n        xs.append('x' * 1000)\nexcept MemoryError:\n"
                              "    xs = None\n    ok = True\nassert ok\n",
                           "<mem>") == KRAIT_OK,
          "runaway allocation raises MemoryError");
    CHECK(krait_run_string(c, "s = sum(range(1000))\nassert s == 499500\n", "<after>") == KRAIT_OK,
          "the VM works after MemoryError");

    krait_free(c);
    krait_free(a);
    krait_free(b);
    printf("embed: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
