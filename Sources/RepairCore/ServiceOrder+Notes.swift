import Foundation

// Notes on an order's history: staff notes (public or internal) and a
// customer's own public notes. A note never changes the status.
extension ServiceOrder {
    /// Longest note, in characters (default 5 000).
    public static let maxNoteLength = 5_000

    /// Returns the history event for a note by `user`; customers' notes are always public.
    public func noting(_ text: String, by user: User, isPublic: Bool, at date: Date) throws(Problem) -> OrderEvent {
        try user.checkCanAct(on: self)
        let note = try Self.checkedNote(text, isRequired: true)
        return OrderEvent(
            orderID: id, at: date, actorUserID: user.id, fromStatus: nil, toStatus: status, note: note,
            isPublic: isPublic || !user.role.isStaff)
    }

    /// The note trimmed and checked: the one rule for every note, on status changes and on its own.
    static func checkedNote(_ text: String, isRequired: Bool) throws(Problem) -> String {
        let note = text.trimmingSpaces
        try TextRules.check([(note, "note", .multiple)])
        guard !isRequired || !note.isEmpty else { throw .invalid("note", .required) }
        guard note.count <= maxNoteLength else {
            throw .invalid("note", .tooLong, ["maximum": .number(maxNoteLength)])
        }
        return note
    }
}
