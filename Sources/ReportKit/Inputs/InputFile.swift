import Foundation

/// Every input file a run opened, and the bytes it read from each: what `RunOptions.inputReads`
/// gathers, so that a test can see each file opened once and each byte read once.
public final class InputReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var opened: [String: Int] = [:]
    private var read: [String: Int] = [:]
    private var readAhead: [String: Int] = [:]

    public init() {}

    /// How many times each file (as messages name it) was opened.
    public var opens: [String: Int] { lock.withLock { opened } }
    /// How many bytes were read from each file, all readings together.
    public var bytesRead: [String: Int] { lock.withLock { read } }
    /// How many of them a thread read ahead of the checksum and kept in its window, not copied,
    /// until the bytes before them came.
    public var bytesReadAhead: [String: Int] { lock.withLock { readAhead } }

    func open(_ file: String) {
        lock.withLock { opened[file, default: 0] += 1 }
    }

    func read(_ count: Int, from file: String) {
        lock.withLock { read[file, default: 0] += count }
    }

    func readAhead(_ count: Int, from file: String) {
        lock.withLock { readAhead[file, default: 0] += count }
    }
}

/// An input file opened once for a run: every reading of it (its parts on their threads, the
/// check of where its table is, a workbook's archive) goes through `read`, and its SHA-256 is
/// computed from the bytes those readings bring in, in file order, so the file is not read again
/// for its checksum.
///
/// The parts of a file are read at once on several threads, but the digest needs the bytes in
/// order. Bytes a window reads ahead of the digest are not copied: they are hashed from that
/// window when the bytes before them have come, by the thread that brings those, and the window
/// waits before it overwrites them (`waitUntilHashed`). The reading of the earliest unfinished
/// part never waits: every byte before its part has been read and hashed, and its own bytes
/// come in order; so the readings ahead always get going again, on any number of threads and
/// with parts of any size. Whatever no reading brought in (a reading stopped early, an archive
/// read out of order) is read for the digest at the end.
final class InputFile: @unchecked Sendable {
    let descriptor: Int32
    let size: Int
    /// The file's name in messages, for the log.
    let name: String
    private let log: InputReadLog?
    /// Whether the file is the caller's to close.
    private let ownsDescriptor: Bool

    /// Bytes a window read ahead of the digest, in the window's own buffer, which the window
    /// leaves as it is until they are hashed.
    private struct BytesAhead {
        var start: Int
        var bytes: UnsafeRawBufferPointer
        let window: ObjectIdentifier

        var end: Int { start + bytes.count }
    }

    private let condition = NSCondition()
    private var hasher = SHA256()
    /// The bytes hashed so far are those before this offset.
    private var hashedEnd = 0
    /// Bytes read ahead of `hashedEnd`: a few ranges, one or two a reading thread.
    private var ahead: [BytesAhead] = []
    /// Set when bytes were left out: from then on only the bytes at `hashedEnd` are hashed, and
    /// the rest is read by `digest()`.
    private var inOrderOnly = false
    /// Whether reads are handed to the digest (not when nobody wants the checksum).
    var hashes = true

    init(descriptor: Int32, size: Int, name: String, log: InputReadLog? = nil, ownsDescriptor: Bool = false) {
        self.descriptor = descriptor
        self.size = size
        self.name = name
        self.log = log
        self.ownsDescriptor = ownsDescriptor
    }

    /// Opens `url` (a workbook or file read outside a run: tests, fuzzing); nil when it cannot be.
    static func open(_ url: URL, name: String) -> InputFile? {
        let descriptor = Foundation.open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            return nil
        }
        return InputFile(descriptor: descriptor, size: Int(status.st_size), name: name, ownsDescriptor: true)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// `pread`, counted and handed to the digest. Returns what `pread` returns, `errno` set.
    /// Bytes that do not follow the hashed ones are left to `digest()`: the buffer is the
    /// caller's, free to change as soon as this returns.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int, hashed: Bool = true) -> Int {
        let result = pread(descriptor, buffer, count, off_t(offset))
        guard result > 0 else { return result }
        log?.read(result, from: name)
        if hashed, hashes { take(UnsafeRawBufferPointer(start: buffer, count: result), at: offset, heldBy: nil) }
        return result
    }

    /// `pread` into `window`'s buffer, counted and handed to the digest. Bytes ahead of the
    /// digest are hashed from the buffer later: the window calls `waitUntilHashed` before it
    /// changes them, and `forget` when it goes.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int, for window: ByteWindow) -> Int {
        let result = pread(descriptor, buffer, count, off_t(offset))
        guard result > 0 else { return result }
        log?.read(result, from: name)
        if hashes { take(UnsafeRawBufferPointer(start: buffer, count: result), at: offset, heldBy: ObjectIdentifier(window)) }
        return result
    }

    /// Reads `count` bytes at `offset` until they are all there; false when the file ends first
    /// or a read fails.
    func readFully(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let read = read(into: buffer + done, count: count - done, at: offset + done)
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { return false }
            done += read
        }
        return true
    }

    /// Returns once the bytes `window` read ahead of the digest are hashed (or no longer wanted),
    /// so that it may overwrite them. Only a reading ahead of the digest waits here, for the
    /// readings before it, which never wait for it.
    func waitUntilHashed(_ window: ByteWindow) {
        let id = ObjectIdentifier(window)
        condition.lock()
        defer { condition.unlock() }
        while ahead.contains(where: { $0.window == id }) {
            condition.wait()
        }
    }

    /// `window` goes away: bytes of it still waiting for the digest are dropped, and the digest
    /// reads them (and what follows) at the end. A reading that ends normally has none left.
    func forget(_ window: ByteWindow) {
        let id = ObjectIdentifier(window)
        condition.withLock {
            guard ahead.contains(where: { $0.window == id }) else { return }
            inOrderOnly = true
            ahead = []
            condition.broadcast()
        }
    }

    /// From now on bytes read ahead are not kept: a reading stopped before the end of its
    /// part, or reads out of order. Wakes the readings waiting for the digest.
    func keepInOrderOnly() {
        condition.withLock {
            inOrderOnly = true
            ahead = []
            condition.broadcast()
        }
    }

    /// The file's SHA-256 as lowercase hex, reading whatever the readings did not bring in; nil
    /// when the file cannot be read to its size.
    func digest() -> String? {
        condition.lock()
        defer { condition.unlock() }
        if !ahead.isEmpty {
            inOrderOnly = true
            ahead = []
            condition.broadcast()
        }
        if hashedEnd < size {
            let chunk = 1 << 20
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
            defer { buffer.deallocate() }
            while hashedEnd < size {
                let count = pread(descriptor, buffer, min(chunk, size - hashedEnd), off_t(hashedEnd))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return nil }
                log?.read(count, from: name)
                hasher.update(UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: count))
                hashedEnd += count
            }
        }
        var copy = hasher
        return copy.finalizeHex()
    }

    /// Hashes `bytes`, read at `offset`, if they follow the hashed ones, then the bytes ahead
    /// they lead to; else, when a window holds them, notes where they are.
    private func take(_ bytes: UnsafeRawBufferPointer, at offset: Int, heldBy window: ObjectIdentifier?) {
        // Bytes past the file's size at the start are not the file's.
        let end = min(offset + bytes.count, size)
        condition.lock()
        defer { condition.unlock() }
        // Bytes already hashed (a part's reading that overlaps the one before) count once.
        let start = max(offset, hashedEnd)
        guard end > start else { return }
        let wanted = UnsafeRawBufferPointer(rebasing: bytes[(start - offset)..<(end - offset)])
        if start == hashedEnd {
            hash(wanted)
            if !ahead.isEmpty { hashBytesAhead() }
            return
        }
        guard let window, !inOrderOnly else { return }
        log?.readAhead(wanted.count, from: name)
        // A window's refill may take several reads: one range for them all.
        if let last = ahead.indices.last, ahead[last].window == window, ahead[last].end == start,
           ahead[last].bytes.baseAddress! + ahead[last].bytes.count == wanted.baseAddress! {
            ahead[last].bytes = UnsafeRawBufferPointer(start: ahead[last].bytes.baseAddress, count: ahead[last].bytes.count + wanted.count)
        } else {
            ahead.append(BytesAhead(start: start, bytes: wanted, window: window))
        }
    }

    private func hash(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bytes.count))
        hashedEnd += bytes.count
    }

    /// Hashes the bytes ahead that now follow the hashed ones, from the windows that hold them,
    /// and lets those windows go on.
    private func hashBytesAhead() {
        var released = false
        while let index = ahead.firstIndex(where: { $0.start <= hashedEnd }) {
            let range = ahead.remove(at: index)
            released = true
            if range.end > hashedEnd { hash(UnsafeRawBufferPointer(rebasing: range.bytes[(hashedEnd - range.start)...])) }
        }
        if released { condition.broadcast() }
    }
}
