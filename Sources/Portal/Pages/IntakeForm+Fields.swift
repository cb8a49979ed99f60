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

}
