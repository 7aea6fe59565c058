# statistics beyond the seed's needs: median_low/high, mode, multimode, pstdev, variance, fmean, inclusive quantiles.
import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]), st.mode(data), st.pstdev(data), st.pvariance(data))
print(round(st.variance(data), 10), st.fmean([1, 2, 3, 4]), st.multimode("aabbbcccc"), st.multimode([1, 1, 2, 2]))
print(st.quantiles([1.5, 2.5, 10.0], n=4, method="inclusive"))
