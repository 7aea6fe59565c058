"""Exceptions in loops: raise/catch of builtin and custom exceptions, try/finally, nested handlers."""
import sys


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class Minor(AppError):
    pass


def risky(i):
    if i % 5 == 0:
        raise Minor(i)
    if i % 7 == 0:
        raise AppError(i)
    if i % 11 == 0:
        raise KeyError(i)
    return i


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(1000, int(1_100_000 * scale))
    minors = apps = keys = ok = fin = 0
    d = {}
    for i in range(n):
        try:
            try:
                ok += risky(i)
            except Minor as e:
                minors += e.code % 3
            except AppError as e:
                apps += 1
                raise
            finally:
                fin += 1
        except AppError:
            apps += 1
        except KeyError:
            keys += 1
        try:
            d[i & 63] += 1
        except KeyError:
            d[i & 63] = 1
        try:
            int("x%d" % i) if i % 97 == 0 else None
        except ValueError:
            keys += 2
    print("checksum: %d %d %d %d %d %d" % (minors, apps, keys, ok, fin, sum(d.values())))


main()
