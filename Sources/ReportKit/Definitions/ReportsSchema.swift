import Foundation
import Yams

/// `schemas/reports.schema.json`, generated from the registered plugins: every key `reports.yaml`
/// accepts, and for each report the parameters, inputs and vocabularies of its plugin, chosen by
/// the value of `plugin:` (an `if`/`then` per plugin id), so that an editor with a YAML language
/// server completes and checks a plugin's parameters as the coordinator types.
///
/// The keys come from the loader's own lists (`ReportsFileLoader.topLevelKeys`,
/// `OfficePreparation.defaultsKeys`, `InputMappingReader.keys`…): a key the loader accepts and the
/// schema does not describe stops the generation, so the two cannot drift apart. dtm-report
/// still checks more than a schema can (files exist, a filter's values are in the data).
public enum ReportsSchema {
    /// The command that writes the committed schema; the test that keeps it current names it.
    public static let regenerateCommand = "swift run dtm-report schema --output schemas/reports.schema.json"

    /// The schema as the committed file holds it: sorted keys, two-space indentation, a final line break.
    public static func bytes(_ descriptions: [PluginDescription]) -> [UInt8] {
        JSONDocument.bytes(document(descriptions))
    }

    /// The schema as a JSON tree.
    public static func document(_ descriptions: [PluginDescription]) -> [String: Any] {
        let ids = descriptions.map(\.id)
        var definitions: [String: Any] = staticDefinitions
        definitions["report"] = report(descriptions)
        for description in descriptions {
            definitions[paramsDefinition(description.id)] = parameters(description)
            definitions[inputsDefinition(description.id)] = inputs(description)
        }
        let topLevel: [String: Any] = [
            "version": ["const": ReportsFileLoader.supportedVersion, "description": "The version of this file's format."] as [String: Any],
            "output": [
                "type": "string", "description": "Output folder, relative to this file. Default: \(ReportsFileLoader.defaultOutput).",
            ],
            "languages": ["$ref": "#/$defs/languages", "description": "The languages every report is written in."],
            "reports": ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/report"]] as [String: Any],
            "defaults": defaults(ids),
            "include": [
                "type": "array",
                "items": ["$ref": "#/$defs/relativePath"],
                "description":
                    "More files of reports, or patterns with * in the file name (offices/*.yaml), inside the folder of this file; "
                    + "each holds reports, defaults, include and x- blocks, and its paths are relative to itself.",
            ] as [String: Any],
            "page": [
                "$ref": "#/$defs/relativePath",
                "description":
                    "The page template (HTML, Mustache): every report is also written as report.<language>.html, with the month's "
                    + "index.<language>.html. Default: no pages.",
            ],
            "charts": [
                "type": "object",
                "additionalProperties": ["type": "array", "items": ["$ref": "#/$defs/chart"]] as [String: Any],
                "description": "Charts by report id, for a file that keeps them together; a report may instead carry its own charts: key.",
            ] as [String: Any],
        ]
        let topLevelKeys = ReportsFileLoader.writtenTopLevelKeys
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://dtm-report.example/schemas/reports.schema.json",
            "title": "dtm-report reports.yaml, version \(ReportsFileLoader.supportedVersion)",
            "description":
                "The report definitions of a monthly run. Generated from the registered plugins by `\(regenerateCommand)`; "
                + "do not edit by hand. Paths are relative to the file. dtm-report itself checks more than this schema can "
                + "(that files exist, that a filter's values are in the data); editors use the schema to help as coordinators type.",
            "type": "object",
            // The file a run reads, or a file that `include:` names (an editor checks it too).
            "anyOf": [
                [
                    "description": "The file a run reads.",
                    "required": ["version"],
                    "allOf": [
                        [
                            "anyOf": [
                                ["required": ["languages"]],
                                ["required": ["defaults"], "properties": ["defaults": ["required": ["languages"]]]] as [String: Any],
                            ]
                        ],
                        ["anyOf": [["required": ["reports"]], ["required": ["include"]]]],
                    ],
                ] as [String: Any],
                [
                    "description": "A file that include: names: reports, defaults, include and x- blocks.",
                    "propertyNames": ["anyOf": [["enum": IncludeResolution.includedFileKeys], ["pattern": "^x-"]]],
                ],
            ],
            "propertyNames": ["anyOf": [["enum": topLevelKeys], ["pattern": "^x-"]]],
            "properties": properties(topLevel, keys: topLevelKeys, of: "the top level"),
            "$defs": definitions,
        ]
    }

    // MARK: Reports

    static func paramsDefinition(_ plugin: String) -> String { "params-\(plugin)" }
    static func inputsDefinition(_ plugin: String) -> String { "inputs-\(plugin)" }

    /// One entry of `reports:`, with an `if`/`then` per plugin.
    static func report(_ descriptions: [PluginDescription]) -> [String: Any] {
        let keys = ReportsFileLoader.writtenReportKeys
        let fields: [String: Any] = [
            "id": ["$ref": "#/$defs/kebabCase", "description": "Unique; names the output folder."],
            "plugin": [
                "enum": descriptions.map(\.id),
                "description": "The plugin that makes the report: dtm-report plugins lists them, dtm-report describe PLUGIN shows one.",
            ] as [String: Any],
            "title": ["$ref": "#/$defs/byLanguage", "description": "The report's title in each language of the file."],
            "inputs": [
                "type": "object",
                "additionalProperties": ["$ref": "#/$defs/input"],
                "description":
                    "Input name (dtm-report describe PLUGIN lists them) to its file, relative to this file (absolute only with "
                    + "absolute_inputs: true): a CSV file in the plugin's format, or a CSV or .xlsx file with a mapping "
                    + "(docs/report-types.md, \"Your office's own files\"). Inputs in defaults.inputs need not be repeated.",
            ] as [String: Any],
            "params": [
                "type": ["object", "null"],
                "description":
                    "The plugin's parameters: dtm-report describe PLUGIN lists them with their defaults. Empty (every line under "
                    + "it commented out) is no parameters.",
            ] as [String: Any],
            "templates": [
                "$ref": "#/$defs/templates",
                "description": "The template of each language of the file, relative to this file.",
            ],
            "absolute_inputs": [
                "type": "boolean",
                "description": "true lets this report read inputs by absolute path, outside the folder of this file. Default false.",
            ] as [String: Any],
            "vocabularies": [
                "type": "object",
                "additionalProperties": ["$ref": "#/$defs/vocabularyChange"],
                "description":
                    "Vocabulary name (dtm-report describe PLUGIN lists them; pcodes for the P-codes) to the files that extend "
                    + "the shipped vocabularies/<name>.csv (extend) or are read instead of it (replace).",
            ] as [String: Any],
            "tags": [
                "type": "array",
                "items": ["$ref": "#/$defs/kebabCase"],
                "description": "Groups, for run --tag and validate --tag.",
            ] as [String: Any],
            "enabled": ["type": "boolean", "description": "false leaves the report out of runs, with a note. Default true."]
                as [String: Any],
            "page": ["$ref": "#/$defs/relativePath", "description": "This report's own page template, in place of the top-level page."],
            "charts": [
                "type": "array",
                "items": ["$ref": "#/$defs/chart"],
                "description": "Charts of the report's pages, drawn from its own tables (dtm-report describe PLUGIN lists them).",
            ] as [String: Any],
        ]
        let perPlugin: [Any] = descriptions.map { description in
            let vocabularies = description.vocabularies.map(\.name) + (description.readsPCodes ? [VocabularyReference.pcodes] : [])
            let vocabularyNames: [String: Any] =
                vocabularies.isEmpty ? ["additionalProperties": false] : ["propertyNames": ["enum": vocabularies]]
            return [
                "if": ["required": ["plugin"], "properties": ["plugin": ["const": description.id]]] as [String: Any],
                "then": [
                    "properties": [
                        "params": ["$ref": "#/$defs/\(paramsDefinition(description.id))"],
                        "inputs": ["$ref": "#/$defs/\(inputsDefinition(description.id))"],
                        "vocabularies": vocabularyNames,
                    ] as [String: Any]
                ],
            ] as [String: Any]
        }
        return [
            "type": "object",
            "required": ["id", "plugin", "title"],
            "additionalProperties": false,
            "properties": properties(fields, keys: keys, of: "a report"),
            "allOf": perPlugin,
        ]
    }

    /// The `inputs:` of a report of `description`'s plugin: its input names only.
    static func inputs(_ description: PluginDescription) -> [String: Any] {
        [
            "type": "object",
            "propertyNames": ["enum": description.inputs.map(\.name)],
            "properties": Dictionary(
                uniqueKeysWithValues: description.inputs.map { input in
                    (
                        input.name,
                        [
                            "$ref": "#/$defs/input",
                            "description":
                                "\(input.isRequired ? "" : "Optional. ")\(input.documentation) Conventionally \(input.conventionalFileName).",
                        ]
                    )
                }),
            "additionalProperties": ["$ref": "#/$defs/input"],
        ]
    }

    /// The `params:` of a report of `description`'s plugin: each parameter with its type, allowed
    /// values, default and description; any other key is an error.
    static func parameters(_ description: PluginDescription) -> [String: Any] {
        var properties: [String: Any] = [:]
        for spec in description.parameters {
            var schema = valueSchema(spec.type)
            if spec.acceptsNull { schema = ["anyOf": [["type": "null"], schema]] }
            var text = spec.documentation
            if let defaultValue = spec.defaultValue { text += " Default: \(defaultValue)." } else { text += " Required." }
            schema["description"] = text
            if let value = defaultJSON(spec) { schema["default"] = value }
            properties[spec.name] = schema
        }
        return [
            "type": ["object", "null"],
            "description": "The parameters of \(description.id) (dtm-report describe \(description.id)).",
            "additionalProperties": false,
            "properties": properties,
        ]
    }

    /// What a value of `type` may be, as the definition checker reads it. Text is any scalar: a
    /// plain `12` is read as the text "12".
    static func valueSchema(_ type: ParameterType) -> [String: Any] {
        switch type {
        case .choice(let values): ["enum": values]
        case .integer(let range): ["type": "integer", "minimum": range.lowerBound, "maximum": range.upperBound]
        case .date: ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        case .text: ["type": ["string", "number", "boolean"], "minLength": 1]
        case .flag: ["type": "boolean"]
        case .list(let element): ["type": "array", "items": valueSchema(element)]
        case .structure(let shape): ["type": "object", "description": shape]
        }
    }

    /// The default of `spec` as a JSON value, when it has one that YAML can write.
    static func defaultJSON(_ spec: ParameterSpec) -> Any? {
        guard let yaml = spec.defaultYAML, yaml != "~", let node = try? Yams.compose(yaml: yaml) else { return nil }
        return json(node, as: spec.type)
    }

    private static func json(_ node: Node, as type: ParameterType) -> Any? {
        switch (type, node) {
        case (.list(let element), .sequence(let sequence)):
            let values = sequence.map { json($0, as: element) }
            return values.contains { $0 == nil } ? nil : values.map { $0! }
        case (.integer, .scalar(let scalar)): return Int(scalar.string)
        case (.flag, .scalar(let scalar)): return scalar.string == "true" ? true : scalar.string == "false" ? false : nil
        case (.choice, .scalar(let scalar)), (.date, .scalar(let scalar)), (.text, .scalar(let scalar)): return scalar.string
        default: return nil
        }
    }

    // MARK: Defaults

    static func defaults(_ ids: [String]) -> [String: Any] {
        func perPlugin(_ schema: (String) -> [String: Any], _ text: String) -> [String: Any] {
            [
                "type": "object",
                "additionalProperties": false,
                "properties": Dictionary(uniqueKeysWithValues: ids.map { ($0, schema($0)) }),
                "description": text,
            ]
        }
        let fields: [String: Any] = [
            "output": ["type": "string", "description": "Instead of the top-level output."],
            "languages": ["$ref": "#/$defs/languages", "description": "Instead of the top-level languages."],
            "inputs": perPlugin(
                { ["$ref": "#/$defs/\(inputsDefinition($0))"] },
                "Per plugin id: input name to file, for every report of that plugin that does not name it."),
            "params": perPlugin(
                // A mapping here: `params:` with nothing under it is for a report only.
                { ["type": "object", "allOf": [["$ref": "#/$defs/\(paramsDefinition($0))"]]] },
                "Per plugin id: parameters every report of that plugin inherits, its own winning."),
            "templates": perPlugin({ _ in ["$ref": "#/$defs/templates"] }, "Per plugin id: a template per language."),
        ]
        return [
            "type": "object",
            "additionalProperties": false,
            "description":
                "What every report inherits unless it sets its own: output and languages (instead of the top-level keys), "
                + "and per plugin id the inputs, params and templates, entry by entry.",
            "properties": properties(fields, keys: OfficePreparation.defaultsKeys, of: "defaults"),
        ]
    }

    // MARK: Shared definitions

    /// The properties for exactly the `keys` the loader accepts: a key it no longer reads is
    /// left out (so the schema refuses it too), a key without a description here is accepted
    /// as anything, and `undescribedKeys` names it, for the test that keeps the two in step.
    static func properties(_ fields: [String: Any], keys: [String], of owner: String) -> [String: Any] {
        Dictionary(uniqueKeysWithValues: keys.map { ($0, fields[$0] ?? [String: Any]()) })
    }

    /// The keys the loader reads that the schema does not describe (`reports[].roll_up`): empty
    /// when the schema is complete.
    public static func undescribedKeys(_ descriptions: [PluginDescription]) -> [String] {
        let document = document(descriptions)
        let definitions = document["$defs"] as? [String: Any] ?? [:]
        let topLevel = document["properties"] as? [String: Any] ?? [:]
        let owners: [(String, Any?)] = [
            ("", topLevel),
            ("defaults.", (topLevel["defaults"] as? [String: Any])?["properties"]),
            ("reports[].", (definitions["report"] as? [String: Any])?["properties"]),
            ("reports[].inputs.<name>.", (definitions["mappedInput"] as? [String: Any])?["properties"]),
            ("reports[].charts[].", (definitions["chart"] as? [String: Any])?["properties"]),
        ]
        return owners.flatMap { prefix, properties in
            (properties as? [String: Any] ?? [:]).filter { ($0.value as? [String: Any])?.isEmpty == true }.map { prefix + $0.key }.sorted()
        }
    }

    static var staticDefinitions: [String: Any] {
        let languageNames = Language.allCases.map(\.rawValue)
        let mapping: [String: Any] = [
            "file": ["type": "string", "pattern": ".", "description": "The CSV or .xlsx file, relative to this file."] as [String: Any],
            "sheet": [
                "anyOf": [["type": "string", "pattern": "."], ["type": "integer", "minimum": 1]] as [Any],
                "description":
                    "A workbook's sheet by name or position (from 1). Default: the first sheet with an HXL hashtag row, else the first.",
            ] as [String: Any],
            "columns": [
                "type": "object", "additionalProperties": ["$ref": "#/$defs/fileColumn"],
                "description": "Plugin column to the file's column.",
            ] as [String: Any],
            "wide": [
                "type": "object",
                "additionalProperties": [
                    "type": "object",
                    "additionalProperties": ["type": "object", "additionalProperties": ["$ref": "#/$defs/fileColumn"]] as [String: Any],
                ] as [String: Any],
                "description":
                    "Column groups that become rows: one plugin column (the one the groups' names fill), then each group with "
                    + "the plugin columns its file columns feed.",
            ] as [String: Any],
            "values": [
                "type": "object", "additionalProperties": ["$ref": "#/$defs/scalar"],
                "description": "Constants for plugin columns the file lacks.",
            ] as [String: Any],
            "keep": [
                "type": "object",
                "additionalProperties": [
                    "anyOf": [
                        ["$ref": "#/$defs/scalar"], ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/scalar"]] as [String: Any],
                    ]
                ],
                "description": "Only the rows whose column (header name or hashtag pattern) has one of these values are read.",
            ] as [String: Any],
            "same_key": [
                "enum": InputMapping.SameKey.allCases.map(\.rawValue),
                "description": "Rows equal in their key columns: counts summed (a roll-up), or refused. Default: rows read as they are.",
            ] as [String: Any],
            "key": [
                "type": "array", "minItems": 1, "items": ["type": "string"],
                "description": "The plugin columns that make rows the same for same_key. Default: every column that is not a count.",
            ] as [String: Any],
            "roll_up": [
                "anyOf": [
                    ["type": "string", "pattern": "."], ["type": "array", "minItems": 1, "items": ["type": "string", "pattern": "."]] as [String: Any],
                ] as [Any],
                "description":
                    "P-code columns whose file codes may be of a lower level (cercles, communes): each code becomes its area's at the "
                    + "column's level by the vocabulary's parent codes, and rows are summed as with same_key: sum.",
            ] as [String: Any],
            "date_format": ["type": "string", "description": "Dates written as text in another form than YYYY-MM-DD, as in dd/mm/yyyy."],
        ]
        let chart: [String: Any] = [
            "kind": [
                "enum": ChartSpec.Kind.allCases.map(\.rawValue),
                "description":
                    "bar: a bar per row; stacked_bar: the columns stacked in each row's bar; line: a line per column over the rows; "
                    + "share: the rows' shares of one column.",
            ] as [String: Any],
            "table": ["type": "string", "pattern": ".", "description": "One of the plugin's tables (dtm-report describe PLUGIN)."],
            "labels": [
                "anyOf": [["type": "string", "pattern": "."], ["$ref": "#/$defs/byLanguage"]] as [Any],
                "description": "The column naming each row, or one column per language.",
            ] as [String: Any],
            "columns": [
                "type": "array", "minItems": 1, "items": ["type": "string", "pattern": "."],
                "description": "The columns of numbers drawn (one for share).",
            ] as [String: Any],
            "title": ["$ref": "#/$defs/byLanguage", "description": "The chart's title in each language of the file."],
            "colours": [
                "type": "array", "items": ["type": "string", "pattern": "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"],
                "description": "One colour per column (per row for share), #RRGGBB. Default: a palette colour-blind readers tell apart.",
            ] as [String: Any],
        ]
        return [
            "chart": [
                "type": "object",
                "required": ["kind", "table", "labels", "columns", "title"],
                "additionalProperties": false,
                "properties": properties(chart, keys: ChartReader.keys, of: "a chart"),
            ] as [String: Any],
            "kebabCase": ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"],
            "languages": ["type": "array", "minItems": 1, "items": ["enum": languageNames]] as [String: Any],
            "relativePath": ["type": "string", "pattern": "^[^/~]"],
            "scalar": ["anyOf": [["type": "string"], ["type": "number"], ["type": "boolean"]]],
            "fileColumn": [
                "type": "string", "pattern": ".", "description": "A header name, or an HXL hashtag pattern (#tag+attribute-excluded).",
            ],
            "byLanguage": ["type": "object", "propertyNames": ["enum": languageNames], "additionalProperties": ["type": "string"]]
                as [String: Any],
            "templates": [
                "type": "object", "propertyNames": ["enum": languageNames], "additionalProperties": ["$ref": "#/$defs/relativePath"],
            ] as [String: Any],
            "input": ["anyOf": [["type": "string"], ["$ref": "#/$defs/mappedInput"]]],
            "mappedInput": [
                "type": "object",
                "required": ["file"],
                "additionalProperties": false,
                "properties": properties(mapping, keys: InputMappingReader.keys, of: "an input's mapping"),
            ] as [String: Any],
            "vocabularyFiles": [
                "anyOf": [
                    ["$ref": "#/$defs/relativePath"],
                    ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/relativePath"]] as [String: Any],
                ]
            ],
            "vocabularyChange": [
                "anyOf": [
                    [
                        "type": "object", "required": ["extend"], "additionalProperties": false,
                        "properties": ["extend": ["$ref": "#/$defs/vocabularyFiles"]],
                    ] as [String: Any],
                    [
                        "type": "object", "required": ["replace"], "additionalProperties": false,
                        "properties": ["replace": ["$ref": "#/$defs/vocabularyFiles"]],
                    ] as [String: Any],
                ]
            ],
        ]
    }
}
