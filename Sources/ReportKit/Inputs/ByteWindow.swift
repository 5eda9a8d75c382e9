#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The part of an input file the reader is working on: one buffer, allocated once, refilled
/// from the file as reading moves on. Memory stays the same whatever the size of the file, and
/// no page of the file is mapped: the operating system counts a mapped file in the process's
/// memory, a read one only in its cache.
///
/// A window belongs to one reader on one thread. Its buffer never moves, so a pointer into it
/// stays valid across refills; what the bytes at an offset *are* changes at each refill. The
/// file's checksum may read the buffer from another thread, between refills (`InputFile`).
final class ByteWindow: @unchecked Sendable {
    /// Bytes read from the file at each refill, at least. Large enough that a refill costs
    /// nothing next to the parsing of what it read; small enough for a few windows to fit in
    /// the second-level cache of the core that parses them.
    static let refillSize = 4 << 20

    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    /// Bytes of the file currently in the buffer, from `base`.
    private(set) var count: Int
    /// The offset in the file of `base[0]`.
    private(set) var fileOffset: Int
    /// The file offset where the window's data ends: the file's size when it was opened, or
    /// the end of the part of the file it reads.
    private(set) var endOffset: Int
    private let file: InputFile?

    /// The whole of `bytes`, already in memory (tests, fuzzing, small files).
    init(bytes: [UInt8]) {
        let capacity = max(bytes.count, 1)
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + SymbolLookup.padding)
        base.initialize(repeating: 0, count: capacity + SymbolLookup.padding)
        bytes.withUnsafeBufferPointer { if let start = $0.baseAddress { base.update(from: start, count: $0.count) } }
        self.capacity = capacity
        self.base = base
        count = bytes.count
        fileOffset = 0
        endOffset = bytes.count
        file = nil
    }

    /// The bytes of the open `file` from `start` to `end`, read as they are needed, each byte
    /// once.
    init(file: InputFile, from start: Int, to end: Int) {
        // A record may be as long as the longest allowed, and the reader wants it whole in the
        // window after any refill.
        capacity = ByteWindow.refillSize + 2 * (CSVReader.maximumRecordLength + 2)
        // Zeroed padding after the data: a cell's first sixteen bytes can always be loaded.
        base = .allocate(capacity: capacity + SymbolLookup.padding)
        base.initialize(repeating: 0, count: capacity + SymbolLookup.padding)
        count = 0
        fileOffset = start
        endOffset = end
        self.file = file
    }

    /// A copy of `window`'s bytes from `start` to `end`, which it holds: a part of a file read
    /// whole by its first window is not read again.
    init(copying window: ByteWindow, from start: Int, to end: Int) {
        precondition(start >= window.fileOffset && end <= window.fileOffset + window.count)
        let count = end - start
        capacity = max(count, 1)
        base = .allocate(capacity: capacity + SymbolLookup.padding)
        base.initialize(repeating: 0, count: capacity + SymbolLookup.padding)
        base.update(from: window.base + (start - window.fileOffset), count: count)
        self.count = count
        fileOffset = start
        endOffset = end
        file = nil
    }

    /// Reads the first bytes when none are read yet.
    func fill() throws(ReadError) {
        if count == 0 { _ = try refill(keepingFrom: 0) }
    }

    deinit {
        file?.forget(self)
        base.deallocate()
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Whether every byte up to `endOffset` has been read into the buffer.
    var isAtEnd: Bool { fileOffset + count >= endOffset }

    /// Reads `start` to `end` from now on, with the same buffer: the next part of a file.
    func reset(from start: Int, to end: Int) {
        fileOffset = start
        endOffset = end
        count = 0
    }

    /// Ends the window's data at `end`, at or before its current end: the bytes after it are
    /// another part's. Bytes already read past it are dropped.
    func limit(to end: Int) {
        precondition(end >= fileOffset && end <= endOffset)
        endOffset = end
        count = min(count, end - fileOffset)
    }

    /// Drops the bytes before `keep`, moves the rest to the front and reads more after them.
    /// Returns how many bytes the kept ones moved back by. Throws the system's error number
    /// when the file cannot be read. Bytes read ahead of the file's checksum are hashed from
    /// this buffer, so a window ahead first waits for the digest to take them.
    func refill(keepingFrom keep: Int) throws(ReadError) -> Int {
        guard let file else { return 0 }
        file.waitUntilHashed(self)
        let kept = count - keep
        if keep > 0, kept > 0 { memmove(base, base + keep, kept) }
        fileOffset += keep
        count = kept
        while count < capacity, fileOffset + count < endOffset {
            let wanted = min(capacity - count, endOffset - fileOffset - count)
            let read = file.read(into: base + count, count: wanted, at: fileOffset + count, for: self)
            if read < 0 {
                if errno == EINTR { continue }
                throw ReadError(code: errno)
            }
            // The file shrank while it was read: what is there is all there is.
            if read == 0 { throw ReadError(code: 0) }
            count += read
        }
        return keep
    }

    /// A failed read of an input file: its `errno`, 0 when the file got shorter while read.
    struct ReadError: Error {
        var code: Int32
    }
}
