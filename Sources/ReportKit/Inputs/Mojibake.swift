/// UTF-8 text that was read as Latin-1 and saved as UTF-8 again: `é` (C3 A9) becomes `Ã©`.
enum Mojibake {
    /// `Ã` or `Â` followed by a character in U+0080–U+00BF, byte for byte: C3 82|83 C2 80–BF.
    static func isLikely(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count >= 4 else { return false }
        for index in 0..<(value.count - 3)
        where value[index] == 0xC3 && (value[index + 1] == 0x82 || value[index + 1] == 0x83)
            && value[index + 2] == 0xC2 && (0x80...0xBF).contains(value[index + 3]) {
            return true
        }
        return false
    }

    /// The text re-decoded (each scalar taken as a Latin-1 byte, the bytes read as UTF-8), or
    /// nil when that does not give valid UTF-8. When the text mixes repaired and broken
    /// characters, only the pairs that form a two-byte UTF-8 character are repaired.
    static func repaired(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if scalars.allSatisfy({ $0.value <= 0xFF }) {
            let bytes = scalars.map { UInt8($0.value) }
            let valid = bytes.withUnsafeBufferPointer { UTF8Check.classify($0) != .invalid }
            if valid { return String(decoding: bytes, as: UTF8.self) }
        }
        var result = String.UnicodeScalarView()
        var index = 0
        var changed = false
        while index < scalars.count {
            let lead = scalars[index].value
            if index + 1 < scalars.count, (0xC2...0xDF).contains(lead),
               (0x80...0xBF).contains(scalars[index + 1].value),
               let repaired = UnicodeScalar((lead & 0x1F) << 6 | (scalars[index + 1].value & 0x3F)) {
                result.append(repaired)
                index += 2
                changed = true
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(result) : nil
    }
}
