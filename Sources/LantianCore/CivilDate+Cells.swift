extension CivilDate {
    /// A day as a spreadsheet cell holds it: `2021-11-03`, `2021/11/3`, `2021.11.3`, `2021年11月3日`, or the serial
    /// day number an .xlsx date cell stores (1900 date system: 25569 is 1970-01-01; a time of day after the
    /// point is dropped). Serials are read only between 1990 and 2100, so that a quantity is not taken for a day.
    public init?(cell text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = CivilDate(trimmed) {
            self = day
            return
        }
        let whole = trimmed.split(separator: ".", maxSplits: 1).first.map(String.init) ?? trimmed
        if whole.count == 5, let serial = Int(whole), (32_874...73_050).contains(serial) {
            self.init(dayNumber: serial - 25_569)
            return
        }
        let parts = trimmed.replacingOccurrences(of: "日", with: "")
            .split(whereSeparator: { "-/.年月".contains($0) })
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
