extension AdminRules {
    /// Collects field errors so one answer names every broken field, not only the first.
    struct Errors {
        private(set) var fieldErrors: [FieldError] = []

        mutating func add(_ field: String, _ rule: FieldRule.Code, _ parameters: [String: ProblemValue] = [:]) {
            fieldErrors.append(FieldError(field: field, rule: FieldRule(rule, parameters)))
        }

        /// The trimmed name; records an error when empty, too long, or holding a control character or line break.
        mutating func name(_ raw: String, field: String) -> String {
            let name = raw.trimmingSpaces
            if let error = TextRules.violation(of: name, field: field, lines: .single) {
                fieldErrors.append(error)
            } else if name.isEmpty {
                add(field, .required)
            } else if name.count > AdminRules.maxNameLength {
                add(field, .tooLong, ["maximum": .number(AdminRules.maxNameLength)])
            }
            return name
        }

        /// The trimmed text (several lines allowed); records an error when required and empty, or too long.
        mutating func text(_ raw: String, field: String, isRequired: Bool) -> String {
            // Browsers send CRLF from text areas; the store keeps LF only.
            let text = Self.unixNewlines(raw).trimmingSpaces
            if let error = TextRules.violation(of: text, field: field, lines: .multiple) {
                fieldErrors.append(error)
            } else if isRequired && text.isEmpty {
                add(field, .required)
            } else if text.count > AdminRules.maxTextLength {
                add(field, .tooLong, ["maximum": .number(AdminRules.maxTextLength)])
            }
            return text
        }

        // "\r\n" is one Character in Swift, so both forms are caught here.
        static func unixNewlines(_ text: String) -> String {
            var result = ""
            result.reserveCapacity(text.utf8.count)
            for character in text {
                result.append(character == "\r\n" || character == "\r" ? "\n" : character)
            }
            return result
        }

        func check() throws(Problem) {
            if !fieldErrors.isEmpty { throw .validation(fieldErrors) }
        }
    }
}
