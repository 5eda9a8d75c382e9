/// The totals of a set of observations: what a month of `FlowObservations` keeps and what a
/// window of `FlowCounts` adds up from its months.
struct FlowSums: Sendable {
    var incoming = 0
    var outgoing = 0
    /// Men and boys.
    var men = 0
    /// Boys and girls.
    var minors = 0
    /// Unaccompanied children of the rows that recorded them.
    var uac = 0
    var rowsWithUAC = 0
    var rowsWithoutUAC = 0
    var rows = 0
    /// The last day with a row, as days since 1970; nil without rows.
    var lastDay: Int?
    /// Indexed by `TransportMode.index`.
    var modesIncoming = [Int](repeating: 0, count: TransportMode.allCases.count)
    var modesOutgoing = [Int](repeating: 0, count: TransportMode.allCases.count)

    var total: Int { incoming + outgoing }

    mutating func add(_ other: FlowSums) {
        incoming += other.incoming
        outgoing += other.outgoing
        men += other.men
        minors += other.minors
        uac += other.uac
        rowsWithUAC += other.rowsWithUAC
        rowsWithoutUAC += other.rowsWithoutUAC
        rows += other.rows
        if let day = other.lastDay { lastDay = max(lastDay ?? day, day) }
        for index in modesIncoming.indices {
            modesIncoming[index] += other.modesIncoming[index]
            modesOutgoing[index] += other.modesOutgoing[index]
        }
    }
}
