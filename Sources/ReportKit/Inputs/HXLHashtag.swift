import Foundation

/// An HXL hashtag with its attributes, compared as HXL compares them: the tag and the
/// attributes case-insensitively, the attributes as a set, spaces around `+` ignored. So
/// `#adm1+code`, `#ADM1 +code` and `#adm1+code+code` are one hashtag; `#adm1+code+origin` is
/// another.
///
/// One attribute alias is accepted: `+pcode`, which files exported from HDX often carry, is
/// read as `+code`, the attribute of the HXL standard that every plugin declares.
public struct HXLHashtag: Sendable, Hashable, CustomStringConvertible {
    /// Attributes that are another spelling of a standard one, by their standard form.
    public static let attributeAliases = ["pcode": "code"]

    /// The tag without `#`, in lower case (`adm1`).
    public let tag: String
    /// The attributes without `+`, in lower case, aliases replaced.
    public let attributes: Set<String>

    /// Parses `#tag+attribute…`; nil when `text` is not a hashtag.
    public init?(_ text: String) {
        let parts = text.split(separator: "+", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard let first = parts.first, first.hasPrefix("#"), first.count > 1, Self.isName(first.dropFirst()) else { return nil }
        var attributes = Set<String>()
        for attribute in parts.dropFirst() {
            guard !attribute.isEmpty, Self.isName(Substring(attribute)) else { return nil }
            attributes.insert(Self.attributeAliases[attribute] ?? attribute)
        }
        tag = String(first.dropFirst())
        self.attributes = attributes
    }

    /// `#tag+a+b` with the attributes sorted.
    public var description: String {
        (["#" + tag] + attributes.sorted()).joined(separator: "+")
    }

    /// Letters, digits and underscores, as in HXL's grammar.
    private static func isName(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}

/// A declared column that the file names otherwise and that was read by its HXL hashtag.
public struct HashtagMatch: Sendable, Hashable {
    /// The input file as messages show it.
    public let file: String
    /// The column as the plugin declares it (`adm1_code`).
    public let column: String
    /// The file's name for it (`Admin 1 P-Code`).
    public let header: String
    /// The hashtag as the file writes it (`#adm1+pcode`).
    public let hashtag: String

    public init(file: String, column: String, header: String, hashtag: String) {
        self.file = file
        self.column = column
        self.header = header
        self.hashtag = hashtag
    }

    /// The line `validate` prints: `data/x.csv: note: column 'adm1_code' read from 'Admin 1 P-Code' (#adm1+pcode)`.
    public var note: String {
        "\(file): note: column '\(column)' read from '\(header)' (\(hashtag))"
    }
}
