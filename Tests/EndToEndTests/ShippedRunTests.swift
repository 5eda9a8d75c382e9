import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// The shipped `reports.yaml` on the shipped sample data: the published figures, as golden files.
@Suite struct ShippedRunTests {
    static let periods = ["2016-09", "2016-10", "2016-12", "2017-02", "2017-03", "2017-04"]

    static func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates"], into: folder)
        return folder
    }

    static func run(_ folder: TemporaryFolder, period: String?) throws -> RunPlan {
        let options = RunOptions(configFile: folder.url.appendingPathComponent("reports.yaml"), period: period.flatMap { Period(iso: $0) })
        let plan = try ReportRun.plan(options, registry: PluginRegistry(BuiltInPlugins.all)).get()
        try OutputWriter(root: plan.outputRoot, toolVersion: ReportRun.toolVersion).write(plan.outputs)
        return plan
    }

    @Test(arguments: periods)
    func writesTheGoldenOutputs(period: String) throws {
        let folder = try Self.project()
        _ = try Self.run(folder, period: period)
        let problems = Golden.compare(Golden.files(in: folder.url.appendingPathComponent("out/\(period)")),
                                      with: Repository.url("Tests/EndToEndTests/Golden/\(period)"))
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
    }

    @Test func withoutAPeriodEachReportTakesItsLatestMonth() throws {
        let plan = try Self.run(Self.project(), period: nil)
        #expect(plan.outputs.map(\.period.iso) == ["2017-04"])
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
        _ = try Self.run(first, period: "2017-04")
        _ = try Self.run(second, period: "2017-04")
        let a = Golden.files(in: first.url.appendingPathComponent("out")), b = Golden.files(in: second.url.appendingPathComponent("out"))
        #expect(!a.isEmpty)
        #expect(a == b)
    }
}
