# traceback.format_exception_only / format_exc carry the "Did you mean" hints, as CPython 3.13's.
import traceback
import sys
import _suggestions


class Box:
    def __init__(self):
        self.width = 1

    def area(self):
        return width


def run(fn):
    try:
        fn()
    except Exception as e:
        print("".join(traceback.format_exception_only(e)), end="")
        print(traceback.format_exc().splitlines()[-1])


run(lambda: Box().widht)
run(lambda: Box().area())
run(lambda: lenn([]))
run(lambda: os)
run(lambda: [].extnd)
run(lambda: Box().zzzzzzzzzzzzzzz)
print(_suggestions._generate_suggestions(["apple", "banana", "cherry"], "banan"))
print(_suggestions._generate_suggestions(["apple"], "zzzzz"))
print("_suggestions" in sys.builtin_module_names)
