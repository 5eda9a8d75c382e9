/// One Mustache tag of a template, where the coordinator wrote it.
struct TemplateTag {
    enum Kind {
        /// `{{name}}`
        case variable
        /// `{{{name}}}` or `{{&name}}`: the same as a variable, since templates are plain text.
        case unescaped
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case inverted
        /// `{{/name}}`
        case close
        /// `{{! … }}`
        case comment
        /// `{{> name}}`
        case partial
        /// `{{=<% %>=}}`
        case setDelimiter
        /// `{{% … }}`
        case pragma
        /// `{{$name}}` or `{{<name}}`
        case inheritance
        /// `{{name | one / other}}`: a fact written with a form (`TemplateForm`); the host
        /// turns it into plain Mustache before rendering.
        case form
    }

    var kind: Kind
    /// The name inside the tag, without sigil and surrounding spaces.
    var name: String
    /// The tag exactly as written, for messages.
    var raw: String
    /// Where its `{{` is.
    var location: SourceLocation
    /// For a `.form` tag, the text after `|`, as written.
    var form: String = ""
    /// The tag's first and past-the-end `Character` offsets in the text.
    var range: Range<Int> = 0..<0
}

/// A small Mustache lexer that knows where each tag is.
///
/// swift-mustache's parser stops at the first error and only knows positions on failure; the
/// checker needs every tag with its line and column, and every error at once. Lines are
/// counted at `\n` (a `\r\n` pair is one `Character`, so Windows files count the same);
/// columns are 1-based and counted in `Character`s, as swift-mustache's own error positions
/// are. A tag must end on the line where it starts, except a comment.
struct TemplateScanner {
    private(set) var tags: [TemplateTag] = []
    private(set) var diagnostics: [Diagnostic] = []

    private let characters: [Character]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1

    init(text: String, file: String) {
        self.characters = Array(text)
        self.file = file
        scan()
    }

    private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private mutating func scan() {
        while index < characters.count {
            if characters[index] == "}", index + 1 < characters.count, characters[index + 1] == "}" {
                strayClose()
                continue
            }
            guard characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" else {
                advance(to: index + 1)
                continue
            }
            let start = index
            let here = location
            let sigil: Character? = index + 2 < characters.count ? characters[index + 2] : nil

            if sigil == "!" {
                guard let end = find("}}", from: start + 3, sameLine: false) else {
                    diagnostics.append(.templateUnclosedComment(at: here))
                    return  // the rest of the file is inside the comment
                }
                append(.comment, name: "", from: start, to: end + 2, at: here)
                continue
            }
            if sigil == "{" {
                if let end = findClose("}}}", from: start + 3) {
                    append(.unescaped, name: text(start + 3, end), from: start, to: end + 3, at: here)
                    extraCloseBraces(after: start)
                } else if let end = findClose("}}", from: start + 3) {
                    // `{{{total}}`: one brace too many at the start. Read on as `{{total}}`.
                    let name = text(start + 3, end)
                    diagnostics.append(.templateExtraOpenBrace(text(start, end + 2), fixed: "{{\(name)}}", at: here))
                    append(.variable, name: name, from: start, to: end + 2, at: here)
                } else {
                    diagnostics.append(.templateUnclosedTripleTag(at: here))
                    advance(to: start + 3)
                }
                continue
            }
            var closeLength = 2
            guard let end = findClose("}}", from: start + 2) ?? findClose("}", from: start + 2) else {
                diagnostics.append(.templateUnclosedTag(at: here))
                advance(to: start + 2)
                continue
            }
            if characters[end..<min(end + 2, characters.count)].elementsEqual(["}", "}"]) == false {
                // `{{total}`: one closing brace missing. Read on as `{{total}}`.
                closeLength = 1
                let body = text(start + 2, end)
                diagnostics.append(.templateMissingCloseBrace(text(start, end + 1), fixed: "{{\(body)}}", at: here))
            }
            let body = text(start + 2, end)
            let kind: TemplateTag.Kind
            switch body.first {
            case "&": kind = .unescaped
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "=": kind = .setDelimiter
            case "%": kind = .pragma
            case "$", "<": kind = .inheritance
            default: kind = .variable
            }
            if kind == .variable, let bar = body.firstIndex(of: "|") {
                append(.form, name: String(body[..<bar]), from: start, to: end + closeLength, at: here, form: String(body[body.index(after: bar)...]))
                if closeLength == 2 { extraCloseBraces(after: start) }
                continue
            }
            let name = kind == .variable ? body : String(body.dropFirst())
            append(kind, name: name.trimmingSpaces, from: start, to: end + closeLength, at: here)
            if kind == .setDelimiter {
                // After a delimiter change the rest of the file is in a syntax this scanner does
                // not read; anything it said about it would be noise.
                return
            }
            if closeLength == 2 { extraCloseBraces(after: start) }
        }
    }

    /// `}}` outside any tag: Mustache would print it. `{total}}` is a tag with one opening brace
    /// missing; anything else is a stray `}}`. Either way the braces are passed over.
    private mutating func strayClose() {
        var nameStart = index
        while nameStart > 0, Self.isNameCharacter(characters[nameStart - 1]) { nameStart -= 1 }
        if nameStart > 0, nameStart < index, characters[nameStart - 1] == "{" {
            let brace = nameStart - 1
            let opening = SourceLocation(file: file, line: line, column: column - (index - brace))
            let name = text(nameStart, index)
            diagnostics.append(.templateMissingOpenBrace(text(brace, index + 2), fixed: "{{\(name)}}", at: opening))
        } else {
            diagnostics.append(.templateStrayCloseBraces(at: location))
        }
        var end = index + 2
        while end < characters.count, characters[end] == "}" { end += 1 }
        advance(to: end)
    }

    /// `}` right after a complete tag (`{{total}}}`): one brace or more too many. The tag that
    /// starts at `start` has just been read; the extra braces are reported and passed over.
    private mutating func extraCloseBraces(after start: Int) {
        var end = index
        while end < characters.count, characters[end] == "}" { end += 1 }
        guard end > index, let tag = tags.last else { return }
        diagnostics.append(.templateExtraCloseBrace(text(start, end), fixed: tag.raw, extra: end - index, at: location))
        advance(to: end)
    }

    /// A character of a name as a coordinator writes one inside a tag, sigils and spaces included.
    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "_-. #^/&".contains(character)
    }

    /// The index where `close` starts on the tag's line, before the next `{{`: a `{{` inside a tag
    /// means the tag was never closed, and its `}}` must not be taken from the tag after it.
    private func findClose(_ close: String, from start: Int) -> Int? {
        let close = Array(close)
        var i = start
        while i + close.count <= characters.count {
            if characters[i].isLineBreak { return nil }
            if characters[i] == "{", i + 1 < characters.count, characters[i + 1] == "{" { return nil }
            if characters[i..<(i + close.count)].elementsEqual(close) { return i }
            i += 1
        }
        return nil
    }

    private mutating func append(
        _ kind: TemplateTag.Kind, name: String, from start: Int, to end: Int, at location: SourceLocation, form: String = ""
    ) {
        tags.append(
            TemplateTag(
                kind: kind, name: name.trimmingSpaces, raw: text(start, end), location: location, form: form, range: start..<end))
        advance(to: end)
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(characters[start..<end])
    }

    /// The index where `needle` starts, from `start` on; with `sameLine`, not past a line end.
    private func find(_ needle: String, from start: Int, sameLine: Bool) -> Int? {
        let needle = Array(needle)
        var i = start
        while i + needle.count <= characters.count {
            if sameLine, characters[i].isLineBreak { return nil }
            if characters[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private mutating func advance(to target: Int) {
        while index < target {
            if characters[index].isLineBreak {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }
}

extension Character {
    /// `\n` or `\r\n`, the line ends Mustache counts.
    fileprivate var isLineBreak: Bool { self == "\n" || self == "\r\n" }
}

extension String {
    /// Without the spaces and tabs Mustache allows around a name (`{{ total }}`).
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
