/// The plugins a run can use, looked up by id.
public struct PluginRegistry: Sendable {
    public let plugins: [any ReportPlugin.Type]

    public init(_ plugins: [any ReportPlugin.Type]) {
        self.plugins = plugins
    }

    public var ids: [String] { plugins.map { $0.description.id } }

    public func plugin(id: String) -> (any ReportPlugin.Type)? {
        plugins.first { $0.description.id == id }
    }
}

/// Facts the host gives every template, whatever the plugin.
public enum HostFacts {
    public static let specs: [FactSpec] = [
        FactSpec("title", .label, "The report's title in the template's language, from `title:` in reports.yaml."),
        FactSpec("period", .month, "The reporting period (the month given by --period, or the latest with data)."),
    ]

    static func values(title: [Language: String], period: Period) -> [String: FactValue] {
        [
            "title": .label(Label(en: title[.en] ?? "", fr: title[.fr] ?? "")),
            "period": .month(period),
        ]
    }
}
