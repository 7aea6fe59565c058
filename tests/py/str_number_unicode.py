# int() and float() of str with Unicode digits and spaces (CPython reads them as ASCII digits), and
# %-formatting: zero padding of inf/nan, '%' after flags or a width is an unsupported conversion.
for s in ['\u0663', '\u0663\u0664', ' \u0661\u0662 ', '\u2003\u0967\u0968\u2003', '\u0663.5', '-\u0663e\u0662', '\uff11\uff10', '\u00b2', 'x\u0663', '1_\u0663', '\u0663', '\U0001d7ce\U0001d7cf', 'inf\u00a0', '\u0663\u00a0', '١٢٣', '\u0663 4']:
    for f in (int, float):
        try:
            print(repr(s), f.__name__, f(s))
        except ValueError as e:
            print(repr(s), f.__name__, 'ValueError', e)
print(int('\u0663\u0664', 16), int('\u0661\u0660', 0) if False else '')
for expr in ["'%5%' % (1,)", "'%5%' % 1", "'%%' % ()", "'%-%' % ()", "'%.2%' % (1,)", "'%(a)%' % {'a':1}", "'%(a)5%' % {'a':1}", "'%5%%d' % (1,2)", "'%*%' % (3,)", "b'%5%' % (1,)", "b'%5%' % ()"]:
    try:
        print(expr, repr(eval(expr)))
    except Exception as e:
        print(expr, type(e).__name__, e)
for expr in ["'%010f' % float('inf')", "'%010f' % float('nan')", "'%-010f' % float('inf')", "'%+010.3e' % float('-inf')", "'%010g' % float('nan')", "b'%010f' % float('inf')", "'%05s' % 'ab'"]:
    print(expr, repr(eval(expr)))
