import Foundation
import Testing
import TestSupport

/// The pages of the shipped run as a user gets them: every report's two pages and the month's
/// index, which a run of one report keeps whole.
@Suite struct PagesRunTests {
    @Test func aRunOfOneReportKeepsTheIndexOfTheWholeMonth() throws {
        let folder = try TemporaryFolder()
        try Repository.copy(["reports.yaml", "data", "templates", "vocabularies"], into: folder)
        let whole = try DTMReportBinary.run(["run", "--period", "2017-04", "--quiet"], in: folder.url)
        #expect(whole.status == 0, Comment(rawValue: whole.stderr))
        let english = try #require(folder.read("out/2017-04/index.en.html")), french = try #require(folder.read("out/2017-04/index.fr.html"))
        #expect(english.contains("<html lang=\"en\">") && english.contains("<a href=\"index.fr.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"))
        #expect(french.contains("<li><a href=\"covid-poe/report.fr.html\">Mali — Impact de la COVID-19 sur les points d&#39;entrée</a></li>"))
        #expect(english.components(separatedBy: "<li>").count == 14)
        let one = try DTMReportBinary.run(["run", "--period", "2017-04", "--report", "cmp-returnees", "--quiet"], in: folder.url)
        #expect(one.status == 0, Comment(rawValue: one.stderr))
        #expect(folder.read("out/2017-04/index.en.html") == english)
        #expect(folder.read("out/2017-04/index.fr.html") == french)
    }
}
