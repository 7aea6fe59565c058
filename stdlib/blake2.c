/* blake2.c: BLAKE2b and BLAKE2s, written from RFC 7693 (sections 2.1-3.3, appendix parameter blocks in
 * the BLAKE2 paper). The two variants differ only in word size, rounds, rotation counts and block size;
 * each gets its own compression function so the word arithmetic stays native. Little-endian loads and
 * stores are done bytewise, so the code is endian-neutral. */
#include "blake2.h"

#include <string.h>

static const uint64_t IV_B[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
static const uint32_t IV_S[8] = {
    0x6a09e667UL, 0xbb67ae85UL, 0x3c6ef372UL, 0xa54ff53aUL, 0x510e527fUL, 0x9b05688cUL, 0x1f83d9abUL, 0x5be0cd19UL,
};

/* the message word permutations, one row per round (BLAKE2b's rounds 10 and 11 reuse rows 0 and 1) */
static const uint8_t SIGMA[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

static uint64_t load64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static uint32_t load32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rotr64(uint64_t x, int n) { return x >> n | x << (64 - n); }
static uint32_t rotr32(uint32_t x, int n) { return x >> n | x << (32 - n); }

/* F of RFC 7693 3.2 for BLAKE2b: block = 128 bytes, t = bytes so far (128-bit), last = final block. */
static void compress_b(kr_blake2_state *s, const uint8_t *block, bool last)
{
    uint64_t v[16], m[16];
    for (int i = 0; i < 16; i++)
        m[i] = load64(block + 8 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = s->h[i];
        v[i + 8] = IV_B[i];
    }
    v[12] ^= s->t[0];
    v[13] ^= s->t[1];
    if (last) {
        v[14] = ~v[14];
        if (s->last_node)
            v[15] = ~v[15];
    }
#define GB(a, b, c, d, x, y)                          \
    do {                                              \
        v[a] = v[a] + v[b] + (x);                     \
        v[d] = rotr64(v[d] ^ v[a], 32);               \
        v[c] = v[c] + v[d];                           \
        v[b] = rotr64(v[b] ^ v[c], 24);               \
        v[a] = v[a] + v[b] + (y);                     \
        v[d] = rotr64(v[d] ^ v[a], 16);               \
        v[c] = v[c] + v[d];                           \
        v[b] = rotr64(v[b] ^ v[c], 63);               \
    } while (0)
    for (int r = 0; r < 12; r++) {
        const uint8_t *sg = SIGMA[r % 10];
        GB(0, 4, 8, 12, m[sg[0]], m[sg[1]]);
        GB(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
        GB(2, 6, 10, 14, m[sg[4]], m[sg[5]]);
        GB(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
        GB(0, 5, 10, 15, m[sg[8]], m[sg[9]]);
        GB(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
        GB(2, 7, 8, 13, m[sg[12]], m[sg[13]]);
        GB(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
    }
#undef GB
    for (int i = 0; i < 8; i++)
        s->h[i] ^= v[i] ^ v[i + 8];
}

/* the same for BLAKE2s: 64-byte blocks, 32-bit words, 10 rounds, rotations 16/12/8/7 */
static void compress_s(kr_blake2_state *s, const uint8_t *block, bool last)
{
    uint32_t v[16], m[16];
    for (int i = 0; i < 16; i++)
        m[i] = load32(block + 4 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = (uint32_t)s->h[i];
        v[i + 8] = IV_S[i];
    }
    v[12] ^= (uint32_t)s->t[0];
    v[13] ^= (uint32_t)(s->t[0] >> 32);
    if (last) {
        v[14] = ~v[14];
        if (s->last_node)
            v[15] = ~v[15];
    }
#define GS(a, b, c, d, x, y)                          \
    do {                                              \
        v[a] = v[a] + v[b] + (x);                     \
        v[d] = rotr32(v[d] ^ v[a], 16);               \
        v[c] = v[c] + v[d];                           \
        v[b] = rotr32(v[b] ^ v[c], 12);               \
        v[a] = v[a] + v[b] + (y);                     \
        v[d] = rotr32(v[d] ^ v[a], 8);                \
        v[c] = v[c] + v[d];                           \
        v[b] = rotr32(v[b] ^ v[c], 7);                \
    } while (0)
    for (int r = 0; r < 10; r++) {
        const uint8_t *sg = SIGMA[r];
        GS(0, 4, 8, 12, m[sg[0]], m[sg[1]]);
        GS(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
        GS(2, 6, 10, 14, m[sg[4]], m[sg[5]]);
        GS(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
        GS(0, 5, 10, 15, m[sg[8]], m[sg[9]]);
        GS(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
        GS(2, 7, 8, 13, m[sg[12]], m[sg[13]]);
        GS(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
    }
#undef GS
    for (int i = 0; i < 8; i++)
        s->h[i] = (uint32_t)(s->h[i] ^ v[i] ^ v[i + 8]);
}

static size_t block_size(const kr_blake2_state *s) { return s->is_b ? 128 : 64; }

static void add_count(kr_blake2_state *s, size_t n)
{
    s->t[0] += n;
    if (s->t[0] < n)
        s->t[1]++;
}

static void compress(kr_blake2_state *s, const uint8_t *block, bool last)
{
    if (s->is_b)
        compress_b(s, block, last);
    else
        compress_s(s, block, last);
}

void kr_blake2_init(kr_blake2_state *s, bool is_b, const kr_blake2_params *p, const uint8_t *key, size_t keylen)
{
    memset(s, 0, sizeof *s);
    s->is_b = is_b;
    s->outlen = (uint8_t)p->digest_size;
    s->last_node = p->last_node;
    /* the parameter block (BLAKE2 paper, 2.8), XORed into the IV */
    uint8_t pb[64];
    memset(pb, 0, sizeof pb);
    pb[0] = (uint8_t)p->digest_size;
    pb[1] = (uint8_t)keylen;
    pb[2] = (uint8_t)p->fanout;
    pb[3] = (uint8_t)p->depth;
    for (int i = 0; i < 4; i++)
        pb[4 + i] = (uint8_t)(p->leaf_size >> (8 * i));
    if (is_b) {
        for (int i = 0; i < 8; i++)
            pb[8 + i] = (uint8_t)(p->node_offset >> (8 * i));
        pb[16] = (uint8_t)p->node_depth;
        pb[17] = (uint8_t)p->inner_size;
        memcpy(pb + 32, p->salt, 16);
        memcpy(pb + 48, p->person, 16);
        for (int i = 0; i < 8; i++)
            s->h[i] = IV_B[i] ^ load64(pb + 8 * i);
    } else {
        for (int i = 0; i < 6; i++)
            pb[8 + i] = (uint8_t)(p->node_offset >> (8 * i));
        pb[14] = (uint8_t)p->node_depth;
        pb[15] = (uint8_t)p->inner_size;
        memcpy(pb + 16, p->salt, 8);
        memcpy(pb + 24, p->person, 8);
        for (int i = 0; i < 8; i++)
            s->h[i] = IV_S[i] ^ load32(pb + 4 * i);
    }
    /* a key is the first block, zero-padded (RFC 7693 3.3) */
    if (keylen) {
        memcpy(s->buf, key, keylen);
        s->buflen = block_size(s);
    }
}

void kr_blake2_update(kr_blake2_state *s, const uint8_t *data, size_t n)
{
    size_t bs = block_size(s);
    while (n) {
        /* the buffered block is compressed only once more data follows: the last block is special */
        if (s->buflen == bs) {
            add_count(s, bs);
            compress(s, s->buf, false);
            s->buflen = 0;
        }
        size_t take = bs - s->buflen < n ? bs - s->buflen : n;
        memcpy(s->buf + s->buflen, data, take);
        s->buflen += take;
        data += take;
        n -= take;
    }
}

void kr_blake2_final(kr_blake2_state *s, uint8_t *out)
{
    size_t bs = block_size(s);
    add_count(s, s->buflen);
    memset(s->buf + s->buflen, 0, bs - s->buflen);
    compress(s, s->buf, true);
    uint8_t full[64];
    for (int i = 0; i < 8; i++) {
        if (s->is_b)
            for (int j = 0; j < 8; j++)
                full[8 * i + j] = (uint8_t)(s->h[i] >> (8 * j));
        else
            for (int j = 0; j < 4; j++)
                full[4 * i + j] = (uint8_t)(s->h[i] >> (8 * j));
    }
    memcpy(out, full, s->outlen);
}
