# shlex on 400 pseudo-random strings (a fixed LCG) of quotes, escapes, comments, punctuation and
# whitespace: split in both modes, the shlex class with punctuation_chars, and quote() round trips.
import shlex
state = [4242]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 8) % n
alpha = 'ab \t\n"\'\\#;|&()<>=-.*~é'
for t in range(400):
    s = ''.join(alpha[rnd(len(alpha))] for _ in range(rnd(12)))
    mode = rnd(4)
    try:
        if mode == 0:
            r = shlex.split(s)
        elif mode == 1:
            r = shlex.split(s, comments=True, posix=False)
        else:
            lex = shlex.shlex(s, posix=mode == 2, punctuation_chars=True)
            lex.whitespace_split = bool(rnd(2))
            r = list(lex)
    except ValueError as e:
        r = 'ValueError: %s' % e
    print(repr(s), mode, r)
    q = shlex.quote(s)
    if shlex.split(q) != [s]:
        print('quote round trip failed', repr(s), repr(q))
