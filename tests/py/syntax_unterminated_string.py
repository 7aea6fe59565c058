print("this line is fine")
s = "abc
print(s)
