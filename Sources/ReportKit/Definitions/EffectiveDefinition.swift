/// A reports file as read, with the trees it was read from: what `describe --report` needs to
/// say where each value of a report came from.
public struct LoadedReportsFile: Sendable {
    /// The file, as `ReportsFileLoader.load` gives it.
    public var file: ReportsFile
    /// The tree after includes and merge keys, before `defaults:` were applied (it still holds
    /// `tags:` and `enabled:`).
    let whole: YAMLValue
    /// The tree the strict reader read: defaults in place.
    let prepared: YAMLValue
    /// Every key a merge key brought, with where the `<<` was.
    let mergedKeys: [YAMLComposer.MergedKey]
    /// Every key path a report inherited from `defaults:`.
    let inheritedPaths: [String]
}

/// Where a value of a report's effective definition came from.
public enum ValueOrigin: Sendable, Hashable, CustomStringConvertible {
    /// Written in the report itself, at this place.
    case written(SourceLocation)
    /// Written at the first place, in a block that the `<<` at the second place merged into the report.
    case merged(SourceLocation, mergedAt: SourceLocation)
    /// Written in `defaults:`, at this place.
    case inherited(SourceLocation)
    /// Not written: the default the plugin declares, with its explanation when it has one.
    case pluginDefault(plugin: String, explanation: String?)
    /// Not written: dtm-report's own default.
    case toolDefault

    public var description: String {
        switch self {
        case .written(let location): Self.line(location)
        case .merged(let location, let mergedAt): "\(Self.line(location)), merged at \(Self.line(mergedAt))"
        case .inherited(let location): "\(Self.line(location)), from defaults"
        case .pluginDefault(let plugin, let explanation): "default of plugin \(plugin)" + (explanation.map { ": \($0)" } ?? "")
        case .toolDefault: "default of dtm-report"
        }
    }

    /// `file:line`: the line is what a coordinator looks for.
    private static func line(_ location: SourceLocation) -> String {
        SourceLocation(file: location.file, line: location.line).description
    }
}

/// One report as the run reads it, after includes, merge keys and `defaults:`, with the plugin's
/// defaults for the parameters it does not set, each value with its origin. Printed as YAML
/// with the origins as comments, so that what `describe --report` shows can be pasted back.
public struct EffectiveDefinition: Sendable {
    /// One line: a key and its value (nil for a mapping or list whose entries follow), indented.
    public struct Line: Sendable, Hashable {
        public var depth: Int
        /// `key:` or `-` for a list's element.
        public var key: String
        public var value: String?
        public var origin: ValueOrigin?
    }

    public var id: String
    public var lines: [Line]

    /// The order the keys of a report are shown in: identity, groups, then what it reads and writes.
    static let keyOrder = ["id", "plugin", "tags", "enabled", "title", "inputs", "params", "templates", "vocabularies", "absolute_inputs"]

    /// The report `id` of `loaded`; `plugin` is its plugin's description (nil when unknown: no
    /// plugin defaults are shown). Nil when the file has no report with that id.
    public static func of(_ id: String, in loaded: LoadedReportsFile, plugin: PluginDescription?) -> EffectiveDefinition? {
        guard let reports = loaded.prepared.pair("reports")?.value.sequence,
            let index = reports.firstIndex(where: { $0.pair("id")?.value.scalar?.text == id }),
            let prepared = reports[index].mapping
        else { return nil }
        let base = "reports[\(index)]"
        let written = loaded.whole.pair("reports")?.value.sequence.flatMap { $0.indices.contains(index) ? $0[index] : nil }
        var builder = Builder(loaded: loaded)
        var pairs = prepared
        for key in ["tags", "enabled"] {
            if let pair = written?.pair(key) { pairs.append(pair) }
        }
        let keys = keyOrder + pairs.map(\.key).filter { !keyOrder.contains($0) }
        for key in keys {
            let pair = pairs.first { $0.key == key }
            switch key {
            case "enabled" where pair == nil:
                builder.lines.append(Line(depth: 0, key: key, value: "true", origin: .toolDefault))
            case "params":
                // Those written, then the plugin's defaults for the others.
                var parameters = Builder(loaded: loaded)
                for entry in pair?.value.mapping ?? [] {
                    parameters.add(entry, depth: 1, path: "\(base).params.\(entry.key)")
                }
                for spec in plugin?.parameters ?? [] where pair?.value.pair(spec.name) == nil {
                    guard let plugin, let value = spec.defaultYAML else { continue }
                    parameters.lines.append(
                        Line(
                            depth: 1, key: spec.name, value: value,
                            origin: .pluginDefault(plugin: plugin.id, explanation: spec.defaultExplanation)))
                }
                if !parameters.lines.isEmpty {
                    builder.lines.append(Line(depth: 0, key: key, value: nil, origin: nil))
                    builder.lines += parameters.lines
                }
            default:
                if let pair { builder.add(pair, depth: 0, path: "\(base).\(key)") }
            }
        }
        // What the file gives every report.
        for key in ["languages", "output"] {
            if let pair = loaded.prepared.pair(key) {
                let fromDefaults = loaded.whole.pair(key) == nil
                var line = builder.line(for: pair.value, key: key, depth: 0, path: key)
                if fromDefaults { line.origin = .inherited(pair.value.location) }
                builder.lines.append(line)
            } else if key == "output" {
                builder.lines.append(Line(depth: 0, key: key, value: ReportsFileLoader.defaultOutput, origin: .toolDefault))
            }
        }
        return EffectiveDefinition(id: id, lines: builder.lines)
    }

    /// The definition as YAML, each value's origin in a comment aligned after it.
    public var text: String {
        let rendered = lines.map { line -> (String, ValueOrigin?) in
            let indent = String(repeating: "  ", count: line.depth)
            let key = line.key == "-" ? "-" : "\(line.key):"
            return (indent + key + (line.value.map { " \($0)" } ?? ""), line.origin)
        }
        // Comments line up, unless one long value would push them all far to the right.
        let width = min(56, rendered.filter { $0.1 != nil }.map(\.0.count).max() ?? 0)
        var text = "# report '\(id)' as a run reads it: after include, merge keys and defaults; plugin defaults added\n"
        for (body, origin) in rendered {
            guard let origin else {
                text += body + "\n"
                continue
            }
            text += body + String(repeating: " ", count: max(1, width + 2 - body.count)) + "# \(origin)\n"
        }
        return text
    }

    /// Lines for values of the trees, with their origins.
    private struct Builder {
        let loaded: LoadedReportsFile
        var lines: [Line] = []

        init(loaded: LoadedReportsFile) {
            self.loaded = loaded
        }

        func origin(of value: YAMLValue, path: String) -> ValueOrigin {
            if loaded.inheritedPaths.contains(where: { path == $0 || path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[") }) {
                return .inherited(value.location)
            }
            if let key = loaded.mergedKeys.last(where: { $0.covers(path) }) {
                return .merged(value.location, mergedAt: key.mergeLocation)
            }
            return .written(value.location)
        }

        /// A line for a scalar or a list of scalars; other values get a heading line.
        func line(for value: YAMLValue, key: String, depth: Int, path: String) -> Line {
            if let flow = Self.flow(value) {
                return Line(depth: depth, key: key, value: flow, origin: origin(of: value, path: path))
            }
            return Line(depth: depth, key: key, value: nil, origin: nil)
        }

        mutating func add(_ pair: YAMLPair, depth: Int, path: String) {
            add(pair.value, key: pair.key, depth: depth, path: path)
        }

        mutating func add(_ value: YAMLValue, key: String, depth: Int, path: String) {
            let line = line(for: value, key: key, depth: depth, path: path)
            lines.append(line)
            guard line.value == nil else { return }
            switch value.content {
            case .mapping(let pairs):
                for pair in pairs { add(pair, depth: depth + 1, path: "\(path).\(pair.key)") }
            case .sequence(let elements):
                for (index, element) in elements.enumerated() { add(element, key: "-", depth: depth + 1, path: "\(path)[\(index)]") }
            case .scalar:
                break
            }
        }

        /// A scalar, a list of scalars or an empty mapping, written on one line; nil otherwise.
        static func flow(_ value: YAMLValue) -> String? {
            switch value.content {
            case .scalar(let scalar):
                return value.isNull ? "~" : scalarText(scalar)
            case .sequence(let elements):
                let items = elements.map { $0.scalar.map(scalarText) }
                guard !items.contains(where: { $0 == nil }) else { return nil }
                return "[" + items.map { $0! }.joined(separator: ", ") + "]"
            case .mapping(let pairs):
                return pairs.isEmpty ? "{}" : nil
            }
        }

        /// A plain scalar as written; any other in double quotes, escaped, on one line.
        static func scalarText(_ scalar: YAMLScalar) -> String {
            if scalar.isPlain { return scalar.text }
            var escaped = ""
            for character in scalar.text.unicodeScalars {
                switch character {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                default: escaped.unicodeScalars.append(character)
                }
            }
            return "\"\(escaped)\""
        }
    }
}
