/// An aggregate that keeps nothing: the rows of a report that will not be computed, read only
/// for their problems.
struct DiscardedRows: InputAggregate {
    mutating func add(_ rows: RowBatch) {}
    mutating func append(_ later: DiscardedRows) {}
}
