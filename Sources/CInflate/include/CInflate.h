#ifndef CINFLATE_H
#define CINFLATE_H

// Raw DEFLATE decompression (RFC 1951) and CRC-32, from the system's zlib, for the workbook
// reader's ZIP entries (`ZipArchive.swift`).
//
// zlib's API is reached through these few functions so that Swift never sees `z_stream` or the
// `inflateInit2` macro, and so that the caller owns the loop: it hands in only the bytes an
// entry declares and stops on its own terms, which a reader of hostile archives must.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cinflate_stream cinflate_stream;

/// A new raw-DEFLATE stream; NULL when memory is short.
cinflate_stream *cinflate_create(void);

/// Frees the stream.
void cinflate_destroy(cinflate_stream *stream);

/// What one step of `cinflate_step` came to.
typedef enum {
    /// Input was consumed or output produced; call again.
    CINFLATE_PROGRESS = 0,
    /// The stream's last block ended.
    CINFLATE_END = 1,
    /// Neither input consumed nor output produced: more input is needed.
    CINFLATE_NEEDS_INPUT = 2,
    /// The data is not valid DEFLATE.
    CINFLATE_CORRUPT = -1,
} cinflate_result;

/// Inflates from `input` (`input_count` bytes) into `output` (`output_capacity` bytes); sets
/// how many bytes were consumed and produced.
cinflate_result cinflate_step(cinflate_stream *stream,
                              const uint8_t *input, size_t input_count, size_t *consumed,
                              uint8_t *output, size_t output_capacity, size_t *produced);

/// The CRC-32 of `count` bytes, continuing from `crc` (0 to start), as ZIP records it.
uint32_t cinflate_crc32(uint32_t crc, const uint8_t *bytes, size_t count);

#ifdef __cplusplus
}
#endif

#endif
