import Foundation

/// Says in plain words what a YAML syntax error is, at the line the user must fix: libyaml
/// reports where it gave up, often the token after the mistake (the next line, a colon inside
/// a title), in its own terms.
///
/// Each explanation reads the text around the parser's position: a value with `: ` in it, a
/// line indented differently from the keys above it, a key without its colon, a `[` or `{` or
/// quote never closed. When none fits, the parser's message is kept alone.
struct YAMLSyntaxExplainer {
    /// What is wrong and where.
    struct Explanation: Equatable {
        var line: Int
        var column: Int
        var message: String
        var suggestion: String?
    }

    /// One line of the file as the indentation check sees it.
    private struct Line {
        var number: Int
        var indent: Int
        /// The text after the indentation, without a trailing comment.
        var content: String

        var isSequenceItem: Bool { content == "-" || content.hasPrefix("- ") }
        /// The key of `key: value` or `key:`, if the line (or the item after its dash) has one.
        var key: String? {
            let body = isSequenceItem ? String(content.dropFirst(1).drop { $0 == " " }) : content
            guard !body.hasPrefix("\""), !body.hasPrefix("'"), !body.hasPrefix("["), !body.hasPrefix("{") else { return nil }
            if body.hasSuffix(":") { return String(body.dropLast()) }
            return body.range(of: ": ").map { String(body[..<$0.lowerBound]) }
        }
        /// `key:` with nothing after it (or `- key:`, or `-`): the lines below, more indented, are its value.
        /// So with only an anchor or a tag after it (`movements: &baseline`, `- &item`), which
        /// name the value below rather than give one.
        var opensBlock: Bool {
            if content.hasSuffix(":") || content == "-" { return true }
            guard let range = content.range(of: ": ") ?? (isSequenceItem ? content.range(of: "- ") : nil) else { return false }
            let properties = content[range.upperBound...].split(separator: " ")
            return !properties.isEmpty && properties.allSatisfy { $0.hasPrefix("&") || $0.hasPrefix("!") }
        }
        /// `key: |` or `key: >`: the lines below, more indented, are text.
        var opensBlockScalar: Bool {
            guard let range = content.range(of: ": ") else { return false }
            let value = content[range.upperBound...].trimmingCharacters(in: .whitespaces)
            return value.first == "|" || value.first == ">"
        }
    }

    let lines: [String]

    init(text: YAMLSourceText) {
        lines = (1...max(1, text.lineCount)).map { number in
            guard number <= text.lineCount else { return "" }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text.scalars[text.lineStarts[number - 1]..<text.lineEnds[number - 1]])
            return String(view)
        }
    }

    init(lines: [String]) {
        self.lines = lines
    }

    /// The explanation of libyaml's `problem` at `line`:`column`, with its `context` (`while
    /// parsing a flow sequence`) at `contextLine`:`contextColumn`; nil when none fits.
    func explain(problem: String, line: Int, column: Int, context: String?, contextLine: Int, contextColumn: Int) -> Explanation? {
        let context = context ?? ""
        if context.contains("flow sequence") || context.contains("flow mapping") {
            let close = context.contains("sequence") ? "]" : "}"
            let open = close == "]" ? "[" : "{"
            return Explanation(line: contextLine, column: contextColumn,
                               message: "the '\(open)' on this line is never closed: end the \(close == "]" ? "list" : "mapping") with '\(close)' on the same line")
        }
        if context.contains("quoted scalar") {
            return Explanation(line: contextLine, column: contextColumn,
                               message: "the quote that starts here is never closed: end the text with the same quote")
        }
        if let quote = unclosedQuote(from: max(1, min(line, contextLine > 0 ? contextLine : line) - 1), to: line) { return quote }
        if let misindented = firstMisindentedLine(upTo: line) { return misindented }
        if problem.contains("mapping values are not allowed"), let quoted = colonInValue(line: line) { return quoted }
        if context.contains("simple key"), problem.contains("':'"), contextLine >= 1, contextLine <= lines.count {
            let text = lines[contextLine - 1]
            let indent = text.prefix { $0 == " " }.count
            let content = text.dropFirst(indent)
            if let space = content.firstIndex(of: " ") {
                let fixed = String(content[..<space]) + ":" + String(content[space...])
                return Explanation(line: contextLine, column: indent + 1, message: "this line has no ':' after its key", suggestion: fixed)
            }
            return Explanation(line: contextLine, column: indent + 1, message: "this line has no ':' after its key")
        }
        return nil
    }

    /// `en: "Mali — Flow Monitoring Report`: a double quote that opens a value and is not closed
    /// on its line (a quoted value over several lines is rare in a reports file, an unclosed
    /// quote common).
    private func unclosedQuote(from first: Int, to last: Int) -> Explanation? {
        guard first >= 1, first <= last, last <= lines.count else { return nil }
        for number in first...last {
            let text = lines[number - 1]
            guard let separator = text.range(of: ": \"") ?? text.range(of: "- \"") else { continue }
            let value = text[text.index(before: separator.upperBound)...]
            var escaped = false, quotes = 0
            for character in value {
                if escaped { escaped = false; continue }
                if character == "\\" { escaped = true; continue }
                if character == "\"" { quotes += 1 }
            }
            if quotes % 2 == 1 {
                let column = text.distance(from: text.startIndex, to: separator.upperBound)
                return Explanation(line: number, column: column, message: "the quote that starts here is not closed on its line: end the text with '\"'")
            }
        }
        return nil
    }

    /// `title: Gao: first quarter`: a plain value cannot hold `: `.
    private func colonInValue(line: Int) -> Explanation? {
        guard line >= 1, line <= lines.count else { return nil }
        let text = Self.withoutComment(lines[line - 1])
        let indent = text.prefix { $0 == " " }.count
        var content = Substring(text.dropFirst(indent))
        var dash = 0
        if content.hasPrefix("- ") {
            dash = 2
            content = content.dropFirst(2)
        }
        guard let separator = content.range(of: ": ") else { return nil }
        let key = content[..<separator.lowerBound]
        let value = content[separator.upperBound...].trimmingCharacters(in: .whitespaces)
        guard value.contains(": "), let first = value.first, !"\"'[{|>&*!".contains(first) else { return nil }
        let column = indent + dash + content.distance(from: content.startIndex, to: separator.upperBound) + 1
        let quoted = value.contains("\"") ? "'\(value.replacingOccurrences(of: "'", with: "''"))'" : "\"\(value)\""
        return Explanation(line: line, column: column, message: "a value containing ': ' must be in quotes",
                           suggestion: "\(key): \(quoted)")
    }

    /// The first line, up to `last` (and the one after it, where libyaml often stops), whose
    /// indentation fits none of the keys above it.
    private func firstMisindentedLine(upTo last: Int) -> Explanation? {
        var parsed: [Line] = []
        var blockScalarIndent: Int?
        for (offset, raw) in lines.prefix(min(lines.count, last + 1)).enumerated() {
            let text = Self.withoutComment(raw)
            let content = text.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") || content.hasPrefix("---") || content.hasPrefix("...") { continue }
            let indent = text.count - content.count
            if let scalarIndent = blockScalarIndent {
                if indent > scalarIndent { continue }
                blockScalarIndent = nil
            }
            // Flow collections over several lines are left to libyaml's own message.
            if content.filter({ $0 == "[" || $0 == "{" }).count != content.filter({ $0 == "]" || $0 == "}" }).count { return nil }
            let line = Line(number: offset + 1, indent: indent, content: String(content).trimmingCharacters(in: .whitespaces))
            if line.opensBlockScalar { blockScalarIndent = indent }
            parsed.append(line)
        }
        // The indentations open at each point: a mapping's keys, a list's dashes, and the keys
        // of a mapping that starts after a dash.
        var levels: [(indent: Int, line: Line)] = []
        var previous: Line?
        var beforePrevious: Line?
        for line in parsed {
            defer { beforePrevious = previous; previous = line }
            guard let above = previous else {
                levels = [(line.indent, line)]
                pushItemMapping(line, into: &levels)
                continue
            }
            if above.opensBlock, line.indent > (levels.last?.indent ?? -1) {
                levels.append((line.indent, line))
                pushItemMapping(line, into: &levels)
                continue
            }
            // A list may sit at the indentation of the key that holds it.
            if above.opensBlock, line.isSequenceItem, line.indent == above.indent {
                levels.append((line.indent, line))
                pushItemMapping(line, into: &levels)
                continue
            }
            if let top = levels.last, line.indent > top.indent {
                // A more indented line without a key continues a plain value over lines.
                guard line.key != nil || line.isSequenceItem else { continue }
                let extra = line.indent - top.indent
                let keyAbove = above.key ?? above.content
                var message = "this line is indented \(Self.spaces(extra)) more than '\(keyAbove)' above it, which already has a value: line it up with '\(keyAbove)'"
                // Two spaces more under the first key of a block: the width of a missing `- `.
                if extra == 2, !above.isSequenceItem, let parent = beforePrevious, parent.opensBlock, parent.indent < above.indent {
                    message += ", or, if '\(keyAbove)' starts a list item, write '- \(keyAbove)'"
                }
                return Explanation(line: line.number, column: line.indent + 1, message: message)
            }
            var popped: (indent: Int, line: Line)?
            while let top = levels.last, top.indent > line.indent { popped = levels.removeLast() }
            if let top = levels.last, top.indent == line.indent {
                // A dash where keys were, or keys where dashes were, is libyaml's to explain.
                levels[levels.count - 1].line = line
                pushItemMapping(line, into: &levels)
                continue
            }
            // Between two levels: nearer to which?
            let outer = levels.last
            let innerDistance = popped.map { $0.indent - line.indent } ?? Int.max
            let outerDistance = outer.map { line.indent - $0.indent } ?? Int.max
            let dashes = outer.map { line.isSequenceItem && $0.line.isSequenceItem && $0.line.indent == $0.indent } ?? false
            if let inner = popped, let outer, innerDistance == outerDistance, !dashes {
                return Explanation(line: line.number, column: line.indent + 1,
                                   message: "this line is indented \(Self.spaces(outerDistance)) more than \(Self.named(outer.line, at: outer.indent)) on line \(outer.line.number) and \(Self.spaces(innerDistance)) less than \(Self.named(inner.line, at: inner.indent)) on line \(inner.line.number): line it up with the keys it belongs with")
            }
            if let inner = popped, innerDistance < outerDistance, !dashes {
                return Explanation(line: line.number, column: line.indent + 1,
                                   message: "this line is indented \(Self.spaces(innerDistance)) less than \(Self.named(inner.line, at: inner.indent)) on line \(inner.line.number); the keys of one mapping must line up")
            }
            if let outer {
                let what = dashes ? "the list items" : "the keys"
                return Explanation(line: line.number, column: line.indent + 1,
                                   message: "this line is indented \(Self.spaces(outerDistance)) more than \(what) above it (\(Self.named(outer.line, at: outer.indent)), line \(outer.line.number))")
            }
            return nil
        }
        return nil
    }

    /// After `- key: value`, the item's mapping: its keys line up with `key`.
    private func pushItemMapping(_ line: Line, into levels: inout [(indent: Int, line: Line)]) {
        guard line.isSequenceItem, line.content != "-" else { return }
        let afterDash = line.content.dropFirst(1).prefix { $0 == " " }.count
        levels.append((line.indent + 1 + afterDash, line))
    }

    /// `'key'`, or `'- key'` for the dash of a list item (the level at the dash's indentation).
    private static func named(_ line: Line, at indent: Int) -> String {
        guard let key = line.key else { return "'\(line.content)'" }
        return line.isSequenceItem && indent == line.indent ? "'- \(key)'" : "'\(key)'"
    }

    private static func spaces(_ count: Int) -> String { count == 1 ? "1 space" : "\(count) spaces" }

    /// The line without a comment: a `#` after a space, outside quotes.
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var result = ""
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                if previous == " " || previous == ":" || previous == "[" || previous == "," || previous == "{" { quote = character }
            } else if character == "#", previous == " " || previous == "\t" {
                break
            }
            result.append(character)
            previous = character
        }
        while result.last == " " { result.removeLast() }
        return result
    }
}
