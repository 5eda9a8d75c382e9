#ifndef CSHA256_H
#define CSHA256_H

// The SHA-256 compression function (FIPS 180-4), for `ReportKit.SHA256`.
//
// Only the compression of whole 64-byte blocks lives here; buffering, padding and the digest's
// encoding stay in Swift. Both functions update `state` (the eight working words, in host order)
// in place with `blockCount` consecutive blocks read from `blocks`, which needs no alignment.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when this CPU has the SHA extensions (with SSSE3 and SSE4.1, which the hardware path also
/// uses), so that `csha256_compress_hardware` may be called; 0 otherwise, and always 0 on anything
/// but x86.
int csha256_has_hardware(void);

/// Compression with the x86 SHA instructions. Call only when `csha256_has_hardware()` is 1; on
/// other architectures this falls back to `csha256_compress_portable`.
void csha256_compress_hardware(uint32_t state[8], const uint8_t *blocks, size_t blockCount);

/// Compression in portable C, for CPUs without the SHA extensions.
void csha256_compress_portable(uint32_t state[8], const uint8_t *blocks, size_t blockCount);

#ifdef __cplusplus
}
#endif

#endif
