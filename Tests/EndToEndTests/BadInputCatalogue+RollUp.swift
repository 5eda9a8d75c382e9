/// Roll-ups by the P-code hierarchy (`roll_up:` of a mapping), the P-codes of flow monitoring,
/// and P-code messages at the cell of a workbook's sheet.
extension BadInput {
    /// The baseline workbook's regions read from its cercle codes, rolled up by the vocabulary.
    static func rollUpBaseline(_ project: Project) throws {
        try project.replace("""
                      adm1_code: "#adm1+code"
                      adm1_name: "#adm1+name-origin"

            """, with: """
                      adm1_code: "#adm2+code"

            """)
        try project.replace("        key: [report_date, adm1_code, population]\n",
                            with: "        key: [report_date, adm1_code, population]\n        roll_up: [adm1_code]\n")
    }

    static let rollUpCases: [BadInput] = [
        csv("roll-up: a cercle of the workbook without a parent in the vocabulary", { project in
            try rollUpBaseline(project)
            try project.replace("MLI,2,ML0601,Dire,ML06,2021-12-20\n", with: "", in: maliPCodes)
        }, [
            "data/sample/mli_baseline_assessment.xlsx[Baseline Assessment]!G11: error: column 'adm1_code': P-code 'MLI0601' has no parent in the vocabulary, so roll_up cannot find its admin 1 area (add its row, with its Parent P-Code, to vocabularies/pcodes/mli.csv or extend pcodes under the report's vocabularies:); nearest: ML0602 Goundam, ML0603 Gourma-Rharous, ML0604 Niafunke",
        ]),
        csv("roll-up: a cercle code of a CSV export the vocabulary does not list", { project in
            try project.replace("""
                          adm1_code: admin1Pcode
                          adm1_name: admin1Name
                          individuals: numPresentIdpInd
                        values:
                          population: idps
                        keep:
                          adminLevel: 1
                          assessmentType: BA
                        same_key: sum
                """, with: """
                          adm1_code: admin2Pcode
                          individuals: numPresentIdpInd
                        values:
                          population: idps
                        keep:
                          adminLevel: 2
                          assessmentType: BA
                        roll_up: [adm1_code]
                """)
            let row = "5105,Mali Crisis,Mali,MLI,Mopti,MLI05,Mopti,MLI0501,"
            try project.replace(row, with: row.replacingOccurrences(of: "MLI0501", with: "MLI0599"), in: apiExport)
        }, [
            "data/sample/dtm_api_idps.csv:8:45: error: column 'adm1_code': P-code 'MLI0599' has no parent in the vocabulary, so roll_up cannot find its admin 1 area (add its row, with its Parent P-Code, to vocabularies/pcodes/mli.csv or extend pcodes under the report's vocabularies:); nearest: ML0501 Bandiagara, ML0502 Bankass, ML0503 Djenne",
        ]),
        yaml("roll-up of a column that holds no P-codes", {
            try $0.replace("          assessmentType: BA\n        same_key: sum", with: "          assessmentType: BA\n        same_key: sum\n        roll_up: [adm1_name]")
        }, [
            "reports.yaml:182:19: error: reports[11].inputs.movements.roll_up[0]: column 'adm1_name' holds no P-codes: 'roll_up' names P-code columns; this input's are adm1_code (did you mean 'adm1_code'?)",
        ]),
        yaml("roll-up with rows refused", {
            try $0.replace("          assessmentType: BA\n        same_key: sum", with: "          assessmentType: BA\n        same_key: refuse\n        roll_up: [adm1_code]")
        }, [
            "reports.yaml:181:19: error: reports[11].inputs.movements.same_key: 'roll_up' adds up the rows of each area: it cannot go with same_key: refuse; write same_key: sum or leave same_key out",
        ]),
        csv("flow monitoring: a region code the vocabulary does not list", {
            try $0.replace(observationsRow, with: observationsRow.replacingOccurrences(of: ",ML04,", with: ",ML11,"), in: observations)
        }, [
            "data/sample/fmp_observations.csv:3:26: error: column 'adm1_code': P-code 'ML11' is not an admin 1 area of the vocabulary (add its row to vocabularies/pcodes/mli.csv or extend pcodes under the report's vocabularies:); nearest: ML01 Kayes, ML10 Ménaka, ML02 Koulikoro",
        ]),
        csv("flow monitoring: a cercle code in the region column", {
            try $0.replace(observationsRow, with: observationsRow.replacingOccurrences(of: ",ML04,", with: ",ML0401,"), in: observations)
        }, [
            "data/sample/fmp_observations.csv:3:26: error: column 'adm1_code': P-code 'ML0401' is the admin 2 area Baraoueli (vocabularies/pcodes/mli.csv); the column holds admin 1 codes",
        ]),
    ]
}
