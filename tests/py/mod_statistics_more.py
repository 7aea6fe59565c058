# statistics: geometric/harmonic means, covariance, correlation (linear and ranked), linear_regression; Fractions
import statistics as st, random
from fractions import Fraction
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: st.geometric_mean([54, 24, 36])); t(lambda: st.geometric_mean([1, 0, 3])); t(lambda: st.geometric_mean([]))
t(lambda: st.geometric_mean([1, -2])); t(lambda: st.geometric_mean([float('nan'), 1]))
t(lambda: st.harmonic_mean([40, 60])); t(lambda: st.harmonic_mean([40, 60], weights=[5, 30])); t(lambda: st.harmonic_mean([2.5, 3, 10]))
t(lambda: st.harmonic_mean([1, 0, 2])); t(lambda: st.harmonic_mean([5])); t(lambda: st.harmonic_mean([-1, 2])); t(lambda: st.harmonic_mean([]))
t(lambda: st.harmonic_mean([Fraction(1, 2), Fraction(1, 3)])); t(lambda: st.harmonic_mean([1, 2], weights=[1]))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]; y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
t(lambda: st.covariance(x, y)); t(lambda: st.covariance(x, [-v for v in x])); t(lambda: st.covariance([1], [2])); t(lambda: st.covariance([1, 2], [2]))
t(lambda: st.correlation(x, x)); t(lambda: st.correlation(x, y)); t(lambda: st.correlation(x, [9 - v for v in x]))
t(lambda: st.correlation([1, 2, 3, 4, 5], [1, 4, 9, 16, 25], method='ranked')); t(lambda: st.correlation([1, 1, 2, 3], [2, 3, 3, 9], method='ranked'))
t(lambda: st.correlation([1, 1], [1, 2])); t(lambda: st.correlation(x, y, method='x'))
year = [1971, 1975, 1979, 1982, 1983]; films = [1, 2, 3, 4, 5]
t(lambda: st.linear_regression(year, films)); t(lambda: st.linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True))
r = st.linear_regression(year, films); print(r.slope, r.intercept, round(r.slope * 2019 + r.intercept))
t(lambda: st.linear_regression([1, 1], [2, 3])); t(lambda: st.linear_regression([1], [2]))
random.seed(3)
for _ in range(4):
    a = [random.gauss(0, 10) for _ in range(30)]; b = [v * 0.5 + random.gauss(0, 3) for v in a]
    print(st.correlation(a, b), st.covariance(a, b), st.linear_regression(a, b), st.geometric_mean([abs(v) + 1 for v in a]), st.harmonic_mean([abs(v) + 1 for v in b]))
