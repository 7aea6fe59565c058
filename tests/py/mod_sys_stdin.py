# sys.stdin: readline, iteration and read (stdin comes from tests/py/mod_sys_stdin.in).
import sys
first = sys.stdin.readline()
print(repr(first))
second = sys.stdin.readline().rstrip("\n")
print(second.upper())
count = 0
for line in sys.stdin:
    count += 1
    print(count, repr(line))
    if count == 3:
        break
rest = sys.stdin.read()
print(repr(rest), len(rest.splitlines()))
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
sys.stderr.write("")
print(sys.stdin.closed if hasattr(sys.stdin, "closed") else False)
