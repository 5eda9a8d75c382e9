import Mustache

/// Checks a coordinator's template against the facts its plugin declares, before any data is
/// read, so that `dtm-report validate` finds every mistake with its line and column.
///
/// What it reports, each at the tag's `{{`:
/// - syntax: an unclosed `{{`, `{{{` or comment, a section never closed, a `{{/x}}` that does
///   not close the open section, an empty or malformed name;
/// - what the host does not support: delimiter changes `{{=…=}}`, partials `{{> name}}`,
///   inheritance `{{$…}}`/`{{<…}}`, pragmas `{{%…}}`;
/// - forms (`{{total | # person / # people}}`, `TemplateForm`): malformed words, a form on a
///   fact of the wrong kind (agreement on a count, a change or a list; a noun on a count; a
///   change phrase on a change), a noun that is not a label fact with its `_singular`;
/// - names: an unknown fact (with the nearest declared name as a suggestion), an unknown child
///   of a fact (suggested among its kind's children, `FactKind.children`), a flag, records or
///   true/false child printed as text instead of used as a section, an optional fact printed
///   outside a section of itself, `{{.}}` where there is no fact to print.
///
/// Names resolve as Mustache resolves them: from the innermost section outwards. Inside
/// `{{#events}}…{{/events}}` a name is first a field of the record, then a fact; inside
/// `{{#total}}…{{/total}}` it is first a child of `total`. Comments, `{{{x}}}` and `{{&x}}`
/// are fine (the last two are checked like `{{x}}`).
public enum TemplateChecker {
    /// Every problem in `text`, the template at `file` (as the user should read the path), for
    /// a plugin that declares `facts`. Empty when the template is fine.
    public static func check(_ text: String, file: String, facts: [FactSpec]) -> [Diagnostic] {
        diagnostics(text, file: file, facts: facts)
    }

    /// Only the syntax problems of `text`: what `CompiledTemplate` needs before it can render.
    static func syntaxDiagnostics(_ text: String, file: String) -> [Diagnostic] {
        diagnostics(text, file: file, facts: nil)
    }

    private static func diagnostics(_ text: String, file: String, facts: [FactSpec]?) -> [Diagnostic] {
        let scanner = TemplateScanner(text: text, file: file)
        var walker = TemplateWalker(facts: facts)
        for tag in scanner.tags {
            walker.visit(tag)
        }
        walker.finish()
        var syntax = scanner.diagnostics + walker.syntax
        if syntax.isEmpty, let problem = CompiledTemplate.parserDiagnostic(text, file: file) {
            // The scanner accepted something swift-mustache does not: its own message, located.
            syntax.append(problem)
        }
        let all = syntax + walker.names
        // In the order of the file, so that a coordinator reads them top to bottom.
        return all.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if la?.line != lb?.line { return (la?.line ?? 0) < (lb?.line ?? 0) }
            if la?.column != lb?.column { return (la?.column ?? 0) < (lb?.column ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Walks the tags of one template, keeping the open sections and the names they make visible.
private struct TemplateWalker {
    /// The names visible at one level: the facts at the top, a fact's children inside its
    /// section, a record's fields inside a records section.
    struct Scope {
        /// Each name with its node and its identity: the path from the top, with `[]` for an
        /// element of an array (`events[].date`), so that `{{#previous}}` guards the same
        /// optional value however a later tag reaches it.
        var names: [String: (node: TemplateNode, identity: String)] = [:]
        /// Whether `{{.}}` prints a fact's text here.
        var printsItself = false
        /// After an unknown section name: accept anything, one message is enough.
        var acceptsAnything = false
    }

    struct OpenSection {
        var name: String
        var raw: String
        var location: SourceLocation
        var pushedScope: Bool
        /// The identity of the value this section tests, which is present inside it.
        var guards: String?
        /// Whether this section tests an optional fact of the plugin (not a child or a field).
        var guardsOptionalFact = false
    }

    let checksNames: Bool
    var scopes: [Scope]
    var open: [OpenSection] = []
    var syntax: [Diagnostic] = []
    var names: [Diagnostic] = []

    init(facts: [FactSpec]?) {
        checksNames = facts != nil
        var root = Scope()
        for spec in facts ?? [] {
            root.names[spec.name] = (TemplateNode(spec: spec), spec.name)
        }
        scopes = [root]
    }

    mutating func visit(_ tag: TemplateTag) {
        switch tag.kind {
        case .comment:
            return
        case .setDelimiter:
            syntax.append(.templateSetDelimiterUnsupported(at: tag.location))
        case .partial:
            syntax.append(.templatePartialUnsupported(tag.raw, at: tag.location))
        case .pragma:
            syntax.append(.templatePragmaUnsupported(tag.raw, at: tag.location))
        case .inheritance:
            syntax.append(.templateInheritanceUnsupported(tag.raw, at: tag.location))
            // Both `{{$name}}` and `{{<name}}` open a block closed by `{{/name}}`: keep that
            // closing tag matched rather than report it as well.
            open.append(OpenSection(name: tag.name, raw: tag.raw, location: tag.location, pushedScope: false))
        case .variable, .unescaped:
            guard validName(tag) else { return }
            printText(tag)
        case .form:
            checkForm(tag)
        case .section:
            let valid = validName(tag)
            openSection(tag, valid: valid)
        case .inverted:
            if validName(tag), checksNames, tag.name != "." {
                _ = resolve(tag.name, at: tag.location)
            }
            // An inverted section renders when the value is absent or false: it shows nothing new.
            open.append(OpenSection(name: tag.name, raw: tag.raw, location: tag.location, pushedScope: false))
        case .close:
            close(tag)
        }
    }

    /// Sections still open at the end of the file.
    mutating func finish() {
        for section in open {
            syntax.append(.templateUnclosedSection(section.raw, name: section.name, at: section.location))
        }
        open.removeAll()
    }

    // MARK: Tags

    private mutating func validName(_ tag: TemplateTag) -> Bool {
        if tag.name.isEmpty {
            syntax.append(.templateEmptyTag(tag.raw, at: tag.location))
            return false
        }
        if tag.name == "." { return true }
        let segments = tag.name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = segments.allSatisfy { segment in
            !segment.isEmpty && segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        }
        if !valid { syntax.append(.templateInvalidName(tag.raw, at: tag.location)) }
        return valid
    }

    private mutating func printText(_ tag: TemplateTag) {
        guard checksNames else { return }
        if tag.name == "." {
            if !(scopes.last?.printsItself ?? false) { names.append(.templateDotOutsideFact(tag.raw, at: tag.location)) }
            return
        }
        guard let resolved = resolvePrinted(tag) else { return }
        switch resolved.node.shape {
        case .fact(let kind, _) where !kind.rendersAsText:
            names.append(.templateSectionOnly(tag.name, described: resolved.node.description, at: tag.location))
        case .bool, .names:
            names.append(.templateSectionOnly(tag.name, described: resolved.node.description, at: tag.location))
        case .fact, .text, .unknown:
            break
        }
    }

    /// `{{name | form}}`: the form's words (always), then what it is written on.
    private mutating func checkForm(_ tag: TemplateTag) {
        let form: TemplateForm
        switch TemplateForm.parse(tag.form) {
        case .success(let parsed): form = parsed
        case .failure(let error):
            syntax.append(.templateMalformedForm(tag.raw, reason: error.reason, at: tag.location))
            return
        }
        guard validName(tag), checksNames else { return }
        if tag.name == "." {
            names.append(.templateFormOnDot(tag.raw, at: tag.location))
            return
        }
        guard let resolved = resolvePrinted(tag) else { return }
        let kind: FactKind?
        switch resolved.node.shape {
        case .unknown: return
        case .fact(let factKind, _): kind = factKind
        case .text, .bool, .names: kind = nil
        }
        switch form {
        case .agreement where kind == .count || kind == .change || kind == .list:
            break
        case .noun(let noun) where kind == .count:
            for name in [noun, noun + "_singular"] {
                let found = scopes.first?.names[name]?.node
                guard case .fact(.label, _)? = found?.shape, found?.isOptional == false else {
                    let nouns = (scopes.first?.names ?? [:]).filter { entry in
                        guard case .fact(.label, _) = entry.value.node.shape else { return false }
                        return scopes.first?.names[entry.key + "_singular"] != nil
                    }.keys
                    names.append(
                        .templateUnknownNoun(
                            noun, in: tag.raw, suggestion: Suggestion.nearest(to: noun, in: Set(nouns)), at: tag.location))
                    return
                }
            }
        case .change where kind == .change:
            break
        default:
            names.append(.templateFormOnWrongKind(tag.raw, form: form, path: tag.name, described: resolved.node.description, at: tag.location))
        }
    }

    /// What a printing tag refers to, after checking that it cannot be absent where it prints.
    private mutating func resolvePrinted(_ tag: TemplateTag) -> Resolved? {
        guard let resolved = resolve(tag.name, at: tag.location) else { return nil }
        // A section over `regions.one` renders only when `regions` is there: it guards every
        // value along its path, not just the last one.
        let guarded = Set(
            open.compactMap(\.guards).flatMap { identity in
                identity.indices.filter { identity[$0] == "." }.map { String(identity[..<$0]) } + [identity]
            })
        // Plugins give the optional facts of one situation together (a report date brings its
        // total): inside the section of one optional fact, the other optional facts may print.
        // Children and record fields (`change.percent`) still need their own section.
        let insideOptionalFact = open.contains(where: \.guardsOptionalFact)
        if let absent = resolved.optionals.first(where: {
            !guarded.contains($0.identity) && !(insideOptionalFact && !$0.identity.contains(".") && !$0.identity.contains("["))
        }) {
            names.append(.templateMayBeAbsent(absent.path, at: tag.location))
            return nil
        }
        return resolved
    }

    private mutating func openSection(_ tag: TemplateTag, valid: Bool) {
        var section = OpenSection(name: tag.name, raw: tag.raw, location: tag.location, pushedScope: false)
        defer { open.append(section) }
        guard checksNames else { return }
        guard valid else {
            push(Scope(acceptsAnything: true), into: &section)
            return
        }
        if tag.name == "." {
            if !(scopes.last?.printsItself ?? false) { names.append(.templateDotOutsideFact(tag.raw, at: tag.location)) }
            return
        }
        guard let resolved = resolve(tag.name, at: tag.location) else {
            push(Scope(acceptsAnything: true), into: &section)
            return
        }
        section.guards = resolved.identity
        section.guardsOptionalFact = resolved.optionals.contains { $0.identity == resolved.identity && !$0.identity.contains(".") && !$0.identity.contains("[") }
        let identity = resolved.identity
        // What Mustache pushes on its context stack for this value, and so what names mean inside.
        switch resolved.node.shape {
        case .fact(.records, let fields):
            var scope = Scope()
            for field in fields {
                scope.names[field.name] = (TemplateNode(spec: field), "\(identity)[].\(field.name)")
            }
            push(scope, into: &section)
        case .fact(.flag, _), .bool:
            break  // a Bool is not pushed: names inside mean what they mean outside
        case .fact:
            var scope = Scope(printsItself: true)
            for (name, node) in resolved.node.children {
                scope.names[name] = (node, "\(identity).\(name)")
            }
            push(scope, into: &section)
        case .text:
            push(Scope(printsItself: true), into: &section)
        case .names:
            push(Scope(names: ["name": (TemplateNode(.text), "\(identity)[].name")]), into: &section)
        case .unknown:
            push(Scope(acceptsAnything: true), into: &section)
        }
    }

    private mutating func push(_ scope: Scope, into section: inout OpenSection) {
        scopes.append(scope)
        section.pushedScope = true
    }

    private mutating func close(_ tag: TemplateTag) {
        guard let top = open.last else {
            syntax.append(.templateCloseWithoutOpen(tag.raw, at: tag.location))
            return
        }
        if top.name != tag.name {
            syntax.append(.templateMismatchedClose(tag.raw, open: top.name, openedAt: top.location, at: tag.location))
            // Recover as the coordinator most likely meant: close up to the named section if it
            // is open, otherwise take the tag as a misspelt close of the innermost one.
            if let match = open.lastIndex(where: { $0.name == tag.name }) {
                while open.count > match { popSection() }
                return
            }
        }
        popSection()
    }

    private mutating func popSection() {
        let section = open.removeLast()
        if section.pushedScope { scopes.removeLast() }
    }

    // MARK: Names

    struct Resolved {
        var node: TemplateNode
        var identity: String
        /// The optional values along the path, outermost first, with the path as written.
        var optionals: [(identity: String, path: String)]
    }

    /// What `path` (`total`, `range.start.day`) refers to here, or nil after reporting why not.
    private mutating func resolve(_ path: String, at location: SourceLocation) -> Resolved? {
        let segments = path.split(separator: ".").map(String.init)
        guard let first = segments.first else { return nil }
        var found: (node: TemplateNode, identity: String)?
        for scope in scopes.reversed() {
            if scope.acceptsAnything { return Resolved(node: TemplateNode(.unknown), identity: path, optionals: []) }
            if let entry = scope.names[first] {
                found = entry
                break
            }
        }
        guard var (node, identity) = found else {
            let visible = Set(scopes.flatMap(\.names.keys))
            names.append(.templateUnknownFact(first, suggestion: Suggestion.nearest(to: first, in: visible), at: location))
            return nil
        }
        var written = first
        var optionals: [(identity: String, path: String)] = node.isOptional ? [(identity, written)] : []
        for segment in segments.dropFirst() {
            guard let child = node.child(segment) else {
                let candidates = node.children.map(\.name)
                names.append(
                    .templateUnknownChild(
                        segment, of: written, described: node.description,
                        suggestion: Suggestion.nearest(to: segment, in: candidates), at: location))
                return nil
            }
            node = child
            identity += "." + segment
            written += "." + segment
            if node.isOptional { optionals.append((identity, written)) }
        }
        return Resolved(node: node, identity: identity, optionals: optionals)
    }
}
