# pprint.pformat of 300 pseudo-random nested structures (a fixed LCG) with random width/indent/depth/
# compact/sort_dicts. Sets hold small contiguous ints: their one-line repr is set iteration order, which
# for colliding ints differs between Krait and CPython (not a pprint matter).
import pprint
state = [987654]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 8) % n
words = ['a', 'bb', 'hello world', 'x' * 30, 'two words here and there', 'line\nbreak', "it's", '', ' ', 'tab\there']
def gen(depth):
    k = rnd(9 if depth < 4 else 4)
    if k == 0: return rnd(1000) - 500
    if k == 1: return words[rnd(len(words))] * (1 + rnd(3))
    if k == 2: return rnd(10) * 0.25
    if k == 3: return [None, True, False, b'bytes\x00' * rnd(12)][rnd(4)]
    if k == 4: return [gen(depth + 1) for _ in range(rnd(6))]
    if k == 5: return tuple(gen(depth + 1) for _ in range(rnd(4)))
    if k == 6: return {words[rnd(len(words))] + str(i): gen(depth + 1) for i in range(rnd(5))}
    if k == 7: return set(range(rnd(8)))
    return frozenset(range(rnd(5), 7))
for t in range(300):
    obj = gen(0)
    kw = {}
    if rnd(2): kw['width'] = 5 + rnd(60)
    if rnd(3) == 0: kw['indent'] = rnd(5)
    if rnd(3) == 0: kw['depth'] = 1 + rnd(3)
    if rnd(3) == 0: kw['compact'] = True
    if rnd(4) == 0: kw['sort_dicts'] = False
    print(kw)
    print(pprint.pformat(obj, **kw))
