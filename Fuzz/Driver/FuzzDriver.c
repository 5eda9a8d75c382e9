#include "FuzzDriver.h"

#include <stddef.h>
#include <stdint.h>

// Both from libFuzzer's interface (FuzzerInterface.h); the first is the target's, exported from
// Swift with @_cdecl, the second libFuzzer's own, linked by -sanitize=fuzzer.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int FuzzDriverRun(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
