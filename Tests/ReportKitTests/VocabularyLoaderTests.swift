import Foundation
@testable import ReportKit
import Testing

@Suite struct VocabularyLoaderTests {
    /// The quick trim gives what Foundation's does, for cells with and without spaces, tabs,
    /// no-break and other Unicode spaces, controls and letters past ASCII at either end.
    @Test(arguments: ["", " ", "ML07", " ML07", "ML07 ", "\tGao\t", "Ségou", "é", "Gao\u{A0}", "\u{A0}Gao", "\u{2009}x\u{3000}",
                      "\u{1}Gao", "Gao\u{7F}", "Tombouctou, Mali", "  ", "a", "Côte d’Ivoire ", "\u{FEFF}ML"])
    func cellsAreTrimmedAsFoundationTrimsThem(text: String) {
        #expect(VocabularyLoader.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
    }

    static let pcodes = """
        "Notes come first."
        Location,Admin Level,P-Code,Name,Parent P-Code
        #country+code,#geo+admin_level,#adm+code,#adm+name,#adm+code+parent
        MLI,1,ML07,Gao,MLI
        MLI,2,ML0701,Ansongo,ML07
        NER,1,NE006,Tillabéri,NER

        """

    func areas(_ text: String = pcodes) throws -> AdminAreas {
        let table = try VocabularyLoader.table(Array(text.utf8), file: "p.csv").get()
        return try VocabularyLoader.adminAreas([table]).get()
    }

    @Test func aCodeIsFoundInEitherPrefixFormAndCase() throws {
        let areas = try areas()
        for code in ["ML07", "MLI07", "mli07", " ML07  ", "ml07"] {
            #expect(areas.area(code)?.code == "ML07", "\(code)")
        }
        #expect(areas.area("NER006")?.name == "Tillabéri")
        #expect(areas.area("MLI0701")?.parent == "ML07")
        #expect(areas.area("ML08") == nil)
        #expect(areas.nearest(to: "MLI08").map(\.code).first == "ML07")
        #expect(areas.file(for: "NER009") == "p.csv")
    }

    @Test func aVocabularyWrittenWithISO3CodesIsReadAsItIs() throws {
        let areas = try areas(Self.pcodes.replacingOccurrences(of: "ML07", with: "MLI07"))
        #expect(areas.area("MLI07")?.code == "MLI07")
        #expect(areas.area("MLI0701")?.name == "Ansongo")
    }

    @Test func problemsOfAPCodeFileHaveTheirPlaces() {
        let text = Self.pcodes.replacingOccurrences(of: "MLI,2,ML0701,Ansongo,ML07", with: "MLI,2,ML0701,Ansongo,ML09")
            .replacingOccurrences(of: "NER,1,NE006", with: "NER,1,ML07")
        let table = try? VocabularyLoader.table(Array(text.utf8), file: "p.csv").get()
        guard case .failure(let list) = VocabularyLoader.adminAreas([table!]) else { Issue.record("accepted"); return }
        #expect(list.diagnostics.map(\.description) == [
            "p.csv:6:7: error: column 'P-Code': P-code 'ML07' is already listed on line 4",
            "p.csv:5:22: error: column 'Parent P-Code': P-code 'ML09' is not an admin 1 area of the vocabulary; nearest: ML07 Gao",
        ])
    }

    @Test func aWordListNeedsItsColumnsAndTheKeysOfAClosedList() {
        let spec = VocabularySpec("modes", forms: ["name"], keys: ["bus", "car"], "Modes.")
        let text = "key,name_en,name_fr\n#x,#x+i_en,#x+i_fr\nbus,Bus,Bus\ncamel,Camel,Chameau\nbus,Bus,Autobus\n"
        let table = try? VocabularyLoader.table(Array(text.utf8), file: "m.csv").get()
        guard case .failure(let list) = VocabularyLoader.wordList(spec, tables: [table!]) else { Issue.record("accepted"); return }
        #expect(list.diagnostics.map(\.description) == [
            "m.csv:4:1: error: column 'key': key 'camel' is not one of the plugin's: vocabulary 'modes' can reword bus, car, not add a key",
            "m.csv:5:1: error: column 'key': key 'bus' is already on line 3",
        ])
    }

    @Test func aLaterFileRewordsAKeyAndKeepsItsPlace() throws {
        let spec = VocabularySpec("causes", forms: ["name"], "Causes.")
        let shipped = try VocabularyLoader.table(Array("key,name_en,name_fr\n#c,#c+i_en,#c+i_fr\nflood,floods,inondations\nother,other,autres\n".utf8), file: "a.csv").get()
        let added = try VocabularyLoader.table(Array("key,name_en,name_fr\n#c,#c+i_en,#c+i_fr\ndrought,drought,sécheresse\nflood,flooding,crues\n".utf8), file: "b.csv").get()
        let list = try VocabularyLoader.wordList(spec, tables: [shipped, added]).get()
        #expect(list.keys == ["flood", "other", "drought"])
        #expect(list.label("flood", "name") == Label(en: "flooding", fr: "crues"))
        #expect(list.files == ["a.csv", "b.csv"])
    }
}
