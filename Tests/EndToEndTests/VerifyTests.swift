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
            #expect(lines(outcome.stdout).first?.hasPrefix("ok: out/2017-04: 13 reports, 104 files intact") == true, Comment(rawValue: outcome.stdout))
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

    /// Removes a report's file together with its entry in the manifest, as an edit by hand of
    /// both would: the file checks alone cannot tell, only the report's shape can.
    static func removeListed(_ file: String, from folder: TemporaryFolder) throws {
        let manifestPath = "out/2017-04/manifest.json"
        let data = try #require(folder.read(manifestPath)).data(using: .utf8)!
        var manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var reports = try #require(manifest["reports"] as? [[String: Any]])
        for index in reports.indices {
            let files = try #require(reports[index]["files"] as? [[String: Any]])
            reports[index]["files"] = files.filter { $0["path"] as? String != file }
        }
        manifest["reports"] = reports
        try folder.write(Array(try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])), to: manifestPath)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("out/2017-04/\(file)"))
    }

    /// A manifest edited with the files it lists, which the file checks alone accept.
    static let shapeDamages: [Damage] = [
        Damage(name: "a report without its JSON", damage: { folder in
            try removeListed("covid-poe/report.json", from: folder)
        }, errors: ["out/2017-04/covid-poe: error: the report has no report.json in manifest.json; run the month again"]),
        Damage(name: "a report without its text in one language", damage: { folder in
            try removeListed("covid-poe/report.fr.md", from: folder)
        }, errors: ["out/2017-04/covid-poe: error: the report has no text in fr, which the other reports of the month have; run the month again"]),
        Damage(name: "a report without any text", damage: { folder in
            try removeListed("covid-poe/report.fr.md", from: folder)
            try removeListed("covid-poe/report.en.md", from: folder)
        }, errors: ["out/2017-04/covid-poe: error: the report has no text (report.<language>.md) in manifest.json; run the month again"]),
        Damage(name: "a manifest that is not JSON", damage: { folder in
            try folder.write("{\"reports\": [", to: "out/2017-04/manifest.json")
        }, errors: ["out/2017-04/manifest.json: error: manifest.json cannot be read (it is not the JSON dtm-report writes); run the month again"]),
        Damage(name: "a month copied under another month's name", damage: { folder in
            try FileManager.default.copyItem(at: folder.url.appendingPathComponent("out/2017-04"), to: folder.url.appendingPathComponent("out/2017-05"))
        }, errors: ["out/2017-05/manifest.json: error: manifest.json describes 2017-04, but the folder is named 2017-05; a folder was renamed or copied over: run the month again"],
               arguments: ["verify", "out/2017-05"]),
        Damage(name: "an input removed since", damage: { folder in
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("data/sample/poe_status.csv"))
        }, errors: ["data/sample/poe_status.csv: error: no longer exists or cannot be read; out/2017-04 ('covid-poe') was computed from it"],
               arguments: ["verify", "--inputs"]),
    ]

    @Test(arguments: damages + shapeDamages)
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
