import Foundation
import Testing
import TestSupport
@testable import ReportKit

/// `PrettyJSONWriter` against the real `JSONSerialization` with the options the documents were
/// written with: the same bytes for every kind of value, key and text.
@Suite struct PrettyJSONWriterTests {
    static func serialized(_ value: Any) -> [UInt8] {
        let data = try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return Array(data) + [UInt8(ascii: "\n")]
    }

    static func expectSameBytes(_ value: Any, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let written = JSONDocument.bytes(value), expected = serialized(value)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), sourceLocation: sourceLocation)
        #expect(written == expected, sourceLocation: sourceLocation)
    }

    @Test func scalarsNestingAndEmptyContainers() {
        Self.expectSameBytes([
            "count": 12_345, "negative": -7, "large": Int.max, "zero": 0,
            "half": 0.5, "whole": 2.0, "tiny": 0.000001, "small": 1e-7, "big": 1.5e300, "minus": -0.25, "share": 0.961_2,
            "yes": true, "no": false, "nothing": NSNull(),
            "empty array": [Any](), "empty object": [String: Any](),
            "nested": ["rows": [[1, "a", NSNull()], [Any](), [2.5, false]], "inner": ["x": [String: Any]()]] as [String: Any],
            "labels": [["en": "Gao", "fr": "Gao"], ["en": "Mopti", "fr": "Mopti"]],
        ] as [String: Any])
        Self.expectSameBytes([Any]())
        Self.expectSameBytes([String: Any]())
    }

    @Test func keysInTheSerialisersOrder() {
        // Digits compared as numbers, case ignored, punctuation and accents as the system
        // locale's collation puts them.
        let keys = ["a10", "a9", "a1", "B", "a", "b", "_x", "x_", "1", "10", "2", "é", "e", "Z", "z", "a_b", "a1b", "by_fmp",
                    "by-fmp", "byfmp", "by_fmp_2", "by_fmp_10", "A", "ä", "-", ""]
        var object: [String: Any] = [:]
        for (index, key) in keys.enumerated() { object[key] = index }
        Self.expectSameBytes(object)
    }

    @Test func escapes() {
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        Self.expectSameBytes([
            "controls": controls, "quotes": "say \"bonjour\"", "backslash": #"C:\data\file"#, "slash": "a/b </script>",
            "delete": "\u{7F}", "accents": "Côte d’Ivoire, Ségou", "emoji": "🇲🇱 👍🏽", "cjk": "日本", "line separator": "a\u{2028}b",
            "key \"quoted\"\n": "value",
        ])
    }

    /// Random trees: random keys, texts of random scalars, numbers of every size.
    @Test func randomTrees() {
        var random = SplitMix64(seed: 2026)
        let alphabet = Array("aAzZ09_- /\\\"é\u{1}\n\t€🙂")
        func text() -> String {
            String((0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        func value(depth: Int) -> Any {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &random) {
            case 0: return Int.random(in: Int.min...Int.max, using: &random) >> Int.random(in: 0...63, using: &random)
            case 1: return (Double.random(in: -1e6...1e6, using: &random) * 1_000_000).rounded() / 1_000_000
            case 2: return text()
            case 3: return Bool.random(using: &random)
            case 4: return NSNull()
            case 5: return (0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1) }
            default:
                var object: [String: Any] = [:]
                for _ in 0..<Int.random(in: 0...5, using: &random) { object[text()] = value(depth: depth + 1) }
                return object
            }
        }
        for _ in 0..<200 {
            var object: [String: Any] = [:]
            for _ in 0..<4 { object[text()] = value(depth: 0) }
            Self.expectSameBytes(object)
        }
    }
}
