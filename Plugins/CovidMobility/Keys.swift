import ReportKit

// The keys of the COVID-19 mobility report's data: PoE types, statuses, restrictions. Their
// English and French words are in vocabularies `poe-types`, `poe-statuses` and `restrictions`
// (`vocabularies/*.csv`); templates place those words, they never spell a status or a type.

/// The kinds of point of entry (PoE) DTM tracks, in the order tables and facts list them.
public enum PoEType: String, CaseIterable, Sendable, Decodable, ParameterChoice, ColumnChoice {
    case airport
    case landBorder = "land_border"
    case blueBorder = "blue_border"
    case internalTransit = "internal_transit"

    static let vocabulary = VocabularySpec(
        "poe-types", forms: ["plural", "singular"], keys: allCases.map(\.rawValue),
        "Kinds of point of entry: `plural` for a sentence or a table, `singular` for one PoE (French: also for 0).")
}

/// The operational status of a PoE at an assessment.
///
/// Statuses are ordered `fullyClosed` < `partiallyOperational` < `fullyOperational`: a PoE
/// whose status rises reopened, one whose status falls closed. `unknown` has no place in that
/// order: a change from or to `unknown` counts as no change.
public enum PoEStatus: String, CaseIterable, Sendable, ColumnChoice {
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

    static let vocabulary = VocabularySpec(
        "poe-statuses", forms: ["plural", "singular"], keys: allCases.map(\.rawValue),
        "Operational statuses: what a number of PoEs in that status were, `plural` for several, `singular` for one (French: also for 0).")
}

/// The main restriction in force at a PoE.
public enum Restriction: String, CaseIterable, Sendable, ColumnChoice {
    case entryBan = "entry_ban"
    case exitBan = "exit_ban"
    case cargoOnly = "cargo_only"
    case nationalsOnly = "nationals_only"
    case healthScreening = "health_screening"
    case quarantine
    case none
    case other

    static let vocabulary = VocabularySpec(
        "restrictions", forms: ["phrase"], keys: allCases.map(\.rawValue),
        "Restrictions at a PoE, as they follow \"The most frequent restriction was\", article included.")
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
