/* blake2.h: BLAKE2b and BLAKE2s (RFC 7693) with the full parameter block (key, salt, personalization,
 * tree parameters), for _hashlib's blake2b/blake2s types (stdlib/hashlib.c). No VM here: plain memory. */
#ifndef KRAIT_BLAKE2_H
#define KRAIT_BLAKE2_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct kr_blake2_params {
    int digest_size;           /* 1..64 (b) / 1..32 (s) */
    int fanout, depth;         /* 0..255, 1..255 */
    uint32_t leaf_size;
    uint64_t node_offset;      /* < 2**48 for BLAKE2s */
    int node_depth, inner_size;
    bool last_node;
    uint8_t salt[16], person[16]; /* zero-padded; BLAKE2s uses the first 8 bytes of each */
} kr_blake2_params;

/* One state for both variants: BLAKE2b uses h/t as 64-bit words, BLAKE2s the low 32 bits of each. */
typedef struct kr_blake2_state {
    uint64_t h[8];
    uint64_t t[2];        /* byte counter (BLAKE2s: t[0] only, as a 64-bit count) */
    uint8_t buf[128];
    size_t buflen;        /* bytes in buf: a full block is kept until more data shows it is not the last */
    uint8_t outlen;
    bool is_b;
    bool last_node;
} kr_blake2_state;

/* key: NULL or keylen bytes (keylen <= the digest maximum). */
void kr_blake2_init(kr_blake2_state *s, bool is_b, const kr_blake2_params *p, const uint8_t *key, size_t keylen);
void kr_blake2_update(kr_blake2_state *s, const uint8_t *data, size_t n);
/* Writes s->outlen bytes; s is consumed (digest a copy to keep updating). */
void kr_blake2_final(kr_blake2_state *s, uint8_t *out);

#endif
