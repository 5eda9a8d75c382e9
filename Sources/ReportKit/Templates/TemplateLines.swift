/// Paragraphs written over several lines: what the host does to a template's text before
/// swift-mustache renders it, and to the rendered text after.
///
/// A coordinator may break a paragraph anywhere a space goes (one sentence a line, a long
/// sentence over two); the report has the paragraph on one line, as Markdown reads it: a line
/// break inside a paragraph is one space. A paragraph is a run of lines without a blank line.
/// Lines holding a single section tag (`{{#total_change}}`, `{{/uac}}`) or a comment are, as
/// Mustache says, standalone: they vanish with their line break and join nothing. Each other
/// line of a paragraph after the first is a continuation of the one before, unless:
///
/// - the line before ends with a backslash `\`: a line break kept in the report (the backslash
///   is dropped), as in Markdown; the lines after it continue one another, not the line before
///   it, even when the lines between render nothing;
/// - either line starts a Markdown block: a heading (`# …`), a table row (`| …`), a list item
///   (`- `, `* `, `+ `, `1. `) or a quote (`> `); such lines keep their own line.
///
/// The joins are made after rendering, since a section may leave either side empty: the host
/// marks each continuation line with `joinMark` at its start, where no section can swallow it,
/// and `joiningLines` turns a line break followed by the mark into one space, or into nothing
/// when the line before rendered empty. The text of a report never holds the mark (a
/// private-use character).
enum TemplateLines {
    /// Starts a continuation line in the text given to swift-mustache.
    static let joinMark: Unicode.Scalar = "\u{E000}"
    /// Ends a line whose break is kept (written with a backslash): a continuation after it
    /// starts a new line even when the lines between rendered nothing.
    static let keptBreakMark: Unicode.Scalar = "\u{E001}"

    /// The text swift-mustache renders for the coordinator's `text` in `language`: forms written
    /// out as sections (`TemplateForm`), continuation lines marked. `tags` are `text`'s tags.
    static func mustacheText(_ text: String, tags: [TemplateTag], language: Language) -> String {
        let characters = Array(text)
        let lines = self.lines(characters, tags: tags)
        var output = ""
        var previousContent: Line?
        for line in lines {
            if line.kind == .blank { previousContent = nil }
            var body = line.range
            if line.kind == .content {
                if let previous = previousContent, !previous.endsWithBackslash, !previous.startsBlock, !line.startsBlock {
                    output.unicodeScalars.append(joinMark)
                }
                if line.endsWithBackslash {
                    body = line.range.lowerBound..<line.backslash
                }
                previousContent = line
            }
            var position = body.lowerBound
            for tag in tags where tag.kind == .form && tag.range.lowerBound >= body.lowerBound && tag.range.upperBound <= body.upperBound {
                output += String(characters[position..<tag.range.lowerBound])
                if case .success(let form) = TemplateForm.parse(tag.form) {
                    output += form.mustache(for: tag.name, language: language)
                }
                position = tag.range.upperBound
            }
            output += String(characters[position..<body.upperBound])
            if line.kind == .content && line.endsWithBackslash { output.unicodeScalars.append(keptBreakMark) }
            output += String(characters[line.range.upperBound..<line.breakEnd])
        }
        return output
    }

    /// The rendered text with each marked line break made one space (see the type).
    static func joiningLines(_ rendered: String) -> String {
        let scalars = Array(rendered.unicodeScalars)
        var output = String.UnicodeScalarView()
        var lineHasText = false
        var pendingSpace = false
        var keptBreak = false
        var index = 0
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
        func skipBlanks(from start: Int) -> Int {
            var index = start
            while index < scalars.count, isBlank(scalars[index]) { index += 1 }
            return index
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == keptBreakMark {
                keptBreak = true
                index += 1
                continue
            }
            if scalar == "\n" && keptBreak {
                keptBreak = false
                pendingSpace = false
                output.append("\n")
                lineHasText = false
                index += 1
                continue
            }
            if scalar == "\n" {
                let next = skipBlanks(from: index + 1)
                if next < scalars.count, scalars[next] == joinMark {
                    if lineHasText {
                        while let last = output.last, isBlank(last) || last == "\r" { output.removeLast() }
                        pendingSpace = true
                    } else {
                        // The line before rendered empty (a section left nothing): keep its break.
                        output.append("\n")
                    }
                    index = skipBlanks(from: next + 1)
                    continue
                }
                pendingSpace = false
                output.append("\n")
                lineHasText = false
                index += 1
                continue
            }
            if scalar == joinMark {
                // A continuation whose paragraph rendered nothing before it.
                index = skipBlanks(from: index + 1)
                continue
            }
            if pendingSpace {
                if isBlank(scalar) {
                    index += 1
                    continue
                }
                output.append(" ")
                pendingSpace = false
            }
            output.append(scalar)
            if !isBlank(scalar) && scalar != "\r" { lineHasText = true }
            index += 1
        }
        return String(output)
    }

    // MARK: Lines

    struct Line {
        enum Kind { case blank, standalone, content }
        var kind: Kind
        /// The line without its break.
        var range: Range<Int>
        /// Past its line break (`range.upperBound` on the last line without one).
        var breakEnd: Int
        var endsWithBackslash = false
        /// Where the final backslash is, when `endsWithBackslash`.
        var backslash = 0
        var startsBlock = false
    }

    private static func lines(_ characters: [Character], tags: [TemplateTag]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var index = 0
        while index <= characters.count {
            if index == characters.count || characters[index] == "\n" || characters[index] == "\r\n" {
                let end = index
                let breakEnd = index == characters.count ? index : index + 1
                lines.append(classify(characters, start..<end, breakEnd: breakEnd, tags: tags))
                start = breakEnd
                if index == characters.count { break }
            }
            index += 1
        }
        return lines
    }

    private static func classify(_ characters: [Character], _ range: Range<Int>, breakEnd: Int, tags: [TemplateTag]) -> Line {
        var line = Line(kind: .content, range: range, breakEnd: breakEnd)
        let onLine = tags.filter {
            $0.range.lowerBound < max(range.upperBound, range.lowerBound + 1) && $0.range.upperBound > range.lowerBound
        }
        // A comment over several lines: its lines are left as they are and join nothing.
        if onLine.contains(where: { $0.range.lowerBound < range.lowerBound || $0.range.upperBound > range.upperBound }) {
            line.kind = .standalone
            return line
        }
        var outside = ""  // the line's text outside its tags
        var position = range.lowerBound
        for tag in onLine {
            outside += String(characters[position..<tag.range.lowerBound])
            position = tag.range.upperBound
        }
        outside += String(characters[position..<range.upperBound])
        let text = outside.filter { $0 != " " && $0 != "\t" }
        if text.isEmpty && onLine.isEmpty {
            line.kind = .blank
            return line
        }
        let silent: Set<TemplateTag.Kind> = [.section, .inverted, .close, .comment, .partial, .setDelimiter, .pragma, .inheritance]
        if text.isEmpty, onLine.count == 1, silent.contains(onLine[0].kind) {
            line.kind = .standalone
            return line
        }
        // Markdown blocks, read from the line as written.
        let written = String(characters[range]).drop { $0 == " " || $0 == "\t" }
        line.startsBlock =
            ["#", "|", "- ", "* ", "+ ", "> "].contains { written.hasPrefix($0) }
            || written.prefix { $0.isASCII && $0.isNumber }.count > 0
                && written.drop { $0.isASCII && $0.isNumber }.hasPrefix(". ")
        // A backslash at the end, outside any tag.
        var last = range.upperBound - 1
        while last >= range.lowerBound, characters[last] == " " || characters[last] == "\t" { last -= 1 }
        if last >= range.lowerBound, characters[last] == "\\", !onLine.contains(where: { $0.range.contains(last) }) {
            line.endsWithBackslash = true
            line.backslash = last
        }
        return line
    }
}
