/// What an office needs to keep many reports in one file without copy-paste, applied to the
/// composed tree before it is read strictly:
///
/// - top-level keys starting with `x-` hold shared blocks (`x-fmp: &fmp …`, as docker-compose
///   does) and are dropped; anywhere else such a key is an error, so that a misspelt real key
///   never passes unnoticed;
/// - `defaults:` gives `output` and `languages` (instead of the top-level keys, never both with
///   different values), and per plugin `inputs`, `params` and `templates` that every report of
///   that plugin inherits entry by entry, its own entries winning;
/// - `tags:` and `enabled:` of each report are read here, and set on the definitions once they
///   are read.
///
/// Inherited values keep the position they were written at, in `defaults:`, so that a message
/// about one points at the line to fix and says which report inherited it.
struct OfficePreparation {
    /// The keys of `defaults:`.
    static let defaultsKeys = ["output", "languages", "inputs", "params", "templates"]
    /// The keys of `defaults:` that are given per plugin.
    static let perPluginKeys = ["inputs", "params", "templates"]

    private(set) var diagnostics: [Diagnostic] = []
    /// Every key a report inherited from `defaults:`, by the key path it has in the report.
    private(set) var inheritedPaths: [String] = []
    /// `tags:` and `enabled:` of each report, by its index under `reports:`.
    private(set) var groups: [Int: (tags: [Located<String>], isEnabled: Bool)] = [:]

    /// The tree the strict reader reads: without `x-` blocks, `defaults:`, `tags:` and
    /// `enabled:`, and with the defaults in place.
    mutating func prepare(_ root: YAMLValue) -> YAMLValue {
        guard var pairs = root.mapping else { return root }
        pairs.removeAll { $0.key.hasPrefix("x-") }
        pairs = pairs.map { pair in
            var pair = pair
            pair.value = withoutExtensionKeys(pair.value, path: pair.key)
            return pair
        }
        var defaults: YAMLPair?
        if let index = pairs.firstIndex(where: { $0.key == "defaults" }) {
            defaults = pairs.remove(at: index)
        }
        var perPlugin: [String: [String: YAMLPair]] = [:]
        if let defaults {
            perPlugin = readDefaults(defaults, into: &pairs)
        }
        if let index = pairs.firstIndex(where: { $0.key == "reports" }), let items = pairs[index].value.sequence {
            var usedPlugins: Set<String> = []
            var reports: [YAMLValue] = []
            for (offset, item) in items.enumerated() {
                var report = item
                if let plugin = item.pair("plugin")?.value.scalar?.text { usedPlugins.insert(plugin) }
                readGroups(&report, index: offset)
                applyDefaults(perPlugin, to: &report, index: offset)
                reports.append(report)
            }
            pairs[index].value.content = .sequence(reports)
            for section in Self.perPluginKeys {
                for pair in defaults?.value.pair(section)?.value.mapping ?? [] where !usedPlugins.contains(pair.key) {
                    diagnostics.append(.definitionDefaultsForUnusedPlugin(at: pair.keyLocation, subject: "defaults.\(section).\(pair.key)",
                                                                          plugin: pair.key, used: usedPlugins.sorted()))
                }
            }
        }
        var prepared = root
        prepared.content = .mapping(pairs)
        return prepared
    }

    // MARK: x- keys

    /// `value` without `x-` keys, each reported: below the top level they are not allowed.
    private mutating func withoutExtensionKeys(_ value: YAMLValue, path: String) -> YAMLValue {
        var value = value
        switch value.content {
        case .scalar:
            break
        case .sequence(let elements):
            value.content = .sequence(elements.enumerated().map { withoutExtensionKeys($1, path: "\(path)[\($0)]") })
        case .mapping(let pairs):
            var kept: [YAMLPair] = []
            for var pair in pairs {
                let keyPath = YAMLReader.join(path, pair.key)
                if pair.key.hasPrefix("x-") {
                    diagnostics.append(.yamlExtensionKeyBelowTop(at: pair.keyLocation, subject: keyPath, key: pair.key))
                    continue
                }
                pair.value = withoutExtensionKeys(pair.value, path: keyPath)
                kept.append(pair)
            }
            value.content = .mapping(kept)
        }
        return value
    }

    // MARK: defaults

    /// Moves `output` and `languages` of `defaults:` to the top level (refusing a different value
    /// there), and returns the per-plugin blocks by section and plugin.
    private mutating func readDefaults(_ defaults: YAMLPair, into pairs: inout [YAMLPair]) -> [String: [String: YAMLPair]] {
        var reader = YAMLReader()
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let fields = reader.mapping(defaults.value, path: "defaults", allowed: Self.defaultsKeys, required: [],
                                          owner: defaults.keyLocation) else { return [:] }
        for key in ["output", "languages"] {
            guard let pair = fields[key] else { continue }
            if let existing = pairs.first(where: { $0.key == key }) {
                if !Self.sameValue(existing.value, pair.value) {
                    diagnostics.append(.definitionConflictingDefaults(at: pair.keyLocation, subject: "defaults.\(key)", first: existing.keyLocation))
                }
            } else {
                pairs.insert(pair, at: min(1, pairs.count))
            }
        }
        var perPlugin: [String: [String: YAMLPair]] = [:]
        for section in Self.perPluginKeys {
            guard let pair = fields[section], let plugins = reader.mappingPairs(pair.value, path: "defaults.\(section)") else { continue }
            for plugin in plugins where reader.mappingPairs(plugin.value, path: "defaults.\(section).\(plugin.key)") != nil {
                perPlugin[section, default: [:]][plugin.key] = plugin
            }
        }
        return perPlugin
    }

    /// Adds to `report` the entries of its plugin's defaults that it does not set itself.
    private mutating func applyDefaults(_ perPlugin: [String: [String: YAMLPair]], to report: inout YAMLValue, index: Int) {
        guard var pairs = report.mapping, let plugin = report.pair("plugin")?.value.scalar?.text else { return }
        for section in Self.perPluginKeys {
            guard let inherited = perPlugin[section]?[plugin], let entries = inherited.value.mapping else { continue }
            let path = "reports[\(index)].\(section)"
            if let own = pairs.firstIndex(where: { $0.key == section }) {
                // A value of another shape is the report's own error; the reader reports it.
                guard var ownEntries = pairs[own].value.mapping else { continue }
                for entry in entries where !ownEntries.contains(where: { $0.key == entry.key }) {
                    ownEntries.append(entry)
                    inheritedPaths.append("\(path).\(entry.key)")
                }
                pairs[own].value.content = .mapping(ownEntries)
            } else {
                pairs.append(YAMLPair(key: section, keyLocation: inherited.keyLocation, value: inherited.value))
                inheritedPaths.append(path)
            }
        }
        report.content = .mapping(pairs)
    }

    /// Whether two values are written alike, wherever they are.
    static func sameValue(_ a: YAMLValue, _ b: YAMLValue) -> Bool {
        switch (a.content, b.content) {
        case let (.scalar(x), .scalar(y)): x.text == y.text && x.isPlain == y.isPlain
        case let (.sequence(x), .sequence(y)): x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
        case let (.mapping(x), .mapping(y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && sameValue($0.value, $1.value) }
        default: false
        }
    }

    // MARK: tags and enabled

    /// Reads and removes `tags:` and `enabled:` of the report at `index`.
    private mutating func readGroups(_ report: inout YAMLValue, index: Int) {
        guard var pairs = report.mapping else { return }
        let base = "reports[\(index)]"
        var tags: [Located<String>] = []
        var isEnabled = true
        var reader = YAMLReader()
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        if let pair = pairs.first(where: { $0.key == "tags" }), let items = reader.sequence(pair.value, path: "\(base).tags") {
            for (offset, item) in items.enumerated() {
                let path = "\(base).tags[\(offset)]"
                guard let tag = reader.text(item, path: path, expected: "a tag") else { continue }
                if !Self.isTag(tag) {
                    reader.add(.definitionInvalidTag(at: item.location, subject: path, tag: tag))
                } else if tags.contains(where: { $0.value == tag }) {
                    reader.add(.definitionDuplicateTag(at: item.location, subject: path, tag: tag))
                } else {
                    tags.append(Located(tag, at: item.location, keyPath: path))
                }
            }
        }
        if let pair = pairs.first(where: { $0.key == "enabled" }) {
            if let scalar = pair.value.scalar, scalar.isPlain, scalar.text == "true" || scalar.text == "false" {
                isEnabled = scalar.text == "true"
            } else {
                reader.add(.definitionEnabledNotBoolean(at: pair.value.location, subject: "\(base).enabled", found: YAMLReader.found(pair.value)))
            }
        }
        pairs.removeAll { $0.key == "tags" || $0.key == "enabled" }
        report.content = .mapping(pairs)
        groups[index] = (tags, isEnabled)
    }

    /// Kebab-case, as report ids: `[a-z0-9]+(-[a-z0-9]+)*`.
    static func isTag(_ tag: String) -> Bool {
        tag.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    // MARK: Messages

    /// Sets `tags` and `isEnabled` on the reports of a file that loaded (every report was read,
    /// so they are in the order of `reports:`).
    func applyGroups(to file: inout ReportsFile) {
        for index in file.reports.indices {
            guard let group = groups[index] else { continue }
            file.reports[index].tags = group.tags
            file.reports[index].isEnabled = group.isEnabled
        }
    }

    /// `diagnostic`, saying into which report its value was merged or inherited, when it was.
    static func explain(_ diagnostic: Diagnostic, root: YAMLValue?, merged: [YAMLComposer.MergedKey], inherited: [String]) -> Diagnostic {
        let subject = diagnostic.subject
        guard !subject.isEmpty else { return diagnostic }
        if let key = merged.last(where: { $0.covers(subject) }) {
            return .merged(diagnostic, into: reportID(for: subject, in: root), at: key.mergeLocation)
        }
        if inherited.contains(where: { YAMLComposer.MergedKey(path: $0, mergeLocation: SourceLocation(file: "")).covers(subject) }) {
            return .inherited(diagnostic, by: reportID(for: subject, in: root))
        }
        return diagnostic
    }

    /// The id of the report a key path (`reports[2].params.x`) is in, if it has a text id.
    static func reportID(for path: String, in root: YAMLValue?) -> String? {
        guard path.hasPrefix("reports["), let close = path.firstIndex(of: "]"),
              let index = Int(path[path.index(path.startIndex, offsetBy: 8)..<close]),
              let reports = root?.pair("reports")?.value.sequence, reports.indices.contains(index) else { return nil }
        return reports[index].pair("id")?.value.scalar?.text
    }
}
