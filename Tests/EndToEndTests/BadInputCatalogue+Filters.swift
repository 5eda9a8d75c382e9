import Foundation

/// Filters of every plugin checked against the data, beyond the flow monitoring and PoE ones of
/// `coordinatorCases`: a value no row has is refused, never a report of nothing.
extension BadInput {
    static let filterCases: [BadInput] = [
        yaml("a population the input does not have", {
            try $0.replace("movements: data/sample/ner_population_movements.csv\n    params:\n      population: idps",
                           with: "movements: data/sample/ner_population_movements.csv\n    params:\n      population: returnees")
        }, [
            "reports.yaml:104:19: error: reports[7].params.population: 'returnees' is not a value of column 'population' in data/sample/ner_population_movements.csv; its values are idps",
        ]),
    ]
}
