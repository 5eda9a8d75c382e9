import BuiltInPlugins
import Foundation
import ReportKit
import Testing
import TestSupport

/// The registry is one hand-written list; these tests make forgetting a line impossible.
@Suite struct RegistryTests {
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: Repository.url("Plugins").path))?
        .filter { !$0.hasPrefix(".") }.sorted() ?? []

    @Test func thereArePluginFolders() {
        #expect(!folders.isEmpty)
    }

    @Test func everyPluginFolderIsRegistered() {
        let registered = Set(BuiltInPlugins.all.map { String(describing: $0) })
        for folder in folders {
            #expect(registered.contains("\(folder)Plugin"), "Plugins/\(folder) is not registered: add \(folder)Plugin.self to BuiltInPlugins.all")
        }
    }

    @Test func everyPluginFolderIsATargetOfThePackage() throws {
        let manifest = try String(contentsOf: Repository.url("Package.swift"), encoding: .utf8)
        for folder in folders {
            #expect(manifest.contains("(\"\(folder)\", \"Plugins/\(folder)\")"), "Plugins/\(folder) is not a target in Package.swift's reportPlugins")
        }
    }

    @Test func idsAreUniqueKebabCaseAndSorted() {
        let ids = BuiltInPlugins.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count, "two plugins share an id: \(ids)")
        #expect(ids == ids.sorted(), "BuiltInPlugins.all must stay sorted by id")
        for id in ids {
            #expect(id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "'\(id)' is not kebab-case")
        }
    }

    @Test func everyPluginHasATemplatesFolder() {
        for plugin in BuiltInPlugins.all {
            let folder = Repository.url("templates/\(plugin.description.id)")
            #expect(FileManager.default.fileExists(atPath: folder.path), "templates/\(plugin.description.id)/ is missing")
        }
    }

    @Test func declarationsAreUniqueAndLeaveHostFactsAlone() {
        let hostFacts = Set(HostFacts.specs.map(\.name))
        for plugin in BuiltInPlugins.all {
            let description = plugin.description
            let facts = description.facts.map(\.name)
            #expect(Set(facts).count == facts.count, "\(description.id) declares a fact twice")
            #expect(hostFacts.isDisjoint(with: facts), "\(description.id) redeclares a host fact")
            let tables = description.tables.map(\.name)
            #expect(Set(tables).count == tables.count, "\(description.id) declares a table twice")
            // A plugin shaped by its parameters declares its columns in each definition.
            for input in description.inputs where !description.isShapedByParameters {
                #expect(input.column(named: input.periodColumn)?.type == .date, "\(description.id): period column of \(input.name) must be a date column")
            }
        }
    }

    @Test func everyParameterIsDeclaredOnceAndDecodedFromItsKey() {
        func check<Plugin: ReportPlugin>(_ plugin: Plugin.Type) {
            let id = Plugin.description.id
            #expect(Plugin.Parameters.declarationProblems == [], "\(id): Parameters and their declarations disagree")
            #expect(Plugin.description.parameters == Plugin.Parameters.specs, "\(id): description.parameters must be Parameters.specs")
        }
        for plugin in BuiltInPlugins.all { check(plugin) }
    }
}
