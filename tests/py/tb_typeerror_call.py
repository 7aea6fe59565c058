# Uncaught TypeError from a call with a wrong argument count.
def greet(name, greeting):
    return greeting + ", " + name
print(greet("ann", "hi"))
print(greet("bob"))
