import Yams

/// Decodes a plugin's `Parameters` through their `@Parameter` declarations: the synthesized
/// `init(from:)` asks for each property by its label, and gets the value written under the key
/// its declaration names (decoded with Yams), or the declaration itself (its default) when the
/// key is absent or `~`. A property that is not declared is refused, so nothing is decoded that
/// the checker and `describe` do not know.
struct ParameterDecoder: Decoder {
    /// The labels the decoding asked for, for `declarationProblems`.
    final class Asked {
        var labels: [String] = []
    }

    let params: YAMLValue?
    let declarations: [String: any DeclaredParameter]
    let asked = Asked()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init<P: PluginParameters>(_ type: P.Type, params: YAMLValue?) {
        self.params = params
        self.declarations = Dictionary(P.declarations.map { ($0.label, $0.declaration) }) { first, _ in first }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Container<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Self.notAStruct }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw Self.notAStruct }

    static var notAStruct: DecodingError { DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "parameters are a struct of @Parameter properties")) }

    /// The value of `label`'s declaration, as `T` (the declaration's own type).
    func decode<T>(_ type: T.Type, label: String, key: any CodingKey) throws -> T {
        asked.labels.append(label)
        guard let declaration = declarations[label] else {
            throw DecodingError.dataCorrupted(.init(codingPath: [key], debugDescription: "property '\(label)' is not declared with @Parameter"))
        }
        let name = declaration.spec.name
        let decoded = try declaration.reading { valueType in
            guard let value = params?.pair(name)?.value, !value.isNull else { return nil }
            // A structure keeps its positions: the plugin reads it and names each value's place.
            if valueType == YAMLValue.self || valueType == YAMLValue?.self { return value }
            do {
                return try YAMLDecoder().decode(valueType, from: value.yamsNode)
            } catch let error as DecodingError {
                throw error.under(ParameterKey(name))
            }
        }
        guard let typed = decoded as? T else {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: [key], debugDescription: "property '\(label)' is not its declaration"))
        }
        return typed
    }

    private struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ParameterDecoder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { decoder.declarations.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { decoder.declarations[key.stringValue] != nil }
        func decodeNil(forKey key: Key) throws -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try decoder.decode(type, label: key.stringValue, key: key)
        }
        // Plain properties: refused by `decode(_:label:key:)`, as not declared.
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.decode(type, label: key.stringValue, key: key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.decode(type, label: key.stringValue, key: key) }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw ParameterDecoder.notAStruct
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw ParameterDecoder.notAStruct }
        func superDecoder() throws -> any Decoder { throw ParameterDecoder.notAStruct }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw ParameterDecoder.notAStruct }
    }
}

/// A key of `params:`, for coding paths.
private struct ParameterKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension DecodingError {
    /// The same error, its coding path starting at `key`.
    fileprivate func under(_ key: any CodingKey) -> DecodingError {
        func moved(_ context: Context) -> Context {
            Context(codingPath: [key] + context.codingPath, debugDescription: context.debugDescription, underlyingError: context.underlyingError)
        }
        return switch self {
        case .typeMismatch(let type, let context): .typeMismatch(type, moved(context))
        case .valueNotFound(let type, let context): .valueNotFound(type, moved(context))
        case .keyNotFound(let missing, let context): .keyNotFound(missing, moved(context))
        case .dataCorrupted(let context): .dataCorrupted(moved(context))
        @unknown default: self
        }
    }
}

extension PluginParameters {
    /// Where the declarations and the decoding disagree: a stored property that is not a
    /// `@Parameter`, a key declared twice, a declaration the decoding never reads (a hand-written
    /// `init(from:)` that forgets it would leave it at its default whatever `reports.yaml` says),
    /// or a property it reads that is not declared. Empty for a sound `Parameters`.
    public static var declarationProblems: [String] {
        var problems: [String] = []
        for child in Mirror(reflecting: Self()).children where !(child.value is any DeclaredParameter) {
            problems.append("property '\(child.label ?? "?")' is not declared with @Parameter")
        }
        var names = Set<String>()
        for (_, declaration) in declarations where !names.insert(declaration.spec.name).inserted {
            problems.append("key '\(declaration.spec.name)' is declared twice")
        }
        let decoder = ParameterDecoder(Self.self, params: nil)
        do {
            _ = try Self(from: decoder)
        } catch {
            problems.append("decoding the defaults fails: \(error)")
        }
        for (label, declaration) in declarations where !decoder.asked.labels.contains(label) {
            problems.append("key '\(declaration.spec.name)' is declared but never decoded")
        }
        return problems
    }
}
