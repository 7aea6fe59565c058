# An uncaught ZeroDivisionError through three frames; stdout printed before must survive.
def divide(a, b):
    return a / b
def average(xs):
    return divide(sum(xs), len(xs))
def main():
    print("average of [1, 2, 3]:", average([1, 2, 3]))
    print("average of []:", average([]))
print("start")
main()
print("never printed")
