import Foundation
import ReportKit
import Testing
import TestSupport

/// Plugins compute; words are data. No Swift file under `Plugins/` may spell a P-code, a country
/// code, a place or country name, or another word of the vocabularies: they live in
/// `vocabularies/`, where a coordinator reads and extends them.
///
/// Every string literal of every plugin is checked against every vocabulary file: a literal
/// holding a P-code (either prefix) or a country code as a word; a literal that is a word of a
/// vocabulary (`"Truck"`, `"Ségou"`); a literal containing a word of several words or with an
/// accent (`"suite aux inondations"`, `"la Guinée"`). Keys (`land_border`) are identifiers, not
/// words, and stay in the plugins.
@Suite struct NoVocabularyInSwiftTests {
    /// What the vocabulary files hold.
    struct Words {
        var codes: Set<String> = []
        var words: Set<String> = []
        var phrases: Set<String> = []
    }

    static let words: Words = {
        var result = Words()
        var keys: Set<String> = []
        var cells: Set<String> = []
        let root = Repository.url("vocabularies")
        // The pages' words and the headings of the plugins' tables name the plugins' own ids,
        // tables and columns, which plugins must spell: they are not words a plugin could hold.
        let pageFiles: Set<String> = ["page-words.csv", "table-headings.csv"]
        let files = (FileManager.default.subpaths(atPath: root.path) ?? []).filter { $0.hasSuffix(".csv") && !pageFiles.contains($0) }.sorted()
        for file in files {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path),
                  case .success(let table) = VocabularyLoader.table(Array(data), file: file) else { continue }
            let header = table.header.map(\.text)
            for row in table.rows {
                for (index, cell) in row.enumerated() where !cell.text.isEmpty && index < header.count {
                    switch header[index] {
                    case "key":
                        keys.insert(cell.text)
                        // Country codes are codes: three capital letters.
                        if file == "countries.csv" { result.codes.insert(cell.text) }
                    case VocabularyLoader.PCodeColumns.code:
                        result.codes.insert(cell.text)
                        // The same place with the ISO3 prefix (MLI07 for ML07).
                        let country = row[header.firstIndex(of: VocabularyLoader.PCodeColumns.country)!].text
                        result.codes.insert(country + cell.text.dropFirst(2))
                    case VocabularyLoader.PCodeColumns.country, VocabularyLoader.PCodeColumns.parent:
                        result.codes.insert(cell.text)
                    case VocabularyLoader.PCodeColumns.level, "Valid from date", "iso2", "unknown":
                        break
                    default:
                        cells.insert(cell.text)
                    }
                }
            }
        }
        // Words compare as written (`Truck` is a word, `truck` a key); phrases without case.
        for word in cells.subtracting(keys) {
            result.words.insert(word)
            if word.contains(" ") || word.unicodeScalars.contains(where: { !$0.isASCII }) { result.phrases.insert(word.lowercased()) }
        }
        return result
    }()

    /// The string literals of a Swift source, one per line they are on: `"…"` outside comments.
    static func literals(in source: String) -> [(line: Int, text: String)] {
        var found: [(Int, String)] = []
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? "" : String(line)
            var inside = false, escaped = false, current = ""
            for character in code {
                if inside {
                    if escaped { escaped = false; current.append(character); continue }
                    if character == "\\" { escaped = true; continue }
                    if character == "\"" { found.append((number + 1, current)); current = ""; inside = false; continue }
                    current.append(character)
                } else if character == "\"" {
                    inside = true
                }
            }
        }
        return found
    }

    /// What in `source` is a vocabulary word, as `line: "literal" (why)`.
    static func violations(in source: String, words: Words) -> [String] {
        var problems: [String] = []
        for (line, literal) in literals(in: source) {
            let tokens = literal.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
            if let code = tokens.first(where: words.codes.contains) {
                problems.append("\(line): \"\(literal)\" holds the code \(code)")
                continue
            }
            let lowered = literal.trimmingCharacters(in: .whitespaces).lowercased()
            if words.words.contains(literal.trimmingCharacters(in: .whitespaces)) {
                problems.append("\(line): \"\(literal)\" is a vocabulary word")
                continue
            }
            if let phrase = words.phrases.first(where: { contains(lowered, word: $0) }) {
                problems.append("\(line): \"\(literal)\" holds the vocabulary words '\(phrase)'")
            }
        }
        return problems
    }

    /// Whether `word` occurs in `text` between non-letters.
    static func contains(_ text: String, word: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let range = text.range(of: word, range: searchRange) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isBoundary = { (character: Character?) in character.map { !($0.isLetter || $0.isNumber || $0 == "_") } ?? true }
            if isBoundary(before) && isBoundary(after) { return true }
            searchRange = range.upperBound..<text.endIndex
        }
        return false
    }

    @Test func theVocabulariesHoldCodesAndWords() {
        #expect(Self.words.codes.contains("ML07") && Self.words.codes.contains("MLI07") && Self.words.codes.contains("NE006"))
        #expect(Self.words.codes.contains("GIN") && Self.words.codes.contains("OOO"))
        #expect(Self.words.words.contains("Camion") && Self.words.words.contains("Ségou") && Self.words.words.contains("Truck"))
        #expect(Self.words.phrases.contains("suite aux inondations") && Self.words.phrases.contains("la guinée"))
        #expect(!Self.words.words.contains("land_border") && !Self.words.words.contains("returnees"), "keys are identifiers")
    }

    /// The scanner itself finds what it is for, and leaves keys and documentation alone.
    @Test func theScanFindsWordsAndCodesInSwift() {
        let source = """
            let a = Label(en: "Truck", fr: "Camion")
            let b = ["ML07": "Gao"]
            let c = code == "MLI07" ? "x" : "y"
            let d = "following floods"
            let e = Country(phrase: "la Guinée")
            let f = "OOO"
            // "Ménaka" in a comment is fine
            let g = ["returnees", "land_border", "Region P-code of origin."]
            """
        let found = Self.violations(in: source, words: Self.words)
        #expect(found.count == 8, Comment(rawValue: found.joined(separator: "\n")))
        #expect(!found.contains { $0.hasPrefix("8:") || $0.hasPrefix("7:") })
    }

    @Test func noPluginSpellsAVocabularyWord() throws {
        let plugins = Repository.url("Plugins")
        let files = (FileManager.default.subpaths(atPath: plugins.path) ?? [])
            .filter { $0.hasSuffix(".swift") && !$0.contains("/Examples/") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let source = try String(contentsOf: plugins.appendingPathComponent(file), encoding: .utf8)
            let problems = Self.violations(in: source, words: Self.words)
            #expect(problems.isEmpty, "Plugins/\(file): move these to vocabularies/:\n\(problems.joined(separator: "\n"))")
        }
    }
}
