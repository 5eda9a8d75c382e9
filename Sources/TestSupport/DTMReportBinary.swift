import Foundation

/// The built `dtm-report` executable, run as a user runs it.
public enum DTMReportBinary {
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static var url: URL { Repository.productsFolder.appendingPathComponent("dtm-report") }

    /// Runs `dtm-report arguments` in `folder` and waits for it.
    public static func run(_ arguments: [String], in folder: URL) throws -> Outcome {
        try runTool(url.path, arguments, in: folder)
    }

    /// Runs the program at `path` in `folder` and waits for it (`script`, to give `dtm-report` a
    /// terminal).
    public static func runTool(_ path: String, _ arguments: [String], in folder: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so that a full pipe never blocks the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `dtm-report arguments` in `folder` with its output discarded, without waiting.
    public static func start(_ arguments: [String], in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
