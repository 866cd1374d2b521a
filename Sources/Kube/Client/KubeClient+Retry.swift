import Foundation
import HTTP

/// One attempt's outcome before errors are mapped.
enum AttemptResult<Value: Sendable>: Sendable {
    case success(Value)
    case failure(status: Int, headers: HTTPHeaders, body: [UInt8])
}

extension KubeClient {
    /// Sends a request through the rate limiter with credentials, retrying as ``KubeClientOptions`` says.
    ///
    /// A 401 refreshes refreshable credentials (token file, exec plugin) once and tries again.
    /// - Throws: ``KubeClientError`` for the final failure; `CancellationError` when cancelled.
    func run<Value: Sendable>(
        _ request: APIRequest,
        attempt: @Sendable (any HTTPTransport, HTTPRequest) async throws -> AttemptResult<Value>
    ) async throws -> Value {
        var retries = 0
        var hasReauthenticated = false
        while true {
            try Task.checkCancellation()
            try await rateLimiter.acquire()
            let requestCredentials = try await credentials.credentials()
            let transport = await transports.transport(for: requestCredentials)
            let httpRequest = httpRequest(request, credentials: requestCredentials)

            let result: AttemptResult<Value>
            do {
                result = try await attempt(transport, httpRequest)
            } catch let error as HTTPError {
                if case .cancelled = error { throw CancellationError() }
                let canReplay = request.isIdempotent || Self.neverReachedServer(error)
                guard error.isRetryable, canReplay, retries < options.maxRetries else {
                    throw KubeClientError.transport(verb: request.verb, path: request.path, underlying: error)
                }
                try await sleeper(backoff(retries))
                retries += 1
                continue
            }

            switch result {
            case .success(let value):
                return value
            case .failure(let status, let headers, let body):
                if status == 401, !hasReauthenticated, isRefreshable {
                    await credentials.unauthorized()
                    hasReauthenticated = true
                    continue
                }
                let error = Self.apiError(verb: request.verb, path: request.path, code: status, body: body)
                guard shouldRetry(status: status, request: request), retries < options.maxRetries else { throw error }
                try await sleeper(retryAfter(headers) ?? backoff(retries))
                retries += 1
            }
        }
    }

    private var isRefreshable: Bool {
        switch configuration.authentication {
        case .exec, .bearerTokenFile: return true
        default: return false
        }
    }

    private func shouldRetry(status: Int, request: APIRequest) -> Bool {
        if status == 429 { return true }
        return status >= 500 && status != 501 && request.isIdempotent
    }

    /// Exponential backoff with jitter: `initial × 2^retry`, capped, times a factor in 0.5...1.
    func backoff(_ retry: Int) -> Double {
        let exponential = options.initialBackoff * Double(1 << min(retry, 30))
        return min(options.maxBackoff, exponential) * jitter()
    }

    /// The `Retry-After` delay in seconds (the delta-seconds form), capped.
    func retryAfter(_ headers: HTTPHeaders) -> Double? {
        guard let text = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces), let seconds = Double(text),
            seconds >= 0
        else { return nil }
        return min(seconds, options.maxRetryAfter)
    }

    /// Errors where the request cannot have reached the server, so even POST and PATCH may be replayed.
    private static func neverReachedServer(_ error: HTTPError) -> Bool {
        if case .connectFailed = error { return true }
        return false
    }
}
