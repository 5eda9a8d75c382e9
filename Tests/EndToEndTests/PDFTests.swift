import Foundation
import Testing
import TestSupport

/// `run --pdf`: refused before anything is written without Chromium; with it, every page printed,
/// listed in the manifest, the same bytes from the same inputs in any folder.
@Suite struct PDFTests {
    func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        return folder
    }

    static var chromiumIsInstalled: Bool {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return ["chromium", "chromium-headless-shell", "chromium-browser", "google-chrome"].contains { name in
            folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
    }

    @Test func withoutChromiumNothingIsWrittenAndTheInstallIsNamed() throws {
        let folder = try project()
        let outcome = try DTMReportBinary.runTool(
            "/usr/bin/env", ["PATH=/nonexistent", DTMReportBinary.url.path, "run", "--period", "2017-04", "--pdf"], in: folder.url)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("error: --pdf prints the pages with Chromium, which is not installed"))
        #expect(outcome.stderr.contains("apt-get install chromium-headless-shell"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    }

    @Test(.enabled(if: chromiumIsInstalled, "Chromium is not installed"))
    func pagesArePrintedListedAndTheSameInAnyFolder() throws {
        let first = try project(), second = try project()
        var printed: [[UInt8]] = []
        for folder in [first, second] {
            let outcome = try DTMReportBinary.run(["run", "--period", "2017-04", "--report", "cmp-returnees", "--pdf"], in: folder.url)
            #expect(outcome.status == 0, Comment(rawValue: outcome.stderr))
            #expect(outcome.stdout.hasPrefix("wrote out/2017-04/cmp-returnees/ (report.en.md, report.fr.md, report.en.html, report.fr.html, report.en.pdf, report.fr.pdf, by_region.csv, monthly.csv, report.json)"))
            let pdf = try #require(FileManager.default.contents(atPath: folder.url.appendingPathComponent("out/2017-04/cmp-returnees/report.fr.pdf").path))
            printed.append(Array(pdf))
            let manifest = try #require(folder.read("out/2017-04/manifest.json"))
            #expect(manifest.contains("\"path\" : \"cmp-returnees/report.fr.pdf\""))
            let verified = try DTMReportBinary.run(["verify"], in: folder.url)
            #expect(verified.status == 0, Comment(rawValue: verified.stdout + verified.stderr))
        }
        #expect(printed[0].starts(with: Array("%PDF-".utf8)))
        #expect(printed[0] == printed[1], "the same page printed in two folders gives two PDFs")
        let text = String(decoding: printed[0], as: UTF8.self)
        #expect(text.contains("/CreationDate (D:20170401000000"))
        #expect(!text.contains(first.url.path) && !text.contains("file://"))
    }
}
