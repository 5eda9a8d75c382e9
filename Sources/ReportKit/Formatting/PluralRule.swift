/// The plural forms templates choose between: `{{#total.one}}personne{{/total.one}}`.
///
/// CLDR knows more categories (`few`, `many`, …); English and French only need these two for
/// the wording of reports, so the rule below folds every other category into `other`.
public enum PluralCategory: String, Sendable, Hashable, CaseIterable {
    case one
    case other
}

/// The cardinal plural rules of the report languages, for whole numbers.
///
/// Foundation on Linux has no public access to plural rules (no `NSLocalizedString`
/// stringsdict lookup), so the rules are written here from the Unicode CLDR plural rules
/// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html):
///
/// - English: `one` when `i = 1 and v = 0`: for integers, exactly 1. So "0 people", "1 person".
/// - French: `one` when `i = 0,1`: for integers, 0 and 1. So "0 personne", "1 personne",
///   "2 personnes". CLDR also has `many` for exact millions ("1 million de personnes"); reports
///   write counts as digits ("1 000 000 personnes"), where `other` is the right agreement.
///
/// The operand is the absolute value, as CLDR's `n` is: a change of −1 person is singular.
public enum PluralRule {
    /// The plural category of `value` in `language`.
    public static func category(of value: Int, in language: Language) -> PluralCategory {
        let magnitude = value.magnitude
        switch language {
        case .en:
            return magnitude == 1 ? .one : .other
        case .fr:
            return magnitude <= 1 ? .one : .other
        }
    }
}
