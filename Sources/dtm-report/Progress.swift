import ArgumentParser
import Foundation
import ReportKit

/// How `run` and `validate` read their inputs.
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Threads that read a large input in parts (default: one per processor core). Results are the same with any number.",
                               valueName: "n"))
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress line while inputs are read, and no list of the files written.")
    var quiet = false

    func validate() throws {
        guard (1...256).contains(threads) else {
            throw ValidationError("--threads must be between 1 and 256, not \(threads)")
        }
    }
}

/// The line that shows, on a terminal, how far reading the inputs has got: bytes, rate and time
/// left, redrawn in place on stderr. Nothing when stderr is not a terminal (a log, a pipe, CI)
/// or with `--quiet`, and nothing for a run that reads its inputs within the first second.
final class ProgressLine: @unchecked Sendable {
    /// Shown only after this long: the monthly run on a country's files ends before.
    static let delay: TimeInterval = 1
    static let interval: TimeInterval = 0.25

    let progress = ScanProgress()
    private let lock = NSLock()
    private var isStopped = false
    private var isShown = false
    private let started = Date()
    private let done = DispatchSemaphore(value: 0)

    /// Starts drawing when stderr is a terminal and `quiet` is false; nil otherwise.
    static func start(quiet: Bool) -> ProgressLine? {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        let line = ProgressLine()
        Thread { line.draw() }.start()
        return line
    }

    /// Stops drawing and clears the line.
    func stop() {
        lock.withLock { isStopped = true }
        done.wait()
    }

    private func draw() {
        defer { done.signal() }
        while true {
            Thread.sleep(forTimeInterval: Self.interval)
            let (stopped, elapsed) = lock.withLock { (isStopped, Date().timeIntervalSince(started)) }
            if stopped {
                if isShown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                return
            }
            guard elapsed >= Self.delay else { continue }
            let (read, total) = progress.state
            guard total > 0 else { continue }
            isShown = true
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.text(read: read, total: total, elapsed: elapsed)).utf8))
        }
    }

    /// `reading inputs: 312.4 MB of 801.2 MB (39%), 410.1 MB/s, 1s left`.
    static func text(read: Int, total: Int, elapsed: TimeInterval) -> String {
        let locale = Locale(identifier: "en_GB")
        let bytes = ByteCountFormatStyle(style: .decimal, allowedUnits: .all, spellsOutZero: true, includesActualByteCount: false,
                                         locale: locale)
        let share = (Double(read) / Double(total)).formatted(.percent.precision(.fractionLength(0)).locale(locale))
        var text = "reading inputs: \(Int64(read).formatted(bytes)) of \(Int64(total).formatted(bytes)) (\(share))"
        guard elapsed > 0, read > 0 else { return text }
        let rate = Double(read) / elapsed
        text += ", \(Int64(rate).formatted(bytes))/s"
        let left = Duration.seconds(Int((Double(total - read) / rate).rounded(.up)))
        text += ", \(left.formatted(.units(allowed: [.hours, .minutes, .seconds], width: .narrow))) left"
        return text
    }
}
