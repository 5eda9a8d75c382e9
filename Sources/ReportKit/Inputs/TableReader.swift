import Foundation

/// Reads a table row by row (from a workbook's sheet or a CSV file read through the
/// tokenizer) onto a plugin's input: finds the table (`TableLocator`), resolves the mapping of
/// the definition (or the plugin's own column names and hashtags), filters, turns column
/// groups into rows, decodes every cell to its column's type, sums or refuses rows with the
/// same key, and hands batches to the aggregates. Memory: one batch, and with `same_key` one
/// row per distinct key.
final class TableReader {
    private enum Feed {
        case cell(Int)
        case constant(TypedValue)
    }

    let place: TablePlace
    let spec: InputSpec
    let mapping: InputMapping?
    let consumers: [InputConsumer]
    let uses1904: Bool?
    /// The P-codes `roll_up` follows to the parent areas; nil when the report has none.
    let areas: AdminAreas?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var notes: [String] = []
    private(set) var columnsFoundByHashtag: [HashtagMatch] = []

    private var pending: [SourceRow] = []
    private var resolved = false
    private var headerCellCount = 0
    /// The columns decoded, in the plugin's order.
    private var columns: [ColumnSpec] = []
    private var decoders: [CellDecoder] = []
    /// One plan per row made from each data row (one per group of `wide:`).
    private var plans: [(group: String?, feeds: [Feed])] = []
    private var filters: [(column: Int, values: Set<String>, label: String, matched: Set<String>)] = []
    private var keyIndexes: [Int] = []
    private var summed: [[TypedValue]: Int] = [:]
    private var summedRows: [([TypedValue], SourceRow)] = []
    private var builder: BatchBuilder
    private var aggregates: [any AggregateBox]
    private var rowsRead = 0, rowsKept = 0, rowsDropped = 0, emptyGroups = 0
    private(set) var rowsOut = 0
    /// Columns a workbook scanner may skip: those no feed or filter reads.
    private(set) var wantedColumns: [Bool]?
    /// The columns of `roll_up`: the index of the code and of its name (filled from the
    /// vocabulary when the mapping does not read it from the file) among `columns`, the level.
    private var rollUps: [(code: Int, name: Int?, level: Int, rolled: [String: AdminArea?], levels: [Int: Int])] = []
    /// Each plugin column read from one column of the file in every row, by index: where
    /// messages written after the reading (P-codes) find their cells.
    private(set) var cellColumns: [String: Int] = [:]

    init(place: TablePlace, spec: InputSpec, mapping: InputMapping?, consumers: [InputConsumer], uses1904: Bool?,
         areas: AdminAreas? = nil) {
        self.place = place
        self.spec = spec
        self.mapping = mapping
        self.consumers = consumers
        self.uses1904 = uses1904
        self.areas = areas
        let read = Set(consumers.flatMap(\.columns) + (mapping?.key?.map(\.value) ?? []))
        columns = spec.columns.filter { read.contains($0.name) }
        builder = BatchBuilder(columns: columns)
        aggregates = consumers.map { $0.makeAggregate() }
    }

    var isStopped: Bool { diagnostics.count > InputReader.maximumErrorsPerFile }

    /// Takes the next row of the file; false once reading should stop.
    func add(_ row: SourceRow) -> Bool {
        if row.isBlank { return true }
        if !resolved {
            pending.append(row)
            if pending.count < TableLocator.searchedRows, !TableLocator.isHashtagRow(row.cells) { return true }
            resolve()
            return !isStopped
        }
        read(row)
        return !isStopped
    }

    /// Ends the reading: the rows still waiting, the summed rows, the notes.
    func finish() -> Result<(aggregates: [any AggregateBox], rowCount: Int), DiagnosticList> {
        if !resolved {
            if pending.isEmpty {
                diagnostics.append(.emptyInputFile(expectedColumns: spec.columns.map(\.name), at: SourceLocation(file: place.name)))
                return .failure(DiagnosticList(diagnostics))
            }
            resolve()
        }
        if diagnostics.isEmpty {
            for (values, row) in summedRows { emit(values, line: row.number) }
        }
        flush()
        if !diagnostics.isEmpty { return .failure(DiagnosticList(diagnostics)) }
        writeNotes()
        aggregates.forEach { $0.finish() }
        return .success((aggregates, rowsOut))
    }

    // MARK: Finding the columns

    private func resolve() {
        resolved = true
        var found = TableLocator.locate(pending)
        if found.hashtags == nil {
            // Without hashtags, the header is the first row naming a column the plugin or the
            // mapping names (a title above it is skipped), else the first row.
            let wanted = Set(spec.columns.map(\.name) + (mapping.map(Self.headerNames) ?? []))
            if let index = pending.indices.first(where: { pending[$0].cells.contains { wanted.contains($0.trimmed) } }) {
                found = TableLocator.Found(header: index, hashtags: nil, firstData: index + 1)
            }
        }
        let header = found.header.map { pending[$0] }
        let tags = found.hashtags.map { pending[$0] }
        let names = (header?.cells ?? []).map(\.trimmed)
        let hashtagTexts = (tags?.cells ?? []).map(\.trimmed)
        let hashtags = hashtagTexts.map { HXLHashtag($0) }
        headerCellCount = max(names.count, hashtagTexts.count)
        let headerRow = header ?? tags ?? pending.first!
        if let first = found.header ?? found.hashtags, first > 0 {
            notes.append("\(place.name): note: table starts at \(place.sheet == nil ? "line" : "row") \(pending[first].number); \(first) row\(first == 1 ? "" : "s") above it skipped")
        }
        func shown(_ index: Int) -> String {
            let name = index < names.count ? names[index] : ""
            let tag = index < hashtagTexts.count ? hashtagTexts[index] : ""
            return [name.isEmpty ? nil : "'\(name)'", tag.isEmpty ? nil : tag].compactMap { $0 }.joined(separator: " ")
        }
        var wanted = [Bool](repeating: false, count: headerCellCount)

        /// The index of the file column `source` names, with an error when none or several do.
        func find(_ source: InputMapping.Source, for column: String) -> Int? {
            var matches: [Int]
            if let pattern = source.pattern {
                matches = hashtags.indices.filter { hashtags[$0].map(pattern.matches) ?? false }
            } else {
                let wantedName = CellValue.trim(source.text)
                matches = names.indices.filter { names[$0] == wantedName }
                if matches.isEmpty { matches = names.indices.filter { names[$0].lowercased() == wantedName.lowercased() } }
            }
            if matches.count > 1 {
                diagnostics.append(.mappedColumnAmbiguous(source.text, matches: matches.map { "\(columnName($0)) \(shown($0))" },
                                                          at: source.location, subject: source.keyPath))
                return nil
            }
            guard let index = matches.first else {
                let candidates = source.pattern != nil ? hashtagTexts.filter { !$0.isEmpty } : names.filter { !$0.isEmpty }
                let nearest = Suggestion.nearest(to: source.text, in: candidates)
                let close = candidates.filter { candidate in
                    candidate.lowercased().contains(source.text.lowercased().prefix(4)) && candidate != nearest
                }.prefix(3)
                diagnostics.append(.mappedColumnMissing(source.text, column: column, table: place.name, suggestion: nearest,
                                                        candidates: Array(close), at: source.location, subject: source.keyPath))
                return nil
            }
            if index < wanted.count { wanted[index] = true }
            return index
        }

        func columnName(_ index: Int) -> String {
            place.sheet == nil ? "column \(index + 1)" : "column \(columnLetters(index))"
        }

        // Each plugin column: from `columns:`, a constant, a group of `wide:`, or else by its own
        // name or hashtag as in the plugin's format; an optional column may be absent.
        var common: [String: Feed] = [:]
        // With `roll_up`, a code's name comes from the vocabulary unless `columns:` names it in
        // the file: a file of communes may have no column of region names.
        var namedByVocabulary: Set<String> = []
        if let mapping, areas != nil {
            for rolled in mapping.rollUp {
                guard let name = spec.columns.first(where: { $0.name == rolled.value })?.pcode?.nameColumn,
                      !mapping.columns.contains(where: { $0.column == name }) else { continue }
                namedByVocabulary.insert(name)
            }
        }
        for column in columns {
            if namedByVocabulary.contains(column.name) {
                common[column.name] = .constant(.none)
                notes.append("\(place.name): note: column '\(column.name)' written as the vocabulary names each rolled-up area")
            } else if let given = mapping?.columns.first(where: { $0.column == column.name }) {
                if let index = find(given.source, for: column.name) {
                    common[column.name] = .cell(index)
                    notes.append("\(place.name): note: column '\(column.name)' read from \(shown(index))")
                }
            } else if let constant = mapping?.values.first(where: { $0.column == column.name }) {
                if case .success(let value) = CellDecoder(column: column, dateFormat: mapping?.dateFormat?.value, uses1904: nil)
                    .decode(.text(constant.value.value), at: constant.value.location) {
                    common[column.name] = .constant(value)
                    notes.append("\(place.name): note: column '\(column.name)' set to '\(constant.value.value)' on every row")
                }
            } else if mapping?.wideKey?.value == column.name || mapping?.groups.contains(where: { $0.columns[column.name] != nil }) == true {
                continue
            } else if let index = names.firstIndex(of: column.name) {
                common[column.name] = .cell(index)
                if index < wanted.count { wanted[index] = true }
            } else if let tag = HXLHashtag(column.hxl), let index = hashtags.firstIndex(where: { $0 == tag }) {
                common[column.name] = .cell(index)
                if index < wanted.count { wanted[index] = true }
                columnsFoundByHashtag.append(HashtagMatch(file: place.name, column: column.name, header: index < names.count ? names[index] : "",
                                                          hashtag: hashtagTexts[index]))
            } else if column.type == .optionalCount || column.type == .optionalText {
                common[column.name] = .constant(.none)
                notes.append("\(place.name): note: column '\(column.name)' is not in the file: left empty")
            } else {
                diagnostics.append(.missingColumn(column.name, hashtag: column.hxl,
                                                  suggestion: Suggestion.nearest(to: column.name, in: names.filter { !$0.isEmpty }),
                                                  at: place.row(headerRow)))
            }
        }
        if let mapping, let wideKey = mapping.wideKey {
            for group in mapping.groups {
                var feeds: [Feed] = []
                for column in columns {
                    if column.name == wideKey.value {
                        feeds.append(.constant(.text(group.value.value)))
                    } else if let source = group.columns[column.name] {
                        if let index = find(source, for: column.name) {
                            feeds.append(.cell(index))
                            notes.append("\(place.name): note: column '\(column.name)' of \(wideKey.value) '\(group.value.value)' read from \(shown(index))")
                        } else {
                            feeds.append(.constant(.none))
                        }
                    } else {
                        feeds.append(common[column.name] ?? .constant(.none))
                    }
                }
                plans.append((group.value.value, feeds))
            }
        } else {
            plans = [(nil, columns.map { common[$0.name] ?? .constant(.none) })]
        }
        for (source, values) in mapping?.keep ?? [] {
            if let index = find(source, for: "keep") {
                filters.append((index, Set(values), "\(source.text) = \(values.joined(separator: " or "))", []))
            }
        }
        if let key = mapping?.key {
            keyIndexes = key.compactMap { name in columns.firstIndex { $0.name == name.value } }
        } else {
            keyIndexes = columns.indices.filter { !columns[$0].type.isNumber }
        }
        decoders = columns.map { CellDecoder(column: $0, dateFormat: mapping?.dateFormat?.value, uses1904: uses1904) }
        if let mapping, areas != nil {
            for rolled in mapping.rollUp {
                guard let index = columns.firstIndex(where: { $0.name == rolled.value }), let pcode = columns[index].pcode else { continue }
                rollUps.append((index, pcode.nameColumn.flatMap { name in columns.firstIndex { $0.name == name } }, pcode.level, [:], [:]))
            }
        }
        for (index, column) in columns.enumerated() {
            let cells = Set(plans.map { plan -> Int? in
                if case .cell(let cell) = plan.feeds[index] { return cell }
                return nil
            })
            if cells.count == 1, let cell = cells.first ?? nil { cellColumns[column.name] = cell }
        }
        wantedColumns = wanted
        let rows = pending.dropFirst(found.firstData)
        pending = []
        guard diagnostics.isEmpty else { return }
        for row in rows { read(row) }
    }

    /// The header names (not hashtag patterns) a mapping refers to.
    private static func headerNames(_ mapping: InputMapping) -> [String] {
        let sources = mapping.columns.map(\.source) + mapping.groups.flatMap { $0.columns.values } + mapping.keep.map(\.source)
        return sources.filter { $0.pattern == nil }.map { CellValue.trim($0.text) }
    }

    // MARK: Rows

    private func read(_ row: SourceRow) {
        rowsRead += 1
        if place.sheet == nil, headerCellCount > 0, row.cells.count != headerCellCount {
            diagnostics.append(.wrongCellCount(row.cells.count, expected: headerCellCount, at: place.row(row)))
            return
        }
        for index in filters.indices {
            let value = filters[index].column < row.cells.count ? row.cells[filters[index].column].trimmed : ""
            guard filters[index].values.contains(value) else {
                rowsDropped += 1
                return
            }
            filters[index].matched.insert(value)
        }
        rowsKept += 1
        plans: for plan in plans {
            var values: [TypedValue] = []
            values.reserveCapacity(columns.count)
            if plan.group != nil {
                // A group whose cells are all empty (no returnees in this commune) makes no row.
                let cells = plan.feeds.compactMap { feed -> CellValue? in
                    if case .cell(let index) = feed { return index < row.cells.count ? row.cells[index] : .empty }
                    return nil
                }
                let groupCells = zip(columns, plan.feeds).filter { column, feed in
                    if case .cell = feed, mapping?.groups.first?.columns[column.name] != nil { return true }
                    return false
                }
                if !groupCells.isEmpty, groupCells.allSatisfy({ _, feed in
                    if case .cell(let index) = feed { return index >= row.cells.count || row.cells[index].isEmpty }
                    return true
                }) {
                    _ = cells
                    emptyGroups += 1
                    continue plans
                }
            }
            var valid = true
            for (index, feed) in plan.feeds.enumerated() {
                switch feed {
                case .constant(let value):
                    values.append(value)
                case .cell(let cellIndex):
                    let cell = cellIndex < row.cells.count ? row.cells[cellIndex] : .empty
                    switch decoders[index].decode(cell, at: self.place.cell(cellIndex, of: row)) {
                    case .success(let value): values.append(value)
                    case .failure(let diagnostic):
                        diagnostics.append(diagnostic)
                        values.append(.none)
                        valid = false
                    }
                }
            }
            guard valid else { continue }
            if !rollUps.isEmpty, !rollUp(&values, plan: plan.feeds, row: row) { continue }
            if let sameKey = mapping?.rowsWithSameKey {
                let key = keyIndexes.map { values[$0] }
                if let existing = summed[key] {
                    if sameKey == .refuse {
                        let shownKey = keyIndexes.map { "\(columns[$0].name) \(values[$0].shown)" }.joined(separator: ", ")
                        diagnostics.append(.sameKeyRefused(shownKey, firstRow: place.row(summedRows[existing].1), at: place.row(row)))
                        continue
                    }
                    var total = summedRows[existing].0
                    for index in columns.indices {
                        switch (columns[index].type, total[index], values[index]) {
                        case (.count, .count(let a), .count(let b)), (.decimal, .count(let a), .count(let b)): total[index] = .count(a + b)
                        case (.optionalCount, .count(let a), .count(let b)): total[index] = .count(a + b)
                        case (.optionalCount, _, _): total[index] = .none
                        default: break
                        }
                    }
                    summedRows[existing].0 = total
                } else {
                    summed[key] = summedRows.count
                    summedRows.append((values, row))
                }
            } else {
                emit(values, line: row.number)
            }
        }
    }

    /// Puts each code of a `roll_up` column in its ancestor at the column's level (and its name
    /// beside it); false, after an error at the cell the first time a code is met, when the
    /// code cannot be placed.
    private func rollUp(_ values: inout [TypedValue], plan feeds: [Feed], row: SourceRow) -> Bool {
        guard let areas else { return true }
        for index in rollUps.indices {
            let (codeIndex, nameIndex, level) = (rollUps[index].code, rollUps[index].name, rollUps[index].level)
            guard case .text(let code) = values[codeIndex] else { continue }
            let ancestor: AdminArea?
            if let known = rollUps[index].rolled[code] {
                ancestor = known
            } else {
                let column = columns[codeIndex].name
                let at: SourceLocation
                if case .cell(let cell) = feeds[codeIndex] { at = place.cell(cell, of: row) } else { at = place.row(row) }
                switch Self.ancestor(of: code, level: level, in: areas) {
                case .success(let found):
                    ancestor = found
                    if let area = areas.area(code) { rollUps[index].levels[area.level, default: 0] += 1 }
                case .failure(.unknown):
                    ancestor = nil
                    // A code below the column's level is what roll_up expects: the nearest such,
                    // those of the same parent first (`ML0699` is nearer `ML0602` than `ML0101`).
                    let written = areas.writtenAsVocabulary(code)
                    let nearest = areas.nearest(to: code, limit: 40).filter { $0.level > level }
                        .map { (Suggestion.editDistance(written, $0.code), -written.commonPrefix(with: $0.code).count, $0) }
                        .sorted { ($0.0, $0.1, $0.2.code) < ($1.0, $1.1, $1.2.code) }
                        .prefix(3).map(\.2)
                    diagnostics.append(.pcodeRollUpUnknown(code, level: level, file: areas.file(for: code), nearest: Array(nearest), column: column,
                                                           at: at))
                case .failure(.noParent(let area)):
                    ancestor = nil
                    diagnostics.append(.pcodeRollUpNoParent(area, level: level, column: column, at: at))
                case .failure(.above(let area)):
                    ancestor = nil
                    diagnostics.append(.pcodeRollUpAbove(code, area: area, level: level, column: column, at: at))
                }
                rollUps[index].rolled[code] = .some(ancestor)
            }
            guard let ancestor else { return false }
            values[codeIndex] = .text(ancestor.code)
            if let nameIndex, mapping?.columns.contains(where: { $0.column == columns[nameIndex].name }) != true {
                values[nameIndex] = .text(ancestor.name)
            }
        }
        return true
    }

    enum RollUpProblem: Error {
        case unknown
        case noParent(AdminArea)
        case above(AdminArea)
    }

    /// The area of `level` that holds the area `code` names, by the vocabulary's parent codes.
    static func ancestor(of code: String, level: Int, in areas: AdminAreas) -> Result<AdminArea, RollUpProblem> {
        guard var area = areas.area(code) else { return .failure(.unknown) }
        guard area.level >= level else { return .failure(.above(area)) }
        while area.level > level {
            guard let parent = areas.area(area.parent), parent.level < area.level else { return .failure(.noParent(area)) }
            area = parent
        }
        return area.level == level ? .success(area) : .failure(.noParent(area))
    }

    private func emit(_ values: [TypedValue], line: Int) {
        builder.append(values, line: line)
        rowsOut += 1
        if builder.count == InputScan.batchSize { flush() }
    }

    private func flush() {
        guard builder.count > 0 else { return }
        var batch = builder.take(file: place.file)
        guard diagnostics.isEmpty else { return }
        for (consumer, aggregate) in zip(consumers, aggregates) {
            batch.input = consumer.input
            aggregate.add(batch)
        }
    }

    private func writeNotes() {
        guard let mapping else { return }
        if !filters.isEmpty {
            notes.append("\(place.name): note: kept \(rowsKept) of \(rowsRead) rows; \(rowsDropped) dropped by keep: \(filters.map(\.label).joined(separator: ", "))")
            for filter in filters {
                for value in filter.values.subtracting(filter.matched).sorted() {
                    notes.append("\(place.name): note: keep: no row has '\(value)' (\(filter.label))")
                }
            }
        }
        if mapping.wideKey != nil {
            notes.append("\(place.name): note: \(rowsKept) rows became \(rowsKept * plans.count - emptyGroups) rows of \(mapping.wideKey!.value)"
                         + (emptyGroups > 0 ? "; \(emptyGroups) empty group\(emptyGroups == 1 ? "" : "s") skipped" : ""))
        }
        for rolled in rollUps where !rolled.levels.isEmpty {
            let codes = rolled.rolled.values.compactMap { $0 }.map(\.code)
            let levels = rolled.levels.keys.sorted().map { "\(rolled.levels[$0]!) of admin \($0)" }.joined(separator: ", ")
            let total = rolled.levels.values.reduce(0, +)
            notes.append("\(place.name): note: column '\(columns[rolled.code].name)' rolled up to admin \(rolled.level): \(total) code\(total == 1 ? "" : "s") (\(levels)) read as \(Set(codes).count) area\(Set(codes).count == 1 ? "" : "s") (roll_up)")
        }
        if mapping.rowsWithSameKey == .sum {
            let keyNames = keyIndexes.map { columns[$0].name }.joined(separator: ", ")
            notes.append("\(place.name): note: summed into \(summedRows.count) rows, one per \(keyNames) (\(mapping.sameKey == nil ? "roll_up" : "same_key: sum"))")
        }
    }
}
