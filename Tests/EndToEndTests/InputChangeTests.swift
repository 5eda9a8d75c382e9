import Foundation
import Testing
import TestSupport

/// An input appended to while a run reads it (an export or a sync still in progress) is an
/// error naming the file; nothing is written.
@Suite(.serialized) struct InputChangeTests {
    /// Whether process `pid` has `file` open, from its descriptors in /proc (Linux).
    func hasOpen(_ pid: Int32, _ file: URL) -> Bool {
        let folder = "/proc/\(pid)/fd"
        guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        return descriptors.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)")) == file.path }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func anInputAppendedToDuringARunIsAnErrorAndNothingIsWritten() throws {
        let folder = try CrashTests().project(seed: 7)
        #expect(try DTMReportBinary.run(["run", "--period", "2017-04", "--quiet"], in: folder.url).status == 0)
        let before = Golden.files(in: folder.url.appendingPathComponent("out/2017-04"))
        let input = folder.url.appendingPathComponent("data/sample/population_movements.csv").resolvingSymlinksInPath()
        // Large enough that the read lasts while the test appends: half a million rows.
        let rows = try #require(folder.read("data/sample/population_movements.csv")).split(separator: "\n").dropFirst()
        let handle = try FileHandle(forWritingTo: input)
        try handle.seekToEnd()
        for _ in 0..<4 { try handle.write(contentsOf: Data((rows.joined(separator: "\n") + "\n").utf8)) }
        try handle.close()

        var caught = false
        // The read is timed by the system: try a few times to land the append inside it.
        for _ in 0..<5 where !caught {
            let run = try OverlappingRunTests.StartedRun(["run", "--period", "2017-04", "--quiet", "--threads", "1"], in: folder.url)
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, run.process.isRunning, !hasOpen(run.process.processIdentifier, input) {
                usleep(200)
            }
            let appended = FileHandle(forUpdatingAtPath: input.path)
            appended?.seekToEndOfFile()
            appended?.write(Data("2017-04-28,ML07,Gao,returnees,5,1\n".utf8))
            try appended?.close()
            let stillReading = hasOpen(run.process.processIdentifier, input)
            run.process.waitUntilExit()
            guard stillReading else { continue }
            caught = true
            #expect(run.process.terminationStatus == 1)
            let lines = run.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("  ") }
            #expect(lines == [
                "data/sample/population_movements.csv: error: the file changed while it was read (a copy, an export or a sync still in progress?); run again when it is complete",
                "1 error; nothing was written",
            ], Comment(rawValue: run.stderr))
            #expect(Golden.files(in: folder.url.appendingPathComponent("out/2017-04")) == before)
        }
        #expect(caught, "no append landed while the input was read")
        // Once the file is complete, the run succeeds.
        #expect(try DTMReportBinary.run(["run", "--period", "2017-04", "--quiet"], in: folder.url).status == 0)
    }
}
