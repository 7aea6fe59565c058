"""Dicts and strings: generate text from a deterministic generator, split, normalise, count, rank."""
import sys

SYLLABLES = ["ka", "ri", "to", "mo", "ne", "su", "pa", "lo", "vi", "da", "ex", "qu", "zo", "an", "el"]


def make_text(n_words, seed):
    words = []
    for i in range(n_words):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        k = 1 + (seed >> 16) % 3
        w = ""
        s = seed
        for _ in range(k):
            w += SYLLABLES[s % len(SYLLABLES)]
            s //= len(SYLLABLES)
        if seed % 11 == 0:
            w = w.capitalize()
        if seed % 13 == 0:
            w += ","
        elif seed % 17 == 0:
            w += "."
        words.append(w)
        if i % 12 == 11:
            words.append("\n")
    return " ".join(words)


def count_words(text):
    counts = {}
    for line in text.splitlines():
        for raw in line.split():
            w = raw.strip(".,;:").lower()
            if not w:
                continue
            counts[w] = counts.get(w, 0) + 1
    return counts


def bigrams(text):
    pairs = {}
    words = [w.strip(".,").lower() for w in text.split()]
    for a, b in zip(words, words[1:]):
        key = a + " " + b
        pairs[key] = pairs.get(key, 0) + 1
    return pairs


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(1000, int(550_000 * scale))
    text = make_text(n, 42)
    counts = count_words(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    pairs = bigrams(text)
    best_pair = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
    lengths = {}
    for w, c in counts.items():
        lengths[len(w)] = lengths.get(len(w), 0) + c
    digest = 0
    for w, c in sorted(counts.items()):
        digest = (digest * 31 + c * len(w)) % 1000000007
    print("checksum: %d %d %s %s %d %d" % (len(text), len(counts), top[0], best_pair, sorted(lengths.items())[-1][1], digest))


main()
