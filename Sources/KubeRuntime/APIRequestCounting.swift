import Kube

/// Counts the runtime's API calls in `poolpilot_api_requests_total{verb,code}`.
///
/// The Kube client has no request hook, so the runtime wraps its own calls: a success counts as
/// 201 for `create` and 200 otherwise; a failure counts its HTTP code, or 0 when no response came.
struct APIRequestCounting: Sendable {
    let metrics: RuntimeMetrics?

    func call<Result: Sendable>(
        _ verb: String,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Result
    ) async throws -> Result {
        do {
            let result = try await body()
            metrics?.apiRequests.increment(labels: ["verb": verb, "code": verb == "create" ? "201" : "200"])
            return result
        } catch {
            let code = (error as? KubeClientError)?.code ?? 0
            metrics?.apiRequests.increment(labels: ["verb": verb, "code": String(code)])
            throw error
        }
    }
}
