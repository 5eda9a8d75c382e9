/// The checks a plugin's result must pass before anything is rendered: the facts and tables
/// its description declares, of the declared kinds and widths.
enum ResultContract {
    static func firstViolation(of result: ReportResult, against description: PluginDescription) -> String? {
        for spec in description.facts {
            guard let value = result.facts[spec.name] else {
                if spec.isOptional { continue }
                return "fact '\(spec.name)' is missing"
            }
            if value.kind != spec.kind { return "fact '\(spec.name)' is a \(value.kind.rawValue), declared \(spec.kind.rawValue)" }
        }
        for name in result.facts.keys.sorted() where description.fact(named: name) == nil {
            return "fact '\(name)' is not declared"
        }
        for spec in description.tables {
            guard let table = result.tables[spec.name] else { return "table '\(spec.name)' is missing" }
            if let row = table.rows.first(where: { $0.count != spec.columns.count }) {
                return "table '\(spec.name)' has a row of \(row.count) cells for \(spec.columns.count) columns"
            }
        }
        for name in result.tables.keys.sorted() where description.table(named: name) == nil {
            return "table '\(name)' is not declared"
        }
        return nil
    }
}
