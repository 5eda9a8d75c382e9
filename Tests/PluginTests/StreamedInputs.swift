import ReportKit

extension ReportPlugin {
    /// The plugin's inputs made from `tables` (by input name) as the host makes them from files:
    /// each table's rows added as one batch, in the order of the description's inputs. `period`
    /// is the month the report will be computed for (nil: the latest month with data).
    static func inputs(_ tables: [String: InputTable], parameters: Parameters, period: Period? = nil) -> Inputs {
        var inputs = makeInputs(parameters: parameters, period: period)
        for spec in description.inputs {
            if let table = tables[spec.name] { inputs.add(RowBatch(table, spec: spec)) }
        }
        inputs.finish()
        return inputs
    }
}
