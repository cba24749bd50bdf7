import LantianCore

/// The rules by which an hourly import changes stored station-hours, pure: what the importer writes is decided
/// here, the importer only reads and writes rows.
///
/// - Lines of one station-hour within a file are laid over each other, later values winning.
/// - A value missing from the file never erases a stored one; a value that differs replaces it, and each
///   replaced value is a correction to be recorded with its old value.
public enum StationHours {
    /// The file's station-hours merged, each once, in the order first read: `keys[i]` names the station-hour of
    /// `values[i]`; the result's values are aligned with its keys.
    public static func merge(
        keys: [StationHourKey], values: [PollutantValues]
    ) -> (order: [StationHourKey], values: [PollutantValues]) {
        var position: [StationHourKey: Int] = [:]
        position.reserveCapacity(keys.count)
        var order: [StationHourKey] = []
        order.reserveCapacity(keys.count)
        var merged: [PollutantValues] = []
        merged.reserveCapacity(keys.count)
        for (key, value) in zip(keys, values) {
            if let index = position[key] {
                merged[index] = merged[index].merging(value)
            } else {
                position[key] = order.count
                order.append(key)
                merged.append(value)
            }
        }
        return (order, merged)
    }

    /// What storing `values` does to a station-hour stored as `stored` (nil: not stored yet).
    public enum Outcome: Equatable, Sendable {
        /// A new station-hour.
        case insert(PollutantValues)
        /// The file says nothing new.
        case unchanged(PollutantValues)
        /// The stored hour becomes `values`; `corrections` lists each value replaced (a value added where there
        /// was none counts too: its old value is nil).
        case update(PollutantValues, corrections: [Correction])

        /// The hour's values after storing.
        public var values: PollutantValues {
            switch self {
            case .insert(let values), .unchanged(let values), .update(let values, _): values
            }
        }
    }

    /// One value replaced in a stored station-hour.
    public struct Correction: Equatable, Sendable {
        public var pollutant: Pollutant
        public var old: Double?
        public var new: Double

        public init(pollutant: Pollutant, old: Double?, new: Double) {
            self.pollutant = pollutant
            self.old = old
            self.new = new
        }
    }

    public static func outcome(of values: PollutantValues, over stored: PollutantValues?) -> Outcome {
        guard let stored else { return .insert(values) }
        let new = stored.merging(values)
        guard new != stored else { return .unchanged(stored) }
        let corrections = Pollutant.allCases.compactMap { pollutant -> Correction? in
            guard new[pollutant] != stored[pollutant], let value = new[pollutant] else { return nil }
            return Correction(pollutant: pollutant, old: stored[pollutant], new: value)
        }
        return .update(new, corrections: corrections)
    }
}

/// A station, by its registry number, and an hour: the key of stored station-hours.
public struct StationHourKey: Hashable, Sendable {
    public var station: Int
    public var hour: Int

    public init(station: Int, hour: Int) {
        self.station = station
        self.hour = hour
    }
}
