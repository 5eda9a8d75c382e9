import Foundation
import Testing
import TestSupport

/// `dtm-report verify` on a month the real binary wrote, then damaged in each way a shared
/// folder can be: every kind of damage is named with its file, and the exit code is 1.
@Suite struct VerifyTests {
    /// The shipped project after a run of April 2017.
    func writtenMonth() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        let outcome = try DTMReportBinary.run(["run", "--period", "2017-04", "--quiet"], in: folder.url)
        #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
        return folder
    }

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }

    @Test func anIntactMonthIsAccepted() throws {
        let folder = try writtenMonth()
        for arguments in [["verify"], ["verify", "out"], ["verify", "out/2017-04"], ["verify", "--inputs", "out/2017-04/"]] {
            let outcome = try DTMReportBinary.run(arguments, in: folder.url)
            #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
            #expect(outcome.stderr.isEmpty)
            #expect(lines(outcome.stdout).first?.hasPrefix("ok: out/2017-04: 13 reports, 93 files intact") == true, Comment(rawValue: outcome.stdout))
        }
    }

    struct Damage: Sendable, CustomTestStringConvertible {
        let name: String
        let damage: @Sendable (TemporaryFolder) throws -> Void
        let errors: [String]
        var arguments = ["verify"]
        var testDescription: String { name }
    }

    static let englishText = "out/2017-04/fmp-monthly/report.en.md"

    static let damages: [Damage] = [
        Damage(name: "an edited file", damage: { folder in
            let text = try #require(folder.read(englishText))
            // The same size, other bytes: only the checksum can tell.
            try folder.write(String(text.reversed()), to: englishText)
        }, errors: ["\(englishText): error: contents differ from manifest.json (edited since it was written); run the month again"]),
        Damage(name: "a truncated file", damage: { folder in
            let text = try #require(folder.read(englishText))
            try folder.write(Array(Array(text.utf8).prefix(100)), to: englishText)
        }, errors: ["\(englishText): error: 100 bytes where manifest.json lists 863 (cut short or edited since it was written); run the month again"]),
        Damage(name: "an extra file", damage: { folder in
            try folder.write("draft", to: "out/2017-04/fmp-monthly/notes.txt")
        }, errors: ["out/2017-04/fmp-monthly/notes.txt: error: not listed in manifest.json (added since the month was written); remove it, or run the month again"]),
        Damage(name: "a missing file", damage: { folder in
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("out/2017-04/covid-poe/report.json"))
        }, errors: ["out/2017-04/covid-poe/report.json: error: missing: manifest.json lists it; run the month again"]),
        Damage(name: "a missing report folder", damage: { folder in
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("out/2017-04/covid-poe"))
        }, errors: [
            "out/2017-04/covid-poe/poe_status.csv: error: missing: manifest.json lists it; run the month again",
        ]),
        Damage(name: "a missing manifest", damage: { folder in
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("out/2017-04/manifest.json"))
        }, errors: ["out/2017-04/manifest.json: error: no manifest.json: this is not a month folder written by dtm-report, or it was damaged; run the month again"]),
        Damage(name: "an input changed since", damage: { folder in
            try folder.write(try #require(folder.read("data/sample/poe_status.csv")) + "2020-03-26,MLI-POE-009,Kayes,airport,ML01,,open,\n", to: "data/sample/poe_status.csv")
        }, errors: ["data/sample/poe_status.csv: error: changed since out/2017-04 was written from it ('covid-poe'): its SHA-256 differs from manifest.json; run the month again to report on it"],
               arguments: ["verify", "--inputs"]),
    ]

    @Test(arguments: damages)
    func eachKindOfDamageIsNamedWithItsFile(_ damage: Damage) throws {
        let folder = try writtenMonth()
        try damage.damage(folder)
        let outcome = try DTMReportBinary.run(damage.arguments, in: folder.url)
        #expect(outcome.status == 1)
        let shown = lines(outcome.stderr)
        // The first lines of a missing report folder are its files, in the manifest's order.
        #expect(Array(shown.prefix(damage.errors.count)) == damage.errors, Comment(rawValue: outcome.stderr))
        #expect(shown.last?.hasSuffix("found") == true)
    }

    @Test func aFolderThatIsNotThereIsNamed() throws {
        let folder = try TemporaryFolder()
        let outcome = try DTMReportBinary.run(["verify", "out/2017-04"], in: folder.url)
        #expect(outcome.status == 1)
        #expect(lines(outcome.stderr) == ["out/2017-04: error: no such folder; give a month folder (out/2017-04) or an output folder", "1 problem found"])
    }
}
