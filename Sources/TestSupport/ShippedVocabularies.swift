import ReportKit

/// The repository's `vocabularies/` as a run reads them, for tests that call a plugin directly.
public enum ShippedVocabularies {
    /// The vocabularies `description` declares (and the P-codes when it reads any).
    public static func of(_ description: PluginDescription) throws -> Vocabularies {
        try Vocabularies.load(for: description, projectFolder: Repository.root).get()
    }
}
