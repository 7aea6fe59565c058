"""A pyperformance-style benchmark file: runs unmodified with Krait's built-in pyperf and with the
real pyperf on CPython or PyPy (pip install pyperf), so that their results can be compared.

    build-release/krait perf/pyperf_example.py -o krait.json --fast
    python3 perf/pyperf_example.py -o cpython.json --fast
    python3 -m pyperf compare_to cpython.json krait.json --table

Python 3.9 syntax, no dependency but pyperf.
"""
import pyperf


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def build_and_sum(n):
    # allocation, list comprehensions and dict updates
    counts = {}
    for word in ['w%d' % (i % 97) for i in range(n)]:
        counts[word] = counts.get(word, 0) + 1
    return sum(counts.values())


def bench_nqueens(loops, n):
    # bench_time_func: the function times its own loop and returns seconds
    range_it = range(loops)
    t0 = pyperf.perf_counter()
    for _ in range_it:
        cols = range(n)
        solutions = 0
        for vec in _permutations(list(cols)):
            if (n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols))):
                solutions += 1
    return pyperf.perf_counter() - t0


def _permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for perm in _permutations(rest):
            yield [items[i]] + perm


if __name__ == '__main__':
    runner = pyperf.Runner()
    runner.metadata['description'] = 'pyperf example: fib, dict counting, n-queens, timeit'
    runner.bench_func('fib', fib, 20)
    runner.bench_func('dict_count', build_and_sum, 2000)
    runner.bench_time_func('nqueens_6', bench_nqueens, 6)
    runner.timeit('sort_reversed', stmt='sorted(data)', setup='data = list(range(1000))[::-1]')
