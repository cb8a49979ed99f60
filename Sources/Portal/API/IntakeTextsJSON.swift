import RepairCore

/// The intake's free-text fields (`IntakeField.all`) as keys of the JSON object they are encoded into.
struct IntakeTextsJSON: Encodable, Sendable {
    var texts: [String: String]

    init(_ intake: Intake) {
        texts = Dictionary(uniqueKeysWithValues: IntakeField.all.map { ($0.key, intake[$0]) })
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        for (key, text) in texts {
            try container.encode(text, forKey: JSONKey(key))
        }
    }
}

/// `base`'s JSON object with the intake's free-text fields added at the same level.
struct WithIntakeTexts<Base: Encodable & Sendable>: Encodable, Sendable {
    var base: Base
    var texts: IntakeTextsJSON

    init(_ base: Base, _ intake: Intake) {
        self.base = base
        texts = IntakeTextsJSON(intake)
    }

    func encode(to encoder: any Encoder) throws {
        try base.encode(to: encoder)
        try texts.encode(to: encoder)
    }
}
