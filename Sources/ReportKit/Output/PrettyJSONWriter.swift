import Foundation

/// Writes a tree of JSON values byte for byte as this platform's `JSONSerialization` writes it
/// with `.sortedKeys`, `.prettyPrinted` and `.withoutEscapingSlashes`, so that documents keep
/// the bytes earlier runs wrote (`PrettyJSONWriterTests` compares the two on every kind of
/// value). `JSONSerialization` bridges every value of the tree to a Foundation object first:
/// for a report with a ten-year daily table that took a quarter of a small run's time.
///
/// The tree holds `String`, `Bool`, `Int`, `Double`, `NSNull`, and arrays and `[String: …]`
/// dictionaries of them, as `JSONDocument` builds it; anything else is a programming error.
struct PrettyJSONWriter {
    var bytes: [UInt8] = []
    private var indent = 0
    /// The order of each set of keys met, by the keys in Swift's order: the same few sets
    /// (`en` and `fr`, a table's columns, a record's fields) come back many times, and the
    /// comparison `JSONSerialization` sorts with goes through the system locale's collation.
    private var keyOrders: [[String]: [String]] = [:]

    /// The value, in `JSONSerialization`'s order of checks (a `Bool` before an `Int`).
    mutating func write(_ value: Any) {
        switch value {
        case let text as String: write(string: text)
        case let flag as Bool: append(flag ? "true" : "false")
        case let number as Int: append(number.description)
        case let array as [Any]: write(array: array)
        case let object as [String: Any]: write(object: object)
        case let number as Double:
            precondition(number.isFinite, "JSON has no \(number)")
            // `JSONSerialization` writes a whole number without its `.0`.
            var text = number.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            append(text)
        case is NSNull: append("null")
        default: preconditionFailure("not a JSON value: \(type(of: value))")
        }
    }

    /// `[`, the elements one a line, `]`; an empty array is `[`, two line feeds and `]` as
    /// `JSONSerialization` writes it.
    private mutating func write(array: [Any]) {
        append("[\n")
        indent += 2
        for (index, element) in array.enumerated() {
            if index > 0 { append(",\n") }
            writeIndent()
            write(element)
        }
        append("\n")
        indent -= 2
        writeIndent()
        append("]")
    }

    private mutating func write(object: [String: Any]) {
        append("{\n")
        indent += 2
        for (position, key) in sortedKeys(object).enumerated() {
            if position > 0 { append(",\n") }
            writeIndent()
            write(string: key)
            append(" : ")
            write(object[key]!)
        }
        append("\n")
        indent -= 2
        writeIndent()
        append("}")
    }

    /// The keys in `JSONSerialization`'s order: numeric, case-insensitive, forced, in the
    /// system locale.
    private mutating func sortedKeys(_ object: [String: Any]) -> [String] {
        let keys = object.keys.sorted()
        if keys.count < 2 { return keys }
        if let known = keyOrders[keys] { return known }
        let ordered = keys.sorted { a, b in
            a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex,
                      locale: NSLocale.system) == .orderedAscending
        }
        keyOrders[keys] = ordered
        return ordered
    }

    /// A string with `JSONSerialization`'s escapes: quote, backslash, the named controls, the
    /// other controls as `\u00XX` in lowercase hexadecimal; everything else as it is.
    private mutating func write(string: String) {
        bytes.append(UInt8(ascii: "\""))
        var utf8 = string.utf8[...]
        while !utf8.isEmpty {
            // Runs of bytes that need no escape are copied as they are (a byte of a multi-byte
            // character is never below 0x20, a quote or a backslash).
            let plain = utf8.prefix { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
            bytes.append(contentsOf: plain)
            utf8 = utf8[plain.endIndex...]
            guard let byte = utf8.first else { break }
            utf8 = utf8.dropFirst()
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            default: append((byte < 0x10 ? "\\u000" : "\\u00") + String(byte, radix: 16))
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeIndent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
