/// A quick pass over the text before Yams composes it, for what Yams cannot be trusted with.
///
/// - Tabs in indentation: libyaml's message ("found character that cannot start any token")
///   does not say what to do.
/// - Nesting depth: Yams composes recursively (`Parser.loadNode`), and libyaml accepts up to 1000
///   levels, enough to overflow a thread's stack; so depth is estimated here, from indentation,
///   `-` indicators and brackets, and refused before Yams recurses.
/// - Keys that are not scalars (an alias, a flow collection, an explicit `? ` key): Yams hashes
///   every key to find duplicates, and hashing an alias to a "billion laughs" node would take
///   hours. Keys in reports.yaml are plain names, so such keys are refused outright.
///
/// The scan is an estimate, not a parser: it errs towards a deeper depth, and it stops at the
/// first excessive nesting. Exact depth is checked again on the composed tree.
enum YAMLPrescan {
    static func check(_ text: YAMLSourceText, depthLimit: Int, reportedLimit: Int) -> [Diagnostic] {
        let s = text.scalars
        var diagnostics: [Diagnostic] = []
        var flowDepth = 0
        var quote: Unicode.Scalar?
        // Content lines of a `|` or `>` scalar are indented more than this; they are skipped.
        var blockScalarIndent: Int?
        // Enclosing block lines: their indentation and the depth reached on them.
        var stack: [(indent: Int, depth: Int)] = []
        var depth = 0
        // Whether the next character starts a token (after indentation, `- `, `: `, `,`, `[`):
        // only there does a quote, a bracket or `*` mean something; `l'avion` is plain text.
        var tokenStart = true

        func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
        func isFlowIndicator(_ c: Unicode.Scalar) -> Bool { c == "," || c == "[" || c == "]" || c == "{" || c == "}" }
        func isAnchorCharacter(_ c: Unicode.Scalar) -> Bool {
            c == "-" || c == "_" || ("0"..."9").contains(c) || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
        }

        for line in 0..<text.lineCount {
            let start = text.lineStarts[line], end = text.lineEnds[line]
            func tooDeep(_ offset: Int) -> [Diagnostic] {
                diagnostics + [.yamlTooDeep(at: text.location(line: line, offset: offset), limit: reportedLimit)]
            }
            if let parent = blockScalarIndent {
                var spaces = start
                while spaces < end, s[spaces] == " " { spaces += 1 }
                var blank = spaces
                while blank < end, isBlank(s[blank]) { blank += 1 }
                if blank == end || spaces - start > parent { continue }
                blockScalarIndent = nil
            }
            var index = start
            var lineIndent = 0
            var keyColumn: Int?
            var dashColumn: Int?
            let isBlockLine = quote == nil && flowDepth == 0
            if isBlockLine {
                var tab: Int?
                while index < end, isBlank(s[index]) {
                    if s[index] == "\t", tab == nil { tab = index }
                    index += 1
                }
                if index == end || s[index] == "#" { continue }
                if let tab { diagnostics.append(.yamlTabIndentation(at: text.location(line: line, offset: tab))) }
                lineIndent = index - start
                while let last = stack.last, last.indent >= lineIndent { stack.removeLast() }
                depth = (stack.last?.depth ?? 0) + 1
                if depth > depthLimit { return tooDeep(index) }
                tokenStart = true
            }
            scan: while index < end {
                let c = s[index]
                if let open = quote {
                    if c == "\\", open == "\"" {
                        index += 2
                        continue
                    }
                    if c == open {
                        if open == "'", index + 1 < end, s[index + 1] == "'" {
                            index += 2
                            continue
                        }
                        quote = nil
                        tokenStart = false
                    }
                    index += 1
                    continue
                }
                if isBlank(c) {
                    index += 1
                    continue
                }
                if c == "#", index == start || isBlank(s[index - 1]) { break scan }
                let next: Unicode.Scalar? = index + 1 < end ? s[index + 1] : nil
                let nextIsBlank = next.map(isBlank) ?? true
                if tokenStart {
                    switch c {
                    case "'", "\"":
                        if flowDepth == 0, keyColumn == nil { keyColumn = index - start }
                        quote = c
                        index += 1
                        continue scan
                    case "-" where nextIsBlank && flowDepth == 0:
                        depth += 1
                        if depth + flowDepth > depthLimit { return tooDeep(index) }
                        dashColumn = index - start
                        keyColumn = nil
                        index += 1
                        continue scan
                    case "?" where nextIsBlank || (flowDepth > 0 && isFlowIndicator(next!)):
                        diagnostics.append(.yamlComplexKey(at: text.location(line: line, offset: index), found: "an explicit '?' key"))
                        index += 1
                        continue scan
                    case "&", "!":
                        while index < end, !isBlank(s[index]), !(flowDepth > 0 && isFlowIndicator(s[index])) { index += 1 }
                        continue scan
                    case "*":
                        let alias = index
                        index += 1
                        while index < end, isAnchorCharacter(s[index]) { index += 1 }
                        var after = index
                        while after < end, isBlank(s[after]) { after += 1 }
                        if after < end, s[after] == ":" {
                            diagnostics.append(.yamlComplexKey(at: text.location(line: line, offset: alias), found: "an alias"))
                        }
                        tokenStart = false
                        continue scan
                    case "|" where flowDepth == 0, ">" where flowDepth == 0:
                        blockScalarIndent = keyColumn ?? dashColumn ?? lineIndent
                        break scan
                    case "[", "{":
                        break
                    default:
                        if flowDepth == 0, keyColumn == nil { keyColumn = index - start }
                    }
                }
                switch c {
                case "[", "{":
                    flowDepth += 1
                    if depth + flowDepth > depthLimit { return tooDeep(index) }
                    tokenStart = true
                case "]" where flowDepth > 0, "}" where flowDepth > 0:
                    flowDepth -= 1
                    tokenStart = false
                    var after = index + 1
                    while after < end, isBlank(s[after]) { after += 1 }
                    if after < end, s[after] == ":" {
                        diagnostics.append(.yamlComplexKey(at: text.location(line: line, offset: index), found: "a list or mapping"))
                    }
                case "," where flowDepth > 0:
                    tokenStart = true
                case ":" where nextIsBlank || (flowDepth > 0 && isFlowIndicator(next!)):
                    tokenStart = true
                default:
                    tokenStart = false
                }
                index += 1
            }
            if isBlockLine { stack.append((lineIndent, depth)) }
        }
        return diagnostics
    }
}
