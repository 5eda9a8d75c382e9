/// Something the run did that the user should know but that stops nothing: a name written as
/// the vocabulary writes it, a code read in the vocabulary's form. `validate` and `run` print
/// notes before their summary, in the compilers' format (`file:line: note: subject: message`).
public struct Note: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var location: SourceLocation?
    public var subject: String
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil, subject: String = "") {
        self.location = location
        self.subject = subject
        self.message = message
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "note: "
        if !subject.isEmpty { text += "\(subject): " }
        return text + message
    }

    public static func < (lhs: Note, rhs: Note) -> Bool {
        (lhs.location ?? SourceLocation(file: ""), lhs.description) < (rhs.location ?? SourceLocation(file: ""), rhs.description)
    }
}
