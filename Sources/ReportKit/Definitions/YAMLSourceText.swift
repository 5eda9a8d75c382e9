/// The text of a YAML file as Unicode scalars, split into lines the way libyaml counts them, so
/// that positions found here and positions Yams reports agree.
///
/// libyaml counts columns in characters (scalars), from 1, skips a leading BOM without counting
/// it, and breaks lines at LF, CR, CR LF, NEL, LS and PS. This type does the same.
struct YAMLSourceText {
    var scalars: [Unicode.Scalar]
    /// Offset in `scalars` of the first scalar of each line.
    private(set) var lineStarts: [Int]
    /// Offset in `scalars` just past the last scalar of each line (before its break).
    private(set) var lineEnds: [Int]
    let file: String

    /// Decodes `bytes` as UTF-8 and checks that every character is one YAML allows. Returns the
    /// first problem instead: an invalid byte or a control character, at its line and column.
    static func decode(_ bytes: [UInt8], file: String) -> Result<YAMLSourceText, Diagnostic> {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        var line = 1, column = 1
        var previousWasCR = false
        while index < bytes.count {
            guard let (scalar, length) = decodeScalar(bytes, at: index) else {
                return .failure(.reportsFileInvalidUTF8(at: SourceLocation(file: file, line: line, column: column), byte: bytes[index]))
            }
            if !isAllowed(scalar) {
                return .failure(.reportsFileControlCharacter(at: SourceLocation(file: file, line: line, column: column), scalar))
            }
            scalars.append(scalar)
            index += length
            if Self.isBreak(scalar) {
                if !(scalar == "\n" && previousWasCR) { line += 1 }
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        return .success(YAMLSourceText(scalars: scalars, file: file))
    }

    init(scalars: [Unicode.Scalar], file: String) {
        self.scalars = scalars
        self.file = file
        var starts = [0], ends: [Int] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isBreak(scalar) {
                ends.append(index)
                index += (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") ? 2 : 1
                starts.append(index)
            } else {
                index += 1
            }
        }
        ends.append(scalars.count)
        lineStarts = starts
        lineEnds = ends
    }

    var lineCount: Int { lineStarts.count }

    /// The text as a `String`, for Yams.
    var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The position of `offset`, 1-based.
    func location(line: Int, offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + 1, column: offset - lineStarts[line] + 1)
    }

    /// The offset of a 1-based line and column, if it is inside the text.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineCount, column >= 1 else { return nil }
        let offset = lineStarts[line - 1] + column - 1
        return offset <= lineEnds[line - 1] ? offset : nil
    }

    /// The scalar at a 1-based position, if any.
    func scalar(line: Int, column: Int) -> Unicode.Scalar? {
        guard let offset = offset(line: line, column: column), offset < lineEnds[line - 1] else { return nil }
        return scalars[offset]
    }

    /// The position of the `-` that introduces the node at `location`, when one precedes it on
    /// the same line with only spaces between: a report's position is its dash, not its first key.
    func dashBefore(_ location: SourceLocation) -> SourceLocation? {
        guard let offset = offset(line: location.line, column: location.column) else { return nil }
        let start = lineStarts[location.line - 1]
        var index = offset - 1
        while index >= start, scalars[index] == " " { index -= 1 }
        guard index >= start, index < offset - 1, scalars[index] == "-" else { return nil }
        return SourceLocation(file: file, line: location.line, column: index - start + 1)
    }

    // MARK: Characters

    /// Line breaks as libyaml knows them.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    /// The characters libyaml's reader accepts: tab, line breaks, printable ASCII, and the
    /// printable ranges of Unicode (YAML 1.1 §5.1).
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// One UTF-8 sequence, strictly: no overlong forms, no surrogates, nothing above U+10FFFF.
    private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for next in bytes[(index + 1)..<(index + length)] {
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
