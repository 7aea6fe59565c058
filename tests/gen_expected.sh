#!/bin/sh
# Regenerate the expected output of the golden programs with CPython 3.13.
#
#   tests/gen_expected.sh            # every test (the names come from tests/run_golden.py)
#   tests/gen_expected.sh int_ops    # only the named tests (NAME or tests/py/NAME.py)
#
# For each tests/py/NAME.py, run from the repository root as `python3 tests/py/NAME.py`
# (so tracebacks say File "tests/py/NAME.py") with PYTHONHASHSEED=0 and
# PYTHONDONTWRITEBYTECODE=1, stdin from NAME.in when present (else /dev/null):
#   NAME.out  = stdout, exactly
#   NAME.err  = stderr with the repository's absolute path removed (CPython 3.13 prints
#               File "/abs/path/tests/py/NAME.py"), caret lines kept; the filter is
#               tests/run_golden.py's
#   NAME.code = the exit code
# .err and .code are written only when the exit code is non-zero (and removed otherwise).
set -eu
PY=${CPYTHON313:-/root/.pyenv/versions/3.13.0/bin/python3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if [ ! -x "$PY" ]; then
    echo "gen_expected.sh: CPython 3.13 not found at $PY (set CPYTHON313)" >&2
    exit 2
fi
if [ $# -gt 0 ]; then
    names=$(for a in "$@"; do basename "$a" .py; done)
else
    names=$(python3 tests/run_golden.py --list-tests)
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
n=0
for name in $names; do
    src="tests/py/$name.py"
    if [ ! -f "$src" ]; then
        echo "gen_expected.sh: no such test $src" >&2
        exit 2
    fi
    base="tests/py/$name"
    input=/dev/null
    [ -f "$base.in" ] && input="$base.in"
    set +e
    env -i PATH="$PATH" HOME="${HOME:-/root}" LC_ALL=C.UTF-8 PYTHONHASHSEED=0 \
        PYTHONDONTWRITEBYTECODE=1 PYTHON_COLORS=0 \
        "$PY" "$src" <"$input" >"$base.out" 2>"$tmp"
    code=$?
    set -e
    if [ $code -ne 0 ]; then
        echo "$code" >"$base.code"
        python3 tests/run_golden.py --filter-stderr <"$tmp" >"$base.err"
    else
        rm -f "$base.code" "$base.err"
        if [ -s "$tmp" ]; then
            echo "gen_expected.sh: warning: $name exited 0 but wrote to stderr:" >&2
            head -5 "$tmp" >&2
        fi
    fi
    n=$((n + 1))
done
echo "gen_expected.sh: $n tests regenerated with $("$PY" --version)"
