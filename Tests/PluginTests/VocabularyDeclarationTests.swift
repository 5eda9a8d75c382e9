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
    /// aggregate, it gathers the codes in a census and hands their vocabulary form to the
    /// aggregate, which must therefore take it (`KeepsPCodes`) and read the columns.
    @Test func pluginsWithTheirOwnAggregateTakeTheVocabularysForm() {
        for plugin in BuiltInPlugins.all where plugin.description.readsPCodes {
            guard !Self.keepsRows(plugin) else { continue }
            let takesForm = Self.keepsPCodes(plugin)
            #expect(takesForm, "\(plugin.description.id) declares P-code columns, keeps no rows and does not take their form")
            for input in plugin.description.inputs {
                let read = Self.columnsRead(plugin, input)
                for column in input.columns where column.pcode != nil {
                    #expect(read.contains(column.name), "\(plugin.description.id): P-code column '\(column.name)' is declared but not read")
                }
            }
        }
    }

    static func keepsPCodes<Plugin: ReportPlugin>(_: Plugin.Type) -> Bool { Plugin.Inputs.self is any KeepsPCodes.Type }
    static func columnsRead<Plugin: ReportPlugin>(_: Plugin.Type, _ input: InputSpec) -> [String] { Plugin.Inputs.columnsRead(from: input) }
}
