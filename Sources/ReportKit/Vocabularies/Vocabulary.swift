import Foundation

/// A word list a plugin takes its words from, declared in its description: the host reads it
/// from `vocabularies/<name>.csv` (plus what a report adds under `vocabularies:` in
/// `reports.yaml`) and hands it to `run`. A plugin keeps keys (`truck`, `flood`), never words.
public struct VocabularySpec: Sendable, Hashable {
    /// The file's name without `.csv` (`transport-modes`), the key under a report's `vocabularies:`.
    public var name: String
    /// The columns every row fills besides `key`: each form as `<form>_en` and `<form>_fr`, then
    /// any other column the plugin reads (`unknown`).
    public var columns: [String]
    /// The forms a label can be read in (`name`, `plural`).
    public var forms: [String]
    /// The plugin's own keys when the list is closed (its logic or its facts know each of them):
    /// a report may reword them, not add one, and every one needs a row. Nil when any key the
    /// file lists is accepted (causes).
    public var keys: [String]?
    /// One line for `describe`: what the words are for.
    public var documentation: String

    public init(_ name: String, forms: [String], otherColumns: [String] = [], keys: [String]? = nil, _ documentation: String) {
        self.name = name
        self.forms = forms
        self.columns = forms.flatMap { form in Language.allCases.map { "\(form)_\($0.rawValue)" } } + otherColumns
        self.keys = keys
        self.documentation = documentation
    }

    /// The file of the shipped list, relative to the folder of `reports.yaml`.
    public var defaultFile: String { "\(Vocabularies.folder)/\(name).csv" }
}

/// A column of an input whose cells are administrative P-codes, checked against the P-code
/// vocabulary (`vocabularies/pcodes/*.csv`) before the plugin runs: `MLI07` and `ML07` are the
/// same place and the plugin receives the vocabulary's form; an unknown code is an error.
public struct PCodeColumn: Sendable, Hashable {
    /// The admin level the column holds (1 for regions).
    public var level: Int
    /// The input's column naming the same place, if any: a name that differs from the
    /// vocabulary's only by accents or case is replaced by it, with a note; another is an error.
    public var nameColumn: String?

    public init(level: Int, nameColumn: String? = nil) {
        self.level = level
        self.nameColumn = nameColumn
    }
}

/// One word list, read: its keys in file order and the columns of each.
public struct Vocabulary: Sendable, Hashable {
    public let name: String
    /// The files its rows come from, the shipped one first, as messages name them.
    public let files: [String]
    /// Keys in the order of the files (a key a later file rewords keeps its place).
    public let keys: [String]
    let rows: [String: [String: String]]

    public init(name: String, files: [String], keys: [String], rows: [String: [String: String]]) {
        self.name = name
        self.files = files
        self.keys = keys
        self.rows = rows
    }

    public func contains(_ key: String) -> Bool { rows[key] != nil }

    /// The cell of `column` for `key`; nil when the key is not listed.
    public func value(_ key: String, _ column: String) -> String? { rows[key]?[column] }

    /// The key's words in `form`, English and French; nil when the key is not listed.
    public func label(_ key: String, _ form: String) -> Label? {
        guard let row = rows[key], let en = row["\(form)_en"], let fr = row["\(form)_fr"] else { return nil }
        return Label(en: en, fr: fr)
    }
}

/// One administrative area of the P-code vocabulary.
public struct AdminArea: Sendable, Hashable {
    /// The P-code as the vocabulary writes it (`ML07`).
    public var code: String
    public var name: String
    public var level: Int
    /// The admin 1 P-code of an admin 2 area; the ISO3 country code of an admin 1 area.
    public var parent: String
    /// ISO 3166-1 alpha-3 code of the country (`MLI`).
    public var country: String
    /// The file that lists it, as messages name it.
    public var file: String
}

/// The P-codes of every file of `vocabularies/pcodes/`, with the two prefixes a country's codes
/// are written with: OCHA's ISO2 (`ML07`) and DTM's ISO3 (`MLI07`).
public struct AdminAreas: Sendable, Hashable {
    let byCode: [String: AdminArea]
    /// For each country (ISO3), the prefix its codes carry in the vocabulary and the other one.
    let prefixes: [String: (vocabulary: String, other: String)]
    /// The file each country's areas come from (the first that lists it).
    public let files: [String: String]
    /// Every file an area comes from, in order.
    public let sources: [String]

    public static func == (lhs: AdminAreas, rhs: AdminAreas) -> Bool { lhs.byCode == rhs.byCode }
    public func hash(into hasher: inout Hasher) { hasher.combine(byCode.count) }

    public init(_ areas: [AdminArea], iso2: [String: String]) {
        var byCode: [String: AdminArea] = [:]
        var files: [String: String] = [:]
        for area in areas {
            byCode[area.code] = area
            if files[area.country] == nil { files[area.country] = area.file }
        }
        var prefixes: [String: (String, String)] = [:]
        for (country, code) in iso2 {
            // Codes written with the ISO3 prefix are looked up by the ISO2 one, and the reverse.
            let usesISO3 = areas.contains { $0.country == country && $0.code.hasPrefix(country) }
            prefixes[country] = usesISO3 ? (country, code) : (code, country)
        }
        self.byCode = byCode
        self.prefixes = prefixes
        self.files = files
        var sources: [String] = []
        for area in areas where sources.last != area.file && !sources.contains(area.file) { sources.append(area.file) }
        self.sources = sources
    }

    public var isEmpty: Bool { byCode.isEmpty }
    public var count: Int { byCode.count }

    /// The area a code names, trimmed, in either prefix form and either case; nil when unknown.
    public func area(_ code: String) -> AdminArea? {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        if let area = byCode[code] { return area }
        for (_, prefix) in prefixes where code.hasPrefix(prefix.other) {
            if let area = byCode[prefix.vocabulary + code.dropFirst(prefix.other.count)] { return area }
        }
        return nil
    }

    /// Up to `limit` areas whose codes are nearest to `code` (edit distance, in the vocabulary's
    /// prefix form), ties by code.
    public func nearest(to code: String, limit: Int = 3) -> [AdminArea] {
        var code = code.trimmingCharacters(in: .whitespaces).uppercased()
        var country: String?
        for (iso3, prefix) in prefixes.sorted(by: { $0.key < $1.key }) where code.hasPrefix(prefix.other) || code.hasPrefix(prefix.vocabulary) {
            if code.hasPrefix(prefix.other) { code = prefix.vocabulary + code.dropFirst(prefix.other.count) }
            country = iso3
            break
        }
        // A code whose prefix names a country is compared with that country's codes only.
        let candidates = byCode.values.filter { abs($0.code.count - code.count) <= 2 && (country == nil || $0.country == country) }
        return candidates.map { (Suggestion.editDistance(code, $0.code), $0) }
            .sorted { ($0.0, $0.1.code) < ($1.0, $1.1.code) }
            .prefix(limit).map(\.1)
    }

    /// `code` trimmed, in capitals and with its country's prefix as the vocabulary writes it
    /// (`MLI0699` → `ML0699`), whether the vocabulary lists it or not.
    func writtenAsVocabulary(_ code: String) -> String {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        for (_, prefix) in prefixes.sorted(by: { $0.key < $1.key }) where code.hasPrefix(prefix.other) {
            return prefix.vocabulary + code.dropFirst(prefix.other.count)
        }
        return code
    }

    /// The file a code of `code`'s country belongs in: the country's own file when its prefix
    /// is known, else the folder.
    public func file(for code: String) -> String {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        for (country, prefix) in prefixes.sorted(by: { $0.key < $1.key })
        where code.hasPrefix(prefix.vocabulary) || code.hasPrefix(prefix.other) {
            if let file = files[country] { return file }
        }
        return Vocabularies.pcodeFolder + "/"
    }
}

/// The vocabularies of one report: the word lists its plugin declares and the P-codes.
public struct Vocabularies: Sendable, Hashable {
    /// The folder of the shipped vocabularies, relative to the folder of `reports.yaml`.
    public static let folder = "vocabularies"
    /// The folder of the P-code files.
    public static let pcodeFolder = "vocabularies/pcodes"

    public var lists: [String: Vocabulary]
    public var areas: AdminAreas

    public init(lists: [String: Vocabulary] = [:], areas: AdminAreas = AdminAreas([], iso2: [:])) {
        self.lists = lists
        self.areas = areas
    }

    /// A list the plugin declared. The host hands every declared list to `run`, so a missing
    /// one is a bug in the plugin (a name not in its description).
    public subscript(name: String) -> Vocabulary {
        guard let list = lists[name] else { preconditionFailure("vocabulary '\(name)' is not declared by the plugin") }
        return list
    }
}

extension String {
    /// The text without accents and case, to compare names (`Segou` and `Ségou`).
    var foldedForComparison: String {
        folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
