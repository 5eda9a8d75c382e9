import Foundation

/// Golden files: expected outputs kept in the repository and compared with what the code
/// produces now. Text and CSV compare byte for byte; JSON compares as values.
///
/// Recording (`DTM_RECORD_GOLDEN=1 swift test`) writes the current outputs as the new golden
/// files and fails on purpose, so that nobody records without reading the diff.
public enum Golden {
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["DTM_RECORD_GOLDEN"] == "1"
    }

    /// Problems between `actual` (path inside the folder → bytes) and the golden `folder`;
    /// empty when they match.
    public static func compare(_ actual: [String: [UInt8]], with folder: URL) -> [String] {
        if isRecording { return record(actual, in: folder) }
        var problems: [String] = []
        let expected = files(in: folder)
        for path in actual.keys.sorted() {
            guard let golden = expected[path] else {
                problems.append("\(path): no golden file in \(relative(folder)); record it with DTM_RECORD_GOLDEN=1 swift test, then read it")
                continue
            }
            if !same(actual[path]!, golden, json: path.hasSuffix(".json")) {
                problems.append("\(path) differs from \(relative(folder))/\(path):\n\(firstDifference(actual[path]!, golden))")
            }
        }
        for path in expected.keys.sorted() where actual[path] == nil {
            problems.append("\(path): golden file exists in \(relative(folder)) but the run no longer writes it")
        }
        return problems
    }

    private static func record(_ actual: [String: [UInt8]], in folder: URL) -> [String] {
        try? FileManager.default.removeItem(at: folder)
        for (path, bytes) in actual {
            let file = folder.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(bytes).write(to: file)
        }
        return ["recorded \(actual.count) golden files in \(relative(folder)): review them with git diff, then run the tests without DTM_RECORD_GOLDEN"]
    }

    /// Every file under `folder`, by relative path.
    public static func files(in folder: URL) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(base.count))] = Array(data)
        }
        return result
    }

    private static func same(_ a: [UInt8], _ b: [UInt8], json: Bool) -> Bool {
        guard json else { return a == b }
        guard let left = try? JSONSerialization.jsonObject(with: Data(a)), let right = try? JSONSerialization.jsonObject(with: Data(b)) else {
            return a == b
        }
        return JSONValue.equal(left, right)
    }

    private static func firstDifference(_ actual: [UInt8], _ golden: [UInt8]) -> String {
        let actualLines = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        let goldenLines = String(decoding: golden, as: UTF8.self).components(separatedBy: "\n")
        for index in 0..<max(actualLines.count, goldenLines.count) {
            let a = index < actualLines.count ? actualLines[index] : "<end of file>"
            let g = index < goldenLines.count ? goldenLines[index] : "<end of file>"
            if a != g { return "  line \(index + 1)\n  golden: \(g)\n  actual: \(a)" }
        }
        return "  (same lines, different bytes: line ends or a final newline)"
    }

    private static func relative(_ url: URL) -> String {
        let root = Repository.root.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}
