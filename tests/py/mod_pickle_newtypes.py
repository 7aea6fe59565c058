"""pickle round trips of the types added alongside it (complex, array, Decimal, pathlib, Fraction) at every protocol, and complex's bytes (copyreg's pickle_complex below protocol 2)."""
import pickle, array, decimal, pathlib, fractions, copyreg
for x in [1+2j, -0.0-1j, array.array('i', [1, 2]), array.array('w', 'hi'), decimal.Decimal('1.5'), pathlib.PurePosixPath('a/b'), fractions.Fraction(1, 3)]:
    for p in range(6):
        y = pickle.loads(pickle.dumps(x, p))
        assert y == x and type(y) is type(x), (x, p, y)
for p in range(6):
    print(p, pickle.dumps(1+2j, p), pickle.dumps([3j, -1.5+0j], p))
print(copyreg.dispatch_table[complex](2+3j))
print('ok')
