#include "CInflate.h"

#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

struct cinflate_stream {
    z_stream z;
};

cinflate_stream *cinflate_create(void) {
    cinflate_stream *stream = calloc(1, sizeof(cinflate_stream));
    if (stream == NULL) return NULL;
    // Negative window bits: raw DEFLATE, no zlib header, as ZIP stores it.
    if (inflateInit2(&stream->z, -MAX_WBITS) != Z_OK) {
        free(stream);
        return NULL;
    }
    return stream;
}

void cinflate_destroy(cinflate_stream *stream) {
    if (stream == NULL) return;
    inflateEnd(&stream->z);
    free(stream);
}

cinflate_result cinflate_step(cinflate_stream *stream,
                              const uint8_t *input, size_t input_count, size_t *consumed,
                              uint8_t *output, size_t output_capacity, size_t *produced) {
    uInt in = input_count > UINT_MAX ? UINT_MAX : (uInt)input_count;
    uInt out = output_capacity > UINT_MAX ? UINT_MAX : (uInt)output_capacity;
    stream->z.next_in = (Bytef *)input;
    stream->z.avail_in = in;
    stream->z.next_out = output;
    stream->z.avail_out = out;
    int result = inflate(&stream->z, Z_NO_FLUSH);
    *consumed = in - stream->z.avail_in;
    *produced = out - stream->z.avail_out;
    switch (result) {
    case Z_STREAM_END:
        return CINFLATE_END;
    case Z_OK:
        return (*consumed == 0 && *produced == 0) ? CINFLATE_NEEDS_INPUT : CINFLATE_PROGRESS;
    case Z_BUF_ERROR:
        // No progress was possible: the input ran out (or the output is full, which the
        // caller never lets happen with an empty buffer).
        return CINFLATE_NEEDS_INPUT;
    default:
        // Z_DATA_ERROR, Z_NEED_DICT (a preset dictionary, which ZIP never uses), Z_MEM_ERROR.
        return CINFLATE_CORRUPT;
    }
}

uint32_t cinflate_crc32(uint32_t crc, const uint8_t *bytes, size_t count) {
    uLong value = crc;
    while (count > 0) {
        uInt step = count > UINT_MAX ? UINT_MAX : (uInt)count;
        value = crc32(value, bytes, step);
        bytes += step;
        count -= step;
    }
    return (uint32_t)value;
}
