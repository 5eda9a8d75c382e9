import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// Every call of the write path failing in turn, and the order of the calls that make a month
/// durable. The months are small, so that every call of a run can fail: the Nth create, write,
/// sync, rename and remove, for every N the run makes.
@Suite struct OutputWriterFaultTests {
    let april = Period(iso: "2017-04")!

    func report(_ id: String, _ text: String) -> ReportOutput {
        ReportOutput(id: id, plugin: "returnee-movements", period: april,
                     inputs: [InputRecord(name: "movements", path: "data/m.csv", sha256: "00", size: 1)],
                     files: [OutputFile(name: "report.en.md", bytes: Array(text.utf8)), OutputFile(name: "report.fr.md", bytes: Array("fr \(text)".utf8))])
    }

    /// The earlier month: three reports. The new run rewrites two and carries the third over.
    var earlier: [ReportOutput] { [report("a", "old a"), report("b", "old b"), report("c", "old c")] }
    var newer: [ReportOutput] { [report("a", "new a"), report("b", "new b")] }

    func month(_ root: URL) -> [String: [UInt8]] {
        Golden.files(in: root.appendingPathComponent("2017-04"))
    }

    /// The earlier month and the new one, each whole, as real writes leave them.
    /// Writes the newer month through `fileSystem`, and returns what the writer said: its
    /// warnings, then its error when the write failed.
    func writeNewer(into root: URL, through fileSystem: RecordingFileSystem) -> [String] {
        var writer = OutputWriter(root: root, toolVersion: "1", fileSystem: fileSystem)
        writer.displayRoot = "out"
        var messages: [String] = []
        writer.onWarning = { messages.append($0) }
        do {
            try writer.write(newer)
        } catch {
            messages.append("\(error)")
        }
        return messages
    }

    func expectedMonths() throws -> (old: [String: [UInt8]], new: [String: [UInt8]]) {
        let root = try TemporaryFolder().url
        try OutputWriter(root: root, toolVersion: "1").write(earlier)
        let old = month(root)
        try OutputWriter(root: root, toolVersion: "1").write(newer)
        return (old, month(root))
    }

    static let cases: [(FileSystemError.Step, Bool)] = FileSystemError.Step.allCases.filter { $0 != .read }.flatMap { [($0, true), ($0, false)] }

    @Test(arguments: cases)
    func everyCallFailingInTurnLeavesTheOldMonthOrTheWholeNewOne(step: FileSystemError.Step, exchange: Bool) throws {
        let (old, new) = try expectedMonths()
        #expect(old != new)
        // A run without a fault, to count the calls of this step.
        let counting = RecordingFileSystem(exchangeUnsupported: !exchange)
        let countRoot = try TemporaryFolder().url
        try OutputWriter(root: countRoot, toolVersion: "1").write(earlier)
        try OutputWriter(root: countRoot, toolVersion: "1", fileSystem: counting).write(newer)
        let total = counting.count(step)
        #expect(total > 0)

        for number in 1...max(total, 1) {
            let root = try TemporaryFolder().url
            try OutputWriter(root: root, toolVersion: "1").write(earlier)
            let faulty = RecordingFileSystem(fault: (step, number), exchangeUnsupported: !exchange)
            let messages = writeNewer(into: root, through: faulty)
            let label = Comment(rawValue: "\(step) number \(number), exchange \(exchange): \(messages)")
            #expect(faulty.count(step) >= number, label)
            let now = month(root)
            #expect(now == old || now == new, label)
            #expect(messages.count == 1, label)
            for message in messages {
                #expect(!message.contains("\n"), label)
                #expect(message.hasPrefix("out/2017-04: "), label)
                #expect(message.contains("of 2017-04"), label)
            }
            if now == old {
                #expect(messages.first?.contains("the earlier outputs of 2017-04 are kept") == true, label)
            }
            // The next run, on the real file system, succeeds and leaves only the new month.
            try OutputWriter(root: root, toolVersion: "1").write(newer)
            #expect(month(root) == new, label)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".2017-04.lock", "2017-04"], label)
        }
    }

    /// Before every call of a run the published month is the old one or the whole new one: a
    /// writer that removed or renamed the old month away before the new one was in place fails
    /// here. The fallback's two renames have one gap, between them, when the name is missing
    /// and the old month is whole under `.old` (a kill there is what `recover` restores).
    @Test(arguments: [true, false])
    func thePublishedMonthIsWholeBeforeEveryCall(exchange: Bool) throws {
        let (old, new) = try expectedMonths()
        let root = try TemporaryFolder().url
        try OutputWriter(root: root, toolVersion: "1").write(earlier)
        let watching = RecordingFileSystem(exchangeUnsupported: !exchange)
        var states: [Bool] = []
        watching.beforeEachCall = { _ in
            let now = month(root)
            let setAside = !exchange && now.isEmpty && Golden.files(in: root.appendingPathComponent(".2017-04.old")) == old
            states.append(now == old || now == new || setAside)
        }
        try OutputWriter(root: root, toolVersion: "1", fileSystem: watching).write(newer)
        #expect(month(root) == new)
        #expect(states.count == watching.calls.count)
        #expect(!states.contains(false), "the month was torn or missing before call \(states.firstIndex(of: false) ?? -1): \(watching.calls)")
    }

    /// The order of the syncs: every staged file synced before it is closed, every staged folder
    /// synced after its last entry, all before the swap; the output folder synced after the
    /// swap and before the earlier month is removed. Removing any of these syncs fails here.
    @Test(arguments: [(true, true), (false, true), (true, false)])
    func everyFileAndFolderIsSyncedBeforeTheSwapAndTheOutputFolderAfter(exchange: Bool, hadEarlier: Bool) throws {
        let root = try TemporaryFolder().url.standardizedFileURL
        if hadEarlier { try OutputWriter(root: root, toolVersion: "1").write(earlier) }
        let recording = RecordingFileSystem(exchangeUnsupported: !exchange)
        try OutputWriter(root: root, toolVersion: "1", fileSystem: recording).write(newer)
        let calls = recording.calls
        let final = root.appendingPathComponent("2017-04").path, staging = root.appendingPathComponent(".2017-04.staging").path
        let swap = try #require(calls.firstIndex { call in
            switch call {
            case .exchange(staging, final): exchange
            case .rename(staging, final): true
            default: false
            }
        }, "no swap in \(calls)")

        var createdFiles: [String] = [], createdFolders: [String] = []
        for (index, call) in calls.enumerated() {
            if case .createFile(let path) = call { createdFiles.append(path); #expect(index < swap) }
            if case .makeDirectory(let path) = call { createdFolders.append(path); #expect(index < swap) }
        }
        // Manifest, a and b written (two files each), c carried over when there was an earlier month.
        #expect(createdFiles.count == (hadEarlier ? 7 : 5))
        #expect(createdFolders.count == (hadEarlier ? 4 : 3))
        for file in createdFiles {
            let sync = calls.firstIndex(of: .sync(file)), close = calls.firstIndex(of: .close(file))
            #expect(sync != nil && close != nil && sync! < close! && close! < swap, "\(file) not synced before the swap")
        }
        for folder in createdFolders {
            let lastEntry = calls.lastIndex { call in
                switch call {
                case .createFile(let path), .makeDirectory(let path): (path as NSString).deletingLastPathComponent == folder
                default: false
                }
            }
            let sync = calls.lastIndex(of: .syncDirectory(folder))
            #expect(sync != nil && sync! > (lastEntry ?? -1) && sync! < swap, "\(folder) not synced after its entries and before the swap")
        }
        let rootSync = try #require(calls.lastIndex(of: .syncDirectory(root.path)), "the output folder is never synced")
        #expect(rootSync > swap)
        if hadEarlier {
            let removal = try #require(calls.lastIndex { if case .removeTree = $0 { true } else { false } })
            #expect(removal > rootSync, "the earlier month was removed before the swap was on disk")
            if !exchange {
                // The fallback: the earlier month set aside, the new one in, the old one removed last.
                #expect(calls.firstIndex(of: .rename(final, root.appendingPathComponent(".2017-04.old").path)).map { $0 < swap } == true)
            }
        } else {
            #expect(!calls.contains { if case .removeTree = $0 { true } else { false } })
        }
    }

    /// A new output folder's name is synced in its parent, after it is created and before the swap.
    @Test func aNewOutputFolderIsSyncedInItsParent() throws {
        let parent = try TemporaryFolder().url.standardizedFileURL
        let recording = RecordingFileSystem()
        try OutputWriter(root: parent.appendingPathComponent("out"), toolVersion: "1", fileSystem: recording).write(newer)
        let sync = try #require(recording.calls.firstIndex(of: .syncDirectory(parent.path)), "the new output folder's parent is never synced")
        #expect(recording.calls.firstIndex { if case .rename = $0 { true } else { false } }.map { sync < $0 } == true)
    }

    /// What a killed run can leave beside the month: a staging folder; the month set aside
    /// under `.old` with the staged one beside it (killed between the fallback's renames); an
    /// `.old` folder beside the new month (killed before removing it).
    static let leftovers = ["staging", "old instead of the month", "old beside the month"]

    func leaveBehind(_ leftover: String, in root: URL) throws {
        let final = root.appendingPathComponent("2017-04"), staging = root.appendingPathComponent(".2017-04.staging")
        let old = root.appendingPathComponent(".2017-04.old")
        switch leftover {
        case "staging":
            try FileManager.default.createDirectory(at: staging.appendingPathComponent("a"), withIntermediateDirectories: true)
            try Data("half".utf8).write(to: staging.appendingPathComponent("a/report.en.md"))
        case "old instead of the month":
            try FileManager.default.moveItem(at: final, to: old)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        default:
            try FileManager.default.copyItem(at: final, to: old)
        }
    }

    /// The tidying of what a killed run left is on disk before the month is built: the output
    /// folder is synced after its last rename or removal, by a run as by `recover` alone. A
    /// power cut after `recover` then never brings back a month it had put back or removed.
    @Test(arguments: leftovers)
    func theTidyingIsSyncedBeforeAnythingElse(_ leftover: String) throws {
        for alone in [false, true] {
            let root = try TemporaryFolder().url.standardizedFileURL
            try OutputWriter(root: root, toolVersion: "1").write(earlier)
            try leaveBehind(leftover, in: root)
            let recording = RecordingFileSystem()
            let writer = OutputWriter(root: root, toolVersion: "1", fileSystem: recording)
            if alone { try writer.recover(april) } else { try writer.write(newer) }
            let calls = recording.calls
            // The calls before the staging folder is made.
            let tidying = Array(calls.prefix { if case .makeDirectory = $0 { false } else { true } })
            let lastChange = try #require(tidying.lastIndex { call in
                switch call {
                case .rename, .removeTree: true
                default: false
                }
            }, "\(leftover): nothing tidied in \(calls)")
            let sync = tidying.lastIndex(of: .syncDirectory(root.path))
            #expect(sync.map { $0 > lastChange } == true, "\(leftover), recover alone \(alone): the tidying is not synced before the month is built: \(calls)")
        }
    }

    /// The tidying of what a killed run left, with each of its calls failing in turn: the run
    /// stops in one line naming the month and the folder, the earlier month stays where it was,
    /// and the next run tidies up and writes the new month.
    @Test(arguments: leftovers)
    func tidyingWhatAKilledRunLeftFailsInOneLineAndTheNextRunSucceeds(_ leftover: String) throws {
        let (old, new) = try expectedMonths()
        for step in [FileSystemError.Step.rename, .remove, .sync] {
            for number in 1...2 {
                let root = try TemporaryFolder().url
                try OutputWriter(root: root, toolVersion: "1").write(earlier)
                try leaveBehind(leftover, in: root)
                let faulty = RecordingFileSystem(fault: (step, number))
                let messages = writeNewer(into: root, through: faulty)
                let label = Comment(rawValue: "\(leftover), \(step) number \(number): \(messages)")
                let now = month(root), setAside = Golden.files(in: root.appendingPathComponent(".2017-04.old"))
                #expect(now == old || now == new || (now.isEmpty && setAside == old), label)
                #expect(messages.count <= 1, label)
                for message in messages {
                    #expect(!message.contains("\n") && message.hasPrefix("out/2017-04: ") && message.contains("2017-04"), label)
                }
                try OutputWriter(root: root, toolVersion: "1").write(newer)
                #expect(month(root) == new, label)
                #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".2017-04.lock", "2017-04"], label)
            }
        }
    }
}
