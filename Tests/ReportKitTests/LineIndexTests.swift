import CLineIndex
import Testing
import TestSupport

/// `clineindex_lines`' vector path (AVX2, on the CPUs that have it) against its portable path,
/// on random windows of lines full of what tells lines apart: cells with spaces and tabs around
/// them, CRLF, quotes, NUL, stray carriage returns, blank lines, lines with more or fewer cells,
/// lines longer than a record may be, a last line without its line feed. Both must read the
/// same lines, give the same offsets and stop at the same place for the same reason. On a CPU
/// without AVX2 both calls take the portable path and the test compares it with itself.
@Suite struct LineIndexTests {
    struct Indexed: Equatable {
        var lines: Int
        var next: Int
        var outcome: UInt32
        var starts: [Int32]
        var ends: [Int32]
    }

    typealias Function = (UnsafePointer<UInt8>?, Int, Int, Int, Int32, Int, UInt8, Int, UnsafePointer<Int32>?, Int,
                          UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, Int, UnsafeMutablePointer<Int32>?,
                          UnsafeMutablePointer<Int>?, UnsafeMutablePointer<UInt32>?) -> Int

    static func index(_ function: Function, window: [UInt8], start: Int, stop: Int, atEnd: Bool, maxLength: Int, delimiter: UInt8,
                      cellCount: Int, columns: [Int32]?, maxLines: Int) -> Indexed {
        let stride = columns?.count ?? cellCount
        var starts = [Int32](repeating: -7, count: maxLines * stride + 8)
        var ends = [Int32](repeating: -7, count: maxLines * stride + 8)
        var delimiters = [Int32](repeating: 0, count: cellCount + 80)
        var next = 0
        var outcome: UInt32 = 99
        let lines = window.withUnsafeBufferPointer { bytes in
            starts.withUnsafeMutableBufferPointer { starts in
                ends.withUnsafeMutableBufferPointer { ends in
                    delimiters.withUnsafeMutableBufferPointer { delimiters in
                        func call(_ columns: UnsafePointer<Int32>?) -> Int {
                            function(bytes.baseAddress, start, bytes.count, stop, atEnd ? 1 : 0, maxLength, delimiter, cellCount, columns,
                                     stride, starts.baseAddress, ends.baseAddress, maxLines, delimiters.baseAddress, &next, &outcome)
                        }
                        guard let columns else { return call(nil) }
                        return columns.withUnsafeBufferPointer { call($0.baseAddress) }
                    }
                }
            }
        }
        // Only the lines read say anything; what lies past them is scratch.
        return Indexed(lines: lines, next: next, outcome: outcome, starts: Array(starts.prefix(lines * stride)),
                       ends: Array(ends.prefix(lines * stride)))
    }

    @Test func theVectorPathIndexesAsThePortableOne() {
        var random = SplitMix64(seed: 2026_11_30)
        let cells = ["", "a", "GAO-01", " x ", "\t12\t", "2016-01-01", "Ségou", "3", String(repeating: "long ", count: 15), " "]
        var linesRead = 0
        for trial in 0..<400 {
            let cellCount = Int.random(in: 1...20, using: &random)
            let delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")].randomElement(using: &random)!
            let separator = String(UnicodeScalar(delimiter))
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &random) {
                var line = (0..<cellCount).map { _ in cells.randomElement(using: &random)! }
                if delimiter == UInt8(ascii: "\t") { line = line.map { $0.replacingOccurrences(of: "\t", with: " ") } }
                var joined = line.joined(separator: separator)
                switch Int.random(in: 0..<100, using: &random) {
                case 0: joined += separator + "more"
                case 1 where line.count > 1: joined = line.dropLast().joined(separator: separator)
                case 2: joined.insert("\"", at: joined.startIndex)
                case 3: joined += "\u{0}"
                case 4: joined += "\rx"
                case 5: joined = ""
                case 6: joined = String(repeating: separator, count: cellCount - 1)
                case 7: joined += String(repeating: "y", count: Int.random(in: 100...300, using: &random))
                default: break
                }
                text += joined + (Bool.random(using: &random) ? "\n" : "\r\n")
            }
            if Bool.random(using: &random) { text += cells.randomElement(using: &random)! }
            let window = Array(text.utf8)
            let start = Int.random(in: 0...min(8, window.count), using: &random)
            let stop = Bool.random(using: &random) ? window.count : Int.random(in: 0...window.count, using: &random)
            let atEnd = Bool.random(using: &random)
            let maxLength = [40, 150, 1 << 20].randomElement(using: &random)!
            let maxLines = Int.random(in: 1...80, using: &random)
            let someColumns = (0..<cellCount).filter { _ in Bool.random(using: &random) }.map(Int32.init)
            for columns in [nil, someColumns] as [[Int32]?] {
                let vector = Self.index(clineindex_lines, window: window, start: start, stop: stop, atEnd: atEnd, maxLength: maxLength,
                                        delimiter: delimiter, cellCount: cellCount, columns: columns, maxLines: maxLines)
                let portable = Self.index(clineindex_lines_portable, window: window, start: start, stop: stop, atEnd: atEnd,
                                          maxLength: maxLength, delimiter: delimiter, cellCount: cellCount, columns: columns,
                                          maxLines: maxLines)
                #expect(vector == portable, "trial \(trial), columns \(columns.map { "\($0)" } ?? "every")")
                linesRead += vector.lines
            }
        }
        // The windows are mostly plain lines: the comparison is about lines read, not only stops.
        #expect(linesRead > 1_000)
    }
}
