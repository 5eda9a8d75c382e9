import Foundation
import Testing
import TestSupport

/// The chapter "Your office's own files" of docs/report-types.md, done as it says: its mappings
/// are the shipped ones, its notes and every error it shows are what the tool prints.
@Suite struct OwnFilesGuideTests {
    let guide: String
    let chapter: String

    init() throws {
        guide = try String(contentsOf: Repository.url("docs/report-types.md"), encoding: .utf8)
        let start = try #require(guide.range(of: "## Your office's own files\n"))
        let end = try #require(guide.range(of: "\n## ", range: start.upperBound..<guide.endIndex))
        chapter = String(guide[start.lowerBound..<end.lowerBound])
    }

    func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        return folder
    }

    /// The fenced blocks of the chapter with this info string, in order.
    func blocks(_ fence: String) -> [String] {
        chapter.components(separatedBy: "```\(fence)\n").dropFirst().map { String($0.components(separatedBy: "```\n")[0]) }
    }

    @Test func theMappingsShownAreTheShippedOnes() throws {
        let shipped = try String(contentsOf: Repository.url("reports.yaml"), encoding: .utf8)
        let mappings = blocks("yaml")
        #expect(mappings.count == 3)
        for mapping in mappings.prefix(2) { #expect(shipped.contains(mapping), Comment(rawValue: mapping)) }
    }

    /// The shipped project with the API export's mapping replaced by the roll-up of its cercles
    /// that the chapter shows.
    func rolledUpProject() throws -> TemporaryFolder {
        let mappings = blocks("yaml")
        try #require(mappings.count == 3)
        let folder = try project()
        let yaml = try #require(folder.read("reports.yaml"))
        #expect(yaml.contains(mappings[1]))
        try folder.write(yaml.replacingOccurrences(of: mappings[1], with: mappings[2]), to: "reports.yaml")
        return folder
    }

    /// Cercles rolled up to their regions by the vocabulary give the export's own region rows:
    /// the same files, byte for byte.
    @Test func theRollUpShownGivesTheRegionsFigures() throws {
        let rolled = try rolledUpProject(), shipped = try project()
        for folder in [rolled, shipped] {
            let outcome = try DTMReportBinary.run(["run", "--period", "2021-07...2021-09", "--report", "dtm-api-idps"], in: folder.url)
            #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        }
        for month in ["2021-07", "2021-08", "2021-09"] {
            for name in ["report.en.md", "report.fr.md", "by_region.csv", "report.json"] {
                let path = "out/\(month)/dtm-api-idps/\(name)"
                let mine = try #require(rolled.read(path)), theirs = try #require(shipped.read(path))
                #expect(mine == theirs, Comment(rawValue: path))
            }
        }
        let outcome = try DTMReportBinary.run(["validate"], in: rolled.url)
        let shown = try #require(blocks("console").dropFirst().first).split(separator: "\n").dropFirst()
        #expect(shown.count == 3)
        let printed = outcome.stdout.split(separator: "\n")
        for line in shown { #expect(printed.contains(line), Comment(rawValue: String(line))) }
    }

    @Test func theNotesShownAreWhatValidatePrints() throws {
        let outcome = try DTMReportBinary.run(["validate"], in: project().url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        let shown = try #require(blocks("console").first).split(separator: "\n").dropFirst().filter { $0 != "…" }
        #expect(shown.count > 5)
        let printed = outcome.stdout.split(separator: "\n")
        for line in shown { #expect(printed.contains(line), Comment(rawValue: String(line))) }
    }

    @Test func everyErrorShownIsWhatTheToolPrints() throws {
        let mistakes = [
            ("individuals: Num_Ret_IDP_IND", "individuals: Num_Ret_IDPs_IND"),
            ("sheet: Baseline Assessment", "sheet: Baseline"),
            ("adm1_name: \"#adm1+name-origin\"", "adm1_name: \"#adm1+name\""),
        ]
        var printed: [String] = []
        // A cercle the vocabulary does not list, in the roll-up.
        let rolled = try rolledUpProject()
        let export = try #require(rolled.read("data/sample/dtm_api_idps.csv"))
        let row = "5105,Mali Crisis,Mali,MLI,Mopti,MLI05,Mopti,MLI0501,"
        #expect(export.contains(row))
        try rolled.write(export.replacingOccurrences(of: row, with: row.replacingOccurrences(of: "MLI0501", with: "MLI0599")),
                         to: "data/sample/dtm_api_idps.csv")
        printed.append(try DTMReportBinary.run(["validate"], in: rolled.url).stderr)
        for (old, new) in mistakes {
            let folder = try project()
            let yaml = try #require(folder.read("reports.yaml"))
            #expect(yaml.contains(old))
            try folder.write(yaml.replacingOccurrences(of: old, with: new), to: "reports.yaml")
            printed.append(try DTMReportBinary.run(["validate"], in: folder.url).stderr)
        }
        let folder = try project()
        try folder.write([UInt8](try Data(contentsOf: Repository.url("Tests/Fixtures/Workbooks/baseline-bad-cells.xlsx"))),
                         to: "data/sample/mli_baseline_assessment.xlsx")
        printed.append(try DTMReportBinary.run(["validate"], in: folder.url).stderr)
        #expect(blocks("text") == printed)
    }
}
