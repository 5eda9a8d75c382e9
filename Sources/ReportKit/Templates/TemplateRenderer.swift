import Mustache

/// A coordinator's template, parsed once and rendered for each language.
///
/// Templates are plain text: swift-mustache escapes HTML unless a template starts with the
/// `{{% CONTENT_TYPE: TEXT}}` pragma, so the host puts that pragma, and a line break, in front
/// of the coordinator's text itself. The pragma stands alone on its line, and Mustache drops a
/// standalone tag's line entirely, so it adds nothing to the output; line numbers of parser
/// errors are moved back by that one line so that they point into the coordinator's file.
///
/// Before parsing, the host writes out the forms (`{{total | # person / # people}}`, see
/// `TemplateForm`) as the sections they stand for, in each language, and marks the lines that
/// continue a paragraph (`TemplateLines`), joined after rendering.
public struct CompiledTemplate: Sendable {
    /// The path of the template, as the user should read it.
    public let file: String
    private let templates: [Language: MustacheTemplate]

    /// What the host puts in front of every template (see the type's documentation).
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    /// Parses `text`, the template at `file`, for each of `languages` (a report's template is
    /// rendered in its own language only; parsing is most of what a template costs); throws
    /// its syntax problems (unknown names are `TemplateChecker`'s job, which needs the plugin's
    /// facts).
    public init(text: String, file: String, languages: [Language] = Language.allCases) throws(DiagnosticList) {
        let problems = TemplateChecker.syntaxDiagnostics(text, file: file)
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let tags = TemplateScanner(text: text, file: file).tags
        var templates: [Language: MustacheTemplate] = [:]
        for language in languages {
            do {
                templates[language] = try MustacheTemplate(
                    string: Self.textPragma + TemplateLines.mustacheText(text, tags: tags, language: language))
            } catch {
                throw DiagnosticList([Self.diagnostic(for: error, file: file)])
            }
        }
        self.templates = templates
        self.file = file
    }

    /// The report text for `facts` in `language`. It ends with exactly one line break: trailing
    /// white space and blank lines left by the template are dropped, so that every output file
    /// ends the same way whatever the coordinator's editor does at the end of a file.
    public func render(_ facts: [String: FactValue], language: Language) -> String {
        guard let template = templates[language] else { preconditionFailure("\(file) was not compiled for \(language.rawValue)") }
        let context = FactRenderer(language: language).context(facts)
        var text = Substring(TemplateLines.joiningLines(template.render(context)))
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text + "\n"
    }

    /// swift-mustache's parse error for `text`, if any, located in the coordinator's file.
    static func parserDiagnostic(_ text: String, file: String) -> Diagnostic? {
        // Each form as a comment of the same length (`{{!otal | # person / # people}}`): the
        // forms are the checker's, and every other tag keeps its column.
        var characters = Array(text)
        for tag in TemplateScanner(text: text, file: file).tags where tag.kind == .form {
            characters[tag.range.lowerBound + 2] = "!"
        }
        do {
            _ = try MustacheTemplate(string: textPragma + String(characters))
            return nil
        } catch {
            return diagnostic(for: error, file: file)
        }
    }

    private static func diagnostic(for error: any Error, file: String) -> Diagnostic {
        guard let parserError = error as? MustacheTemplate.ParserError else {
            return .templateParserError(error, at: SourceLocation(file: file))
        }
        // One line less: the pragma's line comes before the coordinator's first line.
        let context = parserError.context
        let location = SourceLocation(file: file, line: max(1, context.lineNumber - 1), column: context.columnNumber)
        return .templateParserError(parserError.error, at: location)
    }
}
