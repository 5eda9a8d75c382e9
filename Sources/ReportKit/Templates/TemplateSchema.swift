/// What a name in a template refers to, as far as checking goes: the shape of the value
/// `FactRenderer` puts there.
///
/// The children of each kind mirror `FactKind.children` (the documented contract) with the
/// shape of each; a test keeps the two lists, and `FactRenderer`'s output, identical.
struct TemplateNode {
    enum Shape {
        /// A fact, or a child that is itself a fact (`range.start` is a date).
        case fact(FactKind, fields: [FactSpec])
        /// Plain text (`date.iso`, `list.first`).
        case text
        /// True or false (`count.one`, `change.increase`): for sections only.
        case bool
        /// `list.items`: an array of `{name}` to iterate.
        case names
        /// A name with errors already reported: anything below it is accepted, so that one
        /// typo gives one message.
        case unknown
    }

    var shape: Shape
    var isOptional: Bool = false

    init(_ shape: Shape, optional: Bool = false) {
        self.shape = shape
        self.isOptional = optional
    }

    init(spec: FactSpec) {
        self.init(.fact(spec.kind, fields: spec.fields), optional: spec.isOptional)
    }

    /// The names below this node, as `{{node.name}}`.
    var children: [(name: String, node: TemplateNode)] {
        switch shape {
        case .fact(let kind, _): TemplateNode.children(of: kind)
        case .text, .bool, .names, .unknown: []
        }
    }

    /// The child called `name`; anything is a child of an unknown node.
    func child(_ name: String) -> TemplateNode? {
        if case .unknown = shape { return TemplateNode(.unknown) }
        return children.first { $0.name == name }?.node
    }

    /// What this node is, for messages: `a count`, `a date range`, `true or false`.
    var description: String {
        switch shape {
        case .fact(let kind, _):
            switch kind {
            case .count: "a count"
            case .percent: "a percent"
            case .decimal: "a decimal"
            case .date: "a date"
            case .month: "a month"
            case .dateRange: "a date range"
            case .list: "a list"
            case .change: "a change"
            case .label: "a label"
            case .flag: "a flag"
            case .records: "a list of records"
            }
        case .text: "text"
        case .bool: "true or false"
        case .names: "a list of names"
        case .unknown: "unknown"
        }
    }

    /// The shape of every child `FactRenderer` gives a fact of `kind`.
    static func children(of kind: FactKind) -> [(name: String, node: TemplateNode)] {
        let text = TemplateNode(.text), bool = TemplateNode(.bool)
        let month: [(name: String, node: TemplateNode)] =
            [("month_name", text), ("month_year", text), ("of_month_year", text), ("year", text), ("iso", text)]
        switch kind {
        case .count:
            return [
                ("raw", text), ("one", bool), ("other", bool), ("zero", bool), ("in_words", text), ("in_words_feminine", text),
            ]
        case .percent:
            return [("raw", text), ("none", bool), ("all", bool)]
        case .decimal:
            return [("raw", text), ("zero", bool)]
        case .date:
            return [("full", text), ("day_month", text), ("day", text)] + month
        case .month:
            return month
        case .dateRange:
            return [
                ("capitalized", text), ("start", TemplateNode(.fact(.date, fields: []))),
                ("end", TemplateNode(.fact(.date, fields: []))), ("days", TemplateNode(.fact(.count, fields: []))),
            ]
        case .list:
            return [
                ("count", TemplateNode(.fact(.count, fields: []))), ("one", bool), ("other", bool),
                ("items", TemplateNode(.names)), ("first", text), ("of_each", text), ("in_each", text),
            ]
        case .change:
            return [
                ("abs", text), ("increase", bool), ("decrease", bool), ("unchanged", bool), ("one", bool),
                ("other", bool), ("percent", TemplateNode(.text, optional: true)),
            ]
        case .label, .flag, .records:
            return []
        }
    }
}
