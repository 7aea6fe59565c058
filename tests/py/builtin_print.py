# print(): sep, end, file, flush, many argument kinds.
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" - ", end="!\n")
print(1, 2.5, None, True, [1], (2,), {"k": 3}, sep="|")
print("no newline", end="")
print(" continued")
print(*range(5))
print(*"abc", sep=",")
print("to stdout", file=sys.stdout, flush=True)
print("x", sep=None, end=None)
print("", end="")
print("multi\nline")
print("tab\tsep")
print(end="only end\n")
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("to", "object", file=w, sep="_")
print(repr("".join(w.parts)))
try:
    print("x", end=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", file=5)
except AttributeError as e:
    print(type(e).__name__, e)
print("unicode: é 日本 😀")
