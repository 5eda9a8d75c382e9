import Foundation
import Testing
import TestSupport

/// A run killed with SIGKILL at any point leaves the period's earlier outputs intact (or, when
/// it was killed after the swap, the complete new ones), never a mix; the next run succeeds and
/// removes what the killed one left.
@Suite(.serialized) struct CrashTests {
    /// A project whose input is large enough (100 000 rows) for a run to be killed halfway.
    func project(seed: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["templates", "vocabularies"], into: folder)
        try folder.write("""
            version: 1
            languages: [en, fr]
            reports:
              - id: cmp-returnees
                plugin: returnee-movements
                title: {en: Returnees, fr: Rapatriés}
                inputs: {movements: data/sample/population_movements.csv}
                templates: {en: templates/returnee-movements/summary.en.md, fr: templates/returnee-movements/summary.fr.md}

            """, to: "reports.yaml")
        var csv = "report_date,adm1_code,adm1_name,population,individuals,households\n"
        let regions = [("ML06", "Tombouctou"), ("ML07", "Gao"), ("ML08", "Kidal")]
        for row in 0..<100_000 {
            let (code, name) = regions[row % 3]
            csv += "2017-0\(1 + row % 4)-28,\(code),\(name),returnees,\((row * seed) % 97 + 1),\(row % 13 + 1)\n"
        }
        try folder.write(csv, to: "data/sample/population_movements.csv")
        return folder
    }

    func periodFolder(_ folder: TemporaryFolder) -> [String: [UInt8]] {
        Golden.files(in: folder.url.appendingPathComponent("out/2017-04"))
    }

    @Test func aKilledRunLeavesEitherTheOldOutputsOrTheNewOnes() throws {
        let folder = try project(seed: 7)
        #expect(try DTMReportBinary.run(["run", "--period", "2017-04"], in: folder.url).status == 0)
        let old = periodFolder(folder)
        #expect(old.count == 6)

        // The same project with other numbers, run to the end elsewhere: what a complete new run writes.
        let reference = try project(seed: 11)
        #expect(try DTMReportBinary.run(["run", "--period", "2017-04"], in: reference.url).status == 0)
        let new = periodFolder(reference)
        #expect(new != old)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("data/sample/population_movements.csv"))
        try FileManager.default.copyItem(at: reference.url.appendingPathComponent("data/sample/population_movements.csv"),
                                         to: folder.url.appendingPathComponent("data/sample/population_movements.csv"))

        for delay in [0.05, 0.2, 0.5, 1.0, 1.5, 2.5] {
            let process = try DTMReportBinary.start(["run", "--period", "2017-04"], in: folder.url)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = periodFolder(folder)
            #expect(now == old || now == new, "after a kill at \(delay) s the period folder is a mix")
        }

        #expect(try DTMReportBinary.run(["run", "--period", "2017-04"], in: folder.url).status == 0)
        #expect(periodFolder(folder) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out").path)
        #expect(leftovers.sorted() == [".2017-04.lock", "2017-04"])
    }
}
