import CInflate
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ZIP archive (APPNOTE 6.3.10) opened for reading the entries of a workbook.
///
/// A workbook comes from outside and may be damaged or built to hurt the reader, so every read
/// is bounded by what the archive itself declares and by the file's size: an entry's bytes are
/// read from its own place only (never past its declared compressed size), a DEFLATE stream
/// that ends early or never ends is an error rather than a loop, and sizes and checksums are
/// checked. The central directory is read once, whole, within `maximumDirectorySize`.
///
/// Only what `.xlsx` files use is taken: entries stored (method 0) or deflated (method 8),
/// ZIP64 sizes and offsets, one disk. Encrypted entries are refused.
final class ZipArchive {
    struct Entry {
        let path: String
        let method: UInt16
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let crc32: UInt32
        let localHeaderOffset: UInt64
        let isEncrypted: Bool
    }

    /// Why an archive or an entry cannot be read; the workbook reader words it for the user.
    enum Failure: Error {
        /// The central directory is missing, out of the file, or not well formed.
        case directory
        /// The entry's bytes are out of the file, or do not inflate to what it declares.
        case entry(path: String)
    }

    /// The most bytes the central directory may take (about 200,000 entries).
    static let maximumDirectorySize: UInt64 = 16 << 20
    /// Each read of an entry's bytes, and each piece handed to a consumer, at most.
    static let chunkSize = 64 << 10

    let fileSize: UInt64
    private let file: InputFile
    /// The entries by path; the first of two with one path wins, as most readers do.
    private let entriesByPath: [String: Entry]

    convenience init(url: URL) throws {
        guard let file = InputFile.open(url, name: url.lastPathComponent) else { throw Failure.directory }
        try self.init(file: file)
    }

    /// The archive in the open `file`, read through it (counted, and hashed where the reads
    /// follow the file's order).
    init(file: InputFile) throws {
        self.file = file
        self.fileSize = UInt64(file.size)
        // Entries are read where the directory puts them: the digest takes what comes in order
        // and reads the rest itself.
        file.keepInOrderOnly()
        var entries: [String: Entry] = [:]
        for entry in try Self.readDirectory(file: file, fileSize: fileSize) where entries[entry.path] == nil {
            entries[entry.path] = entry
        }
        entriesByPath = entries
    }

    subscript(path: String) -> Entry? {
        entriesByPath[path]
    }

    /// Hands the entry's inflated bytes to `body` piece by piece (each piece valid only during
    /// the call), and checks at the end that they are as many as the entry declares and have its
    /// checksum. Errors thrown by `body` pass through.
    func extract(_ entry: Entry, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard !entry.isEncrypted, entry.method == 0 || entry.method == 8 else { throw Failure.entry(path: entry.path) }
        let header = try Self.readBytes(file: file, at: entry.localHeaderOffset, count: 30, failing: .entry(path: entry.path))
        guard Self.uint32(header, 0) == 0x0403_4B50 else { throw Failure.entry(path: entry.path) }
        let dataStart = entry.localHeaderOffset + 30 + UInt64(Self.uint16(header, 26)) + UInt64(Self.uint16(header, 28))
        guard dataStart <= fileSize, entry.compressedSize <= fileSize - dataStart else { throw Failure.entry(path: entry.path) }

        var crc: UInt32 = 0
        var produced: UInt64 = 0
        func deliver(_ piece: UnsafeBufferPointer<UInt8>) throws {
            guard !piece.isEmpty else { return }
            produced += UInt64(piece.count)
            guard produced <= entry.uncompressedSize else { throw Failure.entry(path: entry.path) }
            crc = cinflate_crc32(crc, piece.baseAddress, piece.count)
            try body(piece)
        }
        if entry.method == 0 {
            guard entry.compressedSize == entry.uncompressedSize else { throw Failure.entry(path: entry.path) }
            try readChunks(of: entry, from: dataStart) { chunk in
                try deliver(chunk)
                return true
            }
        } else {
            try inflate(entry, from: dataStart, into: deliver)
        }
        guard produced == entry.uncompressedSize, crc == entry.crc32 else { throw Failure.entry(path: entry.path) }
    }

    /// Reads the entry's declared compressed bytes in chunks, while `body` asks for more.
    private func readChunks(of entry: Entry, from start: UInt64, _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var offset = start
        let end = start + entry.compressedSize
        while offset < end {
            let count = Int(min(UInt64(Self.chunkSize), end - offset))
            let more = try buffer.withUnsafeMutableBufferPointer { raw in
                try readFully(into: UnsafeMutableBufferPointer(rebasing: raw[..<count]), at: offset, for: entry)
                return try body(UnsafeBufferPointer(rebasing: raw[..<count]))
            }
            guard more else { return }
            offset += UInt64(count)
        }
    }

    /// Inflates the entry's compressed bytes. Every step consumes input or produces output, so
    /// the loop ends; a stream whose input runs out before its last block is damaged. Bytes
    /// after the last block are left unread, as other readers leave them.
    private func inflate(_ entry: Entry, from start: UInt64, into deliver: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard let stream = cinflate_create() else { throw Failure.entry(path: entry.path) }
        defer { cinflate_destroy(stream) }
        var output = [UInt8](repeating: 0, count: Self.chunkSize)
        /// One step from `input`; true when the stream's last block ended.
        func step(_ input: UnsafeBufferPointer<UInt8>, _ consumed: inout Int) throws -> Bool {
            var produced = 0
            let result = output.withUnsafeMutableBufferPointer { out in
                cinflate_step(stream, input.baseAddress, input.count, &consumed, out.baseAddress, out.count, &produced)
            }
            try output.withUnsafeBufferPointer { out in try deliver(UnsafeBufferPointer(rebasing: out[..<produced])) }
            switch result {
            case CINFLATE_END: return true
            case CINFLATE_PROGRESS where consumed > 0 || produced > 0: return false
            default: throw Failure.entry(path: entry.path)
            }
        }
        var ended = false
        try readChunks(of: entry, from: start) { chunk in
            var position = 0
            while position < chunk.count, !ended {
                var consumed = 0
                ended = try step(UnsafeBufferPointer(rebasing: chunk[position...]), &consumed)
                position += consumed
            }
            return !ended
        }
        // The input is spent; what the stream still holds comes out with no more input, and a
        // stream that wants more is cut short.
        while !ended {
            var consumed = 0
            ended = try step(UnsafeBufferPointer(start: nil, count: 0), &consumed)
        }
    }

    // MARK: - The central directory

    /// The entries the central directory lists, found from the end-of-central-directory record
    /// (and its ZIP64 form where a size or offset does not fit 32 bits).
    private static func readDirectory(file: InputFile, fileSize: UInt64) throws -> [Entry] {
        // The end record is 22 bytes and a comment of up to 65,535 follows it.
        let tailCount = Int(min(fileSize, 22 + 0xFFFF))
        guard tailCount >= 22 else { throw Failure.directory }
        let tailStart = fileSize - UInt64(tailCount)
        let tail = try readBytes(file: file, at: tailStart, count: tailCount)
        guard let end = (0...(tailCount - 22)).reversed().first(where: { uint32(tail, $0) == 0x0605_4B50 }) else {
            throw Failure.directory
        }
        var entryCount = UInt64(uint16(tail, end + 10))
        var directorySize = UInt64(uint32(tail, end + 12))
        var directoryOffset = UInt64(uint32(tail, end + 16))
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // The ZIP64 locator sits just before the end record and points at the ZIP64 record.
            let locatorOffset = tailStart + UInt64(end)
            guard locatorOffset >= 20 else { throw Failure.directory }
            let locator = try readBytes(file: file, at: locatorOffset - 20, count: 20)
            guard uint32(locator, 0) == 0x0706_4B50 else { throw Failure.directory }
            let recordOffset = uint64(locator, 8)
            guard recordOffset <= fileSize, fileSize - recordOffset >= 56 else { throw Failure.directory }
            let record = try readBytes(file: file, at: recordOffset, count: 56)
            guard uint32(record, 0) == 0x0606_4B50 else { throw Failure.directory }
            entryCount = uint64(record, 32)
            directorySize = uint64(record, 40)
            directoryOffset = uint64(record, 48)
        }
        guard directorySize <= maximumDirectorySize, directoryOffset <= fileSize, directorySize <= fileSize - directoryOffset,
              entryCount <= directorySize / 46 + 1 else { throw Failure.directory }
        let directory = try readBytes(file: file, at: directoryOffset, count: Int(directorySize))
        var entries: [Entry] = []
        var position = 0
        for _ in 0..<entryCount {
            guard position + 46 <= directory.count, uint32(directory, position) == 0x0201_4B50 else { throw Failure.directory }
            let flags = uint16(directory, position + 8)
            let nameCount = Int(uint16(directory, position + 28))
            let extraCount = Int(uint16(directory, position + 30))
            let commentCount = Int(uint16(directory, position + 32))
            let nameStart = position + 46
            let next = nameStart + nameCount + extraCount + commentCount
            guard next <= directory.count else { throw Failure.directory }
            var compressedSize = UInt64(uint32(directory, position + 20))
            var uncompressedSize = UInt64(uint32(directory, position + 24))
            var localHeaderOffset = UInt64(uint32(directory, position + 42))
            // The ZIP64 extra field holds, in this order, each of the three that is 0xFFFFFFFF.
            var extra = nameStart + nameCount
            while extra + 4 <= nameStart + nameCount + extraCount {
                let id = uint16(directory, extra), size = Int(uint16(directory, extra + 2))
                let fieldEnd = extra + 4 + size
                guard fieldEnd <= nameStart + nameCount + extraCount else { throw Failure.directory }
                if id == 0x0001 {
                    var field = extra + 4
                    func widen(_ value: inout UInt64) throws {
                        guard value == 0xFFFF_FFFF else { return }
                        guard field + 8 <= fieldEnd else { throw Failure.directory }
                        value = uint64(directory, field)
                        field += 8
                    }
                    try widen(&uncompressedSize)
                    try widen(&compressedSize)
                    try widen(&localHeaderOffset)
                }
                extra = fieldEnd
            }
            let path = String(decoding: directory[nameStart..<(nameStart + nameCount)], as: UTF8.self)
            entries.append(Entry(path: path, method: uint16(directory, position + 10), compressedSize: compressedSize,
                                 uncompressedSize: uncompressedSize, crc32: uint32(directory, position + 16),
                                 localHeaderOffset: localHeaderOffset, isEncrypted: flags & 1 != 0))
            position = next
        }
        return entries
    }

    // MARK: - Reading bytes

    private func readFully(into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: UInt64, for entry: Entry) throws {
        guard Self.readFully(file: file, into: buffer, at: offset) else { throw Failure.entry(path: entry.path) }
    }

    /// `count` bytes at `offset`; throws `failure` when the file holds fewer.
    private static func readBytes(file: InputFile, at offset: UInt64, count: Int, failing failure: Failure = .directory) throws -> [UInt8] {
        // An offset past what `off_t` holds is past the end of any file.
        guard offset <= UInt64(Int64.max) - UInt64(count) else { throw failure }
        var bytes = [UInt8](repeating: 0, count: count)
        let complete = bytes.withUnsafeMutableBufferPointer { readFully(file: file, into: $0, at: offset) }
        guard complete else { throw failure }
        return bytes
    }

    /// `pread` until the buffer is full; false when the file ends first or a read fails.
    private static func readFully(file: InputFile, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: UInt64) -> Bool {
        var done = 0
        while done < buffer.count {
            let count = file.read(into: buffer.baseAddress! + done, count: buffer.count - done, at: Int(offset) + done)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    // Little-endian fields of the ZIP records.
    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
    }

    private static func uint64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(uint32(bytes, at)) | UInt64(uint32(bytes, at + 4)) << 32
    }
}
