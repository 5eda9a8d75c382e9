import ReportKit

// The plugin's one label table: every English and French word the COVID-19 mobility report
// takes from the data (PoE types, statuses, restrictions) is here, and only here. Templates
// place these labels; they never spell a status or a type themselves.

/// The kinds of point of entry (PoE) DTM tracks, in the order tables and facts list them.
public enum PoEType: String, CaseIterable, Sendable, Decodable {
    case airport
    case landBorder = "land_border"
    case blueBorder = "blue_border"
    case internalTransit = "internal_transit"

    /// The plural noun, as a sentence or a table writes it: "airports" / "aéroports".
    public var label: Label {
        switch self {
        case .airport: Label(en: "airports", fr: "aéroports")
        case .landBorder: Label(en: "land border crossings", fr: "points de passage terrestres")
        case .blueBorder: Label(en: "blue border crossings", fr: "points de passage fluviaux")
        case .internalTransit: Label(en: "internal transit points", fr: "points de transit internes")
        }
    }

    /// The singular noun: "airport" / "aéroport" (French also for 0 and 1).
    public var singularLabel: Label {
        switch self {
        case .airport: Label(en: "airport", fr: "aéroport")
        case .landBorder: Label(en: "land border crossing", fr: "point de passage terrestre")
        case .blueBorder: Label(en: "blue border crossing", fr: "point de passage fluvial")
        case .internalTransit: Label(en: "internal transit point", fr: "point de transit interne")
        }
    }
}

/// The operational status of a PoE at an assessment.
///
/// Statuses are ordered `fullyClosed` < `partiallyOperational` < `fullyOperational`: a PoE
/// whose status rises reopened, one whose status falls closed. `unknown` has no place in that
/// order: a change from or to `unknown` counts as no change.
public enum PoEStatus: String, CaseIterable, Sendable {
    case fullyClosed = "fully_closed"
    case partiallyOperational = "partially_operational"
    case fullyOperational = "fully_operational"
    case unknown

    /// The rank in the order above; nil for `unknown`.
    var rank: Int? {
        switch self {
        case .fullyClosed: 0
        case .partiallyOperational: 1
        case .fullyOperational: 2
        case .unknown: nil
        }
    }

    /// What a number of PoEs in this status "were", in the plural: "fully closed" /
    /// "complètement fermés" (agreeing with the masculine "points d'entrée").
    public var label: Label {
        switch self {
        case .fullyClosed: Label(en: "fully closed", fr: "complètement fermés")
        case .partiallyOperational: Label(en: "partially operational", fr: "partiellement opérationnels")
        case .fullyOperational: Label(en: "fully operational", fr: "pleinement opérationnels")
        case .unknown: Label(en: "of unknown status", fr: "de statut inconnu")
        }
    }

    /// The same words for one PoE (French: also for 0): "fully closed" / "complètement fermé".
    public var singularLabel: Label {
        switch self {
        case .fullyClosed: Label(en: "fully closed", fr: "complètement fermé")
        case .partiallyOperational: Label(en: "partially operational", fr: "partiellement opérationnel")
        case .fullyOperational: Label(en: "fully operational", fr: "pleinement opérationnel")
        case .unknown: Label(en: "of unknown status", fr: "de statut inconnu")
        }
    }
}

/// The main restriction in force at a PoE.
public enum Restriction: String, CaseIterable, Sendable {
    case entryBan = "entry_ban"
    case exitBan = "exit_ban"
    case cargoOnly = "cargo_only"
    case nationalsOnly = "nationals_only"
    case healthScreening = "health_screening"
    case quarantine
    case none
    case other

    /// The restriction as it follows "The most frequent restriction was …" / "La restriction
    /// la plus fréquente était …", article included.
    public var label: Label {
        switch self {
        case .entryBan: Label(en: "an entry ban", fr: "l'interdiction d'entrée")
        case .exitBan: Label(en: "an exit ban", fr: "l'interdiction de sortie")
        case .cargoOnly: Label(en: "cargo-only traffic", fr: "la limitation au transport de marchandises")
        case .nationalsOnly: Label(en: "entry for nationals only", fr: "l'entrée réservée aux ressortissants nationaux")
        case .healthScreening: Label(en: "health screening", fr: "le contrôle sanitaire")
        case .quarantine: Label(en: "quarantine", fr: "la quarantaine")
        case .none: Label(en: "no restriction", fr: "l'absence de restriction")
        case .other: Label(en: "another restriction", fr: "une autre restriction")
        }
    }
}

/// How a PoE's status moved since its previous assessment, as the `change` column writes it.
public enum StatusChange: String, Sendable {
    /// The status rose (fully closed → partially or fully operational, partially → fully).
    case reopened
    /// The status fell.
    case closed
    /// Same status, or `unknown` on either side.
    case unchanged
    /// No earlier assessment of this PoE: neither reopened nor closed.
    case new

    init(from previous: PoEStatus?, to current: PoEStatus) {
        guard let previous else {
            self = .new
            return
        }
        guard let before = previous.rank, let after = current.rank, before != after else {
            self = .unchanged
            return
        }
        self = after > before ? .reopened : .closed
    }
}
