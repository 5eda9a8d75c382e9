import Foundation

/// Comparisons of values decoded by `JSONSerialization`, which on Linux gives Swift dictionaries,
/// arrays and strings, and `NSNumber` for numbers and booleans alike.
public enum JSONValue {
    private static let booleanType = type(of: NSNumber(value: true))

    public static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return type(of: number) == booleanType
    }

    public static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (a as [String: Any], b as [String: Any]):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        case let (a as [Any], b as [Any]):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case let (a as String, b as String):
            return a == b
        case (is NSNull, is NSNull):
            return true
        case let (a as NSNumber, b as NSNumber):
            return isBoolean(a) == isBoolean(b) && a == b
        default:
            return false
        }
    }
}
