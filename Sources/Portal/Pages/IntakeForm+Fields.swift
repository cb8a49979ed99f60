import RepairCore

extension IntakeForm {
    /// The intake form as posted by the wizard's first page (field names as `IntakeForm`'s properties).
    init(fields: [String: String]) {
        self.init(
            modelID: fields["modelID"] ?? "", serial: fields["serial"] ?? "", fault: fields["fault"] ?? "",
            locationID: fields["locationID"] ?? "", methodID: fields["methodID"] ?? "",
            contactFirstName: fields["contactFirstName"] ?? "", contactSurname: fields["contactSurname"] ?? "",
            contactEmail: fields["contactEmail"] ?? "", contactPhone: fields["contactPhone"] ?? "")
    }

    /// An empty form with the contact taken from `user`: the first word of the display name as first
    /// name, the rest as surname (people fix it on the page when that guess is wrong).
    static func prefilledContact(for user: User) -> IntakeForm {
        let words = user.displayName.split(separator: " ", maxSplits: 1).map(String.init)
        return IntakeForm(
            contactFirstName: words.first ?? "", contactSurname: words.count > 1 ? words[1] : "",
            contactEmail: user.email)
    }
}
