# Decimal.__format__: every presentation type, precision, alignment, fill, sign, z, #, zero
# padding, grouping, and the context's rounding and capitals.
from decimal import *

D = Decimal
VALUES = ['0', '-0', '1', '-1', '1.5', '2.5', '-2.5', '0.125', '123456789', '-1234.5678',
          '1.23E+10', '1.23E-10', '0.000012345', '9.9999', '1E+3', '0E-5', '-0.0005', 'Inf', '-Inf',
          'NaN', '-sNaN5']
SPECS = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', '.0e', '.2e', '.3E', '.0f', '.2f', '.1%',
         '.0g', '.3g', '.10g', '.3G', '.3', '.1', '12', '<12', '>12', '^12', '=+12', '*^15.3f',
         '+', ' ', '-', '+.2f', ' .2e', ',', '_', ',.2f', '_.1f', '015,.2f', '012', '0=12.3f',
         '#', '#.0f', '#.0e', 'z.1f', 'z', '+z.0f', '010', '.0%', '20,', 'x<+20,.3f']
for v in VALUES:
    d = D(v)
    out = []
    for spec in SPECS:
        try:
            out.append(format(d, spec))
        except Exception as e:
            out.append(type(e).__name__)
    print(v, '|'.join(out))

for spec in ['.2q', '..2f', ',n', '10.2fx', '=', '.f', '_,f']:
    try:
        print(spec, format(D('1.5'), spec))
    except Exception as e:
        print(spec, type(e).__name__)

# the context's rounding and capitals apply
for r in [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING]:
    with localcontext(rounding=r):
        print(r, [format(D(x), '.0f') for x in ['0.5', '1.5', '2.5', '-2.5', '2.45']],
              format(D('2.45'), '.1f'), format(D('2.45'), '.2g'), format(D('1234'), '.2e'))
with localcontext(capitals=0):
    print(format(D('1.23E+10'), ''), format(D('1.23E+10'), '.2'), str(D('1E+100')))
print('{:>10}|{:<10}|{:^10}|{:,.2f}'.format(D('1.5'), D('-2'), D('3E+2'), D('1234567.891')))
print(f"{D('3.14159'):.3f} {D('2.71828'):10.4} {D('-0.001'):+.1e}")
