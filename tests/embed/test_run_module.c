/* test_run_module.c: krait_run_module (the CLI's -m) on packages, as CPython's runpy: a package runs its
 * __main__ submodule as __main__ after its __init__, a submodule runs after its parent package is
 * imported, relative imports work in the __main__ module, and frozen packages (pyperf) run too. The
 * packages are written to a fresh temporary directory, which becomes the working directory (sys.path[0]
 * is '' for -m). The last line is "embed run_module: N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

/* Runs `krait -m module [arg1]` (argc 1 or 2) in a fresh VM, then `check` (Python asserting on the __main__ globals) in it.
 * Returns the status of the -m run; *check_ok says whether the check passed. */
/* krait_run_error after the last run_module (CPython's runpy message when nothing could be run) */
static char last_error[512];

static krait_status run_module(const char *module, int argc, const char *check, int *check_ok)
{
    krait_options opts = KRAIT_OPTIONS_DEFAULT;
    krait_vm *vm = krait_new(&opts);
    if (!vm)
        return KRAIT_ERROR;
    const char *argv[] = {module, "arg1"};
    krait_set_argv(vm, argc, argv);
    /* Capture what the module prints, so the test output stays one line per failure. */
    krait_run_string(vm, "import sys, io\n_real_stdout = sys.stdout\nsys.stdout = io.StringIO()\n", "<setup>");
    krait_status st = krait_run_module(vm, module);
    snprintf(last_error, sizeof last_error, "%s", st == KRAIT_NOT_FOUND ? krait_run_error(vm) : "");
    krait_clear_exception(vm);
    *check_ok = check ? krait_run_string(vm, check, "<check>") == KRAIT_OK : 1;
    if (check && !*check_ok)
        krait_print_exception(vm);
    krait_free(vm);
    return st;
}

int main(void)
{
    char dir[] = "/tmp/krait_run_module_XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char old_cwd[4096];
    if (!getcwd(old_cwd, sizeof old_cwd) || chdir(dir) != 0) {
        perror("chdir");
        return 1;
    }
    int ok = mkdir("pk", 0700) == 0 && mkdir("pk/sub", 0700) == 0 &&
             write_file("pk/__init__.py", "print('init', __name__)\nLOG = ['init']\n") == 0 &&
             write_file("pk/__main__.py",
                        "from . import helper\nimport pk\npk.LOG.append('main')\nimport sys\n"
                        "ARGV = sys.argv\nVALUE = helper.VALUE\nprint('main', __name__)\n") == 0 &&
             write_file("pk/helper.py", "VALUE = 7\n") == 0 &&
             write_file("pk/mod.py", "import pk\npk.LOG.append('mod')\nNAME = __name__\n") == 0 &&
             write_file("pk/sub/__init__.py", "print('sub')\n") == 0 &&
             write_file("plain.py", "PLAIN = __name__\n") == 0;
    CHECK(ok, "the test packages are written");

    int check_ok;
    krait_status st = run_module("pk", 2,
                                 "import sys\n"
                                 "assert __name__ == '__main__'\n"
                                 "assert __package__ == 'pk', __package__\n"
                                 "assert VALUE == 7\n"
                                 "assert sys.modules['pk'].LOG == ['init', 'main'], sys.modules['pk'].LOG\n"
                                 "assert __file__.endswith('/pk/__main__.py'), __file__\n"
                                 "assert ARGV[0] == __file__ and ARGV[1:] == ['arg1'], ARGV\n"
                                 "assert sys.stdout.getvalue() == 'init pk\\nmain __main__\\n', sys.stdout.getvalue()\n",
                                 &check_ok);
    CHECK(st == KRAIT_OK, "-m pk runs pk/__main__.py");
    CHECK(check_ok, "-m pk: __init__ first, then __main__ as __main__ with __package__ 'pk'");

    st = run_module("pk.mod", 2,
                    "import sys\nassert NAME == '__main__' and __package__ == 'pk'\n"
                    "assert sys.modules['pk'].LOG == ['init', 'mod']\n",
                    &check_ok);
    CHECK(st == KRAIT_OK && check_ok, "-m pk.mod imports pk, then runs pk/mod.py as __main__");

    st = run_module("plain", 2, "assert PLAIN == '__main__' and __package__ == ''\n", &check_ok);
    CHECK(st == KRAIT_OK && check_ok, "-m plain runs plain.py with __package__ ''");

    /* nothing to run: KRAIT_NOT_FOUND with runpy's message (the CLI prints it after its name) */
    st = run_module("pk.sub", 2, NULL, &check_ok);
    CHECK(st == KRAIT_NOT_FOUND && !strcmp(last_error, "No module named pk.sub.__main__; 'pk.sub' is a package and "
                                                        "cannot be directly executed"),
          "-m of a package without __main__ fails");
    st = run_module("no_such_module", 2, NULL, &check_ok);
    CHECK(st == KRAIT_NOT_FOUND && !strcmp(last_error, "No module named no_such_module"), "-m of a missing module fails");
    st = run_module("pk.missing", 2, NULL, &check_ok);
    CHECK(st == KRAIT_NOT_FOUND && !strcmp(last_error, "No module named pk.missing"), "-m of a missing submodule fails");
    st = run_module("math", 2, NULL, &check_ok);
    CHECK(st == KRAIT_NOT_FOUND && !strcmp(last_error, "No code object available for math"),
          "-m of a builtin C module fails (no code)");

    /* A frozen package of stdlib/lib: pyperf/__main__.py prints argparse's usage for no command. */
    st = run_module("pyperf", 1,
                    "import sys\nout = sys.stdout.getvalue()\n"
                    "assert __package__ == 'pyperf'\n"
                    "assert 'pyperf' in sys.modules\n"
                    "assert out.startswith('usage: '), out\n",
                    &check_ok);
    CHECK(st == KRAIT_OK || st == KRAIT_EXIT, "-m pyperf runs the frozen pyperf/__main__.py");
    CHECK(check_ok, "-m pyperf: the frozen __main__ ran as __main__");

    unlink("pk/__init__.py");
    unlink("pk/__main__.py");
    unlink("pk/helper.py");
    unlink("pk/mod.py");
    unlink("pk/sub/__init__.py");
    unlink("plain.py");
    rmdir("pk/sub");
    rmdir("pk");
    if (chdir(old_cwd) != 0)
        perror("chdir back");
    rmdir(dir);
    printf("embed run_module: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
