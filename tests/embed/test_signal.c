/* test_signal.c: the signal module under the embedding API. A Python handler runs in the VM that
 * installed it, a second VM taking the same signal takes it over, a krait_interrupt still raises
 * KeyboardInterrupt next to pending signals, and krait_free gives every signal a VM owns back to the
 * disposition the host had set before (here: the host's own C handler, or SIG_DFL), so that no signal
 * can reach a freed VM. Prints "embed: N passed, N failed". */
#include <signal.h>
#include <stdio.h>
#include <string.h>
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

static volatile sig_atomic_t host_hits;

static void host_handler(int sig)
{
    (void)sig;
    host_hits++;
}

static void (*current_handler(int sig))(int)
{
    struct sigaction sa;
    sigaction(sig, NULL, &sa);
    return sa.sa_handler;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = host_handler;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);

    krait_options opts = KRAIT_OPTIONS_DEFAULT;
    krait_vm *a = krait_new(&opts);
    krait_vm *b = krait_new(&opts);
    CHECK(a && b, "two VMs");

    CHECK(krait_run_string(a,
                           "import signal, os\n"
                           "assert signal.getsignal(signal.SIGUSR1) is None  # the host's handler\n"
                           "hits = []\n"
                           "signal.signal(signal.SIGUSR1, lambda s, f: hits.append(s))\n"
                           "os.kill(os.getpid(), signal.SIGUSR1)\n"
                           "assert hits == [signal.SIGUSR1], hits\n",
                           "<a>") == KRAIT_OK,
          "a Python handler runs in the VM that installed it");
    CHECK(current_handler(SIGUSR1) != host_handler, "the VM's C handler replaced the host's");

    CHECK(krait_run_string(b,
                           "import signal, os\n"
                           "hits = []\n"
                           "signal.signal(signal.SIGUSR1, lambda s, f: hits.append('b'))\n"
                           "os.kill(os.getpid(), signal.SIGUSR1)\n"
                           "assert hits == ['b'], hits\n",
                           "<b>") == KRAIT_OK,
          "the second VM takes the signal over");
    CHECK(krait_run_string(a, "assert hits == [signal.SIGUSR1], hits\n", "<a2>") == KRAIT_OK,
          "the first VM's handler no longer runs");

    /* an interrupt and a pending signal together: the handler runs, then KeyboardInterrupt */
    krait_interrupt(b);
    raise(SIGUSR1);
    krait_status st = krait_run_string(b, "os.getpid()\n", "<b-int>");
    CHECK(st == KRAIT_EXCEPTION && krait_exit_code(b) == 130, "krait_interrupt next to a signal");
    krait_clear_exception(b);
    CHECK(krait_run_string(b, "assert hits == ['b', 'b'], hits\n", "<b2>") == KRAIT_OK,
          "the signal's handler ran too");

    /* freeing the owner gives the signal back to the host's handler */
    krait_free(b);
    CHECK(current_handler(SIGUSR1) == host_handler, "krait_free restored the host's handler");
    raise(SIGUSR1);
    CHECK(host_hits == 1, "the host's handler gets the signal again");
    CHECK(krait_run_string(a, "assert hits == [signal.SIGUSR1], hits\n", "<a3>") == KRAIT_OK,
          "the freed VM's signal did not reach the other VM");

    /* SIG_IGN set by a program is the process's disposition: it stays after the VM is freed (as
     * CPython leaves it at exit); a Python handler's signal goes back to SIG_DFL when the host had that */
    CHECK(krait_run_string(a,
                           "signal.signal(signal.SIGUSR2, signal.SIG_IGN)\n"
                           "signal.signal(signal.SIGWINCH, lambda s, f: None)\n",
                           "<a-ign>") == KRAIT_OK,
          "SIG_IGN and a handler");
    CHECK(current_handler(SIGUSR2) == SIG_IGN, "SIGUSR2 ignored");
    krait_free(a);
    CHECK(current_handler(SIGUSR1) == host_handler, "SIGUSR1 still the host's");
    CHECK(current_handler(SIGUSR2) == SIG_IGN, "SIGUSR2 still ignored");
    CHECK(current_handler(SIGWINCH) == SIG_DFL, "SIGWINCH back to SIG_DFL");

    printf("embed: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
