/// An entry under a report's `vocabularies:` in `reports.yaml`: files that extend a shipped
/// vocabulary or replace it for this report.
///
/// ```yaml
/// vocabularies:
///   causes:
///     extend: vocabularies/causes-niger.csv     # rows added to vocabularies/causes.csv, or rewording its keys
///   countries:
///     replace: [local/countries.csv]            # read instead of vocabularies/countries.csv
///   pcodes:
///     extend: local/pcodes-communes.csv         # codes added to vocabularies/pcodes/*.csv
/// ```
public struct VocabularyReference: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// The shipped file(s) first, then these: a row adds a key or rewords one.
        case extend
        /// These files instead of the shipped ones.
        case replace
    }

    /// The vocabulary's name (`causes`, `pcodes`), checked against the plugin's once it is known.
    public var name: Located<String>
    public var mode: Mode
    /// The files, relative to the folder of `reports.yaml`, in the order given.
    public var files: [Located<String>]

    public init(name: Located<String>, mode: Mode, files: [Located<String>]) {
        self.name = name
        self.mode = mode
        self.files = files
    }

    /// The name of the P-code vocabulary under `vocabularies:`.
    public static let pcodes = "pcodes"

    /// Reads `vocabularies:` of one report: a mapping of names to `extend:` or `replace:`, each
    /// a path or a list of paths. `path` reads one path (the loader's rules for paths).
    static func read(_ value: YAMLValue, keyPath base: String, yaml: inout YAMLReader,
                     path: (inout YAMLReader, YAMLValue, String) -> Located<String>?) -> [VocabularyReference]? {
        guard let entries = yaml.mappingPairs(value, path: base) else { return nil }
        var references: [VocabularyReference] = []
        var valid = true
        for entry in entries {
            let keyPath = "\(base).\(entry.key)"
            let modes = Mode.allCases.map(\.rawValue)
            guard let fields = yaml.mapping(entry.value, path: keyPath, allowed: modes, required: [], owner: entry.keyLocation) else {
                valid = false
                continue
            }
            guard fields.count == 1, let (key, pair) = fields.first, let mode = Mode(rawValue: key) else {
                if fields.count > 1 || entry.value.mapping?.isEmpty == true {
                    yaml.add(.vocabularyModeNotOne(at: entry.keyLocation, subject: keyPath))
                }
                valid = false
                continue
            }
            let modePath = "\(keyPath).\(mode.rawValue)"
            var files: [Located<String>] = []
            if let list = pair.value.sequence {
                guard !list.isEmpty else {
                    yaml.add(.yamlEmpty(at: pair.value.location, subject: modePath, expected: "a path or a list of paths"))
                    valid = false
                    continue
                }
                for (index, element) in list.enumerated() {
                    if let file = path(&yaml, element, "\(modePath)[\(index)]") { files.append(file) } else { valid = false }
                }
            } else if let file = path(&yaml, pair.value, modePath) {
                files.append(file)
            } else {
                valid = false
            }
            references.append(VocabularyReference(name: Located(entry.key, at: entry.keyLocation, keyPath: keyPath), mode: mode, files: files))
        }
        return valid ? references : nil
    }
}
