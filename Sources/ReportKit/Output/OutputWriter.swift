import Foundation

/// A file of one report, by its path inside the report's folder (`report.en.md`, `by_region.csv`).
public struct OutputFile: Sendable, Hashable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// An input a report read, as the manifest records it.
public struct InputRecord: Sendable, Hashable {
    /// The key under `inputs:`.
    public var name: String
    /// The path as written in `reports.yaml`, relative to its folder.
    public var path: String
    public var sha256: String
    public var size: Int

    public init(name: String, path: String, sha256: String, size: Int) {
        self.name = name
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}

/// Everything one report writes for one period.
public struct ReportOutput: Sendable, Hashable {
    public var id: String
    public var plugin: String
    public var period: Period
    public var inputs: [InputRecord]
    public var files: [OutputFile]

    public init(id: String, plugin: String, period: Period, inputs: [InputRecord], files: [OutputFile]) {
        self.id = id
        self.plugin = plugin
        self.period = period
        self.inputs = inputs
        self.files = files
    }
}

/// Writes a run's outputs so that a reader never sees half of them.
///
/// Each period folder (`out/2017-04/`) is built complete in a staging folder beside it
/// (`out/.2017-04.staging/`), synced to disk, then swapped in with two renames: the old folder
/// becomes `out/.2017-04.old/`, the staging folder becomes `out/2017-04/`, and the old one is
/// removed. A run killed at any point leaves either the old folder or the new one in place, or
/// the old one under its `.old` name; the next run restores or removes those leftovers before
/// it starts (`recover`). Reports of the period that this run does not write (a run with
/// `--report`) are carried over from the old folder with their manifest entries, so the
/// manifest always describes exactly the folder it sits in.
public struct OutputWriter {
    public let root: URL
    public let toolVersion: String
    private let fileManager = FileManager.default
    /// Fault injection for tests: the write of file number N + 1 fails as a full disk would.
    var failAfterFiles: Int?
    private let filesWritten = Counter()

    public init(root: URL, toolVersion: String) {
        self.root = root
        self.toolVersion = toolVersion
    }

    /// Writes every period's reports. Throws `OutputWriteError` when the file system refuses;
    /// the period being written is then left as it was.
    public func write(_ outputs: [ReportOutput]) throws(OutputWriteError) {
        let byPeriod = Dictionary(grouping: outputs, by: \.period)
        do {
            try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw OutputWriteError(path: root.path, reason: "cannot create the output folder: \(error.localizedDescription)")
        }
        for period in byPeriod.keys.sorted() {
            try writePeriod(period, reports: byPeriod[period]!.sorted { $0.id < $1.id })
        }
    }

    func periodFolder(_ period: Period) -> URL { root.appendingPathComponent(period.iso, isDirectory: true) }
    func stagingFolder(_ period: Period) -> URL { root.appendingPathComponent(".\(period.iso).staging", isDirectory: true) }
    func oldFolder(_ period: Period) -> URL { root.appendingPathComponent(".\(period.iso).old", isDirectory: true) }

    /// Puts back what an interrupted run left: an old folder whose replacement never arrived is
    /// restored; a staging or old folder whose swap completed is removed.
    public func recover(_ period: Period) throws(OutputWriteError) {
        let final = periodFolder(period), old = oldFolder(period), staging = stagingFolder(period)
        if exists(old) {
            if exists(final) {
                try remove(old)
            } else {
                try move(old, to: final)
            }
        }
        if exists(staging) { try remove(staging) }
    }

    private func writePeriod(_ period: Period, reports: [ReportOutput]) throws(OutputWriteError) {
        try recover(period)
        let final = periodFolder(period), staging = stagingFolder(period), old = oldFolder(period)
        do {
            try makeFolder(staging)
            var entries: [String: [String: Any]] = [:]
            for report in reports {
                let folder = staging.appendingPathComponent(report.id, isDirectory: true)
                try makeFolder(folder)
                for file in report.files {
                    try writeFile(file.bytes, to: folder.appendingPathComponent(file.name))
                }
                entries[report.id] = manifestEntry(report)
            }
            for (id, entry) in try carriedOverReports(from: final, excluding: Set(reports.map(\.id))) {
                try copy(final.appendingPathComponent(id, isDirectory: true), to: staging.appendingPathComponent(id, isDirectory: true))
                entries[id] = entry
            }
            let manifest: [String: Any] = [
                "schema": JSONDocument.manifestSchema,
                "tool": ["name": "dtm-report", "version": toolVersion],
                "period": period.iso,
                "reports": entries.keys.sorted().map { entries[$0]! },
            ]
            try writeFile(JSONDocument.bytes(manifest), to: staging.appendingPathComponent("manifest.json"))
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        if exists(final) { try move(final, to: old) }
        try move(staging, to: final)
        if exists(old) { try remove(old) }
    }

    private func manifestEntry(_ report: ReportOutput) -> [String: Any] {
        [
            "id": report.id,
            "plugin": report.plugin,
            "inputs": report.inputs.map { ["name": $0.name, "path": $0.path, "sha256": $0.sha256, "size": $0.size] as [String: Any] },
            "files": report.files.sorted { $0.name < $1.name }.map {
                ["path": "\(report.id)/\($0.name)", "sha256": SHA256.hexDigest(of: $0.bytes), "size": $0.bytes.count] as [String: Any]
            },
        ]
    }

    /// The reports of an existing period folder that this run does not rewrite, with their
    /// manifest entries. A folder without a readable manifest entry was not written by
    /// dtm-report and is not carried over.
    private func carriedOverReports(from final: URL, excluding written: Set<String>) throws(OutputWriteError) -> [(String, [String: Any])] {
        guard exists(final),
              let data = fileManager.contents(atPath: final.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let reports = manifest["reports"] as? [[String: Any]] else { return [] }
        return reports.compactMap { entry in
            guard let id = entry["id"] as? String, !written.contains(id),
                  exists(final.appendingPathComponent(id, isDirectory: true)) else { return nil }
            return (id, entry)
        }
    }

    // MARK: File system steps, each turning a Foundation error into one message with its path.

    private func exists(_ url: URL) -> Bool {
        fileManager.fileExists(atPath: url.path)
    }

    private func makeFolder(_ url: URL) throws(OutputWriteError) {
        do {
            try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OutputWriteError(path: url.path, reason: "cannot create folder: \(error.localizedDescription)")
        }
    }

    /// Writes and syncs a file, so that a folder renamed into place never holds a file whose
    /// bytes are still only in memory.
    func writeFile(_ bytes: [UInt8], to url: URL) throws(OutputWriteError) {
        if let limit = failAfterFiles, filesWritten.increment() > limit {
            throw OutputWriteError(path: url.path, reason: "cannot write file: No space left on device")
        }
        guard fileManager.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            throw OutputWriteError(path: url.path, reason: "cannot create file")
        }
        do {
            defer { try? handle.close() }
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
        } catch {
            throw OutputWriteError(path: url.path, reason: "cannot write file: \(error.localizedDescription)")
        }
    }

    private func move(_ source: URL, to destination: URL) throws(OutputWriteError) {
        guard rename(source.path, destination.path) == 0 else {
            throw OutputWriteError(path: source.path, reason: "cannot rename to \(destination.lastPathComponent): \(String(cString: strerror(errno)))")
        }
    }

    private func remove(_ url: URL) throws(OutputWriteError) {
        do {
            try fileManager.removeItem(at: url)
        } catch {
            throw OutputWriteError(path: url.path, reason: "cannot remove: \(error.localizedDescription)")
        }
    }

    private func copy(_ source: URL, to destination: URL) throws(OutputWriteError) {
        do {
            try fileManager.copyItem(at: source, to: destination)
        } catch {
            throw OutputWriteError(path: source.path, reason: "cannot copy: \(error.localizedDescription)")
        }
    }
}

/// Counts across the non-mutating steps of one writer.
private final class Counter: @unchecked Sendable {
    private var value = 0

    func increment() -> Int {
        value += 1
        return value
    }
}

/// The file system refused a write. Nothing of the period being written was replaced.
public struct OutputWriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): error: \(reason)" }
}
