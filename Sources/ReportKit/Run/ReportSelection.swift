/// Which reports of the file a run makes: `--report` ids, `--tag` groups, and `enabled: false`.
///
/// Without `--report` or `--tag`, every enabled report. A report named by `--report` is made even
/// when disabled: naming it is asking for it. A disabled report selected only by a tag, or by
/// default, is left out with a note; its definition was read (so a mistake in it is still an
/// error) but its plugin, inputs and templates are not checked, as it may be waiting for them.
public struct ReportSelection: Sendable {
    /// The reports to make, in the order of the file.
    public var reports: [ReportDefinition]
    /// The ids of the reports left out because they are disabled.
    public var disabled: [String]
    /// A `--tag` that no report has (`--report` ids are checked by the run).
    public var diagnostics: [Diagnostic]

    /// The selection of `file` for the given `--report` ids and `--tag`s.
    public static func select(_ file: ReportsFile, reportIDs: [String], tags: [String]) -> ReportSelection {
        let knownTags = allTags(of: file)
        let diagnostics = tags.filter { !knownTags.contains($0) }.map { Diagnostic.unknownTag($0, known: knownTags) }
        var reports: [ReportDefinition] = []
        var disabled: [String] = []
        let everything = reportIDs.isEmpty && tags.isEmpty
        for report in file.reports {
            let named = reportIDs.contains(report.id.value)
            let tagged = report.tags.contains { tags.contains($0.value) }
            guard everything || named || tagged else { continue }
            if report.isEnabled || named {
                reports.append(report)
            } else {
                disabled.append(report.id.value)
            }
        }
        return ReportSelection(reports: reports, disabled: disabled, diagnostics: diagnostics)
    }

    /// Every tag of the file, sorted.
    public static func allTags(of file: ReportsFile) -> [String] {
        Set(file.reports.flatMap { $0.tags.map(\.value) }).sorted()
    }
}
