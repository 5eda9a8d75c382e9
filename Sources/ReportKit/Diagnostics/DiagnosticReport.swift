/// The text a user sees for a failed validation: every diagnostic in file order, up to a
/// limit, each with the line it points at and a caret under the column (as compilers and dbt
/// show them), then how many more there are and the total.
public enum DiagnosticReport {
    /// - Parameter sourceLine: the text of a line of a file named in a diagnostic, or nil when
    ///   it cannot be shown (a file too large to read again, a line too long to be useful).
    public static func text(_ list: DiagnosticList, limit: Int, sourceLine: (_ file: String, _ line: Int) -> String? = { _, _ in nil }) -> String {
        let sorted = list.diagnostics.enumerated().sorted { lhs, rhs in
            // Located diagnostics in file order; the others (command-line ones) first, as found.
            switch (lhs.element.location, rhs.element.location) {
            case let (l?, r?): return l == r ? lhs.offset < rhs.offset : l < r
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return lhs.offset < rhs.offset
            }
        }.map(\.element)
        var lines: [String] = []
        for diagnostic in sorted.prefix(limit) {
            lines.append(diagnostic.description)
            if let location = diagnostic.location, !location.isSheetCell, location.line > 0, location.column > 0,
               let source = sourceLine(location.file, location.line), location.column <= source.count + 1 {
                // A long line (a template paragraph) is shown as a window around the column.
                let skipped = source.count > 120 ? max(0, location.column - 60) : 0
                let shown = (skipped > 0 ? "…" : "") + String(source.dropFirst(skipped).prefix(110)) + (source.count - skipped > 110 ? "…" : "")
                let column = location.column - skipped + (skipped > 0 ? 1 : 0)
                let firstBefore = max(1, location.line - diagnostic.linesBefore)
                for number in firstBefore..<location.line {
                    guard let before = sourceLine(location.file, number) else { continue }
                    lines.append("  " + String(before.prefix(110)) + (before.count > 110 ? "…" : ""))
                }
                lines.append("  " + shown)
                // Tabs stay tabs so that the caret lines up however the terminal shows them.
                let indent = shown.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                lines.append("  " + indent + "^")
            }
            if let note = diagnostic.note { lines.append(note) }
        }
        if sorted.count > limit {
            lines.append("… and \(sorted.count - limit) more errors")
        }
        lines.append("\(sorted.count) error\(sorted.count == 1 ? "" : "s"); nothing was written")
        return lines.joined(separator: "\n") + "\n"
    }
}
