#ifndef CLINEINDEX_H
#define CLINEINDEX_H

// Finding the cells of a plain CSV line with vector instructions, for `ReportKit.CSVReader`.
//
// Most lines of an export are plain: no quote, no carriage return inside, no NUL byte. For
// those, a cell is what lies between two delimiters, and finding every delimiter and the line
// feed 32 bytes at a time is most of the work of reading the file. Any line that is not plain is
// left to the Swift tokenizer, which knows every rule; this only says "plain, and here are its
// delimiters" or "not plain".

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The line had a byte that only the full tokenizer handles: a quote, a carriage return that
/// does not end the line, or NUL.
#define CLINEINDEX_SPECIAL 1u
/// The line holds only delimiters, spaces and tabs (or nothing): a blank record.
#define CLINEINDEX_BLANK 2u
/// No line feed within `available` bytes.
#define CLINEINDEX_NO_END 4u

/// Indexes the line starting at `line`: looks for its line feed within `available` bytes and
/// stores the offset (from `line`) of each delimiter before it in `delimiters`, up to
/// `maxDelimiters`. Returns the number of delimiters found (possibly more than were stored).
/// `*length` receives the offset of the line feed; `*flags` the CLINEINDEX_ flags. Reads
/// nothing at or after `line + available`.
size_t clineindex_scan(const uint8_t *line, size_t available, uint8_t delimiter, int32_t *delimiters,
                       size_t maxDelimiters, size_t *length, unsigned *flags);

/// `clineindex_lines` stopped because `maxLines` lines were read.
#define CLINEINDEX_LINES_FULL 0u
/// The next line is not a plain line of `cellCount` cells (or starts at `stop`, or there is
/// none): the tokenizer reads it.
#define CLINEINDEX_LINES_OTHER 1u
/// The next line runs past the window's data: refill the window, then ask again.
#define CLINEINDEX_LINES_WINDOW_END 2u

/// Indexes consecutive plain lines of the window `base[0..<count]`, from offset `start`: each
/// line's cells are found as `clineindex_scan` finds them (the same rules, byte for byte), and
/// for each line read, the start and end offset (from `base`, without the spaces and tabs
/// around the content, a CRLF's CR left out) of the cells `columns[0..<columnCount]` (indexes
/// among `cellCount`) are stored in `starts` and `ends` at `line * columnCount + k`. With
/// `columns` NULL, every cell is stored, at `line * cellCount + k`, and up to 8 values may be
/// written past the last line's cells: `starts` and `ends` need that room after
/// `maxLines * cellCount`. Stops before the first line that is not a
/// plain line of `cellCount` cells (a quote, NUL or carriage return inside, blank, another
/// number of cells, longer than `maxLength` bytes), before a line that starts at or after
/// `stop`, before a line that does not end within the window, and after `maxLines` lines.
/// `delimiters` is room for `cellCount + 80` offsets. `atEnd`: whether the window's data reaches
/// the end of what is read, so that a line without a line feed is not waited for. Returns the
/// lines read; `*next` receives the offset after them and `*outcome` why it stopped
/// (`CLINEINDEX_LINES_*`). Reads `base[0..<count]` only; `count` must not exceed INT32_MAX.
size_t clineindex_lines(const uint8_t *base, size_t start, size_t count, size_t stop, int atEnd, size_t maxLength,
                        uint8_t delimiter, size_t cellCount, const int32_t *columns, size_t columnCount,
                        int32_t *starts, int32_t *ends, size_t maxLines, int32_t *delimiters, size_t *next,
                        unsigned *outcome);

/// `clineindex_lines` on the path for CPUs without AVX2, whatever this one has: what the tests
/// compare the vector path with.
size_t clineindex_lines_portable(const uint8_t *base, size_t start, size_t count, size_t stop, int atEnd, size_t maxLength,
                                 uint8_t delimiter, size_t cellCount, const int32_t *columns, size_t columnCount,
                                 int32_t *starts, int32_t *ends, size_t maxLines, int32_t *delimiters, size_t *next,
                                 unsigned *outcome);

#ifdef __cplusplus
}
#endif

#endif
