import Yams

/// Checks a report definition against what its plugin declares, with the position of every
/// problem, then decodes its parameters.
///
/// The order a run follows: `checkPlugins` (against the registry), `check` (inputs and every
/// parameter value against the plugin's `ParameterSpec`s), then `decodeParameters` for the
/// definitions that passed. Decoding after checking means a plugin's `Parameters` never sees a
/// value of the wrong shape, and every message names a line and column rather than a Swift
/// `DecodingError`.
public enum DefinitionChecker {
    // MARK: Plugin ids

    /// "unknown plugin 'x'" when `definition.plugin` is not among `knownIDs`, with the nearest id.
    public static func checkPlugin(of definition: ReportDefinition, knownIDs: [String]) -> Diagnostic? {
        guard !knownIDs.contains(definition.plugin.value) else { return nil }
        return .definitionUnknownPlugin(at: definition.plugin.location, subject: definition.plugin.keyPath,
                                        plugin: definition.plugin.value, known: knownIDs)
    }

    /// `checkPlugin` for every report of `file`.
    public static func checkPlugins(in file: ReportsFile, knownIDs: [String]) -> [Diagnostic] {
        file.reports.compactMap { checkPlugin(of: $0, knownIDs: knownIDs) }
    }

    // MARK: Inputs and parameters

    /// Every problem of `definition` against `description`: inputs the plugin does not read,
    /// required inputs not given, parameters it does not declare, required parameters not given,
    /// and values that do not fit their `ParameterType`.
    public static func check(_ definition: ReportDefinition, against description: PluginDescription) -> [Diagnostic] {
        checkInputs(definition, against: description) + checkParameters(definition, against: description)
    }

    /// The inputs of `definition` against `description`: names, mappings, required inputs. For
    /// a plugin shaped by its parameters, `description` is the one `description(for:)` derived,
    /// or the static one with `mappings: false` when the parameters did not decode (its
    /// columns are then unknown).
    public static func checkInputs(_ definition: ReportDefinition, against description: PluginDescription,
                                   mappings: Bool = true) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let inputsPath = "\(definition.keyPath).inputs"
        let inputNames = description.inputs.map(\.name)
        for input in definition.inputs where description.input(named: input.name) == nil {
            diagnostics.append(.definitionUnknownInput(at: input.nameLocation, subject: "\(inputsPath).\(input.name)",
                                                       input: input.name, plugin: description.id, known: inputNames))
        }
        for input in definition.inputs where mappings {
            guard let mapping = input.mapping, let spec = description.input(named: input.name) else { continue }
            diagnostics += MappingChecker.check(mapping, input: spec)
        }
        for spec in description.inputs where spec.isRequired && definition.input(named: spec.name) == nil {
            diagnostics.append(.definitionMissingInput(at: definition.location(ofKey: "inputs"), subject: inputsPath,
                                                       input: spec.name, conventionalFileName: spec.conventionalFileName))
        }
        return diagnostics
    }

    /// The keys and values of `definition.params` against `description.parameters`.
    public static func checkParameters(_ definition: ReportDefinition, against description: PluginDescription) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let paramsPath = "\(definition.keyPath).params"
        let pairs = definition.params?.mapping ?? []
        let parameterNames = description.parameters.map(\.name)
        for pair in pairs {
            let keyPath = "\(paramsPath).\(pair.key)"
            guard let spec = description.parameters.first(where: { $0.name == pair.key }) else {
                diagnostics.append(.yamlUnknownKey(at: pair.keyLocation, subject: keyPath, key: pair.key, allowed: parameterNames))
                continue
            }
            // `since: ~` says what leaving `since` out says, where that is the default.
            if pair.value.isNull, spec.acceptsNull { continue }
            diagnostics += checkValue(pair.value, against: spec.type, keyPath: keyPath)
        }
        for spec in description.parameters where spec.defaultValue == nil && !pairs.contains(where: { $0.key == spec.name }) {
            diagnostics.append(.parameterMissing(at: definition.location(ofKey: "params"), subject: paramsPath, parameter: spec.name))
        }
        return diagnostics
    }

    /// The problems of one parameter value against its type: null, wrong shape, a choice not
    /// listed, an integer out of range, text that is not a day, a boolean other than plain
    /// `true`/`false`, and the same for each element of a list.
    public static func checkValue(_ value: YAMLValue, against type: ParameterType, keyPath: String) -> [Diagnostic] {
        if value.isNull { return [.yamlNull(at: value.location, subject: keyPath, expected: type.displayName)] }
        let wrongType = Diagnostic.yamlWrongType(at: value.location, subject: keyPath, expected: type.displayName,
                                                 found: YAMLReader.found(value))
        if case .list(let element) = type {
            guard let elements = value.sequence else { return [YAMLReader.listSuggested(wrongType, for: value)] }
            return elements.enumerated().flatMap { index, item in
                checkValue(item, against: element, keyPath: "\(keyPath)[\(index)]")
            }
        }
        // The plugin reads a structure itself, with the positions of its values.
        if case .structure = type { return value.mapping == nil ? [wrongType] : [] }
        guard let scalar = value.scalar else { return [wrongType] }
        switch type {
        case .choice(let choices):
            guard choices.contains(scalar.text) else {
                return [.parameterNotAChoice(at: value.location, subject: keyPath, value: scalar.text, choices: choices)]
            }
        case .integer(let range):
            guard let integer = YAMLReader.integer(value) else { return [wrongType] }
            guard range.contains(integer) else {
                return [.parameterOutOfRange(at: value.location, subject: keyPath, value: integer, range: range)]
            }
        case .date:
            guard Day(iso: scalar.text) != nil else {
                return [.parameterNotADate(at: value.location, subject: keyPath, value: YAMLReader.excerpt(scalar.text))]
            }
        case .text:
            guard !scalar.text.isEmpty else { return [.yamlEmpty(at: value.location, subject: keyPath, expected: "text")] }
        case .flag:
            guard scalar.isPlain, scalar.text == "true" || scalar.text == "false" else {
                return [.parameterNotABoolean(at: value.location, subject: keyPath, value: YAMLReader.excerpt(scalar.text))]
            }
        case .list, .structure:
            break
        }
        return []
    }

    // MARK: Decoding

    /// `definition.params` decoded as `P`, then `P.validate()`; problems point at the key they
    /// name, or at `params:` (the report, when absent) for a key that is not written.
    public static func decodeParameters<P: PluginParameters>(_ type: P.Type, for definition: ReportDefinition) -> Result<P, DiagnosticList> {
        decodeParameters(type, from: definition.params, base: "\(definition.keyPath).params",
                         location: definition.location(ofKey: "params"))
    }

    /// `params` decoded as `P` through its `@Parameter` declarations (each value with Yams'
    /// `YAMLDecoder`), then `P.validate()`. An absent key keeps its declared default.
    ///
    /// - Parameters:
    ///   - params: the `params:` mapping, or nil when the definition has none.
    ///   - keyPath: the key path of `params` (`reports[0].params`).
    ///   - location: where to report a problem about a key that is not written.
    public static func decodeParameters<P: PluginParameters>(_ type: P.Type, from params: YAMLValue?, base keyPath: String,
                                                            location: SourceLocation) -> Result<P, DiagnosticList> {
        let parameters: P
        do {
            parameters = try P(from: ParameterDecoder(P.self, params: params))
        } catch let error as DecodingError {
            return .failure(DiagnosticList([diagnostic(for: error, in: params, keyPath: keyPath, location: location)]))
        } catch {
            return .failure(DiagnosticList([.parameterDecodingFailed(at: location, subject: keyPath, detail: "\(error)")]))
        }
        let problems = parameters.validate()
        guard !problems.isEmpty else { return .success(parameters) }
        return .failure(DiagnosticList(problems.map { problem in
            let pair = problem.key.isEmpty ? nil : params?.pair(problem.key)
            return .parameterProblem(at: problem.location ?? pair?.keyLocation ?? location,
                                     subject: problem.key.isEmpty ? keyPath : "\(keyPath).\(problem.key)",
                                     message: problem.message)
        }))
    }

    /// A `DecodingError` at the position its coding path leads to in `params`.
    private static func diagnostic(for error: DecodingError, in params: YAMLValue?, keyPath: String,
                                   location: SourceLocation) -> Diagnostic {
        let context: DecodingError.Context
        switch error {
        case .keyNotFound(let key, let keyContext):
            let (path, found) = resolve(keyContext.codingPath, in: params, keyPath: keyPath)
            if keyContext.codingPath.isEmpty {
                return .parameterMissing(at: location, subject: keyPath, parameter: key.stringValue)
            }
            return .parameterMissing(at: found ?? location, subject: path, parameter: key.stringValue)
        case .typeMismatch(_, let errorContext), .valueNotFound(_, let errorContext), .dataCorrupted(let errorContext):
            context = errorContext
        @unknown default:
            return .parameterDecodingFailed(at: location, subject: keyPath, detail: "\(error)")
        }
        let (path, found) = resolve(context.codingPath, in: params, keyPath: keyPath)
        return .parameterDecodingFailed(at: found ?? location, subject: path, detail: context.debugDescription)
    }

    /// The key path and value position that `codingPath` names in `params`.
    private static func resolve(_ codingPath: [any CodingKey], in params: YAMLValue?, keyPath: String) -> (String, SourceLocation?) {
        var path = keyPath
        var value = params
        for key in codingPath {
            if let index = key.intValue, let elements = value?.sequence {
                path += "[\(index)]"
                value = elements.indices.contains(index) ? elements[index] : nil
            } else {
                path += ".\(key.stringValue)"
                value = value?.pair(key.stringValue)?.value
            }
        }
        return (path, value?.location)
    }
}
