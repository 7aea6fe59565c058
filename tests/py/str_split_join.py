# split, rsplit, splitlines, join, partition, rpartition.
s = "  the quick  brown\tfox \n jumps  "
print(s.split(), s.split(" "), s.split(None, 2), s.rsplit(None, 2), s.rsplit(" ", 3))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 1), "a,b,,c,".rsplit(",", 1), "".split(","), "".split())
print("a--b--c".split("--"), "abc".split("abc"), "aaa".split("a"), "1 2 3".split(maxsplit=1), "x".split("x", 0))
print("line1\nline2\r\nline3\rline4\n".splitlines(), "a\n\nb".splitlines(), "x\ny\n".splitlines(keepends=True))
print("no newline".splitlines(), "".splitlines(), "\n".splitlines(), "a\x0bb\x0cc\x1cd\u2028e".splitlines())
print(",".join(["a", "b", "c"]), "".join([]), " - ".join("xyz"), "\n".join(["1", "2"]), ", ".join(str(i) for i in range(5)))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
print("key=value=more".partition("="), "key=value=more".rpartition("="), "novalue".partition("="), "novalue".rpartition("="))
print("a.b.c".partition("."), "abc".partition("abc"), "abc".rpartition("x"))
print("  x  y  ".split(" "), " a b ".rsplit(), "a b c d".rsplit(" ", 2), "a  b".split(" "))
