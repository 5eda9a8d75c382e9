import Foundation
import Testing
import ZIPFoundation
@testable import ReportKit
import TestSupport

/// The workbook's ZIP reader, on archives written by another ZIP writer (ZIPFoundation) and on
/// archives written here byte by byte to be damaged in one precise way each.
@Suite struct ZipArchiveTests {
    /// Every byte of `entry`, through the reader.
    static func contents(_ archive: ZipArchive, _ path: String) throws -> [UInt8] {
        let entry = try #require(archive[path])
        var bytes: [UInt8] = []
        try archive.extract(entry) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// One entry as its local header, data and central header; sizes and CRC as declared.
    struct RawEntry {
        var path: String
        var method: UInt16
        var data: [UInt8]
        var uncompressedSize: UInt32
        var crc32: UInt32
        var declaredCompressedSize: UInt32?
    }

    /// A ZIP archive of `entries`, each field written as the format lays it out.
    static func archive(_ entries: [RawEntry], directoryOffsetShift: Int = 0) -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        var bytes: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(bytes.count)
            let name = Array(entry.path.utf8)
            let compressed = entry.declaredCompressedSize ?? UInt32(entry.data.count)
            let sizes = le32(entry.crc32) + le32(compressed) + le32(entry.uncompressedSize)
            bytes += le32(0x0403_4B50) + le16(20) + le16(0) + le16(Int(entry.method)) + le16(0) + le16(0) + sizes
                + le16(name.count) + le16(0) + name + entry.data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(Int(entry.method)) + le16(0) + le16(0) + sizes
                + le16(name.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let directoryOffset = UInt32(bytes.count + directoryOffsetShift)
        bytes += central
        bytes += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
            + le32(UInt32(central.count)) + le32(directoryOffset) + le16(0)
        return bytes
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        Data(bytes).crc32(checksum: 0)
    }

    static func open(_ bytes: [UInt8], in folder: TemporaryFolder) throws -> ZipArchive {
        try ZipArchive(url: folder.write(bytes, to: "a.zip"))
    }

    static func failsAsDamaged(_ archive: ZipArchive, _ path: String) throws -> Bool {
        do {
            _ = try contents(archive, path)
            return false
        } catch ZipArchive.Failure.entry(let failing) {
            return failing == path
        }
    }

    @Test func readsStoredAndDeflatedEntriesOfAnotherWriterByteForByte() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("b.zip")
        let writer = try Archive(url: url, accessMode: .create)
        // Over several chunks of the reader, and compressible unevenly.
        let large = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 * $0 / 7) })
        let small = Data("<sst count=\"1\"><si><t>Ménaka</t></si></sst>".utf8)
        for (path, data, method) in [("large.bin", large, CompressionMethod.deflate), ("stored.bin", large, .none), ("small.xml", small, .deflate),
                                     ("empty.xml", Data(), .deflate)] {
            try writer.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let archive = try ZipArchive(url: url)
        #expect(try Self.contents(archive, "large.bin") == [UInt8](large))
        #expect(try Self.contents(archive, "stored.bin") == [UInt8](large))
        #expect(try Self.contents(archive, "small.xml") == [UInt8](small))
        #expect(try Self.contents(archive, "empty.xml") == [])
        #expect(archive["missing.xml"] == nil)
    }

    /// A DEFLATE stream that stops before its last block: the input runs out and the reader
    /// says so, where a loop waiting for the stream's end would never return.
    @Test func aDeflateStreamCutShortIsDamagedNotAnEndlessRead() throws {
        let folder = try TemporaryFolder()
        // A stored block, not the last, of 5 bytes of which 2 are present.
        let cut: [UInt8] = [0x00, 0x05, 0x00, 0xFA, 0xFF, 0x41, 0x42]
        let archive = try Self.open(Self.archive([
            RawEntry(path: "cut.xml", method: 8, data: cut, uncompressedSize: 5, crc32: Self.crc(Array("ABCDE".utf8))),
            RawEntry(path: "next.xml", method: 0, data: Array("CDE".utf8), uncompressedSize: 3, crc32: Self.crc(Array("CDE".utf8))),
        ]), in: folder)
        #expect(try Self.failsAsDamaged(archive, "cut.xml"))
        #expect(try Self.contents(archive, "next.xml") == Array("CDE".utf8))
    }

    @Test func anEntryDeclaringMoreBytesThanTheFileHoldsIsDamaged() throws {
        let folder = try TemporaryFolder()
        let data = Array("ABC".utf8)
        let archive = try Self.open(Self.archive([
            RawEntry(path: "s.xml", method: 0, data: data, uncompressedSize: 3, crc32: Self.crc(data), declaredCompressedSize: 0xFFFF_FF00),
        ]), in: folder)
        #expect(try Self.failsAsDamaged(archive, "s.xml"))
    }

    @Test func aChecksumOrSizeOtherThanDeclaredIsDamaged() throws {
        let folder = try TemporaryFolder()
        let data = Array("ABC".utf8)
        let archive = try Self.open(Self.archive([
            RawEntry(path: "crc.xml", method: 0, data: data, uncompressedSize: 3, crc32: Self.crc(data) ^ 1),
            RawEntry(path: "size.xml", method: 0, data: data, uncompressedSize: 2, crc32: Self.crc(data)),
            RawEntry(path: "method.xml", method: 12, data: data, uncompressedSize: 3, crc32: Self.crc(data)),
            RawEntry(path: "good.xml", method: 0, data: data, uncompressedSize: 3, crc32: Self.crc(data)),
        ]), in: folder)
        #expect(try Self.failsAsDamaged(archive, "crc.xml"))
        #expect(try Self.failsAsDamaged(archive, "size.xml"))
        #expect(try Self.failsAsDamaged(archive, "method.xml"))
        #expect(try Self.contents(archive, "good.xml") == data)
    }

    @Test func aDirectoryOutOfTheFileOrMissingIsRefused() throws {
        let folder = try TemporaryFolder()
        let data = Array("ABC".utf8)
        let entry = RawEntry(path: "a.xml", method: 0, data: data, uncompressedSize: 3, crc32: Self.crc(data))
        #expect(throws: ZipArchive.Failure.self) { try Self.open(Self.archive([entry], directoryOffsetShift: 1_000), in: folder) }
        #expect(throws: ZipArchive.Failure.self) { try Self.open(Array(Self.archive([entry]).dropLast(22)), in: folder) }
        #expect(throws: ZipArchive.Failure.self) { try Self.open([], in: folder) }
    }

    /// Through the workbook reader, a damaged sheet is a message naming the entry.
    @Test func aWorkbookWithASheetCutShortSaysWhichEntry() throws {
        let folder = try TemporaryFolder()
        let good = try WorkbookReaderTests.workbook(in: folder, sheets: [("S", "<x:sheetData/>")])
        let source = try ZipArchive(url: good)
        var entries: [RawEntry] = []
        for path in ["_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"] {
            let bytes = try Self.contents(source, path)
            entries.append(RawEntry(path: path, method: 0, data: bytes, uncompressedSize: UInt32(bytes.count), crc32: Self.crc(bytes)))
        }
        entries.append(RawEntry(path: "xl/worksheets/sheet1.xml", method: 8, data: [0x00, 0x05, 0x00, 0xFA, 0xFF, 0x3C],
                                uncompressedSize: 5, crc32: 0))
        let url = try folder.write(Self.archive(entries), to: "cut.xlsx")
        #expect(WorkbookReaderTests.errors(WorkbookReaderTests.read(url, file: "cut.xlsx")) == [
            "cut.xlsx: error: not a readable .xlsx workbook: entry xl/worksheets/sheet1.xml cannot be inflated (is the file truncated or damaged?); save it again from Excel as .xlsx, or as CSV UTF-8",
        ])
    }
}
