import Mustache

/// The layout of a page (`templates/page.html`), a Mustache template a coordinator edits.
///
/// It is checked as the text templates are, with the same messages and positions: an unknown
/// placeholder (with the nearest name), a section never closed. Unlike the text templates it
/// is HTML: `{{title}}` is escaped, and the parts the host builds as HTML (`{{{text}}}`,
/// `{{{charts}}}`, `{{{tables}}}`) are printed with three braces. Every key of
/// `page-words.csv` is a placeholder too (`{{tables_heading}}`).
public struct PageTemplate: Sendable {
    public let file: String
    private let template: MustacheTemplate

    /// What the host gives every page; the words' keys come on top.
    static func placeholders(words: [String]) -> [FactSpec] {
        [
            FactSpec("lang", .label, "The page's language code (`en`), for `<html lang>`."),
            FactSpec("title", .label, "The report's title (the month's index: its own title)."),
            FactSpec("period", .label, "The month of the report, in the language (`April 2017`)."),
            FactSpec("text", .label, "The report's text, from its Markdown, as HTML: print with three braces."),
            FactSpec("charts", .label, "The charts, as HTML with SVG: print with three braces. Empty when there are none.", optional: true),
            FactSpec("tables", .label, "The report's tables, as HTML: print with three braces. Empty on the index.", optional: true),
            FactSpec("other_language", .label, "The other language's name, in itself (`Français`).", optional: true),
            FactSpec("other_language_lang", .label, "The other language's code (`fr`).", optional: true),
            FactSpec("other_language_link", .label, "The page in the other language (`report.fr.html`).", optional: true),
            FactSpec("index_link", .label, "The month's index in this language (`../index.en.html`); absent on the index.", optional: true),
        ] + words.map { FactSpec($0, .label, "A word of page-words.csv.") }
    }

    /// Checks and parses `text`, the template at `file`.
    init(text: String, file: String, words: [String]) throws(DiagnosticList) {
        let problems = TemplateChecker.check(text, file: file, facts: Self.placeholders(words: words))
        if !problems.isEmpty { throw DiagnosticList(problems) }
        do {
            template = try MustacheTemplate(string: text)
        } catch {
            throw DiagnosticList([.templateParserError(error, at: SourceLocation(file: file))])
        }
        self.file = file
    }

    /// The page: Mustache escapes every `{{value}}` for HTML.
    func render(_ values: [String: String]) -> String {
        template.render(values)
    }
}
