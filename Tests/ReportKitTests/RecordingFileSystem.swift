import Foundation
@testable import ReportKit

/// The real file system, with every call of the write path recorded, and a fault on demand: the
/// Nth call of one step fails with an I/O error, as a failing disk, a full one or a
/// read-only one would.
final class RecordingFileSystem: OutputFileSystem, @unchecked Sendable {
    enum Call: Equatable {
        case makeDirectory(String), createFile(String), write(String), sync(String), close(String)
        case syncDirectory(String), rename(String, String), exchange(String, String), removeTree(String)

        var step: FileSystemError.Step {
            switch self {
            case .makeDirectory, .createFile: .create
            case .write, .close: .write
            case .sync, .syncDirectory: .sync
            case .rename, .exchange: .rename
            case .removeTree: .remove
            }
        }
    }

    private let real = PosixFileSystem()
    private let lock = NSLock()
    /// Every call made, in order, the failed one included.
    private(set) var calls: [Call] = []
    /// The step to fail, and which of its calls (1 for the first).
    var fault: (step: FileSystemError.Step, number: Int)?
    /// Whether `exchange` answers as a system without it does, so that the writer falls back
    /// to two renames.
    var exchangeUnsupported = false
    /// Called before each call is made.
    var beforeEachCall: ((Call) -> Void)?

    init(fault: (step: FileSystemError.Step, number: Int)? = nil, exchangeUnsupported: Bool = false) {
        self.fault = fault
        self.exchangeUnsupported = exchangeUnsupported
    }

    func count(_ step: FileSystemError.Step) -> Int {
        lock.withLock { calls.filter { $0.step == step }.count }
    }

    /// Records the call and throws when it is the one to fail.
    private func enter(_ call: Call, path: String) throws(FileSystemError) {
        beforeEachCall?(call)
        let number: Int = lock.withLock {
            calls.append(call)
            return calls.filter { $0.step == call.step }.count
        }
        if let fault, fault.step == call.step, fault.number == number {
            throw FileSystemError(call.step, path: path, code: EIO)
        }
    }

    func makeDirectory(_ path: String) throws(FileSystemError) {
        try enter(.makeDirectory(path), path: path)
        try real.makeDirectory(path)
    }

    func createFile(_ path: String) throws(FileSystemError) -> Int32 {
        try enter(.createFile(path), path: path)
        return try real.createFile(path)
    }

    func write(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(FileSystemError) {
        try enter(.write(path), path: path)
        try real.write(descriptor, bytes, path: path)
    }

    func sync(_ descriptor: Int32, path: String) throws(FileSystemError) {
        try enter(.sync(path), path: path)
        try real.sync(descriptor, path: path)
    }

    func close(_ descriptor: Int32, path: String) throws(FileSystemError) {
        do {
            try enter(.close(path), path: path)
        } catch {
            // A close that reports an error has still released the descriptor.
            try? real.close(descriptor, path: path)
            throw error
        }
        try real.close(descriptor, path: path)
    }

    func syncDirectory(_ path: String) throws(FileSystemError) {
        try enter(.syncDirectory(path), path: path)
        try real.syncDirectory(path)
    }

    func rename(_ source: String, to destination: String) throws(FileSystemError) {
        try enter(.rename(source, destination), path: source)
        try real.rename(source, to: destination)
    }

    func exchange(_ first: String, _ second: String) throws(FileSystemError) {
        try enter(.exchange(first, second), path: first)
        if exchangeUnsupported { throw FileSystemError(.rename, path: first, code: ENOSYS) }
        try real.exchange(first, second)
    }

    func removeTree(_ path: String) throws(FileSystemError) {
        try enter(.removeTree(path), path: path)
        try real.removeTree(path)
    }

    func exists(_ path: String) -> Bool { real.exists(path) }
    func isDirectory(_ path: String) -> Bool { real.isDirectory(path) }
    func contents(_ path: String) -> [UInt8]? { real.contents(path) }
    func entries(of directory: String) -> [String]? { real.entries(of: directory) }
}
