"""python -m pyperf show FILE... | compare_to REF CHANGED...: the two pyperf commands most used to read
results, on the JSON files written by Runner (-o) here or by pyperf elsewhere."""
import os
import sys
import argparse

from pyperf._bench import BenchmarkSuite


def _result(bench):
    if bench.get_nvalue() >= 2:
        return 'Mean +- std dev: %s +- %s' % bench.format_values((bench.mean(), bench.stdev()))
    return bench.format_value(bench.mean())


def _label(suite):
    return os.path.basename(suite.filename or '?').rsplit('.json', 1)[0]


def cmd_show(args):
    for filename in args.filenames:
        suite = BenchmarkSuite.load(filename)
        if len(args.filenames) > 1:
            print('%s:' % filename)
        for bench in suite:
            print('%s: %s' % (bench.get_name(), _result(bench)))


def cmd_compare_to(args):
    ref = BenchmarkSuite.load(args.reference)
    for filename in args.changed:
        changed = BenchmarkSuite.load(filename)
        rows = []
        for bench in ref:
            name = bench.get_name()
            try:
                other = changed.get_benchmark(name)
            except KeyError:
                continue
            ratio = bench.mean() / other.mean()
            if ratio >= 1:
                verdict = '%.2fx faster' % ratio
            else:
                verdict = '%.2fx slower' % (1 / ratio)
            rows.append((name, bench.format_value(bench.mean()), other.format_value(other.mean()),
                         verdict))
        if args.table:
            header = ('Benchmark', _label(ref), _label(changed))
            widths = [max(len(header[i]), max([len(r[i]) for r in rows] or [0])) for i in range(3)]
            widths[2] = max(widths[2], max([len(r[2]) + 2 + len(r[3]) for r in rows] or [0]))
            sep = '+' + '+'.join('-' * (w + 2) for w in widths) + '+'
            print(sep)
            print('| ' + ' | '.join(h.ljust(w) for h, w in zip(header, widths)) + ' |')
            print(sep.replace('-', '='))
            for name, a, b, verdict in rows:
                cells = (name, a, '%s: %s' % (b, verdict))
                print('| ' + ' | '.join(c.ljust(w) for c, w in zip(cells, widths)) + ' |')
                print(sep)
        else:
            for name, a, b, verdict in rows:
                print('%s: Mean: [%s] %s -> [%s] %s: %s'
                      % (name, _label(ref), a, _label(changed), b, verdict))


def main(argv=None):
    parser = argparse.ArgumentParser(prog='pyperf', description='Read pyperf benchmark results.')
    sub = parser.add_subparsers(dest='action')
    show = sub.add_parser('show', help='display the results of JSON files')
    show.add_argument('filenames', nargs='+', metavar='FILE')
    compare = sub.add_parser('compare_to', help='compare benchmark results to a reference')
    compare.add_argument('reference', metavar='REF_FILE')
    compare.add_argument('changed', nargs='+', metavar='CHANGED_FILE')
    compare.add_argument('--table', action='store_true', help='render a table')
    args = parser.parse_args(argv)
    if args.action == 'show':
        cmd_show(args)
    elif args.action == 'compare_to':
        cmd_compare_to(args)
    else:
        parser.print_usage()
        sys.exit(2)


main()
