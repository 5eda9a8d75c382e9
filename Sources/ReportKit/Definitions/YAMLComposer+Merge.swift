import Yams

/// YAML's merge key: `<<: *base` or `<<: [*a, *b]` in a mapping copies the keys of the named
/// mappings into it. The mapping's own keys win over merged ones, and among several merged
/// mappings the first listed wins, as the merge-key specification (yaml.org/type/merge) says.
///
/// Merged values keep the position they were written at (the anchored block), so that a message
/// about one points at the line to fix; `mergedKeys` records where each was merged, so that the
/// message can also say into which report.
extension YAMLComposer {
    /// One `<<` of a mapping, before its value is copied.
    struct MergeSource {
        /// Where `<<` was written.
        var keyLocation: SourceLocation
        /// How many of the mapping's own pairs came before it: merged keys are placed there.
        var index: Int
        var node: Node
    }

    /// A key brought in by a merge key.
    struct MergedKey: Sendable, Hashable {
        /// The key path it has in the mapping it was merged into (`reports[1].params`).
        var path: String
        /// Where the `<<` that brought it was written.
        var mergeLocation: SourceLocation
    }

    /// `<<` is a merge key when written plain (a quoted `'<<'` is an ordinary key) or tagged `!!merge`.
    static func isMergeKey(_ scalar: Node.Scalar) -> Bool {
        guard scalar.string == "<<" else { return false }
        return scalar.tag.rawValue == Tag.Name.merge.rawValue || (scalar.style == .plain || scalar.style == .any)
    }

    /// `pairs` with the keys of every merged mapping that they do not already have. A value that
    /// is not a mapping, or a list holding anything else, is reported and contributes nothing.
    mutating func merge(_ sources: [MergeSource], into pairs: [YAMLPair], path: String, depth: Int) throws(Stop) -> [YAMLPair] {
        var taken = Set(pairs.map(\.key))
        var result = pairs
        var inserted = 0
        let mergePath = path.isEmpty ? "<<" : "\(path).<<"
        for source in sources {
            let value = try convert(source.node, path: mergePath, depth: depth + 1)
            var mappings: [YAMLValue] = []
            switch value.content {
            case .mapping:
                mappings = [value]
            case .sequence(let elements):
                for (index, element) in elements.enumerated() {
                    if element.mapping != nil {
                        mappings.append(element)
                    } else {
                        diagnostics.append(.yamlMergeNotAMapping(at: element.location, subject: "\(mergePath)[\(index)]", found: YAMLReader.found(element)))
                    }
                }
            case .scalar:
                diagnostics.append(.yamlMergeNotAMapping(at: value.location, subject: mergePath, found: YAMLReader.found(value)))
            }
            var added: [YAMLPair] = []
            for mapping in mappings {
                for pair in mapping.mapping ?? [] where !taken.contains(pair.key) {
                    taken.insert(pair.key)
                    added.append(pair)
                    mergedKeys.append(MergedKey(path: path.isEmpty ? pair.key : "\(path).\(pair.key)", mergeLocation: source.keyLocation))
                }
            }
            result.insert(contentsOf: added, at: source.index + inserted)
            inserted += added.count
        }
        return result
    }
}

extension YAMLComposer.MergedKey {
    /// Whether a message about `subject` is about this key or something inside its value.
    func covers(_ subject: String) -> Bool {
        subject == path || subject.hasPrefix(path + ".") || subject.hasPrefix(path + "[")
    }
}
