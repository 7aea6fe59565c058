# Comments, semicolons, line continuation, brackets across lines, tabs in indentation.
x = 1; y = 2; z = x + \
    y
print(x, y, z)  # trailing comment
total = (1 +
         2 +   # comment inside brackets
         3)
print(total)
items = [
    1,
    2,
    3,
]
print(items)
d = {
    'a': 1,
    'b': 2,
}
print(d)
if x:
	print("tab-indented block")
	if y:
		print("two tabs")
def f(a,
      b=2,
      *,
      c=3):
    return a + b + c
print(f(1,
        c=10))
class C: pass
if True: print("one-line if")
while False: pass
for i in range(2): print("loop", i)
print("semi"); print("colon")
# a comment at the end without newline
