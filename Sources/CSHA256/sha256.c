// SHA-256 compression (FIPS 180-4): a hardware path with the x86 SHA extensions and a portable one.
//
// Swift cannot issue the SHA instructions itself, which is why this small C file exists. The
// hardware path follows the public-domain structure of Intel's SHA extensions white paper and
// Jeffrey Walton's "SHA-Intrinsics"; the portable path is the textbook algorithm, written so that
// a C compiler keeps the working variables in registers. Both are checked against each other and
// against the FIPS vectors by `SHA256Tests`.

#include "CSHA256.h"

#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// MARK: - Portable

static inline uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static inline uint32_t load_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

void csha256_compress_portable(uint32_t state[8], const uint8_t *blocks, size_t blockCount) {
    for (; blockCount > 0; blockCount--, blocks += 64) {
        // The message schedule is kept as a 16-word ring: w[i & 15] holds W[i] once computed.
        uint32_t w[16];
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; i++) {
            uint32_t wi;
            if (i < 16) {
                wi = load_be32(blocks + 4 * i);
            } else {
                uint32_t w15 = w[(i - 15) & 15], w2 = w[(i - 2) & 15];
                uint32_t s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3);
                uint32_t s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10);
                wi = w[i & 15] + s0 + w[(i - 7) & 15] + s1;
            }
            w[i & 15] = wi;
            // Ch and Maj in their equivalent forms with one operation fewer each.
            uint32_t choice = g ^ (e & (f ^ g));
            uint32_t majority = (a & b) | (c & (a | b));
            uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + choice + K[i] + wi;
            uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + majority;
            h = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

// MARK: - Hardware (x86 SHA extensions)

// Only GCC-compatible compilers (clang, which SwiftPM uses, and GCC) get the hardware path: it
// relies on <cpuid.h> and on `__attribute__((target(...)))`, which enables the instructions for
// these functions alone, so the package needs no global -m flags and the rest of the code still
// runs on CPUs without them.
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__clang__) || defined(__GNUC__))

#include <cpuid.h>
#include <immintrin.h>

int csha256_has_hardware(void) {
    unsigned int eax, ebx, ecx, edx;
    // Leaf 1: SSSE3 (ECX bit 9) for the byte shuffle, SSE4.1 (ECX bit 19) for the blend.
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & (1u << 9)) || !(ecx & (1u << 19))) return 0;
    // Leaf 7, sub-leaf 0: SHA (EBX bit 29). `__get_cpuid_count` returns 0 when the CPU has no
    // leaf 7. The XMM registers need no OS support check: every x86-64 OS saves them.
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx & (1u << 29)) != 0;
}

// Four rounds on the message words `w` (W[4i] ... W[4i+3], in lanes 0 to 3). `sha256rnds2` does
// two rounds with the two words (plus constants) in its third operand's low lanes, so the second
// call takes the upper two words, moved down by the shuffle. The state lives in two registers as
// ABEF and CDGH, the layout the instruction wants.
#define ROUNDS4(i, w)                                                                  \
    do {                                                                               \
        __m128i wk = _mm_add_epi32((w), _mm_loadu_si128((const __m128i *)&K[4 * (i)])); \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);                                  \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));         \
    } while (0)

// The message schedule, four words at a time: from W[4i-16...4i-1] (in w0, w1, w2, w3) computes
// W[4i...4i+3] into w0, the register whose words are no longer needed. `sha256msg1` adds
// sigma0 of the following words, the alignr supplies W[t-7], and `sha256msg2` adds sigma1.
#define SCHEDULE(w0, w1, w2, w3)                                                       \
    (w0) = _mm_sha256msg2_epu32(                                                       \
        _mm_add_epi32(_mm_sha256msg1_epu32((w0), (w1)), _mm_alignr_epi8((w3), (w2), 4)), (w3))

__attribute__((target("sha,sse4.1,ssse3")))
void csha256_compress_hardware(uint32_t state[8], const uint8_t *blocks, size_t blockCount) {
    // The message is big-endian; this shuffle reverses the bytes of each 32-bit lane.
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    // state[0...7] = A...H to the ABEF / CDGH pair (lanes listed from high to low).
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; blockCount > 0; blockCount--, blocks += 64) {
        const __m128i abefBefore = abef, cdghBefore = cdgh;

        __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 0)), byteSwap);
        __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16)), byteSwap);
        __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 32)), byteSwap);
        __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 48)), byteSwap);

        // Written out rather than looped: the four schedule registers rotate by name instead of
        // through an indexed array, which the compiler would have to unroll to keep in registers.
        ROUNDS4(0, w0);
        ROUNDS4(1, w1);
        ROUNDS4(2, w2);
        ROUNDS4(3, w3);
        SCHEDULE(w0, w1, w2, w3); ROUNDS4(4, w0);
        SCHEDULE(w1, w2, w3, w0); ROUNDS4(5, w1);
        SCHEDULE(w2, w3, w0, w1); ROUNDS4(6, w2);
        SCHEDULE(w3, w0, w1, w2); ROUNDS4(7, w3);
        SCHEDULE(w0, w1, w2, w3); ROUNDS4(8, w0);
        SCHEDULE(w1, w2, w3, w0); ROUNDS4(9, w1);
        SCHEDULE(w2, w3, w0, w1); ROUNDS4(10, w2);
        SCHEDULE(w3, w0, w1, w2); ROUNDS4(11, w3);
        SCHEDULE(w0, w1, w2, w3); ROUNDS4(12, w0);
        SCHEDULE(w1, w2, w3, w0); ROUNDS4(13, w1);
        SCHEDULE(w2, w3, w0, w1); ROUNDS4(14, w2);
        SCHEDULE(w3, w0, w1, w2); ROUNDS4(15, w3);

        abef = _mm_add_epi32(abef, abefBefore);
        cdgh = _mm_add_epi32(cdgh, cdghBefore);
    }

    // And back: ABEF / CDGH to A...H.
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    dcba = _mm_blend_epi16(feba, dchg, 0xF0);
    hgfe = _mm_alignr_epi8(dchg, feba, 8);
    _mm_storeu_si128((__m128i *)&state[0], dcba);
    _mm_storeu_si128((__m128i *)&state[4], hgfe);
}

#undef ROUNDS4
#undef SCHEDULE

#else

int csha256_has_hardware(void) { return 0; }

// Never called when `csha256_has_hardware()` is 0; kept so that the symbol exists everywhere.
void csha256_compress_hardware(uint32_t state[8], const uint8_t *blocks, size_t blockCount) {
    csha256_compress_portable(state, blocks, blockCount);
}

#endif
