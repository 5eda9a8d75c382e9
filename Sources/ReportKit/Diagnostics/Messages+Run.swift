/// Messages about files, plugins and periods, met while a run is prepared.
extension Diagnostic {
    static func pathOutsideProject(_ path: String, at location: SourceLocation, keyPath: String) -> Diagnostic {
        Diagnostic("path '\(path)' leads outside the folder of reports.yaml", at: location, subject: keyPath)
    }

    static func fileNotFound(_ path: String, at location: SourceLocation, keyPath: String, suggestion: String?) -> Diagnostic {
        Diagnostic("file '\(path)' does not exist", at: location, subject: keyPath, suggestion: suggestion)
    }

    static func pathIsFolder(_ path: String, at location: SourceLocation, keyPath: String) -> Diagnostic {
        Diagnostic("'\(path)' is a folder, not a file", at: location, subject: keyPath)
    }

    static func fileNotReadable(_ path: String, at location: SourceLocation, keyPath: String) -> Diagnostic {
        Diagnostic("file '\(path)' cannot be read", at: location, subject: keyPath)
    }

    /// A configuration file that does not exist, with the YAML file of its folder whose name is
    /// nearest (any distance: a folder has few YAML files).
    public static func configNotFound(_ file: String, nearest: String?) -> Diagnostic {
        let folder = file.contains("/") ? String(file[...file.lastIndex(of: "/")!]) : ""
        return Diagnostic("no such file; run dtm-report in the folder of reports.yaml or give --config FILE", at: SourceLocation(file: file),
                          suggestion: nearest.map { folder + $0 })
    }

    public static func unknownReport(_ id: String, known: [String]) -> Diagnostic {
        Diagnostic("no report '\(id)' in the configuration", subject: "--report", suggestion: Suggestion.nearest(to: id, in: known))
    }

    static func noPeriodWithData(report: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("no month has data in this report's inputs; give --period YYYY-MM", at: location, subject: "reports.\(report)")
    }

    /// A problem a plugin found: at its row, at the key of `params:` it names, or else at the
    /// report, with the period it was computing.
    static func pluginProblem(_ problem: PluginProblem, definition: ReportDefinition, period: Period) -> Diagnostic {
        switch problem.place {
        case .row(let location)?:
            return Diagnostic(problem.message, at: location, subject: problem.column.map { "column '\($0)'" } ?? "")
        case .parameter(let key)?:
            return Diagnostic(problem.message, at: definition.params?.pair(key)?.keyLocation ?? definition.location(ofKey: "params"),
                              subject: "\(definition.keyPath).params.\(key)")
        case nil:
            return Diagnostic("\(problem.message) (period \(period))", at: definition.location, subject: "reports.\(definition.id.value)")
        }
    }

    /// A plugin returned something its description does not declare: a bug in the plugin,
    /// reported rather than written.
    static func pluginBrokeContract(_ plugin: String, problem: String) -> Diagnostic {
        Diagnostic("plugin '\(plugin)' broke its contract: \(problem)", subject: "plugin \(plugin)")
    }

    static func outputIsAFile(_ path: String, at location: SourceLocation?, subject: String) -> Diagnostic {
        Diagnostic("output folder '\(path)' is a file", at: location, subject: subject)
    }

    /// An output folder below a regular file (`output: reports.yaml/out`): it can never be created.
    static func outputUnderAFile(_ path: String, file: String, at location: SourceLocation?, subject: String) -> Diagnostic {
        Diagnostic("output folder '\(path)' cannot be created: '\(file)' is a file, not a folder", at: location, subject: subject)
    }

    /// A symbolic link whose target is gone.
    static func brokenLink(_ path: String, at location: SourceLocation, keyPath: String) -> Diagnostic {
        Diagnostic("'\(path)' is a symbolic link to a file that does not exist", at: location, subject: keyPath)
    }

    /// An input with a header and no rows: an export that went wrong, not data to report on.
    static func inputHasNoRows(at location: SourceLocation) -> Diagnostic {
        Diagnostic("the file has a header but no rows; export the data again", at: location)
    }

    /// Files the run reads inside the output folder: `path`, the first of them, and `others` more.
    static func readInsideOutput(_ path: String, others: Int = 0, output: String, at location: SourceLocation?, subject: String) -> Diagnostic {
        let files = others == 0 ? "'\(path)' is" : "'\(path)' and \(others) more \(others == 1 ? "file" : "files") the run reads are"
        return Diagnostic("\(files) inside the output folder '\(output)', where a run replaces whole folders; keep inputs and templates outside it",
                          at: location, subject: subject)
    }
}
