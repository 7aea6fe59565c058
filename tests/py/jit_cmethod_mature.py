# A loop compiled by OSR before the function's later loops ever ran: their C-method call sites are
# unprofiled generic calls until they have run KR_JIT_CALL_MATURITY (1000) times; then the code is
# retired, the loop leaves after that call and re-enters recompiled code with direct C-method calls.
# The results must not change across that switch, nor when a receiver of another type shows up later
# (the direct call's type check falls back to the generic call).

def main(n):
    warm = 0
    for i in range(3000):          # hot first: main is compiled here, before the loops below ran
        warm += i % 7
    parts = []
    for i in range(n):
        parts.append("item%05d:%s" % (i, "abcdefghij"[i % 10] * (i % 4 + 1)))
    total = 0
    hits = 0
    for f in parts:
        name, sep, val = f.partition(":")
        total += len(val) + int(name[4:]) % 13
        if val.startswith("cc") or val.endswith("j"):
            hits += 1
        total += len(f.strip("item0123456789:")) + f.find("d") + f.upper().count("C")
    print(warm, len(parts), total, hits)
    # the same call sites with another receiver type after maturing: bytes partition/startswith
    mixed = [b"ab:cd", "ef:gh", b"cc:j", "cc:xj"] * 300
    out = []
    for f in mixed:
        a, _, b = f.partition(b":" if isinstance(f, bytes) else ":")
        out.append((a, b, b.endswith(b"j" if isinstance(b, bytes) else "j")))
    print(len(out), out[:4], out[-1])


main(2500)
main(40)
