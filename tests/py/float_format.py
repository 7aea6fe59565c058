# Formatting floats with format specs and %.
x = 1234.5678
for spec in ["", "f", ".2f", "10.2f", "<10.1f", "^12.3f", "+.1f", " .1f", "e", ".3e", "E", "g", ".3g", "G", "%", ".1%", ",.2f", "_.3f", "010.2f", "=+10.1f", ".0f", "#.0f", ".10g", "n"]:
    print(repr(spec), repr(format(x, spec)))
for v in [0.0, -0.0, 1e-10, 1e20, 123456789.0, 0.5, 1.5, 2.5, float("inf"), float("nan"), -float("inf")]:
    print(format(v, ".2f"), format(v, "g"), format(v, ".3e"), format(v, "10.4g"), "%r %s %.1f %e %g" % (v, v, v, v, v))
print("%5.1f|%-8.3f|%+d|%08.3f" % (3.14159, 2.5, 7, -3.5))
print(f"{1/3:.5f} {2/3:.2%} {1e-7:g} {1e16:g} {123.0:g} {1234567.0:g} {0.0001:g} {0.00001:g}")
print(format(2.675, ".2f"), format(1.005, ".2f"), format(0.125, ".2f"), format(0.375, ".2f"))
print(str(1e21), str(1e-7), format(1e21, "f"), format(1e-7, "f"))
