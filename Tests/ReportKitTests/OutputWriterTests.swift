import Foundation
import Testing
import TestSupport
@testable import ReportKit

@Suite struct OutputWriterTests {
    let april = Period(iso: "2017-04")!

    func report(_ id: String, text: String) -> ReportOutput {
        ReportOutput(id: id, plugin: "returnee-movements", period: april,
                     inputs: [InputRecord(name: "movements", path: "data/m.csv", sha256: "00", size: 1)],
                     files: [OutputFile(name: "report.en.md", bytes: Array(text.utf8)), OutputFile(name: "report.fr.md", bytes: Array("fr \(text)".utf8))])
    }

    func contents(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    func manifest(_ root: URL) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: root.appendingPathComponent("2017-04/manifest.json").path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func writesReportsAndAManifestWithChecksums() throws {
        let root = try TemporaryFolder().url
        try OutputWriter(root: root, toolVersion: "9.9").write([report("a", text: "abc")])
        #expect(contents(root.appendingPathComponent("2017-04/a/report.en.md")) == "abc")
        let manifest = try manifest(root)
        #expect(manifest["schema"] as? String == "dtm-report/manifest/1")
        let reports = try #require(manifest["reports"] as? [[String: Any]])
        let files = try #require(reports.first?["files"] as? [[String: Any]])
        #expect(files.first?["path"] as? String == "a/report.en.md")
        #expect(files.first?["sha256"] as? String == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(files.first?["size"] as? Int == 3)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(leftovers == [".2017-04.lock", "2017-04"])
        // The lock file is left empty by a run that finished, so finished runs leave equal folders.
        #expect(contents(root.appendingPathComponent(".2017-04.lock")) == "")
    }

    @Test func aRunOfOneReportKeepsTheOthersOfThePeriod() throws {
        let root = try TemporaryFolder().url
        try OutputWriter(root: root, toolVersion: "1").write([report("a", text: "a1"), report("b", text: "b1")])
        try OutputWriter(root: root, toolVersion: "1").write([report("b", text: "b2")])
        #expect(contents(root.appendingPathComponent("2017-04/a/report.en.md")) == "a1")
        #expect(contents(root.appendingPathComponent("2017-04/b/report.en.md")) == "b2")
        let ids = try #require(try manifest(root)["reports"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids == ["a", "b"])
    }

    @Test func aWriteThatFailsHalfwayLeavesTheEarlierOutputsAsTheyWere() throws {
        let root = try TemporaryFolder().url
        try OutputWriter(root: root, toolVersion: "1").write([report("a", text: "old a"), report("b", text: "old b")])
        let before = try snapshot(root)
        var failing = OutputWriter(root: root, toolVersion: "1", fileSystem: RecordingFileSystem(fault: (.write, 3)))
        failing.displayRoot = "out"
        #expect {
            try failing.write([report("a", text: "new a"), report("b", text: "new b")])
        } throws: { error in
            "\(error)" == "out/2017-04: error: the new outputs of 2017-04 could not be written: writing 'out/2017-04/a/report.fr.md' failed (Input/output error); the earlier outputs of 2017-04 are kept"
        }
        let after = try snapshot(root)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
    }

    @Test func recoversTheOldFolderOfARunKilledBetweenTheTwoRenames() throws {
        let root = try TemporaryFolder().url
        let writer = OutputWriter(root: root, toolVersion: "1")
        try writer.write([report("a", text: "old")])
        // The state a kill between the two renames of the fallback leaves: the old folder set
        // aside, the new one staged.
        try FileManager.default.moveItem(at: writer.periodFolder(april), to: writer.oldFolder(april))
        try FileManager.default.createDirectory(at: writer.stagingFolder(april), withIntermediateDirectories: true)
        try writer.recover(april)
        #expect(contents(root.appendingPathComponent("2017-04/a/report.en.md")) == "old")
        #expect(!FileManager.default.fileExists(atPath: writer.stagingFolder(april).path))
        #expect(!FileManager.default.fileExists(atPath: writer.oldFolder(april).path))
    }

    @Test func recoveryRemovesTheEarlierMonthAnExchangeLeftUnderTheStagingName() throws {
        let root = try TemporaryFolder().url
        let writer = OutputWriter(root: root, toolVersion: "1")
        try writer.write([report("a", text: "new")])
        // A kill after the exchange and before the removal: the earlier month sits in the staging folder.
        try FileManager.default.createDirectory(at: writer.stagingFolder(april).appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: writer.stagingFolder(april).appendingPathComponent("a/report.en.md"))
        try writer.recover(april)
        #expect(contents(root.appendingPathComponent("2017-04/a/report.en.md")) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".2017-04.lock", "2017-04"])
    }
    @Test func theSystemExchangesTwoFoldersInOneStep() throws {
        let root = try TemporaryFolder()
        try root.write("first", to: "a/file")
        try root.write("second", to: "b/file")
        try PosixFileSystem().exchange(root.url.appendingPathComponent("a").path, root.url.appendingPathComponent("b").path)
        #expect(root.read("a/file") == "second")
        #expect(root.read("b/file") == "first")
    }

    @Test func aRunThatWillNotWaitStopsBeforeWritingAnything() throws {
        let root = try TemporaryFolder().url
        try OutputWriter(root: root, toolVersion: "1").write([report("a", text: "old")])
        let before = try snapshot(root)
        // Another run's lock, held through another open file description.
        let descriptor = open(root.appendingPathComponent(".2017-04.lock").path, O_RDWR)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        defer { close(descriptor) }
        var writer = OutputWriter(root: root, toolVersion: "1")
        writer.waitForOtherRuns = false
        writer.displayRoot = "out"
        #expect {
            try writer.write([report("a", text: "new")])
        } throws: { error in
            (error as? OutputWriteError)?.kind == .busy && "\(error)".hasPrefix("out/2017-04: error: another run is writing 2017-04 (")
        }
        #expect(try snapshot(root) == before)
    }

    /// Every file under `root` with its bytes, and the entries of `root` itself (where a
    /// leftover staging folder would show).
    func snapshot(_ root: URL) throws -> ([String: [UInt8]], [String]) {
        (Golden.files(in: root), try FileManager.default.contentsOfDirectory(atPath: root.path).sorted())
    }
}
