import Foundation

/// Where `include:` reads files: the folder of `reports.yaml`. Included files must be inside it.
public struct IncludeFolder: Sendable {
    /// The folder of `reports.yaml`.
    public var root: URL

    /// The folder of the reports file at `configFile`.
    public init(configFile: URL) {
        root = configFile.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath()
    }
}

/// `include:` at the top of `reports.yaml` (and of the files it includes): a list of files, or
/// of patterns with `*` in the file name (`reports/*.yaml`, matched in name order), each holding
/// `reports:`, `defaults:`, `include:` and `x-` blocks.
///
/// Each file's paths (inputs, templates, its own includes) are relative to the file itself; the
/// loader rewrites them relative to the folder of `reports.yaml` (`niger/data/x.csv`), and
/// messages name the file and line a value was written at. Anchors do not cross files. The size
/// limit and the node budget are for all files together; an included file outside the folder,
/// one included twice, a cycle and a report id defined in two files are refused.
struct IncludeResolution {
    static let includedFileKeys = ["reports", "defaults", "include"]

    let folder: IncludeFolder?
    var usedBytes: Int
    var usedNodes: Int
    var diagnostics: [Diagnostic] = []
    var mergedKeys: [YAMLComposer.MergedKey] = []
    /// Every file read, by its path relative to the folder, with where it was included.
    private var included: [String: SourceLocation] = [:]

    init(folder: IncludeFolder?, usedBytes: Int, usedNodes: Int) {
        self.folder = folder
        self.usedBytes = usedBytes
        self.usedNodes = usedNodes
    }

    /// `root` with the reports and defaults of every included file added, and without `include:`.
    mutating func resolve(_ root: YAMLValue, file: String) -> YAMLValue {
        guard var pairs = root.mapping, let index = pairs.firstIndex(where: { $0.key == "include" }) else { return root }
        let include = pairs.remove(at: index)
        var reports = pairs.first { $0.key == "reports" }?.value.sequence ?? []
        var defaults = pairs.first { $0.key == "defaults" }
        var ids: [String: SourceLocation] = [:]
        for report in reports {
            if let id = report.pair("id")?.value, let text = id.scalar?.text { ids[text] = id.location }
        }
        included[file] = SourceLocation(file: file)
        for path in files(of: include, in: "", file: file, chain: [file]) {
            add(path, into: &reports, defaults: &defaults, ids: &ids)
        }
        if let at = pairs.firstIndex(where: { $0.key == "reports" }) {
            pairs[at].value.content = .sequence(reports)
        } else if !reports.isEmpty {
            pairs.append(YAMLPair(key: "reports", keyLocation: include.keyLocation, value: YAMLValue(.sequence(reports), at: include.value.location)))
        }
        if let defaults {
            if let at = pairs.firstIndex(where: { $0.key == "defaults" }) { pairs[at] = defaults } else { pairs.append(defaults) }
        }
        var result = root
        result.content = .mapping(pairs)
        return result
    }

    /// The included files read so far, in the order they were named.
    private var pending: [(path: String, tree: YAMLValue)] = []

    /// Reads the files `include` names (relative to `base`, the folder of `file`), recursively;
    /// returns their paths in order, each file before the files it includes.
    private mutating func files(of include: YAMLPair, in base: String, file: String, chain: [String]) -> [String] {
        var reader = YAMLReader()
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let folder else {
            reader.add(.includeWithoutFolder(at: include.keyLocation))
            return []
        }
        guard let items = reader.sequence(include.value, path: "include") else { return [] }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            let subject = "include[\(index)]"
            guard let pattern = reader.text(item, path: subject, expected: "a file or a pattern") else { continue }
            guard !ReportsFileLoaderPaths.isAbsolute(pattern) else {
                reader.add(.definitionAbsolutePath(at: item.location, subject: subject, path: pattern))
                continue
            }
            let joined = ReportsFileLoaderPaths.join(base, pattern)
            guard !joined.hasPrefix("../"), joined != ".." else {
                reader.add(.includeOutsideFolder(at: item.location, subject: subject, pattern: pattern))
                continue
            }
            var matches: [String] = []
            let name = (joined as NSString).lastPathComponent
            let directory = (joined as NSString).deletingLastPathComponent
            if directory.contains("*") {
                reader.add(.includePatternInFolder(at: item.location, subject: subject, pattern: pattern))
                continue
            }
            if name.contains("*") {
                let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder.root.appendingPathComponent(directory).path)) ?? []
                matches = listed.filter { ReportsFileLoaderPaths.matches($0, pattern: name) && !$0.hasPrefix(".") }.sorted()
                    .map { directory.isEmpty ? $0 : "\(directory)/\($0)" }
            } else {
                matches = [joined]
            }
            let existing = matches.filter { FileManager.default.fileExists(atPath: folder.root.appendingPathComponent($0).path) }
            guard !existing.isEmpty else {
                reader.add(.includeNotFound(at: item.location, subject: subject, pattern: pattern))
                continue
            }
            for path in existing {
                let url = folder.root.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
                guard url.path.hasPrefix(folder.root.path + "/") else {
                    reader.add(.includeOutsideFolder(at: item.location, subject: subject, pattern: pattern))
                    continue
                }
                if chain.contains(path) {
                    reader.add(.includeCycle(at: item.location, subject: subject, chain: chain + [path]))
                    continue
                }
                if let first = included[path] {
                    reader.add(.includeTwice(at: item.location, subject: subject, path: path, first: first))
                    continue
                }
                included[path] = item.location
                guard let tree = compose(path, url: url) else { continue }
                pending.append((path, tree))
                result.append(path)
                if let nested = tree.pair("include") {
                    result += files(of: nested, in: (path as NSString).deletingLastPathComponent, file: path, chain: chain + [path])
                }
            }
        }
        return result
    }

    /// One included file, read and composed under what is left of the budgets.
    private mutating func compose(_ path: String, url: URL) -> YAMLValue? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.includeNotFound(at: SourceLocation(file: path), subject: "", pattern: path))
            return nil
        }
        usedBytes += data.count
        guard usedBytes <= ReportsFileLoader.maximumFileSize else {
            diagnostics.append(.reportsFileTooLarge(file: path, size: usedBytes, limit: ReportsFileLoader.maximumFileSize))
            return nil
        }
        let text: YAMLSourceText
        switch YAMLSourceText.decode(Array(data), file: path) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        let prescan = YAMLPrescan.check(text, depthLimit: ReportsFileLoader.prescanDepthLimit, reportedLimit: ReportsFileLoader.maximumDepth)
        guard prescan.isEmpty else {
            diagnostics.append(contentsOf: prescan)
            return nil
        }
        let remaining = max(0, ReportsFileLoader.nodeBudget - usedNodes)
        var composer = YAMLComposer(text: text, nodeBudget: remaining, depthLimit: ReportsFileLoader.maximumDepth)
        let tree = composer.compose()
        usedNodes += composer.visited
        // The budget is for all files together: say so, with the whole limit.
        diagnostics.append(contentsOf: composer.diagnostics.map { diagnostic in
            guard let location = diagnostic.location, diagnostic == .yamlTooManyNodes(at: location, limit: remaining) else { return diagnostic }
            return .yamlTooManyNodesInAll(at: location, limit: ReportsFileLoader.nodeBudget)
        })
        guard let tree else {
            if composer.diagnostics.isEmpty { diagnostics.append(.reportsFileEmpty(file: path)) }
            return nil
        }
        var reader = YAMLReader()
        let kept = YAMLValue(.mapping((tree.mapping ?? []).filter { !$0.key.hasPrefix("x-") }), at: tree.location)
        if tree.mapping == nil {
            reader.reportShape(tree, path: "", expected: "a mapping")
        } else {
            _ = reader.mapping(kept, path: "", allowed: Self.includedFileKeys, required: [], owner: tree.location)
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        pendingMerges[path] = composer.mergedKeys
        return tree.mapping == nil ? nil : tree
    }

    private var pendingMerges: [String: [YAMLComposer.MergedKey]] = [:]

    /// Adds the reports and defaults of the included file `path` (read by `files`).
    private mutating func add(_ path: String, into reports: inout [YAMLValue], defaults: inout YAMLPair?, ids: inout [String: SourceLocation]) {
        guard let entry = pending.first(where: { $0.path == path }) else { return }
        let base = (path as NSString).deletingLastPathComponent
        let offset = reports.count
        for key in pendingMerges[path] ?? [] {
            var key = key
            if key.path.hasPrefix("reports["), let close = key.path.firstIndex(of: "]"),
               let index = Int(key.path[key.path.index(key.path.startIndex, offsetBy: 8)..<close]) {
                key.path = "reports[\(index + offset)]" + key.path[key.path.index(after: close)...]
                mergedKeys.append(key)
            }
        }
        for report in entry.tree.pair("reports")?.value.sequence ?? [] {
            if let id = report.pair("id")?.value, let text = id.scalar?.text {
                if let first = ids[text], first.file != id.location.file {
                    diagnostics.append(.includeDuplicateID(at: id.location, id: text, first: first))
                    continue
                }
                ids[text] = ids[text] ?? id.location
            }
            reports.append(Self.rebased(report, base: base, sections: ["inputs", "templates"]))
        }
        if let own = entry.tree.pair("defaults") {
            let rebased = YAMLPair(key: own.key, keyLocation: own.keyLocation, value: Self.rebasedDefaults(own.value, base: base))
            if var existing = defaults {
                existing.value = combine(existing.value, rebased.value, path: "defaults")
                defaults = existing
            } else {
                defaults = rebased
            }
        }
    }

    /// Two `defaults:` blocks as one; the same entry with different values is a conflict.
    private mutating func combine(_ a: YAMLValue, _ b: YAMLValue, path: String) -> YAMLValue {
        guard var pairs = a.mapping, let others = b.mapping else {
            if !OfficePreparation.sameValue(a, b) {
                diagnostics.append(.definitionConflictingDefaults(at: b.location, subject: path, first: a.location))
            }
            return a
        }
        for other in others {
            if let index = pairs.firstIndex(where: { $0.key == other.key }) {
                let keyPath = "\(path).\(other.key)"
                if pairs[index].value.mapping != nil, other.value.mapping != nil, path != "defaults.languages" {
                    pairs[index].value = combine(pairs[index].value, other.value, path: keyPath)
                } else if !OfficePreparation.sameValue(pairs[index].value, other.value) {
                    diagnostics.append(.definitionConflictingDefaults(at: other.keyLocation, subject: keyPath, first: pairs[index].keyLocation))
                }
            } else {
                pairs.append(other)
            }
        }
        var result = a
        result.content = .mapping(pairs)
        return result
    }

    /// `report` with the paths under `sections` made relative to the folder of `reports.yaml`.
    static func rebased(_ report: YAMLValue, base: String, sections: [String]) -> YAMLValue {
        guard !base.isEmpty, var pairs = report.mapping else { return report }
        for index in pairs.indices where sections.contains(pairs[index].key) {
            pairs[index].value = rebasedPaths(pairs[index].value, base: base)
        }
        var result = report
        result.content = .mapping(pairs)
        return result
    }

    /// `defaults:` of an included file, with its per-plugin input and template paths rebased.
    static func rebasedDefaults(_ defaults: YAMLValue, base: String) -> YAMLValue {
        guard !base.isEmpty, var pairs = defaults.mapping else { return defaults }
        for index in pairs.indices where pairs[index].key == "inputs" || pairs[index].key == "templates" {
            guard var plugins = pairs[index].value.mapping else { continue }
            for plugin in plugins.indices { plugins[plugin].value = rebasedPaths(plugins[plugin].value, base: base) }
            pairs[index].value.content = .mapping(plugins)
        }
        var result = defaults
        result.content = .mapping(pairs)
        return result
    }

    /// The values of a mapping of paths, each joined to `base` unless absolute.
    static func rebasedPaths(_ value: YAMLValue, base: String) -> YAMLValue {
        guard var pairs = value.mapping else { return value }
        for index in pairs.indices {
            guard var scalar = pairs[index].value.scalar, !pairs[index].value.isNull, !scalar.text.isEmpty,
                  !ReportsFileLoaderPaths.isAbsolute(scalar.text) else { continue }
            scalar.text = ReportsFileLoaderPaths.join(base, scalar.text)
            pairs[index].value.content = .scalar(scalar)
        }
        var result = value
        result.content = .mapping(pairs)
        return result
    }
}

/// Paths as written in reports files.
enum ReportsFileLoaderPaths {
    /// `/x`, `\x`, `~/x` and `C:\x`.
    static func isAbsolute(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.hasPrefix("~") { return true }
        let characters = Array(path.prefix(3))
        return characters.count >= 2 && characters[0].isLetter && characters[0].isASCII && characters[1] == ":"
    }

    /// `path` after `base`, with `.` and `..` resolved as far as they go (`a/../../b` is `../b`).
    static func join(_ base: String, _ path: String) -> String {
        var parts: [Substring] = []
        for part in (base.isEmpty ? path : "\(base)/\(path)").split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether `name` matches `pattern`, where `*` stands for any characters.
    static func matches(_ name: String, pattern: String) -> Bool {
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard pieces.count > 1 else { return name == pattern }
        var rest = Substring(name)
        guard rest.hasPrefix(pieces[0]) else { return false }
        rest = rest.dropFirst(pieces[0].count)
        for piece in pieces.dropFirst().dropLast() {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        let last = pieces[pieces.count - 1]
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}
