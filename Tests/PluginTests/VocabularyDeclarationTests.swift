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

    /// The host checks P-code columns on the rows it keeps: a plugin with its own aggregate
    /// would get its codes unchecked, so none declares one.
    @Test func pCodeColumnsAreOnlyDeclaredByPluginsThatKeepRows() {
        for plugin in BuiltInPlugins.all where plugin.description.readsPCodes {
            let keepsRows = Self.keepsRows(plugin)
            #expect(keepsRows, "\(plugin.description.id) declares P-code columns but keeps no rows")
        }
    }
}
