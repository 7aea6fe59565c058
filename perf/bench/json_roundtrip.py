"""A JSON round trip: build nested records, json.dumps (plain, indent, sort_keys), json.loads, compare."""
import json
import sys


def make_records(n):
    recs = []
    seed = 1
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        recs.append({
            "id": i,
            "name": "user%d" % (seed % 10000),
            "active": seed % 3 == 0,
            "score": (seed % 100000) / 100.0,
            "tags": ["t%d" % (seed % 7), "g%d" % (seed % 5)],
            "address": {"city": "City%d" % (seed % 50), "zip": "%05d" % (seed % 100000), "geo": [seed % 90, -(seed % 180)]},
            "note": None if seed % 4 else "caf\u00e9 \u2603 \"quoted\"",
        })
    return recs


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(100, int(10_000 * scale))
    recs = make_records(n)
    total_len = 0
    digest = 0
    for rnd in range(6):
        s = json.dumps(recs)
        back = json.loads(s)
        assert back == recs
        s2 = json.dumps(back, indent=2, sort_keys=True)
        s3 = json.dumps(recs[: n // 10], separators=(",", ":"), ensure_ascii=False)
        total_len += len(s) + len(s2) + len(s3)
        for ch in s3[:2000]:
            digest = (digest * 131 + ord(ch)) % 1000000007
        recs[rnd]["score"] += 1.5
    print("checksum: %d %d %d" % (total_len, digest, len(json.loads(s2))))


main()
