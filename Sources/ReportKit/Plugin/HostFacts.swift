/// Facts the host gives every template, whatever the plugin.
public enum HostFacts {
    public static let specs: [FactSpec] = [
        FactSpec("title", .label, "The report's title in the template's language, from `title:` in reports.yaml."),
        FactSpec("period", .month, "The reporting period (the month given by --period, or the latest with data)."),
        FactSpec(
            "data_through", .date,
            "The last day the report's inputs have data for, up to the end of the period; absent when they have none.",
            optional: true),
        FactSpec("data_is_old", .flag, "True when data_through is before the first day of the period: the figures are older than the period."),
    ]

    static func values(title: [Language: String], period: Period, dataThrough: Day?) -> [String: FactValue] {
        var values: [String: FactValue] = [
            "title": .label(Label(en: title[.en] ?? "", fr: title[.fr] ?? "")),
            "period": .month(period),
            "data_is_old": .flag(dataThrough.map { $0 < period.firstDay } ?? false),
        ]
        if let dataThrough { values["data_through"] = .date(dataThrough) }
        return values
    }
}
