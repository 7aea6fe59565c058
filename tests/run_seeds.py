#!/usr/bin/env python3
"""Run the seed programs of ../shared/seeds/programs unmodified on Krait and compare their standard
output with CPython 3.13's (tests/seeds/NAME.out, regenerate with --regen). Timings go to stderr and
are not compared. seed000 runs 100 rounds of a 10M-iteration loop (minutes on CPython): it is checked
by the perf runner, not here."""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(os.path.dirname(ROOT), 'shared', 'seeds', 'programs')
CHECKED = ['seed001_long_calcul.py']
CPYTHON = '/root/.pyenv/versions/3.13.0/bin/python3'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--krait', required=True)
    ap.add_argument('--regen', action='store_true', help='regenerate expected output with CPython 3.13')
    args = ap.parse_args()
    if not os.path.isdir(SEEDS):
        print(f'seeds: {SEEDS} not found; 0 passed, 0 failed')
        return 0
    passed = failed = 0
    for name in CHECKED:
        path = os.path.join(SEEDS, name)
        expected_file = os.path.join(ROOT, 'tests', 'seeds', name[:-3] + '.out')
        if args.regen:
            out = subprocess.run([CPYTHON, path], capture_output=True, text=True, check=True).stdout
            with open(expected_file, 'w') as f:
                f.write(out)
        with open(expected_file) as f:
            expected = f.read()
        try:
            r = subprocess.run([args.krait, path], capture_output=True, text=True, timeout=300)
            ok = r.returncode == 0 and r.stdout == expected
            detail = f'exit {r.returncode}\n--- expected\n{expected}--- got\n{r.stdout}{r.stderr[-2000:]}'
        except subprocess.TimeoutExpired:
            ok, detail = False, 'timed out'
        if ok:
            passed += 1
        else:
            failed += 1
            print(f'FAIL {name}: {detail}')
    print(f'seeds: {passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
