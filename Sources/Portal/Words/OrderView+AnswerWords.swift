import RepairCore

extension OrderView {
    /// The answer of `line` as the page shows it: yes/no in the request's language, numbers as the language
    /// writes them, other answers as typed; nil when unanswered.
    func shownAnswer(_ line: AnswerLine) -> String? {
        switch order.answers[line.taskID] {
        case .yesNo(let value)?: value ? L("answer.yes") : L("answer.no")
        case .number(let value)?: LocalFormat.decimal(value)
        case .text, .choice, nil: line.answer
        }
    }
}
