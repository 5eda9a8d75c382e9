/// Checks the P-code columns of a report's inputs against the P-code vocabulary and rewrites
/// them in its form, before the plugin runs.
///
/// A code is looked up trimmed, in either case and with either prefix (`MLI07`, `ml07`, `ML07`);
/// the plugin gets the vocabulary's code (`ML07`). The name column that goes with it gets the
/// vocabulary's name when the two differ only by accents or case (`Segou` becomes `Ségou`, with
/// a note); any other difference, an unknown code or a code of another admin level is an error.
/// Each distinct problem is reported once, on the first line where it occurs.
enum PCodeCheck {
    struct Outcome {
        var inputs: PluginInputs
        var diagnostics: [Diagnostic] = []
        var notes: [Note] = []
    }

    /// How many rewritten codes a note lists before counting the rest.
    static let codesListed = 5

    static func apply(to inputs: PluginInputs, description: PluginDescription, areas: AdminAreas) -> Outcome {
        var outcome = Outcome(inputs: inputs)
        var tables = inputs.tables
        for spec in description.inputs {
            guard var table = tables[spec.name] else { continue }
            for column in spec.columns {
                guard let pcode = column.pcode, case .texts(let codes) = table.columns[column.name] else { continue }
                var names: [String]?
                if let nameColumn = pcode.nameColumn, case .texts(let values) = table.columns[nameColumn] { names = values }
                var checkedCodes: [String: String?] = [:]
                var checkedNames: Set<String> = []
                var rewritten: [(from: String, to: String)] = []
                var newCodes = codes, newNames = names
                for row in 0..<table.rowCount {
                    let code = codes[row]
                    let at = SourceLocation(file: table.file, line: table.lines[row])
                    if checkedCodes[code] == nil {
                        checkedCodes[code] = check(code, column: column.name, level: pcode.level, areas: areas, at: at, into: &outcome)
                        if let found = checkedCodes[code]!, found != code { rewritten.append((code, found)) }
                    }
                    guard let found = checkedCodes[code]!, let area = areas.area(found) else { continue }
                    newCodes[row] = found
                    guard let nameColumn = pcode.nameColumn, let name = names?[row] else { continue }
                    let written = name.trimmingCharacters(in: .whitespaces)
                    if written == area.name {
                        newNames?[row] = area.name
                        continue
                    }
                    let pair = "\(found)\u{0}\(name)"
                    if written.foldedForComparison == area.name.foldedForComparison {
                        newNames?[row] = area.name
                        if checkedNames.insert(pair).inserted {
                            outcome.notes.append(.pcodeNameAsVocabulary(name, area: area, column: nameColumn, at: at))
                        }
                    } else if checkedNames.insert(pair).inserted {
                        outcome.diagnostics.append(.pcodeNameMismatch(name, area: area, column: nameColumn, at: at))
                    }
                }
                if !rewritten.isEmpty, let row = codes.indices.first(where: { codes[$0] == rewritten[0].from }) {
                    let listed = rewritten.prefix(codesListed).map { "\($0.from.trimmingCharacters(in: .whitespaces)) → \($0.to)" }
                    outcome.notes.append(.pcodesInVocabularyForm(listed, more: rewritten.count - listed.count, column: column.name,
                                                                 at: SourceLocation(file: table.file, line: table.lines[row])))
                }
                var columns = table.columns
                columns[column.name] = .texts(newCodes)
                if let nameColumn = pcode.nameColumn, let newNames { columns[nameColumn] = .texts(newNames) }
                table = InputTable(file: table.file, rowCount: table.rowCount, lines: table.lines, columns: columns,
                                   columnsFoundByHashtag: table.columnsFoundByHashtag)
            }
            tables[spec.name] = table
        }
        outcome.inputs = PluginInputs(tables)
        return outcome
    }

    /// The vocabulary's form of `code`, or nil after reporting why there is none.
    private static func check(_ code: String, column: String, level: Int, areas: AdminAreas, at location: SourceLocation,
                              into outcome: inout Outcome) -> String? {
        guard let area = areas.area(code) else {
            let nearest = Array(areas.nearest(to: code, limit: 40).filter { $0.level == level }.prefix(3))
            outcome.diagnostics.append(.pcodeUnknown(code, level: level, file: areas.file(for: code), nearest: nearest, column: column, at: location))
            return nil
        }
        guard area.level == level else {
            outcome.diagnostics.append(.pcodeWrongLevel(code, area: area, level: level, column: column, at: location))
            return nil
        }
        return area.code
    }
}
