import Foundation

/// A JSON Schema validator for the keywords `schemas/` uses (type, const, enum, required,
/// properties, additionalProperties, propertyNames, items, pattern, anyOf, allOf, if/then/else,
/// minimum, maximum, minItems, minLength, local $ref; `default` and descriptions are read as
/// annotations), so
/// that `swift test` validates every output without a network or a Python install. CI also
/// validates with the reference `jsonschema` implementation.
public struct JSONSchemaValidator {
    let root: [String: Any]

    public init(schemaAt url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.root = root
        try checkKeywords(root, path: "#")
    }

    /// Problems of `instance` against the schema, each with a JSON pointer; empty when valid.
    public func validate(_ instance: Any) -> [String] {
        validate(instance, against: root, path: "")
    }

    static let supported: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "const", "enum", "required", "properties",
        "additionalProperties", "propertyNames", "items", "pattern", "anyOf", "allOf", "if", "then", "else", "minimum", "maximum",
        "minItems", "minLength", "default",
    ]

    /// Refuses a schema using a keyword this validator would silently ignore.
    private func checkKeywords(_ schema: Any, path: String) throws {
        guard let object = schema as? [String: Any] else { return }
        for (key, value) in object {
            guard Self.supported.contains(key) else {
                throw NSError(domain: "JSONSchemaValidator", code: 1, userInfo: [NSLocalizedDescriptionKey: "unsupported keyword \(key) at \(path)"])
            }
            switch key {
            case "properties", "$defs":
                for (name, sub) in value as? [String: Any] ?? [:] { try checkKeywords(sub, path: "\(path)/\(key)/\(name)") }
            case "anyOf", "allOf":
                for (index, sub) in (value as? [Any] ?? []).enumerated() { try checkKeywords(sub, path: "\(path)/\(key)/\(index)") }
            case "items", "additionalProperties", "propertyNames", "if", "then", "else":
                try checkKeywords(value, path: "\(path)/\(key)")
            default: break
            }
        }
    }

    private func resolve(_ reference: String) -> [String: Any] {
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(part)] ?? [:]
        }
        return node as? [String: Any] ?? [:]
    }

    private func validate(_ instance: Any, against schema: [String: Any], path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            return validate(instance, against: resolve(reference), path: path)
        }
        var problems: [String] = []
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as? String ?? ""]
            if !allowed.contains(where: { Self.matches(instance, type: $0) }) {
                return ["\(path): \(Self.typeName(instance)) is not \(allowed.joined(separator: " or "))"]
            }
        }
        if let constant = schema["const"], !Self.equal(instance, constant) {
            problems.append("\(path): expected \(constant)")
        }
        if let values = schema["enum"] as? [Any], !values.contains(where: { Self.equal(instance, $0) }) {
            problems.append("\(path): \(instance) is not one of \(values)")
        }
        if let pattern = schema["pattern"] as? String, let text = instance as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let minimum = schema["minimum"] as? NSNumber, let number = Self.number(instance), number < minimum.doubleValue {
            problems.append("\(path): \(instance) is less than \(minimum)")
        }
        if let maximum = schema["maximum"] as? NSNumber, let number = Self.number(instance), number > maximum.doubleValue {
            problems.append("\(path): \(instance) is more than \(maximum)")
        }
        if let minLength = schema["minLength"] as? Int, let text = instance as? String, text.unicodeScalars.count < minLength {
            problems.append("\(path): '\(text)' is shorter than \(minLength)")
        }
        if let minItems = schema["minItems"] as? Int, let array = instance as? [Any], array.count < minItems {
            problems.append("\(path): fewer than \(minItems) items")
        }
        for sub in schema["allOf"] as? [[String: Any]] ?? [] {
            problems += validate(instance, against: sub, path: path)
        }
        if let condition = schema["if"] as? [String: Any] {
            let branch = validate(instance, against: condition, path: path).isEmpty ? schema["then"] : schema["else"]
            if let branch = branch as? [String: Any] { problems += validate(instance, against: branch, path: path) }
        }
        if let anyOf = schema["anyOf"] as? [[String: Any]],
           !anyOf.contains(where: { validate(instance, against: $0, path: path).isEmpty }) {
            problems.append("\(path): matches none of the allowed shapes")
        }
        if let object = instance as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing '\(key)'")
            }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for (key, value) in object {
                if let names = schema["propertyNames"] as? [String: Any] {
                    problems += validate(key, against: names, path: "\(path)/\(key) (name)")
                }
                if let sub = properties[key] {
                    problems += validate(value, against: sub, path: "\(path)/\(key)")
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool, !allowed {
                        problems.append("\(path): unexpected '\(key)'")
                    } else if let sub = additional as? [String: Any] {
                        problems += validate(value, against: sub, path: "\(path)/\(key)")
                    }
                }
            }
        }
        if let array = instance as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                problems += validate(element, against: items, path: "\(path)/\(index)")
            }
        }
        return problems
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return JSONValue.isBoolean(value)
        case "integer":
            guard !JSONValue.isBoolean(value), let number = value as? NSNumber else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return !JSONValue.isBoolean(value) && value is NSNumber
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return false
        }
    }

    static func number(_ value: Any) -> Double? {
        guard !JSONValue.isBoolean(value), let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }

    static func typeName(_ value: Any) -> String {
        for type in ["null", "boolean", "integer", "number", "string", "array", "object"] where matches(value, type: type) { return type }
        return "unknown"
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        JSONValue.equal(a, b)
    }
}
