/// Vocabularies: the shipped files under vocabularies/, the P-code columns checked against
/// them, and a report's `vocabularies:` in reports.yaml.
extension BadInput {
    static let causes = "vocabularies/causes.csv"
    static let maliPCodes = "vocabularies/pcodes/mli.csv"

    static let vocabularyCases: [BadInput] = [
        // P-code columns of inputs.
        csv("P-codes: a region code the vocabulary does not list", { try $0.replace(movementsRow, with: "2017-04-30,ML11,Tombouctou,returnees,21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:12: error: column 'adm1_code': P-code 'ML11' is not an admin 1 area of the vocabulary (add its row to vocabularies/pcodes/mli.csv or extend pcodes under the report's vocabularies:); nearest: ML01 Kayes, ML10 Ménaka, ML02 Koulikoro",
        ]),
        csv("P-codes: DTM's ISO3 form of an unknown code", { try $0.replace(eventsRow, with: eventsRow.replacingOccurrences(of: ",ML06,", with: ",MLI16,"), in: events) }, [
            "data/sample/displacement_events.csv:4:47: error: column 'origin_adm1_code': P-code 'MLI16' is not an admin 1 area of the vocabulary (add its row to vocabularies/pcodes/mli.csv or extend pcodes under the report's vocabularies:); nearest: ML06 Tombouctou, ML10 Ménaka, ML01 Kayes",
        ]),
        csv("P-codes: a region name that is another region's", { try $0.replace(movementsRow, with: "2017-04-30,ML06,Gao,returnees,21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:17: error: column 'adm1_name': name 'Gao' is not the name of ML06 in vocabularies/pcodes/mli.csv (did you mean 'Tombouctou'?)",
        ]),
        csv("P-codes: a cercle code in a region column", { try $0.replace(movementsRow, with: "2017-04-30,ML0601,Tombouctou,returnees,21679,3871", in: movements) }, [
            "data/sample/population_movements.csv:94:12: error: column 'adm1_code': P-code 'ML0601' is the admin 2 area Dire (vocabularies/pcodes/mli.csv); the column holds admin 1 codes",
        ]),
        csv("situation report: a cause of another office's vocabulary", { try $0.replace(eventsRow, with: eventsRow.replacingOccurrences(of: ",insecurity", with: ",drought"), in: events) }, [
            "data/sample/displacement_events.csv:4:98: error: column 'cause': value 'drought' is not one of conflict, intercommunal, insecurity, flood, other",
        ]),

        // Vocabulary files.
        csv("vocabulary file: a column the plugin needs is missing", { try $0.replace("key,name_en,name_fr,phrase_en,phrase_fr", with: "key,name_en,name_fr,phrase_en,phrase_french", in: causes) }, [
            "vocabularies/causes.csv:4:1: error: column 'phrase_fr': the header has no column 'phrase_fr', which vocabulary 'causes' needs (did you mean 'phrase_en'?)",
        ]),
        csv("vocabulary file: a key listed twice", { try $0.append("flood,floods,inondations,following floods,suite aux inondations\n", to: causes) }, [
            "vocabularies/causes.csv:11:1: error: column 'key': key 'flood' is already on line 9",
        ]),
        csv("vocabulary file: an empty word", { try $0.replace("flood,floods,inondations,", with: "flood,floods,,", in: causes) }, [
            "vocabularies/causes.csv:9:14: error: column 'name_fr': value is empty",
        ]),
        csv("vocabulary file: a key the plugin does not know", { try $0.append("camel,Camel,Chameau,camels,chameaux\n", to: "vocabularies/transport-modes.csv") }, [
            "vocabularies/transport-modes.csv:14:1: error: column 'key': key 'camel' is not one of the plugin's: vocabulary 'transport-modes' can reword bus, truck, car, motorcycle, tricycle, foot, boat, other, not add a key",
        ]),
        csv("vocabulary file: a key of the plugin without its words", { try $0.replace("quarantine,quarantine,la quarantaine\n", with: "", in: "vocabularies/restrictions.csv") }, [
            "vocabularies/restrictions.csv: error: no row for key 'quarantine': the plugin needs the words of every key of vocabulary 'restrictions'",
        ]),
        csv("vocabulary file: no hashtag row", { try $0.replace("#loc+type,#loc+type+plural+i_en,#loc+type+plural+i_fr,#loc+type+singular+i_en,#loc+type+singular+i_fr\n", with: "", in: "vocabularies/poe-types.csv") }, [
            "vocabularies/poe-types.csv:1: error: no HXL hashtag row in the first 25 rows: a vocabulary file has a header row and, under it, a row of hashtags (#country+code, …); notes may come above the header",
        ]),
        csv("P-code file: a cercle whose region is not listed", { try $0.replace("MLI,2,ML0101,Bafoulabe,ML01", with: "MLI,2,ML0101,Bafoulabe,ML11", in: maliPCodes) }, [
            "vocabularies/pcodes/mli.csv:17:24: error: column 'Parent P-Code': P-code 'ML11' is not an admin 1 area of the vocabulary; nearest: ML01 Kayes, ML10 Ménaka, ML02 Koulikoro",
        ]),
        csv("P-code file: a P-code listed twice", { try $0.replace("MLI,2,ML0102,Diema,ML01", with: "MLI,2,ML0101,Diema,ML01", in: maliPCodes) }, [
            "vocabularies/pcodes/mli.csv:18:7: error: column 'P-Code': P-code 'ML0101' is already listed on line 17",
        ]),
        csv("P-code file: an admin level that is not a number", { try $0.replace("NER,1,NE001,Agadez,NER", with: "NER,one,NE001,Agadez,NER", in: "vocabularies/pcodes/ner.csv") }, [
            "vocabularies/pcodes/ner.csv:7:5: error: column 'Admin Level': value 'one' is not an admin level (1, 2, …)",
        ]),

        fileSystem("a project without its vocabularies folder", { try $0.remove("vocabularies") }, [
            "reports.yaml:231:7: error: page: file 'vocabularies/page-words.csv' does not exist",
            "vocabularies/causes.csv: error: file of vocabulary 'causes' not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
            "vocabularies/countries.csv: error: file of vocabulary 'countries' not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
            "vocabularies/indicator-words.csv: error: file of vocabulary 'indicator-words' not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
            "vocabularies/pcodes/: error: folder of the P-code vocabulary not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
            "vocabularies/poe-statuses.csv: error: file of vocabulary 'poe-statuses' not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
            "vocabularies/poe-types.csv: error: file of vocabulary 'poe-types' not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
            "vocabularies/populations.csv: error: file of vocabulary 'populations' not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
            "vocabularies/restrictions.csv: error: file of vocabulary 'restrictions' not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
            "vocabularies/transport-modes.csv: error: file of vocabulary 'transport-modes' not found (copy the vocabularies/ folder of dtm-report next to reports.yaml)",
        ]),

        // `vocabularies:` in reports.yaml.
        yaml("vocabularies: a vocabulary the plugin does not read", { try $0.replace("    params:\n      population: returnees\n", with: "    params:\n      population: returnees\n    vocabularies:\n      population:\n        extend: vocabularies/populations-extra.csv\n") }, [
            "reports.yaml:18:7: error: reports[0].vocabularies.population: plugin 'returnee-movements' reads no vocabulary 'population'; it reads populations, pcodes (did you mean 'populations'?)",
        ]),
        yaml("vocabularies: extend and replace at once", { try $0.replace("        extend: vocabularies/niger/causes.csv", with: "        extend: vocabularies/niger/causes.csv\n        replace: vocabularies/causes.csv") }, [
            "reports.yaml:91:7: error: reports[6].vocabularies.causes: give exactly one of 'extend' (files added to the shipped vocabulary) or 'replace' (files read instead of it)",
        ]),
        yaml("vocabularies: a file that does not exist", { try $0.replace("        extend: vocabularies/niger/causes.csv", with: "        extend: vocabularies/niger/cause.csv") }, [
            "reports.yaml:92:17: error: reports[6].vocabularies.causes.extend: file 'vocabularies/niger/cause.csv' does not exist (did you mean 'vocabularies/niger/causes.csv'?)",
        ]),
        yaml("the output folder holds the vocabularies", { try $0.replace("output: out", with: "output: vocabularies") }, [
            "reports.yaml:5:9: error: output: 'vocabularies/causes.csv' and 15 more files the run reads are inside the output folder 'vocabularies', where a run replaces whole folders; keep inputs and templates outside it",
        ]),
        yaml("vocabularies: an absolute path", { try $0.replace("        extend: vocabularies/niger/causes.csv", with: "        extend: /srv/causes.csv") }, [
            "reports.yaml:92:17: error: reports[6].vocabularies.causes.extend: '/srv/causes.csv' is an absolute path; write it relative to the folder of reports.yaml",
        ]),
    ]
}
