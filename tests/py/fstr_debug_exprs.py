# f-string '=' specifier, walrus inside f-strings, calls and method chains.
values = [3, 1, 2]
print(f"{sorted(values)=}", f"{values[0] + values[-1] = }", f"{len(values)=:03d}")
print(f"{(y := 10) * 2}", y)
print(f"{'abc'.upper()=}", f"{max(values)=!r}", f"{ values = !s}")
s = "text"
print(f"{s!r:>10}|{s:<10}|{s:^10.2}|")
print(f"{1_000_000:,d} {255:#06x} {3.5:08.3f} {-3.5:=8.2f} {42:+}")
def g():
    return {"a": [1, {"b": 2}]}
print(f"{g()['a'][1]['b']}", f"{g()=}")
print(f"{'\n'.join(['l1', 'l2'])}")
print(f"{'#' * 3} {5 // 2} {5 % 3} {2 ** 10} {not True} {1 < 2}")
