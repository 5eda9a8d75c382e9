import Foundation

/// Every input file a run opened, and the bytes it read from each: what `RunOptions.inputReads`
/// gathers, so that a test can see each file opened once and each byte read once.
public final class InputReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var opened: [String: Int] = [:]
    private var read: [String: Int] = [:]

    public init() {}

    /// How many times each file (as messages name it) was opened.
    public var opens: [String: Int] { lock.withLock { opened } }
    /// How many bytes were read from each file, all readings together.
    public var bytesRead: [String: Int] { lock.withLock { read } }

    func open(_ file: String) {
        lock.withLock { opened[file, default: 0] += 1 }
    }

    func read(_ count: Int, from file: String) {
        lock.withLock { read[file, default: 0] += count }
    }
}

/// An input file opened once for a run: every reading of it (its parts on their threads, the
/// check of where its table is, a workbook's archive) goes through `read`, and its SHA-256 is
/// computed from the bytes those readings bring in, in file order, so the file is not read again
/// for its checksum.
///
/// The parts of a file are read at once on several threads, but the digest needs the bytes in
/// order: bytes that arrive ahead of the digest are copied aside until the bytes before them
/// have come; a reading that gets too far ahead waits (the reading of the earliest unfinished
/// part never does). Whatever no reading brought in (a reading stopped early, an archive read
/// out of order) is read for the digest at the end.
final class InputFile: @unchecked Sendable {
    let descriptor: Int32
    let size: Int
    /// The file's name in messages, for the log.
    let name: String
    private let log: InputReadLog?
    /// Whether the file is the caller's to close.
    private let ownsDescriptor: Bool

    private let condition = NSCondition()
    private var hasher = SHA256()
    /// The bytes hashed so far are those before this offset.
    private var hashedEnd = 0
    /// Bytes read ahead of `hashedEnd`, by file offset, until the bytes before them come.
    private var aside: [Int: [UInt8]] = [:]
    private var asideBytes = 0
    /// Set when bytes were left out: from then on only the bytes at `hashedEnd` are hashed, and
    /// the rest is read by `digest()`.
    private var inOrderOnly = false
    /// The most bytes kept aside before a reading waits for the digest to catch up.
    var asideLimit = ByteWindow.refillSize
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
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int, hashed: Bool = true) -> Int {
        let result = pread(descriptor, buffer, count, off_t(offset))
        guard result > 0 else { return result }
        log?.read(result, from: name)
        if hashed, hashes { take(UnsafeRawBufferPointer(start: buffer, count: result), at: offset) }
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

    /// Starts the digest again: a file read a second time (after a reading in parts that proved
    /// wrong) is hashed from that reading.
    func restartDigest() {
        condition.withLock {
            hasher = SHA256()
            hashedEnd = 0
            aside = [:]
            asideBytes = 0
            inOrderOnly = false
            condition.broadcast()
        }
    }

    /// From now on bytes read ahead are not kept: a reading stopped before the end of its
    /// part, or reads out of order. Wakes the readings waiting for the digest.
    func keepInOrderOnly() {
        condition.withLock {
            inOrderOnly = true
            aside = [:]
            asideBytes = 0
            condition.broadcast()
        }
    }

    /// The file's SHA-256 as lowercase hex, reading whatever the readings did not bring in; nil
    /// when the file cannot be read to its size.
    func digest() -> String? {
        condition.lock()
        defer { condition.unlock() }
        aside = [:]
        asideBytes = 0
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

    private func take(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        condition.lock()
        defer { condition.unlock() }
        var start = offset
        var bytes = bytes
        while true {
            // Bytes already hashed (a part's reading that overlaps the one before) count once.
            if start < hashedEnd {
                let skipped = min(bytes.count, hashedEnd - start)
                bytes = UnsafeRawBufferPointer(rebasing: bytes[skipped...])
                start += skipped
            }
            let end = min(start + bytes.count, size)
            guard end > start else { return }
            if start == hashedEnd {
                hasher.update(UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: end - start))
                hashedEnd = end
                hashAside()
                condition.broadcast()
                return
            }
            if inOrderOnly { return }
            if asideBytes + bytes.count <= asideLimit || aside.isEmpty {
                aside[start] = Array(bytes)
                asideBytes += bytes.count
                return
            }
            // Too far ahead: wait for the readings before to bring their bytes, then look again.
            condition.wait()
        }
    }

    /// Hashes the bytes kept aside that now follow the hashed ones.
    private func hashAside() {
        while let (start, bytes) = aside.first(where: { $0.key <= hashedEnd && $0.key + $0.value.count > hashedEnd }) {
            aside[start] = nil
            asideBytes -= bytes.count
            let end = min(start + bytes.count, size)
            bytes.withUnsafeBufferPointer { all in
                hasher.update(UnsafeBufferPointer(rebasing: all[(hashedEnd - start)..<(end - start)]))
            }
            hashedEnd = end
        }
        // Bytes aside that the hashed ones now cover are no longer needed.
        for (start, bytes) in aside where start + bytes.count <= hashedEnd {
            aside[start] = nil
            asideBytes -= bytes.count
        }
    }
}
