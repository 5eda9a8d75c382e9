/// A scanner of the XML that spreadsheet programs write, over bytes in memory: start and end
/// tags with their attributes, and the text between them.
///
/// Why not Foundation's `XMLParser`: it builds a `String` for every element name, attribute
/// and text run and calls a delegate for each, which costs several times the whole reading of
/// a sheet of a million rows; and on Linux it wants the document whole or through a stream it
/// buffers itself. A worksheet uses a handful of elements, no DTD and no namespaces that
/// matter (prefixes such as `x:row` are ignored), so scanning the bytes directly reads it in
/// one pass, in chunks as they come out of the archive, in the memory of one chunk.
struct XMLScanner {
    enum Token {
        /// `<name attributes>` or `<name attributes/>`.
        case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        /// `</name>`.
        case end(name: Range<Int>)
        /// Characters between tags, entities not yet decoded.
        case text(Range<Int>)
        /// The rest of the buffer holds no complete token: more bytes are needed.
        case needMore
        /// The bytes are not well-formed XML at this offset.
        case malformed
    }

    static let lessThan = UInt8(ascii: "<"), greaterThan = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    static let question = UInt8(ascii: "?"), bang = UInt8(ascii: "!"), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
    static let equals = UInt8(ascii: "="), colon = UInt8(ascii: ":"), ampersand = UInt8(ascii: "&")

    /// The next token of `buffer` from `position`, which moves past it. At `.needMore`
    /// `position` stays at the token's start; `isLast` says no more bytes will come.
    static func next(_ buffer: UnsafeBufferPointer<UInt8>, _ position: inout Int, isLast: Bool) -> Token {
        let count = buffer.count
        while true {
            guard position < count else { return .needMore }
            let start = position
            if buffer[start] != lessThan {
                var end = start
                while end < count, buffer[end] != lessThan { end += 1 }
                if end == count, !isLast { return .needMore }
                position = end
                return .text(start..<end)
            }
            guard start + 1 < count else { return isLast ? .malformed : .needMore }
            let second = buffer[start + 1]
            if second == question || second == bang {
                // Declarations, comments, CDATA and DOCTYPE: skipped, CDATA kept as text.
                let cdata = Array("<![CDATA[".utf8)
                if start + cdata.count <= count, (0..<cdata.count).allSatisfy({ buffer[start + $0] == cdata[$0] }) {
                    guard let close = find(Array("]]>".utf8), in: buffer, from: start + cdata.count) else {
                        return isLast ? .malformed : .needMore
                    }
                    position = close + 3
                    return .text(start + cdata.count..<close)
                }
                let terminator: [UInt8] = second == bang && start + 3 < count && buffer[start + 2] == UInt8(ascii: "-")
                    ? Array("-->".utf8) : [greaterThan]
                guard let close = find(terminator, in: buffer, from: start + 2) else { return isLast ? .malformed : .needMore }
                position = close + terminator.count
                continue
            }
            // A tag: up to the `>` outside quoted attribute values.
            var index = start + 1
            var quoteByte: UInt8 = 0
            while index < count {
                let byte = buffer[index]
                if quoteByte != 0 {
                    if byte == quoteByte { quoteByte = 0 }
                } else if byte == quote || byte == apostrophe {
                    quoteByte = byte
                } else if byte == greaterThan {
                    break
                } else if byte == lessThan {
                    return .malformed
                }
                index += 1
            }
            guard index < count else { return isLast ? .malformed : .needMore }
            position = index + 1
            if second == slash {
                let name = localName(buffer, start + 2, trimmedEnd(buffer, start + 2, index))
                return .end(name: name)
            }
            var nameEnd = start + 1
            while nameEnd < index, !isSpace(buffer[nameEnd]), buffer[nameEnd] != slash { nameEnd += 1 }
            let selfClosing = buffer[index - 1] == slash
            let attributesEnd = selfClosing ? index - 1 : index
            guard nameEnd > start + 1 else { return .malformed }
            return .start(name: localName(buffer, start + 1, nameEnd), attributes: nameEnd..<max(nameEnd, attributesEnd),
                          selfClosing: selfClosing)
        }
    }

    /// The name without its namespace prefix (`x:row` → `row`).
    private static func localName(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
        var index = end
        while index > start, buffer[index - 1] != colon { index -= 1 }
        return index..<end
    }

    private static func trimmedEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start, isSpace(buffer[end - 1]) { end -= 1 }
        return end
    }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func find(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard needle.count > 0, buffer.count >= needle.count else { return nil }
        var index = start
        let last = buffer.count - needle.count
        while index <= last {
            if buffer[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// Whether the bytes of `range` spell `name`.
    @inline(__always) static func equals(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let pointer = name.utf8Start
        for offset in 0..<range.count where buffer[range.lowerBound + offset] != pointer[offset] { return false }
        return true
    }

    /// Calls `body` with each attribute's local name and raw value (entities not decoded).
    static func attributes(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Range<Int>, Range<Int>) -> Void) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            while index < end, isSpace(buffer[index]) { index += 1 }
            let nameStart = index
            while index < end, buffer[index] != equals, !isSpace(buffer[index]) { index += 1 }
            let name = localName(buffer, nameStart, index)
            while index < end, buffer[index] != quote, buffer[index] != apostrophe { index += 1 }
            guard index < end else { return }
            let quoteByte = buffer[index]
            let valueStart = index + 1
            index = valueStart
            while index < end, buffer[index] != quoteByte { index += 1 }
            body(name, valueStart..<index)
            index += 1
        }
    }

    /// The value of attribute `name` (local name), entities decoded; nil when absent.
    static func attribute(_ name: StaticString, in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        var found: String?
        attributes(buffer, range) { key, value in
            if found == nil, equals(buffer, key, name) { found = decodedText(buffer, value) }
        }
        return found
    }

    /// The text of `range` with the five named entities and character references decoded.
    static func decodedText(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        appendDecoded(buffer, range, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the bytes of `range` to `bytes`, entities decoded.
    static func appendDecoded(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to bytes: inout [UInt8]) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = buffer[index]
            guard byte == ampersand else {
                bytes.append(byte)
                index += 1
                continue
            }
            var semicolon = index + 1
            while semicolon < end, semicolon - index < 12, buffer[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            guard semicolon < end, buffer[semicolon] == UInt8(ascii: ";") else {
                bytes.append(byte)
                index += 1
                continue
            }
            let entity = String(decoding: UnsafeBufferPointer(rebasing: buffer[index + 1..<semicolon]), as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
                index = semicolon + 1
            } else {
                bytes.append(byte)
                index += 1
            }
        }
    }
}

/// Every token of a small XML document held whole in memory (workbook, relationships, styles):
/// `body` gets each start tag's name and attributes, each end tag's name, and the texts.
extension XMLScanner {
    enum Event {
        case start(String, [String: String], selfClosing: Bool)
        case end(String)
        case text(String)
    }

    /// False when the document is not well-formed.
    static func walk(_ bytes: [UInt8], _ body: (Event) -> Void) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var position = 0
            while true {
                switch next(buffer, &position, isLast: true) {
                case .needMore: return true
                case .malformed: return false
                case .text(let range): body(.text(decodedText(buffer, range)))
                case .end(let name): body(.end(String(decoding: UnsafeBufferPointer(rebasing: buffer[name]), as: UTF8.self)))
                case .start(let name, let attributeRange, let selfClosing):
                    var values: [String: String] = [:]
                    attributes(buffer, attributeRange) { key, value in
                        values[String(decoding: UnsafeBufferPointer(rebasing: buffer[key]), as: UTF8.self)] = decodedText(buffer, value)
                    }
                    body(.start(String(decoding: UnsafeBufferPointer(rebasing: buffer[name]), as: UTF8.self), values, selfClosing: selfClosing))
                }
            }
        }
    }
}
