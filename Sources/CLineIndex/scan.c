#include "CLineIndex.h"

#include <string.h>

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__clang__) || defined(__GNUC__))
#define CLINEINDEX_X86 1
#include <immintrin.h>
#endif

// One byte at a time: the tail of a line shorter than a vector, and every line on CPUs without
// AVX2. The rules are those of the vector loop below, byte for byte.
static size_t scan_bytes(const uint8_t *line, size_t start, size_t available, uint8_t delimiter, int32_t *delimiters,
                         size_t maxDelimiters, size_t found, size_t *length, unsigned *flags, int *sawContent) {
    for (size_t index = start; index < available; index++) {
        uint8_t byte = line[index];
        if (byte == '\n') {
            *length = index;
            return found;
        }
        if (byte == delimiter) {
            if (found < maxDelimiters) delimiters[found] = (int32_t)index;
            found++;
        } else if (byte == '\r' && index + 1 < available && line[index + 1] == '\n') {
            // The CR of a CRLF line end: neither content nor special.
        } else if (byte == '"' || byte == '\r' || byte == 0) {
            *flags |= CLINEINDEX_SPECIAL;
        } else if (byte != ' ' && byte != '\t') {
            *sawContent = 1;
        }
    }
    *flags |= CLINEINDEX_NO_END;
    *length = available;
    return found;
}

#ifdef CLINEINDEX_X86
static int has_avx2(void) {
    static int cached = -1;
    if (cached < 0) cached = __builtin_cpu_supports("avx2") ? 1 : 0;
    return cached;
}

// 32 bytes a step: one compare per kind of byte, turned into bit masks; the delimiters' bits
// before the line feed are walked with count-trailing-zeros.
__attribute__((target("avx2,bmi,bmi2")))
static size_t scan_avx2(const uint8_t *line, size_t available, uint8_t delimiter, int32_t *delimiters,
                        size_t maxDelimiters, size_t *length, unsigned *flags, int *sawContent, size_t *resume) {
    const __m256i delimiters_v = _mm256_set1_epi8((char)delimiter);
    const __m256i newline_v = _mm256_set1_epi8('\n');
    const __m256i quote_v = _mm256_set1_epi8('"');
    const __m256i return_v = _mm256_set1_epi8('\r');
    const __m256i zero_v = _mm256_setzero_si256();
    const __m256i space_v = _mm256_set1_epi8(' ');
    const __m256i tab_v = _mm256_set1_epi8('\t');
    size_t found = 0;
    size_t index = 0;
    for (; index + 32 <= available; index += 32) {
        __m256i bytes = _mm256_loadu_si256((const __m256i *)(line + index));
        uint32_t delimiter_bits = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(bytes, delimiters_v));
        uint32_t newline_bits = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(bytes, newline_v));
        uint32_t return_bits = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(bytes, return_v));
        // A carriage return just before a line feed ends the line (CRLF); any other is special.
        uint32_t line_end_returns = return_bits & (newline_bits >> 1);
        __m256i special = _mm256_or_si256(_mm256_cmpeq_epi8(bytes, quote_v), _mm256_cmpeq_epi8(bytes, zero_v));
        uint32_t special_bits = (uint32_t)_mm256_movemask_epi8(special) | (return_bits & ~line_end_returns);
        __m256i blank = _mm256_or_si256(_mm256_cmpeq_epi8(bytes, space_v), _mm256_cmpeq_epi8(bytes, tab_v));
        uint32_t content_bits = ~((uint32_t)_mm256_movemask_epi8(blank) | delimiter_bits | newline_bits | line_end_returns);
        uint32_t before = 0xFFFFFFFFu;
        if (newline_bits) {
            // Only what comes before the line feed belongs to the line.
            before = (newline_bits & (0u - newline_bits)) - 1;
        }
        if (special_bits & before) *flags |= CLINEINDEX_SPECIAL;
        if (content_bits & before) *sawContent = 1;
        uint32_t bits = delimiter_bits & before;
        while (bits) {
            if (found < maxDelimiters) delimiters[found] = (int32_t)(index + (size_t)__builtin_ctz(bits));
            found++;
            bits &= bits - 1;
        }
        if (newline_bits) {
            *length = index + (size_t)__builtin_ctz(newline_bits);
            *resume = (size_t)-1;
            return found;
        }
    }
    *resume = index;
    return found;
}
#endif

size_t clineindex_scan(const uint8_t *line, size_t available, uint8_t delimiter, int32_t *delimiters,
                       size_t maxDelimiters, size_t *length, unsigned *flags) {
    *flags = 0;
    int sawContent = 0;
    size_t found = 0;
    size_t start = 0;
#ifdef CLINEINDEX_X86
    if (has_avx2()) {
        size_t resume = 0;
        found = scan_avx2(line, available, delimiter, delimiters, maxDelimiters, length, flags, &sawContent, &resume);
        if (resume == (size_t)-1) {
            if (!sawContent) *flags |= CLINEINDEX_BLANK;
            return found;
        }
        start = resume;
    }
#endif
    found = scan_bytes(line, start, available, delimiter, delimiters, maxDelimiters, found, length, flags, &sawContent);
    if (!sawContent) *flags |= CLINEINDEX_BLANK;
    return found;
}

// What a run of 64 bytes holds, one bit a byte: what `clineindex_lines` walks.
typedef struct {
    uint64_t delimiters, newlines, returns, special, content, blanks;
} block_bits;

// The bits of one byte, for the tail of the window shorter than a block and CPUs without AVX2.
static inline void byte_bits(uint8_t byte, uint8_t delimiter, unsigned bit, block_bits *bits) {
    uint64_t one = (uint64_t)1 << bit;
    if (byte == delimiter) {
        bits->delimiters |= one;
    } else if (byte == '\n') {
        bits->newlines |= one;
    } else if (byte == '\r') {
        bits->returns |= one;
    } else if (byte == ' ' || byte == '\t') {
        bits->blanks |= one;
    } else {
        bits->content |= one;
        if (byte == '"' || byte == 0) bits->special |= one;
    }
}

static void block_bytes(const uint8_t *bytes, size_t length, uint8_t delimiter, block_bits *bits) {
    bits->delimiters = bits->newlines = bits->returns = bits->special = bits->content = bits->blanks = 0;
    for (size_t index = 0; index < length; index++) byte_bits(bytes[index], delimiter, (unsigned)index, bits);
}

#ifdef CLINEINDEX_X86
__attribute__((target("avx2")))
static inline uint64_t mask64(__m256i low, __m256i high, __m256i value) {
    uint32_t a = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, value));
    uint32_t b = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, value));
    return (uint64_t)a | ((uint64_t)b << 32);
}

__attribute__((target("avx2")))
static inline void block_avx2(const uint8_t *bytes, uint8_t delimiter, block_bits *bits) {
    __m256i low = _mm256_loadu_si256((const __m256i *)bytes);
    __m256i high = _mm256_loadu_si256((const __m256i *)(bytes + 32));
    bits->delimiters = mask64(low, high, _mm256_set1_epi8((char)delimiter));
    bits->newlines = mask64(low, high, _mm256_set1_epi8('\n'));
    bits->returns = mask64(low, high, _mm256_set1_epi8('\r'));
    bits->special = mask64(low, high, _mm256_set1_epi8('"')) | mask64(low, high, _mm256_setzero_si256());
    bits->blanks = mask64(low, high, _mm256_set1_epi8(' ')) | mask64(low, high, _mm256_set1_epi8('\t'));
    bits->content = ~(bits->blanks | bits->delimiters | bits->newlines | bits->returns);
}
#endif

// `clineindex_lines`, compiled twice from lines_body.h: once for AVX2 (with BMI for the
// delimiters' bits), once for any CPU. One body keeps the two byte for byte alike in their rules.
#define LINES_NAME lines_portable
#define LINES_VECTOR 0
#define LINES_TARGET
#include "lines_body.h"
#undef LINES_NAME
#undef LINES_VECTOR
#undef LINES_TARGET

#ifdef CLINEINDEX_X86
#define LINES_NAME lines_avx2
#define LINES_VECTOR 1
#define LINES_TARGET __attribute__((target("avx2,bmi,bmi2,popcnt")))
#include "lines_body.h"
#undef LINES_NAME
#undef LINES_VECTOR
#undef LINES_TARGET
#endif

size_t clineindex_lines(const uint8_t *base, size_t start, size_t count, size_t stop, int atEnd, size_t maxLength,
                        uint8_t delimiter, size_t cellCount, const int32_t *columns, size_t columnCount,
                        int32_t *starts, int32_t *ends, size_t maxLines, int32_t *delimiters, size_t *next,
                        unsigned *outcome) {
#ifdef CLINEINDEX_X86
    if (has_avx2()) {
        return lines_avx2(base, start, count, stop, atEnd, maxLength, delimiter, cellCount, columns, columnCount, starts, ends,
                          maxLines, delimiters, next, outcome);
    }
#endif
    return lines_portable(base, start, count, stop, atEnd, maxLength, delimiter, cellCount, columns, columnCount, starts, ends,
                          maxLines, delimiters, next, outcome);
}

size_t clineindex_lines_portable(const uint8_t *base, size_t start, size_t count, size_t stop, int atEnd, size_t maxLength,
                                 uint8_t delimiter, size_t cellCount, const int32_t *columns, size_t columnCount,
                                 int32_t *starts, int32_t *ends, size_t maxLines, int32_t *delimiters, size_t *next,
                                 unsigned *outcome) {
    return lines_portable(base, start, count, stop, atEnd, maxLength, delimiter, cellCount, columns, columnCount, starts, ends,
                          maxLines, delimiters, next, outcome);
}
