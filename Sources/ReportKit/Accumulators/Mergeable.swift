@_spi(Reflection) import Swift
import Foundation

/// A value gathered from rows in file order that can take in what the same kind of value
/// gathered from the rows after them: the accumulators of this folder, and a plugin's struct of
/// them.
///
/// The host reads a large file in parts on several threads, one aggregate per part, and joins
/// them in file order with `merge(_:)`; the result is what one value fed every row would hold.
///
/// A struct of accumulators gets `merge(_:)` without writing it: the default merges each stored
/// `var` that is `Mergeable` with the same property of `later`, and keeps the others (a `let`
/// set from the parameters, a filter, a form the host hands over) as they are. The properties
/// are found once per type, as key paths, by the standard library's reflection of stored
/// fields, so that a property added later is merged too and a merge costs a key path access a
/// property. A struct nested in an aggregate merges only if it is `Mergeable` itself.
public protocol Mergeable: Sendable {
    /// Adds what `later` gathered from the rows that follow this value's, in the same file.
    mutating func merge(_ later: Self)
}

extension Mergeable {
    public mutating func merge(_ later: Self) {
        for step in MergePlans.shared.steps(for: Self.self) { step(&self, later) }
    }

    /// The step that merges the property at `keyPath` of a `Root`, when it is a `var` of this type.
    fileprivate static func mergeStep<Root>(at keyPath: PartialKeyPath<Root>) -> MergePlans.Step<Root>? {
        guard let path = keyPath as? WritableKeyPath<Root, Self> else { return nil }
        return { root, later in root[keyPath: path].merge(later[keyPath: path]) }
    }
}

/// An accumulator: a `Mergeable` that starts empty, so that a container (`Tally`, `ByMonth`,
/// `ByDay`) makes one for each key it meets. A plugin's struct of accumulators whose
/// properties all have initial values is one.
public protocol Accumulator: Mergeable {
    init()
}

/// For each struct merged by the default `merge(_:)`, the merge of each of its `Mergeable`
/// stored properties, found once.
final class MergePlans: @unchecked Sendable {
    typealias Step<Root> = (inout Root, Root) -> Void

    static let shared = MergePlans()

    /// One struct's steps, in a class so that finding them again is a pointer's cast.
    private final class Plan<Root>: @unchecked Sendable {
        let steps: [Step<Root>]

        init(_ steps: [Step<Root>]) {
            self.steps = steps
        }
    }

    private let lock = NSLock()
    private var plans: [ObjectIdentifier: AnyObject] = [:]

    func steps<Root: Mergeable>(for type: Root.Type) -> [Step<Root>] {
        if let plan = lock.withLock({ plans[ObjectIdentifier(type)] }) { return unsafeDowncast(plan, to: Plan<Root>.self).steps }
        var steps: [Step<Root>] = []
        let isStruct = _forEachFieldWithKeyPath(of: Root.self) { _, keyPath in
            if let field = Swift.type(of: keyPath).valueType as? any Mergeable.Type, let step = Self.step(field, keyPath) {
                steps.append(step)
            }
            return true
        }
        precondition(isStruct, "\(Root.self): only a struct's merge is derived from its properties")
        lock.withLock { plans[ObjectIdentifier(type)] = Plan(steps) }
        return steps
    }

    private static func step<Field: Mergeable, Root>(_ field: Field.Type, _ keyPath: PartialKeyPath<Root>) -> Step<Root>? {
        Field.mergeStep(at: keyPath)
    }
}
