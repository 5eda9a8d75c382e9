import Foundation
import Yams

/// Composes checked text with Yams and copies the result into a `YAMLValue` tree, under a node
/// budget and a depth limit.
///
/// Yams stops at the first duplicate key of a file and names only the first occurrence. To point
/// at the second occurrence, and to go on finding every other error, the composer replaces the
/// first occurrence in its copy of the text by a placeholder of the same length (so no position
/// moves), composes again, and reports the duplicate while copying the tree.
struct YAMLComposer {
    /// How many duplicate keys one file may have before the composer stops looking for more: each
    /// one costs a full parse.
    static let duplicateKeyRetries = 20

    var text: YAMLSourceText
    let nodeBudget: Int
    let depthLimit: Int
    private var placeholders: [String: (key: String, location: SourceLocation)] = [:]
    private(set) var visited = 0
    var diagnostics: [Diagnostic] = []
    /// Every key a merge key (`<<: *base`) brought in, for messages about their values.
    var mergedKeys: [MergedKey] = []

    init(text: YAMLSourceText, nodeBudget: Int, depthLimit: Int) {
        self.text = text
        self.nodeBudget = nodeBudget
        self.depthLimit = depthLimit
    }

    /// The document's tree; nil with `diagnostics` set when it cannot be composed, or when it is
    /// empty (no diagnostic then: the caller decides what an empty file means).
    mutating func compose() -> YAMLValue? {
        var node: Node?
        var attempt = 0
        while true {
            do {
                node = try Yams.compose(yaml: text.string)
                break
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let key = duplicates.first ?? ""
                let location = SourceLocation(file: text.file, line: context.mark.line, column: context.mark.column)
                guard attempt < Self.duplicateKeyRetries, replaceKey(key, at: location, attempt: attempt) else {
                    diagnostics.append(.yamlDuplicateKey(at: location, subject: "", key: key, firstLine: nil))
                    return nil
                }
                attempt += 1
            } catch let error as YamlError {
                diagnostics.append(diagnostic(for: error))
                return nil
            } catch {
                diagnostics.append(.yamlUnreadable(file: text.file, detail: "\(error)"))
                return nil
            }
        }
        guard let node else { return nil }
        do {
            return try convert(node, path: "", depth: 1)
        } catch {
            return nil
        }
    }

    // MARK: Duplicate keys

    /// Replaces the key at `location` (plain or quoted, as Yams saw it) with private-use
    /// characters of the same count. Returns false when the text there is not that key.
    private mutating func replaceKey(_ key: String, at location: SourceLocation, attempt: Int) -> Bool {
        guard let start = text.offset(line: location.line, column: location.column),
              start < text.lineEnds[location.line - 1] else { return false }
        let lineEnd = text.lineEnds[location.line - 1]
        var end: Int
        let first = text.scalars[start]
        if first == "'" || first == "\"" {
            end = start + 1
            while end < lineEnd {
                if first == "\"", text.scalars[end] == "\\" {
                    end += 2
                    continue
                }
                if text.scalars[end] == first {
                    if first == "'", end + 1 < lineEnd, text.scalars[end + 1] == "'" {
                        end += 2
                        continue
                    }
                    break
                }
                end += 1
            }
            guard end < lineEnd else { return false }
            end += 1
        } else {
            let keyScalars = Array(key.unicodeScalars)
            end = start + keyScalars.count
            guard !keyScalars.isEmpty, end <= lineEnd, Array(text.scalars[start..<end]) == keyScalars else { return false }
        }
        // U+E000… are private-use characters: printable for libyaml, valid in a plain scalar, and
        // never in a coordinator's keys. The first differs per attempt, so placeholders never collide.
        let marker = Unicode.Scalar(0xE000 + UInt32(attempt))!
        let filler: Unicode.Scalar = "\u{F8FF}"
        let placeholder = [marker] + Array(repeating: filler, count: end - start - 1)
        text.scalars.replaceSubrange(start..<end, with: placeholder)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: placeholder)
        placeholders[String(view)] = (key, location)
        return true
    }

    // MARK: Errors from Yams

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let location = SourceLocation(file: text.file, line: mark.line, column: mark.column)
            if text.scalar(line: mark.line, column: mark.column) == "\t" {
                return .yamlTabCharacter(at: location)
            }
            let raw = Diagnostic.yamlSyntax(at: location, problem: clean(problem), context: context.map { clean($0.text) },
                                            contextLine: context?.mark.line ?? 0, contextColumn: context?.mark.column ?? 0)
            guard let explained = YAMLSyntaxExplainer(text: text).explain(
                problem: problem, line: mark.line, column: mark.column, context: context?.text,
                contextLine: context?.mark.line ?? 0, contextColumn: context?.mark.column ?? 0)
            else { return raw }
            return .yamlSyntaxExplained(at: SourceLocation(file: text.file, line: explained.line, column: explained.column),
                                        message: explained.message, suggestion: explained.suggestion, parser: raw)
        case .reader(let problem, _, _, _):
            return .yamlUnreadable(file: text.file, detail: clean(problem))
        default:
            return .yamlUnreadable(file: text.file, detail: clean("\(error)"))
        }
    }

    /// libyaml's texts, without the remark about its own API (`set with yaml_set_max_nest_level()`).
    private func clean(_ message: String) -> String {
        var message = message
        if let range = message.range(of: ", set with yaml_set_max_nest_level())") {
            message.replaceSubrange(range, with: "")
        }
        return message.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Copying the tree

    struct Stop: Error {}

    /// Copies `node`, counting every node visited: Yams composes an alias as the very node it
    /// names, so the tree is a DAG and a few hundred bytes can stand for a billion nodes. The
    /// count stops the copy at the budget, whatever the shape.
    mutating func convert(_ node: Node, path: String, depth: Int) throws(Stop) -> YAMLValue {
        let location = self.location(of: node)
        try count(at: location)
        if depth > depthLimit {
            diagnostics.append(.yamlTooDeep(at: location, subject: path, limit: depthLimit))
            throw Stop()
        }
        switch node {
        case .scalar(let scalar):
            return YAMLValue(.scalar(Self.scalar(scalar)), at: location)
        case .sequence(let sequence):
            var elements: [YAMLValue] = []
            for (index, element) in sequence.enumerated() {
                elements.append(try convert(element, path: "\(path)[\(index)]", depth: depth + 1))
            }
            return YAMLValue(.sequence(elements), at: location)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            var firstLines: [String: Int] = [:]
            var merges: [MergeSource] = []
            for (keyNode, value) in mapping {
                let keyLocation = self.location(of: keyNode)
                try count(at: keyLocation)
                guard case .scalar(let keyScalar) = keyNode else {
                    diagnostics.append(.yamlComplexKey(at: keyLocation, found: "a list or mapping"))
                    continue
                }
                if Self.isMergeKey(keyScalar) {
                    merges.append(MergeSource(keyLocation: keyLocation, index: pairs.count, node: value))
                    continue
                }
                var key = keyScalar.string
                var reportedLocation = keyLocation
                if let original = placeholders[key] {
                    key = original.key
                    reportedLocation = original.location
                }
                let keyPath = path.isEmpty ? key : "\(path).\(key)"
                if let firstLine = firstLines[key] {
                    diagnostics.append(.yamlDuplicateKey(at: reportedLocation, subject: keyPath, key: key, firstLine: firstLine))
                    continue
                }
                firstLines[key] = reportedLocation.line
                pairs.append(YAMLPair(key: key, keyLocation: reportedLocation,
                                      value: try convert(value, path: keyPath, depth: depth + 1)))
            }
            if !merges.isEmpty { pairs = try merge(merges, into: pairs, path: path, depth: depth) }
            return YAMLValue(.mapping(pairs), at: location)
        case .alias(let alias):
            // Yams resolves aliases while composing; an unresolved one means a Yams change.
            diagnostics.append(.yamlUnreadable(file: text.file, detail: "unresolved alias '*\(alias.anchor.rawValue)' at \(location)"))
            throw Stop()
        }
    }

    mutating func count(at location: SourceLocation) throws(Stop) {
        visited += 1
        if visited > nodeBudget {
            diagnostics.append(.yamlTooManyNodes(at: location, limit: nodeBudget))
            throw Stop()
        }
    }

    private func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: text.file) }
        return SourceLocation(file: text.file, line: mark.line, column: mark.column)
    }

    private static func scalar(_ scalar: Node.Scalar) -> YAMLScalar {
        let style: YAMLScalar.Style = switch scalar.style {
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        case .plain, .any: .plain
        }
        // Yams gives quoted scalars the `!!str` tag itself; only a tag the user wrote is kept.
        var tag: String? = scalar.tag.rawValue
        if tag == Tag.Name.implicit.rawValue || (style != .plain && tag == Tag.Name.str.rawValue) { tag = nil }
        return YAMLScalar(scalar.string, style: style, tag: tag)
    }
}
