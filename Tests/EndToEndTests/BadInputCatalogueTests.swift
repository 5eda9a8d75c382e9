import Foundation
import Testing
import TestSupport

/// The catalogue of bad inputs: each case breaks one thing in a copy of the shipped project
/// (reports.yaml, the sample data, the templates) where an earlier run already wrote `out/`,
/// runs the real binary, and checks that the run names the problem exactly, exits non-zero,
/// prints nothing on stdout and leaves the earlier outputs byte for byte as they were.
///
/// The lines compared are the `file:line:column: error: …` lines and the count that ends them;
/// the source line and caret printed under each are left out (DiagnosticReportTests covers them).
@Suite struct BadInputCatalogueTests {
    @Test(arguments: BadInput.catalogue)
    func isRefusedClearlyAndWritesNothing(_ input: BadInput) throws {
        let snapshot = try EarlierRun.shared.get()
        let project = try snapshot.copy()
        // The copies hold generated inputs of up to 10 MB: remove each when its case is done.
        defer { try? FileManager.default.removeItem(at: project.folder.url) }
        try input.mutate(project)
        let outcome = try DTMReportBinary.run(input.arguments, in: project.folder.url)
        #expect(outcome.status == input.status, Comment(rawValue: outcome.stderr))
        #expect(outcome.stdout.isEmpty)
        #expect(input.shownLines(of: outcome.stderr) == input.expectedLines)
        #expect(Golden.files(in: project.folder.url.appendingPathComponent("out")) == snapshot.outputs,
                "the earlier outputs changed")
    }

    @Test func theCatalogueCoversEveryKindOfInput() {
        #expect(BadInput.catalogue.count >= 60)
        #expect(Set(BadInput.catalogue.map(\.name)).count == BadInput.catalogue.count, "two cases share a name")
        for kind in BadInput.Kind.allCases {
            #expect(BadInput.catalogue.contains { $0.kind == kind }, "no case of kind \(kind)")
        }
    }
}

// MARK: - The project a case breaks

/// A copy of the project after one successful run, and the outputs that run wrote.
struct EarlierRun: Sendable {
    let folder: TemporaryFolder
    let outputs: [String: [UInt8]]

    /// Made once for the whole catalogue: one real run on the shipped files.
    static let shared: Result<EarlierRun, any Error> = Result(catching: {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        let outcome = try DTMReportBinary.run(["run", "--period", "2017-04"], in: folder.url)
        guard outcome.status == 0 else { throw CatalogueError("the earlier run failed:\n\(outcome.stderr)") }
        return EarlierRun(folder: folder, outputs: Golden.files(in: folder.url.appendingPathComponent("out")))
    })

    /// A fresh copy of the project, earlier outputs included, for one case to break.
    func copy() throws -> Project {
        let copy = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) {
            try FileManager.default.copyItem(at: folder.url.appendingPathComponent(name), to: copy.url.appendingPathComponent(name))
        }
        return Project(folder: copy)
    }
}

struct CatalogueError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The edits a case makes, each failing loudly when the text it changes is not there, so that a
/// case cannot pass because the shipped files changed under it.
struct Project {
    let folder: TemporaryFolder

    func url(_ path: String) -> URL { folder.url.appendingPathComponent(path) }

    func text(_ path: String) throws -> String {
        guard let text = folder.read(path) else { throw CatalogueError("no file \(path)") }
        return text
    }

    /// Replaces the first occurrence of `old` in the file at `path`.
    func replace(_ old: String, with new: String, in path: String = "reports.yaml") throws {
        let text = try text(path)
        guard let range = text.range(of: old) else { throw CatalogueError("\(path) has no '\(old)'") }
        try folder.write(text.replacingCharacters(in: range, with: new), to: path)
    }

    /// Replaces the first occurrence of `old` with raw bytes (for text that is not UTF-8).
    func replace(_ old: String, withBytes new: [UInt8], in path: String) throws {
        let bytes = Array(try text(path).utf8), pattern = Array(old.utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: pattern) }) else {
            throw CatalogueError("\(path) has no '\(old)'")
        }
        try folder.write(Array(bytes[..<start]) + new + Array(bytes[(start + pattern.count)...]), to: path)
    }

    /// Replaces the header and the rows of a CSV file, keeping nothing of the original.
    func write(_ text: String, to path: String) throws {
        try folder.write(text, to: path)
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        try folder.write(bytes, to: path)
    }

    /// Appends a row (or any text) at the end of a file.
    func append(_ text: String, to path: String) throws {
        try folder.write(try self.text(path) + text, to: path)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    func link(_ path: String, to destination: URL) throws {
        try FileManager.default.createSymbolicLink(at: url(path), withDestinationURL: destination)
    }

    /// A file of `size` bytes without writing them: the loader must refuse it by its size alone.
    func sparseFile(_ path: String, size: UInt64) throws {
        FileManager.default.createFile(atPath: url(path).path, contents: nil)
        let handle = try FileHandle(forWritingTo: url(path))
        try handle.truncate(atOffset: size)
        try handle.close()
    }
}

// MARK: - The cases

/// One bad input: how it breaks the project, and what the run must say.
struct BadInput: Sendable, CustomTestStringConvertible {
    enum Kind: CaseIterable, Sendable { case yaml, csv, template, fileSystem, commandLine }

    let kind: Kind
    let name: String
    let mutate: @Sendable (Project) throws -> Void
    /// The error lines, in the order printed, without the final count.
    let errors: [String]
    /// The number of errors the final line counts, when more are found than printed.
    var total: Int? = nil
    var arguments = ["run", "--period", "2017-04"]
    var status: Int32 = 1

    var testDescription: String { name }

    /// The lines the comparison keeps: every line but the source lines and carets (indented by
    /// two spaces); for a usage error, its first line.
    func shownLines(of stderr: String) -> [String] {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        if status == 64 { return Array(lines.prefix(1)) }
        return lines.filter { !$0.hasPrefix("  ") }
    }

    /// A usage error, and a run that stopped for another (75), print their line without a count.
    var expectedLines: [String] {
        // A note (`file:line:column: note: …`) explains the error above it and is not counted.
        let count = total ?? errors.filter { !$0.contains(": note: ") }.count
        return status == 64 || status == 75 ? errors : errors + ["\(count) error\(count == 1 ? "" : "s"); nothing was written"]
    }

    static let movements = "data/sample/population_movements.csv"
    static let observations = "data/sample/fmp_observations.csv"
    static let events = "data/sample/displacement_events.csv"
    static let poes = "data/sample/poe_status.csv"
    static let movementsRow = "2017-04-30,ML06,Tombouctou,returnees,21679,3871"
    static let observationsRow = "2016-06-30,BEN-01,Benena,ML04,Ségou,incoming,CIV,MLI,NER,car,10,0,1,0,"
    static let eventsRow = "MLI-2016-042,2016-09-14,2016-09-20,2016-09-23,ML06,Goundam|Tonka,Goundam|Tombouctou,940,171,true,insecurity"
    static let poesRow = "2020-03-26,MLI-POE-002,Kayes,airport,ML01,,fully_closed,entry_ban"
    static let englishSummary = "templates/returnee-movements/summary.en.md"

    static func yaml(_ name: String, _ mutate: @escaping @Sendable (Project) throws -> Void, _ errors: [String]) -> BadInput {
        BadInput(kind: .yaml, name: name, mutate: mutate, errors: errors)
    }

    static func csv(_ name: String, _ mutate: @escaping @Sendable (Project) throws -> Void, _ errors: [String], total: Int? = nil) -> BadInput {
        BadInput(kind: .csv, name: name, mutate: mutate, errors: errors, total: total)
    }

    static func template(_ name: String, _ mutate: @escaping @Sendable (Project) throws -> Void, _ errors: [String]) -> BadInput {
        BadInput(kind: .template, name: name, mutate: mutate, errors: errors)
    }

    static func fileSystem(_ name: String, _ mutate: @escaping @Sendable (Project) throws -> Void, _ errors: [String]) -> BadInput {
        BadInput(kind: .fileSystem, name: name, mutate: mutate, errors: errors)
    }

    static let catalogue: [BadInput] = yamlCases + csvCases + templateCases + templateFormCases + fileSystemCases + commandLineCases + outputCases + coordinatorCases + vocabularyCases + workbookCases + officeCases + describeCases + rollUpCases + pluginCases + pagesCases + filterCases + indicatorsCases

    // MARK: reports.yaml

    static let yamlCases: [BadInput] = [
        yaml("YAML syntax: an unclosed flow sequence", { try $0.replace("languages: [en, fr]", with: "languages: [en, fr") }, [
            "reports.yaml:6:12: error: the '[' on this line is never closed: end the list with ']' on the same line",
            "reports.yaml:7:8: note: the YAML parser says: did not find expected ',' or ']' (while parsing a flow sequence at line 6, column 12)",
        ]),
        yaml("YAML syntax: a key without a value's colon", { try $0.replace("    plugin: returnee-movements", with: "    plugin returnee-movements") }, [
            "reports.yaml:9:5: error: this line has no ':' after its key (did you mean 'plugin: returnee-movements'?)",
            "reports.yaml:10:5: note: the YAML parser says: could not find expected ':' (while scanning a simple key at line 9, column 5)",
        ]),
        yaml("a tab in the indentation", { try $0.replace("    plugin: flow-monitoring", with: "\tplugin: flow-monitoring") }, [
            "reports.yaml:21:1: error: tab character used for indentation; indent with spaces",
        ]),
        yaml("a tab after a list dash", { try $0.replace("  - id: covid-poe", with: "  -\tid: covid-poe") }, [
            "reports.yaml:45:4: error: tab character where YAML needs a space",
        ]),
        yaml("languages is text, not a list", { try $0.replace("languages: [en, fr]", with: "languages: en") }, [
            "reports.yaml:6:12: error: languages: expected a list, found text 'en' (did you mean '[en]'?)",
        ]),
        yaml("a list item without its dash", { try $0.replace("reports:\n  - id: cmp-returnees", with: "reports:\n  id: cmp-returnees") }, [
            "reports.yaml:9:5: error: this line is indented 2 spaces more than 'id' above it, which already has a value: line it up with 'id', or, if 'id' starts a list item, write '- id'",
            "reports.yaml:9:11: note: the YAML parser says: mapping values are not allowed in this context",
        ]),
        yaml("version is text", { try $0.replace("version: 1", with: "version: one") }, [
            "reports.yaml:4:10: error: version: expected an integer, found text 'one'",
        ]),
        yaml("title is a list", { try $0.replace("      en: \"Mali — Flow Monitoring Report\"\n      fr: \"Mali — Rapport de suivi des flux\"", with: "      - Flow\n      - Flux") }, [
            "reports.yaml:23:7: error: reports[1].title: expected a mapping, found a list",
        ]),
        yaml("an integer parameter given as text", { try $0.replace("      window: month", with: "      window: month\n      top: five") }, [
            "reports.yaml:29:12: error: reports[1].params.top: expected integer from 1 to 20, found text 'five'",
        ]),
        yaml("an integer parameter out of range", { try $0.replace("      window: month", with: "      window: month\n      top: 0") }, [
            "reports.yaml:29:12: error: reports[1].params.top: 0 is out of range: expected an integer from 1 to 20",
        ]),
        yaml("a null plugin", { try $0.replace("    plugin: covid-mobility", with: "    plugin: ~") }, [
            "reports.yaml:46:13: error: reports[3].plugin: value is null; expected text",
        ]),
        yaml("an empty input path", { try $0.replace("      poes: data/sample/poe_status.csv", with: "      poes:") }, [
            "reports.yaml:51:12: error: reports[3].inputs.poes: value is null; expected a path",
        ]),
        yaml("a null version", { try $0.replace("version: 1", with: "version: null") }, [
            "reports.yaml:4:10: error: version: value is null; expected an integer",
        ]),
        yaml("an unknown top-level key", { try $0.replace("output: out", with: "output: out\nauthor: DTM Mali") }, [
            "reports.yaml:6:1: error: author: unknown key 'author'; the keys allowed here are version, output, languages, reports, page, charts, defaults, include",
        ]),
        yaml("a misspelt top-level key", { try $0.replace("output: out", with: "outptu: out") }, [
            "reports.yaml:5:1: error: outptu: unknown key 'outptu'; the keys allowed here are version, output, languages, reports, page, charts, defaults, include (did you mean 'output'?)",
        ]),
        yaml("a misspelt report key", { try $0.replace("    plugin: returnee-movements", with: "    plugn: returnee-movements") }, [
            "reports.yaml:9:5: error: reports[0].plugn: unknown key 'plugn'; the nearest of the 12 keys allowed here are plugin, page, tags, id, inputs (did you mean 'plugin'?)",
        ]),
        yaml("a misspelt parameter", { try $0.replace("      window: month", with: "      windw: month") }, [
            "reports.yaml:28:7: error: reports[1].params.windw: unknown key 'windw'; the keys allowed here are window, since, fmps, top (did you mean 'window'?)",
        ]),
        yaml("a parameter value not among the choices", { try $0.replace("      population: returnees", with: "      population: returnes") }, [
            "reports.yaml:16:19: error: reports[0].params.population: 'returnes' is not one of: returnees, idps, returned_idps (did you mean 'returnees'?)",
        ]),
        yaml("a parameter date that is not a day", { try $0.replace("      since: 2016-06-30", with: "      since: 2016-06-31") }, [
            "reports.yaml:41:14: error: reports[2].params.since: '2016-06-31' is not a date: write YYYY-MM-DD",
        ]),
        yaml("an unknown plugin", { try $0.replace("    plugin: situation-report", with: "    plugin: situation-reports") }, [
            "reports.yaml:56:13: error: reports[4].plugin: unknown plugin 'situation-reports' (did you mean 'situation-report'?)",
        ]),
        yaml("an unknown input name", { try $0.replace("      poes: data", with: "      poe: data") }, [
            "reports.yaml:50:5: error: reports[3].inputs: missing input 'poes' (usually poe_status.csv)",
            "reports.yaml:51:7: error: reports[3].inputs.poe: unknown input 'poe' for plugin 'covid-mobility'; the inputs allowed here are poes (did you mean 'poes'?)",
        ]),
        yaml("a duplicate report id", { try $0.replace("  - id: fmp-snapshot", with: "  - id: fmp-monthly") }, [
            "reports.yaml:32:9: error: reports[2].id: duplicate report id 'fmp-monthly' (first at line 20)",
        ]),
        yaml("a duplicate key", { try $0.replace("      window: month", with: "      window: month\n      window: cumulative") }, [
            "reports.yaml:29:7: error: reports[1].params.window: duplicate key 'window' (first at line 28)",
        ]),
        yaml("a report id that is not kebab-case", { try $0.replace("  - id: covid-poe", with: "  - id: Covid_PoE") }, [
            "reports.yaml:45:9: error: reports[3].id: 'Covid_PoE' is not a valid id: use lower-case letters, digits and single hyphens, as in 'cmp-returnees'",
        ]),
        yaml("an unknown language", { try $0.replace("languages: [en, fr]", with: "languages: [en, fr, de]") }, [
            "reports.yaml:6:21: error: languages[2]: unknown language 'de'; languages are en and fr",
        ]),
        yaml("a missing template for a language", { try $0.replace("      fr: templates/covid-mobility/poe-status.fr.md\n", with: "") }, [
            "reports.yaml:52:5: error: reports[3].templates: no template for language 'fr'",
        ]),
        yaml("a missing input", { try $0.replace("      events: data/sample/displacement_events.csv\n", with: "") }, [
            "reports.yaml:60:5: error: reports[4].inputs: missing input 'events' (usually displacement_events.csv)",
        ]),
        yaml("a template file that does not exist", { try $0.replace("templates/flow-monitoring/snapshot.fr.md", with: "templates/flow-monitoring/snapshot.fr.txt") }, [
            "reports.yaml:44:11: error: reports[2].templates.fr: file 'templates/flow-monitoring/snapshot.fr.txt' does not exist (did you mean 'templates/flow-monitoring/snapshot.fr.md'?)",
        ]),
        yaml("an input file that does not exist", { try $0.replace("data/sample/poe_status.csv", with: "data/sample/poe-status.csv") }, [
            "reports.yaml:51:13: error: reports[3].inputs.poes: file 'data/sample/poe-status.csv' does not exist (did you mean 'data/sample/poe_status.csv'?)",
        ]),
        yaml("a version from the future", { try $0.replace("version: 1", with: "version: 2") }, [
            "reports.yaml:4:10: error: version: version 2 is newer than this dtm-report understands (1)",
        ]),
        yaml("a version that never existed", { try $0.replace("version: 1", with: "version: 0") }, [
            "reports.yaml:4:10: error: version: version 0 does not exist; write version: 1",
        ]),
        yaml("an alias bomb", { project in
            var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            for level in 1...8 {
                let previous = level == 1 ? "a" : "l\(level - 1)"
                bomb += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            }
            try project.replace("output: out", with: "output: out\nbomb:\n" + bomb.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        }, [
            "reports.yaml:7:6: error: the file has more than 10000 YAML values once aliases (*name) are expanded; an alias may be repeating a large part of the file",
        ]),
        yaml("nesting 10 000 deep", { project in
            try project.replace("output: out", with: "output: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        }, [
            "reports.yaml:5:136: error: nesting is deeper than 64 levels",
        ]),
        yaml("a 100 MB file", { try $0.sparseFile("reports.yaml", size: 100 << 20) }, [
            "reports.yaml: error: the file is 104857600 bytes; a reports file may be at most 1048576 bytes",
        ]),
        yaml("a file that is not UTF-8", { try $0.replace("Rapport de suivi des flux", withBytes: Array("Rapport de suivi des flux ".utf8) + [0xE9, 0x74, 0xE9], in: "reports.yaml") }, [
            "reports.yaml:24:45: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8",
        ]),
        yaml("a control character", { try $0.replace("Mali — DNDS", withBytes: Array("Mali ".utf8) + [0x07] + Array("DNDS".utf8), in: "reports.yaml") }, [
            "reports.yaml:58:17: error: control character U+0007 is not allowed in YAML",
        ]),
        yaml("a reports file with nothing but a comment", { try $0.write("# nothing yet\n", to: "reports.yaml") }, [
            "reports.yaml: error: the file is empty; expected version, languages and reports",
        ]),
        yaml("a boolean written as yes where text is needed", { try $0.replace("    plugin: covid-mobility", with: "    plugin: yes") }, [
            "reports.yaml:46:13: error: reports[3].plugin: unknown plugin 'yes'",
        ]),
    ]

    // MARK: CSV inputs of the four plugins

    static let csvCases: [BadInput] = [
        csv("a required column is missing", { project in
            try project.replace("report_date,adm1_code", with: "date,adm1_code", in: movements)
            try project.replace("#date+reported,#adm1+code", with: "#date,#adm1+code", in: movements)
        }, [
            "data/sample/population_movements.csv:1: error: column 'report_date': required column is missing from the header (no column named 'report_date' nor tagged #date+reported)",
        ]),
        csv("two columns share a name", { try $0.replace("adm1_name,population", with: "adm1_code,population", in: movements) }, [
            "data/sample/population_movements.csv:1: error: column 'adm1_name': required column is missing from the header (no column named 'adm1_name' nor tagged #adm1+name)",
            "data/sample/population_movements.csv:1:23: error: column 'adm1_code': appears more than once in the header",
        ]),
        csv("a day that does not exist", { try $0.replace(movementsRow, with: "2017-02-30,ML06,Tombouctou,returnees,21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:1: error: column 'report_date': value '2017-02-30' is not a date (YYYY-MM-DD)",
        ]),
        csv("a date written day first", { try $0.replace(movementsRow, with: "30/04/2017,ML06,Tombouctou,returnees,21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:1: error: column 'report_date': value '30/04/2017' is not a date (YYYY-MM-DD) (did you mean '2017-04-30'?)",
        ]),
        csv("an Excel serial number as a date", { try $0.replace(movementsRow, with: "42855,ML06,Tombouctou,returnees,21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:1: error: column 'report_date': value '42855' is not a date (YYYY-MM-DD)",
        ]),
        csv("a negative count", { try $0.replace(movementsRow, with: "2017-04-30,ML06,Tombouctou,returnees,-21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:38: error: column 'individuals': value '-21679' is not a count (a whole number ≥ 0 without separators)",
        ]),
        csv("a fractional count", { try $0.replace(movementsRow, with: "2017-04-30,ML06,Tombouctou,returnees,21679.5,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:38: error: column 'individuals': value '21679.5' is not a count (a whole number ≥ 0 without separators)",
        ]),
        csv("a count grouped with a space", { try $0.replace(movementsRow, with: "2017-04-30,ML06,Tombouctou,returnees,21 679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:38: error: column 'individuals': value '21 679' is not a count (a whole number ≥ 0 without separators)",
        ]),
        csv("a count grouped with a comma", { try $0.replace(movementsRow, with: "2017-04-30,ML06,Tombouctou,returnees,\"21,679\",3871", in: movements) }, [
            "data/sample/population_movements.csv:94:38: error: column 'individuals': value '21,679' is not a count (a whole number ≥ 0 without separators)",
        ]),
        csv("a count with twenty digits", { try $0.replace(movementsRow, with: "2017-04-30,ML06,Tombouctou,returnees,21679000000000000000,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:38: error: column 'individuals': value '21679000000000000000' is too large for a count (at most 15 digits)",
        ]),
        csv("an unknown population", { try $0.replace(movementsRow, with: "2017-04-30,ML06,Tombouctou,returnes,21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:28: error: column 'population': value 'returnes' is not one of returnees, idps, returned_idps (did you mean 'returnees'?)",
        ]),
        csv("an unterminated quote", { try $0.replace(movementsRow, with: "2017-04-30,ML06,\"Tombouctou,returnees,21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:17: error: quote is never closed",
        ]),
        csv("a character after a closing quote", { try $0.replace(movementsRow, with: "2017-04-30,ML06,\"Tombouctou\"x,returnees,21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:29: error: character 'x' after a closing quote: expected ',' or the end of the line",
        ]),
        csv("invalid UTF-8", { try $0.replace("Tombouctou,returnees,21679", withBytes: Array("Tombouct".utf8) + [0xF4, 0x75] + Array(",returnees,21679".utf8), in: movements) }, [
            "data/sample/population_movements.csv:94:17: error: column 'adm1_name': value 'Tombouct�u' is not valid UTF-8 (save the file as CSV UTF-8)",
        ]),
        csv("mojibake", { try $0.replace(movementsRow, with: "2017-04-30,ML06,SÃ©gou,returnees,21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:17: error: column 'adm1_name': value 'SÃ©gou' looks double-encoded (did you mean 'Ségou'?)",
        ]),
        csv("an empty CSV file", { try $0.write("", to: movements) }, [
            "data/sample/population_movements.csv: error: file is empty: expected a header row with columns report_date, adm1_code, adm1_name, population, individuals, households",
        ]),
        csv("a header with no rows", { try $0.write("report_date,adm1_code,adm1_name,population,individuals,households\n", to: movements) }, [
            "data/sample/population_movements.csv:1: error: the file has a header but no rows; export the data again",
        ]),
        csv("a row with too many cells", { try $0.replace(movementsRow, with: movementsRow + ",extra", in: movements) }, [
            "data/sample/population_movements.csv:94: error: row has 7 cells but the header has 6",
        ]),
        csv("a row with too few cells", { try $0.replace(movementsRow, with: "2017-04-30,ML06,Tombouctou,returnees,21679", in: movements) }, [
            "data/sample/population_movements.csv:94: error: row has 5 cells but the header has 6",
        ]),
        csv("a NUL byte", { try $0.replace("Tombouctou,returnees,21679", withBytes: Array("Tombouctou".utf8) + [0] + Array(",returnees,21679".utf8), in: movements) }, [
            "data/sample/population_movements.csv:94:27: error: NUL byte: the file is not UTF-8 text (save it as CSV UTF-8)",
        ]),
        csv("a line of 10 MB", { try $0.append("2017-04-30,ML06," + String(repeating: "T", count: 10 << 20) + ",returnees,1,1\n", to: movements) }, [
            "data/sample/population_movements.csv:115: error: line is longer than 1 MiB",
        ]),
        csv("flow monitoring: an unknown direction", { try $0.replace(observationsRow, with: "2016-06-30,BEN-01,Benena,ML04,Ségou,incomming,CIV,MLI,NER,car,10,0,1,0,", in: observations) }, [
            "data/sample/fmp_observations.csv:3:37: error: column 'direction': value 'incomming' is not one of incoming, outgoing (did you mean 'incoming'?)",
        ]),
        csv("flow monitoring: an unknown transport mode", { try $0.replace(observationsRow, with: "2016-06-30,BEN-01,Benena,ML04,Ségou,incoming,CIV,MLI,NER,camel,10,0,1,0,", in: observations) }, [
            "data/sample/fmp_observations.csv:3:58: error: column 'transport_mode': value 'camel' is not one of bus, truck, car, motorcycle, tricycle, foot, boat, other",
        ]),
        csv("flow monitoring: a date with a time of day", { try $0.replace(observationsRow, with: "2016-06-30 08:15,BEN-01,Benena,ML04,Ségou,incoming,CIV,MLI,NER,car,10,0,1,0,", in: observations) }, [
            "data/sample/fmp_observations.csv:3:1: error: column 'date': value '2016-06-30 08:15' is not a date (YYYY-MM-DD)",
        ]),
        csv("flow monitoring: a negative count", { try $0.replace(observationsRow, with: "2016-06-30,BEN-01,Benena,ML04,Ségou,incoming,CIV,MLI,NER,car,-10,0,1,0,", in: observations) }, [
            "data/sample/fmp_observations.csv:3:62: error: column 'adult_m': value '-10' is not a count (a whole number ≥ 0 without separators)",
        ]),
        csv("flow monitoring: a missing column", { project in
            try project.replace(",transport_mode,", with: ",transport,", in: observations)
            try project.replace(",#x_transport,", with: ",#x_mode,", in: observations)
        }, [
            "data/sample/fmp_observations.csv:1: error: column 'transport_mode': required column is missing from the header (no column named 'transport_mode' nor tagged #x_transport)",
        ]),
        csv("situation report: a flag written yes", { try $0.replace(eventsRow, with: "MLI-2016-042,2016-09-14,2016-09-20,2016-09-23,ML06,Goundam|Tonka,Goundam|Tombouctou,940,171,yes,insecurity", in: events) }, [
            "data/sample/displacement_events.csv:4:93: error: column 'estimated': value 'yes' is not true or false",
        ]),
        csv("situation report: an unknown cause", { try $0.replace(eventsRow, with: "MLI-2016-042,2016-09-14,2016-09-20,2016-09-23,ML06,Goundam|Tonka,Goundam|Tombouctou,940,171,true,insecurty", in: events) }, [
            "data/sample/displacement_events.csv:4:98: error: column 'cause': value 'insecurty' is not one of conflict, intercommunal, insecurity, flood, other (did you mean 'insecurity'?)",
        ]),
        csv("situation report: an empty end date", { try $0.replace(eventsRow, with: "MLI-2016-042,2016-09-14,,2016-09-23,ML06,Goundam|Tonka,Goundam|Tombouctou,940,171,true,insecurity", in: events) }, [
            "data/sample/displacement_events.csv:4:25: error: column 'date_end': value is empty",
        ]),
        csv("COVID-19 mobility: an unknown status", { try $0.replace(poesRow, with: "2020-03-26,MLI-POE-002,Kayes,airport,ML01,,closed,entry_ban", in: poes) }, [
            "data/sample/poe_status.csv:4:44: error: column 'status': value 'closed' is not one of fully_closed, partially_operational, fully_operational, unknown",
        ]),
        csv("COVID-19 mobility: an unknown point-of-entry type", { try $0.replace(poesRow, with: "2020-03-26,MLI-POE-002,Kayes,Airport,ML01,,fully_closed,entry_ban", in: poes) }, [
            "data/sample/poe_status.csv:4:30: error: column 'poe_type': value 'Airport' is not one of airport, land_border, blue_border, internal_transit (did you mean 'airport'?)",
        ]),
        csv("COVID-19 mobility: a date written day first", { try $0.replace(poesRow, with: "26/03/2020,MLI-POE-002,Kayes,airport,ML01,,fully_closed,entry_ban", in: poes) }, [
            "data/sample/poe_status.csv:4:1: error: column 'assessment_date': value '26/03/2020' is not a date (YYYY-MM-DD) (did you mean '2020-03-26'?)",
        ]),
        csv("COVID-19 mobility: a header with no rows", { try $0.write("assessment_date,poe_code,poe_name,poe_type,adm1_code,neighbour_country,status,restriction\n", to: poes) }, [
            "data/sample/poe_status.csv:1: error: the file has a header but no rows; export the data again",
        ]),
        csv("more errors in one file than are printed", { project in
            try project.append(String(repeating: "2017-04-31,ML06,Tombouctou,returnees,1,1\n", count: 60), to: movements)
        }, (115..<165).map {
            "data/sample/population_movements.csv:\($0):1: error: column 'report_date': value '2017-04-31' is not a date (YYYY-MM-DD)"
        } + ["… and 10 more errors"], total: 60),
    ]

    // MARK: Templates

    static let templateCases: [BadInput] = [
        template("an unclosed tag", { try $0.replace("# {{title}}", with: "# {{title", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:2:3: error: unclosed tag: '{{' has no matching '}}' on this line",
        ]),
        template("an unknown placeholder", { try $0.replace("{{report_date}},", with: "{{report_dte}},", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:5:7: error: unknown fact 'report_dte' (did you mean 'report_date'?)",
        ]),
        template("a section never closed", { try $0.replace("{{/households}}", with: "", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:28:1: error: '{{/report_date}}' does not close the open section 'households' (opened at 13:1) (did you mean '{{/households}}'?)",
        ]),
        template("a section closed by the wrong name", { try $0.replace("{{/households}}", with: "{{/household}}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:15:1: error: '{{/household}}' does not close the open section 'households' (opened at 13:1) (did you mean '{{/households}}'?)",
        ]),
        template("a partial", { try $0.replace("# {{title}}", with: "{{> header}}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:2:1: error: partials are not supported yet: '{{> header}}'",
        ]),
        template("a partial naming a path outside templates/", { try $0.replace("# {{title}}", with: "{{> ../../etc/passwd}}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:2:1: error: partials are not supported yet: '{{> ../../etc/passwd}}'",
        ]),
        template("a change of delimiters", { try $0.replace("# {{title}}", with: "{{=<% %>=}}", in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:2:1: error: changing delimiters with '{{=…=}}' is not supported: templates use '{{' and '}}'",
        ]),
        template("a missing language", { try $0.remove("templates/covid-mobility/poe-status.fr.md") }, [
            "reports.yaml:54:11: error: reports[3].templates.fr: file 'templates/covid-mobility/poe-status.fr.md' does not exist",
        ]),
        template("a template that is not UTF-8", { try $0.replace("# {{title}}", withBytes: Array("# {{title}} ".utf8) + [0xE9], in: englishSummary) }, [
            "templates/returnee-movements/summary.en.md:2:13: error: invalid UTF-8; save the template as UTF-8",
        ]),
    ]

    // MARK: The file system

    static let fileSystemCases: [BadInput] = [
        fileSystem("the output folder is a file", { try $0.replace("output: out", with: "output: reports.yaml") }, [
            "reports.yaml:5:9: error: output: output folder 'reports.yaml' is a file",
        ]),
        fileSystem("the output folder is under a file", { try $0.replace("output: out", with: "output: reports.yaml/out") }, [
            "reports.yaml:5:9: error: output: output folder 'reports.yaml/out' cannot be created: 'reports.yaml' is a file, not a folder",
        ]),
        fileSystem("the output folder holds the inputs", { try $0.replace("output: out", with: "output: data") }, [
            "reports.yaml:5:9: error: output: 'data/sample/displacement_events.csv' and 8 more files the run reads are inside the output folder 'data', where a run replaces whole folders; keep inputs and templates outside it",
        ]),
        fileSystem("the output folder is inside an input file", { try $0.replace("output: out", with: "output: data/sample/poe_status.csv/out") }, [
            "reports.yaml:5:9: error: output: output folder 'data/sample/poe_status.csv/out' cannot be created: 'data/sample/poe_status.csv' is a file, not a folder",
        ]),
        BadInput(kind: .fileSystem, name: "the output folder is the project", mutate: { try $0.replace("output: out", with: "output: .") }, errors: [
            "reports.yaml:5:9: error: output: 'data/sample/poe_status.csv' and 12 more files the run reads are inside the output folder '.', where a run replaces whole folders; keep inputs and templates outside it",
        ], arguments: ["run", "--period", "2017-04", "--report", "covid-poe"]),
        fileSystem("the output folder climbs out", { try $0.replace("output: out", with: "output: ../out") }, [
            "reports.yaml:5:9: error: output: path '../out' leads outside the folder of reports.yaml",
        ]),
        fileSystem("the output folder is absolute", { try $0.replace("output: out", with: "output: /tmp/out") }, [
            "reports.yaml:5:9: error: output: '/tmp/out' is an absolute path; write it relative to the folder of reports.yaml",
        ]),
        fileSystem("an input that is a folder", { try $0.replace("data/sample/poe_status.csv", with: "data/sample") }, [
            "reports.yaml:51:13: error: reports[3].inputs.poes: 'data/sample' is a folder, not a file",
        ]),
        fileSystem("an input that climbs out", { try $0.replace("data/sample/poe_status.csv", with: "data/../../poe_status.csv") }, [
            "reports.yaml:51:13: error: reports[3].inputs.poes: path 'data/../../poe_status.csv' leads outside the folder of reports.yaml",
        ]),
        fileSystem("an absolute input path", { try $0.replace("data/sample/poe_status.csv", with: "/etc/passwd") }, [
            "reports.yaml:51:13: error: reports[3].inputs.poes: '/etc/passwd' is an absolute path; write it relative to the folder of reports.yaml",
        ]),
        fileSystem("a template that climbs out", { try $0.replace("templates/covid-mobility/poe-status.en.md", with: "../poe-status.en.md") }, [
            "reports.yaml:53:11: error: reports[3].templates.en: path '../poe-status.en.md' leads outside the folder of reports.yaml",
        ]),
        fileSystem("an absolute template path", { try $0.replace("templates/covid-mobility/poe-status.en.md", with: "/etc/hostname") }, [
            "reports.yaml:53:11: error: reports[3].templates.en: '/etc/hostname' is an absolute path; write it relative to the folder of reports.yaml",
        ]),
        fileSystem("an input that is a symbolic link leading outside", { project in
            let outside = try TemporaryFolder()
            try outside.write(try project.text(poes), to: "poe_status.csv")
            try project.remove(poes)
            try project.link(poes, to: outside.url.appendingPathComponent("poe_status.csv"))
        }, [
            "reports.yaml:51:13: error: reports[3].inputs.poes: path 'data/sample/poe_status.csv' leads outside the folder of reports.yaml",
        ]),
        BadInput(kind: .fileSystem, name: "a data folder that is a symbolic link leading outside", mutate: { project in
            let outside = try TemporaryFolder()
            try FileManager.default.moveItem(at: project.url("data"), to: outside.url.appendingPathComponent("data"))
            try project.link("data", to: outside.url.appendingPathComponent("data"))
        }, errors: [
            "reports.yaml:61:15: error: reports[4].inputs.events: path 'data/sample/displacement_events.csv' leads outside the folder of reports.yaml",
            "reports.yaml:62:18: error: reports[4].inputs.movements: path 'data/sample/population_movements.csv' leads outside the folder of reports.yaml",
        ], arguments: ["run", "--period", "2017-04", "--report", "dnds-sitrep"]),
        fileSystem("a template that is a symbolic link leading outside", { project in
            let outside = try TemporaryFolder()
            try outside.write(try project.text(englishSummary), to: "summary.en.md")
            try project.remove(englishSummary)
            try project.link(englishSummary, to: outside.url.appendingPathComponent("summary.en.md"))
        }, [
            "reports.yaml:18:11: error: reports[0].templates.en: path 'templates/returnee-movements/summary.en.md' leads outside the folder of reports.yaml",
        ]),
        fileSystem("an input that is a broken symbolic link", { project in
            try project.remove(poes)
            try project.link(poes, to: project.url("data/sample/missing.csv"))
        }, [
            "reports.yaml:51:13: error: reports[3].inputs.poes: 'data/sample/poe_status.csv' is a symbolic link to a file that does not exist",
        ]),
    ]

    // MARK: The command line

    static let commandLineCases: [BadInput] = [
        BadInput(kind: .commandLine, name: "a month without its leading zero", mutate: { _ in }, errors: [
            "Error: The value '2017-4' is invalid for '--period <YYYY-MM>'",
        ],
                 arguments: ["run", "--period", "2017-4"], status: 64),
        BadInput(kind: .commandLine, name: "a configuration file that does not exist", mutate: { _ in }, errors: [
            "report.yaml: error: no such file; run dtm-report in the folder of reports.yaml or give --config FILE (did you mean 'reports.yaml'?)",
        ],
                 arguments: ["run", "--period", "2017-04", "--config", "report.yaml"]),
        BadInput(kind: .commandLine, name: "an unknown report", mutate: { _ in }, errors: [
            "error: --report: no report 'fmp-monthy' in the configuration (did you mean 'fmp-monthly'?)",
        ],
                 arguments: ["run", "--period", "2017-04", "--report", "fmp-monthy"]),
        BadInput(kind: .commandLine, name: "an output folder given on the command line that is a file", mutate: { _ in }, errors: [
            "error: --out: output folder 'reports.yaml' is a file",
        ],
                 arguments: ["run", "--period", "2017-04", "--out", "reports.yaml"]),
    ]
}
