# Comprehensions over larger data: word statistics and matrix products.
text = " ".join("word%d" % (i % 37) for i in range(2000))
words = text.split()
freq = {w: 0 for w in set(words)}
for w in words:
    freq[w] += 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(words), len(freq), top)
N = 30
A = [[(i * j) % 7 for j in range(N)] for i in range(N)]
B = [[(i + j) % 5 for j in range(N)] for i in range(N)]
Cm = [[sum(A[i][k] * B[k][j] for k in range(N)) for j in range(N)] for i in range(N)]
print(Cm[0][:5], Cm[N - 1][-5:], sum(map(sum, Cm)))
squares = {n: n * n for n in range(1000)}
print(sum(v for k, v in squares.items() if k % 2), len({v % 1000 for v in squares.values()}))
pyth = [(a, b, c) for c in range(1, 40) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
