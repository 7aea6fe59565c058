# input() reads lines from stdin (tests/py/builtin_input.in); EOFError at the end.
name = input()
print("hello", name)
age = int(input("prompt> "))
print("next year", age + 1)
line = input()
print(repr(line))
words = input().split()
print(words, len(words))
try:
    input()
except EOFError as e:
    print(type(e).__name__, e)
