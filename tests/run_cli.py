#!/usr/bin/env python3
"""Command-line tests: run `krait ARGS` for each case below and compare stdout, stderr and the exit
code with what CPython 3.13 printed for the same arguments (tests/cli/expected.json, regenerated with
--regen --python PATH_TO_CPYTHON_3.13). Paths in the outputs are relative to the repository root,
which is the working directory. Cases are about the command line itself (options, exit codes, the
script from -c/-m/stdin); the language is covered by the golden programs."""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPECTED = os.path.join(ROOT, "tests", "cli", "expected.json")

# name: (arguments, stdin text, extra environment)
CASES = {
    "c_prints": (["-c", "import sys; print(sys.argv, 6 * 7)", "a", "b"], "", {}),
    "c_exception": (["-c", "1/0"], "", {}),
    "c_syntax_error": (["-c", "x = ("], "", {}),
    "stdin_script": (["-", "x"], "import sys\nprint('from stdin', sys.argv)\n", {}),
    "exit_message": (["tests/cli/exit_demo.py", "msg"], "", {}),
    "exit_code": (["tests/cli/exit_demo.py", "code"], "", {}),
    "exit_exception": (["tests/cli/exit_demo.py"], "", {}),
    "missing_script": (["tests/cli/no_such_file.py"], "", {}),
    "m_module": (["-m", "json.tool", "--sort-keys"], '{"b": 1, "a": [1, 2], "c": "\u00e9"}', {}),
    "m_module_compact": (["-m", "json.tool", "--compact", "--no-ensure-ascii"], '{"b": 1, "a": [1, 2], "c": "\u00e9"}', {}),
    "m_module_bad_json": (["-m", "json.tool"], '{"b": 1,}', {}),
    "m_missing": (["-m", "no_such_module_xyz"], "", {}),
    "m_package_without_main": (["-m", "json"], "", {}),
    "m_builtin": (["-m", "math"], "", {}),
    "warn_default": (["tests/cli/warn_demo.py"], "", {}),
    "warn_ignore": (["-W", "ignore", "tests/cli/warn_demo.py"], "", {}),
    "warn_error_category": (["-Werror::RuntimeWarning", "tests/cli/warn_demo.py"], "", {}),
    "warn_always_deprecation": (["-W", "always::DeprecationWarning", "tests/cli/warn_demo.py"], "", {}),
    "warn_bad_options": (["-W", "bogus", "-W", "ignore::NoSuchWarning", "-W", "a:b:c:d:e:f",
                          "tests/cli/warn_demo.py"], "", {}),
    "warn_env_then_option": (["-W", "default::UserWarning", "tests/cli/warn_demo.py"], "",
                             {"PYTHONWARNINGS": "ignore"}),
    "int_digits_option": (["-X", "int_max_str_digits=700", "-c", "import sys; print(sys.get_int_max_str_digits())"],
                          "", {}),
    "ignored_flags": (["-u", "-B", "-E", "-c", "print('ok')"], "", {}),
}


def run(exe, args, stdin, env_extra):
    env = dict(os.environ)
    for k in ("PYTHONWARNINGS", "PYTHONINTMAXSTRDIGITS", "PYTHONPATH"):
        env.pop(k, None)
    env.update(env_extra)
    p = subprocess.run([exe] + args, input=stdin.encode(), capture_output=True, cwd=ROOT, env=env, timeout=60)
    return {"stdout": p.stdout.decode("utf-8", "replace"), "stderr": p.stderr.decode("utf-8", "replace"),
            "code": p.returncode}


def normalise(out, exe):
    # Messages that name the program (CPython's "python3: can't open file ...") say PROG here; paths
    # under the repository are relative. Frames of Krait's frozen modules and CPython's <frozen runpy>
    # differ in internals: drop frozen frames.
    out = dict(out)
    for key in ("stdout", "stderr"):
        for prefix in (os.path.abspath(exe), exe):
            out[key] = out[key].replace(prefix + ":", "PROG:")
        out[key] = out[key].replace(ROOT + "/", "")
    lines = []
    skip_source = False
    for line in out["stderr"].splitlines():
        if skip_source and line.startswith("    "):
            continue
        skip_source = False
        if line.startswith('  File "<frozen '):
            skip_source = True
            continue
        lines.append(line)
    return {"stdout": out["stdout"], "stderr": "\n".join(lines), "code": out["code"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default=os.path.join(ROOT, "build", "krait"))
    ap.add_argument("--regen", action="store_true", help="write expected.json from --python's outputs")
    ap.add_argument("--python", default=os.path.expanduser("~/.pyenv/versions/3.13.0/bin/python3"))
    opts = ap.parse_args()
    if opts.regen:
        expected = {name: normalise(run(opts.python, *case), opts.python) for name, case in CASES.items()}
        with open(EXPECTED, "w") as f:
            json.dump(expected, f, indent=1, sort_keys=True)
            f.write("\n")
        print("wrote", EXPECTED)
        return 0
    with open(EXPECTED) as f:
        expected = json.load(f)
    failed = 0
    for name, case in CASES.items():
        got = normalise(run(opts.krait, *case), opts.krait)
        want = expected[name]
        if got != want:
            failed += 1
            print("FAIL", name)
            for key in ("code", "stdout", "stderr"):
                if got[key] != want[key]:
                    print("  %s: expected %r\n  %s:      got %r" % (key, want[key], key, got[key]))
    print("cli: %d passed, %d failed" % (len(CASES) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
