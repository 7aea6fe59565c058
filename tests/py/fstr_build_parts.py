# f-strings join their parts in one allocation, taking the length and ASCII-ness from the parts
# (vm/str.c kr_str_concat_array): lengths, indexing and hashing of the results must be exact.


class S(str):
    pass


class Fmt:
    def __format__(self, spec):
        return S("<" + spec + ">")


def build(i, s):
    return [f"{i}", f"{s}", f"a{s}b", f"{s}{s}", f"{i}{s}{i}", f"", f"{''}{''}", f"{'é'}", f"x{'€'}y{i}😀",
            f"{Fmt():sp}", f"{Fmt()}!", f"{s!r}", f"{i:>4}|{s:<3}|"]


for i, s in ((1, "a"), (22, ""), (-3, "é€"), (4, "😀"), (5, S("sub"))):
    for r in build(i, s):
        print(repr(r), len(r), type(r).__name__, r[-1:] if r else None, r.upper(), hash(r) == hash(str(r)),
              r == "".join(list(r)))
t = f"{'a' * 3}{'b'}"
print(t is not None, t, len(t), {t: 1}["aaab"])
