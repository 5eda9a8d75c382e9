import Testing
@testable import ReportKit

/// The reader's index from a cell's bytes to its text's number: the cache of short values in
/// front of the table gives the table's numbers, whatever follows the cell in the line.
@Suite struct SymbolLookupTests {
    /// Looks `text` up as the reader does: the cell in a line, other bytes after it.
    func cachedID(_ lookup: inout SymbolLookup, _ text: [UInt8], followedBy after: [UInt8]) -> Int32 {
        let line = text + after + [UInt8](repeating: 0xFF, count: SymbolLookup.padding)
        return line.withUnsafeBufferPointer { lookup.cachedID(of: UnsafeBufferPointer(rebasing: $0[0..<text.count])) }
    }

    /// Three-letter codes, P-codes, short and long names: more than the cache has slots at first,
    /// so that it grows and its slots are shared.
    var texts: [String] {
        var texts: [String] = []
        for first in "ABCDEFGHIJKLMNOPQRST" { for last in "XYZ" { texts.append("\(first)B\(last)") } }
        for number in 1...40 { texts.append("ML\(number)") }
        texts += ["", "a", "bus", "car", "12345678", "1234567", "Tillabéri", "Agadez", "Ouagadougou-Centre", "AB\u{0}"]
        return texts
    }

    @Test func everyTextHasItsTableNumberAfterAnyBytes() {
        var lookup = SymbolLookup(texts)
        let afters: [[UInt8]] = [[], Array(",12,0".utf8), [0], Array("XYZXYZXYZXYZ".utf8)]
        for round in 0..<3 {
            for (number, text) in texts.enumerated().shuffled() {
                for after in afters {
                    #expect(cachedID(&lookup, Array(text.utf8), followedBy: after) == Int32(number), "\(text), round \(round)")
                }
            }
        }
    }

    @Test func aTextNotHeldIsNotFoundEvenWhenItsBytesBeginOne() {
        var lookup = SymbolLookup(texts)
        for text in ["AB", "ABXX", "AB\u{0}\u{0}", "ML", "ML400", "bu", "buss", "123456789", "Agade", "Ouagadougou-Centr"] {
            // Once before and once after the texts around it were found.
            #expect(cachedID(&lookup, Array(text.utf8), followedBy: Array("X,1".utf8)) == -1, "\(text)")
            for known in texts { _ = cachedID(&lookup, Array(known.utf8), followedBy: []) }
            #expect(cachedID(&lookup, Array(text.utf8), followedBy: Array("X,1".utf8)) == -1, "\(text)")
        }
    }

    @Test func textsAddedWhileReadingAreFoundAfterTheCacheGrows() {
        var lookup = SymbolLookup(["incoming", "outgoing"])
        var added: [String] = []
        for number in 0..<600 {
            let text = "N\(number * 7919 % 100_000)"
            if cachedID(&lookup, Array(text.utf8), followedBy: Array(",9".utf8)) < 0 {
                #expect(lookup.insert(Array(text.utf8)) == Int32(2 + added.count))
                added.append(text)
            }
            // Every text so far keeps its number, found again through the cache.
            if number % 50 == 0 {
                for (index, known) in (["incoming", "outgoing"] + added).enumerated() {
                    #expect(cachedID(&lookup, Array(known.utf8), followedBy: [0]) == Int32(index))
                }
            }
        }
        #expect(added.count == 600)
    }
}
