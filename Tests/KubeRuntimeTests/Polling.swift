import Foundation

/// Polls `condition` every millisecond until it holds or `seconds` pass; returns whether it held.
func eventually(
    within seconds: Double = 10,
    _ condition: @Sendable () async -> Bool
) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return await condition()
}
