/// One accumulator for each item a plugin's parameters declare (a measure, a breakdown), in the
/// order declared: what an aggregate whose accumulators are known only at run time holds
/// instead of a stored property each. Every part of a file is made from the same parameters,
/// so a later part holds as many, in the same order, and merging merges them one by one.
public struct Declared<Value: Mergeable>: Mergeable, RandomAccessCollection, MutableCollection {
    public var values: [Value]

    public init(_ values: [Value]) {
        self.values = values
    }

    public var startIndex: Int { values.startIndex }
    public var endIndex: Int { values.endIndex }

    public subscript(position: Int) -> Value {
        get { values[position] }
        _modify { yield &values[position] }
    }

    public mutating func merge(_ later: Declared) {
        precondition(values.count == later.values.count, "parts of one file made from different parameters")
        for index in values.indices { values[index].merge(later.values[index]) }
    }
}
