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
    /// The report's title per language, for the month's index.
    public var titles: [Language: String] = [:]

    public init(id: String, plugin: String, period: Period, inputs: [InputRecord], files: [OutputFile]) {
        self.id = id
        self.plugin = plugin
        self.period = period
        self.inputs = inputs
        self.files = files
    }
}

/// Writes a run's outputs so that a reader never sees half of them, and no two runs write one
/// month at once.
///
/// For each period (`out/2017-04/`) the writer takes the month's lock (`MonthLock`), tidies
/// what a killed run left (`recover`), builds the month complete in a staging folder beside it
/// (`out/.2017-04.staging/`) and syncs every file and folder of it to disk. It then exchanges the
/// staged and the published folder in one step (`renameat2` with `RENAME_EXCHANGE`), syncs the
/// output folder so that the exchange survives a power cut, and only then removes the earlier
/// month, which the exchange left under the staging name. Where the system cannot exchange, two
/// renames do it (the earlier month to `out/.2017-04.old/`, the staged one into place), and the
/// earlier month is renamed back at once if the second fails. With the exchange, at every
/// instant `out/2017-04` holds the earlier month or the whole new one; with the two renames,
/// the name is missing between them, while the earlier month is whole under `.old` (what
/// `recover` puts back if the run is killed there).
///
/// Reports of the period that this run does not write (a run with `--report`) are carried over
/// from the published folder with their manifest entries, so the manifest always describes
/// exactly the folder it sits in. Every call of the write path goes through `fileSystem`, where
/// the tests fail each one in turn.
public struct OutputWriter {
    public let root: URL
    public let toolVersion: String
    /// The output folder as messages name it ("out"); the full path unless set.
    public var displayRoot: String
    public var fileSystem: any OutputFileSystem
    /// Whether to wait for another run writing the same month; when false, such a run makes
    /// `write` throw `OutputWriteError.Kind.busy` before anything is written.
    public var waitForOtherRuns = true
    /// This run, as a waiting run sees it in the lock file.
    public var holder: LockHolder
    /// Told when this run waits for another: the message to show.
    public var onWait: (String) -> Void = { _ in }
    /// Told of what went wrong after the new month was in place (the replaced month could not
    /// be removed): the run succeeded, and the next run tidies it.
    public var onWarning: (String) -> Void = { _ in }
    /// The files of a month's own (its index pages), given every report the month will hold,
    /// written and carried over, in order of id; nil for none. Listed under `files` in the manifest.
    public var monthFiles: ((Period, [PageRenderer.IndexEntry]) -> [OutputFile])?

    public init(root: URL, toolVersion: String, fileSystem: any OutputFileSystem = PosixFileSystem.shared,
                holder: LockHolder = .current(started: Date())) {
        self.root = root
        self.toolVersion = toolVersion
        self.displayRoot = root.path
        self.fileSystem = fileSystem
        self.holder = holder
    }

    /// Writes every period's reports. Throws `OutputWriteError` when the file system refuses,
    /// or when another run writes one of the periods and `waitForOtherRuns` is false; the period
    /// being written is then left as it was.
    public func write(_ outputs: [ReportOutput]) throws(OutputWriteError) {
        let byPeriod = Dictionary(grouping: outputs, by: \.period)
        try makeRoot()
        // Every month's lock first, in order (so two runs never wait for each other in a circle),
        // so that a run told not to wait stops before writing anything.
        let periods = byPeriod.keys.sorted()
        var locks: [MonthLock] = []
        defer { for lock in locks { lock.release() } }
        for period in periods { locks.append(try lock(period)) }
        for period in periods {
            try recoverLeftovers(period)
            try writePeriod(period, reports: byPeriod[period]!.sorted { $0.id < $1.id })
        }
    }

    func periodFolder(_ period: Period) -> URL { root.appendingPathComponent(period.iso, isDirectory: true) }
    func stagingFolder(_ period: Period) -> URL { root.appendingPathComponent(".\(period.iso).staging", isDirectory: true) }
    func oldFolder(_ period: Period) -> URL { root.appendingPathComponent(".\(period.iso).old", isDirectory: true) }

    /// Puts back what a killed run left, holding the month's lock: an earlier month set aside
    /// under `.old` whose replacement never arrived is restored; a staging folder (a month
    /// half built, or an earlier one exchanged out) and an `.old` folder whose swap completed
    /// are removed. Under the lock no other run is between its steps, so nothing a live run
    /// is building is ever touched.
    public func recover(_ period: Period) throws(OutputWriteError) {
        try makeRoot()
        let lock = try lock(period)
        defer { lock.release() }
        try recoverLeftovers(period)
    }

    private func makeRoot() throws(OutputWriteError) {
        guard !fileSystem.isDirectory(root.path) else { return }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            // A new output folder's name must be on disk too, or a power cut could lose the
            // whole folder with the months synced inside it.
            try fileSystem.syncDirectory(root.deletingLastPathComponent().path)
        } catch {
            throw OutputWriteError(path: displayRoot, reason: OutputMessage.outputFolderNotCreated(reason: Self.reason(of: error)))
        }
    }

    private func lock(_ period: Period) throws(OutputWriteError) -> MonthLock {
        do {
            return try MonthLock.acquire(root: root, period: period, holder: holder, wait: waitForOtherRuns) { other in
                onWait(OutputMessage.waiting(period, holder: other))
            }
        } catch {
            switch error {
            case .busy(let other):
                throw OutputWriteError(path: shown(periodFolder(period)), reason: OutputMessage.busy(period, holder: other), kind: .busy)
            case .unavailable(let file, let code):
                throw OutputWriteError(path: shown(periodFolder(period)),
                                       reason: OutputMessage.lockNotTaken(period, file: shown(URL(fileURLWithPath: file)), reason: String(cString: strerror(code))))
            }
        }
    }

    private func recoverLeftovers(_ period: Period) throws(OutputWriteError) {
        let final = periodFolder(period).path, old = oldFolder(period).path, staging = stagingFolder(period).path
        var changed = false
        do {
            if fileSystem.exists(old) {
                if fileSystem.exists(final) {
                    try fileSystem.removeTree(old)
                } else {
                    try fileSystem.rename(old, to: final)
                }
                changed = true
            }
            if fileSystem.exists(staging) {
                try fileSystem.removeTree(staging)
                changed = true
            }
            if changed { try fileSystem.syncDirectory(root.path) }
        } catch {
            let doing = error.step == .rename ? "renamed back to \(period)" : error.step == .sync ? "saved to disk" : "removed"
            let folder = error.step == .sync ? root : URL(fileURLWithPath: error.path)
            throw OutputWriteError(path: shown(periodFolder(period)),
                                   reason: OutputMessage.leftoverNotCleaned(period, folder: shown(folder), doing: doing, reason: error.systemReason))
        }
    }

    private func writePeriod(_ period: Period, reports: [ReportOutput]) throws(OutputWriteError) {
        let final = periodFolder(period), staging = stagingFolder(period)
        let hadEarlier = fileSystem.exists(final.path)
        do {
            try fileSystem.makeDirectory(staging.path)
            var entries: [String: [String: Any]] = [:]
            var index: [PageRenderer.IndexEntry] = []
            for report in reports {
                let folder = staging.appendingPathComponent(report.id, isDirectory: true)
                try fileSystem.makeDirectory(folder.path)
                for file in report.files {
                    try writeFile(file.bytes, to: folder.appendingPathComponent(file.name).path)
                }
                try fileSystem.syncDirectory(folder.path)
                entries[report.id] = manifestEntry(report)
                index.append(Self.indexEntry(id: report.id, titles: report.titles, files: report.files.map(\.name)))
            }
            for (id, entry) in carriedOverReports(from: final, excluding: Set(reports.map(\.id))) {
                try copy(final.appendingPathComponent(id).path, to: staging.appendingPathComponent(id).path)
                entries[id] = entry
                index.append(carriedOverIndexEntry(id: id, entry: entry, folder: final.appendingPathComponent(id)))
            }
            var manifest: [String: Any] = [
                "schema": JSONDocument.manifestSchema,
                "tool": ["name": "dtm-report", "version": toolVersion],
                "period": period.iso,
                "reports": entries.keys.sorted().map { entries[$0]! },
            ]
            if let monthFiles {
                let files = monthFiles(period, index.sorted { $0.id < $1.id })
                for file in files { try writeFile(file.bytes, to: staging.appendingPathComponent(file.name).path) }
                manifest["files"] = files.sorted { $0.name < $1.name }.map {
                    ["path": $0.name, "sha256": SHA256.hexDigest(of: $0.bytes), "size": $0.bytes.count] as [String: Any]
                }
            }
            try writeFile(JSONDocument.bytes(manifest), to: staging.appendingPathComponent("manifest.json").path)
            try fileSystem.syncDirectory(staging.path)
        } catch {
            try? fileSystem.removeTree(staging.path)
            throw OutputWriteError(path: shown(final), reason: OutputMessage.notWritten(
                period, step: error.step, path: shownInMonth(error.path, period: period), reason: error.systemReason, hadEarlier: hadEarlier))
        }
        try swap(period, hadEarlier: hadEarlier)
    }

    /// Puts the staged month in place of the published one (see the type's documentation).
    private func swap(_ period: Period, hadEarlier: Bool) throws(OutputWriteError) {
        let final = periodFolder(period).path, staging = stagingFolder(period).path, old = oldFolder(period).path
        let shownFinal = shown(periodFolder(period))
        func notPutInPlace(_ error: FileSystemError) -> OutputWriteError {
            try? fileSystem.removeTree(staging)
            return OutputWriteError(path: shownFinal, reason: OutputMessage.notPutInPlace(period, reason: error.systemReason, hadEarlier: hadEarlier))
        }
        // The folder that holds the replaced month once the new one is in place.
        var replaced: String?
        if hadEarlier {
            do {
                try fileSystem.exchange(staging, final)
                replaced = staging
            } catch where error.isUnsupported {
                do {
                    try fileSystem.rename(final, to: old)
                } catch {
                    throw notPutInPlace(error)
                }
                do {
                    try fileSystem.rename(staging, to: final)
                } catch {
                    do {
                        try fileSystem.rename(old, to: final)
                    } catch let back {
                        throw OutputWriteError(path: shownFinal, reason: OutputMessage.notRenamedBack(
                            period, reason: error.systemReason, old: shown(oldFolder(period)), backReason: back.systemReason))
                    }
                    throw notPutInPlace(error)
                }
                replaced = old
            } catch {
                throw notPutInPlace(error)
            }
        } else {
            do {
                try fileSystem.rename(staging, to: final)
            } catch {
                throw notPutInPlace(error)
            }
        }
        // The new name must be on disk before the earlier month goes: after a power cut the
        // folder then holds one of the two, never neither.
        do {
            try fileSystem.syncDirectory(root.path)
        } catch {
            throw OutputWriteError(path: shownFinal, reason: OutputMessage.notSynced(period, reason: error.systemReason))
        }
        if let replaced {
            do {
                try fileSystem.removeTree(replaced)
            } catch {
                onWarning("\(shownFinal): \(OutputMessage.oldNotRemoved(period, folder: shown(URL(fileURLWithPath: replaced)), reason: error.systemReason))")
            }
        }
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

    static func indexEntry(id: String, titles: [Language: String], files: [String]) -> PageRenderer.IndexEntry {
        PageRenderer.IndexEntry(id: id, titles: titles, pages: Set(Language.allCases.filter { files.contains("report.\($0.rawValue).html") }))
    }

    /// A carried-over report as the index lists it: its titles from its `report.json`.
    private func carriedOverIndexEntry(id: String, entry: [String: Any], folder: URL) -> PageRenderer.IndexEntry {
        let names = (entry["files"] as? [[String: Any]] ?? []).compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) }
        var titles: [Language: String] = [:]
        if let data = fileSystem.contents(folder.appendingPathComponent("report.json").path),
           let document = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any],
           let written = (document["report"] as? [String: Any])?["title"] as? [String: String] {
            for (key, value) in written { if let language = Language(rawValue: key) { titles[language] = value } }
        }
        return Self.indexEntry(id: id, titles: titles, files: names)
    }

    /// The reports of an existing period folder that this run does not rewrite, with their
    /// manifest entries. A folder without a readable manifest entry was not written by
    /// dtm-report and is not carried over.
    private func carriedOverReports(from final: URL, excluding written: Set<String>) -> [(String, [String: Any])] {
        guard let data = fileSystem.contents(final.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any],
              let reports = manifest["reports"] as? [[String: Any]] else { return [] }
        return reports.compactMap { entry in
            guard let id = entry["id"] as? String, !written.contains(id),
                  fileSystem.isDirectory(final.appendingPathComponent(id).path) else { return nil }
            return (id, entry)
        }
    }

    // MARK: Steps of the write path

    /// Creates, writes and syncs a file, so that a folder put in place never holds a file whose
    /// bytes are still only in memory.
    private func writeFile(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
        let descriptor = try fileSystem.createFile(path)
        do {
            try fileSystem.write(descriptor, bytes, path: path)
            try fileSystem.sync(descriptor, path: path)
        } catch {
            try? fileSystem.close(descriptor, path: path)
            throw error
        }
        try fileSystem.close(descriptor, path: path)
    }

    /// Copies a carried-over report with the same steps as a new one, synced alike.
    private func copy(_ source: String, to destination: String) throws(FileSystemError) {
        if fileSystem.isDirectory(source) {
            try fileSystem.makeDirectory(destination)
            guard let names = fileSystem.entries(of: source) else { throw FileSystemError(.read, path: source, code: errno == 0 ? EIO : errno) }
            for name in names { try copy(source + "/" + name, to: destination + "/" + name) }
            try fileSystem.syncDirectory(destination)
        } else {
            guard let bytes = fileSystem.contents(source) else { throw FileSystemError(.read, path: source, code: errno == 0 ? EIO : errno) }
            try writeFile(bytes, to: destination)
        }
    }

    // MARK: Names in messages

    /// A path under the output folder as messages show it (`out/2017-04`).
    private func shown(_ url: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.standardizedFileURL.path + "/"
        guard path.hasPrefix(base) else { return path == root.standardizedFileURL.path ? displayRoot : path }
        return displayRoot + "/" + path.dropFirst(base.count)
    }

    /// A file of the staged month as it would be named once published: its place in `out/2017-04/`.
    private func shownInMonth(_ path: String, period: Period) -> String {
        let staging = stagingFolder(period).standardizedFileURL.path
        guard path.hasPrefix(staging) else { return shown(URL(fileURLWithPath: path)) }
        return displayRoot + "/" + period.iso + path.dropFirst(staging.count)
    }

    private static func reason(of error: any Error) -> String {
        if let error = error as? FileSystemError { return error.systemReason }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}

/// The file system refused a write, or another run holds the month. The published month is as
/// it was (the one exception, `notSynced`, says so).
public struct OutputWriteError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case failed
        /// Another run writes the month, and this one would not wait.
        case busy
    }

    public var path: String
    public var reason: String
    public var kind: Kind

    public init(path: String, reason: String, kind: Kind = .failed) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

    /// One line: the month's folder, then what happened and what is kept.
    public var description: String { "\(path): error: \(reason)" }
}
