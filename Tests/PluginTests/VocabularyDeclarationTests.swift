import BuiltInPlugins
import ReportKit
import Testing
import TestSupport

/// What each plugin declares about vocabularies holds for the shipped files.
@Suite struct VocabularyDeclarationTests {
    static func keepsRows<Plugin: ReportPlugin>(_: Plugin.Type) -> Bool { Plugin.Inputs.self == PluginInputs.self }

    /// Every vocabulary a plugin declares loads from the shipped `vocabularies/`, with a row for
    /// each of its keys when the list is closed.
    @Test(arguments: BuiltInPlugins.all.map { $0.description.id })
    func theShippedVocabulariesLoad(plugin: String) throws {
        let description = try #require(BuiltInPlugins.all.first { $0.description.id == plugin }).description
        let vocabularies = try ShippedVocabularies.of(description)
        for spec in description.vocabularies {
            let list = try #require(vocabularies.lists[spec.name])
            for key in spec.keys ?? [] { #expect(list.contains(key), "\(spec.name): \(key)") }
        }
        if description.readsPCodes { #expect(vocabularies.areas.count > 1_000) }
    }

    /// The host checks the P-code columns of the rows it keeps; for a plugin with its own
    /// aggregate, it gathers the codes in a census of the columns the aggregate reads, which must
    /// therefore be every P-code column. (An aggregate that keeps codes as text then takes their
    /// vocabulary form, `KeepsPCodes`; one that looks them up in the vocabulary needs nothing.)
    @Test func pluginsWithTheirOwnAggregateReadTheirPCodeColumns() {
        for plugin in BuiltInPlugins.all where plugin.description.readsPCodes {
            guard !Self.keepsRows(plugin) else { continue }
            for input in plugin.description.inputs {
                let read = Self.columnsRead(plugin, input)
                for column in input.columns where column.pcode != nil {
                    #expect(read.contains(column.name), "\(plugin.description.id): P-code column '\(column.name)' is declared but not read")
                }
            }
        }
    }

    static func columnsRead<Plugin: ReportPlugin>(_: Plugin.Type, _ input: InputSpec) -> [String] { Plugin.Inputs.columnsRead(from: input) }
}
