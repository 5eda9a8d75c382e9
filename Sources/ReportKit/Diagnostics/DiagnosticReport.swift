/// The text a user sees for a failed validation: every diagnostic in file order, up to a
/// limit, then how many more there are and the total.
public enum DiagnosticReport {
    public static func text(_ list: DiagnosticList, limit: Int) -> String {
        let sorted = list.diagnostics.enumerated().sorted { lhs, rhs in
            // Located diagnostics in file order; the others (command-line ones) first, as found.
            switch (lhs.element.location, rhs.element.location) {
            case let (l?, r?): return l == r ? lhs.offset < rhs.offset : l < r
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return lhs.offset < rhs.offset
            }
        }.map(\.element)
        var lines = sorted.prefix(limit).map(\.description)
        if sorted.count > limit {
            lines.append("… and \(sorted.count - limit) more errors")
        }
        lines.append("\(sorted.count) error\(sorted.count == 1 ? "" : "s"); nothing was written")
        return lines.joined(separator: "\n") + "\n"
    }
}
