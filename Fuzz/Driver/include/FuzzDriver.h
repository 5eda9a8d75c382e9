#ifndef FUZZ_DRIVER_H
#define FUZZ_DRIVER_H

/// Hands the program over to libFuzzer, which calls the target's `LLVMFuzzerTestOneInput` and
/// reads its options (`-max_total_time`, `-max_len`, corpus folders) from `argv`.
///
/// SwiftPM gives every executable a `main` of its own, so libFuzzer's `main` is never linked;
/// the target's `main.swift` calls this instead.
int FuzzDriverRun(int argc, char **argv);

#endif
