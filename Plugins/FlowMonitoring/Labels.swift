import ReportKit

// Every English and French word the flow monitoring plugin gives the host: transport modes and
// countries. Templates hold the sentences; this file holds the names that vary with the data.

/// The transport modes of `transport_mode`, in the order of the formats document (which is also
/// the order of the `by_transport_mode` table and of ties).
public enum TransportMode: String, CaseIterable, Sendable {
    case bus, truck, car, motorcycle, tricycle, foot, boat, other

    /// The mode's position in `allCases`, used as an array index while aggregating.
    var index: Int { Self.allCases.firstIndex(of: self)! }

    /// The mode as a table names it: "Bus" / "Bus", "Truck" / "Camion".
    var name: Label {
        switch self {
        case .bus: Label(en: "Bus", fr: "Bus")
        case .truck: Label(en: "Truck", fr: "Camion")
        case .car: Label(en: "Car", fr: "Voiture")
        case .motorcycle: Label(en: "Motorcycle", fr: "Moto")
        case .tricycle: Label(en: "Tricycle", fr: "Tricycle")
        case .foot: Label(en: "On foot", fr: "À pied")
        case .boat: Label(en: "Boat", fr: "Pirogue")
        case .other: Label(en: "Other", fr: "Autre")
        }
    }

    /// The mode as a sentence names it, plural and lower case: "buses" / "bus", "trucks" / "camions".
    var plural: Label {
        switch self {
        case .bus: Label(en: "buses", fr: "bus")
        case .truck: Label(en: "trucks", fr: "camions")
        case .car: Label(en: "cars", fr: "voitures")
        case .motorcycle: Label(en: "motorcycles", fr: "motos")
        case .tricycle: Label(en: "tricycles", fr: "tricycles")
        case .foot: Label(en: "journeys on foot", fr: "déplacements à pied")
        case .boat: Label(en: "boats", fr: "pirogues")
        case .other: Label(en: "other modes", fr: "autres moyens")
        }
    }

    /// The main modes as one name, "trucks/buses" / "camions/bus", largest first.
    static func joined(_ modes: [TransportMode]) -> Label {
        Label(en: modes.map(\.plural.en).joined(separator: "/"), fr: modes.map(\.plural.fr).joined(separator: "/"))
    }
}

/// Country names by ISO 3166-1 alpha-3 code, for nationalities, origins and destinations.
enum Countries {
    /// A country's name as a table writes it, and as a sentence does (French with its article:
    /// "la Guinée", "le Sénégal", "l'Algérie"; English with "the" where it takes one).
    struct Country {
        var name: Label
        var phrase: Label
    }

    /// The code DTM uses for an unknown country.
    static let unknown = "OOO"

    /// The country's name for tables; a code missing from the table is shown as it is.
    static func name(_ code: String) -> Label {
        table[code]?.name ?? Label(code)
    }

    /// The country's name inside a sentence; a code missing from the table is shown as it is.
    static func phrase(_ code: String) -> Label {
        table[code]?.phrase ?? Label(code)
    }

    static let table: [String: Country] = [
        "OOO": Country(name: Label(en: "Unknown", fr: "Inconnu"), phrase: Label(en: "an unknown country", fr: "un pays inconnu")),
        "DZA": Country(name: Label(en: "Algeria", fr: "Algérie"), phrase: Label(en: "Algeria", fr: "l'Algérie")),
        "BEN": Country(name: Label(en: "Benin", fr: "Bénin"), phrase: Label(en: "Benin", fr: "le Bénin")),
        "BFA": Country(name: Label(en: "Burkina Faso", fr: "Burkina Faso"), phrase: Label(en: "Burkina Faso", fr: "le Burkina Faso")),
        "CMR": Country(name: Label(en: "Cameroon", fr: "Cameroun"), phrase: Label(en: "Cameroon", fr: "le Cameroun")),
        "CAF": Country(name: Label(en: "Central African Republic", fr: "République centrafricaine"), phrase: Label(en: "the Central African Republic", fr: "la République centrafricaine")),
        "TCD": Country(name: Label(en: "Chad", fr: "Tchad"), phrase: Label(en: "Chad", fr: "le Tchad")),
        "COG": Country(name: Label(en: "Congo", fr: "Congo"), phrase: Label(en: "the Congo", fr: "le Congo")),
        "COD": Country(name: Label(en: "Democratic Republic of the Congo", fr: "République démocratique du Congo"), phrase: Label(en: "the Democratic Republic of the Congo", fr: "la République démocratique du Congo")),
        "CIV": Country(name: Label(en: "Côte d'Ivoire", fr: "Côte d'Ivoire"), phrase: Label(en: "Côte d'Ivoire", fr: "la Côte d'Ivoire")),
        "EGY": Country(name: Label(en: "Egypt", fr: "Égypte"), phrase: Label(en: "Egypt", fr: "l'Égypte")),
        "FRA": Country(name: Label(en: "France", fr: "France"), phrase: Label(en: "France", fr: "la France")),
        "GAB": Country(name: Label(en: "Gabon", fr: "Gabon"), phrase: Label(en: "Gabon", fr: "le Gabon")),
        "GMB": Country(name: Label(en: "Gambia", fr: "Gambie"), phrase: Label(en: "Gambia", fr: "la Gambie")),
        "GHA": Country(name: Label(en: "Ghana", fr: "Ghana"), phrase: Label(en: "Ghana", fr: "le Ghana")),
        "GIN": Country(name: Label(en: "Guinea", fr: "Guinée"), phrase: Label(en: "Guinea", fr: "la Guinée")),
        "GNB": Country(name: Label(en: "Guinea-Bissau", fr: "Guinée-Bissau"), phrase: Label(en: "Guinea-Bissau", fr: "la Guinée-Bissau")),
        "ITA": Country(name: Label(en: "Italy", fr: "Italie"), phrase: Label(en: "Italy", fr: "l'Italie")),
        "LBR": Country(name: Label(en: "Liberia", fr: "Libéria"), phrase: Label(en: "Liberia", fr: "le Libéria")),
        "LBY": Country(name: Label(en: "Libya", fr: "Libye"), phrase: Label(en: "Libya", fr: "la Libye")),
        "MLI": Country(name: Label(en: "Mali", fr: "Mali"), phrase: Label(en: "Mali", fr: "le Mali")),
        "MRT": Country(name: Label(en: "Mauritania", fr: "Mauritanie"), phrase: Label(en: "Mauritania", fr: "la Mauritanie")),
        "MAR": Country(name: Label(en: "Morocco", fr: "Maroc"), phrase: Label(en: "Morocco", fr: "le Maroc")),
        "NER": Country(name: Label(en: "Niger", fr: "Niger"), phrase: Label(en: "Niger", fr: "le Niger")),
        "NGA": Country(name: Label(en: "Nigeria", fr: "Nigéria"), phrase: Label(en: "Nigeria", fr: "le Nigéria")),
        "SEN": Country(name: Label(en: "Senegal", fr: "Sénégal"), phrase: Label(en: "Senegal", fr: "le Sénégal")),
        "SLE": Country(name: Label(en: "Sierra Leone", fr: "Sierra Leone"), phrase: Label(en: "Sierra Leone", fr: "la Sierra Leone")),
        "ESP": Country(name: Label(en: "Spain", fr: "Espagne"), phrase: Label(en: "Spain", fr: "l'Espagne")),
        "SDN": Country(name: Label(en: "Sudan", fr: "Soudan"), phrase: Label(en: "Sudan", fr: "le Soudan")),
        "TGO": Country(name: Label(en: "Togo", fr: "Togo"), phrase: Label(en: "Togo", fr: "le Togo")),
        "TUN": Country(name: Label(en: "Tunisia", fr: "Tunisie"), phrase: Label(en: "Tunisia", fr: "la Tunisie")),
    ]
}
