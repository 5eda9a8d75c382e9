import Testing
@testable import ReportKit

/// The `decimal` column type's cells: what is accepted, kept as millionths, and why the rest is refused.
@Suite struct DecimalCellTests {
    func read(_ text: String) -> Result<Int, DecimalCell.Problem> {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { DecimalCell.read(UnsafeBufferPointer($0)) }
    }

    @Test(arguments: [("12", 12_000_000), ("1.5", 1_500_000), ("0.000001", 1), ("-0.25", -250_000), ("007", 7_000_000),
                      ("999999999.999999", 999_999_999_999_999), ("3.10", 3_100_000)])
    func readsAPointAndKeepsMillionths(text: String, millionths: Int) {
        #expect(read(text) == .success(millionths))
    }

    @Test func aCommaIsRefusedWithThePointSuggested() {
        #expect(read("1,5") == .failure(.comma(suggestion: "1.5")))
        #expect(read("-1,500") == .failure(.comma(suggestion: "-1.500")))
    }

    @Test(arguments: ["", "-", ".5", "5.", "1.2.3", "1e3", "1 500", "+1", "1,500.5", "n/a", "0x10", "١٢"])
    func refusesWhatIsNoDecimal(text: String) {
        #expect(read(text) == .failure(.notADecimal))
    }

    @Test func refusesMoreDigitsThanItKeeps() {
        #expect(read("0.1234567") == .failure(.tooPrecise))
        #expect(read("1234567890") == .failure(.tooLarge))
        #expect(read("1234567890.5") == .failure(.tooLarge))
    }

    @Test func aWorkbookNumberIsRoundedToMillionths() {
        #expect(DecimalCell.millionths(of: 0.1) == 100_000)
        #expect(DecimalCell.millionths(of: -2.0000005) == -2_000_001)
        #expect(DecimalCell.millionths(of: 1e9) == nil)
        #expect(DecimalCell.millionths(of: .nan) == nil)
        #expect(DecimalCell.value(ofMillionths: 1_500_000) == 1.5)
    }
}
