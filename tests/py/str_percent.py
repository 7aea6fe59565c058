# printf-style % formatting.
print("%d %i %u" % (42, -7, 3))
print("%5d|%-5d|%05d|%+d|% d|%+05d" % (42, 42, 42, 42, 42, -42))
print("%x %X %o %#x %#X %#o %08x" % (255, 255, 8, 255, 255, 8, 0xBEEF))
print("%f %.2f %10.3f %-10.1f| %e %.2E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 0.00031, 1e-5, 1e20))
print("%s %r %a" % ("str", "str", "é"))
print("%c%c%c" % (72, "i", 33))
print("%%d is literal, %s" % "ok")
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 3, 2.71828))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % (None, True), "%d" % 3.99, "%s" % 2 ** 100)
print("%.3s|%10.2s|" % ("abcdef", "xyz"))
print("%5s|%-6r|" % ("ab", "cd"))
print(b"%s %d %x" % (b"bytes", 5, 255), b"%5b|%c" % (b"ab", 65))
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%(a)s", 5), ("%c", 1114112), ("%c", "ab")]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
