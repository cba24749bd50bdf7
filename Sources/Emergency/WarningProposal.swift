/// The level a forecast calls for, episode by episode, under an edition of ``WarningRules``: what Lantian
/// proposes to the office, with the reason spelled out.
///
/// Method (docs/EMERGENCY.md): an hour counts when its forecast AQI is above the edition's threshold (AQI > 200)
/// and it is not a sand-dust hour; consecutive counting hours form a run; runs separated by fewer hours than the
/// lifting time (36 h) are one episode, because the warning would not be lifted in between (national 2017 rule;
/// it also keeps a fluctuating run around 200 at the level of its whole length). Each condition "AQI > X for ≥ H
/// hours" is checked against the episode's counting hours above X.
public enum WarningProposal {
    /// The episodes of `forecast` in time order; empty when no hour counts.
    public static func episodes(_ forecast: Forecast, rules: WarningRules) -> [Episode] {
        guard let first = forecast.hours.first?.stamp.value, let last = forecast.hours.last?.stamp.value else {
            return []
        }
        // Hour i ends at instant first + i.
        var values = [Int?](repeating: nil, count: last - first + 1)
        var sand = [Bool](repeating: false, count: values.count)
        for hour in forecast.hours {
            values[hour.stamp.value - first] = hour.aqi
            sand[hour.stamp.value - first] = hour.sandDust
        }
        func counts(_ i: Int) -> Bool { !sand[i] && (values[i] ?? 0) > rules.episodeAbove }
        var runs: [ClosedRange<Int>] = []
        var i = 0
        while i < values.count {
            guard counts(i) else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < values.count && counts(j + 1) { j += 1 }
            runs.append(i...j)
            i = j + 1
        }
        var joined: [(range: ClosedRange<Int>, runs: Int)] = []
        for run in runs {
            if let previous = joined.last, run.lowerBound - previous.range.upperBound - 1 < rules.liftHours {
                joined[joined.count - 1] = (previous.range.lowerBound...run.upperBound, previous.runs + 1)
            } else {
                joined.append((run, 1))
            }
        }
        return joined.map { span in
            let slice = span.range.map { sand[$0] ? nil : values[$0] }
            var episode = Episode(
                county: forecast.county, start: first + span.range.lowerBound - 1, end: first + span.range.upperBound,
                runs: span.runs, values: slice, sandDustHours: span.range.filter { sand[$0] }.count, level: .none,
                met: [], reason: "")
            if let (level, met) = rules.level(episode.hours) {
                episode.level = level
                episode.met = met
            }
            episode.reason = reason(episode, rules: rules)
            return episode
        }
    }

    /// The strictest level among `episodes` (none when there are none).
    public static func level(_ episodes: [Episode]) -> WarningLevel { episodes.map(\.level).max() ?? .none }

    static func reason(_ episode: Episode, rules: WarningRules) -> String {
        let threshold = rules.episodeAbove
        let span = "\(HourClock.chinese(episode.start))至\(HourClock.chinese(episode.end))"
        var text =
            episode.runs == 1
            ? "AQI > \(threshold) 预计持续 \(episode.hours(above: threshold)) 小时（\(span)）"
            : "AQI > \(threshold) 预计共 \(episode.hours(above: threshold)) 小时（\(span)，其间回落 \(episode.runs - 1) 次，"
                + "间隔均不足 \(rules.liftHours) 小时、不解除预警，按一次过程计）"
        let higher = Set(rules.triggers.flatMap { $0.alternatives.flatMap { $0 } }.map(\.aqi)).filter { $0 > threshold }
        for aqi in higher.sorted() where aqi < 500 && episode.hours(above: aqi) > 0 {
            text += "，其中 AQI > \(aqi) 共 \(episode.hours(above: aqi)) 小时"
        }
        text += "，最高 AQI \(episode.maxAQI)"
        if episode.sandDustHours > 0 { text += "（沙尘 \(episode.sandDustHours) 小时不计）" }
        if episode.level == .none {
            let mildest = rules.mildest
            text += " → 不启动预警"
            if let mildest { text += "（\(mildest.level.chinese)预警需 \(mildest.chinese)）" }
        } else {
            text += " → \(episode.level.chinese)"
            let trigger = rules.triggers.first { $0.level == episode.level }
            if (trigger?.alternatives.count ?? 0) > 1 || episode.met.count > 1 {
                text += "（\(episode.met.map(\.chinese).joined(separator: "且"))）"
            }
        }
        return text
    }
}
