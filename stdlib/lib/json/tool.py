"""`krait -m json.tool [infile] [outfile]`: validate JSON and pretty-print it (CPython's options)."""
import argparse
import json
import sys


def _parser():
    p = argparse.ArgumentParser(prog="python -m json.tool",
                                description="A simple command line interface for json module "
                                            "to validate and pretty-print JSON objects.")
    p.add_argument("infile", nargs="?", help="a JSON file to be validated or pretty-printed",
                   default="-")
    p.add_argument("outfile", nargs="?", help="write the output of infile to outfile", default=None)
    p.add_argument("--sort-keys", action="store_true", default=False,
                   help="sort the output of dictionaries alphabetically by key")
    p.add_argument("--no-ensure-ascii", dest="ensure_ascii", action="store_false",
                   help="disable escaping of non-ASCII characters")
    p.add_argument("--json-lines", action="store_true", default=False,
                   help="parse input using the JSON Lines format. Use with --no-indent or --compact "
                        "to produce valid JSON Lines output.")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--indent", default=4, type=int,
                       help="separate items with newlines and use this number of spaces for indentation")
    group.add_argument("--tab", action="store_const", dest="indent", const="\t",
                       help="separate items with newlines and use tabs for indentation")
    group.add_argument("--no-indent", action="store_const", dest="indent", const=None,
                       help="separate items with spaces rather than newlines")
    group.add_argument("--compact", action="store_true",
                       help="suppress all whitespace separation (most compact)")
    return p


def main():
    options = _parser().parse_args()
    dump_args = {"sort_keys": options.sort_keys, "indent": options.indent,
                 "ensure_ascii": options.ensure_ascii}
    if options.compact:
        dump_args["indent"] = None
        dump_args["separators"] = ",", ":"
    try:
        infile = sys.stdin if options.infile == "-" else open(options.infile, encoding="utf-8")
        try:
            if options.json_lines:
                objs = [json.loads(line) for line in infile if line.strip()]
            else:
                objs = [json.load(infile)]
        finally:
            if infile is not sys.stdin:
                infile.close()
        outfile = sys.stdout if options.outfile is None else open(options.outfile, "w", encoding="utf-8")
        with outfile if outfile is not sys.stdout else _NoClose(outfile) as out:
            for obj in objs:
                json.dump(obj, out, **dump_args)
                out.write("\n")
    except ValueError as e:
        raise SystemExit(e)


class _NoClose:
    """`with` for sys.stdout that leaves it open."""

    def __init__(self, f):
        self.f = f

    def __enter__(self):
        return self.f

    def __exit__(self, *exc):
        return False


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError as exc:
        sys.exit(exc.errno)
