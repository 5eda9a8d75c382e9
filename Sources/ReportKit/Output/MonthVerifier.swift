import Foundation

/// Checks a published month folder against its `manifest.json`, for `dtm-report verify`: every
/// file listed is there with its size and SHA-256, nothing is there that the manifest does not
/// list, every report has its texts and its JSON; and, when asked, that the inputs recorded
/// still have the checksums the month was computed from.
public enum MonthVerifier {
    /// One thing wrong, as a line: `<path>: error: <what>`.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var problem: String
        public var description: String { "\(path): error: \(problem)" }
    }

    public struct Outcome: Sendable {
        public var problems: [Problem]
        /// The files the manifest lists, all checked.
        public var fileCount: Int
        public var reportCount: Int
    }

    /// Verifies the month at `folder`, named `shown` in messages. Inputs are checked when
    /// `inputsFolder` is given: the folder their recorded paths are relative to (the folder of
    /// reports.yaml), named `inputsShown` in messages.
    public static func verify(_ folder: URL, shown: String, inputsFolder: URL? = nil, inputsShown: (String) -> String = { $0 }) -> Outcome {
        var problems: [Problem] = []
        func problem(_ path: String, _ text: String) { problems.append(Problem(path: path, problem: text)) }
        let manifestPath = "\(shown)/manifest.json"
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path) else {
            problem(manifestPath, VerifyMessage.noManifest)
            return Outcome(problems: problems, fileCount: 0, reportCount: 0)
        }
        guard let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let reports = manifest["reports"] as? [[String: Any]] else {
            problem(manifestPath, VerifyMessage.unreadableManifest)
            return Outcome(problems: problems, fileCount: 0, reportCount: 0)
        }
        if let period = manifest["period"] as? String, period != folder.lastPathComponent {
            problem(manifestPath, VerifyMessage.otherPeriod(period, folder: folder.lastPathComponent))
        }
        var listed: Set<String> = ["manifest.json"]
        var languagesByReport: [(String, Set<String>)] = []
        var fileCount = 0
        var recordedInputs: [(path: String, sha256: String, reports: [String])] = []
        for (index, report) in reports.enumerated() {
            let id = report["id"] as? String ?? "reports[\(index)]"
            let files = report["files"] as? [[String: Any]] ?? []
            // A report's folder emptied of its files is named by each missing file, not as extra.
            listed.insert("\(id)/")
            var names: Set<String> = []
            for file in files {
                guard let path = file["path"] as? String, let size = file["size"] as? Int, let sha256 = file["sha256"] as? String,
                      !path.split(separator: "/").contains("..") else {
                    problem(manifestPath, VerifyMessage.badEntry(report: id))
                    continue
                }
                listed.insert(path)
                names.insert((path as NSString).lastPathComponent)
                fileCount += 1
                let shownFile = "\(shown)/\(path)"
                guard let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map(Array.init) else {
                    problem(shownFile, VerifyMessage.missing)
                    continue
                }
                if bytes.count != size {
                    problem(shownFile, VerifyMessage.wrongSize(bytes.count, listed: size))
                } else if SHA256.hexDigest(of: bytes) != sha256 {
                    problem(shownFile, VerifyMessage.wrongChecksum)
                }
            }
            if !names.contains("report.json") { problem("\(shown)/\(id)", VerifyMessage.noJSON) }
            let languages = Set(names.compactMap { name -> String? in
                let parts = name.split(separator: ".")
                return parts.count == 3 && parts[0] == "report" && parts[2] == "md" ? String(parts[1]) : nil
            })
            if languages.isEmpty { problem("\(shown)/\(id)", VerifyMessage.noTexts) }
            languagesByReport.append((id, languages))
            for input in report["inputs"] as? [[String: Any]] ?? [] {
                guard let path = input["path"] as? String, let sha256 = input["sha256"] as? String else { continue }
                if let index = recordedInputs.firstIndex(where: { $0.path == path && $0.sha256 == sha256 }) {
                    recordedInputs[index].reports.append(id)
                } else {
                    recordedInputs.append((path, sha256, [id]))
                }
            }
        }
        // The month's own files (its index pages).
        for file in manifest["files"] as? [[String: Any]] ?? [] {
            guard let path = file["path"] as? String, let size = file["size"] as? Int, let sha256 = file["sha256"] as? String,
                  !path.contains("/") else {
                problem(manifestPath, VerifyMessage.badEntry(report: "files"))
                continue
            }
            listed.insert(path)
            fileCount += 1
            guard let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map(Array.init) else {
                problem("\(shown)/\(path)", VerifyMessage.missing)
                continue
            }
            if bytes.count != size {
                problem("\(shown)/\(path)", VerifyMessage.wrongSize(bytes.count, listed: size))
            } else if SHA256.hexDigest(of: bytes) != sha256 {
                problem("\(shown)/\(path)", VerifyMessage.wrongChecksum)
            }
        }
        // Each input once, however many reports read it.
        if let inputsFolder {
            for input in recordedInputs {
                let url = input.path.hasPrefix("/") ? URL(fileURLWithPath: input.path) : inputsFolder.appendingPathComponent(input.path)
                let shownInput = input.path.hasPrefix("/") ? input.path : inputsShown(input.path)
                guard let digest = SHA256.hexDigest(ofFileAt: url) else {
                    problem(shownInput, VerifyMessage.inputMissing(month: shown, reports: input.reports))
                    continue
                }
                if digest != input.sha256 { problem(shownInput, VerifyMessage.inputChanged(month: shown, reports: input.reports)) }
            }
        }
        // Every report of a month is written in the same languages.
        let allLanguages = languagesByReport.reduce(into: Set<String>()) { $0.formUnion($1.1) }
        for (id, languages) in languagesByReport where !languages.isEmpty && languages != allLanguages {
            problem("\(shown)/\(id)", VerifyMessage.missingTexts(allLanguages.subtracting(languages).sorted()))
        }
        for path in entries(under: folder) where !listed.contains(path) {
            problem("\(shown)/\(path)", VerifyMessage.unlisted)
        }
        return Outcome(problems: problems, fileCount: fileCount, reportCount: reports.count)
    }

    /// Every file (and every empty or unlisted folder's files) under `folder`, by relative path.
    static func entries(under folder: URL) -> [String] {
        var paths: [String] = []
        func walk(_ relative: String) {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
                if isFolder.boolValue {
                    let before = paths.count
                    walk(path)
                    if paths.count == before, (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(path).path))?.isEmpty == true {
                        paths.append(path + "/")
                    }
                } else {
                    paths.append(path)
                }
            }
        }
        walk("")
        return paths
    }

    /// The month folders of an output folder (`2017-04`, …), sorted; leftovers of runs (hidden
    /// staging folders, lock files) are not months.
    public static func months(in outputFolder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outputFolder.path)) ?? []
        return names.sorted().filter { Period(iso: $0) != nil }.map { outputFolder.appendingPathComponent($0, isDirectory: true) }
    }
}

extension SHA256 {
    /// The hex digest of a file, read a MiB at a time; nil when it cannot be read.
    static func hexDigest(ofFileAt url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            // nil or empty at the end of the file.
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(chunk)
            }
        } catch {
            return nil
        }
        return hasher.finalizeHex()
    }
}
