import ReportKit

/// Small words whose form depends on the name that follows them. French grammar, not
/// vocabulary: names come from the data and the vocabularies.
enum Preposition {
    /// Vowels French elides `de` before, with their accents. `h` and `y` are left out: the
    /// names of the region read with a consonant there (`de Hombori`, `de Yélimané`).
    static let vowels: Set<Character> = Set("aàâäeéèêëiîïoôöuùûüAÀÂÄEÉÈÊËIÎÏOÔÖUÙÛÜ")

    /// "of " / "de " before a name, or "d'" when the name starts with a vowel. Templates write
    /// it straight before the name (`de la commune {{origin_communes_of}}{{origin_communes}}`).
    static func of(_ name: String?) -> Label {
        guard let first = name?.first, vowels.contains(first) else { return Label(en: "of ", fr: "de ") }
        return Label(en: "of ", fr: "d'")
    }
}
