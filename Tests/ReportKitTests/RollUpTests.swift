import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// `roll_up:` of a mapping: codes of cercles and communes climbed to the column's level by the
/// parent codes of the P-code vocabulary, and their rows added up.
@Suite struct RollUpTests {
    /// The shipped P-codes of Mali.
    static let areas: AdminAreas = {
        let file = "vocabularies/pcodes/mli.csv"
        let bytes = [UInt8](FileManager.default.contents(atPath: Repository.url(file).path)!)
        return try! VocabularyLoader.adminAreas([VocabularyLoader.table(bytes, file: file).get()]).get()
    }()

    static func spec(level: Int) -> InputSpec {
        var spec = WorkbookReaderTests.spec
        let index = spec.columns.firstIndex { $0.name == "adm1_code" }!
        spec.columns[index].pcode = PCodeColumn(level: level, nameColumn: "adm1_name")
        return spec
    }

    static let cercles = """
        Snapshot,Cercle,Cercle pcode,IDPs Ind
        #date+occurred,#adm2+name,#adm2+code,#affected+idps+ind
        2021-09-30,Ansongo,MLI0701  ,50
        2021-09-30,Bourem,ml0702,20
        2021-09-30,Gao,ML07,5
        2021-09-30,Bandiagara,MLI0502,9
        """

    static func read(_ csv: String, level: Int = 1, mapping yaml: String) throws -> Result<(table: InputTable, notes: [String]), DiagnosticList> {
        let folder = try TemporaryFolder()
        let url = try folder.write(csv, to: "cercles.csv")
        let mapping = try WorkbookReaderTests.mapping(yaml)
        let spec = Self.spec(level: level)
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        return MappedScan.scanCSV(descriptor: descriptor, size: size, url: url, file: "cercles.csv", spec: spec, mapping: mapping,
                                  consumers: [WorkbookReaderTests.consumer(spec)], areas: areas).map { output in
            ((output.aggregates[0] as! TypedAggregateBox<PluginInputs>).value["movements"]!, output.notes)
        }
    }

    static let mapping = """
        file: cercles.csv
        columns: {report_date: Snapshot, adm1_code: "#adm2+code", individuals: IDPs Ind}
        values: {population: idps}
        roll_up: [adm1_code]
        """

    @Test func cerclesInEitherFormBecomeTheirRegionsNamedByTheVocabulary() throws {
        let (table, notes) = try Self.read(Self.cercles, mapping: Self.mapping).get()
        #expect(table.texts("adm1_code") == ["ML07", "ML05"])
        #expect(table.texts("adm1_name") == ["Gao", "Mopti"])
        #expect(table.counts("individuals") == [75, 9])
        #expect(notes.contains("cercles.csv: note: column 'adm1_name' written as the vocabulary names each rolled-up area"))
        #expect(notes.suffix(2) == [
            "cercles.csv: note: column 'adm1_code' rolled up to admin 1: 4 codes (1 of admin 1, 3 of admin 2) read as 2 areas (roll_up)",
            "cercles.csv: note: summed into 2 rows, one per report_date, adm1_code, adm1_name, population (roll_up)",
        ])
    }

    @Test func aNameReadFromTheFileIsKept() throws {
        let mapping = Self.mapping.replacingOccurrences(of: "individuals: IDPs Ind}", with: "individuals: IDPs Ind, adm1_name: Cercle}")
        let (table, _) = try Self.read(Self.cercles, mapping: mapping + "\nkey: [report_date, adm1_code, population]").get()
        #expect(table.texts("adm1_name") == ["Ansongo", "Bandiagara"])
    }

    @Test func aCodeWithoutParentOrAboveTheLevelIsRefusedOnceAtItsFirstCell() throws {
        let unknown = Self.cercles + "\n2021-09-30,Nowhere,MLI0799,1\n2021-09-30,Nowhere,MLI0799,2"
        #expect(WorkbookReaderTests.errors(try Self.read(unknown, mapping: Self.mapping)) == [
            "cercles.csv:7:20: error: column 'adm1_code': P-code 'MLI0799' has no parent in the vocabulary, so roll_up cannot find its admin 1 area (add its row, with its Parent P-Code, to vocabularies/pcodes/mli.csv or extend pcodes under the report's vocabularies:); nearest: ML0701 Ansongo, ML0702 Bourem, ML0703 Gao",
        ])
        #expect(WorkbookReaderTests.errors(try Self.read(Self.cercles, level: 2, mapping: Self.mapping)) == [
            "cercles.csv:5:16: error: column 'adm1_code': P-code 'ML07' is the admin 1 area Gao, above admin 2: roll_up adds areas up, it cannot divide one; leave such rows out with keep:",
        ])
    }

    @Test func theAncestorFollowsEveryParent() throws {
        let commune = AdminArea(code: "ML070101", name: "Ansongo", level: 3, parent: "ML0701", country: "MLI", file: "communes.csv")
        let orphan = AdminArea(code: "ML070199", name: "Lost", level: 3, parent: "ML0799", country: "MLI", file: "communes.csv")
        var all = [commune, orphan]
        for code in ["ML07", "ML0701"] { all.append(try #require(Self.areas.area(code))) }
        let areas = AdminAreas(all, iso2: ["MLI": "ML"])
        #expect(try TableReader.ancestor(of: "MLI070101", level: 1, in: areas).get().code == "ML07")
        #expect(try TableReader.ancestor(of: "ML070101", level: 2, in: areas).get().code == "ML0701")
        guard case .failure(.noParent(let area)) = TableReader.ancestor(of: "ML070199", level: 1, in: areas) else {
            Issue.record("a commune whose cercle is not listed was placed")
            return
        }
        #expect(area.code == "ML070199")
    }
}
