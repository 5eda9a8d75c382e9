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

#ifdef __cplusplus
}
#endif

#endif
