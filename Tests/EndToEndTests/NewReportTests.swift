import BuiltInPlugins
import Foundation
import Testing
import TestSupport

/// `dtm-report new-report`, run as a coordinator runs it on a copy of the project: the definition
/// it adds and the stubs it writes pass `validate` as they are and run in both languages.
@Suite(.serialized) struct NewReportTests {
    func dtmReport(_ arguments: [String], in folder: TemporaryFolder) throws -> DTMReportBinary.Outcome {
        try DTMReportBinary.run(arguments, in: folder.url)
    }

    func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        return folder
    }

    static let pluginIDs = BuiltInPlugins.all.map { $0.description.id }

    /// Where `after` differs from `before` by one block of whole lines added: the text before it,
    /// the block, and the text after it (which is the rest of `before`).
    func addedBlock(before: String, after: String) throws -> (head: String, block: String, tail: String) {
        let common = zip(before.utf8, after.utf8).prefix { $0 == $1 }.count
        // Back to the start of a line: the block is whole lines.
        let head = String(before.utf8.prefix(common))!.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 + "\n" }.joined()
        let tail = String(before.dropFirst(head.count))
        try #require(after.hasPrefix(head) && after.hasSuffix(tail) && after.count >= head.count + tail.count)
        return (head, String(after.dropFirst(head.count).dropLast(tail.count)), tail)
    }

    @Test(arguments: pluginIDs)
    func aNewReportOfEachPluginValidatesAndRunsInBothLanguages(plugin: String) throws {
        let folder = try project()
        let before = try #require(folder.read("reports.yaml"))
        let id = "new-\(plugin)"
        let added = try dtmReport(["new-report", "--plugin", plugin, "--id", id], in: folder)
        #expect(added.status == 0, Comment(rawValue: added.stderr))
        #expect(
            added.stdout == """
                added report '\(id)' (plugin \(plugin)) after the last report of reports.yaml
                wrote templates/\(plugin)/\(id).en.md
                wrote templates/\(plugin)/\(id).fr.md
                next: set its title and params in reports.yaml, write the templates, then `dtm-report validate` and `dtm-report run --report \(id)`

                """)
        // The file is kept as it was, comments included; the definition comes after the last
        // report, before `page:` and `charts:` and the comments above them.
        let after = try #require(folder.read("reports.yaml"))
        let inserted = try addedBlock(before: before, after: after)
        #expect(inserted.block.hasPrefix("  - id: \(id)\n    plugin: \(plugin)\n"))
        #expect(inserted.tail.hasPrefix("\n# Pages:"))

        let validated = try dtmReport(["validate"], in: folder)
        #expect(validated.status == 0, Comment(rawValue: validated.stderr))

        let ran = try dtmReport(["run", "--report", id], in: folder)
        #expect(ran.status == 0, Comment(rawValue: ran.stderr))
        let line = try #require(ran.stdout.split(separator: "\n").first.map(String.init))
        let period = try #require(
            line.firstMatch(of: #/^wrote out/([0-9]{4}-[0-9]{2})/new-[a-z-]+/ \(report\.en\.md, report\.fr\.md, /#)?.1)
        let description = try #require(BuiltInPlugins.all.first { $0.description.id == plugin }?.description)
        for (language, title) in [("en", "# TODO: title in English\n"), ("fr", "# TODO : titre en français\n")] {
            let text = try #require(folder.read("out/\(period)/\(id)/report.\(language).md"))
            #expect(text.hasPrefix(title))
            for fact in description.facts {
                #expect(text.contains("\n- \(fact.name):"), "\(fact.name) missing from report.\(language).md")
            }
            #expect(!text.contains("{{"))
        }
    }

    @Test func theDefinitionTakesTheInputsOfAnEarlierReportAndShowsTheDefaults() throws {
        let folder = try project()
        let before = try #require(folder.read("reports.yaml"))
        #expect(try dtmReport(["new-report", "--plugin", "flow-monitoring", "--id", "fmp-menaka"], in: folder).status == 0)
        let after = try #require(folder.read("reports.yaml"))
        #expect(
            try addedBlock(before: before, after: after).block == """
                  - id: fmp-menaka
                    plugin: flow-monitoring
                    title:
                      en: "TODO: title in English"
                      fr: "TODO : titre en français"
                    inputs:
                      observations: data/sample/fmp_observations.csv
                    ## every parameter at its default; uncomment `params:` and a line to change one.
                    ## `dtm-report describe flow-monitoring` explains each.
                    # params:
                    #   window: month
                    #   since: ~    # required with window: cumulative
                    #   fmps: []    # every FMP
                    #   top: 5
                    templates:
                      en: templates/flow-monitoring/fmp-menaka.en.md
                      fr: templates/flow-monitoring/fmp-menaka.fr.md

                """)
        let stub = try #require(folder.read("templates/flow-monitoring/fmp-menaka.fr.md"))
        #expect(stub.contains("\n- as_of: {{#as_of}}{{as_of}}{{/as_of}}{{^as_of}}(absent){{/as_of}}\n"))
        #expect(stub.contains("\n- mostly_men: {{#mostly_men}}oui{{/mostly_men}}{{^mostly_men}}non{{/mostly_men}}\n"))
        #expect(stub.contains("\n- fmp_names: {{fmp_names}}\n"))
    }

    /// What docs/report-types.md walks a coordinator through: a new report type with its own
    /// parameters, title and templates, and no Swift.
    @Test func aReportTypeWrittenAsTheGuideSaysRunsInBothLanguages() throws {
        let folder = try project()
        #expect(try dtmReport(["new-report", "--plugin", "flow-monitoring", "--id", "fmp-menaka-q1"], in: folder).status == 0)
        var yaml = try #require(folder.read("reports.yaml"))
        let defaults = """
                # params:
                #   window: month
                #   since: ~    # required with window: cumulative
                #   fmps: []    # every FMP
                #   top: 5

            """
        #expect(yaml.contains(defaults))
        yaml = yaml.replacingOccurrences(
            of: defaults, with: "    params:\n      window: cumulative\n      since: 2017-01-01\n      fmps: [MEN-01]\n      top: 2\n")
        yaml = yaml.replacingOccurrences(of: "\"TODO: title in English\"", with: "\"Ménaka, first quarter\"")
        yaml = yaml.replacingOccurrences(of: "\"TODO : titre en français\"", with: "\"Ménaka, premier trimestre\"")
        try folder.write(yaml, to: "reports.yaml")
        try folder.write(
            "# {{title}}\n\n{{#as_of}}{{total}} {{#total.one}}person{{/total.one}}{{#total.other}}people{{/total.other}} from {{since}} to {{as_of}}, mostly from {{top_nationalities}}.{{/as_of}}\n",
            to: "templates/flow-monitoring/fmp-menaka-q1.en.md")
        try folder.write(
            "# {{title}}\n\n{{#as_of}}{{total}} {{#total.one}}personne{{/total.one}}{{#total.other}}personnes{{/total.other}} du {{since}} au {{as_of}}, surtout de nationalité {{top_nationalities}}.{{/as_of}}\n",
            to: "templates/flow-monitoring/fmp-menaka-q1.fr.md")
        let validated = try dtmReport(["validate", "--period", "2017-03"], in: folder)
        #expect(validated.status == 0, Comment(rawValue: validated.stderr))
        let ran = try dtmReport(["run", "--period", "2017-03", "--report", "fmp-menaka-q1"], in: folder)
        #expect(ran.status == 0, Comment(rawValue: ran.stderr))
        let english = try #require(folder.read("out/2017-03/fmp-menaka-q1/report.en.md"))
        let french = try #require(folder.read("out/2017-03/fmp-menaka-q1/report.fr.md"))
        #expect(
            english.wholeMatch(
                of: #/# Ménaka, first quarter\n\n[0-9,]+ people from 1 January 2017 to 31 March 2017, mostly from [A-Z][^.]* and [^.]*\.\n/#
            ) != nil,
            Comment(rawValue: english))
        #expect(
            french.wholeMatch(
                of:
                    #/# Ménaka, premier trimestre\n\n[0-9\u{202F}]+ personnes du 1er janvier 2017 au 31 mars 2017, surtout de nationalité [^.]* et [^.]*\.\n/#
            ) != nil,
            Comment(rawValue: french))
    }

    /// Every commented line of the definition is valid once uncommented as written: `params:`
    /// alone, and `params:` with any one parameter line, pass `validate` as they are.
    @Test(arguments: pluginIDs)
    func everyCommentedLineOfTheStubIsValidWhenUncommented(plugin: String) throws {
        let folder = try project()
        let id = "new-\(plugin)"
        #expect(try dtmReport(["new-report", "--plugin", plugin, "--id", id], in: folder).status == 0)
        let written = try #require(folder.read("reports.yaml"))
        let lines = written.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "  - id: \(id)"))
        // The block ends at the first line that is not indented: `page:` and its comments follow it.
        let end = lines[(start + 1)...].firstIndex { !$0.hasPrefix(" ") } ?? lines.endIndex
        let commented = (start + 1..<end).filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        func uncommented(_ line: String) -> String {
            guard let hash = line.firstIndex(of: "#") else { return line }
            var rest = line[line.index(after: hash)...]
            if rest.first == " " { rest = rest.dropFirst() }
            return String(line[..<hash]) + rest
        }
        let paramsLine = lines.firstIndex { $0.hasSuffix("# params:") }
        var tried = 0
        for index in commented {
            var edited = lines
            edited[index] = uncommented(lines[index])
            // A parameter line is uncommented with `params:` above it, as the stub says.
            if let paramsLine, index > paramsLine, lines[index].contains("#   ") { edited[paramsLine] = uncommented(lines[paramsLine]) }
            try folder.write(edited.joined(separator: "\n"), to: "reports.yaml")
            let outcome = try dtmReport(["validate", "--period", "2017-03"], in: folder)
            let isOptionalInput = lines[index].hasSuffix("# optional")
            // An optional input names a file to provide: its YAML is read, the file may be missing.
            #expect(outcome.status == 0 || (isOptionalInput && outcome.stderr.contains("does not exist")),
                    "uncommented '\(lines[index])': \(outcome.stderr)")
            #expect(!outcome.stderr.contains("YAML syntax"), "uncommented '\(lines[index])': \(outcome.stderr)")
            tried += 1
        }
        #expect(tried == commented.count)
    }

    @Test func withoutAnEarlierReportOfThePluginTheInputsAreTheConventionalFilesUnderData() throws {
        let folder = try TemporaryFolder()
        let yaml =
            "version: 1\nlanguages: [en, fr]\nreports:\n- id: first\n  plugin: returnee-movements\n  title: {en: First, fr: Premier}\n  inputs: {movements: m.csv}\n  templates: {en: a.en.md, fr: a.fr.md}\n"
        try folder.write(yaml, to: "reports.yaml")
        let outcome = try dtmReport(["new-report", "--plugin", "situation-report", "--id", "sitrep"], in: folder)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        #expect(
            try #require(folder.read("reports.yaml")) == yaml + """
                - id: sitrep
                  plugin: situation-report
                  title:
                    en: "TODO: title in English"
                    fr: "TODO : titre en français"
                  inputs:
                    events: data/displacement_events.csv
                    # movements: data/population_movements.csv    # optional
                  templates:
                    en: templates/situation-report/sitrep.en.md
                    fr: templates/situation-report/sitrep.fr.md

                """)
    }

    @Test func anUnknownPluginIsAUsageErrorWithASuggestion() throws {
        let folder = try project()
        let outcome = try dtmReport(["new-report", "--plugin", "flow-monitorin", "--id", "fmp-gao"], in: folder)
        #expect(outcome.status == 64)
        #expect(
            outcome.stderr.hasPrefix(
                "Error: unknown plugin 'flow-monitorin' (did you mean 'flow-monitoring'?); known: covid-mobility, flow-monitoring, indicators, returnee-movements, situation-report\n"
            ))
        #expect(folder.read("reports.yaml") == (try String(contentsOf: Repository.url("reports.yaml"), encoding: .utf8)))
    }

    @Test func anIdThatIsNotKebabCaseIsAUsageError() throws {
        let folder = try project()
        let outcome = try dtmReport(["new-report", "--plugin", "flow-monitoring", "--id", "Fmp_Gao"], in: folder)
        #expect(outcome.status == 64)
        #expect(
            outcome.stderr.hasPrefix(
                "Error: report id 'Fmp_Gao' is not kebab-case: lower-case letters and digits, words joined by '-' (fmp-quarter-gao)\n"))
    }

    @Test func anIdAlreadyDefinedIsRefusedWithItsPosition() throws {
        let folder = try project()
        let outcome = try dtmReport(["new-report", "--plugin", "flow-monitoring", "--id", "fmp-monthly"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "reports.yaml:20:9: error: reports[1].id: a report 'fmp-monthly' is already defined; choose another id\n")
        #expect(
            !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("templates/flow-monitoring/fmp-monthly.en.md").path))
    }

    @Test func anExistingTemplateIsNeverOverwritten() throws {
        let folder = try project()
        try folder.write("mine\n", to: "templates/flow-monitoring/fmp-gao.fr.md")
        let outcome = try dtmReport(["new-report", "--plugin", "flow-monitoring", "--id", "fmp-gao"], in: folder)
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr
                == "error: templates/flow-monitoring/fmp-gao.fr.md already exists; new-report does not overwrite a template (choose another id or move the file)\n"
        )
        #expect(folder.read("templates/flow-monitoring/fmp-gao.fr.md") == "mine\n")
        #expect(folder.read("templates/flow-monitoring/fmp-gao.en.md") == nil)
        #expect(folder.read("reports.yaml") == (try String(contentsOf: Repository.url("reports.yaml"), encoding: .utf8)))
    }

    @Test func inAFileWhereReportsIsNotLastTheReportGoesAfterTheLastOne() throws {
        let folder = try TemporaryFolder()
        let reports =
            "version: 1\nlanguages: [en, fr]\nreports:\n  - id: first\n    plugin: returnee-movements\n    title: {en: First, fr: Premier}\n    inputs: {movements: m.csv}\n    templates: {en: a.en.md, fr: a.fr.md}\n"
        let rest = "\n# Where the files go.\noutput: out\n"
        try folder.write(reports + rest, to: "reports.yaml")
        let outcome = try dtmReport(["new-report", "--plugin", "returnee-movements", "--id", "second"], in: folder)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        let after = try #require(folder.read("reports.yaml"))
        #expect(after.hasPrefix(reports + "  - id: second\n    plugin: returnee-movements\n"))
        #expect(after.hasSuffix("      fr: templates/returnee-movements/second.fr.md\n" + rest))
    }

    @Test func aFileWhoseReportsAreAFlowListIsLeftAsItWas() throws {
        let folder = try TemporaryFolder()
        let yaml =
            "version: 1\nlanguages: [en, fr]\nreports: [{id: first, plugin: returnee-movements, title: {en: First, fr: Premier}, inputs: {movements: m.csv}, templates: {en: a.en.md, fr: a.fr.md}}]\noutput: out\n"
        try folder.write(yaml, to: "reports.yaml")
        let outcome = try dtmReport(["new-report", "--plugin", "returnee-movements", "--id", "second"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: cannot add a report to reports.yaml: `reports:` must be a top-level block list (`  - id: …`)\n")
        #expect(folder.read("reports.yaml") == yaml)
        #expect(folder.read("templates/returnee-movements/second.en.md") == nil)
    }

    /// The walk-through in docs/report-types.md, done as it says: its definition, its templates
    /// and the texts it shows are what the tool takes and writes.
    @Test func theGuideWalkThroughIsWhatTheToolDoes() throws {
        let guide = try String(contentsOf: Repository.url("docs/report-types.md"), encoding: .utf8)
        func block(after marker: String, fence: String) throws -> String {
            let start = try #require(guide.range(of: marker), "'\(marker)' not in the guide")
            let open = try #require(guide.range(of: "```\(fence)\n", range: start.upperBound..<guide.endIndex))
            let close = try #require(guide.range(of: "\n```\n", range: open.upperBound..<guide.endIndex))
            return String(guide[open.upperBound..<close.lowerBound]) + "\n"
        }
        let folder = try project()
        let before = try #require(folder.read("reports.yaml"))
        let added = try dtmReport(["new-report", "--plugin", "flow-monitoring", "--id", "fmp-menaka-quarter"], in: folder)
        #expect(added.status == 0, Comment(rawValue: added.stderr))
        #expect(guide.contains("$ dtm-report new-report --plugin flow-monitoring --id fmp-menaka-quarter\n" + added.stdout))
        let inserted = try addedBlock(before: before, after: try #require(folder.read("reports.yaml")))
        #expect(inserted.block == (try block(after: "with the comments above it):", fence: "yaml")))

        try folder.write(inserted.head + (try block(after: "## 3. Set the title", fence: "yaml")) + inserted.tail, to: "reports.yaml")
        try folder.write(
            try block(after: "`templates/flow-monitoring/fmp-menaka-quarter.en.md`:", fence: "mustache"),
            to: "templates/flow-monitoring/fmp-menaka-quarter.en.md")
        try folder.write(
            try block(after: "`templates/flow-monitoring/fmp-menaka-quarter.fr.md`:", fence: "mustache"),
            to: "templates/flow-monitoring/fmp-menaka-quarter.fr.md")
        let session = try block(after: "## 5. Check, then run", fence: "console")
        let validated = try dtmReport(["validate", "--period", "2017-03"], in: folder)
        #expect(validated.status == 0, Comment(rawValue: validated.stderr))
        #expect(session.contains("$ dtm-report validate --period 2017-03\n" + validated.stdout))
        let ran = try dtmReport(["run", "--period", "2017-03", "--report", "fmp-menaka-quarter"], in: folder)
        #expect(session.contains("$ dtm-report run --period 2017-03 --report fmp-menaka-quarter\n" + ran.stdout))
        for language in ["en", "fr"] {
            let text = try #require(folder.read("out/2017-03/fmp-menaka-quarter/report.\(language).md"))
            #expect(session.contains("$ cat out/2017-03/fmp-menaka-quarter/report.\(language).md\n" + text + "$ "))
        }

        // One of the errors the guide shows, from the same definition with one mistake.
        let template = try #require(folder.read("templates/flow-monitoring/fmp-menaka-quarter.en.md"))
        try folder.write(
            template.replacingOccurrences(of: "{{incoming}} incoming", with: "{{incomming}} incoming"),
            to: "templates/flow-monitoring/fmp-menaka-quarter.en.md")
        let failed = try dtmReport(["validate"], in: folder)
        #expect(failed.status == 1)
        #expect(guide.contains("```text\n" + failed.stderr + "```\n"), Comment(rawValue: failed.stderr))
    }
}
