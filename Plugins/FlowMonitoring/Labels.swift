import ReportKit

// The words the flow monitoring plugin gives the host come from two vocabularies: transport
// modes (`vocabularies/transport-modes.csv`) and countries (`vocabularies/countries.csv`).
// Templates hold the sentences; the vocabularies hold the names that vary with the data.

/// The transport modes of `transport_mode`, in the order of the formats document (which is also
/// the order of the `by_transport_mode` table and of ties). Their words are in vocabulary
/// `transport-modes`: `name` for tables, `plural` for sentences.
public enum TransportMode: String, ColumnChoice {
    case bus, truck, car, motorcycle, tricycle, foot, boat, other

    static let vocabulary = VocabularySpec(
        "transport-modes", forms: ["name", "plural"], keys: allCases.map(\.rawValue),
        "Transport modes: `name` as a table writes it, `plural` as a sentence does, lower case.")

    /// The mode as a table names it.
    func name(in modes: Vocabulary) -> Label { modes.label(rawValue, "name")! }

    /// The main modes as one name, plural, joined by `/`, largest first.
    static func joined(_ modes: [TransportMode], in vocabulary: Vocabulary) -> Label {
        let plurals = modes.map { vocabulary.label($0.rawValue, "plural")! }
        return Label(en: plurals.map(\.en).joined(separator: "/"), fr: plurals.map(\.fr).joined(separator: "/"))
    }
}

/// Country names by ISO 3166-1 alpha-3 code, for nationalities, origins and destinations.
enum Countries {
    static let vocabulary = VocabularySpec(
        "countries", forms: ["name", "phrase"], otherColumns: ["unknown"],
        "Countries by ISO3 code: `name` as a table writes it, `phrase` as a sentence does (French with its article); `unknown` = true marks the code DTM writes when the country is not known, left out of rankings.")

    /// The codes the vocabulary marks as an unknown country.
    static func unknown(in countries: Vocabulary) -> Set<String> {
        Set(countries.keys.filter { countries.value($0, "unknown") == "true" })
    }

    /// The country's name for tables; a code missing from the vocabulary is shown as it is.
    static func name(_ code: String, in countries: Vocabulary) -> Label {
        countries.label(code, "name") ?? Label(code)
    }

    /// The country's name inside a sentence; a code missing from the vocabulary is shown as it is.
    static func phrase(_ code: String, in countries: Vocabulary) -> Label {
        countries.label(code, "phrase") ?? Label(code)
    }
}
