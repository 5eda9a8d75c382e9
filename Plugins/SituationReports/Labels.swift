import ReportKit

/// The causes of displacement DNDS rapid assessments record, with every word the reports use
/// for them. This is the plugin's one table of bilingual wording: templates choose where the
/// words go, never what they are.
public enum Cause: String, CaseIterable, Sendable {
    case conflict
    case intercommunal
    case insecurity
    case flood
    case other

    /// The cause as a noun: "insecurity" / "insécurité".
    var label: Label {
        switch self {
        case .conflict: Label(en: "armed conflict", fr: "conflit armé")
        case .intercommunal: Label(en: "intercommunal violence", fr: "violences intercommunautaires")
        case .insecurity: Label(en: "insecurity", fr: "insécurité")
        case .flood: Label(en: "floods", fr: "inondations")
        case .other: Label(en: "other causes", fr: "autres causes")
        }
    }

    /// The cause as the complement that follows a number of people or "displaced":
    /// "14,117 new IDPs *following the deterioration of the security situation*" /
    /// "14 117 nouveaux PDI *suite à la dégradation de la situation sécuritaire*", and
    /// "Ces personnes ont été déplacées *suite aux inondations*".
    var phrase: Label {
        switch self {
        case .conflict: Label(en: "following armed clashes", fr: "suite aux affrontements armés")
        case .intercommunal: Label(en: "following intercommunal violence", fr: "suite aux violences intercommunautaires")
        case .insecurity:
            Label(en: "following the deterioration of the security situation", fr: "suite à la dégradation de la situation sécuritaire")
        case .flood: Label(en: "following floods", fr: "suite aux inondations")
        case .other: Label(en: "for other reasons", fr: "pour d'autres raisons")
        }
    }
}

/// Mali's regions by admin1 P-code (HDX COD-AB), the names the reports print. Region names are
/// proper names, written the same in both languages.
enum Regions {
    static let names: [String: String] = [
        "ML01": "Kayes",
        "ML02": "Koulikoro",
        "ML03": "Sikasso",
        "ML04": "Ségou",
        "ML05": "Mopti",
        "ML06": "Tombouctou",
        "ML07": "Gao",
        "ML08": "Kidal",
        "ML09": "Bamako",
        "ML10": "Ménaka",
    ]
}

/// Small words whose form depends on the name that follows them.
enum Preposition {
    /// Vowels French elides `de` before, with their accents. `h` and `y` are left out: Malian
    /// names read with a consonant there (`de Hombori`, `de Yélimané`).
    static let vowels: Set<Character> = Set("aàâäeéèêëiîïoôöuùûüAÀÂÄEÉÈÊËIÎÏOÔÖUÙÛÜ")

    /// "of " / "de " before a name, or "d'" when the name starts with a vowel: "des communes
    /// d'Anderamboukane et Inékar", "du cercle d'Ansongo". Templates write it straight before the
    /// name (`de la commune {{origin_communes_of}}{{origin_communes}}`).
    static func of(_ name: String?) -> Label {
        guard let first = name?.first, vowels.contains(first) else { return Label(en: "of ", fr: "de ") }
        return Label(en: "of ", fr: "d'")
    }
}
