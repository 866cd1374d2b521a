/// The previous scrape of each source, so counters can be turned into rates on the next round.
///
/// Each round replaces the stored snapshots; sources not in the round (pods that no longer exist)
/// are forgotten. A failed scrape keeps the older snapshot, so the next success still has a
/// baseline (counter resets in between are handled by ``CounterRates``).
public actor ScrapeHistory {
    private var previous: [String: MetricSnapshot] = [:]

    /// Creates an empty history.
    public init() {}

    /// The signals of one round of scrapes, computed against the previous round, and the round remembered for the next one.
    ///
    /// A failed scrape yields a pod whose every signal is missing.
    public func signals(for scrapes: [PodScrape], profile: ServerProfile) -> [PodSignals] {
        var next: [String: MetricSnapshot] = [:]
        var result: [PodSignals] = []
        for scrape in scrapes {
            switch scrape.outcome {
            case .success(let snapshot):
                result.append(
                    contentsOf: profile.signals(current: snapshot, previous: previous[scrape.pod], source: scrape.pod)
                )
                next[scrape.pod] = snapshot
            case .failure:
                if profile != .dcgm { result.append(PodSignals(pod: scrape.pod)) }
                next[scrape.pod] = previous[scrape.pod]
            }
        }
        previous = next
        return result
    }

    /// The sources a previous snapshot is kept for.
    public var rememberedSources: Set<String> {
        Set(previous.keys)
    }
}
