# TypeError messages for every binary operator over incompatible operand types.
import sys
samples = [1, 1.5, "s", [1], (1,), {"k": 1}, None, {1}, b"b"]
ops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "<", ">=" ]
count_ok = 0
for op in ops:
    seen = set()
    for a in samples:
        for b in samples:
            try:
                eval("a %s b" % op, {"a": a, "b": b})
                count_ok += 1
            except TypeError as e:
                msg = str(e)
                if msg not in seen:
                    seen.add(msg)
                    print(op, "|", msg)
            except (ValueError, ZeroDivisionError, OverflowError, MemoryError) as e:
                print(op, repr(a), repr(b), type(e).__name__, e)
print("combinations that worked:", count_ok)
for u in ["-", "+", "~"]:
    for a in ["s", [1], None, {}]:
        try:
            eval(u + "a", {"a": a})
        except TypeError as e:
            print(u, "|", e)
