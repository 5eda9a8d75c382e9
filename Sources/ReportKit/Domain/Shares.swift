/// Whole percents that add up to 100, by the largest-remainder method: the shares of the
/// COVID-19 statuses and of every `indicators` breakdown.
///
/// Each count gets the floor of its exact share; the points still missing to reach 100 go,
/// one each, to the counts with the largest remainders. Ties between equal remainders go to the
/// larger count, then to the earlier position (the status order). Plain rounding can give 99 or
/// 101 (for 22, 7 and 5 of 34: 65 + 21 + 15 = 101); this never does. A count of 0 gets 0.
/// All arithmetic is on integers, so equal remainders are exactly equal.
///
/// - Returns: one whole percent per count, summing to 100; all zeros when the counts sum to 0.
public func largestRemainderPercents(_ counts: [Int]) -> [Int] {
    let total = counts.reduce(0, +)
    guard total > 0 else { return counts.map { _ in 0 } }
    var percents = counts.map { $0 * 100 / total }
    let remainders = counts.map { $0 * 100 % total }
    let missing = 100 - percents.reduce(0, +)
    let order = counts.indices.sorted { a, b in
        if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
        if counts[a] != counts[b] { return counts[a] > counts[b] }
        return a < b
    }
    for index in order.prefix(missing) {
        percents[index] += 1
    }
    return percents
}
