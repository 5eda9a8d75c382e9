import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// The shipped `reports.yaml` on the shipped sample data: the published figures, as golden files
/// in `Golden/<report-id>/<period>/`, one report at a time (as `run --report` writes it).
@Suite struct ShippedRunTests {
    /// Every report of the shipped configuration, with the periods its golden files cover.
    static let goldenPeriods: [String: [String]] = [
        "cmp-returnees": ["2016-09", "2016-10", "2016-12", "2017-02", "2017-03", "2017-04"],
        "dnds-sitrep": ["2017-01", "2017-02"],
        "covid-poe": ["2020-03", "2020-04", "2020-05", "2020-07", "2020-08"],
        "fmp-monthly": ["2017-01", "2017-02", "2017-03"],
        "fmp-snapshot": ["2016-11"],
        "fmp-quarter-gao": ["2017-03", "2017-04"],
        "ner-sitrep": ["2023-05", "2023-06"],
        "ner-idps": ["2023-04", "2023-05", "2023-06"],
        "mli-baseline-idps": ["2021-09"],
        "mli-baseline-returnees": ["2021-09"],
        "mli-baseline-returned-idps": ["2021-09"],
        "dtm-api-idps": ["2021-08", "2021-09"],
        "ett-alerts": ["2016-12", "2017-01", "2017-03"],
    ]

    static let cases: [String] = goldenPeriods.keys.sorted().flatMap { report in goldenPeriods[report]!.map { "\(report) \($0)" } }

    static func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        return folder
    }

    static func run(_ folder: TemporaryFolder, period: String?, report: String? = nil) throws -> RunPlan {
        let options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: period.flatMap { Period(iso: $0) },
                                 reportIDs: report.map { [$0] } ?? [])
        let plan = try ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)).get()
        try OutputWriter(root: plan.outputRoot, toolVersion: ReportRun.toolVersion).write(plan.outputs)
        return plan
    }

    @Test func everyShippedReportHasGoldenFiles() throws {
        let data = try #require(FileManager.default.contents(atPath: Repository.url("reports.yaml").path))
        let file = try ReportsFileLoader.load(Array(data), file: "reports.yaml").get()
        #expect(file.reports.map(\.id.value).sorted() == Self.goldenPeriods.keys.sorted())
    }

    @Test(arguments: cases)
    func writesTheGoldenOutputs(reportAndPeriod: String) throws {
        let parts = reportAndPeriod.split(separator: " ").map(String.init)
        let (report, period) = (parts[0], parts[1])
        let folder = try Self.project()
        _ = try Self.run(folder, period: period, report: report)
        let problems = Golden.compare(Golden.files(in: folder.url.appendingPathComponent("out/\(period)")),
                                      with: Repository.url("Tests/EndToEndTests/Golden/\(report)/\(period)"))
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
    }

    @Test func withoutAPeriodEachReportTakesItsLatestMonth() throws {
        let plan = try Self.run(Self.project(), period: nil)
        let periods = Dictionary(uniqueKeysWithValues: plan.outputs.map { ($0.id, $0.period.iso) })
        #expect(periods["cmp-returnees"] == "2017-04")
    }

    @Test func thePublishedSentencesComeOutOfTheComputation() throws {
        let folder = try Self.project()
        _ = try Self.run(folder, period: "2017-04")
        _ = try Self.run(folder, period: "2016-10")
        let april = try #require(folder.read("out/2017-04/cmp-returnees/report.fr.md"))
        #expect(april.contains("À la date du 30 avril 2017, les partenaires de la CMP ont comptabilisé 58\u{202F}315 rapatriés, ce qui correspond à une augmentation de 907 personnes par rapport aux données de février 2017 (57\u{202F}408 rapatriés)."))
        let aprilEnglish = try #require(folder.read("out/2017-04/cmp-returnees/report.en.md"))
        #expect(aprilEnglish.contains("As of 30 April 2017, CMP partners had counted 58,315 returnees"))
        #expect(aprilEnglish.contains(", an increase of 907 people compared with February 2017 (57,408 returnees)."))
        let october = try #require(folder.read("out/2016-10/cmp-returnees/report.fr.md"))
        #expect(october.contains("À la date du 31 octobre 2016, les partenaires de la CMP ont comptabilisé 55\u{202F}539 rapatriés"))
        #expect(october.contains("une diminution de 1\u{202F}190 personnes par rapport aux données de septembre 2016 (56\u{202F}729 rapatriés)."))
    }

    @Test func twoRunsOnTheSameInputsWriteIdenticalBytes() throws {
        let first = try Self.project(), second = try Self.project()
        for period in Set(Self.goldenPeriods.values.flatMap { $0 }).sorted() {
            _ = try Self.run(first, period: period)
            _ = try Self.run(second, period: period)
        }
        let a = Golden.files(in: first.url.appendingPathComponent("out")), b = Golden.files(in: second.url.appendingPathComponent("out"))
        #expect(!a.isEmpty)
        #expect(a == b)
    }
}
