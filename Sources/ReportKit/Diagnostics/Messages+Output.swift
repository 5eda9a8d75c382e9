/// Messages about the output folder: writing a month, putting it in place, the lock that keeps
/// one writer per month, and `verify`. Each is one line a coordinator can act on; the system's
/// own words for an error only ever follow, in parentheses.
enum OutputMessage {
    /// What a step of the write path was doing, in words.
    static func doing(_ step: FileSystemError.Step, _ path: String) -> String {
        switch step {
        case .create: "creating '\(path)'"
        case .write: "writing '\(path)'"
        case .sync: "saving '\(path)' to disk"
        case .rename: "renaming '\(path)'"
        case .remove: "removing '\(path)'"
        case .read: "reading '\(path)'"
        }
    }

    static func kept(_ period: Period, hadEarlier: Bool) -> String {
        hadEarlier ? "the earlier outputs of \(period) are kept" : "nothing of \(period) was published"
    }

    /// A step before the swap failed: the staged month is thrown away.
    static func notWritten(_ period: Period, step: FileSystemError.Step, path: String, reason: String, hadEarlier: Bool) -> String {
        "the new outputs of \(period) could not be written: \(doing(step, path)) failed (\(reason)); \(kept(period, hadEarlier: hadEarlier))"
    }

    /// The swap failed and the published month is as it was.
    static func notPutInPlace(_ period: Period, reason: String, hadEarlier: Bool) -> String {
        "the new outputs of \(period) could not be put in place (\(reason)); \(kept(period, hadEarlier: hadEarlier))"
    }

    /// The second of the two renames failed, and so did renaming the earlier month back.
    static func notRenamedBack(_ period: Period, reason: String, old: String, backReason: String) -> String {
        "the new outputs of \(period) could not be put in place (\(reason)) and the earlier outputs could not be renamed back from '\(old)' (\(backReason)); they are kept there, and the next run of \(period) puts them back"
    }

    /// The new month is in place but the disk did not confirm its name.
    static func notSynced(_ period: Period, reason: String) -> String {
        "the new outputs of \(period) are in place, but the disk did not confirm them (\(reason)); run again so that they survive a power cut"
    }

    /// The replaced month could not be removed; the run still succeeded.
    static func oldNotRemoved(_ period: Period, folder: String, reason: String) -> String {
        "warning: the new outputs of \(period) are in place, but the replaced ones could not be removed from '\(folder)' (\(reason)); the next run of \(period) removes them"
    }

    /// What an interrupted run left could not be tidied before writing.
    static func leftoverNotCleaned(_ period: Period, folder: String, doing: String, reason: String) -> String {
        "a folder an interrupted run of \(period) left, '\(folder)', could not be \(doing) (\(reason)); nothing was written: fix the folder's permissions or remove it by hand, then run again"
    }

    static func outputFolderNotCreated(reason: String) -> String {
        "the output folder could not be created (\(reason)); nothing was written"
    }

    static func lockNotTaken(_ period: Period, file: String, reason: String) -> String {
        "the lock file '\(file)' that keeps one run at a time writing \(period) could not be opened (\(reason)); nothing was written"
    }

    /// Who holds a month's lock, in words ("process 4121, started 2017-05-02T06:00:01Z").
    static func holder(_ holder: LockHolder?) -> String {
        guard let holder else { return "which has not yet recorded its process id" }
        return "process \(holder.processID), started \(holder.startText)"
    }

    static func waiting(_ period: Period, holder: LockHolder?) -> String {
        "waiting: another run is writing \(period) (\(self.holder(holder))); this run writes it when that one has finished"
    }

    static func busy(_ period: Period, holder: LockHolder?) -> String {
        "another run is writing \(period) (\(self.holder(holder))); nothing was written: run again when it has finished, or without --no-wait to wait for it"
    }

}

extension Diagnostic {
    /// An input whose size, modification time or identity changed while the run read it: a copy,
    /// an export or a sync still in progress.
    static func inputChangedWhileRead(at location: SourceLocation) -> Diagnostic {
        Diagnostic("the file changed while it was read (a copy, an export or a sync still in progress?); run again when it is complete", at: location)
    }
}

/// What `verify` says of each kind of damage, and of folders it cannot check.
public enum VerifyMessage {
    public static let noSuchFolder = "no such folder; give a month folder (out/2017-04) or an output folder"
    public static let noMonths = "no month folder (YYYY-MM) in it; nothing to verify"
    public static func intact(reports: Int, files: Int, inputs: Bool) -> String {
        "\(reports) report\(reports == 1 ? "" : "s"), \(files) files intact\(inputs ? ", inputs unchanged" : "")"
    }
    public static func problemCount(_ count: Int) -> String {
        "\(count) problem\(count == 1 ? "" : "s") found"
    }

    static let noManifest = "no manifest.json: this is not a month folder written by dtm-report, or it was damaged; run the month again"
    static let unreadableManifest = "manifest.json cannot be read (it is not the JSON dtm-report writes); run the month again"
    static func otherPeriod(_ period: String, folder: String) -> String {
        "manifest.json describes \(period), but the folder is named \(folder); a folder was renamed or copied over: run the month again"
    }
    static func badEntry(report: String) -> String {
        "an entry of report '\(report)' lacks a path, size or sha256; manifest.json was edited: run the month again"
    }
    static let missing = "missing: manifest.json lists it; run the month again"
    static func wrongSize(_ size: Int, listed: Int) -> String {
        "\(size) bytes where manifest.json lists \(listed) (cut short or edited since it was written); run the month again"
    }
    static let wrongChecksum = "contents differ from manifest.json (edited since it was written); run the month again"
    static let unlisted = "not listed in manifest.json (added since the month was written); remove it, or run the month again"
    static let noJSON = "the report has no report.json in manifest.json; run the month again"
    static let noTexts = "the report has no text (report.<language>.md) in manifest.json; run the month again"
    static func missingTexts(_ languages: [String]) -> String {
        "the report has no text in \(languages.joined(separator: ", ")), which the other reports of the month have; run the month again"
    }
    static func readBy(_ reports: [String]) -> String {
        reports.map { "'\($0)'" }.joined(separator: ", ")
    }
    static func inputMissing(month: String, reports: [String]) -> String {
        "no longer exists or cannot be read; \(month) (\(readBy(reports))) was computed from it"
    }
    static func inputChanged(month: String, reports: [String]) -> String {
        "changed since \(month) was written from it (\(readBy(reports))): its SHA-256 differs from manifest.json; run the month again to report on it"
    }
}
