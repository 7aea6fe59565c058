"""pickle: the 1000-item batches of lists, dicts and sets (the batch boundaries, a trailing empty batch
at multiples of 1000) and 64 KiB framing, bytes compared with CPython's by size, checksum and tail."""
import pickle
import collections


def summary(d):
    return len(d), sum((k + 1) * b for k, b in enumerate(d)) % 1000000007, d[-40:]


objs = [list(range(999)), list(range(1000)), list(range(1001)), list(range(2001)), dict.fromkeys(range(1000)),
        {i: i for i in range(1001)}, set(range(1000)), set(range(1001)), frozenset(range(1500)),
        collections.OrderedDict.fromkeys(range(1001)), collections.deque(range(1001)),
        [b'x' * 70000, 'y' * 70000, bytearray(b'z' * 66000), list(range(20000))]]
for i, o in enumerate(objs):
    for proto in range(6):
        d = pickle.dumps(o, proto)
        print(i, proto, *summary(d))
        back = pickle.loads(d)
        print('  ', type(back).__name__, back == o)
