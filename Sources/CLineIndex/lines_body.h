// The body of `clineindex_lines` (see CLineIndex.h), included by scan.c twice: with
// LINES_VECTOR 1 and LINES_TARGET enabling AVX2 and BMI, and with LINES_VECTOR 0 for any CPU.
// LINES_NAME is the function's name.

LINES_TARGET
static size_t LINES_NAME(const uint8_t *base, size_t start, size_t count, size_t stop, int atEnd, size_t maxLength,
                         uint8_t delimiter, size_t cellCount, const int32_t *columns, size_t columnCount,
                         int32_t *starts, int32_t *ends, size_t maxLines, int32_t *delimiters, size_t *next,
                         unsigned *outcome) {
    // Every cell, `cellCount` a line, when `columns` is NULL; else the cells it lists.
    const int every = columns == NULL;
    const size_t stride = every ? cellCount : columnCount;
    size_t lines = 0;
    size_t position = start;
    // The block whose bits are in `bits`: 64 bytes from `blockStart` (fewer at the window's end).
    size_t blockStart = (size_t)-1;
    block_bits bits = {0, 0, 0, 0, 0, 0};
    *outcome = CLINEINDEX_LINES_FULL;
    while (lines < maxLines) {
        if (position >= stop) {
            *outcome = CLINEINDEX_LINES_OTHER;
            break;
        }
        size_t found = 0, returns = 0, length = 0;
        // Slot 0 is the delimiter before the line's start, so that cell k lies between slots k
        // and k + 1; the delimiters are stored from slot 1, as offsets from `base`.
        delimiters[0] = (int32_t)position - 1;
        uint64_t special = 0, content = 0, blanks = 0;
        int ended = 0;
        size_t at = position;
        while (at < count) {
            size_t block = at & ~(size_t)63;
            if (block != blockStart) {
                blockStart = block;
#if LINES_VECTOR
                if (block + 64 <= count) {
                    block_avx2(base + block, delimiter, &bits);
                } else
#endif
                {
                    block_bytes(base + block, (block + 64 <= count ? 64 : count - block), delimiter, &bits);
                }
            }
            unsigned shift = (unsigned)(at - block);
            uint64_t line = ~(uint64_t)0 << shift;
            size_t available = (block + 64 <= count ? 64 : count - block);
            if (available < 64) line &= ((uint64_t)1 << available) - 1;
            uint64_t newline = bits.newlines & line;
            if (newline) {
                unsigned end = (unsigned)__builtin_ctzll(newline);
                line &= ((uint64_t)1 << end) - 1;
                length = block + end - position;
                ended = 1;
            }
            uint64_t found_bits = bits.delimiters & line;
            size_t inBlock = (size_t)__builtin_popcountll(found_bits);
            // A line with more delimiters than cells is not read here: once past `cellCount`
            // they are only counted, so that `delimiters` (room for cellCount + 80) never
            // overflows.
            if (found + inBlock <= cellCount) {
                int32_t *out = delimiters + 1 + found;
                const int32_t offset = (int32_t)block;
#if LINES_VECTOR
                // Eight stores a step whatever the count, without a branch a delimiter: the
                // stores past the last delimiter (a count of trailing zeros of 64) are written
                // over by the next ones or never read.
                do {
                    for (int k = 0; k < 8; k++) {
                        out[k] = offset + (int32_t)_tzcnt_u64(found_bits);
                        found_bits = _blsr_u64(found_bits);
                    }
                    out += 8;
                } while (found_bits);
#else
                while (found_bits) {
                    *out++ = offset + (int32_t)__builtin_ctzll(found_bits);
                    found_bits &= found_bits - 1;
                }
#endif
            }
            found += inBlock;
            special |= bits.special & line;
            content |= bits.content & line;
            blanks |= bits.blanks & line;
            returns += (size_t)__builtin_popcountll(bits.returns & line);
            if (ended) break;
            at = block + 64;
            // A line longer than a record may be is the tokenizer's.
            if (at - position > maxLength + 1) break;
        }
        if (!ended || length > maxLength) {
            // No line feed in the window: wait for more of the file, unless the line is too long
            // already or the file ends there.
            if (!ended && count - position <= maxLength && !atEnd) *outcome = CLINEINDEX_LINES_WINDOW_END;
            else *outcome = CLINEINDEX_LINES_OTHER;
            break;
        }
        // A carriage return may only end the line (CRLF).
        size_t lineEnd = position + length;
        int crlf = length > 0 && base[lineEnd - 1] == '\r';
        if (special || returns > (size_t)crlf || found != cellCount - 1) {
            *outcome = CLINEINDEX_LINES_OTHER;
            break;
        }
        // Content other than delimiters, spaces and tabs: the CR of a CRLF is not content.
        if (!content) {
            *outcome = CLINEINDEX_LINES_OTHER;
            break;
        }
        if (crlf) lineEnd--;
        // The line's end, as if a delimiter followed the last cell.
        delimiters[cellCount] = (int32_t)lineEnd;
        int32_t *lineStarts = starts + lines * stride, *lineEnds = ends + lines * stride;
        if (every) {
#if LINES_VECTOR
            // Eight cells a step: starts one past each delimiter, ends at the next one. Up to
            // seven values past the line's last cell are written (the next line's, or the
            // room the caller leaves after the last).
            const __m256i one = _mm256_set1_epi32(1);
            for (size_t index = 0; index < cellCount; index += 8) {
                __m256i before = _mm256_loadu_si256((const __m256i *)(delimiters + index));
                __m256i after = _mm256_loadu_si256((const __m256i *)(delimiters + index + 1));
                _mm256_storeu_si256((__m256i *)(lineStarts + index), _mm256_add_epi32(before, one));
                _mm256_storeu_si256((__m256i *)(lineEnds + index), after);
            }
#else
            for (size_t index = 0; index < cellCount; index++) {
                lineStarts[index] = delimiters[index] + 1;
                lineEnds[index] = delimiters[index + 1];
            }
#endif
        } else {
            for (size_t index = 0; index < columnCount; index++) {
                int32_t column = columns[index];
                lineStarts[index] = delimiters[column] + 1;
                lineEnds[index] = delimiters[column + 1];
            }
        }
        if (blanks) {
            // Cells are trimmed of spaces and tabs, as the tokenizer's unquoted cells are; most
            // lines have none.
            for (size_t index = 0; index < stride; index++) {
                int32_t lower = lineStarts[index], upper = lineEnds[index];
                while (lower < upper && (base[lower] == ' ' || base[lower] == '\t')) lower++;
                while (upper > lower && (base[upper - 1] == ' ' || base[upper - 1] == '\t')) upper--;
                lineStarts[index] = lower;
                lineEnds[index] = upper;
            }
        }
        lines++;
        position += length + 1;
    }
    *next = position;
    return lines;
}
