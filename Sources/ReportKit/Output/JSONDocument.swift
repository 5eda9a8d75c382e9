import Foundation

/// Builds `report.json` and `manifest.json`: sorted keys, pretty printed, a `schema` field
/// naming the document's version, so that two runs on the same inputs give the same bytes.
public enum JSONDocument {
    public static let reportSchema = "dtm-report/report/1"
    public static let manifestSchema = "dtm-report/manifest/1"

    /// Serialises a tree of `[String: Any]`, `[Any]`, `String`, `Int`, `Double`, `Bool` and
    /// `NSNull`, as `JSONSerialization` writes it with sorted keys, pretty printed, slashes
    /// unescaped (`PrettyJSONWriter`), and a line feed.
    public static func bytes(_ object: Any) -> [UInt8] {
        var writer = PrettyJSONWriter()
        writer.write(object)
        writer.bytes.append(UInt8(ascii: "\n"))
        return writer.bytes
    }

    /// The document of one report, in the shape `schemas/report.schema.json` describes.
    public static func report(id: String, plugin: String, period: Period, title: [Language: String], result: ReportResult,
                              description: PluginDescription, texts: [Language: String]) -> [String: Any] {
        var tables: [String: Any] = [:]
        for spec in description.tables {
            let rows = result.tables[spec.name]?.rows ?? []
            tables[spec.name] = [
                "columns": spec.columns.map { ["name": $0.name, "hxl": $0.hxl] },
                "rows": rows.map { $0.map(cellValue) },
            ] as [String: Any]
        }
        return [
            "schema": reportSchema,
            "report": [
                "id": id,
                "plugin": plugin,
                "period": period.iso,
                "title": Dictionary(uniqueKeysWithValues: title.map { ($0.key.rawValue, $0.value) }),
            ] as [String: Any],
            "facts": result.facts.mapValues(factValue),
            "tables": tables,
            "text": Dictionary(uniqueKeysWithValues: texts.map { ($0.key.rawValue, $0.value) }),
        ]
    }

    static func factValue(_ value: FactValue) -> Any {
        switch value {
        case .count(let count): count
        case .percent(let fraction): MachineNumber.rounded(fraction)
        case .decimal(let value, _): MachineNumber.rounded(value)
        case .date(let day): day.iso
        case .month(let period): period.iso
        case .dateRange(let start, let end): ["start": start.iso, "end": end.iso]
        case .list(let labels): labels.map(labelValue)
        case .change(let difference, let relative):
            ["difference": difference, "relative": relative.map { MachineNumber.rounded($0) as Any } ?? NSNull()] as [String: Any]
        case .label(let label): labelValue(label)
        case .flag(let flag): flag
        case .records(let records): records.map { $0.mapValues(factValue) }
        }
    }

    static func labelValue(_ label: Label) -> [String: String] {
        ["en": label.en, "fr": label.fr]
    }

    static func cellValue(_ cell: TableCell) -> Any {
        switch cell {
        case .text(let text): text
        case .integer(let value): value
        case .decimal(let value): MachineNumber.rounded(value)
        case .day(let day): day.iso
        case .month(let period): period.iso
        case .flag(let flag): flag
        case .empty: NSNull()
        }
    }
}
