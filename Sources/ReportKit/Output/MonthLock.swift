import Foundation

/// The run holding a month's lock, as it recorded itself in the lock file.
public struct LockHolder: Sendable, Equatable {
    public var processID: Int32
    public var started: Date

    public init(processID: Int32, started: Date) {
        self.processID = processID
        self.started = started
    }

    /// This process, started at `started`.
    public static func current(started: Date) -> LockHolder {
        LockHolder(processID: getpid(), started: started)
    }

    static let timeStyle = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)

    var startText: String { started.formatted(Self.timeStyle) }

    /// The lock file's text: `pid <n>` and `started <ISO 8601 time>`, a line each.
    var record: String { "pid \(processID)\nstarted \(startText)\n" }

    init?(record: String) {
        var pid: Int32?, started: Date?
        for line in record.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[0] == "pid" { pid = Int32(parts[1]) }
            if parts[0] == "started" { started = try? Self.timeStyle.parse(parts[1]) }
        }
        guard let pid, let started else { return nil }
        self.init(processID: pid, started: started)
    }
}

/// The exclusive lock that lets one run at a time write a month of an output folder: an
/// advisory `flock` on `<out>/.<period>.lock`.
///
/// The kernel releases it when the process ends, however it ends, so a killed run never blocks
/// the next. The holder writes its process id and start time into the file for the runs that
/// wait, and empties it when it is done, so that the folder looks the same after every finished
/// run. The file itself stays: removing it would let a waiting run lock a file no longer in the
/// folder while a third run locks a new one. Runs of other months, or into other output folders,
/// lock other files and never wait for each other.
final class MonthLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    static func file(root: URL, period: Period) -> URL {
        root.appendingPathComponent(".\(period.iso).lock")
    }

    enum Failure: Error {
        /// Another run holds the lock and the caller would not wait.
        case busy(LockHolder?)
        /// The lock file could not be opened or locked.
        case unavailable(file: String, code: Int32)
    }

    /// Takes the lock of `period`, waiting for its holder unless `wait` is false; `onWait` is told
    /// who holds it before the wait begins.
    static func acquire(root: URL, period: Period, holder: LockHolder, wait: Bool,
                        onWait: (LockHolder?) -> Void) throws(Failure) -> MonthLock {
        let path = file(root: root, period: period).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unavailable(file: path, code: errno) }
        if !lock(descriptor, blocking: false) {
            guard errno == EWOULDBLOCK else {
                let code = errno
                close(descriptor)
                throw .unavailable(file: path, code: code)
            }
            let other = recordedHolder(descriptor)
            guard wait else {
                close(descriptor)
                throw .busy(other)
            }
            onWait(other)
            guard lock(descriptor, blocking: true) else {
                let code = errno
                close(descriptor)
                throw .unavailable(file: path, code: code)
            }
        }
        let record = Array(holder.record.utf8)
        // Who holds the lock is for messages only: a failure to record it changes nothing else.
        if ftruncate(descriptor, 0) == 0 {
            _ = record.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, record.count, 0) }
        }
        return MonthLock(descriptor: descriptor)
    }

    /// Empties the file and lets the next run in.
    func release() {
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }

    private static func lock(_ descriptor: Int32, blocking: Bool) -> Bool {
        while flock(descriptor, LOCK_EX | (blocking ? 0 : LOCK_NB)) != 0 {
            if errno != EINTR { return false }
        }
        return true
    }

    /// The holder recorded in the file; nil when it has not written itself in yet.
    private static func recordedHolder(_ descriptor: Int32) -> LockHolder? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return LockHolder(record: String(decoding: buffer[..<count], as: UTF8.self))
    }
}
