# difflib: ndiff / unified_diff / context_diff / restore over random line edits, SequenceMatcher
# ratios and opcodes (with and without junk, autojunk on long sequences), get_close_matches, errors.
import difflib, random
rng = random.Random(7)
words = ['alpha\n', 'beta\n', 'gamma\n', 'delta\n', '  # comment\n', '\n', 'alpha beta\n', 'gama\n', 'delt a\n', 'x = 1\n', 'x = 2\n', '\tindent\n']
for trial in range(300):
    a = [rng.choice(words) for _ in range(rng.randint(0, 12))]
    b = list(a)
    for _ in range(rng.randint(0, 5)):
        op = rng.randint(0, 2)
        if op == 0 and b: del b[rng.randrange(len(b))]
        elif op == 1: b.insert(rng.randint(0, len(b)), rng.choice(words))
        elif b: b[rng.randrange(len(b))] = rng.choice(words)
    print(trial, ''.join(difflib.ndiff(a, b)), end='')
    print(''.join(difflib.unified_diff(a, b, 'a', 'b', n=rng.randint(0, 3))), end='')
    print(''.join(difflib.context_diff(a, b, 'a', 'b', '2020', '2021', n=rng.randint(0, 3))), end='')
    sm = difflib.SequenceMatcher(difflib.IS_CHARACTER_JUNK if trial % 2 else None, ''.join(a), ''.join(b))
    print(round(sm.ratio(), 6), round(sm.quick_ratio(), 6), sm.get_opcodes()[:5])
    print(list(difflib.restore(difflib.ndiff(a, b), 2)) == b)
# long sequences (autojunk)
a = [rng.choice('abcde') for _ in range(500)]
b = [rng.choice('abcdef') for _ in range(450)]
sm = difflib.SequenceMatcher(None, a, b)
print(sm.get_matching_blocks()[:10], len(sm.get_opcodes()), sm.ratio(), sorted(sm.bpopular))
sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
print(sm.get_matching_blocks()[:10], len(sm.get_opcodes()), sm.ratio())
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
print(difflib.get_close_matches('wheel', ['while', 'wheat', 'whale', 'where', 'heel', 'wheels'], n=4, cutoff=0.5))
import keyword
print(difflib.get_close_matches('pyhton', ['python', 'typhon', 'pylon', 'photon']))
for bad in [(0, 0.5), (3, 1.5)]:
    try: difflib.get_close_matches('x', ['x'], *bad)
    except ValueError as e: print('ValueError', e)
try: list(difflib.unified_diff('abc', ['x']))
except TypeError as e: print('TypeError', e)
try: list(difflib.restore([], 3))
except ValueError as e: print('ValueError', e)
print(list(difflib.unified_diff(['a'], ['b'], lineterm='')))
print(difflib.SequenceMatcher(None, 'abxcd', 'abcd').find_longest_match(0, 5, 0, 4))
s = difflib.SequenceMatcher(lambda x: x == ' ', "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.get_matching_blocks())
print(''.join(difflib.ndiff('one\ntwo\nthree\n'.splitlines(1), 'ore\ntree\nemu\n'.splitlines(1))))
