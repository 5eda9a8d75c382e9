/// The words a tag writes around a fact, after `|`: agreement and change phrases in one tag.
///
/// | written | on | prints |
/// |---|---|---|
/// | `{{total \| # person / # people}}` | a count, a change (its size) or a list (its names) | `1 person`, `58 people` |
/// | `{{idps \| a été enregistrée / ont été enregistrées}}` | the same | the form alone, no number |
/// | `{{total \| population}}` | a count | the count and the plugin's noun `population` (singular from `population_singular`) |
/// | `{{total_change \| change}}` | a change | the language's change phrase (`TemplateForm.defaultChangePhrases`) |
/// | `{{total_change \| rose by # (%) / fell by # (%) / did not change}}` | a change | the phrase for an increase, a decrease, no change |
///
/// In every form `#` is what the fact prints: a count's number (`1,234` / `1 234`), a change's
/// size, a list's names. In a change
/// phrase `(%)` is the relative change in brackets, left out with the space before it when the
/// plugin gives none, and `[personne/personnes]` is a word agreeing with the size of the change
/// (with `#` inside for the number: `[d'une personne/de # personnes]`).
/// Which form is which follows from the number of alternatives between `/`: two agree, three
/// describe a change, one names a noun (or `change`, the default phrase).
///
/// A form is checked like every tag (`TemplateChecker`), then written out as the plain Mustache
/// sections it stands for (`{{#total.one}}…{{/total.one}}{{#total.other}}…{{/total.other}}`), so
/// that rendering is swift-mustache's and the sections stay available for full control.
/// swift-mustache's own transforms (`{{lowercased(x)}}`) take no arguments, so they cannot
/// carry the words; lambdas would render text the checker never sees.
enum TemplateForm: Equatable {
    /// One piece of the words of a form.
    enum Piece: Equatable {
        case text(String)
        /// `#`: the number.
        case number
        /// `(%)`: ` (45%)` when the change has a relative value.
        case percent
        /// `[one/other]`: a word agreeing with the size of a change.
        case agreeing(one: String, other: String)
    }

    /// `one / other`: the words for a count whose plural category is `one`, and for the others.
    case agreement(one: [Piece], other: [Piece])
    /// `population`: the count, then the plugin's noun in the agreeing form.
    case noun(String)
    /// `increase / decrease / unchanged`, or nil for the language's default phrase.
    case change([[Piece]]?)

    /// The default change phrases, as DTM Mali's reports word them: a verb phrase with the
    /// relative change in English ("rose by 127 (45%)"), a noun phrase in French ("une
    /// augmentation de 907 personnes"). Templates that word it otherwise give the three phrases.
    static func defaultChangePhrases(_ language: Language) -> String {
        switch language {
        case .en: "rose by # (%) / fell by # (%) / did not change"
        case .fr:
            "une augmentation [d'une personne/de # personnes] / une diminution [d'une personne/de # personnes] / un nombre inchangé"
        }
    }

    /// What a form describes, for messages.
    var kindDescription: String {
        switch self {
        case .agreement: "an agreement form 'one / other'"
        case .noun: "a noun form"
        case .change: "a change phrase"
        }
    }

    /// The form written after `|`, or why it is not one.
    static func parse(_ written: String) -> Result<TemplateForm, FormError> {
        if written.contains("{") || written.contains("}") {
            return .failure(FormError("braces are not allowed in a form's words"))
        }
        let alternatives: [String]
        switch split(written, separator: "/") {
        case .success(let parts): alternatives = parts.map { $0.trimmed(of: " \t") }
        case .failure(let error): return .failure(error)
        }
        if alternatives.contains(where: \.isEmpty) {
            return .failure(FormError(alternatives.count == 1 ? "nothing after '|'" : "an empty form between '/'"))
        }
        switch alternatives.count {
        case 1:
            let word = alternatives[0]
            if word == "change" { return .success(.change(nil)) }
            guard word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                return .failure(
                    FormError("'\(word)' is one form: write the singular and the plural, 'one / other', or the name of a noun fact"))
            }
            return .success(.noun(word))
        case 2:
            let one = pieces(alternatives[0], inChange: false), other = pieces(alternatives[1], inChange: false)
            switch (one, other) {
            case (.success(let one), .success(let other)): return .success(.agreement(one: one, other: other))
            case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
            }
        case 3:
            var phrases: [[Piece]] = []
            for alternative in alternatives {
                switch pieces(alternative, inChange: true) {
                case .success(let phrase): phrases.append(phrase)
                case .failure(let error): return .failure(error)
                }
            }
            return .success(.change(phrases))
        default:
            return .failure(
                FormError(
                    "\(alternatives.count) forms between '/': write two ('one / other') or three for a change ('increase / decrease / unchanged')"
                ))
        }
    }

    /// The plain Mustache this form stands for, for the fact written `path` (`total`,
    /// `dates.days`), in `language`. `#` is what `{{path}}` prints: the number of a count, the
    /// size of a change, the names of a list (`{{regions | the region of # / the regions of #}}`).
    func mustache(for path: String, language: Language) -> String {
        let number = "{{\(path)}}"
        func text(_ pieces: [Piece]) -> String {
            pieces.map { piece in
                switch piece {
                case .text(let words): words
                case .number: number
                case .percent: "{{#\(path).percent}} ({{\(path).percent}}){{/\(path).percent}}"
                case .agreeing(let one, let other):
                    section("\(path).one", one.replacingNumberSign(with: number))
                        + section("\(path).other", other.replacingNumberSign(with: number))
                }
            }.joined()
        }
        switch self {
        case .agreement(let one, let other):
            return section("\(path).one", text(one)) + section("\(path).other", text(other))
        case .noun(let noun):
            return section("\(path).one", "\(number) {{\(noun)_singular}}") + section("\(path).other", "\(number) {{\(noun)}}")
        case .change(let phrases):
            let phrases = phrases ?? Self.defaultPhrases(language)
            return section("\(path).increase", text(phrases[0])) + section("\(path).decrease", text(phrases[1]))
                + section("\(path).unchanged", text(phrases[2]))
        }
    }

    private static func defaultPhrases(_ language: Language) -> [[Piece]] {
        guard case .success(.change(let phrases?)) = parse(defaultChangePhrases(language)) else {
            preconditionFailure("the default change phrases of \(language) do not parse")
        }
        return phrases
    }

    private func section(_ name: String, _ body: String) -> String {
        "{{#\(name)}}\(body){{/\(name)}}"
    }

    /// `text` cut at each `separator` outside `[…]`.
    private static func split(_ text: String, separator: Character) -> Result<[String], FormError> {
        var parts: [String] = [], current = "", depth = 0
        for character in text {
            switch character {
            case "[":
                depth += 1
                if depth > 1 { return .failure(FormError("a '[' is not closed by ']' before the next '['")) }
            case "]":
                depth -= 1
                if depth < 0 { return .failure(FormError("']' without '['")) }
            case separator where depth == 0:
                parts.append(current)
                current = ""
                continue
            default:
                break
            }
            current.append(character)
        }
        if depth != 0 { return .failure(FormError("'[' without ']'")) }
        parts.append(current)
        return .success(parts)
    }

    /// The pieces of one alternative; `(%)` and `[one/other]` only in a change phrase.
    private static func pieces(_ text: String, inChange: Bool) -> Result<[Piece], FormError> {
        var pieces: [Piece] = [], words = ""
        var rest = Substring(text)
        func flush() {
            if !words.isEmpty { pieces.append(.text(words)) }
            words = ""
        }
        while let character = rest.first {
            if character == "#" {
                flush()
                pieces.append(.number)
                rest = rest.dropFirst()
            } else if rest.hasPrefix("(%)") {
                guard inChange else { return .failure(FormError("'(%)' is only for a change phrase (three forms)")) }
                // The space before `(%)` belongs to the percent: no percent, no space.
                if words.last == " " { words.removeLast() }
                flush()
                pieces.append(.percent)
                rest = rest.dropFirst(3)
            } else if character == "[" {
                guard inChange else { return .failure(FormError("'[one/other]' is only for a change phrase (three forms)")) }
                guard let close = rest.firstIndex(of: "]") else { return .failure(FormError("'[' without ']'")) }
                let inside = rest[rest.index(after: rest.startIndex)..<close].split(separator: "/", omittingEmptySubsequences: false)
                let forms = inside.map { $0.trimmed(of: " \t") }
                guard forms.count == 2, !forms[0].isEmpty, !forms[1].isEmpty else {
                    return .failure(FormError("'[\(inside.joined(separator: "/"))]' must give two forms, '[one/other]'"))
                }
                flush()
                pieces.append(.agreeing(one: forms[0], other: forms[1]))
                rest = rest[rest.index(after: close)...]
            } else {
                words.append(character)
                rest = rest.dropFirst()
            }
        }
        flush()
        return .success(pieces)
    }
}

/// Why the words after `|` are not a form.
struct FormError: Error, Equatable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

extension String {
    /// `#` replaced by `number`: `[d'une personne/de # personnes]`.
    fileprivate func replacingNumberSign(with number: String) -> String {
        split(separator: "#", omittingEmptySubsequences: false).joined(separator: number)
    }
}

extension StringProtocol {
    /// Without the given characters at either end.
    fileprivate func trimmed(of characters: String) -> String {
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
