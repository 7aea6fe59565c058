# Huffman compression: build the tree deterministically, encode to a bit string, pack into bytes, decode.
TEXT = ("it was the best of times, it was the worst of times, it was the age of wisdom, it was the age of "
        "foolishness, it was the epoch of belief, it was the epoch of incredulity") * 3
def build(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    nodes = [(n, ch, ch) for ch, n in freq.items()]
    order = 0
    while len(nodes) > 1:
        nodes.sort(key=lambda x: (x[0], x[1]))
        (n1, k1, a), (n2, k2, b) = nodes[0], nodes[1]
        nodes = nodes[2:] + [(n1 + n2, min(k1, k2), (a, b))]
        order += 1
    codes = {}
    def walk(node, prefix):
        if isinstance(node, str):
            codes[node] = prefix or "0"
        else:
            walk(node[0], prefix + "0")
            walk(node[1], prefix + "1")
    walk(nodes[0][2], "")
    return freq, nodes[0][2], codes
freq, tree, codes = build(TEXT)
for ch in sorted(codes, key=lambda c: (len(codes[c]), c)):
    print(repr(ch), freq[ch], codes[ch])
bits = "".join(codes[c] for c in TEXT)
print(len(TEXT) * 8, len(bits), round(len(bits) / (len(TEXT) * 8), 4))
pad = (8 - len(bits) % 8) % 8

padded = bits + "0" * pad
packed = bytes(int(padded[i:i + 8], 2) for i in range(0, len(padded), 8))
print(len(packed), packed[:16].hex(), pad)
def decode(data, pad, tree):
    bitstr = "".join(format(b, "08b") for b in data)
    if pad:
        bitstr = bitstr[:-pad]
    out = []
    node = tree
    for bit in bitstr:
        node = node[int(bit)]
        if isinstance(node, str):
            out.append(node)
            node = tree
    return "".join(out)
decoded = decode(packed, pad, tree)
print(decoded == TEXT, decoded[:60])
