import RepairCore

/// A question (task) that applies to an order, with its current answer.
struct APIQuestion: Sendable, Encodable {
    var id: Int64
    var text: String
    /// `text`, `yes_no`, `choice` or `number`.
    var kind: String
    /// The options of a `choice` question; empty otherwise.
    var choices: [String]
    var required: Bool
    /// The current answer as text; null when unanswered.
    var answer: String?

    init(_ task: ServiceTask, answer: Answer?) {
        id = task.id
        text = task.text
        switch task.kind {
        case .text: (kind, choices) = ("text", [])
        case .yesNo: (kind, choices) = ("yes_no", [])
        case .choice(let options): (kind, choices) = ("choice", options)
        case .number: (kind, choices) = ("number", [])
        }
        required = task.isRequiredInPortal
        self.answer = answer?.storedText
    }

    private enum CodingKeys: String, CodingKey { case id, text, kind, choices, required, answer }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encode(kind, forKey: .kind)
        try container.encode(choices, forKey: .choices)
        try container.encode(required, forKey: .required)
        // null rather than absent: an unanswered question still has the key.
        try container.encode(answer, forKey: .answer)
    }
}
