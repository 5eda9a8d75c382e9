/// A place in a file the user wrote: a configuration file, a template or an input.
///
/// `file` is the path as the user should read it: relative to the folder of `reports.yaml`
/// when the file is inside it, so that messages and outputs never carry machine paths.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    /// 1-based line; 0 when only the file is known.
    public var line: Int
    /// 1-based column, counted in Unicode scalars; 0 when only the line is known.
    public var column: Int
    /// A place in a workbook's sheet: `file` is `book.xlsx[Sheet]`, `line` the row and
    /// `column` the column (1 for A), shown as Excel writes them: `book.xlsx[Sheet]!D12`, or
    /// `book.xlsx[Sheet]!12:12` for a whole row. Rows and columns sort as numbers.
    public var isSheetCell = false

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        if isSheetCell, line > 0 { return column > 0 ? "\(file)!\(columnLetters(column - 1))\(line)" : "\(file)!\(line):\(line)" }
        return switch (line, column) {
        case (0, _): file
        case (_, 0): "\(file):\(line)"
        default: "\(file):\(line):\(column)"
        }
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found in the user's configuration, templates or data.
///
/// Rendered as `file:line:column: error: subject: message (did you mean 'x'?)`, the format
/// compilers use, so that editors and terminals turn it into a link. The message texts
/// themselves are built in one place, the `Messages+*.swift` files beside this one.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation?
    /// What the message is about: a key path (`reports[2].params.windw`) or a column
    /// (`column 'date'`). Empty when the location says it all.
    public var subject: String
    public var message: String
    /// A replacement the user probably meant, shown as `(did you mean 'x'?)`.
    public var suggestion: String?
    /// A second line printed under the source line: more detail for those who want it (the
    /// YAML parser's own words), as a compiler's `note:`.
    public var note: String?
    /// How many lines before the one pointed at are shown with it, for a mistake whose cause
    /// may be on a line above (an indentation).
    public var linesBefore = 0

    public init(_ message: String, at location: SourceLocation? = nil, subject: String = "", suggestion: String? = nil) {
        self.location = location
        self.subject = subject
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "error: "
        if !subject.isEmpty { text += "\(subject): " }
        text += message
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        return text
    }
}

/// Every problem a validation pass found. A run collects them all before it stops, so that a
/// coordinator fixes a file once rather than once per error.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics during a validation pass.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var isEmpty: Bool { diagnostics.isEmpty }

    public mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func add(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// Runs `body`; what it throws is collected instead of propagated. Returns nil when
    /// something was collected.
    public mutating func collecting<T>(_ body: () throws(DiagnosticList) -> T) -> T? {
        do {
            return try body()
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Runs `body`; the diagnostic it throws is collected instead of propagated.
    public mutating func collecting<T>(_ body: () throws(Diagnostic) -> T) -> T? {
        do {
            return try body()
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// Throws the collected diagnostics, if any.
    public func check() throws(DiagnosticList) {
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
    }
}
