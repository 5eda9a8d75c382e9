import Foundation

/// Files named in `reports.yaml`, resolved against its folder and confined to it.
///
/// Every path in the YAML is relative to the YAML file; one that climbs out of the folder with
/// `..` is refused, so that a definition can only read the project's own files.
/// Messages name files relative to that folder, never by their machine path.
struct ProjectFiles {
    let root: URL

    init(configFile: URL) {
        root = configFile.deletingLastPathComponent().standardizedFileURL
    }

    /// The file a YAML path names, or a diagnostic at the path's position.
    func resolve(_ path: Located<String>, allowsAbsolute: Bool = false) -> Result<URL, Diagnostic> {
        let text = path.value
        // An absolute input path where the definition opted in (`absolute_inputs: true`).
        if allowsAbsolute, text.hasPrefix("/") { return .success(URL(fileURLWithPath: text).standardizedFileURL) }
        // The loader already refused absolute paths; this is the confinement itself.
        guard !text.hasPrefix("/") else { return .failure(.pathOutsideProject(text, at: path.location, keyPath: path.keyPath)) }
        var depth = 0
        for component in text.split(separator: "/") where component != "." {
            depth += component == ".." ? -1 : 1
            if depth < 0 { return .failure(.pathOutsideProject(text, at: path.location, keyPath: path.keyPath)) }
        }
        let url = root.appendingPathComponent(text).standardizedFileURL
        // A symbolic link inside the folder may still lead out of it.
        if !isInside(url.resolvingSymlinksInPath(), resolvedRoot) {
            return .failure(.pathOutsideProject(text, at: path.location, keyPath: path.keyPath))
        }
        return .success(url)
    }

    private var resolvedRoot: URL { root.resolvingSymlinksInPath() }

    /// Whether `url` is `folder` or below it.
    func isInside(_ url: URL, _ folder: URL) -> Bool {
        let path = url.standardizedFileURL.path, base = folder.standardizedFileURL.path
        return path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// The path as messages and outputs show it: relative to the project folder.
    func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        // Only an input the definition allowed to be absolute lies outside; it shows as written.
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// The bytes of a file, or a diagnostic at the YAML position that named it.
    func read(_ url: URL, namedAt path: Located<String>) -> Result<[UInt8], Diagnostic> {
        if case .failure(let diagnostic) = check(url, namedAt: path) { return .failure(diagnostic) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(.fileNotReadable(path.value, at: path.location, keyPath: path.keyPath))
        }
        return .success(Array(data))
    }

    /// A file opened for reading, with its size. The caller closes it.
    struct OpenFile {
        var descriptor: Int32
        var size: Int
        /// What the file was when opened, to tell whether it changed while it was read.
        var version: FileVersion
    }

    /// A file's identity, size and modification time: a writer appending to it, rewriting it in
    /// place or replacing it by a rename changes at least one.
    struct FileVersion: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int(status.st_size)
            #if canImport(Darwin)
            modifiedSeconds = Int(status.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int(status.st_mtimespec.tv_nsec)
            #else
            modifiedSeconds = Int(status.st_mtim.tv_sec)
            modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
            #endif
        }
    }

    /// Whether the open file, and the file now at its path, are still the version `file` was
    /// when opened.
    func isUnchanged(_ file: OpenFile, at url: URL) -> Bool {
        var open = stat(), named = stat()
        guard fstat(file.descriptor, &open) == 0, stat(url.path, &named) == 0 else { return false }
        return FileVersion(open) == file.version && FileVersion(named) == file.version
    }

    /// Opens a file to read it in parts, or a diagnostic at the YAML position that named it.
    func open(_ url: URL, namedAt path: Located<String>) -> Result<OpenFile, Diagnostic> {
        if case .failure(let diagnostic) = check(url, namedAt: path) { return .failure(diagnostic) }
        let descriptor = Foundation.open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(.fileNotReadable(path.value, at: path.location, keyPath: path.keyPath)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            return .failure(.fileNotReadable(path.value, at: path.location, keyPath: path.keyPath))
        }
        return .success(OpenFile(descriptor: descriptor, size: Int(status.st_size), version: FileVersion(status)))
    }

    /// That `url` names a regular file, or a diagnostic at the YAML position that named it.
    private func check(_ url: URL, namedAt path: Located<String>) -> Result<Void, Diagnostic> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
                return .failure(.brokenLink(path.value, at: path.location, keyPath: path.keyPath))
            }
            // The same template in another language is never the file that was meant: suggesting
            // `summary.en.md` for a missing `summary.fr.md` would make both languages English.
            let otherLanguages = Set(Language.allCases.flatMap { written in
                Language.allCases.filter { $0 != written }.map {
                    url.lastPathComponent.replacingOccurrences(of: ".\(written.rawValue).", with: ".\($0.rawValue).")
                }
            }).subtracting([url.lastPathComponent])
            let siblings = ((try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? [])
                .filter { !otherLanguages.contains($0) }
            let suggestion = Suggestion.nearest(to: url.lastPathComponent, in: siblings).map {
                (path.value as NSString).deletingLastPathComponent.isEmpty ? $0 : (path.value as NSString).deletingLastPathComponent + "/" + $0
            }
            return .failure(.fileNotFound(path.value, at: path.location, keyPath: path.keyPath, suggestion: suggestion))
        }
        guard !isFolder.boolValue else { return .failure(.pathIsFolder(path.value, at: path.location, keyPath: path.keyPath)) }
        return .success(())
    }
}
