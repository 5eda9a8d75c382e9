import Foundation

/// "Did you mean" suggestions, as swift-argument-parser makes them: the candidate closest by
/// edit distance, when it is close enough to be a plausible typo.
public enum Suggestion {
    /// The candidate nearest to `word`, or nil when none is within a third of its length
    /// (at least 1, at most 3 edits).
    public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = min(3, max(1, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `text` without case, accents or width, for comparisons that say "only the case differs":
    /// `Population` is `population`, `Ménaka` is `menaka`, `men-01` is `MEN-01`.
    public static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }

    /// `candidates` nearest first (by edit distance, ignoring case; ties in alphabetical order).
    public static func ranked(_ word: String, in candidates: some Sequence<String>) -> [String] {
        let lowered = word.lowercased()
        return candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map(\.0)
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
