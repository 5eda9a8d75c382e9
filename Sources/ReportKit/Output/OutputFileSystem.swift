import CFileExchange
import Foundation

/// The file-system calls that write a month, one method a call, so that tests can fail any one
/// of them or watch their order (`OutputWriter` makes every call of its write path through it).
public protocol OutputFileSystem: AnyObject, Sendable {
    /// `mkdir`: a new folder, whose parent exists.
    func makeDirectory(_ path: String) throws(FileSystemError)
    /// `open(O_CREAT | O_EXCL)`: a new, empty file open for writing.
    func createFile(_ path: String) throws(FileSystemError) -> Int32
    /// Writes all of `bytes` to a file `createFile` opened.
    func write(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(FileSystemError)
    /// `fsync` of an open file.
    func sync(_ descriptor: Int32, path: String) throws(FileSystemError)
    /// `close`; a deferred write error shows here on some file systems.
    func close(_ descriptor: Int32, path: String) throws(FileSystemError)
    /// `fsync` of a folder, which makes the names created, renamed or removed in it durable.
    func syncDirectory(_ path: String) throws(FileSystemError)
    /// `rename`, replacing nothing: the caller makes sure `destination` does not exist.
    func rename(_ source: String, to destination: String) throws(FileSystemError)
    /// Exchanges two existing names in one step. Throws with `isUnsupported` when the system or
    /// the file system cannot, so the caller falls back to two renames.
    func exchange(_ first: String, _ second: String) throws(FileSystemError)
    /// Removes a file or a folder with everything in it.
    func removeTree(_ path: String) throws(FileSystemError)
    func exists(_ path: String) -> Bool
    func isDirectory(_ path: String) -> Bool
    /// A file's bytes; nil when it cannot be read.
    func contents(_ path: String) -> [UInt8]?
    /// A folder's entries, sorted; nil when it cannot be read.
    func entries(of directory: String) -> [String]?
}

/// A call of `OutputFileSystem` that failed, with the system's error number.
public struct FileSystemError: Error, Sendable, Equatable {
    public enum Step: String, Sendable, CaseIterable {
        case create, write, sync, rename, remove, read
    }

    public var step: Step
    public var path: String
    public var code: Int32

    public init(_ step: Step, path: String, code: Int32) {
        self.step = step
        self.path = path
        self.code = code
    }

    /// The system's words for the error ("No space left on device").
    public var systemReason: String { String(cString: strerror(code)) }

    /// The exchange of two names is not possible here: fall back to two renames.
    public var isUnsupported: Bool { step == .rename && [ENOSYS, EINVAL, ENOTSUP, EOPNOTSUPP].contains(code) }
}

/// The real file system, through POSIX calls.
public final class PosixFileSystem: OutputFileSystem {
    public static let shared = PosixFileSystem()

    public init() {}

    public func makeDirectory(_ path: String) throws(FileSystemError) {
        guard mkdir(path, 0o755) == 0 else { throw FileSystemError(.create, path: path, code: errno) }
    }

    public func createFile(_ path: String) throws(FileSystemError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemError(.create, path: path, code: errno) }
        return descriptor
    }

    public func write(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(FileSystemError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw FileSystemError(.write, path: path, code: count < 0 ? errno : EIO) }
            offset += count
        }
    }

    public func sync(_ descriptor: Int32, path: String) throws(FileSystemError) {
        guard fsync(descriptor) == 0 else { throw FileSystemError(.sync, path: path, code: errno) }
    }

    public func close(_ descriptor: Int32, path: String) throws(FileSystemError) {
        guard Foundation.close(descriptor) == 0 else { throw FileSystemError(.write, path: path, code: errno) }
    }

    public func syncDirectory(_ path: String) throws(FileSystemError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(.sync, path: path, code: errno) }
        defer { Foundation.close(descriptor) }
        // Some file systems cannot sync a folder (EINVAL): their renames are durable already.
        guard fsync(descriptor) == 0 || errno == EINVAL else { throw FileSystemError(.sync, path: path, code: errno) }
    }

    public func rename(_ source: String, to destination: String) throws(FileSystemError) {
        guard Foundation.rename(source, destination) == 0 else { throw FileSystemError(.rename, path: source, code: errno) }
    }

    public func exchange(_ first: String, _ second: String) throws(FileSystemError) {
        guard cfileexchange_exchange(first, second) == 0 else { throw FileSystemError(.rename, path: first, code: errno) }
    }

    public func removeTree(_ path: String) throws(FileSystemError) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw FileSystemError(.remove, path: path, code: errno)
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            guard let names = entries(of: path) else { throw FileSystemError(.remove, path: path, code: errno == 0 ? EIO : errno) }
            for name in names { try removeTree(path + "/" + name) }
            guard rmdir(path) == 0 else { throw FileSystemError(.remove, path: path, code: errno) }
        } else {
            guard unlink(path) == 0 else { throw FileSystemError(.remove, path: path, code: errno) }
        }
    }

    public func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    public func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    public func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    public func entries(of directory: String) -> [String]? {
        (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted()
    }
}
