import Foundation

/// One input of one report: the file it names and the aggregate it wants.
struct InputRequest {
    /// The scan that reads the file, or why it cannot be read.
    var scan: Result<Int, Diagnostic>
    /// The consumer's index in its scan.
    var consumer: InputConsumer
    var index: Int
}

/// Inputs read once per run: every report reading a file with the same columns declared gets
/// its aggregate from the same pass over it.
struct InputScans {
    struct Read {
        var file: String
        var aggregate: any AggregateBox
        var sha256: String
        var size: Int
        /// Where the columns of a table read row by row are (workbooks, mapped files).
        var tableColumns: TableColumns?
        var columnsFoundByHashtag: [HashtagMatch] = []
    }

    private struct Scan {
        var url: URL
        var path: Located<String>
        var spec: InputSpec
        var mapping: InputMapping?
        /// The P-codes a `roll_up` of the mapping follows.
        var areas: AdminAreas?
        var consumers: [InputConsumer] = []
        var output: Result<InputScan.Output, DiagnosticList>?
    }

    let project: ProjectFiles
    let threads: Int
    let progress: ScanProgress?
    let tuning: InputScan.Tuning
    /// Counts the opens and reads of each input file, when a test asks.
    let readLog: InputReadLog?
    private var scans: [Scan] = []
    /// Problems already reported, so that a second report reading the same file (with the same
    /// columns or others) repeats none of them.
    private var reported: Set<String> = []

    init(project: ProjectFiles, threads: Int, progress: ScanProgress?, tuning: InputScan.Tuning, readLog: InputReadLog? = nil) {
        self.project = project
        self.readLog = readLog
        self.threads = threads
        self.progress = progress
        self.tuning = tuning
    }

    /// The columns of every file read that were found by hashtag, each once: files by name,
    /// columns in the plugin's order.
    var columnsFoundByHashtag: [HashtagMatch] {
        let lists = scans.compactMap { (try? $0.output?.get())?.columnsFoundByHashtag }.filter { !$0.isEmpty }
        var seen = Set<HashtagMatch>()
        return lists.sorted { ($0[0].file, $0.map(\.column).joined(separator: ",")) < ($1[0].file, $1.map(\.column).joined(separator: ",")) }
            .flatMap { $0 }
            .filter { seen.insert($0).inserted }
    }

    /// Registers a report's input; nothing is read yet.
    mutating func request(_ path: Located<String>, spec: InputSpec, mapping: InputMapping? = nil, areas: AdminAreas? = nil,
                          allowsAbsolute: Bool, consumer: InputConsumer) -> InputRequest {
        switch project.resolve(path, allowsAbsolute: allowsAbsolute) {
        case .failure(let diagnostic):
            return InputRequest(scan: .failure(diagnostic), consumer: consumer, index: 0)
        case .success(let url):
            let index = scans.firstIndex { $0.url == url && $0.spec.columns == spec.columns && $0.mapping == mapping && $0.areas == areas }
                ?? { scans.append(Scan(url: url, path: path, spec: spec, mapping: mapping, areas: areas)); return scans.count - 1 }()
            scans[index].consumers.append(consumer)
            return InputRequest(scan: .success(index), consumer: consumer, index: scans[index].consumers.count - 1)
        }
    }

    /// The request's aggregate, reading its file (for every report that reads it) the first
    /// time a report asks.
    mutating func read(_ request: InputRequest) -> Result<Read, DiagnosticList> {
        let index: Int
        switch request.scan {
        case .failure(let diagnostic): return .failure(DiagnosticList(unreported([diagnostic])))
        case .success(let found): index = found
        }
        if scans[index].output == nil { scans[index].output = scan(scans[index]) }
        switch scans[index].output! {
        case .success(let output):
            return .success(Read(file: project.display(scans[index].url), aggregate: output.aggregates[request.index],
                                 sha256: output.sha256, size: output.size, tableColumns: output.tableColumns,
                                 columnsFoundByHashtag: output.columnsFoundByHashtag))
        case .failure(let list):
            return .failure(DiagnosticList(unreported(list.diagnostics)))
        }
    }

    /// The notes of every file read, in the order of the files.
    var notes: [String] {
        var seen = Set<String>()
        return scans.flatMap { (try? $0.output?.get())?.notes ?? [] }.filter { seen.insert($0).inserted }
    }

    /// A table without rows is refused, as a CSV file without rows is.
    private static func checkRows(_ output: InputScan.Output, file: String) -> Result<InputScan.Output, DiagnosticList> {
        output.rowCount == 0 ? .failure(DiagnosticList(.inputHasNoRows(at: SourceLocation(file: file)))) : .success(output)
    }

    private mutating func unreported(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { reported.insert($0.description).inserted }
    }

    private func scan(_ scan: Scan) -> Result<InputScan.Output, DiagnosticList> {
        let file = project.display(scan.url)
        let opened: ProjectFiles.OpenFile
        switch project.open(scan.url, namedAt: scan.path) {
        case .success(let file): opened = file
        case .failure(let diagnostic): return .failure(DiagnosticList(diagnostic))
        }
        defer { close(opened.descriptor) }
        readLog?.open(file)
        // Every reading of the file, and its checksum, goes through this one open file.
        let input = InputFile(descriptor: opened.descriptor, size: opened.size, name: file, log: readLog)
        progress?.expect(opened.size)
        // The first bytes, read once: for the look at what the file is and where its table is,
        // then for the reading.
        let firstWindow = ByteWindow(file: input, from: 0, to: opened.size)
        let isWorkbook: Bool
        if Workbook.hasWorkbookExtension(scan.url) {
            isWorkbook = true
        } else {
            try? firstWindow.fill()
            isWorkbook = Workbook.isWorkbook(head: firstWindow.buffer.prefix(8))
        }
        // A workbook, a mapped file or a table below line 1: read row by row on one thread,
        // its bytes counted for the progress line when the reading ends.
        if isWorkbook {
            defer { progress?.advance(opened.size) }
            return MappedScan.scanWorkbook(input, url: scan.url, file: file, spec: scan.spec, mapping: scan.mapping, consumers: scan.consumers,
                                           areas: scan.areas)
                .flatMap { Self.checkRows($0, file: file) }
        }
        let tableIsElsewhere = scan.mapping == nil && MappedScan.csvTableIsElsewhere(window: firstWindow, file: file)
        // The look read within the window's first bytes; should it have read on, start again.
        let window = firstWindow.fileOffset == 0 ? firstWindow : ByteWindow(file: input, from: 0, to: opened.size)
        if scan.mapping != nil || tableIsElsewhere {
            defer { progress?.advance(opened.size) }
            return MappedScan.scanCSV(input, window: window, file: file, spec: scan.spec,
                                      mapping: scan.mapping, consumers: scan.consumers, areas: scan.areas)
                .flatMap { Self.checkRows($0, file: file) }
        }
        let output = InputScan.scan(input, file: file, spec: scan.spec, consumers: scan.consumers, threads: threads, progress: progress,
                                    tuning: tuning, firstWindow: window)
        // The reading and the checksum cover the first `size` bytes; a file that changed meanwhile
        // (appended to, rewritten, replaced) gives reports of a version that no longer exists.
        guard project.isUnchanged(opened, at: scan.url) else {
            return .failure(DiagnosticList(.inputChangedWhileRead(at: SourceLocation(file: file))))
        }
        // A header without rows is an export that went wrong far more often than a month
        // without data: no report should be written from it.
        if case .success(let read) = output, read.rowCount == 0 {
            return .failure(DiagnosticList(.inputHasNoRows(at: SourceLocation(file: file, line: 1))))
        }
        return output
    }
}

extension InputSpec {
    /// The spec as this report reads the file: each vocabulary column becomes a `choice` of the
    /// report's vocabulary (its keys, shipped and added), read with the positions and
    /// suggestions of any choice. Without vocabularies (they failed to load and were reported)
    /// the column is read as text, for the file's other problems.
    func resolvingVocabularies(_ vocabularies: Vocabularies?) -> InputSpec {
        var spec = self
        for index in spec.columns.indices {
            guard case .vocabulary(let name) = spec.columns[index].type else { continue }
            spec.columns[index].type = vocabularies?.lists[name].map { .choice($0.keys) } ?? .text
        }
        return spec
    }
}
