extension Template {
    /// Checks that every placeholder of a ZPL template sits in field data opened by `^FH^FD` (or `^FH_^FD`).
    ///
    /// The ZPL escape writes `_5E` for `^`; only a field with `^FH` and the default `_` indicator turns
    /// that back into `^`, so a placeholder elsewhere would print escapes literally or reach command text.
    static func validateZPLFields(_ nodes: [TemplateNode]) throws(TemplateError) {
        var state = ZPLFieldState()
        try check(nodes, state: &state)
    }

    private struct ZPLFieldState {
        var isHexPending = false
        var isInField = false
        var isFieldEscaped = false

        /// Follows `^FH`, `^FD` and `^FS` through literal template text.
        mutating func read(_ text: String) {
            let characters = Array(text)
            var index = 0
            while index < characters.count {
                defer { index += 1 }
                guard characters[index] == "^", index + 2 < characters.count else { continue }
                let command = String(characters[index + 1...index + 2]).uppercased()
                switch command {
                case "FH":
                    let next = index + 3 < characters.count ? characters[index + 3] : "^"
                    isHexPending = next == "^" || next == "_"
                case "FD":
                    isInField = true
                    isFieldEscaped = isHexPending
                case "FS":
                    isInField = false
                    isFieldEscaped = false
                    isHexPending = false
                default:
                    break
                }
            }
        }
    }

    private static func check(_ nodes: [TemplateNode], state: inout ZPLFieldState) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                state.read(text)
            case .placeholder(let placeholder):
                guard state.isInField && state.isFieldEscaped else {
                    throw TemplateError(
                        .placeholderOutsideZPLField, line: placeholder.location.line,
                        column: placeholder.location.column, name: placeholder.path)
                }
            case .each(_, _, let body):
                try check(body, state: &state)
            case .conditional(_, _, let then, let otherwise):
                var otherState = state
                try check(then, state: &state)
                try check(otherwise, state: &otherState)
            }
        }
    }
}
