import Foundation

/// What `dtm-report run` and `validate` were asked to do.
public struct RunOptions: Sendable {
    public var configFile: URL
    /// The month to report on; nil gives each report the latest month with data.
    public var period: Period?
    /// Only these reports; empty for all.
    public var reportIDs: [String]
    /// Only the reports with one of these tags (`--tag`); empty for all. With `reportIDs`, a
    /// report is selected by either.
    public var tags: [String] = []
    /// Overrides `output:` of reports.yaml.
    public var outputFolder: URL?
    /// Threads that read a large input in parts; 1 reads every file on one thread.
    public var threads: Int
    /// Counts the bytes of input read, for a progress line; nil when nobody shows one.
    public var progress: ScanProgress?
    /// How files are split and read; the tests change it.
    var tuning = InputScan.Tuning.standard
    /// Counts each input file's opens and bytes read, for a test; nil in a real run.
    public var inputReads: InputReadLog?
    /// Stop once every report is checked and read, before any plugin computes: the plan has no
    /// outputs, only each report's latest month with data (`dtm-report list`).
    public var stopsBeforeComputing = false

    public init(configFile: URL, period: Period? = nil, reportIDs: [String] = [], outputFolder: URL? = nil,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, progress: ScanProgress? = nil) {
        self.configFile = configFile
        self.period = period
        self.reportIDs = reportIDs
        self.outputFolder = outputFolder
        self.threads = max(1, threads)
        self.progress = progress
    }
}

/// Every file a run will write, computed in memory. Nothing is on disk yet.
public struct RunPlan: Sendable {
    /// The output folder (`out/`).
    public var outputRoot: URL
    public var outputs: [ReportOutput]
    /// Input columns read by their HXL hashtag rather than their name, once per file, for
    /// `validate` to show.
    public var columnsFoundByHashtag: [HashtagMatch] = []
    /// What the run did that stops nothing (names written as the vocabulary writes them), in
    /// file order, for `validate` and `run` to print.
    public var notes: [Note] = []
    /// What the mappings of inputs applied (columns fed, rows kept, dropped, summed), once per
    /// file read, for `validate` to show.
    public var inputNotes: [String] = []
    /// The selected reports left out because of `enabled: false`, in the order of the file.
    public var disabled: [String] = []
    /// Each report's latest month with data, when the run stopped before computing; a report
    /// whose inputs have no month has none.
    public var latestMonths: [String: Period] = [:]
    /// The month's index pages, when the file names a page template (`page:`).
    public var monthIndex: PageRenderer?
}
