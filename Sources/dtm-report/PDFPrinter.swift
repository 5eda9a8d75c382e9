import Foundation
import ReportKit

/// `run --pdf`: each report's HTML pages printed to PDF by headless Chromium, in memory before
/// the month is written, so that the PDFs are staged, listed in the manifest and swapped into
/// place with everything else.
///
/// Chromium is the one program dtm-report starts, and only when asked with `--pdf`. It reads the
/// page from a folder of its own inside the output folder (`out/.pdf-<process>/`, removed after),
/// with its profile there too, so that nothing is written outside the output folder. The dates
/// Chromium writes into a PDF (its creation and modification time) are set to the period's first
/// day, and the document id to one computed from the page, so that the same page gives the same
/// bytes.
struct PDFPrinter {
    /// The programs tried, in order, on `PATH`: Debian's `chromium`, its headless shell, others' names.
    static let names = ["chromium", "chromium-headless-shell", "chromium-browser", "google-chrome"]

    let executable: URL

    /// Chromium on `PATH`, or nil.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFPrinter? {
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders {
                let path = URL(fileURLWithPath: folder).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: path.path) { return PDFPrinter(executable: path) }
            }
        }
        return nil
    }

    static let missingMessage = """
        error: --pdf prints the pages with Chromium, which is not installed (none of \(names.joined(separator: ", ")) is on PATH); \
        nothing was written. On Debian or Ubuntu: sudo apt-get install chromium-headless-shell (or chromium); \
        elsewhere install Chromium or Chrome and put it on PATH
        """

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Adds `report.<language>.pdf` beside every `report.<language>.html` of `outputs`.
    func addPDFs(to outputs: inout [ReportOutput], root: URL) throws(Failure) {
        let work = root.appendingPathComponent(".pdf-\(getpid())", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: work) }
        do {
            try FileManager.default.createDirectory(at: work.appendingPathComponent("profile"), withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "\(work.path): error: the folder for printing PDFs could not be made (\(error.localizedDescription)); nothing was written")
        }
        for index in outputs.indices {
            var added: [OutputFile] = []
            for file in outputs[index].files where file.name.hasSuffix(".html") {
                let page = work.appendingPathComponent(file.name)
                let pdf = work.appendingPathComponent(file.name.replacingOccurrences(of: ".html", with: ".pdf"))
                do {
                    try Data(file.bytes).write(to: page)
                } catch {
                    throw Failure(description: "\(page.path): error: \(error.localizedDescription); nothing was written")
                }
                try print(page, to: pdf, profile: work.appendingPathComponent("profile"), report: outputs[index].id)
                guard let bytes = FileManager.default.contents(atPath: pdf.path) else {
                    throw Failure(description: "\(outputs[index].id)/\(file.name): error: Chromium wrote no PDF; nothing was written")
                }
                let relative = Self.relativeLinks(Array(bytes), work: work, root: root)
                added.append(OutputFile(name: pdf.lastPathComponent, bytes: Self.fixed(relative, period: outputs[index].period)))
                try? FileManager.default.removeItem(at: pdf)
            }
            // After the pages, before the tables: the order `wrote` lists them in.
            let position = (outputs[index].files.lastIndex { $0.name.hasSuffix(".html") } ?? outputs[index].files.count - 1) + 1
            outputs[index].files.insert(contentsOf: added, at: position)
        }
    }

    private func print(_ page: URL, to pdf: URL, profile: URL, report: String) throws(Failure) {
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions", "--disable-background-networking",
            "--no-pdf-header-footer", "--user-data-dir=\(profile.path)", "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "\(executable.path): error: Chromium could not be started (\(error.localizedDescription)); nothing was written")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(report)/\(page.lastPathComponent): error: Chromium stopped with status \(process.terminationStatus) while printing it; nothing was written")
        }
    }

    /// The PDF with Chromium's clock times replaced by the period's first day and its id by one
    /// made from the rest of the file, each of the same length, so that the cross-reference
    /// offsets stay right.
    static func fixed(_ bytes: [UInt8], period: Period) -> [UInt8] {
        var bytes = bytes
        let day = Array((period.iso.replacingOccurrences(of: "-", with: "") + "01000000").utf8)
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            var from = 0
            while let start = find(Array(key.utf8), in: bytes, from: from) {
                var position = start + key.utf8.count, digit = 0
                // The digits of the time, up to the time zone or the closing parenthesis.
                while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                    bytes[position] = digit < day.count ? day[digit] : 0x30
                    position += 1
                    digit += 1
                }
                // The time zone's digits (`+01'00'`) become zeros: the day is in UTC.
                while position < bytes.count, bytes[position] != 0x29 {
                    if bytes[position] >= 0x30, bytes[position] <= 0x39 { bytes[position] = 0x30 }
                    position += 1
                }
                from = position
            }
        }
        if let start = find(Array("/ID [<".utf8), in: bytes, from: 0), let end = find([0x5D], in: bytes, from: start) {
            var rest = bytes
            rest.removeSubrange(start..<end)
            let digest = Array(SHA256.hexDigest(of: rest).uppercased().utf8)
            var next = 0
            for position in (start + 6)..<end where isHexDigit(bytes[position]) {
                bytes[position] = digest[next % digest.count]
                next += 1
            }
        }
        return bytes
    }

    /// Chromium writes the page's links as absolute `file://` addresses of the folder it printed
    /// from; each becomes the relative link the page has (`report.fr.html`, `../index.en.html`),
    /// shorter, the difference as spaces after the string, where PDF allows them, so that no offset
    /// moves and no machine path stays in the file.
    static func relativeLinks(_ bytes: [UInt8], work: URL, root: URL) -> [UInt8] {
        var bytes = bytes
        let prefixes = [("file://" + work.standardizedFileURL.path + "/", ""), ("file://" + root.standardizedFileURL.path + "/", "../")]
        var from = 0
        while let start = find(Array("/URI (".utf8), in: bytes, from: from), let end = find([0x29], in: bytes, from: start + 6) {
            from = end
            let uri = String(decoding: bytes[(start + 6)..<end], as: UTF8.self)
            guard let (prefix, replacement) = prefixes.first(where: { uri.hasPrefix($0.0) }) else { continue }
            let relative = Array((replacement + uri.dropFirst(prefix.count)).utf8) + [0x29]
            let padding = (end + 1) - (start + 6) - relative.count
            guard padding >= 0 else { continue }
            bytes.replaceSubrange((start + 6)...end, with: relative + Array(repeating: 0x20, count: padding))
        }
        return bytes
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard pattern.count <= bytes.count, from <= bytes.count - pattern.count else { return nil }
        var index = from
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0], Array(bytes[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }
}
