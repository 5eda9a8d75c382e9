import Testing
@testable import ReportKit

/// A plugin description with one parameter of every type, for these tests only.
private let testPlugin = PluginDescription(
    id: "test-plugin", name: Label("Test"), summary: "A plugin for tests.",
    inputs: [
        InputSpec(name: "movements", conventionalFileName: "population_movements.csv", documentation: "Movements.",
                  columns: [], periodColumn: "date"),
        InputSpec(name: "locations", conventionalFileName: "locations.csv", required: false, documentation: "Locations.",
                  columns: [], periodColumn: "date"),
    ],
    parameters: [
        ParameterSpec("population", .choice(["returnees", "idps", "all"]), default: "returnees", "Who is counted."),
        ParameterSpec("window", .integer(1...12), default: "3", "Months compared."),
        ParameterSpec("since", .date, default: "~", "First day counted."),
        ParameterSpec("estimated", .flag, default: "false", "Whether figures are estimates."),
        ParameterSpec("regions", .list(.text), default: "[]", "Regions shown."),
        ParameterSpec("months", .list(.integer(1...12)), default: "[]", "Months shown."),
        ParameterSpec("note", .text, default: "\"\"", "A note."),
    ],
    facts: [], tables: [])

/// The parameters `testPlugin` decodes to, with the defaults its description documents.
private struct TestParameters: PluginParameters, Equatable {
    @Parameter("population", "Who is counted.") var population = "returnees"
    @Parameter("window", in: 1...12, "Months compared.") var window = 3
    @Parameter("since", "First day counted.") var since: Day? = nil
    @Parameter("estimated", "Whether figures are estimates.") var estimated = false
    @Parameter("regions", "Regions shown.") var regions: [String] = []
    @Parameter("months", type: .list(.integer(1...12)), "Months shown.") var months: [Int] = []
    @Parameter("note", "A note.") var note = ""

    init() {}

    func validate() -> [ParameterProblem] {
        var problems: [ParameterProblem] = []
        if since != nil, window > 6 {
            problems.append(ParameterProblem(key: "window", message: "a window longer than 6 months cannot start on a fixed day"))
        }
        if estimated, since == nil {
            problems.append(ParameterProblem(key: "since", message: "estimated figures need the first day counted"))
        }
        return problems
    }
}

/// A report of `testPlugin`; `params` lines go at line 11, indented by six spaces. No lines
/// writes `params: {}`; nil writes no `params:` at all.
private func definition(params: [String]?, inputs: [String] = ["movements: m.csv"], plugin: String = "test-plugin") throws -> ReportDefinition {
    var text = """
        version: 1
        languages: [en]
        reports:
          - id: test
            plugin: \(plugin)
            title: {en: Test}
            templates: {en: t.md}
            inputs:

        """
    text += inputs.map { "      \($0)\n" }.joined()
    if let params {
        text += params.isEmpty ? "    params: {}\n" : "    params:\n" + params.map { "      \($0)\n" }.joined()
    }
    let file = try ReportsFileLoader.load(Array(text.utf8), file: "reports.yaml").get()
    return try #require(file.reports.first)
}

private func problems(_ params: [String], inputs: [String] = ["movements: m.csv"]) throws -> [String] {
    DefinitionChecker.check(try definition(params: params, inputs: inputs), against: testPlugin).map(\.description)
}

private func decoded(_ params: [String]?) throws -> Result<TestParameters, DiagnosticList> {
    DefinitionChecker.decodeParameters(TestParameters.self, for: try definition(params: params))
}

@Suite struct DefinitionCheckerTests {
    // MARK: Plugin ids

    @Test func unknownPluginWithSuggestion() throws {
        let report = try definition(params: nil, plugin: "test-plugn")
        #expect(DefinitionChecker.checkPlugin(of: report, knownIDs: ["flow-monitoring", "test-plugin"])?.description
            == "reports.yaml:5:13: error: reports[0].plugin: unknown plugin 'test-plugn' (did you mean 'test-plugin'?)")
        #expect(DefinitionChecker.checkPlugin(of: report, knownIDs: ["test-plugn"]) == nil)
        #expect(DefinitionChecker.checkPlugin(of: report, knownIDs: ["situation-report"])?.description
            == "reports.yaml:5:13: error: reports[0].plugin: unknown plugin 'test-plugn'")
    }

    // MARK: Inputs

    @Test func validDefinitionHasNoProblems() throws {
        let params = ["population: idps", "window: 6", "since: 2017-04-01", "estimated: true", "regions: [Gao, 'Ménaka']",
                      "months: [1, 12]", "note: \"2017\""]
        #expect(try problems(params, inputs: ["movements: m.csv", "locations: l.csv"]) == [])
    }

    @Test func unknownInputWithSuggestionAndMissingRequiredInput() throws {
        #expect(try problems([], inputs: ["movments: m.csv"]) == [
            "reports.yaml:9:7: error: reports[0].inputs.movments: unknown input 'movments' for plugin 'test-plugin'; the inputs allowed here are movements, locations (did you mean 'movements'?)",
            "reports.yaml:8:5: error: reports[0].inputs: missing input 'movements' (usually population_movements.csv)",
        ])
    }

    // MARK: Parameter values

    @Test func unknownParameterWithSuggestion() throws {
        #expect(try problems(["windw: 3"]) == [
            "reports.yaml:11:7: error: reports[0].params.windw: unknown key 'windw'; the keys allowed here are population, window, since, estimated, regions, months, note (did you mean 'window'?)",
        ])
    }

    @Test func choiceNotListedWithSuggestion() throws {
        #expect(try problems(["population: returnes"]) == [
            "reports.yaml:11:19: error: reports[0].params.population: 'returnes' is not one of: returnees, idps, all (did you mean 'returnees'?)",
        ])
    }

    @Test(arguments: ["yes", "True", "on", "no", "1", "'true'"])
    func onlyPlainTrueAndFalseAreBooleans(value: String) throws {
        let shown = value == "'true'" ? "true" : value
        #expect(try problems(["estimated: \(value)"]) == [
            "reports.yaml:11:18: error: reports[0].params.estimated: '\(shown)' is not a boolean: write true or false",
        ])
    }

    @Test func integersInRangeOnly() throws {
        #expect(try problems(["window: 13", "months: [0]"]) == [
            "reports.yaml:11:15: error: reports[0].params.window: 13 is out of range: expected an integer from 1 to 12",
            "reports.yaml:12:16: error: reports[0].params.months[0]: 0 is out of range: expected an integer from 1 to 12",
        ])
        #expect(try problems(["window: three", #"months: ["3"]"#]) == [
            "reports.yaml:11:15: error: reports[0].params.window: expected integer from 1 to 12, found text 'three'",
            #"reports.yaml:12:16: error: reports[0].params.months[0]: expected integer from 1 to 12, found quoted text '3'"#,
        ])
    }

    @Test func datesMustBeDays() throws {
        #expect(try problems(["since: 2017-02-30"]) == [
            "reports.yaml:11:14: error: reports[0].params.since: '2017-02-30' is not a date: write YYYY-MM-DD",
        ])
        #expect(try problems(["since: 30/04/2017"]) == [
            "reports.yaml:11:14: error: reports[0].params.since: '30/04/2017' is not a date: write YYYY-MM-DD (did you mean '2017-04-30'?)",
        ])
        #expect(try problems(["since: 04/05/2017"]) == [
            "reports.yaml:11:14: error: reports[0].params.since: '04/05/2017' is not a date: write YYYY-MM-DD, 2017-05-04 or 2017-04-05 (day and month could be either way round)",
        ])
        #expect(try problems(["since: 2017.5.4", "window: 3"]) == [
            "reports.yaml:11:14: error: reports[0].params.since: '2017.5.4' is not a date: write YYYY-MM-DD (did you mean '2017-05-04'?)",
        ])
        #expect(try problems(["since: 31/02/2017"]) == [
            "reports.yaml:11:14: error: reports[0].params.since: '31/02/2017' is not a date: write YYYY-MM-DD",
        ])
    }

    @Test func listsCheckEveryElement() throws {
        #expect(try problems(["months: [4, 13, x, [5]]"]) == [
            "reports.yaml:11:19: error: reports[0].params.months[1]: 13 is out of range: expected an integer from 1 to 12",
            "reports.yaml:11:23: error: reports[0].params.months[2]: expected integer from 1 to 12, found text 'x'",
            "reports.yaml:11:26: error: reports[0].params.months[3]: expected integer from 1 to 12, found a list",
        ])
        #expect(try problems(["regions: Gao"]) == [
            "reports.yaml:11:16: error: reports[0].params.regions: expected list of text, found text 'Gao' (did you mean '[Gao]'?)",
        ])
    }

    @Test func nullAndWrongShapes() throws {
        #expect(try problems(["window:", "note: {a: b}", "population: [all]"]) == [
            "reports.yaml:11:14: error: reports[0].params.window: value is null; expected integer from 1 to 12",
            "reports.yaml:12:13: error: reports[0].params.note: expected text, found a mapping",
            "reports.yaml:13:19: error: reports[0].params.population: expected one of `returnees`, `idps`, `all`, found a list",
        ])
    }

    @Test func requiredParameterWithoutDefault() throws {
        var plugin = testPlugin
        plugin.parameters.append(ParameterSpec("focus", .text, default: nil, "No default."))
        let withParams = try definition(params: ["window: 3"])
        #expect(DefinitionChecker.check(withParams, against: plugin).map(\.description) == [
            "reports.yaml:10:5: error: reports[0].params: missing parameter 'focus', which has no default",
        ])
        let withoutParams = try definition(params: nil)
        #expect(DefinitionChecker.check(withoutParams, against: plugin).map(\.description) == [
            "reports.yaml:4:3: error: reports[0].params: missing parameter 'focus', which has no default",
        ])
    }

    // MARK: Decoding

    @Test func decodesCheckedValues() throws {
        let parameters = try decoded(["population: idps", "window: 6", "since: 2017-04-01", "estimated: true",
                                      "regions: [Gao, 'Ménaka', 2017]", "months: [1, 12]", "note: \"2017\""]).get()
        var expected = TestParameters()
        expected.population = "idps"
        expected.window = 6
        expected.since = Day(iso: "2017-04-01")
        expected.estimated = true
        expected.regions = ["Gao", "Ménaka", "2017"]
        expected.months = [1, 12]
        expected.note = "2017"
        #expect(parameters == expected)
    }

    @Test func absentParamsMeansAllDefaults() throws {
        #expect(try decoded(nil).get() == TestParameters())
        #expect(try decoded([]).get() == TestParameters())
    }

    @Test func validateProblemsPointAtTheirKeyOrAtParams() throws {
        let result = try decoded(["window: 9", "since: '2017-04-01'"])
        #expect(result.failureDescriptions == [
            "reports.yaml:11:7: error: reports[0].params.window: a window longer than 6 months cannot start on a fixed day",
        ])
        #expect(try decoded(["estimated: true"]).failureDescriptions == [
            "reports.yaml:10:5: error: reports[0].params.since: estimated figures need the first day counted",
        ])
    }

    @Test func decodingErrorsPointAtTheValue() throws {
        // Decoding an unchecked value: the plugin's Parameters and its description disagree.
        #expect(try decoded(["window: many"]).failureDescriptions == [
            "reports.yaml:11:15: error: reports[0].params.window: cannot read the parameters: Expected to decode Int but found Scalar instead.",
        ])
    }
}

/// Parameters whose hand-written decoding forgets a declared key, with a property nobody declared.
private struct ForgetfulParameters: PluginParameters {
    @Parameter("top", in: 1...5, "How many.") var top = 3
    @Parameter("since", explained: "every day", "First day.") var since: Day? = nil
    var extra = 1

    init() {}

    init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _top = try container.decode(Parameter<Int>.self, forKey: .top)
    }

    private enum CodingKeys: String, CodingKey {
        case top, since, extra
    }
}

/// Parameters with a property that the synthesized decoding reads but nothing declares.
private struct UndeclaredParameters: PluginParameters {
    @Parameter("top", in: 1...5, "How many.") var top = 3
    var extra = 1

    init() {}
}

/// Two declarations of one key.
private struct TwiceDeclaredParameters: PluginParameters {
    @Parameter("top", in: 1...5, "How many.") var top = 3
    @Parameter("top", "How many, again.") var alsoTop = "3"

    init() {}
}

@Suite struct ParameterDeclarationTests {
    @Test func specsComeFromTheDeclarations() {
        let specs = TestParameters.specs
        #expect(specs.map(\.name) == ["population", "window", "since", "estimated", "regions", "months", "note"])
        #expect(specs.map(\.type) == [.text, .integer(1...12), .date, .flag, .list(.text), .list(.integer(1...12)), .text])
        #expect(specs.map(\.defaultValue) == ["returnees", "3", "none", "false", "[]", "[]", "\"\""])
        #expect(specs.map(\.documentation)[1] == "Months compared.")
        #expect(ForgetfulParameters.specs.map(\.defaultValue) == ["3", "none (every day)"])
        #expect(ForgetfulParameters.specs[1].acceptsNull)
    }

    @Test func aSoundDeclarationHasNoProblems() {
        #expect(TestParameters.declarationProblems == [])
    }

    @Test func aKeyDeclaredButNotDecodedOrDecodedButNotDeclaredIsAProblem() {
        #expect(ForgetfulParameters.declarationProblems == [
            "property 'extra' is not declared with @Parameter",
            "key 'since' is declared but never decoded",
        ])
        let undeclared = UndeclaredParameters.declarationProblems
        #expect(undeclared.first == "property 'extra' is not declared with @Parameter")
        #expect(undeclared.dropFirst().first?.hasPrefix("decoding the defaults fails: ") == true)
        #expect(undeclared.last?.contains("property 'extra' is not declared with @Parameter") == true)
        #expect(TwiceDeclaredParameters.declarationProblems == ["key 'top' is declared twice"])
    }

    @Test func anExplicitNullKeepsTheDefault() throws {
        #expect(try decoded(["since: ~"]).get() == TestParameters())
    }
}

extension Result where Failure == DiagnosticList {
    /// The messages of a failure, or a marker when it succeeded.
    fileprivate var failureDescriptions: [String] {
        switch self {
        case .success: ["unexpectedly succeeded"]
        case .failure(let list): list.diagnostics.map(\.description)
        }
    }
}
