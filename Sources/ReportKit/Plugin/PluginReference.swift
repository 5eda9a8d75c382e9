/// A plugin's description as text for coordinators: what `dtm-report describe` prints.
public enum PluginReference {
    public static func text(_ description: PluginDescription) -> String {
        var lines: [String] = []
        lines.append("\(description.id): \(description.name.en) / \(description.name.fr)")
        lines.append(description.summary)
        lines.append("")
        lines.append("Inputs (under `inputs:`)")
        for input in description.inputs {
            lines.append("  \(input.name)\(input.isRequired ? "" : " (optional)"): \(input.conventionalFileName). \(input.documentation)")
            for column in input.columns {
                lines.append("    \(column.name) [\(column.type.displayName)] \(column.hxl): \(column.documentation)")
            }
        }
        lines.append("")
        lines.append("Parameters (under `params:`)")
        for parameter in description.parameters {
            let defaultText = parameter.defaultValue.map { "default \($0)" } ?? "required"
            lines.append("  \(parameter.name) [\(parameter.type.displayName); \(defaultText)]: \(parameter.documentation)")
        }
        if description.parameters.isEmpty { lines.append("  none") }
        lines.append("")
        lines.append("Facts (in templates as {{name}}; forms below a fact as {{name.form}})")
        for fact in HostFacts.specs + description.facts {
            appendFact(fact, indent: "  ", to: &lines)
        }
        lines.append("")
        lines.append("Tables (each written as <name>.csv and under `tables` in report.json)")
        for table in description.tables {
            lines.append("  \(table.name): \(table.documentation)")
            for column in table.columns {
                lines.append("    \(column.name) \(column.hxl): \(column.documentation)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func appendFact(_ fact: FactSpec, indent: String, to lines: inout [String]) {
        lines.append("\(indent)\(fact.name) [\(fact.kind.rawValue)\(fact.isOptional ? ", may be absent" : "")]: \(fact.documentation)")
        for (child, documentation) in fact.kind.children {
            lines.append("\(indent)    .\(child): \(documentation)")
        }
        for field in fact.fields {
            appendFact(field, indent: indent + "    ", to: &lines)
        }
    }
}
