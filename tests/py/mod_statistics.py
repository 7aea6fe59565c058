# statistics core (the functions seed000 uses): mean, median, quantiles, stdev; StatisticsError.
import statistics
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.median([1, 3, 5]), statistics.median([3.0, 1.0]))
print(statistics.mean([1.5, 2.5, 3.5]), type(statistics.mean([1, 2])).__name__, statistics.mean([1, 2]), statistics.mean([-1, 1]))
print(round(statistics.stdev(data), 10), statistics.stdev([1, 1, 1]), round(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), 10))
print(statistics.quantiles(range(1, 101), n=4), statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=10))
q = statistics.quantiles(list(range(1, 201)), n=100)
print(len(q), q[0], q[49], q[98])
q2 = statistics.quantiles([float(x) for x in range(100)], n=100)
print(len(q2), q2[0], q2[98], statistics.quantiles([1.5, 2.5, 10.0], n=4))
for bad in [lambda: statistics.mean([]), lambda: statistics.stdev([1]), lambda: statistics.median([]), lambda: statistics.quantiles([1, 2], n=0)]:
    try:
        bad()
    except statistics.StatisticsError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
