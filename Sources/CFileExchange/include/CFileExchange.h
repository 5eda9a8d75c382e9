#ifndef CFILEEXCHANGE_H
#define CFILEEXCHANGE_H

// Exchanges two directory entries in one step, for `PosixFileSystem.exchange`.
//
// Swift cannot call the variadic `syscall`, and older C libraries lack a `renameat2` wrapper, so
// the call lives here. On Linux it is `renameat2(RENAME_EXCHANGE)`; on Apple systems
// `renamex_np(RENAME_SWAP)`. Elsewhere, or where the kernel or the file system cannot exchange,
// it returns -1 with errno set (ENOSYS, EINVAL or ENOTSUP), and the caller falls back to two
// renames.

#ifdef __cplusplus
extern "C" {
#endif

/// 0 when `first` and `second` (both existing) swapped names; -1 with errno set otherwise.
int cfileexchange_exchange(const char *first, const char *second);

#ifdef __cplusplus
}
#endif

#endif
