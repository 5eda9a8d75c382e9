import Yams

/// A YAML value as the user wrote it, with the position of every node.
///
/// Yams' `Node` is not `Sendable` (its tags are shared classes that resolve lazily), so the loader
/// copies what it keeps into this tree once, under a node budget. Definitions carry it across
/// threads, and the parameter checker walks it to give each problem its exact line and column.
public struct YAMLValue: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// Text, a number, a boolean or null: which one is decided by whoever reads it.
        case scalar(YAMLScalar)
        /// A list, in the order of the file.
        case sequence([YAMLValue])
        /// Pairs in the order of the file; keys are unique (the loader rejects duplicates).
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts: the first character of a scalar (its quote when quoted), the first
    /// key of a block mapping, the first `-` of a block sequence, the bracket of a flow collection.
    public var location: SourceLocation

    /// A node at `location`.
    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The elements, when this node is a sequence.
    public var sequence: [YAMLValue]? {
        if case .sequence(let elements) = content { return elements }
        return nil
    }

    /// The pairs, when this node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The pair with key `key`, when this node is a mapping that has it.
    public func pair(_ key: String) -> YAMLPair? {
        mapping?.first { $0.key == key }
    }

    /// Whether YAML reads this node as null: a plain `~`, `null`, `Null`, `NULL` or nothing at all,
    /// or anything tagged `!!null`.
    public var isNull: Bool {
        guard let scalar else { return false }
        if scalar.tag == "tag:yaml.org,2002:null" { return true }
        return scalar.isPlain && ["", "~", "null", "Null", "NULL"].contains(scalar.text)
    }
}

/// A scalar with the style it was written in: strict typing needs to know that `"1"` is text
/// and `1` a number, and that `yes` was not written as `true`.
public struct YAMLScalar: Sendable, Hashable {
    /// How the scalar was written.
    public enum Style: Sendable, Hashable {
        /// Unquoted: `returnees`, `12`, `true`, `~`.
        case plain
        /// `'…'`.
        case singleQuoted
        /// `"…"`.
        case doubleQuoted
        /// `|` block.
        case literal
        /// `>` block.
        case folded
    }

    /// The scalar's text after YAML's unescaping and folding.
    public var text: String
    /// How the scalar was written.
    public var style: Style
    /// An explicit tag (`!!str`, `!custom`), or nil. The implicit `!!str` of quoted scalars is not
    /// recorded: `style` already says it.
    public var tag: String?

    /// A scalar.
    public init(_ text: String, style: Style = .plain, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }

    /// Plain and untagged: the only form that may be read as a number, a boolean or null.
    public var isPlain: Bool { style == .plain && tag == nil }
}

/// One entry of a mapping, with the key's own position (where "unknown key" points).
public struct YAMLPair: Sendable, Hashable {
    /// The key's text.
    public var key: String
    /// Where the key starts.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: YAMLValue

    /// A pair.
    public init(key: String, keyLocation: SourceLocation, value: YAMLValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

extension YAMLValue {
    /// The tree as a Yams `Node`, for `YAMLDecoder`. Plain untagged scalars stay implicit so that
    /// Yams resolves numbers and booleans; every other scalar is text, as it was in the file.
    public var yamsNode: Node {
        switch content {
        case .scalar(let scalar):
            let tag: Tag = scalar.isPlain ? .implicit : Tag(Tag.Name(rawValue: scalar.tag ?? Tag.Name.str.rawValue))
            let style: Node.Scalar.Style = switch scalar.style {
            case .plain: .plain
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            }
            return Node(scalar.text, tag, style)
        case .sequence(let elements):
            return Node(elements.map(\.yamsNode))
        case .mapping(let pairs):
            return Node(pairs.map { (Node($0.key, Tag(.str)), $0.value.yamsNode) })
        }
    }
}
