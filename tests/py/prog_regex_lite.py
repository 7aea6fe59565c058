# A tiny regular-expression matcher (literals, ., *, +, ?, ^, $, character classes) with backtracking.
def parse(pattern):
    items = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "[":
            j = pattern.index("]", i)
            body = pattern[i + 1:j]
            neg = body.startswith("^")
            if neg:
                body = body[1:]
            chars = set()
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == "-":
                    chars.update(chr(x) for x in range(ord(body[k]), ord(body[k + 2]) + 1))
                    k += 3
                else:
                    chars.add(body[k])
                    k += 1
            atom = ("class", frozenset(chars), neg)
            i = j + 1
        elif c == "\\":
            atom = ("lit", pattern[i + 1])
            i += 2
        elif c == ".":
            atom = ("any",)
            i += 1
        else:
            atom = ("lit", c)
            i += 1
        if i < len(pattern) and pattern[i] in "*+?":
            items.append((atom, pattern[i]))
            i += 1
        else:
            items.append((atom, ""))
    return items
def atom_ok(atom, ch):
    if atom[0] == "any":
        return ch != "\n"
    if atom[0] == "lit":
        return ch == atom[1]
    return (ch in atom[1]) != atom[2]
def match_here(items, text, pos, anchored_end):
    if not items:
        return pos if (not anchored_end or pos == len(text)) else -1
    (atom, q), rest = items[0], items[1:]
    if q == "":
        if pos < len(text) and atom_ok(atom, text[pos]):
            return match_here(rest, text, pos + 1, anchored_end)
        return -1
    lo = 1 if q == "+" else 0
    hi = 1 if q == "?" else len(text) - pos
    n = 0
    while n < hi and pos + n < len(text) and atom_ok(atom, text[pos + n]):
        n += 1
    while n >= lo:
        r = match_here(rest, text, pos + n, anchored_end)
        if r >= 0:
            return r
        n -= 1
    return -1
def search(pattern, text):
    start_anchor = pattern.startswith("^")
    end_anchor = pattern.endswith("$") and not pattern.endswith("\\$")
    core = pattern[1 if start_anchor else 0:len(pattern) - (1 if end_anchor else 0)]
    items = parse(core)
    for start in range(0, 1 if start_anchor else len(text) + 1):
        end = match_here(items, text, start, end_anchor)
        if end >= 0:
            return (start, end, text[start:end])
    return None
tests = [("abc", "xxabcxx"), ("a.c", "abc"), ("a*b", "aaab"), ("^ab", "cab"), ("ab$", "cab"), ("colou?r", "the color red"),
         ("colou?r", "colour"), ("[0-9]+", "order 66 now"), ("[^a-z ]+", "hello WORLD 42"), ("x+y*z", "xxxzz"), ("\\.", "a.b"),
         ("^[a-z_][a-z0-9_]*$", "var_1"), ("^[a-z_][a-z0-9_]*$", "1var"), ("a.*b", "a123b456b"), ("", "anything"), ("q", ""),
         ("[A-Z][a-z]+ [A-Z][a-z]+", "met Ada Lovelace today"), ("(", "a(b")]
for pat, text in tests:
    print("%-24r %-26r -> %r" % (pat, text, search(pat, text)))
