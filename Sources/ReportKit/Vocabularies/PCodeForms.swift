/// The vocabulary's form of the P-codes an input wrote otherwise (`ML07` for `MLI07`), by
/// column, as the host hands them to an aggregate that keeps codes as text
/// (`KeepsPCodeForms`): a code is read through them, `forms[code, of: column]`.
public struct PCodeForms: Sendable {
    private var forms: [String: [String: String]] = [:]

    public init() {}

    /// Takes the form of `column`'s codes written otherwise.
    public mutating func take(_ form: [String: String], of column: String) {
        forms[column, default: [:]].merge(form) { _, new in new }
    }

    /// `code` of `column` as the vocabulary writes it.
    public subscript(code: Text, of column: Column<Text>) -> String {
        self[code.string, of: column.name]
    }

    /// `written`, a code of the column named `column`, as the vocabulary writes it: for a plugin
    /// whose columns are named by its parameters.
    public subscript(written: String, of column: String) -> String {
        forms[column]?[written] ?? written
    }
}

/// An aggregate that keeps P-codes as text and reads them through its `pcodeForms`: the host
/// writes the vocabulary's forms there (`writePCodes(of:as:)` is written for it).
public protocol KeepsPCodeForms: KeepsPCodes {
    var pcodeForms: PCodeForms { get set }
}

extension KeepsPCodeForms {
    public mutating func writePCodes(of column: String, as form: [String: String]) {
        pcodeForms.take(form, of: column)
    }
}
