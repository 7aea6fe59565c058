# Building strings: join in loops, reversal, character counting, unicode lengths.
words = "the rain in spain stays mainly in the plain".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
letters = {}
for ch in "".join(words):
    letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items()))
print(" ".join(w[::-1] for w in words), " ".join(w.capitalize() for w in words))
print("".join(chr(ord("a") + (ord(c) - ord("a") + 13) % 26) if c.isalpha() else c for c in "hello world"))
parts = []
for i in range(20):
    parts.append(str(i * i))
print(",".join(parts), len(",".join(parts)))
s = ""
for c in "abcdef":
    s = c + s
print(s)
u = "aé日😀"
print([len(c.encode()) for c in u], len(u), len(u.encode()), u.encode().decode() == u, u[::-1])
print(sorted("hello world"), "".join(sorted(set("mississippi"))))
print("a" < "aa" < "b", "abc"[1] * 3, "-" * 20)
print(str.upper("x"), str.join("+", ["1", "2"]), list(map(str.strip, [" a ", "b "])))
