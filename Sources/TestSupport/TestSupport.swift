import Foundation

/// A fresh, uniquely named folder under the system's temporary folder.
public struct TemporaryFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dtm-report-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A copy of the plugin example at `example` (a repository path such as
    /// `Plugins/Indicators/Examples/cmp-returnee-stock`), with the repository's `templates` and
    /// `vocabularies` beside its files, where its `reports.yaml` finds them.
    public init(example: String) throws {
        try self.init()
        try FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: Repository.url(example), to: url)
        try Repository.copy(["templates", "vocabularies"], into: self)
    }

    /// Writes a text file at a path relative to the folder, creating folders on the way.
    @discardableResult
    public func write(_ text: String, to path: String) throws -> URL {
        try write(Array(text.utf8), to: path)
    }

    @discardableResult
    public func write(_ bytes: [UInt8], to path: String) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    public func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// The repository's folders, found from this file's place in it.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    /// Copies repository paths (files or folders) into `folder`, at the same relative paths.
    public static func copy(_ paths: [String], into folder: TemporaryFolder) throws {
        for path in paths {
            let destination = folder.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: url(path), to: destination)
        }
    }

    /// The folder where `swift build` puts products (the `dtm-report` binary).
    public static var productsFolder: URL {
        // The test bundle runs from the products folder on Linux; on macOS it sits inside it.
        let bundle = Bundle.main.bundleURL
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }
}

/// The example folders of every plugin, `Plugins/<Name>/Examples/<case>`, as repository paths.
public enum PluginExampleFolders {
    public static let all: [String] = {
        let plugins = Repository.url("Plugins")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: plugins.path)) ?? []
        return folders.sorted().flatMap { plugin in
            let examples = plugins.appendingPathComponent("\(plugin)/Examples")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "Plugins/\(plugin)/Examples/\($0)" }
        }
    }()
}
