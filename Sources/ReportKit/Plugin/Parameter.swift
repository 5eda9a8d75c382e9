/// One parameter of a plugin, declared once: its key under `params:`, its YAML type, its default
/// (the property's initial value), its documentation and, read through the property, its value.
///
/// ```swift
/// public struct Parameters: PluginParameters {
///     @Parameter("top", in: 1...20, "How many nationalities the text names.")
///     public var top = 5
///     public init() {}
/// }
/// ```
///
/// `description.parameters` is `Parameters.specs`, read from these declarations; the host decodes
/// each value from the key the declaration names, so a key cannot be documented under one name
/// and read under another.
@propertyWrapper
public struct Parameter<Value: ParameterValue>: Sendable {
    public var wrappedValue: Value
    /// What `describe`, the checker and the reference read.
    public let spec: ParameterSpec

    /// - Parameters:
    ///   - wrappedValue: the default, used when the key is absent (or `~` for an optional value).
    ///   - name: the key under `params:`.
    ///   - type: the YAML shape, when it is not the one the value's type implies.
    ///   - explained: a few words on what the default means (`every FMP`), shown after it.
    ///   - documentation: what the parameter does, for `describe` and docs/plugins.md.
    ///   - selecting: the input column whose values this parameter keeps, when it is a filter.
    public init(wrappedValue: Value, _ name: String, type: ParameterType? = nil, explained: String? = nil, _ documentation: String,
                selecting: ColumnSelection? = nil) {
        self.wrappedValue = wrappedValue
        let shown = wrappedValue.yamlText + (explained.map { " (\($0))" } ?? "")
        var spec = ParameterSpec(name, type ?? Value.parameterType, default: shown, documentation)
        spec.selects = selecting
        self.spec = spec
    }

    /// A whole number from the range.
    public init(wrappedValue: Value, _ name: String, in range: ClosedRange<Int>, explained: String? = nil, _ documentation: String)
    where Value == Int {
        self.init(wrappedValue: wrappedValue, name, type: .integer(range), explained: explained, documentation)
    }
}

extension Parameter: Equatable where Value: Equatable {
    /// Equal values: the declaration is the same for every instance of one property.
    public static func == (lhs: Parameter, rhs: Parameter) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

extension Parameter: Decodable {
    /// Only the host's parameter decoder makes a `Parameter`, from the key its declaration names;
    /// any other decoder is refused, because the default would be lost.
    public init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath, debugDescription: "a @Parameter is decoded by DefinitionChecker.decodeParameters only"))
    }
}

/// A parameter's declaration, whatever its value's type: what the host reads from a
/// `PluginParameters` instance through `Mirror`.
protocol DeclaredParameter: Sendable {
    var spec: ParameterSpec { get }
    /// This declaration with the value `read` gives for its type, or unchanged (the default)
    /// when `read` gives nil.
    func reading(_ read: (any ParameterValue.Type) throws -> (any ParameterValue)?) throws -> Self
}

extension Parameter: DeclaredParameter {
    func reading(_ read: (any ParameterValue.Type) throws -> (any ParameterValue)?) throws -> Parameter {
        guard let value = try read(Value.self) else { return self }
        var copy = self
        // `read` decodes the type it is given.
        copy.wrappedValue = value as! Value
        return copy
    }
}

/// A type a parameter's value may have: it knows its YAML shape and writes a value as YAML
/// would, for the documented default.
public protocol ParameterValue: Decodable, Sendable {
    static var parameterType: ParameterType { get }
    /// The value as `reports.yaml` writes it (`month`, `5`, `[]`); `none` for an absent value.
    var yamlText: String { get }
}

/// An enum whose cases are the values a parameter (or a list parameter's items) may take, by
/// their raw values.
public protocol ParameterChoice: ParameterValue, CaseIterable, RawRepresentable where RawValue == String {}

extension ParameterChoice {
    public static var parameterType: ParameterType { .choice(allCases.map(\.rawValue)) }
    public var yamlText: String { rawValue }
}

extension Int: ParameterValue {
    /// Declare a range with `@Parameter(_:in:_:)`.
    public static var parameterType: ParameterType { .integer(Int.min...Int.max) }
    public var yamlText: String { String(self) }
}

extension Bool: ParameterValue {
    public static var parameterType: ParameterType { .flag }
    public var yamlText: String { self ? "true" : "false" }
}

extension String: ParameterValue {
    public static var parameterType: ParameterType { .text }
    /// Plain when YAML reads it back as this text, else in double quotes.
    public var yamlText: String {
        let plain = first?.isLetter == true && allSatisfy { $0.isLetter || $0.isNumber || "_- ".contains($0) } && last != " "
            && !["true", "false", "null", "yes", "no", "on", "off"].contains(lowercased())
        return plain ? self : "\"" + map { $0 == "\"" || $0 == "\\" ? "\\\($0)" : String($0) }.joined() + "\""
    }
}

extension Day: ParameterValue {
    public static var parameterType: ParameterType { .date }
    public var yamlText: String { iso }
}

extension Optional: ParameterValue where Wrapped: ParameterValue {
    /// The wrapped type's shape; `~` is accepted when the default is nil.
    public static var parameterType: ParameterType { Wrapped.parameterType }
    public var yamlText: String { map(\.yamlText) ?? "none" }
}

extension YAMLValue: ParameterValue {
    /// Declare the shape with `@Parameter(_:type: .structure(…), _:)`.
    public static var parameterType: ParameterType { .structure("") }
    public var yamlText: String { "{}" }

    /// Only the host's parameter decoder gives a structure, with its positions.
    public init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath, debugDescription: "a structure parameter is read by DefinitionChecker.decodeParameters only"))
    }
}

extension Array: ParameterValue where Element: ParameterValue {
    public static var parameterType: ParameterType { .list(Element.parameterType) }
    public var yamlText: String { "[" + map(\.yamlText).joined(separator: ", ") + "]" }
}

extension ColumnSelection {
    /// The rows of `input` whose `column` holds one of the parameter's values; `namedBy` is a
    /// column that gives each value's name (`fmp_name` for `fmp_code`), so that a name written
    /// for a code is answered with the code. With `rowsInPeriod`, a period where the kept values
    /// have no row while others do is an error: the plugin would report zeros. Without, the
    /// plugin says itself that the period has no figures for them.
    public static func column(_ column: String, of input: String, namedBy: String? = nil, rowsInPeriod: Bool = true) -> ColumnSelection {
        ColumnSelection(input: input, column: column, nameColumn: namedBy, requiresRowsInPeriod: rowsInPeriod)
    }
}
