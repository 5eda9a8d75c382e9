/// What a plugin keeps of its inputs' rows when it streams them: a struct of accumulators
/// (`Sum`, `Tally`, `ByMonth`, `ByDay`, `FirstSeen`…), fed a batch of rows at a time through
/// the columns' keys, whose memory does not grow with the file.
///
/// The host owns the streaming: it reads each file in parts on several threads, one aggregate
/// per part, and joins them in file order with `merge(_:)`, which `Mergeable` derives from
/// the struct's stored properties; texts arrive numbered the same in every part
/// (`Text`), choices as the plugin's enums, and each row has a reference (`RowBatch.reference`)
/// for a located message. The plugin writes `add(_:)` and nothing of parts, threads or joins:
///
/// ```swift
/// public struct ShelterRows: StreamingAggregate {
///     public static let columnsRead: [any ColumnKey]? = [Shelter.date, Shelter.region, Shelter.households]
///     var households = ByMonth<Tally<Text, Sum>>()
///
///     public mutating func add(_ rows: RowBatch) {
///         let days = rows[Shelter.date], regions = rows[Shelter.region], households = rows[Shelter.households]
///         for row in 0..<rows.count { self.households[days[row].month][regions[row]] += households[row] }
///     }
/// }
/// ```
public protocol StreamingAggregate: InputAggregate, Mergeable {
    /// The columns this aggregate reads, of any of its inputs; the host checks the others in the
    /// header and does not parse them. The default reads every declared column.
    static var columnsRead: [any ColumnKey]? { get }
}

extension StreamingAggregate {
    public static var columnsRead: [any ColumnKey]? { nil }

    public static func columnsRead(from input: InputSpec) -> [String] {
        guard let keys = columnsRead else { return input.columns.map(\.name) }
        let read = Set(keys.map(\.spec.name))
        return input.columns.map(\.name).filter(read.contains)
    }

    /// The next part of the same file: merged.
    public mutating func append(_ later: Self) { merge(later) }

    /// Another input of the report: merged too, in the order of the definition's inputs (each
    /// input's rows feed their own accumulators). An aggregate that adds up the same thing from
    /// two files differently implements it.
    public mutating func combine(_ other: Self) { merge(other) }
}
