import Mustache

/// The messages about templates, in one place so that their wording stays consistent.
///
/// Every message is about a tag, located at its opening `{{`; the location says it all, so the
/// subject is empty: `summary.en.md:3:14: error: unknown fact 'totl' (did you mean 'total'?)`.
extension Diagnostic {
    // MARK: Syntax

    /// `{{` without `}}` on the same line.
    static func templateUnclosedTag(at location: SourceLocation) -> Diagnostic {
        Diagnostic("unclosed tag: '{{' has no matching '}}' on this line", at: location)
    }

    /// `{{{` without `}}}` on the same line.
    static func templateUnclosedTripleTag(at location: SourceLocation) -> Diagnostic {
        Diagnostic("unclosed tag: '{{{' has no matching '}}}' on this line", at: location)
    }

    /// `{{total}`: a tag closed by one brace.
    static func templateMissingCloseBrace(_ written: String, fixed: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("'\(written)' is missing a '}': write '\(fixed)'", at: location)
    }

    /// `{total}}`: a tag opened by one brace.
    static func templateMissingOpenBrace(_ written: String, fixed: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("'\(written)' is missing a '{': write '\(fixed)'", at: location)
    }

    /// `{{{total}}`: three braces to open, two to close.
    static func templateExtraOpenBrace(_ written: String, fixed: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("'\(written)' has one '{' too many: write '\(fixed)'", at: location)
    }

    /// `{{total}}}`: braces after a complete tag, which Mustache would print; at the first extra one.
    static func templateExtraCloseBrace(_ written: String, fixed: String, extra: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic("'\(written)' has \(extra == 1 ? "one '}'" : "\(extra) '}'") too many: write '\(fixed)'", at: location)
    }

    /// `}}` in the text with no tag it could close.
    static func templateStrayCloseBraces(at location: SourceLocation) -> Diagnostic {
        Diagnostic("stray '}}' with no '{{' before it: remove it, or open the tag with '{{'", at: location)
    }

    /// `{{!` without `}}` anywhere after it.
    static func templateUnclosedComment(at location: SourceLocation) -> Diagnostic {
        Diagnostic("unclosed comment: '{{!' has no matching '}}'", at: location)
    }

    /// `{{}}`.
    static func templateEmptyTag(_ tag: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("empty tag '\(tag)': write a fact's name between the braces", at: location)
    }

    /// `{{total count}}`, `{{upper(name)}}`.
    static func templateInvalidName(_ tag: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("'\(tag)' is not a valid tag: a name is letters, digits, '_' and '-', with '.' before a child", at: location)
    }

    /// A section that reaches the end of the file.
    static func templateUnclosedSection(_ open: String, name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("section '\(open)' is never closed: add '{{/\(name)}}' where it ends", at: location)
    }

    /// `{{/x}}` while section `y` is open.
    static func templateMismatchedClose(
        _ close: String, open name: String, openedAt opened: SourceLocation,
        at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            "'\(close)' does not close the open section '\(name)' (opened at \(opened.line):\(opened.column))",
            at: location, suggestion: "{{/\(name)}}")
    }

    /// `{{/x}}` with no section open.
    static func templateCloseWithoutOpen(_ close: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("'\(close)' closes a section that was never opened", at: location)
    }

    /// `{{=<% %>=}}`. Checking stops there, since the rest of the file uses other delimiters.
    static func templateSetDelimiterUnsupported(at location: SourceLocation) -> Diagnostic {
        Diagnostic("changing delimiters with '{{=…=}}' is not supported: templates use '{{' and '}}'", at: location)
    }

    /// `{{> name}}`.
    static func templatePartialUnsupported(_ tag: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("partials are not supported yet: '\(tag)'", at: location)
    }

    /// `{{$block}}`, `{{<parent}}`.
    static func templateInheritanceUnsupported(_ tag: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("template inheritance is not supported: '\(tag)'", at: location)
    }

    /// `{{% CONTENT_TYPE: HTML}}`. The host adds the plain-text pragma itself.
    static func templatePragmaUnsupported(_ tag: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("pragmas are not supported: '\(tag)' (templates are always plain text, without HTML escaping)", at: location)
    }

    /// swift-mustache refused a template this checker accepted: its own error, located.
    static func templateParserError(_ error: any Error, at location: SourceLocation) -> Diagnostic {
        let reason: String
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: reason = "a closing tag does not match the open section"
        case MustacheTemplate.Error.unfinishedName: reason = "a tag is not finished"
        case MustacheTemplate.Error.expectedSectionEnd: reason = "a section is never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: reason = "invalid delimiter change"
        case MustacheTemplate.Error.invalidConfigVariableSyntax, MustacheTemplate.Error.unrecognisedConfigVariable:
            reason = "invalid pragma"
        default: reason = "\(error)"
        }
        return Diagnostic("invalid template: \(reason)", at: location)
    }

    /// Bytes that are not UTF-8, at the first of them.
    static func templateInvalidUTF8(at location: SourceLocation) -> Diagnostic {
        Diagnostic("invalid UTF-8; save the template as UTF-8", at: location)
    }

    // MARK: Names

    /// `{{totl}}` where no fact (or record field) is called `totl`.
    static func templateUnknownFact(_ name: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic("unknown fact '\(name)'", at: location, suggestion: suggestion)
    }

    /// `{{total.foo}}` where a count has no `foo`.
    static func templateUnknownChild(
        _ child: String, of path: String, described: String, suggestion: String?,
        at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic("'\(path)' (\(described)) has no child '\(child)'", at: location, suggestion: suggestion)
    }

    /// `{{estimated}}`, `{{events}}`, `{{total.one}}`: a value that prints nothing useful.
    static func templateSectionOnly(_ path: String, described: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("'\(path)' is \(described), not text: use it as a section, {{#\(path)}}…{{/\(path)}}", at: location)
    }

    /// `{{total | # person /}}`, `{{total | a / b / c / d}}`: words after `|` that are no form.
    static func templateMalformedForm(_ tag: String, reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("malformed form '\(tag)': \(reason)", at: location)
    }

    /// `{{period | # month / # months}}`, `{{total | change}}`: a form the fact cannot take.
    static func templateFormOnWrongKind(
        _ tag: String, form: TemplateForm, path: String, described: String, at location: SourceLocation
    ) -> Diagnostic {
        let needs =
            switch form {
            case .agreement: "agrees with a count, a change or a list"
            case .noun: "gives a count with its noun, and needs a count"
            case .change: "describes a change, and needs a change"
            }
        return Diagnostic("'\(tag)' is \(form.kindDescription), which \(needs); '\(path)' is \(described)", at: location)
    }

    /// `{{total | peopel}}`: one word after `|` that is not a noun of the plugin.
    static func templateUnknownNoun(_ noun: String, in tag: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "'\(noun)' in '\(tag)' is not a noun of the plugin (a label fact with a '\(noun)_singular' twin): "
                + "write both forms, as in '# person / # people'",
            at: location, suggestion: suggestion)
    }

    /// `{{. | # person / # people}}`.
    static func templateFormOnDot(_ tag: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("'\(tag)': a form is written on a fact's name, as in {{total | # person / # people}}", at: location)
    }

    /// An optional fact printed where it may be absent.
    static func templateMayBeAbsent(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("fact '\(path)' may be absent: use it inside {{#\(path)}}…{{/\(path)}}", at: location)
    }

    /// `{{.}}` where the current value is not a fact that prints.
    static func templateDotOutsideFact(_ tag: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "'\(tag)' has nothing to print here: use it inside a section of a fact, as in {{#fact}}{{.}}{{/fact}}",
            at: location)
    }
}
