# str indexing, slicing, concatenation, repetition, membership, comparison.
s = "Hello, World"
print(s[0], s[-1], s[4], s[-5], s[0:5], s[7:], s[:-7], s[::2], s[::-1], s[1:10:3], s[-3:-1], s[10:2:-2])
print(s[100:], s[-100:3], s[5:5], repr(s[3:1]), len(s), len(""), len("日本"))
print(s + "!", s * 2, 3 * "ab", "ab" * 0, "ab" * -2, "x" * 1)
print("World" in s, "world" in s, "" in s, "lo, W" in s, "z" not in s)
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "abc" == "abc", "a" != "b", "Z" <= "Z", "é" > "z")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]), max("hello"), min("hello"))
print(list("abc"), tuple("xy"), "".join(reversed("stressed")), [c for c in "héllo"])
t = "日本語テキスト"
print(t[1:3], t[::-1], t[-1], len(t), t.find("テ"), t.encode("utf-8")[:6])
print(str(123), str(1.5), str(None), str([1, "a"]), str((1,)), str({"k": "v"}), str(b"x"), str())
try:
    s[20]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[0] = "h"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * 1.5
except TypeError as e:
    print(type(e).__name__, e)
print(ord("A"), ord("é"), ord("😀"), chr(65), chr(233), chr(0x1F600), chr(0x10FFFF) == "\U0010FFFF")
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
acc = ""
for i in range(10):
    acc += str(i)
print(acc, acc[3:7], id(acc) == id(acc))
