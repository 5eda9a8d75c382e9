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
