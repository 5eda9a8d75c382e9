import Foundation

/// Reads typed values out of a `YAMLValue` tree strictly, collecting a diagnostic for every
/// value that does not fit instead of stopping at the first, and never falling back to a default.
struct YAMLReader {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// `base.key`, or `key` at the root.
    static func join(_ base: String, _ key: String) -> String {
        base.isEmpty ? key : "\(base).\(key)"
    }

    /// How a message names what was found instead of what was expected.
    static func found(_ value: YAMLValue) -> String {
        switch value.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if value.isNull { return "null" }
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return (quoted ? "quoted text" : "text") + " '\(excerpt(scalar.text))'"
        }
    }

    /// The first line of `text`, at most 40 characters, so that a message stays on one line.
    static func excerpt(_ text: String) -> String {
        let firstLine = text.prefix { !$0.isNewline }
        if firstLine.count <= 40, firstLine.count == text.count { return text }
        return String(firstLine.prefix(40)) + "…"
    }

    /// The pairs of a mapping by key, after reporting unknown keys (with the nearest allowed key)
    /// and missing required keys (at `owner`, where the mapping is introduced). Nil when `value`
    /// is not a mapping.
    mutating func mapping(_ value: YAMLValue, path: String, allowed: [String], required: [String],
                          owner: SourceLocation) -> [String: YAMLPair]? {
        guard let pairs = mappingPairs(value, path: path) else { return nil }
        var byKey: [String: YAMLPair] = [:]
        var suggested: Set<String> = []
        for pair in pairs {
            if allowed.contains(pair.key) {
                byKey[pair.key] = pair
            } else {
                let unknown = Diagnostic.yamlUnknownKey(at: pair.keyLocation, subject: Self.join(path, pair.key), key: pair.key, allowed: allowed)
                if let suggestion = unknown.suggestion { suggested.insert(suggestion) }
                add(unknown)
            }
        }
        // `plugn:` is one mistake: "did you mean 'plugin'?" says it all, without "missing key 'plugin'".
        for key in required where byKey[key] == nil && !suggested.contains(key) {
            add(.yamlMissingKey(at: owner, subject: path, key: key))
        }
        return byKey
    }

    /// The pairs of a mapping, in the order of the file; nil (reported) when `value` is another shape.
    mutating func mappingPairs(_ value: YAMLValue, path: String) -> [YAMLPair]? {
        if let pairs = value.mapping { return pairs }
        reportShape(value, path: path, expected: "a mapping")
        return nil
    }

    /// The elements of a list; nil (reported) when `value` is another shape.
    mutating func sequence(_ value: YAMLValue, path: String) -> [YAMLValue]? {
        if let elements = value.sequence { return elements }
        if value.isNull {
            add(.yamlNull(at: value.location, subject: path, expected: "a list"))
        } else {
            add(Self.listSuggested(.yamlWrongType(at: value.location, subject: path, expected: "a list", found: Self.found(value)), for: value))
        }
        return nil
    }

    /// A single value where a list is expected: the list of that one value is suggested
    /// (`[MEN-01]`), as written, quotes included.
    static func listSuggested(_ diagnostic: Diagnostic, for value: YAMLValue) -> Diagnostic {
        guard let scalar = value.scalar, !value.isNull, !scalar.text.contains("\n") else { return diagnostic }
        var suggested = diagnostic
        let element = switch scalar.style {
        case .singleQuoted: "'\(scalar.text.replacingOccurrences(of: "'", with: "''"))'"
        case .doubleQuoted: "\"\(scalar.text)\""
        default: scalar.text
        }
        suggested.suggestion = "[\(element)]"
        return suggested
    }

    /// Non-empty text: any scalar but null, whatever its style (`2017` is text here).
    mutating func text(_ value: YAMLValue, path: String, expected: String = "text") -> String? {
        guard let scalar = value.scalar, !value.isNull else {
            reportShape(value, path: path, expected: expected)
            return nil
        }
        guard !scalar.text.isEmpty else {
            add(.yamlEmpty(at: value.location, subject: path, expected: expected))
            return nil
        }
        return scalar.text
    }

    /// An integer written as one: plain, untagged, decimal digits (`"1"` and `1.0` are not).
    mutating func integer(_ value: YAMLValue, path: String, expected: String = "an integer") -> Int? {
        if let integer = Self.integer(value) { return integer }
        reportShape(value, path: path, expected: expected)
        return nil
    }

    /// The integer `value` holds, if it is written as one.
    static func integer(_ value: YAMLValue) -> Int? {
        guard let scalar = value.scalar, scalar.isPlain else { return nil }
        var digits = Substring(scalar.text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(scalar.text.hasPrefix("+") ? String(scalar.text.dropFirst()) : scalar.text)
    }

    /// Reports `value` as null or of the wrong shape.
    mutating func reportShape(_ value: YAMLValue, path: String, expected: String) {
        if value.isNull {
            add(.yamlNull(at: value.location, subject: path, expected: expected))
        } else {
            add(.yamlWrongType(at: value.location, subject: path, expected: expected, found: Self.found(value)))
        }
    }
}
