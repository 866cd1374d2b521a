extension SimulatedCluster {
    /// Runs `body` for every item with at most `limit` in flight.
    ///
    /// A pass that writes many objects is then not one round trip per object in a row. Failures are logged and skipped; the
    /// next pass retries what is still off.
    nonisolated func forEachConcurrently<Item: Sendable>(
        _ items: [Item],
        limit: Int = 16,
        _ body: @escaping @Sendable (Item) async throws -> Void
    ) async {
        await withTaskGroup(of: Void.self) { group in
            var iterator = items.makeIterator()
            for _ in 0..<limit {
                guard let item = iterator.next() else { break }
                group.addTask { try? await body(item) }
            }
            while await group.next() != nil {
                if let item = iterator.next() {
                    group.addTask { try? await body(item) }
                }
            }
        }
    }
}
