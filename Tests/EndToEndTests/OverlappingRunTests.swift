import Foundation
import Testing
import TestSupport

/// Runs of one month that overlap: one writes at a time, the others wait (saying for whom) or,
/// with --no-wait, stop at once; whatever the order, and with one killed while it holds the
/// lock, the month left behind is whole and `verify` accepts it.
@Suite(.serialized) struct OverlappingRunTests {
    /// A started run whose standard error goes to a file, read when it has ended.
    struct StartedRun {
        let process: Process
        let stderrFile: URL

        var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

        init(_ arguments: [String], in folder: URL) throws {
            process = Process()
            process.executableURL = DTMReportBinary.url
            process.arguments = arguments
            process.currentDirectoryURL = folder
            stderrFile = FileManager.default.temporaryDirectory.appendingPathComponent("dtm-report-stderr-\(UUID().uuidString)")
            FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: stderrFile)
            try process.run()
        }
    }

    /// The lock of a month, held by the test itself as another run would hold it.
    final class HeldLock {
        let descriptor: Int32

        init(_ file: URL, record: String) throws {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            descriptor = open(file.path, O_RDWR | O_CREAT, 0o644)
            guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw CatalogueError("cannot lock \(file.path)") }
            _ = ftruncate(descriptor, 0)
            _ = Array(record.utf8).withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }

        func release() { close(descriptor) }
    }

    func month(_ folder: TemporaryFolder) -> [String: [UInt8]] {
        Golden.files(in: folder.url.appendingPathComponent("out/2017-04"))
    }

    func verify(_ folder: TemporaryFolder) throws -> DTMReportBinary.Outcome {
        try DTMReportBinary.run(["verify", "out/2017-04"], in: folder.url)
    }

    static let otherRun = "pid 4121\nstarted 2017-05-02T06:00:01Z\n"

    @Test func overlappingRunsInManyOrdersLeaveAWholeMonth() throws {
        let reference = try CrashTests().project(seed: 7)
        #expect(try DTMReportBinary.run(["run", "--period", "2017-04"], in: reference.url).status == 0)
        let whole = month(reference)
        #expect(whole.count == 6)

        var generator = SplitMix64(seed: 16)
        var waited = 0
        for round in 0..<4 {
            let folder = try CrashTests().project(seed: 11)
            if round % 2 == 1 {
                // An earlier month of other numbers in place.
                #expect(try DTMReportBinary.run(["run", "--period", "2017-04", "--quiet"], in: folder.url).status == 0)
            }
            let input = "data/sample/population_movements.csv"
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent(input))
            try FileManager.default.copyItem(at: reference.url.appendingPathComponent(input), to: folder.url.appendingPathComponent(input))
            var runs: [StartedRun] = []
            for index in 0..<5 {
                // The fourth run will not wait: it writes the month, or stops saying why.
                let noWait = index == 3 ? ["--no-wait"] : []
                runs.append(try StartedRun(["run", "--period", "2017-04", "--quiet"] + noWait, in: folder.url))
                // The first round starts them all at once, so that they reach the lock together.
                if round > 0 { Thread.sleep(forTimeInterval: Double(generator.next() % 300) / 1000) }
            }
            // In the odd rounds one of them is killed, perhaps holding the lock.
            if round % 2 == 1 {
                Thread.sleep(forTimeInterval: Double(generator.next() % 500) / 1000)
                kill(runs[2].process.processIdentifier, SIGKILL)
            }
            for run in runs { run.process.waitUntilExit() }
            for (index, run) in runs.enumerated() where !(round % 2 == 1 && index == 2) {
                if index == 3 {
                    // Wrote the month, or did not and said why in one line.
                    let lines = run.stderr.split(separator: "\n")
                    if run.process.terminationStatus == 0 {
                        #expect(lines.isEmpty, Comment(rawValue: run.stderr))
                    } else {
                        #expect(run.process.terminationStatus == 75, Comment(rawValue: run.stderr))
                        #expect(lines.count == 1 && lines[0].hasPrefix("out/2017-04: error: another run is writing 2017-04 (")
                                && lines[0].hasSuffix("nothing was written: run again when it has finished, or without --no-wait to wait for it"),
                                Comment(rawValue: run.stderr))
                    }
                    continue
                }
                #expect(run.process.terminationStatus == 0, Comment(rawValue: run.stderr))
                // A run that waited said so, in one line naming the other run.
                for line in run.stderr.split(separator: "\n") {
                    waited += 1
                    // Caught between taking the lock and writing its id, the other run is named without it.
                    #expect(line.hasPrefix("out: waiting: another run is writing 2017-04 (process ")
                            || line.hasPrefix("out: waiting: another run is writing 2017-04 (which has not yet recorded its process id)"),
                            Comment(rawValue: String(line)))
                }
            }
            #expect(month(folder) == whole, "round \(round): the month is not whole")
            let verified = try verify(folder)
            #expect(verified.status == 0, Comment(rawValue: verified.stderr))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out").path).sorted()
            #expect(leftovers == [".2017-04.lock", "2017-04"])
        }
        // Whether a run reached the lock while another held it depends on the machine's load:
        // the month must be whole either way. That a run waits, and says so, is proven without
        // chance below (`aRunKilledHoldingTheLockDoesNotBlockTheNext`, `aSecondRunWaitsAndSaysForWhom`),
        // where the holder is stopped with SIGSTOP.
        _ = waited
    }

    /// A run killed while it holds the lock, with another waiting for it: the waiting run goes on
    /// at once, tidies what the killed one left, and writes the whole month.
    @Test func aRunKilledHoldingTheLockDoesNotBlockTheNext() throws {
        let folder = try CrashTests().project(seed: 7)
        #expect(try DTMReportBinary.run(["run", "--period", "2017-04", "--quiet"], in: folder.url).status == 0)
        let whole = month(folder)
        let lockFile = folder.url.appendingPathComponent("out/.2017-04.lock")
        // A run stopped (SIGSTOP) while it holds the lock, so that it holds it as long as the
        // test needs; a run that finished before it could be stopped is started again.
        func holding() -> Bool { (try? String(contentsOf: lockFile, encoding: .utf8))?.hasPrefix("pid ") == true }
        var held: StartedRun?
        let deadline = Date().addingTimeInterval(120)
        while held == nil, Date() < deadline {
            let run = try StartedRun(["run", "--period", "2017-04", "--quiet"], in: folder.url)
            while run.process.isRunning, !holding() { usleep(100) }
            kill(run.process.processIdentifier, SIGSTOP)
            let record = try? String(contentsOf: lockFile, encoding: .utf8)
            if run.process.isRunning, record?.hasPrefix("pid \(run.process.processIdentifier)\n") == true {
                held = run
            } else {
                kill(run.process.processIdentifier, SIGCONT)
                run.process.waitUntilExit()
            }
        }
        let run = try #require(held, "no run could be stopped while it held the lock")
        // A second run waits for it; the first is killed while the second waits.
        let waiting = try StartedRun(["run", "--period", "2017-04", "--quiet"], in: folder.url)
        while Date() < deadline, !waiting.stderr.contains("\n"), waiting.process.isRunning { Thread.sleep(forTimeInterval: 0.005) }
        let waited = waiting.stderr
        kill(run.process.processIdentifier, SIGKILL)
        run.process.waitUntilExit()
        waiting.process.waitUntilExit()
        #expect(waiting.process.terminationStatus == 0, Comment(rawValue: waiting.stderr))
        if waiting.stderr.isEmpty {
            Issue.record("the second run did not wait: the first had finished before it started")
        } else {
            #expect(waited.hasPrefix("out: waiting: another run is writing 2017-04 (process \(run.process.processIdentifier), started "), Comment(rawValue: waited))
        }
        #expect(month(folder) == whole)
        // And a run after them neither waits nor finds anything to tidy.
        let next = try DTMReportBinary.run(["run", "--period", "2017-04", "--no-wait", "--quiet"], in: folder.url)
        #expect(next.status == 0, Comment(rawValue: next.stderr))
        #expect(next.stderr.isEmpty)
        #expect(month(folder) == whole)
        #expect(try verify(folder).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out").path).sorted()
        #expect(leftovers == [".2017-04.lock", "2017-04"])
    }

    @Test func noWaitStopsAtOnceNamingTheOtherRun() throws {
        let folder = try CrashTests().project(seed: 7)
        #expect(try DTMReportBinary.run(["run", "--period", "2017-04", "--quiet"], in: folder.url).status == 0)
        let before = Golden.files(in: folder.url.appendingPathComponent("out"))
        let lock = try HeldLock(folder.url.appendingPathComponent("out/.2017-04.lock"), record: Self.otherRun)
        defer { lock.release() }
        let outcome = try DTMReportBinary.run(["run", "--period", "2017-04", "--no-wait"], in: folder.url)
        #expect(outcome.status == 75)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "out/2017-04: error: another run is writing 2017-04 (process 4121, started 2017-05-02T06:00:01Z); nothing was written: run again when it has finished, or without --no-wait to wait for it\n")
        #expect(Golden.files(in: folder.url.appendingPathComponent("out")).filter { !$0.key.hasSuffix(".lock") } == before.filter { !$0.key.hasSuffix(".lock") })
    }

    @Test func aSecondRunWaitsAndSaysForWhom() throws {
        let folder = try CrashTests().project(seed: 7)
        let lock = try HeldLock(folder.url.appendingPathComponent("out/.2017-04.lock"), record: Self.otherRun)
        let run = try StartedRun(["run", "--period", "2017-04", "--quiet"], in: folder.url)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !run.stderr.contains("\n") { Thread.sleep(forTimeInterval: 0.01) }
        #expect(run.stderr == "out: waiting: another run is writing 2017-04 (process 4121, started 2017-05-02T06:00:01Z); this run writes it when that one has finished\n")
        #expect(run.process.isRunning)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/2017-04").path))
        lock.release()
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0)
        #expect(try verify(folder).status == 0)
    }

    /// The staging folder of a run that holds the lock is that run's month being built: a run
    /// waiting for the lock leaves it alone, and tidies it only once it holds the lock itself
    /// (when the folder can only be what a killed run left).
    @Test func onlyTheLockHolderTidiesAStagingFolder() throws {
        let folder = try CrashTests().project(seed: 7)
        let staged = "out/.2017-04.staging/fmp-monthly/report.en.md"
        try folder.write("being written", to: staged)
        let lock = try HeldLock(folder.url.appendingPathComponent("out/.2017-04.lock"), record: Self.otherRun)
        let run = try StartedRun(["run", "--period", "2017-04", "--quiet"], in: folder.url)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !run.stderr.contains("\n") { Thread.sleep(forTimeInterval: 0.01) }
        #expect(run.stderr.hasPrefix("out: waiting: another run is writing 2017-04"), Comment(rawValue: run.stderr))
        #expect(folder.read(staged) == "being written", "a run that does not hold the lock removed the holder's staging folder")
        lock.release()
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0, Comment(rawValue: run.stderr))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out").path).sorted()
        #expect(left == [".2017-04.lock", "2017-04"])
        #expect(try verify(folder).status == 0)
    }

    @Test func otherMonthsOtherFoldersAndValidateDoNotWait() throws {
        let folder = try CrashTests().project(seed: 7)
        let lock = try HeldLock(folder.url.appendingPathComponent("out/.2017-04.lock"), record: Self.otherRun)
        defer { lock.release() }
        let otherMonth = try DTMReportBinary.run(["run", "--period", "2017-03", "--no-wait", "--quiet"], in: folder.url)
        #expect(otherMonth.status == 0, Comment(rawValue: otherMonth.stderr))
        let otherFolder = try DTMReportBinary.run(["run", "--period", "2017-04", "--out", "elsewhere", "--no-wait", "--quiet"], in: folder.url)
        #expect(otherFolder.status == 0, Comment(rawValue: otherFolder.stderr))
        let validate = try DTMReportBinary.run(["validate", "--period", "2017-04", "--quiet"], in: folder.url)
        #expect(validate.status == 0, Comment(rawValue: validate.stderr))
    }
}
